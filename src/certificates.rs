//! X.509 certificates and their keys, generated here: RSA keys made with the `rsa` crate
//! and loaded into rcgen (which signs with ring, and ring cannot generate RSA keys),
//! random serial numbers, and the self-signed pair of `kumactl generate tls-certificate`.

use anyhow::Context;
use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, ExtendedKeyUsagePurpose, IsCa, KeyPair,
    KeyUsagePurpose, SanType, SerialNumber,
};
use rsa::RsaPrivateKey;
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::pkcs8::{EncodePrivateKey, LineEnding};
use std::net::IpAddr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The size of every RSA key we generate (Kuma's `pkg/util/rsa/keygen.go` `DefaultKeySize`).
pub const RSA_KEY_BITS: usize = 2048;

pub fn new_rsa_key() -> anyhow::Result<RsaPrivateKey> {
    RsaPrivateKey::new(&mut rand::thread_rng(), RSA_KEY_BITS)
        .context("could not generate an RSA key")
}

/// An RSA key as rcgen signs with it.
pub fn rcgen_key(key: &RsaPrivateKey) -> anyhow::Result<KeyPair> {
    let pem = key
        .to_pkcs8_pem(LineEnding::LF)
        .context("could not encode the private key")?;
    KeyPair::from_pkcs8_pem_and_sign_algo(&pem, &rcgen::PKCS_RSA_SHA256)
        .context("could not load the RSA key")
}

/// PKCS#1 `RSA PRIVATE KEY` PEM, as Go's `x509.MarshalPKCS1PrivateKey` and Kuma write it.
pub fn rsa_key_pem(key: &RsaPrivateKey) -> anyhow::Result<String> {
    Ok(key
        .to_pkcs1_pem(LineEnding::LF)
        .context("could not encode the private key")?
        .to_string())
}

/// A random positive 128-bit serial number.
pub fn random_serial() -> SerialNumber {
    let mut bytes: [u8; 16] = rand::random();
    bytes[0] &= 0x7f;
    SerialNumber::from_slice(&bytes)
}

/// Seconds since the epoch, now.
pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs()
}

/// What a `generate tls-certificate` certificate is for: its one extended key usage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertUsage {
    Server,
    Client,
}

/// The key algorithm of a `generate tls-certificate` pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyType {
    /// RSA 2048, written as PKCS#1 `RSA PRIVATE KEY`.
    Rsa,
    /// ECDSA P-256, written as SEC1 `EC PRIVATE KEY`.
    Ecdsa,
}

/// PEM texts of a generated key and certificate.
#[derive(Debug, Clone)]
pub struct KeyAndCert {
    pub key_pem: String,
    pub cert_pem: String,
}

/// The self-signed pair of Kuma's `pkg/tls/cert.go` `NewSelfSignedCert`: an empty subject
/// (so the SAN extension is critical), CA:TRUE because there is no parent, key usages
/// digitalSignature, keyEncipherment and keyCertSign, one extended key usage, a SAN per
/// host name (an IP address becomes an IP SAN) in the given order, a random 128-bit
/// serial, valid from five minutes ago for 87600 hours.
pub fn self_signed(
    usage: CertUsage,
    key_type: KeyType,
    hosts: &[String],
) -> anyhow::Result<KeyAndCert> {
    let (key_pair, key_pem) = match key_type {
        KeyType::Rsa => {
            let key = new_rsa_key()?;
            (rcgen_key(&key)?, rsa_key_pem(&key)?)
        }
        KeyType::Ecdsa => {
            let pair = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256)
                .context("could not generate an ECDSA key")?;
            let pem = sec1_p256_pem(&pair)?;
            (pair, pem)
        }
    };
    let mut params = CertificateParams::default();
    params.distinguished_name = DistinguishedName::new();
    params.subject_alt_names = hosts
        .iter()
        .map(|host| match host.parse::<IpAddr>() {
            Ok(ip) => Ok(SanType::IpAddress(ip)),
            Err(_) => host
                .as_str()
                .try_into()
                .map(SanType::DnsName)
                .with_context(|| format!("invalid hostname {host:?}")),
        })
        .collect::<anyhow::Result<_>>()?;
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
        KeyUsagePurpose::KeyCertSign,
    ];
    params.extended_key_usages = vec![match usage {
        CertUsage::Server => ExtendedKeyUsagePurpose::ServerAuth,
        CertUsage::Client => ExtendedKeyUsagePurpose::ClientAuth,
    }];
    params.serial_number = Some(random_serial());
    let epoch = rcgen::date_time_ymd(1970, 1, 1);
    params.not_before = epoch + Duration::from_secs(now_secs().saturating_sub(5 * 60));
    params.not_after = params.not_before + Duration::from_secs(87_600 * 3600);
    let cert = params.self_signed(&key_pair)?;
    Ok(KeyAndCert {
        key_pem,
        cert_pem: cert.pem(),
    }
    .with_lf_endings())
}

