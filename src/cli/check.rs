//! `decruft check`: what `clean` would change, for CI; the exit status is the verdict.
//!
//! Three views of the same run: a report of the findings in one of the CI formats (the
//! default), plain patches (`--diff`), or a comparison of each clean output with a committed
//! expected file (`--expected DIR`), which is how a change of rules or config is reviewed on
//! a corpus. Whatever the view, a run with changes never exits 0 unless `--exit-zero` says
//! so, and a run with errors always exits 2.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use decruft::input;
use decruft::output::report::{FileReport, Format, Summary};
use decruft::output::{self, report};

use super::args::CheckArgs;
use super::batch::{self, Cleaned, Done};
use super::options::Options;
use super::process::{source_label, Setup};
use super::walk::Source;
use super::{eprint_message, render_error, Status, UntilClosed};

pub fn run(options: &Options, args: &CheckArgs) -> anyhow::Result<Status> {
    let engine = options.engine()?;
    let ignores = options.ignores()?;
    let setup = Setup {
        format: args.input.input_format,
        ignores: Some(&ignores),
        max_input: args.input.max_input_size,
        ..Setup::new(&engine)
    };
    let (sources, walk_errors) = batch::sources(&args.paths, &args.input)?;
    if args.expected.is_some() {
        batch::single_documents(&sources, "--expected")?;
    }
    let mut sink = Sink::new(args.output_file.as_deref());
    let run = Run {
        options,
        args,
        setup: &setup,
        sources: &sources,
        walk_errors: walk_errors as usize,
    };
    let verdict = match &args.expected {
        Some(dir) => run.expected(dir, &mut sink)?,
        None => run.findings(&mut sink)?,
    };
    sink.finish()?;
    Ok(if verdict.errors > 0 {
        Status::Errors
    } else if verdict.failed && !args.exit_zero {
        Status::Changes
    } else {
        Status::Ok
    })
}

/// What every view of a run reads.
struct Run<'a> {
    options: &'a Options,
    args: &'a CheckArgs,
    setup: &'a Setup<'a>,
    sources: &'a [Source],
    /// Directories that could not be read (already reported).
    walk_errors: usize,
}

/// What a run found, for the exit status.
struct Verdict {
    errors: usize,
    /// Something would change (or, with `--expected`, differs from its expected file).
    failed: bool,
}

/// Standard output (which may close early: the remaining inputs are still checked so that
/// the exit status stays the verdict), or a buffer for `--output-file`, written atomically
/// once the run is complete so that CI never uploads half a report.
enum Sink {
    Stdout(std::io::BufWriter<UntilClosed<std::io::StdoutLock<'static>>>),
    File(PathBuf, Vec<u8>),
}

impl Sink {
    fn new(file: Option<&Path>) -> Sink {
        match file {
            Some(p) => Sink::File(p.to_path_buf(), Vec::new()),
            None => Sink::Stdout(std::io::BufWriter::new(UntilClosed::new(
                std::io::stdout().lock(),
            ))),
        }
    }

    fn is_stdout(&self) -> bool {
        matches!(self, Sink::Stdout(_))
    }

    fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Stdout(mut w) => Ok(w.flush()?),
            Sink::File(path, bytes) => output::write_atomic(&path, &bytes).map_err(|e| {
                anyhow::anyhow!("{}: cannot write: {}", path.display(), input::io_reason(&e))
            }),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(_, v) => v.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File(..) => Ok(()),
        }
    }
}

/// A record of the findings view as the workers leave it.
struct Checked {
    warnings: Vec<String>,
    report: FileReport,
    /// The report's block when it is streamed.
    block: Option<String>,
}

/// One record of the run: its result (`warnings` of it printed), or the report of an input
/// that could not be checked (the error printed; the report's message leaves out the
/// input's name, which the report shows); `None` for the start and end of a dump and
/// skipped WARC records.
fn record<T>(
    done: Done<T>,
    warnings: impl FnOnce(&T) -> &[String],
    sources: &[Source],
    sink: &mut Sink,
) -> anyhow::Result<Option<Result<(usize, T), FileReport>>> {
    let (i, msg) = match done {
        Done::Begin(_) | Done::End(..) | Done::Skipped(_) => return Ok(None),
        Done::Rec(i, Ok(c)) => {
            for w in warnings(&c) {
                eprint_message(sink, "warning", w)?;
            }
            return Ok(Some(Ok((i, c))));
        }
        Done::Rec(i, Err(msg)) | Done::Failed(i, msg) => (i, msg),
    };
    eprint_message(sink, "error", &msg)?;
    let path = &sources[i].path;
    let prefix = format!("{}: ", input::display_name(path));
    let msg = msg.strip_prefix(&prefix).unwrap_or(&msg);
    Ok(Some(Err(FileReport::failed(source_label(path), msg))))
}

