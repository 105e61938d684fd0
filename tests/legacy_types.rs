//! Legacy (proto-based) resource types through `kumactl apply` and kuma-cp-lite's PUT:
//! jsonpb decoding and its messages, each type's validator (Go:
//! `pkg/core/resources/apis/mesh/*_validator.go`), the PUT stage order of
//! `pkg/api-server/resource_endpoints.go`, computed labels, key order and HTML escaping
//! of answers, and kumactl's output of a legacy type.

mod common;

use common::http::{Api, Reply};
use common::{TestEnv, assert_outcome, run};
use kumactl::cp_lite::ServerOptions;
use serde_json::{Value, json};

fn server() -> (TestEnv, Api) {
    let env = TestEnv::with_server_options(ServerOptions::for_tests());
    let api = Api::new(env.server().api_url());
    (env, api)
}

fn not_processed(params: &[(&str, &str)]) -> Value {
    json!({
        "type": "/std-errors", "status": 400, "title": "Could not process a resource",
        "detail": "Resource is not valid",
        "invalid_parameters": params.iter().map(|(f, r)| json!({"field": f, "reason": r})).collect::<Vec<_>>(),
        "details": "Resource is not valid",
        "causes": params.iter().map(|(f, r)| json!({"field": f, "message": r})).collect::<Vec<_>>(),
    })
}

fn bad_request(detail: &str) -> Value {
    json!({"type": "/std-errors", "status": 400, "title": "Bad Request", "detail": detail, "details": detail})
}

fn assert_reply(reply: &Reply, status: u16, body: Value) {
    assert_eq!(
        (reply.status, reply.json()),
        (status, body),
        "full reply: {reply:?}"
    );
}

/// `kumactl apply -f -` of one document.
fn apply(env: &TestEnv, document: &str, extra: &[&str]) -> common::Outcome {
    run(env
        .kumactl()
        .args(["apply", "-f", "-"])
        .args(extra)
        .write_stdin(document))
}

const SVC: &str = r#"[{"match": {"kuma.io/service": "*"}}]"#;

/// One legacy type: a valid spec, an invalid one and its violations, in Kuma's order.
struct Case {
    type_name: &'static str,
    path: &'static str,
    valid: String,
    invalid: String,
    violations: &'static [(&'static str, &'static str)],
}

