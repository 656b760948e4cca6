//! What the rules of the late phase ([`Phase::Late`](super::Phase::Late)) see: the text as
//! the rules before them (the first phase's and the earlier late ones) leave it.
//!
//! A rule that compares lines or paragraphs must judge them as they will read in the clean
//! text, or a second run over that text finds what the first did not (a repeat that only
//! shows once a glued junk line or a stuffed clause is gone), and the clean text does not
//! clean to itself.
//! The engine hands the removals over explicitly instead of letting a rule read the findings
//! of rules that happen to run before it.

use std::borrow::Cow;

use crate::document::Document;

use crate::edit::Edit;
use crate::engine::edit_for;
use crate::rules::{Action, Context, Finding};

/// The removals of the rules that ran so far, by line.
#[derive(Debug, Default)]
pub struct Removals {
    /// Per line of the document, whether a removal drops it whole.
    dropped: Vec<bool>,
    /// The span removals (the edits [`edit_for`] makes: a deletion, or one that gives the
    /// next word a sentence's capital), each inside one line, sorted by start.
    spans: Vec<Edit>,
}

impl Removals {
    /// The removals `findings` make in `doc`, exactly as the engine makes them.
    pub fn new(doc: &Document<'_>, findings: &[Finding]) -> Self {
        let mut r = Removals {
            dropped: vec![false; doc.lines().len()],
            spans: Vec::new(),
        };
        r.add(doc, findings);
        r
    }

    /// Adds the removals of `findings` (made after those already here): the same as
    /// [`Removals::new`] over both lists of findings, since the stable sort keeps the
    /// earlier spans first among equal starts.
    pub fn add(&mut self, doc: &Document<'_>, findings: &[Finding]) {
        let Removals { dropped, spans } = self;
        if dropped.len() != doc.lines().len() {
            *dropped = vec![false; doc.lines().len()];
        }
        let old = spans.len();
        for f in findings {
            let Some(e) = edit_for(doc, f) else { continue };
            let first = doc.line_at(e.range.start);
            match f.action {
                Action::DropLine => {
                    let last = doc.line_at(e.range.end.saturating_sub(1).max(e.range.start));
                    for d in dropped.iter_mut().take(last + 1).skip(first) {
                        *d = true;
                    }
                }
                // a removal across a line end changes the paragraph's shape, which no later
                // rule can read off single lines: such (rare) spans are left out
                _ if e.range.end <= doc.lines().get(first).map_or(0, |l| l.range.end) => {
                    spans.push(e);
                }
                _ => {}
            }
        }
        if spans.len() > old {
            spans.sort_by_key(|e| e.range.start);
        }
    }
}

impl<'a> Context<'a> {
    /// The context of the late rules, which see `removals`.
    pub fn with_removals(mut self, removals: Removals) -> Self {
        self.removals = Some(removals);
        self
    }

    /// Takes back the removals handed over by [`with_removals`](Self::with_removals), to
    /// add a late rule's own.
    pub(crate) fn take_removals(&mut self) -> Removals {
        self.removals.take().unwrap_or_default()
    }

    /// Whether the rules before this one drop line `i`. Always false for a rule of the
    /// first phase, which cannot know.
    pub fn line_dropped(&self, i: usize) -> bool {
        self.removals
            .as_ref()
            .is_some_and(|r| r.dropped.get(i).copied().unwrap_or(false))
    }

