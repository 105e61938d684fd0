//! `kumactl generate dataplane-token` (Go's `app/kumactl/cmd/generate/`): a token
//! identifying a data plane proxy in a mesh.

use super::{SigningArgs, post_token, require_token_flags, token_client};
use crate::api::tokens::DataplaneTokenRequest;
use crate::cmd::args::{KeyValues, key_values, merge_key_values, suggest};
use crate::cmd::context::RootContext;
use crate::duration::GoDuration;
use crate::tokens::dataplane::{DataplaneClaims, tag_set};
use anyhow::bail;
use clap::Args;
use std::collections::BTreeMap;

/// The proxy types a dataplane token can be bound to, for completion.
const PROXY_TYPES: &[&str] = &["dataplane", "ingress"];

#[derive(Debug, Args)]
#[command(
    about = "Generate Dataplane Token",
    long_about = "Generate a Dataplane Token, the credential of a data plane proxy in a mesh.",
    after_help = "Examples:\n  \
        $ kumactl generate dataplane-token --mesh demo --tag kuma.io/service=web --valid-for 720h\n\n  \
        # a mesh-scoped zone egress (a Dataplane labelled kuma.io/workload: zone-egress)\n  \
        $ kumactl generate dataplane-token --mesh demo --name zone-egress-1 --workload zone-egress --valid-for 720h"
)]
pub struct DataplaneTokenArgs {
    /// name of the Dataplane
    #[arg(
        long,
        value_name = "string",
        default_value = "",
        hide_default_value = true
    )]
    pub name: String,
    /// mesh to use
    #[arg(short = 'm', long, value_name = "string", default_value = "default")]
    pub mesh: String,
    /// type of the Dataplane ("dataplane", "ingress")
    #[arg(long, value_name = "string", value_parser = suggest(PROXY_TYPES), hide_possible_values = true)]
    pub proxy_type: Option<String>,
    /// type of the Dataplane ("dataplane", "ingress")
    #[arg(long = "type", value_name = "string", hide = true, value_parser = suggest(PROXY_TYPES), hide_possible_values = true)]
    pub deprecated_type: Option<String>,
    /// required tag values for dataplane (split values by comma to provide multiple values)
    #[arg(long, value_name = "stringToString", value_parser = key_values)]
    pub tag: Vec<KeyValues>,
    /// required workload label value for dataplane
    #[arg(
        long,
        value_name = "string",
        default_value = "",
        hide_default_value = true
    )]
    pub workload: String,
    /// how long the token will be valid (for example "24h")
    #[arg(long, value_name = "duration")]
    pub valid_for: Option<GoDuration>,
    #[command(flatten)]
    pub signing: SigningArgs,
}

pub fn run(ctx: &mut RootContext, args: DataplaneTokenArgs) -> anyhow::Result<()> {
    if args.deprecated_type.is_some() {
        // cobra prints deprecation notices on stdout, where they end up in the token that
        // `> file` or `$(...)` captures; ours go to stderr.
        eprintln!("Flag --type has been deprecated, please use --proxy-type instead");
    }
    require_token_flags(&[("valid-for", args.valid_for.is_some())])?;
    // Go creates the client before anything else, even to sign offline.
    let client = token_client(ctx, "dataplane")?;
    args.signing.check()?;
    let valid_for = args.valid_for.unwrap_or_default();
    let proxy_type = args.proxy_type.or(args.deprecated_type).unwrap_or_default();
    // `--tag k=v1,v2` gives the values v1 and v2.
    let tags: BTreeMap<String, Vec<String>> = merge_key_values(&args.tag)
        .into_iter()
        .map(|(k, v)| (k, v.split(',').map(String::from).collect()))
        .collect();
    let generate = || -> anyhow::Result<String> {
        if valid_for.is_zero() {
            bail!("You must set a token validFor value");
        }
        if args.signing.is_offline() {
            super::check_offline_valid_for(valid_for)?;
            return args.signing.sign(valid_for, |registered| DataplaneClaims {
                name: args.name.clone(),
                mesh: args.mesh.clone(),
                tags: tag_set(&tags),
                proxy_type: proxy_type.clone(),
                workload: args.workload.clone(),
                registered,
            });
        }
        let request = DataplaneTokenRequest {
            name: args.name.clone(),
            mesh: args.mesh.clone(),
            tags: tags.clone(),
            proxy_type: proxy_type.clone(),
            workload: args.workload.clone(),
            valid_for: valid_for.to_string(),
        };
        post_token(&client, "/tokens/dataplane", &request).map_err(anyhow::Error::new)
    };
    let token = generate().map_err(|e| e.context("failed to generate a dataplane token"))?;
    super::write_raw(&token)
}
