//! `kumactl get <single noun> NAME [-m MESH]`: one resource.

use super::mesh_arg;
use crate::cmd::args::exact_args;
use crate::cmd::cli_errors::usage_error;
use crate::cmd::context::RootContext;
use crate::output::resources::{self, Format};
use crate::resources::descriptor::{ResourceType, Scope};
use anyhow::{Context, anyhow};
use clap::{Arg, ArgAction, ArgMatches};
use std::io::Write;

#[derive(Debug)]
pub struct SingleArgs {
    pub resource_type: &'static ResourceType,
    /// The noun used on the command line (for the usage hint).
    pub noun: String,
    pub mesh: String,
    /// Positional arguments; exactly one (the name) is expected.
    pub names: Vec<String>,
}

/// The `get <single noun> NAME` command of a type, if it has one.
pub fn command(t: &'static ResourceType) -> Option<clap::Command> {
    let noun = t.single_arg?;
    let mut cmd = clap::Command::new(noun)
        .about(format!("Show a single {} resource", t.name))
        .long_about(format!("Show a single {} resource.", t.name))
        .arg(mesh_arg())
        .arg(
            // Counted by the command (cobra's `accepts 1 arg(s), received N`).
            Arg::new("NAME")
                .value_name("NAME")
                .action(ArgAction::Append)
                .num_args(0..)
                // cobra's help has no arguments section; the man page keeps it.
                .hide_short_help(true)
                .long_help("name of the resource"),
        );
    if let Some(alias) = t.single_alias {
        cmd = cmd.alias(alias);
    }
    Some(cmd)
}

impl SingleArgs {
    pub fn from_matches(resource_type: &'static ResourceType, m: &ArgMatches) -> SingleArgs {
        SingleArgs {
            resource_type,
            noun: resource_type.single_arg.unwrap_or_default().to_string(),
            mesh: m.get_one::<String>("mesh").cloned().unwrap_or_default(),
            names: m
                .get_many::<String>("NAME")
                .map(|v| v.cloned().collect())
                .unwrap_or_default(),
        }
    }

    /// cobra's `ExactArgs(1)`, reported with the usage hint.
    pub fn validate_args(&self) -> anyhow::Result<()> {
        exact_args(&self.names, 1).map_err(|e| {
            let argv = ["kumactl", "get", &self.noun].map(String::from);
            usage_error(&argv, &e.to_string())
        })
    }
}

pub fn run(ctx: &mut RootContext, output: &str, args: SingleArgs) -> anyhow::Result<()> {
    let t = args.resource_type;
    let name = &args.names[0];
    let fail = || match t.scope {
        Scope::Global => format!("failed to get {name}"),
        Scope::Mesh => format!("failed to get {name} in mesh {}", args.mesh),
    };
    let not_found = || match t.scope {
        Scope::Global => anyhow!("No resources found"),
        Scope::Mesh => anyhow!("No resources found in {} mesh", args.mesh),
    };
    let (Some(mesh_segment), Some(name_segment)) =
        (super::path_segment(&args.mesh), super::path_segment(name))
    else {
        return Err(not_found());
    };
    let client = ctx.api_client()?;
    let response = client
        .get(&t.item_path(&mesh_segment, &name_segment))
        .with_context(fail)?;
    if response.status == 404 {
        if crate::cmd::legacy_egress::is_legacy_type(t.name) {
            crate::cmd::legacy_egress::require_legacy(&client, t.name)?;
        }
        return Err(not_found());
    }
    let resource = response.json().with_context(fail)?;
    let format: Format = output.parse().map_err(anyhow::Error::msg)?;
    let resource = resources::normalize(resource);
    let text = match format {
        Format::Table => resources::table(t, std::slice::from_ref(&resource), chrono::Utc::now()),
        Format::Yaml => resources::single_yaml(&resource),
        Format::Json => resources::single_json(&resource),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}
