//! Registration of a Dataplane proxy, in particular a mesh-scoped zone proxy (a Dataplane
//! with `networking.listeners[]`), with a dataplane token: the bootstrap checks of
//! `pkg/xds/bootstrap/generator.go`, the dp-proxy authentication of
//! `pkg/xds/auth/universal/authenticator.go`, the workload-label check of
//! `pkg/xds/server/callbacks/workload_label_validator.go`, and the upsert and insight of
//! `pkg/xds/server/callbacks/dataplane_lifecycle.go`. As for the Zone Egress, kuma-cp-lite
//! does it all in the one `POST /bootstrap` request.

use super::dp_server::{BootstrapRequest, Refusal, resource_value};
use super::insights;
use super::labels;
use super::secrets::StoreSecrets;
use super::state::AppState;
use super::store::{ResourceKey, StoreError};
use super::token_service::validate_dataplane_token;
use crate::resources::Resource;
use crate::resources::descriptor::{self, ResourceType};
use crate::resources::meta::{join_violations, validate_meta};
use crate::resources::spec::dataplane::{self, WORKLOAD_LABEL};
use crate::resources::spec::gojson::quote;
use crate::resources::spec::insight::DiscoverySubscription;
use crate::resources::spec::legacy::DEFAULT_ADMIN_PORT;
use crate::resources::spec::mesh_identity::{self, Selected};
use crate::tokens::dataplane::DataplaneClaims;
use chrono::Utc;
use serde_json::{Map, Value};
use std::time::SystemTime;

pub const DATAPLANE: &str = "Dataplane";

fn dataplane_type() -> &'static ResourceType {
    descriptor::by_name(DATAPLANE).expect("the descriptor table has Dataplane")
}

fn mesh_type() -> &'static ResourceType {
    descriptor::by_name("Mesh").expect("the descriptor table has Mesh")
}

/// A registered Dataplane: what the bootstrap answer names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registered {
    pub mesh: String,
    pub name: String,
    pub admin_port: u32,
}

/// The inline Dataplane of a bootstrap request, checked as Kuma's bootstrap generator
/// does: a Dataplane, valid, in a mesh that exists.
fn inline_dataplane(state: &AppState, request: &BootstrapRequest) -> Result<Resource, Refusal> {
    let invalid = |reason: String| Refusal::new(422, format!("invalid resource: {reason}"));
    let value = resource_value(&request.dataplane_resource)
        .map_err(|e| invalid(format!("not YAML or JSON: {e}")))?;
    let mut resource = Resource::from_json(value).map_err(|e| invalid(e.to_string()))?;
    if resource.resource_type().name != DATAPLANE {
        // kuma-dp's own check, before it contacts the control plane.
        return Err(Refusal::new(
            422,
            format!(
                "invalid proxy resource type {}, expected Dataplane",
                quote(resource.resource_type().name)
            ),
        ));
    }
    if resource.meta.name.is_empty() {
        resource.meta.name = request.name.clone();
    }
    if resource.meta.mesh.is_empty() {
        resource.meta.mesh = if request.mesh.is_empty() {
            "default".into()
        } else {
            request.mesh.clone()
        };
    }
    // Kuma reads the inline resource into its proto message: unknown fields are
    // dropped, values put in canonical form, wrong JSON types refused.
    let resource = crate::resources::spec::decode(resource).map_err(|e| invalid(e.to_string()))?;
    let violations = dataplane::validate(&Value::Object(resource.spec.clone()));
    if !violations.is_empty() {
        return Err(Refusal::new(422, join_violations(&violations)));
    }
    // A name or mesh the API could not address must not reach the store.
    let violations = validate_meta(
        resource.resource_type(),
        &resource.meta.name,
        &resource.meta.mesh,
    );
    if !violations.is_empty() {
        return Err(Refusal::new(422, join_violations(&violations)));
    }
    let mesh_key = ResourceKey::new(mesh_type(), "", &resource.meta.mesh);
    if state.store.get(&mesh_key).is_none() {
        return Err(Refusal::new(
            422,
            format!("mesh: mesh {} does not exist", quote(&resource.meta.mesh)),
        ));
    }
    Ok(resource)
}

/// The MeshIdentity of `mesh` that applies to a Dataplane with these labels.
fn mesh_identity(state: &AppState, mesh: &str, resource: &Resource) -> Option<Selected> {
    let identities = state.store.list("MeshIdentity", Some(mesh));
    let resources: Vec<(String, Map<String, Value>)> = identities
        .iter()
        .map(|s| {
            let spec = s
                .resource
                .spec
                .get("spec")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_else(|| s.resource.spec.clone());
            (s.resource.meta.name.clone(), spec)
        })
        .collect();
    mesh_identity::best_match(
        resources.iter().map(|(n, s)| (n.as_str(), s)),
        &resource.meta.labels,
    )
}

