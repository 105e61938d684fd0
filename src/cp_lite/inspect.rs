//! The endpoints behind `kumactl inspect` that are not plain resource reads
//! (`pkg/api-server/inspect_endpoints.go`, `resource_endpoints.go`,
//! `service_insight_endpoints.go`): the Dataplane overview filters, service insights,
//! the Dataplanes of a MeshGateway and of a legacy policy, computed from the store.
//! What needs Kuma's policy engine (matched policies, the Dataplanes a targetRef policy
//! selects, generated xDS configuration) is answered with an error saying so.

#![allow(
    clippy::result_large_err,
    reason = "errors become HTTP responses at once; their size does not matter on that path"
)]

use super::pagination::{LIST_ERROR_TITLE, ListRequest, Query};
use super::request::ResourceRequest;
use super::resources::{MESH_ERROR_TITLE, check_mesh, not_found};
use super::response::{error, json};
use super::state::{AppState, SharedState};
use super::store::{ResourceKey, Stored};
use crate::api::ApiError;
use crate::resources::descriptor::{self, BodyFamily, INSPECTABLE_POLICIES, ResourceType};
use crate::resources::proxy_status::{self, Dataplane, GatewayType, SERVICE_TAG, Status, ZONE_TAG};
use crate::resources::resource::Resource;
use crate::resources::spec::gojson::quote;
use crate::resources::spec::jsonpb::Writer;
use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The status of the answers that need Kuma's policy engine.
const NOT_COMPUTED: u16 = 501;

fn respond(result: Result<Response, ApiError>) -> Response {
    result.unwrap_or_else(|err| error(&err))
}

fn dataplane_type() -> &'static ResourceType {
    descriptor::by_name("Dataplane").expect("the descriptor table has Dataplane")
}

pub fn routes() -> Router<SharedState> {
    let mut router = Router::new()
        .route(
            "/meshes/{mesh}/meshgateways/{name}/dataplanes",
            get(|request: ResourceRequest| async move { respond(gateway_dataplanes(&request)) }),
        )
        .route(
            "/meshes/{mesh}/dataplanes/{name}/policies",
            get(|request: ResourceRequest| async move { respond(matched_policies(&request)) }),
        )
        .route(
            "/meshes/{mesh}/dataplanes/{name}/_config",
            get(|request: ResourceRequest| async move { respond(proxy_config(&request)) }),
        );
    let types = INSPECTABLE_POLICIES
        .iter()
        .chain(&["MeshGatewayRoute"])
        .filter_map(|name| descriptor::by_name(name));
    for t in types {
        router = router.route(
            &format!("/meshes/{{mesh}}/{}/{{name}}/_resources/dataplanes", t.path),
            get(move |request: ResourceRequest| async move {
                respond(matching_dataplanes(t, &request))
            }),
        );
        if INSPECTABLE_POLICIES.contains(&t.name) {
            router = router.route(
                &format!("/meshes/{{mesh}}/{}/{{name}}/dataplanes", t.path),
                get(move |request: ResourceRequest| async move {
                    respond(policy_dataplanes(t, &request))
                }),
            );
        }
    }
    router
}

/// The `gateway` filter of Dataplane overviews.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GatewayFilter {
    Present(bool),
    Type(GatewayType),
}

/// The Dataplane overview filters beyond `name` and labels (`pkg/api-server/filters/filtering.go`):
/// `gateway` and `tag=<key>:<value>`. `ingress` is ignored, as in Kuma.
#[derive(Clone, Debug, Default)]
pub struct DataplaneFilter {
    gateway: Option<GatewayFilter>,
    tags: Vec<(String, String)>,
}

impl DataplaneFilter {
    pub fn parse(query: &Query, route: &str) -> Result<DataplaneFilter, ApiError> {
        let gateway = match query.get("gateway").map(str::to_ascii_lowercase).as_deref() {
            None | Some("") => None,
            Some("true") => Some(GatewayFilter::Present(true)),
            Some("false") => Some(GatewayFilter::Present(false)),
            Some("builtin") => Some(GatewayFilter::Type(GatewayType::Builtin)),
            Some("delegated") => Some(GatewayFilter::Type(GatewayType::Delegated)),
            Some(_) => {
                let raw = query.get("gateway").unwrap_or_default();
                return Err(
                    ApiError::new(400, LIST_ERROR_TITLE, "Resource is not valid").with_parameters(
                        vec![(
                            format!("{route}.gateway"),
                            // Kuma's wording, typo included.
                            format!("shoud use `true`, `false`, 'builtin' or 'delegated' instead of {raw}"),
                        )],
                    ),
                );
            }
        };
        let tags = query
            .0
            .iter()
            .filter(|(key, _)| key == "tag")
            .filter_map(|(_, value)| value.split_once(':'))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Ok(DataplaneFilter { gateway, tags })
    }

