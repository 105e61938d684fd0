//! `kumactl inspect zoneegress NAME [--type config-dump|stats|clusters] [--include-eds]`:
//! the Envoy admin data of one Zone Egress, passed through as the control plane
//! returns it.

use crate::cmd::args::suggest;
use crate::cmd::context::RootContext;
use anyhow::bail;
use clap::{ArgAction, Args};
use std::io::Write;

#[derive(Debug, Args)]
#[command(about = "Inspect ZoneEgress", long_about = "Inspect ZoneEgress.")]
pub struct ZoneEgressArgs {
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
    /// name of the Zone Egress
    #[arg(
        long_help = "name of the Zone Egress",
        value_name = "NAME",
        action = ArgAction::Append,
        num_args = 0..,
        hide_short_help = true
    )]
    pub names: Vec<String>,
}

impl ZoneEgressArgs {
    pub fn validate_args(&self) -> anyhow::Result<()> {
        super::one_name(&self.names, "zoneegress")
    }

    /// The admin endpoint for `--type`.
    pub fn request_path(&self) -> anyhow::Result<String> {
        admin_path(
            "ZoneEgress",
            "zoneegresses",
            &self.names[0],
            &self.inspection_type,
            self.config_dump,
            self.include_eds,
        )
    }
}

/// The Envoy admin endpoint of a zone proxy for `--type` (Go:
/// `app/kumactl/cmd/inspect/inspect_zoneegress.go`, `inspect_zoneingress.go`):
/// `type_name` is `ZoneEgress` or `ZoneIngress`, `path` its REST path.
pub(super) fn admin_path(
    type_name: &str,
    path: &str,
    name: &str,
    inspection_type: &str,
    config_dump: bool,
    include_eds: bool,
) -> anyhow::Result<String> {
    let inspection_type = if config_dump {
        "config-dump"
    } else {
        inspection_type
    };
    if include_eds && inspection_type != "config-dump" {
        bail!("flag '--include-eds' can be used only when '--type=config-dump'");
    }
    let name = super::segment(type_name, name)?;
    Ok(match inspection_type {
        "config-dump" => format!("/{path}/{name}/xds?include_eds={include_eds}"),
        "stats" => format!("/{path}/{name}/stats"),
        "clusters" => format!("/{path}/{name}/clusters"),
        "policies" => bail!(
            "Policies are not applied on {type_name}, please use '--config-dump' flag to get envoy config dump of the {type_name}"
        ),
        other => bail!("invalid inspection type {other:?}: one of config-dump|stats|clusters"),
    })
}

/// Prints the raw body of an Envoy admin view (after the deprecation notice of
/// `--config-dump`).
pub(super) fn print_admin_view(
    ctx: &RootContext,
    what: &str,
    config_dump: bool,
    path: anyhow::Result<String>,
) -> anyhow::Result<()> {
    if config_dump {
        writeln!(
            std::io::stdout().lock(),
            "Flag --config-dump has been deprecated, use --type=config-dump"
        )?;
    }
    let path = path?;
    let client = super::client(ctx, what)?;
    let response = client.get(&path)?;
    if response.status == 404 {
        crate::cmd::legacy_egress::require_legacy(&client, "ZoneEgress")?;
    }
    if !response.is_success() {
        return Err(response.error().into());
    }
    std::io::stdout().lock().write_all(&response.body)?;
    Ok(())
}

pub fn run(ctx: &mut RootContext, args: ZoneEgressArgs) -> anyhow::Result<()> {
    print_admin_view(
        ctx,
        "zoneegress inspect",
        args.config_dump,
        args.request_path(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(kind: &str, eds: bool) -> ZoneEgressArgs {
        ZoneEgressArgs {
            inspection_type: kind.into(),
            include_eds: eds,
            config_dump: false,
            names: vec!["ze-1".into()],
        }
    }

    #[test]
    fn names_are_one_path_segment() {
        let mut a = args("stats", false);
        a.names = vec!["a/b".into()];
        assert_eq!(a.request_path().unwrap(), "/zoneegresses/a%2Fb/stats");
        a.names = vec!["..".into()];
        assert_eq!(
            a.request_path().unwrap_err().to_string(),
            "there is no ZoneEgress with name \"..\""
        );
    }

    #[test]
    fn paths_per_type() {
        assert_eq!(
            args("config-dump", true).request_path().unwrap(),
            "/zoneegresses/ze-1/xds?include_eds=true"
        );
        assert_eq!(
            args("stats", true).request_path().unwrap_err().to_string(),
            "flag '--include-eds' can be used only when '--type=config-dump'"
        );
        assert_eq!(
            args("config-dump", false).request_path().unwrap(),
            "/zoneegresses/ze-1/xds?include_eds=false"
        );
        assert_eq!(
            args("stats", false).request_path().unwrap(),
            "/zoneegresses/ze-1/stats"
        );
        assert_eq!(
            args("clusters", false).request_path().unwrap(),
            "/zoneegresses/ze-1/clusters"
        );
        assert_eq!(
            args("policies", false)
                .request_path()
                .unwrap_err()
                .to_string(),
            "Policies are not applied on ZoneEgress, please use '--config-dump' flag to get envoy config dump of the ZoneEgress"
        );
        assert_eq!(
            args("xds", false).request_path().unwrap_err().to_string(),
            "invalid inspection type \"xds\": one of config-dump|stats|clusters"
        );
    }
}
