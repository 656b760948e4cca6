//! One record through the engine: the step every command shares.
//!
//! Keeping it a pure function of (record, setup) — warnings are returned, not printed — is
//! what lets batch inputs run in parallel without changing what a command reports. Per-file
//! ignores and `decruft: keep` markers are applied here, so they hold for every kind of
//! input: files, HTML pages, and records of dumps (matched by the dump's path).
//!
//! An HTML page goes through the extractor first; the engine then cleans the article as
//! `title\n\nblock\n\nblock\n`, the shape it knows from text files. What a reviewer diffs is
//! the page's visible text (one block per line) against the clean article, so every block the
//! extractor dropped shows up as a removed line, and in reports as an `X001` finding.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

use decruft::extract::{self, Extraction};
use decruft::input::{self, Format, Record};
use decruft::output::report::{FileReport, LineIndex};
use decruft::profile::{site_of_url, Profile};
use decruft::rules::Action;
use decruft::suppress::{self, Unused};
use decruft::{Cleaned, Engine, Finding};
use serde::Serialize;

use super::args::InputFormat;
use super::options::Ignores;

/// The code of findings for blocks the extractor left out of the article.
pub const EXTRACTION_CODE: &str = "X001";
/// Their name.
pub const EXTRACTION_NAME: &str = "extraction";

/// What a record is cleaned with.
#[derive(Clone, Copy)]
pub struct Setup<'a> {
    pub engine: &'a Engine,
    pub format: InputFormat,
    /// Site profile for J020, with the site key forced by `--site`.
    pub profile: Option<&'a Profile>,
    pub site: Option<&'a str>,
    /// `[per-file-ignores]`; none for commands that report every finding.
    pub ignores: Option<&'a Ignores>,
    /// `--max-input-size`: the cap on one input's (decompressed) bytes.
    pub max_input: u64,
}

impl<'a> Setup<'a> {
    pub fn new(engine: &'a Engine) -> Self {
        Setup {
            engine,
            format: InputFormat::Auto,
            profile: None,
            site: None,
            ignores: None,
            max_input: decruft::input::DEFAULT_MAX_INPUT_SIZE,
        }
    }

    /// The engine's findings on `text`, with the profile of the record's site when there is
    /// one.
    pub fn findings(&self, text: &str, url: Option<&str>) -> Vec<Finding> {
        let Some(profile) = self.profile else {
            return self.engine.findings(text);
        };
        // as in `learn`: --site, else the URL's host, else the empty key of documents
        // without a URL
        let key = match self.site {
            Some(s) => s.to_string(),
            None => url.and_then(site_of_url).unwrap_or_default(),
        };
        self.engine.findings_with(text, profile.site(&key))
    }

    /// Whether a document named `name` with these first bytes is read as HTML.
    pub fn is_html(&self, name: &std::path::Path, bytes: &[u8]) -> bool {
        match self.format {
            InputFormat::Text => false,
            InputFormat::Html => true,
            InputFormat::Auto => Format::detect(name, bytes) == Format::Html,
        }
    }
}

