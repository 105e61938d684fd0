//! The kumactl command line: one file per command (clap arguments and `run`), the root
//! flags, the start-up sequence ([`context`]) and how errors reach the user.

pub mod apply;
pub mod args;
pub mod cli_errors;
pub mod completion;
pub mod config;
pub mod context;
pub mod delete;
pub mod dynamic_completion;
pub mod export;
pub mod generate;
pub mod generated_docs;
pub mod get;
pub mod help;
pub mod inspect;
pub mod install;
pub mod legacy_egress;
pub mod migrate;
mod one_command;
pub mod version;

use crate::duration::GoDuration;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use context::RootContext;
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Cobra-like help: the same sections, in the same order, as Go kumactl's.
const HELP_TEMPLATE: &str = "\
{about-with-newline}
Usage:
  {usage}

{all-args}{after-help}";

#[derive(Debug, Parser)]
#[command(
    name = "kumactl",
    about = "Management tool for Kuma.",
    long_about = "Management tool for Kuma.",
    next_help_heading = "Flags",
    disable_version_flag = true,
    disable_help_subcommand = true,
    color = clap::ColorChoice::Never,
    after_help = "Use \"kumactl [command] --help\" for more information about a command."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The persistent flags of Go kumactl (`app/kumactl/cmd/root.go`).
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global Flags")]
pub struct GlobalArgs {
    /// path to the configuration file to use
    #[arg(long, global = true, value_name = "string")]
    pub config_file: Option<PathBuf>,
    /// context to use
    #[arg(long, global = true, value_name = "string")]
    pub context: Option<String>,
    /// log level: one of off|info|debug
    #[arg(
        long,
        global = true,
        value_name = "string",
        default_value = "off",
        value_parser = args::suggest(&["off", "info", "debug"]),
        hide_possible_values = true
    )]
    pub log_level: String,
    /// if set no config file and config directory will be created
    #[arg(long, global = true)]
    pub no_config: bool,
    /// the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout
    #[arg(long, global = true, value_name = "duration", default_value = "1m0s")]
    pub api_timeout: GoDuration,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Apply(apply::ApplyArgs),
    Completion(completion::CompletionArgs),
    Config(config::ConfigArgs),
    Delete(delete::DeleteArgs),
    Export(export::ExportArgs),
    Generate(generate::GenerateArgs),
    #[command(about = "Show Kuma resources", long_about = "Show Kuma resources.")]
    Get(get::GetArgs),
    Help(help::HelpArgs),
    Inspect(inspect::InspectArgs),
    Install(install::InstallArgs),
    Migrate(migrate::MigrateArgs),
    Version(version::VersionArgs),
}

/// The clap definition with everything derived from it (help, man pages, completions).
pub fn command() -> clap::Command {
    cobra_style(Cli::command(), "")
}

/// Gives every command cobra's help layout: its long description on top, "Available
/// Commands", "Flags" and "Global Flags" sections, and `-h, --help   help for <name>`.
fn cobra_style(cmd: clap::Command, parent_path: &str) -> clap::Command {
    let path = command_path(&cmd, parent_path);
    let cmd = with_lazy_subcommands(cmd, &path);
    style_one(cmd, &path).mut_subcommands(|sub| cobra_style(sub, &path))
}

/// Adds sub-commands to a command.
type AddSubcommands = fn(clap::Command) -> clap::Command;

/// Commands whose sub-commands are built on demand, by their path: `get`'s one list and
/// one single command per resource type, `inspect`'s one command per policy type.
const LAZY_SUBCOMMANDS: &[(&str, AddSubcommands)] = &[
    ("kumactl get", get::with_type_commands),
    ("kumactl inspect", inspect::policy::with_policy_commands),
];

fn with_lazy_subcommands(cmd: clap::Command, path: &str) -> clap::Command {
    match LAZY_SUBCOMMANDS.iter().find(|(p, _)| *p == path) {
        Some((_, add)) => add(cmd),
        None => cmd,
    }
}

/// The tree `run_with_args` parses with: the same commands and layout as [`command`],
/// but a command's sub-commands are styled only when clap builds that command, i.e. when
/// the arguments reach it (or on `Command::build`). Restyling all ~150 commands on every
/// run was half of the work of `kumactl --help`.
///
/// A command is styled before clap builds its parent, as in [`command`]: building a
/// command copies its global flags into its sub-commands, and the order of the flags
/// decides the order of the help sections.
fn parsing_command() -> clap::Command {
    style_one(Cli::command(), "kumactl").mut_subcommands(|sub| style_pending(sub, "kumactl"))
}

