//! J006 tag-list: the page's tag or topic links printed as a line.
//!
//! CMS templates print the article's tags as `Tags: a, b, c`; a scraper keeps the line. The
//! evidence is the label plus a list of short items, so a sentence that starts with "Topics"
//! is kept.

use std::ops::Range;

use crate::document::Document;
use crate::rules::junk::{has_words, quote, short_body_lines, Start};
use crate::rules::{Action, Context, Finding, Rule, RuleMeta};

pub struct TagList;

static META: RuleMeta = RuleMeta {
    code: "J006",
    name: "tag-list",
    action: Action::DropLine,
    default_enabled: true,
    explanation: "\
## What it does
Drops a line that is a tag or topic list: a label (`Tags`, `Topics`, `Filed under`, \
`Categories`, `Keywords`, `In this article`, and the search lists `Related searches`, \
`People also search for`, `Also read about`) followed by `:` or `|` (or, for `Posted in` \
and `Filed under`, by nothing but a list of capitalised items) and a list of short items \
separated by commas, `|`, `;`, `·` or `/`; a bare label with such items on the lines under it \
in its paragraph, one per line (the label and its items are dropped); and a line of two or \
more hashtags and nothing else (`#Budget2026 #Harbour`).

## Why
Tag links are navigation to other pages. Every item must be short (at most five words) and \
none may end a sentence, so a line such as \"Topics: the minister spoke about ...\" stays.

## Example
```text
Tags: ferries, harbour, transport, city council
```
The line is dropped.
",
};

pub(super) const MAX_LEN: usize = 400;

pub(super) const TAGS_PATTERN: &str = r"(?i)^(?P<label>tags?|tagged(?:\s+with)?|topics?|(?:related|suggested|trending|popular|hot|top)\s+(?:topics|tags)|(?:related|popular|trending|top)\s+searches|people\s+also\s+search(?:ed)?\s+for|also\s+read\s+about|(?:mentioned\s+)?in\s+this\s+(?:article|story)|filed\s+under|categor(?:y|ies)|keywords?|posted\s+in)\s*(?:[:|]\s*(?P<list>.*))?$";

/// The groups `label` and `list` (empty when absent) of [`TAGS_PATTERN`] on `core`, which
/// it matches: read off the line rather than captured, which ran a backtracking search per
/// line. No label holds a `:` or a `|` and each ends with a letter, and only whitespace
/// stands between it and the separator: so the first separator is the one after the label,
/// the label is what comes before it less trailing whitespace, and the list is what follows
/// it less leading whitespace (the pattern's `\s` and Rust's whitespace are both Unicode's
/// `White_Space`).
fn label_and_list(core: &str) -> (&str, &str) {
    match core.find([':', '|']) {
        Some(at) => (core[..at].trim_end(), core[at + 1..].trim_start()),
        None => (core.trim_end(), ""),
    }
}

