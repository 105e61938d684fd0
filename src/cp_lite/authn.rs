//! API authentication (Go: pkg/api-server/authn/localhost.go,
//! pkg/plugins/authn/api-server/tokens/authenticator.go): who the caller is, decided once
//! per request before any handler runs. A local caller is the admin (unless
//! `--localhost-is-admin=false`); otherwise an `authorization: Bearer <user token>` header
//! is validated against the user-token signing keys and revocations; anyone else is
//! anonymous.

use super::caller::{AUTHENTICATED_GROUP, User, is_local_admin_request};
use super::response;
use super::secrets::{SecretAccess, StoreSecrets};
use super::state::SharedState;
use super::token_service::validate_user_token;
use crate::api::ApiError;
use crate::output::escape_controls;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::Response;
use std::net::SocketAddr;
use std::time::SystemTime;

const BEARER_PREFIX: &str = "Bearer ";

/// The answer to a request whose token does not validate.
pub fn unauthenticated() -> Box<ApiError> {
    Box::new(ApiError::new(
        401,
        "Invalid authentication data",
        "Unauthenticated",
    ))
}

/// The caller of a request. `skip_tokens` is for routes that ignore credentials (`GET /`):
/// a bad token there is not an error.
pub fn authenticate(
    localhost_is_admin: bool,
    remote: Option<SocketAddr>,
    headers: &HeaderMap,
    skip_tokens: bool,
    secrets: &dyn SecretAccess,
    now: SystemTime,
    log_rejections: bool,
) -> Result<User, Box<ApiError>> {
    if localhost_is_admin && remote.is_some_and(|addr| is_local_admin_request(addr, headers)) {
        // Kuma does not look at the token of a local admin at all.
        return Ok(User::admin());
    }
    if skip_tokens {
        return Ok(User::anonymous());
    }
    let bearer = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix(BEARER_PREFIX));
    let Some(token) = bearer else {
        return Ok(User::anonymous());
    };
    match validate_user_token(secrets, token, now) {
        Ok(claims) => {
            let mut groups = claims.groups.unwrap_or_default();
            groups.push(AUTHENTICATED_GROUP.to_string());
            Ok(User {
                name: claims.name,
                groups,
            })
        }
        Err(reason) => {
            if log_rejections {
                // The reason, never the token. The reason may quote the token's `kid`,
                // which the caller chose: control characters are escaped so that it
                // cannot forge log lines.
                eprintln!(
                    "kuma-cp-lite: authentication rejected: {}",
                    escape_controls(&reason.to_string())
                );
            }
            Err(unauthenticated())
        }
    }
}

/// The layer in front of every API route: puts the caller in the request's extensions
/// (where [`super::caller::Caller`] finds it), or answers 401 for a bad token.
pub async fn layer(State(state): State<SharedState>, mut request: Request, next: Next) -> Response {
    let remote = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| *addr);
    // `GET /` is Kuma's only `auth=skip` route.
    let skip_tokens = request.method() == Method::GET && request.uri().path() == "/";
    let caller = authenticate(
        state.options.localhost_is_admin,
        remote,
        request.headers(),
        skip_tokens,
        &StoreSecrets(&state),
        SystemTime::now(),
        !state.options.quiet,
    );
    match caller {
        Ok(user) => {
            request.extensions_mut().insert(user);
            next.run(request).await
        }
        Err(err) => response::error(&err),
    }
}

#[cfg(test)]
mod tests {
    use super::super::secrets::memory::MemorySecrets;
    use super::super::token_service;
    use super::*;
    use axum::http::HeaderValue;

    fn headers(host: &str, auth: Option<&str>) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert("host", HeaderValue::from_str(host).unwrap());
        if let Some(auth) = auth {
            map.insert("authorization", HeaderValue::from_str(auth).unwrap());
        }
        map
    }

    #[test]
    fn callers() {
        let secrets = MemorySecrets::default();
        let now = SystemTime::now();
        token_service::bootstrap(&secrets, now).unwrap();
        let admin_token =
            String::from_utf8(secrets.global_secret("admin-user-token").unwrap()).unwrap();
        let local: SocketAddr = "127.0.0.1:40000".parse().unwrap();
        let remote: SocketAddr = "10.1.2.3:40000".parse().unwrap();
        let auth = |addr, h: &HeaderMap, localhost_is_admin, skip| {
            authenticate(
                localhost_is_admin,
                Some(addr),
                h,
                skip,
                &secrets,
                now,
                false,
            )
        };
        let h = headers("localhost:5681", Some("Bearer garbage"));
        assert_eq!(auth(local, &h, true, false).unwrap(), User::admin());
        assert_eq!(
            auth(local, &h, false, false).unwrap_err(),
            unauthenticated()
        );
        assert_eq!(auth(local, &h, false, true).unwrap(), User::anonymous());
        let h = headers("cp:5681", None);
        assert_eq!(auth(remote, &h, true, false).unwrap(), User::anonymous());
        let h = headers("cp:5681", Some(&format!("Basic {admin_token}")));
        assert_eq!(auth(remote, &h, true, false).unwrap(), User::anonymous());
        let h = headers("cp:5681", Some(&format!("Bearer {admin_token}")));
        let user = auth(remote, &h, true, false).unwrap();
        assert_eq!(user.name, "mesh-system:admin");
        assert_eq!(
            user.groups,
            ["mesh-system:admin", "mesh-system:authenticated"]
        );
        assert!(user.is_admin());
    }
}
