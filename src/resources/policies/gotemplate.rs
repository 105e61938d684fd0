//! The parse errors of Go's `text/template` that Kuma's template fields can hit
//! (MeshIdentity SPIFFE ID templates, HostnameGenerator templates; Go:
//! `text/template/parse`): an action without its closing `}}`, and a command naming a
//! function that is not defined (Go's builtins plus Kuma's `label`). Other syntax errors
//! are not detected.

const FUNCTIONS: &[&str] = &[
    "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf",
    "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne", "label",
];
const KEYWORDS: &[&str] = &[
    "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue",
    "nil", "true", "false",
];

/// `template: :<line>: ...` for the first error found, as Go's parser reports it for a
/// template named `""`.
pub fn parse_error(text: &str) -> Option<String> {
    let mut rest = text;
    let mut offset = 0;
    while let Some(start) = rest.find("{{") {
        let line = 1 + text[..offset + start].matches('\n').count();
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            return Some(format!("template: :{line}: unclosed action"));
        };
        let action = after[..end]
            .trim_start_matches('-')
            .trim_end_matches('-')
            .trim();
        // Comments hold no commands; with quoted text only the first command is read.
        if !action.starts_with("/*") {
            let commands: Vec<&str> = if action.contains(['"', '`']) {
                vec![action]
            } else {
                action.split('|').collect()
            };
            for command in commands {
                let word = command.split_whitespace().next().unwrap_or_default();
                let identifier = word
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() || c == '_')
                    && word.chars().all(|c| c.is_alphanumeric() || c == '_');
                if identifier && !FUNCTIONS.contains(&word) && !KEYWORDS.contains(&word) {
                    return Some(format!(
                        "template: :{line}: function \"{word}\" not defined"
                    ));
                }
            }
        }
        let consumed = start + 2 + end + 2;
        offset += consumed;
        rest = &rest[consumed..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_template_parse_errors() {
        assert_eq!(parse_error("{{ .Mesh }}.{{ label \"x\" }}"), None);
        assert_eq!(
            parse_error("{{ invalid }}"),
            Some("template: :1: function \"invalid\" not defined".to_string())
        );
        assert_eq!(
            parse_error("a\n{{ .Name"),
            Some("template: :2: unclosed action".to_string())
        );
        assert_eq!(parse_error("{{ .Name | printf \"%s\" }}"), None);
        assert_eq!(
            parse_error("{{ nope \"x\" }}"),
            Some("template: :1: function \"nope\" not defined".to_string())
        );
    }
}
