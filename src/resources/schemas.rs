//! The schema facts of Kuma's resource types (`kuma-schemas.json` beside this file): for
//! each new-style type, its whole `...Item` schema in Kuma's OpenAPI description (meta
//! properties, `spec`, `status`), and the structural schemas of the Kubernetes-only CRDs, all
//! without Kuma's descriptions. `tools/kuma-schemas.py` extracts them; the CRDs of
//! `install control-plane` are built from them.

use serde_json::Value;
use std::sync::OnceLock;

const DATA: &str = include_str!("kuma-schemas.json");

fn data() -> &'static Value {
    static DATA_VALUE: OnceLock<Value> = OnceLock::new();
    DATA_VALUE.get_or_init(|| serde_json::from_str(DATA).expect("kuma-schemas.json is JSON"))
}

/// The properties of a new-style type's Item: `type`, `mesh` (Mesh-scoped types), `name`,
/// `labels`, `kri`, the times, `spec` and, where it has one, `status`.
pub fn of_type(kind: &str) -> Option<&'static serde_json::Map<String, Value>> {
    item(kind)?.get("properties")?.as_object()
}

/// The whole `<Type>Item` schema of a new-style type, against which Kuma defaults and
/// validates a request body.
pub fn item(kind: &str) -> Option<&'static Value> {
    data()["types"].get(kind)
}

/// The names of the new-style types, which have an Item schema.
pub fn item_names() -> impl Iterator<Item = &'static str> {
    data()["types"]
        .as_object()
        .into_iter()
        .flat_map(|types| types.keys().map(String::as_str))
}

/// The whole `openAPIV3Schema` of a Kubernetes-only CRD (ContainerPatch,
/// MeshGatewayConfig, MeshGatewayInstance).
pub fn kubernetes_only(kind: &str) -> Option<&'static Value> {
    data()["kubernetesOnly"].get(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_style_types_and_kubernetes_only_ones() {
        let timeout = of_type("MeshTimeout").unwrap();
        assert!(timeout["spec"]["properties"]["targetRef"].is_object());
        assert!(of_type("MeshService").unwrap().contains_key("status"));
        assert!(of_type("ZoneEgress").is_none());
        assert!(kubernetes_only("MeshGatewayInstance").is_some());
        // Kuma's prose is not carried, only structure.
        assert!(!DATA.contains("\"description\""));
    }
}
