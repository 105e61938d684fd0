//! Turns clap's parse errors into cobra's messages (cobra's `command.go` and `args.go`, as
//! Go kumactl prints them), so `Error: unknown flag: --foo` reads the same as with Go
//! kumactl, always with exit code 1 (clap would use 2). Help requests print on stdout
//! with exit code 0.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::io::Write;
use std::process::ExitCode;

/// Reports a clap error and returns the exit code.
pub fn report(cmd: &mut clap::Command, argv: &[String], err: clap::Error) -> ExitCode {
    match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = std::io::stdout()
                .lock()
                .write_all(err.render().to_string().as_bytes());
            ExitCode::SUCCESS
        }
        _ => {
            let message = translate(cmd, argv, &err);
            let _ = writeln!(std::io::stderr().lock(), "Error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// An error that cobra reports together with the usage: we add a pointer to `--help`.
pub fn usage_error(argv: &[String], message: &str) -> anyhow::Error {
    let path = command_path(&super::command(), argv).join(" ");
    anyhow::anyhow!("{message}\nRun '{path} --help' for usage.")
}

fn context_string(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => v.first().map(|s| s.to_string()),
        _ => None,
    }
}

fn translate(cmd: &mut clap::Command, argv: &[String], err: &clap::Error) -> String {
    let path = command_path(cmd, argv);
    let help_hint = format!("Run '{} --help' for usage.", path.join(" "));
    match err.kind() {
        ErrorKind::UnknownArgument => {
            let arg = context_string(err, ContextKind::InvalidArg).unwrap_or_default();
            if let Some(long) = arg.strip_prefix("--") {
                let name = long.split('=').next().unwrap_or(long);
                format!("unknown flag: --{name}\n{help_hint}")
            } else if let Some(short) = arg.strip_prefix('-').filter(|s| !s.is_empty()) {
                let letter = short.chars().next().unwrap_or('-');
                let whole = argv
                    .iter()
                    .find(|a| a.starts_with('-') && !a.starts_with("--") && a.contains(letter))
                    .cloned()
                    .unwrap_or_else(|| arg.clone());
                format!("unknown shorthand flag: '{letter}' in {whole}\n{help_hint}")
            } else {
                format!(
                    "unknown command {:?} for {:?}\n{help_hint}",
                    arg,
                    path.join(" ")
                )
            }
        }
        ErrorKind::InvalidSubcommand => {
            let name = context_string(err, ContextKind::InvalidSubcommand).unwrap_or_default();
            let mut text = format!("unknown command {:?} for {:?}\n", name, path.join(" "));
            let suggestions = suggestions_for(cmd, &path, &name);
            if !suggestions.is_empty() {
                text.push_str("\nDid you mean this?\n");
                for suggestion in suggestions {
                    text.push_str(&format!("\t{suggestion}\n"));
                }
                text.push('\n');
            }
            text.push_str(&help_hint);
            text
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let flag = flag_display(cmd, &path, err);
            let value = context_string(err, ContextKind::InvalidValue).unwrap_or_default();
            if value.is_empty() && err.kind() == ErrorKind::InvalidValue {
                return format!("flag needs an argument: {}\n{help_hint}", flag.long_form);
            }
            let reason = match std::error::Error::source(err) {
                Some(source) => source.to_string(),
                None => {
                    let valid = match err.get(ContextKind::ValidValue) {
                        Some(ContextValue::Strings(v)) => v.join(", "),
                        _ => String::new(),
                    };
                    format!("must be one of: {valid}")
                }
            };
            format!(
                "invalid argument {value:?} for {:?} flag: {reason}\n{help_hint}",
                flag.cobra_form
            )
        }
        _ => {
            // Anything else: clap's own first line, without its "error: " prefix.
            let rendered = err.render().to_string();
            let first = rendered
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error: ")
                .to_string();
            format!("{first}\n{help_hint}")
        }
    }
}

struct FlagDisplay {
    /// `--file`
    long_form: String,
    /// `-f, --file` (pflag's name for a flag with a shorthand)
    cobra_form: String,
}

fn flag_display(cmd: &mut clap::Command, path: &[String], err: &clap::Error) -> FlagDisplay {
    let raw = context_string(err, ContextKind::InvalidArg).unwrap_or_default();
    let token = raw.split([' ', '=']).next().unwrap_or_default().to_string();
    let long = token.trim_start_matches('-').to_string();
    cmd.build();
    let mut current = &*cmd;
    let mut found = None;
    for name in path.iter().skip(1) {
        if let Some(sub) = current.find_subcommand(name) {
            current = sub;
        }
    }
    for arg in current.get_arguments() {
        if arg.get_long() == Some(long.as_str())
            || (long.len() == 1 && arg.get_short().map(String::from) == Some(long.clone()))
        {
            found = Some((arg.get_short(), arg.get_long().map(str::to_string)));
            break;
        }
    }
    match found {
        Some((short, Some(long))) => FlagDisplay {
            long_form: format!("--{long}"),
            cobra_form: match short {
                Some(s) => format!("-{s}, --{long}"),
                None => format!("--{long}"),
            },
        },
        _ => FlagDisplay {
            long_form: token.clone(),
            cobra_form: token,
        },
    }
}

/// cobra's suggestions for a mistyped sub-command (`SuggestionsFor` in cobra's
/// `command.go`): every visible sub-command whose name is within Levenshtein distance 2 of
/// what was typed, or starts with it, ignoring case; in name order. clap's own suggestion
/// is a single, often distant, match (`gett` gave `generate`).
fn suggestions_for(cmd: &clap::Command, path: &[String], typed: &str) -> Vec<String> {
    let mut current = cmd;
    for name in path.iter().skip(1) {
        if let Some(sub) = current.find_subcommand(name) {
            current = sub;
        }
    }
    let typed = typed.to_lowercase();
    let mut names: Vec<&str> = current
        .get_subcommands()
        .filter(|sub| !sub.is_hide_set())
        .map(|sub| sub.get_name())
        .filter(|name| {
            let name = name.to_lowercase();
            name.starts_with(&typed) || levenshtein(name.as_bytes(), typed.as_bytes()) <= 2
        })
        .collect();
    names.sort_unstable();
    names.into_iter().map(str::to_string).collect()
}

/// The edit distance between two byte strings (insertions, deletions, substitutions).
fn levenshtein(a: &[u8], b: &[u8]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, &y) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(x != y);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// The command path named by `argv` (`kumactl get meshes`): the program name, then each
/// word that names a sub-command of the one before.
pub fn command_path(cmd: &clap::Command, argv: &[String]) -> Vec<String> {
    let mut path = vec![cmd.get_name().to_string()];
    let mut current = cmd;
    for word in argv.iter().skip(1) {
        if word.starts_with('-') {
            continue;
        }
        match current.find_subcommand(word) {
            Some(sub) => {
                path.push(sub.get_name().to_string());
                current = sub;
            }
            None => continue,
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levenshtein_counts_edits() {
        assert_eq!(levenshtein(b"gett", b"get"), 1);
        assert_eq!(levenshtein(b"meshs", b"meshes"), 1);
        assert_eq!(levenshtein(b"gett", b"generate"), 5);
        assert_eq!(levenshtein(b"", b"abc"), 3);
        assert_eq!(levenshtein(b"kitten", b"sitting"), 3);
    }

    #[test]
    fn suggestions_are_the_close_names_and_the_prefixed_ones() {
        let cmd = crate::cmd::command();
        let root = vec!["kumactl".to_string()];
        assert_eq!(suggestions_for(&cmd, &root, "gett"), ["get"]);
        assert_eq!(suggestions_for(&cmd, &root, "GENER"), ["generate"]);
        assert_eq!(suggestions_for(&cmd, &root, "xyzzy"), Vec::<String>::new());
        let get = vec!["kumactl".to_string(), "get".to_string()];
        assert_eq!(
            suggestions_for(&cmd, &get, "meshs"),
            ["mesh", "meshes", "meshservice", "meshservices", "meshtls"]
        );
        assert_eq!(
            suggestions_for(&cmd, &get, "zoneegres"),
            ["zoneegress", "zoneegresses"]
        );
    }
}
