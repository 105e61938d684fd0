//! `kumactl generate tls-certificate` (Go: `app/kumactl/cmd/generate/generate_certificate.go`):
//! a self-signed key and certificate pair, written to files or stdout. Nothing is sent to
//! the control plane.

use super::{StringSlice, string_slice};
use crate::certificates::{self, CertUsage, KeyType};
use crate::cmd::args::{require_flags, suggest};
use crate::config::write_atomically;
use anyhow::{Context, bail};
use clap::Args;
use std::io::Write;
use std::path::Path;

#[derive(Debug, Args)]
#[command(
    about = "Generate a TLS certificate",
    long_about = "Generate self signed key and certificate pair that can be used for example in Dataplane Token Server setup.",
    after_help = "Examples:\n  \
        # Generate a TLS certificate for use by an HTTPS server, i.e. by the Dataplane Token server\n  \
        kumactl generate tls-certificate --type=server --hostname=localhost\n\n  \
        # Generate a TLS certificate for use by a client of an HTTPS server, i.e. by the 'kumactl generate dataplane-token' command\n  \
        kumactl generate tls-certificate --type=client --hostname=dataplane-1"
)]
pub struct TlsCertificateArgs {
    /// path to a file with a generated private key ('-' for stdout)
    #[arg(long, value_name = "string", default_value = "key.pem")]
    pub key_file: String,
    /// path to a file with a generated TLS certificate ('-' for stdout)
    #[arg(long, value_name = "string", default_value = "cert.pem")]
    pub cert_file: String,
    /// type of the certificate: one of client|server
    #[arg(
        long = "type",
        value_name = "string",
        value_parser = suggest(&["client", "server"]),
        hide_possible_values = true
    )]
    pub cert_type: Option<String>,
    /// type of the private key: one of rsa|ecdsa
    #[arg(
        long,
        value_name = "string",
        default_value = "",
        hide_default_value = true,
        value_parser = suggest(&["rsa", "ecdsa"]),
        hide_possible_values = true
    )]
    pub key_type: String,
    /// DNS hostname(s) to issue the certificate for
    #[arg(long, value_name = "strings", value_parser = string_slice)]
    pub hostname: Vec<StringSlice>,
}

pub fn run(args: TlsCertificateArgs) -> anyhow::Result<()> {
    require_flags(&[
        ("hostname", !args.hostname.is_empty()),
        ("type", args.cert_type.is_some()),
    ])?;
    let usage = match args.cert_type.as_deref().unwrap_or_default() {
        "server" => CertUsage::Server,
        "client" => CertUsage::Client,
        other => bail!("invalid certificate type {other:?}"),
    };
    let hosts = StringSlice::flatten(args.hostname);
    if hosts.is_empty() {
        bail!("at least one hostname must be given");
    }
    let key_type = match args.key_type.as_str() {
        "" | "rsa" => KeyType::Rsa,
        "ecdsa" => KeyType::Ecdsa,
        other => bail!("invalid key type {other:?}"),
    };
    let pair = certificates::self_signed(usage, key_type, &hosts)
        .map_err(|e| anyhow::anyhow!("could not generate certificate: {e:#}"))?;
    // The key first, then the certificate. A file is replaced, not rewritten in place: Go
    // truncates an existing file and keeps its mode, so the 0400 key of a first run made
    // every later run in the same directory fail with `permission denied`.
    save(&args.key_file, &pair.key_pem, 0o400).context("could not write the key file")?;
    save(&args.cert_file, &pair.cert_pem, 0o600).context("could not write the cert file")?;
    if args.key_file != "-" && args.cert_file != "-" {
        let mut out = std::io::stdout().lock();
        writeln!(out, "Private key saved in {}", args.key_file)?;
        writeln!(out, "Certificate saved in {}", args.cert_file)?;
    }
    Ok(())
}

/// `-` is stdout; any other path gets a new file of `mode`.
fn save(path: &str, text: &str, mode: u32) -> anyhow::Result<()> {
    if path == "-" {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        return Ok(());
    }
    write_atomically(Path::new(path), text.as_bytes(), mode)
        .map_err(|e| anyhow::anyhow!(crate::os_error::path_text("open", Path::new(path), &e)))
}
