//! `kumactl inspect zoneegress|zoneingress NAME [--type config-dump|stats|clusters]
//! [--include-eds]` (Go: `app/kumactl/cmd/inspect/inspect_zoneegress.go`,
//! `inspect_zoneingress.go`): the Envoy admin data of one zone proxy, passed through as the
//! control plane returns it. Both commands take the same flags; [`ZoneProxyKind`] says
//! which proxy.

use crate::cmd::args::suggest;
use crate::cmd::context::RootContext;
use anyhow::bail;
use clap::{ArgAction, Args};
use std::io::Write;

/// Which zone proxy an admin view is asked of.
pub struct ZoneProxyKind {
    /// The resource type, e.g. `ZoneEgress`.
    pub type_name: &'static str,
    /// Its REST path, e.g. `zoneegresses`.
    pub path: &'static str,
    /// The kumactl noun, e.g. `zoneegress`.
    pub noun: &'static str,
}

pub const EGRESS: ZoneProxyKind = ZoneProxyKind {
    type_name: "ZoneEgress",
    path: "zoneegresses",
    noun: "zoneegress",
};

pub const INGRESS: ZoneProxyKind = ZoneProxyKind {
    type_name: "ZoneIngress",
    path: "zoneingresses",
    noun: "zoneingress",
};

#[derive(Debug, Args)]
pub struct ZoneProxyAdminArgs {
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
    /// name of the zone proxy
    #[arg(
        long_help = "name of the zone proxy",
        value_name = "NAME",
        action = ArgAction::Append,
        num_args = 0..,
        hide_short_help = true
    )]
    pub names: Vec<String>,
}

impl ZoneProxyAdminArgs {
    pub fn validate_args(&self, kind: &ZoneProxyKind) -> anyhow::Result<()> {
        super::one_name(&self.names, kind.noun)
    }

    /// The Envoy admin endpoint for `--type`, under the proxy's own REST path.
    pub fn request_path(&self, kind: &ZoneProxyKind) -> anyhow::Result<String> {
        let inspection_type = if self.config_dump {
            "config-dump"
        } else {
            self.inspection_type.as_str()
        };
        let include_eds = self.include_eds;
        if include_eds && inspection_type != "config-dump" {
            bail!("flag '--include-eds' can be used only when '--type=config-dump'");
        }
        let (type_name, path) = (kind.type_name, kind.path);
        let name = super::segment(type_name, &self.names[0])?;
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
}

/// Prints the raw body of the admin view (after the deprecation notice of
/// `--config-dump`). A 404 for a Zone Egress is checked against a Kuma 3.x control
/// plane, which has no legacy Zone Egress to ask.
pub fn run(
    ctx: &mut RootContext,
    kind: &ZoneProxyKind,
    args: ZoneProxyAdminArgs,
) -> anyhow::Result<()> {
    if args.config_dump {
        writeln!(
            std::io::stdout().lock(),
            "Flag --config-dump has been deprecated, use --type=config-dump"
        )?;
    }
    let path = args.request_path(kind)?;
    let client = super::client(ctx, &format!("{} inspect", kind.noun))?;
    let response = client.get(&path)?;
    if response.status == 404 && kind.type_name == EGRESS.type_name {
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

    fn args(kind: &str, eds: bool) -> ZoneProxyAdminArgs {
        ZoneProxyAdminArgs {
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
        assert_eq!(
            a.request_path(&EGRESS).unwrap(),
            "/zoneegresses/a%2Fb/stats"
        );
        a.names = vec!["..".into()];
        assert_eq!(
            a.request_path(&EGRESS).unwrap_err().to_string(),
            "there is no ZoneEgress with name \"..\""
        );
    }

    #[test]
    fn paths_per_type() {
        assert_eq!(
            args("config-dump", true).request_path(&EGRESS).unwrap(),
            "/zoneegresses/ze-1/xds?include_eds=true"
        );
        assert_eq!(
            args("stats", true)
                .request_path(&EGRESS)
                .unwrap_err()
                .to_string(),
            "flag '--include-eds' can be used only when '--type=config-dump'"
        );
        assert_eq!(
            args("config-dump", false).request_path(&EGRESS).unwrap(),
            "/zoneegresses/ze-1/xds?include_eds=false"
        );
        assert_eq!(
            args("stats", false).request_path(&EGRESS).unwrap(),
            "/zoneegresses/ze-1/stats"
        );
        assert_eq!(
            args("clusters", false).request_path(&EGRESS).unwrap(),
            "/zoneegresses/ze-1/clusters"
        );
        assert_eq!(
            args("policies", false)
                .request_path(&EGRESS)
                .unwrap_err()
                .to_string(),
            "Policies are not applied on ZoneEgress, please use '--config-dump' flag to get envoy config dump of the ZoneEgress"
        );
        assert_eq!(
            args("xds", false)
                .request_path(&EGRESS)
                .unwrap_err()
                .to_string(),
            "invalid inspection type \"xds\": one of config-dump|stats|clusters"
        );
    }
}
