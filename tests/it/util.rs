//! Helpers shared by the integration tests.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file under `corpus/`.
pub fn corpus(rel: &str) -> PathBuf {
    root().join("corpus").join(rel)
}

/// Reads a file as UTF-8, naming it on failure.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `decruft` binary, run in `dir` with no config discovered from the repository.
pub fn decruft(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_decruft"));
    cmd.current_dir(dir);
    cmd
}

/// Runs a command and returns its output.
pub fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the decruft binary runs")
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The names in `dir`, sorted.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Runs `cmd`, reads the first line of its standard output, then closes the pipe as a
/// reader such as `head -1` would, and waits for the command to end.
pub fn first_line_then_close(cmd: &mut Command) -> (String, Output) {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the decruft binary starts");
    let mut reader = std::io::BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut first = String::new();
    reader.read_line(&mut first).expect("a first line");
    drop(reader);
    (first, child.wait_with_output().expect("the command ends"))
}

/// A `disable` line for every built-in rule, for tests about input handling or reports rather
/// than about what the rules remove (the rules have their own fixtures).
pub fn builtins_off() -> String {
    let codes: Vec<String> = decruft::rules::registry()
        .iter()
        .map(|r| format!("{:?}", r.meta().code))
        .collect();
    format!("disable = [{}]\n", codes.join(", "))
}

/// Writes `bytes` to `dir/name`, creating the parent directories.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(p, bytes).unwrap();
}

/// Runs `tests/it/report_validate.py` (the official SARIF 2.1.0 schema, Python's XML parsers)
/// on `file` and returns what it printed; `None` when Python or a package it needs is missing
/// and `DECRUFT_REQUIRE_VALIDATORS` is not set (CI sets it, so there a missing tool fails).
pub fn validate(kind: &str, file: &Path) -> Option<String> {
    let script = root().join("tests/it/report_validate.py");
    let required = std::env::var_os("DECRUFT_REQUIRE_VALIDATORS").is_some();
    let out = match Command::new("python3")
        .arg(&script)
        .arg(kind)
        .arg(file)
        .output()
    {
        Ok(o) => o,
        Err(e) if !required => {
            eprintln!("skipped {kind} validation: python3: {e}");
            return None;
        }
        Err(e) => panic!("python3: {e}"),
    };
    let err = stderr(&out);
    match out.status.code() {
        Some(0) => Some(stdout(&out)),
        Some(2) if !required => {
            eprintln!("skipped {kind} validation: {err}");
            None
        }
        _ => panic!(
            "{kind} validation failed:\n{err}\n{}",
            std::fs::read_to_string(file).unwrap_or_default()
        ),
    }
}
