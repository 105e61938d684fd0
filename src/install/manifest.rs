//! Rendered objects, Helm's install order (Go: `app/kumactl/pkg/install/k8s/sorter.go`,
//! Helm's `pkg/release/v1/util/kind_sorter.go`) and the output format (`JoinYAML` in
//! `pkg/util/data/yaml.go`).

use crate::output::yaml_node::{Node, to_node};
use serde::Serialize;
use serde_json::Value;
use std::borrow::Cow;

/// Helm v4's install order, with GatewayClass before the webhooks.
const INSTALL_ORDER: &[&str] = &[
    "PriorityClass",
    "Namespace",
    "NetworkPolicy",
    "ResourceQuota",
    "LimitRange",
    "PodSecurityPolicy",
    "PodDisruptionBudget",
    "ServiceAccount",
    "Secret",
    "SecretList",
    "ConfigMap",
    "StorageClass",
    "PersistentVolume",
    "PersistentVolumeClaim",
    "CustomResourceDefinition",
    "ClusterRole",
    "ClusterRoleList",
    "ClusterRoleBinding",
    "ClusterRoleBindingList",
    "Role",
    "RoleList",
    "RoleBinding",
    "RoleBindingList",
    "Service",
    "DaemonSet",
    "Pod",
    "ReplicationController",
    "ReplicaSet",
    "Deployment",
    "HorizontalPodAutoscaler",
    "StatefulSet",
    "Job",
    "CronJob",
    "IngressClass",
    "Ingress",
    "APIService",
    "GatewayClass",
    "MutatingWebhookConfiguration",
    "ValidatingWebhookConfiguration",
];

/// One document of the output.
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    pub kind: String,
    pub document: Value,
    /// A typed object's document, when it has no JSON one (see [`Object::typed`]).
    tree: Option<Node>,
    /// The document's YAML, when it was rendered ahead of time (into the binary, where
    /// `document` is null, or once for a checksum, see [`Object::prerendered`]).
    rendered: Option<Cow<'static, str>>,
}

impl Object {
    /// A document written as JSON (kinds k8s-openapi does not have).
    pub fn json(kind: &str, document: Value) -> Object {
        Object {
            kind: kind.to_string(),
            document,
            tree: None,
            rendered: None,
        }
    }

    /// A document whose YAML was rendered ahead of time.
    pub fn rendered(kind: &str, yaml: &'static str) -> Object {
        Object {
            kind: kind.to_string(),
            document: Value::Null,
            tree: None,
            rendered: Some(Cow::Borrowed(yaml)),
        }
    }

    /// The same object with its YAML rendered now, for output that needs the text twice
    /// (a checksum, then the manifest). The document must not change afterwards.
    pub fn prerendered(mut self) -> Object {
        if self.rendered.is_none() {
            self.rendered = Some(Cow::Owned(self.to_yaml().into_owned()));
        }
        self
    }

    /// The same object with a YAML comment line before it in the output (the chart
    /// writes warnings that way).
    pub fn with_comment(self, comment: &str) -> Object {
        let text = format!("# {comment}\n{}", self.to_yaml());
        Object {
            rendered: Some(Cow::Owned(text)),
            ..self
        }
    }

    /// A typed Kubernetes object (k8s-openapi writes `apiVersion` and `kind` itself),
    /// held as a [`Node`] tree, which costs a fraction of a JSON `Value` to build.
    pub fn typed<T: k8s_openapi::Resource + Serialize>(object: &T) -> anyhow::Result<Object> {
        Object::typed_edited(object, |_| {})
    }

    /// A typed Kubernetes object with `edit` applied to its tree.
    pub fn typed_edited<T: k8s_openapi::Resource + Serialize>(
        object: &T,
        edit: impl FnOnce(&mut Node),
    ) -> anyhow::Result<Object> {
        let mut node = to_node(object)?;
        edit(&mut node);
        Ok(Object {
            kind: T::KIND.to_string(),
            document: Value::Null,
            tree: Some(node),
            rendered: None,
        })
    }

    /// A typed Kubernetes object as a JSON document, for a renderer that changes the
    /// document afterwards.
    pub fn typed_json<T: k8s_openapi::Resource + Serialize>(object: &T) -> anyhow::Result<Object> {
        Ok(Object::json(T::KIND, serde_json::to_value(object)?))
    }

    /// The document as YAML, without a trailing newline.
    pub fn to_yaml(&self) -> Cow<'_, str> {
        if let Some(text) = &self.rendered {
            return Cow::Borrowed(text);
        }
        let mut text = String::with_capacity(2048);
        self.write_yaml(&mut text);
        text.into()
    }
}

