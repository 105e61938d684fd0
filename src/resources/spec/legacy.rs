//! The validators of the legacy types read by [`super::proto`] (Go:
//! `pkg/core/resources/apis/mesh/*_validator.go`). Each works on the canonical spec JSON
//! that decoding produced (zero values absent, durations as jsonpb seconds), and adds its
//! violations in the order Kuma's code adds them.
//!
//! [`validate`] is the one place where a type's validator is looked up.

use super::checks::{
    PROTOCOL_TAG, SERVICE_TAG, SelectorListRules, TagRules, Violations, is_dns_name, is_host_port,
    is_ip, is_tag_name, key_path, overlap, parse_ip, protocol_tag_check, tags_of, validate_address,
    validate_only_service_destinations, validate_port, validate_selector, validate_selector_list,
    validate_tags,
};
use super::gojson::quote;
use crate::resources::meta::Violation;
use regex::Regex;
use serde_json::Value;
use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::LazyLock;

/// The rule violations of the spec of a legacy type, `None` when the type has no
/// validator here.
pub fn validate(type_name: &str, spec: &Value) -> Option<Vec<Violation>> {
    let mut v = Violations::default();
    match type_name {
        "Dataplane" => return Some(super::dataplane::validate(spec)),
        "ZoneEgress" => zone_egress(&mut v, spec),
        "ZoneIngress" => zone_ingress(&mut v, spec),
        "ExternalService" => external_service(&mut v, spec),
        "MeshGateway" => mesh_gateway(&mut v, spec),
        "TrafficPermission" => {
            sources(&mut v, spec, false);
            selector_list(&mut v, spec, "destinations", true, false);
        }
        "TrafficLog" => {
            sources(&mut v, spec, true);
            only_service_destinations(&mut v, spec);
        }
        "TrafficTrace" => selector_list(&mut v, spec, "selectors", true, false),
        "TrafficRoute" => {
            sources(&mut v, spec, true);
            only_service_destinations(&mut v, spec);
            traffic_route_conf(&mut v, spec.get("conf"));
        }
        "HealthCheck" => {
            sources(&mut v, spec, true);
            only_service_destinations(&mut v, spec);
            health_check_conf(&mut v, spec.get("conf"));
        }
        "CircuitBreaker" => {
            sources(&mut v, spec, true);
            only_service_destinations(&mut v, spec);
            circuit_breaker_conf(&mut v, spec.get("conf"));
        }
        "Retry" => {
            sources(&mut v, spec, true);
            only_service_destinations(&mut v, spec);
            retry_conf(&mut v, spec.get("conf"));
        }
        "Timeout" => {
            sources(&mut v, spec, true);
            only_service_destinations(&mut v, spec);
            timeout_conf(&mut v, spec.get("conf"));
        }
        "FaultInjection" => {
            sources(&mut v, spec, false);
            fault_injection_destinations(&mut v, spec);
            fault_injection_conf(&mut v, spec.get("conf"));
        }
        "RateLimit" => {
            sources(&mut v, spec, false);
            selector_list(&mut v, spec, "destinations", true, false);
            rate_limit_conf(&mut v, spec.get("conf"));
        }
        "VirtualOutbound" => {
            selector_list(&mut v, spec, "selectors", true, false);
            virtual_outbound_conf(&mut v, spec.get("conf"));
        }
        "ProxyTemplate" => {
            selector_list(&mut v, spec, "selectors", false, true);
            proxy_template_conf(&mut v, spec.get("conf"));
        }
        _ => return None,
    }
    Some(v.into_vec())
}

// ---- reading the canonical JSON ---------------------------------------------------------

fn items<'a>(value: Option<&'a Value>, key: &str) -> &'a [Value] {
    value
        .and_then(|v| v.get(key))
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn text<'a>(value: Option<&'a Value>, key: &str) -> &'a str {
    value
        .and_then(|v| v.get(key))
        .and_then(Value::as_str)
        .unwrap_or_default()
}

fn number(value: Option<&Value>, key: &str) -> Option<f64> {
    value.and_then(|v| v.get(key)).and_then(Value::as_f64)
}

fn child<'a>(value: Option<&'a Value>, key: &str) -> Option<&'a Value> {
    value.and_then(|v| v.get(key))
}

fn is_empty_object(value: &Value) -> bool {
    value.as_object().is_some_and(serde_json::Map::is_empty)
}

/// Whether a canonical jsonpb duration (`"0s"`, `"-0.100s"`) is zero.
fn duration_is_zero(text: &str) -> bool {
    text.trim_end_matches('s')
        .chars()
        .all(|c| matches!(c, '0' | '.' | '-'))
}

/// Kuma's `ValidateDuration` for a required duration: absent or zero →
/// `must have a positive value`. (Go's `time.ParseDuration` cannot produce one outside
/// the proto range, so `must have a valid value` never shows here.)
fn required_duration(v: &mut Violations, path: &str, value: Option<&Value>) {
    match value.and_then(Value::as_str) {
        Some(text) if !duration_is_zero(text) => {}
        _ => v.add(path, "must have a positive value"),
    }
}

// ---- selector lists ---------------------------------------------------------------------

fn selector_list(
    v: &mut Violations,
    spec: &Value,
    key: &str,
    at_least_one_element: bool,
    require_service: bool,
) {
    validate_selector_list(
        v,
        key,
        items(Some(spec), key),
        SelectorListRules {
            at_least_one_element,
            at_most_one_element: false,
            at_least_one_tag: true,
            require_service,
        },
    );
}

fn sources(v: &mut Violations, spec: &Value, require_service: bool) {
    validate_selector_list(
        v,
        "sources",
        items(Some(spec), "sources"),
        SelectorListRules {
            at_least_one_element: true,
            at_most_one_element: false,
            at_least_one_tag: true,
            require_service,
        },
    );
}

