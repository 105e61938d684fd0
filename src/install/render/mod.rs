//! Typed Kubernetes objects from the final values, one file per object family. The
//! objects are produced in the order in which Go's post-render lists the chart's files
//! (`app/kumactl/cmd/install/render_helm_files.go`: CRDs, then cni,
//! cp-certs-cert-manager, cp-configmap, cp-deployment, cp-global-sync-service, cp-hpa,
//! cp-ingress, cp-kds-global-server-secret, cp-kds-zone-client-tls-secret, cp-pdb,
//! cp-rbac, cp-service, cp-servicemonitor, cp-webhooks-and-secrets, egress-*,
//! gateway-class, ingress-*, mesh-zoneproxy-*, then the Namespace), which decides the
//! order within a kind after sorting.

mod autoscaling;
mod cert_manager;
mod cni;
mod control_plane;
mod cp_ingress;
mod gateway_class;
mod kds;
pub mod mesh_zone_proxy;
mod namespace;
mod rbac;
mod service_monitor;
mod webhooks;
mod zone_proxy;

use super::manifest::Object;
use super::tls::{self, GeneratedTls};
use super::values::Values;
use super::{RELEASE_NAME, crds};
use crate::build_info;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

pub const CONTROL_PLANE_NAME: &str = "kuma-control-plane";
/// `controlPlane.environment` of a control plane that stores its state in Kubernetes.
pub const KUBERNETES: &str = "kubernetes";
/// `controlPlane.environment` of a control plane with a PostgreSQL store.
pub const UNIVERSAL: &str = "universal";
/// The Secret the chart generates when no general TLS secret is given.
pub const GENERATED_TLS_SECRET: &str = "kuma-tls-cert";

/// What every renderer reads: the values and what derives from them once.
pub struct Context<'a> {
    pub values: &'a Values,
    pub namespace: String,
    pub mode: String,
    /// `controlPlane.environment`: `kubernetes` or `universal` (validated before).
    pub environment: String,
    /// `controlPlane.tls.general.certManager.enabled`.
    pub cert_manager: bool,
    /// `controlPlane.service.name`, defaulting to kuma-control-plane.
    pub service_name: String,
    pub api_versions: Vec<String>,
    /// The certificate generated for kuma-tls-cert: kubernetes environment, no secret
    /// given and no cert-manager.
    pub generated_tls: Option<GeneratedTls>,
}

