//! `kumactl inspect` (Go: `app/kumactl/cmd/inspect/`) against kuma-cp-lite and the
//! endpoints behind it: exact stdout, stderr and exit codes, lists longer than one
//! server page, and the answers kuma-cp-lite cannot compute. Resources are seeded with
//! the REST API; insights, which the API does not write, and long lists go to the store
//! of the in-process server.

mod common;

use common::http::Api;
use common::http_files::HttpFiles;
use common::{Outcome, TestEnv, assert_outcome, run};
use kumactl::cp_lite::store::ResourceKey;
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

/// A fake control plane answering `GET /` like Kuma 2.14.3, and `routes`.
fn fake_control_plane(routes: Vec<(&'static str, u16, String)>) -> (HttpFiles, TestEnv) {
    let mut all = vec![(
        "/",
        200,
        r#"{"product":"Kuma","version":"2.14.3"}"#.to_string(),
    )];
    all.extend(routes);
    let files = HttpFiles::serve(all);
    let env = TestEnv::new();
    env.write_config_for(&files.base_url);
    (files, env)
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

#[test]
fn inspect_zoneingresses_and_zones() {
    let env = TestEnv::with_server();
    put(
        &env,
        "/zoneingresses/zi-1",
        json!({"type": "ZoneIngress", "name": "zi-1", "networking": {
            "address": "10.2.0.1", "port": 10001, "advertisedAddress": "1.2.3.4", "advertisedPort": 10001}}),
    );
    put(
        &env,
        "/zone-ingresses/zi-2",
        json!({"type": "ZoneIngress", "name": "zi-2", "networking": {
            "address": "10.2.0.2", "port": 10001, "advertisedAddress": "1.2.3.5", "advertisedPort": 10001}}),
    );
    store(
        &env,
        json!({"type": "ZoneIngressInsight", "name": "zi-1",
            "subscriptions": [subscription(130, None, 7, 1)]}),
        Some(("ZoneIngress", "", "zi-1")),
    );
    let table = "\
NAME   STATUS    LAST CONNECTED AGO   LAST UPDATED AGO   TOTAL UPDATES   TOTAL ERRORS   KUMA-DP VERSION   ENVOY VERSION
zi-1   Online    2h                   1h                 7               1              2.14.3            1.34.1
zi-2   Offline   never                never              0               0                                
";
    let out = kumactl(&env, &["inspect", "zoneingresses"]);
    assert_outcome(&out, table, "", 0);
    let out = kumactl(&env, &["inspect", "zone-ingresses"]);
    assert_outcome(&out, table, "", 0);
    let out = kumactl(&env, &["inspect", "zoneingresses", "-o", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let list: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(list["items"][0]["type"], "ZoneIngressOverview");
    assert_eq!(list["items"][0]["kri"], "kri_zi__default__zi-1_");
    assert_eq!(
        list["items"][0]["zoneIngressInsight"]["subscriptions"][0]["id"],
        "s-130"
    );
    assert!(list["items"][1].get("zoneIngressInsight").is_none());

    put(
        &env,
        "/zones/zone-1",
        json!({"type": "Zone", "name": "zone-1"}),
    );
    put(
        &env,
        "/zones/zone-2",
        json!({"type": "Zone", "name": "zone-2", "enabled": false}),
    );
    put(
        &env,
        "/zones/zone-3",
        json!({"type": "Zone", "name": "zone-3"}),
    );
    let kds = |config: &str| {
        let mut s = subscription(125, None, 42, 13);
        s["config"] = json!(config);
        s["version"] = json!({"kumaCp": {"version": "2.14.3"}});
        json!({"subscriptions": [s]})
    };
    let mut insight = kds(r#"{"store": {"type": "postgres"}}"#);
    insight["type"] = json!("ZoneInsight");
    insight["name"] = json!("zone-1");
    store(&env, insight.clone(), Some(("Zone", "", "zone-1")));
    insight["name"] = json!("zone-2");
    store(&env, insight, Some(("Zone", "", "zone-2")));
    let out = kumactl(&env, &["inspect", "zones"]);
    assert_outcome(
        &out,
        "\
NAME     STATUS    LAST CONNECTED AGO   LAST UPDATED AGO   TOTAL UPDATES   TOTAL ERRORS   ZONE-CP VERSION   BACKEND
zone-1   Online    2h                   1h                 42              13             2.14.3            postgres
zone-2   Offline   2h                   1h                 42              13             2.14.3            postgres
zone-3   Offline   never                never              0               0                                
",
        "",
        0,
    );
    let out = kumactl(&env, &["inspect", "zones", "-o", "yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("  type: ZoneOverview\n  zone:\n    enabled: false\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with("next: null\ntotal: 3\n"),
        "{}",
        out.stdout
    );
    // A zone whose CP config is not JSON: the rows before it, then the error.
    let mut bad = kds("{not json");
    bad["type"] = json!("ZoneInsight");
    bad["name"] = json!("zone-3");
    store(&env, bad, Some(("Zone", "", "zone-3")));
    let out = kumactl(&env, &["inspect", "zones"]);
    assert_eq!(out.code, 1);
    assert_eq!(lines(&out.stdout).len(), 3, "{}", out.stdout);
    assert!(
        out.stderr
            .starts_with("Error: could not unmarshal CP config: "),
        "{}",
        out.stderr
    );
}

#[test]
fn global_lists_longer_than_a_page_are_followed() {
    let env = TestEnv::with_server();
    for i in 0..105 {
        let name = format!("zi-{i:03}");
        store(
            &env,
            json!({"type": "ZoneIngress", "name": name, "networking": {"address": "10.2.0.1", "port": 10001}}),
            None,
        );
        store(
            &env,
            json!({"type": "Zone", "name": format!("zone-{i:03}")}),
            None,
        );
        store(
            &env,
            json!({"type": "ZoneEgress", "name": format!("ze-{i:03}"), "networking": {"address": "10.3.0.1", "port": 10002}}),
            None,
        );
        store(
            &env,
            json!({"type": "Mesh", "name": format!("mesh-{i:03}")}),
            None,
        );
    }
    for (command, prefix) in [
        ("zoneingresses", "zi"),
        ("zones", "zone"),
        ("zoneegresses", "ze"),
    ] {
        let out = kumactl(&env, &["inspect", command]);
        assert_eq!(out.code, 0, "{command}: {}", out.stderr);
        assert_eq!(
            first_cells(&out.stdout),
            expected_names(prefix, 105),
            "{command}"
        );
        let out = kumactl(&env, &["inspect", command, "-o", "yaml"]);
        assert!(
            out.stdout.ends_with("next: null\ntotal: 105\n"),
            "{command}"
        );
    }
    let out = kumactl(&env, &["inspect", "meshes"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut meshes = vec!["default".to_string()];
    meshes.extend(expected_names("mesh", 105));
    meshes.sort();
    assert_eq!(first_cells(&out.stdout), meshes);
}

#[test]
fn inspect_zoneingress_admin_views() {
    let env = TestEnv::with_server();
    put(
        &env,
        "/zoneingresses/zi-1",
        json!({"type": "ZoneIngress", "name": "zi-1", "networking": {
            "address": "10.2.0.1", "port": 10001, "advertisedAddress": "1.2.3.4", "advertisedPort": 10001}}),
    );
    let out = kumactl(&env, &["inspect", "zoneingress", "zi-1", "--type", "stats"]);
    assert_outcome(
        &out,
        "",
        "Error: Could not execute admin operation (kuma-cp-lite serves no Envoy configuration, so it cannot reach the Envoy admin API of ZoneIngress \"zi-1\" to get its stats)\n",
        1,
    );
    let out = kumactl(&env, &["inspect", "zoneingress", "nope"]);
    assert_outcome(
        &out,
        "",
        "Error: Could not get zone ingress resource (Not found)\n",
        1,
    );
    put(
        &env,
        "/zoneingresses/zi-east",
        json!({"type": "ZoneIngress", "name": "zi-east", "zone": "east", "networking": {
            "address": "10.2.0.9", "port": 10001, "advertisedAddress": "1.2.3.9", "advertisedPort": 10001}}),
    );
    let out = kumactl(
        &env,
        &["inspect", "zoneingress", "zi-east", "--type", "clusters"],
    );
    assert_outcome(
        &out,
        "",
        "Error: Could not connect to zone ingress that resides in another zone (Resource is not valid)\n",
        1,
    );
    let out = kumactl(
        &env,
        &[
            "inspect",
            "zoneingress",
            "zi-1",
            "--type",
            "stats",
            "--include-eds",
        ],
    );
    assert_outcome(
        &out,
        "",
        "Error: flag '--include-eds' can be used only when '--type=config-dump'\n",
        1,
    );
    let out = kumactl(
        &env,
        &["inspect", "zoneingress", "zi-1", "--type", "policies"],
    );
    assert_outcome(
        &out,
        "",
        "Error: Policies are not applied on ZoneIngress, please use '--config-dump' flag to get envoy config dump of the ZoneIngress\n",
        1,
    );
    let out = kumactl(&env, &["inspect", "zoneingress"]);
    assert_outcome(
        &out,
        "",
        "Error: accepts 1 arg(s), received 0\nRun 'kumactl inspect zoneingress --help' for usage.\n",
        1,
    );
    // The requests, as a fake control plane sees them.
    let (_files, env) = fake_control_plane(vec![
        (
            "/zoneingresses/zi-1/xds",
            200,
            common::http_files::ECHO_URI.into(),
        ),
        ("/zoneingresses/zi-1/clusters", 200, "clusters\n".into()),
    ]);
    let out = kumactl(&env, &["inspect", "zoneingress", "zi-1", "--include-eds"]);
    assert_eq!(out.stdout, "/zoneingresses/zi-1/xds?include_eds=true");
    let out = kumactl(
        &env,
        &[
            "inspect",
            "zoneingress",
            "zi-1",
            "--type",
            "clusters",
            "--config-dump",
        ],
    );
    assert_eq!(
        out.stdout,
        "Flag --config-dump has been deprecated, use --type=config-dump\n/zoneingresses/zi-1/xds?include_eds=false"
    );
    let out = kumactl(
        &env,
        &["inspect", "zoneingress", "zi-1", "--type", "clusters"],
    );
    assert_eq!(out.stdout, "clusters\n");
}

#[test]
fn inspect_services() {
    let env = TestEnv::with_server();
    seed_dataplanes(&env);
    put(
        &env,
        "/meshes/default/external-services/httpbin",
        json!({"type": "ExternalService", "mesh": "default", "name": "httpbin",
            "networking": {"address": "httpbin.org:443"}, "tags": {"kuma.io/service": "httpbin"}}),
    );
    put(
        &env,
        "/meshes/default/dataplanes/web-2",
        json!({"type": "Dataplane", "mesh": "default", "name": "web-2", "networking": {
            "address": "10.0.0.4",
            "inbound": [{"port": 8080, "tags": {"kuma.io/service": "web", "kuma.io/zone": "east"}}]}}),
    );
    store(
        &env,
        json!({"type": "DataplaneInsight", "mesh": "default", "name": "web-2",
            "subscriptions": [subscription(10, None, 1, 0)], "mTLS": {"issuedBackend": "ca-1"}}),
        Some(("Dataplane", "default", "web-2")),
    );
    let out = kumactl(&env, &["inspect", "services"]);
    assert_outcome(
        &out,
        "\
SERVICE         STATUS               DATAPLANES
backend         Offline              0/1
backend-admin   Offline              0/1
edge            Online               1/1
httpbin         Offline              0/0
web             Partially degraded   1/2
",
        "",
        0,
    );
    let out = kumactl(&env, &["inspect", "services", "-o", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_golden("services.json", &masked(&out.stdout));
    let reply = api(&env).get("/meshes/default/service-insights?type=external,%20Gateway_Builtin");
    let names: Vec<String> = reply.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["edge", "httpbin"]);
    let reply = api(&env).get("/meshes/default/service-insights?type=sidecar");
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.json()["detail"],
        "bad request: unsupported service type"
    );
    let reply = api(&env).get("/meshes/default/service-insights?name=back&size=1");
    let page = reply.json();
    assert_eq!(page["total"], 2);
    assert_eq!(page["items"][0]["name"], "backend");
    assert!(
        page["next"]
            .as_str()
            .unwrap()
            .ends_with("/meshes/default/service-insights?name=back&offset=1&size=1")
    );
    let out = kumactl(&env, &["inspect", "services", "-m", "nope"]);
    assert_outcome(&out, "", "Error: Failed to retrieve Mesh (Not found)\n", 1);
}

#[test]
fn inspect_meshgateway() {
    let env = TestEnv::with_server();
    seed_dataplanes(&env);
    put(
        &env,
        "/meshes/other",
        json!({"type": "Mesh", "name": "other"}),
    );
    let gateway = |mesh: &str, name: &str, selectors: Value| {
        json!({"type": "MeshGateway", "mesh": mesh, "name": name, "selectors": selectors,
            "conf": {"listeners": [{"port": 80, "protocol": "HTTP"}]}})
    };
    put(
        &env,
        "/meshes/default/meshgateways/edge",
        gateway(
            "default",
            "edge",
            json!([{"match": {"kuma.io/service": "edge"}}]),
        ),
    );
    put(
        &env,
        "/meshes/default/meshgateways/other-edge",
        gateway(
            "default",
            "other-edge",
            json!([{"match": {"kuma.io/service": "nope"}}]),
        ),
    );
    put(
        &env,
        "/meshes/other/dataplanes/gw-a",
        json!({"type": "Dataplane", "mesh": "other", "name": "gw-a", "networking": {
            "address": "10.0.1.1", "gateway": {"type": "BUILTIN", "tags": {"kuma.io/service": "a"}}}}),
    );
    put(
        &env,
        "/meshes/other/dataplanes/gw-b",
        json!({"type": "Dataplane", "mesh": "other", "name": "gw-b", "networking": {
            "address": "10.0.1.2", "gateway": {"type": "BUILTIN", "tags": {"kuma.io/service": "b"}}}}),
    );
    put(
        &env,
        "/meshes/other/meshgateways/all",
        gateway("other", "all", json!([{"match": {"kuma.io/service": "*"}}])),
    );
    let out = kumactl(&env, &["inspect", "meshgateway", "edge"]);
    assert_outcome(&out, "gateway-1\n", "", 0);
    let out = kumactl(&env, &["inspect", "meshgateway", "other-edge"]);
    assert_outcome(&out, "", "", 0);
    let out = kumactl(&env, &["inspect", "meshgateway", "all", "--mesh", "other"]);
    assert_outcome(&out, "gw-a\ngw-b\n", "", 0);
    let out = kumactl(&env, &["inspect", "meshgateway", "missing"]);
    assert_outcome(
        &out,
        "",
        "Error: Could not find MeshGateway (Not found)\n",
        1,
    );
    let out = kumactl(&env, &["inspect", "meshgateway", "all", "-m", "nope"]);
    assert_outcome(
        &out,
        "",
        "Error: Could not build mesh context (Not found)\n",
        1,
    );
    let out = kumactl(&env, &["inspect", "meshgateway", "a", "b"]);
    assert_outcome(
        &out,
        "",
        "Error: accepts 1 arg(s), received 2\nRun 'kumactl inspect meshgateway --help' for usage.\n",
        1,
    );
}

#[test]
fn inspect_policy() {
    let env = TestEnv::with_server();
    seed_dataplanes(&env);
    put(
        &env,
        "/meshes/default/traffic-permissions/backend-only",
        json!({"type": "TrafficPermission", "mesh": "default", "name": "backend-only",
            "sources": [{"match": {"kuma.io/service": "nothing"}}],
            "destinations": [{"match": {"kuma.io/service": "backend-admin"}}]}),
    );
    put(
        &env,
        "/meshes/default/traffic-traces/edge",
        json!({"type": "TrafficTrace", "mesh": "default", "name": "edge",
            "selectors": [{"match": {"kuma.io/service": "edge"}}]}),
    );
    put(
        &env,
        "/meshes/default/meshtimeouts/mt",
        json!({"type": "MeshTimeout", "mesh": "default", "name": "mt",
            "spec": {"targetRef": {"kind": "Mesh"}, "to": [{"targetRef": {"kind": "Mesh"},
                "default": {"idleTimeout": "20s"}}]}}),
    );
    let out = kumactl(
        &env,
        &["inspect", "traffic-permission", "backend-only", "--new-api"],
    );
    assert_outcome(
        &out,
        "Type        Mesh      Name\nDataplane   default   backend-1\n\nTotal: 1\n",
        "",
        0,
    );
    let out = kumactl(
        &env,
        &[
            "inspect",
            "traffic-trace",
            "edge",
            "--new-api",
            "-o",
            "yaml",
        ],
    );
    assert_outcome(
        &out,
        "items:\n- labels:\n    kuma.io/env: universal\n    kuma.io/mesh: default\n    kuma.io/origin: zone\n    kuma.io/proxy-type: dataplane\n    kuma.io/zone: default\n  mesh: default\n  name: gateway-1\n  type: Dataplane\ntotal: 1\n",
        "",
        0,
    );
    let out = kumactl(&env, &["inspect", "traffic-trace", "missing", "--new-api"]);
    assert_outcome(
        &out,
        "",
        "Error: Could not retrieve policy (Not found)\n",
        1,
    );
    let out = kumactl(
        &env,
        &[
            "inspect",
            "traffic-trace",
            "edge",
            "--new-api",
            "-m",
            "nope",
        ],
    );
    assert_outcome(&out, "", "Error: Failed to retrieve Mesh (Not found)\n", 1);
    let out = kumactl(&env, &["inspect", "meshtimeout", "mt", "--new-api"]);
    assert_outcome(
        &out,
        "",
        "Error: Could not retrieve policy (kuma-cp-lite has no policy engine, so it does not compute the Dataplanes that MeshTimeout \"mt\" selects through its targetRef)\n",
        1,
    );
    // The legacy form: where the policy attaches needs the engine; a missing policy
    // attaches nowhere.
    let out = kumactl(&env, &["inspect", "traffic-trace", "edge"]);
    assert_outcome(
        &out,
        "",
        "Error: Could not list Dataplanes (kuma-cp-lite has no policy engine, so it does not compute where TrafficTrace \"edge\" attaches to each Dataplane (use 'kumactl inspect traffic-trace edge --new-api' for the Dataplanes it selects))\n",
        1,
    );
    let out = kumactl(&env, &["inspect", "meshtimeout", "missing"]);
    assert_outcome(&out, "Affected data plane proxies:\n\n", "", 0);
    let out = kumactl(&env, &["inspect", "meshtimeout", "mt", "-m", "nope"]);
    assert_outcome(
        &out,
        "",
        "Error: Could not list Dataplanes (Not found)\n",
        1,
    );
    let out = kumactl(&env, &["inspect", "traffic-trace", "edge", "--offset", "3"]);
    assert_outcome(
        &out,
        "",
        "Error: flag '--offset' can be used only with '--new-api'\n",
        1,
    );
    let out = kumactl(&env, &["inspect", "traffic-trace"]);
    assert_outcome(
        &out,
        "",
        "Error: accepts 1 arg(s), received 0\nRun 'kumactl inspect traffic-trace --help' for usage.\n",
        1,
    );
    let out = kumactl(&env, &["inspect", "traffic-trace", "edge", "--offset", "x"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with(
            "Error: invalid argument \"x\" for \"--offset\" flag: strconv.ParseInt: parsing \"x\": invalid syntax"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn inspect_policy_renders_the_legacy_answer() {
    let answer = json!({"total": 2, "items": [
        {"kind": "SidecarDataplane", "dataplane": {"mesh": "default", "name": "backend-1"},
         "attachments": [{"type": "inbound", "name": "127.0.0.1:10010:10011", "service": "backend"},
                         {"type": "service", "name": "web"}]},
        {"kind": "SidecarDataplane", "dataplane": {"mesh": "default", "name": "web-1"},
         "attachments": [{"type": "dataplane"}]}
    ]});
    let (_files, env) = fake_control_plane(vec![(
        "/meshes/default/traffic-permissions/tp/dataplanes",
        200,
        answer.to_string(),
    )]);
    let out = kumactl(&env, &["inspect", "traffic-permission", "tp"]);
    assert_outcome(
        &out,
        "Affected data plane proxies:\n\n  backend-1:\n    inbound 127.0.0.1:10010:10011(backend)\n    service web\n\n  web-1\n",
        "",
        0,
    );
}

#[test]
fn inspect_dataplane() {
    let env = TestEnv::with_server();
    seed_dataplanes(&env);
    let out = kumactl(&env, &["inspect", "dataplane", "backend-1"]);
    assert_outcome(
        &out,
        "",
        "Error: Could not get MatchedPolicies (kuma-cp-lite has no policy engine, so it does not compute the policies matched on Dataplane \"backend-1\")\n",
        1,
    );
    let out = kumactl(&env, &["inspect", "dataplane", "nope"]);
    assert_outcome(
        &out,
        "",
        "Error: Could not get MatchedPolicies (Not found)\n",
        1,
    );
    let out = kumactl(
        &env,
        &[
            "inspect",
            "dataplane",
            "backend-1",
            "--type",
            "config",
            "--shadow",
        ],
    );
    assert_outcome(
        &out,
        "",
        "Error: Could not generate the XDS configuration (kuma-cp-lite has no policy engine, so it does not compute the XDS configuration of Dataplane \"backend-1\")\n",
        1,
    );
    let out = kumactl(&env, &["inspect", "dataplane", "web-1", "--type", "config"]);
    assert_outcome(
        &out,
        "",
        "Error: Failed to fetch dataplane insight (Not found)\n",
        1,
    );
    let out = kumactl(&env, &["inspect", "dataplane", "nope", "--type", "stats"]);
    assert_outcome(
        &out,
        "",
        "Error: Could not get dataplane resource (Not found)\n",
        1,
    );
    let out = kumactl(
        &env,
        &["inspect", "dataplane", "web-1", "--type", "clusters"],
    );
    assert_outcome(
        &out,
        "",
        "Error: Could not execute admin operation (kuma-cp-lite serves no Envoy configuration, so it cannot reach the Envoy admin API of Dataplane \"web-1\" to get its clusters)\n",
        1,
    );
    let reply = api(&env).get("/meshes/default/dataplanes/web-1/_config?include=diff,xds");
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.json()["detail"],
        "bad request: unsupported value for query parameter 'include'"
    );
    for (args, error) in [
        (
            &["--shadow"][..],
            "flag '--shadow' can be used only when '--type=config'",
        ),
        (
            &["--include", "diff"][..],
            "flag '--include' can be used only when '--type=config'",
        ),
        (
            &["--include-eds"][..],
            "flag '--include-eds' can be used only when '--type=config-dump'",
        ),
        (
            &["--type", "nope"][..],
            "invalid inspection type \"nope\": one of policies|config-dump|stats|clusters|config",
        ),
    ] {
        let mut all = vec!["inspect", "dataplane", "web-1"];
        all.extend(args);
        let out = kumactl(&env, &all);
        assert_outcome(&out, "", &format!("Error: {error}\n"), 1);
    }
}

#[test]
fn inspect_dataplane_renders_the_policies() {
    let sidecar = json!({"kind": "SidecarDataplane", "total": 2, "items": [
        {"type": "dataplane", "matchedPolicies": {"TrafficTrace": [{"name": "backends-eu"}]}},
        {"type": "inbound", "name": "127.0.0.1:10010:10011", "service": "backend",
         "matchedPolicies": {"TrafficPermission": [{"name": "allow-all-default"}]}}
    ]});
    let gateway = json!({"kind": "MeshGatewayDataplane", "gateway": {"mesh": "default", "name": "gw"},
        "policies": {"TrafficLog": {"name": "all-traffic"}},
        "listeners": [{"port": 80, "protocol": "HTTP", "hosts": [{"hostName": "*", "routes": [
            {"route": "route-1", "destinations": [{"tags": {"kuma.io/service": "backend"},
              "policies": {"HealthCheck": {"name": "hc-1"}}}]}]}]}]});
    let (_files, env) = fake_control_plane(vec![
        (
            "/meshes/default/dataplanes/dp/policies",
            200,
            sidecar.to_string(),
        ),
        (
            "/meshes/m/dataplanes/gw-dp/policies",
            200,
            gateway.to_string(),
        ),
        (
            "/meshes/default/dataplanes/odd/policies",
            200,
            r#"{"kind": "Odd"}"#.into(),
        ),
        (
            "/meshes/default/dataplanes/dp/_config",
            200,
            common::http_files::ECHO_URI.into(),
        ),
    ]);
    let out = kumactl(&env, &["inspect", "dataplane", "dp"]);
    assert_outcome(
        &out,
        "DATAPLANE:\n  TrafficTrace\n    backends-eu\n\nINBOUND 127.0.0.1:10010:10011(backend):\n  TrafficPermission\n    allow-all-default\n\n",
        "",
        0,
    );
    let out = kumactl(&env, &["inspect", "dataplane", "gw-dp", "-m", "m"]);
    assert_outcome(
        &out,
        "MESHGATEWAY:\n  TrafficLog\n    all-traffic\n\nLISTENER (HTTP:80):\n  *:\n    ROUTE route-1:\n      SERVICE backend:\n        HealthCheck\n          hc-1\n\n",
        "",
        0,
    );
    let out = kumactl(&env, &["inspect", "dataplane", "odd"]);
    assert_outcome(
        &out,
        "",
        "Error: invalid DataplaneInspectResponse kind \"Odd\"\n",
        1,
    );
    let out = kumactl(
        &env,
        &[
            "inspect",
            "dataplane",
            "dp",
            "--type",
            "config",
            "--include",
            "diff",
            "--shadow",
        ],
    );
    assert_outcome(
        &out,
        "/meshes/default/dataplanes/dp/_config?include=diff&shadow=true",
        "",
        0,
    );
}

#[test]
fn a_next_link_that_repeats_its_offset_stops_the_list() {
    let page = json!({"total": 3, "items": [{"type": "ZoneOverview", "name": "zone-1"}],
        "next": "http://cp/zones/_overview?offset=1"});
    let (_files, env) = fake_control_plane(vec![("/zones/_overview", 200, page.to_string())]);
    let out = kumactl(&env, &["inspect", "zones"]);
    assert_outcome(
        &out,
        "",
        "Error: the control plane's next page repeats the offset \"1\"\n",
        1,
    );
    let bad = json!({"total": 3, "items": [], "next": "http://[::1"});
    let (_files, env) = fake_control_plane(vec![("/zones/_overview", 200, bad.to_string())]);
    let out = kumactl(&env, &["inspect", "zones"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .starts_with("Error: invalid next URL from the server: "),
        "{}",
        out.stderr
    );
}

#[test]
fn a_client_that_cannot_be_built_names_the_command() {
    let env = TestEnv::new();
    env.write_config_with(kumactl::config::ApiServer {
        url: "http://127.0.0.1:1".into(),
        auth_type: "nope".into(),
        ..Default::default()
    });
    for (args, what) in [
        (&["inspect", "dataplanes"][..], "a dataplane client"),
        (&["inspect", "zones"][..], "a zone client"),
        (&["inspect", "zoneingresses"][..], "a zone ingress client"),
        (
            &["inspect", "zoneingress", "zi"][..],
            "a zoneingress inspect client",
        ),
        (
            &["inspect", "dataplane", "dp"][..],
            "a dataplane inspect client",
        ),
        (
            &["inspect", "meshgateway", "gw"][..],
            "a dataplane inspect client",
        ),
        (&["inspect", "retry", "r"][..], "a policy inspect client"),
    ] {
        let out = kumactl(&env, args);
        assert_eq!(out.code, 1);
        assert!(
            out.stderr.ends_with(&format!(
                "Error: failed to create {what}: authentication plugin of type \"nope\" not found\n"
            )),
            "{args:?}: {}",
            out.stderr
        );
    }
}
