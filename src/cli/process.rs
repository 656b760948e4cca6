//! One record through the engine: the step every command shares.
//!
//! Keeping it a pure function of (record, engine) — warnings are returned, not printed — is
//! what lets batch inputs run in parallel later without changing what a command reports.

use decruft::input::{self, Format, Record};
use decruft::suppress::{self, Unused};
use decruft::{Cleaned, Engine};

use super::options::Ignores;

/// The result of processing one record.
pub struct Outcome {
    pub record: Record,
    /// The input text as decoded (invalid UTF-8 replaced).
    pub input: String,
    pub cleaned: Cleaned,
    /// Things worth telling the user about this input, without the `warning:` prefix.
    pub warnings: Vec<String>,
    /// Findings taken out by `decruft: keep` markers.
    pub suppressed: usize,
    /// Findings taken out by `per-file-ignores`.
    pub ignored: usize,
    /// Markers that kept nothing.
    pub unused: Vec<Unused>,
}

// part of the shared processing step for every command, even those that do not ask yet
#[allow(dead_code)]
impl Outcome {
    /// Whether `clean` would write something other than the input.
    pub fn changed(&self) -> bool {
        self.input != self.cleaned.text
    }

    /// The number of findings that remove text.
    pub fn removals(&self) -> usize {
        self.cleaned.removals().count()
    }

    /// The unified diff of the input against the clean text; empty when unchanged.
    pub fn diff(&self) -> String {
        decruft::output::diff::unified(&diff_label(&self.record), &self.input, &self.cleaned.text)
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
    let mut s = source;
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.trim_start_matches('/').to_string()
}

/// Decodes and cleans one record, honouring `decruft: keep` markers.
#[allow(dead_code)]
pub fn process(record: Record, engine: &Engine) -> anyhow::Result<Outcome> {
    process_with(record, engine, &Ignores::default())
}

/// Decodes and cleans one record, honouring `decruft: keep` markers and `ignores`.
pub fn process_with(record: Record, engine: &Engine, ignores: &Ignores) -> anyhow::Result<Outcome> {
    let mut warnings = Vec::new();
    let (text, lossy) = input::decode(&record.bytes);
    if lossy {
        warnings.push(format!(
            "{}: not valid UTF-8; invalid bytes replaced",
            record.display_name()
        ));
    }
    let input = text.into_owned();
    // Only text is extracted so far: an HTML page is cleaned as text, with a warning so that
    // nobody mistakes the result for an extracted article.
    if Format::detect(&record.name, &record.bytes) == Format::Html {
        warnings.push(format!(
            "{}: looks like HTML; HTML inputs are not extracted yet and are cleaned as plain text",
            record.display_name()
        ));
    }
    let (findings, ignored) = ignores.apply(&record.source, engine.findings(&input));
    let kept = suppress::apply(&input, findings);
    let cleaned = engine.clean_with(&input, kept.kept);
    Ok(Outcome {
        record,
        input,
        cleaned,
        warnings,
        suppressed: kept.suppressed.len(),
        ignored: ignored.len(),
        unused: kept.unused,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

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
}
