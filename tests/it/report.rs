//! CI reports end to end: the engine's findings (from user rules, so that the reports are
//! tested whatever the built-in rules find), suppressions and per-file ignores, rendered in
//! every format and read back by independent tools: `git apply` for the text report,
//! Python's XML parsers for JUnit and the official SARIF 2.1.0 schema for SARIF.

use std::path::Path;
use std::process::Command;

use decruft::output::report::{self, FileReport, Format, Summary};
use decruft::suppress::PerFileIgnores;
use decruft::{Config, Engine};
use serde_json::Value;

use crate::util::{self, validate};

const CONFIG: &str = r#"
disable = ["J", "S"]

[[rule]]
code = "U001"
name = "share-line"
phrase = "Share this article"
message = "a share button's label"

[[rule]]
code = "U002"
name = "next-link"
regex = "(?i)^next story$"
message = "a link to another story"

[[rule]]
code = "U003"
name = "miracle-claim"
phrase = "miracle diet"
action = "flag"
message = "claims \"100%\" results,\nthen <&> 'more'"

[per-file-ignores]
"archive/old/**" = ["U003"]
"#;

const FLOOD: &str = "Flood Waters Recede in Riverton\n\nShare this article\u{c}\nResidents returned home on Tuesday after the river fell by two metres.\nA miracle diet stall reopened, and 40% of roads were still closed.\nNext Story\n";
const MARKET: &str = "Market Day\n\n<!-- decruft: keep U001 -->\nShare this article\nStalls opened at dawn, as they have for a century.\n";
const QUIET: &str = "Quiet Week\n\ndecruft: keep U002\nNothing happened, and that is the news.\n";
const OLD: &str = "Old Piece\n\nThe miracle diet of 1990 is remembered fondly.\n";

const FLOOD_PATH: &str = "archive/flood report.txt";
const MARKET_PATH: &str = "notes/<odd> & 'quoted' %.txt";

fn reports() -> Vec<FileReport> {
    let config = Config::parse(CONFIG, Path::new("decruft.toml")).unwrap();
    let engine = Engine::new(&config).unwrap();
    let ignores = PerFileIgnores::from_config(&config).unwrap();
    vec![
        FileReport::check(FLOOD_PATH, FLOOD, &engine, &ignores),
        FileReport::check(MARKET_PATH, MARKET, &engine, &ignores),
        FileReport::check("quiet.txt", QUIET, &engine, &ignores),
        FileReport::check("archive/old/piece.txt", OLD, &engine, &ignores),
        FileReport::failed(
            "missing file.txt",
            "cannot read: No such file or directory (os error 2)",
        ),
    ]
}

#[test]
fn check_applies_user_rules_markers_and_per_file_ignores() {
    let r = reports();
    let codes = |i: usize| -> Vec<String> {
        r[i].cleaned
            .as_ref()
            .unwrap()
            .findings
            .iter()
            .map(|f| f.code.to_string())
            .collect()
    };
    assert_eq!(codes(0), vec!["U001", "U003", "U002"]);
    assert!(r[0].changed());
    assert_eq!(
        codes(1),
        Vec::<String>::new(),
        "the marker keeps the share line"
    );
    assert_eq!(r[1].suppressed, 1);
    assert!(
        !r[1].changed(),
        "the marker stays, so the file is already clean"
    );
    assert_eq!(r[2].unused.len(), 1, "the U002 marker keeps nothing");
    assert_eq!(r[3].ignored, 1, "U003 is ignored under archive/old/");
    let s = Summary::of(&r);
    assert_eq!(
        (s.files, s.changed, s.errors, s.removals, s.flags),
        (5, 1, 1, 2, 1)
    );
    assert_eq!((s.suppressed, s.ignored, s.unused_markers), (1, 1, 1));
    assert!(s.failed());
}

#[test]
fn text_report_is_a_patch_git_applies() {
    let r = reports();
    let patch = report::render(Format::Text, &r);
    assert!(
        patch.contains("@@ -1,6 +1,4 @@ U001 share-line, U002 next-link\n"),
        "{patch}"
    );
    assert!(
        patch.contains("quiet.txt:3:1: unused-keep unused code(s) in `decruft: keep` marker: U002"),
        "{patch}"
    );
    assert!(patch.ends_with(
        "1 of 5 files would be cleaned: 2 removals, 1 flag, 1 kept by markers, 1 ignored by per-file-ignores, 1 unused marker, 1 file could not be checked.\n"
    ));

    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let o = Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .output()
            .expect("git runs");
        assert!(o.status.success(), "git {args:?}: {}", util::stderr(&o));
    };
    git(&["init", "-q"]);
    for rep in r.iter().filter(|x| x.error.is_none()) {
        let p = dir.path().join(&rep.path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, &rep.input).unwrap();
    }
    std::fs::write(dir.path().join("report.patch"), &patch).unwrap();
    git(&["apply", "report.patch"]);
    for rep in r.iter().filter(|x| x.error.is_none()) {
        let got = std::fs::read_to_string(dir.path().join(&rep.path)).unwrap();
        assert_eq!(got, rep.cleaned.as_ref().unwrap().text, "{}", rep.path);
    }
    let flood = std::fs::read_to_string(dir.path().join(FLOOD_PATH)).unwrap();
    assert!(!flood.contains("Share this article") && !flood.contains("Next Story"));
    assert!(flood.contains("miracle diet"), "a flag leaves the text");
}

