//! Validators of MeshProxyPatch, MeshPassthrough and MeshTLS (Go:
//! `pkg/plugins/policies/{meshproxypatch,meshpassthrough,meshtls}/api/v1alpha1/validator.go`).
//! Envoy objects inside MeshProxyPatch values are not checked against Envoy's protos.

use super::common::*;
use crate::resources::spec::checks::{Violations, is_dns_name, parse_ip};
use serde_json::Value;

const MODIFICATIONS: [&str; 5] = [
    "cluster",
    "listener",
    "networkFilter",
    "httpFilter",
    "virtualHost",
];

pub fn mesh_proxy_patch(spec: &Value) -> Violations {
    let mut v = Violations::default();
    top_target_ref(
        &mut v,
        spec,
        &[
            "Mesh",
            "MeshSubset",
            "MeshService",
            "MeshServiceSubset",
            "MeshGateway",
            "Dataplane",
        ],
        RefContext::default(),
    );
    let path = "spec.default.appendModifications";
    let modifications = field(spec, "default")
        .map(|d| list(d, "appendModifications"))
        .unwrap_or_default();
    if modifications.is_empty() {
        v.add(path, MUST_NOT_BE_EMPTY);
    }
    for (i, modification) in modifications.iter().enumerate() {
        let path = format!("{path}[{i}]");
        let set: Vec<&str> = MODIFICATIONS
            .into_iter()
            .filter(|m| field(modification, m).is_some())
            .collect();
        if set.len() != 1 {
            v.add(
                &path,
                format!(
                    "exactly one modification can be defined at a time. Currently, {} modifications are defined",
                    set.len()
                ),
            );
            continue;
        }
        let name = set[0];
        let object = &modification[name];
        patch_modification(&mut v, &format!("{path}.{name}"), name, object);
    }
    v
}

fn patch_modification(v: &mut Violations, path: &str, name: &str, m: &Value) {
    let filter = matches!(name, "networkFilter" | "httpFilter");
    let operation = text(m, "operation");
    let known = if filter {
        matches!(
            operation,
            "AddFirst" | "AddLast" | "AddBefore" | "AddAfter" | "Patch" | "Remove"
        )
    } else {
        matches!(operation, "Add" | "Patch" | "Remove")
    };
    if !known {
        v.add(
            format!("{path}.operation"),
            if filter {
                "invalid operation. Available operations: \"AddFirst\", \"AddLast\", \"AddBefore\", \"AddAfter\", \"Patch\", \"Remove\""
            } else {
                "invalid operation. Available operations: \"Add\", \"Patch\", \"Remove\""
            },
        );
        return;
    }
    let matcher = field(m, "match");
    let match_name = matcher.map(|mm| text(mm, "name")).unwrap_or_default();
    match operation {
        "Add" | "AddFirst" | "AddLast" | "AddBefore" | "AddAfter" => {
            if operation == "Add" {
                if matches!(name, "cluster" | "listener") && matcher.is_some() {
                    v.add(format!("{path}.match"), MUST_NOT_BE_DEFINED);
                }
                if name == "virtualHost" && !match_name.is_empty() {
                    v.add(format!("{path}.match.name"), MUST_NOT_BE_DEFINED);
                }
            }
            if field(m, "value").is_none() {
                v.add(format!("{path}.value"), MUST_BE_DEFINED);
            }
            if match_name.is_empty() {
                match operation {
                    "AddBefore" => v.add(
                        format!("{path}.match.name"),
                        "must be defined. You need to pick a filter before which this one will be added",
                    ),
                    "AddAfter" => v.add(
                        format!("{path}.match.name"),
                        "must be defined. You need to pick a filter after which this one will be added",
                    ),
                    _ => {}
                }
            }
        }
        "Patch" => {
            if filter && match_name.is_empty() {
                v.add(format!("{path}.match.name"), MUST_BE_DEFINED);
            }
            let value = field(m, "value").is_some();
            let patches = field(m, "jsonPatches").is_some();
            if value && patches {
                v.add(
                    path,
                    format!("{name} must have only one type defined: value, jsonPatches"),
                );
            } else if !value && !patches {
                v.add(
                    path,
                    format!("{name} must have exactly one defined: value, jsonPatches"),
                );
            }
            for (p, patch) in list(m, "jsonPatches").iter().enumerate() {
                json_patch(v, &format!("{path}.jsonPatches[{p}]"), patch);
            }
        }
        _ => {
            if field(m, "value").is_some() {
                v.add(format!("{path}.value"), MUST_NOT_BE_DEFINED);
            }
        }
    }
}

