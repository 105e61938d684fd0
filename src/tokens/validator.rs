//! Kuma's token validator (`pkg/core/tokens/validator.go`,
//! `pkg/core/tokens/revocations.go`): the key function (kid header, algorithm, key
//! lookup), golang-jwt's checks, the mapping of errors to Kuma's texts, and the
//! revocation list.

use super::jwt::{self, Claims, JwtError, VerificationKey};
use super::signing_keys::{self, KEY_ID_FALLBACK, SigningKeyNotFound};
use rsa::RsaPublicKey;
use std::fmt;
use std::time::SystemTime;

/// A key could not be provided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyLookupError {
    NotFound(SigningKeyNotFound),
    /// The key exists but cannot be used (e.g. a secret that does not hold an RSA key).
    Unusable(String),
}

impl fmt::Display for KeyLookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyLookupError::NotFound(e) => e.fmt(f),
            KeyLookupError::Unusable(reason) => f.write_str(reason),
        }
    }
}

/// Where the validator finds keys and revocations.
pub trait KeySource {
    /// The RSA key that verifies RS256 tokens with this `kid`.
    fn public_key(&self, kid: &str) -> Result<RsaPublicKey, KeyLookupError>;
    /// The shared secret of legacy HS256 tokens (Kuma's key with kid "0").
    fn legacy_key(&self) -> Result<Vec<u8>, KeyLookupError>;
    /// Whether the token id is revoked.
    fn is_revoked(&self, jti: &str) -> bool;
}

/// Errors of Kuma's key function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyFuncError {
    MissingKid,
    KidNotString,
    UnsupportedAlg(String),
    Lookup(KeyLookupError),
}

impl fmt::Display for KeyFuncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyFuncError::MissingKid => write!(f, "JWT token must have kid header"),
            KeyFuncError::KidNotString => write!(f, "JWT token kid header must be a string"),
            KeyFuncError::UnsupportedAlg(alg) => write!(
                f,
                "unsupported token alg {alg}. Allowed algorithms are RS256 and HS256"
            ),
            KeyFuncError::Lookup(e) => e.fmt(f),
        }
    }
}

/// A rejected token, with Kuma's texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValidationError {
    /// The key named by the token does not exist (reported bare, as Kuma does).
    SigningKeyNotFound(SigningKeyNotFound),
    /// `nbf` is in the future.
    NotYetValid(String),
    /// Any other parse or verification failure, with the jwt error text.
    Invalid {
        reason: String,
        in_memory_store: bool,
    },
    Revoked,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValidationError::SigningKeyNotFound(e) => e.fmt(f),
            ValidationError::NotYetValid(reason) => write!(
                f,
                "token is not yet valid: 'valid_from' date is in the future. Check if the system clock on the instance that issued the token is set correctly: {reason}"
            ),
            ValidationError::Invalid {
                reason,
                in_memory_store: true,
            } => write!(
                f,
                "could not parse token. kuma-cp runs with an in-memory database and its state isn't preserved between restarts. Keep in mind that an in-memory database cannot be used with multiple instances of the control plane: {reason}"
            ),
            ValidationError::Invalid {
                reason,
                in_memory_store: false,
            } => write!(f, "could not parse token: {reason}"),
            ValidationError::Revoked => write!(f, "token is revoked"),
        }
    }
}

impl std::error::Error for ValidationError {}

/// How parse failures are worded: Kuma adds a hint about restarts when its store is in
/// memory (kuma-cp-lite's always is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    InMemoryStore,
    Plain,
}

fn key_function<C>(
    keys: &dyn KeySource,
    token: &jwt::Unverified<C>,
) -> Result<VerificationKey, KeyFuncError> {
    let kid = match token.header.get(jwt::KID_HEADER) {
        None => return Err(KeyFuncError::MissingKid),
        Some(serde_json::Value::String(kid)) => kid.as_str(),
        Some(_) => return Err(KeyFuncError::KidNotString),
    };
    match token.alg.as_str() {
        "HS256" => keys
            .legacy_key()
            .map(VerificationKey::Hmac)
            .map_err(KeyFuncError::Lookup),
        "RS256" => keys
            .public_key(kid)
            .map(VerificationKey::Rsa)
            .map_err(KeyFuncError::Lookup),
        other => Err(KeyFuncError::UnsupportedAlg(other.to_string())),
    }
}

