//! Batches through the command line: directories, JSONL and WARC dumps, outputs, summaries,
//! determinism across thread counts, bad records, and site profiles end to end.

use std::io::Write;
use std::path::Path;

use crate::util::{decruft, read, run, stderr, stdout, write};

/// Relative paths of every file under `dir`, sorted.
fn tree(dir: &Path) -> Vec<String> {
    fn go(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                go(base, &p, out);
            } else {
                out.push(p.strip_prefix(base).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    let mut v = Vec::new();
    go(dir, dir, &mut v);
    v.sort();
    v
}

fn article(topic: &str, n: usize) -> String {
    format!(
        "The {topic} committee met for the {n}th time\n\n\
         Members of the {topic} committee discussed the budget for the coming season and agreed to publish the minutes.\n\
         Share\n\
         The chair said the {topic} plans would be put to a public meeting before any money is spent.\n"
    )
}

fn clean_of(topic: &str, n: usize) -> String {
    format!(
        "The {topic} committee met for the {n}th time\n\n\
         Members of the {topic} committee discussed the budget for the coming season and agreed to publish the minutes.\n\
         The chair said the {topic} plans would be put to a public meeting before any money is spent.\n"
    )
}

#[test]
fn directories_are_walked_with_globs_hidden_files_and_link_loops() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "in/a.txt", article("harbour", 1));
    write(d, "in/sub/b.txt", article("library", 2));
    write(d, "in/sub/skip.md", "not taken");
    write(d, "in/drafts/c.txt", article("park", 3));
    write(d, "in/.hidden/d.txt", article("school", 4));
    write(d, "in/.e.txt", article("bridge", 5));
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", d.join("in/sub/loop")).unwrap();
    let o = run(decruft(d).args([
        "--no-config",
        "clean",
        "--out",
        "out",
        "--include",
        "*.txt",
        "--exclude",
        "drafts",
        "in",
    ]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(tree(&d.join("out")), vec!["a.txt", "sub/b.txt"]);
    assert_eq!(read(&d.join("out/sub/b.txt")), clean_of("library", 2));
    #[cfg(unix)]
    assert!(
        stderr(&o).contains("in/sub/loop: skipped: a link back"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("2 files, 2 records (2 changed)"),
        "{}",
        stderr(&o)
    );

    let o = run(decruft(d).args([
        "--no-config",
        "clean",
        "-q",
        "--hidden",
        "--out",
        "all",
        "in",
    ]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let all = tree(&d.join("all"));
    assert!(
        all.contains(&".hidden/d.txt".to_string()) && all.contains(&".e.txt".to_string()),
        "{all:?}"
    );
    assert!(all.contains(&"drafts/c.txt".to_string()), "{all:?}");
    #[cfg(unix)]
    assert!(
        !all.iter().any(|p| p.contains("loop/sub/loop")),
        "the loop is entered at most once: {all:?}"
    );
}

fn jsonl_dump(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        let text = article(["harbour", "library", "park"][i % 3], i);
        let rec = serde_json::json!({"id": format!("r{i}"), "url": format!("https://news{}.example/{i}", i % 2), "text": text, "lang": "en", "n": i});
        s.push_str(&rec.to_string());
        s.push('\n');
    }
    s
}

#[test]
fn jsonl_end_to_end_with_out_and_bad_records() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut dump = jsonl_dump(3);
    dump.push_str("{not json\n");
    dump.push_str(&jsonl_dump(1).replace("\"r0\"", "\"r9\""));
    write(d, "dumps/day1.jsonl", &dump);
    let o = run(decruft(d).args([
        "--no-config",
        "clean",
        "--out",
        "out",
        "--summary-json",
        "summary.json",
        "dumps",
    ]));
    assert_eq!(o.status.code(), Some(2), "a bad record makes exit 2");
    assert!(
        stderr(&o).contains("error: dumps/day1.jsonl: line 4: invalid JSON"),
        "{}",
        stderr(&o)
    );
    let out = read(&d.join("out/day1.jsonl"));
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "the batch goes on after the bad line");
    assert_eq!(lines[3]["id"], "r9");
    assert_eq!(lines[0]["lang"], "en", "other fields pass through");
    assert_eq!(lines[1]["text"], clean_of("library", 1));
    assert_eq!(lines[1]["decruft"]["rules"]["J002"], 1);
    let s: serde_json::Value = serde_json::from_str(&read(&d.join("summary.json"))).unwrap();
    assert_eq!(s["files"], 1);
    assert_eq!(s["records"], 4);
    assert_eq!(s["changed"], 4);
    assert_eq!(s["errors"], 1);
    assert_eq!(s["skipped"], 0);
    assert_eq!(s["removals"]["J002"], 4);
    assert!(s["bytes_in"].as_u64().unwrap() > s["bytes_out"].as_u64().unwrap());
    for k in ["seconds", "records_per_second"] {
        assert!(s[k].is_number(), "{k}");
    }
}

fn warc_record(kind: &str, uri: &str, content: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        content.len()
    )
    .into_bytes();
    r.extend_from_slice(content);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn page(topic: &str) -> String {
    format!(
        "<html><head><title>News of the {topic} | Town Paper</title></head><body>\
         <nav><a href=/>Home</a> <a href=/t>Town</a></nav><article><h1>News of the {topic}</h1>\
         <p>The {topic} reopened on Saturday after a month of repairs, and the first visitors were queueing before the doors opened at nine.</p>\
         <p>Staff said the {topic} would keep its longer summer hours until the end of September, when the heating work starts.</p>\
         </article></body></html>"
    )
}

fn warc() -> Vec<u8> {
    let mut w = Vec::new();
    w.extend(warc_record("warcinfo", "", b"software: test\r\n"));
    for (i, topic) in ["museum", "pool", "market"].iter().enumerate() {
        let uri = format!("https://town.example/{topic}");
        w.extend(warc_record("request", &uri, b"GET / HTTP/1.1\r\n\r\n"));
        let body = page(topic);
        let resp =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{body}");
        w.extend(warc_record("response", &uri, resp.as_bytes()));
        if i == 1 {
            w.extend(warc_record(
                "response",
                "https://town.example/logo.png",
                b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
            ));
        }
    }
    w
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[test]
fn warc_end_to_end_with_out_and_skipped_records() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "crawl/part-1.warc.gz", gz(&warc()));
    let o = run(decruft(d).args([
        "--no-config",
        "clean",
        "--out",
        "out",
        "--summary-json",
        "s.json",
        "--report",
        "r.jsonl",
        "crawl",
    ]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = read(&d.join("out/part-1.jsonl"));
    let recs: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["url"], "https://town.example/museum");
    assert_eq!(recs[0]["title"], "News of the museum");
    assert!(recs[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("The museum reopened"));
    assert!(!recs[0]["text"].as_str().unwrap().contains("Home"));
    assert_eq!(recs[0]["decruft"]["rules"]["X001"], 1);
    let s: serde_json::Value = serde_json::from_str(&read(&d.join("s.json"))).unwrap();
    assert_eq!(s["records"], 3);
    // warcinfo, 3 requests, 1 image
    assert_eq!(s["skipped"], 5);
    let report = read(&d.join("r.jsonl"));
    assert_eq!(report.lines().count(), 3);
    assert!(report.contains("\"url\":\"https://town.example/pool\""));
}

/// `--input-format jsonl|warc` reads a dump piped into standard input (gzip too) exactly as
/// the same dump in a named file, and names standard input in its errors.
#[test]
fn dumps_piped_into_standard_input_read_like_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut dump = jsonl_dump(3);
    dump.push_str("{not json\n");
    write(d, "day.jsonl", &dump);
    write(d, "crawl.warc", warc());
    let piped = |format: &str, input: Vec<u8>, out: &str| {
        let mut child = decruft(d)
            .args([
                "--no-config",
                "clean",
                "-q",
                "--input-format",
                format,
                "--out",
                out,
            ])
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&input).unwrap();
        child.wait_with_output().unwrap()
    };
    let o = piped("jsonl", gz(dump.as_bytes()), "piped.jsonl");
    assert_eq!(o.status.code(), Some(2), "the bad line is an error");
    assert!(
        stderr(&o).contains("error: <stdin>: line 4: invalid JSON"),
        "{}",
        stderr(&o)
    );
    let o = run(decruft(d).args([
        "--no-config",
        "clean",
        "-q",
        "--out",
        "file.jsonl",
        "day.jsonl",
    ]));
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(read(&d.join("piped.jsonl")), read(&d.join("file.jsonl")));
    assert_eq!(read(&d.join("piped.jsonl")).lines().count(), 3);

    let o = piped("warc", warc(), "piped-warc.jsonl");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(decruft(d).args([
        "--no-config",
        "clean",
        "-q",
        "--out",
        "file-warc.jsonl",
        "crawl.warc",
    ]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        read(&d.join("piped-warc.jsonl")),
        read(&d.join("file-warc.jsonl"))
    );
    assert_eq!(read(&d.join("piped-warc.jsonl")).lines().count(), 3);
}

/// Records of a dump read from standard input get git-style diff paths, as files do.
#[test]
fn diffs_of_records_from_stdin_name_them_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = decruft(dir.path())
        .args([
            "--no-config",
            "clean",
            "-q",
            "--input-format",
            "jsonl",
            "--diff",
            "-",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let dump = jsonl_dump(2);
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dump.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("diff --git a/stdin:2 b/stdin:2\n"), "{out}");
    assert!(!out.contains("<stdin>"), "{out}");
}

#[test]
fn outputs_are_identical_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "big.jsonl", jsonl_dump(1500));
    write(d, "pages.warc", warc());
    for i in 0..20 {
        write(d, &format!("docs/{i:02}.txt"), article("ferry", i));
    }
    let mut outs = Vec::new();
    for t in ["1", "2"] {
        let o = run(decruft(d).args([
            "--no-config",
            "clean",
            "-q",
            "--threads",
            t,
            "--out",
            &format!("all{t}.jsonl"),
            "--diff-out",
            &format!("d{t}.diff"),
            "--report",
            &format!("r{t}.jsonl"),
            "big.jsonl",
            "docs",
            "pages.warc",
        ]));
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(stderr(&o), "", "--quiet");
        outs.push(
            ["all", "d", "r"]
                .iter()
                .map(|p| {
                    let ext = if *p == "d" { "diff" } else { "jsonl" };
                    std::fs::read(d.join(format!("{p}{t}.{ext}"))).unwrap()
                })
                .collect::<Vec<_>>(),
        );
    }
    assert_eq!(outs[0], outs[1]);
    let all = String::from_utf8(outs[0][0].clone()).unwrap();
    assert_eq!(
        all.lines().count(),
        1500 + 20 + 3,
        "every record in input order"
    );
    assert!(all
        .lines()
        .nth(1500)
        .unwrap()
        .contains("\"path\":\"docs/00.txt\""));
    assert!(all.lines().last().unwrap().contains("town.example/market"));
    let names: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn dump_names_under_out_stay_inside_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // a device name and a name that only differs from another by `.gz`
    write(d, "in/CON.jsonl", jsonl_dump(1));
    write(d, "in/x/day.jsonl.gz", gz(jsonl_dump(1).as_bytes()));
    let o = run(decruft(d).args(["--no-config", "clean", "-q", "--out", "out", "in"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(tree(&d.join("out")), vec!["_CON.jsonl", "x/day.jsonl"]);
}

fn site_dump() -> String {
    let mut s = String::new();
    let topics = [
        "tram",
        "canal",
        "stadium",
        "orchard",
        "bakery",
        "marina",
        "quarry",
        "airfield",
        "tannery",
        "brewery",
        "foundry",
        "lighthouse",
    ];
    let moods = [
        "wet", "windy", "cold", "bright", "foggy", "humid", "still", "stormy", "mild", "frosty",
        "dull", "warm",
    ];
    for i in 0..12 {
        let (topic, mood) = (topics[i], moods[i]);
        let text = format!(
            "The {topic} plan\n\n\
             Planners presented the {topic} plan to residents on a {mood} evening in the town hall.\n\
             The Gazette is printed on recycled paper at the old mill in Northbridge since spring.\n\
             Residents asked how the {topic} works would change bus routes on {mood} days.\n"
        );
        let rec = serde_json::json!({"id": i, "url": format!("https://www.gazette.example/{i}"), "text": text});
        s.push_str(&rec.to_string());
        s.push('\n');
    }
    s
}

#[test]
fn learn_merge_and_clean_with_a_profile() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let dump = site_dump();
    let (a, b): (Vec<&str>, Vec<&str>) =
        dump.lines()
            .enumerate()
            .fold((Vec::new(), Vec::new()), |(mut a, mut b), (i, l)| {
                if i < 6 {
                    a.push(l)
                } else {
                    b.push(l)
                }
                (a, b)
            });
    write(d, "a.jsonl", a.join("\n") + "\n");
    write(d, "b.jsonl", b.join("\n") + "\n");
    let learn = |args: &[&str]| {
        let o = run(decruft(d).arg("--no-config").arg("learn").args(args));
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        read(&d.join(args[args.iter().position(|a| *a == "-o").unwrap() + 1]))
    };
    let whole = learn(&["a.jsonl", "b.jsonl", "-o", "all.json", "--min-docs", "3"]);
    assert!(whole.contains("\"gazette.example\""), "{whole}");
    learn(&["a.jsonl", "-o", "pa.json", "--min-docs", "2"]);
    learn(&["b.jsonl", "-o", "pb.json", "--min-docs", "2"]);
    let merged = learn(&[
        "--merge",
        "pa.json",
        "pb.json",
        "-o",
        "merged.json",
        "--min-docs",
        "3",
    ]);
    assert_eq!(
        merged, whole,
        "merging the halves gives the profile of the whole"
    );

    let o = run(decruft(d).args([
        "--no-config",
        "clean",
        "-q",
        "--profile",
        "all.json",
        "--out",
        "clean.jsonl",
        "a.jsonl",
    ]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = read(&d.join("clean.jsonl"));
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["text"].as_str().unwrap();
        assert!(
            !text.contains("The Gazette is printed on recycled paper"),
            "{text}"
        );
        assert!(text.contains("Planners presented"), "{text}");
        assert_eq!(v["decruft"]["rules"]["J020"], 1);
    }
    // without the profile the footer stays: it is the batch that is the evidence
    let o = run(decruft(d).args([
        "--no-config",
        "clean",
        "-q",
        "--out",
        "plain.jsonl",
        "a.jsonl",
    ]));
    assert_eq!(o.status.code(), Some(0));
    assert!(read(&d.join("plain.jsonl")).contains("The Gazette is printed on recycled paper"));
    // --site overrides the URL host: an unknown site has no profile
    let o = run(decruft(d).args([
        "--no-config",
        "clean",
        "-q",
        "--profile",
        "all.json",
        "--site",
        "other.example",
        "--out",
        "other.jsonl",
        "a.jsonl",
    ]));
    assert_eq!(o.status.code(), Some(0));
    assert!(read(&d.join("other.jsonl")).contains("The Gazette is printed on recycled paper"));
    let _ = stdout(&o);
}

/// A dump of `n` good records with a bad line of each kind every 97 records; returns the dump
/// and the number of bad lines.
fn jsonl_dump_with_errors(n: usize) -> (Vec<u8>, usize) {
    let bad: [&[u8]; 5] = [
        b"{not json",
        b"[1,2]",
        br#"{"title":"no text field"}"#,
        b"{\"text\":\"not UTF-8 \xff\"}",
        br#"{"text":null}"#,
    ];
    let mut out = Vec::new();
    let mut errors = 0;
    for (i, line) in jsonl_dump(n).lines().enumerate() {
        if i % 97 == 13 {
            out.extend_from_slice(bad[errors % bad.len()]);
            out.push(b'\n');
            errors += 1;
        }
        out.extend_from_slice(line.as_bytes());
        out.push(b'\n');
    }
    (out, errors)
}

/// [`warc`] with a 404, a response without an HTTP head, a record without a length (read
/// on from the next record) and one more page.
fn warc_with_errors() -> Vec<u8> {
    let mut w = warc();
    let uri = "https://town.example/gone";
    w.extend(warc_record(
        "response",
        uri,
        b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html>gone</html>",
    ));
    w.extend(warc_record("response", uri, b"no HTTP head here"));
    w.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: x\r\n\r\n");
    let resp = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{}",
        page("library")
    );
    w.extend(warc_record(
        "response",
        "https://town.example/library",
        resp.as_bytes(),
    ));
    w
}

/// Every output, message and count is the same with one worker or two, errors and warnings
/// included: the records of a run go through several chunks on different threads, but come
/// out in input order.
#[test]
fn outputs_and_errors_are_identical_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (dump, bad_lines) = jsonl_dump_with_errors(1100);
    write(d, "in/a.jsonl", dump);
    write(d, "in/b.warc", warc_with_errors());
    write(d, "in/c.txt", article("pier", 1));
    write(
        d,
        "in/d.txt",
        b"Latin-1 title \xe9\n\nA body line.\n".as_slice(),
    );
    let inputs = [
        "in/a.jsonl",
        "in/b.warc",
        "in/c.txt",
        "in/d.txt",
        "absent.jsonl",
    ];
    let mut runs = Vec::new();
    for t in ["1", "2"] {
        let files = |p: &str, ext: &str| format!("{p}{t}.{ext}");
        let clean = run(decruft(d)
            .args(["--no-config", "clean", "-q", "--threads", t, "--out"])
            .args([
                &files("all", "jsonl"),
                "--diff-out",
                &files("d", "diff"),
                "--report",
                &files("r", "jsonl"),
                "--summary-json",
                &files("s", "json"),
            ])
            .args(inputs));
        assert_eq!(clean.status.code(), Some(2), "{}", stderr(&clean));
        let text = run(decruft(d)
            .args(["--no-config", "clean", "-q", "--threads", t])
            .args(inputs));
        let check = run(decruft(d)
            .args([
                "--no-config",
                "check",
                "-q",
                "--format",
                "jsonl",
                "--threads",
                t,
            ])
            .args(inputs));
        let mut summary: serde_json::Value =
            serde_json::from_str(&read(&d.join(files("s", "json")))).unwrap();
        for timing in ["seconds", "records_per_second", "peak_rss_kb"] {
            summary.as_object_mut().unwrap().remove(timing);
        }
        let outputs: Vec<Vec<u8>> = [("all", "jsonl"), ("d", "diff"), ("r", "jsonl")]
            .iter()
            .map(|(p, ext)| std::fs::read(d.join(files(p, ext))).unwrap())
            .collect();
        runs.push((outputs, summary, clean.stderr, text, check));
    }
    let (outputs, summary, clean_err, text, check) = &runs[0];
    assert_eq!(outputs, &runs[1].0, "output files");
    assert_eq!(summary, &runs[1].1, "summary");
    assert_eq!(clean_err, &runs[1].2, "messages of clean");
    assert_eq!(text.stdout, runs[1].3.stdout, "clean text output");
    assert_eq!(
        text.stderr, runs[1].3.stderr,
        "messages of clean text output"
    );
    assert_eq!(check.stdout, runs[1].4.stdout, "check report");
    assert_eq!(check.stderr, runs[1].4.stderr, "messages of check");
    assert_eq!(check.status.code(), runs[1].4.status.code());

    // the counts are those of the inputs, not of how they were split
    assert_eq!(summary["records"], 1100 + 4 + 2, "{summary}");
    assert_eq!(summary["errors"], bad_lines + 2 + 1, "{summary}");
    // warcinfo, 3 requests, an image, a 404
    assert_eq!(summary["skipped"], 6, "{summary}");
    let messages = String::from_utf8_lossy(clean_err);
    assert_eq!(
        messages.matches("error: in/a.jsonl: line ").count(),
        bad_lines
    );
    assert!(
        messages.contains("error: in/b.warc: record 10 (offset "),
        "{messages}"
    );
    assert!(
        messages.contains("warning: in/d.txt: not valid UTF-8"),
        "{messages}"
    );
    let all = String::from_utf8(outputs[0].clone()).unwrap();
    let lines: Vec<&str> = all.lines().collect();
    assert_eq!(lines.len(), 1106);
    for (i, line) in lines[..1100].iter().enumerate() {
        assert!(
            line.starts_with(&format!("{{\"id\":\"r{i}\",")),
            "{i}: {line}"
        );
    }
    assert!(
        lines[1103].contains("town.example/library"),
        "{}",
        lines[1103]
    );
    assert!(lines[1104].contains("\"path\":\"in/c.txt\""));
}

/// A write that fails half-way (standard output on a full disk) ends the run at once with
/// the reason, leaving the records after it unread; it never hangs on the threads.
#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_stops_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "big.jsonl", jsonl_dump(3000));
    for t in ["1", "2"] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let o = decruft(d)
            .args(["--no-config", "clean", "--threads", t, "big.jsonl"])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        let err = stderr(&o);
        assert!(err.contains("No space left on device"), "{err}");
        assert_eq!(err.lines().count(), 1, "one message, no summary: {err}");
    }
}
