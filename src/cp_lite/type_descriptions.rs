//! `GET /_resources` (Kuma: `pkg/api-server/policies_endpoints.go`): the description of
//! every resource type this control plane serves, built from the descriptor table.

use super::response::json;
use crate::resources::type_description::describe_all;
use axum::http::StatusCode;
use axum::response::Response;

/// kuma-cp-lite has no read-only API mode and is never a federated zone.
pub async fn resource_types() -> Response {
    json(StatusCode::OK, &describe_all(false, false))
}
