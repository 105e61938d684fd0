//! Starting and stopping kuma-cp-lite: bind every listener first (so errors such as
//! "address in use" come back to the caller and port 0 resolves), then serve on a
//! dedicated tokio runtime.

use super::dp_server;
use super::options::ServerOptions;
use super::request::ListenerScheme;
use super::router::api_router;
use super::secrets::StoreSecrets;
use super::state::{AppState, SharedState};
use super::tls;
use super::token_service;
use anyhow::Context;
use axum::Router;
use axum_server::Handle;
use axum_server::tls_rustls::RustlsConfig;
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::Duration;

/// How long in-flight requests get to finish on shutdown.
const GRACE_PERIOD: Duration = Duration::from_secs(5);

/// A started instance. Dropping it stops the servers.
pub struct RunningServer {
    pub api_addr: SocketAddr,
    pub api_https_addr: SocketAddr,
    /// The dp-server (HTTPS), where Zone Egress proxies register.
    pub dp_addr: SocketAddr,
    /// The CA of the generated HTTPS certificate, when no certificate was given.
    pub generated_ca_pem: Option<String>,
    pub state: SharedState,
    handles: Vec<Handle<SocketAddr>>,
    runtime_thread: Option<std::thread::JoinHandle<()>>,
}

impl RunningServer {
    /// `http://<address>:<port>` of the HTTP API server.
    pub fn api_url(&self) -> String {
        format!("http://{}", self.api_addr)
    }

    /// `https://localhost:<port>` of the HTTPS API server.
    pub fn api_https_url(&self) -> String {
        format!("https://localhost:{}", self.api_https_addr.port())
    }

    /// `https://localhost:<port>` of the dp-server.
    pub fn dp_url(&self) -> String {
        format!("https://localhost:{}", self.dp_addr.port())
    }

    /// The admin user token created at start (GlobalSecret `admin-user-token`).
    pub fn admin_token(&self) -> Option<String> {
        token_service::admin_token(&StoreSecrets(&self.state))
    }

    /// Stops accepting, lets in-flight requests finish, and waits for the runtime to end.
    pub fn shutdown(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        for handle in &self.handles {
            handle.graceful_shutdown(Some(GRACE_PERIOD));
        }
        if let Some(thread) = self.runtime_thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        self.stop();
    }
}

struct Listeners {
    api: TcpListener,
    api_https: TcpListener,
    dp: TcpListener,
}

fn bind(options: &ServerOptions, port: u16, what: &str) -> anyhow::Result<TcpListener> {
    let listener = TcpListener::bind((options.address.as_str(), port))
        .with_context(|| format!("could not listen on {}:{port} ({what})", options.address))?;
    listener.set_nonblocking(true)?;
    Ok(listener)
}

fn bind_all(options: &ServerOptions) -> anyhow::Result<Listeners> {
    Ok(Listeners {
        api: bind(options, options.api_port, "API server")?,
        api_https: bind(options, options.api_https_port, "HTTPS API server")?,
        dp: bind(options, options.dp_port, "dp-server")?,
    })
}

fn load_tls(options: &ServerOptions) -> anyhow::Result<tls::ServerTls> {
    match (&options.tls_cert_file, &options.tls_key_file) {
        (Some(cert), Some(key)) => tls::from_files(cert, key),
        _ => tls::generate(std::slice::from_ref(&options.address)),
    }
}

/// Starts an instance in the background (its own thread and runtime) and returns once
/// every listener is bound.
pub fn start(options: ServerOptions) -> anyhow::Result<RunningServer> {
    let listeners = bind_all(&options)?;
    let tls = load_tls(&options)?;
    let api_addr = listeners.api.local_addr()?;
    let api_https_addr = listeners.api_https.local_addr()?;
    let dp_addr = listeners.dp.local_addr()?;
    let state: SharedState = Arc::new(AppState::new(options));
    token_service::bootstrap(&StoreSecrets(&state), std::time::SystemTime::now())?;
    if let Some(path) = &state.options.admin_token_file {
        let token = token_service::admin_token(&StoreSecrets(&state))
            .context("the admin user token is missing")?;
        crate::config::write_atomically(path, token.as_bytes(), 0o600).with_context(|| {
            format!("could not write the admin user token to {}", path.display())
        })?;
    }
    let handles = vec![Handle::new(), Handle::new(), Handle::new()];
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("kuma-cp-lite")
        .enable_all()
        .build()?;
    let serve_state = state.clone();
    let serve_handles = handles.clone();
    let tls_config = tls.config.clone();
    let certificate = tls.leaf.clone();
    let runtime_thread = std::thread::Builder::new()
        .name("kuma-cp-lite".into())
        .spawn(move || {
            runtime.block_on(async move {
                let served = serve_all(
                    listeners,
                    tls_config,
                    certificate,
                    serve_state,
                    serve_handles,
                )
                .await;
                if let Err(err) = served {
                    eprintln!("kuma-cp-lite: {err:#}");
                }
            });
        })?;
    Ok(RunningServer {
        api_addr,
        api_https_addr,
        dp_addr,
        generated_ca_pem: tls.generated_ca_pem,
        state,
        handles,
        runtime_thread: Some(runtime_thread),
    })
}

