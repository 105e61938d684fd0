//! The control plane's ConfigMaps, Deployment and Services (chart:
//! `deployments/charts/kuma/templates/cp-configmap.yaml`, `cp-deployment.yaml`,
//! `cp-service.yaml`, `cp-global-sync-service.yaml`), in the kubernetes and the universal
//! environment.

use super::{CONTROL_PLANE_NAME, Context, app_selector, non_empty, sha256_hex};
use crate::install::manifest::Object;
use crate::install::values::{go_text, is_truthy};
use anyhow::bail;
use k8s_openapi::api::apps::v1::{
    Deployment, DeploymentSpec, DeploymentStrategy, RollingUpdateDeployment,
};
use k8s_openapi::api::core::v1::{
    ConfigMap, ConfigMapVolumeSource, Container, ContainerPort, EmptyDirVolumeSource, EnvVar,
    EnvVarSource, HTTPGetAction, ObjectFieldSelector, PodSpec, PodTemplateSpec, Probe,
    ResourceFieldSelector, SecretKeySelector, SecretVolumeSource, Service, ServicePort,
    ServiceSpec, Volume, VolumeMount,
};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde_json::Value;
use std::collections::BTreeMap;

pub const CONFIG_MAP_NAME: &str = "kuma-control-plane-config";
const CONFIG_DIR: &str = "/etc/kuma.io/kuma-control-plane";
const TLS_CERT_DIR: &str = "/var/run/secrets/kuma.io/tls-cert";
const API_SERVER_TLS_DIR: &str = "/var/run/secrets/kuma.io/api-server-tls-cert";
const API_SERVER_CLIENT_CERTS_DIR: &str = "/var/run/secrets/kuma.io/api-server-client-certs";
const KDS_SERVER_TLS_DIR: &str = "/var/run/secrets/kuma.io/kds-server-tls-cert";
const KDS_CLIENT_TLS_DIR: &str = "/var/run/secrets/kuma.io/kds-client-tls-cert";
const POSTGRES_TLS_DIR: &str = "/var/run/secrets/kuma.io/postgres-tls-cert";
/// The Secrets rendered from `controlPlane.tls.kds*.cert` when `.create` is set.
pub const KDS_GLOBAL_SERVER_SECRET: &str = "kuma-kds-global-server-tls";
pub const KDS_ZONE_CLIENT_SECRET: &str = "kuma-kds-zone-client-tls";
const DIAGNOSTICS_PORT: i32 = 5680;
const CONFIG_HEADER: &str = "# use this file to override default configuration of `kuma-cp`\n#\n# see conf/kuma-cp.conf.yml for available settings\n";

/// The ConfigMaps: `kuma-control-plane-config` (a commented header, then
/// `controlPlane.config`), each `controlPlane.extraConfigMaps` entry that has `values`,
/// then the transparent proxy settings when `transparentProxy.configMap.enabled`.
pub fn config_maps(ctx: &Context) -> anyhow::Result<Vec<Object>> {
    let values = ctx.values;
    let mut config = CONFIG_HEADER.to_string();
    if values.truthy("controlPlane.config") {
        // Two empty lines, then the text, whose trailing newlines collapse into one.
        config.push_str("\n\n");
        config.push_str(values.text("controlPlane.config").trim_end_matches('\n'));
        config.push('\n');
    }
    let mut objects = vec![Object::typed(&ConfigMap {
        metadata: ctx.cp_meta(CONFIG_MAP_NAME)?,
        data: Some(BTreeMap::from([("config.yaml".to_string(), config)])),
        ..ConfigMap::default()
    })?];
    for (i, extra) in extra_config_maps(ctx)?.iter().enumerate() {
        let data = match extra.get("values") {
            Some(Value::Object(data)) if !data.is_empty() => data,
            None | Some(Value::Null) | Some(Value::Object(_)) => continue,
            Some(_) => bail!("controlPlane.extraConfigMaps[{i}].values must be a map"),
        };
        let mut entries = BTreeMap::new();
        for (key, value) in data {
            if value.is_array() || value.is_object() {
                bail!("controlPlane.extraConfigMaps[{i}].values.{key} must be text");
            }
            // The chart writes each file as a block whose trailing newlines collapse
            // into one.
            let mut text = go_text(value).trim_end_matches('\n').to_string();
            text.push('\n');
            entries.insert(key.clone(), text);
        }
        objects.push(Object::typed(&ConfigMap {
            metadata: ctx.cp_meta(&field_text(extra, "name"))?,
            data: Some(entries),
            ..ConfigMap::default()
        })?);
    }
    if values.truthy("transparentProxy.configMap.enabled") {
        let settings = values
            .get("transparentProxy.configMap.config")
            .cloned()
            .unwrap_or(Value::Null);
        let mut text = crate::output::yaml::to_string(&settings);
        if !text.ends_with('\n') {
            text.push('\n');
        }
        objects.push(Object::typed(&ConfigMap {
            metadata: ctx.cp_meta(&transparent_proxy_config_map_name(ctx))?,
            data: Some(BTreeMap::from([("config.yaml".to_string(), text)])),
            ..ConfigMap::default()
        })?);
    }
    Ok(objects)
}

/// The `checksum/config` of the control plane pods where the chart's own text of
/// `templates/cp-configmap.yaml` is known: the sha256 of that text (with the chart's
/// version labels, which the output drops) when it holds only the commented
/// `kuma-control-plane-config`, with no `controlPlane.config`, no extra labels, no
/// rendered `extraConfigMaps` entry and no transparent proxy ConfigMap. `None` otherwise:
/// the caller then hashes our own text of the ConfigMaps.
pub fn chart_config_checksum(ctx: &Context, config_maps: usize) -> Option<String> {
    let values = ctx.values;
    if config_maps != 1
        || values.truthy("controlPlane.config")
        || values.truthy("controlPlane.extraLabels")
    {
        return None;
    }
    let text = format!(
        "\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {CONFIG_MAP_NAME}\n  namespace: {}\n  labels: \n    app: {CONTROL_PLANE_NAME}\n{}    app.kubernetes.io/name: kuma\n    app.kubernetes.io/instance: kuma\n{}data:\n  config.yaml: |\n{}    \n",
        ctx.namespace,
        super::cni::CHART_LABELS_FOR_CHECKSUM,
        super::cni::VERSION_LABELS_FOR_CHECKSUM,
        CONFIG_HEADER
            .lines()
            .map(|line| format!("    {line}\n"))
            .collect::<String>(),
    );
    Some(sha256_hex(&text))
}