    pub fn is_empty(&self) -> bool {
        self.gateway.is_none() && self.tags.is_empty()
    }

    pub fn matches(&self, spec: &Map<String, Value>) -> bool {
        let dataplane = Dataplane::from_spec(spec);
        let gateway_ok = match self.gateway {
            None => true,
            Some(GatewayFilter::Present(wanted)) => dataplane.gateway().is_some() == wanted,
            Some(GatewayFilter::Type(wanted)) => dataplane.gateway_type() == Some(wanted),
        };
        gateway_ok && (self.tags.is_empty() || dataplane.matches_fuzzy(&self.tags))
    }
}

/// The insight spec of a Dataplane, if it has one.
fn dataplane_insight(state: &AppState, mesh: &str, name: &str) -> Option<Value> {
    let insight_type = descriptor::by_name("DataplaneInsight")?;
    state
        .store
        .get(&ResourceKey::new(insight_type, mesh, name))
        .map(|stored| Value::Object(stored.resource.spec.clone()))
}

/// `GET /meshes/{mesh}/meshgateways/{name}/dataplanes`: the builtin gateway Dataplanes
/// of the mesh that the MeshGateway's selectors match, in store order.
fn gateway_dataplanes(request: &ResourceRequest) -> Result<Response, ApiError> {
    let state = &request.state;
    let mesh = request.param("mesh");
    if state.store.get(&ResourceKey::mesh(mesh)).is_none() {
        return Err(not_found("Could not build mesh context"));
    }
    let gateway_type = descriptor::by_name("MeshGateway").expect("the table has MeshGateway");
    let gateway = state
        .store
        .get(&ResourceKey::new(gateway_type, mesh, request.param("name")))
        .ok_or_else(|| not_found("Could not find MeshGateway"))?;
    // A selector without `match` selects every Dataplane.
    let selectors: Vec<Option<&Map<String, Value>>> = gateway
        .resource
        .spec
        .get("selectors")
        .and_then(Value::as_array)
        .map(|s| {
            s.iter()
                .map(|selector| selector.get("match").and_then(Value::as_object))
                .collect()
        })
        .unwrap_or_default();
    let items: Vec<Value> = state
        .store
        .list("Dataplane", Some(mesh))
        .iter()
        .filter(|stored| {
            let dataplane = Dataplane::from_spec(&stored.resource.spec);
            dataplane.gateway_type() == Some(GatewayType::Builtin)
                && (selectors.is_empty()
                    || selectors
                        .iter()
                        .any(|s| s.is_none_or(|s| dataplane.matches(s))))
        })
        .map(|stored| {
            serde_json::json!({"dataplane": {
                "mesh": stored.resource.meta.mesh,
                "name": stored.resource.meta.name,
            }})
        })
        .collect();
    Ok(json(
        StatusCode::OK,
        &serde_json::json!({"total": items.len(), "items": items}),
    ))
}

/// The answer of the endpoints that need Kuma's policy engine.
fn not_computed(title: &str, what: String) -> ApiError {
    ApiError::new(
        NOT_COMPUTED,
        title,
        format!("kuma-cp-lite has no policy engine, so it does not compute {what}"),
    )
}

/// `GET /meshes/{mesh}/dataplanes/{name}/policies`.
fn matched_policies(request: &ResourceRequest) -> Result<Response, ApiError> {
    const TITLE: &str = "Could not get MatchedPolicies";
    let state = &request.state;
    let (mesh, name) = (request.param("mesh"), request.param("name"));
    if state.store.get(&ResourceKey::mesh(mesh)).is_none() {
        return Err(not_found("Could not build MeshContext"));
    }
    if state
        .store
        .get(&ResourceKey::new(dataplane_type(), mesh, name))
        .is_none()
    {
        return Err(not_found(TITLE));
    }
    Err(not_computed(
        TITLE,
        format!("the policies matched on Dataplane {}", quote(name)),
    ))
}

