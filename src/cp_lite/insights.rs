//! Insights: the per-proxy ZoneEgressInsight that the proxy registration fills (Kuma's
//! `api/mesh/v1alpha1/zoneegressinsight.proto`), and the MeshInsight view computed from
//! the store for `kumactl inspect meshes`.

use super::store::{ResourceKey, ResourceStore, StoreError};
use crate::resources::Resource;
use crate::resources::descriptor::{self, RESOURCE_TYPES, ResourceType, Scope};
use crate::resources::meta::Meta;
use crate::resources::proxy_status::{self, Dataplane, GatewayType, Status};
use crate::resources::spec::insight::{DiscoverySubscription, ProxyInsightSpec};
use crate::resources::spec::jsonpb::{Reader, Writer};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
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

/// A `DataplaneStat` being counted.
#[derive(Default)]
struct DataplaneStat {
    total: u32,
    online: u32,
    offline: u32,
    partially_degraded: u32,
}

impl DataplaneStat {
    fn add(&mut self, status: Status) {
        self.total += 1;
        match status {
            Status::Online => self.online += 1,
            Status::Offline => self.offline += 1,
            Status::PartiallyDegraded => self.partially_degraded += 1,
        }
    }

    /// Versions and backends count a proxy as online or not: total = online + offline.
    fn add_online_or_not(&mut self, status: Status) {
        self.add(if status == Status::Online {
            Status::Online
        } else {
            Status::Offline
        });
    }

    fn write(&self) -> Map<String, Value> {
        let mut w = Writer::new();
        w.uint32("total", self.total)
            .uint32("online", self.online)
            .uint32("offline", self.offline)
            .uint32("partiallyDegraded", self.partially_degraded);
        w.finish()
    }
}

fn stat_map(stats: &BTreeMap<String, DataplaneStat>) -> Option<Map<String, Value>> {
    (!stats.is_empty()).then(|| {
        stats
            .iter()
            .map(|(k, v)| (k.clone(), Value::Object(v.write())))
            .collect()
    })
}