/// The `checksum/tls-secrets` of the control plane pods where the chart's own text of
/// `templates/cp-webhooks-and-secrets.yaml` is known: in the universal environment with
/// a user-given certificate it renders two empty lines and nothing else.
pub fn chart_tls_checksum(ctx: &Context) -> Option<String> {
    (!ctx.is_kubernetes() && ctx.values.truthy("controlPlane.tls.general.secretName"))
        .then(|| sha256_hex("\n\n"))
}

/// `transparentProxy.configMap.name` cut to 253 characters less one trailing `-`, or the
/// chart's name when that is empty.
fn transparent_proxy_config_map_name(ctx: &Context) -> String {
    let name = ctx.values.text("transparentProxy.configMap.name");
    let name: String = name.chars().take(253).collect();
    match name.strip_suffix('-').unwrap_or(&name) {
        "" => "kuma-transparent-proxy-config".to_string(),
        name => name.to_string(),
    }
}

/// `controlPlane.extraConfigMaps`: a list of `{name, mountPath, readOnly, values}`.
fn extra_config_maps<'v>(ctx: &Context<'v>) -> anyhow::Result<Vec<&'v Value>> {
    entries(ctx, "controlPlane.extraConfigMaps")
}

/// The `{name, mountPath, ...}` entries of a list, or of a map in key order (how a
/// template ranges over both). Go would render a volume without a name or a mount
/// without a path, which Kubernetes rejects: we say so before.
fn entries<'v>(ctx: &Context<'v>, path: &str) -> anyhow::Result<Vec<&'v Value>> {
    let entries: Vec<&Value> = match ctx.values.get(path) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(Value::Object(map)) => map.values().collect(),
        Some(_) => bail!("{path} must be a list"),
    };
    for entry in &entries {
        if !entry.is_object() {
            bail!("every entry of {path} must be a map");
        }
        if field_text(entry, "name").is_empty() || field_text(entry, "mountPath").is_empty() {
            bail!("every entry of {path} needs a name and a mountPath");
        }
    }
    Ok(entries)
}

/// A field of a map entry as text; missing is "".
fn field_text(entry: &Value, name: &str) -> String {
    entry.get(name).map(go_text).unwrap_or_default()
}

/// Whether the control plane uses a KDS Secret: its name is given, or the chart
/// renders it (`create`).
fn uses_kds_secret(ctx: &Context, path: &str) -> bool {
    ctx.values.truthy(&format!("{path}.secretName")) || ctx.values.truthy(&format!("{path}.create"))
}

/// The KDS Secret to mount: the named one, else the one the chart renders.
fn kds_secret(ctx: &Context, path: &str, created: &str) -> String {
    match ctx.values.text(&format!("{path}.secretName")) {
        name if name.is_empty() => created.to_string(),
        name => name,
    }
}

/// The universal environment mounts the general TLS certificate only in zone mode
/// with a given secret (the kubernetes environment always does).
fn mounts_general_tls(ctx: &Context) -> bool {
    ctx.is_kubernetes()
        || (ctx.is_zone() && ctx.values.truthy("controlPlane.tls.general.secretName"))
}

/// The default environment (the chart's `kuma.defaultEnv` and `kuma.universal.defaultEnv`
/// in `templates/_helpers.tpl`); `None` values are dropped when merging.
fn default_env(ctx: &Context) -> BTreeMap<&'static str, Option<String>> {
    if ctx.is_kubernetes() {
        kubernetes_env(ctx)
    } else {
        universal_env(ctx)
    }
}

/// The entries both environments share: the API server's TLS, the mode, multizone (KDS)
/// and the policies. `kds_server` (whether the global KDS certificate is mounted) is
/// decided differently by each environment.
fn common_env(ctx: &Context, kds_server: bool) -> BTreeMap<&'static str, Option<String>> {
    let values = ctx.values;
    let when = |condition: bool, value: &str| condition.then(|| value.to_string());
    let non_empty = |text: String| (!text.is_empty()).then_some(text);
    let client_certs = values.truthy("controlPlane.tls.apiServer.clientCertsSecretName");
    let api_server_tls = values.truthy("controlPlane.tls.apiServer.secretName");
    let kds_client = ctx.is_zone() && uses_kds_secret(ctx, "controlPlane.tls.kdsZoneClient");
    let (policies, _) = ctx.plugin_names();
    BTreeMap::from([
        (
            "KUMA_API_SERVER_AUTH_CLIENT_CERTS_DIR",
            when(client_certs, &format!("{API_SERVER_CLIENT_CERTS_DIR}/")),
        ),
        (
            "KUMA_API_SERVER_HTTPS_TLS_CERT_FILE",
            when(api_server_tls, &format!("{API_SERVER_TLS_DIR}/tls.crt")),
        ),
        (
            "KUMA_API_SERVER_HTTPS_TLS_KEY_FILE",
            when(api_server_tls, &format!("{API_SERVER_TLS_DIR}/tls.key")),
        ),
        (
            "KUMA_DEFAULTS_SKIP_MESH_CREATION",
            Some(values.text("controlPlane.defaults.skipMeshCreation")),
        ),
        ("KUMA_MODE", Some(ctx.mode.clone())),
        (
            "KUMA_MULTIZONE_GLOBAL_KDS_TLS_CERT_FILE",
            when(kds_server, &format!("{KDS_SERVER_TLS_DIR}/tls.crt")),
        ),
        (
            "KUMA_MULTIZONE_GLOBAL_KDS_TLS_KEY_FILE",
            when(kds_server, &format!("{KDS_SERVER_TLS_DIR}/tls.key")),
        ),
        (
            "KUMA_MULTIZONE_ZONE_GLOBAL_ADDRESS",
            ctx.is_zone()
                .then(|| values.text("controlPlane.kdsGlobalAddress"))
                .and_then(non_empty),
        ),
        (
            "KUMA_MULTIZONE_ZONE_KDS_ROOT_CA_FILE",
            when(kds_client, &format!("{KDS_CLIENT_TLS_DIR}/ca.crt")),
        ),
        (
            "KUMA_MULTIZONE_ZONE_KDS_TLS_SKIP_VERIFY",
            when(
                values.truthy("controlPlane.tls.kdsZoneClient.skipVerify"),
                "true",
            ),
        ),
        (
            "KUMA_MULTIZONE_ZONE_NAME",
            non_empty(values.text("controlPlane.zone")),
        ),
        (
            "KUMA_PLUGIN_POLICIES_ENABLED",
            non_empty(policies.join(",")),
        ),
    ])
}

