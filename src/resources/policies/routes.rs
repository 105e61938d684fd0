//! Validators of the route and load-balancing policies (Go:
//! `pkg/plugins/policies/meshhttproute/api/v1alpha1/validation.go`,
//! `pkg/plugins/policies/{meshtcproute,meshloadbalancingstrategy}/api/v1alpha1/validator.go`).

use super::common::*;
use crate::resources::spec::checks::{Violations, is_ip};
use serde_json::Value;

const ROUTE_TOPS: &[&str] = &[
    "Mesh",
    "MeshGateway",
    "MeshSubset",
    "MeshService",
    "MeshServiceSubset",
    "Dataplane",
];
const BACKEND_KINDS: &[&str] = &[
    "MeshService",
    "MeshServiceSubset",
    "MeshExternalService",
    "MeshMultiZoneService",
];

fn route_tops(v: &mut Violations, spec: &Value) -> (&'static [&'static str], bool) {
    top_target_ref(
        v,
        spec,
        ROUTE_TOPS,
        RefContext {
            gateway_listener_tags: true,
            ..RefContext::default()
        },
    );
    let gateway = kind_of(field(spec, "targetRef")) == "MeshGateway";
    let to_kinds: &'static [&'static str] = if gateway {
        &["Mesh"]
    } else {
        &["MeshService", "MeshExternalService", "MeshMultiZoneService"]
    };
    (to_kinds, gateway)
}

fn backend_refs(v: &mut Violations, path: &str, refs: &[Value]) {
    let context = RefContext {
        backend_ref: true,
        ..RefContext::default()
    };
    for (b, backend) in refs.iter().enumerate() {
        target_ref(v, &format!("{path}[{b}]"), backend, BACKEND_KINDS, context);
    }
}

pub fn mesh_http_route(spec: &Value) -> Violations {
    let mut v = Violations::default();
    let (to_kinds, gateway) = route_tops(&mut v, spec);
    for (i, to) in list(spec, "to").iter().enumerate() {
        let path = format!("spec.to[{i}]");
        if let Some(target_ref) = field(to, "targetRef") {
            super::common::target_ref(
                &mut v,
                &format!("{path}.targetRef"),
                target_ref,
                to_kinds,
                RefContext::default(),
            );
        }
        for (j, rule) in list(to, "rules").iter().enumerate() {
            http_rule(&mut v, &format!("{path}.rules[{j}]"), rule, gateway);
        }
        if non_empty(to, "hostnames") && !gateway {
            v.add(format!("{path}.hostnames"), MUST_NOT_BE_DEFINED);
        }
    }
    v
}

