//! The `decruft` binary: parse the command line, run the command, turn the result into an exit
//! status (0 ok, 1 `check` found changes, 2 error, 130 interrupted). Everything else lives in
//! [`cli`] and the library, so this file stays a map from outcomes to exit codes.

mod cli;

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

use clap::Parser;

/// The exit status of a run stopped by Ctrl-C, `SIGTERM` or `SIGHUP`: what shells report for
/// a command ended by Ctrl-C (128 + `SIGINT`), and distinct from 2 so that a script can tell a
/// run that was stopped from one whose inputs had errors.
const INTERRUPTED: i32 = 130;

fn main() -> ExitCode {
    // stop at once, whatever the run is waiting on (a chunk of large pages, standard input),
    // with temporary output files removed: every output left is complete. A handler that
    // cannot be installed leaves the default behaviour (the signal ends the process), which
    // also leaves no partial output under a real name.
    let _ = ctrlc::set_handler(|| decruft::output::exit_interrupted(INTERRUPTED));
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
