//! Mesh-scoped zone proxies (Go: `pkg/core/resources/apis/mesh/dataplane_validator.go`,
//! `pkg/core/resources/labels/compute.go`, `pkg/xds/auth/universal/authenticator.go`,
//! `pkg/tokens/builtin/server/webservice.go`): Dataplanes with `networking.listeners[]`,
//! their registration with a dataplane token, `kumactl migrate zone-egress`, and a 3.x
//! control plane. Every test runs the real binaries against kuma-cp-lite started here.

mod common;

use common::http::{Api, Reply};
use common::{Outcome, TestEnv, assert_outcome, run};
use serde_json::{Value, json};

fn kumactl(env: &TestEnv, args: &[&str]) -> Outcome {
    run(env.kumactl().args(args))
}

fn apply_stdin(env: &TestEnv, input: &str) -> Outcome {
    run(env.kumactl().args(["apply", "-f", "-"]).write_stdin(input))
}

fn api(env: &TestEnv) -> Api {
    Api::new(env.server().api_url())
}

fn error_with(status: u16, title: &str, detail: &str, params: &[(&str, &str)]) -> Value {
    json!({
        "type": "/std-errors", "status": status, "title": title, "detail": detail,
        "invalid_parameters": params.iter().map(|(f, r)| json!({"field": f, "reason": r})).collect::<Vec<_>>(),
        "details": detail,
        "causes": params.iter().map(|(f, r)| json!({"field": f, "message": r})).collect::<Vec<_>>(),
    })
}

fn assert_reply(reply: &Reply, status: u16, body: Value) {
    assert_eq!((reply.status, reply.json()), (status, body), "{reply:?}");
}

const EGRESS_DP: &str = "\
type: Dataplane
mesh: default
name: zone-egress-default
labels:
  kuma.io/workload: zone-egress
networking:
  address: 192.168.0.10
  admin:
    port: 9901
  listeners:
  - type: ZoneEgress
    address: 192.168.0.10
    port: 10002
    name: ze-port
";

// ---------------------------------------------------------------------------------------
// The listeners model: validation, computed labels, output
// ---------------------------------------------------------------------------------------

#[test]
fn kumactl_apply_checks_listeners_before_sending() {
    let env = TestEnv::with_server();
    let input = r#"type: Dataplane
mesh: default
name: a
networking:
  address: 10.0.0.1
  listeners:
  - address: ''
    port: 0
---
type: Dataplane
mesh: default
name: b
networking:
  address: 10.0.0.1
  listeners:
  - {type: ZoneEgress, address: 'not-valid!', port: 65536, name: x}
  - {type: ZoneEgress, address: 10.0.0.1, port: 1, name: x}
  - {type: ZoneEgress, address: 10.0.0.1, port: 1}
  - {type: ZoneIngress, address: 10.0.0.1, port: 1}
---
type: Dataplane
mesh: default
name: c
networking:
  address: 10.0.0.1
  gateway:
    tags: {kuma.io/service: gw}
  listeners:
  - {type: ZoneEgress, address: 10.0.0.1, port: 1}
---
type: Dataplane
mesh: default
name: d
networking:
  address: 10.0.0.1
  inbound:
  - port: 8080
  listeners:
  - {type: ZoneEgress, address: 10.0.0.1, port: 8080, name: '8080'}
---
type: Dataplane
mesh: default
name: e
"#;
    let out = apply_stdin(&env, input);
    assert_outcome(
        &out,
        "",
        "resource[0]: failed to parse resource: networking.listeners[0].type: type must be ZoneIngress or ZoneEgress; networking.listeners[0].address: address can't be empty; networking.listeners[0].port: port must be in the range [1, 65535]\n\
resource[1]: failed to parse resource: networking.listeners[0].address: address has to be valid IP address or domain name; networking.listeners[0].port: port must be in the range [1, 65535]; networking.listeners[1].name: name \"x\" must be unique across inbounds and listeners; networking.listeners[2]: address:port 10.0.0.1:1 is already used by another listener; networking.listeners[3]: address:port 10.0.0.1:1 is used by listeners of different types\n\
resource[2]: failed to parse resource: networking.listeners: listeners cannot be defined for delegated gateways\n\
resource[3]: failed to parse resource: networking.listeners[0].name: name \"8080\" must be unique across inbounds and listeners; networking.listeners[0]: address:port 10.0.0.1:8080 collides with an inbound listener\n\
resource[4]: failed to parse resource: networking: must be defined\n\
Error: failed to validate some resources\n",
        1,
    );
    assert_outcome(
        &kumactl(&env, &["get", "dataplanes"]),
        "MESH   NAME   TAGS   ADDRESS   AGE\n",
        "",
        0,
    );
}

#[test]
fn put_validates_listeners_and_computes_their_labels() {
    let env = TestEnv::with_server();
    let api = api(&env);
    let reply = api.put(
        "/meshes/default/dataplanes/zp",
        &json!({"type": "Dataplane", "mesh": "default", "name": "zp",
            "networking": {"address": "10.0.0.1", "listeners": [{"type": "ZoneEgress", "address": "0.0.0.0", "port": 0}]}}),
    );
    assert_reply(
        &reply,
        400,
        error_with(
            400,
            "Could not process a resource",
            "Resource is not valid",
            &[
                (
                    "networking.listeners[0].address",
                    "must not be 0.0.0.0 or ::",
                ),
                (
                    "networking.listeners[0].port",
                    "port must be in the range [1, 65535]",
                ),
            ],
        ),
    );
    // A stale listener label is replaced by the computed ones.
    let out = apply_stdin(
        &env,
        &EGRESS_DP.replace(
            "labels:\n",
            "labels:\n  kuma.io/listener-zoneingress: enabled\n  kuma.io/proxy-type: zoneegress\n",
        ),
    );
    assert_outcome(
        &out,
        "resource type=\"Dataplane\" mesh=\"default\" name=\"zone-egress-default\" Created\n",
        "",
        0,
    );
    let stored = api
        .get("/meshes/default/dataplanes/zone-egress-default")
        .json();
    assert_eq!(
        stored["labels"],
        json!({"kuma.io/env": "universal", "kuma.io/listener-zoneegress": "enabled", "kuma.io/mesh": "default",
               "kuma.io/origin": "zone", "kuma.io/proxy-type": "sidecar", "kuma.io/workload": "zone-egress", "kuma.io/zone": "default"})
    );
    assert_eq!(
        stored["networking"],
        json!({"address": "192.168.0.10", "admin": {"port": 9901},
               "listeners": [{"type": "ZoneEgress", "address": "192.168.0.10", "port": 10002, "name": "ze-port"}]})
    );
    assert_eq!(
        stored["kri"],
        "kri_dp_default_default__zone-egress-default_"
    );
    let found = api
        .get("/meshes/default/dataplanes?filter[labels.kuma.io/listener-zoneegress]=enabled")
        .json();
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!(found["items"][0]["name"], "zone-egress-default");
    let none = api
        .get("/meshes/default/dataplanes?filter[labels.kuma.io/listener-zoneingress]=enabled")
        .json();
    assert_eq!(none["total"], 0, "{none}");
    // The table has no listener column and an empty TAGS cell.
    let out = kumactl(&env, &["get", "dataplanes"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let row: Vec<&str> = out
        .stdout
        .lines()
        .nth(1)
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(row[..3], ["default", "zone-egress-default", "192.168.0.10"]);
}
