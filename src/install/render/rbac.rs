//! The control plane's ServiceAccount and RBAC (chart:
//! `deployments/charts/kuma/templates/cp-rbac.yaml`).

use super::zone_proxy::image_pull_secrets;
use super::{CONTROL_PLANE_NAME, Context, non_empty};
use crate::install::manifest::Object;
use k8s_openapi::api::core::v1::ServiceAccount;
use k8s_openapi::api::rbac::v1::{
    ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, RoleRef, Subject,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

const WORKLOADS: &str = "kuma-control-plane-workloads";
const READ: &[&str] = &["get", "list", "watch"];
const FULL: &[&str] = &[
    "create", "delete", "get", "list", "patch", "update", "watch",
];
const STATUS: &[&str] = &["get", "patch", "update"];
const GATEWAY_API: &str = "gateway.networking.k8s.io";
const CNI_API: &str = "k8s.cni.cncf.io";
const GATEWAY_RESOURCES: &[&str] = &["gateways", "referencegrants", "httproutes"];
const GATEWAY_STATUS: &[&str] = &["gateways/status", "httproutes/status"];

/// The legacy `kuma.io` types the control plane manages, before the plugin types.
const KUMA_TYPES: &[&str] = &[
    "dataplanes",
    "dataplaneinsights",
    "meshes",
    "zones",
    "zoneinsights",
    "zoneingresses",
    "zoneingressinsights",
    "zoneegresses",
    "zoneegressinsights",
    "meshinsights",
    "serviceinsights",
    "proxytemplates",
    "ratelimits",
    "trafficpermissions",
    "trafficroutes",
    "timeouts",
    "retries",
    "circuitbreakers",
    "virtualoutbounds",
    "containerpatches",
    "externalservices",
    "faultinjections",
    "healthchecks",
    "trafficlogs",
    "traffictraces",
    "meshgateways",
    "meshgatewayroutes",
    "meshgatewayinstances",
    "meshgatewayconfigs",
];

fn rule(groups: &[&str], resources: &[&str], verbs: &[&str]) -> PolicyRule {
    let strings = |items: &[&str]| Some(items.iter().map(|s| s.to_string()).collect());
    PolicyRule {
        api_groups: strings(groups),
        resources: strings(resources),
        verbs: verbs.iter().map(|s| s.to_string()).collect(),
        ..PolicyRule::default()
    }
}

fn cluster_meta(ctx: &Context, name: &str) -> anyhow::Result<ObjectMeta> {
    Ok(ObjectMeta {
        name: Some(name.to_string()),
        labels: Some(ctx.cp_labels()?),
        ..ObjectMeta::default()
    })
}

fn control_plane_subject(ctx: &Context) -> Vec<Subject> {
    vec![Subject {
        kind: "ServiceAccount".to_string(),
        name: CONTROL_PLANE_NAME.to_string(),
        namespace: Some(ctx.namespace.clone()),
        api_group: None,
    }]
}

fn role_ref(kind: &str, name: &str) -> RoleRef {
    RoleRef {
        api_group: "rbac.authorization.k8s.io".to_string(),
        kind: kind.to_string(),
        name: name.to_string(),
    }
}

fn cluster_role(ctx: &Context, cni: bool) -> anyhow::Result<ClusterRole> {
    let mut core = vec!["namespaces", "pods", "nodes", "services"];
    if ctx
        .values
        .truthy("controlPlane.supportGatewaySecretsInAllNamespaces")
    {
        core.push("secrets");
    }
    let (policies, resources) = ctx.plugin_names();
    let kuma_types: Vec<&str> = KUMA_TYPES
        .iter()
        .copied()
        .chain(policies.iter().map(String::as_str))
        .chain(resources.iter().map(String::as_str))
        .collect();
    let mut rules = vec![
        rule(&[""], &core, READ),
        rule(&["discovery.k8s.io"], &["endpointslices"], READ),
        rule(&["apps"], &["deployments", "replicasets"], READ),
        rule(&["batch"], &["jobs"], READ),
        rule(&[GATEWAY_API], GATEWAY_RESOURCES, READ),
        rule(&[GATEWAY_API], &["gatewayclasses"], FULL),
        rule(&[GATEWAY_API], &["gatewayclasses/status"], STATUS),
        rule(
            &["kuma.io"],
            &kuma_types,
            &[
                "get", "list", "watch", "create", "update", "patch", "delete",
            ],
        ),
        rule(
            &["kuma.io"],
            &[
                "meshgatewayinstances/status",
                "meshgatewayinstances/finalizers",
                "meshes/finalizers",
                "dataplanes/finalizers",
            ],
            STATUS,
        ),
    ];
    if cni {
        rules.push(rule(&[CNI_API], &["network-attachment-definitions"], READ));
        rules.push(rule(
            &["apiextensions.k8s.io"],
            &["customresourcedefinitions"],
            READ,
        ));
        if ctx.values.truthy("cni.taintController.enabled") {
            rules.push(rule(&[""], &["nodes"], &["update"]));
        }
    }
    rules.push(rule(
        &["authentication.k8s.io"],
        &["tokenreviews"],
        &["create"],
    ));
    Ok(ClusterRole {
        metadata: cluster_meta(ctx, CONTROL_PLANE_NAME)?,
        rules: Some(rules),
        aggregation_rule: None,
    })
}

fn workloads_cluster_role(ctx: &Context, cni: bool) -> anyhow::Result<ClusterRole> {
    let mut rules = vec![
        rule(&["", "events.k8s.io"], &["events"], &["create", "patch"]),
        rule(&["apps"], &["deployments", "replicasets"], FULL),
        rule(&["batch"], &["jobs"], READ),
        rule(
            &[""],
            &["services"],
            &[
                "get", "delete", "list", "watch", "create", "update", "patch",
            ],
        ),
        rule(&[""], &["pods/finalizers"], STATUS),
        rule(&[GATEWAY_API], GATEWAY_RESOURCES, FULL),
        rule(&[GATEWAY_API], GATEWAY_STATUS, STATUS),
    ];
    if cni {
        rules.push(rule(
            &[CNI_API],
            &["network-attachment-definitions"],
            &["create", "delete"],
        ));
    }
    Ok(ClusterRole {
        metadata: cluster_meta(ctx, WORKLOADS)?,
        rules: Some(rules),
        aggregation_rule: None,
    })
}

fn role(ctx: &Context, cni: bool) -> anyhow::Result<Role> {
    let mut rules = vec![
        rule(
            &["coordination.k8s.io"],
            &["leases"],
            &[
                "get", "list", "watch", "create", "update", "patch", "delete",
            ],
        ),
        rule(
            &[""],
            &["configmaps", "secrets"],
            &[
                "get", "delete", "list", "watch", "create", "update", "patch",
            ],
        ),
        rule(&["", "events.k8s.io"], &["events"], &["create", "patch"]),
        rule(&[""], &["pods"], &["delete"]),
        rule(&[GATEWAY_API], GATEWAY_RESOURCES, FULL),
        rule(&[GATEWAY_API], GATEWAY_STATUS, STATUS),
    ];
    if cni {
        rules.push(rule(
            &[CNI_API],
            &["network-attachment-definitions"],
            &["get", "list", "watch", "create", "delete"],
        ));
    }
    Ok(Role {
        metadata: ctx.cp_meta(CONTROL_PLANE_NAME)?,
        rules: Some(rules),
    })
}

fn service_account(ctx: &Context) -> anyhow::Result<ServiceAccount> {
    let mut metadata = ctx.cp_meta(CONTROL_PLANE_NAME)?;
    metadata.annotations = non_empty(
        ctx.values
            .string_map("controlPlane.serviceAccountAnnotations")?,
    );
    Ok(ServiceAccount {
        metadata,
        image_pull_secrets: image_pull_secrets(ctx)?,
        ..ServiceAccount::default()
    })
}

/// The ServiceAccount, then (kubernetes environment, unless skipped) ClusterRoles, ClusterRoleBindings, the
/// allow-listed RoleBindings, the Role and its RoleBinding.
pub fn render(ctx: &Context) -> anyhow::Result<Vec<Object>> {
    let values = ctx.values;
    let mut objects = vec![Object::typed(&service_account(ctx)?)?];
    if !ctx.is_kubernetes() || values.truthy("skipRBAC") {
        return Ok(objects);
    }
    let cni = values.truthy("cni.enabled");
    let allow_list = values.string_list("namespaceAllowList")?;
    if !values.truthy("controlPlane.skipClusterRoleCreation") {
        objects.push(Object::typed(&cluster_role(ctx, cni)?)?);
        objects.push(Object::typed(&workloads_cluster_role(ctx, cni)?)?);
        objects.push(Object::typed(&ClusterRoleBinding {
            metadata: cluster_meta(ctx, CONTROL_PLANE_NAME)?,
            role_ref: role_ref("ClusterRole", CONTROL_PLANE_NAME),
            subjects: Some(control_plane_subject(ctx)),
        })?);
        if allow_list.is_empty() {
            objects.push(Object::typed(&ClusterRoleBinding {
                metadata: cluster_meta(ctx, WORKLOADS)?,
                role_ref: role_ref("ClusterRole", WORKLOADS),
                subjects: Some(control_plane_subject(ctx)),
            })?);
        }
    }
    for namespace in &allow_list {
        let mut metadata = ctx.cp_meta(WORKLOADS)?;
        metadata.namespace = Some(namespace.clone());
        objects.push(Object::typed(&RoleBinding {
            metadata,
            role_ref: role_ref("ClusterRole", WORKLOADS),
            subjects: Some(control_plane_subject(ctx)),
        })?);
    }
    objects.push(Object::typed(&role(ctx, cni)?)?);
    objects.push(Object::typed(&RoleBinding {
        metadata: ctx.cp_meta(CONTROL_PLANE_NAME)?,
        role_ref: role_ref("Role", CONTROL_PLANE_NAME),
        subjects: Some(control_plane_subject(ctx)),
    })?);
    Ok(objects)
}
