//! What every request handler can reach: the options, the instance's identity and the
//! resource store (which also holds the token service's keys, as secrets).

use super::options::ServerOptions;
use super::store::{MemoryStore, ResourceStore};
use crate::api::Index;
use crate::build_info;
use std::sync::Arc;

pub type SharedState = Arc<AppState>;

pub struct AppState {
    pub options: ServerOptions,
    /// The document served at `GET /`, fixed for the life of the instance.
    pub index: Index,
    /// Every resource of the control plane.
    pub store: Arc<dyn ResourceStore>,
}

impl AppState {
    pub fn new(options: ServerOptions) -> AppState {
        let hostname = hostname::get()
            .map(|h| h.to_string_lossy().into_owned())
            .unwrap_or_else(|_| "localhost".into());
        let suffix = uuid::Uuid::new_v4().simple().to_string();
        let index = Index {
            based_on_kuma: String::new(),
            cluster_id: uuid::Uuid::new_v4().to_string(),
            // No GUI is served, which Kuma reports with an empty path.
            gui: String::new(),
            instance_id: format!("{hostname}-{}", &suffix[..4]),
            hostname,
            product: build_info::PRODUCT.into(),
            version: options
                .kuma_version
                .clone()
                .unwrap_or_else(|| build_info::KUMA_VERSION.into()),
        };
        let store = Arc::new(MemoryStore::new());
        if !options.skip_default_mesh {
            create_default_mesh(store.as_ref());
        }
        AppState {
            options,
            index,
            store,
        }
    }
}

/// Like Kuma at boot, a fresh control plane has the Mesh `default` (no mTLS).
fn create_default_mesh(store: &dyn ResourceStore) {
    let now = chrono::Utc::now();
    let mesh = crate::resources::Resource {
        meta: crate::resources::Meta {
            resource_type: crate::resources::descriptor::by_name("Mesh")
                .expect("the descriptor table has Mesh"),
            mesh: String::new(),
            name: "default".into(),
            creation_time: now,
            modification_time: now,
            labels: Default::default(),
        },
        spec: serde_json::Map::new(),
    };
    // The store is new and empty, so this cannot collide with anything.
    let _ = store.create(mesh, None);
}
