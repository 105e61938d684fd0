//! YAML exactly as Go kumactl prints it.
//!
//! Go kumactl turns JSON into YAML with `sigs.k8s.io/yaml`, i.e. go-yaml v2 on top of a
//! port of libyaml's emitter: keys sorted (with go-yaml's digit-aware order), sequences
//! not indented under their key, strings quoted only when they would read back as
//! something else (YAML 1.1 rules: `yes`, `1.0`, timestamps...), and long strings folded
//! at 80 columns. serde_yaml follows other rules (single quotes, YAML 1.2), so the config
//! file, `config view`, `get -o yaml` and `apply --dry-run` go through this emitter.

use serde_json::Value;
use std::cmp::Ordering;

/// libyaml's preferred line width.
const BEST_WIDTH: usize = 80;

/// Renders one YAML document, ending with a newline.
pub fn to_string(value: &Value) -> String {
    let mut out = String::with_capacity(1024);
    write_document(&mut out, value);
    out
}

/// Appends one YAML document, ending with a newline, to `out`.
pub fn write_document<T: Tree>(out: &mut String, value: &T) {
    let mut emitter = Emitter { out, column: 0 };
    match value.view() {
        View::Map(entries) if !entries.is_empty() => emitter.mapping(entries, 0),
        View::Seq(items) if !items.is_empty() => emitter.sequence(items, 0),
        scalar => {
            emitter.inline_value(scalar, 0);
            emitter.newline();
        }
    }
}

/// A document the writer can walk: serde_json's `Value`, or a [`super::yaml_node::Node`]
/// serialized without the hashing of `Value`'s maps.
pub trait Tree: Sized {
    fn view(&self) -> View<'_, Self>;
}

