//! `kumactl install demo`: Kuma's demo application (Go: `app/kumactl/cmd/install/
//! install_demo.go` and its `data/install/k8s/demo` manifests) as typed objects: a
//! namespace with sidecar injection, Redis and the demo app, and, unless left out, a
//! builtin gateway in front of the app.

use super::manifest::{self, Object};
use k8s_openapi::api::apps::v1::{Deployment, DeploymentSpec};
use k8s_openapi::api::core::v1::{
    Container, ContainerPort, EnvVar, ExecAction, Lifecycle, LifecycleHandler, Namespace, PodSpec,
    PodTemplateSpec, Service, ServicePort, ServiceSpec,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use serde_json::json;
use std::collections::BTreeMap;

const REDIS_IMAGE: &str =
    "redis@sha256:aa049e689e141a4358ad1d4562dc49c88a89fbab711fd8fcc33f684c80b26301";
const DEMO_APP_IMAGE: &str =
    "kumahq/kuma-demo@sha256:9b11fb97144523cd5d5cc021445dd7f59d4b72bc49727fefbdf0d3f07a7dd5c1";

/// The flags of `install demo`.
#[derive(Debug, Clone)]
pub struct DemoOptions {
    pub zone: String,
    pub namespace: String,
    pub system_namespace: String,
    pub without_gateway: bool,
}

fn app_label(app: &str) -> BTreeMap<String, String> {
    BTreeMap::from([("app".to_string(), app.to_string())])
}

fn meta(name: &str, namespace: &str, labels: Option<BTreeMap<String, String>>) -> ObjectMeta {
    ObjectMeta {
        name: Some(name.to_string()),
        namespace: Some(namespace.to_string()),
        labels,
        ..ObjectMeta::default()
    }
}

fn service(app: &str, namespace: &str, port: ServicePort) -> Service {
    Service {
        metadata: meta(app, namespace, Some(app_label(app))),
        spec: Some(ServiceSpec {
            selector: Some(app_label(app)),
            ports: Some(vec![ServicePort {
                protocol: Some("TCP".into()),
                ..port
            }]),
            ..ServiceSpec::default()
        }),
        status: None,
    }
}

fn deployment(app: &str, namespace: &str, container: Container) -> Deployment {
    Deployment {
        metadata: meta(app, namespace, None),
        spec: Some(DeploymentSpec {
            replicas: Some(1),
            selector: LabelSelector {
                match_labels: Some(app_label(app)),
                ..LabelSelector::default()
            },
            template: PodTemplateSpec {
                metadata: Some(ObjectMeta {
                    labels: Some(app_label(app)),
                    ..ObjectMeta::default()
                }),
                spec: Some(PodSpec {
                    containers: vec![container],
                    ..PodSpec::default()
                }),
            },
            ..DeploymentSpec::default()
        }),
        status: None,
    }
}

fn exec(command: &[&str]) -> LifecycleHandler {
    LifecycleHandler {
        exec: Some(ExecAction {
            command: Some(command.iter().map(|c| c.to_string()).collect()),
        }),
        ..LifecycleHandler::default()
    }
}

fn port(name: &str, port: i32) -> ContainerPort {
    ContainerPort {
        name: Some(name.to_string()),
        container_port: port,
        ..ContainerPort::default()
    }
}

fn env(name: &str, value: &str) -> EnvVar {
    EnvVar {
        name: name.to_string(),
        value: Some(value.to_string()),
        value_from: None,
    }
}

/// The demo's documents, in Helm's install order.
pub fn render(options: &DemoOptions) -> anyhow::Result<Vec<Object>> {
    let ns = options.namespace.as_str();
    let mut objects = vec![
        Object::typed(&Namespace {
            metadata: ObjectMeta {
                name: Some(ns.to_string()),
                labels: Some(BTreeMap::from([(
                    "kuma.io/sidecar-injection".to_string(),
                    "enabled".to_string(),
                )])),
                ..ObjectMeta::default()
            },
            ..Namespace::default()
        })?,
        Object::typed(&service(
            "redis",
            ns,
            ServicePort {
                port: 6379,
                ..ServicePort::default()
            },
        ))?,
        Object::typed(&deployment(
            "redis",
            ns,
            Container {
                name: "redis".into(),
                image: Some(REDIS_IMAGE.into()),
                ports: Some(vec![port("tcp", 6379)]),
                lifecycle: Some(Lifecycle {
                    // Time for the sidecar to leave the mesh before Redis stops.
                    pre_stop: Some(exec(&["/bin/sleep", "30"])),
                    post_start: Some(exec(&[
                        "/usr/local/bin/redis-cli",
                        "set",
                        "zone",
                        &options.zone,
                    ])),
                    ..Lifecycle::default()
                }),
                ..Container::default()
            },
        ))?,
        Object::typed(&service(
            "demo-app",
            ns,
            ServicePort {
                app_protocol: Some("http".into()),
                port: 5000,
                ..ServicePort::default()
            },
        ))?,
        Object::typed(&deployment(
            "demo-app",
            ns,
            Container {
                name: "demo-app".into(),
                image: Some(DEMO_APP_IMAGE.into()),
                env: Some(vec![
                    env("REDIS_HOST", &format!("redis.{ns}.svc.cluster.local")),
                    env("REDIS_PORT", "6379"),
                    env("APP_VERSION", "1.0"),
                    env("APP_COLOR", "#efefef"),
                ]),
                ports: Some(vec![port("http", 5000)]),
                ..Container::default()
            },
        ))?,
    ];
    if !options.without_gateway {
        objects.extend(gateway(ns, &options.system_namespace));
    }
    Ok(manifest::sort_by_kind(objects))
}

/// A builtin MeshGateway for the demo app, its instance and the route to the app.
fn gateway(ns: &str, system_namespace: &str) -> [Object; 3] {
    let kuma = Object::json;
    [
        kuma(
            "MeshGateway",
            json!({
                "apiVersion": "kuma.io/v1alpha1",
                "kind": "MeshGateway",
                "mesh": "default",
                "metadata": {"name": "demo-app", "labels": {"kuma.io/origin": "zone"}},
                "spec": {
                    "conf": {"listeners": [{"port": 80, "protocol": "HTTP"}]},
                    "selectors": [{"match": {"kuma.io/service": format!("demo-app-gateway_{ns}_svc")}}],
                },
            }),
        ),
        kuma(
            "MeshGatewayInstance",
            json!({
                "apiVersion": "kuma.io/v1alpha1",
                "kind": "MeshGatewayInstance",
                "metadata": {"name": "demo-app-gateway", "namespace": ns},
                "spec": {"replicas": 1, "serviceType": "LoadBalancer"},
            }),
        ),
        kuma(
            "MeshHTTPRoute",
            json!({
                "apiVersion": "kuma.io/v1alpha1",
                "kind": "MeshHTTPRoute",
                "metadata": {
                    "name": "demo-app",
                    "namespace": system_namespace,
                    "labels": {"kuma.io/origin": "zone", "kuma.io/mesh": "default"},
                },
                "spec": {
                    "targetRef": {"kind": "MeshGateway", "name": "demo-app"},
                    "to": [{
                        "targetRef": {"kind": "Mesh"},
                        "rules": [{
                            "matches": [{"path": {"type": "PathPrefix", "value": "/"}}],
                            "default": {"backendRefs": [{"kind": "MeshService", "name": format!("demo-app_{ns}_svc_5000")}]},
                        }],
                    }],
                },
            }),
        ),
    ]
}
