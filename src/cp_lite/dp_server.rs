//! The dp-server (Kuma's `pkg/xds/bootstrap/handler.go`): where a Zone Egress proxy registers.
//!
//! Real Kuma splits this in two: `POST /bootstrap` checks that a token is present and
//! hands out an Envoy bootstrap, then the proxy's first xDS request carries the token,
//! which is validated before the ZoneEgress is upserted and its insight records the
//! connection. kuma-cp-lite serves no xDS, so `POST /bootstrap` does all of it in one
//! request, in the same order and with the same answers; `POST /bootstrap/disconnect`
//! (ours) records the end of the connection.

use super::insights::{self, ZONE_EGRESS};
use super::labels;
use super::options::Mode;
use super::request::{host_name, request_host};
use super::request_log::log_requests;
use super::response;
use super::secrets::{SecretAccess, StoreSecrets};
use super::state::{AppState, SharedState};
use super::store::{ResourceKey, StoreError};
use super::token_service::{validate_dataplane_token, validate_zone_token};
use super::zone_proxy;
use crate::resources::Resource;
use crate::resources::descriptor;
use crate::resources::meta::{join_violations, validate_meta};
use crate::resources::spec::insight::{
    self as insight, DiscoveryServiceStats, DiscoverySubscription, ProxyVersion, SubscriptionStatus,
};
use crate::resources::spec::jsonpb::Reader;
use crate::resources::spec::{self, ZoneEgressSpec};
use crate::tokens::zone::{EGRESS_SCOPE, ZoneClaims, go_slice};
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use base64::Engine;
use chrono::{DateTime, Utc};
use rustls::pki_types::{CertificateDer, ServerName};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::time::SystemTime;

/// kuma-dp's text when no token is configured (a 422).
pub const TOKEN_REQUIRED: &str = "Dataplane Token is required. Generate token using 'kumactl generate dataplane-token > /path/file' and provide it via --dataplane-token-file=/path/file argument to Kuma DP";

/// The version block kuma-dp sends, kept as the subscription's `version`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct KumaDpVersion {
    pub version: String,
    pub git_tag: String,
    pub git_commit: String,
    pub build_date: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct EnvoyVersion {
    pub version: String,
    pub build: String,
    pub kuma_dp_compatible: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Version {
    pub kuma_dp: KumaDpVersion,
    pub envoy: EnvoyVersion,
}

impl Version {
    /// The subscription's `version`, when kuma-dp sent one.
    fn to_proxy_version(&self) -> Option<ProxyVersion> {
        let kuma_dp = (self.kuma_dp != KumaDpVersion::default()).then(|| insight::KumaDpVersion {
            version: self.kuma_dp.version.clone(),
            git_tag: self.kuma_dp.git_tag.clone(),
            git_commit: self.kuma_dp.git_commit.clone(),
            build_date: self.kuma_dp.build_date.clone(),
        });
        let envoy = (self.envoy != EnvoyVersion::default()).then(|| insight::EnvoyVersion {
            version: self.envoy.version.clone(),
            build: self.envoy.build.clone(),
            kuma_dp_compatible: self.envoy.kuma_dp_compatible,
        });
        (kuma_dp.is_some() || envoy.is_some()).then(|| ProxyVersion {
            kuma_dp,
            envoy,
            dependencies: Default::default(),
        })
    }
}

/// The fields of kuma-dp's bootstrap request that matter here; the others are accepted
/// and ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct BootstrapRequest {
    pub mesh: String,
    pub name: String,
    pub proxy_type: String,
    /// The token file's contents, trimmed.
    pub dataplane_token: String,
    pub dataplane_token_path: String,
    /// The proxy's resource as JSON text (`--dataplane-file`).
    pub dataplane_resource: String,
    pub version: Version,
}

/// `POST /bootstrap/disconnect`: which egress, and its token.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DisconnectRequest {
    /// Set for a Dataplane; empty for a Zone Egress.
    pub mesh: String,
    pub name: String,
    pub dataplane_token: String,
}

/// A refused request: status and plain-text body (empty when Kuma sends none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub text: String,
}

impl Refusal {
    pub fn new(status: u16, text: impl Into<String>) -> Refusal {
        Refusal {
            status,
            text: text.into(),
        }
    }

