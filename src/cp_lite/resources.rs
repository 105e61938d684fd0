//! The resource REST API (Kuma's `pkg/api-server/resource_endpoints.go`): list, get,
//! create-or-update and delete for
//! every type of the descriptor table, with Kuma's processing order, status codes and
//! error bodies.

#![allow(
    clippy::result_large_err,
    reason = "errors become HTTP responses at once; their size does not matter on that path"
)]

use super::caller::User;
use super::insights;
use super::kubernetes_form::kubernetes_form;
use super::labels;
use super::legacy_managers;
use super::managers;
use super::options::Mode;
use super::overview;
use super::pagination::{ListRequest, PageWriter, page};
use super::request::{ResourceRequest, require_json};
use super::response::{json, json_bytes};
use super::spec_filters::SpecFilter;
use super::state::{AppState, SharedState};
use super::store::{Filter, PackedLabels, ResourceKey, StoreError, Stored, StoredResource};
use crate::api::ApiError;
use crate::resources::descriptor::{RESOURCE_TYPES, ResourceType, Scope};
use crate::resources::meta::validate_meta;
use crate::resources::resource::{ParseError, json_kind};
use crate::resources::spec::{self, TypedSpec, gojson};
use crate::resources::{Resource, Violation};
use axum::Router;
use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use chrono::Utc;
use serde::Serialize;
use serde_json::{Map, Value};
use std::sync::Arc;

pub const GET_ERROR_TITLE: &str = "Could not retrieve a resource";
pub const PROCESS_ERROR_TITLE: &str = "Could not process a resource";
pub const CREATE_ERROR_TITLE: &str = "Failed to create a resource";
pub const UPDATE_ERROR_TITLE: &str = "Failed to update a resource";
pub const IMMUTABLE_ERROR_TITLE: &str = "Could not update a resource";
pub const DELETE_ERROR_TITLE: &str = "Could not delete a resource";
pub const MESH_ERROR_TITLE: &str = "Failed to retrieve Mesh";

/// How many times a PUT re-reads and retries after losing a race with another writer.
const WRITE_ATTEMPTS: usize = 64;

/// Every route of every type: lists, items, and for types with insights their overview
/// and Envoy admin routes.
pub fn routes() -> Router<SharedState> {
    let mut router = Router::new();
    for resource_type in RESOURCE_TYPES {
        for path in std::iter::once(resource_type.path).chain(resource_type.alt_path) {
            router = type_routes(router, resource_type, path);
        }
    }
    router
}

fn type_routes(
    mut router: Router<SharedState>,
    t: &'static ResourceType,
    path: &str,
) -> Router<SharedState> {
    // Path parameter names must agree across routes sharing a prefix, so the Mesh item
    // is `/meshes/{mesh}` like the mesh-scoped routes beneath it.
    let (list_route, item_route) = match t.scope {
        Scope::Global if t.name == "Mesh" => ("/meshes".to_string(), "/meshes/{mesh}".to_string()),
        Scope::Global => (format!("/{path}"), format!("/{path}/{{name}}")),
        Scope::Mesh => (
            format!("/meshes/{{mesh}}/{path}"),
            format!("/meshes/{{mesh}}/{path}/{{name}}"),
        ),
    };
    if t.scope == Scope::Mesh {
        // Listing across all meshes.
        router = router.route(
            &format!("/{path}"),
            get(move |request: ResourceRequest| list(t, request, false)),
        );
    }
    router = router
        .route(
            &list_route,
            get(move |request: ResourceRequest| list(t, request, t.scope == Scope::Mesh)),
        )
        .route(
            &item_route,
            get(move |request: ResourceRequest| get_item(t, request))
                .put(move |request: ResourceRequest, body: Bytes| put_item(t, request, body))
                .delete(move |request: ResourceRequest| delete_item(t, request)),
        );
    if t.has_insights {
        router = overview::routes(router, t, &list_route, &item_route);
    }
    router
}

/// The mesh and name a request addresses.
pub fn target(t: &ResourceType, request: &ResourceRequest) -> (String, String) {
    match t.scope {
        Scope::Global if t.name == "Mesh" => (String::new(), request.param("mesh").to_string()),
        Scope::Global => (String::new(), request.param("name").to_string()),
        Scope::Mesh => (
            request.param("mesh").to_string(),
            request.param("name").to_string(),
        ),
    }
}

