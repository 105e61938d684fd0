//! The kumactl config file (`~/.kumactl/config`): model, load, atomic save.
//!
//! Go kumactl reads it through protobuf jsonpb (camelCase or snake_case keys, unknown
//! keys ignored, an empty file is an empty config) and writes it with zero values
//! omitted and keys sorted. We keep that format so both tools can share one file.

use crate::os_error;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The default control plane and context name.
pub const DEFAULT_NAME: &str = "local";
/// The default control plane address.
pub const DEFAULT_URL: &str = "http://localhost:5681";

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Config {
    #[serde(alias = "control_planes", skip_serializing_if = "Vec::is_empty")]
    pub control_planes: Vec<ControlPlane>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contexts: Vec<Context>,
    #[serde(alias = "current_context", skip_serializing_if = "String::is_empty")]
    pub current_context: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ControlPlane {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(skip_serializing_if = "Coordinates::is_empty")]
    pub coordinates: Coordinates,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Coordinates {
    #[serde(alias = "api_server", skip_serializing_if = "ApiServer::is_empty")]
    pub api_server: ApiServer,
}

impl Coordinates {
    fn is_empty(&self) -> bool {
        self.api_server.is_empty()
    }
}

/// How to reach and authenticate to a control plane's API server.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ApiServer {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub url: String,
    #[serde(alias = "ca_cert_file", skip_serializing_if = "String::is_empty")]
    pub ca_cert_file: String,
    #[serde(alias = "client_cert_file", skip_serializing_if = "String::is_empty")]
    pub client_cert_file: String,
    #[serde(alias = "client_key_file", skip_serializing_if = "String::is_empty")]
    pub client_key_file: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<Header>,
    #[serde(alias = "auth_type", skip_serializing_if = "String::is_empty")]
    pub auth_type: String,
    #[serde(alias = "auth_conf", skip_serializing_if = "BTreeMap::is_empty")]
    pub auth_conf: BTreeMap<String, String>,
    #[serde(alias = "skip_verify", skip_serializing_if = "is_false")]
    pub skip_verify: bool,
}

impl ApiServer {
    fn is_empty(&self) -> bool {
        *self == ApiServer::default()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Header {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub key: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub value: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Context {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(alias = "control_plane", skip_serializing_if = "String::is_empty")]
    pub control_plane: String,
    /// Kept for compatibility; kumactl never reads `defaults.mesh` (`app/kumactl/cmd/root.go`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub defaults: Option<ContextDefaults>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContextDefaults {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub mesh: String,
}

/// Load and save failures, with Go kumactl's messages.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("Failed to access configuration file {path:?}")]
    Access { path: PathBuf },
    // The io errors are rendered into the message (Go's wording), not chained as
    // sources, so they are not printed twice.
    #[error(
        "Failed to read configuration from file {path:?}: {}",
        os_error::text(error)
    )]
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("Failed to parse configuration from file {path:?}: {reason}")]
    Parse { path: PathBuf, reason: String },
    #[error(
        "Failed to create a directory {path:?}: {}",
        os_error::path_text("mkdir", path, error)
    )]
    CreateDir {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error(
        "Failed to write configuration into file {path:?}: {}",
        os_error::path_text("open", path, error)
    )]
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
}

/// Which control plane a command talks to could not be resolved (Go:
/// `app/kumactl/pkg/cmd/root_context.go`, `CurrentControlPlane`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CurrentControlPlaneError {
    #[error(
        "active Control Plane is not set. Use `kumactl config control-planes add` to add a Control Plane and make it active"
    )]
    NotSet,
    #[error(
        "apparently, configuration is broken. Use `kumactl config control-planes add` to add a Control Plane and make it active"
    )]
    Broken,
    /// `--context NAME` names no control plane. Go reports this as `Broken` too; we say
    /// which name was not found and what there is.
    #[error(
        "apparently, configuration is broken: --context {name:?} names no Control Plane (known: {known}). Use `kumactl config control-planes list` to see them"
    )]
    UnknownContext { name: String, known: String },
}

impl Config {
    /// The configuration written on first use: one control plane and context, `local`.
    pub fn default_config() -> Config {
        Config {
            control_planes: vec![ControlPlane {
                name: DEFAULT_NAME.into(),
                coordinates: Coordinates {
                    api_server: ApiServer {
                        url: DEFAULT_URL.into(),
                        ..ApiServer::default()
                    },
                },
            }],
            contexts: vec![Context {
                name: DEFAULT_NAME.into(),
                control_plane: DEFAULT_NAME.into(),
                defaults: None,
            }],
            current_context: DEFAULT_NAME.into(),
        }
    }

