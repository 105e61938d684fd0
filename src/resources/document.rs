//! One document of `kumactl apply` input turned into a resource (Go's
//! `app/kumactl/cmd/apply/apply.go`): templating, YAML (read as JSON, as Go's
//! `sigs.k8s.io/yaml` does), the meta fields and the type, the spec (decoded and
//! validated by [`crate::resources::spec`]), then the meta rules. The error texts are
//! Go kumactl's.

use super::meta::{join_violations, validate_meta};
use super::resource::{ParseError, Resource};
use super::spec::{self, DecodeError, SpecError};
use super::template;
use regex::Regex;
use serde_json::{Map, Number, Value};
use std::sync::LazyLock;

/// Why a document cannot be applied; printed as `resource[<i>]: <this>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocumentError {
    /// The `-v` template does not parse (Go would apply the error text as a document).
    Template(String),
    /// Not a resource: bad YAML, unknown type, a spec that does not decode or validate.
    Parse {
        message: String,
        /// The document looks like a Kubernetes manifest (`apiVersion` and `kind`).
        kubernetes: bool,
    },
    /// The name or mesh break Kuma's meta rules
    /// (`pkg/core/resources/apis/mesh/meta_validator.go`).
    Meta(String),
}

impl std::fmt::Display for DocumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocumentError::Template(message) => {
                write!(f, "failed to render the template: {message}")
            }
            DocumentError::Parse { message, .. } => {
                write!(f, "failed to parse resource: {message}")
            }
            DocumentError::Meta(message) => write!(f, "failed to read meta: {message}"),
        }
    }
}

impl DocumentError {
    /// An extra line for the user, when we can tell what went wrong.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            DocumentError::Parse {
                kubernetes: true, ..
            } => Some(
                "this is a Kubernetes manifest (apiVersion/kind); kumactl apply takes Universal resources (type, name, mesh and the spec at the top level). Apply Kubernetes manifests with `kubectl apply`",
            ),
            _ => None,
        }
    }
}

/// Renders the `-v` template of a document, when variables were given.
pub fn render(
    text: &str,
    vars: Option<&template::Value>,
    partials: &template::Partials,
) -> Result<String, DocumentError> {
    match vars {
        None => Ok(text.to_string()),
        Some(vars) => template::render(text, vars, partials)
            .map_err(|e| DocumentError::Template(e.to_string())),
    }
}

/// Parses and validates one (already templated) document.
pub fn parse(text: &[u8]) -> Result<Resource, DocumentError> {
    let parse_error = |message: String| DocumentError::Parse {
        message,
        kubernetes: false,
    };
    let value = yaml_to_json(text).map_err(|e| {
        parse_error(
            ParseError::InvalidMeta(format!("error converting YAML to JSON: {e}")).to_string(),
        )
    })?;
    let kubernetes = looks_like_kubernetes(&value);
    // `null` (an empty document) decodes to empty meta in Go: the type is "".
    let mut value = match value {
        Value::Null => Value::Object(Map::new()),
        other => other,
    };
    // New-style types: schema defaults and schema validation come before decoding.
    if let Some(type_name) = value.get("type").and_then(Value::as_str)
        && let Some(t) = super::descriptor::by_name(type_name)
    {
        crate::resources::openapi::check(t.name, &mut value)
            .map_err(|violations| parse_error(join_violations(&violations)))?;
    }
    let resource = Resource::from_json(value).map_err(|e| DocumentError::Parse {
        message: e.to_string(),
        kubernetes,
    })?;
    let resource = check_spec(resource).map_err(parse_error)?;
    let violations = validate_meta(
        resource.resource_type(),
        &resource.meta.name,
        &resource.meta.mesh,
    );
    if !violations.is_empty() {
        return Err(DocumentError::Meta(join_violations(&violations)));
    }
    Ok(resource)
}

