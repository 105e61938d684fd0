//! Validators of the traffic policies (Go: `pkg/plugins/policies/<p>/api/v1alpha1/validator.go`
//! for meshtrafficpermission, meshtimeout, meshretry, meshcircuitbreaker,
//! meshhealthcheck, meshratelimit and meshfaultinjection).

use super::common::*;
use crate::resources::spec::checks::{Violations, is_known_http_status};
use regex::Regex;
use serde_json::{Value, json};
use std::sync::LazyLock;

const SERVICE_KINDS: &[&str] = &["Mesh", "MeshSubset", "MeshService", "MeshServiceSubset"];

fn empty() -> &'static Value {
    static EMPTY: LazyLock<Value> = LazyLock::new(|| json!({}));
    &EMPTY
}

/// A struct-typed `default` (not a pointer in Go): absent reads as empty.
fn default_of(item: &Value) -> &Value {
    field(item, "default").unwrap_or(empty())
}

fn inbound(spec: &Value) -> RefContext {
    RefContext {
        inbound: non_empty(spec, "rules") || non_empty(spec, "from"),
        ..RefContext::default()
    }
}

fn with_listener_tags(mut context: RefContext) -> RefContext {
    context.gateway_listener_tags = true;
    context
}

/// `to`/`from` next to `rules`, or none of the three: the presence rules shared by
/// MeshTimeout, MeshCircuitBreaker and MeshAccessLog.
pub(super) fn to_from_rules_presence(v: &mut Violations, spec: &Value) {
    let (to, from, rules) = (
        non_empty(spec, "to"),
        non_empty(spec, "from"),
        non_empty(spec, "rules"),
    );
    if rules && (to || from) {
        v.add(
            "spec",
            "fields 'to' and 'from' must be empty when 'rules' is defined",
        );
    }
    if !to && !from && !rules {
        v.add(
            "spec",
            "at least one of 'from', 'to' or 'rules' has to be defined",
        );
    }
}

pub fn mesh_traffic_permission(spec: &Value) -> Violations {
    let mut v = Violations::default();
    top_target_ref(
        &mut v,
        spec,
        &[
            "Mesh",
            "MeshSubset",
            "MeshService",
            "MeshServiceSubset",
            "Dataplane",
        ],
        inbound(spec),
    );
    let (from, rules) = (non_empty(spec, "from"), non_empty(spec, "rules"));
    if from && rules {
        v.add("spec", "field 'from' must be empty when 'rules' is defined");
    }
    if !from && !rules {
        v.add(
            "spec",
            "at least one of 'from' or 'rules' has to be defined",
        );
    }
    for (i, rule) in list(spec, "rules").iter().enumerate() {
        let default = default_of(rule);
        let lists = ["allow", "allowWithShadowDeny", "deny"];
        if !lists.iter().any(|key| non_empty(default, key)) {
            v.add(
                format!("spec.rules[{i}]"),
                "at least one of 'allow', 'allowWithShadowDeny', 'deny' has to be defined",
            );
        }
        for key in lists {
            for (j, m) in list(default, key).iter().enumerate() {
                match_rules(
                    &mut v,
                    &format!("spec.rules[{i}].{key}[{j}]"),
                    m,
                    MatchRules::Basic,
                );
            }
        }
    }
    for (i, item) in list(spec, "from").iter().enumerate() {
        if let Some(target_ref) = field(item, "targetRef") {
            super::common::target_ref(
                &mut v,
                &format!("spec.from[{i}].targetRef"),
                target_ref,
                SERVICE_KINDS,
                RefContext::default(),
            );
        }
        if text(default_of(item), "action").is_empty() {
            v.add(format!("spec.from[{i}].default.action"), MUST_BE_DEFINED);
        }
    }
    v
}

const TIMEOUT_HTTP: [&str; 5] = [
    "requestTimeout",
    "streamIdleTimeout",
    "maxStreamDuration",
    "maxConnectionDuration",
    "requestHeadersTimeout",
];

