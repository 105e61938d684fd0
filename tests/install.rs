//! `kumactl install control-plane` end to end: golden manifests compared as YAML
//! values document by document (order matters, formatting does not), validation
//! errors, values sources, and the generated certificate.
//!
//! Goldens under tests/install/ are written by our code with
//! `KUMACTL_UPDATE_GOLDENS=1 cargo test --test install` and reviewed, field by field,
//! against what Kuma's chart renders; a missing golden fails the test.

mod common;

use assert_cmd::Command;
use common::http_files::HttpFiles;
use serde_json::{Value, json};
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

/// `kumactl <args>` with a config file of its own and `stdin`.
fn kumactl(args: &[&str], stdin: Option<&str>) -> Output {
    kumactl_with_env(args, stdin, &[])
}

/// `kumactl <args>` with a config file of its own, `stdin` and environment `env`.
fn kumactl_with_env(args: &[&str], stdin: Option<&str>, env: &[(&str, &Path)]) -> Output {
    let config_dir = tempfile::tempdir().unwrap();
    let config = config_dir.path().join("config");
    let mut cmd = Command::cargo_bin("kumactl").unwrap();
    cmd.env_remove("KUBECONFIG").env("HOME", config_dir.path());
    for (key, value) in env {
        cmd.env(key, value);
    }
    cmd.arg("--config-file").arg(&config);
    cmd.args(args);
    cmd.write_stdin(stdin.unwrap_or(""));
    let output = cmd.output().unwrap();
    Output {
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
        code: output.status.code().unwrap_or(-1),
    }
}

/// `kumactl install control-plane <args>` with `stdin`.
fn install_with_stdin(args: &[&str], stdin: Option<&str>) -> Output {
    kumactl(&[&["install", "control-plane"], args].concat(), stdin)
}

fn install(args: &[&str]) -> Output {
    install_with_stdin(args, None)
}

/// `install control-plane` with the deterministic flags, then `args`.
fn install_deterministic(args: &[&str]) -> Output {
    install(&[DETERMINISTIC, args].concat())
}

/// `install control-plane` with the deterministic flags, then `-f -` and `args`, reading
/// `values` from stdin.
fn install_deterministic_with_values(args: &[&str], values: &str) -> Output {
    install_with_stdin(&[DETERMINISTIC, &["-f", "-"], args].concat(), Some(values))
}

/// The documents of a render that succeeded.
fn rendered(out: &Output) -> Vec<Value> {
    assert_eq!(out.code, 0, "{}", out.stderr);
    documents(&out.stdout)
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
    let out = install_with_stdin(&all, stdin);
    // The legacy egress flag gets a note about Kuma 3.0 (tests/zone_proxies.rs).
    let note = if args.contains(&"--egress-enabled") {
        "Note: Kuma 3.0 removes the legacy Zone Egress (egress.* values and the --egress-* flags); before upgrading, move to mesh-scoped zone egress with: kumactl migrate zone-egress --format kubernetes\n"
    } else {
        ""
    };
    assert_eq!(out.stderr, note, "{name}: stderr");
    assert_eq!(out.code, 0, "{name}: exit code");
    assert!(
        out.stdout.starts_with("\n---\n"),
        "{name}: Go's JoinYAML layout"
    );
    assert!(!out.stdout.ends_with('\n'), "{name}: no trailing newline");
    assert_matches_golden(name, &out.stdout);
    documents(&out.stdout)
}

/// [`golden_case`] with the CRDs skipped (`--skip-kinds` after `args`).
fn golden_case_without_crds(name: &str, args: &[&str], stdin: Option<&str>) -> Vec<Value> {
    golden_case(name, &[args, SKIP_CRDS].concat(), stdin)
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

/// The pod spec of a workload (a Deployment or a DaemonSet).
fn pod<'a>(docs: &'a [Value], kind: &str, name: &str) -> &'a Value {
    &find(docs, kind, name)["spec"]["template"]["spec"]
}

fn cp_pod(docs: &[Value]) -> &Value {
    pod(docs, "Deployment", "kuma-control-plane")
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

/// Helm's `releaseutil` order: file order permuted by the string sort of `manifest-<i>`.
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
    check_crds(&docs[3..57]);
}

/// Every CRD as Kuma's chart has it (crds.md): plural, kind, short name, scope, status
/// subresource and printer columns (T: TargetRef kind and name, H: Hostname, Z: zone,
/// D: the kuma.io/service of four inbounds), then what its schema's `spec` is (P:
/// free-form, S: full schema, -: none).
const CRD_FACTS: &str = "\
circuitbreakers CircuitBreaker - Cluster - - P
containerpatches ContainerPatch - Namespaced - - S
dataplaneinsights DataplaneInsight - Namespaced - - -
dataplanes Dataplane dp Namespaced - D P
externalservices ExternalService - Cluster - - P
faultinjections FaultInjection - Cluster - - P
healthchecks HealthCheck - Cluster - - P
hostnamegenerators HostnameGenerator hg Namespaced - - S
meshaccesslogs MeshAccessLog mal Namespaced - T S
meshcircuitbreakers MeshCircuitBreaker mcb Namespaced - T S
meshes Mesh m Cluster - - P
meshexternalservices MeshExternalService extsvc Namespaced - H S
meshfaultinjections MeshFaultInjection mfi Namespaced - T S
meshgatewayconfigs MeshGatewayConfig - Cluster status - S
meshgatewayinstances MeshGatewayInstance - Namespaced status - S
meshgatewayroutes MeshGatewayRoute - Cluster - - P
meshgateways MeshGateway mgw Cluster - - P
meshhealthchecks MeshHealthCheck mhc Namespaced - T S
meshhttproutes MeshHTTPRoute mhttpr Namespaced - T S
meshidentities MeshIdentity mid Namespaced - - S
meshinsights MeshInsight - Cluster - - P
meshloadbalancingstrategies MeshLoadBalancingStrategy mlbs Namespaced - T S
meshmetrics MeshMetric mm Namespaced - T S
meshmultizoneservices MeshMultiZoneService mzsvc Namespaced - H S
meshopentelemetrybackends MeshOpenTelemetryBackend motb Namespaced - - S
meshpassthroughs MeshPassthrough mp Namespaced - T S
meshproxypatches MeshProxyPatch mpp Namespaced - T S
meshratelimits MeshRateLimit mrl Namespaced - T S
meshretries MeshRetry mr Namespaced - T S
meshservices MeshService msvc Namespaced - H S
meshtcproutes MeshTCPRoute mtcpr Namespaced - T S
meshtimeouts MeshTimeout mt Namespaced - T S
meshtlses MeshTLS mtls Namespaced - T S
meshtraces MeshTrace mtr Namespaced - T S
meshtrafficpermissions MeshTrafficPermission mtp Namespaced - T S
meshtrusts MeshTrust mtrust Namespaced - - S
meshzoneaddresses MeshZoneAddress mza Namespaced - - S
proxytemplates ProxyTemplate - Cluster - - P
ratelimits RateLimit - Cluster - - P
retries Retry - Cluster - - P
serviceinsights ServiceInsight - Cluster - - P
timeouts Timeout - Cluster - - P
trafficlogs TrafficLog - Cluster - - P
trafficpermissions TrafficPermission - Cluster - - P
trafficroutes TrafficRoute - Cluster - - P
traffictraces TrafficTrace - Cluster - - P
virtualoutbounds VirtualOutbound - Cluster - - P
workloads Workload wl Namespaced - - S
zoneegresses ZoneEgress ze Namespaced - Z P
zoneegressinsights ZoneEgressInsight - Namespaced - - P
zoneingresses ZoneIngress zi Namespaced - Z P
zoneingressinsights ZoneIngressInsight - Namespaced - - P
zoneinsights ZoneInsight - Cluster - - P
zones Zone z Cluster - - P
";

fn check_crds(crds: &[Value]) {
    let by_name: std::collections::BTreeMap<&str, &Value> = crds
        .iter()
        .map(|crd| (crd["metadata"]["name"].as_str().unwrap(), crd))
        .collect();
    assert_eq!(by_name.len(), 54);
    let column = |name: &str, path: &str| json!({"jsonPath": path, "name": name, "type": "string"});
    for line in CRD_FACTS.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let [plural, kind, short, scope, status, columns, spec] = fields[..] else {
            panic!("{line}");
        };
        let crd = by_name[format!("{plural}.kuma.io").as_str()];
        assert_eq!(crd["apiVersion"], "apiextensions.k8s.io/v1", "{plural}");
        assert_eq!(
            crd["metadata"]["annotations"],
            json!({"controller-gen.kubebuilder.io/version": "v0.21.0"})
        );
        let names = &crd["spec"]["names"];
        assert_eq!(crd["spec"]["group"], "kuma.io");
        assert_eq!(names["kind"], kind);
        assert_eq!(names["listKind"], format!("{kind}List"));
        assert_eq!(names["plural"], plural);
        assert_eq!(names["singular"], kind.to_lowercase());
        assert_eq!(names["categories"], json!(["kuma"]));
        let shorts = if short == "-" {
            Value::Null
        } else {
            json!([short])
        };
        assert_eq!(names["shortNames"], shorts, "{plural}");
        assert_eq!(crd["spec"]["scope"], scope, "{plural}");
        let version = &crd["spec"]["versions"][0];
        assert_eq!(crd["spec"]["versions"].as_array().unwrap().len(), 1);
        assert_eq!(
            (&version["name"], &version["served"], &version["storage"]),
            (&json!("v1alpha1"), &json!(true), &json!(true))
        );
        let subresources = if status == "status" {
            json!({"status": {}})
        } else {
            Value::Null
        };
        assert_eq!(version["subresources"], subresources, "{plural}");
        let target_ref = vec![
            column("TargetRef Kind", ".spec.targetRef.kind"),
            column("TargetRef Name", ".spec.targetRef.name"),
        ];
        let printer_columns = match columns {
            "-" => Value::Null,
            "T" => json!(target_ref),
            "H" => json!([column("Hostname", ".status.addresses[0].hostname")]),
            "Z" => json!([column("zone", ".spec.zone")]),
            "D" => {
                let mut all: Vec<Value> = (0..4)
                    .map(|i| {
                        column(
                            "kuma.io/service",
                            &format!(".spec.networking.inbound[{i}].tags['kuma\\.io/service']"),
                        )
                    })
                    .collect();
                all[2]["priority"] = json!(1);
                all[3]["priority"] = json!(1);
                json!(all)
            }
            other => panic!("{other}"),
        };
        assert_eq!(
            version["additionalPrinterColumns"], printer_columns,
            "{plural}"
        );
        let schema = &version["schema"]["openAPIV3Schema"];
        assert_eq!(schema["type"], "object");
        for meta in ["apiVersion", "kind"] {
            assert_eq!(schema["properties"][meta], json!({"type": "string"}));
        }
        assert_eq!(schema["properties"]["metadata"], json!({"type": "object"}));
        let spec_schema = &schema["properties"]["spec"];
        match spec {
            "P" => {
                assert_eq!(
                    spec_schema,
                    &json!({"type": "object", "x-kubernetes-preserve-unknown-fields": true}),
                    "{plural}"
                );
                assert_eq!(schema["properties"]["mesh"], json!({"type": "string"}));
            }
            "S" => assert_eq!(spec_schema["type"], "object", "{plural}"),
            "-" => {
                assert_eq!(spec_schema, &Value::Null, "{plural}");
                assert_eq!(
                    schema["properties"]["status"]["x-kubernetes-preserve-unknown-fields"],
                    true
                );
            }
            other => panic!("{other}"),
        }
        // Kuma's descriptions are not carried.
        assert!(!crd.to_string().contains("\"description\""), "{plural}");
    }
    // One full schema of each family, checked field by field where Kuma's is known.
    let spec_of = |plural: &str| {
        by_name[format!("{plural}.kuma.io").as_str()]["spec"]["versions"][0]["schema"]["openAPIV3Schema"]["properties"]["spec"].clone()
    };
    let timeout = spec_of("meshtimeouts");
    assert_eq!(
        timeout["properties"]["targetRef"]["properties"]["kind"]["enum"],
        json!([
            "Mesh",
            "MeshSubset",
            "MeshGateway",
            "MeshService",
            "MeshExternalService",
            "MeshMultiZoneService",
            "MeshServiceSubset",
            "MeshHTTPRoute",
            "Dataplane"
        ])
    );
    assert_eq!(timeout["properties"]["to"]["type"], "array");
    let patch = spec_of("containerpatches");
    assert_eq!(
        patch["properties"]["initPatch"]["items"]["properties"]["op"]["enum"],
        json!(["add", "remove", "replace", "move", "copy"])
    );
    assert_eq!(
        patch["properties"]["initPatch"]["items"]["required"],
        json!(["op", "path"])
    );
    let mesh_service = by_name["meshservices.kuma.io"]["spec"]["versions"][0]["schema"]["openAPIV3Schema"]["properties"]["status"].clone();
    assert_eq!(mesh_service["type"], "object");
    assert!(mesh_service["properties"]["addresses"].is_object());
}

