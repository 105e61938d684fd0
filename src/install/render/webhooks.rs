//! The admission webhooks and the generated `kuma-tls-cert` Secret (the chart's
//! `templates/cp-webhooks-and-secrets.yaml`), in the kubernetes environment only. With cert-manager the webhooks carry no
//! `caBundle`: cert-manager's CA injector fills it from the kuma-tls-cert Certificate.

use super::{Context, GENERATED_TLS_SECRET};
use crate::install::manifest::Object;
use crate::output::yaml_node::Node;
use anyhow::Context as _;
use base64::Engine;
use k8s_openapi::ByteString;
use k8s_openapi::api::admissionregistration::v1::{
    MutatingWebhook, MutatingWebhookConfiguration, RuleWithOperations, ServiceReference,
    ValidatingWebhook, ValidatingWebhookConfiguration, WebhookClientConfig,
};
use k8s_openapi::api::core::v1::Secret;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{
    LabelSelector, LabelSelectorRequirement, ObjectMeta,
};
use std::collections::BTreeMap;

const MUTATING_NAME: &str = "kuma-admission-mutating-webhook-configuration";
const VALIDATING_NAME: &str = "kuma-validating-webhook-configuration";
const INJECTION_LABEL: &str = "kuma.io/sidecar-injection";
const NAMESPACE_NAME_LABEL: &str = "kubernetes.io/metadata.name";

/// Kuma types the mesh defaulter sees, before the plugin types ("zone" as Kuma has it).
const DEFAULTED_TYPES: &[&str] = &[
    "meshes",
    "dataplanes",
    "dataplaneinsights",
    "meshgateways",
    "zoneingresses",
    "zoneingressinsights",
    "zoneegresses",
    "zoneegressinsights",
    "serviceinsights",
    "zone",
    "zoneinsights",
];

/// Kuma types that get an owner reference to their mesh, before the plugin types.
const OWNED_TYPES: &[&str] = &[
    "circuitbreakers",
    "externalservices",
    "faultinjections",
    "healthchecks",
    "meshgateways",
    "meshgatewayroutes",
    "proxytemplates",
    "ratelimits",
    "retries",
    "timeouts",
    "trafficlogs",
    "trafficpermissions",
    "trafficroutes",
    "traffictraces",
    "virtualoutbounds",
];

/// Kuma types the validator checks, before the plugin types.
const VALIDATED_TYPES: &[&str] = &[
    "circuitbreakers",
    "dataplanes",
    "externalservices",
    "faultinjections",
    "meshgatewayinstances",
    "healthchecks",
    "meshes",
    "meshgateways",
    "meshgatewayroutes",
    "proxytemplates",
    "ratelimits",
    "retries",
    "trafficlogs",
    "trafficpermissions",
    "trafficroutes",
    "traffictraces",
    "virtualoutbounds",
    "zones",
    "containerpatches",
];

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn requirement(key: &str, operator: &str, values: Option<Vec<String>>) -> LabelSelectorRequirement {
    LabelSelectorRequirement {
        key: key.to_string(),
        operator: operator.to_string(),
        values,
    }
}

fn expressions(requirements: Vec<LabelSelectorRequirement>) -> Option<LabelSelector> {
    Some(LabelSelector {
        match_expressions: Some(requirements),
        match_labels: None,
    })
}

fn rule(
    groups: &[&str],
    version: &str,
    operations: &[&str],
    resources: Vec<String>,
) -> RuleWithOperations {
    RuleWithOperations {
        api_groups: Some(strings(groups)),
        api_versions: Some(vec![version.to_string()]),
        operations: Some(strings(operations)),
        resources: Some(resources),
        scope: None,
    }
}

/// Kuma types followed by the enabled policies and resources.
fn kuma_rule(ctx: &Context, operations: &[&str], types: &[&str]) -> RuleWithOperations {
    let (policies, resources) = ctx.plugin_names();
    let all = strings(types)
        .into_iter()
        .chain(policies)
        .chain(resources)
        .collect();
    rule(&["kuma.io"], "v1alpha1", operations, all)
}

/// Rules given as YAML text in the values (`controlPlane.webhooks.*.additionalRules`).
fn additional_rules(ctx: &Context, path: &str) -> anyhow::Result<Vec<RuleWithOperations>> {
    let text = ctx.values.text(path);
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    crate::nesting::check_yaml(text.as_bytes()).with_context(|| format!("invalid {path}"))?;
    let rules: Option<Vec<RuleWithOperations>> =
        serde_yaml::from_str(&text).with_context(|| format!("invalid {path}"))?;
    Ok(rules.unwrap_or_default())
}

struct Webhooks<'a> {
    ctx: &'a Context<'a>,
    /// `None` with cert-manager.
    ca_bundle: Option<String>,
    allow_list: Vec<String>,
}