pub fn mesh_timeout(spec: &Value) -> Violations {
    let mut v = Violations::default();
    top_target_ref(
        &mut v,
        spec,
        &[
            "Mesh",
            "MeshSubset",
            "Dataplane",
            "MeshGateway",
            "MeshService",
            "MeshServiceSubset",
            "MeshHTTPRoute",
        ],
        with_listener_tags(inbound(spec)),
    );
    to_from_rules_presence(&mut v, spec);
    let top = kind_of(field(spec, "targetRef"));
    let route_or_gateway = matches!(top, "MeshHTTPRoute" | "MeshGateway");
    if route_or_gateway && non_empty(spec, "from") {
        v.add("spec.from", MUST_NOT_BE_DEFINED);
    } else {
        for (i, item) in list(spec, "from").iter().enumerate() {
            item_refs_one(&mut v, &format!("spec.from[{i}]"), item, &["Mesh"]);
            timeout_conf(
                &mut v,
                &format!("spec.from[{i}].default"),
                default_of(item),
                top,
            );
        }
    }
    let to_kinds: &[&str] = if route_or_gateway {
        &["Mesh", "MeshExternalService"]
    } else {
        TO_KINDS
    };
    for (i, item) in list(spec, "to").iter().enumerate() {
        item_refs_one(&mut v, &format!("spec.to[{i}]"), item, to_kinds);
        timeout_conf(
            &mut v,
            &format!("spec.to[{i}].default"),
            default_of(item),
            top,
        );
    }
    for (i, rule) in list(spec, "rules").iter().enumerate() {
        let path = format!("spec.rules[{i}]");
        let matches = list(rule, "matches");
        for (j, m) in matches.iter().enumerate() {
            match_rules(&mut v, &format!("{path}.matches[{j}]"), m, MatchRules::Full);
        }
        let default = default_of(rule);
        if matches.iter().any(|m| field(m, "spiffeID").is_some()) {
            let http = field(default, "http").unwrap_or(empty());
            let conditioned = [
                ("connectionTimeout", default.get("connectionTimeout")),
                ("idleTimeout", default.get("idleTimeout")),
                (
                    "http.requestHeadersTimeout",
                    http.get("requestHeadersTimeout"),
                ),
                ("http.maxStreamDuration", http.get("maxStreamDuration")),
                (
                    "http.maxConnectionDuration",
                    http.get("maxConnectionDuration"),
                ),
            ];
            for (name, value) in conditioned {
                if value.is_some_and(|v| !v.is_null()) {
                    v.add(
                        format!("{path}.default.{name}"),
                        "can't be specified when matches contain spiffeID because this field cannot be conditioned on source identity",
                    );
                }
            }
        }
        timeout_conf(&mut v, &format!("{path}.default"), default, top);
    }
    v
}

fn item_refs_one(v: &mut Violations, path: &str, item: &Value, kinds: &[&str]) {
    if let Some(target_ref) = field(item, "targetRef") {
        super::common::target_ref(
            v,
            &format!("{path}.targetRef"),
            target_ref,
            kinds,
            RefContext::default(),
        );
    }
}

fn timeout_conf(v: &mut Violations, path: &str, conf: &Value, top: &str) {
    let http = field(conf, "http");
    if field(conf, "connectionTimeout").is_none()
        && field(conf, "idleTimeout").is_none()
        && http.is_none()
    {
        v.add(path, "at least one timeout should be configured");
        return;
    }
    if top == "MeshHTTPRoute" {
        let http = http.unwrap_or(empty());
        for (name, value) in [
            ("connectionTimeout", field(conf, "connectionTimeout")),
            ("idleTimeout", field(conf, "idleTimeout")),
            ("http.maxStreamDuration", field(http, "maxStreamDuration")),
            (
                "http.maxConnectionDuration",
                field(http, "maxConnectionDuration"),
            ),
        ] {
            if value.is_some() {
                v.add(
                    format!("{path}.{name}"),
                    "can't be specified when top-level TargetRef is referencing MeshHTTPRoute",
                );
            }
        }
    }
    positive_duration(v, path, conf, "connectionTimeout");
    non_negative_duration(v, path, conf, "idleTimeout");
    if let Some(http) = http {
        if TIMEOUT_HTTP[..4].iter().all(|k| field(http, k).is_none()) {
            v.add(
                format!("{path}.http"),
                "at least one timeout in this section should be configured",
            );
        }
        for key in TIMEOUT_HTTP {
            non_negative_duration(v, &format!("{path}.http"), http, key);
        }
    }
}

