//! `decruft check` as CI runs it, through the binary: every report format read back, exit
//! codes, `--output-file`, `--diff`, expected-output snapshots, rule selection, keep markers,
//! per-file ignores, completions and the man page. Findings come from user rules of a test
//! config, with every built-in rule off, so that the verdicts do not depend on what the
//! built-in rules find.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

use crate::util::{self, builtins_off, decruft, run, stderr, stdout, validate, write};

const CONFIG: &str = r#"
[[rule]]
code = "U001"
name = "donate-box"
phrase = "Support our newsroom today"
message = "a donation box of the page"

[[rule]]
code = "U002"
name = "more-link"
regex = "(?i)^more from the valley$"
message = "a link to other stories"

[[rule]]
code = "U003"
name = "hype-word"
phrase = "unbelievable"
action = "flag"
message = "a hype word"

[[rule]]
code = "U004"
name = "weather-widget"
phrase = "Today: 12°C"
message = "a weather widget"

[per-file-ignores]
"archive/**" = ["U002"]
"#;

/// Two removals (U001 on line 3, U002 on line 6) and one flag (U003 on line 4).
const DIRTY: &str = "Bridge Reopens After Repairs\n\
\n\
Support our newsroom today\n\
The unbelievable queue of cyclists waited at dawn for the barriers to lift.\n\
Engineers said the deck would last another fifty years.\n\
More from the Valley\n";

const DIRTY_CLEAN: &str = "Bridge Reopens After Repairs\n\
\n\
The unbelievable queue of cyclists waited at dawn for the barriers to lift.\n\
Engineers said the deck would last another fifty years.\n";

const CLEAN: &str =
    "Choir Wins Regional Prize\n\nThe school choir took first place with a folk song medley.\n";

/// A `disable` line for every built-in rule, and U004, which only `--extend-select` turns on.
fn disable_line() -> String {
    builtins_off().replace(']', ", \"U004\"]")
}

/// `decruft.toml`, `dirty.txt` and `clean.txt` in a temporary directory.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "decruft.toml",
        format!("{}{CONFIG}", disable_line()),
    );
    write(dir.path(), "dirty.txt", DIRTY);
    write(dir.path(), "clean.txt", CLEAN);
    dir
}

fn check(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = decruft(dir);
    cmd.arg("check").args(args);
    run(&mut cmd)
}

fn code(o: &Output) -> Option<i32> {
    o.status.code()
}

#[test]
fn text_lists_findings_then_coded_diffs_then_a_summary() {
    let ws = workspace();
    let o = check(ws.path(), &["dirty.txt", "clean.txt"]);
    assert_eq!(code(&o), Some(1), "{}", stderr(&o));
    let expected = "\
dirty.txt:3:1: U001 donate-box [drop-line] a donation box of the page: \"Support our newsroom today\"
dirty.txt:4:5: U003 hype-word [flag] a hype word: \"unbelievable\"
dirty.txt:6:1: U002 more-link [drop-line] a link to other stories: \"More from the Valley\"
diff --git a/dirty.txt b/dirty.txt
--- a/dirty.txt
+++ b/dirty.txt
@@ -1,6 +1,4 @@ U001 donate-box, U002 more-link
 Bridge Reopens After Repairs
 
-Support our newsroom today
 The unbelievable queue of cyclists waited at dawn for the barriers to lift.
 Engineers said the deck would last another fifty years.
-More from the Valley
1 of 2 files would be cleaned: 2 removals, 1 flag.
";
    assert_eq!(stdout(&o), expected);
    assert_eq!(stderr(&o), "");
}

#[test]
fn json_and_jsonl_read_back() {
    let ws = workspace();
    let o = check(ws.path(), &["--format", "json", "dirty.txt", "clean.txt"]);
    assert_eq!(code(&o), Some(1), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("one JSON document");
    assert_eq!(v["summary"]["files"], 2);
    assert_eq!(v["summary"]["changed"], 1);
    assert_eq!(v["summary"]["removals"], 2);
    assert_eq!(v["summary"]["flags"], 1);
    assert_eq!(v["files"][0]["path"], "dirty.txt");
    assert_eq!(v["files"][0]["status"], "changed");
    let codes: Vec<&str> = v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["U001", "U003", "U002"]);
    assert_eq!(v["files"][1]["status"], "clean");
    assert_eq!(
        stderr(&o),
        "1 of 2 files would be cleaned: 2 removals, 1 flag.\n",
        "the summary goes to standard error beside a JSON document"
    );

    let o = check(ws.path(), &["--format", "jsonl", "dirty.txt", "clean.txt"]);
    assert_eq!(code(&o), Some(1));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["path"], "dirty.txt");
    assert_eq!(lines[0]["findings"][2]["start"]["line"], 6);
    assert_eq!(lines[1]["path"], "clean.txt");
}

