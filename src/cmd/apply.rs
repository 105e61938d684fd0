//! `kumactl apply -f FILE|DIR|URL|- [-v key=value]... [--dry-run]` (`app/kumactl/cmd/apply/apply.go`).
//!
//! The input is read twice, as a stream of documents: first every document is parsed
//! and validated (nothing is kept but the error lines), and only if all are valid is it
//! read again to print (`--dry-run`) or send them, one GET + PUT per resource, in order,
//! over one kept-alive connection. Memory is bounded by the largest document, not by
//! the input.

use super::args::{KeyValues, key_values, merge_key_values, require_flags};
use super::context::RootContext;
use crate::client::{ApiClient, Response};
use crate::output::resources::single_yaml;
use crate::resources::Resource;
use crate::resources::document::{self, DocumentError};
use crate::resources::input::InputSource;
use crate::resources::split::Documents;
use crate::resources::template;
use crate::resources::time;
use anyhow::{Context, anyhow, bail};
use clap::{ArgAction, Args};
use reqwest::Method;
use serde_json::Value;
use std::io::Write;

#[derive(Debug, Args)]
#[command(
    about = "Create or modify Kuma resources",
    long_about = "Create or modify Kuma resources.",
    after_help = "Examples:\n  \
                  kumactl apply -f mesh.yaml\n  \
                  kumactl apply -f ./resources/\n  \
                  kumactl apply -f https://example.com/zoneegress.yaml\n  \
                  cat zoneegress.yaml | kumactl apply -f -\n  \
                  kumactl apply -f zoneegress.yaml -v address=192.168.0.1 -v port=10002 --dry-run"
)]
pub struct ApplyArgs {
    /// Path to file or directory to apply. When a directory is provided, all .yaml, .yml, and .json files are applied. Pass - to read from stdin
    #[arg(short = 'f', long = "file", value_name = "string")]
    pub file: Option<String>,
    /// Variable to replace in configuration
    #[arg(short = 'v', long = "var", value_name = "stringToString", value_parser = key_values, action = ArgAction::Append)]
    pub vars: Vec<KeyValues>,
    /// Resolve variable and prints result out without actual applying
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(ctx: &mut RootContext, args: ApplyArgs) -> anyhow::Result<()> {
    ctx.check_compatibility();
    require_flags(&[("file", args.file.is_some())])?;
    let file = args.file.unwrap_or_default();
    // Without -v, documents are not templates at all: `{{x}}` stays as written.
    let vars = if args.vars.is_empty() {
        None
    } else {
        Some(
            template::Value::from_vars(&merge_key_values(&args.vars))
                .map_err(anyhow::Error::msg)?,
        )
    };
    let mut input = InputSource::open(&file)?;
    if input.is_empty()? {
        bail!("no resource(s) passed to apply");
    }

    // First pass: validate everything, send nothing.
    let mut valid = true;
    {
        let mut stderr = std::io::stderr().lock();
        for_each_document(&mut input, vars.as_ref(), |index, parsed| {
            if let Err(err) = parsed {
                valid = false;
                writeln!(stderr, "resource[{index}]: {err}")?;
                if let Some(hint) = err.hint() {
                    writeln!(stderr, "resource[{index}]: hint: {hint}")?;
                }
            }
            Ok(())
        })?;
    }
    if !valid {
        bail!("failed to validate some resources");
    }

    // Second pass: print or send.
    if args.dry_run {
        let mut stdout = std::io::stdout().lock();
        return for_each_document(&mut input, vars.as_ref(), |index, parsed| {
            let resource = revalidated(parsed)?;
            if index > 0 {
                stdout.write_all(b"---\n")?;
            }
            stdout.write_all(single_yaml(&resource.to_json()).as_bytes())?;
            Ok(())
        });
    }
    let client = ctx.api_client()?;
    for_each_document(&mut input, vars.as_ref(), |_, parsed| {
        upsert(&client, revalidated(parsed)?)
    })
}

/// A document of the second pass: valid, unless the input changed in between.
fn revalidated(parsed: Result<Resource, DocumentError>) -> anyhow::Result<Resource> {
    parsed.map_err(|err| anyhow!("the input changed while it was applied: {err}"))
}

/// Reads the input from its start and hands each document, parsed and validated, to
/// `action` with its index (counting kept documents, from 0).
fn for_each_document(
    input: &mut InputSource,
    vars: Option<&template::Value>,
    mut action: impl FnMut(usize, Result<Resource, DocumentError>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let partials = input.partials();
    let reader = input.reader()?;
    for (index, text) in Documents::new(reader).enumerate() {
        let text = text.context("error reading input")?;
        action(index, parse_document(&text, vars, &partials))?;
    }
    Ok(())
}

fn parse_document(
    text: &[u8],
    vars: Option<&template::Value>,
    partials: &template::Partials,
) -> Result<Resource, DocumentError> {
    match (vars, std::str::from_utf8(text)) {
        (Some(vars), Ok(text)) => {
            document::parse(document::render(text, Some(vars), partials)?.as_bytes())
        }
        // Not UTF-8: the YAML reader reports it.
        _ => document::parse(text),
    }
}

/// GET the resource to learn whether it exists, then PUT it. Prints the outcome line
/// on stdout and the server's warnings on stderr.
fn upsert(client: &ApiClient, mut resource: Resource) -> anyhow::Result<()> {
    let t = resource.resource_type();
    let label = format!(
        "resource type={:?} mesh={:?} name={:?}",
        t.name, resource.meta.mesh, resource.meta.name
    );
    let failed = |message: String| anyhow!("{label}: failed server side: {message}");
    let path = t.item_path(&resource.meta.mesh, &resource.meta.name);

    let existing = client.get(&path).map_err(|e| failed(e.to_string()))?;
    let create = match existing.status {
        404 => true,
        _ if existing.is_success() => false,
        _ => return Err(failed(server_error(&existing))),
    };
    if !create {
        // On update, the name and mesh are the stored resource's.
        if let Ok(Value::Object(stored)) = serde_json::from_slice::<Value>(&existing.body) {
            if let Some(Value::String(name)) = stored.get("name") {
                resource.meta.name = name.clone();
            }
            if let Some(Value::String(mesh)) = stored.get("mesh") {
                resource.meta.mesh = mesh.clone();
            }
        }
    }
    // kumactl sends Go's zero times; the server sets its own.
    resource.meta.creation_time = time::zero();
    resource.meta.modification_time = time::zero();
    let body = serde_json::to_vec(&resource.to_json())?;
    let response = client
        .send(Method::PUT, &path, Some(body))
        .map_err(|e| failed(e.to_string()))?;
    if !matches!(response.status, 200 | 201) {
        return Err(failed(server_error(&response)));
    }

    writeln!(
        std::io::stdout().lock(),
        "{label} {}",
        if create { "Created" } else { "Updated" }
    )?;
    let mut stderr = std::io::stderr().lock();
    for warning in warnings(&response) {
        writeln!(stderr, "Warning: {warning}")?;
    }
    Ok(())
}

/// A failed answer, readable: a Kuma error as `title (detail)` with one `* field:
/// reason` line per invalid field (Go flattens these into one line); a 405 without a
/// Kuma body as its text; anything else as `(<status>): <body>`.
fn server_error(response: &Response) -> String {
    match crate::api::ApiError::from_body(&response.body) {
        Some(api) => api.formatted(),
        None if response.status == 405 => response.text(),
        None => format!("({}): {}", response.status, response.text()),
    }
}

/// The `warnings` of a `{"warnings": [...]}` success body.
fn warnings(response: &Response) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Body {
        #[serde(default)]
        warnings: Vec<String>,
    }
    serde_json::from_slice::<Body>(&response.body)
        .map(|b| b.warnings)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, body: &str) -> Response {
        Response {
            status,
            body: body.as_bytes().to_vec(),
            url: "http://cp/meshes/x".into(),
        }
    }

