//! GitHub Actions workflow commands, which GitHub turns into annotations on the pull
//! request's changed lines: removals are warnings, flags notices, unreadable files errors.

use super::{FileReport, Located, Summary};

/// Escapes a command's message (GitHub's `escapeData`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property such as `file=` or `title=` (GitHub's `escapeProperty`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(kind: &str, props: &[(&str, String)], message: &str) -> String {
    let props: Vec<String> = props
        .iter()
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect();
    format!("::{kind} {}::{}\n", props.join(","), escape_data(message))
}

fn finding_command(path: &str, l: &Located<'_>) -> String {
    let f = l.finding;
    let kind = if f.action.removes() {
        "warning"
    } else {
        "notice"
    };
    let mut props = vec![
        ("file", path.to_string()),
        ("line", l.span.start.line.to_string()),
        ("endLine", l.span.last_line.to_string()),
    ];
    // GitHub only places columns on single-line annotations
    if l.span.start.line == l.span.last_line {
        props.push(("col", l.span.start.column.to_string()));
        props.push((
            "endColumn",
            l.span
                .end
                .column
                .saturating_sub(1)
                .max(l.span.start.column)
                .to_string(),
        ));
    }
    props.push(("title", format!("{} {}", f.code, f.name)));
    let verb = if f.action.removes() {
        "would remove"
    } else {
        "flagged"
    };
    let message = format!(
        "{}: {verb} \"{}\"",
        f.message,
        super::excerpt(l.excerpt, 80)
    );
    command(kind, &props, &message)
}

/// The workflow commands for every file, then the summary as a plain log line.
pub fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for r in reports {
        if let Some(e) = &r.error {
            out.push_str(&command(
                "error",
                &[("file", r.path.clone()), ("title", "decruft".into())],
                e,
            ));
            continue;
        }
        let located = r.located();
        for l in &located {
            out.push_str(&finding_command(&r.path, l));
        }
        for (span, u) in r.located_unused() {
            let props = [
                ("file", r.path.clone()),
                ("line", span.start.line.to_string()),
                ("title", "unused-keep".to_string()),
            ];
            out.push_str(&command("warning", &props, &u.message()));
        }
        if r.changed() && !located.iter().any(|l| l.finding.action.removes()) {
            let props = [("file", r.path.clone()), ("title", "layout".to_string())];
            out.push_str(&command(
                "notice",
                &props,
                "cleaning would only change the layout (blank lines, spacing)",
            ));
        }
    }
    out.push_str(&Summary::of(reports).line());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn one_command_per_finding_and_error() {
        let out = render(&sample());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            vec![
                "::warning file=news/rain day.txt,line=3,endLine=3,col=1,endColumn=5,title=J002 share-widget::a line that is only a share label: would remove \"Share\"",
                "::notice file=news/rain day.txt,line=4,endLine=4,col=26,endColumn=29,title=S005 repeated-keyword::\"100%25\" repeats, 3 times: a, b: flagged \"100%25\"",
                "::warning file=news/rain day.txt,line=5,endLine=5,col=1,endColumn=10,title=J003 story-navigation::a link to the next story: would remove \"Next Story\"",
                "::error file=bad<&>.txt,title=decruft::cannot read: invalid UTF-8 at byte 3",
                "1 of 3 files would be cleaned: 2 removals, 1 flag, 1 file could not be checked.",
            ]
        );
    }

    #[test]
    fn escaping_follows_github() {
        assert_eq!(
            escape_data("50% off\r\nnow: a,b"),
            "50%25 off%0D%0Anow: a,b"
        );
        assert_eq!(
            escape_property("dir:x/a,b%.txt\n"),
            "dir%3Ax/a%2Cb%25.txt%0A"
        );
        let text = "T\n\nShare\n";
        let r = report(
            "we, the: 100%.txt",
            text,
            vec![finding(text, &SHARE, "Share", "line one\nline two, 5%")],
        );
        let out = render(&[r]);
        let first = out.lines().next().unwrap();
        assert!(
            first.starts_with("::warning file=we%2C the%3A 100%25.txt,line=3,"),
            "{first}"
        );
        assert!(
            first.contains("::line one%0Aline two, 5%25: would remove"),
            "{first}"
        );
        assert_eq!(
            out.lines().count(),
            2,
            "a message never breaks the command onto two lines"
        );
    }

    #[test]
    fn multi_line_findings_have_no_columns() {
        let text = "T\n\nShare\nNext Story\nBody.\n";
        let r = report(
            "a.txt",
            text,
            vec![finding(text, &SHARE, "Share\nNext Story", "a box")],
        );
        let out = render(&[r]);
        assert!(
            out.starts_with("::warning file=a.txt,line=3,endLine=4,title=J002 share-widget::"),
            "{out}"
        );
    }

    #[test]
    fn layout_only_changes_get_a_notice() {
        let r = report("a.txt", "T\n\n\n\nBody.\n", Vec::new());
        assert!(r.changed());
        let out = render(&[r]);
        assert!(
            out.starts_with("::notice file=a.txt,title=layout::"),
            "{out}"
        );
    }
}
