//! `decruft check`: what `clean` would change, for CI; the exit status is the verdict.

use std::io::Write;

use decruft::input;
use decruft::output;

use super::args::CheckArgs;
use super::options::Options;
use super::process::process;
use super::{eprint_message, render_error, Status, UntilClosed};

pub fn run(options: &Options, args: &CheckArgs) -> anyhow::Result<Status> {
    let engine = options.engine()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(UntilClosed::new(stdout.lock()));
    let (mut checked, mut changed, mut removals, mut errors) = (0usize, 0usize, 0usize, 0usize);
    for path in &args.paths {
        let outcome = match input::read(path)
            .map_err(anyhow::Error::from)
            .and_then(|r| process(r, &engine))
        {
            Ok(o) => o,
            Err(e) => {
                eprint_message(&mut out, "error", &render_error(&e))?;
                errors += 1;
                continue;
            }
        };
        for w in &outcome.warnings {
            eprint_message(&mut out, "warning", w)?;
        }
        checked += 1;
        if outcome.changed() {
            changed += 1;
            removals += outcome.removals();
            let diff = outcome.diff();
            let diff = if options.color {
                output::color::diff(&diff)
            } else {
                diff
            };
            out.write_all(diff.as_bytes())?;
        }
    }
    out.flush()?;
    eprintln!("{}", summary(checked, changed, removals, errors));
    Ok(if errors > 0 {
        Status::Errors
    } else if changed > 0 {
        Status::Changes
    } else {
        Status::Ok
    })
}

/// "2 of 5 files would change (7 removals)", plus the inputs that could not be checked.
fn summary(checked: usize, changed: usize, removals: usize, errors: usize) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut s = format!(
        "{changed} of {} would change ({})",
        plural(checked, "file", "files"),
        plural(removals, "removal", "removals")
    );
    if errors > 0 {
        s.push_str(&format!(
            "; {} could not be checked",
            plural(errors, "input", "inputs")
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_read_naturally() {
        assert_eq!(
            summary(5, 2, 7, 0),
            "2 of 5 files would change (7 removals)"
        );
        assert_eq!(summary(1, 1, 1, 0), "1 of 1 file would change (1 removal)");
        assert_eq!(
            summary(2, 0, 0, 1),
            "0 of 2 files would change (0 removals); 1 input could not be checked"
        );
    }
}
