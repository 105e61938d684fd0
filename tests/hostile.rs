//! Hostile input against the resource pipeline: for every writable resource type, a seed
//! document is generated from the type's data (its `...Item` schema for new-style types,
//! its proto message table for legacy ones), then mutated path by path with wrong JSON
//! types, extreme numbers, odd strings, bad durations, deep nesting and duplicate keys.
//! Every mutation goes through `kumactl apply`'s library entry point in-process (a panic
//! is caught and reported with the input that caused it); a handful also go through the
//! real `kumactl apply --dry-run` and kuma-cp-lite's PUT.

mod common;

use common::http::Api;
use common::{TestEnv, run};
use kumactl::resources::descriptor::{RESOURCE_TYPES, ResourceType, Scope};
use kumactl::resources::document;
use kumactl::resources::spec::proto::{self, Field, Kind};
use kumactl::resources::{openapi, spec};
use serde_json::{Map, Value, json};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

/// Paths deeper than this are not generated (recursive schemas).
const MAX_SEED_DEPTH: usize = 7;

/// Mutations tried at each path of a seed.
const PER_PATH: usize = 5;

fn writable_types() -> impl Iterator<Item = &'static ResourceType> {
    RESOURCE_TYPES.iter().filter(|t| !t.read_only)
}

// ---------------------------------------------------------------------------------------
// Seeds

/// A value of the schema `schema` with every property filled in.
fn seed_from_schema(schema: &Value, depth: usize) -> Value {
    if depth > MAX_SEED_DEPTH {
        return Value::Null;
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array)
        && let Some(first) = values.first()
    {
        return first.clone();
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(first) = schema
            .get(key)
            .and_then(Value::as_array)
            .and_then(|a| a.first())
            && schema.get("type").is_none()
            && schema.get("properties").is_none()
        {
            return seed_from_schema(first, depth + 1);
        }
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("string") => match schema.get("format").and_then(Value::as_str) {
            Some("date-time") => json!("2024-01-01T00:00:00Z"),
            _ => json!("a"),
        },
        Some("integer") => json!(1),
        Some("number") => json!(1.5),
        Some("boolean") => json!(true),
        Some("array") => match schema.get("items") {
            Some(items) => json!([seed_from_schema(items, depth + 1)]),
            None => json!([]),
        },
        _ => {
            if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                let mut map = Map::new();
                for (name, property) in properties {
                    let value = seed_from_schema(property, depth + 1);
                    if !value.is_null() {
                        map.insert(name.clone(), value);
                    }
                }
                Value::Object(map)
            } else if let Some(additional) = schema.get("additionalProperties")
                && additional.is_object()
            {
                json!({ "k": seed_from_schema(additional, depth + 1) })
            } else if schema.get("x-kubernetes-int-or-string").is_some() {
                json!("1")
            } else {
                json!({})
            }
        }
    }
}

fn seed_from_kind(kind: Kind, depth: usize) -> Value {
    match kind {
        Kind::String | Kind::StringValue => json!("a"),
        Kind::Bool | Kind::BoolValue => json!(true),
        Kind::Uint32 | Kind::Uint64 | Kind::UInt32Value => json!(1),
        Kind::Double | Kind::DoubleValue | Kind::FloatValue => json!(1.5),
        Kind::Enum(descriptor) => json!(descriptor.names.last().copied().unwrap_or("")),
        Kind::Message(fields) => seed_from_fields(fields, depth + 1),
        Kind::StringMap => json!({"k": "v"}),
        Kind::MessageMap(fields) => json!({ "k": seed_from_fields(fields, depth + 1) }),
        Kind::Duration => json!("1s"),
        Kind::Struct => json!({"a": 1, "b": ["c"]}),
        Kind::Bytes | Kind::BytesValue => json!("YQ=="),
    }
}

fn seed_from_fields(fields: &[Field], depth: usize) -> Value {
    let mut map = Map::new();
    if depth > MAX_SEED_DEPTH {
        return Value::Object(map);
    }
    for field in fields {
        let value = seed_from_kind(field.kind, depth);
        map.insert(
            field.name.to_string(),
            if field.repeated {
                json!([value])
            } else {
                value
            },
        );
    }
    Value::Object(map)
}