    /// The text of line `i` without the spans the rules before this one remove from it.
    pub fn line_after_removals(&self, i: usize) -> Cow<'a, str> {
        let doc = self.doc;
        let line = &doc.lines()[i].range;
        let text: &'a str = doc.text();
        let own = &text[line.clone()];
        let Some(r) = &self.removals else {
            return Cow::Borrowed(own);
        };
        let from = r.spans.partition_point(|e| e.range.start < line.start);
        let mut spans = r.spans[from..]
            .iter()
            .take_while(|e| e.range.start < line.end)
            .filter(|e| e.range.end <= line.end)
            .peekable();
        if spans.peek().is_none() {
            return Cow::Borrowed(own);
        }
        // what `edit::apply` makes of these deletions, without its index vectors: the
        // spans come sorted by start, so of those that start at one place the longest is
        // taken, unless one taken before reaches past that start
        let mut out = String::with_capacity(own.len());
        let mut cursor = line.start;
        while let Some(first) = spans.next() {
            let mut taken = first;
            while let Some(next) = spans.next_if(|e| e.range.start == first.range.start) {
                if next.range.end > taken.range.end {
                    taken = next;
                }
            }
            if first.range.start >= cursor {
                out.push_str(&text[cursor..first.range.start]);
                out.push_str(&taken.replacement);
                cursor = taken.range.end;
            }
        }
        out.push_str(&text[cursor..line.end]);
        Cow::Owned(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::rules::RuleMeta;

    static META: RuleMeta = RuleMeta {
        code: "J999",
        name: "test",
        action: Action::DropLine,
        default_enabled: true,
        explanation: "",
    };

    fn finding(text: &str, what: &str, action: Action) -> Finding {
        let at = text.find(what).unwrap();
        Finding::new(&META, at..at + what.len(), "").with_action(action)
    }

    #[test]
    fn the_late_phase_sees_lines_as_the_clean_text_has_them() {
        let t = "Title\n\nShare\nThe fares rise, adding that it was key for Aaa Bbb 2025.\nNext\n";
        let doc = Document::parse(t);
        let settings = Settings::default();
        let found = [
            finding(t, "Share", Action::DropLine),
            finding(
                t,
                ", adding that it was key for Aaa Bbb 2025",
                Action::DropSpan,
            ),
            finding(t, "Next", Action::Flag),
        ];
        let first = Context::new(&doc, &settings);
        assert!(!first.line_dropped(2));
        assert_eq!(
            first.line_after_removals(3),
            &t[doc.lines()[3].range.clone()]
        );
        let late = Context::new(&doc, &settings).with_removals(Removals::new(&doc, &found));
        let dropped: Vec<bool> = (0..doc.lines().len())
            .map(|i| late.line_dropped(i))
            .collect();
        assert_eq!(dropped, [false, false, true, false, false]);
        assert_eq!(late.line_after_removals(3), "The fares rise.");
        assert_eq!(late.line_after_removals(4), "Next");
    }

    #[test]
    fn removals_added_in_two_steps_are_those_of_all_the_findings() {
        let t = "Title\n\nShare\nOne Aaa two Bbb three.\nNext\n";
        let doc = Document::parse(t);
        let found = [
            finding(t, "Bbb", Action::DropSpan),
            finding(t, "Share", Action::DropLine),
            finding(t, "Aaa", Action::DropSpan),
            finding(t, "Next", Action::DropLine),
            finding(t, "two", Action::Flag),
        ];
        for split in 0..=found.len() {
            let mut r = Removals::new(&doc, &found[..split]);
            r.add(&doc, &found[split..]);
            let all = Removals::new(&doc, &found);
            assert_eq!(r.dropped, all.dropped, "split at {split}");
            assert_eq!(r.spans, all.spans, "split at {split}");
        }
    }

    /// Overlapping spans, spans at one start and empty spans read as `edit::apply` makes
    /// them.
    #[test]
    fn a_line_after_removals_is_what_apply_makes_of_its_spans() {
        let t = "Title\n\n0123456789abcdef\nnext line\n";
        let doc = Document::parse(t);
        let settings = Settings::default();
        let at = doc.lines()[2].range.start;
        let sets: [&[(usize, usize)]; 7] = [
            &[(1, 3)],
            &[(1, 3), (1, 5), (2, 4), (6, 6), (6, 8)],
            &[(0, 2), (0, 0), (2, 2), (2, 3), (3, 16)],
            &[(4, 6), (4, 9), (4, 7), (8, 10), (9, 12)],
            &[(5, 5), (5, 5), (7, 9), (7, 9)],
            &[(0, 16)],
            &[(3, 4), (15, 16)],
        ];
        for set in sets {
            let mut spans: Vec<Edit> = set
                .iter()
                .map(|&(s, e)| Edit::delete(at + s..at + e))
                .collect();
            spans.sort_by_key(|e| e.range.start);
            let edits: Vec<crate::edit::Edit> = set
                .iter()
                .map(|&(s, e)| crate::edit::Edit::delete(s..e))
                .collect();
            let want = crate::edit::apply("0123456789abcdef", &edits).0;
            let removals = Removals {
                dropped: vec![false; doc.lines().len()],
                spans,
            };
            let late = Context::new(&doc, &settings).with_removals(removals);
            assert_eq!(late.line_after_removals(2), want, "{set:?}");
            assert_eq!(late.line_after_removals(3), "next line");
        }
        // a removal that capitalises the word after it
        let removals = Removals {
            dropped: vec![false; doc.lines().len()],
            spans: vec![Edit {
                range: at..at + 4,
                replacement: "X".into(),
            }],
        };
        let late = Context::new(&doc, &settings).with_removals(removals);
        assert_eq!(late.line_after_removals(2), "X456789abcdef");
    }

    #[test]
    fn a_span_across_a_line_end_is_left_out() {
        let t = "Title\n\nThe fares rise Aaa\nBbb 2025 today.\n";
        let doc = Document::parse(t);
        let settings = Settings::default();
        let found = [finding(t, "Aaa\nBbb 2025", Action::DropSpan)];
        let late = Context::new(&doc, &settings).with_removals(Removals::new(&doc, &found));
        assert_eq!(late.line_after_removals(2), "The fares rise Aaa");
        assert_eq!(late.line_after_removals(3), "Bbb 2025 today.");
    }
}
