//! Writing results: clean text, unified diffs, JSON reports, files.
//!
//! Everything a command prints or writes is shaped here, so that `clean --diff`, `check` and
//! the JSON report describe the same removals the same way, and so that no command ever leaves
//! a half-written output file behind.

pub mod color;
pub mod diff;
pub mod json;
pub mod report;

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically: into a temporary file in the same directory, renamed
/// over `path` once complete. A reader (or a crash half-way) never sees a partial file, and a
/// failed write leaves neither a partial `path` nor the temporary file behind.
///
/// The parent directory must exist. The data is not synced to disk: the guarantee is against
/// the process failing, not against the machine losing power, which would cost an `fsync` per
/// file in batch runs.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".decruft-").suffix(".tmp");
    // a temporary file is private (0600) by default; an output file should get the usual
    // permissions (0666 less the umask), like any file the user creates
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    // on failure the temporary file is dropped with the error, which deletes it
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn writes_and_replaces_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_atomic(&p, b"first version, longer\n").unwrap();
        write_atomic(&p, b"second\n").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"second\n");
        assert_eq!(entries(dir.path()), vec!["a.txt"]);
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        // the target is a non-empty directory: the final rename fails after the data was written
        let target = dir.path().join("taken");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("keep"), b"x").unwrap();
        assert!(write_atomic(&target, b"data").is_err());
        assert_eq!(entries(dir.path()), vec!["taken"]);
        assert_eq!(entries(&target), vec!["keep"]);
        // a missing parent directory: nothing is created
        assert!(write_atomic(&dir.path().join("no/such/dir/a.txt"), b"data").is_err());
        assert_eq!(entries(dir.path()), vec!["taken"]);
    }
}
