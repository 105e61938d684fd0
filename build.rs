//! Records the git commit and build date of this build, for `kumactl version --detailed`
//! and the User-Agent. Outside a git checkout both fall back to "unknown".
//!
//! Also converts the chart defaults (`src/install/values.yaml`) to JSON once, here:
//! `install control-plane` then reads them with serde_json, several times cheaper than
//! parsing the YAML on every run.
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!text.is_empty()).then_some(text)
}

fn main() {
    let commit = git(&["rev-parse", "HEAD"]).unwrap_or_else(|| "unknown".into());
    // The commit date, not the wall clock: rebuilding the same commit gives the same binary.
    let date = git(&["log", "-1", "--format=%cI"]).unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=KUMACTL_GIT_COMMIT={commit}");
    println!("cargo:rustc-env=KUMACTL_BUILD_DATE={date}");
    if let Some(head) = git(&["rev-parse", "--git-path", "HEAD"]) {
        println!("cargo:rerun-if-changed={head}");
    }
    if let Some(refs) = git(&["rev-parse", "--symbolic-full-name", "HEAD"])
        .and_then(|r| git(&["rev-parse", "--git-path", &r]))
    {
        println!("cargo:rerun-if-changed={refs}");
    }
    println!("cargo:rerun-if-changed=build.rs");
    values_json();
    // The binaries are linked at a fixed address, as Go links kumactl: a
    // position-independent executable makes the loader apply some 25,000 relocations
    // at every start, a third of what `kumactl --help` costs.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

/// `$OUT_DIR/values.json`: `values.yaml` as serde_yaml reads it, keys in file order.
fn values_json() {
    const SOURCE: &str = "src/install/values.yaml";
    println!("cargo:rerun-if-changed={SOURCE}");
    let text = std::fs::read_to_string(SOURCE).expect("read src/install/values.yaml");
    let value: serde_json::Value =
        serde_yaml::from_str(&text).expect("src/install/values.yaml is valid YAML");
    assert!(
        value.is_object(),
        "src/install/values.yaml must be a mapping"
    );
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(out.join("values.json"), value.to_string()).expect("write values.json");
}
