//! SARIF 2.1.0, the format code-scanning dashboards (GitHub code scanning among them) read.
//!
//! Every rule is described in `tool.driver.rules` with its explanation as help, so a
//! dashboard can show why text would be removed without the reader running decruft.
//! Columns count Unicode code points (`columnKind`), as in every other report.

use serde_json::{json, Value};

use super::{FileReport, Located};
use crate::rules::{self, Action, RuleMeta};

/// The schema URI of SARIF 2.1.0 (OASIS, errata 01).
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The id of results about `decruft: keep` markers that keep nothing.
pub const UNUSED_KEEP: &str = "unused-keep";

/// What a `reportingDescriptor` says about one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo {
    pub id: String,
    pub name: String,
    pub short: String,
    pub full: String,
    pub help_markdown: String,
    /// `warning` for rules that remove text, `note` for rules that flag.
    pub level: &'static str,
    pub enabled: bool,
}

fn level(action: Action) -> &'static str {
    if action.removes() {
        "warning"
    } else {
        "note"
    }
}

/// The body of the `## heading` section of a rule explanation.
fn section<'e>(explanation: &'e str, heading: &str) -> Option<&'e str> {
    let start = explanation.find(heading)? + heading.len();
    let rest = &explanation[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    Some(rest[..end].trim()).filter(|s| !s.is_empty())
}

/// The first sentence of `text`, on one line.
fn first_sentence(text: &str) -> String {
    let para = text.split("\n\n").next().unwrap_or(text);
    let flat = para.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.find(". ") {
        Some(i) => flat[..=i].to_string(),
        None => flat,
    }
}

impl RuleInfo {
    pub fn from_meta(m: &RuleMeta) -> Self {
        let what = section(m.explanation, "## What it does").unwrap_or(m.name);
        RuleInfo {
            id: m.code.to_string(),
            name: m.name.to_string(),
            short: first_sentence(what),
            full: what.split_whitespace().collect::<Vec<_>>().join(" "),
            help_markdown: m.explanation.to_string(),
            level: level(m.action),
            enabled: m.default_enabled,
        }
    }

    fn descriptor(&self) -> Value {
        let help_text = if self.help_markdown.is_empty() {
            &self.full
        } else {
            &self.help_markdown
        };
        json!({
            "id": self.id,
            "name": self.name,
            "shortDescription": { "text": self.short },
            "fullDescription": { "text": self.full },
            "help": { "text": help_text, "markdown": if self.help_markdown.is_empty() { &self.full } else { &self.help_markdown } },
            "defaultConfiguration": { "level": self.level, "enabled": self.enabled },
        })
    }
}

/// The built-in rules, in code order.
pub fn builtin_rules() -> Vec<RuleInfo> {
    rules::registry()
        .iter()
        .map(|r| RuleInfo::from_meta(r.meta()))
        .collect()
}

fn unused_keep_rule() -> RuleInfo {
    RuleInfo {
        id: UNUSED_KEEP.into(),
        name: UNUSED_KEEP.into(),
        short: "A `decruft: keep` marker, or a code in one, keeps nothing.".into(),
        full: "A `decruft: keep` marker, or one of the codes it lists, keeps no finding: the text it protects would not be removed any more, so the marker can go.".into(),
        help_markdown: "## What it does\n\nReports `decruft: keep` markers that keep nothing.\n\n## Why\n\nA marker left behind after the rules changed protects text nobody looks at any more; removing it keeps the markers meaningful.\n".into(),
        level: "warning",
        enabled: true,
    }
}

/// A path as a URI reference: relative paths stay relative, `\` becomes `/`, and every byte
/// outside the unreserved set is percent-encoded (spaces, `%`, `#`, non-ASCII ...).
pub fn path_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn result(path: &str, l: &Located<'_>, rule_index: usize) -> Value {
    let f = l.finding;
    let verb = if f.action.removes() {
        "would remove"
    } else {
        "flagged"
    };
    json!({
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": level(f.action),
        "message": { "text": format!("{}: {verb} \"{}\"", f.message, super::excerpt(l.excerpt, 120)) },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": path_uri(path) },
                "region": {
                    "startLine": l.span.start.line,
                    "startColumn": l.span.start.column,
                    "endLine": l.span.end.line,
                    "endColumn": l.span.end.column,
                    "snippet": { "text": l.excerpt },
                }
            }
        }],
    })
}

