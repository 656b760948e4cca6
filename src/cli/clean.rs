//! `decruft clean`: the clean article of each input, as text, diff, JSON, or files.
//!
//! Inputs of every kind (files, directories, JSONL and WARC dumps, HTML pages) come through
//! [`super::batch`] as one ordered stream of records; this module only decides where each
//! result goes. The bytes of each result (output line, patch, report line) are made on the
//! workers ([`Renderer`]); the sink, which runs on one thread while they work, only writes
//! them. Every file it writes is written to a temporary file and renamed when complete, so
//! an interrupted run leaves no half-written output under a real name.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context as _;
use decruft::batch::LineSource;
use decruft::input;
use decruft::input::jsonl::FieldNames;
use decruft::output;
use decruft::profile::Profile;

use super::args::CleanArgs;
use super::batch::{self, Cleaned, Done, Summary};
use super::options::Options;
use super::process::Setup;
use super::walk::{Kind, Source};
use super::{eprint_message, render_error, Status};

/// Where results go.
#[derive(Clone)]
enum Mode {
    Text,
    Diff,
    Json,
    /// One output per input under a directory.
    Dir(PathBuf),
    /// Every record into one JSONL file.
    Jsonl,
    /// `--update-expected`: like `Dir` for single documents, but a file already holding the
    /// output is left alone.
    Expected(PathBuf),
}

/// A file written under a temporary name and renamed over its target once complete.
struct AtomicFile {
    out: BufWriter<output::TempFile>,
    target: PathBuf,
}

impl AtomicFile {
    fn create(target: &Path) -> anyhow::Result<AtomicFile> {
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create the directory", dir.display()))?;
        let tmp = output::TempFile::new_in(dir)
            .with_context(|| format!("{}: cannot write", target.display()))?;
        Ok(AtomicFile {
            out: BufWriter::with_capacity(256 * 1024, tmp),
            target: target.to_path_buf(),
        })
    }

    fn write(&mut self, bytes: &[u8]) -> anyhow::Result<()> {
        self.out
            .write_all(bytes)
            .with_context(|| format!("{}: cannot write", self.target.display()))
    }

    fn commit(self) -> anyhow::Result<()> {
        let target = self.target;
        let tmp = self
            .out
            .into_inner()
            .map_err(|e| anyhow::anyhow!("{}: cannot write: {}", target.display(), e.error()))?;
        tmp.persist(&target).map_err(|e| {
            anyhow::anyhow!(
                "{}: cannot write: {}",
                target.display(),
                input::io_reason(&e)
            )
        })?;
        Ok(())
    }
}

