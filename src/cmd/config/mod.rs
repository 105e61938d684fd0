//! `kumactl config ...`: the kumactl config file (Go: `app/kumactl/cmd/config/`).

pub mod control_planes;
pub mod view;

use super::context::RootContext;
use clap::{Args, Subcommand};

#[derive(Debug, Args)]
#[command(
    about = "Modify kumactl config files",
    long_about = "Modify kumactl config files."
)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub command: ConfigCommand,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    ControlPlanes(control_planes::ControlPlanesArgs),
    View(view::ViewArgs),
}

pub fn run(ctx: &mut RootContext, args: ConfigArgs) -> anyhow::Result<()> {
    match args.command {
        ConfigCommand::ControlPlanes(args) => control_planes::run(ctx, args),
        ConfigCommand::View(args) => view::run(ctx, args),
    }
}
