//! Shell completion of resource names, asked from the current control plane while the user
//! types (Go kumactl completes commands and flags only). It runs clap_complete's dynamic
//! engine: `source <(COMPLETE=bash kumactl)` (or `zsh`, `fish`, `powershell`) registers a
//! shell function that calls `COMPLETE=<shell> kumactl -- <words>` on each TAB.
//!
//! The engine hands a completer only the word being completed, while a name depends on
//! other words of the line: the TYPE of `delete TYPE NAME`, `--mesh`, `--config-file` and
//! `--context`. [`complete_if_requested`] reads them from the line first ([`Line`]), then
//! runs the engine over the command tree with completers attached to the `NAME` positionals
//! of `get <type>`, `delete` and `inspect zoneegress`, to `delete`'s TYPE and to every `--mesh`.
//!
//! A completion never writes to the config, prints nothing but candidates, and waits at
//! most [`TIMEOUT`] for the control plane; when none answers, there are no candidates.

use crate::client::{ApiClient, Auth, RequestLog};
use crate::config::{self, Config};
use crate::resources::descriptor::{self, RESOURCE_TYPES, ResourceType, Scope};
use clap_complete::engine::{ArgValueCandidates, ArgValueCompleter, CompletionCandidate};
use clap_complete::env::CompleteEnv;
use std::ffi::OsStr;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

/// The environment variable that asks for a completion (clap_complete's default).
pub const ENV_VAR: &str = "COMPLETE";

/// The whole budget of one request to the control plane.
pub const TIMEOUT: Duration = Duration::from_millis(100);

/// The most names asked for in one list (Kuma's largest page).
const PAGE_SIZE: u32 = 1000;

/// The words of the line being completed, read once before the engine runs.
static LINE: OnceLock<Line> = OnceLock::new();

/// What the completers need from the rest of the command line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Line {
    pub config_file: Option<String>,
    pub context: Option<String>,
    pub mesh: Option<String>,
    /// The words that are neither flags nor flag values, the program name excluded.
    pub positionals: Vec<String>,
}

/// Flags whose value is the next word (unless written `--flag=value`).
const VALUE_FLAGS: &[&str] = &[
    "--config-file",
    "--context",
    "--log-level",
    "--api-timeout",
    "--mesh",
    "-m",
    "--output",
    "-o",
    "--size",
    "--offset",
];

impl Line {
    /// Reads `kumactl <words>`, up to but without the word at `index` (the one being
    /// completed).
    pub fn parse(words: &[String], index: usize) -> Line {
        let mut line = Line::default();
        let end = index.min(words.len());
        let mut i = 1;
        while i < end {
            let word = &words[i];
            i += 1;
            if word == "--" {
                line.positionals.extend(words[i..end].iter().cloned());
                break;
            }
            if !word.starts_with('-') || word == "-" {
                line.positionals.push(word.clone());
                continue;
            }
            let (flag, value) = match word.split_once('=') {
                Some((flag, value)) => (flag, Some(value.to_string())),
                None if VALUE_FLAGS.contains(&word.as_str()) => {
                    let value = words.get(i).filter(|_| i < end).cloned();
                    i += 1;
                    (word.as_str(), value)
                }
                None => (word.as_str(), None),
            };
            let Some(value) = value else { continue };
            match flag {
                "--config-file" => line.config_file = Some(value),
                "--context" => line.context = Some(value),
                "--mesh" | "-m" => line.mesh = Some(value),
                _ => {}
            }
        }
        line
    }

    fn mesh(&self) -> &str {
        self.mesh.as_deref().unwrap_or("default")
    }
}