pub fn run(options: &Options, args: &CleanArgs) -> anyhow::Result<Status> {
    let start = Instant::now();
    let engine = options.engine()?;
    let profile = match &args.profile {
        Some(p) => Some(Profile::load(p)?),
        None => None,
    };
    let ignores = options.ignores()?;
    let setup = Setup {
        engine: &engine,
        format: args.input.input_format,
        profile: profile.as_ref(),
        site: args.site.as_deref(),
        ignores: Some(&ignores),
        max_input: args.input.max_input_size,
    };
    let (sources, walk_errors) = batch::sources(&args.paths, &args.input)?;
    let dumps = sources.iter().any(|s| s.kind != Kind::Doc);
    let mode = match (&args.out, args.diff, args.json) {
        (Some(p), _, _)
            if p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
                && !p.is_dir() =>
        {
            Mode::Jsonl
        }
        (Some(dir), _, _) => Mode::Dir(dir.clone()),
        (None, true, _) => Mode::Diff,
        (None, false, true) => Mode::Json,
        (None, false, false) => Mode::Text,
    };
    let mode = match &args.update_expected {
        Some(dir) => {
            batch::single_documents(&sources, "--update-expected")?;
            Mode::Expected(dir.clone())
        }
        None => mode,
    };
    let batch_run = dumps
        || args.paths.iter().any(|p| Path::new(p).is_dir())
        || args.out.is_some()
        || args.diff_out.is_some()
        || args.report.is_some()
        || args.summary_json.is_some();
    let renderer = Renderer {
        mode: mode.clone(),
        names: batch::field_names(&args.input),
        color: options.color,
        report: args.report.is_some(),
        diff_out: args.diff_out.is_some(),
    };
    let mut sink = Sink {
        mode,
        headers: sources.len() > 1 || dumps,
        out: BufWriter::new(std::io::stdout().lock()),
        written: HashMap::new(),
        dump_out: None,
        jsonl_out: match &args.out {
            Some(p)
                if !p.is_dir()
                    && p.extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl")) =>
            {
                Some(AtomicFile::create(p)?)
            }
            _ => None,
        },
        diff_out: args
            .diff_out
            .as_deref()
            .map(AtomicFile::create)
            .transpose()?,
        report: args.report.as_deref().map(AtomicFile::create).transpose()?,
        summary: Summary {
            errors: walk_errors,
            ..Summary::default()
        },
        printed: 0,
        updated: 0,
        unchanged: 0,
    };
    batch::clean_all(
        &sources,
        &args.input,
        &setup,
        |i, c| renderer.render(&sources[i], c),
        |d| sink.accept(d, &sources),
    )?;
    sink.out.flush()?;
    let expected = (sink.updated, sink.unchanged);
    let mut summary = sink.finish()?;
    summary.finish(start);
    if let Some(p) = &args.summary_json {
        let mut json = serde_json::to_string_pretty(&summary)?;
        json.push('\n');
        output::write_atomic(p, json.as_bytes()).map_err(|e| {
            anyhow::anyhow!("{}: cannot write: {}", p.display(), input::io_reason(&e))
        })?;
    }
    if let Some(dir) = &args.update_expected {
        let (updated, unchanged) = expected;
        eprintln!(
            "{}: {updated} expected {} written, {unchanged} unchanged",
            dir.display(),
            if updated == 1 { "output" } else { "outputs" }
        );
    } else if batch_run && !args.input.quiet {
        eprintln!("{}", summary.line());
    }
    Ok(if summary.errors > 0 {
        Status::Errors
    } else {
        Status::Ok
    })
}

/// What a worker makes of a cleaned record: the bytes the sink writes and the counts it adds
/// up.
struct Rendered {
    /// How messages name the record.
    label: String,
    /// Whether it was an HTML page (its output file is named `.txt`).
    html: bool,
    warnings: Vec<String>,
    bytes_in: u64,
    bytes_out: u64,
    changed: bool,
    /// Removals per code, sorted by code.
    removals: Vec<(Cow<'static, str>, u64)>,
    /// The `--report` line, newline included.
    report: Option<String>,
    /// The patch for `--diff-out`.
    diff: Option<String>,
    /// What the mode writes: the clean text (text on standard output, documents under
    /// `--out DIR`, expected outputs), the patch (`--diff`), the report line (`--json`), or
    /// the output line (JSONL).
    out: Vec<u8>,
}

/// Turns cleaned records into [`Rendered`] ones, on the workers.
struct Renderer {
    mode: Mode,
    names: FieldNames,
    color: bool,
    /// `--report` is written.
    report: bool,
    /// `--diff-out` is written.
    diff_out: bool,
}

impl Renderer {
    fn render(&self, source: &Source, mut c: Cleaned) -> Rendered {
        let o = &c.outcome;
        let label = o.record.display_name().to_string();
        let mut extra: Vec<(&str, &str)> = Vec::new();
        if let Some(id) = &c.id {
            extra.push(("id", id));
        }
        if let Some(url) = &c.url {
            extra.push(("url", url));
        }
        let mut warnings = o.warnings.clone();
        warnings.extend(o.unused_warnings());
        // the report line serves both `--report` and `--json`: made once
        let mut report_line = (self.report || matches!(self.mode, Mode::Json)).then(|| {
            let mut line = o.report_line(&label, &extra);
            line.push('\n');
            line
        });
        let diff = (self.diff_out || matches!(self.mode, Mode::Diff)).then(|| o.diff());
        let (bytes_out, changed, removals) =
            (o.cleaned.text.len() as u64, o.changed(), o.removal_counts());
        let out = match &self.mode {
            Mode::Diff => {
                let diff = diff.as_deref().unwrap_or("");
                if self.color {
                    output::color::diff(diff).into_bytes()
                } else {
                    diff.as_bytes().to_vec()
                }
            }
            Mode::Json => {
                let line = if self.report {
                    report_line.clone()
                } else {
                    report_line.take()
                };
                line.unwrap_or_default().into_bytes()
            }
            Mode::Jsonl => self.jsonl_line(&c),
            Mode::Dir(_) if source.kind != Kind::Doc => self.jsonl_line(&c),
            Mode::Text | Mode::Dir(_) | Mode::Expected(_) => {
                std::mem::take(&mut c.outcome.processed.cleaned.text).into_bytes()
            }
        };
        Rendered {
            label,
            html: c.html,
            warnings,
            bytes_in: c.bytes_in,
            bytes_out,
            changed,
            removals,
            report: report_line.filter(|_| self.report),
            diff: if self.diff_out { diff } else { None },
            out,
        }
    }

