//! Helm's `tpl` on the user-supplied values the chart passes through it (affinities,
//! topology spread constraints, cert-manager DNS names; chart:
//! `deployments/charts/kuma/templates/cp-deployment.yaml`, `egress-deployment.yaml`,
//! `ingress-deployment.yaml`, `cni-daemonset.yaml`, `mesh-zoneproxy-deployment.yaml`,
//! `cp-certs-cert-manager.yaml`).
//!
//! This is the subset of Go templates such values use: actions that print
//! `.Release.Name`, `.Release.Namespace`, `.Chart.Name`, `include "kuma.name" .` or a
//! `.Values.<path>` scalar, with `{{-` / `-}}` whitespace trimming and `{{/* comments
//! */}}`. Anything else (pipelines, functions, control structures) is refused with an
//! error naming the field rather than printed literally.

use super::RELEASE_NAME;
use super::values::{Values, go_text, typed_value};
use anyhow::bail;
use serde_json::{Map, Value};

/// What the templates can see.
pub struct Scope<'a> {
    pub values: &'a Values,
    pub namespace: &'a str,
}

impl Scope<'_> {
    /// Renders one template text; `field` names the value in errors.
    pub fn render(&self, text: &str, field: &str) -> anyhow::Result<String> {
        if !text.contains("{{") {
            return Ok(text.to_string());
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find("{{") {
            let Some(len) = rest[start..].find("}}") else {
                bail!("{field}: unclosed {{{{ in {text:?}");
            };
            out.push_str(&rest[..start]);
            let mut inner = &rest[start + 2..start + len];
            // `{{- ` and ` -}}` trim the whitespace around the action.
            if let Some(trimmed) = inner.strip_prefix("- ") {
                out.truncate(out.trim_end().len());
                inner = trimmed;
            }
            let trim_after = inner.ends_with(" -");
            if trim_after {
                inner = &inner[..inner.len() - 2];
            }
            out.push_str(&self.action(inner.trim(), field)?);
            rest = &rest[start + len + 2..];
            if trim_after {
                rest = rest.trim_start();
            }
        }
        out.push_str(rest);
        Ok(out)
    }

    fn action(&self, action: &str, field: &str) -> anyhow::Result<String> {
        if action.starts_with("/*") && action.ends_with("*/") {
            return Ok(String::new());
        }
        let words: Vec<&str> = action.split_whitespace().collect();
        match words.as_slice() {
            [".Release.Name"] | [".Chart.Name"] => Ok(RELEASE_NAME.to_string()),
            [".Release.Namespace"] => Ok(self.namespace.to_string()),
            ["include", "\"kuma.name\"", "."] => Ok(RELEASE_NAME.to_string()),
            [path] if path.starts_with(".Values.") => {
                let path = &path[".Values.".len()..];
                match self.values.get(path) {
                    Some(Value::Array(_) | Value::Object(_)) => {
                        bail!("{field}: {{{{ .Values.{path} }}}} is not a scalar")
                    }
                    // Go prints a missing value as `<no value>`.
                    None => Ok("<no value>".to_string()),
                    Some(value) => Ok(go_text(value)),
                }
            }
            _ => bail!(
                "{field}: the template action {{{{ {action} }}}} is not supported (only .Release.Name, .Release.Namespace, .Chart.Name, .Values.<key> and include \"kuma.name\" .)"
            ),
        }
    }

    /// Renders every string (map keys included) of a structure of values.
    pub fn render_value(&self, value: &Value, field: &str) -> anyhow::Result<Value> {
        // Most values hold no action at all: a clone is much cheaper than rebuilding
        // every map.
        if !has_action(value) {
            return Ok(value.clone());
        }
        Ok(match value {
            Value::String(text) => Value::String(self.render(text, field)?),
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .map(|item| self.render_value(item, field))
                    .collect::<anyhow::Result<_>>()?,
            ),
            Value::Object(map) => {
                let mut out = Map::with_capacity(map.len());
                for (key, item) in map {
                    out.insert(self.render(key, field)?, self.render_value(item, field)?);
                }
                Value::Object(out)
            }
            other => other.clone(),
        })
    }

    /// A Kubernetes structure from the values after `tpl`; missing, null or empty is
    /// `None`, as the chart's `with` guards.
    pub fn typed<T: serde::de::DeserializeOwned>(&self, path: &str) -> anyhow::Result<Option<T>> {
        match self.values.get(path) {
            Some(value) => typed_value(self.render_value(value, path)?, path),
            None => Ok(None),
        }
    }
}

/// Whether a key or a string anywhere in `value` holds a template action.
fn has_action(value: &Value) -> bool {
    match value {
        Value::String(text) => text.contains("{{"),
        Value::Array(items) => items.iter().any(has_action),
        Value::Object(map) => map
            .iter()
            .any(|(key, item)| key.contains("{{") || has_action(item)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn values() -> Values {
        match json!({"a": {"b": "x", "n": 3, "m": {}}}) {
            Value::Object(map) => Values::new(map),
            _ => unreachable!(),
        }
    }

    #[test]
    fn renders_the_supported_actions() {
        let values = values();
        let scope = Scope {
            values: &values,
            namespace: "ns",
        };
        let render = |text: &str| scope.render(text, "f");
        assert_eq!(
            render("kuma-control-plane.{{ .Release.Namespace }}.svc").unwrap(),
            "kuma-control-plane.ns.svc"
        );
        assert_eq!(
            render("{{.Release.Name}} - {{- .Release.Namespace -}} .x").unwrap(),
            "kuma -ns.x"
        );
        assert_eq!(
            render("{{ include \"kuma.name\" . }}-control-plane").unwrap(),
            "kuma-control-plane"
        );
        assert_eq!(
            render("{{ .Values.a.b }}/{{ .Values.a.n }}/{{ .Values.z }}").unwrap(),
            "x/3/<no value>"
        );
        assert_eq!(render("{{/* note */}}plain").unwrap(), "plain");
        assert_eq!(render("plain.example").unwrap(), "plain.example");
        assert_eq!(
            render("{{ .Values.a | quote }}").unwrap_err().to_string(),
            "f: the template action {{ .Values.a | quote }} is not supported (only .Release.Name, .Release.Namespace, .Chart.Name, .Values.<key> and include \"kuma.name\" .)"
        );
        assert_eq!(
            render("{{ .Values.a.m }}").unwrap_err().to_string(),
            "f: {{ .Values.a.m }} is not a scalar"
        );
        assert_eq!(
            render("a{{ .Release.Name").unwrap_err().to_string(),
            "f: unclosed {{ in \"a{{ .Release.Name\""
        );
    }

    #[test]
    fn renders_keys_and_nested_strings() {
        let values = values();
        let scope = Scope {
            values: &values,
            namespace: "ns",
        };
        let input = json!({"{{ .Release.Name }}": ["{{ .Release.Namespace }}", 1, true]});
        assert_eq!(
            scope.render_value(&input, "f").unwrap(),
            json!({"kuma": ["ns", 1, true]})
        );
    }
}