pub fn not_found(title: &str) -> ApiError {
    ApiError::new(404, title, "Not found")
}

/// Kuma's `ValidationError` body.
pub fn invalid(title: &str, violations: Vec<Violation>) -> ApiError {
    ApiError::new(400, title, "Resource is not valid").with_parameters(
        violations
            .into_iter()
            .map(|v| (v.field, v.message))
            .collect(),
    )
}

fn bad_request(detail: String) -> ApiError {
    ApiError::new(400, "Bad Request", detail)
}

/// The 405 of a read-only type or mode, with the mode's message (Kuma's
/// `descriptor.IsReadOnly` in `pkg/core/resources/model/resource.go`).
pub fn read_only(mode: Mode) -> ApiError {
    let message = match mode {
        Mode::Global => {
            "On global control plane you can not modify dataplane resources with 'kumactl apply' or via the HTTP API. You can still use 'kumactl' or the HTTP API to modify them on the zone control plane.\n"
        }
        Mode::Zone => {
            "On zone control plane you can only modify zone resources with 'kumactl apply' or via the HTTP API. You can still use 'kumactl' or the HTTP API to modify the rest of the resource on the global control plane.\n"
        }
    };
    ApiError::new(405, "Method not allowed", message)
}

/// Only the admin may touch admin-only types (users as in Kuma's `pkg/core/user/user.go`).
pub fn check_access(t: &ResourceType, user: &User) -> Result<(), ApiError> {
    if !t.admin_only || user.is_admin() {
        return Ok(());
    }
    let described = User {
        name: user.name.clone(),
        groups: user.groups_with_authenticated(),
    }
    .describe();
    Err(ApiError::new(
        403,
        "Access Denied",
        format!(
            "user {} cannot access the resource of type {}",
            gojson::quote(&described),
            gojson::quote(t.name)
        ),
    ))
}

/// For mesh-scoped paths, the mesh must exist.
pub fn check_mesh(state: &AppState, t: &ResourceType, mesh: &str) -> Result<(), ApiError> {
    if t.scope == Scope::Mesh && state.store.get(&ResourceKey::mesh(mesh)).is_none() {
        return Err(not_found(MESH_ERROR_TITLE));
    }
    Ok(())
}

fn is_read_only(state: &AppState, t: &ResourceType) -> bool {
    t.is_read_only_on(state.options.mode == Mode::Global, false)
}

/// The resources a list shows when they are computed (mesh insights), else `None`.
pub fn computed(state: &AppState, t: &'static ResourceType) -> Option<Vec<Arc<Resource>>> {
    (t.name == insights::MESH_INSIGHT).then(|| insights::mesh_insights(state.store.as_ref()))
}

/// The page `list_request` asks for out of the stored resources of `t` (in `mesh`, or in
/// all): hands the items on it to `visit` and returns how many pass the filters.
pub fn scan(
    state: &AppState,
    t: &'static ResourceType,
    mesh: Option<&str>,
    list_request: &ListRequest,
    offset: usize,
    visit: &mut dyn FnMut(&str),
) -> usize {
    let filter = |name: &str, labels: &PackedLabels, json: &str| {
        list_request.matches_with(name, |key| labels.get(key))
            && list_request.spec_filter.as_ref().is_none_or(|spec| {
                serde_json::from_str(json).is_ok_and(|value| spec.matches(t.name, &value))
            })
    };
    let filter: Filter<'_> = (!list_request.is_unfiltered()).then_some(&filter);
    state
        .store
        .page(t.name, mesh, filter, offset, list_request.size, visit)
}

fn load_one(state: &AppState, key: &ResourceKey) -> Option<Stored> {
    if key.type_name == "ServiceInsight" {
        return super::inspect::find_service_insight(state, &key.mesh, &key.name).map(|r| Stored {
            resource: StoredResource::new(&r),
            version: 0,
        });
    }
    if key.type_name == insights::MESH_INSIGHT {
        return insights::mesh_insights(state.store.as_ref())
            .into_iter()
            .find(|r| r.meta.name == key.name)
            .map(|r| Stored {
                resource: StoredResource::new(&r),
                version: 0,
            });
    }
    state.store.get(key)
}

