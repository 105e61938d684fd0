//! Zone Egress and Zone Ingress: ServiceAccount, Service, Deployment, and their
//! HPA/PDB (chart: `deployments/charts/kuma/templates/egress-*.yaml`, `ingress-*.yaml`).
//! Both share one shape; the differences are in [`ZoneProxy`].

use super::autoscaling::{self, Target};
use super::control_plane::{
    AppDeployment, app_deployment, non_empty_text, replicas_unless_autoscaled,
};
use super::{Context, app_selector, component_labels, non_empty};
use crate::install::manifest::Object;
use k8s_openapi::api::core::v1::{
    ConfigMapProjection, Container, ContainerPort, DownwardAPIProjection, DownwardAPIVolumeFile,
    EmptyDirVolumeSource, EnvVar, EnvVarSource, HTTPGetAction, KeyToPath, LocalObjectReference,
    ObjectFieldSelector, PodDNSConfig, PodSpec, Probe, ProjectedVolumeSource, SecretVolumeSource,
    Service, ServiceAccount, ServiceAccountTokenProjection, ServicePort, ServiceSpec, Volume,
    VolumeMount, VolumeProjection,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde_json::Value;

/// What differs between the two zone proxies.
pub struct ZoneProxy {
    /// The values section (`egress`, `ingress`).
    pub key: &'static str,
    /// Name of every object and the `app` label.
    pub name: &'static str,
    /// `kuma.io/egress` / `kuma.io/ingress`.
    pub pod_annotation: &'static str,
    /// The proxy's listener port (container port and Service target port).
    pub port: i32,
    /// Ingress has a termination grace period, a lifecycle and source ranges.
    pub is_ingress: bool,
}

pub const EGRESS: ZoneProxy = ZoneProxy {
    key: "egress",
    name: "kuma-egress",
    pod_annotation: "kuma.io/egress",
    port: 10002,
    is_ingress: false,
};

pub const INGRESS: ZoneProxy = ZoneProxy {
    key: "ingress",
    name: "kuma-ingress",
    pod_annotation: "kuma.io/ingress",
    port: 10001,
    is_ingress: true,
};

const CP_CA_DIR: &str = "/var/run/secrets/kuma.io/cp-ca";
const SERVICE_ACCOUNT_DIR: &str = "/var/run/secrets/kubernetes.io/serviceaccount";

/// The objects of one zone proxy, in the chart's file order (deployment, hpa, pdb,
/// rbac, service).
pub fn render(ctx: &Context, proxy: &ZoneProxy) -> anyhow::Result<Vec<Object>> {
    let values = ctx.values;
    let enabled = values.truthy(&format!("{}.enabled", proxy.key));
    let mut objects = Vec::new();
    if enabled {
        objects.push(deployment(ctx, proxy)?);
    }
    // The chart guards HPA and PDB by their own switches only.
    let target = Target::zone_proxy(ctx, proxy.key, proxy.name)?;
    objects.extend(autoscaling::hpa(ctx, &target)?);
    objects.extend(autoscaling::pdb(ctx, &target)?);
    if enabled {
        objects.push(service_account(ctx, proxy)?);
        if values.truthy(&format!("{}.service.enabled", proxy.key)) {
            objects.push(service(ctx, proxy)?);
        }
    }
    Ok(objects)
}

fn meta(ctx: &Context, proxy: &ZoneProxy, name: &str) -> anyhow::Result<ObjectMeta> {
    Ok(ObjectMeta {
        name: Some(name.to_string()),
        namespace: Some(ctx.namespace.clone()),
        labels: Some(component_labels(
            ctx.values,
            proxy.name,
            &format!("{}.extraLabels", proxy.key),
        )?),
        ..ObjectMeta::default()
    })
}

fn service_account(ctx: &Context, proxy: &ZoneProxy) -> anyhow::Result<Object> {
    let mut metadata = meta(ctx, proxy, proxy.name)?;
    metadata.annotations = non_empty(
        ctx.values
            .string_map(&format!("{}.serviceAccountAnnotations", proxy.key))?,
    );
    Object::typed(&ServiceAccount {
        metadata,
        image_pull_secrets: image_pull_secrets(ctx)?,
        ..ServiceAccount::default()
    })
}

/// `global.imagePullSecrets`: names, or `{name: ...}` maps.
pub fn image_pull_secrets(ctx: &Context) -> anyhow::Result<Option<Vec<LocalObjectReference>>> {
    let secrets: Vec<LocalObjectReference> = match ctx.values.get("global.imagePullSecrets") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| LocalObjectReference {
                name: match item {
                    Value::Object(map) => map
                        .get("name")
                        .map(crate::install::values::go_text)
                        .unwrap_or_default(),
                    other => crate::install::values::go_text(other),
                },
            })
            .collect(),
        Some(_) => anyhow::bail!("global.imagePullSecrets must be a list of secret names"),
    };
    Ok((!secrets.is_empty()).then_some(secrets))
}