/// `authDataplane` after the token itself: name, mesh, tags, then the workload.
pub fn check_claims(
    claims: &DataplaneClaims,
    resource: &Resource,
    identity: Option<&Selected>,
) -> Result<(), String> {
    let name = &resource.meta.name;
    let mesh = &resource.meta.mesh;
    if !claims.name.is_empty() && &claims.name != name {
        return Err(format!(
            "proxy name from requestor: {name} is different than in token: {}",
            claims.name
        ));
    }
    if !claims.mesh.is_empty() && &claims.mesh != mesh {
        return Err(format!(
            "proxy mesh from requestor: {mesh} is different than in token: {}",
            claims.mesh
        ));
    }
    let dataplane_tags = dataplane::tag_values(&resource.spec);
    for (tag, allowed) in &claims.tags {
        let Some(values) = dataplane_tags.get(tag) else {
            return Err(format!(
                "dataplane has no tag {} required by the token",
                quote(tag)
            ));
        };
        let mut values = values.clone();
        values.sort();
        for value in values {
            if !allowed.contains(&value) {
                let allowed: Vec<String> = allowed.iter().map(|v| quote(v)).collect();
                return Err(format!(
                    "dataplane contains tag {} with value {} which is not allowed with this token. Allowed values in token are [{}]",
                    quote(tag),
                    quote(&value),
                    allowed.join(" ")
                ));
            }
        }
    }
    let workload = resource
        .meta
        .labels
        .get(WORKLOAD_LABEL)
        .filter(|w| !w.is_empty());
    match (claims.workload.as_str(), workload) {
        ("", Some(workload)) if identity.is_some_and(Selected::uses_workload) => Err(format!(
            "dataplane with {} label {} derives its identity from the workload, so it requires a workload-bound token",
            quote(WORKLOAD_LABEL),
            quote(workload)
        )),
        ("", _) => Ok(()),
        (_, None) => Err("dataplane has no workload label required by the token".into()),
        (token, Some(workload)) if token != workload => Err(format!(
            "dataplane workload {} is not allowed with this token. Allowed workload in token is {}",
            quote(workload),
            quote(token)
        )),
        _ => Ok(()),
    }
}

/// Registers the Dataplane of a bootstrap request: bootstrap checks, authentication, the
/// workload-label check, then the upsert and the insight's new subscription.
pub fn register(
    state: &AppState,
    request: &BootstrapRequest,
    subscription: DiscoverySubscription,
) -> Result<Registered, Refusal> {
    let inline = if request.dataplane_resource.is_empty() {
        None
    } else {
        Some(inline_dataplane(state, request)?)
    };
    let (mesh, name) = match &inline {
        Some(r) => (r.meta.mesh.clone(), r.meta.name.clone()),
        None if request.mesh.is_empty() => ("default".to_string(), request.name.clone()),
        None => (request.mesh.clone(), request.name.clone()),
    };
    let key = ResourceKey::new(dataplane_type(), &mesh, &name);
    let existing = state.store.get(&key).map(|s| (*s.resource).clone());
    let Some(resource) = inline.clone().or_else(|| existing.clone()) else {
        return Err(Refusal::new(404, ""));
    };
    let secrets = StoreSecrets(state);
    let claims = validate_dataplane_token(
        &secrets,
        &mesh,
        request.dataplane_token.trim(),
        SystemTime::now(),
    )
    .map_err(|e| Refusal::new(401, format!("authentication failed: {e}")))?;
    let identity = mesh_identity(state, &mesh, &resource);
    check_claims(&claims, &resource, identity.as_ref())
        .map_err(|e| Refusal::new(401, format!("authentication failed: {e}")))?;
    if let Some(identity) = identity.as_ref().filter(|i| i.uses_workload())
        && !resource.meta.labels.contains_key(WORKLOAD_LABEL)
    {
        return Err(Refusal::new(
            422,
            format!(
                "missing required label '{WORKLOAD_LABEL}' - dataplane is selected by MeshIdentity '{}' with path template '{}'",
                identity.name, identity.path_template
            ),
        ));
    }
    if let Some(inline) = inline {
        if let Some(existing) = &existing {
            let identity = mesh_identity(state, &mesh, existing);
            if check_claims(&claims, existing, identity.as_ref()).is_err() {
                return Err(Refusal::new(
                    403,
                    "you are trying to override existing proxy to which you don't have an access.",
                ));
            }
        }
        upsert(state, inline)?;
    }
    insights::record_dataplane_connect(state.store.as_ref(), &mesh, &name, subscription).map_err(
        |e| match e {
            insights::InsightError::ProxyNotFound { .. } => Refusal::new(404, ""),
            other => internal(other),
        },
    )?;
    let admin_port = resource
        .spec
        .get("networking")
        .and_then(|n| n.get("admin"))
        .and_then(|a| a.get("port"))
        .and_then(Value::as_u64)
        .and_then(|p| u32::try_from(p).ok())
        .filter(|p| *p != 0)
        .unwrap_or(DEFAULT_ADMIN_PORT);
    Ok(Registered {
        mesh,
        name,
        admin_port,
    })
}

