//! kuma-cp-lite's resource store: resources keyed by (type, mesh, name), each with a
//! version for optimistic concurrency and an optional owner whose deletion cascades
//! (Mesh → its resources, ZoneEgress → its insight), as Kuma's memory store.
//!
//! Writers never overwrite blindly: `update` names the version it read, and fails with
//! [`StoreError::Conflict`] if someone wrote in between, so callers re-read and retry.
//! That is what keeps concurrent PUTs from losing updates.

use crate::resources::Resource;
use crate::resources::descriptor::{ResourceType, Scope};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// Identifies a resource. Global-scoped types always have an empty mesh.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ResourceKey {
    pub type_name: &'static str,
    pub mesh: String,
    pub name: String,
}

impl ResourceKey {
    pub fn new(resource_type: &ResourceType, mesh: &str, name: &str) -> ResourceKey {
        ResourceKey {
            type_name: resource_type.name,
            mesh: match resource_type.scope {
                Scope::Global => String::new(),
                Scope::Mesh => mesh.to_string(),
            },
            name: name.to_string(),
        }
    }

    pub fn of(resource: &Resource) -> ResourceKey {
        ResourceKey::new(
            resource.meta.resource_type,
            &resource.meta.mesh,
            &resource.meta.name,
        )
    }

    /// The key of the Mesh named `mesh`.
    pub fn mesh(mesh: &str) -> ResourceKey {
        ResourceKey {
            type_name: "Mesh",
            mesh: String::new(),
            name: mesh.to_string(),
        }
    }
}

impl std::fmt::Display for ResourceKey {
    /// Kuma's wording: `type="ZoneEgress" name="ze-1" mesh=""`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "type={:?} name={:?} mesh={:?}",
            self.type_name, self.name, self.mesh
        )
    }
}

/// A stored resource and the version a later update must name.
#[derive(Clone, Debug)]
pub struct Stored {
    pub resource: Arc<Resource>,
    pub version: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("resource not found: {0}")]
    NotFound(ResourceKey),
    #[error("resource already exists: {0}")]
    AlreadyExists(ResourceKey),
    /// Someone else wrote the resource since the version the writer read.
    #[error("resource conflict: {0}")]
    Conflict(ResourceKey),
    /// The owner named at creation does not exist (any more).
    #[error("owner of the resource not found: {owner}")]
    OwnerNotFound { owner: ResourceKey },
}

/// What kuma-cp-lite needs from a store. Implementations must be safe to share between
/// request handlers.
pub trait ResourceStore: Send + Sync {
    fn get(&self, key: &ResourceKey) -> Option<Stored>;

    /// The resources of a type, in one mesh or in all, sorted by (mesh, name).
    fn list(&self, type_name: &'static str, mesh: Option<&str>) -> Vec<Stored>;

    /// Stores a new resource, owned by `owner` if given (which must exist). Returns its
    /// version.
    fn create(&self, resource: Resource, owner: Option<&ResourceKey>) -> Result<u64, StoreError>;

    /// Replaces a resource if it is still at `version`. Returns the new version.
    fn update(&self, resource: Resource, version: u64) -> Result<u64, StoreError>;

    /// Deletes a resource and, transitively, everything it owns. Returns the keys of the
    /// owned resources deleted with it.
    fn delete(&self, key: &ResourceKey) -> Result<Vec<ResourceKey>, StoreError>;
}

struct Entry {
    stored: Stored,
    owner: Option<ResourceKey>,
}

#[derive(Default)]
struct Inner {
    entries: BTreeMap<ResourceKey, Entry>,
    /// Owner → the resources it owns.
    owned: BTreeMap<ResourceKey, BTreeSet<ResourceKey>>,
    last_version: u64,
}

impl Inner {
    fn next_version(&mut self) -> u64 {
        self.last_version += 1;
        self.last_version
    }

