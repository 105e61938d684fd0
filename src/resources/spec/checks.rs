//! Building blocks of Kuma's spec validators: violation lists with field paths, ports,
//! addresses, and the Go library predicates they rely on (`net.ParseIP`,
//! govalidator's `IsDNSName`, `net.SplitHostPort`).

use crate::resources::meta::Violation;
use regex::Regex;
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

/// A tag map or selector as Kuma's validators see it: keys sorted.
pub type Tags = BTreeMap<String, String>;

/// A whole-map check: adds violations with full paths (e.g. the protocol tag rule).
pub type MapCheck<'a> = &'a dyn Fn(&mut Violations, &str, &Tags);

/// What a caller of [`validate_tags`] asks for beyond the character rules (Kuma's
/// `ValidateTagsOpts`, `pkg/core/resources/apis/mesh/validators.go`).
#[derive(Clone, Copy, Default)]
pub struct TagRules<'a> {
    /// `must have at least one tag` when the map is empty.
    pub at_least_one: bool,
    /// `mandatory tag "kuma.io/service" is missing` when absent.
    pub require_service: bool,
    /// `"kuma.io/service" must not be defined` when present.
    pub forbid_service: bool,
    /// Whole-map checks run after the "at least one" rule, before the keys.
    pub map_check: Option<MapCheck<'a>>,
}

static TAG_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-zA-Z0-9.\-_:/]*$").expect("valid regex"));
static TAG_VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-zA-Z0-9.\-_:]*$").expect("valid regex"));

/// Kuma's `ValidateTags` for the tag map at `path`: at least one tag (option), the
/// caller's whole-map checks, then each key in sorted order (name, then value), then the
/// `kuma.io/service` options.
pub fn validate_tags(violations: &mut Violations, path: &str, tags: &Tags, rules: TagRules<'_>) {
    if rules.at_least_one && tags.is_empty() {
        violations.add(path, "must have at least one tag");
    }
    if let Some(check) = rules.map_check {
        check(violations, path, tags);
    }
    for (key, value) in tags {
        let key_path = format!("{path}[{}]", super::gojson::quote(key));
        if key.is_empty() {
            violations.add(path, "tag name must be non-empty");
        }
        if !TAG_NAME.is_match(key) {
            violations.add(
                &key_path,
                "tag name must consist of alphanumeric characters, dots, dashes, slashes and underscores",
            );
        }
        if value.is_empty() {
            violations.add(&key_path, "tag value must be non-empty");
        }
        if !TAG_VALUE.is_match(value) {
            violations.add(
                &key_path,
                "tag value must consist of alphanumeric characters, dots, dashes and underscores",
            );
        }
    }
    let has_service = tags.contains_key("kuma.io/service");
    if rules.forbid_service && has_service {
        violations.add(path, "\"kuma.io/service\" must not be defined");
    }
    if rules.require_service && !has_service {
        violations.add(path, "mandatory tag \"kuma.io/service\" is missing");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_maps() {
        let tags: BTreeMap<String, String> = [("a b", "x"), ("k", ""), ("v", "a/b")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let mut v = Violations::default();
        let rules = TagRules {
            require_service: true,
            ..TagRules::default()
        };
        validate_tags(&mut v, "tags", &tags, rules);
        assert_eq!(
            crate::resources::meta::join_violations(&v.0),
            "tags[\"a b\"]: tag name must consist of alphanumeric characters, dots, dashes, slashes and underscores; tags[\"k\"]: tag value must be non-empty; tags[\"v\"]: tag value must consist of alphanumeric characters, dots, dashes and underscores; tags: mandatory tag \"kuma.io/service\" is missing"
        );
        let mut v = Violations::default();
        let rules = TagRules {
            at_least_one: true,
            ..TagRules::default()
        };
        validate_tags(&mut v, "tags", &BTreeMap::new(), rules);
        assert_eq!(v.0.len(), 1);
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
