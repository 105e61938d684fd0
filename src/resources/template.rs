//! The `{{ key }}` templating of `kumactl apply -v key=value` (`pkg/util/template`): the
//! mustache dialect of hoisie/mustache, which Go kumactl uses.
//!
//! Supported: variables `{{ key }}`, raw variables `{{{ key }}}` and `{{& key }}`, dotted
//! names (`-v a.b.c=1` makes `{{ a.b.c }}`), the implicit iterator `{{.}}`, sections
//! `{{#key}}...{{/key}}` and inverted sections `{{^key}}...{{/key}}`, comments
//! `{{! ... }}`, and partials `{{> name}}` (read from `name`, `name.mustache` or
//! `name.stache`). An unknown key renders as nothing.
//!
//! Deliberate differences: values are inserted verbatim. Go HTML-escapes them (`&`
//! becomes `&amp;`), which corrupts YAML values such as URLs with query strings. And
//! partials, which hoisie/mustache reads from any path (so a template fetched from a
//! URL could copy `/etc/hostname` into a resource), are read only relative to the
//! input file's directory, never outside it (no absolute path, no `..` or symbolic
//! link leading out), at most 16 MiB each, and not at all for stdin or URL input. The
//! rendered document is bounded like any document (64 MiB).

use crate::files::{DOCUMENT_LIMIT, PEM_FILE_LIMIT};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

/// Where `{{> name}}` partials may be read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Partials {
    /// Inside this directory only (the input file's).
    Directory(PathBuf),
    /// Nowhere: the input comes from this source (`stdin`, `a URL`).
    Refused(&'static str),
}

/// The most one partial file may hold: the bound of the other files kumactl reads.
const PARTIAL_FILE_LIMIT: u64 = PEM_FILE_LIMIT;

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

/// What rendering needs besides the values: where partials come from, and how long
/// the output may grow.
struct Renderer<'p> {
    partials: &'p Partials,
    limit: usize,
}

impl Renderer<'_> {
    fn push(&self, out: &mut String, text: &str) -> Result<(), TemplateError> {
        if out.len() + text.len() > self.limit {
            return Err(TemplateError {
                line: 0,
                message: format!(
                    "the rendered document is larger than {} MiB",
                    self.limit >> 20
                ),
            });
        }
        out.push_str(text);
        Ok(())
    }

    fn render_nodes(
        &self,
        nodes: &[Node],
        stack: &mut Vec<&Value>,
        out: &mut String,
        depth: usize,
    ) -> Result<(), TemplateError> {
        for node in nodes {
            match node {
                Node::Text(text) => self.push(out, text)?,
                Node::Variable(name) => {
                    if let Some(value) = lookup(stack, name) {
                        self.push(out, &value.render())?;
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
                            let result = self.render_nodes(body, stack, out, depth);
                            stack.pop();
                            result?;
                        }
                        (None, true) => self.render_nodes(body, stack, out, depth)?,
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
                    let text = read_partial(name, self.partials)?;
                    let partial = parse(&text)?;
                    self.render_nodes(&partial, stack, out, depth + 1)?;
                }
            }
        }
        Ok(())
    }
}

fn partial_error(message: String) -> TemplateError {
    TemplateError { line: 0, message }
}

/// Reads partial `name` (or `name.mustache`, `name.stache`) from the allowed directory.
fn read_partial(name: &str, partials: &Partials) -> Result<String, TemplateError> {
    let refused = |why: &str| partial_error(format!("partial {name:?} is not allowed: {why}"));
    let dir = match partials {
        Partials::Refused(source) => {
            return Err(refused(&format!(
                "the input comes from {source}, and partials are only read next to an input file"
            )));
        }
        Partials::Directory(dir) => dir,
    };
    if escapes_lexically(Path::new(name)) {
        return Err(refused(
            "it must be a path inside the input file's directory (relative, without leading `..`)",
        ));
    }
    let base = dir.canonicalize().map_err(|e| {
        partial_error(format!(
            "could not read partial {name:?}: {}",
            crate::os_error::path_text("stat", dir, &e)
        ))
    })?;
    for candidate in [
        name.to_string(),
        format!("{name}.mustache"),
        format!("{name}.stache"),
    ] {
        // Symbolic links resolved, the file must still be inside.
        let Ok(real) = base.join(&candidate).canonicalize() else {
            continue;
        };
        if !real.starts_with(&base) {
            return Err(refused("it leads outside the input file's directory"));
        }
        let Ok(metadata) = real.metadata() else {
            continue;
        };
        if metadata.is_dir() {
            continue;
        }
        // A fifo or a device would block or never end.
        if !metadata.is_file() {
            return Err(refused("it is not a regular file"));
        }
        let bytes = crate::files::read_file_bounded(&real, PARTIAL_FILE_LIMIT)
            .map_err(|e| partial_error(format!("could not read partial {name:?}: {e}")))?;
        return String::from_utf8(bytes)
            .map_err(|_| partial_error(format!("partial {name:?} is not UTF-8 text")));
    }
    Err(partial_error(format!("Could not find partial {name:?}")))
}

