//! Zone proxies scoped to one mesh (`meshes[].ingress|egress.enabled`, zone mode): a
//! ServiceAccount, a Service and a Deployment `kuma-<mesh>-<role>` per enabled role, and
//! a HorizontalPodAutoscaler and a PodDisruptionBudget when asked (chart:
//! `deployments/charts/kuma/templates/mesh-zoneproxy-{rbac,service,deployment,hpa,pdb}.yaml`
//! and `_mesh-helpers.tpl`). The pods run the `zoneProxyImage` placeholder and carry
//! the labels the `mesh-zoneproxy-kuma-injector.kuma.io` webhook selects
//! (`kuma.io/sidecar-injection: enabled`, `kuma.io/mesh`, `k8s.kuma.io/zone-proxy-type`),
//! so the control plane injects the zone proxy itself.
//!
//! Each entry's settings are its own: a user's `meshes` list replaces the chart's, so
//! only the template fallbacks and `meshZoneProxyDefaults.<role>.service` apply.

use super::{Context, non_empty, selector_labels};
use crate::install::manifest::Object;
use crate::install::values::{Values, go_text, is_truthy, typed_value};
use k8s_openapi::api::apps::v1::{
    Deployment, DeploymentSpec, DeploymentStrategy, RollingUpdateDeployment,
};
use k8s_openapi::api::autoscaling::v2::{
    CrossVersionObjectReference, HorizontalPodAutoscaler, HorizontalPodAutoscalerSpec, MetricSpec,
    MetricTarget, ResourceMetricSource,
};
use k8s_openapi::api::core::v1::{
    Capabilities, Container, PodSecurityContext, PodSpec, PodTemplateSpec, SeccompProfile,
    SecurityContext, Service, ServiceAccount, ServicePort, ServiceSpec,
};
use k8s_openapi::api::policy::v1::{PodDisruptionBudget, PodDisruptionBudgetSpec};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The roles in the order they are rendered for each mesh.
const ROLES: [&str; 2] = ["ingress", "egress"];
/// Kubernetes' limit on object names that are DNS labels.
const MAX_NAME: usize = 63;

/// The enabled roles of a `meshes[]` entry.
pub fn enabled_roles(mesh: &Value) -> Vec<&'static str> {
    ROLES
        .into_iter()
        .filter(|role| {
            mesh.get(role)
                .and_then(|section| section.get("enabled"))
                .is_some_and(is_truthy)
        })
        .collect()
}

/// One role of one mesh entry, read the way the templates read it.
struct Proxy<'a> {
    mesh: String,
    role: &'static str,
    /// `kuma-<mesh>-<role>`, as cut by the chart.
    name: String,
    /// `meshes[i].<role>`.
    settings: Values,
    entry: &'a Value,
}

impl<'a> Proxy<'a> {
    fn new(entry: &'a Value, role: &'static str) -> Proxy<'a> {
        let mesh = mesh_name(entry);
        let settings = match entry.get(role) {
            Some(Value::Object(own)) => own.clone(),
            _ => Map::new(),
        };
        Proxy {
            name: object_name(&mesh, role),
            mesh,
            role,
            settings: Values::new(settings),
            entry,
        }
    }

    /// `app`, `kuma.io/mesh` and the chart's selector labels.
    fn labels(&self) -> BTreeMap<String, String> {
        let mut labels = self.selector();
        labels.insert("kuma.io/mesh".to_string(), self.mesh.clone());
        labels
    }

    /// `app` and the chart's selector labels.
    fn selector(&self) -> BTreeMap<String, String> {
        let mut labels = selector_labels();
        labels.insert("app".to_string(), self.name.clone());
        labels
    }

    fn meta(&self, ctx: &Context, name: &str) -> ObjectMeta {
        ObjectMeta {
            name: Some(name.to_string()),
            namespace: Some(ctx.namespace.clone()),
            labels: Some(self.labels()),
            ..ObjectMeta::default()
        }
    }

    /// A setting, when set and not empty (the chart's `default` fallbacks).
    fn get(&self, path: &str) -> Option<&Value> {
        self.settings.get(path).filter(|v| is_truthy(v))
    }

    fn int_or(&self, path: &str, fallback: i32) -> anyhow::Result<i32> {
        match self.get(path) {
            None => Ok(fallback),
            Some(_) => Ok(self
                .settings
                .int(path)
                .map_err(|e| anyhow::anyhow!("{}.{e}", self.field_prefix()))?
                .unwrap_or(fallback)),
        }
    }

    fn text_or(&self, path: &str, fallback: &str) -> String {
        self.get(path)
            .map(go_text)
            .unwrap_or_else(|| fallback.to_string())
    }

    /// A Kubernetes structure from the settings (after `tpl` when `tpl`).
    fn typed<T: serde::de::DeserializeOwned>(
        &self,
        ctx: &Context,
        path: &str,
        tpl: bool,
    ) -> anyhow::Result<Option<T>> {
        let field = format!("{}.{path}", self.field_prefix());
        match self.get(path) {
            None => Ok(None),
            Some(value) if tpl => typed_value(ctx.tpl().render_value(value, &field)?, &field),
            Some(value) => typed_value(value.clone(), &field),
        }
    }

    fn string_map(&self, path: &str) -> anyhow::Result<BTreeMap<String, String>> {
        self.settings
            .string_map(path)
            .map_err(|e| anyhow::anyhow!("{}.{e}", self.field_prefix()))
    }

    fn field_prefix(&self) -> String {
        format!("meshes[{}].{}", self.mesh, self.role)
    }

    fn hpa_enabled(&self) -> bool {
        self.get("hpa.enabled").is_some()
    }
}

