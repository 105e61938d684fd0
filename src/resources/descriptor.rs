//! Every resource type that Kuma 2.14's REST API serves, as data. kumactl's apply, get and
//! delete, and kuma-cp-lite's REST API, all work from this table: adding a type is adding
//! a row.

/// Where a resource lives: `/<path>/<name>` or `/meshes/<mesh>/<path>/<name>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Global,
    Mesh,
}

/// How the body carries the spec, as Kuma's API server reads and writes it (Go:
/// pkg/core/resources/model/rest/unversioned/resource.go for the legacy types).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyFamily {
    /// Spec fields at the top level, beside the meta fields.
    Legacy,
    /// A `spec` object (and for some a `status`) beside the meta fields.
    SpecObject,
}

/// The columns of `kumactl get` tables (Go: `app/kumactl/cmd/get/table_printer.go`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableColumns {
    /// `NAME mTLS LOCALITY ZONEEGRESS AGE`
    Mesh,
    /// `MESH NAME TAGS ADDRESS AGE`
    MeshNameTagsAddress,
    /// `MESH NAME AGE`
    MeshName,
    /// `NAME AGE`
    Name,
}

/// Which kind of control plane may create the type (Kuma's KDS flags). In global mode,
/// types not provided by global are read-only; on a federated zone, types not provided
/// by the zone are (Go: `IsReadOnly` in `pkg/core/resources/model/resource.go`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProvidedBy {
    Global,
    Zone,
    Both,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResourceType {
    /// The `type` field, e.g. `ZoneEgress`.
    pub name: &'static str,
    /// The REST path segment, e.g. `zoneegresses`.
    pub path: &'static str,
    /// An alternative path serving the same resources (`zone-ingresses`, `global-secrets`).
    pub alt_path: Option<&'static str>,
    pub scope: Scope,
    /// kumactl's noun for one resource (`get zoneegress NAME`, `delete zoneegress NAME`).
    pub single_arg: Option<&'static str>,
    pub single_alias: Option<&'static str>,
    /// kumactl's noun for the list (`get zoneegresses`).
    pub list_arg: Option<&'static str>,
    pub list_alias: Option<&'static str>,
    /// Served by the API but never written through it (insights).
    pub read_only: bool,
    /// Only the admin may read or write it (secrets).
    pub admin_only: bool,
    /// The KRI short name; resources of types without one carry no `kri`.
    pub short_name: Option<&'static str>,
    /// Proxy types get the computed `kuma.io/proxy-type` label.
    pub proxy_type: Option<&'static str>,
    pub family: BodyFamily,
    pub columns: TableColumns,
    pub provided_by: ProvidedBy,
    /// Has `/_overview` endpoints joining the resource and its insight.
    pub has_insights: bool,
    /// Kuma's KDS sends it from the global control plane down to zones (its
    /// `GlobalToZonesFlag`), so federating a zone carries it over.
    pub synced_to_zones: bool,
    /// A legacy (selector-based) policy; the targetRef policies are known from their schema.
    pub legacy_policy: bool,
}

impl ResourceType {
    /// Kuma's `IsReadOnly(isGlobal, isFederated)`.
    pub fn is_read_only_on(&self, global: bool, federated_zone: bool) -> bool {
        self.read_only
            || (global && self.provided_by == ProvidedBy::Zone)
            || (federated_zone && self.provided_by == ProvidedBy::Global)
    }

    /// Every kumactl noun (single, list, and their aliases).
    pub fn kumactl_nouns(&self) -> impl Iterator<Item = &'static str> {
        [
            self.single_arg,
            self.single_alias,
            self.list_arg,
            self.list_alias,
        ]
        .into_iter()
        .flatten()
    }

    /// The list URL path: `/zoneegresses` or `/meshes/<mesh>/secrets`.
    pub fn list_path(&self, mesh: &str) -> String {
        match self.scope {
            Scope::Global => format!("/{}", self.path),
            Scope::Mesh => format!("/meshes/{mesh}/{}", self.path),
        }
    }

    /// The item URL path: `/zoneegresses/<name>` or `/meshes/<mesh>/secrets/<name>`.
    pub fn item_path(&self, mesh: &str, name: &str) -> String {
        format!("{}/{name}", self.list_path(mesh))
    }
}

