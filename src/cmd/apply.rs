//! `kumactl apply -f FILE|DIR|URL|- [-v key=value]... [--dry-run]` (Go's
//! `app/kumactl/cmd/apply/apply.go`).
//!
//! Go validates every document before it sends any, then sends them in order. The input
//! is parsed once: the validating pass prints the `resource[i]: ...` lines and, for each
//! valid document, writes what the second pass needs to a temporary file (the type,
//! mesh and name and the compact JSON body, or for `--dry-run` the printed YAML). Only
//! if every document is valid is that file read back, one record at a time, to print
//! them or to send them, one GET + PUT per resource over one kept-alive connection.
//! Memory is bounded by the few batches of documents in flight during validation, not
//! by the input.

use super::args::{KeyValues, key_values, merge_key_values, require_flags};
use super::context::RootContext;
use crate::client::{ApiClient, Response};
use crate::output::resources::single_yaml_owned;
use crate::resources::Resource;
use crate::resources::descriptor;
use crate::resources::document::{self, DocumentError};
use crate::resources::input::InputSource;
use crate::resources::split::Documents;
use crate::resources::template;
use crate::resources::time;
use anyhow::{Context, anyhow, bail};
use clap::{ArgAction, Args};
use reqwest::Method;
use serde_json::Value;
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};

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

    // First pass: validate everything, send nothing; keep what the second pass needs.
    let mut valid = true;
    let mut spool = Spool::new()?;
    {
        let mut stderr = std::io::stderr().lock();
        let partials = input.partials();
        let reader = input.reader()?;
        let templating = (vars.as_ref(), &partials);
        validate_all(reader, templating, args.dry_run, |index, validated| {
            match validated {
                Ok(record) if valid => spool.push_encoded(&record)?,
                Ok(_) => {}
                Err(err) => {
                    valid = false;
                    writeln!(stderr, "resource[{index}]: {err}")?;
                    if let Some(hint) = err.hint() {
                        writeln!(stderr, "resource[{index}]: hint: {hint}")?;
                    }
                }
            }
            Ok(())
        })?;
    }
    if !valid {
        bail!("failed to validate some resources");
    }

    // Second pass: print or send what the first pass kept.
    let mut records = spool.records()?;
    // Buffered: a line per resource would otherwise cost a write of its own. It is
    // flushed before anything goes to stderr, and when it is dropped (before the error
    // of a failed run is printed).
    let mut stdout = BufWriter::new(std::io::stdout().lock());
    if args.dry_run {
        let mut first = true;
        while let Some(record) = records.next_record()? {
            if !first {
                stdout.write_all(b"---\n")?;
            }
            first = false;
            stdout.write_all(&record.body)?;
        }
        return Ok(stdout.flush()?);
    }
    let client = ctx.api_client()?;
    while let Some(record) = records.next_record()? {
        upsert(&client, record, &mut stdout)?;
    }
    Ok(stdout.flush()?)
}

/// What the validating pass made of one document: its spool record, or why it is invalid.
type Validated = Result<Vec<u8>, DocumentError>;

/// Documents are validated in batches of this many documents, or of this many bytes (a
/// larger document goes alone), on a few threads: a batch in flight per thread and per
/// channel slot bounds the memory.
const BATCH_DOCS: usize = 64;
const BATCH_BYTES: usize = 64 * 1024;

