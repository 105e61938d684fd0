//! `kumactl delete TYPE NAME [-m MESH]` (Go: `app/kumactl/cmd/delete/delete.go`).

use super::args::{exact_args, suggest};
use super::cli_errors::usage_error;
use super::context::RootContext;
use crate::api::ApiError;
use crate::resources::descriptor::{self, RESOURCE_TYPES, ResourceType};
use anyhow::{Context, anyhow, bail};
use clap::{ArgAction, Args};
use reqwest::Method;
use std::io::Write;

#[derive(Debug, Args)]
#[command(
    about = "Delete Kuma resources",
    long_about = "Delete Kuma resources.",
    after_help = "Examples:\n  \
                  kumactl delete mesh demo\n  \
                  kumactl delete zoneegress zoneegress-1\n  \
                  kumactl delete secret my-secret --mesh demo"
)]
pub struct DeleteArgs {
    /// mesh to use
    #[arg(short = 'm', long, value_name = "string", default_value = "default")]
    pub mesh: String,
    /// the type of the resource (mesh, zoneegress, secret...)
    #[arg(
        long_help = "the type of the resource (mesh, zoneegress, secret...)",
        value_name = "TYPE",
        value_parser = suggest(&descriptor::single_nouns_sorted()),
        hide_possible_values = true,
        hide_short_help = true
    )]
    pub type_noun: Option<String>,
    /// the name of the resource
    #[arg(
        long_help = "the name of the resource",
        value_name = "NAME",
        action = ArgAction::Append,
        num_args = 0..,
        hide_short_help = true
    )]
    pub names: Vec<String>,
}

/// The type a `delete` noun names: single nouns and their aliases. Read-only types are
/// refused before anything is sent.
pub fn resolve_type(
    table: &'static [ResourceType],
    noun: &str,
) -> anyhow::Result<&'static ResourceType> {
    let Some(t) = table
        .iter()
        .find(|t| t.single_arg == Some(noun) || t.single_alias == Some(noun))
    else {
        bail!(
            "unknown TYPE: {noun}. Allowed values: {}",
            descriptor::single_nouns_sorted().join(", ")
        );
    };
    if t.read_only {
        bail!("TYPE: {noun} is readOnly, can't use it for write action");
    }
    Ok(t)
}

pub fn run(ctx: &mut RootContext, args: DeleteArgs) -> anyhow::Result<()> {
    // cobra checks the argument count before running the command.
    let words: Vec<String> = args.type_noun.into_iter().chain(args.names).collect();
    exact_args(&words, 2).map_err(|e| {
        let argv = ["kumactl", "delete"].map(String::from);
        usage_error(&argv, &e.to_string())
    })?;
    ctx.check_compatibility();
    let (noun, name) = (&words[0], &words[1]);
    let t = resolve_type(RESOURCE_TYPES, noun)?;
    let fail = || format!("failed to delete {} with the name {name:?}", t.name);
    let (Some(mesh_segment), Some(name_segment)) = (
        super::get::path_segment(&args.mesh),
        super::get::path_segment(name),
    ) else {
        bail!("there is no {} with name {name:?}", t.name);
    };
    let client = ctx.api_client()?;
    let response = client
        .send(
            Method::DELETE,
            &t.item_path(&mesh_segment, &name_segment),
            None,
        )
        .with_context(fail)?;
    match response.status {
        200 => {
            writeln!(std::io::stdout().lock(), "deleted {} {name:?}", t.name)?;
            Ok(())
        }
        // Not found only when the server says so with a Kuma error body.
        404 if ApiError::from_body(&response.body).is_some() => {
            bail!("there is no {} with name {name:?}", t.name)
        }
        405 if ApiError::from_body(&response.body).is_none() => {
            Err(anyhow!("{}", response.text()).context(fail()))
        }
        _ => Err(anyhow::Error::new(response.error()).context(fail())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::descriptor::by_name;

    #[test]
    fn unknown_types_list_the_allowed_nouns() {
        let err = resolve_type(RESOURCE_TYPES, "foo").unwrap_err().to_string();
        assert!(err.starts_with("unknown TYPE: foo. Allowed values: circuit-breaker, dataplane, "));
        assert!(err.ends_with(", zone, zone-ingress, zoneegress, zoneingress"));
        // List nouns are not delete nouns.
        assert!(resolve_type(RESOURCE_TYPES, "meshes").is_err());
        assert_eq!(
            resolve_type(RESOURCE_TYPES, "global-secret").unwrap().name,
            "GlobalSecret"
        );
    }

    #[test]
    fn read_only_types_are_refused_locally() {
        // No type of Kuma 2.14 has nouns and is read-only; a row that had both would be
        // refused before any request.
        static TABLE: std::sync::LazyLock<Vec<ResourceType>> = std::sync::LazyLock::new(|| {
            let mut t = *by_name("ZoneEgress").unwrap();
            t.read_only = true;
            vec![t]
        });
        let table: &'static [ResourceType] = TABLE.as_slice();
        assert_eq!(
            resolve_type(table, "zoneegress").unwrap_err().to_string(),
            "TYPE: zoneegress is readOnly, can't use it for write action"
        );
    }
}
