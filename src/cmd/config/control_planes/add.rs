//! `kumactl config control-planes add` (`app/kumactl/cmd/config/`): validate, check the server, store.

use crate::client::{Auth, RequestError};
use crate::cmd::args::{KeyValues, key_values, merge_key_values, require_flags};
use crate::cmd::context::RootContext;
use crate::config::{ApiServer, Context, ControlPlane, Coordinates, Header};
use anyhow::{anyhow, bail};
use clap::Args;
use std::io::Write;

#[derive(Debug, Args)]
#[command(about = "Add a Control Plane", long_about = "Add a Control Plane.")]
pub struct AddArgs {
    /// reference name for the Control Plane (required)
    #[arg(long, value_name = "string")]
    pub name: Option<String>,
    /// URL of the Control Plane API Server (required). Example: http://localhost:5681 or https://localhost:5682)
    #[arg(long, value_name = "string")]
    pub address: Option<String>,
    /// overwrite existing Control Plane with the same reference name
    #[arg(long)]
    pub overwrite: bool,
    /// path to the certificate of a client that is authorized to use the Admin operations of the Control Plane (kumactl stores only a reference to this file)
    #[arg(long, value_name = "string")]
    pub client_cert_file: Option<String>,
    /// path to the certificate key of a client that is authorized to use the Admin operations of the Control Plane (kumactl stores only a reference to this file)
    #[arg(long, value_name = "string")]
    pub client_key_file: Option<String>,
    /// path to the certificate authority which will be used to verify the Control Plane certificate (kumactl stores only a reference to this file)
    #[arg(long, value_name = "string")]
    pub ca_cert_file: Option<String>,
    /// skip CA verification
    #[arg(long)]
    pub skip_verify: bool,
    /// add these headers while communicating to control plane, format key=value
    #[arg(long, value_name = "stringToString", value_parser = key_values)]
    pub headers: Vec<KeyValues>,
    /// authentication type (for example: "tokens")
    #[arg(long, value_name = "string")]
    pub auth_type: Option<String>,
    /// authentication configuration for defined authentication type format key=value
    #[arg(long, value_name = "stringToString", value_parser = key_values)]
    pub auth_conf: Vec<KeyValues>,
    /// skip checking if we can connect to the CP
    #[arg(long)]
    pub skip_check: bool,
}

/// Go's `url.ParseRequestURI`: an absolute URL (or an absolute path).
fn validate_address(address: &str) -> anyhow::Result<()> {
    // Errors never show a password given in the address.
    let shown = crate::config::shown_address(address);
    let invalid = || anyhow!("API Server URL is invalid: parse {shown:?}: invalid URI for request");
    let url = url::Url::parse(address).map_err(|_| invalid())?;
    if !matches!(url.scheme(), "http" | "https") {
        bail!(
            "API Server URL is invalid: unsupported scheme {:?} in {shown:?} (use http:// or https://)",
            url.scheme()
        );
    }
    if url.host_str().unwrap_or_default().is_empty() {
        return Err(invalid());
    }
    Ok(())
}

pub fn run(ctx: &mut RootContext, args: AddArgs) -> anyhow::Result<()> {
    require_flags(&[
        ("address", args.address.is_some()),
        ("name", args.name.is_some()),
    ])?;
    let name = args.name.unwrap_or_default();
    let address = args.address.unwrap_or_default();
    validate_address(&address)?;
    let client_cert_file = args.client_cert_file.unwrap_or_default();
    let client_key_file = args.client_key_file.unwrap_or_default();
    if client_cert_file.is_empty() != client_key_file.is_empty() {
        bail!("Both --client-cert-file and --client-key-file needs to be specified");
    }
    let auth_type = args.auth_type.unwrap_or_default();
    let auth_conf = merge_key_values(&args.auth_conf);
    match auth_type.as_str() {
        "" => {}
        "tokens" => {
            if auth_conf.get("token").is_none_or(|t| t.is_empty()) {
                bail!("--auth-conf is not valid: provide token=YOUR_TOKEN");
            }
        }
        other => bail!("authentication plugin of type {other:?} is not found"),
    }
    // Stored sorted by key, as Go kumactl stores them.
    let headers: Vec<Header> = merge_key_values(&args.headers)
        .into_iter()
        .map(|(key, value)| Header { key, value })
        .collect();
    let api_server = ApiServer {
        url: address,
        ca_cert_file: args.ca_cert_file.unwrap_or_default(),
        client_cert_file,
        client_key_file,
        headers,
        auth_type,
        auth_conf,
        skip_verify: args.skip_verify,
    };
    if !args.skip_check {
        check_control_plane(ctx, &api_server)?;
    }

    let control_plane = ControlPlane {
        name: name.clone(),
        coordinates: Coordinates {
            api_server: api_server.clone(),
        },
    };
    let context = Context {
        name: name.clone(),
        control_plane: name.clone(),
        defaults: None,
    };
    let config = ctx.config_mut();
    match config.control_planes.iter().position(|cp| cp.name == name) {
        Some(_) if !args.overwrite => bail!(
            "Control Plane with name {name:?} already exists. Use --overwrite to replace an existing one."
        ),
        Some(i) => config.control_planes[i] = control_plane,
        None => config.control_planes.push(control_plane),
    }
    match config.contexts.iter().position(|c| c.name == name) {
        Some(_) if !args.overwrite => bail!("Context with name {name:?} already exists"),
        Some(i) => config.contexts[i] = context,
        None => config.contexts.push(context),
    }
    config.current_context = name.clone();
    ctx.save_config()?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "added Control Plane {name:?}")?;
    writeln!(out, "switched active Control Plane to {name:?}")?;
    Ok(())
}

/// `GET /` with the new coordinates (TLS files and headers, no credentials): the server
/// must answer and be Kuma.
fn check_control_plane(ctx: &RootContext, api_server: &ApiServer) -> anyhow::Result<()> {
    let connect_error =
        |reason: String| anyhow!("could not connect to the Control Plane API Server: {reason}");
    let client = ctx
        .client_for(api_server, Auth::Skip)
        .map_err(|e| connect_error(e.to_string()))?;
    let index = client.index().map_err(|e| match e {
        RequestError::Status { status, body } => connect_error(format!("({status}): {body}")),
        other => connect_error(other.to_string()),
    })?;
    if index.product != crate::build_info::PRODUCT && !index.version.contains("preview") {
        bail!(
            "this CLI is for Kuma but the control plane you're connected to is {}. Please use the CLI for your control plane",
            index.product
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_must_be_an_absolute_http_url() {
        assert_eq!(
            validate_address("foo").unwrap_err().to_string(),
            "API Server URL is invalid: parse \"foo\": invalid URI for request"
        );
        assert!(
            validate_address("localhost:5681")
                .unwrap_err()
                .to_string()
                .contains("unsupported scheme")
        );
        assert!(validate_address("http://localhost:5681").is_ok());
        assert!(validate_address("https://cp.example.com:5682/api").is_ok());
    }
}
