//! JSON Web Tokens as Kuma issues and parses them (golang-jwt v5; Go:
//! `pkg/core/tokens/issuer.go`, `pkg/core/tokens/validator.go`).
//!
//! Issuing writes the exact bytes Go writes: header `{"alg":"RS256","kid":K,"typ":"JWT"}`,
//! the claims in Go struct order, compact JSON with Go's HTML escaping, base64url without
//! padding. Parsing follows the v5 parser step by step (segments, header, claims, `alg`,
//! signature, key function, signature check, `exp`/`nbf`), so every failure carries the
//! same text as in Go: users and scripts match on these messages.

use super::keys;
use crate::duration::GoDuration;
use crate::resources::resource::json_kind;
use crate::resources::spec::gojson::cannot_unmarshal;
use base64::Engine;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use rsa::{RsaPrivateKey, RsaPublicKey};
use serde::Serialize;
use serde_json::{Map, Value};
use std::time::{SystemTime, UNIX_EPOCH};

pub type JsonObject = Map<String, Value>;

/// Go's `base64.RawURLEncoding` (non-strict: stray trailing bits are accepted).
const RAW_URL: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone)
        .with_decode_allow_trailing_bits(true),
);

/// The `kid` header: which signing key verifies the token.
pub const KID_HEADER: &str = "kid";
/// Kuma backdates `iat` and `nbf` by this much to absorb clock skew.
const CLOCK_SKEW_SECS: i128 = 5;

/// The registered claims Kuma sets (no `iss`, `sub` or `aud`); times are whole seconds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RegisteredClaims {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exp: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nbf: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iat: Option<i64>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub jti: String,
}

fn nanos_since_epoch(t: SystemTime) -> i128 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// Whole seconds, rounded down (Go's `Time.Truncate(time.Second)`).
fn floor_secs(nanos: i128) -> i64 {
    nanos.div_euclid(1_000_000_000) as i64
}

impl RegisteredClaims {
    /// Kuma's issuer: `iat = nbf = now - 5s`, `exp = now + validFor`, a fresh UUID.
    pub fn issued(now: SystemTime, valid_for: GoDuration) -> RegisteredClaims {
        let now = nanos_since_epoch(now);
        let skewed = now - CLOCK_SKEW_SECS * 1_000_000_000;
        RegisteredClaims {
            exp: Some(floor_secs(now + valid_for.as_nanos() as i128)),
            nbf: Some(floor_secs(skewed)),
            iat: Some(floor_secs(skewed)),
            jti: uuid::Uuid::new_v4().to_string(),
        }
    }

    /// Reads `exp`, `nbf`, `iat` and `jti` from a claims object, as Go's decoder would.
    pub fn from_json(obj: &JsonObject, go_type: &str) -> Result<RegisteredClaims, String> {
        Ok(RegisteredClaims {
            exp: numeric_date(obj, "exp")?,
            nbf: numeric_date(obj, "nbf")?,
            iat: numeric_date(obj, "iat")?,
            jti: string_field(obj, "jti", go_type, "ID")?,
        })
    }
}

/// Looks a JSON key up like Go's decoder: exact match first, then case-insensitively.
pub fn lookup<'a>(obj: &'a JsonObject, name: &str) -> Option<&'a Value> {
    obj.get(name).or_else(|| {
        obj.iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
            .next_back()
    })
}

fn type_error(value: &Value, go_type: &str, field: &str, field_type: &str) -> String {
    format!(
        "json: cannot unmarshal {} into Go struct field {go_type}.{field} of type {field_type}",
        json_kind(value)
    )
}

/// A string claim (`null` or absent read as "").
pub fn string_field(
    obj: &JsonObject,
    key: &str,
    go_type: &str,
    go_field: &str,
) -> Result<String, String> {
    match lookup(obj, key) {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(type_error(other, go_type, go_field, "string")),
    }
}

/// A `[]string` claim; `None` for `null` or absent (Go's nil slice).
pub fn strings_field(
    obj: &JsonObject,
    key: &str,
    go_type: &str,
) -> Result<Option<Vec<String>>, String> {
    match lookup(obj, key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                Value::String(s) => Ok(s.clone()),
                Value::Null => Ok(String::new()),
                other => Err(type_error(other, go_type, key, "string")),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        Some(other) => Err(type_error(other, go_type, key, "[]string")),
    }
}

