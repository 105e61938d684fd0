//! `kumactl config view`: the loaded config, in the file's format.

use crate::cmd::context::RootContext;
use clap::Args;
use std::io::Write;

#[derive(Debug, Args)]
#[command(about = "Show kumactl config", long_about = "Show kumactl config.")]
pub struct ViewArgs {}

pub fn run(ctx: &mut RootContext, _args: ViewArgs) -> anyhow::Result<()> {
    // Go prints the YAML with Println, so the output ends with an empty line.
    writeln!(std::io::stdout().lock(), "{}", ctx.config().to_yaml())?;
    Ok(())
}
