//! Resource metadata and its validation (Go:
//! `pkg/core/resources/apis/mesh/meta_validator.go`).

use super::descriptor::{ResourceType, Scope};
use chrono::{DateTime, Utc};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// One violated rule: a field path and the reason, as Kuma reports them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    pub field: String,
    pub message: String,
}

impl Violation {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Violation {
        Violation {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Violations joined as kumactl prints them: `name: cannot be empty; mesh: cannot be empty`.
pub fn join_violations(violations: &[Violation]) -> String {
    violations
        .iter()
        .map(Violation::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    pub resource_type: &'static ResourceType,
    /// Empty for Global-scoped types.
    pub mesh: String,
    pub name: String,
    pub creation_time: DateTime<Utc>,
    pub modification_time: DateTime<Utc>,
    pub labels: BTreeMap<String, String>,
}

pub const NAME_MAX_LENGTH: usize = 253;

pub const NAME_INVALID: &str = "invalid characters. A lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
pub const MESH_INVALID: &str = "invalid characters. Valid characters are numbers, lowercase latin letters and '-', '_', '.' symbols.";

static NAME_PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
        .expect("valid regex")
});
static MESH_PATTERN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9a-z-_.]*$").expect("valid regex"));

/// Kuma's meta validator for Universal resources: the name always, the mesh for
/// Mesh-scoped types.
pub fn validate_meta(resource_type: &ResourceType, name: &str, mesh: &str) -> Vec<Violation> {
    let mut violations = Vec::new();
    if name.is_empty() {
        violations.push(Violation::new("name", "cannot be empty"));
    } else if name.len() > NAME_MAX_LENGTH {
        violations.push(Violation::new(
            "name",
            format!("value length must less or equal {NAME_MAX_LENGTH}"),
        ));
    } else if !NAME_PATTERN.is_match(name) {
        violations.push(Violation::new("name", NAME_INVALID));
    }
    if resource_type.scope == Scope::Mesh {
        if mesh.is_empty() {
            violations.push(Violation::new("mesh", "cannot be empty"));
        } else if !MESH_PATTERN.is_match(mesh) {
            violations.push(Violation::new("mesh", MESH_INVALID));
        }
    }
    violations
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::descriptor::by_name;

    #[test]
    fn names_and_meshes() {
        let ze = by_name("ZoneEgress").unwrap();
        let secret = by_name("Secret").unwrap();
        assert!(validate_meta(ze, "zoneegress-1", "").is_empty());
        assert!(validate_meta(ze, "a.b-c", "").is_empty());
        assert_eq!(
            join_violations(&validate_meta(ze, "", "")),
            "name: cannot be empty"
        );
        assert_eq!(
            join_violations(&validate_meta(ze, "Bad_Name", "")),
            format!("name: {NAME_INVALID}")
        );
        assert_eq!(
            join_violations(&validate_meta(ze, &"a".repeat(254), "")),
            "name: value length must less or equal 253"
        );
        assert_eq!(
            join_violations(&validate_meta(secret, "", "")),
            "name: cannot be empty; mesh: cannot be empty"
        );
        assert!(validate_meta(secret, "s", "my_mesh.1").is_empty());
        assert_eq!(
            join_violations(&validate_meta(secret, "s", "Mesh!")),
            format!("mesh: {MESH_INVALID}")
        );
    }
}
