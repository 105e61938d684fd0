//! `kumactl export` against kuma-cp-lite (Go: `app/kumactl/cmd/export/export.go`), and the
//! endpoints behind it: `GET /_resources` and `?format=k8s` on single resources.
//!
//! Goldens under tests/export/ are written with `KUMACTL_UPDATE_GOLDENS=1 cargo test
//! --test export` and reviewed; the server's clock, its identity and the keys it generates
//! at start are replaced by placeholders before comparing.

mod common;

use common::http::Api;
use common::http_files::HttpFiles;
use common::{Outcome, TestEnv, assert_outcome, run};
use regex::Regex;
use serde_json::{Value, json};
use std::path::PathBuf;

/// PUTs a resource that must be new.
fn create(api: &Api, path: &str, body: Value) {
    let reply = api.put(path, &body);
    assert_eq!(reply.status, 201, "{path}: {reply:?}");
}

/// kuma-cp-lite holding several types, 101 Secrets in mesh `default`, and a mesh with a
/// builtin CA.
fn populated() -> TestEnv {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    create(
        &api,
        "/meshes/other",
        json!({"type": "Mesh", "name": "other",
               "mtls": {"enabledBackend": "ca-1",
                        "backends": [{"name": "ca-1", "type": "builtin"}]}}),
    );
    for i in 0..=100 {
        let name = format!("s-{i:03}");
        create(
            &api,
            &format!("/meshes/default/secrets/{name}"),
            json!({"type": "Secret", "mesh": "default", "name": name, "data": "c2VjcmV0"}),
        );
    }
    create(
        &api,
        "/meshes/other/traffic-permissions/tp",
        json!({"type": "TrafficPermission", "mesh": "other", "name": "tp",
               "sources": [{"match": {"kuma.io/service": "*"}}],
               "destinations": [{"match": {"kuma.io/service": "*"}}]}),
    );
    create(
        &api,
        "/meshes/default/meshtimeouts/mt",
        json!({"type": "MeshTimeout", "mesh": "default", "name": "mt",
               "labels": {"team": "a"},
               "spec": {"targetRef": {"kind": "Mesh"},
                        "to": [{"targetRef": {"kind": "Mesh"}, "default": {"idleTimeout": "20s"}}]}}),
    );
    create(
        &api,
        "/meshes/default/meshgateways/gw",
        json!({"type": "MeshGateway", "mesh": "default", "name": "gw",
               "selectors": [{"match": {"kuma.io/service": "gw"}}],
               "conf": {"listeners": [{"port": 8080, "protocol": "HTTP"}]}}),
    );
    create(
        &api,
        "/hostnamegenerators/hg",
        json!({"type": "HostnameGenerator", "name": "hg",
               "spec": {"selector": {"meshService": {"matchLabels": {"kuma.io/origin": "zone"}}},
                        "template": "{{ .DisplayName }}.mesh"}}),
    );
    create(
        &api,
        "/meshes/default/dataplanes/dp",
        json!({"type": "Dataplane", "mesh": "default", "name": "dp",
               "networking": {"address": "10.0.0.1",
                              "inbound": [{"port": 8080, "tags": {"kuma.io/service": "web"}}]}}),
    );
    create(
        &api,
        "/zoneegresses/ze",
        json!({"type": "ZoneEgress", "name": "ze",
               "networking": {"address": "192.168.0.1", "port": 10002}}),
    );
    // A control plane's own CA for inter-CP traffic is never exported.
    create(
        &api,
        "/globalsecrets/inter-cp-ca",
        json!({"type": "GlobalSecret", "name": "inter-cp-ca", "data": "Y2E="}),
    );
    env
}

/// The output with the server's clock, identity and generated keys as placeholders.
fn stable(text: &str) -> String {
    let time = Regex::new(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z").unwrap();
    let header = Regex::new(r"Hostname: [^,]*, ClusterId: [^,]*, InstanceId: \S*").unwrap();
    // The signing keys (PEM) and the admin token (a JWT) kuma-cp-lite makes at start.
    let generated = Regex::new(r"(LS0tLS1|ZXlK)[A-Za-z0-9+/=]+").unwrap();
    let text = time.replace_all(text, "<time>");
    let text = header.replace_all(
        &text,
        "Hostname: <host>, ClusterId: <cluster>, InstanceId: <instance>",
    );
    generated.replace_all(&text, "<generated>").into_owned()
}

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/export")
        .join(name)
}

