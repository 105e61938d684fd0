//! `kumactl config control-planes list`.

use crate::cmd::context::RootContext;
use crate::output::table;
use clap::Args;
use std::io::Write;

#[derive(Debug, Args)]
#[command(about = "List Control Planes", long_about = "List Control Planes.")]
pub struct ListArgs {}

pub fn run(ctx: &mut RootContext, _args: ListArgs) -> anyhow::Result<()> {
    let config = ctx.config();
    let active = config
        .context(&config.current_context)
        .map(|c| c.control_plane.as_str());
    let rows: Vec<Vec<String>> = config
        .control_planes
        .iter()
        .map(|cp| {
            vec![
                if active == Some(cp.name.as_str()) {
                    "*"
                } else {
                    ""
                }
                .to_string(),
                cp.name.clone(),
                crate::config::shown_address(&cp.coordinates.api_server.url),
            ]
        })
        .collect();
    std::io::stdout()
        .lock()
        .write_all(table::render(&["ACTIVE", "NAME", "ADDRESS"], &rows).as_bytes())?;
    Ok(())
}
