//! J014 page-header: the page's header lines above the headline.
//!
//! A scraped page's text often starts with what the page prints above the article: a cookie
//! banner, the site's name, its menu, a breadcrumb, the headline as the `<title>` gives it
//! (`Headline | Site`) and then the headline again from the `<h1>`. The first line is then
//! not the headline, and every rule that reads the title would read the wrong line. The
//! evidence of where the headline is comes from the page itself: the same headline printed
//! twice in the short lines before the article's first sentence. The engine then takes the
//! cleanest of those copies as the title ([`page_header`]), and this rule drops the header lines
//! around it.

use std::ops::Range;

use crate::document::{sentences, Document};
use crate::rules::junk::byline::is_byline_or_date;
use crate::rules::junk::{core, has_words, TitleRepeats};
use crate::rules::seo::lexicon::is_teaser_formula;
use crate::rules::{Action, Context, Finding, Rule, RuleMeta};

pub struct PageHeader;

pub(crate) static META: RuleMeta = RuleMeta {
    code: "J014",
    name: "page-header",
    action: Action::DropLine,
    default_enabled: true,
    explanation: "\
## What it does
Finds the headline below a page header: where the short lines before the article's first \
sentence print the same headline twice (as the page's title with the site's name, in \
capitals, or word for word), the cleanest copy (not in capitals, without a site name) is \
the title, and the lines above it go: the site's name, the menu, the breadcrumb, the cookie \
banner, the other copy. Where the first line is the headline and the header repeats it \
below, the lines between the two copies go, and J001 drops the copy. Of several lines \
printed twice (a menu repeated above the headline), the headline is the one whose last copy \
stands nearest the article.

Where no headline is printed twice but the first lines are page furniture that the line \
rules drop on their own (a reading aid, a cookie banner, a share bar, a navigation label, a \
call to action, a breadcrumb), the first line after them is the title when it reads as a \
headline (four words or more, no byline, not a sentence of the article), and the furniture \
above it goes, with a section's kicker of three words or fewer between them (`LIVE UPDATES`).

## Why
Scraped text starts with whatever the page prints first, and that is often the page's \
header, not the headline. The headline printed twice is the page's own evidence of where the \
article starts. Only the short lines before the first sentence are read, and only a line of \
four words or more printed twice counts, so an article that starts with its headline keeps \
every line. A first line that a line rule drops by itself is not a headline either: taken as \
the title, `Listen to this article` would leave the real headline in the body and give the \
SEO rules the wrong title words.

## Example
```text
We use cookies to improve your experience. Accept all
Home › News › Courts
Court halts dam permit over fish survey | The Northern Ledger

Court halts dam permit over fish survey
```
The title is the last line; the three lines above it are dropped.
",
};

/// The most lines read as the page's header.
const MAX_HEADER_LINES: usize = 12;

/// Whether `line` is a sentence of the article (many words and a final stop): the header
/// ends before it.
fn is_prose(line: &str) -> bool {
    let stop = line
        .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')'])
        .ends_with(['.', '!', '?']);
    // ten words take 19 bytes at least, twenty 39: most header lines are shorter
    let least = if stop { 19 } else { 39 };
    line.len() >= least && has_words(line, if stop { 10 } else { 20 })
}

/// Whether the last sentence of `line` is a teaser formula (`Here's what to know.`).
fn ends_in_teaser_formula(line: &str) -> bool {
    sentences(line)
        .last()
        .is_some_and(|s| is_teaser_formula(line[s.clone()].trim()))
}

/// The most kicker lines between the page furniture and the headline.
const MAX_KICKERS: usize = 2;

/// Whether `line` is a section's kicker: one to three words, no sentence stop at its end.
fn is_kicker(line: &str) -> bool {
    !has_words(line, 4) && !line.ends_with(['.', '!', '?'])
}

/// Whether `line` may be a headline: four words or more, and no byline.
fn may_be_headline(line: &str) -> bool {
    has_words(line, 4) && !line.get(..3).is_some_and(|b| b.eq_ignore_ascii_case("by "))
}

/// The most lines read for copies of a headline: [`MAX_HEADER_LINES`] from its first copy,
/// and as many again from the copy taken as the title. A second run, with the lines above
/// the title gone, reads its window from the title: the first reads that far too.
const ZONE_LINES: usize = 2 * MAX_HEADER_LINES;

