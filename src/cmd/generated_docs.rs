//! The files generated from the clap definitions and committed to the repository:
//! completion scripts (`completions/`) and man pages (`man/`). A test compares them with
//! what this build generates; `KUMACTL_BLESS=1 cargo test --test generated_docs`
//! rewrites them.

use super::completion::CompletionShell;

/// `(file name, contents)` of every completion script.
pub fn completion_files() -> Vec<(String, Vec<u8>)> {
    CompletionShell::ALL
        .iter()
        .map(|shell| (shell.file_name().to_string(), shell.script()))
        .collect()
}

/// `(file name, contents)` of the man page of kumactl and of every sub-command
/// (`kumactl.1`, `kumactl-get-meshes.1`, ...).
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    let mut root = super::command();
    root.build();
    let mut pages = Vec::new();
    collect_man_pages(&root, &mut pages);
    pages.sort();
    pages
}

fn collect_man_pages(cmd: &clap::Command, pages: &mut Vec<(String, Vec<u8>)>) {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect_man_pages(sub, pages);
    }
    let man = clap_mangen::Man::new(cmd.clone()).manual("kumactl Manual");
    let mut page = Vec::new();
    man.render(&mut page)
        .expect("rendering a man page into memory cannot fail");
    pages.push((man.get_filename(), page));
}
