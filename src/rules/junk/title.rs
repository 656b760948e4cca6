//! J001 repeated-title: the page's headline printed again below the title.
//!
//! Scrapers take the title from `<title>` or `og:title` and then meet the same headline again
//! in the page's `<h1>`, often with the site's name glued on. The only evidence needed is the
//! document's own first line, so the rule works in any language.

use crate::rules::junk::{continued_by_next, continues_sentence, core, quote};
use crate::rules::{Action, Context, Finding, Phase, Rule, RuleMeta};

pub struct RepeatedTitle;

static META: RuleMeta = RuleMeta {
    code: "J001",
    name: "repeated-title",
    action: Action::DropLine,
    default_enabled: true,
    explanation: "\
## What it does
Drops a body line that repeats the title (the first non-blank line): the same words up to \
letter case, spacing and the kind of quote or dash, or the title with a short site name \
before or after it (`Title | Site`, `Title - Site`, `Title — Site`, `Site: Title`). The \
title itself stays, once.

## Why
Scrapers take the headline from the page's `<title>` and meet it again in the `<h1>` or in a \
share box, so the article starts with its headline twice. A line that starts like the title \
and goes on with more prose is a sentence of the article and is kept: only a short \
capitalised site name or domain counts as a suffix or prefix.

## Example
```text
Harbour Ferry Fares to Rise in Spring

Harbour ferry fares to rise in spring | The Coast Courier
The ferry operator said on Monday ...
```
The second headline line is dropped.
",
};

/// Characters that join a headline and a site name.
const SEPARATORS: &[char] = &['|', '-', '·', '»', '/', '•', ':'];

/// Lower-cases, folds curly quotes and dashes to ASCII and collapses whitespace.
fn normalize_into(text: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if matches!(b, b' ' | b'\t'..=b'\r') {
                space = !out.is_empty();
                i += 1;
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            if b == b'`' {
                out.push('\'');
                i += 1;
                continue;
            }
            // A run of words that normalise to themselves in lower case: copied whole, where
            // a push per character cost a capacity test and an encoding each. One space
            // inside the run is its own normal form.
            let run = plain_run_end(bytes, i + 1);
            let at = out.len();
            out.push_str(&text[i..run]);
            out[at..].make_ascii_lowercase();
            i = run;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{b4}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        };
        out.extend(c.to_lowercase());
    }
}

/// The end of the run from `i` of bytes that [`normalize_into`] copies as they are but for
/// case: printable ASCII but the backquote, and single spaces between two of them.
fn plain_run_end(bytes: &[u8], mut i: usize) -> usize {
    let plain = |b: u8| b.is_ascii_graphic() && b != b'`';
    while i < bytes.len() {
        if plain(bytes[i]) {
            i += 1;
        } else if bytes[i] == b' ' && bytes.get(i + 1).is_some_and(|&b| plain(b)) {
            i += 2;
        } else {
            break;
        }
    }
    i
}

/// Characters at each end of a line that [`may_repeat`] normalises.
const EDGE_CHARS: usize = 16;

/// Whether `line` normalised can equal, hold or be held by the normalised title `t`: every
/// relation [`compare`] looks for makes the two agree at their start or at their end, and a
/// normalised piece of the line's start (end) is a start (end) of the normalised line. Most
/// lines are ruled out from a few characters instead of normalising them whole.
fn may_repeat(line: &str, t: &str, buf: &mut String) -> bool {
    // A line that agrees with the title at neither end is ruled out from its first and last
    // character: each normalises to a start (an end) of the normalised line.
    let (Some(first), Some(last)) = (line.chars().next(), line.chars().next_back()) else {
        return true;
    };
    if t.is_empty() || first.is_whitespace() || last.is_whitespace() {
        return edges_may_repeat(line, t, buf);
    }
    if !end_agrees(&line[..first.len_utf8()], t, false, buf)
        && !end_agrees(&line[line.len() - last.len_utf8()..], t, true, buf)
    {
        return false;
    }
    edges_may_repeat(line, t, buf)
}

