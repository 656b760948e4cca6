//! J012 duplicate-paragraph: a paragraph printed twice.
//!
//! Pull quotes, teaser boxes and lazy-loaded page fragments put a paragraph of the article in
//! the page a second time; a scraper keeps both copies. The evidence is the document itself:
//! the same words in the same order as an earlier paragraph. It works in any language.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use crate::rules::{Action, Context, Finding, Phase, Rule, RuleMeta};

pub struct DuplicateParagraph;

static META: RuleMeta = RuleMeta {
    code: "J012",
    name: "duplicate-paragraph",
    action: Action::DropLine,
    default_enabled: true,
    explanation: "\
## What it does
Drops a paragraph that repeats an earlier paragraph word for word (compared ignoring letter \
case and spacing, punctuation kept). In a text with one line per paragraph, a line that \
repeats an earlier line is dropped the same way. The first copy stays. Paragraphs of fewer \
than `min-words` words (default 6, setting `[settings.duplicate-paragraph] min-words`) are \
never compared, because short lines such as photo credits legitimately recur. A paragraph \
is compared as it reads once the other rules' removals are made: a repeat with a repeated \
title line glued above it and a `Sponsored` label below, or with a stuffed keyword clause \
that another rule removes, is still a repeat.

## Why
Pull quotes, teaser boxes and lazily loaded fragments repeat the article's own text; a \
reader of the clean text should read each paragraph once. A pull quote repeated later is \
still a repeat, so the later copy goes.

## Example
```text
The ferry will run every 20 minutes from June.

\"We waited ten years for this,\" one commuter said.

The ferry will run every 20 minutes from June.
```
The third paragraph is dropped.
",
};

/// More different repeated passages than this make a document structured (lists, Q&A).
const MAX_DISTINCT_REPEATS: usize = 3;

/// A piece of text that can be a duplicate: a paragraph or a line standing as one.
struct Unit<'g> {
    text: &'g str,
    line: usize,
}

/// A paragraph as it reads once the other rules' removals are made.
struct Group<'t> {
    /// The lines that stay, in order (never empty), each with its text as it stays.
    lines: Vec<(usize, Cow<'t, str>)>,
    /// From the first line that stays to the last: what a finding on the group covers.
    range: Range<usize>,
    /// The staying lines' texts, one line end between each two.
    text: Cow<'t, str>,
    /// Whether each line is also a unit of its own.
    per_line: bool,
}

/// Folds `c` for comparison: lower case, every whitespace run is one space.
fn folded(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut pending_space = false;
    let mut started = false;
    text.chars()
        .flat_map(move |c| {
            let mut out = [None, None];
            if c.is_whitespace() {
                pending_space = started;
            } else {
                if pending_space {
                    out[0] = Some(' ');
                    pending_space = false;
                }
                started = true;
                out[1] = Some(c);
            }
            out.into_iter().flatten()
        })
        .flat_map(char::to_lowercase)
}

/// A hash over the folded bytes, eight at a time: every paragraph of every document goes
/// through here, and a per-byte multiply chain (FNV) was the rule's whole cost. Only equal
/// folded texts need equal hashes; [`same`] settles every bucket hit.
struct FoldHasher {
    h: u64,
    acc: u64,
    n: u32,
}

impl FoldHasher {
    fn new() -> Self {
        FoldHasher { h: 0, acc: 0, n: 0 }
    }

    #[inline]
    fn push(&mut self, b: u8) {
        self.acc |= u64::from(b) << (8 * self.n);
        self.n += 1;
        if self.n == 8 {
            self.mix();
        }
    }

    #[inline]
    fn mix(&mut self) {
        self.h = (self.h.rotate_left(5) ^ self.acc).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        self.acc = 0;
        self.n = 0;
    }

