//! `kumactl generate user-token` (cli.md §6.3): a token authenticating a user of the API.

use super::{
    StringSlice, check_kid, post_token, read_signing_key, require_token_flags, string_slice,
};
use crate::api::tokens::UserTokenRequest;
use crate::cmd::context::RootContext;
use crate::duration::GoDuration;
use crate::tokens::jwt::{RegisteredClaims, sign_rs256};
use crate::tokens::user::UserClaims;
use anyhow::anyhow;
use clap::Args;
use std::time::SystemTime;

#[derive(Debug, Args)]
#[command(
    about = "Generate User Token",
    long_about = "Generate a User Token, the credential of a user of the control plane API.",
    after_help = "Examples:\n  \
        $ kumactl generate user-token --name john.doe@example.com --group users --valid-for 24h"
)]
pub struct UserTokenArgs {
    /// name of the user
    #[arg(long, value_name = "string")]
    pub name: Option<String>,
    /// group of the user
    #[arg(long, value_name = "strings", value_parser = string_slice)]
    pub group: Vec<StringSlice>,
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
    /// Go kumactl accepts and ignores positional arguments here.
    #[arg(hide = true, value_name = "ignored")]
    pub ignored: Vec<String>,
}

pub fn run(ctx: &mut RootContext, args: UserTokenArgs) -> anyhow::Result<()> {
    require_token_flags(&[
        ("name", args.name.is_some()),
        ("valid-for", args.valid_for.is_some()),
    ])?;
    check_kid(&args.signing_key_path, &args.kid)?;
    let name = args.name.unwrap_or_default();
    let valid_for = args.valid_for.unwrap_or_default();
    // Go's nil slice when no --group is given.
    let groups = (!args.group.is_empty()).then(|| StringSlice::flatten(args.group));
    let token = if args.signing_key_path.is_empty() {
        let client = ctx
            .api_client()
            .map_err(|e| anyhow!("failed to create user token client: {e:#}"))?;
        let request = UserTokenRequest {
            name,
            groups,
            valid_for: valid_for.to_string(),
        };
        post_token(&client, "/tokens/user", &request)
            .map_err(|e| e.into_anyhow().context("failed to generate a user token"))?
    } else {
        let sign = || -> anyhow::Result<String> {
            let key = read_signing_key(&args.signing_key_path)?;
            let claims = UserClaims {
                name,
                groups,
                registered: RegisteredClaims::issued(SystemTime::now(), valid_for),
            };
            Ok(sign_rs256(&args.kid, &claims, &key)?)
        };
        sign().map_err(|e| e.context("failed to generate a user token"))?
    };
    super::write_raw(&token)
}