fn only_service_destinations(v: &mut Violations, spec: &Value) {
    validate_only_service_destinations(v, "destinations", items(Some(spec), "destinations"));
}

// ---- ZoneEgress, ZoneIngress (zone_egress_validator.go, zone_ingress_validator.go) -------

/// The port Envoy's admin API listens on when `networking.admin.port` is 0
/// (`bootstrapServer.params.adminPort`).
pub const DEFAULT_ADMIN_PORT: u32 = 9901;

fn port_of(value: Option<&Value>, key: &str) -> u32 {
    value
        .and_then(|v| v.get(key))
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .unwrap_or(0)
}

/// Whether the admin port clashes with a listener on `address:port` reachable on the
/// loopback interface (Kuma's `overlap`).
fn admin_clashes(admin_port: u32, address: &str, port: u32) -> bool {
    admin_port == port && overlap(IpAddr::V4(Ipv4Addr::LOCALHOST), parse_ip(address))
}

/// In Kuma's order: the admin port, the address, then the port.
fn zone_egress(v: &mut Violations, spec: &Value) {
    let networking = spec.get("networking");
    let (address, port) = (text(networking, "address"), port_of(networking, "port"));
    if let Some(admin) = child(networking, "admin")
        && admin_clashes(port_of(Some(admin), "port"), address, port)
    {
        v.add("networking.admin.port", "must differ from port");
    }
    if !address.is_empty() {
        validate_address(v, "networking.address", address);
    }
    validate_port(v, "networking.port", port);
}

/// As ZoneEgress, plus the advertised pair (set together) and the available services.
fn zone_ingress(v: &mut Violations, spec: &Value) {
    let networking = spec.get("networking");
    let address = text(networking, "address");
    let advertised_address = text(networking, "advertisedAddress");
    let port = port_of(networking, "port");
    let advertised_port = port_of(networking, "advertisedPort");
    if let Some(admin) = child(networking, "admin") {
        let admin_port = port_of(Some(admin), "port");
        if admin_clashes(admin_port, address, port)
            || admin_clashes(admin_port, advertised_address, advertised_port)
        {
            v.add("networking.admin.port", "must differ from port");
        }
    }
    if advertised_address.is_empty() && advertised_port != 0 {
        v.add(
            "networking.advertisedAddress",
            "has to be defined with advertisedPort",
        );
    }
    if advertised_port == 0 && !advertised_address.is_empty() {
        v.add(
            "networking.advertisedPort",
            "has to be defined with advertisedAddress",
        );
    }
    if !address.is_empty() {
        validate_address(v, "networking.address", address);
    }
    if !advertised_address.is_empty() {
        validate_address(v, "networking.advertisedAddress", advertised_address);
    }
    validate_port(v, "networking.port", port);
    if advertised_port != 0 {
        validate_port(v, "networking.advertisedPort", advertised_port);
    }
    // (sic) `availableService`, singular and without `networking`.
    for (i, service) in items(Some(spec), "availableServices").iter().enumerate() {
        validate_tags(
            v,
            &format!("availableService[{i}].tags"),
            &tags_of(service.get("tags")),
            TagRules {
                require_service: true,
                ..TagRules::default()
            },
        );
    }
}

// ---- ExternalService (external_service_validator.go) ------------------------------------

fn external_service(v: &mut Violations, spec: &Value) {
    let networking = spec.get("networking");
    match networking {
        None => v.add("networking", "should have networking"),
        Some(networking) => {
            let address = text(Some(networking), "address");
            let path = "networking.address";
            if address.is_empty() {
                v.add(path, "address can't be empty");
            } else {
                let (host, port) = match split_host_port(address) {
                    Some((host, port)) => (host, Some(port)),
                    None => {
                        v.add(path, "unable to parse address");
                        (String::new(), None)
                    }
                };
                if !is_ip(&host) && !is_dns_name(&host) {
                    v.add(
                        path,
                        "address has to be a valid IP address or a domain name",
                    );
                }
                let port = match port.as_deref().map(str::parse::<u32>) {
                    Some(Ok(port)) => port,
                    _ => {
                        v.add(path, "unable to parse port in address");
                        0
                    }
                };
                validate_port(v, path, port);
            }
            if let Some(tls) = networking.get("tls") {
                if tls.get("serverName").and_then(Value::as_str) == Some("") {
                    v.add("networking.tls.serverName", "cannot be empty");
                }
                for key in ["caCert", "clientCert", "clientKey"] {
                    if let Some(source) = tls.get(key)
                        && is_empty_object(source)
                    {
                        v.add(
                            format!("networking.tls.{key}"),
                            "data source cannot be empty",
                        );
                    }
                }
            }
        }
    }
    let tags = tags_of(spec.get("tags"));
    validate_tags(
        v,
        "tags",
        &tags,
        TagRules {
            require_service: true,
            map_check: Some(&protocol_tag_check),
            ..TagRules::default()
        },
    );
    if let Some(service) = tags.get(SERVICE_TAG) {
        let host = split_host_port(text(networking, "address"))
            .map(|(host, _)| host)
            .unwrap_or_default();
        if *service == host {
            v.add(
                key_path("tags", SERVICE_TAG),
                "cannot be the same as networking.address",
            );
        }
    }
}

/// Go's `net.SplitHostPort`: the host (brackets removed) and the port text.
fn split_host_port(address: &str) -> Option<(String, String)> {
    if !is_host_port(address) {
        return None;
    }
    let index = address.rfind(':')?;
    let host = address[..index]
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    Some((host, address[index + 1..].to_string()))
}

// ---- MeshGateway (gateway_validator.go) -------------------------------------------------

const GATEWAY_FORBIDDEN_TAGS: [&str; 4] = [
    "kuma.io/external-service-name",
    PROTOCOL_TAG,
    SERVICE_TAG,
    "kuma.io/zone",
];

fn forbidden_gateway_tag(key: &str) -> Option<String> {
    GATEWAY_FORBIDDEN_TAGS
        .contains(&key)
        .then(|| format!("tag name must not be {}", quote(key)))
}

