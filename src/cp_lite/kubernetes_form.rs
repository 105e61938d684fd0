//! `?format=k8s|kubernetes` on single-resource GETs: a Universal resource in the form
//! Kuma's Kubernetes store would hold it, as a Universal-store control plane infers it
//! (Kuma: `pkg/api-server/resource_endpoints.go` `formatResource`,
//! `pkg/plugins/resources/k8s/mapper.go`, `pkg/plugins/secrets/k8s/mapper.go`,
//! `pkg/plugins/common/k8s/names.go`).

use crate::install::crds;
use crate::resources::descriptor::BodyFamily;
use crate::resources::{Resource, schemas};
use base64::Engine;
use serde_json::{Map, Value};

/// Kuma's `store.kubernetes.systemNamespace` default; kuma-cp-lite has no setting for it.
pub const SYSTEM_NAMESPACE: &str = "kuma-system";

const MESH_LABEL: &str = "kuma.io/mesh";

/// The Kubernetes object of `resource`; `namespace` (the `namespace` query parameter)
/// replaces the system namespace of namespace-scoped kinds.
pub fn kubernetes_form(resource: &Resource, namespace: Option<&str>) -> Value {
    let namespace = namespace
        .filter(|n| !n.is_empty())
        .unwrap_or(SYSTEM_NAMESPACE);
    let t = resource.resource_type();
    match t.name {
        "Secret" => secret(resource, namespace, "system.kuma.io/secret", true),
        "GlobalSecret" => secret(resource, namespace, "system.kuma.io/global-secret", false),
        _ => custom_resource(resource, namespace),
    }
}

/// `metadata` with the name, the namespace (when given), the creation time and the labels.
fn metadata(resource: &Resource, namespace: Option<&str>, labels: Option<Value>) -> Value {
    let mut metadata = Map::new();
    metadata.insert("name".into(), resource.meta.name.clone().into());
    if let Some(namespace) = namespace {
        metadata.insert("namespace".into(), namespace.into());
    }
    metadata.insert(
        "creationTimestamp".into(),
        creation_timestamp(resource.meta.creation_time),
    );
    if let Some(labels) = labels {
        metadata.insert("labels".into(), labels);
    }
    Value::Object(metadata)
}

/// `metav1.Time`: UTC at second precision, `null` for Go's zero time.
fn creation_timestamp(time: chrono::DateTime<chrono::Utc>) -> Value {
    if time == crate::resources::time::zero() {
        Value::Null
    } else {
        time.format("%Y-%m-%dT%H:%M:%SZ").to_string().into()
    }
}

fn mesh_label(mesh: &str) -> Value {
    let mut labels = Map::new();
    labels.insert(MESH_LABEL.into(), mesh.into());
    Value::Object(labels)
}

/// A `v1` Secret whose `data.value` holds the secret's bytes.
fn secret(resource: &Resource, namespace: &str, type_: &str, in_mesh: bool) -> Value {
    // The Universal `data` is already base64; bad input from the store would be Kuma's
    // own decoding failure, so it is re-encoded only after a successful decode.
    let data = resource
        .spec
        .get("data")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let encoded = base64::engine::general_purpose::STANDARD
        .decode(data)
        .map(|bytes| base64::engine::general_purpose::STANDARD.encode(bytes))
        .unwrap_or_else(|_| data.to_string());
    let labels = in_mesh.then(|| mesh_label(&resource.meta.mesh));
    let mut out = Map::new();
    out.insert("apiVersion".into(), "v1".into());
    out.insert("kind".into(), "Secret".into());
    out.insert(
        "metadata".into(),
        metadata(resource, Some(namespace), labels),
    );
    let mut data_map = Map::new();
    data_map.insert("value".into(), encoded.into());
    out.insert("data".into(), Value::Object(data_map));
    out.insert("type".into(), type_.into());
    Value::Object(out)
}

/// A `kuma.io/v1alpha1` object of the resource's kind.
fn custom_resource(resource: &Resource, namespace: &str) -> Value {
    let t = resource.resource_type();
    let shape = crds::shape(t.name).unwrap_or(crds::Shape {
        namespaced: false,
        mesh_at_root: t.family == BodyFamily::Legacy,
        data_in_status: false,
    });
    let mesh = &resource.meta.mesh;
    // Plugin kinds carry their mesh as a label; legacy kinds at the root.
    let labels = (!shape.mesh_at_root && !mesh.is_empty()).then(|| mesh_label(mesh));
    let mut out = Map::new();
    out.insert("apiVersion".into(), "kuma.io/v1alpha1".into());
    out.insert("kind".into(), t.name.into());
    out.insert(
        "metadata".into(),
        metadata(resource, shape.namespaced.then_some(namespace), labels),
    );
    if shape.mesh_at_root && !mesh.is_empty() {
        out.insert("mesh".into(), mesh.clone().into());
    }
    match t.family {
        BodyFamily::Legacy => {
            let key = if shape.data_in_status {
                "status"
            } else {
                "spec"
            };
            out.insert(key.into(), Value::Object(resource.spec.clone()));
        }
        BodyFamily::SpecObject => {
            let spec = resource
                .spec
                .get("spec")
                .cloned()
                .unwrap_or_else(|| Value::Object(Map::new()));
            out.insert("spec".into(), spec);
            let has_status = schemas::of_type(t.name).is_some_and(|s| s.contains_key("status"));
            if has_status && let Some(status) = resource.spec.get("status") {
                out.insert("status".into(), status.clone());
            }
        }
    }
    Value::Object(out)
}
