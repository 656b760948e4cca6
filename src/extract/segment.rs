//! Walks the parsed page once and cuts its visible text into blocks (paragraphs, headings,
//! list items ...) while recording, for every element, the evidence the classifier needs:
//! its place in the tree and what its tag, role, class and id say about it.
//!
//! The walk is iterative (first child / next sibling / parent), so pages nested thousands of
//! levels deep cannot overflow the stack.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use html5ever::{local_name, ns};
use scraper::node::Element;
use scraper::{Html, Node};

use super::BlockKind;

/// An element of the page, in document (pre-)order.
#[derive(Debug, Clone)]
pub(crate) struct Elem {
    pub parent: u32,
    /// One past the last element of this element's subtree.
    pub end: u32,
    /// What the tag/role/class/id says the element is not (navigation, share bar ...).
    pub neg: Option<&'static str>,
    /// The element announces itself as the article (`<article>`, `itemprop=articleBody` ...).
    pub pos: bool,
}

/// A run of visible text between block boundaries.
#[derive(Debug, Clone)]
pub(crate) struct RawBlock {
    pub text: String,
    pub chars: u32,
    pub link_chars: u32,
    /// Length in "Latin character equivalents": a CJK character carries about as much as a
    /// short Latin word, so counting characters alone would call every Chinese paragraph
    /// short. Counted as the text is gathered.
    pub weight: f32,
    /// The innermost block-level element holding the text.
    pub elem: u32,
    pub kind: BlockKind,
}

/// Everything the walk learns about the page.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub elems: Vec<Elem>,
    pub blocks: Vec<RawBlock>,
    pub title_tag: String,
    pub og_title: String,
    pub site_name: String,
    pub ld_json: Vec<String>,
}

#[derive(Clone, Copy)]
struct Frame {
    /// The tree node the frame was opened for (its address: the tree outlives the walk).
    node: *const Node,
    elem: u32,
    block: bool,
    link: bool,
    kind: Option<BlockKind>,
}

struct Walker {
    page: Page,
    frames: Vec<Frame>,
    buf: String,
    chars: u32,
    /// What the current block's wide characters weigh beyond one each (see
    /// [`RawBlock::weight`]).
    wide: u32,
    link_chars: u32,
    links: u32,
    /// Whether the buffer ends in (collapsed) whitespace.
    space: bool,
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
            | "legend"
            | "menu"
            | "html"
    )
}

/// Elements whose content is never visible text.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "select"
            | "option"
            | "button"
            | "input"
            | "textarea"
            | "video"
            | "audio"
            | "head"
            | "title"
            | "frameset"
            | "frame"
            | "noframes"
            | "map"
            | "datalist"
    )
}

fn kind_of(name: &str) -> Option<BlockKind> {
    Some(match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "li" | "dd" | "dt" => BlockKind::ListItem,
        "blockquote" => BlockKind::Quote,
        "td" | "th" => BlockKind::TableCell,
        "pre" => BlockKind::Pre,
        _ => return None,
    })
}

/// The names of the attributes [`Attrs`] reads: the page is parsed without all others.
pub(crate) const READ_ATTRS: &[&str] = &[
    "class",
    "id",
    "style",
    "hidden",
    "aria-hidden",
    "role",
    "itemprop",
    "property",
    "name",
    "content",
    "type",
];

/// The attributes the walk reads. Looking each up by name would intern the name and
/// binary-search the element's attributes every time; one pass comparing interned names
/// costs a fraction of that.
#[derive(Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    style: Option<&'a str>,
    hidden: bool,
    aria_hidden: Option<&'a str>,
    role: Option<&'a str>,
    itemprop: Option<&'a str>,
    property: Option<&'a str>,
    name: Option<&'a str>,
    content: Option<&'a str>,
    type_: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn of(el: &'a Element) -> Self {
        let mut a = Attrs::default();
        for (q, v) in el.attrs.iter() {
            if q.ns != ns!() || q.prefix.is_some() {
                continue;
            }
            let v: &str = v;
            let slot = match q.local {
                local_name!("class") => &mut a.class,
                local_name!("id") => &mut a.id,
                local_name!("style") => &mut a.style,
                local_name!("hidden") => {
                    a.hidden = true;
                    continue;
                }
                local_name!("aria-hidden") => &mut a.aria_hidden,
                local_name!("role") => &mut a.role,
                local_name!("itemprop") => &mut a.itemprop,
                local_name!("property") => &mut a.property,
                local_name!("name") => &mut a.name,
                local_name!("content") => &mut a.content,
                local_name!("type") => &mut a.type_,
                _ => continue,
            };
            *slot = Some(v);
        }
        a
    }
}

