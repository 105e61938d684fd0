//! The resource-manager steps of legacy types other than Mesh (Go:
//! `pkg/core/managers/apis/ratelimit/ratelimit_validator.go`,
//! `pkg/core/managers/apis/external_service/external_service_validator.go`,
//! `pkg/core/managers/apis/dataplane/dataplane_manager.go`): cross-checks between
//! RateLimits and ExternalServices, what a Dataplane gets on create, and the Mesh
//! defaults (`pkg/core/resources/apis/mesh/mesh_defaulter.go`).

#![allow(
    clippy::result_large_err,
    reason = "errors become HTTP responses at once; their size does not matter on that path"
)]

use super::resources::invalid;
use super::store::{ResourceKey, ResourceStore};
use crate::api::ApiError;
use crate::resources::spec::checks::SERVICE_TAG;
use crate::resources::{Resource, Violation};
use serde_json::{Map, Value, json};

/// The destinations of a RateLimit spec that match more than the service, with the
/// service they name.
fn mixed_destinations(spec: &Map<String, Value>) -> impl Iterator<Item = &str> {
    spec.get("destinations")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|destination| destination.get("match")?.as_object())
        .filter(|selector| selector.keys().any(|key| key != SERVICE_TAG))
        .map(|selector| {
            selector
                .get(SERVICE_TAG)
                .and_then(Value::as_str)
                .unwrap_or_default()
        })
}

fn service_of(external_service: &Map<String, Value>) -> &str {
    external_service
        .get("tags")
        .and_then(|tags| tags.get(SERVICE_TAG))
        .and_then(Value::as_str)
        .unwrap_or_default()
}

fn matches(selected: &str, service: &str) -> bool {
    selected == "*" || selected == service
}

/// The manager checks of a create or update of `resource` in `mesh`, answered under
/// `title` (`Failed to create a resource` / `Failed to update a resource`).
pub fn check(
    store: &dyn ResourceStore,
    mesh: &str,
    resource: &Resource,
    title: &str,
) -> Result<(), ApiError> {
    let violations = violations(store, mesh, resource);
    if !violations.is_empty() {
        return Err(invalid(title, violations));
    }
    if !dataplane_may_join(store, mesh, resource) {
        return Err(ApiError::new(500, title, "Internal Server Error"));
    }
    Ok(())
}

