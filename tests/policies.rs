//! The new-style (schema-driven) resource types through `kumactl apply --dry-run` and
//! kuma-cp-lite's PUT: schema defaults and kube-openapi messages (Go:
//! `pkg/core/resources/model/rest/unmarshaller.go`), the common targetRef rules and the
//! per-type validators (`pkg/plugins/policies/*/api/v1alpha1/validator.go`), computed
//! fields, warnings, and the key order of answers and printing. One table of documents
//! drives both binaries: kumactl prints the violations joined by `; `, the server answers
//! them as Kuma's error body.

mod common;

use common::http::Api;
use common::{TestEnv, assert_outcome, run};
use kumactl::resources::descriptor;
use serde_json::{Value, json};

fn to_json(doc: &str) -> Value {
    let value: serde_yaml::Value = serde_yaml::from_str(doc).expect("test YAML");
    serde_json::to_value(value).expect("test YAML is JSON")
}

fn dry_run(env: &TestEnv, doc: &str) -> common::Outcome {
    run(env
        .kumactl()
        .args(["apply", "-f", "-", "--dry-run"])
        .write_stdin(doc))
}

/// Where kumactl would PUT the document.
fn item_path(body: &Value) -> String {
    let t = descriptor::by_name(body["type"].as_str().expect("type")).expect("known type");
    let mesh = body["mesh"].as_str().unwrap_or("default");
    t.item_path(mesh, body["name"].as_str().unwrap_or("x"))
}

fn not_processed(params: &[(&str, &str)]) -> Value {
    let detail = "Resource is not valid";
    json!({
        "type": "/std-errors", "status": 400, "title": "Could not process a resource",
        "detail": detail,
        "invalid_parameters": params.iter().map(|(f, r)| json!({"field": f, "reason": r})).collect::<Vec<_>>(),
        "details": detail,
        "causes": params.iter().map(|(f, r)| json!({"field": f, "message": r})).collect::<Vec<_>>(),
    })
}

/// Invalid documents: the violations both kumactl and the server report, in order.
const INVALID: &[(&str, &[(&str, &str)])] = &[
    // The body's own fields (stage 3: no field, the whole text).
    (
        "type: MeshTrafficPermission\nspec: {}\n",
        &[("", ".name in body is required")],
    ),
    (
        "type: MeshTimeout\nname: 5\nspec: null\nlabels: {a: 1}\n",
        &[
            ("", "labels.a in body must be of type string: \"number\""),
            ("", "name in body must be of type string: \"number\""),
            ("", "spec in body must be of type object: \"null\""),
        ],
    ),
    (
        "type: MeshTimeout\nname: t\n",
        &[("", ".spec in body is required")],
    ),
    // Schema errors inside spec carry their path.
    (
        "type: MeshTrafficPermission\nname: mtp\nspec:\n  targetRef: {kind: Mesh}\n  from:\n  - targetRef: {kind: Mesh}\n    default: {action: foo}\n",
        &[(
            "spec.from[0].default.action",
            "in body should be one of [Allow Deny AllowWithShadowDeny]",
        )],
    ),
    (
        "type: MeshTimeout\nname: t\nspec:\n  targetRef: {kind: Foo, name: 5}\n",
        &[
            (
                "spec.targetRef.kind",
                "in body should be one of [Mesh MeshSubset MeshGateway MeshService MeshExternalService MeshMultiZoneService MeshServiceSubset MeshHTTPRoute Dataplane]",
            ),
            (
                "spec.targetRef.name",
                "in body must be of type string: \"number\"",
            ),
        ],
    ),
    // MeshTrafficPermission
    (
        "type: MeshTrafficPermission\nname: a\nspec: {targetRef: {kind: Mesh}}\n",
        &[(
            "spec",
            "at least one of 'from' or 'rules' has to be defined",
        )],
    ),
    (
        "type: MeshTrafficPermission\nname: b\nspec:\n  rules: [{default: {allow: [{spiffeID: {type: Exact, value: \"http://x\"}}]}}, {default: {}}]\n",
        &[
            (
                "spec.rules[0].allow[0].spiffeID",
                "must be a valid Spiffe ID: scheme is missing or invalid",
            ),
            (
                "spec.rules[1]",
                "at least one of 'allow', 'allowWithShadowDeny', 'deny' has to be defined",
            ),
        ],
    ),
    (
        "type: MeshTrafficPermission\nname: c\nspec:\n  from: [{targetRef: {kind: MeshService}, default: {}}]\n",
        &[
            (
                "spec.from[0].targetRef",
                "name or labels must be set when kind is MeshService",
            ),
            ("spec.from[0].default.action", "must be defined"),
        ],
    ),
    (
        "type: MeshTrafficPermission\nname: d\nspec:\n  targetRef: {kind: MeshHTTPRoute, name: r}\n  from: [{targetRef: {kind: Mesh, name: x}, default: {action: Allow}}]\n",
        &[
            (
                "spec.targetRef.kind",
                "value 'MeshHTTPRoute' is not supported",
            ),
            (
                "spec.from[0].targetRef.name",
                "using name with kind Mesh is not yet supported",
            ),
        ],
    ),
    // MeshTimeout
    (
        "type: MeshTimeout\nname: a\nspec:\n  to: [{targetRef: {kind: Mesh}, default: {connectionTimeout: 0s, http: {requestHeadersTimeout: -1s}}}]\n",
        &[
            (
                "spec.to[0].default.connectionTimeout",
                "must be greater than zero when defined",
            ),
            (
                "spec.to[0].default.http",
                "at least one timeout in this section should be configured",
            ),
            (
                "spec.to[0].default.http.requestHeadersTimeout",
                "must not be negative when defined",
            ),
        ],
    ),
    (
        "type: MeshTimeout\nname: b\nspec: {}\n",
        &[(
            "spec",
            "at least one of 'from', 'to' or 'rules' has to be defined",
        )],
    ),
    (
        "type: MeshTimeout\nname: c\nspec:\n  rules: [{matches: [{spiffeID: {type: Exact, value: \"spiffe://a/b\"}}], default: {idleTimeout: 1s}}, {default: {}}]\n",
        &[
            (
                "spec.rules[0].default.idleTimeout",
                "can't be specified when matches contain spiffeID because this field cannot be conditioned on source identity",
            ),
            (
                "spec.rules[1].default",
                "at least one timeout should be configured",
            ),
        ],
    ),
    // MeshRetry: the default's path has an extra `conf`.
    (
        "type: MeshRetry\nname: a\nspec:\n  to: [{targetRef: {kind: Mesh}, default: {http: {retryOn: [5xx, \"999\", foo]}, tcp: {}}}]\n",
        &[
            ("spec.to[0].default.conf.tcp", "must not be empty"),
            (
                "spec.to[0].default.conf.http.retryOn[1]",
                "unknown item '999'",
            ),
            (
                "spec.to[0].default.conf.http.retryOn[2]",
                "unknown item 'foo'",
            ),
        ],
    ),
    // MeshCircuitBreaker
    (
        "type: MeshCircuitBreaker\nname: a\nspec:\n  to: [{targetRef: {kind: Mesh}, default: {outlierDetection: {maxEjectionPercent: 150, interval: 0s}}}]\n",
        &[
            (
                "spec.to[0].default.outlierDetection.interval",
                "must be greater than zero when defined",
            ),
            (
                "spec.to[0].default.outlierDetection.maxEjectionPercent",
                "must be in inclusive range [0, 100]",
            ),
            (
                "spec.to[0].default.outlierDetection.detectors",
                "must be defined",
            ),
        ],
    ),
    (
        "type: MeshCircuitBreaker\nname: b\nspec:\n  rules: [{default: {}}]\n",
        &[(
            "spec.from[0].default",
            "at least one of: 'connectionLimits' or 'outlierDetection' should be configured",
        )],
    ),
    // MeshHealthCheck
    (
        "type: MeshHealthCheck\nname: a\nspec:\n  to: [{targetRef: {kind: Mesh}, default: {interval: 0s, http: {path: \"\"}, eventLogPath: \"rel\"}}]\n",
        &[
            (
                "spec.to[0].default.interval",
                "must be greater than zero when defined",
            ),
            (
                "spec.to[0].default.eventLogPath",
                "must be a valid path when defined",
            ),
            ("spec.to[0].default.http.path", "must be defined"),
        ],
    ),
    // MeshRateLimit: without a top-level targetRef the scope includes gateways.
    (
        "type: MeshRateLimit\nname: a\nspec:\n  from: [{targetRef: {kind: Mesh}, default: {local: {http: {requestRate: {num: 0, interval: 10ms}}}}}]\n",
        &[
            (
                "spec.from",
                "must not be defined when the scope includes a Gateway, select only proxyType Sidecar or select only gateways and use spec.to",
            ),
            (
                "spec.from[0].default.local.http.requestRate.num",
                "must be greater than 0",
            ),
            (
                "spec.from[0].default.local.http.requestRate.interval",
                "must be greater than: 50ms",
            ),
        ],
    ),
    // MeshFaultInjection: the index goes after the fault kind.
    (
        "type: MeshFaultInjection\nname: a\nspec:\n  targetRef: {kind: Mesh, proxyTypes: [Sidecar]}\n  from: [{targetRef: {kind: Mesh}, default: {http: [{abort: {httpStatus: 700, percentage: \"abc\"}, responseBandwidth: {limit: 5bps, percentage: 101}}]}}]\n  to: [{targetRef: {kind: Mesh}}]\n",
        &[
            ("spec.to", "must not be defined"),
            (
                "spec.from[0].default.http.abort[0].httpStatus",
                "must be in inclusive range [100, 599]",
            ),
            (
                "spec.from[0].default.http.abort[0].percentage",
                "string must be a valid number",
            ),
            (
                "spec.from[0].default.http.responseBandwidth[0].limit",
                "must be in kbps/Mbps/Gbps units",
            ),
            (
                "spec.from[0].default.http.responseBandwidth[0].percentage",
                "must be in inclusive range [0.0, 100.0]",
            ),
        ],
    ),
];