    /// Parses config text (YAML or JSON; camelCase or snake_case keys).
    pub fn from_yaml(text: &str) -> Result<Config, String> {
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        crate::nesting::check_yaml(text.as_bytes()).map_err(|e| e.to_string())?;
        let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
        if value.is_null() {
            return Ok(Config::default());
        }
        serde_yaml::from_value(value).map_err(|e| e.to_string())
    }

    /// The file form: camelCase keys, sorted, zero values omitted (`{}` when empty).
    pub fn to_yaml(&self) -> String {
        crate::output::yaml::to_string_from(self).expect("the config always serializes")
    }

    /// Reads a config file. A missing file is an access error: callers create it first.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = match read_config_file(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(ConfigError::Access {
                    path: path.to_path_buf(),
                });
            }
            Err(error) => {
                return Err(ConfigError::Read {
                    path: path.to_path_buf(),
                    error,
                });
            }
        };
        let text = String::from_utf8(text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        Config::from_yaml(&text).map_err(|reason| ConfigError::Parse {
            path: path.to_path_buf(),
            reason,
        })
    }

    /// Writes the config atomically (temporary file in the same directory, then rename),
    /// mode 0600, creating the directory (0755) if needed. An existing file's mode is kept,
    /// as Go's `os.WriteFile` keeps it, except that a config holding a token is never left
    /// readable by group or others. A symbolic link is written through to its final
    /// target, as `os.WriteFile` does (creating the target when the link dangles), rather
    /// than replaced by a file; a link loop is an error and nothing is written. Temporary
    /// files that a killed save left next to the target are removed.
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        // Errors name `path`, as given; the file written is `target`.
        let write_err = |error| ConfigError::Write {
            path: path.to_path_buf(),
            error,
        };
        let target = resolve_links(path).map_err(write_err)?;
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.is_dir() {
            let created = if dir.exists() {
                // Go's MkdirAll on a file: ENOTDIR.
                Err(std::io::Error::from_raw_os_error(20))
            } else {
                create_dir_0755(&dir)
            };
            created.map_err(|error| ConfigError::CreateDir {
                path: dir.clone(),
                error,
            })?;
        }
        let mut mode = existing_mode(&target).unwrap_or(0o600);
        if self.holds_credentials() {
            mode &= 0o700;
        }
        write_atomically(&target, self.to_yaml().as_bytes(), mode).map_err(write_err)?;
        remove_stale_temporaries(&target);
        Ok(())
    }

    /// Whether some control plane's `authConf` holds credentials (a token).
    fn holds_credentials(&self) -> bool {
        self.control_planes
            .iter()
            .any(|cp| !cp.coordinates.api_server.auth_conf.is_empty())
    }

    pub fn control_plane(&self, name: &str) -> Option<&ControlPlane> {
        self.control_planes.iter().find(|cp| cp.name == name)
    }

    pub fn context(&self, name: &str) -> Option<&Context> {
        self.contexts.iter().find(|c| c.name == name)
    }

    /// The control plane of the current context. `context_override` is `--context`,
    /// which Go kumactl uses as a control plane name (`app/kumactl/cmd/root.go`).
    pub fn current_control_plane(
        &self,
        context_override: Option<&str>,
    ) -> Result<&ControlPlane, CurrentControlPlaneError> {
        if self.current_context.is_empty() {
            return Err(CurrentControlPlaneError::NotSet);
        }
        let context = self
            .context(&self.current_context)
            .ok_or(CurrentControlPlaneError::Broken)?;
        let Some(name) = context_override else {
            return self
                .control_plane(&context.control_plane)
                .ok_or(CurrentControlPlaneError::Broken);
        };
        self.control_plane(name)
            .ok_or_else(|| CurrentControlPlaneError::UnknownContext {
                name: name.to_string(),
                known: match self.control_planes.len() {
                    0 => "none".to_string(),
                    _ => self
                        .control_planes
                        .iter()
                        .map(|cp| format!("{:?}", cp.name))
                        .collect::<Vec<_>>()
                        .join(", "),
                },
            })
    }
}

/// No config file comes near this; `--config-file /dev/zero` must not fill the memory.
const CONFIG_FILE_LIMIT: u64 = crate::files::PEM_FILE_LIMIT;

fn read_config_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut data = Vec::new();
    std::fs::File::open(path)?
        .take(CONFIG_FILE_LIMIT + 1)
        .read_to_end(&mut data)?;
    if data.len() as u64 > CONFIG_FILE_LIMIT {
        return Err(std::io::Error::other(format!(
            "the file is larger than {} MiB: not a kumactl config",
            CONFIG_FILE_LIMIT >> 20
        )));
    }
    Ok(data)
}

#[cfg(unix)]
fn create_dir_0755(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o755)
        .create(dir)
}

