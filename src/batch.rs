//! One record of a batch, from what a dump holds to the line written for it.
//!
//! The command line and the Python bindings (and through them a Spark job) both clean dump
//! records; if each had its own idea of how a JSONL record becomes engine input, how a site
//! profile is looked up, or how the output line and its counts are built, a record cleaned
//! on a cluster could differ from the same record cleaned on one machine. So that path lives
//! here once, and both call it.
//!
//! A record goes: [`jsonl_content`] / [`warc_content`] -> [`Cleaner::process`] ->
//! [`Processed::line`] (the output line) and [`Processed::removals_by_code`] (the summary).
//! Learning a profile takes the same content, [`Content::into_article`], keyed by
//! [`site_key`].

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use crate::engine::Cleaned;
use crate::extract::{self, Extraction};
use crate::input::jsonl::{render_record, FieldNames, JsonlRecord};
use crate::input::warc::WarcRecord;
use crate::profile::{site_of_url, Profile};
use crate::rules::Action;
use crate::suppress::{self, Unused};
use crate::{Engine, Finding};

/// The code of findings for blocks the extractor left out of the article.
pub const EXTRACTION_CODE: &str = "X001";
/// Their name.
pub const EXTRACTION_NAME: &str = "extraction";

/// What a record holds once read: text, or an extracted page.
pub enum Content {
    Text(String),
    Page(Extraction),
}

impl Content {
    /// The engine input of this content: the text, or an extracted page's article. This is
    /// what `decruft learn` counts lines of.
    pub fn into_article(self) -> String {
        match self {
            Content::Text(t) => t,
            Content::Page(x) => article_input(&x).0,
        }
    }
}

/// The content of a JSONL record: its article text (title field first), or the page of its
/// html field.
pub fn jsonl_content(rec: &JsonlRecord) -> Content {
    match rec.article() {
        Some(text) => Content::Text(with_final_newline(text.into_owned())),
        None => Content::Page(extract::extract_str(rec.html.as_deref().unwrap_or(""))),
    }
}

/// [`jsonl_content`] for a record read only to be cleaned and written back: the decoded
/// text moves into the content instead of being copied (once for the title line, once
/// more for the final newline). The record keeps what its output line needs (its raw line,
/// title, id and url); its `text` is `None` afterwards.
pub fn take_jsonl_content(rec: &mut JsonlRecord) -> Content {
    let Some(text) = rec.text.take() else {
        return jsonl_content(rec);
    };
    let title = rec
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty() && !t.contains('\n'));
    let text = match title {
        Some(t) => {
            let mut s = String::with_capacity(t.len() + 2 + text.len() + 1);
            s.push_str(t);
            s.push_str("\n\n");
            s.push_str(&text);
            s
        }
        None => text,
    };
    Content::Text(with_final_newline(text))
}

/// The content of an article given as text and, optionally, a separate title, read as a
/// JSONL record with these two fields is.
pub fn text_content(title: Option<&str>, text: &str) -> Content {
    let text = match title.map(str::trim) {
        Some(t) if !t.is_empty() && !t.contains('\n') => format!("{t}\n\n{text}"),
        _ => text.to_string(),
    };
    Content::Text(with_final_newline(text))
}

/// A field holds no final newline, but the clean text ends with one: without it every
/// record would count as changed.
fn with_final_newline(mut text: String) -> String {
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// The input bytes a JSONL record counts for in a summary: its line and the newline.
pub fn jsonl_bytes(rec: &JsonlRecord) -> u64 {
    rec.raw().len() as u64 + 1
}

/// The content of a WARC page.
pub fn warc_content(rec: &WarcRecord) -> Content {
    Content::Page(extract::extract_str(&rec.html))
}

/// The site a record is learnt and cleaned under: the forced key (`--site`), else the host
/// of its URL, else the empty key shared by documents without a URL.
pub fn site_key(site: Option<&str>, url: Option<&str>) -> String {
    match site {
        Some(s) => s.to_string(),
        None => url.and_then(site_of_url).unwrap_or_default(),
    }
}

/// What records are cleaned with.
#[derive(Clone, Copy)]
pub struct Cleaner<'a> {
    pub engine: &'a Engine,
    /// Site profile for J020.
    pub profile: Option<&'a Profile>,
    /// The site key forced for every record.
    pub site: Option<&'a str>,
}

