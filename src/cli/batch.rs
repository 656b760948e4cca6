//! Reading many inputs — files, directories, JSONL and WARC dumps — as one ordered stream of
//! records, processed in parallel, delivered in input order.
//!
//! A run is a pipeline of three stages that overlap: a reader thread splits the inputs into
//! chunks of work (finding line ends, WARC record boundaries, gunzipping: the only part that
//! is sequential by nature) and hands them over a bounded channel; the `--threads` workers
//! do everything per record (parsing a JSONL line, decoding a WARC page, cleaning, rendering
//! the output bytes), a few chunks at a time; the calling thread gives the finished chunks
//! to a sink in input order, and the sink only writes bytes and adds up counts. Whatever the
//! sink and the reader do is time no worker can win back, so they do as little as they can.
//!
//! Memory stays bounded by a few chunks whatever the size of a dump, and every output is
//! byte-identical whatever the number of threads: only the order of work changes, never the
//! order of results.

use std::collections::{BTreeMap, VecDeque};
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Instant;

use decruft::batch as shared;
use decruft::input::jsonl::{self, FieldNames, JsonlReader, JsonlRecord, RawLine};
use decruft::input::warc::{self, Response, WarcReader, WarcStats};
use decruft::input::{self, compress, Record, STDIN};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::Serialize;

use super::args::{InputArgs, InputFormat};
use super::process::{content, outcome, Content, Outcome, Setup};
use super::render_error;
use super::walk::{self, Filter, Kind, Source};

/// Records per chunk: large enough that handing a chunk from stage to stage costs nothing
/// next to its records, and that the records of a chunk spread evenly over the workers.
pub const CHUNK: usize = 512;

/// Input bytes past which a chunk is closed before it has [`CHUNK`] records: a chunk of
/// large pages (WARC records run to megabytes) would otherwise hold hundreds of megabytes,
/// and a run holds several chunks at once.
pub const CHUNK_BYTES: u64 = 16 << 20;

/// Chunks the workers process at once. With two, a chunk's slow last records overlap the
/// next chunk's first ones, so the workers never wait on a chunk boundary; and the sink
/// writes a finished chunk while two more are processed.
const IN_FLIGHT: usize = 2;

/// One unit of reading, in input order.
pub enum Work {
    /// A dump starts (its output file, if any, is opened).
    Begin(usize),
    /// A single-document input, read by the worker.
    Doc(usize),
    /// A line of a JSONL dump, parsed by the worker.
    Jsonl(usize, Result<RawLine, jsonl::RecordError>),
    /// A response of a WARC dump, made a page (or skipped) by the worker.
    Warc(usize, Result<Response, warc::RecordError>),
    /// A dump ends; WARC dumps say what the reader skipped (records that are not responses,
    /// or too large). Responses that are not pages come as [`Done::Skipped`].
    End(usize, Option<WarcStats>),
    /// A dump that could not be opened.
    Failed(usize, String),
}

impl Work {
    /// The input bytes this unit holds, to size chunks.
    fn size(&self) -> u64 {
        match self {
            Work::Jsonl(_, Ok(l)) => l.bytes.len() as u64,
            Work::Warc(_, Ok(r)) => r.content_len() as u64,
            _ => 0,
        }
    }
}

/// One record ready for the engine.
pub struct Doc {
    pub record: Record,
    pub content: Content,
    pub warnings: Vec<String>,
    pub url: Option<String>,
    pub id: Option<String>,
    /// The JSONL record, so its other fields can be written back.
    pub jsonl: Option<JsonlRecord>,
    /// Bytes of input the record came from.
    pub bytes_in: u64,
}

/// A unit of work after the parallel step: the same markers, records turned into `T`.
pub enum Done<T> {
    Begin(usize),
    Rec(usize, Result<T, String>),
    /// A WARC response that is not an HTML page (not 200, not HTML, undecodable).
    Skipped(usize),
    End(usize, Option<WarcStats>),
    Failed(usize, String),
}

impl<T> Done<T> {
    /// The same unit with its record, if any, turned into `U` by `f(source index, record)`.
    pub fn map<U>(self, f: impl FnOnce(usize, T) -> U) -> Done<U> {
        match self {
            Done::Rec(i, r) => Done::Rec(i, r.map(|t| f(i, t))),
            Done::Begin(i) => Done::Begin(i),
            Done::Skipped(i) => Done::Skipped(i),
            Done::End(i, s) => Done::End(i, s),
            Done::Failed(i, e) => Done::Failed(i, e),
        }
    }
}

