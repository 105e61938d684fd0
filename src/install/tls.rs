//! The `kuma-tls-cert` Secret's content when no `--tls-general-secret` is given (chart:
//! `deployments/charts/kuma/templates/cp-webhooks-and-secrets.yaml`): a fresh self-signed
//! CA `kuma-ca` and a serving certificate for the control plane Service, both RSA 2048
//! and valid 10 years, PEM encoded with PKCS#1 keys.

use crate::certificates::{new_rsa_key, now_secs, random_serial, rcgen_key, rsa_key_pem};
use anyhow::Context;
use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyUsagePurpose,
};
use std::time::Duration;

const VALIDITY: Duration = Duration::from_secs(3650 * 24 * 60 * 60);
pub const CA_COMMON_NAME: &str = "kuma-ca";

/// PEM texts of the generated CA and serving certificate.
#[derive(Debug, Clone)]
pub struct GeneratedTls {
    pub ca_cert_pem: String,
    pub cert_pem: String,
    pub key_pem: String,
}

/// The DNS names of the serving certificate: `<svc>.<ns>` and `<svc>.<ns>.svc`.
pub fn dns_names(service_name: &str, namespace: &str) -> Vec<String> {
    vec![
        format!("{service_name}.{namespace}"),
        format!("{service_name}.{namespace}.svc"),
    ]
}

/// Generates the CA and the serving certificate for `service_name` in `namespace`.
pub fn generate(service_name: &str, namespace: &str) -> anyhow::Result<GeneratedTls> {
    // RSA key generation dominates the run time; the two keys are independent.
    let (ca_key, serving_key) = std::thread::scope(|scope| {
        let ca = scope.spawn(new_rsa_key);
        let serving = new_rsa_key();
        let ca = ca
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("key generation failed")));
        (ca, serving)
    });
    let (ca_key, serving_key) = (ca_key?, serving_key?);

    let now = now_secs();

    let mut ca_params = CertificateParams::new(Vec::<String>::new())?;
    ca_params.distinguished_name = common_name(CA_COMMON_NAME);
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.key_usages = vec![
        KeyUsagePurpose::KeyEncipherment,
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyCertSign,
    ];
    ca_params.extended_key_usages = server_and_client();
    ca_params.serial_number = Some(random_serial());
    set_validity(&mut ca_params, now);
    let ca_key_pair = rcgen_key(&ca_key)?;
    let ca_cert = ca_params
        .self_signed(&ca_key_pair)
        .context("could not sign the CA certificate")?;

    let mut params = CertificateParams::new(dns_names(service_name, namespace))?;
    params.distinguished_name = common_name(service_name);
    params.key_usages = vec![
        KeyUsagePurpose::KeyEncipherment,
        KeyUsagePurpose::DigitalSignature,
    ];
    params.extended_key_usages = server_and_client();
    params.serial_number = Some(random_serial());
    set_validity(&mut params, now);
    let serving_key_pair = rcgen_key(&serving_key)?;
    let issuer = Issuer::new(ca_params, ca_key_pair);
    let cert = params
        .signed_by(&serving_key_pair, &issuer)
        .context("could not sign the serving certificate")?;

    Ok(GeneratedTls {
        ca_cert_pem: ca_cert.pem(),
        cert_pem: cert.pem(),
        key_pem: rsa_key_pem(&serving_key)?,
    })
}

fn common_name(name: &str) -> DistinguishedName {
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, name);
    dn
}

fn server_and_client() -> Vec<ExtendedKeyUsagePurpose> {
    vec![
        ExtendedKeyUsagePurpose::ServerAuth,
        ExtendedKeyUsagePurpose::ClientAuth,
    ]
}

/// Valid from `now` (seconds since the epoch) for ten years.
fn set_validity(params: &mut CertificateParams, now: u64) {
    params.not_before = rcgen::date_time_ymd(1970, 1, 1) + Duration::from_secs(now);
    params.not_after = params.not_before + VALIDITY;
}