/// Decodes the spec of the modelled types (into the canonical form Kuma's protobuf
/// decoder gives) and runs their validation rules; other types pass through.
fn check_spec(resource: Resource) -> Result<Resource, String> {
    spec::parse(resource).map_err(|err| match err {
        // (inferred) New-style types are decoded with encoding/json from the schema-checked
        // map, outside sigs.k8s.io/yaml: no prefix.
        SpecError::Decode(decode)
            if crate::resources::openapi::is_new_style_type(&decode.type_name) =>
        {
            decode.to_string()
        }
        // kumactl reads YAML: sigs.k8s.io/yaml prefixes the JSON decoder's error.
        SpecError::Decode(decode) => DecodeError::new(
            &decode.type_name,
            format!(
                "error unmarshaling JSON: while decoding JSON: {}",
                decode.reason
            ),
        )
        .to_string(),
        other => other.to_string(),
    })
}

fn looks_like_kubernetes(value: &Value) -> bool {
    match value {
        Value::Object(map) => {
            map.contains_key("apiVersion")
                && map.contains_key("kind")
                && map.get("type").is_none_or(|t| t.as_str() == Some(""))
        }
        _ => false,
    }
}

/// A YAML document as JSON, like `sigs.k8s.io/yaml.YAMLToJSON`: keys become strings,
/// tags are dropped. The error text is go-yaml's (`yaml: line 2: did not find expected
/// key`).
pub fn yaml_to_json(text: &[u8]) -> Result<Value, String> {
    let text = std::str::from_utf8(text).map_err(|_| "yaml: invalid leading UTF-8 octet")?;
    // libyaml's parse is quadratic in the nesting: refuse deep texts before it runs.
    crate::nesting::check_yaml(text.as_bytes()).map_err(|e| e.to_string())?;
    let GoYamlValue(value) =
        serde_yaml::from_str(text).map_err(|e| go_yaml_error(&e.to_string()))?;
    convert(value)
}

/// A YAML node read as go-yaml v2 resolves plain scalars: an integer beyond 64 bits is a
/// float (`strconv.ParseInt`/`ParseUint` fail, `ParseFloat` succeeds), where
/// `serde_yaml::Value` cannot hold the 128-bit integer serde_yaml reads and fails.
struct GoYamlValue(serde_yaml::Value);

impl<'de> serde::Deserialize<'de> for GoYamlValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(GoYamlVisitor).map(GoYamlValue)
    }
}

struct GoYamlVisitor;

impl<'de> serde::de::Visitor<'de> for GoYamlVisitor {
    type Value = serde_yaml::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Self::Value, E> {
        Ok(serde_yaml::Value::Bool(b))
    }

    fn visit_i64<E>(self, i: i64) -> Result<Self::Value, E> {
        Ok(serde_yaml::Value::Number(i.into()))
    }

    fn visit_u64<E>(self, u: u64) -> Result<Self::Value, E> {
        Ok(serde_yaml::Value::Number(u.into()))
    }

    fn visit_i128<E>(self, i: i128) -> Result<Self::Value, E> {
        Ok(serde_yaml::Value::Number((i as f64).into()))
    }

    fn visit_u128<E>(self, u: u128) -> Result<Self::Value, E> {
        Ok(serde_yaml::Value::Number((u as f64).into()))
    }

    fn visit_f64<E>(self, f: f64) -> Result<Self::Value, E> {
        Ok(serde_yaml::Value::Number(f.into()))
    }

    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(serde_yaml::Value::String(s.to_string()))
    }

    fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
        Ok(serde_yaml::Value::String(s))
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(serde_yaml::Value::Null)
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(serde_yaml::Value::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(GoYamlVisitor)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(GoYamlValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(serde_yaml::Value::Sequence(items))
    }

    /// Duplicate keys are refused with serde_yaml's own words, which [`go_yaml_error`]
    /// rewrites as go-yaml's.
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut mapping = serde_yaml::Mapping::new();
        while let Some(GoYamlValue(key)) = map.next_key()? {
            if mapping.contains_key(&key) {
                let which = match &key {
                    serde_yaml::Value::Null => "with null key".to_string(),
                    serde_yaml::Value::Bool(b) => format!("with key `{b}`"),
                    serde_yaml::Value::Number(n) => format!("with key {n}"),
                    serde_yaml::Value::String(s) => format!("with key {s:?}"),
                    _ => "in YAML map".to_string(),
                };
                return Err(serde::de::Error::custom(format!("duplicate entry {which}")));
            }
            let GoYamlValue(value) = map.next_value()?;
            mapping.insert(key, value);
        }
        Ok(serde_yaml::Value::Mapping(mapping))
    }

    /// A tagged node (`!foo bar`): [`convert`] drops tags, so only the value is kept.
    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        use serde::de::VariantAccess;
        let (_tag, contents) = data.variant::<serde::de::IgnoredAny>()?;
        let GoYamlValue(value) = contents.newtype_variant()?;
        Ok(value)
    }
}

