//! Go's `time.Duration` text form: `ParseDuration` and `Duration.String()`.
//!
//! Flags such as `--api-timeout` and `--valid-for`, and the `validFor` field sent to the
//! token endpoints, use this syntax (`90s`, `1h30m`, `24h0m0s`), so both directions must
//! match Go exactly.

use std::fmt;
use std::str::FromStr;

const NANOSECOND: i128 = 1;
const MICROSECOND: i128 = 1_000 * NANOSECOND;
const MILLISECOND: i128 = 1_000 * MICROSECOND;
const SECOND: i128 = 1_000 * MILLISECOND;
const MINUTE: i128 = 60 * SECOND;
const HOUR: i128 = 60 * MINUTE;

/// A signed duration in nanoseconds, with Go's parsing and formatting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GoDuration(i64);

/// The error texts of Go's `time.ParseDuration`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    #[error("time: invalid duration \"{0}\"")]
    Invalid(String),
    #[error("time: missing unit in duration \"{0}\"")]
    MissingUnit(String),
    #[error("time: unknown unit \"{unit}\" in duration \"{input}\"")]
    UnknownUnit { unit: String, input: String },
}

impl GoDuration {
    pub const ZERO: GoDuration = GoDuration(0);

    pub const fn from_nanos(nanos: i64) -> Self {
        GoDuration(nanos)
    }

    pub const fn from_secs(secs: i64) -> Self {
        GoDuration(secs * 1_000_000_000)
    }

    pub const fn as_nanos(self) -> i64 {
        self.0
    }

    /// Whole seconds, truncated toward zero (Go's `d / time.Second`).
    pub const fn as_secs(self) -> i64 {
        self.0 / 1_000_000_000
    }

    pub const fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// The std duration for timeouts; `None` for zero or negative ("no timeout").
    pub fn to_std(self) -> Option<std::time::Duration> {
        (self.0 > 0).then(|| std::time::Duration::from_nanos(self.0 as u64))
    }

    /// Parses like Go's `time.ParseDuration`.
    pub fn parse(input: &str) -> Result<Self, DurationError> {
        let invalid = || DurationError::Invalid(input.to_string());
        let mut s = input;
        let mut negative = false;
        if let Some(rest) = s.strip_prefix('-') {
            negative = true;
            s = rest;
        } else if let Some(rest) = s.strip_prefix('+') {
            s = rest;
        }
        if s == "0" {
            return Ok(GoDuration(0));
        }
        if s.is_empty() {
            return Err(invalid());
        }
        let mut total: i128 = 0;
        while !s.is_empty() {
            // The number: digits, optionally a fraction.
            let int_len = s.bytes().take_while(u8::is_ascii_digit).count();
            let (int_part, rest) = s.split_at(int_len);
            let mut rest = rest;
            let mut frac_part = "";
            if let Some(after_dot) = rest.strip_prefix('.') {
                let frac_len = after_dot.bytes().take_while(u8::is_ascii_digit).count();
                frac_part = &after_dot[..frac_len];
                rest = &after_dot[frac_len..];
                if int_part.is_empty() && frac_part.is_empty() {
                    return Err(invalid());
                }
            } else if int_part.is_empty() {
                return Err(invalid());
            }
            // The unit: everything up to the next digit or dot.
            let unit_len = rest
                .char_indices()
                .find(|(_, c)| c.is_ascii_digit() || *c == '.')
                .map_or(rest.len(), |(i, _)| i);
            let (unit, remaining) = rest.split_at(unit_len);
            if unit.is_empty() {
                return Err(DurationError::MissingUnit(input.to_string()));
            }
            let scale = match unit {
                "ns" => NANOSECOND,
                "us" | "µs" | "μs" => MICROSECOND,
                "ms" => MILLISECOND,
                "s" => SECOND,
                "m" => MINUTE,
                "h" => HOUR,
                _ => {
                    return Err(DurationError::UnknownUnit {
                        unit: unit.to_string(),
                        input: input.to_string(),
                    });
                }
            };
            let whole: i128 = if int_part.is_empty() {
                0
            } else {
                int_part.parse().map_err(|_| invalid())?
            };
            let mut value = whole.checked_mul(scale).ok_or_else(invalid)?;
            if !frac_part.is_empty() {
                // Go truncates the fraction to nanosecond precision. 24 digits are
                // more than a nanosecond of an hour needs, and keep `frac_value *
                // scale` (< 10^24 * 3.6e12) far inside i128.
                let mut frac_value: i128 = 0;
                let mut divisor: i128 = 1;
                for digit in frac_part.bytes().take(24) {
                    frac_value = frac_value * 10 + i128::from(digit - b'0');
                    divisor *= 10;
                }
                value = value
                    .checked_add(frac_value * scale / divisor)
                    .ok_or_else(invalid)?;
            }
            total = total.checked_add(value).ok_or_else(invalid)?;
            if total > i128::from(i64::MAX) + i128::from(negative) {
                return Err(invalid());
            }
            s = remaining;
        }
        let signed = if negative { -total } else { total };
        Ok(GoDuration(signed as i64))
    }
}