impl Webhooks<'_> {
    fn client(&self, path: &str) -> WebhookClientConfig {
        WebhookClientConfig {
            // Filled in afterwards: the bundle is copied verbatim, not re-encoded.
            ca_bundle: None,
            service: Some(ServiceReference {
                name: self.ctx.service_name.clone(),
                namespace: self.ctx.namespace.clone(),
                path: Some(path.to_string()),
                port: None,
            }),
            url: None,
        }
    }

    /// Namespaces that opted into injection, except kube-system (`ns-sel-A`).
    fn opted_in_namespaces(&self) -> Option<LabelSelector> {
        let mut requirements = vec![
            requirement(INJECTION_LABEL, "Exists", None),
            requirement(
                NAMESPACE_NAME_LABEL,
                "NotIn",
                Some(strings(&["kube-system"])),
            ),
        ];
        if !self.allow_list.is_empty() {
            let mut names = vec![self.ctx.namespace.clone()];
            names.extend(self.allow_list.iter().cloned());
            requirements.push(requirement(NAMESPACE_NAME_LABEL, "In", Some(names)));
        }
        expressions(requirements)
    }

    /// Workload namespaces: neither kube-system nor the control plane's own.
    fn workload_namespaces(&self, injection: LabelSelectorRequirement) -> Option<LabelSelector> {
        let mut requirements = vec![
            injection,
            requirement(
                NAMESPACE_NAME_LABEL,
                "NotIn",
                Some(vec!["kube-system".to_string(), self.ctx.namespace.clone()]),
            ),
        ];
        if !self.allow_list.is_empty() {
            requirements.push(requirement(
                NAMESPACE_NAME_LABEL,
                "In",
                Some(self.allow_list.clone()),
            ));
        }
        expressions(requirements)
    }

    fn own_namespace(&self) -> Option<LabelSelector> {
        expressions(vec![requirement(
            NAMESPACE_NAME_LABEL,
            "In",
            Some(vec![self.ctx.namespace.clone()]),
        )])
    }

    fn mutating(&self) -> anyhow::Result<MutatingWebhookConfiguration> {
        let ctx = self.ctx;
        let injector_policy = ctx.values.text("controlPlane.injectorFailurePolicy");
        let mutating = |name: &str, policy: &str, path: &str| MutatingWebhook {
            name: name.to_string(),
            admission_review_versions: vec!["v1".to_string()],
            side_effects: "None".to_string(),
            failure_policy: Some(policy.to_string()),
            client_config: self.client(path),
            ..MutatingWebhook::default()
        };
        let pods_create = || vec![rule(&[""], "v1", &["CREATE"], strings(&["pods"]))];
        let mut owner_rules = vec![kuma_rule(ctx, &["CREATE"], OWNED_TYPES)];
        owner_rules.extend(additional_rules(
            ctx,
            "controlPlane.webhooks.ownerReference.additionalRules",
        )?);
        let mut webhooks = vec![
            MutatingWebhook {
                namespace_selector: self.opted_in_namespaces(),
                rules: Some(vec![kuma_rule(ctx, &["CREATE", "UPDATE"], DEFAULTED_TYPES)]),
                ..mutating(
                    "mesh.defaulter.kuma-admission.kuma.io",
                    "Fail",
                    "/default-kuma-io-v1alpha1-mesh",
                )
            },
            MutatingWebhook {
                namespace_selector: self.opted_in_namespaces(),
                rules: Some(owner_rules),
                ..mutating(
                    "owner-reference.kuma-admission.kuma.io",
                    "Fail",
                    "/owner-reference-kuma-io-v1alpha1",
                )
            },
        ];
        if !ctx.is_global() {
            webhooks.push(MutatingWebhook {
                namespace_selector: self.workload_namespaces(requirement(
                    INJECTION_LABEL,
                    "In",
                    Some(strings(&["enabled", "true"])),
                )),
                rules: Some(pods_create()),
                ..mutating(
                    "namespace-kuma-injector.kuma.io",
                    &injector_policy,
                    "/inject-sidecar",
                )
            });
            webhooks.push(MutatingWebhook {
                namespace_selector: self.workload_namespaces(requirement(
                    INJECTION_LABEL,
                    "Exists",
                    None,
                )),
                object_selector: Some(LabelSelector {
                    match_labels: Some(BTreeMap::from([(
                        INJECTION_LABEL.to_string(),
                        "enabled".to_string(),
                    )])),
                    match_expressions: None,
                }),
                rules: Some(pods_create()),
                ..mutating(
                    "pods-kuma-injector.kuma.io",
                    &injector_policy,
                    "/inject-sidecar",
                )
            });
            webhooks.push(MutatingWebhook {
                namespace_selector: self.own_namespace(),
                object_selector: expressions(vec![
                    requirement(INJECTION_LABEL, "In", Some(strings(&["enabled"]))),
                    requirement("kuma.io/mesh", "Exists", None),
                    requirement("k8s.kuma.io/zone-proxy-type", "Exists", None),
                ]),
                rules: Some(pods_create()),
                ..mutating(
                    "mesh-zoneproxy-kuma-injector.kuma.io",
                    &injector_policy,
                    "/inject-sidecar",
                )
            });
        }
        Ok(MutatingWebhookConfiguration {
            metadata: self.meta(MUTATING_NAME)?,
            webhooks: Some(webhooks),
        })
    }

    fn validating(&self) -> anyhow::Result<ValidatingWebhookConfiguration> {
        let ctx = self.ctx;
        let validating = |name: &str, policy: &str, path: &str| ValidatingWebhook {
            name: name.to_string(),
            admission_review_versions: vec!["v1".to_string()],
            side_effects: "None".to_string(),
            failure_policy: Some(policy.to_string()),
            client_config: self.client(path),
            ..ValidatingWebhook::default()
        };
        let mut kuma_rules = vec![kuma_rule(
            ctx,
            &["CREATE", "UPDATE", "DELETE"],
            VALIDATED_TYPES,
        )];
        kuma_rules.extend(additional_rules(
            ctx,
            "controlPlane.webhooks.validator.additionalRules",
        )?);
        let mut webhooks = vec![
            ValidatingWebhook {
                namespace_selector: self.opted_in_namespaces(),
                rules: Some(kuma_rules),
                ..validating(
                    "validator.kuma-admission.kuma.io",
                    "Fail",
                    "/validate-kuma-io-v1alpha1",
                )
            },
            ValidatingWebhook {
                namespace_selector: self.own_namespace(),
                rules: Some(vec![rule(
                    &[""],
                    "v1",
                    &["CREATE", "UPDATE", "DELETE"],
                    strings(&["secrets"]),
                )]),
                // Secrets must stay writable even when the control plane is down.
                ..validating(
                    "secret.validator.kuma-admission.kuma.io",
                    "Ignore",
                    "/validate-v1-secret",
                )
            },
        ];
        if !ctx.is_global() {
            webhooks.push(ValidatingWebhook {
                namespace_selector: self.workload_namespaces(requirement(
                    INJECTION_LABEL,
                    "Exists",
                    None,
                )),
                rules: Some(vec![rule(
                    &[""],
                    "v1",
                    &["CREATE", "UPDATE"],
                    strings(&["pods"]),
                )]),
                ..validating(
                    "pod.validator.kuma-admission.kuma.io",
                    "Fail",
                    "/validate-v1-pod",
                )
            });
        }
        Ok(ValidatingWebhookConfiguration {
            metadata: self.meta(VALIDATING_NAME)?,
            webhooks: Some(webhooks),
        })
    }

    /// The metadata of both configurations: with cert-manager, the annotation that
    /// has its CA injector fill in the bundle.
    fn meta(&self, name: &str) -> anyhow::Result<ObjectMeta> {
        let ctx = self.ctx;
        let mut metadata = ctx.cp_meta(name)?;
        if ctx.cert_manager {
            metadata.annotations = Some(BTreeMap::from([(
                "cert-manager.io/inject-ca-from".to_string(),
                format!("{}/{GENERATED_TLS_SECRET}", ctx.namespace),
            )]));
        }
        Ok(metadata)
    }

    /// Puts the bundle text into every `clientConfig.caBundle` of a document.
    fn with_ca_bundle(&self, document: &mut Node) {
        let Some(ca_bundle) = &self.ca_bundle else {
            return;
        };
        if let Some(Node::Seq(webhooks)) = document.get_mut("webhooks") {
            for webhook in webhooks {
                if let Some(client) = webhook.get_mut("clientConfig") {
                    client.insert("caBundle", Node::String(ca_bundle.clone()));
                }
            }
        }
    }
}

