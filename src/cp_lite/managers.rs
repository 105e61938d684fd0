//! The checks Kuma's resource managers make on top of resource validation, which need
//! the control plane's state (Kuma's `pkg/core/managers/apis/mesh/mesh_validator.go`,
//! `pkg/core/secrets/manager/validator.go`): Mesh names and CA backends on create and
//! update, and what may be deleted.

use super::store::{ResourceKey, ResourceStore, StoreError};
use crate::resources::Violation;
use crate::resources::spec::checks::{Violations, is_dns_name};
use crate::resources::spec::jsonpb::{Reader, Reason};
use crate::resources::spec::mesh::CaBackend;
use crate::resources::spec::{MeshSpec, TypedSpec};
use serde_json::{Map, Value};

pub const MESH_NAME_MAX_LENGTH: usize = 63;

/// The CA plugins of OSS Kuma.
pub const CA_PLUGINS: [&str; 2] = ["builtin", "provided"];

/// Checks of `resManager.Create` for a Mesh.
pub fn mesh_create_violations(
    store: &dyn ResourceStore,
    name: &str,
    spec: &MeshSpec,
) -> Vec<Violation> {
    let mut violations = Violations::default();
    if name.len() > MESH_NAME_MAX_LENGTH {
        violations.add(
            "name",
            format!("cannot be longer than {MESH_NAME_MAX_LENGTH} characters"),
        );
    }
    violations
        .0
        .extend(ca_backend_violations(store, name, spec));
    violations.into_vec()
}

/// Checks of `resManager.Update` for a Mesh: the CA may not change while mTLS stays on,
/// and the backends must still be valid.
pub fn mesh_update_violations(
    store: &dyn ResourceStore,
    name: &str,
    previous: &MeshSpec,
    next: &MeshSpec,
) -> Vec<Violation> {
    let mut violations = Violations::default();
    if previous.mtls_enabled()
        && next.mtls_enabled()
        && previous.enabled_backend() != next.enabled_backend()
    {
        violations.add(
            "mtls.enabledBackend",
            "Changing CA when mTLS is enabled is forbidden. Disable mTLS first and then change the CA",
        );
    }
    violations
        .0
        .extend(ca_backend_violations(store, name, next));
    violations.into_vec()
}

/// Every backend must name an installed plugin (checking stops at the first that does
/// not); unless `skipValidation`, each plugin then checks its configuration.
fn ca_backend_violations(store: &dyn ResourceStore, mesh: &str, spec: &MeshSpec) -> Vec<Violation> {
    let mut violations = Violations::default();
    let Some(mtls) = &spec.mtls else {
        return Vec::new();
    };
    for (i, backend) in mtls.backends.iter().enumerate() {
        if !CA_PLUGINS.contains(&backend.backend_type.as_str()) {
            violations.add(
                format!("mtls.backends[{i}].type"),
                "could not find installed plugin for this type",
            );
            return violations.into_vec();
        }
        if mtls.skip_validation {
            continue;
        }
        match backend.backend_type.as_str() {
            "builtin" => violations.0.extend(builtin_violations(i, mesh, backend)),
            _ => violations
                .0
                .extend(provided_violations(store, i, mesh, backend)),
        }
    }
    violations.into_vec()
}

/// The builtin CA stores its certificate as the Secret `<mesh>.ca-builtin-cert-<backend>`,
/// so that name must be a valid, short enough DNS name.
fn builtin_violations(index: usize, mesh: &str, backend: &CaBackend) -> Vec<Violation> {
    let mut violations = Violations::default();
    if let Err(reason) = read_builtin_conf(backend.conf.as_ref()) {
        violations.add(
            format!("mtls.backends[{index}].conf"),
            format!("could not convert backend config: {reason}"),
        );
        return violations.into_vec();
    }
    let secret_name = format!("{mesh}.ca-builtin-cert-{}", backend.name);
    if secret_name.len() > 255 {
        violations.add(
            "mtls.backends.name",
            "Backend name is too long. Max length: 255",
        );
    }
    if !is_dns_name(&secret_name) || secret_name.chars().any(|c| c.is_ascii_uppercase()) {
        violations.add(
            "mtls.backends.name",
            format!(
                "{} name must be valid dns name",
                crate::resources::spec::gojson::quote(&backend.name)
            ),
        );
    }
    violations.into_vec()
}

/// The builtin CA configuration: `caCert{RSAbits, expiration}`.
fn read_builtin_conf(conf: Option<&Map<String, Value>>) -> Result<(), Reason> {
    let Some(conf) = conf else {
        return Ok(());
    };
    let reader = Reader::from_map(conf);
    reader.message("caCert", |ca| {
        ca.raw("RSAbits")
            .map(crate::resources::spec::jsonpb::read_uint32)
            .transpose()?;
        ca.string("expiration")
    })?;
    Ok(())
}

/// Where a provided CA's certificate or key comes from.
enum DataSource {
    /// A Secret of the mesh.
    Secret(String),
    /// A file on the control plane's host.
    File(String),
    Inline(Vec<u8>),
    InlineString(String),
    /// None of the above is set.
    Unset,
}

/// The data source fields, read like Kuma's typed conversion of the backend `conf`.
fn read_data_source(value: &Value) -> Result<DataSource, Reason> {
    let reader = Reader::new(value)?;
    if reader.raw("secret").is_some() {
        return reader.string("secret").map(DataSource::Secret);
    }
    if reader.raw("file").is_some() {
        return reader.string("file").map(DataSource::File);
    }
    if reader.raw("inline").is_some() {
        return reader
            .bytes_wrapper("inline")
            .map(|bytes| DataSource::Inline(bytes.unwrap_or_default()));
    }
    if reader.raw("inlineString").is_some() {
        return reader.string("inlineString").map(DataSource::InlineString);
    }
    Ok(DataSource::Unset)
}

