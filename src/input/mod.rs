//! Inputs as records: where a text came from, the name it is written back under, its bytes.
//!
//! Every command works on [`Record`]s instead of paths so that new kinds of input (a
//! directory walked recursively, JSONL or WARC dumps, gzip) only add a producer here: the
//! cleaning, the reports and the output layout stay the same whatever the bytes came from.

pub mod compress;
pub mod jsonl;
pub mod warc;

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The source name used for standard input.
pub const STDIN: &str = "-";

/// One input text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Where it came from, as the user gave it: a path, or `-` for standard input. Used in
    /// messages, diffs and reports.
    pub source: String,
    /// The relative path its output is written under (`--out DIR`): the file name for a file
    /// given on the command line, `stdin.txt` for standard input.
    pub name: PathBuf,
    /// The raw bytes; decoding is [`decode`]'s job so that it is done (and warned about) once.
    pub bytes: Vec<u8>,
}

impl Record {
    /// Whether this record is standard input.
    pub fn is_stdin(&self) -> bool {
        self.source == STDIN
    }

    /// How messages name this input: the path, or `<stdin>`.
    pub fn display_name(&self) -> &str {
        display_name(&self.source)
    }
}

/// How messages name the input `source`: the path as given, or `<stdin>` for `-`.
pub fn display_name(source: &str) -> &str {
    if source == STDIN {
        "<stdin>"
    } else {
        source
    }
}

/// Why an input could not be read. The messages name the input first, as
/// `path: reason`, because with many inputs the reason alone says nothing.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: {}", io_reason(source))]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: is a directory (directory inputs are not supported yet; give the files)")]
    Directory { path: String },
    #[error("{path}: has no file name to write the output under")]
    NoFileName { path: String },
    #[error(
        "{path}: larger than the size limit of {limit} bytes for one document (--max-input-size)"
    )]
    TooLarge { path: String, limit: u64 },
}

/// The default cap on the bytes of one input file after decompression (`--max-input-size`).
///
/// Dumps are streamed, so this bounds time, not memory: a Common Crawl WARC file expands to
/// about 5 GB, large JSONL exports to a few GB, and a gzip bomb is stopped after this many
/// bytes instead of running for hours.
pub const DEFAULT_MAX_INPUT_SIZE: u64 = 16 << 30;

/// The cap on one single document (a text file or an HTML page, held whole in memory and
/// processed alongside others): far beyond any real page, low enough that a few at once fit
/// in memory. A lower `--max-input-size` lowers it too.
pub const MAX_DOCUMENT_SIZE: u64 = 256 << 20;

/// The reason of an I/O error without Rust's ` (os error N)` suffix, which users do not need.
pub fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.rfind(" (os error ") {
        Some(i) if s.ends_with(')') => s[..i].to_string(),
        _ => s,
    }
}

/// Reads the file at `path` (or standard input for `-`) into a record.
pub fn read(path: &str) -> Result<Record, InputError> {
    read_limited(path, None)
}

/// Like [`read`], failing with [`InputError::TooLarge`] past `max` bytes. The file is never
/// read beyond `max + 1` bytes, even when it grows while being read.
pub fn read_limited(path: &str, max: Option<u64>) -> Result<Record, InputError> {
    if path == STDIN {
        return read_stdin_limited(max);
    }
    let p = Path::new(path);
    let err = |source| InputError::Read {
        path: path.to_string(),
        source,
    };
    let meta = std::fs::metadata(p).map_err(err)?;
    if meta.is_dir() {
        return Err(InputError::Directory {
            path: path.to_string(),
        });
    }
    let too_large = |limit| InputError::TooLarge {
        path: path.to_string(),
        limit,
    };
    if let Some(max) = max.filter(|&m| meta.len() > m) {
        return Err(too_large(max));
    }
    let file = std::fs::File::open(p).map_err(err)?;
    let bytes = read_capped(file, max, meta.len()).map_err(err)?;
    if let Some(max) = max.filter(|&m| bytes.len() as u64 > m) {
        return Err(too_large(max));
    }
    let name = p
        .file_name()
        .map(PathBuf::from)
        .ok_or_else(|| InputError::NoFileName {
            path: path.to_string(),
        })?;
    Ok(Record {
        source: path.to_string(),
        name,
        bytes,
    })
}

/// Reads all of standard input into a record named `stdin.txt`.
pub fn read_stdin() -> Result<Record, InputError> {
    read_stdin_limited(None)
}

