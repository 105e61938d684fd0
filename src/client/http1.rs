//! Plain `http://` requests on one kept-alive HTTP/1.1 connection, with hyper's client
//! connection API driven on the caller's thread.
//!
//! reqwest's client spends most of a request's instructions around the wire (its
//! connection pool, redirect and retry layers, a task per connection, URL re-parsing);
//! a command such as `apply`, which makes two requests per resource, pays that for each.
//! Here the connection is polled inside the request's own future: a request costs one
//! write, one wait for the answer and one read.
//!
//! What reqwest does and this path does not is left to reqwest (see
//! `ApiClient::send`): URLs with credentials (sent as basic auth), answers that redirect,
//! and configured headers hyper would refuse.

use super::RESPONSE_LIMIT;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::{Builder, Connection, SendRequest};
use hyper::header::{HeaderMap, HeaderName, HeaderValue};
use hyper::{Method, Request, Uri};
use hyper_util::rt::TokioIo;
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::task::{Context, Poll, Waker};
use tokio::net::TcpStream;
use url::Url;

type Conn = Connection<TokioIo<TcpStream>, Full<Bytes>>;

/// An open connection: the handle requests are sent on and the connection's own future,
/// polled along with each request until it ends (the server closed it).
struct Open {
    sender: SendRequest<Full<Bytes>>,
    conn: Option<Pin<Box<Conn>>>,
}

/// The direct path of one control plane: where to connect, the headers every request
/// carries, and the connection kept between requests.
pub(super) struct Http1 {
    /// The host to connect to, as the URL writes it (an IPv6 address without brackets).
    host: String,
    port: u16,
    /// Accept, the configured headers and the bearer token; each request adds its
    /// Content-Type, then `tail` (User-Agent and Host, unless configured), the order
    /// reqwest writes them in.
    head: HeaderMap,
    tail: Vec<(HeaderName, HeaderValue)>,
    open: Mutex<Option<Open>>,
}

/// An answer, or what went wrong.
pub(super) enum Outcome {
    Answer {
        status: u16,
        body: Vec<u8>,
    },
    /// A redirect: reqwest follows it (Go's client does too).
    Redirect,
    TooLarge,
    Failed(Failure),
}

/// A request without an answer, worded as reqwest words it, so that a command prints
/// the same whichever path sent the request.
#[derive(Debug, thiserror::Error)]
#[error("error sending request for url ({url}): client error ({stage})")]
pub(super) struct Failure {
    url: String,
    stage: &'static str,
    #[source]
    cause: Box<dyn std::error::Error + Send + Sync>,
}

