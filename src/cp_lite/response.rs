//! Responses in the Kuma API server's format: pretty JSON (one-space indent), the
//! `/std-errors` body for errors, and go-restful's plain-text 404/405.

use crate::api::ApiError;
use crate::output::json::to_server_body;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A JSON response with Kuma's formatting.
pub fn json<T: Serialize + ?Sized>(status: StatusCode, body: &T) -> Response {
    json_bytes(status, to_server_body(body))
}

/// A JSON response whose body is already in Kuma's format.
pub fn json_bytes(status: StatusCode, body: Vec<u8>) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Kuma's error body with its status code.
pub fn error(err: &ApiError) -> Response {
    let status = StatusCode::from_u16(err.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    json(status, err)
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        error(&self)
    }
}

/// go-restful's answer to an unknown route, which kuma-dp looks for verbatim.
pub async fn page_not_found() -> Response {
    plain(StatusCode::NOT_FOUND, "404: Page Not Found")
}

/// go-restful's answer to a known route with another method.
pub async fn method_not_allowed() -> Response {
    plain(StatusCode::METHOD_NOT_ALLOWED, "405: Method Not Allowed")
}

pub fn plain(status: StatusCode, text: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text.to_string(),
    )
        .into_response()
}
