//! Python bindings of decruft, for pipelines that live in Python (notebooks, Spark jobs).
//!
//! Every function here converts arguments, releases the GIL, and calls the same library
//! path the command line uses ([`decruft::batch`], [`decruft::profile`],
//! [`decruft::input`]): a record cleaned from Python comes out byte for byte as
//! `decruft clean` writes it. Nothing here decides what is junk.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use decruft::batch::{self, Cleaner as Shared, Content, LineSource, Processed};
use decruft::input::jsonl::{FieldNames, JsonlRecord};
use decruft::input::warc::{WarcReader as RustWarcReader, WarcRecord as RustWarcRecord};
use decruft::input::{compress, io_reason};
use decruft::profile::{self, Thresholds};
use decruft::{Config, Engine};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

/// Records handled per GIL release when a Python iterable is consumed: the iterable can only
/// be read with the GIL held, so it is read in chunks and each chunk processed without it.
const CHUNK: usize = 256;

fn value_error(msg: impl Into<String>) -> PyErr {
    PyValueError::new_err(msg.into())
}

/// The engine of `config` (decruft.toml text), or the default engine, built once.
enum EngineRef {
    Default(&'static Engine),
    Own(Box<Engine>),
}

impl std::ops::Deref for EngineRef {
    type Target = Engine;
    fn deref(&self) -> &Engine {
        match self {
            EngineRef::Default(e) => e,
            EngineRef::Own(e) => e,
        }
    }
}

fn engine(config: Option<&str>) -> PyResult<EngineRef> {
    static DEFAULT: OnceLock<Engine> = OnceLock::new();
    match config {
        None => Ok(EngineRef::Default(DEFAULT.get_or_init(Engine::default))),
        Some(text) => {
            let config = Config::parse(text, Path::new("config"))
                .map_err(|e| value_error(format!("config: {e}")))?;
            let engine = Engine::new(&config).map_err(|e| value_error(format!("config: {e}")))?;
            Ok(EngineRef::Own(Box::new(engine)))
        }
    }
}

/// JSONL field names from a `{"text": ..., "title": ...}` dict; missing keys keep their
/// defaults.
fn field_names(fields: Option<BTreeMap<String, String>>) -> PyResult<FieldNames> {
    let mut names = FieldNames::default();
    for (k, v) in fields.unwrap_or_default() {
        let slot = match k.as_str() {
            "text" => &mut names.text,
            "html" => &mut names.html,
            "title" => &mut names.title,
            "id" => &mut names.id,
            "url" => &mut names.url,
            _ => {
                return Err(value_error(format!(
                    "fields: unknown key `{k}` (expected text, html, title, id or url)"
                )))
            }
        };
        *slot = v;
    }
    Ok(names)
}

fn to_python(
    py: Python<'_>,
    value: serde_json::Map<String, serde_json::Value>,
) -> PyResult<Py<PyAny>> {
    let text = serde_json::Value::Object(value).to_string();
    Ok(py.import("json")?.call_method1("loads", (text,))?.unbind())
}

/// Cleans one article given as text; the result has the fields of `decruft clean --json`.
#[pyfunction]
#[pyo3(signature = (text, *, title=None, config=None))]
fn clean(
    py: Python<'_>,
    text: &str,
    title: Option<&str>,
    config: Option<&str>,
) -> PyResult<Py<PyAny>> {
    let engine = engine(config)?;
    let report = py.allow_threads(|| {
        let p = Shared::new(&engine).process(batch::text_content(title, text), None, no_ignores);
        p.report()
    });
    to_python(py, report)
}

/// Cleans one HTML page: the article is extracted, then cleaned.
#[pyfunction]
#[pyo3(signature = (html, *, url=None, config=None))]
fn clean_html(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    url: Option<&str>,
    config: Option<&str>,
) -> PyResult<Py<PyAny>> {
    let engine = engine(config)?;
    let report = if let Ok(b) = html.downcast::<PyBytes>() {
        let bytes = b.as_bytes();
        py.allow_threads(|| {
            decruft::extract::extract(bytes)
                .map(|x| page_report(&engine, x, url))
                .map_err(|e| e.to_string())
        })
        .map_err(value_error)?
    } else {
        let s: String = html.downcast::<PyString>()?.extract()?;
        py.allow_threads(|| page_report(&engine, decruft::extract::extract_str(&s), url))
    };
    to_python(py, report)
}

fn page_report(
    engine: &Engine,
    x: decruft::extract::Extraction,
    url: Option<&str>,
) -> serde_json::Map<String, serde_json::Value> {
    let p = Shared::new(engine).process(Content::Page(x), url, no_ignores);
    let mut m = p.report();
    if let Some(u) = url {
        m.insert("url".into(), u.into());
    }
    m
}

/// `[per-file-ignores]` match input files; records handed over from Python have none.
fn no_ignores(f: Vec<decruft::Finding>) -> (Vec<decruft::Finding>, Vec<decruft::Finding>) {
    (f, Vec::new())
}

/// One JSONL line through the shared path: its output line (no newline) and what the
/// summary counts of it.
fn clean_line(
    shared: &Shared<'_>,
    names: &FieldNames,
    line: String,
    number: u64,
) -> Result<(Vec<u8>, Processed, u64), String> {
    let rec = JsonlRecord::parse(line, number, names).map_err(|e| e.to_string())?;
    let p = shared.process(batch::jsonl_content(&rec), rec.url.as_deref(), no_ignores);
    let mut out = Vec::new();
    p.line(&mut out, LineSource::Jsonl(&rec, names));
    Ok((out, p, batch::jsonl_bytes(&rec)))
}

fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("output lines are built from strings")
}