/// Counts the bytes read from the files, before decompression, for the progress bar.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

type Stream = Box<dyn BufRead + Send>;

enum Current {
    Jsonl(usize, JsonlReader<Stream>),
    Warc(usize, WarcReader<Stream>),
}

/// The stream of work of a list of sources.
pub struct Reader<'a> {
    sources: &'a [Source],
    names: FieldNames,
    next: usize,
    current: Option<Current>,
    /// The cap on each dump's decompressed bytes.
    max_input: u64,
    /// Raw bytes read from dump files so far.
    pub read: Arc<AtomicU64>,
}

impl<'a> Reader<'a> {
    pub fn new(sources: &'a [Source], names: FieldNames, max_input: u64) -> Self {
        Reader {
            sources,
            names,
            next: 0,
            current: None,
            max_input,
            read: Arc::new(AtomicU64::new(0)),
        }
    }

    fn open(&self, s: &Source) -> io::Result<Stream> {
        let inner: Box<dyn Read + Send> = if s.is_stdin() {
            Box::new(io::stdin())
        } else {
            Box::new(std::fs::File::open(&s.path).map_err(|e| {
                io::Error::new(e.kind(), format!("{}: {}", s.path, input::io_reason(&e)))
            })?)
        };
        let counting = Counting {
            inner,
            count: self.read.clone(),
        };
        compress::from_reader(counting, input::display_name(&s.path), Some(self.max_input))
    }
}

impl Iterator for Reader<'_> {
    type Item = Work;

    fn next(&mut self) -> Option<Work> {
        if let Some(cur) = &mut self.current {
            let item = match cur {
                Current::Jsonl(i, r) => match r.next_raw() {
                    Some(x) => Work::Jsonl(*i, x),
                    None => Work::End(*i, None),
                },
                Current::Warc(i, r) => match r.next_response() {
                    Some(x) => Work::Warc(*i, x),
                    None => Work::End(*i, Some(r.stats())),
                },
            };
            if matches!(item, Work::End(..)) {
                self.current = None;
            }
            return Some(item);
        }
        let i = self.next;
        let s = self.sources.get(i)?;
        self.next += 1;
        if s.kind == Kind::Doc {
            return Some(Work::Doc(i));
        }
        match self.open(s) {
            Err(e) => Some(Work::Failed(i, e.to_string())),
            Ok(stream) => {
                self.current = Some(match s.kind {
                    Kind::Jsonl => Current::Jsonl(i, JsonlReader::new(stream, self.names.clone())),
                    _ => Current::Warc(i, WarcReader::new(stream)),
                });
                Some(Work::Begin(i))
            }
        }
    }
}

/// Reads one unit of work into a record ready for the engine: parses a JSONL line (with the
/// dump's field `names`), makes a page of a WARC response, reads a document. Runs on the
/// workers.
pub fn prepare(work: Work, sources: &[Source], names: &FieldNames, setup: &Setup<'_>) -> Done<Doc> {
    match work {
        Work::Begin(i) => Done::Begin(i),
        Work::End(i, s) => Done::End(i, s),
        Work::Failed(i, e) => Done::Failed(i, e),
        Work::Doc(i) => Done::Rec(i, read_doc(&sources[i], setup)),
        Work::Jsonl(i, r) => {
            let path = input::display_name(&sources[i].path);
            Done::Rec(
                i,
                r.and_then(|line| line.parse(names))
                    .map_err(|e| format!("{path}: {e}"))
                    .map(|rec| jsonl_doc(path, rec)),
            )
        }
        Work::Warc(i, Err(e)) => {
            let path = input::display_name(&sources[i].path);
            Done::Rec(i, Err(format!("{path}: {e}")))
        }
        Work::Warc(i, Ok(response)) => {
            let path = input::display_name(&sources[i].path);
            match response.into_page() {
                Err(_) => Done::Skipped(i),
                Ok(rec) => Done::Rec(
                    i,
                    Ok(Doc {
                        record: named(format!("{path}:{}", rec.number)),
                        bytes_in: rec.html.len() as u64,
                        content: shared::warc_content(&rec),
                        warnings: Vec::new(),
                        url: Some(rec.url),
                        id: rec.record_id,
                        jsonl: None,
                    }),
                ),
            }
        }
    }
}

fn named(source: String) -> Record {
    Record {
        source,
        name: Default::default(),
        bytes: Vec::new(),
    }
}

