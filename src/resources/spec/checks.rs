//! Building blocks of Kuma's spec validators: violation lists with field paths, ports,
//! addresses, tag maps and selectors (Go: `pkg/core/resources/apis/mesh/validators.go`,
//! `pkg/core/validators/common_validators.go`), and the Go library predicates they rely
//! on (`net.ParseIP`, govalidator's `IsDNSName`, `net.SplitHostPort`).

use super::gojson::quote;
use crate::resources::meta::Violation;
use regex::Regex;
use serde_json::Value;
use std::collections::BTreeMap;
use std::net::IpAddr;
use std::sync::LazyLock;

/// Violations collected under field paths, in the order the rules run.
#[derive(Debug, Default)]
pub struct Violations(pub Vec<Violation>);

impl Violations {
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(Violation::new(field, message));
    }

    /// Adds violations found under `prefix` (`prefix.field`, or `prefix` alone when the
    /// inner field is empty).
    pub fn extend_under(&mut self, prefix: &str, inner: Vec<Violation>) {
        for violation in inner {
            let field = match (prefix.is_empty(), violation.field.is_empty()) {
                (true, _) => violation.field,
                (false, true) => prefix.to_string(),
                (false, false) => format!("{prefix}.{}", violation.field),
            };
            self.0.push(Violation::new(field, violation.message));
        }
    }

    pub fn into_vec(self) -> Vec<Violation> {
        self.0
    }
}

pub const PORT_RANGE: &str = "port must be in the range [1, 65535]";

/// Kuma's `ValidatePort`: 1..65535.
pub fn validate_port(violations: &mut Violations, field: &str, port: u32) {
    if port == 0 || port > 65535 {
        violations.add(field, PORT_RANGE);
    }
}

/// Kuma's address check for proxies. The reported path appends `.address` to the
/// field's own path (so `networking.address.address`), as Kuma does.
pub fn validate_address(violations: &mut Violations, field: &str, address: &str) {
    let path = format!("{field}.address");
    if address == "0.0.0.0" || address == "::" {
        violations.add(&path, "must not be 0.0.0.0 or ::");
    }
    if !is_ip(address) && !is_dns_name(address) {
        violations.add(&path, "address has to be valid IP address or domain name");
    }
}

/// Go's `net.ParseIP(s) != nil`.
pub fn is_ip(text: &str) -> bool {
    text.parse::<IpAddr>().is_ok()
}

/// Go's `net.ParseIP`, for address comparisons.
pub fn parse_ip(text: &str) -> Option<IpAddr> {
    text.parse::<IpAddr>().ok()
}

static DNS_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([a-zA-Z0-9_][a-zA-Z0-9_-]{0,62})(\.[a-zA-Z0-9_][a-zA-Z0-9_-]{0,62})*[._]?$")
        .expect("valid regex")
});

/// govalidator's `IsDNSName`: at most 255 characters without the dots, labels of
/// letters, digits, `_` and `-`, and not an IP address.
pub fn is_dns_name(text: &str) -> bool {
    if text.is_empty() || text.replace('.', "").len() > 255 {
        return false;
    }
    !is_ip(text) && DNS_NAME.is_match(text)
}

/// Whether `ip` and `other` may name the same interface: equal, or either one is the
/// unspecified address (`0.0.0.0` / `::`), as Kuma's `overlap`.
pub fn overlap(ip: IpAddr, other: Option<IpAddr>) -> bool {
    let Some(other) = other else {
        return false;
    };
    if ip.is_unspecified() || other.is_unspecified() {
        return true;
    }
    canonical(ip) == canonical(other)
}

/// IPv4-mapped IPv6 addresses compare equal to their IPv4 form, as in Go.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// Go's `net.SplitHostPort` succeeds: `host:port` or `[host]:port`, the port may be empty.
pub fn is_host_port(text: &str) -> bool {
    if let Some(rest) = text.strip_prefix('[') {
        let Some((host, after)) = rest.split_once(']') else {
            return false;
        };
        return !host.contains('[')
            && after.starts_with(':')
            && !after[1..].contains([':', '[', ']']);
    }
    match text.rfind(':') {
        None => false,
        Some(index) => {
            let host = &text[..index];
            !host.contains(':') && !text.contains(['[', ']'])
        }
    }
}

/// The service tag every selector of a legacy policy and every inbound revolves around.
/// The status codes Go's `net/http.StatusText` knows (legacy FaultInjection, MeshRetry).
pub fn is_known_http_status(code: u64) -> bool {
    matches!(code,
        100..=103 | 200..=208 | 226 | 300..=305 | 307 | 308 | 400..=418 | 421..=426 | 428
        | 429 | 431 | 451 | 500..=508 | 510 | 511)
}

