//! JSON as Go prints it: `json.MarshalIndent(v, "", "  ")`, which escapes `<`, `>`, `&`
//! (and U+2028/U+2029) for safe embedding in HTML. kumactl's `-o json` output and
//! `version --detailed` use it; kuma-cp-lite answers with Kuma's own server format.

use serde::Serialize;
use serde_json::ser::PrettyFormatter;

/// Go's `json.MarshalIndent(value, "", indent)` followed by a newline.
pub fn to_go_indented<T: Serialize + ?Sized>(value: &T, indent: &str) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(
        &mut out,
        PrettyFormatter::with_indent(indent.as_bytes()),
    );
    value
        .serialize(&mut ser)
        .expect("serializing a JSON value into memory cannot fail");
    out.push(b'\n');
    String::from_utf8(escape_html(out)).expect("serde_json writes UTF-8")
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

/// Go's HTML escaping (`encoding/json` with `SetEscapeHTML(true)`, as `json.Marshal`
/// does): `<`, `>`, `&`, U+2028 and U+2029 written as `\u` escapes. JSON text has these
/// characters only inside strings, so the escaping is a pass over the whole text (kuma-cp-lite
/// stores resources with it, as Kuma's `json.Marshal`).
pub fn escape_html(json: Vec<u8>) -> Vec<u8> {
    let html = memchr::memchr3(b'<', b'>', b'&', &json);
    let separator = memchr::memchr(0xE2, &json);
    let Some(first) = html.into_iter().chain(separator).min() else {
        return json;
    };
    let mut out = Vec::with_capacity(json.len() + 16);
    out.extend_from_slice(&json[..first]);
    let mut rest = &json[first..];
    while let Some(&byte) = rest.first() {
        let (escaped, len): (&[u8], usize) = match rest {
            [b'<', ..] => (b"\\u003c", 1),
            [b'>', ..] => (b"\\u003e", 1),
            [b'&', ..] => (b"\\u0026", 1),
            [0xE2, 0x80, 0xA8, ..] => (b"\\u2028", 3),
            [0xE2, 0x80, 0xA9, ..] => (b"\\u2029", 3),
            _ => {
                out.push(byte);
                rest = &rest[1..];
                continue;
            }
        };
        out.extend_from_slice(escaped);
        rest = &rest[len..];
    }
    out
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
        let v = json!({"k<": "\u{2028}x\u{2029}\u{20ac}é"});
        assert_eq!(
            to_go_indented(&v, " "),
            "{\n \"k\\u003c\": \"\\u2028x\\u2029\u{20ac}é\"\n}\n"
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