fn respond(result: Result<Response, ApiError>) -> Response {
    result.unwrap_or_else(|err| super::response::error(&err))
}

async fn list(t: &'static ResourceType, request: ResourceRequest, in_mesh: bool) -> Response {
    respond(list_resources(t, &request, in_mesh))
}

fn list_resources(
    t: &'static ResourceType,
    request: &ResourceRequest,
    in_mesh: bool,
) -> Result<Response, ApiError> {
    let state = &request.state;
    let mesh = in_mesh.then(|| request.param("mesh"));
    // Kuma's order: size and filters, then the mesh and the access check.
    let mut list_request = ListRequest::parse(&request.url.query, &request.route)?;
    list_request.spec_filter = SpecFilter::parse(t, &request.url.query, &request.route)?;
    if let Some(mesh) = mesh {
        check_mesh(state, t, mesh)?;
    }
    check_access(t, &request.user)?;
    if t.name == "ServiceInsight"
        && let Some(mesh) = mesh
    {
        return super::inspect::list_service_insights(request, mesh);
    }
    if let Some(resources) = computed(state, t) {
        let matching: Vec<Arc<Resource>> = resources
            .into_iter()
            .filter(|r| list_request.matches(&r.meta.name, &r.meta.labels))
            .collect();
        let page = page(matching, &list_request, &request.url, |r| r.to_json())?;
        return Ok(json(StatusCode::OK, &page));
    }
    let offset = list_request.offset()?;
    let mut writer = PageWriter::default();
    // MeshService state and counters are computed on read, from the Dataplanes.
    let dataplanes = (t.name == "MeshService")
        .then(|| super::mesh_services::Dataplanes::read(state.store.as_ref()));
    let total = scan(
        state,
        t,
        mesh,
        &list_request,
        offset,
        &mut |json| match &dataplanes {
            Some(dataplanes) => writer.push(&super::mesh_services::on_read(dataplanes, json)),
            None => writer.push(json),
        },
    );
    let next = list_request.next_link(&request.url, offset, total);
    Ok(json_bytes(
        StatusCode::OK,
        writer.finish(total, next.as_deref()),
    ))
}

async fn get_item(t: &'static ResourceType, request: ResourceRequest) -> Response {
    respond(find(t, &request))
}

fn find(t: &'static ResourceType, request: &ResourceRequest) -> Result<Response, ApiError> {
    let state = &request.state;
    let (mesh, name) = target(t, request);
    check_mesh(state, t, &mesh)?;
    check_access(t, &request.user)?;
    let stored = load_one(state, &ResourceKey::new(t, &mesh, &name))
        .ok_or_else(|| not_found(GET_ERROR_TITLE))?;
    render_one(&stored, request)
}

/// One resource in the form the `format` query parameter asks for.
pub fn render_one(stored: &Stored, request: &ResourceRequest) -> Result<Response, ApiError> {
    let t = stored.resource.meta.resource_type;
    let state = &request.state;
    match request.url.query.get("format").unwrap_or_default() {
        "" | "universal" => {
            let json = match t.name {
                "MeshService" => super::mesh_services::on_read(
                    &super::mesh_services::Dataplanes::read(state.store.as_ref()),
                    stored.resource.json(),
                ),
                _ => std::borrow::Cow::Borrowed(stored.resource.json()),
            };
            let mut body = Vec::with_capacity(json.len() + 1);
            body.extend_from_slice(json.as_bytes());
            body.push(b'\n');
            Ok(json_bytes(StatusCode::OK, body))
        }
        "k8s" | "kubernetes" => Ok(json(
            StatusCode::OK,
            &kubernetes_form(&stored.resource, request.url.query.get("namespace")),
        )),
        // (inferred) The reason text; Kuma rejects the value with a validation error.
        _ => Err(invalid(
            GET_ERROR_TITLE,
            vec![Violation::new(
                "format",
                "must be one of: k8s, kubernetes, universal",
            )],
        )),
    }
}

/// `{}` or `{"warnings": [...]}`.
#[derive(Serialize)]
struct WriteResponse {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<String>,
}

async fn put_item(t: &'static ResourceType, request: ResourceRequest, body: Bytes) -> Response {
    if let Err(unsupported) = require_json(request.content_type.as_deref()) {
        return unsupported;
    }
    respond(create_or_update(t, &request, &body))
}