/// The environment of a universal control plane on Kubernetes (the chart's
/// `kuma.universal.defaultEnv` in `templates/_helpers.tpl`): a PostgreSQL
/// store, and the TLS files of whatever is mounted.
fn universal_env(ctx: &Context) -> BTreeMap<&'static str, Option<String>> {
    let values = ctx.values;
    let when = |condition: bool, value: &str| condition.then(|| value.to_string());
    let non_empty = |text: String| (!text.is_empty()).then_some(text);
    let general_tls = ctx.is_zone() && values.truthy("controlPlane.tls.general.secretName");
    // Kuma's chart (`kuma.universal.defaultEnv` in _helpers.tpl) sets the global KDS files
    // under `kdsGlobalServer.secretName` alone for this environment (not `.create`, and in
    // any mode), unlike the kubernetes one.
    let kds_server = values.truthy("controlPlane.tls.kdsGlobalServer.secretName");
    // The certificate files are given to the control plane only when it verifies the
    // server (Kuma's chart: `kuma.universal.defaultEnv` in _helpers.tpl).
    let verify = matches!(
        values.text("postgres.tls.mode").as_str(),
        "verifyCa" | "verifyFull"
    );
    let postgres_client = verify && values.truthy("postgres.tls.secretName");
    let mut env = common_env(ctx, kds_server);
    env.extend([
        ("KUMA_ENVIRONMENT", Some("universal".to_string())),
        (
            "KUMA_GENERAL_TLS_CERT_FILE",
            when(general_tls, &format!("{TLS_CERT_DIR}/tls.crt")),
        ),
        (
            "KUMA_GENERAL_TLS_KEY_FILE",
            when(general_tls, &format!("{TLS_CERT_DIR}/tls.key")),
        ),
        ("KUMA_GENERAL_WORK_DIR", Some("/tmp/kuma".to_string())),
        (
            "KUMA_STORE_POSTGRES_PORT",
            non_empty(values.text("postgres.port")),
        ),
        (
            "KUMA_STORE_POSTGRES_TLS_CA_PATH",
            when(
                verify && values.truthy("postgres.tls.caSecretName"),
                &format!("{POSTGRES_TLS_DIR}/ca.crt"),
            ),
        ),
        (
            "KUMA_STORE_POSTGRES_TLS_CERT_PATH",
            when(postgres_client, &format!("{POSTGRES_TLS_DIR}/tls.crt")),
        ),
        (
            "KUMA_STORE_POSTGRES_TLS_DISABLE_SSLSNI",
            (verify && values.truthy("postgres.tls.disableSSLSNI"))
                .then(|| values.text("postgres.tls.disableSSLSNI")),
        ),
        (
            "KUMA_STORE_POSTGRES_TLS_KEY_PATH",
            when(postgres_client, &format!("{POSTGRES_TLS_DIR}/tls.key")),
        ),
        (
            "KUMA_STORE_POSTGRES_TLS_MODE",
            non_empty(values.text("postgres.tls.mode")),
        ),
        ("KUMA_STORE_TYPE", Some("postgres".to_string())),
    ]);
    env
}

/// The resources the injector gives the containers it adds, from
/// `dataPlane.<container>.resources`; an empty value takes the chart's fallback.
fn injector_resources_env(ctx: &Context) -> Vec<(&'static str, Option<String>)> {
    const RESOURCES: &[(&str, &str, &str)] = &[
        ("sidecarContainer", "requests.cpu", "50m"),
        ("sidecarContainer", "requests.memory", "64Mi"),
        ("sidecarContainer", "limits.cpu", "0"),
        ("sidecarContainer", "limits.memory", "512Mi"),
        ("initContainer", "requests.cpu", "20m"),
        ("initContainer", "requests.memory", "20M"),
        ("initContainer", "limits.cpu", "0"),
        ("initContainer", "limits.memory", "50M"),
        ("validationContainer", "requests.cpu", "20m"),
        ("validationContainer", "requests.memory", "20M"),
        ("validationContainer", "limits.cpu", "0"),
        ("validationContainer", "limits.memory", "50M"),
    ];
    const NAMES: &[&str] = &[
        "KUMA_INJECTOR_SIDECAR_CONTAINER_RESOURCES_REQUESTS_CPU",
        "KUMA_INJECTOR_SIDECAR_CONTAINER_RESOURCES_REQUESTS_MEMORY",
        "KUMA_INJECTOR_SIDECAR_CONTAINER_RESOURCES_LIMITS_CPU",
        "KUMA_INJECTOR_SIDECAR_CONTAINER_RESOURCES_LIMITS_MEMORY",
        "KUMA_INJECTOR_INIT_CONTAINER_RESOURCES_REQUESTS_CPU",
        "KUMA_INJECTOR_INIT_CONTAINER_RESOURCES_REQUESTS_MEMORY",
        "KUMA_INJECTOR_INIT_CONTAINER_RESOURCES_LIMITS_CPU",
        "KUMA_INJECTOR_INIT_CONTAINER_RESOURCES_LIMITS_MEMORY",
        "KUMA_INJECTOR_VALIDATION_CONTAINER_RESOURCES_REQUESTS_CPU",
        "KUMA_INJECTOR_VALIDATION_CONTAINER_RESOURCES_REQUESTS_MEMORY",
        "KUMA_INJECTOR_VALIDATION_CONTAINER_RESOURCES_LIMITS_CPU",
        "KUMA_INJECTOR_VALIDATION_CONTAINER_RESOURCES_LIMITS_MEMORY",
    ];
    RESOURCES
        .iter()
        .zip(NAMES)
        .map(|((container, field, fallback), name)| {
            let path = format!("dataPlane.{container}.resources.{field}");
            let value = if ctx.values.truthy(&path) {
                ctx.values.text(&path)
            } else {
                fallback.to_string()
            };
            (*name, Some(value))
        })
        .collect()
}

