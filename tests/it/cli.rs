//! The command line end to end: exit codes, output shapes, `--out`, config discovery.

use std::process::Stdio;

use crate::util::{builtins_off, decruft, files_in, read, root, run, stderr, stdout, write};

/// A config with user rules, so that tests do not depend on which built-in rules exist.
/// Every built-in rule is disabled (see [`workspace`]) so that outputs depend on these alone.
const CONFIG: &str = r#"
allow = ["Sponsored by the Reader Fund"]

[[rule]]
code = "U001"
name = "sponsor-line"
regex = "^Sponsored by"
message = "a sponsor line"

[[rule]]
code = "U002"
name = "promo-phrase"
phrase = "best deals online"
action = "drop-span"
message = "a promotional phrase"
"#;

/// An article the config above changes: one sponsor line dropped, one phrase cut, one
/// sponsor line kept by the allow-list.
const ARTICLE: &str = "Harbour Ferry Returns After Winter Repairs\n\
\n\
The ferry to the outer islands sailed again on Monday after three months in dry dock.\n\
Sponsored by Coastline Outfitters\n\
\n\
Tickets, now among the best deals online for island trips, cost the same as last year.\n\
Sponsored by the Reader Fund\n";

const ARTICLE_CLEAN: &str = "Harbour Ferry Returns After Winter Repairs\n\
\n\
The ferry to the outer islands sailed again on Monday after three months in dry dock.\n\
\n\
Tickets, now among the for island trips, cost the same as last year.\n\
Sponsored by the Reader Fund\n";

/// Already in the form `clean` writes, and nothing for the config to remove.
const UNCHANGED: &str =
    "Orchard Harvest Starts Early\n\nGrowers began picking apples a week ahead of schedule.\n";

/// A temporary directory holding `decruft.toml` (the config above), `article.txt` and
/// `unchanged.txt`.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "decruft.toml",
        format!("{}{CONFIG}", builtins_off()),
    );
    write(dir.path(), "article.txt", ARTICLE);
    write(dir.path(), "unchanged.txt", UNCHANGED);
    dir
}

#[test]
fn clean_prints_the_clean_article_and_exits_0() {
    let ws = workspace();
    let o = run(decruft(ws.path()).args(["clean", "article.txt"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), ARTICLE_CLEAN);
    assert_eq!(stderr(&o), "");
}

#[test]
fn clean_reads_standard_input_without_a_path_or_with_dash() {
    let ws = workspace();
    for args in [&["clean"][..], &["clean", "-"][..]] {
        let mut child = decruft(ws.path())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), ARTICLE.as_bytes()).unwrap();
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(stdout(&o), ARTICLE_CLEAN);
    }
}

#[test]
fn several_inputs_are_printed_in_order_with_headers() {
    let ws = workspace();
    let o = run(decruft(ws.path()).args(["clean", "article.txt", "unchanged.txt"]));
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        format!("==> article.txt <==\n{ARTICLE_CLEAN}\n==> unchanged.txt <==\n{UNCHANGED}")
    );
}

#[test]
fn user_rules_drop_lines_and_spans_and_the_allow_list_protects() {
    // the same config given with --config from another directory
    let ws = workspace();
    let elsewhere = tempfile::tempdir().unwrap();
    let cfg = ws.path().join("decruft.toml");
    let art = ws.path().join("article.txt");
    let o = run(decruft(elsewhere.path())
        .arg("--config")
        .arg(&cfg)
        .arg("clean")
        .arg(&art));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains("Coastline Outfitters"), "{out}");
    assert!(!out.contains("best deals online"), "{out}");
    assert!(
        out.contains("Sponsored by the Reader Fund"),
        "the allow-list must keep this line: {out}"
    );
    assert_eq!(out, ARTICLE_CLEAN);
}

#[test]
fn config_is_discovered_from_a_parent_directory_and_no_config_ignores_it() {
    let ws = workspace();
    write(ws.path(), "deep/er/article.txt", ARTICLE);
    let sub = ws.path().join("deep/er");
    let o = run(decruft(&sub).args(["clean", "article.txt"]));
    assert_eq!(stdout(&o), ARTICLE_CLEAN);
    let o = run(decruft(&sub).args(["--no-config", "clean", "--json", "article.txt"]));
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim_end()).unwrap();
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(
        !codes.iter().any(|c| c.starts_with('U')),
        "no user rule without the config: {codes:?}"
    );
}

