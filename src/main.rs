//! The `decruft` binary: parse the command line, run the command, turn the result into an exit
//! status (0 ok, 1 `check` found changes, 2 error). Everything else lives in [`cli`] and the
//! library, so this file stays a map from outcomes to exit codes.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::args::Cli::parse();
    match cli::run(args) {
        Ok(status) => status.into(),
        Err(err) if cli::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {}", cli::render_error(&err));
            ExitCode::from(2)
        }
    }
}
