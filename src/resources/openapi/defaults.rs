//! Structural defaulting as the Kubernetes API server does it (Go:
//! k8s.io/apiextensions-apiserver `pkg/apiserver/schema/defaulting/algorithm.go`
//! `Default`): inside every object that is present, a property with a `default` is set
//! when its key is missing or holds `null`; then every value is visited with its own
//! schema (properties, `additionalProperties` for map values, `items` for list items).
//! A missing parent object is never created.

use super::schema::Schema;
use crate::resources::resource::lookup;
use serde_json::Value;

pub fn apply(value: &mut Value, schema: &Schema) {
    if !schema.defaults_below {
        return;
    }
    match value {
        Value::Object(map) => {
            if let Some(properties) = &schema.properties {
                for property in properties {
                    if let Some(default) = &property.schema.default
                        && lookup(map, &property.name).is_none_or(Value::is_null)
                    {
                        map.insert(property.name.clone(), default.clone());
                    }
                }
            }
            if schema.properties.is_none() && schema.additional.is_none() {
                return;
            }
            for (key, child) in map.iter_mut() {
                if let Some(property) = schema.property(key) {
                    apply(child, &property.schema);
                } else if let Some(additional) = &schema.additional {
                    apply(child, additional);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = &schema.items {
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
        apply(&mut value, &Schema::compile(&schema));
        assert_eq!(
            value,
            json!({"a": "x", "l": [{"c": false}, {"c": true}], "m": {"k": {"d": "y"}}})
        );
    }
}
