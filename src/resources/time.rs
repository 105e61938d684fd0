//! Resource timestamps as Go writes them (`time.Time` in JSON: RFC 3339 with nanoseconds,
//! trailing zeros dropped), and Go's zero time, which kumactl sends on PUT.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

/// Go's zero `time.Time`: `0001-01-01T00:00:00Z`.
pub fn zero() -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(1, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
        .expect("year 1 is representable")
}

/// RFC 3339 with as many fraction digits as needed (Go's `RFC3339Nano`).
pub fn format(t: &DateTime<Utc>) -> String {
    use chrono::{Datelike, Timelike};
    if let Ok(year @ 0..=9999) = u32::try_from(t.year()) {
        // Digit by digit: the store writes two of these for every resource.
        let mut out = Vec::with_capacity(30);
        let mut push = |n: u32, width: usize, after: u8| {
            let mut digits = [b'0'; 9];
            let mut n = n;
            for digit in digits[..width].iter_mut().rev() {
                *digit = b'0' + (n % 10) as u8;
                n /= 10;
            }
            out.extend_from_slice(&digits[..width]);
            out.push(after);
        };
        push(year, 4, b'-');
        push(t.month(), 2, b'-');
        push(t.day(), 2, b'T');
        push(t.hour(), 2, b':');
        push(t.minute(), 2, b':');
        // A leap second shows as 60 seconds and the rest of the nanoseconds.
        let nanos = t.nanosecond();
        let (second, nanos) = if nanos >= 1_000_000_000 {
            (t.second() + 1, nanos - 1_000_000_000)
        } else {
            (t.second(), nanos)
        };
        if nanos == 0 {
            push(second, 2, b'Z');
        } else {
            push(second, 2, b'.');
            push(nanos, 9, b'Z');
            // As few fraction digits as needed: "…:00.120000000Z" is "…:00.12Z".
            out.pop();
            while out.last() == Some(&b'0') {
                out.pop();
            }
            out.push(b'Z');
        }
        return String::from_utf8(out).unwrap_or_default();
    }
    let text = t.to_rfc3339_opts(SecondsFormat::Nanos, true);
    // "2025-05-01T10:00:00.120000000Z" -> "2025-05-01T10:00:00.12Z"
    match text.split_once('.') {
        Some((head, frac)) => {
            let digits = frac.trim_end_matches('Z').trim_end_matches('0');
            if digits.is_empty() {
                format!("{head}Z")
            } else {
                format!("{head}.{digits}Z")
            }
        }
        None => text,
    }
}

