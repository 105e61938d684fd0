//! Go's `encoding/json` as seen from outside: the syntax error texts of its scanner, and
//! the `%q` quoting its callers use. Kuma reports JSON errors with these texts
//! (`invalid ZoneEgress object: "unexpected end of JSON input"`), so we reproduce them
//! rather than serde_json's wording.

/// The error Go's `json.Unmarshal` gives for syntactically invalid input, or `None` when
/// the input is well-formed JSON.
pub fn syntax_error(input: &[u8]) -> Option<String> {
    let mut scanner = Scanner::default();
    for &byte in input {
        if let Err(message) = scanner.step(byte) {
            return Some(message);
        }
    }
    scanner.finish().err()
}

/// `strconv.Quote`: a double-quoted Go string literal.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        push_escaped(&mut out, c, '"');
    }
    out.push('"');
    out
}

fn push_escaped(out: &mut String, c: char, delimiter: char) {
    match c {
        '\x07' => out.push_str("\\a"),
        '\x08' => out.push_str("\\b"),
        '\x0c' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\x0b' => out.push_str("\\v"),
        '\\' => out.push_str("\\\\"),
        c if c == delimiter => {
            out.push('\\');
            out.push(c);
        }
        c if (c as u32) < 0x20 || c == '\x7f' => out.push_str(&format!("\\x{:02x}", c as u32)),
        c if c.is_control() => {
            if (c as u32) <= 0xffff {
                out.push_str(&format!("\\u{:04x}", c as u32));
            } else {
                out.push_str(&format!("\\U{:08x}", c as u32));
            }
        }
        c => out.push(c),
    }
}

/// Go's `quoteChar`: one input byte between single quotes.
fn quote_byte(byte: u8) -> String {
    match byte {
        b'\'' => "'\\''".to_string(),
        b'"' => "'\"'".to_string(),
        _ => {
            // Go converts the byte to the rune of the same value.
            let mut out = String::from("'");
            push_escaped(&mut out, char::from(byte), '\'');
            out.push('\'');
            out
        }
    }
}

/// Where the scanner is inside a composite value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Frame {
    ObjectKey,
    ObjectValue,
    Array,
}

/// The states of Go's scanner (encoding/json/scanner.go), one per expected input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    BeginValue,
    BeginValueOrEmpty,
    BeginStringOrEmpty,
    BeginString,
    EndValue,
    EndTop,
    InString,
    InStringEscape,
    InStringEscapeU(u8),
    Neg,
    Digits1,
    Zero,
    Dot,
    Dot0,
    Exponent,
    ExponentSign,
    Exponent0,
    Literal(&'static [u8], usize),
}

struct Scanner {
    state: State,
    stack: Vec<Frame>,
}

impl Default for Scanner {
    fn default() -> Self {
        Scanner {
            state: State::BeginValue,
            stack: Vec::new(),
        }
    }
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r' | b'\n')
}

fn invalid(byte: u8, context: &str) -> Result<(), String> {
    Err(format!("invalid character {} {context}", quote_byte(byte)))
}

