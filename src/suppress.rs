//! Keeping text on purpose: inline `keep` markers and `per-file-ignores`.
//!
//! Precision comes first, but no detector is perfect; CI that gates on decruft needs a way to
//! say "this line is the article, leave it" that lives next to the text, survives re-checks
//! and is reported once it no longer does anything (like ruff's unused `noqa`).
//!
//! A marker is either an HTML comment, `<!-- decruft: keep -->`, or a line that is only
//! `decruft: keep`, optionally followed by codes or prefixes (`decruft: keep J002, S0`):
//! - on a line of its own it keeps the block below it: the next non-blank lines up to a
//!   blank line (blank lines right after the marker are skipped);
//! - after text on a line (comment form only) it keeps that line.
//!
//! Markers stay in the clean output: `decruft clean` followed by `decruft check` must pass,
//! which it could not if cleaning dropped the marker and the next check removed the text
//! again. [`strip_markers`] removes them where a pipeline publishes the text.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::document::Document;
use crate::rules::Finding;
use crate::Error;

/// An inline `keep` marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// Byte range of the marker itself (the comment, or the whole line for an own-line one).
    pub range: Range<usize>,
    /// Byte range of the lines it keeps.
    pub scope: Range<usize>,
    /// Upper-cased codes or prefixes; empty keeps every rule's findings.
    pub codes: Vec<String>,
    /// Whether the marker is the only thing on its line.
    pub own_line: bool,
}

/// A marker, or one code of a marker, that kept nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unused {
    /// Byte range of the marker.
    pub range: Range<usize>,
    /// The marker's codes that kept nothing; empty when the marker lists no code.
    pub codes: Vec<String>,
}

impl Unused {
    /// A one-line description for reports.
    pub fn message(&self) -> String {
        if self.codes.is_empty() {
            "unused `decruft: keep` marker: nothing here would be removed".to_string()
        } else {
            format!(
                "unused code(s) in `decruft: keep` marker: {} would remove nothing here",
                self.codes.join(", ")
            )
        }
    }
}

/// What [`apply`] did to a list of findings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppressed {
    /// The findings that still apply.
    pub kept: Vec<Finding>,
    /// The findings a marker took out.
    pub suppressed: Vec<Finding>,
    /// Markers (or codes of markers) that took out nothing.
    pub unused: Vec<Unused>,
}

fn comment_marker() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)<!--\s*decruft:\s*keep\b([^>]*?)\s*-->").expect("valid regex")
    })
}

fn bare_marker() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i)^\s*decruft:\s*keep\b(.*?)\s*$").expect("valid regex"))
}

fn parse_codes(list: &str) -> Vec<String> {
    list.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .map(|t| t.to_ascii_uppercase())
        .collect()
}

/// Whether `text` may hold a marker: both forms need `decruft:` (in any ASCII case; none of
/// its letters has a non-ASCII case variant, so the markers' Unicode-insensitive patterns
/// match nothing else). One search over the text spares almost every document the line
/// patterns.
fn may_hold_markers(text: &str) -> bool {
    static WORD: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    WORD.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["decruft:"])
            .expect("valid word")
    })
    .is_match(text)
}

