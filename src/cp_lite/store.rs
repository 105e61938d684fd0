//! kuma-cp-lite's resource store: resources keyed by (type, mesh, name), each with a
//! version for optimistic concurrency and an optional owner whose deletion cascades
//! (Mesh → its resources, ZoneEgress → its insight), as Kuma's memory store.
//!
//! Writers never overwrite blindly: `update` names the version it read, and fails with
//! [`StoreError::Conflict`] if someone wrote in between, so callers re-read and retry.
//! That is what keeps concurrent PUTs from losing updates.
//!
//! Layout, for list pages and memory: one table per type, sorted by (mesh, name), made of
//! chunks of at most [`CHUNK`] entries. Finding a key or a mesh is a binary search over
//! the chunks then within one; skipping `offset` entries walks the chunk lengths (a few
//! hundred numbers at 100k entries), so an unfiltered page costs O(page + log n) plus that
//! short walk, never a copy of the whole type. Each entry keeps the resource as the JSON
//! the API serves (Kuma's pretty form), its labels packed in one allocation for the list
//! filters, and its version; handlers parse the JSON back only when they need the fields.

use crate::output::json::PrettyJson;
use crate::resources::descriptor::{ResourceType, Scope};
use crate::resources::resource::META_FIELDS;
use crate::resources::{Resource, time};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::{Arc, OnceLock, RwLock, RwLockReadGuard, RwLockWriteGuard};

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
    pub resource: StoredResource,
    pub version: u64,
}

/// A resource as the store keeps it: its Universal JSON as the API serves it (Kuma's
/// pretty form without the trailing newline). It derefs to the [`Resource`], read back
/// from that JSON on first use.
#[derive(Clone, Debug)]
pub struct StoredResource {
    json: Arc<str>,
    parsed: OnceLock<Resource>,
}

impl StoredResource {
    /// Serializes `resource`.
    pub fn new(resource: &Resource) -> StoredResource {
        let mut body = Vec::with_capacity(1024);
        let mut json = PrettyJson::new(&mut body, 1);
        if resource
            .spec
            .keys()
            .any(|k| META_FIELDS.contains(&k.as_str()))
        {
            // A spec field named like a meta field replaces it in place: leave that rare
            // case to `to_json`.
            json.value(&resource.to_json(), 0);
        } else {
            write_universal(resource, &mut json);
        }
        // The writer writes whole UTF-8 strings and ASCII around them.
        StoredResource::from_json(String::from_utf8(body).unwrap_or_default().into())
    }

    fn from_json(json: Arc<str>) -> StoredResource {
        StoredResource {
            json,
            parsed: OnceLock::new(),
        }
    }

    /// The JSON, as the API serves it minus the trailing newline.
    pub fn json(&self) -> &str {
        &self.json
    }
}

impl std::ops::Deref for StoredResource {
    type Target = Resource;

    fn deref(&self) -> &Resource {
        self.parsed.get_or_init(|| parse(&self.json))
    }
}

/// Reads back a resource the store serialized.
pub fn parse(json: &str) -> Resource {
    serde_json::from_str(json)
        .ok()
        .and_then(|value| Resource::from_json(value).ok())
        // The JSON was written by `StoredResource::new` from a valid resource.
        .expect("the store holds the JSON of a resource")
}

/// Writes what [`Resource::to_json`] holds, without building the JSON tree first.
fn write_universal(resource: &Resource, json: &mut PrettyJson<'_>) {
    let meta = &resource.meta;
    json.begin_object();
    let text = |json: &mut PrettyJson<'_>, key: &str, value: &str| {
        json.key(0, key);
        json.string(value);
    };
    text(json, "type", meta.resource_type.name);
    if meta.resource_type.scope == Scope::Mesh {
        text(json, "mesh", &meta.mesh);
    }
    text(json, "name", &meta.name);
    let created = time::format(&meta.creation_time);
    text(json, "creationTime", &created);
    if meta.modification_time == meta.creation_time {
        text(json, "modificationTime", &created);
    } else {
        text(
            json,
            "modificationTime",
            &time::format(&meta.modification_time),
        );
    }
    if !meta.labels.is_empty() {
        json.key(0, "labels");
        json.begin_object();
        for (key, value) in &meta.labels {
            json.key(1, key);
            json.string(value);
        }
        json.end_object(1);
    }
    if let Some(kri) = resource.kri() {
        text(json, "kri", &kri);
    }
    if let Some(snis) = crate::resources::policies::snis::compute(resource) {
        json.key(0, "snis");
        json.value(&snis, 1);
    }
    for (key, value) in &resource.spec {
        json.key(0, key);
        json.value(value, 1);
    }
    json.end_object(0);
}

