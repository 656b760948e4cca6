//! HTML extraction on hostile and unusual pages, and on plain articles in several scripts.

use decruft::extract::{extract, BlockKind, ExtractError};

const PARAS: [&str; 4] = [
    "The orchard cooperative in the valley reported its largest apple harvest in a decade, \
     crediting a mild spring and new frost fans installed last year.",
    "Growers said the extra fruit would go to cider makers first, because the packing house \
     can only grade about forty tonnes a day during the peak weeks.",
    "A short line.",
    "Volunteers from the village school helped sort windfalls, which are sold at a discount \
     to bakeries and to a juice press on the edge of town.",
];

fn article_page() -> String {
    let body: String = PARAS.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!doctype html><html><head><meta charset=utf-8>\
         <title>Record apple harvest | Valley Courier</title>\
         <meta property=og:title content=\"Record apple harvest\"></head><body>\
         <header class=site-header><a href=/>Valley Courier</a><nav><ul>\
         <li><a href=/news>News</a></li><li><a href=/sport>Sport</a></li>\
         <li><a href=/farming>Farming</a></li></ul></nav></header>\
         <main><article><h1>Record apple harvest</h1>\
         <div class=byline>By Tom Field, 3 October</div>\
         <div class=article-body>{body}</div>\
         <div class=social-share><a href=#>Facebook</a> <a href=#>X</a> <a href=#>Email</a></div>\
         <aside class=related-stories><h3>Related</h3><ul>\
         <li><a href=/a>Pear growers fear a late frost this year after a warm winter</a></li>\
         <li><a href=/b>Cider festival returns to the market square next weekend</a></li>\
         </ul></aside></article></main>\
         <footer><p>Copyright 2024 Valley Courier. All rights reserved.</p></footer>\
         </body></html>"
    )
}

#[test]
fn article_blocks_are_kept_and_page_furniture_dropped() {
    let x = extract(article_page().as_bytes()).unwrap();
    assert_eq!(x.title, "Record apple harvest");
    assert_eq!(x.body(), PARAS.join("\n\n"));
    assert!(x.warnings.is_empty(), "{:?}", x.warnings);
    // Every visible block is listed, dropped ones with a reason.
    let visible = x.visible_text();
    for needle in [
        "News",
        "By Tom Field",
        "Facebook",
        "Cider festival",
        "Copyright 2024",
    ] {
        assert!(
            visible.contains(needle),
            "{needle} missing from visible text"
        );
    }
    for b in x.blocks.iter().filter(|b| !b.kept) {
        assert!(b.reason.is_some(), "{b:?}");
    }
    let share = x
        .blocks
        .iter()
        .find(|b| b.text.contains("Facebook"))
        .unwrap();
    assert_eq!(share.reason, Some("share"));
    let related = x
        .blocks
        .iter()
        .find(|b| b.text.starts_with("Pear"))
        .unwrap();
    assert!(!related.kept);
    assert_eq!(related.kind, BlockKind::ListItem);
}

#[test]
fn truncated_html_still_yields_the_article() {
    let page = article_page();
    let cut = page.find("Volunteers from").unwrap() + 123;
    let x = extract(&page.as_bytes()[..cut]).unwrap();
    // The cut paragraph is kept as far as it goes.
    let expected = format!(
        "{}\n\n{}\n\n{}\n\n{}",
        PARAS[0],
        PARAS[1],
        PARAS[2],
        PARAS[3][..123].trim_end()
    );
    assert_eq!(x.body(), expected);
}

#[test]
fn page_without_body_tag() {
    let html = format!("<title>T</title><p>{}</p><p>{}</p>", PARAS[0], PARAS[1]);
    let x = extract(html.as_bytes()).unwrap();
    assert_eq!(x.body(), format!("{}\n\n{}", PARAS[0], PARAS[1]));
    assert_eq!(x.title, "T");
}

#[test]
fn deeply_nested_divs_do_not_overflow_the_stack() {
    let depth = 20_000;
    let mut html = String::from("<html><body>");
    html.push_str(&"<div>".repeat(depth));
    html.push_str(&format!("<p>{}</p><p>{}</p>", PARAS[0], PARAS[1]));
    html.push_str(&"</div>".repeat(depth));
    html.push_str("</body></html>");
    // Run on a small thread stack so that any recursion over the depth would fail here.
    let body = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || extract(html.as_bytes()).unwrap().body())
        .unwrap()
        .join()
        .unwrap();
    assert!(body.contains(PARAS[0]) && body.contains(PARAS[1]), "{body}");
}

