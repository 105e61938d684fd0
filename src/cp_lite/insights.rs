//! Insights: the per-proxy ZoneEgressInsight that the proxy registration fills (Kuma's
//! `api/mesh/v1alpha1/zoneegressinsight.proto`), and the MeshInsight view computed from
//! the store for `kumactl inspect meshes`.

use super::store::{ResourceKey, ResourceStore, StoreError};
use crate::resources::Resource;
use crate::resources::descriptor::{self, RESOURCE_TYPES, ResourceType, Scope};
use crate::resources::meta::Meta;
use crate::resources::spec::insight::{DiscoverySubscription, ProxyInsightSpec};
use crate::resources::spec::jsonpb::{Reader, Writer};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

pub const MESH_INSIGHT: &str = "MeshInsight";
pub const ZONE_EGRESS: &str = "ZoneEgress";
pub const DATAPLANE: &str = "Dataplane";

/// How often an insight write is retried after losing a race with another writer.
const WRITE_ATTEMPTS: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InsightError {
    /// Insights belong to a proxy resource, which must exist.
    #[error("{type_name} {name:?} not found")]
    ProxyNotFound {
        type_name: &'static str,
        name: String,
    },
    #[error("{type_name} {name:?} has no subscription {id:?}")]
    SubscriptionNotFound {
        type_name: &'static str,
        name: String,
        id: String,
    },
    #[error("could not record the insight of {0}: too many concurrent writers")]
    Contended(String),
}

/// Records that the ZoneEgress `name` opened an xDS stream: the subscription is added
/// (or replaced, by id) to its ZoneEgressInsight, which is created if needed and owned
/// by the ZoneEgress, so deleting the egress deletes it. Older open subscriptions are
/// closed and only the last two are kept. `metadata`, when given, replaces the node
/// metadata.
pub fn record_zone_egress_connect(
    store: &dyn ResourceStore,
    name: &str,
    subscription: DiscoverySubscription,
    metadata: Option<Map<String, Value>>,
) -> Result<(), InsightError> {
    modify_proxy_insight(store, ZONE_EGRESS, "", name, |insight, now| {
        insight.add_subscription(subscription.clone(), now);
        if let Some(metadata) = &metadata {
            insight.metadata = Some(metadata.clone());
        }
        Ok(())
    })
}

/// Records that the stream `subscription_id` of the ZoneEgress `name` closed at `when`.
pub fn record_zone_egress_disconnect(
    store: &dyn ResourceStore,
    name: &str,
    subscription_id: &str,
    when: DateTime<Utc>,
) -> Result<(), InsightError> {
    modify_proxy_insight(store, ZONE_EGRESS, "", name, |insight, _| {
        if insight.disconnect(subscription_id, when) {
            Ok(())
        } else {
            Err(InsightError::SubscriptionNotFound {
                type_name: ZONE_EGRESS,
                name: name.to_string(),
                id: subscription_id.to_string(),
            })
        }
    })
}

/// Records that the Dataplane `mesh`/`name` opened an xDS stream, in its
/// DataplaneInsight (owned by the Dataplane), as for a ZoneEgress.
pub fn record_dataplane_connect(
    store: &dyn ResourceStore,
    mesh: &str,
    name: &str,
    subscription: DiscoverySubscription,
) -> Result<(), InsightError> {
    modify_proxy_insight(store, DATAPLANE, mesh, name, |insight, now| {
        insight.add_subscription(subscription.clone(), now);
        Ok(())
    })
}

/// Records that the stream `subscription_id` of the Dataplane `mesh`/`name` closed.
pub fn record_dataplane_disconnect(
    store: &dyn ResourceStore,
    mesh: &str,
    name: &str,
    subscription_id: &str,
    when: DateTime<Utc>,
) -> Result<(), InsightError> {
    modify_proxy_insight(store, DATAPLANE, mesh, name, |insight, _| {
        if insight.disconnect(subscription_id, when) {
            Ok(())
        } else {
            Err(InsightError::SubscriptionNotFound {
                type_name: DATAPLANE,
                name: name.to_string(),
                id: subscription_id.to_string(),
            })
        }
    })
}

