//! A parse tree with only the top-level command the arguments name. clap's derive
//! builds every command's flags before parsing (some 300 of them); a run only needs
//! its own command's, and building the others was the largest part of the start-up of
//! `kumactl install control-plane`.
//!
//! This tree only ever answers a successful parse that reached the command it was built
//! for. Anything else (an error, help, no command, `help`) gets `None`, and the caller
//! parses again with the whole tree, whose messages and help texts mention the other
//! commands.

use super::{Cli, Command, GlobalArgs, apply, completion, config, delete, export, generate};
use super::{get, inspect, install, migrate, style_one, style_pending, version};
use clap::{Args, FromArgMatches};
use std::ffi::OsString;

/// Adds a command's flags and sub-commands to it.
type Augment = fn(clap::Command) -> clap::Command;

/// The top-level commands this tree serves (every one but `help`), with what the derive
/// of [`Command`] adds to each; a test checks that the two agree.
const COMMANDS: &[(&str, Augment)] = &[
    ("apply", apply::ApplyArgs::augment_args),
    ("completion", completion::CompletionArgs::augment_args),
    ("config", config::ConfigArgs::augment_args),
    ("delete", delete::DeleteArgs::augment_args),
    ("export", export::ExportArgs::augment_args),
    ("generate", generate::GenerateArgs::augment_args),
    ("get", get_command),
    ("inspect", inspect::InspectArgs::augment_args),
    ("install", install::InstallArgs::augment_args),
    ("migrate", migrate::MigrateArgs::augment_args),
    ("version", version::VersionArgs::augment_args),
];

/// `get`, with the texts its variant of [`Command`] gives it.
fn get_command(cmd: clap::Command) -> clap::Command {
    get::GetArgs::augment_args(cmd)
        .about("Show Kuma resources")
        .long_about("Show Kuma resources.")
}

/// The root as `Cli`'s derive makes it, without the sub-commands.
fn root() -> clap::Command {
    // The derive's group of `Cli`'s own fields (none: all are flattened or commands).
    let cli_group = clap::ArgGroup::new("Cli")
        .multiple(true)
        .args(std::iter::empty::<clap::Id>());
    let root = clap::Command::new("kumactl")
        .group(cli_group)
        .next_help_heading("Flags");
    GlobalArgs::augment_args(root)
        .about("Management tool for Kuma.")
        .long_about("Management tool for Kuma.")
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .color(clap::ColorChoice::Never)
        .after_help("Use \"kumactl [command] --help\" for more information about a command.")
}

/// The command the arguments name: the first one that is neither a flag nor the value
/// of a root flag.
fn command_name(argv: &[OsString]) -> Option<&str> {
    let mut args = argv.iter().skip(1);
    while let Some(arg) = args.next() {
        let arg = arg.to_str()?;
        if arg == "--" {
            return None;
        }
        if let Some(flag) = arg.strip_prefix("--") {
            if !flag.contains('=') && takes_value(flag) {
                args.next();
            }
            continue;
        }
        if arg.starts_with('-') {
            continue;
        }
        return Some(arg);
    }
    None
}

/// Whether the root flag `--<name>` takes a value.
fn takes_value(name: &str) -> bool {
    GlobalArgs::augment_args(clap::Command::new("kumactl"))
        .get_arguments()
        .any(|arg| arg.get_long() == Some(name) && arg.get_action().takes_values())
}

/// The name of a parsed command.
fn name_of(command: &Command) -> &'static str {
    match command {
        Command::Apply(_) => "apply",
        Command::Completion(_) => "completion",
        Command::Config(_) => "config",
        Command::Delete(_) => "delete",
        Command::Export(_) => "export",
        Command::Generate(_) => "generate",
        Command::Get(_) => "get",
        Command::Help(_) => "help",
        Command::Inspect(_) => "inspect",
        Command::Install(_) => "install",
        Command::Migrate(_) => "migrate",
        Command::Version(_) => "version",
    }
}

/// The tree [`super::parsing_command`] builds, with only the command `name`.
fn tree(name: &'static str, augment: Augment) -> clap::Command {
    let root = root().subcommand(augment(clap::Command::new(name)));
    style_one(root, "kumactl").mut_subcommands(|sub| style_pending(sub, "kumactl"))
}

/// The top-level commands as the root help lists them, by name and short description; a
/// test checks them against the whole tree.
const LISTED: &[(&str, &str)] = &[
    ("apply", "Create or modify Kuma resources"),
    (
        "completion",
        "Output shell completion code for bash, fish, zsh or powershell",
    ),
    ("config", "Modify kumactl config files"),
    ("delete", "Delete Kuma resources"),
    ("export", "Export Kuma resources"),
    ("generate", "Generate resources, tokens, etc"),
    ("get", "Show Kuma resources"),
    ("help", "Help about any command"),
    ("inspect", "Inspect Kuma resources"),
    ("install", "Install various Kuma components."),
    ("migrate", "Move off resources that Kuma 3.0 removes"),
    ("version", "Print version"),
];

/// For `kumactl -h` and `kumactl --help`: the root with each command's name and short
/// description only, which is all the root help shows of them (building every command's
/// flags was a third of `kumactl --help`).
pub(super) fn root_help(argv: &[OsString]) -> Option<clap::Command> {
    let [_, flag] = argv else {
        return None;
    };
    if flag != "-h" && flag != "--help" {
        return None;
    }
    let root = LISTED.iter().fold(root(), |root, (name, about)| {
        root.subcommand(clap::Command::new(*name).about(*about))
    });
    Some(style_one(root, "kumactl"))
}

