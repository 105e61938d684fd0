//! The foundation: the config file, `config control-planes`, `config view`, the global
//! flags, what the HTTP client sends, TLS, `version`, exit codes, and kuma-cp-lite's
//! first endpoints.

mod common;

use common::http::Api;
use common::{CaptureServer, Outcome, TestEnv, assert_outcome, closed_address, run};
use kumactl::cp_lite::ServerOptions;

const DEFAULT_CONFIG: &str = "contexts:
- controlPlane: local
  name: local
controlPlanes:
- coordinates:
    apiServer:
      url: http://localhost:5681
  name: local
currentContext: local
";

#[cfg(unix)]
fn mode_of(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

// ---------------------------------------------------------------------------------------
// The config file

#[test]
#[cfg(unix)]
fn first_use_writes_the_default_config_in_home_with_mode_0600() {
    let env = TestEnv::new();
    let out = run(env.kumactl_without_config_flag().args(["config", "view"]));
    // `config view` ends with a blank line, as Go's Println of YAML text does.
    assert_outcome(&out, &format!("{DEFAULT_CONFIG}\n"), "", 0);
    let file = env.home().join(".kumactl").join("config");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), DEFAULT_CONFIG);
    assert_eq!(mode_of(&file), 0o600);
    assert_eq!(mode_of(file.parent().unwrap()), 0o755);
}

#[test]
fn the_config_file_flag_names_the_file_created_on_first_use() {
    let env = TestEnv::new();
    let out = run(env.kumactl().args(["config", "control-planes", "list"]));
    assert_outcome(
        &out,
        "ACTIVE   NAME    ADDRESS\n*        local   http://localhost:5681\n",
        "",
        0,
    );
    assert_eq!(env.read_config(), DEFAULT_CONFIG);
    assert!(!env.home().join(".kumactl").exists());
}

#[test]
fn help_creates_no_config() {
    let env = TestEnv::new();
    for args in [
        vec!["--help"],
        vec!["config", "--help"],
        vec!["help", "config"],
        vec![],
    ] {
        let out = run(env.kumactl().args(&args));
        assert_eq!(out.code, 0, "{args:?}");
        assert!(out.stdout.contains("Usage:"), "{args:?}: {}", out.stdout);
        assert_eq!(out.stderr, "");
    }
    assert!(!env.config_path.exists());
}

#[test]
fn no_config_uses_the_default_config_and_writes_nothing() {
    let env = TestEnv::new();
    let out = run(env.kumactl().args(["--no-config", "config", "view"]));
    assert_outcome(&out, &format!("{DEFAULT_CONFIG}\n"), "", 0);
    assert!(!env.config_path.exists());
}

#[test]
fn an_empty_config_file_is_an_empty_config() {
    let env = TestEnv::new();
    std::fs::write(&env.config_path, "").unwrap();
    let out = run(env.kumactl().args(["config", "view"]));
    assert_outcome(&out, "{}\n\n", "", 0);
    let out = run(env.kumactl().arg("version"));
    assert_outcome(
        &out,
        "Client: Kuma 2.14.3\n",
        "Unable to connect to control plane: active Control Plane is not set. Use `kumactl config control-planes add` to add a Control Plane and make it active\n",
        0,
    );
}

#[test]
fn snake_case_config_is_read_and_shown_in_camel_case() {
    let env = TestEnv::new();
    std::fs::write(
        &env.config_path,
        "current_context: test1
control_planes:
- name: test1
  coordinates:
    api_server:
      url: https://test1.internal:5681
- name: test2
  coordinates:
    api_server:
      url: https://test2.internal:5681
contexts:
- name: test1
  control_plane: test1
  defaults:
    mesh: demo
- name: test2
  control_plane: test2
  defaults:
    mesh: default
unknownKey: ignored
",
    )
    .unwrap();
    let out = run(env.kumactl().args(["config", "view"]));
    assert_outcome(
        &out,
        "contexts:
- controlPlane: test1
  defaults:
    mesh: demo
  name: test1
- controlPlane: test2
  defaults:
    mesh: default
  name: test2
controlPlanes:
- coordinates:
    apiServer:
      url: https://test1.internal:5681
  name: test1
- coordinates:
    apiServer:
      url: https://test2.internal:5681
  name: test2
currentContext: test1

",
        "",
        0,
    );
}

#[test]
fn an_unparsable_config_file_is_reported() {
    let env = TestEnv::new();
    std::fs::write(&env.config_path, "contexts: [unclosed\n").unwrap();
    let out = run(env.kumactl().args(["config", "view"]));
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    let prefix = format!(
        "Error: Failed to parse configuration from file {:?}: ",
        env.config_path
    );
    assert!(out.stderr.starts_with(&prefix), "{}", out.stderr);
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
}

#[test]
fn deeply_nested_config_files_fail_fast() {
    let env = TestEnv::new();
    // libyaml's parse is quadratic in the nesting: this took minutes.
    std::fs::write(
        &env.config_path,
        format!("contexts: {}", "[".repeat(50_000)),
    )
    .unwrap();
    let out = run(env.kumactl().args(["config", "view"]));
    assert_outcome(
        &out,
        "",
        &format!(
            "Error: Failed to parse configuration from file {:?}: yaml: line 1: recursion limit exceeded\n",
            env.config_path
        ),
        1,
    );
}

