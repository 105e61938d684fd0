//! The `kuma-cp-lite` command line.

use super::options::ServerOptions;
use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "kuma-cp-lite",
    version,
    about = "A Kuma-compatible local control plane for development, demos and tests",
    long_about = "A Kuma-compatible local control plane for development, demos and tests.\n\n\
                  It serves the part of Kuma's REST API that kumactl uses, in memory, so the \
                  whole Zone Egress workflow can run without a cluster."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: CliCommand,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Run the control plane until interrupted (SIGINT or SIGTERM)
    Run(ServerOptions),
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        CliCommand::Run(options) => match super::server::run_until_signal(options) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("Error: {err:#}");
                ExitCode::FAILURE
            }
        },
    }
}