#[test]
fn github_annotations_one_per_finding() {
    let ws = workspace();
    let o = check(ws.path(), &["--format", "github", "dirty.txt", "clean.txt"]);
    assert_eq!(code(&o), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(
        lines[0].starts_with(
            "::warning file=dirty.txt,line=3,endLine=3,col=1,endColumn=26,title=U001 donate-box::"
        ),
        "{out}"
    );
    assert!(
        lines[1].starts_with("::notice file=dirty.txt,line=4,"),
        "a flag is a notice: {out}"
    );
    assert!(lines[2].starts_with("::warning file=dirty.txt,line=6,"));
    assert_eq!(
        lines[3],
        "1 of 2 files would be cleaned: 2 removals, 1 flag."
    );
}

#[test]
fn sarif_to_an_output_file_is_valid() {
    let ws = workspace();
    let o = check(
        ws.path(),
        &[
            "--format",
            "sarif",
            "--output-file",
            "decruft.sarif",
            "dirty.txt",
            "clean.txt",
        ],
    );
    assert_eq!(code(&o), Some(1), "{}", stderr(&o));
    assert_eq!(stdout(&o), "", "the report goes to the file only");
    assert_eq!(
        stderr(&o),
        "1 of 2 files would be cleaned: 2 removals, 1 flag.\n"
    );
    let file = ws.path().join("decruft.sarif");
    let v: Value = serde_json::from_str(&util::read(&file)).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let results = v["runs"][0]["results"].as_array().unwrap();
    let ids: Vec<&str> = results
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["U001", "U003", "U002"]);
    let region = &results[2]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (&region["startLine"], &region["startColumn"]),
        (&6.into(), &1.into())
    );
    assert_eq!(results[1]["level"], "note");
    if let Some(out) = validate("sarif", &file) {
        assert!(out.starts_with("valid SARIF 2.1.0: 3 results"), "{out}");
    }
    let names: Vec<String> = std::fs::read_dir(ws.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".decruft-"))
        .collect();
    assert!(names.is_empty(), "no temporary file left: {names:?}");
}

#[test]
fn junit_reads_back() {
    let ws = workspace();
    let o = check(
        ws.path(),
        &[
            "--format",
            "junit",
            "--output-file",
            "junit.xml",
            "dirty.txt",
            "clean.txt",
            "missing.txt",
        ],
    );
    assert_eq!(code(&o), Some(2), "an unreadable input: {}", stderr(&o));
    let file = ws.path().join("junit.xml");
    let xml = util::read(&file);
    assert!(xml.starts_with("<?xml"), "{xml}");
    let Some(out) = validate("junit", &file) else {
        return;
    };
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (&v["tests"], &v["failures"], &v["errors"]),
        (&3.into(), &1.into(), &1.into())
    );
    let outcomes: Vec<(&str, &str)> = v["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["name"].as_str().unwrap(), c["outcome"].as_str().unwrap()))
        .collect();
    assert_eq!(
        outcomes,
        vec![
            ("dirty.txt", "failure"),
            ("clean.txt", "passed"),
            ("missing.txt", "error")
        ]
    );
    assert_eq!(v["cases"][2]["message"], "No such file or directory");
}

#[test]
fn exit_codes_exit_zero_and_errors() {
    let ws = workspace();
    assert_eq!(code(&check(ws.path(), &["clean.txt"])), Some(0));
    assert_eq!(code(&check(ws.path(), &["dirty.txt"])), Some(1));
    let o = check(ws.path(), &["--exit-zero", "dirty.txt"]);
    assert_eq!(code(&o), Some(0));
    assert!(
        stdout(&o).contains("-Support our newsroom today\n"),
        "--exit-zero still reports"
    );
    let o = check(ws.path(), &["--exit-zero", "dirty.txt", "missing.txt"]);
    assert_eq!(code(&o), Some(2), "errors still exit 2");
    assert!(
        stderr(&o).contains("error: missing.txt: No such file or directory"),
        "{}",
        stderr(&o)
    );
    // a report that cannot be written is an error, not a silent success
    let o = check(
        ws.path(),
        &["--output-file", "no/such/dir/r.txt", "clean.txt"],
    );
    assert_eq!(code(&o), Some(2));
    assert!(
        stderr(&o).contains("error: no/such/dir/r.txt: cannot write: No such file or directory"),
        "{}",
        stderr(&o)
    );
    // bad arguments
    let o = check(ws.path(), &["--format", "xml", "clean.txt"]);
    assert_eq!(code(&o), Some(2));
    let o = check(ws.path(), &["--diff", "--format", "json", "clean.txt"]);
    assert_eq!(code(&o), Some(2), "--diff is a patch, not a report format");
}