/// One node of a [`Tree`]; a map's entries in any order (the writer sorts them).
pub enum View<'a, T> {
    Null,
    Bool(bool),
    Number(&'a serde_json::Number),
    Str(&'a str),
    Seq(&'a [T]),
    Map(Vec<(&'a str, &'a T)>),
}

impl Tree for Value {
    fn view(&self) -> View<'_, Value> {
        match self {
            Value::Null => View::Null,
            Value::Bool(b) => View::Bool(*b),
            Value::Number(n) => View::Number(n),
            Value::String(s) => View::Str(s),
            Value::Array(items) => View::Seq(items),
            Value::Object(map) => View::Map(map.iter().map(|(k, v)| (k.as_str(), v)).collect()),
        }
    }
}

/// Serializes anything serde can turn into JSON, then renders it.
pub fn to_string_from<T: serde::Serialize>(value: &T) -> Result<String, serde_json::Error> {
    Ok(to_string(&serde_json::to_value(value)?))
}

/// The number of characters of `text` (libyaml counts columns in characters).
fn char_count(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

struct Emitter<'a> {
    out: &'a mut String,
    /// Characters written on the current line.
    column: usize,
}

impl Emitter<'_> {
    fn write(&mut self, text: &str) {
        self.out.push_str(text);
        self.column += char_count(text);
    }

    fn write_char(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    fn newline(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    fn indent(&mut self, indent: usize) {
        const SPACES: &str = "                                                                ";
        let mut left = indent;
        while left > 0 {
            let n = left.min(SPACES.len());
            self.out.push_str(&SPACES[..n]);
            left -= n;
        }
        self.column = indent;
    }

    /// A block mapping whose first key starts at the current position, at `indent`.
    fn mapping<T: Tree>(&mut self, mut entries: Vec<(&str, &T)>, indent: usize) {
        entries.sort_by(|a, b| go_yaml_key_order(a.0, b.0));
        for (i, (key, value)) in entries.into_iter().enumerate() {
            if i > 0 {
                self.indent(indent);
            }
            self.scalar_string(key, indent + 2, true);
            self.write_char(':');
            match value.view() {
                View::Map(inner) if !inner.is_empty() => {
                    self.newline();
                    self.indent(indent + 2);
                    self.mapping(inner, indent + 2);
                }
                View::Seq(items) if !items.is_empty() => {
                    // go-yaml writes sequences inside mappings without extra indentation.
                    self.newline();
                    self.indent(indent);
                    self.sequence(items, indent);
                }
                scalar => {
                    self.write_char(' ');
                    self.inline_value(scalar, indent + 2);
                    self.newline();
                }
            }
        }
    }

    /// A block sequence whose first dash is at the current position, at `indent`.
    fn sequence<T: Tree>(&mut self, items: &[T], indent: usize) {
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.indent(indent);
            }
            self.write("- ");
            match item.view() {
                View::Map(inner) if !inner.is_empty() => self.mapping(inner, indent + 2),
                View::Seq(inner) if !inner.is_empty() => self.sequence(inner, indent + 2),
                scalar => {
                    self.inline_value(scalar, indent + 2);
                    self.newline();
                }
            }
        }
    }

    /// A scalar (or empty collection) on the current line; folded lines use `indent`.
    fn inline_value<T>(&mut self, value: View<'_, T>, indent: usize) {
        match value {
            View::Null => self.write("null"),
            View::Bool(b) => self.write(if b { "true" } else { "false" }),
            View::Number(n) => self.write_number(n),
            View::Str(s) => self.scalar_string(s, indent, false),
            View::Seq(_) => self.write("[]"),
            View::Map(_) => self.write("{}"),
        }
    }

    /// Numbers as go-yaml prints them: integers as is, floats in Go's shortest `%g` form.
    fn write_number(&mut self, n: &serde_json::Number) {
        use std::fmt::Write as _;
        if n.is_i64() || n.is_u64() {
            let start = self.out.len();
            let _ = write!(self.out, "{n}");
            self.column += self.out.len() - start;
        } else {
            self.write(&format_number(n));
        }
    }

    fn scalar_string(&mut self, s: &str, indent: usize, simple_key: bool) {
        let analysis = Analysis::of(s);
        let style = if simple_key && analysis.multiline {
            Style::DoubleQuoted
        } else if resolves_to_string(s) {
            if !analysis.block_plain_allowed || (s.is_empty() && simple_key) {
                if analysis.single_quoted_allowed {
                    Style::SingleQuoted
                } else {
                    Style::DoubleQuoted
                }
            } else {
                Style::Plain
            }
        } else {
            Style::DoubleQuoted
        };
        let allow_breaks = !simple_key;
        match style {
            Style::Plain => self.write_plain(s, indent, allow_breaks),
            Style::SingleQuoted => self.write_single_quoted(s, indent, allow_breaks),
            Style::DoubleQuoted => self.write_double_quoted(s, indent, allow_breaks),
        }
    }

    /// Whether writing `s` from the current column can reach a space past the line
    /// width, where libyaml may fold. A space at character `i` is at column
    /// `column + i`, and folding needs that column to exceed [`BEST_WIDTH`].
    fn may_fold(&self, s: &str, allow_breaks: bool) -> bool {
        allow_breaks
            && self.column + s.len() > BEST_WIDTH + 1
            && self.column + char_count(s) > BEST_WIDTH + 1
            && s.contains(' ')
    }

    fn write_plain(&mut self, s: &str, indent: usize, allow_breaks: bool) {
        // Plain scalars hold no line breaks; without a possible fold, the text goes out
        // as one slice.
        if !self.may_fold(s, allow_breaks) {
            self.write(s);
            return;
        }
        let mut spaces = false;
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            if c == ' ' {
                let next_is_space = chars.peek() == Some(&' ');
                if allow_breaks && !spaces && self.column > BEST_WIDTH && !next_is_space {
                    self.newline();
                    self.indent(indent);
                } else {
                    self.write_char(' ');
                }
                spaces = true;
            } else {
                self.write_char(c);
                spaces = false;
            }
        }
    }

    fn write_single_quoted(&mut self, s: &str, indent: usize, allow_breaks: bool) {
        self.write_char('\'');
        // The common case: nothing to double, no line break, no possible fold.
        if !s.contains(['\'', '\r', '\n', '\u{85}', '\u{2028}', '\u{2029}'])
            && !self.may_fold(s, allow_breaks)
        {
            self.write(s);
            self.write_char('\'');
            return;
        }
        let mut spaces = false;
        let mut breaks = false;
        let mut chars = s.chars().enumerate().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            if c == ' ' {
                if allow_breaks
                    && !spaces
                    && self.column > BEST_WIDTH
                    && i != 0
                    && next.is_some()
                    && next != Some(' ')
                {
                    self.newline();
                    self.indent(indent);
                } else {
                    self.write_char(' ');
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.newline();
                }
                self.newline();
                breaks = true;
            } else {
                if breaks {
                    self.indent(indent);
                }
                if c == '\'' {
                    self.write_char('\'');
                }
                self.write_char(c);
                spaces = false;
                breaks = false;
            }
        }
        if breaks {
            self.indent(indent);
        }
        self.write_char('\'');
    }

    fn write_double_quoted(&mut self, s: &str, indent: usize, allow_breaks: bool) {
        self.write_char('"');
        // The common case: printable ASCII with nothing to escape and no possible fold.
        if s.bytes()
            .all(|b| (0x20..=0x7e).contains(&b) && b != b'"' && b != b'\\')
            && !self.may_fold(s, allow_breaks)
        {
            self.write(s);
            self.write_char('"');
            return;
        }
        let mut spaces = false;
        let mut chars = s.chars().enumerate().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            if !is_printable(c) || c == '\u{feff}' || is_break(c) || c == '"' || c == '\\' {
                self.write_escaped(c);
                spaces = false;
            } else if c == ' ' {
                if allow_breaks && !spaces && self.column > BEST_WIDTH && i != 0 && next.is_some() {
                    self.newline();
                    self.indent(indent);
                    if next == Some(' ') {
                        self.write_char('\\');
                    }
                } else {
                    self.write_char(' ');
                }
                spaces = true;
            } else {
                self.write_char(c);
                spaces = false;
            }
        }
        self.write_char('"');
    }

    /// libyaml's escapes in double-quoted scalars.
    fn write_escaped(&mut self, c: char) {
        use std::fmt::Write as _;
        let short = match c {
            '\0' => "\\0",
            '\u{7}' => "\\a",
            '\u{8}' => "\\b",
            '\t' => "\\t",
            '\n' => "\\n",
            '\u{b}' => "\\v",
            '\u{c}' => "\\f",
            '\r' => "\\r",
            '\u{1b}' => "\\e",
            '"' => "\\\"",
            '\\' => "\\\\",
            '\u{85}' => "\\N",
            '\u{a0}' => "\\_",
            '\u{2028}' => "\\L",
            '\u{2029}' => "\\P",
            _ => "",
        };
        if !short.is_empty() {
            self.write(short);
            return;
        }
        let start = self.out.len();
        let code = c as u32;
        let _ = if code <= 0xff {
            write!(self.out, "\\x{code:02X}")
        } else if code <= 0xffff {
            write!(self.out, "\\u{code:04X}")
        } else {
            write!(self.out, "\\U{code:08X}")
        };
        self.column += self.out.len() - start;
    }
}

enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
}

fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_blank_or_end(c: Option<char>) -> bool {
    matches!(c, None | Some(' ') | Some('\t')) || c.is_some_and(is_break)
}

/// libyaml's IS_PRINTABLE (go-yaml enables unicode output, so non-ASCII is fine).
fn is_printable(c: char) -> bool {
    let c = c as u32;
    c == 0x0a
        || (0x20..=0x7e).contains(&c)
        || c == 0x85
        || (0xa0..=0xd7ff).contains(&c)
        || ((0xe000..=0xfffd).contains(&c) && c != 0xfeff)
        || (0x10000..=0x10ffff).contains(&c)
}

/// What libyaml's `yaml_emitter_analyze_scalar` decides about a string (block context).
#[derive(Debug, PartialEq)]
struct Analysis {
    multiline: bool,
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
}

impl Analysis {
    fn of(s: &str) -> Analysis {
        if s.is_empty() {
            return Analysis {
                multiline: false,
                block_plain_allowed: true,
                single_quoted_allowed: true,
            };
        }
        let block_indicators = s.starts_with("---") || s.starts_with("...");
        // Names, paths, versions: no space, break or special character, and no indicator
        // but the document markers above or a lone `-` (a dash followed by the end).
        if s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'/'))
        {
            return Analysis {
                multiline: false,
                block_plain_allowed: !block_indicators && s != "-",
                single_quoted_allowed: true,
            };
        }
        if s.bytes().all(|b| (0x20..=0x7e).contains(&b)) {
            return Analysis::of_printable_ascii(s, block_indicators);
        }
        Analysis::of_chars(s, block_indicators)
    }

    /// The same decisions for text of printable ASCII only (no break, no special
    /// character, no tab: only spaces are whitespace), byte by byte: image references,
    /// `key=value` lists, sentences. `block_indicators` tells whether it starts with a
    /// document marker.
    fn of_printable_ascii(s: &str, mut block_indicators: bool) -> Analysis {
        let b = s.as_bytes();
        let last = b.len() - 1;
        let space_or_end = |i: usize| i > last || b[i] == b' ';
        if matches!(
            b[0],
            b'#' | b','
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'&'
                | b'*'
                | b'!'
                | b'|'
                | b'>'
                | b'\''
                | b'"'
                | b'%'
                | b'@'
                | b'`'
        ) || (matches!(b[0], b'?' | b':' | b'-') && space_or_end(1))
        {
            block_indicators = true;
        }
        for i in 1..b.len() {
            if (b[i] == b':' && space_or_end(i + 1)) || (b[i] == b'#' && b[i - 1] == b' ') {
                block_indicators = true;
                break;
            }
        }
        Analysis {
            multiline: false,
            block_plain_allowed: b[0] != b' ' && b[last] != b' ' && !block_indicators,
            single_quoted_allowed: true,
        }
    }

    /// libyaml's scan, character by character, for any text. `block_indicators` tells
    /// whether it starts with a document marker.
    fn of_chars(s: &str, mut block_indicators: bool) -> Analysis {
        let mut line_breaks = false;
        let mut special_characters = false;
        let (mut leading_space, mut leading_break) = (false, false);
        let (mut trailing_space, mut trailing_break) = (false, false);
        let (mut break_space, mut space_break) = (false, false);
        let (mut previous_space, mut previous_break) = (false, false);
        let mut preceded_by_whitespace = true;
        let mut chars = s.chars().peekable();
        let mut first = true;
        while let Some(c) = chars.next() {
            let next = chars.peek().copied();
            let followed_by_whitespace = is_blank_or_end(next);
            let last = next.is_none();
            if first {
                if matches!(
                    c,
                    '#' | ','
                        | '['
                        | ']'
                        | '{'
                        | '}'
                        | '&'
                        | '*'
                        | '!'
                        | '|'
                        | '>'
                        | '\''
                        | '"'
                        | '%'
                        | '@'
                        | '`'
                ) {
                    block_indicators = true;
                }
                if matches!(c, '?' | ':' | '-') && followed_by_whitespace {
                    block_indicators = true;
                }
            } else {
                if c == ':' && followed_by_whitespace {
                    block_indicators = true;
                }
                if c == '#' && preceded_by_whitespace {
                    block_indicators = true;
                }
            }
            if !is_printable(c) {
                special_characters = true;
            }
            if is_break(c) {
                line_breaks = true;
            }
            if c == ' ' {
                leading_space |= first;
                trailing_space |= last;
                break_space |= previous_break;
                previous_space = true;
                previous_break = false;
            } else if is_break(c) {
                leading_break |= first;
                trailing_break |= last;
                space_break |= previous_space;
                previous_space = false;
                previous_break = true;
            } else {
                previous_space = false;
                previous_break = false;
            }
            preceded_by_whitespace = c == ' ' || c == '\t' || is_break(c);
            first = false;
        }
        let mut block_plain_allowed = true;
        let mut single_quoted_allowed = true;
        if leading_space || leading_break || trailing_space || trailing_break {
            block_plain_allowed = false;
        }
        if break_space {
            block_plain_allowed = false;
            single_quoted_allowed = false;
        }
        if space_break || special_characters {
            block_plain_allowed = false;
            single_quoted_allowed = false;
        }
        if line_breaks || block_indicators {
            block_plain_allowed = false;
        }
        Analysis {
            multiline: line_breaks,
            block_plain_allowed,
            single_quoted_allowed,
        }
    }
}

