//! HorizontalPodAutoscaler and PodDisruptionBudget of the control plane and the zone
//! proxies (chart: `deployments/charts/kuma/templates/{cp,egress,ingress}-{hpa,pdb}.yaml`),
//! each guarded by its own `enabled` switch only.

use super::{CONTROL_PLANE_NAME, Context, app_selector, component_labels};
use crate::install::manifest::Object;
use k8s_openapi::api::autoscaling::v2::{
    CrossVersionObjectReference, HorizontalPodAutoscaler, HorizontalPodAutoscalerSpec,
};
use k8s_openapi::api::policy::v1::{PodDisruptionBudget, PodDisruptionBudgetSpec};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde_json::Value;

/// The Deployment a HPA or PDB is about.
pub struct Target {
    /// Values section: `controlPlane`, `egress` or `ingress`.
    key: &'static str,
    /// Deployment name and `app` label.
    name: &'static str,
    metadata: ObjectMeta,
}

impl Target {
    pub fn control_plane(ctx: &Context) -> anyhow::Result<Target> {
        Ok(Target {
            key: "controlPlane",
            name: CONTROL_PLANE_NAME,
            metadata: ctx.cp_meta(CONTROL_PLANE_NAME)?,
        })
    }

    pub fn zone_proxy(
        ctx: &Context,
        key: &'static str,
        name: &'static str,
    ) -> anyhow::Result<Target> {
        Ok(Target {
            key,
            name,
            metadata: ObjectMeta {
                name: Some(name.to_string()),
                namespace: Some(ctx.namespace.clone()),
                labels: Some(component_labels(
                    ctx.values,
                    name,
                    &format!("{key}.extraLabels"),
                )?),
                ..ObjectMeta::default()
            },
        })
    }
}

pub fn hpa(ctx: &Context, target: &Target) -> anyhow::Result<Option<Object>> {
    let values = ctx.values;
    let path = |name: &str| format!("{}.autoscaling.{name}", target.key);
    if !values.truthy(&path("enabled")) {
        return Ok(None);
    }
    let Some(max_replicas) = values.int(&path("maxReplicas"))? else {
        anyhow::bail!(
            "{} must be set when autoscaling is enabled",
            path("maxReplicas")
        );
    };
    Object::typed(&HorizontalPodAutoscaler {
        metadata: target.metadata.clone(),
        spec: Some(HorizontalPodAutoscalerSpec {
            scale_target_ref: CrossVersionObjectReference {
                api_version: Some("apps/v1".to_string()),
                kind: "Deployment".to_string(),
                name: target.name.to_string(),
            },
            min_replicas: values.int(&path("minReplicas"))?,
            max_replicas,
            metrics: values.typed(&path("metrics"))?,
            behavior: values.typed(&path("behavior"))?,
        }),
        status: None,
    })
    .map(Some)
}

pub fn pdb(ctx: &Context, target: &Target) -> anyhow::Result<Option<Object>> {
    let values = ctx.values;
    let path = |name: &str| format!("{}.podDisruptionBudget.{name}", target.key);
    if !values.truthy(&path("enabled")) {
        return Ok(None);
    }
    let max_unavailable = match values.get(&path("maxUnavailable")) {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => Some(IntOrString::String(text.clone())),
        Some(_) => values.int(&path("maxUnavailable"))?.map(IntOrString::Int),
    };
    Object::typed(&PodDisruptionBudget {
        metadata: target.metadata.clone(),
        spec: Some(PodDisruptionBudgetSpec {
            max_unavailable,
            selector: Some(LabelSelector {
                match_labels: Some(app_selector(target.name)),
                ..LabelSelector::default()
            }),
            ..PodDisruptionBudgetSpec::default()
        }),
        status: None,
    })
    .map(Some)
}
