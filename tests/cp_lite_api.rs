//! kuma-cp-lite's resource API over HTTP: status codes and JSON bodies as Kuma's API
//! server answers them (Go: `pkg/api-server/resource_endpoints.go`,
//! `pkg/core/rest/errors/error_handler.go`), compared as JSON values.

mod common;

use common::TestEnv;
use common::http::{Api, Reply};
use kumactl::cp_lite::{Mode, ServerOptions};
use serde_json::{Value, json};

fn start(options: ServerOptions) -> (TestEnv, Api) {
    let env = TestEnv::with_server_options(options);
    let api = Api::new(env.server().api_url());
    (env, api)
}

fn server() -> (TestEnv, Api) {
    start(ServerOptions::for_tests())
}

fn server_without_default_mesh() -> (TestEnv, Api) {
    start(ServerOptions {
        skip_default_mesh: true,
        ..ServerOptions::for_tests()
    })
}

/// Kuma's error body without invalid parameters.
fn error(status: u16, title: &str, detail: &str) -> Value {
    json!({"type": "/std-errors", "status": status, "title": title, "detail": detail, "details": detail})
}

/// Kuma's error body with invalid parameters (and their deprecated `causes` copy).
fn error_with(status: u16, title: &str, detail: &str, params: &[(&str, &str)]) -> Value {
    json!({
        "type": "/std-errors", "status": status, "title": title, "detail": detail,
        "invalid_parameters": params.iter().map(|(f, r)| json!({"field": f, "reason": r})).collect::<Vec<_>>(),
        "details": detail,
        "causes": params.iter().map(|(f, r)| json!({"field": f, "message": r})).collect::<Vec<_>>(),
    })
}

fn invalid(title: &str, params: &[(&str, &str)]) -> Value {
    error_with(400, title, "Resource is not valid", params)
}

/// Kuma's 400 for a resource that fails validation on write.
fn not_processed(params: &[(&str, &str)]) -> Value {
    invalid("Could not process a resource", params)
}

fn assert_reply(reply: &Reply, status: u16, body: Value) {
    assert_eq!(
        (reply.status, reply.json()),
        (status, body),
        "full reply: {reply:?}"
    );
    assert_eq!(reply.content_type, "application/json");
}

/// The labels kuma-cp-lite computes for a ZoneEgress of its zone.
fn egress_labels() -> Value {
    json!({"kuma.io/env": "universal", "kuma.io/origin": "zone",
           "kuma.io/proxy-type": "zoneegress", "kuma.io/zone": "default"})
}

/// PUTs a resource that must be new: 201.
fn create(api: &Api, path: &str, body: &Value) {
    let reply = api.put(path, body);
    assert_eq!(reply.status, 201, "{reply:?}");
}

fn egress(name: &str) -> Value {
    json!({"type": "ZoneEgress", "name": name,
           "networking": {"address": "192.168.0.1", "port": 10002, "admin": {"port": 9901}}})
}

fn mesh(name: &str) -> Value {
    json!({"type": "Mesh", "name": name})
}

fn secret(mesh: &str, name: &str) -> Value {
    json!({"type": "Secret", "mesh": mesh, "name": name, "data": "dGVzdAo="})
}

/// The resource without its times, which are the server's clock.
fn without_times(mut value: Value) -> Value {
    if let Some(fields) = value.as_object_mut() {
        fields.remove("creationTime");
        fields.remove("modificationTime");
    }
    value
}

fn time_of(value: &Value, field: &str) -> chrono::DateTime<chrono::Utc> {
    kumactl::resources::time::parse(value[field].as_str().expect("a time"))
        .expect("an RFC 3339 time")
}

#[test]
fn default_mesh_exists_unless_skipped() {
    let (_env, api) = server();
    let reply = api.get("/meshes/default");
    assert_eq!(reply.status, 200);
    assert_eq!(
        without_times(reply.json()),
        json!({"type": "Mesh", "name": "default", "kri": "kri_m____default_"})
    );
    let (_env, api) = server_without_default_mesh();
    assert_reply(
        &api.get("/meshes"),
        200,
        json!({"total": 0, "items": [], "next": null}),
    );
}

#[test]
fn zone_egress_create_get_update() {
    let (_env, api) = server();
    let before = chrono::Utc::now();
    assert_reply(
        &api.put("/zoneegresses/zoneegress-1", &egress("zoneegress-1")),
        201,
        json!({}),
    );
    let created = api.get("/zoneegresses/zoneegress-1");
    assert_eq!(created.status, 200);
    // Pretty-printed with a one-space indent, like go-restful.
    assert!(created.text.starts_with(
        "{\n \"type\": \"ZoneEgress\",\n \"name\": \"zoneegress-1\",\n \"creationTime\": "
    ));
    let created = created.json();
    assert_eq!(
        without_times(created.clone()),
        json!({
            "type": "ZoneEgress", "name": "zoneegress-1",
            "labels": egress_labels(),
            "kri": "kri_ze__default__zoneegress-1_",
            "networking": {"address": "192.168.0.1", "port": 10002, "admin": {"port": 9901}}
        })
    );
    let creation = time_of(&created, "creationTime");
    assert!(creation >= before && creation <= chrono::Utc::now());
    assert_eq!(creation, time_of(&created, "modificationTime"));

    // A second PUT is an update: 200, creation kept, spec replaced, unknown fields dropped.
    let mut changed = egress("zoneegress-1");
    changed["networking"]["port"] = json!(10003);
    changed["somethingElse"] = json!(true);
    changed["creationTime"] = json!("0001-01-01T00:00:00Z");
    assert_reply(
        &api.put("/zoneegresses/zoneegress-1", &changed),
        200,
        json!({}),
    );
    let updated = api.get("/zoneegresses/zoneegress-1").json();
    assert_eq!(time_of(&updated, "creationTime"), creation);
    assert!(time_of(&updated, "modificationTime") >= creation);
    assert_eq!(updated["networking"]["port"], json!(10003));
    assert!(updated.get("somethingElse").is_none());
}