/// `Posted in Agriculture`, `Filed under Politics, Elections`: a CMS label followed by its
/// list without a colon; the label and the list, when every item is capitalised.
fn label_then_list(core: &str) -> Option<(&str, &str)> {
    let (label, list) = ["posted in ", "filed under "].iter().find_map(|l| {
        let head = core.get(..l.len())?;
        head.eq_ignore_ascii_case(l)
            .then(|| (head.trim_end(), core[l.len()..].trim()))
    })?;
    let capitalised = list
        .split([',', '|', ';', '·', '•', '/'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .all(|item| item.starts_with(|c: char| c.is_uppercase()));
    (!list.is_empty() && capitalised && list_like(list)).then_some((label, list))
}

/// The number of hashtags in `core` when it is two or more hashtags and nothing else.
fn hashtags(core: &str) -> Option<usize> {
    if !core.starts_with('#') {
        return None;
    }
    let mut n = 0;
    for w in core.split_whitespace() {
        let tag = w.strip_prefix('#')?;
        if tag.is_empty() || !tag.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return None;
        }
        n += 1;
    }
    (n >= 2).then_some(n)
}

/// Whether `item` reads as one tag: at most five words and forty characters, no sentence end.
fn tag_like(item: &str) -> bool {
    !has_words(item, 6) && item.chars().count() <= 40 && !item.ends_with(['.', '!', '?'])
}

/// Whether `list` is a list of short items (an empty list is a bare label).
fn list_like(list: &str) -> bool {
    list.split([',', '|', ';', '·', '•', '/'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .all(tag_like)
}

/// The lines under the bare label at line `i` in its paragraph, when there are some and each
/// is one tag: the CMS printed the list one link per line.
fn tags_under(doc: &Document<'_>, i: usize) -> Option<Range<usize>> {
    let par = &doc.paragraphs()[doc.lines()[i].paragraph?];
    let under = i + 1..par.lines.end;
    let tag = |j: usize| {
        let c = super::core(doc.line_text(j));
        !c.is_empty() && !c.contains(". ") && list_like(c)
    };
    (!under.is_empty() && under.clone().all(tag)).then_some(under)
}

impl Rule for TagList {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        // the lines taken as the items of a bare label: not judged again
        let mut listed = 0..0;
        short_body_lines(ctx, MAX_LEN, |l| {
            let (i, core) = (l.index, l.core);
            if listed.contains(&i) {
                return;
            }
            // the core has lost the first `#` with the other decoration
            let line = ctx.doc.line_text(i);
            if let Some(n) = line
                .trim_start()
                .starts_with('#')
                .then(|| hashtags(line.trim()))
                .flatten()
            {
                let msg = format!("a line of {n} hashtags: {}", quote(line));
                out.push(Finding::new(&META, ctx.doc.lines()[i].range.clone(), msg));
                return;
            }
            // the shared line-start pass ran TAGS_PATTERN on the line already
            let (label, list) = if l.starts(Start::Tags) {
                label_and_list(core)
            } else if let Some(found) = label_then_list(core) {
                found
            } else {
                return;
            };
            if !list_like(list) {
                return;
            }
            if list.is_empty() {
                if let Some(under) = tags_under(ctx.doc, i) {
                    let msg = format!(
                        "tag list: label {} with {} item(s) on the lines under it",
                        quote(label),
                        under.len()
                    );
                    out.push(Finding::new(&META, ctx.doc.lines()[i].range.clone(), msg));
                    for j in under.clone() {
                        let item = super::core(ctx.doc.line_text(j));
                        let msg = format!(
                            "tag {} listed under the label {}",
                            quote(item),
                            quote(label)
                        );
                        out.push(Finding::new(&META, ctx.doc.lines()[j].range.clone(), msg));
                    }
                    listed = under;
                    return;
                }
            }
            let items = list
                .split([',', '|', ';', '·', '•', '/'])
                .filter(|s| !s.trim().is_empty())
                .count();
            let msg = format!(
                "tag list: label {} with {items} short item(s)",
                quote(label)
            );
            out.push(Finding::new(&META, ctx.doc.lines()[i].range.clone(), msg));
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
            "Tags: a, b",
            "Tags",
            "TAGS :  Ferries | Harbour",
            "Tag\u{a0}:\u{2003}x: y | z",
            "Tagged with: a",
            "Tagged   with | a",
            "Tagged",
            "Topics: Climate: finance",
            "Topic|",
            "Related topics : a",
            "Trending Topics: Markets, Gold Rate, IPO Calendar",
            "Hot tags: a",
            "Related\ttags",
            "Filed under: Transport |",
            "Filed  under",
            "Category: Local News",
            "Categories:",
            "Keywords : a : b",
            "Posted in: a",
            "\u{17f}tags: no",
            "Tag\u{212a}: no",
        ];
        let n = for_each_match(TAGS_PATTERN, &extra, |l, c| {
            let list = c.name("list").map_or("", |m| m.as_str());
            assert_eq!(label_and_list(l), (&c["label"], list), "{l:?}");
        });
        assert!(n >= 20, "{n}");
    }

    #[test]
    fn tag_lines_are_found() {
        for l in [
            "Tags: ferries, harbour, transport",
            "TAGS: Ferries | Harbour | City Council",
            "Topics: Climate finance; Development banks",
            "Filed under: Transport |",
            "Category: Local News",
            "Tags:",
            "Tags",
            "Keywords: wheat, drought, farm subsidies",
            "#LisbonMadrid #HighSpeedRail #Rail2026",
            "#Budget2026 #Harbour",
            "Posted in Agriculture",
            "Filed under Politics, Elections",
            "Related searches: gold rate today, silver price, gold price forecast 2026",
            "People also search for: ferry timetable, ferry fares",
            "Also read about: gold rate today, silver price today, sensex live",
            "In this article: Amazon, OpenAI, Microsoft",
            "Mentioned in this story: NVDA | AMD",
        ] {
            assert_junk(&TagList, l);
        }
    }

    #[test]
    fn prose_is_kept() {
        for l in [
            "Topics: the minister spoke about housing, schools and the cost of living for an hour.",
            "Tags on the luggage showed it had passed through three airports.",
            "Topics discussed included trade and security.",
            "Category: Best new restaurant in a city that has seen dozens open this year",
            "Tags: ferries. The harbour authority raised fares.",
            "#1 seed Harwick beat #4 Dunmore in the final.",
            "#MeToo",
            "#Budget2026 was trending all day, officials said.",
            "Posted in 2019, the video went viral.",
            "Posted in haste, the notice had the wrong date",
            "Filed under seal, the documents were released on Monday.",
            "Popular searches on the site rose sharply during the storm, the company said.",
            "Also read about: the minister's plan for schools, which he outlined on Monday.",
            "In this article: what the new tax rules mean for families with children",
            "In this article, we look at what the new tax rules mean for families.",
            "In this story, the harbour master is the hero.",
        ] {
            assert_kept(&TagList, l);
        }
    }

    #[test]
    fn a_bare_label_takes_the_tags_under_it() {
        let found_in_body = |block: &str| -> Vec<String> {
            found(&TagList, &in_body(block))
                .into_iter()
                .map(String::from)
                .collect()
        };
        assert_eq!(
            found_in_body("Topics\nCycling\nTransport\nLocal politics"),
            ["Topics", "Cycling", "Transport", "Local politics"]
        );
        assert_eq!(
            found_in_body("Suggested Topics:\nEnergy\nClimate"),
            ["Suggested Topics:", "Energy", "Climate"]
        );
        // a sentence under the label: the label alone goes, the prose stays
        assert_eq!(
            found_in_body("Topics\nThe council will vote in April on the whole plan."),
            ["Topics"]
        );
        // one long line among them is no tag, and none is taken
        assert_eq!(
            found_in_body("Tags\nCycling\nThe plan would link the university and three hospitals"),
            ["Tags"]
        );
        // the items end with the paragraph
        assert_eq!(found_in_body("Tags\n\nCycling"), ["Tags"]);
    }
}