    fn authentication(reason: impl std::fmt::Display) -> Refusal {
        Refusal::new(401, format!("authentication failed: {reason}"))
    }
}

/// The proxy must reach us by a name our certificate carries, or its TLS check would
/// fail later: Kuma answers 400 and lists the certificate's names.
pub fn check_host(cert: &CertificateDer<'_>, host: &str) -> Result<(), Refusal> {
    let name = host_name(host);
    let Ok(server_name) = ServerName::try_from(name) else {
        return Err(san_mismatch(name, Vec::new()));
    };
    let parsed = rustls::server::ParsedCertificate::try_from(cert)
        .map_err(|e| Refusal::new(500, format!("the dp-server certificate is unusable: {e}")))?;
    match rustls::client::verify_server_name(&parsed, &server_name) {
        Ok(()) => Ok(()),
        Err(rustls::Error::InvalidCertificate(
            rustls::CertificateError::NotValidForNameContext { presented, .. },
        )) => Err(san_mismatch(name, presented)),
        Err(_) => Err(san_mismatch(name, Vec::new())),
    }
}

/// rustls lists names as `DnsName("x")` / `IpAddress(x)`; we print them as Kuma does.
fn plain_name(presented: &str) -> String {
    if let Some(dns) = presented
        .strip_prefix("DnsName(\"")
        .and_then(|s| s.strip_suffix("\")"))
    {
        return dns.to_string();
    }
    if let Some(ip) = presented
        .strip_prefix("IpAddress(")
        .and_then(|s| s.strip_suffix(')'))
    {
        return ip
            .parse::<std::net::IpAddr>()
            .map_or_else(|_| ip.to_string(), |ip| ip.to_string());
    }
    presented.to_string()
}

fn san_mismatch(host: &str, sans: Vec<String>) -> Refusal {
    let quoted: Vec<String> = sans
        .iter()
        .map(|s| format!("{:?}", plain_name(s)))
        .collect();
    Refusal::new(
        400,
        format!(
            "A data plane proxy is trying to connect to the control plane using {host:?} address, but the certificate in the control plane has the following SANs [{}]. Either change the --cp-address in kuma-dp to one of those or start kuma-cp-lite with a certificate for that address (--tls-cert-file and --tls-key-file).",
            quoted.join(" ")
        ),
    )
}

/// The first bootstrap check: some token is configured.
pub fn require_token(token: &str, token_path: &str) -> Result<(), Refusal> {
    if token.trim().is_empty() && token_path.is_empty() {
        return Err(Refusal::new(422, TOKEN_REQUIRED));
    }
    Ok(())
}

/// Real Envoy would read the file named by dataplaneTokenPath; we cannot.
fn path_only_refusal() -> Refusal {
    Refusal::new(
        422,
        "kuma-cp-lite needs the token itself in dataplaneToken: it cannot read dataplaneTokenPath on the proxy's machine",
    )
}

/// The bootstrap checks after the token and host ones: the proxy is an egress, we got the
/// token itself, and its inline resource (if any) is a valid ZoneEgress. Returns the
/// inline resource.
pub fn check_bootstrap_request(request: &BootstrapRequest) -> Result<Option<Resource>, Refusal> {
    let proxy_type = if request.proxy_type.is_empty() {
        "dataplane"
    } else {
        request.proxy_type.as_str()
    };
    if proxy_type != "egress" {
        return Err(Refusal::new(
            422,
            format!(
                "kuma-cp-lite registers Zone Egress and Dataplane proxies only (proxyType \"egress\" or \"dataplane\"), not {proxy_type:?}"
            ),
        ));
    }
    if request.dataplane_token.trim().is_empty() {
        return Err(path_only_refusal());
    }
    if request.dataplane_resource.is_empty() {
        return Ok(None);
    }
    let invalid = |reason: String| Refusal::new(422, format!("invalid resource: {reason}"));
    let value = resource_value(&request.dataplane_resource)
        .map_err(|e| invalid(format!("not YAML or JSON: {e}")))?;
    let resource = Resource::from_json(value).map_err(|e| invalid(e.to_string()))?;
    if resource.resource_type().name != "ZoneEgress" {
        return Err(invalid(format!(
            "expected a ZoneEgress, got a {}",
            resource.resource_type().name
        )));
    }
    let mut resource = spec::parse(resource).map_err(|e| match e {
        spec::SpecError::Invalid(_) => Refusal::new(422, e.to_string()),
        spec::SpecError::Decode(decode) => invalid(decode.to_string()),
    })?;
    if resource.meta.name.is_empty() {
        resource.meta.name = request.name.clone();
    }
    // The name rules of the API (`name: cannot be empty` first): a name the API could
    // not address must not reach the store.
    let violations = validate_meta(resource.resource_type(), &resource.meta.name, "");
    if !violations.is_empty() {
        return Err(Refusal::new(422, join_violations(&violations)));
    }
    if !request.name.is_empty() && request.name != resource.meta.name {
        return Err(Refusal::new(
            422,
            format!(
                "name: the proxy name {:?} differs from the name of its resource {:?}",
                request.name, resource.meta.name
            ),
        ));
    }
    Ok(Some(resource))
}

