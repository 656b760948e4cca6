//! Writing results: clean text, unified diffs, JSON reports, files.
//!
//! Everything a command prints or writes is shaped here, so that `clean --diff`, `check` and
//! the JSON report describe the same removals the same way, and so that no command ever leaves
//! a half-written output file behind.

pub mod color;
pub mod diff;
pub mod json;
pub mod report;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The temporary files not yet renamed to their target, so that an interrupted run can remove
/// them. Creating, renaming and deleting one happens under this lock, and
/// [`exit_interrupted`] keeps it until the process is gone: no temporary file can appear or
/// become a real output while the run is being stopped.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    // a panic elsewhere while holding the lock leaves the list itself consistent
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

fn forget(list: &mut Vec<PathBuf>, path: &Path) {
    if let Some(i) = list.iter().position(|p| p == path) {
        list.swap_remove(i);
    }
}

/// An output being written: a `.decruft-*.tmp` file in the target's directory, renamed over
/// the target by [`persist`](Self::persist) once complete, deleted if dropped before, and
/// deleted by [`exit_interrupted`] if the run is stopped (Ctrl-C, `SIGTERM`) meanwhile.
pub struct TempFile {
    file: Option<tempfile::NamedTempFile>,
}

impl TempFile {
    /// Creates the temporary file in `dir`, which must exist.
    pub fn new_in(dir: &Path) -> io::Result<TempFile> {
        let mut builder = tempfile::Builder::new();
        builder.prefix(".decruft-").suffix(".tmp");
        // a temporary file is private (0600) by default; an output file should get the usual
        // permissions (0666 less the umask), like any file the user creates
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let mut list = pending();
        let file = builder.tempfile_in(dir)?;
        list.push(file.path().to_path_buf());
        Ok(TempFile { file: Some(file) })
    }

    fn inner(&mut self) -> &mut std::fs::File {
        self.file
            .as_mut()
            .expect("the file is there until persisted or dropped")
            .as_file_mut()
    }

    /// Renames the complete file over `path`. On failure the temporary file is deleted.
    pub fn persist(mut self, path: &Path) -> io::Result<()> {
        let file = self.file.take().expect("persisted once");
        let mut list = pending();
        forget(&mut list, file.path());
        // on failure the temporary file is dropped with the error, which deletes it
        file.persist(path).map_err(|e| e.error)?;
        Ok(())
    }
}

impl Write for TempFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner().write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner().flush()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let mut list = pending();
            forget(&mut list, file.path());
            drop(file);
        }
    }
}

/// Deletes every temporary file not yet renamed and ends the process with `code`: what an
/// interrupted run (Ctrl-C, `SIGTERM`, `SIGHUP`) does, so that it leaves only complete outputs
/// behind. Outputs already renamed stay: each is complete.
///
/// Another thread about to create or rename a temporary file waits for the lock, which is
/// never released, so it cannot slip a new file in.
pub fn exit_interrupted(code: i32) -> ! {
    let mut list = pending();
    for path in list.drain(..) {
        let _ = std::fs::remove_file(path);
    }
    std::process::exit(code)
}

/// Writes `bytes` to `path` atomically: into a temporary file in the same directory, renamed
/// over `path` once complete. A reader (or a crash half-way) never sees a partial file, and a
/// failed or interrupted write leaves neither a partial `path` nor the temporary file behind.
///
/// The parent directory must exist. The data is not synced to disk: the guarantee is against
/// the process failing, not against the machine losing power, which would cost an `fsync` per
/// file in batch runs. A process killed outright (`SIGKILL`) may leave a `.decruft-*.tmp`
/// file, never a partial `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = TempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    tmp.persist(path)
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

    fn is_pending(path: &Path) -> bool {
        pending().iter().any(|p| p == path)
    }

    #[test]
    fn temporary_files_are_pending_until_renamed_or_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let mut tmp = TempFile::new_in(dir.path()).unwrap();
        tmp.write_all(b"part").unwrap();
        let path = tmp.file.as_ref().unwrap().path().to_path_buf();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with(".decruft-") && name.ends_with(".tmp"),
            "{name}"
        );
        assert!(is_pending(&path));
        tmp.persist(&dir.path().join("out.txt")).unwrap();
        assert!(!is_pending(&path));
        assert_eq!(entries(dir.path()), vec!["out.txt"]);

        let tmp = TempFile::new_in(dir.path()).unwrap();
        let path = tmp.file.as_ref().unwrap().path().to_path_buf();
        assert!(is_pending(&path));
        drop(tmp);
        assert!(!is_pending(&path));
        assert_eq!(entries(dir.path()), vec!["out.txt"]);
    }
}
