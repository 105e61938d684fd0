//! JSON as Go prints it: `json.MarshalIndent(v, "", "  ")`, which escapes `<`, `>`, `&`
//! (and U+2028/U+2029) for safe embedding in HTML. kumactl's `-o json` output and
//! `version --detailed` use it; kuma-cp-lite answers with Kuma's own server format.

use serde::Serialize;
use serde_json::ser::{CharEscape, Formatter, PrettyFormatter};
use std::io::{self, Write};

/// Go's `json.MarshalIndent(value, "", indent)` followed by a newline.
pub fn to_go_indented<T: Serialize + ?Sized>(value: &T, indent: &str) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(
        &mut out,
        HtmlEscaping(PrettyFormatter::with_indent(indent.as_bytes())),
    );
    value
        .serialize(&mut ser)
        .expect("serializing a JSON value into memory cannot fail");
    out.push(b'\n');
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// The Kuma API server's format: one-space indent, no HTML escaping, trailing newline
/// (go-restful with `PrettyPrintResponses` and `SetEscapeHTML(false)`).
pub fn to_server_body<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    let mut ser =
        serde_json::Serializer::with_formatter(&mut out, PrettyFormatter::with_indent(b" "));
    value
        .serialize(&mut ser)
        .expect("serializing a JSON value into memory cannot fail");
    out.push(b'\n');
    out
}

/// A formatter that escapes like Go's encoding/json with HTML escaping on, on top of
/// `F`'s layout (kuma-cp-lite writes stored resources with it, as Kuma's `json.Marshal`).
pub struct HtmlEscaping<F>(pub F);

impl<F: Formatter> Formatter for HtmlEscaping<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            let escaped = match c {
                '<' => "\\u003c",
                '>' => "\\u003e",
                '&' => "\\u0026",
                '\u{2028}' => "\\u2028",
                '\u{2029}' => "\\u2029",
                _ => continue,
            };
            w.write_all(&fragment.as_bytes()[start..i])?;
            w.write_all(escaped.as_bytes())?;
            start = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[start..])
    }

    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        self.0.write_char_escape(w, escape)
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn escapes_html_like_go() {
        let v = json!({"a": "<b>&c", "list": [], "obj": {}});
        assert_eq!(
            to_go_indented(&v, "  "),
            "{\n  \"a\": \"\\u003cb\\u003e\\u0026c\",\n  \"list\": [],\n  \"obj\": {}\n}\n"
        );
    }

    #[test]
    fn server_body_uses_one_space_and_no_escaping() {
        let v = json!({"next": "http://h/meshes?offset=2&size=2", "total": 1});
        assert_eq!(
            String::from_utf8(to_server_body(&v)).unwrap(),
            "{\n \"next\": \"http://h/meshes?offset=2&size=2\",\n \"total\": 1\n}\n"
        );
    }
}