/// A document of `t` with every field its data describes.
fn seed(t: &ResourceType) -> Value {
    let mut doc;
    if let Some(item) = openapi::schema_of(t.name) {
        let Value::Object(generated) = seed_from_schema(item, 0) else {
            panic!("{}: Item schema is not an object", t.name);
        };
        doc = generated;
        doc.remove("status");
        for key in ["creationTime", "modificationTime", "kri"] {
            doc.remove(key);
        }
    } else if let Some(fields) = proto::message_of(t.name) {
        let Value::Object(generated) = seed_from_fields(fields, 0) else {
            unreachable!()
        };
        doc = generated;
    } else {
        // The typed models (Mesh and the secrets) have no table: a document using
        // their main fields.
        doc = match t.name {
            "Mesh" => json!({
                "mtls": {"enabledBackend": "ca-1", "skipValidation": false,
                    "backends": [{"name": "ca-1", "type": "builtin", "mode": "STRICT",
                        "dpCert": {"rotation": {"expiration": "1d"}, "requestTimeout": "1s"},
                        "conf": {"caCert": {"RSAbits": 2048, "expiration": "10y"}},
                        "rootChain": {"requestTimeout": "2s"}}]},
                "logging": {"defaultBackend": "f", "backends": [
                    {"name": "f", "type": "file", "format": "x", "conf": {"path": "/tmp/x"}},
                    {"name": "t", "type": "tcp", "conf": {"address": "1.1.1.1:5000"}}]},
                "tracing": {"defaultBackend": "z", "backends": [
                    {"name": "z", "type": "zipkin", "sampling": 50.5,
                        "conf": {"url": "http://z:9411/api/v2/spans"}},
                    {"name": "d", "type": "datadog", "conf": {"address": "1.1.1.1", "port": 1}}]},
                "metrics": {"enabledBackend": "p", "backends": [
                    {"name": "p", "type": "prometheus",
                        "conf": {"port": 5670, "path": "/metrics", "tags": {"k": "v"},
                            "envoy": {"filterRegex": "a.*"}, "skipMTLS": true}}]},
                "networking": {"outbound": {"passthrough": true}},
                "routing": {"localityAwareLoadBalancing": true, "zoneEgress": true,
                    "defaultForbidMeshExternalServiceAccess": false},
                "constraints": {"dataplaneProxy": {
                    "requirements": [{"tags": {"k": "v"}}],
                    "restrictions": [{"tags": {"x": "*"}}]}},
                "meshServices": {"mode": "Exclusive"},
                "skipCreatingInitialPolicies": ["*"]
            }),
            _ => json!({"data": "YQ=="}),
        }
        .as_object()
        .cloned()
        .unwrap();
    }
    doc.insert("type".into(), json!(t.name));
    doc.insert("name".into(), json!("seed"));
    if t.scope == Scope::Mesh {
        doc.insert("mesh".into(), json!("default"));
    } else {
        doc.remove("mesh");
    }
    Value::Object(doc)
}

// ---------------------------------------------------------------------------------------
// Mutations

/// A JSON path: object keys and array indexes.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn paths(value: &Value, prefix: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                prefix.push(Step::Key(key.clone()));
                out.push(prefix.clone());
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                prefix.push(Step::Index(i));
                out.push(prefix.clone());
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn nested(depth: usize, open: &str, close: &str, inner: &str) -> String {
    format!("{}{inner}{}", open.repeat(depth), close.repeat(depth))
}

