//! J007 breadcrumb: the site's path to the article (`Home / News / World`).
//!
//! Breadcrumb trails are short capitalised section names joined by one separator. The rule
//! needs either the trail's usual first step (`Home`) or three or more such segments, so a
//! headline with one `|` or `/` in it is not a trail.

use crate::rules::junk::labels::is_share_line;
use crate::rules::junk::{has_words, quote, short_body_lines, Hint};
use crate::rules::{Action, Context, Finding, Rule, RuleMeta};

pub struct Breadcrumb;

static META: RuleMeta = RuleMeta {
    code: "J007",
    name: "breadcrumb",
    action: Action::DropLine,
    default_enabled: true,
    explanation: "\
## What it does
Drops a breadcrumb trail: short segments joined by one kind of separator (`/`, `>`, `»`, \
`›`, `→` or `|`), starting with `Home` or made of three or more short capitalised segments: \
`Home / News / World`, `Home > Politics > Europe`, `Home » Sport`, `News | Business | Markets`.

## Why
The trail is the site's navigation. Every segment must be a short name (at most four words, \
no sentence punctuation) starting with a capital letter, and the separator must be the same \
throughout, so headlines and prose with a slash or a pipe are kept.

## Example
```text
Home / News / Transport
```
The line is dropped.
",
};

const MAX_LEN: usize = 160;

/// First steps of a trail in a few languages.
/// The characters that may join a trail's segments, as hint words (see [`super::Hint`]).
pub(super) const SEPARATORS: &[&str] = &["/", ">", "»", "›", "→", "|"];

const HOME: &[&str] = &[
    "home",
    "homepage",
    "start",
    "startseite",
    "accueil",
    "inicio",
    "início",
    "главная",
];

/// The trail's separator: the first one found, spaced where it could be part of a word.
fn separator(line: &str) -> Option<&'static str> {
    ["»", "›", "→", " > ", " / ", " | "]
        .into_iter()
        .filter_map(|s| line.find(s).map(|i| (i, s)))
        .min()
        .map(|(_, s)| s)
}

/// The segments of `line` if it reads as a breadcrumb trail.
fn trail(line: &str) -> Option<(usize, &'static str)> {
    let sep = separator(line)?;
    if line.starts_with(sep.trim()) || line.ends_with(sep.trim()) {
        return None;
    }
    let mut count = 0;
    let mut home = false;
    for (k, seg) in line.split(sep).enumerate() {
        let seg = seg.trim();
        let first = seg.chars().next()?;
        if !(first.is_uppercase() || (k == 0 && HOME.contains(&seg.to_lowercase().as_str())))
            || has_words(seg, 5)
            || seg.chars().count() > 30
            || seg.ends_with(['.', '!', '?', ',', ':', ';'])
            || seg.contains(sep.trim())
            || ["»", "›", "→", " > ", " / ", " | "]
                .iter()
                .any(|s| *s != sep && seg.contains(s.trim()))
        {
            return None;
        }
        if k == 0 {
            home = HOME.contains(&seg.to_lowercase().as_str());
        }
        count += 1;
    }
    (count >= 2 && (home || count >= 3)).then_some((count, sep))
}

impl Rule for Breadcrumb {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        short_body_lines(ctx, MAX_LEN, |l| {
            let (i, core) = (l.index, l.core);
            // cheap guard: a trail has a separator, which the scan for hint words that every
            // line goes through already looked for
            if !l.has_hint(Hint::Separator) || is_share_line(l) {
                return;
            }
            if let Some((n, sep)) = trail(core) {
                let msg = format!(
                    "breadcrumb trail of {n} segments joined by {}: {}",
                    quote(sep.trim()),
                    quote(core)
                );
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
    fn trails_are_found() {
        for l in [
            "Home / News / World",
            "Home > Politics > Europe",
            "Home » Sport",
            "HOME » SPORT » FOOTBALL",
            "home › Business",
            "News | Business | Markets",
            "Startseite > Wirtschaft > Energie",
        ] {
            assert_junk(&Breadcrumb, l);
        }
    }

    #[test]
    fn prose_and_headlines_are_kept() {
        for l in [
            "Fans chanted \u{201c}Home / Away\u{201d} as the team left.",
            "Rates rise | Markets react",
            "The price-to-earnings / growth ratio fell.",
            "Home > away, the coach said",
            "| Pos | Player | Plays |",
            "74 | 100% | 3",
            "Home is where the heart is / so they say",
            "AC/DC / Queen / Metallica tribute night",
            "Facebook | Twitter | Email",
            "Premier League / Champions League",
        ] {
            assert_kept(&Breadcrumb, l);
        }
    }
}
