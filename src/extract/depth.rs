//! Caps how deep a page's elements nest before the HTML parser sees it.
//!
//! The HTML tree builder checks "is a `<p>` open in button scope?" on every block start tag
//! by scanning the stack of open elements, so a page of 100,000 nested `<div>`s costs
//! 100,000² steps (minutes). Browsers cap the depth for the same reason (Chromium at 512).
//! This pass drops the start tags (and their end tags) of elements that would open past
//! [`MAX_DEPTH`], keeping every byte of text: the parse then costs at most pages × depth.
//! Real pages nest a few dozen levels, so they go through untouched (and unallocated).

use std::borrow::Cow;

/// Deepest element nesting kept.
pub(crate) const MAX_DEPTH: usize = 512;

/// Elements without content: they never open a level.
fn is_void(name: &[u8]) -> bool {
    const VOID: [&[u8]; 14] = [
        b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
        b"param", b"source", b"track", b"wbr",
    ];
    VOID.iter().any(|v| v.eq_ignore_ascii_case(name))
}

/// Elements whose end tag may be left out (`<li>a<li>b`): sloppy pages leave thousands open
/// that the parser closes itself, so counting them would drop tags of ordinary pages. They
/// neither count nor get dropped.
fn is_optional_end(name: &[u8]) -> bool {
    const OPTIONAL: [&[u8]; 20] = [
        b"html",
        b"head",
        b"body",
        b"p",
        b"li",
        b"dt",
        b"dd",
        b"tr",
        b"td",
        b"th",
        b"thead",
        b"tbody",
        b"tfoot",
        b"option",
        b"optgroup",
        b"colgroup",
        b"caption",
        b"rb",
        b"rt",
        b"rp",
    ];
    OPTIONAL.iter().any(|v| v.eq_ignore_ascii_case(name))
}

/// Elements whose content is raw text up to their end tag: a `<` inside is not a tag.
fn is_raw_text(name: &[u8]) -> bool {
    const RAW: [&[u8]; 7] = [
        b"script",
        b"style",
        b"textarea",
        b"title",
        b"xmp",
        b"iframe",
        b"noembed",
    ];
    RAW.iter().any(|v| v.eq_ignore_ascii_case(name))
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

/// The end of the tag starting at `lt` (one past its `>`), honouring quoted attribute
/// values; the end of the input for a tag left open.
fn tag_end(s: &[u8], lt: usize) -> usize {
    let mut quote = None;
    for (i, &b) in s.iter().enumerate().skip(lt + 1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

/// `html` with the elements nested deeper than `max` unwrapped (their tags dropped, their
/// content kept).
pub(crate) fn limit(html: &str, max: usize) -> Cow<'_, str> {
    let s = html.as_bytes();
    // a page with fewer tags than the limit cannot nest past it
    if s.iter().filter(|&&b| b == b'<').count() <= max {
        return Cow::Borrowed(html);
    }
    let mut out: Option<String> = None;
    let (mut depth, mut excess) = (0usize, 0usize);
    let (mut i, mut copied) = (0usize, 0usize);
    while let Some(off) = s[i..].iter().position(|&b| b == b'<') {
        let lt = i + off;
        let rest = &s[lt + 1..];
        if rest.starts_with(b"!--") {
            i = find(s, lt + 4, b"-->").map_or(s.len(), |e| e + 3);
            continue;
        }
        let end_tag = rest.first() == Some(&b'/');
        let name_start = lt + 1 + usize::from(end_tag);
        let name_len = s[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !s[name_start].is_ascii_alphabetic() {
            // `<!doctype`, `<?xml`, a lone `<`: not an element
            i = lt + 1;
            continue;
        }
        let name = &s[name_start..name_start + name_len];
        let end = tag_end(s, lt);
        let mut drop = false;
        if end_tag {
            if !is_optional_end(name) && !is_void(name) {
                if excess > 0 {
                    excess -= 1;
                    drop = true;
                } else {
                    depth = depth.saturating_sub(1);
                }
            }
        } else if is_raw_text(name) {
            // its content is text up to `</name`, whatever it holds
            let mut close = Vec::with_capacity(name_len + 2);
            close.extend_from_slice(b"</");
            close.extend(name.iter().map(u8::to_ascii_lowercase));
            // ... and its end tag goes with it: it opened no level, so it closes none
            i = s[end..]
                .windows(close.len())
                .position(|w| w.eq_ignore_ascii_case(&close))
                .map_or(s.len(), |p| tag_end(s, end + p));
            continue;
        } else if !is_void(name) && !is_optional_end(name) && s[..end].ends_with(b"/>") {
            // `<div/>` is a start tag in HTML, but only foreign elements use it: leave it
        } else if !is_void(name) && !is_optional_end(name) {
            if depth >= max {
                excess += 1;
                drop = true;
            } else {
                depth += 1;
            }
        }
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..lt]);
            copied = end;
        }
        i = end.max(lt + 1);
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let page = "<html><body><div><p>a<p>b</div><script>if (a<b) {}</script></body></html>";
        assert!(matches!(limit(page, 2), Cow::Borrowed(_)));
        assert!(matches!(limit(page, 512), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_past_the_limit_are_dropped_with_their_end_tags_and_text_kept() {
        let page = "<div><span><b>deep</b> text</span></div><i>after</i>";
        assert_eq!(
            limit(page, 2),
            "<div><span>deep text</span></div><i>after</i>"
        );
        let deep = "<div>".repeat(10) + "x" + &"</div>".repeat(10) + "<p>y</p>";
        assert_eq!(
            limit(&deep, 3),
            "<div><div><div>x</div></div></div><p>y</p>"
        );
    }

    #[test]
    fn unclosed_optional_end_tags_never_count() {
        let page = "<ul>".to_string() + &"<li>item".repeat(1000) + "</ul><div>z</div>";
        assert!(matches!(limit(&page, 4), Cow::Borrowed(_)));
    }

    #[test]
    fn quotes_comments_and_raw_text_are_not_tags() {
        let page = "<div title='a>b'><!-- <div><div> --><script><div><div></script>\
                    <span>t</span></div>";
        assert_eq!(
            limit(page, 1),
            "<div title='a>b'><!-- <div><div> --><script><div><div></script>t</div>"
        );
    }

    #[test]
    fn the_parse_of_a_very_deep_page_keeps_its_text() {
        let page = "<body>".to_string()
            + &"<div>".repeat(100_000)
            + "<p>The innermost words.</p>"
            + &"</div>".repeat(100_000);
        let limited = limit(&page, MAX_DEPTH);
        assert!(limited.len() < 12 * MAX_DEPTH + 200, "{}", limited.len());
        assert!(limited.contains("<p>The innermost words.</p>"));
    }
}
