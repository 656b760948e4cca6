//! J003 story-navigation: links to other stories and ad slot labels.
//!
//! Pages surround an article with "Next Story", "Read more: <headline>", "Trending Now" and
//! "Advertisement" markers; a scraper keeps them as lines of their own. The labels are a
//! closed list of navigation words. A label followed by a headline counts only while the rest
//! reads as one short headline, so a paragraph that happens to start with "Related:" stays.
//! Two labels joined by a separator (`Advertisement - Scroll to continue`) are a label line
//! too, and a list heading (`Related Articles`, `Most Popular`) takes the lines under it in
//! its paragraph when every one of them reads as a headline: the links a scraper copied.

use std::ops::Range;

use crate::rules::junk::{
    has_words, quote, short_body_lines, start_candidates, word_count, ShortLine, Start,
    START_REGEXES,
};
use crate::rules::{Action, Context, Finding, Rule, RuleMeta};

pub struct StoryNavigation;

static META: RuleMeta = RuleMeta {
    code: "J003",
    name: "story-navigation",
    action: Action::DropLine,
    default_enabled: true,
    explanation: "\
## What it does
Drops navigation and ad-slot lines: `Next Story`, `Previous Story`, `Next article`, \
`Read More`, `Related Articles`, `Trending Now`, `Most Popular`, `Advertisement`, \
`Sponsored`, `Story continues below advertisement` (or only `Story continues`), `Continue \
reading below`, `Watch the video above`, the labels of \
page widgets (`Loading...`, `Show more`, `Click to expand`, `Image 1 of 5`, `toggle caption`, \
`Reuse this content`, `Report an error`, `About the author`), a video player's notes (`Scroll \
down for video`, `Your browser does not support the video tag.`), and a label with \
one short headline after it: `Read more: <headline>`, `Also Read: <headline>`, \
`ALSO READ | <headline>`, `READ | <headline>`, `RELATED: <headline>`, \
`Deal of the day: <offer>`, `More from <section>`; labels joined by a \
separator (`Advertisement - Scroll to continue`); and the headlines listed under a list heading, \
numbered (`1. ...`) or not (`Related Articles`, `Most Popular`, `Sponsored Stories`, a search page's `People also ask` \
with its questions) in the same paragraph; in a text \
without blank lines, two headlines or more under such a heading up to the article's next \
sentence, a label, or the page's copyright notice.

## Why
These are links to other pages and placeholders of ad slots; they are not part of the story. \
A label followed by more than one short headline (several sentences, a full stop, more than \
20 words) is left alone because it may be the article's own prose. The lines under a list \
heading go only when every one of them reads as a headline (upper-case start, at most 20 \
words, no full stop): one line of prose among them keeps them all.

## Example
```text
Also Read: City council approves new bus lanes
Advertisement
Related Stories
Ferry fares to rise in spring
Why the night trains are late
```
Every line is dropped.
",
};

pub(super) const MAX_LEN: usize = 220;

/// The longest line that may be a bare label.
pub(super) const LABEL_ONLY_MAX_LEN: usize = 60;