fn jsonl_doc(path: &str, mut rec: JsonlRecord) -> Doc {
    let record = named(format!("{path}:{}", rec.line));
    let content = shared::take_jsonl_content(&mut rec);
    Doc {
        record,
        content,
        warnings: Vec::new(),
        // the output line reads the record's raw fields, not these
        url: rec.url.take(),
        id: rec.id.take(),
        bytes_in: shared::jsonl_bytes(&rec),
        jsonl: Some(rec),
    }
}

fn read_doc(source: &Source, setup: &Setup<'_>) -> Result<Doc, String> {
    // a document is held whole in memory, so it gets the tighter of the two caps
    let max = setup.max_input.min(input::MAX_DOCUMENT_SIZE);
    let mut record =
        input::read_limited(&source.path, Some(max)).map_err(|e| render_error(&e.into()))?;
    record.name = source.rel.clone();
    let bytes = std::mem::take(&mut record.bytes);
    let (content, warnings) = content(&record, &bytes, setup)?;
    Ok(Doc {
        record,
        content,
        warnings,
        url: None,
        id: None,
        jsonl: None,
        bytes_in: bytes.len() as u64,
    })
}

/// A cleaned record and where it came from.
pub struct Cleaned {
    pub outcome: Outcome,
    pub url: Option<String>,
    pub id: Option<String>,
    pub jsonl: Option<JsonlRecord>,
    pub bytes_in: u64,
    /// Whether the record was an HTML page.
    pub html: bool,
}

/// Runs the engine on a prepared record of the input `file`.
pub fn clean(doc: Doc, file: &str, setup: &Setup<'_>) -> Cleaned {
    let html = matches!(doc.content, Content::Page(_));
    let outcome = outcome(
        doc.record,
        doc.content,
        doc.warnings,
        setup,
        file,
        doc.url.as_deref(),
    );
    Cleaned {
        outcome,
        url: doc.url,
        id: doc.id,
        jsonl: doc.jsonl,
        bytes_in: doc.bytes_in,
        html,
    }
}

/// Reads and cleans one unit of work: the one path from input to outcome of `clean` and
/// `check`. Runs on the workers.
pub fn process(
    work: Work,
    sources: &[Source],
    names: &FieldNames,
    setup: &Setup<'_>,
) -> Done<Cleaned> {
    prepare(work, sources, names, setup).map(|i, d| clean(d, &sources[i].path, setup))
}

/// The field names of JSONL dumps.
pub fn field_names(a: &InputArgs) -> FieldNames {
    FieldNames {
        text: a.text_field.clone(),
        html: a.html_field.clone(),
        title: a.title_field.clone(),
        id: a.id_field.clone(),
        url: a.url_field.clone(),
    }
}

/// The inputs of `paths` (standard input when empty), with walk problems printed. Returns the
/// sources and the number of errors met.
pub fn sources(paths: &[String], a: &InputArgs) -> anyhow::Result<(Vec<Source>, u64)> {
    let paths: Vec<String> = if paths.is_empty() {
        vec![STDIN.to_string()]
    } else {
        paths.to_vec()
    };
    let filter = Filter::new(&a.include, &a.exclude, a.hidden)?;
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    let mut sources = walk::expand(&paths, &filter, &mut errors, &mut warnings);
    let forced = match a.input_format {
        InputFormat::Jsonl => Some((Kind::Jsonl, "stdin.jsonl")),
        InputFormat::Warc => Some((Kind::Warc, "stdin.warc")),
        _ => None,
    };
    if let Some((kind, stdin_name)) = forced {
        for s in &mut sources {
            s.kind = kind;
            if s.is_stdin() {
                s.rel = PathBuf::from(stdin_name);
            }
        }
    }
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    for e in &errors {
        eprintln!("error: {e}");
    }
    Ok((sources, errors.len() as u64))
}