fn json_patch(v: &mut Violations, path: &str, patch: &Value) {
    let op = text(patch, "op");
    let ops = ["add", "remove", "replace", "move", "copy"];
    if !ops.contains(&op) {
        v.add(format!("{path}.op"), must_be_one_of("op", &ops));
    }
    let moves = matches!(op, "move" | "copy");
    let from = non_empty(patch, "from");
    if moves && !from {
        v.add(
            format!("{path}.from"),
            "\"from\" must not be empty when \"op\" is one of [\"move\", \"copy\"]",
        );
    } else if !moves && from {
        v.add(
            format!("{path}.from"),
            "\"from\" is allowed only when \"op\" is one of [\"move\", \"copy\"]",
        );
    }
    let writes = matches!(op, "add" | "replace");
    let value = field(patch, "value").is_some();
    if writes && !value {
        v.add(
            format!("{path}.value"),
            "\"value\" must not be empty when \"op\" is one of [\"add\", \"replace\"]",
        );
    } else if !writes && value {
        v.add(
            format!("{path}.value"),
            "\"value\" is allowed only when \"op\" is one of [\"add\", \"replace\"]",
        );
    }
    match patch.get("path").and_then(Value::as_str) {
        None => v.add(format!("{path}.path"), MUST_BE_DEFINED),
        Some("" | "/") if op == "remove" => {
            v.add(format!("{path}.path"), "root path cannot be removed")
        }
        Some(_) => {}
    }
}

pub fn mesh_passthrough(spec: &Value) -> Violations {
    let mut v = Violations::default();
    top_target_ref(
        &mut v,
        spec,
        &["Mesh", "MeshSubset", "Dataplane"],
        RefContext::default(),
    );
    let matches = field(spec, "default")
        .map(|d| list(d, "appendMatch"))
        .unwrap_or_default();
    let mut seen_ports: Vec<(f64, String)> = Vec::new();
    let mut seen_values: Vec<(Option<f64>, String, String)> = Vec::new();
    for (i, m) in matches.iter().enumerate() {
        let path = format!("spec.default.appendMatch[{i}]");
        let protocol = text(m, "protocol");
        let value = text(m, "value");
        let port = number(m, "port");
        if protocol == "mysql" && port.is_none() {
            v.add(
                format!("{path}.port"),
                "port must be defined for Mysql protocol",
            );
        }
        if let Some(port) = port {
            if port == 0.0 || port > 65535.0 {
                v.add(format!("{path}.port"), PORT_VALID);
            }
            let l7 = matches!(protocol, "grpc" | "http" | "http2");
            if l7
                && seen_ports
                    .iter()
                    .any(|(p, proto)| *p == port && proto != protocol)
            {
                v.add(
                    format!("{path}.port"),
                    "using the same port in multiple matches requires the same protocol for the following protocols: [grpc http http2]",
                );
            }
            seen_ports.push((port, protocol.to_string()));
        }
        let key = (port, protocol.to_string(), value.to_string());
        if seen_values.contains(&key) {
            v.add(
                format!("{path}.value"),
                format!("value {value} is already defiend for this port and protocol"),
            );
        }
        seen_values.push(key);
        match text(m, "type") {
            "CIDR" => {
                let valid = value.split_once('/').is_some_and(|(ip, bits)| {
                    parse_ip(ip).is_some_and(|ip| {
                        let max = if ip.is_ipv4() { 32 } else { 128 };
                        bits.parse::<u8>().is_ok_and(|b| b <= max)
                    })
                });
                if !valid {
                    v.add(format!("{path}.value"), "provided CIDR has incorrect value");
                }
            }
            "IP" => {
                if parse_ip(value).is_none() {
                    v.add(format!("{path}.value"), "provided IP has incorrect value");
                }
            }
            "Domain" => {
                if matches!(protocol, "tcp" | "mysql") {
                    v.add(
                        format!("{path}.protocol"),
                        format!("protocol {protocol} is not supported for a domain"),
                    );
                }
                if value.starts_with('*') && !value.starts_with("*.") {
                    v.add(
                        format!("{path}.value"),
                        "provided DNS has incorrect value, partial wildcard is currently not supported",
                    );
                } else if !is_dns_name(value.strip_prefix("*.").unwrap_or(value)) {
                    v.add(format!("{path}.value"), "provided DNS has incorrect value");
                }
                if value.starts_with('*')
                    && port.is_none()
                    && matches!(protocol, "grpc" | "http" | "http2")
                {
                    v.add(
                        format!("{path}.port"),
                        "wildcard domains doesn't work for all ports and layer 7 protocol",
                    );
                }
            }
            other => v.add(
                format!("{path}.type"),
                format!("provided type {other} is not supported, one of Domain, IP, or CIDR is supported"),
            ),
        }
    }
    v
}

