//! `kumactl install control-plane` end to end: golden manifests compared as YAML
//! values document by document (order matters, formatting does not), validation
//! errors, values sources, and the generated certificate.
//!
//! Goldens under tests/install/ are written by our code with
//! `KUMACTL_UPDATE_GOLDENS=1 cargo test --test install` and reviewed against
//! install.md; a missing golden fails the test.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The flags Kuma's own tests use to make the output deterministic.
const DETERMINISTIC: &[&str] = &[
    "--tls-general-secret",
    "general-tls-secret",
    "--tls-general-ca-bundle",
    "XYZ",
    "--without-kubernetes-connection",
];
const SKIP_CRDS: &[&str] = &["--skip-kinds", "CustomResourceDefinition"];

struct Output {
    stdout: String,
    stderr: String,
    code: i32,
}

fn kumactl(args: &[&str], stdin: Option<&str>) -> Output {
    let config_dir = tempfile::tempdir().unwrap();
    let config = config_dir.path().join("config");
    let mut cmd = Command::cargo_bin("kumactl").unwrap();
    cmd.arg("--config-file")
        .arg(&config)
        .arg("install")
        .arg("control-plane");
    cmd.args(args);
    cmd.write_stdin(stdin.unwrap_or(""));
    let output = cmd.output().unwrap();
    Output {
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
        code: output.status.code().unwrap_or(-1),
    }
}

fn install(args: &[&str]) -> Output {
    kumactl(args, None)
}

/// Every YAML document of a stream, as values; empty documents are skipped.
fn documents(text: &str) -> Vec<Value> {
    use serde::Deserialize;
    serde_yaml::Deserializer::from_str(text)
        .map(|doc| Value::deserialize(doc).unwrap())
        .filter(|doc| !doc.is_null())
        .collect()
}

fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/install")
        .join(format!("{name}.golden.yaml"))
}

fn assert_matches_golden(name: &str, stdout: &str) {
    let path = golden_path(name);
    if std::env::var_os("KUMACTL_UPDATE_GOLDENS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, format!("{stdout}\n")).unwrap();
    }
    let golden = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("golden {} is missing ({e})", path.display()));
    let expected = documents(&golden);
    let actual = documents(stdout);
    for (i, (want, got)) in expected.iter().zip(&actual).enumerate() {
        assert_eq!(
            got, want,
            "{name}: document {i} ({} {}) differs from the golden",
            want["kind"], want["metadata"]["name"]
        );
    }
    assert_eq!(actual.len(), expected.len(), "{name}: document count");
}

/// Renders with the deterministic flags plus `args` and compares with the golden.
fn golden_case(name: &str, args: &[&str], stdin: Option<&str>) -> Vec<Value> {
    let mut all: Vec<&str> = DETERMINISTIC.to_vec();
    all.extend_from_slice(args);
    let out = kumactl(&all, stdin);
    assert_eq!(out.stderr, "", "{name}: stderr");
    assert_eq!(out.code, 0, "{name}: exit code");
    assert!(
        out.stdout.starts_with("\n---\n"),
        "{name}: Go's JoinYAML layout"
    );
    assert!(!out.stdout.ends_with('\n'), "{name}: no trailing newline");
    assert_matches_golden(name, &out.stdout);
    documents(&out.stdout)
}

fn kinds_and_names(docs: &[Value]) -> Vec<String> {
    docs.iter()
        .map(|d| {
            format!(
                "{} {}",
                d["kind"].as_str().unwrap(),
                d["metadata"]["name"].as_str().unwrap()
            )
        })
        .collect()
}

fn find<'a>(docs: &'a [Value], kind: &str, name: &str) -> &'a Value {
    docs.iter()
        .find(|d| d["kind"] == kind && d["metadata"]["name"] == name)
        .unwrap_or_else(|| panic!("no {kind} {name}"))
}

fn env_value<'a>(container: &'a Value, name: &str) -> Option<&'a Value> {
    container["env"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .map(|e| &e["value"])
}

