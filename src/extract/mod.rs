//! Extracts the article from a raw HTML page.
//!
//! Scraped dumps are often whole pages; cleaning needs the article alone. [`extract`] parses
//! the page, cuts its visible text into blocks and keeps the blocks that form the article,
//! telling for every dropped block why it went, so that a diff of the page's visible text
//! against the article can be reviewed like any other cleaning diff.

mod classify;
mod decode;
mod depth;
mod jsonld;
mod prune;
mod segment;

use serde::Serialize;

use classify::Class;

/// What kind of HTML block a piece of text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    Quote,
    TableCell,
    Pre,
}

/// One visible block of the page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    /// The text, whitespace collapsed, on one line.
    pub text: String,
    pub kind: BlockKind,
    /// Part of the article.
    pub kept: bool,
    /// Why the block is not part of the article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
}

/// The article of a page and the verdict on every visible block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    pub title: String,
    /// Every visible block, in document order; after them, when the visible text holds no
    /// article, the paragraphs of the `articleBody` the page declares in its JSON-LD.
    pub blocks: Vec<Block>,
    /// Problems met on the way (character set guesses, no article ...).
    pub warnings: Vec<String>,
}

impl Extraction {
    /// The article body: kept blocks, one paragraph each, separated by a blank line.
    pub fn body(&self) -> String {
        let mut out = String::new();
        for b in self.blocks.iter().filter(|b| b.kept) {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&b.text);
        }
        out
    }

    /// The page's visible text, one block per line.
    pub fn visible_text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            out.push_str(&b.text);
            out.push('\n');
        }
        out
    }
}

/// Why a page cannot be extracted.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtractError {
    #[error("not an HTML page: the bytes are {0}")]
    NotHtml(&'static str),
}

/// Extracts the article of an HTML page given as bytes in any character set.
///
/// A page without an article is not an error: the result has no kept block and a warning.
pub fn extract(html: &[u8]) -> Result<Extraction, ExtractError> {
    if let Some(what) = decode::sniff_binary(html) {
        return Err(ExtractError::NotHtml(what));
    }
    let (text, warnings) = decode::decode(html);
    Ok(extract_str_with(&text, warnings))
}

/// Extracts the article of an HTML page that is already text.
pub fn extract_str(html: &str) -> Extraction {
    extract_str_with(html, Vec::new())
}

fn extract_str_with(html: &str, mut warnings: Vec<String>) -> Extraction {
    // pruning first: the depth scan then reads no script or style bodies
    let pruned = prune::prune(html);
    let doc = scraper::Html::parse_document(&depth::limit(&pruned, depth::MAX_DEPTH));
    let page = segment::walk(&doc);
    drop(doc);
    let verdicts = classify::classify(&page);
    let title = title(&page);
    let mut blocks: Vec<Block> = page
        .blocks
        .into_iter()
        .zip(verdicts.class)
        .map(|(b, c)| {
            let (kept, reason) = match c {
                Class::Good => (true, None),
                Class::Bad(r) => (false, Some(r)),
                Class::Short => (false, Some("too short")),
            };
            Block {
                text: b.text,
                kind: b.kind,
                kept,
                reason,
            }
        })
        .collect();
    // The headline is the title, not body text.
    if !title.is_empty() {
        if let Some(b) = blocks
            .iter_mut()
            .find(|b| b.kept && b.kind == BlockKind::Heading && b.text == title)
        {
            b.kept = false;
            b.reason = Some("title");
        }
    }
    structured_fallback(html, &mut blocks, &mut warnings);
    if !blocks.iter().any(|b| b.kept) {
        warnings.push("no article found".to_string());
    }
    Extraction {
        title,
        blocks,
        warnings,
    }
}

/// Kept text below which a page may be a script-rendered shell, in characters.
const SHELL_CHARS: usize = 500;

/// When the visible text yields little or no article (a page rendered by script, whose body
/// is a loading notice) and the page declares a longer `articleBody` in its JSON-LD, that
/// body is the article: its paragraphs are added as kept blocks, after the visible ones,
/// which are all left out.
fn structured_fallback(html: &str, blocks: &mut Vec<Block>, warnings: &mut Vec<String>) {
    let kept: usize = blocks
        .iter()
        .filter(|b| b.kept)
        .map(|b| b.text.chars().count())
        .sum();
    if kept >= SHELL_CHARS {
        return;
    }
    let Some(paragraphs) = jsonld::article_body(html) else {
        return;
    };
    let declared: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
    if declared < 2 * kept.max(1) {
        return;
    }
    for b in blocks.iter_mut().filter(|b| b.kept) {
        b.kept = false;
        b.reason = Some("structured data holds the article");
    }
    blocks.extend(paragraphs.into_iter().map(|text| Block {
        text,
        kind: BlockKind::Paragraph,
        kept: true,
        reason: None,
    }));
    warnings.push(
        "the visible text holds no article: taken from the page's JSON-LD articleBody".to_string(),
    );
}

