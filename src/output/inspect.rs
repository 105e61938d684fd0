//! The tables of the `inspect` list commands (Go: `app/kumactl/cmd/inspect/inspect_*.go`,
//! cells as `app/kumactl/pkg/output/table/cells.go` writes them), computed from the
//! overviews and insights the control plane answers with.

use super::age::age_of;
use super::table;
use crate::resources::proxy_status::{self, Dataplane, str_at, subscriptions};
use chrono::{DateTime, Local, Utc};
use serde_json::Value;

/// `never` for an absent time, else its age.
fn ago(time: &str, now: DateTime<Utc>) -> String {
    if time.is_empty() {
        "never".into()
    } else {
        age_of(time, now)
    }
}

/// `-` for an absent time, else `YYYY-MM-DD HH:MM:SS` in the local time zone.
fn date(time: &str) -> String {
    match DateTime::parse_from_rfc3339(time) {
        Ok(t) => t
            .with_timezone(&Local)
            .format("%Y-%m-%d %H:%M:%S")
            .to_string(),
        Err(_) => "-".into(),
    }
}

fn name(item: &Value) -> String {
    str_at(Some(item), "/name").to_string()
}

/// The columns every proxy and zone table shares: status from the subscriptions, then
/// `LAST CONNECTED AGO`, `LAST UPDATED AGO`, `TOTAL UPDATES`, `TOTAL ERRORS`.
fn connection_cells(insight: Option<&Value>, now: DateTime<Utc>) -> [String; 4] {
    let last = subscriptions(insight).last();
    [
        ago(str_at(last, "/connectTime"), now),
        ago(str_at(last, "/status/lastUpdateTime"), now),
        proxy_status::total(insight, "responsesSent").to_string(),
        proxy_status::total(insight, "responsesRejected").to_string(),
    ]
}

fn online_text(online: bool) -> String {
    if online { "Online" } else { "Offline" }.to_string()
}

/// `inspect zoneegresses` and `inspect zoneingresses`: `insight_field` is
/// `zoneEgressInsight` or `zoneIngressInsight`.
pub fn proxy_overview_table(items: &[Value], insight_field: &str, now: DateTime<Utc>) -> String {
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|item| {
            let insight = item.get(insight_field);
            let last = subscriptions(insight).last();
            let mut row = vec![name(item), online_text(proxy_status::is_online(insight))];
            row.extend(connection_cells(insight, now));
            row.push(str_at(last, "/version/kumaDp/version").to_string());
            row.push(str_at(last, "/version/envoy/version").to_string());
            row
        })
        .collect();
    table::render(
        &[
            "NAME",
            "STATUS",
            "LAST CONNECTED AGO",
            "LAST UPDATED AGO",
            "TOTAL UPDATES",
            "TOTAL ERRORS",
            "KUMA-DP VERSION",
            "ENVOY VERSION",
        ],
        &rows,
    )
}

