//! What Kuma's decoding of a schema-checked body into its Go structs, and their encoding
//! back, does to the JSON (Go: `pkg/core/resources/model/rest/unmarshaller.go`, then
//! `encoding/json`): keys that are no struct field are dropped (except under
//! `x-kubernetes-preserve-unknown-fields`, whose values are kept whole), `null`s are
//! dropped (nil pointers are not written), map values and list items are visited with
//! their schemas; struct fields come out in Go's field order (`x-kuma-order`, added to
//! the schema data by `tools/kuma-schemas.py`), map keys sorted. A `status` is decoded
//! the same way over the zero status of the type; the server then replaces it with its
//! own ([`server_status`]): a request's status is never taken.

use super::schema::Schema;
use serde_json::{Map, Value, json};

/// The `spec` and, for types with one, the `status` of a schema-checked body, decoded as
/// Kuma decodes them (the status over the type's zero status).
pub fn spec_fields(type_name: &str, fields: &mut Map<String, Value>, item_schema: &Schema) {
    if let Some(spec) = fields.get_mut("spec")
        && let Some(property) = item_schema.property("spec")
    {
        prune_mut(spec, &property.schema);
    }
    let status = fields.shift_remove("status");
    // Anything beside the meta fields and `spec` is no field of Kuma's resource struct.
    fields.retain(|key, _| key == "spec");
    if let Some(property) = item_schema.property("status") {
        let schema = &property.schema;
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
pub fn prune(mut value: Value, schema: &Schema) -> Value {
    prune_mut(&mut value, schema);
    value
}

/// [`prune`] in place. An object already as Go would write it (no `null` field, no key
/// to drop, fields in Go's order before sorted map entries) is only visited; any other
/// is rebuilt.
fn prune_mut(value: &mut Value, schema: &Schema) {
    match value {
        Value::Object(map) => {
            if schema.properties.is_none() && schema.additional.is_none() {
                return;
            }
            if !as_go_writes(map, schema) {
                *map = rebuilt(std::mem::take(map), schema);
                return;
            }
            for (key, child) in map.iter_mut() {
                if let Some(property) = schema.property(key) {
                    prune_mut(child, &property.schema);
                } else if let Some(additional) = &schema.additional {
                    prune_mut(child, additional);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item_schema) = &schema.items {
                for item in items {
                    prune_mut(item, item_schema);
                }
            }
        }
        _ => {}
    }
}

/// Whether [`rebuilt`] would give `map` back in the same order with every key: struct
/// fields (none `null`, ranked in Go's order), then map entries in key order, then the
/// unknown keys kept.
fn as_go_writes(map: &Map<String, Value>, schema: &Schema) -> bool {
    // 0: struct fields, 1: map entries, 2: kept unknown keys.
    let mut stage = 0;
    let mut last_rank = 0;
    let mut last_entry: Option<&str> = None;
    for (key, child) in map {
        if let Some(property) = schema.property(key) {
            if child.is_null() || stage > 0 {
                return false;
            }
            if schema.ordered {
                if property.rank < last_rank {
                    return false;
                }
                last_rank = property.rank;
            }
        } else if schema.additional.is_some() {
            if stage > 1 || last_entry.is_some_and(|last| last >= key.as_str()) {
                return false;
            }
            stage = 1;
            last_entry = Some(key);
        } else if schema.preserve_unknown {
            stage = 2;
        } else {
            return false;
        }
    }
    true
}

/// The object as Go writes it back: struct fields in Go's field order (the fields the
/// order does not name after them, as they came), then map entries sorted as Go writes
/// maps, then the unknown keys a preserving schema keeps (whole).
fn rebuilt(map: Map<String, Value>, schema: &Schema) -> Map<String, Value> {
    let mut fields = Vec::new();
    let mut entries = Vec::new();
    let mut unknown = Map::new();
    for (key, mut child) in map {
        if let Some(property) = schema.property(&key) {
            if !child.is_null() {
                prune_mut(&mut child, &property.schema);
                fields.push((property.rank, key, child));
            }
        } else if let Some(additional) = &schema.additional {
            prune_mut(&mut child, additional);
            entries.push((key, child));
        } else if schema.preserve_unknown {
            unknown.insert(key, child);
        }
    }
    if schema.ordered {
        fields.sort_by_key(|(rank, _, _)| *rank);
    }
    let mut out = Map::with_capacity(fields.len() + entries.len() + unknown.len());
    out.extend(fields.into_iter().map(|(_, key, child)| (key, child)));
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    out.extend(entries);
    out.extend(unknown);
    out
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
            prune(value, &Schema::compile(&schema)),
            json!({"b": {"c": 1}, "free": {"y": {"z": 1}}, "m": {"k": "v"}, "l": [{"d": 1}]})
        );
    }

    #[test]
    fn fields_come_out_in_go_order_and_entries_sorted() {
        let schema = Schema::compile(&json!({
            "x-kuma-order": ["b", "a"],
            "properties": {
                "a": {"type": "integer"},
                "b": {"properties": {"c": {}}},
                "m": {"additionalProperties": {"properties": {"d": {}}}}
            }
        }));
        // In order already: kept as it is, with what is inside pruned.
        let value = json!({"b": {"c": 1, "x": 2}, "a": 1});
        let pruned = prune(value, &schema);
        assert_eq!(pruned, json!({"b": {"c": 1}, "a": 1}));
        assert_eq!(
            pruned.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["b", "a"]
        );
        // Out of order: fields in Go's order, map entries sorted.
        let value = json!({"a": 1, "m": {"z": {"d": 1, "e": 2}, "y": {}}, "b": {}});
        let pruned = prune(value, &schema);
        let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&pruned), ["b", "a", "m"]);
        assert_eq!(keys(&pruned["m"]), ["y", "z"]);
        assert_eq!(pruned["m"]["z"], json!({"d": 1}));
    }
}
