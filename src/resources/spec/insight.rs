//! The spec of a proxy's insight (ZoneEgressInsight, ZoneIngressInsight): its xDS
//! subscriptions and node metadata (Kuma: `api/mesh/v1alpha1/zoneegressinsight.proto`,
//! `api/mesh/v1alpha1/dataplane_insight.proto`), and the helpers the inspect views use.

use super::jsonpb::{Reader, Reason, Writer};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// How many subscriptions an insight keeps (`metrics.dataplane.subscriptionLimit`).
pub const SUBSCRIPTION_LIMIT: usize = 2;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProxyInsightSpec {
    /// Oldest first; the last one is the current or latest stream.
    pub subscriptions: Vec<DiscoverySubscription>,
    /// The xDS node metadata (a `google.protobuf.Struct`).
    pub metadata: Option<Map<String, Value>>,
}

/// One ADS stream of a proxy with the control plane.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DiscoverySubscription {
    pub id: String,
    pub control_plane_instance_id: String,
    pub connect_time: Option<DateTime<Utc>>,
    pub disconnect_time: Option<DateTime<Utc>>,
    pub status: Option<SubscriptionStatus>,
    pub version: Option<ProxyVersion>,
    pub generation: u32,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SubscriptionStatus {
    pub last_update_time: Option<DateTime<Utc>>,
    pub total: Option<DiscoveryServiceStats>,
    pub cds: Option<DiscoveryServiceStats>,
    pub eds: Option<DiscoveryServiceStats>,
    pub lds: Option<DiscoveryServiceStats>,
    pub rds: Option<DiscoveryServiceStats>,
}