/// hyper-util's wording for a failed TCP connect, kept as the cause's first layer.
#[derive(Debug, thiserror::Error)]
#[error("tcp connect error")]
struct ConnectError(#[source] std::io::Error);

impl Http1 {
    /// The direct path for `base`, or `None` where reqwest must send (not `http`,
    /// credentials in the URL, headers hyper would refuse).
    pub(super) fn new(
        base: &Url,
        headers: &[(String, String)],
        bearer: Option<&str>,
    ) -> Option<Http1> {
        if base.scheme() != "http" || !base.username().is_empty() || base.password().is_some() {
            return None;
        }
        let host_text = base.host_str()?;
        let port = base.port_or_known_default()?;
        let mut head = HeaderMap::new();
        head.append(
            hyper::header::ACCEPT,
            HeaderValue::from_static("application/json"),
        );
        for (key, value) in headers {
            head.append(
                HeaderName::from_bytes(key.as_bytes()).ok()?,
                HeaderValue::from_bytes(value.as_bytes()).ok()?,
            );
        }
        if let Some(token) = bearer {
            head.append(
                hyper::header::AUTHORIZATION,
                HeaderValue::from_bytes(format!("Bearer {token}").as_bytes()).ok()?,
            );
        }
        let mut tail = Vec::new();
        if !head.contains_key(hyper::header::USER_AGENT) {
            let agent = crate::build_info::user_agent();
            tail.push((
                hyper::header::USER_AGENT,
                HeaderValue::from_str(&agent).ok()?,
            ));
        }
        if !head.contains_key(hyper::header::HOST) {
            // The port only when it is not the scheme's, as `Url` keeps it.
            let authority = match base.port() {
                Some(port) => format!("{host_text}:{port}"),
                None => host_text.to_string(),
            };
            tail.push((hyper::header::HOST, HeaderValue::from_str(&authority).ok()?));
        }
        let host = host_text
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host_text)
            .to_string();
        Some(Http1 {
            host,
            port,
            head,
            tail,
            open: Mutex::new(None),
        })
    }

    /// Sends one request for `target` (the path and query) and reads the whole answer,
    /// at most [`RESPONSE_LIMIT`] bytes of it; `url` is the whole URL, as errors show it.
    /// Returns `None` when `target` is not a request target to hyper (reqwest reports
    /// that).
    pub(super) async fn send(
        &self,
        method: &Method,
        target: &str,
        url: &str,
        json: Option<&Bytes>,
    ) -> Option<Outcome> {
        let target: Uri = target.parse().ok()?;
        let mut request = Request::new(Full::new(json.cloned().unwrap_or_default()));
        *request.method_mut() = method.clone();
        *request.uri_mut() = target;
        let headers = request.headers_mut();
        *headers = self.head.clone();
        if json.is_some() {
            headers.append(
                hyper::header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
        }
        for (name, value) in &self.tail {
            headers.append(name, value.clone());
        }
        let failed = |stage, cause| {
            Some(Outcome::Failed(Failure {
                url: url.to_string(),
                stage,
                cause,
            }))
        };
        // The connection is taken for the request and put back when the answer is read
        // in full; a request that fails or is cancelled (a timeout) leaves it closed.
        let kept = self.open.lock().ok().and_then(|mut open| open.take());
        let mut open = match kept {
            Some(open) if open.conn.is_some() && !open.sender.is_closed() => open,
            _ => match self.connect().await {
                Ok(open) => open,
                Err(e) => return failed("Connect", Box::new(ConnectError(e))),
            },
        };
        match open.exchange(request).await {
            Ok(answer @ Outcome::Answer { .. }) => {
                if let Ok(mut slot) = self.open.lock() {
                    *slot = Some(open);
                }
                Some(answer)
            }
            // The rest of the answer is not read: the connection cannot serve again.
            Ok(other) => Some(other),
            Err(e) => failed("SendRequest", Box::new(e)),
        }
    }

    async fn connect(&self) -> std::io::Result<Open> {
        let stream = TcpStream::connect((self.host.as_str(), self.port)).await?;
        stream.set_nodelay(true)?;
        let (sender, conn) = Builder::new()
            .handshake(TokioIo::new(stream))
            .await
            .map_err(std::io::Error::other)?;
        Ok(Open {
            sender,
            conn: Some(Box::pin(conn)),
        })
    }
}

impl Open {
    /// Sends `request` and reads its answer, polling the connection meanwhile.
    async fn exchange(&mut self, request: Request<Full<Bytes>>) -> Result<Outcome, hyper::Error> {
        let Open { sender, conn } = self;
        let answer = async {
            let response = sender.send_request(request).await?;
            let status = response.status().as_u16();
            if matches!(status, 301 | 302 | 303 | 307 | 308)
                && response.headers().contains_key(hyper::header::LOCATION)
            {
                return Ok(Outcome::Redirect);
            }
            let mut body = response.into_body();
            if hyper::body::Body::size_hint(&body)
                .exact()
                .is_some_and(|length| length > RESPONSE_LIMIT)
            {
                return Ok(Outcome::TooLarge);
            }
            let mut bytes = Vec::new();
            while let Some(frame) = body.frame().await {
                if let Ok(data) = frame?.into_data() {
                    if (bytes.len() + data.len()) as u64 > RESPONSE_LIMIT {
                        return Ok(Outcome::TooLarge);
                    }
                    bytes.extend_from_slice(&data);
                }
            }
            Ok(Outcome::Answer {
                status,
                body: bytes,
            })
        };
        let mut answer = std::pin::pin!(answer);
        let outcome = std::future::poll_fn(|cx| {
            // The request first (it queues itself on the connection), then the
            // connection (it writes the request and reads what has come), then the
            // request again (it takes what was read).
            if let Poll::Ready(outcome) = answer.as_mut().poll(cx) {
                return Poll::Ready(outcome);
            }
            poll_connection(conn, cx);
            answer.as_mut().poll(cx)
        })
        .await;
        // Once more, with a waker that does nothing: the connection takes note of the
        // answer's end (or of its own), and the next request, queued while it is idle,
        // wakes nobody (a wake-up would cost the runtime a turn of its event loop).
        poll_connection(conn, &mut Context::from_waker(Waker::noop()));
        outcome
    }
}

/// Polls the connection's future, dropped when it ends (closed, or failed: a request
/// in flight then fails with the cause).
fn poll_connection(conn: &mut Option<Pin<Box<Conn>>>, cx: &mut Context<'_>) {
    if let Some(driver) = conn.as_mut()
        && driver.as_mut().poll(cx).is_ready()
    {
        *conn = None;
    }
}
