//! `kumactl migrate zone-egress`: the plan that moves a zone from the legacy, zone-wide
//! `ZoneEgress` to mesh-scoped zone egress Dataplanes (a Dataplane with a `ZoneEgress`
//! listener per mesh), which is the only Zone Egress Kuma 3.0 keeps (kuma#15674 tracks
//! the lack of a designed path in Kuma itself).
//!
//! Pure: from what the control plane (or files) hold and the legacy Helm values, it
//! computes the pre-flight report of each mesh, the new resources, and for Kubernetes the
//! chart's `meshes[]` values. The rules it checks are Kuma's:
//! - a mesh-scoped egress listener is only generated when the Mesh has
//!   `meshServices.mode: Exclusive` (`pkg/xds/generator/zone_proxy_listener_generator.go`);
//! - it needs a workload identity: a MeshIdentity that selects the Dataplane
//!   (`pkg/xds/context/mesh_context_builder.go`);
//! - it is deny-all until a MeshTrafficPermission targets it
//!   (`pkg/plugins/policies/meshtrafficpermission/plugin/v1alpha1/plugin.go`);
//! - the listener address is required, the legacy one is optional
//!   (`pkg/core/resources/apis/mesh/dataplane_validator.go`).

use crate::resources::Resource;
use crate::resources::spec::dataplane::{
    LISTENER_ZONE_EGRESS_LABEL, PROXY_TYPE_LABEL, WORKLOAD_LABEL,
};
use crate::resources::spec::mesh_identity::{self, Selected};
use crate::resources::spec::zone_egress::DEFAULT_ADMIN_PORT;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// The `kuma.io/workload` of every planned zone egress Dataplane, which its dataplane
/// token is bound to.
pub const WORKLOAD: &str = "zone-egress";
/// How long the dataplane tokens of the plan are valid.
pub const TOKEN_VALIDITY: &str = "720h";
/// The namespace the chart's mesh-scoped zone proxies run in (the release namespace).
pub const KUBERNETES_NAMESPACE: &str = "kuma-system";

/// Whether a Kuma version is 3 or later, which removed the legacy ZoneEgress (its types,
/// REST paths, zone token scope and install flags; master's `UPGRADE.md`). Preview
/// builds (`0.0.0-preview.v…`) say nothing by their version.
pub fn removes_legacy_zone_egress(version: &str) -> bool {
    version
        .trim_start_matches('v')
        .split(['.', '-'])
        .next()
        .and_then(|major| major.parse::<u64>().ok())
        .is_some_and(|major| major >= 3)
}

/// Universal resources or Kubernetes (Helm values and manifests).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Universal,
    Kubernetes,
}

/// What the plan is computed from: resources of the control plane or of files.
#[derive(Clone, Debug, Default)]
pub struct Inventory {
    pub zone_egresses: Vec<Resource>,
    pub meshes: Vec<Resource>,
    /// MeshIdentities of every mesh.
    pub mesh_identities: Vec<Resource>,
    /// MeshTrafficPermissions of every mesh.
    pub traffic_permissions: Vec<Resource>,
}

/// One pre-flight check of a mesh.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub ok: bool,
    pub text: String,
    /// The resource that would make a failing check pass (type, name, document).
    pub fix: Option<Fix>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    pub type_name: &'static str,
    pub name: String,
    /// The document, in the plan's format.
    pub document: Value,
}

/// The pre-flight report of one mesh.
#[derive(Clone, Debug, PartialEq)]
pub struct MeshReport {
    pub mesh: String,
    /// Whether the mesh routes through the legacy egress, so gets a mesh-scoped one.
    pub routes_through_egress: bool,
    pub checks: Vec<Check>,
}

impl MeshReport {
    pub fn ready(&self) -> bool {
        self.checks.iter().all(|c| c.ok)
    }
}

/// A planned Dataplane: one per legacy ZoneEgress and mesh.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedDataplane {
    pub zone_egress: String,
    pub mesh: String,
    pub name: String,
    /// The Universal document.
    pub document: Value,
    pub listener: String,
    pub admin_port: u64,
}

impl PlannedDataplane {
    /// The file names the plan's commands use: `<name>.<mesh>.yaml` / `.token`.
    pub fn file_stem(&self) -> String {
        format!("{}.{}", self.name, self.mesh)
    }