/// Styles `cmd` now and its sub-commands when clap builds it. The command's path is kept
/// in its display name (which our help templates do not print) for the deferred step.
fn style_pending(cmd: clap::Command, parent_path: &str) -> clap::Command {
    let path = command_path(&cmd, parent_path);
    style_one(cmd, &path)
        .display_name(path)
        .defer(style_subcommands)
}

fn style_subcommands(cmd: clap::Command) -> clap::Command {
    let path = cmd.get_display_name().unwrap_or_default().to_string();
    with_lazy_subcommands(cmd, &path).mut_subcommands(|sub| style_pending(sub, &path))
}

/// cobra's command path: `kumactl get meshes`.
fn command_path(cmd: &clap::Command, parent_path: &str) -> String {
    if parent_path.is_empty() {
        cmd.get_name().to_string()
    } else {
        format!("{parent_path} {}", cmd.get_name())
    }
}

/// cobra's layout for one command, whose path is `path`.
fn style_one(cmd: clap::Command, path: &str) -> clap::Command {
    let name = cmd.get_name().to_string();
    // cobra's usage line: `kumactl config [command]`, `kumactl get mesh NAME [flags]`.
    let has_subcommands = cmd.has_subcommands() || LAZY_SUBCOMMANDS.iter().any(|(p, _)| *p == path);
    let usage = if has_subcommands {
        format!("{path} [command]")
    } else {
        let positionals: String = cmd
            .get_positionals()
            .filter(|a| !a.is_hide_set())
            .flat_map(|a| a.get_value_names().unwrap_or_default().iter())
            .map(|v| format!(" {v}"))
            .collect();
        format!("{path}{positionals} [flags]")
    };
    let description = cmd
        .get_long_about()
        .or(cmd.get_about())
        .map(|s| s.to_string())
        .unwrap_or_default();
    let template = HELP_TEMPLATE.replace("{about-with-newline}", &format!("{description}\n"));
    // In place: `mut_arg` one by one moved each flag to the end, a quadratic cost for
    // `install control-plane`. The order is the same: no command mixes flags with and
    // without a heading when it is styled (clap copies the global flags in later).
    cmd.mut_args(|a| {
        if a.get_help_heading().is_none() && !a.is_positional() {
            a.help_heading("Flags")
        } else {
            a
        }
    })
    .help_template(template)
    .override_usage(usage)
    .subcommand_help_heading("Available Commands")
    .subcommand_value_name("command")
    .disable_help_flag(true)
    .arg(
        clap::Arg::new("help")
            .short('h')
            .long("help")
            .help(format!("help for {name}"))
            .help_heading("Flags")
            // The short layout (one line per flag) for both -h and --help, as cobra.
            .action(clap::ArgAction::HelpShort),
    )
}

/// Runs kumactl with the process arguments; the exit code follows Go kumactl: 0 on
/// success and for help, 1 for every error.
pub fn main() -> ExitCode {
    // A shell asking for completions (`COMPLETE=<shell>`) is answered here, and the
    // process exits.
    dynamic_completion::complete_if_requested();
    // `args_os`: `args` panics on an argument that is not UTF-8 (a file name, say).
    let argv: Vec<OsString> = std::env::args_os().collect();
    run_with_args(&argv)
}

pub fn run_with_args(raw_argv: &[OsString]) -> ExitCode {
    // clap parses the raw arguments (a path flag may name a non-UTF-8 file); error
    // messages only need their text.
    let argv: Vec<String> = raw_argv
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let argv = argv.as_slice();
    if let Some(mut root) = one_command::root_help(raw_argv) {
        // Help is an "error" of clap's parse, printed to stdout with exit code 0.
        if let Err(err) = root.try_get_matches_from_mut(raw_argv) {
            return cli_errors::report(&mut root, argv, err);
        }
    }
    let cli = match one_command::parse(raw_argv) {
        Some(cli) => cli,
        None => match parse_with_whole_tree(raw_argv, argv) {
            Ok(cli) => cli,
            Err(code) => return code,
        },
    };
    let command = match cli.command {
        // Answered by `parse_with_whole_tree`.
        None => return ExitCode::SUCCESS,
        Some(Command::Help(args)) => {
            return match help::run(args) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => report_error(&err),
            };
        }
        Some(command) => command,
    };
    let result = RootContext::start(cli.global)
        .map_err(|e| match e {
            context::StartError::LogLevel(level) => {
                cli_errors::usage_error(argv, &format!("unknown log level {level:?}"))
            }
            context::StartError::Other(e) => e,
        })
        .and_then(|mut ctx| dispatch(&mut ctx, command));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report_error(&err),
    }
}

