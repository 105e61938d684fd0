//! The rules every new-style policy shares (Go: `pkg/core/resources/apis/mesh/validators.go`
//! `ValidateTargetRef`, `ValidateMatch`, `ValidateSelector`/`ValidateTags`; texts of
//! `pkg/core/validators/{common_validators,messages}.go`), and small readers of the
//! schema-checked JSON.

use crate::duration::GoDuration;
use crate::resources::spec::checks::Violations;
use crate::resources::spec::gojson;
use regex::Regex;
use serde_json::{Map, Value};
use std::sync::LazyLock;

/// The `to[].targetRef` kinds of most outbound policies (Universal role `system`).
pub const TO_KINDS: &[&str] = &[
    "Mesh",
    "MeshService",
    "MeshExternalService",
    "MeshMultiZoneService",
    "MeshHTTPRoute",
];

/// [`TO_KINDS`] without routes (MeshCircuitBreaker, MeshHealthCheck).
pub const TO_SERVICE_KINDS: &[&str] = &[
    "Mesh",
    "MeshService",
    "MeshExternalService",
    "MeshMultiZoneService",
];

pub const MUST_BE_DEFINED: &str = "must be defined";
pub const MUST_NOT_BE_EMPTY: &str = "must not be empty";
pub const MUST_NOT_BE_DEFINED: &str = "must not be defined";
pub const GREATER_THAN_ZERO_WHEN_DEFINED: &str = "must be greater than zero when defined";
pub const NOT_NEGATIVE_WHEN_DEFINED: &str = "must not be negative when defined";
pub const GREATER_THAN_0: &str = "must be greater than 0";
pub const VALID_NUMBER: &str = "string must be a valid number";
pub const PERCENT_DECIMAL: &str = "must be in inclusive range [0.0, 100.0]";
pub const PERCENT_INT: &str = "must be in inclusive range [0, 100]";
pub const HTTP_STATUS: &str = "must be in inclusive range [100, 599]";
pub const PORT_VALID: &str = "port must be a valid (1-65535)";

/// The field `key` of an object (by a scan: spec objects hold a handful of keys, and
/// comparing them costs less than hashing the key).
pub fn get<'v>(value: &'v Value, key: &str) -> Option<&'v Value> {
    match value {
        Value::Object(map) => crate::resources::resource::lookup(map, key),
        _ => None,
    }
}

/// A present, non-`null` field.
pub fn field<'v>(value: &'v Value, key: &str) -> Option<&'v Value> {
    get(value, key).filter(|v| !v.is_null())
}

/// A string field, `""` when absent.
pub fn text<'v>(value: &'v Value, key: &str) -> &'v str {
    get(value, key).and_then(Value::as_str).unwrap_or_default()
}

/// A list field, empty when absent.
pub fn list<'v>(value: &'v Value, key: &str) -> &'v [Value] {
    get(value, key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// A map field, empty when absent.
pub fn map<'v>(value: &'v Value, key: &str) -> Option<&'v Map<String, Value>> {
    get(value, key).and_then(Value::as_object)
}

/// Present and not empty (`""`, `[]`, `{}`): Go's `len(x) > 0` / `x != ""`.
pub fn non_empty(value: &Value, key: &str) -> bool {
    match get(value, key) {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(_) => true,
    }
}

/// A number field (integers and floats alike).
pub fn number(value: &Value, key: &str) -> Option<f64> {
    get(value, key).and_then(Value::as_f64)
}

/// A duration field; absent or not a Go duration gives `None` (decoding refuses the
/// latter before any validator runs).
pub fn duration(value: &Value, key: &str) -> Option<GoDuration> {
    GoDuration::parse(get(value, key)?.as_str()?).ok()
}

/// An int-or-string field read as a decimal number: `None` when absent,
/// `Some(Err(()))` when it is a string that is not a number.
pub fn decimal(value: &Value, key: &str) -> Option<Result<f64, ()>> {
    match get(value, key)? {
        Value::Number(n) => Some(n.as_f64().ok_or(())),
        Value::String(s) => Some(
            s.trim()
                .parse::<f64>()
                .map_err(|_| ())
                .and_then(|f| if f.is_finite() { Ok(f) } else { Err(()) }),
        ),
        _ => None,
    }
}

