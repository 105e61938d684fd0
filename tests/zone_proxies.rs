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

// ---------------------------------------------------------------------------------------
// Dataplane tokens and registration on the dp-server
// ---------------------------------------------------------------------------------------

const MESH_IDENTITY: &str = r#"type: MeshIdentity
mesh: default
name: identity
spec:
  selector:
    dataplane:
      matchLabels: {}
  spiffeID:
    trustDomain: "{{ .Mesh }}.{{ .Zone }}.mesh.local"
    path: "/workload/{{ .Workload }}"
  provider:
    type: Bundled
    bundled:
      meshTrustCreation: Enabled
      insecureAllowSelfSigned: true
      autogenerate:
        enabled: true
"#;

fn kumactl_ok(env: &TestEnv, args: &[&str]) -> String {
    let out = kumactl(env, args);
    assert_eq!(out.code, 0, "kumactl {args:?}: {}", out.stderr);
    out.stdout
}

fn dataplane_token(env: &TestEnv, extra: &[&str]) -> String {
    let mut args = vec!["generate", "dataplane-token", "--valid-for", "1h"];
    args.extend_from_slice(extra);
    kumactl_ok(env, &args)
}

fn dp_client(env: &TestEnv) -> reqwest::blocking::Client {
    let ca = env
        .server()
        .generated_ca_pem
        .clone()
        .expect("a generated CA");
    reqwest::blocking::Client::builder()
        .use_rustls_tls()
        .add_root_certificate(reqwest::Certificate::from_pem(ca.as_bytes()).unwrap())
        .build()
        .unwrap()
}

fn post_dp(env: &TestEnv, path: &str, body: &Value) -> Reply {
    common::http::send(
        dp_client(env)
            .post(format!("{}{path}", env.server().dp_url()))
            .header("content-type", "application/json")
            .header("accept", "application/json")
            .body(body.to_string()),
    )
}

/// What `kuma-dp run -d dp.yaml --dataplane-token-file t` sends (proxy type `dataplane`).
fn bootstrap(token: &str, resource_yaml: &str) -> Value {
    json!({
        "mesh": "", "name": "", "proxyType": "dataplane",
        "dataplaneToken": token, "dataplaneTokenPath": "/tmp/t",
        "dataplaneResource": resource_yaml,
        "version": {"kumaDp": {"version": "2.14.3"}, "envoy": {"version": "1.34.1"}}
    })
}

fn register(env: &TestEnv, token: &str, resource_yaml: &str) -> (u16, String) {
    let reply = post_dp(env, "/bootstrap", &bootstrap(token, resource_yaml));
    (reply.status, reply.text)
}

fn refused(text: &str) -> (u16, String) {
    (401, format!("authentication failed: {text}"))
}

#[test]
fn dataplane_token_requests_are_validated_before_access() {
    let env = TestEnv::with_server();
    // A forwarded request is never the local admin.
    let post = |body: Value| {
        common::http::send(
            reqwest::blocking::Client::new()
                .post(format!("{}/tokens/dataplane", env.server().api_url()))
                .header("x-forwarded-for", "203.0.113.7")
                .header("content-type", "application/json")
                .body(body.to_string()),
        )
    };
    let reply = post(json!({"mesh": "", "validFor": "soon", "type": "egresss"}));
    assert_reply(
        &reply,
        400,
        error_with(
            400,
            "Invalid request",
            "Resource is not valid",
            &[
                ("mesh", "cannot be empty"),
                ("validFor", "is invalid: time: invalid duration \"soon\""),
                ("type", "egresss is not a valid proxy type"),
            ],
        ),
    );
    let reply = post(json!({"mesh": "default", "type": "egress"}));
    assert_eq!(reply.status, 403, "{reply:?}");
    assert_eq!(
        reply.json()["detail"],
        "user \"mesh-system:anonymous/mesh-system:unauthenticated\" cannot access generate dataplane token"
    );
    // kumactl sends the zone-proxy form: mesh and workload, no proxy type.
    let token = dataplane_token(&env, &["--mesh", "default", "--workload", "zone-egress"]);
    assert_eq!(token.matches('.').count(), 2, "{token}");
}

