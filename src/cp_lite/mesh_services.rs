//! What Kuma's MeshService status updater (Go:
//! `pkg/core/resources/apis/meshservice/status/updater.go`) writes, computed here
//! whenever a MeshService is read: `spec.state` is `Available` when at least one selected
//! Dataplane serves every port of the service on a ready inbound, else `Unavailable`;
//! `status.dataplaneProxies` counts the selected Dataplanes (`total`), those serving
//! every port ready (`healthy`) and those whose insight is online (`connected`).
//! (inferred) Kuma runs it in the background every few seconds; reading it at once
//! gives the state it converges to.

use super::insights::proxy_insight;
use super::store::ResourceStore;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// The Dataplanes of the store with their insight's online flag, read once per request.
pub struct Dataplanes(Vec<(Value, bool)>);

impl Dataplanes {
    pub fn read(store: &dyn ResourceStore) -> Dataplanes {
        let dataplanes = store
            .list("Dataplane", None)
            .into_iter()
            .filter_map(|stored| {
                let value: Value = serde_json::from_str(stored.resource.json()).ok()?;
                let meta = &stored.resource.meta;
                let online = proxy_insight(store, "Dataplane", &meta.mesh, &meta.name)
                    .is_some_and(|insight| insight.is_online());
                Some((value, online))
            })
            .collect();
        Dataplanes(dataplanes)
    }
}

/// The stored JSON of a MeshService with its computed state and counters (other JSON
/// unchanged).
pub fn on_read<'j>(dataplanes: &Dataplanes, json: &'j str) -> Cow<'j, str> {
    let Ok(mut service) = serde_json::from_str::<Value>(json) else {
        return Cow::Borrowed(json);
    };
    if service["type"] != "MeshService" {
        return Cow::Borrowed(json);
    }
    let mesh = service["mesh"].as_str().unwrap_or_default().to_string();
    let spec = service["spec"].clone();
    let (mut total, mut healthy, mut connected) = (0u64, 0u64, 0u64);
    for (dataplane, online) in &dataplanes.0 {
        if dataplane["mesh"] != mesh.as_str() {
            continue;
        }
        let Some(inbounds) = selected_inbounds(&spec, dataplane) else {
            continue;
        };
        total += 1;
        if serves_every_port(&spec, &inbounds) {
            healthy += 1;
        }
        if *online {
            connected += 1;
        }
    }
    let state = if healthy > 0 {
        "Available"
    } else {
        "Unavailable"
    };
    if let Some(spec) = service.get_mut("spec").and_then(Value::as_object_mut) {
        spec.insert("state".into(), state.into());
    }
    let mut counters = Map::new();
    for (key, count) in [
        ("connected", connected),
        ("healthy", healthy),
        ("total", total),
    ] {
        if count > 0 {
            counters.insert(key.into(), count.into());
        }
    }
    if let Some(status) = service.get_mut("status").and_then(Value::as_object_mut) {
        status.insert("dataplaneProxies".into(), Value::Object(counters));
    }
    let mut body = crate::output::json::to_server_body(&service);
    body.pop();
    Cow::Owned(String::from_utf8(body).unwrap_or_else(|_| json.to_string()))
}

/// The inbounds through which `dataplane` is selected by the service's selector, or
/// `None` when it is not.
fn selected_inbounds<'d>(spec: &Value, dataplane: &'d Value) -> Option<Vec<&'d Value>> {
    let selector = &spec["selector"];
    let inbounds: Vec<&Value> = dataplane["networking"]["inbound"]
        .as_array()
        .map(|list| list.iter().collect())
        .unwrap_or_default();
    if let Some(tags) = selector["dataplaneTags"].as_object() {
        let matching: Vec<&Value> = inbounds
            .into_iter()
            .filter(|inbound| {
                tags.iter()
                    .all(|(key, value)| inbound["tags"].get(key) == Some(value))
            })
            .collect();
        return (!matching.is_empty()).then_some(matching);
    }
    if let Some(name) = selector["dataplaneRef"]["name"].as_str() {
        return (dataplane["name"] == name).then_some(inbounds);
    }
    if let Some(labels) = selector["dataplaneLabels"]["matchLabels"].as_object() {
        let matches = labels
            .iter()
            .all(|(key, value)| dataplane["labels"].get(key) == Some(value));
        return matches.then_some(inbounds);
    }
    None
}

/// Every port of the service has a ready inbound (by number, or by name when the target
/// port is a name).
fn serves_every_port(spec: &Value, inbounds: &[&Value]) -> bool {
    let ports = spec["ports"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    !ports.is_empty()
        && ports.iter().all(|port| {
            let target = match &port["targetPort"] {
                Value::Null => port["port"].clone(),
                other => other.clone(),
            };
            inbounds.iter().any(|inbound| {
                let matches = match &target {
                    Value::String(name) => inbound["name"] == name.as_str(),
                    number => inbound["port"] == *number,
                };
                let ready = !matches!(inbound["state"].as_str(), Some("NotReady" | "Ignored"))
                    && inbound["health"]["ready"] != Value::Bool(false);
                matches && ready
            })
        })
}