/// `inspect dataplanes`.
pub fn dataplane_overview_table(items: &[Value], now: DateTime<Utc>) -> String {
    let null = Value::Null;
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|item| {
            let dataplane = Dataplane::new(item.get("dataplane").unwrap_or(&null));
            let insight = item.get("dataplaneInsight");
            let last = subscriptions(insight).last();
            let mtls = insight.and_then(|i| i.get("mTLS")).filter(|m| !m.is_null());
            let (status, reasons) = dataplane.status(insight);
            let mut dependencies: Vec<(&String, &Value)> = last
                .and_then(|s| s.pointer("/version/dependencies"))
                .and_then(Value::as_object)
                .map(|deps| deps.iter().collect())
                .unwrap_or_default();
            // Go prints them in map order, which varies from run to run: sort by name.
            dependencies.sort_by(|a, b| a.0.cmp(b.0));
            let dependencies = if dependencies.is_empty() {
                "-".to_string()
            } else {
                dependencies
                    .iter()
                    .map(|(name, version)| format!("{name}: {}", version.as_str().unwrap_or("")))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let supported: Vec<&str> = mtls
                .and_then(|m| m.get("supportedBackends"))
                .and_then(Value::as_array)
                .map(|b| b.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let mut row = vec![
                str_at(Some(item), "/mesh").to_string(),
                name(item),
                dataplane.tags_text(),
                status.text().to_string(),
            ];
            row.extend(connection_cells(insight, now));
            row.extend([
                ago(str_at(mtls, "/lastCertificateRegeneration"), now),
                date(str_at(mtls, "/certificateExpirationTime")),
                proxy_status::counter(mtls.and_then(|m| m.get("certificateRegenerations")))
                    .to_string(),
                match mtls {
                    None => "-".to_string(),
                    Some(m) => str_at(Some(m), "/issuedBackend").to_string(),
                },
                supported.join(","),
                str_at(last, "/version/kumaDp/version").to_string(),
                str_at(last, "/version/envoy/version").to_string(),
                dependencies,
                reasons.join(";"),
            ]);
            row
        })
        .collect();
    table::render(
        &[
            "MESH",
            "NAME",
            "TAGS",
            "STATUS",
            "LAST CONNECTED AGO",
            "LAST UPDATED AGO",
            "TOTAL UPDATES",
            "TOTAL ERRORS",
            "CERT REGENERATED AGO",
            "CERT EXPIRATION",
            "CERT REGENERATIONS",
            "CERT BACKEND",
            "SUPPORTED CERT BACKENDS",
            "KUMA-DP VERSION",
            "ENVOY VERSION",
            "DEPENDENCIES VERSIONS",
            "NOTES",
        ],
        &rows,
    )
}

/// `inspect zones`: the table of the rows before the first zone whose CP config is not
/// JSON, and that zone's error (Go prints the rows it has and stops there).
pub fn zone_overview_table(items: &[Value], now: DateTime<Utc>) -> (String, Option<String>) {
    let mut rows = Vec::new();
    let mut failure = None;
    for item in items {
        let insight = item.get("zoneInsight");
        let last = subscriptions(insight).last();
        // `enabled` absent counts as true (`api/system/v1alpha1/zone_helpers.go`).
        let enabled = item
            .pointer("/zone/enabled")
            .and_then(Value::as_bool)
            .unwrap_or(true);
        let config = str_at(last, "/config");
        let backend = if config.is_empty() {
            String::new()
        } else {
            match crate::nesting::check_json(config.as_bytes())
                .map_err(|e| e.to_string())
                .and_then(|()| serde_json::from_str::<Value>(config).map_err(|e| e.to_string()))
            {
                Ok(parsed) => str_at(Some(&parsed), "/store/type").to_string(),
                Err(e) => {
                    failure = Some(format!("could not unmarshal CP config: {e}"));
                    break;
                }
            }
        };
        let mut row = vec![
            name(item),
            online_text(proxy_status::is_online(insight) && enabled),
        ];
        row.extend(connection_cells(insight, now));
        row.push(str_at(last, "/version/kumaCp/version").to_string());
        row.push(backend);
        rows.push(row);
    }
    let text = table::render(
        &[
            "NAME",
            "STATUS",
            "LAST CONNECTED AGO",
            "LAST UPDATED AGO",
            "TOTAL UPDATES",
            "TOTAL ERRORS",
            "ZONE-CP VERSION",
            "BACKEND",
        ],
        &rows,
    );
    (text, failure)
}

/// `inspect services` (`pkg/core/resources/apis/mesh/service_overview_helpers.go`).
pub fn service_insights_table(items: &[Value]) -> String {
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|item| {
            let status = match str_at(Some(item), "/status") {
                "online" => "Online",
                "partially_degraded" => "Partially degraded",
                _ => "Offline",
            };
            vec![
                name(item),
                status.to_string(),
                format!(
                    "{}/{}",
                    proxy_status::counter(item.pointer("/dataplanes/online")),
                    proxy_status::counter(item.pointer("/dataplanes/total"))
                ),
            ]
        })
        .collect();
    table::render(&["SERVICE", "STATUS", "DATAPLANES"], &rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2019-07-17T18:08:41Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn services_rows() {
        let items = [
            json!({"name": "backend", "status": "partially_degraded", "dataplanes": {"total": 10, "online": 5}}),
            json!({"name": "db", "status": "not_available"}),
        ];
        assert_eq!(
            service_insights_table(&items),
            "SERVICE   STATUS               DATAPLANES\n\
             backend   Partially degraded   5/10\n\
             db        Offline              0/0\n"
        );
    }

    #[test]
    fn zones_stop_at_a_bad_config() {
        let zone = |name: &str, config: &str| {
            json!({"name": name, "zone": {"enabled": true}, "zoneInsight": {"subscriptions": [
                {"connectTime": "2019-07-17T16:08:41Z", "config": config,
                 "status": {"total": {"responsesSent": "42", "responsesRejected": "13"}},
                 "version": {"kumaCp": {"version": "1.0.0"}}}]}})
        };
        let items = [
            zone("zone-1", r#"{"store": {"type": "memory"}}"#),
            json!({"name": "zone-2"}),
            zone("zone-3", "{"),
        ];
        let (text, failure) = zone_overview_table(&items, now());
        assert_eq!(
            text,
            "NAME     STATUS    LAST CONNECTED AGO   LAST UPDATED AGO   TOTAL UPDATES   TOTAL ERRORS   ZONE-CP VERSION   BACKEND\n\
             zone-1   Online    2h                   never              42              13             1.0.0             memory\n\
             zone-2   Offline   never                never              0               0                                \n"
        );
        assert!(
            failure
                .unwrap()
                .starts_with("could not unmarshal CP config: ")
        );
    }
}

/// `<value>` of a JSON field as Go's template prints it (`%v`): strings bare, numbers
/// as written, absent as "".
fn plain(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

fn array<'v>(value: Option<&'v Value>, key: &str) -> &'v [Value] {
    value
        .and_then(|v| v.get(key))
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// The keys of an object, sorted.
fn sorted_entries<'v>(value: Option<&'v Value>, key: &str) -> Vec<(&'v String, &'v Value)> {
    let mut entries: Vec<(&String, &Value)> = value
        .and_then(|v| v.get(key))
        .and_then(Value::as_object)
        .map(|m| m.iter().collect())
        .unwrap_or_default();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    entries
}

/// `inspect dataplane NAME --type policies`: the policies matched on each part of the
/// proxy (`app/kumactl/cmd/inspect/inspect_dataplane.go` templates). Untrusted text is
/// printed with its control characters escaped.
pub fn dataplane_policies_text(answer: &Value) -> Result<String, String> {
    let kind = str_at(Some(answer), "/kind");
    let text = |v: Option<&Value>| super::escape_controls(&plain(v));
    let mut out = String::new();
    match kind {
        "" | "SidecarDataplane" => {
            for item in array(Some(answer), "items") {
                let attachment = match str_at(Some(item), "/type") {
                    "dataplane" => "DATAPLANE".to_string(),
                    "service" => format!("SERVICE {}", text(item.get("name"))),
                    other => format!(
                        "{} {}({})",
                        super::escape_controls(&other.to_uppercase()),
                        text(item.get("name")),
                        text(item.get("service"))
                    ),
                };
                out.push_str(&format!("{attachment}:\n"));
                for (policy_type, policies) in sorted_entries(Some(item), "matchedPolicies") {
                    // As Go's template: only the first name is indented.
                    out.push_str(&format!("  {}\n    ", super::escape_controls(policy_type)));
                    for policy in policies.as_array().map(Vec::as_slice).unwrap_or_default() {
                        out.push_str(&format!("{}\n", text(policy.get("name"))));
                    }
                }
                out.push('\n');
            }
        }
        "MeshGatewayDataplane" => {
            out.push_str("MESHGATEWAY:\n");
            for (policy_type, policy) in sorted_entries(Some(answer), "policies") {
                out.push_str(&format!(
                    "  {}\n    {}\n",
                    super::escape_controls(policy_type),
                    text(policy.get("name"))
                ));
            }
            out.push('\n');
            for listener in array(Some(answer), "listeners") {
                out.push_str(&format!(
                    "LISTENER ({}:{}):\n",
                    text(listener.get("protocol")),
                    text(listener.get("port"))
                ));
                for host in array(Some(listener), "hosts") {
                    out.push_str(&format!("  {}:\n", text(host.get("hostName"))));
                    for route in array(Some(host), "routes") {
                        out.push_str(&format!("    ROUTE {}:\n", text(route.get("route"))));
                        for destination in array(Some(route), "destinations") {
                            out.push_str(&format!(
                                "      SERVICE {}:\n",
                                text(destination.pointer("/tags/kuma.io~1service"))
                            ));
                            for (policy_type, policy) in
                                sorted_entries(Some(destination), "policies")
                            {
                                out.push_str(&format!(
                                    "        {}\n          {}\n",
                                    super::escape_controls(policy_type),
                                    text(policy.get("name"))
                                ));
                            }
                            out.push('\n');
                        }
                    }
                }
            }
        }
        other => {
            return Err(format!(
                "invalid DataplaneInspectResponse kind {}",
                crate::resources::spec::gojson::quote(other)
            ));
        }
    }
    Ok(out)
}

/// `inspect <policy> NAME`: the proxies a policy applies to, and where
/// (`app/kumactl/cmd/inspect/inspect_policy.go` templates).
pub fn policy_dataplanes_text(answer: &Value) -> String {
    let text = |v: Option<&Value>| super::escape_controls(&plain(v));
    let mut out = String::from("Affected data plane proxies:\n\n");
    for entry in array(Some(answer), "items") {
        if str_at(Some(entry), "/kind") == "MeshGatewayDataplane" {
            out.push_str(&format!("  {}:\n", text(entry.pointer("/gateway/name"))));
            for listener in array(Some(entry), "listeners") {
                out.push_str(&format!(
                    "    listener ({}:{}):\n",
                    text(listener.get("protocol")),
                    text(listener.get("port"))
                ));
                for host in array(Some(listener), "hosts") {
                    out.push_str(&format!("      {}:\n", text(host.get("hostName"))));
                    for route in array(Some(host), "routes") {
                        out.push_str(&format!("        {}:\n", text(route.get("route"))));
                        for destination in array(Some(route), "destinations") {
                            out.push_str(&format!(
                                "          service {}\n",
                                text(destination.pointer("/tags/kuma.io~1service"))
                            ));
                        }
                    }
                }
            }
            out.push('\n');
            continue;
        }
        let attachments = array(Some(entry), "attachments");
        out.push_str(&format!("  {}", text(entry.pointer("/dataplane/name"))));
        if attachments.len() == 1 && str_at(attachments.first(), "/type") == "dataplane" {
            out.push('\n');
            continue;
        }
        out.push_str(":\n");
        for attachment in attachments {
            let label = match str_at(Some(attachment), "/type") {
                "dataplane" => "dataplane".to_string(),
                "service" => format!("service {}", text(attachment.get("name"))),
                other => format!(
                    "{} {}({})",
                    super::escape_controls(other),
                    text(attachment.get("name")),
                    text(attachment.get("service"))
                ),
            };
            out.push_str(&format!("    {label}\n"));
        }
        out.push('\n');
    }
    out
}

/// `inspect <policy> NAME --new-api`: `Type Mesh Name` rows, then `Total: <total>`.
pub fn policy_resources_table(items: &[Value], total: &Value) -> String {
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|item| {
            vec![
                str_at(Some(item), "/type").to_string(),
                str_at(Some(item), "/mesh").to_string(),
                name(item),
            ]
        })
        .collect();
    let mut out = table::render(&["Type", "Mesh", "Name"], &rows);
    out.push_str(&format!("\nTotal: {}\n", plain(Some(total))));
    out
}