const HTTP_RETRY_ON: &[&str] = &[
    "5xx",
    "GatewayError",
    "Reset",
    "Retriable4xx",
    "ConnectFailure",
    "EnvoyRatelimited",
    "RefusedStream",
    "Http3PostConnectFailure",
    "HttpMethodConnect",
    "HttpMethodDelete",
    "HttpMethodGet",
    "HttpMethodHead",
    "HttpMethodOptions",
    "HttpMethodPatch",
    "HttpMethodPost",
    "HttpMethodPut",
    "HttpMethodTrace",
];
const GRPC_RETRY_ON: &[&str] = &[
    "Canceled",
    "DeadlineExceeded",
    "Internal",
    "ResourceExhausted",
    "Unavailable",
];

pub fn mesh_retry(spec: &Value) -> Violations {
    let mut v = Violations::default();
    top_target_ref(
        &mut v,
        spec,
        &[
            "Mesh",
            "MeshSubset",
            "MeshGateway",
            "MeshService",
            "MeshServiceSubset",
            "MeshHTTPRoute",
            "Dataplane",
        ],
        with_listener_tags(RefContext::default()),
    );
    let top = kind_of(field(spec, "targetRef"));
    let to_kinds: &[&str] = if matches!(top, "MeshGateway" | "MeshHTTPRoute") {
        &["Mesh", "MeshExternalService"]
    } else {
        TO_KINDS
    };
    for (i, item) in list(spec, "to").iter().enumerate() {
        item_refs_one(&mut v, &format!("spec.to[{i}]"), item, to_kinds);
        retry_conf(
            &mut v,
            &format!("spec.to[{i}].default.conf"),
            default_of(item),
        );
    }
    v
}

fn retry_conf(v: &mut Violations, path: &str, conf: &Value) {
    let (tcp, http, grpc) = (field(conf, "tcp"), field(conf, "http"), field(conf, "grpc"));
    if tcp.is_none() && http.is_none() && grpc.is_none() {
        v.add(
            path,
            "at least one of the 'tcp', 'http', 'grpc' must be specified",
        );
    }
    if let Some(tcp) = tcp {
        match number(tcp, "maxConnectAttempt") {
            None => v.add(format!("{path}.tcp"), MUST_NOT_BE_EMPTY),
            Some(n) if n <= 0.0 => v.add(format!("{path}.tcp.maxConnectAttempt"), GREATER_THAN_0),
            Some(_) => {}
        }
    }
    if let Some(http) = http {
        let path = format!("{path}.http");
        let keys = [
            "numRetries",
            "perTryTimeout",
            "backOff",
            "retryOn",
            "retriableRequestHeaders",
            "retriableResponseHeaders",
            "rateLimitedBackOff",
            "hostSelection",
        ];
        if keys.iter().all(|k| field(http, k).is_none()) {
            v.add(&path, MUST_NOT_BE_EMPTY);
        }
        retry_backoffs(v, &path, http);
        for (k, item) in list(http, "retryOn").iter().enumerate() {
            let value = item.as_str().unwrap_or_default();
            let known = HTTP_RETRY_ON.contains(&value)
                || value
                    .parse::<u16>()
                    .is_ok_and(|code| is_known_http_status(u64::from(code)));
            if !known {
                v.add(
                    format!("{path}.retryOn[{k}]"),
                    format!("unknown item '{value}'"),
                );
            }
        }
        let mut omit_previous = false;
        for (k, selection) in list(http, "hostSelection").iter().enumerate() {
            let item = format!("{path}.hostSelection[{k}]");
            match text(selection, "predicate") {
                "OmitPreviousHosts" => {}
                "OmitHostsWithTags" => {
                    if !non_empty(selection, "tags") {
                        v.add(format!("{item}.tags"), MUST_BE_DEFINED);
                    }
                }
                "OmitPreviousPriorities" => {
                    if omit_previous {
                        v.add(
                            format!("{item}.predicate"),
                            "OmitPreviousPriorities must only be specified once",
                        );
                    }
                    omit_previous = true;
                    if number(selection, "updateFrequency").is_none_or(|n| n <= 0.0) {
                        v.add(
                            format!("{item}.updateFrequency"),
                            "must be defined and greater than zero",
                        );
                    }
                }
                other => v.add(
                    format!("{item}.predicate"),
                    format!("unknown predicate type '{other}'"),
                ),
            }
        }
    }
    if let Some(grpc) = grpc {
        let path = format!("{path}.grpc");
        let keys = [
            "numRetries",
            "perTryTimeout",
            "backOff",
            "retryOn",
            "rateLimitedBackOff",
        ];
        if keys.iter().all(|k| field(grpc, k).is_none()) {
            v.add(&path, MUST_NOT_BE_EMPTY);
        }
        retry_backoffs(v, &path, grpc);
        for (k, item) in list(grpc, "retryOn").iter().enumerate() {
            let value = item.as_str().unwrap_or_default();
            if !GRPC_RETRY_ON.contains(&value) {
                v.add(
                    format!("{path}.retryOn[{k}]"),
                    format!("unknown item '{value}'"),
                );
            }
        }
    }
}