/// Validates a token as Kuma does and returns its claims.
pub fn validate<C: Claims>(
    token: &str,
    keys: &dyn KeySource,
    wording: Wording,
    now: SystemTime,
) -> Result<C, ValidationError> {
    let claims = jwt::parse_with_claims::<C, KeyFuncError>(
        token,
        |unverified| key_function(keys, unverified),
        now,
    )
    .map_err(|err| match err {
        JwtError::KeyFunc(KeyFuncError::Lookup(KeyLookupError::NotFound(missing))) => {
            ValidationError::SigningKeyNotFound(missing)
        }
        err if err.is_not_valid_yet() => ValidationError::NotYetValid(err.to_string()),
        err => ValidationError::Invalid {
            reason: err.to_string(),
            in_memory_store: wording == Wording::InMemoryStore,
        },
    })?;
    if keys.is_revoked(&claims.registered().jti) {
        return Err(ValidationError::Revoked);
    }
    Ok(claims)
}

/// Keys read from secrets: `<prefix>-<kid>` holds the private key (PKCS#1 PEM or DER),
/// the revocation secret lists revoked ids.
pub struct SecretKeys<F>
where
    F: Fn(&str) -> Option<Vec<u8>>,
{
    pub prefix: String,
    pub mesh: Option<String>,
    pub revocations: Option<Vec<u8>>,
    /// Reads a secret's data by name.
    pub lookup: F,
}

impl<F: Fn(&str) -> Option<Vec<u8>>> SecretKeys<F> {
    fn not_found(&self, kid: &str) -> KeyLookupError {
        KeyLookupError::NotFound(SigningKeyNotFound {
            kid: kid.to_string(),
            prefix: self.prefix.clone(),
            mesh: self.mesh.clone(),
        })
    }
}

impl<F: Fn(&str) -> Option<Vec<u8>>> KeySource for SecretKeys<F> {
    fn public_key(&self, kid: &str) -> Result<RsaPublicKey, KeyLookupError> {
        let name = signing_keys::signing_key_name(&self.prefix, kid);
        let data = (self.lookup)(&name).ok_or_else(|| self.not_found(kid))?;
        super::keys::private_key_from_secret(&data)
            .map(|key| key.to_public_key())
            .map_err(|e| KeyLookupError::Unusable(e.to_string()))
    }

    fn legacy_key(&self) -> Result<Vec<u8>, KeyLookupError> {
        let name = signing_keys::signing_key_name(&self.prefix, KEY_ID_FALLBACK);
        (self.lookup)(&name).ok_or_else(|| self.not_found(KEY_ID_FALLBACK))
    }

    fn is_revoked(&self, jti: &str) -> bool {
        signing_keys::is_revoked(self.revocations.as_deref(), jti)
    }
}

/// One RSA public key, whatever the `kid` (offline verification with a key file).
pub struct SingleKey(pub RsaPublicKey);

impl KeySource for SingleKey {
    fn public_key(&self, _kid: &str) -> Result<RsaPublicKey, KeyLookupError> {
        Ok(self.0.clone())
    }

    fn legacy_key(&self) -> Result<Vec<u8>, KeyLookupError> {
        Err(KeyLookupError::Unusable(
            "the token is signed with HS256 (a shared secret): an RSA key cannot verify it".into(),
        ))
    }

    fn is_revoked(&self, _jti: &str) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::duration::GoDuration;
    use crate::tokens::jwt::{RegisteredClaims, sign_rs256};
    use crate::tokens::keys;
    use crate::tokens::zone::ZoneClaims;
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use std::collections::BTreeMap;
    use std::sync::OnceLock;
    use std::time::{Duration, UNIX_EPOCH};