#[test]
fn very_large_page() {
    // About 20 MB: a long article followed by a huge link farm.
    let mut html = String::from("<html><body><article>");
    for _ in 0..200 {
        for p in PARAS {
            html.push_str(&format!("<p>{p}</p>"));
        }
    }
    html.push_str("</article><ul>");
    while html.len() < 20_000_000 {
        html.push_str("<li><a href=/x>Another link in the directory</a></li>");
    }
    html.push_str("</ul></body></html>");
    let x = extract(html.as_bytes()).unwrap();
    let body = x.body();
    assert_eq!(body.matches(PARAS[0]).count(), 200);
    assert!(!body.contains("Another link"));
}

#[test]
fn frameset_page_has_no_article() {
    let html = "<html><head><title>Frames</title></head><frameset cols=\"50%,50%\">\
                <frame src=a.html><frame src=b.html></frameset></html>";
    let x = extract(html.as_bytes()).unwrap();
    assert_eq!(x.body(), "");
    assert!(x.warnings.iter().any(|w| w == "no article found"));
}

#[test]
fn page_without_article_is_empty_with_a_warning() {
    let html = "<html><body><nav><a href=/>Home</a> <a href=/b>Blog</a></nav>\
                <div class=gallery><a href=/1>Photo 1</a><a href=/2>Photo 2</a></div>\
                <footer>Contact us</footer></body></html>";
    let x = extract(html.as_bytes()).unwrap();
    assert!(x.blocks.iter().all(|b| !b.kept));
    assert!(!x.blocks.is_empty());
    assert_eq!(x.warnings, ["no article found"]);
    let x = extract(b"").unwrap();
    assert_eq!(x.warnings, ["no article found"]);
}

#[test]
fn wrong_charset_declarations() {
    let text = "Die Bäckerei in der Altstadt öffnet wieder, nachdem der Ofen über den Sommer \
                erneuert wurde; die Kundschaft freut sich über frische Brötchen.";
    // Declared Latin-1, sent as UTF-8.
    let html = format!("<meta charset=iso-8859-1><body><p>{text}</p></body>");
    let x = extract(html.as_bytes()).unwrap();
    assert_eq!(x.body(), text);
    assert!(x.warnings[0].contains("valid UTF-8"), "{:?}", x.warnings);

    // Declared UTF-8, sent as windows-1252: decoded lossily, with a warning.
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let mut html = b"<meta charset=utf-8><body><p>".to_vec();
    html.extend_from_slice(&bytes);
    let x = extract(&html).unwrap();
    assert!(x.body().contains("Altstadt"));
    assert!(x.body().contains('\u{fffd}'));
    assert!(
        x.warnings[0].contains("not valid UTF-8"),
        "{:?}",
        x.warnings
    );

    // An unknown label.
    let html = format!("<meta charset=klingon-8><body><p>{text}</p></body>");
    let x = extract(html.as_bytes()).unwrap();
    assert_eq!(x.body(), text);
    assert!(x.warnings[0].contains("klingon-8"), "{:?}", x.warnings);

    // A correct legacy declaration decodes without complaint.
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let mut html =
        b"<meta http-equiv=Content-Type content='text/html; charset=windows-1252'><p>".to_vec();
    html.extend_from_slice(&bytes);
    let x = extract(&html).unwrap();
    assert_eq!(x.body(), text);
    assert!(x.warnings.is_empty());
}

#[test]
fn binary_input_is_a_clear_error() {
    let pdf = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
    let err = extract(pdf).unwrap_err();
    assert_eq!(err, ExtractError::NotHtml("a PDF document"));
    assert!(err.to_string().contains("not an HTML page"));
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10";
    assert_eq!(
        extract(png).unwrap_err(),
        ExtractError::NotHtml("a PNG image")
    );
    let mut junk = vec![0u8; 4096];
    junk[..4].copy_from_slice(b"<p>x");
    assert!(extract(&junk).is_err());
}

#[test]
fn cjk_article_is_not_too_short() {
    let paras = [
        "市の図書館は来月から開館時間を延長し、平日は午後九時まで利用できるようになると発表した。",
        "利用者の要望を受けたもので、学生や仕事帰りの人が自習室を使いやすくなると期待されている。",
        "館長は、夜間の職員を増やすための予算は既に確保していると説明した。",
    ];
    let body: String = paras.iter().map(|p| format!("<p>{p}</p>")).collect();
    let html = format!(
        "<html><body><ul class=menu><li><a href=/>ホーム</a></li><li><a href=/n>ニュース</a></li></ul>\
         <div class=content>{body}</div><div class=footer>著作権</div></body></html>"
    );
    let x = extract(html.as_bytes()).unwrap();
    assert_eq!(x.body(), paras.join("\n\n"));
}

