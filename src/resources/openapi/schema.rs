//! A schema of Kuma's OpenAPI data read once into a tree of plain fields, so that the
//! three passes over a request body (defaulting, validation, decoding) find each keyword
//! of the schema at a field instead of searching the JSON schema object for it at every
//! value they visit. Reading keeps the JSON meaning exactly: a keyword of the wrong JSON
//! type counts as absent, as do `additionalProperties: true|false`, and a schema that is
//! no object constrains nothing.

use regex::Regex;
use serde_json::Value;
use std::sync::{LazyLock, OnceLock};

#[derive(Debug, Default)]
pub struct Schema {
    /// `type`, when a string.
    pub kind: Option<String>,
    /// `format`, or `""`.
    pub format: String,
    pub nullable: bool,
    /// `anyOf`, when a list.
    pub any_of: Option<Vec<Schema>>,
    /// `enum`, when a list.
    pub allowed: Option<Vec<Value>>,
    pub min_length: Option<f64>,
    pub max_length: Option<f64>,
    pub minimum: Option<f64>,
    pub maximum: Option<f64>,
    pub min_items: Option<f64>,
    pub max_items: Option<f64>,
    /// `pattern` and its regex; a pattern our engine cannot compile accepts everything.
    pub pattern: Option<(String, Option<Regex>)>,
    /// `properties`, when an object, in the schema's order.
    pub properties: Option<Vec<Property>>,
    /// `additionalProperties`, when an object.
    pub additional: Option<Box<Schema>>,
    /// `items`, whatever it is.
    pub items: Option<Box<Schema>>,
    /// The strings of `required`, when a list.
    pub required: Option<Vec<String>>,
    /// `default`, when present (even `null`).
    pub default: Option<Value>,
    /// `x-kubernetes-preserve-unknown-fields: true`.
    pub preserve_unknown: bool,
    /// Whether `x-kuma-order` (Go's struct field order, added by `tools/kuma-schemas.py`)
    /// ranks the properties.
    pub ordered: bool,
    /// Whether a `default` sits anywhere below (defaulting skips the subtrees without).
    pub defaults_below: bool,
}

#[derive(Debug)]
pub struct Property {
    pub name: String,
    pub schema: Schema,
    /// The position of the field in `x-kuma-order`; `usize::MAX` when it is not named.
    pub rank: usize,
}

impl Schema {
    /// Reads a JSON schema.
    pub fn compile(value: &Value) -> Schema {
        let Value::Object(map) = value else {
            return Schema::default();
        };
        let string = |key: &str| map.get(key).and_then(Value::as_str).map(str::to_string);
        let number = |key: &str| map.get(key).and_then(Value::as_f64);
        let order: Option<Vec<&str>> = match map.get("x-kuma-order") {
            Some(Value::Array(order)) => Some(order.iter().filter_map(Value::as_str).collect()),
            _ => None,
        };
        let properties = map
            .get("properties")
            .and_then(Value::as_object)
            .map(|properties| {
                properties
                    .iter()
                    .map(|(name, schema)| Property {
                        name: name.clone(),
                        schema: Schema::compile(schema),
                        rank: order
                            .as_ref()
                            .and_then(|order| order.iter().position(|k| k == name))
                            .unwrap_or(usize::MAX),
                    })
                    .collect()
            });
        let additional = map
            .get("additionalProperties")
            .filter(|s| s.is_object())
            .map(|s| Box::new(Schema::compile(s)));
        let items = map.get("items").map(|s| Box::new(Schema::compile(s)));
        let defaults_below = properties
            .iter()
            .flatten()
            .any(|p: &Property| p.schema.default.is_some() || p.schema.defaults_below)
            || [&additional, &items]
                .into_iter()
                .flatten()
                .any(|s| s.defaults_below);
        Schema {
            kind: string("type"),
            format: string("format").unwrap_or_default(),
            nullable: map.get("nullable") == Some(&Value::Bool(true)),
            any_of: match map.get("anyOf") {
                Some(Value::Array(branches)) => {
                    Some(branches.iter().map(Schema::compile).collect())
                }
                _ => None,
            },
            allowed: match map.get("enum") {
                Some(Value::Array(allowed)) => Some(allowed.clone()),
                _ => None,
            },
            min_length: number("minLength"),
            max_length: number("maxLength"),
            minimum: number("minimum"),
            maximum: number("maximum"),
            min_items: number("minItems"),
            max_items: number("maxItems"),
            pattern: string("pattern").map(|pattern| {
                let regex = Regex::new(&pattern).ok();
                (pattern, regex)
            }),
            properties,
            additional,
            items,
            required: match map.get("required") {
                Some(Value::Array(names)) => Some(
                    names
                        .iter()
                        .filter_map(Value::as_str)
                        .map(str::to_string)
                        .collect(),
                ),
                _ => None,
            },
            default: map.get("default").cloned(),
            preserve_unknown: map.get("x-kubernetes-preserve-unknown-fields")
                == Some(&Value::Bool(true)),
            ordered: order.is_some(),
            defaults_below,
        }
    }

    /// The property `name` (a scan: objects have a handful of properties, and comparing
    /// short names costs less than hashing one).
    pub fn property(&self, name: &str) -> Option<&Property> {
        self.properties
            .as_ref()?
            .iter()
            .find(|p| crate::resources::resource::same_key(&p.name, name))
    }
}

/// The compiled Item schema of every new-style type, each compiled on first use. The
/// few dozen names are scanned rather than hashed: every PUT of a new-style type looks its
/// schema up several times.
pub fn item(type_name: &str) -> Option<&'static Schema> {
    let (name, cell) = cell(type_name)?;
    Some(cell.get_or_init(|| {
        Schema::compile(crate::resources::schemas::item(name).unwrap_or(&Value::Null))
    }))
}

/// Whether `type_name` has an Item schema (without compiling it).
pub fn has_item(type_name: &str) -> bool {
    cell(type_name).is_some()
}

fn cell(type_name: &str) -> Option<&'static (&'static str, OnceLock<Schema>)> {
    static ITEMS: LazyLock<Vec<(&'static str, OnceLock<Schema>)>> = LazyLock::new(|| {
        crate::resources::schemas::item_names()
            .map(|name| (name, OnceLock::new()))
            .collect()
    });
    ITEMS
        .iter()
        .find(|(name, _)| crate::resources::resource::same_key(name, type_name))
}