/// `GET /meshes/{mesh}/dataplanes/{name}/_config`: the query checks, the mesh, the
/// Dataplane and its insight, then the error (no xDS is generated here).
fn proxy_config(request: &ResourceRequest) -> Result<Response, ApiError> {
    let query = &request.url.query;
    let bad_request = |parameter: &str| {
        ApiError::new(
            400,
            "Bad Request",
            format!("bad request: unsupported value for query parameter '{parameter}'"),
        )
    };
    if let Some(shadow) = query.get("shadow")
        && !is_go_bool(shadow)
    {
        return Err(bad_request("shadow"));
    }
    if let Some(include) = query.get("include")
        && include.split(',').any(|part| part != "diff")
    {
        return Err(bad_request("include"));
    }
    let state = &request.state;
    let (mesh, name) = (request.param("mesh"), request.param("name"));
    check_mesh(state, dataplane_type(), mesh)?;
    if state
        .store
        .get(&ResourceKey::new(dataplane_type(), mesh, name))
        .is_none()
    {
        return Err(not_found("Could not get dataplane resource"));
    }
    if dataplane_insight(state, mesh, name).is_none() {
        return Err(not_found("Failed to fetch dataplane insight"));
    }
    Err(not_computed(
        "Could not generate the XDS configuration",
        format!("the XDS configuration of Dataplane {}", quote(name)),
    ))
}

/// Go's `strconv.ParseBool` literals.
fn is_go_bool(text: &str) -> bool {
    matches!(
        text,
        "1" | "t" | "T" | "TRUE" | "true" | "True" | "0" | "f" | "F" | "FALSE" | "false" | "False"
    )
}

/// `GET /meshes/{mesh}/{policy path}/{name}/dataplanes` (the legacy inspect API): a
/// missing policy has no Dataplanes, as in Kuma; an existing one needs the engine.
fn policy_dataplanes(
    t: &'static ResourceType,
    request: &ResourceRequest,
) -> Result<Response, ApiError> {
    const TITLE: &str = "Could not list Dataplanes";
    let state = &request.state;
    let (mesh, name) = (request.param("mesh"), request.param("name"));
    if state.store.get(&ResourceKey::mesh(mesh)).is_none() {
        return Err(not_found(TITLE));
    }
    if state.store.get(&ResourceKey::new(t, mesh, name)).is_none() {
        return Ok(json(
            StatusCode::OK,
            &serde_json::json!({"total": 0, "items": []}),
        ));
    }
    Err(not_computed(
        TITLE,
        format!(
            "where {} {} attaches to each Dataplane (use 'kumactl inspect {} {} --new-api' for the Dataplanes it selects)",
            t.name,
            quote(name),
            t.single_arg.unwrap_or(t.path),
            name
        ),
    ))
}

