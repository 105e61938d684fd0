//! `kumactl install ...`: manifests for Kuma components.

pub mod control_plane;
pub mod crds;
pub mod demo;

use super::context::RootContext;
use clap::{Args, Subcommand};

#[derive(Debug, Args)]
#[command(
    about = "Install various Kuma components.",
    long_about = "Install various Kuma components."
)]
pub struct InstallArgs {
    #[command(subcommand)]
    pub command: InstallCommand,
}

#[derive(Debug, Subcommand)]
pub enum InstallCommand {
    // Boxed: the many flags would make every Command value large.
    ControlPlane(Box<control_plane::ControlPlaneArgs>),
    Crds(crds::CrdsArgs),
    Demo(demo::DemoArgs),
}

pub fn run(ctx: &mut RootContext, args: InstallArgs) -> anyhow::Result<()> {
    match args.command {
        InstallCommand::ControlPlane(args) => control_plane::run(ctx, *args),
        InstallCommand::Crds(args) => crds::run(ctx, args),
        InstallCommand::Demo(args) => demo::run(ctx, args),
    }
}