#[test]
fn a_mesh_scoped_zone_egress_registers_with_a_dataplane_token() {
    let env = TestEnv::with_server();
    assert_outcome(
        &apply_stdin(&env, MESH_IDENTITY),
        "resource type=\"MeshIdentity\" mesh=\"default\" name=\"identity\" Created\n",
        "",
        0,
    );
    let token = dataplane_token(&env, &["--mesh", "default", "--workload", "zone-egress"]);
    let reply = post_dp(&env, "/bootstrap", &bootstrap(&token, EGRESS_DP));
    assert_eq!(reply.status, 200, "{}", reply.text);
    let doc = reply.json();
    use base64::Engine;
    let envoy = base64::engine::general_purpose::STANDARD
        .decode(doc["bootstrap"].as_str().unwrap())
        .unwrap();
    let envoy = String::from_utf8(envoy).unwrap();
    assert!(
        envoy.starts_with("node:\n  id: default.zone-egress-default\n"),
        "{envoy}"
    );
    assert!(
        envoy.contains("dataplane.proxyType: dataplane\n"),
        "{envoy}"
    );
    assert!(envoy.contains("portValue: 9901\n"), "{envoy}");

    let api = api(&env);
    let found = api
        .get("/meshes/default/dataplanes?filter[labels.kuma.io/listener-zoneegress]=enabled")
        .json();
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!(
        found["items"][0]["labels"]["kuma.io/listener-zoneegress"],
        "enabled"
    );
    let insight = api.get("/meshes/default/dataplane-insights/zone-egress-default");
    assert_eq!(insight.status, 200, "{insight:?}");
    let subscription = &insight.json()["subscriptions"][0];
    assert!(subscription["connectTime"].is_string(), "{subscription}");
    assert_eq!(subscription["version"]["kumaDp"]["version"], "2.14.3");
    let overviews = api
        .get("/meshes/default/dataplanes/_overview?filter[labels.kuma.io/listener-zoneegress]=enabled")
        .json();
    assert_eq!(overviews["total"], 1, "{overviews}");
    let overview = api
        .get("/meshes/default/dataplanes/zone-egress-default/_overview")
        .json();
    assert!(
        overview["dataplaneInsight"]["subscriptions"][0]["connectTime"].is_string(),
        "{overview}"
    );

    // Disconnecting takes the Dataplane's token and closes the subscription.
    let reply = post_dp(
        &env,
        "/bootstrap/disconnect",
        &json!({"mesh": "default", "name": "zone-egress-default", "dataplaneToken": token}),
    );
    assert_eq!((reply.status, reply.text.as_str()), (200, "{}\n"));
    let insight = api
        .get("/meshes/default/dataplane-insights/zone-egress-default")
        .json();
    assert!(insight["subscriptions"][0]["disconnectTime"].is_string());

    // Another workload's token cannot take the registered Dataplane over.
    let other = dataplane_token(&env, &["--mesh", "default", "--workload", "intruder"]);
    let intruder = EGRESS_DP.replace(
        "kuma.io/workload: zone-egress",
        "kuma.io/workload: intruder",
    );
    assert_eq!(
        register(&env, &other, &intruder),
        (
            403,
            "you are trying to override existing proxy to which you don't have an access."
                .to_string()
        )
    );
}