fn http_rule(v: &mut Violations, path: &str, rule: &Value, gateway: bool) {
    let matches = list(rule, "matches");
    for (k, m) in matches.iter().enumerate() {
        let path = format!("{path}.matches[{k}]");
        if let Some(p) = field(m, "path") {
            let (kind, value) = (text(p, "type"), text(p, "value"));
            if kind == "PathPrefix" && value != "/" && value.ends_with('/') {
                v.add(
                    format!("{path}.path.value"),
                    "does not need a trailing slash because only a `/`-separated prefix or an entire path is matched",
                );
            }
            if matches!(kind, "PathPrefix" | "Exact") && !value.starts_with('/') {
                v.add(format!("{path}.path.value"), "must be an absolute path");
            }
        }
        let mut names: Vec<&str> = Vec::new();
        for (q, param) in list(m, "queryParams").iter().enumerate() {
            let name = text(param, "name");
            if names.contains(&name) {
                v.add(
                    format!("{path}.queryParams[{q}].name"),
                    format!("multiple entries for name {name}"),
                );
            }
            names.push(name);
        }
        for (h, header) in list(m, "headers").iter().enumerate() {
            if matches!(text(header, "type"), "Present" | "Absent") && non_empty(header, "value") {
                v.add(format!("{path}.headers[{h}].value"), MUST_NOT_BE_DEFINED);
            }
        }
    }
    let all_prefix = matches
        .iter()
        .all(|m| field(m, "path").is_some_and(|p| text(p, "type") == "PathPrefix"));
    let default = field(rule, "default");
    let filters = default.map(|d| list(d, "filters")).unwrap_or_default();
    let mut redirect = false;
    for (f, filter) in filters.iter().enumerate() {
        let path = format!("{path}.default.filters[{f}]");
        let key = match text(filter, "type") {
            "RequestHeaderModifier" => "requestHeaderModifier",
            "ResponseHeaderModifier" => "responseHeaderModifier",
            "RequestRedirect" => "requestRedirect",
            "URLRewrite" => "urlRewrite",
            "RequestMirror" => "requestMirror",
            _ => continue,
        };
        redirect |= key == "requestRedirect";
        let Some(object) = field(filter, key) else {
            v.add(format!("{path}.{key}"), MUST_BE_DEFINED);
            continue;
        };
        let path = format!("{path}.{key}");
        match key {
            "requestHeaderModifier" | "responseHeaderModifier" => {
                if ["set", "add", "remove"]
                    .iter()
                    .all(|k| !non_empty(object, k))
                {
                    v.add(&path, "must have at least one defined: set, add, remove");
                }
                let mut seen: Vec<String> = Vec::new();
                for op in ["set", "add", "remove"] {
                    for (n, entry) in list(object, op).iter().enumerate() {
                        let name = entry
                            .as_str()
                            .unwrap_or_else(|| text(entry, "name"))
                            .to_ascii_lowercase();
                        if seen.contains(&name) {
                            v.add(format!("{path}.{op}[{n}].name"), "duplicate header name");
                        }
                        seen.push(name);
                    }
                }
            }
            "requestRedirect" | "urlRewrite" => {
                if let Some(p) = field(object, "path")
                    && field(p, "replacePrefixMatch").is_some()
                    && !all_prefix
                {
                    v.add(
                        format!("{path}.path.replacePrefixMatch"),
                        "can only appear if all matches match a path prefix",
                    );
                }
                if let Some(hostname) = object.get("hostname").and_then(Value::as_str) {
                    if is_ip(hostname) {
                        v.add(format!("{path}.hostname"), "cannot be an IP address");
                    } else {
                        for message in dns1123_subdomain(hostname) {
                            v.add(format!("{path}.hostname"), message);
                        }
                    }
                }
                if key == "urlRewrite"
                    && object.get("hostToBackendHostname") == Some(&Value::Bool(true))
                {
                    if !gateway {
                        v.add(
                            format!("{path}.hostToBackendHostname"),
                            "can only be set with MeshGateway",
                        );
                    }
                    if non_empty(object, "hostname") {
                        v.add(
                            format!("{path}.hostToBackendHostname"),
                            "cannot be set together with hostname",
                        );
                    }
                }
            }
            _ => {
                if let Some(backend) = field(object, "backendRef") {
                    target_ref(
                        v,
                        &format!("{path}.backendRef"),
                        backend,
                        &["MeshService", "MeshServiceSubset"],
                        RefContext {
                            backend_ref: true,
                            ..RefContext::default()
                        },
                    );
                }
            }
        }
    }
    let refs = default.map(|d| list(d, "backendRefs")).unwrap_or_default();
    if gateway && refs.is_empty() && !redirect {
        v.add(format!("{path}.default.backendRefs"), MUST_NOT_BE_EMPTY);
    }
    backend_refs(v, &format!("{path}.default.backendRefs"), refs);
}

pub fn mesh_tcp_route(spec: &Value) -> Violations {
    let mut v = Violations::default();
    let (to_kinds, _) = route_tops(&mut v, spec);
    for (i, to) in list(spec, "to").iter().enumerate() {
        let path = format!("spec.to[{i}]");
        if let Some(target_ref) = field(to, "targetRef") {
            super::common::target_ref(
                &mut v,
                &format!("{path}.targetRef"),
                target_ref,
                to_kinds,
                RefContext::default(),
            );
        }
        for (j, rule) in list(to, "rules").iter().enumerate() {
            let path = format!("{path}.rules[{j}].default.backendRefs");
            let refs = field(rule, "default")
                .map(|d| list(d, "backendRefs"))
                .unwrap_or_default();
            if refs.is_empty() {
                v.add(&path, MUST_BE_DEFINED);
            }
            backend_refs(&mut v, &path, refs);
        }
    }
    v
}

