//! The foundation: config file, control plane management, version, exit codes.

mod common;

use common::{TestEnv, run};

#[test]
fn version_against_a_running_control_plane() {
    let env = TestEnv::with_server();
    let out = run(env.kumactl().arg("version"));
    assert_eq!(out.stdout, "Client: Kuma 2.14.3\nServer: Kuma 2.14.3\n");
    assert_eq!(out.stderr, "");
    assert_eq!(out.code, 0);
}

#[test]
fn version_without_a_control_plane_still_exits_zero() {
    let env = TestEnv::new();
    // A port nothing listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    env.write_config_for(&format!("http://{closed}"));
    let out = run(env.kumactl().arg("version"));
    assert_eq!(out.stdout, "Client: Kuma 2.14.3\n");
    assert_eq!(
        out.stderr,
        format!(
            "Unable to connect to control plane: Unable to retrieve server version: Get \"http://{closed}/\": connection refused (is a control plane running at {closed}?)\n"
        )
    );
    assert_eq!(out.code, 0);
}
