//! The spec of Secret and GlobalSecret: `data`, a `google.protobuf.BytesValue` written
//! as standard base64.

use super::checks::Violations;
use super::jsonpb::{Reader, Reason, Writer};
use crate::resources::meta::Violation;
use serde_json::{Map, Value};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SecretSpec {
    /// `None` when the field is absent; `Some(empty)` for `data: ""`.
    pub data: Option<Vec<u8>>,
}

impl SecretSpec {
    pub fn read(reader: Reader<'_>) -> Result<SecretSpec, Reason> {
        Ok(SecretSpec {
            data: reader.bytes_wrapper("data")?,
        })
    }

    pub fn write(&self) -> Map<String, Value> {
        let mut out = Writer::new();
        out.bytes_wrapper("data", self.data.as_deref());
        out.finish()
    }

    /// The decoded value, empty when absent.
    pub fn value(&self) -> &[u8] {
        self.data.as_deref().unwrap_or_default()
    }

    /// (inferred) Kuma's secret validator rejects a secret without a value.
    pub fn validate(&self) -> Vec<Violation> {
        let mut violations = Violations::default();
        if self.value().is_empty() {
            violations.add("data", "cannot be empty");
        }
        violations.into_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn data_round_trip_and_rules() {
        let value = json!({"data": "dGVzdAo=", "other": 1});
        let spec = SecretSpec::read(Reader::new(&value).unwrap()).unwrap();
        assert_eq!(spec.value(), b"test\n");
        assert_eq!(
            serde_json::to_string(&spec.write()).unwrap(),
            r#"{"data":"dGVzdAo="}"#
        );
        assert!(spec.validate().is_empty());
        let empty = SecretSpec::read(Reader::new(&json!({})).unwrap()).unwrap();
        assert_eq!(
            empty.validate(),
            vec![Violation::new("data", "cannot be empty")]
        );
        let bad = json!({"data": "not base64!"});
        assert_eq!(
            SecretSpec::read(Reader::new(&bad).unwrap()).unwrap_err(),
            "illegal base64 data at input byte 3"
        );
    }
}
