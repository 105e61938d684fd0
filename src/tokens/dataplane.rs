//! Dataplane tokens (`kumactl generate dataplane-token`, Go: `app/kumactl/cmd/generate/`):
//! a data plane proxy's identity in a mesh.

use super::jwt::{Claims, JsonObject, RegisteredClaims, lookup, string_field};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Go's `DataplaneClaims`. `Tags` keys and values are sorted and unique (Kuma builds
/// them from a tag set).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DataplaneClaims {
    #[serde(rename = "Name")]
    pub name: String,
    #[serde(rename = "Mesh")]
    pub mesh: String,
    #[serde(rename = "Tags")]
    pub tags: BTreeMap<String, Vec<String>>,
    #[serde(rename = "Type")]
    pub proxy_type: String,
    #[serde(rename = "Workload")]
    pub workload: String,
    #[serde(flatten)]
    pub registered: RegisteredClaims,
}

/// Tag values as Kuma's multi-value tag set returns them: sorted, without duplicates.
pub fn tag_set(tags: &BTreeMap<String, Vec<String>>) -> BTreeMap<String, Vec<String>> {
    tags.iter()
        .map(|(k, values)| {
            let unique: BTreeSet<&String> = values.iter().collect();
            (k.clone(), unique.into_iter().cloned().collect())
        })
        .collect()
}

impl Claims for DataplaneClaims {
    const GO_TYPE: &'static str = "issuer.DataplaneClaims";

    fn from_json(obj: &JsonObject) -> Result<Self, String> {
        const GO: &str = "DataplaneClaims";
        let tags = match lookup(obj, "Tags") {
            None | Some(Value::Null) => BTreeMap::new(),
            Some(Value::Object(map)) => map
                .iter()
                .map(|(k, v)| match v {
                    Value::Array(items) => Ok((
                        k.clone(),
                        items
                            .iter()
                            .map(|i| i.as_str().unwrap_or_default().to_string())
                            .collect(),
                    )),
                    Value::Null => Ok((k.clone(), Vec::new())),
                    _ => Err(format!(
                        "json: cannot unmarshal value into Go struct field {GO}.Tags of type []string"
                    )),
                })
                .collect::<Result<_, _>>()?,
            Some(_) => {
                return Err(format!(
                    "json: cannot unmarshal value into Go struct field {GO}.Tags of type map[string][]string"
                ));
            }
        };
        Ok(DataplaneClaims {
            name: string_field(obj, "Name", GO, "Name")?,
            mesh: string_field(obj, "Mesh", GO, "Mesh")?,
            tags,
            proxy_type: string_field(obj, "Type", GO, "Type")?,
            workload: string_field(obj, "Workload", GO, "Workload")?,
            registered: RegisteredClaims::from_json(obj, GO)?,
        })
    }

    fn registered(&self) -> &RegisteredClaims {
        &self.registered
    }
}
