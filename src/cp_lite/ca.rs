//! The checks a `provided` CA backend's certificate and key must pass (Go:
//! pkg/plugins/ca/provided/ca_cert_validator.go): they must form a TLS key pair (Go's
//! `tls.X509KeyPair`, with its error texts), and the certificate must be a CA allowed to
//! sign certificates.

use x509_parser::prelude::{FromDer, X509Certificate};
use x509_parser::public_key::PublicKey;

/// What is wrong with a provided CA, as Kuma words it; each applies to the certificate.
pub fn provided_ca_problems(cert_pem: &[u8], key_pem: &[u8]) -> Vec<String> {
    let cert_der = match key_pair(cert_pem, key_pem) {
        Ok(der) => der,
        Err(reason) => return vec![format!("not a valid TLS key pair: {reason}")],
    };
    let Ok((_, cert)) = X509Certificate::from_der(&cert_der) else {
        return vec!["not a valid TLS key pair: x509: malformed certificate".to_string()];
    };
    let mut problems = Vec::new();
    let is_ca = matches!(cert.basic_constraints(), Ok(Some(bc)) if bc.value.ca);
    if !is_ca {
        problems.push(
            "basic constraint 'CA' must be set to 'true' (see X509-SVID: 4.1. Basic Constraints)"
                .to_string(),
        );
    }
    let can_sign = matches!(cert.key_usage(), Ok(Some(usage)) if usage.value.key_cert_sign());
    if !can_sign {
        problems.push(
            "key usage extension 'keyCertSign' must be set (see X509-SVID: 4.3. Key Usage)"
                .to_string(),
        );
    }
    problems
}

/// Go's `tls.X509KeyPair`: the first certificate and the first private key must parse
/// and belong together. Returns the certificate's DER.
fn key_pair(cert_pem: &[u8], key_pem: &[u8]) -> Result<Vec<u8>, String> {
    let cert_blocks = pem::parse_many(cert_pem).unwrap_or_default();
    let Some(cert) = cert_blocks.iter().find(|b| b.tag() == "CERTIFICATE") else {
        if cert_blocks.iter().any(|b| is_private_key_tag(b.tag())) {
            return Err("tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched".into());
        }
        return Err("tls: failed to find any PEM data in certificate input".into());
    };
    let key_blocks = pem::parse_many(key_pem).unwrap_or_default();
    let Some(key) = key_blocks.iter().find(|b| is_private_key_tag(b.tag())) else {
        if key_blocks.iter().any(|b| b.tag() == "CERTIFICATE") {
            return Err(
                "tls: found a certificate rather than a key in the PEM for the private key".into(),
            );
        }
        return Err("tls: failed to find any PEM data in key input".into());
    };
    let (_, parsed) = X509Certificate::from_der(cert.contents())
        .map_err(|_| "x509: malformed certificate".to_string())?;
    let private = PrivateKey::parse(key.contents()).ok_or("tls: failed to parse private key")?;
    let public = parsed
        .public_key()
        .parsed()
        .map_err(|_| "tls: unknown public key algorithm".to_string())?;
    let matches = match (&public, &private) {
        (PublicKey::RSA(rsa), PrivateKey::Rsa { modulus }) => {
            strip_leading_zeros(rsa.modulus) == strip_leading_zeros(modulus)
        }
        // Without the public point in the key file there is nothing to compare.
        (PublicKey::EC(point), PrivateKey::Ec { public }) => {
            public.as_ref().is_none_or(|p| p.as_slice() == point.data())
        }
        (PublicKey::Unknown(bytes), PrivateKey::Ed25519 { public }) => {
            public.as_ref().is_none_or(|p| p.as_slice() == *bytes)
        }
        (PublicKey::RSA(_) | PublicKey::EC(_), _) | (PublicKey::Unknown(_), _) => {
            return Err("tls: private key type does not match public key type".into());
        }
        _ => return Err("tls: unknown public key algorithm".into()),
    };
    if matches {
        Ok(cert.contents().to_vec())
    } else {
        Err("tls: private key does not match public key".into())
    }
}