    #[test]
    fn server_errors_are_readable() {
        let kuma = r#"{"type":"/std-errors","status":400,"title":"Could not process a resource","detail":"Resource is not valid","invalid_parameters":[{"field":"path","reason":"cannot be empty"},{"field":"mesh","reason":"cannot be empty"}]}"#;
        assert_eq!(
            server_error(&response(400, kuma)),
            "Could not process a resource (Resource is not valid)\n* path: cannot be empty\n* mesh: cannot be empty"
        );
        assert_eq!(
            server_error(&response(405, "405: Method Not Allowed")),
            "405: Method Not Allowed"
        );
        assert_eq!(server_error(&response(500, "boom")), "(500): boom");
    }

    #[test]
    fn warnings_of_a_success_body() {
        assert_eq!(
            warnings(&response(201, r#"{"warnings":["a","b"]}"#)),
            vec!["a", "b"]
        );
        assert!(warnings(&response(200, "{}")).is_empty());
    }

    #[test]
    fn documents_are_templated_only_with_vars() {
        let vars = template::Value::from_vars([(&"n".to_string(), &"ze-1".to_string())]).unwrap();
        let doc = b"type: ZoneEgress\nname: '{{ n }}'\nnetworking:\n  port: 10002";
        assert_eq!(
            parse_document(doc, Some(&vars), &template::Partials::Refused("stdin"))
                .unwrap()
                .meta
                .name,
            "ze-1"
        );
        assert_eq!(
            parse_document(doc, None, &template::Partials::Refused("stdin"))
                .unwrap_err()
                .to_string(),
            format!(
                "failed to read meta: name: {}",
                crate::resources::meta::NAME_INVALID
            )
        );
    }
}
