//! Reading the small files a user or a request names (keys, certificates): with a size
//! limit, so that `/dev/zero`, a device or a huge file given by mistake is an error
//! instead of exhausting memory, and with Go's error texts.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// No key, certificate or CA bundle comes near this (the whole Mozilla bundle is 250 KB).
pub const PEM_FILE_LIMIT: u64 = 16 << 20;

/// The most one document of input may hold: one `apply` document (whatever its source:
/// file, directory, stdin or URL), one `install --values` file. Far above any real
/// resource or values file, far below what would exhaust the memory.
pub const DOCUMENT_LIMIT: u64 = 64 << 20;

/// The error of a read that went past `limit`: `the file is larger than 64 MiB`.
pub fn too_large(what: &str, limit: u64) -> io::Error {
    io::Error::other(format!("the {what} is larger than {} MiB", limit >> 20))
}

/// Reads a whole stream as UTF-8 text (like `read_to_string`), refusing more than
/// `limit` bytes with [`too_large`]`(what)`.
pub fn read_text_bounded(reader: impl Read, what: &str, limit: u64) -> io::Result<String> {
    let mut data = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut data)?;
    if data.len() as u64 > limit {
        return Err(too_large(what, limit));
    }
    String::from_utf8(data).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        )
    })
}

/// A file that could not be read, worded like Go's `*PathError`: `open /x: no such file
/// or directory`, `read /dir: is a directory`.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::os_error::path_text(self.op, &self.path, &self.error))]
pub struct ReadError {
    op: &'static str,
    path: std::path::PathBuf,
    error: io::Error,
}

impl ReadError {
    pub fn kind(&self) -> io::ErrorKind {
        self.error.kind()
    }
}

/// Reads a key or certificate file, refusing one longer than `limit` bytes.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_limited(path, limit, ": not a key or certificate")
}

/// Reads any whole file, refusing one longer than `limit` bytes
/// (`read <path>: the file is larger than 16 MiB`).
pub fn read_file_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_limited(path, limit, "")
}

fn read_limited(path: &Path, limit: u64, note: &str) -> Result<Vec<u8>, ReadError> {
    let failed = |op, error| ReadError {
        op,
        path: path.to_path_buf(),
        error,
    };
    let file = File::open(path).map_err(|e| failed("open", e))?;
    let mut data = Vec::new();
    // Opening a directory succeeds, as in Go; reading it fails.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut data)
        .map_err(|e| failed("read", e))?;
    if data.len() as u64 > limit {
        return Err(failed(
            "read",
            io::Error::other(format!("{}{note}", too_large("file", limit))),
        ));
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_small_files_with_go_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("key.pem");
        std::fs::write(&path, "pem").unwrap();
        assert_eq!(read_bounded(&path, 3).unwrap(), b"pem");
        assert_eq!(
            read_bounded(&dir.path().join("none"), 3)
                .unwrap_err()
                .to_string(),
            format!(
                "open {}/none: no such file or directory",
                dir.path().display()
            )
        );
        assert_eq!(
            read_bounded(dir.path(), 3).unwrap_err().to_string(),
            format!("read {}: is a directory", dir.path().display())
        );
    }

    #[test]
    fn bounded_text() {
        assert_eq!(read_text_bounded(&b"abc"[..], "input", 3).unwrap(), "abc");
        assert_eq!(
            read_text_bounded(io::repeat(b'a'), "input", 2 << 20)
                .unwrap_err()
                .to_string(),
            "the input is larger than 2 MiB"
        );
    }

    #[cfg(unix)]
    #[test]
    fn refuses_endless_files() {
        assert_eq!(
            read_file_bounded(Path::new("/dev/zero"), 1 << 20)
                .unwrap_err()
                .to_string(),
            "read /dev/zero: the file is larger than 1 MiB"
        );
        assert_eq!(
            read_bounded(Path::new("/dev/zero"), 1 << 20)
                .unwrap_err()
                .to_string(),
            "read /dev/zero: the file is larger than 1 MiB: not a key or certificate"
        );
    }
}