fn service(ctx: &Context, proxy: &ZoneProxy) -> anyhow::Result<Object> {
    let values = ctx.values;
    let prefix = format!("{}.service", proxy.key);
    let service_type = values.text(&format!("{prefix}.type"));
    let name = match values.text(&format!("{prefix}.name")) {
        name if name.is_empty() => proxy.name.to_string(),
        name => name,
    };
    let mut port = ServicePort {
        port: values.int(&format!("{prefix}.port"))?.unwrap_or(proxy.port),
        protocol: Some("TCP".to_string()),
        target_port: Some(IntOrString::Int(proxy.port)),
        ..ServicePort::default()
    };
    if service_type == "NodePort" {
        port.node_port = values.int(&format!("{prefix}.nodePort"))?;
    }
    let source_ranges = if proxy.is_ingress {
        values.string_list(&format!("{prefix}.loadBalancerSourceRanges"))?
    } else {
        Vec::new()
    };
    let mut metadata = meta(ctx, proxy, &name)?;
    metadata.annotations = non_empty(values.string_map(&format!("{prefix}.annotations"))?);
    Object::typed(&Service {
        metadata,
        spec: Some(ServiceSpec {
            type_: non_empty_text(service_type),
            load_balancer_ip: non_empty_text(values.text(&format!("{prefix}.loadBalancerIP"))),
            load_balancer_source_ranges: (!source_ranges.is_empty()).then_some(source_ranges),
            ports: Some(vec![port]),
            selector: Some(app_selector(proxy.name)),
            ..ServiceSpec::default()
        }),
        status: None,
    })
}

fn field_env(name: &str, field_path: &str) -> EnvVar {
    EnvVar {
        name: name.to_string(),
        value: None,
        value_from: Some(EnvVarSource {
            field_ref: Some(ObjectFieldSelector {
                api_version: None,
                field_path: field_path.to_string(),
            }),
            ..EnvVarSource::default()
        }),
    }
}

fn env(name: &str, value: String) -> EnvVar {
    EnvVar {
        name: name.to_string(),
        value: Some(value),
        value_from: None,
    }
}

/// The probe at `<key>.<probe>` when enabled: HTTP `/ready` on the Envoy admin port.
fn probe(ctx: &Context, path: &str, admin_port: i32) -> anyhow::Result<Option<Probe>> {
    let values = ctx.values;
    if !values.truthy(&format!("{path}.enabled")) {
        return Ok(None);
    }
    let field = |name: &str| values.int(&format!("{path}.{name}"));
    Ok(Some(Probe {
        http_get: Some(HTTPGetAction {
            path: Some("/ready".to_string()),
            port: IntOrString::Int(admin_port),
            ..HTTPGetAction::default()
        }),
        failure_threshold: field("failureThreshold")?,
        initial_delay_seconds: field("initialDelaySeconds")?,
        period_seconds: field("periodSeconds")?,
        success_threshold: field("successThreshold")?,
        timeout_seconds: field("timeoutSeconds")?,
        ..Probe::default()
    }))
}

