//! Page junk (`J0xx`): lines and paragraphs that belong to the page around the article.
//!
//! Most of these rules are per-line checks on short lines: a page widget ("Share",
//! "Next Story", "Tags: ...") is a short line on its own, while the article's prose comes in
//! long lines. Each rule therefore looks only at lines under its own length limit, skips lines
//! that are the wrapped tail of a sentence, and then runs one compiled pattern. The helpers
//! that every such rule shares live here.

mod breadcrumb;
mod byline;
mod copyright;
mod credit;
mod cta;
mod duplicate;
mod labels;
mod navigation;
mod reading;
pub mod site_boilerplate;
mod tags;
mod title;

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};

use crate::rules::{Context, Rule};

/// The page-junk rules.
pub static RULES: &[&dyn Rule] = &[
    &title::RepeatedTitle,
    &labels::ShareWidget,
    &navigation::StoryNavigation,
    &cta::CallToAction,
    &cta::CookieNotice,
    &tags::TagList,
    &breadcrumb::Breadcrumb,
    &copyright::CopyrightFooter,
    &reading::ReadingAid,
    &byline::BylineTimestamp,
    &credit::AgencyCredit,
    &duplicate::DuplicateParagraph,
    &site_boilerplate::SiteBoilerplate,
];

/// Markdown-ish decoration that scrapers leave around a line (`### `, `**`, `* `, `> `, `• `);
/// it never decides whether a line is junk, so it is stripped before matching.
const DECORATION: &[char] = &['#', '*', '_', '•', '>', '[', ']'];

/// The line with surrounding whitespace and decoration removed.
pub(crate) fn core(line: &str) -> &str {
    line.trim_matches(|c: char| c.is_whitespace() || DECORATION.contains(&c))
}

/// Whether body line `i` continues a sentence wrapped from the previous line of the same
/// paragraph ("... he posted on\nlinkedin and ..."): such a line is a fragment of prose, never
/// a widget, whatever words it holds. The title never counts as such a previous line: the
/// clean layout sets it apart, so the line under it is judged on its own, now as it would be
/// when the output is cleaned again.
pub(crate) fn continues_sentence(ctx: &Context<'_>, i: usize) -> bool {
    let lines = ctx.doc.lines();
    if i == 0
        || lines[i].paragraph.is_none()
        || lines[i - 1].paragraph != lines[i].paragraph
        || ctx.doc.title_line() == Some(i - 1)
    {
        return false;
    }
    let prev = ctx.doc.line_text(i - 1).trim_end();
    let starts_lower = ctx
        .doc
        .line_text(i)
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    let prev_open = prev
        .chars()
        .next_back()
        .is_some_and(|c| c.is_lowercase() || c == ',');
    starts_lower && prev_open
}

/// Whether line `i` is a sentence's start that wraps onto the next line of its paragraph
/// ("Roughly 13,000 troops remain in the country, 18 years after\ninvading it."): a fragment of
/// prose, whatever it looks like on its own.
pub(crate) fn continued_by_next(ctx: &Context<'_>, i: usize) -> bool {
    let lines = ctx.doc.lines();
    i + 1 < lines.len() && lines[i].paragraph.is_some() && continues_sentence(ctx, i + 1)
}

/// A body line that a per-line rule may judge: its core is non-empty and short, and it is
/// not a fragment of a wrapped sentence.
pub(crate) struct ShortLine<'d> {
    index: usize,
    raw_len: usize,
    core: &'d str,
    /// Which rules' hint words the core holds, one bit per [`Hint`].
    hints: u8,
}

/// The longest line limit of any per-line rule (the cookie notice's).
const LONGEST: usize = 500;

/// What the per-line rules share for one document.
pub(crate) struct Shared<'d> {
    /// The body lines under [`LONGEST`].
    lines: Vec<ShortLine<'d>>,
}

/// Computed once per document for all the rules: each rule used to trim and test every line
/// itself.
fn shared<'a, 'c>(ctx: &'c Context<'a>) -> &'c Shared<'a> {
    ctx.junk.get_or_init(|| {
        let doc = ctx.doc;
        let mut lines = Vec::new();
        for i in doc.body_lines() {
            let raw = doc.line_text(i);
            // the cheap guard first; decoration and indentation rarely take 16 bytes
            if raw.len() > LONGEST + 16 {
                continue;
            }
            let c = core(raw);
            if c.is_empty()
                || c.len() > LONGEST
                || continues_sentence(ctx, i)
                || continued_by_next(ctx, i)
            {
                continue;
            }
            let hints = hint_bits(c);
            lines.push(ShortLine {
                index: i,
                raw_len: raw.len(),
                core: c,
                hints,
            });
        }
        Shared { lines }
    })
}

/// Calls `f(index, core_text)` for every body line whose core is non-empty and at most
/// `max_len` bytes long and that is not the wrapped tail of a sentence.
pub(crate) fn short_body_lines<'d>(
    ctx: &Context<'d>,
    max_len: usize,
    mut f: impl FnMut(usize, &'d str),
) {
    debug_assert!(max_len <= LONGEST);
    for l in &shared(ctx).lines {
        if l.raw_len <= max_len + 16 && l.core.len() <= max_len {
            f(l.index, l.core);
        }
    }
}

/// Rules whose pattern cannot match a line without one of their hint words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Hint {
    CallToAction = 1,
    Cookie = 2,
    Copyright = 4,
}

