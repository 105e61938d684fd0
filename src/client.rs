//! The HTTP client every kumactl command uses to talk to a control plane (as Go's
//! `app/kumactl/pkg/client/api_server_client.go`).
//!
//! Built once per command from the current control plane's coordinates: base URL (with
//! its path), configured headers, bearer token for `authType: tokens`, TLS settings and
//! `--api-timeout`. Its calls are blocking and run on the caller's thread: plain `http://`
//! requests on a connection of its own with blocking socket calls (`http1`), the rest
//! through reqwest's async client driven by a current-thread tokio runtime (`block_on`),
//! where reqwest's blocking client would hand every request to a runtime thread and wait
//! for it. A command's sequential calls reuse one keep-alive connection.

use crate::api::{ApiError, Index};
use crate::build_info;
use crate::config::ApiServer;
use crate::duration::GoDuration;
use crate::files;
use hyper::body::Bytes;
use reqwest::Client;
use reqwest::Method;
use serde::de::DeserializeOwned;
use std::sync::{Arc, OnceLock};
use std::time::Instant;
use tokio::runtime::Runtime;
use url::Url;

mod http1;

/// The client could not be built from the configuration.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("invalid control plane URL {url:?}: {reason}")]
    InvalidUrl { url: String, reason: String },
    #[error("could not configure HTTP client with TLS: {0}")]
    Tls(String),
    #[error("authentication plugin of type {0:?} not found")]
    UnknownAuthType(String),
    #[error("could not build the HTTP client: {0}")]
    Build(String),
}

/// A current-thread runtime for driving async HTTP from synchronous code: no thread of
/// its own, it runs only inside `block_on`, on the caller's thread.
pub fn current_thread_runtime() -> std::io::Result<Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
}

/// The most a control plane's answer may hold. One page of a list holds at most a few
/// hundred resources, each far below apply's 64 MiB bound of one document.
pub const RESPONSE_LIMIT: u64 = files::DOCUMENT_LIMIT;

/// A request that got no HTTP answer. Shaped like Go's `Get "URL": cause`, with the
/// cause in plain words.
#[derive(Debug, thiserror::Error)]
#[error("{method} {url:?}: {cause}")]
pub struct TransportError {
    /// Go's capitalized method name (`Get`, `Put`, ...).
    pub method: String,
    pub url: String,
    pub cause: String,
}

/// A request failed: no answer, a Kuma error body, or another non-success status.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error(transparent)]
    Transport(#[from] TransportError),
    #[error("{0}")]
    Api(#[source] Box<ApiError>),
    #[error("({status}): {body}")]
    Status { status: u16, body: String },
    #[error("could not decode the response of {url}: {reason}")]
    Decode { url: String, reason: String },
}

/// An HTTP answer, fully read.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub body: Vec<u8>,
    pub url: String,
}

impl Response {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body as shown in an error: its lines kept, its other control characters
    /// (escape sequences, carriage returns) escaped, since they would reach the terminal.
    pub fn printable_text(&self) -> String {
        self.text()
            .split('\n')
            .map(crate::output::escape_controls)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The error kumactl reports for a non-success answer: the Kuma error body if it has
    /// one (`title` set), else `(<status>): <body>`.
    pub fn error(&self) -> RequestError {
        match ApiError::from_body(&self.body) {
            Some(api) => RequestError::Api(Box::new(api)),
            None => RequestError::Status {
                status: self.status,
                body: self.printable_text(),
            },
        }
    }

    /// Decodes a success body as JSON; a non-success answer becomes [`Response::error`].
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, RequestError> {
        if !self.is_success() {
            return Err(self.error());
        }
        let decode_error = |reason: String| RequestError::Decode {
            url: self.url.clone(),
            reason,
        };
        crate::nesting::check_json(&self.body).map_err(|e| decode_error(e.to_string()))?;
        serde_json::from_slice(&self.body).map_err(|e| decode_error(e.to_string()))
    }
}

/// Logs each request (method, URL, status, duration) on stderr when enabled
/// (`--log-level debug`). Headers are never logged: they may carry tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RequestLog(pub bool);

#[derive(Clone)]
pub struct ApiClient {
    base: Url,
    http: Client,
    /// Shared by clones, like the connection pool it drives.
    runtime: Arc<Runtime>,
    headers: Vec<(String, String)>,
    bearer: Option<String>,
    timeout: GoDuration,
    log: RequestLog,
    /// The first successful `GET /` answer, shared by clones: the compatibility check
    /// and the Kuma 3.x checks of a run ask the same control plane once, not per
    /// document of an `apply`.
    index: Arc<OnceLock<Index>>,
    /// Plain-http requests go on a connection of our own (see `http1`); `None` for
    /// https and what only reqwest sends like Go.
    direct: Option<Arc<http1::Http1>>,
}

/// Shows where the client goes, never its headers or token.
impl std::fmt::Debug for ApiClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiClient")
            .field("base", &redacted(&self.base))
            .finish_non_exhaustive()
    }
}

