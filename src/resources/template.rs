//! The `{{ key }}` templating of `kumactl apply -v key=value` (cli.md §3.1 step 5): the
//! mustache dialect of hoisie/mustache, which Go kumactl uses.
//!
//! Supported: variables `{{ key }}`, raw variables `{{{ key }}}` and `{{& key }}`, dotted
//! names (`-v a.b.c=1` makes `{{ a.b.c }}`), the implicit iterator `{{.}}`, sections
//! `{{#key}}...{{/key}}` and inverted sections `{{^key}}...{{/key}}`, comments
//! `{{! ... }}`, and partials `{{> name}}` (read from `name`, `name.mustache` or
//! `name.stache` in the working directory). An unknown key renders as nothing.
//!
//! One deliberate difference: values are inserted verbatim. Go HTML-escapes them
//! (`&` becomes `&amp;`), which corrupts YAML values such as URLs with query strings.

use std::collections::BTreeMap;

/// How deep sections may nest in a template, and dotted `-v` keys in the values.
/// hoisie/mustache has no limit (Go grows its stack); we recurse on both, so thousands
/// of levels would overflow ours. No real template comes near.
pub const MAX_NESTING: usize = 64;

/// The values of the `-v` flags as a tree: `a.b.c=1` nests `c` under `b` under `a`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Map(BTreeMap<String, Value>),
}

impl Value {
    /// Builds the context from flat `key=value` pairs; dots in keys nest, at most
    /// [`MAX_NESTING`] levels.
    pub fn from_vars<'a>(
        vars: impl IntoIterator<Item = (&'a String, &'a String)>,
    ) -> Result<Value, String> {
        let mut root = BTreeMap::new();
        for (key, value) in vars {
            if key.split('.').count() > MAX_NESTING {
                return Err(format!(
                    "a --var key nests more than {MAX_NESTING} levels deep (each dot is a level)"
                ));
            }
            insert(&mut root, key, value);
        }
        Ok(Value::Map(root))
    }

    fn is_falsy(&self) -> bool {
        match self {
            Value::Text(s) => s.is_empty(),
            Value::Map(_) => false,
        }
    }

    /// How Go's `fmt` prints the value (`map[b:1]` for a map).
    fn render(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Map(map) => {
                let inner: Vec<String> = map
                    .iter()
                    .map(|(k, v)| format!("{k}:{}", v.render()))
                    .collect();
                format!("map[{}]", inner.join(" "))
            }
        }
    }
}

fn insert(map: &mut BTreeMap<String, Value>, key: &str, value: &str) {
    match key.split_once('.') {
        None => {
            map.insert(key.to_string(), Value::Text(value.to_string()));
        }
        Some((head, rest)) => {
            let entry = map
                .entry(head.to_string())
                .or_insert_with(|| Value::Map(BTreeMap::new()));
            if let Value::Text(_) = entry {
                *entry = Value::Map(BTreeMap::new());
            }
            if let Value::Map(inner) = entry {
                insert(inner, rest, value);
            }
        }
    }
}