#[test]
fn diff_output_is_git_style() {
    let ws = workspace();
    let o = run(decruft(ws.path()).args(["clean", "--diff", "--color", "never", "./article.txt"]));
    assert_eq!(o.status.code(), Some(0));
    let d = stdout(&o);
    assert!(
        d.starts_with(
            "diff --git a/article.txt b/article.txt\n--- a/article.txt\n+++ b/article.txt\n@@ "
        ),
        "{d}"
    );
    assert!(d.contains("\n-Sponsored by Coastline Outfitters\n"), "{d}");
    assert!(
        d.contains("\n+Tickets, now among the for island trips, cost the same as last year.\n"),
        "{d}"
    );
    assert!(!d.contains('\x1b'), "no colour when not asked for: {d}");
}

#[test]
fn colour_is_used_only_when_asked_or_on_a_terminal() {
    let ws = workspace();
    let o = run(decruft(ws.path()).args(["--color", "always", "clean", "--diff", "article.txt"]));
    let d = stdout(&o);
    assert!(d.starts_with("\x1b[1mdiff --git a/article.txt"), "{d:?}");
    assert!(
        d.contains("\x1b[31m-Sponsored by Coastline Outfitters\x1b[0m\n"),
        "{d:?}"
    );
    assert!(d.contains("\x1b[36m@@ "), "{d:?}");
    // auto: stdout is a pipe here
    let o = run(decruft(ws.path()).args(["check", "article.txt"]));
    assert!(!stdout(&o).contains('\x1b'));
}

#[test]
fn json_reports_every_field() {
    let ws = workspace();
    let o = run(decruft(ws.path()).args(["clean", "--json", "article.txt", "unchanged.txt"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "one line per input: {out}");
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["path"], "article.txt");
    assert_eq!(v["title"], "Harbour Ferry Returns After Winter Repairs");
    let body = ARTICLE_CLEAN.split_once("\n\n").unwrap().1.trim_end();
    assert_eq!(v["text"], body);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2, "{findings:?}");
    let line = &findings[0];
    let start = ARTICLE.find("Sponsored by Coastline").unwrap();
    assert_eq!(line["code"], "U001");
    assert_eq!(line["name"], "sponsor-line");
    assert_eq!(line["action"], "drop-line");
    assert_eq!(line["line"], 4);
    assert_eq!(line["start"], start);
    assert_eq!(
        line["end"],
        start + "Sponsored by Coastline Outfitters".len()
    );
    assert_eq!(line["text"], "Sponsored by Coastline Outfitters");
    assert_eq!(line["message"], "a sponsor line");
    let span = &findings[1];
    let start = ARTICLE.find("best deals online").unwrap();
    assert_eq!(span["code"], "U002");
    assert_eq!(span["name"], "promo-phrase");
    assert_eq!(span["action"], "drop-span");
    assert_eq!(span["line"], 6);
    assert_eq!(
        (span["start"].as_u64(), span["end"].as_u64()),
        (Some(start as u64), Some((start + 17) as u64))
    );
    assert_eq!(span["text"], "best deals online");
    assert_eq!(span["message"], "a promotional phrase");
    for f in findings {
        let keys: Vec<&String> = f.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 8, "{keys:?}");
    }
    let v: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(v["path"], "unchanged.txt");
    assert_eq!(v["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn out_writes_one_file_per_input_with_the_same_name() {
    let ws = workspace();
    let mut child = decruft(ws.path())
        .args([
            "clean",
            "--out",
            "clean/here",
            "article.txt",
            "unchanged.txt",
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), ARTICLE.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "", "nothing printed with --out");
    let out = ws.path().join("clean/here");
    assert_eq!(
        files_in(&out),
        vec!["article.txt", "stdin.txt", "unchanged.txt"],
        "no temporary file left"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("article.txt")).unwrap(),
        ARTICLE_CLEAN
    );
    assert_eq!(
        std::fs::read_to_string(out.join("stdin.txt")).unwrap(),
        ARTICLE_CLEAN
    );
    assert_eq!(
        std::fs::read_to_string(out.join("unchanged.txt")).unwrap(),
        UNCHANGED
    );
}