fn mesh_name(mesh: &Value) -> String {
    mesh.get("name").map(go_text).unwrap_or_default()
}

/// `kuma-<mesh>-<role>` cut to 63 characters, then one trailing `-` dropped.
fn object_name(mesh: &str, role: &str) -> String {
    let name: String = format!("kuma-{mesh}-{role}")
        .chars()
        .take(MAX_NAME)
        .collect();
    match name.strip_suffix('-') {
        Some(trimmed) => trimmed.to_string(),
        None => name,
    }
}

/// The Service name: `<role>.service.name`, else the object name.
pub fn service_name(mesh: &Value, role: &'static str) -> String {
    let proxy = Proxy::new(mesh, role);
    proxy.text_or("service.name", &proxy.name)
}

/// The container image: each of `<role>.image.{registry,repository,tag}` over
/// `zoneProxyImage`; `None` when one ends up empty.
pub fn image(values: &Values, mesh: &Value, role: &'static str) -> Option<String> {
    let proxy = Proxy::new(mesh, role);
    let field = |name: &str| {
        proxy
            .get(&format!("image.{name}"))
            .map(go_text)
            .unwrap_or_else(|| values.text(&format!("zoneProxyImage.{name}")))
    };
    let (registry, repository, tag) = (field("registry"), field("repository"), field("tag"));
    (!registry.is_empty() && !repository.is_empty() && !tag.is_empty())
        .then(|| format!("{registry}/{repository}:{tag}"))
}

/// `meshZoneProxyDefaults.<role>.service.<field>` as an integer.
fn default_port(ctx: &Context, role: &str, field: &str, fallback: i32) -> anyhow::Result<i32> {
    Ok(ctx
        .values
        .int(&format!("meshZoneProxyDefaults.{role}.service.{field}"))?
        .unwrap_or(fallback))
}

fn service_account(ctx: &Context, proxy: &Proxy) -> anyhow::Result<Object> {
    let mut metadata = proxy.meta(ctx, &proxy.name);
    metadata.annotations = non_empty(proxy.string_map("serviceAccountAnnotations")?);
    Object::typed(&ServiceAccount {
        metadata,
        image_pull_secrets: super::zone_proxy::image_pull_secrets(ctx)?,
        ..ServiceAccount::default()
    })
}

fn service(ctx: &Context, proxy: &Proxy) -> anyhow::Result<Object> {
    let role = proxy.role;
    let fallback_port = if role == "ingress" { 10001 } else { 10002 };
    let mut metadata = proxy.meta(ctx, &service_name(proxy.entry, role));
    let mut labels = proxy.labels();
    labels.insert("k8s.kuma.io/zone-proxy-type".to_string(), role.to_string());
    for (key, value) in proxy.string_map("service.labels")? {
        labels.entry(key).or_insert(value);
    }
    metadata.labels = Some(labels);
    metadata.annotations = non_empty(proxy.string_map("service.annotations")?);
    let default_type = ctx
        .values
        .text(&format!("meshZoneProxyDefaults.{role}.service.type"));
    let mut object = Object::typed_json(&Service {
        metadata,
        spec: Some(ServiceSpec {
            type_: Some(proxy.text_or("service.type", &default_type)),
            ports: Some(vec![ServicePort {
                port: proxy.int_or(
                    "service.port",
                    default_port(ctx, role, "port", fallback_port)?,
                )?,
                protocol: Some("TCP".to_string()),
                target_port: Some(IntOrString::Int(default_port(
                    ctx,
                    role,
                    "targetPort",
                    fallback_port,
                )?)),
                ..ServicePort::default()
            }]),
            selector: Some(proxy.selector()),
            ..ServiceSpec::default()
        }),
        status: None,
    })?;
    // `service.spec` adds fields of its own to the spec; the chart's type, ports and
    // selector stay.
    if let Some(Value::Object(extra)) = proxy.get("service.spec")
        && let Some(Value::Object(spec)) = object.document.get_mut("spec")
    {
        for (key, value) in extra {
            spec.entry(key.clone()).or_insert_with(|| value.clone());
        }
    }
    Ok(object)
}