#[test]
fn egress_adds_its_service_account_service_and_deployment() {
    let docs = golden_case_without_crds(
        "with-egress",
        &["--egress-enabled", "--egress-drain-time", "60s"],
        None,
    );
    let base = golden_case_without_crds("base", &[], None);
    let mut with_egress = docs.clone();
    with_egress.retain(|d| d["metadata"]["name"] != "kuma-egress");
    assert_eq!(with_egress, base, "egress changes nothing else");
    let names = kinds_and_names(&docs);
    assert_eq!(names[2], "ServiceAccount kuma-egress");
    assert_eq!(names[11], "Service kuma-egress");
    assert_eq!(names[13], "Deployment kuma-egress");
    let container = &pod(&docs, "Deployment", "kuma-egress")["containers"][0];
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
    let docs = golden_case_without_crds("base", &[], None);
    assert_eq!(kinds_and_names(&docs), BASE_SET);
}

#[test]
fn zone_mode_with_zone_and_kds_address() {
    let docs = golden_case_without_crds(
        "zone",
        &[
            "--mode",
            "zone",
            "--zone",
            "zone-1",
            "--kds-global-address",
            "grpcs://192.168.0.1:5685",
        ],
        None,
    );
    assert_eq!(kinds_and_names(&docs), BASE_SET);
    let container = &cp_pod(&docs)["containers"][0];
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
    let docs = golden_case_without_crds("global", &["--mode", "global"], None);
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
    let docs = golden_case_without_crds(
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
    let docs = golden_case_without_crds(
        "with-helm-values",
        &["--values", "-"],
        Some("controlPlane:\n  replicas: 2\n"),
    );
    assert_eq!(
        find(&docs, "Deployment", "kuma-control-plane")["spec"]["replicas"],
        2
    );
}

#[test]
fn cni_enabled() {
    let docs = golden_case_without_crds("cni-enabled", &["--cni-enabled"], None);
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

/// Every `cni.*` key the chart's DaemonSet reads, `tpl` in the affinity, the pull
/// secrets of the ServiceAccount and the allow-listed RoleBindings.
#[test]
fn cni_values() {
    let values = r#"
global:
  imagePullSecrets: [regcred]
namespaceAllowList: [kuma-demo, kuma-test]
cni:
  namespace: cni-system
  logLevel: debug
  binDir: /opt/cni/bin
  delayStartupSeconds: 5
  tolerations:
    - key: dedicated
      operator: Exists
      effect: NoSchedule
  podAnnotations:
    example.com/note: "1"
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
          - matchExpressions:
              - key: '{{ include "kuma.name" . }}.io/cni'
                operator: In
                values: ['{{ .Release.Name }}', '{{ .Release.Namespace }}']
  restartPolicy: OnFailure
  podSecurityContext:
    fsGroup: 0
  resources:
    limits:
      memory: 200Mi
"#;
    let docs = golden_case_without_crds("cni-values", &["--cni-enabled", "-f", "-"], Some(values));
    let names = kinds_and_names(&docs);
    let role_bindings: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with("RoleBinding") || n.starts_with("ClusterRoleBinding"))
        .collect();
    assert_eq!(
        role_bindings,
        vec![
            "ClusterRoleBinding kuma-control-plane",
            "RoleBinding kuma-cni",
            "RoleBinding kuma-cni",
            "RoleBinding kuma-control-plane-workloads",
            "RoleBinding kuma-control-plane-workloads",
            "RoleBinding kuma-control-plane",
        ]
    );
    let cni_bindings: Vec<&Value> = docs
        .iter()
        .filter(|d| d["kind"] == "RoleBinding" && d["metadata"]["name"] == "kuma-cni")
        .collect();
    assert_eq!(cni_bindings[0]["metadata"]["namespace"], "kuma-demo");
    assert_eq!(cni_bindings[1]["metadata"]["namespace"], "kuma-test");
    // The chart's subject is in the release namespace, not cni.namespace.
    assert_eq!(
        cni_bindings[0]["subjects"],
        json!([{"kind": "ServiceAccount", "name": "kuma-cni", "namespace": "kuma-system"}])
    );
    assert_eq!(
        cni_bindings[0]["metadata"]["labels"]["app"],
        "kuma-control-plane"
    );
    assert_eq!(
        find(&docs, "ServiceAccount", "kuma-cni")["imagePullSecrets"],
        json!([{"name": "regcred"}])
    );
    assert_eq!(
        find(&docs, "ConfigMap", "kuma-cni-config")["data"]["cni_network_config"],
        "{\n  \"cniVersion\": \"0.3.1\",\n  \"name\": \"kuma-cni\",\n  \"type\": \"kuma-cni\",\n  \"log_level\": \"debug\",\n  \"kubernetes\": {\n      \"kubeconfig\": \"__KUBECONFIG_FILEPATH__\",\n      \"cni_bin_dir\": \"/opt/cni/bin\",\n      \"exclude_namespaces\": [ \"kube-system\" ]\n  }\n}"
    );
    let spec = pod(&docs, "DaemonSet", "kuma-cni-node");
    assert_eq!(spec["tolerations"].as_array().unwrap().len(), 4);
    assert_eq!(spec["tolerations"][3]["key"], "dedicated");
    assert_eq!(spec["restartPolicy"], "OnFailure");
    assert_eq!(spec["securityContext"], json!({"fsGroup": 0}));
    assert_eq!(
        spec["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"]
            [0]["matchExpressions"][0],
        json!({"key": "kuma.io/cni", "operator": "In", "values": ["kuma", "kuma-system"]})
    );
    let container = &spec["containers"][0];
    assert_eq!(container["args"], json!(["sleep 5 && exec /install-cni"]));
    assert_eq!(container["readinessProbe"]["initialDelaySeconds"], 5);
    assert_eq!(
        container["resources"],
        json!({"requests": {"cpu": "100m", "memory": "100Mi"}, "limits": {"memory": "200Mi"}})
    );
    let annotations =
        &find(&docs, "DaemonSet", "kuma-cni-node")["spec"]["template"]["metadata"]["annotations"];
    assert_eq!(annotations["example.com/note"], "1");
}

/// With eBPF the ConfigMap goes, and merbridge's installer replaces the CNI's.
#[test]
fn cni_ebpf() {
    let docs = golden_case_without_crds(
        "cni-ebpf",
        &[
            "--cni-enabled",
            "--set",
            "experimental.ebpf.enabled=true,cni.logLevel=debug",
        ],
        None,
    );
    assert!(!kinds_and_names(&docs).contains(&"ConfigMap kuma-cni-config".to_string()));
    assert_eq!(
        find(&docs, "ClusterRole", "kuma-cni")["rules"],
        json!([{"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list", "watch"]}])
    );
    let template = &find(&docs, "DaemonSet", "kuma-cni-node")["spec"]["template"];
    assert_eq!(
        template["metadata"]["annotations"]["checksum/config"],
        "01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b"
    );
    let container = &template["spec"]["containers"][0];
    assert_eq!(container["image"], "docker.io/kumahq/merbridge:0.8.5");
    assert_eq!(
        container["args"],
        json!([
            "/app/mbctl",
            "--mode=kuma",
            "--use-reconnect=true",
            "--cni-mode=true",
            "--debug=true"
        ])
    );
    assert_eq!(container["securityContext"]["privileged"], true);
    assert!(container.get("env").is_none());
}

/// `skipRBAC` leaves the CNI its ServiceAccount only, after the chart's warning.
#[test]
fn cni_skip_rbac() {
    let out = install_deterministic(&[
        "--cni-enabled",
        "--set",
        "skipRBAC=true",
        "--skip-kinds",
        "CustomResourceDefinition",
    ]);
    let docs = rendered(&out);
    assert!(out.stdout.contains(
        "\n---\n# WARNING: RBAC is skipped. If this was intentional, remember to create the necessary resources for kuma-cni manually.\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  labels:\n    app: kuma-cni\n"
    ));
    let names = kinds_and_names(&docs);
    assert!(names.contains(&"ServiceAccount kuma-cni".to_string()));
    assert!(!names.iter().any(|n| n.contains("Role")));
}

#[test]
fn overrides_in_namespace_kuma() {
    let docs = golden_case_without_crds(
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
        ],
        None,
    );
    assert_eq!(docs[0]["metadata"]["name"], "kuma");
    let service = find(&docs, "Service", "kuma-ctrl-plane");
    assert_eq!(service["metadata"]["namespace"], "kuma");
    let pod = cp_pod(&docs);
    let container = &pod["containers"][0];
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
        pod["nodeSelector"],
        serde_json::json!({"disktype": "ssd", "kubernetes.io/os": "linux"})
    );
}

