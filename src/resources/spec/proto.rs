//! Legacy (proto-based) resource specs as data: a table of proto message descriptors and
//! one generic reader/writer that follows golang/protobuf v1.5.4 `jsonpb` (Kuma's
//! `pkg/util/proto/proto.go` `FromJSON` / `ToJSON`):
//! - reading walks the message's fields in declaration order and takes each one under its
//!   JSON name, else its original snake_case name; unknown fields and `null` are ignored;
//!   the first wrongly typed value fails with Go's error text;
//! - writing emits the fields in declaration order, zero values omitted (a set message or
//!   wrapper is always written), 64-bit integers as strings, maps and `Struct`s with sorted
//!   keys, durations as seconds (`5m` → `300s`), enums by name.
//!
//! Adding a legacy type is adding its message table here and a row in [`message_of`]
//! (Mesh and the secrets keep typed models: the control plane reads their fields).
//! The tables follow `api/mesh/v1alpha1/*.proto` of Kuma 2.14 as far as the field lists
//! of Kuma's validators, examples and JSON key orders tell; where a field's proto kind is
//! not told there, it is inferred from how the validators treat it (a field that may be
//! "present but empty" is a wrapper, a `must have a positive value` threshold is a plain
//! integer) and marked "(inferred)" below.

use super::gojson::{cannot_unmarshal, number_does_not_fit};
use super::jsonpb::{
    EnumDescriptor, Reason, canonical_struct, decode_std_base64, double_value, format_duration,
    read_bool, read_double, read_string, read_uint32, read_uint64,
};
use crate::duration::GoDuration;
use crate::resources::resource::lookup;
use serde_json::{Map, Value};

/// The kind of a proto field, as jsonpb reads and writes it.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    String,
    Bool,
    Uint32,
    Uint64,
    Double,
    Enum(&'static EnumDescriptor),
    Message(&'static [Field]),
    /// `map<string, string>`.
    StringMap,
    /// `map<string, Message>`.
    MessageMap(&'static [Field]),
    /// `google.protobuf.Duration`.
    Duration,
    /// `google.protobuf.Struct`.
    Struct,
    /// `bytes`.
    Bytes,
    /// `google.protobuf.BoolValue` (the wrappers are written even when zero).
    BoolValue,
    /// `google.protobuf.UInt32Value`.
    UInt32Value,
    /// `google.protobuf.DoubleValue`.
    DoubleValue,
    /// `google.protobuf.FloatValue`.
    FloatValue,
    /// `google.protobuf.StringValue`.
    StringValue,
    /// `google.protobuf.BytesValue`.
    BytesValue,
}

/// One field of a message: its JSON (lowerCamelCase) name and kind.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub repeated: bool,
}

const fn f(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        repeated: false,
    }
}

const fn list(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        repeated: true,
    }
}

const fn msg(name: &'static str, fields: &'static [Field]) -> Field {
    f(name, Kind::Message(fields))
}

const fn msgs(name: &'static str, fields: &'static [Field]) -> Field {
    list(name, Kind::Message(fields))
}

use Kind::{
    Bool, BoolValue, Bytes, BytesValue, Double, DoubleValue, Duration, FloatValue, StringMap,
    StringValue, Struct, UInt32Value, Uint32, Uint64,
};
const STRING: Kind = Kind::String;

/// The spec message of a legacy type carried by the generic reader (Mesh, ZoneEgress,
/// ZoneIngress and the secrets have typed models of their own).
pub fn message_of(type_name: &str) -> Option<&'static [Field]> {
    Some(match type_name {
        "Dataplane" => DATAPLANE,
        "ZoneEgress" => ZONE_EGRESS,
        "ZoneIngress" => ZONE_INGRESS,
        "ExternalService" => EXTERNAL_SERVICE,
        "MeshGateway" => MESH_GATEWAY,
        "MeshGatewayRoute" => MESH_GATEWAY_ROUTE,
        "Zone" => ZONE,
        "TrafficPermission" => TRAFFIC_PERMISSION,
        "TrafficRoute" => TRAFFIC_ROUTE,
        "TrafficLog" => TRAFFIC_LOG,
        "TrafficTrace" => TRAFFIC_TRACE,
        "HealthCheck" => HEALTH_CHECK,
        "CircuitBreaker" => CIRCUIT_BREAKER,
        "FaultInjection" => FAULT_INJECTION,
        "Retry" => RETRY,
        "Timeout" => TIMEOUT,
        "RateLimit" => RATE_LIMIT,
        "VirtualOutbound" => VIRTUAL_OUTBOUND,
        "ProxyTemplate" => PROXY_TEMPLATE,
        _ => return None,
    })
}

