//! The secrets the token service reads and writes: signing keys, revocation lists and the
//! admin token. A narrow view of the resource store, so token code does not depend on
//! how resources are kept.

use super::labels;
use super::state::AppState;
use super::store::ResourceKey;
use crate::resources::descriptor::{self, ResourceType};
use crate::resources::spec::SecretSpec;
use crate::resources::spec::jsonpb::Reader;
use crate::resources::{Meta, Resource};

/// Secret access for the token service. `data` is the decoded secret value (the bytes
/// behind the base64 `data` field of a Secret or GlobalSecret).
pub trait SecretAccess: Send + Sync {
    fn global_secret(&self, name: &str) -> Option<Vec<u8>>;
    /// Names of the GlobalSecrets starting with `prefix`.
    fn global_secret_names(&self, prefix: &str) -> Vec<String>;
    /// Creates the GlobalSecret unless one of that name exists; true if created.
    fn create_global_secret(&self, name: &str, data: &[u8]) -> bool;
    fn mesh_secret(&self, mesh: &str, name: &str) -> Option<Vec<u8>>;
    /// Names of the Secrets of `mesh` starting with `prefix`.
    fn mesh_secret_names(&self, mesh: &str, prefix: &str) -> Vec<String>;
    /// Creates the Secret in `mesh` unless it exists or the mesh does not; true if
    /// created.
    fn create_mesh_secret(&self, mesh: &str, name: &str, data: &[u8]) -> bool;
}

/// [`SecretAccess`] over kuma-cp-lite's resource store: GlobalSecrets, and Secrets of a
/// mesh (owned by it, so they go with it).
pub struct StoreSecrets<'a>(pub &'a AppState);

fn secret_type(name: &str) -> &'static ResourceType {
    descriptor::by_name(name).expect("the descriptor table has Secret and GlobalSecret")
}

impl StoreSecrets<'_> {
    fn data(&self, type_name: &str, mesh: &str, name: &str) -> Option<Vec<u8>> {
        let stored = self
            .0
            .store
            .get(&ResourceKey::new(secret_type(type_name), mesh, name))?;
        SecretSpec::read(Reader::from_map(&stored.resource.spec))
            .ok()
            .map(|spec| spec.value().to_vec())
    }

    fn names(&self, type_name: &'static str, mesh: Option<&str>, prefix: &str) -> Vec<String> {
        self.0
            .store
            .list(type_name, mesh)
            .into_iter()
            .map(|stored| stored.resource.meta.name.clone())
            .filter(|name| name.starts_with(prefix))
            .collect()
    }

    /// Creates a secret (with the labels the control plane computes) unless it exists.
    pub fn create(&self, type_name: &str, mesh: &str, name: &str, data: &[u8]) -> bool {
        let t = secret_type(type_name);
        let now = chrono::Utc::now();
        let resource = Resource {
            meta: Meta {
                resource_type: t,
                mesh: mesh.to_string(),
                name: name.to_string(),
                creation_time: now,
                modification_time: now,
                labels: labels::compute(Default::default(), t, mesh, &self.0.options),
            },
            spec: SecretSpec {
                data: Some(data.to_vec()),
            }
            .write(),
        };
        let owner = (!mesh.is_empty()).then(|| ResourceKey::mesh(mesh));
        self.0.store.create(resource, owner.as_ref()).is_ok()
    }
}

impl SecretAccess for StoreSecrets<'_> {
    fn global_secret(&self, name: &str) -> Option<Vec<u8>> {
        self.data("GlobalSecret", "", name)
    }

    fn global_secret_names(&self, prefix: &str) -> Vec<String> {
        self.names("GlobalSecret", None, prefix)
    }

    fn create_global_secret(&self, name: &str, data: &[u8]) -> bool {
        self.create("GlobalSecret", "", name, data)
    }

    fn mesh_secret(&self, mesh: &str, name: &str) -> Option<Vec<u8>> {
        self.data("Secret", mesh, name)
    }

    fn mesh_secret_names(&self, mesh: &str, prefix: &str) -> Vec<String> {
        self.names("Secret", Some(mesh), prefix)
    }

    fn create_mesh_secret(&self, mesh: &str, name: &str, data: &[u8]) -> bool {
        self.create("Secret", mesh, name, data)
    }
}

#[cfg(test)]
pub mod memory {
    //! A map-backed [`SecretAccess`] for unit tests of the token code.

    use super::SecretAccess;
    use std::collections::BTreeMap;
    use std::sync::Mutex;

    #[derive(Default)]
    pub struct MemorySecrets {
        /// (mesh, name) → data; mesh "" for GlobalSecrets.
        pub secrets: Mutex<BTreeMap<(String, String), Vec<u8>>>,
    }

    impl MemorySecrets {
        pub fn put(&self, mesh: &str, name: &str, data: &[u8]) {
            self.secrets
                .lock()
                .unwrap()
                .insert((mesh.into(), name.into()), data.to_vec());
        }

        pub fn remove(&self, mesh: &str, name: &str) {
            self.secrets
                .lock()
                .unwrap()
                .remove(&(mesh.to_string(), name.to_string()));
        }

        fn names(&self, mesh: &str, prefix: &str) -> Vec<String> {
            self.secrets
                .lock()
                .unwrap()
                .keys()
                .filter(|(m, n)| m == mesh && n.starts_with(prefix))
                .map(|(_, n)| n.clone())
                .collect()
        }
    }

    impl SecretAccess for MemorySecrets {
        fn global_secret(&self, name: &str) -> Option<Vec<u8>> {
            self.mesh_secret("", name)
        }

        fn global_secret_names(&self, prefix: &str) -> Vec<String> {
            self.names("", prefix)
        }

        fn create_global_secret(&self, name: &str, data: &[u8]) -> bool {
            let mut secrets = self.secrets.lock().unwrap();
            let key = (String::new(), name.to_string());
            if secrets.contains_key(&key) {
                return false;
            }
            secrets.insert(key, data.to_vec());
            true
        }

        fn mesh_secret(&self, mesh: &str, name: &str) -> Option<Vec<u8>> {
            self.secrets
                .lock()
                .unwrap()
                .get(&(mesh.to_string(), name.to_string()))
                .cloned()
        }

        fn mesh_secret_names(&self, mesh: &str, prefix: &str) -> Vec<String> {
            self.names(mesh, prefix)
        }

        /// A mesh exists here when the marker secret `("", "mesh:<name>")` does.
        fn create_mesh_secret(&self, mesh: &str, name: &str, data: &[u8]) -> bool {
            let mut secrets = self.secrets.lock().unwrap();
            let key = (mesh.to_string(), name.to_string());
            if !secrets.contains_key(&(String::new(), format!("mesh:{mesh}")))
                || secrets.contains_key(&key)
            {
                return false;
            }
            secrets.insert(key, data.to_vec());
            true
        }
    }
}
