//! The 54 `kuma.io` CustomResourceDefinitions (install.md §3.2). Names, kinds, scope, short names, categories and printer columns
//! follow Kuma's; the schema is structural with free-form `spec` and `status`, since
//! Kuma's admission webhook validates the content.

use super::manifest::Object;
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::{
    CustomResourceColumnDefinition, CustomResourceDefinition, CustomResourceDefinitionNames,
    CustomResourceDefinitionSpec, CustomResourceDefinitionVersion, CustomResourceSubresources,
    CustomResourceValidation, JSONSchemaProps,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use std::collections::BTreeMap;

const GROUP: &str = "kuma.io";
const VERSION: &str = "v1alpha1";
const CONTROLLER_GEN_VERSION: &str = "v0.21.0";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Cluster,
    Namespaced,
}

/// How an object of the type is shaped beyond `metadata`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A legacy type living in a mesh: a top-level `mesh` field beside `spec`.
    LegacyMeshScoped,
    /// Any other legacy type.
    Legacy,
    /// A policy with a top-level `targetRef`, listed with its kind and name.
    TargetRefPolicy(&'static str),
    /// A newer resource type with a short name.
    Resource(&'static str),
}

struct Crd {
    plural: &'static str,
    kind: &'static str,
    scope: Scope,
    shape: Shape,
    /// Whether status is a subresource (the control plane patches it separately).
    status_subresource: bool,
}

const fn crd(plural: &'static str, kind: &'static str, scope: Scope, shape: Shape) -> Crd {
    Crd {
        plural,
        kind,
        scope,
        shape,
        status_subresource: false,
    }
}

use Scope::{Cluster, Namespaced};
use Shape::{Legacy, LegacyMeshScoped, Resource, TargetRefPolicy};

/// In the chart's file order (alphabetical). Helm's sort by the string
/// `manifest-<index>` then permutes them into the output order of install.md §3.1.
const CRDS: [Crd; 54] = [
    crd(
        "circuitbreakers",
        "CircuitBreaker",
        Cluster,
        LegacyMeshScoped,
    ),
    crd("containerpatches", "ContainerPatch", Namespaced, Legacy),
    crd(
        "dataplaneinsights",
        "DataplaneInsight",
        Namespaced,
        LegacyMeshScoped,
    ),
    crd("dataplanes", "Dataplane", Namespaced, LegacyMeshScoped),
    crd(
        "externalservices",
        "ExternalService",
        Cluster,
        LegacyMeshScoped,
    ),
    crd(
        "faultinjections",
        "FaultInjection",
        Cluster,
        LegacyMeshScoped,
    ),
    crd("healthchecks", "HealthCheck", Cluster, LegacyMeshScoped),
    crd(
        "hostnamegenerators",
        "HostnameGenerator",
        Namespaced,
        Resource("hg"),
    ),
    crd(
        "meshaccesslogs",
        "MeshAccessLog",
        Namespaced,
        TargetRefPolicy("mal"),
    ),
    crd(
        "meshcircuitbreakers",
        "MeshCircuitBreaker",
        Namespaced,
        TargetRefPolicy("mcb"),
    ),
    crd("meshes", "Mesh", Cluster, Legacy),
    crd(
        "meshexternalservices",
        "MeshExternalService",
        Namespaced,
        Resource("extsvc"),
    ),
    crd(
        "meshfaultinjections",
        "MeshFaultInjection",
        Namespaced,
        TargetRefPolicy("mfi"),
    ),
    crd("meshgatewayconfigs", "MeshGatewayConfig", Cluster, Legacy),
    Crd {
        status_subresource: true,
        ..crd(
            "meshgatewayinstances",
            "MeshGatewayInstance",
            Namespaced,
            Legacy,
        )
    },
    crd(
        "meshgatewayroutes",
        "MeshGatewayRoute",
        Cluster,
        LegacyMeshScoped,
    ),
    crd("meshgateways", "MeshGateway", Cluster, LegacyMeshScoped),
    crd(
        "meshhealthchecks",
        "MeshHealthCheck",
        Namespaced,
        TargetRefPolicy("mhc"),
    ),
    crd(
        "meshhttproutes",
        "MeshHTTPRoute",
        Namespaced,
        TargetRefPolicy("mhttpr"),
    ),
    crd(
        "meshidentities",
        "MeshIdentity",
        Namespaced,
        Resource("mid"),
    ),
    crd("meshinsights", "MeshInsight", Cluster, Legacy),
    crd(
        "meshloadbalancingstrategies",
        "MeshLoadBalancingStrategy",
        Namespaced,
        TargetRefPolicy("mlbs"),
    ),
    crd(
        "meshmetrics",
        "MeshMetric",
        Namespaced,
        TargetRefPolicy("mm"),
    ),
    crd(
        "meshmultizoneservices",
        "MeshMultiZoneService",
        Namespaced,
        Resource("mzsvc"),
    ),
    crd(
        "meshopentelemetrybackends",
        "MeshOpenTelemetryBackend",
        Namespaced,
        Resource("motb"),
    ),
    crd(
        "meshpassthroughs",
        "MeshPassthrough",
        Namespaced,
        TargetRefPolicy("mp"),
    ),
    crd(
        "meshproxypatches",
        "MeshProxyPatch",
        Namespaced,
        TargetRefPolicy("mpp"),
    ),
    crd(
        "meshratelimits",
        "MeshRateLimit",
        Namespaced,
        TargetRefPolicy("mrl"),
    ),
    crd(
        "meshretries",
        "MeshRetry",
        Namespaced,
        TargetRefPolicy("mr"),
    ),
    crd("meshservices", "MeshService", Namespaced, Resource("msvc")),
    crd(
        "meshtcproutes",
        "MeshTCPRoute",
        Namespaced,
        TargetRefPolicy("mtcpr"),
    ),
    crd(
        "meshtimeouts",
        "MeshTimeout",
        Namespaced,
        TargetRefPolicy("mt"),
    ),
    crd("meshtlses", "MeshTLS", Namespaced, TargetRefPolicy("mtls")),
    crd(
        "meshtraces",
        "MeshTrace",
        Namespaced,
        TargetRefPolicy("mtr"),
    ),
    crd(
        "meshtrafficpermissions",
        "MeshTrafficPermission",
        Namespaced,
        TargetRefPolicy("mtp"),
    ),
    crd("meshtrusts", "MeshTrust", Namespaced, Resource("mtrust")),
    crd(
        "meshzoneaddresses",
        "MeshZoneAddress",
        Namespaced,
        Resource("mza"),
    ),
    crd("proxytemplates", "ProxyTemplate", Cluster, LegacyMeshScoped),
    crd("ratelimits", "RateLimit", Cluster, LegacyMeshScoped),
    crd("retries", "Retry", Cluster, LegacyMeshScoped),
    crd(
        "serviceinsights",
        "ServiceInsight",
        Cluster,
        LegacyMeshScoped,
    ),
    crd("timeouts", "Timeout", Cluster, LegacyMeshScoped),
    crd("trafficlogs", "TrafficLog", Cluster, LegacyMeshScoped),
    crd(
        "trafficpermissions",
        "TrafficPermission",
        Cluster,
        LegacyMeshScoped,
    ),
    crd("trafficroutes", "TrafficRoute", Cluster, LegacyMeshScoped),
    crd("traffictraces", "TrafficTrace", Cluster, LegacyMeshScoped),
    crd(
        "virtualoutbounds",
        "VirtualOutbound",
        Cluster,
        LegacyMeshScoped,
    ),
    crd("workloads", "Workload", Namespaced, Resource("wl")),
    crd("zoneegresses", "ZoneEgress", Namespaced, Legacy),
    crd(
        "zoneegressinsights",
        "ZoneEgressInsight",
        Namespaced,
        Legacy,
    ),
    crd("zoneingresses", "ZoneIngress", Namespaced, Legacy),
    crd(
        "zoneingressinsights",
        "ZoneIngressInsight",
        Namespaced,
        Legacy,
    ),
    crd("zoneinsights", "ZoneInsight", Cluster, Legacy),
    crd("zones", "Zone", Cluster, Legacy),
];

/// The 54 CRDs, in chart file order.
pub fn render() -> anyhow::Result<Vec<Object>> {
    CRDS.iter()
        .map(|crd| Object::typed(&definition(crd)))
        .collect()
}

/// The `<plural>.kuma.io` names in chart file order.
pub fn names() -> Vec<String> {
    CRDS.iter()
        .map(|crd| format!("{}.{GROUP}", crd.plural))
        .collect()
}

fn definition(crd: &Crd) -> CustomResourceDefinition {
    let short_name = match crd.shape {
        TargetRefPolicy(short) | Resource(short) => Some(vec![short.to_string()]),
        Legacy | LegacyMeshScoped => None,
    };
    let printer_columns = match crd.shape {
        TargetRefPolicy(_) => Some(vec![
            column("TargetRef Kind", ".spec.targetRef.kind"),
            column("TargetRef Name", ".spec.targetRef.name"),
        ]),
        _ => None,
    };
    CustomResourceDefinition {
        metadata: ObjectMeta {
            name: Some(format!("{}.{GROUP}", crd.plural)),
            annotations: Some(BTreeMap::from([(
                "controller-gen.kubebuilder.io/version".to_string(),
                CONTROLLER_GEN_VERSION.to_string(),
            )])),
            ..ObjectMeta::default()
        },
        spec: CustomResourceDefinitionSpec {
            group: GROUP.to_string(),
            names: CustomResourceDefinitionNames {
                categories: Some(vec!["kuma".to_string()]),
                kind: crd.kind.to_string(),
                list_kind: Some(format!("{}List", crd.kind)),
                plural: crd.plural.to_string(),
                short_names: short_name,
                singular: Some(crd.kind.to_ascii_lowercase()),
            },
            scope: match crd.scope {
                Cluster => "Cluster",
                Namespaced => "Namespaced",
            }
            .to_string(),
            versions: vec![CustomResourceDefinitionVersion {
                name: VERSION.to_string(),
                served: true,
                storage: true,
                additional_printer_columns: printer_columns,
                schema: Some(CustomResourceValidation {
                    open_api_v3_schema: Some(schema(crd)),
                }),
                subresources: crd.status_subresource.then(|| CustomResourceSubresources {
                    status: Some(Default::default()),
                    scale: None,
                }),
                ..CustomResourceDefinitionVersion::default()
            }],
            ..CustomResourceDefinitionSpec::default()
        },
        status: None,
    }
}

fn column(name: &str, json_path: &str) -> CustomResourceColumnDefinition {
    CustomResourceColumnDefinition {
        name: name.to_string(),
        type_: "string".to_string(),
        json_path: json_path.to_string(),
        ..CustomResourceColumnDefinition::default()
    }
}

fn typed(type_: &str) -> JSONSchemaProps {
    JSONSchemaProps {
        type_: Some(type_.to_string()),
        ..JSONSchemaProps::default()
    }
}

fn free_form_object() -> JSONSchemaProps {
    JSONSchemaProps {
        type_: Some("object".to_string()),
        x_kubernetes_preserve_unknown_fields: Some(true),
        ..JSONSchemaProps::default()
    }
}

fn schema(crd: &Crd) -> JSONSchemaProps {
    let mut properties = BTreeMap::from([
        ("apiVersion".to_string(), typed("string")),
        ("kind".to_string(), typed("string")),
        ("metadata".to_string(), typed("object")),
        ("spec".to_string(), free_form_object()),
        ("status".to_string(), free_form_object()),
    ]);
    if crd.shape == LegacyMeshScoped {
        properties.insert("mesh".to_string(), typed("string"));
    }
    JSONSchemaProps {
        type_: Some("object".to_string()),
        properties: Some(properties),
        ..JSONSchemaProps::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifty_four_unique_kuma_crds() {
        let names = names();
        assert_eq!(names.len(), 54);
        let unique: std::collections::BTreeSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), 54);
        assert_eq!(names[0], "circuitbreakers.kuma.io");
        assert_eq!(names[53], "zones.kuma.io");
    }
}
