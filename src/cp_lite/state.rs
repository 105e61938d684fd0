//! What every request handler can reach: the options and the instance's identity.
//! Later parts (resource store, token service) hang off the same state.

use super::options::ServerOptions;
use crate::api::Index;
use crate::build_info;
use std::sync::Arc;

pub type SharedState = Arc<AppState>;

pub struct AppState {
    pub options: ServerOptions,
    /// The document served at `GET /`, fixed for the life of the instance.
    pub index: Index,
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
            version: build_info::KUMA_VERSION.into(),
        };
        AppState { options, index }
    }
}
