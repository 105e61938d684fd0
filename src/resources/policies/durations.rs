//! The duration fields of the new-style specs. Kuma's Go structs hold them as
//! `*k8s.io/apimachinery/pkg/apis/meta/v1.Duration`, which the schema only knows as
//! strings: decoding parses them with Go's `time.ParseDuration` (a bad one fails the
//! whole decode, `invalid <Type> object: "time: invalid duration \"abc\""`) and encoding
//! writes `Duration.String()` (`5m` is stored as `5m0s`).
//!
//! Paths are relative to `spec`; `[]` visits every list item.

use crate::duration::GoDuration;
use serde_json::Value;
use std::sync::LazyLock;

const TIMEOUT_CONF: &[&str] = &[
    "default.connectionTimeout",
    "default.idleTimeout",
    "default.http.requestTimeout",
    "default.http.streamIdleTimeout",
    "default.http.maxStreamDuration",
    "default.http.maxConnectionDuration",
    "default.http.requestHeadersTimeout",
];
const RETRY_CONF: &[&str] = &[
    "default.http.perTryTimeout",
    "default.http.backOff.baseInterval",
    "default.http.backOff.maxInterval",
    "default.http.rateLimitedBackOff.maxInterval",
    "default.grpc.perTryTimeout",
    "default.grpc.backOff.baseInterval",
    "default.grpc.backOff.maxInterval",
    "default.grpc.rateLimitedBackOff.maxInterval",
];
const CIRCUIT_BREAKER_CONF: &[&str] = &[
    "default.outlierDetection.interval",
    "default.outlierDetection.baseEjectionTime",
];
const HEALTH_CHECK_CONF: &[&str] = &[
    "default.interval",
    "default.timeout",
    "default.initialJitter",
    "default.intervalJitter",
    "default.noTrafficInterval",
];
const RATE_LIMIT_CONF: &[&str] = &[
    "default.local.http.requestRate.interval",
    "default.local.tcp.connectionRate.interval",
];
const FAULT_CONF: &[&str] = &["default.http[].delay.value"];
const LOAD_BALANCING_CONF: &[&str] = &[
    "default.hashPolicies[].cookie.ttl",
    "default.loadBalancer.ringHash.hashPolicies[].cookie.ttl",
    "default.loadBalancer.maglev.hashPolicies[].cookie.ttl",
];

/// (type, the lists holding the items, the duration paths inside each item)
const TABLE: &[(&str, &[&str], &[&str])] = &[
    ("MeshTimeout", &["from[]", "to[]", "rules[]"], TIMEOUT_CONF),
    ("MeshRetry", &["to[]"], RETRY_CONF),
    (
        "MeshCircuitBreaker",
        &["from[]", "to[]", "rules[]"],
        CIRCUIT_BREAKER_CONF,
    ),
    ("MeshHealthCheck", &["to[]"], HEALTH_CHECK_CONF),
    (
        "MeshRateLimit",
        &["from[]", "to[]", "rules[]"],
        RATE_LIMIT_CONF,
    ),
    (
        "MeshFaultInjection",
        &["from[]", "to[]", "rules[]"],
        FAULT_CONF,
    ),
    ("MeshLoadBalancingStrategy", &["to[]"], LOAD_BALANCING_CONF),
    (
        "MeshMetric",
        &["default.backends[]"],
        &["openTelemetry.refreshInterval"],
    ),
    (
        "MeshIdentity",
        &["provider"],
        &[
            "bundled.certificateParameters.expiry",
            "spire.agent.timeout",
        ],
    ),
];

/// The rows of [`TABLE`] with their paths split into segments once.
type SplitRow = (&'static str, Vec<Vec<&'static str>>, Vec<Vec<&'static str>>);
static SPLIT: LazyLock<Vec<SplitRow>> = LazyLock::new(|| {
    let split = |paths: &[&'static str]| -> Vec<Vec<&'static str>> {
        paths.iter().map(|p| p.split('.').collect()).collect()
    };
    TABLE
        .iter()
        .map(|(t, lists, fields)| (*t, split(lists), split(fields)))
        .collect()
});

/// Parses and re-encodes the duration fields of a `type_name` spec; the error is Go's
/// `time.ParseDuration` text (or `encoding/json`'s for a non-string). Go stops at the
/// first bad value it decodes: here the first of the first item that has one.
pub fn decode(type_name: &str, spec: &mut Value) -> Result<(), String> {
    let Some((_, lists, fields)) = SPLIT.iter().find(|(t, _, _)| *t == type_name) else {
        return Ok(());
    };
    for list in lists {
        visit(spec, list, &mut |item| {
            for field in fields {
                visit(item, field, &mut reencode)?;
            }
            Ok(())
        })?;
    }
    Ok(())
}

fn reencode(value: &mut Value) -> Result<(), String> {
    match value {
        Value::String(text) => {
            let parsed = GoDuration::parse(text).map_err(|e| e.to_string())?;
            *value = Value::String(parsed.to_string());
            Ok(())
        }
        other => Err(format!(
            "json: cannot unmarshal {} into Go value of type string",
            crate::resources::resource::json_kind(other)
        )),
    }
}

fn visit(
    value: &mut Value,
    path: &[&str],
    f: &mut dyn FnMut(&mut Value) -> Result<(), String>,
) -> Result<(), String> {
    let Some((head, rest)) = path.split_first() else {
        return f(value);
    };
    let (key, each) = match head.strip_suffix("[]") {
        Some(key) => (key, true),
        None => (*head, false),
    };
    let Value::Object(map) = value else {
        return Ok(());
    };
    let Some(child) = crate::resources::resource::lookup_mut(map, key).filter(|c| !c.is_null())
    else {
        return Ok(());
    };
    if each {
        if let Value::Array(items) = child {
            for item in items {
                visit(item, rest, f)?;
            }
        }
        Ok(())
    } else {
        visit(child, rest, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn durations_are_parsed_and_reencoded() {
        let mut spec =
            json!({"to": [{"default": {"idleTimeout": "5m", "http": {"requestTimeout": "1h1s"}}}]});
        decode("MeshTimeout", &mut spec).unwrap();
        assert_eq!(
            spec,
            json!({"to": [{"default": {"idleTimeout": "5m0s", "http": {"requestTimeout": "1h0m1s"}}}]})
        );
        let mut spec = json!({"rules": [{"default": {"connectionTimeout": "abc"}}]});
        assert_eq!(
            decode("MeshTimeout", &mut spec).unwrap_err(),
            "time: invalid duration \"abc\""
        );
    }
}