/// A line that is only a navigation or ad label.
pub(super) const LABEL_ONLY_PATTERN: &str = r"(?xi)^(?:[«‹<←]\s*|[-–—]+\s*)?(?:
            (?:next|previous|prev)(?:\s+(?:story|article|post|page|item|gallery|slide|stories|articles))?
          | read\s+(?:more|next|also|full\s+(?:story|article))
          | also\s+read
          | continue\s+reading(?:\s+(?:below|the\s+(?:main\s+)?(?:story|article)))?
          | (?:related|more|other|recommended|similar|latest|top|popular|trending|recent|featured)\s+
              (?:articles?|stories|posts|news|coverage|content|reads|videos?|topics|links|reading|headlines)
          | related | recommended(?:\s+for\s+you)? | trending(?:\s+now)?
          | most\s+(?:popular|read|viewed|shared|commented|watched)
          | popular\s+(?:this\s+week|now|today)
          | you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)
          | editor'?s\s+picks? | don'?t\s+miss | more | see\s+also | also\s+(?:see|watch) | up\s+next
          | (?:in\s+)?other\s+news
          | advertisement | advertisment | advert | ads? | sponsored(?:\s+(?:content|links?|stories))?
          | promoted(?:\s+(?:content|stories|links?))? | paid\s+(?:content|post|partner\s+content)
          | (?:the\s+)?(?:story|article|content)\s+continues(?:\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|advert|ad))?)?
          | continue\s+reading\s+below | article\s+continues\s+below
          | scroll\s+(?:down\s+)?to\s+continue(?:\s+(?:with\s+content|reading))?
          | scroll\s+down\s+for\s+(?:the\s+)?(?:video|videos|more)
          | your\s+browser\s+(?:does\s+not|doesn'?t)\s+support\s+(?:the\s+)?(?:html5\s+)?(?:video|audio|iframes?)(?:\s+(?:tag|element|player|playback))?\.?
          | skip\s+(?:ad|advertisement) | back\s+to\s+top
          | loading(?:\s+(?:comments|video|more|content))?
          | show\s+(?:more|less|all) | (?:click|tap)\s+to\s+(?:expand|enlarge|zoom|play|read\s+more)
          | load\s+more(?:\s+(?:stories|articles|comments|news|posts|results))?
          | view\s+(?:this\s+)?post\s+on\s+(?:instagram|facebook|x|twitter|tiktok|threads)
          | a\s+post\s+shared\s+by\s+[^.!?()]*\(@[a-z0-9_.]+\)
          | (?:image|photo|picture|slide)\s+[0-9]+(?:\s+of\s+|\s*/\s*)[0-9]+
          | (?:enlarge|expand)\s+(?:this\s+)?(?:image|photo|picture) | (?:toggle|hide|show)\s+caption
          | explore\s+more\s+on\s+(?:these|this)\s+topics? | reuse\s+this\s+content
          | about\s+the\s+(?:author|writer|reporter)s?
          | (?:report|flag)\s+(?:an?\s+)?(?:error|typo|mistake|issue|problem) | submit\s+a\s+correction
          | read\s+the\s+full\s+(?:story|article|report)(?:\s+here)?
          | (?:was\s+)?this\s+(?:article|story|page)\s+(?:was\s+)?helpful\s*\??(?:\s*(?:yes|no)\s*[,/|]?)*
          | open\s+in\s+(?:the\s+)?app | people\s+also\s+(?:ask|asked|read|viewed)
          | skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|article|story)
          | supported\s+by | like\s+this | like\s+loading | leave\s+a\s+reply
          | watch\s+(?:the\s+)?(?:video|now|live)(?:\s+(?:above|below|here))?
          | (?:image|photo|picture|video|gallery|graphic|audio)s?
          | anzeige | werbung | publicidad | publicité | pubblicità | publicidade | реклама | iklan | reklama
          | mehr\s+zum\s+thema | das\s+könnte\s+sie\s+auch\s+interessieren | weitere\s+artikel
          | (?:à\s+)?lire\s+aussi | voir\s+aussi | sur\s+le\s+même\s+sujet
          | te\s+puede\s+interesar | lee\s+también | ver\s+también | leer\s+más | más\s+información
          | leggi\s+anche | leia\s+também | lees\s+ook
        )(?:\s*[:»›>→…]|\s*\.\.\.|\s*[-–—]+)?$";

/// A navigation label, a separator, then (group `h`) what should be one headline.
pub(super) const LABEL_HEADLINE_PATTERN: &str = r"(?xi)^(?P<label>
            read(?:\s+(?:more|also|next|this|on))?
          | deals?\s+of\s+the\s+(?:day|week)
          | also\s+(?:read|see|watch)
          | see\s+also
          | related(?:\s+(?:articles?|stories|story|news|reading|coverage|content|links?|video))?
          | more | also | watch(?:\s+(?:video|now))? | video | photos | (?:photo\s+)?gallery
          | must\s+(?:read|watch) | up\s+next | don'?t\s+miss | recommended | trending
          | (?:next|previous)\s+(?:story|article)
          | lesen\s+sie\s+(?:auch|mehr) | mehr\s+zum\s+thema | (?:à\s+)?lire\s+aussi | voir\s+aussi
          | te\s+puede\s+interesar | lee\s+también | ver\s+también | leggi\s+anche | leia\s+também
          | lees\s+ook
        )\s*(?:[:|»›>→–—]|\s-|\.\.\.)\s*(?P<h>\S.*)$";