#[test]
fn registration_rejections_in_kuma_order() {
    let env = TestEnv::with_server();
    let api = api(&env);
    assert_eq!(
        api.put("/meshes/other", &json!({"type": "Mesh", "name": "other"}))
            .status,
        201
    );
    let unlabelled = EGRESS_DP.replace("labels:\n  kuma.io/workload: zone-egress\n", "");

    // Bootstrap checks: the resource is valid, its mesh exists.
    let token = dataplane_token(&env, &["--mesh", "default", "--workload", "zone-egress"]);
    assert_eq!(
        register(&env, &token, &EGRESS_DP.replace("port: 10002", "port: 0")),
        (
            422,
            "networking.listeners[0].port: port must be in the range [1, 65535]".to_string()
        )
    );
    assert_eq!(
        register(
            &env,
            &token,
            &EGRESS_DP.replace("mesh: default", "mesh: nope")
        ),
        (422, "mesh: mesh \"nope\" does not exist".to_string())
    );
    assert_eq!(
        register(
            &env,
            &token,
            "type: ZoneEgress\nname: ze\nnetworking:\n  port: 1\n"
        ),
        (
            422,
            "invalid proxy resource type \"ZoneEgress\", expected Dataplane".to_string()
        )
    );

    // a: the token must be signed by the Dataplane's mesh.
    let foreign = dataplane_token(&env, &["--mesh", "other", "--workload", "zone-egress"]);
    assert_eq!(
        register(&env, &foreign, EGRESS_DP),
        refused(
            "could not parse token. kuma-cp runs with an in-memory database and its state isn't preserved between restarts. Keep in mind that an in-memory database cannot be used with multiple instances of the control plane: token signature is invalid: crypto/rsa: verification error"
        )
    );
    // A revoked token (its jti in dataplane-token-revocations-<mesh>, a GlobalSecret).
    let revoked = dataplane_token(&env, &["--mesh", "default", "--workload", "zone-egress"]);
    use base64::Engine;
    let claims: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(revoked.split('.').nth(1).unwrap())
            .unwrap(),
    )
    .unwrap();
    let jti = claims["jti"].as_str().unwrap();
    let put = api.put(
        "/global-secrets/dataplane-token-revocations-default",
        &json!({"type": "GlobalSecret", "name": "dataplane-token-revocations-default",
                "data": base64::engine::general_purpose::STANDARD.encode(jti)}),
    );
    assert_eq!(put.status, 201, "{put:?}");
    assert_eq!(
        register(&env, &revoked, EGRESS_DP),
        refused("token is revoked")
    );
    // b: the name.
    let named = dataplane_token(&env, &["--mesh", "default", "--name", "ze-2"]);
    assert_eq!(
        register(&env, &named, EGRESS_DP),
        refused("proxy name from requestor: zone-egress-default is different than in token: ze-2")
    );
    // c: the mesh, in a token signed with this mesh's key.
    let key = api
        .get("/meshes/default/secrets/dataplane-token-signing-key-default-1")
        .json();
    let pem = base64::engine::general_purpose::STANDARD
        .decode(key["data"].as_str().unwrap())
        .unwrap();
    let key_path = env.path("default-key.pem");
    std::fs::write(&key_path, pem).unwrap();
    let wrong_mesh = dataplane_token(
        &env,
        &[
            "--mesh",
            "other",
            "--signing-key-path",
            key_path.to_str().unwrap(),
            "--kid",
            "1",
        ],
    );
    assert_eq!(
        register(&env, &wrong_mesh, EGRESS_DP),
        refused("proxy mesh from requestor: default is different than in token: other")
    );
    // d: tags are matched against inbound and gateway tags, which a zone proxy has none of.
    let tagged = dataplane_token(&env, &["--mesh", "default", "--tag", "kuma.io/service=web"]);
    assert_eq!(
        register(&env, &tagged, EGRESS_DP),
        refused("dataplane has no tag \"kuma.io/service\" required by the token")
    );
    // e, e': the workload label.
    assert_eq!(
        register(&env, &token, &unlabelled),
        refused("dataplane has no workload label required by the token")
    );
    let other_workload = dataplane_token(&env, &["--mesh", "default", "--workload", "web"]);
    assert_eq!(
        register(&env, &other_workload, EGRESS_DP),
        refused(
            "dataplane workload \"zone-egress\" is not allowed with this token. Allowed workload in token is \"web\""
        )
    );
    // Without a MeshIdentity, a token without workload is enough.
    let plain = dataplane_token(&env, &["--mesh", "default"]);
    assert_eq!(register(&env, &plain, EGRESS_DP).0, 200);
    // e'': with a MeshIdentity that uses the workload, the token must be bound to it,
    // and the Dataplane must carry the label.
    assert_eq!(apply_stdin(&env, MESH_IDENTITY).code, 0);
    assert_eq!(
        register(&env, &plain, EGRESS_DP),
        refused(
            "dataplane with \"kuma.io/workload\" label \"zone-egress\" derives its identity from the workload, so it requires a workload-bound token"
        )
    );
    assert_eq!(
        register(&env, &plain, &unlabelled.replace("zone-egress-default", "ze-3")),
        (
            422,
            "missing required label 'kuma.io/workload' - dataplane is selected by MeshIdentity 'identity' with path template '/workload/{{ .Workload }}'"
                .to_string()
        )
    );
    assert_eq!(register(&env, &token, EGRESS_DP).0, 200);
}

// ---------------------------------------------------------------------------------------
// kumactl migrate zone-egress
// ---------------------------------------------------------------------------------------

fn golden_path(name: &str) -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/zone_proxies")
        .join(name)
}

