//! kuma-cp-lite's token service (Go: pkg/tokens/builtin/server/webservice.go,
//! pkg/core/tokens/): signing keys created at start, the admin user token,
//! `POST /tokens/zone|dataplane|user`, and validation of zone and user tokens against the
//! stored keys and revocation lists.

use super::caller::{Caller, User};
use super::response;
use super::secrets::{SecretAccess, StoreSecrets};
use super::state::SharedState;
use crate::api::ApiError;
use crate::api::tokens::{DataplaneTokenRequest, UserTokenRequest, ZoneTokenRequest};
use crate::duration::GoDuration;
use crate::tokens::dataplane::{DataplaneClaims, tag_set};
use crate::tokens::jwt::{RegisteredClaims, sign_rs256};
use crate::tokens::signing_keys::{
    self, ADMIN_USER_TOKEN, SigningKeyNotFound, USER_REVOCATIONS, USER_SIGNING_KEY_PREFIX,
    ZONE_REVOCATIONS, ZONE_SIGNING_KEY_PREFIX,
};
use crate::tokens::user::UserClaims;
use crate::tokens::validator::{self, SecretKeys, ValidationError, Wording};
use crate::tokens::zone::ZoneClaims;
use crate::tokens::{Claims, keys};
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde::Serialize;
use std::time::SystemTime;

/// Kuma's validity for tokens requested without `validFor`, and for the admin token.
const TEN_YEARS: GoDuration = GoDuration::from_secs(10 * 365 * 24 * 3600);

/// Why a token request failed.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenRequestError {
    /// The body is not the expected JSON: Kuma answers 400 with an empty body.
    UnreadableBody,
    Api(Box<ApiError>),
}

impl From<Box<ApiError>> for TokenRequestError {
    fn from(e: Box<ApiError>) -> Self {
        TokenRequestError::Api(e)
    }
}

/// Errors are boxed: an [`ApiError`] is large and travels through `Result`s.
type ApiResult<T> = Result<T, Box<ApiError>>;

/// Kuma's static access rule for token generation: the admin user or group only.
fn check_access(user: &User, action: &str) -> ApiResult<()> {
    if user.is_admin() {
        return Ok(());
    }
    Err(Box::new(ApiError::new(
        403,
        "Access Denied",
        format!("user {:?} cannot access {action}", user.describe()),
    )))
}

fn invalid_request(field: &str, reason: String) -> Box<ApiError> {
    Box::new(
        ApiError::new(400, "Invalid request", "Resource is not valid")
            .with_parameters(vec![(field.to_string(), reason)]),
    )
}

/// `validFor` as Go parses it.
fn parse_valid_for(text: &str) -> ApiResult<GoDuration> {
    GoDuration::parse(text).map_err(|e| invalid_request("validFor", format!("is invalid: {e}")))
}

fn internal_error(title: &str, reason: impl std::fmt::Display) -> Box<ApiError> {
    // The reason goes to the log only: it may describe key material.
    eprintln!("kuma-cp-lite: {title}: {reason}");
    Box::new(ApiError::new(500, title, "Internal Server Error"))
}

/// Signs with the highest-serial key among `names`; its serial is the `kid`.
fn sign_with_latest<C: Serialize>(
    prefix: &str,
    mesh: Option<&str>,
    names: Vec<String>,
    read: impl Fn(&str) -> Option<Vec<u8>>,
    claims: &C,
) -> ApiResult<String> {
    let not_found = || {
        let missing = SigningKeyNotFound {
            kid: signing_keys::DEFAULT_KEY_ID.into(),
            prefix: prefix.into(),
            mesh: mesh.map(String::from),
        };
        Box::new(ApiError::new(
            404,
            "Signing Key not found",
            missing.to_string(),
        ))
    };
    let Some((name, kid)) = signing_keys::latest_key(prefix, names.iter().map(String::as_str))
    else {
        return Err(not_found());
    };
    let data = read(name).ok_or_else(not_found)?;
    let key = keys::private_key_from_secret(&data)
        .map_err(|e| internal_error("Could not issue a token", format!("{name}: {e}")))?;
    sign_rs256(&kid, claims, &key).map_err(|e| internal_error("Could not issue a token", e))
}