/// The markers of `text`, in input order.
pub fn markers(text: &str) -> Vec<Marker> {
    if !may_hold_markers(text) {
        return Vec::new();
    }
    let doc = Document::parse(text);
    let lines = doc.lines();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let content = doc.line_text(i);
        let found = if let Some(c) = comment_marker().captures(content) {
            let m = c.get(0).expect("group 0");
            let own_line = content.trim() == m.as_str();
            let range = if own_line {
                line.range.clone()
            } else {
                line.range.start + m.start()..line.range.start + m.end()
            };
            Some((range, parse_codes(&c[1]), own_line))
        } else {
            bare_marker()
                .captures(content)
                .map(|c| (line.range.clone(), parse_codes(&c[1]), true))
        };
        let Some((range, codes, own_line)) = found else {
            continue;
        };
        let scope = if own_line {
            let first = (i + 1..lines.len()).find(|&j| lines[j].paragraph.is_some());
            match first {
                Some(f) => {
                    let last = (f..lines.len())
                        .take_while(|&j| lines[j].paragraph.is_some())
                        .last()
                        .unwrap_or(f);
                    lines[f].range.start..lines[last].range.end
                }
                None => line.range.end..line.range.end,
            }
        } else {
            line.range.clone()
        };
        out.push(Marker {
            range,
            scope,
            codes,
            own_line,
        });
    }
    out
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Takes out the findings the markers of `text` keep, and the findings that would remove a
/// marker itself (a marker must never be what gets cleaned away), and lists the markers that
/// kept nothing.
pub fn apply(text: &str, findings: Vec<Finding>) -> Suppressed {
    let markers = markers(text);
    if markers.is_empty() {
        return Suppressed {
            kept: findings,
            ..Suppressed::default()
        };
    }
    // per marker, per code (or one slot for a code-less marker): whether it kept something
    let mut used: Vec<Vec<bool>> = markers
        .iter()
        .map(|m| vec![false; m.codes.len().max(1)])
        .collect();
    let mut out = Suppressed::default();
    for f in findings {
        let mut suppress = false;
        for (m, used) in markers.iter().zip(used.iter_mut()) {
            if !overlaps(&f.range, &m.scope) {
                continue;
            }
            if m.codes.is_empty() {
                used[0] = true;
                suppress = true;
            }
            for (c, u) in m.codes.iter().zip(used.iter_mut()) {
                if crate::rules::code_has_prefix(&f.code, c) {
                    *u = true;
                    suppress = true;
                }
            }
        }
        let protects_marker = f.action.removes()
            && markers.iter().any(|m| {
                overlaps(&f.range, &m.range) && (m.own_line || f.action != crate::Action::DropLine)
            });
        if suppress {
            out.suppressed.push(f);
        } else if !protects_marker {
            out.kept.push(f);
        }
    }
    for (m, used) in markers.iter().zip(&used) {
        if m.codes.is_empty() {
            if !used[0] {
                out.unused.push(Unused {
                    range: m.range.clone(),
                    codes: Vec::new(),
                });
            }
        } else {
            let codes: Vec<String> = m
                .codes
                .iter()
                .zip(used)
                .filter(|(_, u)| !**u)
                .map(|(c, _)| c.clone())
                .collect();
            if !codes.is_empty() {
                out.unused.push(Unused {
                    range: m.range.clone(),
                    codes,
                });
            }
        }
    }
    out
}

/// `text` without its markers: own-line markers lose their whole line, trailing ones the
/// comment and the spaces before it.
pub fn strip_markers(text: &str) -> String {
    let doc = Document::parse(text);
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for m in markers(text) {
        let range = if m.own_line {
            doc.lines()[doc.line_at(m.range.start)].full.clone()
        } else {
            let before = &text[..m.range.start];
            before.trim_end_matches([' ', '\t']).len()..m.range.end
        };
        out.push_str(&text[cursor..range.start]);
        cursor = range.end;
    }
    out.push_str(&text[cursor..]);
    out
}

/// `[per-file-ignores]`: codes or prefixes never reported for files matching a glob.
///
/// A glob without `/` matches the file name in any directory (`*.html`); one with `/`
/// matches the whole path (`archive/**/*.txt`; the CLI gives paths relative to the config
/// file's directory). Globs know `*`, `**`, `?`, `[a-z]`, `[!x]` and `{a,b}`.
#[derive(Debug, Clone, Default)]
pub struct PerFileIgnores {
    entries: Vec<(String, Vec<Glob>, Vec<String>)>,
}

