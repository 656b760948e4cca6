//! Unified diffs in `git diff` style, so that reviewers read them with the tools they know.

use std::fmt::Write as _;
use std::ops::Range;

use similar::{ChangeTag, TextDiff};

/// The unified diff of `old` against `new` with `git diff` file headers; empty when equal.
///
/// Lines end at `\n` only, as `patch` and `git apply` read them: a lone `\r` (an old Mac line
/// end, or a stray one in scraped text) stays inside its line, so the diff always applies to
/// the input and gives `new`.
pub fn unified(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let diff = TextDiff::from_slices(&a, &b);
    let mut out = format!("diff --git a/{path} b/{path}\n--- a/{path}\n+++ b/{path}\n");
    for group in diff.grouped_ops(3) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let _ = writeln!(
            out,
            "@@ -{} +{} @@",
            hunk_range(first.old_range().start..last.old_range().end),
            hunk_range(first.new_range().start..last.new_range().end)
        );
        for op in &group {
            for change in diff.iter_changes(op) {
                out.push(match change.tag() {
                    ChangeTag::Equal => ' ',
                    ChangeTag::Delete => '-',
                    ChangeTag::Insert => '+',
                });
                let line = change.value();
                out.push_str(line);
                if !line.ends_with('\n') {
                    out.push_str("\n\\ No newline at end of file\n");
                }
            }
        }
    }
    out
}

/// A hunk's line range as unified diffs write it: `start,len` (1-based), `start` alone for one
/// line, and the line before for an empty range.
fn hunk_range(r: Range<usize>) -> String {
    match r.len() {
        0 => format!("{},0", r.start),
        1 => format!("{}", r.start + 1),
        n => format!("{},{n}", r.start + 1),
    }
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

    #[test]
    fn a_lone_carriage_return_stays_inside_its_line() {
        // lines split at a lone \r would print `-a\r-b` as one line, which no patch tool reads
        let d = unified("a.txt", "a\rb\nkeep\n", "keep\n");
        assert_eq!(
            d,
            "diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1 @@\n-a\rb\n keep\n"
        );
        let d = unified("a.txt", "\r", "");
        assert_eq!(
            d,
            "diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1 +0,0 @@\n-\r\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn missing_final_newlines_are_marked_on_either_side() {
        let d = unified("a.txt", "T\n\nbody", "T\n\nbody\n");
        assert_eq!(
            d,
            "diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,3 @@\n T\n \n-body\n\\ No newline at end of file\n+body\n"
        );
    }
}
