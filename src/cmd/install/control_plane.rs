//! `kumactl install control-plane` (`app/kumactl/cmd/install/install_control_plane.go`): the flags, reading `--values`
//! sources, and printing. The rendering lives in [`crate::install`].

use crate::build_info;
use crate::cmd::args::{KeyValues, key_values, merge_key_values, suggest};
use crate::cmd::context::RootContext;
use crate::install::{self, InstallFlags, InstallRequest};
use crate::output::escape_controls;
use clap::parser::ValueSource;
use clap::{Arg, ArgAction, ArgMatches, Args, FromArgMatches};
use std::io::Write;

#[derive(Debug, Args)]
#[command(
    about = "Install Kuma Control Plane on Kubernetes",
    long_about = "Print the Kubernetes manifests of a Kuma control plane, in its own namespace.\nApply them with: kumactl install control-plane | kubectl apply -f -"
)]
pub struct ControlPlaneArgs {
    /// namespace to install Kuma Control Plane to
    #[arg(long, value_name = "string", default_value = "kuma-system")]
    pub namespace: String,
    #[command(flatten)]
    pub versions: VersionFlags,
    /// registry for all images
    #[arg(long, value_name = "string", default_value = "docker.io/kumahq")]
    pub registry: String,
    /// image pull policy that applies to the Kuma Control Plane container
    #[arg(long, value_name = "string", default_value = "IfNotPresent")]
    pub image_pull_policy: String,
    /// registry for the image of the Kuma Control Plane component
    #[arg(long, value_name = "string", default_value = "")]
    pub control_plane_registry: String,
    /// repository for the image of the Kuma Control Plane component
    #[arg(long, value_name = "string", default_value = "kuma-cp")]
    pub control_plane_repository: String,
    /// Service name of the Kuma Control Plane
    #[arg(long, value_name = "string", default_value = "kuma-control-plane")]
    pub control_plane_service_name: String,
    /// existing Secret with tls.crt, tls.key (and ca.crt unless --tls-general-ca-secret) for the control plane; without it a certificate is generated
    #[arg(long, value_name = "string", default_value = "")]
    pub tls_general_secret: String,
    /// existing Secret with the ca.crt that signed --tls-general-secret (wins over its ca.crt)
    #[arg(long, value_name = "string", default_value = "")]
    pub tls_general_ca_secret: String,
    /// base64 of the PEM CA that signed --tls-general-secret, for the webhooks
    #[arg(long, value_name = "string", default_value = "")]
    pub tls_general_ca_bundle: String,
    /// existing Secret with tls.crt and tls.key for the HTTPS API server
    #[arg(long, value_name = "string", default_value = "")]
    pub tls_api_server_secret: String,
    /// existing Secret with the .pem client certificates allowed to call admin endpoints of the API
    #[arg(long, value_name = "string", default_value = "")]
    pub tls_api_server_client_certs_secret: String,
    /// existing Secret with tls.crt and tls.key of the global KDS server (global mode)
    #[arg(long, value_name = "string", default_value = "")]
    pub tls_kds_global_server_secret: String,
    /// existing Secret with the ca.crt of the global KDS server, to verify it (zone mode)
    #[arg(long, value_name = "string", default_value = "")]
    pub tls_kds_zone_client_secret: String,
    /// failures policy of the sidecar injector webhooks (Fail or Ignore)
    #[arg(long, value_name = "string", default_value = "Fail")]
    pub injector_failure_policy: String,
    /// node selector for Kuma Control Plane
    #[arg(long, value_name = "stringToString", value_parser = key_values)]
    pub control_plane_node_selector: Vec<KeyValues>,
    /// environment variables that will be passed to the control plane
    #[arg(long = "env-var", value_name = "stringToString", value_parser = key_values)]
    pub env_vars: Vec<KeyValues>,
    /// registry for the image of the Kuma DataPlane component
    #[arg(long, value_name = "string", default_value = "")]
    pub dataplane_registry: String,
    /// repository for the image of the Kuma DataPlane component
    #[arg(long, value_name = "string", default_value = "kuma-dp")]
    pub dataplane_repository: String,
    /// registry for the init image of the Kuma DataPlane component
    #[arg(long, value_name = "string", default_value = "")]
    pub dataplane_init_registry: String,
    /// repository for the init image of the Kuma DataPlane component
    #[arg(long, value_name = "string", default_value = "kuma-init")]
    pub dataplane_init_repository: String,
    /// KDS address of the global control plane, grpcs:// or grpc:// (e.g. grpcs://192.168.0.1:5685)
    #[arg(long, value_name = "string", default_value = "")]
    pub kds_global_address: String,
    /// redirect traffic with the Kuma CNI plugin instead of an init container
    #[arg(long)]
    pub cni_enabled: bool,
    /// enable chained CNI installation
    #[arg(long)]
    pub cni_chained: bool,
    /// set the CNI install directory
    #[arg(long, value_name = "string", default_value = "/etc/cni/multus/net.d")]
    pub cni_net_dir: String,
    /// set the CNI binary directory
    #[arg(long, value_name = "string", default_value = "/var/lib/cni/bin")]
    pub cni_bin_dir: String,
    /// set the CNI configuration name
    #[arg(long, value_name = "string", default_value = "kuma-cni.conf")]
    pub cni_conf_name: String,
    /// node selector for CNI deployment
    #[arg(long, value_name = "stringToString", value_parser = key_values)]
    pub cni_node_selector: Vec<KeyValues>,
    /// kuma cp modes: one of zone|global|standalone
    #[arg(
        long,
        value_name = "string",
        default_value = "zone",
        value_parser = suggest(&["zone", "global", "standalone"]),
        hide_possible_values = true
    )]
    pub mode: String,
    /// set the Kuma zone name
    #[arg(long, value_name = "string", default_value = "")]
    pub zone: String,
    /// use NodePort instead of LoadBalancer for the global zone sync Service (global mode)
    #[arg(long)]
    pub use_node_port: bool,
    /// also run a Zone Ingress (zone mode)
    #[arg(long)]
    pub ingress_enabled: bool,
    /// how long the Zone Ingress drains connections when stopping
    #[arg(long, value_name = "string", default_value = "30s")]
    pub ingress_drain_time: String,
    /// use NodePort instead of LoadBalancer for the Ingress Service
    #[arg(long)]
    pub ingress_use_node_port: bool,
    /// node selector for Zone Ingress
    #[arg(long, value_name = "stringToString", value_parser = key_values)]
    pub ingress_node_selector: Vec<KeyValues>,
    /// also run a Zone Egress (zone or standalone mode)
    #[arg(long)]
    pub egress_enabled: bool,
    /// how long the Zone Egress drains connections when stopping
    #[arg(long, value_name = "string", default_value = "30s")]
    pub egress_drain_time: String,
    /// type of the Zone Egress Service: ClusterIP, NodePort or LoadBalancer
    #[arg(long, value_name = "string", default_value = "ClusterIP")]
    pub egress_service_type: String,
    /// node selector for Zone Egress
    #[arg(long, value_name = "stringToString", value_parser = key_values)]
    pub egress_node_selector: Vec<KeyValues>,
    /// node selector for Helm hooks (has no effect: kumactl renders no hooks)
    #[arg(long, value_name = "stringToString", value_parser = key_values)]
    pub hooks_node_selector: Vec<KeyValues>,
    /// install without connecting to Kubernetes (kumactl never connects)
    #[arg(long)]
    pub without_kubernetes_connection: bool,
    /// YAML values file(s) to merge, later ones winning; '-' reads stdin (see --dump-values for the keys)
    #[arg(
        short = 'f',
        long = "values",
        value_name = "strings",
        value_delimiter = ','
    )]
    pub values_files: Vec<String>,
    /// set values with Helm's syntax, e.g. egress.enabled=true,controlPlane.envVars.A=b; repeatable, wins over --values
    #[arg(long, value_name = "stringArray")]
    pub set: Vec<String>,
    /// print the documented values file with every key and its default, and exit
    #[arg(long)]
    pub dump_values: bool,
    /// kinds of resources to leave out of the output
    #[arg(long, value_name = "stringArray", hide = true)]
    pub skip_kinds: Vec<String>,
    /// api versions the cluster is said to serve (e.g. gateway.networking.k8s.io/v1beta1/GatewayClass)
    #[arg(long, value_name = "stringArray", hide = true)]
    pub api_versions: Vec<String>,
}