#[cfg(not(unix))]
fn create_dir_0755(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// Linux's MAXSYMLINKS: how many links a path may go through.
const MAX_LINK_HOPS: usize = 40;

/// The file that `path` names once every symbolic link is followed (which may not exist
/// yet: a dangling link names its target), else `path` itself. A loop is the OS's
/// `too many levels of symbolic links`.
fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..=MAX_LINK_HOPS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)?;
                // A relative link is relative to its own directory; joining an absolute
                // one replaces the directory.
                current = match current.parent() {
                    Some(parent) => parent.join(link),
                    None => link,
                };
            }
            _ => return Ok(current),
        }
    }
    // Ask the OS for its own error (ELOOP), as opening the path would give.
    Err(std::fs::metadata(path)
        .err()
        .unwrap_or_else(|| std::io::Error::other("too many levels of symbolic links")))
}

/// How old a temporary file of another save must be to count as abandoned when its
/// process cannot be checked.
const STALE_TEMPORARY_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Removes the `.<name>.tmp-<pid>-<id>` files of [`write_atomically`] next to `target`
/// whose process is gone (a save killed before its rename), or, where processes cannot
/// be checked, that are older than an hour. A save running in parallel keeps its file.
fn remove_stale_temporaries(target: &Path) {
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{}.tmp-", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let can_check_processes = Path::new("/proc/self").exists();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if pid == std::process::id() {
            continue;
        }
        let stale = if can_check_processes {
            !Path::new("/proc").join(pid.to_string()).exists()
        } else {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > STALE_TEMPORARY_AGE)
        };
        // Only regular files: never follow or remove anything else under that name.
        if stale && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn existing_mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .ok()
        .map(|m| m.permissions().mode() & 0o777)
}

#[cfg(not(unix))]
fn existing_mode(_path: &Path) -> Option<u32> {
    None
}

/// Writes `data` to `path` through a temporary file in the same directory, created with
/// `mode`, fsynced, then renamed over `path`: readers see the old or the new file, never
/// half of one. Used for every secret-bearing file we write.
pub fn write_atomically(path: &Path, data: &[u8], mode: u32) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "config".into());
    let tmp = dir.join(format!(
        ".{file_name}.tmp-{}-{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    ));
    let result = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(mode);
        }
        let mut file = options.open(&tmp)?;
        #[cfg(unix)]
        {
            // The umask may have narrowed the mode; set exactly what was asked.
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(std::fs::Permissions::from_mode(mode))?;
        }
        file.write_all(data)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    #[cfg(not(unix))]
    let _ = mode;
    result
}

/// A control plane address as shown on a terminal or in an error: a password in it
/// (`http://user:pass@host:5681`) becomes `***`, as in request errors, even in an
/// address that does not parse as a URL.
pub fn shown_address(address: &str) -> String {
    let Some(scheme_end) = address.find("://") else {
        return address.to_string();
    };
    let authority_start = scheme_end + 3;
    let rest = &address[authority_start..];
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    // The last `@` ends the user information, as URL parsers read it.
    let Some(at) = authority.rfind('@') else {
        return address.to_string();
    };
    let Some(colon) = authority[..at].find(':') else {
        return address.to_string();
    };
    format!(
        "{}:***{}",
        &address[..authority_start + colon],
        &address[authority_start + at..]
    )
}