/// Whether the one character `c` (not whitespace), normalised, agrees with the start of the
/// non-empty `t` (its end when `at_end`).
fn end_agrees(c: &str, t: &str, at_end: bool, buf: &mut String) -> bool {
    let t = t.as_bytes();
    // most lines start and end with an ASCII character: one byte, known without normalising
    if let [b] = c.as_bytes() {
        if let Some(x) = ascii_normalized(*b) {
            return Some(&x) == if at_end { t.last() } else { t.first() };
        }
    }
    normalize_into(c, buf);
    let (b, k) = (buf.as_bytes(), buf.len().min(t.len()));
    if at_end {
        b[b.len() - k..] == t[t.len() - k..]
    } else {
        b[..k] == t[..k]
    }
}

/// [`may_repeat`] from the normalised first and last [`EDGE_CHARS`] characters of `line`.
fn edges_may_repeat(line: &str, t: &str, buf: &mut String) -> bool {
    // Most lines that pass the one-character test are told apart from the title within a
    // few plain ASCII bytes (`The ...` under a title `The ...`): those compare without
    // normalising sixteen characters at each end.
    if let Some(head) = plain_edge_agrees::<false>(line, t) {
        if head {
            return true;
        }
        if let Some(tail) = plain_edge_agrees::<true>(line, t) {
            return tail;
        }
    }
    edges_may_repeat_normalised(line, t, buf)
}

/// What [`edges_may_repeat_normalised`] finds for one end of `line` (the end when
/// `AT_END`), when the bytes read to decide it are plain ASCII (neither whitespace nor
/// part of a longer character): each is then one character that normalises to one byte,
/// the same byte wherever it stands. `None` when a byte of another kind is met first.
fn plain_edge_agrees<const AT_END: bool>(line: &str, t: &str) -> Option<bool> {
    let (l, t) = (line.as_bytes(), t.as_bytes());
    // the normalised edge and the title agree on their common length, which ends at the
    // edge's EDGE_CHARS-th character, the line's end or the title's end
    let n = l.len().min(t.len()).min(EDGE_CHARS);
    for i in 0..n {
        let (b, want) = if AT_END {
            (l[l.len() - 1 - i], t[t.len() - 1 - i])
        } else {
            (l[i], t[i])
        };
        if ascii_normalized(b)? != want {
            return Some(false);
        }
    }
    Some(true)
}

/// [`edges_may_repeat`] by normalising both edges.
fn edges_may_repeat_normalised(line: &str, t: &str, buf: &mut String) -> bool {
    let head_end = line
        .char_indices()
        .nth(EDGE_CHARS)
        .map_or(line.len(), |(i, _)| i);
    normalize_into(&line[..head_end], buf);
    let k = buf.len().min(t.len());
    if buf.as_bytes()[..k] == t.as_bytes()[..k] {
        return true;
    }
    let tail_start = line
        .char_indices()
        .rev()
        .nth(EDGE_CHARS - 1)
        .map_or(0, |(i, _)| i);
    normalize_into(&line[tail_start..], buf);
    let k = buf.len().min(t.len());
    buf.as_bytes()[buf.len() - k..] == t.as_bytes()[t.len() - k..]
}

/// What [`normalize_into`] makes of the ASCII byte `b` when it is not whitespace (a
/// character of its own); `None` for whitespace and for bytes of longer characters.
fn ascii_normalized(b: u8) -> Option<u8> {
    match b {
        b'`' => Some(b'\''),
        b' ' | b'\t'..=b'\r' => None,
        0..=0x7f => Some(b.to_ascii_lowercase()),
        _ => None,
    }
}

fn normalize(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    normalize_into(text, &mut s);
    s
}

/// How a line relates to the title.
#[derive(Debug, PartialEq, Eq)]
enum Repeat {
    Same,
    /// The line is the title plus a site name; the affix as it reads in the line.
    LineSuffix(String),
    LinePrefix(String),
    /// The title carries a site name and the line is the bare headline.
    TitleSuffix(String),
    TitlePrefix(String),
}

