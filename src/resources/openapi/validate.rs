//! kube-openapi's schema validator (k8s.io/kube-openapi `pkg/validation/validate`, with
//! the texts of `pkg/validation/errors`), for the keywords Kuma's Item schemas use: at
//! every value the type check, `anyOf`, the string checks (`minLength`, `maxLength`,
//! `pattern`), string formats (`date-time`, `byte`), the number checks (range of the
//! integer format, `minimum`, `maximum`), the list checks (`minItems`, `maxItems`,
//! `items`), `enum`, and the object checks (`properties`, `additionalProperties`, then
//! `required`). Every validator that applies runs: a value of the wrong type can also
//! miss its `enum`. Unknown properties are accepted; `nullable` and the
//! `x-kubernetes-*` markers change nothing.
//!
//! Kuma turns each message into a violation (`toValidationError` in
//! `pkg/core/resources/model/rest/unmarshaller.go`): a message whose first word starts
//! with `spec.` is that field plus the rest; any other message is whole, with field `""`.

use super::schema::Schema;
use crate::output::yaml::format_go_float;
use crate::resources::meta::Violation;
use crate::resources::resource::lookup;
use base64::Engine;
use regex::Regex;
use serde_json::{Map, Value};
use std::fmt::Write;
use std::sync::LazyLock;

/// The schema violations of `value`, deduplicated, in a stable order (schema property
/// order, then `required`; Kuma's own order follows Go's map order and varies).
pub fn violations(value: &Value, schema: &Schema) -> Vec<Violation> {
    let mut messages = Vec::new();
    check(value, schema, &mut String::new(), &mut messages);
    let mut seen = std::collections::HashSet::new();
    messages
        .into_iter()
        .filter(|m| seen.insert(m.clone()))
        .map(|message| to_violation(&message))
        .collect()
}

/// Kuma's `toValidationError` for one kube-openapi message.
pub fn to_violation(message: &str) -> Violation {
    match message.split_once(' ') {
        Some((first, rest)) if first.starts_with("spec.") => Violation::new(first, rest),
        _ => Violation::new("", message),
    }
}

fn in_body(path: &str, rest: &str) -> String {
    format!("{path} in body {rest}")
}

fn invalid_type(path: &str, want: &str, got: &str) -> String {
    in_body(path, &format!("must be of type {want}: {}", go_quote(got)))
}

fn go_quote(text: &str) -> String {
    crate::resources::spec::gojson::quote(text)
}

/// Appends the field `key` to `path`; returns the length to truncate back to.
fn push_key(path: &mut String, key: &str) -> usize {
    let len = path.len();
    if len != 0 {
        path.push('.');
    }
    path.push_str(key);
    len
}

fn check(value: &Value, schema: &Schema, path: &mut String, out: &mut Vec<String>) {
    if let Some(message) = type_error(value, schema, path) {
        out.push(message);
    }
    if let Some(branches) = &schema.any_of {
        any_of(value, branches, path, out);
    }
    match value {
        Value::String(text) => {
            check_string(text, schema, path, out);
            check_format(text, schema, path, out);
        }
        Value::Number(number) => check_number(number, schema, path, out),
        Value::Array(items) => check_list(items, schema, path, out),
        _ => {}
    }
    if let Some(allowed) = &schema.allowed
        && !allowed.contains(value)
    {
        let listed: Vec<String> = allowed.iter().map(go_value).collect();
        out.push(in_body(
            path,
            &format!("should be one of [{}]", listed.join(" ")),
        ));
    }
    if let Value::Object(map) = value {
        check_object(map, schema, path, out);
    }
}

/// Go's `%v` of a JSON value from a schema.
fn go_value(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Number(n) => format_go_float(n.as_f64().unwrap_or(0.0)),
        Value::Bool(b) => b.to_string(),
        Value::Null => "<nil>".into(),
        other => other.to_string(),
    }
}

/// kube-openapi's `typeValidator`: JSON numbers are float64 values (`number`, format
/// `float64`); an integral one passes for `integer`.
fn type_error(value: &Value, schema: &Schema, path: &str) -> Option<String> {
    let want = schema.kind.as_deref();
    let format = schema.format.as_str();
    if want.is_none() && format.is_empty() {
        return None;
    }
    let (got, got_format) = match value {
        Value::Null => {
            return match want {
                Some(want) if !schema.nullable => Some(invalid_type(path, want, "null")),
                _ => None,
            };
        }
        Value::Bool(_) => ("boolean", ""),
        Value::Number(_) => ("number", "float64"),
        Value::String(_) => ("string", ""),
        Value::Array(_) => ("array", ""),
        Value::Object(_) => ("object", ""),
    };
    let float_int = matches!(value, Value::Number(n) if is_integral(n)) && want == Some("integer");
    let string_or_list = matches!(value, Value::String(_) | Value::Array(_));
    let format_holds =
        string_or_list || format.is_empty() || want == Some(got) || got_format == format;
    if !(format_holds || float_int) {
        return Some(invalid_type(path, format, got_format));
    }
    if !matches!(want, Some("number" | "integer")) && !format.is_empty() && string_or_list {
        return None;
    }
    match want {
        Some(want) if !(want == got || float_int) => Some(invalid_type(path, want, got)),
        _ => None,
    }
}

