//! `kumactl install control-plane`: Kuma's Kubernetes manifests rendered natively (Go:
//! `app/kumactl/cmd/install/install_control_plane.go`). Its pipeline: flag values
//! (defaults included) form the user values, `--values` documents merge over them, then
//! `--set`, then the NodePort patches; the result is coalesced over our embedded
//! `values.yaml`, validated in the order Go reports errors, rendered into typed
//! Kubernetes objects, sorted in Helm's install order and joined.

pub mod crds;
pub mod demo;
pub mod manifest;
pub mod render;
pub mod strvals;
pub mod tls;
pub mod tpl;
pub mod validate;
pub mod values;

use crate::build_info;
use anyhow::Context;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use values::Values;

/// Release name, chart name and `kuma.name`: every object name derives from it.
pub const RELEASE_NAME: &str = "kuma";

/// The flags that feed the values, with kumactl's defaults (Go: `InstallControlPlaneArgs`
/// in `app/kumactl/cmd/install/context/install_control_plane_context.go`).
#[derive(Debug, Clone)]
pub struct InstallFlags {
    pub namespace: String,
    pub registry: String,
    pub image_pull_policy: String,
    pub control_plane_registry: String,
    pub control_plane_repository: String,
    pub control_plane_version: String,
    pub control_plane_service_name: String,
    pub tls_general_secret: String,
    pub tls_general_ca_secret: String,
    pub tls_general_ca_bundle: String,
    pub tls_api_server_secret: String,
    pub tls_api_server_client_certs_secret: String,
    pub tls_kds_global_server_secret: String,
    pub tls_kds_zone_client_secret: String,
    pub injector_failure_policy: String,
    pub control_plane_node_selector: BTreeMap<String, String>,
    pub env_vars: BTreeMap<String, String>,
    pub dataplane_registry: String,
    pub dataplane_repository: String,
    pub dataplane_version: String,
    pub dataplane_init_registry: String,
    pub dataplane_init_repository: String,
    pub dataplane_init_version: String,
    pub kds_global_address: String,
    pub cni_enabled: bool,
    pub cni_chained: bool,
    pub cni_net_dir: String,
    pub cni_bin_dir: String,
    pub cni_conf_name: String,
    pub cni_node_selector: BTreeMap<String, String>,
    /// No flag of its own: `--version` sets it.
    pub cni_version: String,
    pub mode: String,
    pub zone: String,
    pub use_node_port: bool,
    pub ingress_enabled: bool,
    pub ingress_drain_time: String,
    pub ingress_use_node_port: bool,
    pub ingress_node_selector: BTreeMap<String, String>,
    pub egress_enabled: bool,
    pub egress_drain_time: String,
    pub egress_service_type: String,
    pub egress_node_selector: BTreeMap<String, String>,
    pub hooks_node_selector: BTreeMap<String, String>,
}

impl Default for InstallFlags {
    fn default() -> Self {
        let version = build_info::KUMA_VERSION.to_string();
        InstallFlags {
            namespace: "kuma-system".into(),
            registry: "docker.io/kumahq".into(),
            image_pull_policy: "IfNotPresent".into(),
            control_plane_registry: String::new(),
            control_plane_repository: "kuma-cp".into(),
            control_plane_version: version.clone(),
            control_plane_service_name: "kuma-control-plane".into(),
            tls_general_secret: String::new(),
            tls_general_ca_secret: String::new(),
            tls_general_ca_bundle: String::new(),
            tls_api_server_secret: String::new(),
            tls_api_server_client_certs_secret: String::new(),
            tls_kds_global_server_secret: String::new(),
            tls_kds_zone_client_secret: String::new(),
            injector_failure_policy: "Fail".into(),
            control_plane_node_selector: BTreeMap::new(),
            env_vars: BTreeMap::new(),
            dataplane_registry: String::new(),
            dataplane_repository: "kuma-dp".into(),
            dataplane_version: version.clone(),
            dataplane_init_registry: String::new(),
            dataplane_init_repository: "kuma-init".into(),
            dataplane_init_version: version.clone(),
            kds_global_address: String::new(),
            cni_enabled: false,
            cni_chained: false,
            cni_net_dir: "/etc/cni/multus/net.d".into(),
            cni_bin_dir: "/var/lib/cni/bin".into(),
            cni_conf_name: "kuma-cni.conf".into(),
            cni_node_selector: BTreeMap::new(),
            cni_version: version,
            mode: "zone".into(),
            zone: String::new(),
            use_node_port: false,
            ingress_enabled: false,
            ingress_drain_time: "30s".into(),
            ingress_use_node_port: false,
            ingress_node_selector: BTreeMap::new(),
            egress_enabled: false,
            egress_drain_time: "30s".into(),
            egress_service_type: "ClusterIP".into(),
            egress_node_selector: BTreeMap::new(),
            hooks_node_selector: BTreeMap::new(),
        }
    }
}

