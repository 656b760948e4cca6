//! `decruft completions SHELL` and `decruft man`: the command line described for shells and
//! for `man`, generated from the same clap definition as `--help` so they never drift apart.

use std::io::Write;

use clap::CommandFactory;

use super::args::{Cli, CompletionsArgs, ManArgs};
use super::Status;

/// Prints the completion script of `args.shell` on standard output.
pub fn completions(args: &CompletionsArgs) -> anyhow::Result<Status> {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "decruft", &mut buf);
    write_stdout(&buf)
}

/// Prints the roff manual page of `decruft`, or of one of its commands, on standard output.
pub fn man(args: &ManArgs) -> anyhow::Result<Status> {
    let mut cmd = Cli::command();
    // building propagates the global flags and the version into the commands' pages
    cmd.build();
    let page = match &args.command {
        None => cmd,
        Some(name) => {
            let Some(sub) = cmd.find_subcommand(name).cloned() else {
                let names: Vec<&str> = cmd
                    .get_subcommands()
                    .map(|c| c.get_name())
                    .filter(|n| *n != "help")
                    .collect();
                anyhow::bail!("no command `{name}` (commands: {})", names.join(", "));
            };
            // clap names are `'static` without its `string` feature; one short string leaked
            // by a process that exits right after is cheaper than that feature
            let page: &'static str = Box::leak(format!("decruft-{}", sub.get_name()).into());
            let usage: &'static str = Box::leak(format!("decruft {}", sub.get_name()).into());
            sub.name(page).bin_name(usage)
        }
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(page).render(&mut buf)?;
    write_stdout(&buf)
}

fn write_stdout(bytes: &[u8]) -> anyhow::Result<Status> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(Status::Ok)
}
