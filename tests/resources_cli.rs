//! kumactl apply, get, inspect and delete against kuma-cp-lite (Go: `app/kumactl/cmd/{apply,get,inspect,delete}`):
//! exact stdout, stderr and exit codes. Fixtures and golden files are in
//! `tests/resources_cli/`.

mod common;

use common::http_files::{ECHO_URI, HttpFiles};
use common::{Outcome, TestEnv, assert_outcome, closed_address, run};
use kumactl::cp_lite::{Mode, ServerOptions};
use regex::Regex;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/resources_cli")
        .join(name)
}

fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("fixture readable")
}

/// `kumactl <args>` against the env's control plane.
fn kumactl(env: &TestEnv, args: &[&str]) -> Outcome {
    run(env.kumactl().args(args))
}

/// `kumactl apply -f` of a file in `tests/resources_cli/`.
fn apply_fixture(env: &TestEnv, name: &str) -> Outcome {
    kumactl(env, &["apply", "-f", fixture(name).to_str().unwrap()])
}

/// `kumactl apply` with `input` on stdin.
fn apply_stdin(env: &TestEnv, input: &str, extra: &[&str]) -> Outcome {
    run(env
        .kumactl()
        .args(["apply", "-f", "-"])
        .args(extra)
        .write_stdin(input))
}

