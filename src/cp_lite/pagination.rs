//! List queries as Kuma reads them (`pkg/api-server/pagination.go`,
//! `pkg/api-server/filters/filtering.go`): `size`, `offset`, `name` and
//! `filter[labels.<key>]`, their errors, and the `{"total", "items", "next"}` page with its
//! `next` link (`pkg/core/resources/model/rest/list.go`).

#![allow(
    clippy::result_large_err,
    reason = "errors become HTTP responses at once; their size does not matter on that path"
)]

use crate::api::ApiError;
use crate::resources::spec::gojson::quote;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

pub const DEFAULT_PAGE_SIZE: i64 = 100;
pub const MAX_PAGE_SIZE: i64 = 1000;
pub const LIST_ERROR_TITLE: &str = "Could not retrieve resources";

/// The query string, decoded as Go's `url.ParseQuery` does, in request order.
#[derive(Clone, Debug, Default)]
pub struct Query(pub Vec<(String, String)>);

impl Query {
    pub fn parse(raw: Option<&str>) -> Query {
        let Some(raw) = raw else {
            return Query::default();
        };
        let pairs = raw
            .split('&')
            .filter(|part| !part.is_empty())
            // Go rejects (and drops) pairs with a semicolon or a bad escape.
            .filter(|part| !part.contains(';'))
            .filter_map(|part| {
                let (key, value) = part.split_once('=').unwrap_or((part, ""));
                Some((unescape(key)?, unescape(value)?))
            })
            .collect();
        Query(pairs)
    }

    /// The first value of `key` (Go's `Query().Get`).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Go's `url.Values.Encode` of this query with `key` set to `value`: keys sorted,
    /// values of a key in request order, escaped like `QueryEscape`.
    pub fn encode_with(&self, key: &str, value: &str) -> String {
        let mut grouped: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (k, v) in &self.0 {
            if k != key {
                grouped.entry(k).or_default().push(v);
            }
        }
        grouped.insert(key, vec![value]);
        let mut out = String::new();
        for (k, values) in grouped {
            for v in values {
                if !out.is_empty() {
                    out.push('&');
                }
                out.push_str(&query_escape(k));
                out.push('=');
                out.push_str(&query_escape(v));
            }
        }
        out
    }
}

/// Go's `QueryUnescape`: `+` is a space; `None` for a malformed `%` escape.
fn unescape(text: &str) -> Option<String> {
    unescape_with(text, true)
}

/// Go's `PathUnescape` of one path segment (`+` stays), bytes that are not UTF-8 replaced
/// by U+FFFD; `None` for a malformed `%` escape.
pub fn path_unescape(text: &str) -> Option<String> {
    unescape_with(text, false)
}

fn unescape_with(text: &str, plus_is_space: bool) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

/// Go's `QueryEscape`.
fn query_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// What a list request asks for.
#[derive(Clone, Debug)]
pub struct ListRequest {
    pub size: usize,
    /// The raw `offset`, checked when the page is cut (it is the store's token in Kuma).
    pub offset: String,
    pub name_contains: String,
    /// `filter[labels.<key>]=<value>`: every pair must match.
    pub label_filters: Vec<(String, String)>,
    /// `tag` and `gateway`, for the types they apply to (set by the handler, which
    /// knows the type).
    pub spec_filter: Option<super::spec_filters::SpecFilter>,
}

impl ListRequest {
    /// Reads the query. `route_path` is the route template (e.g. `/zoneegresses`),
    /// which Kuma uses as the root of filter errors.
    pub fn parse(query: &Query, route_path: &str) -> Result<ListRequest, ApiError> {
        let size = parse_size(query.get("size"))?;
        let label_filters = parse_filters(query, route_path)?;
        Ok(ListRequest {
            size,
            offset: query.get("offset").unwrap_or_default().to_string(),
            name_contains: query.get("name").unwrap_or_default().to_string(),
            label_filters,
            spec_filter: None,
        })
    }

    /// Whether a resource with this name and these labels passes the filters.
    pub fn matches(&self, name: &str, labels: &BTreeMap<String, String>) -> bool {
        self.matches_with(name, |key| labels.get(key).map(String::as_str))
    }

    /// [`ListRequest::matches`] with the labels read through `label`.
    pub fn matches_with<'a>(&self, name: &str, label: impl Fn(&str) -> Option<&'a str>) -> bool {
        name.contains(&self.name_contains)
            && self
                .label_filters
                .iter()
                .all(|(key, value)| label(key) == Some(value.as_str()))
    }

    /// Whether every resource passes (no name, label or spec filter).
    pub fn is_unfiltered(&self) -> bool {
        self.name_contains.is_empty() && self.label_filters.is_empty() && self.spec_filter.is_none()
    }

    /// The offset, or Kuma's error for it.
    pub fn offset(&self) -> Result<usize, ApiError> {
        parse_offset(&self.offset)
    }

    /// The `next` link of a page starting at `offset` out of `total` items.
    pub fn next_link(&self, url: &RequestUrl, offset: usize, total: usize) -> Option<String> {
        let end = offset.saturating_add(self.size);
        (end < total).then(|| {
            format!(
                "{}://{}{}?{}",
                url.scheme,
                url.host,
                url.path,
                url.query.encode_with("offset", &end.to_string())
            )
        })
    }
}

