//! Drops the bodies of `<script>` and `<style>` elements before the page is parsed.
//!
//! On news pages about half of the bytes are scripts and style sheets, which the extractor
//! never reads; tokenising them is most of the parser's work. A byte scanner follows the HTML
//! tokenizer just far enough to know where those bodies really start and end (comments, quoted
//! attribute values, RAWTEXT/RCDATA elements, the script-data escape states, CDATA in SVG and
//! MathML) and cuts them out, so the parsed tree is the same apart from the missing script and
//! style text, the content of inline SVG and MathML, which the extractor skips as well, and
//! the attributes that neither the extractor nor the parser reads (links, image sources,
//! `data-*`: a third of what is left of a page).
//! Whenever the scanner cannot be sure of the tokenizer's state (foreign content
//! that HTML breaks out of, framesets, `<plaintext>`, unterminated constructs) it stops and
//! leaves the rest of the page untouched: a page scanned too little parses slower, a page cut
//! wrongly would parse differently.

use std::borrow::Cow;
use std::ops::Range;

use super::segment::READ_ATTRS;

/// The page without the bodies of its scripts and style sheets and the content of its SVG and
/// MathML elements. JSON-LD scripts keep their body: it is page metadata the extractor may
/// read.
pub(crate) fn prune(html: &str) -> Cow<'_, str> {
    let cuts = cuts(html.as_bytes());
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let removed: usize = cuts.iter().map(|r| r.len()).sum();
    let mut out = String::with_capacity(html.len() - removed);
    let mut at = 0;
    for r in cuts {
        // Every cut starts after a `>` and ends at a `<`, so both ends are char boundaries.
        out.push_str(&html[at..r.start]);
        at = r.end;
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Position of the next `c` at or after `from`, eight bytes at a time.
fn find_byte(b: &[u8], from: usize, c: u8) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let pat = LO * c as u64;
    let mut i = from;
    while i + 8 <= b.len() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[i..i + 8]);
        let x = u64::from_le_bytes(w) ^ pat;
        // A zero byte in `x` is a match; this flags exactly the zero bytes' high bits (plus
        // possibly bytes above a match, which `trailing_zeros` never reaches first).
        let found = x.wrapping_sub(LO) & !x & HI;
        if found != 0 {
            return Some(i + (found.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b[i.min(b.len())..]
        .iter()
        .position(|&x| x == c)
        .map(|p| i + p)
}

fn find_seq(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut i = from;
    loop {
        let p = find_byte(b, i, needle[0])?;
        if b[p..].starts_with(needle) {
            return Some(p);
        }
        i = p + 1;
    }
}

/// Whether `b[at..]` starts with `name` (lowercase ASCII) in any case, followed by a byte that
/// ends a tag name in an end tag (`</script>`, `</style `, `</title/`).
fn is_end_name(b: &[u8], at: usize, name: &[u8]) -> bool {
    b.len() > at + name.len()
        && b[at..at + name.len()].eq_ignore_ascii_case(name)
        && matches!(b[at + name.len()], b'/' | b'>') | is_space(b[at + name.len()])
}

/// Where the RAWTEXT or RCDATA content that starts at `from` ends: the `<` of the first
/// `</name` followed by whitespace, `/` or `>`.
fn raw_end(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    loop {
        let p = find_byte(b, i, b'<')?;
        if b.get(p + 1) == Some(&b'/') && is_end_name(b, p + 2, name) {
            return Some(p);
        }
        i = p + 1;
    }
}

/// Where the script data that starts at `from` ends, following the tokenizer's script-data
/// escaped and double-escaped states: inside `<!-- <script> ... -->` a `</script>` does not
/// end the script.
fn script_end(b: &[u8], from: usize) -> Option<usize> {
    #[derive(Clone, Copy)]
    enum S {
        Data,
        Escaped,
        EscapedDash,
        EscapedDashDash,
        Double,
        DoubleDash,
        DoubleDashDash,
    }
    let mut s = S::Data;
    let mut i = from;
    loop {
        match s {
            S::Data => {
                let p = find_byte(b, i, b'<')?;
                if b.get(p + 1) == Some(&b'/') && is_end_name(b, p + 2, b"script") {
                    return Some(p);
                }
                if b[p + 1..].starts_with(b"!--") {
                    s = S::EscapedDashDash;
                    i = p + 4;
                } else {
                    i = p + 1;
                }
            }
            S::Escaped | S::EscapedDash | S::EscapedDashDash => {
                let c = *b.get(i)?;
                match (s, c) {
                    (_, b'<') => {
                        if b.get(i + 1) == Some(&b'/') && is_end_name(b, i + 2, b"script") {
                            return Some(i);
                        }
                        if is_end_name(b, i + 1, b"script") {
                            // `<script` plus its terminator enters the double-escaped state.
                            s = S::Double;
                            i += 8;
                        } else {
                            s = S::Escaped;
                            i += 1;
                        }
                        continue;
                    }
                    (S::Escaped, b'-') => s = S::EscapedDash,
                    (S::EscapedDash | S::EscapedDashDash, b'-') => s = S::EscapedDashDash,
                    (S::EscapedDashDash, b'>') => s = S::Data,
                    _ => s = S::Escaped,
                }
                i += 1;
            }
            S::Double | S::DoubleDash | S::DoubleDashDash => {
                let c = *b.get(i)?;
                match (s, c) {
                    (_, b'<') => {
                        if b.get(i + 1) == Some(&b'/') && is_end_name(b, i + 2, b"script") {
                            s = S::Escaped;
                            i += 9;
                        } else {
                            s = S::Double;
                            i += 1;
                        }
                        continue;
                    }
                    (S::Double, b'-') => s = S::DoubleDash,
                    (S::DoubleDash | S::DoubleDashDash, b'-') => s = S::DoubleDashDash,
                    (S::DoubleDashDash, b'>') => s = S::Data,
                    _ => s = S::Double,
                }
                i += 1;
            }
        }
    }
}

/// An attribute of a start tag: where its name starts and ends and where its value ends.
#[derive(Clone, Copy)]
struct Attr {
    start: usize,
    name_end: usize,
    end: usize,
}

/// Reads a tag from just after its name to its `>`, honouring quoted attribute values, and
/// records its attributes in `attrs`. Returns the position after the `>` and whether the tag
/// is self-closing (`/>`).
fn tag_end(b: &[u8], mut i: usize, attrs: &mut Vec<Attr>) -> Option<(usize, bool)> {
    attrs.clear();
    let skip_space = |i: &mut usize| {
        while b.get(*i).is_some_and(|&c| is_space(c)) {
            *i += 1;
        }
    };
    loop {
        skip_space(&mut i);
        match *b.get(i)? {
            b'>' => return Some((i + 1, false)),
            b'/' => {
                i += 1;
                if *b.get(i)? == b'>' {
                    return Some((i + 1, true));
                }
            }
            _ => {
                // An attribute name; its first character may be anything, even `=`.
                let start = i;
                i += 1;
                while !matches!(*b.get(i)?, b'/' | b'>' | b'=') && !is_space(b[i]) {
                    i += 1;
                }
                let name_end = i;
                let mut end = i;
                skip_space(&mut i);
                if *b.get(i)? == b'=' {
                    i += 1;
                    skip_space(&mut i);
                    match *b.get(i)? {
                        q @ (b'"' | b'\'') => i = find_byte(b, i + 1, q)? + 1,
                        b'>' => {
                            attrs.push(Attr {
                                start,
                                name_end,
                                end: i,
                            });
                            return Some((i + 1, false));
                        }
                        _ => {
                            while *b.get(i)? != b'>' && !is_space(b[i]) {
                                i += 1;
                            }
                        }
                    }
                    end = i;
                }
                attrs.push(Attr {
                    start,
                    name_end,
                    end,
                });
            }
        }
    }
}

/// Reads a tag name starting at `i`; returns its end.
fn name_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && !matches!(b[i], b'/' | b'>') && !is_space(b[i]) {
        i += 1;
    }
    i
}

/// HTML start tags that end SVG or MathML content early (the "breakout" tags), and `font`,
/// which does so depending on its attributes.
fn breaks_out(name: &[u8]) -> bool {
    const TAGS: &[&str] = &[
        "b",
        "big",
        "blockquote",
        "body",
        "br",
        "center",
        "code",
        "dd",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "hr",
        "i",
        "img",
        "li",
        "listing",
        "menu",
        "meta",
        "nobr",
        "ol",
        "p",
        "pre",
        "ruby",
        "s",
        "small",
        "span",
        "strong",
        "strike",
        "sub",
        "sup",
        "table",
        "tt",
        "u",
        "ul",
        "var",
        "font",
    ];
    TAGS.iter().any(|t| name.eq_ignore_ascii_case(t.as_bytes()))
}

/// SVG and MathML elements whose content is parsed as HTML.
fn is_integration_point(name: &[u8]) -> bool {
    [
        "foreignobject",
        "desc",
        "title",
        "mi",
        "mo",
        "mn",
        "ms",
        "mtext",
        "annotation-xml",
    ]
    .iter()
    .any(|t| name.eq_ignore_ascii_case(t.as_bytes()))
}

fn is(name: &[u8], t: &str) -> bool {
    name.eq_ignore_ascii_case(t.as_bytes())
}

/// The byte ranges to remove: script and style bodies and SVG/MathML content, each from just
/// after the start tag's `>` to the `<` of its end tag.
fn cuts(b: &[u8]) -> Vec<Range<usize>> {
    let mut cuts = Vec::new();
    // The open SVG/MathML elements, innermost last. Inside them tags are foreign and nothing
    // is raw text; an end tag that matches none of them would be handled as HTML, which may
    // close them without the scanner noticing, so it stops there.
    let mut foreign: Vec<&[u8]> = Vec::new();
    // Where the content of the outermost open SVG/MathML element starts: the extractor never
    // reads it either, so it goes too once its end tag is found.
    let mut foreign_from = 0;
    let mut attrs = Vec::new();
    let mut i = 0;
    while let Some(p) = find_byte(b, i, b'<') {
        i = p + 1;
        let Some(&next) = b.get(p + 1) else { break };
        match next {
            b'!' => {
                let rest = &b[p + 2..];
                let end = if rest.starts_with(b"--") {
                    comment_end(b, p + 4)
                } else if !foreign.is_empty() && rest.starts_with(b"[CDATA[") {
                    find_seq(b, p + 9, b"]]>").map(|e| e + 3)
                } else {
                    find_byte(b, p + 2, b'>').map(|e| e + 1)
                };
                let Some(end) = end else { break };
                i = end;
            }
            b'?' => {
                let Some(end) = find_byte(b, p + 1, b'>') else {
                    break;
                };
                i = end + 1;
            }
            b'/' => {
                let Some(&c) = b.get(p + 2) else { break };
                if c == b'>' {
                    i = p + 3;
                } else if c.is_ascii_alphabetic() {
                    let ne = name_end(b, p + 2);
                    let name = &b[p + 2..ne];
                    let Some((end, _)) = tag_end(b, ne, &mut attrs) else {
                        break;
                    };
                    i = end;
                    if !foreign.is_empty() {
                        match foreign.iter().rposition(|n| n.eq_ignore_ascii_case(name)) {
                            Some(0) => {
                                foreign.clear();
                                if p > foreign_from {
                                    cuts.push(foreign_from..p);
                                }
                            }
                            Some(k) => foreign.truncate(k),
                            None => break,
                        }
                    }
                } else {
                    let Some(end) = find_byte(b, p + 2, b'>') else {
                        break;
                    };
                    i = end + 1;
                }
            }
            c if c.is_ascii_alphabetic() => {
                let ne = name_end(b, p + 1);
                let name = &b[p + 1..ne];
                let Some((end, self_closing)) = tag_end(b, ne, &mut attrs) else {
                    break;
                };
                i = end;
                if foreign.is_empty() && !is_formatting(name) {
                    drop_attributes(b, &attrs, end, &mut cuts);
                }
                if let Some(&top) = foreign.last() {
                    // Start tags in an integration point and the breakout tags are HTML
                    // again.
                    if is_integration_point(top) || breaks_out(name) {
                        break;
                    }
                    if !self_closing {
                        foreign.push(name);
                    }
                    continue;
                }
                if is(name, "script") {
                    let Some(close) = script_end(b, end) else {
                        break;
                    };
                    let ld_json = find_ci(&b[p..end], b"ld+json");
                    if !ld_json && close > end {
                        cuts.push(end..close);
                    }
                    i = close;
                } else if is(name, "style") {
                    let Some(close) = raw_end(b, end, b"style") else {
                        break;
                    };
                    if close > end {
                        cuts.push(end..close);
                    }
                    i = close;
                } else if let Some(raw) = RAW.iter().find(|t| is(name, t)) {
                    let Some(close) = raw_end(b, end, raw.as_bytes()) else {
                        break;
                    };
                    i = close;
                } else if is(name, "plaintext") || is(name, "frameset") {
                    break;
                } else if (is(name, "svg") || is(name, "math")) && !self_closing {
                    foreign.push(name);
                    foreign_from = end;
                }
            }
            _ => {}
        }
    }
    cuts
}

/// Attributes the parser itself acts on: `font` breaks out of SVG by them, `annotation-xml`
/// becomes an HTML integration point, a `selected` option is copied into `selectedcontent`;
/// `shadowroot*` ones give a `template` a shadow root.
const PARSER_ATTRS: &[&str] = &["color", "face", "size", "encoding", "selected"];

/// Cuts the attributes of a start tag that neither the extractor nor the parser reads, each
/// with the space up to the next attribute (the last one alone, so `/>` and `>` stay).
fn drop_attributes(b: &[u8], attrs: &[Attr], tag_end: usize, cuts: &mut Vec<Range<usize>>) {
    for (k, a) in attrs.iter().enumerate() {
        let name = &b[a.start..a.name_end];
        let read = READ_ATTRS
            .iter()
            .chain(PARSER_ATTRS)
            .any(|n| name.eq_ignore_ascii_case(n.as_bytes()))
            || name.len() > 10 && name[..10].eq_ignore_ascii_case(b"shadowroot");
        if read {
            continue;
        }
        let end = attrs.get(k + 1).map_or(a.end, |next| next.start);
        debug_assert!(end < tag_end);
        match cuts.last_mut() {
            Some(last) if last.end == a.start => last.end = end,
            _ => cuts.push(a.start..end),
        }
    }
}

/// The active formatting elements: the parser compares their attributes (three identical
/// open ones make it forget the oldest), so theirs stay. `a` is left out: a new `<a>` always
/// closes the open one, so two are never compared.
fn is_formatting(name: &[u8]) -> bool {
    [
        "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    ]
    .iter()
    .any(|t| name.eq_ignore_ascii_case(t.as_bytes()))
}

/// Elements whose content is RCDATA or RAWTEXT (with scripting enabled, as the parser runs).
const RAW: &[&str] = &[
    "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// The end of a comment whose text starts at `from` (just after `<!--`): after `-->` or
/// `--!>`, or at once for `<!-->` and `<!--->`.
fn comment_end(b: &[u8], from: usize) -> Option<usize> {
    let rest = b.get(from..)?;
    if rest.starts_with(b">") {
        return Some(from + 1);
    }
    if rest.starts_with(b"->") {
        return Some(from + 2);
    }
    let mut i = from;
    loop {
        let p = find_seq(b, i, b"--")?;
        if b.get(p + 2) == Some(&b'>') {
            return Some(p + 3);
        }
        if b[p + 2..].starts_with(b"!>") {
            return Some(p + 4);
        }
        i = p + 1;
    }
}

fn find_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Node};

    /// The parsed tree as text, leaving out what pruning removes: the text inside `<script>`
    /// and `<style>` elements of the HTML namespace and the content of `<svg>` and `<math>`.
    fn shape(html: &str) -> String {
        let doc = Html::parse_document(html);
        let mut out = String::new();
        for n in doc.tree.root().descendants() {
            let in_foreign = n.ancestors().any(|a| {
                a.value().as_element().is_some_and(|e| {
                    e.name.ns != html5ever::ns!(html)
                        && a.parent()
                            .and_then(|p| p.value().as_element())
                            .is_some_and(|p| p.name.ns == html5ever::ns!(html))
                })
            });
            if in_foreign {
                continue;
            }
            let depth = n.ancestors().count();
            let line = match n.value() {
                Node::Element(e) => {
                    let mut attrs: Vec<_> = e
                        .attrs()
                        .filter(|(k, _)| READ_ATTRS.contains(k) || PARSER_ATTRS.contains(k))
                        .collect();
                    attrs.sort();
                    format!("<{:?} {}{attrs:?}", e.name.ns, e.name())
                }
                Node::Text(t) => {
                    let parent = n.parent().and_then(|p| p.value().as_element().cloned());
                    let raw = parent.is_some_and(|p| {
                        p.name.ns == html5ever::ns!(html) && matches!(p.name(), "script" | "style")
                    });
                    if raw {
                        continue;
                    }
                    format!("{:?}", &**t)
                }
                Node::Comment(c) => format!("<!--{:?}", &**c),
                other => format!("{other:?}"),
            };
            out.push_str(&" ".repeat(depth));
            out.push_str(&line);
            out.push('\n');
        }
        out
    }

    /// Prunes `html`, checks that the tree is unchanged, and returns the pruned page.
    fn pruned(html: &str) -> String {
        let p = prune(html).into_owned();
        assert_eq!(
            shape(html),
            shape(&p),
            "tree changed by pruning:\n{html}\n->\n{p}"
        );
        p
    }

    #[test]
    fn script_and_style_bodies_go() {
        let html = "<html><head><style>p { color: red }</style>\
                    <script>var a = 1 < 2 && '<p>';</script></head>\
                    <body><p>Text</p><SCRIPT type=module>go()</sCrIpT ><p>More</p></body></html>";
        let p = pruned(html);
        assert_eq!(
            p,
            "<html><head><style></style><script></script></head>\
             <body><p>Text</p><SCRIPT type=module></sCrIpT ><p>More</p></body></html>"
        );
    }

    #[test]
    fn unread_attributes_go() {
        let p = pruned(r#"<div data-x="a>b" class=c href='x'>t</div><img src=x/><p id=a>x"#);
        assert_eq!(p, "<div class=c >t</div><img ><p id=a>x");
        let p = pruned(r#"<a href="/x" class="k" rel=nofollow title="T">link</a>"#);
        assert_eq!(p, r#"<a class="k" >link</a>"#);
        let p = pruned(r#"<META property="og:title" content="A" data-a><br data-b/>"#);
        assert_eq!(p, r#"<META property="og:title" content="A" ><br />"#);
        // Formatting elements keep theirs: the parser compares them.
        let html = r#"<b data-a=1><b data-a=2><b data-a=3><b data-a=4><p>x</b>"#;
        assert_eq!(pruned(html), html);
        // Attribute names are matched whole and in any case.
        let p = pruned(r#"<div Class=a classy=b ID=c idx=d STYLE=e>x</div>"#);
        assert_eq!(p, r#"<div Class=a ID=c STYLE=e>x</div>"#);
    }

    #[test]
    fn json_ld_is_kept() {
        let html = r#"<script type="application/LD+json">{"articleBody": "x"}</script><p>a</p>"#;
        assert_eq!(pruned(html), html);
    }

    #[test]
    fn end_tag_needs_a_terminator() {
        let p = pruned("<script>a('</scripts>'); b()</script/><p>after</p>");
        assert_eq!(p, "<script></script/><p>after</p>");
        let p = pruned("<script>x</script\n>y");
        assert_eq!(p, "<script></script\n>y");
    }

    #[test]
    fn quoted_attributes_are_not_tags() {
        let html = r#"<p title="<script>">keep 1</p><a data-x='<style>' href=x>keep 2</a>
                      <img alt = "a>b <script>c"><p>keep 3</p><script>gone</script>"#;
        let p = pruned(html);
        assert!(p.contains("keep 1") && p.contains("keep 2") && p.contains("keep 3"));
        assert!(!p.contains("gone"), "{p}");
    }

    #[test]
    fn comments_are_skipped() {
        let html = "<!-- <script> --><p>a</p><!--><script>x1</script><!---><script>x2</script>\
                    <!-- -- --!><script>x3</script><!----><style>x4</style>";
        let p = pruned(html);
        for x in ["x1", "x2", "x3", "x4"] {
            assert!(!p.contains(x), "{x} in {p}");
        }
        // A comment hides a script start tag: its "body" is page text.
        let html = "<!-- <script> --><p>visible</p></script>";
        assert_eq!(pruned(html), html);
    }

    #[test]
    fn raw_text_elements_hide_tags() {
        for html in [
            "<textarea><script>a</textarea><p>b</p>",
            "<title>x <script>t</title><p>b</p>",
            "<TITLE>x <style>t</TITLE><p>b</p>",
            "<noscript><script>x</script></noscript><p>b</p>",
            "<iframe><style>s</iframe><p>b</p>",
            "<xmp><script>a</script></xmp>",
        ] {
            let p = pruned(html);
            assert!(p.contains("<p>b</p>") || html.starts_with("<xmp"), "{p}");
        }
        // Inside a textarea `<script>` is text and must stay.
        let html = "<textarea><script>typed</script></textarea>";
        assert_eq!(pruned(html), html);
    }

    #[test]
    fn escaped_script_data_is_followed() {
        // `<!--` then `<script>` hides the first `</script>`; the body ends at the second.
        let html = "<script><!-- document.write('<script>x()</script>'); --></script><p>b</p>";
        assert_eq!(pruned(html), "<script></script><p>b</p>");
        // `<!--` alone does not hide an end tag.
        let html = "<script><!-- a() </script><p>b</p>";
        assert_eq!(pruned(html), "<script></script><p>b</p>");
        // Double escaped without the closing `-->`: the script runs to the end of the page.
        let html = "<script><!--<script></script><p>b</p>";
        assert_eq!(pruned(html), html);
        let html = "<script><!--<script>--></script><p>b</p>";
        assert_eq!(pruned(html), "<script></script><p>b</p>");
    }

    #[test]
    fn unterminated_script_is_left() {
        let html = "<p>a</p><script>never ends";
        assert_eq!(pruned(html), html);
        let html = "<p a=\"unterminated><script>x</script>";
        assert_eq!(pruned(html), html);
    }

    #[test]
    fn foreign_content_is_not_raw_text() {
        // In SVG, `<style>` and `<script>` are ordinary elements and CDATA is text.
        let html = "<svg><style>.a{}</style><script><![CDATA[ </svg><script>x</script> ]]>\
                    </script></svg><script>gone</script><p>b</p>";
        let p = pruned(html);
        assert_eq!(p, "<svg></svg><script></script><p>b</p>");
        // Nested SVG elements end where the outermost one does.
        let p = pruned("<div><svg><g><svg><path></svg></g><title>t</title></svg>x</div>");
        assert_eq!(p, "<div><svg></svg>x</div>");
        // An HTML tag breaks out of SVG: the scanner stops.
        let html = "<svg><p><textarea></svg><script>A</script></textarea><script>B</script>";
        assert_eq!(pruned(html), html);
        // An end tag matching no open SVG element: the scanner stops.
        let html = "<div><svg><g></div><title></svg><script>A</script></title>";
        assert_eq!(pruned(html), html);
        // HTML inside an integration point: the scanner stops.
        let html = "<svg><foreignObject><div><textarea></svg><script>A</script></textarea>";
        assert_eq!(pruned(html), html);
        // A self-closing svg opens nothing.
        let p = pruned("<svg/><script>gone</script><math><mi>x</mi></math><style>s</style>");
        assert_eq!(p, "<svg/><script></script><math></math><style></style>");
        // `/` ending an unquoted value does not close the tag: the textarea is an SVG element,
        // not RCDATA, and the script after `</svg>` is HTML.
        let p = pruned("<svg class=b/><textarea></svg><script>A</script></textarea>");
        assert_eq!(p, "<svg class=b/></svg><script></script></textarea>");
    }

    #[test]
    fn plaintext_and_framesets_stop_the_scanner() {
        let html = "<plaintext><script>x</script>";
        assert_eq!(pruned(html), html);
        let html = "<frameset><script>x</script></frameset>";
        assert_eq!(pruned(html), html);
    }

    #[test]
    fn odd_markup_is_survived() {
        for html in [
            "<",
            "<!",
            "</",
            "<a",
            "<a b",
            "<a b=",
            "<a b='",
            "</a",
            "<!--",
            "<!-- x --",
            "<script",
            "<script>",
            "<script><!--",
            "<svg><![CDATA[",
            "<?php echo 1 ?><script>x</script>",
            "</>< p><script>é</script>ü",
            "<a =b><script>x</script>",
            "<!DOCTYPE html PUBLIC \"x>y\"><script>x</script>",
        ] {
            pruned(html);
        }
    }

    #[test]
    fn find_byte_matches_position() {
        let hay = b"abcdefghijklmnop<qrstuvwxyz<";
        for from in 0..hay.len() {
            assert_eq!(
                find_byte(hay, from, b'<'),
                hay[from..]
                    .iter()
                    .position(|&c| c == b'<')
                    .map(|p| p + from)
            );
        }
        assert_eq!(find_byte(b"\x80\x81\xff<", 0, b'<'), Some(3));
        assert_eq!(find_byte(b"", 0, b'<'), None);
    }
}