/// The insight of a proxy (`ZoneEgress`, `ZoneIngress`, `Dataplane`), if any.
pub fn proxy_insight(
    store: &dyn ResourceStore,
    proxy_type: &str,
    mesh: &str,
    name: &str,
) -> Option<ProxyInsightSpec> {
    let insight_type = insight_type_of(proxy_type)?;
    let stored = store.get(&ResourceKey::new(insight_type, mesh, name))?;
    ProxyInsightSpec::read(Reader::from_map(&stored.resource.spec)).ok()
}

/// `ZoneEgress` → `ZoneEgressInsight`, and so on.
pub fn insight_type_of(type_name: &str) -> Option<&'static ResourceType> {
    descriptor::by_name(&format!("{type_name}Insight"))
}

/// Read-modify-write of a proxy's insight under the store's optimistic concurrency.
fn modify_proxy_insight(
    store: &dyn ResourceStore,
    proxy_type: &'static str,
    mesh: &str,
    name: &str,
    change: impl Fn(&mut ProxyInsightSpec, DateTime<Utc>) -> Result<(), InsightError>,
) -> Result<(), InsightError> {
    let not_found = || InsightError::ProxyNotFound {
        type_name: proxy_type,
        name: name.to_string(),
    };
    let proxy = descriptor::by_name(proxy_type).ok_or_else(not_found)?;
    let insight_type = insight_type_of(proxy_type).ok_or_else(not_found)?;
    let proxy_key = ResourceKey::new(proxy, mesh, name);
    let key = ResourceKey::new(insight_type, mesh, name);
    for _ in 0..WRITE_ATTEMPTS {
        if store.get(&proxy_key).is_none() {
            return Err(not_found());
        }
        let existing = store.get(&key);
        let mut insight = existing
            .as_ref()
            .and_then(|s| ProxyInsightSpec::read(Reader::from_map(&s.resource.spec)).ok())
            .unwrap_or_default();
        let now = Utc::now();
        change(&mut insight, now)?;
        let resource = Resource {
            meta: Meta {
                resource_type: insight_type,
                mesh: key.mesh.clone(),
                name: name.to_string(),
                creation_time: existing
                    .as_ref()
                    .map_or(now, |s| s.resource.meta.creation_time),
                modification_time: now,
                labels: BTreeMap::new(),
            },
            spec: insight.write(),
        };
        let written = match &existing {
            None => store.create(resource, Some(&proxy_key)),
            Some(stored) => store.update(resource, stored.version),
        };
        match written {
            Ok(_) => return Ok(()),
            Err(StoreError::OwnerNotFound { .. }) => return Err(not_found()),
            Err(_) => continue,
        }
    }
    Err(InsightError::Contended(name.to_string()))
}

/// Mesh-scoped types that are not policies, so MeshInsight does not count them.
const NOT_POLICIES: [&str; 10] = [
    "Dataplane",
    "Secret",
    "MeshService",
    "MeshExternalService",
    "MeshMultiZoneService",
    "MeshIdentity",
    "MeshTrust",
    "MeshZoneAddress",
    "MeshOpenTelemetryBackend",
    "Workload",
];

fn is_policy(t: &ResourceType) -> bool {
    t.scope == Scope::Mesh && !t.read_only && !NOT_POLICIES.contains(&t.name)
}

