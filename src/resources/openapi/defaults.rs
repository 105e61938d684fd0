//! Structural defaulting as the Kubernetes API server does it (Go:
//! k8s.io/apiextensions-apiserver `pkg/apiserver/schema/defaulting/algorithm.go`
//! `Default`): inside every object that is present, a property with a `default` is set
//! when its key is missing or holds `null`; then every value is visited with its own
//! schema (properties, `additionalProperties` for map values, `items` for list items).
//! A missing parent object is never created.

use super::{get, get_in};
use serde_json::Value;

pub fn apply(value: &mut Value, schema: &Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = get_in(schema, "properties") {
                for (key, property) in properties {
                    if let Some(default) = get_in(property, "default")
                        && get(map, key).is_none_or(Value::is_null)
                    {
                        map.insert(key.clone(), default.clone());
                    }
                }
            }
            let properties = get_in(schema, "properties").and_then(Value::as_object);
            let additional = get_in(schema, "additionalProperties").filter(|s| s.is_object());
            for (key, child) in map.iter_mut() {
                if let Some(property) = properties.and_then(|p| get(p, key)) {
                    apply(child, property);
                } else if let Some(additional) = additional {
                    apply(child, additional);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = get_in(schema, "items") {
                for item in items {
                    apply(item, item_schema);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_fill_present_objects_only() {
        let schema = json!({"properties": {
            "a": {"type": "string", "default": "x"},
            "o": {"properties": {"b": {"type": "integer", "default": 1}}},
            "l": {"items": {"properties": {"c": {"type": "boolean", "default": false}}}},
            "m": {"additionalProperties": {"properties": {"d": {"default": "y"}}}}
        }});
        let mut value = json!({"a": null, "l": [{}, {"c": true}], "m": {"k": {}}});
        apply(&mut value, &schema);
        assert_eq!(
            value,
            json!({"a": "x", "l": [{"c": false}, {"c": true}], "m": {"k": {"d": "y"}}})
        );
    }
}