pub fn mesh_load_balancing_strategy(spec: &Value) -> Violations {
    let mut v = Violations::default();
    top_target_ref(
        &mut v,
        spec,
        &[
            "Mesh",
            "MeshSubset",
            "MeshGateway",
            "MeshService",
            "MeshServiceSubset",
            "Dataplane",
        ],
        RefContext {
            gateway_listener_tags: true,
            ..RefContext::default()
        },
    );
    let top = kind_of(field(spec, "targetRef"));
    for (i, to) in list(spec, "to").iter().enumerate() {
        let path = format!("spec.to[{i}]");
        let default = field(to, "default");
        let load_balancer = default.and_then(|d| field(d, "loadBalancer"));
        let to_ref = field(to, "targetRef");
        let to_kind = to_ref.map(|r| text(r, "kind")).unwrap_or_default();
        if let Some(to_target) = to_ref {
            if top == "MeshGateway" && load_balancer.is_some() && to_kind != "Mesh" {
                v.add(
                    format!("{path}.targetRef.kind"),
                    "value 'MeshGateway' is not supported, only Mesh is allowed if loadBalancer is set",
                );
            } else {
                let kinds: &[&str] = if top == "MeshGateway" {
                    &["Mesh", "MeshService", "MeshMultiZoneService"]
                } else {
                    &[
                        "Mesh",
                        "MeshService",
                        "MeshMultiZoneService",
                        "MeshHTTPRoute",
                        "MeshExternalService",
                    ]
                };
                if to_kind == "MeshExternalService" && top != "Mesh" {
                    v.add(
                        format!("{path}.targetRef.kind"),
                        "kind MeshExternalService is only allowed with targetRef.kind: Mesh as it is configured on the Zone Egress and shared by all clients in the mesh",
                    );
                } else {
                    target_ref(
                        &mut v,
                        &format!("{path}.targetRef"),
                        to_target,
                        kinds,
                        RefContext::default(),
                    );
                }
            }
        }
        let Some(default) = default else { continue };
        let path = format!("{path}.default");
        let root_hash_policies = field(default, "hashPolicies").is_some();
        hash_policies(
            &mut v,
            &format!("{path}.hashPolicies"),
            list(default, "hashPolicies"),
        );
        if to_kind == "MeshHTTPRoute" {
            for key in ["loadBalancer", "localityAwareness"] {
                if field(default, key).is_some() {
                    v.add(
                        format!("{path}.{key}"),
                        "field is not allowed when targetRef.kind is MeshHTTPRoute, only hashPolicies is supported",
                    );
                }
            }
        }
        if let Some(lb) = load_balancer {
            let lb_path = format!("{path}.loadBalancer");
            for (kind, key) in [("RingHash", "ringHash"), ("Maglev", "maglev")] {
                if text(lb, "type") != kind {
                    continue;
                }
                if let Some(conf) = field(lb, key)
                    && field(conf, "hashPolicies").is_some()
                {
                    if root_hash_policies {
                        v.add(
                            format!("{lb_path}.{key}.hashPolicies"),
                            "hashPolicies already specified in the root level",
                        );
                    }
                    hash_policies(
                        &mut v,
                        &format!("{lb_path}.{key}.hashPolicies"),
                        list(conf, "hashPolicies"),
                    );
                }
            }
            if text(lb, "type") == "LeastRequest"
                && let Some(least) = field(lb, "leastRequest")
            {
                match decimal(least, "activeRequestBias") {
                    Some(Err(())) => v.add(
                        format!("{lb_path}.leastRequest.activeRequestBias"),
                        VALID_NUMBER,
                    ),
                    Some(Ok(b)) if b < 0.0 => v.add(
                        format!("{lb_path}.leastRequest.activeRequestBias"),
                        "must be greater or equal then: 0",
                    ),
                    _ => {}
                }
            }
        }
        if let Some(locality) = field(default, "localityAwareness") {
            locality_awareness(
                &mut v,
                &format!("{path}.localityAwareness"),
                locality,
                to_ref,
            );
        }
    }
    v
}

