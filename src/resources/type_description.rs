//! What `GET /_resources` tells about each resource type (Kuma:
//! `pkg/api-server/policies_endpoints.go`, `pkg/api-server/mappers/resource_type_description.go`),
//! computed from the descriptor table and the types' schemas. kuma-cp-lite serves it and
//! `kumactl export` reads it.

use super::descriptor::{RESOURCE_TYPES, ResourceType, Scope};
use super::schemas;
use serde::{Deserialize, Serialize};

/// One entry of `GET /_resources`, its fields in Kuma's key order. Reading one, a field
/// the server leaves out takes its zero value, as Go's decoder does.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TypeDescription {
    pub include_in_federation: bool,
    pub name: String,
    pub path: String,
    pub plural_display_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyDescription>,
    pub read_only: bool,
    pub scope: String,
    pub short_name: String,
    pub singular_display_name: String,
}

/// The `policy` object of a policy type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PolicyDescription {
    pub has_from_target_ref: bool,
    pub has_rules_target_ref: bool,
    pub has_to_target_ref: bool,
    pub is_from_as_rules: bool,
    pub is_target_ref: bool,
}

/// `{"resources": [...]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeDescriptions {
    pub resources: Vec<TypeDescription>,
}

/// The description of every type, sorted by name, as a control plane in `read_only` API
/// mode (or a federated zone, `federated_zone`) describes them.
pub fn describe_all(read_only: bool, federated_zone: bool) -> TypeDescriptions {
    let mut resources: Vec<TypeDescription> = RESOURCE_TYPES
        .iter()
        .map(|t| describe(t, read_only, federated_zone))
        .collect();
    resources.sort_by(|a, b| a.name.cmp(&b.name));
    TypeDescriptions { resources }
}

pub fn describe(t: &ResourceType, api_read_only: bool, federated_zone: bool) -> TypeDescription {
    // Kuma: the API server's read-only setting, or a federated zone, or the type's own
    // read-only flag (not the one adjusted for the global mode).
    let read_only = api_read_only || federated_zone || t.read_only;
    let words = display_words(t.name);
    let singular = words.join(" ");
    let plural = plural_display_name(t, &words);
    TypeDescription {
        // Kuma: the KDS flags send it from global to zones, and it is writable.
        include_in_federation: t.synced_to_zones && !t.read_only,
        name: t.name.to_string(),
        path: t.path.to_string(),
        plural_display_name: plural,
        policy: policy(t),
        read_only,
        scope: match t.scope {
            Scope::Global => "Global",
            Scope::Mesh => "Mesh",
        }
        .to_string(),
        short_name: t.short_name.unwrap_or_default().to_string(),
        singular_display_name: singular,
    }
}

/// Whether a type matches proxies through `targetRef` (its spec schema has one).
pub fn is_target_ref_policy(t: &ResourceType) -> bool {
    spec_properties(t).is_some_and(|p| p.contains_key("targetRef"))
}

fn spec_properties(
    t: &ResourceType,
) -> Option<&'static serde_json::Map<String, serde_json::Value>> {
    schemas::of_type(t.name)?
        .get("spec")?
        .get("properties")?
        .as_object()
}

fn policy(t: &ResourceType) -> Option<PolicyDescription> {
    if t.legacy_policy {
        return Some(PolicyDescription::default());
    }
    let properties = spec_properties(t)?;
    if !properties.contains_key("targetRef") {
        return None;
    }
    let has = |key: &str| properties.contains_key(key);
    Some(PolicyDescription {
        has_from_target_ref: has("from"),
        has_rules_target_ref: has("rules"),
        has_to_target_ref: has("to"),
        // (inferred) Kuma converts the deprecated `from` list to `rules` for the policies
        // that have both sections.
        is_from_as_rules: has("from") && has("rules"),
        is_target_ref: true,
    })
}

/// `MeshHTTPRoute` → `["Mesh", "HTTP", "Route"]`: a word starts at an upper-case letter
/// that follows a lower-case one, or that starts a capitalised word after an acronym.
fn display_words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let boundary = i > 0
            && c.is_ascii_uppercase()
            && (chars[i - 1].is_ascii_lowercase()
                || chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase()));
        if boundary && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// The plural display name: the last word takes the plural ending of the REST path
/// (`retries`, `meshes`, `meshtlses`).
fn plural_display_name(t: &ResourceType, words: &[String]) -> String {
    let singular: String = words.concat().to_ascii_lowercase();
    let path: String = t.path.chars().filter(|c| *c != '-').collect();
    let common = singular
        .bytes()
        .zip(path.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let ending = &path[common..];
    let dropped = singular.len() - common;
    let mut words = words.to_vec();
    if let Some(last) = words.last_mut() {
        let keep = last.len().saturating_sub(dropped);
        last.truncate(keep);
        last.push_str(ending);
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::descriptor::by_name;

    fn names(t: &str) -> (String, String) {
        let d = describe(by_name(t).unwrap(), false, false);
        (d.singular_display_name, d.plural_display_name)
    }

    #[test]
    fn display_names() {
        assert_eq!(
            names("Dataplane"),
            ("Dataplane".into(), "Dataplanes".into())
        );
        assert_eq!(names("Mesh"), ("Mesh".into(), "Meshes".into()));
        assert_eq!(names("Retry"), ("Retry".into(), "Retries".into()));
        assert_eq!(
            names("MeshHTTPRoute"),
            ("Mesh HTTP Route".into(), "Mesh HTTP Routes".into())
        );
        assert_eq!(names("MeshTLS"), ("Mesh TLS".into(), "Mesh TLSes".into()));
        assert_eq!(
            names("ZoneIngressInsight"),
            (
                "Zone Ingress Insight".into(),
                "Zone Ingress Insights".into()
            )
        );
        assert_eq!(
            names("MeshIdentity"),
            ("Mesh Identity".into(), "Mesh Identities".into())
        );
    }

    #[test]
    fn federation_and_policies_follow_kuma() {
        let all = describe_all(false, false).resources;
        assert_eq!(all.len(), 53);
        let federated: Vec<&str> = all
            .iter()
            .filter(|d| d.include_in_federation)
            .map(|d| d.name.as_str())
            .collect();
        // Every type but the zone-provided ones, Zone, MeshZoneAddress and the insights.
        assert_eq!(federated.len(), 40);
        for name in [
            "Dataplane",
            "Zone",
            "MeshZoneAddress",
            "MeshService",
            "Workload",
        ] {
            assert!(!federated.contains(&name), "{name}");
        }
        let target_ref = all
            .iter()
            .filter(|d| d.policy.is_some_and(|p| p.is_target_ref))
            .count();
        assert_eq!(target_ref, 16);
        let legacy = all
            .iter()
            .filter(|d| d.policy.is_some_and(|p| !p.is_target_ref))
            .count();
        assert_eq!(legacy, 13);
        let timeout = all.iter().find(|d| d.name == "MeshTimeout").unwrap();
        assert_eq!(
            timeout.policy,
            Some(PolicyDescription {
                has_from_target_ref: true,
                has_rules_target_ref: true,
                has_to_target_ref: true,
                is_from_as_rules: true,
                is_target_ref: true,
            })
        );
        let dataplane =
            serde_json::to_string(&describe(by_name("Dataplane").unwrap(), false, false)).unwrap();
        assert_eq!(
            dataplane,
            r#"{"includeInFederation":false,"name":"Dataplane","path":"dataplanes","pluralDisplayName":"Dataplanes","readOnly":false,"scope":"Mesh","shortName":"dp","singularDisplayName":"Dataplane"}"#
        );
    }
}