static RFC1123_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$").expect("valid regex"));

fn is_domain(name: &str) -> bool {
    !name.is_empty()
        && name
            .split('.')
            .all(|label| label.len() <= 63 && RFC1123_LABEL.is_match(label))
}

fn mesh_gateway(v: &mut Violations, spec: &Value) {
    let listeners = items(child(Some(spec), "conf"), "listeners");
    let cross_mesh = listeners
        .iter()
        .any(|l| l.get("crossMesh").and_then(Value::as_bool) == Some(true));
    let selectors = items(Some(spec), "selectors");
    if selectors.is_empty() {
        v.add("selectors", "must have at least one element");
    }
    for (i, selector) in selectors.iter().enumerate() {
        validate_selector(
            v,
            &format!("selectors[{i}].match"),
            &tags_of(selector.get("match")),
            TagRules {
                at_least_one: true,
                require_service: true,
                ..TagRules::default()
            },
        );
        if cross_mesh && i > 0 {
            v.add(
                format!("selectors[{i}]"),
                "there can be at most one selector",
            );
        }
    }
    validate_selector(
        v,
        "tags",
        &tags_of(spec.get("tags")),
        TagRules {
            key_check: Some(&forbidden_gateway_tag),
            ..TagRules::default()
        },
    );
    if spec.get("conf").is_none() {
        v.add("conf", "cannot be empty");
        return;
    }
    if listeners.is_empty() {
        v.add("conf.listeners", "cannot be empty");
    }
    for (i, listener) in listeners.iter().enumerate() {
        gateway_listener(v, &format!("conf.listeners[{i}]"), listener);
    }
    gateway_collapsing(v, listeners);
}

fn gateway_listener(v: &mut Violations, path: &str, listener: &Value) {
    let at = |field: &str| format!("{path}.{field}");
    let hostname = text(Some(listener), "hostname");
    if !hostname.is_empty() && hostname != "*" {
        if hostname.len() > 253 {
            v.add(at("hostname"), "must be at most 253 characters");
        } else if let Some(rest) = hostname.strip_prefix("*.") {
            if !is_domain(rest) {
                v.add(at("hostname"), "invalid wildcard domain");
            }
        } else if !is_domain(hostname) {
            v.add(at("hostname"), "invalid hostname");
        }
    }
    let port = number(Some(listener), "port").unwrap_or(0.0) as u32;
    validate_port(v, &at("port"), port);
    let cross_mesh = listener.get("crossMesh").and_then(Value::as_bool) == Some(true);
    let protocol = text(Some(listener), "protocol");
    let tls = listener.get("tls");
    if protocol.is_empty() || protocol == "NONE" {
        v.add(at("protocol"), "cannot be empty");
    }
    if protocol == "HTTPS" {
        if cross_mesh {
            v.add(at("protocol"), "protocol is not supported with crossMesh");
        } else if tls.is_none() {
            v.add(at("tls"), "cannot be empty");
        }
    }
    if let Some(tls) = tls {
        let mode = text(Some(tls), "mode");
        let certificates = items(Some(tls), "certificates");
        if cross_mesh {
            if !mode.is_empty() || !certificates.is_empty() {
                v.add(at("tls"), "must be empty with crossMesh");
            }
        } else {
            if protocol == "HTTPS" && mode == "PASSTHROUGH" {
                v.add(at("tls.mode"), "mode is not supported on HTTPS listeners");
            }
            if mode.is_empty() || mode == "NONE" {
                v.add(at("tls.mode"), "cannot be empty");
            }
            if mode == "TERMINATE" {
                if certificates.is_empty() {
                    v.add(
                        at("tls.certificates"),
                        "cannot be empty in TLS termination mode",
                    );
                } else if certificates.len() > 2 {
                    v.add(
                        at("tls.certificates"),
                        "cannot have more than 2 certificates",
                    );
                }
            }
        }
    }
    validate_selector(
        v,
        &at("tags"),
        &tags_of(listener.get("tags")),
        TagRules {
            key_check: Some(&forbidden_gateway_tag),
            ..TagRules::default()
        },
    );
}

/// Listeners sharing a port must agree on the protocol and the connection limit, and
/// not repeat a hostname. Kuma iterates Go maps here, so its order is random; this one
/// goes by port, then listener index.
fn gateway_collapsing(v: &mut Violations, listeners: &[Value]) {
    let mut by_port: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (i, listener) in listeners.iter().enumerate() {
        let port = listener.get("port").and_then(Value::as_u64).unwrap_or(0);
        by_port.entry(port).or_default().push(i);
    }
    for indexes in by_port.values() {
        let protocol = |i: usize| text(listeners.get(i), "protocol");
        let first = protocol(indexes[0]);
        if indexes.iter().any(|&i| protocol(i) != first) {
            for &i in indexes {
                v.add(
                    format!("conf.listeners[{i}]"),
                    "protocol conflicts with other listeners on this port",
                );
            }
        }
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in indexes {
            let hostname = match text(listeners.get(i), "hostname") {
                "" => "*",
                other => other,
            };
            if seen.insert(hostname, i).is_some() {
                v.add(
                    format!("conf.listeners[{i}]"),
                    "multiple listeners for hostname on this port",
                );
            }
        }
        let limit = |i: usize| {
            child(child(listeners.get(i), "resources"), "connectionLimit")
                .and_then(Value::as_u64)
                .unwrap_or(0)
        };
        let limits: Vec<u64> = indexes
            .iter()
            .map(|&i| limit(i))
            .filter(|l| *l != 0)
            .collect();
        if limits.windows(2).any(|pair| pair[0] != pair[1]) {
            for &i in indexes {
                if limit(i) != 0 {
                    v.add(
                        format!("conf.listeners[{i}].resources.connectionLimit"),
                        "conflicting values for this port",
                    );
                }
            }
        }
    }
}