/// Cleans one JSONL record; returns the line `decruft clean --out FILE.jsonl` writes for it
/// (without the newline).
#[pyfunction]
#[pyo3(signature = (line, *, profile=None, config=None, fields=None, site=None))]
fn clean_jsonl_line(
    py: Python<'_>,
    line: String,
    profile: Option<PyRef<'_, Profile>>,
    config: Option<&str>,
    fields: Option<BTreeMap<String, String>>,
    site: Option<&str>,
) -> PyResult<String> {
    let engine = engine(config)?;
    let names = field_names(fields)?;
    let shared = Shared {
        engine: &engine,
        profile: profile.as_ref().map(|p| &p.inner),
        site,
    };
    py.allow_threads(|| clean_line(&shared, &names, line, 1))
        .map(|(out, _, _)| into_string(out))
        .map_err(value_error)
}

/// What a [`Cleaner`] did: the figures of `decruft clean --summary-json`.
#[derive(Default)]
struct Counts {
    records: u64,
    changed: u64,
    bytes_in: u64,
    bytes_out: u64,
    removals: BTreeMap<String, u64>,
    errors: u64,
    messages: Vec<String>,
}

impl Counts {
    fn add(&mut self, p: &Processed, bytes_in: u64) {
        self.records += 1;
        self.bytes_in += bytes_in;
        self.bytes_out += p.cleaned.text.len() as u64;
        self.changed += u64::from(p.changed());
        for (code, n) in p.removals_by_code() {
            *self.removals.entry(code).or_default() += n;
        }
    }

    fn error(&mut self, msg: String) {
        self.errors += 1;
        self.messages.push(msg);
    }
}

/// A configured engine with an optional site profile, for cleaning many records; it keeps
/// the counts of a `--summary-json`.
#[pyclass(module = "decruft")]
struct Cleaner {
    engine: EngineRef,
    profile: Option<profile::Profile>,
    site: Option<String>,
    names: FieldNames,
    counts: Counts,
}

impl Cleaner {
    /// The shared path, and the counts to add to, borrowed apart.
    fn parts(&mut self) -> (Shared<'_>, &FieldNames, &mut Counts) {
        let shared = Shared {
            engine: &self.engine,
            profile: self.profile.as_ref(),
            site: self.site.as_deref(),
        };
        (shared, &self.names, &mut self.counts)
    }
}

#[pymethods]
impl Cleaner {
    #[new]
    #[pyo3(signature = (*, config=None, profile=None, site=None, fields=None))]
    fn new(
        config: Option<&str>,
        profile: Option<PyRef<'_, Profile>>,
        site: Option<String>,
        fields: Option<BTreeMap<String, String>>,
    ) -> PyResult<Self> {
        Ok(Cleaner {
            engine: engine(config)?,
            profile: profile.map(|p| p.inner.clone()),
            site,
            names: field_names(fields)?,
            counts: Counts::default(),
        })
    }

