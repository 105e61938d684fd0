//! Kuma Resource Identifiers: `kri_<short>_<mesh>_<zone>_<namespace>_<name>_<section>`
//! (Go: `pkg/core/kri/kri.go`).

use super::descriptor::ResourceType;
use std::collections::BTreeMap;

pub const ZONE_LABEL: &str = "kuma.io/zone";
pub const NAMESPACE_LABEL: &str = "k8s.kuma.io/namespace";
pub const DISPLAY_NAME_LABEL: &str = "kuma.io/display-name";

/// The `kri` of a resource, or `None` for types without a short name.
pub fn of(
    resource_type: &ResourceType,
    mesh: &str,
    name: &str,
    labels: &BTreeMap<String, String>,
) -> Option<String> {
    let short = resource_type.short_name?;
    let label = |key: &str| labels.get(key).map(String::as_str).unwrap_or_default();
    let display_name = labels
        .get(DISPLAY_NAME_LABEL)
        .map(String::as_str)
        .unwrap_or(name);
    // `kri_{short}_{mesh}_{zone}_{namespace}_{display name}_`, pushed piece by piece:
    // the store computes it on every write.
    let (zone, namespace) = (label(ZONE_LABEL), label(NAMESPACE_LABEL));
    let mut kri = String::with_capacity(
        10 + short.len() + mesh.len() + zone.len() + namespace.len() + display_name.len(),
    );
    for piece in [
        "kri_",
        short,
        "_",
        mesh,
        "_",
        zone,
        "_",
        namespace,
        "_",
        display_name,
        "_",
    ] {
        kri.push_str(piece);
    }
    Some(kri)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::descriptor::by_name;

    #[test]
    fn examples_of_the_spec() {
        let none = BTreeMap::new();
        assert_eq!(
            of(by_name("Mesh").unwrap(), "", "default", &none).unwrap(),
            "kri_m____default_"
        );
        assert_eq!(
            of(by_name("ZoneEgress").unwrap(), "", "ze-1", &none).unwrap(),
            "kri_ze____ze-1_"
        );
        let zoned = BTreeMap::from([(ZONE_LABEL.to_string(), "default".to_string())]);
        assert_eq!(
            of(by_name("ZoneEgress").unwrap(), "", "ze-1", &zoned).unwrap(),
            "kri_ze__default__ze-1_"
        );
        assert_eq!(
            of(by_name("Dataplane").unwrap(), "default", "sample", &none).unwrap(),
            "kri_dp_default___sample_"
        );
        assert!(of(by_name("Secret").unwrap(), "default", "s", &none).is_none());
    }
}
