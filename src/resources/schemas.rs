//! The schema facts of Kuma's resource types (`kuma-schemas.json` beside this file): for
//! each new-style type, its whole `...Item` schema in Kuma's OpenAPI description (meta
//! properties, `spec`, `status`), and the structural schemas of the Kubernetes-only CRDs, all
//! without Kuma's descriptions. `tools/kuma-schemas.py` extracts them; the CRDs of
//! `install control-plane` are built from them.

use serde_json::Value;
use std::sync::OnceLock;

// `TYPES` and `KUBERNETES_ONLY`: `(type name, its schema as JSON)`, split out of
// `kuma-schemas.json` by `build.rs`. Each schema is parsed on first use, so a command
// pays only for the types it meets (parsing the whole file costs some 11M instructions,
// ten times the rest of a one-document `apply`).
include!(concat!(env!("OUT_DIR"), "/schemas.rs"));

static TYPE_VALUES: [OnceLock<Value>; TYPES.len()] = [const { OnceLock::new() }; TYPES.len()];
static KUBERNETES_ONLY_VALUES: [OnceLock<Value>; KUBERNETES_ONLY.len()] =
    [const { OnceLock::new() }; KUBERNETES_ONLY.len()];

/// The schema of `kind` in `table`, parsed once into its slot of `values`.
fn parsed(
    table: &'static [(&'static str, &'static str)],
    values: &'static [OnceLock<Value>],
    kind: &str,
) -> Option<&'static Value> {
    let index = table.iter().position(|(name, _)| *name == kind)?;
    Some(values[index].get_or_init(|| {
        serde_json::from_str(table[index].1).expect("build.rs wrote the schema as JSON")
    }))
}

/// The properties of a new-style type's Item: `type`, `mesh` (Mesh-scoped types), `name`,
/// `labels`, `kri`, the times, `spec` and, where it has one, `status`.
pub fn of_type(kind: &str) -> Option<&'static serde_json::Map<String, Value>> {
    item(kind)?.get("properties")?.as_object()
}

/// The whole `<Type>Item` schema of a new-style type, against which Kuma defaults and
/// validates a request body.
pub fn item(kind: &str) -> Option<&'static Value> {
    parsed(TYPES, &TYPE_VALUES, kind)
}

/// The names of the new-style types, which have an Item schema.
pub fn item_names() -> impl Iterator<Item = &'static str> {
    TYPES.iter().map(|(name, _)| *name)
}

/// The whole `openAPIV3Schema` of a Kubernetes-only CRD (ContainerPatch,
/// MeshGatewayConfig, MeshGatewayInstance).
pub fn kubernetes_only(kind: &str) -> Option<&'static Value> {
    parsed(KUBERNETES_ONLY, &KUBERNETES_ONLY_VALUES, kind)
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
        for (_, schema) in TYPES.iter().chain(KUBERNETES_ONLY) {
            assert!(!schema.contains("\"description\""));
        }
        assert_eq!(item_names().count(), 25);
    }
}