// ---- shared messages -------------------------------------------------------------------

/// `kuma.mesh.v1alpha1.Selector`.
const SELECTOR: &[Field] = &[f("match", StringMap)];

/// `kuma.system.v1alpha1.DataSource`: a oneof of `secret`, `file`, `inline`,
/// `inlineString`.
const DATA_SOURCE: &[Field] = &[
    f("secret", STRING),
    f("file", STRING),
    f("inline", BytesValue),
    f("inlineString", STRING),
];

// ---- Dataplane (api/mesh/v1alpha1/dataplane.proto) --------------------------------------

const INBOUND_STATE: EnumDescriptor = EnumDescriptor {
    full_name: "kuma.mesh.v1alpha1.Dataplane.Networking.Inbound.State",
    names: &["Ready", "NotReady", "Ignored"],
};
const GATEWAY_TYPE: EnumDescriptor = EnumDescriptor {
    full_name: "kuma.mesh.v1alpha1.Dataplane.Networking.Gateway.GatewayType",
    names: &["DELEGATED", "BUILTIN"],
};
/// (inferred) The value names of the transparent proxy's IP family mode.
const IP_FAMILY_MODE: EnumDescriptor = EnumDescriptor {
    full_name: "kuma.mesh.v1alpha1.Dataplane.Networking.TransparentProxying.IpFamilyMode",
    names: &["UnSpecified", "DualStack", "IPv4", "IPv6"],
};
const LISTENER_TYPE: EnumDescriptor = EnumDescriptor {
    full_name: "kuma.mesh.v1alpha1.Dataplane.Networking.Listener.Type",
    names: &["Unspecified", "ZoneIngress", "ZoneEgress"],
};
const LISTENER_STATE: EnumDescriptor = EnumDescriptor {
    full_name: "kuma.mesh.v1alpha1.Dataplane.Networking.Listener.State",
    names: &["Ready", "NotReady"],
};

const SERVICE_PROBE: &[Field] = &[
    f("interval", Duration),
    f("timeout", Duration),
    f("unhealthyThreshold", UInt32Value),
    f("healthyThreshold", UInt32Value),
    msg("tcp", &[]),
];

const INBOUND: &[Field] = &[
    f("port", Uint32),
    f("servicePort", Uint32),
    f("serviceAddress", STRING),
    f("address", STRING),
    f("tags", StringMap),
    msg("health", &[f("ready", Bool)]),
    msg("serviceProbe", SERVICE_PROBE),
    f("state", Kind::Enum(&INBOUND_STATE)),
    f("name", STRING),
    // (inferred) A string: the validator parses it as a protocol name.
    f("protocol", STRING),
];

const BACKEND_REF: &[Field] = &[
    f("kind", STRING),
    f("name", STRING),
    f("port", Uint32),
    f("labels", StringMap),
];

const OUTBOUND: &[Field] = &[
    f("address", STRING),
    f("port", Uint32),
    f("tags", StringMap),
    msg("backendRef", BACKEND_REF),
];

const GATEWAY: &[Field] = &[f("tags", StringMap), f("type", Kind::Enum(&GATEWAY_TYPE))];

const REACHABLE_BACKEND_REF: &[Field] = &[
    f("kind", STRING),
    f("name", STRING),
    f("namespace", STRING),
    f("port", UInt32Value),
    f("labels", StringMap),
];

const TRANSPARENT_PROXYING: &[Field] = &[
    f("redirectPortInbound", Uint32),
    f("redirectPortOutbound", Uint32),
    list("directAccessServices", STRING),
    list("reachableServices", STRING),
    f("ipFamilyMode", Kind::Enum(&IP_FAMILY_MODE)),
    msg("reachableBackends", &[msgs("refs", REACHABLE_BACKEND_REF)]),
];

const LISTENER: &[Field] = &[
    f("type", Kind::Enum(&LISTENER_TYPE)),
    f("address", STRING),
    f("port", Uint32),
    f("name", STRING),
    f("state", Kind::Enum(&LISTENER_STATE)),
];

const NETWORKING: &[Field] = &[
    f("address", STRING),
    f("advertisedAddress", STRING),
    msg("gateway", GATEWAY),
    msgs("inbound", INBOUND),
    msgs("outbound", OUTBOUND),
    msg("transparentProxying", TRANSPARENT_PROXYING),
    msg("admin", ENVOY_ADMIN),
    msgs("listeners", LISTENER),
];

const METRICS_BACKEND: &[Field] = &[f("name", STRING), f("type", STRING), f("conf", Struct)];

const PROBES: &[Field] = &[
    f("port", Uint32),
    msgs(
        "endpoints",
        &[
            f("inboundPort", Uint32),
            f("inboundPath", STRING),
            f("path", STRING),
        ],
    ),
];