fn page_size_error(reason: String) -> ApiError {
    ApiError::new(400, LIST_ERROR_TITLE, "Invalid page size")
        .with_parameters(vec![("size".into(), reason)])
}

fn parse_size(raw: Option<&str>) -> Result<usize, ApiError> {
    let size = match raw {
        None | Some("") => DEFAULT_PAGE_SIZE,
        Some(text) => text
            .parse::<i64>()
            .map_err(|_| page_size_error("invalid format".into()))?,
    };
    if size <= 0 {
        return Err(page_size_error("must be greater than 0".into()));
    }
    if size > MAX_PAGE_SIZE {
        return Err(page_size_error(format!(
            "invalid page size of {size}. Maximum page size is {MAX_PAGE_SIZE}"
        )));
    }
    Ok(usize::try_from(size).unwrap_or(usize::MAX))
}

fn parse_filters(query: &Query, route_path: &str) -> Result<Vec<(String, String)>, ApiError> {
    let mut filters = Vec::new();
    let mut violations = Vec::new();
    for (key, value) in &query.0 {
        let Some(inner) = key.strip_prefix("filter[") else {
            continue;
        };
        let field = format!("{route_path}.{key}");
        let Some((target, trailing)) = inner.split_once(']') else {
            violations.push((field, "filters are only supported on labels".to_string()));
            continue;
        };
        if !trailing.is_empty() {
            violations.push((field, "advanced filters are not supported".to_string()));
            continue;
        }
        match target.strip_prefix("labels.") {
            Some(label) if !filters.iter().any(|(k, _): &(String, String)| k == label) => {
                filters.push((label.to_string(), value.clone()))
            }
            Some(_) => {}
            None => violations.push((field, "filters are only supported on labels".to_string())),
        }
    }
    if violations.is_empty() {
        Ok(filters)
    } else {
        Err(
            ApiError::new(400, LIST_ERROR_TITLE, "Resource is not valid")
                .with_parameters(violations),
        )
    }
}

/// Go's `strconv.Atoi` errors, for the offset.
fn parse_offset(raw: &str) -> Result<usize, ApiError> {
    if raw.is_empty() {
        return Ok(0);
    }
    let invalid = |reason: String| {
        ApiError::new(
            400,
            LIST_ERROR_TITLE,
            format!("invalid: invalid offset: {reason}"),
        )
    };
    let digits = raw.strip_prefix(['+', '-']).unwrap_or(raw);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(format!(
            "strconv.Atoi: parsing {}: invalid syntax",
            quote(raw)
        )));
    }
    let value = raw.parse::<i64>().map_err(|_| {
        invalid(format!(
            "strconv.Atoi: parsing {}: value out of range",
            quote(raw)
        ))
    })?;
    if value < 0 {
        return Err(invalid("must be non-negative".into()));
    }
    Ok(usize::try_from(value).unwrap_or(usize::MAX))
}

/// Where the request came from, to build `next`.
#[derive(Clone, Debug)]
pub struct RequestUrl {
    /// `http` or `https`.
    pub scheme: &'static str,
    /// The Host header as sent.
    pub host: String,
    pub path: String,
    pub query: Query,
}

/// One page of a list.
#[derive(Debug, Serialize)]
pub struct Page {
    pub total: usize,
    pub items: Vec<Value>,
    pub next: Option<String>,
}

/// Cuts the page out of `matching` (already filtered and sorted by mesh, then name),
/// rendering only the items on it.
pub fn page<T>(
    matching: Vec<T>,
    request: &ListRequest,
    url: &RequestUrl,
    render: impl Fn(T) -> Value,
) -> Result<Page, ApiError> {
    let offset = request.offset()?;
    let total = matching.len();
    let items = matching
        .into_iter()
        .skip(offset)
        .take(request.size)
        .map(render)
        .collect();
    let next = request.next_link(url, offset, total);
    Ok(Page { total, items, next })
}

/// Writes a page body from items already in the API's pretty form (as the store keeps
/// them): byte for byte what serializing a [`Page`] of their values gives, without
/// parsing them. Nested one level deeper, every line of an item after its first is
/// indented by two more spaces; JSON strings hold no raw newline, so every newline of
/// an item is a line break of its layout.
#[derive(Default)]
pub struct PageWriter {
    items: Vec<u8>,
}

impl PageWriter {
    pub fn push(&mut self, item: &str) {
        self.items.extend_from_slice(if self.items.is_empty() {
            b"\n  "
        } else {
            b",\n  "
        });
        let mut lines = item.split('\n');
        if let Some(first) = lines.next() {
            self.items.extend_from_slice(first.as_bytes());
        }
        for line in lines {
            self.items.extend_from_slice(b"\n  ");
            self.items.extend_from_slice(line.as_bytes());
        }
    }

