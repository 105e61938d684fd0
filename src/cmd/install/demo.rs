//! `kumactl install demo` (Go: `app/kumactl/cmd/install/install_demo.go`): the manifests
//! of Kuma's demo application. Nothing is contacted.

use crate::cmd::context::RootContext;
use crate::install::demo::{self, DemoOptions};
use crate::install::manifest;
use clap::Args;
use std::io::Write;

#[derive(Debug, Args)]
#[command(
    about = "Install Kuma demo on Kubernetes",
    long_about = "Install Kuma demo on Kubernetes in its own namespace."
)]
pub struct DemoArgs {
    /// Zone in which to install demo
    #[arg(long, value_name = "string", default_value = "local")]
    pub zone: String,
    /// Namespace to install demo to
    #[arg(long, value_name = "string", default_value = "kuma-demo")]
    pub namespace: String,
    /// System namespace of the control plane
    #[arg(long, value_name = "string", default_value = "kuma-system")]
    pub system_namespace: String,
    /// Skip MeshGateway resources
    #[arg(long)]
    pub without_gateway: bool,
}

pub fn run(_ctx: &mut RootContext, args: DemoArgs) -> anyhow::Result<()> {
    let objects = demo::render(&DemoOptions {
        zone: args.zone,
        namespace: args.namespace,
        system_namespace: args.system_namespace,
        without_gateway: args.without_gateway,
    })?;
    std::io::stdout()
        .lock()
        .write_all(manifest::join(&objects, &[]).as_bytes())?;
    Ok(())
}
