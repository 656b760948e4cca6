//! CI reports of `decruft check`: what would be removed from each file, in the formats CI
//! systems read.
//!
//! Every format is a view of the same [`FileReport`] list, and positions are computed once
//! here (1-based lines, columns in characters) so that the text listing, GitHub annotations,
//! SARIF regions and JSON agree on where each finding is.

pub mod github;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod text;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::engine::{Cleaned, Engine};
use crate::rules::Finding;
use crate::suppress::{self, PerFileIgnores, Unused};

/// A report format. It is also the `--format` value of `decruft check`: the doc comments
/// of the variants are the help text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// Findings, then unified diffs with the rule codes on each hunk, then a summary.
    Text,
    /// One JSON document: tool, summary, files.
    Json,
    /// One JSON object per file, one per line.
    Jsonl,
    /// GitHub Actions workflow commands (pull-request annotations).
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// JUnit XML, one test case per file.
    Junit,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 6] = [
        Format::Text,
        Format::Json,
        Format::Jsonl,
        Format::Github,
        Format::Sarif,
        Format::Junit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Github => "github",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
                format!(
                    "unknown format `{s}` (expected one of: {})",
                    names.join(", ")
                )
            })
    }
}

/// The result of checking one file.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path as given on the command line (shown as is, `/`-separated in URIs).
    pub path: String,
    /// The text as read (after any HTML extraction).
    pub input: String,
    /// The clean result; `None` when the file could not be read or parsed.
    pub cleaned: Option<Cleaned>,
    /// Why the file could not be checked.
    pub error: Option<String>,
    /// Findings taken out by `decruft: keep` markers.
    pub suppressed: usize,
    /// Findings taken out by `per-file-ignores`.
    pub ignored: usize,
    /// Markers that kept nothing.
    pub unused: Vec<Unused>,
}

impl FileReport {
    /// Checks `input`: the engine's findings, less per-file ignores and marker suppressions,
    /// applied.
    pub fn check(
        path: impl Into<String>,
        input: impl Into<String>,
        engine: &Engine,
        ignores: &PerFileIgnores,
    ) -> Self {
        let path = path.into();
        let input = input.into();
        let (findings, ignored) = ignores.apply(&path, engine.findings(&input));
        let s = suppress::apply(&input, findings);
        let cleaned = engine.clean_with(&input, s.kept);
        FileReport {
            path,
            input,
            cleaned: Some(cleaned),
            error: None,
            suppressed: s.suppressed.len(),
            ignored: ignored.len(),
            unused: s.unused,
        }
    }

    /// A file that was cleaned elsewhere, with no suppression information.
    pub fn cleaned(path: impl Into<String>, input: impl Into<String>, cleaned: Cleaned) -> Self {
        FileReport {
            path: path.into(),
            input: input.into(),
            cleaned: Some(cleaned),
            error: None,
            suppressed: 0,
            ignored: 0,
            unused: Vec::new(),
        }
    }

    /// A file that could not be checked.
    pub fn failed(path: impl Into<String>, message: impl Into<String>) -> Self {
        FileReport {
            path: path.into(),
            input: String::new(),
            cleaned: None,
            error: Some(message.into()),
            suppressed: 0,
            ignored: 0,
            unused: Vec::new(),
        }
    }

    /// Whether cleaning would change the file.
    pub fn changed(&self) -> bool {
        self.cleaned.as_ref().is_some_and(|c| c.text != self.input)
    }

    /// The findings that apply, with their positions, in input order.
    pub fn located(&self) -> Vec<Located<'_>> {
        let Some(c) = &self.cleaned else {
            return Vec::new();
        };
        let index = LineIndex::new(&self.input);
        c.findings
            .iter()
            .map(|f| index.locate(&self.input, f))
            .collect()
    }

    /// The unused markers with their positions.
    pub fn located_unused(&self) -> Vec<(Span, &Unused)> {
        let index = LineIndex::new(&self.input);
        self.unused
            .iter()
            .map(|u| (index.span(u.range.clone()), u))
            .collect()
    }

    /// The unified diff of the input against the clean text; empty when unchanged.
    pub fn diff(&self) -> String {
        match &self.cleaned {
            Some(c) => crate::output::diff::unified(&self.path, &self.input, &c.text),
            None => String::new(),
        }
    }
}

/// A position in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset.
    pub offset: usize,
}

/// Where a finding is: `end` is exclusive (the position after its last character), and
/// `last_line` is the line of its last character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: Pos,
    pub end: Pos,
    pub last_line: usize,
}