// ---- TrafficRoute (traffic_route_validator.go) ------------------------------------------

fn traffic_route_conf(v: &mut Violations, conf: Option<&Value>) {
    let Some(conf) = conf else {
        v.add("conf", "cannot be empty");
        return;
    };
    route_destination(v, "conf", conf);
    for (i, http) in items(Some(conf), "http").iter().enumerate() {
        let path = format!("conf.http[{i}]");
        route_match(v, &path, http.get("match"));
        route_modify(v, &path, http.get("modify"));
        route_destination(v, &path, http);
    }
    if let Some(lb) = conf.get("loadBalancer") {
        if child(Some(lb), "leastRequest")
            .and_then(|l| l.get("choiceCount"))
            .and_then(Value::as_u64)
            == Some(1)
        {
            v.add(
                "conf.loadBalancer.leastRequest.choiceCount",
                "value must be greater than or equal to 2",
            );
        }
        if let Some(ring_hash) = lb.get("ringHash")
            && !matches!(
                text(Some(ring_hash), "hashFunction"),
                "XX_HASH" | "MURMUR_HASH_2"
            )
        {
            v.add(
                "conf.loadBalancer.ringHash.hashFunction",
                "must have a valid hash function",
            );
        }
    }
}

/// `split` or `destination` at `path` (`conf` or `conf.http[i]`).
fn route_destination(v: &mut Violations, path: &str, conf: &Value) {
    let split = items(Some(conf), "split");
    let destination = conf.get("destination");
    match (split.is_empty(), destination.is_none()) {
        (true, true) => v.add(path, "requires either \"destination\" or \"split\""),
        (false, false) => v.add(
            path,
            "\"split\" cannot be defined at the same time as \"destination\"",
        ),
        _ => {}
    }
    let rules = TagRules {
        at_least_one: true,
        require_service: true,
        ..TagRules::default()
    };
    if !split.is_empty() {
        let mut total = 0u64;
        for (k, entry) in split.iter().enumerate() {
            match entry.get("weight").and_then(Value::as_u64) {
                None => v.add(format!("{path}.split[{k}].weight"), "needs to be defined"),
                Some(weight) => total += weight,
            }
            validate_selector(
                v,
                &format!("{path}.split[{k}].destination"),
                &tags_of(entry.get("destination")),
                rules,
            );
        }
        if total == 0 {
            v.add(
                format!("{path}.split"),
                "there must be at least one split entry with weight above 0",
            );
        }
    }
    if let Some(destination) = destination {
        validate_selector(
            v,
            &format!("{path}.destination"),
            &tags_of(Some(destination)),
            rules,
        );
    }
}

fn route_match(v: &mut Violations, path: &str, matcher: Option<&Value>) {
    let path = format!("{path}.match");
    let method = child(matcher, "method");
    let url = child(matcher, "path");
    let headers = child(matcher, "headers");
    if method.is_none() && url.is_none() && headers.is_none() {
        v.add(
            &path,
            "must be present and contain at least one of the elements: \"method\", \"path\" or \"headers\"",
        );
        return;
    }
    let string_matcher = |v: &mut Violations, at: String, value: &Value| {
        if is_empty_object(value) {
            v.add(
                at,
                "cannot be empty. Available options: \"exact\", \"split\" or \"regex\"",
            );
        }
    };
    if let Some(method) = method {
        string_matcher(v, format!("{path}.method"), method);
    }
    if let Some(url) = url {
        string_matcher(v, format!("{path}.path"), url);
    }
    if let Some(headers) = headers.and_then(Value::as_object) {
        if headers.is_empty() {
            v.add(
                format!("{path}.headers"),
                "must contain at least one element",
            );
        }
        for (key, value) in headers {
            let at = key_path(&format!("{path}.headers"), key);
            if key.is_empty() {
                v.add(&at, "cannot be empty");
            }
            string_matcher(v, at, value);
        }
    }
}

fn route_modify(v: &mut Violations, path: &str, modify: Option<&Value>) {
    let Some(modify) = modify else {
        return;
    };
    let path = format!("{path}.modify");
    if let Some(rewrite) = modify.get("path") {
        let at = format!("{path}.path");
        match (rewrite.get("rewritePrefix"), rewrite.get("regex")) {
            (None, None) => v.add(&at, "either \"rewritePrefix\" or \"regex\" has to be set"),
            (_, Some(regex)) => regex_replace(v, &format!("{at}.regex"), regex),
            _ => {}
        }
    }
    if let Some(host) = modify.get("host") {
        let at = format!("{path}.host");
        match (host.get("value"), host.get("fromPath")) {
            (None, None) => v.add(&at, "either \"value\" or \"fromPath\" has to be set"),
            (_, Some(from_path)) => regex_replace(v, &format!("{at}.fromPath"), from_path),
            _ => {}
        }
    }
    for key in ["requestHeaders", "responseHeaders"] {
        let Some(headers) = modify.get(key) else {
            continue;
        };
        let at = format!("{path}.{key}");
        for (k, add) in items(Some(headers), "add").iter().enumerate() {
            header_name(v, &format!("{at}.add[{k}].name"), text(Some(add), "name"));
            if text(Some(add), "value").is_empty() {
                v.add(format!("{at}.add[{k}].value"), "cannot be empty");
            }
        }
        for (k, remove) in items(Some(headers), "remove").iter().enumerate() {
            header_name(
                v,
                &format!("{at}.remove[{k}].name"),
                text(Some(remove), "name"),
            );
        }
    }
}

fn regex_replace(v: &mut Violations, path: &str, value: &Value) {
    for key in ["pattern", "substitution"] {
        if text(Some(value), key).is_empty() {
            v.add(format!("{path}.{key}"), "cannot be empty");
        }
    }
}

