//! The nesting guard every YAML and JSON text kumactl reads goes through first: apply's
//! documents, the config file, `install` values files and `--set` texts, and the JSON
//! answers of a control plane.
//!
//! libyaml reads a whole document before serde_yaml refuses one nested deeper than 128
//! levels, and that read costs the square of the `[`/`{` nesting: a few hundred
//! kilobytes of brackets took minutes. serde_json stops at 128 levels by itself, but
//! checking its input the same way keeps one rule and one message for every reader.

/// How deep `[`/`{` may nest. Counting brackets, quoted or not, overestimates the
/// nesting of YAML, so the bound leaves room above serde_yaml's 128.
pub const MAX_BRACKET_DEPTH: usize = 256;

/// A text nests deeper than [`MAX_BRACKET_DEPTH`]; shown as go-yaml words it for YAML
/// (`yaml: line 3: recursion limit exceeded`), as serde_json does for JSON
/// (`recursion limit exceeded at line 3`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooDeep {
    /// 1-based line of the bracket that went too deep.
    pub line: usize,
    pub json: bool,
}

impl std::fmt::Display for TooDeep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.json {
            write!(f, "recursion limit exceeded at line {}", self.line)
        } else {
            write!(f, "yaml: line {}: recursion limit exceeded", self.line)
        }
    }
}

impl std::error::Error for TooDeep {}

/// Refuses YAML (or JSON read as YAML) whose brackets nest deeper than
/// [`MAX_BRACKET_DEPTH`], counting every bracket, in strings too: a linear scan that
/// never parses.
pub fn check_yaml(text: &[u8]) -> Result<(), TooDeep> {
    check(text, false)
}

/// The same guard for JSON: brackets inside strings do not count, so a string full of
/// brackets in a server's answer is never refused.
pub fn check_json(text: &[u8]) -> Result<(), TooDeep> {
    check(text, true)
}

fn check(text: &[u8], skip_strings: bool) -> Result<(), TooDeep> {
    let mut depth = 0usize;
    let mut line = 1;
    let mut in_string = false;
    let mut escaped = false;
    for &byte in text {
        if byte == b'\n' {
            line += 1;
        }
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' if skip_strings => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_BRACKET_DEPTH {
                    return Err(TooDeep {
                        line,
                        json: skip_strings,
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(n: usize) -> String {
        format!("a:\n  {}{}", "[".repeat(n), "]".repeat(n))
    }

    #[test]
    fn refuses_deep_nesting_with_its_line() {
        assert!(check_yaml(nested(MAX_BRACKET_DEPTH).as_bytes()).is_ok());
        assert_eq!(
            check_yaml(nested(MAX_BRACKET_DEPTH + 1).as_bytes()),
            Err(TooDeep {
                line: 2,
                json: false
            })
        );
        assert_eq!(
            TooDeep {
                line: 2,
                json: false
            }
            .to_string(),
            "yaml: line 2: recursion limit exceeded"
        );
        // Side by side is not nesting.
        assert!(check_yaml("[1],".repeat(100_000).as_bytes()).is_ok());
    }

    #[test]
    fn json_strings_do_not_count() {
        let text = format!(r#"{{"a": "{}\"{}"}}"#, "[".repeat(1000), "{".repeat(1000));
        assert!(check_json(text.as_bytes()).is_ok());
        assert!(check_yaml(text.as_bytes()).is_err());
        assert_eq!(
            check_json(format!("\n{}", "[".repeat(300)).as_bytes())
                .unwrap_err()
                .to_string(),
            "recursion limit exceeded at line 2"
        );
    }
}