/// A resource's labels for the list filters, packed in one allocation: each key and
/// value as a little-endian `u32` length followed by its bytes. The store keeps one copy
/// of each distinct set (most resources of a type share theirs), so an entry only holds
/// a pointer; the count is only touched by writers, under the write lock.
#[derive(Clone, Debug, Default)]
pub struct PackedLabels(Arc<[u8]>);

impl PackedLabels {
    pub fn pack(labels: &BTreeMap<String, String>) -> PackedLabels {
        let size = labels.iter().map(|(k, v)| 8 + k.len() + v.len()).sum();
        let mut out = Vec::with_capacity(size);
        for text in labels.iter().flat_map(|(k, v)| [k, v]) {
            let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
            out.extend_from_slice(&len.to_le_bytes());
            out.extend_from_slice(&text.as_bytes()[..len as usize]);
        }
        PackedLabels(out.into())
    }

    /// The value of the label `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        let mut rest: &[u8] = &self.0;
        let mut next = || -> Option<&[u8]> {
            let (len, tail) = rest.split_first_chunk::<4>()?;
            let (text, tail) = tail.split_at_checked(u32::from_le_bytes(*len) as usize)?;
            rest = tail;
            Some(text)
        };
        while let (Some(k), Some(v)) = (next(), next()) {
            if k == key.as_bytes() {
                return std::str::from_utf8(v).ok();
            }
        }
        None
    }
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

/// Which resources of a type a list page shows, given the name, the labels and the
/// served JSON: `None` keeps all of them.
pub type Filter<'a> = Option<&'a dyn Fn(&str, &PackedLabels, &str) -> bool>;

/// What kuma-cp-lite needs from a store. Implementations must be safe to share between
/// request handlers.
pub trait ResourceStore: Send + Sync {
    fn get(&self, key: &ResourceKey) -> Option<Stored>;

    /// The resources of a type, in one mesh or in all, sorted by (mesh, name).
    fn list(&self, type_name: &'static str, mesh: Option<&str>) -> Vec<Stored>;

    /// One page of a list: of the resources of a type (in one mesh or in all, sorted by
    /// (mesh, name)) that pass `filter` (given the name, labels and JSON), hands the JSON of
    /// the `size` from `offset` on to `visit`, in order, and returns how many passed.
    /// `visit` runs while the store is read-locked: it should only copy what it needs.
    fn page(
        &self,
        type_name: &'static str,
        mesh: Option<&str>,
        filter: Filter<'_>,
        offset: usize,
        size: usize,
        visit: &mut dyn FnMut(&str),
    ) -> usize;

    /// Stores a new resource, owned by `owner` if given (which must exist). Returns its
    /// version.
    fn create_from(
        &self,
        resource: &Resource,
        owner: Option<&ResourceKey>,
    ) -> Result<u64, StoreError>;

    /// Replaces a resource if it is still at `version`. Returns the new version.
    fn update_from(&self, resource: &Resource, version: u64) -> Result<u64, StoreError>;

    /// [`ResourceStore::create_from`], consuming the resource.
    fn create(&self, resource: Resource, owner: Option<&ResourceKey>) -> Result<u64, StoreError> {
        self.create_from(&resource, owner)
    }

    /// [`ResourceStore::update_from`], consuming the resource.
    fn update(&self, resource: Resource, version: u64) -> Result<u64, StoreError> {
        self.update_from(&resource, version)
    }

    /// Deletes a resource and, transitively, everything it owns. Returns the keys of the
    /// owned resources deleted with it.
    fn delete(&self, key: &ResourceKey) -> Result<Vec<ResourceKey>, StoreError>;
}

/// A mesh or resource name, kept inside the entry up to [`Name::INLINE`] bytes so that
/// searching a table does not chase a pointer per comparison (names are short).
enum Name {
    Inline { len: u8, bytes: [u8; Name::INLINE] },
    Heap(Box<str>),
}

impl Name {
    const INLINE: usize = 22;

