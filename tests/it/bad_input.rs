//! Inputs a batch job meets in the wild: empty, binary, CRLF, huge, missing; and outputs that
//! fail or whose reader goes away. None may panic, and every error names its input.

use std::path::Path;
use std::process::Stdio;

use crate::util::{builtins_off, decruft, files_in, first_line_then_close, run, stderr, stdout};

/// `decruft` run in `dir` with every built-in rule turned off, for tests whose expected output
/// is about input handling, not about what the rules remove (they have their own fixtures).
fn without_builtin_rules(dir: &Path) -> std::process::Command {
    std::fs::write(dir.join("rules-off.toml"), builtins_off()).unwrap();
    let mut cmd = decruft(dir);
    cmd.args(["--config", "rules-off.toml"]);
    cmd
}

fn assert_no_panic(o: &std::process::Output) {
    assert!(!stderr(o).contains("panicked"), "{}", stderr(o));
    assert_ne!(o.status.code(), Some(101), "{}", stderr(o));
}

#[test]
fn empty_file_and_empty_stdin_give_empty_output() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    let o = run(without_builtin_rules(dir.path()).args(["clean", "empty.txt"]));
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(o.stdout, b"");
    assert_eq!(stderr(&o), "");
    let o = run(without_builtin_rules(dir.path())
        .args(["clean"])
        .stdin(Stdio::null()));
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(o.stdout, b"");
    let o = run(without_builtin_rules(dir.path()).args(["check", "empty.txt"]));
    assert_eq!(
        o.status.code(),
        Some(0),
        "an empty file has nothing to change"
    );
}

#[test]
fn invalid_utf8_is_replaced_with_one_warning_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        b"Caf\xE9 Opens\n\nThe caf\xE9 opened on the \xFF\xFE square.\n",
    )
    .unwrap();
    let o = run(without_builtin_rules(dir.path()).args(["clean", "a.txt"]));
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "Caf\u{FFFD} Opens\n\nThe caf\u{FFFD} opened on the \u{FFFD}\u{FFFD} square.\n"
    );
    assert_eq!(
        stderr(&o),
        "warning: a.txt: not valid UTF-8; invalid bytes replaced\n",
        "one warning per file"
    );
}

#[test]
fn binary_bytes_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    // every byte value, NULs and lone continuation bytes included, in a few shapes
    let mut bytes: Vec<u8> = (0..=255u8).cycle().take(256 * 40).collect();
    bytes.extend_from_slice(b"\r\r\n\n\0\0\xC3");
    std::fs::write(dir.path().join("blob.bin"), &bytes).unwrap();
    for args in [
        &["clean", "blob.bin"][..],
        &["clean", "--json", "blob.bin"][..],
        &["check", "blob.bin"][..],
    ] {
        let o = run(decruft(dir.path()).arg("--no-config").args(args));
        assert_no_panic(&o);
        assert!(
            o.status.code() == Some(0) || o.status.code() == Some(1),
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(
            stderr(&o).contains("warning: blob.bin: not valid UTF-8"),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn spaces_of_more_than_one_byte_around_sentence_stops_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    // a keyword label and a comma tail after a sentence whose last word follows a no-break
    // space: the rules look back from the stop to that word
    let text = "Ferry Fares Rise at Portmere\n\n\
        The ferry company raised fares on Monday and\u{a0}left. Portmere ferry fares news: the \
        company said the rise would pay for new boats and more crew on the winter routes.\n\n\
        Fares rose by a tenth on\u{3000}Monday, Portmere ferry fares news today. The company \
        said\u{2009}so.\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let o = run(decruft(dir.path()).args(["--no-config", "clean", "a.txt"]));
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("raised fares on Monday and\u{a0}left."));
    assert!(stdout(&o).contains("The company said\u{2009}so."));
}

#[test]
fn crlf_line_endings_are_kept_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let config = format!(
        "{}[[rule]]\ncode = \"U001\"\nregex = \"^Advert: \"\n",
        builtins_off()
    );
    std::fs::write(dir.path().join("decruft.toml"), config).unwrap();
    let input = "Library Extends Opening Hours\r\n\r\nThe library will open until nine.\r\nAdvert: buy shoes\r\nStaff welcomed the change.\r\n\r\n\r\nVisitors did too.\r\n";
    std::fs::write(dir.path().join("a.txt"), input).unwrap();
    let o = run(decruft(dir.path()).args(["clean", "a.txt"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "Library Extends Opening Hours\r\n\r\nThe library will open until nine.\r\nStaff welcomed the change.\r\n\r\nVisitors did too.\r\n"
    );
    let o = run(decruft(dir.path()).args(["clean", "--out", "out", "a.txt"]));
    assert_eq!(o.status.code(), Some(0));
    let written = std::fs::read_to_string(dir.path().join("out/a.txt")).unwrap();
    assert_eq!(
        written.matches("\r\n").count(),
        written.matches('\n').count(),
        "every newline is CRLF"
    );
}

#[test]
fn a_single_50_mb_line_works() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::with_capacity(50 * 1024 * 1024 + 64);
    text.push_str("Long Line Title\n\n");
    let sentence = "The tide came in slowly over the flat grey sand. ";
    text.push_str(&sentence.repeat(50 * 1024 * 1024 / sentence.len() + 1));
    text.push('\n');
    std::fs::write(dir.path().join("big.txt"), &text).unwrap();
    let o = run(decruft(dir.path()).args(["--no-config", "clean", "big.txt"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // all the built-in rules ran over it; plain prose, so (nearly) all of it comes out
    assert!(o
        .stdout
        .starts_with(b"Long Line Title\n\nThe tide came in slowly"));
    assert!(
        o.stdout.len() <= text.len() && o.stdout.len() > text.len() / 10 * 9,
        "{} bytes out",
        o.stdout.len()
    );
}

#[test]
fn missing_and_directory_inputs_are_named_and_the_others_still_processed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "Good Title\n\nGood body.\n").unwrap();
    std::fs::create_dir(dir.path().join("adir")).unwrap();
    let o = run(without_builtin_rules(dir.path()).args([
        "clean",
        "--out",
        "out",
        "missing.txt",
        "adir",
        "good.txt/inner",
        "good.txt",
    ]));
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(2), "exit 2 at the end");
    let err = stderr(&o);
    assert!(
        err.contains("error: missing.txt: No such file or directory\n"),
        "{err}"
    );
    // a directory is walked; an empty one gives nothing and is no error
    assert!(!err.contains("adir"), "{err}");
    assert!(
        err.contains("error: good.txt/inner: Not a directory\n"),
        "an unreadable path: {err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/good.txt")).unwrap(),
        "Good Title\n\nGood body.\n"
    );
    assert_eq!(files_in(&dir.path().join("out")), vec!["good.txt"]);

    let o = run(without_builtin_rules(dir.path()).args(["clean", "good.txt", "missing.txt"]));
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(stdout(&o), "==> good.txt <==\nGood Title\n\nGood body.\n");
}

