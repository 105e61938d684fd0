//! `kumactl inspect zones` (Go: `app/kumactl/cmd/inspect/inspect_zones.go`): each zone
//! with the state of its zone control plane's connection, from `GET /zones/_overview`.

use crate::cmd::context::RootContext;
use crate::output::inspect::zone_overview_table;
use crate::output::resources::Format;
use clap::Args;
use std::io::Write;

#[derive(Debug, Args)]
#[command(about = "Inspect Zones", long_about = "Inspect Zones.")]
pub struct ZonesArgs {}

pub fn run(ctx: &mut RootContext, output: &str, _args: ZonesArgs) -> anyhow::Result<()> {
    let list = super::fetch_all(&super::client(ctx, "zone")?, "/zones/_overview", &[])?;
    if output.parse::<Format>() == Ok(Format::Table) {
        // A zone whose CP config is not JSON ends the table there, with an error.
        let (text, failure) = zone_overview_table(&list.items, chrono::Utc::now());
        std::io::stdout().lock().write_all(text.as_bytes())?;
        return match failure {
            Some(failure) => Err(anyhow::Error::msg(failure)),
            None => Ok(()),
        };
    }
    super::print_full_list(&list, output, |_| String::new())
}