#[test]
fn diff_prints_a_plain_patch_and_still_fails() {
    let ws = workspace();
    let o = check(ws.path(), &["--diff", "dirty.txt", "clean.txt"]);
    assert_eq!(code(&o), Some(1), "a diff with changes never exits 0");
    assert_eq!(
        stdout(&o),
        "diff --git a/dirty.txt b/dirty.txt\n--- a/dirty.txt\n+++ b/dirty.txt\n@@ -1,6 +1,4 @@\n Bridge Reopens After Repairs\n \n-Support our newsroom today\n The unbelievable queue of cyclists waited at dawn for the barriers to lift.\n Engineers said the deck would last another fifty years.\n-More from the Valley\n"
    );
    assert_eq!(
        stderr(&o),
        "1 of 2 files would be cleaned: 2 removals, 1 flag.\n"
    );
    let o = check(ws.path(), &["--diff", "clean.txt"]);
    assert_eq!((code(&o), stdout(&o).as_str()), (Some(0), ""));
}

#[test]
fn expected_outputs_missing_then_updated_then_compared() {
    let ws = workspace();
    let dir = ws.path();
    let o = check(dir, &["--expected", "expected", "dirty.txt", "clean.txt"]);
    assert_eq!(code(&o), Some(1), "missing expected files fail");
    assert!(
        stdout(&o).starts_with(
            "diff --git a/expected/dirty.txt b/expected/dirty.txt\nnew file mode 100644\n--- /dev/null\n+++ b/expected/dirty.txt\n"
        ),
        "{}",
        stdout(&o)
    );
    assert!(
        stderr(&o).contains("missing: expected/clean.txt: no expected output for clean.txt"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).ends_with("2 of 2 clean outputs differ from the expected ones (2 missing)\n")
    );
    assert!(!dir.join("expected").exists(), "check writes nothing");

    let o = run(decruft(dir).args([
        "clean",
        "--update-expected",
        "expected",
        "dirty.txt",
        "clean.txt",
    ]));
    assert_eq!(code(&o), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "expected: 2 expected outputs written, 0 unchanged\n"
    );
    assert_eq!(util::read(&dir.join("expected/dirty.txt")), DIRTY_CLEAN);
    assert_eq!(util::read(&dir.join("expected/clean.txt")), CLEAN);

    let o = check(dir, &["--expected", "expected", "dirty.txt", "clean.txt"]);
    assert_eq!(code(&o), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
    assert_eq!(stderr(&o), "2 clean outputs match the expected ones\n");

    // a rule change shows up as a diff from the expected output to the new one
    let o = check(
        dir,
        &[
            "--expected",
            "expected",
            "--ignore",
            "U002",
            "dirty.txt",
            "clean.txt",
        ],
    );
    assert_eq!(code(&o), Some(1));
    let patch = stdout(&o);
    assert_eq!(
        patch,
        "diff --git a/expected/dirty.txt b/expected/dirty.txt\n--- a/expected/dirty.txt\n+++ b/expected/dirty.txt\n@@ -2,3 +2,4 @@\n \n The unbelievable queue of cyclists waited at dawn for the barriers to lift.\n Engineers said the deck would last another fifty years.\n+More from the Valley\n"
    );
    let o = check(
        dir,
        &[
            "--expected",
            "expected",
            "--ignore",
            "U002",
            "--exit-zero",
            "dirty.txt",
        ],
    );
    assert_eq!(code(&o), Some(0), "--exit-zero covers differences");

    // the patch applies to the expected files, as --update-expected would
    write(dir, "change.patch", &patch);
    let git = run(Command::new("git")
        .args(["apply", "change.patch"])
        .current_dir(dir));
    assert!(git.status.success(), "{}", stderr(&git));
    assert_eq!(
        util::read(&dir.join("expected/dirty.txt")),
        format!("{DIRTY_CLEAN}More from the Valley\n")
    );

    let o = run(decruft(dir).args([
        "clean",
        "--update-expected",
        "expected",
        "dirty.txt",
        "clean.txt",
    ]));
    assert_eq!(
        stderr(&o),
        "expected: 1 expected output written, 1 unchanged\n"
    );
    assert_eq!(util::read(&dir.join("expected/dirty.txt")), DIRTY_CLEAN);
}

#[test]
fn select_ignore_and_extend_select_on_every_command() {
    let ws = workspace();
    let dir = ws.path();
    write(
        dir,
        "weather.txt",
        "Fog Lifts\n\nToday: 12°C\nThe ferry ran on time again.\n",
    );
    let codes = |args: &[&str]| -> Vec<String> {
        let o = check(dir, &[&["--format", "json"], args].concat());
        let v: Value =
            serde_json::from_str(&stdout(&o)).unwrap_or_else(|_| panic!("{}", stderr(&o)));
        v["files"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|f| f["findings"].as_array().unwrap().clone())
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    let files = ["dirty.txt", "weather.txt"];
    assert_eq!(codes(&files), vec!["U001", "U003", "U002"]);
    assert_eq!(
        codes(&[&["--select", "U001"][..], &files].concat()),
        vec!["U001"]
    );
    assert_eq!(
        codes(&[&["--select", "U", "--ignore", "U001,U003"][..], &files].concat()),
        vec!["U002", "U004"],
        "select U runs U004 too; the longer ignore wins over the prefix"
    );
    assert_eq!(
        codes(&[&["--ignore", "U001", "--ignore", "U003"][..], &files].concat()),
        vec!["U002"]
    );
    assert_eq!(
        codes(&[&["--extend-select", "u004"][..], &files].concat()),
        vec!["U001", "U003", "U002", "U004"],
        "extend-select adds a rule the config disables"
    );

    let o = run(decruft(dir).args(["clean", "--select", "U002", "dirty.txt"]));
    assert_eq!(
        stdout(&o),
        "Bridge Reopens After Repairs\n\nSupport our newsroom today\nThe unbelievable queue of cyclists waited at dawn for the barriers to lift.\nEngineers said the deck would last another fifty years.\n"
    );

    let o = run(decruft(dir).args(["rules", "--ignore", "U00", "--extend-select", "U004"]));
    assert_eq!(code(&o), Some(0), "{}", stderr(&o));
    let enabled: Vec<String> = stdout(&o)
        .lines()
        .filter(|l| l.starts_with('U') && l.ends_with("yes"))
        .map(|l| l[..4].to_string())
        .collect();
    assert_eq!(enabled, vec!["U004"]);

    for args in [
        &["check", "--select", "U9", "dirty.txt"][..],
        &["clean", "--ignore", "X", "dirty.txt"][..],
        &["rules", "--extend-select", "Q001"][..],
    ] {
        let o = run(decruft(dir).args(args));
        assert_eq!(code(&o), Some(2), "{args:?}");
        assert!(
            stderr(&o).contains("unknown rule code or prefix"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn keep_markers_are_honoured_and_unused_ones_reported() {
    let ws = workspace();
    let dir = ws.path();
    let text = "Bridge Reopens After Repairs\n\n<!-- decruft: keep U001 -->\nSupport our newsroom today\nEngineers said the deck would last.\n\ndecruft: keep U002\nThe unbelievable queue waited at dawn.\n";
    write(dir, "marked.txt", text);
    let o = check(dir, &["marked.txt"]);
    assert_eq!(code(&o), Some(0), "nothing left to remove: {}", stdout(&o));
    assert_eq!(
        stdout(&o),
        "marked.txt:8:5: U003 hype-word [flag] a hype word: \"unbelievable\"\n\
         marked.txt:7:1: unused-keep unused code(s) in `decruft: keep` marker: U002 would remove nothing here\n\
         1 file checked, nothing to clean: 0 removals, 1 flag, 1 kept by markers, 1 unused marker.\n"
    );
    let o = run(decruft(dir).args(["clean", "marked.txt"]));
    assert_eq!(
        stdout(&o),
        text,
        "clean keeps the marked line and the markers"
    );
    assert_eq!(
        stderr(&o),
        "warning: marked.txt:7:1: unused code(s) in `decruft: keep` marker: U002 would remove nothing here\n"
    );
}

#[test]
fn per_file_ignores_are_relative_to_the_config_file() {
    let ws = workspace();
    let dir = ws.path();
    write(dir, "archive/2019/old.txt", DIRTY);
    let codes = |cwd: &Path, path: &str| -> Vec<String> {
        let o = check(cwd, &["--format", "jsonl", path]);
        let v: Value =
            serde_json::from_str(stdout(&o).trim()).unwrap_or_else(|_| panic!("{}", stderr(&o)));
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(codes(dir, "archive/2019/old.txt"), vec!["U001", "U003"]);
    assert_eq!(codes(dir, "./archive/2019/old.txt"), vec!["U001", "U003"]);
    // from inside the archive, with the config found in a parent directory
    assert_eq!(
        codes(&dir.join("archive"), "2019/old.txt"),
        vec!["U001", "U003"]
    );
    assert_eq!(
        codes(&dir.join("archive"), "../dirty.txt"),
        vec!["U001", "U003", "U002"],
        "files outside archive/ are not ignored"
    );
    let o = check(dir, &["archive/2019/old.txt"]);
    assert!(
        stdout(&o).ends_with(
            "1 of 1 file would be cleaned: 1 removal, 1 flag, 1 ignored by per-file-ignores.\n"
        ),
        "{}",
        stdout(&o)
    );
    let o = run(decruft(dir).args(["clean", "archive/2019/old.txt"]));
    assert!(
        stdout(&o).contains("More from the Valley"),
        "clean honours them too"
    );
}

/// A page whose article holds the donation box, between a menu and a footer. Its visible
/// text, one block per line: 1 menu, 2 headline, 3 paragraph, 4 box, 5 paragraph, 6 footer.
const PAGE: &str = "<!doctype html><html><head><meta charset=utf-8>\
<title>Bridge Reopens After Repairs</title></head><body>\
<nav><a href=/>Home</a> <a href=/n>News</a> <a href=/v>Valley</a></nav>\
<article><h1>Bridge Reopens After Repairs</h1>\
<p>The queue of cyclists waited at dawn for the barriers to lift on the old river bridge, which had been closed since the spring floods.</p>\
<p>Support our newsroom today</p>\
<p>Engineers said the deck would last another fifty years now that the piers had been rebuilt in stone and steel by the county.</p>\
</article><footer>Copyright 2024 Valley Post. All rights reserved.</footer></body></html>";

#[test]
fn html_pages_are_checked_on_their_visible_text_in_every_view() {
    let ws = workspace();
    let dir = ws.path();
    write(dir, "page.html", PAGE);
    let o = check(dir, &["--format", "json", "page.html"]);
    assert_eq!(code(&o), Some(1), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("one JSON document");
    let found: Vec<(&str, u64, &str)> = v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap(),
                f["start"]["line"].as_u64().unwrap(),
                f["text"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("X001", 1, "Home News Valley"),
            ("U001", 4, "Support our newsroom today"),
            (
                "X001",
                6,
                "Copyright 2024 Valley Post. All rights reserved."
            ),
        ]
    );
    assert_eq!(v["summary"]["removals"], 3);
    // the patch of `check --diff` is the diff of `clean --diff`
    let patch = check(dir, &["--diff", "page.html"]);
    assert_eq!(code(&patch), Some(1));
    let diff = run(decruft(dir).args(["clean", "--diff", "page.html"]));
    assert_eq!(stdout(&patch), stdout(&diff));
    assert!(stdout(&patch).contains("\n-Support our newsroom today\n"));
    // read as text, nothing is extracted: only the user rule finds the markup holding the box
    let o = check(
        dir,
        &["--input-format", "text", "--format", "jsonl", "page.html"],
    );
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["U001"]);

    // the expected output of a page is its clean text, named as `--out` names it
    let o = run(decruft(dir).args(["clean", "--update-expected", "exp", "page.html"]));
    assert_eq!(code(&o), Some(0), "{}", stderr(&o));
    let article = stdout(&run(decruft(dir).args(["clean", "page.html"])));
    assert!(article.starts_with("Bridge Reopens After Repairs\n\nThe queue"));
    assert_eq!(util::read(&dir.join("exp/page.txt")), article);
    let o = check(dir, &["--expected", "exp", "page.html"]);
    assert_eq!(code(&o), Some(0), "{}", stdout(&o));
    assert_eq!(stderr(&o), "1 clean output matches the expected ones\n");
}

/// Two JSONL records: the first with the box and a link, the second with the box kept by a
/// marker and the link.
const DUMP: &str = concat!(
    r#"{"id":"a","title":"Bridge Reopens","text":"The queue waited at dawn.\n\nSupport our newsroom today\n\nMore from the Valley"}"#,
    "\n",
    r#"{"id":"b","title":"Choir Wins","text":"decruft: keep\nSupport our newsroom today\n\nThe choir sang.\n\nMore from the Valley"}"#,
    "\n"
);

#[test]
fn dump_records_honour_markers_per_file_ignores_and_selection() {
    let ws = workspace();
    let dir = ws.path();
    // per-file-ignores take U002 out of everything under archive/, records of dumps included
    write(dir, "archive/dump.jsonl", DUMP);
    for input in ["archive/dump.jsonl", "archive"] {
        let o = check(dir, &["--format", "jsonl", input]);
        assert_eq!(code(&o), Some(1), "{input}: {}", stderr(&o));
        let lines: Vec<Value> = stdout(&o)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2, "{input}");
        assert_eq!(lines[0]["path"], "archive/dump.jsonl:1");
        assert_eq!(lines[0]["findings"].as_array().unwrap().len(), 1);
        assert_eq!(lines[0]["findings"][0]["code"], "U001");
        assert_eq!(lines[0]["ignored"], 1);
        assert_eq!(lines[1]["status"], "clean", "{}", lines[1]);
        assert_eq!(lines[1]["suppressed"], 1);
        assert_eq!(lines[1]["ignored"], 1);
    }
    let o = run(decruft(dir).args(["clean", "-q", "--out", "out.jsonl", "archive/dump.jsonl"]));
    assert_eq!(code(&o), Some(0), "{}", stderr(&o));
    let texts: Vec<String> = util::read(&dir.join("out.jsonl"))
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["text"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        texts,
        vec![
            "The queue waited at dawn.\n\nMore from the Valley",
            "decruft: keep\nSupport our newsroom today\n\nThe choir sang.\n\nMore from the Valley",
        ]
    );
    // selection applies to records too; the marker then keeps nothing, which is reported
    let o = check(dir, &["--ignore", "U001", "archive/dump.jsonl"]);
    assert_eq!(code(&o), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("archive/dump.jsonl:2:3:1: unused-keep unused `decruft: keep` marker"),
        "{}",
        stdout(&o)
    );
    // expected outputs are kept per document, which a dump record is not
    let o = check(dir, &["--expected", "exp", "archive/dump.jsonl"]);
    assert_eq!(code(&o), Some(2));
    assert!(
        stderr(&o)
            .contains("archive/dump.jsonl: --expected keeps one expected output per document"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn completions_and_man_page() {
    let dir = tempfile::tempdir().unwrap();
    // a broken config must not matter: these describe the command line only
    write(dir.path(), "decruft.toml", "this is not toml");
    for shell in ["bash", "zsh", "fish"] {
        let o = run(decruft(dir.path()).args(["completions", shell]));
        assert_eq!(code(&o), Some(0), "{shell}: {}", stderr(&o));
        let out = stdout(&o);
        for word in ["check", "format", "sarif", "expected", "completions"] {
            assert!(out.contains(word), "{shell} completion lacks {word}");
        }
    }
    let o = run(decruft(dir.path()).args(["completions", "tcsh-or-so"]));
    assert_eq!(code(&o), Some(2));
    let o = run(decruft(dir.path()).arg("man"));
    assert_eq!(code(&o), Some(0), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.contains(".TH decruft 1"), "{page}");
    assert!(page.contains(".SH SUBCOMMANDS"), "{page}");
    let o = run(decruft(dir.path()).args(["man", "check"]));
    assert_eq!(code(&o), Some(0), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.contains(".TH decruft-check 1"), "{page}");
    for option in [
        r"\-\-format",
        r"\-\-output\-file",
        r"\-\-exit\-zero",
        "sarif",
    ] {
        assert!(page.contains(option), "the check page lacks {option}");
    }
    let o = run(decruft(dir.path()).args(["man", "nope"]));
    assert_eq!(code(&o), Some(2));
    assert!(stderr(&o).contains("no command `nope`"), "{}", stderr(&o));
}