    fn new(text: &str) -> Name {
        match u8::try_from(text.len()) {
            Ok(len) if text.len() <= Name::INLINE => {
                let mut bytes = [0; Name::INLINE];
                bytes[..text.len()].copy_from_slice(text.as_bytes());
                Name::Inline { len, bytes }
            }
            _ => Name::Heap(text.into()),
        }
    }

    fn as_str(&self) -> &str {
        // The bytes were copied from a `str` up to a character boundary (its end).
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    fn as_bytes(&self) -> &[u8] {
        match self {
            Name::Inline { len, bytes } => &bytes[..usize::from(*len)],
            Name::Heap(text) => text.as_bytes(),
        }
    }
}

struct Entry {
    mesh: Name,
    name: Name,
    labels: PackedLabels,
    owner: Option<Box<ResourceKey>>,
    json: Arc<str>,
    version: u64,
}

impl Entry {
    /// The entry of `resource` (serialized here, before any lock is taken).
    fn new(resource: &Resource, key: &ResourceKey, version: u64) -> Entry {
        Entry {
            mesh: Name::new(&key.mesh),
            name: Name::new(&key.name),
            labels: PackedLabels::pack(&resource.meta.labels),
            owner: None,
            json: StoredResource::new(resource).json,
            version,
        }
    }

    fn stored(&self) -> Stored {
        Stored {
            resource: StoredResource::from_json(self.json.clone()),
            version: self.version,
        }
    }

    fn cmp_key(&self, mesh: &str, name: &str) -> Ordering {
        // UTF-8 orders as its bytes do: no need to check the stored bytes on every probe.
        (self.mesh.as_bytes(), self.name.as_bytes()).cmp(&(mesh.as_bytes(), name.as_bytes()))
    }
}

/// Entries per chunk of a table: small enough that inserting into one moves little
/// memory, large enough that a table of 100k entries has only hundreds of chunks.
const CHUNK: usize = 256;

/// A position in a [`Table`]: a chunk and an index in it. The end of the table is
/// `(chunks.len(), 0)`.
#[derive(Clone, Copy, Debug)]
struct Pos {
    chunk: usize,
    index: usize,
}

/// The entries of one type, sorted by (mesh, name), in chunks that are never empty.
#[derive(Default)]
struct Table {
    chunks: Vec<Vec<Entry>>,
}

impl Table {
    /// The position of the first entry for which `before` is false (`before` must be
    /// true for a prefix of the table and false after it).
    fn partition_point(&self, before: impl Fn(&Entry) -> bool) -> Pos {
        let chunk = self
            .chunks
            .partition_point(|c| c.last().is_some_and(&before));
        let index = self
            .chunks
            .get(chunk)
            .map_or(0, |c| c.partition_point(&before));
        Pos { chunk, index }
    }

    /// Where (mesh, name) is, or where it would be inserted.
    fn find(&self, mesh: &str, name: &str) -> Result<Pos, Pos> {
        let pos = self.partition_point(|e| e.cmp_key(mesh, name) == Ordering::Less);
        match self.at(pos) {
            Some(entry) if entry.cmp_key(mesh, name) == Ordering::Equal => Ok(pos),
            _ => Err(pos),
        }
    }

    fn at(&self, pos: Pos) -> Option<&Entry> {
        self.chunks.get(pos.chunk)?.get(pos.index)
    }

    fn at_mut(&mut self, pos: Pos) -> Option<&mut Entry> {
        self.chunks.get_mut(pos.chunk)?.get_mut(pos.index)
    }

    /// How many entries come before `pos`.
    fn rank(&self, pos: Pos) -> usize {
        self.chunks[..pos.chunk.min(self.chunks.len())]
            .iter()
            .map(Vec::len)
            .sum::<usize>()
            + pos.index
    }

    /// The position of the entry with `rank` entries before it (or the end).
    fn nth(&self, mut rank: usize) -> Pos {
        for (chunk, entries) in self.chunks.iter().enumerate() {
            if rank < entries.len() {
                return Pos { chunk, index: rank };
            }
            rank -= entries.len();
        }
        Pos {
            chunk: self.chunks.len(),
            index: 0,
        }
    }