/// The arguments parsed with the tree of the command they name, when that parse
/// succeeds and runs that command; `None` otherwise.
pub(super) fn parse(argv: &[OsString]) -> Option<Cli> {
    // Help is printed from the whole tree: no need to build this one first.
    if argv.iter().any(|a| a == "-h" || a == "--help") {
        return None;
    }
    let name = command_name(argv)?;
    let &(name, augment) = COMMANDS.iter().find(|(n, _)| *n == name)?;
    // The tree and the matches are freed at the process exit, as the whole tree is.
    let mut cmd = std::mem::ManuallyDrop::new(tree(name, augment));
    let matches = std::mem::ManuallyDrop::new(cmd.try_get_matches_from_mut(argv).ok()?);
    let cli = Cli::from_arg_matches(&matches).ok()?;
    match &cli.command {
        Some(command) if name_of(command) == name => Some(cli),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn os(args: &[&str]) -> Vec<OsString> {
        args.iter().map(OsString::from).collect()
    }

    fn full_parse(argv: &[OsString]) -> Option<String> {
        let matches = super::super::parsing_command()
            .try_get_matches_from(argv)
            .ok()?;
        Some(format!("{:?}", Cli::from_arg_matches(&matches).ok()?))
    }

    #[test]
    fn serves_every_command_but_help() {
        let full = Cli::command();
        let names: Vec<&str> = full
            .get_subcommands()
            .map(|c| c.get_name())
            .filter(|n| *n != "help")
            .collect();
        let ours: Vec<&str> = COMMANDS.iter().map(|(n, _)| *n).collect();
        assert_eq!(ours, names);
    }

    #[test]
    fn builds_the_tree_as_the_derive_does() {
        // Every command added back, `help` at its place: the same definition, field by
        // field, as `Cli`'s derive.
        let mut ours = root();
        for &(name, augment) in COMMANDS {
            if name == "inspect" {
                ours = ours.subcommand(super::super::help::HelpArgs::augment_args(
                    clap::Command::new("help"),
                ));
            }
            ours = ours.subcommand(augment(clap::Command::new(name)));
        }
        let (ours, theirs) = (format!("{ours:?}"), format!("{:?}", Cli::command()));
        if let Some(at) = ours.bytes().zip(theirs.bytes()).position(|(a, b)| a != b) {
            let from = at.saturating_sub(300);
            panic!(
                "first difference:\n ours: {}\n derive: {}",
                &ours[from..(at + 100).min(ours.len())],
                &theirs[from..(at + 100).min(theirs.len())]
            );
        }
        assert_eq!(ours.len(), theirs.len());
    }

    #[test]
    fn finds_the_command_after_the_root_flags() {
        let name = |args: &[&str]| command_name(&os(args)).map(str::to_string);
        assert_eq!(
            name(&["kumactl", "--config-file", "install", "get", "meshes"]).as_deref(),
            Some("get")
        );
        assert_eq!(
            name(&["kumactl", "--no-config", "--log-level=info", "version"]).as_deref(),
            Some("version")
        );
        assert_eq!(name(&["kumactl", "--", "version"]), None);
        assert_eq!(name(&["kumactl", "--no-config"]), None);
    }

    #[test]
    fn root_help_is_the_whole_trees() {
        for flag in ["-h", "--help"] {
            let argv = os(&["kumactl", flag]);
            let ours = root_help(&argv)
                .unwrap()
                .try_get_matches_from_mut(&argv)
                .unwrap_err();
            let whole = super::super::parsing_command()
                .try_get_matches_from_mut(&argv)
                .unwrap_err();
            assert_eq!(ours.kind(), whole.kind());
            assert_eq!(ours.render().to_string(), whole.render().to_string());
        }
        assert!(root_help(&os(&["kumactl", "get", "--help"])).is_none());
        assert!(root_help(&os(&["kumactl", "--help", "x"])).is_none());
    }

    #[test]
    fn parses_as_the_whole_tree_or_declines() {
        let cases: &[&[&str]] = &[
            &[
                "kumactl",
                "--config-file",
                "/c",
                "install",
                "control-plane",
                "--egress-enabled",
            ],
            &[
                "kumactl",
                "install",
                "control-plane",
                "--version",
                "1.2",
                "--set",
                "a=b",
            ],
            &[
                "kumactl",
                "--api-timeout",
                "5s",
                "get",
                "meshes",
                "-o",
                "yaml",
            ],
            &["kumactl", "get", "mesh", "default", "--context", "x"],
            &["kumactl", "--no-config", "config", "view"],
            &[
                "kumactl",
                "generate",
                "zone-token",
                "--zone",
                "z",
                "--valid-for",
                "1h",
            ],
            &["kumactl", "version", "--detailed"],
            &["kumactl", "inspect", "dataplanes", "--mesh", "m"],
            &["kumactl", "apply", "-f", "x.yaml", "--dry-run"],
            &["kumactl", "delete", "mesh", "m"],
        ];
        for case in cases {
            let argv = os(case);
            let ours = parse(&argv).map(|cli| format!("{cli:?}"));
            assert!(ours.is_some(), "{case:?}");
            assert_eq!(ours, full_parse(&argv), "{case:?}");
        }
        // Errors, help and what names no command go to the whole tree.
        let declined: &[&[&str]] = &[
            &["kumactl"],
            &["kumactl", "help", "install"],
            &["kumactl", "install", "--help"],
            &["kumactl", "install", "control-plane", "--bogus"],
            &["kumactl", "instal"],
            &["kumactl", "--context", "install"],
            &["kumactl", "-x", "version"],
        ];
        for case in declined {
            assert!(parse(&os(case)).is_none(), "{case:?}");
        }
    }
}
