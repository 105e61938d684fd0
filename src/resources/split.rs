//! Splits `kumactl apply` input into documents, as Go kumactl does (Go's
//! `pkg/util/yaml/split.go`), without holding the whole input: documents are read one
//! at a time from a stream.
//!
//! Go trims the input, splits it with the RE2 regex `(?:^|\s*\n)---\s*` (no multiline
//! flag, `\s` = `[\t\n\f\r ]`), drops each piece that is exactly one `#` comment line
//! (`^#.*$`), trims the pieces and drops the empty ones. The regex matches a `---` that
//! either starts the trimmed text or directly follows a newline which the previous match
//! did not consume; a match also eats the whitespace on both sides. Hence the rule used
//! here, line by line: a line starting with `---` separates documents when it is the
//! first line of the (trimmed) text, or when the current piece holds something besides
//! `\s` whitespace (otherwise the newline before it was eaten by the previous separator).
//! The rest of a separator line (`--- foo`) begins the next piece, as with the regex.

use crate::files::DOCUMENT_LIMIT;
use std::io::{self, BufRead, Read};

/// A document went past the size bound; read errors carry it (`a document is larger than
/// 64 MiB`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("a document is larger than {} MiB", .limit >> 20)]
pub struct DocumentTooLarge {
    pub limit: u64,
}

/// RE2's `\s`: the whitespace the separator regex eats.
fn is_re2_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

/// Go's `strings.TrimSpace` (Unicode white space), on possibly non-UTF-8 bytes.
pub fn trim_space(bytes: &[u8]) -> &[u8] {
    let start = leading_space_len(bytes);
    let rest = &bytes[start..];
    let end = rest.len() - trailing_space_len(rest);
    &rest[..end]
}

fn leading_space_len(bytes: &[u8]) -> usize {
    let mut i = 0;
    while i < bytes.len() {
        match space_char_at(bytes, i) {
            Some(len) => i += len,
            None => break,
        }
    }
    i
}

fn trailing_space_len(bytes: &[u8]) -> usize {
    let mut end = bytes.len();
    'outer: while end > 0 {
        // A character ends at `end`: try every start 1..=4 bytes back.
        for len in 1..=4.min(end) {
            if space_char_at(bytes, end - len) == Some(len) {
                end -= len;
                continue 'outer;
            }
        }
        break;
    }
    bytes.len() - end
}

/// The byte length of the white-space character starting at `i`, if there is one.
fn space_char_at(bytes: &[u8], i: usize) -> Option<usize> {
    let b = bytes[i];
    if b < 0x80 {
        return matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ').then_some(1);
    }
    let len = match b {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return None,
    };
    let text = std::str::from_utf8(bytes.get(i..i + len)?).ok()?;
    text.chars()
        .next()
        .filter(|c| c.is_whitespace())
        .map(|_| len)
}

/// Go's `^#.*$` without the multiline flag: the whole piece is one `#` comment line.
fn is_single_comment_line(piece: &[u8]) -> bool {
    piece.first() == Some(&b'#') && !piece.contains(&b'\n')
}

/// Yields the documents of a stream, trimmed, in order. Memory is bounded by the
/// longest document (plus the line after it), not by the input, and a document (with
/// that line) longer than the limit, 64 MiB unless told otherwise, is an error
/// ([`DocumentTooLarge`]) as soon as the limit is passed: a line that never ends
/// (`/dev/zero`) is read no further.
pub struct Documents<R> {
    limit: u64,
    reader: R,
    /// The piece being collected.
    piece: Vec<u8>,
    /// Whether `piece` holds anything besides `\s` whitespace.
    piece_has_content: bool,
    /// No non-white-space byte of the input has been seen yet (Go trims the input).
    at_text_start: bool,
    done: bool,
    line: Vec<u8>,
    /// The next read starts a line (the previous one ended with a newline).
    at_line_start: bool,
}

impl<R: BufRead> Documents<R> {
    pub fn new(reader: R) -> Documents<R> {
        Documents::with_limit(reader, DOCUMENT_LIMIT)
    }

    pub fn with_limit(reader: R, limit: u64) -> Documents<R> {
        Documents {
            limit,
            reader,
            piece: Vec::new(),
            piece_has_content: false,
            at_text_start: true,
            done: false,
            line: Vec::new(),
            at_line_start: true,
        }
    }

