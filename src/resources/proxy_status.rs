//! What the inspect views read from a proxy's stored JSON: the state of its connection to
//! the control plane (its insight's subscriptions), a Dataplane's tags, gateway and status,
//! and Kuma's tag-selector matching. Small accessors over the JSON the API serves, shared
//! by kumactl (its tables) and kuma-cp-lite (overview filters, service and mesh insights).
//!
//! Kuma's rules: `api/mesh/v1alpha1/dataplane_helpers.go` (tags, matching),
//! `api/mesh/v1alpha1/dataplane_insight_helpers.go` (subscriptions, online), and
//! `pkg/core/resources/apis/mesh/dataplane_overview_helpers.go` (status).

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

pub const SERVICE_TAG: &str = "kuma.io/service";
pub const ZONE_TAG: &str = "kuma.io/zone";

/// The `subscriptions` of an insight (a `DataplaneInsight`, `ZoneIngressInsight`,
/// `ZoneEgressInsight` or `ZoneInsight` spec); empty when there is no insight.
pub fn subscriptions(insight: Option<&Value>) -> &[Value] {
    insight
        .and_then(|i| i.get("subscriptions"))
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

fn is_set(value: Option<&Value>) -> bool {
    value.is_some_and(|v| !v.is_null() && v.as_str() != Some(""))
}

/// Online: some subscription has connected and not disconnected.
pub fn is_online(insight: Option<&Value>) -> bool {
    subscriptions(insight)
        .iter()
        .any(|s| is_set(s.get("connectTime")) && !is_set(s.get("disconnectTime")))
}

/// A uint64 counter as Kuma writes it (a JSON string) or as a number; 0 when absent.
pub fn counter(value: Option<&Value>) -> u64 {
    match value {
        Some(Value::String(s)) => s.parse().unwrap_or(0),
        Some(Value::Number(n)) => n.as_u64().unwrap_or(0),
        _ => 0,
    }
}

/// The sum of `status.total.<field>` over every subscription.
pub fn total(insight: Option<&Value>, field: &str) -> u64 {
    subscriptions(insight)
        .iter()
        .map(|s| counter(s.pointer(&format!("/status/total/{field}"))))
        .fold(0, u64::saturating_add)
}

/// The string at `path` (JSON pointer) of `value`, or "".
pub fn str_at<'v>(value: Option<&'v Value>, path: &str) -> &'v str {
    value
        .and_then(|v| v.pointer(path))
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// A Dataplane's status, as `inspect dataplanes` and the insights count it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Online,
    Offline,
    PartiallyDegraded,
}

impl Status {
    pub fn text(self) -> &'static str {
        match self {
            Status::Online => "Online",
            Status::Offline => "Offline",
            Status::PartiallyDegraded => "Partially degraded",
        }
    }
}

/// `builtin` or `delegated` for a gateway Dataplane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GatewayType {
    Builtin,
    Delegated,
}

/// Accessors over one Dataplane spec (`networking` at its top level).
#[derive(Clone, Copy, Debug)]
pub struct Dataplane<'a> {
    networking: Option<&'a Value>,
}

impl<'a> Dataplane<'a> {
    /// Over a spec as a JSON value (the `dataplane` of an overview).
    pub fn new(spec: &'a Value) -> Dataplane<'a> {
        Dataplane {
            networking: spec.get("networking"),
        }
    }

    /// Over a stored spec.
    pub fn from_spec(spec: &'a serde_json::Map<String, Value>) -> Dataplane<'a> {
        Dataplane {
            networking: spec.get("networking"),
        }
    }

    fn list(self, key: &str) -> &'a [Value] {
        self.networking
            .and_then(|n| n.get(key))
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    pub fn inbounds(self) -> &'a [Value] {
        self.list("inbound")
    }

    pub fn listeners(self) -> &'a [Value] {
        self.list("listeners")
    }