impl Scanner {
    fn step(&mut self, byte: u8) -> Result<(), String> {
        match self.state {
            State::BeginValueOrEmpty => {
                if is_space(byte) {
                    return Ok(());
                }
                if byte == b']' {
                    return self.end_composite();
                }
                self.begin_value(byte)
            }
            State::BeginValue => {
                if is_space(byte) {
                    return Ok(());
                }
                self.begin_value(byte)
            }
            State::BeginStringOrEmpty => {
                if is_space(byte) {
                    return Ok(());
                }
                if byte == b'}' {
                    return self.end_composite();
                }
                self.begin_string(byte)
            }
            State::BeginString => {
                if is_space(byte) {
                    return Ok(());
                }
                self.begin_string(byte)
            }
            State::EndValue => self.end_value(byte),
            State::EndTop => {
                if is_space(byte) {
                    Ok(())
                } else {
                    invalid(byte, "after top-level value")
                }
            }
            State::InString => {
                match byte {
                    b'"' => self.state = State::EndValue,
                    b'\\' => self.state = State::InStringEscape,
                    byte if byte < 0x20 => return invalid(byte, "in string literal"),
                    _ => {}
                }
                Ok(())
            }
            State::InStringEscape => {
                match byte {
                    b'b' | b'f' | b'n' | b'r' | b't' | b'\\' | b'/' | b'"' => {
                        self.state = State::InString
                    }
                    b'u' => self.state = State::InStringEscapeU(0),
                    _ => return invalid(byte, "in string escape code"),
                }
                Ok(())
            }
            State::InStringEscapeU(seen) => {
                if !byte.is_ascii_hexdigit() {
                    return invalid(byte, "in \\u hexadecimal character escape");
                }
                self.state = if seen == 3 {
                    State::InString
                } else {
                    State::InStringEscapeU(seen + 1)
                };
                Ok(())
            }
            State::Neg => match byte {
                b'0' => {
                    self.state = State::Zero;
                    Ok(())
                }
                b'1'..=b'9' => {
                    self.state = State::Digits1;
                    Ok(())
                }
                _ => invalid(byte, "in numeric literal"),
            },
            State::Digits1 => {
                if byte.is_ascii_digit() {
                    return Ok(());
                }
                self.after_zero(byte)
            }
            State::Zero => self.after_zero(byte),
            State::Dot => {
                if byte.is_ascii_digit() {
                    self.state = State::Dot0;
                    Ok(())
                } else {
                    invalid(byte, "after decimal point in numeric literal")
                }
            }
            State::Dot0 => {
                if byte.is_ascii_digit() {
                    return Ok(());
                }
                if byte == b'e' || byte == b'E' {
                    self.state = State::Exponent;
                    return Ok(());
                }
                self.end_value(byte)
            }
            State::Exponent => {
                if byte == b'+' || byte == b'-' {
                    self.state = State::ExponentSign;
                    return Ok(());
                }
                self.exponent_digit(byte)
            }
            State::ExponentSign => self.exponent_digit(byte),
            State::Exponent0 => {
                if byte.is_ascii_digit() {
                    return Ok(());
                }
                self.end_value(byte)
            }
            State::Literal(word, matched) => {
                if byte != word[matched] {
                    let word_text = std::str::from_utf8(word).unwrap_or_default();
                    return invalid(
                        byte,
                        &format!(
                            "in literal {word_text} (expecting {})",
                            quote_byte(word[matched])
                        ),
                    );
                }
                self.state = if matched + 1 == word.len() {
                    State::EndValue
                } else {
                    State::Literal(word, matched + 1)
                };
                Ok(())
            }
        }
    }

    fn begin_value(&mut self, byte: u8) -> Result<(), String> {
        self.state = match byte {
            b'{' => {
                self.stack.push(Frame::ObjectKey);
                State::BeginStringOrEmpty
            }
            b'[' => {
                self.stack.push(Frame::Array);
                State::BeginValueOrEmpty
            }
            b'"' => State::InString,
            b'-' => State::Neg,
            b'0' => State::Zero,
            b'1'..=b'9' => State::Digits1,
            b't' => State::Literal(b"true", 1),
            b'f' => State::Literal(b"false", 1),
            b'n' => State::Literal(b"null", 1),
            _ => return invalid(byte, "looking for beginning of value"),
        };
        Ok(())
    }

    fn begin_string(&mut self, byte: u8) -> Result<(), String> {
        if byte == b'"' {
            self.state = State::InString;
            Ok(())
        } else {
            invalid(byte, "looking for beginning of object key string")
        }
    }

    fn after_zero(&mut self, byte: u8) -> Result<(), String> {
        match byte {
            b'.' => {
                self.state = State::Dot;
                Ok(())
            }
            b'e' | b'E' => {
                self.state = State::Exponent;
                Ok(())
            }
            _ => self.end_value(byte),
        }
    }

    fn exponent_digit(&mut self, byte: u8) -> Result<(), String> {
        if byte.is_ascii_digit() {
            self.state = State::Exponent0;
            Ok(())
        } else {
            invalid(byte, "in exponent of numeric literal")
        }
    }

