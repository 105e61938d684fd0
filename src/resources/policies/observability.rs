//! Validators of the observability policies (Go:
//! `pkg/plugins/policies/{meshaccesslog,meshtrace,meshmetric}/api/v1alpha1/validator.go`) and
//! the OpenTelemetry backend rule they share (`ValidateOtelBackendRefOrEndpoint`).

use super::common::*;
use super::traffic::{is_file_path, to_from_rules_presence};
use crate::resources::spec::checks::{Violations, is_dns_name, is_ip};
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

const OBSERVED_TOPS: &[&str] = &[
    "Mesh",
    "MeshSubset",
    "MeshGateway",
    "MeshService",
    "MeshServiceSubset",
    "Dataplane",
];

/// Kuma's `ValidateOtelBackendRefOrEndpoint` at `path`.
pub fn otel_backend(v: &mut Violations, path: &str, otel: &Value) {
    let endpoint = field(otel, "endpoint");
    let backend_ref = field(otel, "backendRef");
    match (endpoint.is_some(), backend_ref.is_some()) {
        (true, true) => v.add(
            path,
            "openTelemetry must have only one type defined: endpoint, backendRef",
        ),
        (false, false) => v.add(
            path,
            "openTelemetry must have exactly one defined: endpoint, backendRef",
        ),
        _ => {}
    }
    if let Some(backend_ref) = backend_ref {
        if text(backend_ref, "kind") != "MeshOpenTelemetryBackend" {
            v.add(
                format!("{path}.backendRef.kind"),
                must_be_one_of("kind", &["MeshOpenTelemetryBackend"]),
            );
        }
        if !non_empty(backend_ref, "labels") {
            v.add(
                format!("{path}.backendRef"),
                "backendRef must have exactly one defined: labels",
            );
        }
    }
    if let Some(endpoint) = endpoint.and_then(Value::as_str)
        && endpoint.contains(['/', '?', '#'])
    {
        v.add(
            format!("{path}.endpoint"),
            "must be in host:port format, not a URL",
        );
    }
}

static OTEL_ATTRIBUTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z](?:[a-z0-9]|[._][a-z0-9])*$").expect("valid regex"));

/// govalidator's `IsURL`, as far as access log addresses need it: an optional scheme, a
/// host (DNS name or IP) with an optional port, an optional path.
fn is_url(text: &str) -> bool {
    static SCHEME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[a-zA-Z][a-zA-Z0-9+.\-]*://").expect("valid regex"));
    if text.is_empty() || text.len() >= 2083 || text.starts_with('.') || text.contains(' ') {
        return false;
    }
    let rest = SCHEME.find(text).map_or(text, |m| &text[m.end()..]);
    let host_port = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let (host, port) = match host_port.rsplit_once(':') {
        Some((host, port)) if !host.contains(':') => (host, Some(port)),
        _ => (host_port, None),
    };
    let port_ok = port.is_none_or(|p| p.parse::<u16>().is_ok_and(|p| p > 0));
    port_ok && (is_ip(host) || is_dns_name(host) || host == "localhost")
}

pub fn mesh_access_log(spec: &Value) -> Violations {
    let mut v = Violations::default();
    let context = RefContext {
        inbound: non_empty(spec, "rules") || non_empty(spec, "from"),
        gateway_listener_tags: true,
        ..RefContext::default()
    };
    top_target_ref(&mut v, spec, OBSERVED_TOPS, context);
    to_from_rules_presence(&mut v, spec);
    let to_kinds: &[&str] = if kind_of(field(spec, "targetRef")) == "MeshGateway" {
        &["Mesh"]
    } else {
        TO_KINDS
    };
    for (key, kinds) in [("to", to_kinds), ("from", &["Mesh"][..])] {
        for (i, item) in list(spec, key).iter().enumerate() {
            let path = format!("spec.{key}[{i}]");
            if let Some(target_ref) = field(item, "targetRef") {
                super::common::target_ref(
                    &mut v,
                    &format!("{path}.targetRef"),
                    target_ref,
                    kinds,
                    RefContext::default(),
                );
            }
            access_log_conf(&mut v, &format!("{path}.default"), field(item, "default"));
        }
    }
    for (i, rule) in list(spec, "rules").iter().enumerate() {
        let path = format!("spec.rules[{i}]");
        for (j, m) in list(rule, "matches").iter().enumerate() {
            match_rules(
                &mut v,
                &format!("{path}.matches[{j}]"),
                m,
                MatchRules::Basic,
            );
        }
        access_log_conf(&mut v, &format!("{path}.default"), field(rule, "default"));
    }
    v
}

