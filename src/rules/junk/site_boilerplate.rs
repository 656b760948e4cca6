//! J020 site-boilerplate: lines a site repeats across its documents.
//!
//! The evidence is the batch, not the document: a [`SiteProfile`] learnt from many
//! documents of the same site (see [`crate::profile`]). The rule therefore cannot run from
//! a [`Context`] alone; [`Engine::clean_site`](crate::Engine::clean_site) calls [`check`]
//! with the document's site, and the registry entry only carries the code, the explanation
//! and the on/off switch.

use serde::Deserialize;

use crate::document::{words, Document};
use crate::profile::{SiteRef, Thresholds};
use crate::rules::{Action, Context, Finding, Rule, RuleMeta};

pub static META: RuleMeta = RuleMeta {
    code: "J020",
    name: "site-boilerplate",
    action: Action::DropLine,
    default_enabled: true,
    explanation: "\
## What it does
Removes body lines that occur in many documents of the same site: the site's own footer, \
newsletter pitch, standard disclaimer or promo line. It needs a profile learnt from a batch \
(`decruft learn`), and does nothing without one.

## Why
A site's boilerplate changes from site to site and cannot be listed in advance, but it \
gives itself away by repetition: it is in most of the site's articles, while a sentence of \
an article is in one. Lines are compared ignoring case, spacing and numbers, so a footer \
with this year's date still matches last year's. Lines of fewer than 3 words and lines that \
are mostly a quotation are never removed: short phrases (\"Photo: AP\") and quotes repeat \
legitimately.

## Example
With a profile where `Get the Morning Brief in your inbox every weekday.` occurs in 480 \
of example.com's 500 documents, that line is removed from every example.com article; the \
same sentence in an article of another site stays.
",
};

/// The registry entry of J020; its findings come from [`check`].
pub struct SiteBoilerplate;

impl Rule for SiteBoilerplate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Vec<Finding>) {
        // the evidence is the site profile, which the engine passes to `check` directly
    }
}

/// `[settings.site-boilerplate]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct SiteBoilerplateSettings {
    /// A line must occur in at least this many documents of the site (at least 2).
    pub min_documents: u32,
    /// ... and in at least this share of them.
    pub min_share: f64,
    /// Lines with fewer words are kept.
    pub min_words: usize,
    /// Lines whose words are at least this share inside quotation marks are kept.
    pub max_quoted_share: f64,
    /// Frequent lines longer than this (in words) are flagged, not removed: long prose that
    /// recurs (a syndicated background paragraph) deserves a reviewer's look.
    pub max_words: usize,
}

impl Default for SiteBoilerplateSettings {
    fn default() -> Self {
        let t = Thresholds::default();
        SiteBoilerplateSettings {
            min_documents: t.min_documents,
            min_share: t.min_share,
            min_words: 3,
            max_quoted_share: 0.5,
            max_words: 80,
        }
    }
}

impl SiteBoilerplateSettings {
    pub fn thresholds(&self) -> Thresholds {
        Thresholds {
            min_documents: self.min_documents,
            min_share: self.min_share,
        }
    }
}

/// Reports the body lines of `doc` that are frequent for `site`.
pub fn check(
    doc: &Document<'_>,
    site: SiteRef<'_>,
    settings: &SiteBoilerplateSettings,
    out: &mut Vec<Finding>,
) {
    let thresholds = settings.thresholds();
    let docs = site.profile.documents;
    for i in doc.body_lines() {
        let line = doc.line_text(i);
        let count = site.profile.count(line);
        if !thresholds.frequent(count, docs) {
            continue;
        }
        let n_words = words(line).len();
        if n_words < settings.min_words || quoted_share(line) >= settings.max_quoted_share {
            continue;
        }
        let range = doc.lines()[i].range.clone();
        let msg = format!(
            "this line is in {count} of the {docs} documents from {}",
            site.site
        );
        let f = Finding::new(&META, range, msg);
        out.push(if n_words > settings.max_words {
            f.with_action(Action::Flag)
        } else {
            f
        });
    }
}

/// The share of the line's letters and digits that are inside quotation marks.
fn quoted_share(line: &str) -> f64 {
    let (mut inside, mut total) = (0usize, 0usize);
    let mut in_straight = false;
    let mut curly = 0usize;
    for c in line.chars() {
        match c {
            '"' => in_straight = !in_straight,
            '\u{201c}' | '\u{ab}' | '\u{201e}' => curly += 1,
            '\u{201d}' | '\u{bb}' => curly = curly.saturating_sub(1),
            c if c.is_alphanumeric() => {
                total += 1;
                if in_straight || curly > 0 {
                    inside += 1;
                }
            }
            _ => {}
        }
    }
    if total == 0 {
        0.0
    } else {
        inside as f64 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_share_measures_quotations() {
        assert!(quoted_share("\u{201c}We will not stop until it is done,\u{201d} she said.") > 0.5);
        assert!(quoted_share("He said \"no\" to the plan and left the room early.") < 0.2);
        assert_eq!(quoted_share("---"), 0.0);
    }
}
