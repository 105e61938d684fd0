//! `kumactl config control-planes add|list|remove|switch` (Go:
//! `app/kumactl/cmd/config/`).

pub mod add;
pub mod list;
pub mod remove;
pub mod switch;

use crate::cmd::context::RootContext;
use clap::{Args, Subcommand};

#[derive(Debug, Args)]
#[command(
    about = "Manage known Control Planes",
    long_about = "Manage known Control Planes."
)]
pub struct ControlPlanesArgs {
    #[command(subcommand)]
    pub command: ControlPlanesCommand,
}

#[derive(Debug, Subcommand)]
pub enum ControlPlanesCommand {
    Add(add::AddArgs),
    List(list::ListArgs),
    Remove(remove::RemoveArgs),
    Switch(switch::SwitchArgs),
}

pub fn run(ctx: &mut RootContext, args: ControlPlanesArgs) -> anyhow::Result<()> {
    match args.command {
        ControlPlanesCommand::Add(args) => add::run(ctx, args),
        ControlPlanesCommand::List(args) => list::run(ctx, args),
        ControlPlanesCommand::Remove(args) => remove::run(ctx, args),
        ControlPlanesCommand::Switch(args) => switch::run(ctx, args),
    }
}

/// `there is no Control Plane with name "N"`, shared by remove and switch.
pub fn no_such_control_plane(name: &str) -> anyhow::Error {
    anyhow::anyhow!("there is no Control Plane with name {name:?}")
}