fn add(total: &mut Summary, r: &FileReport) {
    let s = Summary::of(std::slice::from_ref(r));
    total.files += s.files;
    total.changed += s.changed;
    total.errors += s.errors;
    total.removals += s.removals;
    total.flags += s.flags;
    total.suppressed += s.suppressed;
    total.ignored += s.ignored;
    total.unused_markers += s.unused_markers;
}

impl Run<'_> {
    /// The findings report (`--format`) or plain patches (`--diff`).
    fn findings(&self, sink: &mut Sink) -> anyhow::Result<Verdict> {
        let (options, args) = (self.options, self.args);
        let format = args.format;
        // text, jsonl and patches go out file by file, so a long run shows progress; the other
        // formats are single documents
        let streamed = args.diff || matches!(format, Format::Text | Format::Jsonl);
        let color = options.color && sink.is_stdout();
        let mut kept: Vec<FileReport> = Vec::new();
        let mut summary = Summary::default();
        summary.errors += self.walk_errors;
        let block_of = |r: &FileReport| {
            let block = if args.diff {
                r.diff()
            } else if format == Format::Text {
                report::text::file_block(r)
            } else {
                report::json::render_lines(std::slice::from_ref(r))
            };
            if color && format == Format::Text {
                output::color::diff(&block)
            } else {
                block
            }
        };
        // the report and its block are made on the workers
        let check = |_, mut c: Cleaned| {
            let warnings = std::mem::take(&mut c.outcome.warnings);
            let report = c.outcome.into_file_report();
            let block = streamed.then(|| block_of(&report));
            Checked {
                warnings,
                report,
                block,
            }
        };
        batch::clean_all(self.sources, &args.input, self.setup, check, |done| {
            let (r, block) = match record(done, |c| &c.warnings, self.sources, sink)? {
                None => return Ok(()),
                Some(Ok((_, c))) => (c.report, c.block),
                Some(Err(r)) => {
                    let block = streamed.then(|| block_of(&r));
                    (r, block)
                }
            };
            add(&mut summary, &r);
            match block {
                Some(block) => sink.write_all(block.as_bytes())?,
                None => kept.push(r),
            }
            Ok(())
        })?;
        if !streamed {
            report::write(format, &kept, sink)?;
        } else if format == Format::Text && !args.diff {
            writeln!(sink, "{}", summary.line())?;
        }
        // the summary line is in the text and github reports; elsewhere it goes to standard
        // error, where CI logs show it next to the job's status
        let summary_in_report = !args.diff && matches!(format, Format::Text | Format::Github);
        if (!summary_in_report || !sink.is_stdout()) && !args.input.quiet {
            sink.flush()?;
            eprintln!("{}", summary.line());
        }
        Ok(Verdict {
            errors: summary.errors,
            failed: summary.changed > 0,
        })
    }

    /// `--expected DIR`: each input's clean output against `DIR/<name>`. The output is a patch
    /// from the expected files to the actual outputs, so `git apply` of it is the same as
    /// `clean --update-expected`.
    fn expected(&self, dir: &Path, sink: &mut Sink) -> anyhow::Result<Verdict> {
        let color = self.options.color && sink.is_stdout();
        let (mut checked, mut differ, mut missing) = (0usize, 0usize, 0usize);
        let mut errors = self.walk_errors;
        // expected file -> the input compared with it: two inputs with one name cannot share it
        let mut seen: HashMap<PathBuf, String> = HashMap::new();
        // reading the expected file and making the patch is per-input work: the workers do it
        let compare = |i: usize, c: Cleaned| {
            let target = dir.join(batch::output_name(&self.sources[i], c.html));
            let against = against(&target, &c.outcome.cleaned.text, color);
            (c, target, against)
        };
        batch::clean_all(
            self.sources,
            &self.args.input,
            self.setup,
            compare,
            |done| {
                let (c, target, against) =
                    match record(done, |r| &r.0.outcome.warnings, self.sources, sink)? {
                        None => return Ok(()),
                        Some(Ok((_, rec))) => rec,
                        Some(Err(_)) => {
                            errors += 1;
                            return Ok(());
                        }
                    };
                let name = c.outcome.record.display_name();
                if let Some(other) = seen.get(&target) {
                    eprint_message(
                    sink,
                    "error",
                    &format!(
                        "{name}: {} is already the expected file of {other} (inputs with the same file name cannot share --expected)",
                        target.display()
                    ),
                )?;
                    errors += 1;
                    return Ok(());
                }
                seen.insert(target.clone(), name.to_string());
                checked += 1;
                let patch = match against {
                    Against::Same => return Ok(()),
                    Against::Differs(patch) => {
                        eprint_message(
                            sink,
                            "differs",
                            &format!(
                                "{}: the clean output of {name} is not the expected one",
                                target.display()
                            ),
                        )?;
                        patch
                    }
                    Against::Missing(patch) => {
                        missing += 1;
                        eprint_message(
                        sink,
                        "missing",
                        &format!(
                            "{}: no expected output for {name}; `decruft clean --update-expected {}` writes it",
                            target.display(),
                            dir.display()
                        ),
                    )?;
                        patch
                    }
                    Against::Unreadable(e) => {
                        let e = anyhow::Error::new(e)
                            .context(format!("{}: cannot read", target.display()));
                        eprint_message(sink, "error", &render_error(&e))?;
                        errors += 1;
                        return Ok(());
                    }
                };
                differ += 1;
                sink.write_all(patch.as_bytes())
                    .with_context(|| "cannot write the report".to_string())?;
                Ok(())
            },
        )?;
        sink.flush()?;
        if !self.args.input.quiet {
            eprintln!("{}", expected_summary(checked, differ, missing, errors));
        }
        Ok(Verdict {
            errors,
            failed: differ > 0,
        })
    }
}