/// What the extractor made of an HTML page, kept for the diff and the report.
pub struct Page {
    /// The visible text, one block per line: the left side of the diff.
    pub visible: String,
    /// Blocks left out of the article: (1-based line in `visible`, byte range, reason).
    pub dropped: Vec<(usize, Range<usize>, &'static str)>,
    /// Where each piece of the engine input came from on the page.
    segments: Vec<Segment>,
}

/// A title or block in the engine input and its place in the visible text.
struct Segment {
    input: Range<usize>,
    /// Start offset and 1-based line in the visible text; `None` for a title that is not a
    /// visible block (it came from `og:title` or `<title>`).
    visible: Option<(usize, usize)>,
}

impl Page {
    /// The line, start and end in the visible text of the engine-input range `r`; `(0, 0, 0)`
    /// when it is in a title that is not on the page.
    fn locate(&self, input: &str, r: &Range<usize>) -> (usize, usize, usize) {
        let at = |pos: usize| {
            let i = self
                .segments
                .partition_point(|s| s.input.start <= pos)
                .saturating_sub(1);
            self.segments.get(i)
        };
        let Some(seg) = at(r.start) else {
            return (0, 0, 0);
        };
        let Some((vstart, vline)) = seg.visible else {
            return (0, 0, 0);
        };
        let into = r.start.saturating_sub(seg.input.start);
        let start = vstart + into;
        let line = vline
            + input[seg.input.start..r.start.min(input.len())]
                .matches('\n')
                .count();
        let end_pos = r.end.saturating_sub(1).max(r.start);
        let end = match at(end_pos) {
            Some(Segment {
                input: ir,
                visible: Some((vs, _)),
            }) => vs + (r.end.min(ir.end)).saturating_sub(ir.start),
            _ => start,
        };
        (line, start, end.max(start))
    }
}

/// The engine input of an extracted page and the map back to its visible text.
pub fn article_input(x: &Extraction) -> (String, Page) {
    let mut visible = String::new();
    let mut title_at = None;
    let mut kept_at = Vec::new();
    let mut dropped = Vec::new();
    let mut line = 1;
    for b in &x.blocks {
        let start = visible.len();
        visible.push_str(&b.text);
        let range = start..visible.len();
        visible.push('\n');
        if b.kept {
            kept_at.push((start, line));
        } else if b.reason == Some("title") && title_at.is_none() {
            title_at = Some((start, line));
        } else {
            dropped.push((line, range, b.reason.unwrap_or("not part of the article")));
        }
        line += 1 + b.text.matches('\n').count();
    }
    let mut input = String::new();
    let mut segments = Vec::new();
    let mut push = |input: &mut String, text: &str, visible| {
        if !input.is_empty() {
            input.push_str("\n\n");
        }
        let start = input.len();
        input.push_str(text);
        segments.push(Segment {
            input: start..input.len(),
            visible,
        });
    };
    if !x.title.trim().is_empty() {
        push(&mut input, x.title.trim(), title_at);
    }
    for (b, at) in x.blocks.iter().filter(|b| b.kept).zip(kept_at) {
        push(&mut input, &b.text, Some(at));
    }
    if !input.is_empty() {
        input.push('\n');
    }
    (
        input,
        Page {
            visible,
            dropped,
            segments,
        },
    )
}

/// What a record holds once read: text, or an extracted page.
pub enum Content {
    Text(String),
    Page(Extraction),
}

/// Reads a document's bytes as the setup says: an HTML page is extracted, anything else
/// decoded as text (invalid UTF-8 replaced, with a warning). The error names the record.
pub fn content(
    record: &Record,
    bytes: &[u8],
    setup: &Setup<'_>,
) -> Result<(Content, Vec<String>), String> {
    if setup.is_html(&record.name, bytes) {
        let x = extract::extract(bytes).map_err(|e| format!("{}: {e}", record.display_name()))?;
        return Ok((Content::Page(x), Vec::new()));
    }
    let (text, lossy) = input::decode(bytes);
    let mut warnings = Vec::new();
    if lossy {
        warnings.push(format!(
            "{}: not valid UTF-8; invalid bytes replaced",
            record.display_name()
        ));
    }
    Ok((Content::Text(text.into_owned()), warnings))
}

/// The result of processing one record.
pub struct Outcome {
    pub record: Record,
    /// The text given to the engine: the input as decoded (invalid UTF-8 replaced), or an
    /// HTML page's extracted article.
    pub input: String,
    pub cleaned: Cleaned,
    /// Things worth telling the user about this input, without the `warning:` prefix.
    pub warnings: Vec<String>,
    /// Set for an HTML input.
    pub page: Option<Page>,
    /// Findings taken out by `decruft: keep` markers.
    pub suppressed: usize,
    /// Findings taken out by `per-file-ignores`.
    pub ignored: usize,
    /// Markers that kept nothing.
    pub unused: Vec<Unused>,
}

impl Outcome {
    /// The text the diff starts from: the input, or an HTML page's visible text.
    pub fn original(&self) -> &str {
        match &self.page {
            Some(p) => &p.visible,
            None => &self.input,
        }
    }

    /// Whether `clean` would write something other than the input.
    pub fn changed(&self) -> bool {
        self.original() != self.cleaned.text
    }

    /// The number of removals: findings that remove text, and blocks the extractor dropped.
    pub fn removals(&self) -> usize {
        self.cleaned.removals().count() + self.page.as_ref().map_or(0, |p| p.dropped.len())
    }

    /// Removals per rule code (extraction drops as `X001`).
    pub fn removals_by_code(&self) -> BTreeMap<String, u64> {
        let mut m = BTreeMap::new();
        for f in self.cleaned.removals() {
            *m.entry(f.code.to_string()).or_default() += 1;
        }
        if let Some(p) = &self.page {
            if !p.dropped.is_empty() {
                *m.entry(EXTRACTION_CODE.to_string()).or_default() += p.dropped.len() as u64;
            }
        }
        m
    }

    /// The unified diff of the original against the clean text; empty when unchanged.
    pub fn diff(&self) -> String {
        decruft::output::diff::unified(
            &diff_label(&self.record),
            self.original(),
            &self.cleaned.text,
        )
    }