/// Like [`read_stdin`], failing past `max` bytes.
pub fn read_stdin_limited(max: Option<u64>) -> Result<Record, InputError> {
    let path = display_name(STDIN).to_string();
    let bytes =
        read_capped(std::io::stdin().lock(), max, 0).map_err(|source| InputError::Read {
            path: path.clone(),
            source,
        })?;
    if let Some(max) = max.filter(|&m| bytes.len() as u64 > m) {
        return Err(InputError::TooLarge { path, limit: max });
    }
    Ok(Record {
        source: STDIN.to_string(),
        name: PathBuf::from("stdin.txt"),
        bytes,
    })
}

/// Reads at most `max + 1` bytes, so that the caller can tell "over the limit" apart from
/// "exactly at it" without holding more. `hint` sizes the buffer (the file's length).
fn read_capped(r: impl Read, max: Option<u64>, hint: u64) -> std::io::Result<Vec<u8>> {
    let cap = max.map_or(u64::MAX, |m| m.saturating_add(1));
    let mut bytes = Vec::with_capacity(hint.min(cap) as usize);
    r.take(cap).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The text of `bytes`: UTF-8, with invalid sequences replaced by U+FFFD. The flag says
/// whether anything was replaced, so the caller can warn once per input. A UTF-8 byte-order
/// mark is dropped: it is not part of the article and would stick to the title.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // the check alone first: it reads valid text (nearly every input) several times as
    // fast as the lossy decoder, which is only needed when the check fails
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(s), false);
    }
    match String::from_utf8_lossy(bytes) {
        Cow::Borrowed(s) => (Cow::Borrowed(s), false),
        Cow::Owned(s) => (Cow::Owned(s), true),
    }
}

/// What kind of document a record holds, which decides how its article text is extracted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: the article as lines, title first.
    Text,
    /// An HTML page, from which the article has to be extracted first.
    Html,
}

impl Format {
    /// Guesses the format from the file extension, then from the first bytes: `.html`,
    /// `.htm` and `.xhtml` files, and anything starting with a doctype, `<html` or an XML
    /// declaration, are HTML; everything else is text.
    pub fn detect(name: &Path, bytes: &[u8]) -> Format {
        let ext = name.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ["html", "htm", "xhtml"]
            .iter()
            .any(|h| ext.eq_ignore_ascii_case(h))
        {
            return Format::Html;
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let start = bytes
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(bytes.len());
        let head = &bytes[start..bytes.len().min(start + 64)];
        let starts = |p: &[u8]| head.len() >= p.len() && head[..p.len()].eq_ignore_ascii_case(p);
        if starts(b"<!doctype html") || starts(b"<html") || starts(b"<?xml") {
            Format::Html
        } else {
            Format::Text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_flags_only_invalid_input() {
        assert_eq!(decode(b"plain"), (Cow::Borrowed("plain"), false));
        let (text, lossy) = decode(b"a\xFFb");
        assert_eq!(text, "a\u{FFFD}b");
        assert!(lossy);
        assert_eq!(decode(b"\xEF\xBB\xBFTitle\n").0, "Title\n");
    }

    #[test]
    fn detect_by_extension_then_by_content() {
        assert_eq!(Format::detect(Path::new("a.HTML"), b"hello"), Format::Html);
        assert_eq!(Format::detect(Path::new("a.xhtml"), b""), Format::Html);
        assert_eq!(
            Format::detect(Path::new("a.txt"), b"\n  <!DOCTYPE html><html>"),
            Format::Html
        );
        assert_eq!(
            Format::detect(Path::new("a"), b"<html lang=en>"),
            Format::Html
        );
        assert_eq!(
            Format::detect(Path::new("a.txt"), b"A title <b>not</b> html"),
            Format::Text
        );
        assert_eq!(Format::detect(Path::new("stdin.txt"), b""), Format::Text);
    }

    #[test]
    fn io_reason_drops_the_os_error_number() {
        let e = std::io::Error::from_raw_os_error(2);
        assert_eq!(io_reason(&e), "No such file or directory");
    }

    #[test]
    fn missing_and_directory_inputs_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.txt");
        let err = read(missing.to_str().unwrap()).unwrap_err().to_string();
        assert_eq!(
            err,
            format!("{}: No such file or directory", missing.display())
        );
        let err = read(dir.path().to_str().unwrap()).unwrap_err().to_string();
        assert!(err.contains("is a directory"), "{err}");
    }

    #[test]
    fn documents_over_the_limit_are_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.txt");
        std::fs::write(&p, vec![b'a'; 1001]).unwrap();
        let path = p.to_str().unwrap();
        let err = read_limited(path, Some(1000)).unwrap_err().to_string();
        assert!(err.starts_with(&format!("{path}: larger than")), "{err}");
        assert!(err.contains("1000 bytes"), "{err}");
        assert_eq!(read_limited(path, Some(1001)).unwrap().bytes.len(), 1001);
        assert_eq!(read_limited(path, None).unwrap().bytes.len(), 1001);
    }
}
