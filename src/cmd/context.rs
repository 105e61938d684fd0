//! What every command starts from (Go's `RootContext`): the start-up sequence of Go's
//! root `PersistentPreRunE` (`app/kumactl/cmd/root.go`), the current control plane, its
//! HTTP client and the compatibility check.

use super::GlobalArgs;
use crate::build_info;
use crate::client::{ApiClient, Auth, RequestError, RequestLog};
use crate::config::{self, ApiServer, Config};
use std::cell::OnceCell;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LogLevel {
    Off,
    Info,
    Debug,
}

impl LogLevel {
    fn parse(text: &str) -> Option<LogLevel> {
        match text {
            "off" => Some(LogLevel::Off),
            "info" => Some(LogLevel::Info),
            "debug" => Some(LogLevel::Debug),
            _ => None,
        }
    }
}

/// Why the start-up sequence failed.
#[derive(Debug)]
pub enum StartError {
    /// `--log-level` is not one of off|info|debug (reported with the usage hint).
    LogLevel(String),
    Other(anyhow::Error),
}

pub struct RootContext {
    pub args: GlobalArgs,
    pub log_level: LogLevel,
    config: Config,
    config_path: PathBuf,
    /// The current control plane's client, built on first use. The compatibility check
    /// and the command share it, hence one connection (and for https one TLS handshake
    /// and one load of the system roots) per run.
    client: OnceCell<ApiClient>,
}

impl RootContext {
    /// Parses the log level, then, unless `--no-config`, creates the default config file
    /// on first use and loads it.
    pub fn start(args: GlobalArgs) -> Result<RootContext, StartError> {
        let log_level = LogLevel::parse(&args.log_level)
            .ok_or_else(|| StartError::LogLevel(args.log_level.clone()))?;
        let config_path = args
            .config_file
            .clone()
            .unwrap_or_else(config::default_path);
        let config = if args.no_config {
            Config::default_config()
        } else {
            if !config_path.exists() {
                Config::default_config()
                    .save(&config_path)
                    .map_err(|e| StartError::Other(e.into()))?;
            }
            Config::load(&config_path).map_err(|e| StartError::Other(e.into()))?
        };
        Ok(RootContext {
            args,
            log_level,
            config,
            config_path,
            client: OnceCell::new(),
        })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn config_mut(&mut self) -> &mut Config {
        &mut self.config
    }

    /// Saves the config to `--config-file` or `~/.kumactl/config`. As in Go kumactl this
    /// writes even with `--no-config` (the flag only skips creating and reading it).
    pub fn save_config(&self) -> anyhow::Result<()> {
        self.config.save(&self.config_path)?;
        Ok(())
    }

    pub fn request_log(&self) -> RequestLog {
        RequestLog(self.log_level >= LogLevel::Debug)
    }

    /// The API server coordinates of the current control plane (`--context` selects a
    /// control plane by name, as in Go).
    pub fn current_api_server(&self) -> anyhow::Result<&ApiServer> {
        let cp = self
            .config
            .current_control_plane(self.args.context.as_deref())?;
        Ok(&cp.coordinates.api_server)
    }

    /// A client for the current control plane, with its credentials. Clones share the
    /// connection pool.
    pub fn api_client(&self) -> anyhow::Result<ApiClient> {
        if let Some(client) = self.client.get() {
            return Ok(client.clone());
        }
        let api = self.current_api_server()?;
        let client = self.client_for(api, Auth::Send)?;
        Ok(self.client.get_or_init(|| client).clone())
    }

    pub fn client_for(
        &self,
        api: &ApiServer,
        auth: Auth,
    ) -> Result<ApiClient, crate::client::ClientError> {
        ApiClient::new(api, self.args.api_timeout, auth, self.request_log())
    }

    /// `GET /` on the current control plane, for `version` and the compatibility check.
    pub fn server_index(&self) -> anyhow::Result<crate::api::Index> {
        let client = self.api_client()?;
        client.index().map_err(|e| {
            let reason = match e {
                RequestError::Status { status, body } => format!("({status}): {body}"),
                other => other.to_string(),
            };
            anyhow::anyhow!("Unable to retrieve server version: {reason}")
        })
    }

    /// Warns on stderr when the control plane is not the Kuma version we speak
    /// (Go's `CheckCompatibility` in `app/kumactl/pkg/cmd/root_context.go`). Never fails the command.
    pub fn check_compatibility(&self) {
        let warning = match self.server_index() {
            Err(err) => Some(format!(
                "WARNING: Failed to retrieve server version, can't check compatibility: {}",
                super::error_message(&err)
            )),
            Ok(index) => compatibility_warning(&index),
        };
        if let Some(warning) = warning {
            eprintln!("{warning}");
        }
    }
}

/// The warning for a control plane that is not the Kuma version we speak. We compare
/// major.minor (patch releases are compatible) and name client and server the right way
/// round (Go swaps them). Preview builds are not checked.
pub fn compatibility_warning(index: &crate::api::Index) -> Option<String> {
    if index.version.contains("preview") {
        return None;
    }
    let same_product = index.product == build_info::PRODUCT;
    let same_release = major_minor(&index.version) == major_minor(build_info::KUMA_VERSION);
    if same_product && same_release {
        return None;
    }
    Some(format!(
        "WARNING: You are using kumactl version {} for {}, but the server returned version: {} for {}",
        build_info::KUMA_VERSION,
        build_info::PRODUCT,
        index.version,
        index.product
    ))
}

fn major_minor(version: &str) -> (String, String) {
    let version = version.trim_start_matches('v');
    let mut parts = version.split(['.', '-']);
    (
        parts.next().unwrap_or_default().to_string(),
        parts.next().unwrap_or_default().to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(product: &str, version: &str) -> crate::api::Index {
        crate::api::Index {
            product: product.into(),
            version: version.into(),
            ..Default::default()
        }
    }

    #[test]
    fn warns_only_for_another_release_or_product() {
        assert_eq!(compatibility_warning(&index("Kuma", "2.14.3")), None);
        assert_eq!(compatibility_warning(&index("Kuma", "2.14.0")), None);
        assert_eq!(
            compatibility_warning(&index("Kuma", "0.0.0-preview.vlocal")),
            None
        );
        assert_eq!(
            compatibility_warning(&index("Kuma", "2.13.1")).unwrap(),
            "WARNING: You are using kumactl version 2.14.3 for Kuma, but the server returned version: 2.13.1 for Kuma"
        );
        assert_eq!(
            compatibility_warning(&index("Kong Mesh", "2.14.3")).unwrap(),
            "WARNING: You are using kumactl version 2.14.3 for Kuma, but the server returned version: 2.14.3 for Kong Mesh"
        );
    }

    #[test]
    fn compares_major_minor() {
        assert_eq!(major_minor("2.14.3"), major_minor("2.14.0"));
        assert_eq!(major_minor("v2.14.1"), major_minor("2.14.3"));
        assert_ne!(major_minor("2.13.3"), major_minor("2.14.3"));
    }
}
