//! `kumactl generate public-key` (Go's
//! `app/kumactl/cmd/generate/generate_public_key.go`): the PKCS#1 public half of a
//! signing key, for verifying tokens without the private key.

use crate::cmd::args::require_flags;
use crate::cmd::context::RootContext;
use crate::tokens::keys;
use anyhow::anyhow;
use clap::Args;

#[derive(Debug, Args)]
#[command(
    about = "Generate public key out of signing key",
    long_about = "Generate the public key of a signing key, to verify tokens without the private key.",
    after_help = "Examples:\n  \
        $ kumactl generate public-key --signing-key-path key.pem > key.pub"
)]
pub struct PublicKeyArgs {
    /// path to a file with PEM-encoded private signing key
    #[arg(long, value_name = "string")]
    pub signing_key_path: Option<String>,
}

pub fn run(_ctx: &mut RootContext, args: PublicKeyArgs) -> anyhow::Result<()> {
    require_flags(&[("signing-key-path", args.signing_key_path.is_some())])?;
    let path = args.signing_key_path.unwrap_or_default();
    let bytes =
        super::read_file(&path).map_err(|e| anyhow!("could not read a signing key file: {e:#}"))?;
    let key = keys::private_key_from_pem(&bytes)?;
    super::warn_key_permissions(&path);
    super::write_raw(&keys::public_key_to_pem(&key.to_public_key()))
}
