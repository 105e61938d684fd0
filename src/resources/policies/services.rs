//! Validators of the service and identity types (Go:
//! `pkg/core/resources/apis/{meshservice,meshexternalservice,meshmultizoneservice,meshidentity,meshtrust,hostnamegenerator,meshopentelemetrybackend}/api/v1alpha1/validator.go`
//! (`validate.go` for hostnamegenerator), `api/common/v1alpha1/datasource/datasource.go`).
//! Go `text/template` parse errors of the template fields are found as far as
//! [`super::gotemplate`] can; HostnameGenerator templates made of the stub fields and
//! `label` are rendered and checked.

use super::common::*;
use super::proxy::tls_version;
use crate::resources::spec::checks::{Violations, is_dns_name, is_ip};
use serde_json::Value;

pub fn mesh_external_service(spec: &Value) -> Violations {
    let mut v = Violations::default();
    if let Some(m) = field(spec, "match") {
        let kind = text(m, "type");
        if !kind.is_empty() && kind != "HostnameGenerator" {
            v.add(
                "spec.match.type",
                format!("unrecognized type '{kind}' - only 'HostnameGenerator' is supported"),
            );
        }
        if number(m, "port").is_some_and(|p| p == 0.0 || p > 65535.0) {
            v.add("spec.match.port", PORT_VALID);
        }
        let protocol = text(m, "protocol");
        let protocols = ["tcp", "grpc", "http", "http2"];
        if !protocol.is_empty() && !protocols.contains(&protocol) {
            v.add(
                "spec.match.protocol",
                must_be_one_of("protocol", &protocols),
            );
        }
    }
    if let Some(extension) = field(spec, "extension") {
        if text(extension, "type").is_empty() {
            v.add("spec.extension.type", MUST_NOT_BE_EMPTY);
        }
        return v;
    }
    for (i, endpoint) in list(spec, "endpoints").iter().enumerate() {
        let address = text(endpoint, "address");
        if is_ip(address) || is_dns_name(address) {
            if number(endpoint, "port").is_some_and(|p| p == 0.0 || p > 65535.0) {
                v.add(format!("spec.endpoints[{i}].port"), PORT_VALID);
            }
        } else {
            v.add(
                format!("spec.endpoints[{i}].address"),
                "address has to be a valid IP or hostname",
            );
        }
    }
    if let Some(tls) = field(spec, "tls") {
        if let Some(version) = field(tls, "version") {
            tls_version(&mut v, "spec.tls.version", version);
        }
        if let Some(verification) = field(tls, "verification") {
            let path = "spec.tls.verification";
            if let Some(server_name) = verification.get("serverName").and_then(Value::as_str)
                && !server_name.is_empty()
                && !is_dns_name(server_name)
            {
                v.add(format!("{path}.serverName"), "must be a valid DNS name");
            }
            let mode = text(verification, "mode");
            let modes = ["SkipSAN", "SkipCA", "SkipAll", "Secured"];
            if !mode.is_empty() && !modes.contains(&mode) {
                v.add(format!("{path}.mode"), must_be_one_of("mode", &modes));
            }
            for (k, san) in list(verification, "subjectAltNames").iter().enumerate() {
                if !matches!(text(san, "type"), "Prefix" | "Exact") {
                    v.add(
                        format!("{path}.subjectAltNames[{k}].type"),
                        must_be_one_of("type", &["Prefix", "Exact"]),
                    );
                }
            }
            let (cert, key) = (
                field(verification, "clientCert").is_some(),
                field(verification, "clientKey").is_some(),
            );
            if cert && !key {
                v.add(
                    format!("{path}.clientKey"),
                    "must be defined when clientCert is defined",
                );
            }
            if key && !cert {
                v.add(
                    format!("{path}.clientCert"),
                    "must be defined when clientKey is defined",
                );
            }
        }
    }
    v
}

pub fn mesh_service(spec: &Value) -> Violations {
    let mut v = Violations::default();
    if let Some(selector) = field(spec, "selector") {
        let set = ["dataplaneTags", "dataplaneRef", "dataplaneLabels"]
            .iter()
            .filter(|k| field(selector, k).is_some())
            .count();
        if set > 1 {
            v.add(
                "spec.selector",
                "must specify only one of: dataplaneTags, dataplaneRef, or dataplaneLabels",
            );
        }
    }
    v
}

pub fn mesh_multi_zone_service(spec: &Value) -> Violations {
    let mut v = Violations::default();
    let labels = field(spec, "selector")
        .and_then(|s| field(s, "meshService"))
        .is_some_and(|m| non_empty(m, "matchLabels"));
    if !labels {
        v.add("spec.selector.meshService.matchLabels", "cannot be empty");
    }
    let ports = list(spec, "ports");
    if ports.is_empty() {
        v.add("spec.ports", "cannot be empty");
    }
    for (i, port) in ports.iter().enumerate() {
        if port.get("name") == Some(&Value::String(String::new())) {
            v.add(format!("spec.ports[{i}].name"), MUST_NOT_BE_EMPTY);
        }
        let protocol = text(port, "appProtocol");
        if !protocol.is_empty() && !matches!(protocol, "grpc" | "http" | "http2" | "kafka" | "tcp")
        {
            v.add(
                format!("spec.ports[{i}].appProtocol"),
                "appProtocol must be one of: grpc, http, http2, kafka, tcp",
            );
        }
    }
    v
}