/// Response counters; uint64, so strings in JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DiscoveryServiceStats {
    pub responses_sent: u64,
    pub responses_acknowledged: u64,
    pub responses_rejected: u64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProxyVersion {
    pub kuma_dp: Option<KumaDpVersion>,
    pub envoy: Option<EnvoyVersion>,
    pub dependencies: BTreeMap<String, String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KumaDpVersion {
    pub version: String,
    pub git_tag: String,
    pub git_commit: String,
    pub build_date: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnvoyVersion {
    pub version: String,
    pub build: String,
    pub kuma_dp_compatible: bool,
}

impl DiscoverySubscription {
    /// Connected and not yet disconnected.
    pub fn is_online(&self) -> bool {
        self.connect_time.is_some() && self.disconnect_time.is_none()
    }
}

impl ProxyInsightSpec {
    /// Kuma's `IsOnline`: any subscription still connected.
    pub fn is_online(&self) -> bool {
        self.subscriptions
            .iter()
            .any(DiscoverySubscription::is_online)
    }

    /// Adds a subscription, or replaces the one with the same id. A new one closes the
    /// older ones still open (their `disconnectTime` becomes `now`), and only the last
    /// [`SUBSCRIPTION_LIMIT`] are kept.
    pub fn add_subscription(&mut self, subscription: DiscoverySubscription, now: DateTime<Utc>) {
        if let Some(existing) = self
            .subscriptions
            .iter_mut()
            .find(|s| s.id == subscription.id)
        {
            *existing = subscription;
            return;
        }
        for older in &mut self.subscriptions {
            if older.disconnect_time.is_none() {
                older.disconnect_time = Some(now);
            }
        }
        self.subscriptions.push(subscription);
        let excess = self.subscriptions.len().saturating_sub(SUBSCRIPTION_LIMIT);
        self.subscriptions.drain(..excess);
    }

    /// Marks the subscription `id` disconnected at `when`; false if there is none.
    pub fn disconnect(&mut self, id: &str, when: DateTime<Utc>) -> bool {
        match self.subscriptions.iter_mut().find(|s| s.id == id) {
            Some(subscription) => {
                subscription.disconnect_time = Some(when);
                true
            }
            None => false,
        }
    }

    pub fn read(r: Reader<'_>) -> Result<ProxyInsightSpec, Reason> {
        Ok(ProxyInsightSpec {
            subscriptions: r.messages("subscriptions", read_subscription)?,
            metadata: r.structure("metadata")?,
        })
    }

    pub fn write(&self) -> Map<String, Value> {
        let mut out = Writer::new();
        out.list(
            "subscriptions",
            self.subscriptions
                .iter()
                .map(|s| Value::Object(write_subscription(s)))
                .collect(),
        )
        .structure("metadata", self.metadata.as_ref());
        out.finish()
    }
}

fn read_time(r: &Reader<'_>, name: &str) -> Result<Option<DateTime<Utc>>, Reason> {
    match r.raw(name) {
        None => Ok(None),
        Some(Value::String(text)) => crate::resources::time::parse(text)
            .map(Some)
            .ok_or_else(|| format!("bad Timestamp: parsing time {text:?}")),
        Some(other) => Err(super::gojson::cannot_unmarshal(other, "string")),
    }
}

fn read_u64(r: &Reader<'_>, name: &str) -> Result<u64, Reason> {
    r.raw(name).map_or(Ok(0), super::jsonpb::read_uint64)
}

fn read_stats(r: Reader<'_>) -> Result<DiscoveryServiceStats, Reason> {
    Ok(DiscoveryServiceStats {
        responses_sent: read_u64(&r, "responsesSent")?,
        responses_acknowledged: read_u64(&r, "responsesAcknowledged")?,
        responses_rejected: read_u64(&r, "responsesRejected")?,
    })
}

fn read_subscription(r: Reader<'_>) -> Result<DiscoverySubscription, Reason> {
    Ok(DiscoverySubscription {
        id: r.string("id")?,
        control_plane_instance_id: r.string("controlPlaneInstanceId")?,
        connect_time: read_time(&r, "connectTime")?,
        disconnect_time: read_time(&r, "disconnectTime")?,
        status: r.message("status", |s| {
            Ok(SubscriptionStatus {
                last_update_time: read_time(&s, "lastUpdateTime")?,
                total: s.message("total", read_stats)?,
                cds: s.message("cds", read_stats)?,
                eds: s.message("eds", read_stats)?,
                lds: s.message("lds", read_stats)?,
                rds: s.message("rds", read_stats)?,
            })
        })?,
        version: r.message("version", |v| {
            Ok(ProxyVersion {
                kuma_dp: v.message("kumaDp", |k| {
                    Ok(KumaDpVersion {
                        version: k.string("version")?,
                        git_tag: k.string("gitTag")?,
                        git_commit: k.string("gitCommit")?,
                        build_date: k.string("buildDate")?,
                    })
                })?,
                envoy: v.message("envoy", |e| {
                    Ok(EnvoyVersion {
                        version: e.string("version")?,
                        build: e.string("build")?,
                        kuma_dp_compatible: e.boolean("kumaDpCompatible")?,
                    })
                })?,
                dependencies: v.string_map("dependencies")?,
            })
        })?,
        generation: r.uint32("generation")?,
    })
}

fn write_stats(stats: &DiscoveryServiceStats) -> Map<String, Value> {
    let mut w = Writer::new();
    w.uint64("responsesSent", stats.responses_sent)
        .uint64("responsesAcknowledged", stats.responses_acknowledged)
        .uint64("responsesRejected", stats.responses_rejected);
    w.finish()
}

fn write_subscription(s: &DiscoverySubscription) -> Map<String, Value> {
    let mut w = Writer::new();
    w.string("id", &s.id)
        .string("controlPlaneInstanceId", &s.control_plane_instance_id)
        .timestamp("connectTime", s.connect_time.as_ref())
        .timestamp("disconnectTime", s.disconnect_time.as_ref())
        .message(
            "status",
            s.status.as_ref().map(|status| {
                let mut out = Writer::new();
                out.timestamp("lastUpdateTime", status.last_update_time.as_ref())
                    .message("total", status.total.as_ref().map(write_stats))
                    .message("cds", status.cds.as_ref().map(write_stats))
                    .message("eds", status.eds.as_ref().map(write_stats))
                    .message("lds", status.lds.as_ref().map(write_stats))
                    .message("rds", status.rds.as_ref().map(write_stats));
                out.finish()
            }),
        )
        .message(
            "version",
            s.version.as_ref().map(|v| {
                let mut out = Writer::new();
                out.message(
                    "kumaDp",
                    v.kuma_dp.as_ref().map(|k| {
                        let mut kuma_dp = Writer::new();
                        kuma_dp
                            .string("version", &k.version)
                            .string("gitTag", &k.git_tag)
                            .string("gitCommit", &k.git_commit)
                            .string("buildDate", &k.build_date);
                        kuma_dp.finish()
                    }),
                )
                .message(
                    "envoy",
                    v.envoy.as_ref().map(|e| {
                        let mut envoy = Writer::new();
                        envoy
                            .string("version", &e.version)
                            .string("build", &e.build)
                            .boolean("kumaDpCompatible", e.kuma_dp_compatible);
                        envoy.finish()
                    }),
                )
                .string_map("dependencies", &v.dependencies);
                out.finish()
            }),
        )
        .uint32("generation", s.generation);
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::time::parse;
    use serde_json::json;

    fn at(text: &str) -> DateTime<Utc> {
        parse(text).unwrap()
    }

    fn subscription(id: &str, connect: &str) -> DiscoverySubscription {
        DiscoverySubscription {
            id: id.into(),
            control_plane_instance_id: "cp-1".into(),
            connect_time: Some(at(connect)),
            ..DiscoverySubscription::default()
        }
    }

    #[test]
    fn keeps_two_subscriptions_and_finalizes_older_ones() {
        let mut insight = ProxyInsightSpec::default();
        assert!(!insight.is_online());
        insight.add_subscription(
            subscription("1", "2025-01-01T00:00:00Z"),
            at("2025-01-01T00:00:00Z"),
        );
        assert!(insight.is_online());
        let now = at("2025-01-01T01:00:00Z");
        insight.add_subscription(subscription("2", "2025-01-01T01:00:00Z"), now);
        insight.add_subscription(
            subscription("3", "2025-01-01T02:00:00Z"),
            at("2025-01-01T02:00:00Z"),
        );
        let ids: Vec<&str> = insight
            .subscriptions
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(ids, vec!["2", "3"]);
        assert_eq!(
            insight.subscriptions[0].disconnect_time,
            Some(at("2025-01-01T02:00:00Z"))
        );
        assert!(insight.disconnect("3", at("2025-01-01T03:00:00Z")));
        assert!(!insight.is_online());
        assert!(!insight.disconnect("9", now));
    }

    #[test]
    fn json_form_of_the_golden_overview() {
        let value = json!({"subscriptions": [{
            "id": "1", "controlPlaneInstanceId": "node-001",
            "connectTime": "2018-07-17T16:05:36.995Z",
            "status": {"total": {"responsesSent": "10", "responsesRejected": "1"}},
            "version": {"kumaDp": {"version": "1.0.0", "gitTag": "v1.0.0", "gitCommit": "91ce", "buildDate": "2019-08-07T11:26:06Z"},
                        "envoy": {"version": "1.16.0", "build": "hash/1.16.0/RELEASE"}}
        }]});
        let insight = ProxyInsightSpec::read(Reader::new(&value).unwrap()).unwrap();
        assert_eq!(Value::Object(insight.write()), value);
    }
}
