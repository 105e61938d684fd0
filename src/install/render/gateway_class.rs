//! The `kuma` GatewayClass, rendered when the cluster serves Gateway API's GatewayClass
//! (`--api-versions`), in zone mode and the kubernetes environment (chart:
//! `deployments/charts/kuma/templates/gateway-class.yaml`).

use super::Context;
use crate::install::manifest::Object;
use serde::Serialize;
use serde_json::json;

const GATEWAY_API_V1: &str = "gateway.networking.k8s.io/v1";
const GATEWAY_API_V1BETA1: &str = "gateway.networking.k8s.io/v1beta1";

/// Gateway API types are not in k8s-openapi; this is the part of GatewayClass we write.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GatewayClass {
    api_version: &'static str,
    kind: &'static str,
    metadata: Metadata,
    spec: Spec,
}

#[derive(Serialize)]
struct Metadata {
    name: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Spec {
    controller_name: &'static str,
}

pub fn render(ctx: &Context) -> anyhow::Result<Option<Object>> {
    if !ctx.is_zone() || !ctx.is_kubernetes() {
        return Ok(None);
    }
    let api_version = if ctx.has_api(&format!("{GATEWAY_API_V1}/GatewayClass")) {
        GATEWAY_API_V1
    } else if ctx.has_api(&format!("{GATEWAY_API_V1BETA1}/GatewayClass")) {
        GATEWAY_API_V1BETA1
    } else {
        return Ok(None);
    };
    let class = GatewayClass {
        api_version,
        kind: "GatewayClass",
        metadata: Metadata { name: "kuma" },
        spec: Spec {
            controller_name: "gateways.kuma.io/controller",
        },
    };
    Ok(Some(Object::json(class.kind, json!(class))))
}