const BASE_SET: &[&str] = &[
    "Namespace kuma-system",
    "ServiceAccount kuma-control-plane",
    "ConfigMap kuma-control-plane-config",
    "ClusterRole kuma-control-plane",
    "ClusterRole kuma-control-plane-workloads",
    "ClusterRoleBinding kuma-control-plane",
    "ClusterRoleBinding kuma-control-plane-workloads",
    "Role kuma-control-plane",
    "RoleBinding kuma-control-plane",
    "Service kuma-control-plane",
    "Deployment kuma-control-plane",
    "MutatingWebhookConfiguration kuma-admission-mutating-webhook-configuration",
    "ValidatingWebhookConfiguration kuma-validating-webhook-configuration",
];

/// install.md §3.1: file order permuted by Helm's string sort of `manifest-<i>`.
const CRD_OUTPUT_ORDER: &str = "circuitbreakers, containerpatches, meshes, meshexternalservices, meshfaultinjections, meshgatewayconfigs, meshgatewayinstances, meshgatewayroutes, meshgateways, meshhealthchecks, meshhttproutes, meshidentities, dataplaneinsights, meshinsights, meshloadbalancingstrategies, meshmetrics, meshmultizoneservices, meshopentelemetrybackends, meshpassthroughs, meshproxypatches, meshratelimits, meshretries, meshservices, dataplanes, meshtcproutes, meshtimeouts, meshtlses, meshtraces, meshtrafficpermissions, meshtrusts, meshzoneaddresses, proxytemplates, ratelimits, retries, externalservices, serviceinsights, timeouts, trafficlogs, trafficpermissions, trafficroutes, traffictraces, virtualoutbounds, workloads, zoneegresses, zoneegressinsights, faultinjections, zoneingresses, zoneingressinsights, zoneinsights, zones, healthchecks, hostnamegenerators, meshaccesslogs, meshcircuitbreakers";

#[test]
fn defaults_include_the_crds_after_the_config_map() {
    let docs = golden_case("defaults", &[], None);
    assert_eq!(docs.len(), 67);
    let names = kinds_and_names(&docs);
    assert_eq!(names[..3], BASE_SET[..3]);
    let crd_order: Vec<String> = CRD_OUTPUT_ORDER
        .split(", ")
        .map(|plural| format!("CustomResourceDefinition {plural}.kuma.io"))
        .collect();
    assert_eq!(names[3..57], crd_order);
    assert_eq!(names[57..], BASE_SET[3..]);
    for crd in &docs[3..57] {
        let schema = &crd["spec"]["versions"][0]["schema"]["openAPIV3Schema"];
        assert_eq!(
            schema["properties"]["spec"]["x-kubernetes-preserve-unknown-fields"],
            true
        );
        assert_eq!(crd["spec"]["group"], "kuma.io");
    }
}

#[test]
fn egress_adds_its_service_account_service_and_deployment() {
    let docs = golden_case(
        "with-egress",
        &[
            "--egress-enabled",
            "--egress-drain-time",
            "60s",
            "--skip-kinds",
            "CustomResourceDefinition",
        ],
        None,
    );
    let base = golden_case("base", SKIP_CRDS, None);
    let mut with_egress = docs.clone();
    with_egress.retain(|d| d["metadata"]["name"] != "kuma-egress");
    assert_eq!(with_egress, base, "egress changes nothing else");
    let names = kinds_and_names(&docs);
    assert_eq!(names[2], "ServiceAccount kuma-egress");
    assert_eq!(names[11], "Service kuma-egress");
    assert_eq!(names[13], "Deployment kuma-egress");
    let container =
        &find(&docs, "Deployment", "kuma-egress")["spec"]["template"]["spec"]["containers"][0];
    assert_eq!(
        env_value(container, "KUMA_DATAPLANE_DRAIN_TIME").unwrap(),
        "60s"
    );
    assert_eq!(
        env_value(container, "KUMA_DATAPLANE_PROXY_TYPE").unwrap(),
        "egress"
    );
}

#[test]
fn base_set_with_skipped_crds() {
    let docs = golden_case("base", SKIP_CRDS, None);
    assert_eq!(kinds_and_names(&docs), BASE_SET);
}

