//! One line per request on stderr: time, server, client, method and path, status, duration.

use axum::extract::{ConnectInfo, Request};
use axum::middleware::Next;
use axum::response::Response;
use std::net::SocketAddr;
use std::time::Instant;

/// Middleware logging each request of the server named `server`.
pub async fn log_requests(server: &'static str, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "/".into());
    let remote = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.to_string())
        .unwrap_or_else(|| "-".into());
    let response = next.run(request).await;
    eprintln!(
        "{} INFO {server} {remote} \"{method} {path}\" {} {}",
        chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        response.status().as_u16(),
        crate::duration::GoDuration::from(started.elapsed()),
    );
    response
}
