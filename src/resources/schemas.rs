//! The schema facts of Kuma's resource types (`kuma-schemas.json` beside this file): for
//! each new-style type, the `spec` and `status` schemas of its `...Item` in Kuma's
//! OpenAPI description, and the structural schemas of the Kubernetes-only CRDs, all
//! without Kuma's descriptions. `tools/kuma-schemas.py` extracts them; the CRDs of
//! `install control-plane` are built from them.

use serde_json::Value;
use std::sync::OnceLock;

const DATA: &str = include_str!("kuma-schemas.json");

fn data() -> &'static Value {
    static DATA_VALUE: OnceLock<Value> = OnceLock::new();
    DATA_VALUE.get_or_init(|| serde_json::from_str(DATA).expect("kuma-schemas.json is JSON"))
}

/// `{"spec": ..., "status": ...}` of a new-style type (`status` only where it has one).
pub fn of_type(kind: &str) -> Option<&'static serde_json::Map<String, Value>> {
    data()["types"].get(kind)?.as_object()
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