/// The header's lines (the first non-blank line and the non-blank lines after it, up to
/// [`ZONE_LINES`], before the first [`is_prose`] line) and, when two of them print the
/// same headline, those copies. Fixed arrays: the engine reads the header of every text.
struct Header {
    lines: [usize; ZONE_LINES],
    len: usize,
    copies: [usize; ZONE_LINES],
    n_copies: usize,
}

impl Header {
    fn read(doc: &Document<'_>, furniture: &dyn Fn(&str) -> bool) -> Option<Header> {
        let first = doc.lines().iter().position(|l| l.paragraph.is_some())?;
        // a sentence of the article is no page header, whatever follows it (a headline
        // printed twice below a lede copied above it); a cookie banner is one
        let line = core(doc.line_text(first));
        if is_prose(line) && !furniture(line) {
            return None;
        }
        let mut h = Header {
            lines: [first; ZONE_LINES],
            len: 1,
            copies: [0; ZONE_LINES],
            n_copies: 0,
        };
        for i in first + 1..doc.lines().len() {
            if h.len == ZONE_LINES {
                break;
            }
            if doc.lines()[i].paragraph.is_none() {
                continue;
            }
            let line = core(doc.line_text(i));
            // a dek that ends in a teaser formula does not end the header: S004 may drop
            // it, and a second run would read past it to a headline printed twice below
            if is_prose(line) && !ends_in_teaser_formula(line) {
                break;
            }
            h.lines[h.len] = i;
            h.len += 1;
        }
        // a single line before the first sentence is the usual article: nothing to compare
        if h.len < 2 {
            return None;
        }
        // Of several lines printed twice (a menu repeated above the headline and its copy),
        // the headline is the one whose last copy stands nearest the article: the others
        // are the page's and go with the header, so that a second run, with one copy of the
        // menu gone, finds the same headline.
        let window = |from: usize| (from + MAX_HEADER_LINES).min(h.len);
        let mut best: Option<(usize, usize)> = None;
        for k in 0..h.len.min(MAX_HEADER_LINES) {
            let line = core(doc.line_text(h.lines[k]));
            if !may_be_headline(line) {
                continue;
            }
            let mut repeats = TitleRepeats::new(line);
            if let Some(last) = h.lines[k + 1..window(k)]
                .iter()
                .rev()
                .find(|&&i| repeats.by(core(doc.line_text(i))))
            {
                // furniture printed twice (`Follow us` above and below the headline, a
                // date) is no headline: a second run, with one copy gone, reads past it to
                // the real one (asked last: few lines are printed twice)
                if furniture(line) || is_byline_or_date(line) {
                    continue;
                }
                if best.is_none_or(|(_, l)| *last > l) {
                    best = Some((k, *last));
                }
            }
        }
        let (k, _) = best?;
        let mut repeats = TitleRepeats::new(core(doc.line_text(h.lines[k])));
        h.copies[0] = h.lines[k];
        h.n_copies = 1;
        let mut end = window(k);
        let mut at = k + 1;
        while at < end {
            let i = h.lines[at];
            if repeats.by(core(doc.line_text(i))) {
                h.copies[h.n_copies] = i;
                h.n_copies += 1;
                // the window goes on from the copy taken as the title
                if h.best(doc) == i {
                    end = end.max(window(at));
                }
            }
            at += 1;
        }
        Some(h)
    }

    fn lines(&self) -> &[usize] {
        &self.lines[..self.len]
    }

    fn copies(&self) -> &[usize] {
        &self.copies[..self.n_copies]
    }

    /// The copy to keep as the title: one with a lower-case letter (not in capitals), then
    /// the shortest (no site name), then the first.
    fn best(&self, doc: &Document<'_>) -> usize {
        let text = |i: usize| core(doc.line_text(i));
        *self
            .copies()
            .iter()
            .min_by_key(|&&i| (!text(i).chars().any(char::is_lowercase), text(i).len(), i))
            .expect("two copies")
    }
}

/// The document's page header, when its short lines before the first sentence print the
/// headline twice: the copy to take as the title, and the lines from the first one to the
/// last copy; else the page furniture above the first line that reads as a headline
/// ([`furniture_header`]). `furniture` says which lines the line rules drop by themselves.
/// `None` leaves the document as it is.
pub(crate) fn page_header(
    doc: &Document<'_>,
    furniture: &dyn Fn(&str) -> bool,
) -> Option<(usize, Range<usize>)> {
    match Header::read(doc, furniture) {
        Some(header) => Some(header.title_and_lines(doc)),
        None => furniture_header(doc, furniture),
    }
}

