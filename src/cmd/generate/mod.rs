//! `kumactl generate ...` (Go's `app/kumactl/cmd/generate/`): tokens and signing keys.
//! Go checks the server's version for the whole group, even for sub-commands that never
//! need the control plane. We check it only when the control plane is asked for a token:
//! `signing-key`, `public-key`, `tls-certificate` and offline signing
//! (`--signing-key-path`) contact nothing.

pub mod dataplane_token;
pub mod public_key;
pub mod signing_key;
pub mod tls_certificate;
pub mod user_token;
pub mod zone_token;

use super::context::RootContext;
use crate::client::{ApiClient, RequestError};
use crate::duration::GoDuration;
use crate::files;
use crate::tokens::jwt::{RegisteredClaims, sign_rs256};
use crate::tokens::keys;
use anyhow::{Context, anyhow, bail};
use clap::{Args, Subcommand};
use reqwest::Method;
use serde::Serialize;
use std::io::Write;
use std::path::Path;
use std::time::SystemTime;

#[derive(Debug, Args)]
#[command(
    about = "Generate resources, tokens, etc",
    long_about = "Generate resources, tokens, etc."
)]
pub struct GenerateArgs {
    #[command(subcommand)]
    pub command: GenerateCommand,
}

#[derive(Debug, Subcommand)]
pub enum GenerateCommand {
    DataplaneToken(dataplane_token::DataplaneTokenArgs),
    PublicKey(public_key::PublicKeyArgs),
    SigningKey(signing_key::SigningKeyArgs),
    TlsCertificate(tls_certificate::TlsCertificateArgs),
    UserToken(user_token::UserTokenArgs),
    ZoneToken(zone_token::ZoneTokenArgs),
}

pub fn run(ctx: &mut RootContext, args: GenerateArgs) -> anyhow::Result<()> {
    if args.command.uses_control_plane() {
        ctx.check_compatibility();
    }
    match args.command {
        GenerateCommand::DataplaneToken(args) => dataplane_token::run(ctx, args),
        GenerateCommand::PublicKey(args) => public_key::run(ctx, args),
        GenerateCommand::SigningKey(args) => signing_key::run(ctx, args),
        GenerateCommand::TlsCertificate(args) => tls_certificate::run(args),
        GenerateCommand::UserToken(args) => user_token::run(ctx, args),
        GenerateCommand::ZoneToken(args) => zone_token::run(ctx, args),
    }
}

impl GenerateCommand {
    /// Whether the command asks the control plane for a token (and so checks its version
    /// first).
    fn uses_control_plane(&self) -> bool {
        match self {
            GenerateCommand::DataplaneToken(args) => !args.signing.is_offline(),
            GenerateCommand::UserToken(args) => !args.signing.is_offline(),
            GenerateCommand::ZoneToken(args) => !args.signing.is_offline(),
            GenerateCommand::PublicKey(_)
            | GenerateCommand::SigningKey(_)
            | GenerateCommand::TlsCertificate(_) => false,
        }
    }
}

/// cobra's required-flag check; a missing `--valid-for` also gets an example, since
/// there is no default and the first attempt usually forgets it.
pub(crate) fn require_token_flags(flags: &[(&str, bool)]) -> anyhow::Result<()> {
    super::args::require_flags(flags).map_err(|err| {
        let valid_for_missing = flags.iter().any(|(name, set)| *name == "valid-for" && !set);
        if valid_for_missing {
            anyhow!(
                "{err}\n--valid-for sets how long the token will be valid, for example --valid-for 720h (30 days)"
            )
        } else {
            err
        }
    })
}

/// Offline, no control plane checks `--valid-for`: a zero or negative one would sign a
/// token that is born expired.
pub(crate) fn check_offline_valid_for(valid_for: GoDuration) -> anyhow::Result<()> {
    if valid_for.as_nanos() <= 0 {
        bail!(
            "--valid-for must be a positive duration, got {valid_for}: for example --valid-for 720h (30 days)"
        );
    }
    Ok(())
}

/// One occurrence of a pflag `strings` flag (`--scope`, `--group`): comma-separated
/// values, and none at all for an empty value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StringSlice(pub Vec<String>);

impl StringSlice {
    /// All occurrences, in order.
    pub fn flatten(occurrences: Vec<StringSlice>) -> Vec<String> {
        occurrences.into_iter().flat_map(|s| s.0).collect()
    }
}

