//! Colour for diffs on a terminal, so removals stand out when a reviewer reads them.
//!
//! Colour is applied to finished diff text, line by line, so the coloured and plain forms can
//! never disagree on content.

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const CYAN: &str = "\x1b[36m";

/// `diff` (as made by [`unified`](super::diff::unified)) with ANSI colours: file headers bold,
/// hunk headers cyan, removed lines red, added lines green.
pub fn diff(diff: &str) -> String {
    let mut out = String::with_capacity(diff.len() + diff.len() / 8);
    // `---`/`+++` are headers only before a file's first hunk; inside a hunk a removed line
    // may itself start with `--`
    let mut in_header = false;
    for line in diff.split_inclusive('\n') {
        let (content, eol) = match line.strip_suffix('\n') {
            Some(c) => (c, "\n"),
            None => (line, ""),
        };
        let style = if content.starts_with("diff --git ") {
            in_header = true;
            BOLD
        } else if in_header && (content.starts_with("--- ") || content.starts_with("+++ ")) {
            BOLD
        } else if content.starts_with("@@") {
            in_header = false;
            CYAN
        } else if content.starts_with('-') {
            RED
        } else if content.starts_with('+') {
            GREEN
        } else {
            ""
        };
        if style.is_empty() {
            out.push_str(line);
        } else {
            // the colour ends before a `\r` so a CRLF diff does not carry codes past the line
            let (text, cr) = match content.strip_suffix('\r') {
                Some(t) => (t, "\r"),
                None => (content, ""),
            };
            out.push_str(style);
            out.push_str(text);
            out.push_str(RESET);
            out.push_str(cr);
            out.push_str(eol);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_each_kind_of_line() {
        let d = "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,1 @@\n T\n--- rule\n+new\n";
        assert_eq!(
            diff(d),
            "\x1b[1mdiff --git a/x b/x\x1b[0m\n\x1b[1m--- a/x\x1b[0m\n\x1b[1m+++ b/x\x1b[0m\n\
             \x1b[36m@@ -1,2 +1,1 @@\x1b[0m\n T\n\x1b[31m--- rule\x1b[0m\n\x1b[32m+new\x1b[0m\n"
        );
    }
}