impl Header {
    fn title_and_lines(&self, doc: &Document<'_>) -> (usize, Range<usize>) {
        let last = *self.copies().last().expect("two copies");
        (self.best(doc), self.lines()[0]..last + 1)
    }
}

/// The document's page header when no headline is printed twice but the first lines are
/// page furniture on their own (`furniture` says which: a reading aid, a cookie banner, a
/// share bar, a breadcrumb; or a byline or a date): the first line after them is the title
/// when it reads as a headline (four words or more, no byline, not a sentence of the
/// article), and the header is the lines from the first one to it. `None` when the first
/// line is not furniture.
fn furniture_header(
    doc: &Document<'_>,
    furniture: &dyn Fn(&str) -> bool,
) -> Option<(usize, Range<usize>)> {
    // A byline or a date among the furniture goes too (J010 drops them wherever they stand,
    // and J014 with the header): were one to end the furniture, a second run, with it gone,
    // would read on to the headline below it.
    let furniture = |line: &str| furniture(line) || is_byline_or_date(line);
    let mut lines = (0..doc.lines().len()).filter(|&i| doc.lines()[i].paragraph.is_some());
    let first = lines.next()?;
    if !furniture(core(doc.line_text(first))) {
        return None;
    }
    // No bound on the furniture lines read: the line rules drop them, so a bound on them
    // would reach further on a second run, with them gone. The kickers stay and are few.
    let mut kickers = 0;
    for i in lines {
        let line = core(doc.line_text(i));
        if furniture(line) {
            continue;
        }
        // a section's kicker between the furniture and the headline (`LIVE UPDATES`,
        // `Transfer News`): a line of three words or fewer without a stop is no headline
        if is_kicker(line) {
            kickers += 1;
            if kickers > MAX_KICKERS {
                return None;
            }
            continue;
        }
        return (may_be_headline(line) && !is_prose(line)).then_some((i, first..i + 1));
    }
    None
}