    /// Ends the current piece; returns it if it is a document.
    fn take_piece(&mut self) -> Option<Vec<u8>> {
        let mut piece = std::mem::take(&mut self.piece);
        self.piece_has_content = false;
        // Trimmed in place: a large document is not copied.
        let start = leading_space_len(&piece);
        let end = piece.len() - trailing_space_len(&piece[start..]);
        piece.truncate(end);
        piece.drain(..start);
        if piece.is_empty() || is_single_comment_line(&piece) {
            return None;
        }
        Some(piece)
    }

    fn push_to_piece(&mut self, bytes: &[u8]) {
        if !self.piece_has_content {
            self.piece_has_content = bytes.iter().any(|b| !is_re2_space(*b));
        }
        self.piece.extend_from_slice(bytes);
    }

    /// Reads the next line into `self.line`; false at the end of the input.
    /// Reads the next line, or as much of it as fits one byte past the limit of the
    /// current piece, but enough to tell a separator (the rest comes with the next call,
    /// as a continuation).
    fn read_line(&mut self) -> io::Result<bool> {
        self.line.clear();
        let room = self.limit.saturating_sub(self.piece.len() as u64);
        let read = (&mut self.reader)
            .take(room.saturating_add(1).max(4))
            .read_until(b'\n', &mut self.line)?;
        Ok(read > 0)
    }
}

impl<R: BufRead> Iterator for Documents<R> {
    type Item = io::Result<Vec<u8>>;

    fn next(&mut self) -> Option<io::Result<Vec<u8>>> {
        while !self.done {
            if self.piece.len() as u64 > self.limit {
                self.done = true;
                self.piece = Vec::new();
                self.line = Vec::new();
                return Some(Err(io::Error::other(DocumentTooLarge {
                    limit: self.limit,
                })));
            }
            let line_start = self.at_line_start;
            match self.read_line() {
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
                Ok(false) => {
                    self.done = true;
                    return self.take_piece().map(Ok);
                }
                Ok(true) => self.at_line_start = self.line.last() == Some(&b'\n'),
            }
            let mut line = std::mem::take(&mut self.line);
            let mut start = 0;
            if self.at_text_start {
                start = leading_space_len(&line);
                if start == line.len() {
                    self.line = line;
                    continue;
                }
                self.at_text_start = false;
                if line[start..].starts_with(b"---") {
                    // `^---`: the text begins with a separator; the piece before is empty.
                    self.push_to_piece(&line[start + 3..]);
                    self.line = line;
                    continue;
                }
            } else if line_start && line.starts_with(b"---") && self.piece_has_content {
                let document = self.take_piece();
                self.push_to_piece(&line[3..]);
                line.clear();
                self.line = line;
                if let Some(document) = document {
                    return Some(Ok(document));
                }
                continue;
            }
            self.push_to_piece(&line[start..]);
            line.clear();
            self.line = line;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(input: &str) -> Vec<String> {
        Documents::new(input.as_bytes())
            .map(|d| String::from_utf8(d.unwrap()).unwrap())
            .collect()
    }

    #[test]
    fn splits_on_separator_lines() {
        assert_eq!(split("a: 1\n---\nb: 2\n"), vec!["a: 1", "b: 2"]);
        assert_eq!(split("a: 1\r\n---\r\nb: 2"), vec!["a: 1", "b: 2"]);
        assert_eq!(split("---\na: 1\n---\n"), vec!["a: 1"]);
        assert_eq!(split("\n\n  ---\na: 1"), vec!["a: 1"]);
        assert_eq!(split("a\n---b"), vec!["a", "b"]);
        assert_eq!(split("a\n----\nb"), vec!["a", "-\nb"]);
    }

    #[test]
    fn whitespace_only_input_has_no_documents() {
        assert!(split("").is_empty());
        assert!(split(" \n\t\n").is_empty());
        assert!(split("---\n---").len() == 1);
    }

    #[test]
    fn separators_eat_the_whitespace_around_them() {
        // The second `---` follows a newline that the first separator consumed.
        assert_eq!(split("a\n---\n---\nb"), vec!["a", "---\nb"]);
        assert_eq!(split("---\n---\na"), vec!["---\na"]);
        assert_eq!(split("a\n---  \n\n  \n---\nb"), vec!["a", "---\nb"]);
        // A non-`\s` character (here U+00A0) stops the separator's whitespace.
        assert_eq!(split("a\n---\n\u{a0}\n---\nb"), vec!["a", "b"]);
    }

    #[test]
    fn only_line_starts_separate() {
        assert_eq!(
            split("a: 1\n# --- Checking a random separation doesn't break everything\nb: 2"),
            vec!["a: 1\n# --- Checking a random separation doesn't break everything\nb: 2"]
        );
        assert_eq!(split("a: x---y\n  ---\nb"), vec!["a: x---y\n  ---\nb"]);
    }

    #[test]
    fn single_comment_line_pieces_are_dropped() {
        assert_eq!(
            split("# Just a starting comment\n---\nname: a\n---\n# tail"),
            vec!["name: a"]
        );
        // Two comment lines are not one: the piece stays (and fails to parse later).
        assert_eq!(split("# a\n# b\n---\nx"), vec!["# a\n# b", "x"]);
    }

    #[test]
    fn trims_unicode_space_like_go() {
        assert_eq!(trim_space("\u{a0} x \u{3000}".as_bytes()), b"x");
        assert_eq!(trim_space(b"\x0b x \x0b"), b"x");
        assert_eq!(trim_space(b"\xff x"), b"\xff x");
    }

    /// `x: 1\n` without end.
    struct Cycle(usize);

    impl Read for Cycle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            for byte in buf.iter_mut() {
                *byte = b"x: 1\n"[self.0 % 5];
                self.0 += 1;
            }
            Ok(buf.len())
        }
    }