fn is_integral(n: &serde_json::Number) -> bool {
    n.is_i64()
        || n.is_u64()
        || n.as_f64()
            .is_some_and(|f| f.fract() == 0.0 && f.is_finite())
}

/// The int-or-string pairs: when no branch holds, the anyOf message and the first
/// branch's errors.
fn any_of(value: &Value, branches: &[Schema], path: &mut String, out: &mut Vec<String>) {
    let mut first_failure = None;
    for branch in branches {
        let mut errors = Vec::new();
        check(value, branch, path, &mut errors);
        if errors.is_empty() {
            return;
        }
        first_failure.get_or_insert(errors);
    }
    out.push(format!(
        "{} must validate at least one schema (anyOf)",
        go_quote(path)
    ));
    out.extend(first_failure.unwrap_or_default());
}

fn check_string(text: &str, schema: &Schema, path: &str, out: &mut Vec<String>) {
    if let (None, None, None) = (schema.min_length, schema.max_length, &schema.pattern) {
        return;
    }
    let length = text.chars().count() as f64;
    if let Some(min) = schema.min_length
        && length < min
    {
        out.push(in_body(
            path,
            &format!("should be at least {} chars long", format_go_float(min)),
        ));
    }
    if let Some(max) = schema.max_length
        && length > max
    {
        out.push(in_body(
            path,
            &format!("should be at most {} chars long", format_go_float(max)),
        ));
    }
    if let Some((pattern, regex)) = &schema.pattern
        && regex.as_ref().is_some_and(|r| !r.is_match(text))
    {
        out.push(in_body(path, &format!("should match '{pattern}'")));
    }
}

/// The string formats of Kuma's Items (kube-openapi `strfmt`): `date-time` and `byte`.
fn check_format(text: &str, schema: &Schema, path: &str, out: &mut Vec<String>) {
    let format = schema.format.as_str();
    let valid = match format {
        "date-time" => is_date_time(text),
        "byte" => base64::engine::general_purpose::STANDARD
            .decode(text)
            .is_ok(),
        _ => true,
    };
    if !valid {
        out.push(invalid_type(path, format, text));
    }
}

/// strfmt's `IsDateTime`: a date, `t`, then `hh:mm:ss[.frac]` and `z` or `±hh:mm`
/// (case-insensitive).
fn is_date_time(text: &str) -> bool {
    static TIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$")
            .expect("valid regex")
    });
    if text.len() < 4 {
        return false;
    }
    let lower = text.to_lowercase();
    let mut parts = lower.split('t');
    let (Some(date), Some(time)) = (parts.next(), parts.next()) else {
        return false;
    };
    if chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err() || date.len() != 10 {
        return false;
    }
    TIME.captures(time)
        .is_some_and(|c| c[1] <= *"23" && c[2] <= *"59" && c[3] <= *"59")
}

fn check_number(number: &serde_json::Number, schema: &Schema, path: &str, out: &mut Vec<String>) {
    let value = number.as_f64().unwrap_or(0.0);
    if schema.kind.as_deref() == Some("integer") && is_integral(number) {
        let format = schema.format.as_str();
        let fits = match format {
            "int32" => (i32::MIN as f64..=i32::MAX as f64).contains(&value),
            "uint32" => (0.0..=u32::MAX as f64).contains(&value),
            _ => number.is_i64() || (i64::MIN as f64..i64::MAX as f64).contains(&value),
        };
        if !fits {
            out.push(if format.is_empty() {
                format!("Checked value must be of type integer in {path}")
            } else {
                format!("Checked value must be of type integer with format {format} in {path}")
            });
        }
    }
    if let Some(min) = schema.minimum
        && value < min
    {
        out.push(in_body(
            path,
            &format!(
                "should be greater than or equal to {}",
                format_go_float(min)
            ),
        ));
    }
    if let Some(max) = schema.maximum
        && value > max
    {
        out.push(in_body(
            path,
            &format!("should be less than or equal to {}", format_go_float(max)),
        ));
    }
}

fn check_list(items: &[Value], schema: &Schema, path: &mut String, out: &mut Vec<String>) {
    let count = items.len() as f64;
    if let Some(min) = schema.min_items
        && count < min
    {
        out.push(in_body(
            path,
            &format!("should have at least {} items", format_go_float(min)),
        ));
    }
    if let Some(max) = schema.max_items
        && count > max
    {
        out.push(in_body(
            path,
            &format!("should have at most {} items", format_go_float(max)),
        ));
    }
    if let Some(item_schema) = &schema.items {
        for (i, item) in items.iter().enumerate() {
            let len = path.len();
            write!(path, "[{i}]").expect("writing to a String");
            check(item, item_schema, path, out);
            path.truncate(len);
        }
    }
}

