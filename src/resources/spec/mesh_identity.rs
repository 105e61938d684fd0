//! Which MeshIdentity applies to a Dataplane, and whether it derives the SPIFFE ID from
//! the workload (Go: `pkg/core/resources/apis/meshidentity/api/v1alpha1/helpers.go`,
//! used by `pkg/xds/auth/universal/authenticator.go` and
//! `pkg/xds/server/callbacks/workload_label_validator.go`). Shared by kuma-cp-lite's
//! registration and `kumactl migrate zone-egress`.

use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The path template of a MeshIdentity without `spiffeID.path` on Universal.
pub const DEFAULT_UNIVERSAL_PATH: &str = "/workload/{{ .Workload }}";

/// The MeshIdentity that applies to a Dataplane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selected {
    pub name: String,
    /// The SPIFFE ID path template (the Universal default when unset).
    pub path_template: String,
}

impl Selected {
    /// Whether the template uses the workload: `{{ .Workload }}` or
    /// `{{ label "kuma.io/workload" }}`.
    pub fn uses_workload(&self) -> bool {
        let compact: String = self
            .path_template
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        compact.contains("{{.Workload}}") || compact.contains("{{label\"kuma.io/workload\"}}")
    }
}

/// `matchLabels` of `spec.selector.dataplane`; `None` when the MeshIdentity selects no
/// Dataplane (no `selector.dataplane`).
fn match_labels(spec: &Map<String, Value>) -> Option<BTreeMap<String, String>> {
    let dataplane = spec.get("selector")?.get("dataplane")?;
    if dataplane.is_null() {
        return None;
    }
    Some(
        dataplane
            .get("matchLabels")
            .and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                    .collect()
            })
            .unwrap_or_default(),
    )
}

/// The best MeshIdentity for a Dataplane with `labels` among `(name, spec)` pairs of its
/// mesh: its selector must match, the most `matchLabels` wins, a tie goes to the lowest
/// name.
pub fn best_match<'a>(
    identities: impl IntoIterator<Item = (&'a str, &'a Map<String, Value>)>,
    labels: &BTreeMap<String, String>,
) -> Option<Selected> {
    let mut best: Option<(usize, &str, &Map<String, Value>)> = None;
    for (name, spec) in identities {
        let Some(selector) = match_labels(spec) else {
            continue;
        };
        if !selector.iter().all(|(k, v)| labels.get(k) == Some(v)) {
            continue;
        }
        let better = match best {
            None => true,
            Some((count, best_name, _)) => {
                selector.len() > count || (selector.len() == count && name < best_name)
            }
        };
        if better {
            best = Some((selector.len(), name, spec));
        }
    }
    best.map(|(_, name, spec)| Selected {
        name: name.to_string(),
        path_template: spec
            .get("spiffeID")
            .and_then(|s| s.get("path"))
            .and_then(Value::as_str)
            .filter(|p| !p.is_empty())
            .unwrap_or(DEFAULT_UNIVERSAL_PATH)
            .to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn most_labels_then_lowest_name() {
        let all = json!({"selector": {"dataplane": {}}});
        let web = json!({"selector": {"dataplane": {"matchLabels": {"app": "web"}}},
                         "spiffeID": {"path": "/svc/{{ label \"app\" }}"}});
        let none = json!({"selector": {}});
        let identities = [
            ("b", all.as_object().unwrap()),
            ("a", all.as_object().unwrap()),
            ("web", web.as_object().unwrap()),
            ("none", none.as_object().unwrap()),
        ];
        let labels = BTreeMap::from([("app".to_string(), "web".to_string())]);
        let selected = best_match(identities, &labels).unwrap();
        assert_eq!(selected.name, "web");
        assert!(!selected.uses_workload());
        let selected = best_match(identities, &BTreeMap::new()).unwrap();
        assert_eq!(
            selected,
            Selected {
                name: "a".into(),
                path_template: DEFAULT_UNIVERSAL_PATH.into()
            }
        );
        assert!(selected.uses_workload());
        assert_eq!(
            best_match([("none", none.as_object().unwrap())], &labels),
            None
        );
    }
}