impl FromStr for GoDuration {
    type Err = DurationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        GoDuration::parse(s)
    }
}

impl From<std::time::Duration> for GoDuration {
    fn from(d: std::time::Duration) -> Self {
        GoDuration(i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
    }
}

/// Writes `value / 10^digits` with the fraction's trailing zeros dropped, as Go's `fmtFrac`/`fmtInt` do.
fn write_fraction(out: &mut String, value: u128, digits: u32) {
    let divisor = 10u128.pow(digits);
    let whole = value / divisor;
    let frac = value % divisor;
    out.push_str(&whole.to_string());
    if frac != 0 {
        let mut frac_text = format!("{frac:0width$}", width = digits as usize);
        while frac_text.ends_with('0') {
            frac_text.pop();
        }
        out.push('.');
        out.push_str(&frac_text);
    }
}

impl fmt::Display for GoDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        let negative = self.0 < 0;
        let nanos = self.0.unsigned_abs() as u128;
        if negative {
            out.push('-');
        }
        if nanos == 0 {
            return f.write_str("0s");
        }
        if nanos < SECOND as u128 {
            // Sub-second durations use the largest fitting small unit.
            let (digits, unit) = if nanos < MICROSECOND as u128 {
                (0, "ns")
            } else if nanos < MILLISECOND as u128 {
                (3, "µs")
            } else {
                (6, "ms")
            };
            write_fraction(&mut out, nanos, digits);
            out.push_str(unit);
            return f.write_str(&out);
        }
        let hours = nanos / HOUR as u128;
        let minutes = (nanos % HOUR as u128) / MINUTE as u128;
        let seconds_nanos = nanos % MINUTE as u128;
        if hours > 0 {
            out.push_str(&format!("{hours}h"));
        }
        if hours > 0 || minutes > 0 {
            out.push_str(&format!("{minutes}m"));
        }
        write_fraction(&mut out, seconds_nanos, 9);
        out.push('s');
        f.write_str(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_go() {
        let cases = [
            (0, "0s"),
            (1, "1ns"),
            (1_100, "1.1µs"),
            (2_200_000, "2.2ms"),
            (1_500_000_000, "1.5s"),
            (30 * SECOND as i64, "30s"),
            (60 * SECOND as i64, "1m0s"),
            (90 * MINUTE as i64, "1h30m0s"),
            (24 * HOUR as i64, "24h0m0s"),
            (-(90 * SECOND as i64), "-1m30s"),
            (HOUR as i64 + 1, "1h0m0.000000001s"),
        ];
        for (nanos, text) in cases {
            assert_eq!(GoDuration(nanos).to_string(), text, "{nanos}");
        }
    }

    #[test]
    fn parses_like_go() {
        assert_eq!(
            GoDuration::parse("24h").unwrap(),
            GoDuration(24 * HOUR as i64)
        );
        assert_eq!(
            GoDuration::parse("1h30m").unwrap(),
            GoDuration(90 * MINUTE as i64)
        );
        assert_eq!(
            GoDuration::parse("1m0s").unwrap(),
            GoDuration(MINUTE as i64)
        );
        assert_eq!(
            GoDuration::parse("1.5s").unwrap(),
            GoDuration(1_500_000_000)
        );
        assert_eq!(GoDuration::parse(".5s").unwrap(), GoDuration(500_000_000));
        assert_eq!(GoDuration::parse("0").unwrap(), GoDuration(0));
        assert_eq!(
            GoDuration::parse("-2m").unwrap(),
            GoDuration(-2 * MINUTE as i64)
        );
        assert_eq!(GoDuration::parse("300ms").unwrap(), GoDuration(300_000_000));
        assert_eq!(GoDuration::parse("10µs").unwrap(), GoDuration(10_000));
        // Long fractions are cut at the nanosecond, without overflowing.
        assert_eq!(
            GoDuration::parse("1.999999999999999999999999999999h").unwrap(),
            GoDuration(2 * HOUR as i64 - 1)
        );
        assert_eq!(
            GoDuration::parse(&format!("0.{}1h", "0".repeat(100))).unwrap(),
            GoDuration(0)
        );
    }

    #[test]
    fn rejects_like_go() {
        assert_eq!(
            GoDuration::parse("abc").unwrap_err().to_string(),
            "time: invalid duration \"abc\""
        );
        assert_eq!(
            GoDuration::parse("10").unwrap_err().to_string(),
            "time: missing unit in duration \"10\""
        );
        assert_eq!(
            GoDuration::parse("1d").unwrap_err().to_string(),
            "time: unknown unit \"d\" in duration \"1d\""
        );
        assert!(GoDuration::parse("").is_err());
        assert!(GoDuration::parse(".s").is_err());
        assert!(GoDuration::parse("99999999999h").is_err());
    }
}