/// Reads a PUT body as a resource of type `t` (the URL's type, whatever the body says);
/// returns it with the body's own `type` for the mismatch check.
pub fn read_body(t: &'static ResourceType, body: &[u8]) -> Result<(Resource, String), ApiError> {
    let invalid_object = |reason: &str| {
        bad_request(format!(
            "invalid {} object: {}",
            t.name,
            gojson::quote(reason)
        ))
    };
    let value: Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(err) => {
            if let Some(message) = gojson::syntax_error(body) {
                return Err(invalid_object(&message));
            }
            // Well-formed but not UTF-8: Go reads invalid bytes as U+FFFD.
            serde_json::from_str(&String::from_utf8_lossy(body))
                .map_err(|_| invalid_object(&err.to_string()))?
        }
    };
    // New-style types: the body is a generic map, defaulted and checked by the schema.
    let value = crate::resources::openapi::check_body(t.name, value).map_err(|err| match err {
        crate::resources::openapi::BodyError::NotObject(reason) => invalid_object(&reason),
        crate::resources::openapi::BodyError::Schema(violations) => {
            invalid(PROCESS_ERROR_TITLE, violations)
        }
    })?;
    let Value::Object(mut fields) = value else {
        // (inferred) Legacy bodies are read into the meta struct first; new ones into a
        // generic map for their schema.
        let target = match t.family {
            crate::resources::descriptor::BodyFamily::Legacy => "v1alpha1.ResourceMeta",
            crate::resources::descriptor::BodyFamily::SpecObject => "map[string]interface {}",
        };
        return Err(invalid_object(&format!(
            "json: cannot unmarshal {} into Go value of type {target}",
            json_kind(&value)
        )));
    };
    let body_type = match fields.get("type") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => {
            return Err(invalid_object(&format!(
                "json: cannot unmarshal {} into Go struct field ResourceMeta.type of type string",
                json_kind(other)
            )));
        }
    };
    fields.insert("type".into(), t.name.into());
    let resource = Resource::from_json(Value::Object(fields)).map_err(|err| match err {
        ParseError::InvalidMeta(reason) | ParseError::InvalidType(reason) => {
            invalid_object(&reason)
        }
    })?;
    let mut resource = spec::decode(resource).map_err(|err| invalid_object(&err.reason))?;
    crate::resources::openapi::decode::server_status(t.name, &mut resource.spec);
    Ok((resource, body_type))
}

fn create_or_update(
    t: &'static ResourceType,
    request: &ResourceRequest,
    body: &[u8],
) -> Result<Response, ApiError> {
    let state = &request.state;
    if is_read_only(state, t) {
        return Err(read_only(state.options.mode));
    }
    let (mesh, name) = target(t, request);
    check_mesh(state, t, &mesh)?;
    let (resource, body_type) = read_body(t, body)?;
    let written = upsert(state, &request.user, t, &mesh, &name, resource, &body_type)?;
    Ok(json(
        written.status,
        &WriteResponse {
            warnings: written.warnings,
        },
    ))
}

/// The outcome of a successful [`upsert`].
#[derive(Debug)]
pub struct Written {
    /// 201 when created, 200 when updated.
    pub status: StatusCode,
    /// Deprecation warnings for the client.
    pub warnings: Vec<String>,
}

