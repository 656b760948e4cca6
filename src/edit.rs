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
    let mut taken = Vec::with_capacity(edits.len());
    let out = splice(text, order.iter().map(|&i| &edits[i]), |k| taken.push(k));
    let mut applied: Vec<usize> = taken.into_iter().map(|k| order[k]).collect();
    applied.sort_unstable();
    (out, applied)
}

/// The text of [`apply`], without the list of edits applied. Edits made from sorted
/// findings mostly come in the order `apply` takes them, and then neither the index sort
/// nor its two vectors are needed.
pub fn apply_text(text: &str, edits: &[Edit]) -> String {
    let key = |e: &Edit| (e.range.start, std::cmp::Reverse(e.range.end));
    if edits.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        splice(text, edits, |_| {})
    } else {
        apply(text, edits).0
    }
}

/// Applies `edits` taken in the order given, skipping one that overlaps an edit taken
/// before it (or lies outside the text); `taken(k)` hears of the k-th edit applied.
fn splice<'e>(
    text: &str,
    edits: impl IntoIterator<Item = &'e Edit>,
    mut taken: impl FnMut(usize),
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for (k, e) in edits.into_iter().enumerate() {
        if e.range.start < cursor || e.range.end > text.len() || e.range.start > e.range.end {
            continue;
        }
        out.push_str(&text[cursor..e.range.start]);
        out.push_str(&e.replacement);
        cursor = e.range.end;
        taken(k);
    }
    out.push_str(&text[cursor..]);
    out
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
        // an abbreviation's point before the span ends the sentence once the span is gone:
        // the sentence's own stop after it goes too (`after 3 p.m., adding ...X.` -> `after
        // 3 p.m.`, not `p.m..`)
        let doubled = next == Some('.')
            && !after[spaces_after + 1..].starts_with('.')
            && before[..before.len() - spaces_before].ends_with('.');
        (
            span.start - spaces_before,
            span.end + usize::from(doubled) * (spaces_after + 1),
        )
    } else {
        (span.start, span.end + spaces_after)
    };
    // a label cut from a sentence's start leaves the sentence's next word first: it takes
    // the capital the sentence starts with (`News: the plan ...` -> `The plan ...`), at a
    // line's start or after the stop of the sentence before (`said. News: the plan`)
    let opens = if at_line_start {
        starts_sentence(before)
    } else {
        spaces_before > 0 && ends_sentence(&before[..before.len() - spaces_before])
    };
    if opens {
        if let Some(c) = next.filter(|c| c.is_lowercase()) {
            let upper: String = c.to_uppercase().collect();
            return Edit {
                range: start..end + c.len_utf8(),
                replacement: upper,
            };
        }
    }
    Edit::delete(start..end)
}

/// Whether `before` ends with a sentence's stop: `!`, `?`, or a full stop that closes no
/// abbreviation (`U.S.`, `a.m.`, `Inc.`, `Dr.`).
pub(crate) fn ends_sentence(before: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "co", "corp", "ltd", "plc", "vs", "no",
        "gen", "gov", "sen", "rep", "prof", "rev", "col", "lt", "sgt", "capt", "mt", "ft", "jan",
        "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "etc",
    ];
    const _: () = {
        let mut i = 0;
        while i < ABBREVIATIONS.len() {
            assert!(ABBREVIATIONS[i].len() <= 6);
            i += 1;
        }
    };
    if before.ends_with(['!', '?']) {
        return true;
    }
    let Some(word) = before.strip_suffix('.') else {
        return false;
    };
    // after the last whitespace character, which may take more than a byte (U+00A0)
    let word = word
        .rsplit_once(char::is_whitespace)
        .map_or(word, |(_, w)| w);
    let word = word.trim_start_matches(['(', '"', '\'', '\u{201c}', '\u{2018}']);
    // an initial (`J.`) is a letter alone
    let mut chars = word.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
    // the list is asked only of a word as short as its longest
    !(word.is_empty()
        || word.contains('.')
        || initial
        || (word.len() <= 6 && ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a))))
}

