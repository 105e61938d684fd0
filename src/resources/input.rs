//! Where `kumactl apply -f` reads from (as Go's `app/kumactl/cmd/apply/apply.go`): a
//! file, the top-level `.yaml`/`.yml`/`.json` files of a directory (sorted by path,
//! joined with `"\n---\n"`), an `http(s)://` URL, or `-` for stdin.
//!
//! A source can be reopened (apply looks at its first bytes, then reads it through).
//! Files are read again from disk; stdin and URL bodies, which cannot be read twice, are
//! first copied to an anonymous temporary file, split on the way so that a document over
//! the size bound stops the copy. Nothing holds the whole input in memory.
//!
//! The source also decides where `{{> partial}}` templates may be read from: next to
//! an input file (or inside an input directory), never for stdin or a URL.

use super::split::{DocumentTooLarge, Documents};
use super::template::Partials;
use crate::files::DOCUMENT_LIMIT;
use crate::os_error::text as io_reason;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long fetching a URL may take, as Go kumactl.
pub const URL_TIMEOUT: Duration = Duration::from_secs(10);

/// The separator Go puts between the files of a directory.
const FILE_SEPARATOR: &[u8] = b"\n---\n";

#[derive(Debug)]
pub enum InputSource {
    File(PathBuf),
    /// The matching files of a directory, sorted.
    Directory {
        dir: PathBuf,
        files: Vec<PathBuf>,
    },
    /// stdin or a URL body, copied aside.
    Spooled {
        file: File,
        origin: Origin,
    },
}

/// Where spooled input came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Stdin,
    Url,
}

/// Why the input cannot be read; the texts are Go kumactl's.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("invalid URL for --file: parse {url:?}: {reason}")]
    InvalidUrl { url: String, reason: String },
    #[error("error with GET http request: Get {url:?}: {reason}")]
    Fetch { url: String, reason: String },
    /// Go says only `error while retrieving URL`; we add the URL and the status.
    #[error("error while retrieving URL: {url}: {status}")]
    Status { url: String, status: String },
    #[error("error while reading provided file: stat {path}: {reason}")]
    Stat { path: String, reason: String },
    #[error("error reading directory: open {path}: {reason}")]
    Directory { path: String, reason: String },
    #[error("error reading file {path}: open {path}: {reason}")]
    File { path: String, reason: String },
    #[error("error reading input: {0}")]
    Read(String),
    #[error("error reading input: {0}")]
    TooLarge(DocumentTooLarge),
}

impl InputSource {
    /// Opens the source named by `-f`. For stdin and URLs this reads them entirely
    /// (into a temporary file).
    pub fn open(arg: &str) -> Result<InputSource, InputError> {
        if arg == "-" {
            let file = spool(io::stdin().lock(), DOCUMENT_LIMIT)?;
            return Ok(InputSource::Spooled {
                file,
                origin: Origin::Stdin,
            });
        }
        if arg.starts_with("http://") || arg.starts_with("https://") {
            let file = fetch(arg)?;
            return Ok(InputSource::Spooled {
                file,
                origin: Origin::Url,
            });
        }
        let metadata = std::fs::metadata(arg).map_err(|e| InputError::Stat {
            path: arg.to_string(),
            reason: io_reason(&e),
        })?;
        if metadata.is_dir() {
            Ok(InputSource::Directory {
                dir: PathBuf::from(arg),
                files: list_directory(Path::new(arg))?,
            })
        } else {
            File::open(arg).map_err(|e| InputError::File {
                path: arg.to_string(),
                reason: io_reason(&e),
            })?;
            Ok(InputSource::File(PathBuf::from(arg)))
        }
    }

    /// A reader over the whole input, from its start (it may be read on another thread).
    pub fn reader(&mut self) -> Result<Box<dyn BufRead + Send + '_>, InputError> {
        let open = |path: &Path| {
            File::open(path).map_err(|e| InputError::File {
                path: path.display().to_string(),
                reason: io_reason(&e),
            })
        };
        Ok(match self {
            InputSource::File(path) => Box::new(BufReader::new(open(path)?)),
            InputSource::Directory { files: paths, .. } => {
                let mut chained: Box<dyn Read + Send> = Box::new(io::empty());
                for (i, path) in paths.iter().enumerate() {
                    if i > 0 {
                        chained = Box::new(chained.chain(FILE_SEPARATOR));
                    }
                    chained = Box::new(chained.chain(open(path)?));
                }
                Box::new(BufReader::new(chained))
            }
            InputSource::Spooled { file, .. } => {
                file.seek(SeekFrom::Start(0))
                    .map_err(|e| InputError::Read(e.to_string()))?;
                Box::new(BufReader::new(&*file))
            }
        })
    }

    /// Where this input's `{{> partial}}` templates are read from.
    pub fn partials(&self) -> Partials {
        match self {
            InputSource::File(path) => Partials::Directory(match path.parent() {
                Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
                _ => PathBuf::from("."),
            }),
            InputSource::Directory { dir, .. } => Partials::Directory(dir.clone()),
            InputSource::Spooled {
                origin: Origin::Stdin,
                ..
            } => Partials::Refused("stdin"),
            InputSource::Spooled {
                origin: Origin::Url,
                ..
            } => Partials::Refused("a URL"),
        }
    }

    /// Whether the raw input has no bytes at all (Go's `no resource(s) passed to apply`).
    pub fn is_empty(&mut self) -> Result<bool, InputError> {
        let mut reader = self.reader()?;
        let buffered = reader
            .fill_buf()
            .map_err(|e| InputError::Read(e.to_string()))?;
        Ok(buffered.is_empty())
    }
}