/// One item of `_resources/dataplanes`: keys in Kuma's order, `labels` always present.
#[derive(Serialize)]
struct DataplaneMeta {
    labels: BTreeMap<String, String>,
    mesh: String,
    name: String,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
struct DataplaneMetaList {
    items: Vec<DataplaneMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next: Option<String>,
    total: usize,
}

/// `GET /meshes/{mesh}/{policy path}/{name}/_resources/dataplanes`: the Dataplanes a
/// legacy policy selects (its `selectors`, or its `sources` and `destinations`), with
/// `size`, `offset` and `name`. targetRef policies need Kuma's engine.
fn matching_dataplanes(
    t: &'static ResourceType,
    request: &ResourceRequest,
) -> Result<Response, ApiError> {
    let state = &request.state;
    let (mesh, name) = (request.param("mesh"), request.param("name"));
    check_mesh(state, t, mesh)?;
    let list_request = ListRequest::parse(&request.url.query, &request.route)?;
    let policy = state
        .store
        .get(&ResourceKey::new(t, mesh, name))
        .ok_or_else(|| not_found("Could not retrieve policy"))?;
    if t.family == BodyFamily::SpecObject {
        return Err(not_computed(
            "Could not retrieve policy",
            format!(
                "the Dataplanes that {} {} selects through its targetRef",
                t.name,
                quote(name)
            ),
        ));
    }
    let spec = &policy.resource.spec;
    let selectors: Vec<&Map<String, Value>> = ["selectors", "sources", "destinations"]
        .iter()
        .filter_map(|key| spec.get(*key).and_then(Value::as_array))
        .flatten()
        .filter_map(|selector| selector.get("match").and_then(Value::as_object))
        .collect();
    let matching: Vec<Stored> = state
        .store
        .list("Dataplane", Some(mesh))
        .into_iter()
        .filter(|stored| {
            let meta = &stored.resource.meta;
            list_request.matches(&meta.name, &meta.labels)
                && selectors
                    .iter()
                    .any(|s| Dataplane::from_spec(&stored.resource.spec).matches(s))
        })
        .collect();
    let offset = list_request.offset()?;
    let total = matching.len();
    let next = list_request.next_link(&request.url, offset, total);
    let items = matching
        .into_iter()
        .skip(offset)
        .take(list_request.size)
        .map(|stored| DataplaneMeta {
            labels: stored.resource.meta.labels.clone(),
            mesh: stored.resource.meta.mesh.clone(),
            name: stored.resource.meta.name.clone(),
            kind: "Dataplane",
        })
        .collect();
    Ok(json(
        StatusCode::OK,
        &DataplaneMetaList { items, next, total },
    ))
}

/// A service of a mesh as its ServiceInsight counts it.
#[derive(Default)]
struct ServiceStat {
    kind: &'static str,
    online: u32,
    offline: u32,
    issued_backends: BTreeMap<String, u32>,
    zones: BTreeSet<String>,
}

const SERVICE_TYPES: [&str; 4] = [
    "internal",
    "external",
    "gateway_delegated",
    "gateway_builtin",
];

/// The services of a mesh, sorted by name, from its Dataplanes and ExternalServices
/// (`pkg/insights/resyncer.go`).
fn services_of(state: &AppState, mesh: &str) -> BTreeMap<String, ServiceStat> {
    let mut services: BTreeMap<String, ServiceStat> = BTreeMap::new();
    for stored in state.store.list("Dataplane", Some(mesh)) {
        let spec = &stored.resource.spec;
        let dataplane = Dataplane::from_spec(spec);
        let insight = dataplane_insight(state, mesh, &stored.resource.meta.name);
        let (status, _) = dataplane.status(insight.as_ref());
        let backend = proxy_status::str_at(insight.as_ref(), "/mTLS/issuedBackend");
        let mut count = |service: &str, kind: &'static str, zone: &str| {
            let stat = services.entry(service.to_string()).or_default();
            stat.kind = kind;
            if status == Status::Online {
                stat.online += 1;
            } else {
                stat.offline += 1;
            }
            if !backend.is_empty() {
                *stat.issued_backends.entry(backend.to_string()).or_default() += 1;
            }
            if !zone.is_empty() {
                stat.zones.insert(zone.to_string());
            }
        };
        match dataplane.gateway_type() {
            Some(gateway_type) => {
                let tags = dataplane.gateway_tags();
                let tag = |key: &str| tags.iter().find(|(k, _)| *k == key).map_or("", |(_, v)| *v);
                let kind = match gateway_type {
                    GatewayType::Builtin => "gateway_builtin",
                    GatewayType::Delegated => "gateway_delegated",
                };
                if !tag(SERVICE_TAG).is_empty() {
                    count(tag(SERVICE_TAG), kind, tag(ZONE_TAG));
                }
            }
            None => {
                for inbound in dataplane.inbounds() {
                    if inbound.get("state").and_then(Value::as_str) == Some("Ignored") {
                        continue;
                    }
                    let service = proxy_status::str_at(Some(inbound), "/tags/kuma.io~1service");
                    if !service.is_empty() {
                        let zone = proxy_status::str_at(Some(inbound), "/tags/kuma.io~1zone");
                        count(service, "internal", zone);
                    }
                }
            }
        }
    }
    for stored in state.store.list("ExternalService", Some(mesh)) {
        let service = stored
            .resource
            .spec
            .get("tags")
            .and_then(|tags| tags.get(SERVICE_TAG))
            .and_then(Value::as_str)
            .unwrap_or_default();
        if !service.is_empty() {
            services.entry(service.to_string()).or_default().kind = "external";
        }
    }
    services
}

