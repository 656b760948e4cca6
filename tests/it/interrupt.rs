//! Stopping a batch run half-way: killed outright (`SIGKILL`), every output is complete or
//! absent and a re-run completes the batch; stopped by Ctrl-C or `SIGTERM`, the run exits 130
//! and leaves no temporary file either.
//!
//! The runs are real processes signalled while they write. They wait on what is on disk (an
//! output or a temporary file appearing), never on fixed sleeps, so a loaded machine only
//! makes them slower.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use decruft::Engine;

use crate::util::{corpus, decruft, files_in, read, stderr, write};

/// Copies of each corpus article per batch: with one worker thread the run spans five chunks
/// of records or more, so a signal sent once the first chunk's outputs are on disk lands
/// before the last ones are written. That takes a tenth of a second or more in a release
/// build too; with two chunks the rest of the run took a few milliseconds there, and a test
/// thread that lost the processor for that long saw the run end first.
const COPIES: usize = 160;

/// A batch of articles under `dir/in` and the clean text each output file must hold.
struct Batch {
    input: PathBuf,
    expected: BTreeMap<String, String>,
}

fn batch(dir: &Path) -> Batch {
    let engine = Engine::default();
    let mut expected = BTreeMap::new();
    let mut articles: Vec<PathBuf> = std::fs::read_dir(corpus("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    articles.sort();
    for a in &articles {
        let text = read(a);
        let clean = engine.clean(&text).text;
        let stem = a.file_stem().unwrap().to_string_lossy().into_owned();
        for i in 0..COPIES {
            let name = format!("{stem}_{i:03}.txt");
            write(&dir.join("in"), &name, &text);
            expected.insert(name, clean.clone());
        }
    }
    Batch {
        input: dir.join("in"),
        expected,
    }
}

fn is_temp(name: &str) -> bool {
    name.starts_with(".decruft-") && name.ends_with(".tmp")
}

/// Every `.decruft-*.tmp` file under `dir`, at any depth.
fn temp_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                todo.push(e.path());
            } else if is_temp(&e.file_name().to_string_lossy()) {
                out.push(e.path());
            }
        }
    }
    out
}

/// Starts `decruft clean` on one worker thread with `args` after the input.
fn start(dir: &Path, input: &Path, args: &[&str]) -> Child {
    decruft(dir)
        .arg("clean")
        .arg(input)
        .args(["--threads", "1", "-q"])
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the decruft binary starts")
}

