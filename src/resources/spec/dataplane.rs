//! The Dataplane validator (Go: `pkg/core/resources/apis/mesh/dataplane_validator.go`,
//! `dataplane_helpers.go`, `validators.go`) over the spec JSON, including the zone-proxy
//! `networking.listeners[]`, and the Dataplane facts the control plane and kumactl derive
//! from a spec: its kind, its listeners, their section names and computed labels
//! (`pkg/core/resources/labels/compute.go`).

use super::checks::{
    PORT_RANGE, TagRules, Tags, Violations, is_dns_name, is_ip, overlap, parse_ip, validate_tags,
};
use super::gojson::quote;
use crate::resources::meta::{NAME_INVALID, NAME_MAX_LENGTH, Violation};
use regex::Regex;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::net::{IpAddr, Ipv4Addr};
use std::sync::LazyLock;

pub const PROXY_TYPE_LABEL: &str = "kuma.io/proxy-type";
pub const LISTENER_ZONE_INGRESS_LABEL: &str = "kuma.io/listener-zoneingress";
pub const LISTENER_ZONE_EGRESS_LABEL: &str = "kuma.io/listener-zoneegress";
pub const WORKLOAD_LABEL: &str = "kuma.io/workload";
pub const SERVICE_TAG: &str = "kuma.io/service";
pub const PROTOCOL_TAG: &str = "kuma.io/protocol";

/// `Dataplane.Networking.Listener.Type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListenerType {
    Unspecified,
    ZoneIngress,
    ZoneEgress,
    /// A number without a name, which jsonpb accepts.
    Other(i64),
}

impl ListenerType {
    fn of(value: Option<&Value>) -> ListenerType {
        match value {
            Some(Value::String(name)) => match name.as_str() {
                "ZoneIngress" => ListenerType::ZoneIngress,
                "ZoneEgress" => ListenerType::ZoneEgress,
                _ => ListenerType::Unspecified,
            },
            Some(Value::Number(n)) => match n.as_i64() {
                Some(1) => ListenerType::ZoneIngress,
                Some(2) => ListenerType::ZoneEgress,
                Some(0) | None => ListenerType::Unspecified,
                Some(other) => ListenerType::Other(other),
            },
            _ => ListenerType::Unspecified,
        }
    }

    /// The enum name as jsonpb writes it (a number when it has none).
    pub fn name(self) -> String {
        match self {
            ListenerType::Unspecified => "Unspecified".into(),
            ListenerType::ZoneIngress => "ZoneIngress".into(),
            ListenerType::ZoneEgress => "ZoneEgress".into(),
            ListenerType::Other(n) => n.to_string(),
        }
    }
}

/// One `networking.listeners[]` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listener {
    pub listener_type: ListenerType,
    pub address: String,
    pub port: u64,
    pub name: String,
    /// `state: NotReady` (1); absent or `Ready` is ready.
    pub ready: bool,
}

impl Listener {
    fn read(value: &Value) -> Listener {
        let state = value.get("state");
        Listener {
            listener_type: ListenerType::of(value.get("type")),
            address: string(value.get("address")),
            port: number(value.get("port")),
            name: string(value.get("name")),
            ready: match state {
                Some(Value::String(s)) => s != "NotReady",
                Some(Value::Number(n)) => n.as_i64() == Some(0),
                _ => true,
            },
        }
    }

    /// `GetSectionName`: the name, or the port as a decimal string.
    pub fn section_name(&self) -> String {
        if self.name.is_empty() {
            self.port.to_string()
        } else {
            self.name.clone()
        }
    }
}

/// The listeners of a Dataplane spec, in order.
pub fn listeners(spec: &Map<String, Value>) -> Vec<Listener> {
    spec.get("networking")
        .and_then(|n| n.get("listeners"))
        .and_then(Value::as_array)
        .map(|items| items.iter().map(Listener::read).collect())
        .unwrap_or_default()
}