/// `<path>["key"]` with the key Go-quoted.
pub fn key_path(path: &str, key: &str) -> String {
    format!("{path}[{}]", gojson::quote(key))
}

/// Duration > 0 when set.
pub fn positive_duration(v: &mut Violations, path: &str, value: &Value, key: &str) {
    if let Some(d) = duration(value, key)
        && d.as_nanos() <= 0
    {
        v.add(format!("{path}.{key}"), GREATER_THAN_ZERO_WHEN_DEFINED);
    }
}

/// Duration ≥ 0 when set.
pub fn non_negative_duration(v: &mut Violations, path: &str, value: &Value, key: &str) {
    if let Some(d) = duration(value, key)
        && d.as_nanos() < 0
    {
        v.add(format!("{path}.{key}"), NOT_NEGATIVE_WHEN_DEFINED);
    }
}

/// A decimal percentage (int-or-string) at `path`: a number within 0..100.
pub fn percentage(v: &mut Violations, path: &str, value: &Value, key: &str) {
    match decimal(value, key) {
        None => {}
        Some(Err(())) => v.add(format!("{path}.{key}"), VALID_NUMBER),
        Some(Ok(p)) if !(0.0..=100.0).contains(&p) => {
            v.add(format!("{path}.{key}"), PERCENT_DECIMAL)
        }
        Some(Ok(_)) => {}
    }
}

/// A uint32 field that must be above zero when set.
pub fn positive_count(v: &mut Violations, path: &str, value: &Value, key: &str) {
    if number(value, key).is_some_and(|n| n <= 0.0) {
        v.add(format!("{path}.{key}"), GREATER_THAN_0);
    }
}

/// `"<name>" must be one of ["a", "b"]` (Kuma's `MakeFieldMustBeOneOfErr`).
pub fn must_be_one_of(name: &str, allowed: &[&str]) -> String {
    let quoted: Vec<String> = allowed.iter().map(|a| gojson::quote(a)).collect();
    format!(
        "{} must be one of [{}]",
        gojson::quote(name),
        quoted.join(", ")
    )
}

// ---------------------------------------------------------------------------------------
// Tags and selectors.

static TAG_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-zA-Z0-9.\-_:/]*$").expect("valid regex"));
static TAG_VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-zA-Z0-9.\-_:]*$").expect("valid regex"));
static SELECTOR_VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([a-zA-Z0-9.\-_:/]*|\*)$").expect("valid regex"));