    pub fn gateway(self) -> Option<&'a Value> {
        self.networking
            .and_then(|n| n.get("gateway"))
            .filter(|g| !g.is_null())
    }

    /// The gateway's type; Kuma's default is `DELEGATED`.
    pub fn gateway_type(self) -> Option<GatewayType> {
        let gateway = self.gateway()?;
        Some(match gateway.get("type").and_then(Value::as_str) {
            Some("BUILTIN") => GatewayType::Builtin,
            _ => GatewayType::Delegated,
        })
    }

    /// The gateway's tags, or an empty map.
    pub fn gateway_tags(self) -> Vec<(&'a str, &'a str)> {
        tags_of(self.gateway())
    }

    /// Every tag of every inbound and of the gateway, values sorted and unique.
    pub fn tag_set(self) -> BTreeMap<&'a str, BTreeSet<&'a str>> {
        let mut set: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        let all = self
            .inbounds()
            .iter()
            .flat_map(|inbound| tags_of(Some(inbound)))
            .chain(self.gateway_tags());
        for (key, value) in all {
            set.entry(key).or_default().insert(value);
        }
        set
    }

    /// `key=v1,v2 other=v` (Kuma's `MultiValueTagSet.String`).
    pub fn tags_text(self) -> String {
        self.tag_set()
            .iter()
            .map(|(key, values)| {
                format!(
                    "{key}={}",
                    values.iter().copied().collect::<Vec<_>>().join(",")
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Some inbound's tags, or else the gateway's, hold every selector key with a value
    /// containing the selector's (or the selector value is `*`) (`MatchTagsFuzzy`).
    pub fn matches_fuzzy(self, selector: &[(String, String)]) -> bool {
        let fuzzy = |tags: Vec<(&str, &str)>| {
            selector.iter().all(|(key, wanted)| {
                tags.iter()
                    .any(|(k, v)| k == key && (wanted == "*" || v.contains(wanted.as_str())))
            })
        };
        self.inbounds()
            .iter()
            .any(|inbound| fuzzy(tags_of(Some(inbound))))
            || (self.gateway().is_some() && fuzzy(self.gateway_tags()))
    }

    /// The gateway's tags or some inbound's hold every selector key with an equal value,
    /// or the selector value is `*` (`Matches` of `dataplane_helpers.go`).
    pub fn matches(self, selector: &serde_json::Map<String, Value>) -> bool {
        let exact = |tags: Vec<(&str, &str)>| {
            selector.iter().all(|(key, wanted)| {
                let wanted = wanted.as_str().unwrap_or_default();
                tags.iter()
                    .any(|(k, v)| *k == key && (wanted == "*" || *v == wanted))
            })
        };
        (self.gateway().is_some() && exact(self.gateway_tags()))
            || self
                .inbounds()
                .iter()
                .any(|inbound| exact(tags_of(Some(inbound))))
    }

    /// The services its inbounds serve (skipping `Ignored` inbounds and empty names).
    pub fn inbound_services(self) -> Vec<&'a str> {
        self.inbounds()
            .iter()
            .filter(|inbound| inbound.get("state").and_then(Value::as_str) != Some("Ignored"))
            .map(|inbound| str_at(Some(inbound), "/tags/kuma.io~1service"))
            .filter(|service| !service.is_empty())
            .collect()
    }

    /// Online, Offline or Partially degraded, with the reasons (inbounds then listeners).
    pub fn status(self, insight: Option<&Value>) -> (Status, Vec<String>) {
        let online = is_online(insight);
        if self.gateway().is_some() {
            let status = if online {
                Status::Online
            } else {
                Status::Offline
            };
            return (status, Vec::new());
        }
        let mut reasons = Vec::new();
        let total = self.inbounds().len() + self.listeners().len();
        for inbound in self.inbounds() {
            let state = inbound.get("state").and_then(Value::as_str);
            let unhealthy = inbound
                .get("health")
                .filter(|h| !h.is_null())
                .is_some_and(|h| h.get("ready").and_then(Value::as_bool) != Some(true));
            if state != Some("Ignored") && (unhealthy || state == Some("NotReady")) {
                reasons.push(format!(
                    "inbound[port={},svc={}] is not ready",
                    number(inbound.get("port")),
                    str_at(Some(inbound), "/tags/kuma.io~1service")
                ));
            }
        }
        for listener in self.listeners() {
            let state = listener
                .get("state")
                .and_then(Value::as_str)
                .unwrap_or("Ready");
            if state != "Ready" {
                let kind = listener
                    .get("type")
                    .and_then(Value::as_str)
                    .unwrap_or("Unspecified");
                reasons.push(format!(
                    "listener[port={},type={kind}] is not ready",
                    number(listener.get("port"))
                ));
            }
        }
        let ready = total - reasons.len();
        let status = if !online || ready == 0 {
            Status::Offline
        } else if ready < total {
            Status::PartiallyDegraded
        } else {
            return (Status::Online, Vec::new());
        };
        (status, reasons)
    }
}

/// The string tags of an inbound or gateway object, in the JSON's order.
fn tags_of(holder: Option<&Value>) -> Vec<(&str, &str)> {
    holder
        .and_then(|h| h.get("tags"))
        .and_then(Value::as_object)
        .map(|tags| {
            tags.iter()
                .filter_map(|(k, v)| Some((k.as_str(), v.as_str()?)))
                .collect()
        })
        .unwrap_or_default()
}

fn number(value: Option<&Value>) -> String {
    match value {
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(s)) => s.clone(),
        _ => "0".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn connected() -> Value {
        json!({"subscriptions": [{"id": "1", "connectTime": "2020-01-01T00:00:00Z"}]})
    }

    #[test]
    fn status_rules() {
        let dp = json!({"networking": {"inbound": [
            {"port": 9001, "tags": {"kuma.io/service": "a"}, "health": {}},
            {"port": 9002, "tags": {"kuma.io/service": "b"}},
            {"port": 9003, "tags": {"kuma.io/service": "c"}, "state": "Ignored", "health": {}}
        ], "listeners": [{"port": 80, "type": "ZoneIngress", "state": "NotReady"}]}});
        let insight = connected();
        assert_eq!(
            Dataplane::new(&dp).status(Some(&insight)),
            (
                Status::PartiallyDegraded,
                vec![
                    "inbound[port=9001,svc=a] is not ready".to_string(),
                    "listener[port=80,type=ZoneIngress] is not ready".to_string()
                ]
            )
        );
        assert_eq!(Dataplane::new(&dp).status(None).0, Status::Offline);
        let empty = json!({"networking": {}});
        assert_eq!(
            Dataplane::new(&empty).status(Some(&insight)),
            (Status::Offline, vec![])
        );
        let gateway = json!({"networking": {"gateway": {"tags": {"kuma.io/service": "g"}}}});
        assert_eq!(
            Dataplane::new(&gateway).status(Some(&insight)),
            (Status::Online, vec![])
        );
        let disconnected = json!({"subscriptions": [{"connectTime": "x", "disconnectTime": "y"}]});
        assert_eq!(
            Dataplane::new(&gateway).status(Some(&disconnected)).0,
            Status::Offline
        );
    }

    #[test]
    fn tags_and_matching() {
        let dp = json!({"networking": {"inbound": [
            {"port": 1, "tags": {"kuma.io/service": "web", "version": "v1"}},
            {"port": 2, "tags": {"kuma.io/service": "admin", "version": "v1"}}
        ]}});
        let dp = Dataplane::new(&dp);
        assert_eq!(dp.tags_text(), "kuma.io/service=admin,web version=v1");
        let sel = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        assert!(dp.matches_fuzzy(&sel(&[("kuma.io/service", "we")])));
        assert!(dp.matches_fuzzy(&sel(&[("version", "*")])));
        assert!(!dp.matches_fuzzy(&sel(&[("kuma.io/service", "web"), ("x", "*")])));
        let exact = |v: Value| dp.matches(v.as_object().unwrap());
        assert!(exact(json!({"kuma.io/service": "web"})));
        assert!(!exact(json!({"kuma.io/service": "we"})));
        assert!(exact(json!({"kuma.io/service": "*", "version": "v1"})));
        assert!(exact(json!({})));
    }
}