#[test]
fn zone_mode_with_zone_and_kds_address() {
    let docs = golden_case(
        "zone",
        &[
            "--mode",
            "zone",
            "--zone",
            "zone-1",
            "--kds-global-address",
            "grpcs://192.168.0.1:5685",
            "--skip-kinds",
            "CustomResourceDefinition",
        ],
        None,
    );
    assert_eq!(kinds_and_names(&docs), BASE_SET);
    let container = &find(&docs, "Deployment", "kuma-control-plane")["spec"]["template"]["spec"]["containers"]
        [0];
    assert_eq!(
        env_value(container, "KUMA_MULTIZONE_ZONE_NAME").unwrap(),
        "zone-1"
    );
    assert_eq!(
        env_value(container, "KUMA_MULTIZONE_ZONE_GLOBAL_ADDRESS").unwrap(),
        "grpcs://192.168.0.1:5685"
    );
}

#[test]
fn global_mode() {
    let docs = golden_case(
        "global",
        &[
            "--mode",
            "global",
            "--skip-kinds",
            "CustomResourceDefinition",
        ],
        None,
    );
    let names = kinds_and_names(&docs);
    assert_eq!(names.len(), 14);
    assert_eq!(names[9], "Service kuma-global-zone-sync");
    assert_eq!(names[10], "Service kuma-control-plane");
    let mutating = find(
        &docs,
        "MutatingWebhookConfiguration",
        "kuma-admission-mutating-webhook-configuration",
    );
    assert_eq!(mutating["webhooks"].as_array().unwrap().len(), 2);
}

#[test]
fn ingress_with_node_port_in_zone_mode() {
    let docs = golden_case(
        "with-ingress",
        &[
            "--ingress-enabled",
            "--ingress-drain-time",
            "60s",
            "--mode",
            "zone",
            "--zone",
            "zone-1",
            "--kds-global-address",
            "grpcs://192.168.0.1:5685",
            "--ingress-use-node-port",
            "--skip-kinds",
            "CustomResourceDefinition",
        ],
        None,
    );
    let service = find(&docs, "Service", "kuma-ingress");
    assert_eq!(service["spec"]["type"], "NodePort");
    assert!(service["spec"]["ports"][0].get("nodePort").is_none());
    assert_eq!(kinds_and_names(&docs)[2], "ServiceAccount kuma-ingress");
}

#[test]
fn helm_set_enables_both_zone_proxies() {
    let docs = golden_case(
        "with-helm-set",
        &[
            "--set",
            "egress.enabled=true,ingress.enabled=true",
            "--set",
            "controlPlane.mode=zone,controlPlane.zone=zone-1,controlPlane.kdsGlobalAddress=grpcs://foo.com",
        ],
        None,
    );
    assert_eq!(docs.len(), 73);
    assert_eq!(
        find(&docs, "Service", "kuma-egress")["spec"]["type"],
        "ClusterIP"
    );
    assert_eq!(
        find(&docs, "Service", "kuma-ingress")["spec"]["type"],
        "LoadBalancer"
    );
}

#[test]
fn values_from_stdin() {
    let docs = golden_case(
        "with-helm-values",
        &["--values", "-", "--skip-kinds", "CustomResourceDefinition"],
        Some("controlPlane:\n  replicas: 2\n"),
    );
    assert_eq!(
        find(&docs, "Deployment", "kuma-control-plane")["spec"]["replicas"],
        2
    );
}

#[test]
fn cni_enabled() {
    let docs = golden_case(
        "cni-enabled",
        &["--cni-enabled", "--skip-kinds", "CustomResourceDefinition"],
        None,
    );
    assert_eq!(
        kinds_and_names(&docs),
        vec![
            "Namespace kuma-system",
            "ServiceAccount kuma-cni",
            "ServiceAccount kuma-control-plane",
            "ConfigMap kuma-cni-config",
            "ConfigMap kuma-control-plane-config",
            "ClusterRole kuma-cni",
            "ClusterRole kuma-control-plane",
            "ClusterRole kuma-control-plane-workloads",
            "ClusterRoleBinding kuma-cni",
            "ClusterRoleBinding kuma-control-plane",
            "ClusterRoleBinding kuma-control-plane-workloads",
            "Role kuma-control-plane",
            "RoleBinding kuma-control-plane",
            "Service kuma-control-plane",
            "DaemonSet kuma-cni-node",
            "Deployment kuma-control-plane",
            "MutatingWebhookConfiguration kuma-admission-mutating-webhook-configuration",
            "ValidatingWebhookConfiguration kuma-validating-webhook-configuration",
        ]
    );
}