/// When the shell asks for a completion (`COMPLETE` is set), prints it (or, without words,
/// the shell's registration script) and exits; otherwise returns at once.
pub fn complete_if_requested() {
    let requested = std::env::var_os(ENV_VAR).is_some_and(|v| !v.is_empty() && v != "0");
    if !requested {
        return;
    }
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let words: Vec<String> = match args.iter().position(|a| a == "--") {
        Some(i) => args[i + 1..].to_vec(),
        None => Vec::new(),
    };
    // bash and zsh pass the index of the word being completed; fish and powershell
    // complete the last word.
    let index = std::env::var("_CLAP_COMPLETE_INDEX")
        .ok()
        .and_then(|i| i.parse().ok())
        .unwrap_or(words.len().saturating_sub(1));
    let _ = LINE.set(Line::parse(&words, index));
    CompleteEnv::with_factory(|| with_completers(super::command())).complete();
}

/// The command tree with the name completers attached.
pub fn with_completers(cmd: clap::Command) -> clap::Command {
    with_mesh_completers(cmd).mut_subcommands(|sub| match sub.get_name() {
        // `get <type> NAME` and `inspect <type> NAME`.
        "get" | "inspect" => sub.mut_subcommands(|typed| {
            let single = RESOURCE_TYPES
                .iter()
                .find(|t| t.single_arg == Some(typed.get_name()));
            match single {
                Some(t) => with_name_completer(typed, t),
                None => typed,
            }
        }),
        "delete" => sub
            .mut_arg("type_noun", |a| {
                a.add(ArgValueCandidates::new(|| {
                    descriptor::single_nouns_sorted()
                        .into_iter()
                        .filter(|noun| {
                            descriptor::by_kumactl_noun(noun).is_some_and(|t| !t.read_only)
                        })
                        .map(CompletionCandidate::new)
                        .collect::<Vec<_>>()
                }))
            })
            .mut_arg("names", |a| a.add(ArgValueCompleter::new(delete_names))),
        _ => sub,
    })
}

/// Completes `--mesh` with the control plane's meshes, in every command that has the flag.
fn with_mesh_completers(cmd: clap::Command) -> clap::Command {
    let cmd = if has_arg(&cmd, "mesh") {
        cmd.mut_arg("mesh", |a| {
            a.add(ArgValueCompleter::new(|current: &OsStr| {
                descriptor::by_name("Mesh")
                    .map(|mesh| names(mesh, current))
                    .unwrap_or_default()
            }))
        })
    } else {
        cmd
    };
    cmd.mut_subcommands(with_mesh_completers)
}

/// Completes the first positional argument of `cmd` with the names of `t`.
fn with_name_completer(cmd: clap::Command, t: &'static ResourceType) -> clap::Command {
    let Some(id) = cmd.get_positionals().next().map(|a| a.get_id().clone()) else {
        return cmd;
    };
    cmd.mut_arg(id, |a| {
        a.add(ArgValueCompleter::new(move |current: &OsStr| {
            names(t, current)
        }))
    })
}

fn has_arg(cmd: &clap::Command, id: &str) -> bool {
    cmd.get_arguments().any(|a| a.get_id() == id)
}