/// The environment of a control plane storing its state in Kubernetes (the chart's
/// `kuma.defaultEnv` in `templates/_helpers.tpl`).
fn kubernetes_env(ctx: &Context) -> BTreeMap<&'static str, Option<String>> {
    let values = ctx.values;
    let text = |path: &str| Some(values.text(path));
    let fixed = |value: &str| Some(value.to_string());
    let when = |condition: bool, value: &str| condition.then(|| value.to_string());
    let non_empty = |text: String| (!text.is_empty()).then_some(text);
    let kds_server = ctx.is_global() && uses_kds_secret(ctx, "controlPlane.tls.kdsGlobalServer");
    let cni = values.truthy("cni.enabled");
    let taint_controller = cni && values.truthy("cni.taintController.enabled");
    let ebpf = values.truthy("experimental.ebpf.enabled");
    let ebpf_text = |path: &str| ebpf.then(|| values.text(path)).and_then(non_empty);

    let mut env = common_env(ctx, kds_server);
    env.extend(injector_resources_env(ctx));
    env.extend([
        ("KUMA_API_SERVER_AUTHN_LOCALHOST_IS_ADMIN", fixed("false")),
        ("KUMA_API_SERVER_READ_ONLY", fixed("true")),
        (
            "KUMA_BOOTSTRAP_SERVER_PARAMS_ENVOY_ADMIN_UNIX_SOCKET",
            text("experimental.envoyAdminUnixSocket"),
        ),
        ("KUMA_DP_SERVER_HDS_ENABLED", fixed("false")),
        ("KUMA_ENVIRONMENT", fixed("kubernetes")),
        (
            "KUMA_EXPERIMENTAL_SIDECAR_CONTAINERS",
            text("experimental.sidecarContainers"),
        ),
        (
            "KUMA_EXPERIMENTAL_INBOUND_TAGS_DISABLED",
            when(values.truthy("experimental.inboundTagsDisabled"), "true"),
        ),
        (
            "KUMA_EXPERIMENTAL_DELTA_XDS",
            when(values.truthy("experimental.deltaXds"), "true"),
        ),
        (
            "KUMA_EXPERIMENTAL_EXPOSE_ZONE_PROXY_METRICS",
            when(values.truthy("experimental.exposeZoneProxyMetrics"), "true"),
        ),
        (
            "KUMA_GENERAL_TLS_CERT_FILE",
            fixed(&format!("{TLS_CERT_DIR}/tls.crt")),
        ),
        (
            "KUMA_GENERAL_TLS_KEY_FILE",
            fixed(&format!("{TLS_CERT_DIR}/tls.key")),
        ),
        (
            "KUMA_INJECTOR_INIT_CONTAINER_IMAGE",
            Some(ctx.image("dataPlane.initImage")),
        ),
        (
            "KUMA_MONITORING_ASSIGNMENT_SERVER_ENABLED",
            text("controlPlane.madsServer.enabled"),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_ADMISSION_SERVER_CERT_DIR",
            fixed(TLS_CERT_DIR),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_ADMISSION_SERVER_PORT",
            text("controlPlane.admissionServerPort"),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_ALLOWED_USERS",
            Some(format!(
                "system:serviceaccount:{}:{CONTROL_PLANE_NAME}",
                ctx.namespace
            )),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_CONTROL_PLANE_SERVICE_NAME",
            Some(ctx.service_name.clone()),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_INJECTOR_BUILTIN_DNS_LOGGING",
            when(values.truthy("dataPlane.dnsLogging"), "true"),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_INJECTOR_CA_CERT_FILE",
            fixed(&format!("{TLS_CERT_DIR}/ca.crt")),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_INJECTOR_CNI_ENABLED",
            text("cni.enabled"),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_INJECTOR_SIDECAR_CONTAINER_IMAGE",
            Some(ctx.image("dataPlane.image")),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_INJECTOR_TRANSPARENT_PROXY_CONFIGMAP_NAME",
            values
                .truthy("transparentProxy.configMap.enabled")
                .then(|| transparent_proxy_config_map_name(ctx)),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_INJECTOR_UNIFIED_RESOURCE_NAMING_ENABLED",
            when(
                values.truthy("dataPlane.features.unifiedResourceNaming"),
                "true",
            ),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_NODE_TAINT_CONTROLLER_ENABLED",
            when(taint_controller, "true"),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_NODE_TAINT_CONTROLLER_CNI_APP",
            when(taint_controller, "kuma-cni"),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_NODE_TAINT_CONTROLLER_CNI_NAMESPACE",
            taint_controller
                .then(|| values.text("cni.namespace"))
                .and_then(non_empty),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_INJECTOR_EBPF_ENABLED",
            when(ebpf, "true"),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_INJECTOR_EBPF_INSTANCE_IP_ENV_VAR_NAME",
            ebpf_text("experimental.ebpf.instanceIPEnvVarName"),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_INJECTOR_EBPF_BPFFS_PATH",
            ebpf_text("experimental.ebpf.bpffsPath"),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_INJECTOR_EBPF_CGROUP_PATH",
            ebpf_text("experimental.ebpf.cgroupPath"),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_INJECTOR_EBPF_TC_ATTACH_IFACE",
            ebpf_text("experimental.ebpf.tcAttachIface"),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_INJECTOR_EBPF_PROGRAMS_SOURCE_PATH",
            ebpf_text("experimental.ebpf.programsSourcePath"),
        ),
        (
            "KUMA_RUNTIME_KUBERNETES_SUPPORT_GATEWAY_SECRETS_IN_ALL_NAMESPACES",
            when(
                values.truthy("controlPlane.supportGatewaySecretsInAllNamespaces"),
                "true",
            ),
        ),
        (
            "KUMA_STORE_KUBERNETES_SYSTEM_NAMESPACE",
            Some(ctx.namespace.clone()),
        ),
        ("KUMA_STORE_TYPE", fixed("kubernetes")),
    ]);
    env
}