/// `IsZoneProxyOnly`: zone-proxy listeners, no inbound and no gateway.
pub fn is_zone_proxy_only(spec: &Map<String, Value>) -> bool {
    let networking = spec.get("networking");
    let has_listeners = listeners(spec).iter().any(|l| {
        matches!(
            l.listener_type,
            ListenerType::ZoneIngress | ListenerType::ZoneEgress
        )
    });
    has_listeners
        && items(networking.and_then(|n| n.get("inbound"))).is_empty()
        && networking.and_then(|n| n.get("gateway")).is_none()
}

/// `Dataplane.GetProxyType`: `gateway` for a builtin gateway, else `sidecar` (a delegated
/// gateway and a zone proxy too).
pub fn proxy_type(spec: &Map<String, Value>) -> &'static str {
    match gateway_kind(spec.get("networking").unwrap_or(&Value::Null)) {
        Some(GatewayKind::Builtin) => "gateway",
        _ => "sidecar",
    }
}

/// The labels Kuma computes from a Dataplane's spec on every write: the proxy type (always
/// overwritten) and the listener labels (set when such a listener exists, else deleted).
pub fn compute_labels(labels: &mut BTreeMap<String, String>, spec: &Map<String, Value>) {
    labels.insert(PROXY_TYPE_LABEL.into(), proxy_type(spec).into());
    let listeners = listeners(spec);
    for (label, wanted) in [
        (LISTENER_ZONE_INGRESS_LABEL, ListenerType::ZoneIngress),
        (LISTENER_ZONE_EGRESS_LABEL, ListenerType::ZoneEgress),
    ] {
        if listeners.iter().any(|l| l.listener_type == wanted) {
            labels.insert(label.into(), "enabled".into());
        } else {
            labels.remove(label);
        }
    }
}

/// Inbound and gateway tags of a Dataplane (the values present for each key), what a
/// dataplane token's tags are matched against.
pub fn tag_values(spec: &Map<String, Value>) -> BTreeMap<String, Vec<String>> {
    let networking = spec.get("networking").unwrap_or(&Value::Null);
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let gateway_tags = networking.get("gateway").and_then(|g| g.get("tags"));
    for tags in items(networking.get("inbound"))
        .iter()
        .map(|i| i.get("tags"))
        .chain(std::iter::once(gateway_tags))
        .flatten()
        .filter_map(Value::as_object)
    {
        for (k, v) in tags {
            let values = out.entry(k.clone()).or_default();
            let v = string(Some(v));
            if !values.contains(&v) {
                values.push(v);
            }
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GatewayKind {
    Delegated,
    Builtin,
}

fn gateway_kind(networking: &Value) -> Option<GatewayKind> {
    let gateway = networking.get("gateway")?;
    if gateway.is_null() {
        return None;
    }
    Some(match gateway.get("type") {
        Some(Value::String(t)) if t == "BUILTIN" => GatewayKind::Builtin,
        Some(Value::Number(n)) if n.as_i64() == Some(1) => GatewayKind::Builtin,
        _ => GatewayKind::Delegated,
    })
}

fn string(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// A uint32 as jsonpb reads it (a number or a decimal string).
fn number(value: Option<&Value>) -> u64 {
    match value {
        Some(Value::Number(n)) => n.as_u64().unwrap_or(0),
        Some(Value::String(s)) => s.parse().unwrap_or(0),
        _ => 0,
    }
}

fn items(value: Option<&Value>) -> &[Value] {
    value.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn tag_map(value: Option<&Value>) -> BTreeMap<String, String> {
    value
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), string(Some(v))))
                .collect()
        })
        .unwrap_or_default()
}

fn port_ok(port: u64) -> bool {
    (1..=65535).contains(&port)
}

const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