/// The top-level regular files (or links to files) of `dir` with a `.yaml`, `.yml` or
/// `.json` extension (any case), sorted by path.
fn list_directory(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let dir_error = |e: io::Error| InputError::Directory {
        path: dir.display().to_string(),
        reason: io_reason(&e),
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(dir_error)? {
        let path = entry.map_err(dir_error)?.path();
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_lowercase().as_str(), "yaml" | "yml" | "json"));
        // `metadata` follows links, so a link to a file counts and one to a dir does not.
        if wanted && std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Copies a stream into an anonymous temporary file, splitting it on the way: a
/// document longer than `limit` stops the copy with [`InputError::Read`].
fn spool(reader: impl Read, limit: u64) -> Result<File, InputError> {
    let mut file = tempfile::tempfile().map_err(|e| InputError::Read(e.to_string()))?;
    let tee = Tee {
        source: reader,
        copy: &mut file,
    };
    for document in Documents::with_limit(BufReader::new(tee), limit) {
        document.map_err(|e| {
            match e
                .get_ref()
                .and_then(|e| e.downcast_ref::<DocumentTooLarge>())
            {
                Some(too_large) => InputError::TooLarge(*too_large),
                None => InputError::Read(e.to_string()),
            }
        })?;
    }
    Ok(file)
}

/// Reads `source`, writing what it read to `copy`.
struct Tee<'a, R> {
    source: R,
    copy: &'a mut File,
}

impl<R: Read> Read for Tee<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.source.read(buf)?;
        self.copy.write_all(&buf[..read])?;
        Ok(read)
    }
}

/// GETs a URL with a 10 s timeout and no kumactl headers or credentials.
fn fetch(raw: &str) -> Result<File, InputError> {
    let url = url::Url::parse(raw).map_err(|e| InputError::InvalidUrl {
        url: raw.to_string(),
        reason: e.to_string(),
    })?;
    let shown_url = crate::client::redacted(&url);
    let fetch_error = |reason: String| InputError::Fetch {
        url: shown_url.clone(),
        reason,
    };
    let mut builder = reqwest::Client::builder()
        .use_rustls_tls()
        .timeout(URL_TIMEOUT);
    if url.scheme() == "https" {
        builder = crate::client::with_system_roots(builder);
    }
    let client = builder
        .build()
        .map_err(|e| fetch_error(describe(&e, &url)))?;
    let runtime =
        crate::client::current_thread_runtime().map_err(|e| InputError::Read(e.to_string()))?;
    // The request is made inside the runtime: its timeout needs the runtime's timer.
    let response = runtime
        .block_on(async { client.get(url.clone()).send().await })
        .map_err(|e| fetch_error(describe(&e, &url)))?;
    if response.status() != reqwest::StatusCode::OK {
        return Err(InputError::Status {
            url: shown_url,
            status: response.status().to_string(),
        });
    }
    // The 10 s limit covers reading the body too.
    let body = BodyReader {
        runtime: &runtime,
        response,
        url: &url,
        chunk: Vec::new(),
        read: 0,
    };
    spool(body, DOCUMENT_LIMIT).map_err(|e| match e {
        InputError::Read(reason) => fetch_error(reason),
        other => other,
    })
}

/// A response body as a blocking reader: each read takes the next chunk.
struct BodyReader<'a> {
    runtime: &'a tokio::runtime::Runtime,
    response: reqwest::Response,
    url: &'a url::Url,
    chunk: Vec<u8>,
    /// How much of `chunk` has been read.
    read: usize,
}

impl Read for BodyReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.read == self.chunk.len() {
            match self.runtime.block_on(async { self.response.chunk().await }) {
                Ok(Some(chunk)) => self.chunk = chunk.to_vec(),
                Ok(None) => return Ok(0),
                Err(e) => return Err(io::Error::other(describe(&e, self.url))),
            }
            self.read = 0;
        }
        let n = buf.len().min(self.chunk.len() - self.read);
        buf[..n].copy_from_slice(&self.chunk[self.read..self.read + n]);
        self.read += n;
        Ok(n)
    }
}