#[test]
fn missing_resources_are_404() {
    let (_env, api) = server();
    assert_reply(
        &api.get("/zoneegresses/nope"),
        404,
        error(404, "Could not retrieve a resource", "Not found"),
    );
    assert_reply(
        &api.delete("/zoneegresses/nope"),
        404,
        error(404, "Could not delete a resource", "Not found"),
    );
    // Mesh-scoped paths look the mesh up first.
    let missing_mesh = error(404, "Failed to retrieve Mesh", "Not found");
    assert_reply(
        &api.get("/meshes/nope/secrets/s"),
        404,
        missing_mesh.clone(),
    );
    assert_reply(&api.get("/meshes/nope/secrets"), 404, missing_mesh.clone());
    assert_reply(
        &api.put("/meshes/nope/secrets/s", &secret("nope", "s")),
        404,
        missing_mesh.clone(),
    );
    assert_reply(&api.delete("/meshes/nope/secrets/s"), 404, missing_mesh);
    // Unknown routes get go-restful's plain text.
    let unknown = api.get("/nothing-here");
    assert_eq!(
        (unknown.status, unknown.text.as_str()),
        (404, "404: Page Not Found")
    );
    let unknown = api.get("/meshes/default/zoneegresses");
    assert_eq!(
        (unknown.status, unknown.text.as_str()),
        (404, "404: Page Not Found")
    );
}

