//! HTML pages through the command line: extraction, then the text rules, in every output.

use std::path::Path;

use crate::util::{decruft, run, stderr, stdout};

const PAGE: &str = "<!doctype html><html><head><meta charset=utf-8>\
<title>Lighthouse keepers return to the cape | Coast Weekly</title></head><body>\
<nav><a href=/>Home</a> <a href=/n>News</a> <a href=/c>Coast</a></nav>\
<article><h1>Lighthouse keepers return to the cape</h1>\
<p>Two keepers moved back into the old lighthouse on the cape this week, the first to live there since the lamp was automated forty years ago.</p>\
<p>Share</p>\
<p>The trust that owns the building said the keepers would run guided tours and look after the garden, which had grown wild since the last family left.</p>\
<p>Next Story</p></article>\
<footer>Copyright 2024 Coast Weekly. All rights reserved on this website.</footer></body></html>";

const ARTICLE: &str = "Lighthouse keepers return to the cape\n\n\
Two keepers moved back into the old lighthouse on the cape this week, the first to live there since the lamp was automated forty years ago.\n\n\
The trust that owns the building said the keepers would run guided tours and look after the garden, which had grown wild since the last family left.\n";

fn page_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("page.html"), PAGE).unwrap();
    dir
}

fn clean(dir: &Path, args: &[&str]) -> std::process::Output {
    run(decruft(dir).arg("--no-config").arg("clean").args(args))
}

#[test]
fn a_page_becomes_its_clean_article() {
    let dir = page_dir();
    let o = clean(dir.path(), &["page.html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), ARTICLE);
    // sniffed by content under another name, and forced with --input-format
    std::fs::write(dir.path().join("page.dat"), PAGE).unwrap();
    assert_eq!(stdout(&clean(dir.path(), &["page.dat"])), ARTICLE);
    std::fs::write(dir.path().join("frag.txt"), &PAGE[15..]).unwrap();
    let forced = clean(dir.path(), &["--input-format", "html", "frag.txt"]);
    assert_eq!(stdout(&forced), ARTICLE);
}

#[test]
fn the_diff_shows_every_dropped_block_of_the_visible_text() {
    let dir = page_dir();
    let o = clean(dir.path(), &["--diff", "page.html"]);
    let diff = stdout(&o);
    for removed in [
        "\n-Home News Coast\n",
        "\n-Share\n",
        "\n-Next Story\n",
        "\n-Copyright 2024 Coast Weekly. All rights reserved on this website.\n",
    ] {
        assert!(diff.contains(removed), "{removed:?} in\n{diff}");
    }
    assert!(
        diff.starts_with("diff --git a/page.html b/page.html\n"),
        "{diff}"
    );
    assert!(
        diff.contains("\n Lighthouse keepers return to the cape\n"),
        "{diff}"
    );
}

#[test]
fn json_reports_extraction_findings_at_their_visible_lines() {
    let dir = page_dir();
    let o = clean(dir.path(), &["--json", "page.html"]);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["title"], "Lighthouse keepers return to the cape");
    assert!(v["text"].as_str().unwrap().starts_with("Two keepers moved"));
    let findings = v["findings"].as_array().unwrap();
    let x: Vec<(u64, &str)> = findings
        .iter()
        .filter(|f| f["code"] == "X001")
        .map(|f| (f["line"].as_u64().unwrap(), f["text"].as_str().unwrap()))
        .collect();
    // visible text: 1 nav, 2 headline, 3 para, 4 Share, 5 para, 6 Next Story, 7 footer
    assert_eq!(
        x,
        vec![
            (1, "Home News Coast"),
            (4, "Share"),
            (6, "Next Story"),
            (
                7,
                "Copyright 2024 Coast Weekly. All rights reserved on this website."
            )
        ]
    );
    for f in findings {
        assert_eq!(f["name"], "extraction");
        assert_eq!(f["action"], "drop-line");
        assert!(f["message"]
            .as_str()
            .unwrap()
            .starts_with("not part of the article: "));
    }
}

#[test]
fn check_fails_on_a_page_with_junk() {
    let dir = page_dir();
    let o = run(decruft(dir.path()).args(["--no-config", "check", "page.html"]));
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("\n-Share\n"));
}