/// `UsesInboundInterface(127.0.0.1, port)`.
fn uses_inbound_interface(networking: &Value, port: u64) -> bool {
    let dp_address = string(networking.get("address"));
    items(networking.get("inbound")).iter().any(|inbound| {
        let inbound_port = number(inbound.get("port"));
        let address = string(inbound.get("address"));
        let dataplane_ip = if address.is_empty() {
            dp_address.clone()
        } else {
            address
        };
        let service_port = number(inbound.get("servicePort"));
        let workload_port = if service_port == 0 {
            inbound_port
        } else {
            service_port
        };
        let service_address = string(inbound.get("serviceAddress"));
        let workload_ip = if service_address.is_empty() {
            dataplane_ip.clone()
        } else {
            service_address
        };
        (port == inbound_port && overlap(LOOPBACK, parse_ip(&dataplane_ip)))
            || (port == workload_port && overlap(LOOPBACK, parse_ip(&workload_ip)))
    })
}

/// `UsesOutboundInterface(127.0.0.1, port)`: an empty outbound address is 127.0.0.1.
fn uses_outbound_interface(networking: &Value, port: u64) -> bool {
    items(networking.get("outbound")).iter().any(|outbound| {
        let address = string(outbound.get("address"));
        let ip = if address.is_empty() {
            "127.0.0.1".to_string()
        } else {
            address
        };
        port == number(outbound.get("port")) && overlap(LOOPBACK, parse_ip(&ip))
    })
}

/// Kuma's `validateAddress` for the Dataplane and listener addresses.
fn validate_address(violations: &mut Violations, path: &str, address: &str) {
    if address.is_empty() {
        violations.add(path, "address can't be empty");
        return;
    }
    if address == "0.0.0.0" || address == "::" {
        violations.add(path, "must not be 0.0.0.0 or ::");
    }
    if !is_ip(address) && !is_dns_name(address) {
        violations.add(path, "address has to be valid IP address or domain name");
    }
}

/// `DataplaneResource.Validate()`: every violation, in Kuma's order.
pub fn validate(spec: &Value) -> Vec<Violation> {
    let mut violations = Violations::default();
    let Some(networking) = spec.get("networking").filter(|n| !n.is_null()) else {
        violations.add("networking", "must be defined");
        return violations.into_vec();
    };
    if let Some(admin) = networking.get("admin").filter(|a| !a.is_null()) {
        let port = number(admin.get("port"));
        if uses_inbound_interface(networking, port) {
            violations.add("networking.admin.port", "must differ from inbound");
        }
        if uses_outbound_interface(networking, port) {
            violations.add("networking.admin.port", "must differ from outbound");
        }
    }
    let has = |field: &str| !items(networking.get(field)).is_empty();
    let probes = spec.get("probes").filter(|p| !p.is_null());
    match gateway_kind(networking) {
        Some(GatewayKind::Delegated) => {
            if has("inbound") {
                violations.add(
                    "networking.inbound",
                    "inbound cannot be defined for delegated gateways",
                );
            }
            if has("listeners") {
                violations.add(
                    "networking.listeners",
                    "listeners cannot be defined for delegated gateways",
                );
            }
            validate_gateway_tags(&mut violations, networking);
            validate_networking(&mut violations, networking);
            validate_probes(&mut violations, probes);
        }
        Some(GatewayKind::Builtin) => {
            for field in ["inbound", "outbound", "listeners"] {
                if has(field) {
                    violations.add(
                        format!("networking.{field}"),
                        format!("{field} cannot be defined for builtin gateways"),
                    );
                }
            }
            if probes.is_some() {
                violations.add(
                    "networking.probes",
                    "probes cannot be defined for builtin gateways",
                );
            }
            validate_gateway_tags(&mut violations, networking);
            validate_networking(&mut violations, networking);
        }
        None => {
            validate_networking(&mut violations, networking);
            validate_probes(&mut violations, probes);
            validate_metrics(&mut violations, spec.get("metrics"));
            validate_listeners(&mut violations, networking);
        }
    }
    violations.into_vec()
}

