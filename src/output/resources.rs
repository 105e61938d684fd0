//! How kumactl prints resources (Go: `app/kumactl/cmd/get/table_printer.go`,
//! `app/kumactl/pkg/output/`, `app/kumactl/cmd/inspect/`): tables per type, the YAML and
//! JSON forms of one resource and of lists, and the `inspect` tables.
//!
//! Everything works on the Universal JSON the control plane answers with. One resource
//! is first put in kumactl's form ([`normalize`]): meta fields first in Kuma's order,
//! `kri` recomputed, then the spec fields as the server sent them.

use super::age::age_of;
use super::{json, table, yaml};
use crate::resources::descriptor::{ResourceType, TableColumns};
use crate::resources::resource::{META_FIELDS, Resource};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// `-o table|yaml|json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Yaml,
    Json,
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "table" => Ok(Format::Table),
            "yaml" => Ok(Format::Yaml),
            "json" => Ok(Format::Json),
            other => Err(format!("unknown output format {other:?}")),
        }
    }
}

/// A resource in kumactl's printed form; values that are not resources of a known type
/// are left as they are.
pub fn normalize(value: Value) -> Value {
    match Resource::from_json(value.clone()) {
        Ok(resource) => resource.to_json(),
        Err(_) => value,
    }
}

/// Splits a resource object into its meta fields and the rest.
fn split_meta(value: &Value) -> (Map<String, Value>, Map<String, Value>) {
    let mut meta = Map::new();
    let mut spec = Map::new();
    if let Value::Object(fields) = value {
        for (key, field) in fields {
            if META_FIELDS.contains(&key.as_str()) {
                meta.insert(key.clone(), field.clone());
            } else {
                spec.insert(key.clone(), field.clone());
            }
        }
    }
    (meta, spec)
}

/// One resource as YAML. Legacy types: the sorted meta block, then the sorted spec block
/// (omitted when the spec is empty); Go prints the two separately, so they are not
/// merged. New-style types (a `spec` object) are one struct to Go's YAML printer
/// (`app/kumactl/pkg/output/yaml/printer.go`): all keys sorted together.
pub fn single_yaml(value: &Value) -> String {
    if crate::resources::openapi::is_new_style(value) {
        return yaml::to_string(value);
    }
    let (meta, spec) = split_meta(value);
    let mut out = yaml::to_string(&Value::Object(meta));
    if !spec.is_empty() {
        out.push_str(&yaml::to_string(&Value::Object(spec)));
    }
    out
}

/// [`single_yaml`] of a value the caller gives away: its fields are moved into the meta
/// and spec blocks, not copied.
pub fn single_yaml_owned(value: Value) -> String {
    let fields = match value {
        Value::Object(fields) if !crate::resources::openapi::is_new_style_fields(&fields) => fields,
        other => return single_yaml(&other),
    };
    let (meta, spec): (Map<String, Value>, Map<String, Value>) = fields
        .into_iter()
        .partition(|(key, _)| META_FIELDS.contains(&key.as_str()));
    let mut out = yaml::to_string(&Value::Object(meta));
    if !spec.is_empty() {
        out.push_str(&yaml::to_string(&Value::Object(spec)));
    }
    out
}

/// One resource as JSON (`json.MarshalIndent` with two spaces).
pub fn single_json(value: &Value) -> String {
    json::to_go_indented(value, "  ")
}

/// The list document kumactl prints: the server's total, the items, and `next: null`
/// (the next page is offered through `--offset` instead).
fn list_document(total: &Value, items: &[Value]) -> Value {
    json!({"total": total, "items": items, "next": null})
}

pub fn list_json(total: &Value, items: &[Value]) -> String {
    json::to_go_indented(&list_document(total, items), "  ")
}

/// A list as one YAML document (keys sorted, so meta and spec of items are merged).
pub fn list_yaml(total: &Value, items: &[Value]) -> String {
    yaml::to_string(&list_document(total, items))
}

/// The pagination footer of list tables.
pub fn next_page_footer(next_offset: &str) -> String {
    format!("\nRerun command with --offset={next_offset} argument to retrieve more resources\n")
}

fn str_at<'v>(value: &'v Value, path: &[&str]) -> &'v str {
    path.iter()
        .try_fold(value, |v, key| v.get(key))
        .and_then(Value::as_str)
        .unwrap_or_default()
}