fn header_name(v: &mut Violations, path: &str, name: &str) {
    if name.is_empty() {
        v.add(path, "cannot be empty");
    } else if name.starts_with(':') || name.eq_ignore_ascii_case("host") {
        v.add(
            path,
            "host header and HTTP/2 pseudo-headers are not allowed to be modified",
        );
    }
}

// ---- HealthCheck, CircuitBreaker, Retry, Timeout ----------------------------------------

fn health_check_conf(v: &mut Violations, conf: Option<&Value>) {
    let Some(conf) = conf else {
        v.add("conf", "has to be defined");
        return;
    };
    required_duration(v, "conf.interval", conf.get("interval"));
    required_duration(v, "conf.timeout", conf.get("timeout"));
    for key in ["unhealthyThreshold", "healthyThreshold"] {
        if conf.get(key).is_none() {
            v.add(format!("conf.{key}"), "must have a positive value");
        }
    }
    for key in ["initialJitter", "intervalJitter", "noTrafficInterval"] {
        if conf.get(key).is_some() {
            required_duration(v, &format!("conf.{key}"), conf.get(key));
        }
    }
    if let Some(threshold) = number(Some(conf), "healthyPanicThreshold")
        && !(0.0..=100.0).contains(&threshold)
    {
        v.add(
            "conf.healthyPanicThreshold",
            "must be in range [0.0 - 100.0]",
        );
    }
    if let Some(http) = conf.get("http") {
        if text(Some(http), "path").is_empty() {
            v.add("conf.http.path", "has to be defined and cannot be empty");
        }
        for (k, status) in items(Some(http), "expectedStatuses").iter().enumerate() {
            let status = status.as_u64().unwrap_or(0);
            if !(100..600).contains(&status) {
                v.add(
                    format!("conf.http.expectedStatuses[{k}]"),
                    "must be in range [100, 600)",
                );
            }
        }
        for (k, header) in items(Some(http), "requestHeadersToAdd").iter().enumerate() {
            let at = format!("conf.http.requestHeadersToAdd[{k}].header");
            match header.get("header") {
                None => v.add(&at, "has to be defined"),
                Some(header) if text(Some(header), "key").is_empty() => {
                    v.add(format!("{at}.key"), "cannot be empty");
                }
                Some(_) => {}
            }
        }
        if conf.get("tcp").is_some() {
            v.add("conf", "http and tcp cannot be defined at the same time");
        }
    }
}

fn circuit_breaker_conf(v: &mut Violations, conf: Option<&Value>) {
    let detectors = child(conf, "detectors");
    let thresholds = child(conf, "thresholds");
    if detectors.is_none() && thresholds.is_none() {
        v.add(
            "conf",
            "must have at least one of the detector or threshold configured",
        );
        return;
    }
    let range = "has to be in [0.0 - 100.0] range";
    if detectors.is_some_and(is_empty_object) {
        v.add("conf.detectors", "can't be empty");
    }
    if number(conf, "maxEjectionPercent").is_some_and(|p| p > 100.0) {
        v.add("conf.maxEjectionPercent", range);
    }
    if number(child(detectors, "failure"), "threshold").is_some_and(|p| p > 100.0) {
        v.add("conf.detectors.failure.threshold", range);
    }
    if thresholds.is_some_and(is_empty_object) {
        v.add("conf.thresholds", "can't be empty");
    }
}

fn retry_conf(v: &mut Violations, conf: Option<&Value>) {
    let Some(conf) = conf else {
        v.add("conf", "has to be defined");
        return;
    };
    let (http, grpc, tcp) = (conf.get("http"), conf.get("grpc"), conf.get("tcp"));
    if http.is_none() && grpc.is_none() && tcp.is_none() {
        v.add("conf", "missing protocol [grpc|http|tcp] configuration");
        return;
    }
    if let Some(http) = http {
        retry_common(v, "conf.http", http);
        for (k, method) in items(Some(http), "retriableMethods").iter().enumerate() {
            if method.as_str() == Some("NONE") || method.as_i64() == Some(0) {
                v.add(
                    format!("conf.http.retriableMethods[{k}]"),
                    "field cannot be empty",
                );
            }
        }
        let has_codes = !items(Some(http), "retriableStatusCodes").is_empty();
        for (k, on) in items(Some(http), "retryOn").iter().enumerate() {
            if on.as_str() == Some("retriable_status_codes") && !has_codes {
                v.add(
                    format!("conf.http.retryOn[{k}]"),
                    "retriableStatusCodes cannot be empty when this option is specified",
                );
            }
        }
    }
    if let Some(grpc) = grpc {
        retry_common(v, "conf.grpc", grpc);
        let mut seen: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (k, on) in items(Some(grpc), "retryOn").iter().enumerate() {
            let name = on.as_str().map_or_else(|| on.to_string(), str::to_string);
            seen.entry(name).or_default().push(k);
        }
        for (name, indexes) in seen.iter().filter(|(_, i)| i.len() > 1) {
            let list = indexes
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            v.add(
                "conf.grpc.retryOn",
                format!("repeated value {} at indexes [{list}]", quote(name)),
            );
        }
    }
    if let Some(tcp) = tcp
        && tcp.get("maxConnectAttempts").is_none()
    {
        v.add("conf.tcp.maxConnectAttempts", "has to be greater than 0");
    }
}

/// The rules shared by the HTTP and gRPC sections of a Retry.
fn retry_common(v: &mut Violations, path: &str, section: &Value) {
    if is_empty_object(section) {
        v.add(path, "field cannot be empty");
    }
    let when_defined = "has to be greater than 0 when defined";
    if section.get("numRetries").and_then(Value::as_u64) == Some(0) {
        v.add(format!("{path}.numRetries"), when_defined);
    }
    if section
        .get("perTryTimeout")
        .and_then(Value::as_str)
        .is_some_and(duration_is_zero)
    {
        v.add(format!("{path}.perTryTimeout"), when_defined);
    }
    if let Some(back_off) = section.get("backOff") {
        let at = format!("{path}.backOff");
        match back_off.get("baseInterval").and_then(Value::as_str) {
            None => v.add(format!("{at}.baseInterval"), "has to be defined"),
            Some(base) if duration_is_zero(base) => {
                v.add(format!("{at}.baseInterval"), "has to be greater than 0");
            }
            Some(_) => {
                if back_off
                    .get("maxInterval")
                    .and_then(Value::as_str)
                    .is_some_and(duration_is_zero)
                {
                    v.add(format!("{at}.maxInterval"), when_defined);
                }
            }
        }
    }
}