    fn finish(mut self) -> u64 {
        // the tail's length tells "ab" from "ab\0"
        let n = self.n;
        self.mix();
        (self.h ^ u64::from(n)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
    }
}

/// The hash of the folded text (the bytes [`folded`] yields) and the word count (as
/// [`word_count`](super::word_count) counts), in one pass without allocation; ASCII takes a
/// byte-wise path.
fn fold_hash(text: &str) -> (u64, usize) {
    let mut h = FoldHasher::new();
    let mut words = 0;
    let (mut started, mut pending_space, mut counted) = (false, false, false);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut buf = [0u8; 4];
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            if matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
                pending_space = started;
                counted = false;
                continue;
            }
            if pending_space {
                h.push(b' ');
                pending_space = false;
            }
            started = true;
            if !counted && b.is_ascii_alphanumeric() {
                words += 1;
                counted = true;
            }
            h.push(b.to_ascii_lowercase());
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if c.is_whitespace() {
            pending_space = started;
            counted = false;
            continue;
        }
        if pending_space {
            h.push(b' ');
            pending_space = false;
        }
        started = true;
        if !counted && c.is_alphanumeric() {
            words += 1;
            counted = true;
        }
        for l in c.to_lowercase() {
            for &x in l.encode_utf8(&mut buf).as_bytes() {
                h.push(x);
            }
        }
    }
    (h.finish(), words)
}

#[cfg(test)]
fn hash(text: &str) -> u64 {
    let mut h = FoldHasher::new();
    let mut buf = [0u8; 4];
    for c in folded(text) {
        for b in c.encode_utf8(&mut buf).bytes() {
            h.push(b);
        }
    }
    h.finish()
}

/// Folded characters each end of a text contributes to its [`edge_sig`]. Eight at each end
/// already set apart nearly every two paragraphs that differ (the rare pair that shares both
/// edges is folded whole and compared), and folding sixteen cost twice as much for every unit
/// of every document: on the 88 real article bodies, 1.4M instructions a pass more.
const SIG_CHARS: usize = 8;

/// The longest folded edge: [`SIG_CHARS`] characters of at most four bytes.
const EDGE_BYTES: usize = 4 * SIG_CHARS;

/// A hash of the first and the last [`SIG_CHARS`] characters of the folded text: texts
/// that fold the same have the same signature, and a text whose signature no other unit
/// shares cannot repeat or be repeated, so only the few units that share one are folded
/// whole. Costs a few dozen characters per unit instead of a pass over the document.
fn edge_sig(text: &str) -> u64 {
    let mut head = [0u8; EDGE_BYTES];
    let mut tail = [0u8; EDGE_BYTES];
    let nh = fold_edge::<false>(text, &mut head);
    let nt = fold_edge::<true>(text, &mut tail);
    let mut h = FoldHasher::new();
    for (edge, len) in [(&head, nh), (&tail, nt)] {
        // the edges are zero-padded to whole words; their lengths, hashed last, tell "ab"
        // from "ab\0"
        for chunk in edge[..len.div_ceil(8) * 8].chunks_exact(8) {
            h.acc = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            h.mix();
        }
    }
    h.acc = (nh as u64) << 32 | nt as u64;
    h.finish()
}

/// Writes into `out` the UTF-8 of the first [`SIG_CHARS`] characters that [`folded`] makes
/// of `text` (the last ones, each character's lower case reversed, when `BACKWARDS`) and
/// returns the bytes written.
fn fold_edge<const BACKWARDS: bool>(text: &str, out: &mut [u8; EDGE_BYTES]) -> usize {
    // a parameter known at compile time: no test of the direction per byte
    let backwards = BACKWARDS;
    let bytes = text.as_bytes();
    let (mut n, mut len, mut pending_space) = (0, 0, false);
    let mut at = if backwards { bytes.len() } else { 0 };
    while n < SIG_CHARS {
        // Most edges are ASCII: a byte is then a character, folded without decoding; the
        // rare longer character is decoded where it stands. Both give the UTF-8 of the same
        // folded characters, so texts that fold the same keep the same signature.
        let b = if backwards {
            at.checked_sub(1).map(|i| bytes[i])
        } else {
            bytes.get(at).copied()
        };
        let Some(b) = b else { break };
        let c = if b < 0x80 {
            b as char
        } else if backwards {
            text[..at].chars().next_back().unwrap_or(' ')
        } else {
            text[at..].chars().next().unwrap_or(' ')
        };
        if backwards {
            at -= c.len_utf8();
        } else {
            at += c.len_utf8();
        }
        if c.is_whitespace() {
            pending_space = len > 0;
            continue;
        }
        if pending_space {
            pending_space = false;
            out[len] = b' ';
            len += 1;
            n += 1;
            if n == SIG_CHARS {
                break;
            }
        }
        if b < 0x80 {
            out[len] = b.to_ascii_lowercase();
            len += 1;
            n += 1;
            continue;
        }
        let lower = c.to_lowercase();
        let lower: &mut dyn Iterator<Item = char> = if backwards {
            &mut lower.rev()
        } else {
            &mut lower.into_iter()
        };
        for l in lower {
            len += l.encode_utf8(&mut out[len..]).len();
            n += 1;
            if n == SIG_CHARS {
                break;
            }
        }
    }
    len
}