fn validate_gateway_tags(violations: &mut Violations, networking: &Value) {
    let tags = tag_map(networking.get("gateway").and_then(|g| g.get("tags")));
    let protocol = |violations: &mut Violations, path: &str, tags: &Tags| {
        if let Some(value) = tags.get(PROTOCOL_TAG)
            && value != "tcp"
        {
            violations.add(
                format!("{path}[{PROTOCOL_TAG:?}]"),
                format!(
                    "other values than tcp are not allowed, provided value {}",
                    quote(value)
                ),
            );
        }
    };
    let rules = TagRules {
        require_service: !tags.is_empty(),
        map_check: Some(&protocol),
        ..TagRules::default()
    };
    validate_tags(violations, "networking.gateway.tags", &tags, rules);
}

const PROTOCOLS: [&str; 7] = ["http", "http2", "tcp", "tls", "grpc", "kafka", "mysql"];
const PROTOCOLS_ALLOWED: &str = "Allowed values: grpc, http, http2, kafka, tcp";

fn valid_protocol(value: &str) -> bool {
    PROTOCOLS.contains(&value.to_ascii_lowercase().as_str())
}

fn validate_networking(violations: &mut Violations, networking: &Value) {
    let dp_address = string(networking.get("address"));
    validate_address(violations, "networking.address", &dp_address);
    for (i, inbound) in items(networking.get("inbound")).iter().enumerate() {
        validate_inbound(
            violations,
            &format!("networking.inbound[{i}]"),
            inbound,
            &dp_address,
        );
    }
    for (i, outbound) in items(networking.get("outbound")).iter().enumerate() {
        validate_outbound(violations, &format!("networking.outbound[{i}]"), outbound);
    }
    let refs = networking
        .get("transparentProxying")
        .and_then(|t| t.get("reachableBackends"))
        .and_then(|r| r.get("refs"));
    for (j, reference) in items(refs).iter().enumerate() {
        validate_reachable_backend(
            violations,
            &format!("networking.transparentProxing.reachableBackends.refs[{j}]"),
            reference,
        );
    }
}

fn validate_inbound(violations: &mut Violations, path: &str, inbound: &Value, dp_address: &str) {
    let port = number(inbound.get("port"));
    let service_port = number(inbound.get("servicePort"));
    let service_address = string(inbound.get("serviceAddress"));
    let address = string(inbound.get("address"));
    let same_port = service_port == 0 || service_port == port;
    const DIFFER: &str = "serviceAddress and servicePort has to differ from address and port";
    if !port_ok(port) {
        violations.add(format!("{path}.port"), PORT_RANGE);
    }
    if service_port > 65535 {
        violations.add(format!("{path}.servicePort"), PORT_RANGE);
    }
    if !service_address.is_empty() {
        if !is_ip(&service_address) {
            violations.add(
                format!("{path}.serviceAddress"),
                "serviceAddress has to be valid IP address",
            );
        }
        if service_address == dp_address && same_port {
            violations.add(format!("{path}.serviceAddress"), DIFFER);
        }
    }
    if !address.is_empty() {
        if !is_ip(&address) {
            violations.add(
                format!("{path}.address"),
                "address has to be valid IP address",
            );
        }
        if address == service_address && same_port {
            violations.add(format!("{path}.serviceAddress"), DIFFER);
        }
    }
    let tags_path = format!("{path}.tags");
    let tags = tag_map(inbound.get("tags"));
    let protocol = |violations: &mut Violations, path: &str, tags: &Tags| {
        if let Some(value) = tags.get(PROTOCOL_TAG)
            && !valid_protocol(value)
        {
            violations.add(
                format!("{path}[{PROTOCOL_TAG:?}]"),
                format!(
                    "tag {PROTOCOL_TAG:?} has an invalid value {}. {PROTOCOLS_ALLOWED}",
                    quote(value)
                ),
            );
        }
    };
    let rules = TagRules {
        map_check: Some(&protocol),
        ..TagRules::default()
    };
    validate_tags(violations, &tags_path, &tags, rules);
    let protocol = string(inbound.get("protocol"));
    if !protocol.is_empty() && !valid_protocol(&protocol) {
        violations.add(
            format!("{path}.protocol"),
            format!(
                "has an invalid value {}. {PROTOCOLS_ALLOWED}",
                quote(&protocol)
            ),
        );
    }
    if let Some(probe) = inbound.get("serviceProbe").filter(|p| !p.is_null()) {
        let probe_path = format!("{path}.serviceProbe");
        for field in ["interval", "timeout"] {
            if let Some(message) = duration_violation(probe.get(field)) {
                violations.add(format!("{probe_path}.{field}"), message);
            }
        }
        for field in ["unhealthyThreshold", "healthyThreshold"] {
            // A UInt32Value: a bare number in JSON.
            if number(probe.get(field)) == 0 {
                violations.add(
                    format!("{probe_path}.{field}"),
                    "must have a positive value",
                );
            }
        }
    }
    if !tags.is_empty() && !tags.contains_key(SERVICE_TAG) {
        violations.add(format!("{tags_path}[{SERVICE_TAG:?}]"), "tag has to exist");
    }
}