#[test]
fn json_ld_and_scripts_are_not_visible_text() {
    let html = format!(
        "<html><head><script type=application/ld+json>{{\"@type\":\"NewsArticle\"}}</script>\
         <style>p {{ color: red }}</style></head><body><script>var x = 1;</script>\
         <p>{}</p><p hidden>Hidden text</p><div style=\"display: none\">Also hidden</div></body></html>",
        PARAS[0]
    );
    let x = extract(html.as_bytes()).unwrap();
    assert_eq!(x.visible_text(), format!("{}\n", PARAS[0]));
}

/// An article page whose body is given as HTML, with the usual furniture around it.
fn page_with_body(body: &str) -> String {
    format!(
        "<!doctype html><html><head><meta charset=utf-8><title>Ferry report</title></head>\
         <body><nav><a href=/>Home</a> <a href=/n>News</a> <a href=/s>Sport</a></nav>\
         <main><h1>Ferry report</h1><div class=story-body>{body}</div></main>\
         <footer><p>Copyright 2024 Harbour Herald. All rights reserved.</p></footer>\
         </body></html>"
    )
}

fn kept(x: &decruft::extract::Extraction) -> Vec<&str> {
    x.blocks
        .iter()
        .filter(|b| b.kept)
        .map(|b| b.text.as_str())
        .collect()
}

#[test]
fn short_sentences_that_open_and_close_the_story_are_kept() {
    let body = format!(
        "<p>Who runs the late ferry now?</p>\
         <p>{}</p><p>{}</p><p>{}</p>\
         <p>The night crossing resumes on the first of May.</p>\
         <p>Share this story with a friend!</p>\
         <p>Ferry timetable</p>",
        PARAS[0], PARAS[1], PARAS[3]
    );
    let x = extract(page_with_body(&body).as_bytes()).unwrap();
    let k = kept(&x);
    assert_eq!(k.first(), Some(&"Who runs the late ferry now?"), "{k:?}");
    assert_eq!(
        k.last(),
        Some(&"The night crossing resumes on the first of May."),
        "{k:?}"
    );
    // A call to share and a label without a sentence's end stay out.
    assert!(!k.iter().any(|t| t.starts_with("Share this")), "{k:?}");
    assert!(!k.contains(&"Ferry timetable"), "{k:?}");
}

#[test]
fn a_short_closing_sentence_after_an_inline_widget_is_kept() {
    // a related link and a sign-up box among the paragraphs interrupt the article; the short
    // sentence after them still closes it, and the comments after the body stay out
    let body = format!(
        "<p>{}</p><p>{}</p>\
         <div class=inline-related><strong>Read more:</strong> <a href=/z>Fares frozen for a year</a></div>\
         <p>{}</p>\
         <div class=newsletter-signup><p>Get our morning briefing.</p></div>\
         <p>The night crossing resumes on the first of May, the operator said.</p>\
         <section class=comments><p>About time too, the old timetable was a joke.</p></section>",
        PARAS[0], PARAS[1], PARAS[3]
    );
    let x = extract(page_with_body(&body).as_bytes()).unwrap();
    let k = kept(&x);
    assert_eq!(
        k.last(),
        Some(&"The night crossing resumes on the first of May, the operator said."),
        "{k:?}"
    );
    assert!(!k.iter().any(|t| t.contains("Read more")), "{k:?}");
    assert!(!k.iter().any(|t| t.contains("briefing")), "{k:?}");
    assert!(!k.iter().any(|t| t.contains("About time")), "{k:?}");
}

#[test]
fn a_script_rendered_shell_gives_the_article_its_json_ld_declares() {
    let ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Ferry report",
        "articleBody": format!("{}\n\n{}", PARAS[0], PARAS[1]),
    });
    let shell = format!(
        "<!doctype html><html><head><title>Ferry report</title>\
         <script type=\"application/ld+json\">{ld}</script></head>\
         <body><div id=app><div class=spinner>Loading...</div></div>\
         <footer>Copyright 2024 Harbour Herald</footer></body></html>"
    );
    let x = extract(shell.as_bytes()).unwrap();
    assert_eq!(kept(&x), [PARAS[0], PARAS[1]]);
    assert!(
        x.warnings.iter().any(|w| w.contains("JSON-LD")),
        "{:?}",
        x.warnings
    );
    // a page whose visible text holds the article keeps it, whatever its JSON-LD says
    let full = page_with_body(&format!(
        "<p>{}</p><p>{}</p><p>{}</p>",
        PARAS[0], PARAS[1], PARAS[3]
    ))
    .replace(
        "</head>",
        &format!("<script type=application/ld+json>{ld}</script></head>"),
    );
    let x = extract(full.as_bytes()).unwrap();
    assert_eq!(kept(&x), [PARAS[0], PARAS[1], PARAS[3]]);
    assert!(x.warnings.is_empty(), "{:?}", x.warnings);
}

