//! `kumactl inspect dataplane NAME [-m MESH] [--type policies|config-dump|stats|clusters|config]`
//! (Go: `app/kumactl/cmd/inspect/inspect_dataplane.go`): the policies that apply to one
//! data plane proxy, its Envoy admin data, or the xDS configuration the control plane
//! generates for it.

use crate::cmd::args::suggest;
use crate::cmd::context::RootContext;
use crate::output::inspect::dataplane_policies_text;
use anyhow::bail;
use clap::{ArgAction, Args};
use serde_json::Value;
use std::io::Write;

const TYPES: &[&str] = &["policies", "config-dump", "stats", "clusters", "config"];

#[derive(Debug, Args)]
#[command(about = "Inspect Dataplane", long_about = "Inspect Dataplane.")]
pub struct DataplaneArgs {
    /// inspection type: one of policies|config-dump|stats|clusters|config
    #[arg(
        long = "type",
        value_name = "string",
        default_value = "policies",
        value_parser = suggest(TYPES),
        hide_possible_values = true
    )]
    pub inspection_type: String,
    /// if set then the command returns envoy config dump for provided dataplane
    #[arg(long, hide = true)]
    pub config_dump: bool,
    /// include EDS when dumping envoy config for dataplane
    #[arg(long)]
    pub include_eds: bool,
    /// mesh to use
    #[arg(short, long, value_name = "string", default_value = "default")]
    pub mesh: String,
    /// when computing XDS config the CP takes into account policies with 'kuma.io/effect: shadow' label
    #[arg(long)]
    pub shadow: bool,
    #[arg(
        long,
        value_name = "include=diff",
        value_delimiter = ',',
        help = "an array of extra fields to include in the response. When include=diff the server computes a diff in JSONPatch format between the XDS config returned in 'xds' and the current proxy XDS config."
    )]
    pub include: Vec<String>,
    /// name of the Dataplane
    #[arg(
        long_help = "name of the Dataplane",
        value_name = "NAME",
        action = ArgAction::Append,
        num_args = 0..,
        hide_short_help = true
    )]
    pub names: Vec<String>,
}

impl DataplaneArgs {
    pub fn validate_args(&self) -> anyhow::Result<()> {
        super::one_name(&self.names, "dataplane")
    }

    /// The flag checks in Go's order, then the request path for `--type`.
    pub fn request_path(&self) -> anyhow::Result<String> {
        let inspection_type = if self.config_dump {
            "config-dump"
        } else {
            self.inspection_type.as_str()
        };
        if self.shadow && inspection_type != "config" {
            bail!("flag '--shadow' can be used only when '--type=config'");
        }
        if !self.include.is_empty() && inspection_type != "config" {
            bail!("flag '--include' can be used only when '--type=config'");
        }
        if self.include_eds && inspection_type != "config-dump" {
            bail!("flag '--include-eds' can be used only when '--type=config-dump'");
        }
        let mesh = super::segment("Mesh", &self.mesh)?;
        let name = super::segment("Dataplane", &self.names[0])?;
        let base = format!("/meshes/{mesh}/dataplanes/{name}");
        Ok(match inspection_type {
            "policies" => format!("{base}/policies"),
            "config-dump" => format!("{base}/xds?include_eds={}", self.include_eds),
            "stats" => format!("{base}/stats"),
            "clusters" => format!("{base}/clusters"),
            "config" => {
                let mut query = url::form_urlencoded::Serializer::new(String::new());
                for include in &self.include {
                    query.append_pair("include", include);
                }
                query.append_pair("shadow", &self.shadow.to_string());
                format!("{base}/_config?{}", query.finish())
            }
            other => bail!(
                "invalid inspection type {other:?}: one of policies|config-dump|stats|clusters|config"
            ),
        })
    }
}

pub fn run(ctx: &mut RootContext, args: DataplaneArgs) -> anyhow::Result<()> {
    if args.config_dump {
        writeln!(
            std::io::stdout().lock(),
            "Flag --config-dump has been deprecated, use --type=config-dump"
        )?;
    }
    let path = args.request_path()?;
    let client = super::client(ctx, "dataplane inspect")?;
    let response = client.get(&path)?;
    if !response.is_success() {
        return Err(response.error().into());
    }
    let mut stdout = std::io::stdout().lock();
    if path.ends_with("/policies") {
        let answer: Value = response.json()?;
        let text = dataplane_policies_text(&answer).map_err(anyhow::Error::msg)?;
        stdout.write_all(text.as_bytes())?;
    } else {
        stdout.write_all(&response.body)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(kind: &str) -> DataplaneArgs {
        DataplaneArgs {
            inspection_type: kind.into(),
            config_dump: false,
            include_eds: false,
            mesh: "default".into(),
            shadow: false,
            include: vec![],
            names: vec!["dp-1".into()],
        }
    }

    #[test]
    fn paths_and_flag_checks() {
        assert_eq!(
            args("policies").request_path().unwrap(),
            "/meshes/default/dataplanes/dp-1/policies"
        );
        let mut config = args("config");
        config.shadow = true;
        config.include = vec!["diff".into()];
        assert_eq!(
            config.request_path().unwrap(),
            "/meshes/default/dataplanes/dp-1/_config?include=diff&shadow=true"
        );
        let mut dump = args("stats");
        dump.config_dump = true;
        dump.include_eds = true;
        assert_eq!(
            dump.request_path().unwrap(),
            "/meshes/default/dataplanes/dp-1/xds?include_eds=true"
        );
        let mut shadow = args("stats");
        shadow.shadow = true;
        assert_eq!(
            shadow.request_path().unwrap_err().to_string(),
            "flag '--shadow' can be used only when '--type=config'"
        );
        let mut include = args("policies");
        include.include = vec!["diff".into()];
        assert_eq!(
            include.request_path().unwrap_err().to_string(),
            "flag '--include' can be used only when '--type=config'"
        );
        let mut eds = args("clusters");
        eds.include_eds = true;
        assert_eq!(
            eds.request_path().unwrap_err().to_string(),
            "flag '--include-eds' can be used only when '--type=config-dump'"
        );
    }
}