/// Go template errors in template fields.
const TEMPLATE_ERRORS: &[(&str, &[(&str, &str)])] = &[
    (
        "type: MeshIdentity\nname: t\nspec:\n  spiffeID: {trustDomain: \"{{ invalid }}\"}\n  provider: {type: Bundled, bundled: {autogenerate: {enabled: true}}}\n",
        &[(
            "spec.spiffeID.trustDomain",
            "couldn't parse template: template: :1: function \"invalid\" not defined",
        )],
    ),
    (
        "type: HostnameGenerator\nname: t\nspec:\n  selector: {meshService: {matchLabels: {a: b}}}\n  template: \"{{ .Name }}_x\"\n",
        &[(
            "spec.template",
            "template renders to \"name_x\" which is not a valid DNS name: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        )],
    ),
];

/// Valid documents of every new-style type: kumactl accepts them, the server creates them.
const VALID: &[&str] = &[
    "type: MeshTrafficPermission\nname: mtp\nspec:\n  targetRef: {kind: Dataplane, labels: {app: web}}\n  rules: [{default: {allow: [{spiffeID: {type: Prefix, value: \"spiffe://default/ns/web\"}}]}}]\n",
    "type: MeshTimeout\nname: mt\nspec:\n  targetRef: {kind: Dataplane, name: web}\n  to: [{targetRef: {kind: Mesh}, default: {idleTimeout: 20s, http: {requestTimeout: 2s}}}]\n",
    "type: MeshRetry\nname: mr\nspec:\n  to: [{targetRef: {kind: Mesh}, default: {http: {numRetries: 3, retryOn: [5xx, \"503\"]}, tcp: {maxConnectAttempt: 2}}}]\n",
    "type: MeshCircuitBreaker\nname: mcb\nspec:\n  to: [{targetRef: {kind: Mesh}, default: {connectionLimits: {maxConnections: 2}, outlierDetection: {detectors: {totalFailures: {consecutive: 5}}}}}]\n",
    "type: MeshHealthCheck\nname: mhc\nspec:\n  to: [{targetRef: {kind: Mesh}, default: {interval: 10s, timeout: 2s, tcp: {}}}]\n",
    "type: MeshRateLimit\nname: mrl\nspec:\n  targetRef: {kind: Mesh, proxyTypes: [Sidecar]}\n  rules: [{matches: [{spiffeID: {type: Prefix, value: \"spiffe://a\"}}], default: {local: {http: {requestRate: {num: 5, interval: 10s}}}}}]\n",
    "type: MeshFaultInjection\nname: mfi\nspec:\n  to: [{targetRef: {kind: Mesh}, default: {http: [{abort: {httpStatus: 500, percentage: 50}}]}}]\n",
];

/// Invalid documents of the other families (observability, proxy, routes, services).
const INVALID_MORE: &[(&str, &[(&str, &str)])] = &[
    (
        "type: MeshAccessLog\nname: b\nspec:\n  from: [{targetRef: {kind: Mesh}, default: {backends: [{type: Tcp, tcp: {address: \"bad address\", format: {type: Json, json: [{key: a, value: \"x\"}]}}}, {type: OpenTelemetry}]}}]\n",
        &[
            (
                "spec.from[0].default.backends[0].tcp.address",
                "tcp backend requires valid address",
            ),
            (
                "spec.from[0].default.backends[0].tcp.format.json[0]",
                "is not a valid JSON object",
            ),
            (
                "spec.from[0].default.backends[1].openTelemetry",
                "must be defined",
            ),
        ],
    ),
    (
        "type: MeshTrace\nname: b\nspec:\n  default: {backends: [{type: Datadog, datadog: {url: \"https://x:9999/a\"}}], tags: [{name: t}], sampling: {client: \"abc\", random: 200}}\n",
        &[
            (
                "spec.default.backends[0].datadog.url",
                "scheme must be http",
            ),
            (
                "spec.default.backends[0].datadog.url",
                "path must not be defined",
            ),
            (
                "spec.default.tags[0]",
                "tag must have only one type defined: header, literal",
            ),
            ("spec.default.sampling.client", "string is not a number"),
            ("spec.default.sampling.random", "must be between 0 and 100"),
        ],
    ),
    (
        "type: MeshMetric\nname: b\nspec:\n  default: {sidecar: {profiles: {appendProfiles: [{name: Foo}], exclude: [{type: Regex, match: \"(\"}]}}, backends: [{type: OpenTelemetry, openTelemetry: {endpoint: \"otel\"}}]}\n",
        &[(
            "spec.default.sidecar.profiles.appendProfiles[0].name",
            "in body should be one of [All Basic None]",
        )],
    ),
    (
        "type: MeshProxyPatch\nname: b\nspec:\n  default: {appendModifications: [{cluster: {operation: Patch}}, {httpFilter: {operation: AddBefore, value: \"x\"}, listener: {operation: Remove}}, {networkFilter: {operation: Patch, match: {name: x}, jsonPatches: [{op: move, path: /a, value: 1}]}}]}\n",
        &[
            (
                "spec.default.appendModifications[0].cluster",
                "cluster must have exactly one defined: value, jsonPatches",
            ),
            (
                "spec.default.appendModifications[1]",
                "exactly one modification can be defined at a time. Currently, 2 modifications are defined",
            ),
            (
                "spec.default.appendModifications[2].networkFilter.jsonPatches[0].from",
                "\"from\" must not be empty when \"op\" is one of [\"move\", \"copy\"]",
            ),
            (
                "spec.default.appendModifications[2].networkFilter.jsonPatches[0].value",
                "\"value\" is allowed only when \"op\" is one of [\"add\", \"replace\"]",
            ),
        ],
    ),
    (
        "type: MeshPassthrough\nname: b\nspec:\n  default: {appendMatch: [{type: IP, value: \"1.1.1\", protocol: tcp}, {type: Domain, value: \"*foo.com\", protocol: tcp}, {type: Domain, value: \"*.foo.com\", protocol: http}]}\n",
        &[
            (
                "spec.default.appendMatch[0].value",
                "provided IP has incorrect value",
            ),
            (
                "spec.default.appendMatch[1].protocol",
                "protocol tcp is not supported for a domain",
            ),
            (
                "spec.default.appendMatch[1].value",
                "provided DNS has incorrect value, partial wildcard is currently not supported",
            ),
            (
                "spec.default.appendMatch[2].port",
                "wildcard domains doesn't work for all ports and layer 7 protocol",
            ),
        ],
    ),
    (
        "type: MeshTLS\nname: b\nspec:\n  targetRef: {kind: Dataplane, labels: {app: x}}\n  rules: [{default: {tlsCiphers: [ECDHE-RSA-AES128-GCM-SHA256], tlsVersion: {min: TLS13, max: TLS12}}}]\n",
        &[
            (
                "spec.rules[0].default.tlsCiphers",
                "tlsCiphers can only be defined with top level targetRef kind: Mesh",
            ),
            (
                "spec.rules[0].default.tlsVersion",
                "tlsVersion can only be defined with top level targetRef kind: Mesh",
            ),
            (
                "spec.rules[0].default.tlsVersion.min",
                "min version must be lower than max",
            ),
        ],
    ),
    (
        "type: MeshHTTPRoute\nname: b\nspec:\n  to: [{targetRef: {kind: MeshService, name: backend}, hostnames: [x.com], rules: [{matches: [{path: {type: PathPrefix, value: api/}, queryParams: [{type: Exact, name: a, value: \"1\"}, {type: Exact, name: a, value: \"2\"}]}], default: {filters: [{type: RequestHeaderModifier}, {type: URLRewrite, urlRewrite: {hostname: \"1.1.1.1\", hostToBackendHostname: true}}], backendRefs: [{kind: MeshMultiZoneService, name: m}]}}]}]\n",
        &[
            (
                "spec.to[0].rules[0].matches[0].path.value",
                "does not need a trailing slash because only a `/`-separated prefix or an entire path is matched",
            ),
            (
                "spec.to[0].rules[0].matches[0].path.value",
                "must be an absolute path",
            ),
            (
                "spec.to[0].rules[0].matches[0].queryParams[1].name",
                "multiple entries for name a",
            ),
            (
                "spec.to[0].rules[0].default.filters[0].requestHeaderModifier",
                "must be defined",
            ),
            (
                "spec.to[0].rules[0].default.filters[1].urlRewrite.hostname",
                "cannot be an IP address",
            ),
            (
                "spec.to[0].rules[0].default.filters[1].urlRewrite.hostToBackendHostname",
                "can only be set with MeshGateway",
            ),
            (
                "spec.to[0].rules[0].default.filters[1].urlRewrite.hostToBackendHostname",
                "cannot be set together with hostname",
            ),
            (
                "spec.to[0].rules[0].default.backendRefs[0].port",
                "must be defined with kind MeshMultiZoneService",
            ),
            ("spec.to[0].hostnames", "must not be defined"),
        ],
    ),
    (
        "type: MeshTCPRoute\nname: b\nspec:\n  to: [{targetRef: {kind: Mesh}, rules: [{default: {}}]}]\n",
        &[
            ("spec.to[0].targetRef.kind", "value 'Mesh' is not supported"),
            ("spec.to[0].rules[0].default.backendRefs", "must be defined"),
        ],
    ),
    (
        "type: MeshLoadBalancingStrategy\nname: b\nspec:\n  targetRef: {kind: MeshGateway, name: gw}\n  to: [{targetRef: {kind: MeshService, name: backend}, default: {loadBalancer: {type: RoundRobin}}}, {targetRef: {kind: Mesh}, default: {hashPolicies: [{type: Cookie, cookie: {name: c, path: rel}}, {type: Header}], localityAwareness: {localZone: {affinityTags: [{key: a, weight: 1}, {key: \"\"}]}}}}]\n",
        &[
            (
                "spec.to[0].targetRef.kind",
                "value 'MeshGateway' is not supported, only Mesh is allowed if loadBalancer is set",
            ),
            (
                "spec.to[1].default.hashPolicies[0].cookie.path",
                "must be an absolute path",
            ),
            (
                "spec.to[1].default.hashPolicies[1].header",
                "must be defined",
            ),
            (
                "spec.to[1].default.localityAwareness.localZone.affinityTags[1].key",
                "must not be empty",
            ),
            (
                "spec.to[1].default.localityAwareness.localZone.affinityTags",
                "all or none affinity tags should have weight",
            ),
        ],
    ),
    (
        "type: MeshExternalService\nname: b\nspec:\n  match: {port: 443, protocol: http}\n  endpoints: [{address: \"not valid!\", port: 443}]\n  tls: {version: {min: TLS13, max: TLS12}, verification: {serverName: \"bad name!\", clientCert: {secret: s}}}\n",
        &[
            (
                "spec.endpoints[0].address",
                "address has to be a valid IP or hostname",
            ),
            ("spec.tls.version.min", "min version must be lower than max"),
            (
                "spec.tls.verification.serverName",
                "must be a valid DNS name",
            ),
            (
                "spec.tls.verification.clientKey",
                "must be defined when clientCert is defined",
            ),
        ],
    ),
    (
        "type: MeshService\nname: b\nspec:\n  selector: {dataplaneTags: {app: redis}, dataplaneRef: {name: dp}}\n",
        &[(
            "spec.selector",
            "must specify only one of: dataplaneTags, dataplaneRef, or dataplaneLabels",
        )],
    ),
    (
        "type: MeshMultiZoneService\nname: b\nspec:\n  selector: {meshService: {matchLabels: {}}}\n  ports: [{port: 6379, name: \"\", appProtocol: foo}]\n",
        &[
            ("spec.selector.meshService.matchLabels", "cannot be empty"),
            ("spec.ports[0].name", "must not be empty"),
            (
                "spec.ports[0].appProtocol",
                "appProtocol must be one of: grpc, http, http2, kafka, tcp",
            ),
        ],
    ),
    (
        "type: MeshTrust\nname: b\nspec:\n  trustDomain: \"\"\n  caBundles: [{type: Pem, pem: {value: \"nothing\"}}, {type: Pem}]\n",
        &[
            (
                "spec.caBundles[0].pem.value",
                "provided certificate has incorrect format",
            ),
            ("spec.caBundles[1].pem", "must be defined"),
            ("spec.trustDomain", "trustDomain needs to be defined"),
        ],
    ),
    (
        "type: HostnameGenerator\nname: b\nspec:\n  selector: {}\n  template: \"\"\n",
        &[
            (
                "spec.selector",
                "exact one selector (meshService, meshExternalService) must be defined",
            ),
            ("spec.template", "must not be empty"),
        ],
    ),
    (
        "type: MeshOpenTelemetryBackend\nname: b\nspec:\n  endpoint: {address: \"bad addr!\", port: 4317, path: /v1}\n",
        &[
            (
                "spec.endpoint.address",
                "address has to be a valid IP or hostname",
            ),
            (
                "spec.endpoint.path",
                "must not be set when protocol is grpc",
            ),
        ],
    ),
    (
        "type: MeshIdentity\nname: b\nspec:\n  provider: {type: Bundled, bundled: {ca: {certificate: {type: File, file: {path: \"rel/cert\"}}}, certificateParameters: {expiry: \"-1h\"}}}\n",
        &[
            (
                "spec.provider.bundled.ca.certificate.file.path",
                "file path must be absolute: rel/cert",
            ),
            ("spec.provider.bundled.ca.privateKey", "must be defined"),
            (
                "spec.provider.bundled.certificateParameters.expiry",
                "must not be negative when defined",
            ),
        ],
    ),
    (
        "type: MeshZoneAddress\nname: b\nspec: {address: 1.1.1.1}\n",
        &[("spec.port", "in body is required")],
    ),
    // Kuma's own path quirks: MeshMetric's `application[k]` and `backend[k]` segments,
    // MeshIdentity's doubled `spire.agent` (Go:
    // `pkg/plugins/policies/meshmetric/api/v1alpha1/validator.go`,
    // `pkg/core/resources/apis/meshidentity/api/v1alpha1/validator.go`).
    (
        "type: MeshMetric\nname: c\nspec:\n  default: {applications: [{port: 0, path: /m}, {port: 8080, path: /n}], backends: [{type: Prometheus, prometheus: {port: 0, path: /m}}, {type: Prometheus}]}\n",
        &[
            (
                "spec.default.applications.application[0]",
                "port must be a valid (1-65535)",
            ),
            (
                "spec.default.backends.backend[0].port",
                "port must be a valid (1-65535)",
            ),
            (
                "spec.default.backends.backend[1].prometheus",
                "must be defined",
            ),
        ],
    ),
    (
        "type: MeshIdentity\nname: c\nspec:\n  provider: {type: Spire, spire: {agent: {timeout: -1s}}}\n",
        &[(
            "spec.provider.spire.agent.spire.agent.timeout",
            "must not be negative when defined",
        )],
    ),
];

/// Valid documents of the other families.
const VALID_MORE: &[&str] = &[
    "type: MeshAccessLog\nname: a\nspec:\n  to: [{targetRef: {kind: Mesh}, default: {backends: [{type: File, file: {path: /tmp/log, format: {type: Plain, plain: \"[%START_TIME%] -> x\"}}}]}}]\n",
    "type: MeshTrace\nname: a\nspec:\n  default: {backends: [{type: Zipkin, zipkin: {url: \"http://jaeger:9411/api/v2/spans\"}}], sampling: {overall: 80}}\n",
    "type: MeshMetric\nname: a\nspec:\n  default: {backends: [{type: Prometheus, prometheus: {port: 5670, path: /metrics}}]}\n",
    "type: MeshProxyPatch\nname: a\nspec:\n  default: {appendModifications: [{cluster: {operation: Add, value: \"name: x\"}}]}\n",
    "type: MeshPassthrough\nname: a\nspec:\n  default: {passthroughMode: Matched, appendMatch: [{type: Domain, value: api.example.com, protocol: tls, port: 443}]}\n",
    "type: MeshTLS\nname: a\nspec:\n  rules: [{default: {mode: Strict, tlsVersion: {min: TLS12, max: TLS13}}}]\n",
    "type: MeshHTTPRoute\nname: a\nspec:\n  targetRef: {kind: Mesh}\n  to: [{targetRef: {kind: MeshService, name: backend}, rules: [{matches: [{path: {type: PathPrefix, value: /api}}], default: {backendRefs: [{kind: MeshService, name: backend-v2, port: 80}]}}]}]\n",
    "type: MeshTCPRoute\nname: a\nspec:\n  to: [{targetRef: {kind: MeshService, name: backend}, rules: [{default: {backendRefs: [{kind: MeshService, name: b2, port: 80}]}}]}]\n",
    "type: MeshLoadBalancingStrategy\nname: a\nspec:\n  to: [{targetRef: {kind: MeshService, name: backend}, default: {loadBalancer: {type: RingHash}, hashPolicies: [{type: Header, header: {name: x}}]}}]\n",
    "type: MeshExternalService\nname: a\nspec:\n  match: {port: 443}\n  endpoints: [{address: example.com, port: 443}]\n  tls: {enabled: true}\n",
    "type: MeshService\nname: a\nspec:\n  selector: {dataplaneTags: {app: redis}}\n  ports: [{port: 6379, targetPort: 6379, protocol: tcp}]\n",
    "type: MeshMultiZoneService\nname: a\nspec:\n  selector: {meshService: {matchLabels: {app: redis}}}\n  ports: [{port: 6379, name: redis}]\n",
    "type: MeshTrust\nname: a\nspec:\n  trustDomain: example.org\n  caBundles: [{type: Pem, pem: {value: \"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n\"}}]\n",
    "type: HostnameGenerator\nname: a\nspec:\n  selector: {meshService: {matchLabels: {kuma.io/origin: zone}}}\n  template: \"{{ .DisplayName }}.svc.mesh.local\"\n",
    "type: MeshOpenTelemetryBackend\nname: a\nspec:\n  endpoint: {address: otel-collector, port: 4317}\n",
    "type: MeshIdentity\nname: a\nspec:\n  selector: {}\n  provider: {type: Bundled, bundled: {autogenerate: {enabled: true}}}\n",
    "type: Workload\nname: a\nspec: {}\nstatus: {dataplaneProxies: {connected: 5, healthy: 5, total: 5}}\n",
    "type: MeshZoneAddress\nname: a\nspec: {address: 1.1.1.1, port: 10001}\n",
];

#[test]
fn valid_documents_pass_kumactl_and_the_server() {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    for doc in VALID.iter().chain(VALID_MORE) {
        let out = dry_run(&env, doc);
        assert_eq!((out.code, out.stderr.as_str()), (0, ""), "{doc}");
        let body = to_json(doc);
        let reply = api.put(&item_path(&body), &body);
        assert_eq!((reply.status, reply.json()), (201, json!({})), "{doc}");
    }
}

#[test]
fn invalid_documents_are_refused_by_kumactl_and_the_server() {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    for (doc, violations) in INVALID.iter().chain(INVALID_MORE).chain(TEMPLATE_ERRORS) {
        let joined = violations
            .iter()
            .map(|(f, r)| format!("{f}: {r}"))
            .collect::<Vec<_>>()
            .join("; ");
        let out = dry_run(&env, doc);
        assert_outcome(
            &out,
            "",
            &format!(
                "resource[0]: failed to parse resource: {joined}\nError: failed to validate some resources\n"
            ),
            1,
        );
        let body = to_json(doc);
        let reply = api.put(&item_path(&body), &body);
        assert_eq!(
            (reply.status, reply.json()),
            (400, not_processed(violations)),
            "{doc}"
        );
    }
}

#[test]
fn server_body_type_and_shape() {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    // A wrong `type` is a schema error for new types.
    let reply = api.put(
        "/meshes/default/meshtrafficpermissions/mtp",
        &json!({"type": "MeshTimeout", "name": "mtp", "spec": {}}),
    );
    assert_eq!(
        reply.json(),
        not_processed(&[("", "type in body should be one of [MeshTrafficPermission]")])
    );
    // Without `mesh` the body says `default` (the schema default): fine for the mesh
    // `default` only.
    assert_eq!(
        api.put("/meshes/other", &json!({"type": "Mesh", "name": "other"}))
            .status,
        201
    );
    let timeout = json!({"type": "MeshTimeout", "name": "t",
        "spec": {"to": [{"targetRef": {"kind": "Mesh"}, "default": {"idleTimeout": "1s"}}]}});
    let reply = api.put("/meshes/other/meshtimeouts/t", &timeout);
    assert_eq!(
        reply.json(),
        not_processed(&[("mesh", "mesh from the URL has to be the same as in body")])
    );
    assert_eq!(
        api.put("/meshes/default/meshtimeouts/t", &timeout).status,
        201
    );
    let reply = api.put("/meshes/default/meshtimeouts/t", &json!([]));
    assert_eq!(
        (reply.status, reply.json()["detail"].clone()),
        (
            400,
            json!(
                "invalid MeshTimeout object: \"json: cannot unmarshal array into Go value of type map[string]interface {}\""
            )
        )
    );
}

/// Documents whose PUT succeeds with deprecation warnings: the server answers them,
/// kumactl prints each as `Warning: <w>`.
const WARNINGS: &[(&str, &[&str])] = &[
    (
        "type: MeshService\nname: aa.a\nspec:\n  selector: {dataplaneTags: {app: redis}}\n  ports: [{port: 8081, targetPort: 6379, protocol: tcp}]\n",
        &[
            "Invalid MeshService resource name: 'aa.a'. It does not conform to the DNS format (RFC 1035). This is deprecated. Errors: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
            "Invalid MeshService SNI (port \"8081\"): name \"aa.a\" does not conform to RFC 1123: must not contain dots. This is deprecated.",
        ],
    ),
    (
        "type: MeshTrafficPermission\nname: mtp\nspec:\n  targetRef: {kind: Mesh}\n  from: [{targetRef: {kind: MeshService, name: web}, default: {action: Allow}}]\n",
        &[
            "'from' field is deprecated and will be removed in 3.0, use 'rules' with MeshIdentity (spiffeId) instead",
            "MeshService value for 'from[].targetRef.kind' is deprecated, use MeshSubset with 'kuma.io/service' instead",
        ],
    ),
    (
        "type: MeshTimeout\nname: w\nspec:\n  targetRef: {kind: MeshService, name: web}\n  from: [{targetRef: {kind: Mesh}, default: {idleTimeout: 1s}}]\n",
        &[
            "'from' field is deprecated, use 'rules' instead",
            "MeshService value for 'targetRef.kind' is deprecated, use Dataplane with labels instead",
        ],
    ),
    // MeshHealthCheck puts the targetRef warning first.
    (
        "type: MeshHealthCheck\nname: w\nspec:\n  targetRef: {kind: MeshSubset, tags: {a: b}}\n  to: [{targetRef: {kind: Mesh}, default: {tcp: {}, healthyPanicThreshold: 10}}]\n",
        &[
            "MeshSubset value for 'targetRef.kind' is deprecated, use Dataplane with labels instead",
            "healthyPanicThreshold for 'to[].default' is deprecated. The setting has been moved to MeshCircuitBreaker policy, please use MeshCircuitBreaker policy instead.",
        ],
    ),
    (
        "type: MeshRateLimit\nname: w\nspec:\n  targetRef: {kind: Mesh, proxyTypes: [Sidecar]}\n  rules: [{matches: [{sni: {type: Exact, value: a.b}}], default: {local: {http: {onRateLimit: {status: 200}}}}}]\n",
        &[
            "'spec.rules[0].default.local.http.requestRate.status' must be 400 or higher. Please update your configuration.",
        ],
    ),
    (
        "type: MeshTrace\nname: w\nspec:\n  default: {backends: [{type: OpenTelemetry, openTelemetry: {endpoint: \"otel:4317\"}}]}\n",
        &[
            "openTelemetry.endpoint is deprecated, use openTelemetry.backendRef with a MeshOpenTelemetryBackend resource instead",
        ],
    ),
    (
        "type: MeshLoadBalancingStrategy\nname: w\nspec:\n  to: [{targetRef: {kind: MeshService, name: backend}, default: {loadBalancer: {type: RingHash, ringHash: {hashPolicies: [{type: SourceIP, connection: {sourceIP: true}}]}}}}]\n",
        &[
            "configuration 'spec.to[0].default.loadBalancer.ringHash.hashPolicies' is deprecated, use 'spec.to[0].default.hashPolicies' instead",
            "SourceIP type for 'spec.to[0].default.loadBalancer.ringHash.hashPolicies[0].type' is deprecated, use Connection instead",
        ],
    ),
];

#[test]
fn deprecation_warnings() {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    for (doc, warnings) in WARNINGS {
        let body = to_json(doc);
        let reply = api.put(&item_path(&body), &body);
        assert_eq!(
            (reply.status, reply.json()),
            (201, json!({ "warnings": warnings })),
            "{doc}"
        );
        // Updated through kumactl: the same warnings on stderr.
        let out = run(env.kumactl().args(["apply", "-f", "-"]).write_stdin(*doc));
        let stderr: String = warnings.iter().map(|w| format!("Warning: {w}\n")).collect();
        let mesh = if body["type"] == "HostnameGenerator" {
            ""
        } else {
            "default"
        };
        assert_outcome(
            &out,
            &format!(
                "resource type=\"{}\" mesh=\"{mesh}\" name=\"{}\" Updated\n",
                body["type"].as_str().unwrap(),
                body["name"].as_str().unwrap()
            ),
            &stderr,
            0,
        );
    }
}

/// GET of `path` without the server's times.
fn get_without_times(api: &Api, path: &str) -> String {
    let mut value = api.get(path).json();
    let fields = value.as_object_mut().expect("an object");
    fields.shift_remove("creationTime");
    fields.shift_remove("modificationTime");
    serde_json::to_string(&value).unwrap()
}

#[test]
fn computed_fields_and_status() {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    // `snis` per port sorted by port, `state` and `appProtocol` from the schema, a fresh
    // status; the request's `protocol`, `snis` and `status` are not taken. Spec keys in Go
    // struct order.
    let body = json!({"type": "MeshService", "name": "redis", "mesh": "default",
        "snis": [{"port": 1, "sni": "x"}],
        "spec": {"selector": {"dataplaneTags": {"app": "redis"}},
                 "ports": [{"port": 6380, "name": "b"}, {"port": 6379, "targetPort": 6379, "protocol": "tcp"}]},
        "status": {"vips": [{"ip": "1.1.1.1"}]}});
    assert_eq!(
        api.put("/meshes/default/meshservices/redis", &body).status,
        201
    );
    assert_eq!(
        get_without_times(&api, "/meshes/default/meshservices/redis"),
        r#"{"type":"MeshService","mesh":"default","name":"redis","labels":{"kuma.io/env":"universal","kuma.io/mesh":"default","kuma.io/origin":"zone","kuma.io/zone":"default"},"kri":"kri_msvc_default_default__redis_","snis":[{"port":6379,"sni":"sni.msvc.default.default.redis.6379"},{"port":6380,"sni":"sni.msvc.default.default.redis.b"}],"spec":{"state":"Unavailable","selector":{"dataplaneTags":{"app":"redis"}},"ports":[{"name":"b","port":6380,"appProtocol":"tcp"},{"port":6379,"targetPort":6379,"appProtocol":"tcp"}]},"status":{"tls":{},"dataplaneProxies":{}}}"#
    );
    // Once a Dataplane serves every port on a ready inbound, the service is available
    // (on GET and in lists).
    for (name, port) in [("redis-1", 6379), ("redis-2", 6380)] {
        let dataplane = json!({"type": "Dataplane", "mesh": "default", "name": name,
            "networking": {"address": "10.0.0.1", "inbound": [
                {"port": port, "tags": {"kuma.io/service": "redis", "app": "redis"}},
                {"port": 6380, "name": "b", "tags": {"kuma.io/service": "redis", "app": "redis"}}]}});
        assert_eq!(
            api.put(&format!("/meshes/default/dataplanes/{name}"), &dataplane)
                .status,
            201
        );
    }
    let computed = json!({"state": "Available", "counters": {"healthy": 1, "total": 2}});
    let stored = api.get("/meshes/default/meshservices/redis").json();
    assert_eq!(
        json!({"state": stored["spec"]["state"], "counters": stored["status"]["dataplaneProxies"]}),
        computed
    );
    let listed = api.get("/meshes/default/meshservices").json()["items"][0].clone();
    assert_eq!(
        json!({"state": listed["spec"]["state"], "counters": listed["status"]["dataplaneProxies"]}),
        computed
    );
    // A MeshExternalService's one SNI is its match port.
    let body = json!({"type": "MeshExternalService", "name": "mes-tcp", "mesh": "default",
        "spec": {"match": {"port": 4242}, "endpoints": [{"address": "1.1.1.1", "port": 4242}]}});
    assert_eq!(
        api.put("/meshes/default/meshexternalservices/mes-tcp", &body)
            .status,
        201
    );
    let stored = api
        .get("/meshes/default/meshexternalservices/mes-tcp")
        .json();
    assert_eq!(
        (stored["snis"].clone(), stored["status"].clone()),
        (
            json!([{"port": 4242, "sni": "sni.extsvc.default.default.mes-tcp.4242"}]),
            json!({"vip": {}})
        )
    );
    // kumactl decodes a document's status as Go does (over the zero status); the server
    // never takes it.
    let out = dry_run(
        &env,
        "type: MeshService\nname: w\nspec: {selector: {dataplaneTags: {app: w}}}\nstatus: {vips: [{ip: 1.1.1.1}], x: 1}\n",
    );
    assert_outcome(
        &out,
        "creationTime: \"0001-01-01T00:00:00Z\"\nkri: kri_msvc_default___w_\nmesh: default\nmodificationTime: \"0001-01-01T00:00:00Z\"\nname: w\nspec:\n  selector:\n    dataplaneTags:\n      app: w\n  state: Unavailable\nstatus:\n  dataplaneProxies: {}\n  tls: {}\n  vips:\n  - ip: 1.1.1.1\ntype: MeshService\n",
        "",
        0,
    );
    // A Workload's status counters are the server's, on create and on update.
    let body = json!({"type": "Workload", "name": "w", "mesh": "default", "spec": {},
        "status": {"dataplaneProxies": {"connected": 5, "healthy": 5, "total": 5}}});
    for status in [201, 200] {
        assert_eq!(api.put("/meshes/default/workloads/w", &body).status, status);
        assert_eq!(
            api.get("/meshes/default/workloads/w").json()["status"],
            json!({"dataplaneProxies": {"connected": 0, "healthy": 0, "total": 0}})
        );
    }
    // MeshTrust: `status.origin` is cleared, `spec.origin` kept with a warning.
    let body = json!({"type": "MeshTrust", "name": "t", "mesh": "default",
        "spec": {"origin": {"kri": "kri_mid_default___i_"}, "trustDomain": "example.org",
                 "caBundles": [{"type": "Pem", "pem": {"value": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"}}]},
        "status": {"origin": {"kri": "x"}}});
    let reply = api.put("/meshes/default/meshtrusts/t", &body);
    assert_eq!(
        (reply.status, reply.json()),
        (
            201,
            json!({"warnings": ["setting spec.origin field is deprecated"]})
        )
    );
    let stored = api.get("/meshes/default/meshtrusts/t").json();
    assert_eq!(
        (stored["spec"]["origin"].clone(), stored["status"].clone()),
        (json!({"kri": "kri_mid_default___i_"}), json!({}))
    );
    // Types without status have no `status` key.
    let body = to_json(VALID[0]);
    assert_eq!(api.put(&item_path(&body), &body).status, 201);
    assert!(api.get(&item_path(&body)).json().get("status").is_none());
}

#[test]
fn durations_are_decoded_before_validation() {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    let doc = "type: MeshTimeout\nname: c\nspec:\n  to: [{targetRef: {kind: Mesh}, default: {idleTimeout: abc}}]\n";
    assert_outcome(
        &dry_run(&env, doc),
        "",
        "resource[0]: failed to parse resource: invalid MeshTimeout object: \"time: invalid duration \\\"abc\\\"\"\nError: failed to validate some resources\n",
        1,
    );
    let reply = api.put("/meshes/default/meshtimeouts/c", &to_json(doc));
    assert_eq!(
        (reply.status, reply.json()["detail"].clone()),
        (
            400,
            json!("invalid MeshTimeout object: \"time: invalid duration \\\"abc\\\"\"")
        )
    );
    // Stored as Go writes a Duration.
    let doc = "type: MeshTimeout\nname: d\nspec:\n  to: [{targetRef: {kind: Mesh}, default: {idleTimeout: 5m}}]\n";
    assert_eq!(
        api.put("/meshes/default/meshtimeouts/d", &to_json(doc))
            .status,
        201
    );
    assert_eq!(
        api.get("/meshes/default/meshtimeouts/d").json()["spec"]["to"][0]["default"]["idleTimeout"],
        "5m0s"
    );
}

#[test]
fn defaults_and_decoding_show_in_dry_run_and_get() {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    // No mesh: the schema default `default`; unknown keys and `status` dropped.
    let doc = "type: MeshTimeout\nname: t1\nspec:\n  targetRef:\n    kind: Mesh\n  to:\n  - targetRef:\n      kind: Mesh\n    default:\n      idleTimeout: 20s\n      bogus: 1\n  zzz: 1\nstatus: {a: 1}\nextra: 1\n";
    let out = dry_run(&env, doc);
    assert_outcome(
        &out,
        "creationTime: \"0001-01-01T00:00:00Z\"\nkri: kri_mt_default___t1_\nmesh: default\nmodificationTime: \"0001-01-01T00:00:00Z\"\nname: t1\nspec:\n  targetRef:\n    kind: Mesh\n  to:\n  - default:\n      idleTimeout: 20s\n    targetRef:\n      kind: Mesh\ntype: MeshTimeout\n",
        "",
        0,
    );
    // Defaults inside the spec, the computed `snis` and the fresh status.
    let out = dry_run(
        &env,
        "type: MeshExternalService\nname: a\nspec:\n  match: {port: 443}\n  endpoints: [{address: example.com, port: 443}]\n  tls: {enabled: true}\n",
    );
    assert_outcome(
        &out,
        "creationTime: \"0001-01-01T00:00:00Z\"\nkri: kri_extsvc_default___a_\nmesh: default\nmodificationTime: \"0001-01-01T00:00:00Z\"\nname: a\nsnis:\n- port: 443\n  sni: sni.extsvc.default.a.443\nspec:\n  endpoints:\n  - address: example.com\n    port: 443\n  match:\n    port: 443\n    protocol: tcp\n    type: HostnameGenerator\n  tls:\n    allowRenegotiation: false\n    enabled: true\nstatus:\n  vip: {}\ntype: MeshExternalService\n",
        "",
        0,
    );
    let body = to_json(doc);
    assert_eq!(
        api.put("/meshes/default/meshtimeouts/t1", &body).status,
        201
    );
    let mut stored = api.get("/meshes/default/meshtimeouts/t1").json();
    let fields = stored.as_object_mut().unwrap();
    fields.shift_remove("creationTime");
    fields.shift_remove("modificationTime");
    assert_eq!(
        serde_json::to_string(&stored).unwrap(),
        r#"{"type":"MeshTimeout","mesh":"default","name":"t1","labels":{"kuma.io/env":"universal","kuma.io/mesh":"default","kuma.io/origin":"zone","kuma.io/zone":"default"},"kri":"kri_mt_default_default__t1_","spec":{"targetRef":{"kind":"Mesh"},"to":[{"targetRef":{"kind":"Mesh"},"default":{"idleTimeout":"20s"}}]}}"#
    );
}

#[test]
fn key_order_of_answers_and_printing() {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    // Keys given in an arbitrary order come back in Go struct order.
    let body = json!({"spec": {"to": [{"default": {"http": {"requestTimeout": "4s"}}, "targetRef": {"name": "api", "kind": "MeshService"}}],
                               "targetRef": {"kind": "Mesh"}},
                      "name": "timeout-1", "type": "MeshTimeout", "labels": {"team": "a"}});
    assert_eq!(
        api.put("/meshes/default/meshtimeouts/timeout-1", &body)
            .status,
        201
    );
    let masked = |text: &str| {
        regex::Regex::new(r"\d{4}-\d\d-\d\dT[0-9:.]+Z")
            .unwrap()
            .replace_all(text, "T")
            .into_owned()
    };
    let out = run(env
        .kumactl()
        .args(["get", "meshtimeout", "timeout-1", "-o", "json"]));
    assert_eq!(
        (masked(&out.stdout), out.stderr.as_str(), out.code),
        (
            "{\n  \"type\": \"MeshTimeout\",\n  \"mesh\": \"default\",\n  \"name\": \"timeout-1\",\n  \"creationTime\": \"T\",\n  \"modificationTime\": \"T\",\n  \"labels\": {\n    \"kuma.io/env\": \"universal\",\n    \"kuma.io/mesh\": \"default\",\n    \"kuma.io/origin\": \"zone\",\n    \"kuma.io/zone\": \"default\",\n    \"team\": \"a\"\n  },\n  \"kri\": \"kri_mt_default_default__timeout-1_\",\n  \"spec\": {\n    \"targetRef\": {\n      \"kind\": \"Mesh\"\n    },\n    \"to\": [\n      {\n        \"targetRef\": {\n          \"kind\": \"MeshService\",\n          \"name\": \"api\"\n        },\n        \"default\": {\n          \"http\": {\n            \"requestTimeout\": \"4s\"\n          }\n        }\n      }\n    ]\n  }\n}\n".to_string(),
            "",
            0
        )
    );
    // YAML: one document, every key sorted (`type` after `spec`).
    let out = run(env
        .kumactl()
        .args(["get", "meshtimeout", "timeout-1", "-o", "yaml"]));
    assert_eq!(
        (masked(&out.stdout), out.stderr.as_str(), out.code),
        (
            "creationTime: \"T\"\nkri: kri_mt_default_default__timeout-1_\nlabels:\n  kuma.io/env: universal\n  kuma.io/mesh: default\n  kuma.io/origin: zone\n  kuma.io/zone: default\n  team: a\nmesh: default\nmodificationTime: \"T\"\nname: timeout-1\nspec:\n  targetRef:\n    kind: Mesh\n  to:\n  - default:\n      http:\n        requestTimeout: 4s\n    targetRef:\n      kind: MeshService\n      name: api\ntype: MeshTimeout\n".to_string(),
            "",
            0
        )
    );
}

#[test]
fn display_name_length_is_a_manager_check() {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    let name = "a".repeat(64);
    let body = json!({"type": "Workload", "name": name, "mesh": "default", "spec": {}});
    // kumactl cannot see it (Kuma runs the rule with the request's meta only).
    let doc = format!("type: Workload\nname: {name}\nspec: {{}}\n");
    assert_eq!(dry_run(&env, &doc).code, 0);
    let reply = api.put(&format!("/meshes/default/workloads/{name}"), &body);
    let detail = "Resource is not valid";
    assert_eq!(
        (reply.status, reply.json()),
        (
            400,
            json!({"type": "/std-errors", "status": 400, "title": "Failed to create a resource",
                   "detail": detail,
                   "invalid_parameters": [{"field": "name", "reason": "must not be longer than 63 characters"}],
                   "details": detail,
                   "causes": [{"field": "name", "message": "must not be longer than 63 characters"}]})
        )
    );
}

#[test]
fn policy_role_label_narrows_top_level_kinds_at_the_manager_step() {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    let body = |labels: Value| {
        json!({"type": "MeshTimeout", "name": "gw", "mesh": "default", "labels": labels,
               "spec": {"targetRef": {"kind": "MeshGateway", "name": "edge"},
                        "to": [{"targetRef": {"kind": "Mesh"}, "default": {"idleTimeout": "1s"}}]}})
    };
    let reply = api.put(
        "/meshes/default/meshtimeouts/gw",
        &body(json!({"kuma.io/policy-role": "consumer"})),
    );
    assert_eq!(
        (
            reply.status,
            reply.json()["title"].clone(),
            reply.json()["invalid_parameters"].clone()
        ),
        (
            400,
            json!("Failed to create a resource"),
            json!([{"field": "spec.targetRef.kind", "reason": "value 'MeshGateway' is not supported"}])
        )
    );
    assert_eq!(
        api.put("/meshes/default/meshtimeouts/gw", &body(json!({})))
            .status,
        201
    );
}
