//! The Kuma CNI plugin (`--cni-enabled`): a node DaemonSet that installs the plugin
//! binary and its network configuration, with its ServiceAccount, ConfigMap and
//! cluster RBAC, all in `cni.namespace` (chart:
//! `deployments/charts/kuma/templates/cni-{configmap,rbac,daemonset}.yaml`).

use super::control_plane::non_empty_text;
use super::{Context, app_selector, non_empty, sha256_hex};
use crate::install::manifest::Object;
use k8s_openapi::api::apps::v1::{
    DaemonSet, DaemonSetSpec, DaemonSetUpdateStrategy, RollingUpdateDaemonSet,
};
use k8s_openapi::api::core::v1::{
    ConfigMap, ConfigMapKeySelector, Container, EnvVar, EnvVarSource, HostPathVolumeSource,
    PodSpec, PodTemplateSpec, SecurityContext, ServiceAccount, Toleration, Volume, VolumeMount,
};
use k8s_openapi::api::rbac::v1::{ClusterRole, ClusterRoleBinding, PolicyRule, RoleRef, Subject};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use std::collections::BTreeMap;

const CNI_NAME: &str = "kuma-cni";
const CONFIG_MAP_NAME: &str = "kuma-cni-config";
const CONFIG_KEY: &str = "cni_network_config";
const HOST_BIN_DIR: &str = "/host/opt/cni/bin";
const HOST_NET_DIR: &str = "/host/etc/cni/net.d";

fn meta(ctx: &Context, name: &str, namespaced: bool) -> ObjectMeta {
    ObjectMeta {
        name: Some(name.to_string()),
        namespace: namespaced.then(|| ctx.values.text("cni.namespace")),
        labels: Some(app_selector(CNI_NAME)),
        ..ObjectMeta::default()
    }
}

/// The network configuration the installer writes on each node; the installer
/// replaces the kubeconfig placeholder with the path it creates.
fn network_config(ctx: &Context) -> anyhow::Result<String> {
    let values = ctx.values;
    let config = serde_json::json!({
        "cniVersion": "0.3.1",
        "name": CNI_NAME,
        "type": CNI_NAME,
        "log_level": values.text("cni.logLevel"),
        "kubernetes": {
            "kubeconfig": "__KUBECONFIG_FILEPATH__",
            "cni_bin_dir": values.text("cni.binDir"),
            "exclude_namespaces": [values.text("cni.namespace")],
        },
    });
    Ok(serde_json::to_string_pretty(&config)?)
}

fn env(name: &str, value: String) -> EnvVar {
    EnvVar {
        name: name.to_string(),
        value: Some(value),
        value_from: None,
    }
}

fn host_path(name: &str, path: String) -> Volume {
    Volume {
        name: name.to_string(),
        host_path: Some(HostPathVolumeSource { path, type_: None }),
        ..Volume::default()
    }
}

fn toleration(key: Option<&str>, effect: Option<&str>) -> Toleration {
    Toleration {
        key: key.map(str::to_string),
        effect: effect.map(str::to_string),
        operator: Some("Exists".to_string()),
        ..Toleration::default()
    }
}

