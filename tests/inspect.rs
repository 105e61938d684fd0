//! `kumactl inspect` (Go: `app/kumactl/cmd/inspect/`) against kuma-cp-lite and the
//! endpoints behind it: exact stdout, stderr and exit codes, lists longer than one
//! server page, and the answers kuma-cp-lite cannot compute. Resources are seeded with
//! the REST API; insights, which the API does not write, and long lists go to the store
//! of the in-process server.

mod common;

use common::http::Api;
use common::http_files::HttpFiles;
use common::{Outcome, TestEnv, assert_outcome, run};
use kumactl::cp_lite::store::{ResourceKey, ResourceStore};
use kumactl::resources::Resource;
use kumactl::resources::descriptor;
use serde_json::{Value, json};

/// `kumactl <args>` against the env's control plane, dates in UTC.
fn kumactl(env: &TestEnv, args: &[&str]) -> Outcome {
    run(env.kumactl().env("TZ", "UTC").args(args))
}

fn api(env: &TestEnv) -> Api {
    Api::new(env.server().api_url())
}

/// PUT through the REST API, which must accept it.
fn put(env: &TestEnv, path: &str, body: Value) {
    let reply = api(env).put(path, &body);
    assert!(
        reply.status == 200 || reply.status == 201,
        "PUT {path}: {} {}",
        reply.status,
        reply.text
    );
}

/// Writes a resource straight into the store, owned by `owner` (type, mesh, name).
fn store(env: &TestEnv, body: Value, owner: Option<(&str, &str, &str)>) {
    let owner = owner.map(|(t, mesh, name)| {
        ResourceKey::new(descriptor::by_name(t).expect("known type"), mesh, name)
    });
    env.server()
        .state
        .store
        .create(
            Resource::from_json(body).expect("a valid resource"),
            owner.as_ref(),
        )
        .expect("stored");
}

