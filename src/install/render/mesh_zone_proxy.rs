//! Zone proxies scoped to one mesh (`meshes[].ingress|egress.enabled`, zone mode): a
//! ServiceAccount, a Service and a Deployment `kuma-<mesh>-<role>` per enabled role (chart:
//! `deployments/charts/kuma/templates/mesh-zoneproxy-{rbac,service,deployment}.yaml` and
//! `_mesh-helpers.tpl`). Beyond the objects and their checks, this is our reading of the
//! chart: the pods run the `zoneProxyImage` placeholder and carry the labels the
//! `mesh-zoneproxy-kuma-injector.kuma.io` webhook selects
//! (`kuma.io/sidecar-injection: enabled`, `kuma.io/mesh`, `k8s.kuma.io/zone-proxy-type`),
//! so the control plane injects the zone proxy itself. Settings come from
//! `meshZoneProxyDefaults.<role>`, overridden by the mesh's own `<role>` section.

use super::control_plane::non_empty_text;
use super::zone_proxy::image_pull_secrets;
use super::{Context, non_empty, selector_labels};
use crate::install::manifest::Object;
use crate::install::values::{Values, go_text, merge_maps};
use k8s_openapi::api::apps::v1::{Deployment, DeploymentSpec};
use k8s_openapi::api::core::v1::{
    Container, PodSpec, PodTemplateSpec, Service, ServiceAccount, ServicePort, ServiceSpec,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The roles in the order they are rendered for each mesh.
const ROLES: [&str; 2] = ["ingress", "egress"];

/// The enabled roles of a `meshes[]` entry.
pub fn enabled_roles(mesh: &Value) -> Vec<&'static str> {
    ROLES
        .into_iter()
        .filter(|role| {
            mesh.get(role)
                .and_then(|section| section.get("enabled"))
                .is_some_and(crate::install::values::is_truthy)
        })
        .collect()
}

/// The settings of one role of one mesh: `meshZoneProxyDefaults.<role>` with the
/// mesh's own `<role>` section merged over it.
fn settings(values: &Values, mesh: &Value, role: &str) -> Values {
    let mut merged = match values.get(&format!("meshZoneProxyDefaults.{role}")) {
        Some(Value::Object(defaults)) => defaults.clone(),
        _ => Map::new(),
    };
    if let Some(Value::Object(own)) = mesh.get(role) {
        merge_maps(&mut merged, own.clone());
    }
    Values::new(merged)
}

fn mesh_name(mesh: &Value) -> String {
    mesh.get("name").map(go_text).unwrap_or_default()
}

/// `kuma-<mesh>-<role>`: the Deployment and ServiceAccount, and the default Service.
fn object_name(mesh: &str, role: &str) -> String {
    format!("kuma-{mesh}-{role}")
}

/// The Service name: `<role>.service.name`, else `kuma-<mesh>-<role>`.
pub fn service_name(values: &Values, mesh: &str, entry: &Value, role: &str) -> String {
    match settings(values, entry, role).text("service.name") {
        name if name.is_empty() => object_name(mesh, role),
        name => name,
    }
}

/// The container image: `<role>.image` fields over `zoneProxyImage`; `None` when the
/// registry, repository or tag ends up empty.
pub fn image(values: &Values, mesh: &Value, role: &str) -> Option<String> {
    let own = mesh.get(role).and_then(|section| section.get("image"));
    let field = |name: &str| {
        own.and_then(|image| image.get(name))
            .filter(|v| !v.is_null())
            .map(go_text)
            .unwrap_or_else(|| values.text(&format!("zoneProxyImage.{name}")))
    };
    let (registry, repository, tag) = (field("registry"), field("repository"), field("tag"));
    (!registry.is_empty() && !repository.is_empty() && !tag.is_empty())
        .then(|| format!("{registry}/{repository}:{tag}"))
}

/// The labels of every object of a mesh zone proxy, also its pod selector.
fn labels(mesh: &str, role: &str) -> BTreeMap<String, String> {
    let mut labels = selector_labels();
    labels.insert("kuma.io/mesh".to_string(), mesh.to_string());
    labels.insert("k8s.kuma.io/zone-proxy-type".to_string(), role.to_string());
    labels
}