fn is_hidden(el: &Attrs) -> bool {
    if el.hidden {
        return true;
    }
    if el
        .aria_hidden
        .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = el
        .style
        .filter(|s| s.contains("none") || s.contains("hidden"))
    {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// What a single class/id word says about an element: `Some(Err(reason))` for boilerplate,
/// `Some(Ok(()))` for an article hint.
fn word_hint(w: &str) -> Option<Result<(), &'static str>> {
    let neg = match w {
        "nav" | "navbar" | "navigation" | "menu" | "breadcrumb" | "breadcrumbs" | "pagination"
        | "pager" | "skip" | "topbar" | "toolbar" | "masthead" => "navigation",
        "header" => "header",
        "footer" | "foot" | "colophon" => "footer",
        "aside" | "sidebar" | "rail" | "widget" | "widgets" | "sidebox" => "sidebar",
        "share" | "sharing" | "social" | "sharebar" | "shares" | "socials" => "share",
        "related" | "recommended" | "recommendations" | "recirculation" | "trending"
        | "popular" | "outbrain" | "taboola" | "mostread" | "most" | "teaser" | "teasers" => {
            "related"
        }
        "newsletter" | "subscribe" | "subscription" | "signup" | "paywall" => "newsletter",
        "comment" | "comments" | "disqus" | "replies" | "respond" | "discussion" => "comments",
        "cookie" | "cookies" | "consent" | "gdpr" => "cookie",
        "promo" | "sponsor" | "sponsored" | "ad" | "ads" | "advert" | "advertisement"
        | "adslot" | "adunit" | "dfp" | "banner" | "commercial" => "ad",
        "byline" | "author" | "authors" | "bio" | "dateline" | "timestamp" | "published"
        | "date" | "meta" | "contributor" => "byline",
        "caption" | "credit" | "credits" | "figcaption" | "copyright" => "caption",
        "tags" | "tag" | "keywords" | "topics" => "tags",
        "hidden" | "modal" | "popup" | "overlay" | "sronly" | "offscreen" => "hidden",
        "article" | "articlebody" | "story" | "storybody" | "post" | "entry" | "content"
        | "body" | "text" | "main" | "prose" | "blog" | "articletext" | "postbody"
        | "entrycontent" => return Some(Ok(())),
        _ => {
            // Compound words (`socialShare`, `relatedArticles`): only long, unambiguous stems.
            const STEMS: &[(&str, &str)] = &[
                ("comment", "comments"),
                ("share", "share"),
                ("social", "share"),
                ("related", "related"),
                ("sidebar", "sidebar"),
                ("newsletter", "newsletter"),
                ("cookie", "cookie"),
                ("breadcrumb", "navigation"),
                ("footer", "footer"),
                ("advert", "ad"),
                ("sponsor", "ad"),
                ("recommend", "related"),
                ("subscri", "newsletter"),
                ("byline", "byline"),
                ("caption", "caption"),
                ("navbar", "navigation"),
            ];
            // One automaton pass instead of a substring search per stem; the first stem of
            // the list that occurs wins, as it would in a scan of the list.
            static STEM_AC: OnceLock<AhoCorasick> = OnceLock::new();
            let ac = STEM_AC.get_or_init(|| {
                AhoCorasick::new(STEMS.iter().map(|(stem, _)| stem)).expect("valid stems")
            });
            return ac
                .find_overlapping_iter(w)
                .map(|m| m.pattern().as_usize())
                .min()
                .map(|i| Err(STEMS[i].1));
        }
    };
    Some(Err(neg))
}

/// `tag-elections`, `category-news`, `post-1234`: labels a CMS puts on a post element.
fn is_taxonomy_class(c: &str) -> bool {
    let b = c.as_bytes();
    let has = |p: &str| b.len() > p.len() + 1 && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    [
        "tag-",
        "category-",
        "author-",
        "format-",
        "type-",
        "status-",
    ]
    .iter()
    .any(|p| has(p))
        || (has("post-") && b[5..].iter().all(u8::is_ascii_digit))
}

/// Reads the boilerplate/article hints of an element from its tag, role, itemprop, class and
/// id.
fn hints(el: &Attrs, name: &str) -> (Option<&'static str>, bool) {
    let mut neg = match name {
        "nav" => Some("navigation"),
        "footer" => Some("footer"),
        "aside" => Some("sidebar"),
        "header" => Some("header"),
        "figure" | "figcaption" => Some("caption"),
        "form" | "fieldset" => Some("form"),
        _ => None,
    };
    let mut pos = matches!(name, "article" | "main");
    if let Some(role) = el.role {
        match role.trim().to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" => neg = neg.or(Some("navigation")),
            "banner" => neg = neg.or(Some("header")),
            "contentinfo" => neg = neg.or(Some("footer")),
            "complementary" => neg = neg.or(Some("sidebar")),
            "search" => neg = neg.or(Some("form")),
            "dialog" | "alertdialog" => neg = neg.or(Some("hidden")),
            "main" | "article" => pos = true,
            _ => {}
        }
    }
    if let Some(prop) = el.itemprop {
        if prop
            .split_whitespace()
            .any(|p| p.eq_ignore_ascii_case("articleBody") || p.eq_ignore_ascii_case("text"))
        {
            pos = true;
        } else if prop
            .split_whitespace()
            .any(|p| p.eq_ignore_ascii_case("author") || p.eq_ignore_ascii_case("datePublished"))
        {
            neg = neg.or(Some("byline"));
        }
    }
    let mut word = [0u8; 40];
    let mut embed = false;
    for attr in [el.class, el.id].into_iter().flatten() {
        // Content management systems label posts with their taxonomy (`tag-elections`,
        // `category-news`, `author-jane`): words about the post, not about the element.
        let names = attr
            .split_ascii_whitespace()
            .filter(|c| !is_taxonomy_class(c));
        for raw in names.flat_map(|c| c.split(|c: char| !c.is_ascii_alphanumeric())) {
            if raw.is_empty() || raw.len() > word.len() {
                continue;
            }
            let w = &mut word[..raw.len()];
            w.copy_from_slice(raw.as_bytes());
            w.make_ascii_lowercase();
            let w = std::str::from_utf8(w).unwrap_or("");
            if matches!(w, "embed" | "embedded" | "tweet" | "oembed") {
                embed = true;
            }
            match word_hint(w) {
                Some(Err(r)) => neg = neg.or(Some(r)),
                Some(Ok(())) => pos = true,
                None => {}
            }
        }
    }
    // `social-embed`, `twitter-tweet`: a post quoted by the article, not a share bar.
    if embed && neg == Some("share") {
        neg = None;
    }
    (neg, pos)
}