#[test]
fn overrides_in_namespace_kuma() {
    let docs = golden_case(
        "overrides",
        &[
            "--namespace",
            "kuma",
            "--image-pull-policy",
            "Always",
            "--control-plane-registry",
            "kuma-ci",
            "--control-plane-repository",
            "kuma-ctrl-plane",
            "--control-plane-version",
            "greatest",
            "--control-plane-service-name",
            "kuma-ctrl-plane",
            "--dataplane-registry",
            "kuma-ci",
            "--dataplane-repository",
            "kuma-dp",
            "--dataplane-version",
            "greatest",
            "--dataplane-init-registry",
            "kuma-ci",
            "--dataplane-init-repository",
            "kuma-init",
            "--dataplane-init-version",
            "greatest",
            "--injector-failure-policy",
            "Ignore",
            "--control-plane-node-selector",
            "disktype=ssd",
            "--env-var",
            "KUMA_DEFAULTS_SKIP_MESH_CREATION=true,KUMA_EXTRA=x",
            "--use-node-port",
            "--skip-kinds",
            "CustomResourceDefinition",
        ],
        None,
    );
    assert_eq!(docs[0]["metadata"]["name"], "kuma");
    let service = find(&docs, "Service", "kuma-ctrl-plane");
    assert_eq!(service["metadata"]["namespace"], "kuma");
    let deployment = find(&docs, "Deployment", "kuma-control-plane");
    let container = &deployment["spec"]["template"]["spec"]["containers"][0];
    assert_eq!(container["image"], "kuma-ci/kuma-ctrl-plane:greatest");
    assert_eq!(container["imagePullPolicy"], "Always");
    assert_eq!(
        env_value(container, "KUMA_DEFAULTS_SKIP_MESH_CREATION").unwrap(),
        "true"
    );
    assert_eq!(env_value(container, "KUMA_EXTRA").unwrap(), "x");
    assert_eq!(
        env_value(
            container,
            "KUMA_RUNTIME_KUBERNETES_INJECTOR_SIDECAR_CONTAINER_IMAGE"
        )
        .unwrap(),
        "kuma-ci/kuma-dp:greatest"
    );
    assert_eq!(
        deployment["spec"]["template"]["spec"]["nodeSelector"],
        serde_json::json!({"disktype": "ssd", "kubernetes.io/os": "linux"})
    );
}

#[test]
fn gateway_class_when_the_api_is_present() {
    let docs = golden_case(
        "gateway-api-present",
        &[
            "--api-versions",
            "gateway.networking.k8s.io/v1beta1/GatewayClass",
            "--skip-kinds",
            "CustomResourceDefinition",
        ],
        None,
    );
    let names = kinds_and_names(&docs);
    assert_eq!(names[names.len() - 3], "GatewayClass kuma");
    assert_eq!(
        docs[names.len() - 3]["apiVersion"],
        "gateway.networking.k8s.io/v1beta1"
    );
    let v1 = install(
        &[
            DETERMINISTIC,
            &[
                "--api-versions",
                "gateway.networking.k8s.io/v1/GatewayClass",
                "--api-versions",
                "gateway.networking.k8s.io/v1beta1/GatewayClass",
            ],
        ]
        .concat(),
    );
    let docs = documents(&v1.stdout);
    assert_eq!(
        find(&docs, "GatewayClass", "kuma")["apiVersion"],
        "gateway.networking.k8s.io/v1"
    );
    let global = install(
        &[
            DETERMINISTIC,
            &[
                "--mode",
                "global",
                "--api-versions",
                "gateway.networking.k8s.io/v1/GatewayClass",
            ],
        ]
        .concat(),
    );
    assert!(!global.stdout.contains("GatewayClass"));
}

/// Runs a failing case: exact stderr, exit 1, nothing on stdout.
fn assert_fails(args: &[&str], message: &str) {
    let out = install(&[&["--without-kubernetes-connection"], args].concat());
    assert_eq!(out.stderr, format!("Error: {message}\n"), "args {args:?}");
    assert_eq!(out.code, 1, "args {args:?}");
    assert_eq!(out.stdout, "", "args {args:?}");
}