impl Object {
    /// Appends the document's YAML, without a trailing newline.
    fn write_yaml(&self, out: &mut String) {
        match (&self.rendered, &self.tree) {
            (Some(text), _) => {
                // Written as rendered (the CRDs' text included).
                out.push_str(text);
                return;
            }
            (None, Some(tree)) => crate::output::yaml::write_document(out, tree),
            (None, None) => crate::output::yaml::write_document(out, &self.document),
        }
        out.truncate(out.trim_end().len());
    }
}

/// Helm's order: documents are keyed `manifest-<i>` in output order, the keys sorted as
/// strings (so `manifest-10` precedes `manifest-2`), then stably sorted by kind. Both
/// sorts are one here, by (kind's rank, `i` as decimal text); the keys are computed once,
/// without allocating (formatting and comparing the names was 2% of the render).
pub fn sort_by_kind(objects: Vec<Object>) -> Vec<Object> {
    let mut keyed: Vec<((usize, &str), Decimal, usize)> = objects
        .iter()
        .enumerate()
        .map(|(i, object)| (kind_rank(&object.kind), Decimal::of(i), i))
        .collect();
    keyed.sort_unstable_by(|a, b| (a.0, a.1.digits()).cmp(&(b.0, b.1.digits())));
    let order: Vec<usize> = keyed.into_iter().map(|(_, _, i)| i).collect();
    let mut slots: Vec<Option<Object>> = objects.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// A number's decimal digits, to compare numbers as text.
struct Decimal {
    digits: [u8; 20],
    start: usize,
}

impl Decimal {
    fn of(mut n: usize) -> Decimal {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        Decimal { digits, start }
    }

    fn digits(&self) -> &[u8] {
        &self.digits[self.start..]
    }
}

/// Known kinds by their install position; unknown kinds after them, alphabetically.
fn kind_rank(kind: &str) -> (usize, &str) {
    match INSTALL_ORDER.iter().position(|k| *k == kind) {
        Some(i) => (i, ""),
        None => (INSTALL_ORDER.len(), kind),
    }
}

/// Go's `JoinYAML`: every document preceded by `\n---\n`, no trailing newline.
/// The output is sized once (the CRDs alone are some 280 KB) and the documents not
/// rendered yet are written straight into it.
pub fn join(objects: &[Object], skip_kinds: &[String]) -> String {
    let kept = || objects.iter().filter(|o| !skip_kinds.contains(&o.kind));
    let size: usize = kept()
        .map(|o| 5 + o.rendered.as_ref().map_or(4096, |text| text.len()))
        .sum();
    let mut out = String::with_capacity(size);
    for object in kept() {
        out.push_str("\n---\n");
        object.write_yaml(&mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn object(kind: &str, name: &str) -> Object {
        Object::json(kind, json!({"kind": kind, "metadata": {"name": name}}))
    }

    #[test]
    fn sorts_by_kind_then_by_manifest_key() {
        let mut objects: Vec<Object> = (0..12)
            .map(|i| object("Service", &format!("s{i}")))
            .collect();
        objects.push(object("Namespace", "ns"));
        objects.push(object("Certificate", "c"));
        objects.push(object("Issuer", "i"));
        let sorted = sort_by_kind(objects);
        let names: Vec<&str> = sorted
            .iter()
            .map(|o| o.document["metadata"]["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            vec![
                "ns", "s0", "s1", "s10", "s11", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9",
                "c", "i"
            ]
        );
    }

    #[test]
    fn decimal_keys_order_as_their_text() {
        let mut numbers: Vec<usize> = (0..1200).collect();
        numbers.sort_by(|a, b| Decimal::of(*a).digits().cmp(Decimal::of(*b).digits()));
        let mut texts: Vec<String> = (0..1200).map(|i| i.to_string()).collect();
        texts.sort();
        let numbers: Vec<String> = numbers.iter().map(usize::to_string).collect();
        assert_eq!(numbers, texts);
        assert_eq!(
            Decimal::of(usize::MAX).digits(),
            usize::MAX.to_string().as_bytes()
        );
    }

    #[test]
    fn joins_like_go_and_skips_kinds() {
        let objects = vec![object("Namespace", "a"), object("Service", "b")];
        assert_eq!(
            join(&objects, &["Service".to_string()]),
            "\n---\nkind: Namespace\nmetadata:\n  name: a"
        );
    }
}
