//! The kumactl command line: one file per command (clap arguments and `run`), the root
//! flags, the start-up sequence ([`context`]) and how errors reach the user.

pub mod apply;
pub mod args;
pub mod cli_errors;
pub mod completion;
pub mod config;
pub mod context;
pub mod delete;
pub mod generate;
pub mod generated_docs;
pub mod get;
pub mod help;
pub mod inspect;
pub mod install;
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

/// The persistent flags of cli.md §1.1.
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
    Generate(generate::GenerateArgs),
    #[command(about = "Show Kuma resources", long_about = "Show Kuma resources.")]
    Get(get::GetArgs),
    Help(help::HelpArgs),
    Inspect(inspect::InspectArgs),
    Install(install::InstallArgs),
    Version(version::VersionArgs),
}

/// The clap definition with everything derived from it (help, man pages, completions).
pub fn command() -> clap::Command {
    cobra_style(Cli::command(), "")
}

/// Gives every command cobra's help layout: its long description on top, "Available
/// Commands", "Flags" and "Global Flags" sections, and `-h, --help   help for <name>`.
fn cobra_style(cmd: clap::Command, parent_path: &str) -> clap::Command {
    let name = cmd.get_name().to_string();
    let path = if parent_path.is_empty() {
        name.clone()
    } else {
        format!("{parent_path} {name}")
    };
    // cobra's usage line: `kumactl config [command]`, `kumactl get mesh NAME [flags]`.
    let usage = if cmd.has_subcommands() {
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
    let unsectioned: Vec<clap::Id> = cmd
        .get_arguments()
        .filter(|a| a.get_help_heading().is_none() && !a.is_positional())
        .map(|a| a.get_id().clone())
        .collect();
    let cmd = unsectioned
        .into_iter()
        .fold(cmd, |cmd, id| cmd.mut_arg(id, |a| a.help_heading("Flags")));
    cmd.help_template(template)
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
        .mut_subcommands(|sub| cobra_style(sub, &path))
}

/// Runs kumactl with the process arguments; the exit code follows Go kumactl: 0 on
/// success and for help, 1 for every error.
pub fn main() -> ExitCode {
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
    let mut cmd = command();
    let matches = match cmd.try_get_matches_from_mut(raw_argv) {
        Ok(m) => m,
        Err(err) => return cli_errors::report(&mut cmd, argv, err),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => return cli_errors::report(&mut cmd, argv, err),
    };
    let command = match cli.command {
        // `kumactl` alone and `kumactl help ...` print help without the start-up sequence
        // (no config file is created), like cobra.
        None => {
            let _ = cmd.print_help();
            return ExitCode::SUCCESS;
        }
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

fn dispatch(ctx: &mut RootContext, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Apply(args) => apply::run(ctx, args),
        Command::Completion(args) => completion::run(ctx, args),
        Command::Config(args) => config::run(ctx, args),
        Command::Delete(args) => delete::run(ctx, args),
        Command::Generate(args) => generate::run(ctx, args),
        Command::Get(args) => get::run(ctx, args),
        // Normally answered before the start-up sequence (see run_with_args).
        Command::Help(args) => help::run(args),
        Command::Inspect(args) => inspect::run(ctx, args),
        Command::Install(args) => install::run(ctx, args),
        Command::Version(args) => version::run(ctx, args),
    }
}

/// The message shown for an error (cli.md §8): a Kuma API error anywhere in the chain
/// replaces the whole message with its formatted form; otherwise the context chain is
/// joined with ": ", as Go's wrapped errors read.
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