/// Everything `install control-plane` renders from.
#[derive(Debug, Clone, Default)]
pub struct InstallRequest {
    pub flags: InstallFlags,
    /// `-f/--values` paths in order; `-` is stdin.
    pub values_files: Vec<String>,
    /// `--set` arguments in order.
    pub set: Vec<String>,
    /// `--skip-kinds`: kinds removed from the output.
    pub skip_kinds: Vec<String>,
    /// `--api-versions`: extra `group/version[/Kind]` the cluster is said to serve.
    pub api_versions: Vec<String>,
}

/// Final values ready to render, and the warnings about keys that have no effect.
pub struct Prepared {
    pub values: Values,
    pub namespace: String,
    pub api_versions: Vec<String>,
    pub skip_kinds: Vec<String>,
    pub warnings: Vec<String>,
}

fn string_map(map: &BTreeMap<String, String>) -> Value {
    Value::Object(
        map.iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect(),
    )
}

/// kumactl's `generateOverrideValues`: every flag's value, defaults included, so they
/// shadow the chart defaults (Go: `app/kumactl/cmd/install/install_control_plane.go`).
/// Registries are only set when non-empty.
pub fn flag_values(flags: &InstallFlags) -> Map<String, Value> {
    let mut control_plane_image = json!({
        "pullPolicy": flags.image_pull_policy,
        "repository": flags.control_plane_repository,
        "tag": flags.control_plane_version,
    });
    if !flags.control_plane_registry.is_empty() {
        control_plane_image["registry"] = json!(flags.control_plane_registry);
    }
    let mut dataplane_image = json!({
        "repository": flags.dataplane_repository,
        "tag": flags.dataplane_version,
    });
    if !flags.dataplane_registry.is_empty() {
        dataplane_image["registry"] = json!(flags.dataplane_registry);
    }
    let mut init_image = json!({
        "repository": flags.dataplane_init_repository,
        "tag": flags.dataplane_init_version,
    });
    if !flags.dataplane_init_registry.is_empty() {
        init_image["registry"] = json!(flags.dataplane_init_registry);
    }
    let values = json!({
        "global": {"image": {"registry": flags.registry}},
        "controlPlane": {
            "image": control_plane_image,
            "service": {"name": flags.control_plane_service_name},
            "tls": {
                "general": {
                    "secretName": flags.tls_general_secret,
                    "caSecretName": flags.tls_general_ca_secret,
                    "caBundle": flags.tls_general_ca_bundle,
                },
                "apiServer": {
                    "secretName": flags.tls_api_server_secret,
                    "clientCertsSecretName": flags.tls_api_server_client_certs_secret,
                },
                "kdsGlobalServer": {"secretName": flags.tls_kds_global_server_secret},
                "kdsZoneClient": {"secretName": flags.tls_kds_zone_client_secret},
            },
            "injectorFailurePolicy": flags.injector_failure_policy,
            "nodeSelector": string_map(&flags.control_plane_node_selector),
            "envVars": string_map(&flags.env_vars),
            "kdsGlobalAddress": flags.kds_global_address,
            "mode": flags.mode,
            "zone": flags.zone,
            "globalZoneSyncService": {"type": "LoadBalancer"},
        },
        "dataPlane": {"image": dataplane_image, "initImage": init_image},
        "cni": {
            "enabled": flags.cni_enabled,
            "chained": flags.cni_chained,
            "netDir": flags.cni_net_dir,
            "binDir": flags.cni_bin_dir,
            "confName": flags.cni_conf_name,
            "nodeSelector": string_map(&flags.cni_node_selector),
            "image": {"registry": "", "repository": "kuma-cni", "tag": flags.cni_version},
        },
        "ingress": {
            "enabled": flags.ingress_enabled,
            "mesh": "default",
            "drainTime": flags.ingress_drain_time,
            "service": {"type": "LoadBalancer"},
            "nodeSelector": string_map(&flags.ingress_node_selector),
        },
        "egress": {
            "enabled": flags.egress_enabled,
            "drainTime": flags.egress_drain_time,
            "service": {"type": flags.egress_service_type},
            "nodeSelector": string_map(&flags.egress_node_selector),
        },
        "hooks": {"nodeSelector": string_map(&flags.hooks_node_selector)},
    });
    match values {
        Value::Object(map) => map,
        _ => unreachable!("built from an object literal"),
    }
}

