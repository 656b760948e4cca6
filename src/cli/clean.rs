//! `decruft clean`: the clean article of each input, as text, diff, JSON, or files.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use decruft::input::{self, STDIN};
use decruft::output::report::LineIndex;
use decruft::output::{self, json::Report};

use super::args::CleanArgs;
use super::options::Options;
use super::process::{process_with, Outcome};
use super::{eprint_message, render_error, Status};

/// Where results go.
enum Mode<'a> {
    Text,
    Diff,
    Json,
    Dir(&'a Path),
    /// `--update-expected`: like `Dir`, but a file already holding the output is left alone.
    Expected(&'a Path),
}

pub fn run(options: &Options, args: &CleanArgs) -> anyhow::Result<Status> {
    let engine = options.engine()?;
    let ignores = options.ignores()?;
    let paths: Vec<String> = if args.paths.is_empty() {
        vec![STDIN.to_string()]
    } else {
        args.paths.clone()
    };
    let mode = match (&args.out, args.diff, args.json) {
        (Some(dir), _, _) => Mode::Dir(dir),
        (None, true, _) => Mode::Diff,
        (None, false, true) => Mode::Json,
        (None, false, false) => Mode::Text,
    };
    let mode = match &args.update_expected {
        Some(dir) => Mode::Expected(dir),
        None => mode,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut status = Status::Ok;
    // output path -> the input written there, so two inputs never silently share a file
    let mut written: HashMap<PathBuf, String> = HashMap::new();
    let mut printed = 0usize;
    let (mut updated, mut unchanged) = (0usize, 0usize);
    for path in &paths {
        let outcome = match input::read(path)
            .map_err(anyhow::Error::from)
            .and_then(|r| process_with(r, &engine, &ignores))
        {
            Ok(o) => o,
            Err(e) => {
                eprint_message(&mut out, "error", &render_error(&e))?;
                status = Status::Errors;
                continue;
            }
        };
        for w in &outcome.warnings {
            eprint_message(&mut out, "warning", w)?;
        }
        if !outcome.unused.is_empty() {
            let index = LineIndex::new(&outcome.input);
            for u in &outcome.unused {
                let pos = index.pos(u.range.start);
                let msg = format!(
                    "{}:{}:{}: {}",
                    outcome.record.display_name(),
                    pos.line,
                    pos.column,
                    u.message()
                );
                eprint_message(&mut out, "warning", &msg)?;
            }
        }
        match mode {
            Mode::Text => {
                if paths.len() > 1 {
                    if printed > 0 {
                        out.write_all(b"\n")?;
                    }
                    writeln!(out, "==> {} <==", outcome.record.display_name())?;
                }
                out.write_all(outcome.cleaned.text.as_bytes())?;
            }
            Mode::Diff => {
                let diff = outcome.diff();
                let diff = if options.color {
                    output::color::diff(&diff)
                } else {
                    diff
                };
                out.write_all(diff.as_bytes())?;
            }
            Mode::Json => {
                let report = Report::new(&outcome.record.source, &outcome.input, &outcome.cleaned);
                writeln!(out, "{}", report.to_line())?;
            }
            Mode::Dir(dir) => {
                if let Err(e) = write_file(dir, &outcome, &mut written, false) {
                    eprint_message(&mut out, "error", &render_error(&e))?;
                    status = Status::Errors;
                }
            }
            Mode::Expected(dir) => match write_file(dir, &outcome, &mut written, true) {
                Ok(true) => updated += 1,
                Ok(false) => unchanged += 1,
                Err(e) => {
                    eprint_message(&mut out, "error", &render_error(&e))?;
                    status = Status::Errors;
                }
            },
        }
        printed += 1;
    }
    out.flush()?;
    if let Mode::Expected(dir) = mode {
        eprintln!(
            "{}: {updated} expected {} written, {unchanged} unchanged",
            dir.display(),
            if updated == 1 { "output" } else { "outputs" }
        );
    }
    Ok(status)
}

/// Writes the clean text of `outcome` under `dir`, refusing to overwrite another input's
/// output or the input itself. With `keep_same`, a file that already holds the text is not
/// rewritten (its time stamp stays, so build tools and reviewers see only real updates).
/// Returns whether the file was written.
fn write_file(
    dir: &Path,
    outcome: &Outcome,
    written: &mut HashMap<PathBuf, String>,
    keep_same: bool,
) -> anyhow::Result<bool> {
    let record = &outcome.record;
    let target = dir.join(&record.name);
    if let Some(other) = written.get(&target) {
        anyhow::bail!(
            "{}: not written: {} was already written from {other} (inputs with the same file name cannot share --out)",
            record.display_name(),
            target.display()
        );
    }
    if !record.is_stdin() && same_file(Path::new(&record.source), &target) {
        anyhow::bail!(
            "{}: not written: --out would overwrite the input itself",
            record.display_name()
        );
    }
    if keep_same && std::fs::read(&target).is_ok_and(|b| b == outcome.cleaned.text.as_bytes()) {
        written.insert(target, record.display_name().to_string());
        return Ok(false);
    }
    let parent = target.parent().unwrap_or(dir);
    std::fs::create_dir_all(parent)
        .with_context(|| format!("{}: cannot create the directory", parent.display()))?;
    output::write_atomic(&target, outcome.cleaned.text.as_bytes()).map_err(|e| {
        anyhow::anyhow!(
            "{}: cannot write: {}",
            target.display(),
            input::io_reason(&e)
        )
    })?;
    written.insert(target, record.display_name().to_string());
    Ok(true)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
