//! The hand-written corpus: every article under `corpus/articles/` must clean to the expected
//! text a human editor wrote for it, so that a rule change that removes one word too many (or
//! one too few) shows up as a readable diff against reviewed text rather than a count.

use std::path::PathBuf;

use decruft::output::diff::unified;
use decruft::Engine;

use crate::util;

/// One corpus article: its file name (`NN_slug.txt`), input and hand-written expected output.
struct Article {
    name: String,
    input: String,
    expected: String,
}

impl Article {
    /// Articles named `NN_clean_*` are already clean: the engine must not touch them.
    fn is_clean(&self) -> bool {
        self.name
            .split_once('_')
            .is_some_and(|(_, rest)| rest.starts_with("clean_"))
    }

    /// The path shown in diff headers, as `decruft clean --diff` run from the root shows it.
    fn diff_path(&self) -> String {
        format!("corpus/articles/{}", self.name)
    }

    fn recorded_diff(&self) -> PathBuf {
        util::corpus("expected").join(self.name.replace(".txt", ".diff"))
    }
}

fn txt_names(dir: &str) -> Vec<String> {
    let dir = util::corpus(dir);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            e.expect("a readable directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
}

fn articles() -> Vec<Article> {
    txt_names("articles")
        .into_iter()
        .map(|name| {
            let input = util::read(&util::corpus("articles").join(&name));
            let expected = util::read(&util::corpus("expected").join(&name));
            Article {
                name,
                input,
                expected,
            }
        })
        .collect()
}

/// Panics with every failure at once: one run shows the whole state of the corpus.
fn report(what: &str, failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} corpus article(s) {what}:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_corpus_is_complete() {
    let articles = txt_names("articles");
    let expected = txt_names("expected");
    assert_eq!(
        articles, expected,
        "every article needs exactly one expected output and vice versa"
    );
    assert!(articles.len() >= 16, "only {} articles", articles.len());
    let clean = articles.iter().filter(|n| n.contains("_clean_")).count();
    assert!(clean >= 6, "only {clean} clean articles");
    assert!(
        articles.len() - clean >= 10,
        "only {} dirty articles",
        articles.len() - clean
    );
}

/// The expected files are the canonical layout the engine writes; checking it here catches a
/// hand-editing slip (a double blank line, a trailing space) before it reads as a rule bug.
#[test]
fn expected_outputs_have_the_canonical_layout() {
    let mut failures = Vec::new();
    for a in articles() {
        let crlf = a.expected.contains("\r\n");
        let text = if crlf {
            a.expected.replace("\r\n", "\n")
        } else {
            a.expected.clone()
        };
        let mut problems = Vec::new();
        if crlf && text.contains('\r') {
            problems.push("mixes CRLF with bare CR".to_string());
        }
        if crlf != a.input.contains("\r\n") {
            problems.push("line endings differ from the article's".to_string());
        }
        if !text.ends_with('\n') || text.ends_with("\n\n") {
            problems.push("must end with exactly one newline".to_string());
        }
        if text.contains("\n\n\n") {
            problems.push("has a run of blank lines".to_string());
        }
        let lines: Vec<&str> = text.lines().collect();
        if lines.len() < 3
            || lines[0].trim().is_empty()
            || !lines[1].is_empty()
            || lines[2].is_empty()
        {
            problems
                .push("must start with a title line, one blank line, then the body".to_string());
        }
        for (i, l) in lines.iter().enumerate() {
            if l.ends_with([' ', '\t']) || l.starts_with([' ', '\t']) {
                problems.push(format!("line {} has leading or trailing spaces", i + 1));
            }
        }
        if a.is_clean() && a.input != a.expected {
            problems.push(
                "is a clean article but its input differs from its expected output".to_string(),
            );
        }
        if !problems.is_empty() {
            failures.push(format!("{}: {}", a.name, problems.join("; ")));
        }
    }
    report("have a malformed expected output", failures);
}

#[test]
fn every_article_cleans_to_its_expected_text() {
    let engine = Engine::default();
    let mut failures = Vec::new();
    for a in articles() {
        let got = engine.clean(&a.input).text;
        if got != a.expected {
            let diff = unified(&format!("corpus/expected/{}", a.name), &a.expected, &got);
            failures.push(format!(
                "{} (`-` the reviewed text, `+` the engine's):\n{diff}",
                a.name
            ));
        }
    }
    report("differ from their expected output", failures);
}

#[test]
fn cleaning_an_expected_output_changes_nothing() {
    let engine = Engine::default();
    let mut failures = Vec::new();
    for a in articles() {
        let again = engine.clean(&a.expected);
        let removed: Vec<String> = again
            .removals()
            .map(|f| {
                format!(
                    "  {} {:?}: {}",
                    f.code,
                    &a.expected[f.range.clone()],
                    f.message
                )
            })
            .collect();
        if again.text != a.expected || !removed.is_empty() {
            let mut msg = unified(&format!("expected/{}", a.name), &a.expected, &again.text);
            msg.push_str(&removed.join("\n"));
            failures.push(msg);
        }
    }
    report("are not fixed points of cleaning", failures);
}

#[test]
fn clean_articles_lose_nothing() {
    let engine = Engine::default();
    let mut failures = Vec::new();
    for a in articles().into_iter().filter(Article::is_clean) {
        let cleaned = engine.clean(&a.input);
        let removed: Vec<String> = cleaned
            .removals()
            .map(|f| {
                format!(
                    "  {} {:?}: {}",
                    f.code,
                    &a.input[f.range.clone()],
                    f.message
                )
            })
            .collect();
        if !removed.is_empty() || cleaned.text != a.input {
            failures.push(format!(
                "{}:\n{}\n{}",
                a.name,
                removed.join("\n"),
                unified(&a.diff_path(), &a.input, &cleaned.text)
            ));
        }
    }
    report("written clean lost text", failures);
}

#[test]
fn recorded_diffs_match_the_engine() {
    let engine = Engine::default();
    let mut failures = Vec::new();
    for a in articles() {
        let path = a.recorded_diff();
        if !path.exists() {
            continue;
        }
        let recorded = util::read(&path);
        let got = unified(&a.diff_path(), &a.input, &engine.clean(&a.input).text);
        if got != recorded {
            failures.push(format!(
                "{}:\n{}",
                path.display(),
                unified("recorded -> engine", &recorded, &got)
            ));
        }
    }
    report(
        "have a recorded diff the engine does not reproduce",
        failures,
    );
}

/// The recorded diffs are the diffs from each article to its hand-written expected text, so
/// they stay reviewable as data; this keeps them in step with the expected files.
#[test]
fn recorded_diffs_match_the_expected_text() {
    let mut failures = Vec::new();
    for a in articles() {
        let path = a.recorded_diff();
        if path.exists() && util::read(&path) != unified(&a.diff_path(), &a.input, &a.expected) {
            failures.push(path.display().to_string());
        }
    }
    report(
        "have a recorded diff out of step with the expected text (rerun write_recorded_diffs)",
        failures,
    );
}

/// Rewrites `expected/<name>.diff` for the dirty articles from the hand-written expected text
/// (never from the engine's output). Run after editing an expected file, then read the diffs:
/// `cargo test --test it corpus::write_recorded_diffs -- --ignored`.
#[test]
#[ignore]
fn write_recorded_diffs() {
    for a in articles().into_iter().filter(|a| !a.is_clean()) {
        let path = a.recorded_diff();
        std::fs::write(&path, unified(&a.diff_path(), &a.input, &a.expected))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