    pub fn token_command(&self) -> String {
        format!(
            "kumactl generate dataplane-token --mesh {} --name {} --workload {WORKLOAD} --valid-for {TOKEN_VALIDITY} > {}.token",
            self.mesh,
            self.name,
            self.file_stem()
        )
    }

    pub fn kuma_dp_command(&self) -> String {
        format!(
            "kuma-dp run --cp-address https://<control plane>:5678 --dataplane-file {stem}.yaml --dataplane-token-file {stem}.token",
            stem = self.file_stem()
        )
    }
}

/// A legacy Helm value that has no mesh-scoped equivalent, or changes meaning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueNote {
    /// `egress.<path>`.
    pub key: String,
    pub note: String,
}

/// The whole plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub format: Format,
    pub meshes: Vec<MeshReport>,
    /// Why the plan cannot be carried out apart from the meshes' checks.
    pub blockers: Vec<String>,
    pub notes: Vec<String>,
    /// Universal: the new Dataplanes.
    pub dataplanes: Vec<PlannedDataplane>,
    /// Kubernetes: the chart values (`meshes: [...]`).
    pub helm_values: Option<Value>,
    /// Kubernetes: legacy values not carried over as they were.
    pub value_notes: Vec<ValueNote>,
}

impl Plan {
    /// Every reason the plan cannot be carried out.
    pub fn blocking_reasons(&self) -> Vec<String> {
        let mut reasons = self.blockers.clone();
        for mesh in &self.meshes {
            for check in mesh.checks.iter().filter(|c| !c.ok) {
                reasons.push(format!("mesh {:?}: {}", mesh.mesh, check.text));
            }
        }
        reasons
    }

    pub fn is_complete(&self) -> bool {
        self.blocking_reasons().is_empty()
    }
}

/// What has no equivalent in the mesh-scoped model at all.
pub const NO_EQUIVALENT: [&str; 6] = [
    "one instance serving every mesh: there is one zone egress per mesh",
    "the ZoneEgress spec.zone field: the computed kuma.io/zone label carries the zone",
    "zone-token authentication and its egress scope: each zone egress uses a dataplane token of its mesh",
    "the kuma.io/proxy-type: zoneegress label: a zone egress Dataplane is a sidecar with the kuma.io/listener-zoneegress: enabled label",
    "legacy ExternalService and tag-based cross-zone traffic through the egress: a mesh-scoped egress carries MeshExternalService traffic only",
    "the zoneEgresses counts of the global insight: mesh-scoped egresses count as Dataplanes",
];

fn spec_of(resource: &Resource) -> &Map<String, Value> {
    // New-style types keep their spec under `spec`.
    resource
        .spec
        .get("spec")
        .and_then(Value::as_object)
        .unwrap_or(&resource.spec)
}

