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

/// A writer of JSON text exactly as serde_json's `PrettyFormatter` with an indent of
/// `indent` spaces writes it, followed by [`escape_html`], in one pass: the store writes every resource it keeps
/// with it, where serde's generic serializer cost twice as many instructions.
///
/// Objects are written by the caller: [`PrettyJson::begin_object`], then entry by entry
/// [`PrettyJson::key`] with the object's nesting `level` and the value, then
/// [`PrettyJson::end_object`]. Whether an object has entries yet is read off the text: it
/// has none while the last byte written is its `{`.
pub struct PrettyJson<'a> {
    out: &'a mut Vec<u8>,
    indent: usize,
}

/// The bytes [`PrettyJson::string`] stops at: `"`, `\\`, control characters, the HTML
/// ones, and 0xE2 (the first byte of U+2028 and U+2029).
static SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'&' as usize] = true;
    table[0xE2] = true;
    table
};

impl<'a> PrettyJson<'a> {
    pub fn new(out: &'a mut Vec<u8>, indent: usize) -> PrettyJson<'a> {
        PrettyJson { out, indent }
    }

    fn newline(&mut self, level: usize) {
        self.out.push(b'\n');
        let len = self.out.len() + level * self.indent;
        self.out.resize(len, b' ');
    }

    pub fn begin_object(&mut self) {
        self.out.push(b'{');
    }

    /// Starts the next entry of an object at `level`: the separator, the key, `: `.
    pub fn key(&mut self, level: usize, key: &str) {
        if self.out.last() != Some(&b'{') {
            self.out.push(b',');
        }
        self.newline(level + 1);
        self.string(key);
        self.out.extend_from_slice(b": ");
    }

    /// Ends an object at `level`.
    pub fn end_object(&mut self, level: usize) {
        if self.out.last() != Some(&b'{') {
            self.newline(level);
        }
        self.out.push(b'}');
    }

    /// A whole value at `level`.
    pub fn value(&mut self, value: &serde_json::Value, level: usize) {
        use serde_json::Value;
        match value {
            Value::Null => self.out.extend_from_slice(b"null"),
            Value::Bool(true) => self.out.extend_from_slice(b"true"),
            Value::Bool(false) => self.out.extend_from_slice(b"false"),
            Value::Number(n) => serde_json::to_writer(&mut *self.out, n)
                .expect("writing a number into memory cannot fail"),
            Value::String(text) => self.string(text),
            Value::Array(items) => {
                self.out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(b',');
                    }
                    self.newline(level + 1);
                    self.value(item, level + 1);
                }
                if !items.is_empty() {
                    self.newline(level);
                }
                self.out.push(b']');
            }
            Value::Object(map) => {
                self.begin_object();
                for (key, item) in map {
                    self.key(level, key);
                    self.value(item, level + 1);
                }
                self.end_object(level);
            }
        }
    }

    /// A string: serde_json's escapes (`"`, `\\`, control characters), then Go's HTML
    /// ones (`<`, `>`, `&`, U+2028, U+2029).
    pub fn string(&mut self, text: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let bytes = text.as_bytes();
        let out = &mut *self.out;
        out.reserve(bytes.len() + 2);
        out.push(b'"');
        let mut done = 0;
        let mut i = 0;
        loop {
            while i < bytes.len() && !SPECIAL[usize::from(bytes[i])] {
                i += 1;
            }
            let Some(&byte) = bytes.get(i) else { break };
            let (escape, len): (&[u8], usize) = match byte {
                b'"' => (b"\\\"", 1),
                b'\\' => (b"\\\\", 1),
                b'<' => (b"\\u003c", 1),
                b'>' => (b"\\u003e", 1),
                b'&' => (b"\\u0026", 1),
                b'\n' => (b"\\n", 1),
                b'\r' => (b"\\r", 1),
                b'\t' => (b"\\t", 1),
                0x08 => (b"\\b", 1),
                0x0c => (b"\\f", 1),
                0x00..=0x1f => {
                    out.extend_from_slice(&bytes[done..i]);
                    let hex = [HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 15)]];
                    out.extend_from_slice(b"\\u00");
                    out.extend_from_slice(&hex);
                    i += 1;
                    done = i;
                    continue;
                }
                0xE2 if bytes[i + 1..].starts_with(&[0x80, 0xA8]) => (b"\\u2028", 3),
                0xE2 if bytes[i + 1..].starts_with(&[0x80, 0xA9]) => (b"\\u2029", 3),
                _ => {
                    i += 1;
                    continue;
                }
            };
            out.extend_from_slice(&bytes[done..i]);
            out.extend_from_slice(escape);
            i += len;
            done = i;
        }
        out.extend_from_slice(&bytes[done..]);
        out.push(b'"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// serde_json's pretty text, then the escaping pass.
    fn serde_then_escaped(value: &serde_json::Value, indent: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut ser =
            serde_json::Serializer::with_formatter(&mut out, PrettyFormatter::with_indent(indent));
        value.serialize(&mut ser).unwrap();
        escape_html(out)
    }

    #[test]
    fn the_pretty_writer_writes_what_serde_and_the_escaping_pass_write() {
        let mut control = String::new();
        for c in 0u8..0x20 {
            control.push(char::from(c));
        }
        let values = [
            json!(null),
            json!({}),
            json!([]),
            json!({"a": {}, "b": [], "c": [{}], "d": [[1, 2.5, -3, 1e300], {"x": null}]}),
            json!({"type": "MeshTimeout", "spec": {"to": [{"default": {"idleTimeout": "20s"}}]}}),
            json!({"k<\"\\": format!("{control}\u{7f}<a>&b\u{2028}\u{2029}\u{2027}\u{e2}é€😀")}),
            json!([
                "\u{e2}\u{80}",
                "x\u{2028}",
                true,
                false,
                0,
                u64::MAX,
                i64::MIN
            ]),
        ];
        for value in &values {
            for indent in [1, 2, 0] {
                let mut out = Vec::new();
                PrettyJson::new(&mut out, indent).value(value, 0);
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    String::from_utf8(serde_then_escaped(value, &b"  "[..indent])).unwrap()
                );
            }
        }
    }

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