fn retry_backoffs(v: &mut Violations, path: &str, conf: &Value) {
    if let Some(back_off) = field(conf, "backOff")
        && field(back_off, "baseInterval").is_none()
        && field(back_off, "maxInterval").is_none()
    {
        v.add(format!("{path}.backOff"), MUST_NOT_BE_EMPTY);
    }
    if let Some(limited) = field(conf, "rateLimitedBackOff") {
        let path = format!("{path}.rateLimitedBackOff");
        if field(limited, "maxInterval").is_some()
            && duration(limited, "maxInterval").is_none_or(|d| d.as_nanos() <= 0)
        {
            v.add(
                format!("{path}.maxInterval"),
                "must be defined and greater than zero",
            );
        }
        match field(limited, "resetHeaders") {
            None => v.add(format!("{path}.resetHeaders"), MUST_BE_DEFINED),
            Some(_) => {
                for (k, header) in list(limited, "resetHeaders").iter().enumerate() {
                    if text(header, "name").is_empty() {
                        v.add(format!("{path}.resetHeaders[{k}].name"), MUST_BE_DEFINED);
                    }
                }
            }
        }
    }
}

pub fn mesh_circuit_breaker(spec: &Value) -> Violations {
    let mut v = Violations::default();
    top_target_ref(
        &mut v,
        spec,
        &[
            "Mesh",
            "MeshSubset",
            "MeshService",
            "MeshGateway",
            "MeshServiceSubset",
            "Dataplane",
        ],
        with_listener_tags(inbound(spec)),
    );
    to_from_rules_presence(&mut v, spec);
    // Kuma reports a rule's default under `spec.from[i].default`.
    for (i, rule) in list(spec, "rules").iter().enumerate() {
        circuit_breaker_conf(&mut v, &format!("spec.from[{i}].default"), default_of(rule));
    }
    for (i, item) in list(spec, "from").iter().enumerate() {
        item_refs_one(&mut v, &format!("spec.from[{i}]"), item, &["Mesh"]);
        circuit_breaker_conf(&mut v, &format!("spec.from[{i}].default"), default_of(item));
    }
    for (i, item) in list(spec, "to").iter().enumerate() {
        item_refs_one(&mut v, &format!("spec.to[{i}]"), item, TO_SERVICE_KINDS);
        circuit_breaker_conf(&mut v, &format!("spec.to[{i}].default"), default_of(item));
    }
    v
}

