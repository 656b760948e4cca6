//! JSON Lines dumps: one article object per line, read and written as a stream.
//!
//! Dumps carry fields decruft knows nothing about (crawl dates, language tags, nested
//! metadata), and users expect them back untouched and in order. Re-serialising a parsed
//! `serde_json::Value` would reorder keys (without the `preserve_order` feature), round
//! big integers and floats, and rewrite escapes. So the reader keeps the raw line and the
//! byte span of every top-level value; only the fields decruft uses are decoded, and the
//! writer splices the clean text into the original bytes. It is also faster than building a
//! `Value` tree (`examples/read_dump.rs` measures both).
//!
//! A bad line is an error carrying its line number, and reading goes on with the next line:
//! one broken record must not lose a million good ones. Lines longer than the limit are
//! skipped without being held in memory.
//!
//! # Output shape
//!
//! [`JsonlWriter`] writes each input object with its fields in their original order and
//! their values byte for byte, except:
//! - the text field holds the clean text: the clean body when the record has a title field
//!   (the title was given to the engine as the first line and stays in its own field), else
//!   the whole clean text, title line included, as the input had it. A record read from its
//!   `html` field gets the text field added after the existing fields;
//! - the title field is added, after the existing fields, when the record had none;
//! - a `decruft` object is added last (or replaces an existing `decruft` field in place):
//!   `{"flagged":1,"removed":3,"rules":{"J002":2,"S001":1,"S005":1}}`: the number of
//!   findings only flagged, the number that removed text, and the findings per rule code
//!   (keys sorted).
//!
//! Output objects are compact (no spaces between fields).
//!
//! A value decruft does not decode is kept as written even where strict readers would
//! refuse it, such as a lone surrogate escape (`"\ud800"`), which serde_json skips but
//! will not turn into a `String`: the output line is as valid as the input line. Such an
//! escape in a field decruft decodes (text, html, title, id, url) makes the record an error.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, BufRead, Write};
use std::ops::Range;

use serde::de::IgnoredAny;

use crate::engine::Cleaned;

/// Lines longer than this are reported and skipped (64 MiB: far beyond any article).
pub const DEFAULT_MAX_LINE: usize = 64 << 20;

/// The field names of a dump.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldNames {
    pub text: String,
    pub html: String,
    pub title: String,
    pub id: String,
    pub url: String,
}

impl Default for FieldNames {
    fn default() -> Self {
        FieldNames {
            text: "text".into(),
            html: "html".into(),
            title: "title".into(),
            id: "id".into(),
            url: "url".into(),
        }
    }
}

/// The name of the report object added to every output record.
pub const REPORT_FIELD: &str = "decruft";

/// A line that could not be read as a record. Reading continues after it unless it is an
/// I/O error.
#[derive(Debug)]
pub struct RecordError {
    /// 1-based line number.
    pub line: u64,
    pub kind: RecordErrorKind,
}

#[derive(Debug)]
pub enum RecordErrorKind {
    /// The line is not valid UTF-8.
    Utf8,
    /// The line is not valid JSON (serde_json's message, with the column).
    Json(String),
    /// The line is valid JSON but not an object.
    NotObject,
    /// The text or html field is not a string (`null`, a number, an array ...).
    NotString { field: String },
    /// The object has neither the text nor the html field.
    NoContent { text: String, html: String },
    /// The line is longer than the limit; it was skipped.
    TooLong { limit: usize },
    /// Reading failed; nothing more can be read.
    Io(io::Error),
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: ", self.line)?;
        match &self.kind {
            RecordErrorKind::Utf8 => f.write_str("not valid UTF-8"),
            RecordErrorKind::Json(m) => write!(f, "invalid JSON: {m}"),
            RecordErrorKind::NotObject => f.write_str("not a JSON object"),
            RecordErrorKind::NotString { field } => write!(f, "field `{field}` is not a string"),
            RecordErrorKind::NoContent { text, html } => write!(f, "no `{text}` or `{html}` field"),
            RecordErrorKind::TooLong { limit } => {
                write!(f, "line longer than {limit} bytes, skipped")
            }
            RecordErrorKind::Io(e) => write!(f, "read error: {e}"),
        }
    }
}

