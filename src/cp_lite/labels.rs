//! Labels on writes: the checks of `validateLabels` and `validateOriginForWrite`
//! (Go: pkg/api-server/resource_endpoints.go), the labels the control plane computes
//! (pkg/core/resources/labels/compute.go), and the immutable ones (the update path of
//! `createOrUpdateResource` in resource_endpoints.go).

use super::options::{Mode, ServerOptions};
use crate::resources::Violation;
use crate::resources::descriptor::{ProvidedBy, ResourceType, Scope};
use crate::resources::kri::{DISPLAY_NAME_LABEL, ZONE_LABEL};
use crate::resources::spec::k8s::{label_value_errors, qualified_name_errors};
use std::collections::BTreeMap;

pub const ORIGIN_LABEL: &str = "kuma.io/origin";
pub const ENV_LABEL: &str = "kuma.io/env";
pub const MESH_LABEL: &str = "kuma.io/mesh";
pub const PROXY_TYPE_LABEL: &str = "kuma.io/proxy-type";

pub const ORIGIN_ZONE: &str = "zone";
pub const ORIGIN_GLOBAL: &str = "global";
/// kuma-cp-lite only runs on Universal.
pub const ENV_UNIVERSAL: &str = "universal";

/// Labels a client may not change once set.
pub const IMMUTABLE_LABELS: [&str; 3] = [ORIGIN_LABEL, ZONE_LABEL, DISPLAY_NAME_LABEL];

pub type Labels = BTreeMap<String, String>;

fn field(key: &str) -> String {
    format!("labels[{key:?}]")
}

/// The label checks of a PUT, in order: the origin, the zone, the mesh (`mesh` is the
/// body's), then key and value syntax (Kubernetes rules). (inferred) Keys are checked in
/// sorted order (Go iterates the map randomly).
pub fn validate(labels: &Labels, mesh: &str, options: &ServerOptions) -> Vec<Violation> {
    let mut violations = Vec::new();
    let origin = labels.get(ORIGIN_LABEL).map(String::as_str);
    if let Some(origin) = origin {
        if origin != ORIGIN_ZONE && origin != ORIGIN_GLOBAL {
            violations.push(Violation::new(
                field(ORIGIN_LABEL),
                format!("unknown resource origin {origin:?}"),
            ));
        } else if options.mode == Mode::Global && origin != ORIGIN_GLOBAL {
            violations.push(Violation::new(
                field(ORIGIN_LABEL),
                "the origin label must be set to 'global'",
            ));
        }
    }
    if options.mode != Mode::Global
        && origin != Some(ORIGIN_GLOBAL)
        && let Some(zone) = labels.get(ZONE_LABEL)
        && zone != &options.zone
    {
        violations.push(Violation::new(
            field(ZONE_LABEL),
            format!("{ZONE_LABEL} label should have {} value", options.zone),
        ));
    }
    // Global-scoped types too: their body mesh is empty.
    if options.mode != Mode::Global
        && origin != Some(ORIGIN_GLOBAL)
        && let Some(label_mesh) = labels.get(MESH_LABEL)
        && label_mesh != mesh
    {
        violations.push(Violation::new(
            field(MESH_LABEL),
            "kuma.io/mesh label must not differ from mesh set on resource",
        ));
    }
    // Syntax last, after the origin, zone and mesh rules (Kuma's `validateLabels`).
    for (key, value) in labels {
        for message in qualified_name_errors(key)
            .into_iter()
            .chain(label_value_errors(value))
        {
            violations.push(Violation::new(field(key), message));
        }
    }
    violations
}

pub const WORKLOAD_LABEL: &str = "kuma.io/workload";

/// The `kuma.io/workload` rule of a Dataplane create (Go: `createResource` in
/// `pkg/api-server/resource_endpoints.go`): a non-empty value must be a DNS-1035 label.
/// The detail of the 400 answer, if it is not.
pub fn workload_label_error(labels: &Labels) -> Option<String> {
    let value = labels.get(WORKLOAD_LABEL).filter(|v| !v.is_empty())?;
    let errors = crate::resources::spec::mesh::dns1035_label_errors(value);
    (!errors.is_empty()).then(|| {
        format!(
            "bad request: {}: must be a valid DNS-1035 label (at most 63 characters, matching regex [a-z]([-a-z0-9]*[a-z0-9])?): {}",
            field(WORKLOAD_LABEL),
            errors.join("; ")
        )
    })
}

/// The labels a Dataplane's spec decides (the proxy type and the zone-proxy listener
/// labels, see [`crate::resources::spec::dataplane::compute_labels`]); other types are left
/// alone.
pub fn compute_from_spec(
    labels: &mut Labels,
    resource_type: &ResourceType,
    spec: &serde_json::Map<String, serde_json::Value>,
) {
    if resource_type.name == "Dataplane" {
        crate::resources::spec::dataplane::compute_labels(labels, spec);
    }
}

