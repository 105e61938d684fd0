//! Where Kuma keeps signing keys and revocations, and how it picks the key to sign with
//! (Go: `pkg/core/tokens/signing_key_manager.go`, names in
//! `pkg/core/resources/apis/system/constants.go`): secrets named `<prefix>-<serial>`, the
//! highest serial signs, and the serial is the token's `kid`.

use std::fmt;

pub const ZONE_SIGNING_KEY_PREFIX: &str = "zone-token-signing-key";
pub const ZONE_SIGNING_PUBLIC_KEY_PREFIX: &str = "zone-token-signing-public-key";
pub const ZONE_REVOCATIONS: &str = "zone-token-revocations";
pub const USER_SIGNING_KEY_PREFIX: &str = "user-token-signing-key";
pub const USER_REVOCATIONS: &str = "user-token-revocations";
pub const ADMIN_USER_TOKEN: &str = "admin-user-token";
/// The serial of the key created at start-up.
pub const DEFAULT_KEY_ID: &str = "1";
/// The `kid` of a key stored under the bare prefix (legacy name or unparsable serial).
pub const KEY_ID_FALLBACK: &str = "0";

/// Dataplane keys are Secrets of the mesh: `dataplane-token-signing-key-<mesh>-<serial>`.
pub fn dataplane_signing_key_prefix(mesh: &str) -> String {
    format!("dataplane-token-signing-key-{mesh}")
}

/// The secret holding key `kid`: `<prefix>-<kid>`, or the bare prefix for kid "0".
pub fn signing_key_name(prefix: &str, kid: &str) -> String {
    if kid == KEY_ID_FALLBACK {
        prefix.to_string()
    } else {
        format!("{prefix}-{kid}")
    }
}

/// The serial of a key secret (Go's `Atoi` of the suffix; 0 when it is not a number).
pub fn serial_of(prefix: &str, name: &str) -> i64 {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('-'))
        .and_then(|suffix| suffix.parse::<i64>().ok())
        .unwrap_or(0)
}

/// Among secret names, the signing key to issue with: the highest serial among names
/// starting with `prefix`. Returns the name and the kid.
pub fn latest_key<'a>(
    prefix: &str,
    names: impl IntoIterator<Item = &'a str>,
) -> Option<(&'a str, String)> {
    let mut best: Option<(&'a str, i64)> = None;
    for name in names {
        if !name.starts_with(prefix) {
            continue;
        }
        let serial = serial_of(prefix, name);
        if best.is_none_or(|(_, s)| serial > s) {
            best = Some((name, serial));
        }
    }
    best.map(|(name, serial)| (name, serial.to_string()))
}

/// Kuma's `SigningKeyNotFound`: no secret for the key a token names (or none at all to
/// issue with, reported for kid "1").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigningKeyNotFound {
    pub kid: String,
    pub prefix: String,
    /// The mesh of a mesh-scoped key (dataplane tokens); `None` for GlobalSecrets.
    pub mesh: Option<String>,
}

impl SigningKeyNotFound {
    pub fn global(prefix: &str, kid: &str) -> Self {
        SigningKeyNotFound {
            kid: kid.to_string(),
            prefix: prefix.to_string(),
            mesh: None,
        }
    }
}

impl fmt::Display for SigningKeyNotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = signing_key_name(&self.prefix, &self.kid);
        match &self.mesh {
            None => write!(
                f,
                "there is no signing key with KID {}. GlobalSecret of name {name:?} is not found. If signing key was rotated, regenerate the token",
                self.kid
            ),
            Some(mesh) => write!(
                f,
                "there is no signing key with KID {}. Secret of name {name:?} in mesh {mesh:?} is not found. If signing key was rotated, regenerate the token",
                self.kid
            ),
        }
    }
}

impl std::error::Error for SigningKeyNotFound {}

/// Kuma's revocation list: comma-separated token ids, one trailing newline ignored.
pub fn is_revoked(revocations: Option<&[u8]>, jti: &str) -> bool {
    let Some(data) = revocations else {
        return false;
    };
    let text = String::from_utf8_lossy(data);
    let text = text.strip_suffix('\n').unwrap_or(&text);
    text.split(',').any(|id| id == jti)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_and_names() {
        let p = ZONE_SIGNING_KEY_PREFIX;
        assert_eq!(serial_of(p, "zone-token-signing-key-1"), 1);
        assert_eq!(serial_of(p, "zone-token-signing-key-0002"), 2);
        assert_eq!(serial_of(p, "zone-token-signing-key"), 0);
        assert_eq!(serial_of(p, "zone-token-signing-key-x"), 0);
        assert_eq!(signing_key_name(p, "2"), "zone-token-signing-key-2");
        assert_eq!(signing_key_name(p, "0"), "zone-token-signing-key");
    }

    #[test]
    fn highest_serial_signs() {
        let names = [
            "zone-token-signing-key-1",
            "zone-token-revocations",
            "zone-token-signing-key-10",
            "zone-token-signing-key-2",
            "admin-user-token",
        ];
        assert_eq!(
            latest_key(ZONE_SIGNING_KEY_PREFIX, names),
            Some(("zone-token-signing-key-10", "10".to_string()))
        );
        assert_eq!(latest_key(ZONE_SIGNING_KEY_PREFIX, ["other"]), None);
        // The public keys of a federated zone do not share the prefix.
        assert_eq!(
            latest_key(ZONE_SIGNING_KEY_PREFIX, ["zone-token-signing-public-key-1"]),
            None
        );
    }

    #[test]
    fn not_found_texts() {
        assert_eq!(
            SigningKeyNotFound::global(ZONE_SIGNING_KEY_PREFIX, "1").to_string(),
            "there is no signing key with KID 1. GlobalSecret of name \"zone-token-signing-key-1\" is not found. If signing key was rotated, regenerate the token"
        );
    }

    #[test]
    fn revocations() {
        assert!(is_revoked(Some(b"a,b,c\n"), "c"));
        assert!(is_revoked(Some(b"a,b,c"), "b"));
        assert!(!is_revoked(Some(b"a,b,c\n"), "d"));
        assert!(!is_revoked(None, "a"));
    }
}