#[test]
fn a_failed_write_leaves_no_partial_file_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "A Title\n\nA body.\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), "B Title\n\nB body.\n").unwrap();
    // out/a.txt is taken by a non-empty directory: the rename into place fails
    std::fs::create_dir_all(dir.path().join("out/a.txt")).unwrap();
    std::fs::write(dir.path().join("out/a.txt/keep"), "x").unwrap();
    let o =
        run(without_builtin_rules(dir.path()).args(["clean", "--out", "out", "a.txt", "b.txt"]));
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("error: out/a.txt: cannot write"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        files_in(&dir.path().join("out")),
        vec!["a.txt", "b.txt"],
        "no temporary file left"
    );
    assert_eq!(files_in(&dir.path().join("out/a.txt")), vec!["keep"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/b.txt")).unwrap(),
        "B Title\n\nB body.\n"
    );

    // `write_atomic` on its own
    let target = dir.path().join("out/a.txt");
    assert!(decruft::output::write_atomic(&target, b"data").is_err());
    assert_eq!(files_in(&dir.path().join("out")), vec!["a.txt", "b.txt"]);
}

#[test]
fn a_reader_closing_stdout_early_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Title\n\n");
    for i in 0..200_000 {
        text.push_str(&format!("Line {i} of a long article.\n"));
    }
    std::fs::write(dir.path().join("big.txt"), &text).unwrap();
    let (first, o) =
        first_line_then_close(decruft(dir.path()).args(["--no-config", "clean", "big.txt"]));
    assert_eq!(first, "Title\n");
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
}

#[test]
fn check_still_gives_its_verdict_when_stdout_closes_early() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("decruft.toml"),
        "[[rule]]\ncode = \"U001\"\nregex = \"^Line \"\n",
    )
    .unwrap();
    let mut text = String::from("Title\n\n");
    for i in 0..50_000 {
        text.push_str(&format!("Line {i} of a long article.\nKept {i}.\n"));
    }
    std::fs::write(dir.path().join("big.txt"), &text).unwrap();
    let (first, o) = first_line_then_close(decruft(dir.path()).args([
        "check",
        "--diff",
        "big.txt",
        "missing.txt",
    ]));
    assert_eq!(first, "diff --git a/big.txt b/big.txt\n");
    assert_no_panic(&o);
    assert_eq!(
        o.status.code(),
        Some(2),
        "the later missing input is still reported: {}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("error: missing.txt: No such file or directory"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o)
            .ends_with("1 of 2 files would be cleaned: 50000 removals, 0 flags, 1 file could not be checked.\n"),
        "{}",
        stderr(&o)
    );
}