/// Masks what depends on the clock: server timestamps and table AGE cells.
fn masked(text: &str) -> String {
    let times = Regex::new(r#""\d{4}-\d\d-\d\dT[0-9:.]+Z""#).unwrap();
    let ages = Regex::new(r"(?m)\b\d+s$").unwrap();
    let text = times.replace_all(text, "\"<time>\"");
    ages.replace_all(&text, "<age>").into_owned()
}

const SEED_ZONEEGRESS: &str =
    "type: ZoneEgress\nname: zoneegress-1\nnetworking:\n  address: 192.168.0.1\n  port: 10002\n";

fn apply_seed(env: &TestEnv) {
    let out = apply_fixture(env, "zoneegress.yaml");
    assert_outcome(
        &out,
        "resource type=\"ZoneEgress\" mesh=\"\" name=\"zoneegress-1\" Created\n",
        "",
        0,
    );
}

/// The names `kumactl get <kind>` lists (its first column), space-separated.
fn listed_names(env: &TestEnv, kind: &str) -> String {
    let out = kumactl(env, &["get", kind]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap_or_default().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The table of `kumactl inspect zoneegresses`: its header, then these rows, in the
/// column widths those rows give it.
fn zoneegresses_table(rows: &[[&str; 8]]) -> String {
    let header = [
        "NAME",
        "STATUS",
        "LAST CONNECTED AGO",
        "LAST UPDATED AGO",
        "TOTAL UPDATES",
        "TOTAL ERRORS",
        "KUMA-DP VERSION",
        "ENVOY VERSION",
    ];
    std::iter::once(&header)
        .chain(rows)
        .map(|cells| {
            format!(
                "{:<15}{:<10}{:<21}{:<19}{:<16}{:<15}{:<18}{}\n",
                cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// apply: the happy paths

#[test]
fn seed_zoneegress_is_created_then_updated() {
    let env = TestEnv::with_server();
    apply_seed(&env);
    let out = apply_fixture(&env, "zoneegress.yaml");
    assert_outcome(
        &out,
        "resource type=\"ZoneEgress\" mesh=\"\" name=\"zoneegress-1\" Updated\n",
        "",
        0,
    );
    assert_eq!(listed_names(&env, "zoneegresses"), "zoneegress-1");
}

#[test]
fn mesh_with_builtin_mtls_is_applied_and_listed() {
    let env = TestEnv::with_server();
    let out = apply_fixture(&env, "mesh-mtls.yaml");
    assert_outcome(
        &out,
        "resource type=\"Mesh\" mesh=\"\" name=\"demo\" Created\n",
        "",
        0,
    );
    let out = apply_fixture(&env, "mesh-mtls.yaml");
    assert_outcome(
        &out,
        "resource type=\"Mesh\" mesh=\"\" name=\"demo\" Updated\n",
        "",
        0,
    );
    let out = kumactl(&env, &["get", "meshes"]);
    assert_eq!(out.stderr, "");
    let line = |cells: [&str; 5]| {
        format!(
            "{:<10}{:<15}{:<11}{:<13}{}\n",
            cells[0], cells[1], cells[2], cells[3], cells[4]
        )
    };
    assert_eq!(
        masked(&out.stdout),
        [
            line(["NAME", "mTLS", "LOCALITY", "ZONEEGRESS", "AGE"]),
            line(["default", "off", "off", "off", "<age>"]),
            line(["demo", "builtin/ca-1", "off", "on", "<age>"]),
        ]
        .concat()
    );
    let out = kumactl(&env, &["get", "mesh", "demo"]);
    assert_eq!(
        masked(&out.stdout),
        "NAME   mTLS           LOCALITY   ZONEEGRESS   AGE\n\
         demo   builtin/ca-1   off        on           <age>\n"
    );
}

#[test]
fn mesh_is_fetched_as_yaml_and_json() {
    let env = TestEnv::with_server();
    let out = apply_fixture(&env, "mesh-mtls.yaml");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = kumactl(&env, &["get", "mesh", "demo", "-o", "yaml"]);
    assert_outcome(
        &Outcome {
            stdout: masked(&out.stdout),
            ..out
        },
        "creationTime: \"<time>\"\n\
         kri: kri_m____demo_\n\
         modificationTime: \"<time>\"\n\
         name: demo\n\
         type: Mesh\n\
         mtls:\n  backends:\n  - name: ca-1\n    type: builtin\n  enabledBackend: ca-1\n\
         routing:\n  zoneEgress: true\n",
        "",
        0,
    );
    let out = kumactl(&env, &["get", "mesh", "demo", "-o", "json"]);
    assert_outcome(
        &Outcome {
            stdout: masked(&out.stdout),
            ..out
        },
        "{\n  \"type\": \"Mesh\",\n  \"name\": \"demo\",\n  \"creationTime\": \"<time>\",\n  \"modificationTime\": \"<time>\",\n  \"kri\": \"kri_m____demo_\",\n  \"mtls\": {\n    \"enabledBackend\": \"ca-1\",\n    \"backends\": [\n      {\n        \"name\": \"ca-1\",\n        \"type\": \"builtin\"\n      }\n    ]\n  },\n  \"routing\": {\n    \"zoneEgress\": true\n  }\n}\n",
        "",
        0,
    );
}

#[test]
fn zoneegress_is_fetched_in_three_formats() {
    let env = TestEnv::with_server();
    apply_seed(&env);
    let out = kumactl(&env, &["get", "zoneegress", "zoneegress-1"]);
    assert_eq!(out.stderr, "");
    assert_eq!(
        masked(&out.stdout),
        "NAME           AGE\nzoneegress-1   <age>\n"
    );
    let out = kumactl(&env, &["get", "zoneegress", "zoneegress-1", "-o", "yaml"]);
    assert_eq!(out.stderr, "");
    assert_eq!(
        masked(&out.stdout),
        "creationTime: \"<time>\"\n\
         kri: kri_ze__default__zoneegress-1_\n\
         labels:\n  kuma.io/env: universal\n  kuma.io/origin: zone\n  kuma.io/proxy-type: zoneegress\n  kuma.io/zone: default\n\
         modificationTime: \"<time>\"\n\
         name: zoneegress-1\n\
         type: ZoneEgress\n\
         networking:\n  address: 192.168.0.1\n  port: 10002\n"
    );
    let out = kumactl(&env, &["get", "zoneegress", "zoneegress-1", "-o", "json"]);
    assert_eq!(out.stderr, "");
    assert_eq!(
        masked(&out.stdout),
        "{\n  \"type\": \"ZoneEgress\",\n  \"name\": \"zoneegress-1\",\n  \"creationTime\": \"<time>\",\n  \"modificationTime\": \"<time>\",\n  \"labels\": {\n    \"kuma.io/env\": \"universal\",\n    \"kuma.io/origin\": \"zone\",\n    \"kuma.io/proxy-type\": \"zoneegress\",\n    \"kuma.io/zone\": \"default\"\n  },\n  \"kri\": \"kri_ze__default__zoneegress-1_\",\n  \"networking\": {\n    \"address\": \"192.168.0.1\",\n    \"port\": 10002\n  }\n}\n"
    );
}

#[test]
fn zoneegresses_are_listed_in_three_formats() {
    let env = TestEnv::with_server();
    apply_seed(&env);
    let out = kumactl(&env, &["get", "zoneegresses"]);
    assert_eq!(out.stderr, "");
    assert_eq!(
        masked(&out.stdout),
        "NAME           AGE\nzoneegress-1   <age>\n"
    );
    let out = kumactl(&env, &["get", "zoneegresses", "-o", "yaml"]);
    assert_eq!(out.stderr, "");
    assert_eq!(
        masked(&out.stdout),
        "items:\n\
         - creationTime: \"<time>\"\n  kri: kri_ze__default__zoneegress-1_\n  labels:\n    kuma.io/env: universal\n    kuma.io/origin: zone\n    kuma.io/proxy-type: zoneegress\n    kuma.io/zone: default\n  modificationTime: \"<time>\"\n  name: zoneegress-1\n  networking:\n    address: 192.168.0.1\n    port: 10002\n  type: ZoneEgress\n\
         next: null\n\
         total: 1\n"
    );
    let out = kumactl(&env, &["get", "zoneegresses", "-o", "json"]);
    assert_eq!(out.stderr, "");
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["total"], 1);
    assert_eq!(doc["next"], serde_json::Value::Null);
    assert_eq!(doc["items"][0]["name"], "zoneegress-1");
    assert!(
        out.stdout.starts_with("{\n  \"total\": 1,\n  \"items\": [\n    {\n      \"type\": \"ZoneEgress\",\n      \"name\": \"zoneegress-1\",\n"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.ends_with("  ],\n  \"next\": null\n}\n"));
}

#[test]
fn zoneegress_is_inspected_then_deleted() {
    let env = TestEnv::with_server();
    apply_seed(&env);
    let out = kumactl(&env, &["inspect", "zoneegresses"]);
    assert_outcome(
        &out,
        &zoneegresses_table(&[[
            "zoneegress-1",
            "Offline",
            "never",
            "never",
            "0",
            "0",
            "",
            "",
        ]]),
        "",
        0,
    );
    let out = kumactl(&env, &["inspect", "zoneegresses", "-o", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["items"][0]["type"], "ZoneEgressOverview");
    assert_eq!(doc["items"][0]["zoneEgress"]["networking"]["port"], 10002);
    assert_eq!(doc["next"], serde_json::Value::Null);

    let out = kumactl(&env, &["delete", "zoneegress", "zoneegress-1"]);
    assert_outcome(&out, "deleted ZoneEgress \"zoneegress-1\"\n", "", 0);
    let out = kumactl(&env, &["delete", "zoneegress", "zoneegress-1"]);
    assert_outcome(
        &out,
        "",
        "Error: there is no ZoneEgress with name \"zoneegress-1\"\n",
        1,
    );
    let out = kumactl(&env, &["get", "zoneegress", "zoneegress-1"]);
    assert_outcome(&out, "", "Error: No resources found\n", 1);
    let out = kumactl(&env, &["inspect", "zoneegresses"]);
    assert_outcome(
        &out,
        "NAME   STATUS   LAST CONNECTED AGO   LAST UPDATED AGO   TOTAL UPDATES   TOTAL ERRORS   KUMA-DP VERSION   ENVOY VERSION\n",
        "",
        0,
    );
}

#[test]
fn mesh_is_deleted() {
    let env = TestEnv::with_server();
    let out = apply_fixture(&env, "mesh-mtls.yaml");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = kumactl(&env, &["delete", "mesh", "demo"]);
    assert_outcome(&out, "deleted Mesh \"demo\"\n", "", 0);
    assert_eq!(listed_names(&env, "meshes"), "default");
    let out = kumactl(&env, &["delete", "mesh", "some-non-existing-mesh"]);
    assert_outcome(
        &out,
        "",
        "Error: there is no Mesh with name \"some-non-existing-mesh\"\n",
        1,
    );
}

#[test]
fn meshes_are_inspected() {
    let env = TestEnv::with_server();
    let out = kumactl(&env, &["inspect", "meshes"]);
    assert_outcome(
        &out,
        "MESH      DATAPLANES   TRAFFIC PERMISSIONS   TRAFFIC ROUTES   CIRCUIT BREAKERS   HEALTH CHECKS   FAULT INJECTIONS   EXTERNAL SERVICES   TRAFFIC TRACES   TRAFFIC LOGS   PROXY TEMPLATES   RATE LIMITS\n\
         default   0/0          0                     0                0                  0               0                  0                   0                0              0                 0\n",
        "",
        0,
    );
}

#[test]
fn var_flags_fill_the_template() {
    let env = TestEnv::with_server();
    let template = fixture("zoneegress-template.yaml");
    let out = kumactl(
        &env,
        &[
            "apply",
            "-f",
            template.to_str().unwrap(),
            "-v",
            "name=ze-2",
            "--var",
            "address=10.0.0.2",
            "-v",
            "port=10003",
        ],
    );
    assert_outcome(
        &out,
        "resource type=\"ZoneEgress\" mesh=\"\" name=\"ze-2\" Created\n",
        "",
        0,
    );
    let out = kumactl(&env, &["get", "zoneegress", "ze-2", "-o", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        doc["networking"],
        serde_json::json!({"address": "10.0.0.2", "port": 10003})
    );
}

#[test]
fn var_values_are_inserted_verbatim() {
    let env = TestEnv::with_server();
    let out = apply_stdin(
        &env,
        "type: Mesh\nname: m\nlogging:\n  backends:\n  - name: file\n    type: file\n    conf:\n      path: '{{ path }}'\n",
        &["-v", "path=/tmp/a&b<c>.log", "--dry-run"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("      path: /tmp/a&b<c>.log\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn dry_run_prints_resources_and_sends_nothing() {
    let env = TestEnv::with_server();
    let input = format!(
        "{}\n---\n{}",
        fixture_text("zoneegress-template.yaml"),
        fixture_text("mesh-mtls.yaml")
    );
    let out = apply_stdin(
        &env,
        &input,
        &[
            "-v",
            "name=ze-7",
            "-v",
            "address=10.0.0.7",
            "-v",
            "port=10007",
            "--dry-run",
        ],
    );
    assert_outcome(&out, &fixture_text("dry-run.golden.yaml"), "", 0);
    assert_eq!(listed_names(&env, "zoneegresses"), "");
    assert_eq!(listed_names(&env, "meshes"), "default");
}

#[test]
fn without_vars_templates_stay_literal() {
    let env = TestEnv::with_server();
    let out = apply_stdin(
        &env,
        "type: Mesh\nname: m\nmetrics:\n  enabledBackend: \"\"\nlogging:\n  backends:\n  - name: file\n    type: file\n    conf:\n      path: '{{ path }}'\n",
        &["--dry-run"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("path: '{{ path }}'\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_directory_applies_its_yaml_and_json_files_in_order() {
    let env = TestEnv::with_server();
    let dir = env.path("resources");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("b-egress.yml"),
        "type: ZoneEgress\nname: ze-b\nnetworking:\n  port: 10002\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("a-mesh.JSON"),
        "{\"type\": \"Mesh\", \"name\": \"from-json\"}",
    )
    .unwrap();
    std::fs::write(dir.join("c-notes.txt"), "type: Mesh\nname: ignored\n").unwrap();
    std::fs::create_dir(dir.join("sub.yaml")).unwrap();
    std::fs::write(
        dir.join("sub.yaml/inner.yaml"),
        "type: Mesh\nname: ignored-too\n",
    )
    .unwrap();
    let out = kumactl(&env, &["apply", "-f", dir.to_str().unwrap()]);
    assert_outcome(
        &out,
        "resource type=\"Mesh\" mesh=\"\" name=\"from-json\" Created\n\
         resource type=\"ZoneEgress\" mesh=\"\" name=\"ze-b\" Created\n",
        "",
        0,
    );
    assert_eq!(listed_names(&env, "meshes"), "default from-json");
}

#[test]
fn stdin_input_with_comments_and_separators() {
    let env = TestEnv::with_server();
    let out = apply_stdin(&env, &fixture_text("multiple-different-types.yaml"), &[]);
    assert_outcome(
        &out,
        "resource type=\"ZoneEgress\" mesh=\"\" name=\"ze-a\" Created\n\
         resource type=\"Mesh\" mesh=\"\" name=\"other\" Created\n",
        "",
        0,
    );
}

#[test]
fn url_input_is_fetched() {
    let env = TestEnv::with_server();
    let files = HttpFiles::serve(vec![
        ("/zoneegress.yaml", 200, SEED_ZONEEGRESS.to_string()),
        ("/gone.yaml", 404, "not here".to_string()),
    ]);
    let out = kumactl(&env, &["apply", "-f", &files.url("/zoneegress.yaml")]);
    assert_outcome(
        &out,
        "resource type=\"ZoneEgress\" mesh=\"\" name=\"zoneegress-1\" Created\n",
        "",
        0,
    );
    let gone = files.url("/gone.yaml");
    let out = kumactl(&env, &["apply", "-f", &gone]);
    assert_outcome(
        &out,
        "",
        &format!("Error: error while retrieving URL: {gone}: 404 Not Found\n"),
        1,
    );
    let out = kumactl(&env, &["apply", "-f", "http://[::1"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .starts_with("Error: invalid URL for --file: parse \"http://[::1\": "),
        "{}",
        out.stderr
    );
}

#[test]
fn url_input_that_cannot_be_fetched() {
    let env = TestEnv::with_server();
    let closed = closed_address();
    let url = format!("http://{closed}/x.yaml");
    let out = kumactl(&env, &["apply", "-f", &url]);
    // Go's dialer wording, as Go kumactl prints it.
    assert_outcome(
        &out,
        "",
        &format!(
            "Error: error with GET http request: Get \"{url}\": dial tcp {closed}: connect: connection refused\n"
        ),
        1,
    );
}

const NOT_NEXT_TO_A_FILE: &str =
    "the input comes from {source}, and partials are only read next to an input file";

#[test]
fn partials_are_refused_for_url_and_stdin_input() {
    let env = TestEnv::with_server();
    let template = "type: Mesh\nname: x-{{> /etc/hostname}}\n";
    let files = HttpFiles::serve(vec![("/t.yaml", 200, template.to_string())]);
    let url = files.url("/t.yaml");
    let from_url = kumactl(&env, &["apply", "-v", "k=v", "-f", &url, "--dry-run"]);
    let from_stdin = apply_stdin(&env, template, &["-v", "k=v", "--dry-run"]);
    for (out, source) in [(from_url, "a URL"), (from_stdin, "stdin")] {
        assert_outcome(
            &out,
            "",
            &format!(
                "resource[0]: failed to render the template: partial \"/etc/hostname\" is not allowed: {}\n\
                 Error: failed to validate some resources\n",
                NOT_NEXT_TO_A_FILE.replace("{source}", source)
            ),
            1,
        );
    }
}

#[test]
fn partials_are_read_only_inside_the_input_directory() {
    let env = TestEnv::with_server();
    let dir = env.path("input");
    std::fs::create_dir_all(dir.join("parts")).unwrap();
    std::fs::write(dir.join("parts/name.mustache"), "from-partial").unwrap();
    std::fs::write(env.path("outside"), "secret").unwrap();
    let file = dir.join("mesh.yaml");
    let apply = |text: &str| {
        std::fs::write(&file, text).unwrap();
        kumactl(
            &env,
            &[
                "apply",
                "-f",
                file.to_str().unwrap(),
                "-v",
                "k=v",
                "--dry-run",
            ],
        )
    };
    let out = apply("type: Mesh\nname: {{> parts/name}}\n");
    assert_outcome(
        &out,
        "creationTime: \"0001-01-01T00:00:00Z\"\nkri: kri_m____from-partial_\nmodificationTime: \"0001-01-01T00:00:00Z\"\nname: from-partial\ntype: Mesh\n",
        "",
        0,
    );
    let refused = |name: &str| {
        format!(
            "resource[0]: failed to render the template: partial \"{name}\" is not allowed: it must be a path inside the input file's directory (relative, without leading `..`)\n\
             Error: failed to validate some resources\n"
        )
    };
    let hostile = ["/etc/hostname", "../outside", "parts/../../outside"];
    for name in hostile {
        let out = apply(&format!("type: Mesh\nname: x-{{{{> {name}}}}}\n"));
        assert_outcome(&out, "", &refused(name), 1);
    }
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(env.path("outside"), dir.join("link")).unwrap();
        let out = apply("type: Mesh\nname: x-{{> link}}\n");
        assert_outcome(
            &out,
            "",
            "resource[0]: failed to render the template: partial \"link\" is not allowed: it leads outside the input file's directory\n\
             Error: failed to validate some resources\n",
            1,
        );
    }
}

#[cfg(unix)]
#[test]
fn endless_input_is_refused_at_the_document_bound() {
    let env = TestEnv::with_server();
    let expected = "Error: error reading input: a document is larger than 64 MiB\n";
    let out = kumactl(&env, &["apply", "-f", "/dev/zero"]);
    assert_outcome(&out, "", expected, 1);
    // Endless stdin: spooled no further than the bound.
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("kumactl"))
        .arg("--config-file")
        .arg(&env.config_path)
        .args(["apply", "-f", "-"])
        .env("HOME", env.home())
        .stdin(std::fs::File::open("/dev/zero").unwrap())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stderr), expected);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
}

#[test]
fn server_warnings_go_to_stderr() {
    let env = TestEnv::with_server();
    let out = apply_stdin(&env, "type: Mesh\nname: aa.a\n", &[]);
    assert_outcome(
        &out,
        "resource type=\"Mesh\" mesh=\"\" name=\"aa.a\" Created\n",
        "Warning: Invalid Mesh resource name: 'aa.a'. It does not conform to the DNS format (RFC 1035). This is deprecated. Errors: a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')\n",
        0,
    );
}

#[test]
fn mesh_scoped_resources_use_the_input_mesh() {
    let env = TestEnv::with_server();
    let out = apply_stdin(
        &env,
        "type: Secret\nname: sample\nmesh: default\ndata: dGVzdAo=\n",
        &[],
    );
    assert_outcome(
        &out,
        "resource type=\"Secret\" mesh=\"default\" name=\"sample\" Created\n",
        "",
        0,
    );
    let out = kumactl(&env, &["get", "secrets"]);
    assert_eq!(
        masked(&out.stdout),
        "MESH      NAME     AGE\ndefault   sample   <age>\n"
    );
    let out = kumactl(&env, &["get", "secret", "nope"]);
    assert_outcome(&out, "", "Error: No resources found in default mesh\n", 1);
    let out = kumactl(&env, &["get", "secret", "sample", "-m", "other"]);
    assert_outcome(&out, "", "Error: No resources found in other mesh\n", 1);
    let out = kumactl(&env, &["delete", "secret", "sample"]);
    assert_outcome(&out, "deleted Secret \"sample\"\n", "", 0);
}

// ---------------------------------------------------------------------------------------
// apply: errors (Go's goldens in `app/kumactl/cmd/apply/testdata/golden/`)

#[test]
fn apply_requires_a_file() {
    let env = TestEnv::with_server();
    let out = kumactl(&env, &["apply"]);
    assert_outcome(&out, "", "Error: required flag(s) \"file\" not set\n", 1);
}

#[test]
fn apply_of_a_missing_file() {
    let env = TestEnv::with_server();
    let out = kumactl(&env, &["apply", "-f", "x.yaml"]);
    assert_outcome(
        &out,
        "",
        "Error: error while reading provided file: stat x.yaml: no such file or directory\n",
        1,
    );
}

#[test]
fn empty_input_is_an_error_but_blank_input_is_nothing() {
    let env = TestEnv::with_server();
    let out = apply_stdin(&env, "", &[]);
    assert_outcome(&out, "", "Error: no resource(s) passed to apply\n", 1);
    let empty_dir = env.path("empty");
    std::fs::create_dir(&empty_dir).unwrap();
    let out = kumactl(&env, &["apply", "-f", empty_dir.to_str().unwrap()]);
    assert_outcome(&out, "", "Error: no resource(s) passed to apply\n", 1);
    let out = apply_stdin(&env, " \n\t\n", &[]);
    assert_outcome(&out, "", "", 0);
}

#[test]
fn bad_yaml_is_reported_like_go() {
    let env = TestEnv::with_server();
    let out = apply_stdin(&env, "\"gewfew", &[]);
    assert_outcome(
        &out,
        "",
        "resource[0]: failed to parse resource: invalid meta type: \"error converting YAML to JSON: yaml: found unexpected end of stream\"\n\
         Error: failed to validate some resources\n",
        1,
    );
}

#[test]
fn bad_yaml_in_the_middle_of_many_documents_applies_nothing() {
    let env = TestEnv::with_server();
    let out = apply_fixture(&env, "many-with-bad-yaml.yaml");
    assert_outcome(
        &out,
        "",
        "resource[1]: failed to parse resource: invalid meta type: \"error converting YAML to JSON: yaml: found unexpected end of stream\"\n\
         resource[3]: failed to parse resource: invalid resource type \"Foo\"\n\
         Error: failed to validate some resources\n",
        1,
    );
    assert_eq!(listed_names(&env, "meshes"), "default");
}

#[test]
fn invalid_specs_are_refused_before_sending() {
    let env = TestEnv::with_server();
    let input = "type: ZoneEgress\nname: ze-ok\nnetworking:\n  port: 10002\n---\n\
                 type: ZoneEgress\nname: ze-bad\nnetworking:\n  address: 192.168.0.1\n  port: 70000\n---\n\
                 type: Mesh\nname: no-mtls\nrouting:\n  zoneEgress: true\n";
    let out = apply_stdin(&env, input, &[]);
    assert_outcome(
        &out,
        "",
        "resource[1]: failed to parse resource: networking.port: port must be in the range [1, 65535]\n\
         resource[2]: failed to parse resource: mtls: has to be set when zoneEgress enabled\n\
         Error: failed to validate some resources\n",
        1,
    );
    assert_eq!(listed_names(&env, "zoneegresses"), "");
}

#[test]
fn spec_fields_of_the_wrong_type() {
    let env = TestEnv::with_server();
    let out = apply_stdin(
        &env,
        "type: ZoneEgress\nname: ze\nnetworking:\n  port: true\n",
        &[],
    );
    assert_outcome(
        &out,
        "",
        "resource[0]: failed to parse resource: invalid ZoneEgress object: \"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal bool into Go value of type uint32\"\n\
         Error: failed to validate some resources\n",
        1,
    );
}

#[test]
fn meta_errors() {
    let env = TestEnv::with_server();
    let out = apply_stdin(
        &env,
        "type: Secret\nname: sample\ndata: dGVzdAo=\n---\ntype: Mesh\nname: Bad_Name\n---\ntype: Mesh\n",
        &[],
    );
    assert_outcome(
        &out,
        "",
        "resource[0]: failed to read meta: mesh: cannot be empty\n\
         resource[1]: failed to read meta: name: invalid characters. A lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character\n\
         resource[2]: failed to read meta: name: cannot be empty\n\
         Error: failed to validate some resources\n",
        1,
    );
}

#[test]
fn a_mesh_that_does_not_exist() {
    let env = TestEnv::with_server();
    let out = apply_stdin(
        &env,
        "type: Secret\nname: sample\nmesh: nope\ndata: dGVzdAo=\n",
        &[],
    );
    assert_eq!(out.stdout, "");
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with(
            "Error: resource type=\"Secret\" mesh=\"nope\" name=\"sample\": failed server side: Failed to retrieve Mesh ("
        ),
        "{}",
        out.stderr
    );
    // Kuma's answer does not say which mesh is missing; kumactl does.
    for list in ["secrets", "meshtimeouts"] {
        let out = kumactl(&env, &["get", list, "-m", "nope"]);
        assert_outcome(
            &out,
            "",
            "Error: Failed to retrieve Mesh (Not found): there is no Mesh with name \"nope\"\n",
            1,
        );
    }
}

#[test]
fn unknown_and_kubernetes_types() {
    let env = TestEnv::with_server();
    let out = apply_stdin(
        &env,
        "type: Foo\nname: x\n---\napiVersion: kuma.io/v1alpha1\nkind: Mesh\nmetadata:\n  name: default\n",
        &[],
    );
    assert_outcome(
        &out,
        "",
        "resource[0]: failed to parse resource: invalid resource type \"Foo\"\n\
         resource[1]: failed to parse resource: invalid resource type \"\"\n\
         resource[1]: hint: this is a Kubernetes manifest (apiVersion/kind); kumactl apply takes Universal resources (type, name, mesh and the spec at the top level). Apply Kubernetes manifests with `kubectl apply`\n\
         Error: failed to validate some resources\n",
        1,
    );
}

#[test]
fn template_errors_name_the_document() {
    let env = TestEnv::with_server();
    let out = apply_stdin(&env, "type: Mesh\nname: {{ name\n", &["-v", "name=x"]);
    assert_outcome(
        &out,
        "",
        "resource[0]: failed to render the template: line 2: unmatched open tag\n\
         Error: failed to validate some resources\n",
        1,
    );
}

#[test]
fn server_errors_are_printed_readably_and_stop_the_apply() {
    let env = TestEnv::with_server();
    let long_name = "m".repeat(64);
    let input = format!(
        "type: Mesh\nname: first\n---\ntype: Mesh\nname: {long_name}\n---\ntype: Mesh\nname: third\n"
    );
    let out = apply_stdin(&env, &input, &[]);
    assert_outcome(
        &out,
        "resource type=\"Mesh\" mesh=\"\" name=\"first\" Created\n",
        &format!(
            "Error: resource type=\"Mesh\" mesh=\"\" name=\"{long_name}\": failed server side: Failed to create a resource (Resource is not valid)\n\
             * name: cannot be longer than 63 characters\n"
        ),
        1,
    );
    assert_eq!(listed_names(&env, "meshes"), "default first");
}

#[test]
fn global_control_planes_refuse_zone_egress_writes() {
    let env = TestEnv::with_server_options(ServerOptions {
        mode: Mode::Global,
        ..ServerOptions::for_tests()
    });
    let out = apply_fixture(&env, "zoneegress.yaml");
    assert_outcome(
        &out,
        "",
        "Error: resource type=\"ZoneEgress\" mesh=\"\" name=\"zoneegress-1\": failed server side: Method not allowed (On global control plane you can not modify dataplane resources with 'kumactl apply' or via the HTTP API. You can still use 'kumactl' or the HTTP API to modify them on the zone control plane.)\n",
        1,
    );
    let out = kumactl(&env, &["delete", "zoneegress", "zoneegress-1"]);
    assert_outcome(
        &out,
        "",
        "Error: Method not allowed (On global control plane you can not modify dataplane resources with 'kumactl apply' or via the HTTP API. You can still use 'kumactl' or the HTTP API to modify them on the zone control plane.)\n",
        1,
    );
    // Meshes are still writable on a global control plane.
    let out = apply_stdin(&env, "type: Mesh\nname: m1\n", &[]);
    assert_outcome(
        &out,
        "resource type=\"Mesh\" mesh=\"\" name=\"m1\" Created\n",
        "",
        0,
    );
}

#[test]
fn an_unreachable_control_plane() {
    let env = TestEnv::new();
    let closed = env.use_unreachable_control_plane();
    let refused = format!("connection refused (is a control plane running at {closed}?)");
    // No answer is not a failure "server side" (Go says so): the error names what happened.
    let out = apply_stdin(&env, SEED_ZONEEGRESS, &[]);
    assert_outcome(
        &out,
        "",
        &format!(
            "WARNING: Failed to retrieve server version, can't check compatibility: Unable to retrieve server version: Get \"http://{closed}/\": {refused}\n\
             Error: resource type=\"ZoneEgress\" mesh=\"\" name=\"zoneegress-1\": Get \"http://{closed}/zoneegresses/zoneegress-1\": {refused}\n"
        ),
        1,
    );
    // The output format is checked after the call, as in Go.
    let out = kumactl(&env, &["get", "meshes", "-o", "xml"]);
    assert!(
        out.stderr.ends_with(&format!(
            "Error: failed to list Mesh: Get \"http://{closed}/meshes\": {refused}\n"
        )),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------------------------------
// get

#[test]
fn pagination_with_size_and_offset() {
    let env = TestEnv::with_server();
    let input = (1..=3)
        .map(|i| format!("type: ZoneEgress\nname: ze-{i}\nnetworking:\n  port: 1000{i}\n"))
        .collect::<Vec<_>>()
        .join("---\n");
    assert_eq!(apply_stdin(&env, &input, &[]).code, 0);
    let out = kumactl(&env, &["get", "zoneegresses", "--size", "1"]);
    assert_eq!(out.stderr, "");
    assert_eq!(
        masked(&out.stdout),
        "NAME   AGE\nze-1   <age>\n\nRerun command with --offset=1 argument to retrieve more resources\n"
    );
    let out = kumactl(
        &env,
        &["get", "zoneegresses", "--size", "1", "--offset", "1"],
    );
    assert_eq!(
        masked(&out.stdout),
        "NAME   AGE\nze-2   <age>\n\nRerun command with --offset=2 argument to retrieve more resources\n"
    );
    let out = kumactl(
        &env,
        &["get", "zoneegresses", "--size", "2", "--offset", "1"],
    );
    assert_eq!(
        masked(&out.stdout),
        "NAME   AGE\nze-2   <age>\nze-3   <age>\n"
    );
    let out = kumactl(&env, &["get", "zoneegresses", "--size", "1", "-o", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["total"], 3);
    assert_eq!(doc["items"].as_array().unwrap().len(), 1);
    assert_eq!(doc["next"], serde_json::Value::Null);
    let out = kumactl(&env, &["get", "zoneegresses", "--size", "2000"]);
    assert_outcome(
        &out,
        "",
        "Error: Could not retrieve resources (Invalid page size)\n* size: invalid page size of 2000. Maximum page size is 1000\n",
        1,
    );
}

#[test]
fn get_aliases_and_argument_counts() {
    let env = TestEnv::with_server();
    let out = kumactl(&env, &["get", "zone-ingresses"]);
    assert_outcome(&out, "NAME   AGE\n", "", 0);
    // A fresh control plane holds the token keys and the admin token, as Kuma does.
    let out = kumactl(&env, &["get", "global-secrets", "-o", "json"]);
    assert_eq!((out.stderr.as_str(), out.code), ("", 0));
    let list: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let names: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "admin-user-token",
            "user-token-signing-key-1",
            "zone-token-signing-key-1"
        ]
    );
    assert_eq!(list["next"], serde_json::Value::Null);
    let out = kumactl(&env, &["get", "mesh"]);
    assert_outcome(
        &out,
        "",
        "Error: accepts 1 arg(s), received 0\nRun 'kumactl get mesh --help' for usage.\n",
        1,
    );
    let out = kumactl(&env, &["get", "meshes", "extra"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .starts_with("Error: unknown command \"extra\" for \"kumactl get meshes\""),
        "{}",
        out.stderr
    );
    let out = kumactl(&env, &["get", "meshes", "-o", "xml"]);
    assert_outcome(&out, "", "Error: unknown output format \"xml\"\n", 1);
    let out = kumactl(&env, &["get", "mesh", "nope"]);
    assert_outcome(&out, "", "Error: No resources found\n", 1);
}

#[test]
fn names_never_change_the_request_path() {
    let env = TestEnv::with_server();
    apply_seed(&env);
    // `..` would otherwise reach `GET /`, and `a/b` another route.
    let out = kumactl(&env, &["get", "zoneegress", ".."]);
    assert_outcome(&out, "", "Error: No resources found\n", 1);
    let out = kumactl(&env, &["get", "zoneegress", "zoneegress-1/xds"]);
    assert_outcome(&out, "", "Error: No resources found\n", 1);
    let out = kumactl(&env, &["get", "secret", "s?x=1", "-m", "a/b"]);
    assert_outcome(&out, "", "Error: No resources found in a/b mesh\n", 1);
    let out = kumactl(&env, &["delete", "zoneegress", ".."]);
    assert_outcome(
        &out,
        "",
        "Error: there is no ZoneEgress with name \"..\"\n",
        1,
    );
    let out = kumactl(&env, &["get", "secrets", "-m", ".."]);
    assert_outcome(
        &out,
        "",
        "Error: failed to list Secret: there is no Mesh with name \"..\"\n",
        1,
    );
    assert_eq!(listed_names(&env, "zoneegresses"), "zoneegress-1");
}

// ---------------------------------------------------------------------------------------
// inspect and delete: the remaining messages

#[test]
fn inspect_zoneegress_admin_data() {
    let env = TestEnv::with_server();
    let out = kumactl(
        &env,
        &[
            "inspect",
            "zoneegress",
            "zoneegress-1",
            "--type",
            "policies",
        ],
    );
    assert_outcome(
        &out,
        "",
        "Error: Policies are not applied on ZoneEgress, please use '--config-dump' flag to get envoy config dump of the ZoneEgress\n",
        1,
    );
    let out = kumactl(&env, &["inspect", "zoneegress"]);
    assert_outcome(
        &out,
        "",
        "Error: accepts 1 arg(s), received 0\nRun 'kumactl inspect zoneegress --help' for usage.\n",
        1,
    );
}

#[test]
fn inspect_zoneegress_against_kuma_cp_lite() {
    let env = TestEnv::with_server();
    apply_seed(&env);
    let out = kumactl(&env, &["inspect", "zoneegress", "zoneegress-1"]);
    assert_outcome(
        &out,
        "",
        "Error: Could not execute admin operation (kuma-cp-lite serves no Envoy configuration, so it cannot reach the Envoy admin API of ZoneEgress \"zoneegress-1\" to get its config dump)\n",
        1,
    );
    let out = kumactl(&env, &["inspect", "zoneegress", "nope", "--type", "stats"]);
    assert_outcome(
        &out,
        "",
        "Error: Could not get zone egress resource (Not found)\n",
        1,
    );
}

/// A stand-in control plane: `GET /` plus the given routes.
fn fake_control_plane(routes: Vec<(&'static str, u16, String)>) -> (HttpFiles, TestEnv) {
    let mut all = vec![(
        "/",
        200,
        "{\"product\":\"Kuma\",\"version\":\"2.14.3\"}".to_string(),
    )];
    all.extend(routes);
    let files = HttpFiles::serve(all);
    let env = TestEnv::new();
    env.write_config_for(&files.base_url);
    (files, env)
}

#[test]
fn inspect_zoneegress_passes_the_admin_data_through() {
    let dump = "{\n \"configs\": []\n}\n";
    let (_server, env) = fake_control_plane(vec![
        ("/zoneegresses/ze-1/xds", 200, ECHO_URI.to_string()),
        (
            "/zoneegresses/ze-1/stats",
            200,
            "cluster.a.upstream_cx_total: 1\n".into(),
        ),
        ("/zoneegresses/ze-1/clusters", 200, dump.into()),
    ]);
    let out = kumactl(&env, &["inspect", "zoneegress", "ze-1"]);
    assert_outcome(&out, "/zoneegresses/ze-1/xds?include_eds=false", "", 0);
    let out = kumactl(&env, &["inspect", "zoneegress", "ze-1", "--include-eds"]);
    assert_outcome(&out, "/zoneegresses/ze-1/xds?include_eds=true", "", 0);
    let out = kumactl(&env, &["inspect", "zoneegress", "ze-1", "--type", "stats"]);
    assert_outcome(&out, "cluster.a.upstream_cx_total: 1\n", "", 0);
    let out = kumactl(&env, &["inspect", "zoneegress", "ze-1", "--type=clusters"]);
    assert_outcome(&out, dump, "", 0);
}

#[test]
fn get_wraps_other_errors_like_go() {
    let (_server, env) = fake_control_plane(vec![
        ("/meshes", 500, "boom".into()),
        ("/meshes/m1", 500, "boom".into()),
        ("/meshes/default/secrets/s1", 503, "later".into()),
        (
            "/zoneegresses",
            200,
            "{\"total\": 2, \"items\": [], \"next\": \"http://[::1\"}".into(),
        ),
        (
            "/zoneingresses",
            400,
            "{\"type\":\"/std-errors\",\"status\":400,\"title\":\"Could not retrieve resources\",\"detail\":\"invalid: invalid offset: must be non-negative\"}".into(),
        ),
    ]);
    let out = kumactl(&env, &["get", "meshes"]);
    assert_outcome(&out, "", "Error: failed to list Mesh: (500): boom\n", 1);
    let out = kumactl(&env, &["get", "mesh", "m1"]);
    assert_outcome(&out, "", "Error: failed to get m1: (500): boom\n", 1);
    let out = kumactl(&env, &["get", "secret", "s1"]);
    assert_outcome(
        &out,
        "",
        "Error: failed to get s1 in mesh default: (503): later\n",
        1,
    );
    let out = kumactl(&env, &["get", "zoneegresses"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .starts_with("Error: invalid next URL from the server: "),
        "{}",
        out.stderr
    );
    let out = kumactl(&env, &["get", "zoneingresses", "--offset", "-1"]);
    assert_outcome(
        &out,
        "",
        "Error: Could not retrieve resources (invalid: invalid offset: must be non-negative)\n",
        1,
    );
}

#[test]
fn inspect_zoneegresses_computes_the_columns_from_subscriptions() {
    let ago = |minutes: i64| {
        (chrono::Utc::now() - chrono::Duration::minutes(minutes))
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    let subscription = |connected: i64, disconnected: Option<i64>, sent: u64, dp: &str| {
        let mut s = serde_json::json!({
            "id": "1",
            "controlPlaneInstanceId": "node-001",
            "connectTime": ago(connected),
            "status": {"total": {"responsesSent": sent.to_string(), "responsesRejected": "1"}},
            "version": {"kumaDp": {"version": dp}, "envoy": {"version": "1.16.1"}}
        });
        if let Some(d) = disconnected {
            s["disconnectTime"] = serde_json::json!(ago(d));
        }
        s
    };
    let overview = |name: &str, subscriptions: Vec<serde_json::Value>| {
        serde_json::json!({
            "type": "ZoneEgressOverview",
            "name": name,
            "creationTime": "2018-07-17T16:05:36.995Z",
            "modificationTime": "2019-07-17T18:08:41Z",
            "kri": format!("kri_ze____{name}_"),
            "zoneEgress": {},
            "zoneEgressInsight": {"subscriptions": subscriptions}
        })
    };
    let mut bare = overview("zoneegress-3", vec![]);
    bare.as_object_mut().unwrap().remove("zoneEgressInsight");
    let body = serde_json::json!({
        "total": 3,
        "items": [
            overview("zoneegress-1", vec![
                subscription(300, Some(200), 10, "1.0.0"),
                subscription(150, None, 20, "1.0.2"),
            ]),
            overview("zoneegress-2", vec![subscription(125, Some(5), 30, "1.0.2")]),
            bare,
        ],
        "next": null
    });
    let (_server, env) =
        fake_control_plane(vec![("/zoneegresses/_overview", 200, body.to_string())]);
    let out = kumactl(&env, &["inspect", "zoneegresses"]);
    assert_outcome(
        &out,
        &zoneegresses_table(&[
            [
                "zoneegress-1",
                "Online",
                "2h",
                "never",
                "30",
                "2",
                "1.0.2",
                "1.16.1",
            ],
            [
                "zoneegress-2",
                "Offline",
                "2h",
                "never",
                "30",
                "1",
                "1.0.2",
                "1.16.1",
            ],
            [
                "zoneegress-3",
                "Offline",
                "never",
                "never",
                "0",
                "0",
                "",
                "",
            ],
        ]),
        "",
        0,
    );
    let out = kumactl(&env, &["inspect", "zoneegresses", "-o", "yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with(
            "items:\n- creationTime: \"2018-07-17T16:05:36.995Z\"\n  kri: kri_ze____zoneegress-1_\n"
        ),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("      status:\n        total:\n          responsesRejected: \"1\"\n          responsesSent: \"10\"\n"), "{}", out.stdout);
    assert!(
        out.stdout.ends_with("next: null\ntotal: 3\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn dry_run_of_the_dataplane_template_matches_go() {
    let env = TestEnv::with_server();
    let template = (1..=3)
        .map(|i| {
            let name = if i == 1 { "sample".to_string() } else { format!("sample-{i}") };
            format!(
                "type: Dataplane\nmesh: default\nname: {name}\nnetworking:\n  address: \"{{{{ address }}}}\"\n  inbound:\n  - port: 80\n    tags:\n      kuma.io/service: web\n"
            )
        })
        .collect::<Vec<_>>()
        .join("---\n");
    let out = apply_stdin(&env, &template, &["-v", "address=2.2.2.2", "--dry-run"]);
    let expected = ["sample", "sample-2", "sample-3"]
        .iter()
        .map(|name| {
            format!(
                "creationTime: \"0001-01-01T00:00:00Z\"\nkri: kri_dp_default___{name}_\nmesh: default\nmodificationTime: \"0001-01-01T00:00:00Z\"\nname: {name}\ntype: Dataplane\nnetworking:\n  address: 2.2.2.2\n  inbound:\n  - port: 80\n    tags:\n      kuma.io/service: web\n"
            )
        })
        .collect::<Vec<_>>()
        .join("---\n");
    assert_outcome(&out, &expected, "", 0);
}

#[test]
fn delete_messages() {
    let env = TestEnv::with_server();
    let out = kumactl(&env, &["delete", "foo", "x"]);
    assert_outcome(
        &out,
        "",
        "Error: unknown TYPE: foo. Allowed values: circuit-breaker, dataplane, external-service, fault-injection, global-secret, globalsecret, healthcheck, hostnamegenerator, mesh, meshaccesslog, meshcircuitbreaker, meshexternalservice, meshfaultinjection, meshgateway, meshgatewayroute, meshhealthcheck, meshhttproute, meshidentity, meshloadbalancingstrategy, meshmetric, meshmultizoneservice, meshopentelemetrybackend, meshpassthrough, meshproxypatch, meshratelimit, meshretry, meshservice, meshtcproute, meshtimeout, meshtls, meshtrace, meshtrafficpermission, meshtrust, meshzoneaddress, proxytemplate, rate-limit, retry, secret, timeout, traffic-log, traffic-permission, traffic-route, traffic-trace, virtual-outbound, workload, zone, zone-ingress, zoneegress, zoneingress\n",
        1,
    );
    let out = kumactl(&env, &["delete", "mesh"]);
    assert_outcome(
        &out,
        "",
        "Error: accepts 2 arg(s), received 1\nRun 'kumactl delete --help' for usage.\n",
        1,
    );
}

#[test]
fn delete_reports_a_404_without_kuma_body() {
    // Not a Kuma server: it answers 404 with a plain body for anything but `GET /`.
    let (_server, env) = fake_control_plane(vec![]);
    let out = kumactl(&env, &["delete", "mesh", "x"]);
    assert_outcome(
        &out,
        "",
        "Error: failed to delete Mesh with the name \"x\": (404): \n",
        1,
    );
}

#[test]
fn apply_asks_the_control_plane_index_once_per_run() {
    // Each create of a ZoneEgress (a 404 on GET) may need to know whether the control
    // plane is Kuma 3.x; that comes from the one `GET /` of the run, not one per document.
    let env = TestEnv::with_server();
    let input = (1..=3)
        .map(|i| {
            format!(
                "type: ZoneEgress\nname: ze-{i}\nnetworking:\n  address: 192.168.0.{i}\n  port: 10002\n"
            )
        })
        .collect::<Vec<_>>()
        .join("---\n");
    let out = apply_stdin(&env, &input, &["--log-level", "debug"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // `DEBUG\thttp request\tGET http://127.0.0.1:PORT/path -> 200 (...)`: method and path.
    let requests: Vec<String> = out
        .stderr
        .lines()
        .filter_map(|line| line.strip_prefix("DEBUG\thttp request\t"))
        .filter_map(|line| {
            let (method, rest) = line.split_once(' ')?;
            let url = rest.split(" -> ").next()?;
            let path = url.splitn(4, '/').nth(3)?;
            Some(format!("{method} /{path}"))
        })
        .collect();
    let index = requests.iter().filter(|r| *r == "GET /").count();
    assert_eq!(index, 1, "{requests:?}");
    assert_eq!(requests.len(), 1 + 3 * 2, "{requests:?}");
}