fn timeout_conf(v: &mut Violations, conf: Option<&Value>) {
    let Some(conf) = conf else {
        v.add("conf", "has to be defined");
        return;
    };
    let section_text = "at least one timeout in section has to be defined";
    let when_defined = "has to be greater than 0 when defined";
    let zero = |section: &Value, key: &str| {
        section
            .get(key)
            .and_then(Value::as_str)
            .is_some_and(duration_is_zero)
    };
    if let Some(tcp) = conf.get("tcp") {
        if tcp.get("idleTimeout").is_none() {
            v.add("conf.tcp", section_text);
        } else if zero(tcp, "idleTimeout") {
            v.add("conf.tcp.idleTimeout", "has to be greater than 0");
        }
    }
    for (section, keys) in [
        ("http", ["requestTimeout", "idleTimeout"]),
        ("grpc", ["streamIdleTimeout", "maxStreamDuration"]),
    ] {
        let Some(value) = conf.get(section) else {
            continue;
        };
        if keys.iter().all(|key| value.get(*key).is_none()) {
            v.add(format!("conf.{section}"), section_text);
        }
        for key in keys {
            if zero(value, key) {
                v.add(format!("conf.{section}.{key}"), when_defined);
            }
        }
    }
}

// ---- FaultInjection (fault_injection_validator.go) --------------------------------------

fn fault_injection_destinations(v: &mut Violations, spec: &Value) {
    let destinations = items(Some(spec), "destinations");
    if destinations.is_empty() {
        v.add("destinations", "must have at least one element");
    }
    for (i, destination) in destinations.iter().enumerate() {
        let at = format!("destinations[{i}].match");
        let selector = tags_of(destination.get("match"));
        validate_selector(
            v,
            &at,
            &selector,
            TagRules {
                at_least_one: true,
                ..TagRules::default()
            },
        );
        match selector.get(PROTOCOL_TAG).map(String::as_str) {
            None => v.add(&at, "protocol must be specified"),
            Some("http" | "http2" | "grpc") => {}
            Some(_) => v.add(
                key_path(&at, PROTOCOL_TAG),
                "must be one of the [http, http2, grpc]",
            ),
        }
    }
}

static BANDWIDTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d*\s?[gmk]bps").expect("valid regex"));

fn fault_injection_conf(v: &mut Violations, conf: Option<&Value>) {
    let delay = child(conf, "delay");
    let abort = child(conf, "abort");
    let bandwidth = child(conf, "responseBandwidth");
    if [delay, abort, bandwidth]
        .iter()
        .all(|fault| fault.is_none_or(is_empty_object))
    {
        v.add("conf", "must have at least one of the faults configured");
    }
    let percentage =
        |v: &mut Violations, path: &str, fault: &Value| match number(Some(fault), "percentage") {
            None => v.add(format!("{path}.percentage"), "cannot be empty"),
            Some(p) if !(0.0..=100.0).contains(&p) => {
                v.add(
                    format!("{path}.percentage"),
                    "has to be in [0.0 - 100.0] range",
                );
            }
            Some(_) => {}
        };
    if let Some(delay) = delay {
        percentage(v, "conf.delay", delay);
        if delay.get("value").is_none() {
            v.add("conf.delay.value", "cannot be empty");
        }
    }
    if let Some(abort) = abort {
        percentage(v, "conf.abort", abort);
        match abort.get("httpStatus").and_then(Value::as_u64) {
            None => v.add("conf.abort.httpStatus", "cannot be empty"),
            Some(status) if !super::checks::is_known_http_status(status) => {
                v.add("conf.abort.httpStatus", "http status code is incorrect");
            }
            Some(_) => {}
        }
    }
    if let Some(bandwidth) = bandwidth {
        percentage(v, "conf.responseBandwidth", bandwidth);
        match bandwidth.get("limit").and_then(Value::as_str) {
            None => v.add("conf.responseBandwidth.limit", "cannot be empty"),
            Some(limit) if !BANDWIDTH.is_match(limit) => {
                v.add(
                    "conf.responseBandwidth.limit",
                    "has to be in kbps/mbps/gbps units",
                );
            }
            Some(_) => {}
        }
    }
}

// ---- RateLimit, VirtualOutbound, ProxyTemplate ------------------------------------------

fn rate_limit_conf(v: &mut Violations, conf: Option<&Value>) {
    let Some(conf) = conf else {
        v.add("conf", "must have conf");
        return;
    };
    let Some(http) = conf.get("http") else {
        return;
    };
    if http.get("requests").is_none() {
        v.add("conf.http.requests", "requests must be set");
    }
    if http.get("interval").is_none() {
        v.add("conf.http.interval", "interval must be set");
    }
    for (k, header) in items(child(Some(http), "onRateLimit"), "headers")
        .iter()
        .enumerate()
    {
        let at = key_path("conf.http.onRateLimit.header", &k.to_string());
        if text(Some(header), "key").is_empty() {
            v.add(&at, "key must be set");
        }
        if text(Some(header), "value").is_empty() {
            v.add(&at, "value must be set");
        }
    }
}

static TEMPLATE_KEY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-zA-Z0-9]+$").expect("valid regex"));

