//! RSA signing keys: reading them from PEM files and secrets, generating them, exporting
//! the public half (Go: `pkg/util/rsa/keygen.go`, `pkg/util/rsa/pem.go`,
//! `pkg/core/tokens/signing_key_manager.go`, `pkg/core/tokens/file_signing_key_manager.go`,
//! `app/kumactl/cmd/generate/generate_signing_key.go`, `generate_public_key.go`).
//!
//! Kuma stores and prints keys as PKCS#1 PEM (`RSA PRIVATE KEY` / `RSA PUBLIC KEY`). We read
//! PKCS#8 `PRIVATE KEY` too, since that is what `openssl genpkey` writes, and every bad file
//! gets an error that says what was found (Go kumactl panics on a file that is not PEM).

use rsa::pkcs1::{DecodeRsaPrivateKey, DecodeRsaPublicKey, EncodeRsaPrivateKey};
use rsa::pkcs1::{EncodeRsaPublicKey, LineEnding};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
use rsa::traits::PublicKeyParts;
use rsa::{RsaPrivateKey, RsaPublicKey};
use std::path::Path;

/// The size of the keys we generate, as Kuma (`pkg/util/rsa/keygen.go`).
pub const DEFAULT_KEY_BITS: usize = 2048;

pub const PKCS1_PRIVATE_BLOCK: &str = "RSA PRIVATE KEY";
pub const PKCS8_PRIVATE_BLOCK: &str = "PRIVATE KEY";
pub const PKCS1_PUBLIC_BLOCK: &str = "RSA PUBLIC KEY";
pub const SPKI_PUBLIC_BLOCK: &str = "PUBLIC KEY";

/// Why key material could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    /// Go's text for a file without a PEM block.
    #[error("provided file is not a PEM-encoded signing key")]
    NotPem,
    /// Another PEM block type; Go's `invalid key encoding "<type>"`, plus what we accept.
    #[error(
        "invalid key encoding {found:?}: expected a PEM block {PKCS1_PRIVATE_BLOCK:?} (PKCS#1) or {PKCS8_PRIVATE_BLOCK:?} (PKCS#8) holding an RSA key"
    )]
    WrongBlock { found: String },
    /// A public key file whose block is neither PKCS#1 nor SPKI.
    #[error(
        "invalid key encoding {found:?}: expected a PEM block {PKCS1_PUBLIC_BLOCK:?} (PKCS#1) or {SPKI_PUBLIC_BLOCK:?} holding an RSA key"
    )]
    WrongPublicBlock { found: String },
    /// A public key where the private signing key is needed.
    #[error(
        "that is a public key ({found:?}), not a signing key: only the private key (`kumactl generate signing-key`) can sign tokens"
    )]
    PublicKey { found: String },
    /// A well-formed key of another algorithm.
    #[error("the key is an {algorithm} key: only RSA keys can sign or verify Kuma tokens")]
    NotRsa { algorithm: String },
    /// The block is of the right type but its content does not decode.
    #[error("invalid RSA key: {0}")]
    Malformed(String),
}

/// Names the algorithms people most often hand us instead of RSA.
fn algorithm_name(oid: &str) -> String {
    match oid {
        "1.2.840.10045.2.1" => "EC".into(),
        "1.3.101.112" => "Ed25519".into(),
        "1.3.101.113" => "Ed448".into(),
        "1.3.101.110" => "X25519".into(),
        "1.2.840.10040.4.1" => "DSA".into(),
        "1.2.840.113549.1.1.10" => "RSA-PSS".into(),
        other => format!("unsupported (algorithm {other})"),
    }
}

fn from_pkcs8_der(der: &[u8]) -> Result<RsaPrivateKey, KeyError> {
    // Look at the algorithm first so a non-RSA key is named as such.
    let info = rsa::pkcs8::PrivateKeyInfo::try_from(der)
        .map_err(|e| KeyError::Malformed(e.to_string()))?;
    let oid = info.algorithm.oid.to_string();
    if oid != rsa::pkcs1::ALGORITHM_OID.to_string() {
        return Err(KeyError::NotRsa {
            algorithm: algorithm_name(&oid),
        });
    }
    RsaPrivateKey::from_pkcs8_der(der).map_err(|e| KeyError::Malformed(e.to_string()))
}

