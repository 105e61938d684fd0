//! A resource in Kuma's Universal form: metadata first (`type, mesh, name, creationTime,
//! modificationTime, labels, kri`), then the spec fields (Go:
//! `pkg/core/resources/model/rest/unversioned/resource.go`,
//! `pkg/core/resources/model/rest/v1alpha1/meta.go`).

use super::descriptor::{self, ResourceType, Scope};
use super::kri;
use super::meta::Meta;
use super::time;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The meta fields of the Universal form; everything else is spec.
/// `kri` and `snis` are computed from the rest, never read.
pub const META_FIELDS: [&str; 8] = [
    "type",
    "mesh",
    "name",
    "creationTime",
    "modificationTime",
    "labels",
    "kri",
    "snis",
];

#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    pub meta: Meta,
    /// The non-meta fields, in order: the spec fields of legacy types, or `spec` (and
    /// `status`) of the others.
    pub spec: Map<String, Value>,
}

/// Why a document is not a resource. The texts are kumactl's (Go:
/// `pkg/core/resources/model/rest/unmarshaller.go`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("invalid resource type {0:?}")]
    InvalidType(String),
    #[error("invalid meta type: {0:?}")]
    InvalidMeta(String),
}

impl Resource {
    pub fn resource_type(&self) -> &'static ResourceType {
        self.meta.resource_type
    }

    /// The KRI, for types with a short name.
    pub fn kri(&self) -> Option<String> {
        kri::of(
            self.meta.resource_type,
            &self.meta.mesh,
            &self.meta.name,
            &self.meta.labels,
        )
    }

    /// The meta block as Kuma writes it: `mesh` only for Mesh-scoped types, `labels` only
    /// when there are some, `kri` only for types with a short name.
    pub fn meta_json(&self) -> Map<String, Value> {
        let mut out = Map::new();
        out.insert("type".into(), self.meta.resource_type.name.into());
        if self.meta.resource_type.scope == Scope::Mesh {
            out.insert("mesh".into(), self.meta.mesh.clone().into());
        }
        out.insert("name".into(), self.meta.name.clone().into());
        out.insert(
            "creationTime".into(),
            time::format(&self.meta.creation_time).into(),
        );
        out.insert(
            "modificationTime".into(),
            time::format(&self.meta.modification_time).into(),
        );
        if !self.meta.labels.is_empty() {
            let labels: Map<String, Value> = self
                .meta
                .labels
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect();
            out.insert("labels".into(), Value::Object(labels));
        }
        if let Some(kri) = self.kri() {
            out.insert("kri".into(), kri.into());
        }
        if let Some(snis) = crate::resources::policies::snis::compute(self) {
            out.insert("snis".into(), snis);
        }
        out
    }

    /// The whole Universal JSON object: meta, then spec.
    pub fn to_json(&self) -> Value {
        let mut out = self.meta_json();
        for (k, v) in &self.spec {
            out.insert(k.clone(), v.clone());
        }
        Value::Object(out)
    }

    /// [`Resource::to_json`] of a resource the caller gives away: the spec is moved, not
    /// copied.
    pub fn into_json(self) -> Value {
        let mut out = self.meta_json();
        out.extend(self.spec);
        Value::Object(out)
    }

    /// Reads a Universal document. The type must be known; meta fields must have their
    /// types; times must be Go `time.Time` texts (strict RFC 3339), absent ones are Go's
    /// zero time (the server sets its own); `kri` is ignored (it is computed).
    pub fn from_json(value: Value) -> Result<Resource, ParseError> {
        let Value::Object(mut fields) = value else {
            return Err(ParseError::InvalidMeta(format!(
                "json: cannot unmarshal {} into Go value of type rest.ResourceMeta",
                json_kind(&value)
            )));
        };
        // Go decodes the meta keys in the body's order: a time that `time.Time` refuses
        // ends the decoding at once, while a key of the wrong JSON type is remembered
        // (the first one wins) and decoding goes on (Go: `encoding/json` `decode.go`).
        let mut times = (time::zero(), time::zero());
        for (key, value) in &fields {
            let slot = match key.as_str() {
                "creationTime" => &mut times.0,
                "modificationTime" => &mut times.1,
                _ => continue,
            };
            *slot = time::from_json_value(value).map_err(ParseError::InvalidMeta)?;
        }
        if let Some(err) = fields
            .iter()
            .find_map(|(key, value)| meta_type_error(key, value))
        {
            return Err(err);
        }
        let type_name = string_field(&fields, "type")?;
        let resource_type =
            descriptor::by_name(&type_name).ok_or(ParseError::InvalidType(type_name))?;
        let name = string_field(&fields, "name")?;
        let mesh = string_field(&fields, "mesh")?;
        let (creation_time, modification_time) = times;
        let labels = match lookup(&fields, "labels") {
            Some(Value::Object(map)) => map
                .iter()
                // Go decodes a `null` value as the empty string.
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect(),
            _ => BTreeMap::new(),
        };
        fields.retain(|key, _| !META_FIELDS.contains(&key.as_str()));
        Ok(Resource {
            meta: Meta {
                resource_type,
                mesh,
                name,
                creation_time,
                modification_time,
                labels,
            },
            spec: fields,
        })
    }
}