pub fn mesh_trust(spec: &Value) -> Violations {
    let mut v = Violations::default();
    let bundles = list(spec, "caBundles");
    if bundles.is_empty() {
        v.add("spec.caBundles", MUST_NOT_BE_EMPTY);
        return v;
    }
    for (i, bundle) in bundles.iter().enumerate() {
        match text(bundle, "type") {
            "Pem" => match field(bundle, "pem") {
                None => v.add(format!("spec.caBundles[{i}].pem"), MUST_BE_DEFINED),
                Some(pem) => {
                    if !is_certificate_pem(text(pem, "value")) {
                        v.add(
                            format!("spec.caBundles[{i}].pem.value"),
                            "provided certificate has incorrect format",
                        );
                    }
                }
            },
            other => v.add(
                "spec.caBundles.type",
                format!("{other} must be one of: Pem"),
            ),
        }
    }
    let trust_domain = text(spec, "trustDomain");
    if trust_domain.is_empty() {
        v.add("spec.trustDomain", "trustDomain needs to be defined");
    } else if trust_domain.chars().count() > 253 {
        v.add("spec.trustDomain", "must not be longer than 253 characters");
    }
    v
}

/// A PEM block that is not a private key (Go's `pem.Decode` on the first block).
fn is_certificate_pem(text: &str) -> bool {
    match pem::parse(text) {
        Ok(block) => !matches!(
            block.tag(),
            "PRIVATE KEY"
                | "RSA PRIVATE KEY"
                | "EC PRIVATE KEY"
                | "DSA PRIVATE KEY"
                | "ENCRYPTED PRIVATE KEY"
        ),
        Err(_) => false,
    }
}

pub fn hostname_generator(spec: &Value) -> Violations {
    let mut v = Violations::default();
    let selectors = field(spec, "selector").map_or(0, |s| {
        ["meshService", "meshExternalService", "meshMultiZoneService"]
            .iter()
            .filter(|k| field(s, k).is_some())
            .count()
    });
    if selectors != 1 {
        v.add(
            "spec.selector",
            "exact one selector (meshService, meshExternalService) must be defined",
        );
    }
    let template = text(spec, "template");
    if template.is_empty() {
        v.add("spec.template", MUST_NOT_BE_EMPTY);
    } else if let Some(err) = super::gotemplate::parse_error(template) {
        v.add("spec.template", format!("couldn't parse template: {err}"));
    } else if let Some(rendered) = render_with_stubs(template) {
        let errors = dns1123_subdomain(&rendered);
        if !errors.is_empty() {
            v.add(
                "spec.template",
                format!(
                    "template renders to {} which is not a valid DNS name: {}",
                    crate::resources::spec::gojson::quote(&rendered),
                    errors.join(", ")
                ),
            );
        }
    }
    if let Some(extension) = field(spec, "extension")
        && text(extension, "type").is_empty()
    {
        v.add("spec.extension.type", MUST_NOT_BE_EMPTY);
    }
    v
}

/// A HostnameGenerator template rendered with Kuma's stub values (`.Name` → `name`,
/// `.DisplayName` → `displayname`, `.Namespace`, `.Mesh`, `.Zone` likewise, and
/// `label "<key>"` → `label`). `None` when the template uses anything else, which only a
/// Go `text/template` engine could render.
fn render_with_stubs(template: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find("}}")?;
        let action = after[..end].trim();
        let value = match action {
            ".Name" => "name",
            ".DisplayName" => "displayname",
            ".Namespace" => "namespace",
            ".Mesh" => "mesh",
            ".Zone" => "zone",
            _ => {
                let key = action.strip_prefix("label ")?.trim();
                if key.len() < 2 || !key.starts_with('"') || !key.ends_with('"') {
                    return None;
                }
                "label"
            }
        };
        out.push_str(value);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Some(out)
}

pub fn mesh_open_telemetry_backend(spec: &Value) -> Violations {
    let mut v = Violations::default();
    if let Some(endpoint) = field(spec, "endpoint") {
        if let Some(address) = endpoint.get("address").and_then(Value::as_str) {
            if address.is_empty() {
                v.add("spec.endpoint.address", MUST_NOT_BE_EMPTY);
            } else if !is_ip(address) && !is_dns_name(address) {
                v.add(
                    "spec.endpoint.address",
                    "address has to be a valid IP or hostname",
                );
            }
        }
        if number(endpoint, "port").is_some_and(|p| p == 0.0 || p > 65535.0) {
            v.add("spec.endpoint.port", PORT_VALID);
        }
        let protocol = match text(spec, "protocol") {
            "" => "grpc",
            other => other,
        };
        let path = text(endpoint, "path");
        if !path.is_empty() {
            if protocol == "grpc" {
                v.add(
                    "spec.endpoint.path",
                    "must not be set when protocol is grpc",
                );
            } else {
                if !path.starts_with('/') {
                    v.add("spec.endpoint.path", "must start with /");
                }
                if path.contains(['?', '#']) {
                    v.add("spec.endpoint.path", "must not contain query or fragment");
                }
            }
        }
    }
    v
}

