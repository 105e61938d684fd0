//! The AGE-style cells of kumactl tables (`pkg/output/table/cells.go`).

use chrono::{DateTime, Utc};

/// Go's `time.Time.Sub` saturates at the limits of `time.Duration` (about 292 years).
const MAX_GO_DURATION_SECS: i64 = i64::MAX / 1_000_000_000;

/// Formats `now - then` like kumactl: `never` for the future, else `Ns`, `Nm`, `Nh`, `Nd`, `Ny`.
/// A zero time (`0001-01-01`) therefore shows as `292y`, as in Go.
pub fn since(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let nanos = now
        .signed_duration_since(then)
        .num_nanoseconds()
        .unwrap_or(if now > then { i64::MAX } else { i64::MIN });
    duration_cell(nanos / 1_000_000_000)
}

/// `table.Duration` on a number of whole seconds (truncated toward zero).
pub fn duration_cell(seconds: i64) -> String {
    let seconds = seconds.clamp(-MAX_GO_DURATION_SECS, MAX_GO_DURATION_SECS);
    if seconds < -1 {
        return "never".into();
    }
    if seconds == -1 {
        return "0s".into();
    }
    if seconds < 60 {
        return format!("{seconds}s");
    }
    let minutes = seconds / 60;
    if minutes < 60 {
        return format!("{minutes}m");
    }
    let hours = minutes / 60;
    if hours < 24 {
        return format!("{hours}h");
    }
    let days = hours / 24;
    if days < 365 {
        return format!("{days}d");
    }
    format!("{}y", days / 365)
}

/// The AGE of a resource from its RFC 3339 `modificationTime`; unparsable times count as
/// the zero time, as Go's decoder leaves them.
pub fn age_of(timestamp: &str, now: DateTime<Utc>) -> String {
    let then = DateTime::parse_from_rfc3339(timestamp)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(DateTime::<Utc>::MIN_UTC);
    since(then, now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_like_go() {
        assert_eq!(duration_cell(-5), "never");
        assert_eq!(duration_cell(-1), "0s");
        assert_eq!(duration_cell(0), "0s");
        assert_eq!(duration_cell(59), "59s");
        assert_eq!(duration_cell(60), "1m");
        assert_eq!(duration_cell(7200), "2h");
        assert_eq!(duration_cell(86400 * 3), "3d");
        assert_eq!(duration_cell(86400 * 800), "2y");
    }

    #[test]
    fn zero_time_is_292_years() {
        let now = DateTime::parse_from_rfc3339("2019-07-17T18:08:41Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(age_of("0001-01-01T00:00:00Z", now), "292y");
        assert_eq!(age_of("2019-07-17T16:05:36.995Z", now), "2h");
    }
}