/// Builds a row; the defaults fit a mesh-scoped policy with no short name.
const fn row(name: &'static str, path: &'static str) -> ResourceType {
    ResourceType {
        name,
        path,
        alt_path: None,
        scope: Scope::Mesh,
        single_arg: None,
        single_alias: None,
        list_arg: None,
        list_alias: None,
        read_only: false,
        admin_only: false,
        short_name: None,
        proxy_type: None,
        family: BodyFamily::Legacy,
        columns: TableColumns::MeshName,
        provided_by: ProvidedBy::Global,
        has_insights: false,
        synced_to_zones: true,
        legacy_policy: false,
    }
}

const fn nouns(mut t: ResourceType, single: &'static str, list: &'static str) -> ResourceType {
    t.single_arg = Some(single);
    t.list_arg = Some(list);
    t
}

/// A legacy mesh-scoped policy: `<path>` nouns, spec at the top level, provided by global.
const fn legacy_policy(
    name: &'static str,
    path: &'static str,
    single: &'static str,
    list: &'static str,
) -> ResourceType {
    let mut t = nouns(row(name, path), single, list);
    t.legacy_policy = true;
    t
}

/// A new (`spec` object) mesh-scoped policy, creatable on global and zones.
const fn new_policy(name: &'static str, path: &'static str, short: &'static str) -> ResourceType {
    let mut t = nouns(row(name, path), single_noun(path), path);
    t.family = BodyFamily::SpecObject;
    t.short_name = Some(short);
    t.provided_by = ProvidedBy::Both;
    t
}