const TLS_VERSIONS: [&str; 5] = ["TLSAuto", "TLS10", "TLS11", "TLS12", "TLS13"];

/// The TLS version rules shared by MeshTLS and MeshExternalService.
pub fn tls_version(v: &mut Violations, path: &str, version: &Value) {
    let (min, max) = (text(version, "min"), text(version, "max"));
    for (key, value) in [("min", min), ("max", max)] {
        if !value.is_empty() && !TLS_VERSIONS.contains(&value) {
            v.add(format!("{path}.{key}"), must_be_one_of(key, &TLS_VERSIONS));
        }
    }
    let rank = |t: &str| TLS_VERSIONS.iter().position(|x| *x == t);
    if let (Some(lo), Some(hi)) = (rank(min), rank(max))
        && lo > 0
        && hi > 0
        && lo > hi
    {
        v.add(format!("{path}.min"), "min version must be lower than max");
    }
}

pub fn mesh_tls(spec: &Value) -> Violations {
    let mut v = Violations::default();
    let inbound = non_empty(spec, "rules") || non_empty(spec, "from");
    top_target_ref(
        &mut v,
        spec,
        &["Mesh", "MeshSubset", "Dataplane"],
        RefContext {
            inbound,
            ..RefContext::default()
        },
    );
    if non_empty(spec, "from") && non_empty(spec, "rules") {
        v.add("spec", "field 'from' must be empty when 'rules' is defined");
    }
    let top_is_mesh = kind_of(field(spec, "targetRef")) == "Mesh";
    let conf = |v: &mut Violations, path: &str, item: &Value| {
        let Some(default) = field(item, "default") else {
            return;
        };
        let mode = text(default, "mode");
        if !mode.is_empty() && !matches!(mode, "Strict" | "Permissive") {
            v.add(
                format!("{path}.mode"),
                must_be_one_of("mode", &["Strict", "Permissive"]),
            );
        }
        if non_empty(default, "tlsCiphers") && !top_is_mesh {
            v.add(
                format!("{path}.tlsCiphers"),
                "tlsCiphers can only be defined with top level targetRef kind: Mesh",
            );
        }
        if let Some(version) = field(default, "tlsVersion") {
            if !top_is_mesh {
                v.add(
                    format!("{path}.tlsVersion"),
                    "tlsVersion can only be defined with top level targetRef kind: Mesh",
                );
            }
            tls_version(v, &format!("{path}.tlsVersion"), version);
        }
    };
    for (i, rule) in list(spec, "rules").iter().enumerate() {
        conf(&mut v, &format!("spec.rules[{i}].default"), rule);
    }
    for (i, item) in list(spec, "from").iter().enumerate() {
        if let Some(target_ref) = field(item, "targetRef") {
            super::common::target_ref(
                &mut v,
                &format!("spec.from[{i}].targetRef"),
                target_ref,
                &["Mesh"],
                RefContext::default(),
            );
        }
        conf(&mut v, &format!("spec.from[{i}].default"), item);
    }
    v
}