fn bool_at(value: &Value, path: &[&str]) -> bool {
    path.iter()
        .try_fold(value, |v, key| v.get(key))
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

fn on_off(on: bool) -> String {
    if on { "on" } else { "off" }.to_string()
}

/// The `get` table of a type (Go: `app/kumactl/cmd/get/table_printer.go`).
pub fn table(resource_type: &ResourceType, items: &[Value], now: DateTime<Utc>) -> String {
    let age = |item: &Value| age_of(str_at(item, &["modificationTime"]), now);
    let name = |item: &Value| str_at(item, &["name"]).to_string();
    let mesh = |item: &Value| str_at(item, &["mesh"]).to_string();
    let (header, rows): (&[&str], Vec<Vec<String>>) = match resource_type.columns {
        TableColumns::Mesh => (
            &["NAME", "mTLS", "LOCALITY", "ZONEEGRESS", "AGE"],
            items
                .iter()
                .map(|item| {
                    vec![
                        name(item),
                        mesh_mtls(item),
                        on_off(bool_at(item, &["routing", "localityAwareLoadBalancing"])),
                        on_off(bool_at(item, &["routing", "zoneEgress"])),
                        age(item),
                    ]
                })
                .collect(),
        ),
        TableColumns::MeshNameTagsAddress => (
            &["MESH", "NAME", "TAGS", "ADDRESS", "AGE"],
            items
                .iter()
                .map(|item| {
                    let (tags, address) = tags_and_address(resource_type, item);
                    vec![mesh(item), name(item), tags, address, age(item)]
                })
                .collect(),
        ),
        TableColumns::MeshName => (
            &["MESH", "NAME", "AGE"],
            items
                .iter()
                .map(|item| vec![mesh(item), name(item), age(item)])
                .collect(),
        ),
        TableColumns::Name => (
            &["NAME", "AGE"],
            items
                .iter()
                .map(|item| vec![name(item), age(item)])
                .collect(),
        ),
    };
    table::render(header, &rows)
}

/// `<type>/<name>` of the enabled CA backend, or `off`.
fn mesh_mtls(mesh: &Value) -> String {
    let enabled = str_at(mesh, &["mtls", "enabledBackend"]);
    if enabled.is_empty() {
        return "off".into();
    }
    let backend_type = mesh
        .pointer("/mtls/backends")
        .and_then(Value::as_array)
        .and_then(|backends| {
            backends
                .iter()
                .find(|b| str_at(b, &["name"]) == enabled)
                .map(|b| str_at(b, &["type"]))
        })
        .unwrap_or_default();
    format!("{backend_type}/{enabled}")
}

/// The TAGS and ADDRESS cells of dataplanes and external services.
fn tags_and_address(resource_type: &ResourceType, item: &Value) -> (String, String) {
    let mut tags: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut add = |source: Option<&Value>| {
        if let Some(Value::Object(map)) = source {
            for (key, value) in map {
                if let Some(value) = value.as_str() {
                    tags.entry(key.clone())
                        .or_default()
                        .insert(value.to_string());
                }
            }
        }
    };
    let address = if resource_type.name == "Dataplane" {
        if let Some(Value::Array(inbounds)) = item.pointer("/networking/inbound") {
            for inbound in inbounds {
                add(inbound.get("tags"));
            }
        }
        add(item.pointer("/networking/gateway/tags"));
        let advertised = str_at(item, &["networking", "advertisedAddress"]);
        if advertised.is_empty() {
            str_at(item, &["networking", "address"])
        } else {
            advertised
        }
    } else {
        add(item.get("tags"));
        str_at(item, &["networking", "address"])
    };
    let tags = tags
        .iter()
        .map(|(key, values)| {
            format!(
                "{key}={}",
                values.iter().cloned().collect::<Vec<_>>().join(",")
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    (tags, address.to_string())
}

/// A uint64 counter as Kuma writes it (a JSON string) or as a number.
fn counter(value: Option<&Value>) -> u64 {
    match value {
        Some(Value::String(s)) => s.parse().unwrap_or(0),
        Some(Value::Number(n)) => n.as_u64().unwrap_or(0),
        _ => 0,
    }
}

/// The `inspect zoneegresses` table, computed from each overview's subscriptions
/// (Go: `app/kumactl/cmd/inspect/inspect_zoneegresses.go`).
pub fn zoneegress_overview_table(items: &[Value], now: DateTime<Utc>) -> String {
    super::inspect::proxy_overview_table(items, "zoneEgressInsight", now)
}

/// The policy columns of `inspect meshes`, with the type each one counts.
const MESH_INSIGHT_POLICIES: [(&str, &str); 10] = [
    ("TRAFFIC PERMISSIONS", "TrafficPermission"),
    ("TRAFFIC ROUTES", "TrafficRoute"),
    ("CIRCUIT BREAKERS", "CircuitBreaker"),
    ("HEALTH CHECKS", "HealthCheck"),
    ("FAULT INJECTIONS", "FaultInjection"),
    ("EXTERNAL SERVICES", "ExternalService"),
    ("TRAFFIC TRACES", "TrafficTrace"),
    ("TRAFFIC LOGS", "TrafficLog"),
    ("PROXY TEMPLATES", "ProxyTemplate"),
    ("RATE LIMITS", "RateLimit"),
];

/// The `inspect meshes` table, as Go kumactl prints it (`app/kumactl/cmd/inspect/`).
pub fn mesh_insights_table(items: &[Value]) -> String {
    let mut header = vec!["MESH", "DATAPLANES"];
    header.extend(MESH_INSIGHT_POLICIES.iter().map(|(column, _)| *column));
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|item| {
            let mut row = vec![
                str_at(item, &["name"]).to_string(),
                format!(
                    "{}/{}",
                    counter(item.pointer("/dataplanes/online")),
                    counter(item.pointer("/dataplanes/total"))
                ),
            ];
            row.extend(MESH_INSIGHT_POLICIES.iter().map(|(_, policy)| {
                counter(item.pointer(&format!("/policies/{policy}/total"))).to_string()
            }));
            row
        })
        .collect();
    table::render(&header, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::descriptor::by_name;

    fn zero_time() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2019-07-17T18:08:41Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn mesh(name: &str, mtls: bool, on: bool) -> Value {
        let mut m = json!({
            "type": "Mesh",
            "name": name,
            "creationTime": "0001-01-01T00:00:00Z",
            "modificationTime": "0001-01-01T00:00:00Z",
        });
        if mtls {
            m["mtls"] = json!({"enabledBackend": "builtin-1", "backends": [{"name": "builtin-1", "type": "builtin"}]});
        }
        if on {
            m["routing"] = json!({"localityAwareLoadBalancing": true, "zoneEgress": true});
        }
        m
    }

    #[test]
    fn mesh_table_of_the_golden_file() {
        let out = table(
            by_name("Mesh").unwrap(),
            &[mesh("mesh1", true, true), mesh("mesh2", false, false)],
            zero_time(),
        );
        assert_eq!(
            out,
            "NAME    mTLS                LOCALITY   ZONEEGRESS   AGE\n\
             mesh1   builtin/builtin-1   on         on           292y\n\
             mesh2   off                 off        off          292y\n"
        );
    }

    #[test]
    fn name_and_mesh_tables() {
        let secret = json!({"type": "Secret", "mesh": "default", "name": "sec-1", "modificationTime": "0001-01-01T00:00:00Z"});
        assert_eq!(
            table(by_name("Secret").unwrap(), &[secret], zero_time()),
            "MESH      NAME    AGE\ndefault   sec-1   292y\n"
        );
        assert_eq!(
            table(by_name("ZoneEgress").unwrap(), &[], zero_time()),
            "NAME   AGE\n"
        );
    }

    #[test]
    fn dataplane_tags_and_address() {
        let dp = json!({
            "type": "Dataplane", "mesh": "default", "name": "dp-1",
            "modificationTime": "2019-07-17T18:08:40Z",
            "networking": {
                "address": "10.0.0.1",
                "advertisedAddress": "1.1.1.1",
                "inbound": [
                    {"port": 80, "tags": {"kuma.io/service": "web", "version": "2"}},
                    {"port": 81, "tags": {"kuma.io/service": "web-admin", "version": "1"}}
                ]
            }
        });
        assert_eq!(
            table(by_name("Dataplane").unwrap(), &[dp], zero_time()),
            "MESH      NAME   TAGS                                        ADDRESS   AGE\n\
             default   dp-1   kuma.io/service=web,web-admin version=1,2   1.1.1.1   1s\n"
        );
    }

    #[test]
    fn single_yaml_prints_meta_then_spec() {
        let resource = normalize(json!({
            "type": "Secret", "mesh": "default", "name": "secret-1",
            "creationTime": "0001-01-01T00:00:00Z", "modificationTime": "0001-01-01T00:00:00Z",
            "labels": {"kuma.io/mesh": "default"}, "data": "dGVzdDIK"
        }));
        assert_eq!(
            single_yaml(&resource),
            "creationTime: \"0001-01-01T00:00:00Z\"\nlabels:\n  kuma.io/mesh: default\nmesh: default\nmodificationTime: \"0001-01-01T00:00:00Z\"\nname: secret-1\ntype: Secret\ndata: dGVzdDIK\n"
        );
        let bare = normalize(json!({"type": "Mesh", "name": "m"}));
        assert_eq!(
            single_yaml(&bare),
            "creationTime: \"0001-01-01T00:00:00Z\"\nkri: kri_m____m_\nmodificationTime: \"0001-01-01T00:00:00Z\"\nname: m\ntype: Mesh\n"
        );
    }

    #[test]
    fn single_json_puts_meta_first_and_recomputes_kri() {
        let resource = normalize(json!({
            "networking": {"address": "1.1.1.1", "port": 10001},
            "name": "egress-zone-1", "type": "ZoneEgress",
            "modificationTime": "0001-01-01T00:00:00Z", "creationTime": "0001-01-01T00:00:00Z"
        }));
        assert_eq!(
            single_json(&resource),
            "{\n  \"type\": \"ZoneEgress\",\n  \"name\": \"egress-zone-1\",\n  \"creationTime\": \"0001-01-01T00:00:00Z\",\n  \"modificationTime\": \"0001-01-01T00:00:00Z\",\n  \"kri\": \"kri_ze____egress-zone-1_\",\n  \"networking\": {\n    \"address\": \"1.1.1.1\",\n    \"port\": 10001\n  }\n}\n"
        );
    }

    #[test]
    fn lists_always_print_next_null() {
        let item = normalize(json!({"type": "ZoneEgress", "name": "a", "zone": "us-east"}));
        assert_eq!(
            list_yaml(&json!(2), std::slice::from_ref(&item)),
            "items:\n- creationTime: \"0001-01-01T00:00:00Z\"\n  kri: kri_ze____a_\n  modificationTime: \"0001-01-01T00:00:00Z\"\n  name: a\n  type: ZoneEgress\n  zone: us-east\nnext: null\ntotal: 2\n"
        );
        assert_eq!(
            list_json(&json!(0), &[]),
            "{\n  \"total\": 0,\n  \"items\": [],\n  \"next\": null\n}\n"
        );
    }

    #[test]
    fn zoneegress_overview_rows() {
        let sub = |connected: bool, disconnected: bool| {
            let mut s = json!({
                "connectTime": "2019-07-17T16:05:36.995Z",
                "status": {"total": {"responsesSent": "10", "responsesRejected": "1"}},
                "version": {"kumaDp": {"version": "1.0.2"}, "envoy": {"version": "1.16.1"}}
            });
            if !connected {
                s.as_object_mut().unwrap().remove("connectTime");
            }
            if disconnected {
                s["disconnectTime"] = json!("2019-07-17T17:05:36Z");
            }
            s
        };
        let items = vec![
            json!({"name": "zoneegress-1", "zoneEgressInsight": {"subscriptions": [sub(true, true), sub(true, true), sub(true, false)]}}),
            json!({"name": "zoneegress-2", "zoneEgressInsight": {"subscriptions": [sub(true, true), sub(true, true), sub(true, true)]}}),
            json!({"name": "zoneegress-3"}),
        ];
        assert_eq!(
            zoneegress_overview_table(&items, zero_time()),
            "NAME           STATUS    LAST CONNECTED AGO   LAST UPDATED AGO   TOTAL UPDATES   TOTAL ERRORS   KUMA-DP VERSION   ENVOY VERSION\n\
             zoneegress-1   Online    2h                   never              30              3              1.0.2             1.16.1\n\
             zoneegress-2   Offline   2h                   never              30              3              1.0.2             1.16.1\n\
             zoneegress-3   Offline   never                never              0               0                                \n"
        );
    }

    #[test]
    fn mesh_insights_rows() {
        let item = json!({
            "name": "default",
            "dataplanes": {"total": 100, "online": 90, "offline": 10},
            "policies": {"TrafficPermission": {"total": 7}, "RateLimit": {"total": 10}}
        });
        assert_eq!(
            mesh_insights_table(&[item]),
            "MESH      DATAPLANES   TRAFFIC PERMISSIONS   TRAFFIC ROUTES   CIRCUIT BREAKERS   HEALTH CHECKS   FAULT INJECTIONS   EXTERNAL SERVICES   TRAFFIC TRACES   TRAFFIC LOGS   PROXY TEMPLATES   RATE LIMITS\n\
             default   90/100       7                     0                0                  0               0                  0                   0                0              0                 10\n"
        );
    }

    #[test]
    fn formats() {
        assert_eq!("yaml".parse::<Format>(), Ok(Format::Yaml));
        assert_eq!(
            "xml".parse::<Format>().unwrap_err(),
            "unknown output format \"xml\""
        );
    }
}
