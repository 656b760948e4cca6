//! The pipeline for one text: document -> rules -> findings -> edits -> clean text.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::config::{Config, Settings};
use crate::document::Document;
use crate::edit::{self, Edit};
use crate::profile::SiteRef;
use crate::rules::junk::{self, header, site_boilerplate};
use crate::rules::late::Removals;
use crate::rules::user::UserRule;
use crate::rules::{self, Action, Context, Finding, Phase, Rule};
use crate::Error;

/// A configured set of rules, ready to clean any number of texts (share it across threads).
pub struct Engine {
    rules: Vec<&'static dyn Rule>,
    /// The rules of [`Phase::First`], then those of the prose and late phases in the order
    /// they run: sorted once here, not filtered by phase for every text.
    first: Vec<&'static dyn Rule>,
    late: Vec<&'static dyn Rule>,
    /// Whether J020 site-boilerplate runs.
    site_boilerplate: bool,
    /// Whether J014 is on: then the headline below a page header is the title.
    page_header: bool,
    user_rules: Vec<UserRule>,
    settings: Settings,
    allow: Option<AhoCorasick>,
}

/// The rules whose finding on a line alone marks it as page furniture above a headline
/// ([`header::furniture_header`]): each judges the line without its neighbours.
const FURNITURE_RULES: [&str; 6] = ["J002", "J003", "J004", "J005", "J007", "J009"];

/// The result of cleaning one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The clean title (the first non-blank line), empty for an empty input.
    pub title: String,
    /// The clean body: paragraphs separated by one blank line, no trailing newline.
    pub body: String,
    /// The whole clean article as written out: title, blank line, body, final newline.
    pub text: String,
    /// Everything the rules found, removed or only flagged, in input order.
    pub findings: Vec<Finding>,
}

impl Cleaned {
    /// Findings that removed text.
    pub fn removals(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.action.removes())
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new(&Config::default()).expect("the default config is valid")
    }
}

