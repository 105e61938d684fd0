//! Printing for kumactl: Go-compatible YAML and JSON, tabwriter-style tables, age cells.

pub mod age;
pub mod inspect;
pub mod json;
pub mod resources;
pub mod table;
pub mod yaml;
pub mod yaml_node;

/// `text` with its control characters (newlines, escape sequences) written as `\n` or
/// `\u{1b}`, for text chosen by someone else that goes to a terminal or a log line.
pub fn escape_controls(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(
            super::escape_controls("KID 1\nINFO forged\u{1b}[2J é"),
            "KID 1\\nINFO forged\\u{1b}[2J é"
        );
    }
}
