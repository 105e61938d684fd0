//! `kumactl version [--detailed]` (Go: `app/kumactl/cmd/version/version.go`): this client,
//! then the server from `GET /`.

use super::context::RootContext;
use crate::build_info;
use crate::output::json;
use clap::Args;
use std::io::Write;

#[derive(Debug, Args)]
#[command(about = "Print version", long_about = "Print version.")]
pub struct VersionArgs {
    /// Print detailed version
    #[arg(short = 'a', long)]
    pub detailed: bool,
}

/// The build block of `--detailed`, labels padded to 15 columns like Kuma's.
fn detailed_build_info() -> String {
    let rows = [
        ("Product:", build_info::PRODUCT.to_string()),
        ("Version:", build_info::KUMA_VERSION.to_string()),
        (
            "Build:",
            format!("kumactl (Rust) {}", build_info::PACKAGE_VERSION),
        ),
        ("Git Commit:", build_info::GIT_COMMIT.to_string()),
        ("Build Date:", build_info::BUILD_DATE.to_string()),
    ];
    rows.iter()
        .map(|(label, value)| format!("{label:<15}{value}\n"))
        .collect()
}

pub fn run(ctx: &mut RootContext, args: VersionArgs) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if args.detailed {
        out.write_all(detailed_build_info().as_bytes())?;
    } else {
        writeln!(
            out,
            "Client: {} {}",
            build_info::PRODUCT,
            build_info::KUMA_VERSION
        )?;
    }
    out.flush()?;
    // An unreachable control plane is reported, not an error: exit code stays 0.
    match ctx.server_index() {
        Ok(index) if args.detailed => {
            write!(out, "Server: {}", json::to_go_indented(&index, "   "))?;
        }
        Ok(index) => writeln!(out, "Server: {} {}", index.product, index.version)?,
        Err(err) => {
            eprintln!(
                "Unable to connect to control plane: {}",
                super::error_message(&err)
            );
        }
    }
    Ok(())
}