    /// The output line of one JSONL record; a bad line raises ValueError (and counts as an
    /// error).
    #[pyo3(signature = (line, *, number=1))]
    fn clean_jsonl_line(&mut self, py: Python<'_>, line: String, number: u64) -> PyResult<String> {
        let (shared, names, counts) = self.parts();
        let result = py.allow_threads(|| clean_line(&shared, names, line, number));
        match result {
            Ok((out, p, bytes_in)) => {
                counts.add(&p, bytes_in);
                Ok(into_string(out))
            }
            Err(e) => {
                counts.errors += 1;
                Err(value_error(e))
            }
        }
    }

    /// The output lines of a list of JSONL lines, in order. Bad lines are left out and
    /// counted; their messages number them from `first_line`.
    #[pyo3(signature = (lines, *, first_line=1))]
    fn clean_jsonl_lines(
        &mut self,
        py: Python<'_>,
        lines: Vec<String>,
        first_line: u64,
    ) -> Vec<String> {
        let (shared, names, counts) = self.parts();
        py.allow_threads(|| {
            let mut out = Vec::with_capacity(lines.len());
            for (i, line) in lines.into_iter().enumerate() {
                if line.trim().is_empty() {
                    // the JSONL reader skips blank lines
                    continue;
                }
                match clean_line(&shared, names, line, first_line + i as u64) {
                    Ok((l, p, bytes_in)) => {
                        counts.add(&p, bytes_in);
                        out.push(into_string(l));
                    }
                    Err(e) => counts.error(e),
                }
            }
            out
        })
    }

    /// The output lines of WARC pages read by `read_warc(path)`, in order.
    #[pyo3(signature = (records, *, path=""))]
    fn clean_warc_records(
        &mut self,
        py: Python<'_>,
        records: Vec<PyRef<'_, WarcRecord>>,
        path: &str,
    ) -> Vec<String> {
        let recs: Vec<&RustWarcRecord> = records.iter().map(|r| &r.inner).collect();
        let (shared, _, counts) = self.parts();
        py.allow_threads(|| {
            recs.into_iter()
                .map(|rec| {
                    let p = shared.process(batch::warc_content(rec), Some(&rec.url), no_ignores);
                    counts.add(&p, rec.html.len() as u64);
                    let name = format!("{path}:{}", rec.number);
                    let mut out = Vec::new();
                    p.line(
                        &mut out,
                        LineSource::Other {
                            path: &name,
                            id: rec.record_id.as_deref(),
                            url: Some(&rec.url),
                        },
                    );
                    into_string(out)
                })
                .collect()
        })
    }

    /// Records cleaned, changed, bytes in and out, removals per rule code (`X001`: blocks
    /// left out by HTML extraction) and errors, as in `decruft clean --summary-json`.
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let c = &self.counts;
        let d = PyDict::new(py);
        d.set_item("records", c.records)?;
        d.set_item("changed", c.changed)?;
        d.set_item("bytes_in", c.bytes_in)?;
        d.set_item("bytes_out", c.bytes_out)?;
        d.set_item("removals", c.removals.clone())?;
        d.set_item("errors", c.errors)?;
        Ok(d)
    }

    /// The messages of the errors met since the last call.
    fn take_messages(&mut self) -> Vec<String> {
        std::mem::take(&mut self.counts.messages)
    }
}

/// Per-site line statistics for rule J020 (site-boilerplate), as `decruft learn` writes.
#[pyclass(module = "decruft", eq)]
#[derive(Clone, PartialEq)]
struct Profile {
    inner: profile::Profile,
}

/// An item of `Profile.learn`: a JSONL line or a WARC page.
enum LearnItem {
    Line(String),
    Page(RustWarcRecord),
}

#[pymethods]
impl Profile {
    #[new]
    fn new() -> Self {
        Profile {
            inner: profile::Profile::new(),
        }
    }

    /// A profile learnt from JSONL lines or WARC pages (as `decruft learn`).
    #[staticmethod]
    #[pyo3(signature = (records, *, site=None, fields=None))]
    fn learn(
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        site: Option<&str>,
        fields: Option<BTreeMap<String, String>>,
    ) -> PyResult<Self> {
        let mut p = Profile::new();
        p.add(py, records, site, fields, false)?;
        Ok(p)
    }