/// An inline element that only shows on hover (a person's card behind a linked name, a
/// tooltip): its text is not part of the sentence it sits in.
fn is_hover_card(class: Option<&str>) -> bool {
    let Some(class) = class else {
        return false;
    };
    class.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
        let w = w.as_bytes();
        let has = |stem: &str| {
            w.len() >= stem.len()
                && w.windows(stem.len())
                    .any(|x| x.eq_ignore_ascii_case(stem.as_bytes()))
        };
        has("tooltip") || has("popover") || has("hovercard") || has("rollover")
    })
}

impl Walker {
    fn flush(&mut self) {
        let text = self.buf.trim_end();
        if !text.is_empty() {
            let kind = self
                .frames
                .iter()
                .rev()
                .find_map(|f| f.kind)
                .unwrap_or(BlockKind::Paragraph);
            let elem = self
                .frames
                .iter()
                .rev()
                .find(|f| f.block)
                .map_or(0, |f| f.elem);
            self.page.blocks.push(RawBlock {
                text: text.to_string(),
                chars: self.chars,
                link_chars: self.link_chars,
                weight: self.chars as f32 + self.wide as f32,
                elem,
                kind,
            });
        }
        self.buf.clear();
        self.chars = 0;
        self.wide = 0;
        self.link_chars = 0;
        self.space = true;
    }