/// Reads a private signing key from PEM: the first block must be `RSA PRIVATE KEY`
/// (PKCS#1) or `PRIVATE KEY` (PKCS#8) holding an RSA key.
pub fn private_key_from_pem(bytes: &[u8]) -> Result<RsaPrivateKey, KeyError> {
    let block = pem::parse(bytes).map_err(|_| KeyError::NotPem)?;
    match block.tag() {
        PKCS1_PRIVATE_BLOCK => RsaPrivateKey::from_pkcs1_der(block.contents())
            .map_err(|e| KeyError::Malformed(e.to_string())),
        PKCS8_PRIVATE_BLOCK => from_pkcs8_der(block.contents()),
        "EC PRIVATE KEY" => Err(KeyError::NotRsa {
            algorithm: "EC".into(),
        }),
        PKCS1_PUBLIC_BLOCK | SPKI_PUBLIC_BLOCK => Err(KeyError::PublicKey {
            found: block.tag().to_string(),
        }),
        other => Err(KeyError::WrongBlock {
            found: other.to_string(),
        }),
    }
}

/// Reads a signing key stored in a secret the way Kuma does (`keyBytesToRsaPrivateKey`):
/// a PEM `RSA PRIVATE KEY`, or raw PKCS#1 DER.
pub fn private_key_from_secret(bytes: &[u8]) -> Result<RsaPrivateKey, KeyError> {
    match pem::parse(bytes) {
        Ok(block) if block.tag() == PKCS1_PRIVATE_BLOCK => {
            RsaPrivateKey::from_pkcs1_der(block.contents())
                .map_err(|e| KeyError::Malformed(e.to_string()))
        }
        Ok(block) => Err(KeyError::WrongBlock {
            found: block.tag().to_string(),
        }),
        Err(_) => {
            RsaPrivateKey::from_pkcs1_der(bytes).map_err(|e| KeyError::Malformed(e.to_string()))
        }
    }
}

/// Reads a public key from PEM: `RSA PUBLIC KEY` (PKCS#1) or `PUBLIC KEY` (SPKI) with an
/// RSA key, as Kuma's static public keys.
pub fn public_key_from_pem(bytes: &[u8]) -> Result<RsaPublicKey, KeyError> {
    let block = pem::parse(bytes).map_err(|_| KeyError::NotPem)?;
    match block.tag() {
        PKCS1_PUBLIC_BLOCK => RsaPublicKey::from_pkcs1_der(block.contents())
            .map_err(|e| KeyError::Malformed(e.to_string())),
        SPKI_PUBLIC_BLOCK => {
            let info = rsa::pkcs8::SubjectPublicKeyInfoRef::try_from(block.contents())
                .map_err(|e| KeyError::Malformed(e.to_string()))?;
            let oid = info.algorithm.oid.to_string();
            if oid != rsa::pkcs1::ALGORITHM_OID.to_string() {
                return Err(KeyError::NotRsa {
                    algorithm: algorithm_name(&oid),
                });
            }
            RsaPublicKey::from_public_key_der(block.contents())
                .map_err(|e| KeyError::Malformed(e.to_string()))
        }
        other => Err(KeyError::WrongPublicBlock {
            found: other.to_string(),
        }),
    }
}

/// A new RSA key of `bits` bits.
pub fn generate(bits: usize) -> RsaPrivateKey {
    RsaPrivateKey::new(&mut rand::thread_rng(), bits)
        .expect("generating an RSA key of a supported size cannot fail")
}

/// PKCS#1 `RSA PRIVATE KEY` PEM with 64-character lines and a final newline, as Go's
/// `pem.Encode`.
pub fn private_key_to_pem(key: &RsaPrivateKey) -> String {
    key.to_pkcs1_pem(LineEnding::LF)
        .expect("encoding a valid RSA key cannot fail")
        .to_string()
}

/// PKCS#1 DER of a private key (what ring signs with).
pub fn private_key_to_der(key: &RsaPrivateKey) -> Vec<u8> {
    key.to_pkcs1_der()
        .expect("encoding a valid RSA key cannot fail")
        .as_bytes()
        .to_vec()
}

