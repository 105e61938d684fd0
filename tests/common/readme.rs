//! Running a README section as written: its `sh` blocks in bash, its `text` blocks as
//! the expected output.

use super::free_port;
use std::path::Path;

/// The `sh` blocks (the commands) and `text` blocks (their output) of a README section.
pub fn readme_blocks(section: &str) -> (Vec<String>, Vec<String>) {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find(&format!("## {section}\n"))
        .expect("the section exists");
    let body = &readme[start + 1..];
    let body = &body[..body.find("\n## ").unwrap_or(body.len())];
    let (mut commands, mut outputs) = (Vec::new(), Vec::new());
    let mut current: Option<(&str, String)> = None;
    for line in body.lines() {
        match (&mut current, line) {
            (None, "```sh") => current = Some(("sh", String::new())),
            (None, "```text") => current = Some(("text", String::new())),
            (Some((kind, text)), "```") => {
                let text = std::mem::take(text);
                if *kind == "sh" {
                    commands.push(text);
                } else {
                    outputs.push(text);
                }
                current = None;
            }
            (Some((_, text)), line) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, _) => {}
        }
    }
    (commands, outputs)
}

/// Times, token IDs, ages and durations vary from run to run, and so does the padding
/// around them.
pub fn normalized(line: &str) -> String {
    let times = regex::Regex::new(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\b").unwrap();
    let uuids = regex::Regex::new(r"\b[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\b").unwrap();
    let ages = regex::Regex::new(r"\b\d+[smhdy]\b").unwrap();
    let line = times.replace_all(line, "TIME");
    let line = uuids.replace_all(&line, "UUID");
    ages.replace_all(&line, "AGE")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The README's ports (API 5681, HTTPS 5682, dp-server 5678), moved to free ones so tests
/// can run side by side.
pub struct ReadmePorts {
    pub api: u16,
    pub https: u16,
    pub dp: u16,
}

impl ReadmePorts {
    pub fn free() -> ReadmePorts {
        ReadmePorts {
            api: free_port(),
            https: free_port(),
            dp: free_port(),
        }
    }

    /// `text` with the README's ports replaced; `kuma-cp-lite run` is given them too.
    pub fn apply(&self, text: &str) -> String {
        let (api, https, dp) = (self.api, self.https, self.dp);
        text.replace("5681", &api.to_string())
            .replace("5682", &https.to_string())
            .replace("5678", &dp.to_string())
            .replace(
                "kuma-cp-lite run",
                &format!(
                    "kuma-cp-lite run --api-port {api} --api-https-port {https} --dp-port {dp}"
                ),
            )
    }
}

/// Runs README commands in bash (`set -euo pipefail`) in `dir`, as HOME, with the built
/// binaries first on PATH; kills what the script started however it ends. Gives the exit
/// status, stdout and stderr.
pub fn run_readme_script(script: &str, dir: &Path) -> (std::process::ExitStatus, String, String) {
    use std::os::unix::process::CommandExt;
    let bin_dir = assert_cmd::cargo::cargo_bin("kumactl")
        .parent()
        .unwrap()
        .to_path_buf();
    let stdout_path = dir.join("stdout");
    let stderr_path = dir.join("stderr");
    let mut child = std::process::Command::new("bash")
        .arg("-c")
        // Stop the control plane however the script ends.
        .arg(format!(
            "set -euo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n{script}"
        ))
        .current_dir(dir)
        .env("HOME", dir)
        .env(
            "PATH",
            format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap()),
        )
        .stdout(std::fs::File::create(&stdout_path).unwrap())
        .stderr(std::fs::File::create(&stderr_path).unwrap())
        .process_group(0)
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            // Our own process group: the shell and the control plane it started.
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", child.id())])
                .status();
            panic!(
                "the walkthrough did not finish within 2 minutes; stdout:\n{}\nstderr:\n{}\nkuma-cp-lite.log:\n{}",
                std::fs::read_to_string(&stdout_path).unwrap_or_default(),
                std::fs::read_to_string(&stderr_path).unwrap_or_default(),
                std::fs::read_to_string(dir.join("kuma-cp-lite.log")).unwrap_or_default()
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    let stdout = std::fs::read_to_string(&stdout_path).unwrap();
    let stderr = std::fs::read_to_string(&stderr_path).unwrap();
    (status, stdout, stderr)
}

/// Every line of the README's `text` blocks appears in `stdout`, in order (normalized).
pub fn assert_outputs_in_order(stdout: &str, outputs: &[String], ports: &ReadmePorts) {
    let actual: Vec<String> = stdout.lines().map(normalized).collect();
    let mut position = 0;
    for expected in outputs
        .iter()
        .flat_map(|o| o.lines())
        .map(|line| normalized(&ports.apply(line)))
    {
        match actual[position..].iter().position(|line| *line == expected) {
            Some(offset) => position += offset + 1,
            None => panic!("{expected:?} not found in order in:\n{stdout}"),
        }
    }
}