/// The error Go's decoder remembers for a meta key of the wrong JSON type.
fn meta_type_error(key: &str, value: &Value) -> Option<ParseError> {
    let mismatch = |kind: &str, go_type: &str| {
        Some(ParseError::InvalidMeta(format!(
            "json: cannot unmarshal {kind} into Go struct field ResourceMeta.{key} of type {go_type}"
        )))
    };
    match (key, value) {
        (_, Value::Null) => None,
        ("type" | "name" | "mesh", Value::String(_)) => None,
        ("type" | "name" | "mesh", other) => mismatch(json_kind(other), "string"),
        ("labels", Value::Object(map)) => map
            .values()
            .find(|v| !v.is_string() && !v.is_null())
            .and_then(|v| mismatch(json_kind(v), "string")),
        ("labels", other) => mismatch(json_kind(other), "map[string]string"),
        _ => None,
    }
}

/// `map[key]`, by a scan when the map is small: resource bodies and schema objects hold
/// a handful of keys, and comparing a few short keys costs less than hashing one
/// (serde_json's maps hash with SipHash).
pub fn lookup<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    if map.len() <= 16 {
        map.iter().find_map(|(k, v)| same_key(k, key).then_some(v))
    } else {
        map.get(key)
    }
}

/// [`lookup`], for changing the value.
pub fn lookup_mut<'a>(map: &'a mut Map<String, Value>, key: &str) -> Option<&'a mut Value> {
    if map.len() <= 16 {
        map.iter_mut()
            .find_map(|(k, v)| same_key(k, key).then_some(v))
    } else {
        map.get_mut(key)
    }
}

/// `a == b` for short keys: keys of the same length mostly differ in their first byte,
/// which is checked before the bytes are compared in full.
pub fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

fn string_field(fields: &Map<String, Value>, key: &str) -> Result<String, ParseError> {
    match lookup(fields, key) {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(ParseError::InvalidMeta(format!(
            "json: cannot unmarshal {} into Go struct field ResourceMeta.{key} of type string",
            json_kind(other)
        ))),
    }
}

/// Go's name for a JSON value kind in decoding errors.
pub fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn universal_json_puts_meta_first() {
        let doc = json!({
            "networking": {"address": "192.168.0.1", "port": 10002},
            "name": "ze-1",
            "type": "ZoneEgress",
            "labels": {"kuma.io/zone": "default"},
            "kri": "ignored",
        });
        let resource = Resource::from_json(doc).unwrap();
        assert_eq!(
            serde_json::to_string(&resource.to_json()).unwrap(),
            r#"{"type":"ZoneEgress","name":"ze-1","creationTime":"0001-01-01T00:00:00Z","modificationTime":"0001-01-01T00:00:00Z","labels":{"kuma.io/zone":"default"},"kri":"kri_ze__default__ze-1_","networking":{"address":"192.168.0.1","port":10002}}"#
        );
    }

    #[test]
    fn mesh_scoped_types_always_carry_mesh() {
        let resource = Resource::from_json(
            json!({"type": "Secret", "name": "s", "mesh": "default", "data": "dA=="}),
        )
        .unwrap();
        assert_eq!(
            serde_json::to_string(&resource.to_json()).unwrap(),
            r#"{"type":"Secret","mesh":"default","name":"s","creationTime":"0001-01-01T00:00:00Z","modificationTime":"0001-01-01T00:00:00Z","data":"dA=="}"#
        );
    }

    #[test]
    fn type_errors() {
        assert_eq!(
            Resource::from_json(json!({"name": "x"}))
                .unwrap_err()
                .to_string(),
            "invalid resource type \"\""
        );
        assert_eq!(
            Resource::from_json(json!({"type": "Foo"}))
                .unwrap_err()
                .to_string(),
            "invalid resource type \"Foo\""
        );
        assert!(matches!(
            Resource::from_json(json!({"type": "Mesh", "name": 3})).unwrap_err(),
            ParseError::InvalidMeta(_)
        ));
    }
}