/// Replacement values, as JSON text (some are not representable as `serde_json::Value`,
/// like 2^64 kept exact).
fn hostile_values() -> Vec<String> {
    let long = "x".repeat(10_000);
    vec![
        r#""x""#.into(),
        r#""""#.into(),
        format!("\"{long}\""),
        r#""\u0000\u001b[31m\n\t\u202e é 😀 \ud83d""#.replace(r"\ud83d", r"\u00ff"),
        r#""-1s""#.into(),
        r#""1e9h""#.into(),
        r#""5""#.into(),
        r#""9999999999999999999h""#.into(),
        r#""1.5""#.into(),
        r#""*""#.into(),
        "0".into(),
        "-1".into(),
        "1.5".into(),
        "1e308".into(),
        "-1e308".into(),
        "18446744073709551616".into(),
        "4294967296".into(),
        "-9223372036854775809".into(),
        "true".into(),
        "false".into(),
        "null".into(),
        "[]".into(),
        "{}".into(),
        r#"["x", 1, null]"#.into(),
        r#"{"x": {"y": 1}}"#.into(),
        nested(100, "[", "]", ""),
        nested(100, r#"{"a":"#, "}", "1"),
    ]
}

/// `value` as JSON text, with `replacement` (JSON text) at `path`; with `duplicate`, the
/// last key of `path` appears twice: first with `replacement`, then with its old value.
fn render(value: &Value, path: &[Step], replacement: &str, duplicate: bool, out: &mut String) {
    match (value, path.split_first()) {
        (_, None) => out.push_str(replacement),
        (Value::Object(map), Some((Step::Key(key), rest))) => {
            out.push('{');
            let mut first = true;
            for (k, v) in map {
                if !first {
                    out.push(',');
                }
                first = false;
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                if k == key {
                    if duplicate && rest.is_empty() {
                        out.push_str(replacement);
                        out.push(',');
                        out.push_str(&Value::String(k.clone()).to_string());
                        out.push(':');
                        out.push_str(&v.to_string());
                    } else {
                        render(v, rest, replacement, duplicate, out);
                    }
                } else {
                    out.push_str(&v.to_string());
                }
            }
            out.push('}');
        }
        (Value::Array(items), Some((Step::Index(index), rest))) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if i == *index {
                    render(v, rest, replacement, duplicate, out);
                } else {
                    out.push_str(&v.to_string());
                }
            }
            out.push(']');
        }
        _ => unreachable!("path follows the value"),
    }
}

/// What went wrong with one input, if anything.
fn check_document(text: &str) -> Result<(), String> {
    let started = Instant::now();
    // The Dataplane validator must also hold on JSON that was never decoded (the
    // dp-server used to validate an inline Dataplane that way).
    let undecoded = catch_unwind(AssertUnwindSafe(|| {
        if let Ok(value) = serde_json::from_str::<Value>(text)
            && value["type"] == "Dataplane"
            && let Ok(resource) = kumactl::resources::Resource::from_json(value)
        {
            let _ = spec::dataplane::validate(&Value::Object(resource.spec));
        }
    }));
    if undecoded.is_err() {
        return Err("panicked in the dp-server's Dataplane validation".into());
    }
    let outcome = catch_unwind(AssertUnwindSafe(|| document::parse(text.as_bytes())));
    let elapsed = started.elapsed();
    match outcome {
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            return Err(format!("panicked ({message})"));
        }
        Ok(Err(err)) => {
            let printed = err.to_string();
            if printed.contains('\n') {
                return Err(format!("multi-line error: {printed:?}"));
            }
            // serde's own words never reach the user: Go has no such messages.
            for leak in ["expected any YAML value", "u128", "i128", "invalid type: "] {
                if printed.contains(leak) {
                    return Err(format!("serde's error text: {printed:?}"));
                }
            }
        }
        Ok(Ok(resource)) => {
            // What the server does with it next: warnings and the manager's rules.
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                let _ = spec::warnings(&resource);
                let _ = kumactl::resources::policies::manager_violations(&resource);
                let _ = resource.to_json();
            }));
            if outcome.is_err() {
                return Err("panicked after a successful parse".into());
            }
        }
    }
    if elapsed > Duration::from_secs(2) {
        return Err(format!("took {elapsed:?}"));
    }
    Ok(())
}

fn short(text: &str) -> String {
    if text.len() <= 400 {
        text.to_string()
    } else {
        let mut end = 400;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}... ({} bytes)", &text[..end], text.len())
    }
}