/// The singular noun of the new policy types (their plural is the path).
const fn single_noun(path: &'static str) -> &'static str {
    // const fns cannot build strings; the table below spells them out through this match.
    match path.as_bytes() {
        b"meshaccesslogs" => "meshaccesslog",
        b"meshcircuitbreakers" => "meshcircuitbreaker",
        b"meshexternalservices" => "meshexternalservice",
        b"meshfaultinjections" => "meshfaultinjection",
        b"meshhttproutes" => "meshhttproute",
        b"meshhealthchecks" => "meshhealthcheck",
        b"meshidentities" => "meshidentity",
        b"meshloadbalancingstrategies" => "meshloadbalancingstrategy",
        b"meshmetrics" => "meshmetric",
        b"meshmultizoneservices" => "meshmultizoneservice",
        b"meshopentelemetrybackends" => "meshopentelemetrybackend",
        b"meshpassthroughs" => "meshpassthrough",
        b"meshproxypatches" => "meshproxypatch",
        b"meshratelimits" => "meshratelimit",
        b"meshretries" => "meshretry",
        b"meshservices" => "meshservice",
        b"meshtcproutes" => "meshtcproute",
        b"meshtlses" => "meshtls",
        b"meshtimeouts" => "meshtimeout",
        b"meshtraces" => "meshtrace",
        b"meshtrafficpermissions" => "meshtrafficpermission",
        b"meshtrusts" => "meshtrust",
        b"meshzoneaddresses" => "meshzoneaddress",
        b"workloads" => "workload",
        b"hostnamegenerators" => "hostnamegenerator",
        _ => panic!("every new policy path has a singular noun"),
    }
}

const fn read_only_insight(name: &'static str, path: &'static str, scope: Scope) -> ResourceType {
    let mut t = row(name, path);
    t.scope = scope;
    t.read_only = true;
    t.provided_by = ProvidedBy::Both;
    t.synced_to_zones = false;
    t.columns = match scope {
        Scope::Global => TableColumns::Name,
        Scope::Mesh => TableColumns::MeshName,
    };
    t
}

/// The table, sorted by type name.
pub static RESOURCE_TYPES: &[ResourceType] = &[
    legacy_policy(
        "CircuitBreaker",
        "circuit-breakers",
        "circuit-breaker",
        "circuit-breakers",
    ),
    {
        let mut t = nouns(row("Dataplane", "dataplanes"), "dataplane", "dataplanes");
        t.short_name = Some("dp");
        t.proxy_type = Some("dataplane");
        t.columns = TableColumns::MeshNameTagsAddress;
        t.provided_by = ProvidedBy::Zone;
        t.synced_to_zones = false;
        t.has_insights = true;
        t
    },
    read_only_insight("DataplaneInsight", "dataplane-insights", Scope::Mesh),
    {
        let mut t = legacy_policy(
            "ExternalService",
            "external-services",
            "external-service",
            "external-services",
        );
        t.columns = TableColumns::MeshNameTagsAddress;
        t.legacy_policy = false;
        t
    },
    legacy_policy(
        "FaultInjection",
        "fault-injections",
        "fault-injection",
        "fault-injections",
    ),
    {
        let mut t = nouns(
            row("GlobalSecret", "globalsecrets"),
            "globalsecret",
            "globalsecrets",
        );
        t.alt_path = Some("global-secrets");
        t.single_alias = Some("global-secret");
        t.list_alias = Some("global-secrets");
        t.scope = Scope::Global;
        t.admin_only = true;
        t.columns = TableColumns::Name;
        t.provided_by = ProvidedBy::Both;
        t
    },
    legacy_policy(
        "HealthCheck",
        "health-checks",
        "healthcheck",
        "healthchecks",
    ),
    {
        let mut t = new_policy("HostnameGenerator", "hostnamegenerators", "hg");
        t.scope = Scope::Global;
        t.columns = TableColumns::Name;
        t
    },
    {
        let mut t = nouns(row("Mesh", "meshes"), "mesh", "meshes");
        t.scope = Scope::Global;
        t.short_name = Some("m");
        t.columns = TableColumns::Mesh;
        t
    },
    new_policy("MeshAccessLog", "meshaccesslogs", "mal"),
    new_policy("MeshCircuitBreaker", "meshcircuitbreakers", "mcb"),
    new_policy("MeshExternalService", "meshexternalservices", "extsvc"),
    new_policy("MeshFaultInjection", "meshfaultinjections", "mfi"),
    {
        let mut t = legacy_policy("MeshGateway", "meshgateways", "meshgateway", "meshgateways");
        t.short_name = Some("mgw");
        t.legacy_policy = false;
        t
    },
    legacy_policy(
        "MeshGatewayRoute",
        "meshgatewayroutes",
        "meshgatewayroute",
        "meshgatewayroutes",
    ),
    new_policy("MeshHTTPRoute", "meshhttproutes", "mhttpr"),
    new_policy("MeshHealthCheck", "meshhealthchecks", "mhc"),
    new_policy("MeshIdentity", "meshidentities", "mid"),
    read_only_insight("MeshInsight", "mesh-insights", Scope::Global),
    new_policy(
        "MeshLoadBalancingStrategy",
        "meshloadbalancingstrategies",
        "mlbs",
    ),
    new_policy("MeshMetric", "meshmetrics", "mm"),
    {
        let mut t = new_policy("MeshMultiZoneService", "meshmultizoneservices", "mzsvc");
        t.provided_by = ProvidedBy::Global;
        t
    },
    new_policy(
        "MeshOpenTelemetryBackend",
        "meshopentelemetrybackends",
        "motb",
    ),
    new_policy("MeshPassthrough", "meshpassthroughs", "mp"),
    new_policy("MeshProxyPatch", "meshproxypatches", "mpp"),
    new_policy("MeshRateLimit", "meshratelimits", "mrl"),
    new_policy("MeshRetry", "meshretries", "mr"),
    {
        let mut t = new_policy("MeshService", "meshservices", "msvc");
        t.provided_by = ProvidedBy::Zone;
        t.synced_to_zones = false;
        t
    },
    new_policy("MeshTCPRoute", "meshtcproutes", "mtcpr"),
    new_policy("MeshTLS", "meshtlses", "mtls"),
    new_policy("MeshTimeout", "meshtimeouts", "mt"),
    new_policy("MeshTrace", "meshtraces", "mtr"),
    new_policy("MeshTrafficPermission", "meshtrafficpermissions", "mtp"),
    new_policy("MeshTrust", "meshtrusts", "mtrust"),
    {
        // Zones report their addresses up to global, never the other way.
        let mut t = new_policy("MeshZoneAddress", "meshzoneaddresses", "mza");
        t.synced_to_zones = false;
        t
    },
    legacy_policy(
        "ProxyTemplate",
        "proxytemplates",
        "proxytemplate",
        "proxytemplates",
    ),
    legacy_policy("RateLimit", "rate-limits", "rate-limit", "rate-limits"),
    legacy_policy("Retry", "retries", "retry", "retries"),
    {
        let mut t = nouns(row("Secret", "secrets"), "secret", "secrets");
        t.admin_only = true;
        t.provided_by = ProvidedBy::Both;
        t
    },
    read_only_insight("ServiceInsight", "service-insights", Scope::Mesh),
    legacy_policy("Timeout", "timeouts", "timeout", "timeouts"),
    legacy_policy("TrafficLog", "traffic-logs", "traffic-log", "traffic-logs"),
    legacy_policy(
        "TrafficPermission",
        "traffic-permissions",
        "traffic-permission",
        "traffic-permissions",
    ),
    legacy_policy(
        "TrafficRoute",
        "traffic-routes",
        "traffic-route",
        "traffic-routes",
    ),
    legacy_policy(
        "TrafficTrace",
        "traffic-traces",
        "traffic-trace",
        "traffic-traces",
    ),
    legacy_policy(
        "VirtualOutbound",
        "virtual-outbounds",
        "virtual-outbound",
        "virtual-outbounds",
    ),
    {
        let mut t = new_policy("Workload", "workloads", "wl");
        t.provided_by = ProvidedBy::Zone;
        t.synced_to_zones = false;
        t
    },
    {
        let mut t = nouns(row("Zone", "zones"), "zone", "zones");
        t.scope = Scope::Global;
        t.short_name = Some("z");
        t.columns = TableColumns::Name;
        t.has_insights = true;
        // Each zone control plane keeps its own Zone records; global does not send them.
        t.synced_to_zones = false;
        t
    },
    {
        let mut t = nouns(
            row("ZoneEgress", "zoneegresses"),
            "zoneegress",
            "zoneegresses",
        );
        t.scope = Scope::Global;
        t.short_name = Some("ze");
        t.proxy_type = Some("zoneegress");
        t.columns = TableColumns::Name;
        t.provided_by = ProvidedBy::Zone;
        t.synced_to_zones = false;
        t.has_insights = true;
        t
    },
    read_only_insight("ZoneEgressInsight", "zoneegressinsights", Scope::Global),
    {
        let mut t = nouns(
            row("ZoneIngress", "zoneingresses"),
            "zoneingress",
            "zoneingresses",
        );
        t.alt_path = Some("zone-ingresses");
        t.single_alias = Some("zone-ingress");
        t.list_alias = Some("zone-ingresses");
        t.scope = Scope::Global;
        t.short_name = Some("zi");
        t.proxy_type = Some("zoneingress");
        t.columns = TableColumns::Name;
        t.provided_by = ProvidedBy::Zone;
        t.synced_to_zones = false;
        t.has_insights = true;
        t
    },
    read_only_insight("ZoneIngressInsight", "zone-ingress-insights", Scope::Global),
    read_only_insight("ZoneInsight", "zone-insights", Scope::Global),
];

/// The policy types whose descriptor allows inspection in Kuma 2.14 (`inspect <policy>`)
/// (`pkg/core/resources/apis/mesh/zz_generated.resources.go`,
/// `pkg/plugins/policies/*/api/v1alpha1/zz_generated.resource.go`).
pub const INSPECTABLE_POLICIES: [&str; 27] = [
    "CircuitBreaker",
    "FaultInjection",
    "HealthCheck",
    "ProxyTemplate",
    "RateLimit",
    "Retry",
    "Timeout",
    "TrafficLog",
    "TrafficPermission",
    "TrafficRoute",
    "TrafficTrace",
    "MeshAccessLog",
    "MeshCircuitBreaker",
    "MeshFaultInjection",
    "MeshHealthCheck",
    "MeshHTTPRoute",
    "MeshLoadBalancingStrategy",
    "MeshMetric",
    "MeshPassthrough",
    "MeshProxyPatch",
    "MeshRateLimit",
    "MeshRetry",
    "MeshTCPRoute",
    "MeshTimeout",
    "MeshTLS",
    "MeshTrace",
    "MeshTrafficPermission",
];

/// The type whose `type` field is `name`.
pub fn by_name(name: &str) -> Option<&'static ResourceType> {
    RESOURCE_TYPES.iter().find(|t| t.name == name)
}

