//! cert-manager objects (`controlPlane.tls.general.certManager.enabled`, chart:
//! `deployments/charts/kuma/templates/cp-certs-cert-manager.yaml`): a CA Certificate
//! whose Secret is `kuma-tls-cert`, and the self-signed Issuer that signs it unless
//! `issuerRef.name` names another issuer. cert-manager's types are not in k8s-openapi:
//! these are the fields we write.

use super::{Context, GENERATED_TLS_SECRET};
use crate::install::manifest::Object;
use crate::install::values::go_text;
use serde_json::{Map, Value, json};

const API_VERSION: &str = "cert-manager.io/v1";
const SELF_SIGNED_ISSUER: &str = "kuma-selfsigned-issuer";
const DNS_NAMES: &str = "controlPlane.tls.general.certManager.dnsNames";

/// The Certificate, then the self-signed Issuer unless `issuerRef.name` is given; only
/// in the kubernetes environment. Each DNS name goes through Helm's `tpl`.
pub fn render(ctx: &Context) -> anyhow::Result<Vec<Object>> {
    if !ctx.cert_manager || !ctx.is_kubernetes() {
        return Ok(Vec::new());
    }
    let values = ctx.values;
    let tpl = ctx.tpl();
    let dns_names = values
        .string_list(DNS_NAMES)?
        .iter()
        .map(|name| tpl.render(name, DNS_NAMES))
        .collect::<anyhow::Result<Vec<String>>>()?;
    let mut issuer_ref: Map<String, Value> =
        match values.get("controlPlane.tls.general.certManager.issuerRef") {
            Some(Value::Object(issuer)) => issuer
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), Value::String(go_text(v))))
                .collect(),
            _ => Map::new(),
        };
    let self_signed = issuer_ref
        .get("name")
        .and_then(Value::as_str)
        .is_none_or(str::is_empty);
    if self_signed {
        issuer_ref.insert("name".into(), SELF_SIGNED_ISSUER.into());
    }
    // An empty kind falls back to Issuer, with a custom issuer too.
    if issuer_ref
        .get("kind")
        .and_then(Value::as_str)
        .is_none_or(str::is_empty)
    {
        issuer_ref.insert("kind".into(), "Issuer".into());
    }
    let labels = ctx.cp_labels()?;
    let metadata = |name: &str| json!({"name": name, "namespace": ctx.namespace, "labels": labels});
    let mut objects = vec![Object::json(
        "Certificate",
        json!({
            "apiVersion": API_VERSION,
            "kind": "Certificate",
            "metadata": metadata(GENERATED_TLS_SECRET),
            "spec": {
                "isCA": true,
                "dnsNames": dns_names,
                "issuerRef": issuer_ref,
                "secretName": GENERATED_TLS_SECRET,
            },
        }),
    )];
    if self_signed {
        objects.push(Object::json(
            "Issuer",
            json!({
                "apiVersion": API_VERSION,
                "kind": "Issuer",
                "metadata": metadata(SELF_SIGNED_ISSUER),
                "spec": {"selfSigned": {}},
            }),
        ));
    }
    Ok(objects)
}