/// Every rule's hint words in one case-insensitive automaton, with the rule of each word: one
/// pass over a line tells every rule whether its regexes need to run there (each rule used
/// to scan every line itself).
static HINTS: LazyLock<(AhoCorasick, Vec<Hint>)> = LazyLock::new(|| {
    let (words, rules): (Vec<&str>, Vec<Hint>) = HINT_GROUPS
        .iter()
        .flat_map(|&(hint, words)| words.iter().map(move |&w| (w, hint)))
        .unzip();
    // a DFA: the words are few and short, so its table is small, and it takes one
    // transition per byte where the default NFA follows failure links
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .expect("valid hint words");
    (ac, rules)
});

/// Every rule's hint words, matched ignoring ASCII case, with the rule they tell about.
const HINT_GROUPS: [(Hint, &[&str]); 3] = [
    (Hint::CallToAction, cta::CTA_HINT_WORDS),
    (Hint::Cookie, cta::COOKIE_HINT_WORDS),
    (Hint::Copyright, copyright::HINT_WORDS),
];

/// The [`Hint`] bits of the words in `line`.
///
/// A standard search that resumes one byte after the start of each match finds every
/// occurrence of every word, as an overlapping search would, because no hint word holds
/// another (tested): a match that hid another occurrence would have to start where it starts
/// or contain it. Matches are rare, so resuming costs nothing, and the standard search takes
/// fewer steps per byte than the overlapping one.
fn hint_bits(line: &str) -> u8 {
    let (ac, hints) = &*HINTS;
    let mut bits = 0;
    let mut at = 0;
    while let Some(m) = ac.find(aho_corasick::Input::new(line).range(at..)) {
        bits |= hints[m.pattern().as_usize()] as u8;
        at = m.start() + 1;
    }
    bits
}

/// Whether short body line `i` holds one of `hint`'s words (false for a line that
/// [`short_body_lines`] does not give).
pub(crate) fn has_hint(ctx: &Context<'_>, i: usize, hint: Hint) -> bool {
    let lines = &shared(ctx).lines;
    lines
        .binary_search_by_key(&i, |l| l.index)
        .is_ok_and(|k| lines[k].hints & hint as u8 != 0)
}

/// Number of words (whitespace-separated tokens holding a letter or digit).
pub(crate) fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Shortens `text` for a message: at most 60 characters, cut at a character boundary.
pub(crate) fn quote(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        format!("\"{text}\"")
    } else {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("\"{}…\"", cut.trim_end())
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Running one rule on a text, for the rules' unit tests.
    use crate::config::Settings;
    use crate::document::Document;
    use crate::rules::{Context, Finding, Rule};

    /// The findings of `rule` on `text`.
    pub fn findings(rule: &dyn Rule, text: &str) -> Vec<Finding> {
        let doc = Document::parse(text);
        let settings = Settings::default();
        let ctx = Context::new(&doc, &settings);
        let mut out = Vec::new();
        rule.check(&ctx, &mut out);
        out
    }

    /// The texts of the lines `rule` finds in `text`.
    pub fn found<'t>(rule: &dyn Rule, text: &'t str) -> Vec<&'t str> {
        findings(rule, text)
            .into_iter()
            .map(|f| &text[f.range])
            .collect()
    }

    /// Asserts that `rule` finds `line` when it sits in an article body.
    pub fn assert_junk(rule: &dyn Rule, line: &str) {
        let text = format!("A title for the test\n\nA first paragraph of prose, long enough to be prose.\n\n{line}\n\nThe last paragraph of the article says something.\n");
        let got = found(rule, &text);
        assert_eq!(
            got,
            vec![line],
            "{} should match {line:?}",
            rule.meta().code
        );
    }

    /// Asserts that `rule` finds nothing in the body line `line`.
    pub fn assert_kept(rule: &dyn Rule, line: &str) {
        let text = format!("A title for the test\n\nA first paragraph of prose, long enough to be prose.\n\n{line}\n\nThe last paragraph of the article says something.\n");
        let got = found(rule, &text);
        assert!(
            got.is_empty(),
            "{} should keep {line:?}, found {got:?}",
            rule.meta().code
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::document::Document;

    #[test]
    fn core_strips_decoration_only() {
        assert_eq!(core("  ### **Share**  "), "Share");
        assert_eq!(core("• Facebook"), "Facebook");
        assert_eq!(core("— AFP"), "— AFP");
    }

    #[test]
    fn wrapped_tails_are_recognised() {
        let doc = Document::parse("T\n\nhe wrote on\nlinkedin and more\nNew sentence\n");
        let settings = Settings::default();
        let ctx = Context::new(&doc, &settings);
        assert!(continues_sentence(&ctx, 3));
        assert!(!continues_sentence(&ctx, 4));
        assert!(!continues_sentence(&ctx, 2));
    }

    #[test]
    fn no_hint_word_holds_another() {
        let words: Vec<&str> = HINT_GROUPS
            .iter()
            .flat_map(|g| g.1.iter().copied())
            .collect();
        for a in &words {
            for b in &words {
                let (la, lb) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
                assert!(a == b || !la.contains(&lb), "{a:?} holds {b:?}");
            }
        }
    }

    #[test]
    fn hints_are_found_in_any_case_and_next_to_each_other() {
        assert_eq!(hint_bits("SUBSCRIBE now"), Hint::CallToAction as u8);
        assert_eq!(hint_bits("Cookie Policy"), Hint::Cookie as u8);
        assert_eq!(hint_bits("© Example"), Hint::Copyright as u8);
        // words that overlap: "follow us" ends where "subscribe" starts
        assert_eq!(
            hint_bits("join oureserved, follow usubscribe"),
            Hint::CallToAction as u8 | Hint::Copyright as u8
        );
        assert_eq!(hint_bits("Nothing to see"), 0);
    }

    #[test]
    fn quote_shortens_long_text() {
        assert_eq!(quote("Share"), "\"Share\"");
        assert!(quote(&"word ".repeat(30)).ends_with("…\""));
    }
}
