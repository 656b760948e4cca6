//! Fixes as data.
//!
//! Rules never mutate text. They report [`Finding`](crate::rules::Finding)s; the engine turns
//! the removing ones into [`Edit`]s and [`apply`] is the one place where text changes. Keeping
//! it in one function makes the result deterministic (sorted, overlaps skipped the same way
//! every time) and lets the diff, the JSON report and the clean text agree by construction.

use std::ops::Range;

/// Replace `range` of the input with `replacement` (empty for a removal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

impl Edit {
    pub fn delete(range: Range<usize>) -> Self {
        Edit {
            range,
            replacement: String::new(),
        }
    }
}

/// Applies `edits` to `text`: sorted by start (the longer first on ties), an edit that overlaps
/// one already taken is skipped. Returns the new text and the indices (into `edits`) applied.
pub fn apply(text: &str, edits: &[Edit]) -> (String, Vec<usize>) {
    let mut order: Vec<usize> = (0..edits.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&edits[a].range, &edits[b].range);
        ra.start
            .cmp(&rb.start)
            .then(rb.end.cmp(&ra.end))
            .then(a.cmp(&b))
    });
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    let mut applied = Vec::with_capacity(edits.len());
    for i in order {
        let e = &edits[i];
        if e.range.start < cursor || e.range.end > text.len() || e.range.start > e.range.end {
            continue;
        }
        out.push_str(&text[cursor..e.range.start]);
        out.push_str(&e.replacement);
        cursor = e.range.end;
        applied.push(i);
    }
    out.push_str(&text[cursor..]);
    applied.sort_unstable();
    (out, applied)
}

/// The edit that removes the words in `span` from a line of `text` and leaves the spacing
/// around it right: `gave X a` -> `gave a`, `respond to X, however` -> `respond to, however`.
pub fn span_removal(text: &str, span: Range<usize>) -> Edit {
    let before = &text[..span.start];
    let after = &text[span.end..];
    let spaces_before = before.len() - before.trim_end_matches([' ', '\t']).len();
    let spaces_after = after.len() - after.trim_start_matches([' ', '\t']).len();
    let next = after[spaces_after..].chars().next();
    let prev = before[..before.len() - spaces_before].chars().next_back();
    let at_line_start = prev.is_none_or(|c| c == '\n');
    let closes_clause =
        next.is_none_or(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | '\r' | '\n'));
    // before closing punctuation the spaces in front go ("ends with X." -> "ends with.");
    // otherwise the spaces behind go, so the words either side keep one separator
    let (start, end) = if closes_clause && !at_line_start {
        (span.start - spaces_before, span.end)
    } else {
        (span.start, span.end + spaces_after)
    };
    Edit::delete(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apply_sorts_and_skips_overlaps() {
        let text = "0123456789";
        let edits = vec![
            Edit {
                range: 5..7,
                replacement: "x".into(),
            },
            Edit::delete(1..3),
            Edit::delete(2..6), // overlaps 1..3: skipped
            Edit::delete(8..10),
        ];
        let (out, applied) = apply(text, &edits);
        assert_eq!(out, "034x7");
        assert_eq!(applied, vec![0, 1, 3]);
    }

    #[test]
    fn apply_prefers_the_longer_edit_at_the_same_start() {
        let (out, applied) = apply("abcdef", &[Edit::delete(1..2), Edit::delete(1..4)]);
        assert_eq!(out, "aef");
        assert_eq!(applied, vec![1]);
    }

    #[test]
    fn apply_is_deterministic_whatever_the_input_order() {
        let a = vec![Edit::delete(0..2), Edit::delete(1..3), Edit::delete(4..5)];
        let mut b = a.clone();
        b.reverse();
        assert_eq!(apply("abcdef", &a).0, apply("abcdef", &b).0);
    }

    fn remove(text: &str, phrase: &str) -> String {
        let s = text.find(phrase).unwrap();
        let e = span_removal(text, s..s + phrase.len());
        apply(text, &[e]).0
    }

    #[test]
    fn span_removal_fixes_spacing() {
        assert_eq!(
            remove("gave Big Phrase a nod.", "Big Phrase"),
            "gave a nod."
        );
        assert_eq!(remove("said Big Phrase, then", "Big Phrase"), "said, then");
        assert_eq!(remove("ends with Big Phrase.", "Big Phrase"), "ends with.");
        assert_eq!(remove("Big Phrase starts it.", "Big Phrase"), "starts it.");
        assert_eq!(
            remove("two  spaces Big Phrase  here", "Big Phrase"),
            "two  spaces here"
        );
    }
}