    /// After a complete value: what may follow depends on the enclosing composite.
    fn end_value(&mut self, byte: u8) -> Result<(), String> {
        let Some(&frame) = self.stack.last() else {
            self.state = State::EndTop;
            return self.step(byte);
        };
        if is_space(byte) {
            self.state = State::EndValue;
            return Ok(());
        }
        match frame {
            Frame::ObjectKey => {
                if byte == b':' {
                    if let Some(top) = self.stack.last_mut() {
                        *top = Frame::ObjectValue;
                    }
                    self.state = State::BeginValue;
                    Ok(())
                } else {
                    invalid(byte, "after object key")
                }
            }
            Frame::ObjectValue => match byte {
                b',' => {
                    if let Some(top) = self.stack.last_mut() {
                        *top = Frame::ObjectKey;
                    }
                    self.state = State::BeginString;
                    Ok(())
                }
                b'}' => self.end_composite(),
                _ => invalid(byte, "after object key:value pair"),
            },
            Frame::Array => match byte {
                b',' => {
                    self.state = State::BeginValue;
                    Ok(())
                }
                b']' => self.end_composite(),
                _ => invalid(byte, "after array element"),
            },
        }
    }

    fn end_composite(&mut self) -> Result<(), String> {
        self.stack.pop();
        self.state = if self.stack.is_empty() {
            State::EndTop
        } else {
            State::EndValue
        };
        Ok(())
    }

    /// End of input: only a complete top-level value is valid.
    fn finish(&mut self) -> Result<(), String> {
        match self.state {
            State::EndTop => Ok(()),
            // A number at the top level ends with the input.
            State::Digits1 | State::Zero | State::Dot0 | State::Exponent0 | State::EndValue
                if self.stack.is_empty() =>
            {
                Ok(())
            }
            _ => Err("unexpected end of JSON input".to_string()),
        }
    }
}

/// Go's `json: cannot unmarshal <kind> into Go value of type <go type>`, for a value of
/// the wrong kind.
pub fn cannot_unmarshal(value: &serde_json::Value, go_type: &str) -> String {
    let kind = crate::resources::resource::json_kind(value);
    format!("json: cannot unmarshal {kind} into Go value of type {go_type}")
}

/// The same error for a number that does not fit a numeric Go type: Go names the number
/// itself then (`number -1`).
pub fn number_does_not_fit(number: &serde_json::Number, go_type: &str) -> String {
    format!("json: cannot unmarshal number {number} into Go value of type {go_type}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(input: &str) -> String {
        syntax_error(input.as_bytes()).unwrap_or_else(|| "ok".into())
    }

    #[test]
    fn scanner_messages_match_go() {
        assert_eq!(err("{}"), "ok");
        assert_eq!(err(" [1, 2.5e-3, \"a\\u00e9\", true, null] "), "ok");
        assert_eq!(err("-0"), "ok");
        assert_eq!(err("{"), "unexpected end of JSON input");
        assert_eq!(err(""), "unexpected end of JSON input");
        assert_eq!(
            err("x"),
            "invalid character 'x' looking for beginning of value"
        );
        assert_eq!(err("{\"a\" 1}"), "invalid character '1' after object key");
        assert_eq!(
            err("{\"a\":1 \"b\":2}"),
            "invalid character '\"' after object key:value pair"
        );
        assert_eq!(
            err("{1:2}"),
            "invalid character '1' looking for beginning of object key string"
        );
        assert_eq!(err("[1 2]"), "invalid character '2' after array element");
        assert_eq!(err("{} {}"), "invalid character '{' after top-level value");
        assert_eq!(err("\"a\nb\""), "invalid character '\\n' in string literal");
        assert_eq!(
            err("\"\\q\""),
            "invalid character 'q' in string escape code"
        );
        assert_eq!(
            err("\"\\u12x4\""),
            "invalid character 'x' in \\u hexadecimal character escape"
        );
        assert_eq!(err("-a"), "invalid character 'a' in numeric literal");
        assert_eq!(
            err("1.x"),
            "invalid character 'x' after decimal point in numeric literal"
        );
        assert_eq!(
            err("1ex"),
            "invalid character 'x' in exponent of numeric literal"
        );
        assert_eq!(err("tru"), "unexpected end of JSON input");
        assert_eq!(
            err("trux"),
            "invalid character 'x' in literal true (expecting 'e')"
        );
        assert_eq!(
            err("{\"a\":}"),
            "invalid character '}' looking for beginning of value"
        );
        assert_eq!(
            err("[,]"),
            "invalid character ',' looking for beginning of value"
        );
        assert_eq!(
            err("'a'"),
            "invalid character '\\'' looking for beginning of value"
        );
    }

    #[test]
    fn quotes_like_go() {
        assert_eq!(quote("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
        assert_eq!(quote("é\u{1}"), "\"é\\x01\"");
    }
}
