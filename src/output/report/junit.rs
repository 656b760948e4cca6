//! JUnit XML, which most CI systems (GitLab, Jenkins, Azure, CircleCI) show as a test list:
//! one test case per file, failing when cleaning would change the file (the failure body is
//! the same listing and diff as the text report), erroring when it could not be checked.

use super::{text, FileReport, Summary};

/// `s` as XML character data: markup escaped, and characters XML 1.0 forbids (control
/// characters scraped pages do contain) replaced, so that the document always parses.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(xml_char(c)),
        }
    }
    out
}

/// `s` as an attribute value in double quotes; line breaks and tabs become character
/// references so that parsers do not normalise them to spaces.
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(xml_char(c)),
        }
    }
    out
}

fn xml_char(c: char) -> char {
    let allowed = matches!(c, '\t' | '\n' | '\r')
        || ('\u{20}'..='\u{D7FF}').contains(&c)
        || ('\u{E000}'..='\u{FFFD}').contains(&c)
        || c >= '\u{10000}';
    if allowed {
        c
    } else {
        '\u{FFFD}'
    }
}

fn failure_message(r: &FileReport) -> String {
    let Some(c) = &r.cleaned else {
        return String::new();
    };
    let removals = c.removals().count();
    let mut codes: Vec<&str> = c.removals().map(|f| f.code.as_ref()).collect();
    codes.sort_unstable();
    codes.dedup();
    if removals == 0 {
        "cleaning would change the layout".to_string()
    } else {
        format!(
            "would remove {removals} item{} ({})",
            if removals == 1 { "" } else { "s" },
            codes.join(", ")
        )
    }
}

/// The whole JUnit document.
pub fn render(reports: &[FileReport]) -> String {
    let s = Summary::of(reports);
    let failures = reports.iter().filter(|r| r.changed()).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"decruft\" tests=\"{}\" failures=\"{failures}\" errors=\"{}\">\n",
        s.files, s.errors
    ));
    out.push_str(&format!(
        "  <testsuite name=\"decruft check\" tests=\"{}\" failures=\"{failures}\" errors=\"{}\" skipped=\"0\">\n",
        s.files, s.errors
    ));
    for r in reports {
        let path = escape_attr(&r.path);
        out.push_str(&format!(
            "    <testcase name=\"{path}\" classname=\"decruft.check\" file=\"{path}\""
        ));
        let block = text::file_block(r);
        if let Some(e) = &r.error {
            out.push_str(&format!(
                ">\n      <error message=\"{}\" type=\"unreadable\">{}</error>\n    </testcase>\n",
                escape_attr(e),
                escape_text(&block)
            ));
        } else if r.changed() {
            out.push_str(&format!(
                ">\n      <failure message=\"{}\" type=\"would-change\">{}</failure>\n    </testcase>\n",
                escape_attr(&failure_message(r)),
                escape_text(&block)
            ));
        } else if !block.is_empty() {
            // flags and unused markers do not fail a file, but they are shown
            out.push_str(&format!(
                ">\n      <system-out>{}</system-out>\n    </testcase>\n",
                escape_text(&block)
            ));
        } else {
            out.push_str("/>\n");
        }
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(
            escape_text("a<b>&c \"q\" 'x'"),
            "a&lt;b&gt;&amp;c \"q\" 'x'"
        );
        assert_eq!(
            escape_attr("a<b>&\"'\n\r\t"),
            "a&lt;b&gt;&amp;&quot;&apos;&#10;&#13;&#9;"
        );
        assert_eq!(
            escape_text("form\u{c}feed\u{0}"),
            "form\u{FFFD}feed\u{FFFD}"
        );
        assert_eq!(escape_text("]]> ok"), "]]&gt; ok");
        assert_eq!(escape_text("emoji 😀 kept"), "emoji 😀 kept");
    }

    #[test]
    fn one_testcase_per_file_with_failure_and_error() {
        let out = render(&sample());
        assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"decruft\" tests=\"3\" failures=\"1\" errors=\"1\">\n"), "{out}");
        assert_eq!(out.matches("<testcase ").count(), 3);
        assert!(out.contains("<testcase name=\"news/rain day.txt\" classname=\"decruft.check\" file=\"news/rain day.txt\">\n      <failure message=\"would remove 2 items (J002, J003)\" type=\"would-change\">"), "{out}");
        assert!(
            out.contains("&quot;100%&quot;") || out.contains("\"100%\""),
            "{out}"
        );
        assert!(
            out.contains("-Next Story\n"),
            "the diff is in the failure body"
        );
        assert!(
            out.contains(
                "<testcase name=\"clean.txt\" classname=\"decruft.check\" file=\"clean.txt\"/>"
            ),
            "{out}"
        );
        assert!(
            out.contains("<testcase name=\"bad&lt;&amp;&gt;.txt\""),
            "{out}"
        );
        assert!(out.contains("<error message=\"cannot read: invalid UTF-8 at byte 3\" type=\"unreadable\">bad&lt;&amp;&gt;.txt: error: "), "{out}");
    }
}
