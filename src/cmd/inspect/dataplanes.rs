//! `kumactl inspect dataplanes [-m MESH] [--tag k=v] [--gateway] [--ingress]` (Go:
//! `app/kumactl/cmd/inspect/inspect_dataplanes.go`): each data plane proxy of a mesh with
//! its tags, status, connection, certificate and versions, from
//! `GET /meshes/<mesh>/dataplanes/_overview`.

use crate::cmd::args::{KeyValues, key_values, merge_key_values};
use crate::cmd::context::RootContext;
use crate::output::inspect::dataplane_overview_table;
use clap::Args;
use std::io::Write;

#[derive(Debug, Args)]
#[command(about = "Inspect Dataplanes", long_about = "Inspect Dataplanes.")]
pub struct DataplanesArgs {
    /// mesh to use
    #[arg(short, long, value_name = "string", default_value = "default")]
    pub mesh: String,
    /// filter by tag in format of key=value. You can provide many tags
    #[arg(long, value_name = "stringToString", value_parser = key_values)]
    pub tag: Vec<KeyValues>,
    /// filter gateway dataplanes
    #[arg(long)]
    pub gateway: bool,
    /// filter ingress dataplanes
    #[arg(long)]
    pub ingress: bool,
}

impl DataplanesArgs {
    /// The query: `gateway=true`, `ingress=true` and one `tag=<key>:<value>` per tag.
    pub fn query(&self) -> Vec<(String, String)> {
        let mut query = Vec::new();
        if self.gateway {
            query.push(("gateway".to_string(), "true".to_string()));
        }
        if self.ingress {
            query.push(("ingress".to_string(), "true".to_string()));
        }
        for (key, value) in merge_key_values(&self.tag) {
            query.push(("tag".to_string(), format!("{key}:{value}")));
        }
        query
    }
}

pub fn run(ctx: &mut RootContext, output: &str, args: DataplanesArgs) -> anyhow::Result<()> {
    if args.ingress {
        // Kuma's API server ignores `ingress` (`pkg/api-server/filters/filtering.go`):
        // Zone Ingress proxies are not Dataplanes. Say so rather than filter nothing.
        writeln!(
            std::io::stderr().lock(),
            "WARNING: --ingress filters nothing: Zone Ingress proxies are not Dataplanes, see 'kumactl inspect zoneingresses'"
        )?;
    }
    let mesh = super::segment("Mesh", &args.mesh)?;
    let list = super::fetch_all(
        &super::client(ctx, "dataplane")?,
        &format!("/meshes/{mesh}/dataplanes/_overview"),
        &args.query(),
    )?;
    super::print_full_list(&list, output, |items| {
        dataplane_overview_table(items, chrono::Utc::now())
    })
}
