//! `kumactl generate zone-token` (Go's
//! `app/kumactl/cmd/generate/generate_zone_token.go`): a token for Zone Ingress/Egress
//! proxies, issued by the control plane or signed locally with `--signing-key-path`.

use super::{
    SigningArgs, StringSlice, TokenRequestError, check_offline_valid_for, post_token,
    require_token_flags, string_slice, token_client,
};
use crate::api::tokens::ZoneTokenRequest;
use crate::client::RequestError;
use crate::cmd::args::suggest_with;
use crate::cmd::context::RootContext;
use crate::duration::GoDuration;
use crate::tokens::zone::{self, ZoneClaims};
use anyhow::{anyhow, bail};
use clap::Args;

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
        value_parser = suggest_with(string_slice, &["ingress", "egress"]),
        hide_possible_values = true,
        default_value = "ingress,egress"
    )]
    pub scope: Vec<StringSlice>,
    /// how long the token will be valid (for example "24h")
    #[arg(long, value_name = "duration")]
    pub valid_for: Option<GoDuration>,
    #[command(flatten)]
    pub signing: SigningArgs,
}

pub fn run(ctx: &mut RootContext, args: ZoneTokenArgs) -> anyhow::Result<()> {
    require_token_flags(&[
        ("valid-for", args.valid_for.is_some()),
        ("zone", args.zone.is_some()),
    ])?;
    let zone = args.zone.unwrap_or_default();
    let valid_for = args.valid_for.unwrap_or_default();
    let scope = StringSlice::flatten(args.scope);
    let supported: Vec<String> = zone::FULL_SCOPE.map(String::from).to_vec();
    if scope.is_empty() {
        bail!(
            "--scope is empty: give at least one of {}, for example --scope egress",
            zone::go_slice(&supported)
        );
    }
    let unsupported = zone::unsupported_scopes(&scope);
    if !unsupported.is_empty() {
        bail!(
            "invalid --scope values: {} (supported scopes: {})",
            zone::go_slice(&unsupported),
            zone::go_slice(&supported)
        );
    }
    args.signing.check()?;
    let token = if args.signing.is_offline() {
        check_offline_valid_for(valid_for)?;
        args.signing
            .sign(valid_for, |registered| ZoneClaims {
                zone,
                scope: Some(scope),
                registered,
            })
            .map_err(|e| e.context("failed to generate a zone token"))?
    } else {
        let client = token_client(ctx, "zone")?;
        if scope.iter().any(|s| s == zone::EGRESS_SCOPE) {
            crate::cmd::legacy_egress::require_legacy(&client, "The egress scope of zone tokens")?;
        }
        let request = ZoneTokenRequest {
            zone,
            scope: Some(scope),
            valid_for: valid_for.to_string(),
        };
        post_token(&client, "/tokens/zone", &request).map_err(online_error)?
    };
    super::write_raw(&token)
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
        other => anyhow::Error::new(other).context("failed to generate a zone token"),
    }
}