/// (Kuma also evaluates the host and port templates with dummy values; kuma-cp-lite has
/// no Go template engine and skips that step.)
fn virtual_outbound_conf(v: &mut Violations, conf: Option<&Value>) {
    let Some(conf) = conf else {
        v.add("conf", "has to be defined");
        return;
    };
    let mut names = Vec::new();
    let mut has_service = false;
    for (k, parameter) in items(Some(conf), "parameters").iter().enumerate() {
        let at = format!("conf.parameters[{k}]");
        let name = text(Some(parameter), "name");
        let tag_key = text(Some(parameter), "tagKey");
        if names.contains(&name) {
            v.add(format!("{at}.name"), "name is already used");
        }
        names.push(name);
        if !tag_key.is_empty() {
            if !is_tag_name(tag_key) {
                v.add(format!("{at}.tagKey"), "must be a valid tag name");
            }
        } else if !is_tag_name(name) {
            v.add(
                format!("{at}.name"),
                "must be a valid tag name if you are not setting tagKey",
            );
        }
        if !TEMPLATE_KEY.is_match(name) {
            v.add(
                format!("{at}.name"),
                "must consist of alphanumeric characters to be used as a gotemplate key",
            );
        }
        has_service |= tag_key == SERVICE_TAG;
    }
    if !has_service {
        v.add(
            "conf.parameters",
            "must contain a parameter with kuma.io/service as a tagKey",
        );
    }
    for key in ["host", "port"] {
        if text(Some(conf), key).is_empty() {
            v.add(format!("conf.{key}"), "has to be defined");
        }
    }
}

const PROFILES: [&str; 4] = [
    "default-proxy",
    "egress-proxy",
    "gateway-proxy",
    "ingress-proxy",
];