const DATAPLANE: &[Field] = &[
    msg("networking", NETWORKING),
    msg("metrics", METRICS_BACKEND),
    msg("probes", PROBES),
];

// ---- ZoneEgress, ZoneIngress (api/mesh/v1alpha1/zoneegress.proto, zone_ingress.proto) ---

const ENVOY_ADMIN: &[Field] = &[f("port", Uint32)];

const ZONE_EGRESS: &[Field] = &[
    f("zone", STRING),
    msg(
        "networking",
        &[
            f("address", STRING),
            f("port", Uint32),
            msg("admin", ENVOY_ADMIN),
        ],
    ),
];

const ZONE_INGRESS: &[Field] = &[
    f("zone", STRING),
    msg(
        "networking",
        &[
            f("address", STRING),
            f("advertisedAddress", STRING),
            f("port", Uint32),
            f("advertisedPort", Uint32),
            msg("admin", ENVOY_ADMIN),
        ],
    ),
    msgs(
        "availableServices",
        &[
            f("tags", StringMap),
            f("instances", Uint32),
            f("mesh", STRING),
            f("externalService", Bool),
        ],
    ),
];

// ---- ExternalService --------------------------------------------------------------------

const EXTERNAL_SERVICE_TLS: &[Field] = &[
    f("enabled", Bool),
    msg("caCert", DATA_SOURCE),
    msg("clientCert", DATA_SOURCE),
    msg("clientKey", DATA_SOURCE),
    f("allowRenegotiation", BoolValue),
    // A wrapper: the validator tells "present as empty" from "absent".
    f("serverName", StringValue),
    f("skipHostnameVerification", BoolValue),
];

const EXTERNAL_SERVICE: &[Field] = &[
    msg(
        "networking",
        &[
            f("address", STRING),
            msg("tls", EXTERNAL_SERVICE_TLS),
            f("disableHostDNSEntry", Bool),
        ],
    ),
    f("tags", StringMap),
];

// ---- MeshGateway ------------------------------------------------------------------------

const GATEWAY_PROTOCOL: EnumDescriptor = EnumDescriptor {
    full_name: "kuma.mesh.v1alpha1.MeshGateway.Listener.Protocol",
    names: &["NONE", "UDP", "TCP", "TLS", "HTTP", "HTTPS"],
};
const GATEWAY_TLS_MODE: EnumDescriptor = EnumDescriptor {
    full_name: "kuma.mesh.v1alpha1.MeshGateway.TLS.Mode",
    names: &["NONE", "TERMINATE", "PASSTHROUGH"],
};

const GATEWAY_LISTENER: &[Field] = &[
    f("hostname", STRING),
    f("port", Uint32),
    f("protocol", Kind::Enum(&GATEWAY_PROTOCOL)),
    msg(
        "tls",
        &[
            f("mode", Kind::Enum(&GATEWAY_TLS_MODE)),
            msgs("certificates", DATA_SOURCE),
            // (inferred) Kept as a Struct: no rule reads its fields.
            f("options", Struct),
        ],
    ),
    f("tags", StringMap),
    f("crossMesh", Bool),
    msg("resources", &[f("connectionLimit", Uint32)]),
];

const MESH_GATEWAY: &[Field] = &[
    msgs("selectors", SELECTOR),
    f("tags", StringMap),
    msg("conf", &[msgs("listeners", GATEWAY_LISTENER)]),
];

/// (inferred) MeshGatewayRoute: selectors and a `conf` kept as a Struct (no rule of
/// Kuma's reads it here).
const MESH_GATEWAY_ROUTE: &[Field] = &[msgs("selectors", SELECTOR), f("conf", Struct)];

/// Zone (`api/system/v1alpha1/zone.proto`).
const ZONE: &[Field] = &[f("enabled", BoolValue)];

// ---- legacy policies --------------------------------------------------------------------

const TRAFFIC_PERMISSION: &[Field] = &[msgs("sources", SELECTOR), msgs("destinations", SELECTOR)];

const TRAFFIC_LOG: &[Field] = &[
    msgs("sources", SELECTOR),
    msgs("destinations", SELECTOR),
    msg("conf", &[f("backend", STRING)]),
];

const TRAFFIC_TRACE: &[Field] = &[
    msgs("selectors", SELECTOR),
    msg("conf", &[f("backend", STRING)]),
];

/// `StringMatcher`: a oneof of `prefix`, `exact`, `regex`.
const STRING_MATCHER: &[Field] = &[f("prefix", STRING), f("exact", STRING), f("regex", STRING)];

const SPLIT: &[Field] = &[f("weight", UInt32Value), f("destination", StringMap)];

