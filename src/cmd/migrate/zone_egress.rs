//! `kumactl migrate zone-egress`: from the legacy zone-wide ZoneEgress to one mesh-scoped
//! zone egress Dataplane per mesh (see [`crate::migrate`] for the rules), for Universal
//! (Dataplanes and their dataplane tokens) and Kubernetes (the chart's `meshes[]` values).

use crate::client::{ApiClient, Response};
use crate::cmd::args::{KeyValues, key_values, merge_key_values, suggest};
use crate::cmd::context::RootContext;
use crate::files;
use crate::install::values::{merge_maps, parse_values_document};
use crate::migrate::{self, EgressFlags, Format, Inventory, NO_EQUIVALENT, Plan};
use crate::resources::Resource;
use crate::resources::descriptor;
use crate::resources::document;
use crate::resources::split::Documents;
use anyhow::{Context, anyhow, bail};
use clap::Args;
use reqwest::Method;
use serde_json::{Map, Value};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
#[command(
    about = "Plan and carry out the move from the legacy ZoneEgress to mesh-scoped zone egress",
    long_about = "Plan and carry out the move from the legacy, zone-wide ZoneEgress to mesh-scoped zone egress \
proxies (a Dataplane with a ZoneEgress listener in each mesh), the only Zone Egress Kuma 3.0 keeps. Do it \
before upgrading the control plane to 3.0: after the upgrade the legacy egress gets no configuration.

The steps:
  1. Pre-flight: for each mesh that routes through the legacy egress (routing.zoneEgress: true), check that
     meshServices.mode is Exclusive, that a MeshIdentity selects the new egress and that a
     MeshTrafficPermission lets clients through it (a mesh-scoped egress denies all traffic by default).
     Each missing precondition is shown with the resource that would fix it.
  2. The new configuration. Universal: per legacy ZoneEgress and per mesh, a Dataplane with its ZoneEgress
     listener and the kumactl generate dataplane-token and kuma-dp run commands that start it. Kubernetes:
     the chart's meshes[] values, converted from the legacy egress.* values (--values and the --egress-*
     flags of install control-plane); every legacy value without an equivalent is listed.
  3. The report and the configuration are printed (the report as YAML comments); with --apply the
     Dataplanes are created on the control plane once every document validates. The legacy ZoneEgress is
     never deleted: both run side by side until you remove it.

The exit code is 0 when the plan is complete and 1, with the reasons, when a precondition blocks it.",
    after_help = "Examples:
  kumactl migrate zone-egress
  kumactl migrate zone-egress --apply
  kumactl migrate zone-egress -f zone-egress.yaml -f meshes.yaml
  kumactl migrate zone-egress --format kubernetes --values kuma-values.yaml"
)]
pub struct ZoneEgressArgs {
    /// read ZoneEgress, Mesh, MeshIdentity and MeshTrafficPermission resources from files, not the control plane ('-': stdin)
    #[arg(short = 'f', long = "file", value_name = "string")]
    pub files: Vec<String>,
    /// the configuration to produce: one of universal|kubernetes
    #[arg(
        long,
        value_name = "string",
        default_value = "universal",
        value_parser = suggest(&["universal", "kubernetes"]),
        hide_possible_values = true
    )]
    pub format: String,
    /// the control plane's legacy Helm values files, whose egress.* values are converted (later ones win)
    #[arg(long = "values", value_name = "strings")]
    pub values_files: Vec<PathBuf>,
    /// the control plane was installed with --egress-enabled
    #[arg(long)]
    pub egress_enabled: bool,
    /// the --egress-service-type the control plane was installed with
    #[arg(long, value_name = "string")]
    pub egress_service_type: Option<String>,
    /// the --egress-node-selector the control plane was installed with
    #[arg(long, value_name = "stringToString", value_parser = key_values)]
    pub egress_node_selector: Vec<KeyValues>,
    /// the --egress-drain-time the control plane was installed with
    #[arg(long, value_name = "string")]
    pub egress_drain_time: Option<String>,
    /// create the planned Dataplanes on the control plane (Universal only) once all of them validate
    #[arg(long)]
    pub apply: bool,
}