    fn key_pem() -> &'static String {
        static KEY: OnceLock<String> = OnceLock::new();
        KEY.get_or_init(|| keys::private_key_to_pem(&keys::generate(2048)))
    }

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    struct Secrets(BTreeMap<String, Vec<u8>>);

    impl Secrets {
        fn source(&self) -> SecretKeys<impl Fn(&str) -> Option<Vec<u8>> + '_> {
            SecretKeys {
                prefix: "zone-token-signing-key".into(),
                mesh: None,
                revocations: self.0.get("zone-token-revocations").cloned(),
                lookup: |name: &str| self.0.get(name).cloned(),
            }
        }
    }

    fn secrets(entries: &[(&str, &[u8])]) -> Secrets {
        Secrets(
            entries
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_vec()))
                .collect(),
        )
    }

    fn token(kid: &str, issued: u64, valid_for: i64) -> String {
        let key = keys::private_key_from_pem(key_pem().as_bytes()).unwrap();
        let claims = ZoneClaims {
            zone: "z".into(),
            scope: Some(vec!["egress".into()]),
            registered: RegisteredClaims::issued(at(issued), GoDuration::from_secs(valid_for)),
        };
        sign_rs256(kid, &claims, &key).unwrap()
    }

    fn check(source: &dyn KeySource, token: &str, now: u64) -> Result<ZoneClaims, String> {
        validate::<ZoneClaims>(token, source, Wording::Plain, at(now)).map_err(|e| e.to_string())
    }

    #[test]
    fn valid_and_time_bounds() {
        let s = secrets(&[("zone-token-signing-key-1", key_pem().as_bytes())]);
        let t = token("1", 1000, 60);
        assert_eq!(check(&s.source(), &t, 1000).unwrap().zone, "z");
        // iat and nbf are 5 s before issue time; exp is issue time + validity.
        assert!(check(&s.source(), &t, 995).is_ok());
        assert_eq!(
            check(&s.source(), &t, 994).unwrap_err(),
            "token is not yet valid: 'valid_from' date is in the future. Check if the system clock on the instance that issued the token is set correctly: token has invalid claims: token is not valid yet"
        );
        assert_eq!(
            check(&s.source(), &t, 1060).unwrap_err(),
            "could not parse token: token has invalid claims: token is expired"
        );
    }

    #[test]
    fn key_function_rules() {
        let s = secrets(&[("zone-token-signing-key-1", key_pem().as_bytes())]);
        let t = token("1", 1000, 60);
        let parts: Vec<&str> = t.split('.').collect();
        let with_header = |header: &str| {
            format!(
                "{}.{}.{}",
                URL_SAFE_NO_PAD.encode(header),
                parts[1],
                parts[2]
            )
        };
        let keyfunc = "could not parse token: token is unverifiable: error while executing keyfunc";
        assert_eq!(
            check(&s.source(), &with_header(r#"{"alg":"RS256"}"#), 1000).unwrap_err(),
            format!("{keyfunc}: JWT token must have kid header")
        );
        assert_eq!(
            check(
                &s.source(),
                &with_header(r#"{"alg":"RS256","kid":1}"#),
                1000
            )
            .unwrap_err(),
            format!("{keyfunc}: JWT token kid header must be a string")
        );
        assert_eq!(
            check(
                &s.source(),
                &with_header(r#"{"alg":"PS256","kid":"1"}"#),
                1000
            )
            .unwrap_err(),
            format!(
                "{keyfunc}: unsupported token alg PS256. Allowed algorithms are RS256 and HS256"
            )
        );
        // A key that is not RSA in the secret cannot verify.
        let broken = secrets(&[("zone-token-signing-key-1", b"junk")]);
        assert!(
            check(&broken.source(), &t, 1000)
                .unwrap_err()
                .starts_with(&format!("{keyfunc}: invalid RSA key"))
        );
    }

    #[test]
    fn legacy_hmac_key() {
        let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256","kid":"0","typ":"JWT"}"#);
        let body = URL_SAFE_NO_PAD.encode(r#"{"Zone":"z","Scope":["egress"],"jti":"j"}"#);
        let input = format!("{header}.{body}");
        let signature = jsonwebtoken::crypto::sign(
            input.as_bytes(),
            &jsonwebtoken::EncodingKey::from_secret(b"legacy"),
            jsonwebtoken::Algorithm::HS256,
        )
        .unwrap();
        let t = format!("{input}.{signature}");
        let none = secrets(&[]);
        assert_eq!(
            check(&none.source(), &t, 0).unwrap_err(),
            "there is no signing key with KID 0. GlobalSecret of name \"zone-token-signing-key\" is not found. If signing key was rotated, regenerate the token"
        );
        let legacy = secrets(&[("zone-token-signing-key", b"legacy")]);
        assert_eq!(check(&legacy.source(), &t, 0).unwrap().zone, "z");
        let revoked = secrets(&[
            ("zone-token-signing-key", b"legacy"),
            ("zone-token-revocations", b"a,j"),
        ]);
        assert_eq!(
            check(&revoked.source(), &t, 0).unwrap_err(),
            "token is revoked"
        );
    }

    #[test]
    fn single_key_verifies_any_kid() {
        let key = keys::private_key_from_pem(key_pem().as_bytes()).unwrap();
        let source = SingleKey(key.to_public_key());
        assert!(check(&source, &token("anything", 1000, 60), 1000).is_ok());
    }
}
