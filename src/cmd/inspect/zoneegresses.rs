//! `kumactl inspect zoneegresses`: each Zone Egress with the state of its connection to
//! the control plane, from `GET /zoneegresses/_overview`.

use crate::cmd::context::RootContext;
use crate::output::resources::zoneegress_overview_table;
use clap::Args;

#[derive(Debug, Args)]
#[command(about = "Inspect Zone Egresses", long_about = "Inspect Zone Egresses.")]
pub struct ZoneEgressesArgs {}

pub fn run(ctx: &mut RootContext, output: &str, _args: ZoneEgressesArgs) -> anyhow::Result<()> {
    super::print_list(
        ctx,
        "zone egress",
        "/zoneegresses/_overview",
        output,
        |items| zoneegress_overview_table(items, chrono::Utc::now()),
    )
}