/// Parses an RFC 3339 timestamp; `None` if it is not one.
pub fn parse(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// A meta time field of a legacy body as Go's `time.Time.UnmarshalJSON` reads it: `null`
/// is the zero time, anything but a JSON string is refused, and the text must be strict
/// RFC 3339, refused with Go's `time.ParseError` text (Go: `time/format.go`
/// `parseStrictRFC3339`, `Parse`).
pub fn from_json_value(value: &serde_json::Value) -> Result<DateTime<Utc>, String> {
    match value {
        serde_json::Value::Null => Ok(zero()),
        serde_json::Value::String(text) => match go_rfc3339_error(text) {
            Some(err) => Err(err),
            None => Ok(parse(text).unwrap_or_else(zero)),
        },
        _ => Err("Time.UnmarshalJSON: input is not a JSON string".into()),
    }
}

const RFC3339: &str = "2006-01-02T15:04:05Z07:00";

/// Go's `time.quote`: ASCII kept (with `"` and `\` escaped), other bytes as `\xNN`.
fn go_quote(bytes: &[u8]) -> String {
    let mut out = String::from("\"");
    let text = String::from_utf8_lossy(bytes);
    if text.len() == bytes.len() && bytes.iter().all(|b| (b' '..0x80).contains(b)) {
        for c in text.chars() {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
    } else {
        for &b in bytes {
            if (b' '..0x80).contains(&b) {
                if b == b'"' || b == b'\\' {
                    out.push('\\');
                }
                out.push(b as char);
            } else {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
    }
    out.push('"');
    out
}

fn days_in(month: u32, year: i64) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Go's `getnum`: one or two leading digits (exactly two when `fixed`).
fn getnum(value: &[u8], fixed: bool) -> Option<(u32, &[u8])> {
    let digit = |i: usize| {
        value
            .get(i)
            .filter(|b| b.is_ascii_digit())
            .map(|b| u32::from(b - b'0'))
    };
    let first = digit(0)?;
    match digit(1) {
        Some(second) => Some((first * 10 + second, &value[2..])),
        None if fixed => None,
        None => Some((first, &value[1..])),
    }
}

/// Go's `parseRFC3339` fast path: true when the text is strict RFC 3339.
fn is_strict_rfc3339(b: &[u8]) -> bool {
    let num = |range: std::ops::Range<usize>, min: u32, max: u32| -> Option<u32> {
        let digits = b.get(range)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let n = digits
            .iter()
            .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        (min..=max).contains(&n).then_some(n)
    };
    if b.len() < 19 {
        return false;
    }
    let (Some(year), Some(month)) = (num(0..4, 0, 9999), num(5..7, 1, 12)) else {
        return false;
    };
    if num(8..10, 1, days_in(month, i64::from(year))).is_none()
        || num(11..13, 0, 23).is_none()
        || num(14..16, 0, 59).is_none()
        || num(17..19, 0, 59).is_none()
        || !(b[4] == b'-' && b[7] == b'-' && b[10] == b'T' && b[13] == b':' && b[16] == b':')
    {
        return false;
    }
    let mut rest = &b[19..];
    if rest.len() >= 2 && rest[0] == b'.' && rest[1].is_ascii_digit() {
        let n = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count() + 1;
        rest = &rest[n..];
    }
    if rest == b"Z" {
        return true;
    }
    let tz = |r: std::ops::Range<usize>, max: u32| {
        rest.get(r)
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .map(|d| d.iter().fold(0u32, |n, c| n * 10 + u32::from(c - b'0')))
            .is_some_and(|n| n <= max)
    };
    rest.len() == 6
        && (rest[0] == b'-' || rest[0] == b'+')
        && rest[3] == b':'
        && tz(1..3, 23)
        && tz(4..6, 59)
}

/// Why Go's `time.Parse(time.RFC3339, text)` fails, if it does: the element of the layout
/// that did not match and the rest of the text there, or a range error.
fn go_parse_error(text: &[u8]) -> Option<String> {
    let cannot = |value: &[u8], element: &str| {
        Some(format!(
            "parsing time {} as {}: cannot parse {} as {}",
            go_quote(text),
            go_quote(RFC3339.as_bytes()),
            go_quote(value),
            go_quote(element.as_bytes())
        ))
    };
    let out_of_range = |what: &str| {
        Some(format!(
            "parsing time {}: {what} out of range",
            go_quote(text)
        ))
    };
    let mut value = text;
    // 2006
    if value.len() < 4 {
        return cannot(value, "2006");
    }
    if !value[..4].iter().all(u8::is_ascii_digit) {
        return cannot(value, "2006");
    }
    let year = value[..4]
        .iter()
        .fold(0i64, |n, d| n * 10 + i64::from(d - b'0'));
    value = &value[4..];
    let mut fields = [0u32; 5];
    for (i, (literal, element, fixed, limit, name)) in [
        (b'-', "01", true, 12, "month"),
        (b'-', "02", true, u32::MAX, ""),
        (b'T', "15", false, 23, "hour"),
        (b':', "04", true, 59, "minute"),
        (b':', "05", true, 59, "second"),
    ]
    .into_iter()
    .enumerate()
    {
        if value.first() != Some(&literal) {
            return cannot(value, &(literal as char).to_string());
        }
        value = &value[1..];
        let Some((n, rest)) = getnum(value, fixed) else {
            return cannot(value, element);
        };
        if n > limit || (name == "month" && n == 0) {
            return out_of_range(name);
        }
        fields[i] = n;
        value = rest;
    }
    // A fraction after the seconds.
    if value.len() >= 2 && (value[0] == b'.' || value[0] == b',') && value[1].is_ascii_digit() {
        let n = value[1..].iter().take_while(|c| c.is_ascii_digit()).count() + 1;
        value = &value[n..];
    }
    // Z07:00
    if value.first() == Some(&b'Z') {
        value = &value[1..];
    } else {
        let hold = value;
        if value.len() < 6 || value[3] != b':' {
            return cannot(hold, "Z07:00");
        }
        let (Some((hours, _)), Some((minutes, _))) =
            (getnum(&value[1..3], true), getnum(&value[4..6], true))
        else {
            return cannot(hold, "Z07:00");
        };
        if minutes > 60 {
            return out_of_range("time zone offset minute");
        }
        if hours > 24 {
            return out_of_range("time zone offset hour");
        }
        if value[0] != b'+' && value[0] != b'-' {
            return cannot(hold, "Z07:00");
        }
        value = &value[6..];
    }
    if !value.is_empty() {
        return Some(format!(
            "parsing time {}: extra text: {}",
            go_quote(text),
            go_quote(value)
        ));
    }
    let [month, day, ..] = fields;
    if day < 1 || day > days_in(month, year) {
        return out_of_range("day");
    }
    None
}

/// Go's `parseStrictRFC3339` error for a text, `None` when Go accepts it.
fn go_rfc3339_error(text: &str) -> Option<String> {
    let b = text.as_bytes();
    if is_strict_rfc3339(b) {
        return None;
    }
    if let Some(err) = go_parse_error(b) {
        return Some(err);
    }
    // Parse accepted what RFC 3339 does not (https://go.dev/issue/54580).
    let strict = |layout_elem: &str, value_elem: &[u8], message: &str| {
        if message.is_empty() {
            format!(
                "parsing time {} as {}: cannot parse {} as {}",
                go_quote(b),
                go_quote(RFC3339.as_bytes()),
                go_quote(value_elem),
                go_quote(layout_elem.as_bytes())
            )
        } else {
            format!("parsing time {}{message}", go_quote(b))
        }
    };
    let num2 =
        |d: &[u8]| u32::from(d[0].wrapping_sub(b'0')) * 10 + u32::from(d[1].wrapping_sub(b'0'));
    Some(if b.get(12) == Some(&b':') {
        strict("15", &b[11..12], "")
    } else if b.get(19) == Some(&b',') {
        strict(".", b",", "")
    } else if b.last() != Some(&b'Z') && b.len() >= 6 && num2(&b[b.len() - 5..]) >= 24 {
        strict("Z07:00", &b[b.len() - 6..], ": timezone hour out of range")
    } else if b.last() != Some(&b'Z') && b.len() >= 6 && num2(&b[b.len() - 2..]) >= 60 {
        strict(
            "Z07:00",
            &b[b.len() - 6..],
            ": timezone minute out of range",
        )
    } else {
        strict(RFC3339, b, "")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_go() {
        assert_eq!(format(&zero()), "0001-01-01T00:00:00Z");
        let whole = parse("2020-02-29T23:59:59Z").unwrap();
        assert_eq!(format(&whole), "2020-02-29T23:59:59Z");
        let t = parse("2018-07-17T16:05:36.995Z").unwrap();
        assert_eq!(format(&t), "2018-07-17T16:05:36.995Z");
        let t = parse("2025-05-01T10:00:00.123456789Z").unwrap();
        assert_eq!(format(&t), "2025-05-01T10:00:00.123456789Z");
    }

    #[test]
    fn digits_match_chronos_rfc3339() {
        // chrono's text with the fraction's trailing zeros dropped, as Go writes it.
        let reference = |t: &DateTime<Utc>| {
            let text = t.to_rfc3339_opts(SecondsFormat::Nanos, true);
            let (head, frac) = text.split_once('.').unwrap();
            match frac.trim_end_matches('Z').trim_end_matches('0') {
                "" => format!("{head}Z"),
                digits => format!("{head}.{digits}Z"),
            }
        };
        let mut seconds = 0i64;
        let mut nanos = 0u32;
        for step in 0..2000i64 {
            seconds = (seconds + 86_399 * 367 + step * 7919) % 253_402_300_799;
            nanos = (nanos.wrapping_mul(31).wrapping_add(step as u32 * 1_000_003)) % 1_000_000_000;
            for nanos in [0, nanos, nanos / 1000 * 1000, 100_000_000] {
                let t = DateTime::from_timestamp(seconds, nanos).unwrap();
                assert_eq!(format(&t), reference(&t));
            }
        }
        let far = parse("9999-12-31T23:59:59.5Z").unwrap();
        assert_eq!(format(&far), "9999-12-31T23:59:59.5Z");
    }

    #[test]
    fn json_times_are_refused_with_gos_texts() {
        let err = |value: serde_json::Value| from_json_value(&value).unwrap_err();
        let layout = "as \"2006-01-02T15:04:05Z07:00\"";
        assert_eq!(
            err("x".into()),
            format!("parsing time \"x\" {layout}: cannot parse \"x\" as \"2006\"")
        );
        assert_eq!(
            err("2020-01-01".into()),
            format!("parsing time \"2020-01-01\" {layout}: cannot parse \"\" as \"T\"")
        );
        assert_eq!(
            err("2020-01-01T10:00".into()),
            format!("parsing time \"2020-01-01T10:00\" {layout}: cannot parse \"\" as \":\"")
        );
        assert_eq!(
            err("2020-13-01T00:00:00Z".into()),
            "parsing time \"2020-13-01T00:00:00Z\": month out of range"
        );
        assert_eq!(
            err("2021-02-29T00:00:00Z".into()),
            "parsing time \"2021-02-29T00:00:00Z\": day out of range"
        );
        assert_eq!(
            err("2020-01-01T00:00:00Zjunk".into()),
            "parsing time \"2020-01-01T00:00:00Zjunk\": extra text: \"junk\""
        );
        assert_eq!(
            err("2020-01-01T00:00:00+0100".into()),
            format!(
                "parsing time \"2020-01-01T00:00:00+0100\" {layout}: cannot parse \"+0100\" as \"Z07:00\""
            )
        );
        // Accepted by Go's layout parser, refused by its strict RFC 3339 checks.
        assert_eq!(
            err("2020-01-01T1:00:00Z".into()),
            format!("parsing time \"2020-01-01T1:00:00Z\" {layout}: cannot parse \"1\" as \"15\"")
        );
        assert_eq!(
            err("2020-01-01T10:00:00,5Z".into()),
            format!(
                "parsing time \"2020-01-01T10:00:00,5Z\" {layout}: cannot parse \",\" as \".\""
            )
        );
        assert_eq!(
            err("2020-01-01T10:00:00+24:00".into()),
            "parsing time \"2020-01-01T10:00:00+24:00\": timezone hour out of range"
        );
        assert_eq!(
            err(5.into()),
            "Time.UnmarshalJSON: input is not a JSON string"
        );
        assert_eq!(
            err(serde_json::json!({})),
            "Time.UnmarshalJSON: input is not a JSON string"
        );
        for ok in [
            "2020-02-29T23:59:59Z",
            "2020-01-01T10:00:00.123+01:00",
            "0001-01-01T00:00:00Z",
        ] {
            assert!(from_json_value(&ok.into()).is_ok(), "{ok}");
        }
        assert_eq!(from_json_value(&serde_json::Value::Null), Ok(zero()));
    }
}