/// An RFC 3339 time `minutes` ago.
fn ago(minutes: i64) -> String {
    (chrono::Utc::now() - chrono::Duration::minutes(minutes))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A subscription connected `connected` minutes ago (and disconnected `disconnected`
/// minutes ago, if given).
fn subscription(connected: i64, disconnected: Option<i64>, sent: u64, rejected: u64) -> Value {
    let mut s = json!({
        "id": format!("s-{connected}"),
        "controlPlaneInstanceId": "cp-1",
        "connectTime": ago(connected),
        "status": {
            "lastUpdateTime": ago(connected / 2),
            "total": {"responsesSent": sent.to_string(), "responsesRejected": rejected.to_string()}
        },
        "version": {
            "kumaDp": {"version": "2.14.3"},
            "envoy": {"version": "1.34.1"},
            "dependencies": {"coredns": "1.11.1", "a-dns": "0.1"}
        }
    });
    if let Some(d) = disconnected {
        s["disconnectTime"] = json!(ago(d));
    }
    s
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

/// The first cell of each row (after the header).
fn first_cells(text: &str) -> Vec<String> {
    text.lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap_or_default().to_string())
        .collect()
}

/// Three Dataplanes of mesh `default`: a partially degraded sidecar, an online builtin
/// gateway, a sidecar without insight.
fn seed_dataplanes(env: &TestEnv) {
    put(
        env,
        "/meshes/default/dataplanes/backend-1",
        json!({"type": "Dataplane", "mesh": "default", "name": "backend-1", "networking": {
        "address": "10.0.0.1",
        "inbound": [
            {"port": 9001, "tags": {"kuma.io/service": "backend", "version": "v2"}, "health": {"ready": false}},
            {"port": 9002, "tags": {"kuma.io/service": "backend-admin", "version": "v1"}}
        ]}}),
    );
    put(
        env,
        "/meshes/default/dataplanes/gateway-1",
        json!({"type": "Dataplane", "mesh": "default", "name": "gateway-1", "networking": {
            "address": "10.0.0.2",
            "gateway": {"type": "BUILTIN", "tags": {"kuma.io/service": "edge", "kuma.io/zone": "east"}}}}),
    );
    put(
        env,
        "/meshes/default/dataplanes/web-1",
        json!({"type": "Dataplane", "mesh": "default", "name": "web-1", "networking": {
            "address": "10.0.0.3",
            "inbound": [{"port": 8080, "tags": {"kuma.io/service": "web"}}]}}),
    );
    store(
        env,
        json!({"type": "DataplaneInsight", "mesh": "default", "name": "backend-1",
        "subscriptions": [subscription(300, Some(200), 10, 1), subscription(150, None, 20, 2)],
        "mTLS": {
            "certificateExpirationTime": "2030-01-02T03:04:05Z",
            "lastCertificateRegeneration": ago(4 * 60 + 10),
            "certificateRegenerations": 4,
            "issuedBackend": "ca-1",
            "supportedBackends": ["ca-1", "ca-2"]
        }}),
        Some(("Dataplane", "default", "backend-1")),
    );
    store(
        env,
        json!({"type": "DataplaneInsight", "mesh": "default", "name": "gateway-1",
            "subscriptions": [subscription(70, None, 5, 0)]}),
        Some(("Dataplane", "default", "gateway-1")),
    );
}

/// Compares `actual` with `tests/inspect/<name>`, written by our code with
/// `KUMACTL_UPDATE_GOLDENS=1 cargo test --test inspect` and reviewed cell by cell.
fn assert_golden(name: &str, actual: &str) {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/inspect")
        .join(name);
    if std::env::var_os("KUMACTL_UPDATE_GOLDENS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
    }
    let golden = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("golden {} is missing ({e})", path.display()));
    assert_eq!(actual, golden, "{name} differs from its golden");
}

/// Masks what depends on the clock: server timestamps.
fn masked(text: &str) -> String {
    let times = regex::Regex::new(r#"\d{4}-\d\d-\d\dT[0-9:.]+Z"#).unwrap();
    times.replace_all(text, "<time>").into_owned()
}

#[test]
fn inspect_dataplanes_in_three_formats() {
    let env = TestEnv::with_server();
    seed_dataplanes(&env);
    let out = kumactl(&env, &["inspect", "dataplanes"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    assert_golden("dataplanes.txt", &out.stdout);
    let out = kumactl(&env, &["inspect", "dataplanes", "-o", "json"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    assert_golden("dataplanes.json", &masked(&out.stdout));
    let out = kumactl(&env, &["inspect", "dataplanes", "-o", "yaml"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    assert_golden("dataplanes.yaml", &masked(&out.stdout));
    let out = kumactl(&env, &["inspect", "dataplanes", "-o", "wide"]);
    assert_outcome(&out, "", "Error: unknown output format \"wide\"\n", 1);
}

#[test]
fn inspect_dataplanes_filters() {
    let env = TestEnv::with_server();
    seed_dataplanes(&env);
    let names = |args: &[&str]| {
        let mut all = vec!["inspect", "dataplanes"];
        all.extend(args);
        let out = kumactl(&env, &all);
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.stdout
            .lines()
            .skip(1)
            .map(|l| l.split_whitespace().nth(1).unwrap_or_default().to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(names(&["--gateway"]), "gateway-1");
    assert_eq!(names(&["--tag", "kuma.io/service=backend"]), "backend-1");
    // Values are matched as substrings, on one inbound or the gateway.
    assert_eq!(names(&["--tag", "version=v"]), "backend-1");
    assert_eq!(
        names(&["--tag", "kuma.io/service=d"]),
        "backend-1 gateway-1"
    );
    assert_eq!(
        names(&["--tag", "kuma.io/service=d", "--tag", "kuma.io/zone=*"]),
        "gateway-1"
    );
    assert_eq!(names(&["--tag", "kuma.io/service=nothing"]), "");
    let out = kumactl(&env, &["inspect", "dataplanes", "--ingress"]);
    assert_eq!(
        out.stderr,
        "WARNING: --ingress filters nothing: Zone Ingress proxies are not Dataplanes, see 'kumactl inspect zoneingresses'\n"
    );
    assert_eq!(first_cells(&out.stdout).len(), 3);
    let out = kumactl(&env, &["inspect", "dataplanes", "-m", "nope"]);
    assert_outcome(&out, "", "Error: Failed to retrieve Mesh (Not found)\n", 1);
}

#[test]
fn dataplane_overview_filters_on_the_server() {
    let env = TestEnv::with_server();
    seed_dataplanes(&env);
    let names = |path: &str| {
        let reply = api(&env).get(path);
        assert_eq!(reply.status, 200, "{}", reply.text);
        let body = reply.json();
        body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["name"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        names("/meshes/default/dataplanes/_overview?gateway=false"),
        "backend-1 web-1"
    );
    assert_eq!(
        names("/meshes/default/dataplanes/_overview?gateway=BUILTIN"),
        "gateway-1"
    );
    assert_eq!(
        names("/meshes/default/dataplanes/_overview?gateway=delegated"),
        ""
    );
    assert_eq!(
        names("/dataplanes/_overview?tag=kuma.io%2Fservice%3Aweb&ingress=true"),
        "web-1"
    );
    assert_eq!(
        names("/meshes/default/dataplanes+insights?tag=version:v1&size=1&name=backend"),
        "backend-1"
    );
    let reply = api(&env).get("/meshes/default/dataplanes/_overview?gateway=maybe");
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.json()["invalid_parameters"],
        json!([{"field": "/meshes/{mesh}/dataplanes/_overview.gateway",
                "reason": "shoud use `true`, `false`, 'builtin' or 'delegated' instead of maybe"}])
    );
    let overview = api(&env)
        .get("/meshes/default/dataplanes/web-1/_overview")
        .json();
    assert_eq!(overview["type"], "DataplaneOverview");
    assert!(overview.get("dataplaneInsight").is_none());
}

/// 130 Dataplanes (services `svc-000`...) in mesh `big`, selected by one
/// TrafficPermission: more than one page of every list.
fn seed_big_mesh(env: &TestEnv) {
    put(env, "/meshes/big", json!({"type": "Mesh", "name": "big"}));
    for i in 0..130 {
        let name = format!("dp-{i:03}");
        store(
            env,
            json!({"type": "Dataplane", "mesh": "big", "name": name, "networking": {
                "address": "10.1.0.1",
                "inbound": [{"port": 8080, "tags": {"kuma.io/service": format!("svc-{i:03}")}}]}}),
            Some(("Mesh", "", "big")),
        );
    }
    put(
        env,
        "/meshes/big/traffic-permissions/all",
        json!({"type": "TrafficPermission", "mesh": "big", "name": "all",
            "sources": [{"match": {"kuma.io/service": "*"}}],
            "destinations": [{"match": {"kuma.io/service": "*"}}]}),
    );
}

fn expected_names(prefix: &str, count: usize) -> Vec<String> {
    (0..count).map(|i| format!("{prefix}-{i:03}")).collect()
}

#[test]
fn mesh_lists_longer_than_a_page_are_followed() {
    let env = TestEnv::with_server();
    seed_big_mesh(&env);
    let out = kumactl(&env, &["inspect", "dataplanes", "-m", "big"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let names: Vec<String> = out
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().nth(1).unwrap().to_string())
        .collect();
    assert_eq!(names, expected_names("dp", 130));
    let out = kumactl(&env, &["inspect", "dataplanes", "-m", "big", "-o", "json"]);
    let list: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(list["total"], 130);
    assert_eq!(list["items"].as_array().unwrap().len(), 130);
    assert_eq!(list["next"], Value::Null);

    let out = kumactl(&env, &["inspect", "services", "-m", "big"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(first_cells(&out.stdout), expected_names("svc", 130));
    assert_eq!(lines(&out.stdout)[1], "svc-000   Offline   0/1");

    let out = kumactl(
        &env,
        &[
            "inspect",
            "traffic-permission",
            "all",
            "-m",
            "big",
            "--new-api",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = lines(&out.stdout);
    assert_eq!(rows.len(), 1 + 130 + 2);
    assert_eq!(rows[0], "Type        Mesh   Name");
    assert_eq!(rows[1], "Dataplane   big    dp-000");
    assert_eq!(rows[130], "Dataplane   big    dp-129");
    assert_eq!(&rows[131..], ["", "Total: 130"]);
    // --offset starts further in, and the rest is followed.
    let out = kumactl(
        &env,
        &[
            "inspect",
            "traffic-permission",
            "all",
            "-m",
            "big",
            "--new-api",
            "--offset",
            "120",
            "-o",
            "json",
        ],
    );
    let list: Value = serde_json::from_str(&out.stdout).unwrap();
    let names: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, expected_names("dp", 130)[120..].to_vec());
    assert_eq!(list["total"], 130);
    assert!(list.get("next").is_none());
}