/// A YAML `dataplaneResource` may be this long and open this many flow collections (`[`,
/// `{`). libyaml rescans every open flow collection for each token it reads, so a body of
/// nested brackets would keep a worker busy for hours; a ZoneEgress needs a handful.
const MAX_YAML_RESOURCE_BYTES: usize = 64 << 10;
const MAX_YAML_FLOW_COLLECTIONS: usize = 256;

/// The inline resource as a JSON value. Kuma reads it as YAML, so JSON and YAML both
/// work; JSON is read as JSON, which has no such cost.
pub(crate) fn resource_value(text: &str) -> Result<Value, String> {
    if let Ok(value) = serde_json::from_str(text) {
        return Ok(value);
    }
    let flow_collections = text.bytes().filter(|b| matches!(b, b'[' | b'{')).count();
    if text.len() > MAX_YAML_RESOURCE_BYTES || flow_collections > MAX_YAML_FLOW_COLLECTIONS {
        return Err(format!(
            "a YAML resource is limited to {} KiB and {MAX_YAML_FLOW_COLLECTIONS} '[' or '{{'; send larger ones as JSON",
            MAX_YAML_RESOURCE_BYTES >> 10
        ));
    }
    serde_yaml::from_str(text).map_err(|e| e.to_string())
}

/// What Kuma checks on the first xDS request of a Zone Egress (`authZoneEntity`): a valid
/// zone token (signature with the key named by `kid`, expiry, revocations), with `egress`
/// in scope and a zone that is empty or ours.
pub fn authenticate_zone_egress(
    secrets: &dyn SecretAccess,
    cp_zone: &str,
    token: &str,
    now: SystemTime,
) -> Result<ZoneClaims, Refusal> {
    let claims =
        validate_zone_token(secrets, token.trim(), now).map_err(Refusal::authentication)?;
    if !claims.has_scope(EGRESS_SCOPE) {
        return Err(Refusal::authentication(format!(
            "token cannot be used to authenticate zone entity ({EGRESS_SCOPE} is out of token's scope: {})",
            go_slice(claims.scope())
        )));
    }
    if !claims.zone.is_empty() && claims.zone != cp_zone {
        return Err(Refusal::authentication(format!(
            "zone from requestor: {cp_zone} is different than in token: {}",
            claims.zone
        )));
    }
    Ok(claims)
}

/// The answer to a successful bootstrap. kuma-cp-lite serves no xDS, so the Envoy
/// bootstrap only names the node (`.<name>`, cluster `egress`) and the admin port.
#[derive(Debug, Serialize)]
pub struct BootstrapResponse {
    pub bootstrap: String,
    #[serde(rename = "kumaSidecarConfiguration")]
    pub kuma_sidecar_configuration: Value,
}

/// The node of an Envoy bootstrap: `.<name>` for a Zone Egress, `<mesh>.<name>` for a
/// Dataplane (`pkg/core/xds/types.go`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BootstrapNode {
    pub id: String,
    pub cluster: String,
    pub proxy_type: &'static str,
    pub admin_port: u32,
}

impl BootstrapNode {
    pub fn zone_egress(name: &str, admin_port: u32) -> BootstrapNode {
        BootstrapNode {
            id: format!(".{name}"),
            cluster: "egress".into(),
            proxy_type: "egress",
            admin_port,
        }
    }

