//! Plain `http://` requests on one kept-alive HTTP/1.1 connection, made with blocking
//! socket calls on the caller's thread. A request is one write, and an answer that has
//! arrived whole is one read; httparse reads the answer's head and chunk sizes.
//!
//! reqwest spends most of a request's instructions around the wire (its connection
//! pool, redirect and retry layers, a task per connection, URL re-parsing), and any
//! client driven by an async runtime waits for readiness (`epoll_wait`) before each
//! read; `apply`, which makes two requests per resource, paid both for each.
//!
//! What reqwest does and this path does not is left to reqwest (see
//! `ApiClient::send`): URLs with credentials (sent as basic auth), answers that redirect,
//! request targets and configured headers that are not valid HTTP.

use super::RESPONSE_LIMIT;
use hyper::header::{HeaderName, HeaderValue};
use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use url::Url;

/// The most an answer's head (status line and headers) may hold, and how many headers.
const HEAD_LIMIT: usize = 64 * 1024;
const HEADERS_LIMIT: usize = 100;
/// How many informational (1xx) answers may come before the answer (Go's transport
/// allows 5: `net/http: too many 1xx informational responses`).
const INFORMATIONAL_LIMIT: usize = 5;
/// What one read asks for, unless a body needs more.
const READ_SIZE: usize = 16 * 1024;

/// The direct path of one control plane: where to connect, the header lines every
/// request carries, and the connection kept between requests.
pub(super) struct Http1 {
    /// The host to connect to, as the URL writes it (an IPv6 address without brackets).
    host: String,
    port: u16,
    /// Accept, the configured headers and the bearer token, as header lines; each
    /// request adds its Content-Type, then `tail` (User-Agent and Host, unless
    /// configured), then its Content-Length: the order reqwest writes them in.
    head: Vec<u8>,
    tail: Vec<u8>,
    open: Mutex<Option<Connection>>,
}

/// A connection, and what was read from it past the last answer.
struct Connection {
    stream: TcpStream,
    buffer: Vec<u8>,
    /// Where reads land before they join `buffer` (zeroed once, not at every read).
    scratch: Box<[u8]>,
    /// The socket's read timeout as last set.
    read_timeout: Option<Duration>,
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
    /// The request's time ran out.
    TimedOut,
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

/// Why an exchange on a connection failed.
#[derive(Debug, thiserror::Error)]
enum ExchangeError {
    /// The connection ended before the answer did (hyper's wording).
    #[error("connection closed before message completed")]
    Closed { answered: bool },
    #[error("invalid HTTP answer: {0}")]
    Invalid(String),
    /// A TLS record (an alert, a handshake) where an HTTP answer should be: the URL
    /// names an HTTPS server with `http://`.
    #[error("the server answered with TLS")]
    Tls,
    /// A failed read or write; `answered` once any byte of the answer was read.
    #[error("{error}")]
    Io {
        error: std::io::Error,
        answered: bool,
    },
    #[error("the answer is too large")]
    TooLarge,
    #[error("timed out")]
    TimedOut,
}

impl ExchangeError {
    fn io(error: std::io::Error, answered: bool) -> ExchangeError {
        match error.kind() {
            // What a read or write past its socket timeout returns.
            ErrorKind::WouldBlock | ErrorKind::TimedOut => ExchangeError::TimedOut,
            _ => ExchangeError::Io { error, answered },
        }
    }