    /// One output line for a record: a JSONL record keeps its fields (clean text spliced
    /// in); other records get id/url (or path), title, text and counts.
    fn jsonl_line(&self, c: &Cleaned) -> Vec<u8> {
        let o = &c.outcome;
        // the line is about as long as the record read (or the text written) plus its
        // counts: sized once instead of grown as the fields are written
        let size = c
            .jsonl
            .as_ref()
            .map_or(o.cleaned.text.len(), |r| r.raw().len());
        let mut buf = Vec::with_capacity(size + 256);
        let source = match &c.jsonl {
            Some(rec) => LineSource::Jsonl(rec, &self.names),
            None => LineSource::Other {
                path: o.record.display_name(),
                id: c.id.as_deref(),
                url: c.url.as_deref(),
            },
        };
        o.line(&mut buf, source);
        buf.push(b'\n');
        buf
    }
}

struct Sink<W: Write> {
    mode: Mode,
    /// Print `==> name <==` before each text.
    headers: bool,
    out: W,
    /// output path -> the input written there, so two inputs never silently share a file
    written: HashMap<PathBuf, String>,
    /// The open output of the dump being read (`--out DIR`).
    dump_out: Option<AtomicFile>,
    jsonl_out: Option<AtomicFile>,
    diff_out: Option<AtomicFile>,
    report: Option<AtomicFile>,
    summary: Summary,
    printed: usize,
    /// `--update-expected`: files written, and files left alone as they already held the
    /// output.
    updated: usize,
    unchanged: usize,
}

impl<W: Write> Sink<W> {
    fn error(&mut self, msg: &dyn std::fmt::Display) -> anyhow::Result<()> {
        self.summary.errors += 1;
        eprint_message(&mut self.out, "error", msg)?;
        Ok(())
    }

    fn accept(&mut self, done: Done<Rendered>, sources: &[Source]) -> anyhow::Result<()> {
        match done {
            Done::Failed(_, e) => self.error(&e)?,
            Done::Skipped(_) => self.summary.skipped += 1,
            Done::Begin(i) => {
                self.summary.files += 1;
                if let Mode::Dir(dir) = &self.mode {
                    let target = dir.join(dump_output_name(&sources[i].rel));
                    let opened = self
                        .claim(&target, &sources[i])
                        .and_then(|()| AtomicFile::create(&target));
                    match opened {
                        Ok(f) => self.dump_out = Some(f),
                        Err(e) => self.error(&render_error(&e))?,
                    }
                }
            }
            Done::End(_, stats) => {
                if let Some(s) = stats {
                    // what the reader skipped; responses that are not pages came one by one
                    self.summary.skipped += s.not_response + s.too_large;
                }
                if let Some(f) = self.dump_out.take() {
                    if let Err(e) = f.commit() {
                        self.error(&render_error(&e))?;
                    }
                }
            }
            Done::Rec(i, Err(e)) => {
                if sources[i].kind == Kind::Doc {
                    self.summary.files += 1;
                }
                self.error(&e)?;
            }
            Done::Rec(i, Ok(c)) => {
                let source = &sources[i];
                if source.kind == Kind::Doc {
                    self.summary.files += 1;
                }
                self.record(source, c)?;
            }
        }
        Ok(())
    }

    /// Remembers that `target` is written from `source`; refuses a second input or the input
    /// itself.
    fn claim(&mut self, target: &Path, source: &Source) -> anyhow::Result<()> {
        let name = input::display_name(&source.path).to_string();
        if let Some(other) = self.written.get(target) {
            anyhow::bail!(
                "{name}: not written: {} was already written from {other} (inputs with the same file name cannot share --out)",
                target.display()
            );
        }
        if !source.is_stdin() && same_file(Path::new(&source.path), target) {
            anyhow::bail!("{name}: not written: --out would overwrite the input itself");
        }
        self.written.insert(target.to_path_buf(), name);
        Ok(())
    }

