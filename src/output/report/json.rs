//! JSON reports for scripts: one document for the whole run, or one object per file per line
//! (JSON Lines) for streaming into tools such as `jq -c` or a data warehouse.
//!
//! The field names are part of the interface: add fields, never rename them.

use serde::Serialize;

use super::{FileReport, Pos, Summary};

/// One file in the JSON report.
#[derive(Debug, Serialize)]
pub struct FileJson<'r> {
    pub path: &'r str,
    /// `clean`, `changed` or `error`.
    pub status: &'static str,
    pub error: Option<&'r str>,
    pub findings: Vec<FindingJson<'r>>,
    pub suppressed: usize,
    pub ignored: usize,
    pub unused_markers: Vec<UnusedJson>,
    /// The unified diff, empty when the file would not change.
    pub diff: String,
}

#[derive(Debug, Serialize)]
pub struct FindingJson<'r> {
    pub code: &'r str,
    pub name: &'r str,
    pub action: &'static str,
    pub message: &'r str,
    /// The text the finding covers.
    pub text: &'r str,
    pub start: Pos,
    /// Exclusive: the position after the last character.
    pub end: Pos,
}

#[derive(Debug, Serialize)]
pub struct UnusedJson {
    pub start: Pos,
    pub codes: Vec<String>,
    pub message: String,
}

#[derive(Debug, Serialize)]
struct Document<'r> {
    tool: Tool,
    summary: Summary,
    files: Vec<FileJson<'r>>,
}

#[derive(Debug, Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

/// The JSON view of one file.
pub fn file(r: &FileReport) -> FileJson<'_> {
    let status = if r.error.is_some() {
        "error"
    } else if r.changed() {
        "changed"
    } else {
        "clean"
    };
    FileJson {
        path: &r.path,
        status,
        error: r.error.as_deref(),
        findings: r
            .located()
            .into_iter()
            .map(|l| FindingJson {
                code: &l.finding.code,
                name: &l.finding.name,
                action: l.finding.action.as_str(),
                message: &l.finding.message,
                text: l.excerpt,
                start: l.span.start,
                end: l.span.end,
            })
            .collect(),
        suppressed: r.suppressed,
        ignored: r.ignored,
        unused_markers: r
            .located_unused()
            .into_iter()
            .map(|(span, u)| UnusedJson {
                start: span.start,
                codes: u.codes.clone(),
                message: u.message(),
            })
            .collect(),
        diff: r.diff(),
    }
}

/// One pretty-printed document: `{"tool", "summary", "files": [...]}`.
pub fn render(reports: &[FileReport]) -> String {
    let doc = Document {
        tool: Tool {
            name: "decruft",
            version: env!("CARGO_PKG_VERSION"),
        },
        summary: Summary::of(reports),
        files: reports.iter().map(file).collect(),
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("the report serializes");
    out.push('\n');
    out
}

/// One compact object per file, one per line.
pub fn render_lines(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        out.push_str(&serde_json::to_string(&file(r)).expect("the report serializes"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;
    use serde_json::Value;

    #[test]
    fn the_document_has_summary_and_every_file() {
        let v: Value = serde_json::from_str(&render(&sample())).unwrap();
        assert_eq!(v["tool"]["name"], "decruft");
        assert_eq!(v["summary"]["changed"], 1);
        assert_eq!(v["summary"]["errors"], 1);
        let files = v["files"].as_array().unwrap();
        assert_eq!(files.len(), 3);
        let a = &files[0];
        assert_eq!(a["path"], "news/rain day.txt");
        assert_eq!(a["status"], "changed");
        assert!(a["error"].is_null());
        let f = &a["findings"];
        assert_eq!(f.as_array().unwrap().len(), 3);
        assert_eq!(f[0]["code"], "J002");
        assert_eq!(f[0]["action"], "drop-line");
        assert_eq!(f[0]["text"], "Share");
        assert_eq!(f[0]["start"]["line"], 3);
        assert_eq!(f[0]["start"]["column"], 1);
        assert_eq!(f[0]["end"]["column"], 6);
        assert_eq!(f[1]["action"], "flag");
        assert_eq!(f[1]["message"], "\"100%\" repeats, 3 times: a, b");
        assert!(a["diff"]
            .as_str()
            .unwrap()
            .starts_with("diff --git a/news/rain day.txt"));
        assert_eq!(files[1]["status"], "clean");
        assert_eq!(files[1]["diff"], "");
        assert_eq!(files[2]["status"], "error");
        assert_eq!(files[2]["error"], "cannot read: invalid UTF-8 at byte 3");
        assert_eq!(files[2]["path"], "bad<&>.txt");
    }

    #[test]
    fn json_lines_has_one_object_per_file() {
        let out = render_lines(&sample());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3);
        for (line, path) in lines
            .iter()
            .zip(["news/rain day.txt", "clean.txt", "bad<&>.txt"])
        {
            let v: Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["path"], path);
        }
    }

    #[test]
    fn unused_markers_are_listed() {
        let engine = crate::Engine::default();
        let r = FileReport::check(
            "m.txt",
            "T\n\nBody <!-- decruft: keep J002 -->\n",
            &engine,
            &Default::default(),
        );
        let v: Value = serde_json::from_str(&render_lines(&[r])).unwrap();
        let u = &v["unused_markers"][0];
        assert_eq!(u["codes"][0], "J002");
        assert_eq!(u["start"]["line"], 3);
        assert_eq!(u["start"]["column"], 6);
    }
}
