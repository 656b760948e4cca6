//! The default report: a listing of findings, then each file's unified diff with the rule
//! codes on its hunk headers, then a summary line.
//!
//! Reviewers read it as a diff, and `git apply` still accepts it: the listing lines come
//! before each `diff --git` header, where patch tools skip text, and the codes sit in the
//! hunk header's trailing section, which patch tools ignore (git puts function names there).

use super::{FileReport, Located, Summary};

/// The whole report.
pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        out.push_str(&file_block(r));
    }
    out.push_str(&Summary::of(reports).line());
    out.push('\n');
    out
}

/// One file's part: its findings, one per line, then its annotated diff.
pub fn file_block(r: &FileReport) -> String {
    let mut out = String::new();
    if let Some(e) = &r.error {
        out.push_str(&format!("{}: error: {}\n", r.path, one_line(e)));
        return out;
    }
    let located = r.located();
    for l in &located {
        out.push_str(&listing_line(&r.path, l));
    }
    for (span, u) in r.located_unused() {
        out.push_str(&format!(
            "{}:{}:{}: unused-keep {}\n",
            r.path,
            span.start.line,
            span.start.column,
            u.message()
        ));
    }
    out.push_str(&annotate(&r.diff(), &located));
    out
}

/// `path:line:col: CODE name [action] message: "excerpt"`, the shape editors and CI logs
/// turn into links.
pub fn listing_line(path: &str, l: &Located<'_>) -> String {
    let f = l.finding;
    format!(
        "{path}:{}:{}: {} {} [{}] {}: \"{}\"\n",
        l.span.start.line,
        l.span.start.column,
        f.code,
        f.name,
        f.action,
        one_line(&f.message),
        super::excerpt(l.excerpt, 60)
    )
}

fn one_line(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\n', '\r'], " ")
}

/// `diff` with the codes of the removals in each hunk appended to its `@@` line.
pub fn annotate(diff: &str, located: &[Located<'_>]) -> String {
    let mut out = String::with_capacity(diff.len() + 64);
    for line in diff.split_inclusive('\n') {
        let Some((start, len)) = line.strip_prefix("@@ ").and_then(old_range) else {
            out.push_str(line);
            continue;
        };
        let mut codes: Vec<String> = Vec::new();
        for l in located.iter().filter(|l| l.finding.action.removes()) {
            let (first, last) = (l.span.start.line, l.span.last_line);
            if len > 0 && first < start + len && last >= start {
                let label = format!("{} {}", l.finding.code, l.finding.name);
                if !codes.contains(&label) {
                    codes.push(label);
                }
            }
        }
        let body = line.trim_end_matches(['\n', '\r']);
        out.push_str(body);
        if !codes.is_empty() {
            out.push(' ');
            out.push_str(&codes.join(", "));
        }
        out.push_str(&line[body.len()..]);
    }
    out
}

/// The old-file line range of a hunk header without its leading `@@ `: `-12,4 +12,2 @@`.
fn old_range(header: &str) -> Option<(usize, usize)> {
    let old = header.strip_prefix('-')?.split(' ').next()?;
    let (start, len) = match old.split_once(',') {
        Some((s, l)) => (s.parse().ok()?, l.parse().ok()?),
        None => (old.parse().ok()?, 1),
    };
    Some((start, len))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn listing_then_annotated_diff_then_summary() {
        let out = render(&sample());
        let expected = "\
news/rain day.txt:3:1: J002 share-widget [drop-line] a line that is only a share label: \"Share\"
news/rain day.txt:4:26: S005 repeated-keyword [flag] \"100%\" repeats, 3 times: a, b: \"100%\"
news/rain day.txt:5:1: J003 story-navigation [drop-line] a link to the next story: \"Next Story\"
diff --git a/news/rain day.txt b/news/rain day.txt
--- a/news/rain day.txt
+++ b/news/rain day.txt
@@ -1,5 +1,3 @@ J002 share-widget, J003 story-navigation
 Rain Hits Town
 \n-Share
 The rain came early, and 100% of the streets flooded.
-Next Story
bad<&>.txt: error: cannot read: invalid UTF-8 at byte 3
1 of 3 files would be cleaned: 2 removals, 1 flag, 1 file could not be checked.
";
        assert_eq!(out, expected);
    }

    #[test]
    fn codes_go_only_on_the_hunks_they_touch() {
        let mut text = String::from("Title\n\nShare\n");
        for i in 0..12 {
            text.push_str(&format!("Paragraph number {i} of the story.\n"));
        }
        text.push_str("Next Story\n");
        let r = report(
            "a.txt",
            &text,
            vec![
                finding(&text, &SHARE, "Share", "m"),
                finding(&text, &NAV, "Next Story", "m"),
            ],
        );
        let out = render(&[r]);
        let headers: Vec<&str> = out.lines().filter(|l| l.starts_with("@@ ")).collect();
        assert_eq!(
            headers,
            vec![
                "@@ -1,6 +1,5 @@ J002 share-widget",
                "@@ -13,4 +12,3 @@ J003 story-navigation"
            ]
        );
    }

    #[test]
    fn crlf_content_lines_keep_their_line_endings_after_annotation() {
        let text = "T\r\n\r\nShare\r\nBody.\r\n";
        let r = report("a.txt", text, vec![finding(text, &SHARE, "Share", "m")]);
        let out = render(&[r]);
        assert!(
            out.contains("@@ -1,4 +1,3 @@ J002 share-widget\n T\r\n \r\n-Share\r\n"),
            "{out:?}"
        );
    }

    #[test]
    fn hunk_header_parsing() {
        assert_eq!(old_range("-12,4 +12,2 @@"), Some((12, 4)));
        assert_eq!(old_range("-3 +3 @@"), Some((3, 1)));
        assert_eq!(old_range("-0,0 +1 @@"), Some((0, 0)));
        assert_eq!(old_range("garbage"), None);
    }

    #[test]
    fn messages_with_newlines_stay_on_one_line() {
        let text = "T\n\nShare\nBody.\n";
        let r = report(
            "a.txt",
            text,
            vec![finding(text, &SHARE, "Share", "two\nlines\r\nhere")],
        );
        let out = render(&[r]);
        assert!(
            out.starts_with("a.txt:3:1: J002 share-widget [drop-line] two lines here: \"Share\"\n"),
            "{out}"
        );
    }
}
