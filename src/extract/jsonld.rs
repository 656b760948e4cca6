//! The article body a page declares in its structured data (`<script
//! type="application/ld+json">` with a schema.org `articleBody`).
//!
//! Pages rendered by JavaScript ship an empty shell whose visible text is a loading notice,
//! yet many of them carry the whole article in their JSON-LD for search engines. When the
//! visible text holds no article, that declaration is the page's own evidence of one.

use serde_json::Value;

/// Shortest `articleBody`, in characters, worth taking for an article: less is a summary.
const MIN_CHARS: usize = 200;

/// The paragraphs of the longest `articleBody` in the page's JSON-LD scripts, if one is
/// long enough to be an article.
pub(super) fn article_body(html: &str) -> Option<Vec<String>> {
    let mut best: Option<String> = None;
    for script in ld_scripts(html) {
        let Ok(value) = serde_json::from_str::<Value>(script.trim()) else {
            continue;
        };
        visit(&value, &mut |body| {
            if best.as_ref().is_none_or(|b| body.len() > b.len()) {
                best = Some(body.to_string());
            }
        });
    }
    let body = best?;
    let text = if body.contains('<') {
        strip_tags(&body)
    } else {
        body
    };
    let paragraphs: Vec<String> = text
        .split('\n')
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let chars: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
    (chars >= MIN_CHARS).then_some(paragraphs)
}

/// The contents of the page's `<script>` elements whose type is JSON-LD.
fn ld_scripts(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<script") {
        let open = from + at;
        let Some(tag_end) = lower[open..].find('>').map(|e| open + e + 1) else {
            break;
        };
        let Some(close) = lower[tag_end..].find("</script").map(|e| tag_end + e) else {
            break;
        };
        if lower[open..tag_end].contains("ld+json") {
            out.push(&html[tag_end..close]);
        }
        from = close;
    }
    out
}

/// Calls `f` with every string `articleBody` anywhere in `v` (`@graph` arrays, nested
/// objects).
fn visit(v: &Value, f: &mut impl FnMut(&str)) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(body)) = map.get("articleBody") {
                f(body);
            }
            for child in map.values() {
                visit(child, f);
            }
        }
        Value::Array(items) => {
            for item in items {
                visit(item, f);
            }
        }
        _ => {}
    }
}

/// `body` with HTML markup taken out: block ends become line breaks, other tags go, and the
/// common entities are decoded.
fn strip_tags(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            rest = &rest[lt..];
            break;
        };
        let tag = rest[lt + 1..lt + gt].to_ascii_lowercase();
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/'])
            .next()
            .unwrap_or("");
        if matches!(
            name,
            "p" | "br" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote"
        ) {
            out.push('\n');
        }
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&rsquo;", "\u{2019}")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Ministers have approved a wind farm off the north coast, the largest in the country's waters so far.\n\nThe project will have 80 turbines standing in water up to 60 metres deep, the developer said on Monday.";

    fn page(ld: &str) -> String {
        format!("<html><head><script type=\"application/ld+json\">{ld}</script></head><body></body></html>")
    }

    #[test]
    fn the_longest_article_body_is_found_in_objects_and_graphs() {
        let ld = serde_json::json!({"@type": "NewsArticle", "articleBody": BODY}).to_string();
        let paras = article_body(&page(&ld)).unwrap();
        assert_eq!(paras.len(), 2);
        assert!(paras[1].starts_with("The project"));
        let graph = serde_json::json!({"@graph": [
            {"@type": "WebPage"},
            {"@type": "Article", "articleBody": "Too short."},
            {"@type": "NewsArticle", "articleBody": BODY}
        ]})
        .to_string();
        assert_eq!(article_body(&page(&graph)).unwrap(), paras);
    }

    #[test]
    fn markup_in_the_body_is_taken_out() {
        let html_body = BODY
            .replace("\n\n", "</p><p>")
            .replace("country's", "country&#39;s &amp; its");
        let ld = serde_json::json!({"articleBody": format!("<p>{html_body}</p>")}).to_string();
        let paras = article_body(&page(&ld)).unwrap();
        assert_eq!(paras.len(), 2, "{paras:?}");
        assert!(paras[0].contains("country's & its waters"), "{paras:?}");
    }

    #[test]
    fn no_body_a_short_one_or_broken_json_gives_none() {
        assert_eq!(article_body("<html><body><p>Text</p></body></html>"), None);
        let short = serde_json::json!({"articleBody": "A summary of the story."}).to_string();
        assert_eq!(article_body(&page(&short)), None);
        assert_eq!(
            article_body(&page("{\"articleBody\": \"unterminated")),
            None
        );
        // a script of another type is not read
        let other = page(&serde_json::json!({"articleBody": BODY}).to_string())
            .replace("application/ld+json", "text/javascript");
        assert_eq!(article_body(&other), None);
    }
}