/// The type served at REST path segment `path` (or its alternative path).
pub fn by_path(path: &str) -> Option<&'static ResourceType> {
    RESOURCE_TYPES
        .iter()
        .find(|t| t.path == path || t.alt_path == Some(path))
}

/// The type a kumactl noun (single, list or alias) names.
pub fn by_kumactl_noun(noun: &str) -> Option<&'static ResourceType> {
    RESOURCE_TYPES
        .iter()
        .find(|t| t.kumactl_nouns().any(|n| n == noun))
}

/// The nouns `kumactl delete TYPE` accepts: singular nouns and their aliases, sorted, as
/// listed in its `unknown TYPE` error.
pub fn single_nouns_sorted() -> Vec<&'static str> {
    let mut nouns: Vec<&'static str> = RESOURCE_TYPES
        .iter()
        .flat_map(|t| [t.single_arg, t.single_alias])
        .flatten()
        .collect();
    nouns.sort_unstable();
    nouns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        for pair in RESOURCE_TYPES.windows(2) {
            assert!(
                pair[0].name < pair[1].name,
                "{} before {}",
                pair[0].name,
                pair[1].name
            );
        }
        let mut paths: Vec<&str> = RESOURCE_TYPES.iter().map(|t| t.path).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), RESOURCE_TYPES.len());
        // Every type Kuma 2.14's REST API serves.
        assert_eq!(RESOURCE_TYPES.len(), 53);
    }

    #[test]
    fn read_only_types_have_no_nouns() {
        for t in RESOURCE_TYPES {
            assert_eq!(t.read_only, t.single_arg.is_none(), "{}", t.name);
            assert_eq!(t.read_only, t.list_arg.is_none(), "{}", t.name);
        }
    }

    #[test]
    fn delete_lists_the_nouns_of_go_kumactl() {
        // The exact "Allowed values" list of the real binary (Go:
        // `app/kumactl/cmd/delete/delete.go`).
        assert_eq!(
            single_nouns_sorted().join(", "),
            "circuit-breaker, dataplane, external-service, fault-injection, global-secret, globalsecret, healthcheck, hostnamegenerator, mesh, meshaccesslog, meshcircuitbreaker, meshexternalservice, meshfaultinjection, meshgateway, meshgatewayroute, meshhealthcheck, meshhttproute, meshidentity, meshloadbalancingstrategy, meshmetric, meshmultizoneservice, meshopentelemetrybackend, meshpassthrough, meshproxypatch, meshratelimit, meshretry, meshservice, meshtcproute, meshtimeout, meshtls, meshtrace, meshtrafficpermission, meshtrust, meshzoneaddress, proxytemplate, rate-limit, retry, secret, timeout, traffic-log, traffic-permission, traffic-route, traffic-trace, virtual-outbound, workload, zone, zone-ingress, zoneegress, zoneingress"
        );
    }

    #[test]
    fn lookups() {
        assert_eq!(by_name("ZoneEgress").unwrap().path, "zoneegresses");
        assert_eq!(by_path("global-secrets").unwrap().name, "GlobalSecret");
        assert_eq!(
            by_kumactl_noun("zone-ingresses").unwrap().name,
            "ZoneIngress"
        );
        assert_eq!(
            by_kumactl_noun("healthchecks").unwrap().path,
            "health-checks"
        );
        assert_eq!(
            by_name("Secret").unwrap().item_path("default", "s1"),
            "/meshes/default/secrets/s1"
        );
        assert!(by_name("ZoneEgress").unwrap().is_read_only_on(true, false));
        assert!(!by_name("Mesh").unwrap().is_read_only_on(true, false));
        assert!(by_name("Mesh").unwrap().is_read_only_on(false, true));
    }
}