/// Whether `site` (original text, without separator) reads like a site name: short, no
/// sentence punctuation at its end, capitalised or a domain.
fn site_like(site: &str) -> bool {
    let site = site.trim();
    let words = site.split_whitespace().count();
    if site.is_empty() || words > 5 || site.chars().count() > 40 {
        return false;
    }
    if site.ends_with(['.', '!', '?', ',', ';', ':']) {
        return false;
    }
    let first = site.chars().next().unwrap_or(' ');
    let domain = words == 1 && site.contains('.');
    first.is_uppercase()
        || first.is_numeric()
        || domain
        || !first.is_alphabetic() && first.is_alphanumeric()
}

/// `rest` follows the headline in a normalised line: " | site" -> the site part.
fn suffix_site(rest: &str) -> bool {
    let spaced = rest.starts_with(' ');
    let r = rest.trim_start();
    let Some(sep) = r.chars().next() else {
        return false;
    };
    if !SEPARATORS.contains(&sep)
        || sep == ':'
        || (sep == '-' && !spaced)
        || (sep == '/' && !spaced)
    {
        return false;
    }
    let site = r[sep.len_utf8()..].trim_start();
    !site.is_empty() && (sep != '-' || r[1..].starts_with(' '))
}

/// `rest` precedes the headline in a normalised line: "site: " -> true.
fn prefix_site(rest: &str) -> bool {
    let spaced = rest.ends_with(' ');
    let r = rest.trim_end();
    let Some(sep) = r.chars().next_back() else {
        return false;
    };
    if !SEPARATORS.contains(&sep) || (matches!(sep, '-' | '/') && !spaced) {
        return false;
    }
    let site = r[..r.len() - sep.len_utf8()].trim_end();
    !site.is_empty() && (sep != '-' || site.len() + 1 < r.len())
}

/// The tail of `original` that normalises to `norm_tail`, found by trying each separator.
fn original_tail<'a>(original: &'a str, norm_tail: &str) -> Option<&'a str> {
    let want = norm_tail.trim();
    original
        .char_indices()
        .filter(|(_, c)| {
            SEPARATORS.contains(c) || matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}')
        })
        // the separator's leading space belongs to the affix: " | Daily Planet"
        .map(|(i, _)| &original[original[..i].trim_end().len()..])
        .find(|t| normalize(t) == want)
}

/// The head of `original` that normalises to `norm_head`.
fn original_head<'a>(original: &'a str, norm_head: &str) -> Option<&'a str> {
    let want = norm_head.trim();
    original
        .char_indices()
        .filter(|(_, c)| {
            SEPARATORS.contains(c) || matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}')
        })
        .map(|(i, c)| &original[..i + c.len_utf8()])
        .find(|h| normalize(h) == want)
}

fn strip_sep(affix: &str) -> &str {
    affix.trim_matches(|c: char| {
        c.is_whitespace() || SEPARATORS.contains(&c) || matches!(c, '\u{2010}'..='\u{2015}')
    })
}

/// How `line` (original core `orig`, normalised `n`) repeats the title (`title`, normalised `t`).
fn compare(title: &str, t: &str, orig: &str, n: &str) -> Option<Repeat> {
    if n == t {
        return Some(Repeat::Same);
    }
    if n.len() > t.len() {
        if let Some(rest) = n.strip_prefix(t) {
            if suffix_site(rest) {
                let tail = original_tail(orig, rest)?;
                return site_like(strip_sep(tail)).then(|| Repeat::LineSuffix(tail.to_string()));
            }
        }
        if let Some(rest) = n.strip_suffix(t) {
            if prefix_site(rest) {
                let head = original_head(orig, rest)?;
                return site_like(strip_sep(head)).then(|| Repeat::LinePrefix(head.to_string()));
            }
        }
    } else if n.split(' ').count() >= 3 {
        // the title has the site name and the body line is the bare headline
        if let Some(rest) = t.strip_prefix(n) {
            if suffix_site(rest) {
                let tail = original_tail(title, rest)?;
                return site_like(strip_sep(tail)).then(|| Repeat::TitleSuffix(tail.to_string()));
            }
        }
        if let Some(rest) = t.strip_suffix(n) {
            if prefix_site(rest) {
                let head = original_head(title, rest)?;
                return site_like(strip_sep(head)).then(|| Repeat::TitlePrefix(head.to_string()));
            }
        }
    }
    None
}