fn convert(value: serde_yaml::Value) -> Result<Value, String> {
    Ok(match value {
        serde_yaml::Value::Null => Value::Null,
        serde_yaml::Value::Bool(b) => Value::Bool(b),
        serde_yaml::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::Number(i.into())
            } else if let Some(u) = n.as_u64() {
                Value::Number(u.into())
            } else {
                let f = n.as_f64().unwrap_or(f64::NAN);
                Value::Number(
                    Number::from_f64(f)
                        .ok_or_else(|| format!("json: unsupported value: {}", go_float_name(f)))?,
                )
            }
        }
        serde_yaml::Value::String(s) => Value::String(s),
        serde_yaml::Value::Sequence(items) => Value::Array(
            items
                .into_iter()
                .map(convert)
                .collect::<Result<Vec<_>, _>>()?,
        ),
        serde_yaml::Value::Mapping(map) => {
            let mut out = Map::new();
            for (key, value) in map {
                out.insert(key_string(key)?, convert(value)?);
            }
            Value::Object(out)
        }
        serde_yaml::Value::Tagged(tagged) => convert(tagged.value)?,
    })
}

fn go_float_name(f: f64) -> &'static str {
    if f.is_nan() {
        "NaN"
    } else if f > 0.0 {
        "+Inf"
    } else {
        "-Inf"
    }
}

/// A mapping key as JSON object key (Go's `fmt` form of a scalar key).
fn key_string(key: serde_yaml::Value) -> Result<String, String> {
    match key {
        serde_yaml::Value::String(s) => Ok(s),
        serde_yaml::Value::Null => Ok("null".into()),
        serde_yaml::Value::Bool(b) => Ok(b.to_string()),
        serde_yaml::Value::Number(n) => Ok(match n.as_f64() {
            Some(f) if !n.is_i64() && !n.is_u64() => crate::output::yaml::format_go_float(f),
            _ => n.to_string(),
        }),
        serde_yaml::Value::Tagged(tagged) => key_string(tagged.value),
        serde_yaml::Value::Sequence(_) | serde_yaml::Value::Mapping(_) => {
            Err("yaml: invalid map key: a sequence or mapping cannot be a key".into())
        }
    }
}

/// libyaml's parser (as opposed to scanner) problems: go-yaml reports their line one
/// lower than the scanner's.
const PARSER_PROBLEMS: &[&str] = &[
    "did not find expected <stream-start>",
    "did not find expected <document start>",
    "did not find expected node content",
    "did not find expected key",
    "did not find expected '-' indicator",
    "did not find expected ',' or ']'",
    "did not find expected ',' or '}'",
    "found undefined tag handle",
    "found duplicate %YAML directive",
    "found incompatible YAML document",
    "found duplicate %TAG directive",
];

static LIBYAML_ERROR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?s)(?P<problem>.*?)(?: at line (?P<line>\d+) column \d+)?(?:, while (?P<context>.*?)(?: at line (?P<cline>\d+) column \d+)?)?$",
    )
    .expect("valid regex")
});