impl Engine {
    /// Builds the engine for `config`: selects the rules and compiles user rules.
    pub fn new(config: &Config) -> Result<Self, Error> {
        let selected = |code: &str, default_enabled: bool| {
            let matches = |list: &[String]| {
                list.iter()
                    .any(|p| !p.is_empty() && rules::code_has_prefix(code, p))
            };
            if matches(&config.disable) {
                // a more specific enable wins over a prefix disable
                config.enable.iter().any(|p| p.eq_ignore_ascii_case(code))
            } else {
                default_enabled || matches(&config.enable)
            }
        };
        for code in config.disable.iter().chain(&config.enable) {
            let known = rules::registry().iter().any(|r| {
                let c = r.meta().code;
                rules::code_has_prefix(c, code)
            }) || config
                .user_rules
                .iter()
                .any(|u| u.code.eq_ignore_ascii_case(code));
            if !known {
                return Err(Error::UnknownRule(code.clone()));
            }
        }
        let rules: Vec<&'static dyn Rule> = rules::registry()
            .iter()
            .copied()
            .filter(|r| selected(r.meta().code, r.meta().default_enabled))
            .collect();
        let in_phase = |phase| rules.iter().copied().filter(move |r| r.phase() == phase);
        let first = in_phase(Phase::First).collect();
        let late = in_phase(Phase::Prose)
            .chain(in_phase(Phase::Late))
            .collect();
        let site_boilerplate = rules
            .iter()
            .any(|r| r.meta().code == site_boilerplate::META.code);
        let page_header = rules.iter().any(|r| r.meta().code == header::META.code);
        let mut user_rules = Vec::new();
        let mut codes: HashSet<String> = rules::registry()
            .iter()
            .map(|r| r.meta().code.to_string())
            .collect();
        for u in &config.user_rules {
            if !codes.insert(u.code.to_ascii_uppercase()) {
                return Err(Error::DuplicateRuleCode(u.code.clone()));
            }
            if selected(&u.code, true) {
                user_rules.push(UserRule::compile(u)?);
            }
        }
        let allow = if config.allow.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&config.allow)
                    .map_err(|e| Error::Allow(e.to_string()))?,
            )
        };
        Ok(Engine {
            rules,
            first,
            late,
            site_boilerplate,
            page_header,
            user_rules,
            settings: config.settings.clone(),
            allow,
        })
    }

    /// The built-in rules this engine runs.
    pub fn rules(&self) -> &[&'static dyn Rule] {
        &self.rules
    }

    /// Finds what the rules report on `text`, in input order.
    pub fn findings(&self, text: &str) -> Vec<Finding> {
        self.findings_with(text, None)
    }

    /// Like [`findings`](Self::findings), with what a batch taught about the text's site
    /// (rule J020 site-boilerplate).
    pub fn findings_with(&self, text: &str, site: Option<SiteRef<'_>>) -> Vec<Finding> {
        self.doc_findings(&self.parse(text), site)
    }

    /// The document of `text`, with the headline below a page header as its title when
    /// rule J014 is on (without it, the header's lines would stay above the title).
    fn parse<'t>(&self, text: &'t str) -> Document<'t> {
        let doc = Document::parse(text);
        if !self.page_header {
            return doc;
        }
        match header::page_header(&doc, &|line| self.is_furniture(line)) {
            Some((title, lines)) => doc.with_header(title, lines),
            None => doc,
        }
    }

    /// Whether the enabled rules that judge a line by itself drop `line` (a line's core) as
    /// page furniture: a share bar, a navigation label, a call to action, a cookie banner, a
    /// breadcrumb, a reading aid. They read it as the only line of a body, under a
    /// placeholder title.
    fn is_furniture(&self, line: &str) -> bool {
        if !junk::may_be_furniture(line) {
            return false;
        }
        let text = format!("-\n\n{line}\n");
        let doc = Document::parse(&text);
        let ctx = Context::new(&doc, &self.settings);
        let mut out = Vec::new();
        for rule in &self.first {
            if FURNITURE_RULES.contains(&rule.meta().code) {
                rule.check(&ctx, &mut out);
            }
        }
        out.iter().any(|f| f.action == Action::DropLine)
    }

    fn doc_findings(&self, doc: &Document<'_>, site: Option<SiteRef<'_>>) -> Vec<Finding> {
        let text = doc.text();
        let mut ctx = Context::new(doc, &self.settings);
        let mut findings = Vec::new();
        for rule in &self.first {
            rule.check(&ctx, &mut findings);
        }
        if let Some(site) = site {
            if self.site_boilerplate {
                site_boilerplate::check(doc, site, &self.settings.site_boilerplate, &mut findings);
            }
        }
        for rule in &self.user_rules {
            rule.check(doc, &mut findings);
        }
        let protected: Vec<_> = match &self.allow {
            Some(allow) => allow.find_iter(text).map(|m| m.range()).collect(),
            None => Vec::new(),
        };
        let allowed = |f: &Finding| {
            !f.action.removes()
                || !protected
                    .iter()
                    .any(|p| p.start < f.range.end && f.range.start < p.end)
        };
        findings.retain(allowed);
        let mut removals = None;
        for rule in &self.late {
            // each late rule sees the text as every rule before it leaves it, so that a
            // second run over the clean text finds nothing new; the removals grow by what
            // each late rule adds instead of being made again from every finding
            let r = removals.get_or_insert_with(|| Removals::new(doc, &findings));
            ctx = ctx.with_removals(std::mem::take(r));
            let mut more = Vec::new();
            rule.check(&ctx, &mut more);
            more.retain(allowed);
            let r = removals.insert(ctx.take_removals());
            r.add(doc, &more);
            findings.append(&mut more);
        }
        if let Some(r) = removals {
            ctx = ctx.with_removals(r);
            let mut more = Vec::new();
            for rule in &self.first {
                rule.recheck(&ctx, &mut more);
            }
            more.retain(allowed);
            findings.append(&mut more);
        }
        findings.sort_by(|a, b| {
            a.range
                .start
                .cmp(&b.range.start)
                .then(b.range.end.cmp(&a.range.end))
                .then(a.code.cmp(&b.code))
        });
        findings
    }

    /// Cleans one text.
    pub fn clean(&self, text: &str) -> Cleaned {
        self.clean_site(text, None)
    }

    /// Cleans one text of a batch, with what the batch taught about its site (rule J020).
    pub fn clean_site(&self, text: &str, site: Option<SiteRef<'_>>) -> Cleaned {
        // one parse serves the rules and the edits
        let doc = self.parse(text);
        let findings = self.doc_findings(&doc, site);
        self.clean_doc(&doc, findings)
    }

    /// Cleans one text of a batch, applying the findings `choose` keeps of all the rules
    /// found (suppressions, per-file ignores): what [`findings_with`](Self::findings_with)
    /// then [`clean_with`](Self::clean_with) do, with one parse of the text instead of two.
    pub fn clean_chosen(
        &self,
        text: &str,
        site: Option<SiteRef<'_>>,
        choose: impl FnOnce(Vec<Finding>) -> Vec<Finding>,
    ) -> Cleaned {
        let doc = self.parse(text);
        let findings = choose(self.doc_findings(&doc, site));
        self.clean_doc(&doc, findings)
    }

    /// Cleans `text` by applying exactly `findings` (those of [`Engine::findings`] after
    /// suppressions or per-file ignores took some out).
    pub fn clean_with(&self, text: &str, findings: Vec<Finding>) -> Cleaned {
        self.clean_doc(&self.parse(text), findings)
    }

    fn clean_doc(&self, doc: &Document<'_>, findings: Vec<Finding>) -> Cleaned {
        let text = doc.text();
        let edits: Vec<Edit> = findings.iter().filter_map(|f| edit_for(doc, f)).collect();
        // a text no rule changes is laid out as it stands, without a copy
        let after = if edits.is_empty() {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(edit::apply_text(text, &edits))
        };
        let (title, body) = layout(&after);
        let eol = if doc.is_crlf() { "\r\n" } else { "\n" };
        Cleaned {
            text: render(&title, &body, eol),
            title,
            body,
            findings,
        }
    }
}