/// `$HOME/.kumactl/config`.
pub fn default_path() -> PathBuf {
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."));
    home.join(".kumactl").join("config")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_in_addresses_are_masked() {
        for (address, shown) in [
            ("http://user:pass@host:5681", "http://user:***@host:5681"),
            ("https://u:p@x@h/api?a=b@c", "https://u:***@h/api?a=b@c"),
            ("http://u:p@[::1", "http://u:***@[::1"),
            ("http://user@host", "http://user@host"),
            ("http://host/a:b@c", "http://host/a:b@c"),
            ("u:p@host", "u:p@host"),
        ] {
            assert_eq!(shown_address(address), shown, "{address}");
        }
    }

    #[test]
    fn default_config_text_matches_go() {
        assert_eq!(
            Config::default_config().to_yaml(),
            "contexts:\n- controlPlane: local\n  name: local\ncontrolPlanes:\n- coordinates:\n    apiServer:\n      url: http://localhost:5681\n  name: local\ncurrentContext: local\n"
        );
    }

    #[test]
    fn empty_config_is_written_as_braces() {
        assert_eq!(Config::default().to_yaml(), "{}\n");
        assert_eq!(Config::from_yaml("").unwrap(), Config::default());
        assert_eq!(
            Config::from_yaml("\n# nothing\n").unwrap(),
            Config::default()
        );
    }

    #[test]
    fn reads_snake_case_and_ignores_unknown_keys() {
        let text = "current_context: a\ncontrol_planes:\n- name: a\n  coordinates:\n    api_server:\n      url: https://a:5682\n      skip_verify: true\n      addHeaders: x\ncontexts:\n- name: a\n  control_plane: a\n  defaults:\n    mesh: demo\n";
        let config = Config::from_yaml(text).unwrap();
        assert_eq!(config.current_context, "a");
        let cp = config.current_control_plane(None).unwrap();
        assert_eq!(cp.coordinates.api_server.url, "https://a:5682");
        assert!(cp.coordinates.api_server.skip_verify);
        assert_eq!(config.contexts[0].defaults.as_ref().unwrap().mesh, "demo");
    }

    #[test]
    fn writes_every_field_sorted() {
        let mut config = Config::default_config();
        let api = &mut config.control_planes[0].coordinates.api_server;
        api.auth_type = "tokens".into();
        api.auth_conf.insert("token".into(), "eyJ".into());
        api.ca_cert_file = "/ca.pem".into();
        api.headers = vec![Header {
            key: "abc".into(),
            value: "xyz".into(),
        }];
        api.skip_verify = true;
        let text = config.to_yaml();
        assert_eq!(
            text,
            "contexts:\n- controlPlane: local\n  name: local\ncontrolPlanes:\n- coordinates:\n    apiServer:\n      authConf:\n        token: eyJ\n      authType: tokens\n      caCertFile: /ca.pem\n      headers:\n      - key: abc\n        value: xyz\n      skipVerify: true\n      url: http://localhost:5681\n  name: local\ncurrentContext: local\n"
        );
        assert_eq!(Config::from_yaml(&text).unwrap(), config);
    }

    #[test]
    fn current_control_plane_errors() {
        let mut config = Config::default_config();
        assert_eq!(
            config
                .current_control_plane(Some("nope"))
                .unwrap_err()
                .to_string(),
            "apparently, configuration is broken: --context \"nope\" names no Control Plane (known: \"local\"). Use `kumactl config control-planes list` to see them"
        );
        config.current_context.clear();
        assert_eq!(
            config.current_control_plane(None).unwrap_err(),
            CurrentControlPlaneError::NotSet
        );
    }

    #[cfg(unix)]
    #[test]
    fn saves_atomically_with_mode_0600() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("config");
        Config::default_config().save(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let dir_mode = std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(dir_mode, 0o755);
        assert_eq!(Config::load(&path).unwrap(), Config::default_config());
        // No temporary file is left behind.
        assert_eq!(
            std::fs::read_dir(path.parent().unwrap()).unwrap().count(),
            1
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_token_is_never_left_readable_by_others() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config");
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        let mut config = Config::default_config();
        config.save(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        config.save(&path).unwrap();
        assert_eq!(
            mode(&path),
            0o644,
            "a config without credentials keeps its mode"
        );
        config.control_planes[0]
            .coordinates
            .api_server
            .auth_conf
            .insert("token".into(), "eyJ".into());
        config.save(&path).unwrap();
        assert_eq!(mode(&path), 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_config_is_written_through_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("dotfiles-config");
        let link = dir.path().join("config");
        Config::default().save(&target).unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        Config::default_config().save(&link).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(Config::load(&target).unwrap(), Config::default_config());
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_is_written_through_and_a_loop_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("config");
        // Relative, through a second link, to a file not yet there.
        std::os::unix::fs::symlink("second", &link).unwrap();
        std::os::unix::fs::symlink("sub/real-config", dir.path().join("second")).unwrap();
        Config::default_config().save(&link).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            Config::load(&dir.path().join("sub/real-config")).unwrap(),
            Config::default_config()
        );

        let looped = dir.path().join("loop");
        std::os::unix::fs::symlink("loop2", &looped).unwrap();
        std::os::unix::fs::symlink("loop", dir.path().join("loop2")).unwrap();
        assert_eq!(
            Config::default_config()
                .save(&looped)
                .unwrap_err()
                .to_string(),
            format!(
                "Failed to write configuration into file {:?}: open {}: too many levels of symbolic links",
                looped,
                looped.display()
            )
        );
        assert!(
            std::fs::symlink_metadata(&looped)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn temporaries_of_killed_saves_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config");
        // pid_max is at most 2^22: no process has this id.
        let stale = dir.path().join(".config.tmp-99999999-0123abcd");
        let running = dir
            .path()
            .join(format!(".config.tmp-{}-4567", std::process::id()));
        let other = dir.path().join(".other.tmp-99999999-89");
        for file in [&stale, &running, &other] {
            std::fs::write(file, "half a config").unwrap();
        }
        Config::default_config().save(&path).unwrap();
        assert!(!stale.exists());
        assert!(running.exists() && other.exists());
    }
}
