//! `kumactl generate zone-token` (cli.md §6.1): a token for Zone Ingress/Egress proxies,
//! issued by the control plane or signed locally with `--signing-key-path`.

use super::{
    StringSlice, TokenRequestError, check_kid, post_token, read_signing_key, require_token_flags,
    string_slice,
};
use crate::api::tokens::ZoneTokenRequest;
use crate::client::RequestError;
use crate::cmd::context::RootContext;
use crate::duration::GoDuration;
use crate::tokens::jwt::{RegisteredClaims, sign_rs256};
use crate::tokens::zone::{self, ZoneClaims};
use anyhow::{anyhow, bail};
use clap::Args;
use std::time::SystemTime;

/// The title Kuma answers when it holds no private key to sign with.
const SIGNING_KEY_NOT_FOUND: &str = "Signing Key not found";

#[derive(Debug, Args)]
#[command(
    about = "Generate Zone Token",
    long_about = "Generate a Zone Token, the credential of Zone Ingress and Zone Egress proxies.",
    after_help = "Examples:\n  \
        Generate token using a control plane\n  \
        $ kumactl generate zone-token --zone zone-1 --valid-for 720h --scope egress\n\n  \
        Generate token using a signing key (offline)\n  \
        $ kumactl generate zone-token --zone zone-1 --valid-for 720h --scope egress --signing-key-path /keys/key.pem --kid 1"
)]
pub struct ZoneTokenArgs {
    /// name of the zone where resides
    #[arg(long, value_name = "string")]
    pub zone: Option<String>,
    /// scope of resources which the token will be able to identify (can be: [ingress egress])
    #[arg(
        long,
        value_name = "strings",
        value_parser = string_slice,
        default_value = "ingress,egress"
    )]
    pub scope: Vec<StringSlice>,
    /// how long the token will be valid (for example "24h")
    #[arg(long, value_name = "duration")]
    pub valid_for: Option<GoDuration>,
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

pub fn run(ctx: &mut RootContext, args: ZoneTokenArgs) -> anyhow::Result<()> {
    require_token_flags(&[
        ("valid-for", args.valid_for.is_some()),
        ("zone", args.zone.is_some()),
    ])?;
    let zone = args.zone.unwrap_or_default();
    let valid_for = args.valid_for.unwrap_or_default();
    let scope = StringSlice::flatten(args.scope);
    let unsupported = zone::unsupported_scopes(&scope);
    if !unsupported.is_empty() {
        let supported: Vec<String> = zone::FULL_SCOPE.map(String::from).to_vec();
        bail!(
            "invalid --scope values: {} (supported scopes: {})",
            zone::go_slice(&unsupported),
            zone::go_slice(&supported)
        );
    }
    check_kid(&args.signing_key_path, &args.kid)?;
    let token = if args.signing_key_path.is_empty() {
        let client = ctx
            .api_client()
            .map_err(|e| anyhow!("failed to create zone token client: {e:#}"))?;
        let request = ZoneTokenRequest {
            zone,
            scope: Some(scope),
            valid_for: valid_for.to_string(),
        };
        post_token(&client, "/tokens/zone", &request).map_err(online_error)?
    } else {
        sign_offline(&args.signing_key_path, &args.kid, zone, scope, valid_for)
            .map_err(|e| e.context("failed to generate a zone token"))?
    };
    super::write_raw(&token)
}

fn sign_offline(
    path: &str,
    kid: &str,
    zone: String,
    scope: Vec<String>,
    valid_for: GoDuration,
) -> anyhow::Result<String> {
    let key = read_signing_key(path)?;
    let claims = ZoneClaims {
        zone,
        scope: Some(scope),
        registered: RegisteredClaims::issued(SystemTime::now(), valid_for),
    };
    Ok(sign_rs256(kid, &claims, &key)?)
}

/// A missing signing key usually means a federated zone, which holds only the public
/// keys; say where zone tokens come from instead.
fn online_error(err: TokenRequestError) -> anyhow::Error {
    match err {
        TokenRequestError::Answer(RequestError::Api(api)) if api.title == SIGNING_KEY_NOT_FOUND => {
            anyhow!(
                "{}\nZone tokens for a zone of a multizone deployment are issued by the global control plane: run this command against the global control plane.",
                api.formatted()
            )
        }
        other => other
            .into_anyhow()
            .context("failed to generate a zone token"),
    }
}