/// Parses with every command in the tree: for errors, help, and what
/// `one_command::parse` declines. `kumactl` alone prints help here, without the start-up
/// sequence (no config file is created), like cobra.
fn parse_with_whole_tree(raw_argv: &[OsString], argv: &[String]) -> Result<Cli, ExitCode> {
    // Freeing the ~150 commands of the tree would cost a fifth of `kumactl --help`; the
    // process exit releases them at once.
    let mut cmd = std::mem::ManuallyDrop::new(parsing_command());
    let matches = match cmd.try_get_matches_from_mut(raw_argv) {
        Ok(m) => m,
        Err(err) => return Err(cli_errors::report(&mut cmd, argv, err)),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => return Err(cli_errors::report(&mut cmd, argv, err)),
    };
    if cli.command.is_none() {
        let _ = cmd.print_help();
    }
    Ok(cli)
}

fn dispatch(ctx: &mut RootContext, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Apply(args) => apply::run(ctx, args),
        Command::Completion(args) => completion::run(ctx, args),
        Command::Config(args) => config::run(ctx, args),
        Command::Delete(args) => delete::run(ctx, args),
        Command::Export(args) => export::run(ctx, args),
        Command::Generate(args) => generate::run(ctx, args),
        Command::Get(args) => get::run(ctx, args),
        // Normally answered before the start-up sequence (see run_with_args).
        Command::Help(args) => help::run(args),
        Command::Inspect(args) => inspect::run(ctx, args),
        Command::Install(args) => install::run(ctx, args),
        Command::Migrate(args) => migrate::run(ctx, args),
        Command::Version(args) => version::run(ctx, args),
    }
}

/// The message shown for an error (`app/kumactl/pkg/errors/formatter.go`): a Kuma API
/// error anywhere in the chain replaces the whole message with its formatted form;
/// otherwise the context chain is joined with ": ", as Go's wrapped errors read.
pub fn error_message(err: &anyhow::Error) -> String {
    use crate::api::ApiError;
    for cause in err.chain() {
        // `client::RequestError` carries it boxed, and its source is that box.
        let api = cause
            .downcast_ref::<ApiError>()
            .or_else(|| cause.downcast_ref::<Box<ApiError>>().map(|b| &**b));
        if let Some(api) = api {
            return api.formatted();
        }
    }
    format!("{err:#}")
}

/// Prints `Error: <message>` on stderr and returns exit code 1. A closed stdout (e.g.
/// `kumactl get meshes | head -1`) is not an error worth a message.
pub fn report_error(err: &anyhow::Error) -> ExitCode {
    let broken_pipe = err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    });
    if broken_pipe {
        return ExitCode::SUCCESS;
    }
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "Error: {}", error_message(err));
    ExitCode::FAILURE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn help_of(mut cmd: clap::Command, path: &[String]) -> String {
        let argv = path.iter().cloned().chain(["--help".to_string()]);
        match cmd.try_get_matches_from_mut(argv) {
            Err(err) if err.kind() == clap::error::ErrorKind::DisplayHelp => {
                err.render().to_string()
            }
            other => panic!("{path:?} --help: {other:?}"),
        }
    }

    fn all_paths(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands() {
            let mut sub_path = path.clone();
            sub_path.push(sub.get_name().to_string());
            all_paths(sub, sub_path.clone(), out);
            out.push(sub_path);
        }
    }

    /// The tree styled on demand prints every help exactly as the fully styled tree that
    /// man pages and completions come from.
    #[test]
    fn lazily_styled_tree_prints_the_same_help() {
        let mut paths = vec![vec!["kumactl".to_string()]];
        all_paths(&command(), vec!["kumactl".to_string()], &mut paths);
        assert!(paths.len() > 100, "{}", paths.len());
        for path in &paths {
            assert_eq!(
                help_of(parsing_command(), path),
                help_of(command(), path),
                "{path:?}"
            );
        }
        // After a full build (clap_complete, error texts), the layouts agree as well.
        let mut lazy = parsing_command();
        lazy.build();
        let mut eager = command();
        eager.build();
        let mut lazy_paths = vec![];
        all_paths(&lazy, vec![], &mut lazy_paths);
        let mut eager_paths = vec![];
        all_paths(&eager, vec![], &mut eager_paths);
        assert_eq!(lazy_paths, eager_paths);
        assert_eq!(
            lazy.render_help().to_string(),
            eager.render_help().to_string()
        );
    }
}
