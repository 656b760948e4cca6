//! Hostile inputs: what a scraper can hand decruft by accident or by design. Each must end
//! with an output or a clear error naming the input, never a panic, a hang, a memory blow-up
//! or a file written outside `--out`. Big inputs are made in a temporary directory by the
//! test itself, so the repository stays small.

use std::io::Write;
use std::path::Path;
use std::process::Output;

use crate::util::{builtins_off, decruft, files_in, run, stderr, stdout, write};

fn assert_no_panic(o: &Output) {
    assert!(!stderr(o).contains("panicked"), "{}", stderr(o));
    assert_ne!(o.status.code(), Some(101), "{}", stderr(o));
    assert!(
        o.status.code().is_some(),
        "killed by a signal: {:?}",
        o.status
    );
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A text of `n` short distinct lines under a title.
#[test]
fn one_million_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("A Feed Of Numbered Lines\n\n");
    for i in 0..1_000_000 {
        text.push_str(&format!("Entry {i} of the harbour ledger was filed.\n"));
    }
    write(dir.path(), "lines.txt", &text);
    let o = run(decruft(dir.path()).args(["--no-config", "clean", "lines.txt"]));
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("A Feed Of Numbered Lines\n\nEntry 0 of"),
        "{}",
        &out[..200]
    );
    assert!(out.ends_with("Entry 999999 of the harbour ledger was filed.\n"));
}

/// A 100 MB line with no newline at all: one paragraph of plain prose.
#[test]
fn a_100_mb_single_line() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "The ferry left the quay at dawn with nine passengers aboard. ";
    let text = sentence.repeat(100 * 1024 * 1024 / sentence.len() + 1);
    write(dir.path(), "line.txt", &text);
    let o = run(decruft(dir.path()).args(["--no-config", "check", "--quiet", "line.txt"]));
    assert_no_panic(&o);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
}

fn nested(depth: usize) -> String {
    let mut page = String::from("<!DOCTYPE html><html><head><title>Deep</title></head><body>");
    page.push_str(&"<div>".repeat(depth));
    page.push_str("<p>The innermost paragraph of a page nested far too deep for any browser.</p>");
    page.push_str(&"</div>".repeat(depth));
    page.push_str("</body></html>\n");
    page
}

/// 100,000 nested elements: a recursive tree walk would overflow the stack.
#[test]
fn html_nested_100k_levels() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "deep.html", nested(100_000));
    let o = run(decruft(dir.path()).args(["--no-config", "clean", "deep.html"]));
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// The same on the library API, where a caller's thread may have a small stack.
#[test]
fn html_nested_100k_levels_on_a_small_stack() {
    let page = nested(100_000);
    let x = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || decruft::extract::extract_str(&page).visible_text())
        .unwrap()
        .join()
        .expect("extraction must not overflow the stack");
    assert!(x.contains("The innermost paragraph"), "{x}");
}