    /// Removes `key` and what it owns; returns the owned keys removed.
    fn remove_tree(&mut self, key: &ResourceKey) -> Vec<ResourceKey> {
        let mut removed = Vec::new();
        let mut pending: Vec<ResourceKey> = self
            .owned
            .remove(key)
            .map(|children| children.into_iter().collect())
            .unwrap_or_default();
        while let Some(child) = pending.pop() {
            if self.entries.remove(&child).is_some() {
                if let Some(grandchildren) = self.owned.remove(&child) {
                    pending.extend(grandchildren);
                }
                removed.push(child);
            }
        }
        if let Some(entry) = self.entries.remove(key)
            && let Some(owner) = entry.owner
            && let Some(siblings) = self.owned.get_mut(&owner)
        {
            siblings.remove(key);
            if siblings.is_empty() {
                self.owned.remove(&owner);
            }
        }
        removed.sort();
        removed
    }
}

/// The in-memory store: one lock around ordered maps. Reads share the lock; writes hold
/// it only to compare versions and swap entries.
#[derive(Default)]
pub struct MemoryStore {
    inner: RwLock<Inner>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    // A panic while holding the lock cannot leave the maps half-updated (every write is
    // a few map operations), so a poisoned lock is still consistent and usable.
    fn read(&self) -> RwLockReadGuard<'_, Inner> {
        self.inner
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write(&self) -> RwLockWriteGuard<'_, Inner> {
        self.inner
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl ResourceStore for MemoryStore {
    fn get(&self, key: &ResourceKey) -> Option<Stored> {
        self.read()
            .entries
            .get(key)
            .map(|entry| entry.stored.clone())
    }

    fn list(&self, type_name: &'static str, mesh: Option<&str>) -> Vec<Stored> {
        let inner = self.read();
        let first = ResourceKey {
            type_name,
            mesh: mesh.unwrap_or_default().to_string(),
            name: String::new(),
        };
        inner
            .entries
            .range(first..)
            .take_while(|(key, _)| key.type_name == type_name && mesh.is_none_or(|m| key.mesh == m))
            .map(|(_, entry)| entry.stored.clone())
            .collect()
    }

    fn create(&self, resource: Resource, owner: Option<&ResourceKey>) -> Result<u64, StoreError> {
        let key = ResourceKey::of(&resource);
        let mut inner = self.write();
        if inner.entries.contains_key(&key) {
            return Err(StoreError::AlreadyExists(key));
        }
        if let Some(owner) = owner
            && !inner.entries.contains_key(owner)
        {
            return Err(StoreError::OwnerNotFound {
                owner: owner.clone(),
            });
        }
        let version = inner.next_version();
        if let Some(owner) = owner {
            inner
                .owned
                .entry(owner.clone())
                .or_default()
                .insert(key.clone());
        }
        inner.entries.insert(
            key,
            Entry {
                stored: Stored {
                    resource: Arc::new(resource),
                    version,
                },
                owner: owner.cloned(),
            },
        );
        Ok(version)
    }

    fn update(&self, resource: Resource, version: u64) -> Result<u64, StoreError> {
        let key = ResourceKey::of(&resource);
        let mut inner = self.write();
        let current = match inner.entries.get(&key) {
            None => return Err(StoreError::NotFound(key)),
            Some(entry) => entry.stored.version,
        };
        if current != version {
            return Err(StoreError::Conflict(key));
        }
        let next = inner.next_version();
        if let Some(entry) = inner.entries.get_mut(&key) {
            entry.stored = Stored {
                resource: Arc::new(resource),
                version: next,
            };
        }
        Ok(next)
    }

    fn delete(&self, key: &ResourceKey) -> Result<Vec<ResourceKey>, StoreError> {
        let mut inner = self.write();
        if !inner.entries.contains_key(key) {
            return Err(StoreError::NotFound(key.clone()));
        }
        Ok(inner.remove_tree(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn resource(value: serde_json::Value) -> Resource {
        Resource::from_json(value).unwrap()
    }

    #[test]
    fn versions_guard_updates() {
        let store = MemoryStore::new();
        let ze = resource(json!({"type": "ZoneEgress", "name": "ze-1"}));
        let v1 = store.create(ze.clone(), None).unwrap();
        assert_eq!(
            store.create(ze.clone(), None).unwrap_err().to_string(),
            r#"resource already exists: type="ZoneEgress" name="ze-1" mesh="""#
        );
        let v2 = store.update(ze.clone(), v1).unwrap();
        assert!(matches!(
            store.update(ze.clone(), v1),
            Err(StoreError::Conflict(_))
        ));
        assert_eq!(store.get(&ResourceKey::of(&ze)).unwrap().version, v2);
    }

    #[test]
    fn lists_are_sorted_by_mesh_then_name_and_deletes_cascade() {
        let store = MemoryStore::new();
        for mesh in ["m2", "m1"] {
            store
                .create(resource(json!({"type": "Mesh", "name": mesh})), None)
                .unwrap();
        }
        for (mesh, name) in [("m2", "a"), ("m1", "b"), ("m1", "a")] {
            store
                .create(
                    resource(json!({"type": "Secret", "mesh": mesh, "name": name})),
                    Some(&ResourceKey::mesh(mesh)),
                )
                .unwrap();
        }
        let names = |mesh: Option<&str>| {
            store
                .list("Secret", mesh)
                .iter()
                .map(|s| format!("{}/{}", s.resource.meta.mesh, s.resource.meta.name))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(None), vec!["m1/a", "m1/b", "m2/a"]);
        assert_eq!(names(Some("m2")), vec!["m2/a"]);
        assert_eq!(store.list("Mesh", None).len(), 2);
        let removed = store.delete(&ResourceKey::mesh("m1")).unwrap();
        assert_eq!(removed.len(), 2);
        assert_eq!(names(None), vec!["m2/a"]);
        assert!(matches!(
            store.create(
                resource(json!({"type": "Secret", "mesh": "m1", "name": "c"})),
                Some(&ResourceKey::mesh("m1"))
            ),
            Err(StoreError::OwnerNotFound { .. })
        ));
    }
}