impl std::error::Error for RecordError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            RecordErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

/// One top-level field of a record: spans into the raw line.
#[derive(Debug, Clone)]
struct RawField {
    /// The key including its quotes.
    key: Range<usize>,
    /// Whether the key has escapes and must be decoded to be compared.
    escaped: bool,
    value: Range<usize>,
}

/// One article of a dump.
#[derive(Debug, Clone)]
pub struct JsonlRecord {
    /// 1-based line number in the input.
    pub line: u64,
    /// The text field, decoded.
    pub text: Option<String>,
    /// The html field, decoded (used when there is no text field).
    pub html: Option<String>,
    /// The title field when it is a string.
    pub title: Option<String>,
    /// The id field: a string's content, or a number as written.
    pub id: Option<String>,
    /// The url field when it is a string.
    pub url: Option<String>,
    raw: String,
    fields: Vec<RawField>,
    /// Whether the object has the title field at all (it may be `null`).
    has_title: bool,
}

impl JsonlRecord {
    /// Parses one line. `line` only numbers errors.
    pub fn parse(raw: String, line: u64, names: &FieldNames) -> Result<JsonlRecord, RecordError> {
        let err = |kind| RecordError { line, kind };
        // one pass finds the fields; the values are then validated by serde_json one by one
        // (the fields decruft uses by decoding them), so that no byte is parsed twice
        let fields = match scan_object(raw.as_bytes()) {
            Ok(f) => f,
            Err(ScanError::NotObject) => return Err(err(RecordErrorKind::NotObject)),
            Err(ScanError::Syntax(m)) => return Err(err(RecordErrorKind::Json(m))),
        };
        let mut rec = JsonlRecord {
            line,
            text: None,
            html: None,
            title: None,
            id: None,
            url: None,
            raw: String::new(),
            fields,
            has_title: false,
        };
        let mut has_text = false;
        let mut has_html = false;
        let json = |m: String| err(RecordErrorKind::Json(m));
        for f in &rec.fields {
            check_key(&raw, f).map_err(json)?;
            let key = key_of(&raw, f);
            let value = &raw[f.value.clone()];
            let column = f.value.start + 1;
            let in_field = |e: String| json(format!("field `{key}` at column {column}: {e}"));
            let known = [
                &names.text,
                &names.html,
                &names.title,
                &names.id,
                &names.url,
            ];
            if !known.iter().any(|n| **n == *key) || !value.starts_with('"') {
                serde_json::from_str::<IgnoredAny>(value).map_err(|e| in_field(e.to_string()))?;
            }
            let string = || decode_string(value).map_err(in_field);
            // a duplicate key takes its last value, as serde_json does
            if key == names.text {
                has_text = true;
                let not_string = || {
                    err(RecordErrorKind::NotString {
                        field: names.text.clone(),
                    })
                };
                rec.text = Some(string()?.ok_or_else(not_string)?);
            } else if key == names.html {
                has_html = true;
                let not_string = || {
                    err(RecordErrorKind::NotString {
                        field: names.html.clone(),
                    })
                };
                rec.html = Some(string()?.ok_or_else(not_string)?);
            } else if key == names.title {
                rec.has_title = true;
                rec.title = string()?;
            } else if key == names.id {
                let number = value.starts_with(|c: char| c == '-' || c.is_ascii_digit());
                rec.id = string()?.or_else(|| number.then(|| value.to_string()));
            } else if key == names.url {
                rec.url = string()?;
            }
        }
        if !has_text && !has_html {
            return Err(err(RecordErrorKind::NoContent {
                text: names.text.clone(),
                html: names.html.clone(),
            }));
        }
        rec.raw = raw;
        Ok(rec)
    }

    /// The line as read (without its terminator).
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The top-level fields in input order: the decoded key and the raw JSON value.
    pub fn fields(&self) -> impl Iterator<Item = (Cow<'_, str>, &str)> {
        self.fields
            .iter()
            .map(|f| (key_of(&self.raw, f), &self.raw[f.value.clone()]))
    }