/// The edit `f` makes in `doc`: a dropped line goes with its line end.
pub(crate) fn edit_for(doc: &Document<'_>, f: &Finding) -> Option<Edit> {
    let text = doc.text();
    match f.action {
        Action::Flag => None,
        Action::DropSpan => Some(edit::span_removal(text, f.range.clone())),
        Action::DropLine => {
            let first = doc.line_at(f.range.start);
            let last = doc.line_at(f.range.end.saturating_sub(1).max(f.range.start));
            Some(Edit::delete(
                doc.lines()[first].full.start..doc.lines()[last].full.end,
            ))
        }
    }
}

/// Splits cleaned text into its title and body paragraphs (blank-line runs collapsed).
/// Body lines are joined by `\r\n` when the text has one, else by `\n`.
fn layout(text: &str) -> (String, String) {
    // whether the text holds "\r\n" shows as a line that ends in '\r' before its '\n':
    // the lines are joined by "\n" on that bet, which only a CRLF text loses, instead of
    // searching the whole text for '\r' first
    let mut crlf = false;
    let (title, body) = layout_with(text, "\n", &mut crlf);
    if crlf {
        layout_with(text, "\r\n", &mut crlf)
    } else {
        (title, body)
    }
}

/// [`layout`] with the body lines joined by `eol`; sets `crlf` when a line ends in `\r\n`.
fn layout_with(text: &str, eol: &str, crlf: &mut bool) -> (String, String) {
    let mut lines = lines_without_cr(text, crlf);
    let title = lines
        .by_ref()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.trim().to_string())
        .unwrap_or_default();
    let mut body = String::with_capacity(text.len());
    let mut pending_blank = false;
    for line in lines {
        if line.trim().is_empty() {
            pending_blank = !body.is_empty();
            continue;
        }
        if !body.is_empty() {
            body.push_str(eol);
            if pending_blank {
                body.push_str(eol);
            }
        }
        pending_blank = false;
        body.push_str(line);
    }
    (title, body)
}