#[test]
fn gateway_class_when_the_api_is_present() {
    let docs = golden_case_without_crds(
        "gateway-api-present",
        &[
            "--api-versions",
            "gateway.networking.k8s.io/v1beta1/GatewayClass",
        ],
        None,
    );
    let names = kinds_and_names(&docs);
    assert_eq!(names[names.len() - 3], "GatewayClass kuma");
    assert_eq!(
        docs[names.len() - 3]["apiVersion"],
        "gateway.networking.k8s.io/v1beta1"
    );
    let v1 = install_deterministic(&[
        "--api-versions",
        "gateway.networking.k8s.io/v1/GatewayClass",
        "--api-versions",
        "gateway.networking.k8s.io/v1beta1/GatewayClass",
    ]);
    let docs = rendered(&v1);
    assert_eq!(
        find(&docs, "GatewayClass", "kuma")["apiVersion"],
        "gateway.networking.k8s.io/v1"
    );
    let global = install_deterministic(&[
        "--mode",
        "global",
        "--api-versions",
        "gateway.networking.k8s.io/v1/GatewayClass",
    ]);
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
            "This chart only supports Kuma version \"2.14.3\" but global.image.tag is set to \"1.5.0\". Set global.image.tag to \"2.14.3\" or skip this check by setting *.image.tag for each individual component.".into(),
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
fn what_we_cannot_render_is_refused_not_half_rendered() {
    assert_fails(
        &["--set", "controlPlane.environment=openshift"],
        "controlPlane.environment invalid got:'openshift' supported values: kubernetes,universal",
    );
    assert_fails(
        &["--set", "nameOverride=mesh"],
        "nameOverride=\"mesh\" is not supported by this kumactl: it names every object kuma-*",
    );
    let out = install_deterministic(&["--set", "nameOverride=kuma"]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
}

#[test]
fn global_image_tag_of_the_rendered_kuma_version_is_accepted() {
    // Go compares with its chart's unpublished appVersion and refuses even this.
    let out = install_deterministic(&["--set", "global.image.tag=2.14.3"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    let out = install_deterministic(&[
        "--set",
        "global.image.tag=1.5.0,global.image.registry=my.registry",
    ]);
    assert_eq!(
        out.code, 0,
        "other registries skip the check: {}",
        out.stderr
    );
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
        (
            &["--set", "controlPlane.extraSecrets.s.name=x"],
            "Error: every entry of controlPlane.extraSecrets needs a name and a mountPath\n",
        ),
        (
            &["--set", "controlPlane.extraConfigMaps[0]=x"],
            "Error: every entry of controlPlane.extraConfigMaps must be a map\n",
        ),
        (
            &[
                "--set",
                "controlPlane.extraConfigMaps[0].name=x,controlPlane.extraConfigMaps[0].mountPath=/x,controlPlane.extraConfigMaps[0].values.k[0]=1",
            ],
            "Error: controlPlane.extraConfigMaps[0].values.k must be text\n",
        ),
        // Control characters from --set are escaped, as everywhere.
        (
            &["--set", "controlPlane.mode=\u{1b}[2J"],
            "Error: controlPlane.mode invalid got:'\\u{1b}[2J' supported values: global,zone,standalone\n",
        ),
        (
            &["--set", "controlPlane.replicas=\u{7}\r"],
            "Error: controlPlane.replicas must be an integer, got \\u{7}\\r\n",
        ),
        (
            &["--values", "/dev/zero"],
            "Error: read /dev/zero: the file is larger than 64 MiB\n",
        ),
        // libyaml's parse is quadratic in the nesting: refused before it.
        (
            &[
                "--set",
                &format!(
                    "controlPlane.webhooks.ownerReference.additionalRules={}",
                    "[".repeat(50_000)
                ),
            ],
            "Error: invalid controlPlane.webhooks.ownerReference.additionalRules: yaml: line 1: recursion limit exceeded\n",
        ),
    ];
    for (args, stderr) in cases {
        let out = install(args);
        assert_eq!(out.stderr, *stderr, "{args:?}");
        assert_eq!(out.code, 1);
        assert_eq!(out.stdout, "");
    }
    let out = install_with_stdin(&["-f", "-"], Some("controlPlane: [unclosed\n"));
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with("Error: failed to parse -: "),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.lines().count(), 1);
    let deep = format!("controlPlane:\n  x: {}", "{a: ".repeat(50_000));
    let out = install_with_stdin(&["-f", "-"], Some(&deep));
    assert_eq!(
        out.stderr,
        "Error: failed to parse -: yaml: line 2: recursion limit exceeded\n"
    );
    let out = install_with_stdin(&["-f", "-"], Some("- a list\n"));
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
    let out = install_deterministic(&[
        "--ingress-enabled",
        "-f",
        &files,
        "--set",
        "egress.drainTime=5s",
    ]);
    let docs = rendered(&out);
    let egress = find(&docs, "Deployment", "kuma-egress");
    assert_eq!(egress["spec"]["replicas"], 4);
    let container = &pod(&docs, "Deployment", "kuma-egress")["containers"][0];
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
    let out = install_deterministic_with_values(
        &["--set", "controlPlane.bogus=1"],
        "noSuchTop: 1\ncontrolPlane:\n  podAnnotations:\n    free: form\n",
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
    let out = install_deterministic(&[
        "--control-plane-version",
        "a",
        "--version",
        "b",
        "--dataplane-version",
        "c",
        "--egress-enabled",
        "--cni-enabled",
    ]);
    let docs = rendered(&out);
    let cp = &cp_pod(&docs)["containers"][0];
    assert_eq!(cp["image"], "docker.io/kumahq/kuma-cp:b");
    assert_eq!(
        env_value(cp, "KUMA_INJECTOR_INIT_CONTAINER_IMAGE").unwrap(),
        "docker.io/kumahq/kuma-init:b"
    );
    let egress = &pod(&docs, "Deployment", "kuma-egress")["containers"][0];
    assert_eq!(egress["image"], "docker.io/kumahq/kuma-dp:c");
    let cni = &pod(&docs, "DaemonSet", "kuma-cni-node")["containers"][0];
    assert_eq!(cni["image"], "docker.io/kumahq/kuma-cni:b");
}

#[test]
fn dump_values_prints_the_documented_values_file() {
    let out = install(&["--dump-values", "--set", "this is not parsed"]);
    assert_eq!((out.stderr.as_str(), out.code), ("", 0));
    let path = golden_path("dump-values");
    if std::env::var_os("KUMACTL_UPDATE_GOLDENS").is_some() {
        std::fs::write(&path, &out.stdout).unwrap();
    }
    let golden = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("golden {} is missing ({e})", path.display()));
    assert_eq!(out.stdout, golden, "byte for byte");
}

/// The Helm-only keys of the dump, which no object kumactl renders reads.
const DUMPED_KEYS_WITHOUT_EFFECT: &[&str] = &[
    "patchSystemNamespace",
    "installCrdsOnUpgrade",
    "noHelmHooks",
    "kumactl",
    "kubectl",
    "hooks.tolerations",
    "hooks.annotations",
    "hooks.ttlSecondsAfterFinished",
    "hooks.podSecurityContext",
    "hooks.containerSecurityContext",
    "hooks.ebpfCleanup",
];

fn warned_keys(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .map(|line| {
            line.strip_prefix("WARNING: value \"")
                .and_then(|rest| {
                    rest.strip_suffix(
                        "\" is not used by kumactl install control-plane and has no effect",
                    )
                })
                .unwrap_or(line)
        })
        .collect()
}

/// The dump given back as a values file: every key is taken, only the Helm-only ones
/// are reported, and the render is the one of the defaults.
#[test]
fn every_dumped_key_is_accepted_by_values() {
    let dump = install(&["--dump-values"]).stdout;
    // A values file wins over the flags: the given TLS secret is set again after it.
    let tls = "controlPlane.tls.general.secretName=general-tls-secret,controlPlane.tls.general.caBundle=XYZ";
    let out = install_deterministic_with_values(&[SKIP_CRDS, &["--set", tls]].concat(), &dump);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut warned = warned_keys(&out.stderr);
    warned.sort_unstable();
    let mut expected = DUMPED_KEYS_WITHOUT_EFFECT.to_vec();
    expected.sort_unstable();
    assert_eq!(warned, expected);
    let plain = install_deterministic(SKIP_CRDS);
    let (got, want) = (documents(&out.stdout), documents(&plain.stdout));
    assert_eq!(got.len(), want.len());
    for (got, want) in got.iter().zip(&want) {
        assert_eq!(got, want, "{} {}", want["kind"], want["metadata"]["name"]);
    }
}

/// Every scalar of the dump set by its path with `--set`: only the keys of Helm-only
/// settings are reported.
#[test]
fn every_dumped_scalar_is_accepted_by_set() {
    fn leaves(value: &Value, path: &str, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map {
                    let key = key.replace('.', "\\.");
                    let path = if path.is_empty() {
                        key
                    } else {
                        format!("{path}.{key}")
                    };
                    leaves(inner, &path, out);
                }
            }
            Value::Array(items) => {
                for (i, inner) in items.iter().enumerate() {
                    leaves(inner, &format!("{path}[{i}]"), out);
                }
            }
            Value::Null => {}
            Value::String(s) if s.contains(',') || s.contains('{') => {}
            scalar => out.push(format!(
                "{path}={}",
                scalar
                    .as_str()
                    .map_or_else(|| scalar.to_string(), str::to_owned)
            )),
        }
    }
    let dump = install(&["--dump-values"]).stdout;
    let parsed: Value = serde_yaml::from_str(&dump).unwrap();
    let mut sets = Vec::new();
    leaves(&parsed, "", &mut sets);
    assert!(sets.len() > 300, "{} scalars", sets.len());
    let mut args: Vec<&str> = SKIP_CRDS.to_vec();
    for set in &sets {
        args.extend(["--set", set]);
    }
    let out = install_deterministic(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut warned = warned_keys(&out.stderr);
    warned.sort_unstable();
    warned.dedup();
    // Every Helm-only key with a scalar under it, and nothing else.
    let mut expected = DUMPED_KEYS_WITHOUT_EFFECT.to_vec();
    expected.retain(|key| {
        ![
            "hooks.tolerations",
            "hooks.annotations",
            "hooks.ttlSecondsAfterFinished",
        ]
        .contains(key)
    });
    expected.sort_unstable();
    assert_eq!(warned, expected);
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
    let docs = rendered(&out);
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
    let docs = rendered(&install(&["--egress-enabled"]));
    let volumes = &pod(&docs, "Deployment", "kuma-egress")["volumes"];
    assert_eq!(volumes[0]["secret"]["secretName"], "kuma-tls-cert");
}

#[test]
fn install_group_help_lists_control_plane() {
    let stdout = kumactl(&["install", "--help"], None).stdout;
    assert!(
        stdout.starts_with("Install various Kuma components.\n"),
        "{stdout}"
    );
    assert!(stdout.contains("control-plane"));
}

#[test]
fn service_annotations_keep_only_truthy_values() {
    let out = install_deterministic_with_values(
        &[
            "--set",
            r"controlPlane.service.annotations.prometheus\.io/scrape=false",
        ],
        "controlPlane:\n  service:\n    annotations:\n      kept: \"false\"\n      dropped: \"\"\n",
    );
    let docs = rendered(&out);
    let service = find(&docs, "Service", "kuma-control-plane");
    assert_eq!(
        service["metadata"]["annotations"],
        serde_json::json!({"kept": "false", "prometheus.io/port": "5680"})
    );
}

#[test]
fn ebpf_env_drops_the_empty_interface() {
    let out = install_deterministic(&["--set", "experimental.ebpf.enabled=true"]);
    let docs = rendered(&out);
    let cp = &cp_pod(&docs)["containers"][0];
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
    let out = install_deterministic(&["--kds-global-address", "grpc://foo.com:5685"]);
    assert_eq!(out.code, 0, "grpc:// is accepted too: {}", out.stderr);
}

#[test]
fn output_is_byte_for_byte_deterministic_with_a_given_secret() {
    let args = ["--egress-enabled", "--ingress-enabled", "--cni-enabled"];
    assert_eq!(
        install_deterministic(&args).stdout,
        install_deterministic(&args).stdout
    );
}

#[test]
fn autoscaling_and_disruption_budgets_follow_their_own_switches() {
    let out = install_deterministic(&[
        "--skip-kinds",
        "CustomResourceDefinition",
        "--set",
        "controlPlane.autoscaling.enabled=true,controlPlane.podDisruptionBudget.enabled=true",
        "--set",
        "egress.autoscaling.enabled=true,egress.podDisruptionBudget.enabled=true",
    ]);
    let docs = rendered(&out);
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

/// Renders `args` (nothing added but `--without-kubernetes-connection` and the
/// skipped CRDs) and compares with the golden: for cases that cannot take the
/// deterministic TLS flags, and are deterministic without them.
fn golden_case_without_tls(name: &str, args: &[&str], stdin: Option<&str>) -> Vec<Value> {
    let all = [&["--without-kubernetes-connection"], SKIP_CRDS, args].concat();
    let out = install_with_stdin(&all, stdin);
    // The legacy egress flag gets a note about Kuma 3.0 (tests/zone_proxies.rs).
    let note = if args.contains(&"--egress-enabled") {
        "Note: Kuma 3.0 removes the legacy Zone Egress (egress.* values and the --egress-* flags); before upgrading, move to mesh-scoped zone egress with: kumactl migrate zone-egress --format kubernetes\n"
    } else {
        ""
    };
    assert_eq!(out.stderr, note, "{name}: stderr");
    assert_eq!(out.code, 0, "{name}: exit code");
    assert_matches_golden(name, &out.stdout);
    documents(&out.stdout)
}

fn names_of(list: &Value) -> Vec<&str> {
    list.as_array()
        .map(|items| items.iter().map(|i| i["name"].as_str().unwrap()).collect())
        .unwrap_or_default()
}

#[test]
fn global_universal_on_k8s() {
    let docs = golden_case_without_crds(
        "global-universal-on-k8s",
        &[
            "--mode",
            "global",
            "--set",
            "controlPlane.environment=universal",
            "--set",
            "postgres.tls.mode=verifyFull",
            "--set",
            "postgres.tls.caSecretName=postgres-ca",
        ],
        None,
    );
    assert_eq!(
        kinds_and_names(&docs),
        vec![
            "Namespace kuma-system",
            "ServiceAccount kuma-control-plane",
            "ConfigMap kuma-control-plane-config",
            "Service kuma-global-zone-sync",
            "Service kuma-control-plane",
            "Deployment kuma-control-plane",
        ]
    );
    let ports: Vec<i64> = find(&docs, "Service", "kuma-control-plane")["spec"]["ports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["port"].as_i64().unwrap())
        .collect();
    assert_eq!(ports, vec![5680, 5681, 5682], "no admission port 443");
    let pod = cp_pod(&docs);
    let cp = &pod["containers"][0];
    for (name, value) in [
        ("KUMA_ENVIRONMENT", "universal"),
        ("KUMA_MODE", "global"),
        ("KUMA_STORE_TYPE", "postgres"),
        ("KUMA_STORE_POSTGRES_PORT", "5432"),
        ("KUMA_STORE_POSTGRES_TLS_MODE", "verifyFull"),
        (
            "KUMA_STORE_POSTGRES_TLS_CA_PATH",
            "/var/run/secrets/kuma.io/postgres-tls-cert/ca.crt",
        ),
        ("KUMA_GENERAL_WORK_DIR", "/tmp/kuma"),
    ] {
        assert_eq!(env_value(cp, name).unwrap(), value, "{name}");
    }
    for absent in [
        "KUMA_GENERAL_TLS_CERT_FILE",
        "KUMA_STORE_KUBERNETES_SYSTEM_NAMESPACE",
        "KUMA_RUNTIME_KUBERNETES_ADMISSION_SERVER_PORT",
        "KUMA_STORE_POSTGRES_TLS_CERT_PATH",
    ] {
        assert!(env_value(cp, absent).is_none(), "{absent}");
    }
    // Global universal mounts no general TLS certificate, even with a secret given.
    assert_eq!(
        names_of(&pod["volumes"]),
        vec!["postgres-tls-cert-ca", "kuma-control-plane-config", "tmp"]
    );
    assert_eq!(pod["volumes"][0]["secret"]["secretName"], "postgres-ca");
    let migration = &pod["initContainers"][0];
    assert_eq!(migration["name"], "migration");
    assert_eq!(migration["image"], "docker.io/kumahq/kuma-cp:2.14.3");
    assert_eq!(
        migration["args"],
        serde_json::json!([
            "migrate",
            "up",
            "--log-level=info",
            "--config-file=/etc/kuma.io/kuma-control-plane/config.yaml"
        ])
    );
}

#[test]
fn zone_universal_on_k8s() {
    let docs = golden_case_without_crds(
        "zone-universal-on-k8s",
        &[
            "--mode",
            "zone",
            "--set",
            "controlPlane.environment=universal",
            "--kds-global-address",
            "grpcs://192.168.0.1:5685",
            "--zone",
            "zone-1",
        ],
        None,
    );
    assert_eq!(
        kinds_and_names(&docs),
        vec![
            "Namespace kuma-system",
            "ServiceAccount kuma-control-plane",
            "ConfigMap kuma-control-plane-config",
            "Service kuma-control-plane",
            "Deployment kuma-control-plane",
        ]
    );
    let pod = cp_pod(&docs);
    let cp = &pod["containers"][0];
    for (name, value) in [
        ("KUMA_MODE", "zone"),
        ("KUMA_MULTIZONE_ZONE_NAME", "zone-1"),
        (
            "KUMA_MULTIZONE_ZONE_GLOBAL_ADDRESS",
            "grpcs://192.168.0.1:5685",
        ),
        (
            "KUMA_GENERAL_TLS_CERT_FILE",
            "/var/run/secrets/kuma.io/tls-cert/tls.crt",
        ),
        ("KUMA_STORE_POSTGRES_TLS_MODE", "disable"),
    ] {
        assert_eq!(env_value(cp, name).unwrap(), value, "{name}");
    }
    assert_eq!(
        names_of(&pod["volumes"]),
        vec!["general-tls-cert", "kuma-control-plane-config", "tmp"]
    );
    let migration = &pod["initContainers"][0];
    assert_eq!(migration["name"], "migration");
    let migration_env: Vec<&str> = names_of(&migration["env"]);
    let cp_env: Vec<&str> = names_of(&cp["env"]);
    assert_eq!(
        migration_env[..],
        cp_env[..cp_env.len() - 3],
        "the merged env"
    );
}

#[test]
fn universal_without_a_secret_generates_no_certificate() {
    let out = install(&[
        "--set",
        "controlPlane.environment=universal",
        "--skip-kinds",
        "CustomResourceDefinition",
    ]);
    let docs = rendered(&out);
    assert!(
        !kinds_and_names(&docs)
            .iter()
            .any(|n| n.starts_with("Secret"))
    );
    assert!(
        names_of(&cp_pod(&docs)["volumes"])
            .iter()
            .all(|v| !v.starts_with("general-tls"))
    );
}

#[test]
fn cert_manager_issues_the_certificate() {
    let docs = golden_case_without_tls(
        "cert-manager",
        &[
            "--namespace",
            "kuma",
            "--set",
            "controlPlane.tls.general.certManager.enabled=true",
        ],
        None,
    );
    let names = kinds_and_names(&docs);
    assert_eq!(
        names[names.len() - 2..],
        ["Certificate kuma-tls-cert", "Issuer kuma-selfsigned-issuer"]
    );
    assert!(!names.iter().any(|n| n.starts_with("Secret")));
    let certificate = find(&docs, "Certificate", "kuma-tls-cert");
    assert_eq!(certificate["apiVersion"], "cert-manager.io/v1");
    assert_eq!(certificate["metadata"]["namespace"], "kuma");
    assert_eq!(
        certificate["spec"],
        serde_json::json!({
            "isCA": true,
            "dnsNames": [
                "kuma-control-plane.kuma",
                "kuma-control-plane.kuma.svc",
                "kuma-control-plane.kuma.svc.cluster.local"
            ],
            "issuerRef": {"kind": "Issuer", "name": "kuma-selfsigned-issuer"},
            "secretName": "kuma-tls-cert"
        })
    );
    assert_eq!(
        find(&docs, "Issuer", "kuma-selfsigned-issuer")["spec"],
        serde_json::json!({"selfSigned": {}})
    );
    for kind in [
        "MutatingWebhookConfiguration",
        "ValidatingWebhookConfiguration",
    ] {
        let config = docs.iter().find(|d| d["kind"] == kind).unwrap();
        assert_eq!(
            config["metadata"]["annotations"],
            serde_json::json!({"cert-manager.io/inject-ca-from": "kuma/kuma-tls-cert"})
        );
        for webhook in config["webhooks"].as_array().unwrap() {
            assert!(webhook["clientConfig"].get("caBundle").is_none());
        }
    }
    assert_eq!(
        cp_pod(&docs)["volumes"][0]["secret"]["secretName"],
        "kuma-tls-cert"
    );

    // A custom issuer: no self-signed Issuer, the reference as given.
    let out = install(&[
        "--skip-kinds",
        "CustomResourceDefinition",
        "--set",
        "controlPlane.tls.general.certManager.enabled=true",
        "--set",
        "controlPlane.tls.general.certManager.issuerRef.name=corp-ca,controlPlane.tls.general.certManager.issuerRef.kind=ClusterIssuer",
    ]);
    let docs = rendered(&out);
    assert_eq!(
        kinds_and_names(&docs).last().unwrap(),
        "Certificate kuma-tls-cert"
    );
    assert_eq!(
        find(&docs, "Certificate", "kuma-tls-cert")["spec"]["issuerRef"],
        serde_json::json!({"kind": "ClusterIssuer", "name": "corp-ca"})
    );
}

/// An issuer without a kind is an Issuer; DNS names go through `tpl`; the universal
/// environment renders no cert-manager object.
#[test]
fn cert_manager_issuer_kind_tpl_and_environment() {
    let values = r#"
controlPlane:
  tls:
    general:
      certManager:
        enabled: true
        issuerRef:
          name: corp-ca
          kind: ""
        dnsNames:
          - '{{ include "kuma.name" . }}-cp.{{ .Release.Namespace }}'
          - '{{ .Values.controlPlane.mode }}.example.com'
"#;
    let out = install_with_stdin(
        &["--skip-kinds", "CustomResourceDefinition", "-f", "-"],
        Some(values),
    );
    let docs = rendered(&out);
    let spec = &find(&docs, "Certificate", "kuma-tls-cert")["spec"];
    assert_eq!(
        spec["issuerRef"],
        json!({"kind": "Issuer", "name": "corp-ca"})
    );
    assert_eq!(
        spec["dnsNames"],
        json!(["kuma-cp.kuma-system", "zone.example.com"])
    );

    let out = install_with_stdin(
        &[
            "--skip-kinds",
            "CustomResourceDefinition",
            "-f",
            "-",
            "--set",
            "controlPlane.environment=universal",
        ],
        Some(values),
    );
    let docs = rendered(&out);
    let names = kinds_and_names(&docs);
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("Certificate") || n.starts_with("Issuer"))
    );

    let out = install_with_stdin(
        &["--skip-kinds", "CustomResourceDefinition", "-f", "-"],
        Some(&values.replace(".Values.controlPlane.mode", ".Release.Namespace | upper")),
    );
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "Error: controlPlane.tls.general.certManager.dnsNames: the template action {{ .Release.Namespace | upper }} is not supported (only .Release.Name, .Release.Namespace, .Chart.Name, .Values.<key> and include \"kuma.name\" .)\n"
    );
}