/// Builds the final values as `RunE` of `app/kumactl/cmd/install/install_control_plane.go`
/// does (flag values, `--values`, `--set`, the NodePort patches), then Helm's coalesce
/// over the chart's `values.yaml`.
/// `read` returns the text of a `--values` source (`-` for stdin).
pub fn prepare(
    request: &InstallRequest,
    read: &mut dyn FnMut(&str) -> anyhow::Result<String>,
) -> anyhow::Result<Prepared> {
    let defaults = values::defaults();
    let mut vals = flag_values(&request.flags);
    // What the user typed besides flags, only to report keys that have no effect.
    let mut user_keys = Map::new();
    for path in &request.values_files {
        let text = read(path)?;
        let mut document = values::parse_values_document(&text)
            .with_context(|| format!("failed to parse {path}"))?;
        values::numbers_as_floats(&mut document);
        values::merge_maps(&mut user_keys, document.clone());
        values::merge_maps(&mut vals, document);
    }
    for set in &request.set {
        strvals::parse_into(set, &mut vals).context("failed parsing --set data")?;
        let mut parsed = Map::new();
        // Parsed alone too, so the warning lists only what --set named.
        let _ = strvals::parse_into(set, &mut parsed);
        values::merge_maps(&mut user_keys, parsed);
    }
    // Read from the --mode flag, not the final values, as Go's
    // `install_control_plane.go` does.
    if request.flags.use_node_port && request.flags.mode == "global" {
        set_path(
            &mut vals,
            &["controlPlane", "globalZoneSyncService", "type"],
            json!("NodePort"),
        );
    }
    if request.flags.ingress_use_node_port {
        set_path(
            &mut vals,
            &["ingress", "service", "type"],
            json!("NodePort"),
        );
    }
    let warnings = values::unknown_keys(&user_keys, &defaults)
        .into_iter()
        .map(|key| format!("WARNING: value {key:?} is not used by kumactl install control-plane and has no effect"))
        .collect();
    Ok(Prepared {
        values: Values::new(values::coalesce(vals, defaults)),
        namespace: request.flags.namespace.clone(),
        api_versions: request.api_versions.clone(),
        skip_kinds: request.skip_kinds.clone(),
        warnings,
    })
}

/// Sets `path` to `value`, replacing anything on the way that is not a map.
fn set_path(map: &mut Map<String, Value>, path: &[&str], value: Value) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut current = map;
    for key in parents {
        let entry = current
            .entry(key.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        if !entry.is_object() {
            *entry = Value::Object(Map::new());
        }
        let Value::Object(inner) = entry else {
            unreachable!("replaced by a map just above")
        };
        current = inner;
    }
    current.insert(last.to_string(), value);
}