    pub fn dataplane(mesh: &str, name: &str, admin_port: u32) -> BootstrapNode {
        BootstrapNode {
            id: format!("{mesh}.{name}"),
            cluster: name.into(),
            proxy_type: "dataplane",
            admin_port,
        }
    }
}

pub fn envoy_bootstrap_yaml(node: &BootstrapNode) -> String {
    format!(
        "node:\n  id: {}\n  cluster: {}\n  metadata:\n    dataplane.proxyType: {}\nadmin:\n  address:\n    socketAddress:\n      address: 127.0.0.1\n      portValue: {}\n",
        node.id, node.cluster, node.proxy_type, node.admin_port
    )
}

pub fn bootstrap_response(node: &BootstrapNode) -> BootstrapResponse {
    BootstrapResponse {
        bootstrap: base64::engine::general_purpose::STANDARD.encode(envoy_bootstrap_yaml(node)),
        kuma_sidecar_configuration: json!({
            "networking": {"corefileTemplate": null, "address": ""},
            "metrics": {"aggregate": []}
        }),
    }
}

/// The router state: the control plane and the certificate the listener serves.
#[derive(Clone)]
pub struct DpState {
    pub app: SharedState,
    pub certificate: CertificateDer<'static>,
}

/// The dp-server's routes; anything else gets go-restful's plain-text 404.
pub fn dp_router(app: SharedState, certificate: CertificateDer<'static>) -> Router {
    let quiet = app.options.quiet;
    let router = Router::new()
        .route("/bootstrap", post(bootstrap))
        .route("/bootstrap/disconnect", post(disconnect))
        .fallback(response::page_not_found)
        .method_not_allowed_fallback(response::method_not_allowed)
        .with_state(DpState { app, certificate });
    if quiet {
        router
    } else {
        router.layer(middleware::from_fn(|request, next| {
            log_requests("dp-server", request, next)
        }))
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::BAD_REQUEST);
        if self.text.is_empty() {
            status.into_response()
        } else {
            response::plain(status, &self.text)
        }
    }
}

fn zone_egress_key(name: &str) -> ResourceKey {
    ResourceKey::new(
        descriptor::by_name(ZONE_EGRESS).expect("the descriptor table has ZoneEgress"),
        "",
        name,
    )
}

/// Creates or replaces the ZoneEgress with the labels the control plane computes.
fn upsert_zone_egress(state: &AppState, resource: Resource) -> Result<(), Refusal> {
    let key = ResourceKey::of(&resource);
    let t = resource.meta.resource_type;
    let labels = labels::compute(resource.meta.labels.clone(), t, "", &state.options);
    // Lost races with other writers are retried on a fresh read.
    for _ in 0..64 {
        let now = Utc::now();
        let mut next = resource.clone();
        next.meta.labels = labels.clone();
        next.meta.modification_time = now;
        let written = match state.store.get(&key) {
            None => {
                next.meta.creation_time = now;
                state.store.create(next, None).map(|_| ())
            }
            Some(stored) => {
                next.meta.creation_time = stored.resource.meta.creation_time;
                state.store.update(next, stored.version).map(|_| ())
            }
        };
        match written {
            Ok(()) => return Ok(()),
            Err(StoreError::AlreadyExists(_) | StoreError::Conflict(_)) => continue,
            Err(err) => return Err(internal(err)),
        }
    }
    Err(internal("too many concurrent writers"))
}

fn internal(reason: impl std::fmt::Display) -> Refusal {
    eprintln!("kuma-cp-lite: dp-server: {reason}");
    Refusal::new(500, "")
}

fn new_subscription(
    state: &AppState,
    version: &Version,
    now: DateTime<Utc>,
) -> DiscoverySubscription {
    let stats = || Some(DiscoveryServiceStats::default());
    DiscoverySubscription {
        id: uuid::Uuid::new_v4().to_string(),
        control_plane_instance_id: state.index.instance_id.clone(),
        connect_time: Some(now),
        disconnect_time: None,
        // No xDS is served, so nothing is ever sent: every counter stays at zero.
        status: Some(SubscriptionStatus {
            last_update_time: None,
            total: stats(),
            cds: stats(),
            eds: stats(),
            lds: stats(),
            rds: stats(),
        }),
        version: version.to_proxy_version(),
        generation: 0,
    }
}

