//! `kumactl export` (Go: `app/kumactl/cmd/export/export.go`): every resource of the
//! control plane, as one YAML stream to re-apply elsewhere (typically to move a zone
//! under a global control plane). The types come from the server's `GET /_resources`
//! and are known to kumactl through the descriptor table; every list is read to its last
//! page.

use super::context::{RootContext, compatibility_warning};
use super::get::list::Page;
use super::get::path_segment;
use crate::client::ApiClient;
use crate::output::{resources, yaml};
use crate::resources::descriptor::{self, BodyFamily, ResourceType, Scope};
use crate::resources::type_description::{TypeDescription, TypeDescriptions};
use anyhow::{Context, anyhow, bail};
use clap::Args;
use serde_json::{Map, Value, json};
use std::io::Write;

/// The label the federation profiles strip, so that the target re-labels what it imports.
const ORIGIN_LABEL: &str = "kuma.io/origin";

#[derive(Debug, Args)]
#[command(
    about = "Export Kuma resources",
    long_about = "Export Kuma resources.",
    after_help = "Examples:\n\nExport Kuma resources\n$ kumactl export --profile federation --format universal > policies.yaml"
)]
pub struct ExportArgs {
    /// Profile. Available values: all,federation,federation-with-policies,no-dataplanes
    #[arg(short = 'p', long, value_name = "string", default_value = "federation")]
    pub profile: String,
    /// Policy format output. Available values: "universal", "kubernetes"
    #[arg(short = 'f', long, value_name = "string", default_value = "universal")]
    pub format: String,
    /// Define namespace in which control-plane was installed
    #[arg(
        short = 'n',
        long,
        value_name = "string",
        default_value = "kuma-system"
    )]
    pub system_namespace: String,
    /// Include admin resource types (like secrets), this flag is ignored on migration profiles like federation as these entities are required
    #[arg(short = 'a', long)]
    pub include_admin: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Profile {
    All,
    Federation,
    FederationWithPolicies,
    NoDataplanes,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Universal,
    Kubernetes,
}

pub fn run(ctx: &mut RootContext, args: ExportArgs) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    // The compatibility check's `GET /` also gives the header, printed before the flags
    // are checked, as Go does.
    match ctx.server_index() {
        Err(err) => eprintln!(
            "WARNING: Failed to retrieve server version, can't check compatibility: {}",
            super::error_message(&err)
        ),
        Ok(index) => {
            if let Some(warning) = compatibility_warning(&index) {
                eprintln!("{warning}");
            }
            writeln!(
                out,
                "# Product: {}, Version: {}, Hostname: {}, ClusterId: {}, InstanceId: {}",
                index.product, index.version, index.hostname, index.cluster_id, index.instance_id
            )?;
        }
    }
    let profile = match args.profile.as_str() {
        "all" => Profile::All,
        "federation" => Profile::Federation,
        "federation-with-policies" => Profile::FederationWithPolicies,
        "no-dataplanes" => Profile::NoDataplanes,
        other => bail!("invalid profile: {other:?}"),
    };
    let format = match args.format.as_str() {
        "universal" => Format::Universal,
        "kubernetes" => Format::Kubernetes,
        other => bail!("invalid format: {other:?}"),
    };
    let client = ctx.api_client()?;
    let descriptions = resource_types(&client)?;
    let (types, incompatible) = select_types(&descriptions, profile, args.include_admin);
    if !incompatible.is_empty() {
        let names = incompatible.join(",");
        writeln!(
            out,
            "# The following types won't be exported because they are unknown to kumactl: {names}"
        )?;
        eprintln!(
            "WARNING: The following types won't be exported because they are unknown to kumactl: {names}. Are you using a compatible version of kumactl?"
        );
    }
    let meshes = list_all(&client, "/meshes").context("could not list meshes")?;
    let mut exported = Vec::new();
    let mut signing_keys = Vec::new();
    for t in types {
        let items = if t.name == "Mesh" {
            meshes.clone()
        } else {
            list_type(&client, t, &meshes)
                .with_context(|| format!("could not list {:?}", t.name))?
        };
        for item in items {
            let item = resources::normalize(item);
            let name = item["name"].as_str().unwrap_or_default();
            if t.name == "GlobalSecret" {
                // Each control plane has its own; the target keeps its own.
                if name == "envoy-admin-ca" || name == "inter-cp-ca" {
                    continue;
                }
                if name.starts_with("user-token-signing-key") {
                    signing_keys.push((t, item));
                    continue;
                }
            }
            exported.push((t, item));
        }
    }
    exported.append(&mut signing_keys);
    let federation = matches!(
        profile,
        Profile::Federation | Profile::FederationWithPolicies
    );
    for (t, item) in &mut exported {
        prepare(t, item, federation);
    }
    let text = match format {
        Format::Universal => universal(&exported),
        Format::Kubernetes => kubernetes(&client, &exported, profile, &args.system_namespace)?,
    };
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// `GET /_resources`.
fn resource_types(client: &ApiClient) -> anyhow::Result<Vec<TypeDescription>> {
    let response = client.get("/_resources")?;
    if response.status != 200 {
        bail!(
            "unexpected status code: {} {}",
            response.status,
            response.printable_text()
        );
    }
    let descriptions: TypeDescriptions = response.json()?;
    Ok(descriptions.resources)
}

