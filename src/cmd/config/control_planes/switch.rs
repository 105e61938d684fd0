//! `kumactl config control-planes switch --name N`.

use crate::cmd::args::require_flags;
use crate::cmd::context::RootContext;
use clap::Args;
use std::io::Write;

#[derive(Debug, Args)]
#[command(
    about = "Switch active Control Plane",
    long_about = "Switch active Control Plane."
)]
pub struct SwitchArgs {
    /// reference name for the Control Plane (required)
    #[arg(long, value_name = "string")]
    pub name: Option<String>,
}

pub fn run(ctx: &mut RootContext, args: SwitchArgs) -> anyhow::Result<()> {
    require_flags(&[("name", args.name.is_some())])?;
    let name = args.name.unwrap_or_default();
    if ctx.config().context(&name).is_none() {
        return Err(super::no_such_control_plane(&name));
    }
    ctx.config_mut().current_context = name.clone();
    ctx.save_config()?;
    writeln!(
        std::io::stdout().lock(),
        "switched active Control Plane to {name:?}"
    )?;
    Ok(())
}
