//! The 54 `kuma.io` CustomResourceDefinitions of Kuma's chart (`deployments/charts/kuma/
//! crds/`): names, short names, scope, categories, printer columns, the status
//! subresource, and the schema of each. A legacy type's `spec` is free-form (Kuma's
//! admission webhook checks it); a new-style type's `spec` (and `status`) is its full
//! structural schema, the one Kuma's OpenAPI gives its `...Item` (the schema data of
//! `resources::schemas`); the three Kubernetes-only types carry their own.

use super::manifest::Object;
use crate::resources::schemas;
use anyhow::Context;
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::{
    CustomResourceColumnDefinition, CustomResourceDefinition, CustomResourceDefinitionNames,
    CustomResourceDefinitionSpec, CustomResourceDefinitionVersion, CustomResourceSubresourceStatus,
    CustomResourceSubresources, CustomResourceValidation, JSONSchemaProps,
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

/// What the root schema holds besides `apiVersion`, `kind` and `metadata`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Body {
    /// A legacy type: `mesh` and a free-form `spec`.
    Legacy,
    /// A legacy insight kept in `status` only: `mesh` and a free-form `status`.
    LegacyStatus,
    /// A new-style type: its `spec` schema, and its `status` schema when it has one.
    Item,
    /// A Kubernetes-only type: the whole schema comes with it.
    KubernetesOnly,
}

/// The printer columns of `kubectl get`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Columns {
    None,
    /// `TargetRef Kind`, `TargetRef Name`.
    TargetRef,
    /// `Hostname` from the first status address.
    Hostname,
    /// `zone` from the spec.
    Zone,
    /// `kuma.io/service` of the first four inbounds, the last two at priority 1.
    DataplaneServices,
}

struct Crd {
    plural: &'static str,
    kind: &'static str,
    short_name: Option<&'static str>,
    scope: Scope,
    body: Body,
    /// Whether status is a subresource (the control plane patches it separately).
    status_subresource: bool,
    columns: Columns,
}

use Body::{Item, KubernetesOnly, Legacy, LegacyStatus};
use Columns::{DataplaneServices, Hostname, TargetRef, Zone};
use Scope::{Cluster, Namespaced};

const fn crd(
    plural: &'static str,
    kind: &'static str,
    short_name: Option<&'static str>,
    scope: Scope,
    body: Body,
    columns: Columns,
) -> Crd {
    Crd {
        plural,
        kind,
        short_name,
        scope,
        body,
        status_subresource: false,
        columns,
    }
}

const fn with_status(crd: Crd) -> Crd {
    Crd {
        status_subresource: true,
        ..crd
    }
}

const NO: Columns = Columns::None;