/// clap value parser for `strings` flags.
pub fn string_slice(raw: &str) -> Result<StringSlice, String> {
    if raw.is_empty() {
        return Ok(StringSlice(Vec::new()));
    }
    Ok(StringSlice(raw.split(',').map(String::from).collect()))
}

/// `--signing-key-path` and `--kid`, shared by the token commands: sign the token here
/// with a key file instead of asking the control plane for it.
#[derive(Debug, Args)]
pub struct SigningArgs {
    #[arg(
        long,
        value_name = "string",
        default_value = "",
        hide_default_value = true,
        help = "path to a file that contains private signing key. When specified, control plane won't be used to issue the token."
    )]
    pub signing_key_path: String,
    #[arg(
        long,
        value_name = "string",
        default_value = "",
        hide_default_value = true,
        help = "ID of the key that is used to issue a token. Required when --signing-key-path is used."
    )]
    pub kid: String,
}

impl SigningArgs {
    /// `--kid` goes with `--signing-key-path` and only with it (Go's texts, wording
    /// included).
    pub fn check(&self) -> anyhow::Result<()> {
        if self.is_offline() && self.kid.is_empty() {
            bail!("--kid is required when --signing-key-path is used");
        }
        if !self.is_offline() && !self.kid.is_empty() {
            bail!("--kid cannot be used when --signing-key-path is used");
        }
        Ok(())
    }

    /// Whether the token is signed here (`--signing-key-path`) rather than issued by the
    /// control plane.
    pub fn is_offline(&self) -> bool {
        !self.signing_key_path.is_empty()
    }

    /// Signs the claims that `claims` builds around Kuma's registered claims (issued now,
    /// valid for `valid_for`) with the key file, under `--kid`.
    pub fn sign<C: Serialize>(
        &self,
        valid_for: GoDuration,
        claims: impl FnOnce(RegisteredClaims) -> C,
    ) -> anyhow::Result<String> {
        let key = keys::private_key_from_pem(&read_file(&self.signing_key_path)?)?;
        warn_key_permissions(&self.signing_key_path);
        let claims = claims(RegisteredClaims::issued(SystemTime::now(), valid_for));
        Ok(sign_rs256(&self.kid, &claims, &key)?)
    }
}

/// The client that asks the control plane for a `kind` token, with Go's error when the
/// current control plane is not usable (`failed to create zone token client: ...`).
pub(crate) fn token_client(ctx: &RootContext, kind: &str) -> anyhow::Result<ApiClient> {
    ctx.api_client()
        .map_err(|e| anyhow!("failed to create {kind} token client: {e:#}"))
}

/// A key file's bytes; Go's error for an unreadable file: `open <path>: <reason>`.
pub(crate) fn read_file(path: &str) -> anyhow::Result<Vec<u8>> {
    Ok(files::read_bounded(Path::new(path), files::PEM_FILE_LIMIT)?)
}

/// Warns on stderr when a private key file is readable by group or others. Called once
/// the file has proved to hold a private key: a public key is no secret, and a file that
/// is no key at all deserves its error first.
pub(crate) fn warn_key_permissions(path: &str) {
    if let Some(warning) = keys::permission_warning(Path::new(path)) {
        eprintln!("{warning}");
    }
}

/// Why an online token request failed: the answer, or no answer.
#[derive(Debug, thiserror::Error)]
pub(crate) enum TokenRequestError {
    // Not a `source`: the text already holds the cause, which must not print twice.
    #[error("could not execute the request: {0}")]
    Transport(crate::client::TransportError),
    #[error(transparent)]
    Answer(RequestError),
}

/// `POST <path>` with a JSON body; a 200 answer's body is the token.
pub(crate) fn post_token<B: Serialize>(
    client: &ApiClient,
    path: &str,
    body: &B,
) -> Result<String, TokenRequestError> {
    let body = serde_json::to_vec(body).expect("token requests always serialize");
    let response = client
        .send(Method::POST, path, Some(body))
        .map_err(TokenRequestError::Transport)?;
    if response.status != 200 {
        return Err(TokenRequestError::Answer(response.error()));
    }
    Ok(response.text())
}

/// Tokens and keys go to stdout exactly as they are, without a trailing newline.
pub(crate) fn write_raw(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .context("could not write to stdout")
}