#[test]
fn validation_errors() {
    let long_zone = "a".repeat(300);
    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            vec!["--mode", "test"],
            "controlPlane.mode invalid got:'test' supported values: global,zone,standalone".into(),
        ),
        (
            vec!["--zone", &long_zone],
            "controlPlane.zone must be no more than 253 characters".into(),
        ),
        (
            vec!["--zone", "Invalid_z0ne"],
            "controlPlane.zone must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character".into(),
        ),
        (
            vec!["--kds-global-address", "192.168.0.1:1234", "--mode", "zone", "--zone", "zone-1"],
            "unable to parse url: parse \"192.168.0.1:1234\": first path segment in URL cannot contain colon".into(),
        ),
        (
            vec!["--kds-global-address", "http://192.168.0.1:1234", "--zone", "zone-1"],
            "controlPlane.kdsGlobalAddress must be a url with scheme grpcs:// or grpc:// got:'http://192.168.0.1:1234'".into(),
        ),
        (
            vec!["--mode", "global", "--zone", "zone-1"],
            "Can't specify a controlPlane.zone when controlPlane.mode!='zone'".into(),
        ),
        (
            vec!["--mode", "standalone", "--kds-global-address", "192.168.0.1:1234"],
            "Can't specify a controlPlane.kdsGlobalAddress when controlPlane.mode!='zone'".into(),
        ),
        (
            vec!["--mode", "global", "--egress-enabled"],
            "You shouldn't run zoneEgress when running the CP in global".into(),
        ),
        (
            vec!["--mode", "global", "--ingress-enabled"],
            "You shouldn't run zoneIngress when running the CP in global or standalone".into(),
        ),
        (
            vec!["--mode", "standalone", "--ingress-enabled"],
            "You shouldn't run zoneIngress when running the CP in global or standalone".into(),
        ),
        (
            vec![
                "--kds-global-address", "grpcs://192.168.0.1:5685", "--mode", "zone", "--zone", "zone-1",
                "--set", "controlPlane.environment=universal", "--set", "egress.enabled=true",
            ],
            "Can't have egress.enabled when running controlPlane.mode=='universal'".into(),
        ),
        (
            vec!["--set", "controlPlane.environment=universal", "--set", "ingress.enabled=true"],
            "Can't have ingress.enabled when running controlPlane.mode=='universal'".into(),
        ),
        (
            vec!["--tls-general-secret", "s"],
            "You need to send both or neither of controlPlane.tls.general.caBundle and controlPlane.tls.general.secretName".into(),
        ),
        (
            vec!["--tls-general-ca-bundle", "XYZ"],
            "You need to send both or neither of controlPlane.tls.general.caBundle and controlPlane.tls.general.secretName".into(),
        ),
        (
            vec!["--tls-general-secret", "s", "--set", "controlPlane.tls.general.certManager.enabled=true"],
            "When controlPlane.tls.general.certManager.enabled is true, secretName and caBundle must be empty".into(),
        ),
        (
            vec!["--set", "global.image.tag=1.5.0"],
            "This chart only supports Kuma version \"0.0.0-preview.vlocal-build\" but global.image.tag is set to \"1.5.0\". Set global.image.tag to \"0.0.0-preview.vlocal-build\" or skip this check by setting *.image.tag for each individual component.".into(),
        ),
        (
            vec!["--control-plane-repository", ""],
            "Must specify image repository".into(),
        ),
    ];
    for (args, message) in cases {
        assert_fails(&args, &message);
    }
}

#[test]
fn the_first_failing_check_wins_in_go_order() {
    // Helm runs the ingress templates before egress, and the webhooks template (TLS
    // pair) before the Deployment (mode, zone, KDS address).
    assert_fails(
        &["--mode", "global", "--ingress-enabled", "--egress-enabled"],
        "You shouldn't run zoneIngress when running the CP in global or standalone",
    );
    assert_fails(
        &["--mode", "test", "--tls-general-secret", "s"],
        "You need to send both or neither of controlPlane.tls.general.caBundle and controlPlane.tls.general.secretName",
    );
    assert_fails(
        &[
            "--mode",
            "global",
            "--zone",
            "z",
            "--kds-global-address",
            "grpcs://a:1",
        ],
        "Can't specify a controlPlane.zone when controlPlane.mode!='zone'",
    );
}