#[cfg(unix)]
#[test]
fn the_config_file_is_written_through_symbolic_links() {
    use std::os::unix::fs::symlink;
    let env = TestEnv::new();
    let is_link = |path: &std::path::Path| {
        std::fs::symlink_metadata(path)
            .unwrap()
            .file_type()
            .is_symlink()
    };
    // A dangling link: the default config is written to its target.
    let link = env.path("dangling");
    symlink("dotfiles/kumactl", &link).unwrap();
    let out = run(env
        .kumactl_without_config_flag()
        .arg("--config-file")
        .arg(&link)
        .args(["config", "control-planes", "list"]));
    assert_outcome(
        &out,
        "ACTIVE   NAME    ADDRESS\n*        local   http://localhost:5681\n",
        "",
        0,
    );
    assert!(is_link(&link));
    assert_eq!(
        std::fs::read_to_string(env.path("dotfiles/kumactl")).unwrap(),
        DEFAULT_CONFIG
    );
    // A loop: an error, and the links stay as they were.
    let looped = env.path("loop");
    symlink("loop2", &looped).unwrap();
    symlink("loop", env.path("loop2")).unwrap();
    let out = run(env
        .kumactl_without_config_flag()
        .arg("--config-file")
        .arg(&looped)
        .args(["config", "view"]));
    assert_outcome(
        &out,
        "",
        &format!(
            "Error: Failed to write configuration into file {looped:?}: open {}: too many levels of symbolic links\n",
            looped.display()
        ),
        1,
    );
    assert!(is_link(&looped) && is_link(&env.path("loop2")));
}

#[test]
fn passwords_in_addresses_are_never_shown() {
    let env = TestEnv::new();
    env.write_config_for("http://user:secret@cp.example:5681");
    let out = run(env.kumactl().args(["config", "control-planes", "list"]));
    assert_outcome(
        &out,
        "ACTIVE   NAME   ADDRESS\n*        test   http://user:***@cp.example:5681\n",
        "",
        0,
    );
    let out = add(
        &env,
        &["--name", "x", "--address", "ftp://user:secret@cp:5681"],
    );
    assert_outcome(
        &out,
        "",
        "Error: API Server URL is invalid: unsupported scheme \"ftp\" in \"ftp://user:***@cp:5681\" (use http:// or https://)\n",
        1,
    );
    env.write_config_for("http://user:secret@[::1");
    let out = run(env.kumactl().args(["get", "meshes"]));
    assert_eq!(out.code, 1);
    assert!(!out.stderr.contains("secret"), "{}", out.stderr);
    assert!(
        out.stderr.contains("http://user:***@[::1"),
        "{}",
        out.stderr
    );
}

#[test]
fn deeply_nested_server_answers_fail_fast() {
    let env = TestEnv::new();
    let server = CaptureServer::start(200, &"[".repeat(50_000));
    env.write_config_for(&server.url);
    let out = run(env.kumactl().args(["version"]));
    assert_outcome(
        &out,
        &format!("Client: Kuma {}\n", kumactl::build_info::KUMA_VERSION),
        &format!(
            "Unable to connect to control plane: Unable to retrieve server version: could not decode the response of {}/: recursion limit exceeded at line 1\n",
            server.url
        ),
        0,
    );
}

// ---------------------------------------------------------------------------------------
// config control-planes

fn add(env: &TestEnv, args: &[&str]) -> Outcome {
    run(env
        .kumactl()
        .args(["config", "control-planes", "add"])
        .args(args))
}

/// `config control-planes add` of a control plane whose certificate `ca_cert_file` signs.
fn add_with_ca_file(env: &TestEnv, name: &str, address: &str, ca_cert_file: &str) -> Outcome {
    add(
        env,
        &[
            "--name",
            name,
            "--address",
            address,
            "--ca-cert-file",
            ca_cert_file,
        ],
    )
}