/// Tag map rules (`ValidateTags`, or `ValidateSelector` when `selector`: values may be
/// `*` and slashes), keys in sorted order.
pub fn tags(v: &mut Violations, path: &str, tags: Option<&Map<String, Value>>, selector: bool) {
    let Some(tags) = tags else { return };
    let mut keys: Vec<&String> = tags.keys().collect();
    keys.sort();
    for key in keys {
        let value = tags[key].as_str().unwrap_or_default();
        if key.is_empty() {
            v.add(path, "tag name must be non-empty");
        }
        if !TAG_NAME.is_match(key) {
            v.add(
                key_path(path, key),
                "tag name must consist of alphanumeric characters, dots, dashes, slashes and underscores",
            );
        }
        if value.is_empty() {
            v.add(key_path(path, key), "tag value must be non-empty");
        }
        if selector {
            if !SELECTOR_VALUE.is_match(value) {
                v.add(
                    key_path(path, key),
                    "tag value must consist of alphanumeric characters, dots, dashes, slashes and underscores or be \"*\"",
                );
            }
        } else if !TAG_VALUE.is_match(value) {
            v.add(
                key_path(path, key),
                "tag value must consist of alphanumeric characters, dots, dashes and underscores",
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// targetRef.

/// Where a targetRef sits, which changes some of its rules.
#[derive(Clone, Copy, Default)]
pub struct RefContext {
    /// The top-level targetRef of an inbound policy (`rules` or `from` non-empty):
    /// Dataplane `sectionName` is allowed.
    pub inbound: bool,
    /// MeshGateway listener `tags` are allowed (top-level targetRef of some policies).
    pub gateway_listener_tags: bool,
    /// A backendRef (routes): MeshMultiZoneService needs `port`, and the name may be
    /// `kuma.io/unresolved-backend`.
    pub backend_ref: bool,
}

static REF_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9a-z.\-_]*$").expect("valid regex"));

/// The kind of a targetRef (`Mesh` when the targetRef is omitted).
pub fn kind_of(target_ref: Option<&Value>) -> &str {
    target_ref.map_or("Mesh", |r| text(r, "kind"))
}

/// Kuma's `ValidateTargetRef` for the targetRef at `path`, with the kinds allowed there.
pub fn target_ref(
    v: &mut Violations,
    path: &str,
    target_ref: &Value,
    allowed: &[&str],
    context: RefContext,
) {
    let kind = text(target_ref, "kind");
    if kind.is_empty() {
        v.add(format!("{path}.kind"), MUST_BE_DEFINED);
        return;
    }
    if !allowed.contains(&kind) {
        v.add(
            format!("{path}.kind"),
            format!("value '{kind}' is not supported"),
        );
        return;
    }
    let set = |key: &str| non_empty(target_ref, key);
    let must_not = |v: &mut Violations, key: &str| {
        if set(key) {
            v.add(
                format!("{path}.{key}"),
                format!("must not be set with kind {kind}"),
            );
        }
    };
    let name_rule = |v: &mut Violations| {
        let name = text(target_ref, "name");
        let unresolved = context.backend_ref && name == "kuma.io/unresolved-backend";
        if !unresolved && !REF_NAME.is_match(name) {
            v.add(
                format!("{path}.name"),
                "invalid characters: must consist of lower case alphanumeric characters, '-', '.' and '_'.",
            );
        }
    };
    let empty_proxy_types = |v: &mut Violations| {
        if matches!(target_ref.get("proxyTypes"), Some(Value::Array(a)) if a.is_empty()) {
            v.add(
                format!("{path}.proxyTypes"),
                "must be undefined or have at least one element",
            );
        }
    };
    let service_like = |v: &mut Violations, what: &str, either: &str| {
        if !set("labels") && !set("name") {
            v.add(
                path.to_string(),
                format!("name or labels must be set when kind is {what}"),
            );
        }
        if set("labels") && (set("name") || set("namespace")) {
            v.add(format!("{path}.labels"), either.to_string());
        }
    };
    const EITHER_NAME_NAMESPACE: &str = "either labels or name and namespace must be specified";
    match kind {
        "Mesh" => {
            if set("name") {
                v.add(
                    format!("{path}.name"),
                    "using name with kind Mesh is not yet supported",
                );
            }
            for key in ["mesh", "tags", "labels", "namespace", "sectionName"] {
                must_not(v, key);
            }
            empty_proxy_types(v);
        }
        "Dataplane" => {
            for key in ["tags", "mesh", "proxyTypes"] {
                must_not(v, key);
            }
            if set("labels") && (set("name") || set("namespace")) {
                v.add(format!("{path}.labels"), EITHER_NAME_NAMESPACE);
            }
            if set("sectionName") && !context.inbound {
                v.add(
                    format!("{path}.sectionName"),
                    "can only be used with inbound policies",
                );
            }
        }
        "MeshSubset" => {
            must_not(v, "name");
            must_not(v, "mesh");
            tags(v, &format!("{path}.tags"), map(target_ref, "tags"), false);
            for key in ["labels", "namespace", "sectionName"] {
                must_not(v, key);
            }
            empty_proxy_types(v);
        }
        "MeshService" => {
            name_rule(v);
            for key in ["mesh", "tags", "proxyTypes"] {
                must_not(v, key);
            }
            service_like(v, "MeshService", EITHER_NAME_NAMESPACE);
        }
        "MeshHTTPRoute" => {
            name_rule(v);
            for key in ["mesh", "tags", "proxyTypes", "sectionName"] {
                must_not(v, key);
            }
            service_like(v, "MeshHTTPRoute", EITHER_NAME_NAMESPACE);
        }
        "MeshServiceSubset" | "MeshGateway" => {
            if text(target_ref, "name").is_empty() {
                v.add(
                    format!("{path}.name"),
                    format!("must be set when kind is {kind}"),
                );
            }
            name_rule(v);
            must_not(v, "mesh");
            must_not(v, "proxyTypes");
            tags(v, &format!("{path}.tags"), map(target_ref, "tags"), true);
            if kind == "MeshGateway" && !context.gateway_listener_tags {
                must_not(v, "tags");
            }
            for key in ["labels", "namespace", "sectionName"] {
                must_not(v, key);
            }
        }
        "MeshExternalService" => {
            name_rule(v);
            for key in ["mesh", "tags", "proxyTypes"] {
                must_not(v, key);
            }
            service_like(
                v,
                "MeshExternalService",
                "either labels or name must be specified",
            );
            must_not(v, "sectionName");
        }
        _ => {}
    }
    if context.backend_ref && kind == "MeshMultiZoneService" && field(target_ref, "port").is_none()
    {
        v.add(
            format!("{path}.port"),
            "must be defined with kind MeshMultiZoneService",
        );
    }
}

/// The top-level targetRef, when present.
pub fn top_target_ref(v: &mut Violations, spec: &Value, allowed: &[&str], context: RefContext) {
    if let Some(top) = field(spec, "targetRef") {
        target_ref(v, "spec.targetRef", top, allowed, context);
    }
}

/// Whether the top-level targetRef "includes gateways": MeshGateway or MeshHTTPRoute, or
/// Mesh/MeshSubset (or omitted) whose `proxyTypes` is absent, empty or has `Gateway`.
pub fn includes_gateways(spec: &Value) -> bool {
    let top = field(spec, "targetRef");
    match kind_of(top) {
        "MeshGateway" | "MeshHTTPRoute" => true,
        "Mesh" | "MeshSubset" => {
            let proxy_types = top.map(|t| list(t, "proxyTypes")).unwrap_or_default();
            proxy_types.is_empty() || proxy_types.iter().any(|p| p == "Gateway")
        }
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------
// matches[].

/// Which of `ValidateMatch`'s rows apply.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum MatchRules {
    /// The SPIFFE ID and SNI rows only.
    Basic,
    /// Also "at least one of" and the `spiffeID.type` rows (MeshTimeout, MeshRateLimit).
    Full,
}

/// Kuma's `ValidateMatch` for the match at `path`.
pub fn match_rules(v: &mut Violations, path: &str, m: &Value, rules: MatchRules) {
    let spiffe = field(m, "spiffeID");
    let sni = field(m, "sni");
    if let Some(spiffe) = spiffe
        && let Err(err) = spiffe_id(text(spiffe, "value"))
    {
        v.add(
            format!("{path}.spiffeID"),
            format!("must be a valid Spiffe ID: {err}"),
        );
    }
    if let Some(sni) = sni {
        match text(sni, "type") {
            "" => v.add(format!("{path}.sni.type"), "must be set"),
            "Exact" => {}
            other => v.add(
                format!("{path}.sni.type"),
                format!(
                    "unrecognized type {}, supported values are: Exact",
                    gojson::quote(other)
                ),
            ),
        }
        let value = text(sni, "value");
        if value.is_empty() {
            v.add(format!("{path}.sni.value"), "must be set");
        } else {
            for message in dns1123_subdomain(value) {
                v.add(format!("{path}.sni.value"), message);
            }
        }
    }
    if rules == MatchRules::Full {
        if spiffe.is_none() && sni.is_none() {
            v.add(path, "must specify at least one of 'spiffeID' or 'sni'");
        }
        if let Some(spiffe) = spiffe {
            match text(spiffe, "type") {
                "" => v.add(format!("{path}.spiffeID.type"), "must be set"),
                "Exact" | "Prefix" => {}
                other => v.add(
                    format!("{path}.spiffeID.type"),
                    format!(
                        "unrecognized type {}, supported values are: Exact, Prefix",
                        gojson::quote(other)
                    ),
                ),
            }
        }
    }
}

/// go-spiffe v2 `spiffeid.FromString`.
fn spiffe_id(id: &str) -> Result<(), &'static str> {
    if id.is_empty() {
        return Err("cannot be empty");
    }
    let Some(rest) = id.strip_prefix("spiffe://") else {
        return Err("scheme is missing or invalid");
    };
    let (domain, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if !domain
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
    {
        return Err(
            "trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores",
        );
    }
    if domain.is_empty() {
        return Err("trust domain is missing");
    }
    if path.is_empty() {
        return Ok(());
    }
    let segments: Vec<&str> = path[1..].split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        if segment.is_empty() {
            return Err(if i == segments.len() - 1 {
                "path cannot have a trailing slash"
            } else {
                "path cannot contain empty segments"
            });
        }
        if *segment == "." || *segment == ".." {
            return Err("path cannot contain dot segments");
        }
        if !segment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        {
            return Err(
                "path segment characters are limited to letters, numbers, dots, dashes, and underscores",
            );
        }
    }
    Ok(())
}

static DNS1123_SUBDOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
        .expect("valid regex")
});

/// k8s `IsDNS1123Subdomain`'s messages.
pub fn dns1123_subdomain(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    if value.len() > 253 {
        out.push("must be no more than 253 characters".to_string());
    }
    if !DNS1123_SUBDOMAIN.is_match(value) {
        out.push("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')".to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ref_errors(r: Value, allowed: &[&str], context: RefContext) -> Vec<String> {
        let mut v = Violations::default();
        target_ref(&mut v, "spec.targetRef", &r, allowed, context);
        v.0.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn target_ref_rules() {
        let all = [
            "Mesh",
            "MeshSubset",
            "MeshService",
            "MeshServiceSubset",
            "Dataplane",
            "MeshGateway",
            "MeshExternalService",
        ];
        assert_eq!(
            ref_errors(
                json!({"kind": "MeshHTTPRoute"}),
                &all,
                RefContext::default()
            ),
            ["spec.targetRef.kind: value 'MeshHTTPRoute' is not supported"]
        );
        assert_eq!(
            ref_errors(
                json!({"kind": "Mesh", "name": "x", "tags": {"a": "b"}, "proxyTypes": []}),
                &all,
                RefContext::default()
            ),
            [
                "spec.targetRef.name: using name with kind Mesh is not yet supported",
                "spec.targetRef.tags: must not be set with kind Mesh",
                "spec.targetRef.proxyTypes: must be undefined or have at least one element"
            ]
        );
        assert_eq!(
            ref_errors(json!({"kind": "MeshService"}), &all, RefContext::default()),
            ["spec.targetRef: name or labels must be set when kind is MeshService"]
        );
        assert_eq!(
            ref_errors(
                json!({"kind": "MeshServiceSubset", "name": "A", "tags": {"k": "*", "": "v"}}),
                &all,
                RefContext::default()
            ),
            [
                "spec.targetRef.name: invalid characters: must consist of lower case alphanumeric characters, '-', '.' and '_'.",
                "spec.targetRef.tags: tag name must be non-empty",
            ]
        );
        assert_eq!(
            ref_errors(
                json!({"kind": "Dataplane", "sectionName": "x"}),
                &all,
                RefContext::default()
            ),
            ["spec.targetRef.sectionName: can only be used with inbound policies"]
        );
    }

    #[test]
    fn spiffe_ids() {
        assert_eq!(spiffe_id("spiffe://a.b/ns/x"), Ok(()));
        assert_eq!(spiffe_id("http://x"), Err("scheme is missing or invalid"));
        assert_eq!(spiffe_id("spiffe://"), Err("trust domain is missing"));
        assert_eq!(
            spiffe_id("spiffe://a/b/"),
            Err("path cannot have a trailing slash")
        );
        assert_eq!(
            spiffe_id("spiffe://a//b"),
            Err("path cannot contain empty segments")
        );
    }
}
