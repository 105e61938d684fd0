//! The list filters that look into a resource's spec (Go: `pkg/api-server/filters/filtering.go`,
//! `api/mesh/v1alpha1/dataplane_helpers.go` `MatchesFuzzy`): `tag=<key>:<value>` for
//! Dataplanes and ExternalServices, `gateway=<mode>` for Dataplanes.

#![allow(
    clippy::result_large_err,
    reason = "errors become HTTP responses at once; their size does not matter on that path"
)]

use super::pagination::{LIST_ERROR_TITLE, Query};
use crate::api::ApiError;
use crate::resources::descriptor::ResourceType;
use serde_json::Value;
use std::collections::BTreeMap;

/// Which Dataplanes `gateway=` keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GatewayFilter {
    /// `true`: any gateway.
    Any,
    /// `false`: no gateway.
    None,
    Builtin,
    Delegated,
}

/// The spec filters of one list request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpecFilter {
    /// `tag` selectors: key → value (a value of `*` matches any).
    pub tags: BTreeMap<String, String>,
    pub gateway: Option<GatewayFilter>,
}

impl SpecFilter {
    /// The filters of `query` that apply to type `t`; `None` when there are none.
    /// `route_path` is the route template, the root of error fields.
    pub fn parse(
        t: &ResourceType,
        query: &Query,
        route_path: &str,
    ) -> Result<Option<SpecFilter>, ApiError> {
        let mut filter = SpecFilter::default();
        if matches!(t.name, "Dataplane" | "ExternalService") {
            for (key, value) in &query.0 {
                // A value without `:` is ignored; a repeated key keeps its last value.
                if key == "tag"
                    && let Some((tag, tag_value)) = value.split_once(':')
                {
                    filter.tags.insert(tag.to_string(), tag_value.to_string());
                }
            }
        }
        if t.name == "Dataplane" {
            let mode = query.get("gateway").unwrap_or_default().to_lowercase();
            filter.gateway = match mode.as_str() {
                "" => None,
                "true" => Some(GatewayFilter::Any),
                "false" => Some(GatewayFilter::None),
                "builtin" => Some(GatewayFilter::Builtin),
                "delegated" => Some(GatewayFilter::Delegated),
                other => {
                    return Err(ApiError::new(400, LIST_ERROR_TITLE, "Resource is not valid")
                        .with_parameters(vec![(
                            format!("{route_path}.gateway"),
                            format!(
                                "shoud use `true`, `false`, 'builtin' or 'delegated' instead of {other}"
                            ),
                        )]));
                }
            };
        }
        Ok((filter != SpecFilter::default()).then_some(filter))
    }

    /// Whether a resource (its served JSON) passes: the gateway mode, then the tags.
    pub fn matches(&self, type_name: &str, resource: &Value) -> bool {
        let gateway = resource.pointer("/networking/gateway");
        let builtin =
            gateway.and_then(|g| g.get("type")).and_then(Value::as_str) == Some("BUILTIN");
        let gateway_ok = match self.gateway {
            None => true,
            Some(GatewayFilter::Any) => gateway.is_some(),
            Some(GatewayFilter::None) => gateway.is_none(),
            Some(GatewayFilter::Builtin) => gateway.is_some() && builtin,
            Some(GatewayFilter::Delegated) => gateway.is_some() && !builtin,
        };
        if !gateway_ok {
            return false;
        }
        if self.tags.is_empty() {
            return true;
        }
        match type_name {
            "ExternalService" => self.fuzzy(resource.get("tags")),
            _ => {
                let inbounds = resource
                    .pointer("/networking/inbound")
                    .and_then(Value::as_array)
                    .map_or(&[][..], Vec::as_slice);
                inbounds
                    .iter()
                    .any(|inbound| self.fuzzy(inbound.get("tags")))
                    || gateway.is_some_and(|g| self.fuzzy(g.get("tags")))
            }
        }
    }

    /// Every selector key present with a value containing the selector's (or `*`).
    fn fuzzy(&self, tags: Option<&Value>) -> bool {
        self.tags.iter().all(|(key, wanted)| {
            tags.and_then(|t| t.get(key))
                .and_then(Value::as_str)
                .is_some_and(|value| wanted == "*" || value.contains(wanted.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::descriptor::by_name;
    use serde_json::json;

    fn parse(type_name: &str, query: &str) -> Result<Option<SpecFilter>, ApiError> {
        SpecFilter::parse(
            by_name(type_name).unwrap(),
            &Query::parse(Some(query)),
            "/meshes/{mesh}/dataplanes",
        )
    }

    #[test]
    fn parsing() {
        assert_eq!(parse("Dataplane", "size=1").unwrap(), None);
        assert_eq!(parse("TrafficRoute", "tag=a:b&gateway=x").unwrap(), None);
        let filter = parse(
            "Dataplane",
            "tag=a:1&tag=a:2&tag=b&tag=c:d:e&gateway=BuiltIn",
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            filter.tags,
            [("a", "2"), ("c", "d:e")]
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        );
        assert_eq!(filter.gateway, Some(GatewayFilter::Builtin));
        let err = parse("Dataplane", "gateway=Maybe").unwrap_err();
        let params = err.invalid_parameters.unwrap();
        assert_eq!(params[0].field, "/meshes/{mesh}/dataplanes.gateway");
        assert_eq!(
            params[0].reason,
            "shoud use `true`, `false`, 'builtin' or 'delegated' instead of maybe"
        );
    }

    #[test]
    fn matching() {
        let dp = json!({"networking": {"inbound": [{"tags": {"kuma.io/service": "backend", "version": "v1"}},
                                                    {"tags": {"kuma.io/service": "web"}}]}});
        let gw = json!({"networking": {"gateway": {"type": "BUILTIN", "tags": {"kuma.io/service": "edge"}}}});
        let filter = |q: &str| parse("Dataplane", q).unwrap().unwrap();
        assert!(filter("tag=kuma.io/service:back").matches("Dataplane", &dp));
        assert!(!filter("tag=kuma.io/service:web&tag=version:v1").matches("Dataplane", &dp));
        assert!(filter("tag=version:*").matches("Dataplane", &dp));
        assert!(filter("tag=kuma.io/service:edge").matches("Dataplane", &gw));
        assert!(filter("gateway=builtin").matches("Dataplane", &gw));
        assert!(!filter("gateway=delegated").matches("Dataplane", &gw));
        assert!(filter("gateway=false").matches("Dataplane", &dp));
        assert!(!filter("gateway=true").matches("Dataplane", &dp));
    }
}
