//! Reading the small files a user or a request names (keys, certificates): with a size
//! limit, so that `/dev/zero`, a device or a huge file given by mistake is an error
//! instead of exhausting memory, and with Go's error texts.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// No key, certificate or CA bundle comes near this (the whole Mozilla bundle is 250 KB).
pub const PEM_FILE_LIMIT: u64 = 16 << 20;

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

/// Reads the whole file, refusing one longer than `limit` bytes.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
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
            io::Error::other(format!(
                "the file is larger than {} MiB: not a key or certificate",
                limit >> 20
            )),
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

    #[cfg(unix)]
    #[test]
    fn refuses_endless_files() {
        assert_eq!(
            read_bounded(Path::new("/dev/zero"), 1 << 20)
                .unwrap_err()
                .to_string(),
            "read /dev/zero: the file is larger than 1 MiB: not a key or certificate"
        );
    }
}