const HEADER_OPS: &[Field] = &[
    msgs(
        "add",
        &[f("name", STRING), f("value", STRING), f("append", Bool)],
    ),
    msgs("remove", &[f("name", STRING)]),
];

const REGEX_REPLACE: &[Field] = &[f("pattern", STRING), f("substitution", STRING)];

const TRAFFIC_ROUTE_HTTP: &[Field] = &[
    msg(
        "match",
        &[
            msg("method", STRING_MATCHER),
            msg("path", STRING_MATCHER),
            f("headers", Kind::MessageMap(STRING_MATCHER)),
        ],
    ),
    msg(
        "modify",
        &[
            msg(
                "path",
                &[f("rewritePrefix", STRING), msg("regex", REGEX_REPLACE)],
            ),
            msg(
                "host",
                &[f("value", STRING), msg("fromPath", REGEX_REPLACE)],
            ),
            msg("requestHeaders", HEADER_OPS),
            msg("responseHeaders", HEADER_OPS),
        ],
    ),
    msgs("split", SPLIT),
    f("destination", StringMap),
];

const LOAD_BALANCER: &[Field] = &[
    msg("roundRobin", &[]),
    msg("leastRequest", &[f("choiceCount", Uint32)]),
    msg(
        "ringHash",
        &[
            f("hashFunction", STRING),
            f("minRingSize", Uint64),
            f("maxRingSize", Uint64),
        ],
    ),
    msg("random", &[]),
    msg("maglev", &[]),
];

const TRAFFIC_ROUTE: &[Field] = &[
    msgs("sources", SELECTOR),
    msgs("destinations", SELECTOR),
    msg(
        "conf",
        &[
            msgs("split", SPLIT),
            msg("loadBalancer", LOAD_BALANCER),
            f("destination", StringMap),
            msgs("http", TRAFFIC_ROUTE_HTTP),
        ],
    ),
];

const HEALTH_CHECK: &[Field] = &[
    msgs("sources", SELECTOR),
    msgs("destinations", SELECTOR),
    msg(
        "conf",
        &[
            f("interval", Duration),
            f("timeout", Duration),
            f("unhealthyThreshold", Uint32),
            f("healthyThreshold", Uint32),
            f("initialJitter", Duration),
            f("intervalJitter", Duration),
            f("intervalJitterPercent", Uint32),
            f("healthyPanicThreshold", FloatValue),
            f("failTrafficOnPanic", BoolValue),
            f("eventLogPath", STRING),
            f("alwaysLogHealthCheckFailures", BoolValue),
            f("noTrafficInterval", Duration),
            msg("tcp", &[f("send", BytesValue), list("receive", BytesValue)]),
            msg(
                "http",
                &[
                    f("path", STRING),
                    msgs(
                        "requestHeadersToAdd",
                        &[
                            msg("header", &[f("key", STRING), f("value", STRING)]),
                            f("append", BoolValue),
                        ],
                    ),
                    list("expectedStatuses", UInt32Value),
                ],
            ),
            f("reuseConnection", BoolValue),
        ],
    ),
];

const CONSECUTIVE: &[Field] = &[f("consecutive", UInt32Value)];

const CIRCUIT_BREAKER: &[Field] = &[
    msgs("sources", SELECTOR),
    msgs("destinations", SELECTOR),
    msg(
        "conf",
        &[
            f("interval", Duration),
            f("baseEjectionTime", Duration),
            f("maxEjectionPercent", UInt32Value),
            f("splitExternalAndLocalErrors", Bool),
            msg(
                "detectors",
                &[
                    msg("totalErrors", CONSECUTIVE),
                    msg("gatewayErrors", CONSECUTIVE),
                    msg("localErrors", CONSECUTIVE),
                    msg(
                        "standardDeviation",
                        &[
                            f("requestVolume", UInt32Value),
                            f("minimumHosts", UInt32Value),
                            f("factor", DoubleValue),
                        ],
                    ),
                    msg(
                        "failure",
                        &[
                            f("requestVolume", UInt32Value),
                            f("minimumHosts", UInt32Value),
                            f("threshold", UInt32Value),
                        ],
                    ),
                ],
            ),
            msg(
                "thresholds",
                &[
                    f("maxConnections", UInt32Value),
                    f("maxPendingRequests", UInt32Value),
                    f("maxRetries", UInt32Value),
                    f("maxRequests", UInt32Value),
                ],
            ),
        ],
    ),
];

