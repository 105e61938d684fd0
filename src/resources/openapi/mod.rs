//! The schema engine of the new-style resource types: Kuma checks a whole request body
//! against the type's `<Type>Item` schema before decoding it (Go:
//! `pkg/core/resources/model/rest/unmarshaller.go`, the schemas registered in
//! `pkg/plugins/policies/*/api/v1alpha1/zz_generated.resource.go`).
//!
//! Three steps, each its own module:
//! 1. [`defaults`]: Kubernetes structural defaulting (k8s.io/apiextensions-apiserver
//!    `pkg/apiserver/schema/defaulting/algorithm.go`): a missing or `null` property with
//!    a `default` gets it, inside objects that are present.
//! 2. [`validate`]: kube-openapi's validator (`k8s.io/kube-openapi/pkg/validation/validate`)
//!    with its messages and field paths, turned into violations as Kuma's
//!    `toValidationError` does.
//! 3. [`decode`]: what decoding into Kuma's Go structs and encoding again does to the
//!    body: unknown keys dropped, `null`s dropped, `status` never taken from a request,
//!    keys in Go struct field order.

pub mod decode;
pub mod defaults;
pub mod schema;
pub mod validate;

use super::meta::Violation;
use super::schemas;
use schema::Schema;
use serde_json::{Map, Value};

/// The Item schema of `type_name`, for the types Kuma reads through a schema.
pub fn schema_of(type_name: &str) -> Option<&'static Value> {
    schemas::item(type_name)
}

/// Whether `type_name` is a new-style type, one Kuma reads through a schema.
pub fn is_new_style_type(type_name: &str) -> bool {
    schema::has_item(type_name)
}

/// [`schema_of`], compiled.
pub fn compiled_of(type_name: &str) -> Option<&'static Schema> {
    schema::item(type_name)
}

/// Defaults `body` and checks it against the Item schema of `type_name` (the URL's type
/// on the server, the document's `type` in kumactl). On success `body` holds the defaulted
/// value that Kuma decodes and stores; otherwise the violations, one per distinct
/// schema error.
pub fn check(type_name: &str, body: &mut Value) -> Result<(), Vec<Violation>> {
    let Some(schema) = compiled_of(type_name) else {
        return Ok(());
    };
    defaults::apply(body, schema);
    let violations = validate::violations(body, schema);
    if violations.is_empty() {
        Ok(())
    } else {
        Err(violations)
    }
}

/// Whether a resource's JSON is of a new-style type (one Kuma reads through a schema).
pub fn is_new_style(resource: &Value) -> bool {
    resource.as_object().is_some_and(is_new_style_fields)
}

/// [`is_new_style`] of a resource's fields.
pub fn is_new_style_fields(fields: &Map<String, Value>) -> bool {
    fields
        .get("type")
        .and_then(Value::as_str)
        .is_some_and(is_new_style_type)
}

/// Why the API server refused a new-style body before decoding it.
#[derive(Debug)]
pub enum BodyError {
    /// Not a JSON object: Go's `encoding/json` text (`invalid <Type> object: "..."`).
    NotObject(String),
    /// Schema violations (`Could not process a resource` / `Resource is not valid`).
    Schema(Vec<Violation>),
}

/// The server's stage for a PUT body of `type_name`: for new-style types, a body that is
/// not an object is refused as Go's generic map decoding refuses it, and an object is
/// defaulted and checked. Other types' bodies are returned untouched.
pub fn check_body(type_name: &str, mut body: Value) -> Result<Value, BodyError> {
    if !is_new_style_type(type_name) {
        return Ok(body);
    }
    if !(body.is_object() || body.is_null()) {
        return Err(BodyError::NotObject(format!(
            "json: cannot unmarshal {} into Go value of type map[string]interface {{}}",
            crate::resources::resource::json_kind(&body)
        )));
    }
    check(type_name, &mut body).map_err(BodyError::Schema)?;
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn errors(type_name: &str, mut body: Value) -> Vec<String> {
        match check(type_name, &mut body) {
            Ok(()) => Vec::new(),
            Err(violations) => violations.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn mesh_defaults_to_default() {
        let mut body = json!({"type": "MeshTimeout", "name": "t", "spec": {}});
        check("MeshTimeout", &mut body).unwrap();
        assert_eq!(body["mesh"], "default");
        let mut body = json!({"type": "MeshTimeout", "name": "t", "mesh": null, "spec": {}});
        check("MeshTimeout", &mut body).unwrap();
        assert_eq!(body["mesh"], "default");
    }

    #[test]
    fn body_errors_have_no_field() {
        assert_eq!(
            errors(
                "MeshTrafficPermission",
                json!({"type": "Foo", "name": "x", "spec": {}})
            ),
            [": type in body should be one of [MeshTrafficPermission]"]
        );
        assert_eq!(
            errors("MeshTimeout", json!({})),
            [
                ": .type in body is required",
                ": .name in body is required",
                ": .spec in body is required"
            ]
        );
        assert_eq!(
            errors(
                "MeshTimeout",
                json!({"type": "MeshTimeout", "name": 1, "spec": null, "labels": {"a": 1}})
            ),
            [
                ": labels.a in body must be of type string: \"number\"",
                ": name in body must be of type string: \"number\"",
                ": spec in body must be of type object: \"null\""
            ]
        );
    }

    #[test]
    fn spec_errors_carry_their_path() {
        assert_eq!(
            errors(
                "MeshTrafficPermission",
                json!({"type": "MeshTrafficPermission", "name": "x", "spec": {
                    "targetRef": {"kind": "Mesh", "name": 5},
                    "from": [{"targetRef": {"kind": "Mesh"}, "default": {"action": "foo"}}]
                }})
            ),
            [
                "spec.from[0].default.action: in body should be one of [Allow Deny AllowWithShadowDeny]",
                "spec.targetRef.name: in body must be of type string: \"number\"",
            ]
        );
    }
}