/// In the chart's file order (alphabetical). Helm's sort by the string
/// `manifest-<index>` then permutes them into install's output order; `install crds`
/// keeps this order.
#[rustfmt::skip]
const CRDS: [Crd; 54] = [
    crd("circuitbreakers", "CircuitBreaker", None, Cluster, Legacy, NO),
    crd("containerpatches", "ContainerPatch", None, Namespaced, KubernetesOnly, NO),
    crd("dataplaneinsights", "DataplaneInsight", None, Namespaced, LegacyStatus, NO),
    crd("dataplanes", "Dataplane", Some("dp"), Namespaced, Legacy, DataplaneServices),
    crd("externalservices", "ExternalService", None, Cluster, Legacy, NO),
    crd("faultinjections", "FaultInjection", None, Cluster, Legacy, NO),
    crd("healthchecks", "HealthCheck", None, Cluster, Legacy, NO),
    crd("hostnamegenerators", "HostnameGenerator", Some("hg"), Namespaced, Item, NO),
    crd("meshaccesslogs", "MeshAccessLog", Some("mal"), Namespaced, Item, TargetRef),
    crd("meshcircuitbreakers", "MeshCircuitBreaker", Some("mcb"), Namespaced, Item, TargetRef),
    crd("meshes", "Mesh", Some("m"), Cluster, Legacy, NO),
    crd("meshexternalservices", "MeshExternalService", Some("extsvc"), Namespaced, Item, Hostname),
    crd("meshfaultinjections", "MeshFaultInjection", Some("mfi"), Namespaced, Item, TargetRef),
    with_status(crd("meshgatewayconfigs", "MeshGatewayConfig", None, Cluster, KubernetesOnly, NO)),
    with_status(crd("meshgatewayinstances", "MeshGatewayInstance", None, Namespaced, KubernetesOnly, NO)),
    crd("meshgatewayroutes", "MeshGatewayRoute", None, Cluster, Legacy, NO),
    crd("meshgateways", "MeshGateway", Some("mgw"), Cluster, Legacy, NO),
    crd("meshhealthchecks", "MeshHealthCheck", Some("mhc"), Namespaced, Item, TargetRef),
    crd("meshhttproutes", "MeshHTTPRoute", Some("mhttpr"), Namespaced, Item, TargetRef),
    crd("meshidentities", "MeshIdentity", Some("mid"), Namespaced, Item, NO),
    crd("meshinsights", "MeshInsight", None, Cluster, Legacy, NO),
    crd("meshloadbalancingstrategies", "MeshLoadBalancingStrategy", Some("mlbs"), Namespaced, Item, TargetRef),
    crd("meshmetrics", "MeshMetric", Some("mm"), Namespaced, Item, TargetRef),
    crd("meshmultizoneservices", "MeshMultiZoneService", Some("mzsvc"), Namespaced, Item, Hostname),
    crd("meshopentelemetrybackends", "MeshOpenTelemetryBackend", Some("motb"), Namespaced, Item, NO),
    crd("meshpassthroughs", "MeshPassthrough", Some("mp"), Namespaced, Item, TargetRef),
    crd("meshproxypatches", "MeshProxyPatch", Some("mpp"), Namespaced, Item, TargetRef),
    crd("meshratelimits", "MeshRateLimit", Some("mrl"), Namespaced, Item, TargetRef),
    crd("meshretries", "MeshRetry", Some("mr"), Namespaced, Item, TargetRef),
    crd("meshservices", "MeshService", Some("msvc"), Namespaced, Item, Hostname),
    crd("meshtcproutes", "MeshTCPRoute", Some("mtcpr"), Namespaced, Item, TargetRef),
    crd("meshtimeouts", "MeshTimeout", Some("mt"), Namespaced, Item, TargetRef),
    crd("meshtlses", "MeshTLS", Some("mtls"), Namespaced, Item, TargetRef),
    crd("meshtraces", "MeshTrace", Some("mtr"), Namespaced, Item, TargetRef),
    crd("meshtrafficpermissions", "MeshTrafficPermission", Some("mtp"), Namespaced, Item, TargetRef),
    crd("meshtrusts", "MeshTrust", Some("mtrust"), Namespaced, Item, NO),
    crd("meshzoneaddresses", "MeshZoneAddress", Some("mza"), Namespaced, Item, NO),
    crd("proxytemplates", "ProxyTemplate", None, Cluster, Legacy, NO),
    crd("ratelimits", "RateLimit", None, Cluster, Legacy, NO),
    crd("retries", "Retry", None, Cluster, Legacy, NO),
    crd("serviceinsights", "ServiceInsight", None, Cluster, Legacy, NO),
    crd("timeouts", "Timeout", None, Cluster, Legacy, NO),
    crd("trafficlogs", "TrafficLog", None, Cluster, Legacy, NO),
    crd("trafficpermissions", "TrafficPermission", None, Cluster, Legacy, NO),
    crd("trafficroutes", "TrafficRoute", None, Cluster, Legacy, NO),
    crd("traffictraces", "TrafficTrace", None, Cluster, Legacy, NO),
    crd("virtualoutbounds", "VirtualOutbound", None, Cluster, Legacy, NO),
    crd("workloads", "Workload", Some("wl"), Namespaced, Item, NO),
    crd("zoneegresses", "ZoneEgress", Some("ze"), Namespaced, Legacy, Zone),
    crd("zoneegressinsights", "ZoneEgressInsight", None, Namespaced, Legacy, NO),
    crd("zoneingresses", "ZoneIngress", Some("zi"), Namespaced, Legacy, Zone),
    crd("zoneingressinsights", "ZoneIngressInsight", None, Namespaced, Legacy, NO),
    crd("zoneinsights", "ZoneInsight", None, Cluster, Legacy, NO),
    crd("zones", "Zone", Some("z"), Cluster, Legacy, NO),
];