fn circuit_breaker_conf(v: &mut Violations, path: &str, conf: &Value) {
    let limits = field(conf, "connectionLimits");
    let outlier = field(conf, "outlierDetection");
    if limits.is_none() && outlier.is_none() {
        v.add(
            path,
            "at least one of: 'connectionLimits' or 'outlierDetection' should be configured",
        );
        return;
    }
    if let Some(limits) = limits {
        let path = format!("{path}.connectionLimits");
        for key in [
            "maxConnections",
            "maxConnectionPools",
            "maxPendingRequests",
            "maxRetries",
            "maxRequests",
        ] {
            positive_count(v, &path, limits, key);
        }
    }
    let Some(outlier) = outlier else { return };
    let path = format!("{path}.outlierDetection");
    positive_duration(v, &path, outlier, "interval");
    positive_duration(v, &path, outlier, "baseEjectionTime");
    if number(outlier, "maxEjectionPercent").is_some_and(|n| n > 100.0) {
        v.add(format!("{path}.maxEjectionPercent"), PERCENT_INT);
    }
    percentage(v, &path, outlier, "healthyPanicThreshold");
    let Some(detectors) = field(outlier, "detectors") else {
        v.add(format!("{path}.detectors"), MUST_BE_DEFINED);
        return;
    };
    let path = format!("{path}.detectors");
    let names = [
        "totalFailures",
        "gatewayFailures",
        "localOriginFailures",
        "successRate",
        "failurePercentage",
    ];
    if names.iter().all(|k| field(detectors, k).is_none()) {
        v.add(
            &path,
            "must have at least one defined: totalFailures, gatewayFailures, localOriginFailures, successRate, failurePercentage",
        );
        return;
    }
    for key in &names[..3] {
        if let Some(detector) = field(detectors, key) {
            positive_count(v, &format!("{path}.{key}"), detector, "consecutive");
        }
    }
    if let Some(success) = field(detectors, "successRate") {
        let path = format!("{path}.successRate");
        positive_count(v, &path, success, "minimumHosts");
        positive_count(v, &path, success, "requestVolume");
        match decimal(success, "standardDeviationFactor") {
            Some(Err(())) => v.add(format!("{path}.standardDeviationFactor"), "invalid number"),
            Some(Ok(f)) if f <= 0.0 => {
                v.add(format!("{path}.standardDeviationFactor"), GREATER_THAN_0)
            }
            _ => {}
        }
    }
    if let Some(failure) = field(detectors, "failurePercentage") {
        let path = format!("{path}.failurePercentage");
        positive_count(v, &path, failure, "minimumHosts");
        positive_count(v, &path, failure, "requestVolume");
        if number(failure, "threshold").is_some_and(|n| n > 100.0) {
            v.add(format!("{path}.threshold"), PERCENT_INT);
        }
    }
}

static UNIX_PATH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(/[^/\x00]*)+/?$").expect("valid regex"));
static WINDOWS_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^[a-zA-Z]:\\(?:[^\\/:*?"<>|\r\n]+\\)*[^\\/:*?"<>|\r\n]*$"#).expect("valid regex")
});

/// govalidator's `IsFilePath`: an absolute Unix or Windows path.
pub fn is_file_path(path: &str) -> bool {
    UNIX_PATH.is_match(path) || WINDOWS_PATH.is_match(path)
}

pub fn mesh_health_check(spec: &Value) -> Violations {
    let mut v = Violations::default();
    top_target_ref(
        &mut v,
        spec,
        &[
            "Mesh",
            "MeshSubset",
            "MeshGateway",
            "MeshService",
            "MeshServiceSubset",
            "Dataplane",
        ],
        with_listener_tags(RefContext::default()),
    );
    for (i, item) in list(spec, "to").iter().enumerate() {
        item_refs_one(&mut v, &format!("spec.to[{i}]"), item, TO_SERVICE_KINDS);
        let path = format!("spec.to[{i}].default");
        let conf = default_of(item);
        for key in [
            "interval",
            "timeout",
            "initialJitter",
            "intervalJitter",
            "noTrafficInterval",
        ] {
            positive_duration(&mut v, &path, conf, key);
        }
        for key in ["unhealthyThreshold", "healthyThreshold"] {
            if number(conf, key).is_some_and(|n| n <= 0.0) {
                v.add(format!("{path}.{key}"), GREATER_THAN_ZERO_WHEN_DEFINED);
            }
        }
        if number(conf, "intervalJitterPercent").is_some_and(|n| !(0.0..=100.0).contains(&n)) {
            v.add(format!("{path}.intervalJitterPercent"), PERCENT_INT);
        }
        percentage(&mut v, &path, conf, "healthyPanicThreshold");
        if let Some(log) = conf.get("eventLogPath").and_then(Value::as_str)
            && !is_file_path(log)
        {
            v.add(
                format!("{path}.eventLogPath"),
                "must be a valid path when defined",
            );
        }
        if let Some(http) = field(conf, "http") {
            if http.get("path") == Some(&Value::String(String::new())) {
                v.add(format!("{path}.http.path"), MUST_BE_DEFINED);
            }
            for (k, status) in list(http, "expectedStatuses").iter().enumerate() {
                if status
                    .as_f64()
                    .is_some_and(|s| !(100.0..600.0).contains(&s))
                {
                    v.add(format!("{path}.http.expectedStatuses[{k}]"), HTTP_STATUS);
                }
            }
        }
        if ["http", "tcp", "grpc"]
            .iter()
            .all(|k| field(conf, k).is_none())
        {
            v.add(&path, "must have at least one defined: http, tcp, grpc");
        }
    }
    v
}

