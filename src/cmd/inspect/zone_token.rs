//! `kumactl inspect zone-token [TOKEN|-]` (ours): decodes a zone token locally and, given
//! a key, verifies it the way the control plane does. Tokens are credentials: this
//! replaces pasting them into web decoders, and nothing is sent over the network.

use crate::cmd::context::RootContext;
use crate::output::age::duration_cell;
use crate::output::escape_controls;
use crate::output::resources::Format;
use crate::tokens::jwt::{self, Unverified};
use crate::tokens::keys;
use crate::tokens::validator::{self, SingleKey, Wording};
use crate::tokens::zone::ZoneClaims;
use anyhow::{anyhow, bail};
use chrono::{DateTime, Utc};
use clap::Args;
use serde::Serialize;
use std::io::{IsTerminal, Read, Write};
use std::time::SystemTime;

#[derive(Debug, Args)]
#[command(
    about = "Inspect a Zone Token",
    long_about = "Decode a Zone Token locally: key ID, zone, scope, validity and token ID.\n\
                  With --public-key-path or --signing-key-path, also verify its signature and \
                  expiry (exit code 1 when it is not valid). The token is never sent anywhere.",
    after_help = "Examples:\n  \
        $ kumactl inspect zone-token \"$(cat /path/to/token)\"\n  \
        $ kumactl inspect zone-token - --public-key-path key.pub < /path/to/token"
)]
pub struct ZoneTokenArgs {
    /// the token, or - to read it from stdin (the default when stdin is not a terminal)
    #[arg(value_name = "TOKEN|-")]
    pub token: Option<String>,
    /// path to a PEM public key (RSA PUBLIC KEY or PUBLIC KEY) to verify the token with
    #[arg(long, value_name = "string", conflicts_with = "signing_key_path")]
    pub public_key_path: Option<String>,
    /// path to the PEM private signing key whose public half verifies the token
    #[arg(long, value_name = "string")]
    pub signing_key_path: Option<String>,
}

/// What we print, also the `-o json|yaml` document.
#[derive(Debug, Serialize)]
struct Inspection {
    algorithm: String,
    kid: Option<String>,
    zone: String,
    scope: Option<Vec<String>>,
    #[serde(rename = "issuedAt")]
    issued_at: Option<String>,
    #[serde(rename = "notBefore")]
    not_before: Option<String>,
    #[serde(rename = "expiresAt")]
    expires_at: Option<String>,
    expired: bool,
    jti: String,
    /// `not verified`, `valid` or `invalid`.
    verification: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

fn read_token(arg: Option<String>) -> anyhow::Result<String> {
    let raw = match arg.as_deref() {
        Some("-") => read_stdin()?,
        Some(token) => token.to_string(),
        None if std::io::stdin().is_terminal() => {
            bail!("no token given: pass it as an argument, or - to read it from stdin")
        }
        None => read_stdin()?,
    };
    let token = raw.trim().to_string();
    if token.is_empty() {
        bail!("the token is empty");
    }
    Ok(token)
}

fn read_stdin() -> anyhow::Result<String> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| anyhow!("could not read the token from stdin: {e}"))?;
    Ok(text)
}

fn verification_key(args: &ZoneTokenArgs) -> anyhow::Result<Option<rsa::RsaPublicKey>> {
    if let Some(path) = &args.public_key_path {
        let bytes = crate::cmd::generate::read_file(path)
            .map_err(|e| anyhow!("could not read the public key: {e:#}"))?;
        let key = keys::public_key_from_pem(&bytes)
            .map_err(|e| anyhow!("could not read the public key {path}: {e}"))?;
        return Ok(Some(key));
    }
    if let Some(path) = &args.signing_key_path {
        let bytes = crate::cmd::generate::read_file(path)
            .map_err(|e| anyhow!("could not read the signing key: {e:#}"))?;
        let key = keys::private_key_from_pem(&bytes)
            .map_err(|e| anyhow!("could not read the signing key {path}: {e}"))?;
        crate::cmd::generate::warn_key_permissions(path);
        return Ok(Some(key.to_public_key()));
    }
    Ok(None)
}

/// `secs` since the epoch as `2025-05-01T10:00:00Z`, for any `i64`: a token may carry a
/// far-future `exp` (year 9999, or past chrono's range), which is still a date to show.
/// Years past 9999 are written in full, as Go's `time.Format` writes them.
fn date_text(secs: i64) -> String {
    let days = i128::from(secs.div_euclid(86_400));
    let of_day = secs.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        of_day / 3600,
        of_day / 60 % 60,
        of_day % 60
    )
}

/// The proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's
/// `civil_from_days`), in `i128` so that no `i64` second overflows it.
fn civil_from_days(days: i128) -> (i128, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i128::from(month <= 2);
    (year, month, day)
}

