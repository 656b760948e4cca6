//! Scores the extractor on a benchmark directory (`ground-truth.json` + `html/`).
//!
//! `cargo run --release --example eval -- [DIR] [--json] [--outputs FILE] [--with-title]
//! [--page ID]`; DIR defaults to `../shared/bench/scrapinghub-dev`. `--outputs FILE` scores
//! another tool's output file instead of the extractor, `--with-title` scores title + body,
//! `--page ID` lists one page's blocks with their verdicts (`T`: found in the truth).

use std::path::PathBuf;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    // Worktrees sit one level deeper than the main checkout.
    let mut dir = [
        "../shared/bench/scrapinghub-dev",
        "../../shared/bench/scrapinghub-dev",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
    .unwrap_or_else(|| PathBuf::from("../shared/bench/scrapinghub-dev"));
    let mut json = false;
    let mut outputs = None;
    let mut page = None;
    let mut with_title = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json = true,
            "--outputs" => outputs = args.next().map(PathBuf::from),
            "--page" => page = args.next(),
            "--with-title" => with_title = true,
            _ => dir = PathBuf::from(a),
        }
    }
    let truth = dir.join("ground-truth.json");
    if let Some(prefix) = page {
        return show_page(&dir, &prefix);
    }
    let start = Instant::now();
    let report = match outputs {
        Some(file) => decruft::eval::score_outputs(
            &decruft::eval::read_truth(&truth)?,
            &decruft::eval::read_outputs(&file)?,
            |s| s.to_string(),
        ),
        None if with_title => decruft::eval::run_with(&truth, &dir.join("html"), |x| {
            format!("{}\n\n{}", x.title, x.body())
        })?,
        None => decruft::eval::run(&truth, &dir.join("html"))?,
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.summary(10));
        eprintln!(
            "({:.2}s including reading files)",
            start.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// Prints every block of one page with its verdict; `T` marks blocks found in the truth.
fn show_page(dir: &std::path::Path, prefix: &str) -> anyhow::Result<()> {
    let truth = decruft::eval::read_truth(&dir.join("ground-truth.json"))?;
    let (id, entry) = truth
        .iter()
        .find(|(id, _)| id.starts_with(prefix))
        .ok_or_else(|| anyhow::anyhow!("no page {prefix}"))?;
    let bytes = decruft::eval::read_page(&dir.join("html"), id)?;
    let x = decruft::extract::extract(&bytes)?;
    let norm = |s: &str| decruft::eval::tokens(s).join(" ");
    let t = norm(&entry.article_body);
    println!(
        "{} title: {}  warnings: {:?}",
        entry.url, x.title, x.warnings
    );
    for b in &x.blocks {
        let bt = norm(&b.text);
        let in_truth = !bt.is_empty() && t.contains(&bt);
        let text: String = b.text.chars().take(110).collect();
        println!(
            "{}{} {:<22} {}",
            if b.kept { "K" } else { "-" },
            if in_truth { "T" } else { " " },
            b.reason.unwrap_or(""),
            text
        );
    }
    Ok(())
}