/// The 54 CRDs as YAML, rendered ahead of time from [`build`] (their schemas make them
/// most of `install`'s output, and rendering them took four fifths of its run time). A
/// unit test keeps the file equal to what [`build`] renders; `KUMACTL_BLESS=1 cargo test
/// --lib install::crds` rewrites it.
const RENDERED: &str = include_str!("crds.yaml");

/// The 54 CRDs, in chart file order.
pub fn render() -> anyhow::Result<Vec<Object>> {
    let objects: Vec<Object> = RENDERED
        .trim_end()
        .split("\n---\n")
        .map(|text| Object::rendered(KIND, text))
        .collect();
    anyhow::ensure!(
        objects.len() == CRDS.len(),
        "crds.yaml holds {} CRDs",
        objects.len()
    );
    Ok(objects)
}

/// The 54 CRDs built from the table and the schema data, in chart file order.
pub fn build() -> anyhow::Result<Vec<Object>> {
    CRDS.iter()
        .map(|crd| Object::typed(&definition(crd)?))
        .collect()
}

/// The kind of every object here.
pub const KIND: &str = "CustomResourceDefinition";

/// As many empty CRD objects, for an output that skips them: they only hold their place
/// in Helm's sort.
pub fn placeholders() -> Vec<Object> {
    CRDS.iter()
        .map(|_| Object::json(KIND, serde_json::Value::Null))
        .collect()
}

/// How the CRD of a kind holds a resource, for the Kubernetes form of a Universal one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// Namespace-scoped (else cluster-scoped).
    pub namespaced: bool,
    /// A legacy kind: `mesh` at the root beside `spec`.
    pub mesh_at_root: bool,
    /// A legacy insight whose data is the object's `status`, not its `spec`.
    pub data_in_status: bool,
}

/// The [`Shape`] of a `kuma.io` kind, `None` for kinds without a CRD.
pub fn shape(kind: &str) -> Option<Shape> {
    let crd = CRDS.iter().find(|crd| crd.kind == kind)?;
    Some(Shape {
        namespaced: crd.scope == Namespaced,
        mesh_at_root: matches!(crd.body, Legacy | LegacyStatus),
        data_in_status: crd.body == LegacyStatus,
    })
}

/// The `<plural>.kuma.io` names in chart file order.
pub fn names() -> Vec<String> {
    CRDS.iter()
        .map(|crd| format!("{}.{GROUP}", crd.plural))
        .collect()
}

fn definition(crd: &Crd) -> anyhow::Result<CustomResourceDefinition> {
    Ok(CustomResourceDefinition {
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
                short_names: crd.short_name.map(|s| vec![s.to_string()]),
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
                additional_printer_columns: printer_columns(crd.columns),
                schema: Some(CustomResourceValidation {
                    open_api_v3_schema: Some(
                        schema(crd).with_context(|| format!("the schema of {}", crd.kind))?,
                    ),
                }),
                // `status: {}`: its default, a JSON null, would read as no subresource.
                subresources: crd.status_subresource.then(|| CustomResourceSubresources {
                    status: Some(CustomResourceSubresourceStatus(serde_json::json!({}))),
                    scale: None,
                }),
                ..CustomResourceDefinitionVersion::default()
            }],
            ..CustomResourceDefinitionSpec::default()
        },
        status: None,
    })
}

