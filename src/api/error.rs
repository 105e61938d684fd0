//! The error body of the Kuma REST API (`"type": "/std-errors"`), shared by the client,
//! which parses and prints it, and by kuma-cp-lite, which writes it.

use serde::{Deserialize, Serialize};

/// One invalid field of a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvalidParameter {
    pub field: String,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<String>>,
}

/// The deprecated mirror of [`InvalidParameter`] that Kuma still fills.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cause {
    pub field: String,
    pub message: String,
}

/// An error answered by a Kuma control plane. Field order is the wire order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    #[serde(rename = "type", default)]
    pub kind: String,
    #[serde(default)]
    pub status: u16,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub detail: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid_parameters: Option<Vec<InvalidParameter>>,
    #[serde(default)]
    pub details: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub causes: Option<Vec<Cause>>,
}

impl ApiError {
    /// A body with both the current and the deprecated fields filled, as Kuma writes it.
    pub fn new(status: u16, title: impl Into<String>, detail: impl Into<String>) -> Self {
        let detail = detail.into();
        ApiError {
            kind: "/std-errors".into(),
            status,
            title: title.into(),
            details: detail.clone(),
            detail,
            instance: None,
            invalid_parameters: None,
            causes: None,
        }
    }

    /// Adds the violated fields (and their deprecated `causes` copy).
    pub fn with_parameters(mut self, params: Vec<(String, String)>) -> Self {
        if params.is_empty() {
            return self;
        }
        self.causes = Some(
            params
                .iter()
                .map(|(field, reason)| Cause {
                    field: field.clone(),
                    message: reason.clone(),
                })
                .collect(),
        );
        self.invalid_parameters = Some(
            params
                .into_iter()
                .map(|(field, reason)| InvalidParameter {
                    field,
                    reason,
                    rule: None,
                    choices: None,
                })
                .collect(),
        );
        self
    }

    /// Reads an error body the way kumactl does: it is a Kuma error only if `title` is set.
    pub fn from_body(body: &[u8]) -> Option<ApiError> {
        crate::nesting::check_json(body).ok()?;
        serde_json::from_slice::<ApiError>(body)
            .ok()
            .filter(|e| !e.title.is_empty())
    }

    /// The human form printed by kumactl (`app/kumactl/pkg/errors/formatter.go`): `title (detail)` and one
    /// `* field: reason` line per invalid parameter. Kuma's detail may end with a newline;
    /// we trim it so no `)` lands alone on a line.
    pub fn formatted(&self) -> String {
        let detail = if self.detail.is_empty() {
            &self.details
        } else {
            &self.detail
        };
        // The pieces come from the control plane: their control characters are escaped,
        // so that none reaches the terminal or forges a `* field: reason` line.
        let clean = crate::output::escape_controls;
        let mut text = format!("{} ({})", clean(&self.title), clean(detail.trim_end()));
        let lines: Vec<(&str, &str)> = match (&self.invalid_parameters, &self.causes) {
            (Some(params), _) => params
                .iter()
                .map(|p| (p.field.as_str(), p.reason.as_str()))
                .collect(),
            (None, Some(causes)) => causes
                .iter()
                .map(|c| (c.field.as_str(), c.message.as_str()))
                .collect(),
            (None, None) => Vec::new(),
        };
        for (field, reason) in lines {
            text.push_str(&format!("\n* {}: {}", clean(field), clean(reason)));
        }
        text
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.formatted())
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parameters_one_per_line() {
        let err = ApiError::new(400, "Could not process the resource", "Resource is invalid")
            .with_parameters(vec![
                ("path".into(), "cannot be empty".into()),
                ("mesh".into(), "cannot be empty".into()),
            ]);
        assert_eq!(
            err.formatted(),
            "Could not process the resource (Resource is invalid)\n* path: cannot be empty\n* mesh: cannot be empty"
        );
    }

    #[test]
    fn control_characters_of_the_pieces_are_escaped() {
        let body = br#"{"title":"T\u001b[2J","detail":"a\nb","invalid_parameters":[{"field":"f\n* x","reason":"r\r"}]}"#;
        let err = ApiError::from_body(body).unwrap();
        assert_eq!(err.formatted(), "T\\u{1b}[2J (a\\nb)\n* f\\n* x: r\\r");
    }

    #[test]
    fn falls_back_to_causes_and_details() {
        let body = br#"{"title":"T","details":"old","causes":[{"field":"f","message":"m"}]}"#;
        let err = ApiError::from_body(body).unwrap();
        assert_eq!(err.formatted(), "T (old)\n* f: m");
    }

    #[test]
    fn trims_trailing_newline_of_detail() {
        let err = ApiError::new(405, "Method not allowed", "On zone control plane ...\n");
        assert_eq!(
            err.formatted(),
            "Method not allowed (On zone control plane ...)"
        );
    }

    #[test]
    fn body_without_title_is_not_a_kuma_error() {
        assert!(ApiError::from_body(b"{}").is_none());
        assert!(ApiError::from_body(b"404: Page Not Found").is_none());
    }

    #[test]
    fn serializes_in_wire_order() {
        let err = ApiError::new(404, "Could not retrieve a resource", "Not found");
        assert_eq!(
            serde_json::to_string(&err).unwrap(),
            r#"{"type":"/std-errors","status":404,"title":"Could not retrieve a resource","detail":"Not found","details":"Not found"}"#
        );
    }
}