/// (Kuma also checks that `resource` and `value` texts are valid Envoy resources;
/// kuma-cp-lite has no Envoy schemas and skips that step.)
fn proxy_template_conf(v: &mut Violations, conf: Option<&Value>) {
    for (k, import) in items(conf, "imports").iter().enumerate() {
        let at = format!("conf.imports[{k}]");
        match import.as_str().unwrap_or_default() {
            "" => v.add(at, "cannot be empty"),
            name if !PROFILES.contains(&name) => v.add(
                at,
                format!(
                    "profile not found. Available profiles: {}",
                    PROFILES.join(",")
                ),
            ),
            _ => {}
        }
    }
    for (k, resource) in items(conf, "resources").iter().enumerate() {
        for key in ["name", "version", "resource"] {
            if text(Some(resource), key).is_empty() {
                v.add(format!("conf.resources[{k}].{key}"), "cannot be empty");
            }
        }
    }
    for (k, modification) in items(conf, "modifications").iter().enumerate() {
        for (key, filter) in [
            ("cluster", false),
            ("listener", false),
            ("networkFilter", true),
            ("httpFilter", true),
            ("virtualHost", false),
        ] {
            let Some(target) = modification.get(key) else {
                continue;
            };
            let at = format!("conf.modifications[{k}].{key}");
            let operation = text(Some(target), "operation");
            let valid: &[&str] = if filter {
                &[
                    "addFirst",
                    "addLast",
                    "addBefore",
                    "addAfter",
                    "patch",
                    "remove",
                ]
            } else {
                &["add", "patch", "remove"]
            };
            if !valid.contains(&operation) {
                let names = valid
                    .iter()
                    .map(|name| quote(name))
                    .collect::<Vec<_>>()
                    .join(", ");
                v.add(
                    format!("{at}.operation"),
                    format!("invalid operation. Available operations: {names}"),
                );
            }
            let matcher = target.get("match");
            if operation == "add" {
                if matches!(key, "cluster" | "listener") && matcher.is_some() {
                    v.add(format!("{at}.match"), "cannot be defined");
                }
                if key == "virtualHost" && child(matcher, "name").is_some() {
                    v.add(format!("{at}.match.name"), "cannot be defined");
                }
            }
            if filter && text(matcher, "name").is_empty() {
                let reason = match operation {
                    "addBefore" => Some(
                        "cannot be empty. You need to pick a filter before which this one will be added",
                    ),
                    "addAfter" => Some(
                        "cannot be empty. You need to pick a filter after which this one will be added",
                    ),
                    "patch" => Some("cannot be empty"),
                    _ => None,
                };
                if let Some(reason) = reason {
                    v.add(format!("{at}.match.name"), reason);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::meta::join_violations;
    use serde_json::json;

    fn check(type_name: &str, spec: Value) -> String {
        join_violations(&validate(type_name, &spec).unwrap())
    }

    #[test]
    fn zone_egress_rules() {
        let errors = |spec: Value| check("ZoneEgress", spec);
        assert_eq!(
            errors(json!({"networking": {"address": "192.168.0.1", "port": 10002}})),
            ""
        );
        assert_eq!(
            errors(json!({})),
            "networking.port: port must be in the range [1, 65535]"
        );
        assert_eq!(
            errors(json!({"networking": {"port": 70000}})),
            "networking.port: port must be in the range [1, 65535]"
        );
        assert_eq!(
            errors(json!({"networking": {"address": "not an address", "port": 1}})),
            "networking.address.address: address has to be valid IP address or domain name"
        );
        // The admin port may equal the port unless the address is loopback or unspecified.
        assert_eq!(
            errors(json!({"networking": {"port": 10002, "admin": {"port": 10002}}})),
            ""
        );
        assert_eq!(
            errors(
                json!({"networking": {"address": "10.0.0.1", "port": 10002, "admin": {"port": 10002}}})
            ),
            ""
        );
        assert_eq!(
            errors(
                json!({"networking": {"address": "127.0.0.1", "port": 10002, "admin": {"port": 10002}}})
            ),
            "networking.admin.port: must differ from port"
        );
        assert_eq!(
            errors(
                json!({"networking": {"address": "::", "port": 10002, "admin": {"port": 10002}}})
            ),
            "networking.admin.port: must differ from port; networking.address.address: must not be 0.0.0.0 or ::"
        );
    }

    #[test]
    fn zone_ingress_rules() {
        let errors = |spec: Value| check("ZoneIngress", spec);
        assert_eq!(
            errors(
                json!({"networking": {"address": "10.0.0.1", "port": 10001, "advertisedAddress": "1.1.1.1", "advertisedPort": 10001},
                          "availableServices": [{"tags": {"kuma.io/service": "web"}}]})
            ),
            ""
        );
        assert_eq!(
            errors(json!({"networking": {"advertisedAddress": "foo bar", "port": 0}})),
            "networking.advertisedPort: has to be defined with advertisedAddress; networking.advertisedAddress.address: address has to be valid IP address or domain name; networking.port: port must be in the range [1, 65535]"
        );
        assert_eq!(
            errors(json!({"networking": {"advertisedPort": 70000, "port": 1}})),
            "networking.advertisedAddress: has to be defined with advertisedPort; networking.advertisedPort: port must be in the range [1, 65535]"
        );
        assert_eq!(
            errors(
                json!({"networking": {"address": "10.0.0.1", "port": 10001, "advertisedAddress": "0.0.0.0",
                                         "advertisedPort": 9901, "admin": {"port": 9901}},
                          "availableServices": [{"tags": {"app": "x"}}]})
            ),
            "networking.admin.port: must differ from port; networking.advertisedAddress.address: must not be 0.0.0.0 or ::; availableService[0].tags: mandatory tag \"kuma.io/service\" is missing"
        );
    }

    #[test]
    fn external_service_address_without_port() {
        assert_eq!(
            check(
                "ExternalService",
                json!({"networking": {"address": "httpbin.org"}, "tags": {"kuma.io/service": "httpbin"}})
            ),
            "networking.address: unable to parse address; networking.address: address has to be a valid IP address or a domain name; networking.address: unable to parse port in address; networking.address: port must be in the range [1, 65535]"
        );
        assert_eq!(
            check(
                "ExternalService",
                json!({"networking": {"address": "httpbin.org:443", "tls": {"serverName": "", "caCert": {}}},
                       "tags": {"kuma.io/service": "httpbin.org", "kuma.io/protocol": "foo"}})
            ),
            "networking.tls.serverName: cannot be empty; networking.tls.caCert: data source cannot be empty; tags[\"kuma.io/protocol\"]: tag \"kuma.io/protocol\" has an invalid value \"foo\". Allowed values: grpc, http, http2, kafka, tcp; tags[\"kuma.io/service\"]: cannot be the same as networking.address"
        );
    }

    #[test]
    fn policies() {
        assert_eq!(
            check("TrafficPermission", json!({})),
            "sources: must have at least one element; destinations: must have at least one element"
        );
        assert_eq!(
            check(
                "Timeout",
                json!({"sources": [{"match": {"kuma.io/service": "*"}}], "destinations": [{"match": {"kuma.io/service": "*"}}],
                       "conf": {"tcp": {}, "http": {"requestTimeout": "0s"}}})
            ),
            "conf.tcp: at least one timeout in section has to be defined; conf.http.requestTimeout: has to be greater than 0 when defined"
        );
        assert_eq!(
            check(
                "Retry",
                json!({"sources": [{"match": {"kuma.io/service": "*"}}], "destinations": [{"match": {"kuma.io/service": "*"}}],
                       "conf": {"grpc": {"retryOn": ["internal", "cancelled", "internal"], "backOff": {"baseInterval": "0s"}}}})
            ),
            "conf.grpc.backOff.baseInterval: has to be greater than 0; conf.grpc.retryOn: repeated value \"internal\" at indexes [0, 2]"
        );
        assert_eq!(
            check(
                "FaultInjection",
                json!({"sources": [{"match": {"kuma.io/service": "*"}}], "destinations": [{"match": {"kuma.io/service": "*", "kuma.io/protocol": "tcp"}}],
                       "conf": {"abort": {"percentage": 150, "httpStatus": 999}}})
            ),
            "destinations[0].match[\"kuma.io/protocol\"]: must be one of the [http, http2, grpc]; conf.abort.percentage: has to be in [0.0 - 100.0] range; conf.abort.httpStatus: http status code is incorrect"
        );
    }

    #[test]
    fn mesh_gateway_rules() {
        assert_eq!(
            check(
                "MeshGateway",
                json!({"selectors": [{"match": {"kuma.io/service": "gw"}}], "tags": {"kuma.io/zone": "z"},
                       "conf": {"listeners": [{"port": 80, "protocol": "HTTP", "hostname": "bad_host"}, {"port": 80, "protocol": "TCP"}]}})
            ),
            "tags[\"kuma.io/zone\"]: tag name must not be \"kuma.io/zone\"; conf.listeners[0].hostname: invalid hostname; conf.listeners[0]: protocol conflicts with other listeners on this port; conf.listeners[1]: protocol conflicts with other listeners on this port"
        );
        assert_eq!(
            check(
                "MeshGateway",
                json!({"selectors": [{"match": {"kuma.io/service": "gw"}}]})
            ),
            "conf: cannot be empty"
        );
    }

    #[test]
    fn traffic_route() {
        assert_eq!(
            check(
                "TrafficRoute",
                json!({"sources": [{"match": {"kuma.io/service": "*"}}], "destinations": [{"match": {"kuma.io/service": "*"}}],
                       "conf": {"split": [{"weight": 0, "destination": {"kuma.io/service": "a"}}], "loadBalancer": {"ringHash": {"hashFunction": "X"}}}})
            ),
            "conf.split: there must be at least one split entry with weight above 0; conf.loadBalancer.ringHash.hashFunction: must have a valid hash function"
        );
        assert_eq!(
            check("TrafficRoute", json!({"sources": [{"match": {"a": "b"}}]})),
            "sources[0].match: mandatory tag \"kuma.io/service\" is missing; destinations: must have at least one element; conf: cannot be empty"
        );
    }
}
