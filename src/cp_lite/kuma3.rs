//! kuma-cp-lite posing as a Kuma 3.x control plane (the hidden `--kuma-version` option),
//! so that clients can be tested against one: Kuma 3.0 removed the legacy ZoneIngress
//! and ZoneEgress types with their REST paths (master commit 10b733f51d), whose requests
//! then get go-restful's plain 404, and registers no `egress` proxy (c81e377939).

use super::response;
use super::state::SharedState;
use crate::migrate::removes_legacy_zone_egress;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

/// The first path segments of the removed types (their list, item, overview and insight
/// paths).
const REMOVED_SEGMENTS: [&str; 7] = [
    "zoneegresses",
    "zoneegressinsights",
    "zoneegressoverviews",
    "zoneingresses",
    "zone-ingress-insights",
    "zoneingressinsights",
    "zoneingressoverviews",
];

/// Whether this instance behaves as Kuma 3.x.
pub fn enabled(options: &super::ServerOptions) -> bool {
    options
        .kuma_version
        .as_deref()
        .is_some_and(removes_legacy_zone_egress)
}

/// Answers 404 for the removed paths, before any route.
pub async fn hide_removed_paths(
    State(state): State<SharedState>,
    request: Request,
    next: Next,
) -> Response {
    let first = request
        .uri()
        .path()
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    if enabled(&state.options) && REMOVED_SEGMENTS.contains(&first) {
        return response::page_not_found().await;
    }
    next.run(request).await
}