    /// The text to give the engine: the title field (when there is one) as the first line,
    /// then the text, so that the engine sees the title the way it sees it in a text file.
    /// `None` for a record that only has html (extract its text first).
    pub fn article(&self) -> Option<Cow<'_, str>> {
        let text = self.text.as_deref()?;
        match self.title.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() && !t.contains('\n') => {
                Some(Cow::Owned(format!("{t}\n\n{text}")))
            }
            _ => Some(Cow::Borrowed(text)),
        }
    }

    /// Whether [`article`](Self::article) put the title field in front of the text.
    fn title_prepended(&self) -> bool {
        self.title
            .as_deref()
            .map(str::trim)
            .is_some_and(|t| !t.is_empty() && !t.contains('\n'))
    }
}

/// The decoded key of a field (checked by [`check_key`] when the record was parsed).
fn key_of<'a>(raw: &'a str, f: &RawField) -> Cow<'a, str> {
    let quoted = &raw[f.key.clone()];
    if f.escaped {
        Cow::Owned(serde_json::from_str::<String>(quoted).unwrap_or_default())
    } else {
        Cow::Borrowed(&quoted[1..quoted.len() - 1])
    }
}

/// The content of a JSON string value, `None` for any other value, an error for an
/// invalid string.
fn decode_string(value: &str) -> Result<Option<String>, String> {
    if !value.starts_with('"') {
        return Ok(None);
    }
    let inner = &value[1..value.len() - 1];
    // a string without escapes is one search and one copy in `unescape`: no byte loop
    // over the text to tell it apart first
    if let Some(s) = unescape(inner) {
        return Ok(Some(s));
    }
    serde_json::from_str::<String>(value)
        .map(Some)
        .map_err(|e| e.to_string())
}

/// The content of a JSON string (without its quotes) whose escapes are the common ones;
/// `None` sends the string to serde_json: a surrogate pair, anything invalid (for
/// serde_json's message). Article text has a line-end escape every paragraph, and decoding
/// it here copies it once, into a string with room for the final newline; serde_json
/// copies it into a scratch buffer and then again into an exact-size string.
fn unescape(inner: &str) -> Option<String> {
    let b = inner.as_bytes();
    let mut out = String::with_capacity(b.len() + 1);
    let mut i = 0;
    loop {
        let k = find_escape(&b[i..]).map_or(b.len(), |k| i + k);
        out.push_str(&inner[i..k]);
        if k == b.len() {
            return Some(out);
        }
        if b[k] != b'\\' {
            // a control byte: invalid, serde_json says so
            return None;
        }
        let c = match *b.get(k + 1)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'n' => '\n',
            b't' => '\t',
            b'r' => '\r',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'u' => {
                let hex = b.get(k + 2..k + 6)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                let v = hex
                    .iter()
                    .fold(0, |v, &h| v * 16 + (h as char).to_digit(16).unwrap_or(0));
                // `None` for a surrogate: pairs are left to serde_json
                out.push(char::from_u32(v)?);
                i = k + 6;
                continue;
            }
            _ => return None,
        };
        out.push(c);
        i = k + 2;
    }
}

/// Keys are only decoded when compared; here they are checked once.
fn check_key(raw: &str, f: &RawField) -> Result<(), String> {
    let quoted = &raw[f.key.clone()];
    let bad = if f.escaped {
        serde_json::from_str::<String>(quoted)
            .err()
            .map(|e| e.to_string())
    } else {
        quoted
            .bytes()
            .any(|b| b < 0x20)
            .then(|| "control character in a key".to_string())
    };
    bad.map_or(Ok(()), |e| {
        Err(format!("key at column {}: {e}", f.key.start + 1))
    })
}

enum ScanError {
    NotObject,
    Syntax(String),
}