#[test]
fn a_hover_card_behind_a_linked_name_is_not_text() {
    let body = format!(
        "<p>The council met on Monday, and <span class=person-rollover>\
         <a href=/p/ann>Ann Lee</a><span class=person-rollover-card>\
         <a href=/x>Ann Lee opens the new quay</a> <a href=/y>Harbour fees to rise</a>\
         <a href=/z>Night ferry returns</a></span></span> said the crossing would stay \
         open through the winter because demand from commuters had doubled.</p>\
         <p>{}</p><p>{}</p>",
        PARAS[0], PARAS[1]
    );
    let x = extract(page_with_body(&body).as_bytes()).unwrap();
    let first = kept(&x)[0];
    assert!(
        first.starts_with("The council met on Monday, and Ann Lee said the crossing"),
        "{first}"
    );
    assert!(!x.body().contains("Harbour fees"), "{}", x.body());
}

#[test]
fn a_results_table_in_the_article_element_is_the_article() {
    let rows: String = (1..=40)
        .map(|i| format!("<tr><td>{i}</td><td>Crew {i}</td><td>{}</td></tr>", 500 - i))
        .collect();
    let html = format!(
        "<html><head><title>Regatta standings</title></head><body>\
         <nav><a href=/>Home</a> <a href=/r>Results</a></nav>\
         <div itemprop=articleBody><p>Standings after the last race!</p>\
         <table><tr><th>Pos.</th><th>Crew</th><th>Points</th></tr>{rows}</table></div>\
         <div class=sidebar><p>Most read</p></div></body></html>"
    );
    let x = extract(html.as_bytes()).unwrap();
    let body = x.body();
    assert!(body.starts_with("Standings after the last race!"), "{body}");
    assert!(body.contains("Crew 40"), "{body}");
    assert!(!body.contains("Most read"), "{body}");
    assert!(!body.contains("Home"), "{body}");
}

#[test]
fn an_embedded_post_is_not_a_share_bar() {
    let body = format!(
        "<p>{}</p><div class=social-embed><blockquote class=twitter-tweet>\
         <p>The harbour looked wonderful at dawn today, thank you to every crew member.</p>\
         </blockquote></div><p>{}</p><p>{}</p>\
         <div class=social-share><a href=#>Facebook</a> <a href=#>Email</a></div>",
        PARAS[0], PARAS[1], PARAS[3]
    );
    let x = extract(page_with_body(&body).as_bytes()).unwrap();
    assert!(
        x.body().contains("harbour looked wonderful"),
        "{}",
        x.body()
    );
    assert!(!x.body().contains("Facebook"), "{}", x.body());
}

/// A page that keeps its lead paragraph in an element of its own before the body, an
/// advertisement between them, and story teasers with summaries after the body.
fn lead_apart_page() -> String {
    format!(
        "<!doctype html><html><head><meta charset=utf-8><title>Orchard news</title></head><body>\
         <div class=wrap><div class=article-header><h1>Record apple harvest</h1>\
         <div class=standfirst>Growers in the valley picked more fruit than in any year since records began.</div></div>\
         <div class=article-lead><div class=text>{}</div></div>\
         <div class=ad-slot>Advertisement</div>\
         <div class=article-body><div class=text>{}</div><div class=text>{}</div><div class=text>{}</div></div>\
         <div class=more-stories><h4>More stories</h4>\
         <div class=teaser><a href=/a>Pear growers fear a late frost</a>\
         <p>Orchards on the northern slopes lost blossom to two cold nights in April, and growers there expect a small crop.</p></div>\
         </div></div></body></html>",
        PARAS[0], PARAS[1], PARAS[3], PARAS[1]
    )
}

#[test]
fn a_lead_kept_apart_from_the_body_is_the_article_s_start() {
    let x = extract(lead_apart_page().as_bytes()).unwrap();
    let k = kept(&x);
    assert_eq!(k.first(), Some(&PARAS[0]), "{k:?}");
    assert_eq!(k.len(), 4, "{k:?}");
    // the teasers after the body stay out
    assert!(!k.iter().any(|t| t.contains("northern slopes")), "{k:?}");
}