/// The user's `controlPlane.envVars` merged with the defaults the way sprig's `merge`
/// does: a user value wins unless it is empty (""/false/0/null), default entries without
/// a value are skipped, and the result is sorted by name.
fn merged_env(ctx: &Context) -> anyhow::Result<Vec<EnvVar>> {
    let mut merged: BTreeMap<String, Option<String>> = BTreeMap::new();
    // Names whose user value is set and not empty: those win over the defaults.
    let mut user_wins = std::collections::BTreeSet::new();
    match ctx.values.get("controlPlane.envVars") {
        None | Some(Value::Null) => {}
        Some(Value::Object(user)) => {
            for (name, value) in user {
                if value.is_array() || value.is_object() {
                    bail!("controlPlane.envVars.{name} must be a single value");
                }
                if is_truthy(value) {
                    user_wins.insert(name.clone());
                }
                let text = (!value.is_null()).then(|| go_text(value));
                merged.insert(name.clone(), text);
            }
        }
        Some(_) => bail!("controlPlane.envVars must be a map of names to values"),
    }
    for (name, default) in default_env(ctx) {
        if let Some(default) = default
            && !user_wins.contains(name)
        {
            merged.insert(name.to_string(), Some(default));
        }
    }
    Ok(merged
        .into_iter()
        .map(|(name, value)| EnvVar {
            name,
            value,
            value_from: None,
        })
        .collect())
}

/// `controlPlane.secrets`: entries `{Env, Secret, Key}` (a list, or a map of them).
fn secret_env(ctx: &Context) -> anyhow::Result<Vec<EnvVar>> {
    let entries: Vec<&Value> = match ctx.values.get("controlPlane.secrets") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(Value::Object(map)) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            keys.into_iter().map(|k| &map[k]).collect()
        }
        Some(_) => bail!("controlPlane.secrets must be a list of {{Env, Secret, Key}}"),
    };
    entries
        .into_iter()
        .map(|entry| {
            let field = |name: &str| entry.get(name).map(go_text).unwrap_or_default();
            Ok(EnvVar {
                name: field("Env"),
                value: None,
                value_from: Some(EnvVarSource {
                    secret_key_ref: Some(SecretKeySelector {
                        name: field("Secret"),
                        key: field("Key"),
                        optional: None,
                    }),
                    ..EnvVarSource::default()
                }),
            })
        })
        .collect()
}

fn resource_env(name: &str, resource: &str, divisor: String) -> EnvVar {
    EnvVar {
        name: name.to_string(),
        value: None,
        value_from: Some(EnvVarSource {
            resource_field_ref: Some(ResourceFieldSelector {
                container_name: Some("control-plane".to_string()),
                resource: resource.to_string(),
                divisor: Some(Quantity(divisor)),
            }),
            ..EnvVarSource::default()
        }),
    }
}

/// The container environment: raw entries, the merged dict, secrets, then the
/// instance address and Go runtime limits.
fn environment(
    ctx: &Context,
    merged_env: Vec<EnvVar>,
    secret_env: Vec<EnvVar>,
) -> anyhow::Result<Vec<EnvVar>> {
    let mut env: Vec<EnvVar> = ctx
        .values
        .typed("controlPlane.envVarEntries")?
        .unwrap_or_default();
    env.extend(merged_env);
    env.extend(secret_env);
    env.push(EnvVar {
        name: "KUMA_INTER_CP_CATALOG_INSTANCE_ADDRESS".to_string(),
        value: None,
        value_from: Some(EnvVarSource {
            field_ref: Some(ObjectFieldSelector {
                api_version: None,
                field_path: "status.podIP".to_string(),
            }),
            ..EnvVarSource::default()
        }),
    });
    env.push(resource_env(
        "GOMEMLIMIT",
        "limits.memory",
        ctx.values.text("controlPlane.runtime.goMemLimit.divisor"),
    ));
    env.push(resource_env(
        "GOMAXPROCS",
        "limits.cpu",
        ctx.values.text("controlPlane.runtime.goMaxProcs.divisor"),
    ));
    Ok(env)
}

fn mount(name: &str, path: &str, sub_path: Option<&str>) -> VolumeMount {
    VolumeMount {
        name: name.to_string(),
        mount_path: path.to_string(),
        sub_path: sub_path.map(str::to_string),
        read_only: Some(true),
        ..VolumeMount::default()
    }
}

fn secret_volume(name: &str, secret: String) -> Volume {
    Volume {
        name: name.to_string(),
        secret: Some(SecretVolumeSource {
            secret_name: Some(secret),
            ..SecretVolumeSource::default()
        }),
        ..Volume::default()
    }
}

/// The mount of an `extraConfigMaps`/`extraSecrets` entry (`readOnly` as given).
fn mount_as(entry: &Value) -> VolumeMount {
    VolumeMount {
        name: field_text(entry, "name"),
        mount_path: field_text(entry, "mountPath"),
        read_only: entry.get("readOnly").and_then(Value::as_bool),
        ..VolumeMount::default()
    }
}

/// The mounts of the PostgreSQL TLS files: the CA, then the client certificate and key
/// (both containers, whatever the environment).
fn postgres_mounts(ctx: &Context) -> Vec<VolumeMount> {
    let mut mounts = Vec::new();
    if ctx.values.truthy("postgres.tls.caSecretName") {
        mounts.push(mount(
            "postgres-tls-cert-ca",
            &format!("{POSTGRES_TLS_DIR}/ca.crt"),
            Some("ca.crt"),
        ));
    }
    if ctx.values.truthy("postgres.tls.secretName") {
        for file in ["tls.crt", "tls.key"] {
            mounts.push(mount(
                "postgres-tls-cert",
                &format!("{POSTGRES_TLS_DIR}/{file}"),
                Some(file),
            ));
        }
    }
    mounts
}