fn pod_security_context() -> PodSecurityContext {
    PodSecurityContext {
        run_as_user: Some(5678),
        run_as_group: Some(5678),
        seccomp_profile: Some(SeccompProfile {
            type_: "RuntimeDefault".to_string(),
            localhost_profile: None,
        }),
        ..PodSecurityContext::default()
    }
}

fn container_security_context() -> SecurityContext {
    SecurityContext {
        read_only_root_filesystem: Some(true),
        run_as_non_root: Some(true),
        allow_privilege_escalation: Some(false),
        capabilities: Some(Capabilities {
            drop: Some(vec!["ALL".to_string()]),
            add: None,
        }),
        ..SecurityContext::default()
    }
}

fn container_resources() -> k8s_openapi::api::core::v1::ResourceRequirements {
    let quantity = |q: &str| Quantity(q.to_string());
    k8s_openapi::api::core::v1::ResourceRequirements {
        requests: Some(BTreeMap::from([
            ("cpu".to_string(), quantity("10m")),
            ("memory".to_string(), quantity("16Mi")),
        ])),
        limits: Some(BTreeMap::from([("memory".to_string(), quantity("16Mi"))])),
        ..Default::default()
    }
}

fn deployment(ctx: &Context, proxy: &Proxy) -> anyhow::Result<Object> {
    let pod_spec = "deployment.podSpec";
    let ps = |field: &str| format!("{pod_spec}.{field}");
    let mut labels = proxy.labels();
    for (key, value) in proxy.string_map("deployment.labels")? {
        labels.entry(key).or_insert(value);
    }
    let mut pod_labels = proxy.labels();
    pod_labels.insert(
        "kuma.io/sidecar-injection".to_string(),
        "enabled".to_string(),
    );
    pod_labels.insert(
        "k8s.kuma.io/zone-proxy-type".to_string(),
        proxy.role.to_string(),
    );
    let mut node_selector = proxy.string_map(&ps("nodeSelector"))?;
    node_selector.retain(|_, v| !v.is_empty());
    let container = Container {
        name: "pause".to_string(),
        // Validated before rendering.
        image: image(ctx.values, proxy.entry, proxy.role),
        image_pull_policy: Some(proxy.text_or("imagePullPolicy", "IfNotPresent")),
        security_context: Some(
            proxy
                .typed(ctx, &ps("containerSecurityContext"), false)?
                .unwrap_or_else(container_security_context),
        ),
        resources: Some(
            proxy
                .typed(ctx, &ps("containerResources"), false)?
                .unwrap_or_else(container_resources),
        ),
        ..Container::default()
    };
    let mut metadata = proxy.meta(ctx, &proxy.name);
    metadata.labels = Some(labels);
    let mut object = Object::typed_json(&Deployment {
        metadata,
        spec: Some(DeploymentSpec {
            replicas: if proxy.hpa_enabled() {
                None
            } else {
                Some(proxy.int_or("deployment.replicas", 1)?)
            },
            strategy: Some(DeploymentStrategy {
                rolling_update: Some(RollingUpdateDeployment {
                    max_surge: Some(IntOrString::Int(1)),
                    max_unavailable: Some(IntOrString::Int(0)),
                }),
                type_: None,
            }),
            selector: LabelSelector {
                match_labels: Some(proxy.selector()),
                match_expressions: None,
            },
            template: PodTemplateSpec {
                metadata: Some(ObjectMeta {
                    labels: Some(pod_labels),
                    annotations: Some(BTreeMap::from([(
                        "kuma.io/reachable-backends".to_string(),
                        r#"{"refs":[]}"#.to_string(),
                    )])),
                    ..ObjectMeta::default()
                }),
                spec: Some(PodSpec {
                    resources: proxy.typed(ctx, &ps("resources"), false)?,
                    affinity: proxy.typed(ctx, &ps("affinity"), true)?,
                    topology_spread_constraints: proxy.typed(
                        ctx,
                        &ps("topologySpreadConstraints"),
                        true,
                    )?,
                    priority_class_name: proxy.get(&ps("priorityClassName")).map(go_text),
                    security_context: Some(
                        proxy
                            .typed(ctx, &ps("securityContext"), false)?
                            .unwrap_or_else(pod_security_context),
                    ),
                    service_account_name: Some(proxy.name.clone()),
                    // `default true`: an explicit false is empty, so true as well.
                    automount_service_account_token: Some(true),
                    restart_policy: Some(proxy.text_or("restartPolicy", "Always")),
                    node_selector: non_empty(node_selector),
                    tolerations: proxy.typed(ctx, &ps("tolerations"), false)?,
                    termination_grace_period_seconds: Some(i64::from(
                        proxy.int_or("terminationGracePeriodSeconds", 40)?,
                    )),
                    containers: vec![container],
                    ..PodSpec::default()
                }),
            },
            ..DeploymentSpec::default()
        }),
        status: None,
    })?;
    // `deployment.annotations` are written as the values hold them (toYaml).
    if let Some(Value::Object(annotations)) = proxy.get("deployment.annotations") {
        object.document["metadata"]["annotations"] = Value::Object(annotations.clone());
    }
    Ok(object)
}