fn hash_policies(v: &mut Violations, path: &str, policies: &[Value]) {
    for (k, policy) in policies.iter().enumerate() {
        let path = format!("{path}[{k}]");
        let key = match text(policy, "type") {
            "Header" => "header",
            "Cookie" => "cookie",
            "QueryParameter" => "queryParameter",
            "FilterState" => "filterState",
            "Connection" | "SourceIP" => "connection",
            _ => continue,
        };
        match field(policy, key) {
            None => v.add(format!("{path}.{key}"), MUST_BE_DEFINED),
            Some(cookie) if key == "cookie" => {
                if let Some(p) = cookie.get("path").and_then(Value::as_str)
                    && !p.starts_with('/')
                {
                    v.add(format!("{path}.cookie.path"), "must be an absolute path");
                }
            }
            Some(_) => {}
        }
    }
}

fn locality_awareness(v: &mut Violations, path: &str, locality: &Value, to_ref: Option<&Value>) {
    if let Some(local) = field(locality, "localZone") {
        let tags = list(local, "affinityTags");
        for (k, tag) in tags.iter().enumerate() {
            if text(tag, "key").is_empty() {
                v.add(
                    format!("{path}.localZone.affinityTags[{k}].key"),
                    MUST_NOT_BE_EMPTY,
                );
            }
            if number(tag, "weight") == Some(0.0) {
                v.add(
                    format!("{path}.localZone.affinityTags[{k}].weight"),
                    GREATER_THAN_0,
                );
            }
        }
        let weighted = tags.iter().filter(|t| field(t, "weight").is_some()).count();
        if weighted != 0 && weighted != tags.len() {
            v.add(
                format!("{path}.localZone.affinityTags"),
                "all or none affinity tags should have weight",
            );
        }
    }
    let Some(cross) = field(locality, "crossZone") else {
        return;
    };
    if let Some(to_ref) = to_ref
        && text(to_ref, "kind") == "MeshService"
        && (non_empty(to_ref, "sectionName") || non_empty(to_ref, "labels"))
    {
        v.add(
            format!("{path}.crossZone"),
            "must not be set: MeshService traffic is local",
        );
    }
    for (k, failover) in list(cross, "failover").iter().enumerate() {
        let path = format!("{path}.crossZone.failover[{k}]");
        if let Some(from) = field(failover, "from") {
            let zones = list(from, "zones");
            if zones.is_empty() {
                v.add(format!("{path}.from.zones"), MUST_NOT_BE_EMPTY);
            }
            for (z, zone) in zones.iter().enumerate() {
                if zone.as_str() == Some("") {
                    v.add(format!("{path}.from.zones[{z}]"), MUST_NOT_BE_EMPTY);
                }
            }
        }
        if let Some(to) = field(failover, "to") {
            let kind = text(to, "type");
            let has_zones = non_empty(to, "zones");
            match kind {
                "Any" | "None" if has_zones => v.add(
                    format!("{path}.to.zones"),
                    format!("must be empty when type is {kind}"),
                ),
                "AnyExcept" | "Only" if !has_zones => v.add(
                    format!("{path}.to.zones"),
                    format!("must not be empty when type is {kind}"),
                ),
                "Any" | "None" | "AnyExcept" | "Only" => {}
                _ => v.add(format!("{path}.to.type"), "unrecognized type"),
            }
        }
    }
    if let Some(threshold) = field(cross, "failoverThreshold") {
        let path = format!("{path}.crossZone.failoverThreshold");
        match decimal(threshold, "percentage") {
            Some(Err(())) => v.add(format!("{path}.percentage"), VALID_NUMBER),
            Some(Ok(p)) if !(0.0..=100.0).contains(&p) => {
                v.add(format!("{path}.percentage"), PERCENT_DECIMAL)
            }
            Some(Ok(0.0)) => v.add(format!("{path}.percentage"), GREATER_THAN_0),
            _ => {}
        }
    }
}