impl PerFileIgnores {
    /// Compiles the table; `known` are the codes a selector must match at least one of.
    pub fn new(table: &BTreeMap<String, Vec<String>>, known: &[String]) -> Result<Self, Error> {
        let mut entries = Vec::new();
        for (pattern, codes) in table {
            let globs = Glob::parse_all(pattern)
                .map_err(|e| Error::PerFileIgnores(format!("`{pattern}`: {e}")))?;
            for c in codes {
                if !known.iter().any(|k| crate::rules::code_has_prefix(k, c)) || c.is_empty() {
                    return Err(Error::UnknownRule(c.clone()));
                }
            }
            entries.push((
                pattern.clone(),
                globs,
                codes.iter().map(|c| c.to_ascii_uppercase()).collect(),
            ));
        }
        Ok(PerFileIgnores { entries })
    }

    /// Compiles the config's `[per-file-ignores]` against its rules.
    pub fn from_config(config: &crate::Config) -> Result<Self, Error> {
        let known: Vec<String> = crate::rules::select::known_codes(config)
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        PerFileIgnores::new(&config.per_file_ignores, &known)
    }

    /// The codes or prefixes ignored for `path`.
    pub fn codes_for(&self, path: &str) -> Vec<&str> {
        let path = normalize(path);
        let name = path.rsplit('/').next().unwrap_or(&path);
        let mut out = Vec::new();
        for (pattern, globs, codes) in &self.entries {
            let subject = if pattern.contains('/') {
                path.as_str()
            } else {
                name
            };
            if globs.iter().any(|g| g.matches(subject)) {
                out.extend(codes.iter().map(String::as_str));
            }
        }
        out
    }

    /// Whether there are no entries: nothing is ignored anywhere.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Splits `findings` into those kept for `path` and those its entries ignore.
    pub fn apply(&self, path: &str, findings: Vec<Finding>) -> (Vec<Finding>, Vec<Finding>) {
        let codes = self.codes_for(path);
        findings.into_iter().partition(|f| {
            !codes
                .iter()
                .any(|c| crate::rules::code_has_prefix(&f.code, c))
        })
    }
}

fn normalize(path: &str) -> String {
    let p = path.replace('\\', "/");
    let mut s = p.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_string()
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Char(char),
    /// `?`: one character other than `/`.
    One,
    /// `*`: any run of characters other than `/`.
    Star,
    /// `**`: any run of characters.
    Any,
    /// `**/`: nothing, or any run of characters ending in `/`.
    Dirs,
    Class {
        ranges: Vec<(char, char)>,
        negated: bool,
    },
}

/// A compiled glob without braces (braces expand into several globs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glob {
    tokens: Vec<Token>,
}

impl Glob {
    /// Compiles `pattern`, expanding `{a,b}` into one glob per alternative.
    pub fn parse_all(pattern: &str) -> Result<Vec<Glob>, String> {
        // `\` escapes in a pattern, so unlike paths patterns keep it
        let mut trimmed = pattern;
        while let Some(rest) = trimmed.strip_prefix("./") {
            trimmed = rest;
        }
        expand_braces(trimmed)?
            .iter()
            .map(|p| Glob::parse(p))
            .collect()
    }

    fn parse(pattern: &str) -> Result<Glob, String> {
        let chars: Vec<char> = pattern.chars().collect();
        let mut tokens = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '*' if chars.get(i + 1) == Some(&'*') => {
                    if chars.get(i + 2) == Some(&'/') {
                        tokens.push(Token::Dirs);
                        i += 3;
                    } else {
                        tokens.push(Token::Any);
                        i += 2;
                    }
                    continue;
                }
                '*' => tokens.push(Token::Star),
                '?' => tokens.push(Token::One),
                '\\' => {
                    i += 1;
                    tokens.push(Token::Char(
                        *chars.get(i).ok_or("a trailing `\\` escapes nothing")?,
                    ));
                }
                '[' => {
                    let mut j = i + 1;
                    let negated = matches!(chars.get(j), Some('!' | '^'));
                    if negated {
                        j += 1;
                    }
                    let mut ranges = Vec::new();
                    let mut first = true;
                    loop {
                        let c = *chars.get(j).ok_or("unclosed `[`")?;
                        if c == ']' && !first {
                            break;
                        }
                        first = false;
                        if chars.get(j + 1) == Some(&'-')
                            && chars.get(j + 2).is_some_and(|&e| e != ']')
                        {
                            ranges.push((c, chars[j + 2]));
                            j += 3;
                        } else {
                            ranges.push((c, c));
                            j += 1;
                        }
                    }
                    tokens.push(Token::Class { ranges, negated });
                    i = j;
                }
                c => tokens.push(Token::Char(c)),
            }
            i += 1;
        }
        Ok(Glob { tokens })
    }

    /// Whether the glob matches all of `subject`.
    pub fn matches(&self, subject: &str) -> bool {
        let chars: Vec<char> = subject.chars().collect();
        match_at(&self.tokens, &chars)
    }
}