fn policy(conf: &str) -> String {
    format!(r#""sources": {SVC}, "destinations": {SVC}, "conf": {conf}"#)
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            type_name: "TrafficPermission",
            path: "traffic-permissions",
            valid: format!(r#""sources": {SVC}, "destinations": {SVC}"#),
            invalid: r#""sources": [{"match": {}}], "destinations": [{"match": {"k": "a b"}}]"#.into(),
            violations: &[
                ("sources[0].match", "must have at least one tag"),
                (
                    "destinations[0].match[\"k\"]",
                    "tag value must consist of alphanumeric characters, dots, dashes, slashes and underscores or be \"*\"",
                ),
            ],
        },
        Case {
            type_name: "TrafficRoute",
            path: "traffic-routes",
            valid: policy(r#"{"destination": {"kuma.io/service": "*"}}"#),
            invalid: policy(
                r#"{"destination": {"kuma.io/service": "a"}, "split": [{"destination": {"kuma.io/service": "b"}}]}"#,
            ),
            violations: &[
                (
                    "conf",
                    "\"split\" cannot be defined at the same time as \"destination\"",
                ),
                ("conf.split[0].weight", "needs to be defined"),
                (
                    "conf.split",
                    "there must be at least one split entry with weight above 0",
                ),
            ],
        },
        Case {
            type_name: "TrafficLog",
            path: "traffic-logs",
            valid: policy(r#"{"backend": "file"}"#),
            invalid: r#""sources": [{"match": {"app": "web"}}], "destinations": [{"match": {"kuma.io/service": "a", "v": "1"}}]"#.into(),
            violations: &[
                ("sources[0].match", "mandatory tag \"kuma.io/service\" is missing"),
                (
                    "destinations[0].match",
                    "must consist of exactly one tag \"kuma.io/service\"",
                ),
                ("destinations[0].match[\"v\"]", "tag \"v\" is not allowed"),
            ],
        },
        Case {
            type_name: "TrafficTrace",
            path: "traffic-traces",
            valid: format!(r#""selectors": {SVC}"#),
            invalid: "\"conf\": {}".into(),
            violations: &[("selectors", "must have at least one element")],
        },
        Case {
            type_name: "HealthCheck",
            path: "health-checks",
            valid: policy(
                r#"{"interval": "10s", "timeout": "2s", "unhealthyThreshold": 3, "healthyThreshold": 1}"#,
            ),
            invalid: policy(
                r#"{"interval": "0s", "healthyThreshold": 1, "healthyPanicThreshold": 101, "http": {"expectedStatuses": [99]}, "tcp": {}}"#,
            ),
            violations: &[
                ("conf.interval", "must have a positive value"),
                ("conf.timeout", "must have a positive value"),
                ("conf.unhealthyThreshold", "must have a positive value"),
                ("conf.healthyPanicThreshold", "must be in range [0.0 - 100.0]"),
                ("conf.http.path", "has to be defined and cannot be empty"),
                ("conf.http.expectedStatuses[0]", "must be in range [100, 600)"),
                ("conf", "http and tcp cannot be defined at the same time"),
            ],
        },
        Case {
            type_name: "CircuitBreaker",
            path: "circuit-breakers",
            valid: policy(r#"{"detectors": {"totalErrors": {}}}"#),
            invalid: policy(
                r#"{"maxEjectionPercent": 150, "detectors": {}, "thresholds": {}}"#,
            ),
            violations: &[
                ("conf.detectors", "can't be empty"),
                ("conf.maxEjectionPercent", "has to be in [0.0 - 100.0] range"),
                ("conf.thresholds", "can't be empty"),
            ],
        },
        Case {
            type_name: "FaultInjection",
            path: "fault-injections",
            valid: format!(
                r#""sources": {SVC}, "destinations": [{{"match": {{"kuma.io/service": "*", "kuma.io/protocol": "http"}}}}], "conf": {{"delay": {{"percentage": 50, "value": "5s"}}}}"#
            ),
            invalid: format!(
                r#""sources": {SVC}, "destinations": {SVC}, "conf": {{"responseBandwidth": {{"limit": "10 tbps"}}}}"#
            ),
            violations: &[
                ("destinations[0].match", "protocol must be specified"),
                ("conf.responseBandwidth.percentage", "cannot be empty"),
                (
                    "conf.responseBandwidth.limit",
                    "has to be in kbps/mbps/gbps units",
                ),
            ],
        },
        Case {
            type_name: "Retry",
            path: "retries",
            valid: policy(r#"{"http": {"numRetries": 3}}"#),
            invalid: policy(
                r#"{"http": {"numRetries": 0, "retryOn": ["retriable_status_codes"], "retriableMethods": ["NONE"]}, "tcp": {}}"#,
            ),
            violations: &[
                ("conf.http.numRetries", "has to be greater than 0 when defined"),
                ("conf.http.retriableMethods[0]", "field cannot be empty"),
                (
                    "conf.http.retryOn[0]",
                    "retriableStatusCodes cannot be empty when this option is specified",
                ),
                ("conf.tcp.maxConnectAttempts", "has to be greater than 0"),
            ],
        },
        Case {
            type_name: "Timeout",
            path: "timeouts",
            valid: policy(r#"{"connectTimeout": "5s", "http": {"requestTimeout": "5m"}}"#),
            invalid: format!(r#""sources": {SVC}, "destinations": {SVC}"#),
            violations: &[("conf", "has to be defined")],
        },
        Case {
            type_name: "RateLimit",
            path: "rate-limits",
            valid: policy(r#"{"http": {"requests": 10, "interval": "1s"}}"#),
            invalid: policy(r#"{"http": {"onRateLimit": {"headers": [{"key": "x"}]}}}"#),
            violations: &[
                ("conf.http.requests", "requests must be set"),
                ("conf.http.interval", "interval must be set"),
                ("conf.http.onRateLimit.header[\"0\"]", "value must be set"),
            ],
        },
        Case {
            type_name: "VirtualOutbound",
            path: "virtual-outbounds",
            valid: format!(
                r#""selectors": {SVC}, "conf": {{"host": "{{{{.svc}}}}.mesh", "port": "80", "parameters": [{{"name": "svc", "tagKey": "kuma.io/service"}}]}}"#
            ),
            invalid: format!(
                r#""selectors": {SVC}, "conf": {{"parameters": [{{"name": "a-b"}}, {{"name": "a-b", "tagKey": "bad key"}}]}}"#
            ),
            violations: &[
                (
                    "conf.parameters[0].name",
                    "must consist of alphanumeric characters to be used as a gotemplate key",
                ),
                ("conf.parameters[1].name", "name is already used"),
                ("conf.parameters[1].tagKey", "must be a valid tag name"),
                (
                    "conf.parameters[1].name",
                    "must consist of alphanumeric characters to be used as a gotemplate key",
                ),
                (
                    "conf.parameters",
                    "must contain a parameter with kuma.io/service as a tagKey",
                ),
                ("conf.host", "has to be defined"),
                ("conf.port", "has to be defined"),
            ],
        },
        Case {
            type_name: "ProxyTemplate",
            path: "proxytemplates",
            valid: format!(r#""selectors": {SVC}, "conf": {{"imports": ["default-proxy"]}}"#),
            invalid: r#""selectors": [{"match": {"app": "x"}}], "conf": {"imports": ["", "foo"], "modifications": [{"cluster": {"operation": "merge"}}]}"#.into(),
            violations: &[
                ("selectors[0].match", "mandatory tag \"kuma.io/service\" is missing"),
                ("conf.imports[0]", "cannot be empty"),
                (
                    "conf.imports[1]",
                    "profile not found. Available profiles: default-proxy,egress-proxy,gateway-proxy,ingress-proxy",
                ),
                (
                    "conf.modifications[0].cluster.operation",
                    "invalid operation. Available operations: \"add\", \"patch\", \"remove\"",
                ),
            ],
        },
        Case {
            type_name: "ExternalService",
            path: "external-services",
            valid: r#""networking": {"address": "httpbin.org:443"}, "tags": {"kuma.io/service": "httpbin"}"#.into(),
            invalid: r#""networking": {"address": "httpbin.org"}, "tags": {"kuma.io/service": "httpbin"}"#.into(),
            violations: &[
                ("networking.address", "unable to parse address"),
                (
                    "networking.address",
                    "address has to be a valid IP address or a domain name",
                ),
                ("networking.address", "unable to parse port in address"),
                ("networking.address", "port must be in the range [1, 65535]"),
            ],
        },
        Case {
            type_name: "MeshGateway",
            path: "meshgateways",
            valid: r#""selectors": [{"match": {"kuma.io/service": "gw"}}], "conf": {"listeners": [{"port": 80, "protocol": "HTTP"}]}"#.into(),
            invalid: r#""selectors": [{"match": {"kuma.io/service": "gw"}}], "conf": {"listeners": [{"port": 443, "protocol": "HTTPS", "hostname": "*.bad_domain"}, {"port": 443, "protocol": "HTTPS", "hostname": "*.bad_domain", "tls": {"mode": "TERMINATE"}}]}"#.into(),
            violations: &[
                ("conf.listeners[0].hostname", "invalid wildcard domain"),
                ("conf.listeners[0].tls", "cannot be empty"),
                ("conf.listeners[1].hostname", "invalid wildcard domain"),
                (
                    "conf.listeners[1].tls.certificates",
                    "cannot be empty in TLS termination mode",
                ),
                (
                    "conf.listeners[1]",
                    "multiple listeners for hostname on this port",
                ),
            ],
        },
    ]
}

fn body(case: &Case, name: &str, spec: &str) -> Value {
    serde_json::from_str(&format!(
        r#"{{"type": "{}", "mesh": "default", "name": "{name}", {spec}}}"#,
        case.type_name
    ))
    .unwrap_or_else(|err| panic!("{}: {err}", case.type_name))
}

#[test]
fn every_legacy_type_through_the_api() {
    let (_env, api) = server();
    for case in cases() {
        let url = format!("/meshes/default/{}/ok", case.path);
        let reply = api.put(&url, &body(&case, "ok", &case.valid));
        assert_eq!(reply.status, 201, "{}: {reply:?}", case.type_name);
        let url = format!("/meshes/default/{}/bad", case.path);
        assert_reply(
            &api.put(&url, &body(&case, "bad", &case.invalid)),
            400,
            not_processed(case.violations),
        );
    }
}

#[test]
fn every_legacy_type_through_kumactl_apply() {
    let (env, _api) = server();
    for case in cases() {
        let valid = body(&case, "ok", &case.valid).to_string();
        let out = apply(&env, &valid, &["--dry-run"]);
        assert_eq!(
            (out.stderr.as_str(), out.code),
            ("", 0),
            "{}: {}",
            case.type_name,
            out.stderr
        );
        assert!(
            out.stdout.contains(&format!(
                "mesh: default\nmodificationTime: \"0001-01-01T00:00:00Z\"\nname: ok\ntype: {}\n",
                case.type_name
            )),
            "{}: {}",
            case.type_name,
            out.stdout
        );
        let out = apply(&env, &valid, &[]);
        assert_outcome(
            &out,
            &format!(
                "resource type=\"{}\" mesh=\"default\" name=\"ok\" Created\n",
                case.type_name
            ),
            "",
            0,
        );
        let invalid = body(&case, "bad", &case.invalid).to_string();
        let joined = case
            .violations
            .iter()
            .map(|(f, r)| format!("{f}: {r}"))
            .collect::<Vec<_>>()
            .join("; ");
        let out = apply(&env, &invalid, &["--dry-run"]);
        assert_outcome(
            &out,
            "",
            &format!(
                "resource[0]: failed to parse resource: {joined}\nError: failed to validate some resources\n"
            ),
            1,
        );
    }
}

#[test]
fn zone_ingress_through_both() {
    let (env, api) = server();
    let reply = api.put(
        "/zoneingresses/zi-1",
        &json!({"type": "ZoneIngress", "name": "zi-1", "networking": {"address": "10.0.0.1", "port": 10001}}),
    );
    assert_eq!(reply.status, 201, "{reply:?}");
    assert_reply(
        &api.put(
            "/zoneingresses/zi-1",
            &json!({"type": "ZoneIngress", "name": "zi-1", "networking": {"advertisedPort": 10001, "port": 10001}}),
        ),
        400,
        not_processed(&[(
            "networking.advertisedAddress",
            "has to be defined with advertisedPort",
        )]),
    );
    let out = apply(
        &env,
        "type: ZoneIngress\nname: zi-2\nnetworking:\n  port: 0\n",
        &[],
    );
    assert_outcome(
        &out,
        "",
        "resource[0]: failed to parse resource: networking.port: port must be in the range [1, 65535]\nError: failed to validate some resources\n",
        1,
    );
}

#[test]
fn jsonpb_decoding_messages() {
    let (env, api) = server();
    assert_reply(
        &api.put(
            "/meshes/default/dataplanes/dp-1",
            &json!({"type": "Dataplane", "mesh": "default", "name": "dp-1",
                    "networking": {"address": "1.1.1.1", "listeners": [{"type": "Foo"}]}}),
        ),
        400,
        bad_request(
            r#"invalid Dataplane object: "unknown value \"\\\"Foo\\\"\" for enum kuma.mesh.v1alpha1.Dataplane.Networking.Listener.Type""#,
        ),
    );
    assert_reply(
        &api.put(
            "/meshes/default/timeouts/t",
            &json!({"type": "Timeout", "mesh": "default", "name": "t", "conf": {"connectTimeout": "5x"}}),
        ),
        400,
        bad_request(
            r#"invalid Timeout object: "bad Duration: time: unknown unit \"x\" in duration \"5x\"""#,
        ),
    );
    assert_reply(
        &api.put_raw(
            "/meshes/default/traffic-routes/tr",
            "[]",
            Some("application/json"),
        ),
        400,
        bad_request(
            r#"invalid TrafficRoute object: "json: cannot unmarshal array into Go value of type v1alpha1.ResourceMeta""#,
        ),
    );
    assert_reply(
        &api.put_raw(
            "/meshes/default/meshtimeouts/t",
            "[]",
            Some("application/json"),
        ),
        400,
        bad_request(
            r#"invalid MeshTimeout object: "json: cannot unmarshal array into Go value of type map[string]interface {}""#,
        ),
    );
    let out = apply(
        &env,
        "type: TrafficPermission\nmesh: default\nname: tp\nsources: {}\n",
        &[],
    );
    assert_outcome(
        &out,
        "",
        "resource[0]: failed to parse resource: invalid TrafficPermission object: \"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []json.RawMessage\"\nError: failed to validate some resources\n",
        1,
    );
}

/// Meta times are Go `time.Time` values: a text that is not strict RFC 3339, or a value
/// that is not a string, ends the decoding with Go's text, ahead of a remembered type
/// error (Go: `time/format.go` `parseStrictRFC3339`, `encoding/json` `decode.go`).
#[test]
fn meta_times_are_decoded_as_go_times() {
    let (env, api) = server();
    let dataplane = |extra: Value| {
        let mut body = json!({"type": "Dataplane", "mesh": "default", "name": "dp-1",
            "networking": {"address": "1.1.1.1", "inbound": [{"port": 1, "tags": {"kuma.io/service": "a"}}]}});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        body
    };
    let path = "/meshes/default/dataplanes/dp-1";
    assert_reply(
        &api.put(
            path,
            &dataplane(json!({"labels": {"a": 1}, "creationTime": "2020-13-01T00:00:00Z"})),
        ),
        400,
        bad_request(
            r#"invalid Dataplane object: "parsing time \"2020-13-01T00:00:00Z\": month out of range""#,
        ),
    );
    assert_reply(
        &api.put(path, &dataplane(json!({"modificationTime": 5}))),
        400,
        bad_request(
            r#"invalid Dataplane object: "Time.UnmarshalJSON: input is not a JSON string""#,
        ),
    );
    // Valid times are accepted (and replaced by the server's own).
    assert_eq!(
        api.put(
            path,
            &dataplane(
                json!({"creationTime": "2020-01-01T10:00:00.5+01:00", "modificationTime": null})
            )
        )
        .status,
        201
    );
    assert_outcome(
        &apply(
            &env,
            "type: Dataplane\nmesh: default\nname: dp-2\ncreationTime: x\nnetworking: {address: 1.1.1.1}\n",
            &["--dry-run"],
        ),
        "",
        "resource[0]: failed to parse resource: invalid meta type: \"parsing time \\\"x\\\" as \\\"2006-01-02T15:04:05Z07:00\\\": cannot parse \\\"x\\\" as \\\"2006\\\"\"\nError: failed to validate some resources\n",
        1,
    );
}

#[test]
fn stage_order() {
    let (_env, api) = server();
    // A spec error hides the meta errors (bad name, mismatched name).
    assert_reply(
        &api.put(
            "/meshes/default/traffic-permissions/tp-1",
            &json!({"type": "TrafficPermission", "mesh": "default", "name": "Bad_Name"}),
        ),
        400,
        not_processed(&[
            ("sources", "must have at least one element"),
            ("destinations", "must have at least one element"),
        ]),
    );
    // The legacy body is decoded as the URL's type; its own type is a meta error, after
    // the name, and the mesh comes next.
    assert_reply(
        &api.put(
            "/meshes/default/traffic-permissions/tp-1",
            &json!({"type": "MeshTrafficPermission", "mesh": "other", "name": "tp-2",
                    "sources": SVC.parse::<Value>().unwrap(), "destinations": SVC.parse::<Value>().unwrap()}),
        ),
        400,
        not_processed(&[
            ("name", "name from the URL has to be the same as in body"),
            ("type", "type from the URL has to be the same as in body"),
            ("mesh", "mesh from the URL has to be the same as in body"),
        ]),
    );
    // Label rules: origin, zone and mesh before the syntax of each key.
    assert_reply(
        &api.put(
            "/meshes/default/traffic-permissions/tp-1",
            &json!({"type": "TrafficPermission", "mesh": "default", "name": "tp-1",
                    "labels": {"a/b/c": "x", "kuma.io/origin": "nowhere", "kuma.io/mesh": "m2"},
                    "sources": SVC.parse::<Value>().unwrap(), "destinations": SVC.parse::<Value>().unwrap()}),
        ),
        400,
        not_processed(&[
            ("labels[\"kuma.io/origin\"]", "unknown resource origin \"nowhere\""),
            (
                "labels[\"kuma.io/mesh\"]",
                "kuma.io/mesh label must not differ from mesh set on resource",
            ),
            (
                "labels[\"a/b/c\"]",
                "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
            ),
        ]),
    );
    // Global-scoped types compare the mesh label with their (empty) mesh.
    assert_reply(
        &api.put(
            "/zoneegresses/ze-1",
            &json!({"type": "ZoneEgress", "name": "ze-1", "labels": {"kuma.io/mesh": "default"},
                    "networking": {"address": "1.1.1.1", "port": 10002}}),
        ),
        400,
        not_processed(&[(
            "labels[\"kuma.io/mesh\"]",
            "kuma.io/mesh label must not differ from mesh set on resource",
        )]),
    );
    // The workload label of a new Dataplane is checked after the meta rules.
    assert_reply(
        &api.put(
            "/meshes/default/dataplanes/dp-w",
            &json!({"type": "Dataplane", "mesh": "default", "name": "dp-w", "labels": {"kuma.io/workload": "MyWorkload"},
                    "networking": {"address": "1.1.1.1"}}),
        ),
        400,
        bad_request(
            "bad request: labels[\"kuma.io/workload\"]: must be a valid DNS-1035 label (at most 63 characters, matching regex [a-z]([-a-z0-9]*[a-z0-9])?): a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
        ),
    );
}

fn labels_of(api: &Api, path: &str) -> Value {
    api.get(path).json()["labels"].clone()
}

#[test]
fn computed_labels() {
    let (_env, api) = server();
    let zone_labels = |extra: &[(&str, &str)]| {
        let mut labels = json!({"kuma.io/env": "universal", "kuma.io/mesh": "default",
                                "kuma.io/origin": "zone", "kuma.io/zone": "default"});
        for (k, v) in extra {
            labels[*k] = json!(v);
        }
        labels
    };
    let dp = |networking: Value| json!({"type": "Dataplane", "mesh": "default", "name": "dp-1", "networking": networking});
    let url = "/meshes/default/dataplanes/dp-1";
    let listener = json!({"address": "1.1.1.1", "listeners": [{"type": "ZoneEgress", "address": "1.1.1.1", "port": 10002}]});
    assert_eq!(api.put(url, &dp(listener)).status, 201);
    assert_eq!(
        labels_of(&api, url),
        zone_labels(&[
            ("kuma.io/proxy-type", "sidecar"),
            ("kuma.io/listener-zoneegress", "enabled")
        ])
    );
    // The listener label goes with the listener; a builtin gateway is a `gateway`.
    let builtin = json!({"address": "1.1.1.1", "gateway": {"type": "BUILTIN", "tags": {"kuma.io/service": "gw"}}});
    assert_eq!(api.put(url, &dp(builtin)).status, 200);
    assert_eq!(
        labels_of(&api, url),
        zone_labels(&[("kuma.io/proxy-type", "gateway")])
    );
    let delegated = json!({"address": "1.1.1.1", "gateway": {"tags": {"kuma.io/service": "gw"}}});
    assert_eq!(api.put(url, &dp(delegated)).status, 200);
    assert_eq!(
        labels_of(&api, url),
        zone_labels(&[("kuma.io/proxy-type", "sidecar")])
    );
    // Legacy policies only get the mesh; MeshGateway is provided by zones.
    let tr = json!({"type": "TrafficRoute", "mesh": "default", "name": "tr",
                    "sources": SVC.parse::<Value>().unwrap(), "destinations": SVC.parse::<Value>().unwrap(),
                    "conf": {"destination": {"kuma.io/service": "*"}}});
    assert_eq!(
        api.put("/meshes/default/traffic-routes/tr", &tr).status,
        201
    );
    assert_eq!(
        labels_of(&api, "/meshes/default/traffic-routes/tr"),
        json!({"kuma.io/mesh": "default"})
    );
    let gw = json!({"type": "MeshGateway", "mesh": "default", "name": "gw",
                    "selectors": [{"match": {"kuma.io/service": "gw"}}],
                    "conf": {"listeners": [{"port": 80, "protocol": "HTTP"}]}});
    assert_eq!(api.put("/meshes/default/meshgateways/gw", &gw).status, 201);
    assert_eq!(
        labels_of(&api, "/meshes/default/meshgateways/gw"),
        zone_labels(&[])
    );
}

/// What the server stores and serves: the canonical jsonpb spec in proto order, with
/// Go's HTML escaping.
#[test]
fn answers_in_proto_order_with_html_escaping() {
    let (_env, api) = server();
    let timeout = json!({"type": "Timeout", "mesh": "default", "name": "t",
        "conf": {"http": {"idleTimeout": "1m", "requestTimeout": "5m"}, "connect_timeout": "100ms", "bogus": 1},
        "destinations": [{"match": {"kuma.io/service": "*"}}],
        "sources": [{"match": {"kuma.io/service": "web", "app": "a&b"}}]});
    // `&` is not a valid tag value: the store is checked with a valid one below.
    assert_eq!(api.put("/meshes/default/timeouts/t", &timeout).status, 400);
    let mut timeout = timeout;
    timeout["sources"][0]["match"]["app"] = json!("a");
    assert_eq!(api.put("/meshes/default/timeouts/t", &timeout).status, 201);
    let text = api.get("/meshes/default/timeouts/t").text;
    let spec = &text[text.find("\"sources\"").expect("spec in the answer")..];
    assert_eq!(
        spec,
        "\"sources\": [\n  {\n   \"match\": {\n    \"app\": \"a\",\n    \"kuma.io/service\": \"web\"\n   }\n  }\n ],\n \"destinations\": [\n  {\n   \"match\": {\n    \"kuma.io/service\": \"*\"\n   }\n  }\n ],\n \"conf\": {\n  \"connectTimeout\": \"0.100s\",\n  \"http\": {\n   \"requestTimeout\": \"300s\",\n   \"idleTimeout\": \"60s\"\n  }\n }\n}\n"
    );
    let log = json!({"type": "TrafficLog", "mesh": "default", "name": "l",
        "sources": [{"match": {"kuma.io/service": "*"}}], "destinations": [{"match": {"kuma.io/service": "*"}}],
        "conf": {"backend": "a<b>&c"}});
    assert_eq!(api.put("/meshes/default/traffic-logs/l", &log).status, 201);
    let text = api.get("/meshes/default/traffic-logs/l").text;
    assert!(
        text.contains(r#""backend": "a\u003cb\u003e\u0026c""#),
        "{text}"
    );
    assert_eq!(
        api.get("/meshes/default/traffic-logs/l").json()["conf"]["backend"],
        "a<b>&c"
    );
    // A Mesh: its messages in declaration order, `defaultBackend` before `backends` in
    // both tracing and logging, whatever the body's order.
    let mesh = json!({"type": "Mesh", "name": "m1",
        "meshServices": {"mode": "Exclusive"},
        "routing": {"zoneEgress": true, "localityAwareLoadBalancing": true},
        "logging": {"backends": [{"conf": {"path": "/l"}, "type": "file", "format": "%a", "name": "f"}], "defaultBackend": "f"},
        "tracing": {"backends": [{"conf": {"url": "http://z:9411/api"}, "type": "zipkin", "sampling": 50, "name": "z"}], "defaultBackend": "z"},
        "mtls": {"skipValidation": true, "backends": [{"type": "builtin", "name": "ca"}], "enabledBackend": "ca"}});
    assert_eq!(api.put("/meshes/m1", &mesh).status, 201);
    let text = api.get("/meshes/m1").text;
    let spec = &text[text.find("\"mtls\"").expect("spec in the answer")..];
    assert_eq!(
        spec,
        "\"mtls\": {\n  \"enabledBackend\": \"ca\",\n  \"backends\": [\n   {\n    \"name\": \"ca\",\n    \"type\": \"builtin\"\n   }\n  ],\n  \"skipValidation\": true\n },\n \"tracing\": {\n  \"defaultBackend\": \"z\",\n  \"backends\": [\n   {\n    \"name\": \"z\",\n    \"sampling\": 50,\n    \"type\": \"zipkin\",\n    \"conf\": {\n     \"url\": \"http://z:9411/api\"\n    }\n   }\n  ]\n },\n \"logging\": {\n  \"defaultBackend\": \"f\",\n  \"backends\": [\n   {\n    \"name\": \"f\",\n    \"format\": \"%a\",\n    \"type\": \"file\",\n    \"conf\": {\n     \"path\": \"/l\"\n    }\n   }\n  ]\n },\n \"routing\": {\n  \"localityAwareLoadBalancing\": true,\n  \"zoneEgress\": true\n },\n \"meshServices\": {\n  \"mode\": \"Exclusive\"\n }\n}\n"
    );
}

#[test]
fn kumactl_prints_a_legacy_type() {
    let (env, _api) = server();
    let document = "type: Timeout\nmesh: default\nname: t\nsources:\n- match:\n    kuma.io/service: '*'\ndestinations:\n- match:\n    kuma.io/service: '*'\nconf:\n  connectTimeout: 5s\n  http:\n    requestTimeout: 5m\n";
    let out = apply(&env, document, &[]);
    assert_outcome(
        &out,
        "resource type=\"Timeout\" mesh=\"default\" name=\"t\" Created\n",
        "",
        0,
    );
    // The dry run prints the canonical spec: durations re-encoded, unknown fields gone.
    let out = apply(
        &env,
        &format!("{document}  bogus: 1\n  tcp:\n    idle_timeout: 1h\n"),
        &["--dry-run"],
    );
    assert_outcome(
        &out,
        "creationTime: \"0001-01-01T00:00:00Z\"\nmesh: default\nmodificationTime: \"0001-01-01T00:00:00Z\"\nname: t\ntype: Timeout\nconf:\n  connectTimeout: 5s\n  http:\n    requestTimeout: 300s\n  tcp:\n    idleTimeout: 3600s\ndestinations:\n- match:\n    kuma.io/service: '*'\nsources:\n- match:\n    kuma.io/service: '*'\n",
        "",
        0,
    );
    let out = run(env.kumactl().args(["get", "timeout", "t", "-o", "json"]));
    let stdout = mask_times(&out.stdout);
    assert_outcome(
        &common::Outcome { stdout, ..out },
        "{\n  \"type\": \"Timeout\",\n  \"mesh\": \"default\",\n  \"name\": \"t\",\n  \"creationTime\": \"<time>\",\n  \"modificationTime\": \"<time>\",\n  \"labels\": {\n    \"kuma.io/mesh\": \"default\"\n  },\n  \"sources\": [\n    {\n      \"match\": {\n        \"kuma.io/service\": \"*\"\n      }\n    }\n  ],\n  \"destinations\": [\n    {\n      \"match\": {\n        \"kuma.io/service\": \"*\"\n      }\n    }\n  ],\n  \"conf\": {\n    \"connectTimeout\": \"5s\",\n    \"http\": {\n      \"requestTimeout\": \"300s\"\n    }\n  }\n}\n",
        "",
        0,
    );
    let out = run(env.kumactl().args(["get", "timeout", "t", "-o", "yaml"]));
    let stdout = mask_times(&out.stdout);
    assert_outcome(
        &common::Outcome { stdout, ..out },
        "creationTime: \"<time>\"\nlabels:\n  kuma.io/mesh: default\nmesh: default\nmodificationTime: \"<time>\"\nname: t\ntype: Timeout\nconf:\n  connectTimeout: 5s\n  http:\n    requestTimeout: 300s\ndestinations:\n- match:\n    kuma.io/service: '*'\nsources:\n- match:\n    kuma.io/service: '*'\n",
        "",
        0,
    );
}

fn mask_times(text: &str) -> String {
    let times = regex::Regex::new(r#""\d{4}-\d\d-\d\dT[0-9:.]+Z""#).unwrap();
    times.replace_all(text, "\"<time>\"").into_owned()
}

fn names(reply: &Reply) -> Vec<String> {
    let page = reply.json();
    assert_eq!(reply.status, 200, "{reply:?}");
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn list_filters_on_tags_and_gateways() {
    let (_env, api) = server();
    let dp = |name: &str, networking: Value| {
        let reply = api.put(
            &format!("/meshes/default/dataplanes/{name}"),
            &json!({"type": "Dataplane", "mesh": "default", "name": name, "networking": networking}),
        );
        assert_eq!(reply.status, 201, "{reply:?}");
    };
    dp(
        "backend-1",
        json!({"address": "1.1.1.1", "inbound": [{"port": 80, "tags": {"kuma.io/service": "backend", "version": "v1"}}]}),
    );
    dp(
        "web-1",
        json!({"address": "1.1.1.2", "inbound": [{"port": 80, "tags": {"kuma.io/service": "web"}}]}),
    );
    dp(
        "edge",
        json!({"address": "1.1.1.3", "gateway": {"type": "BUILTIN", "tags": {"kuma.io/service": "edge"}}}),
    );
    dp(
        "delegated",
        json!({"address": "1.1.1.4", "gateway": {"tags": {"kuma.io/service": "kong"}}}),
    );
    let list = |query: &str| names(&api.get(&format!("/meshes/default/dataplanes?{query}")));
    assert_eq!(list("tag=kuma.io/service:back"), ["backend-1"]);
    assert_eq!(list("tag=kuma.io/service:e&tag=version:*"), ["backend-1"]);
    assert_eq!(list("tag=kuma.io/service:ed"), ["edge"]);
    assert_eq!(
        list("tag=novalue"),
        ["backend-1", "delegated", "edge", "web-1"]
    );
    assert_eq!(list("gateway=BUILTIN"), ["edge"]);
    assert_eq!(list("gateway=delegated"), ["delegated"]);
    assert_eq!(list("gateway=true"), ["delegated", "edge"]);
    assert_eq!(list("gateway=false&size=1").len(), 1);
    assert_eq!(
        api.get("/meshes/default/dataplanes?gateway=false").json()["total"],
        2
    );
    assert_eq!(
        names(&api.get("/meshes/default/dataplanes/_overview?gateway=builtin")),
        ["edge"]
    );
    assert_reply(
        &api.get("/meshes/default/dataplanes?gateway=Maybe"),
        400,
        json!({
            "type": "/std-errors", "status": 400, "title": "Could not retrieve resources",
            "detail": "Resource is not valid", "details": "Resource is not valid",
            "invalid_parameters": [{"field": "/meshes/{mesh}/dataplanes.gateway",
                "reason": "shoud use `true`, `false`, 'builtin' or 'delegated' instead of maybe"}],
            "causes": [{"field": "/meshes/{mesh}/dataplanes.gateway",
                "message": "shoud use `true`, `false`, 'builtin' or 'delegated' instead of maybe"}],
        }),
    );
    // The filter is checked before the mesh.
    assert_eq!(api.get("/meshes/nope/dataplanes?gateway=x").status, 400);
    for (name, service) in [("es-1", "httpbin"), ("es-2", "example")] {
        let reply = api.put(
            &format!("/meshes/default/external-services/{name}"),
            &json!({"type": "ExternalService", "mesh": "default", "name": name,
                    "networking": {"address": "example.com:443"}, "tags": {"kuma.io/service": service}}),
        );
        assert_eq!(reply.status, 201, "{reply:?}");
    }
    assert_eq!(
        names(&api.get("/meshes/default/external-services?tag=kuma.io/service:bin")),
        ["es-1"]
    );
    // `gateway` is not a filter of ExternalServices.
    assert_eq!(
        names(&api.get("/meshes/default/external-services?gateway=x")),
        ["es-1", "es-2"]
    );
}

#[test]
fn resources_by_kri() {
    let (_env, api) = server();
    let reply = api.put(
        "/meshes/default/meshgateways/gw",
        &json!({"type": "MeshGateway", "mesh": "default", "name": "gw",
                "selectors": [{"match": {"kuma.io/service": "gw"}}],
                "conf": {"listeners": [{"port": 80, "protocol": "HTTP"}]}}),
    );
    assert_eq!(reply.status, 201, "{reply:?}");
    let by_kri = api.get("/_kri/kri_mgw_default_default__gw_section");
    assert_eq!(by_kri.status, 200);
    assert_eq!(by_kri.text, api.get("/meshes/default/meshgateways/gw").text);
    assert_eq!(
        by_kri.json()["kri"],
        "kri_mgw_default_default__gw_",
        "the resource's own kri"
    );
    let ingress = api.put(
        "/zoneingresses/zi-1",
        &json!({"type": "ZoneIngress", "name": "zi-1", "networking": {"address": "10.0.0.1", "port": 10001}}),
    );
    assert_eq!(ingress.status, 201);
    assert_eq!(
        api.get("/_kri/kri_zi__default__zi-1_").json()["name"],
        "zi-1"
    );
    assert_eq!(
        api.get("/_kri/kri_mgw_default_default__gw_?format=kubernetes")
            .json()["kind"],
        "MeshGateway"
    );
    let not_found = json!({"type": "/std-errors", "status": 404, "title": "Could not retrieve a resource",
                           "detail": "Not found", "details": "Not found"});
    assert_reply(
        &api.get("/_kri/kri_mgw_default_default__nope_"),
        404,
        not_found.clone(),
    );
    assert_reply(
        &api.get("/_kri/kri_zi_default_default__zi-1_"),
        404,
        not_found,
    );
    assert_reply(
        &api.get("/_kri/kri___default_default__mtp-3_"),
        400,
        bad_request(r#"bad request: unknown short name of resource type: """#),
    );
    assert_reply(
        &api.get("/_kri/kri_dp_default"),
        400,
        bad_request(r#"bad request: invalid identifier string: "kri_dp_default""#),
    );
    assert_reply(
        &api.get("/_kri/x_dp_default_a_b_c_"),
        400,
        bad_request(r#"bad request: identifier must start with 'kri': "x_dp_default_a_b_c_""#),
    );
}

#[test]
fn zone_name_warnings_and_labels() {
    let (env, api) = server();
    let warning = "Invalid Zone resource name: 'zone.1'. It does not conform to the DNS format (RFC 1035). This is deprecated. Errors: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
    assert_reply(
        &api.put(
            "/zones/zone.1",
            &json!({"type": "Zone", "name": "zone.1", "enabled": false}),
        ),
        201,
        json!({"warnings": [warning]}),
    );
    // Zones are provided by zones too: a zone control plane labels them as its own.
    let stored = api.get("/zones/zone.1").json();
    assert_eq!(
        (stored["labels"].clone(), stored["enabled"].clone()),
        (
            json!({"kuma.io/env": "universal", "kuma.io/origin": "zone", "kuma.io/zone": "default"}),
            json!(false)
        )
    );
    let out = apply(&env, "type: Zone\nname: zone.2\n", &[]);
    assert_outcome(
        &out,
        "resource type=\"Zone\" mesh=\"\" name=\"zone.2\" Created\n",
        &format!("Warning: {}\n", warning.replace("zone.1", "zone.2")),
        0,
    );
    assert_reply(
        &api.put(
            "/zoneingresses/zi-1",
            &json!({"type": "ZoneIngress", "name": "zi-1", "networking": {"address": "10.0.0.1", "port": 10001},
                    "availableServices": [{"tags": {"app": "web"}}]}),
        ),
        400,
        not_processed(&[(
            "availableService[0].tags",
            "mandatory tag \"kuma.io/service\" is missing",
        )]),
    );
}

#[test]
fn manager_checks_and_dataplane_probes() {
    let (_env, api) = server();
    let es = |name: &str, service: &str| {
        json!({"type": "ExternalService", "mesh": "default", "name": name,
               "networking": {"address": "example.com:443"}, "tags": {"kuma.io/service": service}})
    };
    assert_eq!(
        api.put(
            "/meshes/default/external-services/es-1",
            &es("es-1", "httpbin")
        )
        .status,
        201
    );
    let rate_limit = |destination: Value| {
        json!({"type": "RateLimit", "mesh": "default", "name": "rl",
               "sources": SVC.parse::<Value>().unwrap(), "destinations": [{"match": destination}],
               "conf": {"http": {"requests": 10, "interval": "1s"}}})
    };
    let failed = |title: &str, field: &str, reason: &str| {
        let mut body = not_processed(&[(field, reason)]);
        body["title"] = json!(title);
        body
    };
    assert_reply(
        &api.put(
            "/meshes/default/rate-limits/rl",
            &rate_limit(json!({"kuma.io/service": "httpbin", "version": "v1"})),
        ),
        400,
        failed(
            "Failed to create a resource",
            "ratelimit",
            "RateLimit applied to external service only supports kuma.io/service as destination match",
        ),
    );
    assert_eq!(
        api.put(
            "/meshes/default/rate-limits/rl",
            &rate_limit(json!({"kuma.io/service": "*", "version": "v1"}))
        )
        .status,
        400
    );
    assert_eq!(
        api.put(
            "/meshes/default/rate-limits/rl",
            &rate_limit(json!({"kuma.io/service": "other", "version": "v1"}))
        )
        .status,
        201
    );
    assert_reply(
        &api.put(
            "/meshes/default/external-services/es-2",
            &es("es-2", "other"),
        ),
        400,
        failed(
            "Failed to create a resource",
            "externalservice",
            "ExternalService would match RateLimit 'rl' which includes incompatible destination matches",
        ),
    );
    assert_reply(
        &api.put(
            "/meshes/default/external-services/es-1",
            &es("es-1", "other"),
        ),
        400,
        failed(
            "Failed to update a resource",
            "externalservice",
            "ExternalService would match RateLimit 'rl' which includes incompatible destination matches",
        ),
    );
    // A probed inbound starts NotReady.
    let dp = json!({"type": "Dataplane", "mesh": "default", "name": "dp-1",
        "networking": {"address": "1.1.1.1", "inbound": [
            {"port": 80, "tags": {"kuma.io/service": "web"}, "serviceProbe": {"interval": "10s"}},
            {"port": 81, "tags": {"kuma.io/service": "api"}}]}});
    assert_eq!(api.put("/meshes/default/dataplanes/dp-1", &dp).status, 201);
    assert_eq!(
        api.get("/meshes/default/dataplanes/dp-1").json()["networking"]["inbound"],
        json!([
            {"port": 80, "tags": {"kuma.io/service": "web"}, "health": {}, "serviceProbe": {"interval": "10s"}, "state": "NotReady"},
            {"port": 81, "tags": {"kuma.io/service": "api"}}
        ])
    );
}

#[test]
fn mesh_prometheus_defaults() {
    let (_env, api) = server();
    let mesh = json!({"type": "Mesh", "name": "m1", "metrics": {"enabledBackend": "p1", "backends": [
        {"name": "p1", "type": "prometheus", "conf": {"skipMTLS": true, "port": 1234}},
        {"name": "p2", "type": "prometheus"}]}});
    assert_eq!(api.put("/meshes/m1", &mesh).status, 201);
    let text = api.get("/meshes/m1").text;
    let metrics = &text[text.find("\"metrics\"").unwrap()..];
    assert_eq!(
        metrics,
        "\"metrics\": {\n  \"enabledBackend\": \"p1\",\n  \"backends\": [\n   {\n    \"name\": \"p1\",\n    \"type\": \"prometheus\",\n    \"conf\": {\n     \"path\": \"/metrics\",\n     \"port\": 1234,\n     \"tags\": {\n      \"kuma.io/service\": \"dataplane-metrics\"\n     },\n     \"tls\": {\n      \"mode\": \"disabled\"\n     }\n    }\n   },\n   {\n    \"name\": \"p2\",\n    \"type\": \"prometheus\",\n    \"conf\": {\n     \"path\": \"/metrics\",\n     \"port\": 5670,\n     \"tags\": {\n      \"kuma.io/service\": \"dataplane-metrics\"\n     },\n     \"tls\": {}\n    }\n   }\n  ]\n }\n}\n"
    );
}

#[test]
fn dataplane_membership_constraints() {
    let (_env, api) = server();
    let mesh = json!({"type": "Mesh", "name": "m1", "constraints": {"dataplaneProxy": {
        "requirements": [{"tags": {"kuma.io/zone": "*"}}, {"tags": {"team": "a"}}],
        "restrictions": [{"tags": {"kuma.io/service": "forbidden"}}]}}});
    assert_eq!(api.put("/meshes/m1", &mesh).status, 201);
    let dp = |service: &str, extra: (&str, &str)| {
        let mut tags = json!({"kuma.io/service": service});
        tags[extra.0] = json!(extra.1);
        json!({"type": "Dataplane", "mesh": "m1", "name": "dp-1",
               "networking": {"address": "1.1.1.1", "inbound": [{"port": 80, "tags": tags}]}})
    };
    let url = "/meshes/m1/dataplanes/dp-1";
    let refused = |title: &str| {
        json!({"type": "/std-errors", "status": 500, "title": title,
               "detail": "Internal Server Error", "details": "Internal Server Error"})
    };
    assert_reply(
        &api.put(url, &dp("web", ("team", "b"))),
        500,
        refused("Failed to create a resource"),
    );
    assert_reply(
        &api.put(url, &dp("forbidden", ("team", "a"))),
        500,
        refused("Failed to create a resource"),
    );
    assert_eq!(api.put(url, &dp("web", ("kuma.io/zone", "z1"))).status, 201);
    assert_reply(
        &api.put(url, &dp("forbidden", ("kuma.io/zone", "z1"))),
        500,
        refused("Failed to update a resource"),
    );
}

#[test]
fn snis_are_computed_on_read() {
    let (env, api) = server();
    let body = json!({"type": "MeshService", "mesh": "default", "name": "redis",
        "snis": [{"port": 1, "sni": "ignored"}],
        "spec": {"ports": [{"port": 6380, "name": "admin"}, {"port": 6379}]}});
    assert_eq!(
        api.put("/meshes/default/meshservices/redis", &body).status,
        201
    );
    let expected = json!([{"port": 6379, "sni": "sni.msvc.default.default.redis.6379"},
                          {"port": 6380, "sni": "sni.msvc.default.default.redis.admin"}]);
    let stored = api.get("/meshes/default/meshservices/redis");
    assert_eq!(stored.json()["snis"], expected);
    // After `kri`, before `spec`.
    let text = stored.text;
    let (kri, snis, spec) = (
        text.find("\"kri\"").unwrap(),
        text.find("\"snis\"").unwrap(),
        text.find("\"spec\"").unwrap(),
    );
    assert!(kri < snis && snis < spec, "{text}");
    assert_eq!(
        api.get("/meshes/default/meshservices").json()["items"][0]["snis"],
        expected
    );
    let out = run(env
        .kumactl()
        .args(["get", "meshservice", "redis", "-o", "json"]));
    let printed: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(printed["snis"], expected);
}

/// Kuma's own misspelt or repeated paths, reported alike by kumactl and the server:
/// `networking.probes` and `networking.transparentProxing` (Go:
/// `pkg/core/resources/apis/mesh/dataplane_validator.go`), lowercase `dpcert` and the
/// backends' `config` for the JSON key `conf` (Go: `pkg/core/resources/apis/mesh/mesh_validator.go`).
#[test]
fn path_quirks_of_dataplane_and_mesh() {
    let (env, api) = server();
    let dataplane = json!({"type": "Dataplane", "mesh": "default", "name": "gw",
        "networking": {"address": "1.1.1.1",
            "gateway": {"type": "BUILTIN", "tags": {"kuma.io/service": "g"}},
            "transparentProxying": {"redirectPortInbound": 15006, "redirectPortOutbound": 15001,
                "reachableBackends": {"refs": [{"kind": "Foo", "name": "x"}]}}},
        "probes": {"port": 9000}});
    let dataplane_violations: &[(&str, &str)] = &[
        (
            "networking.probes",
            "probes cannot be defined for builtin gateways",
        ),
        (
            "networking.transparentProxing.reachableBackends.refs[0].kind",
            "invalid value. Available values are: MeshExternalService,MeshMultiZoneService,MeshService",
        ),
    ];
    let mesh = json!({"type": "Mesh", "name": "m1", "mtls": {"enabledBackend": "ca",
        "backends": [{"name": "ca", "type": "builtin", "dpCert": {"rotation": {"expiration": "1x"}}}]},
        "logging": {"backends": [{"name": "f", "type": "file", "conf": {}}]},
        "tracing": {"backends": [{"name": "z", "type": "zipkin", "conf": {"url": "http://x"}}]}});
    let mesh_violations: &[(&str, &str)] = &[
        (
            "mtls.dpcert.rotation.expiration",
            "has to be a valid format",
        ),
        ("logging.backends[0].config.path", "cannot be empty"),
        (
            "tracing.backends[0].config.url",
            "port has to be explicitly specified",
        ),
    ];
    for (body, path, violations) in [
        (
            &dataplane,
            "/meshes/default/dataplanes/gw",
            dataplane_violations,
        ),
        (&mesh, "/meshes/m1", mesh_violations),
    ] {
        assert_reply(&api.put(path, body), 400, not_processed(violations));
        let joined = violations
            .iter()
            .map(|(f, r)| format!("{f}: {r}"))
            .collect::<Vec<_>>()
            .join("; ");
        assert_outcome(
            &apply(&env, &body.to_string(), &["--dry-run"]),
            "",
            &format!(
                "resource[0]: failed to parse resource: {joined}\nError: failed to validate some resources\n"
            ),
            1,
        );
    }
}