/// A template that cannot be parsed, with hoisie/mustache's wording (`line 3: unmatched
/// open tag`).
/// Errors found while rendering (a missing partial) have no line (0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            f.write_str(&self.message)
        } else {
            write!(f, "line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for TemplateError {}

#[derive(Debug)]
enum Node {
    Text(String),
    Variable(String),
    Section {
        name: String,
        inverted: bool,
        body: Vec<Node>,
    },
    Partial(String),
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    /// How many sections enclose the current position.
    depth: usize,
}

const OPEN: &str = "{{";
const CLOSE: &str = "}}";

impl<'a> Parser<'a> {
    fn error(&self, message: impl Into<String>) -> TemplateError {
        TemplateError {
            line: self.line,
            message: message.into(),
        }
    }

    fn advance(&mut self, len: usize) -> &'a str {
        let taken = &self.text[self.pos..self.pos + len];
        self.line += taken.matches('\n').count();
        self.pos += len;
        taken
    }

    /// Parses until the end of the text, or until `{{/section}}` when in a section.
    fn parse(&mut self, section: Option<&str>) -> Result<Vec<Node>, TemplateError> {
        let mut nodes = Vec::new();
        loop {
            let rest = &self.text[self.pos..];
            let Some(open) = rest.find(OPEN) else {
                if !rest.is_empty() {
                    nodes.push(Node::Text(self.advance(rest.len()).to_string()));
                }
                return match section {
                    None => Ok(nodes),
                    Some(name) => Err(self.error(format!("Section {name} has no closing tag"))),
                };
            };
            if open > 0 {
                nodes.push(Node::Text(self.advance(open).to_string()));
            }
            self.advance(OPEN.len());
            let rest = &self.text[self.pos..];
            // `{{{name}}}` closes with `}}}`.
            let (close, triple) = if rest.starts_with('{') {
                (rest.find("}}}"), true)
            } else {
                (rest.find(CLOSE), false)
            };
            let Some(close) = close else {
                return Err(self.error("unmatched open tag"));
            };
            let tag = self.advance(close);
            self.advance(if triple { 3 } else { CLOSE.len() });
            let tag = tag.trim();
            if triple {
                nodes.push(Node::Variable(
                    tag.trim_start_matches('{').trim().to_string(),
                ));
                continue;
            }
            match tag.chars().next() {
                Some('!') => {}
                Some('#') | Some('^') => {
                    if self.depth >= MAX_NESTING {
                        return Err(self
                            .error(format!("sections nest more than {MAX_NESTING} levels deep")));
                    }
                    let name = tag[1..].trim().to_string();
                    self.depth += 1;
                    let body = self.parse(Some(&name))?;
                    self.depth -= 1;
                    nodes.push(Node::Section {
                        inverted: tag.starts_with('^'),
                        name,
                        body,
                    });
                }
                Some('/') => {
                    let name = tag[1..].trim();
                    return match section {
                        Some(open) if open == name => Ok(nodes),
                        Some(_) => Err(self.error(format!("interleaved closing tag: {name}"))),
                        None => Err(self.error("unmatched close tag")),
                    };
                }
                Some('>') => nodes.push(Node::Partial(tag[1..].trim().to_string())),
                Some('&') => nodes.push(Node::Variable(tag[1..].trim().to_string())),
                _ => nodes.push(Node::Variable(tag.to_string())),
            }
        }
    }
}

fn parse(text: &str) -> Result<Vec<Node>, TemplateError> {
    Parser {
        text,
        pos: 0,
        line: 1,
        depth: 0,
    }
    .parse(None)
}

/// Looks `name` up from the innermost context outwards; dotted names walk into maps.
fn lookup<'v>(stack: &[&'v Value], name: &str) -> Option<&'v Value> {
    if name == "." {
        return stack.last().copied();
    }
    if let Some((head, rest)) = name.split_once('.') {
        let first = lookup(stack, head)?;
        return lookup(&[first], rest);
    }
    stack.iter().rev().find_map(|context| match context {
        Value::Map(map) => map.get(name),
        Value::Text(_) => None,
    })
}

fn render_nodes(
    nodes: &[Node],
    stack: &mut Vec<&Value>,
    out: &mut String,
    depth: usize,
) -> Result<(), TemplateError> {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Variable(name) => {
                if let Some(value) = lookup(stack, name) {
                    out.push_str(&value.render());
                }
            }
            Node::Section {
                name,
                inverted,
                body,
            } => {
                let value = lookup(stack, name).filter(|v| !v.is_falsy());
                match (value, inverted) {
                    (Some(value), false) => {
                        stack.push(value);
                        let result = render_nodes(body, stack, out, depth);
                        stack.pop();
                        result?;
                    }
                    (None, true) => render_nodes(body, stack, out, depth)?,
                    _ => {}
                }
            }
            Node::Partial(name) => {
                // A partial that includes itself would never end.
                if depth >= 16 {
                    return Err(TemplateError {
                        line: 0,
                        message: format!("partial {name:?} nests too deeply"),
                    });
                }
                let text = read_partial(name)?;
                let partial = parse(&text)?;
                render_nodes(&partial, stack, out, depth + 1)?;
            }
        }
    }
    Ok(())
}

