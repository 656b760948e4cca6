//! The command-line side of decruft: flags, their checking, and one runner per command.
//!
//! The library knows nothing about terminals, exit codes or standard streams; this module
//! owns them. `clean` and `check` read their inputs through [`batch::clean_all`], which runs
//! every record through [`process::outcome`], so both agree on what a given input turns into.

pub mod args;
mod batch;
mod check;
mod clean;
mod completions;
mod eval;
mod learn;
mod options;
mod process;
mod rules;
mod walk;

use std::io::Write;
use std::process::ExitCode;

use args::{Cli, Command};
use options::Options;

/// Exit status of a command that ran without a fatal error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything went well (`check`: nothing would change).
    Ok,
    /// `check` found something that would change.
    Changes,
    /// At least one input failed; the others were still processed.
    Errors,
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> ExitCode {
        ExitCode::from(match s {
            Status::Ok => 0,
            Status::Changes => 1,
            Status::Errors => 2,
        })
    }
}

/// Runs the parsed command line. A returned error is fatal: the caller prints it and exits 2.
pub fn run(cli: Cli) -> anyhow::Result<Status> {
    // these describe the command line only: a broken decruft.toml must not stop them
    match &cli.command {
        Command::Completions(a) => return completions::completions(a),
        Command::Man(a) => return completions::man(a),
        _ => {}
    }
    let mut options = Options::new(&cli.global)?;
    match cli.command {
        Command::Clean(a) => {
            options.select(&a.select)?;
            clean::run(&options, &a)
        }
        Command::Check(a) => {
            options.select(&a.select)?;
            check::run(&options, &a)
        }
        Command::Rules(a) => {
            options.select(&a.select)?;
            rules::run(&options, &a)
        }
        Command::Eval(a) => eval::run(&options, &a),
        Command::Learn(a) => learn::run(&options, &a),
        Command::Completions(_) | Command::Man(_) => unreachable!("handled above"),
    }
}

/// Whether `err` comes from writing to a closed pipe (`decruft clean big.txt | head`), which is
/// the reader's choice and not an error worth reporting.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

/// A writer that, once its reader has gone away (broken pipe), drops everything written to
/// it. `check` uses it so that `decruft check ... | head` still reads every input and exits
/// with the verdict, instead of stopping at the first diff that no one reads.
pub struct UntilClosed<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> UntilClosed<W> {
    pub fn new(inner: W) -> Self {
        UntilClosed {
            inner,
            closed: false,
        }
    }
}

impl<W: Write> Write for UntilClosed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            r => r,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        match self.inner.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            r => r,
        }
    }
}

/// The message of `err` and its causes, `: `-separated, leaving out a cause whose text the
/// message already carries (library errors often include their source's reason) and Rust's
/// ` (os error N)` suffixes.
pub fn render_error(err: &anyhow::Error) -> String {
    let mut msg = String::new();
    for cause in err.chain() {
        let text = without_os_error_numbers(&cause.to_string());
        if msg.is_empty() {
            msg = text;
        } else if !msg.contains(&text) {
            msg.push_str(": ");
            msg.push_str(&text);
        }
    }
    msg
}

fn without_os_error_numbers(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(" (os error ") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + " (os error ".len()..];
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && tail[digits..].starts_with(')') {
            rest = &tail[digits + 1..];
        } else {
            out.push_str(" (os error ");
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

/// Prints a per-input message on standard error, after flushing `out` so that, on a terminal,
/// the message shows up next to the output it concerns.
fn eprint_message(
    out: &mut impl Write,
    level: &str,
    message: &dyn std::fmt::Display,
) -> std::io::Result<()> {
    out.flush()?;
    eprintln!("{level}: {message}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Closed;
    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }
    }

    #[test]
    fn a_closed_pipe_swallows_writes_but_other_errors_pass() {
        let mut w = UntilClosed::new(Closed);
        assert!(w.write_all(b"diff").is_ok());
        assert!(w.flush().is_ok());
        let mut w = UntilClosed::new(std::io::BufWriter::new(Closed));
        assert!(w.write_all(b"x").is_ok());
        let mut buf = [0u8; 2];
        let mut full = UntilClosed::new(&mut buf[..]);
        assert!(full.write_all(b"too long").is_err());
    }

    #[test]
    fn errors_read_once_without_os_error_numbers() {
        let io = std::io::Error::from_raw_os_error(2);
        let e = anyhow::Error::new(io)
            .context("x.toml: cannot read: No such file or directory (os error 2)");
        assert_eq!(
            render_error(&e),
            "x.toml: cannot read: No such file or directory"
        );
        let e = anyhow::Error::new(std::io::Error::from_raw_os_error(13)).context("out/a.txt");
        assert_eq!(render_error(&e), "out/a.txt: Permission denied");
    }
}