/// PKCS#1 `RSA PUBLIC KEY` PEM of the public half.
pub fn public_key_to_pem(key: &RsaPublicKey) -> String {
    key.to_pkcs1_pem(LineEnding::LF)
        .expect("encoding a valid RSA key cannot fail")
}

/// The size of a key's modulus in bits.
pub fn key_bits(key: &RsaPublicKey) -> usize {
    key.n().bits()
}

/// A warning (ssh's rule) when a private key file can be read by group or others.
pub fn permission_warning(path: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Some(format!(
                "WARNING: UNPROTECTED SIGNING KEY FILE: permissions {mode:04o} for {:?} are too open; a signing key should be readable by its owner only (chmod 600 {})",
                path.display().to_string(),
                path.display()
            ));
        }
        None
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::pkcs8::EncodePrivateKey;
    use std::sync::OnceLock;

    fn key() -> &'static RsaPrivateKey {
        static KEY: OnceLock<RsaPrivateKey> = OnceLock::new();
        KEY.get_or_init(|| generate(DEFAULT_KEY_BITS))
    }

    #[test]
    fn pkcs1_round_trip() {
        let pem = private_key_to_pem(key());
        assert!(pem.starts_with("-----BEGIN RSA PRIVATE KEY-----\n"));
        assert!(pem.ends_with("-----END RSA PRIVATE KEY-----\n"));
        assert!(pem.lines().all(|l| l.len() <= 64));
        assert_eq!(&private_key_from_pem(pem.as_bytes()).unwrap(), key());
        assert_eq!(&private_key_from_secret(pem.as_bytes()).unwrap(), key());
        assert_eq!(
            &private_key_from_secret(&private_key_to_der(key())).unwrap(),
            key()
        );
    }

    #[test]
    fn pkcs8_is_accepted_from_files_only() {
        let pem = key().to_pkcs8_pem(LineEnding::LF).unwrap();
        assert_eq!(&private_key_from_pem(pem.as_bytes()).unwrap(), key());
        assert_eq!(
            private_key_from_secret(pem.as_bytes()).unwrap_err(),
            KeyError::WrongBlock {
                found: "PRIVATE KEY".into()
            }
        );
    }

    #[test]
    fn public_keys() {
        let public = key().to_public_key();
        let pem = public_key_to_pem(&public);
        assert!(pem.starts_with("-----BEGIN RSA PUBLIC KEY-----\n"));
        assert_eq!(public_key_from_pem(pem.as_bytes()).unwrap(), public);
        let spki = rsa::pkcs8::EncodePublicKey::to_public_key_pem(&public, LineEnding::LF).unwrap();
        assert_eq!(public_key_from_pem(spki.as_bytes()).unwrap(), public);
        // Handed over where the signing key belongs, a public key is named as such.
        for (pem, block) in [(&pem, "RSA PUBLIC KEY"), (&spki, "PUBLIC KEY")] {
            assert_eq!(
                private_key_from_pem(pem.as_bytes()).unwrap_err(),
                KeyError::PublicKey {
                    found: block.into()
                }
            );
        }
        assert_eq!(key_bits(&public), 2048);
    }

    #[test]
    fn bad_inputs_are_named() {
        assert_eq!(
            private_key_from_pem(b"hello").unwrap_err(),
            KeyError::NotPem
        );
        let cert = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        assert_eq!(
            private_key_from_pem(cert.as_bytes())
                .unwrap_err()
                .to_string(),
            "invalid key encoding \"CERTIFICATE\": expected a PEM block \"RSA PRIVATE KEY\" (PKCS#1) or \"PRIVATE KEY\" (PKCS#8) holding an RSA key"
        );
        let ec = "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n";
        assert_eq!(
            private_key_from_pem(ec.as_bytes()).unwrap_err().to_string(),
            "the key is an EC key: only RSA keys can sign or verify Kuma tokens"
        );
        let garbage = "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n";
        assert!(matches!(
            private_key_from_pem(garbage.as_bytes()).unwrap_err(),
            KeyError::Malformed(_)
        ));
    }

    #[test]
    fn pkcs8_ec_key_is_named() {
        let ec = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).unwrap();
        assert_eq!(
            private_key_from_pem(ec.serialize_pem().as_bytes()).unwrap_err(),
            KeyError::NotRsa {
                algorithm: "EC".into()
            }
        );
    }
}