/// Waits until `ready()` holds, polling; fails if the run ends first (the batch was too small
/// to be interrupted) or after a generous timeout.
fn wait_until(child: &mut Child, what: &str, ready: impl Fn() -> bool) {
    let start = Instant::now();
    loop {
        if ready() {
            return;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the run ended ({status}) before {what}: it was not interrupted");
        }
        if start.elapsed() > Duration::from_secs(300) {
            let _ = child.kill();
            panic!("timed out waiting until {what}");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn signal(child: &Child, sig: &str) {
    let st = Command::new("kill")
        .arg(format!("-{sig}"))
        .arg(child.id().to_string())
        .status()
        .expect("kill runs");
    assert!(st.success(), "kill -{sig} failed");
}

/// The outputs under `out` that are not temporary files; each must hold exactly its clean
/// text. Returns their number.
fn assert_outputs_complete(out: &Path, b: &Batch) -> usize {
    let mut n = 0;
    for name in files_in(out) {
        if is_temp(&name) {
            continue;
        }
        let want = b
            .expected
            .get(&name)
            .unwrap_or_else(|| panic!("unexpected output {name}"));
        let got = read(&out.join(&name));
        assert!(&got == want, "{name} is not complete:\n{got}");
        n += 1;
    }
    n
}

/// The non-temporary files of `out` are exactly the batch's outputs, complete.
fn assert_batch_done(out: &Path, b: &Batch) {
    assert_eq!(assert_outputs_complete(out, b), b.expected.len());
}

/// Runs `clean INPUT --out OUT` to the end and asserts that it succeeds.
fn clean_to(dir: &Path, input: &Path, out: &Path) {
    let o = decruft(dir)
        .arg("clean")
        .arg(input)
        .args(["--out", out.to_str().unwrap(), "-q"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// Asserts that a run stopped by a signal exited with 130.
fn assert_stopped(o: &Output) {
    assert_eq!(o.status.code(), Some(130), "{}", stderr(o));
}

#[test]
fn sigkill_leaves_whole_outputs_and_a_rerun_completes_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let b = batch(dir.path());
    let out = dir.path().join("out");
    let mut child = start(dir.path(), &b.input, &["--out", out.to_str().unwrap()]);
    wait_until(&mut child, "the first outputs are written", || {
        out.is_dir() && files_in(&out).iter().any(|n| !is_temp(n))
    });
    // std's kill sends SIGKILL on Unix: no handler runs, nothing is cleaned up
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), None, "killed by a signal: {status}");
    let done = assert_outputs_complete(&out, &b);
    assert!(done < b.expected.len(), "the run was killed before the end");

    // the re-run rewrites every output, identically for those already there; a temporary
    // file the killed run left is not an output and is left alone
    let stale = temp_files(&out);
    clean_to(dir.path(), &b.input, &out);
    assert_batch_done(&out, &b);
    assert_eq!(temp_files(&out), stale);
}

#[test]
fn sigkill_leaves_no_jsonl_output_and_a_rerun_writes_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let b = batch(dir.path());
    let reference = dir.path().join("reference.jsonl");
    clean_to(dir.path(), &b.input, &reference);
    let reference = read(&reference);
    assert_eq!(reference.lines().count(), b.expected.len());

    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let out = out_dir.join("all.jsonl");
    let mut child = start(dir.path(), &b.input, &["--out", out.to_str().unwrap()]);
    // records are on disk in the temporary file: the run is half-way
    wait_until(&mut child, "records are written", || {
        temp_files(&out_dir)
            .iter()
            .any(|p| std::fs::metadata(p).is_ok_and(|m| m.len() > 0))
    });
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!out.exists(), "a killed run leaves no partial JSONL output");
    assert_eq!(temp_files(&out_dir).len(), 1);

    clean_to(dir.path(), &b.input, &out);
    assert!(
        read(&out) == reference,
        "the re-run writes the whole output"
    );
}

#[test]
fn ctrl_c_exits_130_with_no_temporary_files_and_whole_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let b = batch(dir.path());
    let out = dir.path().join("out");
    let report = dir.path().join("report.jsonl");
    let diffs = dir.path().join("all.diff");
    let mut child = start(
        dir.path(),
        &b.input,
        &[
            "--out",
            out.to_str().unwrap(),
            "--report",
            report.to_str().unwrap(),
            "--diff-out",
            diffs.to_str().unwrap(),
        ],
    );
    wait_until(&mut child, "the first outputs are written", || {
        out.is_dir() && files_in(&out).iter().any(|n| !is_temp(n))
    });
    signal(&child, "INT");
    let o = child.wait_with_output().unwrap();
    assert_stopped(&o);
    assert_eq!(temp_files(dir.path()), Vec::<PathBuf>::new());
    // the whole-run outputs are written at the end only
    assert!(!report.exists() && !diffs.exists());
    let done = assert_outputs_complete(&out, &b);
    assert!(done > 0 && done < b.expected.len(), "{done} outputs");
}

#[test]
fn sigterm_keeps_the_previous_jsonl_output_and_removes_the_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let b = batch(dir.path());
    let out = dir.path().join("all.jsonl");
    // the output of an earlier run: an interrupted run must not touch it
    write(dir.path(), "all.jsonl", "{\"earlier\":true}\n");
    let mut child = start(dir.path(), &b.input, &["--out", out.to_str().unwrap()]);
    wait_until(&mut child, "records are written", || {
        temp_files(dir.path())
            .iter()
            .any(|p| std::fs::metadata(p).is_ok_and(|m| m.len() > 0))
    });
    signal(&child, "TERM");
    let o = child.wait_with_output().unwrap();
    assert_stopped(&o);
    assert_eq!(temp_files(dir.path()), Vec::<PathBuf>::new());
    assert_eq!(read(&out), "{\"earlier\":true}\n");
}
