//! Overviews of the types with insights (Kuma's `SetOverviewSpec` in
//! `zz_generated.resources.go`): the resource's meta, its
//! spec under `<type>` and its insight under `<type>Insight` (omitted when there is
//! none); and the Envoy admin views of proxies, which kuma-cp-lite cannot serve.

#![allow(
    clippy::result_large_err,
    reason = "errors become HTTP responses at once; their size does not matter on that path"
)]

use super::insights;
use super::inspect::DataplaneFilter;
use super::pagination;
use super::pagination::{ListRequest, Page};
use super::request::ResourceRequest;
use super::resources::{GET_ERROR_TITLE, check_access, check_mesh, not_found, scan, target};
use super::response::{error, json};
use super::state::{AppState, SharedState};
use super::store::{self, ResourceKey};
use crate::api::ApiError;
use crate::resources::Resource;
use crate::resources::descriptor::{ResourceType, Scope};
use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use serde_json::Value;

/// The Envoy admin views of a proxy and what they show.
const ENVOY_ADMIN_VIEWS: [(&str, &str); 3] = [
    ("xds", "config dump"),
    ("stats", "stats"),
    ("clusters", "clusters"),
];

/// Adds the overview routes of `t` (and its Envoy admin routes if it is a proxy) next
/// to its list and item routes.
pub fn routes(
    mut router: Router<SharedState>,
    t: &'static ResourceType,
    list_route: &str,
    item_route: &str,
) -> Router<SharedState> {
    router = router
        .route(
            &format!("{list_route}/_overview"),
            get(move |request: ResourceRequest| list_overviews(t, request)),
        )
        .route(
            &format!("{item_route}/_overview"),
            get(move |request: ResourceRequest| get_overview(t, request)),
        );
    if t.scope == Scope::Mesh {
        // Across all meshes (`/dataplanes/_overview`).
        router = router.route(
            &format!("/{}/_overview", t.path),
            get(move |request: ResourceRequest| list_overviews(t, request)),
        );
    }
    // The legacy paths of the same views; only the main path has them.
    if list_route.ends_with(&format!("/{}", t.path)) {
        let legacy = match t.name {
            "ZoneEgress" => "zoneegressoverviews".to_string(),
            _ => format!("{}+insights", t.path),
        };
        let prefix = &list_route[..list_route.len() - t.path.len()];
        router = router
            .route(
                &format!("{prefix}{legacy}"),
                get(move |request: ResourceRequest| list_overviews(t, request)),
            )
            .route(
                &format!("{prefix}{legacy}/{{name}}"),
                get(move |request: ResourceRequest| get_overview(t, request)),
            );
    }
    if t.proxy_type.is_some() {
        for (view, description) in ENVOY_ADMIN_VIEWS {
            router = router.route(
                &format!("{item_route}/{view}"),
                get(move |request: ResourceRequest| envoy_admin(t, request, description)),
            );
        }
    }
    router
}

