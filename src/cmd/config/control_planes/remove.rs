//! `kumactl config control-planes remove --name N`.

use crate::cmd::args::require_flags;
use crate::cmd::context::RootContext;
use clap::Args;
use std::io::Write;

#[derive(Debug, Args)]
#[command(
    about = "Remove a Control Plane",
    long_about = "Remove a Control Plane."
)]
pub struct RemoveArgs {
    /// reference name for the Control Plane (required)
    #[arg(long, value_name = "string")]
    pub name: Option<String>,
}

pub fn run(ctx: &mut RootContext, args: RemoveArgs) -> anyhow::Result<()> {
    require_flags(&[("name", args.name.is_some())])?;
    let name = args.name.unwrap_or_default();
    let config = ctx.config_mut();
    if config.control_plane(&name).is_none() {
        return Err(super::no_such_control_plane(&name));
    }
    config.control_planes.retain(|cp| cp.name != name);
    config.contexts.retain(|c| c.control_plane != name);
    if config.context(&config.current_context).is_none() {
        config.current_context = config
            .contexts
            .first()
            .map(|c| c.name.clone())
            .unwrap_or_default();
    }
    let now_active = config
        .context(&config.current_context)
        .map(|c| c.control_plane.clone());
    ctx.save_config()?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "removed Control Plane {name:?}")?;
    match now_active {
        Some(active) => writeln!(out, "switched active Control Plane to {active:?}")?,
        None => writeln!(
            out,
            "there is no active Control Plane left. Use `kumactl config control-planes add` to add a Control Plane and make it active"
        )?,
    }
    Ok(())
}
