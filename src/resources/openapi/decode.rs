//! What Kuma's decoding of a schema-checked body into its Go structs, and their encoding
//! back, does to the JSON (Go: `pkg/core/resources/model/rest/unmarshaller.go`, then
//! `encoding/json`): keys that are no struct field are dropped (except under
//! `x-kubernetes-preserve-unknown-fields`, whose values are kept whole), `null`s are
//! dropped (nil pointers are not written), map values and list items are visited with
//! their schemas; struct fields come out in Go's field order (`x-kuma-order`, added to
//! the schema data by `tools/kuma-schemas.py`), map keys sorted. The request's `status`
//! is never read: the server computes it.

use serde_json::{Map, Value, json};

/// The `spec` of a schema-checked body as Kuma stores it, and for types with a status the
/// status of a fresh object (the request's is never taken).
pub fn spec_fields(type_name: &str, fields: &mut Map<String, Value>, item_schema: &Value) {
    let properties = item_schema.get("properties");
    if let Some(spec) = fields.get_mut("spec")
        && let Some(schema) = properties.and_then(|p| p.get("spec"))
    {
        *spec = prune(std::mem::take(spec), schema);
    }
    // Anything beside the meta fields and `spec` is no field of Kuma's resource struct.
    fields.retain(|key, _| key == "spec");
    if properties.is_some_and(|p| p.get("status").is_some()) {
        fields.insert("status".into(), fresh_status(type_name));
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
            let properties = schema.get("properties").and_then(Value::as_object);
            let additional = schema.get("additionalProperties").filter(|s| s.is_object());
            let preserve =
                schema.get("x-kubernetes-preserve-unknown-fields") == Some(&Value::Bool(true));
            if properties.is_none() && additional.is_none() {
                return Value::Object(map);
            }
            let mut fields = Map::new();
            let mut entries = Vec::new();
            let mut unknown = Map::new();
            for (key, child) in map {
                if let Some(property) = properties.and_then(|p| p.get(&key)) {
                    if !child.is_null() {
                        fields.insert(key, prune(child, property));
                    }
                } else if let Some(additional) = additional {
                    entries.push((key, prune(child, additional)));
                } else if preserve {
                    unknown.insert(key, child);
                }
            }
            // Struct fields in Go's field order, then map entries sorted as Go writes maps.
            let mut out = Map::new();
            if let Some(Value::Array(order)) = schema.get("x-kuma-order") {
                for key in order.iter().filter_map(Value::as_str) {
                    if let Some(child) = fields.shift_remove(key) {
                        out.insert(key.to_string(), child);
                    }
                }
            }
            out.extend(fields);
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            out.extend(entries);
            out.extend(unknown);
            Value::Object(out)
        }
        Value::Array(items) => match schema.get("items") {
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