/// Whether `line` repeats `title` as this rule reads a repeat (up to case, spacing, quotes
/// and dashes, or with a site affix on either side), wherever the line stands. The dek test
/// (S004) runs before this rule and skips such a line: it is gone from the clean text.
pub(crate) fn repeats_title(title: &str, line: &str) -> bool {
    TitleRepeats::new(title).by(line)
}

/// [`repeats_title`] for many lines of one document: the title is normalised once, when a
/// line first passes the length test.
pub(crate) struct TitleRepeats<'a> {
    title: &'a str,
    normalized: Option<String>,
    buf: String,
}

impl<'a> TitleRepeats<'a> {
    pub(crate) fn new(title: &'a str) -> Self {
        Self {
            title: core(title),
            normalized: None,
            buf: String::new(),
        }
    }

    /// Whether `line` repeats the title.
    pub(crate) fn by(&mut self, line: &str) -> bool {
        self.repeat(line).is_some()
    }

    /// Whether `line` is near enough the title in length to repeat it: a site affix adds
    /// at most ~45 bytes to either side, so most lines are ruled out before anything else.
    fn near_in_length(&self, line: &str) -> bool {
        line.len() <= self.title.len() + 64 && line.len() + 64 >= self.title.len()
    }

    /// How `line` repeats the title, if it does.
    fn repeat(&mut self, line: &str) -> Option<Repeat> {
        let title = self.title;
        if !self.near_in_length(line) {
            return None;
        }
        let t = self.normalized.get_or_insert_with(|| normalize(title));
        let orig = core(line);
        if t.is_empty() || !may_repeat(orig, t, &mut self.buf) {
            return None;
        }
        normalize_into(orig, &mut self.buf);
        compare(title, t, orig, &self.buf)
    }
}