/// Creates or updates `resource` at (`mesh`, `name`) as a PUT does once the body is read
/// (the rest of Kuma's `createOrUpdateResource`): spec rules, request checks (`body_type`
/// is the body's `type` field), labels, access, manager checks, then the store write.
/// Computed labels and times are the server's. The caller has already checked that the type is writable in
/// this mode and that the mesh exists. Concurrent writers never lose updates: a write
/// that races another is re-read and redone.
pub fn upsert(
    state: &AppState,
    user: &User,
    t: &'static ResourceType,
    mesh: &str,
    name: &str,
    mut resource: Resource,
    body_type: &str,
) -> Result<Written, ApiError> {
    let violations = spec::validate(&mut resource);
    if !violations.is_empty() {
        return Err(invalid(PROCESS_ERROR_TITLE, violations));
    }
    let mut checks = Vec::new();
    if resource.meta.name != name {
        checks.push(Violation::new(
            "name",
            "name from the URL has to be the same as in body",
        ));
    }
    if body_type != t.name {
        checks.push(Violation::new(
            "type",
            "type from the URL has to be the same as in body",
        ));
    }
    if t.scope == Scope::Mesh && resource.meta.mesh != mesh {
        checks.push(Violation::new(
            "mesh",
            "mesh from the URL has to be the same as in body",
        ));
    }
    checks.extend(labels::validate(
        &resource.meta.labels,
        &resource.meta.mesh,
        &state.options,
    ));
    checks.extend(validate_meta(t, &resource.meta.name, &resource.meta.mesh));
    if !checks.is_empty() {
        return Err(invalid(PROCESS_ERROR_TITLE, checks));
    }
    if let Some(err) = workload_label_error(state, t, mesh, name, &resource) {
        return Err(err);
    }
    let key = ResourceKey::new(t, mesh, name);
    // What is stored: the body with the server's mesh and computed labels (the times are
    // set by the write).
    resource.meta.mesh = key_mesh(t, mesh);
    resource.meta.labels = labels::compute(
        std::mem::take(&mut resource.meta.labels),
        t,
        mesh,
        &state.options,
    );
    labels::compute_from_spec(&mut resource.meta.labels, t, &resource.spec);
    for _ in 0..WRITE_ATTEMPTS {
        let existing = state.store.get(&key);
        check_access(t, user)?;
        let outcome = match &existing {
            None => create(state, t, mesh, &mut resource),
            Some(stored) => update(state, t, &mut resource, stored),
        };
        match outcome {
            Ok(status) => {
                return Ok(Written {
                    status,
                    warnings: spec::warnings(&resource),
                });
            }
            // Another writer got there first: read again and redo the write.
            Err(WriteError::Store(
                StoreError::AlreadyExists(_) | StoreError::Conflict(_) | StoreError::NotFound(_),
            )) => continue,
            Err(WriteError::Store(StoreError::OwnerNotFound { .. })) => {
                let title = if existing.is_some() {
                    UPDATE_ERROR_TITLE
                } else {
                    CREATE_ERROR_TITLE
                };
                return Err(mesh_vanished(title, mesh));
            }
            Err(WriteError::Api(err)) => return Err(err),
        }
    }
    Err(ApiError::new(
        409,
        "Conflict",
        StoreError::Conflict(key).to_string(),
    ))
}

/// Only a Dataplane create checks its `kuma.io/workload` label (after the access check,
/// which a Dataplane always passes, and before labels are computed).
fn workload_label_error(
    state: &AppState,
    t: &ResourceType,
    mesh: &str,
    name: &str,
    resource: &Resource,
) -> Option<ApiError> {
    if t.name != "Dataplane" {
        return None;
    }
    let detail = labels::workload_label_error(&resource.meta.labels)?;
    state
        .store
        .get(&ResourceKey::new(t, mesh, name))
        .is_none()
        .then(|| bad_request(detail))
}

/// The mesh was deleted while the resource was being written.
fn mesh_vanished(title: &str, mesh: &str) -> ApiError {
    ApiError::new(400, title, "Mesh is not found").with_parameters(vec![(
        "mesh".into(),
        format!("mesh of name {mesh} is not found"),
    )])
}

enum WriteError {
    Store(StoreError),
    Api(ApiError),
}

impl From<StoreError> for WriteError {
    fn from(err: StoreError) -> Self {
        WriteError::Store(err)
    }
}

fn create(
    state: &AppState,
    t: &'static ResourceType,
    mesh: &str,
    resource: &mut Resource,
) -> Result<StatusCode, WriteError> {
    legacy_managers::apply_defaults(resource);
    // Only a Mesh has creation checks: no other spec needs reading again here.
    if t.name == "Mesh"
        && let Some(Ok(TypedSpec::Mesh(spec))) = TypedSpec::read(t.name, &resource.spec)
    {
        let violations =
            managers::mesh_create_violations(state.store.as_ref(), &resource.meta.name, &spec);
        if !violations.is_empty() {
            return Err(WriteError::Api(invalid(CREATE_ERROR_TITLE, violations)));
        }
    }
    legacy_managers::check(state.store.as_ref(), mesh, resource, CREATE_ERROR_TITLE)
        .map_err(WriteError::Api)?;
    legacy_managers::prepare_create(resource);
    let violations = crate::resources::policies::manager_violations(resource);
    if !violations.is_empty() {
        return Err(WriteError::Api(invalid(CREATE_ERROR_TITLE, violations)));
    }
    let now = Utc::now();
    resource.meta.creation_time = now;
    resource.meta.modification_time = now;
    let owner = (t.scope == Scope::Mesh).then(|| ResourceKey::mesh(mesh));
    state.store.create_from(resource, owner.as_ref())?;
    Ok(StatusCode::CREATED)
}