/// Cleans every source on `input.threads` workers, turns each cleaned record into what the
/// sink needs with `render(source index, record)` (on the workers too), and gives the
/// results to `sink` in input order, with a progress bar when standard error is a terminal:
/// the one driver of `clean` and `check`.
pub fn clean_all<T: Send>(
    sources: &[Source],
    input: &InputArgs,
    setup: &Setup<'_>,
    render: impl Fn(usize, Cleaned) -> T + Sync,
    mut sink: impl FnMut(Done<T>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let start = Instant::now();
    let bar = progress(sources, input.quiet);
    let (mut records, mut doc_bytes) = (0u64, 0u64);
    let names = field_names(input);
    run(
        sources,
        names.clone(),
        input.threads,
        setup.max_input,
        |w| process(w, sources, &names, setup).map(|i, c| (c.bytes_in, render(i, c))),
        |d, read| {
            if let Done::Rec(i, r) = &d {
                records += 1;
                if let (Kind::Doc, Ok((bytes, _))) = (sources[*i].kind, r) {
                    doc_bytes += bytes;
                }
            }
            sink(d.map(|_, (_, t)| t))?;
            if records % 256 == 0 {
                update_progress(&bar, read, doc_bytes, records, start);
            }
            Ok(())
        },
    )?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    Ok(())
}

/// Reads every source, maps each unit of work with `f` on `threads` workers, and gives the
/// results to `sink` in input order, with the raw bytes read so far. Stops at the first
/// error of the sink: the reader and the workers leave off within a chunk, and the error is
/// returned once every thread has ended.
pub fn run<T: Send>(
    sources: &[Source],
    names: FieldNames,
    threads: Option<usize>,
    max_input: u64,
    f: impl Fn(Work) -> Done<T> + Sync,
    mut sink: impl FnMut(Done<T>, &AtomicU64) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        builder = builder.num_threads(n.max(1));
    }
    let pool = builder
        .build()
        .map_err(|e| anyhow::anyhow!("cannot start the worker threads: {e}"))?;
    let reader = Reader::new(sources, names, max_input);
    let read = reader.read.clone();
    // set when the sink fails: the reader stops reading and the workers skip what is left
    let stop = AtomicBool::new(false);
    let stopped = || stop.load(Ordering::Relaxed);
    // one chunk waits in the channel while the next is read: the workers never wait on the
    // reader unless it is the slowest stage, and memory stays a few chunks
    let (chunks, work) = mpsc::sync_channel::<Vec<Work>>(1);
    std::thread::scope(|threads| {
        std::thread::Builder::new()
            .name("decruft-reader".into())
            .spawn_scoped(threads, move || {
                let mut reader = reader;
                while !stopped() {
                    let chunk = read_chunk(&mut reader, &stopped);
                    // a closed channel means the run stopped
                    if chunk.is_empty() || chunks.send(chunk).is_err() {
                        break;
                    }
                }
            })
            .map_err(|e| anyhow::anyhow!("cannot start the reader thread: {e}"))?;
        pool.in_place_scope(|scope| {
            // moved in, so that it is closed (and the reader let go) whenever this returns
            let work = work;
            let mut pending = VecDeque::new();
            let mut more = true;
            let mut fill = |pending: &mut VecDeque<mpsc::Receiver<Vec<Option<Done<T>>>>>| {
                while more && pending.len() < IN_FLIGHT {
                    let Ok(chunk) = work.recv() else {
                        more = false;
                        break;
                    };
                    let (tx, rx) = mpsc::sync_channel(1);
                    let f = &f;
                    let stopped = &stopped;
                    scope.spawn(move |_| {
                        let done: Vec<Option<Done<T>>> = chunk
                            .into_par_iter()
                            .map(|w| (!stopped()).then(|| f(w)))
                            .collect();
                        // the receiver is gone only when the run stopped
                        let _ = tx.send(done);
                    });
                    pending.push_back(rx);
                }
            };
            fill(&mut pending);
            while let Some(rx) = pending.pop_front() {
                // an error here is a worker's panic, which the scope raises again
                let Ok(done) = rx.recv() else {
                    stop.store(true, Ordering::Relaxed);
                    break;
                };
                // the next chunk starts before this one is written, so the workers stay busy
                // while the sink writes
                fill(&mut pending);
                for d in done.into_iter().flatten() {
                    if let Err(e) = sink(d, &read) {
                        stop.store(true, Ordering::Relaxed);
                        return Err(e);
                    }
                }
            }
            Ok(())
        })
    })
}

/// The next chunk of work: [`CHUNK`] units or [`CHUNK_BYTES`] of input, whichever comes
/// first; empty at the end of the inputs.
fn read_chunk(reader: &mut Reader<'_>, stopped: &impl Fn() -> bool) -> Vec<Work> {
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut bytes = 0;
    while chunk.len() < CHUNK && bytes < CHUNK_BYTES && !stopped() {
        let Some(w) = reader.next() else { break };
        bytes += w.size();
        chunk.push(w);
    }
    chunk
}