    /// A map from an engine-input range to its 1-based line and byte range in
    /// [`original`](Self::original); line 0 (and an empty range) for a page title that is
    /// not a visible block.
    fn locator(&self) -> impl Fn(&Range<usize>) -> (usize, Range<usize>) + '_ {
        let line_starts: Vec<usize> = match self.page {
            Some(_) => Vec::new(),
            None => std::iter::once(0)
                .chain(self.input.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        };
        move |r| match &self.page {
            Some(p) => {
                let (line, start, end) = p.locate(&self.input, r);
                (line, start..end)
            }
            None => (line_starts.partition_point(|&s| s <= r.start), r.clone()),
        }
    }

    /// Every finding with its line, in terms of the original: the engine's findings and,
    /// for a page, one `X001` finding per block the extractor dropped; in line order.
    fn located_findings(&self) -> Vec<(usize, Finding)> {
        let locate = self.locator();
        let mut out: Vec<(usize, Finding)> = self
            .cleaned
            .findings
            .iter()
            .map(|f| {
                let (line, range) = locate(&f.range);
                (line, Finding { range, ..f.clone() })
            })
            .collect();
        if let Some(p) = &self.page {
            out.extend(p.dropped.iter().map(|(line, range, reason)| {
                let f = Finding {
                    code: Cow::Borrowed(EXTRACTION_CODE),
                    name: Cow::Borrowed(EXTRACTION_NAME),
                    range: range.clone(),
                    action: Action::DropLine,
                    message: format!("not part of the article: {reason}"),
                };
                (*line, f)
            }));
            out.sort_by_key(|(line, f)| (*line, f.range.start));
        }
        out
    }

    /// The findings as reported in JSON, in line order. For an HTML input, lines and offsets
    /// are those of the visible text (the diff's left side); a finding in a title that is not
    /// a visible block has line 0.
    pub fn findings(&self) -> Vec<FindingOut> {
        let original = self.original();
        self.located_findings()
            .into_iter()
            .map(|(line, f)| FindingOut {
                text: original.get(f.range.clone()).unwrap_or("").to_string(),
                code: f.code,
                name: f.name,
                action: f.action.as_str(),
                line,
                start: f.range.start,
                end: f.range.end,
                message: f.message,
            })
            .collect()
    }

    /// The unused `decruft: keep` markers as `NAME:LINE:COLUMN: message` warnings.
    pub fn unused_warnings(&self) -> Vec<String> {
        if self.unused.is_empty() {
            return Vec::new();
        }
        let index = LineIndex::new(self.original());
        let locate = self.locator();
        self.unused
            .iter()
            .map(|u| {
                let pos = index.pos(locate(&u.range).1.start);
                format!(
                    "{}:{}:{}: {}",
                    self.record.display_name(),
                    pos.line,
                    pos.column,
                    u.message()
                )
            })
            .collect()
    }

    /// The record as `check` reports it: positions, diff and changes are those of the
    /// original, as for `clean --diff`.
    pub fn into_file_report(self) -> FileReport {
        let findings = self
            .located_findings()
            .into_iter()
            .map(|(_, f)| f)
            .collect();
        let locate = self.locator();
        let unused = self
            .unused
            .iter()
            .map(|u| Unused {
                range: locate(&u.range).1,
                ..u.clone()
            })
            .collect();
        drop(locate);
        let path = diff_label(&self.record);
        let input = match self.page {
            Some(p) => p.visible,
            None => self.input,
        };
        FileReport {
            path,
            input,
            cleaned: Some(Cleaned {
                findings,
                ..self.cleaned
            }),
            error: None,
            suppressed: self.suppressed,
            ignored: self.ignored,
            unused,
        }
    }