impl<'a> Context<'a> {
    pub fn new(
        values: &'a Values,
        namespace: &str,
        api_versions: &[String],
    ) -> anyhow::Result<Context<'a>> {
        let service_name = match values.text("controlPlane.service.name") {
            name if name.is_empty() => CONTROL_PLANE_NAME.to_string(),
            name => name,
        };
        let environment = values.text("controlPlane.environment");
        let cert_manager = values.truthy("controlPlane.tls.general.certManager.enabled");
        // The chart generates the certificate alongside the webhooks, so only in the
        // kubernetes environment; universal control planes make their own.
        let generated_tls = if environment != KUBERNETES
            || cert_manager
            || values.truthy("controlPlane.tls.general.secretName")
        {
            None
        } else {
            Some(tls::generate(&service_name, namespace)?)
        };
        Ok(Context {
            values,
            namespace: namespace.to_string(),
            mode: values.text("controlPlane.mode"),
            environment,
            cert_manager,
            service_name,
            api_versions: api_versions.to_vec(),
            generated_tls,
        })
    }

    /// Helm's `tpl` over values, with this release's namespace.
    pub fn tpl(&self) -> super::tpl::Scope<'_> {
        super::tpl::Scope {
            values: self.values,
            namespace: &self.namespace,
        }
    }

    pub fn is_global(&self) -> bool {
        self.mode == "global"
    }

    pub fn is_zone(&self) -> bool {
        self.mode == "zone"
    }

    /// The kubernetes environment: CRD store, RBAC, webhooks.
    pub fn is_kubernetes(&self) -> bool {
        self.environment == KUBERNETES
    }

    /// The labels of control plane objects: `app`, `controlPlane.extraLabels`, then the
    /// chart's selector labels.
    pub fn cp_labels(&self) -> anyhow::Result<BTreeMap<String, String>> {
        component_labels(self.values, CONTROL_PLANE_NAME, "controlPlane.extraLabels")
    }

    /// Namespaced metadata with the control plane labels.
    pub fn cp_meta(&self, name: &str) -> anyhow::Result<ObjectMeta> {
        Ok(ObjectMeta {
            name: Some(name.to_string()),
            namespace: Some(self.namespace.clone()),
            labels: Some(self.cp_labels()?),
            ..ObjectMeta::default()
        })
    }

    /// Whether the cluster is said to serve `api` (`group/version` or
    /// `group/version/Kind`); without a connection only `--api-versions` add to the
    /// built-in group/versions, which all of our objects use.
    pub fn has_api(&self, api: &str) -> bool {
        self.api_versions.iter().any(|a| a == api)
    }

    /// The general TLS secret: the user's, or the generated kuma-tls-cert.
    pub fn general_tls_secret(&self) -> String {
        match self.values.text("controlPlane.tls.general.secretName") {
            name if name.is_empty() => GENERATED_TLS_SECRET.to_string(),
            name => name,
        }
    }

    /// The secret holding the CA the zone proxies trust.
    pub fn ca_secret(&self) -> String {
        match self.values.text("controlPlane.tls.general.caSecretName") {
            name if name.is_empty() => self.general_tls_secret(),
            name => name,
        }
    }

    /// The enabled `plugins.policies` then `plugins.resources` names, each sorted.
    pub fn plugin_names(&self) -> (Vec<String>, Vec<String>) {
        (
            self.enabled_plugins("plugins.policies"),
            self.enabled_plugins("plugins.resources"),
        )
    }

    fn enabled_plugins(&self, path: &str) -> Vec<String> {
        let mut names: Vec<String> = self
            .values
            .get(path)
            .and_then(|v| v.as_object())
            .map(|map| {
                map.iter()
                    .filter(|(_, enabled)| super::values::is_truthy(enabled))
                    .map(|(name, _)| name.clone())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    /// An image reference: `<registry>/<repository>:<tag>`, the registry and tag
    /// falling back to `global.image` and the tag finally to the Kuma version we
    /// render (Go falls back to its chart's unpublished `0.0.0-preview.vlocal-build`).
    pub fn image(&self, path: &str) -> String {
        let values = self.values;
        let registry = first_non_empty(&[
            values.text(&format!("{path}.registry")),
            values.text("global.image.registry"),
        ]);
        let tag = first_non_empty(&[
            values.text(&format!("{path}.tag")),
            values.text("global.image.tag"),
            build_info::KUMA_VERSION.to_string(),
        ]);
        format!(
            "{registry}/{}:{tag}",
            values.text(&format!("{path}.repository"))
        )
    }
}

fn first_non_empty(candidates: &[String]) -> String {
    candidates
        .iter()
        .find(|c| !c.is_empty())
        .cloned()
        .unwrap_or_default()
}

/// `app.kubernetes.io/name` and `app.kubernetes.io/instance`.
pub fn selector_labels() -> BTreeMap<String, String> {
    BTreeMap::from([
        (
            "app.kubernetes.io/name".to_string(),
            RELEASE_NAME.to_string(),
        ),
        (
            "app.kubernetes.io/instance".to_string(),
            RELEASE_NAME.to_string(),
        ),
    ])
}

/// `app: <app>` plus the selector labels.
pub fn app_selector(app: &str) -> BTreeMap<String, String> {
    let mut labels = selector_labels();
    labels.insert("app".to_string(), app.to_string());
    labels
}

/// `app`, the extra labels of `extra_path`, then the selector labels (which win).
pub fn component_labels(
    values: &Values,
    app: &str,
    extra_path: &str,
) -> anyhow::Result<BTreeMap<String, String>> {
    let mut labels = values.string_map(extra_path)?;
    labels.extend(app_selector(app));
    Ok(labels)
}

/// `Some(map)` unless empty: the chart leaves empty maps out.
pub fn non_empty(map: BTreeMap<String, String>) -> Option<BTreeMap<String, String>> {
    (!map.is_empty()).then_some(map)
}

/// Hex sha256, for the `checksum/*` pod annotations.
pub fn sha256_hex(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(64);
    for b in Sha256::digest(text.as_bytes()) {
        hex.push(char::from(HEX[usize::from(b >> 4)]));
        hex.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    hex
}

/// Every object, in chart template order; the caller sorts them by kind. Without
/// `with_crds` (`--skip-kinds CustomResourceDefinition`) the CRDs are only placeholders
/// that keep the positions Helm's sort depends on.
pub fn render_all(ctx: &Context, with_crds: bool) -> anyhow::Result<Vec<Object>> {
    let values = ctx.values;
    let mut objects = if with_crds {
        crds::render()?
    } else {
        crds::placeholders()
    };

    if values.truthy("cni.enabled") {
        objects.extend(cni::render(ctx)?);
    }

    objects.extend(cert_manager::render(ctx)?);

    // Rendered once: for the checksums here, and for the output.
    let config_maps: Vec<Object> = control_plane::config_maps(ctx)?
        .into_iter()
        .map(Object::prerendered)
        .collect();
    let webhooks: Vec<Object> = webhooks::render(ctx)?
        .into_iter()
        .map(Object::prerendered)
        .collect();
    let checksum = |objects: &[Object]| {
        let documents: Vec<_> = objects.iter().map(Object::to_yaml).collect();
        sha256_hex(&documents.join("\n---\n"))
    };
    let config_checksum = control_plane::chart_config_checksum(ctx, config_maps.len())
        .unwrap_or_else(|| checksum(&config_maps));
    let tls_checksum =
        control_plane::chart_tls_checksum(ctx).unwrap_or_else(|| checksum(&webhooks));

    objects.extend(config_maps);
    objects.push(control_plane::deployment(
        ctx,
        &config_checksum,
        &tls_checksum,
    )?);
    if ctx.is_global() && values.truthy("controlPlane.globalZoneSyncService.enabled") {
        objects.push(control_plane::global_zone_sync_service(ctx)?);
    }
    let cp_scaling = autoscaling::Target::control_plane(ctx)?;
    objects.extend(autoscaling::hpa(ctx, &cp_scaling)?);
    objects.extend(cp_ingress::render(ctx)?);
    objects.extend(kds::render(ctx)?);
    objects.extend(autoscaling::pdb(ctx, &cp_scaling)?);
    objects.extend(rbac::render(ctx)?);
    if values.truthy("controlPlane.service.enabled") {
        objects.push(control_plane::service(ctx)?);
    }
    objects.extend(service_monitor::render(ctx)?);
    objects.extend(webhooks);

    objects.extend(zone_proxy::render(ctx, &zone_proxy::EGRESS)?);
    objects.extend(gateway_class::render(ctx)?);
    objects.extend(zone_proxy::render(ctx, &zone_proxy::INGRESS)?);
    objects.extend(mesh_zone_proxy::render(ctx)?);

    objects.push(namespace::render(ctx)?);
    Ok(objects)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sha256_hex_is_lowercase_hex() {
        assert_eq!(
            super::sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            super::sha256_hex("\n"),
            "01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b"
        );
    }
}