/// `zoneEgress` for `ZoneEgress`.
fn field_name(type_name: &str) -> String {
    let mut chars = type_name.chars();
    chars
        .next()
        .map(|first| first.to_ascii_lowercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// The overview of one resource.
pub fn overview_json(state: &AppState, resource: &Resource) -> Value {
    let t = resource.resource_type();
    let mut out = resource.meta_json();
    out.insert("type".into(), format!("{}Overview", t.name).into());
    let field = field_name(t.name);
    out.insert(field.clone(), Value::Object(resource.spec.clone()));
    if let Some(insight_type) = insights::insight_type_of(t.name)
        && let Some(insight) = state.store.get(&ResourceKey::new(
            insight_type,
            &resource.meta.mesh,
            &resource.meta.name,
        ))
    {
        out.insert(
            format!("{field}Insight"),
            Value::Object(insight.resource.spec.clone()),
        );
    }
    Value::Object(out)
}

async fn list_overviews(t: &'static ResourceType, request: ResourceRequest) -> Response {
    let result = (|| -> Result<Response, ApiError> {
        let state = &request.state;
        let mesh = (t.scope == Scope::Mesh && request.route.starts_with("/meshes/"))
            .then(|| request.param("mesh"));
        if let Some(mesh) = mesh {
            check_mesh(state, t, mesh)?;
        }
        check_access(t, &request.user)?;
        let list_request = ListRequest::parse(&request.url.query, &request.route)?;
        if t.name == "Dataplane" {
            let filter = DataplaneFilter::parse(&request.url.query, &request.route)?;
            if !filter.is_empty() {
                let matching: Vec<_> = state
                    .store
                    .list(t.name, mesh)
                    .into_iter()
                    .filter(|stored| {
                        let meta = &stored.resource.meta;
                        list_request.matches(&meta.name, &meta.labels)
                            && filter.matches(&stored.resource.spec)
                    })
                    .collect();
                let page = pagination::page(matching, &list_request, &request.url, |stored| {
                    overview_json(state, &stored.resource)
                })?;
                return Ok(json(StatusCode::OK, &page));
            }
        }
        let offset = list_request.offset()?;
        let mut on_page = Vec::new();
        let total = scan(state, t, mesh, &list_request, offset, &mut |json| {
            on_page.push(json.to_string())
        });
        let page = Page {
            total,
            items: on_page
                .iter()
                .map(|json| overview_json(state, &store::parse(json)))
                .collect(),
            next: list_request.next_link(&request.url, offset, total),
        };
        Ok(json(StatusCode::OK, &page))
    })();
    result.unwrap_or_else(|err| error(&err))
}

async fn get_overview(t: &'static ResourceType, request: ResourceRequest) -> Response {
    let result = (|| -> Result<Response, ApiError> {
        let state = &request.state;
        let (mesh, name) = target(t, &request);
        check_mesh(state, t, &mesh)?;
        check_access(t, &request.user)?;
        let stored = state
            .store
            .get(&ResourceKey::new(t, &mesh, &name))
            .ok_or_else(|| not_found(GET_ERROR_TITLE))?;
        Ok(json(
            StatusCode::OK,
            &overview_json(state, &stored.resource),
        ))
    })();
    result.unwrap_or_else(|err| error(&err))
}

/// kuma-cp-lite serves no xDS, so it has no channel to any proxy's Envoy admin API.
/// It says so instead of pretending: 404 for an unknown proxy, otherwise 503.
async fn envoy_admin(
    t: &'static ResourceType,
    request: ResourceRequest,
    description: &'static str,
) -> Response {
    let result = (|| -> Result<Response, ApiError> {
        let state = &request.state;
        let (mesh, name) = target(t, &request);
        check_mesh(state, t, &mesh)?;
        // Kuma's titles (`pkg/api-server/inspect_envoy_admin_endpoints.go`), except that a
        // Zone Egress is not called a zone ingress.
        let kind = match t.name {
            "Dataplane" => "dataplane",
            "ZoneIngress" => "zone ingress",
            _ => "zone egress",
        };
        let stored = state
            .store
            .get(&ResourceKey::new(t, &mesh, &name))
            .ok_or_else(|| not_found(&format!("Could not get {kind} resource")))?;
        let zone = stored
            .resource
            .spec
            .get("zone")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if t.scope == Scope::Global && !zone.is_empty() && zone != state.options.zone {
            return Err(ApiError::new(
                400,
                format!("Could not connect to {kind} that resides in another zone"),
                "Resource is not valid",
            ));
        }
        Err(ApiError::new(
            503,
            "Could not execute admin operation",
            format!(
                "kuma-cp-lite serves no Envoy configuration, so it cannot reach the Envoy admin API of {} {} to get its {description}",
                t.name,
                crate::resources::spec::gojson::quote(&name)
            ),
        ))
    })();
    result.unwrap_or_else(|err| error(&err))
}
