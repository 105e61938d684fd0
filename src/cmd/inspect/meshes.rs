//! `kumactl inspect meshes`: dataplane and policy counts per mesh, from `GET /mesh-insights`.

use crate::cmd::context::RootContext;
use crate::output::resources::mesh_insights_table;
use clap::Args;

#[derive(Debug, Args)]
#[command(about = "Inspect Meshes", long_about = "Inspect Meshes.")]
pub struct MeshesArgs {}

pub fn run(ctx: &mut RootContext, output: &str, _args: MeshesArgs) -> anyhow::Result<()> {
    super::print_list(ctx, "mesh", "/mesh-insights", output, mesh_insights_table)
}