/// A finding with its position and the text it covers.
#[derive(Debug, Clone)]
pub struct Located<'r> {
    pub finding: &'r Finding,
    pub span: Span,
    pub excerpt: &'r str,
}

/// Line starts of a text, to turn byte offsets into lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The position of byte `offset` (clamped to the text and to a character boundary).
    pub fn pos(&self, offset: usize) -> Pos {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        Pos {
            line,
            column: self.text[start..offset].chars().count() + 1,
            offset,
        }
    }

    /// The span of a byte range.
    pub fn span(&self, range: std::ops::Range<usize>) -> Span {
        let start = self.pos(range.start);
        let end = self.pos(range.end.max(range.start));
        let last_line = if range.end > range.start {
            self.pos(range.end - 1).line
        } else {
            start.line
        };
        Span {
            start,
            end,
            last_line,
        }
    }

    fn locate<'r>(&self, text: &'r str, f: &'r Finding) -> Located<'r> {
        let span = self.span(f.range.clone());
        let excerpt = text.get(span.start.offset..span.end.offset).unwrap_or("");
        Located {
            finding: f,
            span,
            excerpt,
        }
    }
}

/// Counts over a whole run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Files checked, including those that could not be read.
    pub files: usize,
    /// Files cleaning would change.
    pub changed: usize,
    /// Files that could not be checked.
    pub errors: usize,
    /// Findings that remove text.
    pub removals: usize,
    /// Findings that only flag.
    pub flags: usize,
    /// Findings kept by markers.
    pub suppressed: usize,
    /// Findings ignored by `per-file-ignores`.
    pub ignored: usize,
    /// Markers (or marker codes) that kept nothing.
    pub unused_markers: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut s = Summary {
            files: reports.len(),
            ..Summary::default()
        };
        for r in reports {
            s.changed += usize::from(r.changed());
            s.errors += usize::from(r.error.is_some());
            if let Some(c) = &r.cleaned {
                s.removals += c.removals().count();
                s.flags += c.findings.len() - c.removals().count();
            }
            s.suppressed += r.suppressed;
            s.ignored += r.ignored;
            s.unused_markers += r.unused.len();
        }
        s
    }

    /// Whether the check fails: a file would change or could not be checked.
    pub fn failed(&self) -> bool {
        self.changed > 0 || self.errors > 0
    }

    /// One line for humans, e.g. `2 of 5 files would be cleaned: 7 removals, 1 flag.`
    pub fn line(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = vec![
            plural(self.removals, "removal", "removals"),
            plural(self.flags, "flag", "flags"),
        ];
        if self.suppressed > 0 {
            parts.push(format!("{} kept by markers", self.suppressed));
        }
        if self.ignored > 0 {
            parts.push(format!("{} ignored by per-file-ignores", self.ignored));
        }
        if self.unused_markers > 0 {
            parts.push(plural(
                self.unused_markers,
                "unused marker",
                "unused markers",
            ));
        }
        if self.errors > 0 {
            parts.push(plural(
                self.errors,
                "file could not be checked",
                "files could not be checked",
            ));
        }
        let head = if self.changed == 0 {
            format!(
                "{} checked, nothing to clean",
                plural(self.files, "file", "files")
            )
        } else {
            format!(
                "{} of {} would be cleaned",
                self.changed,
                plural(self.files, "file", "files")
            )
        };
        format!("{head}: {}.", parts.join(", "))
    }
}

/// The report of `reports` in `format`.
pub fn render(format: Format, reports: &[FileReport]) -> String {
    match format {
        Format::Text => text::render(reports),
        Format::Json => json::render(reports),
        Format::Jsonl => json::render_lines(reports),
        Format::Github => github::render(reports),
        Format::Sarif => sarif::render(reports, &sarif::builtin_rules()),
        Format::Junit => junit::render(reports),
    }
}

/// Writes the report of `reports` in `format` to `out`.
pub fn write(
    format: Format,
    reports: &[FileReport],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    out.write_all(render(format, reports).as_bytes())
}