/// Whether a line that follows `before` starts a sentence: it opens the text or a
/// paragraph, or the line before it ends in a stop (a line broken inside a sentence goes on
/// in lower case).
pub(crate) fn starts_sentence(before: &str) -> bool {
    let prev = before.trim_end();
    let breaks = before[prev.len()..].matches('\n').count();
    prev.is_empty() || breaks >= 2 || prev.ends_with(['.', '!', '?', ':', '"', '\u{201d}', ')'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_ends_after_the_last_word_whatever_space_stands_before_it() {
        assert!(ends_sentence("The boats left."));
        assert!(ends_sentence("Did they leave?"));
        assert!(!ends_sentence("They met Dr."));
        assert!(!ends_sentence("signed by J."));
        // the word before the stop follows a space of two or three bytes
        assert!(ends_sentence("The boats\u{a0}left."));
        assert!(!ends_sentence("They met\u{a0}Dr."));
        assert!(!ends_sentence("signed by\u{3000}J."));
        assert!(ends_sentence("\u{2009}left."));
        assert!(!ends_sentence("\u{a0}."));
    }

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

    #[test]
    fn apply_text_agrees_with_apply_in_any_order() {
        let text = "0123456789abcdef";
        let sets = [
            vec![],
            vec![Edit::delete(1..3), Edit::delete(5..7)],
            vec![Edit::delete(5..7), Edit::delete(1..3)],
            vec![Edit::delete(1..2), Edit::delete(1..4), Edit::delete(3..6)],
            vec![Edit::delete(1..4), Edit::delete(1..2), Edit::delete(2..9)],
            vec![
                Edit {
                    range: 2..2,
                    replacement: "+".into(),
                },
                Edit::delete(2..5),
                Edit::delete(14..30),
                // a reversed range, which apply skips
                Edit::delete(Range { start: 9, end: 8 }),
            ],
        ];
        for edits in sets {
            assert_eq!(apply_text(text, &edits), apply(text, &edits).0, "{edits:?}");
        }
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
        assert_eq!(remove("Big Phrase starts it.", "Big Phrase"), "Starts it.");
        assert_eq!(
            remove("Title\n\nBig Phrase: the plan works.", "Big Phrase:"),
            "Title\n\nThe plan works."
        );
        assert_eq!(
            remove("One.\nBig Phrase éclairs sell.", "Big Phrase"),
            "One.\nÉclairs sell."
        );
        // a line broken inside a sentence goes on as it was
        assert_eq!(
            remove("It was\nBig Phrase the plan.", "Big Phrase"),
            "It was\nthe plan."
        );
        // after the stop of the sentence before, on the same line
        assert_eq!(
            remove("It rose, he said. Big Phrase: shares fell.", "Big Phrase:"),
            "It rose, he said. Shares fell."
        );
        assert_eq!(
            remove("Is it? Big Phrase: yes.", "Big Phrase:"),
            "Is it? Yes."
        );
        // not after an abbreviation's point
        for (text, out) in [
            ("the U.S. Big Phrase talks", "the U.S. talks"),
            ("by Acme Inc. Big Phrase units", "by Acme Inc. units"),
            ("Dr. Big Phrase smith", "Dr. smith"),
            ("J. Big Phrase smith", "J. smith"),
        ] {
            assert_eq!(remove(text, "Big Phrase"), out);
        }
        assert_eq!(
            remove("two  spaces Big Phrase  here", "Big Phrase"),
            "two  spaces here"
        );
        // an abbreviation's point ends the sentence once the span after it goes; another
        // stop stays
        for (text, span, out) in [
            (
                "after 3 p.m., Big Phrase. Next",
                ", Big Phrase",
                "after 3 p.m. Next",
            ),
            (
                "made by Acme Inc. Big Phrase.",
                "Big Phrase",
                "made by Acme Inc.",
            ),
            ("at 3 p.m., Big Phrase!", ", Big Phrase", "at 3 p.m.!"),
            ("it rose. Big Phrase.", "Big Phrase", "it rose."),
        ] {
            assert_eq!(remove(text, span), out, "{text}");
        }
    }
}