/// The projected token volume used instead of the automounted one.
pub fn service_account_token_volume() -> Volume {
    Volume {
        name: "serviceaccount-token".to_string(),
        projected: Some(ProjectedVolumeSource {
            default_mode: Some(420),
            sources: Some(vec![
                VolumeProjection {
                    service_account_token: Some(ServiceAccountTokenProjection {
                        expiration_seconds: Some(3600),
                        path: "token".to_string(),
                        audience: None,
                    }),
                    ..VolumeProjection::default()
                },
                VolumeProjection {
                    config_map: Some(ConfigMapProjection {
                        name: "kube-root-ca.crt".to_string(),
                        items: Some(vec![KeyToPath {
                            key: "ca.crt".to_string(),
                            path: "ca.crt".to_string(),
                            mode: None,
                        }]),
                        optional: None,
                    }),
                    ..VolumeProjection::default()
                },
                VolumeProjection {
                    downward_api: Some(DownwardAPIProjection {
                        items: Some(vec![DownwardAPIVolumeFile {
                            field_ref: Some(ObjectFieldSelector {
                                api_version: Some("v1".to_string()),
                                field_path: "metadata.namespace".to_string(),
                            }),
                            path: "namespace".to_string(),
                            ..DownwardAPIVolumeFile::default()
                        }]),
                    }),
                    ..VolumeProjection::default()
                },
            ]),
        }),
        ..Volume::default()
    }
}

pub fn service_account_token_mount() -> VolumeMount {
    VolumeMount {
        name: "serviceaccount-token".to_string(),
        mount_path: SERVICE_ACCOUNT_DIR.to_string(),
        read_only: Some(true),
        ..VolumeMount::default()
    }
}

/// `dnsPolicy` and `dnsConfig` from `<key>.dns`, when set.
pub fn dns(ctx: &Context, key: &str) -> anyhow::Result<(Option<String>, Option<PodDNSConfig>)> {
    let policy = non_empty_text(ctx.values.text(&format!("{key}.dns.policy")));
    let nameservers = ctx
        .values
        .string_list(&format!("{key}.dns.config.nameservers"))?;
    let searches = ctx
        .values
        .string_list(&format!("{key}.dns.config.searches"))?;
    // Each list only when it has entries, the whole config only when one has.
    let config = (!nameservers.is_empty() || !searches.is_empty()).then(|| PodDNSConfig {
        nameservers: (!nameservers.is_empty()).then_some(nameservers),
        searches: (!searches.is_empty()).then_some(searches),
        options: None,
    });
    Ok((policy, config))
}