/// The top-level fields of a JSON object. The structure is checked here; the values are
/// only delimited (strings, brackets), serde_json checks them afterwards.
fn scan_object(s: &[u8]) -> Result<Vec<RawField>, ScanError> {
    let syntax = |what: &str, at: usize| ScanError::Syntax(format!("{what} at column {}", at + 1));
    let mut i = skip_ws(s, 0);
    if s.get(i) != Some(&b'{') {
        return Err(match serde_json::from_slice::<IgnoredAny>(s) {
            Ok(_) => ScanError::NotObject,
            Err(e) => ScanError::Syntax(e.to_string()),
        });
    }
    i = skip_ws(s, i + 1);
    // a record has a few fields: room for them saves the growth from one to eight
    let mut fields = Vec::with_capacity(8);
    if s.get(i) == Some(&b'}') {
        i += 1;
    } else {
        loop {
            if s.get(i) != Some(&b'"') {
                return Err(syntax("expected a key", i));
            }
            let key_start = i;
            let (key_end, escaped) =
                string_end(s, i).ok_or_else(|| syntax("unterminated key", i))?;
            i = skip_ws(s, key_end);
            if s.get(i) != Some(&b':') {
                return Err(syntax("expected `:`", i));
            }
            i = skip_ws(s, i + 1);
            let value_start = i;
            let end = value_end(s, i).ok_or_else(|| syntax("unterminated value", i))?;
            if end == value_start {
                return Err(syntax("expected a value", i));
            }
            fields.push(RawField {
                key: key_start..key_end,
                escaped,
                value: value_start..end,
            });
            i = skip_ws(s, end);
            match s.get(i) {
                Some(b',') => i = skip_ws(s, i + 1),
                Some(b'}') => {
                    i += 1;
                    break;
                }
                _ => return Err(syntax("expected `,` or `}`", i)),
            }
        }
    }
    let i = skip_ws(s, i);
    if i < s.len() {
        return Err(syntax("trailing characters", i));
    }
    Ok(fields)
}

fn skip_ws(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && matches!(s[i], b' ' | b'\t' | b'\r' | b'\n') {
        i += 1;
    }
    i
}