/// One MeshInsight per mesh, sorted by name: its dataplanes (total, online, offline)
/// and, per policy type present in the mesh, the number of policies. (inferred) Policy
/// types with no policies are left out, and the other statistics of Kuma's MeshInsight
/// (versions, mTLS, services) are not computed.
pub fn mesh_insights(store: &dyn ResourceStore) -> Vec<Arc<Resource>> {
    let Some(insight_type) = descriptor::by_name(MESH_INSIGHT) else {
        return Vec::new();
    };
    store
        .list("Mesh", None)
        .into_iter()
        .map(|mesh| {
            let mesh = &mesh.resource;
            let mut last_change = mesh.meta.modification_time;
            let dataplanes = store.list("Dataplane", Some(&mesh.meta.name));
            let online = dataplanes
                .iter()
                .filter(|dp| {
                    proxy_insight(store, "Dataplane", &mesh.meta.name, &dp.resource.meta.name)
                        .is_some_and(|insight| insight.is_online())
                })
                .count();
            let mut policies = Map::new();
            for t in RESOURCE_TYPES.iter().filter(|t| is_policy(t)) {
                let items = store.list(t.name, Some(&mesh.meta.name));
                for item in &items {
                    last_change = last_change.max(item.resource.meta.modification_time);
                }
                if !items.is_empty() {
                    let mut stat = Writer::new();
                    stat.uint32("total", count(items.len()));
                    policies.insert(t.name.to_string(), Value::Object(stat.finish()));
                }
            }
            for dp in &dataplanes {
                last_change = last_change.max(dp.resource.meta.modification_time);
            }
            let mut stats = Writer::new();
            stats
                .uint32("total", count(dataplanes.len()))
                .uint32("online", count(online))
                .uint32("offline", count(dataplanes.len() - online));
            let mut spec = Writer::new();
            spec.message("dataplanes", Some(stats.finish()));
            if !policies.is_empty() {
                spec.message("policies", Some(policies));
            }
            Arc::new(Resource {
                meta: Meta {
                    resource_type: insight_type,
                    mesh: String::new(),
                    name: mesh.meta.name.clone(),
                    creation_time: mesh.meta.creation_time,
                    modification_time: last_change,
                    labels: BTreeMap::new(),
                },
                spec: spec.finish(),
            })
        })
        .collect()
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cp_lite::store::MemoryStore;
    use serde_json::json;

    fn put(store: &MemoryStore, value: Value, owner: Option<ResourceKey>) {
        store
            .create(Resource::from_json(value).unwrap(), owner.as_ref())
            .unwrap();
    }

    #[test]
    fn egress_insight_lifecycle() {
        let store = MemoryStore::new();
        let subscription = DiscoverySubscription {
            id: "s1".into(),
            control_plane_instance_id: "cp".into(),
            connect_time: Some(Utc::now()),
            ..DiscoverySubscription::default()
        };
        assert!(matches!(
            record_zone_egress_connect(&store, "ze-1", subscription.clone(), None),
            Err(InsightError::ProxyNotFound { .. })
        ));
        put(&store, json!({"type": "ZoneEgress", "name": "ze-1"}), None);
        record_zone_egress_connect(&store, "ze-1", subscription, None).unwrap();
        assert!(
            proxy_insight(&store, ZONE_EGRESS, "", "ze-1")
                .unwrap()
                .is_online()
        );
        record_zone_egress_disconnect(&store, "ze-1", "s1", Utc::now()).unwrap();
        assert!(
            !proxy_insight(&store, ZONE_EGRESS, "", "ze-1")
                .unwrap()
                .is_online()
        );
        assert!(record_zone_egress_disconnect(&store, "ze-1", "nope", Utc::now()).is_err());
        store
            .delete(&ResourceKey::new(
                descriptor::by_name("ZoneEgress").unwrap(),
                "",
                "ze-1",
            ))
            .unwrap();
        assert!(store.list("ZoneEgressInsight", None).is_empty());
    }

    #[test]
    fn mesh_insight_counts() {
        let store = MemoryStore::new();
        put(&store, json!({"type": "Mesh", "name": "default"}), None);
        let owner = Some(ResourceKey::mesh("default"));
        put(
            &store,
            json!({"type": "Dataplane", "mesh": "default", "name": "dp-1"}),
            owner.clone(),
        );
        put(
            &store,
            json!({"type": "TrafficPermission", "mesh": "default", "name": "tp"}),
            owner.clone(),
        );
        put(
            &store,
            json!({"type": "Secret", "mesh": "default", "name": "s"}),
            owner,
        );
        let insights = mesh_insights(&store);
        assert_eq!(insights.len(), 1);
        assert_eq!(
            Value::Object(insights[0].spec.clone()),
            json!({"dataplanes": {"total": 1, "offline": 1}, "policies": {"TrafficPermission": {"total": 1}}})
        );
    }
}
