//! `kumactl inspect zoneingresses` (alias `zone-ingresses`; Go:
//! `app/kumactl/cmd/inspect/inspect_zoneingresses.go`): each Zone Ingress with the state
//! of its connection to the control plane, from `GET /zoneingresses/_overview`.

use crate::cmd::context::RootContext;
use crate::output::inspect::proxy_overview_table;
use clap::Args;

#[derive(Debug, Args)]
#[command(
    about = "Inspect Zone Ingresses",
    long_about = "Inspect Zone Ingresses."
)]
pub struct ZoneIngressesArgs {}

pub fn run(ctx: &mut RootContext, output: &str, _args: ZoneIngressesArgs) -> anyhow::Result<()> {
    super::print_list(
        ctx,
        "zone ingress",
        "/zoneingresses/_overview",
        output,
        |items| proxy_overview_table(items, "zoneIngressInsight", chrono::Utc::now()),
    )
}