/// `config control-planes add --skip-check`, which must succeed.
fn add_unchecked(env: &TestEnv, name: &str, address: &str) {
    let out = add(env, &["--name", name, "--address", address, "--skip-check"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn add_checks_the_server_and_makes_it_active() {
    let env = TestEnv::with_server();
    let url = env.server().api_url();
    let out = add(&env, &["--name", "example", "--address", &url]);
    assert_outcome(
        &out,
        "added Control Plane \"example\"\nswitched active Control Plane to \"example\"\n",
        "",
        0,
    );
    let out = run(env.kumactl().args(["config", "control-planes", "list"]));
    assert_outcome(
        &out,
        &format!(
            "ACTIVE   NAME      ADDRESS\n         test      {url}\n*        example   {url}\n"
        ),
        "",
        0,
    );
}

#[test]
fn add_stores_every_coordinate_sorted_and_camel_cased() {
    let env = TestEnv::new();
    let out = add(
        &env,
        &[
            "--name",
            "prod",
            "--address",
            "https://cp:5682",
            "--skip-check",
            "--skip-verify",
            "--ca-cert-file",
            "/etc/kuma/ca-cert.pem",
            "--client-cert-file",
            "/etc/kuma/client.cert.pem",
            "--client-key-file",
            "/etc/kuma/client.key.pem",
            "--headers",
            "zz=last",
            "--headers",
            "abc=xyz,with,commas",
            "--auth-type",
            "tokens",
            "--auth-conf",
            "token=eyJ",
        ],
    );
    assert_outcome(
        &out,
        "added Control Plane \"prod\"\nswitched active Control Plane to \"prod\"\n",
        "",
        0,
    );
    assert_eq!(
        env.read_config(),
        "contexts:
- controlPlane: local
  name: local
- controlPlane: prod
  name: prod
controlPlanes:
- coordinates:
    apiServer:
      url: http://localhost:5681
  name: local
- coordinates:
    apiServer:
      authConf:
        token: eyJ
      authType: tokens
      caCertFile: /etc/kuma/ca-cert.pem
      clientCertFile: /etc/kuma/client.cert.pem
      clientKeyFile: /etc/kuma/client.key.pem
      headers:
      - key: abc
        value: xyz,with,commas
      - key: zz
        value: last
      skipVerify: true
      url: https://cp:5682
  name: prod
currentContext: prod
"
    );
    #[cfg(unix)]
    assert_eq!(mode_of(&env.config_path), 0o600);
}

#[test]
fn add_refuses_a_duplicate_unless_overwrite_which_replaces_in_place() {
    let env = TestEnv::new();
    let args = [
        "--name",
        "local",
        "--address",
        "http://other:5681",
        "--skip-check",
    ];
    let out = add(&env, &args);
    assert_outcome(
        &out,
        "",
        "Error: Control Plane with name \"local\" already exists. Use --overwrite to replace an existing one.\n",
        1,
    );
    assert_eq!(env.read_config(), DEFAULT_CONFIG);
    let mut overwrite = args.to_vec();
    overwrite.push("--overwrite");
    let out = add(&env, &overwrite);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        env.read_config(),
        DEFAULT_CONFIG.replace("http://localhost:5681", "http://other:5681")
    );
}

#[test]
fn add_validation_errors() {
    let env = TestEnv::new();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![],
            "Error: required flag(s) \"address\", \"name\" not set\n",
        ),
        (
            vec!["--name", "x"],
            "Error: required flag(s) \"address\" not set\n",
        ),
        (
            vec!["--name", "x", "--address", "foo"],
            "Error: API Server URL is invalid: parse \"foo\": invalid URI for request\n",
        ),
        (
            vec!["--name", "x", "--address", "localhost:5681"],
            "Error: API Server URL is invalid: unsupported scheme \"localhost\" in \"localhost:5681\" (use http:// or https://)\n",
        ),
        (
            vec![
                "--name",
                "x",
                "--address",
                "http://h",
                "--client-cert-file",
                "c.pem",
            ],
            "Error: Both --client-cert-file and --client-key-file needs to be specified\n",
        ),
        (
            vec![
                "--name",
                "x",
                "--address",
                "http://h",
                "--auth-type",
                "magic",
            ],
            "Error: authentication plugin of type \"magic\" is not found\n",
        ),
        (
            vec![
                "--name",
                "x",
                "--address",
                "http://h",
                "--auth-type",
                "tokens",
            ],
            "Error: --auth-conf is not valid: provide token=YOUR_TOKEN\n",
        ),
        (
            vec![
                "--name",
                "x",
                "--address",
                "http://h",
                "--headers",
                "novalue",
            ],
            "Error: invalid argument \"novalue\" for \"--headers\" flag: novalue must be formatted as key=value\nRun 'kumactl config control-planes add --help' for usage.\n",
        ),
    ];
    for (args, stderr) in cases {
        let out = add(&env, &args);
        assert_outcome(&out, "", stderr, 1);
    }
    // Nothing was added by any of them.
    assert_eq!(env.read_config(), DEFAULT_CONFIG);
}

#[test]
fn add_reports_an_unreachable_server() {
    let env = TestEnv::new();
    let closed = closed_address();
    let out = add(
        &env,
        &["--name", "x", "--address", &format!("http://{closed}")],
    );
    assert_outcome(
        &out,
        "",
        &format!(
            "Error: could not connect to the Control Plane API Server: Get \"http://{closed}/\": connection refused (is a control plane running at {closed}?)\n"
        ),
        1,
    );
    // --skip-check does not call it.
    add_unchecked(&env, "x", &format!("http://{closed}"));
}

#[test]
fn add_refuses_another_product_and_reports_http_errors() {
    let env = TestEnv::new();
    let other = CaptureServer::index("Other Mesh", "1.0.0");
    let out = add(&env, &["--name", "x", "--address", &other.url]);
    assert_outcome(
        &out,
        "",
        "Error: this CLI is for Kuma but the control plane you're connected to is Other Mesh. Please use the CLI for your control plane\n",
        1,
    );
    // A preview build of another product is accepted.
    let preview = CaptureServer::index("Other Mesh", "0.0.0-preview.abc");
    let out = add(&env, &["--name", "y", "--address", &preview.url]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let failing = CaptureServer::start(503, "maintenance");
    let out = add(&env, &["--name", "z", "--address", &failing.url]);
    assert_outcome(
        &out,
        "",
        "Error: could not connect to the Control Plane API Server: (503): maintenance\n",
        1,
    );
}

#[test]
fn add_times_out_with_api_timeout() {
    let env = TestEnv::new();
    // Accepts connections but never answers.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let out = run(env.kumactl().args([
        "--api-timeout",
        "300ms",
        "config",
        "control-planes",
        "add",
        "--name",
        "slow",
        "--address",
        &url,
    ]));
    assert_eq!(out.code, 1);
    // Go's wording, which users grep for.
    assert!(
        out.stderr.contains("Client.Timeout exceeded"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("300ms"), "{}", out.stderr);
    drop(listener);
}