/// go-yaml v2's `resolve`: does this text, written plain, read back as a string?
fn resolves_to_string(s: &str) -> bool {
    // One `match`: the compiler tests the length and bytes, where a scan of the word list
    // called `memcmp` some forty times for every key and value written. The longest
    // special words have five characters.
    if s.len() <= 5
        && matches!(
            s,
            "y" | "Y"
                | "yes"
                | "Yes"
                | "YES"
                | "true"
                | "True"
                | "TRUE"
                | "on"
                | "On"
                | "ON"
                | "n"
                | "N"
                | "no"
                | "No"
                | "NO"
                | "false"
                | "False"
                | "FALSE"
                | "off"
                | "Off"
                | "OFF"
                | ""
                | "~"
                | "null"
                | "Null"
                | "NULL"
                | ".nan"
                | ".NaN"
                | ".NAN"
                | ".inf"
                | ".Inf"
                | ".INF"
                | "+.inf"
                | "+.Inf"
                | "+.INF"
                | "-.inf"
                | "-.Inf"
                | "-.INF"
                | "<<"
        )
    {
        return false;
    }
    let first = s.as_bytes()[0];
    if first == b'.' {
        return !looks_like_go_float(s);
    }
    if first.is_ascii_digit() || first == b'+' || first == b'-' {
        if is_timestamp(s) {
            return false;
        }
        let plain = if s.contains('_') {
            std::borrow::Cow::Owned(s.replace('_', ""))
        } else {
            std::borrow::Cow::Borrowed(s)
        };
        if is_go_int(&plain) || (is_yaml_style_float(&plain) && looks_like_go_float(&plain)) {
            return false;
        }
        if let Some(bits) = plain
            .strip_prefix("0b")
            .or_else(|| plain.strip_prefix("-0b"))
            && !bits.is_empty()
            && bits.bytes().all(|b| b == b'0' || b == b'1')
        {
            return false;
        }
        // Base 60 floats like "1:20" are quoted for YAML 1.1 readers.
        if is_base60_float(s) {
            return false;
        }
    }
    true
}