/// One million sibling elements.
#[test]
fn html_with_a_million_elements() {
    let dir = tempfile::tempdir().unwrap();
    let mut page = String::from("<!DOCTYPE html><html><head><title>Wide</title></head><body>");
    page.push_str("<article><h1>Wide</h1>");
    for i in 0..1_000_000 {
        page.push_str(&format!("<span>w{i}</span>"));
    }
    page.push_str("</article></body></html>\n");
    write(dir.path(), "wide.html", &page);
    let o = run(decruft(dir.path()).args(["--no-config", "clean", "wide.html"]));
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// A 100 KB `.jsonl.gz` that expands to 64 MB stops at `--max-input-size` with an error
/// naming it and exit code 2; the next input is still cleaned.
#[test]
fn a_gzip_bomb_stops_at_max_input_size() {
    let dir = tempfile::tempdir().unwrap();
    let line = b"{\"text\":\"Bomb\\n\\nPadding that compresses very well indeed.\"}\n";
    let bomb = gz(&line.repeat(64 * 1024 * 1024 / line.len()));
    assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
    write(dir.path(), "bomb.jsonl.gz", &bomb);
    write(
        dir.path(),
        "fine.txt",
        "Fine Title\n\nA short and ordinary paragraph.\n",
    );
    let o = run(decruft(dir.path()).args([
        "--no-config",
        "clean",
        "--max-input-size",
        "1M",
        "--out",
        "out",
        "bomb.jsonl.gz",
        "fine.txt",
    ]));
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("bomb.jsonl.gz: ") && err.contains("size limit of 1048576 bytes"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/fine.txt")).unwrap(),
        "Fine Title\n\nA short and ordinary paragraph.\n"
    );
}

/// A single document over the limit is refused before it is read.
#[test]
fn a_document_over_max_input_size_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "big.txt",
        "Big\n\n".to_string() + &"word ".repeat(1000),
    );
    write(dir.path(), "small.txt", "Small\n\nA line.\n");
    let o = run(decruft(dir.path()).args([
        "--no-config",
        "clean",
        "--max-input-size",
        "1K",
        "big.txt",
        "small.txt",
    ]));
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("big.txt: larger than the size limit of 1024 bytes"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("A line."), "{}", stdout(&o));
    let o = run(decruft(dir.path()).args(["clean", "--max-input-size", "lots", "small.txt"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a size"), "{}", stderr(&o));
}

/// A JSONL line of 100 MB is skipped with an error naming its line; the lines around it are
/// cleaned.
#[test]
fn a_100_mb_jsonl_line_is_skipped_and_the_rest_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let mut dump = Vec::new();
    dump.extend_from_slice(b"{\"id\":1,\"text\":\"First\\n\\nThe first record.\"}\n");
    dump.extend_from_slice(b"{\"id\":2,\"text\":\"");
    dump.extend(std::iter::repeat_n(b'a', 100 * 1024 * 1024));
    dump.extend_from_slice(b"\"}\n");
    dump.extend_from_slice(b"{\"id\":3,\"text\":\"Third\\n\\nThe third record.\"}\n");
    write(dir.path(), "d.jsonl", &dump);
    drop(dump);
    let o = run(decruft(dir.path()).args(["--no-config", "clean", "--out", "o", "d.jsonl"]));
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("d.jsonl: line 2: line longer than"),
        "{}",
        stderr(&o)
    );
    let out = std::fs::read_to_string(dir.path().join("o/d.jsonl")).unwrap();
    let ids: Vec<i64> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert_eq!(ids, [1, 3]);
}

/// A WARC response record whose Content-Length is `length(true length)`.
fn warc_record(uri: &str, length: impl Fn(usize) -> String) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{PAGE}");
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        length(http.len())
    )
    .into_bytes();
    r.extend_from_slice(http.as_bytes());
    r.extend_from_slice(b"\r\n\r\n");
    r
}

const PAGE: &str = "<html><head><title>Harbour Opens</title></head><body><article>\
    <h1>Harbour Opens</h1><p>The new harbour opened to ferries on Tuesday after three years \
    of building work along the northern shore.</p></article></body></html>";

/// Content-Length that says less, more, garbage or 2^60: the reader resynchronises on the
/// next record instead of swallowing it, and never allocates what a header claims.
#[test]
fn warc_records_whose_declared_length_lies() {
    let dir = tempfile::tempdir().unwrap();
    let mut warc = Vec::new();
    warc.extend(warc_record("https://a.example/short", |n| {
        (n / 2).to_string()
    }));
    warc.extend(warc_record("https://a.example/good1", |n| n.to_string()));
    warc.extend(warc_record("https://a.example/long", |n| {
        (n + 400).to_string()
    }));
    warc.extend(warc_record("https://a.example/good2", |n| n.to_string()));
    warc.extend(warc_record("https://a.example/junk", |_| "12abc".into()));
    warc.extend(warc_record("https://a.example/good3", |n| n.to_string()));
    warc.extend(warc_record("https://a.example/huge", |_| {
        (1u64 << 60).to_string()
    }));
    write(dir.path(), "lies.warc", &warc);
    let o = run(decruft(dir.path()).args(["--no-config", "clean", "--json", "lies.warc"]));
    assert_no_panic(&o);
    assert!(matches!(o.status.code(), Some(0 | 2)), "{}", stderr(&o));
    let urls: Vec<String> = stdout(&o)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["url"].as_str().map(str::to_string))
        .collect();
    for good in ["good1", "good2", "good3"] {
        assert!(
            urls.contains(&format!("https://a.example/{good}")),
            "{good}: {urls:?}\n{}",
            stderr(&o)
        );
    }
}