#[cfg(test)]
mod text_tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sidecar_policies() {
        let answer = json!({"kind": "SidecarDataplane", "total": 2, "items": [
            {"type": "dataplane", "matchedPolicies": {"TrafficTrace": [{"name": "backends-eu"}]}},
            {"type": "inbound", "name": "127.0.0.1:10010:10011", "service": "backend",
             "matchedPolicies": {"TrafficPermission": [{"name": "allow-all-default"}],
                                 "FaultInjection": [{"name": "fi-1"}, {"name": "fi-2"}]}}
        ]});
        assert_eq!(
            dataplane_policies_text(&answer).unwrap(),
            "DATAPLANE:\n  TrafficTrace\n    backends-eu\n\n\
             INBOUND 127.0.0.1:10010:10011(backend):\n  FaultInjection\n    fi-1\nfi-2\n  TrafficPermission\n    allow-all-default\n\n"
        );
        assert_eq!(
            dataplane_policies_text(&json!({"kind": "X"})).unwrap_err(),
            "invalid DataplaneInspectResponse kind \"X\""
        );
        assert_eq!(dataplane_policies_text(&json!({"items": []})).unwrap(), "");
    }

    #[test]
    fn gateway_policies() {
        let answer = json!({"kind": "MeshGatewayDataplane", "gateway": {"mesh": "default", "name": "gw"},
            "policies": {"TrafficLog": {"name": "all-traffic"}},
            "listeners": [{"port": 80, "protocol": "HTTP", "hosts": [{"hostName": "*", "routes": [
                {"route": "route-1", "destinations": [{"tags": {"kuma.io/service": "backend"},
                  "policies": {"HealthCheck": {"name": "hc-1"}}}]}]}]}]});
        assert_eq!(
            dataplane_policies_text(&answer).unwrap(),
            "MESHGATEWAY:\n  TrafficLog\n    all-traffic\n\n\
             LISTENER (HTTP:80):\n  *:\n    ROUTE route-1:\n      SERVICE backend:\n        HealthCheck\n          hc-1\n\n"
        );
    }

    #[test]
    fn policy_entries() {
        let answer = json!({"total": 3, "items": [
            {"kind": "SidecarDataplane", "dataplane": {"mesh": "default", "name": "backend-1"},
             "attachments": [{"type": "inbound", "name": "127.0.0.1:10010:10011", "service": "backend"},
                             {"type": "inbound", "name": "127.0.0.1:20010:20011", "service": "backend-admin"}]},
            {"dataplane": {"mesh": "default", "name": "web-1"}, "attachments": [{"type": "dataplane"}]},
            {"kind": "MeshGatewayDataplane", "dataplane": {"name": "gw-dp"}, "gateway": {"name": "gw"},
             "listeners": [{"port": 8080, "protocol": "HTTP", "hosts": [{"hostName": "a.b", "routes": [
                {"route": "r", "destinations": [{"kuma.io/service": "x", "tags": {"kuma.io/service": "web"}}]}]}]}]}
        ]});
        assert_eq!(
            policy_dataplanes_text(&answer),
            "Affected data plane proxies:\n\n  backend-1:\n    inbound 127.0.0.1:10010:10011(backend)\n    inbound 127.0.0.1:20010:20011(backend-admin)\n\n  web-1\n\
             \x20 gw:\n    listener (HTTP:8080):\n      a.b:\n        r:\n          service web\n\n"
        );
        assert_eq!(
            policy_resources_table(
                &[json!({"type": "Dataplane", "mesh": "default", "name": "foo"})],
                &json!(3)
            ),
            "Type        Mesh      Name\nDataplane   default   foo\n\nTotal: 3\n"
        );
    }
}