fn assert_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("KUMACTL_UPDATE_GOLDENS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
    }
    let golden = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("golden {} is missing ({e})", path.display()));
    assert!(
        actual == golden,
        "{name}: the output differs from the golden:\n{actual}"
    );
}

fn export(env: &TestEnv, args: &[&str]) -> Outcome {
    run(env.kumactl().arg("export").args(args))
}

#[test]
fn every_profile_in_both_formats() {
    let env = populated();
    for (golden, args) in [
        ("federation.yaml", &[][..]),
        (
            "federation-with-policies.yaml",
            &["--profile", "federation-with-policies"][..],
        ),
        ("all-include-admin.yaml", &["-p", "all", "-a"][..]),
        ("no-dataplanes.yaml", &["--profile=no-dataplanes"][..]),
        ("federation-kube.yaml", &["--format", "kubernetes"][..]),
        (
            "federation-with-policies-kube.yaml",
            &["-p", "federation-with-policies", "-f", "kubernetes"][..],
        ),
        (
            "all-include-admin-kube.yaml",
            &["-p", "all", "--include-admin", "-f", "kubernetes"][..],
        ),
        (
            "no-dataplanes-kube.yaml",
            &["-p", "no-dataplanes", "-f", "kubernetes"][..],
        ),
    ] {
        let out = export(&env, args);
        assert_eq!((out.code, out.stderr.as_str()), (0, ""), "{golden}");
        assert_golden(golden, &stable(&out.stdout));
    }
}

#[test]
fn all_pages_are_exported() {
    let env = populated();
    let out = export(&env, &[]);
    let secrets = out.stdout.matches("\ntype: Secret\n").count();
    assert_eq!(secrets, 101);
    let out = export(&env, &["-f", "kubernetes"]);
    assert_eq!(
        out.stdout.matches("type: system.kuma.io/secret\n").count(),
        101
    );
}