/// End (exclusive, after the closing quote) of the string starting at `i`, and whether it
/// has escapes.
fn string_end(s: &[u8], i: usize) -> Option<(usize, bool)> {
    let mut j = i + 1;
    let mut escaped = false;
    loop {
        j += memchr::memchr2(b'"', b'\\', s.get(j..)?)?;
        if s[j] == b'"' {
            return Some((j + 1, escaped));
        }
        escaped = true;
        j += 2;
    }
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Whether any byte of `x` is zero (the classic word-at-a-time test).
#[inline]
fn has_zero(x: u64) -> bool {
    x.wrapping_sub(LO) & !x & HI != 0
}

/// The first backslash or control byte (below 0x20) in `hay`, eight bytes at a time: the
/// bytes a JSON string's content cannot hold as they are.
fn find_escape(hay: &[u8]) -> Option<usize> {
    let backslash = LO * u64::from(b'\\');
    let mut i = 0;
    // sixteen bytes at a time first: an OR of the compares over a block is what the
    // compiler makes one vector compare and a mask test (as `document::find_newline` does);
    // article text has an escape only every few hundred bytes
    while i + 16 <= hay.len() {
        let block = &hay[i..i + 16];
        if block
            .iter()
            .fold(false, |any, &c| any | (c == b'\\') | (c < 0x20))
        {
            break;
        }
        i += 16;
    }
    while i + 8 <= hay.len() {
        let x = u64::from_le_bytes(hay[i..i + 8].try_into().expect("8 bytes"));
        // a flag is only ever false above a true one, so a flagged word holds a match
        if has_zero(x ^ backslash) || x.wrapping_sub(LO * 0x20) & !x & HI != 0 {
            break;
        }
        i += 8;
    }
    hay[i..]
        .iter()
        .position(|&c| c == b'\\' || c < 0x20)
        .map(|k| i + k)
}

fn value_end(s: &[u8], i: usize) -> Option<usize> {
    match s.get(i)? {
        b'"' => string_end(s, i).map(|(e, _)| e),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < s.len() {
                match s[j] {
                    b'"' => {
                        j = string_end(s, j)?.0;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < s.len() && !matches!(s[j], b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n')
            {
                j += 1;
            }
            Some(j)
        }
    }
}

/// Streams the records of a JSON Lines input. Blank lines are skipped silently.
pub struct JsonlReader<R> {
    input: R,
    names: FieldNames,
    line: u64,
    max_line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(input: R, names: FieldNames) -> Self {
        JsonlReader {
            input,
            names,
            line: 0,
            max_line: DEFAULT_MAX_LINE,
            buf: Vec::new(),
            done: false,
        }
    }

    /// Lines longer than `max` bytes are reported and skipped.
    pub fn with_max_line(mut self, max: usize) -> Self {
        self.max_line = max;
        self
    }

    /// The number of lines read so far.
    pub fn lines_read(&self) -> u64 {
        self.line
    }

    /// Reads one line into `self.buf` (without the terminator). `Ok(false)` at the end;
    /// `Ok(true)` with `too_long` set when the line was skipped for its length.
    fn read_line(&mut self, too_long: &mut bool) -> io::Result<bool> {
        self.buf.clear();
        *too_long = false;
        let mut any = false;
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                return Ok(any);
            }
            any = true;
            let (part, consumed, end) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (&chunk[..i], i + 1, true),
                None => (chunk, chunk.len(), false),
            };
            if !*too_long {
                if self.buf.len() + part.len() > self.max_line {
                    *too_long = true;
                    self.buf = Vec::new();
                } else {
                    self.buf.extend_from_slice(part);
                }
            }
            self.input.consume(consumed);
            if end {
                return Ok(true);
            }
        }
    }
}

/// One line of a dump as read, not yet parsed. Finding where lines end is sequential, but
/// parsing a line is not: a batch reads lines on one thread and parses them on its workers.
#[derive(Debug, Clone)]
pub struct RawLine {
    /// 1-based line number in the input.
    pub line: u64,
    /// The line without its terminator.
    pub bytes: Vec<u8>,
}

impl RawLine {
    /// The record of this line.
    pub fn parse(self, names: &FieldNames) -> Result<JsonlRecord, RecordError> {
        match String::from_utf8(self.bytes) {
            Ok(raw) => JsonlRecord::parse(raw, self.line, names),
            Err(_) => Err(RecordError {
                line: self.line,
                kind: RecordErrorKind::Utf8,
            }),
        }
    }

    /// The bytes of input the line stands for: the line and its newline.
    pub fn input_len(&self) -> u64 {
        self.bytes.len() as u64 + 1
    }
}

impl<R: BufRead> JsonlReader<R> {
    /// The next non-blank line, unparsed (see [`RawLine`]); errors are those of reading
    /// (I/O, a line over the length limit).
    pub fn next_raw(&mut self) -> Option<Result<RawLine, RecordError>> {
        while !self.done {
            let mut too_long = false;
            match self.read_line(&mut too_long) {
                Ok(false) => self.done = true,
                Err(e) => {
                    self.done = true;
                    return Some(Err(RecordError {
                        line: self.line + 1,
                        kind: RecordErrorKind::Io(e),
                    }));
                }
                Ok(true) => {
                    self.line += 1;
                    let line = self.line;
                    if too_long {
                        return Some(Err(RecordError {
                            line,
                            kind: RecordErrorKind::TooLong {
                                limit: self.max_line,
                            },
                        }));
                    }
                    if self.buf.last() == Some(&b'\r') {
                        self.buf.pop();
                    }
                    if self.buf.iter().all(|b| b.is_ascii_whitespace()) {
                        continue;
                    }
                    let bytes = std::mem::take(&mut self.buf);
                    return Some(Ok(RawLine { line, bytes }));
                }
            }
        }
        None
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<JsonlRecord, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        let raw = self.next_raw()?;
        Some(raw.and_then(|l| l.parse(&self.names)))
    }
}

/// Writes cleaned records in the shape described in the module documentation.
pub struct JsonlWriter<W> {
    out: W,
    names: FieldNames,
    buf: Vec<u8>,
}

impl<W: Write> JsonlWriter<W> {
    pub fn new(out: W, names: FieldNames) -> Self {
        JsonlWriter {
            out,
            names,
            buf: Vec::with_capacity(64 * 1024),
        }
    }

    /// Writes `record` with its text replaced by `cleaned`.
    pub fn write(&mut self, record: &JsonlRecord, cleaned: &Cleaned) -> io::Result<()> {
        self.buf.clear();
        render_record(&mut self.buf, record, cleaned, &self.names);
        self.buf.push(b'\n');
        self.out.write_all(&self.buf)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    pub fn into_inner(self) -> W {
        self.out
    }
}

/// Appends the output object (no newline) for `record` cleaned as `cleaned`.
pub fn render_record(
    out: &mut Vec<u8>,
    record: &JsonlRecord,
    cleaned: &Cleaned,
    names: &FieldNames,
) {
    let text = if record.title_prepended() {
        &cleaned.body
    } else {
        &cleaned.text
    };
    let raw = &record.raw;
    out.push(b'{');
    let mut first = true;
    let mut sep = |out: &mut Vec<u8>| {
        if !std::mem::take(&mut first) {
            out.push(b',');
        }
    };
    let (mut wrote_text, mut wrote_report) = (false, false);
    for f in &record.fields {
        let key = key_of(raw, f);
        sep(out);
        out.extend_from_slice(raw[f.key.clone()].as_bytes());
        out.push(b':');
        if key == names.text {
            if wrote_text {
                // a duplicate text key: write the clean text once, keep the key so the
                // field order stays recognisable
                out.extend_from_slice(b"null");
                continue;
            }
            wrote_text = true;
            write_json_string(out, text);
        } else if key == REPORT_FIELD {
            wrote_report = true;
            write_report(out, cleaned);
        } else {
            out.extend_from_slice(raw[f.value.clone()].as_bytes());
        }
    }
    if !wrote_text {
        sep(out);
        write_json_string(out, &names.text);
        out.push(b':');
        write_json_string(out, text);
    }
    if !record.has_title && !cleaned.title.is_empty() {
        sep(out);
        write_json_string(out, &names.title);
        out.push(b':');
        write_json_string(out, &cleaned.title);
    }
    if !wrote_report {
        sep(out);
        write_json_string(out, REPORT_FIELD);
        out.push(b':');
        write_report(out, cleaned);
    }
    out.push(b'}');
}

/// Writes `s` as a JSON string, escaped as serde_json escapes it. Article text has an
/// escape every few hundred bytes (a line end, a quote), so runs without one are found
/// eight bytes at a time and copied whole; serde_json looks every byte up in a table.
fn write_json_string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // a block of sixteen plain bytes is skipped by one vector compare (see
        // `find_escape`)
        if i + 16 <= bytes.len()
            && !bytes[i..i + 16].iter().fold(false, |any, &c| {
                any | (c < 0x20) | (c == b'"') | (c == b'\\')
            })
        {
            i += 16;
            continue;
        }
        if i + 8 <= bytes.len() {
            let x = u64::from_le_bytes(bytes[i..i + 8].try_into().expect("8 bytes"));
            // bytes below 0x20 are flagged exactly when none is a quote or a backslash and
            // no flag is set below them; a false flag only sends the word to the byte loop
            let control = x.wrapping_sub(LO * 0x20) & !x & HI;
            if control == 0
                && !has_zero(x ^ (LO * u64::from(b'"')))
                && !has_zero(x ^ (LO * u64::from(b'\\')))
            {
                i += 8;
                continue;
            }
        }
        let end = (i + 8).min(bytes.len());
        while i < end {
            let b = bytes[i];
            let esc: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0c => b"\\f",
                0..=0x1f => b"",
                _ => {
                    i += 1;
                    continue;
                }
            };
            out.extend_from_slice(&bytes[start..i]);
            if esc.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            } else {
                out.extend_from_slice(esc);
            }
            i += 1;
            start = i;
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// `{"flagged":1,"removed":3,"rules":{"J002":2,"S001":1,"S005":1}}`: the bytes serde_json
/// writes for that object (keys sorted), without building it as a `Value` first.
fn write_report(out: &mut Vec<u8>, cleaned: &Cleaned) {
    // a handful of codes per record: a list searched from the end (a code's findings tend
    // to come together), sorted once, instead of a map's node allocations
    let mut rules: Vec<(&str, u64)> = Vec::new();
    let mut removed = 0u64;
    for f in &cleaned.findings {
        match rules.iter_mut().rev().find(|(c, _)| *c == f.code) {
            Some((_, n)) => *n += 1,
            None => rules.push((&f.code, 1)),
        }
        removed += u64::from(f.action.removes());
    }
    rules.sort_unstable_by_key(|&(code, _)| code);
    let flagged = cleaned.findings.len() as u64 - removed;
    use std::io::Write as _;
    let _ = write!(
        out,
        "{{\"flagged\":{flagged},\"removed\":{removed},\"rules\":{{"
    );
    for (k, (code, n)) in rules.into_iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        write_json_string(out, code);
        let _ = write!(out, ":{n}");
    }
    out.extend_from_slice(b"}}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn parse(line: &str) -> Result<JsonlRecord, RecordError> {
        JsonlRecord::parse(line.to_string(), 1, &FieldNames::default())
    }

    #[test]
    fn scanner_finds_top_level_fields_only() {
        let r = parse(r#" { "a" : {"text":"no","b":[1,"]}"]}, "text":"yes\n\"q\"", "n": -1.5e3 ,"e\u0041":true } "#).unwrap();
        let f: Vec<(String, String)> = r
            .fields()
            .map(|(k, v)| (k.into_owned(), v.to_string()))
            .collect();
        assert_eq!(
            f,
            vec![
                ("a".to_string(), r#"{"text":"no","b":[1,"]}"]}"#.to_string()),
                ("text".to_string(), r#""yes\n\"q\"""#.to_string()),
                ("n".to_string(), "-1.5e3".to_string()),
                ("eA".to_string(), "true".to_string()),
            ]
        );
        assert_eq!(r.text.as_deref(), Some("yes\n\"q\""));
    }

    #[test]
    fn errors_name_the_problem() {
        assert!(matches!(
            parse("[1,2]").unwrap_err().kind,
            RecordErrorKind::NotObject
        ));
        assert!(matches!(
            parse(r#"{"text": null}"#).unwrap_err().kind,
            RecordErrorKind::NotString { .. }
        ));
        assert!(matches!(
            parse(r#"{"title": "t"}"#).unwrap_err().kind,
            RecordErrorKind::NoContent { .. }
        ));
        let e = parse(r#"{"text": "a"} x"#).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("line 1: invalid JSON: trailing characters"),
            "{e}"
        );
    }

    #[test]
    fn invalid_json_is_rejected_wherever_it_hides() {
        for bad in [
            r#"{"text":"a",}"#,
            r#"{"text":"a" "b":1}"#,
            r#"{,"text":"a"}"#,
            r#"{"text":"a"} x"#,
            r#"{"text":"a","n":01}"#,
            r#"{"text":"a","o":{"x":]}"#,
            r#"{"text":"a","o":{"x":1}"#,
            "{\"text\":\"a\u{1}\"}",
            r#"{"text":"bad \q escape"}"#,
            r#"{"k\z":1,"text":"a"}"#,
            r#"{"text":"a","b":tru}"#,
            r#"{"text":"a"#,
            "{",
            "nope",
        ] {
            let e = parse(bad).unwrap_err();
            assert!(matches!(e.kind, RecordErrorKind::Json(_)), "{bad}: {e}");
        }
        assert!(
            parse(r#" { } "#).is_err_and(|e| matches!(e.kind, RecordErrorKind::NoContent { .. }))
        );
        assert!(parse(r#"{"text":"a","e":{},"l":[],"s":"\u00e9\n"}"#).is_ok());
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("caf\u{e9} \u{2028} \u{1f600}");
        let mut cases = vec![String::new(), all.clone()];
        for cut in 0..all.len() {
            if all.is_char_boundary(cut) {
                cases.push(format!("{}plain text here{}", &all[cut..], &all[..cut]));
            }
        }
        cases.push("a long line of text without a single escape in it at all".into());
        cases.push("Title\n\nA \"quoted\" word\\path\r\n\tend\u{7f}".into());
        for s in cases {
            let mut ours = Vec::new();
            write_json_string(&mut ours, &s);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&s).unwrap()
            );
        }
    }

    #[test]
    fn the_report_object_is_what_serde_json_writes() {
        use crate::rules::{Action, Finding, RuleMeta};
        static A: RuleMeta = RuleMeta {
            code: "S005",
            name: "a",
            action: Action::Flag,
            default_enabled: true,
            explanation: "",
        };
        static B: RuleMeta = RuleMeta {
            code: "J002",
            name: "b",
            action: Action::DropLine,
            default_enabled: true,
            explanation: "",
        };
        let mut findings = vec![
            Finding::new(&A, 0..1, ""),
            Finding::new(&B, 2..3, ""),
            Finding::new(&B, 4..5, ""),
        ];
        findings.push(Finding {
            code: "U\"1".to_string().into(),
            ..Finding::new(&B, 6..7, "")
        });
        for n in [0, 1, findings.len()] {
            let cleaned = Cleaned {
                title: String::new(),
                body: String::new(),
                text: String::new(),
                findings: findings[..n].to_vec(),
            };
            let mut rules: BTreeMap<&str, u64> = BTreeMap::new();
            let mut removed = 0u64;
            for f in &cleaned.findings {
                *rules.entry(&f.code).or_default() += 1;
                removed += u64::from(f.action.removes());
            }
            let flagged = n as u64 - removed;
            let want =
                serde_json::json!({ "removed": removed, "flagged": flagged, "rules": rules });
            let mut ours = Vec::new();
            write_report(&mut ours, &cleaned);
            assert_eq!(String::from_utf8(ours).unwrap(), want.to_string());
        }
    }

    #[test]
    fn strings_are_decoded_as_serde_json_decodes_them() {
        let cases = [
            "",
            "plain",
            r"a\nb",
            r#"\"q\" \\ \/ \b\f\n\r\t"#,
            r"caf\u00e9 \u00E9\u2028",
            r"pair \ud83d\ude00 here",
            r"lone \ud83d here",
            r"lone \ude00",
            r"bad \q escape",
            r"short \u12",
            r"sign \u+123",
            "control \u{1} here",
            "tab\tinside",
            r"ends with \",
            "caf\u{e9} \u{1f600} long enough to take the word-at-a-time path \\n",
        ];
        for inner in cases {
            let value = format!("\"{inner}\"");
            let want = serde_json::from_str::<String>(&value).map_err(|e| e.to_string());
            assert_eq!(decode_string(&value), want.map(Some), "{inner}");
        }
    }

    #[test]
    fn escape_search_agrees_with_a_byte_loop() {
        let hay: Vec<u8> = (0..200u32)
            .map(|i| b"abc\\de\x1fgh\x7f\xc3\xa9 \t\"xyz"[(i * 7 % 17) as usize % 16])
            .collect();
        for start in 0..hay.len() {
            for end in start..hay.len().min(start + 40) {
                let h = &hay[start..end];
                let slow = h.iter().position(|&c| c == b'\\' || c < 0x20);
                assert_eq!(find_escape(h), slow);
            }
        }
        // long plain runs, which the sixteen-byte blocks skip, with one escape anywhere
        for len in [0, 15, 16, 17, 40, 70] {
            for (at, c) in (0..=len).flat_map(|at| [(at, b'\\'), (at, b'\n'), (at, 0x1f)]) {
                let mut h = vec![b'a'; len];
                if at < len {
                    h[at] = c;
                }
                assert_eq!(find_escape(&h), (at < len).then_some(at), "{h:?}");
            }
        }
    }

    #[test]
    fn numeric_ids_are_kept_as_written() {
        let r = parse(r#"{"id": 12345678901234567890, "text": "t"}"#).unwrap();
        assert_eq!(r.id.as_deref(), Some("12345678901234567890"));
    }
}