/// Go's `strconv.ParseInt(s, 0, 64)` or `ParseUint` syntax (range is not the question here:
/// an out-of-range number still is not written plain by go-yaml only if it parses).
fn is_go_int(s: &str) -> bool {
    let unsigned = s
        .strip_prefix('-')
        .or_else(|| s.strip_prefix('+'))
        .unwrap_or(s);
    let parsed = if let Some(hex) = unsigned
        .strip_prefix("0x")
        .or_else(|| unsigned.strip_prefix("0X"))
    {
        u64::from_str_radix(hex, 16).is_ok()
    } else if let Some(oct) = unsigned
        .strip_prefix("0o")
        .or_else(|| unsigned.strip_prefix("0O"))
    {
        u64::from_str_radix(oct, 8).is_ok()
    } else if let Some(bin) = unsigned
        .strip_prefix("0b")
        .or_else(|| unsigned.strip_prefix("0B"))
    {
        u64::from_str_radix(bin, 2).is_ok()
    } else if unsigned.len() > 1 && unsigned.starts_with('0') {
        u64::from_str_radix(&unsigned[1..], 8).is_ok()
    } else {
        !unsigned.is_empty() && unsigned.parse::<u64>().is_ok()
    };
    parsed && !unsigned.starts_with(['+', '-'])
}

fn is_yaml_style_float(s: &str) -> bool {
    // ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if i < b.len() && b[i] == b'.' {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if i < b.len() && b[i] == b'.' {
            i += 1;
            digits(&mut i);
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Go's `strconv.ParseFloat` accepts what the YAML float pattern accepts, plus a few more
/// forms (`1e5` without the pattern's help, `Inf`); for the characters that start here the
/// YAML pattern is the tighter test, so we use it.
fn looks_like_go_float(s: &str) -> bool {
    is_yaml_style_float(s)
}

fn is_base60_float(s: &str) -> bool {
    // ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
    let rest = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (main, fraction) = match rest.split_once('.') {
        Some((m, f)) => (m, Some(f)),
        None => (rest, None),
    };
    if let Some(f) = fraction
        && !f.bytes().all(|b| b.is_ascii_digit() || b == b'_')
    {
        return false;
    }
    let mut parts = main.split(':');
    let head = parts.next().unwrap_or("");
    if !head.starts_with(|c: char| c.is_ascii_digit())
        || !head.bytes().all(|b| b.is_ascii_digit() || b == b'_')
    {
        return false;
    }
    let mut sexagesimal = 0;
    for part in parts {
        let ok = match part.as_bytes() {
            [d] => d.is_ascii_digit(),
            [t, d] => (b'0'..=b'5').contains(t) && d.is_ascii_digit(),
            _ => false,
        };
        if !ok {
            return false;
        }
        sexagesimal += 1;
    }
    sexagesimal > 0
}

/// go-yaml v2's `parseTimestamp`: four digits and a dash, then one of the layouts
/// `2006-1-2T15:4:5.999999999Z07:00`, the same with `t`, `2006-1-2 15:4:5.999999999`, `2006-1-2`.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 5 || !b[..4].iter().all(u8::is_ascii_digit) || b[4] != b'-' {
        return false;
    }
    let mut p = Cursor { b, i: 5 };
    let Some(month) = p.number(1, 2) else {
        return false;
    };
    if !p.eat(b'-') {
        return false;
    }
    let Some(day) = p.number(1, 2) else {
        return false;
    };
    let year: u32 = s[..4].parse().unwrap_or(0);
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return false;
    }
    if p.done() {
        return true;
    }
    let zoned = match p.next() {
        Some(b'T') | Some(b't') => true,
        Some(b' ') => false,
        _ => return false,
    };
    let (Some(hour), true, Some(minute), true, Some(second)) = (
        p.number(1, 2),
        p.eat(b':'),
        p.number(1, 2),
        p.eat(b':'),
        p.number(1, 2),
    ) else {
        return false;
    };
    if hour > 23 || minute > 59 || second > 59 {
        return false;
    }
    if p.eat(b'.') && p.number(1, 9).is_none() {
        return false;
    }
    if !zoned {
        return p.done();
    }
    if p.eat(b'Z') {
        return p.done();
    }
    if !(p.eat(b'+') || p.eat(b'-')) {
        return false;
    }
    let (Some(_), true, Some(_)) = (p.fixed(2), p.eat(b':'), p.fixed(2)) else {
        return false;
    };
    p.done()
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn done(&self) -> bool {
        self.i == self.b.len()
    }
    fn next(&mut self) -> Option<u8> {
        let c = self.b.get(self.i).copied();
        self.i += 1;
        c
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let start = self.i;
        while self.i < self.b.len() && self.i - start < max && self.b[self.i].is_ascii_digit() {
            self.i += 1;
        }
        if self.i - start < min {
            return None;
        }
        std::str::from_utf8(&self.b[start..self.i])
            .ok()?
            .parse()
            .ok()
    }
    fn fixed(&mut self, n: usize) -> Option<u32> {
        self.number(n, n)
    }
}

