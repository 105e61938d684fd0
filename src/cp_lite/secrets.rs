//! The secrets the token service reads and writes: signing keys, revocation lists and the
//! admin token. A narrow view of the resource store, so token code does not depend on
//! how resources are kept.

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
    }
}
