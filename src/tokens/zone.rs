//! Zone tokens: what a Zone Ingress or Zone Egress proxy presents (Go:
//! `pkg/tokens/builtin/zone/token.go`).

use super::jwt::{Claims, JsonObject, RegisteredClaims, string_field, strings_field};
use serde::Serialize;

pub const INGRESS_SCOPE: &str = "ingress";
pub const EGRESS_SCOPE: &str = "egress";
/// The scopes a zone token can carry, in Kuma's order (also kumactl's default).
pub const FULL_SCOPE: [&str; 2] = [INGRESS_SCOPE, EGRESS_SCOPE];

/// Go's `ZoneClaims`: no JSON tags, so the keys are the Go field names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ZoneClaims {
    #[serde(rename = "Zone")]
    pub zone: String,
    /// `None` is Go's nil slice (`null`).
    #[serde(rename = "Scope")]
    pub scope: Option<Vec<String>>,
    #[serde(flatten)]
    pub registered: RegisteredClaims,
}

impl Claims for ZoneClaims {
    const GO_TYPE: &'static str = "zone.ZoneClaims";

    fn from_json(obj: &JsonObject) -> Result<Self, String> {
        Ok(ZoneClaims {
            zone: string_field(obj, "Zone", "ZoneClaims", "Zone")?,
            scope: strings_field(obj, "Scope", "ZoneClaims")?,
            registered: RegisteredClaims::from_json(obj, "ZoneClaims")?,
        })
    }

    fn registered(&self) -> &RegisteredClaims {
        &self.registered
    }
}

impl ZoneClaims {
    pub fn scope(&self) -> &[String] {
        self.scope.as_deref().unwrap_or_default()
    }

    pub fn has_scope(&self, scope: &str) -> bool {
        self.scope().iter().any(|s| s == scope)
    }
}

/// The `--scope` values kumactl rejects, in the order given.
pub fn unsupported_scopes(scopes: &[String]) -> Vec<String> {
    scopes
        .iter()
        .filter(|s| !FULL_SCOPE.contains(&s.as_str()))
        .cloned()
        .collect()
}

/// Go's `%+v` of a string slice: `[a b]`.
pub fn go_slice(items: &[String]) -> String {
    format!("[{}]", items.join(" "))
}
