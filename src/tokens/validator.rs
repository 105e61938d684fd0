//! Kuma's token validator (`pkg/core/tokens/validator.go`, api.md §5.4): the key function
//! (kid header, algorithm, key lookup), golang-jwt's checks, the mapping of errors to
//! Kuma's texts, and the revocation list.

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