fn sign_global<C: Serialize>(
    secrets: &dyn SecretAccess,
    prefix: &str,
    claims: &C,
) -> ApiResult<String> {
    sign_with_latest(
        prefix,
        None,
        secrets.global_secret_names(prefix),
        |name| secrets.global_secret(name),
        claims,
    )
}

/// `POST /tokens/zone`.
pub fn zone_token(
    secrets: &dyn SecretAccess,
    user: &User,
    body: &[u8],
    now: SystemTime,
) -> Result<String, TokenRequestError> {
    let request: ZoneTokenRequest =
        serde_json::from_slice(body).map_err(|_| TokenRequestError::UnreadableBody)?;
    check_access(
        user,
        &format!("generate zone token for zone '{}'", request.zone),
    )?;
    let Some(scope) = request.scope else {
        return Err(invalid_request("scope", "cannot be empty".into()).into());
    };
    let valid_for = if request.valid_for.is_empty() {
        TEN_YEARS
    } else {
        parse_valid_for(&request.valid_for)?
    };
    let claims = ZoneClaims {
        zone: request.zone,
        scope: Some(scope),
        registered: RegisteredClaims::issued(now, valid_for),
    };
    Ok(sign_global(secrets, ZONE_SIGNING_KEY_PREFIX, &claims)?)
}

/// The proxy types a dataplane token may be bound to.
const DATAPLANE_TOKEN_TYPES: [&str; 3] = ["dataplane", "ingress", "egress"];

/// `POST /tokens/dataplane`: the request is validated before the access check (unlike
/// `/tokens/zone`), then signed with the mesh's `dataplane-token-signing-key-<mesh>-N`.
pub fn dataplane_token(
    secrets: &dyn SecretAccess,
    user: &User,
    body: &[u8],
    now: SystemTime,
) -> Result<String, TokenRequestError> {
    let request: DataplaneTokenRequest =
        serde_json::from_slice(body).map_err(|_| TokenRequestError::UnreadableBody)?;
    let mut violations = Vec::new();
    if request.mesh.is_empty() {
        violations.push(("mesh".to_string(), "cannot be empty".to_string()));
    }
    let valid_for = if request.valid_for.is_empty() {
        TEN_YEARS
    } else {
        match GoDuration::parse(&request.valid_for) {
            Ok(duration) => duration,
            Err(e) => {
                violations.push(("validFor".to_string(), format!("is invalid: {e}")));
                TEN_YEARS
            }
        }
    };
    if !request.proxy_type.is_empty()
        && !DATAPLANE_TOKEN_TYPES.contains(&request.proxy_type.as_str())
    {
        violations.push((
            "type".to_string(),
            format!("{} is not a valid proxy type", request.proxy_type),
        ));
    }
    if !violations.is_empty() {
        return Err(TokenRequestError::Api(Box::new(
            ApiError::new(400, "Invalid request", "Resource is not valid")
                .with_parameters(violations),
        )));
    }
    check_access(user, "generate dataplane token")?;
    let prefix = signing_keys::dataplane_signing_key_prefix(&request.mesh);
    if secrets.mesh_secret_names(&request.mesh, &prefix).is_empty() {
        // Kuma creates this key with the mesh; we create it on first use, so meshes
        // that never issue dataplane tokens cost no key generation. A mesh that does not
        // exist gets no key, hence Kuma's 404 below.
        let name = signing_keys::signing_key_name(&prefix, signing_keys::DEFAULT_KEY_ID);
        let pem = keys::private_key_to_pem(&keys::generate(keys::DEFAULT_KEY_BITS));
        secrets.create_mesh_secret(&request.mesh, &name, pem.as_bytes());
    }
    let claims = DataplaneClaims {
        name: request.name,
        mesh: request.mesh.clone(),
        tags: tag_set(&request.tags),
        proxy_type: request.proxy_type,
        workload: request.workload,
        registered: RegisteredClaims::issued(now, valid_for),
    };
    Ok(sign_with_latest(
        &prefix,
        Some(&request.mesh),
        secrets.mesh_secret_names(&request.mesh, &prefix),
        |name| secrets.mesh_secret(&request.mesh, name),
        &claims,
    )?)
}

