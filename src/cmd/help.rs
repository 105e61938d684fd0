//! `kumactl help [command...]`: the help of any command, as cobra offers.

use clap::Args;

#[derive(Debug, Args)]
#[command(
    about = "Help about any command",
    long_about = "Help provides help for any command in the application.\nSimply type kumactl help [path to command] for full details."
)]
pub struct HelpArgs {
    /// The command to show the help of
    #[arg(
        long_help = "The command to show the help of",
        value_name = "[command]",
        hide_short_help = true
    )]
    pub command: Vec<String>,
}

pub fn run(args: HelpArgs) -> anyhow::Result<()> {
    let mut cmd = super::command();
    cmd.build();
    let mut current = &mut cmd;
    for name in &args.command {
        let Some(sub) = current.find_subcommand_mut(name) else {
            anyhow::bail!("unknown help topic {:?}", args.command.join(" "));
        };
        current = sub;
    }
    current.print_help()?;
    Ok(())
}
