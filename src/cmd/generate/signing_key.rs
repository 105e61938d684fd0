//! `kumactl generate signing-key` (Go's
//! `app/kumactl/cmd/generate/generate_signing_key.go`): a new RSA 2048 key for signing
//! tokens.

use crate::cmd::args::suggest;
use crate::cmd::context::RootContext;
use crate::tokens::keys;
use anyhow::bail;
use base64::Engine;
use clap::Args;

#[derive(Debug, Args)]
#[command(
    about = "Generate signing keys",
    long_about = "Generate a private key for signing tokens.",
    after_help = "Examples:\n  \
        Rotate the zone token signing key: store a new key as the next serial\n  \
        $ echo \"\n  \
        type: GlobalSecret\n  \
        name: zone-token-signing-key-2\n  \
        data: {{ key }}\n  \
        \" | kumactl apply --var key=$(kumactl generate signing-key) -f -"
)]
pub struct SigningKeyArgs {
    /// format of signing key. Available values :pem-base64, pem
    #[arg(
        long,
        value_name = "string",
        default_value = "pem-base64",
        value_parser = suggest(&["pem-base64", "pem"]),
        hide_possible_values = true
    )]
    pub format: String,
}

pub fn run(_ctx: &mut RootContext, args: SigningKeyArgs) -> anyhow::Result<()> {
    let render = match args.format.as_str() {
        "pem" => |pem: String| pem,
        "pem-base64" => |pem: String| base64::engine::general_purpose::STANDARD.encode(pem),
        _ => bail!("invalid format"),
    };
    let key = keys::generate(keys::DEFAULT_KEY_BITS);
    super::write_raw(&render(keys::private_key_to_pem(&key)))
}
