//! The API server's routes. Each concern adds its routes here; anything else gets
//! go-restful's plain-text 404.

use super::authn;
use super::index;
use super::request_log::log_requests;
use super::resources;
use super::response;
use super::state::SharedState;
use super::token_service;
use super::type_descriptions;
use axum::Router;
use axum::middleware;
use axum::routing::get;

pub fn api_router(state: SharedState) -> Router {
    let quiet = state.options.quiet;
    let router = Router::new()
        .route("/", get(index::index))
        .route("/who-am-i", get(index::who_am_i))
        .route("/_resources", get(type_descriptions::resource_types))
        .merge(resources::routes())
        .merge(super::inspect::routes())
        .merge(token_service::routes())
        // Who calls, for every route (unknown routes are answered without it).
        .route_layer(middleware::from_fn_with_state(state.clone(), authn::layer))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            super::kuma3::hide_removed_paths,
        ))
        .fallback(response::page_not_found)
        .method_not_allowed_fallback(response::method_not_allowed)
        .with_state(state);
    if quiet {
        router
    } else {
        router.layer(middleware::from_fn(|request, next| {
            log_requests("api-server", request, next)
        }))
    }
}