fn access_log_conf(v: &mut Violations, path: &str, conf: Option<&Value>) {
    let Some(backends) = conf.and_then(|c| field(c, "backends")) else {
        v.add(format!("{path}.backends"), MUST_BE_DEFINED);
        return;
    };
    let backends = backends.as_array().map(Vec::as_slice).unwrap_or_default();
    for (k, backend) in backends.iter().enumerate() {
        let path = format!("{path}.backends[{k}]");
        let (object, key) = match text(backend, "type") {
            "File" => (field(backend, "file"), "file"),
            "Tcp" => (field(backend, "tcp"), "tcp"),
            "OpenTelemetry" => (field(backend, "openTelemetry"), "openTelemetry"),
            _ => continue,
        };
        let Some(object) = object else {
            v.add(format!("{path}.{key}"), MUST_BE_DEFINED);
            continue;
        };
        let path = format!("{path}.{key}");
        match key {
            "file" => {
                if !is_file_path(text(object, "path")) {
                    v.add(format!("{path}.path"), "file backend requires a valid path");
                }
                log_format(v, &path, object);
            }
            "tcp" => {
                if !is_url(text(object, "address")) {
                    v.add(
                        format!("{path}.address"),
                        "tcp backend requires valid address",
                    );
                }
                log_format(v, &path, object);
            }
            _ => {
                otel_backend(v, &path, object);
                for (n, attribute) in list(object, "attributes").iter().enumerate() {
                    let key = text(attribute, "key");
                    let message = if key.is_empty() {
                        MUST_BE_DEFINED
                    } else if key.contains('%') {
                        "must be a static OpenTelemetry attribute name; placeholders are only supported in values"
                    } else if key.starts_with("otel.") {
                        "must not use the reserved OpenTelemetry prefix 'otel.'"
                    } else if !OTEL_ATTRIBUTE.is_match(key) {
                        "must start with a lowercase letter, use only lowercase letters, digits, '.' or '_', avoid consecutive delimiters, and end with a letter or digit"
                    } else {
                        continue;
                    };
                    v.add(format!("{path}.attributes[{n}].key"), message);
                }
            }
        }
    }
}

fn log_format(v: &mut Violations, path: &str, backend: &Value) {
    let Some(format) = field(backend, "format") else {
        return;
    };
    let path = format!("{path}.format");
    match text(format, "type") {
        "Plain" => match format.get("plain").and_then(Value::as_str) {
            None => v.add(format!("{path}.plain"), MUST_BE_DEFINED),
            Some("") => v.add(format!("{path}.plain"), MUST_NOT_BE_EMPTY),
            Some(_) => {}
        },
        "Json" => match field(format, "json").and_then(Value::as_array) {
            None => v.add(format!("{path}.json"), MUST_BE_DEFINED),
            Some(entries) if entries.is_empty() => v.add(format!("{path}.json"), MUST_NOT_BE_EMPTY),
            Some(entries) => {
                for (n, entry) in entries.iter().enumerate() {
                    let (key, value) = (text(entry, "key"), text(entry, "value"));
                    if key.is_empty() {
                        v.add(format!("{path}.json[{n}].key"), "key cannot be empty");
                    }
                    if value.is_empty() {
                        v.add(format!("{path}.json[{n}].value"), "value cannot be empty");
                    }
                    let object = format!("{{\"{key}\": {value}}}");
                    if serde_json::from_str::<Value>(&object).is_err() {
                        v.add(format!("{path}.json[{n}]"), "is not a valid JSON object");
                    }
                }
            }
        },
        _ => {}
    }
}

pub fn mesh_trace(spec: &Value) -> Violations {
    let mut v = Violations::default();
    top_target_ref(&mut v, spec, OBSERVED_TOPS, RefContext::default());
    let path = "spec.default";
    let default = field(spec, "default");
    let Some(backends) = default.and_then(|d| field(d, "backends")) else {
        v.add(format!("{path}.backends"), MUST_BE_DEFINED);
        return v;
    };
    let default = default.unwrap_or(backends);
    let backends = backends.as_array().map(Vec::as_slice).unwrap_or_default();
    if backends.len() > 1 {
        v.add(
            format!("{path}.backends"),
            "must have zero or one backend defined",
        );
    }
    if let Some(backend) = backends.first() {
        let path = format!("{path}.backends[0]");
        let key = match text(backend, "type") {
            "Datadog" => "datadog",
            "Zipkin" => "zipkin",
            "OpenTelemetry" => "openTelemetry",
            _ => "",
        };
        if !key.is_empty() {
            match field(backend, key) {
                None => v.add(format!("{path}.{key}"), MUST_BE_DEFINED),
                Some(object) => {
                    let path = format!("{path}.{key}");
                    match key {
                        "datadog" => {
                            datadog_url(&mut v, &format!("{path}.url"), text(object, "url"))
                        }
                        "zipkin" => {
                            let url = text(object, "url");
                            if url.is_empty() {
                                v.add(format!("{path}.url"), MUST_NOT_BE_EMPTY);
                            } else if !is_url(url) {
                                v.add(format!("{path}.url"), "must be a valid url");
                            }
                        }
                        _ => otel_backend(&mut v, &path, object),
                    }
                }
            }
        }
    }
    for (n, tag) in list(default, "tags").iter().enumerate() {
        if text(tag, "name").is_empty() {
            v.add(format!("{path}.tags[{n}].name"), MUST_NOT_BE_EMPTY);
        }
        if field(tag, "header").is_some() == field(tag, "literal").is_some() {
            v.add(
                format!("{path}.tags[{n}]"),
                "tag must have only one type defined: header, literal",
            );
        }
    }
    if let Some(sampling) = field(default, "sampling") {
        for key in ["client", "random", "overall"] {
            match decimal(sampling, key) {
                None => {}
                Some(Err(())) => v.add(format!("{path}.sampling.{key}"), "string is not a number"),
                Some(Ok(p)) if !(0.0..=100.0).contains(&p) => v.add(
                    format!("{path}.sampling.{key}"),
                    "must be between 0 and 100",
                ),
                Some(Ok(_)) => {}
            }
        }
    }
    v
}

