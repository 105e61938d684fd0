//! `kumactl inspect zoneegress NAME [--type config-dump|stats|clusters] [--include-eds]`:
//! the Envoy admin data of one Zone Egress, passed through as the control plane
//! returns it.

use crate::cmd::args::{exact_args, suggest};
use crate::cmd::cli_errors::usage_error;
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
    /// include Envoy EDS in the config dump
    #[arg(long)]
    pub include_eds: bool,
    /// deprecated: use --type=config-dump
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
        exact_args(&self.names, 1).map_err(|e| {
            let argv = ["kumactl", "inspect", "zoneegress"].map(String::from);
            usage_error(&argv, &e.to_string())
        })
    }

    /// The admin endpoint for `--type`.
    pub fn request_path(&self) -> anyhow::Result<String> {
        let Some(name) = crate::cmd::get::path_segment(&self.names[0]) else {
            bail!("there is no ZoneEgress with name {:?}", self.names[0]);
        };
        Ok(match self.inspection_type.as_str() {
            "config-dump" => format!("/zoneegresses/{name}/xds?include_eds={}", self.include_eds),
            "stats" => format!("/zoneegresses/{name}/stats"),
            "clusters" => format!("/zoneegresses/{name}/clusters"),
            "policies" => bail!(
                "Policies are not applied on ZoneEgress, please use '--config-dump' flag to get envoy config dump of the ZoneEgress"
            ),
            other => bail!("invalid inspection type {other:?}: one of config-dump|stats|clusters"),
        })
    }
}

pub fn run(ctx: &mut RootContext, args: ZoneEgressArgs) -> anyhow::Result<()> {
    if args.config_dump {
        writeln!(
            std::io::stdout().lock(),
            "Flag --config-dump has been deprecated, use --type=config-dump"
        )?;
    }
    let path = args.request_path()?;
    let client = ctx.api_client()?;
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
