//! What the resource handlers read from a request besides its body: the caller, the
//! path parameters, the query, and where the request was sent (for `next` links).

#![allow(
    clippy::result_large_err,
    reason = "errors become HTTP responses at once; their size does not matter on that path"
)]

use super::caller::{Caller, User};
use super::pagination::{Query, RequestUrl, path_unescape};
use super::response;
use super::state::SharedState;
use axum::extract::{FromRequestParts, MatchedPath};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Uri, header};
use axum::response::Response;
use std::collections::HashMap;

/// The scheme of the listener a request arrived on; the HTTPS listener adds it to every
/// request (absent means plain HTTP).
#[derive(Clone, Copy, Debug)]
pub struct ListenerScheme(pub &'static str);

impl ListenerScheme {
    pub const HTTPS: ListenerScheme = ListenerScheme("https");
}

pub struct ResourceRequest {
    pub state: SharedState,
    pub user: User,
    /// Decoded path parameters (`mesh`, `name`).
    pub params: HashMap<String, String>,
    /// The route template, e.g. `/meshes/{mesh}/secrets`.
    pub route: String,
    pub url: RequestUrl,
    pub content_type: Option<String>,
}

impl ResourceRequest {
    pub fn param(&self, name: &str) -> &str {
        self.params.get(name).map_or("", String::as_str)
    }
}

impl FromRequestParts<SharedState> for ResourceRequest {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &SharedState,
    ) -> Result<Self, Self::Rejection> {
        let Ok(Caller(user)) = Caller::from_request_parts(parts, state).await;
        let route = parts
            .extensions
            .get::<MatchedPath>()
            .map(|m| m.as_str().to_string())
            .unwrap_or_default();
        let params = path_params(&route, parts.uri.path());
        let scheme = parts
            .extensions
            .get::<ListenerScheme>()
            .map_or("http", |s| s.0);
        let header_text = |name: header::HeaderName| {
            parts
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let url = RequestUrl {
            scheme,
            host: request_host(&parts.headers, &parts.uri),
            path: parts.uri.path().to_string(),
            query: Query::parse(parts.uri.query()),
        };
        Ok(ResourceRequest {
            state: state.clone(),
            user,
            params,
            route,
            url,
            content_type: header_text(header::CONTENT_TYPE),
        })
    }
}

/// The parameters of `route` (`/meshes/{mesh}/secrets/{name}`) in the request's `path`.
/// Go keeps them as bytes: a segment that is not UTF-8 (`%ff`) names a resource that does
/// not exist or is invalid, it is not a malformed URL. So they are decoded here, bytes
/// that are not UTF-8 replaced, rather than by axum's `Path`, which refuses them with a
/// plain-text 400.
fn path_params(route: &str, path: &str) -> HashMap<String, String> {
    route
        .split('/')
        .zip(path.split('/'))
        .filter_map(|(template, raw)| {
            let key = template.strip_prefix('{')?.strip_suffix('}')?;
            let value = path_unescape(raw).unwrap_or_else(|| raw.to_string());
            Some((key.to_string(), value))
        })
        .collect()
}

/// The address the client used: the `Host` header, or HTTP/2's `:authority`.
pub fn request_host(headers: &HeaderMap, uri: &Uri) -> String {
    headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| uri.authority().map(|a| a.to_string()))
        .unwrap_or_default()
}

/// A `Host` without its port (and IPv6 brackets).
pub fn host_name(host: &str) -> &str {
    if let Some(rest) = host.strip_prefix('[') {
        return rest.split(']').next().unwrap_or_default();
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
        _ => host,
    }
}

/// go-restful's check of the `Consumes(application/json)` declaration: a body without a
/// JSON content type (a missing one counts as `application/octet-stream`) gets a
/// plain-text 415 before any handler runs.
pub fn require_json(content_type: Option<&str>) -> Result<(), Response> {
    let media_type = content_type
        .unwrap_or("application/octet-stream")
        .split(';')
        .next()
        .unwrap_or_default()
        .trim();
    if media_type.eq_ignore_ascii_case("application/json") {
        Ok(())
    } else {
        Err(response::plain(
            axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "415: Unsupported Media Type",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names() {
        assert_eq!(host_name("localhost:5678"), "localhost");
        assert_eq!(host_name("[::1]:5678"), "::1");
        assert_eq!(host_name("cp.example.com"), "cp.example.com");
        assert_eq!(host_name("localhost:x"), "localhost:x");
    }
}