/// Numbers as go-yaml prints them: integers as is, floats in Go's shortest `%g` form.
fn format_number(n: &serde_json::Number) -> String {
    if n.is_i64() || n.is_u64() {
        return n.to_string();
    }
    let f = n.as_f64().unwrap_or(0.0);
    format_go_float(f)
}

/// `strconv.FormatFloat(f, 'g', -1, 64)`.
pub fn format_go_float(f: f64) -> String {
    if f.is_nan() {
        return ".nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            ".inf".into()
        } else {
            "-.inf".into()
        };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    // Shortest round-trip digits and the decimal exponent.
    let sci = format!("{:e}", f);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if negative { "-" } else { "" };
    // Go's shortest %g switches to exponent form when exp < -4 || exp >= 6.
    if !(-4..6).contains(&exp) {
        let (head, tail) = digits.split_at(1);
        let tail = if tail.is_empty() {
            String::new()
        } else {
            format!(".{tail}")
        };
        let exp_sign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{head}{tail}e{exp_sign}{:02}", exp.abs());
    }
    let point = exp + 1;
    let body = if point <= 0 {
        format!("0.{}{}", "0".repeat((-point) as usize), digits)
    } else if point as usize >= digits.len() {
        format!("{}{}", digits, "0".repeat(point as usize - digits.len()))
    } else {
        let (a, b) = digits.split_at(point as usize);
        format!("{a}.{b}")
    };
    format!("{sign}{body}")
}

/// go-yaml v2's key order: letters compare as runes, runs of digits compare as numbers,
/// and a non-letter sorts before a letter.
pub fn go_yaml_key_order(a: &str, b: &str) -> Ordering {
    if a.is_ascii() && b.is_ascii() {
        return key_order(a.as_bytes(), b.as_bytes());
    }
    let ar: Vec<char> = a.chars().collect();
    let br: Vec<char> = b.chars().collect();
    key_order(&ar, &br)
}

/// A character of a key: a byte of an ASCII key, or a `char`.
trait KeyChar: Copy + Ord {
    fn is_letter(self) -> bool;
    /// The value of an ASCII digit.
    fn digit(self) -> Option<u8>;
}

impl KeyChar for u8 {
    fn is_letter(self) -> bool {
        self.is_ascii_alphabetic()
    }
    fn digit(self) -> Option<u8> {
        self.is_ascii_digit().then(|| self - b'0')
    }
}

impl KeyChar for char {
    fn is_letter(self) -> bool {
        self.is_alphabetic()
    }
    fn digit(self) -> Option<u8> {
        self.is_ascii_digit().then(|| self as u8 - b'0')
    }
}