/// Whether to send the configured credentials (`config control-planes add` checks the
/// server without them, as Go kumactl does).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Auth {
    Send,
    Skip,
}

impl ApiClient {
    pub fn new(
        api: &ApiServer,
        timeout: GoDuration,
        auth: Auth,
        log: RequestLog,
    ) -> Result<ApiClient, ClientError> {
        let base = Url::parse(&api.url).map_err(|e| ClientError::InvalidUrl {
            url: crate::config::shown_address(&api.url),
            reason: e.to_string(),
        })?;
        if !matches!(base.scheme(), "http" | "https") {
            return Err(ClientError::InvalidUrl {
                url: crate::config::shown_address(&api.url),
                reason: "the scheme must be http or https".into(),
            });
        }
        let bearer = match (auth, api.auth_type.as_str()) {
            (Auth::Skip, _) | (_, "") => None,
            (Auth::Send, "tokens") => Some(api.auth_conf.get("token").cloned().unwrap_or_default()),
            (Auth::Send, other) => return Err(ClientError::UnknownAuthType(other.to_string())),
        };
        let mut builder = Client::builder()
            .use_rustls_tls()
            .user_agent(build_info::user_agent())
            // Go kumactl's transport ignores HTTP(S)_PROXY; so do we.
            .no_proxy();
        // Zero means no timeout, as in Go.
        if let Some(limit) = timeout.to_std() {
            builder = builder.timeout(limit);
        }
        if base.scheme() == "https" {
            builder = configure_tls(builder, api)?;
        }
        let http = builder
            .build()
            .map_err(|e| ClientError::Build(error_chain_text(&e)))?;
        let runtime = current_thread_runtime().map_err(|e| ClientError::Build(e.to_string()))?;
        let headers: Vec<(String, String)> = api
            .headers
            .iter()
            .map(|h| (h.key.clone(), h.value.clone()))
            .collect();
        let direct = http1::Http1::new(&base, &headers, bearer.as_deref());
        Ok(ApiClient {
            base,
            http,
            runtime: Arc::new(runtime),
            headers,
            bearer,
            timeout,
            log,
            index: Arc::default(),
            direct: direct.map(Arc::new),
        })
    }

    /// The control plane's base URL as configured.
    pub fn base_url(&self) -> &Url {
        &self.base
    }