#[test]
fn json_and_jsonl_read_back() {
    let r = reports();
    let v: Value = serde_json::from_str(&report::render(Format::Json, &r)).unwrap();
    assert_eq!(v["summary"]["files"], 5);
    let flood = &v["files"][0];
    assert_eq!(flood["path"], FLOOD_PATH);
    let flag = &flood["findings"][1];
    assert_eq!(flag["code"], "U003");
    assert_eq!(flag["message"], "claims \"100%\" results,\nthen <&> 'more'");
    assert_eq!(
        (&flag["start"]["line"], &flag["start"]["column"]),
        (&Value::from(5), &Value::from(3))
    );
    assert_eq!(v["files"][1]["path"], MARKET_PATH);
    assert_eq!(v["files"][1]["suppressed"], 1);
    assert_eq!(v["files"][4]["status"], "error");
    let lines = report::render(Format::Jsonl, &r);
    let paths: Vec<String> = lines
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        paths,
        vec![
            FLOOD_PATH,
            MARKET_PATH,
            "quiet.txt",
            "archive/old/piece.txt",
            "missing file.txt"
        ]
    );
}

#[test]
fn github_commands_are_one_line_each_and_escaped() {
    let out = report::render(Format::Github, &reports());
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6, "{out}");
    assert!(lines[..5].iter().all(|l| l.starts_with("::")), "{out}");
    assert!(
        lines[0].starts_with("::warning file=archive/flood report.txt,line=3,endLine=3,col=1,"),
        "{out}"
    );
    assert_eq!(
        lines[1],
        "::notice file=archive/flood report.txt,line=5,endLine=5,col=3,endColumn=14,title=U003 miracle-claim::claims \"100%25\" results,%0Athen <&> 'more': flagged \"miracle diet\""
    );
    assert_eq!(lines[3], "::warning file=quiet.txt,line=3,title=unused-keep::unused code(s) in `decruft: keep` marker: U002 would remove nothing here");
    assert_eq!(lines[4], "::error file=missing file.txt,title=decruft::cannot read: No such file or directory (os error 2)");
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let r = reports();
    let sarif = report::render(Format::Sarif, &r);
    let v: Value = serde_json::from_str(&sarif).unwrap();
    let run = &v["runs"][0];
    let results = run["results"].as_array().unwrap();
    // U001, U003, U002 in the flood report, then the unused marker
    assert_eq!(results.len(), 4);
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for res in results {
        let i = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            rules[i]["id"], res["ruleId"],
            "ruleIndex points at the result's rule"
        );
    }
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "archive/flood%20report.txt"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.sarif");
    std::fs::write(&file, &sarif).unwrap();
    if let Some(out) = validate("sarif", &file) {
        assert!(out.starts_with("valid SARIF 2.1.0: 4 results"), "{out}");
    }
}

#[test]
fn sarif_validation_catches_an_invalid_log() {
    // the validator must be able to fail: a log without `runs` is not SARIF
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.sarif");
    std::fs::write(&file, r#"{"version": "2.1.0", "runs": [{"results": []}]}"#).unwrap();
    let script = util::root().join("tests/it/report_validate.py");
    let Ok(out) = Command::new("python3")
        .arg(&script)
        .arg("sarif")
        .arg(&file)
        .output()
    else {
        return;
    };
    if out.status.code() == Some(2) && std::env::var_os("DECRUFT_REQUIRE_VALIDATORS").is_none() {
        return;
    }
    assert_eq!(out.status.code(), Some(1), "{}", util::stderr(&out));
    assert!(
        util::stderr(&out).contains("'tool' is a required property"),
        "{}",
        util::stderr(&out)
    );
}

#[test]
fn junit_is_well_formed_and_round_trips() {
    let r = reports();
    let xml = report::render(Format::Junit, &r);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("junit.xml");
    std::fs::write(&file, &xml).unwrap();
    let Some(out) = validate("junit", &file) else {
        return;
    };
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (&v["tests"], &v["failures"], &v["errors"]),
        (&Value::from(5), &Value::from(1), &Value::from(1))
    );
    let cases = v["cases"].as_array().unwrap();
    let names: Vec<&str> = cases.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        vec![
            FLOOD_PATH,
            MARKET_PATH,
            "quiet.txt",
            "archive/old/piece.txt",
            "missing file.txt"
        ]
    );
    let outcomes: Vec<&str> = cases
        .iter()
        .map(|c| c["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(
        outcomes,
        vec!["failure", "passed", "passed", "passed", "error"]
    );
    let flood = &cases[0];
    assert_eq!(flood["message"], "would remove 2 items (U001, U002)");
    let body = flood["body"].as_str().unwrap();
    // the form feed XML cannot carry arrives as U+FFFD; everything else unchanged
    assert!(body.contains("-Share this article\u{FFFD}\n"), "{body}");
    assert!(
        body.contains("[flag] claims \"100%\" results, then <&> 'more': \"miracle diet\""),
        "{body}"
    );
    assert!(cases[2]["system_out"]
        .as_str()
        .unwrap()
        .contains("unused-keep"));
    assert_eq!(
        cases[4]["message"],
        "cannot read: No such file or directory (os error 2)"
    );
}