/// `delete TYPE <NAME>`: the names of the TYPE already typed.
fn delete_names(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(line) = LINE.get() else {
        return Vec::new();
    };
    // Only the first word after TYPE is a name.
    let after_delete: Vec<&String> = line
        .positionals
        .iter()
        .skip_while(|w| *w != "delete")
        .skip(1)
        .collect();
    match after_delete.as_slice() {
        [noun] => match descriptor::by_kumactl_noun(noun) {
            Some(t) if !t.read_only => names(t, current),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The names of type `t` that start with `current`, from the current control plane;
/// nothing on any failure.
fn names(t: &ResourceType, current: &OsStr) -> Vec<CompletionCandidate> {
    let line = LINE.get().cloned().unwrap_or_default();
    let prefix = current.to_string_lossy();
    fetch_names(&line, t)
        .unwrap_or_default()
        .into_iter()
        .filter(|name| name.starts_with(prefix.as_ref()))
        .map(CompletionCandidate::new)
        .collect()
}

/// One page of the list of `t` (of the line's mesh for Mesh-scoped types).
pub fn fetch_names(line: &Line, t: &ResourceType) -> Option<Vec<String>> {
    let config_path = line
        .config_file
        .as_ref()
        .map(PathBuf::from)
        .unwrap_or_else(config::default_path);
    // Read only: a completion must not create the config file as a command does.
    let config = if config_path.exists() {
        Config::load(&config_path).ok()?
    } else {
        Config::default_config()
    };
    let api = &config
        .current_control_plane(line.context.as_deref())
        .ok()?
        .coordinates
        .api_server;
    let client = ApiClient::new(api, TIMEOUT.into(), Auth::Send, RequestLog(false)).ok()?;
    let mesh = super::get::path_segment(line.mesh())?;
    let path = match t.scope {
        Scope::Global => t.list_path(""),
        Scope::Mesh => t.list_path(&mesh),
    };
    let page: super::get::list::Page = client
        .get(&format!("{path}?size={PAGE_SIZE}"))
        .ok()?
        .json()
        .ok()?;
    Some(names_of(&page.items))
}

/// The names of a page's items. A name with a control character (no valid name has one)
/// is left out: the shell would take a newline as the start of another candidate and
/// print an escape sequence as is.
fn names_of(items: &[serde_json::Value]) -> Vec<String> {
    items
        .iter()
        .filter_map(|item| item["name"].as_str())
        .filter(|name| !name.chars().any(char::is_control))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn names_with_control_characters_are_not_offered() {
        let items = [
            serde_json::json!({"name": "mt-a"}),
            serde_json::json!({"name": "\u{1b}[31mx\nevil"}),
            serde_json::json!({"name": "tab\tname"}),
            serde_json::json!({"name": 5}),
            serde_json::json!({"name": "zoné"}),
        ];
        assert_eq!(names_of(&items), ["mt-a", "zoné"]);
    }

    #[test]
    fn reads_the_flags_and_words_before_the_cursor() {
        let w = words("kumactl --config-file /c delete -m=demo secret s --context x");
        assert_eq!(
            Line::parse(&w, 6),
            Line {
                config_file: Some("/c".into()),
                context: None,
                mesh: Some("demo".into()),
                positionals: vec!["delete".into(), "secret".into()],
            }
        );
        let w = words("kumactl get meshtimeouts --mesh");
        // The flag value is the word being completed: no mesh yet.
        assert_eq!(Line::parse(&w, 4).mesh, None);
        let w = words("kumactl get meshtimeout --mesh other --context ctx x");
        let line = Line::parse(&w, 7);
        assert_eq!(line.mesh(), "other");
        assert_eq!(line.context.as_deref(), Some("ctx"));
        assert_eq!(line.positionals, ["get", "meshtimeout"]);
    }

    #[test]
    fn completers_are_attached() {
        let mut cmd = with_completers(super::super::command());
        cmd.build();
        let get = cmd.find_subcommand("get").unwrap();
        let single = get.find_subcommand("meshtimeout").unwrap();
        let name = single
            .get_arguments()
            .find(|a| a.get_id() == "NAME")
            .unwrap();
        assert!(name.get::<ArgValueCompleter>().is_some());
        let mesh = single
            .get_arguments()
            .find(|a| a.get_id() == "mesh")
            .unwrap();
        assert!(mesh.get::<ArgValueCompleter>().is_some());
        let inspect = cmd.find_subcommand("inspect").unwrap();
        let egress = inspect.find_subcommand("zoneegress").unwrap();
        let name = egress.get_positionals().next().unwrap();
        assert!(name.get::<ArgValueCompleter>().is_some());
        let token = cmd
            .find_subcommand("generate")
            .and_then(|g| g.find_subcommand("dataplane-token"))
            .unwrap();
        let mesh = token
            .get_arguments()
            .find(|a| a.get_id() == "mesh")
            .unwrap();
        assert!(mesh.get::<ArgValueCompleter>().is_some());
        let delete = cmd.find_subcommand("delete").unwrap();
        let names = delete
            .get_arguments()
            .find(|a| a.get_id() == "names")
            .unwrap();
        assert!(names.get::<ArgValueCompleter>().is_some());
    }
}
