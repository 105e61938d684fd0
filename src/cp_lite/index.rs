//! `GET /` and `GET /who-am-i` (api.md §1.2).

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