#[test]
fn out_never_lets_two_inputs_share_a_file() {
    let ws = workspace();
    write(ws.path(), "other/article.txt", UNCHANGED);
    let o =
        run(decruft(ws.path()).args(["clean", "--out", "out", "article.txt", "other/article.txt"]));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("error: other/article.txt: not written"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(ws.path().join("out/article.txt")).unwrap(),
        ARTICLE_CLEAN,
        "the first stays"
    );
    // nor overwrite the input itself
    let o = run(decruft(ws.path()).args(["clean", "--out", ".", "article.txt"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("would overwrite the input"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(ws.path().join("article.txt")).unwrap(),
        ARTICLE
    );
}

#[test]
fn check_exit_codes() {
    let ws = workspace();
    let o = run(decruft(ws.path()).args(["check", "article.txt", "unchanged.txt"]));
    assert_eq!(o.status.code(), Some(1), "changes found");
    assert!(
        stdout(&o).starts_with("article.txt:4:1: U001 sponsor-line [drop-line] a sponsor line: \"Sponsored by Coastline Outfitters\"\n"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("\ndiff --git a/article.txt b/article.txt\n"));
    assert!(!stdout(&o).contains("unchanged.txt"));
    assert!(stdout(&o).ends_with("\n1 of 2 files would be cleaned: 2 removals, 0 flags.\n"));
    assert_eq!(stderr(&o), "");
    assert!(!ws.path().join("out").exists());

    let o = run(decruft(ws.path()).args(["check", "unchanged.txt"]));
    assert_eq!(o.status.code(), Some(0), "nothing to change");
    assert_eq!(
        stdout(&o),
        "1 file checked, nothing to clean: 0 removals, 0 flags.\n"
    );
    assert_eq!(stderr(&o), "");

    let o = run(decruft(ws.path()).args(["check", "article.txt", "missing.txt"]));
    assert_eq!(o.status.code(), Some(2), "errors win over changes");
    assert!(
        stderr(&o).contains("error: missing.txt: No such file or directory\n"),
        "{}",
        stderr(&o)
    );
    assert!(
        stdout(&o).contains("\ndiff --git a/article.txt"),
        "the readable input is still checked"
    );

    assert_eq!(
        std::fs::read_to_string(ws.path().join("article.txt")).unwrap(),
        ARTICLE,
        "check writes nothing"
    );
}

#[test]
fn a_bad_config_is_an_error_naming_file_line_and_key() {
    let ws = workspace();
    write(
        ws.path(),
        "decruft.toml",
        "disable = []\n\n[[rule]]\ncode = \"U001\"\nregexp = \"x\"\n",
    );
    for args in [
        &["check", "unchanged.txt"][..],
        &["clean", "unchanged.txt"][..],
        &["rules"][..],
    ] {
        let o = run(decruft(ws.path()).args(args));
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.starts_with("error: "), "{err}");
        assert!(err.contains("decruft.toml:5:"), "{err}");
        assert!(err.contains("regexp"), "{err}");
        assert_eq!(stdout(&o), "");
    }
    // an unknown rule code in `disable` names the file too
    write(ws.path(), "decruft.toml", "disable = [\"Q123\"]\n");
    let o = run(decruft(ws.path()).args(["check", "unchanged.txt"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("decruft.toml: unknown rule code or prefix `Q123`"),
        "{}",
        stderr(&o)
    );
    // --config naming a missing file
    let o = run(decruft(ws.path()).args(["--config", "nope.toml", "rules"]));
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: nope.toml: cannot read: No such file or directory\n"
    );
}

#[test]
fn rules_lists_every_code_and_explains_one() {
    let ws = workspace();
    let o = run(decruft(ws.path()).arg("rules"));
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let mut lines = out.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["CODE", "NAME", "ACTION", "ENABLED"]);
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split_whitespace().collect()).collect();
    let registry = decruft::rules::registry();
    assert_eq!(
        rows.len(),
        registry.len() + 2,
        "built-in rules then the two user rules: {out}"
    );
    for (row, rule) in rows.iter().zip(registry) {
        let m = rule.meta();
        assert_eq!(row[..3], [m.code, m.name, m.action.as_str()]);
        assert_eq!(row[3], "no", "the test config disables every built-in rule");
    }
    assert_eq!(
        rows[registry.len()],
        ["U001", "sponsor-line", "drop-line", "yes"]
    );
    assert_eq!(
        rows[registry.len() + 1],
        ["U002", "promo-phrase", "drop-span", "yes"]
    );

    // disabling shows in the table
    write(
        ws.path(),
        "decruft.toml",
        format!("disable = [\"U002\"]\n{CONFIG}"),
    );
    let out = stdout(&run(decruft(ws.path()).arg("rules")));
    for (line, rule) in out.lines().skip(1).zip(registry) {
        let m = rule.meta();
        let enabled = line.split_whitespace().nth(3);
        assert_eq!(
            enabled,
            Some(if m.default_enabled { "yes" } else { "no" }),
            "{line}"
        );
    }
    assert!(
        out.lines().any(|l| l.split_whitespace().collect::<Vec<_>>()
            == ["U002", "promo-phrase", "drop-span", "no"]),
        "{out}"
    );

    let o = run(decruft(ws.path()).args(["rules", "sponsor-line"]));
    assert!(
        stdout(&o).starts_with("# U001 sponsor-line\n"),
        "by name: {}",
        stdout(&o)
    );
    let o = run(decruft(ws.path()).args(["rules", "u001"]));
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).starts_with("# U001 sponsor-line\n"),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("`^Sponsored by`"));

    if let Some(first) = registry.first() {
        let m = first.meta();
        let o = run(decruft(ws.path()).args(["rules", m.code]));
        assert_eq!(o.status.code(), Some(0));
        assert!(stdout(&o).contains("## What it does"), "{}", stdout(&o));
    }
}