/// The headline: Open Graph title, else the first `<h1>`, else `<title>` without the site
/// suffix.
fn title(page: &segment::Page) -> String {
    let h1 = page
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Heading && b.chars >= 10)
        .map(|b| b.text.as_str());
    let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let og = clean(&page.og_title);
    if !og.is_empty() {
        return strip_site(&og, &page.site_name);
    }
    if let Some(h) = h1 {
        return h.to_string();
    }
    let tag = clean(&page.title_tag);
    let stripped = strip_site(&tag, &page.site_name);
    if stripped.len() < tag.len() {
        return stripped;
    }
    // the page shows its headline as a block of its own: the rest of the title tag is the
    // site's name, however long (`Farmers protest fuel tax - Daily Ledger Kenya`)
    for sep in TITLE_SEPARATORS {
        if let Some(pos) = tag.rfind(sep) {
            let head = tag[..pos].trim();
            // a block's text has its whitespace collapsed already
            if !head.is_empty() && page.blocks.iter().any(|b| b.text == head) {
                return head.to_string();
            }
        }
    }
    tag
}

/// What stands between a headline and the site's name in a title tag.
const TITLE_SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

/// Removes a trailing (or leading) site name: `Headline | Site`, `Headline - Site`.
fn strip_site(title: &str, site: &str) -> String {
    for sep in TITLE_SEPARATORS {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            let site_like = (!site.is_empty() && tail.trim().eq_ignore_ascii_case(site.trim()))
                || tail.chars().count() * 2 < head.chars().count();
            if site_like && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(words: &str) -> String {
        format!("<p>{words} {words} {words}, and then {words} again.</p>")
    }

    /// The texts of the blocks the extractor kept, in order.
    fn kept_texts(x: &Extraction) -> Vec<&str> {
        x.blocks
            .iter()
            .filter(|b| b.kept)
            .map(|b| &*b.text)
            .collect()
    }

    #[test]
    fn article_paragraphs_are_kept_and_navigation_dropped() {
        let body = para("The harbour council approved the new ferry timetable");
        let html = format!(
            "<html><head><title>Ferry news | Port Daily</title></head><body>\
             <nav><a href=/>Home</a> <a href=/n>News</a></nav>\
             <article><h1>Ferry timetable approved</h1><p>By Ann Lee</p>{body}\
             <p>Short one.</p>{body}</article>\
             <div class=share><a href=#>Share</a></div>\
             <footer>Copyright 2024 Port Daily. All rights reserved here.</footer></body></html>"
        );
        let x = extract(html.as_bytes()).unwrap();
        assert_eq!(x.title, "Ferry timetable approved");
        let kept = kept_texts(&x);
        assert_eq!(kept.len(), 3, "{kept:?}");
        assert_eq!(kept[1], "Short one.");
        let nav = x
            .blocks
            .iter()
            .find(|b| b.text.starts_with("Home"))
            .unwrap();
        assert!(!nav.kept);
        let by = x.blocks.iter().find(|b| b.text == "By Ann Lee").unwrap();
        assert_eq!(by.reason, Some("too short"));
        assert!(x.visible_text().lines().count() >= 6);
    }

    #[test]
    fn a_short_last_paragraph_after_a_figure_is_kept() {
        let body = para("The harbour council approved the new ferry timetable");
        let html = format!(
            "<html><body><article><h1>Ferry timetable approved</h1>{body}{body}\
             <figure><img src=a.jpg><figcaption>The ferry at the pier. (Photo by Ann Lee)\
             </figcaption></figure>\
             <p>The city will hold two public meetings in April.</p>\
             <div class=related><h3>Related</h3><a href=/x>Bus fares rise</a></div>\
             </article></body></html>"
        );
        let x = extract(html.as_bytes()).unwrap();
        let kept = kept_texts(&x);
        assert_eq!(
            kept.last(),
            Some(&"The city will hold two public meetings in April."),
            "{kept:?}"
        );
        assert!(
            !kept.iter().any(|k| k.contains("ferry at the pier")),
            "{kept:?}"
        );
        assert!(!kept.contains(&"Bus fares rise"), "{kept:?}");
    }

    #[test]
    fn title_suffix_is_stripped() {
        assert_eq!(
            strip_site("Ferry timetable approved | Port Daily", ""),
            "Ferry timetable approved"
        );
        assert_eq!(strip_site("A - B", ""), "A - B");
    }

    #[test]
    fn a_long_site_name_goes_when_the_page_shows_the_headline() {
        let page = |headline: &str| {
            format!(
                "<html><head><title>Farmers protest fuel tax - Daily Ledger Kenya</title></head>\
                 <body><div class=\"t\">{headline}</div>{}</body></html>",
                para("Hundreds of farmers marched through the city on Thursday")
            )
        };
        assert_eq!(
            extract_str(&page("Farmers protest fuel tax")).title,
            "Farmers protest fuel tax"
        );
        // no block with the headline alone: the title tag stays whole
        assert_eq!(
            extract_str(&page("Farmers protest")).title,
            "Farmers protest fuel tax - Daily Ledger Kenya"
        );
    }
}