fn same(a: &str, b: &str) -> bool {
    // the units folded whole are mostly a document's recurring texts (an interview's
    // question, a meal plan's step), printed byte for byte the same: one memcmp settles them
    a == b || folded(a).eq(folded(b))
}

/// Whether a line ends a sentence, i.e. could be a paragraph of its own.
fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with([
        '.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}', ')', ':', '…',
    ])
}

impl Rule for DuplicateParagraph {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Late: a paragraph is judged without the junk lines glued to it and the stuffed
    /// phrases in it, which other rules remove; judged with them, it would be seen as a
    /// repeat only on a second run.
    fn phase(&self) -> Phase {
        Phase::Late
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let doc = ctx.doc;
        let min_words = ctx.settings.duplicate_paragraph.min_words.max(1);
        // the body's paragraphs; the lines after the title in its own paragraph count as one
        let title_par = doc.title_line().and_then(|t| doc.lines()[t].paragraph);
        let groups: Vec<Group<'_>> = doc
            .paragraphs()
            .iter()
            .enumerate()
            // the page header above the title is J014's
            .skip(title_par.unwrap_or(0))
            .filter_map(|(p, par)| {
                let lines = if Some(p) != title_par {
                    par.lines.clone()
                } else {
                    let after_title = doc.title_line()? + 1;
                    after_title..par.lines.end
                };
                group(ctx, lines)
            })
            .collect();
        // the signatures of every unit that may be compared, in the order they are checked
        let mut order: Vec<u64> = Vec::new();
        for g in &groups {
            order.push(edge_sig(&g.text));
            if g.per_line {
                order.extend(g.lines.iter().map(|(_, t)| edge_sig(t)));
            }
        }
        let mut sigs = order.clone();
        sigs.sort_unstable();
        let mut seen = Seen {
            sigs,
            min_words,
            units: HashMap::new(),
        };
        // (range, earlier line, words, "paragraph" or "line", whether it ends a sentence)
        let mut repeats: Vec<(Range<usize>, usize, usize, &str, bool)> = Vec::new();
        let mut next_sig = order.iter().copied();
        for g in &groups {
            let number = doc.lines()[g.lines[0].0].number;
            let sig = next_sig.next().unwrap_or_default();
            if let Some((earlier, words)) = seen.check(&g.text, number, sig) {
                repeats.push((
                    g.range.clone(),
                    earlier,
                    words,
                    "paragraph",
                    ends_sentence(&g.text),
                ));
                if g.per_line {
                    next_sig.nth(g.lines.len() - 1);
                }
                continue;
            }
            if !g.per_line {
                continue;
            }
            for (i, t) in &g.lines {
                let line = &doc.lines()[*i];
                let sig = next_sig.next().unwrap_or_default();
                if let Some((earlier, words)) = seen.check(t, line.number, sig) {
                    repeats.push((line.range.clone(), earlier, words, "line", ends_sentence(t)));
                }
            }
        }
        if repeats.is_empty() {
            return;
        }
        // A scraping duplicate is a piece of prose printed twice. Texts that recur three or
        // more times, or many different repeated texts, are the document's own structure
        // (an interview's recurring question, a meal plan's recurring steps): report, keep.
        let mut distinct: Vec<usize> = repeats.iter().map(|r| r.1).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let structured = distinct.len() > MAX_DISTINCT_REPEATS;
        let mut copies: HashMap<usize, usize> = HashMap::new();
        for r in &repeats {
            *copies.entry(r.1).or_default() += 1;
        }
        for (range, earlier, words, what, prose) in &repeats {
            let (range, earlier, words, prose) = (range.clone(), *earlier, *words, *prose);
            let recurring = copies.get(&earlier).is_some_and(|&n| n >= 2);
            let mut msg =
                format!("repeats the {what} at line {earlier} word for word ({words} words)");
            let mut finding = Finding::new(&META, range, String::new());
            if structured || recurring || !prose {
                msg.push_str(if structured {
                    "; kept: the text repeats many passages, which is its own structure"
                } else if recurring {
                    "; kept: it recurs three or more times, which is the text's own structure"
                } else {
                    "; kept: it does not end a sentence, so it may be a recurring label"
                });
                finding = finding.with_action(Action::Flag);
            }
            finding.message = msg;
            out.push(finding);
        }
    }
}

