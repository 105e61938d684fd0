//! `controlPlane.serviceMonitor`: a Prometheus Operator ServiceMonitor scraping the
//! diagnostics port (5680, where kuma-cp serves `/metrics`) of the control plane
//! Service, rendered when the cluster serves `monitoring.coreos.com/v1/ServiceMonitor`
//! (Kuma's chart: deployments/charts/kuma/templates/cp-servicemonitor.yaml). The type is
//! not in k8s-openapi: these are the fields we write.

use super::Context;
use crate::install::manifest::Object;
use crate::install::values::{go_text, is_truthy};
use serde_json::{Map, Value, json};

const API: &str = "monitoring.coreos.com/v1/ServiceMonitor";

pub fn render(ctx: &Context) -> anyhow::Result<Option<Object>> {
    let values = ctx.values;
    if !values.truthy("controlPlane.serviceMonitor.enabled") || !ctx.has_api(API) {
        return Ok(None);
    }
    let labels = ctx.cp_labels()?;
    // Only the annotations with a truthy value, as text.
    let annotations: Map<String, Value> = values
        .get("controlPlane.serviceMonitor.annotations")
        .and_then(Value::as_object)
        .map(|map| {
            map.iter()
                .filter(|(_, v)| is_truthy(v))
                .map(|(k, v)| (k.clone(), Value::String(go_text(v))))
                .collect()
        })
        .unwrap_or_default();
    let mut metadata = json!({
        "name": ctx.service_name,
        "namespace": ctx.namespace,
        "labels": labels,
    });
    if !annotations.is_empty() {
        metadata["annotations"] = Value::Object(annotations);
    }
    Ok(Some(Object::json(
        "ServiceMonitor",
        json!({
            "apiVersion": "monitoring.coreos.com/v1",
            "kind": "ServiceMonitor",
            "metadata": metadata,
            "spec": {
                "endpoints": [{"scheme": "http", "targetPort": "diagnostics"}],
                "jobLabel": "kuma",
                "namespaceSelector": {"matchNames": [ctx.namespace]},
                "selector": {"matchLabels": labels},
            },
        }),
    )))
}