/// How an input's clean output compares with its expected file.
enum Against {
    Same,
    /// The patch from the expected file to the clean output.
    Differs(String),
    /// The patch that creates the missing expected file.
    Missing(String),
    Unreadable(std::io::Error),
}

/// Compares `actual` with the expected file `target`; patches are coloured when `color`.
fn against(target: &Path, actual: &str, color: bool) -> Against {
    let label = source_label(&target.to_string_lossy());
    let paint = |patch: String| {
        if color {
            output::color::diff(&patch)
        } else {
            patch
        }
    };
    match std::fs::read(target) {
        Ok(bytes) if bytes == actual.as_bytes() => Against::Same,
        Ok(bytes) => {
            let (text, _) = input::decode(&bytes);
            Against::Differs(paint(output::diff::unified(&label, &text, actual)))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Against::Missing(paint(new_file_patch(&label, actual)))
        }
        Err(e) => Against::Unreadable(e),
    }
}

/// A git patch creating `path` with `text`, so that the report applies to a tree missing it.
fn new_file_patch(path: &str, text: &str) -> String {
    let diff = output::diff::unified(path, "", text);
    let header = format!("diff --git a/{path} b/{path}\n--- a/{path}\n");
    match diff.strip_prefix(&header) {
        Some(rest) => {
            format!("diff --git a/{path} b/{path}\nnew file mode 100644\n--- /dev/null\n{rest}")
        }
        None => diff,
    }
}

/// "2 of 5 expected outputs differ (1 missing)".
fn expected_summary(checked: usize, differ: usize, missing: usize, errors: usize) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut s = if differ == 0 {
        format!(
            "{} {} the expected ones",
            plural(checked, "clean output", "clean outputs"),
            if checked == 1 { "matches" } else { "match" }
        )
    } else {
        format!(
            "{differ} of {} {} from the expected ones",
            plural(checked, "clean output", "clean outputs"),
            if differ == 1 { "differs" } else { "differ" }
        )
    };
    if missing > 0 {
        s.push_str(&format!(" ({missing} missing)"));
    }
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
    fn expected_summaries_read_naturally() {
        assert_eq!(
            expected_summary(3, 0, 0, 0),
            "3 clean outputs match the expected ones"
        );
        assert_eq!(
            expected_summary(5, 2, 1, 0),
            "2 of 5 clean outputs differ from the expected ones (1 missing)"
        );
        assert_eq!(
            expected_summary(1, 1, 0, 1),
            "1 of 1 clean output differs from the expected ones; 1 input could not be checked"
        );
    }

    #[test]
    fn a_missing_expected_file_is_a_new_file_patch() {
        assert_eq!(
            new_file_patch("exp/a.txt", "T\n\nBody.\n"),
            "diff --git a/exp/a.txt b/exp/a.txt\nnew file mode 100644\n--- /dev/null\n+++ b/exp/a.txt\n@@ -0,0 +1,3 @@\n+T\n+\n+Body.\n"
        );
    }
}