    #[test]
    fn documents_are_bounded() {
        let limit = 1 << 20;
        let too_large = |input: Box<dyn BufRead>| {
            let mut documents = Documents::with_limit(input, limit);
            let err = documents.find_map(Result::err).expect("an error");
            assert_eq!(err.to_string(), "a document is larger than 1 MiB");
            assert!(documents.next().is_none(), "nothing after the error");
        };
        // A line that never ends.
        too_large(Box::new(io::BufReader::new(io::repeat(b'a'))));
        // Endless short lines without a separator, after a document that fits.
        too_large(Box::new(
            io::Cursor::new(b"a: 1\n---\n".to_vec()).chain(io::BufReader::new(Cycle(0))),
        ));
        let lines = "x: 1\n".repeat(limit as usize / 5);
        let documents: Vec<_> = Documents::with_limit(lines.as_bytes(), limit)
            .collect::<io::Result<_>>()
            .unwrap();
        assert_eq!(documents.len(), 1);
        let separated = format!("{}\n---\n{}", &lines[..lines.len() - 1], lines);
        let documents: Vec<_> = Documents::with_limit(separated.as_bytes(), limit)
            .collect::<io::Result<_>>()
            .unwrap();
        assert_eq!(documents.len(), 2);
    }

    #[test]
    fn a_bound_never_changes_the_split() {
        // Lines cut at the bound continue where they were cut: a `---` in the middle of
        // a line never separates. Either the same documents, or the error.
        for dashes in 0..12 {
            for tail in ["b\n", "\n---\nc", ""] {
                let input = format!("a\n{}{tail}", "-".repeat(dashes));
                let unbounded: Vec<Vec<u8>> = Documents::new(input.as_bytes())
                    .map(Result::unwrap)
                    .collect();
                for limit in 1..16 {
                    let bounded: io::Result<Vec<Vec<u8>>> =
                        Documents::with_limit(input.as_bytes(), limit).collect();
                    if let Ok(bounded) = bounded {
                        assert_eq!(bounded, unbounded, "{input:?} within {limit}");
                    }
                }
            }
        }
    }

    #[test]
    fn reads_from_a_small_buffer() {
        let input = "name: a\n---\nname: b\n---\nname: c";
        let reader = io::BufReader::with_capacity(2, input.as_bytes());
        let docs: Vec<Vec<u8>> = Documents::new(reader).map(Result::unwrap).collect();
        assert_eq!(
            docs,
            vec![
                b"name: a".to_vec(),
                b"name: b".to_vec(),
                b"name: c".to_vec()
            ]
        );
    }
}