/// NUL bytes in text, HTML and JSON: text like any other, never a truncation or a crash.
#[test]
fn nul_bytes_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "nul.txt",
        b"Nul\0Title\n\nA paragraph\0with a NUL byte in the middle.\n\0\0\0\n".as_slice(),
    );
    write(
        dir.path(),
        "nul.html",
        format!(
            "<html><body>\0<article>{}\0</article>\0</body></html>",
            PAGE
        ),
    );
    write(
        dir.path(),
        "nul.jsonl",
        b"{\"text\":\"Nul\\u0000Title\\n\\nBody\\u0000text.\"}\n\0\n{\"text\":\"Ok\\n\\nFine.\"}\n"
            .as_slice(),
    );
    for f in ["nul.txt", "nul.html", "nul.jsonl"] {
        let o = run(decruft(dir.path()).args(["--no-config", "clean", f]));
        assert_no_panic(&o);
        assert!(
            matches!(o.status.code(), Some(0 | 2)),
            "{f}: {}",
            stderr(&o)
        );
    }
    let o = run(decruft(dir.path()).args(["--no-config", "clean", "nul.txt"]));
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).contains("A paragraph\0with a NUL byte"),
        "{:?}",
        stdout(&o)
    );
    // the NUL line of the dump is an error naming its line; both real records are cleaned
    let o = run(decruft(dir.path()).args(["--no-config", "clean", "--json", "nul.jsonl"]));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nul.jsonl: line 2: "), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2, "{}", stdout(&o));
}

