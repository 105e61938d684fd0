//! Shared test harness: a temporary home and config file for kumactl, and kuma-cp-lite
//! started in-process on ephemeral ports. Tests never touch `~/.kumactl`.
#![allow(dead_code)]

pub mod http;
pub mod http_files;
pub mod readme;

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
        env.start_server(options);
        env
    }

    /// Starts kuma-cp-lite with `options` and points the config at it; for servers whose
    /// options name files in this env's directory.
    pub fn start_server(&mut self, options: ServerOptions) {
        let server = kumactl::cp_lite::start(options).expect("kuma-cp-lite starts");
        self.write_config_for(&server.api_url());
        self.server = Some(server);
    }

    pub fn server(&self) -> &RunningServer {
        self.server.as_ref().expect("this test env has a server")
    }

    /// Writes a config whose only control plane (`test`) is at `url`.
    pub fn write_config_for(&self, url: &str) {
        self.write_config_with(ApiServer {
            url: url.into(),
            ..ApiServer::default()
        });
    }

    /// Points the config at an address nothing listens on, and returns that address.
    pub fn use_unreachable_control_plane(&self) -> std::net::SocketAddr {
        let closed = closed_address();
        self.write_config_for(&format!("http://{closed}"));
        closed
    }

    /// Writes a config whose only control plane (`test`) has these API server coordinates.
    pub fn write_config_with(&self, api_server: ApiServer) {
        let config = Config {
            control_planes: vec![ControlPlane {
                name: "test".into(),
                coordinates: Coordinates { api_server },
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

/// Exactly this stdout, stderr and exit code.
pub fn assert_outcome(out: &Outcome, stdout: &str, stderr: &str, code: i32) {
    assert_eq!(out.stdout, stdout, "stdout (stderr was {:?})", out.stderr);
    assert_eq!(out.stderr, stderr, "stderr");
    assert_eq!(out.code, code, "exit code");
}

pub fn run(cmd: &mut assert_cmd::Command) -> Outcome {
    let output = cmd.output().expect("command runs");
    Outcome {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        code: output.status.code().unwrap_or(-1),
    }
}

/// A tiny HTTP server that answers every request with one canned response and records
/// each request's head (request line and headers, lower-cased names), so tests can assert
/// on what kumactl actually sent.
pub struct CaptureServer {
    pub url: String,
    requests: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl CaptureServer {
    pub fn start(status: u16, body: &str) -> CaptureServer {
        use std::io::{BufRead, BufReader, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let requests = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let recorded = requests.clone();
        let body = body.to_string();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { return };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut head = String::new();
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    head.push_str(line.trim_end());
                    head.push('\n');
                }
                recorded.lock().unwrap().push(head);
                let response = format!(
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(response.as_bytes());
            }
        });
        CaptureServer { url, requests }
    }

    /// A server answering `GET /` like Kuma `version` of `product`.
    pub fn index(product: &str, version: &str) -> CaptureServer {
        CaptureServer::start(
            200,
            &format!(
                r#"{{"clusterId":"c","gui":"/gui","hostname":"h","instanceId":"h-1","product":"{product}","version":"{version}"}}"#
            ),
        )
    }

    /// The recorded request heads, header names lower-cased.
    pub fn requests(&self) -> Vec<String> {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .map(|head| {
                head.lines()
                    .enumerate()
                    .map(|(i, line)| match (i, line.split_once(':')) {
                        (0, _) | (_, None) => line.to_string(),
                        (_, Some((name, value))) => {
                            format!("{}:{}", name.to_ascii_lowercase(), value)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect()
    }
}

/// An address nothing listens on.
pub fn closed_address() -> std::net::SocketAddr {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
}

/// A port nothing listens on, for a server started later.
pub fn free_port() -> u16 {
    closed_address().port()
}