/// `text` equals the golden file `name` (`KUMACTL_UPDATE_GOLDENS=1` rewrites it).
fn assert_golden(name: &str, text: &str) {
    let path = golden_path(name);
    if std::env::var_os("KUMACTL_UPDATE_GOLDENS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
    }
    let golden = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("golden {} is missing ({e})", path.display()));
    assert_eq!(text, golden, "golden {name}");
}

const LEGACY: &str = r#"type: ZoneEgress
name: ze-1
labels:
  team: net
networking:
  address: 192.168.0.1
  port: 10002
  admin:
    port: 9902
"#;

/// A mesh that routes through the legacy egress with every precondition of the
/// mesh-scoped one.
fn ready_mesh(name: &str) -> String {
    format!(
        r#"type: Mesh
name: {name}
mtls:
  enabledBackend: ca-1
  backends:
  - name: ca-1
    type: builtin
routing:
  zoneEgress: true
meshServices:
  mode: Exclusive
---
type: MeshIdentity
mesh: {name}
name: identity
spec:
  selector:
    dataplane:
      matchLabels: {{}}
  spiffeID:
    trustDomain: "{{{{ .Mesh }}}}.{{{{ .Zone }}}}.mesh.local"
    path: "/workload/{{{{ .Workload }}}}"
  provider:
    type: Bundled
    bundled:
      meshTrustCreation: Enabled
      insecureAllowSelfSigned: true
      autogenerate:
        enabled: true
---
type: MeshTrafficPermission
mesh: {name}
name: allow-through-zone-egress
spec:
  targetRef:
    kind: Dataplane
    labels:
      kuma.io/listener-zoneegress: enabled
  rules:
  - default:
      allow:
      - spiffeID:
          type: Prefix
          value: spiffe://{name}.
"#
    )
}

/// The ready mesh without one of its documents (0: Mesh setting, 1: MeshIdentity,
/// 2: MeshTrafficPermission).
fn mesh_missing(name: &str, missing: usize) -> String {
    let docs: Vec<String> = ready_mesh(name)
        .split("---\n")
        .enumerate()
        .map(|(i, doc)| match (i, missing) {
            (0, 0) => doc.replace("meshServices:\n  mode: Exclusive\n", ""),
            (i, m) if i == m => String::new(),
            _ => doc.to_string(),
        })
        .filter(|d| !d.is_empty())
        .collect();
    docs.join("---\n")
}

fn write(env: &TestEnv, name: &str, text: &str) -> String {
    let path = env.path(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn migration_plan_from_the_control_plane() {
    let env = TestEnv::with_server();
    let input = format!(
        "{LEGACY}---\n{}---\n{}",
        ready_mesh("ready"),
        mesh_missing("blocked", 0)
    );
    assert_eq!(apply_stdin(&env, &input).code, 0);
    // The default mesh does not route through the egress.
    let out = kumactl(&env, &["migrate", "zone-egress"]);
    assert_golden("universal-blocked.txt", &out.stdout);
    assert_eq!(
        out.stderr,
        "Error: the migration is blocked (1 to fix, see the report): mesh \"blocked\": meshServices.mode is not Exclusive, so no zone egress listener is generated: fixed by Mesh with meshServices.mode: Exclusive\n"
    );
    assert_eq!(out.code, 1);
    // --apply creates nothing while the plan is blocked.
    let out = kumactl(&env, &["migrate", "zone-egress", "--apply"]);
    assert_eq!(out.code, 1);
    assert_outcome(
        &kumactl(&env, &["get", "dataplanes", "--mesh", "ready"]),
        "MESH   NAME   TAGS   ADDRESS   AGE\n",
        "",
        0,
    );
}

#[test]
fn each_precondition_in_turn() {
    let env = TestEnv::new();
    let legacy = write(&env, "legacy.yaml", LEGACY);
    let ready = write(&env, "ready.yaml", &ready_mesh("ready"));
    let expected = [
        "meshServices.mode is not Exclusive, so no zone egress listener is generated: fixed by Mesh with meshServices.mode: Exclusive",
        "no MeshIdentity selects the zone egress, which then gets no egress listener: fixed by MeshIdentity \"identity\"",
        "no MeshTrafficPermission targets the zone egress, which denies all traffic: fixed by MeshTrafficPermission \"allow-through-zone-egress\"",
    ];
    for (missing, reason) in expected.iter().enumerate() {
        let blocked = write(&env, "blocked.yaml", &mesh_missing("blocked", missing));
        let out = run(env.kumactl().args([
            "migrate",
            "zone-egress",
            "-f",
            &legacy,
            "-f",
            &ready,
            "-f",
            &blocked,
        ]));
        assert_eq!(
            (out.code, out.stderr.as_str()),
            (
                1,
                format!(
                    "Error: the migration is blocked (1 to fix, see the report): mesh \"blocked\": {reason}\n"
                )
                .as_str()
            ),
        );
        assert!(
            out.stdout.contains(&format!("#   MISSING {reason}\n")),
            "{}",
            out.stdout
        );
        assert_eq!(
            out.stdout.matches("#   ok      ").count(),
            5,
            "{}",
            out.stdout
        );
        assert!(!out.stdout.contains("\n---\n"), "no document while blocked");
    }
    // Complete: the report, then one Dataplane per mesh; the second mesh's kuma-dp takes
    // the next ports.
    let other = write(&env, "other.yaml", &ready_mesh("other"));
    let out = run(env.kumactl().args([
        "migrate",
        "zone-egress",
        "-f",
        &legacy,
        "-f",
        &ready,
        "-f",
        &other,
    ]));
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    assert_golden("universal-complete.txt", &out.stdout);
    // A legacy egress without an address blocks the plan.
    let no_address = write(
        &env,
        "no-address.yaml",
        &LEGACY.replace("  address: 192.168.0.1\n", ""),
    );
    let out = run(env
        .kumactl()
        .args(["migrate", "zone-egress", "-f", &no_address, "-f", &ready]));
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            1,
            "Error: the migration is blocked (1 to fix, see the report): ZoneEgress \"ze-1\" has no networking.address, which a zone egress Dataplane requires (for the Dataplane and its listener): set it on the ZoneEgress or write the Dataplanes by hand\n"
        )
    );
}