pub const SERVICE_TAG: &str = "kuma.io/service";
/// The protocol tag, whose value must name a protocol Kuma knows.
pub const PROTOCOL_TAG: &str = "kuma.io/protocol";

/// A tag map or selector as Kuma's validators see it: keys sorted.
pub type Tags = BTreeMap<String, String>;

/// The tag map at a field of a decoded spec (an absent or non-object value is empty;
/// non-string values, which decoding rejects, are skipped).
pub fn tags_of(value: Option<&Value>) -> Tags {
    value
        .and_then(Value::as_object)
        .map(|map| {
            map.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                .collect()
        })
        .unwrap_or_default()
}

/// A whole-map check: adds violations with full paths.
pub type MapCheck<'a> = &'a dyn Fn(&mut Violations, &str, &Tags);
/// A key check: the reason a key is wrong, if it is.
pub type KeyCheck<'a> = &'a dyn Fn(&str) -> Option<String>;
/// A value check (given key and value): the reason a value is wrong, if it is.
pub type ValueCheck<'a> = &'a dyn Fn(&str, &str) -> Option<String>;

/// What a caller of [`validate_tags`] / [`validate_selector`] asks for beyond the
/// character rules (Kuma's `ValidateTagsOpts` / `ValidateSelectorOpts`).
#[derive(Clone, Copy, Default)]
pub struct TagRules<'a> {
    /// `must have at least one tag` when the map is empty.
    pub at_least_one: bool,
    /// `mandatory tag "kuma.io/service" is missing` when absent.
    pub require_service: bool,
    /// `"kuma.io/service" must not be defined` when present.
    pub forbid_service: bool,
    /// Whole-map checks run after the "at least one" rule, before the keys; they add
    /// violations with full paths themselves.
    pub map_check: Option<MapCheck<'a>>,
    /// An extra reason for a key, reported at `<path>["key"]` after the key charset rule.
    pub key_check: Option<KeyCheck<'a>>,
    /// An extra reason for a value (given key and value), at `<path>["key"]`.
    pub value_check: Option<ValueCheck<'a>>,
}

static TAG_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-zA-Z0-9.\-_:/]*$").expect("valid regex"));
static TAG_VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-zA-Z0-9.\-_:]*$").expect("valid regex"));
static SELECTOR_VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([a-zA-Z0-9.\-_:/]*|\*)$").expect("valid regex"));

/// Whether `name` is a valid tag name (letters, digits, `.`, `-`, `_`, `:`, `/`).
pub fn is_tag_name(name: &str) -> bool {
    TAG_NAME.is_match(name)
}

/// `<path>["key"]`, the key quoted as Go's `%q`.
pub fn key_path(path: &str, key: &str) -> String {
    format!("{path}[{}]", quote(key))
}

/// Kuma's `ValidateTags`: the tags of a proxy or service at `path`.
pub fn validate_tags(violations: &mut Violations, path: &str, tags: &Tags, rules: TagRules<'_>) {
    validate_map(
        violations,
        path,
        tags,
        rules,
        &TAG_VALUE,
        "tag value must consist of alphanumeric characters, dots, dashes and underscores",
    );
}

/// Kuma's `ValidateSelector`: a selector at `path` (values may also hold slashes or be `*`).
pub fn validate_selector(
    violations: &mut Violations,
    path: &str,
    selector: &Tags,
    rules: TagRules<'_>,
) {
    validate_map(
        violations,
        path,
        selector,
        rules,
        &SELECTOR_VALUE,
        "tag value must consist of alphanumeric characters, dots, dashes, slashes and underscores or be \"*\"",
    );
}

fn validate_map(
    violations: &mut Violations,
    path: &str,
    tags: &Tags,
    rules: TagRules<'_>,
    value_charset: &Regex,
    value_message: &str,
) {
    if rules.at_least_one && tags.is_empty() {
        violations.add(path, "must have at least one tag");
    }
    if let Some(check) = rules.map_check {
        check(violations, path, tags);
    }
    for (key, value) in tags {
        if key.is_empty() {
            violations.add(path, "tag name must be non-empty");
        }
        let at = key_path(path, key);
        if !TAG_NAME.is_match(key) {
            violations.add(
                &at,
                "tag name must consist of alphanumeric characters, dots, dashes, slashes and underscores",
            );
        }
        if let Some(reason) = rules.key_check.and_then(|check| check(key)) {
            violations.add(&at, reason);
        }
        if value.is_empty() {
            violations.add(&at, "tag value must be non-empty");
        }
        if !value_charset.is_match(value) {
            violations.add(&at, value_message);
        }
        if let Some(reason) = rules.value_check.and_then(|check| check(key, value)) {
            violations.add(&at, reason);
        }
    }
    if rules.forbid_service && tags.contains_key(SERVICE_TAG) {
        violations.add(path, format!("{} must not be defined", quote(SERVICE_TAG)));
    }
    if rules.require_service && !tags.contains_key(SERVICE_TAG) {
        violations.add(
            path,
            format!("mandatory tag {} is missing", quote(SERVICE_TAG)),
        );
    }
}