/// `POST /bootstrap`: the bootstrap checks, then the xDS authentication, then the
/// registration of the ZoneEgress or Dataplane and its connection.
fn register(dp: &DpState, host: &str, body: &[u8]) -> Result<BootstrapNode, Refusal> {
    let state = dp.app.as_ref();
    let request: BootstrapRequest =
        serde_json::from_slice(body).map_err(|_| Refusal::new(400, ""))?;
    require_token(&request.dataplane_token, &request.dataplane_token_path)?;
    check_host(&dp.certificate, host)?;
    if state.options.mode == Mode::Global {
        return Err(Refusal::new(
            422,
            "a global control plane does not register proxies: connect the Zone Egress to a zone control plane",
        ));
    }
    if matches!(request.proxy_type.as_str(), "" | "dataplane") {
        if request.dataplane_token.trim().is_empty() {
            return Err(path_only_refusal());
        }
        let subscription = new_subscription(state, &request.version, Utc::now());
        let registered = zone_proxy::register(state, &request, subscription)?;
        return Ok(BootstrapNode::dataplane(
            &registered.mesh,
            &registered.name,
            registered.admin_port,
        ));
    }
    if super::kuma3::enabled(&state.options) {
        // Kuma 3.0's stream check for node metadata of a removed proxy type.
        return Err(Refusal::new(
            422,
            format!("unsupported proxy type {:?}", request.proxy_type),
        ));
    }
    let inline = check_bootstrap_request(&request)?;
    let name = inline
        .as_ref()
        .map_or_else(|| request.name.clone(), |r| r.meta.name.clone());
    let existing = state.store.get(&zone_egress_key(&name));
    if inline.is_none() && existing.is_none() {
        // Kuma's answer when the proxy brings no resource and none is stored.
        return Err(Refusal::new(404, ""));
    }
    authenticate_zone_egress(
        &StoreSecrets(state),
        &state.options.zone,
        &request.dataplane_token,
        SystemTime::now(),
    )?;
    // Zone tokens are not bound to a name: a valid egress token may take over an
    // existing ZoneEgress, as in Kuma.
    let resource = match inline {
        Some(resource) => {
            upsert_zone_egress(state, resource.clone())?;
            resource
        }
        None => existing
            .map(|s| (*s.resource).clone())
            .ok_or_else(|| Refusal::new(404, ""))?,
    };
    let now = Utc::now();
    insights::record_zone_egress_connect(
        state.store.as_ref(),
        &name,
        new_subscription(state, &request.version, now),
        None,
    )
    .map_err(|e| match e {
        // Deleted between the upsert and now.
        insights::InsightError::ProxyNotFound { .. } => Refusal::new(404, ""),
        other => internal(other),
    })?;
    let admin_port = ZoneEgressSpec::read(Reader::from_map(&resource.spec))
        .map(|spec| spec.admin_port())
        .unwrap_or(spec::zone_egress::DEFAULT_ADMIN_PORT);
    Ok(BootstrapNode::zone_egress(&name, admin_port))
}

async fn bootstrap(
    State(dp): State<DpState>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let node = match register(&dp, &request_host(&headers, &uri), &body) {
        Ok(node) => node,
        Err(refusal) => return refusal.into_response(),
    };
    let wants_json = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("application/json"));
    if wants_json {
        let body = serde_json::to_vec(&bootstrap_response(&node))
            .expect("the bootstrap response serializes");
        (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response()
    } else {
        (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/x-yaml")],
            envoy_bootstrap_yaml(&node),
        )
            .into_response()
    }
}

