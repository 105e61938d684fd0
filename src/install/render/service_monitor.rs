//! `controlPlane.serviceMonitor`: a Prometheus Operator ServiceMonitor scraping the
//! diagnostics port (5680, where kuma-cp serves `/metrics`) of the control plane
//! Service. Kuma's chart renders it in
//! deployments/charts/kuma/templates/cp-servicemonitor.yaml; the spec here is close to that
//! template's, not identical. The type is not in k8s-openapi: these are the fields we write.

use super::{CONTROL_PLANE_NAME, Context, app_selector, non_empty};
use crate::install::manifest::Object;
use serde_json::json;

pub fn render(ctx: &Context) -> anyhow::Result<Option<Object>> {
    let values = ctx.values;
    if !values.truthy("controlPlane.serviceMonitor.enabled") {
        return Ok(None);
    }
    let mut metadata = json!({
        "name": CONTROL_PLANE_NAME,
        "namespace": ctx.namespace,
        "labels": ctx.cp_labels()?,
    });
    if let Some(annotations) =
        non_empty(values.string_map("controlPlane.serviceMonitor.annotations")?)
    {
        metadata["annotations"] = json!(annotations);
    }
    Ok(Some(Object::json(
        "ServiceMonitor",
        json!({
            "apiVersion": "monitoring.coreos.com/v1",
            "kind": "ServiceMonitor",
            "metadata": metadata,
            "spec": {
                "namespaceSelector": {"matchNames": [ctx.namespace]},
                "selector": {"matchLabels": app_selector(CONTROL_PLANE_NAME)},
                "endpoints": [{"port": "diagnostics"}],
            },
        }),
    )))
}