/// Adds the labels the control plane computes, keeping values the client set (except
/// the proxy type, which always follows the type).
pub fn compute(
    mut labels: Labels,
    resource_type: &ResourceType,
    mesh: &str,
    options: &ServerOptions,
) -> Labels {
    let provided_by_zone = matches!(
        resource_type.provided_by,
        ProvidedBy::Zone | ProvidedBy::Both
    );
    let origin = labels.get(ORIGIN_LABEL).cloned();
    let mut set_if_absent = |key: &str, value: &str| {
        labels
            .entry(key.to_string())
            .or_insert_with(|| value.to_string());
    };
    if options.mode == Mode::Zone
        && provided_by_zone
        && origin.as_deref().is_none_or(|o| o == ORIGIN_ZONE)
    {
        set_if_absent(ORIGIN_LABEL, ORIGIN_ZONE);
        set_if_absent(ZONE_LABEL, &options.zone);
        set_if_absent(ENV_LABEL, ENV_UNIVERSAL);
    }
    if resource_type.scope == Scope::Mesh {
        set_if_absent(MESH_LABEL, mesh);
    }
    if let Some(proxy_type) = resource_type.proxy_type {
        labels.insert(PROXY_TYPE_LABEL.to_string(), proxy_type.to_string());
    }
    labels
}

/// The immutable-label violations of an update from `old` to `new` labels.
pub fn immutable_violations(old: &Labels, new: &Labels) -> Vec<Violation> {
    let mut violations = Vec::new();
    for key in IMMUTABLE_LABELS {
        match (old.get(key), new.get(key)) {
            (Some(before), Some(after)) if before != after => violations.push(Violation::new(
                field(key),
                format!("is immutable, cannot be changed from {before:?} to {after:?}"),
            )),
            (Some(before), None) => violations.push(Violation::new(
                field(key),
                format!("is immutable, cannot be removed (was {before:?})"),
            )),
            _ => {}
        }
    }
    violations
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::descriptor::by_name;

    fn labels(pairs: &[(&str, &str)]) -> Labels {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn computed_labels_in_zone_mode() {
        let options = ServerOptions::default();
        let ze = by_name("ZoneEgress").unwrap();
        assert_eq!(
            compute(Labels::new(), ze, "", &options),
            labels(&[
                ("kuma.io/env", "universal"),
                ("kuma.io/origin", "zone"),
                ("kuma.io/proxy-type", "zoneegress"),
                ("kuma.io/zone", "default"),
            ])
        );
        assert!(compute(Labels::new(), by_name("Mesh").unwrap(), "", &options).is_empty());
        assert_eq!(
            compute(
                Labels::new(),
                by_name("Secret").unwrap(),
                "default",
                &options
            ),
            labels(&[
                ("kuma.io/env", "universal"),
                ("kuma.io/mesh", "default"),
                ("kuma.io/origin", "zone"),
                ("kuma.io/zone", "default"),
            ])
        );
        let global = ServerOptions {
            mode: Mode::Global,
            ..ServerOptions::default()
        };
        assert_eq!(
            compute(
                labels(&[("team", "a")]),
                by_name("GlobalSecret").unwrap(),
                "",
                &global
            ),
            labels(&[("team", "a")])
        );
    }

    #[test]
    fn label_rules() {
        let options = ServerOptions::default();
        assert!(validate(&labels(&[("kuma.io/zone", "default")]), "", &options).is_empty());
        assert_eq!(
            validate(&labels(&[("kuma.io/zone", "other")]), "", &options),
            vec![Violation::new(
                "labels[\"kuma.io/zone\"]",
                "kuma.io/zone label should have default value"
            )]
        );
        assert_eq!(
            validate(&labels(&[("kuma.io/origin", "x")]), "", &options),
            vec![Violation::new(
                "labels[\"kuma.io/origin\"]",
                "unknown resource origin \"x\""
            )]
        );
        assert_eq!(
            validate(&labels(&[("kuma.io/mesh", "m2")]), "m1", &options),
            vec![Violation::new(
                "labels[\"kuma.io/mesh\"]",
                "kuma.io/mesh label must not differ from mesh set on resource"
            )]
        );
        assert_eq!(
            validate(&labels(&[("bad key!", "v")]), "", &options).len(),
            1
        );
    }

    #[test]
    fn immutable_labels() {
        let old = labels(&[("kuma.io/zone", "a"), ("kuma.io/origin", "zone")]);
        let new = labels(&[("kuma.io/zone", "b")]);
        assert_eq!(
            immutable_violations(&old, &new),
            vec![
                Violation::new(
                    "labels[\"kuma.io/origin\"]",
                    "is immutable, cannot be removed (was \"zone\")"
                ),
                Violation::new(
                    "labels[\"kuma.io/zone\"]",
                    "is immutable, cannot be changed from \"a\" to \"b\""
                ),
            ]
        );
    }
}
