//! Resource names completed from the current control plane: bash's completion function,
//! as `source <(COMPLETE=bash kumactl)` registers it, driven through `COMP_WORDS` and
//! `COMP_CWORD` against kuma-cp-lite; and fish's protocol, called directly.

mod common;

use common::TestEnv;
use common::http::Api;
use serde_json::json;
use std::process::Command;

fn kumactl_path() -> String {
    assert_cmd::cargo::cargo_bin("kumactl")
        .to_string_lossy()
        .into_owned()
}

/// kuma-cp-lite with two MeshTimeouts in `default`, one in `other`, and a ZoneEgress.
fn populated() -> TestEnv {
    let env = TestEnv::with_server();
    let api = Api::new(env.server().api_url());
    let put = |path: &str, body: serde_json::Value| {
        let reply = api.put(path, &body);
        assert_eq!(reply.status, 201, "{path}: {reply:?}");
    };
    put("/meshes/other", json!({"type": "Mesh", "name": "other"}));
    let timeout = |mesh: &str, name: &str| {
        json!({"type": "MeshTimeout", "mesh": mesh, "name": name,
               "spec": {"targetRef": {"kind": "Mesh"},
                        "to": [{"targetRef": {"kind": "Mesh"}, "default": {"idleTimeout": "20s"}}]}})
    };
    put(
        "/meshes/default/meshtimeouts/mt-a",
        timeout("default", "mt-a"),
    );
    put(
        "/meshes/default/meshtimeouts/mt-b",
        timeout("default", "mt-b"),
    );
    put(
        "/meshes/other/meshtimeouts/mt-other",
        timeout("other", "mt-other"),
    );
    put(
        "/zoneegresses/egress-1",
        json!({"type": "ZoneEgress", "name": "egress-1",
               "networking": {"address": "192.168.0.1", "port": 10002}}),
    );
    env
}

/// Sources the registration script in bash, completes the last of `words` (after
/// `kumactl --config-file <config>`) and returns COMPREPLY, one per line, and stderr.
fn bash_complete(env: &TestEnv, words: &[&str]) -> (String, String) {
    let script = r#"
source <(COMPLETE=bash "$KUMACTL")
COMP_WORDS=(kumactl --config-file "$CONFIG" "$@")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="${COMP_WORDS[*]}"
COMP_POINT=${#COMP_LINE}
_clap_complete_kumactl kumactl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let output = Command::new("bash")
        .arg("-c")
        .arg(script)
        .arg("bash")
        .args(words)
        .env("KUMACTL", kumactl_path())
        .env("CONFIG", &env.config_path)
        .env("HOME", env.home())
        .env_remove("KUMACTL_CONFIG")
        .output()
        .expect("bash runs");
    assert!(output.status.success(), "{output:?}");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn bash_completes_names_from_the_control_plane() {
    let env = populated();
    let cases: &[(&[&str], &str)] = &[
        (&["get", "meshtimeout", "m"], "mt-a\nmt-b\n"),
        (&["get", "meshtimeout", "mt-b"], "mt-b\n"),
        (
            &["get", "meshtimeout", "--mesh", "other", "m"],
            "mt-other\n",
        ),
        (&["get", "meshtimeout", "-m=other", "m"], "mt-other\n"),
        (&["get", "meshtimeouts", "--mesh", "o"], "other\n"),
        (&["generate", "dataplane-token", "--mesh", "o"], "other\n"),
        (&["get", "zoneegress", "e"], "egress-1\n"),
        (&["delete", "zoneegress", "e"], "egress-1\n"),
        (&["delete", "meshtimeout", "-m", "other", "m"], "mt-other\n"),
        (&["delete", "zoneegr"], "zoneegress\n"),
        // Only the first word after TYPE is a name.
        (&["delete", "zoneegress", "egress-1", "e"], "\n"),
        (&["inspect", "zoneegress", "e"], "egress-1\n"),
    ];
    for (words, expected) in cases {
        let (stdout, stderr) = bash_complete(&env, words);
        assert_eq!(
            (stdout.as_str(), stderr.as_str()),
            (*expected, ""),
            "{words:?}"
        );
    }
}

#[test]
fn nothing_without_a_reachable_control_plane() {
    let env = TestEnv::new();
    env.use_unreachable_control_plane();
    let config = env.read_config();
    let started = std::time::Instant::now();
    for words in [
        &["get", "meshtimeout", "m"][..],
        &["delete", "zoneegress", "e"][..],
        &["get", "meshes", "--mesh", "d"][..],
    ] {
        assert_eq!(
            bash_complete(&env, words),
            ("\n".into(), "".into()),
            "{words:?}"
        );
    }
    // A refused connection costs nothing; the budget of a request is 100 ms.
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    // A completion writes no config.
    assert_eq!(env.read_config(), config);
    assert!(!env.home().join(".kumactl").exists());
}

#[test]
fn fish_protocol() {
    let env = populated();
    let output = Command::new(kumactl_path())
        .args(["--", "kumactl", "--config-file"])
        .arg(&env.config_path)
        .args(["get", "meshtimeout", "mt-"])
        .env("COMPLETE", "fish")
        .env("HOME", env.home())
        .output()
        .expect("kumactl runs");
    assert_eq!(String::from_utf8_lossy(&output.stdout), "mt-a\nmt-b\n");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn registration_scripts_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -o nospace -o bashdefault"),
        ("zsh", "#compdef kumactl"),
        (
            "fish",
            "complete --keep-order --exclusive --command kumactl",
        ),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let output = Command::new(kumactl_path())
            .env("COMPLETE", shell)
            .output()
            .expect("kumactl runs");
        let script = String::from_utf8_lossy(&output.stdout);
        assert!(script.contains(marker), "{shell}: {script}");
        assert!(output.status.success());
    }
}