    /// Learns from more records; returns the number of documents counted. With
    /// `skip_errors`, bad JSONL lines are passed over (as `decruft learn` does), else the
    /// first raises ValueError.
    #[pyo3(signature = (records, *, site=None, fields=None, skip_errors=false))]
    fn add(
        &mut self,
        py: Python<'_>,
        records: &Bound<'_, PyAny>,
        site: Option<&str>,
        fields: Option<BTreeMap<String, String>>,
        skip_errors: bool,
    ) -> PyResult<u64> {
        let names = field_names(fields)?;
        let mut iter = records.try_iter()?;
        let mut number = 0u64;
        let mut documents = 0u64;
        loop {
            let mut chunk = Vec::with_capacity(CHUNK);
            for item in iter.by_ref().take(CHUNK) {
                let item = item?;
                chunk.push(if let Ok(r) = item.extract::<PyRef<'_, WarcRecord>>() {
                    LearnItem::Page(r.inner.clone())
                } else if let Ok(s) = item.extract::<String>() {
                    LearnItem::Line(s)
                } else {
                    return Err(value_error(format!(
                        "learn: expected JSONL lines (str) or WarcRecord, got {}",
                        item.get_type().name()?
                    )));
                });
            }
            if chunk.is_empty() {
                return Ok(documents);
            }
            let profile = &mut self.inner;
            let names = &names;
            let start = number;
            number += chunk.len() as u64;
            py.allow_threads(|| {
                for (i, item) in chunk.into_iter().enumerate() {
                    let (url, content) = match item {
                        LearnItem::Line(line) => {
                            if line.trim().is_empty() {
                                continue;
                            }
                            match JsonlRecord::parse(line, start + i as u64 + 1, names) {
                                Ok(rec) => (rec.url.clone(), batch::jsonl_content(&rec)),
                                Err(_) if skip_errors => continue,
                                Err(e) => return Err(e.to_string()),
                            }
                        }
                        LearnItem::Page(rec) => (Some(rec.url.clone()), batch::warc_content(&rec)),
                    };
                    profile.add(
                        &batch::site_key(site, url.as_deref()),
                        &content.into_article(),
                    );
                    documents += 1;
                }
                Ok(())
            })
            .map_err(value_error)?;
        }
    }

    /// Adds `other`'s counts to this profile and returns this profile (for `reduce`).
    fn merge<'py>(
        mut slf: PyRefMut<'py, Self>,
        other: &Bound<'py, Profile>,
    ) -> PyResult<PyRefMut<'py, Self>> {
        let py = slf.py();
        if slf.as_ptr() == other.as_ptr() {
            let copy = slf.inner.clone();
            let this = &mut slf.inner;
            py.allow_threads(|| this.merge(&copy));
        } else {
            let other = other.borrow();
            let (this, that) = (&mut slf.inner, &other.inner);
            py.allow_threads(|| this.merge(that));
        }
        Ok(slf)
    }

    /// Keeps only the lines frequent for their site, as `decruft learn` does before saving.
    #[pyo3(signature = (*, min_docs=Thresholds::DEFAULT.min_documents, min_share=Thresholds::DEFAULT.min_share))]
    fn prune(&mut self, py: Python<'_>, min_docs: u32, min_share: f64) -> PyResult<()> {
        if !(0.0..=1.0).contains(&min_share) {
            return Err(value_error("min_share must be between 0 and 1"));
        }
        let t = Thresholds {
            min_documents: min_docs,
            min_share,
        };
        let inner = &mut self.inner;
        py.allow_threads(|| inner.prune(&t));
        Ok(())
    }

    /// The saved form, as `decruft learn --output` writes it.
    fn to_json(&self, py: Python<'_>) -> String {
        let inner = &self.inner;
        py.allow_threads(|| inner.to_json())
    }

    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        py.allow_threads(|| profile::Profile::from_json(text))
            .map(|inner| Profile { inner })
            .map_err(|m| value_error(format!("not a decruft profile: {m}")))
    }

    /// Documents learnt per site.
    fn sites(&self) -> BTreeMap<String, u64> {
        self.inner
            .sites()
            .map(|(k, s)| (k.to_string(), s.documents))
            .collect()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let py = slf.py();
        let from_json = py.get_type::<Profile>().getattr("from_json")?;
        Ok((from_json, (slf.borrow().to_json(py),)))
    }

    fn __repr__(&self) -> String {
        let lines: usize = self.inner.sites().map(|(_, s)| s.len()).sum();
        format!(
            "Profile({} sites, {} lines)",
            self.inner.sites().count(),
            lines
        )
    }
}