impl<'a> Cleaner<'a> {
    pub fn new(engine: &'a Engine) -> Self {
        Cleaner {
            engine,
            profile: None,
            site: None,
        }
    }

    /// The engine's findings on `text`, with the profile of the record's site when there is
    /// one.
    pub fn findings(&self, text: &str, url: Option<&str>) -> Vec<Finding> {
        let Some(profile) = self.profile else {
            return self.engine.findings(text);
        };
        let key = site_key(self.site, url);
        self.engine.findings_with(text, profile.site(&key))
    }

    /// Cleans a record's content. `ignore` splits the findings into those that apply and
    /// those `[per-file-ignores]` take out (the command line matches them against the input
    /// file); `decruft: keep` markers are honoured.
    pub fn process(
        &self,
        content: Content,
        url: Option<&str>,
        ignore: impl FnOnce(Vec<Finding>) -> (Vec<Finding>, Vec<Finding>),
    ) -> Processed {
        let (input, page) = match content {
            Content::Text(t) => (t, None),
            Content::Page(x) => {
                let (input, page) = article_input(&x);
                (input, Some(page))
            }
        };
        let key = self.profile.map(|_| site_key(self.site, url));
        let site = self
            .profile
            .zip(key.as_deref())
            .and_then(|(p, k)| p.site(k));
        let (mut suppressed, mut ignored, mut unused) = (0, 0, Vec::new());
        let cleaned = self.engine.clean_chosen(&input, site, |all| {
            let (findings, out) = ignore(all);
            ignored = out.len();
            let kept = suppress::apply(&input, findings);
            suppressed = kept.suppressed.len();
            unused = kept.unused;
            kept.kept
        });
        Processed {
            input,
            cleaned,
            page,
            suppressed,
            ignored,
            unused,
        }
    }
}

/// A cleaned record.
pub struct Processed {
    /// The text given to the engine: the input text, or an HTML page's extracted article.
    pub input: String,
    pub cleaned: Cleaned,
    /// Set for an HTML input.
    pub page: Option<Page>,
    /// Findings taken out by `decruft: keep` markers.
    pub suppressed: usize,
    /// Findings taken out by `per-file-ignores`.
    pub ignored: usize,
    /// Markers that kept nothing.
    pub unused: Vec<Unused>,
}

impl Processed {
    /// The text the diff starts from: the input, or an HTML page's visible text.
    pub fn original(&self) -> &str {
        match &self.page {
            Some(p) => &p.visible,
            None => &self.input,
        }
    }

    /// Whether the clean text differs from the original.
    pub fn changed(&self) -> bool {
        self.original() != self.cleaned.text
    }

    /// The number of removals: findings that remove text, and blocks the extractor dropped.
    pub fn removals(&self) -> usize {
        self.cleaned.removals().count() + self.page.as_ref().map_or(0, |p| p.dropped.len())
    }

    /// Removals per rule code (extraction drops as `X001`).
    pub fn removals_by_code(&self) -> BTreeMap<String, u64> {
        self.removal_counts()
            .into_iter()
            .map(|(code, n)| (code.into_owned(), n))
            .collect()
    }

    /// [`removals_by_code`](Self::removals_by_code) as a list sorted by code, whose
    /// built-in codes are borrowed: a batch adds these up for every record, and a map with
    /// a `String` per code cost an allocation per code per record.
    pub fn removal_counts(&self) -> Vec<(Cow<'static, str>, u64)> {
        let mut counts = code_counts(self.cleaned.removals().map(|f| &f.code));
        if let Some(p) = &self.page {
            if !p.dropped.is_empty() {
                counts.push((Cow::Borrowed(EXTRACTION_CODE), p.dropped.len() as u64));
                counts.sort_by(|a, b| a.0.cmp(&b.0));
            }
        }
        counts
    }

    /// A map from an engine-input range to its 1-based line and byte range in
    /// [`original`](Self::original); line 0 (and an empty range) for a page title that is
    /// not a visible block.
    pub fn locator(&self) -> impl Fn(&Range<usize>) -> (usize, Range<usize>) + '_ {
        let line_starts: Vec<usize> = match self.page {
            Some(_) => Vec::new(),
            None => std::iter::once(0)
                .chain(self.input.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        };
        move |r| match &self.page {
            Some(p) => {
                let (line, start, end) = p.locate(&self.input, r);
                (line, start..end)
            }
            None => (line_starts.partition_point(|&s| s <= r.start), r.clone()),
        }
    }

