//! Command-line paths turned into the list of inputs a batch reads, in a fixed order.
//!
//! Directories are walked recursively in name order, so that the same tree always gives the
//! same outputs in the same order, whatever the file system lists first. Symbolic links are
//! followed (a dump directory is often a farm of links), but a directory already on the way
//! — identified by device and inode — is not entered again, so a link loop ends the walk of
//! that branch instead of the run. Output names are relative paths that can never leave the
//! output directory, whatever the input names hold.

use std::path::{Component, Path, PathBuf};

use decruft::input::STDIN;
use decruft::suppress::Glob;

/// What kind of input a path is, which decides how its records are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One document: text or an HTML page.
    Doc,
    /// JSON Lines, one record per line (`.jsonl`, `.ndjson`, optionally `.gz`).
    Jsonl,
    /// A WARC archive (`.warc`, optionally `.gz`).
    Warc,
}

/// One input of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path as given or as found under a directory; `-` for standard input.
    pub path: String,
    /// The output path relative to `--out DIR`, already sanitised.
    pub rel: PathBuf,
    pub kind: Kind,
}

impl Source {
    pub fn is_stdin(&self) -> bool {
        self.path == STDIN
    }
}

/// The kind of a file, from its name (a `.gz` suffix is looked through).
pub fn kind_of(path: &Path) -> Kind {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        Kind::Jsonl
    } else if name.ends_with(".warc") {
        Kind::Warc
    } else {
        Kind::Doc
    }
}

/// Which files of a directory are taken.
#[derive(Debug, Default)]
pub struct Filter {
    include: Vec<(bool, Glob)>,
    exclude: Vec<(bool, Glob)>,
    pub hidden: bool,
}

impl Filter {
    /// Compiles the globs; the error names the bad pattern.
    pub fn new(include: &[String], exclude: &[String], hidden: bool) -> anyhow::Result<Filter> {
        let compile = |list: &[String], flag: &str| -> anyhow::Result<Vec<(bool, Glob)>> {
            let mut out = Vec::new();
            for p in list {
                let globs = Glob::parse_all(p).map_err(|e| anyhow::anyhow!("{flag} `{p}`: {e}"))?;
                // a pattern without `/` matches the file name in any directory, like *.txt
                let whole_path = p.contains('/');
                out.extend(globs.into_iter().map(|g| (whole_path, g)));
            }
            Ok(out)
        };
        Ok(Filter {
            include: compile(include, "--include")?,
            exclude: compile(exclude, "--exclude")?,
            hidden,
        })
    }

    fn matches(list: &[(bool, Glob)], rel: &str) -> bool {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        list.iter()
            .any(|(whole, g)| g.matches(if *whole { rel } else { name }))
    }

    fn takes_file(&self, rel: &str) -> bool {
        (self.include.is_empty() || Self::matches(&self.include, rel))
            && !Self::matches(&self.exclude, rel)
    }

    fn enters_dir(&self, rel: &str) -> bool {
        !Self::matches(&self.exclude, rel)
    }
}

/// The inputs named by `paths`, directories expanded. Problems (an unreadable directory) are
/// returned as messages naming the path; a link loop is a warning.
pub fn expand(
    paths: &[String],
    filter: &Filter,
    errors: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Vec<Source> {
    let mut out = Vec::new();
    for p in paths {
        if p == STDIN {
            out.push(Source {
                path: STDIN.to_string(),
                rel: PathBuf::from("stdin.txt"),
                kind: Kind::Doc,
            });
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            let mut walker = Walker {
                filter,
                visited: Vec::new(),
                out: &mut out,
                errors,
                warnings,
            };
            walker.walk(path, "");
            continue;
        }
        // a missing or unreadable file is reported when it is read, in order
        let rel = path
            .file_name()
            .map(|n| sanitise(Path::new(n)))
            .unwrap_or_else(|| PathBuf::from("_"));
        out.push(Source {
            path: p.clone(),
            rel,
            kind: kind_of(path),
        });
    }
    out
}

#[cfg(unix)]
fn dir_id(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn dir_id(_: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// One directory tree being read: where it has been (against link loops) and what it found.
struct Walker<'a> {
    filter: &'a Filter,
    /// The directories being read, outermost first, by device and inode.
    visited: Vec<(u64, u64)>,
    out: &'a mut Vec<Source>,
    errors: &'a mut Vec<String>,
    warnings: &'a mut Vec<String>,
}

impl Walker<'_> {
    fn walk(&mut self, dir: &Path, rel: &str) {
        let shown = dir.display();
        let id = std::fs::metadata(dir).ok().and_then(|m| dir_id(&m));
        if let Some(id) = id {
            if self.visited.contains(&id) {
                self.warnings.push(format!(
                    "{shown}: skipped: a link back to a directory already being read"
                ));
                return;
            }
            self.visited.push(id);
        }
        self.entries(dir, rel);
        if id.is_some() {
            self.visited.pop();
        }
    }

    /// Records that `path` could not be read; the walk goes on with the other entries.
    fn io_error(&mut self, path: &Path, e: &std::io::Error) {
        self.errors.push(format!(
            "{}: {}",
            path.display(),
            decruft::input::io_reason(e)
        ));
    }

    fn entries(&mut self, dir: &Path, rel: &str) {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => return self.io_error(dir, &e),
        };
        let mut names: Vec<std::ffi::OsString> = entries
            .filter_map(|e| e.ok().map(|e| e.file_name()))
            .collect();
        names.sort();
        for name in names {
            let name_s = name.to_string_lossy();
            if !self.filter.hidden && name_s.starts_with('.') {
                continue;
            }
            let path = dir.join(&name);
            let child_rel = if rel.is_empty() {
                name_s.to_string()
            } else {
                format!("{rel}/{name_s}")
            };
            // metadata follows links: a link to a directory is walked, a dangling link is an error
            let meta = match std::fs::metadata(&path) {
                Ok(m) => m,
                Err(e) => {
                    self.io_error(&path, &e);
                    continue;
                }
            };
            if meta.is_dir() {
                if self.filter.enters_dir(&child_rel) {
                    self.walk(&path, &child_rel);
                }
            } else if meta.is_file() && self.filter.takes_file(&child_rel) {
                self.out.push(Source {
                    path: path.to_string_lossy().into_owned(),
                    rel: sanitise(Path::new(&child_rel)),
                    kind: kind_of(&path),
                });
            }
        }
    }
}

