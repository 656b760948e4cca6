//! Unified diffs in `git diff` style, so that reviewers read them with the tools they know.

use similar::TextDiff;

/// The unified diff of `old` against `new` with `git diff` file headers; empty when equal.
pub fn unified(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let diff = TextDiff::from_lines(old, new);
    let mut out = format!("diff --git a/{path} b/{path}\n");
    let body = diff
        .unified_diff()
        .context_radius(3)
        .missing_newline_hint(true)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string();
    out.push_str(&body);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_give_no_diff() {
        assert_eq!(unified("a.txt", "x\n", "x\n"), "");
    }

    #[test]
    fn git_style_headers_and_hunks() {
        let d = unified("dir/a.txt", "T\n\nX\nbody\n", "T\n\nbody\n");
        assert_eq!(d, "diff --git a/dir/a.txt b/dir/a.txt\n--- a/dir/a.txt\n+++ b/dir/a.txt\n@@ -1,4 +1,3 @@\n T\n \n-X\n body\n");
    }
}
