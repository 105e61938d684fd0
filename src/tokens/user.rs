//! User tokens (`kumactl generate user-token`; Go:
//! `pkg/plugins/authn/api-server/tokens/issuer/token.go`): who calls the API server.

use super::jwt::{Claims, JsonObject, RegisteredClaims, string_field, strings_field};
use serde::Serialize;

/// Go's `UserClaims` (an embedded `user.User` plus the registered claims).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UserClaims {
    #[serde(rename = "Name")]
    pub name: String,
    /// `None` is Go's nil slice (`null`).
    #[serde(rename = "Groups")]
    pub groups: Option<Vec<String>>,
    #[serde(flatten)]
    pub registered: RegisteredClaims,
}

impl Claims for UserClaims {
    const GO_TYPE: &'static str = "issuer.UserClaims";

    fn from_json(obj: &JsonObject) -> Result<Self, String> {
        Ok(UserClaims {
            name: string_field(obj, "Name", "UserClaims", "Name")?,
            groups: strings_field(obj, "Groups", "UserClaims")?,
            registered: RegisteredClaims::from_json(obj, "UserClaims")?,
        })
    }

    fn registered(&self) -> &RegisteredClaims {
        &self.registered
    }
}