    /// `base path` + `path`, joined and cleaned like Go's `path.Join`; the query of
    /// `path_and_query` is kept.
    pub fn url(&self, path_and_query: &str) -> Url {
        let (path, query) = match path_and_query.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (path_and_query, None),
        };
        let mut url = self.base.clone();
        url.set_path(&clean_join(self.base.path(), path));
        url.set_query(query);
        url
    }

    /// [`ApiClient::url`] as text, written without the URL parser where it would leave
    /// the text as is: a base without fragment, and a path of unreserved characters
    /// without query (a resource's path).
    fn plain_url(&self, path_and_query: &str) -> Option<String> {
        let unreserved =
            |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/');
        if self.base.fragment().is_some()
            || !path_and_query.bytes().all(unreserved)
            || !self.base.path().bytes().all(unreserved)
        {
            return None;
        }
        let path = clean_join(self.base.path(), path_and_query);
        let origin = &self.base[..url::Position::BeforePath];
        let mut text = String::with_capacity(origin.len() + path.len());
        text.push_str(origin);
        text.push_str(&path);
        Some(text)
    }

    /// Sends a request and reads the whole answer.
    pub fn send(
        &self,
        method: Method,
        path_and_query: &str,
        json_body: Option<Vec<u8>>,
    ) -> Result<Response, TransportError> {
        let started = Instant::now();
        // Shared, not copied, by the request (and by reqwest's, after a redirect).
        let json_body = json_body.map(Bytes::from);
        let mut url = None;
        if let Some(direct) = &self.direct {
            // No credentials in a direct path's URL: its text is the one shown.
            let shown = match self.plain_url(path_and_query) {
                Some(text) => text,
                None => url.insert(self.url(path_and_query)).to_string(),
            };
            let target = &shown[self.base[..url::Position::BeforePath].len()..];
            let outcome = direct.send(
                &method,
                target,
                &shown,
                json_body.as_deref(),
                self.timeout.to_std(),
            );
            let failed = |cause: String| {
                self.log_request(&method, &shown, "error", started);
                Err(TransportError {
                    method: go_method_name(&method),
                    url: shown.clone(),
                    cause,
                })
            };
            match outcome {
                Some(http1::Outcome::TimedOut) => return failed(timeout_text(self.timeout)),
                Some(http1::Outcome::Answer { status, body }) => {
                    self.log_request(&method, &shown, &status.to_string(), started);
                    return Ok(Response {
                        status,
                        body,
                        url: shown,
                    });
                }
                Some(http1::Outcome::TooLarge) => {
                    return failed(files::too_large("response", RESPONSE_LIMIT).to_string());
                }
                Some(http1::Outcome::Failed(failure)) => {
                    // The base has the request's host and port.
                    return failed(describe_transport_error(&failure, &self.base));
                }
                // Redirects and request targets HTTP refuses: reqwest's to handle.
                Some(http1::Outcome::Redirect) | None => {}
            }
        }
        let url = url.unwrap_or_else(|| self.url(path_and_query));
        self.send_reqwest(method, url, json_body, started)
    }

    /// [`ApiClient::send`] through reqwest.
    fn send_reqwest(
        &self,
        method: Method,
        url: Url,
        json_body: Option<Bytes>,
        started: Instant,
    ) -> Result<Response, TransportError> {
        let mut request = self
            .http
            .request(method.clone(), url.clone())
            .header("Accept", "application/json");
        for (key, value) in &self.headers {
            request = request.header(key, value);
        }
        if let Some(token) = &self.bearer {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        if let Some(body) = json_body {
            request = request
                .header("content-type", "application/json")
                .body(body);
        }
        let outcome = self.runtime.block_on(async {
            let mut response = request.send().await?;
            let status = response.status().as_u16();
            // A control plane's answer is untrusted: read at most RESPONSE_LIMIT bytes.
            if response
                .content_length()
                .is_some_and(|length| length > RESPONSE_LIMIT)
            {
                return Ok(Err(files::too_large("response", RESPONSE_LIMIT)));
            }
            let mut body = Vec::new();
            while let Some(chunk) = response.chunk().await? {
                if (body.len() + chunk.len()) as u64 > RESPONSE_LIMIT {
                    return Ok(Err(files::too_large("response", RESPONSE_LIMIT)));
                }
                body.extend_from_slice(&chunk);
            }
            Ok::<_, reqwest::Error>(Ok((status, body)))
        });
        let shown = redacted(&url);
        let transport_error = |cause: String| TransportError {
            method: go_method_name(&method),
            url: shown.clone(),
            cause,
        };
        match outcome {
            Ok(Err(too_large)) => {
                self.log_request(&method, &shown, "error", started);
                Err(transport_error(too_large.to_string()))
            }
            Ok(Ok((status, body))) => {
                self.log_request(&method, &shown, &status.to_string(), started);
                Ok(Response {
                    status,
                    body,
                    url: shown,
                })
            }
            Err(e) => {
                self.log_request(&method, &shown, "error", started);
                Err(transport_error(if e.is_timeout() {
                    timeout_text(self.timeout)
                } else {
                    describe_transport_error(&e, &url)
                }))
            }
        }
    }

    pub fn get(&self, path_and_query: &str) -> Result<Response, TransportError> {
        self.send(Method::GET, path_and_query, None)
    }

    /// `GET /`: the control plane's product and version, asked once per client (a
    /// failure is not kept, so a later call asks again).
    pub fn index(&self) -> Result<Index, RequestError> {
        if let Some(index) = self.index.get() {
            return Ok(index.clone());
        }
        let response = self.get("/")?;
        if response.status != 200 {
            return Err(RequestError::Status {
                status: response.status,
                body: response.printable_text(),
            });
        }
        let index: Index = response.json()?;
        Ok(self.index.get_or_init(|| index).clone())
    }

    /// `shown`: the URL as [`redacted`] shows it.
    fn log_request(&self, method: &Method, shown: &str, status: &str, started: Instant) {
        if self.log.0 {
            eprintln!(
                "DEBUG\thttp request\t{method} {shown} -> {status} ({})",
                GoDuration::from(started.elapsed())
            );
        }
    }
}