#[test]
fn unsupported_settings_are_refused_not_ignored() {
    let out = install(&[
        "--set",
        "controlPlane.environment=universal",
        "--mode",
        "global",
    ]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("controlPlane.environment=\"universal\" is not supported")
    );
    assert_eq!(out.stdout, "");
}

#[test]
fn bad_inputs_give_one_clear_error() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["--set", "controlPlane.mode"],
            "Error: failed parsing --set data: key \"mode\" has no value\n",
        ),
        (
            &["--set", "a[x]=1"],
            "Error: failed parsing --set data: error parsing index: strconv.Atoi: parsing \"x\": invalid syntax\n",
        ),
        (
            &["--values", "/nonexistent/values.yaml"],
            "Error: open /nonexistent/values.yaml: no such file or directory\n",
        ),
        (
            &["--set", "controlPlane.replicas=many"],
            "Error: controlPlane.replicas must be an integer, got many\n",
        ),
    ];
    for (args, stderr) in cases {
        let out = install(args);
        assert_eq!(out.stderr, *stderr, "{args:?}");
        assert_eq!(out.code, 1);
        assert_eq!(out.stdout, "");
    }
    let out = kumactl(&["-f", "-"], Some("controlPlane: [unclosed\n"));
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with("Error: failed to parse -: "),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.lines().count(), 1);
    let out = kumactl(&["-f", "-"], Some("- a list\n"));
    assert_eq!(
        out.stderr,
        "Error: failed to parse -: a values file must hold a YAML mapping, got a list\n"
    );
}

#[test]
fn values_files_merge_in_order_and_beat_flags() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.yaml");
    let second = dir.path().join("second.yaml");
    std::fs::write(&first, "egress:\n  enabled: true\n  replicas: 3\n").unwrap();
    std::fs::write(
        &second,
        "egress:\n  replicas: 4\ningress:\n  enabled: false\n",
    )
    .unwrap();
    let files = format!("{},{}", first.display(), second.display());
    let out = install(
        &[
            DETERMINISTIC,
            &[
                "--ingress-enabled",
                "-f",
                &files,
                "--set",
                "egress.drainTime=5s",
            ],
        ]
        .concat(),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let docs = documents(&out.stdout);
    let egress = find(&docs, "Deployment", "kuma-egress");
    assert_eq!(egress["spec"]["replicas"], 4);
    let container = &egress["spec"]["template"]["spec"]["containers"][0];
    assert_eq!(
        env_value(container, "KUMA_DATAPLANE_DRAIN_TIME").unwrap(),
        "5s"
    );
    assert!(
        !out.stdout.contains("kuma-ingress"),
        "the file disabled the flag's ingress"
    );
}

#[test]
fn unknown_keys_are_reported_on_stderr() {
    let out = kumactl(
        &[DETERMINISTIC, &["-f", "-", "--set", "controlPlane.bogus=1"]].concat(),
        Some("noSuchTop: 1\ncontrolPlane:\n  podAnnotations:\n    free: form\n"),
    );
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stderr,
        "WARNING: value \"noSuchTop\" is not used by kumactl install control-plane and has no effect\n\
         WARNING: value \"controlPlane.bogus\" is not used by kumactl install control-plane and has no effect\n"
    );
}

#[test]
fn version_flag_follows_command_line_order() {
    let out = install(
        &[
            DETERMINISTIC,
            &[
                "--control-plane-version",
                "a",
                "--version",
                "b",
                "--dataplane-version",
                "c",
                "--egress-enabled",
                "--cni-enabled",
            ],
        ]
        .concat(),
    );
    let docs = documents(&out.stdout);
    let cp = &find(&docs, "Deployment", "kuma-control-plane")["spec"]["template"]["spec"]["containers"]
        [0];
    assert_eq!(cp["image"], "docker.io/kumahq/kuma-cp:b");
    assert_eq!(
        env_value(cp, "KUMA_INJECTOR_INIT_CONTAINER_IMAGE").unwrap(),
        "docker.io/kumahq/kuma-init:b"
    );
    let egress =
        &find(&docs, "Deployment", "kuma-egress")["spec"]["template"]["spec"]["containers"][0];
    assert_eq!(egress["image"], "docker.io/kumahq/kuma-dp:c");
    let cni =
        &find(&docs, "DaemonSet", "kuma-cni-node")["spec"]["template"]["spec"]["containers"][0];
    assert_eq!(cni["image"], "docker.io/kumahq/kuma-cni:b");
}

