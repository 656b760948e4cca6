//! J006 tag-list: the page's tag or topic links printed as a line.
//!
//! CMS templates print the article's tags as `Tags: a, b, c`; a scraper keeps the line. The
//! evidence is the label plus a list of short items, so a sentence that starts with "Topics"
//! is kept.

use std::sync::LazyLock;

use regex::Regex;

use crate::rules::junk::{quote, short_body_lines, word_count, Start};
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
`Categories`, `Keywords`) followed by `:` or `|` and a list of short items separated by \
commas, `|`, `;`, `·` or `/`.

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

pub(super) const TAGS_PATTERN: &str = r"(?i)^(?P<label>tags?|tagged(?:\s+with)?|topics?|related\s+(?:topics|tags)|filed\s+under|categor(?:y|ies)|keywords?|posted\s+in)\s*(?:[:|]\s*(?P<list>.*))?$";

static TAGS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(TAGS_PATTERN).expect("valid tag pattern"));

/// Whether `list` is a list of short items (an empty list is a bare label).
fn list_like(list: &str) -> bool {
    list.split([',', '|', ';', '·', '•', '/'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .all(|item| {
            word_count(item) <= 5 && item.chars().count() <= 40 && !item.ends_with(['.', '!', '?'])
        })
}

impl Rule for TagList {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        short_body_lines(ctx, MAX_LEN, |l| {
            let (i, core) = (l.index, l.core);
            // the shared line-start pass ran TAGS on the line already; captures cost far more
            if !l.starts(Start::Tags) {
                return;
            }
            let Some(c) = TAGS.captures(core) else { return };
            let list = c.name("list").map_or("", |m| m.as_str());
            if !list_like(list) {
                return;
            }
            let items = list
                .split([',', '|', ';', '·', '•', '/'])
                .filter(|s| !s.trim().is_empty())
                .count();
            let msg = format!(
                "tag list: label {} with {items} short item(s)",
                quote(&c["label"])
            );
            out.push(Finding::new(&META, ctx.doc.lines()[i].range.clone(), msg));
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::junk::testing::{assert_junk, assert_kept};

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
        ] {
            assert_kept(&TagList, l);
        }
    }
}
