//! Resource specs: the one entry point kumactl and kuma-cp-lite use to read and check a
//! resource's spec. Legacy (proto) types are data: their messages are tables in
//! [`proto`], read and written by one jsonpb reader, and checked by [`legacy`]; Mesh and
//! the secrets keep typed models (`TypedSpec`), which the control plane reads.
//!
//! Flow, shared by `kumactl apply` and `PUT` on kuma-cp-lite:
//! 1. [`decode`]: reads the spec like Kuma's jsonpb (unknown fields dropped, wrong types
//!    rejected with Go's error text) and re-encodes it canonically (proto field order,
//!    zero values omitted). Types without a proto message pass through unchanged.
//! 2. [`validate`]: the resource-level rules of each type's `Validate` (Go:
//!    `pkg/core/resources/apis/mesh/*_validator.go`; not the meta rules, see
//!    [`crate::resources::meta::validate_meta`], nor the control plane's manager rules).
//!
//! [`parse`] does both, with errors worded as kumactl prints them after
//! `failed to parse resource: `.

pub mod checks;
pub mod dataplane;
pub mod gojson;
pub mod goregexp;
pub mod insight;
pub mod jsonpb;
pub mod k8s;
pub mod legacy;
pub mod mesh;
pub mod mesh_identity;
pub mod proto;
pub mod secret;

pub use mesh::MeshSpec;
pub use secret::SecretSpec;

use super::meta::{Violation, join_violations};
use super::resource::Resource;
use jsonpb::Reader;
use serde_json::{Map, Value};

/// A spec that is not a valid encoding of its type: Kuma's `invalid <Type> object`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// The resource type, e.g. `ZoneEgress`.
    pub type_name: String,
    /// Go's decoding error, e.g. `json: cannot unmarshal string into Go value of type
    /// bool`. kumactl, which reads YAML, prefixes it with sigs.k8s.io/yaml's
    /// `error unmarshaling JSON: while decoding JSON: `.
    pub reason: String,
}

impl DecodeError {
    pub fn new(type_name: &str, reason: impl Into<String>) -> DecodeError {
        DecodeError {
            type_name: type_name.to_string(),
            reason: reason.into(),
        }
    }
}

impl std::fmt::Display for DecodeError {
    /// `invalid ZoneEgress object: "json: cannot unmarshal ..."` (the reason Go-quoted).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "invalid {} object: {}",
            self.type_name,
            gojson::quote(&self.reason)
        )
    }
}

impl std::error::Error for DecodeError {}

/// Why [`parse`] rejected a spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpecError {
    Decode(DecodeError),
    /// Rule violations, in Kuma's order.
    Invalid(Vec<Violation>),
}

impl std::fmt::Display for SpecError {
    /// The text kumactl prints after `failed to parse resource: `: the decoding error, or
    /// the violations joined by `"; "` (`networking.port: port must be ...`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SpecError::Decode(err) => err.fmt(f),
            SpecError::Invalid(violations) => f.write_str(&join_violations(violations)),
        }
    }
}

impl std::error::Error for SpecError {}

/// A typed spec of one of the fully modelled types.
#[derive(Clone, Debug, PartialEq)]
pub enum TypedSpec {
    Mesh(Box<MeshSpec>),
    /// Secret and GlobalSecret.
    Secret(SecretSpec),
}

impl TypedSpec {
    /// Reads the spec fields of a resource of type `type_name`; `None` for types carried
    /// as plain JSON.
    pub fn read(
        type_name: &str,
        spec: &Map<String, Value>,
    ) -> Option<Result<TypedSpec, DecodeError>> {
        let reader = Reader::from_map(spec);
        let result = match type_name {
            "Mesh" => MeshSpec::read(reader).map(|spec| TypedSpec::Mesh(Box::new(spec))),
            "Secret" | "GlobalSecret" => SecretSpec::read(reader).map(TypedSpec::Secret),
            _ => return None,
        };
        Some(result.map_err(|reason| DecodeError::new(type_name, reason)))
    }

    /// The canonical jsonpb form.
    pub fn write(&self) -> Map<String, Value> {
        match self {
            TypedSpec::Mesh(spec) => spec.write(),
            TypedSpec::Secret(spec) => spec.write(),
        }
    }

    pub fn validate(&self) -> Vec<Violation> {
        match self {
            TypedSpec::Mesh(spec) => spec.validate(),
            TypedSpec::Secret(spec) => spec.validate(),
        }
    }
}

/// Reads the spec of `resource` as Kuma would and returns the resource with its spec in
/// canonical form (proto field order, zero values and unknown fields dropped). Types not
/// modelled here are returned unchanged.
pub fn decode(mut resource: Resource) -> Result<Resource, DecodeError> {
    let type_name = resource.meta.resource_type.name;
    if let Some(typed) = TypedSpec::read(type_name, &resource.spec) {
        resource.spec = typed?.write();
    } else if let Some(message) = proto::message_of(type_name) {
        resource.spec = proto::decode_message(message, &resource.spec)
            .map_err(|reason| DecodeError::new(type_name, reason))?;
    } else if let Some(schema) = crate::resources::openapi::compiled_of(type_name) {
        crate::resources::openapi::decode::spec_fields(type_name, &mut resource.spec, schema);
        if let Some(spec) = resource.spec.get_mut("spec") {
            crate::resources::policies::durations::decode(type_name, spec)
                .map_err(|reason| DecodeError::new(type_name, reason))?;
        }
    }
    Ok(resource)
}