#[test]
fn migration_to_kubernetes_values() {
    let env = TestEnv::new();
    let meshes = write(
        &env,
        "meshes.yaml",
        &format!(
            "{}---\n{}---\ntype: Mesh\nname: plain\n",
            ready_mesh("ready"),
            ready_mesh("other")
        ),
    );
    let values = write(
        &env,
        "values.yaml",
        "egress:\n  enabled: true\n  replicas: 2\n  drainTime: 10s\n  logLevel: debug\n  extraLabels:\n    team: net\n  \
service:\n    type: LoadBalancer\n    nodePort: 30002\n    annotations:\n      a: b\n  autoscaling:\n    enabled: true\n    maxReplicas: 4\n  \
resources:\n    requests:\n      cpu: 100m\n  livenessProbe:\n    enabled: false\n",
    );
    let out = run(env.kumactl().args([
        "migrate",
        "zone-egress",
        "--format",
        "kubernetes",
        "-f",
        &meshes,
        "--values",
        &values,
        "--egress-node-selector",
        "pool=egress",
    ]));
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    assert_golden("kubernetes.txt", &out.stdout);
    // Only the install flags.
    let out = run(env.kumactl().args([
        "migrate",
        "zone-egress",
        "--format",
        "kubernetes",
        "-f",
        &meshes,
        "--egress-enabled",
        "--egress-drain-time",
        "60s",
        "--egress-service-type",
        "NodePort",
    ]));
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    let values = out.stdout.split("\n---\n").nth(1).unwrap();
    assert_eq!(
        values,
        "meshes:\n- name: other\n  egress:\n    enabled: true\n    service:\n      type: NodePort\n- name: ready\n  egress:\n    enabled: true\n    service:\n      type: NodePort\n"
    );
    assert!(out.stdout.contains("#   egress.drainTime: not carried over (no equivalent: the drain time is the sidecar injector's, control plane wide): \"60s\"\n"), "{}", out.stdout);
    let out = run(env.kumactl().args([
        "migrate",
        "zone-egress",
        "--format",
        "kubernetes",
        "--apply",
        "-f",
        &meshes,
    ]));
    assert_outcome(
        &out,
        "",
        "Error: --apply creates Universal Dataplanes; on Kubernetes install the printed values (kumactl install control-plane --values FILE, or helm upgrade -f FILE)\n",
        1,
    );
}

