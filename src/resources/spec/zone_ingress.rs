//! The ZoneIngress spec (`zone`, `networking{address, advertisedAddress, port,
//! advertisedPort, admin}`, `availableServices[]`) and its validation.

use super::checks::{
    TagRules, Violations, overlap, parse_ip, validate_address, validate_port, validate_tags,
};
use super::jsonpb::{Reader, Reason, Writer};
use super::zone_egress::EnvoyAdmin;
use crate::resources::meta::Violation;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ZoneIngressSpec {
    pub zone: String,
    pub networking: Option<ZoneIngressNetworking>,
    /// Filled by the control plane from the zone's services.
    pub available_services: Vec<AvailableService>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ZoneIngressNetworking {
    pub address: String,
    /// Where other zones reach the ingress.
    pub advertised_address: String,
    pub port: u32,
    pub advertised_port: u32,
    pub admin: Option<EnvoyAdmin>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AvailableService {
    pub tags: BTreeMap<String, String>,
    pub instances: u32,
    pub mesh: String,
    pub external_service: bool,
}

impl ZoneIngressSpec {
    pub fn read(reader: Reader<'_>) -> Result<ZoneIngressSpec, Reason> {
        Ok(ZoneIngressSpec {
            zone: reader.string("zone")?,
            networking: reader.message("networking", |n| {
                Ok(ZoneIngressNetworking {
                    address: n.string("address")?,
                    advertised_address: n.string("advertisedAddress")?,
                    port: n.uint32("port")?,
                    advertised_port: n.uint32("advertisedPort")?,
                    admin: n.message("admin", EnvoyAdmin::read)?,
                })
            })?,
            available_services: reader.messages("availableServices", |s| {
                Ok(AvailableService {
                    tags: s.string_map("tags")?,
                    instances: s.uint32("instances")?,
                    mesh: s.string("mesh")?,
                    external_service: s.boolean("externalService")?,
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
                    .string("advertisedAddress", &n.advertised_address)
                    .uint32("port", n.port)
                    .uint32("advertisedPort", n.advertised_port)
                    .message("admin", n.admin.as_ref().map(EnvoyAdmin::write));
                networking.finish()
            }),
        );
        out.list(
            "availableServices",
            self.available_services
                .iter()
                .map(|s| {
                    let mut service = Writer::new();
                    service
                        .string_map("tags", &s.tags)
                        .uint32("instances", s.instances)
                        .string("mesh", &s.mesh)
                        .boolean("externalService", s.external_service);
                    Value::Object(service.finish())
                })
                .collect(),
        );
        out.finish()
    }

    /// The same address and port rules as ZoneEgress, plus the advertised pair, which
    /// must be set together. (inferred) The order follows ZoneEgress: admin port, the
    /// advertised pair, addresses, ports.
    pub fn validate(&self) -> Vec<Violation> {
        let mut violations = Violations::default();
        let n = self.networking.clone().unwrap_or_default();
        let localhost = IpAddr::V4(Ipv4Addr::LOCALHOST);
        if let Some(admin) = &n.admin
            && ((admin.port == n.port && overlap(localhost, parse_ip(&n.address)))
                || (admin.port == n.advertised_port
                    && overlap(localhost, parse_ip(&n.advertised_address))))
        {
            violations.add("networking.admin.port", "must differ from port");
        }
        if n.advertised_address.is_empty() && n.advertised_port != 0 {
            violations.add(
                "networking.advertisedAddress",
                "has to be defined with advertisedPort",
            );
        }
        if n.advertised_port == 0 && !n.advertised_address.is_empty() {
            violations.add(
                "networking.advertisedPort",
                "has to be defined with advertisedAddress",
            );
        }
        if !n.address.is_empty() {
            validate_address(&mut violations, "networking.address", &n.address);
        }
        if !n.advertised_address.is_empty() {
            validate_address(
                &mut violations,
                "networking.advertisedAddress",
                &n.advertised_address,
            );
        }
        validate_port(&mut violations, "networking.port", n.port);
        if n.advertised_port != 0 {
            validate_port(
                &mut violations,
                "networking.advertisedPort",
                n.advertised_port,
            );
        }
        // (sic) `availableService`, singular and without `networking`.
        for (i, service) in self.available_services.iter().enumerate() {
            validate_tags(
                &mut violations,
                &format!("availableService[{i}].tags"),
                &service.tags,
                TagRules {
                    require_service: true,
                    ..TagRules::default()
                },
            );
        }
        violations.into_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::meta::join_violations;
    use serde_json::json;

    fn spec(value: Value) -> ZoneIngressSpec {
        ZoneIngressSpec::read(Reader::new(&value).unwrap()).unwrap()
    }

    #[test]
    fn round_trip() {
        let s = spec(json!({
            "availableServices": [{"tags": {"kuma.io/service": "web", "a": "b"}, "instances": 2, "mesh": "default"}],
            "networking": {"advertisedPort": 10001, "advertisedAddress": "1.1.1.1", "port": 10001, "address": "10.0.0.1"}
        }));
        assert_eq!(
            serde_json::to_string(&s.write()).unwrap(),
            r#"{"networking":{"address":"10.0.0.1","advertisedAddress":"1.1.1.1","port":10001,"advertisedPort":10001},"availableServices":[{"tags":{"a":"b","kuma.io/service":"web"},"instances":2,"mesh":"default"}]}"#
        );
        assert!(s.validate().is_empty());
    }

    #[test]
    fn admin_port_and_available_services() {
        assert_eq!(
            join_violations(
                &spec(json!({"networking": {"address": "10.0.0.1", "port": 10001, "advertisedAddress": "0.0.0.0",
                                            "advertisedPort": 9901, "admin": {"port": 9901}},
                             "availableServices": [{"tags": {"app": "x"}}]}))
                .validate()
            ),
            "networking.admin.port: must differ from port; networking.advertisedAddress.address: must not be 0.0.0.0 or ::; availableService[0].tags: mandatory tag \"kuma.io/service\" is missing"
        );
    }

    #[test]
    fn rules() {
        assert_eq!(
            join_violations(
                &spec(json!({"networking": {"advertisedAddress": "foo bar", "port": 0}}))
                    .validate()
            ),
            "networking.advertisedPort: has to be defined with advertisedAddress; networking.advertisedAddress.address: address has to be valid IP address or domain name; networking.port: port must be in the range [1, 65535]"
        );
        assert_eq!(
            join_violations(
                &spec(json!({"networking": {"advertisedPort": 70000, "port": 1}})).validate()
            ),
            "networking.advertisedAddress: has to be defined with advertisedPort; networking.advertisedPort: port must be in the range [1, 65535]"
        );
    }
}