/// The resource-level rule violations of the spec (the validators of Go's
/// `pkg/core/resources/apis/mesh/`, and the secret rule), empty when valid or when the
/// type has no validator here. Expects a spec that [`decode`] accepts; one
/// that does not decode yields no violations here. The resource is borrowed mutably only
/// to lend its spec to the legacy validators as a JSON value without copying it; it is
/// left as it was.
pub fn validate(resource: &mut Resource) -> Vec<Violation> {
    let type_name = resource.meta.resource_type.name;
    match TypedSpec::read(type_name, &resource.spec) {
        Some(Ok(typed)) => typed.validate(),
        Some(Err(_)) => Vec::new(),
        None if crate::resources::openapi::is_new_style_type(type_name) => {
            crate::resources::policies::validate(resource)
        }
        None => {
            let spec = Value::Object(std::mem::take(&mut resource.spec));
            let violations = legacy::validate(type_name, &spec).unwrap_or_default();
            if let Value::Object(fields) = spec {
                resource.spec = fields;
            }
            violations
        }
    }
}

/// [`decode`] then [`validate`]: what Kuma does when it reads a resource.
pub fn parse(resource: Resource) -> Result<Resource, SpecError> {
    let mut decoded = decode(resource).map_err(SpecError::Decode)?;
    let violations = validate(&mut decoded);
    if violations.is_empty() {
        Ok(decoded)
    } else {
        Err(SpecError::Invalid(violations))
    }
}

/// Deprecation warnings the control plane returns on a successful PUT (Go:
/// `pkg/core/resources/apis/mesh/deprecated.go`).
pub fn warnings(resource: &Resource) -> Vec<String> {
    match resource.meta.resource_type.name {
        // The display name: the `kuma.io/display-name` label, else the name.
        type_name @ ("Mesh" | "Zone") => mesh::name_warning(
            type_name,
            resource
                .meta
                .labels
                .get(crate::resources::kri::DISPLAY_NAME_LABEL)
                .unwrap_or(&resource.meta.name),
        )
        .into_iter()
        .collect(),
        _ => crate::resources::policies::warnings::of(resource),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn resource(value: Value) -> Resource {
        Resource::from_json(value).unwrap()
    }

    #[test]
    fn decode_canonicalizes_every_modelled_spec() {
        let ze = decode(resource(json!({
            "type": "ZoneEgress", "name": "zoneegress-1",
            "networking": {"port": 10002, "address": "192.168.0.1"}, "bogus": 1
        })))
        .unwrap();
        assert_eq!(
            serde_json::to_string(&ze.spec).unwrap(),
            r#"{"networking":{"address":"192.168.0.1","port":10002}}"#
        );
        // New-style types keep what their schema describes, without the request's status.
        let policy = decode(resource(json!({
            "type": "MeshTimeout", "name": "t", "mesh": "default",
            "spec": {"x": 1, "targetRef": {"kind": "Mesh"}}, "status": {}, "other": 1
        })))
        .unwrap();
        assert_eq!(
            serde_json::to_string(&policy.spec).unwrap(),
            r#"{"spec":{"targetRef":{"kind":"Mesh"}}}"#
        );
        // Legacy types without a typed model go through their proto table: unknown
        // fields are dropped as jsonpb drops them.
        let legacy = resource(json!({"type": "TrafficRoute", "name": "r", "mesh": "m", "x": 1}));
        assert!(decode(legacy).unwrap().spec.is_empty());
    }

    #[test]
    fn parse_reports_like_kumactl() {
        let err = parse(resource(
            json!({"type": "ZoneEgress", "name": "z", "networking": {"port": 70000}}),
        ))
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "networking.port: port must be in the range [1, 65535]"
        );
        let err = parse(resource(
            json!({"type": "Mesh", "name": "m", "routing": {"zoneEgress": true}}),
        ))
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "mtls: has to be set when zoneEgress enabled"
        );
        let err = parse(resource(
            json!({"type": "ZoneEgress", "name": "z", "networking": {"port": true}}),
        ))
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"invalid ZoneEgress object: "json: cannot unmarshal bool into Go value of type uint32""#
        );
    }

    #[test]
    fn mesh_name_warning() {
        let mesh = resource(json!({"type": "Mesh", "name": "aa.a"}));
        assert_eq!(warnings(&mesh).len(), 1);
        assert!(warnings(&resource(json!({"type": "Mesh", "name": "default"}))).is_empty());
        assert_eq!(
            warnings(&resource(json!({"type": "Zone", "name": "Zone-1"})))[0],
            "Invalid Zone resource name: 'Zone-1'. It does not conform to the DNS format (RFC 1035). This is deprecated. Errors: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
        );
        assert!(
            warnings(&resource(
                json!({"type": "Zone", "name": "Zone-1", "labels": {"kuma.io/display-name": "zone-1"}})
            ))
            .is_empty()
        );
    }
}
