//! The spec validators of the new-style types, run after the schema (Go:
//! `pkg/plugins/policies/<policy>/api/v1alpha1/validator.go` and
//! `pkg/core/resources/apis/<type>/api/v1alpha1/validator.go`), with an empty meta as
//! Kuma's API server runs them first. One module per family; [`common`] holds the
//! targetRef, match and tag rules they share.

pub mod common;
pub mod durations;
pub mod gotemplate;
pub mod observability;
pub mod proxy;
pub mod routes;
pub mod services;
pub mod snis;
pub mod traffic;
pub mod warnings;

use super::Resource;
use super::meta::Violation;
use serde_json::Value;

/// The violations of a new-style resource's spec, in Kuma's order; empty for types
/// without a validator.
pub fn validate(resource: &Resource) -> Vec<Violation> {
    let Some(spec) = resource.spec.get("spec") else {
        return Vec::new();
    };
    validate_spec(resource.meta.resource_type.name, spec)
}

/// The validator of `type_name` over its `spec`.
pub fn validate_spec(type_name: &str, spec: &Value) -> Vec<Violation> {
    let violations = match type_name {
        "MeshTrafficPermission" => traffic::mesh_traffic_permission(spec),
        "MeshTimeout" => traffic::mesh_timeout(spec),
        "MeshRetry" => traffic::mesh_retry(spec),
        "MeshCircuitBreaker" => traffic::mesh_circuit_breaker(spec),
        "MeshHealthCheck" => traffic::mesh_health_check(spec),
        "MeshRateLimit" => traffic::mesh_rate_limit(spec),
        "MeshFaultInjection" => traffic::mesh_fault_injection(spec),
        "MeshAccessLog" => observability::mesh_access_log(spec),
        "MeshTrace" => observability::mesh_trace(spec),
        "MeshMetric" => observability::mesh_metric(spec),
        "MeshProxyPatch" => proxy::mesh_proxy_patch(spec),
        "MeshPassthrough" => proxy::mesh_passthrough(spec),
        "MeshTLS" => proxy::mesh_tls(spec),
        "MeshHTTPRoute" => routes::mesh_http_route(spec),
        "MeshTCPRoute" => routes::mesh_tcp_route(spec),
        "MeshLoadBalancingStrategy" => routes::mesh_load_balancing_strategy(spec),
        "MeshExternalService" => services::mesh_external_service(spec),
        "MeshService" => services::mesh_service(spec),
        "MeshMultiZoneService" => services::mesh_multi_zone_service(spec),
        "MeshTrust" => services::mesh_trust(spec),
        "HostnameGenerator" => services::hostname_generator(spec),
        "MeshOpenTelemetryBackend" => services::mesh_open_telemetry_backend(spec),
        "MeshIdentity" => services::mesh_identity(spec),
        _ => return Vec::new(),
    };
    violations.into_vec()
}

/// The manager-stage rules of new-style types, run with the request's meta (Go: the
/// validators of `pkg/core/resources/apis/{meshservice,meshexternalservice,workload}`,
/// reachable only there because the first run has an empty meta): the display name
/// (label `kuma.io/display-name`, else the name) is at most 63 characters.
///
/// The policy role also comes from the request's labels there: with a
/// `kuma.io/policy-role` other than `system` some policies allow fewer top-level kinds
/// (Go: `PolicyRole` in `pkg/core/resources/model/resource.go`). The spec already passed
/// with role `system`, so the only difference is that kind.
pub fn manager_violations(resource: &Resource) -> Vec<Violation> {
    let type_name = resource.meta.resource_type.name;
    match type_name {
        "MeshService" | "MeshExternalService" | "Workload"
            if warnings::display_name(resource).chars().count() > 63 =>
        {
            return vec![Violation::new(
                "name",
                "must not be longer than 63 characters",
            )];
        }
        _ => {}
    }
    let role = resource.meta.labels.get("kuma.io/policy-role");
    let shrinks = [
        "MeshTimeout",
        "MeshRetry",
        "MeshHTTPRoute",
        "MeshTCPRoute",
        "MeshRateLimit",
        "MeshFaultInjection",
        "MeshTrace",
        "MeshMetric",
        "MeshProxyPatch",
    ];
    if role.is_some_and(|r| r != "system") && shrinks.contains(&type_name) {
        let top = resource
            .spec
            .get("spec")
            .and_then(|spec| common::field(spec, "targetRef"));
        let kind = common::kind_of(top);
        let allowed = [
            "Mesh",
            "MeshSubset",
            "MeshService",
            "MeshServiceSubset",
            "Dataplane",
        ];
        if top.is_some() && !allowed.contains(&kind) {
            return vec![Violation::new(
                "spec.targetRef.kind",
                format!("value '{kind}' is not supported"),
            )];
        }
    }
    Vec::new()
}