    fn iter_from(&self, pos: Pos) -> impl Iterator<Item = &Entry> {
        let first = self
            .chunks
            .get(pos.chunk)
            .map_or(&[][..], |c| &c[pos.index..]);
        first
            .iter()
            .chain(self.chunks.iter().skip(pos.chunk + 1).flatten())
    }

    /// The first position of `mesh` (all meshes: the start) and how many entries follow
    /// in it.
    fn range(&self, mesh: Option<&str>) -> (Pos, usize) {
        match mesh {
            None => (
                Pos { chunk: 0, index: 0 },
                self.chunks.iter().map(Vec::len).sum(),
            ),
            Some(mesh) => {
                let start = self.partition_point(|e| e.mesh.as_str() < mesh);
                let end = self.partition_point(|e| e.mesh.as_str() <= mesh);
                (start, self.rank(end) - self.rank(start))
            }
        }
    }

    fn insert(&mut self, pos: Pos, entry: Entry) {
        let Some(last) = self.chunks.len().checked_sub(1) else {
            self.chunks.push(vec![entry]);
            return;
        };
        let (chunk, index) = if pos.chunk > last {
            (last, self.chunks[last].len())
        } else {
            (pos.chunk, pos.index)
        };
        let entries = &mut self.chunks[chunk];
        if entries.len() < CHUNK {
            entries.insert(index, entry);
        } else if chunk == last && index == entries.len() {
            // Appending in key order (names with a growing number): start a new chunk
            // and leave the full one full.
            let mut next = Vec::with_capacity(CHUNK);
            next.push(entry);
            self.chunks.push(next);
        } else {
            let mut right = entries.split_off(CHUNK / 2);
            if index <= CHUNK / 2 {
                entries.insert(index, entry);
            } else {
                right.insert(index - CHUNK / 2, entry);
            }
            self.chunks.insert(chunk + 1, right);
        }
    }

    fn remove(&mut self, pos: Pos) -> Entry {
        let entry = self.chunks[pos.chunk].remove(pos.index);
        if self.chunks[pos.chunk].is_empty() {
            self.chunks.remove(pos.chunk);
        }
        entry
    }
}

#[derive(Default)]
struct Inner {
    tables: HashMap<&'static str, Table>,
    /// One copy of each distinct label set in use.
    label_sets: HashSet<Arc<[u8]>>,
    /// Owner → the resources it owns, except a Mesh's own resources: those are the
    /// Mesh's range of every table (see [`owns_by_mesh`]), so that every mesh-scoped
    /// write does not also insert into one set of all the mesh's resources.
    owned: BTreeMap<ResourceKey, BTreeSet<ResourceKey>>,
    last_version: u64,
}

impl Inner {
    fn next_version(&mut self) -> u64 {
        self.last_version += 1;
        self.last_version
    }

    /// The shared copy of `labels`.
    fn intern(&mut self, labels: PackedLabels) -> PackedLabels {
        match self.label_sets.get(&labels.0) {
            Some(shared) => PackedLabels(shared.clone()),
            None => {
                self.label_sets.insert(labels.0.clone());
                labels
            }
        }
    }

    /// Forgets a label set that no entry uses any more.
    fn release(&mut self, labels: PackedLabels) {
        // This copy and the set's: nobody else holds it.
        if Arc::strong_count(&labels.0) == 2 {
            self.label_sets.remove(&labels.0);
        }
    }

    /// The keys of the resources in `mesh`: a range of each table, which keeps its
    /// entries sorted by (mesh, name).
    fn in_mesh(&self, mesh: &str) -> Vec<ResourceKey> {
        let mut keys = Vec::new();
        for (type_name, table) in &self.tables {
            let (start, count) = table.range(Some(mesh));
            keys.extend(table.iter_from(start).take(count).map(|entry| ResourceKey {
                type_name,
                mesh: mesh.to_string(),
                name: entry.name.as_str().to_string(),
            }));
        }
        keys
    }

    fn entry(&self, key: &ResourceKey) -> Option<&Entry> {
        let table = self.tables.get(key.type_name)?;
        table.at(table.find(&key.mesh, &key.name).ok()?)
    }