/// Validates a dataplane token for a Dataplane of `mesh`: the key named by its `kid`
/// among the mesh's `dataplane-token-signing-key-<mesh>-N` Secrets, and the GlobalSecret
/// `dataplane-token-revocations-<mesh>` (Go: `pkg/tokens/builtin/components.go`).
pub fn validate_dataplane_token(
    secrets: &dyn SecretAccess,
    mesh: &str,
    token: &str,
    now: SystemTime,
) -> Result<DataplaneClaims, ValidationError> {
    let keys = SecretKeys {
        prefix: signing_keys::dataplane_signing_key_prefix(mesh),
        mesh: Some(mesh.to_string()),
        revocations: secrets.global_secret(&format!("dataplane-token-revocations-{mesh}")),
        lookup: |name: &str| secrets.mesh_secret(mesh, name),
    };
    validator::validate(token, &keys, Wording::InMemoryStore, now)
}

/// `POST /tokens/user`: `validFor` is required here.
pub fn user_token(
    secrets: &dyn SecretAccess,
    user: &User,
    body: &[u8],
    now: SystemTime,
) -> Result<String, TokenRequestError> {
    let request: UserTokenRequest =
        serde_json::from_slice(body).map_err(|_| TokenRequestError::UnreadableBody)?;
    check_access(user, "generate user token")?;
    if request.valid_for.is_empty() {
        return Err(invalid_request("validFor", "cannot be empty".into()).into());
    }
    let valid_for = parse_valid_for(&request.valid_for)?;
    let claims = UserClaims {
        name: request.name,
        groups: request.groups,
        registered: RegisteredClaims::issued(now, valid_for),
    };
    Ok(sign_global(secrets, USER_SIGNING_KEY_PREFIX, &claims)?)
}

/// At start-up: a first zone and user signing key (serial 1) unless some key exists, then
/// the admin user token (Go: pkg/core/tokens/default_signing_key.go,
/// pkg/plugins/authn/api-server/tokens/admin_token_bootstrap.go). Returns the names of the
/// secrets created.
pub fn bootstrap(secrets: &dyn SecretAccess, now: SystemTime) -> anyhow::Result<Vec<String>> {
    let mut created = Vec::new();
    let missing: Vec<&str> = [ZONE_SIGNING_KEY_PREFIX, USER_SIGNING_KEY_PREFIX]
        .into_iter()
        .filter(|prefix| {
            let names = secrets.global_secret_names(prefix);
            signing_keys::latest_key(prefix, names.iter().map(String::as_str)).is_none()
        })
        .collect();
    // Key generation dominates start-up time; the keys are independent.
    let pems: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = missing
            .iter()
            .map(|_| {
                scope.spawn(|| keys::private_key_to_pem(&keys::generate(keys::DEFAULT_KEY_BITS)))
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("key generation does not panic"))
            .collect()
    });
    for (prefix, pem) in missing.into_iter().zip(pems) {
        let name = signing_keys::signing_key_name(prefix, signing_keys::DEFAULT_KEY_ID);
        if secrets.create_global_secret(&name, pem.as_bytes()) {
            created.push(name);
        }
    }
    if secrets.global_secret(ADMIN_USER_TOKEN).is_none() {
        let admin = User::admin();
        let claims = UserClaims {
            name: admin.name,
            groups: Some(admin.groups),
            registered: RegisteredClaims::issued(now, TEN_YEARS),
        };
        let token = sign_global(secrets, USER_SIGNING_KEY_PREFIX, &claims)
            .map_err(|e| anyhow::anyhow!("could not issue the admin user token: {e}"))?;
        if secrets.create_global_secret(ADMIN_USER_TOKEN, token.as_bytes()) {
            created.push(ADMIN_USER_TOKEN.to_string());
        }
    }
    Ok(created)
}

