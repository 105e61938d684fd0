//! The Kuma CNI plugin (`--cni-enabled`): a node DaemonSet that installs the plugin
//! binary and its network configuration, with its ServiceAccount, ConfigMap and
//! RBAC, in `cni.namespace` (chart:
//! `deployments/charts/kuma/templates/cni-{configmap,rbac,daemonset}.yaml`).

use super::zone_proxy::image_pull_secrets;
use super::{Context, app_selector, non_empty, sha256_hex};
use crate::install::manifest::Object;
use k8s_openapi::api::apps::v1::{
    DaemonSet, DaemonSetSpec, DaemonSetUpdateStrategy, RollingUpdateDaemonSet,
};
use k8s_openapi::api::core::v1::{
    ConfigMap, ConfigMapKeySelector, Container, EmptyDirVolumeSource, EnvVar, EnvVarSource,
    ExecAction, HostPathVolumeSource, Lifecycle, LifecycleHandler, PodSecurityContext, PodSpec,
    PodTemplateSpec, Probe, SecurityContext, ServiceAccount, Toleration, Volume, VolumeMount,
};
use k8s_openapi::api::rbac::v1::{
    ClusterRole, ClusterRoleBinding, PolicyRule, RoleBinding, RoleRef, Subject,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use std::collections::BTreeMap;

const CNI_NAME: &str = "kuma-cni";
const CONFIG_MAP_NAME: &str = "kuma-cni-config";
const CONFIG_KEY: &str = "cni_network_config";
const HOST_BIN_DIR: &str = "/host/opt/cni/bin";
const HOST_NET_DIR: &str = "/host/etc/cni/net.d";
/// The chart's version labels as its own render of the ConfigMap carries them, before
/// they are stripped: the `checksum/config` of the pods is taken over that text.
pub(super) const CHART_LABELS_FOR_CHECKSUM: &str =
    "    helm.sh/chart: kuma-0.0.0-preview.vlocal-build\n";
pub(super) const VERSION_LABELS_FOR_CHECKSUM: &str = "    app.kubernetes.io/version: \"0.0.0-preview.vlocal-build\"\n    app.kubernetes.io/managed-by: Helm\n";
const SKIPPED_RBAC_WARNING: &str = "WARNING: RBAC is skipped. If this was intentional, remember to create the necessary resources for kuma-cni manually.";

fn meta(ctx: &Context, name: &str, namespaced: bool) -> ObjectMeta {
    ObjectMeta {
        name: Some(name.to_string()),
        namespace: namespaced.then(|| ctx.values.text("cni.namespace")),
        labels: Some(app_selector(CNI_NAME)),
        ..ObjectMeta::default()
    }
}

fn ebpf(ctx: &Context) -> bool {
    ctx.values.truthy("experimental.ebpf.enabled")
}

/// The lines of the network configuration the installer writes on each node, as the
/// chart writes them (values inserted raw; the installer replaces the kubeconfig
/// placeholder with the path it creates).
fn network_config_lines(ctx: &Context) -> Vec<String> {
    let values = ctx.values;
    vec![
        "{".to_string(),
        "  \"cniVersion\": \"0.3.1\",".to_string(),
        format!("  \"name\": \"{CNI_NAME}\","),
        format!("  \"type\": \"{CNI_NAME}\","),
        format!("  \"log_level\": \"{}\",", values.text("cni.logLevel")),
        "  \"kubernetes\": {".to_string(),
        "      \"kubeconfig\": \"__KUBECONFIG_FILEPATH__\",".to_string(),
        format!("      \"cni_bin_dir\": \"{}\",", values.text("cni.binDir")),
        "      \"exclude_namespaces\": [ \"kube-system\" ]".to_string(),
        "  }".to_string(),
        "}".to_string(),
    ]
}

/// The `checksum/config` of the CNI pods: the sha256 of the chart's own text of
/// cni-configmap.yaml (with the chart's version labels, which the output drops), or
/// of its single newline when eBPF replaces the ConfigMap.
fn config_checksum(ctx: &Context) -> String {
    if ebpf(ctx) {
        return sha256_hex("\n");
    }
    let mut text = format!(
        "\nkind: ConfigMap\napiVersion: v1\nmetadata:\n  name: {CONFIG_MAP_NAME}\n  namespace: {}\n  labels: \n    app: {CNI_NAME}\n{CHART_LABELS_FOR_CHECKSUM}    app.kubernetes.io/name: kuma\n    app.kubernetes.io/instance: kuma\n{VERSION_LABELS_FOR_CHECKSUM}data:\n  # The CNI network configuration to add to the plugin chain on each node.\n  {CONFIG_KEY}: |-\n",
        ctx.values.text("cni.namespace")
    );
    for line in network_config_lines(ctx) {
        text.push_str("    ");
        text.push_str(&line);
        text.push('\n');
    }
    sha256_hex(&text)
}

fn env(name: &str, value: String) -> EnvVar {
    EnvVar {
        name: name.to_string(),
        value: Some(value),
        value_from: None,
    }
}

fn host_path(name: &str, path: impl Into<String>) -> Volume {
    Volume {
        name: name.to_string(),
        host_path: Some(HostPathVolumeSource {
            path: path.into(),
            type_: None,
        }),
        ..Volume::default()
    }
}

fn mount(name: &str, path: &str) -> VolumeMount {
    VolumeMount {
        name: name.to_string(),
        mount_path: path.to_string(),
        ..VolumeMount::default()
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

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// `cni.containerSecurityContext`, kept as given (its `runAsNonRoot: false` too).
fn container_security_context(ctx: &Context) -> anyhow::Result<SecurityContext> {
    Ok(ctx
        .values
        .typed("cni.containerSecurityContext")?
        .unwrap_or_default())
}

/// The installer of the plugin binary and its configuration.
fn install_container(ctx: &Context) -> anyhow::Result<Container> {
    let values = ctx.values;
    let delay = match values.text("cni.delayStartupSeconds") {
        delay if delay.is_empty() => "0".to_string(),
        delay => delay,
    };
    let initial_delay = values.int("cni.delayStartupSeconds")?.unwrap_or(0);
    Ok(Container {
        name: "install-cni".to_string(),
        image: Some(ctx.image("cni.image")),
        image_pull_policy: Some(values.text("cni.image.imagePullPolicy")),
        readiness_probe: Some(Probe {
            initial_delay_seconds: Some(initial_delay),
            exec: Some(ExecAction {
                command: Some(strings(&["cat", "/tmp/ready"])),
            }),
            ..Probe::default()
        }),
        command: Some(strings(&["sh", "-c", "--"])),
        args: Some(vec![format!("sleep {delay} && exec /install-cni")]),
        security_context: Some(container_security_context(ctx)?),
        env: Some(vec![
            env("CNI_CONF_NAME", values.text("cni.confName")),
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
            env(
                "CHAINED_CNI_PLUGIN",
                values.truthy("cni.chained").to_string(),
            ),
            env("CNI_LOG_LEVEL", values.text("cni.logLevel")),
        ]),
        resources: values.typed("cni.resources")?,
        volume_mounts: Some(vec![
            mount("cni-bin-dir", HOST_BIN_DIR),
            mount("cni-net-dir", HOST_NET_DIR),
            mount("tmp", "/tmp"),
        ]),
        ..Container::default()
    })
}

/// The eBPF variant: merbridge's installer, privileged, with the host's cgroups, proc
/// and run directories.
fn ebpf_container(ctx: &Context) -> anyhow::Result<Container> {
    let values = ctx.values;
    let image = |field: &str| values.text(&format!("cni.experimental.imageEbpf.{field}"));
    let mut args = strings(&[
        "/app/mbctl",
        "--mode=kuma",
        "--use-reconnect=true",
        "--cni-mode=true",
    ]);
    if values.text("cni.logLevel") == "debug" {
        args.push("--debug=true".to_string());
    }
    let mut security_context = container_security_context(ctx)?;
    security_context.privileged = Some(true);
    Ok(Container {
        name: "install-cni".to_string(),
        image: Some(format!(
            "{}/{}:{}",
            image("registry"),
            image("repository"),
            image("tag")
        )),
        image_pull_policy: Some(values.text("cni.image.imagePullPolicy")),
        args: Some(args),
        lifecycle: Some(Lifecycle {
            pre_stop: Some(LifecycleHandler {
                exec: Some(ExecAction {
                    command: Some(strings(&["make", "--keep-going", "clean"])),
                }),
                ..LifecycleHandler::default()
            }),
            ..Lifecycle::default()
        }),
        security_context: Some(security_context),
        resources: values.typed("cni.resources")?,
        volume_mounts: Some(vec![
            mount("cni-bin-dir", HOST_BIN_DIR),
            mount("cni-net-dir", HOST_NET_DIR),
            mount("sys-fs-cgroup", "/sys/fs/cgroup"),
            mount("host-proc", "/host/proc"),
            VolumeMount {
                mount_propagation: Some("Bidirectional".to_string()),
                ..mount("host-var-run", "/host/var/run")
            },
            mount("tmp", "/tmp"),
        ]),
        ..Container::default()
    })
}

fn daemon_set(ctx: &Context) -> anyhow::Result<DaemonSet> {
    let values = ctx.values;
    let ebpf = ebpf(ctx);
    let mut node_selector = values.string_map("cni.nodeSelector")?;
    node_selector.retain(|_, v| !v.is_empty());
    let labels = app_selector(CNI_NAME);
    let mut annotations = values.string_map("cni.podAnnotations")?;
    annotations.insert("checksum/config".to_string(), config_checksum(ctx));
    // Every node needs the plugin, whatever its taints; the user's tolerations come
    // after these.
    let mut tolerations = vec![
        toleration(None, Some("NoSchedule")),
        toleration(Some("CriticalAddonsOnly"), None),
        toleration(None, Some("NoExecute")),
    ];
    tolerations.extend(
        values
            .typed::<Vec<Toleration>>("cni.tolerations")?
            .unwrap_or_default(),
    );
    let mut volumes = vec![
        host_path("cni-bin-dir", values.text("cni.binDir")),
        host_path("cni-net-dir", values.text("cni.netDir")),
    ];
    if ebpf {
        volumes.push(host_path("host-var-run", "/var/run"));
        volumes.push(host_path("sys-fs-cgroup", "/sys/fs/cgroup"));
        volumes.push(host_path("host-proc", "/proc"));
    }
    volumes.push(Volume {
        name: "tmp".to_string(),
        empty_dir: Some(EmptyDirVolumeSource::default()),
        ..Volume::default()
    });
    let container = if ebpf {
        ebpf_container(ctx)?
    } else {
        install_container(ctx)?
    };
    let mut metadata = meta(ctx, "kuma-cni-node", true);
    metadata.annotations = Some(BTreeMap::from([(
        "ignore-check.kube-linter.io/run-as-non-root".to_string(),
        "The container installs a CNI plugin".to_string(),
    )]));
    Ok(DaemonSet {
        metadata,
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
                    annotations: Some(annotations),
                    ..ObjectMeta::default()
                }),
                spec: Some(PodSpec {
                    affinity: ctx.tpl().typed("cni.affinity")?,
                    node_selector: non_empty(node_selector),
                    tolerations: Some(tolerations),
                    priority_class_name: Some("system-node-critical".to_string()),
                    service_account_name: Some(CNI_NAME.to_string()),
                    termination_grace_period_seconds: Some(5),
                    restart_policy: Some(match values.text("cni.restartPolicy") {
                        policy if policy.is_empty() => "Always".to_string(),
                        policy => policy,
                    }),
                    security_context: Some(
                        values
                            .typed::<PodSecurityContext>("cni.podSecurityContext")?
                            .unwrap_or_default(),
                    ),
                    containers: vec![container],
                    volumes: Some(volumes),
                    ..PodSpec::default()
                }),
            },
            ..DaemonSetSpec::default()
        }),
        status: None,
    })
}

