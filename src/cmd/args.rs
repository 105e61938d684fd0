//! Argument helpers shared by commands: pflag's `stringToString` flags, and the
//! positional-count and required-flag checks that cobra runs after the pre-run
//! (so the config file is created and the compatibility warning printed first).

use anyhow::bail;
use std::collections::BTreeMap;

/// One occurrence of a `key=value` flag (`--headers`, `--auth-conf`, `--var`, `--tag`...),
/// parsed like pflag's `stringToString`: one `=` is one pair (commas stay in the value);
/// several are read as a CSV line of pairs.
pub fn parse_key_values(raw: &str) -> Result<Vec<(String, String)>, String> {
    let pieces: Vec<String> = match raw.matches('=').count() {
        0 => return Err(format!("{raw} must be formatted as key=value")),
        1 => vec![raw.trim_matches('"').to_string()],
        _ => split_csv_line(raw)?,
    };
    pieces
        .into_iter()
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => Ok((k.to_string(), v.to_string())),
            None => Err(format!("{pair} must be formatted as key=value")),
        })
        .collect()
}

/// One occurrence of a `stringToString` flag, as clap hands it to a command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyValues(pub Vec<(String, String)>);

/// clap value parser for `stringToString` flags.
pub fn key_values(raw: &str) -> Result<KeyValues, String> {
    parse_key_values(raw).map(KeyValues)
}

/// Merges repeated `key=value` occurrences; later keys win, as pflag's map does.
pub fn merge_key_values(occurrences: &[KeyValues]) -> BTreeMap<String, String> {
    occurrences
        .iter()
        .flat_map(|o| o.0.iter().cloned())
        .collect()
}

/// Go's `encoding/csv` reading of a single line: fields split on commas, `"..."` quoting
/// with `""` as an escaped quote.
fn split_csv_line(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if at_field_start && c == '"' {
            at_field_start = false;
            loop {
                match chars.next() {
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    Some('"') => break,
                    Some(other) => field.push(other),
                    None => {
                        return Err(format!(
                            "parse error: extraneous or missing \" in quoted-field: {line}"
                        ));
                    }
                }
            }
            match chars.peek() {
                None | Some(',') => {}
                Some(_) => {
                    return Err(format!(
                        "parse error: extraneous or missing \" in quoted-field: {line}"
                    ));
                }
            }
            continue;
        }
        at_field_start = false;
        if c == ',' {
            fields.push(std::mem::take(&mut field));
            at_field_start = true;
        } else {
            field.push(c);
        }
    }
    fields.push(field);
    Ok(fields)
}

/// Fails with cobra's `required flag(s) "a", "b" not set` (names sorted) when any of
/// `flags` (name, is-set) is missing.
pub fn require_flags(flags: &[(&str, bool)]) -> anyhow::Result<()> {
    let mut missing: Vec<&str> = flags
        .iter()
        .filter(|(_, set)| !set)
        .map(|(name, _)| *name)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    missing.sort_unstable();
    let names: Vec<String> = missing.iter().map(|n| format!("\"{n}\"")).collect();
    bail!("required flag(s) {} not set", names.join(", "))
}

/// cobra's `ExactArgs(n)`: `accepts n arg(s), received m`.
pub fn exact_args(args: &[String], n: usize) -> anyhow::Result<()> {
    if args.len() != n {
        bail!("accepts {n} arg(s), received {}", args.len());
    }
    Ok(())
}

/// A value parser that suggests values to shell completion without restricting them:
/// the command checks the value itself, after the start-up sequence and with Go's error
/// text, as cobra does; clap only hands the word over. Pair it with
/// `hide_possible_values(true)`, as cobra's help lists no values.
#[derive(Clone)]
pub struct Suggest<P> {
    inner: P,
    values: Vec<&'static str>,
}

/// The words to complete for `-o`: kumactl's output formats.
pub const OUTPUT_FORMATS: &[&str] = &["table", "yaml", "json"];

/// Strings as given, completing to `values`.
pub fn suggest(values: &[&'static str]) -> Suggest<clap::builder::StringValueParser> {
    suggest_with(clap::builder::StringValueParser::new(), values)
}

/// `inner`'s values, completing to `values`.
pub fn suggest_with<P>(inner: P, values: &[&'static str]) -> Suggest<P> {
    Suggest {
        inner,
        values: values.to_vec(),
    }
}

impl<P> clap::builder::TypedValueParser for Suggest<P>
where
    P: clap::builder::TypedValueParser,
{
    type Value = P::Value;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        self.inner.parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.values
                .iter()
                .map(|v| clap::builder::PossibleValue::new(*v)),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(raw: &str) -> Vec<(String, String)> {
        parse_key_values(raw).unwrap()
    }

    #[test]
    fn parses_like_pflag() {
        assert_eq!(pairs("a=b"), vec![("a".into(), "b".into())]);
        assert_eq!(pairs("a=b,c"), vec![("a".into(), "b,c".into())]);
        assert_eq!(
            pairs("a=1,b=2"),
            vec![("a".into(), "1".into()), ("b".into(), "2".into())]
        );
        assert_eq!(pairs("\"a=b\""), vec![("a".into(), "b".into())]);
        assert_eq!(pairs("a=x=y"), vec![("a".into(), "x=y".into())]);
        assert_eq!(
            pairs("\"a=1,2\",b=3"),
            vec![("a".into(), "1,2".into()), ("b".into(), "3".into())]
        );
        assert_eq!(
            parse_key_values("x").unwrap_err(),
            "x must be formatted as key=value"
        );
        assert_eq!(
            parse_key_values("a=1,b,c=2").unwrap_err(),
            "b must be formatted as key=value"
        );
    }

    #[test]
    fn merges_repeats() {
        let merged = merge_key_values(&[
            KeyValues(pairs("a=1")),
            KeyValues(pairs("b=2")),
            KeyValues(pairs("a=3")),
        ]);
        assert_eq!(merged.get("a").unwrap(), "3");
        assert_eq!(merged.len(), 2);
    }

    #[test]
    fn required_flags_sorted() {
        let err =
            require_flags(&[("zone", false), ("valid-for", false), ("kid", true)]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "required flag(s) \"valid-for\", \"zone\" not set"
        );
        assert!(require_flags(&[("zone", true)]).is_ok());
    }

    #[test]
    fn suggested_values_complete_but_do_not_restrict() {
        let cmd = clap::Command::new("t").arg(
            clap::Arg::new("o")
                .long("o")
                .value_parser(suggest(OUTPUT_FORMATS))
                .hide_possible_values(true),
        );
        let arg = cmd.get_arguments().find(|a| a.get_id() == "o").unwrap();
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .map(|v| v.get_name().to_string())
            .collect();
        assert_eq!(values, ["table", "yaml", "json"]);
        let matches = cmd.try_get_matches_from(["t", "--o", "xml"]).unwrap();
        assert_eq!(matches.get_one::<String>("o").unwrap(), "xml");
    }

    #[test]
    fn exact_args_message() {
        assert_eq!(
            exact_args(&[], 1).unwrap_err().to_string(),
            "accepts 1 arg(s), received 0"
        );
    }
}
