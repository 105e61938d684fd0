//! Just enough of a kubeconfig to read from a cluster (`install crds --only-missing`):
//! the files of client-go's loading rules (`$KUBECONFIG`, a `:`-separated list where the
//! first file to define a name wins, else `~/.kube/config`), the current context, its
//! cluster (server, CA, `insecure-skip-tls-verify`) and its user (bearer token or token
//! file, client certificate and key). Exec and auth-provider plugins are refused with a
//! clear error: kumactl runs no credential helpers.

use crate::client::{ApiClient, Auth, RequestLog};
use crate::config::ApiServer;
use crate::duration::GoDuration;
use anyhow::{Context, anyhow, bail};
use base64::Engine;
use serde::Deserialize;
use serde_yaml::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The largest kubeconfig file we read.
const FILE_LIMIT: u64 = 16 * 1024 * 1024;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct File {
    #[serde(rename = "current-context")]
    current_context: String,
    clusters: Vec<Named>,
    contexts: Vec<Named>,
    users: Vec<Named>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Named {
    name: String,
    cluster: Value,
    context: Value,
    user: Value,
}

/// The merged view of the kubeconfig files: entries by name, the first file winning.
#[derive(Debug, Default)]
struct Merged {
    current_context: String,
    clusters: BTreeMap<String, Value>,
    contexts: BTreeMap<String, Value>,
    users: BTreeMap<String, Value>,
}

/// A client for the current context's cluster. Inline certificate data is written to
/// files in `_dir` (mode 0600), which lives as long as the client.
pub struct KubeClient {
    pub client: ApiClient,
    _dir: tempfile::TempDir,
}

/// The kubeconfig files client-go would read.
fn paths() -> Vec<PathBuf> {
    match std::env::var_os("KUBECONFIG") {
        Some(list) if !list.is_empty() => std::env::split_paths(&list)
            .filter(|p| !p.as_os_str().is_empty())
            .collect(),
        _ => std::env::var_os("HOME")
            .map(|home| vec![PathBuf::from(home).join(".kube").join("config")])
            .unwrap_or_default(),
    }
}

fn load() -> anyhow::Result<Merged> {
    let mut merged = Merged::default();
    for path in paths() {
        let bytes = match crate::files::read_file_bounded(&path, FILE_LIMIT) {
            Ok(bytes) => bytes,
            // A listed file that does not exist is skipped, as client-go does.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(anyhow!(e)),
        };
        crate::nesting::check_yaml(&bytes).map_err(|e| anyhow!("{}: {e}", path.display()))?;
        let file: File = serde_yaml::from_slice(&bytes)
            .map_err(|e| anyhow!("error loading config file {:?}: {e}", path.display()))?;
        if merged.current_context.is_empty() {
            merged.current_context = file.current_context;
        }
        for entry in file.clusters {
            merged.clusters.entry(entry.name).or_insert(entry.cluster);
        }
        for entry in file.contexts {
            merged.contexts.entry(entry.name).or_insert(entry.context);
        }
        for entry in file.users {
            merged.users.entry(entry.name).or_insert(entry.user);
        }
    }
    Ok(merged)
}

fn text<'a>(map: &'a Value, key: &str) -> &'a str {
    map.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// Writes certificate data (base64, as kubeconfig holds it) to a file in `dir`.
fn data_file(dir: &Path, name: &str, base64_data: &str) -> anyhow::Result<String> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(base64_data.trim())
        .with_context(|| format!("{name}: illegal base64 data"))?;
    let path = dir.join(name);
    crate::config::write_atomically(&path, &bytes, 0o600)?;
    Ok(path.display().to_string())
}

impl KubeClient {
    /// The client of the current context. Errors read as client-go's loading errors.
    pub fn from_environment(timeout: GoDuration) -> anyhow::Result<KubeClient> {
        let merged = load()?;
        if merged.current_context.is_empty() && merged.clusters.is_empty() {
            bail!(
                "make sure you set KUBECONFIG environment variable to a valid Kubernetes config file"
            );
        }
        let context = merged
            .contexts
            .get(&merged.current_context)
            .ok_or_else(|| {
                anyhow!(
                    "invalid configuration: context was not found for specified context: {}",
                    merged.current_context
                )
            })?;
        let cluster_name = text(context, "cluster");
        let cluster = merged
            .clusters
            .get(cluster_name)
            .ok_or_else(|| anyhow!("invalid configuration: cluster {cluster_name:?} not found"))?;
        let user_name = text(context, "user");
        let no_user = Value::Null;
        let user = merged.users.get(user_name).unwrap_or(&no_user);
        for plugin in ["exec", "auth-provider"] {
            if user.get(plugin).is_some_and(|v| !v.is_null()) {
                bail!(
                    "the user {user_name:?} authenticates with an {plugin} plugin, which kumactl does not run; use a kubeconfig with a token or a client certificate"
                );
            }
        }
        let dir = tempfile::tempdir()?;
        let server = text(cluster, "server");
        if server.is_empty() {
            bail!("invalid configuration: no server found for cluster {cluster_name:?}");
        }
        let mut api = ApiServer {
            url: server.to_string(),
            skip_verify: cluster
                .get("insecure-skip-tls-verify")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            ..ApiServer::default()
        };
        api.ca_cert_file = match text(cluster, "certificate-authority-data") {
            "" => text(cluster, "certificate-authority").to_string(),
            data => data_file(dir.path(), "ca.crt", data)?,
        };
        api.client_cert_file = match text(user, "client-certificate-data") {
            "" => text(user, "client-certificate").to_string(),
            data => data_file(dir.path(), "client.crt", data)?,
        };
        api.client_key_file = match text(user, "client-key-data") {
            "" => text(user, "client-key").to_string(),
            data => data_file(dir.path(), "client.key", data)?,
        };
        let token = match (text(user, "token"), text(user, "tokenFile")) {
            ("", "") => String::new(),
            ("", file) => String::from_utf8_lossy(&crate::files::read_file_bounded(
                Path::new(file),
                FILE_LIMIT,
            )?)
            .trim()
            .to_string(),
            (token, _) => token.to_string(),
        };
        if !token.is_empty() {
            api.auth_type = "tokens".into();
            api.auth_conf.insert("token".into(), token);
        }
        let client = ApiClient::new(&api, timeout, Auth::Send, RequestLog(false))?;
        Ok(KubeClient { client, _dir: dir })
    }
}