fn cni_role_ref() -> RoleRef {
    RoleRef {
        api_group: "rbac.authorization.k8s.io".to_string(),
        kind: "ClusterRole".to_string(),
        name: CNI_NAME.to_string(),
    }
}

fn cni_subject(namespace: String) -> Option<Vec<Subject>> {
    Some(vec![Subject {
        kind: "ServiceAccount".to_string(),
        name: CNI_NAME.to_string(),
        namespace: Some(namespace),
        api_group: None,
    }])
}

/// The ServiceAccount and, unless `skipRBAC`, the ClusterRole and its binding: one
/// ClusterRoleBinding, or a RoleBinding per allow-listed namespace.
fn rbac(ctx: &Context) -> anyhow::Result<Vec<Object>> {
    let values = ctx.values;
    let service_account = Object::typed(&ServiceAccount {
        metadata: meta(ctx, CNI_NAME, true),
        image_pull_secrets: image_pull_secrets(ctx)?,
        ..ServiceAccount::default()
    })?;
    if values.truthy("skipRBAC") {
        return Ok(vec![service_account.with_comment(SKIPPED_RBAC_WARNING)]);
    }
    let mut verbs = strings(&["get"]);
    if ebpf(ctx) {
        verbs.extend(strings(&["list", "watch"]));
    }
    let mut objects = vec![
        service_account,
        Object::typed(&ClusterRole {
            metadata: meta(ctx, CNI_NAME, false),
            rules: Some(vec![PolicyRule {
                api_groups: Some(vec![String::new()]),
                resources: Some(strings(&["pods"])),
                verbs,
                ..PolicyRule::default()
            }]),
            aggregation_rule: None,
        })?,
    ];
    let allow_list = values.string_list("namespaceAllowList")?;
    if allow_list.is_empty() {
        objects.push(Object::typed(&ClusterRoleBinding {
            metadata: meta(ctx, CNI_NAME, false),
            role_ref: cni_role_ref(),
            subjects: cni_subject(values.text("cni.namespace")),
        })?);
    }
    for namespace in allow_list {
        // The chart labels these as control plane objects, and names the release's
        // namespace as the subject's (not cni.namespace).
        let mut metadata = ctx.cp_meta(CNI_NAME)?;
        metadata.namespace = Some(namespace);
        objects.push(Object::typed(&RoleBinding {
            metadata,
            role_ref: cni_role_ref(),
            subjects: cni_subject(ctx.namespace.clone()),
        })?);
    }
    Ok(objects)
}