impl Rule for RepeatedTitle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Late: a line is judged as it reads once the other rules are done, so that the
    /// title repeated with a stuffed clause appended goes in the same run as the clause.
    fn phase(&self) -> Phase {
        Phase::Late
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let doc = ctx.doc;
        let (Some(ti), Some(title)) = (doc.title_line(), doc.title()) else {
            return;
        };
        let title = core(title);
        // a title that wraps onto the next line is a fragment of a sentence, not a headline
        if continued_by_next(ctx, ti) {
            return;
        }
        let number = doc.lines()[ti].number;
        let mut repeats = TitleRepeats::new(title);
        for i in doc.body_lines() {
            if ctx.line_dropped(i) {
                continue;
            }
            let raw = ctx.line_after_removals(i);
            let raw = raw.as_ref();
            // the cheap test first: the sentence tests read the lines around
            if !repeats.near_in_length(raw)
                || continues_sentence(ctx, i)
                || continued_by_next(ctx, i)
            {
                continue;
            }
            let Some(kind) = repeats.repeat(raw) else {
                continue;
            };
            let orig = core(raw);
            let msg = match kind {
                Repeat::Same if orig == title => format!("repeats the title (line {number})"),
                Repeat::Same => format!(
                    "repeats the title (line {number}) up to case, spacing, quotes or dashes"
                ),
                Repeat::LineSuffix(a) => format!(
                    "repeats the title (line {number}) with site suffix {}",
                    quote(a.trim_end())
                ),
                Repeat::LinePrefix(a) => format!(
                    "repeats the title (line {number}) with site prefix {}",
                    quote(a.trim_start())
                ),
                Repeat::TitleSuffix(a) => {
                    format!(
                        "repeats the title (line {number}) without its site suffix {}",
                        quote(a.trim_end())
                    )
                }
                Repeat::TitlePrefix(a) => {
                    format!(
                        "repeats the title (line {number}) without its site prefix {}",
                        quote(a.trim_start())
                    )
                }
            };
            out.push(Finding::new(&META, doc.lines()[i].range.clone(), msg));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`normalize_into`] one character at a time, as it was written first.
    fn normalize_by_chars(text: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in text.chars() {
            if c.is_whitespace() {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            let c = match c {
                '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => {
                    '\''
                }
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
                '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
                c => c,
            };
            out.extend(c.to_lowercase());
        }
        out
    }

    #[test]
    fn normalising_by_bytes_agrees_with_normalising_by_characters() {
        for t in [
            "",
            "  ",
            " The  Harbour\tFerry \r\n",
            "`Quoted` \u{2018}title\u{2019} \u{201c}here\u{201d}",
            "Dash \u{2013} and \u{2212} minus - hyphen",
            "\u{a0}ÉTÉ\u{2003}İstanbul Шторм",
            "x\u{1c}y\u{85}z",
            "a\u{7f}b\u{1}c  d \te `f` g` h",
            "one two three ",
            "caf\u{e9} Au Lait",
            "ALL CAPS 2025: A-B/C | D",
        ] {
            let mut out = String::from("stale");
            normalize_into(t, &mut out);
            assert_eq!(out, normalize_by_chars(t), "{t:?}");
        }
    }

    #[test]
    fn normalising_agrees_with_the_character_reference_on_mixed_texts() {
        // every pairing of the characters the two loops treat apart: runs, single and
        // double spaces, other whitespace, backquotes, controls, curly quotes, letters
        // that change length in lower case
        let alphabet = [
            "a", "B", " ", "  ", "\t", "\n", "`", "\u{1}", "\u{7f}", "-", "\u{2019}", "\u{a0}",
            "\u{130}", "É", "9", "|",
        ];
        let mut seed = 0x2545_f491_u32;
        for _ in 0..4000 {
            let mut t = String::new();
            for _ in 0..(seed % 12) {
                seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                t.push_str(alphabet[(seed >> 16) as usize % alphabet.len()]);
            }
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let mut out = String::from("stale");
            normalize_into(&t, &mut out);
            assert_eq!(out, normalize_by_chars(&t), "{t:?}");
        }
    }

    #[test]
    fn the_plain_edge_test_agrees_with_normalising() {
        let texts = [
            "the harbour ferry fares",
            "The Harbour Ferry Fares To Rise | Coast Courier",
            "the harbour",
            "The  Harbour ferry",
            " the harbour ferry",
            "the harbour ferry ",
            "`quoted` title here",
            "'quoted' title here",
            "\u{201c}quoted\u{201d} title here",
            "fares to rise",
            "to rise",
            "rise",
            "Fares To Rise",
            "ÉTÉ fares to rise",
            "fares to rise ÉTÉ",
            "harbour ferry fares to rise in spring",
            "x",
            "",
            "Ferry\u{a0}fares to rise",
            "a very long line that has nothing at all to do with the title here",
        ];
        let mut buf = String::new();
        for title in texts {
            let t = normalize(title);
            for line in texts {
                assert_eq!(
                    edges_may_repeat(line, &t, &mut buf),
                    edges_may_repeat_normalised(line, &t, &mut buf),
                    "{line:?} under {title:?}"
                );
            }
        }
    }
    use crate::rules::junk::testing::{findings, found};

    fn lines(text: &str) -> Vec<&str> {
        found(&RepeatedTitle, text)
    }

    #[test]
    fn lines_that_may_repeat_the_title_pass_the_edge_check() {
        let mut buf = String::new();
        let t = normalize("Big  Headline: the Whole Story");
        for line in [
            "big headline: the whole story",
            "Big Headline: the whole story | Daily Planet",
            "Daily Planet - Big Headline: the whole STORY",
            "the whole story",
            "  big headline  ",
            "",
        ] {
            assert!(may_repeat(line, &t, &mut buf), "{line:?}");
        }
        assert!(!may_repeat(
            "Another line of the article text",
            &t,
            &mut buf
        ));
    }

    #[test]
    fn the_two_byte_pre_test_rules_out_only_what_the_edge_check_does() {
        let mut buf = String::new();
        let lines = [
            "big headline: the whole story",
            "Big Headline: the whole story | Daily Planet",
            "Daily Planet - Big Headline: the whole STORY",
            "Bthe whole story",
            "Another line ending in y",
            "Another line of the article text",
            "`Quoted` Big Headline",
            "Big \u{201c}Headline\u{201d}",
            "b",
            "y",
            "\u{c9}t\u{e9} line",
            "\u{212a}elvin line",
            "B\u{e9}",
            "\u{201c}Big Headline\u{201d}",
            "\u{130}stanbul line",
            "\u{418}\u{422}\u{41e}\u{413}",
        ];
        for title in [
            "Big  Headline: the Whole Story",
            "'quoted' big headline",
            "\u{c9}t\u{e9} Story",
            "kelvin line",
            "Story",
            "\"big headline\"",
            "i\u{307}stanbul",
            "\u{438}\u{442}\u{43e}\u{433}",
        ] {
            let t = normalize(title);
            for line in lines {
                let mut b2 = String::new();
                assert!(
                    !edges_may_repeat(line, &t, &mut b2) || may_repeat(line, &t, &mut buf),
                    "{title:?} {line:?}"
                );
            }
        }
    }

    #[test]
    fn exact_and_near_repeats_are_found() {
        let t = "Council Votes to Close the \u{201c}Old\u{201d} Library \u{2013} For Now\n\nCouncil votes to close the \"old\" library - for now\nCOUNCIL  Votes to close the \u{201c}Old\u{201d}  Library \u{2014} for now\nThe council voted 7-2.\n";
        assert_eq!(lines(t).len(), 2);
    }

    #[test]
    fn site_affixes_are_found_and_named() {
        let t = "Storm Closes Mountain Pass\n\nStorm Closes Mountain Pass | Daily Planet\nStorm closes mountain pass - Alpine Times\nStorm Closes Mountain Pass \u{2014} Example.com\nDaily Planet: Storm Closes Mountain Pass\nBody text starts here.\n";
        let f = findings(&RepeatedTitle, t);
        assert_eq!(f.len(), 4, "{f:#?}");
        assert_eq!(
            f[0].message,
            "repeats the title (line 1) with site suffix \" | Daily Planet\""
        );
        assert_eq!(
            f[3].message,
            "repeats the title (line 1) with site prefix \"Daily Planet:\""
        );
    }

    #[test]
    fn bare_headline_under_a_title_with_site_name() {
        let t = "Storm Closes Mountain Pass | Daily Planet\n\nStorm Closes Mountain Pass\nText.\n";
        let f = findings(&RepeatedTitle, t);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message
                .contains("without its site suffix \" | Daily Planet\""),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn the_title_itself_is_kept() {
        assert!(lines("Storm Closes Mountain Pass\n\nOther text.\n").is_empty());
    }

    #[test]
    fn prose_that_starts_like_the_title_is_kept() {
        for body in [
            "Storm closes mountain pass - and drivers were stuck for hours on the road.",
            "Storm closes mountain pass: officials said the road would reopen on Friday.",
            "Storm closes mountain pass, stranding dozens",
            "Storm closes mountain pass again",
            "Storm closes mountain pass | a long story told by the people who live there",
            "Storm closes mountain pass - residents",
            "Storm closes mountain pass-road",
            "The storm closes mountain pass",
        ] {
            let t = format!("Storm Closes Mountain Pass\n\n{body}\n");
            assert!(lines(&t).is_empty(), "{body}");
        }
    }

    #[test]
    fn a_wrapped_sentence_start_is_kept() {
        let t = "Storm Closes Mountain Pass\n\nStorm closes mountain pass\nand roads across the region, officials said.\n";
        assert!(lines(t).is_empty());
    }

    #[test]
    fn short_lines_are_not_taken_for_a_bare_title() {
        let t = "Storm Closes Mountain Pass | Daily Planet\n\nStorm\nStorm Closes\n";
        assert!(lines(t).is_empty());
    }

    #[test]
    fn works_in_other_scripts() {
        let t = "Шторм закрыл горный перевал\n\nШТОРМ ЗАКРЫЛ ГОРНЫЙ ПЕРЕВАЛ | Новости\nТекст.\n";
        assert_eq!(lines(t).len(), 1);
    }
}
