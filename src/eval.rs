//! Scores article extraction against hand-marked ground truth.
//!
//! The metric is the one of the public article-extraction benchmark (4-token shingles over
//! `\w+` tokens, per-page normalised counts, means of precision and recall over pages), kept
//! exactly so that figures are comparable with the published ones. The runner reads a
//! benchmark directory (`ground-truth.json` + `html/<id>.html[.gz]`) so that quality can be
//! tracked, and [`score_outputs`] scores text that other tools produced, optionally after a
//! transform such as a cleaning pass.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::extract;

/// Per-page shingle counts, normalised so that `tp + fp + fn_ = 1` (all zero if both texts
/// are empty).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Counts {
    pub tp: f64,
    pub fp: f64,
    #[serde(rename = "fn")]
    pub fn_: f64,
}

impl Counts {
    /// Precision of one page, with the benchmark's special cases.
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }

    /// Recall of one page, with the benchmark's special cases.
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }
}

fn word_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\w+").expect("valid regex"))
}

/// The `\w+` tokens of a text (Unicode word characters, case kept).
pub fn tokens(text: &str) -> Vec<&str> {
    word_re().find_iter(text).map(|m| m.as_str()).collect()
}

fn shingles<'a>(toks: &'a [&'a str]) -> HashMap<&'a [&'a str], i64> {
    let mut map = HashMap::new();
    if toks.is_empty() {
        return map;
    }
    if toks.len() < 4 {
        map.insert(toks, 1);
        return map;
    }
    for w in toks.windows(4) {
        *map.entry(w).or_insert(0) += 1;
    }
    map
}

/// Compares one predicted text with the true one.
pub fn compare(truth: &str, pred: &str) -> Counts {
    let t = tokens(truth);
    let p = tokens(pred);
    let st = shingles(&t);
    let sp = shingles(&p);
    let (mut tp, mut fp, mut fn_) = (0i64, 0i64, 0i64);
    for (k, &ct) in &st {
        let cp = sp.get(k).copied().unwrap_or(0);
        tp += ct.min(cp);
        fn_ += (ct - cp).max(0);
    }
    for (k, &cp) in &sp {
        let ct = st.get(k).copied().unwrap_or(0);
        fp += (cp - ct).max(0);
    }
    let sum = (tp + fp + fn_) as f64;
    if sum > 0.0 {
        Counts {
            tp: tp as f64 / sum,
            fp: fp as f64 / sum,
            fn_: fn_ as f64 / sum,
        }
    } else {
        Counts {
            tp: 0.0,
            fp: 0.0,
            fn_: 0.0,
        }
    }
}

/// The score of one page.
#[derive(Debug, Clone, Serialize)]
pub struct PageScore {
    pub id: String,
    pub url: String,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// The predicted token list equals the true one.
    pub exact: bool,
    pub counts: Counts,
    /// Set when the page could not be read or extracted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Aggregate scores over a set of pages.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub pages: usize,
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    pub accuracy: f64,
    /// Every page, in id order.
    pub per_page: Vec<PageScore>,
}

impl Report {
    /// Builds the aggregates from per-page scores.
    pub fn from_pages(mut per_page: Vec<PageScore>) -> Report {
        per_page.sort_by(|a, b| a.id.cmp(&b.id));
        let n = per_page.len();
        let mean = |f: &dyn Fn(&PageScore) -> f64| {
            if n == 0 {
                0.0
            } else {
                per_page.iter().map(f).sum::<f64>() / n as f64
            }
        };
        let precision = mean(&|p| p.precision);
        let recall = mean(&|p| p.recall);
        let accuracy = mean(&|p| if p.exact { 1.0 } else { 0.0 });
        Report {
            pages: n,
            f1: f1(precision, recall),
            precision,
            recall,
            accuracy,
            per_page,
        }
    }

    /// The `n` pages with the lowest F1, worst first.
    pub fn worst(&self, n: usize) -> Vec<&PageScore> {
        let mut v: Vec<&PageScore> = self.per_page.iter().collect();
        v.sort_by(|a, b| a.f1.total_cmp(&b.f1).then_with(|| a.id.cmp(&b.id)));
        v.truncate(n);
        v
    }

    /// A short human-readable summary with the worst pages.
    pub fn summary(&self, worst: usize) -> String {
        let mut s = format!(
            "pages {}  F1 {:.4}  precision {:.4}  recall {:.4}  accuracy {:.4}\n",
            self.pages, self.f1, self.precision, self.recall, self.accuracy
        );
        if worst > 0 {
            s.push_str("worst pages:\n");
            for p in self.worst(worst) {
                s.push_str(&format!(
                    "  {:.3}  P {:.3}  R {:.3}  {}  {}{}\n",
                    p.f1,
                    p.precision,
                    p.recall,
                    &p.id[..p.id.len().min(12)],
                    p.url,
                    p.error
                        .as_deref()
                        .map(|e| format!("  ({e})"))
                        .unwrap_or_default()
                ));
            }
        }
        s
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn page_score(id: &str, url: &str, truth: &str, pred: &str) -> PageScore {
    let counts = compare(truth, pred);
    let precision = counts.precision();
    let recall = counts.recall();
    PageScore {
        id: id.to_string(),
        url: url.to_string(),
        precision,
        recall,
        f1: f1(precision, recall),
        exact: tokens(truth) == tokens(pred),
        counts,
        error: None,
    }
}

/// One entry of a ground-truth or output file.
#[derive(Debug, Clone, Deserialize)]
pub struct Entry {
    #[serde(rename = "articleBody", default)]
    pub article_body: String,
    #[serde(default)]
    pub url: String,
}

/// Errors of the evaluation.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, EvalError> {
    let text = std::fs::read(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_slice(&text).map_err(|source| EvalError::Json {
        path: path.to_path_buf(),
        source,
    })
}

/// Reads a ground-truth file: `{"<id>": {"articleBody": ..., "url": ...}}`.
pub fn read_truth(path: &Path) -> Result<BTreeMap<String, Entry>, EvalError> {
    read_json(path)
}

/// Reads a page `<id>.html.gz` or `<id>.html` from `dir`, decompressing when needed.
pub fn read_page(dir: &Path, id: &str) -> Result<Vec<u8>, EvalError> {
    let gz = dir.join(format!("{id}.html.gz"));
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EvalError::Io { path, source }
    };
    if gz.exists() {
        let file = std::fs::File::open(&gz).map_err(io(&gz))?;
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut out)
            .map_err(io(&gz))?;
        Ok(out)
    } else {
        let plain = dir.join(format!("{id}.html"));
        std::fs::read(&plain).map_err(io(&plain))
    }
}

/// Extracts every page of the ground truth from `html_dir` and scores the bodies.
///
/// A page that cannot be read or is rejected by the extractor scores as an empty prediction
/// and carries the error, so one bad file does not hide the others.
pub fn run(truth_json: &Path, html_dir: &Path) -> Result<Report, EvalError> {
    run_with(truth_json, html_dir, extract::Extraction::body)
}

/// Like [`run`], scoring the text `pick` takes from each extraction (to compare, say, the
/// body with title + body).
pub fn run_with(
    truth_json: &Path,
    html_dir: &Path,
    pick: impl Fn(&extract::Extraction) -> String,
) -> Result<Report, EvalError> {
    let truth = read_truth(truth_json)?;
    let pages = truth
        .iter()
        .map(|(id, entry)| {
            let (pred, error) = match read_page(html_dir, id) {
                Ok(bytes) => match extract::extract(&bytes) {
                    Ok(x) => (pick(&x), None),
                    Err(e) => (String::new(), Some(e.to_string())),
                },
                Err(e) => (String::new(), Some(e.to_string())),
            };
            let mut score = page_score(id, &entry.url, &entry.article_body, &pred);
            score.error = error;
            score
        })
        .collect();
    Ok(Report::from_pages(pages))
}

#[derive(Deserialize)]
struct OutputFile {
    output: BTreeMap<String, Entry>,
}

/// Reads an extractor output file: either `{"output": {"<id>": {"articleBody"}}}` (as in
/// `extractor-outputs/*.json`) or the bare `{"<id>": {"articleBody"}}` map.
pub fn read_outputs(path: &Path) -> Result<BTreeMap<String, Entry>, EvalError> {
    let value: serde_json::Value = read_json(path)?;
    let parsed = if value.get("output").is_some() {
        serde_json::from_value::<OutputFile>(value).map(|f| f.output)
    } else {
        serde_json::from_value(value)
    };
    parsed.map_err(|source| EvalError::Json {
        path: path.to_path_buf(),
        source,
    })
}

/// Scores plain-text outputs against the truth, applying `transform` to each output text
/// first (pass `|s| s.to_string()` to score them as they are). A page missing from the outputs
/// scores as an empty prediction.
pub fn score_outputs(
    truth: &BTreeMap<String, Entry>,
    outputs: &BTreeMap<String, Entry>,
    transform: impl Fn(&str) -> String,
) -> Report {
    let pages = truth
        .iter()
        .map(|(id, entry)| {
            let pred = outputs
                .get(id)
                .map(|o| transform(&o.article_body))
                .unwrap_or_default();
            page_score(id, &entry.url, &entry.article_body, &pred)
        })
        .collect();
    Report::from_pages(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn tokens_are_unicode_words() {
        assert_eq!(
            tokens("Grüße, 東京タワー! it's 2024"),
            ["Grüße", "東京タワー", "it", "s", "2024"]
        );
    }

    #[test]
    fn identical_texts_score_one() {
        let c = compare("one two three four five", "one  two, three four five");
        assert!(close(c.tp, 1.0) && c.fp == 0.0 && c.fn_ == 0.0);
        assert_eq!(c.precision(), 1.0);
        assert_eq!(c.recall(), 1.0);
    }

    #[test]
    fn extra_and_missing_shingles_are_counted() {
        // truth shingles: (a b c d), (b c d e); pred: (a b c d), (b c d x), (c d x y)
        let c = compare("a b c d e", "a b c d x y");
        assert!(close(c.tp, 1.0 / 4.0));
        assert!(close(c.fp, 2.0 / 4.0));
        assert!(close(c.fn_, 1.0 / 4.0));
        assert!(close(c.precision(), 1.0 / 3.0));
        assert!(close(c.recall(), 1.0 / 2.0));
    }

    #[test]
    fn shingles_are_multisets() {
        // The repeated shingle counts twice in the truth, once in the prediction.
        let c = compare("a b c d a b c d", "a b c d");
        // truth: abcd x2, bcda, cdab, dabc -> 5; pred: abcd x1
        assert!(close(c.tp, 1.0 / 5.0));
        assert!(close(c.fn_, 4.0 / 5.0));
        assert_eq!(c.fp, 0.0);
    }

    #[test]
    fn short_texts_form_one_shingle() {
        let c = compare("hello world", "hello world");
        assert_eq!(c.precision(), 1.0);
        let c = compare("hello world", "hello there world");
        assert_eq!(c.tp, 0.0);
        assert!(close(c.fp, 0.5) && close(c.fn_, 0.5));
    }

    #[test]
    fn special_cases() {
        // Both empty: one for both sides.
        let c = compare("", "");
        assert_eq!((c.precision(), c.recall()), (1.0, 1.0));
        // Nothing predicted: precision 0 (tp = fp = 0), recall 0.
        let c = compare("a b c d e", "");
        assert_eq!((c.precision(), c.recall()), (0.0, 0.0));
        // Something predicted for an empty truth: precision 0, recall 0 (tp = fn = 0).
        let c = compare("", "a b c d e");
        assert_eq!((c.precision(), c.recall()), (0.0, 0.0));
    }

    #[test]
    fn report_means_and_f1() {
        let pages = vec![
            page_score("a", "", "a b c d e", "a b c d e"),
            page_score("b", "", "a b c d e", "a b c d x y"),
            page_score("c", "", "a b c d e", ""),
        ];
        let r = Report::from_pages(pages);
        let p = (1.0 + 1.0 / 3.0 + 0.0) / 3.0;
        let rc = (1.0 + 0.5 + 0.0) / 3.0;
        assert!(close(r.precision, p));
        assert!(close(r.recall, rc));
        assert!(close(r.f1, 2.0 * p * rc / (p + rc)));
        assert!(close(r.accuracy, 1.0 / 3.0));
        assert_eq!(r.worst(1)[0].id, "c");
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.contains("\"fn\""));
    }

    #[test]
    fn outputs_are_transformed_before_scoring() {
        let mut truth = BTreeMap::new();
        truth.insert(
            "p".to_string(),
            Entry {
                article_body: "one two three four".into(),
                url: String::new(),
            },
        );
        let mut out = BTreeMap::new();
        out.insert(
            "p".to_string(),
            Entry {
                article_body: "Share one two three four".into(),
                url: String::new(),
            },
        );
        assert!(score_outputs(&truth, &out, |s| s.to_string()).precision < 1.0);
        let r = score_outputs(&truth, &out, |s| s.replace("Share ", ""));
        assert_eq!(r.f1, 1.0);
        assert_eq!(r.accuracy, 1.0);
    }
}