static PROTO_DURATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(-?)(\d+)(?:\.(\d{1,9}))?s$").expect("valid regex"));

/// `ValidateDurationGreaterThanZero` over a proto Duration in its JSON form (`"10s"`).
fn duration_violation(value: Option<&Value>) -> Option<&'static str> {
    const POSITIVE: &str = "must have a positive value";
    let text = match value {
        None | Some(Value::Null) => return Some(POSITIVE),
        Some(Value::String(s)) => s.as_str(),
        Some(_) => return Some("must have a valid value"),
    };
    let Some(caps) = PROTO_DURATION.captures(text) else {
        return Some("must have a valid value");
    };
    let seconds: u64 = caps[2].parse().unwrap_or(u64::MAX);
    // The proto range: ±315,576,000,000 seconds.
    if seconds > 315_576_000_000 {
        return Some("must have a valid value");
    }
    let fraction_zero = caps
        .get(3)
        .is_none_or(|f| f.as_str().bytes().all(|b| b == b'0'));
    if &caps[1] == "-" || (seconds == 0 && fraction_zero) {
        return Some(POSITIVE);
    }
    None
}

const BACKEND_KINDS: [&str; 3] = ["MeshExternalService", "MeshMultiZoneService", "MeshService"];

fn invalid_kind() -> String {
    format!(
        "invalid value. Available values are: {}",
        BACKEND_KINDS.join(",")
    )
}

fn validate_outbound(violations: &mut Violations, path: &str, outbound: &Value) {
    if !port_ok(number(outbound.get("port"))) {
        violations.add(format!("{path}.port"), PORT_RANGE);
    }
    let address = string(outbound.get("address"));
    if !address.is_empty() && !is_ip(&address) {
        violations.add(
            format!("{path}.address"),
            "address has to be valid IP address",
        );
    }
    let tags = tag_map(outbound.get("tags"));
    let backend_ref = outbound.get("backendRef").filter(|b| !b.is_null());
    match backend_ref {
        Some(backend) => {
            let kind = string(backend.get("kind"));
            if !BACKEND_KINDS.contains(&kind.as_str()) {
                violations.add(format!("{path}.backendRef.kind"), invalid_kind());
            }
            let labels = tag_map(backend.get("labels"));
            if string(backend.get("name")).is_empty() && labels.is_empty() {
                violations.add(
                    format!("{path}.backendRef"),
                    "either 'name' or 'labels' should be specified",
                );
            }
            if kind != "MeshExternalService" && !port_ok(number(backend.get("port"))) {
                violations.add(format!("{path}.backendRef.port"), PORT_RANGE);
            }
        }
        None if tags.is_empty() => {
            violations.add(
                format!("{path}.tags"),
                format!("mandatory tag {SERVICE_TAG:?} is missing"),
            );
        }
        None => {
            let rules = TagRules {
                require_service: true,
                ..TagRules::default()
            };
            validate_tags(violations, &format!("{path}.tags"), &tags, rules);
        }
    }
    if backend_ref.is_some() && !tags.is_empty() {
        violations.add(
            format!("{path}.backendRef"),
            "both backendRef and tags/service cannot be defined",
        );
    }
}