fn is_private_key_tag(tag: &str) -> bool {
    tag == "PRIVATE KEY" || tag.ends_with(" PRIVATE KEY")
}

fn strip_leading_zeros(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    &bytes[start..]
}

/// The public half of a private key, as far as it can be read without key arithmetic.
enum PrivateKey {
    Rsa { modulus: Vec<u8> },
    Ec { public: Option<Vec<u8>> },
    Ed25519 { public: Option<Vec<u8>> },
}

const OID_RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const OID_EC: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const OID_ED25519: &[u8] = &[0x2b, 0x65, 0x70];

impl PrivateKey {
    /// Tries PKCS #1, PKCS #8 and SEC 1, in Go's order, whatever the PEM type says.
    fn parse(der: &[u8]) -> Option<PrivateKey> {
        use rsa::pkcs1::DecodeRsaPrivateKey;
        use rsa::pkcs8::DecodePrivateKey;
        use rsa::traits::PublicKeyParts;
        if let Ok(key) = rsa::RsaPrivateKey::from_pkcs1_der(der) {
            return Some(PrivateKey::Rsa {
                modulus: key.n().to_bytes_be(),
            });
        }
        if let Some(parts) = pkcs8_parts(der) {
            return match parts.algorithm {
                OID_RSA => {
                    rsa::RsaPrivateKey::from_pkcs8_der(der)
                        .ok()
                        .map(|key| PrivateKey::Rsa {
                            modulus: key.n().to_bytes_be(),
                        })
                }
                OID_EC => {
                    sec1_public_key(parts.private_key).map(|public| PrivateKey::Ec { public })
                }
                OID_ED25519 => Some(PrivateKey::Ed25519 {
                    public: parts.public_key,
                }),
                _ => None,
            };
        }
        sec1_public_key(der).map(|public| PrivateKey::Ec { public })
    }
}

/// One DER element: (tag, content, rest).
fn der_element(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (length, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 || rest.len() < count {
            return None;
        }
        let length = rest[..count]
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        (length, &rest[count..])
    };
    if rest.len() < length {
        return None;
    }
    Some((tag, &rest[..length], &rest[length..]))
}

/// The elements of a SEQUENCE's content.
fn der_elements(mut content: &[u8]) -> Option<Vec<(u8, &[u8])>> {
    let mut elements = Vec::new();
    while !content.is_empty() {
        let (tag, value, rest) = der_element(content)?;
        elements.push((tag, value));
        content = rest;
    }
    Some(elements)
}

const SEQUENCE: u8 = 0x30;
const INTEGER: u8 = 0x02;
const OCTET_STRING: u8 = 0x04;
const BIT_STRING: u8 = 0x03;
const OID: u8 = 0x06;

/// The parts of a PKCS #8 key that matter here.
struct Pkcs8Parts<'a> {
    algorithm: &'a [u8],
    private_key: &'a [u8],
    /// Only version 2 (`OneAsymmetricKey`) documents may carry it.
    public_key: Option<Vec<u8>>,
}

/// PKCS #8 `PrivateKeyInfo`/`OneAsymmetricKey`.
fn pkcs8_parts(der: &[u8]) -> Option<Pkcs8Parts<'_>> {
    let (tag, content, _) = der_element(der)?;
    if tag != SEQUENCE {
        return None;
    }
    let elements = der_elements(content)?;
    let [
        (INTEGER, _),
        (SEQUENCE, algorithm),
        (OCTET_STRING, private),
        rest @ ..,
    ] = elements.as_slice()
    else {
        return None;
    };
    let (oid_tag, oid, _) = der_element(algorithm)?;
    if oid_tag != OID {
        return None;
    }
    let public = rest
        .iter()
        .find(|(tag, _)| *tag == 0x81)
        .and_then(|(_, bits)| bits.split_first().map(|(_, key)| key.to_vec()));
    Some(Pkcs8Parts {
        algorithm: oid,
        private_key: private,
        public_key: public,
    })
}

