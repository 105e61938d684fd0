//! cert-manager objects (`controlPlane.tls.general.certManager.enabled`, chart:
//! `deployments/charts/kuma/templates/cp-certs-cert-manager.yaml`): a CA Certificate
//! whose Secret is `kuma-tls-cert`, and the self-signed Issuer that signs it unless
//! `issuerRef.name` names another issuer. cert-manager's types are not in k8s-openapi:
//! these are the fields we write.

use super::{Context, GENERATED_TLS_SECRET, RELEASE_NAME};
use crate::install::manifest::Object;
use crate::install::values::go_text;
use anyhow::bail;
use serde_json::{Map, Value, json};

const API_VERSION: &str = "cert-manager.io/v1";
const SELF_SIGNED_ISSUER: &str = "kuma-selfsigned-issuer";

pub fn render(ctx: &Context) -> anyhow::Result<Vec<Object>> {
    if !ctx.cert_manager {
        return Ok(Vec::new());
    }
    let values = ctx.values;
    let dns_names = values
        .string_list("controlPlane.tls.general.certManager.dnsNames")?
        .iter()
        .map(|name| expand(name, &ctx.namespace))
        .collect::<anyhow::Result<Vec<String>>>()?;
    let custom_issuer: Map<String, Value> =
        match values.get("controlPlane.tls.general.certManager.issuerRef") {
            Some(Value::Object(issuer)) => issuer
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), Value::String(go_text(v))))
                .collect(),
            _ => Map::new(),
        };
    let self_signed = custom_issuer
        .get("name")
        .and_then(Value::as_str)
        .is_none_or(str::is_empty);
    let issuer_ref = if self_signed {
        json!({"kind": "Issuer", "name": SELF_SIGNED_ISSUER})
    } else {
        Value::Object(custom_issuer)
    };
    let mut objects = vec![Object::json(
        "Certificate",
        json!({
            "apiVersion": API_VERSION,
            "kind": "Certificate",
            "metadata": {"name": GENERATED_TLS_SECRET, "namespace": ctx.namespace},
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
                "metadata": {"name": SELF_SIGNED_ISSUER, "namespace": ctx.namespace},
                "spec": {"selfSigned": {}},
            }),
        ));
    }
    Ok(objects)
}

/// The chart passes each DNS name through Helm's `tpl`; the release's namespace and
/// name are what such names use, and all this renderer knows.
fn expand(text: &str, namespace: &str) -> anyhow::Result<String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(end) = rest[start..].find("}}") else {
            bail!("controlPlane.tls.general.certManager.dnsNames: unclosed {{{{ in {text:?}");
        };
        out.push_str(&rest[..start]);
        let inner = &rest[start + 2..start + end];
        // `{{-` and `-}}` trim the surrounding whitespace, as in Go templates.
        if inner.starts_with('-') {
            out.truncate(out.trim_end().len());
        }
        let trim_after = inner.ends_with('-');
        let expression = inner.trim_start_matches('-').trim_end_matches('-').trim();
        match expression {
            ".Release.Namespace" => out.push_str(namespace),
            ".Release.Name" => out.push_str(RELEASE_NAME),
            other => bail!(
                "controlPlane.tls.general.certManager.dnsNames: only {{{{ .Release.Namespace }}}} and {{{{ .Release.Name }}}} can be used, got {{{{ {other} }}}}"
            ),
        }
        rest = &rest[start + end + 2..];
        if trim_after {
            rest = rest.trim_start();
        }
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::expand;

    #[test]
    fn expands_the_release_fields() {
        assert_eq!(
            expand("kuma-control-plane.{{ .Release.Namespace }}.svc", "ns").unwrap(),
            "kuma-control-plane.ns.svc"
        );
        assert_eq!(
            expand("{{.Release.Name}} - {{- .Release.Namespace -}} .x", "ns").unwrap(),
            "kuma -ns.x"
        );
        assert_eq!(expand("plain.example", "ns").unwrap(), "plain.example");
        assert!(expand("{{ .Values.x }}", "ns").is_err());
        assert!(expand("a{{ .Release.Name", "ns").is_err());
    }
}
