//! Deprecation warnings of the new-style types, returned by a successful PUT (Go: the
//! `Deprecations()` methods in `pkg/plugins/policies/*/api/v1alpha1/deprecated.go` and
//! `pkg/core/resources/apis/{meshservice,meshexternalservice,meshmultizoneservice,meshtrust}/**/deprecated.go`,
//! `TopLevelTargetRefDeprecations` in `pkg/plugins/policies/core/jsonpatch/validators/validator.go`).

use super::common::{field, kind_of, list, non_empty, text};
use crate::resources::Resource;
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

const OTEL_ENDPOINT: &str = "openTelemetry.endpoint is deprecated, use openTelemetry.backendRef with a MeshOpenTelemetryBackend resource instead";
const FROM_USE_RULES: &str = "'from' field is deprecated, use 'rules' instead";

/// The warnings of a new-style resource, in Kuma's order (the type's own, then the
/// top-level targetRef one; MeshHealthCheck the other way round).
pub fn of(resource: &Resource) -> Vec<String> {
    let type_name = resource.meta.resource_type.name;
    let Some(spec) = resource.spec.get("spec") else {
        return Vec::new();
    };
    let mut own = Vec::new();
    match type_name {
        "MeshService" | "MeshMultiZoneService" | "MeshExternalService" => {
            service_warnings(resource, spec, &mut own)
        }
        "MeshTrust" if field(spec, "origin").is_some() => {
            own.push("setting spec.origin field is deprecated".to_string());
        }
        "MeshTrafficPermission" if non_empty(spec, "from") => {
            own.push("'from' field is deprecated and will be removed in 3.0, use 'rules' with MeshIdentity (spiffeId) instead".to_string());
            for item in list(spec, "from") {
                if field(item, "targetRef").is_some_and(|r| text(r, "kind") == "MeshService") {
                    own.push("MeshService value for 'from[].targetRef.kind' is deprecated, use MeshSubset with 'kuma.io/service' instead".to_string());
                }
            }
        }
        "MeshTimeout" | "MeshCircuitBreaker" | "MeshAccessLog" | "MeshTLS" | "MeshRateLimit" => {
            if non_empty(spec, "from") {
                own.push(FROM_USE_RULES.to_string());
            }
            if type_name == "MeshRateLimit" {
                rate_limit_statuses(spec, &mut own);
            }
            if type_name == "MeshAccessLog" {
                let otel_endpoint = ["to", "from", "rules"].iter().any(|key| {
                    list(spec, key).iter().any(|item| {
                        field(item, "default")
                            .map(|d| list(d, "backends"))
                            .unwrap_or_default()
                            .iter()
                            .any(otel_endpoint_only)
                    })
                });
                if otel_endpoint {
                    own.push(OTEL_ENDPOINT.to_string());
                }
            }
        }
        "MeshFaultInjection" if non_empty(spec, "from") => {
            own.push(
                "'from' field is deprecated, use 'rules' with SPIFFE-based 'matches' instead"
                    .to_string(),
            );
        }
        "MeshTrace" | "MeshMetric" => {
            let backends = field(spec, "default")
                .map(|d| list(d, "backends"))
                .unwrap_or_default();
            if backends.iter().any(otel_endpoint_only) {
                own.push(OTEL_ENDPOINT.to_string());
            }
        }
        "MeshHealthCheck" => {
            for item in list(spec, "to") {
                if field(item, "default")
                    .is_some_and(|d| field(d, "healthyPanicThreshold").is_some())
                {
                    own.push("healthyPanicThreshold for 'to[].default' is deprecated. The setting has been moved to MeshCircuitBreaker policy, please use MeshCircuitBreaker policy instead.".to_string());
                }
            }
        }
        "MeshLoadBalancingStrategy" => load_balancer_warnings(spec, &mut own),
        _ => {}
    }
    let target_ref = match field(spec, "targetRef").map(|r| kind_of(Some(r))) {
        Some(kind @ ("MeshService" | "MeshServiceSubset" | "MeshSubset")) => Some(format!(
            "{kind} value for 'targetRef.kind' is deprecated, use Dataplane with labels instead"
        )),
        Some("MeshHTTPRoute") => Some("MeshHTTPRoute value for 'targetRef.kind' is deprecated, use MeshHTTPRoute in spec.to[].targetRef".to_string()),
        _ => None,
    };
    match target_ref {
        Some(warning) if type_name == "MeshHealthCheck" => {
            let mut out = vec![warning];
            out.extend(own);
            out
        }
        Some(warning) => {
            own.push(warning);
            own
        }
        None => own,
    }
}

