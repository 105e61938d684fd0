//! Starting and stopping kuma-cp-lite: bind every listener first (so errors such as
//! "address in use" come back to the caller and port 0 resolves), then serve on a
//! dedicated tokio runtime.

use super::options::ServerOptions;
use super::request::ListenerScheme;
use super::router::api_router;
use super::state::{AppState, SharedState};
use super::tls;
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
    let state: SharedState = Arc::new(AppState::new(options));
    let handles = vec![Handle::new(), Handle::new()];
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("kuma-cp-lite")
        .enable_all()
        .build()?;
    let serve_state = state.clone();
    let serve_handles = handles.clone();
    let tls_config = tls.config.clone();
    let runtime_thread = std::thread::Builder::new()
        .name("kuma-cp-lite".into())
        .spawn(move || {
            runtime.block_on(async move {
                if let Err(err) = serve_all(listeners, tls_config, serve_state, serve_handles).await
                {
                    eprintln!("kuma-cp-lite: {err:#}");
                }
            });
        })?;
    Ok(RunningServer {
        api_addr,
        api_https_addr,
        generated_ca_pem: tls.generated_ca_pem,
        state,
        handles,
        runtime_thread: Some(runtime_thread),
    })
}

async fn serve_all(
    listeners: Listeners,
    tls_config: Arc<rustls::ServerConfig>,
    state: SharedState,
    handles: Vec<Handle<SocketAddr>>,
) -> anyhow::Result<()> {
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
    let (http, https) = tokio::join!(http, https);
    http.context("API server")?;
    https.context("HTTPS API server")?;
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
}