fn meta(ctx: &Context, name: String, mesh: &str, role: &str) -> ObjectMeta {
    ObjectMeta {
        name: Some(name),
        namespace: Some(ctx.namespace.clone()),
        labels: Some(labels(mesh, role)),
        ..ObjectMeta::default()
    }
}

/// The zone proxy's listener port, the Service's target: as the zone-wide proxies.
fn proxy_port(role: &str) -> i32 {
    if role == "ingress" { 10001 } else { 10002 }
}

fn deployment(ctx: &Context, entry: &Value, mesh: &str, role: &str) -> anyhow::Result<Object> {
    let settings = settings(ctx.values, entry, role);
    let name = object_name(mesh, role);
    let mut pod_labels = labels(mesh, role);
    pod_labels.insert(
        "kuma.io/sidecar-injection".to_string(),
        "enabled".to_string(),
    );
    let mut node_selector = settings.string_map("nodeSelector")?;
    node_selector.retain(|_, v| !v.is_empty());
    let container = Container {
        name: role.to_string(),
        // Validated before rendering.
        image: image(ctx.values, entry, role),
        ..Container::default()
    };
    Object::typed(&Deployment {
        metadata: meta(ctx, name.clone(), mesh, role),
        spec: Some(DeploymentSpec {
            replicas: settings.int("replicas")?,
            selector: LabelSelector {
                match_labels: Some(labels(mesh, role)),
                match_expressions: None,
            },
            template: PodTemplateSpec {
                metadata: Some(ObjectMeta {
                    labels: Some(pod_labels),
                    annotations: non_empty(settings.string_map("podAnnotations")?),
                    ..ObjectMeta::default()
                }),
                spec: Some(PodSpec {
                    service_account_name: Some(name),
                    node_selector: non_empty(node_selector),
                    tolerations: settings.typed("tolerations")?,
                    containers: vec![container],
                    ..PodSpec::default()
                }),
            },
            ..DeploymentSpec::default()
        }),
        status: None,
    })
}

fn service_account(ctx: &Context, mesh: &str, role: &str) -> anyhow::Result<Object> {
    Object::typed(&ServiceAccount {
        metadata: meta(ctx, object_name(mesh, role), mesh, role),
        image_pull_secrets: image_pull_secrets(ctx)?,
        ..ServiceAccount::default()
    })
}

fn service(ctx: &Context, entry: &Value, mesh: &str, role: &str) -> anyhow::Result<Object> {
    let settings = settings(ctx.values, entry, role);
    let mut metadata = meta(ctx, service_name(ctx.values, mesh, entry, role), mesh, role);
    metadata.annotations = non_empty(settings.string_map("service.annotations")?);
    Object::typed(&Service {
        metadata,
        spec: Some(ServiceSpec {
            type_: non_empty_text(settings.text("service.type")),
            ports: Some(vec![ServicePort {
                port: settings.int("service.port")?.unwrap_or(proxy_port(role)),
                protocol: Some("TCP".to_string()),
                target_port: Some(IntOrString::Int(proxy_port(role))),
                ..ServicePort::default()
            }]),
            selector: Some(labels(mesh, role)),
            ..ServiceSpec::default()
        }),
        status: None,
    })
}

/// Every Deployment, then every ServiceAccount, then every Service (the chart's file
/// order), each in `meshes[]` order, ingress before egress.
pub fn render(ctx: &Context) -> anyhow::Result<Vec<Object>> {
    let meshes: Vec<(&Value, String, &'static str)> = match ctx.values.get("meshes") {
        Some(Value::Array(meshes)) => meshes
            .iter()
            .flat_map(|entry| {
                let name = mesh_name(entry);
                enabled_roles(entry)
                    .into_iter()
                    .map(move |role| (entry, name.clone(), role))
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut objects = Vec::new();
    for (entry, mesh, role) in &meshes {
        objects.push(deployment(ctx, entry, mesh, role)?);
    }
    for (_, mesh, role) in &meshes {
        objects.push(service_account(ctx, mesh, role)?);
    }
    for (entry, mesh, role) in &meshes {
        objects.push(service(ctx, entry, mesh, role)?);
    }
    Ok(objects)
}