/// The groups `label` and `h` of [`LABEL_HEADLINE_PATTERN`] on `core`, which it matches:
/// read off the line rather than captured, which ran a backtracking search per line. No
/// label holds a separator (nor a whitespace before a `-`) and each ends with a letter, and
/// only whitespace stands between it and the separator: so the first separator is the one
/// after the label, the label is what comes before it less trailing whitespace, and the
/// headline is what follows it less leading whitespace (the pattern's `\s` and Rust's
/// whitespace are both Unicode's `White_Space`).
fn label_and_headline(core: &str) -> (&str, &str) {
    for (at, c) in core.char_indices() {
        let after = at + c.len_utf8();
        let sep_end = match c {
            ':' | '|' | '»' | '›' | '>' | '→' | '–' | '—' => after,
            '.' if core[at..].starts_with("...") => at + 3,
            c if c.is_whitespace() && core[after..].starts_with('-') => after + 1,
            _ => continue,
        };
        return (core[..at].trim_end(), core[sep_end..].trim_start());
    }
    (core, "")
}

/// Separators between two labels on one line: `Advertisement - Scroll to continue`.
const LABEL_JOINERS: &[&str] = &[" - ", " – ", " — ", "|", " · ", " • ", " / "];

/// Whether the line is two or more navigation or ad labels joined by separators.
fn joined_labels(l: &ShortLine<'_>) -> bool {
    let core = l.core;
    // only a line that starts as a label can be labels: most lines do not, and need no
    // search for each separator
    if start_candidates(core, l.hints) & (1 << Start::LabelOnly as u16) == 0 {
        return false;
    }
    let Some(sep) = LABEL_JOINERS.iter().find(|s| core.contains(**s)) else {
        return false;
    };
    let label = &START_REGEXES[Start::LabelOnly as usize];
    core.split(sep).all(|part| label.is_match(part.trim()))
}

/// The first words of the labels that head a list of links (`Related Articles`, `Most
/// Popular`, `Sponsored Stories`, `Read more`), lower-case; the labels of an ad slot or of
/// the article going on (`Advertisement`, `Continue reading`) head none.
#[rustfmt::skip]
const LIST_HEADS: &[&str] = &[
    "related", "more", "other", "recommended", "similar", "latest", "top", "popular",
    "trending", "recent", "featured", "most", "you", "editor's", "editor’s", "editors",
    "don't", "don’t", "dont", "see", "up", "in", "read", "also", "next", "previous", "prev",
    "sponsored", "promoted", "paid", "people",
];

/// The lines after the list heading at line `i` in its paragraph, when there are some and
/// each reads as a headline. A label among them (`Share it`, `Advertisement`) is no
/// headline: its own rule judges it, and the lines around it are left to theirs.
fn listed_headlines(ctx: &Context<'_>, i: usize) -> Option<Range<usize>> {
    let doc = ctx.doc;
    let par = &doc.paragraphs()[doc.lines()[i].paragraph?];
    let under = i + 1..par.lines.end;
    if under.is_empty() {
        return None;
    }
    let label = |c: &str| {
        [Start::Share, Start::LabelOnly]
            .iter()
            .any(|&s| START_REGEXES[s as usize].is_match(c))
    };
    let headline = |j: usize| {
        let c = super::core(doc.line_text(j));
        c.len() <= MAX_LEN
            && c.chars()
                .next()
                .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit())
            && headline_like(c)
            && !label(c)
    };
    let run_end = under.clone().find(|&j| !headline(j)).unwrap_or(under.end);
    if run_end == under.end {
        return Some(under);
    }
    // a text with no blank lines runs the list on into the article's next paragraph: two
    // headlines or more (one short line after a label may be the article's own subheading),
    // then a line that ends a sentence, or a label or the page's copyright notice that their
    // own rules judge (`Share`, `© 2026 Example Media`). One headline is enough between two
    // labels: a subheading of the article is not followed by a label. A label word that goes
    // on with the last headline's sentence (`... on\nx`) is no label: its rule leaves it to
    // the line before, and the headline would be dropped from under it.
    let next = super::core(doc.line_text(run_end));
    let ends_sentence = next
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?']);
    let n = run_end - under.start;
    ((n >= 2 && (ends_sentence || super::copyright::notice(next).is_some()))
        || (n >= 1 && label(next) && !super::continues_sentence(ctx, run_end)))
    .then_some(under.start..run_end)
}