/// One MeshInsight per mesh, sorted by name (Kuma's `createOrUpdateMeshInsight` in
/// `pkg/insights/resyncer.go`): its dataplanes by status and by type, the versions of
/// their kuma-dp and Envoy, their certificate backends, its services, and the number of
/// resources and policies of each type present in the mesh.
pub fn mesh_insights(store: &dyn ResourceStore) -> Vec<Arc<Resource>> {
    let Some(insight_type) = descriptor::by_name(MESH_INSIGHT) else {
        return Vec::new();
    };
    store
        .list("Mesh", None)
        .into_iter()
        .map(|mesh| {
            let mesh = &mesh.resource;
            let mesh_name = &mesh.meta.name;
            let mut last_change = mesh.meta.modification_time;
            let mut dataplanes = DataplaneStat::default();
            let mut by_type: [DataplaneStat; 4] = Default::default();
            let mut kuma_dp: BTreeMap<String, DataplaneStat> = BTreeMap::new();
            let mut envoy: BTreeMap<String, DataplaneStat> = BTreeMap::new();
            let mut issued: BTreeMap<String, DataplaneStat> = BTreeMap::new();
            let mut supported: BTreeMap<String, DataplaneStat> = BTreeMap::new();
            let mut internal_services: BTreeSet<String> = BTreeSet::new();
            for stored in store.list("Dataplane", Some(mesh_name)) {
                let dp = &stored.resource;
                let insight = proxy_insight_json(store, mesh_name, &dp.meta.name);
                let dataplane = Dataplane::from_spec(&dp.spec);
                let (status, _) = dataplane.status(insight.as_ref());
                dataplanes.add(status);
                match dataplane.gateway_type() {
                    None => {
                        by_type[0].add(status);
                        internal_services
                            .extend(dataplane.inbound_services().into_iter().map(String::from));
                    }
                    Some(kind) => {
                        by_type[1].add(status);
                        by_type[if kind == GatewayType::Builtin { 2 } else { 3 }].add(status);
                        if let Some((_, service)) = dataplane
                            .gateway_tags()
                            .into_iter()
                            .find(|(k, _)| *k == proxy_status::SERVICE_TAG)
                        {
                            internal_services.insert(service.to_string());
                        }
                    }
                }
                let last = proxy_status::subscriptions(insight.as_ref()).last();
                let version = |path: &str| match proxy_status::str_at(last, path) {
                    "" => "unknown".to_string(),
                    v => v.to_string(),
                };
                kuma_dp
                    .entry(version("/version/kumaDp/version"))
                    .or_default()
                    .add_online_or_not(status);
                envoy
                    .entry(version("/version/envoy/version"))
                    .or_default()
                    .add_online_or_not(status);
                let backend = proxy_status::str_at(insight.as_ref(), "/mTLS/issuedBackend");
                if !backend.is_empty() {
                    issued
                        .entry(backend.to_string())
                        .or_default()
                        .add_online_or_not(status);
                }
                let backends = insight
                    .as_ref()
                    .and_then(|i| i.pointer("/mTLS/supportedBackends"))
                    .and_then(Value::as_array);
                for backend in backends.into_iter().flatten().filter_map(Value::as_str) {
                    supported
                        .entry(backend.to_string())
                        .or_default()
                        .add_online_or_not(status);
                }
            }
            let mut policies = Map::new();
            let mut resources = Map::new();
            let mut external_services = 0;
            for t in RESOURCE_TYPES
                .iter()
                .filter(|t| t.scope == Scope::Mesh && !t.read_only)
            {
                let items = store.list(t.name, Some(mesh_name));
                for item in &items {
                    last_change = last_change.max(item.resource.meta.modification_time);
                }
                if items.is_empty() {
                    continue;
                }
                if t.name == "ExternalService" {
                    external_services = count(items.len());
                }
                let mut stat = Writer::new();
                stat.uint32("total", count(items.len()));
                let stat = Value::Object(stat.finish());
                if is_policy(t) {
                    policies.insert(t.name.to_string(), stat.clone());
                }
                resources.insert(t.name.to_string(), stat);
            }
            let internal = count(internal_services.len());
            let mut services = Writer::new();
            services
                .uint32("total", internal.saturating_add(external_services))
                .uint32("internal", internal)
                .uint32("external", external_services);
            let mut versions = Writer::new();
            versions
                .message("kumaDp", stat_map(&kuma_dp))
                .message("envoy", stat_map(&envoy));
            let mut mtls = Writer::new();
            mtls.message("issuedBackends", stat_map(&issued))
                .message("supportedBackends", stat_map(&supported));
            let mut types = Writer::new();
            for (name, stat) in ["standard", "gateway", "gatewayBuiltin", "gatewayDelegated"]
                .iter()
                .zip(&by_type)
            {
                types.message(name, Some(stat.write()));
            }
            let mut spec = Writer::new();
            spec.message("dataplanes", Some(dataplanes.write()));
            spec.message("policies", (!policies.is_empty()).then_some(policies))
                .message("dpVersions", Some(versions.finish()))
                .message("mTLS", Some(mtls.finish()))
                .message("services", Some(services.finish()))
                .message("dataplanesByType", Some(types.finish()))
                .message("resources", (!resources.is_empty()).then_some(resources));
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

/// The insight of a Dataplane as JSON, for the status rules of `resources::proxy_status`.
fn proxy_insight_json(store: &dyn ResourceStore, mesh: &str, name: &str) -> Option<Value> {
    let insight_type = insight_type_of("Dataplane")?;
    let stored = store.get(&ResourceKey::new(insight_type, mesh, name))?;
    Some(Value::Object(stored.resource.spec.clone()))
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
            json!({"type": "Dataplane", "mesh": "default", "name": "dp-1", "networking": {
                "inbound": [{"port": 1, "tags": {"kuma.io/service": "web"}}]}}),
            owner.clone(),
        );
        put(
            &store,
            json!({"type": "Dataplane", "mesh": "default", "name": "gw", "networking": {
                "gateway": {"type": "BUILTIN", "tags": {"kuma.io/service": "edge"}}}}),
            owner.clone(),
        );
        put(
            &store,
            json!({"type": "DataplaneInsight", "mesh": "default", "name": "gw",
                "subscriptions": [{"id": "1", "connectTime": "2020-01-01T00:00:00Z",
                    "version": {"kumaDp": {"version": "2.14.3"}}}],
                "mTLS": {"issuedBackend": "ca-1", "supportedBackends": ["ca-1", "ca-2"]}}),
            Some(ResourceKey::new(
                descriptor::by_name("Dataplane").unwrap(),
                "default",
                "gw",
            )),
        );
        put(
            &store,
            json!({"type": "TrafficPermission", "mesh": "default", "name": "tp"}),
            owner.clone(),
        );
        put(
            &store,
            json!({"type": "ExternalService", "mesh": "default", "name": "es"}),
            owner.clone(),
        );
        put(
            &store,
            json!({"type": "Secret", "mesh": "default", "name": "s"}),
            owner,
        );
        let insights = mesh_insights(&store);
        assert_eq!(insights.len(), 1);
        let online = json!({"total": 1, "online": 1});
        let offline = json!({"total": 1, "offline": 1});
        assert_eq!(
            Value::Object(insights[0].spec.clone()),
            json!({
                "dataplanes": {"total": 2, "online": 1, "offline": 1},
                "policies": {"ExternalService": {"total": 1}, "TrafficPermission": {"total": 1}},
                "dpVersions": {
                    "kumaDp": {"2.14.3": online, "unknown": offline},
                    "envoy": {"unknown": {"total": 2, "online": 1, "offline": 1}}
                },
                "mTLS": {"issuedBackends": {"ca-1": online}, "supportedBackends": {"ca-1": online, "ca-2": online}},
                "services": {"total": 3, "internal": 2, "external": 1},
                "dataplanesByType": {"standard": offline, "gateway": online, "gatewayBuiltin": online, "gatewayDelegated": {}},
                "resources": {
                    "Dataplane": {"total": 2},
                    "ExternalService": {"total": 1},
                    "Secret": {"total": 1},
                    "TrafficPermission": {"total": 1}
                }
            })
        );
    }
}