fn deployment(ctx: &Context, proxy: &ZoneProxy) -> anyhow::Result<Object> {
    let values = ctx.values;
    let key = proxy.key;
    let path = |name: &str| format!("{key}.{name}");
    let labels = component_labels(values, proxy.name, &path("extraLabels"))?;

    let mut pod_annotations = values.string_map(&path("annotations"))?;
    pod_annotations.extend(values.string_map(&path("podAnnotations"))?);
    pod_annotations.insert(proxy.pod_annotation.to_string(), "enabled".to_string());

    let admin_port = if values.truthy("experimental.envoyAdminUnixSocket") {
        9902
    } else {
        9901
    };
    let log_level = match values.text(&path("logLevel")) {
        level if level.is_empty() => "info".to_string(),
        level => level,
    };
    let automount = values.truthy(&path("automountServiceAccountToken"));
    let mut volume_mounts = Vec::new();
    let mut volumes = Vec::new();
    if !automount {
        volume_mounts.push(service_account_token_mount());
        volumes.push(service_account_token_volume());
    }
    volume_mounts.push(VolumeMount {
        name: "control-plane-ca".to_string(),
        mount_path: CP_CA_DIR.to_string(),
        read_only: Some(true),
        ..VolumeMount::default()
    });
    volume_mounts.push(VolumeMount {
        name: "tmp".to_string(),
        mount_path: "/tmp".to_string(),
        ..VolumeMount::default()
    });
    volumes.push(Volume {
        name: "control-plane-ca".to_string(),
        secret: Some(SecretVolumeSource {
            secret_name: Some(ctx.ca_secret()),
            items: Some(vec![KeyToPath {
                key: "ca.crt".to_string(),
                path: "ca.crt".to_string(),
                mode: None,
            }]),
            ..SecretVolumeSource::default()
        }),
        ..Volume::default()
    });
    volumes.push(Volume {
        name: "tmp".to_string(),
        empty_dir: Some(EmptyDirVolumeSource::default()),
        ..Volume::default()
    });

    let container = Container {
        name: key.to_string(),
        image: Some(ctx.image("dataPlane.image")),
        image_pull_policy: non_empty_text(values.text("dataPlane.image.pullPolicy")),
        security_context: values.typed(&path("containerSecurityContext"))?,
        env: Some(vec![
            field_env("POD_NAME", "metadata.name"),
            field_env("POD_NAMESPACE", "metadata.namespace"),
            env(
                "KUMA_CONTROL_PLANE_URL",
                format!("https://{}.{}:5678", ctx.service_name, ctx.namespace),
            ),
            env(
                "KUMA_CONTROL_PLANE_CA_CERT_FILE",
                format!("{CP_CA_DIR}/ca.crt"),
            ),
            env("KUMA_DATAPLANE_DRAIN_TIME", values.text(&path("drainTime"))),
            env(
                "KUMA_DATAPLANE_RUNTIME_TOKEN_PATH",
                format!("{SERVICE_ACCOUNT_DIR}/token"),
            ),
            env("KUMA_DATAPLANE_PROXY_TYPE", key.to_string()),
        ]),
        args: Some(vec!["run".to_string(), format!("--log-level={log_level}")]),
        ports: Some(vec![
            ContainerPort {
                container_port: proxy.port,
                ..ContainerPort::default()
            },
            ContainerPort {
                container_port: admin_port,
                ..ContainerPort::default()
            },
        ]),
        liveness_probe: probe(ctx, &path("livenessProbe"), admin_port)?,
        readiness_probe: probe(ctx, &path("readinessProbe"), admin_port)?,
        startup_probe: probe(ctx, &path("startupProbe"), admin_port)?,
        resources: values.typed(&path("resources"))?,
        lifecycle: if proxy.is_ingress {
            values.typed(&path("lifecycle"))?
        } else {
            None
        },
        volume_mounts: Some(volume_mounts),
        ..Container::default()
    };
    let mut node_selector = values.string_map(&path("nodeSelector"))?;
    node_selector.retain(|_, v| !v.is_empty());
    let (dns_policy, dns_config) = dns(ctx, key)?;
    let pod = PodSpec {
        affinity: ctx.tpl().typed(&path("affinity"))?,
        topology_spread_constraints: ctx.tpl().typed(&path("topologySpreadConstraints"))?,
        priority_class_name: non_empty_text(values.text(&path("priorityClassName"))),
        security_context: values.typed(&path("podSecurityContext"))?,
        service_account_name: Some(proxy.name.to_string()),
        automount_service_account_token: Some(automount),
        restart_policy: non_empty_text(values.text(&path("restartPolicy"))),
        node_selector: non_empty(node_selector),
        tolerations: values.typed(&path("tolerations"))?,
        dns_policy,
        dns_config,
        termination_grace_period_seconds: if proxy.is_ingress {
            values
                .int(&path("terminationGracePeriodSeconds"))?
                .map(i64::from)
        } else {
            None
        },
        containers: vec![container],
        volumes: Some(volumes),
        ..PodSpec::default()
    };
    let mut metadata = meta(ctx, proxy, proxy.name)?;
    metadata.annotations = non_empty(values.string_map(&path("deploymentAnnotations"))?);
    Object::typed(&app_deployment(AppDeployment {
        metadata,
        app: proxy.name,
        replicas: replicas_unless_autoscaled(values, proxy.key)?,
        min_ready_seconds: None,
        pod_annotations,
        labels,
        pod,
    }))
}