/// The volumes and their mounts, in the chart's order (`templates/cp-deployment.yaml`).
fn volumes(ctx: &Context) -> anyhow::Result<(Vec<VolumeMount>, Vec<Volume>)> {
    let values = ctx.values;
    let mut mounts = Vec::new();
    let mut volumes = Vec::new();
    if !values.truthy("controlPlane.automountServiceAccountToken") {
        mounts.push(super::zone_proxy::service_account_token_mount());
        volumes.push(super::zone_proxy::service_account_token_volume());
    }
    let ca_secret_name = values.text("controlPlane.tls.general.caSecretName");
    if mounts_general_tls(ctx) {
        let ca_volume = if ca_secret_name.is_empty() {
            "general-tls-cert"
        } else {
            "general-tls-cert-ca"
        };
        for file in ["tls.crt", "tls.key"] {
            mounts.push(mount(
                "general-tls-cert",
                &format!("{TLS_CERT_DIR}/{file}"),
                Some(file),
            ));
        }
        mounts.push(mount(
            ca_volume,
            &format!("{TLS_CERT_DIR}/ca.crt"),
            Some("ca.crt"),
        ));
        // Without its mounts the volume goes too: an unused volume of a missing
        // Secret would still keep the pod from starting.
        volumes.push(secret_volume("general-tls-cert", ctx.general_tls_secret()));
        if !ca_secret_name.is_empty() {
            volumes.push(secret_volume("general-tls-cert-ca", ca_secret_name));
        }
    }
    mounts.push(mount(CONFIG_MAP_NAME, CONFIG_DIR, None));

    let api_server_secret = values.text("controlPlane.tls.apiServer.secretName");
    if !api_server_secret.is_empty() {
        mounts.push(mount("api-server-tls-cert", API_SERVER_TLS_DIR, None));
        volumes.push(secret_volume("api-server-tls-cert", api_server_secret));
    }
    mounts.extend(postgres_mounts(ctx));
    let postgres_ca = values.text("postgres.tls.caSecretName");
    if !postgres_ca.is_empty() {
        volumes.push(secret_volume("postgres-tls-cert-ca", postgres_ca));
    }
    let postgres_client = values.text("postgres.tls.secretName");
    if !postgres_client.is_empty() {
        volumes.push(secret_volume("postgres-tls-cert", postgres_client));
    }
    let client_certs = values.text("controlPlane.tls.apiServer.clientCertsSecretName");
    if !client_certs.is_empty() {
        mounts.push(mount(
            "api-server-client-certs",
            API_SERVER_CLIENT_CERTS_DIR,
            None,
        ));
        volumes.push(secret_volume("api-server-client-certs", client_certs));
    }
    let kds_server = "controlPlane.tls.kdsGlobalServer";
    if ctx.is_global() && uses_kds_secret(ctx, kds_server) {
        mounts.push(mount("kds-server-tls-cert", KDS_SERVER_TLS_DIR, None));
        volumes.push(secret_volume(
            "kds-server-tls-cert",
            kds_secret(ctx, kds_server, KDS_GLOBAL_SERVER_SECRET),
        ));
    }
    let kds_client = "controlPlane.tls.kdsZoneClient";
    if ctx.is_zone() && uses_kds_secret(ctx, kds_client) {
        mounts.push(mount("kds-client-tls-cert", KDS_CLIENT_TLS_DIR, None));
        volumes.push(secret_volume(
            "kds-client-tls-cert",
            kds_secret(ctx, kds_client, KDS_ZONE_CLIENT_SECRET),
        ));
    }
    volumes.push(Volume {
        name: CONFIG_MAP_NAME.to_string(),
        config_map: Some(ConfigMapVolumeSource {
            name: CONFIG_MAP_NAME.to_string(),
            ..ConfigMapVolumeSource::default()
        }),
        ..Volume::default()
    });
    for entry in extra_config_maps(ctx)? {
        let name = field_text(entry, "name");
        mounts.push(mount_as(entry));
        volumes.push(Volume {
            config_map: Some(ConfigMapVolumeSource {
                name: name.clone(),
                ..ConfigMapVolumeSource::default()
            }),
            name,
            ..Volume::default()
        });
    }
    for entry in entries(ctx, "controlPlane.extraSecrets")? {
        let name = field_text(entry, "name");
        mounts.push(mount_as(entry));
        volumes.push(secret_volume(&name, name.clone()));
    }
    mounts.push(VolumeMount {
        name: "tmp".to_string(),
        mount_path: "/tmp".to_string(),
        ..VolumeMount::default()
    });
    volumes.push(Volume {
        name: "tmp".to_string(),
        empty_dir: Some(EmptyDirVolumeSource::default()),
        ..Volume::default()
    });
    Ok((mounts, volumes))
}

fn http_probe(path: &str) -> Probe {
    Probe {
        timeout_seconds: Some(10),
        http_get: Some(HTTPGetAction {
            path: Some(path.to_string()),
            port: IntOrString::Int(DIAGNOSTICS_PORT),
            ..HTTPGetAction::default()
        }),
        ..Probe::default()
    }
}

fn container_port(port: i32) -> ContainerPort {
    ContainerPort {
        container_port: port,
        ..ContainerPort::default()
    }
}