/// Rewrites serde_yaml's rendering of a libyaml error (`<problem> at line L column C,
/// while <context> at line L2 column C2`) as go-yaml v2 does (`yaml: line N: <problem>`):
/// the problem's line if it is not the first, plus one for scanner errors (which libyaml
/// reports before moving past the line), else the context's line, else no line.
pub fn go_yaml_error(text: &str) -> String {
    let Some(caps) = LIBYAML_ERROR.captures(text) else {
        return format!("yaml: {text}");
    };
    let problem = caps.name("problem").map_or(text, |m| m.as_str());
    // serde_yaml's lines are 1-based; go-yaml works from libyaml's 0-based marks.
    let zero_based = |name: &str| {
        caps.name(name)
            .and_then(|m| m.as_str().parse::<usize>().ok())
            .map(|l| l.saturating_sub(1))
            .unwrap_or(0)
    };
    let problem_line = zero_based("line");
    let context_line = zero_based("cline");
    let line = if problem_line != 0 {
        if PARSER_PROBLEMS.contains(&problem) {
            problem_line
        } else {
            problem_line + 1
        }
    } else {
        context_line
    };
    // serde_yaml names the path of a nested map first (`spec.conf: duplicate entry...`).
    let problem = match problem.find("duplicate entry with key ") {
        Some(at) => format!(
            "key {} already set in map",
            &problem[at + "duplicate entry with key ".len()..]
        ),
        None => problem.to_string(),
    };
    if line == 0 {
        format!("yaml: {problem}")
    } else {
        format!("yaml: line {line}: {problem}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_PARTIALS: template::Partials = template::Partials::Refused("stdin");
    use serde_json::json;

    fn yaml_error(text: &str) -> String {
        yaml_to_json(text.as_bytes()).unwrap_err()
    }

    /// go-yaml v2 resolves an integer beyond 64 bits as a float; serde_yaml reads it as a
    /// 128-bit integer, which must not surface as its own error.
    #[test]
    fn integers_beyond_64_bits_are_floats() {
        assert_eq!(
            yaml_to_json(b"a: 18446744073709551616\nb: -9223372036854775809\nc: 9").unwrap(),
            json!({"a": 18446744073709551616.0, "b": -9223372036854775809.0, "c": 9})
        );
        // Tags are dropped, at any depth.
        assert_eq!(
            yaml_to_json(b"a: !foo [!!str 5, ! x]").unwrap(),
            json!({"a": ["5", "x"]})
        );
    }

    #[test]
    fn duplicate_keys_read_like_go_yaml_at_any_depth() {
        assert_eq!(
            yaml_error("a: 1\na: 2"),
            "yaml: key \"a\" already set in map"
        );
        assert_eq!(
            yaml_error("spec:\n  conf: {x: 1, x: 2}"),
            "yaml: line 2: key \"x\" already set in map"
        );
    }

    #[test]
    fn yaml_errors_read_like_go_yaml() {
        assert_eq!(
            yaml_error("\"gewfew"),
            "yaml: found unexpected end of stream"
        );
        assert_eq!(
            yaml_error("a: b: c"),
            "yaml: mapping values are not allowed in this context"
        );
        assert_eq!(
            yaml_error("x: y\n  z: w"),
            "yaml: line 2: mapping values are not allowed in this context"
        );
        assert_eq!(
            yaml_error("a: b\n- c"),
            "yaml: line 1: did not find expected key"
        );
        assert_eq!(
            yaml_error("a:\n\tb: 1"),
            "yaml: line 2: found character that cannot start any token"
        );
    }

    #[test]
    fn deep_brackets_are_refused_before_parsing() {
        let nested = |n: usize| format!("a:\n  {}{}", "[".repeat(n), "]".repeat(n));
        // Deeper than serde_yaml's limit, below ours: serde_yaml's own error.
        assert_eq!(
            yaml_error(&nested(200)),
            "yaml: line 2: recursion limit exceeded"
        );
        let started = std::time::Instant::now();
        assert_eq!(
            yaml_error(&nested(1 << 20)),
            "yaml: line 2: recursion limit exceeded"
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        // Many brackets side by side are not nesting.
        let flat = format!("a: [{}]", vec!["[1]"; 10_000].join(", "));
        assert!(yaml_to_json(flat.as_bytes()).is_ok());
    }

    #[test]
    fn yaml_becomes_json() {
        assert_eq!(
            yaml_to_json(b"b: 1\na: [x, 2.5, true, null]\n3: !tag v").unwrap(),
            json!({"b": 1, "a": ["x", 2.5, true, null], "3": "v"})
        );
        assert_eq!(yaml_to_json(b"# only a comment").unwrap(), Value::Null);
    }

    #[test]
    fn the_golden_parse_errors() {
        assert_eq!(
            parse(b"\"gewfew").unwrap_err().to_string(),
            "failed to parse resource: invalid meta type: \"error converting YAML to JSON: yaml: found unexpected end of stream\""
        );
        assert_eq!(
            parse(b"type: Foo\nname: x").unwrap_err().to_string(),
            "failed to parse resource: invalid resource type \"Foo\""
        );
        assert_eq!(
            parse(b"# a\n# b").unwrap_err().to_string(),
            "failed to parse resource: invalid resource type \"\""
        );
    }

    #[test]
    fn meta_rules_apply_after_parsing() {
        assert_eq!(
            parse(b"type: Secret\nname: ''\ndata: dA==")
                .unwrap_err()
                .to_string(),
            "failed to read meta: name: cannot be empty; mesh: cannot be empty"
        );
        let resource = parse(b"type: ZoneEgress\nname: ze-1\nnetworking:\n  port: 10002").unwrap();
        assert_eq!(resource.meta.name, "ze-1");
    }

    #[test]
    fn specs_are_decoded_and_validated() {
        assert_eq!(
            parse(b"type: ZoneEgress\nname: ze\nnetworking:\n  port: 70000")
                .unwrap_err()
                .to_string(),
            "failed to parse resource: networking.port: port must be in the range [1, 65535]"
        );
        assert_eq!(
            parse(b"type: ZoneEgress\nname: ze\nnetworking:\n  port: true")
                .unwrap_err()
                .to_string(),
            "failed to parse resource: invalid ZoneEgress object: \"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal bool into Go value of type uint32\""
        );
        // Spec errors come first: the empty name is not reported.
        assert_eq!(
            parse(b"type: Mesh\nrouting:\n  zoneEgress: true")
                .unwrap_err()
                .to_string(),
            "failed to parse resource: mtls: has to be set when zoneEgress enabled"
        );
        // The spec is put in canonical form (unknown fields dropped).
        let resource =
            parse(b"type: ZoneEgress\nname: ze\nbogus: 1\nnetworking:\n  port: 10002").unwrap();
        assert_eq!(
            serde_json::to_string(&resource.spec).unwrap(),
            r#"{"networking":{"port":10002}}"#
        );
    }

    #[test]
    fn kubernetes_manifests_get_a_hint() {
        let err =
            parse(b"apiVersion: kuma.io/v1alpha1\nkind: Mesh\nmetadata:\n  name: m").unwrap_err();
        assert_eq!(
            err.to_string(),
            "failed to parse resource: invalid resource type \"\""
        );
        assert!(err.hint().unwrap().contains("kubectl apply"));
        assert!(parse(b"type: Foo").unwrap_err().hint().is_none());
    }

    #[test]
    fn templates_render_before_parsing() {
        let vars = template::Value::from_vars([(&"n".to_string(), &"x".to_string())]).unwrap();
        assert_eq!(
            render("name: {{ n }}", Some(&vars), &NO_PARTIALS).unwrap(),
            "name: x"
        );
        assert_eq!(
            render("name: {{ n }}", None, &NO_PARTIALS).unwrap(),
            "name: {{ n }}"
        );
        assert_eq!(
            render("name: {{ n", Some(&vars), &NO_PARTIALS)
                .unwrap_err()
                .to_string(),
            "failed to render the template: line 1: unmatched open tag"
        );
    }
}