    /// Every finding with its line, in terms of the original: the engine's findings and,
    /// for a page, one `X001` finding per block the extractor dropped; in line order.
    pub fn located_findings(&self) -> Vec<(usize, Finding)> {
        let locate = self.locator();
        let mut out: Vec<(usize, Finding)> = self
            .cleaned
            .findings
            .iter()
            .map(|f| {
                let (line, range) = locate(&f.range);
                (line, Finding { range, ..f.clone() })
            })
            .collect();
        if let Some(p) = &self.page {
            out.extend(p.dropped.iter().map(|(line, range, reason)| {
                let f = Finding {
                    code: Cow::Borrowed(EXTRACTION_CODE),
                    name: Cow::Borrowed(EXTRACTION_NAME),
                    range: range.clone(),
                    action: Action::DropLine,
                    message: format!("not part of the article: {reason}"),
                };
                (*line, f)
            }));
            out.sort_by_key(|(line, f)| (*line, f.range.start));
        }
        out
    }

    /// The findings as reported in JSON, in line order. For an HTML input, lines and offsets
    /// are those of the visible text (the diff's left side); a finding in a title that is not
    /// a visible block has line 0.
    pub fn findings(&self) -> Vec<FindingOut> {
        let original = self.original();
        self.located_findings()
            .into_iter()
            .map(|(line, f)| FindingOut {
                text: original.get(f.range.clone()).unwrap_or("").to_string(),
                code: f.code,
                name: f.name,
                action: f.action.as_str(),
                line,
                start: f.range.start,
                end: f.range.end,
                message: f.message,
            })
            .collect()
    }

    /// The JSON report of the record without its path: title, clean body, findings.
    pub fn report(&self) -> serde_json::Map<String, serde_json::Value> {
        let mut m = serde_json::Map::new();
        m.insert("title".into(), self.cleaned.title.as_str().into());
        m.insert("text".into(), self.cleaned.body.as_str().into());
        m.insert(
            "findings".into(),
            serde_json::to_value(self.findings()).expect("findings are plain data"),
        );
        m
    }

    /// `{"removed": n, "flagged": n, "rules": {"J002": 2, ...}}` as in the output lines of
    /// records that are not JSONL.
    pub fn counts(&self) -> serde_json::Value {
        let mut rules: BTreeMap<String, u64> = BTreeMap::new();
        for f in &self.cleaned.findings {
            *rules.entry(f.code.to_string()).or_default() += 1;
        }
        if let Some(n) = self.removals_by_code().get(EXTRACTION_CODE) {
            rules.insert(EXTRACTION_CODE.to_string(), *n);
        }
        let removed = self.removals();
        let flagged = self.cleaned.findings.len() - self.cleaned.removals().count();
        serde_json::json!({ "removed": removed, "flagged": flagged, "rules": rules })
    }

    /// Appends the output line (without its newline): a JSONL record keeps its fields (clean
    /// text spliced in); other records get id/url (or `path` when they have neither), title,
    /// text and counts.
    pub fn line(&self, out: &mut Vec<u8>, record: LineSource<'_>) {
        match record {
            LineSource::Jsonl(rec, names) => render_record(out, rec, &self.cleaned, names),
            LineSource::Other { path, id, url } => {
                let mut m = serde_json::Map::new();
                if id.is_none() && url.is_none() {
                    m.insert("path".into(), path.into());
                }
                if let Some(id) = id {
                    m.insert("id".into(), id.into());
                }
                if let Some(url) = url {
                    m.insert("url".into(), url.into());
                }
                m.insert("title".into(), self.cleaned.title.as_str().into());
                m.insert("text".into(), self.cleaned.body.as_str().into());
                m.insert("decruft".into(), self.counts());
                serde_json::to_writer(&mut *out, &m).expect("writing to a Vec cannot fail");
            }
        }
    }
}