fn configure_tls(
    mut builder: reqwest::ClientBuilder,
    api: &ApiServer,
) -> Result<reqwest::ClientBuilder, ClientError> {
    builder = builder.min_tls_version(reqwest::tls::Version::TLS_1_2);
    if api.skip_verify {
        builder = builder.danger_accept_invalid_certs(true);
    } else if !api.ca_cert_file.is_empty() {
        let pem = read_pem_file(&api.ca_cert_file)
            .map_err(|e| ClientError::Tls(format!("could not read CA cert: {e}")))?;
        let certs = reqwest::Certificate::from_pem_bundle(&pem)
            .ok()
            .filter(|c| !c.is_empty())
            .ok_or_else(|| ClientError::Tls("could not add certificate".into()))?;
        builder = builder.tls_built_in_root_certs(false);
        for cert in certs {
            builder = builder.add_root_certificate(cert);
        }
    } else {
        builder = with_system_roots(builder);
    }
    if !api.client_cert_file.is_empty() && !api.client_key_file.is_empty() {
        let read = |path: &str, what: &str| {
            read_pem_file(path).map_err(|e| ClientError::Tls(format!("could not read {what}: {e}")))
        };
        let mut pem = read(&api.client_cert_file, "client certificate")?;
        pem.push(b'\n');
        pem.extend(read(&api.client_key_file, "client key")?);
        let identity = reqwest::Identity::from_pem(&pem).map_err(|e| {
            ClientError::Tls(format!(
                "could not load client certificate and key: {}",
                error_chain_text(&e)
            ))
        })?;
        builder = builder.identity(identity);
    }
    Ok(builder)
}

/// A URL as Go's HTTP client shows it in errors: a password (`http://user:pass@host`)
/// becomes `***`, so that it never reaches a terminal or a log.
pub fn redacted(url: &Url) -> String {
    if url.password().is_none() {
        return url.to_string();
    }
    let mut shown = url.clone();
    let _ = shown.set_password(Some("***"));
    shown.to_string()
}

/// Trusts the system's CA certificates, as Go does. Loading them takes a while: call
/// this for https URLs only.
pub fn with_system_roots(mut builder: reqwest::ClientBuilder) -> reqwest::ClientBuilder {
    for der in rustls_native_certs::load_native_certs().certs {
        if let Ok(cert) = reqwest::Certificate::from_der(&der) {
            builder = builder.add_root_certificate(cert);
        }
    }
    builder
}

fn read_pem_file(path: &str) -> Result<Vec<u8>, files::ReadError> {
    files::read_bounded(std::path::Path::new(path), files::PEM_FILE_LIMIT)
}

/// Go's `path.Join(base, path)`: joined, `.`/`..` resolved, duplicate and trailing
/// slashes removed, rooted.
fn clean_join(base: &str, path: &str) -> String {
    // Written in place (each kept segment after a `/`): two requests per resource of an
    // `apply` come through here.
    let mut joined = String::with_capacity(base.len() + path.len() + 1);
    for segment in base.split('/').chain(path.split('/')) {
        match segment {
            "" | "." => {}
            ".." => {
                let parent = joined.rfind('/').unwrap_or(0);
                joined.truncate(parent);
            }
            s => {
                joined.push('/');
                joined.push_str(s);
            }
        }
    }
    if joined.is_empty() {
        joined.push('/');
    }
    joined
}

fn go_method_name(method: &Method) -> String {
    let upper = method.as_str();
    let mut name = upper[..1].to_string();
    name.push_str(&upper[1..].to_ascii_lowercase());
    name
}

/// An error and its causes, joined with `: `, each cause left out when the text before
/// already holds it (reqwest and hyper repeat their sources).
pub fn error_chain_text(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(inner) = source {
        let inner_text = inner.to_string();
        if !text.contains(&inner_text) {
            text.push_str(": ");
            text.push_str(&inner_text);
        }
        source = inner.source();
    }
    text
}