/// The units checked so far.
struct Seen<'g> {
    /// The edge signatures of every unit, sorted.
    sigs: Vec<u64>,
    min_words: usize,
    /// Units by the hash of their folded text.
    units: HashMap<u64, Vec<Unit<'g>>>,
}

impl<'g> Seen<'g> {
    /// The earlier unit's line and the word count when `t` repeats a unit, else records `t`.
    fn check(&mut self, t: &'g str, line: usize, sig: u64) -> Option<(usize, usize)> {
        // a signature no other unit has cannot repeat or be repeated
        let at = self.sigs.partition_point(|&s| s < sig);
        if self.sigs.get(at + 1) != Some(&sig) {
            return None;
        }
        let (h, words) = fold_hash(t);
        if words < self.min_words {
            return None;
        }
        let entry = self.units.entry(h).or_default();
        if let Some(first) = entry.iter().find(|u| same(u.text, t)) {
            return Some((first.line, words));
        }
        entry.push(Unit { text: t, line });
        None
    }
}

/// The group of the body lines `lines` (one paragraph, or the rest of the title's), as the
/// other rules' removals leave it; `None` when no line stays.
fn group<'t>(ctx: &Context<'t>, lines: Range<usize>) -> Option<Group<'t>> {
    let doc = ctx.doc;
    let kept: Vec<(usize, Cow<'t, str>)> = lines
        .filter(|&i| !ctx.line_dropped(i))
        .map(|i| (i, ctx.line_after_removals(i)))
        .collect();
    let (first, last) = (kept.first()?.0, kept.last()?.0);
    let range = doc.lines()[first].range.start..doc.lines()[last].range.end;
    let as_is =
        last - first + 1 == kept.len() && kept.iter().all(|l| matches!(l.1, Cow::Borrowed(_)));
    let text = if as_is {
        Cow::Borrowed(&doc.text()[range.clone()])
    } else {
        let mut joined = String::with_capacity(range.len());
        for (_, line) in &kept {
            if !joined.is_empty() {
                joined.push('\n');
            }
            joined.push_str(line);
        }
        Cow::Owned(joined)
    };
    // a paragraph of lines that each end a sentence is one paragraph per line
    let ending = kept.iter().filter(|l| ends_sentence(&l.1)).count();
    let per_line = kept.len() >= 2 && ending * 2 >= kept.len();
    Some(Group {
        lines: kept,
        range,
        text,
        per_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::document::Document;
    use crate::rules::junk::testing::{findings, found};
    use crate::rules::junk::word_count;
    use crate::rules::late::Removals;

    #[test]
    fn a_repeated_paragraph_is_found_and_the_first_kept() {
        let t = "Title\n\nThe ferry will run every 20 minutes from June.\n\nOther text here.\n\nthe ferry  will run every 20\nminutes from June.\n";
        let f = findings(&DuplicateParagraph, t);
        assert_eq!(f.len(), 1);
        assert_eq!(
            &t[f[0].range.clone()],
            "the ferry  will run every 20\nminutes from June."
        );
        assert_eq!(
            f[0].message,
            "repeats the paragraph at line 3 word for word (9 words)"
        );
    }

    /// J012's findings on `text` when other rules drop the lines at `dropped` (0-based).
    fn findings_after_drops(text: &str, dropped: &[usize]) -> Vec<Finding> {
        let doc = Document::parse(text);
        let settings = Settings::default();
        let drops: Vec<Finding> = dropped
            .iter()
            .map(|&i| Finding::new(&META, doc.lines()[i].range.clone(), "another rule"))
            .collect();
        let ctx = Context::new(&doc, &settings).with_removals(Removals::new(&doc, &drops));
        let mut out = Vec::new();
        DuplicateParagraph.check(&ctx, &mut out);
        out
    }

    #[test]
    fn lines_other_rules_drop_are_left_out_of_the_paragraph() {
        let p = "The ferry will run every 20 minutes from June.";
        let t = format!("Title\n\n{p}\n\nOther text here.\n\nTitle\n{p}\nPromoted\n");
        // as the paragraph stands, `Title` and `Promoted` make it differ from the first copy
        assert!(findings(&DuplicateParagraph, &t).is_empty());
        let f = findings_after_drops(&t, &[6, 8]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(&t[f[0].range.clone()], p);
        assert_eq!(f[0].action, Action::DropLine);
        assert_eq!(
            f[0].message,
            "repeats the paragraph at line 3 word for word (9 words)"
        );
    }

    #[test]
    fn a_line_dropped_inside_a_paragraph_joins_its_neighbours() {
        let t = "Title\n\nthe ferry will run every twenty minutes from\nJune, the operator said.\n\nOther text here.\n\nthe ferry will run every twenty minutes from\nShare\nJune, the operator said.\n";
        let f = findings_after_drops(t, &[8]);
        assert_eq!(f.len(), 1, "{f:#?}");
        // the finding spans the dropped line too, which goes either way
        assert_eq!(
            &t[f[0].range.clone()],
            "the ferry will run every twenty minutes from\nShare\nJune, the operator said."
        );
        assert_eq!(f[0].action, Action::DropLine);
    }

    #[test]
    fn the_first_copy_is_read_without_its_dropped_lines_too() {
        let p = "The ferry will run every 20 minutes from June.";
        let t = format!("Title\n\nShare\n{p}\n\nOther text here.\n\n{p}\n");
        let f = findings_after_drops(&t, &[2]);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(&t[f[0].range.clone()], p);
        assert!(f[0].message.contains("at line 4"), "{}", f[0].message);
    }

    #[test]
    fn a_paragraph_dropped_whole_is_no_first_copy() {
        let p = "The ferry will run every 20 minutes from June.";
        let t = format!("Title\n\n{p}\n\nOther text here.\n\n{p}\n");
        // another rule drops the first copy: the second is then the only one
        assert!(findings_after_drops(&t, &[2]).is_empty());
    }

    /// Fixture-style, through the engine: a repeat with the repeated title glued above it and
    /// a sponsored label below goes in one run, and the clean text cleans to itself.
    #[test]
    fn a_repeat_with_junk_glued_on_both_sides_goes_in_one_run() {
        let input = "Library Extends Weekend Opening Hours\n\n\
            The city library will open until eight in the evening on Saturdays and Sundays \
            from next month, the council said.\n\n\
            Staff numbers will rise by six to cover the longer hours.\n\n\
            Library Extends Weekend Opening Hours\n\
            The city library will open until eight in the evening on Saturdays and Sundays \
            from next month, the council said.\n\
            Sponsored\n\n\
            The change follows a survey of 2,000 library members.\n";
        let expected = "Library Extends Weekend Opening Hours\n\n\
            The city library will open until eight in the evening on Saturdays and Sundays \
            from next month, the council said.\n\n\
            Staff numbers will rise by six to cover the longer hours.\n\n\
            The change follows a survey of 2,000 library members.\n";
        let engine = crate::Engine::default();
        let once = engine.clean(input);
        assert_eq!(once.text, expected);
        let codes: Vec<&str> = once.removals().map(|f| f.code.as_ref()).collect();
        assert_eq!(codes, ["J001", "J012", "J003"]);
        assert_eq!(engine.clean(&once.text).text, once.text);
    }

    /// Fixture-style, through the engine: a repeat that differs only by a stuffed keyword
    /// clause, which S003 removes, goes in the same run.
    #[test]
    fn a_repeat_that_differs_by_a_removed_span_goes_in_one_run() {
        let p = "The harbour board approved the new ferry timetable on Tuesday after a long \
            debate about weekend fares";
        let input = format!(
            "Ferry Timetable Approved\n\n{p}.\n\n\
             The first boats will leave at six in the morning.\n\n\
             {p}, adding that it was a key moment for Harbour Ferries talks 2025.\n\n\
             Fares stay the same until the autumn.\n"
        );
        let engine = crate::Engine::default();
        let once = engine.clean(&input);
        let codes: Vec<&str> = once.removals().map(|f| f.code.as_ref()).collect();
        assert_eq!(codes, ["J012", "S003"], "{:#?}", once.findings);
        assert_eq!(once.text.matches(p).count(), 1, "{}", once.text);
        assert_eq!(engine.clean(&once.text).text, once.text);
    }

    #[test]
    fn punctuation_counts() {
        let t = "Title\n\nThe ferry will run every 20 minutes from June.\n\nThe ferry will run every 20 minutes from June!\n";
        assert!(found(&DuplicateParagraph, t).is_empty());
    }

    #[test]
    fn short_paragraphs_are_not_compared() {
        let t =
            "Title\n\nPhoto: Harbour Authority\n\nText one is here.\n\nPhoto: Harbour Authority\n";
        assert!(found(&DuplicateParagraph, t).is_empty());
    }

    #[test]
    fn one_line_per_paragraph_texts_compare_lines() {
        let t = "Title\nThe ferry will run every 20 minutes from June.\nCommuters welcomed the news on Monday morning.\nThe ferry will run every 20 minutes from June.\n";
        assert_eq!(
            found(&DuplicateParagraph, t),
            vec!["The ferry will run every 20 minutes from June."]
        );
    }

    #[test]
    fn wrapped_paragraphs_do_not_compare_lines() {
        let t = "Title\n\nthe ferry will run every twenty minutes from\nJune, the operator said on Monday morning\n\nand the ferry will run every twenty minutes from\nJune, which is new\n";
        assert!(found(&DuplicateParagraph, t).is_empty());
    }

    #[test]
    fn min_words_is_configurable() {
        let t = "Title\n\nFerry fares rise.\n\nFerry fares rise.\n";
        let doc = Document::parse(t);
        let mut settings = Settings::default();
        settings.duplicate_paragraph.min_words = 3;
        let ctx = Context::new(&doc, &settings);
        let mut out = Vec::new();
        DuplicateParagraph.check(&ctx, &mut out);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn structural_repeats_are_flagged_not_removed() {
        let q = "What made you start cooking for a living, then?";
        let t =
            format!("Title\n\n{q}\n\nAnswer one is here.\n\n{q}\n\nAnswer two is here.\n\n{q}\n");
        let f = findings(&DuplicateParagraph, &t);
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|f| f.action == Action::Flag), "{f:#?}");
        assert!(f[0].message.contains("three or more times"));
    }

    #[test]
    fn a_repeat_that_is_not_a_sentence_is_flagged() {
        let t = "Title\n\n\u{2014} City Council (@citycouncil) June 3, 2025\n\nText.\n\n\u{2014} City Council (@citycouncil) June 3, 2025\n";
        let f = findings(&DuplicateParagraph, t);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].action, Action::Flag);
    }

    #[test]
    fn many_different_repeats_are_flagged() {
        let mut t = String::from("Title\n\n");
        for round in 0..2 {
            for k in 0..4 {
                t.push_str(&format!(
                    "Step {k} of the plan is to drink a glass of water.\n\nFiller {round} {k}.\n\n"
                ));
            }
        }
        let f = findings(&DuplicateParagraph, &t);
        assert_eq!(f.len(), 4);
        assert!(f.iter().all(|f| f.action == Action::Flag));
    }

    #[test]
    fn folding_ignores_case_and_spacing_only() {
        assert!(same("A  b\tC", "a b c"));
        assert!(same(" a b ", "a b"));
        assert!(!same("a, b", "a b"));
        assert_eq!(hash("A  B"), hash("a b"));
    }

    #[test]
    fn texts_that_fold_the_same_share_their_edge_signature() {
        let same_fold = [
            ("A  b\tC", "a b c"),
            (
                " Ünïcode ÉTÉ  été and more words to pass the limit ",
                "ünïcode été été AND more  words to pass the limit",
            ),
            ("Шторм  ЗАКРЫЛ\nперевал", "шторм закрыл перевал"),
            ("short", " SHORT\n"),
            // the Kelvin sign folds to an ASCII k: the character-wise edge meets the byte-wise one
            ("\u{212a}elvin  scale", "kelvin scale"),
            (
                "a long plain ASCII start, then \u{212a}",
                "A long plain ascii start, then k",
            ),
            ("", " \n\t"),
            ("Ünï  kİ", "üNÏ ki\u{307}"),
            (
                "İstanbul is a long name for this test",
                "i\u{307}stanbul is a long name for this test",
            ),
        ];
        for (a, b) in same_fold {
            assert!(same(a, b), "{a:?}");
            assert_eq!(edge_sig(a), edge_sig(b), "{a:?}");
        }
        assert_ne!(
            edge_sig("the same start, another end"),
            edge_sig("the same start, one more end")
        );
    }

    #[test]
    fn the_one_pass_hash_agrees_with_folding_and_word_count() {
        for t in [
            "A  b\tC",
            " Ünïcode ÉTÉ  été ",
            "Шторм  ЗАКРЫЛ\nперевал",
            "a , b - 4 %",
            "",
            "x\u{a0}y",
        ] {
            assert_eq!(fold_hash(t), (hash(t), word_count(t)), "{t:?}");
        }
    }
}