/// A NumericDate claim: a JSON number (or numeric string) of seconds, truncated to
/// whole seconds as golang-jwt does.
fn numeric_date(obj: &JsonObject, key: &str) -> Result<Option<i64>, String> {
    let value = match obj.get(key) {
        None | Some(Value::Null) => return Ok(None),
        Some(v) => v,
    };
    let number = match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.parse::<f64>().ok(),
        _ => None,
    };
    match number {
        Some(f) if f.is_finite() => Ok(Some(f.floor() as i64)),
        _ => Err(format!(
            "could not parse NumericData: json: cannot unmarshal {} into Go value of type json.Number",
            json_kind(value)
        )),
    }
}

/// A claims type: its Go name (for decode errors), how to read it, its registered claims.
pub trait Claims: Sized {
    const GO_TYPE: &'static str;
    fn from_json(obj: &JsonObject) -> Result<Self, String>;
    fn registered(&self) -> &RegisteredClaims;
}

/// Compact JSON as Go's `json.Marshal` writes it: `<`, `>`, `&`, U+2028 and U+2029 are
/// escaped. They can only occur inside strings, so replacing them in the output is exact.
pub fn go_json<T: Serialize + ?Sized>(value: &T) -> String {
    let plain = serde_json::to_string(value).expect("claims always serialize");
    let mut out = String::with_capacity(plain.len());
    for c in plain.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// Why a token could not be signed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    #[error(
        "the signing key has {0} bits: only RSA keys of 2048 to 4096 bits can sign tokens (generate one with 'kumactl generate signing-key')"
    )]
    UnsupportedKeySize(usize),
    #[error("could not sign the token: {0}")]
    Crypto(String),
}

/// Signs `claims` with RS256 under `kid`.
pub fn sign_rs256<C: Serialize + ?Sized>(
    kid: &str,
    claims: &C,
    key: &RsaPrivateKey,
) -> Result<String, SignError> {
    let bits = keys::key_bits(&key.to_public_key());
    // ring (constant-time signing) takes 2048..=4096-bit keys.
    if !(2048..=4096).contains(&bits) {
        return Err(SignError::UnsupportedKeySize(bits));
    }
    let mut header = JsonObject::new();
    header.insert("alg".into(), "RS256".into());
    header.insert(KID_HEADER.into(), kid.into());
    header.insert("typ".into(), "JWT".into());
    let signing_input = format!(
        "{}.{}",
        RAW_URL.encode(go_json(&header)),
        RAW_URL.encode(go_json(claims))
    );
    let der = keys::private_key_to_der(key);
    let signature = jsonwebtoken::crypto::sign(
        signing_input.as_bytes(),
        &jsonwebtoken::EncodingKey::from_rsa_der(&der),
        jsonwebtoken::Algorithm::RS256,
    )
    .map_err(|e| SignError::Crypto(e.to_string()))?;
    Ok(format!("{signing_input}.{signature}"))
}

/// The key a key function hands back for signature verification.
#[derive(Clone, Debug)]
pub enum VerificationKey {
    Rsa(RsaPublicKey),
    Hmac(Vec<u8>),
}

/// The algorithms golang-jwt v5 registers; any other `alg` is "unavailable".
const KNOWN_ALGORITHMS: &[&str] = &[
    "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256",
    "ES384", "ES512", "EdDSA", "none",
];

/// A claim check that failed (joined with newlines, as Go's `errors.Join`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimFailure {
    Expired,
    NotValidYet,
}

impl ClaimFailure {
    fn text(self) -> &'static str {
        match self {
            ClaimFailure::Expired => "token is expired",
            ClaimFailure::NotValidYet => "token is not valid yet",
        }
    }
}

/// golang-jwt v5 errors, with their texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JwtError<E> {
    Malformed(String),
    Unverifiable(String),
    KeyFunc(E),
    SignatureInvalid(String),
    InvalidClaims(Vec<ClaimFailure>),
}

impl<E> JwtError<E> {
    pub fn is_not_valid_yet(&self) -> bool {
        matches!(self, JwtError::InvalidClaims(f) if f.contains(&ClaimFailure::NotValidYet))
    }
}