/// The generated Secret (if any), then the mutating and validating configurations;
/// nothing outside the kubernetes environment.
pub fn render(ctx: &Context) -> anyhow::Result<Vec<Object>> {
    if !ctx.is_kubernetes() {
        return Ok(Vec::new());
    }
    let base64 = base64::engine::general_purpose::STANDARD;
    let (secret, ca_bundle) = match &ctx.generated_tls {
        Some(tls) => {
            let data = BTreeMap::from([
                (
                    "ca.crt".to_string(),
                    ByteString(tls.ca_cert_pem.clone().into_bytes()),
                ),
                (
                    "tls.crt".to_string(),
                    ByteString(tls.cert_pem.clone().into_bytes()),
                ),
                (
                    "tls.key".to_string(),
                    ByteString(tls.key_pem.clone().into_bytes()),
                ),
            ]);
            let secret = Object::typed(&Secret {
                metadata: ctx.cp_meta(GENERATED_TLS_SECRET)?,
                type_: Some("kubernetes.io/tls".to_string()),
                data: Some(data),
                ..Secret::default()
            })?;
            (Some(secret), Some(base64.encode(&tls.ca_cert_pem)))
        }
        None if ctx.cert_manager => (None, None),
        None => (
            None,
            Some(ctx.values.text("controlPlane.tls.general.caBundle")),
        ),
    };
    let webhooks = Webhooks {
        ctx,
        ca_bundle,
        allow_list: ctx.values.string_list("namespaceAllowList")?,
    };
    let mutating = Object::typed_edited(&webhooks.mutating()?, |d| webhooks.with_ca_bundle(d))?;
    let validating = Object::typed_edited(&webhooks.validating()?, |d| webhooks.with_ca_bundle(d))?;
    Ok(secret.into_iter().chain([mutating, validating]).collect())
}