/// Splits the input into documents (on a thread of its own), validates and encodes them
/// on up to 4 threads, and hands each result to `each` on this thread, in input order,
/// with its index (counting kept documents, from 0). A read error ends the input: the
/// documents before it are handed over, then the error is returned.
fn validate_all(
    reader: Box<dyn std::io::BufRead + Send + '_>,
    (vars, partials): (Option<&template::Value>, &template::Partials),
    dry_run: bool,
    mut each: impl FnMut(usize, Validated) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    use std::sync::{Arc, Mutex, mpsc};
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    std::thread::scope(|scope| {
        let (batch_tx, batch_rx) = mpsc::sync_channel::<(usize, Vec<Vec<u8>>)>(workers);
        // Owned by the workers only: when they are gone, the splitter's sends fail.
        let batch_rx = Arc::new(Mutex::new(batch_rx));
        let (done_tx, done_rx) = mpsc::sync_channel::<(usize, Vec<Validated>)>(workers);
        for _ in 0..workers {
            let batch_rx = Arc::clone(&batch_rx);
            let done_tx = done_tx.clone();
            scope.spawn(move || {
                loop {
                    let next = match batch_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => break,
                    };
                    let Ok((seq, documents)) = next else { break };
                    let validated = documents
                        .iter()
                        .map(|text| {
                            parse_document(text, vars, partials)
                                .map(|resource| encode(resource, dry_run))
                        })
                        .collect();
                    if done_tx.send((seq, validated)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(batch_rx);
        drop(done_tx);
        let splitter = scope.spawn(move || -> anyhow::Result<()> {
            let (mut seq, mut batch, mut bytes) = (0, Vec::new(), 0);
            for text in Documents::new(reader) {
                let text = text.context("error reading input")?;
                bytes += text.len();
                batch.push(text);
                if batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
                    if batch_tx.send((seq, std::mem::take(&mut batch))).is_err() {
                        return Ok(());
                    }
                    (seq, bytes) = (seq + 1, 0);
                }
            }
            if !batch.is_empty() {
                let _ = batch_tx.send((seq, batch));
            }
            Ok(())
        });
        // Batches finish in any order; hand them over in input order.
        let mut finished = std::collections::BTreeMap::new();
        let (mut next_seq, mut index) = (0, 0);
        for (seq, validated) in done_rx {
            finished.insert(seq, validated);
            while let Some(batch) = finished.remove(&next_seq) {
                next_seq += 1;
                for validated in batch {
                    // Dropping the receiver on failure stops the threads.
                    each(index, validated)?;
                    index += 1;
                }
            }
        }
        splitter
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// A document's spool record: its type, mesh and name, then either the JSON meta and
/// spec of the body kumactl sends, or the YAML `--dry-run` prints. Each field is a
/// little-endian u64 length and the bytes.
fn encode(resource: Resource, dry_run: bool) -> Vec<u8> {
    let mut record = Vec::new();
    let mut field = |bytes: &[u8]| {
        record.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        record.extend_from_slice(bytes);
    };
    let t = resource.resource_type();
    field(t.name.as_bytes());
    field(resource.meta.mesh.as_bytes());
    field(resource.meta.name.as_bytes());
    if dry_run {
        field(b"");
        field(single_yaml_owned(resource.into_json()).as_bytes());
    } else {
        field(&serde_json::to_vec(&body_meta(&resource)).unwrap_or_default());
        field(&serde_json::to_vec(&resource.spec).unwrap_or_default());
    }
    record
}

/// The valid documents of the first pass, in a temporary file: per document its type,
/// mesh and name, then either the JSON meta and spec of the body kumactl sends, or the
/// YAML `--dry-run` prints. Each field is a little-endian u64 length and the bytes.
struct Spool {
    file: BufWriter<File>,
}

/// One document as the second pass reads it.
struct Record {
    type_name: String,
    mesh: String,
    name: String,
    /// The body's meta fields, a JSON object (empty for `--dry-run`).
    meta: Vec<u8>,
    /// The spec fields as a JSON object, or the YAML for `--dry-run`.
    body: Vec<u8>,
}

impl Spool {
    fn new() -> anyhow::Result<Spool> {
        let file = tempfile::tempfile().context("could not create a temporary file")?;
        Ok(Spool {
            file: BufWriter::with_capacity(64 * 1024, file),
        })
    }

    /// Appends a record made by [`encode`].
    fn push_encoded(&mut self, record: &[u8]) -> anyhow::Result<()> {
        self.file
            .write_all(record)
            .context("could not write a temporary file")
    }

    fn records(self) -> anyhow::Result<Records> {
        let mut file = self
            .file
            .into_inner()
            .map_err(|e| e.into_error())
            .context("could not write a temporary file")?;
        file.seek(SeekFrom::Start(0))
            .context("could not read a temporary file")?;
        Ok(Records {
            file: BufReader::with_capacity(64 * 1024, file),
        })
    }
}

struct Records {
    file: BufReader<File>,
}

impl Records {
    fn next_record(&mut self) -> anyhow::Result<Option<Record>> {
        let Some(type_name) = self.field(true)? else {
            return Ok(None);
        };
        let mut next = || -> anyhow::Result<Vec<u8>> {
            self.field(false)?
                .context("could not read a temporary file: it ends early")
        };
        let text = |bytes: Vec<u8>| String::from_utf8(bytes).context("a temporary file is corrupt");
        Ok(Some(Record {
            type_name: text(type_name)?,
            mesh: text(next()?)?,
            name: text(next()?)?,
            meta: next()?,
            body: next()?,
        }))
    }

    /// The next field; `None` at the end of the file if `may_end`.
    fn field(&mut self, may_end: bool) -> anyhow::Result<Option<Vec<u8>>> {
        let mut len = [0u8; 8];
        match self.file.read_exact(&mut len) {
            Ok(()) => {}
            Err(e) if may_end && e.kind() == std::io::ErrorKind::UnexpectedEof => {
                return Ok(None);
            }
            Err(e) => return Err(e).context("could not read a temporary file"),
        }
        let len =
            usize::try_from(u64::from_le_bytes(len)).context("a temporary file is corrupt")?;
        let mut bytes = vec![0; len];
        self.file
            .read_exact(&mut bytes)
            .context("could not read a temporary file")?;
        Ok(Some(bytes))
    }
}

/// The meta fields of the body kumactl sends: the resource's, with Go's zero times (the
/// server sets its own).
fn body_meta(resource: &Resource) -> serde_json::Map<String, Value> {
    let mut meta = resource.meta.clone();
    meta.creation_time = time::zero();
    meta.modification_time = time::zero();
    Resource {
        meta,
        spec: serde_json::Map::new(),
    }
    .meta_json()
}

/// A body from its meta and spec objects: their fields, meta first (as
/// [`Resource::to_json`] orders them).
fn join_objects(meta: &[u8], spec: &[u8]) -> Vec<u8> {
    let spec_fields = &spec[1..spec.len() - 1];
    let mut body = Vec::with_capacity(meta.len() + spec.len());
    body.extend_from_slice(&meta[..meta.len() - 1]);
    if !spec_fields.is_empty() {
        body.push(b',');
        body.extend_from_slice(spec_fields);
    }
    body.push(b'}');
    body
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
fn upsert(client: &ApiClient, record: Record, stdout: &mut impl Write) -> anyhow::Result<()> {
    let t = descriptor::by_name(&record.type_name).context("a temporary file is corrupt")?;
    let label = format!(
        "resource type={:?} mesh={:?} name={:?}",
        t.name, record.mesh, record.name
    );
    let failed = |message: String| anyhow!("{label}: failed server side: {message}");
    // No answer at all is not a failure "server side": say what happened instead.
    let unanswered = |e: crate::client::TransportError| anyhow!("{label}: {e}");
    let path = t.item_path(&record.mesh, &record.name);

    let existing = client.get(&path).map_err(unanswered)?;
    if existing.status == 404 && crate::cmd::legacy_egress::is_legacy_type(t.name) {
        crate::cmd::legacy_egress::require_legacy(client, t.name)
            .map_err(|e| anyhow!("{label}: {e}"))?;
    }
    let create = match existing.status {
        404 => true,
        _ if existing.is_success() => false,
        _ => return Err(failed(server_error(&existing))),
    };
    let mut meta = record.meta;
    if !create {
        // On update, the name and mesh are the stored resource's.
        if let Ok(Value::Object(stored)) = serde_json::from_slice::<Value>(&existing.body) {
            let stored_text = |key: &str| match stored.get(key) {
                Some(Value::String(text)) => Some(text.clone()),
                _ => None,
            };
            let name = stored_text("name").unwrap_or_else(|| record.name.clone());
            let mesh = stored_text("mesh").unwrap_or_else(|| record.mesh.clone());
            if name != record.name || mesh != record.mesh {
                let mut resource = Resource::from_json(serde_json::from_slice(&meta)?)?;
                resource.meta.name = name;
                resource.meta.mesh = mesh;
                meta = serde_json::to_vec(&resource.meta_json())?;
            }
        }
    }
    let body = join_objects(&meta, &record.body);
    let response = client
        .send(Method::PUT, &path, Some(body))
        .map_err(unanswered)?;
    if !matches!(response.status, 200 | 201) {
        return Err(failed(server_error(&response)));
    }

    writeln!(
        stdout,
        "{label} {}",
        if create { "Created" } else { "Updated" }
    )?;
    let warnings = warnings(&response);
    if !warnings.is_empty() {
        stdout.flush()?;
        let mut stderr = std::io::stderr().lock();
        for warning in warnings {
            writeln!(stderr, "Warning: {warning}")?;
        }
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
    fn bodies_are_meta_then_spec() {
        let resource =
            document::parse(b"type: ZoneEgress\nname: ze-1\nnetworking:\n  port: 10002").unwrap();
        let meta = serde_json::to_vec(&body_meta(&resource)).unwrap();
        let spec = serde_json::to_vec(&resource.spec).unwrap();
        let mut expected = resource.clone();
        expected.meta.creation_time = time::zero();
        expected.meta.modification_time = time::zero();
        assert_eq!(
            join_objects(&meta, &spec),
            serde_json::to_vec(&expected.to_json()).unwrap()
        );
        assert_eq!(
            join_objects(br#"{"type":"Mesh"}"#, b"{}"),
            br#"{"type":"Mesh"}"#
        );
    }

    #[test]
    fn the_spool_gives_back_its_records_in_order() {
        let mut spool = Spool::new().unwrap();
        for name in ["a", "b"] {
            let doc = format!("type: Secret\nmesh: m\nname: {name}\ndata: dA==");
            let record = encode(document::parse(doc.as_bytes()).unwrap(), false);
            spool.push_encoded(&record).unwrap();
        }
        let mut records = spool.records().unwrap();
        for name in ["a", "b"] {
            let record = records.next_record().unwrap().unwrap();
            assert_eq!(
                (record.type_name.as_str(), record.mesh.as_str()),
                ("Secret", "m")
            );
            assert_eq!(record.name, name);
            assert_eq!(record.body, br#"{"data":"dA=="}"#);
        }
        assert!(records.next_record().unwrap().is_none());
    }

    #[test]
    fn validation_on_threads_keeps_the_input_order() {
        let input: Vec<String> = (0..1000)
            .map(|i| match i {
                5 | 700 => format!("type: Foo\nname: x-{i}"),
                _ => format!("type: Mesh\nname: m-{i}"),
            })
            .collect();
        let input = input.join("\n---\n");
        let mut seen = Vec::new();
        let no_templates = (None, &template::Partials::Refused("stdin"));
        validate_all(
            Box::new(input.as_bytes()),
            no_templates,
            false,
            |index, validated| {
                seen.push((index, validated.map(|record| record.len())));
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen.len(), 1000);
        for (i, (index, validated)) in seen.iter().enumerate() {
            assert_eq!(*index, i);
            assert_eq!(validated.is_err(), i == 5 || i == 700, "document {i}");
        }
        // A failure of the caller stops everything and is returned.
        let mut calls = 0;
        let err = validate_all(Box::new(input.as_bytes()), no_templates, false, |_, _| {
            calls += 1;
            anyhow::ensure!(calls < 3, "stop");
            Ok(())
        })
        .unwrap_err();
        assert_eq!((err.to_string(), calls), ("stop".to_string(), 3));
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