/// The rows of MeshRateLimit and MeshFaultInjection about gateways in scope.
fn gateway_scope(v: &mut Violations, spec: &Value, rate_limit: bool) {
    let gateways = includes_gateways(spec);
    if gateways && non_empty(spec, "from") {
        v.add(
            "spec.from",
            "must not be defined when the scope includes a Gateway, select only proxyType Sidecar or select only gateways and use spec.to",
        );
    }
    if rate_limit && gateways && non_empty(spec, "rules") {
        v.add("spec.rules", MUST_NOT_BE_DEFINED);
    }
    if !gateways && non_empty(spec, "to") {
        v.add("spec.to", MUST_NOT_BE_DEFINED);
    }
}

const RATE_LIMIT_TOPS: &[&str] = &[
    "Mesh",
    "MeshSubset",
    "MeshGateway",
    "MeshService",
    "MeshServiceSubset",
    "MeshHTTPRoute",
    "Dataplane",
];

pub fn mesh_rate_limit(spec: &Value) -> Violations {
    let mut v = Violations::default();
    if non_empty(spec, "rules") && (non_empty(spec, "to") || non_empty(spec, "from")) {
        v.add(
            "spec",
            "fields 'to' and 'from' must be empty when 'rules' is defined",
        );
    }
    top_target_ref(
        &mut v,
        spec,
        RATE_LIMIT_TOPS,
        with_listener_tags(inbound(spec)),
    );
    gateway_scope(&mut v, spec, true);
    for (i, rule) in list(spec, "rules").iter().enumerate() {
        let path = format!("spec.rules[{i}]");
        let matches = list(rule, "matches");
        for (j, m) in matches.iter().enumerate() {
            match_rules(&mut v, &format!("{path}.matches[{j}]"), m, MatchRules::Full);
        }
        let default = default_of(rule);
        if matches.iter().any(|m| field(m, "spiffeID").is_some())
            && field(default, "local")
                .and_then(|l| field(l, "tcp"))
                .is_some()
        {
            v.add(
                format!("{path}.default.local.tcp"),
                "can't be specified when matches contain spiffeID because this field cannot be conditioned on source identity",
            );
        }
        rate_limit_conf(&mut v, &format!("{path}.default"), default);
    }
    for key in ["from", "to"] {
        for (i, item) in list(spec, key).iter().enumerate() {
            item_refs_one(&mut v, &format!("spec.{key}[{i}]"), item, &["Mesh"]);
            rate_limit_conf(
                &mut v,
                &format!("spec.{key}[{i}].default"),
                default_of(item),
            );
        }
    }
    v
}

fn rate_limit_conf(v: &mut Violations, path: &str, conf: &Value) {
    let Some(local) = field(conf, "local") else {
        v.add(format!("{path}.local"), MUST_BE_DEFINED);
        return;
    };
    let path = format!("{path}.local");
    let (http, tcp) = (field(local, "http"), field(local, "tcp"));
    if http.is_none() && tcp.is_none() {
        v.add(&path, "must have at least one defined: tcp, http");
    }
    if let Some(http) = http {
        let path = format!("{path}.http");
        if ["disabled", "requestRate", "onRateLimit"]
            .iter()
            .all(|k| field(http, k).is_none())
        {
            v.add(
                &path,
                "must have at least one defined: disabled, requestRate, onRateLimit",
            );
        } else {
            if let Some(rate) = field(http, "requestRate") {
                rate_rule(v, &format!("{path}.requestRate"), rate);
            }
            if let Some(on_limit) = field(http, "onRateLimit") {
                positive_count(v, &format!("{path}.onRateLimit"), on_limit, "status");
            }
        }
    }
    if let Some(tcp) = tcp {
        let path = format!("{path}.tcp");
        if ["disabled", "connectionRate"]
            .iter()
            .all(|k| field(tcp, k).is_none())
        {
            v.add(
                &path,
                "must have at least one defined: disabled, connectionRate",
            );
        } else if let Some(rate) = field(tcp, "connectionRate") {
            rate_rule(v, &format!("{path}.connectionRate"), rate);
        }
    }
}