fn hpa(ctx: &Context, proxy: &Proxy) -> anyhow::Result<Object> {
    let metrics: Vec<MetricSpec> = match proxy.typed(ctx, "hpa.metrics", false)? {
        Some(metrics) => metrics,
        None => vec![MetricSpec {
            type_: "Resource".to_string(),
            resource: Some(ResourceMetricSource {
                name: "cpu".to_string(),
                target: MetricTarget {
                    type_: "Utilization".to_string(),
                    average_utilization: Some(
                        proxy.int_or("hpa.targetCPUUtilizationPercentage", 80)?,
                    ),
                    ..MetricTarget::default()
                },
            }),
            ..MetricSpec::default()
        }],
    };
    Object::typed(&HorizontalPodAutoscaler {
        metadata: proxy.meta(ctx, &proxy.name),
        spec: Some(HorizontalPodAutoscalerSpec {
            scale_target_ref: CrossVersionObjectReference {
                api_version: Some("apps/v1".to_string()),
                kind: "Deployment".to_string(),
                name: proxy.name.clone(),
            },
            min_replicas: Some(proxy.int_or("hpa.minReplicas", 2)?),
            max_replicas: proxy.int_or("hpa.maxReplicas", 5)?,
            metrics: Some(metrics),
            behavior: None,
        }),
        status: None,
    })
}

fn pdb(ctx: &Context, proxy: &Proxy) -> anyhow::Result<Object> {
    let max_unavailable = match proxy.get("pdb.maxUnavailable") {
        Some(Value::String(text)) => IntOrString::String(text.clone()),
        _ => IntOrString::Int(proxy.int_or("pdb.maxUnavailable", 1)?),
    };
    Object::typed(&PodDisruptionBudget {
        metadata: proxy.meta(ctx, &proxy.name),
        spec: Some(PodDisruptionBudgetSpec {
            max_unavailable: Some(max_unavailable),
            selector: Some(LabelSelector {
                match_labels: Some(proxy.selector()),
                match_expressions: None,
            }),
            ..PodDisruptionBudgetSpec::default()
        }),
        status: None,
    })
}

/// In the chart's file order (deployment, hpa, pdb, rbac, service), each in `meshes[]`
/// order, ingress before egress.
pub fn render(ctx: &Context) -> anyhow::Result<Vec<Object>> {
    let proxies: Vec<Proxy> = match ctx.values.get("meshes") {
        Some(Value::Array(meshes)) => meshes
            .iter()
            .flat_map(|entry| {
                enabled_roles(entry)
                    .into_iter()
                    .map(move |role| Proxy::new(entry, role))
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut objects = Vec::new();
    for proxy in &proxies {
        objects.push(deployment(ctx, proxy)?);
    }
    for proxy in proxies.iter().filter(|p| p.hpa_enabled()) {
        objects.push(hpa(ctx, proxy)?);
    }
    for proxy in proxies.iter().filter(|p| p.get("pdb.enabled").is_some()) {
        objects.push(pdb(ctx, proxy)?);
    }
    for proxy in &proxies {
        objects.push(service_account(ctx, proxy)?);
    }
    for proxy in &proxies {
        objects.push(service(ctx, proxy)?);
    }
    Ok(objects)
}

#[cfg(test)]
mod tests {
    use super::object_name;

    #[test]
    fn names_are_cut_like_the_chart() {
        assert_eq!(object_name("default", "egress"), "kuma-default-egress");
        // 63 characters ending in `-`: the dash goes.
        let mesh = "m".repeat(57);
        assert_eq!(object_name(&mesh, "ingress"), format!("kuma-{mesh}"));
        let mesh = "m".repeat(70);
        assert_eq!(object_name(&mesh, "egress").len(), 63);
    }
}
