//! `kumactl inspect ...` (Go: `app/kumactl/cmd/inspect/`): views that join resources with
//! their insights, and (ours) of zone tokens.

pub mod dataplane;
pub mod dataplanes;
pub mod meshes;
pub mod meshgateway;
pub mod policy;
pub mod services;
pub mod zone_proxy_admin;
pub mod zone_token;
pub mod zoneegresses;
pub mod zoneingresses;
pub mod zones;

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
// Every command has the same display order, so help lists them by name, as cobra does.
pub enum InspectCommand {
    #[command(display_order = 0)]
    Dataplane(dataplane::DataplaneArgs),
    #[command(display_order = 0)]
    Dataplanes(dataplanes::DataplanesArgs),
    #[command(display_order = 0)]
    Meshes(meshes::MeshesArgs),
    #[command(display_order = 0)]
    Meshgateway(meshgateway::MeshGatewayArgs),
    #[command(display_order = 0)]
    Services(services::ServicesArgs),
    #[command(display_order = 0)]
    ZoneToken(zone_token::ZoneTokenArgs),
    #[command(
        about = "Inspect ZoneEgress",
        long_about = "Inspect ZoneEgress.",
        display_order = 0
    )]
    Zoneegress(zone_proxy_admin::ZoneProxyAdminArgs),
    #[command(display_order = 0)]
    Zoneegresses(zoneegresses::ZoneEgressesArgs),
    #[command(
        about = "Inspect ZoneIngress",
        long_about = "Inspect ZoneIngress.",
        display_order = 0
    )]
    Zoneingress(zone_proxy_admin::ZoneProxyAdminArgs),
    #[command(alias = "zone-ingresses", display_order = 0)]
    Zoneingresses(zoneingresses::ZoneIngressesArgs),
    #[command(display_order = 0)]
    Zones(zones::ZonesArgs),
    /// `inspect <policy type> NAME`, one per policy type Kuma can inspect.
    #[command(flatten)]
    Policy(policy::PolicyCommand),
}

pub fn run(ctx: &mut RootContext, args: InspectArgs) -> anyhow::Result<()> {
    if let InspectCommand::ZoneToken(sub) = args.command {
        // Purely local: no compatibility check, nothing is sent anywhere.
        return zone_token::run(ctx, &args.output, sub);
    }
    // cobra validates positional arguments before the group's pre-run.
    match &args.command {
        InspectCommand::Dataplane(command) => command.validate_args()?,
        InspectCommand::Meshgateway(command) => command.validate_args()?,
        InspectCommand::Zoneegress(command) => command.validate_args(&zone_proxy_admin::EGRESS)?,
        InspectCommand::Zoneingress(command) => {
            command.validate_args(&zone_proxy_admin::INGRESS)?
        }
        InspectCommand::Policy(command) => command.validate_args()?,
        _ => {}
    }
    ctx.check_compatibility();
    let output = args.output.as_str();
    match args.command {
        InspectCommand::Dataplane(command) => dataplane::run(ctx, command),
        InspectCommand::Dataplanes(command) => dataplanes::run(ctx, output, command),
        InspectCommand::Meshes(command) => meshes::run(ctx, output, command),
        InspectCommand::Meshgateway(command) => meshgateway::run(ctx, command),
        InspectCommand::Services(command) => services::run(ctx, output, command),
        InspectCommand::ZoneToken(sub) => zone_token::run(ctx, output, sub),
        InspectCommand::Zoneegress(command) => {
            zone_proxy_admin::run(ctx, &zone_proxy_admin::EGRESS, command)
        }
        InspectCommand::Zoneegresses(command) => zoneegresses::run(ctx, output, command),
        InspectCommand::Zoneingress(command) => {
            zone_proxy_admin::run(ctx, &zone_proxy_admin::INGRESS, command)
        }
        InspectCommand::Zoneingresses(command) => zoneingresses::run(ctx, output, command),
        InspectCommand::Zones(command) => zones::run(ctx, output, command),
        InspectCommand::Policy(command) => policy::run(ctx, output, command),
    }
}

