//! `kumactl migrate ...` (no Go kumactl has it): plans that move a zone off resources
//! Kuma 3.0 removes.

pub mod zone_egress;

use super::context::RootContext;
use clap::{Args, Subcommand};

#[derive(Debug, Args)]
#[command(
    about = "Move off resources that Kuma 3.0 removes",
    long_about = "Move off resources that Kuma 3.0 removes: check what a migration needs, print the new configuration, and optionally create it."
)]
pub struct MigrateArgs {
    #[command(subcommand)]
    pub command: MigrateCommand,
}

#[derive(Debug, Subcommand)]
pub enum MigrateCommand {
    ZoneEgress(zone_egress::ZoneEgressArgs),
}

pub fn run(ctx: &mut RootContext, args: MigrateArgs) -> anyhow::Result<()> {
    match args.command {
        MigrateCommand::ZoneEgress(args) => zone_egress::run(ctx, args),
    }
}
