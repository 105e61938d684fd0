//! The Mesh spec (`mtls`, `tracing`, `logging`, `metrics`, `networking`, `routing`,
//! `constraints`, `skipCreatingInitialPolicies`, `meshServices`, in proto order) and the
//! resource-level rules of `MeshResource.Validate` (Go:
//! `pkg/core/resources/apis/mesh/mesh_validator.go`). The manager-level rules (plugins,
//! CA material, name length) need the control plane's state and live in kuma-cp-lite.

use super::checks::{Violations, is_host_port};
use super::jsonpb::{EnumDescriptor, Reader, Reason, Writer};
use crate::duration::GoDuration;
use crate::resources::meta::Violation;
use regex::Regex;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

/// Kuma allows one CA backend per mesh.
pub const ALLOWED_MTLS_BACKENDS: usize = 1;

pub static CA_BACKEND_MODE: EnumDescriptor = EnumDescriptor {
    full_name: "kuma.mesh.v1alpha1.CertificateAuthorityBackend.Mode",
    names: &["STRICT", "PERMISSIVE"],
};

pub static MESH_SERVICES_MODE: EnumDescriptor = EnumDescriptor {
    full_name: "kuma.mesh.v1alpha1.Mesh.MeshServices.Mode",
    names: &["Disabled", "Everywhere", "ReachableBackends", "Exclusive"],
};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct MeshSpec {
    pub mtls: Option<Mtls>,
    pub tracing: Option<Tracing>,
    pub logging: Option<Logging>,
    pub metrics: Option<Metrics>,
    pub networking: Option<Networking>,
    pub routing: Option<Routing>,
    pub constraints: Option<Constraints>,
    pub skip_creating_initial_policies: Vec<String>,
    pub mesh_services: Option<MeshServices>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mtls {
    pub enabled_backend: String,
    pub backends: Vec<CaBackend>,
    pub skip_validation: bool,
}

/// A certificate authority backend (`builtin` or `provided`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CaBackend {
    pub name: String,
    pub backend_type: String,
    pub dp_cert: Option<DpCert>,
    /// The plugin's configuration (a `google.protobuf.Struct`).
    pub conf: Option<Map<String, Value>>,
    /// `STRICT` (0) or `PERMISSIVE` (1).
    pub mode: i32,
    pub root_chain: Option<RootChain>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DpCert {
    pub rotation: Option<Rotation>,
    pub request_timeout: Option<GoDuration>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rotation {
    pub expiration: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RootChain {
    pub request_timeout: Option<GoDuration>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tracing {
    pub default_backend: String,
    pub backends: Vec<TracingBackend>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TracingBackend {
    pub name: String,
    /// Percentage 0..100; absent means 100.
    pub sampling: Option<f64>,
    pub backend_type: String,
    pub conf: Option<Map<String, Value>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Logging {
    pub default_backend: String,
    pub backends: Vec<LoggingBackend>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoggingBackend {
    pub name: String,
    pub format: String,
    pub backend_type: String,
    pub conf: Option<Map<String, Value>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metrics {
    pub enabled_backend: String,
    pub backends: Vec<MetricsBackend>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct MetricsBackend {
    pub name: String,
    pub backend_type: String,
    pub conf: Option<Map<String, Value>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Networking {
    pub outbound: Option<Outbound>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outbound {
    /// A `google.protobuf.BoolValue`: `false` is kept when set.
    pub passthrough: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Routing {
    pub locality_aware_load_balancing: bool,
    /// Route cross-zone and external traffic through the zone's egress.
    pub zone_egress: bool,
    pub default_forbid_mesh_external_service_access: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Constraints {
    pub dataplane_proxy: Option<DataplaneProxyMembership>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataplaneProxyMembership {
    pub requirements: Vec<TagRules>,
    pub restrictions: Vec<TagRules>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TagRules {
    pub tags: BTreeMap<String, String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct MeshServices {
    pub mode: i32,
}

impl MeshSpec {
    pub fn read(r: Reader<'_>) -> Result<MeshSpec, Reason> {
        Ok(MeshSpec {
            mtls: r.message("mtls", |m| {
                Ok(Mtls {
                    enabled_backend: m.string("enabledBackend")?,
                    backends: m.messages("backends", read_ca_backend)?,
                    skip_validation: m.boolean("skipValidation")?,
                })
            })?,
            tracing: r.message("tracing", |t| {
                Ok(Tracing {
                    default_backend: t.string("defaultBackend")?,
                    backends: t.messages("backends", |b| {
                        Ok(TracingBackend {
                            name: b.string("name")?,
                            sampling: b.double_wrapper("sampling")?,
                            backend_type: b.string("type")?,
                            conf: b.structure("conf")?,
                        })
                    })?,
                })
            })?,
            logging: r.message("logging", |l| {
                Ok(Logging {
                    backends: l.messages("backends", |b| {
                        Ok(LoggingBackend {
                            name: b.string("name")?,
                            format: b.string("format")?,
                            backend_type: b.string("type")?,
                            conf: b.structure("conf")?,
                        })
                    })?,
                    default_backend: l.string("defaultBackend")?,
                })
            })?,
            metrics: r.message("metrics", |m| {
                Ok(Metrics {
                    enabled_backend: m.string("enabledBackend")?,
                    backends: m.messages("backends", |b| {
                        Ok(MetricsBackend {
                            name: b.string("name")?,
                            backend_type: b.string("type")?,
                            conf: b.structure("conf")?,
                        })
                    })?,
                })
            })?,
            networking: r.message("networking", |n| {
                Ok(Networking {
                    outbound: n.message("outbound", |o| {
                        Ok(Outbound {
                            passthrough: o.bool_wrapper("passthrough")?,
                        })
                    })?,
                })
            })?,
            routing: r.message("routing", |m| {
                Ok(Routing {
                    locality_aware_load_balancing: m.boolean("localityAwareLoadBalancing")?,
                    zone_egress: m.boolean("zoneEgress")?,
                    default_forbid_mesh_external_service_access: m
                        .boolean("defaultForbidMeshExternalServiceAccess")?,
                })
            })?,
            constraints: r.message("constraints", |c| {
                Ok(Constraints {
                    dataplane_proxy: c.message("dataplaneProxy", |d| {
                        let rules = |t: Reader<'_>| {
                            Ok(TagRules {
                                tags: t.string_map("tags")?,
                            })
                        };
                        Ok(DataplaneProxyMembership {
                            requirements: d.messages("requirements", rules)?,
                            restrictions: d.messages("restrictions", rules)?,
                        })
                    })?,
                })
            })?,
            skip_creating_initial_policies: r.strings("skipCreatingInitialPolicies")?,
            mesh_services: r.message("meshServices", |m| {
                Ok(MeshServices {
                    mode: m.enumeration("mode", &MESH_SERVICES_MODE)?,
                })
            })?,
        })
    }

    pub fn write(&self) -> Map<String, Value> {
        let mut out = Writer::new();
        out.message("mtls", self.mtls.as_ref().map(write_mtls));
        out.message(
            "tracing",
            self.tracing.as_ref().map(|t| {
                let mut w = Writer::new();
                w.string("defaultBackend", &t.default_backend).list(
                    "backends",
                    t.backends
                        .iter()
                        .map(|b| {
                            let mut backend = Writer::new();
                            backend
                                .string("name", &b.name)
                                .double_wrapper("sampling", b.sampling)
                                .string("type", &b.backend_type)
                                .structure("conf", b.conf.as_ref());
                            Value::Object(backend.finish())
                        })
                        .collect(),
                );
                w.finish()
            }),
        );
        out.message(
            "logging",
            self.logging.as_ref().map(|l| {
                // Declaration order of Kuma's `Logging` message, as for `Tracing`:
                // `defaultBackend`, then `backends` (Go: `api/mesh/v1alpha1/mesh.proto`).
                let mut w = Writer::new();
                w.string("defaultBackend", &l.default_backend).list(
                    "backends",
                    l.backends
                        .iter()
                        .map(|b| {
                            let mut backend = Writer::new();
                            backend
                                .string("name", &b.name)
                                .string("format", &b.format)
                                .string("type", &b.backend_type)
                                .structure("conf", b.conf.as_ref());
                            Value::Object(backend.finish())
                        })
                        .collect(),
                );
                w.finish()
            }),
        );
        out.message(
            "metrics",
            self.metrics.as_ref().map(|m| {
                let mut w = Writer::new();
                w.string("enabledBackend", &m.enabled_backend).list(
                    "backends",
                    m.backends
                        .iter()
                        .map(|b| {
                            let mut backend = Writer::new();
                            backend
                                .string("name", &b.name)
                                .string("type", &b.backend_type)
                                .structure("conf", b.conf.as_ref());
                            Value::Object(backend.finish())
                        })
                        .collect(),
                );
                w.finish()
            }),
        );
        out.message(
            "networking",
            self.networking.as_ref().map(|n| {
                let mut w = Writer::new();
                w.message(
                    "outbound",
                    n.outbound.as_ref().map(|o| {
                        let mut outbound = Writer::new();
                        outbound.bool_wrapper("passthrough", o.passthrough);
                        outbound.finish()
                    }),
                );
                w.finish()
            }),
        );
        out.message(
            "routing",
            self.routing.as_ref().map(|r| {
                let mut w = Writer::new();
                w.boolean(
                    "localityAwareLoadBalancing",
                    r.locality_aware_load_balancing,
                )
                .boolean("zoneEgress", r.zone_egress)
                .boolean(
                    "defaultForbidMeshExternalServiceAccess",
                    r.default_forbid_mesh_external_service_access,
                );
                w.finish()
            }),
        );
        out.message(
            "constraints",
            self.constraints.as_ref().map(|c| {
                let mut w = Writer::new();
                w.message(
                    "dataplaneProxy",
                    c.dataplane_proxy.as_ref().map(|d| {
                        let rules = |list: &[TagRules]| {
                            list.iter()
                                .map(|r| {
                                    let mut rule = Writer::new();
                                    rule.string_map("tags", &r.tags);
                                    Value::Object(rule.finish())
                                })
                                .collect()
                        };
                        let mut membership = Writer::new();
                        membership
                            .list("requirements", rules(&d.requirements))
                            .list("restrictions", rules(&d.restrictions));
                        membership.finish()
                    }),
                );
                w.finish()
            }),
        );
        out.strings(
            "skipCreatingInitialPolicies",
            &self.skip_creating_initial_policies,
        );
        out.message(
            "meshServices",
            self.mesh_services.as_ref().map(|m| {
                let mut w = Writer::new();
                w.enumeration("mode", &MESH_SERVICES_MODE, m.mode);
                w.finish()
            }),
        );
        out.finish()
    }

    /// The enabled CA backend name, empty when mTLS is off.
    pub fn enabled_backend(&self) -> &str {
        self.mtls
            .as_ref()
            .map_or("", |m| m.enabled_backend.as_str())
    }

    pub fn mtls_enabled(&self) -> bool {
        !self.enabled_backend().is_empty()
    }

    /// The enabled CA backend, if mTLS is on and it names one.
    pub fn enabled_ca_backend(&self) -> Option<&CaBackend> {
        let name = self.enabled_backend();
        self.mtls
            .as_ref()?
            .backends
            .iter()
            .find(|b| !name.is_empty() && b.name == name)
    }

    pub fn zone_egress_enabled(&self) -> bool {
        self.routing.as_ref().is_some_and(|r| r.zone_egress)
    }

    pub fn locality_aware_load_balancing(&self) -> bool {
        self.routing
            .as_ref()
            .is_some_and(|r| r.locality_aware_load_balancing)
    }

    /// The resource-level rules of `MeshResource.Validate` (Go:
    /// `pkg/core/resources/apis/mesh/mesh_validator.go`), in this order: mTLS, logging,
    /// tracing, metrics, constraints, then the zone egress requirement.
    pub fn validate(&self) -> Vec<Violation> {
        let mut violations = Violations::default();
        if let Some(mtls) = &self.mtls {
            violations.extend_under("mtls", validate_mtls(mtls));
        }
        if let Some(logging) = &self.logging {
            violations.extend_under("logging", validate_logging(logging));
        }
        if let Some(tracing) = &self.tracing {
            violations.extend_under("tracing", validate_tracing(tracing));
        }
        if let Some(metrics) = &self.metrics {
            violations.extend_under("metrics", validate_metrics(metrics));
        }
        if let Some(membership) = self
            .constraints
            .as_ref()
            .and_then(|c| c.dataplane_proxy.as_ref())
        {
            violations.extend_under(
                "constraints.dataplaneProxy",
                validate_membership(membership),
            );
        }
        if self.zone_egress_enabled() && !self.mtls_enabled() {
            violations.add("mtls", "has to be set when zoneEgress enabled");
        }
        violations.into_vec()
    }
}

fn read_ca_backend(b: Reader<'_>) -> Result<CaBackend, Reason> {
    Ok(CaBackend {
        name: b.string("name")?,
        backend_type: b.string("type")?,
        dp_cert: b.message("dpCert", |d| {
            Ok(DpCert {
                rotation: d.message("rotation", |r| {
                    Ok(Rotation {
                        expiration: r.string("expiration")?,
                    })
                })?,
                request_timeout: d.duration("requestTimeout")?,
            })
        })?,
        conf: b.structure("conf")?,
        mode: b.enumeration("mode", &CA_BACKEND_MODE)?,
        root_chain: b.message("rootChain", |r| {
            Ok(RootChain {
                request_timeout: r.duration("requestTimeout")?,
            })
        })?,
    })
}

fn write_mtls(mtls: &Mtls) -> Map<String, Value> {
    let mut w = Writer::new();
    w.string("enabledBackend", &mtls.enabled_backend)
        .list(
            "backends",
            mtls.backends
                .iter()
                .map(|b| {
                    let mut backend = Writer::new();
                    backend
                        .string("name", &b.name)
                        .string("type", &b.backend_type)
                        .message(
                            "dpCert",
                            b.dp_cert.as_ref().map(|d| {
                                let mut dp_cert = Writer::new();
                                dp_cert
                                    .message(
                                        "rotation",
                                        d.rotation.as_ref().map(|r| {
                                            let mut rotation = Writer::new();
                                            rotation.string("expiration", &r.expiration);
                                            rotation.finish()
                                        }),
                                    )
                                    .duration("requestTimeout", d.request_timeout);
                                dp_cert.finish()
                            }),
                        )
                        .structure("conf", b.conf.as_ref())
                        .enumeration("mode", &CA_BACKEND_MODE, b.mode)
                        .message(
                            "rootChain",
                            b.root_chain.as_ref().map(|r| {
                                let mut root_chain = Writer::new();
                                root_chain.duration("requestTimeout", r.request_timeout);
                                root_chain.finish()
                            }),
                        );
                    Value::Object(backend.finish())
                })
                .collect(),
        )
        .boolean("skipValidation", mtls.skip_validation);
    w.finish()
}

/// Kuma's certificate lifetime syntax: a number and one unit, or `0`.
static CERT_DURATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d+)(y|w|d|h|m|s|ms)$").expect("valid regex"));

fn is_cert_duration(text: &str) -> bool {
    text == "0" || CERT_DURATION.is_match(text)
}

const BACKEND_NAME_USED: &str = "name is already used for another backend";

fn validate_mtls(mtls: &Mtls) -> Vec<Violation> {
    let mut violations = Violations::default();
    if mtls.backends.len() > ALLOWED_MTLS_BACKENDS {
        violations.add(
            "backends",
            format!("cannot have more than {ALLOWED_MTLS_BACKENDS} backends"),
        );
    }
    let mut names = HashSet::new();
    for (i, backend) in mtls.backends.iter().enumerate() {
        if !names.insert(backend.name.as_str()) {
            violations.add(
                format!("backends[{i}].name"),
                format!("{} {BACKEND_NAME_USED}", quote(&backend.name)),
            );
        }
        if let Some(dp_cert) = &backend.dp_cert {
            let expiration = dp_cert
                .rotation
                .as_ref()
                .map_or("", |r| r.expiration.as_str());
            if !is_cert_duration(expiration) {
                // Kuma reports this path in lower case and without the index.
                violations.add("dpcert.rotation.expiration", "has to be a valid format");
            }
        }
    }
    if !mtls.enabled_backend.is_empty() && !names.contains(mtls.enabled_backend.as_str()) {
        violations.add(
            "enabledBackend",
            "has to be set to one of the backends in the mesh",
        );
    }
    violations.into_vec()
}

fn quote(text: &str) -> String {
    super::gojson::quote(text)
}

/// A backend's `conf` read into its typed configuration (Go: `proto.ToTyped`), or the
/// `could not parse config: ...` reason.
fn typed_conf(
    conf: Option<&Map<String, Value>>,
    message: &[super::proto::Field],
) -> Result<Map<String, Value>, String> {
    super::proto::decode_message(message, conf.unwrap_or(&Map::new()))
        .map_err(|err| format!("could not parse config: {err}"))
}

/// A host and a port, both non-empty (Go: `net.SplitHostPort` and two checks).
fn is_full_host_port(address: &str) -> bool {
    is_host_port(address)
        && address.rsplit_once(':').is_some_and(|(host, port)| {
            !host.trim_matches(['[', ']']).is_empty() && !port.is_empty()
        })
}

fn validate_logging(logging: &Logging) -> Vec<Violation> {
    let mut violations = Violations::default();
    let mut names = HashSet::new();
    for (i, backend) in logging.backends.iter().enumerate() {
        let path = format!("backends[{i}]");
        if backend.name.is_empty() {
            violations.add(format!("{path}.name"), "cannot be empty");
        }
        let conf = backend.conf.as_ref();
        match backend.backend_type.as_str() {
            "tcp" => match typed_conf(conf, super::proto::TCP_LOGGING_CONF) {
                Err(reason) => violations.add(format!("{path}.config"), reason),
                Ok(typed) => {
                    let address = typed
                        .get("address")
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    if address.is_empty() {
                        violations.add(format!("{path}.config.address"), "cannot be empty");
                    } else if !is_full_host_port(address) {
                        violations.add(
                            format!("{path}.config.address"),
                            "has to be in format of HOST:PORT",
                        );
                    }
                }
            },
            "file" => match typed_conf(conf, super::proto::FILE_LOGGING_CONF) {
                Err(reason) => violations.add(format!("{path}.config"), reason),
                Ok(typed) => {
                    if typed.get("path").is_none() {
                        violations.add(format!("{path}.config.path"), "cannot be empty");
                    }
                }
            },
            _ => violations.add(
                format!("{path}.type"),
                "unknown backend type. Available backends: \"tcp\", \"file\"",
            ),
        }
        if !backend.name.is_empty() && !names.insert(backend.name.as_str()) {
            violations.add(
                format!("{path}.name"),
                format!("{} {BACKEND_NAME_USED}", quote(&backend.name)),
            );
        }
    }
    if !logging.default_backend.is_empty() && !names.contains(logging.default_backend.as_str()) {
        violations.add(
            "defaultBackend",
            "has to be set to one of the logging backend in mesh",
        );
    }
    violations.into_vec()
}

const ZIPKIN_API_VERSIONS: [&str; 3] = ["httpJsonV1", "httpJson", "httpProto"];

fn validate_tracing(tracing: &Tracing) -> Vec<Violation> {
    let mut violations = Violations::default();
    let mut names = HashSet::new();
    for (i, backend) in tracing.backends.iter().enumerate() {
        let path = format!("backends[{i}]");
        if backend.name.is_empty() {
            violations.add(format!("{path}.name"), "cannot be empty");
        }
        if let Some(sampling) = backend.sampling
            && !(0.0..=100.0).contains(&sampling)
            && !sampling.is_nan()
        {
            violations.add(
                format!("{path}.sampling"),
                "has to be in [0.0 - 100.0] range",
            );
        }
        let conf = backend.conf.as_ref();
        match backend.backend_type.as_str() {
            "zipkin" => match typed_conf(conf, super::proto::ZIPKIN_CONF) {
                Err(reason) => violations.add(format!("{path}.config"), reason),
                Ok(typed) => {
                    let text =
                        |key: &str| typed.get(key).and_then(Value::as_str).unwrap_or_default();
                    let api_version = text("apiVersion");
                    if !api_version.is_empty() && !ZIPKIN_API_VERSIONS.contains(&api_version) {
                        violations.add(
                            format!("{path}.config.apiVersion"),
                            "has invalid value. Allowed values: httpJsonV1, httpJson, httpProto",
                        );
                    }
                    let url = text("url");
                    if url.is_empty() {
                        violations.add(format!("{path}.config.url"), "cannot be empty");
                    } else {
                        match url::Url::parse(url) {
                            Err(_) => violations.add(format!("{path}.config.url"), "invalid URL"),
                            Ok(parsed) if !has_explicit_port(url, &parsed) => violations.add(
                                format!("{path}.config.url"),
                                "port has to be explicitly specified",
                            ),
                            Ok(_) => {}
                        }
                    }
                }
            },
            "datadog" => match typed_conf(conf, super::proto::DATADOG_CONF) {
                Err(reason) => violations.add(format!("{path}.config"), reason),
                Ok(typed) => {
                    if typed.get("address").is_none() {
                        violations.add(format!("{path}.config.address"), "cannot be empty");
                    }
                    let port = typed.get("port").and_then(Value::as_u64).unwrap_or(0);
                    if port == 0 || port > 65535 {
                        violations.add(format!("{path}.config.port"), super::checks::PORT_RANGE);
                    }
                }
            },
            _ => violations.add(
                format!("{path}.type"),
                "unknown backend type. Available backends: \"zipkin\", \"datadog\"",
            ),
        }
        if !backend.name.is_empty() && !names.insert(backend.name.as_str()) {
            violations.add(
                format!("{path}.name"),
                format!("{} {BACKEND_NAME_USED}", quote(&backend.name)),
            );
        }
    }
    if !tracing.default_backend.is_empty() && !names.contains(tracing.default_backend.as_str()) {
        violations.add(
            "defaultBackend",
            "has to be set to one of the tracing backend in mesh",
        );
    }
    violations.into_vec()
}

/// Go's `url.Port()` is non-empty: the URL text itself names a port (the `url` crate
/// hides default ports, so look at the authority).
fn has_explicit_port(text: &str, parsed: &url::Url) -> bool {
    if parsed.port().is_some() {
        return true;
    }
    let Some(host) = parsed.host_str() else {
        return false;
    };
    let Some(after_scheme) = text.split_once("://").map(|(_, rest)| rest) else {
        return false;
    };
    let authority = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    host_port
        .strip_prefix(host)
        .and_then(|rest| rest.strip_prefix(':'))
        .is_some_and(|port| !port.is_empty())
}

fn validate_metrics(metrics: &Metrics) -> Vec<Violation> {
    let mut violations = Violations::default();
    let mut names = HashSet::new();
    for (i, backend) in metrics.backends.iter().enumerate() {
        if !names.insert(backend.name.as_str()) {
            violations.add(
                format!("backends[{i}].name"),
                format!("{} {BACKEND_NAME_USED}", quote(&backend.name)),
            );
        }
        if backend.backend_type != "prometheus" {
            violations.add(
                format!("backends[{i}].type"),
                "unknown backend type. Available backends: \"prometheus\"",
            );
        } else {
            violations.extend_under(
                &format!("backends[{i}].conf"),
                prometheus_conf_violations(backend.conf.as_ref()),
            );
        }
    }
    if !metrics.enabled_backend.is_empty() && !names.contains(metrics.enabled_backend.as_str()) {
        violations.add(
            "enabledBackend",
            "has to be set to one of the backends in the mesh",
        );
    }
    violations.into_vec()
}

/// The rules of a prometheus backend's `conf` (also a Dataplane's `metrics.conf`); each
/// failing rule but the last stops the checks. Paths are relative to `conf`.
pub fn prometheus_conf_violations(conf: Option<&Map<String, Value>>) -> Vec<Violation> {
    let mut violations = Violations::default();
    let typed = match typed_conf(conf, super::proto::PROMETHEUS_CONF) {
        Ok(typed) => typed,
        Err(reason) => {
            violations.add("", reason);
            return violations.into_vec();
        }
    };
    if let (Some(skip), Some(tls)) = (
        typed.get("skipMTLS").and_then(Value::as_bool),
        typed.get("tls"),
    ) {
        let mode = tls
            .get("mode")
            .and_then(Value::as_str)
            .unwrap_or("activeMTLSBackend");
        let equivalent = if skip {
            mode == "disabled"
        } else {
            mode == "activeMTLSBackend"
        };
        if !equivalent {
            violations.add(
                "",
                "skipMTLS and tls configuration cannot be defined together",
            );
            return violations.into_vec();
        }
    }
    if let Some(pattern) = typed
        .get("envoy")
        .and_then(|e| e.get("filterRegex"))
        .and_then(Value::as_str)
        && let Err(err) = super::goregexp::check(pattern)
    {
        violations.add(
            "envoy.filterRegex",
            format!("provided regexp isn't correct: {err}"),
        );
        return violations.into_vec();
    }
    let mut seen = HashSet::new();
    let aggregates = typed
        .get("aggregate")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    for (j, aggregate) in aggregates.iter().enumerate() {
        let name = aggregate
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if !seen.insert(name) {
            violations.add(
                format!("aggregate[{j}].name"),
                format!("duplicate entry: {name}, values have to be unique"),
            );
        }
    }
    violations.into_vec()
}

/// Requirements and restrictions: selectors (`*` allowed) of at least one tag each.
fn validate_membership(membership: &DataplaneProxyMembership) -> Vec<Violation> {
    let mut violations = Violations::default();
    for (list, rules) in [
        ("requirements", &membership.requirements),
        ("restrictions", &membership.restrictions),
    ] {
        for (i, rule) in rules.iter().enumerate() {
            super::checks::validate_selector(
                &mut violations,
                &format!("{list}[{i}].tags"),
                &rule.tags,
                super::checks::TagRules {
                    at_least_one: true,
                    ..super::checks::TagRules::default()
                },
            );
        }
    }
    violations.into_vec()
}

/// The deprecation warning for Mesh names that are not DNS-1035 labels (Go:
/// `pkg/core/resources/apis/mesh/deprecated.go`).
pub fn name_warning(type_name: &str, name: &str) -> Option<String> {
    let errors = dns1035_label_errors(name);
    if errors.is_empty() {
        return None;
    }
    Some(format!(
        "Invalid {type_name} resource name: '{name}'. It does not conform to the DNS format (RFC 1035). This is deprecated. Errors: {}",
        errors.join("; ")
    ))
}

static DNS1035_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z]([-a-z0-9]*[a-z0-9])?$").expect("valid regex"));

/// Kubernetes' `IsDNS1035Label` messages.
pub fn dns1035_label_errors(name: &str) -> Vec<String> {
    let mut errors = Vec::new();
    if name.len() > 63 {
        errors.push("must be no more than 63 characters".to_string());
    }
    if !DNS1035_LABEL.is_match(name) {
        errors.push(super::k8s::regex_error(
            "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
            "[a-z]([-a-z0-9]*[a-z0-9])?",
            &["my-name", "abc-123"],
        ));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::meta::join_violations;
    use serde_json::json;

    fn spec(value: Value) -> MeshSpec {
        MeshSpec::read(Reader::new(&value).unwrap()).unwrap()
    }

    fn errors(value: Value) -> String {
        join_violations(&spec(value).validate())
    }

    #[test]
    fn writes_in_proto_order() {
        let s = spec(json!({
            "routing": {"zoneEgress": true, "localityAwareLoadBalancing": true},
            "logging": {"defaultBackend": "logstash", "backends": [{"type": "tcp", "name": "logstash", "conf": {"address": "127.0.0.1:5000"}}]},
            "mtls": {"backends": [{"type": "builtin", "name": "ca-1", "mode": "PERMISSIVE",
                                   "dpCert": {"rotation": {"expiration": "1d"}, "requestTimeout": "1m"},
                                   "conf": {"caCert": {"expiration": "10y", "RSAbits": 2048}}}],
                     "enabledBackend": "ca-1"},
            "networking": {"outbound": {"passthrough": false}},
            "meshServices": {"mode": "Exclusive"},
            "skipCreatingInitialPolicies": ["*"],
            "ca": {"builtin": {}}
        }));
        assert_eq!(
            serde_json::to_string(&s.write()).unwrap(),
            concat!(
                r#"{"mtls":{"enabledBackend":"ca-1","backends":[{"name":"ca-1","type":"builtin","dpCert":{"rotation":{"expiration":"1d"},"requestTimeout":"60s"},"conf":{"caCert":{"RSAbits":2048,"expiration":"10y"}},"mode":"PERMISSIVE"}]},"#,
                r#""logging":{"defaultBackend":"logstash","backends":[{"name":"logstash","type":"tcp","conf":{"address":"127.0.0.1:5000"}}]},"#,
                r#""networking":{"outbound":{"passthrough":false}},"#,
                r#""routing":{"localityAwareLoadBalancing":true,"zoneEgress":true},"#,
                r#""skipCreatingInitialPolicies":["*"],"meshServices":{"mode":"Exclusive"}}"#
            )
        );
        assert!(s.validate().is_empty());
        assert_eq!(s.enabled_ca_backend().unwrap().backend_type, "builtin");
    }

    #[test]
    fn zone_egress_needs_mtls() {
        assert_eq!(
            errors(json!({"routing": {"zoneEgress": true}})),
            "mtls: has to be set when zoneEgress enabled"
        );
        assert_eq!(
            errors(
                json!({"routing": {"zoneEgress": true}, "mtls": {"enabledBackend": "ca-1", "backends": [{"name": "ca-1", "type": "builtin"}]}})
            ),
            ""
        );
    }

    #[test]
    fn mtls_rules() {
        assert_eq!(
            errors(json!({"mtls": {"enabledBackend": "x", "backends": [
                {"name": "a", "type": "builtin", "dpCert": {"rotation": {}}},
                {"name": "a", "type": "builtin", "dpCert": {"rotation": {"expiration": "1y"}}}
            ]}})),
            "mtls.backends: cannot have more than 1 backends; mtls.dpcert.rotation.expiration: has to be a valid format; mtls.backends[1].name: \"a\" name is already used for another backend; mtls.enabledBackend: has to be set to one of the backends in the mesh"
        );
    }

    #[test]
    fn backend_conf_rules() {
        assert_eq!(
            errors(
                json!({"logging": {"backends": [{"name": "t", "type": "tcp", "conf": {"address": 5}}]},
                          "tracing": {"backends": [
                              {"name": "z", "type": "zipkin", "conf": {"url": "http://z:9411", "apiVersion": "v9"}},
                              {"name": "d", "type": "datadog", "conf": {"address": "dd", "port": 70000}}]},
                          "metrics": {"backends": [
                              {"name": "p", "type": "prometheus", "conf": {"skipMTLS": true, "tls": {"mode": "providedTLS"}}},
                              {"name": "q", "type": "prometheus", "conf": {"envoy": {"filterRegex": "[a"}}},
                              {"name": "r", "type": "prometheus", "conf": {"aggregate": [{"name": "a"}, {"name": "a"}]}}]},
                          "constraints": {"dataplaneProxy": {"requirements": [{"tags": {"k": "a b"}}]}},
                          "routing": {"zoneEgress": true}})
            ),
            concat!(
                "logging.backends[0].config: could not parse config: json: cannot unmarshal number into Go value of type string; ",
                "tracing.backends[0].config.apiVersion: has invalid value. Allowed values: httpJsonV1, httpJson, httpProto; ",
                "tracing.backends[1].config.port: port must be in the range [1, 65535]; ",
                "metrics.backends[0].conf: skipMTLS and tls configuration cannot be defined together; ",
                "metrics.backends[1].conf.envoy.filterRegex: provided regexp isn't correct: error parsing regexp: missing closing ]: `[a`; ",
                "metrics.backends[2].conf.aggregate[1].name: duplicate entry: a, values have to be unique; ",
                "constraints.dataplaneProxy.requirements[0].tags[\"k\"]: tag value must consist of alphanumeric characters, dots, dashes, slashes and underscores or be \"*\"; ",
                "mtls: has to be set when zoneEgress enabled"
            )
        );
    }

    #[test]
    fn backend_rules() {
        assert_eq!(
            errors(json!({"logging": {"defaultBackend": "nope", "backends": [
                {"name": "", "type": "tcp", "conf": {"address": "nohost"}},
                {"name": "f", "type": "file"},
                {"name": "f", "type": "udp"}
            ]}})),
            concat!(
                "logging.backends[0].name: cannot be empty; ",
                "logging.backends[0].config.address: has to be in format of HOST:PORT; ",
                "logging.backends[1].config.path: cannot be empty; ",
                "logging.backends[2].type: unknown backend type. Available backends: \"tcp\", \"file\"; ",
                "logging.backends[2].name: \"f\" name is already used for another backend; ",
                "logging.defaultBackend: has to be set to one of the logging backend in mesh"
            )
        );
        assert_eq!(
            errors(json!({"tracing": {"defaultBackend": "z", "backends": [
                {"name": "z", "type": "zipkin", "sampling": 101, "conf": {"url": "http://zipkin/api/v2/spans"}},
                {"name": "d", "type": "datadog", "conf": {"address": "dd", "port": 8126}},
                {"name": "j", "type": "jaeger"}
            ]}})),
            concat!(
                "tracing.backends[0].sampling: has to be in [0.0 - 100.0] range; ",
                "tracing.backends[0].config.url: port has to be explicitly specified; ",
                "tracing.backends[2].type: unknown backend type. Available backends: \"zipkin\", \"datadog\""
            )
        );
        assert_eq!(
            errors(
                json!({"metrics": {"enabledBackend": "p", "backends": [{"name": "q", "type": "statsd"}]},
                          "constraints": {"dataplaneProxy": {"requirements": [{"tags": {}}]}}})
            ),
            concat!(
                "metrics.backends[0].type: unknown backend type. Available backends: \"prometheus\"; ",
                "metrics.enabledBackend: has to be set to one of the backends in the mesh; ",
                "constraints.dataplaneProxy.requirements[0].tags: must have at least one tag"
            )
        );
    }

    #[test]
    fn name_warning_has_the_double_space() {
        assert_eq!(
            name_warning("Mesh", "aa.a").unwrap(),
            "Invalid Mesh resource name: 'aa.a'. It does not conform to the DNS format (RFC 1035). This is deprecated. Errors: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
        );
        assert_eq!(name_warning("Mesh", "default"), None);
    }

    #[test]
    fn enum_errors() {
        let bad = json!({"mtls": {"backends": [{"mode": "LOOSE"}]}});
        assert_eq!(
            MeshSpec::read(Reader::new(&bad).unwrap()).unwrap_err(),
            r#"unknown value "\"LOOSE\"" for enum kuma.mesh.v1alpha1.CertificateAuthorityBackend.Mode"#
        );
    }
}