static RFC1123_SUBDOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
        .expect("valid regex")
});

fn validate_reachable_backend(violations: &mut Violations, path: &str, reference: &Value) {
    let kind = string(reference.get("kind"));
    if !BACKEND_KINDS.contains(&kind.as_str()) {
        violations.add(format!("{path}.kind"), invalid_kind());
    }
    let name = string(reference.get("name"));
    let namespace = string(reference.get("namespace"));
    let labels = tag_map(reference.get("labels"));
    if !name.is_empty() {
        if name.len() > NAME_MAX_LENGTH {
            violations.add(
                format!("{path}.name"),
                format!("value length must less or equal {NAME_MAX_LENGTH}"),
            );
        } else if !RFC1123_SUBDOMAIN.is_match(&name) {
            violations.add(format!("{path}.name"), NAME_INVALID);
        }
    } else if namespace.is_empty() && labels.is_empty() {
        violations.add(format!("{path}.name"), "name or labels are required");
    } else if !namespace.is_empty() {
        violations.add(
            format!("{path}.name"),
            "name is required, when namespace is defined",
        );
    }
    if !labels.is_empty() && (!name.is_empty() || !namespace.is_empty()) {
        violations.add(
            format!("{path}.labels"),
            "labels cannot be defined when name is specified",
        );
    }
}

fn validate_probes(violations: &mut Violations, probes: Option<&Value>) {
    let Some(probes) = probes else {
        return;
    };
    if !port_ok(number(probes.get("port"))) {
        violations.add("probes.port", PORT_RANGE);
    }
    for (i, endpoint) in items(probes.get("endpoints")).iter().enumerate() {
        let path = format!("probes.endpoints[{i}]");
        if !port_ok(number(endpoint.get("inboundPort"))) {
            violations.add(format!("{path}.inboundPort"), PORT_RANGE);
        }
        for field in ["inboundPath", "path"] {
            if !is_request_uri(&string(endpoint.get(field))) {
                violations.add(format!("{path}.{field}"), "should be a valid URL Path");
            }
        }
    }
}

static URI_SCHEME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-zA-Z][a-zA-Z0-9+.-]*:").expect("valid regex"));

/// Go's `url.ParseRequestURI` succeeds: an absolute path or an absolute URI.
fn is_request_uri(text: &str) -> bool {
    if text.is_empty() || text.bytes().any(|b| b < 0x20 || b == 0x7f) {
        return false;
    }
    text.starts_with('/') || URI_SCHEME.is_match(text)
}

fn validate_metrics(violations: &mut Violations, metrics: Option<&Value>) {
    let Some(metrics) = metrics.filter(|m| !m.is_null()) else {
        return;
    };
    if string(metrics.get("type")) != "prometheus" {
        violations.add(
            "metrics.type",
            "unknown backend type. Available backends: \"prometheus\"",
        );
    }
}

