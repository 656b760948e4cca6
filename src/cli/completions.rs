//! `decruft completions SHELL` and `decruft man`: the command line described for shells and
//! for `man`, generated from the same clap definition as `--help` so they never drift apart.

use std::io::Write;

use clap::CommandFactory;

use super::args::{Cli, CompletionsArgs};
use super::Status;

/// Prints the completion script of `args.shell` on standard output.
pub fn completions(args: &CompletionsArgs) -> anyhow::Result<Status> {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "decruft", &mut buf);
    write_stdout(&buf)
}

/// Prints the roff manual page of `decruft` on standard output.
pub fn man() -> anyhow::Result<Status> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
    write_stdout(&buf)
}

fn write_stdout(bytes: &[u8]) -> anyhow::Result<Status> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(Status::Ok)
}