/// The admin user token created at start (GlobalSecret `admin-user-token`).
pub fn admin_token(secrets: &dyn SecretAccess) -> Option<String> {
    secrets
        .global_secret(ADMIN_USER_TOKEN)
        .map(|data| String::from_utf8_lossy(&data).into_owned())
}

fn validate_global<C: Claims>(
    secrets: &dyn SecretAccess,
    prefix: &str,
    revocations: &str,
    token: &str,
    now: SystemTime,
) -> Result<C, ValidationError> {
    let keys = SecretKeys {
        prefix: prefix.to_string(),
        mesh: None,
        revocations: secrets.global_secret(revocations),
        lookup: |name: &str| secrets.global_secret(name),
    };
    // kuma-cp-lite keeps its state in memory, which Kuma's messages point out.
    validator::validate(token, &keys, Wording::InMemoryStore, now)
}

/// Validates a zone token with `zone-token-signing-key-<kid>` and `zone-token-revocations`.
pub fn validate_zone_token(
    secrets: &dyn SecretAccess,
    token: &str,
    now: SystemTime,
) -> Result<ZoneClaims, ValidationError> {
    validate_global(
        secrets,
        ZONE_SIGNING_KEY_PREFIX,
        ZONE_REVOCATIONS,
        token,
        now,
    )
}

/// Validates a user token with `user-token-signing-key-<kid>` and `user-token-revocations`.
pub fn validate_user_token(
    secrets: &dyn SecretAccess,
    token: &str,
    now: SystemTime,
) -> Result<UserClaims, ValidationError> {
    validate_global(
        secrets,
        USER_SIGNING_KEY_PREFIX,
        USER_REVOCATIONS,
        token,
        now,
    )
}

/// `POST /tokens/zone|dataplane|user`. The caller comes from the authentication layer.
pub fn routes() -> Router<SharedState> {
    type Issue =
        fn(&dyn SecretAccess, &User, &[u8], SystemTime) -> Result<String, TokenRequestError>;
    let route = |issue: Issue| {
        post(
            move |State(state): State<SharedState>, Caller(user): Caller, body: Bytes| async move {
                respond(issue(
                    &StoreSecrets(&state),
                    &user,
                    &body,
                    SystemTime::now(),
                ))
            },
        )
    };
    Router::new()
        .route("/tokens/zone", route(zone_token))
        .route("/tokens/dataplane", route(dataplane_token))
        .route("/tokens/user", route(user_token))
}

fn respond(result: Result<String, TokenRequestError>) -> Response {
    match result {
        Ok(token) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/plain")],
            token,
        )
            .into_response(),
        Err(TokenRequestError::UnreadableBody) => StatusCode::BAD_REQUEST.into_response(),
        Err(TokenRequestError::Api(err)) => response::error(&err),
    }
}

#[cfg(test)]
mod tests {
    use super::super::secrets::memory::MemorySecrets;
    use super::*;
    use std::time::{Duration, UNIX_EPOCH};

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    fn admin() -> User {
        User::admin()
    }

    fn ready() -> MemorySecrets {
        let secrets = MemorySecrets::default();
        let created = bootstrap(&secrets, at(1_000_000)).unwrap();
        assert_eq!(
            created,
            [
                "zone-token-signing-key-1",
                "user-token-signing-key-1",
                "admin-user-token"
            ]
        );
        secrets
    }

    fn api_error(result: Result<String, TokenRequestError>) -> ApiError {
        match result {
            Err(TokenRequestError::Api(e)) => *e,
            other => panic!("expected an API error, got {other:?}"),
        }
    }