/// `2025-05-01T10:00:00Z (5m ago)` / `(in 29d)`.
fn with_relative(secs: Option<i64>, now: DateTime<Utc>) -> String {
    let Some(secs) = secs else {
        return "-".into();
    };
    // In nanoseconds, truncated toward zero like chrono's `num_seconds`.
    let now_nanos =
        i128::from(now.timestamp()) * 1_000_000_000 + i128::from(now.timestamp_subsec_nanos());
    let delta = (now_nanos - i128::from(secs) * 1_000_000_000) / 1_000_000_000;
    let cell = |seconds: i128| match i64::try_from(seconds) {
        // Past Go's duration range (292 years), AGE cells stop counting: count years here.
        Ok(seconds) if seconds < 200 * 365 * 86_400 => duration_cell(seconds),
        _ => format!("{}y", seconds / (365 * 86_400)),
    };
    let relative = if delta >= 0 {
        format!("{} ago", cell(delta))
    } else {
        format!("in {}", cell(-delta))
    };
    format!("{} ({relative})", date_text(secs))
}

pub fn run(_ctx: &mut RootContext, output: &str, args: ZoneTokenArgs) -> anyhow::Result<()> {
    let format: Format = output.parse().map_err(anyhow::Error::msg)?;
    let key = verification_key(&args)?;
    let token = read_token(args.token)?;
    let decoded: Unverified<ZoneClaims> =
        jwt::parse_unverified::<ZoneClaims, std::convert::Infallible>(&token)
            .map_err(|e| anyhow!("could not decode the zone token: {e}"))?;
    let now = SystemTime::now();
    let now_utc: DateTime<Utc> = now.into();
    let claims = &decoded.claims;
    let registered = &claims.registered;
    let verdict = key.map(|key| {
        validator::validate::<ZoneClaims>(&token, &SingleKey(key), Wording::Plain, now)
            .map(|_| ())
            .map_err(|e| e.to_string())
    });
    let rfc3339 = |secs: Option<i64>| secs.map(date_text);
    let inspection = Inspection {
        algorithm: decoded.alg.clone(),
        kid: decoded.kid().map(String::from),
        zone: claims.zone.clone(),
        scope: claims.scope.clone(),
        issued_at: rfc3339(registered.iat),
        not_before: rfc3339(registered.nbf),
        expires_at: rfc3339(registered.exp),
        expired: jwt::check_times(registered, now).contains(&jwt::ClaimFailure::Expired),
        jti: registered.jti.clone(),
        verification: match &verdict {
            None => "not verified".into(),
            Some(Ok(())) => "valid".into(),
            Some(Err(_)) => "invalid".into(),
        },
        error: verdict.as_ref().and_then(|v| v.clone().err()),
    };
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            out.write_all(crate::output::json::to_go_indented(&inspection, "  ").as_bytes())?
        }
        Format::Yaml => {
            out.write_all(crate::output::yaml::to_string_from(&inspection)?.as_bytes())?
        }
        Format::Table => {
            // Whoever made the token chose these texts: they must not drive the terminal.
            let zone = if claims.zone.is_empty() {
                "(empty: valid in any zone)".to_string()
            } else {
                escape_controls(&claims.zone)
            };
            let scope = match &claims.scope {
                Some(scope) => escape_controls(&format!("[{}]", scope.join(" "))),
                None => "(none)".into(),
            };
            let rows = [
                ("ALGORITHM", decoded.alg.clone()),
                (
                    "KEY ID",
                    escape_controls(decoded.kid().unwrap_or("(missing)")),
                ),
                ("ZONE", zone),
                ("SCOPE", scope),
                ("ISSUED AT", with_relative(registered.iat, now_utc)),
                ("NOT BEFORE", with_relative(registered.nbf, now_utc)),
                ("EXPIRES AT", with_relative(registered.exp, now_utc)),
                ("TOKEN ID", escape_controls(&registered.jti)),
                (
                    "VERIFICATION",
                    match &verdict {
                        None => "not verified (pass --public-key-path or --signing-key-path)"
                            .into(),
                        Some(Ok(())) => "valid signature, not expired (revocations are known to the control plane only)".into(),
                        Some(Err(_)) => "INVALID".into(),
                    },
                ),
            ];
            for (label, value) in rows {
                writeln!(out, "{:<14}{value}", format!("{label}:"))?;
            }
        }
    }
    out.flush()?;
    match verdict {
        Some(Err(reason)) => bail!("the token is not valid: {reason}"),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_any_i64_seconds() {
        for secs in [
            0,
            1,
            951_782_400,
            1_746_093_600,
            -1,
            -86_401,
            253_402_300_799,
        ] {
            let chrono = DateTime::from_timestamp(secs, 0).unwrap();
            assert_eq!(
                date_text(secs),
                chrono.format("%Y-%m-%dT%H:%M:%SZ").to_string()
            );
        }
        assert_eq!(date_text(253_402_300_800), "10000-01-01T00:00:00Z");
        assert_eq!(date_text(i64::MAX), "292277026596-12-04T15:30:07Z");
    }

    #[test]
    fn far_future_expiries_count_their_years() {
        let now = DateTime::from_timestamp(1_767_225_600, 0).unwrap(); // 2026-01-01
        assert_eq!(
            with_relative(Some(253_402_300_799), now),
            "9999-12-31T23:59:59Z (in 7979y)"
        );
        assert_eq!(
            with_relative(Some(1_767_225_600 + 3600), now),
            "2026-01-01T01:00:00Z (in 1h)"
        );
        assert_eq!(
            with_relative(Some(i64::MAX), now),
            "292277026596-12-04T15:30:07Z (in 292471208621y)"
        );
    }
}