/// `POST /bootstrap/disconnect` (ours): the proxy's open connections end now. It needs
/// the same token as the registration, so nobody else can mark an egress offline.
fn disconnect_egress(dp: &DpState, host: &str, body: &[u8]) -> Result<(), Refusal> {
    let state = dp.app.as_ref();
    let request: DisconnectRequest =
        serde_json::from_slice(body).map_err(|_| Refusal::new(400, ""))?;
    require_token(&request.dataplane_token, "")?;
    check_host(&dp.certificate, host)?;
    if !request.mesh.is_empty() {
        return disconnect_dataplane(state, &request);
    }
    if state.store.get(&zone_egress_key(&request.name)).is_none() {
        return Err(Refusal::new(404, ""));
    }
    authenticate_zone_egress(
        &StoreSecrets(state),
        &state.options.zone,
        &request.dataplane_token,
        SystemTime::now(),
    )?;
    let open: Vec<String> =
        insights::proxy_insight(state.store.as_ref(), ZONE_EGRESS, "", &request.name)
            .map(|insight| {
                insight
                    .subscriptions
                    .iter()
                    .filter(|s| s.is_online())
                    .map(|s| s.id.clone())
                    .collect()
            })
            .unwrap_or_default();
    let now = Utc::now();
    for id in open {
        match insights::record_zone_egress_disconnect(state.store.as_ref(), &request.name, &id, now)
        {
            Ok(()) | Err(insights::InsightError::SubscriptionNotFound { .. }) => {}
            Err(insights::InsightError::ProxyNotFound { .. }) => return Err(Refusal::new(404, "")),
            Err(other) => return Err(internal(other)),
        }
    }
    Ok(())
}

/// The Dataplane form of [`disconnect_egress`]: the Dataplane's token, checked as on
/// registration.
fn disconnect_dataplane(state: &AppState, request: &DisconnectRequest) -> Result<(), Refusal> {
    let key = ResourceKey::new(
        descriptor::by_name(zone_proxy::DATAPLANE).expect("the descriptor table has Dataplane"),
        &request.mesh,
        &request.name,
    );
    let Some(stored) = state.store.get(&key) else {
        return Err(Refusal::new(404, ""));
    };
    let claims = validate_dataplane_token(
        &StoreSecrets(state),
        &request.mesh,
        request.dataplane_token.trim(),
        SystemTime::now(),
    )
    .map_err(Refusal::authentication)?;
    zone_proxy::check_claims(&claims, &stored.resource, None).map_err(Refusal::authentication)?;
    let open: Vec<String> = insights::proxy_insight(
        state.store.as_ref(),
        zone_proxy::DATAPLANE,
        &request.mesh,
        &request.name,
    )
    .map(|insight| {
        insight
            .subscriptions
            .iter()
            .filter(|s| s.is_online())
            .map(|s| s.id.clone())
            .collect()
    })
    .unwrap_or_default();
    let now = Utc::now();
    for id in open {
        match insights::record_dataplane_disconnect(
            state.store.as_ref(),
            &request.mesh,
            &request.name,
            &id,
            now,
        ) {
            Ok(()) | Err(insights::InsightError::SubscriptionNotFound { .. }) => {}
            Err(insights::InsightError::ProxyNotFound { .. }) => return Err(Refusal::new(404, "")),
            Err(other) => return Err(internal(other)),
        }
    }
    Ok(())
}