fn rate_rule(v: &mut Violations, path: &str, rate: &Value) {
    positive_count(v, path, rate, "num");
    match duration(rate, "interval") {
        None => v.add(format!("{path}.interval"), MUST_BE_DEFINED),
        Some(d) if d.as_nanos() <= 50_000_000 => {
            v.add(format!("{path}.interval"), "must be greater than: 50ms")
        }
        Some(_) => {}
    }
}

static BANDWIDTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d*)\s?([GMk]+bps)$").expect("valid regex"));

pub fn mesh_fault_injection(spec: &Value) -> Violations {
    let mut v = Violations::default();
    top_target_ref(
        &mut v,
        spec,
        &[
            "Mesh",
            "MeshSubset",
            "MeshGateway",
            "MeshService",
            "MeshServiceSubset",
            "Dataplane",
        ],
        with_listener_tags(inbound(spec)),
    );
    if non_empty(spec, "from") && non_empty(spec, "rules") {
        v.add("spec", "field 'from' must be empty when 'rules' is defined");
    }
    gateway_scope(&mut v, spec, false);
    for (i, rule) in list(spec, "rules").iter().enumerate() {
        let path = format!("spec.rules[{i}]");
        for (j, m) in list(rule, "matches").iter().enumerate() {
            match_rules(
                &mut v,
                &format!("{path}.matches[{j}]"),
                m,
                MatchRules::Basic,
            );
        }
        fault_conf(&mut v, &format!("{path}.default"), default_of(rule));
    }
    for (i, item) in list(spec, "from").iter().enumerate() {
        item_refs_one(
            &mut v,
            &format!("spec.from[{i}]"),
            item,
            &["Mesh", "MeshSubset", "MeshServiceSubset", "MeshService"],
        );
        fault_conf(&mut v, &format!("spec.from[{i}].default"), default_of(item));
    }
    for (i, item) in list(spec, "to").iter().enumerate() {
        item_refs_one(&mut v, &format!("spec.to[{i}]"), item, &["Mesh"]);
        fault_conf(&mut v, &format!("spec.to[{i}].default"), default_of(item));
    }
    v
}

fn fault_conf(v: &mut Violations, path: &str, conf: &Value) {
    for (k, fault) in list(conf, "http").iter().enumerate() {
        if let Some(abort) = field(fault, "abort") {
            let path = format!("{path}.http.abort[{k}]");
            if number(abort, "httpStatus").is_some_and(|s| !(100.0..600.0).contains(&s)) {
                v.add(format!("{path}.httpStatus"), HTTP_STATUS);
            }
            percentage(v, &path, abort, "percentage");
        }
        if let Some(delay) = field(fault, "delay") {
            let path = format!("{path}.http.delay[{k}]");
            non_negative_duration(v, &path, delay, "value");
            percentage(v, &path, delay, "percentage");
        }
        if let Some(bandwidth) = field(fault, "responseBandwidth") {
            let path = format!("{path}.http.responseBandwidth[{k}]");
            let limit = text(bandwidth, "limit");
            if limit.is_empty() {
                v.add(format!("{path}.limit"), MUST_BE_DEFINED);
            } else if !BANDWIDTH.is_match(limit) {
                v.add(format!("{path}.limit"), "must be in kbps/Mbps/Gbps units");
            }
            percentage(v, &path, bandwidth, "percentage");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_paths() {
        assert!(is_file_path("/tmp/log"));
        assert!(is_file_path("C:\\logs\\a.log"));
        assert!(!is_file_path("relative/log"));
        assert!(!is_file_path(""));
    }
}