/// Validates and renders the prepared values: the objects in Helm's install order, to
/// be joined with [`manifest::join`] (and `prepared.skip_kinds`) into what stdout gets.
pub fn render_objects(prepared: &Prepared) -> anyhow::Result<Vec<manifest::Object>> {
    validate::validate(&prepared.values)?;
    let context = render::Context::new(
        &prepared.values,
        &prepared.namespace,
        &prepared.api_versions,
    )?;
    let skipped = |kind: &str| prepared.skip_kinds.iter().any(|k| k == kind);
    let objects = render::render_all(&context, !skipped(crds::KIND))?;
    Ok(manifest::sort_by_kind(objects))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prepare_with(request: &InstallRequest) -> Prepared {
        prepare(request, &mut |path| Ok(format!("# {path}\n"))).unwrap()
    }

    #[test]
    fn precedence_flags_then_files_then_set_then_node_port() {
        let request = InstallRequest {
            flags: InstallFlags {
                egress_enabled: true,
                ingress_use_node_port: true,
                ..InstallFlags::default()
            },
            values_files: vec!["a.yaml".into()],
            set: vec!["ingress.service.type=ClusterIP,egress.replicas=3".into()],
            ..InstallRequest::default()
        };
        let prepared = prepare(&request, &mut |_| {
            Ok("egress:\n  enabled: false\n  replicas: 2\n".into())
        })
        .unwrap();
        let values = &prepared.values;
        assert!(!values.truthy("egress.enabled"), "the file beats the flag");
        assert_eq!(values.int("egress.replicas").unwrap(), Some(3));
        assert_eq!(values.text("ingress.service.type"), "NodePort");
        assert_eq!(
            values.string_map("controlPlane.nodeSelector").unwrap()["kubernetes.io/os"],
            "linux"
        );
        assert!(prepared.warnings.is_empty());
    }

    #[test]
    fn use_node_port_reads_the_mode_flag() {
        let mut request = InstallRequest::default();
        request.flags.use_node_port = true;
        request.set = vec!["controlPlane.mode=global".into()];
        let prepared = prepare_with(&request);
        assert_eq!(
            prepared
                .values
                .text("controlPlane.globalZoneSyncService.type"),
            "LoadBalancer"
        );
        request.flags.mode = "global".into();
        request.set.clear();
        let prepared = prepare_with(&request);
        assert_eq!(
            prepared
                .values
                .text("controlPlane.globalZoneSyncService.type"),
            "NodePort"
        );
    }

    #[test]
    fn unknown_keys_are_warned() {
        let request = InstallRequest {
            set: vec!["controlPlane.serviceMonitor.enabled=true,controlPlane.bogus=1".into()],
            ..InstallRequest::default()
        };
        let prepared = prepare_with(&request);
        assert_eq!(
            prepared.warnings,
            vec![
                "WARNING: value \"controlPlane.bogus\" is not used by kumactl install control-plane and has no effect"
            ]
        );
    }

    #[test]
    fn errors_name_their_source() {
        let request = InstallRequest {
            values_files: vec!["bad.yaml".into()],
            ..InstallRequest::default()
        };
        let err = prepare(&request, &mut |_| Ok("a: [".into())).err().unwrap();
        assert!(format!("{err:#}").starts_with("failed to parse bad.yaml: "));
        let request = InstallRequest {
            set: vec!["a.b".into()],
            ..InstallRequest::default()
        };
        let err = prepare_with_err(&request);
        assert_eq!(err, "failed parsing --set data: key \"b\" has no value");
    }

    fn prepare_with_err(request: &InstallRequest) -> String {
        format!(
            "{:#}",
            prepare(request, &mut |_| Ok(String::new())).err().unwrap()
        )
    }
}