#[test]
fn an_unknown_rule_code_exits_2_with_a_hint() {
    let ws = workspace();
    let o = run(decruft(ws.path()).args(["rules", "Z999"]));
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).contains("unknown rule code `Z999`"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("`decruft rules` lists the codes"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn help_and_version() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(decruft(dir.path()).arg("--help"));
    assert_eq!(o.status.code(), Some(0));
    let help = stdout(&o);
    for word in [
        "clean",
        "check",
        "rules",
        "Exit status",
        "Examples",
        "--config",
        "--no-config",
        "--color",
    ] {
        assert!(help.contains(word), "{word} missing from --help");
    }
    let o = run(decruft(dir.path()).arg("--version"));
    assert_eq!(
        stdout(&o),
        format!("decruft {}\n", env!("CARGO_PKG_VERSION"))
    );
    let o = run(decruft(dir.path()).args(["clean", "--diff", "--json", "a.txt"]));
    assert_eq!(o.status.code(), Some(2), "usage errors exit 2");
}

#[test]
fn the_share_widget_rule_removes_a_lone_x_when_present() {
    if decruft::rules::find("J002").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "Bridge Reopens to Cyclists\n\nX\nThe old bridge reopened to cyclists on Sunday after repairs.\n",
    );
    let o = run(decruft(dir.path()).args(["--no-config", "check", "a.txt"]));
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("\n-X\n"), "{}", stdout(&o));
    let o = run(decruft(dir.path()).args(["--no-config", "clean", "a.txt"]));
    assert_eq!(stdout(&o), "Bridge Reopens to Cyclists\n\nThe old bridge reopened to cyclists on Sunday after repairs.\n");
}

#[test]
fn html_input_can_be_forced_to_be_cleaned_as_text() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "page.html", "<!DOCTYPE html>\n<p>Hello</p>\n");
    let o = run(decruft(dir.path()).args([
        "--no-config",
        "clean",
        "--input-format",
        "text",
        "page.html",
    ]));
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "<!DOCTYPE html>\n\n<p>Hello</p>\n");
    assert_eq!(stderr(&o), "");
}

/// The README's before/after is what `decruft clean --diff docs/example.txt` prints today.
#[test]
fn readme_example_diff_is_current() {
    let readme = read(&root().join("README.md"));
    let start = readme.find("```diff\n").expect("the README shows a diff") + "```diff\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let o = run(decruft(&root()).args(["--no-config", "clean", "--diff", "docs/example.txt"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), &readme[start..end]);
}