impl<E: std::fmt::Display> std::fmt::Display for JwtError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JwtError::Malformed(m) => write!(f, "token is malformed: {m}"),
            JwtError::Unverifiable(m) => write!(f, "token is unverifiable: {m}"),
            JwtError::KeyFunc(e) => {
                write!(
                    f,
                    "token is unverifiable: error while executing keyfunc: {e}"
                )
            }
            JwtError::SignatureInvalid(m) => write!(f, "token signature is invalid: {m}"),
            JwtError::InvalidClaims(failures) => {
                let texts: Vec<&str> = failures.iter().map(|c| c.text()).collect();
                write!(f, "token has invalid claims: {}", texts.join("\n"))
            }
        }
    }
}

impl<E: std::fmt::Display + std::fmt::Debug> std::error::Error for JwtError<E> {}

/// Go's `base64` error text (`illegal base64 data at input byte N`).
fn decode_segment(segment: &str) -> Result<Vec<u8>, String> {
    RAW_URL.decode(segment).map_err(|e| {
        let offset = match e {
            base64::DecodeError::InvalidByte(i, _) => i,
            base64::DecodeError::InvalidLastSymbol(i, _) => i,
            base64::DecodeError::InvalidLength(len) => len.saturating_sub(1),
            base64::DecodeError::InvalidPadding => segment.find('=').unwrap_or(segment.len()),
        };
        format!("illegal base64 data at input byte {offset}")
    })
}

/// A token split and decoded, before any verification.
#[derive(Clone, Debug)]
pub struct Unverified<C> {
    pub header: JsonObject,
    pub claims: C,
    /// The `alg` header (present and known to golang-jwt).
    pub alg: String,
    signing_input: String,
    signature: String,
}

impl<C> Unverified<C> {
    /// The `kid` header when it is a string.
    pub fn kid(&self) -> Option<&str> {
        self.header.get(KID_HEADER).and_then(Value::as_str)
    }
}

/// Go's `ParseUnverified`: segments, header, claims, `alg`.
pub fn parse_unverified<C: Claims, E>(token: &str) -> Result<Unverified<C>, JwtError<E>> {
    let parts: Vec<&str> = token.split('.').collect();
    if parts.len() != 3 {
        return Err(JwtError::Malformed(
            "token contains an invalid number of segments".into(),
        ));
    }
    let header_bytes = decode_segment(parts[0])
        .map_err(|e| JwtError::Malformed(format!("could not base64 decode header: {e}")))?;
    let header: JsonObject = serde_json::from_slice(&header_bytes)
        .map_err(|e| JwtError::Malformed(format!("could not JSON decode header: {e}")))?;
    let claim_bytes = decode_segment(parts[1])
        .map_err(|e| JwtError::Malformed(format!("could not base64 decode claim: {e}")))?;
    let claims_value: Value = serde_json::from_slice(&claim_bytes)
        .map_err(|e| JwtError::Malformed(format!("could not JSON decode claim: {e}")))?;
    let claims = match &claims_value {
        Value::Object(obj) => C::from_json(obj),
        Value::Null => C::from_json(&JsonObject::new()),
        other => Err(cannot_unmarshal(other, C::GO_TYPE)),
    }
    .map_err(|e| JwtError::Malformed(format!("could not JSON decode claim: {e}")))?;
    let alg = match header.get("alg") {
        Some(Value::String(alg)) => alg.clone(),
        _ => {
            return Err(JwtError::Unverifiable(
                "signing method (alg) is unspecified".into(),
            ));
        }
    };
    if !KNOWN_ALGORITHMS.contains(&alg.as_str()) {
        return Err(JwtError::Unverifiable(
            "signing method (alg) is unavailable".into(),
        ));
    }
    Ok(Unverified {
        header,
        claims,
        alg,
        signing_input: format!("{}.{}", parts[0], parts[1]),
        signature: parts[2].to_string(),
    })
}

fn verify_signature(
    alg: &str,
    signing_input: &str,
    signature_b64: &str,
    signature: &[u8],
    key: &VerificationKey,
) -> Result<(), String> {
    match (alg, key) {
        ("RS256", VerificationKey::Rsa(public)) => {
            use rsa::signature::Verifier;
            let verifying = rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(public.clone());
            let signature = rsa::pkcs1v15::Signature::try_from(signature)
                .map_err(|_| "crypto/rsa: verification error".to_string())?;
            verifying
                .verify(signing_input.as_bytes(), &signature)
                .map_err(|_| "crypto/rsa: verification error".to_string())
        }
        ("HS256", VerificationKey::Hmac(secret)) => {
            let ok = jsonwebtoken::crypto::verify(
                signature_b64,
                signing_input.as_bytes(),
                &jsonwebtoken::DecodingKey::from_secret(secret),
                jsonwebtoken::Algorithm::HS256,
            )
            .unwrap_or(false);
            if ok {
                Ok(())
            } else {
                Err("signature is invalid".into())
            }
        }
        (alg, VerificationKey::Rsa(_)) if alg.starts_with("HS") => {
            Err("key is of invalid type: HMAC verify expects []byte".into())
        }
        (_, VerificationKey::Hmac(_)) => {
            Err("key is of invalid type: RSA verify expects *rsa.PublicKey".into())
        }
        (alg, _) => Err(format!("key is of invalid type: {alg} cannot be verified")),
    }
}