/// The cross-check violations of a RateLimit or an ExternalService.
fn violations(store: &dyn ResourceStore, mesh: &str, resource: &Resource) -> Vec<Violation> {
    match resource.meta.resource_type.name {
        "RateLimit" => {
            let services: Vec<String> = store
                .list("ExternalService", Some(mesh))
                .iter()
                .map(|es| service_of(&es.resource.spec).to_string())
                .collect();
            let incompatible = mixed_destinations(&resource.spec)
                .any(|selected| services.iter().any(|service| matches(selected, service)));
            if incompatible {
                return vec![Violation::new(
                    "ratelimit",
                    "RateLimit applied to external service only supports kuma.io/service as destination match",
                )];
            }
            Vec::new()
        }
        "ExternalService" => {
            let service = service_of(&resource.spec);
            store
                .list("RateLimit", Some(mesh))
                .iter()
                .find(|rate_limit| {
                    mixed_destinations(&rate_limit.resource.spec)
                        .any(|selected| matches(selected, service))
                })
                .map(|rate_limit| {
                    vec![Violation::new(
                        "externalservice",
                        format!(
                            "ExternalService would match RateLimit '{}' which includes incompatible destination matches",
                            rate_limit.resource.meta.name
                        ),
                    )]
                })
                .unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

/// What a Dataplane gets on create: every inbound with a `serviceProbe` starts
/// `NotReady` with `health: {ready: false}` (Go: `dataplane_manager.go` `setHealth`).
pub fn prepare_create(resource: &mut Resource) {
    if resource.meta.resource_type.name != "Dataplane" {
        return;
    }
    let Some(inbounds) = resource
        .spec
        .get_mut("networking")
        .and_then(|n| n.get_mut("inbound"))
        .and_then(Value::as_array_mut)
    else {
        return;
    };
    for inbound in inbounds {
        let Some(fields) = inbound.as_object_mut() else {
            continue;
        };
        if !fields.contains_key("serviceProbe") {
            continue;
        }
        // Re-insert in proto order: `health` after `tags`, `state` after `serviceProbe`.
        let mut ordered = Map::new();
        for key in [
            "port",
            "servicePort",
            "serviceAddress",
            "address",
            "tags",
            "health",
            "serviceProbe",
            "state",
            "name",
            "protocol",
        ] {
            match key {
                "health" => {
                    ordered.insert(key.into(), json!({}));
                }
                "state" => {
                    ordered.insert(key.into(), json!("NotReady"));
                }
                _ => {
                    if let Some(value) = fields.remove(key) {
                        ordered.insert(key.into(), value);
                    }
                }
            }
        }
        *fields = ordered;
    }
}

/// The Mesh's `Default()`, run by its manager on create and update: every prometheus
/// backend's `conf` gets the default port, path and service tag when missing, and its
/// deprecated `skipMTLS` becomes a `tls` mode. (inferred) `skipMTLS` is dropped once
/// converted, and an explicit `tls` wins over it.
pub fn apply_defaults(resource: &mut Resource) {
    if resource.meta.resource_type.name != "Mesh" {
        return;
    }
    let Some(backends) = resource
        .spec
        .get_mut("metrics")
        .and_then(|m| m.get_mut("backends"))
        .and_then(Value::as_array_mut)
    else {
        return;
    };
    for backend in backends {
        if backend.get("type").and_then(Value::as_str) != Some("prometheus") {
            continue;
        }
        let Some(fields) = backend.as_object_mut() else {
            continue;
        };
        let conf = fields
            .entry("conf")
            .or_insert_with(|| Value::Object(Map::new()));
        let Some(conf) = conf.as_object_mut() else {
            continue;
        };
        conf.entry("port").or_insert_with(|| json!(5670));
        conf.entry("path").or_insert_with(|| json!("/metrics"));
        conf.entry("tags")
            .or_insert_with(|| json!({SERVICE_TAG: "dataplane-metrics"}));
        let skip = conf.remove("skipMTLS").and_then(|v| v.as_bool());
        if !conf.contains_key("tls") {
            let tls = if skip == Some(true) {
                json!({"mode": "disabled"})
            } else {
                json!({})
            };
            conf.insert("tls".into(), tls);
        }
        *conf = crate::resources::spec::jsonpb::canonical_struct(conf);
    }
}

/// Whether a Dataplane may join its mesh (Go: `membership_validator.go`): with
/// `constraints.dataplaneProxy` on the Mesh, its tags (all inbound and gateway tags) must
/// match one requirement, if there are any, and no restriction. Kuma answers a refusal
/// with a plain error, which its API turns into a 500.
fn dataplane_may_join(store: &dyn ResourceStore, mesh: &str, resource: &Resource) -> bool {
    if resource.meta.resource_type.name != "Dataplane" {
        return true;
    }
    let Some(stored) = store.get(&ResourceKey::mesh(mesh)) else {
        return true;
    };
    let Some(constraints) = stored
        .resource
        .spec
        .get("constraints")
        .and_then(|c| c.get("dataplaneProxy"))
    else {
        return true;
    };
    let networking = resource.spec.get("networking");
    let mut tags: Vec<(&str, &str)> = Vec::new();
    let inbound_tags = networking
        .and_then(|n| n.get("inbound"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|inbound| inbound.get("tags"));
    let gateway_tags = networking
        .and_then(|n| n.get("gateway"))
        .and_then(|g| g.get("tags"));
    for map in inbound_tags
        .chain(gateway_tags)
        .filter_map(Value::as_object)
    {
        for (key, value) in map {
            tags.push((key, value.as_str().unwrap_or_default()));
        }
    }
    let matches = |rule: &Value| {
        rule.get("tags")
            .and_then(Value::as_object)
            .is_some_and(|selector| {
                selector.iter().all(|(key, wanted)| {
                    let wanted = wanted.as_str().unwrap_or_default();
                    tags.iter()
                        .any(|(k, v)| k == key && (wanted == "*" || *v == wanted))
                })
            })
    };
    let rules = |key: &str| {
        constraints
            .get(key)
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
    };
    let requirements = rules("requirements");
    (requirements.is_empty() || requirements.iter().any(matches))
        && !rules("restrictions").iter().any(matches)
}
