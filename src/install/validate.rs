//! The chart's `fail`/`required` checks (`deployments/charts/kuma/templates/*.yaml` and
//! `_helpers.tpl`), with the same messages (without Helm's template positions), run in
//! the order Go reports them: Helm executes the templates in reverse lexical order and
//! stops at the first failure (mesh-scoped zone proxies, ingress, egress, webhooks and
//! secrets, KDS secrets, then the control plane Deployment, then cert-manager, then CNI).

use super::values::Values;
use crate::build_info::KUMA_VERSION;
use anyhow::bail;
use serde_json::Value;

const MODES: [&str; 3] = ["zone", "global", "standalone"];
const ENVIRONMENTS: [&str; 2] = ["kubernetes", "universal"];
const DEFAULT_REGISTRY: &str = "docker.io/kumahq";
/// Longest name of a Service (an RFC 1035 label).
const MAX_SERVICE_NAME: usize = 63;

pub fn validate(values: &Values) -> anyhow::Result<()> {
    let mode = values.text("controlPlane.mode");
    let environment = values.text("controlPlane.environment");
    let ingress = values.truthy("ingress.enabled");
    let egress = values.truthy("egress.enabled");

    let name_override = values.text("nameOverride");
    if !name_override.is_empty() && name_override != super::RELEASE_NAME {
        bail!(
            "nameOverride={name_override:?} is not supported by this kumactl: it names every object kuma-*"
        );
    }
    check_mesh_zone_proxies(values, &mode)?;

    if ingress && (mode == "global" || mode == "standalone") {
        bail!("You shouldn't run zoneIngress when running the CP in global or standalone");
    }
    if ingress {
        check_image(values, "dataPlane.image")?;
    }
    if egress && mode == "global" {
        bail!("You shouldn't run zoneEgress when running the CP in global");
    }
    if egress {
        check_image(values, "dataPlane.image")?;
    }

    let cert_manager = values.truthy("controlPlane.tls.general.certManager.enabled");
    let secret_name = values.truthy("controlPlane.tls.general.secretName");
    let ca_bundle = values.truthy("controlPlane.tls.general.caBundle");
    if cert_manager && (secret_name || ca_bundle) {
        bail!(
            "When controlPlane.tls.general.certManager.enabled is true, secretName and caBundle must be empty"
        );
    }
    if secret_name != ca_bundle {
        bail!(
            "You need to send both or neither of controlPlane.tls.general.caBundle and controlPlane.tls.general.secretName"
        );
    }

    if mode == "zone"
        && values.truthy("controlPlane.tls.kdsZoneClient.create")
        && !values.truthy("controlPlane.tls.kdsZoneClient.cert")
    {
        bail!("you must provide a kds cert");
    }
    if mode == "global" && values.truthy("controlPlane.tls.kdsGlobalServer.create") {
        if !values.truthy("controlPlane.tls.kdsGlobalServer.cert") {
            bail!("you must provide a kds tls cert");
        }
        if !values.truthy("controlPlane.tls.kdsGlobalServer.key") {
            bail!("you must provide a kds tls key");
        }
    }

    if !MODES.contains(&mode.as_str()) {
        bail!("controlPlane.mode invalid got:'{mode}' supported values: global,zone,standalone");
    }
    let zone = values.text("controlPlane.zone");
    let kds_address = values.text("controlPlane.kdsGlobalAddress");
    if mode == "zone" {
        if !zone.is_empty() {
            if zone.len() > 253 {
                bail!("controlPlane.zone must be no more than 253 characters");
            }
            if !is_dns_subdomain(&zone) {
                bail!(
                    "controlPlane.zone must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
                );
            }
        }
        if !kds_address.is_empty() {
            let scheme = url_scheme(&kds_address).map_err(|reason| {
                anyhow::anyhow!("unable to parse url: parse {kds_address:?}: {reason}")
            })?;
            if scheme != "grpcs" && scheme != "grpc" {
                bail!(
                    "controlPlane.kdsGlobalAddress must be a url with scheme grpcs:// or grpc:// got:'{kds_address}'"
                );
            }
        }
    } else {
        if !zone.is_empty() {
            bail!("Can't specify a controlPlane.zone when controlPlane.mode!='zone'");
        }
        if !kds_address.is_empty() {
            bail!("Can't specify a controlPlane.kdsGlobalAddress when controlPlane.mode!='zone'");
        }
    }
    // Go's chart has no such check: any other value renders a control plane with the
    // kubernetes environment variables but without its RBAC and webhooks.
    if !ENVIRONMENTS.contains(&environment.as_str()) {
        bail!(
            "controlPlane.environment invalid got:'{environment}' supported values: kubernetes,universal"
        );
    }
    if environment == "universal" {
        if mode == "zone" {
            if ingress {
                bail!("Can't have ingress.enabled when running controlPlane.mode=='universal'");
            }
            if egress {
                bail!("Can't have egress.enabled when running controlPlane.mode=='universal'");
            }
        }
        let postgres_tls = values.text("postgres.tls.mode");
        if (postgres_tls == "verifyCa" || postgres_tls == "verifyFull")
            && !values.truthy("postgres.tls.caSecretName")
        {
            bail!(
                "if mode is 'verifyCa' or 'verifyFull' then you must provide .Values.postgres.tls.caSecretName"
            );
        }
    } else {
        // The kubernetes environment names the injected images.
        check_image(values, "dataPlane.initImage")?;
        check_image(values, "dataPlane.image")?;
    }
    check_image(values, "controlPlane.image")?;

    if cert_manager {
        // The chart also fails when a connected cluster lacks cert-manager's CRDs;
        // kumactl never connects, so that check cannot apply.
        let dns_names = values.string_list("controlPlane.tls.general.certManager.dnsNames")?;
        if dns_names.is_empty() {
            bail!("controlPlane.tls.general.certManager.dnsNames must not be empty");
        }
        if dns_names.iter().any(String::is_empty) {
            bail!("controlPlane.tls.general.certManager.dnsNames must not contain empty strings");
        }
    }
    if values.truthy("cni.enabled") {
        check_image(values, "cni.image")?;
    }
    Ok(())
}