#[test]
fn add_sends_headers_but_no_credentials_when_checking() {
    let env = TestEnv::new();
    let server = CaptureServer::index("Kuma", "2.14.3");
    let out = add(
        &env,
        &[
            "--name",
            "x",
            "--address",
            &server.url,
            "--headers",
            "abc=xyz",
            "--auth-type",
            "tokens",
            "--auth-conf",
            "token=SECRET",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert!(requests[0].starts_with("GET / HTTP/1.1"), "{}", requests[0]);
    assert!(requests[0].contains("\nabc: xyz"), "{}", requests[0]);
    assert!(!requests[0].contains("authorization"), "{}", requests[0]);
}

#[test]
fn remove_switches_to_the_first_remaining_context() {
    let env = TestEnv::new();
    for name in ["a", "b"] {
        add_unchecked(&env, name, &format!("http://{name}:5681"));
    }
    let remove = |name: &str| {
        run(env
            .kumactl()
            .args(["config", "control-planes", "remove", "--name", name]))
    };
    // Removing a non-current one keeps the current one, and says so.
    assert_outcome(
        &remove("a"),
        "removed Control Plane \"a\"\nswitched active Control Plane to \"b\"\n",
        "",
        0,
    );
    assert_outcome(
        &remove("b"),
        "removed Control Plane \"b\"\nswitched active Control Plane to \"local\"\n",
        "",
        0,
    );
    assert_outcome(
        &remove("local"),
        "removed Control Plane \"local\"\nthere is no active Control Plane left. Use `kumactl config control-planes add` to add a Control Plane and make it active\n",
        "",
        0,
    );
    assert_eq!(env.read_config(), "{}\n");
    assert_outcome(
        &remove("local"),
        "",
        "Error: there is no Control Plane with name \"local\"\n",
        1,
    );
    assert_outcome(
        &run(env.kumactl().args(["config", "control-planes", "remove"])),
        "",
        "Error: required flag(s) \"name\" not set\n",
        1,
    );
}

#[test]
fn switch_changes_the_current_context() {
    let env = TestEnv::new();
    add_unchecked(&env, "b", "http://b:5681");
    let switch = |name: &str| {
        run(env
            .kumactl()
            .args(["config", "control-planes", "switch", "--name", name]))
    };
    assert_outcome(
        &switch("local"),
        "switched active Control Plane to \"local\"\n",
        "",
        0,
    );
    assert!(env.read_config().ends_with("currentContext: local\n"));
    assert_outcome(
        &switch("nope"),
        "",
        "Error: there is no Control Plane with name \"nope\"\n",
        1,
    );
}

// ---------------------------------------------------------------------------------------
// The HTTP client

#[test]
fn requests_carry_configured_headers_bearer_token_and_user_agent() {
    let env = TestEnv::new();
    let server = CaptureServer::index("Kuma", "2.14.3");
    std::fs::write(
        &env.config_path,
        format!(
            "currentContext: c
contexts:
- name: c
  controlPlane: c
controlPlanes:
- name: c
  coordinates:
    apiServer:
      url: {}/base/
      headers:
      - key: x-team
        value: platform
      authType: tokens
      authConf:
        token: TOKEN-123
",
            server.url
        ),
    )
    .unwrap();
    let out = run(env.kumactl().args(["--log-level", "debug", "version"]));
    assert_eq!(out.stdout, "Client: Kuma 2.14.3\nServer: Kuma 2.14.3\n");
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    // The base URL's path is kept.
    assert!(request.starts_with("GET /base HTTP/1.1\n"), "{request}");
    assert!(request.contains("\nx-team: platform\n"), "{request}");
    assert!(
        request.contains("\nauthorization: Bearer TOKEN-123\n"),
        "{request}"
    );
    assert!(
        request.contains("\naccept: application/json\n"),
        "{request}"
    );
    let user_agent = request
        .lines()
        .find_map(|l| l.strip_prefix("user-agent: "))
        .unwrap();
    assert!(
        user_agent.starts_with("kumactl/2.14.3 (linux; amd64; Kuma/")
            || user_agent.starts_with("kumactl/2.14.3 ("),
        "{user_agent}"
    );
    // The debug log names the request, never the token.
    assert!(
        out.stderr
            .contains(&format!("GET {}/base -> 200", server.url)),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("TOKEN-123"), "{}", out.stderr);
}

#[test]
fn the_compatibility_check_and_the_command_share_one_connection() {
    let env = TestEnv::new();
    let (url, connections) = counted_scripted_server(|request| {
        if request.starts_with("GET / ") {
            json_answer("200 OK", r#"{"product":"Kuma","version":"2.14.3"}"#)
        } else {
            json_answer("200 OK", r#"{"total":0,"items":[],"next":null}"#)
        }
    });
    env.write_config_for(&url);
    let out = run(env.kumactl().args(["get", "meshes"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(connections.load(std::sync::atomic::Ordering::SeqCst), 1);
}

/// A keep-alive HTTP server whose answers `respond` writes from the request line (the
/// whole response, head and body); an empty answer hangs up instead. Returns its URL.
fn scripted_server(respond: fn(&str) -> String) -> String {
    counted_scripted_server(respond).0
}

/// [`scripted_server`], with the number of connections it accepted.
fn counted_scripted_server(
    respond: fn(&str) -> String,
) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{BufRead, BufReader, Write};
    use std::sync::atomic::{AtomicUsize, Ordering};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let connections = std::sync::Arc::new(AtomicUsize::new(0));
    let counted = connections.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            counted.fetch_add(1, Ordering::SeqCst);
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                loop {
                    let mut request_line = String::new();
                    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
                        return;
                    }
                    let mut line = String::new();
                    while reader.read_line(&mut line).unwrap_or(0) > 0 && line != "\r\n" {
                        line.clear();
                    }
                    let response = respond(request_line.trim_end());
                    if response.is_empty() || stream.write_all(response.as_bytes()).is_err() {
                        return;
                    }
                }
            });
        }
    });
    (url, connections)
}