/// Whether the label `core` heads a list of links: see [`LIST_HEADS`].
fn heads_list(core: &str) -> bool {
    let first = core
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | '»' | '›' | '>'))
        .find(|w| !w.is_empty() && !matches!(*w, "«" | "‹" | "<" | "←"))
        .unwrap_or("");
    LIST_HEADS.iter().any(|h| first.eq_ignore_ascii_case(h))
}

/// `More from <section>`: short, no sentence.
pub(super) const MORE_FROM_PATTERN: &str = r"(?i)^more\s+(?:from|on|in|about)\s+\S";

/// Whether `h` reads as one headline rather than prose: short, one sentence, no full stop.
/// A list's number before it (`1. `, `2) `) is no sentence's end.
fn headline_like(h: &str) -> bool {
    let h = without_list_number(h.trim());
    let words = word_count(h);
    if words == 0 || words > 20 || h.len() > 180 {
        return false;
    }
    if h.ends_with('.') && !h.ends_with("...") {
        return false;
    }
    // ". Next" inside: more than one sentence
    let b = h.as_bytes();
    !b.windows(3)
        .any(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ' && w[2].is_ascii_uppercase())
}

/// `h` without a numbered list's marker at its start (`1. `, `12) `).
fn without_list_number(h: &str) -> &str {
    let digits = h.bytes().take_while(u8::is_ascii_digit).count();
    match h.as_bytes().get(digits..digits + 2) {
        Some([b'.' | b')', b' ']) if (1..=2).contains(&digits) => h[digits + 2..].trim_start(),
        _ => h,
    }
}

impl Rule for StoryNavigation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let doc = ctx.doc;
        // the lines taken as a list under a heading: not judged again
        let mut listed = 0..0;
        short_body_lines(ctx, MAX_LEN, |l| {
            let (i, core) = (l.index, l.core);
            if listed.contains(&i) {
                return;
            }
            // the shared line-start pass ran LABEL_ONLY, LABEL_HEADLINE and MORE_FROM on the line
            // already; a label alone on its line (`Related Articles`, `More on this story`) may
            // head a list of headlines in its paragraph
            let (msg, heading) = if core.len() <= LABEL_ONLY_MAX_LEN && l.starts(Start::LabelOnly) {
                (format!("navigation or ad label {}", quote(core)), true)
            } else if core.len() <= LABEL_ONLY_MAX_LEN && joined_labels(l) {
                (format!("navigation or ad labels {}", quote(core)), false)
            } else if l.starts(Start::LabelHeadline) {
                let (label, h) = label_and_headline(core);
                // a bare `Read:` may introduce the article's own quotation: a headline after
                // it starts as headlines do
                let bare_read = label.eq_ignore_ascii_case("read");
                if !headline_like(h)
                    || (bare_read
                        && !h.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
                {
                    return;
                }
                let msg = format!(
                    "navigation label {} followed by one short headline",
                    quote(label)
                );
                (msg, false)
            } else if l.starts(Start::MoreFrom) && !has_words(core, 8) && headline_like(core) {
                (format!("navigation link {}", quote(core)), true)
            } else {
                return;
            };
            out.push(Finding::new(&META, doc.lines()[i].range.clone(), msg));
            if !heading || !heads_list(core) {
                return;
            }
            if let Some(under) = listed_headlines(ctx, i) {
                for j in under.clone() {
                    let msg = format!(
                        "headline {} listed under the navigation label {}",
                        quote(super::core(doc.line_text(j))),
                        quote(core)
                    );
                    out.push(Finding::new(&META, doc.lines()[j].range.clone(), msg));
                }
                listed = under;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::junk::testing::{assert_junk, assert_kept, for_each_match, found, in_body};

    #[test]
    fn the_groups_read_off_the_line_are_the_captured_ones() {
        let extra = [
            "Read more: A headline",
            "READ MORE :: A: headline",
            "Read more... - A headline",
            "Read more  - A - headline",
            "Read more\u{a0}-\u{2003}A headline",
            "Read more -- A headline",
            "Read more —— A headline",
            "Read more:- A headline",
            "Also read | A headline",
            "Also: Read more: A headline",
            "See also » A headline",
            "Related stories › A headline",
            "Related → A headline",
            "Related story - A headline",
            "More > A headline",
            "Watch video – A headline",
            "Watch now...A headline",
            "Must read — A headline",
            "Up next: A headline",
            "Don't miss: A headline",
            "Dont miss... A headline",
            "Recommended: A headline",
            "Trending | A headline",
            "Next story: A headline",
            "Previous article - A headline",
            "Also readers: no",
            "Watch video now: no",
            "Mo\u{17f}t: no",
        ];
        let n = for_each_match(LABEL_HEADLINE_PATTERN, &extra, |l, c| {
            assert_eq!(label_and_headline(l), (&c["label"], &c["h"]), "{l:?}");
        });
        assert!(n >= 25, "{n}");
    }

    #[test]
    fn navigation_lines_are_found() {
        for l in [
            "Next Story",
            "Previous Story",
            "Next article",
            "Read More",
            "READ MORE »",
            "Read more: Harbour authority raises docking fees",
            "Also Read: Rail strike called off after late-night talks",
            "ALSO READ | Ten things to know about the new tax code",
            "RELATED: Drought hits wheat farmers in the south",
            "[Related: Five questions about the stadium vote]",
            "Related Articles",
            "ALSO SEE",
            "Also watch",
            "Scroll down for video",
            "Your browser does not support the video tag.",
            "View this post on Instagram",
            "A post shared by Harbour Marathon (@harbourmarathon)",
            "Load more",
            "Load more stories",
            "More from Sport",
            "More on this story",
            "Trending Now",
            "Most Popular",
            "Advertisement",
            "- Advertisement -",
            "Watch Video",
            "Watch live",
            "Image",
            "Video",
            "Mehr zum Thema",
            "À lire aussi",
            "Te puede interesar",
            "Leggi anche:",
            "Lesen Sie auch: Sturmtief zieht über Norddeutschland",
            "À lire aussi : Les prix des billets vont augmenter",
            "Lee también: Las eléctricas ganan un 20 % más",
            "— ADVERTISEMENT —",
            "-- Story continues below advertisement --",
            "ADVERTISEMENT",
            "Sponsored",
            "Story continues below advertisement",
            "Continue reading below",
            "Story continues",
            "Watch the video above",
            "Continue Reading Below",
            "You may also like...",
            "Up next",
            "Iklan",
            "Advertisement - Scroll to continue",
            "ADVERTISEMENT | Story continues below",
            "Sponsored · Promoted content",
            "Loading...",
            "Loading…",
            "Show more",
            "Click to expand",
            "Tap to enlarge",
            "Image 1 of 5",
            "Photo 3/12",
            "Enlarge this image",
            "toggle caption",
            "Explore more on these topics",
            "Reuse this content",
            "About the author",
            "Report an error",
            "Submit a correction",
            "Read the full story here",
            "Was this article helpful? Yes No",
            "Open in app",
            "People also ask",
            "Skip to content",
            "Skip to main content",
            "Supported by",
            "Like this:",
            "Like Loading...",
            "Leave a Reply",
            "VIDEO: Drone footage shows the flooded streets",
            "READ | Monsoon likely to arrive early over the coast this year, says weather office",
            "Read: Ferry operator adds winter sailings",
            "Deal of the day: Save 40% on noise-cancelling headphones",
        ] {
            assert_junk(&StoryNavigation, l);
        }
    }

    #[test]
    fn prose_is_kept() {
        for l in [
            "Read more about this in our report on the budget.",
            "Read more about this in our report",
            "Next year the council will vote again.",
            "More than 200 people attended the vigil.",
            "Also see the minister's statement on the budget below the report.",
            "Related: the ministry said the two cases were linked. Police are investigating.",
            "Also: the committee will meet again on Friday to review the bids.",
            "Watch: the video shows the moment the bridge collapsed into the river below.",
            "Most popular among young voters was the housing plan, the poll found.",
            "Advertisement revenue fell by a third in 2024.",
            "Sponsored by the city, the festival drew 40,000 visitors.",
            "More from the minister is expected later this week.",
            "Trending topics on the platform included the election and the weather in the capital region.",
            "Previous governments had promised the same thing.",
            "A post shared by the minister on Monday drew 10,000 replies.",
            "Load more lorries onto the ferry, the port told its staff.",
            "View this post on Instagram and you will see the damage, the mayor said.",
            "- More than 300 people attended -",
            "Watch the video closely and you see the ball cross the line.",
            "Lesen Sie auch, was der Minister dazu gesagt hat.",
            "Voir aussi la carte des grèves publiée lundi par le ministère des transports.",
            "— Related reading for the council, the report said",
            "Next, the team travels to Lisbon.",
            "People also asked whether the fares would fall again next year.",
            "Related: A short story about the strike told by three workers who lived through it and the families that supported them for the whole year",
            "Advertisement - the city's new campaign",
            "Sponsored | Paid for by the council",
            "Loading the ships took three days.",
            "Show more respect for the referees, the coach said.",
            "Image 1 of the new stadium was released on Monday.",
            "About the author of the report, little is known.",
            "Report an error in your tax return within a year, the agency advised.",
            "Open in app stores from Monday, the game costs nothing.",
            "Video: the minister said the footage was genuine and would be released in full.",
            "Supported by the unions, the strike spread to three more ports.",
            "Like this year's harvest, the next one will be small.",
            "Skip to the end and the verdict is clear.",
            "Read: the statement was short and gave no reasons",
            "Deal of the day: the minister said talks would resume on Friday. Unions agreed.",
        ] {
            assert_kept(&StoryNavigation, l);
        }
    }

    /// The lines `StoryNavigation` finds in an article whose body holds `block`.
    fn found_in_body(block: &str) -> Vec<String> {
        found(&StoryNavigation, &in_body(block))
            .into_iter()
            .map(String::from)
            .collect()
    }

    #[test]
    fn headlines_listed_under_a_list_heading_go_with_it() {
        assert_eq!(
            found_in_body(
                "Related Stories\nFerry fares to rise in spring\nWhy the night trains are late"
            ),
            [
                "Related Stories",
                "Ferry fares to rise in spring",
                "Why the night trains are late"
            ]
        );
        assert_eq!(
            found_in_body("You may also like...\nFive walks by the sea: a guide\n2025 in pictures"),
            [
                "You may also like...",
                "Five walks by the sea: a guide",
                "2025 in pictures"
            ]
        );
        // a search page's questions under its heading
        assert_eq!(
            found_in_body(
                "People also ask:\nWhen do the new ferry fares start?\nHow much is a season ticket?"
            ),
            [
                "People also ask:",
                "When do the new ferry fares start?",
                "How much is a season ticket?"
            ]
        );
        // a `More from` / `More on` link heads its list as well
        assert_eq!(
            found_in_body(
                "More on this story\nFerry operator adds winter sailings\nWhy the pier shut"
            ),
            [
                "More on this story",
                "Ferry operator adds winter sailings",
                "Why the pier shut"
            ]
        );
    }

    #[test]
    fn a_numbered_list_under_a_list_heading_goes_with_it() {
        assert_eq!(
            found_in_body(
                "Most read\n1. Ferry operator files for bankruptcy\n2. Storm closes mountain pass\n3) Museum buys medieval map"
            ),
            [
                "Most read",
                "1. Ferry operator files for bankruptcy",
                "2. Storm closes mountain pass",
                "3) Museum buys medieval map"
            ]
        );
        // a numbered line that holds two sentences is prose, and the list stays
        assert_eq!(
            found_in_body("Most read\n1. The ferry stops. Nobody knows why\n2. Storm closes pass"),
            ["Most read"]
        );
    }

    #[test]
    fn a_list_running_on_into_the_next_paragraph_ends_before_it() {
        // a text with no blank lines: two headlines, then the article's next sentence
        assert_eq!(
            found_in_body(
                "Recommended for you\nFerry fares to rise in spring\nWhy the night trains are late\nThe council will vote on the plan in March."
            ),
            [
                "Recommended for you",
                "Ferry fares to rise in spring",
                "Why the night trains are late"
            ]
        );
        // one short line after the label may be the article's subheading: it stays
        assert_eq!(
            found_in_body(
                "Most Read\nWhat happens next\nThe council will vote on the plan in March."
            ),
            ["Most Read"]
        );
        // or before a label
        assert_eq!(
            found_in_body(
                "Trending Topics\nFerry fares to rise in spring\nWhy the night trains are late\nShare"
            ),
            [
                "Trending Topics",
                "Ferry fares to rise in spring",
                "Why the night trains are late"
            ]
        );
        // one headline between two labels is listed too
        assert_eq!(
            found_in_body("Promoted Stories\nThe cheapest way to fly to Bali\nUp Next\nShare"),
            [
                "Promoted Stories",
                "The cheapest way to fly to Bali",
                "Up Next"
            ]
        );
        // but not before a label word that goes on with the headline's sentence: the share
        // rule leaves that line to the one before, so the headline is read as prose too
        assert_eq!(
            found_in_body("Next Story\nThe cheapest way to fly to\nx"),
            ["Next Story"]
        );
        // or before the page's copyright notice
        assert_eq!(
            found_in_body(
                "Most Read\nFerry fares to rise in spring\nWhy the night trains are late\n© 2026 Harbour Media"
            ),
            [
                "Most Read",
                "Ferry fares to rise in spring",
                "Why the night trains are late"
            ]
        );
        // a run that ends on a line that is no sentence is not known to be a list
        assert_eq!(
            found_in_body(
                "Related\nFerry fares to rise in spring\nWhy the night trains are late\nand in summer"
            ),
            ["Related"]
        );
    }

    #[test]
    fn a_list_with_prose_or_labels_in_it_stays() {
        // a full stop: one line is prose, so none is taken for a link
        assert_eq!(
            found_in_body(
                "More\nThe committee will meet again in March.\nFerry fares to rise in spring"
            ),
            ["More"]
        );
        // a line starting lower-case goes on the sentence before it
        assert_eq!(
            found_in_body("Trending\nFerry fares to rise in spring\nand in summer"),
            ["Trending"]
        );
        // a label is judged by its own rule, and the list is not taken
        assert_eq!(
            found_in_body("Next Story\nShare it\nFerry fares to rise in spring"),
            ["Next Story"]
        );
        // an ad slot's label heads no list: the article goes on under it
        assert_eq!(
            found_in_body("Advertisement\nOfficials expect the ferry to run again in May"),
            ["Advertisement"]
        );
        // a `More on` subheading over prose keeps the prose
        assert_eq!(
            found_in_body("More on the budget\nThe committee will meet again in March."),
            ["More on the budget"]
        );
        // the list ends with the paragraph
        assert_eq!(
            found_in_body("Most Popular\n\nFerry fares to rise in spring"),
            ["Most Popular"]
        );
    }
}
