//! `kumactl inspect meshgateway NAME [-m MESH]` (Go:
//! `app/kumactl/cmd/inspect/inspect_meshgateway.go`): the names of the data plane proxies
//! a MeshGateway configures, from `GET /meshes/<mesh>/meshgateways/<name>/dataplanes`.

use crate::cmd::context::RootContext;
use clap::{ArgAction, Args};
use serde_json::Value;
use std::io::Write;

#[derive(Debug, Args)]
#[command(
    about = "Inspect MeshGateway",
    long_about = "List Dataplanes matched by this MeshGateway."
)]
pub struct MeshGatewayArgs {
    /// mesh to use
    #[arg(short, long, value_name = "string", default_value = "default")]
    pub mesh: String,
    /// name of the MeshGateway
    #[arg(
        long_help = "name of the MeshGateway",
        value_name = "NAME",
        action = ArgAction::Append,
        num_args = 0..,
        hide_short_help = true
    )]
    pub names: Vec<String>,
}

impl MeshGatewayArgs {
    pub fn validate_args(&self) -> anyhow::Result<()> {
        super::one_name(&self.names, "meshgateway")
    }
}

#[derive(serde::Deserialize)]
struct GatewayDataplanes {
    #[serde(default)]
    items: Vec<Value>,
}

pub fn run(ctx: &mut RootContext, args: MeshGatewayArgs) -> anyhow::Result<()> {
    let mesh = super::segment("Mesh", &args.mesh)?;
    let name = super::segment("MeshGateway", &args.names[0])?;
    let client = super::client(ctx, "dataplane inspect")?;
    let answer: GatewayDataplanes = client
        .get(&format!("/meshes/{mesh}/meshgateways/{name}/dataplanes"))?
        .json()?;
    let mut text = String::new();
    for item in &answer.items {
        let name = item
            .pointer("/dataplane/name")
            .and_then(Value::as_str)
            .unwrap_or_default();
        text.push_str(&crate::output::escape_controls(name));
        text.push('\n');
    }
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}