    /// The JSON report of this record, one line, with `extra` fields (id, url) first.
    pub fn report_line(&self, path: &str, extra: &[(&str, &str)]) -> String {
        let mut m = serde_json::Map::new();
        m.insert("path".into(), path.into());
        for (k, v) in extra {
            m.insert((*k).into(), (*v).into());
        }
        m.insert("title".into(), self.cleaned.title.as_str().into());
        m.insert("text".into(), self.cleaned.body.as_str().into());
        m.insert(
            "findings".into(),
            serde_json::to_value(self.findings()).expect("findings are plain data"),
        );
        serde_json::Value::Object(m).to_string()
    }
}

/// One finding in the JSON report.
#[derive(Debug, Serialize)]
pub struct FindingOut {
    pub code: Cow<'static, str>,
    pub name: Cow<'static, str>,
    pub action: &'static str,
    pub line: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub message: String,
}

/// The path shown in diff headers and reports: git-style relative paths (`a/dir/x.txt`), so
/// a leading `./` or `/` is dropped; standard input is `stdin`.
pub fn diff_label(record: &Record) -> String {
    source_label(&record.source)
}

/// [`diff_label`] for an input known only by its source (one that could not be read).
pub fn source_label(source: &str) -> String {
    if source == input::STDIN {
        return "stdin".to_string();
    }
    let mut s = source;
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.trim_start_matches('/').to_string()
}

/// Cleans a record read as `content` from the input `file` (whose path per-file-ignores
/// match; for a dump record, the dump), honouring `decruft: keep` markers, and the site
/// profile for the record's `url`.
pub fn outcome(
    record: Record,
    content: Content,
    mut warnings: Vec<String>,
    setup: &Setup<'_>,
    file: &str,
    url: Option<&str>,
) -> Outcome {
    let (input, page) = match content {
        Content::Text(t) => (t, None),
        Content::Page(x) => {
            warnings.extend(
                x.warnings
                    .iter()
                    .map(|w| format!("{}: {w}", record.display_name())),
            );
            let (input, page) = article_input(&x);
            (input, Some(page))
        }
    };
    let findings = setup.findings(&input, url);
    let (findings, ignored) = match setup.ignores {
        Some(ig) => ig.apply(file, findings),
        None => (findings, Vec::new()),
    };
    let kept = suppress::apply(&input, findings);
    let cleaned = setup.engine.clean_with(&input, kept.kept);
    Outcome {
        record,
        input,
        cleaned,
        warnings,
        page,
        suppressed: kept.suppressed.len(),
        ignored: ignored.len(),
        unused: kept.unused,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn process(mut record: Record, engine: &Engine) -> Result<Outcome, String> {
        let setup = Setup::new(engine);
        let bytes = std::mem::take(&mut record.bytes);
        let (content, warnings) = content(&record, &bytes, &setup)?;
        let file = record.source.clone();
        Ok(outcome(record, content, warnings, &setup, &file, None))
    }

    fn record(source: &str, bytes: &[u8]) -> Record {
        Record {
            source: source.into(),
            name: PathBuf::from("x.txt"),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn diff_labels_are_relative() {
        assert_eq!(diff_label(&record("./a/b.txt", b"")), "a/b.txt");
        assert_eq!(diff_label(&record("/tmp/b.txt", b"")), "tmp/b.txt");
        assert_eq!(diff_label(&record("-", b"")), "stdin");
    }

    #[test]
    fn invalid_utf8_is_replaced_and_warned_about_once() {
        let o = process(
            record("bad.txt", b"Title\n\nBody \xFF\xFE here\n"),
            &Engine::default(),
        )
        .unwrap();
        assert_eq!(o.input, "Title\n\nBody \u{FFFD}\u{FFFD} here\n");
        assert_eq!(
            o.warnings,
            vec!["bad.txt: not valid UTF-8; invalid bytes replaced"]
        );
        assert!(!o.changed());
    }

    fn para(words: &str) -> String {
        format!("<p>{words}, {words}, and then {words} once again for the record.</p>")
    }

    #[test]
    fn html_findings_point_into_the_visible_text() {
        let body = para("The river authority opened the new lock gates on Monday");
        let html = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/w>World</a></nav>\
             <article><h1>Lock gates open on the river</h1>{body}{body}</article></body></html>"
        );
        let x = extract::extract(html.as_bytes()).unwrap();
        let (input, page) = article_input(&x);
        assert!(
            input.starts_with("Lock gates open on the river\n\n"),
            "{input}"
        );
        let engine = Engine::default();
        let o = outcome(
            record("p.html", b""),
            Content::Page(x),
            Vec::new(),
            &Setup::new(&engine),
            "p.html",
            None,
        );
        // the second, identical paragraph is a duplicate (J012); it is line 4 of the page
        let lines: Vec<&str> = page.visible.lines().collect();
        let f = o.findings();
        let dup = f
            .iter()
            .find(|f| f.code == "J012")
            .expect("duplicate found");
        assert_eq!(lines[dup.line - 1], &page.visible[dup.start..dup.end]);
        assert_eq!(dup.line, lines.len());
        let nav = f.iter().find(|f| f.code == EXTRACTION_CODE).unwrap();
        assert_eq!(nav.line, 1);
        assert!(nav.text.starts_with("Home"));
        assert!(o.diff().contains("\n-Home"), "{}", o.diff());
    }
}
