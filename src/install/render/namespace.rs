//! The Namespace document kumactl adds to the chart's output (Go:
//! `app/kumactl/cmd/install/render_helm_files.go`).

use super::Context;
use crate::install::manifest::Object;
use k8s_openapi::api::core::v1::Namespace;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use std::collections::BTreeMap;

pub fn render(ctx: &Context) -> anyhow::Result<Object> {
    Object::typed(&Namespace {
        metadata: ObjectMeta {
            name: Some(ctx.namespace.clone()),
            // The control plane's own namespace never gets sidecars.
            labels: Some(BTreeMap::from([(
                "kuma.io/sidecar-injection".to_string(),
                "false".to_string(),
            )])),
            ..ObjectMeta::default()
        },
        ..Namespace::default()
    })
}