/// The image tag flags. `--version` sets all four components' tags, in command-line
/// order with the component flags: whichever comes last wins, as in Go.
#[derive(Debug, Clone)]
pub struct VersionFlags {
    pub control_plane: String,
    pub dataplane: String,
    pub dataplane_init: String,
    pub cni: String,
}

const VERSION: &str = "version";
const CP_VERSION: &str = "control-plane-version";
const DP_VERSION: &str = "dataplane-version";
const INIT_VERSION: &str = "dataplane-init-version";

/// The last command-line occurrence of `id`: its position and value.
fn last_given(matches: &ArgMatches, id: &str) -> Option<(usize, String)> {
    if matches.value_source(id) != Some(ValueSource::CommandLine) {
        return None;
    }
    let index = matches.indices_of(id)?.next_back()?;
    let value = matches.get_many::<String>(id)?.next_back()?.clone();
    Some((index, value))
}

impl FromArgMatches for VersionFlags {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let all = last_given(matches, VERSION);
        let pick = |id: &str| {
            let own = last_given(matches, id);
            match (own, &all) {
                (Some(own), Some(all)) if all.0 > own.0 => all.1.clone(),
                (Some(own), _) => own.1,
                (None, Some(all)) => all.1.clone(),
                (None, None) => build_info::KUMA_VERSION.to_string(),
            }
        };
        Ok(VersionFlags {
            control_plane: pick(CP_VERSION),
            dataplane: pick(DP_VERSION),
            dataplane_init: pick(INIT_VERSION),
            cni: all
                .clone()
                .map_or_else(|| build_info::KUMA_VERSION.to_string(), |(_, v)| v),
        })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Args for VersionFlags {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        let flag = |id: &'static str, help: &'static str| {
            Arg::new(id)
                .long(id)
                .value_name("string")
                .action(ArgAction::Append)
                .help(help)
        };
        cmd.arg(flag(VERSION, "version of Kuma Control Plane components"))
            .arg(
                flag(
                    CP_VERSION,
                    "version of the image of the Kuma Control Plane component",
                )
                .default_value(build_info::KUMA_VERSION),
            )
            .arg(
                flag(
                    DP_VERSION,
                    "version of the image of the Kuma DataPlane component",
                )
                .default_value(build_info::KUMA_VERSION),
            )
            .arg(
                flag(
                    INIT_VERSION,
                    "version of the init image of the Kuma DataPlane component",
                )
                .default_value(build_info::KUMA_VERSION),
            )
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

impl ControlPlaneArgs {
    fn request(self) -> InstallRequest {
        let versions = self.versions;
        InstallRequest {
            flags: InstallFlags {
                namespace: self.namespace,
                registry: self.registry,
                image_pull_policy: self.image_pull_policy,
                control_plane_registry: self.control_plane_registry,
                control_plane_repository: self.control_plane_repository,
                control_plane_version: versions.control_plane,
                control_plane_service_name: self.control_plane_service_name,
                tls_general_secret: self.tls_general_secret,
                tls_general_ca_secret: self.tls_general_ca_secret,
                tls_general_ca_bundle: self.tls_general_ca_bundle,
                tls_api_server_secret: self.tls_api_server_secret,
                tls_api_server_client_certs_secret: self.tls_api_server_client_certs_secret,
                tls_kds_global_server_secret: self.tls_kds_global_server_secret,
                tls_kds_zone_client_secret: self.tls_kds_zone_client_secret,
                injector_failure_policy: self.injector_failure_policy,
                control_plane_node_selector: merge_key_values(&self.control_plane_node_selector),
                env_vars: merge_key_values(&self.env_vars),
                dataplane_registry: self.dataplane_registry,
                dataplane_repository: self.dataplane_repository,
                dataplane_version: versions.dataplane,
                dataplane_init_registry: self.dataplane_init_registry,
                dataplane_init_repository: self.dataplane_init_repository,
                dataplane_init_version: versions.dataplane_init,
                kds_global_address: self.kds_global_address,
                cni_enabled: self.cni_enabled,
                cni_chained: self.cni_chained,
                cni_net_dir: self.cni_net_dir,
                cni_bin_dir: self.cni_bin_dir,
                cni_conf_name: self.cni_conf_name,
                cni_node_selector: merge_key_values(&self.cni_node_selector),
                cni_version: versions.cni,
                mode: self.mode,
                zone: self.zone,
                use_node_port: self.use_node_port,
                ingress_enabled: self.ingress_enabled,
                ingress_drain_time: self.ingress_drain_time,
                ingress_use_node_port: self.ingress_use_node_port,
                ingress_node_selector: merge_key_values(&self.ingress_node_selector),
                egress_enabled: self.egress_enabled,
                egress_drain_time: self.egress_drain_time,
                egress_service_type: self.egress_service_type,
                egress_node_selector: merge_key_values(&self.egress_node_selector),
                hooks_node_selector: merge_key_values(&self.hooks_node_selector),
            },
            values_files: self.values_files,
            set: self.set,
            skip_kinds: self.skip_kinds,
            api_versions: self.api_versions,
        }
    }
}

/// The text of a `--values` source; errors read like Go's `os.ReadFile`.
fn read_values_source(path: &str) -> anyhow::Result<String> {
    use crate::files::{DOCUMENT_LIMIT, read_text_bounded};
    let (verb, result) = if path == "-" {
        (
            "read",
            read_text_bounded(std::io::stdin().lock(), "input", DOCUMENT_LIMIT),
        )
    } else {
        match std::fs::File::open(path) {
            Ok(file) => ("read", read_text_bounded(file, "file", DOCUMENT_LIMIT)),
            Err(err) => ("open", Err(err)),
        }
    };
    result.map_err(|err| {
        anyhow::anyhow!(crate::os_error::path_text(
            verb,
            std::path::Path::new(path),
            &err
        ))
    })
}

pub fn run(_ctx: &mut RootContext, args: ControlPlaneArgs) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    if args.dump_values {
        stdout.write_all(install::values::DEFAULT_VALUES_YAML.as_bytes())?;
        return Ok(());
    }
    let egress_enabled = args.egress_enabled;
    // kumactl never contacts a cluster, so --without-kubernetes-connection changes nothing.
    let request = args.request();
    // Messages quote values from --set and values files: no control character of
    // theirs reaches the terminal.
    let escaped = |err: anyhow::Error| anyhow::anyhow!(escape_controls(&format!("{err:#}")));
    let prepared = install::prepare(&request, &mut read_values_source).map_err(escaped)?;
    {
        let mut stderr = std::io::stderr().lock();
        for warning in &prepared.warnings {
            writeln!(stderr, "{warning}")?;
        }
    }
    let objects = install::render_objects(&prepared).map_err(escaped)?;
    let manifest = install::manifest::join(&objects, &prepared.skip_kinds);
    stdout.write_all(manifest.as_bytes())?;
    stdout.flush()?;
    if egress_enabled {
        eprintln!("{}", crate::cmd::legacy_egress::INSTALL_NOTE);
    }
    // The process ends next, and its memory with it: freeing the documents' many small
    // JSON nodes one by one was a fifth of the command's instructions.
    std::mem::forget((objects, prepared));
    Ok(())
}
