//! `kumactl get <list noun>` and `kumactl get <single noun> NAME`, as Go kumactl's
//! `app/kumactl/cmd/get/*.go`.
//!
//! The two sub-commands of every writable type are built from the descriptor table
//! ([`crate::resources::descriptor`]), so help, man pages and completions come from the
//! same clap definitions as everything else, and a new row in the table is a new pair
//! of commands.

pub mod list;
pub mod single;

use super::context::RootContext;
use crate::resources::descriptor::{self, RESOURCE_TYPES, ResourceType};
use clap::error::ErrorKind;
use clap::{Arg, ArgMatches};

/// The persistent `-o, --output` flag of `get` and `inspect`.
pub fn output_arg() -> Arg {
    Arg::new("output")
        .short('o')
        .long("output")
        .value_name("string")
        .default_value("table")
        .global(true)
        .value_parser(crate::cmd::args::suggest(crate::cmd::args::OUTPUT_FORMATS))
        .hide_possible_values(true)
        .help("output format: one of table|yaml|json")
}

/// The `-m, --mesh` flag of the commands that address Mesh-scoped resources.
pub fn mesh_arg() -> Arg {
    Arg::new("mesh")
        .short('m')
        .long("mesh")
        .value_name("string")
        .default_value("default")
        .help("mesh to use")
}

#[derive(Debug)]
pub struct GetArgs {
    /// `-o`: checked after the HTTP call, as Go kumactl does.
    pub output: String,
    pub target: Target,
}

#[derive(Debug)]
pub enum Target {
    List(list::ListArgs),
    Single(single::SingleArgs),
}

/// Every type with kumactl nouns, sorted by the noun of its list (cobra sorts commands).
fn types_with_nouns() -> impl Iterator<Item = &'static ResourceType> {
    RESOURCE_TYPES.iter().filter(|t| t.list_arg.is_some())
}

/// Adds the list and single command of every type to `get`. Called by
/// [`crate::cmd`]'s styling when the `get` command is needed (parsing reaches it, or
/// the whole tree is built), so that other commands do not build ~60 of them.
pub fn with_type_commands(cmd: clap::Command) -> clap::Command {
    let mut subcommands: Vec<clap::Command> = types_with_nouns()
        .flat_map(|t| [list::command(t), single::command(t)])
        .flatten()
        .collect();
    subcommands.sort_by(|a, b| a.get_name().cmp(b.get_name()));
    cmd.subcommands(subcommands)
}

impl clap::Args for GetArgs {
    /// The sub-commands come from [`with_type_commands`], on demand.
    fn augment_args(cmd: clap::Command) -> clap::Command {
        cmd.arg(output_arg())
            .subcommand_required(true)
            .arg_required_else_help(true)
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

impl clap::FromArgMatches for GetArgs {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let output = matches
            .get_one::<String>("output")
            .cloned()
            .unwrap_or_else(|| "table".into());
        let Some((noun, sub)) = matches.subcommand() else {
            return Err(clap::Error::new(ErrorKind::MissingSubcommand));
        };
        let resource_type = descriptor::by_kumactl_noun(noun)
            .ok_or_else(|| clap::Error::new(ErrorKind::InvalidSubcommand))?;
        let target = if resource_type.list_arg == Some(noun) {
            Target::List(list::ListArgs::from_matches(resource_type, sub))
        } else {
            Target::Single(single::SingleArgs::from_matches(resource_type, sub))
        };
        Ok(GetArgs { output, target })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

/// A name or mesh typed by the user, as one URL path segment: characters that would
/// change the path (`/`, `?`, `#`, `%`, spaces...) are percent-encoded. `None` for `.`
/// and `..`, which no resource can be named and which a URL path cannot carry.
pub fn path_segment(text: &str) -> Option<String> {
    if text == "." || text == ".." {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"-._~:@!$&'()*+,;=".contains(&byte);
        if keep {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    Some(out)
}

pub fn run(ctx: &mut RootContext, args: GetArgs) -> anyhow::Result<()> {
    // cobra validates positional arguments before the group's pre-run.
    if let Target::Single(single) = &args.target {
        single.validate_args()?;
    }
    ctx.check_compatibility();
    match args.target {
        Target::List(list) => list::run(ctx, &args.output, list),
        Target::Single(single) => single::run(ctx, &args.output, single),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::FromArgMatches;

    fn parse(args: &[&str]) -> GetArgs {
        let matches = crate::cmd::command()
            .try_get_matches_from(args)
            .expect("parses");
        let (_, sub) = matches.subcommand().expect("get");
        GetArgs::from_arg_matches(sub).expect("get args")
    }

    #[test]
    fn every_type_with_nouns_has_a_list_and_a_single_command() {
        let mut root = crate::cmd::command();
        root.build();
        let get = root.find_subcommand("get").expect("get");
        let count = types_with_nouns().count();
        assert_eq!(get.get_subcommands().count(), 2 * count);
        for t in types_with_nouns() {
            for noun in t.kumactl_nouns() {
                assert!(get.find_subcommand(noun).is_some(), "{noun}");
            }
        }
        let meshes = get.find_subcommand("meshes").unwrap();
        assert_eq!(meshes.get_about().unwrap().to_string(), "Show Mesh");
        assert_eq!(
            meshes.get_long_about().unwrap().to_string(),
            "Show Mesh entities."
        );
        let mesh = get.find_subcommand("mesh").unwrap();
        assert_eq!(
            mesh.get_about().unwrap().to_string(),
            "Show a single Mesh resource"
        );
    }

    #[test]
    fn user_names_stay_one_path_segment() {
        assert_eq!(path_segment("zoneegress-1").unwrap(), "zoneegress-1");
        assert_eq!(path_segment("a/b?c#d e%").unwrap(), "a%2Fb%3Fc%23d%20e%25");
        assert_eq!(path_segment("é").unwrap(), "%C3%A9");
        assert!(path_segment("..").is_none());
        assert!(path_segment(".").is_none());
    }

    #[test]
    fn aliases_resolve_to_their_type() {
        let args = parse(&["kumactl", "get", "zone-ingress", "zi-1", "-o", "yaml"]);
        assert_eq!(args.output, "yaml");
        match args.target {
            Target::Single(single) => {
                assert_eq!(single.resource_type.name, "ZoneIngress");
                assert_eq!(single.names, vec!["zi-1".to_string()]);
                assert_eq!(single.mesh, "default");
            }
            Target::List(_) => panic!("a single command"),
        }
        let args = parse(&[
            "kumactl",
            "get",
            "-o",
            "json",
            "global-secrets",
            "--size",
            "5",
        ]);
        assert_eq!(args.output, "json");
        match args.target {
            Target::List(list) => {
                assert_eq!(list.resource_type.name, "GlobalSecret");
                assert_eq!(list.size, 5);
            }
            Target::Single(_) => panic!("a list command"),
        }
        // Like pflag, a flag's value may start with a dash.
        match parse(&["kumactl", "get", "meshes", "--size", "-3", "--offset", "-1"]).target {
            Target::List(list) => {
                assert_eq!(list.size, -3);
                assert_eq!(list.offset, "-1");
            }
            Target::Single(_) => panic!("a list command"),
        }
    }
}
