//! One fixture per rule code: each rule fires on its own fixture, the clean output is the
//! reviewed expected file, and cleaning is idempotent. Also the (ignored) precision runs over
//! the shared benchmark, which is read from outside the repository.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;

use decruft::profile::{Profile, Thresholds};
use decruft::rules::registry;
use decruft::{Cleaned, Engine};

use crate::util::{corpus, read, root};

fn fixture(code: &str) -> (PathBuf, PathBuf) {
    (
        corpus(&format!("fixtures/{code}.txt")),
        corpus(&format!("fixtures/{code}.expected.txt")),
    )
}

/// Cleans a fixture. A rule that learns from a batch (J020) has, beside its fixture, a
/// `<CODE>.site/` folder of other documents from the same site: the profile is learned from
/// them and the fixture, as `decruft learn` would, and the fixture cleaned with it.
fn clean_fixture(engine: &Engine, code: &str, input: &str) -> Cleaned {
    let site_dir = corpus(&format!("fixtures/{code}.site"));
    if !site_dir.is_dir() {
        return engine.clean(input);
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&site_dir)
        .expect("readable fixture site folder")
        .map(|e| e.expect("fixture site entry").path())
        .collect();
    paths.sort();
    let others: Vec<String> = paths.iter().map(|p| read(p)).collect();
    let mut profile = Profile::learn(
        others
            .iter()
            .map(|t| ("fixture.example", t.as_str()))
            .chain([("fixture.example", input)]),
    );
    profile.prune(&Thresholds::default());
    engine.clean_site(input, profile.site("fixture.example"))
}

/// The findings as a reviewer reads them: code, line, action, matched text, message.
fn render_findings(input: &str, cleaned: &Cleaned) -> String {
    let mut out = String::new();
    for f in &cleaned.findings {
        let line = input[..f.range.start].matches('\n').count() + 1;
        let _ = writeln!(
            out,
            "{} line {} {}: {:?}\n    {}",
            f.code,
            line,
            f.action,
            &input[f.range.clone()],
            f.message
        );
    }
    out
}

