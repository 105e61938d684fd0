//! The `snis` of MeshService, MeshExternalService and MeshMultiZoneService (Go:
//! `pkg/core/resources/model/rest/v1alpha1/resource.go` `computeSNIs`,
//! `pkg/core/resources/sni/sni.go`): one `{port, sni}` per port, sorted by port, computed
//! from the resource on every read and never taken from a body.

use super::kri::{DISPLAY_NAME_LABEL, NAMESPACE_LABEL, ZONE_LABEL};
use super::resource::Resource;
use serde_json::{Value, json};

/// The `snis` value of a resource, `None` for other types or when it has no ports.
pub fn of(resource: &Resource) -> Option<Value> {
    let meta = &resource.meta;
    let t = meta.resource_type;
    let spec = resource.spec.get("spec");
    let mut ports: Vec<(u64, String)> = match t.name {
        "MeshService" | "MeshMultiZoneService" => spec
            .and_then(|s| s.get("ports"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|port| {
                let number = port.get("port")?.as_u64()?;
                let section = port
                    .get("name")
                    .and_then(Value::as_str)
                    .filter(|name| !name.is_empty())
                    .map_or_else(|| number.to_string(), str::to_string);
                Some((number, section))
            })
            .collect(),
        "MeshExternalService" => spec
            .and_then(|s| s.pointer("/match/port"))
            .and_then(Value::as_u64)
            .map(|port| vec![(port, port.to_string())])
            .unwrap_or_default(),
        _ => return None,
    };
    if ports.is_empty() {
        return None;
    }
    ports.sort_by_key(|(port, _)| *port);
    let short = t.short_name?;
    let label = |key: &str| meta.labels.get(key).filter(|v| !v.is_empty());
    let mut prefix = format!("sni.{short}.{}", meta.mesh);
    if let Some(zone) = label(ZONE_LABEL) {
        prefix.push('.');
        prefix.push_str(zone);
        if let Some(namespace) = label(NAMESPACE_LABEL) {
            prefix.push('.');
            prefix.push_str(namespace);
        }
    }
    let display_name = label(DISPLAY_NAME_LABEL).unwrap_or(&meta.name);
    Some(Value::Array(
        ports
            .into_iter()
            .map(|(port, section)| {
                json!({"port": port, "sni": format!("{prefix}.{display_name}.{section}")})
            })
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resource(value: Value) -> Resource {
        Resource::from_json(value).unwrap()
    }

    #[test]
    fn examples_of_kuma() {
        let msvc = resource(
            json!({"type": "MeshService", "mesh": "default", "name": "redis",
            "labels": {"kuma.io/zone": "default"},
            "spec": {"ports": [{"port": 6380, "name": "b"}, {"port": 6379}]}}),
        );
        assert_eq!(
            of(&msvc).unwrap(),
            json!([{"port": 6379, "sni": "sni.msvc.default.default.redis.6379"},
                   {"port": 6380, "sni": "sni.msvc.default.default.redis.b"}])
        );
        let mzsvc = resource(
            json!({"type": "MeshMultiZoneService", "mesh": "default", "name": "redis",
            "spec": {"ports": [{"port": 6379}]}}),
        );
        assert_eq!(
            of(&mzsvc).unwrap(),
            json!([{"port": 6379, "sni": "sni.mzsvc.default.redis.6379"}])
        );
        let extsvc = resource(
            json!({"type": "MeshExternalService", "mesh": "default", "name": "mes-tcp",
            "labels": {"kuma.io/zone": "default"}, "spec": {"match": {"port": 4242}}}),
        );
        assert_eq!(
            of(&extsvc).unwrap(),
            json!([{"port": 4242, "sni": "sni.extsvc.default.default.mes-tcp.4242"}])
        );
        let no_ports =
            resource(json!({"type": "MeshService", "mesh": "default", "name": "x", "spec": {}}));
        assert!(of(&no_ports).is_none());
        let other =
            resource(json!({"type": "MeshTimeout", "mesh": "default", "name": "x", "spec": {}}));
        assert!(of(&other).is_none());
    }
}