/// `exact_args(names, 1)` with cobra's usage pointer for `kumactl inspect <command>`.
fn one_name(names: &[String], command: &str) -> anyhow::Result<()> {
    super::args::exact_args(names, 1).map_err(|e| {
        let argv = ["kumactl", "inspect", command].map(String::from);
        super::cli_errors::usage_error(&argv, &e.to_string())
    })
}

/// A name typed by the user as one URL path segment, or the error for `.` and `..`.
fn segment(type_name: &str, name: &str) -> anyhow::Result<String> {
    super::get::path_segment(name)
        .ok_or_else(|| anyhow::anyhow!("there is no {type_name} with name {name:?}"))
}

/// The server's total and every item of a list, following `next` until the last page
/// (Go kumactl reads the first page only, so it shows at most 100 items).
pub struct FullList {
    pub total: Value,
    pub items: Vec<Value>,
}

/// How many items one `inspect` list may collect, against a server that never ends.
const MAX_LIST_ITEMS: usize = 1_000_000;

/// GETs `path` with `query` (sorted by key, as Go's `url.Values.Encode`), then each
/// next page, by the `offset` of its `next` link.
fn fetch_all(
    client: &crate::client::ApiClient,
    path: &str,
    query: &[(String, String)],
) -> anyhow::Result<FullList> {
    let mut offset: Option<String> = None;
    let mut seen_offsets = std::collections::HashSet::new();
    let mut list = FullList {
        total: Value::Null,
        items: Vec::new(),
    };
    loop {
        let mut pairs: Vec<(&str, &str)> = query
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        if let Some(offset) = &offset {
            pairs.retain(|(k, _)| *k != "offset");
            pairs.push(("offset", offset));
        }
        pairs.sort_by(|a, b| a.0.cmp(b.0));
        let mut url = path.to_string();
        if !pairs.is_empty() {
            url.push('?');
            url.push_str(
                &url::form_urlencoded::Serializer::new(String::new())
                    .extend_pairs(pairs)
                    .finish(),
            );
        }
        let response = client.get(&url)?;
        if response.status == 404 && path.starts_with("/zoneegresses") {
            // A Kuma 3.x control plane has no ZoneEgress routes: say so instead of 404.
            super::legacy_egress::require_legacy(client, "ZoneEgress")?;
        }
        let page: super::get::list::Page = response.json()?;
        if offset.is_none() {
            list.total = page.total.clone();
        }
        let next = page.next_offset()?;
        list.items.extend(page.items);
        if list.items.len() > MAX_LIST_ITEMS {
            anyhow::bail!("the control plane listed more than {MAX_LIST_ITEMS} items");
        }
        match next {
            None => return Ok(list),
            Some(next) if !seen_offsets.insert(next.clone()) => {
                anyhow::bail!("the control plane's next page repeats the offset {next:?}")
            }
            Some(next) => offset = Some(next),
        }
    }
}

/// Prints a full list: `table` renders the items, `yaml` and `json` print the list
/// document. The output format is checked after the calls, as in Go.
fn print_full_list(
    list: &FullList,
    output: &str,
    table: impl FnOnce(&[Value]) -> String,
) -> anyhow::Result<()> {
    let format: Format = output.parse().map_err(anyhow::Error::msg)?;
    let text = match format {
        Format::Table => table(&list.items),
        Format::Yaml => resources::list_yaml(&list.total, &list.items),
        Format::Json => resources::list_json(&list.total, &list.items),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}

/// The API client, or Go's `failed to create a <what> client: <err>`.
fn client(ctx: &RootContext, what: &str) -> anyhow::Result<crate::client::ApiClient> {
    use anyhow::Context;
    ctx.api_client()
        .with_context(|| format!("failed to create a {what} client"))
}

/// GETs a list, every page of it, and prints it.
fn print_list(
    ctx: &RootContext,
    what: &str,
    path: &str,
    output: &str,
    table: impl FnOnce(&[Value]) -> String,
) -> anyhow::Result<()> {
    let list = fetch_all(&client(ctx, what)?, path, &[])?;
    print_full_list(&list, output, table)
}