/// An absolute path, or one whose `..` climb above where it starts.
fn escapes_lexically(path: &Path) -> bool {
    let mut depth = 0usize;
    for component in path.components() {
        match component {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir => match depth.checked_sub(1) {
                Some(up) => depth = up,
                None => return true,
            },
            Component::RootDir | Component::Prefix(_) => return true,
        }
    }
    false
}

/// Renders `template` with `context`; partials come from `partials`.
pub fn render(
    template: &str,
    context: &Value,
    partials: &Partials,
) -> Result<String, TemplateError> {
    render_bounded(template, context, partials, DOCUMENT_LIMIT as usize)
}

/// [`render`], with the output bounded to `limit` bytes.
pub fn render_bounded(
    template: &str,
    context: &Value,
    partials: &Partials,
    limit: usize,
) -> Result<String, TemplateError> {
    let nodes = parse(template)?;
    let mut out = String::with_capacity(template.len().min(limit));
    Renderer { partials, limit }.render_nodes(&nodes, &mut vec![context], &mut out, 0)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, context: &Value) -> Result<String, TemplateError> {
        super::render(template, context, &Partials::Refused("stdin"))
    }

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

    fn with_partials(template: &str, dir: &Path) -> Result<String, String> {
        super::render(
            template,
            &vars(&[]),
            &Partials::Directory(dir.to_path_buf()),
        )
        .map_err(|e| e.to_string())
    }

    #[test]
    fn missing_partial_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            with_partials("{{> no-such-partial-file }}", dir.path()).unwrap_err(),
            "Could not find partial \"no-such-partial-file\""
        );
    }

    #[test]
    fn partials_come_from_the_input_directory_only() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("input");
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("sub/name.mustache"), "x-{{> part}}").unwrap();
        std::fs::write(dir.join("part"), "y").unwrap();
        std::fs::write(root.path().join("secret"), "s").unwrap();
        assert_eq!(with_partials("n: {{> sub/name}}", &dir).unwrap(), "n: x-y");
        assert_eq!(with_partials("{{> ./sub/../part}}", &dir).unwrap(), "y");

        let not_inside = "is not allowed: it must be a path inside the input file's directory (relative, without leading `..`)";
        assert_eq!(
            with_partials("{{> /etc/hostname}}", &dir).unwrap_err(),
            format!("partial \"/etc/hostname\" {not_inside}")
        );
        assert_eq!(
            with_partials("{{> ../secret}}", &dir).unwrap_err(),
            format!("partial \"../secret\" {not_inside}")
        );
        assert_eq!(
            with_partials("{{> sub/../../secret}}", &dir).unwrap_err(),
            format!("partial \"sub/../../secret\" {not_inside}")
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.path().join("secret"), dir.join("link")).unwrap();
            std::os::unix::fs::symlink("/dev/zero", dir.join("zero")).unwrap();
            for name in ["link", "zero"] {
                assert_eq!(
                    with_partials(&format!("{{{{> {name}}}}}"), &dir).unwrap_err(),
                    format!(
                        "partial \"{name}\" is not allowed: it leads outside the input file's directory"
                    )
                );
            }
        }
        assert_eq!(
            render("{{> part}}", &vars(&[])).unwrap_err().to_string(),
            "partial \"part\" is not allowed: the input comes from stdin, and partials are only read next to an input file"
        );
    }

    #[cfg(unix)]
    #[test]
    fn partials_and_output_are_bounded() {
        let dir = tempfile::tempdir().unwrap();
        // A large (sparse) file shows the bound without writing 16 MiB.
        let big = std::fs::File::create(dir.path().join("big")).unwrap();
        big.set_len(PARTIAL_FILE_LIMIT + 1).unwrap();
        assert_eq!(
            with_partials("{{> big}}", dir.path()).unwrap_err(),
            format!(
                "could not read partial \"big\": read {}/big: the file is larger than 16 MiB",
                dir.path().canonicalize().unwrap().display()
            )
        );
        let fifo = std::process::Command::new("mkfifo")
            .arg(dir.path().join("fifo"))
            .status();
        if fifo.is_ok_and(|status| status.success()) {
            assert_eq!(
                with_partials("{{> fifo}}", dir.path()).unwrap_err(),
                "partial \"fifo\" is not allowed: it is not a regular file"
            );
        }
        std::fs::write(dir.path().join("kb"), "k".repeat(1024)).unwrap();
        let partials = Partials::Directory(dir.path().to_path_buf());
        let many = "{{> kb}}".repeat(2048);
        assert_eq!(
            render_bounded(&many, &vars(&[]), &partials, 1 << 20)
                .unwrap_err()
                .to_string(),
            "the rendered document is larger than 1 MiB"
        );
        assert_eq!(
            render_bounded(&many[..many.len() / 2], &vars(&[]), &partials, 1 << 20)
                .unwrap()
                .len(),
            1 << 20
        );
    }
}