fn key_order<C: KeyChar>(ar: &[C], br: &[C]) -> Ordering {
    let mut i = 0;
    while i < ar.len() && i < br.len() {
        if ar[i] == br[i] {
            i += 1;
            continue;
        }
        let al = ar[i].is_letter();
        let bl = br[i].is_letter();
        if al && bl {
            return ar[i].cmp(&br[i]);
        }
        if al || bl {
            return if bl {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        let (mut an, mut bn): (i64, i64) = (0, 0);
        if ar[i].digit() == Some(0) || br[i].digit() == Some(0) {
            let mut j = i;
            while j > 0 && ar[j - 1].digit().is_some() {
                j -= 1;
                if ar[j].digit() != Some(0) {
                    an = 1;
                    bn = 1;
                    break;
                }
            }
        }
        let mut ai = i;
        while let Some(d) = ar.get(ai).and_then(|c| c.digit()) {
            an = an.wrapping_mul(10).wrapping_add(i64::from(d));
            ai += 1;
        }
        let mut bi = i;
        while let Some(d) = br.get(bi).and_then(|c| c.digit()) {
            bn = bn.wrapping_mul(10).wrapping_add(i64::from(d));
            bi += 1;
        }
        if an != bn {
            return an.cmp(&bn);
        }
        if ai != bi {
            return ai.cmp(&bi);
        }
        return ar[i].cmp(&br[i]);
    }
    ar.len().cmp(&br.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_ascii_analysis_agrees_with_the_full_scan() {
        // Every string of up to four characters from the ones that matter to the scan.
        let alphabet: Vec<char> = " :#-?.a,'!|\"[*".chars().collect();
        let mut strings = vec![String::new()];
        let mut start = 0;
        for _ in 0..4 {
            let end = strings.len();
            for i in start..end {
                for c in &alphabet {
                    let mut next = strings[i].clone();
                    next.push(*c);
                    strings.push(next);
                }
            }
            start = end;
        }
        strings.extend(
            [
                "docker.io/kumahq/kuma-cp:2.14.3",
                "a: b",
                "x #y",
                "--- a",
                "...",
                "- ",
            ]
            .map(String::from),
        );
        for s in strings.iter().filter(|s| !s.is_empty()) {
            let markers = s.starts_with("---") || s.starts_with("...");
            assert_eq!(
                Analysis::of_printable_ascii(s, markers),
                Analysis::of_chars(s, markers),
                "{s:?}"
            );
        }
    }
    use serde_json::json;

    #[test]
    fn config_layout_matches_go() {
        let config = json!({
            "currentContext": "local",
            "controlPlanes": [{"name": "local", "coordinates": {"apiServer": {"url": "http://localhost:5681"}}}],
            "contexts": [{"name": "local", "controlPlane": "local"}],
        });
        assert_eq!(
            to_string(&config),
            "contexts:\n- controlPlane: local\n  name: local\ncontrolPlanes:\n- coordinates:\n    apiServer:\n      url: http://localhost:5681\n  name: local\ncurrentContext: local\n"
        );
    }

    #[test]
    fn quotes_what_would_read_back_as_another_type() {
        let doc = json!({
            "a": "0001-01-01T00:00:00Z",
            "b": "10",
            "c": "1.0",
            "d": "yes",
            "e": "",
            "f": "plain text",
            "g": "kri_m____mesh-1_",
            "h": "1:20",
            "i": "2019-07-17",
            "j": "true",
            "k": "-",
            "l": "a: b",
            "m": "# x",
            "n": "tab\there",
            "o": " lead",
            "p": "it's",
            "q": "0x1F",
            "r": "1e3",
            "s": "192.168.0.1:10002",
        });
        assert_eq!(
            to_string(&doc),
            concat!(
                "a: \"0001-01-01T00:00:00Z\"\n",
                "b: \"10\"\n",
                "c: \"1.0\"\n",
                "d: \"yes\"\n",
                "e: \"\"\n",
                "f: plain text\n",
                "g: kri_m____mesh-1_\n",
                "h: \"1:20\"\n",
                "i: \"2019-07-17\"\n",
                "j: \"true\"\n",
                "k: '-'\n",
                "l: 'a: b'\n",
                "m: '# x'\n",
                "\"n\": \"tab\\there\"\n",
                "o: ' lead'\n",
                "p: it's\n",
                "q: \"0x1F\"\n",
                "r: \"1e3\"\n",
                "s: 192.168.0.1:10002\n",
            )
        );
    }

    #[test]
    fn nests_maps_and_sequences_like_go() {
        let doc = json!({
            "items": [
                {"name": "a", "tags": {"k": "v"}, "list": [1, 2]},
                [],
                {},
                [[1], "x"],
            ],
            "empty": {},
            "none": null,
            "next": null,
            "total": 2,
            "ratio": 0.5,
        });
        assert_eq!(
            to_string(&doc),
            concat!(
                "empty: {}\n",
                "items:\n",
                "- list:\n",
                "  - 1\n",
                "  - 2\n",
                "  name: a\n",
                "  tags:\n",
                "    k: v\n",
                "- []\n",
                "- {}\n",
                "- - - 1\n",
                "  - x\n",
                "next: null\n",
                "none: null\n",
                "ratio: 0.5\n",
                "total: 2\n",
            )
        );
    }

    #[test]
    fn folds_long_plain_strings_at_80_columns() {
        let text = "word ".repeat(30).trim_end().to_string();
        let out = to_string(&json!({ "message": text }));
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines.len() > 1, "{out}");
        assert!(lines[1].starts_with("  word"));
        // Folded text reads back as the same string.
        let back: serde_yaml::Value = serde_yaml::from_str(&out).unwrap();
        assert_eq!(back["message"].as_str().unwrap(), text);
    }

    #[test]
    fn folds_at_the_first_space_past_80_columns_in_every_style() {
        let a = |n: usize| "a".repeat(n);
        // Plain: the space of `k: <77 a> b` is at column 80, one more `a` moves it to 81.
        assert_eq!(
            to_string(&json!({ "k": format!("{} b", a(77)) })),
            format!("k: {} b\n", a(77))
        );
        assert_eq!(
            to_string(&json!({ "k": format!("{} b", a(78)) })),
            format!("k: {}\n  b\n", a(78))
        );
        // Single-quoted (a leading indicator): the quote takes a column.
        assert_eq!(
            to_string(&json!({ "k": format!("&{} b", a(75)) })),
            format!("k: '&{} b'\n", a(75))
        );
        assert_eq!(
            to_string(&json!({ "k": format!("&{} b", a(76)) })),
            format!("k: '&{}\n  b'\n", a(76))
        );
        // Double-quoted (a timestamp) after a long key.
        let time = "2001-12-14 21:59:43.10";
        let key = |n: usize| "k".repeat(n);
        assert_eq!(
            to_string(&json!({ key(67): time })),
            format!("{}: \"{time}\"\n", key(67))
        );
        assert_eq!(
            to_string(&json!({ key(68): time })),
            format!("{}: \"2001-12-14\n  21:59:43.10\"\n", key(68))
        );
        // Keys never fold, whatever their length.
        let long_key = format!("{} b", a(100));
        assert_eq!(
            to_string(&json!({ long_key.clone(): 1 })),
            format!("{long_key}: 1\n")
        );
        // Non-ASCII text counts characters, not bytes.
        assert_eq!(
            to_string(&json!({ "k": format!("{} b", "é".repeat(77)) })),
            format!("k: {} b\n", "é".repeat(77))
        );
    }

    #[test]
    fn escapes_in_double_quotes() {
        let doc = json!({"k": "a\u{1}b\u{85}c\u{feff}d\u{fffe}\"\\"});
        assert_eq!(
            to_string(&doc),
            "k: \"a\\x01b\\Nc\\uFEFFd\\uFFFE\\\"\\\\\"\n"
        );
    }

    #[test]
    fn multiline_strings_read_back() {
        let doc = json!({"a": "line 1\nline 2", "b": "trailing\n"});
        let out = to_string(&doc);
        let back: serde_yaml::Value = serde_yaml::from_str(&out).unwrap();
        assert_eq!(back["a"].as_str().unwrap(), "line 1\nline 2");
        assert_eq!(back["b"].as_str().unwrap(), "trailing\n");
    }

    #[test]
    fn sorts_keys_like_go_yaml() {
        let mut keys = vec![
            "b",
            "a10",
            "a2",
            "A",
            "a",
            "kuma.io/zone",
            "kuma.io/env",
            "_x",
        ];
        keys.sort_by(|a, b| go_yaml_key_order(a, b));
        assert_eq!(
            keys,
            vec![
                "_x",
                "A",
                "a",
                "a2",
                "a10",
                "b",
                "kuma.io/env",
                "kuma.io/zone"
            ]
        );
    }

    #[test]
    fn formats_floats_like_go() {
        assert_eq!(format_go_float(0.5), "0.5");
        assert_eq!(format_go_float(100.0), "100");
        assert_eq!(format_go_float(1e6), "1e+06");
        assert_eq!(format_go_float(123456.5), "123456.5");
        assert_eq!(format_go_float(1e21), "1e+21");
        assert_eq!(format_go_float(1.5e-7), "1.5e-07");
        assert_eq!(format_go_float(-2.25), "-2.25");
    }
}
