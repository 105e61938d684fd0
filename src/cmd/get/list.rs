//! `kumactl get <list noun> [-m MESH] [--size N] [--offset O]`: one page of a list.

use super::mesh_arg;
use crate::cmd::context::RootContext;
use crate::output::resources::{self, Format};
use crate::resources::descriptor::{ResourceType, Scope};
use anyhow::Context;
use clap::{Arg, ArgMatches};
use serde_json::Value;
use std::io::Write;

#[derive(Debug)]
pub struct ListArgs {
    pub resource_type: &'static ResourceType,
    pub mesh: String,
    /// 0: let the server choose.
    pub size: i64,
    pub offset: String,
}

/// The `get <list noun>` command of a type, if it has one.
pub fn command(t: &'static ResourceType) -> Option<clap::Command> {
    let noun = t.list_arg?;
    // pflag takes the argument after a flag as its value, even `-1`.
    let size = Arg::new("size")
        .long("size")
        .value_name("int")
        .default_value("0")
        .allow_negative_numbers(true)
        .value_parser(go_int)
        .help("maximum number of elements to return");
    let offset = Arg::new("offset")
        .long("offset")
        .value_name("string")
        .allow_hyphen_values(true)
        .help("the offset that indicates starting element of the resources list to retrieve");
    let mut cmd = clap::Command::new(noun)
        .about(format!("Show {}", t.name))
        .long_about(format!("Show {} entities.", t.name))
        .arg(mesh_arg())
        .arg(size)
        .arg(offset);
    if let Some(alias) = t.list_alias {
        cmd = cmd.alias(alias);
    }
    Some(cmd)
}

/// pflag's `int` flag: Go's `strconv.ParseInt` wording on failure.
pub fn go_int(raw: &str) -> Result<i64, String> {
    raw.parse::<i64>().map_err(|e| {
        let reason = match e.kind() {
            std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow => {
                "value out of range"
            }
            _ => "invalid syntax",
        };
        format!("strconv.ParseInt: parsing {raw:?}: {reason}")
    })
}

impl ListArgs {
    pub fn from_matches(resource_type: &'static ResourceType, m: &ArgMatches) -> ListArgs {
        ListArgs {
            resource_type,
            mesh: m.get_one::<String>("mesh").cloned().unwrap_or_default(),
            size: m.get_one::<i64>("size").copied().unwrap_or(0),
            offset: m.get_one::<String>("offset").cloned().unwrap_or_default(),
        }
    }

    /// `<list path>[?offset=<o>&size=<n>]`, each parameter only when set.
    pub fn request_path(&self) -> anyhow::Result<String> {
        let Some(mesh) = super::path_segment(&self.mesh) else {
            anyhow::bail!("there is no Mesh with name {:?}", self.mesh);
        };
        let mut path = self.resource_type.list_path(&mesh);
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        if !self.offset.is_empty() {
            query.append_pair("offset", &self.offset);
        }
        if self.size != 0 {
            query.append_pair("size", &self.size.to_string());
        }
        let query = query.finish();
        if !query.is_empty() {
            path.push('?');
            path.push_str(&query);
        }
        Ok(path)
    }
}

/// A page of resources as the server lists them.
#[derive(Debug, serde::Deserialize)]
pub struct Page {
    #[serde(default)]
    pub total: Value,
    #[serde(default)]
    pub items: Vec<Value>,
    #[serde(default)]
    pub next: Option<String>,
}

impl Page {
    /// The `offset` parameter of the `next` link; `None` on the last page.
    pub fn next_offset(&self) -> anyhow::Result<Option<String>> {
        let Some(next) = &self.next else {
            return Ok(None);
        };
        let base = url::Url::parse("http://localhost/").expect("valid base URL");
        let url = base
            .join(next)
            .map_err(|e| anyhow::anyhow!("invalid next URL from the server: {e}"))?;
        Ok(url
            .query_pairs()
            .find(|(k, _)| k == "offset")
            .map(|(_, v)| v.into_owned())
            .filter(|v| !v.is_empty()))
    }
}

pub fn run(ctx: &mut RootContext, output: &str, args: ListArgs) -> anyhow::Result<()> {
    let type_name = args.resource_type.name;
    let fail = || format!("failed to list {type_name}");
    let client = ctx.api_client()?;
    let response = client
        .get(&args.request_path().with_context(fail)?)
        .with_context(fail)?;
    if response.status == 404 && crate::cmd::legacy_egress::is_legacy_type(type_name) {
        crate::cmd::legacy_egress::require_legacy(&client, type_name)?;
    }
    if response.status == 404 && args.resource_type.scope == Scope::Mesh {
        // The mesh is missing. Kuma answers `Failed to retrieve Mesh (Not found)`, which
        // does not say which mesh; -m may have been forgotten or mistyped.
        let error = crate::cmd::error_message(&response.error().into());
        anyhow::bail!("{error}: there is no Mesh with name {:?}", args.mesh);
    }
    let page: Page = response.json().with_context(fail)?;
    let next_offset = page.next_offset()?;
    let format: Format = output.parse().map_err(anyhow::Error::msg)?;
    let items: Vec<Value> = page.items.into_iter().map(resources::normalize).collect();
    let text = match format {
        Format::Table => {
            let mut text = resources::table(args.resource_type, &items, chrono::Utc::now());
            if let Some(offset) = next_offset {
                text.push_str(&resources::next_page_footer(&offset));
            }
            text
        }
        Format::Yaml => resources::list_yaml(&page.total, &items),
        Format::Json => resources::list_json(&page.total, &items),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::descriptor::by_name;

    fn args(name: &str, size: i64, offset: &str) -> ListArgs {
        ListArgs {
            resource_type: by_name(name).unwrap(),
            mesh: "demo".into(),
            size,
            offset: offset.into(),
        }
    }

    #[test]
    fn query_has_only_what_is_set() {
        assert_eq!(args("Mesh", 0, "").request_path().unwrap(), "/meshes");
        assert_eq!(
            args("Mesh", 1, "").request_path().unwrap(),
            "/meshes?size=1"
        );
        assert_eq!(
            args("Secret", 2, "1").request_path().unwrap(),
            "/meshes/demo/secrets?offset=1&size=2"
        );
        let mut odd = args("Secret", 0, "");
        odd.mesh = "a/b".into();
        assert_eq!(odd.request_path().unwrap(), "/meshes/a%2Fb/secrets");
        odd.mesh = "..".into();
        assert!(odd.request_path().is_err());
    }

    #[test]
    fn next_offset_comes_from_the_link() {
        let page = |next: Option<&str>| Page {
            total: Value::Null,
            items: vec![],
            next: next.map(str::to_string),
        };
        assert_eq!(
            page(Some("http://h:5681/meshes?offset=2&size=2"))
                .next_offset()
                .unwrap(),
            Some("2".into())
        );
        assert_eq!(page(None).next_offset().unwrap(), None);
        assert_eq!(
            page(Some("/meshes?offset=5")).next_offset().unwrap(),
            Some("5".into())
        );
    }

    #[test]
    fn int_flags_read_like_pflag() {
        assert_eq!(go_int("12"), Ok(12));
        assert_eq!(
            go_int("abc").unwrap_err(),
            "strconv.ParseInt: parsing \"abc\": invalid syntax"
        );
    }
}