fn match_at(tokens: &[Token], s: &[char]) -> bool {
    let Some((t, rest)) = tokens.split_first() else {
        return s.is_empty();
    };
    match t {
        Token::Char(c) => s.first() == Some(c) && match_at(rest, &s[1..]),
        Token::One => s.first().is_some_and(|&c| c != '/') && match_at(rest, &s[1..]),
        Token::Class { ranges, negated } => {
            s.first().is_some_and(|&c| {
                c != '/' && ranges.iter().any(|&(a, b)| a <= c && c <= b) != *negated
            }) && match_at(rest, &s[1..])
        }
        Token::Star => {
            let limit = s.iter().position(|&c| c == '/').unwrap_or(s.len());
            (0..=limit).any(|k| match_at(rest, &s[k..]))
        }
        Token::Any => (0..=s.len()).any(|k| match_at(rest, &s[k..])),
        Token::Dirs => {
            match_at(rest, s) || (0..s.len()).any(|k| s[k] == '/' && match_at(rest, &s[k + 1..]))
        }
    }
}

/// `a{b,c}d{e,f}` -> `abde`, `abdf`, `acde`, `acdf`; braces nest.
fn expand_braces(pattern: &str) -> Result<Vec<String>, String> {
    let Some(open) = pattern.find('{') else {
        if pattern.contains('}') {
            return Err("unmatched `}`".into());
        }
        return Ok(vec![pattern.to_string()]);
    };
    let mut depth = 0;
    let mut parts = Vec::new();
    let mut start = open + 1;
    for (i, c) in pattern[open..].char_indices().map(|(i, c)| (i + open, c)) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    parts.push(&pattern[start..i]);
                    let (head, tail) = (&pattern[..open], &pattern[i + 1..]);
                    let mut out = Vec::new();
                    for p in parts {
                        for rest in expand_braces(&format!("{p}{tail}"))? {
                            out.push(format!("{head}{rest}"));
                        }
                    }
                    return Ok(out);
                }
            }
            ',' if depth == 1 => {
                parts.push(&pattern[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    Err("unclosed `{`".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Action, RuleMeta};

    static SHARE: RuleMeta = RuleMeta {
        code: "J002",
        name: "share-widget",
        action: Action::DropLine,
        default_enabled: true,
        explanation: "",
    };
    static NAV: RuleMeta = RuleMeta {
        code: "J003",
        name: "story-navigation",
        action: Action::DropLine,
        default_enabled: true,
        explanation: "",
    };
    static GLUED: RuleMeta = RuleMeta {
        code: "S001",
        name: "glued-names",
        action: Action::DropSpan,
        default_enabled: true,
        explanation: "",
    };

    fn at(text: &str, meta: &'static RuleMeta, needle: &str) -> Finding {
        let s = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not in text"));
        Finding::new(meta, s..s + needle.len(), "test")
    }

    #[test]
    fn own_line_marker_keeps_the_next_block() {
        let text = "Title\n\n<!-- decruft: keep -->\nShare\nNext Story\n\nShare\n";
        let ms = markers(text);
        assert_eq!(ms.len(), 1);
        assert!(ms[0].own_line);
        assert_eq!(&text[ms[0].scope.clone()], "Share\nNext Story");
        let second_share = text.rfind("Share").unwrap();
        let findings = vec![
            at(text, &SHARE, "Share"),
            at(text, &NAV, "Next Story"),
            Finding::new(&SHARE, second_share..second_share + 5, "test"),
        ];
        let r = apply(text, findings);
        assert_eq!(r.suppressed.len(), 2);
        assert_eq!(r.kept.len(), 1);
        assert_eq!(
            r.kept[0].range.start, second_share,
            "the block after the blank line is not kept"
        );
        assert!(r.unused.is_empty());
    }

    #[test]
    fn markers_are_found_in_any_case_and_only_with_their_colon() {
        let text = "T\n\nDeCRUFT: Keep\nShare\n\nShare <!-- DECRUFT:keep -->\n";
        assert_eq!(markers(text).len(), 2);
        assert!(markers("T\n\ndecruft keep\nShare\n").is_empty());
    }

    #[test]
    fn blank_lines_after_an_own_line_marker_are_skipped() {
        let text = "Title\n\ndecruft: keep J002\n\n\nShare\n";
        let ms = markers(text);
        assert_eq!(ms[0].codes, vec!["J002"]);
        assert_eq!(&text[ms[0].scope.clone()], "Share");
    }

    #[test]
    fn codes_limit_what_a_marker_keeps_and_unused_codes_are_reported() {
        let text = "T\n\n<!-- decruft: keep j002, S0, J011 -->\nShare\nA TrumpPutin talk.\n";
        let findings = vec![
            at(text, &SHARE, "Share"),
            at(text, &NAV, "Share"),
            at(text, &GLUED, "TrumpPutin"),
        ];
        let r = apply(text, findings);
        assert_eq!(
            r.suppressed
                .iter()
                .map(|f| f.code.as_ref())
                .collect::<Vec<_>>(),
            vec!["J002", "S001"]
        );
        assert_eq!(
            r.kept.iter().map(|f| f.code.as_ref()).collect::<Vec<_>>(),
            vec!["J003"]
        );
        assert_eq!(r.unused.len(), 1);
        assert_eq!(r.unused[0].codes, vec!["J011"]);
        assert!(
            r.unused[0].message().contains("J011"),
            "{}",
            r.unused[0].message()
        );
    }

    #[test]
    fn trailing_marker_keeps_its_own_line_only() {
        let text = "T\n\nShare <!-- decruft: keep -->\nShare\n";
        let ms = markers(text);
        assert!(!ms[0].own_line);
        assert_eq!(&text[ms[0].range.clone()], "<!-- decruft: keep -->");
        assert_eq!(&text[ms[0].scope.clone()], "Share <!-- decruft: keep -->");
        let second = text.rfind("Share").unwrap();
        let r = apply(
            text,
            vec![
                at(text, &SHARE, "Share <!-- decruft: keep -->"),
                Finding::new(&SHARE, second..second + 5, "t"),
            ],
        );
        assert_eq!(r.suppressed.len(), 1);
        assert_eq!(r.kept.len(), 1);
    }

    #[test]
    fn a_marker_that_keeps_nothing_is_unused() {
        let text =
            "T\n\n<!-- decruft: keep -->\nA real sentence.\n\ndecruft: keep S001\nAnother one.\n";
        let r = apply(text, Vec::new());
        assert_eq!(r.unused.len(), 2);
        assert!(r.unused[0].codes.is_empty());
        assert_eq!(r.unused[1].codes, vec!["S001"]);
        assert!(r.kept.is_empty());
    }

    #[test]
    fn a_rule_never_removes_a_marker_itself() {
        let text = "T\n\ndecruft: keep J003\nNext Story\n";
        // a rule that took the marker line for junk
        let r = apply(
            text,
            vec![
                at(text, &SHARE, "decruft: keep J003"),
                at(text, &NAV, "Next Story"),
            ],
        );
        assert!(r.kept.is_empty(), "{:?}", r.kept);
        assert_eq!(r.suppressed.len(), 1);
        assert!(r.unused.is_empty());
    }

    #[test]
    fn text_that_only_mentions_the_marker_is_not_one() {
        let text = "T\n\nThe docs say to write decruft: keep before a line.\n";
        assert!(markers(text).is_empty());
        let r = apply(text, vec![at(text, &SHARE, "The docs")]);
        assert_eq!(r.kept.len(), 1);
    }

    #[test]
    fn markers_work_with_crlf() {
        let text = "T\r\n\r\n<!-- decruft: keep -->\r\nShare\r\n";
        let ms = markers(text);
        assert!(ms[0].own_line);
        assert_eq!(&text[ms[0].scope.clone()], "Share");
        assert_eq!(strip_markers(text), "T\r\n\r\nShare\r\n");
    }

    #[test]
    fn strip_markers_removes_both_forms() {
        let text = "T\n\n<!-- decruft: keep -->\nShare\nX <!-- decruft: keep J002 -->\ndecruft: keep\nEnd\n";
        assert_eq!(strip_markers(text), "T\n\nShare\nX\nEnd\n");
    }

    #[test]
    fn globs() {
        let m = |p: &str, s: &str| Glob::parse_all(p).unwrap().iter().any(|g| g.matches(s));
        assert!(m("*.txt", "a.txt"));
        assert!(!m("*.txt", "dir/a.txt"));
        assert!(m("dir/*.txt", "dir/a b.txt"));
        assert!(m("archive/**/*.txt", "archive/a.txt"));
        assert!(m("archive/**/*.txt", "archive/2024/05/a.txt"));
        assert!(!m("archive/**/*.txt", "other/archive/a.txt"));
        assert!(m("archive/**", "archive/x/y.html"));
        assert!(m("*.{html,htm}", "page.htm"));
        assert!(m("*.{html,htm}", "page.html"));
        assert!(!m("*.{html,htm}", "page.txt"));
        assert!(m("file-?.txt", "file-1.txt"));
        assert!(!m("file-?.txt", "file-10.txt"));
        assert!(m("[a-c]*.txt", "b.txt"));
        assert!(!m("[!a-c]*.txt", "b.txt"));
        assert!(m("\\*.txt", "*.txt"));
        assert!(!m("\\*.txt", "a.txt"));
        assert!(Glob::parse_all("[abc").is_err());
        assert!(Glob::parse_all("{a,b").is_err());
    }

    #[test]
    fn per_file_ignores_match_names_anywhere_and_paths_from_the_root() {
        let known: Vec<String> = ["J002", "J003", "J010", "S001"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let table: BTreeMap<String, Vec<String>> = [
            ("*.html".to_string(), vec!["J010".to_string()]),
            ("legacy/**".to_string(), vec!["S".to_string()]),
        ]
        .into_iter()
        .collect();
        let p = PerFileIgnores::new(&table, &known).unwrap();
        assert_eq!(p.codes_for("site/deep/page.html"), vec!["J010"]);
        assert_eq!(p.codes_for("./legacy/a.txt"), vec!["S"]);
        assert_eq!(p.codes_for("legacy\\b.txt"), vec!["S"]);
        assert!(p.codes_for("new/legacy/a.txt").is_empty());
        let text = "T\n\nShare\nA TrumpPutin talk.\n";
        let (kept, ignored) = p.apply(
            "legacy/a.txt",
            vec![at(text, &SHARE, "Share"), at(text, &GLUED, "TrumpPutin")],
        );
        assert_eq!(kept.len(), 1);
        assert_eq!(ignored[0].code, "S001");
        let bad: BTreeMap<String, Vec<String>> = [("*.txt".to_string(), vec!["Q1".to_string()])]
            .into_iter()
            .collect();
        assert!(
            matches!(PerFileIgnores::new(&bad, &known), Err(Error::UnknownRule(c)) if c == "Q1")
        );
    }
}