#[test]
fn every_writable_type_survives_field_by_field_mutation() {
    // The panic hook would print every caught panic; the report below lists them.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let values = hostile_values();
    let mut failures = Vec::new();
    let mut inputs = 0usize;
    let mut rotation = 0usize;
    for t in writable_types() {
        let doc = seed(t);
        let mut all = Vec::new();
        paths(&doc, &mut Vec::new(), &mut all);
        for path in &all {
            // Five values per path, rotating, so that each value meets every type
            // at a few paths of each level and the test stays fast.
            for n in 0..PER_PATH {
                rotation += 1;
                let replacement = &values[rotation % values.len()];
                let mut text = String::new();
                render(&doc, path, replacement, n == 3, &mut text);
                inputs += 1;
                if let Err(why) = check_document(&text) {
                    failures.push(format!("{}: {why}\n    input: {}", t.name, short(&text)));
                }
            }
        }
        // The whole seed, as is.
        let text = doc.to_string();
        inputs += 1;
        if let Err(why) = check_document(&text) {
            failures.push(format!("{}: {why}\n    input: {}", t.name, short(&text)));
        }
    }
    std::panic::set_hook(hook);
    assert!(inputs > 6_000, "only {inputs} inputs were generated");
    assert!(
        failures.is_empty(),
        "{} of {inputs} inputs failed:\n{}",
        failures.len(),
        failures
            .iter()
            .take(60)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Mutated documents PUT to kuma-cp-lite: never a 5xx, always a JSON body.
#[test]
fn server_answers_mutated_bodies_with_kuma_errors() {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    let values = hostile_values();
    let mut failures = Vec::new();
    let mut rotation = 0usize;
    for name in [
        "Mesh",
        "Dataplane",
        "MeshGateway",
        "TrafficRoute",
        "MeshTimeout",
        "MeshHTTPRoute",
        "MeshTrafficPermission",
        "MeshService",
        "HostnameGenerator",
        "Secret",
    ] {
        let t = kumactl::resources::descriptor::by_name(name).expect("a known type");
        let doc = seed(t);
        let url = t.item_path("default", "seed");
        let mut all = Vec::new();
        paths(&doc, &mut Vec::new(), &mut all);
        // A few paths of each type, spread over the document.
        for path in all.iter().step_by(all.len().div_ceil(6).max(1)) {
            rotation += 7;
            let replacement = &values[rotation % values.len()];
            let mut text = String::new();
            render(
                &doc,
                path,
                replacement,
                rotation.is_multiple_of(2),
                &mut text,
            );
            let reply = api.put_raw(&url, &text, Some("application/json"));
            let json = serde_json::from_str::<Value>(&reply.text);
            if reply.status >= 500 || (reply.status >= 400 && json.is_err()) {
                failures.push(format!(
                    "{name}: {} {}\n    input: {}",
                    reply.status,
                    short(&reply.text),
                    short(&text)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A path segment that is not UTF-8 names no resource: Kuma's 404 body, not a plain-text
/// "Invalid URL" from the router.
#[test]
fn path_segments_that_are_not_utf8_name_no_resource() {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    for path in [
        "/meshes/default/dataplanes/%ff",
        "/zoneegresses/%ff%fe",
        "/meshes/default/meshtimeouts/%ff",
    ] {
        let reply = api.get(path);
        assert_eq!(reply.status, 404, "{path}: {}", reply.text);
        assert_eq!(reply.json()["detail"], "Not found", "{path}");
    }
    let reply = api.get("/meshes/%ff/dataplanes");
    assert_eq!(reply.status, 404, "{}", reply.text);
    assert_eq!(reply.json()["title"], "Failed to retrieve Mesh");
    let reply = api.get("/_kri/kri_%ff");
    assert_eq!(reply.status, 400, "{}", reply.text);
    assert_eq!(
        reply.json()["detail"],
        "bad request: invalid identifier string: \"kri_\u{fffd}\""
    );
    // `+` is not a space in a path, and `%2B` is `+`.
    let reply = api.get("/meshes/default/meshtimeouts/a%2Bb+c");
    assert_eq!(reply.status, 404, "{}", reply.text);
}

/// A raw HTTP server for kumactl: `GET /` answers Kuma's index, any other request gets
/// `answer` (a whole HTTP response head and body).
fn raw_server(answer: String) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            let _ = reader.read_line(&mut request_line);
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
            }
            let response = if request_line.starts_with("GET / ") {
                let index = r#"{"hostname":"h","product":"Kuma","version":"2.14.3","instanceId":"h-1","clusterId":"c","gui":"/gui"}"#;
                format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{index}",
                    index.len()
                )
            } else {
                answer.clone()
            };
            let _ = stream.write_all(response.as_bytes());
        }
    });
    url
}

/// A control plane's answer is read up to 64 MiB: one announced as larger is refused
/// before its body is read.
#[test]
fn kumactl_refuses_an_answer_larger_than_64_mib() {
    let env = TestEnv::new();
    let url = raw_server(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 67108865\r\nconnection: close\r\n\r\n{\"total\":1,\"items\":[".into(),
    );
    env.write_config_for(&url);
    let out = run(env.kumactl().args(["get", "meshes"]));
    common::assert_outcome(
        &out,
        "",
        &format!(
            "Error: failed to list Mesh: Get \"{url}/meshes\": the response is larger than 64 MiB\n"
        ),
        1,
    );
}

/// Mutated documents through the real `kumactl apply --dry-run`, many per run: exit 1
/// with one `resource[i]: ...` line per bad document and the final `Error:` line.
#[test]
fn kumactl_apply_dry_run_reports_mutations_line_by_line() {
    let env = TestEnv::with_server();
    let values = hostile_values();
    let mut rotation = 0usize;
    let mut documents = Vec::new();
    for t in writable_types().step_by(3) {
        let doc = seed(t);
        let mut all = Vec::new();
        paths(&doc, &mut Vec::new(), &mut all);
        for path in all.iter().step_by(all.len().div_ceil(4).max(1)) {
            rotation += 3;
            let mut text = String::new();
            render(
                &doc,
                path,
                &values[rotation % values.len()],
                false,
                &mut text,
            );
            documents.push(text);
        }
    }
    let file = env.path("mutations.yaml");
    std::fs::write(&file, documents.join("\n---\n")).unwrap();
    let out = run(env.kumactl().args(["apply", "--dry-run", "-f"]).arg(&file));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        lines.last(),
        Some(&"Error: failed to validate some resources")
    );
    let numbered = |line: &&str| {
        line.strip_prefix("resource[")
            .and_then(|rest| rest.split_once("]: "))
            .is_some_and(|(n, _)| n.parse::<usize>().is_ok_and(|n| n < documents.len()))
    };
    let strays: Vec<&&str> = lines[..lines.len() - 1]
        .iter()
        .filter(|line| !numbered(line))
        .collect();
    assert!(
        strays.is_empty(),
        "lines that are not a document's error: {strays:?}"
    );
    assert!(lines.len() > 20, "{}", out.stderr);
}

/// An inline Dataplane of a dp-server bootstrap is read as Kuma reads it, into its proto
/// message: unknown fields dropped, a port given as a string stored as a number, and a
/// value of the wrong JSON type refused rather than validated as is.
#[test]
fn bootstrap_decodes_the_inline_dataplane() {
    let env = TestEnv::with_server();
    let token = run(env
        .kumactl()
        .args(["generate", "dataplane-token", "--valid-for", "1h"]))
    .stdout;
    let ca = env
        .server()
        .generated_ca_pem
        .clone()
        .expect("a generated CA");
    let client = reqwest::blocking::Client::builder()
        .use_rustls_tls()
        .add_root_certificate(reqwest::Certificate::from_pem(ca.as_bytes()).unwrap())
        .build()
        .unwrap();
    let bootstrap = |resource: Value| {
        let body = json!({
            "mesh": "", "name": "", "proxyType": "dataplane",
            "dataplaneToken": token, "dataplaneResource": resource.to_string(),
            "version": {"kumaDp": {"version": "2.14.3"}, "envoy": {"version": "1.34.1"}}
        });
        common::http::send(
            client
                .post(format!("{}/bootstrap", env.server().dp_url()))
                .header("content-type", "application/json")
                .body(body.to_string()),
        )
    };
    let reply = bootstrap(json!({
        "type": "Dataplane", "name": "dp-1", "mesh": "default", "bogus": {"x": 1},
        "networking": {"address": "1.1.1.1", "junk": true,
            "inbound": [{"port": "80", "tags": {"kuma.io/service": "web"}}]}
    }));
    assert_eq!(reply.status, 200, "{}", reply.text);
    let stored = Api::new(env.server().api_url())
        .get("/meshes/default/dataplanes/dp-1")
        .json();
    assert_eq!(
        stored["networking"],
        json!({"address": "1.1.1.1", "inbound": [{"port": 80, "tags": {"kuma.io/service": "web"}}]})
    );
    assert!(stored.get("bogus").is_none(), "{stored}");
    let reply = bootstrap(json!({
        "type": "Dataplane", "name": "dp-2", "mesh": "default", "networking": 5
    }));
    assert_eq!(
        (reply.status, reply.text.as_str()),
        (
            422,
            "invalid resource: invalid Dataplane object: \"json: cannot unmarshal number into Go value of type map[string]json.RawMessage\""
        )
    );
}