/// SEC 1 `ECPrivateKey`: `Some(public point)` if present, `Some(None)` if the key has
/// no public part, `None` if it is not an EC key at all.
fn sec1_public_key(der: &[u8]) -> Option<Option<Vec<u8>>> {
    let (tag, content, _) = der_element(der)?;
    if tag != SEQUENCE {
        return None;
    }
    let elements = der_elements(content)?;
    let [(INTEGER, version), (OCTET_STRING, _), rest @ ..] = elements.as_slice() else {
        return None;
    };
    if *version != [1] {
        return None;
    }
    let public = rest
        .iter()
        .find(|(tag, _)| *tag == 0xa1)
        .and_then(|(_, explicit)| der_element(explicit))
        .filter(|(tag, _, _)| *tag == BIT_STRING)
        .and_then(|(_, bits, _)| bits.split_first().map(|(_, point)| point.to_vec()));
    Some(public)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair, KeyUsagePurpose};

    fn ca(is_ca: bool, usages: Vec<KeyUsagePurpose>) -> (String, String) {
        let key = KeyPair::generate().unwrap();
        let mut params = CertificateParams::new(vec!["ca".to_string()]).unwrap();
        params.is_ca = if is_ca {
            IsCa::Ca(BasicConstraints::Unconstrained)
        } else {
            IsCa::NoCa
        };
        params.key_usages = usages;
        let cert = params.self_signed(&key).unwrap();
        (cert.pem(), key.serialize_pem())
    }

    #[test]
    fn accepts_a_signing_ca() {
        let (cert, key) = ca(true, vec![KeyUsagePurpose::KeyCertSign]);
        assert!(provided_ca_problems(cert.as_bytes(), key.as_bytes()).is_empty());
    }

    #[test]
    fn rsa_keys_in_pkcs1_and_pkcs8() {
        use rsa::pkcs1::EncodeRsaPrivateKey;
        use rsa::pkcs8::{EncodePrivateKey, LineEnding};
        let private = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 2048).unwrap();
        let pkcs8 = private.to_pkcs8_pem(LineEnding::LF).unwrap();
        let key = KeyPair::from_pem(&pkcs8).unwrap();
        let mut params = CertificateParams::new(vec!["ca".to_string()]).unwrap();
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign];
        let cert = params.self_signed(&key).unwrap().pem();
        assert!(provided_ca_problems(cert.as_bytes(), pkcs8.as_bytes()).is_empty());
        let pkcs1 = private.to_pkcs1_pem(LineEnding::LF).unwrap();
        assert!(provided_ca_problems(cert.as_bytes(), pkcs1.as_bytes()).is_empty());
        let (_, ec_key) = ca(true, vec![KeyUsagePurpose::KeyCertSign]);
        assert_eq!(
            provided_ca_problems(cert.as_bytes(), ec_key.as_bytes()),
            vec!["not a valid TLS key pair: tls: private key type does not match public key type"]
        );
    }

    #[test]
    fn rejects_what_kuma_rejects() {
        let (cert, key) = ca(false, vec![KeyUsagePurpose::DigitalSignature]);
        assert_eq!(
            provided_ca_problems(cert.as_bytes(), key.as_bytes()),
            vec![
                "basic constraint 'CA' must be set to 'true' (see X509-SVID: 4.1. Basic Constraints)",
                "key usage extension 'keyCertSign' must be set (see X509-SVID: 4.3. Key Usage)",
            ]
        );
        let (_, other_key) = ca(true, vec![KeyUsagePurpose::KeyCertSign]);
        assert_eq!(
            provided_ca_problems(cert.as_bytes(), other_key.as_bytes()),
            vec!["not a valid TLS key pair: tls: private key does not match public key"]
        );
        assert_eq!(
            provided_ca_problems(b"nothing", key.as_bytes()),
            vec!["not a valid TLS key pair: tls: failed to find any PEM data in certificate input"]
        );
        assert_eq!(
            provided_ca_problems(key.as_bytes(), cert.as_bytes()),
            vec![
                "not a valid TLS key pair: tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched"
            ]
        );
    }
}