/// `dataPlane.<container>.resources` reach the control plane's injector settings; an
/// empty value takes the chart's fallback.
#[test]
fn dataplane_resources() {
    let values = r#"
dataPlane:
  sidecarContainer:
    resources:
      requests: {cpu: 100m, memory: 128Mi}
      limits: {cpu: 500m, memory: 256Mi}
  initContainer:
    resources:
      requests: {cpu: 50m, memory: 32Mi}
      limits: {cpu: 200m, memory: 64Mi}
  validationContainer:
    resources:
      requests: {cpu: 0, memory: ""}
      limits: {cpu: 1, memory: 1Gi}
"#;
    let docs = golden_case_without_crds("dataplane-resources", &["-f", "-"], Some(values));
    let cp = &cp_pod(&docs)["containers"][0];
    for (name, value) in [
        ("SIDECAR_CONTAINER_RESOURCES_REQUESTS_CPU", "100m"),
        ("SIDECAR_CONTAINER_RESOURCES_REQUESTS_MEMORY", "128Mi"),
        ("SIDECAR_CONTAINER_RESOURCES_LIMITS_CPU", "500m"),
        ("SIDECAR_CONTAINER_RESOURCES_LIMITS_MEMORY", "256Mi"),
        ("INIT_CONTAINER_RESOURCES_REQUESTS_CPU", "50m"),
        ("INIT_CONTAINER_RESOURCES_REQUESTS_MEMORY", "32Mi"),
        ("INIT_CONTAINER_RESOURCES_LIMITS_CPU", "200m"),
        ("INIT_CONTAINER_RESOURCES_LIMITS_MEMORY", "64Mi"),
        ("VALIDATION_CONTAINER_RESOURCES_REQUESTS_CPU", "20m"),
        ("VALIDATION_CONTAINER_RESOURCES_REQUESTS_MEMORY", "20M"),
        ("VALIDATION_CONTAINER_RESOURCES_LIMITS_CPU", "1"),
        ("VALIDATION_CONTAINER_RESOURCES_LIMITS_MEMORY", "1Gi"),
    ] {
        let name = format!("KUMA_INJECTOR_{name}");
        assert_eq!(env_value(cp, &name).unwrap(), value, "{name}");
    }
}