fn printer_columns(columns: Columns) -> Option<Vec<CustomResourceColumnDefinition>> {
    let column =
        |name: &str, json_path: String, priority: Option<i32>| CustomResourceColumnDefinition {
            name: name.to_string(),
            type_: "string".to_string(),
            json_path,
            priority,
            ..CustomResourceColumnDefinition::default()
        };
    match columns {
        Columns::None => None,
        TargetRef => Some(vec![
            column("TargetRef Kind", ".spec.targetRef.kind".into(), None),
            column("TargetRef Name", ".spec.targetRef.name".into(), None),
        ]),
        Hostname => Some(vec![column(
            "Hostname",
            ".status.addresses[0].hostname".into(),
            None,
        )]),
        Zone => Some(vec![column("zone", ".spec.zone".into(), None)]),
        DataplaneServices => Some(
            (0..4)
                .map(|i| {
                    column(
                        "kuma.io/service",
                        format!(".spec.networking.inbound[{i}].tags['kuma\\.io/service']"),
                        (i >= 2).then_some(1),
                    )
                })
                .collect(),
        ),
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

fn schema(crd: &Crd) -> anyhow::Result<JSONSchemaProps> {
    if crd.body == KubernetesOnly {
        let schema = schemas::kubernetes_only(crd.kind).context("no schema")?;
        return Ok(serde_json::from_value(schema.clone())?);
    }
    let mut properties = BTreeMap::from([
        ("apiVersion".to_string(), typed("string")),
        ("kind".to_string(), typed("string")),
        ("metadata".to_string(), typed("object")),
    ]);
    match crd.body {
        Legacy => {
            properties.insert("mesh".to_string(), typed("string"));
            properties.insert("spec".to_string(), free_form_object());
        }
        LegacyStatus => {
            properties.insert("mesh".to_string(), typed("string"));
            properties.insert("status".to_string(), free_form_object());
        }
        Item => {
            let item = schemas::of_type(crd.kind).context("no schema")?;
            for part in ["spec", "status"] {
                if let Some(schema) = item.get(part) {
                    properties.insert(part.to_string(), serde_json::from_value(schema.clone())?);
                }
            }
        }
        KubernetesOnly => unreachable!("handled above"),
    }
    Ok(JSONSchemaProps {
        type_: Some("object".to_string()),
        properties: Some(properties),
        ..JSONSchemaProps::default()
    })
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
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "chart file order");
    }

    #[test]
    fn the_rendered_crds_are_what_the_table_and_schemas_give() {
        let objects = build().unwrap();
        let text = format!(
            "{}\n",
            objects
                .iter()
                .map(Object::to_yaml)
                .collect::<Vec<_>>()
                .join("\n---\n")
        );
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/install/crds.yaml");
        if std::env::var_os("KUMACTL_BLESS").is_some() {
            // The binary holds the old text until the next build.
            std::fs::write(path, &text).unwrap();
            return;
        }
        assert!(
            text == RENDERED,
            "src/install/crds.yaml is out of date: KUMACTL_BLESS=1 cargo test --lib install::crds"
        );
        let rendered = render().unwrap();
        let rendered: Vec<_> = rendered.iter().map(|o| o.to_yaml()).collect();
        let built: Vec<_> = objects.iter().map(|o| o.to_yaml()).collect();
        assert_eq!(rendered, built);
    }

    #[test]
    fn every_crd_has_its_schema() {
        for crd in &CRDS {
            let schema = schema(crd).unwrap_or_else(|e| panic!("{}: {e:#}", crd.kind));
            let properties = schema.properties.unwrap();
            let spec = properties.get("spec");
            match crd.body {
                Legacy => assert_eq!(spec, Some(&free_form_object()), "{}", crd.kind),
                LegacyStatus => assert!(spec.is_none() && properties.contains_key("status")),
                Item | KubernetesOnly => {
                    let spec = spec.unwrap_or_else(|| panic!("{} has a spec", crd.kind));
                    assert_eq!(spec.type_.as_deref(), Some("object"), "{}", crd.kind);
                    // Workload's spec is an empty object in Kuma's schema too.
                    if crd.kind != "Workload" {
                        assert!(spec.properties.is_some(), "{}: a full schema", crd.kind);
                    }
                }
            }
        }
    }
}