/// The types the profile exports, in export order, and the names kumactl does not know.
fn select_types(
    descriptions: &[TypeDescription],
    profile: Profile,
    include_admin: bool,
) -> (Vec<&'static ResourceType>, Vec<String>) {
    let mut incompatible = Vec::new();
    let mut types = Vec::new();
    for d in descriptions {
        let Some(t) = descriptor::by_name(&d.name) else {
            incompatible.push(d.name.clone());
            continue;
        };
        let federation = matches!(
            profile,
            Profile::Federation | Profile::FederationWithPolicies
        );
        // A migration needs the secrets; other profiles include them on request.
        if t.admin_only && !federation && !include_admin {
            continue;
        }
        let keep = match profile {
            Profile::Federation => {
                d.include_in_federation
                    && !d.policy.is_some_and(|p| p.is_target_ref)
                    && t.name != "MeshGateway"
            }
            Profile::FederationWithPolicies => d.include_in_federation,
            Profile::NoDataplanes => !matches!(t.name, "Dataplane" | "DataplaneInsight"),
            Profile::All => true,
        };
        if keep {
            types.push(t);
        }
    }
    // Meshes first, their secrets next, global secrets last; a stable sort keeps the
    // server's (alphabetical) order among the others.
    types.sort_by_key(|t| match t.name {
        "Mesh" => 0,
        "Secret" => 1,
        "GlobalSecret" => 99,
        _ => 50,
    });
    (types, incompatible)
}

/// Every item of a type: one list for a global type, one per mesh for the others.
fn list_type(client: &ApiClient, t: &ResourceType, meshes: &[Value]) -> anyhow::Result<Vec<Value>> {
    match t.scope {
        Scope::Global => list_all(client, &t.list_path("")),
        Scope::Mesh => {
            let mut items = Vec::new();
            for mesh in meshes {
                let name = mesh["name"].as_str().unwrap_or_default();
                let segment =
                    path_segment(name).ok_or_else(|| anyhow!("invalid mesh name {name:?}"))?;
                items.extend(list_all(client, &t.list_path(&segment))?);
            }
            Ok(items)
        }
    }
}

/// Every page of a list, following the server's `next` links (Go kumactl read only the
/// first page, 100 items, and exported the rest of a longer list silently truncated).
fn list_all(client: &ApiClient, path: &str) -> anyhow::Result<Vec<Value>> {
    let mut items = Vec::new();
    let mut offset: Option<String> = None;
    loop {
        let request = match &offset {
            None => path.to_string(),
            Some(offset) => {
                let query: String = url::form_urlencoded::Serializer::new(String::new())
                    .append_pair("offset", offset)
                    .finish();
                format!("{path}?{query}")
            }
        };
        let page: Page = client.get(&request)?.json()?;
        let next = page.next_offset()?;
        let empty = page.items.is_empty();
        items.extend(page.items);
        match next {
            None => return Ok(items),
            // A next page after an empty one, or the same page again, would never end.
            Some(next) if empty || offset.as_deref() == Some(next.as_str()) => {
                bail!("the server's next page link does not advance ({request})")
            }
            Some(next) => offset = Some(next),
        }
    }
}