#[test]
fn lists_paginate_sorted_by_name() {
    let (_env, api) = server_without_default_mesh();
    for name in ["m3", "m1", "m2"] {
        create(&api, &format!("/meshes/{name}"), &mesh(name));
    }
    let names = |reply: &Reply| -> Vec<String> {
        reply.json()["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["name"].as_str().unwrap().to_string())
            .collect()
    };
    let first = api.get("/meshes?size=2");
    assert_eq!(names(&first), vec!["m1", "m2"]);
    assert_eq!(first.json()["total"], json!(3));
    let host = api.base.trim_start_matches("http://");
    assert_eq!(
        first.json()["next"],
        json!(format!("http://{host}/meshes?offset=2&size=2"))
    );
    // `&` stays literal in the body.
    assert!(first.text.contains("?offset=2&size=2\""));
    let last = api.get("/meshes?size=2&offset=1");
    assert_eq!(names(&last), vec!["m2", "m3"]);
    assert_eq!(last.json()["next"], Value::Null);
    let beyond = api.get("/meshes?offset=10");
    assert_eq!(
        beyond.json(),
        json!({"total": 3, "items": [], "next": null})
    );
    // The default size is 100 even without the parameter.
    for i in 0..101 {
        let name = format!("x{i:03}");
        create(&api, &format!("/meshes/{name}"), &mesh(&name));
    }
    let default_page = api.get("/meshes");
    assert_eq!(names(&default_page).len(), 100);
    assert_eq!(default_page.json()["total"], json!(104));
    assert_eq!(
        default_page.json()["next"],
        json!(format!("http://{host}/meshes?offset=100"))
    );
    // `name` is a substring filter; `total` counts what matches.
    let filtered = api.get("/meshes?name=x10&size=1");
    assert_eq!(names(&filtered), vec!["x100"]);
    assert_eq!(filtered.json()["total"], json!(1));
    assert_eq!(filtered.json()["next"], Value::Null);
}

#[test]
fn list_query_errors() {
    let (_env, api) = server();
    let size_error = |reason: &str| {
        error_with(
            400,
            "Could not retrieve resources",
            "Invalid page size",
            &[("size", reason)],
        )
    };
    assert_reply(
        &api.get("/zoneegresses?size=abc"),
        400,
        size_error("invalid format"),
    );
    assert_reply(
        &api.get("/zoneegresses?size=0"),
        400,
        size_error("must be greater than 0"),
    );
    assert_reply(
        &api.get("/zoneegresses?size=-3"),
        400,
        size_error("must be greater than 0"),
    );
    assert_reply(
        &api.get("/zoneegresses?size=2000"),
        400,
        size_error("invalid page size of 2000. Maximum page size is 1000"),
    );
    assert_reply(
        &api.get("/zoneegresses?offset=invalid"),
        400,
        error(
            400,
            "Could not retrieve resources",
            "invalid: invalid offset: strconv.Atoi: parsing \"invalid\": invalid syntax",
        ),
    );
    assert_reply(
        &api.get("/zoneegresses?offset=-1"),
        400,
        error(
            400,
            "Could not retrieve resources",
            "invalid: invalid offset: must be non-negative",
        ),
    );
    assert_reply(
        &api.get("/meshes/default/secrets?filter[name]=x"),
        400,
        invalid(
            "Could not retrieve resources",
            &[(
                "/meshes/{mesh}/secrets.filter[name]",
                "filters are only supported on labels",
            )],
        ),
    );
    assert_reply(
        &api.get("/zoneegresses?filter[labels.a]x=1"),
        400,
        invalid(
            "Could not retrieve resources",
            &[(
                "/zoneegresses.filter[labels.a]x",
                "advanced filters are not supported",
            )],
        ),
    );
    // Huge values are errors, not crashes.
    assert_eq!(
        api.get("/zoneegresses?size=99999999999999999999999").status,
        400
    );
    assert_eq!(
        api.get("/zoneegresses?offset=99999999999999999999999")
            .status,
        400
    );
}

#[test]
fn label_filters_and_listing_across_meshes() {
    let (_env, api) = server();
    create(&api, "/meshes/other", &mesh("other"));
    for (m, name, team) in [
        ("default", "b", "x"),
        ("other", "a", "y"),
        ("default", "a", "y"),
    ] {
        let mut body = secret(m, name);
        body["labels"] = json!({"team": team});
        create(&api, &format!("/meshes/{m}/secrets/{name}"), &body);
    }
    let listed = api.get("/secrets").json();
    let keys: Vec<String> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            format!(
                "{}/{}",
                i["mesh"].as_str().unwrap(),
                i["name"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(keys, vec!["default/a", "default/b", "other/a"]);
    let team_y = api.get("/secrets?filter%5Blabels.team%5D=y").json();
    assert_eq!(team_y["total"], json!(2));
    let in_mesh = api
        .get("/meshes/default/secrets?filter[labels.team]=y&filter[labels.kuma.io/mesh]=default")
        .json();
    assert_eq!(in_mesh["total"], json!(1));
    assert_eq!(
        without_times(in_mesh["items"][0].clone()),
        json!({
            "type": "Secret", "mesh": "default", "name": "a",
            "labels": {"kuma.io/env": "universal", "kuma.io/mesh": "default",
                       "kuma.io/origin": "zone", "kuma.io/zone": "default", "team": "y"},
            "data": "dGVzdAo="
        })
    );
}

#[test]
fn put_validation_errors() {
    let (_env, api) = server();
    // As Kuma's `pkg/api-server/testdata/resource_name-mesh.golden.json`: mesh mismatch
    // plus invalid name and mesh.
    let body =
        json!({"type": "Secret", "mesh": "Not_Valid!", "name": "Bad_Name", "data": "dGVzdAo="});
    assert_reply(
        &api.put("/meshes/default/secrets/Bad_Name", &body),
        400,
        not_processed(&[
            ("mesh", "mesh from the URL has to be the same as in body"),
            (
                "name",
                "invalid characters. A lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
            ),
            (
                "mesh",
                "invalid characters. Valid characters are numbers, lowercase latin letters and '-', '_', '.' symbols.",
            ),
        ]),
    );
    // Example 2: a ZoneEgress without a port.
    assert_reply(
        &api.put("/zoneegresses/ze-1", &json!({"type": "ZoneEgress", "name": "ze-1", "networking": {"address": "192.168.0.1"}})),
        400,
        not_processed(&[("networking.port", "port must be in the range [1, 65535]")]),
    );
    assert_reply(
        &api.put("/zoneegresses/ze-1", &json!({"type": "ZoneEgress", "name": "ze-1", "networking": {"address": "0.0.0.0", "port": 70000}})),
        400,
        not_processed(&[
            ("networking.address.address", "must not be 0.0.0.0 or ::"),
            ("networking.port", "port must be in the range [1, 65535]"),
        ]),
    );
    assert_reply(
        &api.put("/zoneegresses/ze-1", &json!({"type": "ZoneEgress", "name": "ze-1", "networking": {"address": "127.0.0.1", "port": 9901, "admin": {"port": 9901}}})),
        400,
        not_processed(&[("networking.admin.port", "must differ from port")]),
    );
    // Name and type must match the URL.
    assert_reply(
        &api.put(
            "/zoneegresses/ze-1",
            &json!({"type": "ZoneIngress", "name": "ze-2", "networking": {"port": 1}}),
        ),
        400,
        not_processed(&[
            ("name", "name from the URL has to be the same as in body"),
            ("type", "type from the URL has to be the same as in body"),
        ]),
    );
    // Spec rules run before the request checks.
    assert_reply(
        &api.put(
            "/meshes/m",
            &json!({"type": "Mesh", "name": "other", "routing": {"zoneEgress": true}}),
        ),
        400,
        not_processed(&[("mtls", "has to be set when zoneEgress enabled")]),
    );
    assert_reply(
        &api.put(
            "/globalsecrets/s",
            &json!({"type": "GlobalSecret", "name": "s"}),
        ),
        400,
        not_processed(&[("data", "cannot be empty")]),
    );
    assert_eq!(api.get("/zoneegresses").json()["total"], json!(0));
}

#[test]
fn malformed_bodies() {
    let (_env, api) = server();
    // Malformed JSON, as Kuma's API server answers it (`InvalidResourceError`,
    // `pkg/core/resources/model/rest/unmarshaller.go`).
    let detail = "invalid ZoneEgress object: \"unexpected end of JSON input\"";
    assert_reply(
        &api.put_raw("/zoneegresses/x", "{", Some("application/json")),
        400,
        error(400, "Bad Request", detail),
    );
    assert_reply(
        &api.put_raw(
            "/zoneegresses/x",
            "{\"type\": ZoneEgress}",
            Some("application/json"),
        ),
        400,
        error(
            400,
            "Bad Request",
            "invalid ZoneEgress object: \"invalid character 'Z' looking for beginning of value\"",
        ),
    );
    assert_reply(
        &api.put_raw(
            "/zoneegresses/x",
            "[1]",
            Some("application/json; charset=utf-8"),
        ),
        400,
        error(
            400,
            "Bad Request",
            "invalid ZoneEgress object: \"json: cannot unmarshal array into Go value of type rest.ResourceMeta\"",
        ),
    );
    assert_reply(
        &api.put(
            "/zoneegresses/x",
            &json!({"type": "ZoneEgress", "name": "x", "networking": {"port": "abc"}}),
        ),
        400,
        error(
            400,
            "Bad Request",
            "invalid ZoneEgress object: \"invalid character 'a' looking for beginning of value\"",
        ),
    );
    assert_reply(
        &api.put("/meshes/x", &json!({"type": "Mesh", "name": 7})),
        400,
        error(
            400,
            "Bad Request",
            "invalid Mesh object: \"json: cannot unmarshal number into Go struct field ResourceMeta.name of type string\"",
        ),
    );
    // Bytes that are not UTF-8 are read as U+FFFD, as Go does, so only the name is wrong.
    let mut latin1 = br#"{"type": "Mesh", "name": "caf"#.to_vec();
    latin1.extend_from_slice(b"\xe9\"}");
    let reply = api.put_bytes("/meshes/caf", latin1);
    assert_eq!(reply.status, 400);
    assert_eq!(
        reply.json()["invalid_parameters"][0]["reason"],
        json!("name from the URL has to be the same as in body")
    );
    // go-restful refuses bodies that are not declared JSON before any handler runs.
    for content_type in [None, Some("text/plain")] {
        let reply = api.put_raw("/zoneegresses/x", &egress("x").to_string(), content_type);
        assert_eq!(
            (reply.status, reply.text.as_str()),
            (415, "415: Unsupported Media Type")
        );
    }
    assert_eq!(api.get("/zoneegresses").json()["total"], json!(0));
}

#[test]
fn mesh_rules_warnings_and_manager_checks() {
    let (_env, api) = server();
    // The name deprecation warning, with its double space (Go:
    // `pkg/core/resources/apis/mesh/deprecated.go`).
    assert_reply(
        &api.put("/meshes/aa.a", &mesh("aa.a")),
        201,
        json!({"warnings": ["Invalid Mesh resource name: 'aa.a'. It does not conform to the DNS format (RFC 1035). This is deprecated. Errors: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"]}),
    );
    let builtin = json!({"type": "Mesh", "name": "new-mesh",
                         "mtls": {"enabledBackend": "ca-1", "backends": [{"name": "ca-1", "type": "builtin"}]}});
    assert_reply(&api.put("/meshes/new-mesh", &builtin), 201, json!({}));
    assert_eq!(
        without_times(api.get("/meshes/new-mesh").json()),
        json!({"type": "Mesh", "name": "new-mesh", "kri": "kri_m____new-mesh_",
               "mtls": {"enabledBackend": "ca-1", "backends": [{"name": "ca-1", "type": "builtin"}]}})
    );
    let vault = json!({"type": "Mesh", "name": "v",
                       "mtls": {"enabledBackend": "ca-1", "backends": [{"name": "ca-1", "type": "vault"}]}});
    assert_reply(
        &api.put("/meshes/v", &vault),
        400,
        invalid(
            "Failed to create a resource",
            &[(
                "mtls.backends[0].type",
                "could not find installed plugin for this type",
            )],
        ),
    );
    let long = "a".repeat(64);
    assert_reply(
        &api.put(&format!("/meshes/{long}"), &mesh(&long)),
        400,
        invalid(
            "Failed to create a resource",
            &[("name", "cannot be longer than 63 characters")],
        ),
    );
    let switched = json!({"type": "Mesh", "name": "new-mesh",
                          "mtls": {"enabledBackend": "ca-2", "backends": [{"name": "ca-2", "type": "builtin"}]}});
    assert_reply(
        &api.put("/meshes/new-mesh", &switched),
        400,
        invalid(
            "Failed to update a resource",
            &[(
                "mtls.enabledBackend",
                "Changing CA when mTLS is enabled is forbidden. Disable mTLS first and then change the CA",
            )],
        ),
    );
    let egress_mesh = json!({"type": "Mesh", "name": "new-mesh", "routing": {"zoneEgress": true},
                             "mtls": {"enabledBackend": "ca-1", "backends": [{"name": "ca-1", "type": "builtin"}]}});
    assert_reply(&api.put("/meshes/new-mesh", &egress_mesh), 200, json!({}));
}

#[test]
fn label_rules_on_writes() {
    let (_env, api) = server();
    let mut body = egress("ze-1");
    body["labels"] = json!({"kuma.io/zone": "elsewhere", "bad key!": "v"});
    let reply = api.put("/zoneegresses/ze-1", &body);
    assert_eq!(reply.status, 400);
    let params: Vec<(String, String)> = reply.json()["invalid_parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["field"].as_str().unwrap().into(),
                p["reason"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(params.len(), 2);
    assert_eq!(params[0].0, "labels[\"bad key!\"]");
    assert_eq!(
        params[1],
        (
            "labels[\"kuma.io/zone\"]".into(),
            "kuma.io/zone label should have default value".into()
        )
    );
    assert_reply(
        &api.put("/meshes/default/secrets/s", &{
            let mut s = secret("default", "s");
            s["labels"] = json!({"kuma.io/mesh": "other"});
            s
        }),
        400,
        not_processed(&[(
            "labels[\"kuma.io/mesh\"]",
            "kuma.io/mesh label must not differ from mesh set on resource",
        )]),
    );
    // Labels set by the client are kept; computed ones are added.
    let mut body = egress("ze-1");
    body["labels"] = json!({"team": "edge", "kuma.io/zone": "default"});
    create(&api, "/zoneegresses/ze-1", &body);
    assert_eq!(
        api.get("/zoneegresses/ze-1").json()["labels"]["team"],
        json!("edge")
    );
    // Labels omitted on update are dropped, except computed ones.
    assert_eq!(api.put("/zoneegresses/ze-1", &egress("ze-1")).status, 200);
    assert_eq!(
        api.get("/zoneegresses/ze-1").json()["labels"],
        egress_labels()
    );
    // The origin and zone labels are immutable.
    let mut body = egress("ze-1");
    body["labels"] = json!({"kuma.io/origin": "global"});
    assert_reply(
        &api.put("/zoneegresses/ze-1", &body),
        400,
        invalid(
            "Could not update a resource",
            &[
                (
                    "labels[\"kuma.io/origin\"]",
                    "is immutable, cannot be changed from \"zone\" to \"global\"",
                ),
                (
                    "labels[\"kuma.io/zone\"]",
                    "is immutable, cannot be removed (was \"default\")",
                ),
            ],
        ),
    );
}

#[test]
fn deletes_and_cascades() {
    let (_env, api) = server();
    create(&api, "/meshes/m1", &mesh("m1"));
    create(&api, "/meshes/m1/secrets/s1", &secret("m1", "s1"));
    let dataplane = json!({"type": "Dataplane", "mesh": "m1", "name": "dp-1",
                           "networking": {"address": "10.0.0.1", "inbound": [{"port": 80, "tags": {"kuma.io/service": "web"}}]}});
    create(&api, "/meshes/m1/dataplanes/dp-1", &dataplane);
    assert_reply(
        &api.delete("/meshes/m1"),
        400,
        invalid(
            "Could not delete a resource",
            &[(
                "mesh",
                "unable to delete mesh, there are still some dataplanes attached",
            )],
        ),
    );
    assert_reply(&api.delete("/meshes/m1/dataplanes/dp-1"), 200, json!({}));
    assert_reply(&api.delete("/meshes/m1"), 200, json!({}));
    // The mesh's resources went with it.
    assert_eq!(api.get("/secrets").json()["total"], json!(0));
    assert_reply(
        &api.delete("/meshes/m1"),
        404,
        error(404, "Could not delete a resource", "Not found"),
    );
}

#[test]
fn secrets_used_by_a_provided_ca_cannot_be_deleted() {
    let (_env, api) = server();
    create(
        &api,
        "/meshes/default/secrets/ca-cert",
        &secret("default", "ca-cert"),
    );
    let provided = json!({"type": "Mesh", "name": "default", "mtls": {"skipValidation": true, "backends": [
        {"name": "ca-p", "type": "provided", "conf": {"cert": {"secret": "ca-cert"}, "key": {"secret": "ca-key"}}}]}});
    assert_eq!(api.put("/meshes/default", &provided).status, 200);
    assert_reply(
        &api.delete("/meshes/default/secrets/ca-cert"),
        400,
        invalid(
            "Could not delete a resource",
            &[(
                "name",
                "The secret \"ca-cert\" that you are trying to remove is currently in use in Mesh \"default\" in mTLS backend \"ca-p\". Please remove the reference from the \"ca-p\" backend before removing the secret.",
            )],
        ),
    );
}

#[test]
fn global_mode_makes_zone_egress_read_only() {
    let (_env, api) = start(ServerOptions {
        mode: Mode::Global,
        ..ServerOptions::for_tests()
    });
    let message = "On global control plane you can not modify dataplane resources with 'kumactl apply' or via the HTTP API. You can still use 'kumactl' or the HTTP API to modify them on the zone control plane.\n";
    let expected = error(405, "Method not allowed", message);
    assert_reply(
        &api.put("/zoneegresses/ze-1", &egress("ze-1")),
        405,
        expected.clone(),
    );
    assert_reply(&api.delete("/zoneegresses/ze-1"), 405, expected.clone());
    // Before the body is even read.
    assert_reply(
        &api.put_raw("/zoneegresses/ze-1", "{", Some("application/json")),
        405,
        expected,
    );
    // Meshes stay writable, without zone labels.
    assert_reply(&api.put("/meshes/m", &mesh("m")), 201, json!({}));
    let mut body = json!({"type": "GlobalSecret", "name": "g", "data": "dA=="});
    assert_reply(&api.put("/globalsecrets/g", &body), 201, json!({}));
    assert!(api.get("/globalsecrets/g").json().get("labels").is_none());
    body["labels"] = json!({"kuma.io/origin": "zone"});
    assert_reply(
        &api.put("/globalsecrets/g", &body),
        400,
        not_processed(&[(
            "labels[\"kuma.io/origin\"]",
            "the origin label must be set to 'global'",
        )]),
    );
}

#[test]
fn read_only_types_refuse_writes_with_the_mode_message() {
    let (_env, api) = server();
    let message = "On zone control plane you can only modify zone resources with 'kumactl apply' or via the HTTP API. You can still use 'kumactl' or the HTTP API to modify the rest of the resource on the global control plane.\n";
    assert_reply(
        &api.put(
            "/zoneegressinsights/ze-1",
            &json!({"type": "ZoneEgressInsight", "name": "ze-1"}),
        ),
        405,
        error(405, "Method not allowed", message),
    );
    assert_reply(
        &api.delete("/meshes/default/dataplane-insights/x"),
        405,
        error(405, "Method not allowed", message),
    );
    assert_reply(
        &api.get("/zoneegressinsights"),
        200,
        json!({"total": 0, "items": [], "next": null}),
    );
}

#[test]
fn admin_only_types_need_the_admin() {
    let (_env, api) = server();
    create(
        &api,
        "/globalsecrets/g",
        &json!({"type": "GlobalSecret", "name": "g", "data": "dA=="}),
    );
    let remote = api.as_remote_caller();
    let denied = |type_name: &str| {
        error(
            403,
            "Access Denied",
            &format!(
                "user \"mesh-system:anonymous/mesh-system:unauthenticated\" cannot access the resource of type \"{type_name}\""
            ),
        )
    };
    assert_reply(&remote.get("/globalsecrets/g"), 403, denied("GlobalSecret"));
    assert_reply(&remote.get("/global-secrets"), 403, denied("GlobalSecret"));
    assert_reply(
        &remote.get("/meshes/default/secrets"),
        403,
        denied("Secret"),
    );
    assert_reply(&remote.get("/secrets"), 403, denied("Secret"));
    assert_reply(
        &remote.put("/meshes/default/secrets/s", &secret("default", "s")),
        403,
        denied("Secret"),
    );
    assert_reply(
        &remote.delete("/globalsecrets/g"),
        403,
        denied("GlobalSecret"),
    );
    // Everything else is open to anonymous callers.
    assert_reply(
        &remote.put("/zoneegresses/ze-1", &egress("ze-1")),
        201,
        json!({}),
    );
    assert_eq!(remote.get("/meshes").status, 200);
    // The admin still can.
    assert_eq!(api.get("/global-secrets/g").status, 200);
}

#[test]
fn zone_egress_overview_and_insight() {
    use kumactl::cp_lite::insights;
    use kumactl::resources::spec::insight::DiscoverySubscription;
    let (env, api) = server();
    create(&api, "/zoneegresses/ze-1", &egress("ze-1"));
    let overview = api.get("/zoneegresses/ze-1/_overview");
    assert_eq!(overview.status, 200);
    assert_eq!(
        without_times(overview.json()),
        json!({
            "type": "ZoneEgressOverview", "name": "ze-1",
            "labels": egress_labels(),
            "kri": "kri_ze__default__ze-1_",
            "zoneEgress": {"networking": {"address": "192.168.0.1", "port": 10002, "admin": {"port": 9901}}}
        })
    );
    let store = env.server().state.store.clone();
    let connected = kumactl::resources::time::parse("2025-05-01T10:00:00.5Z").unwrap();
    insights::record_zone_egress_connect(
        store.as_ref(),
        "ze-1",
        DiscoverySubscription {
            id: "stream-1".into(),
            control_plane_instance_id: "cp-1".into(),
            connect_time: Some(connected),
            ..DiscoverySubscription::default()
        },
        None,
    )
    .unwrap();
    let expected_insight = json!({"subscriptions": [
        {"id": "stream-1", "controlPlaneInstanceId": "cp-1", "connectTime": "2025-05-01T10:00:00.500Z"}
    ]});
    let list = api.get("/zoneegresses/_overview").json();
    assert_eq!(list["total"], json!(1));
    assert_eq!(list["items"][0]["zoneEgressInsight"], expected_insight);
    let legacy = api.get("/zoneegressoverviews/ze-1").json();
    assert_eq!(legacy["zoneEgressInsight"], expected_insight);
    assert_eq!(api.get("/zoneegressoverviews").json()["total"], json!(1));
    let insight = api.get("/zoneegressinsights/ze-1");
    assert_eq!(insight.status, 200);
    assert_eq!(
        insight.json()["subscriptions"],
        expected_insight["subscriptions"]
    );
    assert_reply(
        &api.get("/zoneegresses/nope/_overview"),
        404,
        error(404, "Could not retrieve a resource", "Not found"),
    );
    // Deleting the egress deletes its insight.
    assert_reply(&api.delete("/zoneegresses/ze-1"), 200, json!({}));
    assert_eq!(api.get("/zoneegressinsights/ze-1").status, 404);
}

#[test]
fn envoy_admin_views_say_there_is_no_envoy() {
    let (_env, api) = server();
    create(&api, "/zoneegresses/ze-1", &egress("ze-1"));
    for (view, what) in [
        ("xds?include_eds=false", "config dump"),
        ("stats", "stats"),
        ("clusters", "clusters"),
    ] {
        let detail = format!(
            "kuma-cp-lite serves no Envoy configuration, so it cannot reach the Envoy admin API of ZoneEgress \"ze-1\" to get its {what}"
        );
        assert_reply(
            &api.get(&format!("/zoneegresses/ze-1/{view}")),
            503,
            error(503, "Could not execute admin operation", &detail),
        );
    }
    assert_reply(
        &api.get("/zoneegresses/nope/xds"),
        404,
        error(404, "Could not get zone egress resource", "Not found"),
    );
}

#[test]
fn mesh_insights_count_dataplanes_and_policies() {
    let (_env, api) = server();
    let policy = |kind: &str, name: &str| json!({"type": kind, "mesh": "default", "name": name});
    for (path, kind, name) in [
        ("traffic-permissions", "TrafficPermission", "tp-1"),
        ("traffic-permissions", "TrafficPermission", "tp-2"),
        ("circuit-breakers", "CircuitBreaker", "cb"),
    ] {
        create(
            &api,
            &format!("/meshes/default/{path}/{name}"),
            &policy(kind, name),
        );
    }
    // A Dataplane needs its networking address (dataplane_validator.go).
    let mut dataplane = policy("Dataplane", "dp");
    dataplane["networking"] = json!({"address": "10.0.0.1"});
    create(&api, "/meshes/default/dataplanes/dp", &dataplane);
    let insights = api.get("/mesh-insights").json();
    assert_eq!(insights["total"], json!(1));
    assert_eq!(
        without_times(insights["items"][0].clone()),
        json!({"type": "MeshInsight", "name": "default",
               "resources": {"CircuitBreaker": {"total": 1}, "Dataplane": {"total": 1}, "TrafficPermission": {"total": 2}},
               "dataplanesByType": {"standard": {"total": 1, "offline": 1}, "gateway": {}, "gatewayBuiltin": {}, "gatewayDelegated": {}},
               "dataplanes": {"total": 1, "offline": 1},
               "policies": {"CircuitBreaker": {"total": 1}, "TrafficPermission": {"total": 2}},
               "dpVersions": {"kumaDp": {"unknown": {"total": 1, "offline": 1}}, "envoy": {"unknown": {"total": 1, "offline": 1}}},
               "mTLS": {}, "services": {}})
    );
    assert_eq!(api.get("/mesh-insights/default").status, 200);
    assert_eq!(api.get("/mesh-insights/nope").status, 404);
}

#[test]
fn format_parameter() {
    let (_env, api) = server();
    assert_eq!(api.get("/meshes/default?format=universal").status, 200);
    let k8s = api.get("/meshes/default?format=kubernetes").json();
    assert_eq!(k8s["kind"], json!("Mesh"));
    assert_eq!(k8s["metadata"]["name"], json!("default"));
    assert_reply(
        &api.get("/meshes/default?format=xml"),
        400,
        invalid(
            "Could not retrieve a resource",
            &[("format", "must be one of: k8s, kubernetes, universal")],
        ),
    );
}

#[test]
fn concurrent_puts_lose_nothing() {
    let (_env, api) = server();
    let api = std::sync::Arc::new(api);
    const WRITERS: usize = 8;
    const EACH: usize = 25;
    let handles: Vec<_> = (0..WRITERS)
        .map(|writer| {
            let api = api.clone();
            std::thread::spawn(move || {
                let mut statuses = Vec::new();
                for i in 0..EACH {
                    // Everyone writes the same egress, and one of their own.
                    let mut shared = egress("shared");
                    shared["networking"]["port"] = json!(10000 + writer * 100 + i);
                    statuses.push(api.put("/zoneegresses/shared", &shared).status);
                    let own = format!("ze-{writer}-{i}");
                    statuses.push(
                        api.put(&format!("/zoneegresses/{own}"), &egress(&own))
                            .status,
                    );
                }
                statuses
            })
        })
        .collect();
    let statuses: Vec<u16> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("writer thread"))
        .collect();
    // Exactly one PUT created the shared egress; every other write succeeded as an update.
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1 + WRITERS * EACH
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        WRITERS * EACH - 1
    );
    assert_eq!(
        api.get("/zoneegresses?size=1000").json()["total"],
        json!(1 + WRITERS * EACH)
    );
}

/// A self-signed certificate and its key (PEM), optionally a signing CA.
fn certificate(signing_ca: bool) -> (String, String) {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair, KeyUsagePurpose};
    let key = KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(vec!["provided-ca".to_string()]).unwrap();
    if signing_ca {
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign];
    }
    (params.self_signed(&key).unwrap().pem(), key.serialize_pem())
}

fn provided_mesh(conf: Value) -> Value {
    json!({"type": "Mesh", "name": "default", "mtls": {"enabledBackend": "ca-p",
           "backends": [{"name": "ca-p", "type": "provided", "conf": conf}]}})
}

#[test]
fn provided_ca_backends_are_checked() {
    use base64::Engine;
    let b64 = |text: &str| base64::engine::general_purpose::STANDARD.encode(text);
    let (_env, api) = server();
    let put = |conf: Value| api.put("/meshes/default", &provided_mesh(conf));
    let title = "Failed to update a resource";
    assert_reply(
        &put(json!({})),
        400,
        invalid(
            title,
            &[
                ("mtls.backends[0].conf.cert", "has to be defined"),
                ("mtls.backends[0].conf.key", "has to be defined"),
            ],
        ),
    );
    assert_reply(
        &put(json!({"cert": {}, "key": {"secret": ""}})),
        400,
        invalid(
            title,
            &[
                (
                    "mtls.backends[0].conf.cert",
                    "data source has to be chosen. Available sources: secret, file, inline",
                ),
                ("mtls.backends[0].conf.key.secret", "cannot be empty"),
            ],
        ),
    );
    assert_reply(
        &put(json!({"cert": {"secret": "ca-cert"}, "key": {"file": "/nonexistent/ca.key"}})),
        400,
        invalid(
            title,
            &[
                (
                    "mtls.backends[0].conf.cert",
                    "could not load data: resource not found: type=\"Secret\" name=\"ca-cert\" mesh=\"default\"",
                ),
                (
                    "mtls.backends[0].conf.key",
                    "could not load data: open /nonexistent/ca.key: no such file or directory",
                ),
            ],
        ),
    );
    let (leaf, leaf_key) = certificate(false);
    assert_reply(
        &put(json!({"cert": {"inlineString": leaf}, "key": {"inline": b64(&leaf_key)}})),
        400,
        invalid(
            title,
            &[
                (
                    "mtls.backends[0].conf.cert",
                    "basic constraint 'CA' must be set to 'true' (see X509-SVID: 4.1. Basic Constraints)",
                ),
                (
                    "mtls.backends[0].conf.cert",
                    "key usage extension 'keyCertSign' must be set (see X509-SVID: 4.3. Key Usage)",
                ),
            ],
        ),
    );
    let (ca, ca_key) = certificate(true);
    assert_reply(
        &put(json!({"cert": {"inlineString": ca}, "key": {"inlineString": leaf_key}})),
        400,
        invalid(
            title,
            &[(
                "mtls.backends[0].conf.cert",
                "not a valid TLS key pair: tls: private key does not match public key",
            )],
        ),
    );
    assert_reply(
        &put(json!({"cert": {"inline": "not base64!"}, "key": {"inlineString": ca_key}})),
        400,
        invalid(
            title,
            &[(
                "mtls.backends[0].conf",
                "could not convert backend config: illegal base64 data at input byte 3",
            )],
        ),
    );
    // A real CA, from secrets of the mesh.
    for (name, pem) in [("ca-cert", &ca), ("ca-key", &ca_key)] {
        let body = json!({"type": "Secret", "mesh": "default", "name": name, "data": b64(pem)});
        create(&api, &format!("/meshes/default/secrets/{name}"), &body);
    }
    assert_reply(
        &put(json!({"cert": {"secret": "ca-cert"}, "key": {"secret": "ca-key"}})),
        200,
        json!({}),
    );
    // With skipValidation only the plugin must exist.
    let skipped = json!({"type": "Mesh", "name": "m2", "mtls": {"skipValidation": true, "backends": [
        {"name": "p", "type": "provided"}]}});
    assert_reply(&api.put("/meshes/m2", &skipped), 201, json!({}));
}

#[test]
fn alternative_paths_serve_the_same_resources() {
    let (_env, api) = server();
    let ingress = json!({"type": "ZoneIngress", "name": "zi-1",
                         "networking": {"address": "10.0.0.1", "advertisedAddress": "1.2.3.4", "port": 10001, "advertisedPort": 10001}});
    assert_reply(&api.put("/zone-ingresses/zi-1", &ingress), 201, json!({}));
    let fetched = api.get("/zoneingresses/zi-1").json();
    assert_eq!(
        fetched["labels"]["kuma.io/proxy-type"],
        json!("zoneingress")
    );
    assert_eq!(fetched["kri"], json!("kri_zi__default__zi-1_"));
    assert_eq!(
        api.get("/zoneingresses/_overview").json()["items"][0]["type"],
        json!("ZoneIngressOverview")
    );
    assert_eq!(
        api.get("/zoneingresses+insights/zi-1").json()["zoneIngress"],
        without_times(ingress.clone())
            .as_object()
            .map(|o| json!({"networking": o["networking"]}))
            .unwrap()
    );
    let global_secret = json!({"type": "GlobalSecret", "name": "g", "data": "dA=="});
    assert_reply(
        &api.put("/global-secrets/g", &global_secret),
        201,
        json!({}),
    );
    // Listed under the other path, next to the token keys created at start.
    let listed = api.get("/globalsecrets").json();
    assert!(
        listed["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|item| item["name"] == json!("g")),
        "{listed}"
    );
    assert_reply(&api.delete("/global-secrets/g"), 200, json!({}));
    assert_reply(
        &api.put("/zoneingresses/zi-2", &json!({"type": "ZoneIngress", "name": "zi-2", "networking": {"advertisedPort": 1, "port": 1}})),
        400,
        not_processed(&[(
            "networking.advertisedAddress",
            "has to be defined with advertisedPort",
        )]),
    );
}

#[test]
fn the_store_loses_no_update_under_contention() {
    use kumactl::cp_lite::store::{MemoryStore, ResourceKey, ResourceStore, StoreError};
    use kumactl::resources::Resource;
    use std::sync::Arc;
    const THREADS: usize = 16;
    const INCREMENTS: usize = 200;
    let store = Arc::new(MemoryStore::new());
    let counter = |n: usize| {
        Resource::from_json(
            json!({"type": "GlobalSecret", "name": "counter", "labels": {"n": n.to_string()}}),
        )
        .unwrap()
    };
    store.create(counter(0), None).unwrap();
    let key = ResourceKey::of(&counter(0));
    let threads: Vec<_> = (0..THREADS)
        .map(|thread| {
            let store = store.clone();
            let key = key.clone();
            std::thread::spawn(move || {
                let mut conflicts = 0;
                for i in 0..INCREMENTS {
                    // Read-modify-write of the shared counter, retried on conflicts.
                    loop {
                        let current = store.get(&key).unwrap();
                        let n: usize = current.resource.meta.labels["n"].parse().unwrap();
                        match store.update(counter(n + 1), current.version) {
                            Ok(_) => break,
                            Err(StoreError::Conflict(_)) => conflicts += 1,
                            Err(other) => panic!("unexpected {other}"),
                        }
                    }
                    // And a resource of its own, created then updated.
                    let own = Resource::from_json(
                        json!({"type": "GlobalSecret", "name": format!("s-{thread}-{i}")}),
                    )
                    .unwrap();
                    let version = store.create(own.clone(), None).unwrap();
                    store.update(own, version).unwrap();
                }
                conflicts
            })
        })
        .collect();
    let conflicts: usize = threads
        .into_iter()
        .map(|t| t.join().expect("no panic"))
        .sum();
    let final_value = &store.get(&key).unwrap().resource.meta.labels["n"];
    assert_eq!(
        final_value,
        &(THREADS * INCREMENTS).to_string(),
        "after {conflicts} conflicts"
    );
    assert_eq!(
        store.list("GlobalSecret", None).len(),
        1 + THREADS * INCREMENTS
    );
}

#[test]
fn next_links_use_the_scheme_of_the_listener() {
    let (env, _api) = server();
    let ca = reqwest::Certificate::from_pem(
        env.server().generated_ca_pem.as_deref().unwrap().as_bytes(),
    )
    .unwrap();
    let client = reqwest::blocking::Client::builder()
        .add_root_certificate(ca)
        .build()
        .unwrap();
    let base = env.server().api_https_url();
    for name in ["m1", "m2"] {
        let reply = client
            .put(format!("{base}/meshes/{name}"))
            .header("content-type", "application/json")
            .body(mesh(name).to_string())
            .send()
            .unwrap();
        assert_eq!(reply.status().as_u16(), 201);
    }
    let page: Value = client
        .get(format!("{base}/meshes?size=1"))
        .send()
        .unwrap()
        .json()
        .unwrap();
    let host = base.trim_start_matches("https://");
    assert_eq!(
        page["next"],
        json!(format!("https://{host}/meshes?offset=1&size=1"))
    );
}