pub fn deployment(
    ctx: &Context,
    config_checksum: &str,
    tls_checksum: &str,
) -> anyhow::Result<Object> {
    let values = ctx.values;
    let labels = ctx.cp_labels()?;
    let mut pod_annotations =
        BTreeMap::from([("checksum/config".to_string(), config_checksum.to_string())]);
    if values.truthy("restartOnSecretChange") {
        pod_annotations.insert("checksum/tls-secrets".to_string(), tls_checksum.to_string());
    }
    pod_annotations.extend(values.string_map("controlPlane.podAnnotations")?);

    let mut ports = vec![
        ContainerPort {
            container_port: DIAGNOSTICS_PORT,
            name: Some("diagnostics".to_string()),
            protocol: Some("TCP".to_string()),
            ..ContainerPort::default()
        },
        container_port(5681),
        container_port(5682),
        container_port(
            values
                .int("controlPlane.admissionServerPort")?
                .unwrap_or(5443),
        ),
    ];
    if !ctx.is_global() {
        ports.push(container_port(5678));
    }
    let (volume_mounts, volumes) = volumes(ctx)?;
    let merged_env = merged_env(ctx)?;
    let secret_env = secret_env(ctx)?;
    // Universal only: the database schema is migrated before the control plane starts.
    // As in Kuma's chart (deployments/charts/kuma/templates/cp-deployment.yaml): the
    // control plane's image, pull policy and security context, fixed args, the merged env
    // then the secret env entries (the database credentials the migration needs), the
    // resources, the postgres TLS files and the config volume.
    let migration = (!ctx.is_kubernetes())
        .then(|| -> anyhow::Result<Container> {
            Ok(Container {
                name: "migration".to_string(),
                image: Some(ctx.image("controlPlane.image")),
                image_pull_policy: non_empty_text(values.text("controlPlane.image.pullPolicy")),
                security_context: values.typed("controlPlane.containerSecurityContext")?,
                env: Some(merged_env.iter().chain(&secret_env).cloned().collect()),
                args: Some(vec![
                    "migrate".to_string(),
                    "up".to_string(),
                    "--log-level=info".to_string(),
                    format!("--config-file={CONFIG_DIR}/config.yaml"),
                ]),
                resources: values.typed("controlPlane.resources")?,
                volume_mounts: Some(
                    postgres_mounts(ctx)
                        .into_iter()
                        .chain([mount(CONFIG_MAP_NAME, CONFIG_DIR, None)])
                        .collect(),
                ),
                ..Container::default()
            })
        })
        .transpose()?;
    let container = Container {
        name: "control-plane".to_string(),
        image: Some(ctx.image("controlPlane.image")),
        image_pull_policy: non_empty_text(values.text("controlPlane.image.pullPolicy")),
        security_context: values.typed("controlPlane.containerSecurityContext")?,
        env: Some(environment(ctx, merged_env, secret_env)?),
        args: Some(vec![
            "run".to_string(),
            format!("--log-level={}", values.text("controlPlane.logLevel")),
            format!(
                "--log-output-path={}",
                values.text("controlPlane.logOutputPath")
            ),
            format!("--config-file={CONFIG_DIR}/config.yaml"),
        ]),
        ports: Some(ports),
        liveness_probe: Some(http_probe("/healthy")),
        readiness_probe: Some(http_probe("/ready")),
        resources: values.typed("controlPlane.resources")?,
        lifecycle: values.typed("controlPlane.lifecycle")?,
        volume_mounts: Some(volume_mounts),
        ..Container::default()
    };
    let mut node_selector = values.string_map("controlPlane.nodeSelector")?;
    node_selector.retain(|_, v| !v.is_empty());
    let (dns_policy, dns_config) = super::zone_proxy::dns(ctx, "controlPlane")?;
    let pod = PodSpec {
        affinity: ctx.tpl().typed("controlPlane.affinity")?,
        topology_spread_constraints: ctx.tpl().typed("controlPlane.topologySpreadConstraints")?,
        priority_class_name: non_empty_text(values.text("controlPlane.priorityClassName")),
        security_context: values.typed("controlPlane.podSecurityContext")?,
        service_account_name: Some(CONTROL_PLANE_NAME.to_string()),
        automount_service_account_token: Some(
            values.truthy("controlPlane.automountServiceAccountToken"),
        ),
        restart_policy: non_empty_text(values.text("controlPlane.restartPolicy")),
        node_selector: non_empty(node_selector),
        host_network: Some(values.truthy("controlPlane.hostNetwork")),
        termination_grace_period_seconds: values
            .int("controlPlane.terminationGracePeriodSeconds")?
            .map(i64::from),
        tolerations: values.typed("controlPlane.tolerations")?,
        dns_policy,
        dns_config,
        init_containers: migration.map(|container| vec![container]),
        containers: vec![container],
        volumes: Some(volumes),
        ..PodSpec::default()
    };
    let mut metadata = ctx.cp_meta(CONTROL_PLANE_NAME)?;
    metadata.annotations = non_empty(values.string_map("controlPlane.deploymentAnnotations")?);
    Object::typed(&app_deployment(AppDeployment {
        metadata,
        app: CONTROL_PLANE_NAME,
        replicas: replicas_unless_autoscaled(values, "controlPlane")?,
        min_ready_seconds: values.int("controlPlane.minReadySeconds")?,
        pod_annotations,
        labels,
        pod,
    }))
}

/// What differs between the chart's component Deployments (control plane, egress,
/// ingress); the rest of their shape is [`app_deployment`]'s.
pub struct AppDeployment<'a> {
    pub metadata: ObjectMeta,
    /// The `app` label the selector matches.
    pub app: &'a str,
    pub replicas: Option<i32>,
    pub min_ready_seconds: Option<i32>,
    pub pod_annotations: BTreeMap<String, String>,
    pub labels: BTreeMap<String, String>,
    pub pod: PodSpec,
}

/// A component Deployment: rolling update one pod at a time, selected by its `app` label.
pub fn app_deployment(d: AppDeployment<'_>) -> Deployment {
    Deployment {
        metadata: d.metadata,
        spec: Some(DeploymentSpec {
            replicas: d.replicas,
            min_ready_seconds: d.min_ready_seconds,
            strategy: Some(rolling_update()),
            selector: LabelSelector {
                match_labels: Some(app_selector(d.app)),
                ..LabelSelector::default()
            },
            template: PodTemplateSpec {
                metadata: Some(ObjectMeta {
                    annotations: Some(d.pod_annotations),
                    labels: Some(d.labels),
                    ..ObjectMeta::default()
                }),
                spec: Some(d.pod),
            },
            ..DeploymentSpec::default()
        }),
        status: None,
    }
}

/// `<component>.replicas`, left out when `<component>.autoscaling.enabled`: the HPA owns
/// the count then.
pub fn replicas_unless_autoscaled(
    values: &crate::install::values::Values,
    component: &str,
) -> anyhow::Result<Option<i32>> {
    if values.truthy(&format!("{component}.autoscaling.enabled")) {
        Ok(None)
    } else {
        values.int(&format!("{component}.replicas"))
    }
}

/// One new pod at a time, never fewer ready pods than wanted.
fn rolling_update() -> DeploymentStrategy {
    DeploymentStrategy {
        rolling_update: Some(RollingUpdateDeployment {
            max_surge: Some(IntOrString::Int(1)),
            max_unavailable: Some(IntOrString::Int(0)),
        }),
        type_: None,
    }
}