#[test]
fn a_page_without_an_article_is_empty_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("nav.html"),
        "<html><body><nav><a href=/>Home</a> <a href=/x>World</a></nav></body></html>",
    )
    .unwrap();
    let o = clean(dir.path(), &["nav.html"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
    assert_eq!(stderr(&o), "warning: nav.html: no article found\n");
}

#[test]
fn a_pdf_named_html_is_an_error_and_the_other_inputs_go_on() {
    let dir = page_dir();
    std::fs::write(dir.path().join("report.html"), b"%PDF-1.7\n\x00\x01binary").unwrap();
    let o = clean(dir.path(), &["report.html", "page.html"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: report.html: not an HTML page: the bytes are a PDF document\n"
    );
    assert!(stdout(&o).contains("==> page.html <==\nLighthouse keepers"));
}

#[test]
fn out_writes_pages_as_text_files() {
    let dir = page_dir();
    let o = clean(dir.path(), &["-q", "--out", "clean", "page.html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::fs::read_to_string(dir.path().join("clean/page.txt")).unwrap();
    assert_eq!(text, ARTICLE);
}

/// A hand-made truth set of two pages: one extracted well, one without an article.
fn truth_set() -> tempfile::TempDir {
    let dir = page_dir();
    std::fs::create_dir(dir.path().join("html")).unwrap();
    std::fs::write(dir.path().join("html/good.html"), PAGE).unwrap();
    std::fs::write(
        dir.path().join("html/empty.html"),
        "<html><body><nav><a href=/>Home</a></nav></body></html>",
    )
    .unwrap();
    let body = ARTICLE.split_once("\n\n").unwrap().1;
    let truth = serde_json::json!({
        "good": {"articleBody": body, "url": "https://coast.example/a"},
        "empty": {"articleBody": "A paragraph the page does not show at all, so nothing matches.", "url": "https://coast.example/b"},
    });
    std::fs::write(dir.path().join("truth.json"), truth.to_string()).unwrap();
    let outputs = serde_json::json!({"extractor": "x", "output": {
        "good": {"articleBody": format!("{body}\nShare\nNext Story\n")},
        "empty": {"articleBody": ""},
    }});
    std::fs::write(dir.path().join("outputs.json"), outputs.to_string()).unwrap();
    dir
}

#[test]
fn eval_scores_pages_and_gates() {
    let dir = truth_set();
    let args = [
        "--no-config",
        "eval",
        "--truth",
        "truth.json",
        "--html-dir",
        "html",
    ];
    let o = run(decruft(dir.path()).args(args));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    // one perfect page and one empty one: P = R = 0.5 as means over pages
    assert!(
        out.starts_with("pages 2  F1 0.5000  precision 0.5000  recall 0.5000  accuracy 0.5000\n"),
        "{out}"
    );
    assert!(out.contains("worst pages:\n  0.000"), "{out}");
    let o = run(decruft(dir.path()).args(args).args(["--min-f1", "0.6"]));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "eval: F1 0.5000 is below the required 0.6000\n");
    let o = run(decruft(dir.path()).args(args).arg("--json"));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["pages"], 2);
    assert_eq!(v["per_page"].as_array().unwrap().len(), 2);
}

#[test]
fn eval_of_other_outputs_before_and_after_clean() {
    let dir = truth_set();
    let o = run(decruft(dir.path()).args([
        "--no-config",
        "eval",
        "--truth",
        "truth.json",
        "--outputs",
        "outputs.json",
        "--clean",
        "--json",
    ]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let p = |k: &str| v[k]["precision"].as_f64().unwrap();
    // cleaning drops the `Share` and `Next Story` lines: precision goes up
    assert!(p("after") > p("before"), "{v}");
    assert!(v["after"]["recall"].as_f64().unwrap() >= v["before"]["recall"].as_f64().unwrap());
}
