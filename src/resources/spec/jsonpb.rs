//! Reading and writing protobuf messages in the JSON form of golang/protobuf's `jsonpb`,
//! which Kuma uses for resource specs (Go: `pkg/util/proto/proto.go`):
//! - reading: unknown fields are ignored, `null` means "not set", integers may be quoted,
//!   and a wrongly typed value fails with the `encoding/json` error Go would report;
//! - writing: lowerCamelCase names in proto field order, zero values omitted, 64-bit
//!   integers as strings, map keys sorted, durations as `"<seconds>s"`.

use super::gojson::{cannot_unmarshal, number_does_not_fit, syntax_error};
use crate::duration::GoDuration;
use serde_json::{Map, Number, Value};
use std::collections::BTreeMap;

/// Why a spec could not be read: Go's error text, without the `invalid <Type> object`
/// wrapping.
pub type Reason = String;

/// A message being read: the fields of a JSON object, or none for `null`.
#[derive(Clone, Copy)]
pub struct Reader<'a> {
    fields: Option<&'a Map<String, Value>>,
}

impl<'a> Reader<'a> {
    /// A message field value: an object, or `null` for an empty message.
    pub fn new(value: &'a Value) -> Result<Reader<'a>, Reason> {
        match value {
            Value::Null => Ok(Reader { fields: None }),
            Value::Object(fields) => Ok(Reader {
                fields: Some(fields),
            }),
            other => Err(cannot_unmarshal(other, "map[string]json.RawMessage")),
        }
    }

    pub fn from_map(fields: &'a Map<String, Value>) -> Reader<'a> {
        Reader {
            fields: Some(fields),
        }
    }

    /// The raw value of a field; `null` counts as absent, as in jsonpb.
    pub fn raw(&self, name: &str) -> Option<&'a Value> {
        self.fields
            .and_then(|fields| fields.get(name))
            .filter(|value| !value.is_null())
    }

    pub fn string(&self, name: &str) -> Result<String, Reason> {
        match self.raw(name) {
            None => Ok(String::new()),
            Some(value) => read_string(value),
        }
    }

    pub fn boolean(&self, name: &str) -> Result<bool, Reason> {
        match self.raw(name) {
            None => Ok(false),
            Some(value) => read_bool(value),
        }
    }

    pub fn uint32(&self, name: &str) -> Result<u32, Reason> {
        match self.raw(name) {
            None => Ok(0),
            Some(value) => read_uint32(value),
        }
    }

    /// A `google.protobuf.BoolValue`: set (even to `false`) or not.
    pub fn bool_wrapper(&self, name: &str) -> Result<Option<bool>, Reason> {
        self.raw(name).map(read_bool).transpose()
    }

    /// A `double` or `google.protobuf.DoubleValue`.
    pub fn double_wrapper(&self, name: &str) -> Result<Option<f64>, Reason> {
        self.raw(name).map(read_double).transpose()
    }

    pub fn enumeration(&self, name: &str, descriptor: &EnumDescriptor) -> Result<i32, Reason> {
        match self.raw(name) {
            None => Ok(0),
            Some(value) => descriptor.read(value),
        }
    }

    /// A nested message, read by `read` when present.
    pub fn message<T>(
        &self,
        name: &str,
        read: impl FnOnce(Reader<'a>) -> Result<T, Reason>,
    ) -> Result<Option<T>, Reason> {
        match self.raw(name) {
            None => Ok(None),
            Some(value) => read(Reader::new(value)?).map(Some),
        }
    }

    /// A repeated field, each element read by `read`.
    pub fn list<T>(
        &self,
        name: &str,
        mut read: impl FnMut(&'a Value) -> Result<T, Reason>,
    ) -> Result<Vec<T>, Reason> {
        match self.raw(name) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items.iter().map(&mut read).collect(),
            Some(other) => Err(cannot_unmarshal(other, "[]json.RawMessage")),
        }
    }

    /// A repeated message field.
    pub fn messages<T>(
        &self,
        name: &str,
        mut read: impl FnMut(Reader<'a>) -> Result<T, Reason>,
    ) -> Result<Vec<T>, Reason> {
        self.list(name, |item| read(Reader::new(item)?))
    }

    /// A repeated string; a `null` element is the empty string, as in Go.
    pub fn strings(&self, name: &str) -> Result<Vec<String>, Reason> {
        self.list(name, |item| match item {
            Value::Null => Ok(String::new()),
            other => read_string(other),
        })
    }

    /// A `map<string, string>`.
    pub fn string_map(&self, name: &str) -> Result<BTreeMap<String, String>, Reason> {
        match self.raw(name) {
            None => Ok(BTreeMap::new()),
            Some(Value::Object(entries)) => entries
                .iter()
                .map(|(key, value)| {
                    // A null map value is the empty string in jsonpb.
                    let text = if value.is_null() {
                        String::new()
                    } else {
                        read_string(value)?
                    };
                    Ok((key.clone(), text))
                })
                .collect(),
            Some(other) => Err(cannot_unmarshal(other, "map[string]json.RawMessage")),
        }
    }

    /// A `google.protobuf.Struct`, kept as JSON in the form jsonpb writes it back.
    pub fn structure(&self, name: &str) -> Result<Option<Map<String, Value>>, Reason> {
        match self.raw(name) {
            None => Ok(None),
            Some(Value::Object(fields)) => Ok(Some(canonical_struct(fields))),
            Some(other) => Err(format!(
                "bad StructValue: {}",
                cannot_unmarshal(other, "map[string]json.RawMessage")
            )),
        }
    }

    /// A `google.protobuf.Duration`, which jsonpb reads with Go's `time.ParseDuration`.
    pub fn duration(&self, name: &str) -> Result<Option<GoDuration>, Reason> {
        match self.raw(name) {
            None => Ok(None),
            Some(Value::String(text)) => GoDuration::parse(text)
                .map(Some)
                .map_err(|err| format!("bad Duration: {err}")),
            Some(other) => Err(cannot_unmarshal(other, "string")),
        }
    }

    /// A `google.protobuf.BytesValue`: standard base64 with padding, as Go's
    /// `encoding/json` reads `[]byte`.
    pub fn bytes_wrapper(&self, name: &str) -> Result<Option<Vec<u8>>, Reason> {
        match self.raw(name) {
            None => Ok(None),
            Some(Value::String(text)) => decode_std_base64(text).map(Some),
            Some(other) => Err(cannot_unmarshal(other, "[]uint8")),
        }
    }
}

pub fn read_string(value: &Value) -> Result<String, Reason> {
    match value {
        Value::String(text) => Ok(text.clone()),
        other => Err(cannot_unmarshal(other, "string")),
    }
}

pub fn read_bool(value: &Value) -> Result<bool, Reason> {
    match value {
        Value::Bool(flag) => Ok(*flag),
        other => Err(cannot_unmarshal(other, "bool")),
    }
}

/// jsonpb strips the quotes of a quoted integer and decodes what is inside as JSON.
fn unquoted_number(value: &Value) -> Result<Value, Reason> {
    match value {
        Value::String(text) => {
            if let Some(message) = syntax_error(text.as_bytes()) {
                return Err(message);
            }
            serde_json::from_str(text).map_err(|err| err.to_string())
        }
        other => Ok(other.clone()),
    }
}

pub fn read_uint32(value: &Value) -> Result<u32, Reason> {
    read_unsigned(value, "uint32")
        .map(|n| u32::try_from(n).expect("read_unsigned checks the range"))
}

pub fn read_uint64(value: &Value) -> Result<u64, Reason> {
    read_unsigned(value, "uint64")
}

/// An unsigned integer of the Go type `go_type` (`uint32` or `uint64`), maybe quoted.
fn read_unsigned(value: &Value, go_type: &str) -> Result<u64, Reason> {
    let max = if go_type == "uint32" {
        u64::from(u32::MAX)
    } else {
        u64::MAX
    };
    match unquoted_number(value)? {
        Value::Null => Ok(0),
        Value::Number(n) => n
            .as_u64()
            .filter(|n| *n <= max)
            .ok_or_else(|| number_does_not_fit(&n, go_type)),
        other => Err(cannot_unmarshal(&other, go_type)),
    }
}

pub fn read_double(value: &Value) -> Result<f64, Reason> {
    match value {
        Value::String(text) if text == "NaN" => Ok(f64::NAN),
        Value::String(text) if text == "Infinity" => Ok(f64::INFINITY),
        Value::String(text) if text == "-Infinity" => Ok(f64::NEG_INFINITY),
        Value::Number(n) => n.as_f64().ok_or_else(|| number_does_not_fit(n, "float64")),
        other => Err(cannot_unmarshal(other, "float64")),
    }
}

/// The values of a proto enum, by number.
#[derive(Debug)]
pub struct EnumDescriptor {
    /// The proto full name, used in errors.
    pub full_name: &'static str,
    /// Value names, indexed by number.
    pub names: &'static [&'static str],
}

impl EnumDescriptor {
    /// A value by name, or any number (jsonpb keeps unknown numbers).
    pub fn read(&self, value: &Value) -> Result<i32, Reason> {
        match value {
            Value::String(name) => self
                .names
                .iter()
                .position(|known| known == name)
                .and_then(|index| i32::try_from(index).ok())
                .ok_or_else(|| {
                    format!(
                        "unknown value {} for enum {}",
                        super::gojson::quote(&format!("\"{name}\"")),
                        self.full_name
                    )
                }),
            Value::Number(n) => n
                .as_i64()
                .and_then(|n| i32::try_from(n).ok())
                .ok_or_else(|| number_does_not_fit(n, "protoreflect.EnumNumber")),
            other => Err(cannot_unmarshal(other, "protoreflect.EnumNumber")),
        }
    }

    /// The JSON form: the name, or the number for values this version does not know.
    pub fn write(&self, number: i32) -> Value {
        usize::try_from(number)
            .ok()
            .and_then(|index| self.names.get(index))
            .map_or_else(|| Value::from(number), |name| Value::from(*name))
    }
}

/// A `google.protobuf.Struct` as jsonpb writes it: keys sorted at every level, numbers as
/// doubles.
pub fn canonical_struct(fields: &Map<String, Value>) -> Map<String, Value> {
    let mut keys: Vec<&String> = fields.keys().collect();
    keys.sort();
    keys.into_iter()
        .map(|key| (key.clone(), canonical_struct_value(&fields[key])))
        .collect()
}

fn canonical_struct_value(value: &Value) -> Value {
    match value {
        Value::Object(fields) => Value::Object(canonical_struct(fields)),
        Value::Array(items) => Value::Array(items.iter().map(canonical_struct_value).collect()),
        Value::Number(n) => n.as_f64().map_or_else(|| value.clone(), double_value),
        other => other.clone(),
    }
}

/// A double as Go prints it: integral values without a fraction, NaN and infinities as
/// jsonpb's strings.
pub fn double_value(number: f64) -> Value {
    if number.is_nan() {
        return Value::from("NaN");
    }
    if number.is_infinite() {
        return Value::from(if number > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        });
    }
    // Exactly representable integers print without ".0", like Go's strconv 'f' format.
    if number.fract() == 0.0 && number.abs() < 9.0e15 {
        return Value::from(number as i64);
    }
    Number::from_f64(number).map_or(Value::Null, Value::Number)
}

/// Decodes standard base64 (padding required, CR and LF skipped) with Go's
/// `illegal base64 data at input byte N` errors.
pub fn decode_std_base64(text: &str) -> Result<Vec<u8>, Reason> {
    fn sextet(byte: u8) -> Option<u8> {
        match byte {
            b'A'..=b'Z' => Some(byte - b'A'),
            b'a'..=b'z' => Some(byte - b'a' + 26),
            b'0'..=b'9' => Some(byte - b'0' + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }
    let illegal = |offset: usize| format!("illegal base64 data at input byte {offset}");
    let input = text.as_bytes();
    let mut out = Vec::with_capacity(input.len() / 4 * 3);
    let mut position = 0;
    loop {
        // One quantum: up to four symbols, skipping newlines.
        let mut quantum = [0u8; 4];
        let mut count = 0;
        let mut quantum_start = position;
        let mut padding_at = None;
        while count < 4 {
            let Some(&byte) = input.get(position) else {
                break;
            };
            position += 1;
            if byte == b'\n' || byte == b'\r' {
                if count == 0 {
                    quantum_start = position;
                }
                continue;
            }
            if byte == b'=' {
                padding_at = Some(position - 1);
                break;
            }
            match sextet(byte) {
                Some(bits) => {
                    quantum[count] = bits;
                    count += 1;
                }
                None => return Err(illegal(position - 1)),
            }
        }
        if let Some(pad) = padding_at {
            // "xx==" or "xxx=": the padding must complete the quantum and end the input.
            let needed = match count {
                2 => 2,
                3 => 1,
                _ => return Err(illegal(pad)),
            };
            let mut seen = 1;
            let mut cursor = pad + 1;
            while seen < needed {
                match input.get(cursor) {
                    Some(b'\n' | b'\r') => cursor += 1,
                    Some(b'=') => {
                        seen += 1;
                        cursor += 1;
                    }
                    None => return Err(illegal(input.len())),
                    Some(_) => return Err(illegal(cursor - 1)),
                }
            }
            while let Some(b'\n' | b'\r') = input.get(cursor) {
                cursor += 1;
            }
            if cursor < input.len() {
                return Err(illegal(cursor));
            }
            push_quantum(&mut out, &quantum, count);
            return Ok(out);
        }
        match count {
            0 => return Ok(out),
            4 => push_quantum(&mut out, &quantum, 4),
            _ => return Err(illegal(quantum_start)),
        }
    }
}

fn push_quantum(out: &mut Vec<u8>, quantum: &[u8; 4], count: usize) {
    let bits = (u32::from(quantum[0]) << 18)
        | (u32::from(quantum[1]) << 12)
        | (u32::from(quantum[2]) << 6)
        | u32::from(quantum[3]);
    let bytes = [(bits >> 16) as u8, (bits >> 8) as u8, bits as u8];
    out.extend_from_slice(&bytes[..count - 1]);
}

/// A message being written, field by field in proto order; zero values are skipped.
#[derive(Default)]
pub struct Writer(Map<String, Value>);

impl Writer {
    pub fn new() -> Writer {
        Writer::default()
    }

    pub fn finish(self) -> Map<String, Value> {
        self.0
    }

    pub fn string(&mut self, name: &str, value: &str) -> &mut Self {
        if !value.is_empty() {
            self.0.insert(name.into(), value.into());
        }
        self
    }

    pub fn boolean(&mut self, name: &str, value: bool) -> &mut Self {
        if value {
            self.0.insert(name.into(), true.into());
        }
        self
    }

    pub fn uint32(&mut self, name: &str, value: u32) -> &mut Self {
        if value != 0 {
            self.0.insert(name.into(), value.into());
        }
        self
    }

    /// 64-bit integers are strings in jsonpb.
    pub fn uint64(&mut self, name: &str, value: u64) -> &mut Self {
        if value != 0 {
            self.0.insert(name.into(), value.to_string().into());
        }
        self
    }

    pub fn enumeration(
        &mut self,
        name: &str,
        descriptor: &EnumDescriptor,
        number: i32,
    ) -> &mut Self {
        if number != 0 {
            self.0.insert(name.into(), descriptor.write(number));
        }
        self
    }

    pub fn bool_wrapper(&mut self, name: &str, value: Option<bool>) -> &mut Self {
        if let Some(flag) = value {
            self.0.insert(name.into(), flag.into());
        }
        self
    }

    pub fn double_wrapper(&mut self, name: &str, value: Option<f64>) -> &mut Self {
        if let Some(number) = value {
            self.0.insert(name.into(), double_value(number));
        }
        self
    }

    /// A set message is written even when all its fields are zero (`{}`).
    pub fn message(&mut self, name: &str, value: Option<Map<String, Value>>) -> &mut Self {
        if let Some(fields) = value {
            self.0.insert(name.into(), Value::Object(fields));
        }
        self
    }

    pub fn list(&mut self, name: &str, items: Vec<Value>) -> &mut Self {
        if !items.is_empty() {
            self.0.insert(name.into(), Value::Array(items));
        }
        self
    }

    pub fn strings(&mut self, name: &str, items: &[String]) -> &mut Self {
        self.list(
            name,
            items.iter().map(|s| Value::from(s.as_str())).collect(),
        )
    }

    pub fn string_map(&mut self, name: &str, entries: &BTreeMap<String, String>) -> &mut Self {
        if !entries.is_empty() {
            let map: Map<String, Value> = entries
                .iter()
                .map(|(k, v)| (k.clone(), Value::from(v.as_str())))
                .collect();
            self.0.insert(name.into(), Value::Object(map));
        }
        self
    }

    pub fn structure(&mut self, name: &str, value: Option<&Map<String, Value>>) -> &mut Self {
        if let Some(fields) = value {
            self.0
                .insert(name.into(), Value::Object(canonical_struct(fields)));
        }
        self
    }

    pub fn duration(&mut self, name: &str, value: Option<GoDuration>) -> &mut Self {
        if let Some(duration) = value {
            self.0.insert(name.into(), format_duration(duration).into());
        }
        self
    }

    pub fn bytes_wrapper(&mut self, name: &str, value: Option<&[u8]>) -> &mut Self {
        if let Some(bytes) = value {
            use base64::Engine;
            self.0.insert(
                name.into(),
                base64::engine::general_purpose::STANDARD
                    .encode(bytes)
                    .into(),
            );
        }
        self
    }

    /// A `google.protobuf.Timestamp`: RFC 3339 in UTC with 0, 3, 6 or 9 fraction digits.
    pub fn timestamp(
        &mut self,
        name: &str,
        value: Option<&chrono::DateTime<chrono::Utc>>,
    ) -> &mut Self {
        if let Some(time) = value {
            self.0.insert(name.into(), format_timestamp(time).into());
        }
        self
    }
}

/// jsonpb's Duration text: seconds with 0, 3, 6 or 9 fraction digits, then `s`.
pub fn format_duration(duration: GoDuration) -> String {
    let nanos = duration.as_nanos();
    let sign = if nanos < 0 { "-" } else { "" };
    let magnitude = nanos.unsigned_abs();
    let mut text = format!(
        "{sign}{}.{:09}",
        magnitude / 1_000_000_000,
        magnitude % 1_000_000_000
    );
    for _ in 0..2 {
        if text.ends_with("000") {
            text.truncate(text.len() - 3);
        }
    }
    if let Some(stripped) = text.strip_suffix(".000") {
        text = stripped.to_string();
    }
    text + "s"
}

/// jsonpb's Timestamp text.
pub fn format_timestamp(time: &chrono::DateTime<chrono::Utc>) -> String {
    let base = time.format("%Y-%m-%dT%H:%M:%S").to_string();
    let nanos = time.timestamp_subsec_nanos();
    let fraction = if nanos == 0 {
        String::new()
    } else if nanos.is_multiple_of(1_000_000) {
        format!(".{:03}", nanos / 1_000_000)
    } else if nanos.is_multiple_of(1_000) {
        format!(".{:06}", nanos / 1_000)
    } else {
        format!(".{nanos:09}")
    };
    format!("{base}{fraction}Z")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn integers_may_be_quoted() {
        assert_eq!(read_uint32(&json!(10002)), Ok(10002));
        assert_eq!(read_uint32(&json!("10002")), Ok(10002));
        assert_eq!(
            read_uint32(&json!(-1)).unwrap_err(),
            "json: cannot unmarshal number -1 into Go value of type uint32"
        );
        assert_eq!(
            read_uint32(&json!(5000000000u64)).unwrap_err(),
            "json: cannot unmarshal number 5000000000 into Go value of type uint32"
        );
        assert_eq!(
            read_uint32(&json!("abc")).unwrap_err(),
            "invalid character 'a' looking for beginning of value"
        );
        assert_eq!(
            read_uint32(&json!(true)).unwrap_err(),
            "json: cannot unmarshal bool into Go value of type uint32"
        );
        // Only numeric targets name the number.
        assert_eq!(
            read_string(&json!(7)).unwrap_err(),
            "json: cannot unmarshal number into Go value of type string"
        );
        let list = json!({"backends": 3});
        assert_eq!(
            Reader::new(&list)
                .unwrap()
                .list("backends", read_string)
                .unwrap_err(),
            "json: cannot unmarshal number into Go value of type []json.RawMessage"
        );
    }

    #[test]
    fn base64_like_go() {
        assert_eq!(decode_std_base64("dGVzdAo="), Ok(b"test\n".to_vec()));
        assert_eq!(decode_std_base64(""), Ok(vec![]));
        assert_eq!(decode_std_base64("dGVz\ndA=="), Ok(b"test".to_vec()));
        assert_eq!(
            decode_std_base64("abc").unwrap_err(),
            "illegal base64 data at input byte 0"
        );
        assert_eq!(
            decode_std_base64("abcde").unwrap_err(),
            "illegal base64 data at input byte 4"
        );
        assert_eq!(
            decode_std_base64("ab!d").unwrap_err(),
            "illegal base64 data at input byte 2"
        );
        assert_eq!(
            decode_std_base64("dA==x").unwrap_err(),
            "illegal base64 data at input byte 4"
        );
    }

    #[test]
    fn durations_and_timestamps() {
        assert_eq!(format_duration(GoDuration::from_secs(600)), "600s");
        assert_eq!(
            format_duration(GoDuration::from_nanos(1_500_000_000)),
            "1.500s"
        );
        assert_eq!(
            format_duration(GoDuration::from_nanos(1_000_001)),
            "0.001000001s"
        );
        let t = crate::resources::time::parse("2018-07-17T16:05:36.995Z").unwrap();
        assert_eq!(format_timestamp(&t), "2018-07-17T16:05:36.995Z");
    }

    #[test]
    fn structs_are_sorted_and_numbers_are_doubles() {
        let conf = json!({"caCert": {"expiration": "10y", "RSAbits": 2048.0}});
        let Value::Object(map) = conf else {
            unreachable!()
        };
        assert_eq!(
            serde_json::to_string(&canonical_struct(&map)).unwrap(),
            r#"{"caCert":{"RSAbits":2048,"expiration":"10y"}}"#
        );
    }
}