impl Rule for PageHeader {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let doc = ctx.doc;
        let (Some(ti), Some(title)) = (doc.title_line(), doc.title()) else {
            return;
        };
        // the header's lines above the title go, and those between it and its last copy;
        // the copies below the title are J001's
        let header = doc.header();
        if header.is_empty() {
            return;
        }
        let number = doc.lines()[ti].number;
        let last = doc.lines()[header.end.saturating_sub(1)].number;
        let mut repeats = TitleRepeats::new(title);
        for i in header {
            if i == ti || doc.lines()[i].paragraph.is_none() {
                continue;
            }
            let msg = if i < ti {
                format!("page header above the headline at line {number}")
            } else if repeats.by(doc.line_text(i)) {
                continue;
            } else {
                format!(
                    "page header between the headline at line {number} and its copy at line {last}"
                )
            };
            out.push(Finding::new(&META, doc.lines()[i].range.clone(), msg));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chosen(text: &str) -> Option<&str> {
        let doc = Document::parse(text);
        page_header(&doc, &|_| false)
            .map(|(t, _)| t)
            .filter(|&t| Some(t) != doc.title_line())
            .map(|i| doc.line_text(i))
    }

    #[test]
    fn a_dek_with_a_teaser_formula_does_not_end_the_header() {
        let text = "1990 Whitfield wins the mayoral race after a recount\n\nThe Civic Record: Whitfield wins the mayoral race after a recount\n\nDana Whitfield has won the mayoral race after a recount, a huge result for the city and its voters. Here is what we know.\nWhitfield wins the mayoral race after a recount\n\nDana Whitfield was declared mayor early on Sunday after a full recount confirmed her lead.\n";
        assert_eq!(
            chosen(text),
            Some("Whitfield wins the mayoral race after a recount")
        );
    }

    #[test]
    fn a_sentence_on_the_first_line_is_no_header() {
        let lede = "The two leaders met in the port city on Saturday and agreed to end the dispute over fishing rights.";
        let text = format!("{lede}\n\nLeaders hold first summit as fishing row eases\nLeaders hold first summit as fishing row eases\nThe deal sets shared catch limits for mackerel and squid, officials said on Sunday.\n");
        assert_eq!(chosen(&text), None);
        // a cookie banner is a sentence too, and page furniture
        let banner = "We use cookies to improve your experience on our site. By continuing to browse you agree to their use.";
        let bannered = text.replace(lede, banner);
        let doc = Document::parse(&bannered);
        let furniture = |l: &str| l == banner;
        assert_eq!(page_header(&doc, &furniture).map(|(t, _)| t), Some(2));
    }

    #[test]
    fn the_clean_copy_below_a_header_is_the_headline() {
        let text = "We use cookies. Accept all\nHome › News › Courts\nCourt halts the dam permit | The Ledger\n\nCourt halts the dam permit\n\nBy Ann Lee\n\nThe court ruled on Tuesday that the permit for the dam on the river had been granted without a proper study.\n";
        assert_eq!(chosen(text), Some("Court halts the dam permit"));
        let caps = "VeloNews\nHome › Cycling\nRUIZ TAKES THE QUEEN STAGE IN STYLE\n\nRuiz takes the queen stage in style\n\nThe Spanish rider attacked on the final climb and held off the chasers to win alone at the summit finish.\n";
        assert_eq!(chosen(caps), Some("Ruiz takes the queen stage in style"));
    }

    #[test]
    fn the_header_goes_and_the_title_stays_once() {
        let engine = crate::Engine::default();
        let body = "The court ruled on Tuesday that the permit for the dam on the river had been granted without a proper study.\n";
        for text in [
            // the page's lines above the clean copy
            format!("Home › News › Courts\nCourt halts the dam permit | The Ledger\n\nCourt halts the dam permit\n\n{body}"),
            // the first line is the headline: the lines down to its copy go
            format!("Court halts the dam permit\nThe Ledger\nHome › News\nCourt halts the dam permit\n\n{body}"),
        ] {
            let once = engine.clean(&text);
            assert_eq!(once.text, format!("Court halts the dam permit\n\n{body}"), "{text}");
            assert_eq!(engine.clean(&once.text).text, once.text);
        }
    }

    #[test]
    fn a_menu_printed_twice_above_the_headline_is_the_pages() {
        let text = "Lakeside News | Health | Local | Sport\nLakeside News | Health | Local | Sport\n\nCourt halts the dam permit | The Ledger\n\nCourt halts the dam permit\n\nThe court ruled on Tuesday that the permit for the dam on the river had been granted without a proper study.\n";
        assert_eq!(chosen(text), Some("Court halts the dam permit"));
        let engine = crate::Engine::default();
        let once = engine.clean(text);
        assert!(
            once.text
                .starts_with("Court halts the dam permit\n\nThe court"),
            "{}",
            once.text
        );
        assert_eq!(engine.clean(&once.text).text, once.text);
    }

    #[test]
    fn a_copy_of_the_headline_read_from_the_title_is_the_same_in_a_second_run() {
        // the third copy stands more than a header's lines below the first line, but within
        // them from the title: a second run, with the lines above the title gone, reads it
        let short = "Blue\nGreen\nRed\nYellow\nBlack\n";
        let text = format!(
            "{short}Court halts the dam permit\nCourt halts the dam permit\n{short}Court halts the dam permit\n\nThe court ruled on Tuesday that the permit for the dam on the river had been granted without a proper study.\n"
        );
        let engine = crate::Engine::default();
        let once = engine.clean(&text);
        assert!(
            once.text
                .starts_with("Court halts the dam permit\n\nThe court"),
            "{}",
            once.text
        );
        assert_eq!(engine.clean(&once.text).text, once.text);
    }

    #[test]
    fn an_article_that_starts_with_its_headline_keeps_it() {
        for text in [
            "Court halts the dam permit\n\nThe court ruled on Tuesday that the permit for the dam on the river had been granted without a proper study.\n",
            // the copy below the first line is J001's, and the first line stays the title
            "Court halts the dam permit\nThe Ledger\nCourt halts the dam permit\n\nThe court ruled on Tuesday that the permit for the dam on the river had been granted without a proper study.\n",
            // the same short label twice is no headline
            "Budget\nShare\nShare\n\nThe council ruled on Tuesday that the budget for the new school had been set too low for the year.\n",
            // a repeat after the first sentence is not in the header
            "Site News\n\nThe council met on Tuesday and agreed the budget for the new school after a long debate.\n\nCouncil agrees the school budget\nCouncil agrees the school budget\n",
        ] {
            assert_eq!(chosen(text), None, "{text}");
        }
    }
}