/// The most items one list request asks for.
const PAGE_SIZE: usize = 1000;
/// The most list pages read from one path (a bound on what a control plane can make us do).
const MAX_PAGES: usize = 1000;

/// The resources of the control plane that the plan reads.
fn inventory_from_control_plane(client: &ApiClient) -> anyhow::Result<Inventory> {
    let zone_egresses = list_all(client, "/zoneegresses")?;
    let meshes = list_all(client, "/meshes")?;
    let mut inventory = Inventory {
        zone_egresses,
        ..Inventory::default()
    };
    for mesh in &meshes {
        let name = &mesh.meta.name;
        inventory
            .mesh_identities
            .extend(list_all(client, &format!("/meshes/{name}/meshidentities"))?);
        inventory.traffic_permissions.extend(list_all(
            client,
            &format!("/meshes/{name}/meshtrafficpermissions"),
        )?);
    }
    inventory.meshes = meshes;
    Ok(inventory)
}

fn response_error(response: &Response) -> String {
    match crate::api::ApiError::from_body(&response.body) {
        Some(api) => api.formatted(),
        None => format!("({}): {}", response.status, response.printable_text()),
    }
}

/// Every item of a list path, page after page.
fn list_all(client: &ApiClient, path: &str) -> anyhow::Result<Vec<Resource>> {
    let mut items = Vec::new();
    for page in 0..MAX_PAGES {
        let url = format!("{path}?size={PAGE_SIZE}&offset={}", page * PAGE_SIZE);
        let response = client.get(&url)?;
        if response.status != 200 {
            bail!("failed to list {path}: {}", response_error(&response));
        }
        let body: Value = response
            .json()
            .with_context(|| format!("failed to list {path}"))?;
        let page_items = body
            .get("items")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let count = page_items.len();
        for item in page_items {
            items.push(
                Resource::from_json(item).map_err(|e| anyhow!("failed to list {path}: {e}"))?,
            );
        }
        let total = body.get("total").and_then(Value::as_u64).unwrap_or(0) as usize;
        if count < PAGE_SIZE || items.len() >= total {
            return Ok(items);
        }
    }
    bail!(
        "failed to list {path}: more than {} items",
        PAGE_SIZE * MAX_PAGES
    )
}

/// The resources of `-f` files; types the plan does not read are skipped.
fn inventory_from_files(paths: &[String]) -> anyhow::Result<Inventory> {
    let mut inventory = Inventory::default();
    for path in paths {
        let reader: Box<dyn std::io::BufRead> = if path == "-" {
            Box::new(std::io::BufReader::new(std::io::stdin()))
        } else {
            Box::new(std::io::BufReader::new(
                std::fs::File::open(path).with_context(|| format!("failed to read {path}"))?,
            ))
        };
        for (i, text) in Documents::with_limit(reader, files::DOCUMENT_LIMIT).enumerate() {
            let text = text.with_context(|| format!("failed to read {path}"))?;
            let resource =
                document::parse(&text).map_err(|e| anyhow!("{path}: resource[{i}]: {e}"))?;
            match resource.resource_type().name {
                "ZoneEgress" => inventory.zone_egresses.push(resource),
                "Mesh" => inventory.meshes.push(resource),
                "MeshIdentity" => inventory.mesh_identities.push(resource),
                "MeshTrafficPermission" => inventory.traffic_permissions.push(resource),
                _ => {}
            }
        }
    }
    Ok(inventory)
}

fn read_values(paths: &[PathBuf]) -> anyhow::Result<Map<String, Value>> {
    let mut values = Map::new();
    for path in paths {
        let data =
            files::read_file_bounded(path, files::DOCUMENT_LIMIT).map_err(|e| anyhow!("{e}"))?;
        let text =
            String::from_utf8(data).map_err(|_| anyhow!("{}: not UTF-8 text", path.display()))?;
        let parsed = parse_values_document(&text)
            .with_context(|| format!("failed to read values {}", path.display()))?;
        merge_maps(&mut values, parsed);
    }
    Ok(values)
}

