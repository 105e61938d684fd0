//! A small HTTP server for tests that need a URL to fetch (`kumactl apply -f http://...`):
//! fixed answers per path, on an ephemeral loopback port, stopped when dropped.

use axum::Router;
use axum::http::{StatusCode, Uri};
use axum::routing::get;

/// A body that answers with the request's path and query instead.
pub const ECHO_URI: &str = "<echo-uri>";

pub struct HttpFiles {
    /// `http://127.0.0.1:<port>`
    pub base_url: String,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl HttpFiles {
    /// Serves each `(path, status, body)` to GET requests ([`ECHO_URI`] as the body
    /// echoes the request's URI); other paths get 404.
    pub fn serve(routes: Vec<(&'static str, u16, String)>) -> HttpFiles {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("non-blocking");
        let base_url = format!("http://{}", listener.local_addr().expect("address"));
        let mut router = Router::new();
        for (path, status, body) in routes {
            let status = StatusCode::from_u16(status).expect("status");
            router = router.route(
                path,
                get(move |uri: Uri| async move {
                    if body == ECHO_URI {
                        (status, uri.to_string())
                    } else {
                        (status, body)
                    }
                }),
            );
        }
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                axum::serve(listener, router)
                    .with_graceful_shutdown(async {
                        let _ = rx.await;
                    })
                    .await
                    .expect("serve");
            });
        });
        HttpFiles {
            base_url,
            shutdown: Some(tx),
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}

impl Drop for HttpFiles {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
