//! Knowing a Kuma 3.x control plane, which removed the legacy Zone Egress (the ZoneEgress
//! types and REST paths, the `egress` zone token scope; master's `UPGRADE.md`). Against
//! one, the commands that need the legacy egress fail with one line that names the
//! migration, instead of Kuma's bare 404. The check costs a request only when it
//! matters: after a 404, or before asking for an egress zone token.

use crate::client::ApiClient;
use crate::migrate::removes_legacy_zone_egress;
use serde_json::Value;

/// The stderr note of `install control-plane --egress-enabled`.
pub const INSTALL_NOTE: &str = "Note: Kuma 3.0 removes the legacy Zone Egress (egress.* values and the --egress-* flags); before upgrading, move to mesh-scoped zone egress with: kumactl migrate zone-egress --format kubernetes";

/// The version of the control plane when it is Kuma 3.x: a major version of 3 or more,
/// or a preview build whose `GET /_resources` lists no ZoneEgress (master's
/// `pkg/api-server/testdata/base_endpoints/_resources.golden.json`).
pub fn kuma3_version(client: &ApiClient) -> Option<String> {
    let index = client.index().ok()?;
    if removes_legacy_zone_egress(&index.version) {
        return Some(index.version);
    }
    if !index.version.contains("preview") {
        return None;
    }
    let response = client.get("/_resources").ok()?;
    if response.status != 200 {
        return None;
    }
    let body: Value = response.json().ok()?;
    let names = body.get("resources")?.as_array()?;
    let has_zone_egress = names
        .iter()
        .any(|r| r.get("name").and_then(Value::as_str) == Some("ZoneEgress"));
    (!has_zone_egress).then_some(index.version)
}

/// The error for `what` (e.g. `ZoneEgress`) against a Kuma 3.x control plane.
pub fn removed(what: &str, version: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "{what} does not exist on this control plane: it runs Kuma {version}, which removed the legacy Zone Egress; use mesh-scoped zone egress (a Dataplane with a ZoneEgress listener per mesh), which `kumactl migrate zone-egress` plans and creates"
    )
}

/// Fails with [`removed`] when the control plane is Kuma 3.x.
pub fn require_legacy(client: &ApiClient, what: &str) -> anyhow::Result<()> {
    match kuma3_version(client) {
        Some(version) => Err(removed(what, &version)),
        None => Ok(()),
    }
}

/// The legacy types, whose commands know a 3.x control plane.
pub fn is_legacy_type(type_name: &str) -> bool {
    matches!(
        type_name,
        "ZoneEgress" | "ZoneEgressInsight" | "ZoneIngress" | "ZoneIngressInsight"
    )
}

/// For `kumactl migrate zone-egress`: there is nothing to migrate from on Kuma 3.x.
pub fn require_legacy_zone_egress(client: &ApiClient) -> anyhow::Result<()> {
    match kuma3_version(client) {
        Some(version) => Err(anyhow::anyhow!(
            "the control plane runs Kuma {version}, which removed the legacy Zone Egress, so there is nothing to migrate from: run kumactl migrate zone-egress against the Kuma 2.x control plane before upgrading it, or give the resources with -f"
        )),
        None => Ok(()),
    }
}
