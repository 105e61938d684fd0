//! The `snis` of MeshService, MeshMultiZoneService and MeshExternalService (Go:
//! `computeSNIs` in `pkg/core/resources/model/rest/v1alpha1/resource.go`,
//! `pkg/core/resources/sni/sni.go`): one entry per port, sorted by port,
//! `sni.<short>.<mesh>[.<zone>[.<namespace>]].<display name>.<section>`. They follow from
//! the resource alone, so they are computed whenever it is written out, never read from
//! a request.

use super::common::{field, list, text};
use super::warnings::{display_name, label_errors};
use crate::resources::Resource;
use serde_json::{Value, json};

/// (port, section name) of each port, sorted by port.
pub fn sections(type_name: &str, spec: &Value) -> Vec<(u64, String)> {
    let mut out: Vec<(u64, String)> = match type_name {
        "MeshService" | "MeshMultiZoneService" => list(spec, "ports")
            .iter()
            .filter_map(|p| {
                let port = p.get("port")?.as_u64()?;
                let name = text(p, "name");
                let section = if name.is_empty() {
                    port.to_string()
                } else {
                    name.to_string()
                };
                Some((port, section))
            })
            .collect(),
        "MeshExternalService" => field(spec, "match")
            .and_then(|m| m.get("port")?.as_u64())
            .map(|port| vec![(port, port.to_string())])
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    out.sort_by_key(|(port, _)| *port);
    out
}

fn parts(resource: &Resource) -> (Option<&str>, Option<&str>) {
    let labels = &resource.meta.labels;
    let zone = labels.get("kuma.io/zone").map(String::as_str);
    let namespace = zone.and(labels.get("k8s.kuma.io/namespace").map(String::as_str));
    (zone, namespace)
}

fn sni(resource: &Resource, short: &str, section: &str) -> String {
    let (zone, namespace) = parts(resource);
    let mut out = format!("sni.{short}.{}", resource.meta.mesh);
    for part in [zone, namespace].into_iter().flatten() {
        out.push('.');
        out.push_str(part);
    }
    format!("{out}.{}.{section}", display_name(resource))
}

/// The `snis` value of a resource, `None` for other types or without ports.
pub fn compute(resource: &Resource) -> Option<Value> {
    let t = resource.meta.resource_type;
    let short = t.short_name?;
    let spec = resource.spec.get("spec")?;
    let entries: Vec<Value> = sections(t.name, spec)
        .into_iter()
        .map(|(port, section)| json!({"port": port, "sni": sni(resource, short, &section)}))
        .collect();
    (!entries.is_empty()).then_some(Value::Array(entries))
}

/// Kuma's SNI check of one port, for the deprecation warning.
pub fn check(resource: &Resource, section: &str) -> Result<(), String> {
    let name = display_name(resource);
    let mesh = resource.meta.mesh.as_str();
    if mesh.is_empty() || name.is_empty() || section.is_empty() {
        return Err("mesh, name and sectionName must be non-empty".to_string());
    }
    let (zone, namespace) = parts(resource);
    let named = [
        ("mesh", Some(mesh)),
        ("name", Some(name)),
        ("zone", zone),
        ("namespace", namespace),
    ];
    for (what, value) in named {
        if let Some(value) = value
            && let Some(errors) = label_errors(value)
        {
            return Err(format!(
                "{what} {} does not conform to RFC 1123: {errors}",
                crate::resources::spec::gojson::quote(value)
            ));
        }
    }
    let short = resource.meta.resource_type.short_name.unwrap_or_default();
    let length = sni(resource, short, section).len();
    if length > 253 {
        return Err(format!(
            "computed SNI is {length} characters which exceeds the DNS hostname limit (253)"
        ));
    }
    Ok(())
}