const FAULT_INJECTION: &[Field] = &[
    msgs("sources", SELECTOR),
    msgs("destinations", SELECTOR),
    msg(
        "conf",
        &[
            msg(
                "delay",
                &[f("percentage", DoubleValue), f("value", Duration)],
            ),
            msg(
                "abort",
                &[f("percentage", DoubleValue), f("httpStatus", UInt32Value)],
            ),
            msg(
                "responseBandwidth",
                &[f("percentage", DoubleValue), f("limit", StringValue)],
            ),
        ],
    ),
];

const HTTP_METHOD: EnumDescriptor = EnumDescriptor {
    full_name: "kuma.mesh.v1alpha1.HttpMethod",
    names: &[
        "NONE", "CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE",
    ],
};
/// (inferred) The names of Envoy's HTTP retry conditions as Kuma's enum spells them.
const HTTP_RETRY_ON: EnumDescriptor = EnumDescriptor {
    full_name: "kuma.mesh.v1alpha1.Retry.Conf.Http.HttpRetryOn",
    names: &[
        "all_5xx",
        "gateway_error",
        "reset",
        "connect_failure",
        "envoy_ratelimited",
        "retriable_4xx",
        "refused_stream",
        "retriable_status_codes",
        "retriable_headers",
        "http3_post_connect_failure",
    ],
};
/// (inferred) The gRPC retry conditions.
const GRPC_RETRY_ON: EnumDescriptor = EnumDescriptor {
    full_name: "kuma.mesh.v1alpha1.Retry.Conf.Grpc.RetryOn",
    names: &[
        "cancelled",
        "deadline_exceeded",
        "internal",
        "resource_exhausted",
        "unavailable",
    ],
};

const BACK_OFF: &[Field] = &[f("baseInterval", Duration), f("maxInterval", Duration)];

const RETRY: &[Field] = &[
    msgs("sources", SELECTOR),
    msgs("destinations", SELECTOR),
    msg(
        "conf",
        &[
            msg(
                "http",
                &[
                    f("numRetries", UInt32Value),
                    f("perTryTimeout", Duration),
                    msg("backOff", BACK_OFF),
                    list("retriableStatusCodes", Uint32),
                    list("retriableMethods", Kind::Enum(&HTTP_METHOD)),
                    list("retryOn", Kind::Enum(&HTTP_RETRY_ON)),
                ],
            ),
            msg("tcp", &[f("maxConnectAttempts", Uint32)]),
            msg(
                "grpc",
                &[
                    list("retryOn", Kind::Enum(&GRPC_RETRY_ON)),
                    f("numRetries", UInt32Value),
                    f("perTryTimeout", Duration),
                    msg("backOff", BACK_OFF),
                ],
            ),
        ],
    ),
];

const TIMEOUT: &[Field] = &[
    msgs("sources", SELECTOR),
    msgs("destinations", SELECTOR),
    msg(
        "conf",
        &[
            f("connectTimeout", Duration),
            msg("tcp", &[f("idleTimeout", Duration)]),
            msg(
                "http",
                &[
                    f("requestTimeout", Duration),
                    f("idleTimeout", Duration),
                    f("streamIdleTimeout", Duration),
                    f("maxStreamDuration", Duration),
                ],
            ),
            msg(
                "grpc",
                &[
                    f("streamIdleTimeout", Duration),
                    f("maxStreamDuration", Duration),
                ],
            ),
        ],
    ),
];

const RATE_LIMIT: &[Field] = &[
    msgs("sources", SELECTOR),
    msgs("destinations", SELECTOR),
    msg(
        "conf",
        &[msg(
            "http",
            &[
                f("requests", Uint32),
                f("interval", Duration),
                msg(
                    "onRateLimit",
                    &[
                        f("status", UInt32Value),
                        msgs(
                            "headers",
                            &[f("key", STRING), f("value", STRING), f("append", BoolValue)],
                        ),
                    ],
                ),
            ],
        )],
    ),
];

const VIRTUAL_OUTBOUND: &[Field] = &[
    msgs("selectors", SELECTOR),
    msg(
        "conf",
        &[
            f("host", STRING),
            f("port", STRING),
            msgs("parameters", &[f("name", STRING), f("tagKey", STRING)]),
        ],
    ),
];

// ProxyTemplate modifications: `match`, `operation`, `value`. (inferred) The match
// fields per target.
const CLUSTER_MATCH: &[Field] = &[f("name", STRING), f("origin", STRING)];
const LISTENER_MATCH: &[Field] = &[f("name", STRING), f("origin", STRING), f("tags", StringMap)];
const FILTER_MATCH: &[Field] = &[
    f("name", STRING),
    f("listenerName", STRING),
    f("listenerTags", StringMap),
    f("origin", STRING),
];
const VIRTUAL_HOST_MATCH: &[Field] = &[
    f("name", STRING),
    f("origin", STRING),
    f("routeConfigurationName", STRING),
];

