//! The JSON report: one object per input, for pipelines that post-process what was removed.
//!
//! Offsets are byte offsets into the input exactly as read (after lossy UTF-8 decoding), and
//! every finding carries the text it matched, so a consumer can check or replay a removal
//! without re-running the rules.

use serde::Serialize;

use crate::engine::Cleaned;

/// The report for one input, written as one line of JSON.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// The input as given (`-` for standard input).
    pub path: &'a str,
    /// The clean title.
    pub title: &'a str,
    /// The clean body, without the title.
    pub text: &'a str,
    /// Every finding, removed or only flagged, in input order.
    pub findings: Vec<FindingReport<'a>>,
}

/// One finding in the report.
#[derive(Debug, Serialize)]
pub struct FindingReport<'a> {
    pub code: &'a str,
    pub name: &'a str,
    /// `drop-line`, `drop-span` or `flag`.
    pub action: &'static str,
    /// 1-based line of the finding's start.
    pub line: usize,
    /// Byte offset of the start in the input.
    pub start: usize,
    /// Byte offset of the end in the input (exclusive).
    pub end: usize,
    /// The input text the finding covers.
    pub text: &'a str,
    pub message: &'a str,
}

impl<'a> Report<'a> {
    /// The report of `cleaned`, the result of cleaning `input` read from `path`.
    pub fn new(path: &'a str, input: &'a str, cleaned: &'a Cleaned) -> Self {
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(input.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let findings = cleaned
            .findings
            .iter()
            .map(|f| FindingReport {
                code: &f.code,
                name: &f.name,
                action: f.action.as_str(),
                line: line_starts.partition_point(|&s| s <= f.range.start),
                start: f.range.start,
                end: f.range.end,
                text: input.get(f.range.clone()).unwrap_or(""),
                message: &f.message,
            })
            .collect();
        Report {
            path,
            title: &cleaned.title,
            text: &cleaned.body,
            findings,
        }
    }

    /// The report as one line of JSON, without the newline.
    pub fn to_line(&self) -> String {
        serde_json::to_string(self).expect("a report is plain data and always serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Action, Finding};
    use std::borrow::Cow;

    #[test]
    fn lines_offsets_and_matched_text() {
        let input = "Title\n\nBody with junk here.\nmore\n";
        let start = input.find("junk").unwrap();
        let cleaned = Cleaned {
            title: "Title".into(),
            body: "Body with here.\nmore".into(),
            text: String::new(),
            findings: vec![Finding {
                code: Cow::Borrowed("U001"),
                name: Cow::Borrowed("junk-word"),
                range: start..start + 4,
                action: Action::DropSpan,
                message: "a test finding".into(),
            }],
        };
        let v: serde_json::Value =
            serde_json::from_str(&Report::new("a.txt", input, &cleaned).to_line()).unwrap();
        assert_eq!(v["path"], "a.txt");
        assert_eq!(v["title"], "Title");
        assert_eq!(v["text"], "Body with here.\nmore");
        let f = &v["findings"][0];
        assert_eq!(f["line"], 3);
        assert_eq!(f["start"], start);
        assert_eq!(f["end"], start + 4);
        assert_eq!(f["text"], "junk");
        assert_eq!(f["action"], "drop-span");
        assert_eq!(f["code"], "U001");
        assert_eq!(f["name"], "junk-word");
        assert_eq!(f["message"], "a test finding");
    }
}
