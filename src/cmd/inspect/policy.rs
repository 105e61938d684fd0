//! `kumactl inspect <policy type> NAME [-m MESH] [--new-api [--offset N]]` (Go:
//! `app/kumactl/cmd/inspect/inspect_policy.go`): the data plane proxies a policy applies
//! to. One command per policy type Kuma can inspect; they are built from the descriptor
//! table, like `get`'s.

use crate::cmd::context::RootContext;
use crate::output::inspect::{policy_dataplanes_text, policy_resources_table};
use crate::output::resources::Format;
use crate::output::{json, yaml};
use crate::resources::descriptor::{self, ResourceType};
use anyhow::bail;
use clap::error::ErrorKind;
use clap::{Arg, ArgAction, ArgMatches, Command};
use serde_json::{Map, Value};
use std::io::Write;

fn inspectable() -> impl Iterator<Item = (&'static ResourceType, &'static str)> {
    descriptor::INSPECTABLE_POLICIES
        .iter()
        .filter_map(|name| descriptor::by_name(name))
        .filter_map(|t| Some((t, t.single_arg?)))
}

#[derive(Debug)]
pub struct PolicyCommand {
    pub resource_type: &'static ResourceType,
    pub noun: &'static str,
    pub mesh: String,
    pub offset: i64,
    pub new_api: bool,
    pub names: Vec<String>,
}

fn command(t: &'static ResourceType, noun: &'static str) -> Command {
    Command::new(noun)
        .display_order(0)
        .about(format!("Inspect {}", t.name))
        .long_about(format!("Inspect {}.", t.name))
        .arg(
            Arg::new("mesh")
                .short('m')
                .long("mesh")
                .value_name("string")
                .default_value("default")
                .help("mesh to use"),
        )
        .arg(
            Arg::new("offset")
                .long("offset")
                .value_name("int")
                .default_value("0")
                .allow_negative_numbers(true)
                .value_parser(crate::cmd::get::list::go_int)
                .help("the offset for pagination"),
        )
        .arg(
            Arg::new("new-api")
                .long("new-api")
                .action(ArgAction::SetTrue)
                .help("use the newer version of the inspect api"),
        )
        .arg(
            Arg::new("names")
                .value_name("NAME")
                .long_help(format!("name of the {}", t.name))
                .action(ArgAction::Append)
                .num_args(0..)
                .hide_short_help(true),
        )
}

/// Adds one command per inspectable policy type to `inspect`. Called by [`crate::cmd`]'s
/// styling when `inspect` is needed (parsing reaches it, or the whole tree is built), so
/// that other commands do not build these 27 commands on every run.
pub fn with_policy_commands(cmd: Command) -> Command {
    cmd.subcommands(inspectable().map(|(t, noun)| command(t, noun)))
}

impl clap::Subcommand for PolicyCommand {
    /// The sub-commands come from [`with_policy_commands`], on demand.
    fn augment_subcommands(cmd: Command) -> Command {
        cmd
    }

    fn augment_subcommands_for_update(cmd: Command) -> Command {
        Self::augment_subcommands(cmd)
    }

    fn has_subcommand(name: &str) -> bool {
        inspectable().any(|(_, noun)| noun == name)
    }
}

impl clap::FromArgMatches for PolicyCommand {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let Some((name, sub)) = matches.subcommand() else {
            return Err(clap::Error::new(ErrorKind::MissingSubcommand));
        };
        let (resource_type, noun) = inspectable()
            .find(|(_, noun)| *noun == name)
            .ok_or_else(|| clap::Error::new(ErrorKind::InvalidSubcommand))?;
        Ok(PolicyCommand {
            resource_type,
            noun,
            mesh: sub.get_one::<String>("mesh").cloned().unwrap_or_default(),
            offset: sub.get_one::<i64>("offset").copied().unwrap_or(0),
            new_api: sub.get_flag("new-api"),
            names: sub
                .get_many::<String>("names")
                .map(|names| names.cloned().collect())
                .unwrap_or_default(),
        })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl PolicyCommand {
    pub fn validate_args(&self) -> anyhow::Result<()> {
        super::one_name(&self.names, self.noun)
    }
}

pub fn run(ctx: &mut RootContext, output: &str, args: PolicyCommand) -> anyhow::Result<()> {
    let t = args.resource_type;
    let mesh = super::segment("Mesh", &args.mesh)?;
    let name = super::segment(t.name, &args.names[0])?;
    let base = format!("/meshes/{mesh}/{}/{name}", t.path);
    if !args.new_api {
        if args.offset != 0 {
            bail!("flag '--offset' can be used only with '--new-api'");
        }
        let client = super::client(ctx, "policy inspect")?;
        let answer: Value = client.get(&format!("{base}/dataplanes"))?.json()?;
        std::io::stdout()
            .lock()
            .write_all(policy_dataplanes_text(&answer).as_bytes())?;
        return Ok(());
    }
    // Go kumactl asks `-resources` here, a path no Kuma serves.
    let query = if args.offset == 0 {
        vec![]
    } else {
        vec![("offset".to_string(), args.offset.to_string())]
    };
    let list = super::fetch_all(
        &super::client(ctx, "policy inspect")?,
        &format!("{base}/_resources/dataplanes"),
        &query,
    )?;
    let format: Format = output.parse().map_err(anyhow::Error::msg)?;
    let mut document = Map::new();
    document.insert("items".into(), Value::Array(list.items.clone()));
    document.insert("total".into(), list.total.clone());
    let text = match format {
        Format::Table => policy_resources_table(&list.items, &list.total),
        Format::Json => json::to_go_indented(&Value::Object(document), "  "),
        Format::Yaml => yaml::to_string(&Value::Object(document)),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}
