//! The ZoneEgress spec (`zone`, `networking{address, port, admin{port}}`) and its
//! validation (Go: `pkg/core/resources/apis/mesh/zone_egress_validator.go`).

use super::checks::{Violations, overlap, parse_ip, validate_address, validate_port};
use super::jsonpb::{Reader, Reason, Writer};
use crate::resources::meta::Violation;
use serde_json::{Map, Value};
use std::net::{IpAddr, Ipv4Addr};

/// The port Envoy's admin API listens on when `networking.admin.port` is 0
/// (`bootstrapServer.params.adminPort`).
pub const DEFAULT_ADMIN_PORT: u32 = 9901;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ZoneEgressSpec {
    /// Set by a global control plane when it syncs the egress; nothing fills it on a
    /// Universal zone.
    pub zone: String,
    pub networking: Option<ZoneEgressNetworking>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ZoneEgressNetworking {
    pub address: String,
    pub port: u32,
    pub admin: Option<EnvoyAdmin>,
}

/// Envoy's admin API settings, shared by the proxy types.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EnvoyAdmin {
    pub port: u32,
}

impl EnvoyAdmin {
    pub fn read(reader: Reader<'_>) -> Result<EnvoyAdmin, Reason> {
        Ok(EnvoyAdmin {
            port: reader.uint32("port")?,
        })
    }

    pub fn write(&self) -> Map<String, Value> {
        let mut out = Writer::new();
        out.uint32("port", self.port);
        out.finish()
    }
}

impl ZoneEgressSpec {
    pub fn read(reader: Reader<'_>) -> Result<ZoneEgressSpec, Reason> {
        Ok(ZoneEgressSpec {
            zone: reader.string("zone")?,
            networking: reader.message("networking", |n| {
                Ok(ZoneEgressNetworking {
                    address: n.string("address")?,
                    port: n.uint32("port")?,
                    admin: n.message("admin", EnvoyAdmin::read)?,
                })
            })?,
        })
    }

    pub fn write(&self) -> Map<String, Value> {
        let mut out = Writer::new();
        out.string("zone", &self.zone);
        out.message(
            "networking",
            self.networking.as_ref().map(|n| {
                let mut networking = Writer::new();
                networking
                    .string("address", &n.address)
                    .uint32("port", n.port)
                    .message("admin", n.admin.as_ref().map(EnvoyAdmin::write));
                networking.finish()
            }),
        );
        out.finish()
    }

    /// The listener address, or empty.
    pub fn address(&self) -> &str {
        self.networking.as_ref().map_or("", |n| n.address.as_str())
    }

    pub fn port(&self) -> u32 {
        self.networking.as_ref().map_or(0, |n| n.port)
    }

    /// Envoy's admin port, with the control plane default for 0.
    pub fn admin_port(&self) -> u32 {
        match self
            .networking
            .as_ref()
            .and_then(|n| n.admin.as_ref())
            .map(|a| a.port)
        {
            Some(port) if port != 0 => port,
            _ => DEFAULT_ADMIN_PORT,
        }
    }

    /// Whether a listener on `ip:port` would clash with the egress listener.
    pub fn uses_inbound_interface(&self, ip: IpAddr, port: u32) -> bool {
        port == self.port() && overlap(ip, parse_ip(self.address()))
    }

    /// The rules of `zone_egress_validator.go`, in the order Kuma checks them: the admin
    /// port, the address, then the port.
    pub fn validate(&self) -> Vec<Violation> {
        let mut violations = Violations::default();
        let networking = self.networking.clone().unwrap_or_default();
        if let Some(admin) = &networking.admin
            && self.uses_inbound_interface(IpAddr::V4(Ipv4Addr::LOCALHOST), admin.port)
        {
            violations.add("networking.admin.port", "must differ from port");
        }
        if !networking.address.is_empty() {
            validate_address(&mut violations, "networking.address", &networking.address);
        }
        validate_port(&mut violations, "networking.port", networking.port);
        violations.into_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::meta::join_violations;
    use serde_json::json;

    fn spec(value: Value) -> ZoneEgressSpec {
        ZoneEgressSpec::read(Reader::new(&value).unwrap()).unwrap()
    }

    fn errors(value: Value) -> String {
        join_violations(&spec(value).validate())
    }

    #[test]
    fn round_trip_in_proto_order_without_zero_values() {
        let s = spec(json!({
            "networking": {"admin": {"port": 9901}, "port": "10002", "address": "192.168.0.1", "extra": 1},
            "zone": "",
            "unknown": true
        }));
        assert_eq!(
            serde_json::to_string(&s.write()).unwrap(),
            r#"{"networking":{"address":"192.168.0.1","port":10002,"admin":{"port":9901}}}"#
        );
        assert_eq!(s.admin_port(), 9901);
        assert_eq!(
            serde_json::to_string(&spec(json!({"networking": {"admin": {}}})).write()).unwrap(),
            r#"{"networking":{"admin":{}}}"#
        );
    }

    #[test]
    fn rules_of_the_spec() {
        assert_eq!(
            errors(json!({"networking": {"address": "192.168.0.1", "port": 10002}})),
            ""
        );
        assert_eq!(
            errors(json!({"networking": {"address": "192.168.0.1"}})),
            "networking.port: port must be in the range [1, 65535]"
        );
        assert_eq!(
            errors(json!({"networking": {"port": 70000}})),
            "networking.port: port must be in the range [1, 65535]"
        );
        assert_eq!(
            errors(json!({})),
            "networking.port: port must be in the range [1, 65535]"
        );
        assert_eq!(
            errors(json!({"networking": {"address": "0.0.0.0", "port": 1}})),
            "networking.address.address: must not be 0.0.0.0 or ::"
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
    fn decoding_errors_are_go_texts() {
        let bad = json!({"networking": {"port": "x"}});
        assert_eq!(
            ZoneEgressSpec::read(Reader::new(&bad).unwrap()).unwrap_err(),
            "invalid character 'x' looking for beginning of value"
        );
        let bad = json!({"networking": []});
        assert_eq!(
            ZoneEgressSpec::read(Reader::new(&bad).unwrap()).unwrap_err(),
            "json: cannot unmarshal array into Go value of type map[string]json.RawMessage"
        );
    }
}