async fn serve_all(
    listeners: Listeners,
    tls_config: Arc<rustls::ServerConfig>,
    certificate: rustls::pki_types::CertificateDer<'static>,
    state: SharedState,
    handles: Vec<Handle<SocketAddr>>,
) -> anyhow::Result<()> {
    let dp = axum_server::tls_rustls::from_tcp_rustls(
        listeners.dp,
        RustlsConfig::from_config(tls_config.clone()),
    )?
    .handle(handles[2].clone())
    .serve(
        dp_server::dp_router(state.clone(), certificate)
            .into_make_service_with_connect_info::<SocketAddr>(),
    );
    let api: Router = api_router(state.clone());
    let http = axum_server::from_tcp(listeners.api)?
        .handle(handles[0].clone())
        .serve(
            api.clone()
                .into_make_service_with_connect_info::<SocketAddr>(),
        );
    let https = axum_server::tls_rustls::from_tcp_rustls(
        listeners.api_https,
        RustlsConfig::from_config(tls_config),
    )?
    .handle(handles[1].clone())
    .serve(
        api.layer(axum::Extension(ListenerScheme::HTTPS))
            .into_make_service_with_connect_info::<SocketAddr>(),
    );
    let (http, https, dp) = tokio::join!(http, https, dp);
    http.context("API server")?;
    https.context("HTTPS API server")?;
    dp.context("dp-server")?;
    Ok(())
}

/// Runs an instance in the foreground until SIGINT or SIGTERM.
pub fn run_until_signal(options: ServerOptions) -> anyhow::Result<()> {
    let server = start(options)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        // Handlers are installed before announcing the start, so a signal sent as soon
        // as the log line appears is caught rather than killing the process.
        #[cfg(unix)]
        let (mut terminate, mut interrupt) = {
            use tokio::signal::unix::{SignalKind, signal};
            (
                signal(SignalKind::terminate())?,
                signal(SignalKind::interrupt())?,
            )
        };
        announce(&server);
        #[cfg(unix)]
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
        #[cfg(not(unix))]
        tokio::signal::ctrl_c().await?;
        Ok::<(), std::io::Error>(())
    })?;
    eprintln!("kuma-cp-lite: stopping");
    server.shutdown();
    Ok(())
}

fn announce(server: &RunningServer) {
    eprintln!(
        "kuma-cp-lite {} ({} {}) started: API {} and {}, zone {:?}, mode {}",
        crate::build_info::PACKAGE_VERSION,
        crate::build_info::PRODUCT,
        crate::build_info::KUMA_VERSION,
        server.api_url(),
        server.api_https_url(),
        server.state.options.zone,
        format!("{:?}", server.state.options.mode).to_lowercase(),
    );
    if server.generated_ca_pem.is_some() {
        eprintln!(
            "the HTTPS listeners use a self-signed certificate generated at start-up; pass --tls-cert-file/--tls-key-file to use your own"
        );
    }
    eprintln!(
        "dp-server on {}: Zone Egress proxies register with POST /bootstrap and a zone token with the egress scope",
        server.dp_url()
    );
    // Where the admin token is, never the token itself.
    let fetch = match (
        &server.state.options.admin_token_file,
        server.state.options.localhost_is_admin,
    ) {
        (Some(path), _) => format!("it was written to {}", path.display()),
        (None, true) => format!(
            "on this machine: curl -s {}/global-secrets/admin-user-token | jq -r .data | base64 -d",
            server.api_url()
        ),
        (None, false) => "--localhost-is-admin=false: pass --admin-token-file to get it".into(),
    };
    eprintln!(
        "the admin user token is in the GlobalSecret \"admin-user-token\" ({fetch}); use it with: kumactl config control-planes add --name NAME --address URL --auth-type=tokens --auth-conf token=TOKEN"
    );
}