/// How many times each code comes, sorted by code (as the keys of a `BTreeMap`). A
/// document has a handful of codes, so a list searched from the end (repeats of one code
/// tend to come together) beats a map.
fn code_counts<'a>(
    codes: impl Iterator<Item = &'a Cow<'static, str>>,
) -> Vec<(Cow<'static, str>, u64)> {
    let mut counts: Vec<(Cow<'static, str>, u64)> = Vec::new();
    for code in codes {
        match counts.iter_mut().rev().find(|(c, _)| c == code) {
            Some((_, n)) => *n += 1,
            None => counts.push((code.clone(), 1)),
        }
    }
    counts.sort_by(|a, b| a.0.cmp(&b.0));
    counts
}

/// One finding in the JSON report.
#[derive(Debug, Serialize)]
pub struct FindingOut {
    pub code: Cow<'static, str>,
    pub name: Cow<'static, str>,
    pub action: &'static str,
    pub line: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub message: String,
}

/// Where a cleaned record came from, for its output line.
#[derive(Clone, Copy)]
pub enum LineSource<'a> {
    Jsonl(&'a JsonlRecord, &'a FieldNames),
    Other {
        path: &'a str,
        id: Option<&'a str>,
        url: Option<&'a str>,
    },
}

/// What the extractor made of an HTML page, kept for the diff and the report.
pub struct Page {
    /// The visible text, one block per line: the left side of the diff.
    pub visible: String,
    /// Blocks left out of the article: (1-based line in `visible`, byte range, reason).
    pub dropped: Vec<(usize, Range<usize>, &'static str)>,
    /// Where each piece of the engine input came from on the page.
    segments: Vec<Segment>,
}

/// A title or block in the engine input and its place in the visible text.
struct Segment {
    input: Range<usize>,
    /// Start offset and 1-based line in the visible text; `None` for a title that is not a
    /// visible block (it came from `og:title` or `<title>`).
    visible: Option<(usize, usize)>,
}

impl Page {
    /// The line, start and end in the visible text of the engine-input range `r`; `(0, 0, 0)`
    /// when it is in a title that is not on the page.
    pub fn locate(&self, input: &str, r: &Range<usize>) -> (usize, usize, usize) {
        let at = |pos: usize| {
            let i = self
                .segments
                .partition_point(|s| s.input.start <= pos)
                .saturating_sub(1);
            self.segments.get(i)
        };
        let Some(seg) = at(r.start) else {
            return (0, 0, 0);
        };
        let Some((vstart, vline)) = seg.visible else {
            return (0, 0, 0);
        };
        let into = r.start.saturating_sub(seg.input.start);
        let start = vstart + into;
        let line = vline
            + input[seg.input.start..r.start.min(input.len())]
                .matches('\n')
                .count();
        let end_pos = r.end.saturating_sub(1).max(r.start);
        let end = match at(end_pos) {
            Some(Segment {
                input: ir,
                visible: Some((vs, _)),
            }) => vs + (r.end.min(ir.end)).saturating_sub(ir.start),
            _ => start,
        };
        (line, start, end.max(start))
    }
}

/// The engine input of an extracted page and the map back to its visible text.
pub fn article_input(x: &Extraction) -> (String, Page) {
    let mut visible = String::new();
    let mut title_at = None;
    let mut kept_at = Vec::new();
    let mut dropped = Vec::new();
    let mut line = 1;
    for b in &x.blocks {
        let start = visible.len();
        visible.push_str(&b.text);
        let range = start..visible.len();
        visible.push('\n');
        if b.kept {
            kept_at.push((start, line));
        } else if b.reason == Some("title") && title_at.is_none() {
            title_at = Some((start, line));
        } else {
            dropped.push((line, range, b.reason.unwrap_or("not part of the article")));
        }
        line += 1 + b.text.matches('\n').count();
    }
    let mut input = String::new();
    let mut segments = Vec::new();
    let mut push = |input: &mut String, text: &str, visible| {
        if !input.is_empty() {
            input.push_str("\n\n");
        }
        let start = input.len();
        input.push_str(text);
        segments.push(Segment {
            input: start..input.len(),
            visible,
        });
    };
    if !x.title.trim().is_empty() {
        push(&mut input, x.title.trim(), title_at);
    }
    for (b, at) in x.blocks.iter().filter(|b| b.kept).zip(kept_at) {
        push(&mut input, &b.text, Some(at));
    }
    if !input.is_empty() {
        input.push('\n');
    }
    (
        input,
        Page {
            visible,
            dropped,
            segments,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(line: &str) -> JsonlRecord {
        JsonlRecord::parse(line.to_string(), 1, &FieldNames::default()).unwrap()
    }

    #[test]
    fn a_title_field_goes_first_and_the_text_gets_a_final_newline() {
        let Content::Text(t) = jsonl_content(&rec(r#"{"title":"T","text":"Body"}"#)) else {
            panic!("a text record is text");
        };
        assert_eq!(t, "T\n\nBody\n");
        let Content::Text(same) = text_content(Some(" T "), "Body") else {
            panic!("text is text");
        };
        assert_eq!(same, t);
        assert!(matches!(
            jsonl_content(&rec(r#"{"html":"<p>x</p>"}"#)),
            Content::Page(_)
        ));
    }

    #[test]
    fn taking_the_content_gives_what_reading_it_gives() {
        for line in [
            r#"{"title":"T","text":"Body"}"#,
            r#"{"title":" T ","text":"Body\n"}"#,
            r#"{"title":"a\nb","text":"Body"}"#,
            r#"{"title":"","text":""}"#,
            r#"{"text":"Caf\u00e9 \"x\"\nmore"}"#,
            r#"{"title":null,"text":"plain"}"#,
        ] {
            let mut r = rec(line);
            let (Content::Text(want), Content::Text(got)) =
                (jsonl_content(&r), take_jsonl_content(&mut r))
            else {
                panic!("{line}: text records are text");
            };
            assert_eq!(got, want, "{line}");
        }
        assert!(matches!(
            take_jsonl_content(&mut rec(r#"{"html":"<p>x</p>"}"#)),
            Content::Page(_)
        ));
    }

    /// One parse for findings and edits cleans as the two steps do.
    #[test]
    fn chosen_findings_clean_as_the_two_steps_do() {
        let engine = Engine::default();
        let text =
            "Tram Line Opens\n\nShare\nTram Line Opens\nThe line opens today.\n\nNext Story\n";
        let all = engine.findings(text);
        assert!(all.len() >= 2, "{all:?}");
        let drop_first = |mut f: Vec<Finding>| {
            f.remove(0);
            f
        };
        assert_eq!(
            engine.clean_chosen(text, None, drop_first),
            engine.clean_with(text, drop_first(all))
        );
    }

    #[test]
    fn code_counts_are_a_sorted_map_of_the_codes() {
        let codes: Vec<Cow<'static, str>> = ["S002", "J002", "S002", "U01", "J002", "J010"]
            .iter()
            .enumerate()
            .map(|(i, c)| {
                // a user rule's code is owned
                if i == 3 {
                    Cow::Owned(c.to_string())
                } else {
                    Cow::Borrowed(*c)
                }
            })
            .collect();
        let mut want: BTreeMap<String, u64> = BTreeMap::new();
        for c in &codes {
            *want.entry(c.to_string()).or_default() += 1;
        }
        let got: Vec<(String, u64)> = code_counts(codes.iter())
            .into_iter()
            .map(|(c, n)| (c.into_owned(), n))
            .collect();
        assert_eq!(got, want.into_iter().collect::<Vec<_>>());
        assert!(code_counts([].iter()).is_empty());
    }

    #[test]
    fn site_keys_prefer_the_forced_key() {
        assert_eq!(site_key(Some("s"), Some("https://a.example/x")), "s");
        assert_eq!(site_key(None, Some("https://www.a.example/x")), "a.example");
        assert_eq!(site_key(None, None), "");
    }

    #[test]
    fn records_without_a_url_or_id_are_named_by_path() {
        let engine = Engine::default();
        let p = Cleaner::new(&engine).process(
            Content::Text("Title\n\nA sentence of the body.\n".into()),
            None,
            |f| (f, Vec::new()),
        );
        assert!(!p.changed());
        let mut out = Vec::new();
        p.line(
            &mut out,
            LineSource::Other {
                path: "a.txt",
                id: None,
                url: None,
            },
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"decruft":{"flagged":0,"removed":0,"rules":{}},"path":"a.txt","text":"A sentence of the body.","title":"Title"}"#
        );
    }
}