pub fn non_empty_text(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

fn service_port(port: i32, name: &str, app_protocol: &str) -> ServicePort {
    ServicePort {
        port,
        name: Some(name.to_string()),
        app_protocol: Some(app_protocol.to_string()),
        ..ServicePort::default()
    }
}

/// The control plane Service (chart: `templates/cp-service.yaml`).
pub fn service(ctx: &Context) -> anyhow::Result<Object> {
    let values = ctx.values;
    let service_type = values.text("controlPlane.service.type");
    let node_port = service_type == "NodePort";
    // The chart keeps only the annotations whose value is truthy (a bool false goes).
    let annotations: BTreeMap<String, String> = values
        .get("controlPlane.service.annotations")
        .and_then(Value::as_object)
        .map(|map| {
            map.iter()
                .filter(|(_, v)| is_truthy(v))
                .map(|(k, v)| (k.clone(), go_text(v)))
                .collect()
        })
        .unwrap_or_default();
    let mut http = service_port(5681, "http-api-server", "http");
    let mut https = service_port(5682, "https-api-server", "https");
    if node_port {
        http.node_port = values.int("controlPlane.service.apiServer.http.nodePort")?;
        https.node_port = values.int("controlPlane.service.apiServer.https.nodePort")?;
    }
    let mut ports = vec![
        service_port(DIAGNOSTICS_PORT, "diagnostics", "http"),
        http,
        https,
    ];
    // The admission server (webhooks) exists in the kubernetes environment only.
    if ctx.is_kubernetes() {
        ports.push(ServicePort {
            target_port: Some(IntOrString::Int(
                values
                    .int("controlPlane.admissionServerPort")?
                    .unwrap_or(5443),
            )),
            ..service_port(443, "https-admission-server", "https")
        });
    }
    if !ctx.is_global() {
        if values.truthy("controlPlane.madsServer.enabled") {
            ports.push(service_port(5676, "mads-server", "https"));
        }
        ports.push(service_port(5678, "dp-server", "https"));
    }
    let mut metadata = ctx.cp_meta(&ctx.service_name)?;
    metadata.annotations = non_empty(annotations);
    Object::typed(&Service {
        metadata,
        spec: Some(ServiceSpec {
            type_: non_empty_text(service_type),
            ports: Some(ports),
            selector: Some(app_selector(CONTROL_PLANE_NAME)),
            ..ServiceSpec::default()
        }),
        status: None,
    })
}

/// `kuma-global-zone-sync`: where zone control planes connect, global mode only.
pub fn global_zone_sync_service(ctx: &Context) -> anyhow::Result<Object> {
    let values = ctx.values;
    let prefix = "controlPlane.globalZoneSyncService";
    let service_type = values.text(&format!("{prefix}.type"));
    let mut port = ServicePort {
        port: values.int(&format!("{prefix}.port"))?.unwrap_or(5685),
        app_protocol: non_empty_text(values.text(&format!("{prefix}.protocol"))),
        name: Some("global-zone-sync".to_string()),
        ..ServicePort::default()
    };
    if service_type == "NodePort" {
        port.node_port = values.int(&format!("{prefix}.nodePort"))?;
    }
    let name = match values.text(&format!("{prefix}.name")) {
        name if name.is_empty() => "kuma-global-zone-sync".to_string(),
        name => name,
    };
    let mut metadata = ctx.cp_meta(&name)?;
    metadata.annotations = non_empty(values.string_map(&format!("{prefix}.annotations"))?);
    let source_ranges = values.string_list(&format!("{prefix}.loadBalancerSourceRanges"))?;
    Object::typed(&Service {
        metadata,
        spec: Some(ServiceSpec {
            type_: non_empty_text(service_type),
            load_balancer_ip: non_empty_text(values.text(&format!("{prefix}.loadBalancerIP"))),
            load_balancer_source_ranges: (!source_ranges.is_empty()).then_some(source_ranges),
            ports: Some(vec![port]),
            selector: Some(app_selector(CONTROL_PLANE_NAME)),
            ..ServiceSpec::default()
        }),
        status: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::install::values::{Values, defaults};
    use serde_json::json;

    fn values(edit: impl FnOnce(&mut serde_json::Map<String, Value>)) -> Values {
        let mut map = defaults();
        // A given TLS secret: no certificate is generated.
        map["controlPlane"]["tls"]["general"]["secretName"] = "s".into();
        edit(&mut map);
        Values::new(map)
    }

    #[test]
    fn the_config_checksum_is_the_charts_where_its_text_is_known() {
        let plain = values(|_| {});
        for (namespace, sum) in [
            (
                "kuma-system",
                "fd9d1d8386f97f2bd49e50f476520816168a1c9f60bbc43dec1347a64d239155",
            ),
            (
                "kuma",
                "154c47a95fc93687dd1e825cea7f843d0fe8c450f82014d27cd7eb1a49f3bd35",
            ),
        ] {
            let ctx = Context::new(&plain, namespace, &[]).unwrap();
            assert_eq!(chart_config_checksum(&ctx, 1).as_deref(), Some(sum));
        }
        let ctx = Context::new(&plain, "kuma-system", &[]).unwrap();
        assert_eq!(chart_config_checksum(&ctx, 2), None, "extra ConfigMaps");
        for edit in [
            |m: &mut serde_json::Map<String, Value>| m["controlPlane"]["config"] = json!("a: b"),
            |m: &mut serde_json::Map<String, Value>| {
                m["controlPlane"]["extraLabels"] = json!({"a": "b"})
            },
        ] {
            let edited = values(edit);
            let ctx = Context::new(&edited, "kuma-system", &[]).unwrap();
            assert_eq!(chart_config_checksum(&ctx, 1), None);
        }
    }

    #[test]
    fn the_tls_checksum_of_universal_with_a_given_secret_is_the_charts() {
        let universal = values(|m| m["controlPlane"]["environment"] = json!("universal"));
        let ctx = Context::new(&universal, "kuma-system", &[]).unwrap();
        assert_eq!(
            chart_tls_checksum(&ctx).as_deref(),
            Some("75a11da44c802486bc6f65640aa48a730f0f684c5c07a42ba3cd1735eb3fb070")
        );
        let kubernetes = values(|_| {});
        let ctx = Context::new(&kubernetes, "kuma-system", &[]).unwrap();
        assert_eq!(chart_tls_checksum(&ctx), None);
    }
}
