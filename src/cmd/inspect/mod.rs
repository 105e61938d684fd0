//! `kumactl inspect ...` (cli.md §4.6): detailed views of resources, and (ours) of zone
//! tokens.

pub mod zone_token;

use super::context::RootContext;
use clap::{Args, Subcommand};

#[derive(Debug, Args)]
#[command(
    about = "Inspect Kuma resources",
    long_about = "Inspect Kuma resources."
)]
pub struct InspectArgs {
    /// output format: one of table|yaml|json
    #[arg(
        short = 'o',
        long,
        global = true,
        value_name = "string",
        default_value = "table"
    )]
    pub output: String,
    #[command(subcommand)]
    pub command: InspectCommand,
}

#[derive(Debug, Subcommand)]
pub enum InspectCommand {
    ZoneToken(zone_token::ZoneTokenArgs),
}

pub fn run(ctx: &mut RootContext, args: InspectArgs) -> anyhow::Result<()> {
    match args.command {
        // Purely local: no compatibility check, nothing is sent anywhere.
        InspectCommand::ZoneToken(sub) => zone_token::run(ctx, &args.output, sub),
    }
}