/// What a run did, printed at the end and written by `--summary-json`.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Inputs read: single documents and dumps.
    pub files: u64,
    /// Records cleaned.
    pub records: u64,
    pub bytes_in: u64,
    pub bytes_out: u64,
    /// Records whose clean text differs from their input.
    pub changed: u64,
    /// Removals per rule code (`X001`: blocks left out by HTML extraction).
    pub removals: BTreeMap<String, u64>,
    /// Inputs or records that could not be read.
    pub errors: u64,
    /// WARC records that are not HTML pages (requests, metadata, redirects, images ...).
    pub skipped: u64,
    pub seconds: f64,
    pub records_per_second: f64,
    /// Peak resident memory of the process, where the system tells it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub peak_rss_kb: Option<u64>,
}

impl Summary {
    pub fn finish(&mut self, start: Instant) {
        self.seconds = start.elapsed().as_secs_f64();
        self.records_per_second = if self.seconds > 0.0 {
            self.records as f64 / self.seconds
        } else {
            0.0
        };
        self.peak_rss_kb = peak_rss_kb();
    }

    /// The one-paragraph form for standard error.
    pub fn line(&self) -> String {
        let mb = |b: u64| b as f64 / 1e6;
        let total: u64 = self.removals.values().sum();
        let mut s = format!(
            "{} files, {} records ({} changed), {:.1} MB in, {:.1} MB out, {} removals",
            self.files,
            self.records,
            self.changed,
            mb(self.bytes_in),
            mb(self.bytes_out),
            total
        );
        if !self.removals.is_empty() {
            let per: Vec<String> = self
                .removals
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            s.push_str(&format!(" ({})", per.join(", ")));
        }
        s.push_str(&format!(
            ", {} skipped, {} errors; {:.2} s, {:.0} records/s",
            self.skipped, self.errors, self.seconds, self.records_per_second
        ));
        if let Some(kb) = self.peak_rss_kb {
            s.push_str(&format!(", peak memory {:.0} MB", kb as f64 / 1024.0));
        }
        s
    }
}

/// `VmHWM` of /proc/self/status (Linux); `None` elsewhere.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A progress bar on standard error when it is a terminal, else nothing.
fn progress(sources: &[Source], quiet: bool) -> Option<ProgressBar> {
    use std::io::IsTerminal;
    if quiet || !io::stderr().is_terminal() {
        return None;
    }
    let total: u64 = sources
        .iter()
        .filter(|s| !s.is_stdin())
        .filter_map(|s| std::fs::metadata(&s.path).ok().map(|m| m.len()))
        .sum();
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{elapsed_precise} [{wide_bar}] {decimal_bytes}/{decimal_total_bytes} {msg} ETA {eta}",
        )
        .expect("the template is valid")
        .progress_chars("=> "),
    );
    Some(bar)
}

/// Where the bar stands: raw dump bytes read plus single documents done.
fn update_progress(
    bar: &Option<ProgressBar>,
    read: &AtomicU64,
    docs: u64,
    records: u64,
    start: Instant,
) {
    if let Some(bar) = bar {
        bar.set_position(read.load(Ordering::Relaxed) + docs);
        let secs = start.elapsed().as_secs_f64().max(1e-3);
        bar.set_message(format!("{records} records, {:.0}/s", records as f64 / secs));
    }
}

/// The output name of a single document under `--out DIR` or an expected-output directory:
/// its path relative to the input directory (or its file name), an HTML page's extension
/// turned into `.txt`.
pub fn output_name(source: &Source, html: bool) -> PathBuf {
    let mut name = source.rel.clone();
    if html && html_name(&name) {
        name.set_extension("txt");
    }
    name
}

/// Fails when an input is a JSONL or WARC dump: expected outputs are kept per document.
pub fn single_documents(sources: &[Source], flag: &str) -> anyhow::Result<()> {
    match sources.iter().find(|s| s.kind != Kind::Doc) {
        Some(s) => anyhow::bail!(
            "{}: {flag} keeps one expected output per document; JSONL and WARC dumps are not supported",
            input::display_name(&s.path)
        ),
        None => Ok(()),
    }
}

