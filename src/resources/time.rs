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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_go() {
        assert_eq!(format(&zero()), "0001-01-01T00:00:00Z");
        let t = parse("2018-07-17T16:05:36.995Z").unwrap();
        assert_eq!(format(&t), "2018-07-17T16:05:36.995Z");
        let t = parse("2025-05-01T10:00:00.123456789Z").unwrap();
        assert_eq!(format(&t), "2025-05-01T10:00:00.123456789Z");
    }
}
