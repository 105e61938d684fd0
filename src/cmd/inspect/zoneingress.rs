//! `kumactl inspect zoneingress NAME [--type config-dump|stats|clusters] [--include-eds]`
//! (Go: `app/kumactl/cmd/inspect/inspect_zoneingress.go`): the Envoy admin data of one
//! Zone Ingress, passed through as the control plane returns it.

use super::zoneegress::{admin_path, print_admin_view};
use crate::cmd::args::suggest;
use crate::cmd::context::RootContext;
use clap::{ArgAction, Args};

#[derive(Debug, Args)]
#[command(about = "Inspect ZoneIngress", long_about = "Inspect ZoneIngress.")]
pub struct ZoneIngressArgs {
    /// inspection type: one of config-dump|stats|clusters
    #[arg(
        long = "type",
        value_name = "string",
        default_value = "config-dump",
        value_parser = suggest(&["config-dump", "stats", "clusters"]),
        hide_possible_values = true
    )]
    pub inspection_type: String,
    /// include EDS when dumping envoy config for dataplane
    #[arg(long)]
    pub include_eds: bool,
    /// if set then the command returns envoy config dump for provided dataplane
    #[arg(long, hide = true)]
    pub config_dump: bool,
    /// name of the Zone Ingress
    #[arg(
        long_help = "name of the Zone Ingress",
        value_name = "NAME",
        action = ArgAction::Append,
        num_args = 0..,
        hide_short_help = true
    )]
    pub names: Vec<String>,
}

impl ZoneIngressArgs {
    pub fn validate_args(&self) -> anyhow::Result<()> {
        super::one_name(&self.names, "zoneingress")
    }

    /// The admin endpoint for `--type`; always under `/zoneingresses`, as in Go.
    pub fn request_path(&self) -> anyhow::Result<String> {
        admin_path(
            "ZoneIngress",
            "zoneingresses",
            &self.names[0],
            &self.inspection_type,
            self.config_dump,
            self.include_eds,
        )
    }
}

pub fn run(ctx: &mut RootContext, args: ZoneIngressArgs) -> anyhow::Result<()> {
    print_admin_view(
        ctx,
        "zoneingress inspect",
        args.config_dump,
        args.request_path(),
    )
}
