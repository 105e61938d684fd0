//! What Kuma's decoding of a schema-checked body into its Go structs, and their encoding
//! back, does to the JSON (Go: `pkg/core/resources/model/rest/unmarshaller.go`, then
//! `encoding/json`): keys that are no struct field are dropped (except under
//! `x-kubernetes-preserve-unknown-fields`, whose values are kept whole), `null`s are
//! dropped (nil pointers are not written), map values and list items are visited with
//! their schemas; struct fields come out in Go's field order (`x-kuma-order`, added to
//! the schema data by `tools/kuma-schemas.py`), map keys sorted. A `status` is decoded
//! the same way over the zero status of the type; the server then replaces it with its
//! own ([`server_status`]): a request's status is never taken.

use super::{get, get_in};
use serde_json::{Map, Value, json};

/// The `spec` and, for types with one, the `status` of a schema-checked body, decoded as
/// Kuma decodes them (the status over the type's zero status).
pub fn spec_fields(type_name: &str, fields: &mut Map<String, Value>, item_schema: &Value) {
    let properties = item_schema.get("properties");
    if let Some(spec) = fields.get_mut("spec")
        && let Some(schema) = properties.and_then(|p| p.get("spec"))
    {
        *spec = prune(std::mem::take(spec), schema);
    }
    let status = fields.shift_remove("status");
    // Anything beside the meta fields and `spec` is no field of Kuma's resource struct.
    fields.retain(|key, _| key == "spec");
    if let Some(schema) = properties.and_then(|p| p.get("status")) {
        let decoded = match status {
            Some(status @ Value::Object(_)) => prune(
                over_defaults(fresh_status(type_name), prune(status, schema)),
                schema,
            ),
            _ => fresh_status(type_name),
        };
        fields.insert("status".into(), decoded);
    }
}

/// The server's status of a new or updated resource: the type's zero status, whatever
/// the request said (Go: `resource_endpoints.go` ignores it on create and update).
pub fn server_status(type_name: &str, fields: &mut Map<String, Value>) {
    if let Some(status) = fields.get_mut("status") {
        *status = fresh_status(type_name);
    }
}

/// `value` with the keys of `defaults` it lacks, at every level of objects.
fn over_defaults(defaults: Value, value: Value) -> Value {
    match (defaults, value) {
        (Value::Object(defaults), Value::Object(mut value)) => {
            for (key, default) in defaults {
                let merged = match value.shift_remove(&key) {
                    Some(given) => over_defaults(default, given),
                    None => default,
                };
                value.insert(key, merged);
            }
            Value::Object(value)
        }
        (_, value) => value,
    }
}

/// The status of a new object as Go writes its zero value: struct fields without
/// `omitempty` (and non-pointer structs) are always written (Go: the `status` structs of
/// `pkg/core/resources/apis/*/api/v1alpha1/`).
pub fn fresh_status(type_name: &str) -> Value {
    match type_name {
        "MeshService" => json!({"tls": {}, "dataplaneProxies": {}}),
        "MeshExternalService" => json!({"vip": {}}),
        "Workload" => json!({"dataplaneProxies": {"connected": 0, "healthy": 0, "total": 0}}),
        _ => json!({}),
    }
}

/// `value` with only what its schema describes.
pub fn prune(value: Value, schema: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let properties = get_in(schema, "properties").and_then(Value::as_object);
            let additional = get_in(schema, "additionalProperties").filter(|s| s.is_object());
            let preserve =
                get_in(schema, "x-kubernetes-preserve-unknown-fields") == Some(&Value::Bool(true));
            if properties.is_none() && additional.is_none() {
                return Value::Object(map);
            }
            let mut fields = Vec::new();
            let mut entries = Vec::new();
            let mut unknown = Map::new();
            for (key, child) in map {
                if let Some(property) = properties.and_then(|p| get(p, &key)) {
                    if !child.is_null() {
                        fields.push((key, prune(child, property)));
                    }
                } else if let Some(additional) = additional {
                    entries.push((key, prune(child, additional)));
                } else if preserve {
                    unknown.insert(key, child);
                }
            }
            // Struct fields in Go's field order (the fields the order does not name after
            // them, as they came), then map entries sorted as Go writes maps.
            if let Some(Value::Array(order)) = get_in(schema, "x-kuma-order") {
                let rank = |key: &str| {
                    order
                        .iter()
                        .position(|k| k.as_str() == Some(key))
                        .unwrap_or(usize::MAX)
                };
                fields.sort_by_key(|(key, _)| rank(key));
            }
            let mut out = Map::with_capacity(fields.len() + entries.len() + unknown.len());
            out.extend(fields);
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            out.extend(entries);
            out.extend(unknown);
            Value::Object(out)
        }
        Value::Array(items) => match get_in(schema, "items") {
            Some(item_schema) => Value::Array(
                items
                    .into_iter()
                    .map(|item| prune(item, item_schema))
                    .collect(),
            ),
            None => Value::Array(items),
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unknown_keys_and_nulls_are_dropped() {
        let schema = json!({"properties": {
            "a": {"type": "string"},
            "b": {"type": "object", "properties": {"c": {"type": "integer"}}},
            "free": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
            "m": {"additionalProperties": {"type": "string"}},
            "l": {"items": {"properties": {"d": {}}}}
        }});
        let value = json!({"a": null, "b": {"c": 1, "x": 2}, "free": {"y": {"z": 1}},
                           "m": {"k": "v"}, "l": [{"d": 1, "e": 2}], "zz": 3});
        assert_eq!(
            prune(value, &schema),
            json!({"b": {"c": 1}, "free": {"y": {"z": 1}}, "m": {"k": "v"}, "l": [{"d": 1}]})
        );
    }
}