/// Numbers of a values file are Go float64s, printed with `%v`: 1e+06 from a file, the
/// integer itself from `--set`; small ones read the same either way.
#[test]
fn numbers_from_values_files_print_as_go_floats() {
    let values = "dataPlane:\n  sidecarContainer:\n    resources:\n      limits: {cpu: 1000000, memory: 0.00001}\n      requests: {cpu: 2}\ncontrolPlane:\n  replicas: 2\n";
    let out = install_deterministic_with_values(SKIP_CRDS, values);
    let docs = rendered(&out);
    let cp = &cp_pod(&docs)["containers"][0];
    let env = |name: &str| {
        env_value(
            cp,
            &format!("KUMA_INJECTOR_SIDECAR_CONTAINER_RESOURCES_{name}"),
        )
        .unwrap()
        .clone()
    };
    assert_eq!(env("LIMITS_CPU"), "1e+06");
    assert_eq!(env("LIMITS_MEMORY"), "1e-05");
    assert_eq!(env("REQUESTS_CPU"), "2");
    assert_eq!(
        find(&docs, "Deployment", "kuma-control-plane")["spec"]["replicas"],
        2
    );
    let set = install_deterministic(
        &[
            SKIP_CRDS,
            &[
                "--set",
                "dataPlane.sidecarContainer.resources.limits.cpu=1000000",
            ],
        ]
        .concat(),
    );
    let docs = rendered(&set);
    let cp = &cp_pod(&docs)["containers"][0];
    assert_eq!(
        env_value(cp, "KUMA_INJECTOR_SIDECAR_CONTAINER_RESOURCES_LIMITS_CPU").unwrap(),
        "1000000"
    );
}

/// `dnsPolicy` only when set; `dnsConfig` only with a list, and only its non-empty lists.
#[test]
fn dns_config() {
    let values = r#"
controlPlane:
  dns:
    config:
      nameservers: [10.0.0.10]
egress:
  enabled: true
  dns:
    config:
      searches: [svc.cluster.local]
ingress:
  enabled: true
  dns:
    policy: None
    config:
      nameservers: [1.1.1.1]
"#;
    let docs = golden_case_without_crds("dns-config", &["-f", "-"], Some(values));
    let cp = cp_pod(&docs);
    assert!(cp.get("dnsPolicy").is_none());
    assert_eq!(cp["dnsConfig"], json!({"nameservers": ["10.0.0.10"]}));
    let egress = pod(&docs, "Deployment", "kuma-egress");
    assert!(egress.get("dnsPolicy").is_none());
    assert_eq!(
        egress["dnsConfig"],
        json!({"searches": ["svc.cluster.local"]})
    );
    let ingress = pod(&docs, "Deployment", "kuma-ingress");
    assert_eq!(ingress["dnsPolicy"], "None");
    assert_eq!(ingress["dnsConfig"], json!({"nameservers": ["1.1.1.1"]}));
}