/// Kuma's data source validator: one source, not empty.
fn data_source_violations(source: &DataSource) -> Vec<Violation> {
    let mut violations = Violations::default();
    match source {
        DataSource::Secret(name) if name.is_empty() => violations.add("secret", "cannot be empty"),
        DataSource::File(path) if path.is_empty() => violations.add("file", "cannot be empty"),
        DataSource::Inline(bytes) if bytes.is_empty() => {
            violations.add("inline", "cannot be empty")
        }
        DataSource::InlineString(text) if text.is_empty() => {
            violations.add("inlineString", "cannot be empty")
        }
        DataSource::Unset => violations.add(
            "",
            "data source has to be chosen. Available sources: secret, file, inline",
        ),
        _ => {}
    }
    violations.into_vec()
}

/// (inferred) The wording of load failures.
fn load_data_source(
    store: &dyn ResourceStore,
    mesh: &str,
    source: &DataSource,
) -> Result<Vec<u8>, String> {
    match source {
        DataSource::Secret(name) => {
            let key = ResourceKey {
                type_name: "Secret",
                mesh: mesh.to_string(),
                name: name.clone(),
            };
            let stored = store
                .get(&key)
                .ok_or_else(|| format!("could not load data: {}", StoreError::NotFound(key)))?;
            match TypedSpec::read("Secret", &stored.resource.spec) {
                Some(Ok(TypedSpec::Secret(secret))) => Ok(secret.value().to_vec()),
                _ => Err("could not load data: the secret has no valid data".to_string()),
            }
        }
        // A file of this machine, as in Kuma; bounded, since anyone may name one.
        DataSource::File(path) => {
            crate::files::read_bounded(std::path::Path::new(path), crate::files::PEM_FILE_LIMIT)
                .map_err(|err| format!("could not load data: {err}"))
        }
        DataSource::Inline(bytes) => Ok(bytes.clone()),
        DataSource::InlineString(text) => Ok(text.as_bytes().to_vec()),
        DataSource::Unset => Err("could not load data: no data source".to_string()),
    }
}

/// A provided CA names its certificate and key as data sources (`secret`, `file`,
/// `inline`, `inlineString`). They must be set, load, form a key pair, and the
/// certificate must be a signing CA.
fn provided_violations(
    store: &dyn ResourceStore,
    index: usize,
    mesh: &str,
    backend: &CaBackend,
) -> Vec<Violation> {
    let conf_path = format!("mtls.backends[{index}].conf");
    let mut violations = Violations::default();
    let empty = Map::new();
    let conf = backend.conf.as_ref().unwrap_or(&empty);
    let mut sources = Vec::new();
    for part in ["cert", "key"] {
        let path = format!("{conf_path}.{part}");
        match conf.get(part).filter(|v| !v.is_null()) {
            None => violations.add(path, "has to be defined"),
            Some(value) => match read_data_source(value) {
                Ok(source) => {
                    violations.extend_under(&path, data_source_violations(&source));
                    sources.push((path, source));
                }
                Err(reason) => {
                    return vec![Violation::new(
                        conf_path,
                        format!("could not convert backend config: {reason}"),
                    )];
                }
            },
        }
    }
    if !violations.0.is_empty() {
        return violations.into_vec();
    }
    let mut material = Vec::new();
    for (path, source) in &sources {
        match load_data_source(store, mesh, source) {
            Ok(bytes) => material.push(bytes),
            Err(reason) => violations.add(path.clone(), reason),
        }
    }
    if let [cert, key] = material.as_slice() {
        for problem in super::ca::provided_ca_problems(cert, key) {
            violations.add(format!("{conf_path}.cert"), problem);
        }
    }
    violations.into_vec()
}

/// A Mesh with dataplanes cannot be deleted (`mesh_validator.go`).
pub fn mesh_delete_violations(store: &dyn ResourceStore, mesh: &str) -> Vec<Violation> {
    if store.list("Dataplane", Some(mesh)).is_empty() {
        Vec::new()
    } else {
        vec![Violation::new(
            "mesh",
            "unable to delete mesh, there are still some dataplanes attached",
        )]
    }
}

/// A Secret a `provided` CA backend of its mesh refers to cannot be deleted.
pub fn secret_delete_violations(
    store: &dyn ResourceStore,
    mesh: &str,
    name: &str,
) -> Vec<Violation> {
    let Some(stored) = store.get(&super::store::ResourceKey::mesh(mesh)) else {
        return Vec::new();
    };
    let Some(Ok(TypedSpec::Mesh(spec))) = TypedSpec::read("Mesh", &stored.resource.spec) else {
        return Vec::new();
    };
    let backends = spec.mtls.map(|m| m.backends).unwrap_or_default();
    for backend in backends.iter().filter(|b| b.backend_type == "provided") {
        let refers = ["cert", "key"].iter().any(|part| {
            backend
                .conf
                .as_ref()
                .and_then(|c| c.get(*part))
                .and_then(|source| source.get("secret"))
                .and_then(Value::as_str)
                == Some(name)
        });
        if refers {
            return vec![Violation::new(
                "name",
                format!(
                    "The secret {name:?} that you are trying to remove is currently in use in Mesh {mesh:?} in mTLS backend {:?}. Please remove the reference from the {:?} backend before removing the secret.",
                    backend.name, backend.name
                ),
            )];
        }
    }
    Vec::new()
}