const fn operation(matcher: &'static [Field]) -> [Field; 3] {
    [
        msg("match", matcher),
        f("operation", STRING),
        f("value", STRING),
    ]
}

const CLUSTER_MOD: &[Field] = &operation(CLUSTER_MATCH);
const LISTENER_MOD: &[Field] = &operation(LISTENER_MATCH);
const FILTER_MOD: &[Field] = &operation(FILTER_MATCH);
const VIRTUAL_HOST_MOD: &[Field] = &operation(VIRTUAL_HOST_MATCH);

const PROXY_TEMPLATE: &[Field] = &[
    msgs("selectors", SELECTOR),
    msg(
        "conf",
        &[
            list("imports", STRING),
            msgs(
                "resources",
                &[
                    f("name", STRING),
                    f("version", STRING),
                    f("resource", STRING),
                ],
            ),
            msgs(
                "modifications",
                &[
                    msg("cluster", CLUSTER_MOD),
                    msg("listener", LISTENER_MOD),
                    msg("networkFilter", FILTER_MOD),
                    msg("httpFilter", FILTER_MOD),
                    msg("virtualHost", VIRTUAL_HOST_MOD),
                ],
            ),
        ],
    ),
];

// ---- typed `conf` of Mesh backends (read from their `google.protobuf.Struct`) ---------

/// `FileLoggingBackendConfig`.
pub const FILE_LOGGING_CONF: &[Field] = &[f("path", STRING)];
/// `TcpLoggingBackendConfig`.
pub const TCP_LOGGING_CONF: &[Field] = &[f("address", STRING)];
/// `ZipkinTracingBackendConfig`.
pub const ZIPKIN_CONF: &[Field] = &[
    f("url", STRING),
    f("traceId128bit", Bool),
    f("apiVersion", STRING),
    f("sharedSpanContext", BoolValue),
];
/// `DatadogTracingBackendConfig`.
pub const DATADOG_CONF: &[Field] = &[
    f("address", STRING),
    f("port", Uint32),
    f("splitService", Bool),
];
/// (inferred) The value names of `PrometheusTlsConfig.Mode`.
const PROMETHEUS_TLS_MODE: EnumDescriptor = EnumDescriptor {
    full_name: "kuma.mesh.v1alpha1.PrometheusTlsConfig.Mode",
    names: &["activeMTLSBackend", "providedTLS", "disabled"],
};
/// `PrometheusMetricsBackendConfig`.
pub const PROMETHEUS_CONF: &[Field] = &[
    f("port", Uint32),
    f("path", STRING),
    f("tags", StringMap),
    f("skipMTLS", BoolValue),
    msgs(
        "aggregate",
        &[
            f("name", STRING),
            f("port", Uint32),
            f("path", STRING),
            f("enabled", BoolValue),
            f("address", STRING),
        ],
    ),
    msg("envoy", &[f("filterRegex", STRING), f("usedOnly", Bool)]),
    msg("tls", &[f("mode", Kind::Enum(&PROMETHEUS_TLS_MODE))]),
];

// ---- the reader and writer --------------------------------------------------------------

