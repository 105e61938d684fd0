//! Where `kumactl apply -f` reads from (as Go's `app/kumactl/cmd/apply/apply.go`): a
//! file, the top-level `.yaml`/`.yml`/`.json` files of a directory (sorted by path,
//! joined with `"\n---\n"`), an `http(s)://` URL, or `-` for stdin.
//!
//! A source can be reopened (apply looks at its first bytes, then reads it through).
//! Files are read again from disk; stdin and URL bodies, which cannot be read twice,
//! are first copied to an anonymous temporary file. Nothing holds the whole input in
//! memory.

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
    Directory(Vec<PathBuf>),
    /// stdin or a URL body, copied aside.
    Spooled(File),
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
}

impl InputSource {
    /// Opens the source named by `-f`. For stdin and URLs this reads them entirely
    /// (into a temporary file).
    pub fn open(arg: &str) -> Result<InputSource, InputError> {
        if arg == "-" {
            return spool(io::stdin().lock()).map(InputSource::Spooled);
        }
        if arg.starts_with("http://") || arg.starts_with("https://") {
            return fetch(arg).map(InputSource::Spooled);
        }
        let metadata = std::fs::metadata(arg).map_err(|e| InputError::Stat {
            path: arg.to_string(),
            reason: io_reason(&e),
        })?;
        if metadata.is_dir() {
            list_directory(Path::new(arg)).map(InputSource::Directory)
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
            InputSource::Directory(paths) => {
                let mut chained: Box<dyn Read + Send> = Box::new(io::empty());
                for (i, path) in paths.iter().enumerate() {
                    if i > 0 {
                        chained = Box::new(chained.chain(FILE_SEPARATOR));
                    }
                    chained = Box::new(chained.chain(open(path)?));
                }
                Box::new(BufReader::new(chained))
            }
            InputSource::Spooled(file) => {
                file.seek(SeekFrom::Start(0))
                    .map_err(|e| InputError::Read(e.to_string()))?;
                Box::new(BufReader::new(&*file))
            }
        })
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

/// Copies a stream into an anonymous temporary file.
fn spool(mut reader: impl Read) -> Result<File, InputError> {
    let mut file = tempfile::tempfile().map_err(|e| InputError::Read(e.to_string()))?;
    io::copy(&mut reader, &mut file).map_err(|e| InputError::Read(e.to_string()))?;
    Ok(file)
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
    let client = builder.build().map_err(|e| fetch_error(describe(&e)))?;
    let runtime =
        crate::client::current_thread_runtime().map_err(|e| InputError::Read(e.to_string()))?;
    let mut file = tempfile::tempfile().map_err(|e| InputError::Read(e.to_string()))?;
    runtime.block_on(async {
        let mut response = client
            .get(url)
            .send()
            .await
            .map_err(|e| fetch_error(describe(&e)))?;
        if response.status() != reqwest::StatusCode::OK {
            return Err(InputError::Status {
                url: shown_url.clone(),
                status: response.status().to_string(),
            });
        }
        // The 10 s limit covers reading the body too.
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| fetch_error(describe(&e)))?
        {
            file.write_all(&chunk)
                .map_err(|e| fetch_error(e.to_string()))?;
        }
        Ok(())
    })?;
    Ok(file)
}

/// A reqwest error in a few words, with its causes.
fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        return format!(
            "Client.Timeout exceeded: no answer within {}s",
            URL_TIMEOUT.as_secs()
        );
    }
    crate::client::error_chain_text(e)
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
        let mut source = InputSource::Spooled(spool(&b"name: x"[..]).unwrap());
        assert_eq!(read_all(&mut source), "name: x");
        assert_eq!(read_all(&mut source), "name: x");
    }
}
