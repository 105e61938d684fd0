//! How a kuma-cp-lite instance is configured (the flags of `kuma-cp-lite run`).

use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// The control plane mode (Go: pkg/config/app/kuma-cp/config.go). `standalone` is accepted
/// as `zone`, as real Kuma rewrites it at start-up (app/kuma-cp/cmd/run.go).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Mode {
    #[default]
    #[value(alias = "standalone")]
    Zone,
    Global,
}

#[derive(Clone, Debug, Args)]
pub struct ServerOptions {
    /// IP address to listen on
    #[arg(long, default_value = "127.0.0.1")]
    pub address: String,
    /// port of the HTTP API server (0 picks a free port)
    #[arg(long, default_value_t = 5681)]
    pub api_port: u16,
    /// port of the HTTPS API server (0 picks a free port)
    #[arg(long, default_value_t = 5682)]
    pub api_https_port: u16,
    /// name of the zone this control plane runs in
    #[arg(long, default_value = "default")]
    pub zone: String,
    /// control plane mode
    #[arg(long, value_enum, default_value_t = Mode::Zone)]
    pub mode: Mode,
    /// PEM certificate (chain) for the HTTPS servers; a self-signed one is generated when absent
    #[arg(long, requires = "tls_key_file")]
    pub tls_cert_file: Option<PathBuf>,
    /// PEM private key of --tls-cert-file
    #[arg(long, requires = "tls_cert_file")]
    pub tls_key_file: Option<PathBuf>,
    /// do not log each request on stderr
    #[arg(long)]
    pub quiet: bool,
    /// do not create the Mesh "default" at start-up
    #[arg(long)]
    pub skip_default_mesh: bool,
    /// port of the dp-server, over HTTPS, where Zone Egress proxies register (0 picks a free port)
    #[arg(long, default_value_t = 5678)]
    pub dp_port: u16,
    /// treat requests from this machine as the admin; --localhost-is-admin=false requires a user token from everyone
    #[arg(
        long,
        value_name = "bool",
        default_value_t = true,
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "true",
        action = clap::ArgAction::Set
    )]
    pub localhost_is_admin: bool,
    /// write the admin user token to this file (mode 0600) at start-up, for when no local admin can fetch it
    #[arg(long, value_name = "path")]
    pub admin_token_file: Option<PathBuf>,
    /// the Kuma version to report; 3 or later also drops the legacy Zone Egress as Kuma 3.0 does (for testing clients)
    #[arg(long, hide = true, value_name = "version")]
    pub kuma_version: Option<String>,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            address: "127.0.0.1".into(),
            api_port: 5681,
            api_https_port: 5682,
            zone: "default".into(),
            mode: Mode::Zone,
            tls_cert_file: None,
            tls_key_file: None,
            quiet: false,
            skip_default_mesh: false,
            dp_port: 5678,
            localhost_is_admin: true,
            admin_token_file: None,
            kuma_version: None,
        }
    }
}

impl ServerOptions {
    /// Every port ephemeral and logs off: what tests want.
    pub fn for_tests() -> ServerOptions {
        ServerOptions {
            api_port: 0,
            api_https_port: 0,
            dp_port: 0,
            quiet: true,
            ..ServerOptions::default()
        }
    }
}