/// The ServiceInsight `Service` message of one service (`api/mesh/v1alpha1/service_insight.proto`).
fn service_json(name: &str, stat: &ServiceStat) -> Map<String, Value> {
    let status = if stat.kind == "external" {
        "not_available"
    } else if stat.online == 0 {
        "offline"
    } else if stat.offline == 0 {
        "online"
    } else {
        "partially_degraded"
    };
    let mut dataplanes = Writer::new();
    dataplanes
        .uint32("total", stat.online.saturating_add(stat.offline))
        .uint32("online", stat.online)
        .uint32("offline", stat.offline);
    let mut out = Writer::new();
    out.string("status", status)
        .message("dataplanes", Some(dataplanes.finish()));
    if !stat.issued_backends.is_empty() {
        let backends = stat
            .issued_backends
            .iter()
            .map(|(k, v)| (k.clone(), Value::from(*v)))
            .collect();
        out.message("issuedBackends", Some(backends));
    }
    if stat.kind != "internal" {
        out.string("serviceType", stat.kind);
    }
    if stat.kind == "internal" {
        out.string("addressPort", &format!("{name}.mesh:80"));
    }
    let zones: Vec<String> = stat.zones.iter().cloned().collect();
    out.strings("zones", &zones);
    out.finish()
}

/// `GET /meshes/{mesh}/service-insights`: one item per service of the mesh, computed on
/// demand, with the `name` and `type` filters and pagination. The mesh is checked by the
/// caller.
pub fn list_service_insights(request: &ResourceRequest, mesh: &str) -> Result<Response, ApiError> {
    let state = &request.state;
    let query = &request.url.query;
    let list_request = ListRequest::parse(query, &request.route)?;
    let types: Option<Vec<String>> = match query.get("type") {
        None | Some("") => None,
        Some(raw) => {
            let types: Vec<String> = raw
                .split(',')
                .map(|t| t.trim().to_ascii_lowercase())
                .collect();
            if types.iter().any(|t| !SERVICE_TYPES.contains(&t.as_str())) {
                return Err(ApiError::new(
                    400,
                    "Bad Request",
                    "bad request: unsupported service type",
                ));
            }
            Some(types)
        }
    };
    let Some(mesh_resource) = state.store.get(&ResourceKey::mesh(mesh)) else {
        return Err(not_found(MESH_ERROR_TITLE));
    };
    let mesh_meta = &mesh_resource.resource.meta;
    let creation = crate::resources::time::format(&mesh_meta.creation_time);
    let modification = crate::resources::time::format(&mesh_meta.modification_time);
    let matching: Vec<(String, ServiceStat)> = services_of(state, mesh)
        .into_iter()
        .filter(|(name, stat)| {
            name.contains(&list_request.name_contains)
                && types
                    .as_ref()
                    .is_none_or(|types| types.iter().any(|t| t == stat.kind))
        })
        .collect();
    let page = super::pagination::page(matching, &list_request, &request.url, |(name, stat)| {
        service_insight_item(mesh, &creation, &modification, &name, &stat)
    })?;
    Ok(json(StatusCode::OK, &page))
}

/// One ServiceInsight as the list serves it: the resource envelope (the mesh's times)
/// around the `Service` message.
fn service_insight_item(
    mesh: &str,
    creation: &str,
    modification: &str,
    name: &str,
    stat: &ServiceStat,
) -> Value {
    let mut item = Map::new();
    item.insert("type".into(), "ServiceInsight".into());
    item.insert("mesh".into(), mesh.into());
    item.insert("name".into(), name.into());
    item.insert("creationTime".into(), creation.into());
    item.insert("modificationTime".into(), modification.into());
    item.extend(service_json(name, stat));
    Value::Object(item)
}

/// `GET /meshes/{mesh}/service-insights/{name}`: the one service of the list, computed
/// the same way (so `export` can read every item it listed), or `None`.
pub fn find_service_insight(state: &AppState, mesh: &str, name: &str) -> Option<Resource> {
    let mesh_resource = state.store.get(&ResourceKey::mesh(mesh))?;
    let mesh_meta = &mesh_resource.resource.meta;
    let creation = crate::resources::time::format(&mesh_meta.creation_time);
    let modification = crate::resources::time::format(&mesh_meta.modification_time);
    let (name, stat) = services_of(state, mesh)
        .into_iter()
        .find(|(service, _)| service == name)?;
    Resource::from_json(service_insight_item(
        mesh,
        &creation,
        &modification,
        &name,
        &stat,
    ))
    .ok()
}