/// The protocols Kuma parses (`core_mesh.ParseProtocol`, case-insensitive); others are
/// `unknown`.
const KNOWN_PROTOCOLS: [&str; 7] = ["http", "http2", "tcp", "tls", "grpc", "kafka", "mysql"];

/// Whether `value` names a protocol Kuma knows.
pub fn is_known_protocol(value: &str) -> bool {
    KNOWN_PROTOCOLS
        .iter()
        .any(|known| known.eq_ignore_ascii_case(value))
}

/// Kuma's protocol tag rule (`ProtocolValidator`): a map check adding
/// `<path>["kuma.io/protocol"]: tag "kuma.io/protocol" has an invalid value ...`.
pub fn protocol_tag_check(violations: &mut Violations, path: &str, tags: &Tags) {
    if let Some(value) = tags.get(PROTOCOL_TAG)
        && !is_known_protocol(value)
    {
        violations.add(
            key_path(path, PROTOCOL_TAG),
            format!(
                "tag {} has an invalid value {}. Allowed values: grpc, http, http2, kafka, tcp",
                quote(PROTOCOL_TAG),
                quote(value)
            ),
        );
    }
}

/// How a list of `{match: selector}` items of a legacy policy is checked (Kuma's
/// `ValidateSelectorsOpts`).
#[derive(Clone, Copy, Default)]
pub struct SelectorListRules {
    /// `must have at least one element` when empty.
    pub at_least_one_element: bool,
    /// `there can be at most one selector` for every item after the first.
    pub at_most_one_element: bool,
    /// The rules of each `match`.
    pub at_least_one_tag: bool,
    pub require_service: bool,
}

/// `sources`, `destinations` or `selectors` (`[{match: {...}}]`) at `path`.
pub fn validate_selector_list(
    violations: &mut Violations,
    path: &str,
    items: &[Value],
    rules: SelectorListRules,
) {
    if rules.at_least_one_element && items.is_empty() {
        violations.add(path, "must have at least one element");
    }
    for (i, item) in items.iter().enumerate() {
        let selector = tags_of(item.get("match"));
        validate_selector(
            violations,
            &format!("{path}[{i}].match"),
            &selector,
            TagRules {
                at_least_one: rules.at_least_one_tag,
                require_service: rules.require_service,
                ..TagRules::default()
            },
        );
        if rules.at_most_one_element && i > 0 {
            violations.add(format!("{path}[{i}]"), "there can be at most one selector");
        }
    }
}