impl KeyAndCert {
    /// Both PEM texts end with one `\n`, as Go's `pem.Encode` writes them.
    fn with_lf_endings(mut self) -> KeyAndCert {
        for text in [&mut self.key_pem, &mut self.cert_pem] {
            *text = text.replace("\r\n", "\n");
            if !text.ends_with('\n') {
                text.push('\n');
            }
        }
        self
    }
}

/// The P-256 key as Go's `x509.MarshalECPrivateKey` writes it (SEC1 `EC PRIVATE KEY`,
/// with the curve's OID and the public point). ring's PKCS#8 form holds the same
/// ECPrivateKey without the curve, which PKCS#8's algorithm identifier carries.
fn sec1_p256_pem(pair: &KeyPair) -> anyhow::Result<String> {
    let pkcs8 = pair.serialize_der();
    let info = rsa::pkcs8::PrivateKeyInfo::try_from(pkcs8.as_slice())
        .map_err(|e| anyhow::anyhow!("could not read the generated ECDSA key: {e}"))?;
    // SEQUENCE { INTEGER 1, OCTET STRING (32 bytes) d, ... }
    let inner = info.private_key;
    let scalar = match inner {
        [0x30, _, 0x02, 0x01, 0x01, 0x04, 0x20, rest @ ..] if rest.len() >= 32 => &rest[..32],
        _ => anyhow::bail!("could not read the generated ECDSA key: unexpected encoding"),
    };
    let point = pair.public_key_raw();
    anyhow::ensure!(
        point.len() == 65,
        "could not read the generated ECDSA key: unexpected public key"
    );
    // OID 1.2.840.10045.3.1.7 (prime256v1).
    const P256_OID: [u8; 10] = [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
    let mut body = vec![0x02, 0x01, 0x01, 0x04, 0x20];
    body.extend_from_slice(scalar);
    body.extend_from_slice(&[0xa0, P256_OID.len() as u8]);
    body.extend_from_slice(&P256_OID);
    body.extend_from_slice(&[0xa1, 2 + 1 + 65, 0x03, 1 + 65, 0x00]);
    body.extend_from_slice(point);
    let mut der = vec![0x30, body.len() as u8];
    der.extend_from_slice(&body);
    Ok(pem::encode_config(
        &pem::Pem::new("EC PRIVATE KEY", der),
        pem::EncodeConfig::new().set_line_ending(pem::LineEnding::LF),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use x509_parser::prelude::*;

    fn parse(pem_text: &str) -> Vec<u8> {
        ::pem::parse(pem_text).unwrap().into_contents()
    }

    #[test]
    fn ecdsa_keys_are_sec1_with_the_curve_and_the_public_point() {
        let pair = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).unwrap();
        let pem_text = sec1_p256_pem(&pair).unwrap();
        assert!(pem_text.starts_with("-----BEGIN EC PRIVATE KEY-----\n"));
        let der = parse(&pem_text);
        // Go's layout: SEQUENCE of 0x77 bytes, version 1, the 32-byte scalar, [0] the
        // curve, [1] the uncompressed point.
        assert_eq!(&der[..7], &[0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20]);
        assert_eq!(der.len(), 2 + 0x77);
        assert_eq!(&der[39..41], &[0xa0, 0x0a]);
        assert_eq!(&der[51..56], &[0xa1, 0x44, 0x03, 0x42, 0x00]);
        assert_eq!(&der[56..], pair.public_key_raw());
    }

    #[test]
    fn self_signed_certificates_carry_kumas_fields() {
        let hosts = vec!["localhost".to_string(), "10.0.0.1".to_string()];
        let pair = self_signed(CertUsage::Client, KeyType::Ecdsa, &hosts).unwrap();
        let der = parse(&pair.cert_pem);
        let (_, cert) = X509Certificate::from_der(&der).unwrap();
        assert!(cert.subject().as_raw().len() <= 2, "empty subject");
        assert!(cert.is_ca());
        let eku = cert.extended_key_usage().unwrap().unwrap().value;
        assert!(eku.client_auth && !eku.server_auth);
        let san = cert.subject_alternative_name().unwrap().unwrap();
        assert!(san.critical);
        assert_eq!(
            san.value.general_names,
            vec![
                GeneralName::DNSName("localhost"),
                GeneralName::IPAddress(&[10, 0, 0, 1])
            ]
        );
    }
}