fn json_answer(status: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
}

#[test]
fn redirects_are_followed_on_a_new_connection_when_the_server_closes() {
    let env = TestEnv::new();
    let url = scripted_server(|request| {
        match request {
        "GET / HTTP/1.1" => "HTTP/1.1 307 Temporary Redirect\r\nlocation: /index\r\nconnection: close\r\ncontent-length: 0\r\n\r\n".into(),
        "GET /index HTTP/1.1" => json_answer("200 OK", r#"{"product":"Kuma","version":"2.14.3"}"#),
        "GET /meshes HTTP/1.1" => "HTTP/1.1 302 Found\r\nlocation: /moved\r\ncontent-length: 0\r\n\r\n".into(),
        "GET /moved HTTP/1.1" => json_answer(
            "200 OK",
            r#"{"total":1,"items":[{"type":"Mesh","name":"m","creationTime":"2020-01-01T00:00:00Z","modificationTime":"2020-01-01T00:00:00Z"}],"next":null}"#,
        ),
        _ => json_answer("404 Not Found", "{}"),
    }
    });
    env.write_config_for(&url);
    let out = run(env.kumactl().args(["get", "meshes", "-o", "json"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("\"name\": \"m\""), "{}", out.stdout);
    assert_eq!(out.stderr, "");
}

#[test]
fn a_server_that_hangs_up_without_answering() {
    let env = TestEnv::new();
    let url = scripted_server(|_| String::new());
    env.write_config_for(&url);
    let out = run(env.kumactl().args(["get", "meshes"]));
    let cause = |path: &str| {
        format!(
            "error sending request for url ({url}{path}): client error (SendRequest): connection closed before message completed"
        )
    };
    assert_outcome(
        &out,
        "",
        &format!(
            "WARNING: Failed to retrieve server version, can't check compatibility: Unable to retrieve server version: Get \"{url}/\": {}\nError: failed to list Mesh: Get \"{url}/meshes\": {}\n",
            cause("/"),
            cause("/meshes")
        ),
        1,
    );
}

#[test]
fn context_flag_selects_a_control_plane_by_name() {
    let env = TestEnv::with_server();
    // Current is "down", unreachable; --context picks "test", which is up.
    add_unchecked(&env, "down", &format!("http://{}", closed_address()));
    let out = run(env.kumactl().args(["--context", "test", "version"]));
    assert_outcome(&out, "Client: Kuma 2.14.3\nServer: Kuma 2.14.3\n", "", 0);
    let out = run(env.kumactl().args(["--context", "nope", "version"]));
    assert_outcome(
        &out,
        "Client: Kuma 2.14.3\n",
        "Unable to connect to control plane: apparently, configuration is broken: --context \"nope\" names no Control Plane (known: \"test\", \"down\"). Use `kumactl config control-planes list` to see them\n",
        0,
    );
    let out = run(env.kumactl().args(["--context", "nope", "get", "meshes"]));
    assert_outcome(
        &out,
        "",
        "WARNING: Failed to retrieve server version, can't check compatibility: apparently, configuration is broken: --context \"nope\" names no Control Plane (known: \"test\", \"down\"). Use `kumactl config control-planes list` to see them\nError: apparently, configuration is broken: --context \"nope\" names no Control Plane (known: \"test\", \"down\"). Use `kumactl config control-planes list` to see them\n",
        1,
    );
}

// ---------------------------------------------------------------------------------------
// TLS

fn write_ca(env: &TestEnv, pem: &str) -> String {
    let path = env.path("ca.pem");
    std::fs::write(&path, pem).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn https_with_a_ca_file_with_skip_verify_and_without_either() {
    let env = TestEnv::with_server();
    let https = env.server().api_https_url();
    let ca = write_ca(&env, env.server().generated_ca_pem.as_deref().unwrap());

    let out = add_with_ca_file(&env, "trusted", &https, &ca);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run(env.kumactl().arg("version"));
    assert_outcome(&out, "Client: Kuma 2.14.3\nServer: Kuma 2.14.3\n", "", 0);

    let out = add(&env, &["--name", "untrusted", "--address", &https]);
    assert_outcome(
        &out,
        "",
        &format!(
            "Error: could not connect to the Control Plane API Server: Get \"{https}/\": tls: certificate signed by unknown authority (set --ca-cert-file, or --skip-verify)\n"
        ),
        1,
    );

    let out = add(
        &env,
        &["--name", "skipped", "--address", &https, "--skip-verify"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run(env.kumactl().arg("version"));
    assert_outcome(&out, "Client: Kuma 2.14.3\nServer: Kuma 2.14.3\n", "", 0);
}

#[test]
fn https_with_the_operators_certificate_files() {
    use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().unwrap()).unwrap();
    let key = KeyPair::generate().unwrap();
    let cert = CertificateParams::new(vec!["localhost".to_string()])
        .unwrap()
        .signed_by(&key, &ca)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let cert_file = dir.path().join("tls.crt");
    let key_file = dir.path().join("tls.key");
    std::fs::write(&cert_file, cert.pem()).unwrap();
    std::fs::write(&key_file, key.serialize_pem()).unwrap();

    let env = TestEnv::with_server_options(ServerOptions {
        tls_cert_file: Some(cert_file),
        tls_key_file: Some(key_file),
        ..ServerOptions::for_tests()
    });
    assert!(env.server().generated_ca_pem.is_none());
    let ca_file = write_ca(&env, &ca.pem());
    let https = env.server().api_https_url();
    let out = add_with_ca_file(&env, "own", &https, &ca_file);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn a_url_with_the_wrong_scheme_says_which_one_to_use() {
    let env = TestEnv::with_server();
    let server = env.server();
    // http:// to the HTTPS server, on the direct path and through reqwest (credentials).
    let https_port = server.api_https_addr.port();
    for address in [
        format!("http://127.0.0.1:{https_port}"),
        format!("http://user:pass@127.0.0.1:{https_port}"),
    ] {
        let out = add(&env, &["--name", "x", "--address", &address, "--overwrite"]);
        let shown = address.replace("user:pass@", "user:***@");
        assert_outcome(
            &out,
            "",
            &format!(
                "Error: could not connect to the Control Plane API Server: Get \"{shown}/\": the server at 127.0.0.1:{https_port} answered with TLS, not plain HTTP (use an https:// address?)\n"
            ),
            1,
        );
    }
    // https:// to the plain HTTP server.
    let http_port = server.api_addr.port();
    let address = format!("https://127.0.0.1:{http_port}");
    let out = add(
        &env,
        &["--name", "x", "--address", &address, "--skip-verify"],
    );
    assert_outcome(
        &out,
        "",
        &format!(
            "Error: could not connect to the Control Plane API Server: Get \"{address}/\": tls: the server did not answer with TLS (use an http:// address?)\n"
        ),
        1,
    );
}

#[test]
fn unreadable_tls_files_are_reported_clearly() {
    let env = TestEnv::new();
    let out = add_with_ca_file(&env, "x", "https://localhost:1", "/nonexistent/ca.pem");
    assert_outcome(
        &out,
        "",
        "Error: could not connect to the Control Plane API Server: could not configure HTTP client with TLS: could not read CA cert: open /nonexistent/ca.pem: no such file or directory\n",
        1,
    );
    let not_pem = env.path("garbage.pem");
    std::fs::write(&not_pem, "not a certificate").unwrap();
    let out = add_with_ca_file(&env, "x", "https://localhost:1", not_pem.to_str().unwrap());
    assert_outcome(
        &out,
        "",
        "Error: could not connect to the Control Plane API Server: could not configure HTTP client with TLS: could not add certificate\n",
        1,
    );
}

// ---------------------------------------------------------------------------------------
// version

#[test]
fn version_against_a_running_control_plane() {
    let env = TestEnv::with_server();
    let out = run(env.kumactl().arg("version"));
    assert_outcome(&out, "Client: Kuma 2.14.3\nServer: Kuma 2.14.3\n", "", 0);
}

#[test]
fn version_detailed_shows_this_build_and_the_server_index() {
    let env = TestEnv::with_server();
    let out = run(env.kumactl().args(["version", "--detailed"]));
    assert_eq!(out.code, 0);
    assert_eq!(out.stderr, "");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines[0], "Product:       Kuma");
    assert_eq!(lines[1], "Version:       2.14.3");
    assert_eq!(
        lines[2],
        format!(
            "Build:         kumactl (Rust) {}",
            env!("CARGO_PKG_VERSION")
        )
    );
    assert!(lines[3].starts_with("Git Commit:    "));
    assert!(lines[4].starts_with("Build Date:    "));
    assert_eq!(lines[5], "Server: {");
    let index = &env.server().state.index;
    let json = out.stdout.split_once("Server: ").unwrap().1;
    // Go's MarshalIndent with three spaces, keys in Kuma's order.
    assert_eq!(
        json,
        format!(
            "{{\n   \"clusterId\": \"{}\",\n   \"gui\": \"\",\n   \"hostname\": \"{}\",\n   \"instanceId\": \"{}\",\n   \"product\": \"Kuma\",\n   \"version\": \"2.14.3\"\n}}\n",
            index.cluster_id, index.hostname, index.instance_id
        )
    );
    let short = run(env.kumactl().args(["version", "-a"]));
    assert_eq!(short.stdout.lines().count(), out.stdout.lines().count());
}

#[test]
fn version_without_a_control_plane_still_exits_zero() {
    let env = TestEnv::new();
    let closed = env.use_unreachable_control_plane();
    let out = run(env.kumactl().arg("version"));
    assert_outcome(
        &out,
        "Client: Kuma 2.14.3\n",
        &format!(
            "Unable to connect to control plane: Unable to retrieve server version: Get \"http://{closed}/\": connection refused (is a control plane running at {closed}?)\n"
        ),
        0,
    );
}

#[test]
fn version_reports_a_failing_server() {
    let env = TestEnv::new();
    let server = CaptureServer::start(500, "boom");
    env.write_config_for(&server.url);
    let out = run(env.kumactl().arg("version"));
    assert_outcome(
        &out,
        "Client: Kuma 2.14.3\n",
        "Unable to connect to control plane: Unable to retrieve server version: (500): boom\n",
        0,
    );
}

// ---------------------------------------------------------------------------------------
// Exit codes and parse errors

#[test]
fn parse_errors_read_like_cobra_and_exit_1() {
    let env = TestEnv::new();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["foo"],
            "Error: unknown command \"foo\" for \"kumactl\"\nRun 'kumactl --help' for usage.\n",
        ),
        (
            vec!["versio"],
            "Error: unknown command \"versio\" for \"kumactl\"\n\nDid you mean this?\n\tversion\n\nRun 'kumactl --help' for usage.\n",
        ),
        // cobra's suggestions: every name within distance 2 or with the typed prefix.
        (
            vec!["gett"],
            "Error: unknown command \"gett\" for \"kumactl\"\n\nDid you mean this?\n\tget\n\nRun 'kumactl --help' for usage.\n",
        ),
        (
            vec!["get", "meshs"],
            "Error: unknown command \"meshs\" for \"kumactl get\"\n\nDid you mean this?\n\tmesh\n\tmeshes\n\tmeshservice\n\tmeshservices\n\tmeshtls\n\nRun 'kumactl get --help' for usage.\n",
        ),
        (
            vec!["--bogus"],
            "Error: unknown flag: --bogus\nRun 'kumactl --help' for usage.\n",
        ),
        (
            vec!["version", "-x"],
            "Error: unknown shorthand flag: 'x' in -x\nRun 'kumactl version --help' for usage.\n",
        ),
        (
            vec!["config", "view", "extra"],
            "Error: unknown command \"extra\" for \"kumactl config view\"\nRun 'kumactl config view --help' for usage.\n",
        ),
        (
            vec!["--log-level", "loud", "version"],
            "Error: unknown log level \"loud\"\nRun 'kumactl version --help' for usage.\n",
        ),
        (
            vec!["--api-timeout", "abc", "version"],
            "Error: invalid argument \"abc\" for \"--api-timeout\" flag: time: invalid duration \"abc\"\nRun 'kumactl version --help' for usage.\n",
        ),
        (
            vec!["config", "control-planes", "add", "--name"],
            "Error: flag needs an argument: --name\nRun 'kumactl config control-planes add --help' for usage.\n",
        ),
    ];
    for (args, stderr) in cases {
        let out = run(env.kumactl().args(&args));
        assert_outcome(&out, "", stderr, 1);
    }
}

#[cfg(unix)]
#[test]
fn arguments_that_are_not_utf8_are_an_error_not_a_panic() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let env = TestEnv::new();
    let not_utf8 = OsStr::from_bytes(b"caf\xe9.yaml");
    let out = run(env.kumactl().arg("apply").arg("-f").arg(not_utf8));
    assert_outcome(
        &out,
        "",
        "Error: invalid UTF-8 was detected in one or more arguments\nRun 'kumactl apply --help' for usage.\n",
        1,
    );
    // A path flag takes any file name.
    let config = env.dir.path().join(OsStr::from_bytes(b"conf\xe9"));
    let out = run(env
        .kumactl_without_config_flag()
        .arg("--config-file")
        .arg(&config)
        .arg("config")
        .arg("view"));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(config.exists());
}

#[test]
fn help_goes_to_stdout_with_go_kumactl_descriptions() {
    let env = TestEnv::new();
    let out = run(env.kumactl().arg("--help"));
    assert_eq!(out.code, 0);
    assert!(
        out.stdout
            .starts_with("Management tool for Kuma.\n\nUsage:\n")
    );
    for line in [
        "  completion  Output shell completion code for bash, fish, zsh or powershell",
        "  config      Modify kumactl config files",
        "  help        Help about any command",
        "  version     Print version",
        "      --api-timeout <duration>  the timeout for api calls. It includes connection time, any redirects, and reading the response body. A timeout of zero means no timeout [default: 1m0s]",
        "      --config-file <string>    path to the configuration file to use",
        "      --log-level <string>      log level: one of off|info|debug [default: off]",
        "      --no-config               if set no config file and config directory will be created",
        "  -h, --help  help for kumactl",
    ] {
        assert!(
            out.stdout.lines().any(|l| l.starts_with(line)),
            "missing {line:?} in\n{}",
            out.stdout
        );
    }
    // A group without its sub-command shows its help, like cobra.
    let out = run(env.kumactl().arg("config"));
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.starts_with("Modify kumactl config files"),
        "{}",
        out.stdout
    );
}

#[test]
fn help_shows_usable_arguments_like_cobra() {
    let env = TestEnv::new();
    let help = |args: &[&str]| {
        let out = run(env.kumactl().args(args).arg("--help"));
        assert_eq!((out.stderr.as_str(), out.code), ("", 0), "{args:?}");
        out.stdout
    };
    // No hidden positional leaks into the usage line.
    let user_token = help(&["generate", "user-token"]);
    assert!(
        user_token.contains("\nUsage:\n  kumactl generate user-token [flags]\n"),
        "{user_token}"
    );
    // Counted positionals show as the usage names them, without clap's `[NAME]...`.
    for (args, usage) in [
        (
            vec!["get", "zoneegress"],
            "kumactl get zoneegress NAME [flags]",
        ),
        (vec!["delete"], "kumactl delete TYPE NAME [flags]"),
        (
            vec!["inspect", "zoneegress"],
            "kumactl inspect zoneegress NAME [flags]",
        ),
        (vec!["help"], "kumactl help [command] [flags]"),
    ] {
        let text = help(&args);
        assert!(text.contains(&format!("\nUsage:\n  {usage}\n")), "{text}");
        assert!(!text.contains("Arguments:"), "{text}");
    }
    let apply = help(&["apply"]);
    assert!(apply.contains("\n  -f, --file <string>  "), "{apply}");
}

/// What bash completion offers for `words` (the last one being completed), through the
/// script of `kumactl completion bash`.
fn bash_completes(env: &TestEnv, words: &[&str]) -> Vec<String> {
    let script = run(env.kumactl().args(["completion", "bash"]));
    assert_eq!(script.code, 0);
    let script_path = env.path("kumactl.bash");
    std::fs::write(&script_path, &script.stdout).unwrap();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "source '{}'\nCOMP_WORDS=({})\nCOMP_CWORD={}\n_kumactl kumactl '{}' '{}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script_path.display(),
        quoted.join(" "),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(program)
        .current_dir(env.dir.path())
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn completion_offers_the_known_values_not_file_names() {
    let env = TestEnv::new();
    // A file in the working directory: completing file names would offer it.
    std::fs::write(env.dir.path().join("a-file"), "").unwrap();
    let cases: Vec<(Vec<&str>, Vec<&str>)> = vec![
        (
            vec!["kumactl", "get", "meshes", "-o", ""],
            vec!["table", "yaml", "json"],
        ),
        (
            vec!["kumactl", "inspect", "meshes", "-o", "y"],
            vec!["yaml"],
        ),
        (
            vec!["kumactl", "--log-level", ""],
            vec!["off", "info", "debug"],
        ),
        (
            vec!["kumactl", "install", "control-plane", "--mode", ""],
            vec!["zone", "global", "standalone"],
        ),
        (
            vec!["kumactl", "generate", "zone-token", "--scope", ""],
            vec!["ingress", "egress"],
        ),
        (
            vec!["kumactl", "generate", "dataplane-token", "--proxy-type", ""],
            vec!["dataplane", "ingress"],
        ),
        (
            vec!["kumactl", "inspect", "zoneegress", "--type", ""],
            vec!["config-dump", "stats", "clusters"],
        ),
        (
            vec!["kumactl", "generate", "signing-key", "--format", ""],
            vec!["pem-base64", "pem"],
        ),
        (vec!["kumactl", "delete", "zoneeg"], vec!["zoneegress"]),
        (vec!["kumactl", "delete", "meshtim"], vec!["meshtimeout"]),
    ];
    for (words, expected) in cases {
        assert_eq!(bash_completes(&env, &words), expected, "{words:?}");
    }
}

// ---------------------------------------------------------------------------------------
// kuma-cp-lite, first part

#[test]
fn cp_lite_serves_the_index() {
    let env = TestEnv::with_server();
    let reply = Api::new(env.server().api_url()).get("/");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.content_type, "application/json");
    let body = reply.text.as_str();
    let index = reply.json();
    let keys: Vec<&str> = index
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "clusterId",
            "gui",
            "hostname",
            "instanceId",
            "product",
            "version"
        ]
    );
    assert_eq!(index["product"], "Kuma");
    assert_eq!(index["version"], "2.14.3");
    let hostname = index["hostname"].as_str().unwrap();
    let instance = index["instanceId"].as_str().unwrap();
    assert!(instance.starts_with(&format!("{hostname}-")), "{instance}");
    assert_eq!(instance.len(), hostname.len() + 5);
    assert!(uuid::Uuid::parse_str(index["clusterId"].as_str().unwrap()).is_ok());
    // Kuma's pretty printing: one-space indent.
    assert!(body.starts_with("{\n \"clusterId\""), "{body}");
}