/// A request that ran out of `--api-timeout`. "Client.Timeout exceeded" is Go's wording,
/// which scripts and tests look for.
fn timeout_text(timeout: GoDuration) -> String {
    format!("Client.Timeout exceeded: no answer within {timeout} (raise it with --api-timeout)")
}

/// Names the cause of a failed request in plain words.
fn describe_transport_error(e: &(dyn std::error::Error + 'static), url: &Url) -> String {
    let address = match (url.host_str(), url.port_or_known_default()) {
        (Some(host), Some(port)) => format!("{host}:{port}"),
        (Some(host), None) => host.to_string(),
        _ => url.to_string(),
    };
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(inner) = source {
        if let Some(tls) = inner.downcast_ref::<rustls::Error>() {
            return describe_tls_error(tls, url);
        }
        if let Some(io) = inner.downcast_ref::<std::io::Error>() {
            // Connectors nest io::Errors around the TLS error; io::Error::source skips
            // the wrapped error itself, so look inside each layer.
            let mut wrapped = io.get_ref();
            while let Some(layer) = wrapped {
                if let Some(tls) = layer.downcast_ref::<rustls::Error>() {
                    return describe_tls_error(tls, url);
                }
                wrapped = layer
                    .downcast_ref::<std::io::Error>()
                    .and_then(|e| e.get_ref());
            }
            match io.kind() {
                std::io::ErrorKind::ConnectionRefused => {
                    return format!(
                        "connection refused (is a control plane running at {address}?)"
                    );
                }
                std::io::ErrorKind::TimedOut => {
                    return format!("connection to {address} timed out");
                }
                std::io::ErrorKind::ConnectionReset => {
                    return format!("connection to {address} was reset by the server");
                }
                _ => {}
            }
        }
        let text = inner.to_string();
        if text.contains("dns error") || text.contains("failed to lookup address") {
            return format!(
                "could not resolve host {:?}",
                url.host_str().unwrap_or_default()
            );
        }
        if text.contains("InvalidContentType") {
            return format!(
                "the server at {address} did not answer with HTTPS (use an http:// address?)"
            );
        }
        // `http1`'s text for a TLS record, hyper's (inside reqwest) for any answer that
        // does not start like HTTP, which is what a TLS server sends.
        if text.contains("answered with TLS") || text.contains("invalid HTTP version") {
            return format!(
                "the server at {address} answered with TLS, not plain HTTP (use an https:// address?)"
            );
        }
        source = inner.source();
    }
    error_chain_text(e)
}

fn describe_tls_error(e: &rustls::Error, url: &Url) -> String {
    use rustls::CertificateError;
    let host = url.host_str().unwrap_or_default();
    match e {
        rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) => {
            "tls: certificate signed by unknown authority (set --ca-cert-file, or --skip-verify)"
                .into()
        }
        rustls::Error::InvalidCertificate(CertificateError::NotValidForName)
        | rustls::Error::InvalidCertificate(CertificateError::NotValidForNameContext { .. }) => {
            format!("tls: the server certificate is not valid for {host:?}")
        }
        rustls::Error::InvalidCertificate(CertificateError::Expired)
        | rustls::Error::InvalidCertificate(CertificateError::ExpiredContext { .. }) => {
            "tls: the server certificate has expired".into()
        }
        rustls::Error::InvalidMessage(_) => {
            "tls: the server did not answer with TLS (use an http:// address?)".into()
        }
        other => format!("tls: handshake failed: {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(url: &str) -> ApiClient {
        let api = ApiServer {
            url: url.into(),
            ..ApiServer::default()
        };
        ApiClient::new(
            &api,
            GoDuration::from_secs(1),
            Auth::Send,
            RequestLog(false),
        )
        .unwrap()
    }

    #[test]
    fn error_bodies_keep_their_lines_but_not_escape_sequences() {
        let response = Response {
            status: 502,
            body: b"<h1>Bad\r gateway\x1b[2J</h1>\n<p>x</p>".to_vec(),
            url: "http://cp/".into(),
        };
        assert_eq!(
            response.error().to_string(),
            "(502): <h1>Bad\\r gateway\\u{1b}[2J</h1>\n<p>x</p>"
        );
    }

    #[test]
    fn joins_paths_like_go() {
        assert_eq!(client("http://h:5681").url("/").as_str(), "http://h:5681/");
        assert_eq!(
            client("http://h:5681/").url("/meshes").as_str(),
            "http://h:5681/meshes"
        );
        assert_eq!(
            client("http://h:5681/api/")
                .url("/meshes?offset=1&size=2")
                .as_str(),
            "http://h:5681/api/meshes?offset=1&size=2"
        );
        assert_eq!(
            client("http://h:5681/api").url("/").as_str(),
            "http://h:5681/api"
        );
        for (base, path, joined) in [
            ("/", "/a/b/../c/./d/", "/a/c/d"),
            ("/api/v1", "../../../x", "/x"),
            ("", "..", "/"),
            ("/a//b/", "//c", "/a/b/c"),
        ] {
            assert_eq!(clean_join(base, path), joined, "{base} {path}");
        }
    }

    #[test]
    fn plain_urls_are_the_parsers() {
        let cases = [
            ("http://h:5681", "/zoneegresses/ze-1"),
            ("http://h:5681/", "/meshes/default/meshtimeouts/a.b_c~d"),
            ("http://h:5681/api/", "/meshes"),
            ("http://h:5681/api", "/"),
            ("http://h", "/x/../y/./z//w/"),
            ("http://[::1]:5681/a/b/..", "/c"),
        ];
        for (base, path) in cases {
            let client = client(base);
            assert_eq!(
                client.plain_url(path).as_deref(),
                Some(client.url(path).as_str()),
                "{base} {path}"
            );
        }
        // What the parser would encode or keep is left to it.
        for (base, path) in [
            ("http://h:5681", "/meshes?offset=1"),
            ("http://h:5681", "/a b"),
            ("http://h:5681", "/%2e%2e/x"),
            ("http://h:5681", "/é"),
            ("http://h:5681/%7e/", "/x"),
            ("http://h:5681/#top", "/x"),
        ] {
            assert_eq!(client(base).plain_url(path), None, "{base} {path}");
        }
    }

    #[test]
    fn unknown_auth_type_is_refused() {
        let api = ApiServer {
            url: "http://h".into(),
            auth_type: "magic".into(),
            ..ApiServer::default()
        };
        let err =
            ApiClient::new(&api, GoDuration::ZERO, Auth::Send, RequestLog(false)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "authentication plugin of type \"magic\" not found"
        );
    }

    #[test]
    fn api_errors_replace_the_message_through_anyhow() {
        let err = anyhow::Error::new(RequestError::Api(Box::new(ApiError::new(400, "T", "d"))))
            .context("failed to list Mesh");
        assert_eq!(crate::cmd::error_message(&err), "T (d)");
        let err = anyhow::Error::new(RequestError::Status {
            status: 500,
            body: "boom".into(),
        })
        .context("failed to list Mesh");
        assert_eq!(
            crate::cmd::error_message(&err),
            "failed to list Mesh: (500): boom"
        );
    }

    #[test]
    fn debug_output_holds_no_credentials() {
        let api = ApiServer {
            url: "http://u:pass@h:5681".into(),
            auth_type: "tokens".into(),
            auth_conf: [("token".to_string(), "eyJsecret".to_string())].into(),
            ..ApiServer::default()
        };
        let client = ApiClient::new(&api, GoDuration::ZERO, Auth::Send, RequestLog(false)).unwrap();
        let shown = format!("{client:?}");
        assert!(
            !shown.contains("eyJsecret") && !shown.contains("pass"),
            "{shown}"
        );
    }

    #[test]
    fn passwords_in_urls_are_not_shown() {
        let url = Url::parse("http://admin:s3cret@cp:5681/meshes").unwrap();
        assert_eq!(redacted(&url), "http://admin:***@cp:5681/meshes");
        let url = Url::parse("http://admin@cp:5681/").unwrap();
        assert_eq!(redacted(&url), "http://admin@cp:5681/");
        let err = client("http://u:s3cret@127.0.0.1:1")
            .get("/meshes")
            .unwrap_err();
        assert_eq!(err.url, "http://u:***@127.0.0.1:1/meshes");
    }

    #[test]
    fn method_names_like_go() {
        assert_eq!(go_method_name(&Method::GET), "Get");
        assert_eq!(go_method_name(&Method::DELETE), "Delete");
    }
}
