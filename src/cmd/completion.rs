//! `kumactl completion bash|zsh|fish|powershell` (Go: `app/kumactl/cmd/completion/
//! completion.go`, without powershell): shell completion scripts generated from the same
//! clap definitions as the help and man pages.

use super::context::RootContext;
use clap::{Args, Subcommand};
use clap_complete::Shell;

#[derive(Debug, Args)]
#[command(
    about = "Output shell completion code for bash, fish, zsh or powershell",
    long_about = "Output shell completion code for bash, fish, zsh or powershell.\n\n\
                  The script completes kumactl's commands and flags. Load it in your shell's \
                  start-up file, for example:\n\n  \
                  bash:       source <(kumactl completion bash)\n  \
                  zsh:        kumactl completion zsh > \"${fpath[1]}/_kumactl\"\n  \
                  fish:       kumactl completion fish > ~/.config/fish/completions/kumactl.fish\n  \
                  powershell: kumactl completion powershell | Out-String | Invoke-Expression\n\n\
                  To also complete resource names from the current control plane \
                  (kumactl get meshtimeout <TAB>, kumactl delete zoneegress <TAB>, --mesh <TAB>), \
                  load the dynamic script instead:\n\n  \
                  bash:       source <(COMPLETE=bash kumactl)\n  \
                  zsh:        source <(COMPLETE=zsh kumactl)\n  \
                  fish:       COMPLETE=fish kumactl | source\n  \
                  powershell: $env:COMPLETE = \"powershell\"; kumactl | Out-String | Invoke-Expression; Remove-Item Env:\\COMPLETE"
)]
pub struct CompletionArgs {
    #[command(subcommand)]
    pub shell: CompletionShell,
}

#[derive(Debug, Clone, Copy, Subcommand)]
pub enum CompletionShell {
    /// Output shell completion code for bash
    Bash,
    /// Output shell completion code for zsh
    Zsh,
    /// Output shell completion code for fish
    Fish,
    /// Output shell completion code for powershell
    Powershell,
}

impl CompletionShell {
    pub const ALL: [CompletionShell; 4] = [
        CompletionShell::Bash,
        CompletionShell::Zsh,
        CompletionShell::Fish,
        CompletionShell::Powershell,
    ];

    fn shell(self) -> Shell {
        match self {
            CompletionShell::Bash => Shell::Bash,
            CompletionShell::Zsh => Shell::Zsh,
            CompletionShell::Fish => Shell::Fish,
            CompletionShell::Powershell => Shell::PowerShell,
        }
    }

    /// The file name under `completions/`.
    pub fn file_name(self) -> &'static str {
        match self {
            CompletionShell::Bash => "kumactl.bash",
            CompletionShell::Zsh => "_kumactl",
            CompletionShell::Fish => "kumactl.fish",
            CompletionShell::Powershell => "_kumactl.ps1",
        }
    }

    /// The completion script for this shell.
    pub fn script(self) -> Vec<u8> {
        let mut out = Vec::new();
        clap_complete::generate(self.shell(), &mut super::command(), "kumactl", &mut out);
        out
    }
}

pub fn run(_ctx: &mut RootContext, args: CompletionArgs) -> anyhow::Result<()> {
    use std::io::Write;
    std::io::stdout().lock().write_all(&args.shell.script())?;
    Ok(())
}