async fn disconnect(
    State(dp): State<DpState>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match disconnect_egress(&dp, &request_host(&headers, &uri), &body) {
        Ok(()) => response::json(StatusCode::OK, &json!({})),
        Err(refusal) => refusal.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::secrets::memory::MemorySecrets;
    use super::super::token_service;
    use super::*;
    use crate::cp_lite::caller::User;

    fn request(resource: &str) -> BootstrapRequest {
        BootstrapRequest {
            name: "ze-1".into(),
            proxy_type: "egress".into(),
            dataplane_token: "t".into(),
            dataplane_resource: resource.into(),
            ..Default::default()
        }
    }

    #[test]
    fn bootstrap_checks() {
        assert_eq!(
            require_token(" ", "").unwrap_err(),
            Refusal::new(422, TOKEN_REQUIRED)
        );
        assert!(require_token("", "/path").is_ok());
        let dataplane = BootstrapRequest {
            dataplane_token: "t".into(),
            ..Default::default()
        };
        assert_eq!(check_bootstrap_request(&dataplane).unwrap_err().status, 422);
        assert_eq!(check_bootstrap_request(&request("")).unwrap(), None);
        let ok = check_bootstrap_request(&request(
            r#"{"type":"ZoneEgress","name":"ze-1","networking":{"address":"192.168.0.1","port":10002}}"#,
        ))
        .unwrap()
        .unwrap();
        assert_eq!(ok.meta.name, "ze-1");
        let yaml = check_bootstrap_request(&request(
            "type: ZoneEgress\nname: ze-1\nnetworking:\n  address: 192.168.0.1\n  port: 10002\n",
        ))
        .unwrap()
        .unwrap();
        assert_eq!(yaml, ok);
        assert_eq!(
            check_bootstrap_request(&request(
                r#"{"type":"ZoneEgress","name":"ze-1","networking":{"address":"192.168.0.1"}}"#
            ))
            .unwrap_err(),
            Refusal::new(422, "networking.port: port must be in the range [1, 65535]")
        );
        assert_eq!(
            check_bootstrap_request(&request(r#"{"type":"Mesh","name":"ze-1"}"#))
                .unwrap_err()
                .text,
            "invalid resource: expected a ZoneEgress, got a Mesh"
        );
        // Nested brackets are refused at once, not parsed for hours.
        let started = std::time::Instant::now();
        let brackets = format!("name: [{}{}", "[".repeat(1 << 20), "]".repeat(1 << 20));
        assert_eq!(
            check_bootstrap_request(&request(&brackets)).unwrap_err(),
            Refusal::new(
                422,
                "invalid resource: not YAML or JSON: a YAML resource is limited to 64 KiB and 256 '[' or '{'; send larger ones as JSON"
            )
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        let small = format!("name: {}{}", "[".repeat(300), "]".repeat(300));
        assert_eq!(
            check_bootstrap_request(&request(&small))
                .unwrap_err()
                .status,
            422
        );
        let named = |name: &str| {
            let resource = json!({"type": "ZoneEgress", "name": name, "networking": {"address": "192.168.0.1", "port": 10002}});
            check_bootstrap_request(&BootstrapRequest {
                name: String::new(),
                ..request(&resource.to_string())
            })
        };
        assert_eq!(
            named("").unwrap_err(),
            Refusal::new(422, "name: cannot be empty")
        );
        for bad in ["a/b", "x\ny: 1", "UPPER"] {
            assert_eq!(
                named(bad).unwrap_err(),
                Refusal::new(
                    422,
                    format!("name: {}", crate::resources::meta::NAME_INVALID)
                ),
                "{bad:?}"
            );
        }
        assert_eq!(
            named(&"z".repeat(254)).unwrap_err().text,
            "name: value length must less or equal 253"
        );
    }

    #[test]
    fn egress_authentication() {
        let secrets = MemorySecrets::default();
        let now = SystemTime::now();
        token_service::bootstrap(&secrets, now).unwrap();
        let token = |body: &str| {
            token_service::zone_token(&secrets, &User::admin(), body.as_bytes(), now).unwrap()
        };
        let egress = token(r#"{"zone":"default","scope":["egress"],"validFor":"1h"}"#);
        assert!(authenticate_zone_egress(&secrets, "default", &egress, now).is_ok());
        let any_zone = token(r#"{"zone":"","scope":["ingress","egress"],"validFor":"1h"}"#);
        assert!(authenticate_zone_egress(&secrets, "default", &any_zone, now).is_ok());
        let ingress = token(r#"{"zone":"default","scope":["ingress"],"validFor":"1h"}"#);
        assert_eq!(
            authenticate_zone_egress(&secrets, "default", &ingress, now).unwrap_err(),
            Refusal::new(
                401,
                "authentication failed: token cannot be used to authenticate zone entity (egress is out of token's scope: [ingress])"
            )
        );
        assert_eq!(
            authenticate_zone_egress(&secrets, "eu-west", &egress, now).unwrap_err(),
            Refusal::new(
                401,
                "authentication failed: zone from requestor: eu-west is different than in token: default"
            )
        );
    }

    #[test]
    fn certificate_names() {
        let tls = crate::cp_lite::tls::generate(&["10.0.0.1".to_string()]).unwrap();
        assert!(check_host(&tls.leaf, "localhost:5678").is_ok());
        assert!(check_host(&tls.leaf, "127.0.0.1:5678").is_ok());
        assert!(check_host(&tls.leaf, "10.0.0.1").is_ok());
        let refusal = check_host(&tls.leaf, "192.168.0.9:5678").unwrap_err();
        assert_eq!(refusal.status, 400);
        assert!(
            refusal.text.starts_with(
                "A data plane proxy is trying to connect to the control plane using \"192.168.0.9\" address, but the certificate in the control plane has the following SANs [\"localhost\" \"127.0.0.1\""
            ),
            "{}",
            refusal.text
        );
    }
}
