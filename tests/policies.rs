//! The new-style (schema-driven) resource types through `kumactl apply --dry-run` and
//! kuma-cp-lite's PUT: schema defaults and kube-openapi messages (Go:
//! `pkg/core/resources/model/rest/unmarshaller.go`), the common targetRef rules and the
//! per-type validators (`pkg/plugins/policies/*/api/v1alpha1/validator.go`), computed
//! fields, warnings, and the key order of answers and printing. One table of documents
//! drives both binaries: kumactl prints the violations joined by `; `, the server answers
//! them as Kuma's error body.

mod common;

use common::http::Api;
use common::{TestEnv, assert_outcome, run};
use kumactl::resources::descriptor;
use serde_json::{Value, json};

fn to_json(doc: &str) -> Value {
    let value: serde_yaml::Value = serde_yaml::from_str(doc).expect("test YAML");
    serde_json::to_value(value).expect("test YAML is JSON")
}

fn dry_run(env: &TestEnv, doc: &str) -> common::Outcome {
    run(env
        .kumactl()
        .args(["apply", "-f", "-", "--dry-run"])
        .write_stdin(doc))
}

/// Where kumactl would PUT the document.
fn item_path(body: &Value) -> String {
    let t = descriptor::by_name(body["type"].as_str().expect("type")).expect("known type");
    let mesh = body["mesh"].as_str().unwrap_or("default");
    t.item_path(mesh, body["name"].as_str().unwrap_or("x"))
}

fn not_processed(params: &[(&str, &str)]) -> Value {
    let detail = "Resource is not valid";
    json!({
        "type": "/std-errors", "status": 400, "title": "Could not process a resource",
        "detail": detail,
        "invalid_parameters": params.iter().map(|(f, r)| json!({"field": f, "reason": r})).collect::<Vec<_>>(),
        "details": detail,
        "causes": params.iter().map(|(f, r)| json!({"field": f, "message": r})).collect::<Vec<_>>(),
    })
}

/// Invalid documents: the violations both kumactl and the server report, in order.
const INVALID: &[(&str, &[(&str, &str)])] = &[
    // The body's own fields (stage 3: no field, the whole text).
    (
        "type: MeshTrafficPermission\nspec: {}\n",
        &[("", ".name in body is required")],
    ),
    (
        "type: MeshTimeout\nname: 5\nspec: null\nlabels: {a: 1}\n",
        &[
            ("", "labels.a in body must be of type string: \"number\""),
            ("", "name in body must be of type string: \"number\""),
            ("", "spec in body must be of type object: \"null\""),
        ],
    ),
    (
        "type: MeshTimeout\nname: t\n",
        &[("", ".spec in body is required")],
    ),
    // Schema errors inside spec carry their path.
    (
        "type: MeshTrafficPermission\nname: mtp\nspec:\n  targetRef: {kind: Mesh}\n  from:\n  - targetRef: {kind: Mesh}\n    default: {action: foo}\n",
        &[(
            "spec.from[0].default.action",
            "in body should be one of [Allow Deny AllowWithShadowDeny]",
        )],
    ),
    (
        "type: MeshTimeout\nname: t\nspec:\n  targetRef: {kind: Foo, name: 5}\n",
        &[
            (
                "spec.targetRef.kind",
                "in body should be one of [Mesh MeshSubset MeshGateway MeshService MeshExternalService MeshMultiZoneService MeshServiceSubset MeshHTTPRoute Dataplane]",
            ),
            (
                "spec.targetRef.name",
                "in body must be of type string: \"number\"",
            ),
        ],
    ),
];

#[test]
fn invalid_documents_are_refused_by_kumactl_and_the_server() {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    for (doc, violations) in INVALID {
        let joined = violations
            .iter()
            .map(|(f, r)| format!("{f}: {r}"))
            .collect::<Vec<_>>()
            .join("; ");
        let out = dry_run(&env, doc);
        assert_outcome(
            &out,
            "",
            &format!(
                "resource[0]: failed to parse resource: {joined}\nError: failed to validate some resources\n"
            ),
            1,
        );
        let body = to_json(doc);
        let reply = api.put(&item_path(&body), &body);
        assert_eq!(
            (reply.status, reply.json()),
            (400, not_processed(violations)),
            "{doc}"
        );
    }
}

#[test]
fn server_body_type_and_shape() {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    // A wrong `type` is a schema error for new types.
    let reply = api.put(
        "/meshes/default/meshtrafficpermissions/mtp",
        &json!({"type": "MeshTimeout", "name": "mtp", "spec": {}}),
    );
    assert_eq!(
        reply.json(),
        not_processed(&[("", "type in body should be one of [MeshTrafficPermission]")])
    );
    let reply = api.put("/meshes/default/meshtimeouts/t", &json!([]));
    assert_eq!(
        (reply.status, reply.json()["detail"].clone()),
        (
            400,
            json!(
                "invalid MeshTimeout object: \"json: cannot unmarshal array into Go value of type map[string]interface {}\""
            )
        )
    );
}

#[test]
fn defaults_and_decoding_show_in_dry_run_and_get() {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    // No mesh: the schema default `default`; unknown keys and `status` dropped.
    let doc = "type: MeshTimeout\nname: t1\nspec:\n  targetRef:\n    kind: Mesh\n  to:\n  - targetRef:\n      kind: Mesh\n    default:\n      idleTimeout: 20s\n      bogus: 1\n  zzz: 1\nstatus: {a: 1}\nextra: 1\n";
    let out = dry_run(&env, doc);
    assert_outcome(
        &out,
        "creationTime: \"0001-01-01T00:00:00Z\"\nkri: kri_mt_default___t1_\nmesh: default\nmodificationTime: \"0001-01-01T00:00:00Z\"\nname: t1\nspec:\n  targetRef:\n    kind: Mesh\n  to:\n  - default:\n      idleTimeout: 20s\n    targetRef:\n      kind: Mesh\ntype: MeshTimeout\n",
        "",
        0,
    );
    let body = to_json(doc);
    assert_eq!(
        api.put("/meshes/default/meshtimeouts/t1", &body).status,
        201
    );
    let mut stored = api.get("/meshes/default/meshtimeouts/t1").json();
    let fields = stored.as_object_mut().unwrap();
    fields.shift_remove("creationTime");
    fields.shift_remove("modificationTime");
    assert_eq!(
        serde_json::to_string(&stored).unwrap(),
        r#"{"type":"MeshTimeout","mesh":"default","name":"t1","labels":{"kuma.io/env":"universal","kuma.io/mesh":"default","kuma.io/origin":"zone","kuma.io/zone":"default"},"kri":"kri_mt_default_default__t1_","spec":{"targetRef":{"kind":"Mesh"},"to":[{"targetRef":{"kind":"Mesh"},"default":{"idleTimeout":"20s"}}]}}"#
    );
}