/// At most `max` characters of `s` on one line, for messages that quote removed text.
pub(crate) fn excerpt(s: &str, max: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let mut cut: String = one_line.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Reports built from hand-made findings, so that the formats are tested whatever rules
    //! the registry holds.

    use super::*;
    use crate::rules::{Action, RuleMeta};

    pub static SHARE: RuleMeta = RuleMeta {
        code: "J002",
        name: "share-widget",
        action: Action::DropLine,
        default_enabled: true,
        explanation: "## What it does\n\nRemoves lines that are only share-button labels. They come from the page.\n\n## Why\n\nThey are page chrome.\n\n## Example\n\n`Share`\n",
    };
    pub static NAV: RuleMeta = RuleMeta {
        code: "J003",
        name: "story-navigation",
        action: Action::DropLine,
        default_enabled: true,
        explanation: "## What it does\n\nRemoves navigation links such as Next Story.\n\n## Why\n\nThey link elsewhere.\n\n## Example\n\n`Next Story`\n",
    };
    pub static REPEATED: RuleMeta = RuleMeta {
        code: "S005",
        name: "repeated-keyword",
        action: Action::Flag,
        default_enabled: false,
        explanation: "## What it does\n\nFlags a keyword phrase repeated across the article.\n\n## Why\n\nStuffing.\n\n## Example\n\n`x`\n",
    };

    pub fn finding(text: &str, meta: &'static RuleMeta, needle: &str, message: &str) -> Finding {
        let s = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} is not in the text"));
        Finding::new(meta, s..s + needle.len(), message)
    }

    /// Cleans `text` with exactly `findings`.
    pub fn report(path: &str, text: &str, findings: Vec<Finding>) -> FileReport {
        let cleaned = Engine::default().clean_with(text, findings);
        FileReport::cleaned(path, text, cleaned)
    }

    pub const ARTICLE: &str = "Rain Hits Town\n\nShare\nThe rain came early, and 100% of the streets flooded.\nNext Story\n";

    /// One changed file, one clean file, one unreadable file.
    pub fn sample() -> Vec<FileReport> {
        let a = ARTICLE;
        vec![
            report(
                "news/rain day.txt",
                a,
                vec![
                    finding(a, &SHARE, "Share", "a line that is only a share label"),
                    finding(a, &REPEATED, "100%", "\"100%\" repeats, 3 times: a, b"),
                    finding(a, &NAV, "Next Story", "a link to the next story"),
                ],
            ),
            report("clean.txt", "Title\n\nBody.\n", Vec::new()),
            FileReport::failed("bad<&>.txt", "cannot read: invalid UTF-8 at byte 3"),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    #[test]
    fn positions_are_one_based_with_columns_in_characters() {
        let text = "ab\nçé xyz\r\nlast";
        let idx = LineIndex::new(text);
        assert_eq!(
            idx.pos(0),
            Pos {
                line: 1,
                column: 1,
                offset: 0
            }
        );
        let x = text.find("xyz").unwrap();
        assert_eq!(
            idx.pos(x),
            Pos {
                line: 2,
                column: 4,
                offset: x
            }
        );
        let span = idx.span(x..x + 3);
        assert_eq!((span.end.line, span.end.column, span.last_line), (2, 7, 2));
        assert_eq!(idx.pos(text.len()).line, 3);
        // inside a multi-byte character: clamped to its start
        assert_eq!(idx.pos(4).column, 1);
    }

    #[test]
    fn formats_parse_by_name() {
        for f in Format::ALL {
            assert_eq!(f.as_str().parse::<Format>(), Ok(f));
        }
        assert!("xml".parse::<Format>().unwrap_err().contains("junit"));
    }

    #[test]
    fn summary_counts_and_fails_on_changes_or_errors() {
        let reports = sample();
        let s = Summary::of(&reports);
        assert_eq!(
            (s.files, s.changed, s.errors, s.removals, s.flags),
            (3, 1, 1, 2, 1)
        );
        assert!(s.failed());
        assert_eq!(
            s.line(),
            "1 of 3 files would be cleaned: 2 removals, 1 flag, 1 file could not be checked."
        );
        let clean = Summary::of(&reports[1..2]);
        assert!(!clean.failed());
        assert_eq!(
            clean.line(),
            "1 file checked, nothing to clean: 0 removals, 0 flags."
        );
    }

    #[test]
    fn check_applies_markers_and_per_file_ignores() {
        let engine = Engine::default();
        let text = "T\n\n<!-- decruft: keep J002 -->\nBody.\n";
        let r = FileReport::check("a.txt", text, &engine, &PerFileIgnores::default());
        assert!(!r.changed(), "markers stay in the output");
        assert_eq!(
            r.unused.len(),
            1,
            "nothing to keep: the marker is reported unused"
        );
        let (span, _) = r.located_unused()[0];
        assert_eq!((span.start.line, span.start.column), (3, 1));
    }
}