    /// Whether the connection was found closed before any of the answer came: what a
    /// kept connection the server has since closed does.
    fn unanswered_close(&self) -> bool {
        match self {
            ExchangeError::Closed { answered } => !answered,
            ExchangeError::Io { error, answered } => {
                !answered
                    && matches!(
                        error.kind(),
                        ErrorKind::BrokenPipe
                            | ErrorKind::ConnectionReset
                            | ErrorKind::ConnectionAborted
                    )
            }
            _ => false,
        }
    }
}

/// The head of an answer, as far as reading its body needs it.
struct Head {
    status: u16,
    redirect: bool,
    length: Option<u64>,
    chunked: bool,
    /// Whether the connection can serve the next request.
    keep_alive: bool,
}

impl Http1 {
    /// The direct path for `base`, or `None` where reqwest must send (not `http`,
    /// credentials in the URL, headers that are not valid HTTP).
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
        let mut head = b"accept: application/json\r\n".to_vec();
        let mut has = (false, false);
        let line = |out: &mut Vec<u8>, name: &HeaderName, value: &[u8]| {
            out.extend_from_slice(name.as_str().as_bytes());
            out.extend_from_slice(b": ");
            out.extend_from_slice(value);
            out.extend_from_slice(b"\r\n");
        };
        for (key, value) in headers {
            // Validated as HTTP wants them; names are written in lower case.
            let name = HeaderName::from_bytes(key.as_bytes()).ok()?;
            let value = HeaderValue::from_bytes(value.as_bytes()).ok()?;
            has.0 |= name == hyper::header::USER_AGENT;
            has.1 |= name == hyper::header::HOST;
            line(&mut head, &name, value.as_bytes());
        }
        if let Some(token) = bearer {
            let value = HeaderValue::from_bytes(format!("Bearer {token}").as_bytes()).ok()?;
            line(&mut head, &hyper::header::AUTHORIZATION, value.as_bytes());
        }
        let mut tail = Vec::new();
        if !has.0 {
            let agent = HeaderValue::from_str(&crate::build_info::user_agent()).ok()?;
            line(&mut tail, &hyper::header::USER_AGENT, agent.as_bytes());
        }
        if !has.1 {
            // The port only when it is not the scheme's, as `Url` keeps it.
            let authority = match base.port() {
                Some(port) => format!("{host_text}:{port}"),
                None => host_text.to_string(),
            };
            let authority = HeaderValue::from_str(&authority).ok()?;
            line(&mut tail, &hyper::header::HOST, authority.as_bytes());
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
    /// at most [`RESPONSE_LIMIT`] bytes of it, within `timeout` if there is one; `url` is
    /// the whole URL, as errors show it. Returns `None` when `target` is not a request
    /// target HTTP allows (reqwest reports that).
    pub(super) fn send(
        &self,
        method: &reqwest::Method,
        target: &str,
        url: &str,
        json: Option<&[u8]>,
        timeout: Option<Duration>,
    ) -> Option<Outcome> {
        if target.parse::<hyper::Uri>().is_err() {
            return None;
        }
        let deadline = timeout.map(|limit| Instant::now() + limit);
        let request = self.request(method.as_str(), target, json);
        let failed = |stage, cause| {
            Outcome::Failed(Failure {
                url: url.to_string(),
                stage,
                cause,
            })
        };
        let connect = |timeout| {
            self.connect(timeout).map_err(|e| {
                if is_timeout(&e) {
                    Outcome::TimedOut
                } else {
                    failed("Connect", Box::new(ConnectError(e)))
                }
            })
        };
        // The connection is taken for the request and put back when the answer is read
        // in full and the server keeps it open; a failed request leaves it closed.
        let kept = self.open.lock().ok().and_then(|mut open| open.take());
        // Go's transport never sends on a connection the server has closed (a reader
        // watches idle ones); here such a connection shows when it is used, failing
        // before any of the answer, and a request other than a POST is sent once more
        // on a new connection.
        let retry = kept.is_some() && *method != reqwest::Method::POST;
        let mut connection = match kept.map_or_else(|| connect(timeout), Ok) {
            Ok(connection) => connection,
            Err(outcome) => return Some(outcome),
        };
        let mut result = connection.exchange(&request, method, deadline);
        if retry && result.as_ref().is_err_and(ExchangeError::unanswered_close) {
            connection = match connect(remaining(deadline)) {
                Ok(connection) => connection,
                Err(outcome) => return Some(outcome),
            };
            result = connection.exchange(&request, method, deadline);
        }
        match result {
            Ok((head, _)) if head.redirect => Some(Outcome::Redirect),
            Ok((head, body)) => {
                if head.keep_alive
                    && let Ok(mut slot) = self.open.lock()
                {
                    *slot = Some(connection);
                }
                Some(Outcome::Answer {
                    status: head.status,
                    body,
                })
            }
            Err(ExchangeError::TooLarge) => Some(Outcome::TooLarge),
            Err(ExchangeError::TimedOut) => Some(Outcome::TimedOut),
            // The io::Error itself is the cause, for `describe_transport_error` to find.
            Err(ExchangeError::Io { error, .. }) => Some(failed("SendRequest", Box::new(error))),
            Err(e) => Some(failed("SendRequest", Box::new(e))),
        }
    }

    /// The request's bytes: request line, headers, and the body.
    fn request(&self, method: &str, target: &str, json: Option<&[u8]>) -> Vec<u8> {
        let body = json.unwrap_or_default();
        let mut out = Vec::with_capacity(
            64 + method.len() + target.len() + self.head.len() + self.tail.len() + body.len(),
        );
        for part in [method.as_bytes(), b" ", target.as_bytes(), b" HTTP/1.1\r\n"] {
            out.extend_from_slice(part);
        }
        out.extend_from_slice(&self.head);
        if json.is_some() {
            out.extend_from_slice(b"content-type: application/json\r\n");
        }
        out.extend_from_slice(&self.tail);
        if json.is_some() {
            out.extend_from_slice(b"content-length: ");
            out.extend_from_slice(body.len().to_string().as_bytes());
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(body);
        out
    }

    /// Connects to the first address of the host that accepts, within `timeout`.
    fn connect(&self, timeout: Option<Duration>) -> std::io::Result<Connection> {
        let deadline = timeout.map(|limit| Instant::now() + limit);
        let mut last = None;
        for address in (self.host.as_str(), self.port).to_socket_addrs()? {
            match connect_one(&address, remaining(deadline)) {
                Ok(stream) => {
                    stream.set_nodelay(true)?;
                    // Reads are bounded by the request's time; a write that cannot go
                    // out within the whole timeout has no time left either.
                    stream.set_write_timeout(timeout)?;
                    stream.set_read_timeout(timeout)?;
                    return Ok(Connection {
                        stream,
                        buffer: Vec::new(),
                        scratch: vec![0; READ_SIZE].into_boxed_slice(),
                        read_timeout: timeout,
                    });
                }
                Err(e) => last = Some(e),
            }
        }
        Err(last.unwrap_or_else(|| {
            std::io::Error::new(ErrorKind::NotFound, "failed to lookup address information")
        }))
    }
}

fn connect_one(address: &SocketAddr, timeout: Option<Duration>) -> std::io::Result<TcpStream> {
    match timeout {
        Some(limit) if limit.is_zero() => Err(ErrorKind::TimedOut.into()),
        Some(limit) => TcpStream::connect_timeout(address, limit),
        None => TcpStream::connect(address),
    }
}

fn is_timeout(e: &std::io::Error) -> bool {
    matches!(e.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock)
}

fn remaining(deadline: Option<Instant>) -> Option<Duration> {
    deadline.map(|d| d.saturating_duration_since(Instant::now()))
}

impl Connection {
    /// Writes `request` and reads its answer: the head, then the body.
    fn exchange(
        &mut self,
        request: &[u8],
        method: &reqwest::Method,
        deadline: Option<Instant>,
    ) -> Result<(Head, Vec<u8>), ExchangeError> {
        self.stream
            .write_all(request)
            .map_err(|e| ExchangeError::io(e, false))?;
        let head = self.head(deadline)?;
        if head.redirect {
            return Ok((head, Vec::new()));
        }
        let bodiless = *method == reqwest::Method::HEAD || matches!(head.status, 204 | 304);
        let body = if bodiless {
            Vec::new()
        } else if head.chunked {
            self.chunked(deadline)?
        } else if let Some(length) = head.length {
            self.exact(length, deadline)?
        } else {
            self.until_closed(deadline)?
        };
        Ok((head, body))
    }

    /// Reads more bytes into the buffer, `want` of them if they come at once (at least
    /// [`READ_SIZE`]); `Ok(false)` at the end of the stream. `answered`: whether any of
    /// the answer was read before.
    fn fill(
        &mut self,
        want: usize,
        answered: bool,
        deadline: Option<Instant>,
    ) -> Result<bool, ExchangeError> {
        if let Some(deadline) = deadline {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(ExchangeError::TimedOut);
            }
            // Shrunk only when the socket's timeout would overshoot the request's by
            // more than a tenth: a setsockopt per read would cost as much as the read.
            if self.read_timeout.is_none_or(|set| left < set.mul_f64(0.9)) {
                self.stream
                    .set_read_timeout(Some(left))
                    .map_err(|e| ExchangeError::io(e, answered))?;
                self.read_timeout = Some(left);
            }
        }
        let start = self.buffer.len();
        // A large body is read in place; anything else through the scratch buffer.
        let direct = want > READ_SIZE;
        if direct {
            self.buffer.resize(start + want, 0);
        }
        let read = loop {
            let into = if direct {
                &mut self.buffer[start..]
            } else {
                &mut self.scratch[..]
            };
            match self.stream.read(into) {
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                other => break other,
            }
        };
        match read {
            Ok(n) if direct => {
                self.buffer.truncate(start + n);
                Ok(n > 0)
            }
            Ok(n) => {
                self.buffer.extend_from_slice(&self.scratch[..n]);
                Ok(n > 0)
            }
            Err(e) => {
                self.buffer.truncate(start);
                Err(ExchangeError::io(e, answered || start > 0))
            }
        }
    }

    /// Reads an answer's head, skipping informational (1xx) answers.
    fn head(&mut self, deadline: Option<Instant>) -> Result<Head, ExchangeError> {
        let mut answered = false;
        let mut informational = 0;
        loop {
            let mut headers = [httparse::EMPTY_HEADER; HEADERS_LIMIT];
            let mut response = httparse::Response::new(&mut headers);
            match response.parse(&self.buffer) {
                Ok(httparse::Status::Complete(length)) => {
                    let status = response.code.unwrap_or_default();
                    let head = read_head(&response);
                    self.buffer.drain(..length);
                    if (100..200).contains(&status) && status != 101 {
                        answered = true;
                        informational += 1;
                        if informational > INFORMATIONAL_LIMIT {
                            return Err(ExchangeError::Invalid(
                                "too many 1xx informational responses".into(),
                            ));
                        }
                        continue;
                    }
                    return head;
                }
                Ok(httparse::Status::Partial) => {
                    if self.buffer.len() > HEAD_LIMIT {
                        return Err(ExchangeError::Invalid("message head is too large".into()));
                    }
                }
                Err(_) if matches!(self.buffer[..], [0x15 | 0x16, 0x03, ..]) => {
                    return Err(ExchangeError::Tls);
                }
                Err(e) => return Err(ExchangeError::Invalid(e.to_string())),
            }
            // Part of an answer read, or a whole informational one: answered.
            answered |= !self.buffer.is_empty();
            if !self.fill(0, answered, deadline)? {
                return Err(ExchangeError::Closed { answered });
            }
        }
    }

    /// A body of `length` bytes.
    fn exact(&mut self, length: u64, deadline: Option<Instant>) -> Result<Vec<u8>, ExchangeError> {
        if length > RESPONSE_LIMIT {
            return Err(ExchangeError::TooLarge);
        }
        let length = length as usize;
        while self.buffer.len() < length {
            if !self.fill(length - self.buffer.len(), true, deadline)? {
                return Err(ExchangeError::Closed { answered: true });
            }
        }
        let rest = self.buffer.split_off(length);
        Ok(std::mem::replace(&mut self.buffer, rest))
    }

    /// A body that ends with the connection.
    fn until_closed(&mut self, deadline: Option<Instant>) -> Result<Vec<u8>, ExchangeError> {
        while self.fill(0, true, deadline)? {
            if self.buffer.len() as u64 > RESPONSE_LIMIT {
                return Err(ExchangeError::TooLarge);
            }
        }
        Ok(std::mem::take(&mut self.buffer))
    }

    /// A chunked body: chunks until the empty one, then the trailer lines.
    fn chunked(&mut self, deadline: Option<Instant>) -> Result<Vec<u8>, ExchangeError> {
        let mut body = Vec::new();
        loop {
            let (start, size) = loop {
                match httparse::parse_chunk_size(&self.buffer) {
                    Ok(httparse::Status::Complete(found)) => break found,
                    Ok(httparse::Status::Partial) if self.buffer.len() <= HEAD_LIMIT => {
                        if !self.fill(0, true, deadline)? {
                            return Err(ExchangeError::Closed { answered: true });
                        }
                    }
                    _ => return Err(ExchangeError::Invalid("invalid chunk size".into())),
                }
            };
            if body.len() as u64 + size > RESPONSE_LIMIT {
                return Err(ExchangeError::TooLarge);
            }
            self.buffer.drain(..start);
            if size == 0 {
                return self.trailer(deadline).map(|()| body);
            }
            let size = size as usize;
            while self.buffer.len() < size + 2 {
                if !self.fill(size + 2 - self.buffer.len(), true, deadline)? {
                    return Err(ExchangeError::Closed { answered: true });
                }
            }
            if &self.buffer[size..size + 2] != b"\r\n" {
                return Err(ExchangeError::Invalid("invalid chunk end".into()));
            }
            body.extend_from_slice(&self.buffer[..size]);
            self.buffer.drain(..size + 2);
        }
    }

    /// The trailer lines after the last chunk, up to the empty line; they are dropped.
    fn trailer(&mut self, deadline: Option<Instant>) -> Result<(), ExchangeError> {
        loop {
            match self.buffer.windows(2).position(|w| w == b"\r\n") {
                Some(0) => {
                    self.buffer.drain(..2);
                    return Ok(());
                }
                Some(end) => {
                    self.buffer.drain(..end + 2);
                }
                None if self.buffer.len() > HEAD_LIMIT => {
                    return Err(ExchangeError::Invalid("message head is too large".into()));
                }
                None => {
                    if !self.fill(0, true, deadline)? {
                        return Err(ExchangeError::Closed { answered: true });
                    }
                }
            }
        }
    }
}

/// What reading the body needs of a parsed head.
fn read_head(response: &httparse::Response<'_, '_>) -> Result<Head, ExchangeError> {
    let status = response.code.unwrap_or_default();
    let mut head = Head {
        status,
        redirect: false,
        length: None,
        chunked: false,
        // HTTP/1.1 keeps the connection unless told otherwise; 1.0 closes it.
        keep_alive: response.version == Some(1),
    };
    let mut location = false;
    for header in response.headers.iter() {
        let value = header.value;
        if header.name.eq_ignore_ascii_case("content-length") {
            let length = std::str::from_utf8(value)
                .ok()
                .and_then(|text| text.trim().parse::<u64>().ok())
                .ok_or_else(|| ExchangeError::Invalid("invalid content-length".into()))?;
            if head.length.is_some_and(|seen| seen != length) {
                return Err(ExchangeError::Invalid("conflicting content-length".into()));
            }
            head.length = Some(length);
        } else if header.name.eq_ignore_ascii_case("transfer-encoding") {
            // Chunked when it is the last coding (RFC 9112 §6.3); any other coding
            // reads to the end of the connection.
            head.chunked = value
                .rsplit(|&b| b == b',')
                .next()
                .is_some_and(|last| last.trim_ascii().eq_ignore_ascii_case(b"chunked"));
            head.keep_alive &= head.chunked;
        } else if header.name.eq_ignore_ascii_case("connection") {
            for token in value.split(|&b| b == b',') {
                let token = token.trim_ascii();
                if token.eq_ignore_ascii_case(b"close") {
                    head.keep_alive = false;
                } else if token.eq_ignore_ascii_case(b"keep-alive") && response.version == Some(0) {
                    head.keep_alive = true;
                }
            }
        } else if header.name.eq_ignore_ascii_case("location") {
            location = true;
        }
    }
    if head.chunked {
        head.length = None;
    } else if head.length.is_none() && !matches!(status, 204 | 304) {
        // Read to the end: the connection ends with the body.
        head.keep_alive = false;
    }
    head.redirect = location && matches!(status, 301 | 302 | 303 | 307 | 308);
    Ok(head)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufRead;
    use std::net::TcpListener;

    /// A server that answers each request of each connection with the next of `answers`
    /// (an empty answer closes the connection without answering), and the requests it
    /// read, each as its head and body.
    fn scripted(answers: Vec<&'static str>) -> (Http1, std::thread::JoinHandle<Vec<String>>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let handle = std::thread::spawn(move || {
            let mut seen = Vec::new();
            let mut answers = answers.into_iter();
            'connections: for stream in listener.incoming() {
                let mut stream = std::io::BufReader::new(stream.unwrap());
                loop {
                    let mut request = String::new();
                    let mut length = 0;
                    loop {
                        let mut line = String::new();
                        if stream.read_line(&mut line).unwrap() == 0 {
                            continue 'connections;
                        }
                        if let Some(value) = line.strip_prefix("content-length: ") {
                            length = value.trim().parse().unwrap();
                        }
                        request.push_str(&line);
                        if line == "\r\n" {
                            break;
                        }
                    }
                    let mut body = vec![0; length];
                    stream.read_exact(&mut body).unwrap();
                    request.push_str(std::str::from_utf8(&body).unwrap());
                    seen.push(request);
                    let Some(answer) = answers.next() else {
                        return seen;
                    };
                    if !answer.is_empty() {
                        stream.get_mut().write_all(answer.as_bytes()).unwrap();
                    }
                    if answers.len() == 0 {
                        return seen;
                    }
                    if answer.is_empty() {
                        continue 'connections;
                    }
                }
            }
            seen
        });
        let base = Url::parse(&format!("http://127.0.0.1:{port}")).unwrap();
        (Http1::new(&base, &[], Some("t0k")).unwrap(), handle)
    }

    fn send(client: &Http1, method: reqwest::Method, body: Option<&[u8]>) -> Outcome {
        client
            .send(
                &method,
                "/meshes",
                "http://x/meshes",
                body,
                Some(Duration::from_secs(5)),
            )
            .unwrap()
    }

    fn answer(outcome: Outcome) -> (u16, String) {
        match outcome {
            Outcome::Answer { status, body } => (status, String::from_utf8(body).unwrap()),
            Outcome::Failed(failure) => panic!("failed: {failure}: {}", failure.cause),
            _ => panic!("not an answer"),
        }
    }

    fn failure(outcome: Outcome) -> String {
        match outcome {
            Outcome::Failed(failure) => format!("{failure}: {}", failure.cause),
            _ => panic!("not a failure"),
        }
    }

    #[test]
    fn one_request_is_written_as_reqwest_writes_it() {
        let (client, server) =
            scripted(vec!["HTTP/1.1 201 Created\r\ncontent-length: 2\r\n\r\n{}"]);
        let sent = send(&client, reqwest::Method::PUT, Some(b"{\"a\":1}"));
        assert_eq!(answer(sent), (201, "{}".into()));
        drop(client);
        let agent = crate::build_info::user_agent();
        let seen = server.join().unwrap();
        assert_eq!(seen.len(), 1);
        let host = seen[0]
            .lines()
            .find_map(|l| l.strip_prefix("host: "))
            .unwrap()
            .to_string();
        assert_eq!(
            seen[0],
            format!(
                "PUT /meshes HTTP/1.1\r\naccept: application/json\r\nauthorization: Bearer t0k\r\n\
                 content-type: application/json\r\nuser-agent: {agent}\r\nhost: {host}\r\n\
                 content-length: 7\r\n\r\n{{\"a\":1}}"
            )
        );
    }

    #[test]
    fn chunked_answers_informational_answers_and_answers_ended_by_the_close() {
        let (client, server) = scripted(vec![
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n\
             3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nx-trailer: 1\r\n\r\n",
            "HTTP/1.1 404 Not Found\r\ncontent-length: 3\r\n\r\nnot",
            "HTTP/1.1 200 OK\r\nconnection: close\r\n\r\nuntil the end",
        ]);
        assert_eq!(
            answer(send(&client, reqwest::Method::GET, None)),
            (200, "abcde".into())
        );
        // The same connection serves the next request.
        assert_eq!(
            answer(send(&client, reqwest::Method::GET, None)),
            (404, "not".into())
        );
        assert_eq!(
            answer(send(&client, reqwest::Method::GET, None)),
            (200, "until the end".into())
        );
        drop(client);
        assert_eq!(server.join().unwrap().len(), 3);
    }

    #[test]
    fn a_kept_connection_the_server_closed_is_replaced_for_idempotent_requests_only() {
        let ok = "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok";
        // The second request finds its connection closed; it is sent again on a new one.
        let (client, server) = scripted(vec![ok, "", ok]);
        assert_eq!(
            answer(send(&client, reqwest::Method::GET, None)),
            (200, "ok".into())
        );
        assert_eq!(
            answer(send(&client, reqwest::Method::PUT, Some(b"{}"))),
            (200, "ok".into())
        );
        drop(client);
        assert_eq!(server.join().unwrap().len(), 3);
        // A POST is not sent twice.
        let (client, server) = scripted(vec![ok, ""]);
        assert_eq!(
            answer(send(&client, reqwest::Method::GET, None)),
            (200, "ok".into())
        );
        assert_eq!(
            failure(send(&client, reqwest::Method::POST, Some(b"{}"))),
            "error sending request for url (http://x/meshes): client error (SendRequest): \
             connection closed before message completed"
        );
        drop(client);
        assert_eq!(server.join().unwrap().len(), 2);
    }

    #[test]
    fn answers_that_are_not_http_or_too_large() {
        // A TLS server's alert for a request that is not TLS.
        let (client, _server) = scripted(vec!["\u{15}\u{3}\u{1}\u{0}\u{2}\u{2}\u{50}"]);
        assert_eq!(
            failure(send(&client, reqwest::Method::GET, None)),
            "error sending request for url (http://x/meshes): client error (SendRequest): \
             the server answered with TLS"
        );
        let (client, _server) = scripted(vec![
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n\
             HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n\
             HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n",
        ]);
        assert_eq!(
            failure(send(&client, reqwest::Method::GET, None)),
            "error sending request for url (http://x/meshes): client error (SendRequest): \
             invalid HTTP answer: too many 1xx informational responses"
        );
        // Heads and chunk-size lines are bounded.
        let endless: &'static str = format!("HTTP/1.1 200 OK\r\nx: {}", "y".repeat(70_000)).leak();
        let (client, _server) = scripted(vec![endless]);
        assert!(
            failure(send(&client, reqwest::Method::GET, None))
                .ends_with("invalid HTTP answer: message head is too large")
        );
        let endless: &'static str = format!(
            "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n1{}",
            "0".repeat(70_000)
        )
        .leak();
        let (client, _server) = scripted(vec![endless]);
        assert!(
            failure(send(&client, reqwest::Method::GET, None))
                .ends_with("invalid HTTP answer: invalid chunk size")
        );
        let (client, _server) = scripted(vec!["SSH-2.0-OpenSSH\r\n\r\n"]);
        assert_eq!(
            failure(send(&client, reqwest::Method::GET, None)),
            "error sending request for url (http://x/meshes): client error (SendRequest): \
             invalid HTTP answer: invalid HTTP version"
        );
        let (client, _server) = scripted(vec![
            "HTTP/1.1 200 OK\r\ncontent-length: 99999999999\r\n\r\n",
        ]);
        assert!(matches!(
            send(&client, reqwest::Method::GET, None),
            Outcome::TooLarge
        ));
        let (client, _server) = scripted(vec![
            "HTTP/1.1 302 Found\r\nlocation: /x\r\ncontent-length: 0\r\n\r\n",
        ]);
        assert!(matches!(
            send(&client, reqwest::Method::GET, None),
            Outcome::Redirect
        ));
    }

    #[test]
    fn an_answer_that_does_not_come_in_time() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = Url::parse(&format!("http://{}", listener.local_addr().unwrap())).unwrap();
        let client = Http1::new(&base, &[], None).unwrap();
        let started = Instant::now();
        let outcome = client.send(
            &reqwest::Method::GET,
            "/",
            "http://x/",
            None,
            Some(Duration::from_millis(200)),
        );
        assert!(matches!(outcome, Some(Outcome::TimedOut)));
        assert!(started.elapsed() < Duration::from_secs(5));
        // Not a request target: reqwest's to report.
        assert!(
            client
                .send(&reqwest::Method::GET, "/a b", "", None, None)
                .is_none()
        );
    }
}
