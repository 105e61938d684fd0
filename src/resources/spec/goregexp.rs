//! Whether a pattern compiles as a Go `regexp`, with Go's error text for the common
//! mistakes (Go: `regexp/syntax` `Error`: ``error parsing regexp: <code>: `<expr>` ``).
//! The Rust engine decides validity; where its verdict has no simple Go counterpart the
//! text names the whole pattern with `invalid syntax`.

/// `Ok` when `pattern` compiles, else Go's error text.
pub fn check(pattern: &str) -> Result<(), String> {
    if regex::Regex::new(pattern).is_ok() {
        return Ok(());
    }
    let (code, expr) = diagnose(pattern);
    Err(format!("error parsing regexp: {code}: `{expr}`"))
}

/// The Go error code and the offending part of the pattern.
fn diagnose(pattern: &str) -> (&'static str, &str) {
    let mut depth = 0usize;
    let mut class_start = None;
    let mut escaped = false;
    let mut previous_is_operand = false;
    for (index, c) in pattern.char_indices() {
        if escaped {
            escaped = false;
            previous_is_operand = true;
            continue;
        }
        if class_start.is_some() {
            match c {
                '\\' => escaped = true,
                ']' if !pattern[..index].ends_with('[') && !pattern[..index].ends_with("[^") => {
                    class_start = None;
                    previous_is_operand = true;
                }
                _ => {}
            }
            continue;
        }
        match c {
            '\\' => {
                if index + 1 == pattern.len() {
                    return ("trailing backslash at end of expression", "");
                }
                escaped = true;
            }
            '[' => class_start = Some(index),
            '(' => {
                depth += 1;
                previous_is_operand = false;
                continue;
            }
            ')' => {
                if depth == 0 {
                    return ("unexpected )", pattern);
                }
                depth -= 1;
            }
            '*' | '+' | '?' if !previous_is_operand => {
                return (
                    "missing argument to repetition operator",
                    &pattern[index..=index],
                );
            }
            '|' => {
                previous_is_operand = false;
                continue;
            }
            _ => {}
        }
        previous_is_operand = true;
    }
    if let Some(start) = class_start {
        return ("missing closing ]", &pattern[start..]);
    }
    if depth > 0 {
        return ("missing closing )", pattern);
    }
    ("invalid syntax", pattern)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_texts() {
        assert!(check("^envoy_cluster_.*").is_ok());
        assert_eq!(
            check("[a").unwrap_err(),
            "error parsing regexp: missing closing ]: `[a`"
        );
        assert_eq!(
            check("x(a").unwrap_err(),
            "error parsing regexp: missing closing ): `x(a`"
        );
        assert_eq!(
            check("a)").unwrap_err(),
            "error parsing regexp: unexpected ): `a)`"
        );
        assert_eq!(
            check("*a").unwrap_err(),
            "error parsing regexp: missing argument to repetition operator: `*`"
        );
    }
}