/// `validateListeners`: each listener's own rules, then its name, its `address:port`
/// among the earlier listeners, and against the inbounds.
fn validate_listeners(violations: &mut Violations, networking: &Value) {
    let dp_address = string(networking.get("address"));
    let inbounds = items(networking.get("inbound"));
    let mut names: HashSet<String> = inbounds
        .iter()
        .map(|inbound| {
            let name = string(inbound.get("name"));
            if name.is_empty() {
                number(inbound.get("port")).to_string()
            } else {
                name
            }
        })
        .collect();
    let inbound_pairs: Vec<String> = inbounds
        .iter()
        .map(|inbound| {
            let address = string(inbound.get("address"));
            let address = if address.is_empty() {
                dp_address.as_str()
            } else {
                address.as_str()
            };
            format!("{address}:{}", number(inbound.get("port")))
        })
        .collect();
    let mut used: HashMap<String, ListenerType> = HashMap::new();
    for (i, value) in items(networking.get("listeners")).iter().enumerate() {
        let path = format!("networking.listeners[{i}]");
        let listener = Listener::read(value);
        if listener.listener_type == ListenerType::Unspecified {
            violations.add(
                format!("{path}.type"),
                "type must be ZoneIngress or ZoneEgress",
            );
        }
        validate_address(violations, &format!("{path}.address"), &listener.address);
        if !port_ok(listener.port) {
            violations.add(format!("{path}.port"), PORT_RANGE);
        }
        if !listener.name.is_empty() && !names.insert(listener.name.clone()) {
            violations.add(
                format!("{path}.name"),
                format!(
                    "name {} must be unique across inbounds and listeners",
                    quote(&listener.name)
                ),
            );
        }
        let pair = format!("{}:{}", listener.address, listener.port);
        match used.get(&pair) {
            Some(earlier) if *earlier == listener.listener_type => violations.add(
                &path,
                format!("address:port {pair} is already used by another listener"),
            ),
            Some(_) => violations.add(
                &path,
                format!("address:port {pair} is used by listeners of different types"),
            ),
            None => {
                used.insert(pair.clone(), listener.listener_type);
            }
        }
        if inbound_pairs.contains(&pair) {
            violations.add(
                &path,
                format!("address:port {pair} collides with an inbound listener"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::meta::join_violations;
    use serde_json::json;

    fn errors(spec: Value) -> String {
        join_violations(&validate(&spec))
    }

    fn egress(listeners: Value) -> Value {
        json!({"networking": {"address": "192.168.0.10", "listeners": listeners}})
    }

    #[test]
    fn zone_proxy_dataplanes_are_valid() {
        assert_eq!(
            errors(egress(
                json!([{"type": "ZoneEgress", "address": "192.168.0.10", "port": 10002, "name": "ze-port"}])
            )),
            ""
        );
        assert_eq!(
            errors(json!({"networking": {"address": "10.0.0.1",
                "inbound": [{"port": 8080, "name": "main", "tags": {"kuma.io/service": "web"}}],
                "listeners": [
                    {"type": "ZoneIngress", "address": "10.0.0.1", "port": 10001, "name": "zi"},
                    {"type": "ZoneIngress", "address": "10.0.0.1", "port": 10003}]}})),
            ""
        );
    }

    #[test]
    fn networking_is_required() {
        assert_eq!(errors(json!({})), "networking: must be defined");
        assert_eq!(
            errors(json!({"networking": {}})),
            "networking.address: address can't be empty"
        );
    }

    #[test]
    fn listener_rules_in_order() {
        assert_eq!(
            errors(egress(json!([{"address": "", "port": 0}]))),
            "networking.listeners[0].type: type must be ZoneIngress or ZoneEgress; networking.listeners[0].address: address can't be empty; networking.listeners[0].port: port must be in the range [1, 65535]"
        );
        assert_eq!(
            errors(egress(
                json!([{"type": "ZoneEgress", "address": "not-valid!", "port": 65536}])
            )),
            "networking.listeners[0].address: address has to be valid IP address or domain name; networking.listeners[0].port: port must be in the range [1, 65535]"
        );
        assert_eq!(
            errors(egress(json!([{"type": 2, "address": "::", "port": 1}]))),
            "networking.listeners[0].address: must not be 0.0.0.0 or ::"
        );
        assert_eq!(
            errors(egress(json!([
                {"type": "ZoneEgress", "address": "10.0.0.1", "port": 1, "name": "a"},
                {"type": "ZoneEgress", "address": "10.0.0.1", "port": 1, "name": "a"},
                {"type": "ZoneIngress", "address": "10.0.0.1", "port": 1}
            ]))),
            "networking.listeners[1].name: name \"a\" must be unique across inbounds and listeners; networking.listeners[1]: address:port 10.0.0.1:1 is already used by another listener; networking.listeners[2]: address:port 10.0.0.1:1 is used by listeners of different types"
        );
        // Inbound section names (the port when unnamed) and address:port pairs.
        assert_eq!(
            errors(json!({"networking": {"address": "10.0.0.1",
                "inbound": [{"port": 8080}, {"port": 8081, "address": "10.0.0.2"}],
                "listeners": [
                    {"type": "ZoneEgress", "address": "10.0.0.1", "port": 8080, "name": "8080"},
                    {"type": "ZoneEgress", "address": "10.0.0.2", "port": 8081}]}})),
            "networking.listeners[0].name: name \"8080\" must be unique across inbounds and listeners; networking.listeners[0]: address:port 10.0.0.1:8080 collides with an inbound listener; networking.listeners[1]: address:port 10.0.0.2:8081 collides with an inbound listener"
        );
    }

    #[test]
    fn gateways_forbid_listeners() {
        assert_eq!(
            errors(
                json!({"networking": {"address": "10.0.0.1", "gateway": {"tags": {"kuma.io/service": "gw"}},
                "listeners": [{"type": "ZoneEgress", "address": "10.0.0.1", "port": 1}]}})
            ),
            "networking.listeners: listeners cannot be defined for delegated gateways"
        );
        assert_eq!(
            errors(
                json!({"networking": {"address": "10.0.0.1", "gateway": {"type": "BUILTIN", "tags": {"kuma.io/service": "gw"}},
                "listeners": [{"type": "ZoneEgress", "address": "10.0.0.1", "port": 1}]}})
            ),
            "networking.listeners: listeners cannot be defined for builtin gateways"
        );
    }

    #[test]
    fn inbound_and_outbound_rules() {
        assert_eq!(
            errors(
                json!({"networking": {"address": "10.0.0.1", "admin": {"port": 9901},
                "inbound": [{"port": 70000, "tags": {"kuma.io/protocol": "foo", "version": ""}}],
                "outbound": [{"port": 9901}, {"port": 1, "tags": {"kuma.io/service": "x"}, "backendRef": {"kind": "Foo"}}]}})
            ),
            "networking.admin.port: must differ from outbound; networking.inbound[0].port: port must be in the range [1, 65535]; networking.inbound[0].tags[\"kuma.io/protocol\"]: tag \"kuma.io/protocol\" has an invalid value \"foo\". Allowed values: grpc, http, http2, kafka, tcp; networking.inbound[0].tags[\"version\"]: tag value must be non-empty; networking.inbound[0].tags[\"kuma.io/service\"]: tag has to exist; networking.outbound[0].tags: mandatory tag \"kuma.io/service\" is missing; networking.outbound[1].backendRef.kind: invalid value. Available values are: MeshExternalService,MeshMultiZoneService,MeshService; networking.outbound[1].backendRef: either 'name' or 'labels' should be specified; networking.outbound[1].backendRef.port: port must be in the range [1, 65535]; networking.outbound[1].backendRef: both backendRef and tags/service cannot be defined"
        );
    }

    #[test]
    fn computed_labels() {
        let spec = egress(json!([{"type": "ZoneEgress", "address": "10.0.0.1", "port": 1}]));
        let mut labels =
            BTreeMap::from([(LISTENER_ZONE_INGRESS_LABEL.to_string(), "stale".to_string())]);
        compute_labels(&mut labels, spec.as_object().unwrap());
        assert_eq!(
            labels,
            BTreeMap::from([
                (
                    LISTENER_ZONE_EGRESS_LABEL.to_string(),
                    "enabled".to_string()
                ),
                (PROXY_TYPE_LABEL.to_string(), "sidecar".to_string()),
            ])
        );
        assert!(is_zone_proxy_only(spec.as_object().unwrap()));
        let listeners = listeners(spec.as_object().unwrap());
        assert_eq!(listeners[0].section_name(), "1");
    }
}