/// The Datadog URL: `url.ParseRequestURI`, then scheme, port and no extra parts.
fn datadog_url(v: &mut Violations, path: &str, text: &str) {
    let Ok(url) = url::Url::parse(text) else {
        v.add(path, "must be a valid url");
        return;
    };
    if url.cannot_be_a_base() {
        v.add(path, "opaque must not be defined");
        return;
    }
    if url.scheme() != "http" {
        v.add(path, "scheme must be http");
    }
    match url.port() {
        None => v.add(path, "port must be defined"),
        Some(0) => v.add(path, PORT_VALID),
        Some(_) => {}
    }
    if !url.username().is_empty() || url.password().is_some() {
        v.add(path, "user must not be defined");
    }
    if !matches!(url.path(), "" | "/") {
        v.add(path, "path must not be defined");
    }
    if url.query().is_some() {
        v.add(path, "query must not be defined");
    }
    if url.fragment().is_some() {
        v.add(path, "fragment must not be defined");
    }
}

pub fn mesh_metric(spec: &Value) -> Violations {
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
        RefContext {
            gateway_listener_tags: true,
            ..RefContext::default()
        },
    );
    let path = "spec.default";
    let Some(default) = field(spec, "default") else {
        return v;
    };
    if let Some(profiles) = field(default, "sidecar").and_then(|s| field(s, "profiles")) {
        let path = format!("{path}.sidecar.profiles");
        for key in ["exclude", "include"] {
            for (k, selector) in list(profiles, key).iter().enumerate() {
                let path = format!("{path}.{key}[{k}]");
                match text(selector, "type") {
                    "Regex" => {
                        if Regex::new(text(selector, "match")).is_err() {
                            v.add(format!("{path}.match"), "invalid regex");
                        }
                    }
                    "Prefix" | "Exact" | "Contains" => {}
                    other => v.add(
                        format!("{path}.type"),
                        format!(
                            "unrecognized type '{other}' - 'Regex', 'Prefix', 'Exact' are supported"
                        ),
                    ),
                }
            }
        }
        for (k, profile) in list(profiles, "appendProfiles").iter().enumerate() {
            let name = text(profile, "name");
            if !matches!(name, "All" | "None" | "Basic") {
                v.add(
                    format!("{path}.appendProfiles[{k}].name"),
                    format!(
                        "unrecognized profile name '{name}' - 'All', 'None', 'Basic' are supported"
                    ),
                );
            }
        }
    }
    for (k, application) in list(default, "applications").iter().enumerate() {
        if number(application, "port").is_some_and(|p| !(1.0..=65535.0).contains(&p)) {
            v.add(format!("{path}.applications.application[{k}]"), PORT_VALID);
        }
    }
    for (k, backend) in list(default, "backends").iter().enumerate() {
        let path = format!("{path}.backends.backend[{k}]");
        match text(backend, "type") {
            "Prometheus" => match field(backend, "prometheus") {
                None => v.add(format!("{path}.prometheus"), MUST_BE_DEFINED),
                Some(prometheus) => {
                    if number(prometheus, "port").is_some_and(|p| !(1.0..=65535.0).contains(&p)) {
                        v.add(format!("{path}.port"), PORT_VALID);
                    }
                }
            },
            "OpenTelemetry" => match field(backend, "openTelemetry") {
                None => v.add(format!("{path}.openTelemetry"), MUST_BE_DEFINED),
                Some(otel) => {
                    let path = format!("{path}.openTelemetry");
                    otel_backend(&mut v, &path, otel);
                    if let Some(endpoint) = otel.get("endpoint").and_then(Value::as_str)
                        && !crate::resources::spec::checks::is_host_port(endpoint)
                    {
                        v.add(format!("{path}.endpoint"), "must be in host:port format");
                    }
                }
            },
            _ => v.add(path, "unrecognized type"),
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert!(is_url("127.0.0.1:5000"));
        assert!(is_url("http://logs.example.com:514/x"));
        assert!(!is_url("not a url"));
        assert!(!is_url(""));
    }
}