fn key_mesh(t: &ResourceType, mesh: &str) -> String {
    match t.scope {
        Scope::Global => String::new(),
        Scope::Mesh => mesh.to_string(),
    }
}

fn update(
    state: &AppState,
    t: &'static ResourceType,
    resource: &mut Resource,
    existing: &Stored,
) -> Result<StatusCode, WriteError> {
    let previous = &existing.resource;
    let immutable = labels::immutable_violations(&previous.meta.labels, &resource.meta.labels);
    if !immutable.is_empty() {
        return Err(WriteError::Api(invalid(IMMUTABLE_ERROR_TITLE, immutable)));
    }
    legacy_managers::apply_defaults(resource);
    // Only a Mesh has update checks: no other spec needs reading again here.
    if t.name == "Mesh"
        && let (Some(Ok(TypedSpec::Mesh(previous))), Some(Ok(TypedSpec::Mesh(next)))) = (
            TypedSpec::read(t.name, &previous.spec),
            TypedSpec::read(t.name, &resource.spec),
        )
    {
        let violations = managers::mesh_update_violations(
            state.store.as_ref(),
            &resource.meta.name,
            &previous,
            &next,
        );
        if !violations.is_empty() {
            return Err(WriteError::Api(invalid(UPDATE_ERROR_TITLE, violations)));
        }
    }
    legacy_managers::check(
        state.store.as_ref(),
        &resource.meta.mesh,
        resource,
        UPDATE_ERROR_TITLE,
    )
    .map_err(WriteError::Api)?;
    let violations = crate::resources::policies::manager_violations(resource);
    if !violations.is_empty() {
        return Err(WriteError::Api(invalid(UPDATE_ERROR_TITLE, violations)));
    }
    resource.meta.creation_time = previous.meta.creation_time;
    resource.meta.modification_time = Utc::now();
    state.store.update_from(resource, existing.version)?;
    Ok(StatusCode::OK)
}

async fn delete_item(t: &'static ResourceType, request: ResourceRequest) -> Response {
    respond(delete(t, &request))
}

fn delete(t: &'static ResourceType, request: &ResourceRequest) -> Result<Response, ApiError> {
    let state = &request.state;
    if is_read_only(state, t) {
        return Err(read_only(state.options.mode));
    }
    let (mesh, name) = target(t, request);
    check_mesh(state, t, &mesh)?;
    let key = ResourceKey::new(t, &mesh, &name);
    let existing = state
        .store
        .get(&key)
        .ok_or_else(|| not_found(DELETE_ERROR_TITLE))?;
    if state.options.mode == Mode::Global
        && let Some(origin) = existing.resource.meta.labels.get(labels::ORIGIN_LABEL)
        && origin != labels::ORIGIN_GLOBAL
    {
        return Err(invalid(
            DELETE_ERROR_TITLE,
            vec![Violation::new(
                format!("labels[{:?}]", labels::ORIGIN_LABEL),
                "the origin label must be set to 'global'",
            )],
        ));
    }
    check_access(t, &request.user)?;
    let violations = match t.name {
        "Mesh" => managers::mesh_delete_violations(state.store.as_ref(), &name),
        "Secret" => managers::secret_delete_violations(state.store.as_ref(), &mesh, &name),
        _ => Vec::new(),
    };
    if !violations.is_empty() {
        return Err(invalid(DELETE_ERROR_TITLE, violations));
    }
    match state.store.delete(&key) {
        Ok(_) => Ok(json(StatusCode::OK, &Map::new())),
        Err(StoreError::NotFound(_)) => Err(not_found(DELETE_ERROR_TITLE)),
        Err(err) => Err(ApiError::new(500, DELETE_ERROR_TITLE, err.to_string())),
    }
}