/// The mesh-scoped zone proxies of `meshes[]`: each entry names its mesh, they need
/// zone mode, and every enabled role has a complete image and a Service name that fits.
fn check_mesh_zone_proxies(values: &Values, mode: &str) -> anyhow::Result<()> {
    let meshes = match values.get("meshes") {
        None | Some(Value::Null) => return Ok(()),
        Some(Value::Array(meshes)) => meshes,
        Some(_) => bail!("meshes must be a list of {{name, ingress, egress}}"),
    };
    for mesh in meshes {
        let name = mesh.get("name").map(super::values::go_text);
        let Some(name) = name.filter(|name| !name.is_empty()) else {
            bail!("each meshes entry must have a name");
        };
        let roles = super::render::mesh_zone_proxy::enabled_roles(mesh);
        if !roles.is_empty() && mode != "zone" {
            bail!("meshes[{name}]: mesh-scoped zone proxies require controlPlane.mode=zone");
        }
        for role in roles {
            let service = super::render::mesh_zone_proxy::service_name(mesh, role);
            if service.len() > MAX_SERVICE_NAME {
                bail!(
                    "zone proxy service name \"{service}\" exceeds {MAX_SERVICE_NAME} characters; use service.name to set a shorter name"
                );
            }
            if super::render::mesh_zone_proxy::image(values, mesh, role).is_none() {
                bail!(
                    "meshes[{name}].{role}.image is missing: set .Values.zoneProxyImage or meshes[].{role}.image (registry/repository/tag)"
                );
            }
        }
    }
    Ok(())
}

/// The checks of the chart's image formatting: a repository, and no foreign
/// `global.image.tag` with Kuma's own registry. Go compares the tag with its chart's
/// unpublished `0.0.0-preview.vlocal-build`, so it refuses every real version; we
/// compare with the Kuma version we render.
fn check_image(values: &Values, image: &str) -> anyhow::Result<()> {
    if values.text(&format!("{image}.repository")).is_empty() {
        bail!("Must specify image repository");
    }
    let global_tag = values.text("global.image.tag");
    if !global_tag.is_empty()
        && global_tag != KUMA_VERSION
        && values.text("global.image.registry") == DEFAULT_REGISTRY
    {
        bail!(
            "This chart only supports Kuma version \"{KUMA_VERSION}\" but global.image.tag is set to \"{global_tag}\". Set global.image.tag to \"{KUMA_VERSION}\" or skip this check by setting *.image.tag for each individual component."
        );
    }
    Ok(())
}

/// `^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`
fn is_dns_subdomain(name: &str) -> bool {
    let alnum = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    name.split('.').all(|label| {
        let bytes = label.as_bytes();
        match (bytes.first(), bytes.last()) {
            (Some(&first), Some(&last)) => {
                alnum(first) && alnum(last) && bytes.iter().all(|&c| alnum(c) || c == b'-')
            }
            _ => false,
        }
    })
}