/// ConfigMap (not with eBPF), DaemonSet, then the ServiceAccount and RBAC (the chart's
/// cni-configmap, cni-daemonset and cni-rbac files).
pub fn render(ctx: &Context) -> anyhow::Result<Vec<Object>> {
    let mut objects = Vec::new();
    if !ebpf(ctx) {
        objects.push(Object::typed(&ConfigMap {
            metadata: meta(ctx, CONFIG_MAP_NAME, true),
            data: Some(BTreeMap::from([(
                CONFIG_KEY.to_string(),
                network_config_lines(ctx).join("\n"),
            )])),
            ..ConfigMap::default()
        })?);
    }
    objects.push(Object::typed(&daemon_set(ctx)?)?);
    objects.extend(rbac(ctx)?);
    Ok(objects)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::install::values::{Values, defaults};

    #[test]
    fn the_config_checksum_is_the_charts() {
        // A given TLS secret: no certificate is generated.
        let mut plain = defaults();
        plain["controlPlane"]["tls"]["general"]["secretName"] = "s".into();
        let values = Values::new(plain.clone());
        let ctx = Context::new(&values, "kuma-system", &[]).unwrap();
        assert_eq!(
            config_checksum(&ctx),
            "44d3893921ccaa4dd818a16ee3e2de3ddea9331c8f2857dd83bca030a5d2c5be"
        );
        let mut ebpf = plain;
        ebpf["experimental"]["ebpf"]["enabled"] = serde_json::Value::Bool(true);
        let values = Values::new(ebpf);
        let ctx = Context::new(&values, "other", &[]).unwrap();
        assert_eq!(
            config_checksum(&ctx),
            "01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b"
        );
    }
}
