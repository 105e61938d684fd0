//! Helm's `--set` syntax (`strvals.ParseInto`, as Go's
//! `app/kumactl/cmd/install/install_control_plane.go` calls it): `a.b=c`, several pairs
//! separated by commas, list items `a[0]=x` and `a[0].b=x`, list values `a={x,y}`, `\`
//! escaping the next character, and typed scalars (`true`/`false`, `null`, 64-bit
//! integers; anything else, including `1.5` and `007`, stays a string).

use serde_json::{Map, Value};

/// Helm refuses deeper key paths than this.
const MAX_NESTED_NAME_LEVEL: usize = 30;
/// Lists directly inside lists (`a[0][0]...`) may nest this deep. Helm has no limit (Go
/// grows its stack); without one, a long run of indexes overflows ours.
const MAX_NESTED_LIST_LEVEL: usize = 30;
/// Helm refuses list indexes above this, so `a[99999999]=x` cannot exhaust memory.
const MAX_INDEX: usize = 65536;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{0}")]
pub struct ParseError(String);

fn fail<T>(message: impl Into<String>) -> Result<T, ParseError> {
    Err(ParseError(message.into()))
}

/// Parses one `--set` argument into `dest`, creating the maps and lists it names.
pub fn parse_into(input: &str, dest: &mut Map<String, Value>) -> Result<(), ParseError> {
    let mut parser = Parser {
        chars: input.chars().collect(),
        pos: 0,
    };
    while !parser.at_end() {
        parser.key(dest, 0)?;
    }
    Ok(())
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
}

/// What stopped a scan: one of the stop characters, or the end of the input.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stop {
    Char(char),
    End,
}

impl Parser {
    fn at_end(&self) -> bool {
        self.pos >= self.chars.len()
    }

    /// Reads until one of `stops` (consumed) or the end; `\` keeps the next character.
    fn until(&mut self, stops: &[char]) -> (String, Stop) {
        let mut text = String::new();
        while let Some(&c) = self.chars.get(self.pos) {
            self.pos += 1;
            if c == '\\' {
                if let Some(&next) = self.chars.get(self.pos) {
                    self.pos += 1;
                    text.push(next);
                }
                continue;
            }
            if stops.contains(&c) {
                return (text, Stop::Char(c));
            }
            text.push(c);
        }
        (text, Stop::End)
    }

    /// One `key...=value` item, stored into `data`.
    fn key(&mut self, data: &mut Map<String, Value>, level: usize) -> Result<(), ParseError> {
        let (key, stop) = self.until(&['=', '[', ',', '.']);
        match stop {
            Stop::End => {
                if key.is_empty() {
                    return Ok(());
                }
                fail(format!("key {key:?} has no value"))
            }
            Stop::Char('[') => {
                let index = self.index()?;
                let list = match data.remove(&key) {
                    None | Some(Value::Null) => Vec::new(),
                    Some(Value::Array(list)) => list,
                    Some(other) => {
                        data.insert(key.clone(), other);
                        return fail(format!(
                            "unable to parse key: {key:?} is not a list, it cannot be indexed"
                        ));
                    }
                };
                let list = self.list_item(list, index, level, 1)?;
                data.insert(key, Value::Array(list));
                Ok(())
            }
            Stop::Char('=') => {
                let value = self.value()?;
                data.insert(key, value);
                Ok(())
            }
            Stop::Char(',') => {
                data.insert(key.clone(), Value::String(String::new()));
                fail(format!("key {key:?} has no value (cannot end with ,)"))
            }
            Stop::Char(_) => {
                let level = level + 1;
                if level > MAX_NESTED_NAME_LEVEL {
                    return fail(format!(
                        "value name nested level is greater than maximum supported nested level of {MAX_NESTED_NAME_LEVEL}"
                    ));
                }
                let mut inner = match data.get(&key) {
                    None | Some(Value::Null) => Map::new(),
                    Some(Value::Object(existing)) => existing.clone(),
                    Some(_) => {
                        return fail(format!(
                            "unable to parse key: {key:?} is not a map, it has no key to set"
                        ));
                    }
                };
                let result = self.key(&mut inner, level);
                if result.is_ok() && inner.is_empty() {
                    return fail(format!("key map {key:?} has no value"));
                }
                if !inner.is_empty() {
                    data.insert(key, Value::Object(inner));
                }
                result
            }
        }
    }

    /// The index inside `[...]`, the `[` already read.
    fn index(&mut self) -> Result<usize, ParseError> {
        let (text, stop) = self.until(&[']']);
        if stop == Stop::End {
            return fail(format!(
                "error parsing index: unterminated index {text:?}, expected ']'"
            ));
        }
        let index: i64 = text.trim().parse().map_err(|_| {
            ParseError(format!(
                "error parsing index: strconv.Atoi: parsing {text:?}: invalid syntax"
            ))
        })?;
        if index < 0 {
            return fail(format!("negative {index} index not allowed"));
        }
        let index = index as usize;
        if index > MAX_INDEX {
            return fail(format!(
                "index of {index} is greater than maximum supported index {MAX_INDEX}"
            ));
        }
        Ok(index)
    }