/// What export changes in each resource: meshes re-created as they are (no default
/// policies, builtin CAs turned into the provided secrets they are stored in), and for
/// the federation profiles no `kuma.io/origin` label.
fn prepare(t: &ResourceType, item: &mut Value, federation: bool) {
    let Value::Object(fields) = item else {
        return;
    };
    if t.name == "Mesh" {
        let mesh = fields
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        fields.insert("skipCreatingInitialPolicies".into(), json!(["*"]));
        if let Some(Value::Object(mtls)) = fields.get_mut("mtls") {
            let mut rewritten = false;
            if let Some(Value::Array(backends)) = mtls.get_mut("backends") {
                for backend in backends.iter_mut().filter_map(Value::as_object_mut) {
                    if backend.get("type").and_then(Value::as_str) != Some("builtin") {
                        continue;
                    }
                    let name = backend
                        .get("name")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string();
                    backend.insert("type".into(), "provided".into());
                    backend.insert(
                        "conf".into(),
                        json!({
                            "cert": {"secret": format!("{mesh}.ca-builtin-cert-{name}")},
                            "key": {"secret": format!("{mesh}.ca-builtin-key-{name}")},
                        }),
                    );
                    rewritten = true;
                }
            }
            if rewritten {
                mtls.insert("skipValidation".into(), true.into());
            }
        }
    }
    if t.name == "ServiceInsight" {
        // kumactl reads each item as a ServiceInsight, whose only spec field is `services`.
        let (meta, spec) = split(fields);
        let mut kept = meta;
        if let Some(services) = spec.get("services") {
            kept.insert("services".into(), services.clone());
        }
        *fields = kept;
    }
    if federation && let Some(Value::Object(labels)) = fields.get_mut("labels") {
        labels.shift_remove(ORIGIN_LABEL);
        if labels.is_empty() {
            fields.shift_remove("labels");
        }
    }
}

/// Meta fields and the rest.
fn split(fields: &Map<String, Value>) -> (Map<String, Value>, Map<String, Value>) {
    let mut meta = Map::new();
    let mut rest = Map::new();
    for (key, value) in fields {
        if crate::resources::resource::META_FIELDS.contains(&key.as_str()) {
            meta.insert(key.clone(), value.clone());
        } else {
            rest.insert(key.clone(), value.clone());
        }
    }
    (meta, rest)
}

/// `---` before each resource: legacy types as `get -o yaml` prints them (meta block,
/// then spec block), the others as one sorted document with `spec` (and `status`) nested.
fn universal(exported: &[(&ResourceType, Value)]) -> String {
    let mut text = String::new();
    for (t, item) in exported {
        text.push_str("---\n");
        match t.family {
            BodyFamily::Legacy => text.push_str(&resources::single_yaml(item)),
            BodyFamily::SpecObject => yaml::write_document(&mut text, item),
        }
    }
    text
}

/// Each resource in the control plane's Kubernetes form, cleaned of what only a live
/// cluster has, `---` between objects.
fn kubernetes(
    client: &ApiClient,
    exported: &[(&ResourceType, Value)],
    profile: Profile,
    system_namespace: &str,
) -> anyhow::Result<String> {
    let mut documents = Vec::new();
    for (t, item) in exported {
        let mesh = item["mesh"].as_str().unwrap_or_default();
        let name = item["name"].as_str().unwrap_or_default();
        let segment = |text: &str| {
            path_segment(text).ok_or_else(|| anyhow!("invalid resource name {text:?}"))
        };
        let path = format!(
            "{}?format=k8s",
            t.item_path(&segment(mesh)?, &segment(name)?)
        );
        let response = client.get(&path)?;
        if response.status != 200 {
            bail!(
                "unexpected status code: {} {}",
                response.status,
                response.printable_text()
            );
        }
        let mut object: Value = response.json()?;
        let Some(fields) = object.as_object_mut() else {
            bail!(
                "the Kubernetes form of {} {name:?} is not an object",
                t.name
            );
        };
        let metadata = fields.get_mut("metadata").and_then(Value::as_object_mut);
        if let Some(metadata) = metadata {
            let foreign = metadata
                .get("namespace")
                .and_then(Value::as_str)
                .is_some_and(|ns| ns != system_namespace);
            if profile != Profile::All && foreign {
                continue;
            }
            for key in [
                "resourceVersion",
                "ownerReferences",
                "uid",
                "generation",
                "managedFields",
            ] {
                metadata.shift_remove(key);
            }
            if matches!(
                profile,
                Profile::Federation | Profile::FederationWithPolicies
            ) {
                for key in ["labels", "annotations"] {
                    if let Some(Value::Object(map)) = metadata.get_mut(key) {
                        map.shift_remove(ORIGIN_LABEL);
                    }
                }
            }
        }
        if t.name == "Mesh"
            && let Value::Object(universal) = item
        {
            fields.insert("spec".into(), Value::Object(split(universal).1));
        }
        documents.push(yaml::to_string(&object));
    }
    Ok(documents.join("---\n"))
}