fn yaml(value: &Value) -> anyhow::Result<String> {
    Ok(serde_yaml::to_string(value)?)
}

/// Lines of YAML as comments under `indent`.
fn commented(text: &str, indent: &str) -> String {
    text.lines().map(|l| format!("#{indent}{l}\n")).collect()
}

/// The report: pre-flight per mesh, what blocks, the steps, what has no equivalent.
fn report(plan: &Plan) -> anyhow::Result<String> {
    let mut out = String::new();
    let format = match plan.format {
        Format::Universal => "Universal",
        Format::Kubernetes => "Kubernetes",
    };
    out += &format!(
        "# Migration from the legacy ZoneEgress to mesh-scoped zone egress ({format})\n#\n# Pre-flight:\n"
    );
    if plan.meshes.is_empty() {
        out += "# there is no Mesh\n";
    }
    for mesh in &plan.meshes {
        if !mesh.routes_through_egress {
            out += &format!(
                "# mesh {:?}: does not route through the legacy Zone Egress (routing.zoneEgress is not true): no zone egress planned\n",
                mesh.mesh
            );
            continue;
        }
        out += &format!(
            "# mesh {:?}: routes through the legacy Zone Egress (routing.zoneEgress: true)\n",
            mesh.mesh
        );
        for check in &mesh.checks {
            out += &format!(
                "#   {} {}\n",
                if check.ok { "ok     " } else { "MISSING" },
                check.text
            );
            if let Some(fix) = &check.fix {
                out += &commented(&yaml(&fix.document)?, "       ");
            }
        }
    }
    for blocker in &plan.blockers {
        out += &format!("# BLOCKED: {blocker}\n");
    }
    for note in &plan.notes {
        out += &format!("# note: {note}\n");
    }
    out += "#\n# Plan:\n";
    match plan.format {
        Format::Universal => {
            if plan.dataplanes.is_empty() {
                out += "# nothing to create\n";
            }
            for (i, dp) in plan.dataplanes.iter().enumerate() {
                out += &format!(
                    "# {}. ZoneEgress {:?} -> Dataplane {:?} in mesh {:?}, listener {}, Envoy admin port {}:\n",
                    i + 1,
                    dp.zone_egress,
                    dp.name,
                    dp.mesh,
                    dp.listener,
                    dp.admin_port
                );
                let document = if plan.is_complete() {
                    "its document below; or kumactl migrate zone-egress --apply"
                } else {
                    "its document is printed once nothing blocks the plan"
                };
                out += &format!(
                    "#    kumactl apply -f {}.yaml   ({document})\n",
                    dp.file_stem()
                );
                out += &format!("#    {}\n", dp.token_command());
                out += &format!("#    {}\n", dp.kuma_dp_command());
            }
            let mut legacy: Vec<&str> = plan
                .dataplanes
                .iter()
                .map(|d| d.zone_egress.as_str())
                .collect();
            legacy.dedup();
            for name in legacy {
                out += &format!(
                    "# The legacy ZoneEgress {name:?} stays: once the new zone egresses carry the traffic, stop its kuma-dp and run kumactl delete zoneegress {name}\n"
                );
            }
        }
        Format::Kubernetes => {
            if plan.helm_values.is_none() {
                out += "# nothing to install\n";
            } else {
                out += "# Add the values below to the control plane's (kumactl install control-plane --values FILE, or helm upgrade -f FILE;\n";
                out += "# a values file replaces the whole meshes list). Each zone egress runs as Deployment kuma-<mesh>-egress with an\n";
                out += "# injected sidecar: restart these Deployments once the control plane is up (kumactl drops the chart's rollout hook).\n";
                out += "# Remove the legacy egress.* values and --egress-* flags once the new zone egresses carry the traffic.\n";
            }
            for note in &plan.value_notes {
                out += &format!("#   {}: {}\n", note.key, note.note);
            }
        }
    }
    out += "#\n# No equivalent in the mesh-scoped model:\n";
    for item in NO_EQUIVALENT {
        out += &format!("#   - {item}\n");
    }
    Ok(out)
}

