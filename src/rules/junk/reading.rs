//! J009 reading-aid: the page's reading tools (audio player, reading time, font size).
//!
//! These widgets leave short fixed labels (`Listen to this article`, `5 min read`,
//! `Font size A A A`) in the scraped text. The labels are a closed list of widget words; the
//! whole line must be the label.

use crate::rules::junk::{quote, short_body_lines, Start};
use crate::rules::{Action, Context, Finding, Rule, RuleMeta};

pub struct ReadingAid;

static META: RuleMeta = RuleMeta {
    code: "J009",
    name: "reading-aid",
    action: Action::DropLine,
    default_enabled: true,
    explanation: "\
## What it does
Drops the labels of reading tools when they make up the whole line: `Listen to this \
article`, `Listen to article`, `Listen (4 min)`, `5 min read`, `Reading time: 3 minutes`, `Font size A A A`, \
`Text size`; and the page's note on the article's age (`This article is more than 2 years \
old`).

## Why
Audio players, reading-time badges and font-size buttons are page furniture. The whole line \
must be the label, so a sentence that mentions listening or minutes is kept.

## Example
```text
Listen to this article
4 min read
```
Both lines are dropped.
",
};

pub(super) const MAX_LEN: usize = 80;

pub(super) const READING_PATTERN: &str = r"(?xi)^(?:
            (?:listen|play)(?:\s+to)?\s+(?:(?:this|the)\s+)?(?:article|story)(?:\s*[(\-–—:|·•]?\s*\d+(?::\d+)?\s*(?:min|mins|minutes?)\.?\)?)?
          | listen(?:\s+now)?(?:\s*[·•|:\-–—]?\s*\(?\s*\d+(?::\d+)?\s*(?:min|mins|minutes?)\.?\s*\)?)?
          | this\s+(?:article|story|page)\s+is\s+(?:more\s+than\s+|over\s+)?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:years?|months?|weeks?|days?)\s+old
          | \d+\s*-?\s*(?:min|mins|minutes?)\.?\s+(?:read|listen)
          | (?:estimated\s+)?(?:reading|read)\s+time\s*:?\s*(?:about\s+|less\s+than\s+(?:a|one|\d+)\s*|\d+\s*)(?:min|mins|minutes?)?\.?
          | (?:increase|decrease|reset|change)?\s*(?:font|text)\s+size(?:\s*:?(?:\s*a[+-]?){1,4})?
          | a[+-]?\s+a[+-]?(?:\s+a[+-]?)?
          | (?:tempo\s+de\s+leitura|tiempo\s+de\s+lectura|temps\s+de\s+lecture|lesezeit|lesedauer)\s*:?\s*\d+\s*\w*
        )$";

impl Rule for ReadingAid {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        short_body_lines(ctx, MAX_LEN, |l| {
            let (i, core) = (l.index, l.core);
            // the shared line-start pass ran READING_PATTERN on the line already
            if l.starts(Start::Reading) {
                let msg = format!("reading-tool label {}", quote(core));
                out.push(Finding::new(&META, ctx.doc.lines()[i].range.clone(), msg));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::junk::testing::{assert_junk, assert_kept};

    #[test]
    fn reading_aids_are_found() {
        for l in [
            "Listen to this article",
            "Listen to article",
            "Play article",
            "Listen to this article · 6 min",
            "Listen (4 min)",
            "Listen",
            "5 min read",
            "12 minutes read",
            "Reading time: 3 minutes",
            "Estimated reading time: less than 1 minute",
            "Font size A A A",
            "Text size",
            "A- A A+",
            "Tempo de leitura: 2 minutos",
            "Listen · 4:32 min",
            "This article is more than 2 years old",
            "This article is more than a year old",
        ] {
            assert_junk(&ReadingAid, l);
        }
    }

    #[test]
    fn prose_is_kept() {
        for l in [
            "Listen to the full interview on our podcast feed.",
            "Listen to them, the coach said.",
            "Listen to article 5 of the treaty, the lawyer told the court.",
            "It takes 5 min to read the rules.",
            "Reading time is down among teenagers, a survey found.",
            "AAA",
            "A A Milne wrote it.",
            "Font size matters for older readers, the study said.",
            "This article is more than two years old and the facts have changed since.",
            "This story is two years old, the editor admitted.",
        ] {
            assert_kept(&ReadingAid, l);
        }
    }
}
