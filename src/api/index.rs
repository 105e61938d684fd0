//! `GET /` and `GET /who-am-i`.

use serde::{Deserialize, Serialize};

/// The index document (Go: `pkg/api-server/index_endpoints.go`, `IndexResponse` in
/// `api/openapi/types/zz_generated.api.go`). Field order is Kuma's JSON order, which is
/// also the order `kumactl version --detailed` prints.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    #[serde(
        rename = "basedOnKuma",
        default,
        skip_serializing_if = "String::is_empty"
    )]
    pub based_on_kuma: String,
    #[serde(rename = "clusterId", default)]
    pub cluster_id: String,
    #[serde(default)]
    pub gui: String,
    #[serde(default)]
    pub hostname: String,
    #[serde(rename = "instanceId", default)]
    pub instance_id: String,
    #[serde(default)]
    pub product: String,
    #[serde(default)]
    pub version: String,
}

/// The caller as the control plane sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhoAmI {
    pub name: String,
    pub groups: Vec<String>,
}
