//! `kumactl install crds [--only-missing]` (Go: `app/kumactl/cmd/install/install_crds.go`):
//! Kuma's 54 CRDs alone, in the chart's file order; with `--only-missing`, those the
//! current Kubernetes cluster lacks.

use crate::cmd::context::RootContext;
use crate::install::{crds, manifest};
use crate::kubeconfig::KubeClient;
use anyhow::{Context, anyhow};
use clap::Args;
use std::collections::BTreeSet;
use std::io::Write;

#[derive(Debug, Args)]
#[command(
    about = "Install Kuma Custom Resource Definitions on Kubernetes",
    long_about = "Install Kuma Custom Resource Definitions on Kubernetes"
)]
pub struct CrdsArgs {
    /// install only resources which are not already present in a cluster
    #[arg(long)]
    pub only_missing: bool,
}

#[derive(serde::Deserialize)]
struct CrdList {
    #[serde(default)]
    items: Vec<CrdItem>,
}

#[derive(serde::Deserialize)]
struct CrdItem {
    metadata: CrdMeta,
}

#[derive(serde::Deserialize)]
struct CrdMeta {
    #[serde(default)]
    name: String,
}

pub fn run(ctx: &mut RootContext, args: CrdsArgs) -> anyhow::Result<()> {
    let mut objects = crds::render()?;
    if args.only_missing {
        let installed = installed_crds(ctx)?;
        let names = crds::names();
        let mut name = names.iter();
        objects.retain(|_| !name.next().is_some_and(|n| installed.contains(n)));
    }
    let out = manifest::join(&objects, &[]);
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}

/// The names of the CRDs of the current context's cluster.
fn installed_crds(ctx: &RootContext) -> anyhow::Result<BTreeSet<String>> {
    let kube = KubeClient::from_environment(ctx.args.api_timeout)
        .map_err(|e| anyhow!("Could not detect Kubernetes configuration: {e:#}"))?;
    let fail = "Failed obtaining CRDs from Kubernetes cluster";
    let response = kube
        .client
        .get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions")
        .context(fail)?;
    if !response.is_success() {
        return Err(anyhow!(
            "{fail}: ({}): {}",
            response.status,
            response.printable_text().trim_end()
        ));
    }
    let list: CrdList = response.json().context(fail)?;
    Ok(list.items.into_iter().map(|i| i.metadata.name).collect())
}