#[test]
fn every_rule_has_a_fixture_that_triggers_it_and_cleans_to_the_expected_text() {
    let engine = Engine::default();
    let mut failures = Vec::new();
    for rule in registry() {
        let code = rule.meta().code;
        let (input_path, expected_path) = fixture(code);
        if !input_path.is_file() || !expected_path.is_file() {
            failures.push(format!(
                "{code}: missing {} or {}",
                input_path.display(),
                expected_path.display()
            ));
            continue;
        }
        let input = read(&input_path);
        let expected = read(&expected_path);
        let cleaned = clean_fixture(&engine, code, &input);
        if !cleaned.findings.iter().any(|f| f.code == code) {
            failures.push(format!(
                "{code}: no {code} finding on its fixture:\n{}",
                render_findings(&input, &cleaned)
            ));
        }
        if cleaned.text != expected {
            failures.push(format!(
                "{code}: clean output differs from {}\n--- got ---\n{}--- findings ---\n{}",
                expected_path.display(),
                cleaned.text,
                render_findings(&input, &cleaned)
            ));
            continue;
        }
        let again = engine.clean(&cleaned.text);
        if again.text != cleaned.text || again.removals().next().is_some() {
            failures.push(format!(
                "{code}: cleaning twice changes the text:\n{}",
                render_findings(&cleaned.text, &again)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn no_fixture_exists_for_an_unknown_code() {
    let codes: BTreeSet<&str> = registry().iter().map(|r| r.meta().code).collect();
    let dir = corpus("fixtures");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries {
        let name = entry
            .expect("readable fixtures directory")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let code = name.split('.').next().unwrap_or("");
        assert!(
            codes.contains(code)
                && (name == format!("{code}.txt")
                    || name == format!("{code}.expected.txt")
                    || name == format!("{code}.site")),
            "{}: not a fixture of a known rule code",
            dir.join(&name).display()
        );
    }
}

#[test]
fn fixture_findings_match_their_reviewed_snapshots() {
    let engine = Engine::default();
    for rule in registry() {
        let code = rule.meta().code;
        let (input_path, _) = fixture(code);
        let Ok(input) = std::fs::read_to_string(&input_path) else {
            continue;
        };
        let cleaned = clean_fixture(&engine, code, &input);
        insta::assert_snapshot!(
            format!("findings_{code}"),
            render_findings(&input, &cleaned)
        );
    }
}

/// The shared benchmark, looked for next to the repository (or the worktree holding it).
fn bench_dir() -> Option<PathBuf> {
    root()
        .ancestors()
        .map(|d| d.join("shared/bench/scrapinghub-dev"))
        .find(|p| p.is_dir())
}

fn bench_bodies(file: &str) -> Vec<(String, String)> {
    let dir = bench_dir().expect("the shared benchmark next to the repository");
    let path = dir.join(file);
    let json: serde_json::Value =
        serde_json::from_str(&read(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let map = json
        .get("output")
        .unwrap_or(&json)
        .as_object()
        .expect("an object of pages");
    let mut out: Vec<(String, String)> = map
        .iter()
        .filter_map(|(id, v)| Some((id.clone(), v.get("articleBody")?.as_str()?.to_string())))
        .collect();
    out.sort();
    out
}

/// Whether `found` is a line of `truth`, or a longer passage of it.
fn in_truth(truth: &str, found: &str) -> bool {
    truth.lines().any(|l| l.trim() == found)
        || (found.split_whitespace().count() >= 5 && truth.contains(found))
}

/// Prints every J finding on the bodies of `file`. With `truth`, a removal whose text is in
/// the page's ground-truth body is marked `IN-TRUTH`: a likely false positive.
fn print_junk_findings(file: &str, truth: Option<&HashMap<String, String>>) -> usize {
    let engine = Engine::default();
    let mut n = 0;
    for (id, body) in bench_bodies(file) {
        let cleaned = engine.clean(&body);
        for f in cleaned.findings.iter().filter(|f| f.code.starts_with('J')) {
            n += 1;
            let found = body[f.range.clone()].trim();
            let mark = match truth.and_then(|t| t.get(&id)) {
                Some(t) if f.action.removes() && in_truth(t, found) => "IN-TRUTH ",
                _ => "",
            };
            println!(
                "{mark}{} {} {} {:?} -- {}",
                &id[..8],
                f.code,
                f.action,
                found,
                f.message
            );
        }
    }
    println!("{file}: {n} J findings");
    n
}

/// Every J finding on the benchmark's clean, hand-marked article bodies: each one is a
/// false positive to look at. Run with `--ignored --nocapture`.
#[test]
#[ignore = "reads the shared benchmark; run by hand to review precision"]
fn junk_findings_on_clean_bench_bodies() {
    print_junk_findings("ground-truth.json", None);
}

/// J findings on real extractor outputs, which hold real page junk.
#[test]
#[ignore = "reads the shared benchmark; run by hand to review what is removed"]
fn junk_findings_on_extractor_outputs() {
    let truth: HashMap<String, String> = bench_bodies("ground-truth.json").into_iter().collect();
    for name in [
        "html-text",
        "goose3",
        "justext",
        "dom_smoothie",
        "trafilatura",
        "readability_js",
    ] {
        print_junk_findings(&format!("extractor-outputs/{name}.json"), Some(&truth));
    }
}

/// Short lines the rules leave in extractor outputs that are not in the ground truth: the
/// junk still missed (and page text that is no junk rule's business, such as captions).
#[test]
#[ignore = "reads the shared benchmark; run by hand to look for missed junk"]
fn short_lines_left_in_extractor_outputs() {
    let truth: HashMap<String, String> = bench_bodies("ground-truth.json").into_iter().collect();
    let engine = Engine::default();
    for name in ["goose3", "dom_smoothie", "trafilatura", "readability_js"] {
        for (id, body) in bench_bodies(&format!("extractor-outputs/{name}.json")) {
            let Some(t) = truth.get(&id) else { continue };
            for line in engine.clean(&body).body.lines().map(str::trim) {
                if !line.is_empty() && line.len() <= 80 && !t.contains(line) {
                    println!("LEFT {name} {} {line:?}", &id[..8]);
                }
            }
        }
    }
}

/// Throughput of the engine and of each rule on the benchmark's texts (prints only; run it
/// with `--release`).
#[test]
#[ignore = "reads the shared benchmark; a measurement to run by hand with --release"]
fn throughput_on_bench_texts() {
    let engine = Engine::default();
    let mut docs = Vec::new();
    for f in [
        "ground-truth.json",
        "extractor-outputs/trafilatura.json",
        "extractor-outputs/html-text.json",
    ] {
        docs.extend(bench_bodies(f).into_iter().map(|(_, b)| b));
    }
    let bytes: usize = docs.iter().map(String::len).sum::<usize>() * 10;
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..10 {
        for d in &docs {
            n += engine.clean(d).findings.len();
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{n} findings, {bytes} bytes, {:.1} MB/s",
        bytes as f64 / s / 1e6
    );
    for rule in decruft::rules::registry() {
        let t = std::time::Instant::now();
        for d in &docs {
            let doc = decruft::Document::parse(d);
            let settings = decruft::config::Settings::default();
            let ctx = decruft::rules::Context::new(&doc, &settings);
            let mut out = Vec::new();
            rule.check(&ctx, &mut out);
        }
        println!(
            "{} {:.1} MB/s",
            rule.meta().code,
            (bytes / 10) as f64 / t.elapsed().as_secs_f64() / 1e6
        );
    }
}