/// The `exp`/`nbf` checks of golang-jwt's default validator (no leeway, `iat` unchecked).
pub fn check_times(registered: &RegisteredClaims, now: SystemTime) -> Vec<ClaimFailure> {
    let now = nanos_since_epoch(now);
    let mut failures = Vec::new();
    if let Some(exp) = registered.exp
        && now >= exp as i128 * 1_000_000_000
    {
        failures.push(ClaimFailure::Expired);
    }
    if let Some(nbf) = registered.nbf
        && now < nbf as i128 * 1_000_000_000
    {
        failures.push(ClaimFailure::NotValidYet);
    }
    failures
}

/// Go's `ParseWithClaims`: decode, ask `key_for` for the key, check the signature, then
/// `exp` and `nbf` at `now`.
pub fn parse_with_claims<C: Claims, E>(
    token: &str,
    key_for: impl FnOnce(&Unverified<C>) -> Result<VerificationKey, E>,
    now: SystemTime,
) -> Result<C, JwtError<E>> {
    let unverified = parse_unverified::<C, E>(token)?;
    let signature = decode_segment(&unverified.signature)
        .map_err(|e| JwtError::Malformed(format!("could not base64 decode signature: {e}")))?;
    let key = key_for(&unverified).map_err(JwtError::KeyFunc)?;
    verify_signature(
        &unverified.alg,
        &unverified.signing_input,
        &unverified.signature,
        &signature,
        &key,
    )
    .map_err(JwtError::SignatureInvalid)?;
    let failures = check_times(unverified.claims.registered(), now);
    if !failures.is_empty() {
        return Err(JwtError::InvalidClaims(failures));
    }
    Ok(unverified.claims)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;
    use std::time::Duration;

    #[derive(Debug, Serialize)]
    struct TestClaims {
        #[serde(rename = "Zone")]
        zone: String,
        #[serde(flatten)]
        registered: RegisteredClaims,
    }

    impl Claims for TestClaims {
        const GO_TYPE: &'static str = "zone.ZoneClaims";
        fn from_json(obj: &JsonObject) -> Result<Self, String> {
            Ok(TestClaims {
                zone: string_field(obj, "Zone", "ZoneClaims", "Zone")?,
                registered: RegisteredClaims::from_json(obj, "ZoneClaims")?,
            })
        }
        fn registered(&self) -> &RegisteredClaims {
            &self.registered
        }
    }

    fn key() -> &'static RsaPrivateKey {
        static KEY: OnceLock<RsaPrivateKey> = OnceLock::new();
        KEY.get_or_init(|| keys::generate(2048))
    }

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    fn claims(now: SystemTime, valid_for: GoDuration) -> TestClaims {
        TestClaims {
            zone: "z<1>".into(),
            registered: RegisteredClaims::issued(now, valid_for),
        }
    }

    fn rsa_key(
        key: &RsaPrivateKey,
    ) -> impl FnOnce(&Unverified<TestClaims>) -> Result<VerificationKey, String> {
        let public = key.to_public_key();
        move |_| Ok(VerificationKey::Rsa(public))
    }

    #[test]
    fn issues_go_bytes() {
        let now = UNIX_EPOCH + Duration::from_millis(1_746_093_605_700);
        let c = claims(now, GoDuration::from_secs(3600));
        assert_eq!(c.registered.iat, Some(1_746_093_600));
        assert_eq!(c.registered.nbf, Some(1_746_093_600));
        assert_eq!(c.registered.exp, Some(1_746_097_205));
        let token = sign_rs256("1", &c, key()).unwrap();
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(
            String::from_utf8(RAW_URL.decode(parts[0]).unwrap()).unwrap(),
            r#"{"alg":"RS256","kid":"1","typ":"JWT"}"#
        );
        assert_eq!(
            String::from_utf8(RAW_URL.decode(parts[1]).unwrap()).unwrap(),
            format!(
                r#"{{"Zone":"z\u003c1\u003e","exp":1746097205,"nbf":1746093600,"iat":1746093600,"jti":"{}"}}"#,
                c.registered.jti
            )
        );
        assert!(!token.contains('='));
    }

    #[test]
    fn parses_and_checks_times() {
        let c = claims(at(1000), GoDuration::from_secs(60));
        let token = sign_rs256("1", &c, key()).unwrap();
        let parsed = parse_with_claims(&token, rsa_key(key()), at(1030)).unwrap();
        assert_eq!(parsed.zone, "z<1>");
        let err = parse_with_claims(&token, rsa_key(key()), at(1060)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "token has invalid claims: token is expired"
        );
        let err = parse_with_claims(&token, rsa_key(key()), at(990)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "token has invalid claims: token is not valid yet"
        );
        assert!(err.is_not_valid_yet());
    }

    #[test]
    fn go_error_texts() {
        let ok = |_: &Unverified<TestClaims>| Ok::<_, String>(VerificationKey::Hmac(vec![1]));
        let check = |token: &str, expected: &str| {
            let err = parse_with_claims(token, ok, at(0)).unwrap_err();
            assert_eq!(err.to_string(), expected, "for {token}");
        };
        check(
            "a.b",
            "token is malformed: token contains an invalid number of segments",
        );
        check(
            "a*b.c.d",
            "token is malformed: could not base64 decode header: illegal base64 data at input byte 1",
        );
        let header = RAW_URL.encode(r#"{"typ":"JWT"}"#);
        let body = RAW_URL.encode(r#"{"Zone":"z"}"#);
        check(
            &format!("{header}.{body}.sig"),
            "token is unverifiable: signing method (alg) is unspecified",
        );
        let header = RAW_URL.encode(r#"{"alg":"XX1"}"#);
        check(
            &format!("{header}.{body}.sig"),
            "token is unverifiable: signing method (alg) is unavailable",
        );
        let bad_zone = RAW_URL.encode(r#"{"Zone":7}"#);
        check(
            &format!("{header}.{bad_zone}.sig"),
            "token is malformed: could not JSON decode claim: json: cannot unmarshal number into Go struct field ZoneClaims.Zone of type string",
        );
    }

    #[test]
    fn tampered_payload_fails_signature() {
        let token = sign_rs256("1", &claims(at(1000), GoDuration::from_secs(60)), key()).unwrap();
        let parts: Vec<&str> = token.split('.').collect();
        let forged = RAW_URL.encode(r#"{"Zone":"other","exp":99999999999}"#);
        let tampered = format!("{}.{forged}.{}", parts[0], parts[2]);
        let err = parse_with_claims(&tampered, rsa_key(key()), at(1001)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "token signature is invalid: crypto/rsa: verification error"
        );
    }

    #[test]
    fn key_function_errors_are_wrapped() {
        let token = sign_rs256("1", &claims(at(1000), GoDuration::from_secs(60)), key()).unwrap();
        let err = parse_with_claims(
            &token,
            |_: &Unverified<TestClaims>| Err::<VerificationKey, _>("no key".to_string()),
            at(1001),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "token is unverifiable: error while executing keyfunc: no key"
        );
    }

    #[test]
    fn hmac_tokens() {
        let header = RAW_URL.encode(r#"{"alg":"HS256","kid":"0","typ":"JWT"}"#);
        let body = RAW_URL.encode(r#"{"Zone":"z"}"#);
        let input = format!("{header}.{body}");
        let sig = jsonwebtoken::crypto::sign(
            input.as_bytes(),
            &jsonwebtoken::EncodingKey::from_secret(b"secret"),
            jsonwebtoken::Algorithm::HS256,
        )
        .unwrap();
        let token = format!("{input}.{sig}");
        let good =
            |_: &Unverified<TestClaims>| Ok::<_, String>(VerificationKey::Hmac(b"secret".to_vec()));
        assert_eq!(parse_with_claims(&token, good, at(0)).unwrap().zone, "z");
        let bad =
            |_: &Unverified<TestClaims>| Ok::<_, String>(VerificationKey::Hmac(b"other".to_vec()));
        assert_eq!(
            parse_with_claims(&token, bad, at(0))
                .unwrap_err()
                .to_string(),
            "token signature is invalid: signature is invalid"
        );
    }
}
