//! Shared test harness: a temporary home and config file for kumactl, and kuma-cp-lite
//! started in-process on ephemeral ports. Tests never touch `~/.kumactl`.
#![allow(dead_code)]

use kumactl::config::{ApiServer, Config, Context, ControlPlane, Coordinates};
use kumactl::cp_lite::{RunningServer, ServerOptions};
use std::path::{Path, PathBuf};

pub struct TestEnv {
    pub dir: tempfile::TempDir,
    /// The file passed with `--config-file` (not created until something writes it).
    pub config_path: PathBuf,
    pub server: Option<RunningServer>,
}

impl TestEnv {
    /// A temporary home with no config file yet and no server.
    pub fn new() -> TestEnv {
        let dir = tempfile::tempdir().expect("temp dir");
        let config_path = dir.path().join("kumactl-config");
        TestEnv {
            dir,
            config_path,
            server: None,
        }
    }

    /// A kuma-cp-lite instance with default test options, and a config pointing at it.
    pub fn with_server() -> TestEnv {
        TestEnv::with_server_options(ServerOptions::for_tests())
    }

    pub fn with_server_options(options: ServerOptions) -> TestEnv {
        let mut env = TestEnv::new();
        let server = kumactl::cp_lite::start(options).expect("kuma-cp-lite starts");
        env.write_config_for(&server.api_url());
        env.server = Some(server);
        env
    }

    pub fn server(&self) -> &RunningServer {
        self.server.as_ref().expect("this test env has a server")
    }

    /// Writes a config whose only control plane (`test`) is at `url`.
    pub fn write_config_for(&self, url: &str) {
        let config = Config {
            control_planes: vec![ControlPlane {
                name: "test".into(),
                coordinates: Coordinates {
                    api_server: ApiServer {
                        url: url.into(),
                        ..ApiServer::default()
                    },
                },
            }],
            contexts: vec![Context {
                name: "test".into(),
                control_plane: "test".into(),
                defaults: None,
            }],
            current_context: "test".into(),
        };
        config.save(&self.config_path).expect("config saved");
    }

    pub fn home(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `kumactl --config-file <temp config>`, with HOME set to the temporary directory.
    pub fn kumactl(&self) -> assert_cmd::Command {
        let mut cmd = self.kumactl_without_config_flag();
        cmd.arg("--config-file").arg(&self.config_path);
        cmd
    }

    /// `kumactl` with HOME set to the temporary directory and no `--config-file`.
    pub fn kumactl_without_config_flag(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::cargo_bin("kumactl").expect("kumactl is built");
        cmd.env("HOME", self.dir.path())
            .env_remove("KUMACTL_CONFIG")
            .env_remove("HTTP_PROXY")
            .env_remove("HTTPS_PROXY");
        cmd
    }

    pub fn read_config(&self) -> String {
        std::fs::read_to_string(&self.config_path).expect("config readable")
    }
}

/// stdout, stderr and exit code of a finished command.
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

pub fn run(cmd: &mut assert_cmd::Command) -> Outcome {
    let output = cmd.output().expect("command runs");
    Outcome {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        code: output.status.code().unwrap_or(-1),
    }
}