pub fn run(ctx: &mut RootContext, args: ZoneEgressArgs) -> anyhow::Result<()> {
    let format = match args.format.as_str() {
        "kubernetes" => Format::Kubernetes,
        _ => Format::Universal,
    };
    if args.apply && format == Format::Kubernetes {
        bail!(
            "--apply creates Universal Dataplanes; on Kubernetes install the printed values (kumactl install control-plane --values FILE, or helm upgrade -f FILE)"
        );
    }
    let inventory = if args.files.is_empty() {
        let client = ctx.api_client()?;
        crate::cmd::legacy_egress::require_legacy_zone_egress(&client)?;
        inventory_from_control_plane(&client)?
    } else {
        inventory_from_files(&args.files)?
    };
    let plan = match format {
        Format::Universal => migrate::plan_universal(&inventory),
        Format::Kubernetes => {
            let values = read_values(&args.values_files)?;
            let flags = EgressFlags {
                enabled: args.egress_enabled,
                service_type: args.egress_service_type.clone(),
                node_selector: merge_key_values(&args.egress_node_selector),
                drain_time: args.egress_drain_time.clone(),
            };
            migrate::plan_kubernetes(&inventory, &values, &flags)
        }
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(report(&plan)?.as_bytes())?;
    let reasons = plan.blocking_reasons();
    if !reasons.is_empty() {
        stdout.flush()?;
        bail!(
            "the migration is blocked ({} to fix, see the report): {}",
            reasons.len(),
            reasons.join("; ")
        );
    }
    if args.apply {
        return apply(ctx, &plan, &mut stdout);
    }
    match format {
        Format::Universal => {
            for dp in &plan.dataplanes {
                write!(stdout, "---\n{}", yaml(&dp.document)?)?;
            }
        }
        Format::Kubernetes => {
            if let Some(values) = &plan.helm_values {
                write!(stdout, "---\n{}", yaml(values)?)?;
            }
        }
    }
    Ok(())
}

/// Creates the planned Dataplanes: every document is validated first, then each one that
/// does not exist yet is created; existing ones are left as they are.
fn apply(ctx: &RootContext, plan: &Plan, stdout: &mut impl Write) -> anyhow::Result<()> {
    let dataplane = descriptor::by_name("Dataplane").expect("the descriptor table has Dataplane");
    let mut resources = Vec::new();
    for dp in &plan.dataplanes {
        let text = yaml(&dp.document)?;
        let resource = document::parse(text.as_bytes()).map_err(|e| {
            anyhow!(
                "the Dataplane {:?} of mesh {:?} is not valid: {e}",
                dp.name,
                dp.mesh
            )
        })?;
        resources.push((dp, resource));
    }
    let client = ctx.api_client()?;
    for (dp, resource) in resources {
        let path = dataplane.item_path(&dp.mesh, &dp.name);
        let existing = client.get(&path)?;
        match existing.status {
            200 => {
                writeln!(
                    stdout,
                    "Dataplane {:?} in mesh {:?} already exists: left as it is",
                    dp.name, dp.mesh
                )?;
                continue;
            }
            404 => {}
            _ => bail!(
                "failed to read Dataplane {:?} of mesh {:?}: {}",
                dp.name,
                dp.mesh,
                response_error(&existing)
            ),
        }
        let body = serde_json::to_vec(&resource.to_json())?;
        let response = client.send(Method::PUT, &path, Some(body))?;
        if !matches!(response.status, 200 | 201) {
            bail!(
                "failed to create Dataplane {:?} in mesh {:?}: {}",
                dp.name,
                dp.mesh,
                response_error(&response)
            );
        }
        writeln!(
            stdout,
            "Dataplane {:?} created in mesh {:?}; next: {}",
            dp.name,
            dp.mesh,
            dp.token_command()
        )?;
    }
    Ok(())
}
