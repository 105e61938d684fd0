//! `GET /_kri/{kri}`: one resource by its Kuma Resource Identifier (Go:
//! `pkg/api-server/kri_endpoint.go`, `pkg/core/kri/kri.go`).

#![allow(
    clippy::result_large_err,
    reason = "errors become HTTP responses at once; their size does not matter on that path"
)]

use super::request::ResourceRequest;
use super::resources::{GET_ERROR_TITLE, check_access, not_found, render_one};
use super::state::SharedState;
use super::store::ResourceKey;
use crate::api::ApiError;
use crate::resources::descriptor::{RESOURCE_TYPES, ResourceType, Scope};
use crate::resources::spec::gojson::quote;
use axum::Router;
use axum::response::Response;
use axum::routing::get;

pub fn routes() -> Router<SharedState> {
    Router::new().route("/_kri/{kri}", get(get_by_kri))
}

/// The parts of a KRI that address a resource (the section name is ignored).
#[derive(Debug, PartialEq, Eq)]
pub struct Identifier {
    pub resource_type: &'static ResourceType,
    pub mesh: String,
    pub zone: String,
    pub namespace: String,
    pub name: String,
}

fn bad_request(detail: String) -> ApiError {
    ApiError::new(400, "Bad Request", detail)
}

/// Kuma's `kri.FromString`, with its errors as the endpoint words them.
pub fn parse(kri: &str) -> Result<Identifier, ApiError> {
    let parts: Vec<&str> = kri.split('_').collect();
    if parts.len() < 7 {
        return Err(bad_request(format!(
            "bad request: invalid identifier string: {}",
            quote(kri)
        )));
    }
    if parts[0] != "kri" {
        return Err(bad_request(format!(
            "bad request: identifier must start with 'kri': {}",
            quote(kri)
        )));
    }
    let short = parts[1];
    let resource_type = RESOURCE_TYPES
        .iter()
        .find(|t| !short.is_empty() && t.short_name == Some(short))
        .ok_or_else(|| {
            bad_request(format!(
                "bad request: unknown short name of resource type: {}",
                quote(short)
            ))
        })?;
    Ok(Identifier {
        resource_type,
        mesh: parts[2].to_string(),
        zone: parts[3].to_string(),
        namespace: parts[4].to_string(),
        name: parts[5].to_string(),
    })
}

async fn get_by_kri(request: ResourceRequest) -> Response {
    find(&request).unwrap_or_else(|err| super::response::error(&err))
}

/// Kuma looks a KRI from another zone up under its KDS-synced name (`<name>-<hash>`);
/// kuma-cp-lite is a single control plane that stores no synced resources, so the name
/// is used as it is.
fn find(request: &ResourceRequest) -> Result<Response, ApiError> {
    let id = parse(request.param("kri"))?;
    let t = id.resource_type;
    check_access(t, &request.user)?;
    // A Global-scoped type has no mesh: a KRI naming one finds nothing.
    if t.scope == Scope::Global && !id.mesh.is_empty() {
        return Err(not_found(GET_ERROR_TITLE));
    }
    let stored = request
        .state
        .store
        .get(&ResourceKey::new(t, &id.mesh, &id.name))
        .ok_or_else(|| not_found(GET_ERROR_TITLE))?;
    render_one(&stored, request)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        let id = parse("kri_mtp_default_zone-1_ns_mtp-1_section").unwrap();
        assert_eq!(id.resource_type.name, "MeshTrafficPermission");
        assert_eq!(
            (
                id.mesh.as_str(),
                id.zone.as_str(),
                id.namespace.as_str(),
                id.name.as_str()
            ),
            ("default", "zone-1", "ns", "mtp-1")
        );
        assert_eq!(
            parse("kri_dp_default").unwrap_err().detail,
            r#"bad request: invalid identifier string: "kri_dp_default""#
        );
        assert_eq!(
            parse("kra_dp_default___x_").unwrap_err().detail,
            r#"bad request: identifier must start with 'kri': "kra_dp_default___x_""#
        );
        assert_eq!(
            parse("kri___default_default__mtp-3_").unwrap_err().detail,
            r#"bad request: unknown short name of resource type: """#
        );
    }
}