/// The lower-cased scheme of `raw` as Go's `url.Parse` finds it, or Go's error reason.
fn url_scheme(raw: &str) -> Result<String, String> {
    if raw.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return Err("net/url: invalid control character in URL".into());
    }
    let (without_fragment, fragment) = match raw.split_once('#') {
        Some((before, after)) => (before, Some(after)),
        None => (raw, None),
    };
    if let Some(fragment) = fragment {
        check_escapes(fragment)?;
    }
    let (scheme, rest) = split_scheme(without_fragment)?;
    let rest = rest.split_once('?').map_or(rest, |(before, _)| before);
    if !rest.starts_with('/') {
        if !scheme.is_empty() {
            // An opaque URL such as `foo.com:5685`: valid, with scheme `foo.com`.
            return Ok(scheme);
        }
        let first_segment = rest.split('/').next().unwrap_or_default();
        if first_segment.contains(':') {
            return Err("first path segment in URL cannot contain colon".into());
        }
    }
    let has_authority = rest.starts_with("//") && (!scheme.is_empty() || !rest.starts_with("///"));
    let path = if has_authority {
        let after = &rest[2..];
        let (authority, path) = match after.find('/') {
            Some(i) => (&after[..i], &after[i..]),
            None => (after, ""),
        };
        check_authority(authority)?;
        path
    } else {
        rest
    };
    check_escapes(path)?;
    Ok(scheme)
}

fn split_scheme(raw: &str) -> Result<(String, &str), String> {
    for (i, c) in raw.char_indices() {
        match c {
            'a'..='z' | 'A'..='Z' => {}
            '0'..='9' | '+' | '-' | '.' if i > 0 => {}
            ':' if i == 0 => return Err("missing protocol scheme".into()),
            ':' => return Ok((raw[..i].to_ascii_lowercase(), &raw[i + 1..])),
            _ => return Ok((String::new(), raw)),
        }
    }
    Ok((String::new(), raw))
}

fn check_authority(authority: &str) -> Result<(), String> {
    let host = match authority.rfind('@') {
        Some(i) => {
            let userinfo = &authority[..i];
            let allowed = |c: char| c.is_ascii_alphanumeric() || "-._:~!$&'()*+,;=%@".contains(c);
            if !userinfo.chars().all(allowed) {
                return Err("net/url: invalid userinfo".into());
            }
            &authority[i + 1..]
        }
        None => authority,
    };
    if host.starts_with('[') {
        let Some(end) = host.find(']') else {
            return Err("missing ']' in host".into());
        };
        let port = &host[end + 1..];
        if !port.is_empty() && !is_valid_port(port) {
            return Err(format!("invalid port {port:?} after host"));
        }
        return Ok(());
    }
    if let Some(i) = host.rfind(':') {
        let port = &host[i..];
        if !is_valid_port(port) {
            return Err(format!("invalid port {port:?} after host"));
        }
    }
    check_escapes(host)?;
    if let Some(bad) = host.chars().find(|&c| {
        c.is_ascii() && !(c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:[]<>\"%".contains(c))
    }) {
        return Err(format!(
            "invalid character {:?} in host name",
            bad.to_string()
        ));
    }
    Ok(())
}

/// `:` followed by digits only (or nothing).
fn is_valid_port(port: &str) -> bool {
    port.strip_prefix(':')
        .is_some_and(|digits| digits.bytes().all(|b| b.is_ascii_digit()))
}

fn check_escapes(text: &str) -> Result<(), String> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let valid = bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
            if !valid {
                let end = (i + 3).min(text.len());
                return Err(format!("invalid URL escape {:?}", &text[i..end]));
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_names() {
        assert!(is_dns_subdomain("zone-1"));
        assert!(is_dns_subdomain("a.b-c.d"));
        assert!(!is_dns_subdomain("Invalid_z0ne"));
        assert!(!is_dns_subdomain("-a"));
        assert!(!is_dns_subdomain("a."));
        assert!(!is_dns_subdomain("a..b"));
    }

    #[test]
    fn urls_like_go() {
        assert_eq!(url_scheme("grpcs://192.168.0.1:5685").unwrap(), "grpcs");
        assert_eq!(url_scheme("GRPC://foo.com").unwrap(), "grpc");
        assert_eq!(url_scheme("http://192.168.0.1:1234").unwrap(), "http");
        assert_eq!(url_scheme("foo.com:5685").unwrap(), "foo.com");
        assert_eq!(url_scheme("foo").unwrap(), "");
        assert_eq!(
            url_scheme("192.168.0.1:1234").unwrap_err(),
            "first path segment in URL cannot contain colon"
        );
        assert_eq!(url_scheme(":5685").unwrap_err(), "missing protocol scheme");
        assert_eq!(
            url_scheme("grpcs://host:port").unwrap_err(),
            "invalid port \":port\" after host"
        );
        assert_eq!(
            url_scheme("grpcs://a b").unwrap_err(),
            "invalid character \" \" in host name"
        );
        assert_eq!(
            url_scheme("grpcs://h/%zz").unwrap_err(),
            "invalid URL escape \"%zz\""
        );
    }
}