/// `text.lines()` with one more `\r` stripped from each line, by
/// [`newlines`](crate::document::newlines): the standard library's line search costs its
/// set-up on every short line. Sets `crlf` when a line ends in `\r\n`.
fn lines_without_cr<'a>(text: &'a str, crlf: &'a mut bool) -> impl Iterator<Item = &'a str> + 'a {
    let mut start = 0;
    let mut newlines = crate::document::newlines(text.as_bytes());
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let line = match newlines.next() {
            Some(i) => {
                let line = &text[start..i];
                start = i + 1;
                // what `lines()` strips from a line that ends in "\r\n"
                match line.strip_suffix('\r') {
                    Some(l) => {
                        *crlf = true;
                        l
                    }
                    None => line,
                }
            }
            None => {
                let line = &text[start..];
                start = text.len();
                line
            }
        };
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
}

/// The written form of an article: title, blank line, body, final newline.
pub fn render(title: &str, body: &str, eol: &str) -> String {
    let mut out = String::with_capacity(title.len() + body.len() + 8);
    if !title.is_empty() {
        out.push_str(title);
        out.push_str(eol);
    }
    if !body.is_empty() {
        if !title.is_empty() {
            out.push_str(eol);
        }
        if eol == "\n" {
            out.push_str(body);
        } else {
            out.push_str(&body.replace("\r\n", "\n").replace('\n', eol));
        }
        out.push_str(eol);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "The hospital said on Monday that the average wait for a new hip had fallen to nineteen weeks since the trial began.\n";

    #[test]
    fn page_furniture_above_the_headline_is_the_header() {
        let engine = Engine::default();
        for top in [
            "Listen to this article",
            "5 min read",
            "We use cookies to improve your experience. Accept all",
            "Share",
            "Home / Health / Hospitals",
            // a section's kicker between the furniture and the headline goes with it
            "Share\nLIVE UPDATES",
        ] {
            let text = format!(
                "{top}\nWait for hip surgery falls to 19 weeks after weekend trial\n\n{BODY}"
            );
            let c = engine.clean(&text);
            assert_eq!(
                c.title, "Wait for hip surgery falls to 19 weeks after weekend trial",
                "{top:?}"
            );
            assert!(c.findings.iter().any(|f| f.code == "J014"), "{top:?}");
            assert!(top.lines().all(|l| !c.text.contains(l)), "{top:?}");
            // the clean text starts with its headline: a second run changes nothing
            assert_eq!(engine.clean(&c.text).text, c.text, "{top:?}");
        }
    }

    #[test]
    fn furniture_printed_twice_is_no_headline() {
        let engine = Engine::default();
        let text = format!("Follow us on Instagram\nFollow us on Instagram\nFerry fares rise for the winter season\n\n{BODY}");
        let once = engine.clean(&text);
        assert_eq!(once.title, "Ferry fares rise for the winter season");
        assert_eq!(engine.clean(&once.text).text, once.text);
        // furniture among many short lines: what a first run keeps, a second keeps
        let text = "X\nA\nX\na\na\nA\na\n\"\n0\nX\n,\n\"\nAaa Aaa Aaa 1900";
        let once = engine.clean(text);
        assert_eq!(engine.clean(&once.text).text, once.text);
        // a byline among the furniture, which goes on the first run, does not end it
        for text in [
            "X\n'\nBy Staff Reporter\n0\nA A 0 0",
            "X\n'\n20 November 2019\n0\nA A 0 0",
            // a date printed twice is no headline printed twice
            "Updated: 12 March 2025, 10:42 IST\nUpdated: 12 March 2025, 10:42 IST\nA A a a",
            "Home > Markets > Crypto\nBy Lena Park | Updated: 9 April 2025, 14:05 UTC\nCoins slide 5 min read\n\nBitcoin fell 6.2% on Wednesday.\n",
        ] {
            let once = engine.clean(text);
            assert_eq!(engine.clean(&once.text).text, once.text, "{text:?}");
        }
    }

    #[test]
    fn a_headline_with_a_furniture_word_stays_the_title() {
        let engine = Engine::default();
        for title in [
            "Subscribe to nothing: why streaming fatigue is rising",
            "Readers share their winter recipes | Food",
            "Listen to this article about the budget",
        ] {
            let text = format!("{title}\n\n{BODY}");
            assert_eq!(engine.clean(&text).title, title);
        }
        // furniture above a line that is not a headline: the first line stays the title
        for next in [BODY.trim(), "By Ann Lee"] {
            let text = format!("Share\n{next}\n\n{BODY}");
            assert_eq!(engine.clean(&text).title, "Share", "{next:?}");
        }
    }

    #[test]
    fn lines_without_cr_splits_as_lines_does() {
        for text in [
            "",
            "a",
            "\n",
            "a\n",
            "a\nb",
            "a\r\nb\r\n",
            "a\r\r\nb\r",
            "\r",
            "\r\r",
            "x\n\n\r\n\ry\r\n\r\r",
            "long line of text well past eight bytes\r\nand another one\n\nend",
        ] {
            let want: Vec<&str> = text
                .lines()
                .map(|l| l.strip_suffix('\r').unwrap_or(l))
                .collect();
            let mut crlf = false;
            let got: Vec<&str> = lines_without_cr(text, &mut crlf).collect();
            assert_eq!(got, want, "{text:?}");
            assert_eq!(crlf, text.contains("\r\n"), "{text:?}");
        }
    }
    #[test]
    fn layout_joins_body_lines_by_crlf_when_the_text_has_one() {
        let crlf = ("T".to_string(), "A\r\nB\r\n\r\nC".to_string());
        assert_eq!(layout("T\r\n\r\nA\r\nB\r\n\r\nC\r\n"), crlf);
        assert_eq!(layout("T\n\nA\r\nB\n\n\nC"), crlf);
        assert_eq!(
            layout("T\n\nA\nB\r\rx\n\nC\r"),
            ("T".to_string(), "A\nB\r\rx\n\nC".to_string())
        );
        assert_eq!(layout(""), (String::new(), String::new()));
    }

    #[test]
    fn layout_puts_a_blank_line_after_the_title_and_collapses_blank_runs() {
        let e = Engine::default();
        let c = e.clean("\n\nTitle\nBody one\nstill one\n\n\n\nBody two  \n");
        assert_eq!(c.title, "Title");
        assert_eq!(c.text, "Title\n\nBody one\nstill one\n\nBody two  \n");
    }

    /// Found by fuzzing `parse_config`: a user rule code with a non-ASCII letter where a
    /// `disable` prefix ends used to be sliced inside that letter.
    #[test]
    fn rule_codes_with_non_ascii_letters_are_compared_without_panicking() {
        let config = Config::parse(
            "disable = [\"J010\"]\n[[rule]]\ncode = \"U00ſuppO1\"\nname = \"promo-line\"\nphrase = \"promo:\"\naction = \"drop-line\"\n",
            std::path::Path::new("decruft.toml"),
        )
        .unwrap();
        let e = Engine::new(&config).unwrap();
        assert_eq!(
            e.clean("Title\n\npromo: now\n\nBody.\n").text,
            "Title\n\nBody.\n"
        );
    }

    #[test]
    fn empty_input_gives_empty_output() {
        let c = Engine::default().clean("");
        assert_eq!(c.text, "");
        assert!(c.findings.is_empty());
    }

    /// The late rules see the removals the allow list leaves: a protected junk line glued to
    /// a repeat stays, the repeat goes, and the clean text cleans to itself.
    #[test]
    fn late_rules_see_only_what_the_allow_list_leaves_removed() {
        let p = "The tram line will reach the airport by the end of next year, the mayor said.";
        let input = format!(
            "Tram Line to Reach Airport\n\n{p}\n\nWork starts in March.\n\n\
             Tram Line to Reach Airport\n{p}\nSponsored\n"
        );
        let plain = Engine::default().clean(&input);
        assert_eq!(
            plain.text,
            format!("Tram Line to Reach Airport\n\n{p}\n\nWork starts in March.\n")
        );
        let config = Config {
            allow: vec!["Sponsored".into()],
            ..Config::default()
        };
        let e = Engine::new(&config).unwrap();
        let c = e.clean(&input);
        assert_eq!(
            c.text,
            format!("Tram Line to Reach Airport\n\n{p}\n\nWork starts in March.\n\nSponsored\n")
        );
        assert_eq!(e.clean(&c.text).text, c.text);
    }

    #[test]
    fn crlf_is_kept() {
        let c = Engine::default().clean("Title\r\n\r\nBody\r\nmore\r\n");
        assert_eq!(c.text, "Title\r\n\r\nBody\r\nmore\r\n");
    }
}
