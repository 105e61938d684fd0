//! `kumactl inspect services [-m MESH]` (Go: `app/kumactl/cmd/inspect/inspect_services.go`):
//! each service of a mesh with its status and dataplanes online, from
//! `GET /meshes/<mesh>/service-insights`.

use crate::cmd::context::RootContext;
use crate::output::inspect::service_insights_table;
use clap::Args;
use serde_json::Value;

#[derive(Debug, Args)]
#[command(about = "Inspect Services", long_about = "Inspect Services.")]
pub struct ServicesArgs {
    /// mesh
    #[arg(short, long, value_name = "string", default_value = "default")]
    pub mesh: String,
}

pub fn run(ctx: &mut RootContext, output: &str, args: ServicesArgs) -> anyhow::Result<()> {
    let mesh = super::segment("Mesh", &args.mesh)?;
    // Go returns this client's error unwrapped.
    let client = ctx.api_client()?;
    let mut list = super::fetch_all(&client, &format!("/meshes/{mesh}/service-insights"), &[])?;
    // kumactl shows the server's ServiceInsight items as ServiceOverview.
    for item in &mut list.items {
        if let Some(fields) = item.as_object_mut() {
            fields.insert("type".into(), Value::from("ServiceOverview"));
        }
    }
    super::print_full_list(&list, output, service_insights_table)
}