/// Helm's `tpl` in the affinities and topology spread constraints of the control plane,
/// egress and ingress.
#[test]
fn tpl_in_scheduling_values() {
    let values = r#"
controlPlane:
  topologySpreadConstraints:
    - maxSkew: 1
      topologyKey: topology.kubernetes.io/zone
      whenUnsatisfiable: ScheduleAnyway
      labelSelector:
        matchLabels:
          app: '{{ include "kuma.name" . }}-control-plane'
egress:
  enabled: true
  affinity:
    podAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        - topologyKey: kubernetes.io/hostname
          namespaces: ['{{ .Release.Namespace }}']
          labelSelector:
            matchLabels:
              app: '{{ .Release.Name }}-control-plane'
ingress:
  enabled: true
  topologySpreadConstraints:
    - maxSkew: 2
      topologyKey: kubernetes.io/hostname
      whenUnsatisfiable: DoNotSchedule
      labelSelector:
        matchLabels:
          app: '{{ .Chart.Name }}-ingress'
"#;
    let docs = golden_case_without_crds(
        "tpl-values",
        &["-f", "-", "--namespace", "mesh-system"],
        Some(values),
    );
    assert_eq!(
        cp_pod(&docs)["topologySpreadConstraints"][0]["labelSelector"]["matchLabels"]["app"],
        "kuma-control-plane"
    );
    let term = &pod(&docs, "Deployment", "kuma-egress")["affinity"]["podAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]
        [0];
    assert_eq!(term["namespaces"], json!(["mesh-system"]));
    assert_eq!(
        term["labelSelector"]["matchLabels"]["app"],
        "kuma-control-plane"
    );
    assert_eq!(
        pod(&docs, "Deployment", "kuma-ingress")["topologySpreadConstraints"][0]["labelSelector"]["matchLabels"]
            ["app"],
        "kuma-ingress"
    );
}

/// Universal on Kubernetes: the migration container mounts the postgres TLS files, and
/// the TLS file settings exist only when the mode verifies the server.
#[test]
fn postgres_tls() {
    let universal = "controlPlane.environment=universal,postgres.tls.caSecretName=pg-ca,postgres.tls.secretName=pg-client,postgres.tls.disableSSLSNI=true";
    let docs = golden_case_without_crds(
        "postgres-tls",
        &["--set", universal, "--set", "postgres.tls.mode=verifyCa"],
        None,
    );
    let spec = cp_pod(&docs);
    let migration = &spec["initContainers"][0];
    assert_eq!(
        migration["volumeMounts"],
        json!([
            {"name": "postgres-tls-cert-ca", "subPath": "ca.crt", "mountPath": "/var/run/secrets/kuma.io/postgres-tls-cert/ca.crt", "readOnly": true},
            {"name": "postgres-tls-cert", "subPath": "tls.crt", "mountPath": "/var/run/secrets/kuma.io/postgres-tls-cert/tls.crt", "readOnly": true},
            {"name": "postgres-tls-cert", "subPath": "tls.key", "mountPath": "/var/run/secrets/kuma.io/postgres-tls-cert/tls.key", "readOnly": true},
            {"name": "kuma-control-plane-config", "mountPath": "/etc/kuma.io/kuma-control-plane", "readOnly": true}
        ])
    );
    const TLS_FILES: [&str; 4] = [
        "KUMA_STORE_POSTGRES_TLS_CA_PATH",
        "KUMA_STORE_POSTGRES_TLS_CERT_PATH",
        "KUMA_STORE_POSTGRES_TLS_KEY_PATH",
        "KUMA_STORE_POSTGRES_TLS_DISABLE_SSLSNI",
    ];
    for container in [migration, &spec["containers"][0]] {
        for name in TLS_FILES {
            assert!(env_value(container, name).is_some(), "{name}");
        }
    }

    for mode in ["disable", "verifyNone"] {
        let out = install_deterministic(&[
            "--skip-kinds",
            "CustomResourceDefinition",
            "--set",
            universal,
            "--set",
            &format!("postgres.tls.mode={mode}"),
        ]);
        let docs = rendered(&out);
        let spec = cp_pod(&docs);
        let cp = &spec["containers"][0];
        assert_eq!(env_value(cp, "KUMA_STORE_POSTGRES_TLS_MODE").unwrap(), mode);
        for name in TLS_FILES {
            assert!(env_value(cp, name).is_none(), "{mode}: {name}");
        }
        // The files are still mounted.
        assert_eq!(
            spec["initContainers"][0]["volumeMounts"]
                .as_array()
                .unwrap()
                .len(),
            4
        );
    }
}

/// The KDS Secrets carry the control plane labels and the `secretName` given; the
/// global-zone-sync Service takes `controlPlane.globalZoneSyncService.name`.
#[test]
fn kds_secret_names_and_global_zone_sync_name() {
    let out = install_deterministic(&[
        "--skip-kinds",
        "CustomResourceDefinition",
        "--set",
        "controlPlane.tls.kdsZoneClient.create=true,controlPlane.tls.kdsZoneClient.cert=CA,controlPlane.tls.kdsZoneClient.secretName=my-kds-ca",
    ]);
    let docs = rendered(&out);
    let secret = find(&docs, "Secret", "my-kds-ca");
    assert_eq!(secret["metadata"]["labels"]["app"], "kuma-control-plane");
    assert!(secret["metadata"].get("namespace").is_none());
    assert!(secret.get("type").is_none());
    assert_eq!(secret["stringData"], json!({"ca.crt": "CA"}));

    let out = install_deterministic(&[
        "--skip-kinds",
        "CustomResourceDefinition",
        "--mode",
        "global",
        "--set",
        "controlPlane.tls.kdsGlobalServer.create=true,controlPlane.tls.kdsGlobalServer.cert=C,controlPlane.tls.kdsGlobalServer.key=K,controlPlane.tls.kdsGlobalServer.secretName=my-kds",
        "--set",
        "controlPlane.globalZoneSyncService.name=zone-sync",
    ]);
    assert_eq!(out.stderr, "");
    let docs = rendered(&out);
    let secret = find(&docs, "Secret", "my-kds");
    assert_eq!(secret["type"], "kubernetes.io/tls");
    assert_eq!(secret["metadata"]["labels"]["app"], "kuma-control-plane");
    find(&docs, "Service", "zone-sync");
}

#[test]
fn skip_rbac_keeps_only_the_service_account() {
    let docs = golden_case_without_crds("skip-rbac", &["--values", "-"], Some("skipRBAC: true\n"));
    assert_eq!(
        kinds_and_names(&docs),
        vec![
            "Namespace kuma-system",
            "ServiceAccount kuma-control-plane",
            "ConfigMap kuma-control-plane-config",
            "Service kuma-control-plane",
            "Deployment kuma-control-plane",
            "MutatingWebhookConfiguration kuma-admission-mutating-webhook-configuration",
            "ValidatingWebhookConfiguration kuma-validating-webhook-configuration",
        ]
    );
}

#[test]
fn skip_cluster_role_creation_keeps_the_namespaced_rbac() {
    let docs = golden_case_without_crds(
        "skip-cluster-role-creation",
        &["--values", "-"],
        Some("controlPlane:\n  skipClusterRoleCreation: true\n"),
    );
    assert_eq!(
        kinds_and_names(&docs),
        vec![
            "Namespace kuma-system",
            "ServiceAccount kuma-control-plane",
            "ConfigMap kuma-control-plane-config",
            "Role kuma-control-plane",
            "RoleBinding kuma-control-plane",
            "Service kuma-control-plane",
            "Deployment kuma-control-plane",
            "MutatingWebhookConfiguration kuma-admission-mutating-webhook-configuration",
            "ValidatingWebhookConfiguration kuma-validating-webhook-configuration",
        ]
    );
}

#[test]
fn namespace_allow_list_binds_the_workloads_role_per_namespace() {
    let docs = golden_case_without_crds(
        "namespace-allow-list",
        &["--values", "-"],
        Some("namespaceAllowList:\n  - kuma-demo\n  - kuma-test\n"),
    );
    let names = kinds_and_names(&docs);
    assert_eq!(
        names[3..10],
        [
            "ClusterRole kuma-control-plane",
            "ClusterRole kuma-control-plane-workloads",
            "ClusterRoleBinding kuma-control-plane",
            "Role kuma-control-plane",
            "RoleBinding kuma-control-plane-workloads",
            "RoleBinding kuma-control-plane-workloads",
            "RoleBinding kuma-control-plane",
        ]
    );
    for (doc, namespace) in docs[7..9].iter().zip(["kuma-demo", "kuma-test"]) {
        assert_eq!(doc["metadata"]["namespace"], namespace);
        assert_eq!(
            doc["roleRef"],
            serde_json::json!({"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                               "name": "kuma-control-plane-workloads"})
        );
        assert_eq!(doc["subjects"][0]["namespace"], "kuma-system");
    }
    let in_clause = |webhook: &Value| {
        webhook["namespaceSelector"]["matchExpressions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["operator"] == "In" && e["key"] == "kubernetes.io/metadata.name")
            .map(|e| e["values"].clone())
    };
    let mutating = find(
        &docs,
        "MutatingWebhookConfiguration",
        "kuma-admission-mutating-webhook-configuration",
    );
    let webhooks = mutating["webhooks"].as_array().unwrap();
    assert_eq!(
        in_clause(&webhooks[0]).unwrap(),
        serde_json::json!(["kuma-system", "kuma-demo", "kuma-test"])
    );
    assert_eq!(
        in_clause(&webhooks[2]).unwrap(),
        serde_json::json!(["kuma-demo", "kuma-test"]),
        "the injector leaves out the control plane's namespace"
    );
}

#[test]
fn mesh_scoped_zone_proxies() {
    let docs = golden_case_without_crds(
        "mesh-zone-proxies",
        &["--values", "-"],
        Some(
            "meshes:\n  - name: default\n    ingress:\n      enabled: true\n    egress:\n      enabled: true\n\
             \x20 - name: payments\n    egress:\n      enabled: true\n      deployment:\n        replicas: 2\n      service:\n        name: payments-egress\n",
        ),
    );
    let names = kinds_and_names(&docs);
    for expected in [
        "ServiceAccount kuma-default-ingress",
        "ServiceAccount kuma-default-egress",
        "ServiceAccount kuma-payments-egress",
        "Service kuma-default-ingress",
        "Service kuma-default-egress",
        "Service payments-egress",
        "Deployment kuma-default-ingress",
        "Deployment kuma-default-egress",
        "Deployment kuma-payments-egress",
    ] {
        assert!(names.contains(&expected.to_string()), "{expected}");
    }
    // Within a kind they follow the control plane's objects, in meshes[] order.
    let accounts: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with("ServiceAccount"))
        .collect();
    assert_eq!(accounts[0], "ServiceAccount kuma-control-plane");
    assert_eq!(accounts[3], "ServiceAccount kuma-payments-egress");
    let labels = json!({
        "app": "kuma-payments-egress",
        "kuma.io/mesh": "payments",
        "app.kubernetes.io/name": "kuma",
        "app.kubernetes.io/instance": "kuma"
    });
    let selector = json!({
        "app": "kuma-payments-egress",
        "app.kubernetes.io/name": "kuma",
        "app.kubernetes.io/instance": "kuma"
    });
    assert_eq!(
        find(&docs, "ServiceAccount", "kuma-payments-egress")["metadata"]["labels"],
        labels
    );
    let deployment = find(&docs, "Deployment", "kuma-payments-egress");
    assert_eq!(deployment["metadata"]["labels"], labels);
    assert_eq!(deployment["spec"]["replicas"], 2);
    assert_eq!(
        deployment["spec"]["strategy"],
        json!({"rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}})
    );
    assert_eq!(deployment["spec"]["selector"]["matchLabels"], selector);
    let pod = &deployment["spec"]["template"];
    assert_eq!(
        pod["metadata"]["annotations"],
        json!({"kuma.io/reachable-backends": "{\"refs\":[]}"})
    );
    // What the mesh-zoneproxy injector webhook selects.
    assert_eq!(
        pod["metadata"]["labels"],
        json!({
            "app": "kuma-payments-egress",
            "kuma.io/mesh": "payments",
            "app.kubernetes.io/name": "kuma",
            "app.kubernetes.io/instance": "kuma",
            "kuma.io/sidecar-injection": "enabled",
            "k8s.kuma.io/zone-proxy-type": "egress"
        })
    );
    let spec = &pod["spec"];
    assert_eq!(
        spec["securityContext"],
        json!({"runAsUser": 5678, "runAsGroup": 5678, "seccompProfile": {"type": "RuntimeDefault"}})
    );
    assert_eq!(spec["automountServiceAccountToken"], true);
    assert_eq!(spec["restartPolicy"], "Always");
    assert_eq!(spec["terminationGracePeriodSeconds"], 40);
    assert!(spec.get("nodeSelector").is_none());
    assert_eq!(
        spec["containers"],
        json!([{
            "name": "pause",
            "image": "registry.k8s.io/pause:3.10@sha256:ee6521f290b2168b6e0935a181d4cff9be1ac3f505666ef0e3c98fae8199917a",
            "imagePullPolicy": "IfNotPresent",
            "securityContext": {
                "readOnlyRootFilesystem": true,
                "runAsNonRoot": true,
                "allowPrivilegeEscalation": false,
                "capabilities": {"drop": ["ALL"]}
            },
            "resources": {"requests": {"cpu": "10m", "memory": "16Mi"}, "limits": {"memory": "16Mi"}}
        }])
    );
    let service = find(&docs, "Service", "payments-egress");
    assert_eq!(
        service["metadata"]["labels"]["k8s.kuma.io/zone-proxy-type"],
        "egress"
    );
    assert_eq!(
        service["spec"],
        json!({
            "type": "ClusterIP",
            "ports": [{"port": 10002, "protocol": "TCP", "targetPort": 10002}],
            "selector": selector
        })
    );
    assert_eq!(
        find(&docs, "Service", "kuma-default-ingress")["spec"]["type"],
        "LoadBalancer"
    );
}

/// Every per-mesh setting the chart's mesh-zoneproxy templates read.
#[test]
fn mesh_zone_proxy_settings() {
    let values = r#"
global:
  imagePullSecrets: [regcred]
meshZoneProxyDefaults:
  ingress:
    service:
      targetPort: 20001
meshes:
  - name: edge
    ingress:
      enabled: true
      image:
        registry: override.example.com
        tag: "3.10"
      imagePullPolicy: Always
      restartPolicy: Always
      terminationGracePeriodSeconds: 0
      automountServiceAccountToken: false
      serviceAccountAnnotations:
        eks.amazonaws.com/role-arn: arn:aws:iam::1:role/x
      service:
        type: NodePort
        port: 30001
        annotations:
          example.com/lb: internal
        labels:
          team: edge
        spec:
          externalIPs: [192.168.5.2]
          loadBalancerSourceRanges: [10.0.0.0/8]
      deployment:
        replicas: 0
        annotations:
          custom.io/annotation: value
        labels:
          team: platform
        podSpec:
          priorityClassName: high
          nodeSelector:
            disk: ssd
          tolerations:
            - key: edge
              operator: Exists
          affinity:
            podAntiAffinity:
              preferredDuringSchedulingIgnoredDuringExecution:
                - weight: 100
                  podAffinityTerm:
                    topologyKey: kubernetes.io/hostname
                    labelSelector:
                      matchLabels:
                        app: '{{ include "kuma.name" . }}-edge-ingress'
          securityContext:
            runAsUser: 1000
          containerSecurityContext:
            readOnlyRootFilesystem: true
          resources:
            limits:
              memory: 256Mi
          containerResources:
            requests:
              cpu: 5m
      hpa:
        enabled: true
        maxReplicas: 7
      pdb:
        enabled: true
        maxUnavailable: 0
    egress:
      enabled: true
      hpa:
        enabled: true
        metrics:
          - type: Resource
            resource:
              name: memory
              target:
                type: Utilization
                averageUtilization: 60
"#;
    let docs = golden_case_without_crds("mesh-zone-proxy-settings", &["-f", "-"], Some(values));
    let names = kinds_and_names(&docs);
    let hpas: Vec<&String> = names
        .iter()
        .filter(|n| {
            n.starts_with("HorizontalPodAutoscaler") || n.starts_with("PodDisruptionBudget")
        })
        .collect();
    assert_eq!(
        hpas,
        vec![
            "PodDisruptionBudget kuma-edge-ingress",
            "HorizontalPodAutoscaler kuma-edge-ingress",
            "HorizontalPodAutoscaler kuma-edge-egress",
        ]
    );
    let account = find(&docs, "ServiceAccount", "kuma-edge-ingress");
    assert_eq!(
        account["metadata"]["annotations"],
        json!({"eks.amazonaws.com/role-arn": "arn:aws:iam::1:role/x"})
    );
    assert_eq!(account["imagePullSecrets"], json!([{"name": "regcred"}]));
    let service = find(&docs, "Service", "kuma-edge-ingress");
    assert_eq!(service["metadata"]["labels"]["team"], "edge");
    assert_eq!(
        service["metadata"]["annotations"],
        json!({"example.com/lb": "internal"})
    );
    assert_eq!(service["spec"]["type"], "NodePort");
    assert_eq!(
        service["spec"]["ports"],
        json!([{"port": 30001, "protocol": "TCP", "targetPort": 20001}])
    );
    assert_eq!(service["spec"]["externalIPs"], json!(["192.168.5.2"]));
    assert_eq!(
        service["spec"]["loadBalancerSourceRanges"],
        json!(["10.0.0.0/8"])
    );
    let deployment = find(&docs, "Deployment", "kuma-edge-ingress");
    assert_eq!(deployment["metadata"]["labels"]["team"], "platform");
    assert_eq!(
        deployment["metadata"]["annotations"],
        json!({"custom.io/annotation": "value"})
    );
    // The HPA owns the replica count.
    assert!(deployment["spec"].get("replicas").is_none());
    let spec = &deployment["spec"]["template"]["spec"];
    assert_eq!(spec["priorityClassName"], "high");
    assert_eq!(spec["nodeSelector"], json!({"disk": "ssd"}));
    assert_eq!(
        spec["tolerations"],
        json!([{"key": "edge", "operator": "Exists"}])
    );
    assert_eq!(
        spec["affinity"]["podAntiAffinity"]["preferredDuringSchedulingIgnoredDuringExecution"][0]["podAffinityTerm"]
            ["labelSelector"]["matchLabels"]["app"],
        "kuma-edge-ingress"
    );
    assert_eq!(spec["securityContext"], json!({"runAsUser": 1000}));
    assert_eq!(spec["resources"], json!({"limits": {"memory": "256Mi"}}));
    // `default` fallbacks: 0 and false are empty.
    assert_eq!(spec["terminationGracePeriodSeconds"], 40);
    assert_eq!(spec["automountServiceAccountToken"], true);
    let container = &spec["containers"][0];
    assert_eq!(container["image"], "override.example.com/pause:3.10");
    assert_eq!(container["imagePullPolicy"], "Always");
    assert_eq!(
        container["securityContext"],
        json!({"readOnlyRootFilesystem": true})
    );
    assert_eq!(container["resources"], json!({"requests": {"cpu": "5m"}}));
    let hpa = find(&docs, "HorizontalPodAutoscaler", "kuma-edge-ingress");
    assert_eq!(hpa["apiVersion"], "autoscaling/v2");
    assert_eq!(hpa["spec"]["minReplicas"], 2);
    assert_eq!(hpa["spec"]["maxReplicas"], 7);
    assert_eq!(
        hpa["spec"]["metrics"][0]["resource"],
        json!({"name": "cpu", "target": {"type": "Utilization", "averageUtilization": 80}})
    );
    assert_eq!(
        find(&docs, "HorizontalPodAutoscaler", "kuma-edge-egress")["spec"]["metrics"][0]["resource"]
            ["name"],
        "memory"
    );
    let pdb = find(&docs, "PodDisruptionBudget", "kuma-edge-ingress");
    assert_eq!(pdb["spec"]["maxUnavailable"], 1);
    assert_eq!(
        pdb["spec"]["selector"]["matchLabels"],
        json!({"app": "kuma-edge-ingress", "app.kubernetes.io/name": "kuma", "app.kubernetes.io/instance": "kuma"})
    );
}

#[test]
fn kds_secrets_created_from_the_values() {
    let docs = golden_case_without_crds(
        "kds-global-server-secret",
        &[
            "--mode",
            "global",
            "--set",
            "controlPlane.tls.kdsGlobalServer.create=true,controlPlane.tls.kdsGlobalServer.cert=CERT,controlPlane.tls.kdsGlobalServer.key=KEY",
        ],
        None,
    );
    let secret = find(&docs, "Secret", "kuma-kds-global-server-tls");
    assert_eq!(
        kinds_and_names(&docs)[2],
        "Secret kuma-kds-global-server-tls"
    );
    assert_eq!(secret["type"], "kubernetes.io/tls");
    assert_eq!(
        secret["stringData"],
        serde_json::json!({"tls.crt": "CERT", "tls.key": "KEY"})
    );
    assert!(
        secret["metadata"].get("namespace").is_none(),
        "as Go: no namespace"
    );
    let pod = cp_pod(&docs);
    let cp = &pod["containers"][0];
    assert_eq!(
        env_value(cp, "KUMA_MULTIZONE_GLOBAL_KDS_TLS_CERT_FILE").unwrap(),
        "/var/run/secrets/kuma.io/kds-server-tls-cert/tls.crt"
    );
    let volume = pod["volumes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "kds-server-tls-cert")
        .unwrap();
    assert_eq!(volume["secret"]["secretName"], "kuma-kds-global-server-tls");

    let out = install_deterministic(&[
        "--set",
        "controlPlane.tls.kdsZoneClient.create=true,controlPlane.tls.kdsZoneClient.cert=CA,controlPlane.tls.kdsZoneClient.skipVerify=true",
    ]);
    let docs = rendered(&out);
    let secret = find(&docs, "Secret", "kuma-kds-zone-client-tls");
    assert_eq!(secret["stringData"], serde_json::json!({"ca.crt": "CA"}));
    assert!(secret.get("type").is_none());
    let cp = &cp_pod(&docs)["containers"][0];
    assert_eq!(
        env_value(cp, "KUMA_MULTIZONE_ZONE_KDS_ROOT_CA_FILE").unwrap(),
        "/var/run/secrets/kuma.io/kds-client-tls-cert/ca.crt"
    );
    assert_eq!(
        env_value(cp, "KUMA_MULTIZONE_ZONE_KDS_TLS_SKIP_VERIFY").unwrap(),
        "true"
    );
    // `create` in the other mode renders nothing.
    let out = install_deterministic(&["--set", "controlPlane.tls.kdsGlobalServer.create=true"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains("kds-server"));
}

#[test]
fn extra_mounts_transparent_proxy_ingress_and_service_monitor() {
    let docs = golden_case_without_crds(
        "extras",
        &[
            "--values",
            "-",
            "--api-versions",
            "monitoring.coreos.com/v1/ServiceMonitor",
        ],
        Some(
            r#"controlPlane:
  extraLabels:
    team: mesh
  config: |
    store:
      type: kubernetes


  globalZoneSyncService:
    name: ignored-outside-global
  extraConfigMaps:
    - name: extra-config
      mountPath: /etc/extra-config
      readOnly: true
      values:
        extra.yaml: |
          some: text
        plain.txt: line1
    - name: existing-config
      mountPath: /etc/existing-config
  extraSecrets:
    extraConfig:
      name: extra-secret
      mountPath: /etc/extra-secret
      readOnly: true
  ingress:
    enabled: true
    ingressClassName: nginx
    hostname: kuma.example.com
    annotations:
      nginx.ingress.kubernetes.io/backend-protocol: HTTP
  serviceMonitor:
    enabled: true
    annotations:
      example.com/kept: "yes"
      example.com/dropped: ""
transparentProxy:
  configMap:
    enabled: true
    config:
      redirect:
        inbound:
          excludePorts: [8080]
"#,
        ),
    );
    let names = kinds_and_names(&docs);
    assert_eq!(
        names[2..5],
        [
            "ConfigMap kuma-control-plane-config",
            "ConfigMap extra-config",
            "ConfigMap kuma-transparent-proxy-config",
        ]
    );
    assert_eq!(names.last().unwrap(), "ServiceMonitor kuma-control-plane");
    assert!(names.contains(&"Ingress kuma-control-plane".to_string()));
    assert_eq!(
        find(&docs, "ConfigMap", "extra-config")["data"],
        serde_json::json!({"extra.yaml": "some: text\n", "plain.txt": "line1\n"})
    );
    // The header, two empty lines, then the text with one final newline.
    assert_eq!(
        find(&docs, "ConfigMap", "kuma-control-plane-config")["data"]["config.yaml"],
        "# use this file to override default configuration of `kuma-cp`\n#\n# see conf/kuma-cp.conf.yml for available settings\n\n\nstore:\n  type: kubernetes\n"
    );
    // Helm's toYaml of the chart's settings with the user's merged in: keys sorted the
    // go-yaml way (ip6tables before iptables).
    assert_eq!(
        find(&docs, "ConfigMap", "kuma-transparent-proxy-config")["data"]["config.yaml"],
        TRANSPARENT_PROXY_CONFIG.replace(
            "  inbound:\n    enabled: true\n    excludePorts: []",
            "  inbound:\n    enabled: true\n    excludePorts:\n    - 8080"
        )
    );
    let monitor = find(&docs, "ServiceMonitor", "kuma-control-plane");
    assert_eq!(
        monitor["metadata"]["annotations"],
        json!({"example.com/kept": "yes"})
    );
    assert_eq!(
        monitor["spec"],
        json!({
            "endpoints": [{"scheme": "http", "targetPort": "diagnostics"}],
            "jobLabel": "kuma",
            "namespaceSelector": {"matchNames": ["kuma-system"]},
            "selector": {"matchLabels": {
                "app": "kuma-control-plane",
                "team": "mesh",
                "app.kubernetes.io/name": "kuma",
                "app.kubernetes.io/instance": "kuma"
            }}
        })
    );
    let pod = cp_pod(&docs);
    assert_eq!(
        env_value(
            &pod["containers"][0],
            "KUMA_RUNTIME_KUBERNETES_INJECTOR_TRANSPARENT_PROXY_CONFIGMAP_NAME"
        )
        .unwrap(),
        "kuma-transparent-proxy-config"
    );
    let volumes = names_of(&pod["volumes"]);
    assert_eq!(
        volumes[volumes.len() - 5..],
        [
            "kuma-control-plane-config",
            "extra-config",
            "existing-config",
            "extra-secret",
            "tmp"
        ]
    );
    let mounts = pod["containers"][0]["volumeMounts"].as_array().unwrap();
    let existing = mounts
        .iter()
        .find(|m| m["name"] == "existing-config")
        .unwrap();
    assert_eq!(
        *existing,
        serde_json::json!({"name": "existing-config", "mountPath": "/etc/existing-config"})
    );
    let ingress = find(&docs, "Ingress", "kuma-control-plane");
    assert_eq!(ingress["apiVersion"], "networking.k8s.io/v1");
    assert_eq!(
        ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"],
        serde_json::json!({"name": "kuma-control-plane", "port": {"number": 5681}})
    );
}

/// Helm's toYaml of the chart's transparent proxy settings.
const TRANSPARENT_PROXY_CONFIG: &str = "comments:
  disabled: false
dropInvalidPackets: false
ebpf:
  bpffsPath: /run/kuma/bpf
  cgroupPath: /sys/fs/cgroup
  enabled: false
  instanceIPEnvVarName: \"\"
  programsSourcePath: /tmp/kuma-ebpf
  tcAttachIface: \"\"
ipFamilyMode: dualstack
iptablesExecutables:
  ip6tables: \"\"
  ip6tables-restore: \"\"
  ip6tables-save: \"\"
  iptables: \"\"
  iptables-restore: \"\"
  iptables-save: \"\"
kumaDPUser: \"5678\"
log:
  enabled: false
redirect:
  dns:
    captureAll: true
    enabled: true
    port: 15053
    resolvConfigPath: /etc/resolv.conf
    skipConntrackZoneSplit: false
  inbound:
    enabled: true
    excludePorts: []
    excludePortsForIPs: []
    excludePortsForUIDs: []
    includePorts: []
    insertRedirectInsteadOfAppend: false
    port: 15006
  outbound:
    enabled: true
    excludePorts: []
    excludePortsForIPs: []
    excludePortsForUIDs: []
    includePorts: []
    insertRedirectInsteadOfAppend: false
    port: 15001
  vnet:
    networks: []
retry:
  maxRetries: 4
  sleepBetweenRetries: 2s
storeFirewalld: false
verbose: false
wait: 5
waitInterval: 0
";

/// Without the Prometheus Operator's API the ServiceMonitor is not rendered.
#[test]
fn service_monitor_needs_its_api() {
    let out = install_deterministic(&[
        "--set",
        "controlPlane.serviceMonitor.enabled=true",
        "--skip-kinds",
        "CustomResourceDefinition",
    ]);
    let docs = rendered(&out);
    assert!(
        !kinds_and_names(&docs)
            .iter()
            .any(|n| n.starts_with("ServiceMonitor"))
    );
}

#[test]
fn new_validation_errors() {
    let long_service = "s".repeat(64);
    let long_service_set = format!(
        "meshes[0].name=m,meshes[0].ingress.enabled=true,meshes[0].ingress.service.name={long_service}"
    );
    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            vec!["--set", "controlPlane.environment=universal,postgres.tls.mode=verifyCa"],
            "if mode is 'verifyCa' or 'verifyFull' then you must provide .Values.postgres.tls.caSecretName".into(),
        ),
        (
            vec!["--mode", "global", "--set", "controlPlane.environment=universal,postgres.tls.mode=verifyFull"],
            "if mode is 'verifyCa' or 'verifyFull' then you must provide .Values.postgres.tls.caSecretName".into(),
        ),
        (
            vec!["--mode", "global", "--set", "controlPlane.tls.kdsGlobalServer.create=true"],
            "you must provide a kds tls cert".into(),
        ),
        (
            vec!["--mode", "global", "--set", "controlPlane.tls.kdsGlobalServer.create=true,controlPlane.tls.kdsGlobalServer.cert=C"],
            "you must provide a kds tls key".into(),
        ),
        (
            vec!["--set", "controlPlane.tls.kdsZoneClient.create=true"],
            "you must provide a kds cert".into(),
        ),
        (
            vec!["--set", "controlPlane.tls.general.certManager.enabled=true,controlPlane.tls.general.certManager.dnsNames=null"],
            "controlPlane.tls.general.certManager.dnsNames must not be empty".into(),
        ),
        (
            vec!["--set", "controlPlane.tls.general.certManager.enabled=true", "--set", "controlPlane.tls.general.certManager.dnsNames={a.b,}"],
            "controlPlane.tls.general.certManager.dnsNames must not contain empty strings".into(),
        ),
        (
            vec!["--set", "meshes[0].egress.enabled=true"],
            "each meshes entry must have a name".into(),
        ),
        (
            vec!["--mode", "standalone", "--set", "meshes[0].name=m,meshes[0].egress.enabled=true"],
            "meshes[m]: mesh-scoped zone proxies require controlPlane.mode=zone".into(),
        ),
        (
            vec!["--set", "meshes[0].name=m,meshes[0].ingress.enabled=true,zoneProxyImage.repository="],
            "meshes[m].ingress.image is missing: set .Values.zoneProxyImage or meshes[].ingress.image (registry/repository/tag)".into(),
        ),
        (
            vec!["--set", &long_service_set],
            format!("zone proxy service name \"{long_service}\" exceeds 63 characters; use service.name to set a shorter name"),
        ),
    ];
    for (args, message) in cases {
        assert_fails(&args, &message);
    }
}

#[test]
fn new_checks_keep_go_order() {
    // Mesh zone proxies are checked first, the KDS secrets before the Deployment, and
    // the universal checks after the mode checks.
    assert_fails(
        &[
            "--mode",
            "test",
            "--ingress-enabled",
            "--set",
            "meshes[0].egress.enabled=true",
        ],
        "each meshes entry must have a name",
    );
    assert_fails(
        &[
            "--mode",
            "global",
            "--zone",
            "z",
            "--set",
            "controlPlane.tls.kdsGlobalServer.create=true",
        ],
        "you must provide a kds tls cert",
    );
    assert_fails(
        &[
            "--mode",
            "global",
            "--zone",
            "z",
            "--set",
            "controlPlane.environment=universal,postgres.tls.mode=verifyFull",
        ],
        "Can't specify a controlPlane.zone when controlPlane.mode!='zone'",
    );
    assert_fails(
        &[
            "--set",
            "controlPlane.environment=universal,postgres.tls.mode=verifyFull,egress.enabled=true",
        ],
        "Can't have egress.enabled when running controlPlane.mode=='universal'",
    );
    assert_fails(
        &[
            "--tls-general-secret",
            "s",
            "--set",
            "controlPlane.tls.general.certManager.enabled=true,controlPlane.tls.general.certManager.dnsNames=null",
        ],
        "When controlPlane.tls.general.certManager.enabled is true, secretName and caBundle must be empty",
    );
    // cert-manager's template runs after the Deployment's.
    assert_fails(
        &[
            "--mode",
            "test",
            "--set",
            "controlPlane.tls.general.certManager.enabled=true,controlPlane.tls.general.certManager.dnsNames=null",
        ],
        "controlPlane.mode invalid got:'test' supported values: global,zone,standalone",
    );
}

#[test]
fn described_keys_are_not_reported_as_unused() {
    let out = install_deterministic_with_values(
        &[],
        "controlPlane:\n  serviceMonitor:\n    enabled: false\n  ingress:\n    enabled: false\n  extraSecrets: null\n\
             postgres:\n  port: \"5433\"\ntransparentProxy:\n  configMap:\n    config:\n      anything: 1\n\
             meshes:\n  - name: default\n    ingress:\n      enabled: false\n      deployment:\n        podSpec:\n          nodeSelector:\n            zone: a\n      typo: 1\n",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "WARNING: value \"meshes[0].ingress.typo\" is not used by kumactl install control-plane and has no effect\n"
    );
}

/// Every key Kuma's chart reads for the objects kumactl renders is taken without a
/// warning, template-only keys included.
#[test]
fn keys_the_chart_uses_are_not_reported() {
    let values = r#"
cni:
  tolerations: [{key: a, operator: Exists}]
  podAnnotations: {a: b}
  affinity: {}
  restartPolicy: Always
  delayStartupSeconds: 1
  experimental:
    imageEbpf: {registry: r, repository: m, tag: t}
  resources: {requests: {cpu: 1m}}
  podSecurityContext: {}
  containerSecurityContext: {runAsUser: 0}
dataPlane:
  sidecarContainer:
    resources: {requests: {cpu: 1m, memory: 1Mi}, limits: {cpu: 1m, memory: 1Mi}}
  initContainer:
    resources: {requests: {cpu: 1m, memory: 1Mi}, limits: {cpu: 1m, memory: 1Mi}}
  validationContainer:
    resources: {requests: {cpu: 1m, memory: 1Mi}, limits: {cpu: 1m, memory: 1Mi}}
controlPlane:
  config: "a: b"
  globalZoneSyncService:
    name: sync
meshZoneProxyDefaults:
  ingress:
    service: {targetPort: 1}
  egress:
    service: {targetPort: 2}
meshes:
  - name: m
    egress:
      enabled: false
      restartPolicy: Always
      imagePullPolicy: Always
      terminationGracePeriodSeconds: 1
      automountServiceAccountToken: true
      serviceAccountAnnotations: {a: b}
      service: {spec: {externalIPs: []}, labels: {a: b}}
      deployment:
        replicas: 1
        annotations: {a: b}
        labels: {a: b}
        podSpec:
          resources: {}
          affinity: {}
          topologySpreadConstraints: []
          priorityClassName: p
          securityContext: {}
          nodeSelector: {a: b}
          tolerations: []
          containerSecurityContext: {}
          containerResources: {}
      hpa:
        enabled: false
        minReplicas: 1
        maxReplicas: 2
        targetCPUUtilizationPercentage: 50
        metrics: []
      pdb: {enabled: false, maxUnavailable: 1}
"#;
    let out =
        install_deterministic_with_values(&["--skip-kinds", "CustomResourceDefinition"], values);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
}

/// Keys that drive only the Helm hook jobs (which kumactl leaves out), or nothing, are
/// reported, listed in the defaults or not.
#[test]
fn keys_without_effect_are_reported() {
    let values = "patchSystemNamespace: false\ninstallCrdsOnUpgrade:\n  enabled: false\nnoHelmHooks: true\n\
                  kumactl:\n  image:\n    tag: x\nfullnameOverride: x\nhooks:\n  tolerations: []\n\
                  controlPlane:\n  annotations:\n    a: b\n  dns:\n    config:\n      options: []\n";
    let out =
        install_deterministic_with_values(&["--skip-kinds", "CustomResourceDefinition"], values);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let warned: Vec<&str> = out
        .stderr
        .lines()
        .map(|line| {
            line.strip_prefix("WARNING: value \"")
                .and_then(|rest| {
                    rest.strip_suffix(
                        "\" is not used by kumactl install control-plane and has no effect",
                    )
                })
                .unwrap_or(line)
        })
        .collect();
    assert_eq!(
        warned,
        vec![
            "patchSystemNamespace",
            "installCrdsOnUpgrade",
            "noHelmHooks",
            "kumactl",
            "fullnameOverride",
            "hooks.tolerations",
            "controlPlane.annotations",
            "controlPlane.dns.config.options",
        ]
    );
}

// ---------------------------------------------------------------------------------------
// install crds

#[test]
fn install_crds_prints_the_54_crds_in_file_order() {
    let out = kumactl(&["install", "crds"], None);
    assert_eq!((out.stderr.as_str(), out.code), ("", 0));
    // Go's joiner: each document after `\n---\n`, no trailing newline.
    assert!(
        out.stdout
            .starts_with("\n---\napiVersion: apiextensions.k8s.io/v1\n")
    );
    assert!(!out.stdout.ends_with('\n'));
    let docs = documents(&out.stdout);
    let names: Vec<&str> = docs
        .iter()
        .map(|d| d["metadata"]["name"].as_str().unwrap())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted, "the chart's file order");
    check_crds(&docs);
    // The same objects as install control-plane renders.
    let mut from_install: Vec<Value> = rendered(&install_deterministic(&[]))
        .into_iter()
        .filter(|d| d["kind"] == "CustomResourceDefinition")
        .collect();
    from_install.sort_by_key(|d| d["metadata"]["name"].as_str().unwrap().to_string());
    assert_eq!(docs, from_install);
}

/// A kubeconfig whose current context is the cluster at `server`, with `user`.
fn kubeconfig(dir: &Path, server: &str, user: &str) -> PathBuf {
    let path = dir.join("kubeconfig");
    std::fs::write(
        &path,
        format!(
            "apiVersion: v1\nkind: Config\ncurrent-context: test\nclusters:\n- name: c\n  cluster:\n    server: {server}\ncontexts:\n- name: test\n  context:\n    cluster: c\n    user: u\nusers:\n- name: u\n  user:\n{user}"
        ),
    )
    .unwrap();
    path
}

#[test]
fn install_crds_only_missing_asks_the_cluster() {
    let listed = |names: &[&str]| {
        let items: Vec<Value> = names
            .iter()
            .map(|n| json!({"metadata": {"name": n}}))
            .collect();
        json!({"kind": "CustomResourceDefinitionList", "items": items}).to_string()
    };
    const PATH: &str = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
    let dir = tempfile::tempdir().unwrap();
    let only_missing = |server: &HttpFiles| {
        let config = kubeconfig(dir.path(), &server.base_url, "    token: abc\n");
        kumactl_with_env(
            &["install", "crds", "--only-missing"],
            None,
            &[("KUBECONFIG", &config)],
        )
    };

    // Two are missing: only they are printed, in file order.
    let all: Vec<String> = documents(&kumactl(&["install", "crds"], None).stdout)
        .iter()
        .map(|d| d["metadata"]["name"].as_str().unwrap().to_string())
        .collect();
    let mut present: Vec<&str> = all.iter().map(String::as_str).collect();
    present.retain(|n| *n != "meshtimeouts.kuma.io" && *n != "dataplanes.kuma.io");
    present.push("gateways.gateway.networking.k8s.io");
    let server = HttpFiles::serve(vec![(PATH, 200, listed(&present))]);
    let out = only_missing(&server);
    assert_eq!((out.stderr.as_str(), out.code), ("", 0));
    let names: Vec<Value> = documents(&out.stdout)
        .iter()
        .map(|d| d["metadata"]["name"].clone())
        .collect();
    assert_eq!(
        names,
        [json!("dataplanes.kuma.io"), json!("meshtimeouts.kuma.io")]
    );
    assert!(out.stdout.starts_with("\n---\n"));

    // All present: nothing to print.
    let server = HttpFiles::serve(vec![(
        PATH,
        200,
        listed(&all.iter().map(String::as_str).collect::<Vec<_>>()),
    )]);
    let out = only_missing(&server);
    assert_eq!(
        (out.stdout.as_str(), out.stderr.as_str(), out.code),
        ("", "", 0)
    );

    // The cluster refuses.
    let server = HttpFiles::serve(vec![(PATH, 403, "forbidden".to_string())]);
    let out = only_missing(&server);
    assert_eq!(
        (out.stdout.as_str(), out.stderr.as_str(), out.code),
        (
            "",
            "Error: Failed obtaining CRDs from Kubernetes cluster: (403): forbidden\n",
            1
        )
    );
}

#[test]
fn install_crds_only_missing_without_a_usable_kubeconfig() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing");
    let exec = kubeconfig(
        dir.path(),
        "https://127.0.0.1:6443",
        "    exec:\n      command: aws\n",
    );
    for (env, error) in [
        (
            missing.as_path(),
            "Could not detect Kubernetes configuration: make sure you set KUBECONFIG environment variable to a valid Kubernetes config file",
        ),
        (
            exec.as_path(),
            "Could not detect Kubernetes configuration: the user \"u\" authenticates with an exec plugin, which kumactl does not run; use a kubeconfig with a token or a client certificate",
        ),
    ] {
        let out = kumactl_with_env(
            &["install", "crds", "--only-missing"],
            None,
            &[("KUBECONFIG", env)],
        );
        assert_eq!(
            (out.stdout.as_str(), out.stderr.as_str(), out.code),
            ("", format!("Error: {error}\n").as_str(), 1)
        );
    }
}

// ---------------------------------------------------------------------------------------
// install demo

#[test]
fn install_demo_goldens() {
    for (name, args) in [
        ("demo-defaults", vec![]),
        (
            "demo-overrides",
            vec!["--zone", "aws", "--namespace", "not-kuma-demo"],
        ),
        ("demo-without-gateway", vec!["--without-gateway"]),
    ] {
        let out = kumactl(&[&["install", "demo"], args.as_slice()].concat(), None);
        assert_eq!((out.stderr.as_str(), out.code), ("", 0), "{name}");
        // Go's joiner: each document after `\n---\n`, no trailing newline.
        assert!(
            out.stdout
                .starts_with("\n---\napiVersion: v1\nkind: Namespace\n")
        );
        assert!(!out.stdout.ends_with('\n'));
        assert_matches_golden(name, &out.stdout);
    }
    let docs = documents(
        &kumactl(
            &[
                "install",
                "demo",
                "--zone",
                "aws",
                "--namespace",
                "ns",
                "--system-namespace",
                "sys",
            ],
            None,
        )
        .stdout,
    );
    let kinds: Vec<String> = kinds_and_names(&docs);
    assert_eq!(
        kinds,
        [
            "Namespace ns",
            "Service redis",
            "Service demo-app",
            "Deployment redis",
            "Deployment demo-app",
            "MeshGateway demo-app",
            "MeshGatewayInstance demo-app-gateway",
            "MeshHTTPRoute demo-app",
        ]
    );
    let redis = &docs[3]["spec"]["template"]["spec"]["containers"][0];
    assert_eq!(
        redis["lifecycle"]["postStart"]["exec"]["command"],
        json!(["/usr/local/bin/redis-cli", "set", "zone", "aws"])
    );
    let app = &docs[4]["spec"]["template"]["spec"]["containers"][0];
    assert_eq!(
        app["env"][0],
        json!({"name": "REDIS_HOST", "value": "redis.ns.svc.cluster.local"})
    );
    assert_eq!(
        docs[5]["spec"]["selectors"][0]["match"]["kuma.io/service"],
        "demo-app-gateway_ns_svc"
    );
    assert_eq!(docs[6]["metadata"]["namespace"], "ns");
    assert_eq!(docs[7]["metadata"]["namespace"], "sys");
    assert_eq!(
        docs[7]["spec"]["to"][0]["rules"][0]["default"]["backendRefs"][0]["name"],
        "demo-app_ns_svc_5000"
    );
}