    fn contains(&self, key: &ResourceKey) -> bool {
        self.entry(key).is_some()
    }

    fn remove(&mut self, key: &ResourceKey) -> Option<Entry> {
        let table = self.tables.get_mut(key.type_name)?;
        let pos = table.find(&key.mesh, &key.name).ok()?;
        let mut entry = table.remove(pos);
        self.release(std::mem::take(&mut entry.labels));
        Some(entry)
    }

    /// Removes `key` and what it owns; returns the owned keys removed.
    fn remove_tree(&mut self, key: &ResourceKey) -> Vec<ResourceKey> {
        let mut removed = Vec::new();
        let mut pending: Vec<ResourceKey> = self
            .owned
            .remove(key)
            .map(|children| children.into_iter().collect())
            .unwrap_or_default();
        if key.type_name == "Mesh" {
            pending.extend(self.in_mesh(&key.name));
        }
        while let Some(child) = pending.pop() {
            if self.remove(&child).is_some() {
                if let Some(grandchildren) = self.owned.remove(&child) {
                    pending.extend(grandchildren);
                }
                removed.push(child);
            }
        }
        if let Some(entry) = self.remove(key)
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

/// Whether `owner` owns `key` by being its Mesh, which the tables already record.
fn owns_by_mesh(owner: &ResourceKey, key: &ResourceKey) -> bool {
    owner.type_name == "Mesh" && owner.mesh.is_empty() && owner.name == key.mesh
}

/// The in-memory store: one lock around the tables. Reads share the lock; writes hold
/// it only to compare versions and swap entries (resources are serialized before).
#[derive(Default)]
pub struct MemoryStore {
    inner: RwLock<Inner>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    // A panic while holding the lock cannot leave the tables half-updated (every write is
    // a few vector operations), so a poisoned lock is still consistent and usable.
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
        self.read().entry(key).map(Entry::stored)
    }

    fn list(&self, type_name: &'static str, mesh: Option<&str>) -> Vec<Stored> {
        let inner = self.read();
        let Some(table) = inner.tables.get(type_name) else {
            return Vec::new();
        };
        let (start, count) = table.range(mesh);
        table
            .iter_from(start)
            .take(count)
            .map(Entry::stored)
            .collect()
    }

    fn page(
        &self,
        type_name: &'static str,
        mesh: Option<&str>,
        filter: Filter<'_>,
        offset: usize,
        size: usize,
        visit: &mut dyn FnMut(&str),
    ) -> usize {
        let inner = self.read();
        let Some(table) = inner.tables.get(type_name) else {
            return 0;
        };
        let (start, count) = table.range(mesh);
        match filter {
            None => {
                let skip = offset.min(count);
                let first = table.nth(table.rank(start) + skip);
                for entry in table.iter_from(first).take(size.min(count - skip)) {
                    visit(&entry.json);
                }
                count
            }
            Some(filter) => {
                let mut matching = 0;
                for entry in table.iter_from(start).take(count) {
                    if filter(entry.name.as_str(), &entry.labels, &entry.json) {
                        if matching >= offset && matching - offset < size {
                            visit(&entry.json);
                        }
                        matching += 1;
                    }
                }
                matching
            }
        }
    }

    fn create_from(
        &self,
        resource: &Resource,
        owner: Option<&ResourceKey>,
    ) -> Result<u64, StoreError> {
        let key = ResourceKey::of(resource);
        let mut entry = Entry::new(resource, &key, 0);
        entry.owner = owner.map(|owner| Box::new(owner.clone()));
        let mut inner = self.write();
        let table = inner.tables.entry(key.type_name).or_default();
        let Err(pos) = table.find(&key.mesh, &key.name) else {
            return Err(StoreError::AlreadyExists(key));
        };
        if let Some(owner) = owner
            && !inner.contains(owner)
        {
            return Err(StoreError::OwnerNotFound {
                owner: owner.clone(),
            });
        }
        let version = inner.next_version();
        entry.version = version;
        entry.labels = inner.intern(entry.labels);
        if let Some(owner) = owner
            && !owns_by_mesh(owner, &key)
        {
            inner
                .owned
                .entry(owner.clone())
                .or_default()
                .insert(key.clone());
        }
        inner
            .tables
            .entry(key.type_name)
            .or_default()
            .insert(pos, entry);
        Ok(version)
    }

    fn update_from(&self, resource: &Resource, version: u64) -> Result<u64, StoreError> {
        let key = ResourceKey::of(resource);
        let fresh = Entry::new(resource, &key, 0);
        let mut inner = self.write();
        let pos = match inner
            .tables
            .get(key.type_name)
            .map(|t| t.find(&key.mesh, &key.name))
        {
            Some(Ok(pos)) => pos,
            _ => return Err(StoreError::NotFound(key)),
        };
        let current = inner.tables[key.type_name].at(pos).map(|e| e.version);
        if current != Some(version) {
            return Err(StoreError::Conflict(key));
        }
        let next = inner.next_version();
        let labels = inner.intern(fresh.labels);
        let entry = inner
            .tables
            .get_mut(key.type_name)
            .and_then(|table| table.at_mut(pos))
            .ok_or_else(|| StoreError::NotFound(key.clone()))?;
        let previous = std::mem::replace(&mut entry.labels, labels);
        entry.json = fresh.json;
        entry.version = next;
        inner.release(previous);
        Ok(next)
    }

    fn delete(&self, key: &ResourceKey) -> Result<Vec<ResourceKey>, StoreError> {
        let mut inner = self.write();
        if !inner.contains(key) {
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
        // What a resource of the mesh owns goes with it.
        let dataplane = resource(json!({"type": "Dataplane", "mesh": "m1", "name": "dp"}));
        store
            .create(dataplane.clone(), Some(&ResourceKey::mesh("m1")))
            .unwrap();
        let insight = json!({"type": "DataplaneInsight", "mesh": "m1", "name": "dp"});
        store
            .create(resource(insight), Some(&ResourceKey::of(&dataplane)))
            .unwrap();
        let removed = store.delete(&ResourceKey::mesh("m1")).unwrap();
        let removed: Vec<String> = removed
            .iter()
            .map(|k| format!("{} {}/{}", k.type_name, k.mesh, k.name))
            .collect();
        assert_eq!(
            removed,
            [
                "Dataplane m1/dp",
                "DataplaneInsight m1/dp",
                "Secret m1/a",
                "Secret m1/b"
            ]
        );
        assert_eq!(names(None), vec!["m2/a"]);
        assert!(store.list("Dataplane", None).is_empty());
        assert!(store.list("DataplaneInsight", None).is_empty());
        assert!(matches!(
            store.create(
                resource(json!({"type": "Secret", "mesh": "m1", "name": "c"})),
                Some(&ResourceKey::mesh("m1"))
            ),
            Err(StoreError::OwnerNotFound { .. })
        ));
    }

    /// Many resources in an order that splits chunks in the middle, deletes that empty
    /// chunks, and pages compared with the same cut of a plain sorted list.
    #[test]
    fn large_tables_page_like_a_sorted_list() {
        let store = MemoryStore::new();
        for mesh in ["a", "b", "c"] {
            store
                .create(resource(json!({"type": "Mesh", "name": mesh})), None)
                .unwrap();
        }
        let mut expected = Vec::new();
        // 7919 is prime: i * 7919 % 3000 visits 0..3000 in a scattered order.
        for i in 0..3000u32 {
            let n = i * 7919 % 3000;
            let mesh = ["a", "b", "c"][(n % 3) as usize];
            let name = format!("s-{n:05}");
            let team = if n % 7 == 0 { "seven" } else { "other" };
            store
                .create(
                    resource(json!({"type": "Secret", "mesh": mesh, "name": name,
                        "labels": {"team": team}})),
                    Some(&ResourceKey::mesh(mesh)),
                )
                .unwrap();
            expected.push((mesh.to_string(), name, team));
        }
        for n in (0..3000u32).filter(|n| n % 5 == 0) {
            let mesh = ["a", "b", "c"][(n % 3) as usize];
            let key = ResourceKey::new(
                crate::resources::descriptor::by_name("Secret").unwrap(),
                mesh,
                &format!("s-{n:05}"),
            );
            store.delete(&key).unwrap();
            expected.retain(|(m, name, _)| !(m == mesh && *name == key.name));
        }
        expected.sort();
        let page = |mesh: Option<&str>, seven: bool, offset: usize, size: usize| {
            let filter =
                |_: &str, labels: &PackedLabels, _: &str| labels.get("team") == Some("seven");
            let filter: Filter<'_> = seven.then_some(&filter);
            let mut names = Vec::new();
            let total = store.page("Secret", mesh, filter, offset, size, &mut |json| {
                let r = parse(json);
                names.push(format!("{}/{}", r.meta.mesh, r.meta.name));
            });
            (total, names)
        };
        for mesh in [None, Some("a"), Some("b"), Some("c"), Some("0"), Some("d")] {
            for seven in [false, true] {
                let all: Vec<String> = expected
                    .iter()
                    .filter(|(m, _, team)| {
                        mesh.is_none_or(|x| x == m) && (!seven || *team == "seven")
                    })
                    .map(|(m, name, _)| format!("{m}/{name}"))
                    .collect();
                for (offset, size) in [
                    (0, 100),
                    (0, 5000),
                    (250, 100),
                    (799, 3),
                    (2399, 100),
                    (5000, 10),
                ] {
                    let want: Vec<String> = all.iter().skip(offset).take(size).cloned().collect();
                    assert_eq!(page(mesh, seven, offset, size), (all.len(), want));
                }
            }
        }
        let secret = ResourceKey::new(
            crate::resources::descriptor::by_name("Secret").unwrap(),
            "b",
            "s-00001",
        );
        let stored = store.get(&secret).unwrap();
        assert_eq!(stored.resource.meta.labels.get("team").unwrap(), "other");
        assert_eq!(store.delete(&ResourceKey::mesh("b")).unwrap().len(), 800);
        assert_eq!(page(None, false, 0, 1).0, 1600);
        assert!(store.get(&secret).is_none());
    }

    #[test]
    fn stored_json_reads_back_as_the_resource() {
        let ze = resource(json!({"type": "ZoneEgress", "name": "ze-1",
            "creationTime": "2025-05-01T10:00:00.123456789Z",
            "labels": {"a": "1", "b\n": "é"}, "networking": {"address": "1.2.3.4", "port": 1.5}}));
        let stored = StoredResource::new(&ze);
        assert_eq!(*stored, ze);
        let mut body = crate::output::json::to_server_body(&ze.to_json());
        body.pop();
        assert_eq!(stored.json().as_bytes(), body);
        // Go's HTML escaping, nested values, and a modification time of its own.
        let policy = resource(json!({"type": "MeshTimeout", "mesh": "m", "name": "t",
            "creationTime": "2025-05-01T10:00:00Z", "modificationTime": "2025-05-02T10:00:00Z",
            "labels": {"x<y": "a&b\u{2028}"},
            "spec": {"targetRef": {"kind": "Mesh"}, "to": [{"default": {"a": [], "b": {}}}]}}));
        let stored = StoredResource::new(&policy);
        let mut body = crate::output::json::escape_html(crate::output::json::to_server_body(
            &policy.to_json(),
        ));
        body.pop();
        assert_eq!(stored.json(), String::from_utf8(body).unwrap());
        let labels = PackedLabels::pack(&ze.meta.labels);
        assert_eq!(labels.get("a"), Some("1"));
        assert_eq!(labels.get("b\n"), Some("é"));
        assert_eq!(labels.get("c"), None);
        assert_eq!(PackedLabels::default().get("a"), None);
    }

    #[test]
    fn label_sets_are_shared_and_forgotten_with_their_last_user() {
        let store = MemoryStore::new();
        let ze = |name: &str, team: &str| {
            resource(json!({"type": "ZoneEgress", "name": name, "labels": {"team": team}}))
        };
        let v1 = store.create(ze("a", "x"), None).unwrap();
        store.create(ze("b", "x"), None).unwrap();
        assert_eq!(store.read().label_sets.len(), 1);
        store.update(ze("a", "y"), v1).unwrap();
        assert_eq!(store.read().label_sets.len(), 2);
        let key = |name: &str| ResourceKey::of(&ze(name, ""));
        store.delete(&key("b")).unwrap();
        assert_eq!(store.read().label_sets.len(), 1);
        store.delete(&key("a")).unwrap();
        assert!(store.read().label_sets.is_empty());
    }
}