    /// What follows `name[i]`: `=value`, another `[j]`, or `.key...`. `list_level`
    /// counts the lists `name[i]` is nested in, itself included.
    fn list_item(
        &mut self,
        mut list: Vec<Value>,
        index: usize,
        level: usize,
        list_level: usize,
    ) -> Result<Vec<Value>, ParseError> {
        let (rest, stop) = self.until(&['[', '.', '=']);
        if !rest.is_empty() {
            return fail(format!("unexpected data at end of array index: {rest:?}"));
        }
        match stop {
            Stop::End => fail("unexpected end of input after an array index"),
            Stop::Char('=') => {
                let value = self.value()?;
                set_index(&mut list, index, value);
                Ok(list)
            }
            Stop::Char('[') => {
                if list_level >= MAX_NESTED_LIST_LEVEL {
                    return fail(format!(
                        "list nested level is greater than maximum supported nested level of {MAX_NESTED_LIST_LEVEL}"
                    ));
                }
                let next = self.index()?;
                let nested = match list.get(index) {
                    None | Some(Value::Null) => Vec::new(),
                    Some(Value::Array(existing)) => existing.clone(),
                    Some(_) => {
                        return fail("unable to parse key: a list item is not a list");
                    }
                };
                let nested = self.list_item(nested, next, level, list_level + 1)?;
                set_index(&mut list, index, Value::Array(nested));
                Ok(list)
            }
            Stop::Char(_) => {
                let mut inner = match list.get(index) {
                    Some(Value::Object(existing)) => existing.clone(),
                    _ => Map::new(),
                };
                self.key(&mut inner, level)?;
                set_index(&mut list, index, Value::Object(inner));
                Ok(list)
            }
        }
    }

    /// The value after `=`: a `{a,b}` list or one scalar up to the next comma.
    fn value(&mut self) -> Result<Value, ParseError> {
        if self.chars.get(self.pos) == Some(&'{') {
            self.pos += 1;
            let mut items = Vec::new();
            loop {
                let (item, stop) = self.until(&[',', '}']);
                match stop {
                    Stop::End => return fail("list must terminate with '}'"),
                    Stop::Char(',') => items.push(typed(&item)),
                    Stop::Char(_) => {
                        items.push(typed(&item));
                        break;
                    }
                }
            }
            return match self.chars.get(self.pos) {
                None => Ok(Value::Array(items)),
                Some(',') => {
                    self.pos += 1;
                    Ok(Value::Array(items))
                }
                Some(c) => fail(format!("unexpected character {c:?} after a list value")),
            };
        }
        let (text, _) = self.until(&[',']);
        Ok(typed(&text))
    }
}

/// Grows `list` with nulls as needed and puts `value` at `index`.
fn set_index(list: &mut Vec<Value>, index: usize, value: Value) {
    if list.len() <= index {
        list.resize(index + 1, Value::Null);
    }
    list[index] = value;
}

/// Helm's typing of `--set` scalars.
fn typed(text: &str) -> Value {
    if text.eq_ignore_ascii_case("true") {
        return Value::Bool(true);
    }
    if text.eq_ignore_ascii_case("false") {
        return Value::Bool(false);
    }
    if text.eq_ignore_ascii_case("null") {
        return Value::Null;
    }
    if text == "0" {
        return Value::from(0i64);
    }
    if !text.starts_with('0')
        && let Ok(number) = text.parse::<i64>()
    {
        return Value::from(number);
    }
    Value::String(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(inputs: &[&str]) -> Result<Value, ParseError> {
        let mut map = Map::new();
        for input in inputs {
            parse_into(input, &mut map)?;
        }
        Ok(Value::Object(map))
    }

    #[test]
    fn nested_keys_and_commas() {
        assert_eq!(
            parse(&["egress.enabled=true,ingress.enabled=true"]).unwrap(),
            json!({"egress": {"enabled": true}, "ingress": {"enabled": true}})
        );
        assert_eq!(
            parse(&["a.b=c", "a.d=e"]).unwrap(),
            json!({"a": {"b": "c", "d": "e"}})
        );
    }

    #[test]
    fn typed_scalars() {
        assert_eq!(
            parse(&["a=1,b=-2,c=007,d=1.5,e=NULL,f=False,g=0,h="]).unwrap(),
            json!({"a": 1, "b": -2, "c": "007", "d": "1.5", "e": null, "f": false, "g": 0, "h": ""})
        );
    }

    #[test]
    fn lists_and_escapes() {
        assert_eq!(
            parse(&["a[1]=x,a[0].b=y"]).unwrap(),
            json!({"a": [{"b": "y"}, "x"]})
        );
        assert_eq!(
            parse(&["a={x,2},b=c"]).unwrap(),
            json!({"a": ["x", 2], "b": "c"})
        );
        assert_eq!(
            parse(&[r"n.kubernetes\.io/os=linux,v=a\,b"]).unwrap(),
            json!({"n": {"kubernetes.io/os": "linux"}, "v": "a,b"})
        );
        assert_eq!(parse(&["m[0][1]=z"]).unwrap(), json!({"m": [[null, "z"]]}));
    }

    #[test]
    fn errors() {
        assert_eq!(
            parse(&["a"]).unwrap_err().to_string(),
            "key \"a\" has no value"
        );
        assert_eq!(
            parse(&["a=b,c"]).unwrap_err().to_string(),
            "key \"c\" has no value"
        );
        assert_eq!(
            parse(&["a,b=c"]).unwrap_err().to_string(),
            "key \"a\" has no value (cannot end with ,)"
        );
        assert_eq!(
            parse(&["a[-1]=x"]).unwrap_err().to_string(),
            "negative -1 index not allowed"
        );
        assert!(parse(&["a[x]=1"]).is_err());
        assert!(parse(&["a[1"]).is_err());
        assert!(parse(&["a=1", "a.b=2"]).is_err());
        assert!(parse(&["a={x,y"]).is_err());
        assert!(parse(&["a[999999]=1"]).is_err());
        assert!(parse(&[&format!("a{}=1", "[0]".repeat(30))]).is_ok());
        assert_eq!(
            parse(&[&format!("a{}=1", "[0]".repeat(100_000))])
                .unwrap_err()
                .to_string(),
            "list nested level is greater than maximum supported nested level of 30"
        );
        assert_eq!(parse(&[""]).unwrap(), json!({}));
    }
}