fn routes_through_egress(mesh: &Resource) -> bool {
    mesh.spec
        .get("routing")
        .and_then(|r| r.get("zoneEgress"))
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

fn mesh_services_exclusive(mesh: &Resource) -> bool {
    mesh.spec
        .get("meshServices")
        .and_then(|m| m.get("mode"))
        .is_some_and(|mode| mode == "Exclusive" || mode == 3)
}

/// Labels of the legacy ZoneEgress worth copying: the ones users set.
fn user_labels(zone_egress: &Resource) -> BTreeMap<String, String> {
    const COMPUTED: [&str; 7] = [
        "kuma.io/proxy-type",
        "kuma.io/zone",
        "kuma.io/origin",
        "kuma.io/env",
        "kuma.io/mesh",
        "kuma.io/display-name",
        "k8s.kuma.io/namespace",
    ];
    zone_egress
        .meta
        .labels
        .iter()
        .filter(|(k, _)| !COMPUTED.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// The labels the planned Dataplane will have once the control plane computed its own.
fn effective_labels(
    format: Format,
    mesh: &str,
    own: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let mut labels = own.clone();
    let mut set = |k: &str, v: &str| {
        labels.insert(k.to_string(), v.to_string());
    };
    set("kuma.io/mesh", mesh);
    set(PROXY_TYPE_LABEL, "sidecar");
    set(LISTENER_ZONE_EGRESS_LABEL, "enabled");
    match format {
        Format::Universal => {
            set("kuma.io/origin", "zone");
            set("kuma.io/env", "universal");
        }
        Format::Kubernetes => {
            let name = kubernetes_name(mesh);
            set("app", &name);
            set("app.kubernetes.io/name", "kuma");
            set("app.kubernetes.io/instance", "kuma");
            set("k8s.kuma.io/zone-proxy-type", "egress");
            set("kuma.io/sidecar-injection", "enabled");
            set("k8s.kuma.io/namespace", KUBERNETES_NAMESPACE);
            set("k8s.kuma.io/service-account", &name);
            set(WORKLOAD_LABEL, &name);
            set("kuma.io/origin", "zone");
            set("kuma.io/env", "kubernetes");
        }
    }
    labels
}

/// The chart's per-mesh egress object name, `kuma-<mesh>-egress`, cut to 63 characters.
pub fn kubernetes_name(mesh: &str) -> String {
    let name = format!("kuma-{mesh}-egress");
    let cut: String = name.chars().take(63).collect();
    cut.trim_end_matches('-').to_string()
}

/// A resource in the plan's format: Universal (`type`, `mesh`, `name`, then the spec) or
/// a Kubernetes object in the release namespace.
fn document(format: Format, type_name: &str, mesh: Option<&str>, name: &str, spec: Value) -> Value {
    match format {
        Format::Universal => {
            let mut doc = Map::new();
            doc.insert("type".into(), type_name.into());
            if let Some(mesh) = mesh {
                doc.insert("mesh".into(), mesh.into());
            }
            doc.insert("name".into(), name.into());
            if let Value::Object(fields) = spec {
                doc.extend(fields);
            }
            Value::Object(doc)
        }
        Format::Kubernetes => {
            let mut metadata = Map::new();
            metadata.insert("name".into(), name.into());
            if let Some(mesh) = mesh {
                metadata.insert("namespace".into(), KUBERNETES_NAMESPACE.into());
                metadata.insert("labels".into(), json!({"kuma.io/mesh": mesh}));
            }
            // New-style types keep their spec under `spec` in both forms.
            let spec = match spec {
                Value::Object(mut fields) if fields.len() == 1 && fields.contains_key("spec") => {
                    fields.remove("spec").unwrap_or_default()
                }
                other => other,
            };
            json!({"apiVersion": "kuma.io/v1alpha1", "kind": type_name, "metadata": metadata, "spec": spec})
        }
    }
}

fn mesh_identity_fix(format: Format, mesh: &str) -> Fix {
    let path = match format {
        Format::Universal => mesh_identity::DEFAULT_UNIVERSAL_PATH,
        Format::Kubernetes => "/ns/{{ .Namespace }}/sa/{{ .ServiceAccount }}",
    };
    let name = "identity".to_string();
    Fix {
        type_name: "MeshIdentity",
        document: document(
            format,
            "MeshIdentity",
            Some(mesh),
            &name,
            json!({"spec": {
                "selector": {"dataplane": {"matchLabels": {}}},
                "spiffeID": {"trustDomain": "{{ .Mesh }}.{{ .Zone }}.mesh.local", "path": path},
                "provider": {"type": "Bundled", "bundled": {
                    "meshTrustCreation": "Enabled", "insecureAllowSelfSigned": true,
                    "autogenerate": {"enabled": true}}}
            }}),
        ),
        name,
    }
}

fn traffic_permission_fix(format: Format, mesh: &str) -> Fix {
    let name = "allow-through-zone-egress".to_string();
    Fix {
        type_name: "MeshTrafficPermission",
        document: document(
            format,
            "MeshTrafficPermission",
            Some(mesh),
            &name,
            json!({"spec": {
                "targetRef": {"kind": "Dataplane", "labels": {LISTENER_ZONE_EGRESS_LABEL: "enabled"}},
                "rules": [{"default": {"allow": [{"spiffeID": {"type": "Prefix", "value": format!("spiffe://{mesh}.")}}]}}]
            }}),
        ),
        name,
    }
}

fn mesh_fix(format: Format, mesh: &Resource) -> Fix {
    let mut spec = mesh.spec.clone();
    spec.insert("meshServices".into(), json!({"mode": "Exclusive"}));
    let document = match format {
        Format::Universal => document(format, "Mesh", None, &mesh.meta.name, Value::Object(spec)),
        Format::Kubernetes => json!({"apiVersion": "kuma.io/v1alpha1", "kind": "Mesh",
            "metadata": {"name": mesh.meta.name}, "spec": spec}),
    };
    Fix {
        type_name: "Mesh",
        name: mesh.meta.name.clone(),
        document,
    }
}

/// Whether a MeshTrafficPermission targets the zone egress Dataplane (by name or by a
/// label subset) and allows some clients.
fn lets_clients_through(
    mtp: &Resource,
    dataplane_names: &[&str],
    labels: &BTreeMap<String, String>,
) -> bool {
    let spec = spec_of(mtp);
    let Some(target) = spec.get("targetRef") else {
        return false;
    };
    if target.get("kind").and_then(Value::as_str) != Some("Dataplane") {
        return false;
    }
    let by_name = target
        .get("name")
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty());
    let target_labels = target.get("labels").and_then(Value::as_object);
    let targets = match (by_name, target_labels) {
        (Some(name), _) => dataplane_names.contains(&name),
        (None, Some(wanted)) => wanted.iter().all(|(k, v)| {
            v.as_str()
                .is_some_and(|v| labels.get(k).map(String::as_str) == Some(v))
        }),
        (None, None) => true,
    };
    let allows = spec
        .get("rules")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .any(|rule| {
            rule.get("default")
                .and_then(|d| d.get("allow"))
                .and_then(Value::as_array)
                .is_some_and(|allow| !allow.is_empty())
        });
    targets && allows
}

fn selected_identity(
    inventory: &Inventory,
    mesh: &str,
    labels: &BTreeMap<String, String>,
) -> Option<Selected> {
    let identities: Vec<(&str, &Map<String, Value>)> = inventory
        .mesh_identities
        .iter()
        .filter(|r| r.meta.mesh == mesh)
        .map(|r| (r.meta.name.as_str(), spec_of(r)))
        .collect();
    mesh_identity::best_match(identities, labels)
}

fn check_mesh(
    inventory: &Inventory,
    format: Format,
    mesh: &Resource,
    dataplane_names: &[&str],
    labels: &BTreeMap<String, String>,
) -> Vec<Check> {
    let name = &mesh.meta.name;
    let mut checks = Vec::new();
    checks.push(if mesh_services_exclusive(mesh) {
        Check {
            ok: true,
            text: "meshServices.mode is Exclusive".into(),
            fix: None,
        }
    } else {
        Check {
            ok: false,
            text: "meshServices.mode is not Exclusive, so no zone egress listener is generated: fixed by Mesh with meshServices.mode: Exclusive".into(),
            fix: Some(mesh_fix(format, mesh)),
        }
    });
    checks.push(match selected_identity(inventory, name, labels) {
        Some(selected) => Check {
            ok: true,
            text: format!(
                "MeshIdentity {:?} selects the zone egress (path {})",
                selected.name, selected.path_template
            ),
            fix: None,
        },
        None => {
            let fix = mesh_identity_fix(format, name);
            Check {
                ok: false,
                text: format!(
                    "no MeshIdentity selects the zone egress, which then gets no egress listener: fixed by MeshIdentity {:?}",
                    fix.name
                ),
                fix: Some(fix),
            }
        }
    });
    let permitted = inventory
        .traffic_permissions
        .iter()
        .filter(|r| &r.meta.mesh == name)
        .find(|r| lets_clients_through(r, dataplane_names, labels));
    checks.push(match permitted {
        Some(mtp) => Check {
            ok: true,
            text: format!(
                "MeshTrafficPermission {:?} lets clients through the zone egress",
                mtp.meta.name
            ),
            fix: None,
        },
        None => {
            let fix = traffic_permission_fix(format, name);
            Check {
                ok: false,
                text: format!(
                    "no MeshTrafficPermission targets the zone egress, which denies all traffic: fixed by MeshTrafficPermission {:?}",
                    fix.name
                ),
                fix: Some(fix),
            }
        }
    });
    checks
}

/// The Universal plan: a Dataplane per legacy ZoneEgress and per mesh that routes through
/// it.
pub fn plan_universal(inventory: &Inventory) -> Plan {
    let mut plan = empty_plan(Format::Universal);
    let mut meshes: Vec<&Resource> = inventory.meshes.iter().collect();
    meshes.sort_by(|a, b| a.meta.name.cmp(&b.meta.name));
    let mut zone_egresses: Vec<&Resource> = inventory.zone_egresses.iter().collect();
    zone_egresses.sort_by(|a, b| a.meta.name.cmp(&b.meta.name));
    if zone_egresses.is_empty() {
        plan.notes
            .push("there is no legacy ZoneEgress: nothing to migrate".into());
    }
    let served: Vec<&Resource> = meshes
        .iter()
        .copied()
        .filter(|m| routes_through_egress(m))
        .collect();
    if served.len() > 1 && !zone_egresses.is_empty() {
        plan.notes.push(
            "each mesh gets its own kuma-dp: on one host, every mesh after the first uses the next listener and admin ports"
                .into(),
        );
    }
    let names: Vec<&str> = zone_egresses.iter().map(|z| z.meta.name.as_str()).collect();
    for mesh in &meshes {
        let routes = routes_through_egress(mesh);
        let own = BTreeMap::from([(WORKLOAD_LABEL.to_string(), WORKLOAD.to_string())]);
        let labels = effective_labels(Format::Universal, &mesh.meta.name, &own);
        plan.meshes.push(MeshReport {
            mesh: mesh.meta.name.clone(),
            routes_through_egress: routes,
            checks: if routes && !zone_egresses.is_empty() {
                check_mesh(inventory, Format::Universal, mesh, &names, &labels)
            } else {
                Vec::new()
            },
        });
    }
    for zone_egress in zone_egresses {
        let networking = zone_egress.spec.get("networking");
        let address = networking
            .and_then(|n| n.get("address"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        let port = networking
            .and_then(|n| n.get("port"))
            .and_then(Value::as_u64)
            .unwrap_or_default();
        let admin = networking
            .and_then(|n| n.get("admin"))
            .and_then(|a| a.get("port"))
            .and_then(Value::as_u64)
            .unwrap_or_default();
        if address.is_empty() {
            plan.blockers.push(format!(
                "ZoneEgress {:?} has no networking.address, which a zone egress Dataplane requires (for the Dataplane and its listener): set it on the ZoneEgress or write the Dataplanes by hand",
                zone_egress.meta.name
            ));
        }
        let mut labels = user_labels(zone_egress);
        labels.insert(WORKLOAD_LABEL.into(), WORKLOAD.into());
        for (i, mesh) in served.iter().enumerate() {
            let offset = i as u64;
            let listener_port = port + offset;
            let admin_port = match (admin, offset) {
                (0, 0) => 0,
                (0, n) => DEFAULT_ADMIN_PORT as u64 + n,
                (a, n) => a + n,
            };
            let mut networking = Map::new();
            networking.insert("address".into(), address.into());
            if admin_port != 0 {
                networking.insert("admin".into(), json!({"port": admin_port}));
            }
            networking.insert(
                "listeners".into(),
                json!([{"type": "ZoneEgress", "address": address, "port": listener_port}]),
            );
            let name = zone_egress.meta.name.clone();
            let document = document(
                Format::Universal,
                "Dataplane",
                Some(&mesh.meta.name),
                &name,
                json!({"labels": labels, "networking": networking}),
            );
            plan.dataplanes.push(PlannedDataplane {
                zone_egress: zone_egress.meta.name.clone(),
                mesh: mesh.meta.name.clone(),
                name,
                document,
                listener: format!("{address}:{listener_port}"),
                admin_port: if admin_port == 0 {
                    DEFAULT_ADMIN_PORT as u64
                } else {
                    admin_port
                },
            });
        }
    }
    plan
}

fn empty_plan(format: Format) -> Plan {
    Plan {
        format,
        meshes: Vec::new(),
        blockers: Vec::new(),
        notes: Vec::new(),
        dataplanes: Vec::new(),
        helm_values: None,
        value_notes: Vec::new(),
    }
}

/// The legacy egress as given to `install control-plane`: its `--egress-*` flags.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EgressFlags {
    pub enabled: bool,
    pub service_type: Option<String>,
    pub node_selector: BTreeMap<String, String>,
    pub drain_time: Option<String>,
}

impl EgressFlags {
    /// The flags as the `egress.*` values they set.
    fn as_values(&self) -> Map<String, Value> {
        let mut egress = Map::new();
        if self.enabled {
            egress.insert("enabled".into(), true.into());
        }
        if let Some(t) = &self.service_type {
            egress.insert("service".into(), json!({"type": t}));
        }
        if !self.node_selector.is_empty() {
            egress.insert("nodeSelector".into(), json!(self.node_selector));
        }
        if let Some(d) = &self.drain_time {
            egress.insert("drainTime".into(), d.clone().into());
        }
        egress
    }
}

/// Where each legacy `egress.*` value goes under `meshes[i].egress` (chart templates
/// `templates/egress-*.yaml` and `templates/mesh-zoneproxy-*.yaml`), with a note when the
/// meaning changes.
const VALUE_MAP: [(&str, &str, Option<&str>); 22] = [
    ("enabled", "enabled", None),
    ("replicas", "deployment.replicas", None),
    ("autoscaling.enabled", "hpa.enabled", None),
    ("autoscaling.minReplicas", "hpa.minReplicas", None),
    ("autoscaling.maxReplicas", "hpa.maxReplicas", None),
    ("autoscaling.metrics", "hpa.metrics", None),
    ("podDisruptionBudget.enabled", "pdb.enabled", None),
    (
        "podDisruptionBudget.maxUnavailable",
        "pdb.maxUnavailable",
        None,
    ),
    ("service.type", "service.type", None),
    (
        "service.port",
        "service.port",
        Some("the target port stays 10002"),
    ),
    (
        "service.loadBalancerIP",
        "service.spec.loadBalancerIP",
        None,
    ),
    ("service.annotations", "service.annotations", None),
    ("service.name", "service.name", None),
    ("deploymentAnnotations", "deployment.annotations", None),
    (
        "nodeSelector",
        "deployment.podSpec.nodeSelector",
        Some("the chart no longer adds kubernetes.io/os: linux"),
    ),
    ("tolerations", "deployment.podSpec.tolerations", None),
    (
        "affinity",
        "deployment.podSpec.affinity",
        Some("the legacy default anti-affinity is not carried over"),
    ),
    (
        "topologySpreadConstraints",
        "deployment.podSpec.topologySpreadConstraints",
        None,
    ),
    (
        "priorityClassName",
        "deployment.podSpec.priorityClassName",
        None,
    ),
    (
        "podSecurityContext",
        "deployment.podSpec.securityContext",
        None,
    ),
    (
        "containerSecurityContext",
        "deployment.podSpec.containerSecurityContext",
        Some("it now applies to the pause container, not kuma-dp"),
    ),
    (
        "resources",
        "deployment.podSpec.resources",
        Some("pod-level resources, which cover the injected sidecar"),
    ),
];

/// Labels of every legacy egress object; they go to the Deployment and the Service.
const EXTRA_LABELS: &str = "extraLabels";

/// Keys kept under their own name.
const SAME_NAME: [&str; 3] = [
    "serviceAccountAnnotations",
    "automountServiceAccountToken",
    "restartPolicy",
];

/// Keys with no equivalent, with what replaces them.
const NO_VALUE_EQUIVALENT: [(&str, &str); 11] = [
    ("service.enabled", "the Service is always rendered"),
    ("service.nodePort", "no equivalent"),
    ("podAnnotations", "no equivalent"),
    ("annotations", "no equivalent"),
    (
        "logLevel",
        "no equivalent: the injected sidecar's log level is the injector's",
    ),
    (
        "drainTime",
        "no equivalent: the drain time is the sidecar injector's, control plane wide",
    ),
    ("lifecycle", "no equivalent"),
    (
        "livenessProbe",
        "no equivalent: probes are the sidecar injector's",
    ),
    (
        "readinessProbe",
        "no equivalent: probes are the sidecar injector's",
    ),
    (
        "startupProbe",
        "no equivalent: probes are the sidecar injector's",
    ),
    ("dns", "no equivalent"),
];

fn set_path(target: &mut Map<String, Value>, path: &str, value: Value) {
    let mut parts: Vec<&str> = path.split('.').collect();
    let last = parts.pop().unwrap_or_default();
    let mut map = target;
    for part in parts {
        let entry = map
            .entry(part.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        if !entry.is_object() {
            *entry = Value::Object(Map::new());
        }
        map = entry.as_object_mut().expect("made an object above");
    }
    map.insert(last.to_string(), value);
}

/// Every leaf of a values map as (`a.b.c`, value); maps are walked, lists are leaves.
fn leaves(prefix: &str, map: &Map<String, Value>, out: &mut Vec<(String, Value)>) {
    for (key, value) in map {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            Value::Object(inner) if !inner.is_empty() && !is_whole_value(&path) => {
                leaves(&path, inner, out)
            }
            other => out.push((path, other.clone())),
        }
    }
}

/// Values that move (or are dropped) as one, maps included (`nodeSelector`, `affinity`,
/// `livenessProbe`...).
fn is_whole_value(path: &str) -> bool {
    VALUE_MAP.iter().any(|(from, _, _)| *from == path)
        || SAME_NAME.contains(&path)
        || path == EXTRA_LABELS
        || NO_VALUE_EQUIVALENT.iter().any(|(from, _)| *from == path)
}

/// Converts the user's legacy `egress.*` values (from `--values` and the install flags)
/// into one `meshes[]` entry's `egress` block, noting every value that is not carried
/// over as it was.
pub fn convert_egress_values(
    values: &Map<String, Value>,
    flags: &EgressFlags,
) -> (Map<String, Value>, Vec<ValueNote>) {
    let mut legacy = values
        .get("egress")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    crate::install::values::merge_maps(&mut legacy, flags.as_values());
    let mut converted = Map::new();
    converted.insert("enabled".into(), true.into());
    let mut notes = Vec::new();
    let mut found = Vec::new();
    leaves("", &legacy, &mut found);
    for (path, value) in found {
        let key = format!("egress.{path}");
        if path == "enabled" {
            if value != Value::Bool(true) {
                notes.push(ValueNote {
                    key,
                    note:
                        "the legacy egress is not enabled in these values; the mesh-scoped one is"
                            .into(),
                });
            }
            continue;
        }
        if let Some((_, to, note)) = VALUE_MAP.iter().find(|(from, _, _)| *from == path) {
            set_path(&mut converted, to, value);
            if let Some(note) = note {
                notes.push(ValueNote {
                    key,
                    note: format!("now meshes[].egress.{to}: {note}"),
                });
            }
        } else if SAME_NAME.contains(&path.as_str()) {
            set_path(&mut converted, &path, value);
        } else if path == EXTRA_LABELS {
            set_path(&mut converted, "deployment.labels", value.clone());
            set_path(&mut converted, "service.labels", value);
            notes.push(ValueNote {
                key,
                note: "now meshes[].egress.deployment.labels and .service.labels: the pods no longer get them".into(),
            });
        } else if let Some((_, why)) = NO_VALUE_EQUIVALENT
            .iter()
            .find(|(from, _)| path == *from || path.starts_with(&format!("{from}.")))
        {
            notes.push(ValueNote {
                key,
                note: format!("not carried over ({why}): {}", compact(&value)),
            });
        } else {
            notes.push(ValueNote {
                key,
                note: format!(
                    "not carried over (not a legacy egress value kumactl knows): {}",
                    compact(&value)
                ),
            });
        }
    }
    (converted, notes)
}

fn compact(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The Kubernetes plan: a `meshes[]` entry with the converted egress values per mesh that
/// routes through the legacy egress, and the same pre-flight checks.
pub fn plan_kubernetes(
    inventory: &Inventory,
    values: &Map<String, Value>,
    flags: &EgressFlags,
) -> Plan {
    let mut plan = empty_plan(Format::Kubernetes);
    let mut meshes: Vec<&Resource> = inventory.meshes.iter().collect();
    meshes.sort_by(|a, b| a.meta.name.cmp(&b.meta.name));
    let (egress, notes) = convert_egress_values(values, flags);
    plan.value_notes = notes;
    let has_legacy_values = values.get("egress").is_some() || *flags != EgressFlags::default();
    if !has_legacy_values {
        plan.notes.push(
            "no legacy egress values were given (--values or --egress-* flags): the entries use the chart's defaults".into(),
        );
    }
    let mut entries = Vec::new();
    for mesh in &meshes {
        let routes = routes_through_egress(mesh);
        let labels = effective_labels(Format::Kubernetes, &mesh.meta.name, &BTreeMap::new());
        plan.meshes.push(MeshReport {
            mesh: mesh.meta.name.clone(),
            routes_through_egress: routes,
            checks: if routes {
                check_mesh(inventory, Format::Kubernetes, mesh, &[], &labels)
            } else {
                Vec::new()
            },
        });
        if routes {
            entries.push(json!({"name": mesh.meta.name, "egress": egress.clone()}));
        }
    }
    if !entries.is_empty() {
        plan.helm_values = Some(json!({"meshes": entries}));
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resource(value: Value) -> Resource {
        Resource::from_json(value).unwrap()
    }

    fn inventory() -> Inventory {
        Inventory {
            zone_egresses: vec![resource(json!({"type": "ZoneEgress", "name": "ze-1",
                "labels": {"kuma.io/proxy-type": "zoneegress", "team": "net"},
                "networking": {"address": "10.0.0.1", "port": 10002}}))],
            meshes: vec![
                resource(json!({"type": "Mesh", "name": "ready",
                    "routing": {"zoneEgress": true}, "meshServices": {"mode": "Exclusive"}})),
                resource(json!({"type": "Mesh", "name": "plain"})),
                resource(
                    json!({"type": "Mesh", "name": "blocked", "routing": {"zoneEgress": true}}),
                ),
            ],
            mesh_identities: vec![resource(
                json!({"type": "MeshIdentity", "mesh": "ready", "name": "id",
                "spec": {"selector": {"dataplane": {"matchLabels": {}}}}}),
            )],
            traffic_permissions: vec![resource(
                json!({"type": "MeshTrafficPermission", "mesh": "ready", "name": "p",
                "spec": {"targetRef": {"kind": "Dataplane", "labels": {"kuma.io/listener-zoneegress": "enabled"}},
                         "rules": [{"default": {"allow": [{"spiffeID": {"type": "Prefix", "value": "spiffe://"}}]}}]}}),
            )],
        }
    }

    #[test]
    fn universal_plan_per_mesh() {
        let plan = plan_universal(&inventory());
        let ready: Vec<bool> = plan.meshes.iter().map(MeshReport::ready).collect();
        assert_eq!(ready, [false, true, true]);
        assert!(!plan.meshes[1].routes_through_egress);
        assert_eq!(plan.blocking_reasons().len(), 3);
        assert_eq!(plan.dataplanes.len(), 2);
        let first = &plan.dataplanes[0];
        assert_eq!(first.mesh, "blocked");
        assert_eq!(
            first.document,
            json!({"type": "Dataplane", "mesh": "blocked", "name": "ze-1",
                "labels": {"kuma.io/workload": "zone-egress", "team": "net"},
                "networking": {"address": "10.0.0.1",
                    "listeners": [{"type": "ZoneEgress", "address": "10.0.0.1", "port": 10002}]}})
        );
        assert_eq!(plan.dataplanes[1].listener, "10.0.0.1:10003");
        assert_eq!(plan.dataplanes[1].admin_port, 9902);
    }

    #[test]
    fn helm_values_conversion() {
        let values: Map<String, Value> = serde_json::from_value(json!({"egress": {
            "enabled": true, "replicas": 3, "drainTime": "10s", "extraLabels": {"a": "b"},
            "service": {"type": "LoadBalancer", "nodePort": 30000},
            "autoscaling": {"enabled": true, "maxReplicas": 9}, "bogus": 1}}))
        .unwrap();
        let flags = EgressFlags {
            node_selector: BTreeMap::from([("zone".to_string(), "a".to_string())]),
            ..EgressFlags::default()
        };
        let (egress, notes) = convert_egress_values(&values, &flags);
        assert_eq!(
            Value::Object(egress),
            json!({"enabled": true, "deployment": {"replicas": 3, "labels": {"a": "b"},
                       "podSpec": {"nodeSelector": {"zone": "a"}}},
                   "service": {"labels": {"a": "b"}, "type": "LoadBalancer"},
                   "hpa": {"enabled": true, "maxReplicas": 9}})
        );
        let keys: Vec<&str> = notes.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "egress.drainTime",
                "egress.extraLabels",
                "egress.service.nodePort",
                "egress.bogus",
                "egress.nodeSelector"
            ]
        );
    }
}
