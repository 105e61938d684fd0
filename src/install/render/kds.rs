//! The KDS Secrets the chart renders from PEM text in the values
//! (`deployments/charts/kuma/templates/cp-kds-global-server-secret.yaml`,
//! `cp-kds-zone-client-tls-secret.yaml`):
//! in global mode the global server's, in zone mode the zone client's, each when its
//! `controlPlane.tls.kds*.create` is set, named after its `secretName` when that is set
//! (else `kuma-kds-global-server-tls` / `kuma-kds-zone-client-tls`).

use super::Context;
use super::control_plane::{KDS_GLOBAL_SERVER_SECRET, KDS_ZONE_CLIENT_SECRET};
use crate::install::manifest::Object;
use k8s_openapi::api::core::v1::Secret;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use std::collections::BTreeMap;

/// As in Go's output these Secrets carry no namespace: `kubectl apply` puts them in the
/// namespace of the current context, so apply with `-n <namespace>` or set one there.
fn secret(
    ctx: &Context,
    name: &str,
    type_: Option<&str>,
    data: &[(&str, String)],
) -> anyhow::Result<Object> {
    Object::typed(&Secret {
        metadata: ObjectMeta {
            name: Some(name.to_string()),
            labels: Some(ctx.cp_labels()?),
            ..ObjectMeta::default()
        },
        type_: type_.map(str::to_string),
        string_data: Some(
            data.iter()
                .map(|(key, value)| (key.to_string(), value.clone()))
                .collect::<BTreeMap<_, _>>(),
        ),
        ..Secret::default()
    })
}

/// `<path>.secretName`, else the chart's name.
fn name(ctx: &Context, path: &str, default: &str) -> String {
    match ctx.values.text(&format!("{path}.secretName")) {
        name if name.is_empty() => default.to_string(),
        name => name,
    }
}

pub fn render(ctx: &Context) -> anyhow::Result<Vec<Object>> {
    let values = ctx.values;
    let mut objects = Vec::new();
    let global = "controlPlane.tls.kdsGlobalServer";
    if ctx.is_global() && values.truthy(&format!("{global}.create")) {
        objects.push(secret(
            ctx,
            &name(ctx, global, KDS_GLOBAL_SERVER_SECRET),
            Some("kubernetes.io/tls"),
            &[
                ("tls.crt", values.text(&format!("{global}.cert"))),
                ("tls.key", values.text(&format!("{global}.key"))),
            ],
        )?);
    }
    let zone = "controlPlane.tls.kdsZoneClient";
    if ctx.is_zone() && values.truthy(&format!("{zone}.create")) {
        objects.push(secret(
            ctx,
            &name(ctx, zone, KDS_ZONE_CLIENT_SECRET),
            None,
            &[("ca.crt", values.text(&format!("{zone}.cert")))],
        )?);
    }
    Ok(objects)
}