/// A reqwest error in a few words, with its causes. A refused connection or an unknown
/// host reads as Go's dialer words it (`dial tcp 127.0.0.1:1: connect: connection
/// refused`), as Go kumactl prints for `apply -f <url>`.
fn describe(e: &reqwest::Error, url: &url::Url) -> String {
    if e.is_timeout() {
        return format!(
            "Client.Timeout exceeded: no answer within {}s",
            URL_TIMEOUT.as_secs()
        );
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(inner) = source {
        if let Some(io) = inner.downcast_ref::<io::Error>()
            && io.kind() == io::ErrorKind::ConnectionRefused
        {
            return format!(
                "dial tcp {}: connect: connection refused",
                dial_address(url)
            );
        }
        let text = inner.to_string();
        if text.contains("dns error") || text.contains("failed to lookup address") {
            return format!(
                "dial tcp: lookup {}: no such host",
                url.host_str().unwrap_or_default()
            );
        }
        source = inner.source();
    }
    crate::client::error_chain_text(e)
}

/// The address Go's dialer names: `host:port` with the host resolved to its first
/// address (`[::1]:80` for `localhost`), as given when it does not resolve.
fn dial_address(url: &url::Url) -> String {
    use std::net::ToSocketAddrs;
    let port = url.port_or_known_default().unwrap_or(80);
    let host = match url.host() {
        Some(url::Host::Ipv6(ip)) => return format!("[{ip}]:{port}"),
        Some(url::Host::Ipv4(ip)) => return format!("{ip}:{port}"),
        Some(url::Host::Domain(host)) => host.to_string(),
        None => String::new(),
    };
    match (host.as_str(), port).to_socket_addrs() {
        Ok(mut addresses) => match addresses.next() {
            Some(address) => address.to_string(),
            None => format!("{host}:{port}"),
        },
        Err(_) => format!("{host}:{port}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(source: &mut InputSource) -> String {
        let mut text = String::new();
        source.reader().unwrap().read_to_string(&mut text).unwrap();
        text
    }

    #[test]
    fn directories_join_sorted_matching_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.yml"), "name: b").unwrap();
        std::fs::write(dir.path().join("a.YAML"), "name: a").unwrap();
        std::fs::write(dir.path().join("c.json"), "{}").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
        std::fs::create_dir(dir.path().join("sub.yaml")).unwrap();
        std::fs::write(dir.path().join("sub.yaml/x.yaml"), "ignored").unwrap();
        let mut source = InputSource::open(dir.path().to_str().unwrap()).unwrap();
        assert_eq!(read_all(&mut source), "name: a\n---\nname: b\n---\n{}");
        // Readable twice.
        assert_eq!(read_all(&mut source), "name: a\n---\nname: b\n---\n{}");
        assert!(!source.is_empty().unwrap());
    }

    #[test]
    fn an_empty_directory_is_empty_input() {
        let dir = tempfile::tempdir().unwrap();
        let mut source = InputSource::open(dir.path().to_str().unwrap()).unwrap();
        assert!(source.is_empty().unwrap());
    }

    #[test]
    fn missing_files_and_bad_urls() {
        assert_eq!(
            InputSource::open("no-such.yaml").unwrap_err().to_string(),
            "error while reading provided file: stat no-such.yaml: no such file or directory"
        );
        assert!(
            InputSource::open("http://[::1")
                .unwrap_err()
                .to_string()
                .starts_with("invalid URL for --file: parse \"http://[::1\": ")
        );
    }

    #[test]
    fn spooled_input_rereads() {
        let mut source = InputSource::Spooled {
            file: spool(&b"name: x"[..], DOCUMENT_LIMIT).unwrap(),
            origin: Origin::Stdin,
        };
        assert_eq!(read_all(&mut source), "name: x");
        assert_eq!(read_all(&mut source), "name: x");
        assert_eq!(source.partials(), Partials::Refused("stdin"));
    }

    #[test]
    fn spooling_stops_at_a_document_over_the_bound() {
        let endless = io::repeat(b'a');
        assert_eq!(
            spool(endless, 1 << 20).unwrap_err().to_string(),
            "error reading input: a document is larger than 1 MiB"
        );
        let many = "x: 1\n---\n".repeat(300_000);
        let mut source = InputSource::Spooled {
            file: spool(many.as_bytes(), 1 << 20).unwrap(),
            origin: Origin::Url,
        };
        assert_eq!(read_all(&mut source).len(), many.len());
    }

    #[test]
    fn partials_are_read_next_to_input_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "name: a").unwrap();
        let file = dir.path().join("a.yaml");
        assert_eq!(
            InputSource::open(file.to_str().unwrap())
                .unwrap()
                .partials(),
            Partials::Directory(dir.path().to_path_buf())
        );
        assert_eq!(
            InputSource::open(dir.path().to_str().unwrap())
                .unwrap()
                .partials(),
            Partials::Directory(dir.path().to_path_buf())
        );
    }
}
