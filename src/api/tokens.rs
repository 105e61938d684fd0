//! Request bodies of the token endpoints (`POST /tokens/zone|dataplane|user`, Go:
//! `pkg/tokens/builtin/server/webservice.go`), in the key order kumactl's token clients
//! send (`app/kumactl/pkg/tokens/`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `POST /tokens/zone`. `scope: None` is JSON `null`, which the server rejects.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneTokenRequest {
    #[serde(default)]
    pub zone: String,
    #[serde(default)]
    pub scope: Option<Vec<String>>,
    /// Go duration text (`24h0m0s`); empty means 10 years.
    #[serde(rename = "validFor", default)]
    pub valid_for: String,
}

/// `POST /tokens/dataplane`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataplaneTokenRequest {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub mesh: String,
    #[serde(default, deserialize_with = "null_as_default")]
    pub tags: BTreeMap<String, Vec<String>>,
    #[serde(rename = "type", default)]
    pub proxy_type: String,
    #[serde(default)]
    pub workload: String,
    #[serde(rename = "validFor", default)]
    pub valid_for: String,
}

/// `POST /tokens/user`. `groups: None` is sent as `null`, as Go kumactl does.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserTokenRequest {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub groups: Option<Vec<String>>,
    #[serde(rename = "validFor", default)]
    pub valid_for: String,
}

fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_in_kumactl_order() {
        let zone = ZoneTokenRequest {
            zone: "z".into(),
            scope: Some(vec!["ingress".into(), "egress".into()]),
            valid_for: "24h0m0s".into(),
        };
        assert_eq!(
            serde_json::to_string(&zone).unwrap(),
            r#"{"zone":"z","scope":["ingress","egress"],"validFor":"24h0m0s"}"#
        );
        let dp = DataplaneTokenRequest {
            mesh: "default".into(),
            valid_for: "24h0m0s".into(),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&dp).unwrap(),
            r#"{"name":"","mesh":"default","tags":{},"type":"","workload":"","validFor":"24h0m0s"}"#
        );
        let user = UserTokenRequest {
            name: "john".into(),
            groups: None,
            valid_for: "1h0m0s".into(),
        };
        assert_eq!(
            serde_json::to_string(&user).unwrap(),
            r#"{"name":"john","groups":null,"validFor":"1h0m0s"}"#
        );
    }
}