fn check_object(
    map: &Map<String, Value>,
    schema: &Schema,
    path: &mut String,
    out: &mut Vec<String>,
) {
    if let Some(properties) = &schema.properties {
        for property in properties {
            if let Some(value) = lookup(map, &property.name) {
                let len = push_key(path, &property.name);
                check(value, &property.schema, path, out);
                path.truncate(len);
            }
        }
    }
    if let Some(additional) = &schema.additional {
        for (key, value) in map {
            if schema.property(key).is_none() {
                let len = push_key(path, key);
                check(value, additional, path, out);
                path.truncate(len);
            }
        }
    }
    if let Some(required) = &schema.required {
        for name in required {
            if lookup(map, name).is_none() {
                out.push(in_body(&format!("{path}.{name}"), "is required"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn messages(value: Value, schema: Value) -> Vec<String> {
        let mut out = Vec::new();
        check(
            &value,
            &Schema::compile(&schema),
            &mut "spec.x".to_string(),
            &mut out,
        );
        out
    }

    #[test]
    fn integer_formats() {
        let int32 = json!({"type": "integer", "format": "int32"});
        assert!(messages(json!(80), int32.clone()).is_empty());
        assert_eq!(
            messages(json!(1.5), int32.clone()),
            ["spec.x in body must be of type int32: \"float64\""]
        );
        assert_eq!(
            messages(json!(true), int32.clone()),
            ["spec.x in body must be of type int32: \"\""]
        );
        assert_eq!(
            messages(json!("a"), int32.clone()),
            ["spec.x in body must be of type integer: \"string\""]
        );
        assert_eq!(
            messages(json!(null), int32.clone()),
            ["spec.x in body must be of type integer: \"null\""]
        );
        assert_eq!(
            messages(json!(3000000000u64), int32),
            ["Checked value must be of type integer with format int32 in spec.x"]
        );
    }

    #[test]
    fn bounds_print_like_go() {
        let schema = json!({"type": "integer", "minimum": 1, "maximum": 8000000});
        assert_eq!(
            messages(json!(0), schema.clone()),
            ["spec.x in body should be greater than or equal to 1"]
        );
        assert_eq!(
            messages(json!(9000000), schema),
            ["spec.x in body should be less than or equal to 8e+06"]
        );
    }

    #[test]
    fn int_or_string() {
        let schema = json!({"anyOf": [{"type": "integer"}, {"type": "string"}],
                            "x-kubernetes-int-or-string": true});
        assert!(messages(json!(5), schema.clone()).is_empty());
        assert!(messages(json!("5"), schema.clone()).is_empty());
        assert_eq!(
            messages(json!(true), schema),
            [
                "\"spec.x\" must validate at least one schema (anyOf)",
                "spec.x in body must be of type integer: \"boolean\""
            ]
        );
    }

    #[test]
    fn strings_and_lists() {
        let schema =
            json!({"type": "string", "minLength": 1, "maxLength": 3, "pattern": "^[a-z]*$"});
        assert_eq!(
            messages(json!("abcD"), schema),
            [
                "spec.x in body should be at most 3 chars long",
                "spec.x in body should match '^[a-z]*$'"
            ]
        );
        let schema = json!({"type": "array", "minItems": 1, "items": {"type": "string", "enum": ["a", "b"]}});
        assert_eq!(
            messages(json!([]), schema.clone()),
            ["spec.x in body should have at least 1 items"]
        );
        assert_eq!(
            messages(json!(["c", 1]), schema),
            [
                "spec.x[0] in body should be one of [a b]",
                "spec.x[1] in body must be of type string: \"number\"",
                "spec.x[1] in body should be one of [a b]"
            ]
        );
    }

    #[test]
    fn formats() {
        let schema = json!({"type": "string", "format": "date-time"});
        assert!(messages(json!("2024-01-02T03:04:05Z"), schema.clone()).is_empty());
        assert!(messages(json!("2024-01-02T03:04:05.5+01:00"), schema.clone()).is_empty());
        assert_eq!(
            messages(json!("x"), schema.clone()),
            ["spec.x in body must be of type date-time: \"x\""]
        );
        assert_eq!(
            messages(json!(5), schema),
            ["spec.x in body must be of type date-time: \"float64\""]
        );
        let schema = json!({"type": "string", "format": "byte"});
        assert!(messages(json!("dA=="), schema.clone()).is_empty());
        assert_eq!(
            messages(json!("!"), schema),
            ["spec.x in body must be of type byte: \"!\""]
        );
    }

    #[test]
    fn violations_split_at_spec_paths() {
        assert_eq!(
            to_violation("spec.a in body is required"),
            Violation::new("spec.a", "in body is required")
        );
        assert_eq!(
            to_violation(".name in body is required"),
            Violation::new("", ".name in body is required")
        );
    }
}