pub fn mesh_identity(spec: &Value) -> Violations {
    let mut v = Violations::default();
    if let Some(spiffe_id) = field(spec, "spiffeID") {
        for key in ["trustDomain", "path"] {
            if let Some(err) = super::gotemplate::parse_error(text(spiffe_id, key)) {
                v.add(
                    format!("spec.spiffeID.{key}"),
                    format!("couldn't parse template: {err}"),
                );
            }
        }
    }
    let Some(provider) = field(spec, "provider") else {
        return v;
    };
    let path = "spec.provider";
    let kind = text(provider, "type");
    let key = match kind {
        "Bundled" => "bundled",
        "Spire" => "spire",
        "Extension" => "extension",
        other => {
            v.add(
                format!("{path}.type"),
                format!(
                    "{} must be one of [\"Bundled\", \"Spire\", \"Extension\"]",
                    crate::resources::spec::gojson::quote(other)
                ),
            );
            return v;
        }
    };
    let Some(object) = field(provider, key) else {
        v.add(format!("{path}.{key}"), "configuration needs to be defined");
        return v;
    };
    match key {
        "bundled" => {
            let path = format!("{path}.bundled");
            let autogenerate = field(object, "autogenerate")
                .is_some_and(|a| a.get("enabled") == Some(&Value::Bool(true)));
            match (autogenerate, field(object, "ca")) {
                (true, Some(_)) => v.add(
                    format!("{path}.ca"),
                    "shouldn't be defined once using autogenerated",
                ),
                (false, None) => v.add(format!("{path}.ca"), MUST_BE_DEFINED),
                (false, Some(ca)) => {
                    for part in ["certificate", "privateKey"] {
                        match field(ca, part) {
                            None => v.add(format!("{path}.ca.{part}"), MUST_BE_DEFINED),
                            Some(source) => {
                                data_source(&mut v, &format!("{path}.ca.{part}"), source)
                            }
                        }
                    }
                }
                (true, None) => {}
            }
            if let Some(parameters) = field(object, "certificateParameters") {
                non_negative_duration(
                    &mut v,
                    &format!("{path}.certificateParameters"),
                    parameters,
                    "expiry",
                );
            }
        }
        "spire" => {
            if let Some(agent) = field(object, "agent") {
                // Kuma doubles the path here.
                non_negative_duration(
                    &mut v,
                    &format!("{path}.spire.agent.spire.agent"),
                    agent,
                    "timeout",
                );
            }
        }
        _ => {
            if text(object, "name").is_empty() {
                v.add(
                    format!("{path}.extension.name"),
                    "extension name needs to be defined",
                );
            }
        }
    }
    v
}

/// A data source (`api/common/v1alpha1/datasource`) at `path`.
fn data_source(v: &mut Violations, path: &str, source: &Value) {
    let (key, inner) = match text(source, "type") {
        "EnvVar" => ("envVar", "name"),
        "InsecureInline" => ("insecureInline", "value"),
        "File" => ("file", "path"),
        "Secret" => ("secretRef", "name"),
        other => {
            v.add(
                format!("{path}.type"),
                format!("{other} must be one of: EnvVar, InsecureInline, File, Secret"),
            );
            return;
        }
    };
    let Some(object) = field(source, key) else {
        v.add(format!("{path}.{key}"), MUST_BE_DEFINED);
        return;
    };
    let value = text(object, inner);
    if value.is_empty() {
        v.add(format!("{path}.{key}.{inner}"), MUST_BE_DEFINED);
        return;
    }
    if key == "file" {
        if value.contains("..") {
            v.add(
                format!("{path}.file.path"),
                format!("file path contains directory traversal sequence: {value}"),
            );
        } else if !value.starts_with('/') {
            v.add(
                format!("{path}.file.path"),
                format!("file path must be absolute: {value}"),
            );
        }
    }
    if key == "secretRef" && text(object, "kind") != "Secret" {
        v.add(
            format!("{path}.secretRef.kind"),
            format!("{} must be one of: Secret", text(object, "kind")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn hostname_templates_render_with_stubs() {
        assert_eq!(
            render_with_stubs("{{ .DisplayName }}.{{ .Zone }}.mesh.local").as_deref(),
            Some("displayname.zone.mesh.local")
        );
        assert_eq!(
            render_with_stubs("{{ label \"x\" }}.a").as_deref(),
            Some("label.a")
        );
        assert_eq!(render_with_stubs("{{ .Other }}"), None);
        let spec = json!({"selector": {"meshService": {}}, "template": "{{ .Name }}_x"});
        assert_eq!(
            hostname_generator(&spec).into_vec()[0].to_string(),
            "spec.template: template renders to \"name_x\" which is not a valid DNS name: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
        );
    }
}