#[test]
fn cp_lite_who_am_i_and_unknown_routes() {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    let reply = api.get("/who-am-i");
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.json(),
        serde_json::json!({"name": "mesh-system:admin", "groups": ["mesh-system:admin", "mesh-system:authenticated"]})
    );
    // A request that names another host is not a local admin.
    let reply = api.with_header("host", "cp.example.com").get("/who-am-i");
    assert_eq!(
        reply.json(),
        serde_json::json!({"name": "mesh-system:anonymous", "groups": ["mesh-system:unauthenticated"]})
    );
    let reply = api.get("/no/such/route");
    assert_eq!(
        (reply.status, reply.text.as_str()),
        (404, "404: Page Not Found")
    );
    assert!(reply.content_type.starts_with("text/plain"));
}

#[test]
#[cfg(unix)]
fn cp_lite_binary_stops_cleanly_on_sigterm() {
    use std::io::{BufRead, BufReader};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kuma-cp-lite"))
        .args([
            "run",
            "--api-port",
            "0",
            "--api-https-port",
            "0",
            "--dp-port",
            "0",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    assert!(line.contains(" started: API http://127.0.0.1:"), "{line}");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut rest).unwrap();
    assert!(rest.contains("kuma-cp-lite: stopping"), "{rest}");
    assert!(child.wait().unwrap().success());
}

#[test]
fn an_unwritable_config_location_is_reported() {
    let env = TestEnv::new();
    let blocker = env.path("not-a-dir");
    std::fs::write(&blocker, "").unwrap();
    let config = blocker.join("config");
    let out = run(env
        .kumactl_without_config_flag()
        .arg("--config-file")
        .arg(&config)
        .arg("version"));
    assert_outcome(
        &out,
        "",
        &format!(
            "Error: Failed to create a directory {blocker:?}: mkdir {}: not a directory\n",
            blocker.display()
        ),
        1,
    );
}