/// Lone and reversed UTF-16 surrogates in JSON escapes: an error naming the line when in the
/// text field, the bytes kept as they were in a field decruft does not read.
#[test]
fn invalid_utf16_surrogates_in_json_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let dump = concat!(
        r#"{"id":1,"text":"Lone\n\nA lone \ud800 high surrogate."}"#,
        "\n",
        r#"{"id":2,"text":"Low\n\nA lone \udc00 low surrogate."}"#,
        "\n",
        r#"{"id":3,"text":"Reversed\n\nPair \udc00\ud800 reversed."}"#,
        "\n",
        r#"{"id":4,"extra":"\ud800","text":"Pair\n\nA real pair \ud83d\ude00 here."}"#,
        "\n",
    );
    write(dir.path(), "s.jsonl", dump);
    let o = run(decruft(dir.path()).args(["--no-config", "clean", "--out", "o", "s.jsonl"]));
    assert_no_panic(&o);
    let out = std::fs::read_to_string(dir.path().join("o/s.jsonl")).unwrap();
    // a field decruft does not read is written back byte for byte, lone surrogate and all
    // (JSON's grammar allows it; strict parsers refuse it, so it is not "fixed" silently);
    // every other line is JSON that a strict parser reads
    let mut ids = Vec::new();
    for l in out.lines() {
        if l.starts_with(r#"{"id":4,"extra":"\ud800","text":""#) {
            let v: serde_json::Value =
                serde_json::from_str(&l.replacen(r#""extra":"\ud800","#, "", 1)).unwrap();
            assert!(v["text"].as_str().unwrap().contains('\u{1F600}'), "{l}");
            ids.push(4);
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
        ids.push(v["id"].as_i64().unwrap());
    }
    assert!(ids.contains(&4), "{out}");
    // a record not written back is reported by its line
    for id in 1..=3 {
        if !ids.contains(&id) {
            assert!(
                stderr(&o).contains(&format!("s.jsonl: line {id}: ")),
                "{}",
                stderr(&o)
            );
        }
    }
}

/// `(a|aa)*b`, `(a+)+$` and friends take exponential time in a backtracking engine on a
/// long run of `a`s with no match. The `regex` crate matches in linear time, so the run
/// ends; the bound is 30 s, far above the actual time even in a debug build, only so that
/// an exponential engine (minutes to years on this input) fails instead of hanging CI.
#[test]
fn a_catastrophic_user_regex_stays_linear() {
    let dir = tempfile::tempdir().unwrap();
    let config = builtins_off()
        + r#"
[[rule]]
code = "U001"
regex = '^(a|aa)*b$'

[[rule]]
code = "U002"
regex = '(a+)+$x'
action = "drop-span"

[[rule]]
code = "U003"
regex = '(\w+\s?)*!'
action = "flag"
"#;
    write(dir.path(), "decruft.toml", config);
    let mut text = String::from("Title\n\n");
    for _ in 0..200 {
        text.push_str(&"a".repeat(5_000));
        text.push('\n');
    }
    text.push_str(&"word ".repeat(20_000));
    text.push('\n');
    write(dir.path(), "a.txt", &text);
    let start = std::time::Instant::now();
    let o = run(decruft(dir.path()).args(["check", "--quiet", "a.txt"]));
    let took = start.elapsed();
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "nothing matches: {}", stderr(&o));
    assert!(took.as_secs() < 30, "took {took:?}");
}

/// The names a walked directory can hold: each output lands under `--out`, never outside.
#[cfg(unix)]
#[test]
fn output_names_never_leave_the_output_directory() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let src = root.join("in");
    let outside = root.join("outside");
    std::fs::create_dir_all(src.join("sub")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    let article = "Title\n\nA paragraph.\n";
    let long = "n".repeat(250) + ".txt";
    for name in [
        "CON",
        "nul.txt",
        "a:b?.txt",
        "back\\slash..txt",
        "..txt",
        long.as_str(),
    ] {
        write(&src, name, article);
    }
    write(&src.join("sub"), "COM1.txt", article);
    write(
        &outside,
        "secret.txt",
        "Secret\n\nNot an input of this run.\n",
    );
    // links out of the tree: a file link is read as an input under its own name; a
    // directory link is walked, its files written under the link's name, inside --out
    std::os::unix::fs::symlink(outside.join("secret.txt"), src.join("link.txt")).unwrap();
    std::os::unix::fs::symlink(&outside, src.join("up")).unwrap();
    let out = root.join("out");
    // a link planted in --out where an output goes: replaced, never written through
    std::fs::create_dir_all(&out).unwrap();
    write(&outside, "other.txt", "Other\n\nAlso not an input.\n");
    std::os::unix::fs::symlink(outside.join("other.txt"), out.join("link.txt")).unwrap();
    let o = run(decruft(root).args(["--no-config", "clean", "--out", "out", "in"]));
    assert_no_panic(&o);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(outside.join("secret.txt")).unwrap(),
        "Secret\n\nNot an input of this run.\n",
        "a file outside --out was written"
    );
    assert_eq!(
        std::fs::read_to_string(outside.join("other.txt")).unwrap(),
        "Other\n\nAlso not an input.\n",
        "a link in --out was written through"
    );
    assert_eq!(files_in(&outside), ["other.txt", "secret.txt"]);
    assert!(!std::fs::symlink_metadata(out.join("link.txt"))
        .unwrap()
        .file_type()
        .is_symlink());
    let mut all = Vec::new();
    collect(&out, &out, &mut all);
    all.sort();
    for p in &all {
        for c in Path::new(p).components() {
            let c = c.as_os_str().to_string_lossy();
            assert!(c.len() <= 200, "{p}");
            let stem = c.split('.').next().unwrap().to_ascii_uppercase();
            assert!(!["CON", "NUL", "COM1"].contains(&stem.as_str()), "{p}");
            assert!(!c.contains([':', '?', '\\']) && c != "..", "{p}");
        }
    }
    assert!(all.contains(&"_CON".to_string()), "{all:?}");
    assert!(all.contains(&"sub/_COM1.txt".to_string()), "{all:?}");
    assert!(all.contains(&"up/secret.txt".to_string()), "{all:?}");
    assert!(all.contains(&"up/other.txt".to_string()), "{all:?}");
}

/// Paths given on the command line that point up and out: the output is named by the file
/// name alone.
#[test]
fn input_paths_with_parents_and_absolute_paths_write_by_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("work")).unwrap();
    write(root, "passwd", "Title\n\nA paragraph.\n");
    let abs = root.join("passwd");
    let o = run(decruft(&root.join("work")).args([
        "--no-config",
        "clean",
        "--out",
        "out",
        "../passwd",
    ]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(files_in(&root.join("work/out")), ["passwd"]);
    let o = run(decruft(&root.join("work")).args([
        "--no-config",
        "clean",
        "--out",
        "out2",
        abs.to_str().unwrap(),
    ]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(files_in(&root.join("work/out2")), ["passwd"]);
    assert_eq!(files_in(root), ["passwd", "work"]);
}

fn collect(base: &Path, dir: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if std::fs::symlink_metadata(&p).unwrap().is_dir() {
            collect(base, &p, out);
        } else {
            out.push(p.strip_prefix(base).unwrap().to_string_lossy().into_owned());
        }
    }
}