fn otel_endpoint_only(backend: &Value) -> bool {
    field(backend, "openTelemetry")
        .is_some_and(|o| field(o, "endpoint").is_some() && field(o, "backendRef").is_none())
}

fn rate_limit_statuses(spec: &Value, out: &mut Vec<String>) {
    for key in ["from", "rules", "to"] {
        for (i, item) in list(spec, key).iter().enumerate() {
            let status = field(item, "default")
                .and_then(|d| field(d, "local"))
                .and_then(|l| field(l, "http"))
                .and_then(|h| field(h, "onRateLimit"))
                .and_then(|o| o.get("status"))
                .and_then(Value::as_f64);
            if status.is_some_and(|s| s < 400.0) {
                out.push(format!("'spec.{key}[{i}].default.local.http.requestRate.status' must be 400 or higher. Please update your configuration."));
            }
        }
    }
}

fn load_balancer_warnings(spec: &Value, out: &mut Vec<String>) {
    for (i, item) in list(spec, "to").iter().enumerate() {
        let Some(lb) = field(item, "default").and_then(|d| field(d, "loadBalancer")) else {
            continue;
        };
        for (kind, key) in [("RingHash", "ringHash"), ("Maglev", "maglev")] {
            if text(lb, "type") != kind {
                continue;
            }
            let Some(policies) = field(lb, key).and_then(|c| field(c, "hashPolicies")) else {
                continue;
            };
            let path = format!("spec.to[{i}].default.loadBalancer.{key}.hashPolicies");
            out.push(format!(
                "configuration '{path}' is deprecated, use 'spec.to[{i}].default.hashPolicies' instead"
            ));
            for (k, policy) in policies.as_array().into_iter().flatten().enumerate() {
                if text(policy, "type") == "SourceIP" {
                    out.push(format!(
                        "SourceIP type for '{path}[{k}].type' is deprecated, use Connection instead"
                    ));
                }
            }
        }
    }
}

static DNS1035_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z]([-a-z0-9]*[a-z0-9])?$").expect("valid regex"));
static DNS1123_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$").expect("valid regex"));

/// The display name: label `kuma.io/display-name`, else the name.
pub fn display_name(resource: &Resource) -> &str {
    resource
        .meta
        .labels
        .get("kuma.io/display-name")
        .map_or(resource.meta.name.as_str(), String::as_str)
}

fn service_warnings(resource: &Resource, spec: &Value, out: &mut Vec<String>) {
    let type_name = resource.meta.resource_type.name;
    let name = display_name(resource);
    let mut errors = Vec::new();
    if name.len() > 63 {
        errors.push("must be no more than 63 characters");
    }
    if !DNS1035_LABEL.is_match(name) {
        errors.push("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
    }
    if !errors.is_empty() {
        out.push(format!("Invalid {type_name} resource name: '{name}'. It does not conform to the DNS format (RFC 1035). This is deprecated. Errors: {}", errors.join("; ")));
    }
    for (_, section) in super::snis::sections(type_name, spec) {
        if let Err(err) = super::snis::check(resource, &section) {
            out.push(format!(
                "Invalid {type_name} SNI (port {}): {err}. This is deprecated.",
                crate::resources::spec::gojson::quote(&section)
            ));
        }
    }
}

/// The RFC 1123 label messages of one SNI part, joined by `; `.
pub fn label_errors(value: &str) -> Option<String> {
    let mut errors = Vec::new();
    if value.len() > 63 {
        errors.push("must be no more than 63 characters");
    }
    if !DNS1123_LABEL.is_match(value) {
        let subdomain = crate::resources::policies::common::dns1123_subdomain(value).is_empty();
        errors.push(if subdomain {
            "must not contain dots"
        } else {
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
        });
    }
    (!errors.is_empty()).then(|| errors.join("; "))
}