fn daemon_set(ctx: &Context, config_checksum: &str) -> anyhow::Result<DaemonSet> {
    let values = ctx.values;
    let chained = values.truthy("cni.chained");
    let mut container_env = vec![
        EnvVar {
            name: "CNI_NETWORK_CONFIG".to_string(),
            value: None,
            value_from: Some(EnvVarSource {
                config_map_key_ref: Some(ConfigMapKeySelector {
                    name: CONFIG_MAP_NAME.to_string(),
                    key: CONFIG_KEY.to_string(),
                    optional: None,
                }),
                ..EnvVarSource::default()
            }),
        },
        env("CNI_NET_DIR", values.text("cni.netDir")),
        env("CHAINED_CNI_PLUGIN", chained.to_string()),
    ];
    if chained {
        container_env.push(env("CNI_CONF_NAME", values.text("cni.confName")));
    }
    let container = Container {
        name: "install-cni".to_string(),
        image: Some(ctx.image("cni.image")),
        image_pull_policy: non_empty_text(values.text("cni.image.imagePullPolicy")),
        command: Some(vec!["/install-cni".to_string()]),
        env: Some(container_env),
        security_context: Some(SecurityContext {
            // Writing to the host's CNI directories needs root.
            run_as_user: Some(0),
            run_as_group: Some(0),
            ..SecurityContext::default()
        }),
        volume_mounts: Some(vec![
            VolumeMount {
                name: "cni-bin-dir".to_string(),
                mount_path: HOST_BIN_DIR.to_string(),
                ..VolumeMount::default()
            },
            VolumeMount {
                name: "cni-net-dir".to_string(),
                mount_path: HOST_NET_DIR.to_string(),
                ..VolumeMount::default()
            },
        ]),
        ..Container::default()
    };
    let mut node_selector = values.string_map("cni.nodeSelector")?;
    node_selector.retain(|_, v| !v.is_empty());
    let labels = app_selector(CNI_NAME);
    Ok(DaemonSet {
        metadata: meta(ctx, "kuma-cni-node", true),
        spec: Some(DaemonSetSpec {
            selector: LabelSelector {
                match_labels: Some(labels.clone()),
                match_expressions: None,
            },
            update_strategy: Some(DaemonSetUpdateStrategy {
                type_: Some("RollingUpdate".to_string()),
                rolling_update: Some(RollingUpdateDaemonSet {
                    max_unavailable: Some(IntOrString::Int(1)),
                    max_surge: None,
                }),
            }),
            template: PodTemplateSpec {
                metadata: Some(ObjectMeta {
                    labels: Some(labels),
                    annotations: Some(BTreeMap::from([(
                        "checksum/config".to_string(),
                        config_checksum.to_string(),
                    )])),
                    ..ObjectMeta::default()
                }),
                spec: Some(PodSpec {
                    node_selector: non_empty(node_selector),
                    // Every node needs the plugin, whatever its taints.
                    tolerations: Some(vec![
                        toleration(None, Some("NoSchedule")),
                        toleration(Some("CriticalAddonsOnly"), None),
                        toleration(None, Some("NoExecute")),
                    ]),
                    priority_class_name: Some("system-node-critical".to_string()),
                    service_account_name: Some(CNI_NAME.to_string()),
                    termination_grace_period_seconds: Some(5),
                    containers: vec![container],
                    volumes: Some(vec![
                        host_path("cni-bin-dir", values.text("cni.binDir")),
                        host_path("cni-net-dir", values.text("cni.netDir")),
                    ]),
                    ..PodSpec::default()
                }),
            },
            ..DaemonSetSpec::default()
        }),
        status: None,
    })
}

/// ConfigMap, DaemonSet, then ServiceAccount, ClusterRole and ClusterRoleBinding (the
/// chart's cni-configmap, cni-daemonset and cni-rbac files).
pub fn render(ctx: &Context) -> anyhow::Result<Vec<Object>> {
    let config_map = Object::typed(&ConfigMap {
        metadata: meta(ctx, CONFIG_MAP_NAME, true),
        data: Some(BTreeMap::from([(
            CONFIG_KEY.to_string(),
            network_config(ctx)?,
        )])),
        ..ConfigMap::default()
    })?
    // Rendered once: for the checksum, and for the output.
    .prerendered();
    let checksum = sha256_hex(&config_map.to_yaml());
    let namespace = ctx.values.text("cni.namespace");
    Ok(vec![
        config_map,
        Object::typed(&daemon_set(ctx, &checksum)?)?,
        Object::typed(&ServiceAccount {
            metadata: meta(ctx, CNI_NAME, true),
            ..ServiceAccount::default()
        })?,
        Object::typed(&ClusterRole {
            metadata: meta(ctx, CNI_NAME, false),
            rules: Some(vec![PolicyRule {
                api_groups: Some(vec![String::new()]),
                resources: Some(vec![
                    "pods".to_string(),
                    "namespaces".to_string(),
                    "nodes".to_string(),
                ]),
                verbs: vec!["get".to_string()],
                ..PolicyRule::default()
            }]),
            aggregation_rule: None,
        })?,
        Object::typed(&ClusterRoleBinding {
            metadata: meta(ctx, CNI_NAME, false),
            role_ref: RoleRef {
                api_group: "rbac.authorization.k8s.io".to_string(),
                kind: "ClusterRole".to_string(),
                name: CNI_NAME.to_string(),
            },
            subjects: Some(vec![Subject {
                kind: "ServiceAccount".to_string(),
                name: CNI_NAME.to_string(),
                namespace: Some(namespace),
                api_group: None,
            }]),
        })?,
    ])
}