/// One HTML page of a WARC archive.
#[pyclass(module = "decruft", frozen)]
struct WarcRecord {
    inner: RustWarcRecord,
}

#[pymethods]
impl WarcRecord {
    #[getter]
    fn number(&self) -> u64 {
        self.inner.number
    }
    #[getter]
    fn url(&self) -> &str {
        &self.inner.url
    }
    #[getter]
    fn record_id(&self) -> Option<&str> {
        self.inner.record_id.as_deref()
    }
    #[getter]
    fn date(&self) -> Option<&str> {
        self.inner.date.as_deref()
    }
    #[getter]
    fn encoding(&self) -> &'static str {
        self.inner.encoding
    }
    #[getter]
    fn html(&self) -> &str {
        &self.inner.html
    }
    fn __repr__(&self) -> String {
        format!("WarcRecord({}, {:?})", self.inner.number, self.inner.url)
    }
}

type Stream = Box<dyn BufRead + Send>;

/// The HTML pages of a WARC archive (gzip or not), read as a stream. Broken records do not
/// stop it: their messages collect in `errors`; `skipped` counts the records that are not
/// HTML pages (requests, metadata, redirects, images ...).
#[pyclass(module = "decruft")]
struct WarcReader {
    name: String,
    reader: Mutex<Option<RustWarcReader<Stream>>>,
    errors: Vec<String>,
}

#[pymethods]
impl WarcReader {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> Option<WarcRecord> {
        let slot = self.reader.get_mut().unwrap_or_else(|e| e.into_inner());
        let reader = slot.as_mut()?;
        loop {
            match py.allow_threads(|| reader.next()) {
                None => return None,
                Some(Ok(inner)) => return Some(WarcRecord { inner }),
                Some(Err(e)) => {
                    self.errors.push(format!("{}: {e}", self.name));
                    if e.fatal {
                        return None;
                    }
                }
            }
        }
    }

    /// Messages of the broken records met so far, naming the archive.
    #[getter]
    fn errors(&self) -> Vec<String> {
        self.errors.clone()
    }

    /// Records that are not HTML pages, so far.
    #[getter]
    fn skipped(&self) -> u64 {
        let guard = self.reader.lock().unwrap_or_else(|e| e.into_inner());
        guard.as_ref().map_or(0, |r| {
            let s = r.stats();
            s.records - s.pages - s.broken
        })
    }
}

/// Opens a WARC archive: a path (plain or gzip), or its bytes.
#[pyfunction]
fn read_warc(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<WarcReader> {
    let (name, stream) = if let Ok(b) = source.downcast::<PyBytes>() {
        let bytes = b.as_bytes().to_vec();
        let name = "<bytes>".to_string();
        let stream = py
            .allow_threads(|| compress::from_reader(std::io::Cursor::new(bytes), &name, None))
            .map_err(|e| PyOSError::new_err(io_reason(&e)))?;
        (name, stream)
    } else {
        let path: PathBuf = source.extract()?;
        let stream = py
            .allow_threads(|| compress::open(&path, None))
            .map_err(|e| PyOSError::new_err(io_reason(&e)))?;
        (path.display().to_string(), stream)
    };
    Ok(WarcReader {
        name,
        reader: Mutex::new(Some(RustWarcReader::new(stream))),
        errors: Vec::new(),
    })
}

#[pymodule]
fn _decruft(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(clean, m)?)?;
    m.add_function(wrap_pyfunction!(clean_html, m)?)?;
    m.add_function(wrap_pyfunction!(clean_jsonl_line, m)?)?;
    m.add_function(wrap_pyfunction!(read_warc, m)?)?;
    m.add_class::<Cleaner>()?;
    m.add_class::<Profile>()?;
    m.add_class::<WarcRecord>()?;
    m.add_class::<WarcReader>()?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
