//! J008 copyright-footer: the page's copyright line.
//!
//! Footers end scraped dumps with `© 2025 Example Media. All rights reserved.` The evidence is
//! the copyright sign or word at the start followed by a year or sign, or the fixed phrase
//! "all rights reserved", in a short line.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::rules::junk::{core, has_words, quote, short_body_lines, Hint, LONGEST};
use crate::rules::{Action, Context, Finding, Rule, RuleMeta};

pub struct CopyrightFooter;

static META: RuleMeta = RuleMeta {
    code: "J008",
    name: "copyright-footer",
    action: Action::DropLine,
    default_enabled: true,
    explanation: "\
## What it does
Drops a short copyright line: `©` (or `(c)`, `ⓒ`) followed by a year, or by a name of up \
to five words that ends in a year (`© Metro Ledger 2025`), `Copyright` \
followed by a year or the sign, or a line holding `All rights reserved` or the wire's \
reuse notice (`This material may not be published, broadcast, rewritten or redistributed.`). \
A line too long to take as it stands is judged again as the other rules leave it: a \
notice with a stuffed clause appended (S003) goes once the clause is cut.

## Why
Copyright footers belong to the page template, not the article. A sentence about copyright \
law does not start with the sign or a year after the word and does not say \"all rights \
reserved\"; lines of more than 30 words are never taken. A sign and a name without a year \
(`© Reuters`) is a photo credit and stays.

## Example
```text
© 2025 Harbour Media Group. All rights reserved.
```
The line is dropped.
",
};

const MAX_LEN: usize = 240;

/// ASCII word boundaries, `(?-u:\b)`, for the reason given in `cta.rs`.
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:©|ⓒ|\(c\))\s*(?:\p{L}+\s+)?\d{4}|(?:©|ⓒ|\(c\))\s*(?:[\p{L}&'.-]+\s+){1,5}(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*\.?$|copyright\s*(?:©|ⓒ|\(c\)|\d{4}|by(?-u:\b)))|(?-u:\b)all\s+rights\s+reserved(?-u:\b)|(?-u:\b)tous\s+droits\s+réservés(?-u:\b)|(?-u:\b)todos\s+los\s+derechos\s+reservados(?-u:\b)|(?-u:\b)alle\s+rechte\s+vorbehalten(?-u:\b)|(?-u:\b)may\s+not\s+be\s+(?:re)?(?:published|produced|copied)(?:\s*,?\s*(?:or\s+|and\s+|in\s+whole\s+or\s+in\s+part\s*,?\s*)?(?:broadcast|rewritten|redistributed|reproduced|distributed|transmitted|copied|stored|used))+(?-u:\b)",
    )
    .expect("valid copyright pattern")
});

/// The words `COPYRIGHT` cannot match without.
pub(super) const HINT_WORDS: &[&str] = &[
    "©",
    "ⓒ",
    "(c)",
    "copyright",
    "reserv",
    "vorbehalten",
    "may not be",
];

/// The copyright notice `core` opens with or holds, when it is a short line holding one
/// (`© 2025 Example Media`).
pub(super) fn notice(core: &str) -> Option<regex::Match<'_>> {
    if has_words(core, 31) {
        return None;
    }
    COPYRIGHT.find(core)
}

impl Rule for CopyrightFooter {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        short_body_lines(ctx, MAX_LEN, |l| {
            if l.has_hint(Hint::Copyright) {
                out.extend(finding(ctx, l.index, l.core));
            }
        });
    }

    /// A notice with a stuffed clause appended is too long to take as it stands; once the
    /// clause is cut (S003), it is a notice like any other.
    fn recheck(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        short_body_lines(ctx, LONGEST, |l| {
            // the hint words are the original line's: removals only take words away; a
            // line that is a notice as it stands was taken by the first look
            if !l.has_hint(Hint::Copyright) || ctx.line_dropped(l.index) {
                return;
            }
            if let Cow::Owned(line) = ctx.line_after_removals(l.index) {
                let c = core(&line);
                if c.len() <= MAX_LEN {
                    out.extend(finding(ctx, l.index, c));
                }
            }
        });
    }
}

/// The finding that drops line `i` when `core` (its text without decoration) is a notice.
fn finding(ctx: &Context<'_>, i: usize, core: &str) -> Option<Finding> {
    let m = notice(core)?;
    let msg = format!("copyright notice ({})", quote(m.as_str().trim()));
    Some(Finding::new(&META, ctx.doc.lines()[i].range.clone(), msg))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::junk::testing::{assert_junk, assert_kept};

    #[test]
    fn copyright_lines_are_found() {
        for l in [
            "© 2025 Example Media. All rights reserved.",
            "Copyright 2024 Harbour Media Group",
            "Copyright © Coast Courier",
            "(c) 2023 The Valley Post",
            "All Rights Reserved.",
            "Harbour Media Group 2025, all rights reserved",
            "ⓒ 2019 Valley Post",
            "© Metro Ledger 2025",
            "© The Valley Post 2019-2025.",
            "This material may not be published, broadcast, rewritten or redistributed.",
            "The content may not be reproduced, distributed, transmitted or used without permission.",
        ] {
            assert_junk(&CopyrightFooter, l);
        }
    }

    #[test]
    fn prose_is_kept() {
        for l in [
            "Copyright law in the EU was reformed, and publishers welcomed it.",
            "Copyright holders asked the court to block the site.",
            "The band said it had kept copyright over its early songs.",
            "(c) the third option, which the board rejected.",
            "© Reuters",
            "© Photo agency",
            "© the band, who wrote it in 1998 and sold it in 2004",
            "The names of the victims may not be published until their families are told.",
            "The report may not be published before Monday, the court ruled.",
        ] {
            assert_kept(&CopyrightFooter, l);
        }
    }
}