    #[test]
    fn bootstrap_is_idempotent_and_the_admin_token_validates() {
        let secrets = ready();
        assert!(bootstrap(&secrets, at(1_000_000)).unwrap().is_empty());
        let token = String::from_utf8(secrets.global_secret(ADMIN_USER_TOKEN).unwrap()).unwrap();
        let claims = validate_user_token(&secrets, &token, at(1_000_100)).unwrap();
        assert_eq!(claims.name, "mesh-system:admin");
        assert_eq!(claims.groups, Some(vec!["mesh-system:admin".to_string()]));
    }

    #[test]
    fn zone_tokens_issue_and_validate() {
        let secrets = ready();
        let body = br#"{"zone":"zone-1","scope":["egress"],"validFor":"1h0m0s"}"#;
        let token = zone_token(&secrets, &admin(), body, at(2000)).unwrap();
        let claims = validate_zone_token(&secrets, &token, at(2100)).unwrap();
        assert_eq!(claims.zone, "zone-1");
        assert_eq!(claims.scope(), ["egress"]);
        assert_eq!(claims.registered.exp, Some(2000 + 3600));
        let err = validate_zone_token(&secrets, &token, at(2000 + 3600)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "could not parse token. kuma-cp runs with an in-memory database and its state isn't preserved between restarts. Keep in mind that an in-memory database cannot be used with multiple instances of the control plane: token has invalid claims: token is expired"
        );
        // Empty validFor is ten years; an empty scope list is accepted.
        let token = zone_token(&secrets, &admin(), br#"{"zone":"","scope":[]}"#, at(0)).unwrap();
        let claims = validate_zone_token(&secrets, &token, at(1)).unwrap();
        assert_eq!(claims.registered.exp, Some(TEN_YEARS.as_secs()));
    }

    #[test]
    fn zone_token_request_errors() {
        let secrets = ready();
        assert_eq!(
            zone_token(&secrets, &admin(), b"{", at(0)),
            Err(TokenRequestError::UnreadableBody)
        );
        let err = api_error(zone_token(
            &secrets,
            &User::anonymous(),
            br#"{"zone":"zone-1","scope":["egress"],"validFor":"1h"}"#,
            at(0),
        ));
        assert_eq!(err.status, 403);
        assert_eq!(err.title, "Access Denied");
        assert_eq!(
            err.detail,
            "user \"mesh-system:anonymous/mesh-system:unauthenticated\" cannot access generate zone token for zone 'zone-1'"
        );
        let err = api_error(zone_token(
            &secrets,
            &admin(),
            br#"{"zone":"z","validFor":"1h"}"#,
            at(0),
        ));
        assert_eq!(
            serde_json::to_string(&err).unwrap(),
            r#"{"type":"/std-errors","status":400,"title":"Invalid request","detail":"Resource is not valid","invalid_parameters":[{"field":"scope","reason":"cannot be empty"}],"details":"Resource is not valid","causes":[{"field":"scope","message":"cannot be empty"}]}"#
        );
        let err = api_error(zone_token(
            &secrets,
            &admin(),
            br#"{"zone":"z","scope":["egress"],"validFor":"x"}"#,
            at(0),
        ));
        assert_eq!(
            err.invalid_parameters.unwrap()[0].reason,
            "is invalid: time: invalid duration \"x\""
        );
    }

    #[test]
    fn missing_key_is_404() {
        let secrets = MemorySecrets::default();
        let err = api_error(zone_token(
            &secrets,
            &admin(),
            br#"{"zone":"z","scope":["egress"],"validFor":"1h"}"#,
            at(0),
        ));
        assert_eq!(err.status, 404);
        assert_eq!(err.title, "Signing Key not found");
        assert_eq!(
            err.detail,
            "there is no signing key with KID 1. GlobalSecret of name \"zone-token-signing-key-1\" is not found. If signing key was rotated, regenerate the token"
        );
    }

    #[test]
    fn rotation_signs_with_the_highest_serial() {
        let secrets = ready();
        let body = br#"{"zone":"z","scope":["egress"],"validFor":"1h"}"#;
        let old = zone_token(&secrets, &admin(), body, at(0)).unwrap();
        let pem = keys::private_key_to_pem(&keys::generate(2048));
        secrets.put("", "zone-token-signing-key-2", pem.as_bytes());
        let new = zone_token(&secrets, &admin(), body, at(0)).unwrap();
        let kid = |t: &str| {
            crate::tokens::jwt::parse_unverified::<ZoneClaims, ()>(t)
                .unwrap()
                .kid()
                .map(String::from)
        };
        assert_eq!(kid(&old).as_deref(), Some("1"));
        assert_eq!(kid(&new).as_deref(), Some("2"));
        assert!(validate_zone_token(&secrets, &old, at(1)).is_ok());
        assert!(validate_zone_token(&secrets, &new, at(1)).is_ok());
        secrets.remove("", "zone-token-signing-key-1");
        assert_eq!(
            validate_zone_token(&secrets, &old, at(1))
                .unwrap_err()
                .to_string(),
            "there is no signing key with KID 1. GlobalSecret of name \"zone-token-signing-key-1\" is not found. If signing key was rotated, regenerate the token"
        );
        assert!(validate_zone_token(&secrets, &new, at(1)).is_ok());
    }

    #[test]
    fn revoked_tokens_are_rejected() {
        let secrets = ready();
        let body = br#"{"zone":"z","scope":["egress"],"validFor":"1h"}"#;
        let token = zone_token(&secrets, &admin(), body, at(0)).unwrap();
        let jti = validate_zone_token(&secrets, &token, at(1))
            .unwrap()
            .registered
            .jti;
        secrets.put("", ZONE_REVOCATIONS, format!("other,{jti}\n").as_bytes());
        assert_eq!(
            validate_zone_token(&secrets, &token, at(1)).unwrap_err(),
            ValidationError::Revoked
        );
    }

    #[test]
    fn dataplane_and_user_tokens() {
        let secrets = ready();
        // No such mesh: its key cannot be created.
        let err = api_error(dataplane_token(
            &secrets,
            &admin(),
            br#"{"name":"","mesh":"nope","tags":{},"type":"","workload":"","validFor":"1h0m0s"}"#,
            at(0),
        ));
        assert_eq!(err.status, 404);
        assert_eq!(
            err.detail,
            "there is no signing key with KID 1. Secret of name \"dataplane-token-signing-key-nope-1\" in mesh \"nope\" is not found. If signing key was rotated, regenerate the token"
        );
        secrets.put("", "mesh:default", b"");
        let token = dataplane_token(
            &secrets,
            &admin(),
            br#"{"name":"dp","mesh":"default","tags":{"a":["2","1","2"]},"type":"","workload":"","validFor":"1h0m0s"}"#,
            at(0),
        )
        .unwrap();
        let claims = crate::tokens::jwt::parse_unverified::<DataplaneClaims, ()>(&token)
            .unwrap()
            .claims;
        assert_eq!(claims.tags["a"], ["1", "2"]);
        assert!(
            secrets
                .mesh_secret("default", "dataplane-token-signing-key-default-1")
                .is_some()
        );

        let err = api_error(user_token(
            &secrets,
            &admin(),
            br#"{"name":"john","groups":null}"#,
            at(0),
        ));
        assert_eq!(err.invalid_parameters.unwrap()[0].reason, "cannot be empty");
        let err = api_error(user_token(
            &secrets,
            &User::anonymous(),
            br#"{"name":"john","groups":null,"validFor":"1h"}"#,
            at(0),
        ));
        assert_eq!(
            err.detail,
            "user \"mesh-system:anonymous/mesh-system:unauthenticated\" cannot access generate user token"
        );
        let token = user_token(
            &secrets,
            &admin(),
            br#"{"name":"john","groups":["a"],"validFor":"1h"}"#,
            at(0),
        )
        .unwrap();
        let claims = validate_user_token(&secrets, &token, at(1)).unwrap();
        assert_eq!(claims.name, "john");
    }
}
