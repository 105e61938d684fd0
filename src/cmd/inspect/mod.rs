//! `kumactl inspect ...` (Go: `app/kumactl/cmd/inspect/`): views that join resources with
//! their insights, and (ours) of zone tokens.

pub mod meshes;
pub mod zone_token;
pub mod zoneegress;
pub mod zoneegresses;

use super::args::{OUTPUT_FORMATS, suggest};
use super::context::RootContext;
use crate::output::resources::{self, Format};
use clap::{Args, Subcommand};
use serde_json::Value;
use std::io::Write;

#[derive(Debug, Args)]
#[command(
    about = "Inspect Kuma resources",
    long_about = "Inspect Kuma resources."
)]
pub struct InspectArgs {
    /// output format: one of table|yaml|json
    #[arg(
        short = 'o',
        long,
        global = true,
        value_name = "string",
        default_value = "table",
        value_parser = suggest(OUTPUT_FORMATS),
        hide_possible_values = true
    )]
    pub output: String,
    #[command(subcommand)]
    pub command: InspectCommand,
}

#[derive(Debug, Subcommand)]
pub enum InspectCommand {
    Meshes(meshes::MeshesArgs),
    ZoneToken(zone_token::ZoneTokenArgs),
    Zoneegress(zoneegress::ZoneEgressArgs),
    Zoneegresses(zoneegresses::ZoneEgressesArgs),
}

pub fn run(ctx: &mut RootContext, args: InspectArgs) -> anyhow::Result<()> {
    if let InspectCommand::ZoneToken(sub) = args.command {
        // Purely local: no compatibility check, nothing is sent anywhere.
        return zone_token::run(ctx, &args.output, sub);
    }
    // cobra validates positional arguments before the group's pre-run.
    if let InspectCommand::Zoneegress(zoneegress) = &args.command {
        zoneegress.validate_args()?;
    }
    ctx.check_compatibility();
    match args.command {
        InspectCommand::Meshes(command) => meshes::run(ctx, &args.output, command),
        InspectCommand::ZoneToken(sub) => zone_token::run(ctx, &args.output, sub),
        InspectCommand::Zoneegress(command) => zoneegress::run(ctx, command),
        InspectCommand::Zoneegresses(command) => zoneegresses::run(ctx, &args.output, command),
    }
}

/// GETs an unpaged list and prints it: `table` renders the items, `yaml` and `json`
/// print the list document. The output format is checked after the call, as in Go.
fn print_list(
    ctx: &RootContext,
    path: &str,
    output: &str,
    table: impl FnOnce(&[Value]) -> String,
) -> anyhow::Result<()> {
    let client = ctx.api_client()?;
    let response = client.get(path)?;
    if response.status == 404 && path.starts_with("/zoneegresses") {
        super::legacy_egress::require_legacy(&client, "ZoneEgress")?;
    }
    let page: super::get::list::Page = response.json()?;
    let format: Format = output.parse().map_err(anyhow::Error::msg)?;
    let text = match format {
        Format::Table => table(&page.items),
        Format::Yaml => resources::list_yaml(&page.total, &page.items),
        Format::Json => resources::list_json(&page.total, &page.items),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}
