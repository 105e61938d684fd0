//! `GET /` and `GET /who-am-i` (Go: pkg/api-server/index_endpoints.go; `/who-am-i` as
//! Kuma's API server answers it).

use super::caller::Caller;
use super::response::json;
use super::state::SharedState;
use crate::api::WhoAmI;
use axum::extract::State;
use axum::response::Response;

pub async fn index(State(state): State<SharedState>) -> Response {
    json(axum::http::StatusCode::OK, &state.index)
}

pub async fn who_am_i(Caller(user): Caller) -> Response {
    json(
        axum::http::StatusCode::OK,
        &WhoAmI {
            name: user.name.clone(),
            groups: user.groups_with_authenticated(),
        },
    )
}
