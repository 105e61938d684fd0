//! `kumactl generate user-token` (Go's `app/kumactl/cmd/generate/`): a token
//! authenticating a user of the API.

use super::{
    SigningArgs, StringSlice, post_token, require_token_flags, string_slice, token_client,
};
use crate::api::tokens::UserTokenRequest;
use crate::cmd::context::RootContext;
use crate::duration::GoDuration;
use crate::tokens::user::UserClaims;
use anyhow::Context;
use clap::Args;

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
    #[command(flatten)]
    pub signing: SigningArgs,
    /// Go kumactl accepts and ignores positional arguments here.
    #[arg(hide = true, value_name = "ignored")]
    pub ignored: Vec<String>,
}

pub fn run(ctx: &mut RootContext, args: UserTokenArgs) -> anyhow::Result<()> {
    require_token_flags(&[
        ("name", args.name.is_some()),
        ("valid-for", args.valid_for.is_some()),
    ])?;
    args.signing.check()?;
    let name = args.name.unwrap_or_default();
    let valid_for = args.valid_for.unwrap_or_default();
    // Go's nil slice when no --group is given.
    let groups = (!args.group.is_empty()).then(|| StringSlice::flatten(args.group));
    let token = if args.signing.is_offline() {
        super::check_offline_valid_for(valid_for)?;
        args.signing
            .sign(valid_for, |registered| UserClaims {
                name,
                groups,
                registered,
            })
            .map_err(|e| e.context("failed to generate a user token"))?
    } else {
        let client = token_client(ctx, "user")?;
        let request = UserTokenRequest {
            name,
            groups,
            valid_for: valid_for.to_string(),
        };
        post_token(&client, "/tokens/user", &request).context("failed to generate a user token")?
    };
    super::write_raw(&token)
}