    /// The whole body, with its trailing newline.
    pub fn finish(self, total: usize, next: Option<&str>) -> Vec<u8> {
        let next = match next {
            Some(link) => serde_json::to_string(link).unwrap_or_default(),
            None => "null".into(),
        };
        let mut out = Vec::with_capacity(self.items.len() + next.len() + 64);
        out.extend_from_slice(format!("{{\n \"total\": {total},\n \"items\": [").as_bytes());
        if !self.items.is_empty() {
            out.extend_from_slice(&self.items);
            out.extend_from_slice(b"\n ");
        }
        out.extend_from_slice(format!("],\n \"next\": {next}\n}}\n").as_bytes());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(query: &str) -> Result<ListRequest, ApiError> {
        ListRequest::parse(&Query::parse(Some(query)), "/meshes")
    }

    #[test]
    fn sizes() {
        assert_eq!(request("").unwrap().size, 100);
        assert_eq!(request("size=1000").unwrap().size, 1000);
        let err = request("size=2000").unwrap_err();
        assert_eq!(err.detail, "Invalid page size");
        assert_eq!(
            err.invalid_parameters.unwrap()[0].reason,
            "invalid page size of 2000. Maximum page size is 1000"
        );
        assert_eq!(
            request("size=0").unwrap_err().invalid_parameters.unwrap()[0].reason,
            "must be greater than 0"
        );
        assert_eq!(
            request("size=x").unwrap_err().invalid_parameters.unwrap()[0].reason,
            "invalid format"
        );
    }

    #[test]
    fn filters() {
        let r = request("filter%5Blabels.team%5D=a&filter[labels.env]=b").unwrap();
        assert_eq!(
            r.label_filters,
            vec![("team".into(), "a".into()), ("env".into(), "b".into())]
        );
        let err = request("filter[name]=x&filter[labels.a]b=c").unwrap_err();
        assert_eq!(
            err.invalid_parameters
                .unwrap()
                .iter()
                .map(|p| format!("{}: {}", p.field, p.reason))
                .collect::<Vec<_>>(),
            vec![
                "/meshes.filter[name]: filters are only supported on labels",
                "/meshes.filter[labels.a]b: advanced filters are not supported"
            ]
        );
    }

    #[test]
    fn offsets_and_next() {
        let url = RequestUrl {
            scheme: "http",
            host: "localhost:5681".into(),
            path: "/meshes".into(),
            query: Query::parse(Some("size=2")),
        };
        let items = vec!["m1", "m2", "m3"];
        let first = page(
            items.clone(),
            &request("size=2").unwrap(),
            &url,
            Value::from,
        )
        .unwrap();
        assert_eq!(first.total, 3);
        assert_eq!(first.items, vec![Value::from("m1"), Value::from("m2")]);
        assert_eq!(
            first.next.as_deref(),
            Some("http://localhost:5681/meshes?offset=2&size=2")
        );
        let last = page(
            items.clone(),
            &request("size=2&offset=1").unwrap(),
            &url,
            Value::from,
        )
        .unwrap();
        assert_eq!(last.next, None);
        assert_eq!(last.items.len(), 2);
        assert_eq!(
            page(
                items.clone(),
                &request("offset=invalid").unwrap(),
                &url,
                Value::from
            )
            .unwrap_err()
            .detail,
            "invalid: invalid offset: strconv.Atoi: parsing \"invalid\": invalid syntax"
        );
        assert_eq!(
            page(items, &request("offset=-1").unwrap(), &url, Value::from)
                .unwrap_err()
                .detail,
            "invalid: invalid offset: must be non-negative"
        );
    }

    #[test]
    fn page_writer_matches_the_serialized_page() {
        use crate::output::json::to_server_body;
        let items = [
            serde_json::json!({"type": "ZoneEgress", "name": "a", "labels": {"k": "v\nw"},
                "list": [1, {"x": []}], "empty": {}}),
            serde_json::json!({}),
            serde_json::json!({"s": "<&> \u{2028} é"}),
        ];
        for (count, next) in [(0, None), (1, Some("http://h/p?a=%3C&b=\"")), (3, None)] {
            let mut writer = PageWriter::default();
            for item in &items[..count] {
                let mut body = to_server_body(item);
                body.pop();
                writer.push(std::str::from_utf8(&body).unwrap());
            }
            let expected = to_server_body(&Page {
                total: 7,
                items: items[..count].to_vec(),
                next: next.map(String::from),
            });
            assert_eq!(
                String::from_utf8(writer.finish(7, next)).unwrap(),
                String::from_utf8(expected).unwrap()
            );
        }
    }

    #[test]
    fn encodes_like_go() {
        let q = Query::parse(Some("name=a+b&filter%5Blabels.x%5D=1&size=5"));
        assert_eq!(
            q.encode_with("offset", "5"),
            "filter%5Blabels.x%5D=1&name=a+b&offset=5&size=5"
        );
    }
}