#[test]
fn namespace_filter_of_the_kubernetes_format() {
    let env = populated();
    // Every namespaced object is in kuma-system; another system namespace skips them,
    // except with the `all` profile.
    let out = export(&env, &["-f", "kubernetes", "-n", "elsewhere"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains("kind: Secret"), "{}", out.stdout);
    assert!(out.stdout.contains("kind: Mesh\n"));
    let out = export(
        &env,
        &["-f", "kubernetes", "-n", "elsewhere", "-p", "all", "-a"],
    );
    assert_eq!(out.stdout.matches("kind: Secret\n").count(), 101 + 3);
}

#[test]
fn invalid_flags_after_the_header() {
    let env = TestEnv::with_server();
    let out = export(&env, &["--profile", "everything"]);
    assert_outcome(
        &Outcome {
            stdout: stable(&out.stdout),
            ..out
        },
        "# Product: Kuma, Version: 2.14.3, Hostname: <host>, ClusterId: <cluster>, InstanceId: <instance>\n",
        "Error: invalid profile: \"everything\"\n",
        1,
    );
    let out = export(&env, &["--format", "yaml"]);
    assert_eq!(out.stderr, "Error: invalid format: \"yaml\"\n");
    assert_eq!(out.code, 1);
    let out = export(&env, &["extra"]);
    assert_outcome(
        &out,
        "",
        "Error: unknown command \"extra\" for \"kumactl export\"\nRun 'kumactl export --help' for usage.\n",
        1,
    );
}

const INDEX: &str = r#"{"hostname":"h","product":"Kuma","version":"2.14.3","instanceId":"i","clusterId":"c","gui":"/gui"}"#;
const HEADER: &str = "# Product: Kuma, Version: 2.14.3, Hostname: h, ClusterId: c, InstanceId: i\n";

fn type_entry(name: &str, path: &str, scope: &str) -> Value {
    json!({"includeInFederation": true, "name": name, "path": path,
           "pluralDisplayName": name, "readOnly": false, "scope": scope,
           "shortName": "", "singularDisplayName": name})
}

fn resources_body(entries: &[Value]) -> String {
    json!({"resources": entries}).to_string()
}

const ONE_MESH: &str = r#"{"total":1,"items":[{"type":"Mesh","name":"default","creationTime":"0001-01-01T00:00:00Z","modificationTime":"0001-01-01T00:00:00Z"}],"next":null}"#;

fn export_from(server: &HttpFiles, args: &[&str]) -> Outcome {
    let env = TestEnv::new();
    env.write_config_for(&server.base_url);
    export(&env, args)
}

#[test]
fn types_unknown_to_kumactl_are_reported() {
    let server = HttpFiles::serve(vec![
        ("/", 200, INDEX.into()),
        (
            "/_resources",
            200,
            resources_body(&[
                type_entry("Mesh", "meshes", "Global"),
                type_entry("MeshFuture", "meshfutures", "Mesh"),
                // Fields a server leaves out read as their zero values.
                json!({"name": "ZFuture"}),
            ]),
        ),
        ("/meshes", 200, ONE_MESH.into()),
    ]);
    assert_outcome(
        &export_from(&server, &[]),
        &format!(
            "{HEADER}# The following types won't be exported because they are unknown to kumactl: MeshFuture,ZFuture\n---\ncreationTime: \"0001-01-01T00:00:00Z\"\nkri: kri_m____default_\nmodificationTime: \"0001-01-01T00:00:00Z\"\nname: default\ntype: Mesh\nskipCreatingInitialPolicies:\n- '*'\n"
        ),
        "WARNING: The following types won't be exported because they are unknown to kumactl: MeshFuture,ZFuture. Are you using a compatible version of kumactl?\n",
        0,
    );
}

/// `(path, status, body)` answers of a fake control plane.
type Routes = Vec<(&'static str, u16, String)>;

#[test]
fn server_errors() {
    let mesh_and_cb = resources_body(&[
        type_entry("CircuitBreaker", "circuit-breakers", "Mesh"),
        type_entry("Mesh", "meshes", "Global"),
    ]);
    let cases: Vec<(Routes, &[&str], &str)> = vec![
        (
            vec![("/", 200, INDEX.into()), ("/_resources", 500, "boom".into())],
            &[],
            "Error: unexpected status code: 500 boom\n",
        ),
        (
            vec![
                ("/", 200, INDEX.into()),
                ("/_resources", 200, mesh_and_cb.clone()),
                ("/meshes", 500, "down".into()),
            ],
            &[],
            "Error: could not list meshes: (500): down\n",
        ),
        (
            vec![
                ("/", 200, INDEX.into()),
                ("/_resources", 200, mesh_and_cb.clone()),
                ("/meshes", 200, ONE_MESH.into()),
                ("/meshes/default/circuit-breakers", 500, "down".into()),
            ],
            &[],
            "Error: could not list \"CircuitBreaker\": (500): down\n",
        ),
        (
            vec![
                ("/", 200, INDEX.into()),
                ("/_resources", 200, mesh_and_cb.clone()),
                ("/meshes", 200, ONE_MESH.into()),
                (
                    "/meshes/default/circuit-breakers",
                    200,
                    r#"{"total":0,"items":[],"next":null}"#.into(),
                ),
                ("/meshes/default", 503, "later".into()),
            ],
            &["-f", "kubernetes"],
            "Error: unexpected status code: 503 later\n",
        ),
        (
            // A `next` link that never advances would loop for ever or truncate silently.
            vec![
                ("/", 200, INDEX.into()),
                ("/_resources", 200, mesh_and_cb),
                (
                    "/meshes",
                    200,
                    r#"{"total":2,"items":[{"type":"Mesh","name":"default"}],"next":"http://cp/meshes?offset=1"}"#.into(),
                ),
            ],
            &[],
            "Error: could not list meshes: the server's next page link does not advance (/meshes?offset=1)\n",
        ),
    ];
    for (routes, args, stderr) in cases {
        let server = HttpFiles::serve(routes);
        assert_outcome(&export_from(&server, args), HEADER, stderr, 1);
    }
}

#[test]
fn unreachable_control_plane() {
    let env = TestEnv::new();
    let address = env.use_unreachable_control_plane();
    let out = export(&env, &[]);
    assert_eq!(out.stdout, "");
    assert_eq!(out.code, 1);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", out.stderr);
    assert!(lines[0].starts_with(&format!(
        "WARNING: Failed to retrieve server version, can't check compatibility: Unable to retrieve server version: Get \"http://{address}/\": "
    )));
    assert!(lines[1].starts_with(&format!("Error: Get \"http://{address}/_resources\": ")));
}

#[test]
fn resource_types_endpoint() {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    let reply = api.get("/_resources");
    assert_eq!(reply.status, 200);
    assert_golden("_resources.json", &reply.text);
}

#[test]
fn kubernetes_form_of_single_resources() {
    let env = populated();
    let api = Api::new(env.server().api_url());
    let k8s = |path: &str| {
        let reply = api.get(path);
        assert_eq!(reply.status, 200, "{path}: {reply:?}");
        let mut value = reply.json();
        // The server's clock.
        let created = value["metadata"]
            .as_object_mut()
            .unwrap()
            .shift_remove("creationTimestamp")
            .unwrap();
        assert!(
            Regex::new(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
                .unwrap()
                .is_match(created.as_str().unwrap()),
            "{created}"
        );
        value
    };
    // A new-style mesh-scoped type: namespaced, its mesh as a label, other labels dropped.
    assert_eq!(
        k8s("/meshes/default/meshtimeouts/mt?format=k8s"),
        json!({"apiVersion": "kuma.io/v1alpha1", "kind": "MeshTimeout",
               "metadata": {"name": "mt", "namespace": "kuma-system",
                            "labels": {"kuma.io/mesh": "default"}},
               "spec": {"targetRef": {"kind": "Mesh"},
                        "to": [{"targetRef": {"kind": "Mesh"}, "default": {"idleTimeout": "20s"}}]}})
    );
    // `namespace=` moves it.
    assert_eq!(
        k8s("/meshes/default/meshtimeouts/mt?format=kubernetes&namespace=team-a")["metadata"]["namespace"],
        json!("team-a")
    );
    // A legacy mesh-scoped type: cluster-scoped, `mesh` at the root.
    assert_eq!(
        k8s("/meshes/other/traffic-permissions/tp?format=k8s"),
        json!({"apiVersion": "kuma.io/v1alpha1", "kind": "TrafficPermission",
               "metadata": {"name": "tp"}, "mesh": "other",
               "spec": {"sources": [{"match": {"kuma.io/service": "*"}}],
                        "destinations": [{"match": {"kuma.io/service": "*"}}]}})
    );
    // Global types: Mesh is cluster-scoped, ZoneEgress namespaced, neither has a mesh.
    assert_eq!(
        k8s("/meshes/default?format=k8s"),
        json!({"apiVersion": "kuma.io/v1alpha1", "kind": "Mesh",
               "metadata": {"name": "default"}, "spec": {}})
    );
    assert_eq!(
        k8s("/zoneegresses/ze?format=k8s"),
        json!({"apiVersion": "kuma.io/v1alpha1", "kind": "ZoneEgress",
               "metadata": {"name": "ze", "namespace": "kuma-system"},
               "spec": {"networking": {"address": "192.168.0.1", "port": 10002}}})
    );
    // Secrets are Kubernetes Secrets.
    assert_eq!(
        k8s("/meshes/default/secrets/s-000?format=k8s"),
        json!({"apiVersion": "v1", "kind": "Secret",
               "metadata": {"name": "s-000", "namespace": "kuma-system",
                            "labels": {"kuma.io/mesh": "default"}},
               "data": {"value": "c2VjcmV0"}, "type": "system.kuma.io/secret"})
    );
    assert_eq!(
        k8s("/globalsecrets/inter-cp-ca?format=k8s"),
        json!({"apiVersion": "v1", "kind": "Secret",
               "metadata": {"name": "inter-cp-ca", "namespace": "kuma-system"},
               "data": {"value": "Y2E="}, "type": "system.kuma.io/global-secret"})
    );
}
