//! Rules: what counts as junk, each with a stable code and its own explanation.
//!
//! A rule looks at a [`Document`] and reports [`Finding`]s; it never edits text. Codes are
//! stable (`J0xx` page junk, `S0xx` SEO stuffing) so that configs, suppressions and CI reports
//! keep meaning the same thing across versions. Every rule is listed once, in [`registry`].

pub mod junk;
pub mod late;
pub mod select;
pub mod seo;
pub mod user;
mod words;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::config::Settings;
use crate::document::Document;

/// What happens to the text a finding covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Remove the whole line(s) the finding covers.
    DropLine,
    /// Remove the words in the finding's range and mend the spacing around them.
    DropSpan,
    /// Report only; the text stays.
    Flag,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::DropLine => "drop-line",
            Action::DropSpan => "drop-span",
            Action::Flag => "flag",
        }
    }

    /// Whether applying this action changes the text.
    pub fn removes(self) -> bool {
        self != Action::Flag
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The fixed description of a rule.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable code, e.g. `J001`.
    pub code: &'static str,
    /// Short kebab-case name, e.g. `repeated-title`.
    pub name: &'static str,
    /// What the rule's findings do unless a finding says otherwise.
    pub action: Action,
    /// Whether the rule runs without being enabled in the config.
    pub default_enabled: bool,
    /// Markdown with the headings `## What it does`, `## Why`, `## Example`.
    pub explanation: &'static str,
}

/// One thing a rule found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: Cow<'static, str>,
    pub name: Cow<'static, str>,
    /// Byte range in the input. For [`Action::DropLine`] it spans whole lines' content.
    pub range: Range<usize>,
    pub action: Action,
    /// Why this text was found, in this document's terms.
    pub message: String,
}

impl Finding {
    /// A finding of `meta`'s rule with its default action.
    pub fn new(meta: &'static RuleMeta, range: Range<usize>, message: impl Into<String>) -> Self {
        Finding {
            code: Cow::Borrowed(meta.code),
            name: Cow::Borrowed(meta.name),
            range,
            action: meta.action,
            message: message.into(),
        }
    }

    /// The same finding with another action (e.g. flag only where removal would break a
    /// sentence).
    pub fn with_action(mut self, action: Action) -> Self {
        self.action = action;
        self
    }
}

/// What a rule sees.
pub struct Context<'a> {
    pub doc: &'a Document<'a>,
    pub settings: &'a Settings,
    /// What the per-line junk rules share: found once per document, not once per rule.
    junk: OnceCell<junk::Shared<'a>>,
    /// Every `S` finding: the five SEO rules read one analysis of the document.
    seo: OnceCell<seo::evidence::Analysis>,
    /// What the rules before a late rule remove; `None` in the first phase (see
    /// [`Phase::Late`]).
    removals: Option<late::Removals>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document<'a>, settings: &'a Settings) -> Self {
        Context {
            doc,
            settings,
            junk: OnceCell::new(),
            seo: OnceCell::new(),
            removals: None,
        }
    }
}

/// When a rule runs.
///
/// A rule that compares whole lines or paragraphs judges them as they will read once the
/// other rules are done: a repeated paragraph with a junk line glued to it is only a repeat
/// once that line is gone (or a stuffed clause), and judging it as it stands would leave the
/// repeat for a second run (the clean text would not clean to itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// With the other rules, on the text as it stands.
    First,
    /// After every rule of [`Phase::First`] (built-in, site and user rules, less what the
    /// allow list protects), with what they remove: rules that judge prose by its place in
    /// the article (the dek is the first paragraph under the title once the junk lines
    /// between them are gone).
    Prose,
    /// After the [`Phase::Prose`] rules, one late rule after another in code order, each
    /// with what the rules before it remove (the first two phases' and the earlier late
    /// rules') handed over through [`Context::line_dropped`] and
    /// [`Context::line_after_removals`].
    Late,
}

/// A rule. Implementations are stateless; settings come through the [`Context`].
pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>);
    /// When the engine runs the rule.
    fn phase(&self) -> Phase {
        Phase::First
    }
    /// A [`Phase::First`] rule's second look, after every other rule, with what they all
    /// remove ([`Context::line_after_removals`]): a line that is no junk as it stands may be
    /// junk once a later rule has cut from it (a copyright notice too long to take until a
    /// stuffed clause appended to it goes), and a second run over the clean text would
    /// find it. The first look stays where it is, so that the rules of the later phases
    /// know what it drops.
    fn recheck(&self, _ctx: &Context<'_>, _out: &mut Vec<Finding>) {}
}

/// Every built-in rule, in code order. Each rule group lists its own rules in a `RULES`
/// slice; this is the one table that joins them.
pub fn registry() -> &'static [&'static dyn Rule] {
    static ALL: std::sync::OnceLock<Vec<&'static dyn Rule>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let mut all: Vec<&'static dyn Rule> =
            junk::RULES.iter().chain(seo::RULES).copied().collect();
        all.sort_by_key(|r| r.meta().code);
        all
    })
}

/// Whether `code` starts with `prefix`, ignoring ASCII case: how `disable`, `enable`,
/// `--select`, per-file ignores and keep markers name rules (`S` is every SEO rule). Compared
/// as bytes, so that a code with non-ASCII letters (a user rule's) cannot be cut inside a
/// character.
pub fn code_has_prefix(code: &str, prefix: &str) -> bool {
    code.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// The built-in rule with this code.
pub fn find(code: &str) -> Option<&'static dyn Rule> {
    registry()
        .iter()
        .copied()
        .find(|r| r.meta().code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn code_prefixes_ignore_ascii_case_and_never_cut_a_character() {
        assert!(code_has_prefix("S002", "s"));
        assert!(code_has_prefix("J010", "J01"));
        assert!(code_has_prefix("J010", ""));
        assert!(!code_has_prefix("J01", "J010"));
        assert!(!code_has_prefix("U00ſ1", "U00s"));
        // four bytes of "U00ſ1" end inside "ſ"
        assert!(!code_has_prefix("U00ſ1", "J010"));
        assert!(code_has_prefix("U00ſ1", "u00ſ"));
    }

    #[test]
    fn codes_are_unique_well_formed_and_sorted() {
        let mut seen = HashSet::new();
        let mut prev = "";
        for r in registry() {
            let m = r.meta();
            assert!(seen.insert(m.code), "duplicate code {}", m.code);
            assert!(seen.insert(m.name), "duplicate name {}", m.name);
            let (letter, digits) = m.code.split_at(1);
            assert!(
                matches!(letter, "J" | "S"),
                "{}: code must start with J or S",
                m.code
            );
            assert!(
                digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()),
                "{}",
                m.code
            );
            assert!(m.code > prev, "{} is out of order", m.code);
            prev = m.code;
            assert!(
                m.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}: name must be kebab-case",
                m.code
            );
        }
    }

    #[test]
    fn every_rule_is_documented_with_the_fixed_headings() {
        for r in registry() {
            let m = r.meta();
            let e = m.explanation;
            let what = e
                .find("## What it does")
                .unwrap_or_else(|| panic!("{}: no What it does", m.code));
            let why = e
                .find("## Why")
                .unwrap_or_else(|| panic!("{}: no Why", m.code));
            let example = e
                .find("## Example")
                .unwrap_or_else(|| panic!("{}: no Example", m.code));
            assert!(
                what < why && why < example,
                "{}: headings out of order",
                m.code
            );
            for w in [&e[what + 15..why], &e[why + 6..example], &e[example + 10..]] {
                assert!(w.trim().len() > 20, "{}: a section is empty", m.code);
            }
        }
    }
}
