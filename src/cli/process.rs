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

use std::ops::Deref;

pub use decruft::batch::Content;
use decruft::batch::{Cleaner, Processed};
use decruft::extract;
use decruft::input::{self, Format, Record};
use decruft::output::report::{FileReport, LineIndex};
use decruft::profile::Profile;
use decruft::suppress::Unused;
use decruft::{Cleaned, Engine};

use super::args::InputFormat;
use super::options::Ignores;

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

    /// The shared per-record path with this setup's engine and profile.
    pub fn cleaner(&self) -> Cleaner<'a> {
        Cleaner {
            engine: self.engine,
            profile: self.profile,
            site: self.site,
        }
    }

    /// Whether a document named `name` with these first bytes is read as HTML.
    pub fn is_html(&self, name: &std::path::Path, bytes: &[u8]) -> bool {
        match self.format {
            InputFormat::Text => false,
            InputFormat::Html => true,
            // dumps never reach here: their records are read as JSONL or WARC
            InputFormat::Auto | InputFormat::Jsonl | InputFormat::Warc => {
                Format::detect(name, bytes) == Format::Html
            }
        }
    }
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
    /// Things worth telling the user about this input, without the `warning:` prefix.
    pub warnings: Vec<String>,
    /// The engine input, the clean text and the findings (through `Deref`: `o.cleaned`,
    /// `o.original()` ...).
    pub processed: Processed,
}

impl Deref for Outcome {
    type Target = Processed;

    fn deref(&self) -> &Processed {
        &self.processed
    }
}

impl Outcome {
    /// The unified diff of the original against the clean text; empty when unchanged.
    pub fn diff(&self) -> String {
        decruft::output::diff::unified(
            &diff_label(&self.record),
            self.original(),
            &self.cleaned.text,
        )
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
        let p = self.processed;
        let input = match p.page {
            Some(page) => page.visible,
            None => p.input,
        };
        FileReport {
            path,
            input,
            cleaned: Some(Cleaned {
                findings,
                ..p.cleaned
            }),
            error: None,
            suppressed: p.suppressed,
            ignored: p.ignored,
            unused,
        }
    }

    /// The JSON report of this record, one line, with `extra` fields (id, url) first.
    pub fn report_line(&self, path: &str, extra: &[(&str, &str)]) -> String {
        let mut m = self.report();
        m.insert("path".into(), path.into());
        for (k, v) in extra {
            m.insert((*k).into(), (*v).into());
        }
        serde_json::Value::Object(m).to_string()
    }
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
    // a record of a dump read from standard input is named `<stdin>:N` in messages
    if let Some(record) = source.strip_prefix(input::display_name(input::STDIN)) {
        return format!("stdin{record}");
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
    if let Content::Page(x) = &content {
        warnings.extend(
            x.warnings
                .iter()
                .map(|w| format!("{}: {w}", record.display_name())),
        );
    }
    let processed = setup
        .cleaner()
        .process(content, url, |findings| match setup.ignores {
            Some(ig) => ig.apply(file, findings),
            None => (findings, Vec::new()),
        });
    Outcome {
        record,
        warnings,
        processed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use decruft::batch::{article_input, EXTRACTION_CODE};
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
        assert_eq!(diff_label(&record("<stdin>:12", b"")), "stdin:12");
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