    fn record(&mut self, source: &Source, r: Rendered) -> anyhow::Result<()> {
        for w in &r.warnings {
            eprint_message(&mut self.out, "warning", w)?;
        }
        let s = &mut self.summary;
        s.records += 1;
        s.bytes_in += r.bytes_in;
        s.bytes_out += r.bytes_out;
        s.changed += u64::from(r.changed);
        for (code, n) in r.removals {
            // the codes are all known after the first records: no key is made for them
            match s.removals.get_mut(code.as_ref()) {
                Some(total) => *total += n,
                None => {
                    s.removals.insert(code.into_owned(), n);
                }
            }
        }
        if let (Some(f), Some(line)) = (&mut self.report, &r.report) {
            f.write(line.as_bytes())?;
        }
        if let (Some(f), Some(diff)) = (&mut self.diff_out, &r.diff) {
            f.write(diff.as_bytes())?;
        }
        match &self.mode {
            Mode::Text => {
                if self.headers {
                    if self.printed > 0 {
                        self.out.write_all(b"\n")?;
                    }
                    writeln!(self.out, "==> {} <==", r.label)?;
                }
                self.out.write_all(&r.out)?;
            }
            Mode::Diff | Mode::Json => self.out.write_all(&r.out)?,
            Mode::Expected(dir) => {
                let target = dir.join(batch::output_name(source, r.html));
                match self.write_doc(&target, source, &r.out, true) {
                    Ok(true) => self.updated += 1,
                    Ok(false) => self.unchanged += 1,
                    Err(e) => self.error(&render_error(&e))?,
                }
            }
            Mode::Jsonl => {
                if let Some(f) = &mut self.jsonl_out {
                    f.write(&r.out)?;
                }
            }
            Mode::Dir(dir) => {
                if source.kind == Kind::Doc {
                    let target = dir.join(batch::output_name(source, r.html));
                    if let Err(e) = self.write_doc(&target, source, &r.out, false) {
                        self.error(&render_error(&e))?;
                    }
                } else if let Some(f) = &mut self.dump_out {
                    f.write(&r.out)?;
                }
            }
        }
        self.printed += 1;
        Ok(())
    }

    /// Writes `text` to `target`, refusing to overwrite another input's output or the input
    /// itself. With `keep_same`, a file that already holds the text is not rewritten (its
    /// time stamp stays, so build tools and reviewers see only real updates). Returns whether
    /// the file was written.
    fn write_doc(
        &mut self,
        target: &Path,
        source: &Source,
        text: &[u8],
        keep_same: bool,
    ) -> anyhow::Result<bool> {
        self.claim(target, source)?;
        if keep_same && std::fs::read(target).is_ok_and(|b| b == text) {
            return Ok(false);
        }
        let parent = target.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)
            .with_context(|| format!("{}: cannot create the directory", parent.display()))?;
        output::write_atomic(target, text).map_err(|e| {
            anyhow::anyhow!(
                "{}: cannot write: {}",
                target.display(),
                input::io_reason(&e)
            )
        })?;
        Ok(true)
    }

    /// Commits the whole-run outputs and returns the counts.
    fn finish(mut self) -> anyhow::Result<Summary> {
        for f in [
            self.jsonl_out.take(),
            self.diff_out.take(),
            self.report.take(),
        ]
        .into_iter()
        .flatten()
        {
            if let Err(e) = f.commit() {
                eprintln!("error: {}", render_error(&e));
                self.summary.errors += 1;
            }
        }
        Ok(self.summary)
    }
}

/// The output name of a dump under `--out DIR`: `.gz` dropped, extension `.jsonl`.
fn dump_output_name(rel: &Path) -> PathBuf {
    let mut name = rel.to_path_buf();
    if name
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
    {
        name.set_extension("");
    }
    name.set_extension("jsonl");
    name
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dump_outputs_are_jsonl() {
        assert_eq!(
            dump_output_name(Path::new("a/b.warc.gz")),
            PathBuf::from("a/b.jsonl")
        );
        assert_eq!(
            dump_output_name(Path::new("b.ndjson")),
            PathBuf::from("b.jsonl")
        );
        assert_eq!(
            dump_output_name(Path::new("c.jsonl.gz")),
            PathBuf::from("c.jsonl")
        );
    }
}