    fn text(&mut self, t: &str) {
        let in_link = self.links > 0;
        let bytes = t.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // a run of visible ASCII characters is copied whole: most of a page's text
            let run = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii_graphic())
                .unwrap_or(bytes.len() - i);
            if run > 0 {
                self.buf.push_str(&t[i..i + run]);
                self.space = false;
                let n = u32::try_from(run).unwrap_or(u32::MAX);
                self.chars = self.chars.saturating_add(n);
                if in_link {
                    self.link_chars = self.link_chars.saturating_add(n);
                }
                i += run;
                continue;
            }
            let Some(c) = t[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            if c.is_whitespace() {
                if !self.space {
                    self.buf.push(' ');
                    self.space = true;
                }
            } else if matches!(c, '\u{200b}' | '\u{200c}' | '\u{feff}' | '\u{ad}') {
                // Invisible characters would split words for the tokenizer.
            } else {
                self.buf.push(c);
                self.space = false;
                self.chars += 1;
                self.wide += match c as u32 {
                    0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff => 2,
                    0xac00..=0xd7af => 1,
                    _ => 0,
                };
                if in_link {
                    self.link_chars += 1;
                }
            }
        }
    }
}

/// Reads `<title>`, Open Graph metadata and JSON-LD from anywhere in the document.
fn read_meta(page: &mut Page, name: &str, el: &Attrs, node: scraper::ElementRef<'_>) {
    match name {
        "title" if page.title_tag.is_empty() => {
            page.title_tag = collect_text(node);
        }
        "meta" => {
            let key = el.property.or(el.name);
            let content = el.content.unwrap_or("").trim();
            match key.map(|k| k.trim().to_ascii_lowercase()) {
                Some(k) if k == "og:title" && page.og_title.is_empty() => {
                    page.og_title = content.to_string()
                }
                Some(k) if k == "og:site_name" && page.site_name.is_empty() => {
                    page.site_name = content.to_string()
                }
                _ => {}
            }
        }
        "script"
            if el
                .type_
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
        {
            page.ld_json.push(collect_text(node));
        }
        _ => {}
    }
}

fn collect_text(node: scraper::ElementRef<'_>) -> String {
    let mut s = String::new();
    for t in node.text() {
        s.push_str(t);
    }
    s.trim().to_string()
}

