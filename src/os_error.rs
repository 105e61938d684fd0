//! OS errors worded as Go prints them (`open x: no such file or directory`), since users
//! compare our messages with Go kumactl's, and Rust's "(os error 2)" suffix is noise.

use std::io;

/// The error text without Rust's `(os error N)` suffix, lower-cased like Go's syscall texts.
pub fn text(e: &io::Error) -> String {
    let full = e.to_string();
    let without_code = match full.find(" (os error") {
        Some(i) => &full[..i],
        None => &full,
    };
    let mut chars = without_code.chars();
    match chars.next() {
        Some(first) if e.raw_os_error().is_some() => {
            first.to_lowercase().collect::<String>() + chars.as_str()
        }
        _ => without_code.to_string(),
    }
}

/// `<op> <path>: <reason>`, Go's `*PathError` text, e.g. `open /x: no such file or directory`.
pub fn path_text(op: &str, path: &std::path::Path, e: &io::Error) -> String {
    format!("{op} {}: {}", path.display(), text(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_like_go() {
        let e = std::fs::read("/nonexistent/file").unwrap_err();
        assert_eq!(text(&e), "no such file or directory");
        assert_eq!(
            path_text("open", std::path::Path::new("/nonexistent/file"), &e),
            "open /nonexistent/file: no such file or directory"
        );
        let custom = io::Error::other("Custom Reason");
        assert_eq!(text(&custom), "Custom Reason");
    }
}