/// Whether `path` names a single-document file that is read as HTML by extension.
fn html_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["html", "htm", "xhtml"]
            .iter()
            .any(|h| e.eq_ignore_ascii_case(h))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    /// A JSONL dump of `lines` records whose text is `text_len` bytes.
    fn dump(dir: &Path, lines: usize, text_len: usize) -> Vec<Source> {
        let path = dir.join("d.jsonl");
        let line = format!("{{\"text\":\"{}\"}}\n", "a".repeat(text_len));
        std::fs::write(&path, line.repeat(lines)).unwrap();
        vec![Source {
            path: path.to_string_lossy().into_owned(),
            rel: PathBuf::from("d.jsonl"),
            kind: Kind::Jsonl,
        }]
    }

    /// The line number of each line, with markers passed on.
    fn line_number(w: Work) -> Done<u64> {
        match w {
            Work::Jsonl(i, r) => Done::Rec(i, Ok(r.unwrap().line)),
            Work::Begin(i) => Done::Begin(i),
            Work::End(i, s) => Done::End(i, s),
            _ => unreachable!("a JSONL dump that opens"),
        }
    }

    fn run_on<T: Send>(
        sources: &[Source],
        f: impl Fn(Work) -> Done<T> + Sync,
        sink: impl FnMut(Done<T>, &AtomicU64) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        run(sources, FieldNames::default(), Some(2), u64::MAX, f, sink)
    }

    #[test]
    fn results_come_in_input_order_across_chunks() {
        let dir = tempfile::tempdir().unwrap();
        let n = 5 * CHUNK + 7;
        let sources = dump(dir.path(), n, 10);
        let mut seen = Vec::new();
        let (mut begins, mut ends) = (0, 0);
        run_on(
            &sources,
            |w| {
                let d = line_number(w);
                if let Done::Rec(_, Ok(line)) = &d {
                    // uneven work, so that records finish out of order
                    if line % 50 == 0 {
                        let mut x = 0u64;
                        for k in 0..200_000u64 {
                            x = std::hint::black_box(x.wrapping_add(k));
                        }
                    }
                }
                d
            },
            |d, _| {
                match d {
                    Done::Rec(_, r) => seen.push(r.unwrap()),
                    Done::Begin(_) => begins += 1,
                    Done::End(..) => ends += 1,
                    _ => panic!("nothing else in this dump"),
                }
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, (1..=n as u64).collect::<Vec<_>>());
        assert_eq!((begins, ends), (1, 1));
    }

    #[test]
    fn a_sink_error_stops_the_reader_and_the_workers() {
        let dir = tempfile::tempdir().unwrap();
        let sources = dump(dir.path(), 20 * CHUNK, 10);
        let calls = AtomicUsize::new(0);
        let mut given = 0;
        let err = run_on(
            &sources,
            |w| {
                calls.fetch_add(1, Ordering::Relaxed);
                line_number(w)
            },
            |d, _| {
                if let Done::Rec(..) = d {
                    given += 1;
                    if given == 10 {
                        anyhow::bail!("the disk is full");
                    }
                }
                Ok(())
            },
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "the disk is full");
        assert_eq!(given, 10, "nothing is given to the sink after its error");
        // the chunks in flight when the sink failed, at most: the first, and those started
        // before it was written
        let calls = calls.load(Ordering::Relaxed);
        assert!(
            calls <= (IN_FLIGHT + 1) * CHUNK,
            "{calls} records processed"
        );
    }

    #[test]
    fn a_worker_panic_ends_the_run_instead_of_hanging_it() {
        let dir = tempfile::tempdir().unwrap();
        let sources = dump(dir.path(), 4 * CHUNK, 10);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run_on(
                &sources,
                |w| match line_number(w) {
                    Done::Rec(_, Ok(700)) => panic!("a bug in a rule"),
                    d => d,
                },
                |_, _| Ok(()),
            )
        }));
        assert!(result.is_err());
    }

    #[test]
    fn chunks_of_large_records_close_at_the_byte_budget() {
        let dir = tempfile::tempdir().unwrap();
        let sources = dump(dir.path(), 20, 1 << 20);
        let mut reader = Reader::new(&sources, FieldNames::default(), u64::MAX);
        let never = || false;
        let first = read_chunk(&mut reader, &never);
        // the dump's start, then lines up to the first that reaches the budget
        assert!(matches!(first[0], Work::Begin(0)));
        assert_eq!(first.len(), 1 + 16);
        let rest = read_chunk(&mut reader, &never);
        assert_eq!(rest.len(), 4 + 1, "the last lines and the dump's end");
        assert!(read_chunk(&mut reader, &never).is_empty());
    }
}