/// The destinations of TrafficRoute, TrafficLog, CircuitBreaker, HealthCheck, Retry and
/// Timeout (Kuma's `OnlyServiceTagAllowed`): at least one item, each matching exactly
/// `kuma.io/service`.
pub fn validate_only_service_destinations(
    violations: &mut Violations,
    path: &str,
    items: &[Value],
) {
    if items.is_empty() {
        violations.add(path, "must have at least one element");
    }
    for (i, item) in items.iter().enumerate() {
        let at = format!("{path}[{i}].match");
        let selector = tags_of(item.get("match"));
        if selector.len() != 1 || !selector.contains_key(SERVICE_TAG) {
            violations.add(
                &at,
                format!("must consist of exactly one tag {}", quote(SERVICE_TAG)),
            );
        }
        let not_allowed =
            |key: &str| (key != SERVICE_TAG).then(|| format!("tag {} is not allowed", quote(key)));
        validate_selector(
            violations,
            &at,
            &selector,
            TagRules {
                require_service: true,
                key_check: Some(&not_allowed),
                ..TagRules::default()
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn known_http_statuses_are_gos() {
        for code in [100, 103, 208, 226, 308, 418, 421, 425, 428, 451, 508, 511] {
            assert!(is_known_http_status(code), "{code}");
        }
        for code in [0, 99, 104, 209, 306, 419, 420, 427, 430, 509, 512, 600] {
            assert!(!is_known_http_status(code), "{code}");
        }
    }

    fn tags(pairs: &[(&str, &str)]) -> Tags {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn joined(v: Violations) -> String {
        crate::resources::meta::join_violations(&v.0)
    }

    #[test]
    fn tag_rules_in_kuma_order() {
        let mut v = Violations::default();
        validate_tags(
            &mut v,
            "tags",
            &tags(&[
                ("", "x"),
                ("a b", ""),
                ("kuma.io/protocol", "foo"),
                ("k", "a/b"),
            ]),
            TagRules {
                require_service: true,
                map_check: Some(&protocol_tag_check),
                ..TagRules::default()
            },
        );
        assert_eq!(
            joined(v),
            "tags[\"kuma.io/protocol\"]: tag \"kuma.io/protocol\" has an invalid value \"foo\". Allowed values: grpc, http, http2, kafka, tcp; \
             tags: tag name must be non-empty; \
             tags[\"a b\"]: tag name must consist of alphanumeric characters, dots, dashes, slashes and underscores; \
             tags[\"a b\"]: tag value must be non-empty; \
             tags[\"k\"]: tag value must consist of alphanumeric characters, dots, dashes and underscores; \
             tags: mandatory tag \"kuma.io/service\" is missing"
        );
        let mut v = Violations::default();
        validate_selector(
            &mut v,
            "sel",
            &tags(&[("k", "a/b"), ("s", "*"), ("t", "**")]),
            TagRules {
                at_least_one: true,
                forbid_service: true,
                ..TagRules::default()
            },
        );
        assert_eq!(
            joined(v),
            "sel[\"t\"]: tag value must consist of alphanumeric characters, dots, dashes, slashes and underscores or be \"*\""
        );
        let mut v = Violations::default();
        validate_selector(
            &mut v,
            "sel",
            &Tags::new(),
            TagRules {
                at_least_one: true,
                ..TagRules::default()
            },
        );
        assert_eq!(joined(v), "sel: must have at least one tag");
    }

    #[test]
    fn selector_lists() {
        let mut v = Violations::default();
        validate_selector_list(
            &mut v,
            "selectors",
            &[
                json!({"match": {"kuma.io/service": "a"}}),
                json!({"match": {}}),
            ],
            SelectorListRules {
                at_least_one_element: true,
                at_most_one_element: true,
                at_least_one_tag: true,
                require_service: true,
            },
        );
        assert_eq!(
            joined(v),
            "selectors[1].match: must have at least one tag; selectors[1].match: mandatory tag \"kuma.io/service\" is missing; selectors[1]: there can be at most one selector"
        );
        let mut v = Violations::default();
        validate_only_service_destinations(
            &mut v,
            "destinations",
            &[json!({"match": {"kuma.io/service": "a", "version": "1"}})],
        );
        assert_eq!(
            joined(v),
            "destinations[0].match: must consist of exactly one tag \"kuma.io/service\"; destinations[0].match[\"version\"]: tag \"version\" is not allowed"
        );
        let mut v = Violations::default();
        validate_only_service_destinations(&mut v, "destinations", &[]);
        assert_eq!(joined(v), "destinations: must have at least one element");
    }

    #[test]
    fn addresses() {
        assert!(is_ip("192.168.0.1"));
        assert!(is_ip("::1"));
        assert!(!is_ip("example.com"));
        assert!(is_dns_name("example.com"));
        assert!(is_dns_name("my_host"));
        assert!(is_dns_name("localhost."));
        assert!(!is_dns_name("bad host"));
        assert!(!is_dns_name("-bad"));
        assert!(!is_dns_name("1.2.3.4"));
        let mut v = Violations::default();
        validate_address(&mut v, "networking.address", "0.0.0.0");
        validate_address(&mut v, "networking.address", "no way!");
        assert_eq!(
            crate::resources::meta::join_violations(&v.0),
            "networking.address.address: must not be 0.0.0.0 or ::; networking.address.address: address has to be valid IP address or domain name"
        );
    }

    #[test]
    fn host_ports() {
        assert!(is_host_port("127.0.0.1:5000"));
        assert!(is_host_port("logstash:5000"));
        assert!(is_host_port("[::1]:80"));
        assert!(is_host_port("host:"));
        assert!(!is_host_port("logstash"));
        assert!(!is_host_port("a:b:c"));
        assert!(!is_host_port("[::1]"));
    }

    #[test]
    fn overlapping_addresses() {
        let loopback: IpAddr = "127.0.0.1".parse().unwrap();
        assert!(overlap(loopback, parse_ip("127.0.0.1")));
        assert!(overlap(loopback, parse_ip("0.0.0.0")));
        assert!(overlap(loopback, parse_ip("::")));
        assert!(overlap(loopback, parse_ip("::ffff:127.0.0.1")));
        assert!(!overlap(loopback, parse_ip("192.168.0.1")));
        assert!(!overlap(loopback, parse_ip("")));
    }
}