/// The original proto name of a JSON name (`servicePort` → `service_port`), which jsonpb
/// also accepts.
fn proto_name(json_name: &str) -> String {
    let mut out = String::with_capacity(json_name.len() + 4);
    for c in json_name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Reads the fields of a message from a JSON object and writes them back canonically.
pub fn decode_message(
    fields: &[Field],
    input: &Map<String, Value>,
) -> Result<Map<String, Value>, Reason> {
    let mut out = Map::new();
    for field in fields {
        // The JSON name, else the proto name (which differs only for camelCase names).
        let raw = lookup(input, field.name).or_else(|| {
            field
                .name
                .bytes()
                .any(|b| b.is_ascii_uppercase())
                .then(|| lookup(input, &proto_name(field.name)))
                .flatten()
        });
        let Some(raw) = raw.filter(|value| !value.is_null()) else {
            continue;
        };
        let decoded = if field.repeated {
            match raw {
                Value::Array(items) => {
                    let values = items
                        .iter()
                        .map(|item| decode_element(field.kind, item))
                        .collect::<Result<Vec<_>, _>>()?;
                    (!values.is_empty()).then_some(Value::Array(values))
                }
                other => return Err(cannot_unmarshal(other, "[]json.RawMessage")),
            }
        } else {
            decode_single(field.kind, raw)?
        };
        if let Some(value) = decoded {
            out.insert(field.name.to_string(), value);
        }
    }
    Ok(out)
}

/// A message value: an object (`null` is the empty message).
fn message_value(fields: &[Field], raw: &Value) -> Result<Value, Reason> {
    match raw {
        Value::Null => Ok(Value::Object(Map::new())),
        Value::Object(map) => decode_message(fields, map).map(Value::Object),
        other => Err(cannot_unmarshal(other, "map[string]json.RawMessage")),
    }
}

/// An element of a repeated field: always written, zero or not (`null` is the zero value).
fn decode_element(kind: Kind, raw: &Value) -> Result<Value, Reason> {
    if raw.is_null() {
        return Ok(match kind {
            Kind::Message(_) | Kind::MessageMap(_) | Kind::StringMap | Struct => {
                Value::Object(Map::new())
            }
            Kind::String | Bytes => Value::from(""),
            Bool => Value::from(false),
            Kind::Enum(descriptor) => descriptor.write(0),
            _ => Value::from(0),
        });
    }
    Ok(match decode_single(kind, raw)? {
        Some(value) => value,
        None => zero_of(kind),
    })
}

fn zero_of(kind: Kind) -> Value {
    match kind {
        Kind::String | Bytes => Value::from(""),
        Bool => Value::from(false),
        Uint64 => Value::from("0"),
        Kind::Enum(descriptor) => descriptor.write(0),
        _ => Value::from(0),
    }
}

/// One non-null value; `None` when it is the zero value of a scalar (not written).
fn decode_single(kind: Kind, raw: &Value) -> Result<Option<Value>, Reason> {
    Ok(match kind {
        Kind::String => Some(read_string(raw)?)
            .filter(|s| !s.is_empty())
            .map(Value::from),
        Bool => read_bool(raw)?.then_some(Value::from(true)),
        Uint32 => Some(read_uint32(raw)?).filter(|n| *n != 0).map(Value::from),
        Uint64 => Some(read_uint64(raw)?)
            .filter(|n| *n != 0)
            .map(|n| Value::from(n.to_string())),
        Double => Some(read_double(raw)?)
            .filter(|n| *n != 0.0)
            .map(double_value),
        Kind::Enum(descriptor) => {
            let number = descriptor.read(raw)?;
            (number != 0).then(|| descriptor.write(number))
        }
        Kind::Message(fields) => Some(message_value(fields, raw)?),
        StringMap => match raw {
            Value::Object(entries) => {
                let mut keys: Vec<&String> = entries.keys().collect();
                keys.sort();
                let mut out = Map::new();
                for key in keys {
                    let text = match &entries[key] {
                        Value::Null => String::new(),
                        other => read_string(other)?,
                    };
                    out.insert(key.clone(), Value::from(text));
                }
                (!out.is_empty()).then_some(Value::Object(out))
            }
            other => return Err(cannot_unmarshal(other, "map[string]json.RawMessage")),
        },
        Kind::MessageMap(fields) => match raw {
            Value::Object(entries) => {
                let mut keys: Vec<&String> = entries.keys().collect();
                keys.sort();
                let mut out = Map::new();
                for key in keys {
                    out.insert(key.clone(), message_value(fields, &entries[key])?);
                }
                (!out.is_empty()).then_some(Value::Object(out))
            }
            other => return Err(cannot_unmarshal(other, "map[string]json.RawMessage")),
        },
        Duration => match raw {
            Value::String(text) => {
                let duration =
                    GoDuration::parse(text).map_err(|err| format!("bad Duration: {err}"))?;
                Some(Value::from(format_duration(duration)))
            }
            other => return Err(cannot_unmarshal(other, "string")),
        },
        Struct => match raw {
            Value::Object(fields) => Some(Value::Object(canonical_struct(fields))),
            other => {
                return Err(format!(
                    "bad StructValue: {}",
                    cannot_unmarshal(other, "map[string]json.RawMessage")
                ));
            }
        },
        Bytes => {
            let bytes = read_bytes(raw)?;
            (!bytes.is_empty()).then(|| encode_bytes(&bytes))
        }
        BoolValue => Some(Value::from(read_bool(raw)?)),
        UInt32Value => Some(Value::from(read_uint32(raw)?)),
        DoubleValue => Some(double_value(read_double(raw)?)),
        FloatValue => Some(double_value(read_float(raw)?)),
        StringValue => Some(Value::from(read_string(raw)?)),
        BytesValue => Some(encode_bytes(&read_bytes(raw)?)),
    })
}

/// A float, as Go reads a JSON number into a `float32`.
fn read_float(raw: &Value) -> Result<f64, Reason> {
    match raw {
        Value::Number(n) => {
            let value = n.as_f64().unwrap_or(f64::INFINITY);
            if value.abs() > f64::from(f32::MAX) {
                return Err(number_does_not_fit(n, "float32"));
            }
            Ok(f64::from(value as f32))
        }
        other => read_double(other)
            .map_err(|_| cannot_unmarshal(other, "float32"))
            .map(|value| f64::from(value as f32)),
    }
}

fn read_bytes(raw: &Value) -> Result<Vec<u8>, Reason> {
    match raw {
        Value::String(text) => decode_std_base64(text),
        other => Err(cannot_unmarshal(other, "[]uint8")),
    }
}

fn encode_bytes(bytes: &[u8]) -> Value {
    use base64::Engine;
    Value::from(base64::engine::general_purpose::STANDARD.encode(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn decode(type_name: &str, value: Value) -> Result<String, Reason> {
        let Value::Object(map) = value else {
            unreachable!()
        };
        decode_message(message_of(type_name).unwrap(), &map)
            .map(|out| serde_json::to_string(&out).unwrap())
    }

    #[test]
    fn canonical_form_in_declaration_order() {
        assert_eq!(
            decode(
                "Timeout",
                json!({
                    "type": "Timeout", "name": "t", "unknown": {"x": 1},
                    "conf": {"http": {"idleTimeout": "5m", "requestTimeout": "100ms"}, "connect_timeout": "1.5s"},
                    "destinations": [{"match": {"kuma.io/service": "*"}}],
                    "sources": [{"match": {"b": "2", "a": "1"}}, null]
                })
            )
            .unwrap(),
            r#"{"sources":[{"match":{"a":"1","b":"2"}},{}],"destinations":[{"match":{"kuma.io/service":"*"}}],"conf":{"connectTimeout":"1.500s","http":{"requestTimeout":"0.100s","idleTimeout":"300s"}}}"#
        );
        assert_eq!(
            decode(
                "Dataplane",
                json!({"networking": {"listeners": [{"port": "10002", "type": "ZoneEgress", "state": "Ready", "address": "1.1.1.1"}],
                    "address": "1.1.1.1", "gateway": {"type": "DELEGATED", "tags": {"kuma.io/service": "gw"}}}})
            )
            .unwrap(),
            r#"{"networking":{"address":"1.1.1.1","gateway":{"tags":{"kuma.io/service":"gw"}},"listeners":[{"type":"ZoneEgress","address":"1.1.1.1","port":10002}]}}"#
        );
        // Wrappers are written even when zero; a JSON name wins over the proto name.
        assert_eq!(
            decode(
                "CircuitBreaker",
                json!({"conf": {"maxEjectionPercent": 0, "max_ejection_percent": 5, "thresholds": {}}})
            )
            .unwrap(),
            r#"{"conf":{"maxEjectionPercent":0,"thresholds":{}}}"#
        );
    }

    #[test]
    fn go_error_texts() {
        let err = |t: &str, v: Value| decode(t, v).unwrap_err();
        assert_eq!(
            err(
                "Dataplane",
                json!({"networking": {"listeners": [{"type": "Foo"}]}})
            ),
            r#"unknown value "\"Foo\"" for enum kuma.mesh.v1alpha1.Dataplane.Networking.Listener.Type"#
        );
        assert_eq!(
            err("Timeout", json!({"conf": {"connectTimeout": "5x"}})),
            r#"bad Duration: time: unknown unit "x" in duration "5x""#
        );
        assert_eq!(
            err("Timeout", json!({"conf": {"connectTimeout": 5}})),
            "json: cannot unmarshal number into Go value of type string"
        );
        assert_eq!(
            err("TrafficPermission", json!({"sources": {}})),
            "json: cannot unmarshal object into Go value of type []json.RawMessage"
        );
        assert_eq!(
            err("TrafficPermission", json!({"sources": [{"match": "x"}]})),
            "json: cannot unmarshal string into Go value of type map[string]json.RawMessage"
        );
        assert_eq!(
            err("ExternalService", json!({"networking": {"address": 1}})),
            "json: cannot unmarshal number into Go value of type string"
        );
        assert_eq!(
            err(
                "MeshGateway",
                json!({"conf": {"listeners": [{"port": -1}]}})
            ),
            "json: cannot unmarshal number -1 into Go value of type uint32"
        );
    }

    /// Every writable legacy type is read as data, except those with typed models.
    #[test]
    fn every_legacy_type_has_a_message() {
        use crate::resources::descriptor::{BodyFamily, RESOURCE_TYPES};
        for t in RESOURCE_TYPES {
            let typed = matches!(t.name, "Mesh" | "Secret" | "GlobalSecret");
            if t.family == BodyFamily::Legacy && !t.read_only && !typed {
                assert!(message_of(t.name).is_some(), "{} has no message", t.name);
            }
        }
    }

    #[test]
    fn proto_names() {
        assert_eq!(proto_name("servicePort"), "service_port");
        assert_eq!(proto_name("port"), "port");
    }
}