#[test]
fn dump_values_prints_the_documented_values_file() {
    let out = install(&["--dump-values", "--set", "this is not parsed"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout, kumactl::install::values::DEFAULT_VALUES_YAML);
    assert!(
        out.stdout
            .contains("# Values of `kumactl install control-plane`.")
    );
}

#[test]
fn generated_certificate_is_a_valid_chain_for_the_service() {
    use base64::Engine;
    use rustls::client::WebPkiServerVerifier;
    use rustls::client::danger::ServerCertVerifier;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
    use std::sync::Arc;

    let out = install(&[
        "--without-kubernetes-connection",
        "--skip-kinds",
        "CustomResourceDefinition",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let docs = documents(&out.stdout);
    let secret = find(&docs, "Secret", "kuma-tls-cert");
    assert_eq!(secret["type"], "kubernetes.io/tls");
    let b64 = base64::engine::general_purpose::STANDARD;
    let field = |key: &str| b64.decode(secret["data"][key].as_str().unwrap()).unwrap();
    let (ca_pem, cert_pem, key_pem) = (field("ca.crt"), field("tls.crt"), field("tls.key"));

    let pem_der = |bytes: &[u8], tag: &str| {
        let parsed = pem::parse(bytes).unwrap();
        assert_eq!(parsed.tag(), tag);
        parsed.into_contents()
    };
    let ca = CertificateDer::from(pem_der(&ca_pem, "CERTIFICATE"));
    let cert = CertificateDer::from(pem_der(&cert_pem, "CERTIFICATE"));
    let key = pem_der(&key_pem, "RSA PRIVATE KEY");

    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut roots = rustls::RootCertStore::empty();
    roots.add(ca.clone()).unwrap();
    let verifier = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
        .build()
        .unwrap();
    for name in [
        "kuma-control-plane.kuma-system",
        "kuma-control-plane.kuma-system.svc",
    ] {
        let server = ServerName::try_from(name).unwrap();
        verifier
            .verify_server_cert(&cert, &[], &server, &[], UnixTime::now())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let other = ServerName::try_from("kuma-control-plane.other").unwrap();
    assert!(
        verifier
            .verify_server_cert(&cert, &[], &other, &[], UnixTime::now())
            .is_err()
    );
    let ten_years_less_a_day = UnixTime::since_unix_epoch(std::time::Duration::from_secs(
        UnixTime::now().as_secs() + 3649 * 24 * 3600,
    ));
    let server = ServerName::try_from("kuma-control-plane.kuma-system.svc").unwrap();
    verifier
        .verify_server_cert(&cert, &[], &server, &[], ten_years_less_a_day)
        .expect("valid for ten years");

    let certified = rustls::sign::CertifiedKey::from_der(
        vec![cert],
        PrivateKeyDer::Pkcs1(key.into()),
        &provider,
    )
    .expect("the key matches the certificate");
    assert!(certified.keys_match().is_ok());

    let bundle = b64.encode(&ca_pem);
    for kind in [
        "MutatingWebhookConfiguration",
        "ValidatingWebhookConfiguration",
    ] {
        let config = docs.iter().find(|d| d["kind"] == kind).unwrap();
        for webhook in config["webhooks"].as_array().unwrap() {
            assert_eq!(webhook["clientConfig"]["caBundle"], bundle.as_str());
        }
    }
    let egress = install(&["--egress-enabled"]);
    let docs = documents(&egress.stdout);
    let volumes = &find(&docs, "Deployment", "kuma-egress")["spec"]["template"]["spec"]["volumes"];
    assert_eq!(volumes[0]["secret"]["secretName"], "kuma-tls-cert");
}

#[test]
fn install_group_help_lists_control_plane() {
    let config_dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("kumactl")
        .unwrap()
        .arg("--config-file")
        .arg(config_dir.path().join("config"))
        .args(["install", "--help"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("Install various Kuma components.\n"),
        "{stdout}"
    );
    assert!(stdout.contains("control-plane"));
}

#[test]
fn service_annotations_keep_only_truthy_values() {
    let out = kumactl(
        &[
            DETERMINISTIC,
            &[
                "-f",
                "-",
                "--set",
                r"controlPlane.service.annotations.prometheus\.io/scrape=false",
            ],
        ]
        .concat(),
        Some(
            "controlPlane:\n  service:\n    annotations:\n      kept: \"false\"\n      dropped: \"\"\n",
        ),
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let docs = documents(&out.stdout);
    let service = find(&docs, "Service", "kuma-control-plane");
    assert_eq!(
        service["metadata"]["annotations"],
        serde_json::json!({"kept": "false", "prometheus.io/port": "5680"})
    );
}

#[test]
fn ebpf_env_drops_the_empty_interface() {
    let out = install(&[DETERMINISTIC, &["--set", "experimental.ebpf.enabled=true"]].concat());
    let docs = documents(&out.stdout);
    let cp = &find(&docs, "Deployment", "kuma-control-plane")["spec"]["template"]["spec"]["containers"]
        [0];
    let prefix = "KUMA_RUNTIME_KUBERNETES_INJECTOR_EBPF_";
    let ebpf: Vec<(String, String)> = cp["env"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| {
            let name = e["name"].as_str()?.strip_prefix(prefix)?;
            Some((name.to_string(), e["value"].as_str()?.to_string()))
        })
        .collect();
    let expected: Vec<(String, String)> = [
        ("BPFFS_PATH", "/sys/fs/bpf"),
        ("CGROUP_PATH", "/sys/fs/cgroup"),
        ("ENABLED", "true"),
        ("INSTANCE_IP_ENV_VAR_NAME", "INSTANCE_IP"),
        ("PROGRAMS_SOURCE_PATH", "/tmp/kuma-ebpf"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(ebpf, expected);
}

#[test]
fn hostname_like_kds_address_is_a_scheme_error_not_a_parse_error() {
    assert_fails(
        &["--zone", "zone-1", "--kds-global-address", "foo.com:5685"],
        "controlPlane.kdsGlobalAddress must be a url with scheme grpcs:// or grpc:// got:'foo.com:5685'",
    );
    let out = install(
        &[
            DETERMINISTIC,
            &["--kds-global-address", "grpc://foo.com:5685"],
        ]
        .concat(),
    );
    assert_eq!(out.code, 0, "grpc:// is accepted too: {}", out.stderr);
}

#[test]
fn output_is_byte_for_byte_deterministic_with_a_given_secret() {
    let args = [
        DETERMINISTIC,
        &["--egress-enabled", "--ingress-enabled", "--cni-enabled"],
    ]
    .concat();
    assert_eq!(install(&args).stdout, install(&args).stdout);
}

#[test]
fn autoscaling_and_disruption_budgets_follow_their_own_switches() {
    let out = install(
        &[DETERMINISTIC, &[
            "--skip-kinds", "CustomResourceDefinition",
            "--set", "controlPlane.autoscaling.enabled=true,controlPlane.podDisruptionBudget.enabled=true",
            "--set", "egress.autoscaling.enabled=true,egress.podDisruptionBudget.enabled=true",
        ]]
        .concat(),
    );
    let docs = documents(&out.stdout);
    let names = kinds_and_names(&docs);
    // Egress itself is off: the chart guards HPA and PDB by their own switches only.
    assert!(!names.contains(&"Deployment kuma-egress".to_string()));
    assert_eq!(names[1], "PodDisruptionBudget kuma-control-plane");
    assert_eq!(names[2], "PodDisruptionBudget kuma-egress");
    let hpa = find(&docs, "HorizontalPodAutoscaler", "kuma-egress");
    assert_eq!(hpa["apiVersion"], "autoscaling/v2");
    assert_eq!(hpa["spec"]["minReplicas"], 2);
    assert_eq!(hpa["spec"]["maxReplicas"], 5);
    assert_eq!(
        hpa["spec"]["metrics"][0]["resource"]["target"]["averageUtilization"],
        80
    );
    assert_eq!(
        find(&docs, "PodDisruptionBudget", "kuma-egress")["apiVersion"],
        "policy/v1"
    );
    assert!(
        find(&docs, "Deployment", "kuma-control-plane")["spec"]
            .get("replicas")
            .is_none()
    );
}