/// The SARIF log of `reports`; `rules` are the rules described in the driver (user rules
/// met in findings are added after them).
pub fn render(reports: &[FileReport], rules: &[RuleInfo]) -> String {
    let mut rules: Vec<RuleInfo> = rules.to_vec();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    let mut unused_results = Vec::new();
    for r in reports {
        if let Some(e) = &r.error {
            notifications.push(json!({
                "level": "error",
                "message": { "text": format!("{}: {e}", r.path) },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": path_uri(&r.path) } } }],
            }));
            continue;
        }
        for l in r.located() {
            let f = l.finding;
            let index = match rules.iter().position(|x| x.id == f.code) {
                Some(i) => i,
                None => {
                    let full = format!("User rule {} from decruft.toml: {}", f.code, f.message);
                    rules.push(RuleInfo {
                        id: f.code.to_string(),
                        name: f.name.to_string(),
                        short: format!("User rule {}.", f.code),
                        help_markdown: String::new(),
                        full,
                        level: level(f.action),
                        enabled: true,
                    });
                    rules.len() - 1
                }
            };
            results.push(result(&r.path, &l, index));
        }
        for (span, u) in r.located_unused() {
            unused_results.push((r.path.clone(), span, u.message()));
        }
    }
    rules.push(unused_keep_rule());
    let unused_index = rules.len() - 1;
    for (path, span, message) in unused_results {
        results.push(json!({
            "ruleId": UNUSED_KEEP,
            "ruleIndex": unused_index,
            "level": "warning",
            "message": { "text": message },
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": { "uri": path_uri(&path) },
                    "region": {
                        "startLine": span.start.line,
                        "startColumn": span.start.column,
                        "endLine": span.end.line,
                        "endColumn": span.end.column,
                    }
                }
            }],
        }));
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "decruft",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules.iter().map(RuleInfo::descriptor).collect::<Vec<_>>(),
                }
            },
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&log).expect("the log serializes");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use super::*;

    fn sample_log() -> Value {
        let rules: Vec<RuleInfo> = [&SHARE, &NAV, &REPEATED]
            .into_iter()
            .map(RuleInfo::from_meta)
            .collect();
        serde_json::from_str(&render(&sample(), &rules)).unwrap()
    }

    #[test]
    fn log_has_schema_version_and_one_run() {
        let v = sample_log();
        assert_eq!(v["$schema"], SCHEMA);
        assert_eq!(v["version"], "2.1.0");
        assert_eq!(v["runs"].as_array().unwrap().len(), 1);
        let driver = &v["runs"][0]["tool"]["driver"];
        assert_eq!(driver["name"], "decruft");
        assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    }

    #[test]
    fn every_rule_is_described_with_its_explanation() {
        let v = sample_log();
        let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
        let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(ids, vec!["J002", "J003", "S005", UNUSED_KEEP]);
        let share = &rules[0];
        assert_eq!(share["name"], "share-widget");
        assert_eq!(
            share["shortDescription"]["text"],
            "Removes lines that are only share-button labels."
        );
        assert_eq!(
            share["fullDescription"]["text"],
            "Removes lines that are only share-button labels. They come from the page."
        );
        assert_eq!(share["help"]["markdown"], SHARE.explanation);
        assert_eq!(share["defaultConfiguration"]["level"], "warning");
        assert_eq!(rules[2]["defaultConfiguration"]["level"], "note");
        assert_eq!(rules[2]["defaultConfiguration"]["enabled"], false);
    }

    #[test]
    fn results_point_at_regions_with_levels() {
        let v = sample_log();
        let results = v["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), 3);
        let r = &results[1];
        assert_eq!(r["ruleId"], "S005");
        assert_eq!(r["ruleIndex"], 2);
        assert_eq!(r["level"], "note");
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "news/rain%20day.txt");
        let region = &loc["region"];
        assert_eq!(
            (
                &region["startLine"],
                &region["startColumn"],
                &region["endLine"],
                &region["endColumn"]
            ),
            (&json!(4), &json!(26), &json!(4), &json!(30))
        );
        assert_eq!(region["snippet"]["text"], "100%");
        assert_eq!(results[0]["level"], "warning");
        assert_eq!(
            results[0]["message"]["text"],
            "a line that is only a share label: would remove \"Share\""
        );
    }

    #[test]
    fn unreadable_files_are_tool_notifications() {
        let v = sample_log();
        let inv = &v["runs"][0]["invocations"][0];
        assert_eq!(inv["executionSuccessful"], false);
        let n = &inv["toolExecutionNotifications"][0];
        assert_eq!(n["level"], "error");
        assert_eq!(
            n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "bad%3C%26%3E.txt"
        );
    }

    #[test]
    fn user_rules_and_unused_markers_get_descriptors() {
        use crate::Finding;
        use std::borrow::Cow;
        let text = "T\n\n<!-- decruft: keep J001 -->\nSponsored by Acme\nBody.\n";
        let s = text.find("Sponsored").unwrap();
        let f = Finding {
            code: Cow::Borrowed("U001"),
            name: Cow::Borrowed("sponsor-line"),
            range: s..s + 17,
            action: Action::DropLine,
            message: "sponsor line".into(),
        };
        let sup = crate::suppress::apply(text, vec![f]);
        let mut r = report("u.txt", text, sup.kept);
        r.unused = sup.unused;
        let v: Value = serde_json::from_str(&render(&[r], &[])).unwrap();
        let run = &v["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules[0]["id"], "U001");
        assert_eq!(rules[1]["id"], UNUSED_KEEP);
        assert_eq!(run["results"][0]["ruleIndex"], 0);
        assert_eq!(run["results"][1]["ruleId"], UNUSED_KEEP);
        assert_eq!(run["results"][1]["ruleIndex"], 1);
        assert_eq!(
            run["results"][1]["locations"][0]["physicalLocation"]["region"]["startLine"],
            3
        );
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(path_uri("a b/ç#1%.txt"), "a%20b/%C3%A7%231%25.txt");
        assert_eq!(path_uri("dir\\f.txt"), "dir/f.txt");
        assert_eq!(path_uri("/abs/p.txt"), "file:///abs/p.txt");
    }

    #[test]
    fn the_first_sentence_is_the_short_description() {
        assert_eq!(first_sentence("Removes X. Then more."), "Removes X.");
        assert_eq!(
            first_sentence("Removes\nX\n\nSecond paragraph."),
            "Removes X"
        );
        assert_eq!(
            section("## What it does\n\nA.\n\n## Why\n\nB.", "## Why"),
            Some("B.")
        );
    }
}