fn internal(reason: impl std::fmt::Display) -> Refusal {
    eprintln!("kuma-cp-lite: dp-server: {reason}");
    Refusal::new(500, "")
}

/// Creates or replaces the Dataplane with the labels the control plane computes.
fn upsert(state: &AppState, resource: Resource) -> Result<(), Refusal> {
    let key = ResourceKey::of(&resource);
    let t = resource.meta.resource_type;
    let mut labels = labels::compute(
        resource.meta.labels.clone(),
        t,
        &resource.meta.mesh,
        &state.options,
    );
    dataplane::compute_labels(&mut labels, &resource.spec);
    let mesh_key = ResourceKey::new(mesh_type(), "", &resource.meta.mesh);
    for _ in 0..64 {
        let now = Utc::now();
        let mut next = resource.clone();
        next.meta.labels = labels.clone();
        next.meta.modification_time = now;
        let written = match state.store.get(&key) {
            None => {
                next.meta.creation_time = now;
                state.store.create(next, Some(&mesh_key)).map(|_| ())
            }
            Some(stored) => {
                next.meta.creation_time = stored.resource.meta.creation_time;
                state.store.update(next, stored.version).map(|_| ())
            }
        };
        match written {
            Ok(()) => return Ok(()),
            Err(StoreError::AlreadyExists(_) | StoreError::Conflict(_)) => continue,
            Err(StoreError::OwnerNotFound { .. }) => {
                return Err(Refusal::new(
                    422,
                    format!("mesh: mesh {} does not exist", quote(&resource.meta.mesh)),
                ));
            }
            Err(err) => return Err(internal(err)),
        }
    }
    Err(internal("too many concurrent writers"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::jwt::RegisteredClaims;
    use serde_json::json;
    use std::collections::BTreeMap;

    fn claims(name: &str, mesh: &str, tags: &[(&str, &[&str])], workload: &str) -> DataplaneClaims {
        DataplaneClaims {
            name: name.into(),
            mesh: mesh.into(),
            tags: tags
                .iter()
                .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
                .collect(),
            proxy_type: String::new(),
            workload: workload.into(),
            registered: RegisteredClaims::issued(
                SystemTime::now(),
                crate::duration::GoDuration::from_secs(60),
            ),
        }
    }

    fn dataplane(labels: &[(&str, &str)], spec: Value) -> Resource {
        let mut value = spec;
        value["type"] = json!("Dataplane");
        value["mesh"] = json!("default");
        value["name"] = json!("ze");
        value["labels"] = json!(
            labels
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<BTreeMap<_, _>>()
        );
        Resource::from_json(value).unwrap()
    }

    #[test]
    fn claims_in_kuma_order() {
        let zone_proxy = dataplane(
            &[(WORKLOAD_LABEL, "ze")],
            json!({"networking": {"address": "10.0.0.1"}}),
        );
        let with_tags = dataplane(
            &[],
            json!({"networking": {"address": "10.0.0.1", "inbound": [{"port": 1, "tags": {"kuma.io/service": "web"}}]}}),
        );
        let workload_identity = Selected {
            name: "default".into(),
            path_template: mesh_identity::DEFAULT_UNIVERSAL_PATH.into(),
        };
        let check =
            |c: DataplaneClaims, r: &Resource| check_claims(&c, r, Some(&workload_identity));
        assert_eq!(check(claims("", "default", &[], "ze"), &zone_proxy), Ok(()));
        assert_eq!(
            check(claims("other", "x", &[], ""), &zone_proxy).unwrap_err(),
            "proxy name from requestor: ze is different than in token: other"
        );
        assert_eq!(
            check(claims("", "x", &[], ""), &zone_proxy).unwrap_err(),
            "proxy mesh from requestor: default is different than in token: x"
        );
        assert_eq!(
            check(
                claims("", "", &[("kuma.io/service", &["web"])], ""),
                &zone_proxy
            )
            .unwrap_err(),
            "dataplane has no tag \"kuma.io/service\" required by the token"
        );
        assert_eq!(
            check(
                claims("", "", &[("kuma.io/service", &["api", "db"])], ""),
                &with_tags
            )
            .unwrap_err(),
            "dataplane contains tag \"kuma.io/service\" with value \"web\" which is not allowed with this token. Allowed values in token are [\"api\" \"db\"]"
        );
        assert_eq!(
            check(claims("", "", &[], "ze"), &with_tags).unwrap_err(),
            "dataplane has no workload label required by the token"
        );
        assert_eq!(
            check(claims("", "", &[], "other"), &zone_proxy).unwrap_err(),
            "dataplane workload \"ze\" is not allowed with this token. Allowed workload in token is \"other\""
        );
        assert_eq!(
            check(claims("", "", &[], ""), &zone_proxy).unwrap_err(),
            "dataplane with \"kuma.io/workload\" label \"ze\" derives its identity from the workload, so it requires a workload-bound token"
        );
        assert_eq!(
            check_claims(&claims("", "", &[], ""), &zone_proxy, None),
            Ok(())
        );
    }
}
