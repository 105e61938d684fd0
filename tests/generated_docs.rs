//! The committed completion scripts and man pages match what the binary generates.
//! Regenerate them with `KUMACTL_BLESS=1 cargo test --locked --test generated_docs`.

use kumactl::cmd::generated_docs::{completion_files, man_pages};
use std::collections::BTreeSet;
use std::path::Path;

fn bless() -> bool {
    std::env::var_os("KUMACTL_BLESS").is_some()
}

/// Compares (or, when blessing, rewrites) `dir` against the generated files; files in
/// `dir` that are no longer generated are stale.
fn check_dir(dir: &str, files: Vec<(String, Vec<u8>)>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let expected: BTreeSet<String> = files.iter().map(|(name, _)| name.clone()).collect();
    if bless() {
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !expected.contains(&name) {
                std::fs::remove_file(&path).unwrap();
            }
        }
        for (name, contents) in &files {
            std::fs::write(dir.join(name), contents).unwrap();
        }
        return;
    }
    let hint = "regenerate with: KUMACTL_BLESS=1 cargo test --locked --test generated_docs";
    let present: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}; {hint}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(present, expected, "files in {}; {hint}", dir.display());
    for (name, contents) in files {
        let committed = std::fs::read(dir.join(&name)).unwrap();
        assert!(
            committed == contents,
            "{}/{name} is out of date; {hint}",
            dir.display()
        );
    }
}

#[test]
fn completion_scripts_are_up_to_date() {
    check_dir("completions", completion_files());
}

#[test]
fn man_pages_are_up_to_date() {
    check_dir("man", man_pages());
}

#[test]
fn the_binary_prints_the_committed_completion_scripts() {
    for (file, shell) in [
        ("kumactl.bash", "bash"),
        ("_kumactl", "zsh"),
        ("kumactl.fish", "fish"),
        ("_kumactl.ps1", "powershell"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let output = assert_cmd::Command::cargo_bin("kumactl")
            .unwrap()
            .env("HOME", dir.path())
            .args(["--no-config", "completion", shell])
            .output()
            .unwrap();
        assert!(output.status.success());
        let generated = completion_files()
            .into_iter()
            .find(|(name, _)| name == file)
            .unwrap()
            .1;
        assert!(output.stdout == generated, "{shell}");
    }
}

#[test]
fn there_is_a_man_page_for_every_command() {
    let pages: BTreeSet<String> = man_pages().into_iter().map(|(name, _)| name).collect();
    for page in [
        "kumactl.1",
        "kumactl-version.1",
        "kumactl-config-control-planes-add.1",
        "kumactl-completion-powershell.1",
    ] {
        assert!(pages.contains(page), "{page} missing from {pages:?}");
    }
}