fn read_partial(name: &str) -> Result<String, TemplateError> {
    for candidate in [
        name.to_string(),
        format!("{name}.mustache"),
        format!("{name}.stache"),
    ] {
        if let Ok(text) = std::fs::read_to_string(&candidate) {
            return Ok(text);
        }
    }
    Err(TemplateError {
        line: 0,
        message: format!("Could not find partial {name:?}"),
    })
}

/// Renders `template` with `context`.
pub fn render(template: &str, context: &Value) -> Result<String, TemplateError> {
    let nodes = parse(template)?;
    let mut out = String::with_capacity(template.len());
    render_nodes(&nodes, &mut vec![context], &mut out, 0)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> Value {
        let owned: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Value::from_vars(owned.iter().map(|(k, v)| (k, v))).unwrap()
    }

    #[test]
    fn replaces_variables_verbatim() {
        let ctx = vars(&[("address", "2.2.2.2"), ("url", "http://x/?a=1&b=<2>")]);
        assert_eq!(
            render("address: \"{{ address }}\"\nurl: {{url}}", &ctx).unwrap(),
            "address: \"2.2.2.2\"\nurl: http://x/?a=1&b=<2>"
        );
        assert_eq!(
            render("{{{ url }}} {{& url}}", &ctx).unwrap(),
            "http://x/?a=1&b=<2> http://x/?a=1&b=<2>"
        );
    }

    #[test]
    fn unknown_keys_render_empty() {
        assert_eq!(render("a: '{{ nope }}'", &vars(&[])).unwrap(), "a: ''");
    }

    #[test]
    fn dotted_keys_nest() {
        let ctx = vars(&[("a.b.c", "1"), ("a.d", "2")]);
        assert_eq!(render("{{ a.b.c }}-{{a.d}}", &ctx).unwrap(), "1-2");
        assert_eq!(render("{{#a}}{{d}}{{/a}}", &ctx).unwrap(), "2");
        assert_eq!(render("{{ a.b }}", &ctx).unwrap(), "map[c:1]");
    }

    #[test]
    fn sections_comments_and_inverted_sections() {
        let ctx = vars(&[("on", "yes"), ("empty", "")]);
        assert_eq!(
            render("{{#on}}x{{.}}{{/on}}{{#empty}}y{{/empty}}{{^empty}}z{{/empty}}{{^on}}w{{/on}}{{! note }}", &ctx)
                .unwrap(),
            "xyesz"
        );
    }

    #[test]
    fn parse_errors_name_the_line() {
        let ctx = vars(&[]);
        assert_eq!(
            render("a: 1\nb: {{ x", &ctx).unwrap_err().to_string(),
            "line 2: unmatched open tag"
        );
        assert_eq!(
            render("{{/x}}", &ctx).unwrap_err().to_string(),
            "line 1: unmatched close tag"
        );
        assert_eq!(
            render("{{#a}}\n{{/b}}", &ctx).unwrap_err().to_string(),
            "line 2: interleaved closing tag: b"
        );
        assert_eq!(
            render("{{#a}}\n", &ctx).unwrap_err().to_string(),
            "line 2: Section a has no closing tag"
        );
    }

    #[test]
    fn nesting_is_bounded() {
        let deep_key = vec!["a"; MAX_NESTING].join(".");
        let ctx = vars(&[(deep_key.as_str(), "1")]);
        assert_eq!(render(&format!("{{{{ {deep_key} }}}}"), &ctx).unwrap(), "1");
        let too_deep = format!("{deep_key}.a");
        let value = "1".to_string();
        assert_eq!(
            Value::from_vars([(&too_deep, &value)]).unwrap_err(),
            "a --var key nests more than 64 levels deep (each dot is a level)"
        );
        let sections = |n: usize| format!("{}x{}", "{{#a}}".repeat(n), "{{/a}}".repeat(n));
        assert!(render(&sections(MAX_NESTING), &ctx).is_ok());
        assert_eq!(
            render(&sections(100_000), &ctx).unwrap_err().to_string(),
            "line 1: sections nest more than 64 levels deep"
        );
    }

    #[test]
    fn missing_partial_is_an_error() {
        let err = render("{{> no-such-partial-file }}", &vars(&[])).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Could not find partial \"no-such-partial-file\""
        );
    }
}