/// Longest file name component written, in bytes (most file systems allow 255).
const MAX_COMPONENT: usize = 200;

/// A relative path safe to join under an output directory: no root, no `..` or `.`, no
/// drive prefix, no Windows device names (`CON`, `nul.txt`), no characters Windows refuses
/// or control characters, no component longer than [`MAX_COMPONENT`] bytes. Never empty.
pub fn sanitise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        if let Component::Normal(s) = c {
            let s = s.to_string_lossy();
            for part in s.split(['/', '\\']) {
                if let Some(p) = sanitise_component(part) {
                    out.push(p);
                }
            }
        }
    }
    if out.as_os_str().is_empty() {
        out.push("_");
    }
    out
}

fn sanitise_component(name: &str) -> Option<String> {
    let mut s: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '<' | '>' | ':' | '"' | '|' | '?' | '*') {
                '_'
            } else {
                c
            }
        })
        .collect();
    // Windows drops trailing dots and spaces, which can turn `..` back into a parent
    let trimmed = s.trim_end_matches(['.', ' ']).len();
    s.truncate(trimmed);
    if s.is_empty() {
        return None;
    }
    let stem = s
        .split('.')
        .next()
        .unwrap_or("")
        .trim_end()
        .to_ascii_uppercase();
    let device = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if device {
        s.insert(0, '_');
    }
    if s.len() > MAX_COMPONENT {
        // keep the extension, and a hash of the whole name so that long names stay distinct
        let ext = s
            .rfind('.')
            .filter(|&i| s.len() - i <= 16)
            .map(|i| s[i..].to_string())
            .unwrap_or_default();
        let hash = decruft::profile::line_hash(&s);
        let mut cut = MAX_COMPONENT - ext.len() - 17;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s = format!("{}-{hash:016x}{ext}", &s[..cut]);
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn san(s: &str) -> String {
        sanitise(Path::new(s)).to_string_lossy().into_owned()
    }

    #[test]
    fn names_never_leave_the_output_directory() {
        assert_eq!(san("../../etc/passwd"), "etc/passwd");
        assert_eq!(san("/abs/path.txt"), "abs/path.txt");
        assert_eq!(san("a/./b/../c.txt"), "a/b/c.txt");
        assert_eq!(san(".."), "_");
        assert_eq!(san(""), "_");
        assert_eq!(san("https://example.org/a?b=c"), "https_/example.org/a_b=c");
        assert_eq!(san("a\\..\\..\\b"), "a/b");
        assert_eq!(san("... "), "_");
    }

    #[test]
    fn device_names_and_long_names_are_made_safe() {
        assert_eq!(san("CON"), "_CON");
        assert_eq!(san("nul.txt"), "_nul.txt");
        assert_eq!(san("com1.jsonl"), "_com1.jsonl");
        assert_eq!(san("console.txt"), "console.txt");
        let long = format!("{}.txt", "é".repeat(300));
        let a = san(&long);
        assert!(a.len() <= MAX_COMPONENT, "{}", a.len());
        assert!(a.ends_with(".txt"));
        let other = san(&format!("{}x.txt", "é".repeat(300)));
        assert_ne!(a, other, "long names that differ stay different");
    }

    #[test]
    fn kinds_by_name() {
        assert_eq!(kind_of(Path::new("a/b.jsonl.gz")), Kind::Jsonl);
        assert_eq!(kind_of(Path::new("b.NDJSON")), Kind::Jsonl);
        assert_eq!(kind_of(Path::new("c.warc.gz")), Kind::Warc);
        assert_eq!(kind_of(Path::new("d.html")), Kind::Doc);
        assert_eq!(kind_of(Path::new("e.txt.gz")), Kind::Doc);
    }
}