#[test]
fn apply_keeps_the_legacy_egress_and_the_new_one_registers() {
    let env = TestEnv::with_server();
    let input = format!("{LEGACY}---\n{}", ready_mesh("default"));
    assert_eq!(
        apply_stdin(&env, &input).code,
        0,
        "{}",
        apply_stdin(&env, &input).stderr
    );
    let out = kumactl(&env, &["migrate", "zone-egress", "--apply"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    let tail: Vec<&str> = out.stdout.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        tail,
        [
            "Dataplane \"ze-1\" created in mesh \"default\"; next: kumactl generate dataplane-token --mesh default --name ze-1 --workload zone-egress --valid-for 720h > ze-1.default.token"
        ]
    );
    // Applying again changes nothing.
    let out = kumactl(&env, &["migrate", "zone-egress", "--apply"]);
    assert!(
        out.stdout
            .ends_with("Dataplane \"ze-1\" in mesh \"default\" already exists: left as it is\n"),
        "{}",
        out.stdout
    );
    // Both egresses exist side by side.
    let zone_egresses = kumactl_ok(&env, &["get", "zoneegresses"]);
    assert!(
        zone_egresses.lines().nth(1).unwrap().starts_with("ze-1 "),
        "{zone_egresses}"
    );
    let stored = api(&env).get("/meshes/default/dataplanes/ze-1").json();
    assert_eq!(
        stored["networking"],
        json!({"address": "192.168.0.1", "admin": {"port": 9902},
               "listeners": [{"type": "ZoneEgress", "address": "192.168.0.1", "port": 10002}]})
    );
    assert_eq!(stored["labels"]["team"], "net");
    // The printed token command gives a token the new egress registers with (kuma-dp
    // without a resource file: the stored Dataplane is used).
    let token = dataplane_token(
        &env,
        &[
            "--mesh",
            "default",
            "--name",
            "ze-1",
            "--workload",
            "zone-egress",
        ],
    );
    let mut request = bootstrap(&token, "");
    request["mesh"] = json!("default");
    request["name"] = json!("ze-1");
    let reply = post_dp(&env, "/bootstrap", &request);
    assert_eq!(reply.status, 200, "{}", reply.text);
    let insight = api(&env).get("/meshes/default/dataplane-insights/ze-1");
    assert_eq!(insight.status, 200, "{insight:?}");
}

// ---------------------------------------------------------------------------------------
// A Kuma 3.x control plane
// ---------------------------------------------------------------------------------------

#[test]
fn a_kuma_3_control_plane_gives_clear_errors() {
    let env = TestEnv::with_server_options(kumactl::cp_lite::ServerOptions {
        kuma_version: Some("3.0.0".into()),
        ..kumactl::cp_lite::ServerOptions::for_tests()
    });
    let removed = |what: &str| {
        format!(
            "{what} does not exist on this control plane: it runs Kuma 3.0.0, which removed the legacy Zone Egress; use mesh-scoped zone egress (a Dataplane with a ZoneEgress listener per mesh), which `kumactl migrate zone-egress` plans and creates"
        )
    };
    let warning = "WARNING: You are using kumactl version 2.14.3 for Kuma, but the server returned version: 3.0.0 for Kuma\n";
    assert_outcome(
        &kumactl(&env, &["get", "zoneegresses"]),
        "",
        &format!("{warning}Error: {}\n", removed("ZoneEgress")),
        1,
    );
    assert_outcome(
        &kumactl(&env, &["get", "zoneegress", "ze-1"]),
        "",
        &format!("{warning}Error: {}\n", removed("ZoneEgress")),
        1,
    );
    assert_outcome(
        &kumactl(&env, &["inspect", "zoneegresses"]),
        "",
        &format!("{warning}Error: {}\n", removed("ZoneEgress")),
        1,
    );
    assert_outcome(
        &kumactl(&env, &["inspect", "zoneegress", "ze-1"]),
        "",
        &format!("{warning}Error: {}\n", removed("ZoneEgress")),
        1,
    );
    // A Zone Ingress that is not there is only that: not the legacy egress's removal.
    let missing_ingress = kumactl(&env, &["inspect", "zoneingress", "zi-1"]);
    assert_eq!(missing_ingress.code, 1);
    let stderr = &missing_ingress.stderr;
    assert!(
        !stderr.contains("removed the legacy Zone Egress") && stderr.contains("Error: "),
        "{stderr}"
    );
    assert_outcome(
        &apply_stdin(&env, LEGACY),
        "",
        &format!(
            "{warning}Error: resource type=\"ZoneEgress\" mesh=\"\" name=\"ze-1\": {}\n",
            removed("ZoneEgress")
        ),
        1,
    );
    assert_outcome(
        &kumactl(
            &env,
            &[
                "generate",
                "zone-token",
                "--zone",
                "z",
                "--valid-for",
                "1h",
                "--scope",
                "egress",
            ],
        ),
        "",
        &format!(
            "{warning}Error: {}\n",
            removed("The egress scope of zone tokens")
        ),
        1,
    );
    assert_outcome(
        &kumactl(&env, &["migrate", "zone-egress"]),
        "",
        "Error: the control plane runs Kuma 3.0.0, which removed the legacy Zone Egress, so there is nothing to migrate from: run kumactl migrate zone-egress against the Kuma 2.x control plane before upgrading it, or give the resources with -f\n",
        1,
    );
    // Mesh-scoped zone egress works as on 2.x.
    let out = apply_stdin(&env, EGRESS_DP);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn install_with_the_legacy_egress_notes_its_removal() {
    let env = TestEnv::new();
    let with = kumactl(&env, &["install", "control-plane", "--egress-enabled"]);
    assert_eq!(
        (with.code, with.stderr.as_str()),
        (
            0,
            "Note: Kuma 3.0 removes the legacy Zone Egress (egress.* values and the --egress-* flags); before upgrading, move to mesh-scoped zone egress with: kumactl migrate zone-egress --format kubernetes\n"
        )
    );
    assert!(with.stdout.contains("name: kuma-egress\n"));
    let without = kumactl(&env, &["install", "control-plane"]);
    assert_eq!((without.code, without.stderr.as_str()), (0, ""));
}

// ---------------------------------------------------------------------------------------
// README: "Moving to mesh-scoped Zone Egress", run as written
// ---------------------------------------------------------------------------------------

#[test]
fn readme_migration_walkthrough_runs_as_written() {
    use common::readme::{ReadmePorts, assert_outputs_in_order, readme_blocks, run_readme_script};
    let (commands, outputs) = readme_blocks("Moving to mesh-scoped Zone Egress");
    assert!(commands.len() >= 5, "the walkthrough has its commands");
    assert!(outputs.len() >= 5, "the walkthrough shows outputs");
    let dir = tempfile::tempdir().unwrap();
    let ports = ReadmePorts::free();
    let (status, stdout, stderr) = run_readme_script(&ports.apply(&commands.join("")), dir.path());
    assert!(status.success(), "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert_eq!(stderr, "");
    assert_outputs_in_order(&stdout, &outputs, &ports);
}

#[test]
fn a_preview_build_without_zone_egress_is_known_by_its_resources() {
    // master builds report 0.0.0-preview.v<sha>; their GET /_resources lists no ZoneEgress.
    let server = common::CaptureServer::start(
        200,
        r#"{"product": "Kuma", "version": "0.0.0-preview.v348b6528b", "resources": [{"name": "Zone"}]}"#,
    );
    let env = TestEnv::new();
    env.write_config_for(&server.url);
    let out = kumactl(
        &env,
        &[
            "generate",
            "zone-token",
            "--zone",
            "z",
            "--valid-for",
            "1h",
            "--scope",
            "egress",
        ],
    );
    assert_outcome(
        &out,
        "",
        "Error: The egress scope of zone tokens does not exist on this control plane: it runs Kuma 0.0.0-preview.v348b6528b, which removed the legacy Zone Egress; use mesh-scoped zone egress (a Dataplane with a ZoneEgress listener per mesh), which `kumactl migrate zone-egress` plans and creates\n",
        1,
    );
    let paths: Vec<String> = server
        .requests()
        .iter()
        .map(|r| r.lines().next().unwrap().to_string())
        .collect();
    // One `GET /` serves both the compatibility check and the 3.x check.
    assert_eq!(paths, ["GET / HTTP/1.1", "GET /_resources HTTP/1.1"]);
    // A preview build that still lists ZoneEgress is not taken for 3.x: the token request
    // goes out.
    let server = common::CaptureServer::start(
        200,
        r#"{"product": "Kuma", "version": "0.0.0-preview.vlocal-build", "resources": [{"name": "ZoneEgress"}]}"#,
    );
    env.write_config_for(&server.url);
    let out = kumactl(
        &env,
        &[
            "generate",
            "zone-token",
            "--zone",
            "z",
            "--valid-for",
            "1h",
            "--scope",
            "egress",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let last = server
        .requests()
        .last()
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string();
    assert_eq!(last, "POST /tokens/zone HTTP/1.1");
}