/// Walks the document and returns its blocks and element evidence.
pub(crate) fn walk(html: &Html) -> Page {
    let mut w = Walker {
        page: Page::default(),
        frames: Vec::new(),
        buf: String::new(),
        chars: 0,
        wide: 0,
        link_chars: 0,
        links: 0,
        space: true,
    };
    // Element 0 stands for the document itself, so every block has an owner.
    w.page.elems.push(Elem {
        parent: 0,
        end: 0,
        neg: None,
        pos: false,
    });
    w.frames.push(Frame {
        node: std::ptr::null(),
        elem: 0,
        block: true,
        link: false,
        kind: None,
    });
    let root = html.tree.root();
    let mut node = match root.first_child() {
        Some(n) => n,
        None => {
            w.page.elems[0].end = 1;
            return w.page;
        }
    };
    loop {
        // Open `node`; descend when it has content worth walking.
        let mut descend = false;
        match node.value() {
            Node::Text(t) => w.text(t),
            Node::Element(el) => {
                let name = el.name();
                let attrs = Attrs::of(el);
                if let Some(er) = scraper::ElementRef::wrap(node) {
                    if name == "head" {
                        for d in er.descendants() {
                            if let Some(de) = scraper::ElementRef::wrap(d) {
                                let e = de.value();
                                read_meta(&mut w.page, e.name(), &Attrs::of(e), de);
                            }
                        }
                    } else {
                        read_meta(&mut w.page, name, &attrs, er);
                    }
                }
                if name == "br" || name == "hr" {
                    w.flush();
                } else if !is_skipped(name)
                    && !is_hidden(&attrs)
                    && !skip_inline(name, &attrs, scraper::ElementRef::wrap(node))
                {
                    let block = is_block(name);
                    if block {
                        w.flush();
                    }
                    let (neg, pos) = hints(&attrs, name);
                    let idx = w.page.elems.len() as u32;
                    let parent = w.frames.last().map_or(0, |f| f.elem);
                    w.page.elems.push(Elem {
                        parent,
                        end: idx + 1,
                        neg,
                        pos,
                    });
                    let link = name == "a";
                    if link {
                        w.links += 1;
                    }
                    w.frames.push(Frame {
                        node: node.value(),
                        elem: idx,
                        block,
                        link,
                        kind: kind_of(name),
                    });
                    descend = true;
                }
            }
            _ => {}
        }
        if descend {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
            close(&mut w);
        }
        // Move to the next sibling, closing finished ancestors on the way up.
        loop {
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(p) if p.id() != root.id() => {
                    node = p;
                    if w.frames
                        .last()
                        .is_some_and(|f| std::ptr::eq(f.node, p.value()))
                    {
                        close(&mut w);
                    }
                }
                _ => {
                    w.flush();
                    let n = w.page.elems.len() as u32;
                    w.page.elems[0].end = n;
                    return w.page;
                }
            }
        }
    }
}

/// Inline hover cards are left out of the text; block-level ones are judged like any block.
/// The element that holds both the linked name and its card is the sentence's own text; the
/// card is the part nested in it, or, alone, the part that does not start with the link.
fn skip_inline(name: &str, el: &Attrs, node: Option<scraper::ElementRef<'_>>) -> bool {
    if is_block(name) || name == "a" || !is_hover_card(el.class) {
        return false;
    }
    let Some(node) = node else {
        return false;
    };
    // A card inside the hover wrapper.
    let nested = node.ancestors().take(4).any(|a| match a.value() {
        Node::Element(e) => is_hover_card(e.attr("class")),
        _ => false,
    });
    if nested {
        return true;
    }
    let first = node.children().find(|c| match c.value() {
        Node::Element(_) => true,
        Node::Text(t) => !t.trim().is_empty(),
        _ => false,
    });
    !matches!(first.map(|c| c.value()), Some(Node::Element(e)) if e.name() == "a")
}

fn close(w: &mut Walker) {
    if let Some(&f) = w.frames.last() {
        if f.block {
            w.flush();
        }
        w.frames.pop();
        if f.link {
            w.links -= 1;
        }
        let end = w.page.elems.len() as u32;
        w.page.elems[f.elem as usize].end = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blocks_weight_counts_its_characters_by_script() {
        // the definition, character by character on the block's text
        fn reference(text: &str) -> f32 {
            text.chars()
                .map(|c| match c as u32 {
                    0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff => 3.0,
                    0xac00..=0xd7af => 2.0,
                    _ if c.is_whitespace() => 0.0,
                    _ => 1.0,
                })
                .sum()
        }
        let html = scraper::Html::parse_document(
            "<html><body><p>Plain text,\twith  spaces\nand <a href=x>a link</a>.</p>\
             <p>Caf\u{e9} \u{201c}quoted\u{201d}\u{a0}and\u{200b}hidden</p>\
             <p>東京の天気は晴れです。</p><p>서울 날씨 맑음</p>\
             <div>mixed 東京 and Seoul 서울\u{3000}end</div></body></html>",
        );
        let page = walk(&html);
        assert_eq!(page.blocks.len(), 5);
        for b in &page.blocks {
            assert_eq!(b.weight, reference(&b.text), "{:?}", b.text);
        }
        assert_eq!(page.blocks[0].link_chars, 5);
    }
}
