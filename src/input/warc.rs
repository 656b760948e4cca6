//! WARC archives (Common Crawl and web archives): the HTML pages of `response` records.
//!
//! A WARC file is a sequence of records, each a `WARC/1.x` version line, headers, a blank
//! line, `Content-Length` bytes of content and a blank line pair. The content of a `response`
//! record is the HTTP response as received: status line, headers, body. Only successful
//! (200) HTML responses are articles; requests, metadata, redirects, 404s, images and PDFs
//! are skipped and counted so that a run can say what it did not read and why.
//!
//! Archives are read as a stream (`.warc.gz` through [`super::compress`]), one record at a
//! time, with each record's content capped. A broken record (an unreadable header, a
//! `Content-Length` that runs past the end or does not end at the record separator) is an
//! error naming its record number and byte offset; reading then resynchronises at the next
//! `WARC/1.` line, also inside the bytes a lying `Content-Length` swallowed.
//!
//! Reading is two steps so that a batch can spread the costly one over its workers: framing
//! ([`WarcReader::next_response`]: record boundaries, WARC and HTTP heads; sequential by
//! nature) and making a page of a response ([`Response::into_page`]: de-chunking,
//! decompressing, decoding the charset). The iterator does both.

use std::fmt;
use std::io::{self, BufRead, Read};

use flate2::read::{GzDecoder, ZlibDecoder};

/// Records with more content than this are skipped (and counted) unread.
pub const DEFAULT_MAX_RECORD: usize = 64 << 20;

/// Header lines longer than this are cut (the rest is read and dropped).
const MAX_LINE: usize = 64 * 1024;
/// More header lines than this make a record broken.
const MAX_HEADERS: usize = 512;

/// One HTML page of the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcRecord {
    /// 1-based number of the record in the archive (all records count).
    pub number: u64,
    /// Byte offset of the record's version line in the (decompressed) input.
    pub offset: u64,
    /// `WARC-Target-URI`: the page's URL.
    pub url: String,
    /// `WARC-Record-ID`, e.g. `<urn:uuid:...>`.
    pub record_id: Option<String>,
    /// `WARC-Date`.
    pub date: Option<String>,
    /// The encoding the body was decoded from (`UTF-8`, `windows-1252` ...).
    pub encoding: &'static str,
    /// The HTML, decoded to UTF-8.
    pub html: String,
}

/// What was read and what was skipped, by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WarcStats {
    /// Records seen, broken ones included.
    pub records: u64,
    /// HTML pages returned.
    pub pages: u64,
    /// Records of another type than `response` (`request`, `metadata`, `warcinfo` ...).
    pub not_response: u64,
    /// Responses with a status other than 200.
    pub not_ok: u64,
    /// 200 responses that are not HTML.
    pub not_html: u64,
    /// HTML responses in a content or transfer encoding that cannot be decoded.
    pub undecodable: u64,
    /// Records larger than the content limit.
    pub too_large: u64,
    /// Broken records (each also returned as an error).
    pub broken: u64,
}

/// A broken record. Reading goes on with the next record unless `fatal`.
#[derive(Debug)]
pub struct RecordError {
    /// 1-based record number.
    pub record: u64,
    /// Byte offset of the record in the (decompressed) input.
    pub offset: u64,
    pub message: String,
    /// An I/O error: nothing more can be read.
    pub fatal: bool,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "record {} (offset {}): {}",
            self.record, self.offset, self.message
        )
    }
}

impl std::error::Error for RecordError {}

/// A byte stream with push-back, so that resynchronising can re-read bytes it already took.
struct Source<R> {
    inner: R,
    /// Bytes to read before `inner` (pushed back), from `back_pos`.
    back: Vec<u8>,
    back_pos: usize,
    /// Offset of the next byte to be read.
    offset: u64,
}

impl<R: BufRead> Source<R> {
    fn unread(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        let mut v = Vec::with_capacity(bytes.len() + self.back.len() - self.back_pos);
        v.extend_from_slice(bytes);
        v.extend_from_slice(&self.back[self.back_pos..]);
        self.back = v;
        self.back_pos = 0;
        self.offset -= bytes.len() as u64;
    }

    fn fill(&mut self) -> io::Result<&[u8]> {
        if self.back_pos < self.back.len() {
            return Ok(&self.back[self.back_pos..]);
        }
        loop {
            match self.inner.fill_buf() {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
                Ok(_) => break,
            }
        }
        // a second call returns the buffer just filled (the borrow checker cannot return
        // it out of the loop)
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        self.offset += n as u64;
        if self.back_pos < self.back.len() {
            self.back_pos += n;
            if self.back_pos == self.back.len() {
                self.back.clear();
                self.back_pos = 0;
            }
        } else {
            self.inner.consume(n);
        }
    }

    /// Reads a line (with its `\n`) into `out`, keeping at most `MAX_LINE` bytes of it.
    /// Returns the number of bytes consumed (0 at the end).
    fn read_line(&mut self, out: &mut Vec<u8>) -> io::Result<usize> {
        out.clear();
        let mut total = 0;
        loop {
            let buf = self.fill()?;
            if buf.is_empty() {
                return Ok(total);
            }
            let (n, done) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            let keep = n.min(MAX_LINE.saturating_sub(out.len()));
            out.extend_from_slice(&buf[..keep]);
            self.consume(n);
            total += n;
            if done {
                return Ok(total);
            }
        }
    }

    /// Reads up to `n` bytes into `out` (fewer only at the end of the input).
    fn read_up_to(&mut self, n: usize, out: &mut Vec<u8>) -> io::Result<()> {
        out.clear();
        out.reserve(n.min(1 << 20));
        while out.len() < n {
            let buf = self.fill()?;
            if buf.is_empty() {
                break;
            }
            let k = buf.len().min(n - out.len());
            out.extend_from_slice(&buf[..k]);
            self.consume(k);
        }
        Ok(())
    }

    /// Drops up to `n` bytes; returns how many were dropped.
    fn skip(&mut self, n: u64) -> io::Result<u64> {
        let mut left = n;
        while left > 0 {
            let buf = self.fill()?;
            if buf.is_empty() {
                break;
            }
            let k = (buf.len() as u64).min(left) as usize;
            self.consume(k);
            left -= k as u64;
        }
        Ok(n - left)
    }
}

/// Streams the HTML pages of a WARC input.
pub struct WarcReader<R> {
    src: Source<R>,
    stats: WarcStats,
    max_record: usize,
    done: bool,
    line: Vec<u8>,
    block: Vec<u8>,
}

/// What the framing of a record gave.
enum Outcome {
    Response(Response),
    Skipped,
    Broken(String),
}

/// A `response` record as framed by the reader: headers read, HTTP head parsed, content
/// held. Turning it into a page ([`Response::into_page`]: status and type checks,
/// de-chunking, decompressing, decoding the charset) is most of the work of reading an
/// archive and needs nothing from the stream, so a batch does it on its workers while the
/// reader frames the next records.
#[derive(Debug)]
pub struct Response {
    /// 1-based number of the record in the archive.
    pub number: u64,
    /// Byte offset of the record's version line in the (decompressed) input.
    pub offset: u64,
    pub url: String,
    pub record_id: Option<String>,
    pub date: Option<String>,
    http: Http,
    block: Vec<u8>,
    max_record: usize,
}

/// Why a response record is not a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// A status other than 200.
    NotOk,
    /// Not HTML.
    NotHtml,
    /// In a content or transfer encoding that cannot be decoded.
    Undecodable,
}

impl WarcStats {
    /// Counts what [`Response::into_page`] made of a response.
    pub fn count(&mut self, page: &Result<WarcRecord, Skip>) {
        match page {
            Ok(_) => self.pages += 1,
            Err(Skip::NotOk) => self.not_ok += 1,
            Err(Skip::NotHtml) => self.not_html += 1,
            Err(Skip::Undecodable) => self.undecodable += 1,
        }
    }
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(input: R) -> Self {
        WarcReader {
            src: Source {
                inner: input,
                back: Vec::new(),
                back_pos: 0,
                offset: 0,
            },
            stats: WarcStats::default(),
            max_record: DEFAULT_MAX_RECORD,
            done: false,
            line: Vec::new(),
            block: Vec::new(),
        }
    }

    /// Records with more content than `max` bytes are skipped and counted.
    pub fn with_max_record(mut self, max: usize) -> Self {
        self.max_record = max;
        self
    }

    /// Counts so far.
    pub fn stats(&self) -> WarcStats {
        self.stats
    }

    /// Skips to the next `WARC/1.` line (left unread).
    fn resync(&mut self) -> io::Result<()> {
        loop {
            let start = self.src.offset;
            let n = self.src.read_line(&mut self.line)?;
            if n == 0 {
                return Ok(());
            }
            if self.line.starts_with(b"WARC/1.") {
                // only the kept prefix can be pushed back; a version line is short
                let line = std::mem::take(&mut self.line);
                self.src.unread(&line);
                self.line = line;
                debug_assert_eq!(self.src.offset, start);
                return Ok(());
            }
        }
    }

    /// Reads one record from its version line on.
    fn read_record(&mut self, number: u64) -> io::Result<Outcome> {
        // header
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            if self.src.read_line(&mut self.line)? == 0 {
                return Ok(Outcome::Broken(
                    "the input ends inside the WARC header".into(),
                ));
            }
            let line = trim_eol(&self.line);
            if line.is_empty() {
                break;
            }
            if headers.len() >= MAX_HEADERS {
                return Ok(Outcome::Broken(format!(
                    "more than {MAX_HEADERS} header lines"
                )));
            }
            if line[0] == b' ' || line[0] == b'\t' {
                match headers.last_mut() {
                    Some((_, v)) => {
                        v.push(' ');
                        v.push_str(String::from_utf8_lossy(line).trim());
                        continue;
                    }
                    None => {
                        return Ok(Outcome::Broken(
                            "header continuation without a header".into(),
                        ))
                    }
                }
            }
            let text = String::from_utf8_lossy(line);
            match text.split_once(':') {
                Some((k, v)) if !k.trim().is_empty() => {
                    headers.push((k.trim().to_string(), v.trim().to_string()))
                }
                _ => {
                    return Ok(Outcome::Broken(format!(
                        "bad header line `{}`",
                        shorten(&text)
                    )))
                }
            }
        }
        let header = |name: &str| {
            headers
                .iter()
                .rev()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        };
        let Some(length) = header("Content-Length") else {
            return Ok(Outcome::Broken("no Content-Length header".into()));
        };
        let Ok(length) = length.parse::<u64>() else {
            return Ok(Outcome::Broken(format!(
                "bad Content-Length `{}`",
                shorten(length)
            )));
        };
        let record_type = header("WARC-Type").unwrap_or("").to_ascii_lowercase();
        let url = header("WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string());
        let record_id = header("WARC-Record-ID").map(str::to_string);
        let date = header("WARC-Date").map(str::to_string);

        // content
        if length > self.max_record as u64 {
            let got = self.src.skip(length)?;
            if got < length {
                return Ok(Outcome::Broken(format!(
                    "Content-Length {length} runs past the end of the input ({got} bytes left)"
                )));
            }
            if !self.separator_follows()? {
                return Ok(Outcome::Broken(format!(
                    "no record separator after Content-Length {length}: the length is wrong"
                )));
            }
            self.stats.too_large += 1;
            return Ok(Outcome::Skipped);
        }
        // every record within the limit is read, not skipped: when its length lies, the
        // next record may be inside it
        let mut block = std::mem::take(&mut self.block);
        self.src.read_up_to(length as usize, &mut block)?;
        let outcome = if (block.len() as u64) < length {
            let msg = format!(
                "Content-Length {length} runs past the end of the input ({} bytes left)",
                block.len()
            );
            self.unread_swallowed(&block);
            Outcome::Broken(msg)
        } else if !self.separator_follows()? {
            self.unread_swallowed(&block);
            Outcome::Broken(format!(
                "no record separator after Content-Length {length}: the length is wrong"
            ))
        } else if record_type != "response" {
            self.stats.not_response += 1;
            Outcome::Skipped
        } else {
            // the content goes with the response: the next record gets a new buffer
            return Ok(match self.response(number, block, url, record_id, date) {
                Ok(r) => Outcome::Response(r),
                Err((message, block)) => {
                    self.block = block;
                    Outcome::Broken(message)
                }
            });
        };
        self.block = block;
        Ok(outcome)
    }

    /// After a lying length, the next record may have started inside the bytes read as
    /// content: push them back from there.
    fn unread_swallowed(&mut self, block: &[u8]) {
        let found = block
            .windows(8)
            .position(|w| w == b"\nWARC/1.")
            .map(|i| i + 1);
        if let Some(i) = found {
            self.src.unread(&block[i..]);
        }
    }

    /// Consumes the blank lines that end a record; false when something else follows.
    /// The end of the input right after the content is accepted.
    fn separator_follows(&mut self) -> io::Result<bool> {
        let mut newlines = 0;
        loop {
            let buf = self.src.fill()?;
            let Some(&b) = buf.first() else {
                return Ok(true);
            };
            match b {
                b'\n' => newlines += 1,
                b'\r' => {}
                _ => return Ok(newlines >= 2),
            }
            self.src.consume(1);
        }
    }

    /// The response of a well-framed `response` record, or why it is broken. Only the HTTP
    /// head is parsed here (a broken one decides how reading goes on); the body is left to
    /// [`Response::into_page`].
    fn response(
        &self,
        number: u64,
        block: Vec<u8>,
        url: Option<String>,
        record_id: Option<String>,
        date: Option<String>,
    ) -> Result<Response, (String, Vec<u8>)> {
        let Some(url) = url else {
            return Err(("response record without WARC-Target-URI".into(), block));
        };
        let Some(http) = parse_http(&block) else {
            return Err((
                "response record without an HTTP status line and headers".into(),
                block,
            ));
        };
        Ok(Response {
            number,
            offset: 0,
            url,
            record_id,
            date,
            http,
            block,
            max_record: self.max_record,
        })
    }
}

impl Response {
    /// The bytes of the record's content (HTTP head and body).
    pub fn content_len(&self) -> usize {
        self.block.len()
    }

    /// The HTML page of this response, or why it is not one.
    pub fn into_page(self) -> Result<WarcRecord, Skip> {
        let http = &self.http;
        if http.status != 200 {
            return Err(Skip::NotOk);
        }
        let ctype = http
            .header("content-type")
            .unwrap_or("")
            .to_ascii_lowercase();
        let mime = ctype.split(';').next().unwrap_or("").trim();
        let body = &self.block[http.body_start..];
        let html_mime = matches!(mime, "text/html" | "application/xhtml+xml");
        if !(html_mime || (mime.is_empty() && looks_like_html(body))) {
            return Err(Skip::NotHtml);
        }
        let mut body = std::borrow::Cow::Borrowed(body);
        if http
            .header("transfer-encoding")
            .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
        {
            // archives usually store the payload de-chunked but keep the header
            if let Some(d) = dechunk(&body) {
                body = d.into();
            }
        }
        match http
            .header("content-encoding")
            .map(|e| e.trim().to_ascii_lowercase())
            .as_deref()
        {
            None | Some("") | Some("identity") => {}
            Some(enc @ ("gzip" | "x-gzip" | "deflate")) => {
                // the header may also be stale: only decode what looks encoded
                let decoded = if enc == "deflate" {
                    decode(ZlibDecoder::new(&body[..]), self.max_record)
                } else if body.starts_with(&[0x1f, 0x8b]) {
                    decode(GzDecoder::new(&body[..]), self.max_record)
                } else {
                    Some(body.to_vec())
                };
                match decoded {
                    Some(d) => body = d.into(),
                    None if looks_like_html(&body) => {}
                    None => return Err(Skip::Undecodable),
                }
            }
            Some(_) => {
                if !looks_like_html(&body) {
                    return Err(Skip::Undecodable);
                }
            }
        }
        let encoding = charset_param(&ctype)
            .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()))
            .or_else(|| meta_charset(&body))
            .unwrap_or(encoding_rs::UTF_8);
        let (html, used, _) = encoding.decode(&body);
        let html = html.into_owned();
        Ok(WarcRecord {
            number: self.number,
            offset: self.offset,
            url: self.url,
            record_id: self.record_id,
            date: self.date,
            encoding: used.name(),
            html,
        })
    }
}

impl<R: BufRead> WarcReader<R> {
    /// The next `response` record, framed but not turned into a page (see [`Response`]),
    /// or a broken record. Records of other types and those over the size limit are skipped
    /// and counted; what the responses turn out to be is counted by whoever calls
    /// [`Response::into_page`] ([`WarcStats::count`]).
    pub fn next_response(&mut self) -> Option<Result<Response, RecordError>> {
        while !self.done {
            let offset = self.src.offset;
            let record = self.stats.records + 1;
            let io_err = |e: io::Error| RecordError {
                record,
                offset,
                message: e.to_string(),
                fatal: true,
            };
            let n = match self.src.read_line(&mut self.line) {
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    return Some(Err(io_err(e)));
                }
            };
            if n == 0 {
                self.done = true;
                break;
            }
            if trim_eol(&self.line).is_empty() {
                continue;
            }
            self.stats.records += 1;
            let outcome = if self.line.starts_with(b"WARC/1.") {
                match self.read_record(record) {
                    Ok(o) => o,
                    Err(e) => {
                        self.done = true;
                        return Some(Err(io_err(e)));
                    }
                }
            } else {
                Outcome::Broken(format!(
                    "expected a `WARC/1.x` version line, found `{}`",
                    shorten(&String::from_utf8_lossy(trim_eol(&self.line)))
                ))
            };
            match outcome {
                Outcome::Response(mut r) => {
                    r.offset = offset;
                    return Some(Ok(r));
                }
                Outcome::Skipped => continue,
                Outcome::Broken(message) => {
                    self.stats.broken += 1;
                    if let Err(e) = self.resync() {
                        self.done = true;
                        return Some(Err(io_err(e)));
                    }
                    return Some(Err(RecordError {
                        record,
                        offset,
                        message,
                        fatal: false,
                    }));
                }
            }
        }
        None
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<WarcRecord, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.next_response()? {
                Err(e) => return Some(Err(e)),
                Ok(r) => {
                    let page = r.into_page();
                    self.stats.count(&page);
                    if let Ok(page) = page {
                        return Some(Ok(page));
                    }
                }
            }
        }
    }
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let mut l = line;
    while let [rest @ .., b'\n' | b'\r'] = l {
        l = rest;
    }
    l
}

fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push_str("...");
    }
    out
}

#[derive(Debug)]
struct Http {
    status: u16,
    headers: Vec<(String, String)>,
    body_start: usize,
}

impl Http {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .rev()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The status line and headers at the start of a response record's content.
fn parse_http(block: &[u8]) -> Option<Http> {
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let mut pos = 0;
    let mut status = None;
    let mut headers = Vec::new();
    loop {
        let rest = &block[pos..];
        let (line, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], pos + i + 1),
            None => (rest, block.len()),
        };
        let line = trim_eol(line);
        pos = next;
        if status.is_none() {
            // "HTTP/1.1 200 OK"
            let text = std::str::from_utf8(line).ok()?;
            status = Some(text.split_whitespace().nth(1)?.parse::<u16>().ok()?);
            continue;
        }
        if line.is_empty() || next >= block.len() {
            if !line.is_empty() {
                push_header(&mut headers, line);
            }
            break;
        }
        push_header(&mut headers, line);
    }
    Some(Http {
        status: status?,
        headers,
        body_start: pos.min(block.len()),
    })
}

fn push_header(headers: &mut Vec<(String, String)>, line: &[u8]) {
    let text = String::from_utf8_lossy(line);
    if let Some((k, v)) = text.split_once(':') {
        headers.push((k.trim().to_string(), v.trim().to_string()));
    }
}

fn looks_like_html(body: &[u8]) -> bool {
    let head = &body[..body.len().min(1024)];
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let t = lower.trim_start_matches('\u{feff}').trim_start();
    t.starts_with("<!doctype html") || t.starts_with("<html") || lower.contains("<html")
}

fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']))
    })
}

/// `<meta charset="...">` or `<meta http-equiv=... content="...; charset=...">` near the
/// top of the page.
fn meta_charset(body: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&body[..body.len().min(2048)]).to_ascii_lowercase();
    let i = head.find("charset=")?;
    let v: String = head[i + 8..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    encoding_rs::Encoding::for_label(v.as_bytes())
}

fn decode(mut r: impl Read, max: usize) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let n = (&mut r).take(max as u64 + 1).read_to_end(&mut out).ok()?;
    (n <= max).then_some(out)
}

/// Undoes HTTP chunked transfer coding; `None` when the body is not chunked after all.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut pos = 0;
    loop {
        let rest = &body[pos..];
        let eol = rest.iter().position(|&b| b == b'\n')?;
        let size_text = std::str::from_utf8(trim_eol(&rest[..eol])).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        pos += eol + 1;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(pos..pos + size)?);
        pos += size;
        while matches!(body.get(pos), Some(b'\r' | b'\n')) {
            pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_head_is_parsed() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<html>";
        let h = parse_http(block).unwrap();
        assert_eq!(h.status, 200);
        assert_eq!(
            charset_param(&h.header("content-type").unwrap().to_ascii_lowercase()),
            Some("iso-8859-1")
        );
        assert_eq!(&block[h.body_start..], b"<html>");
        assert!(parse_http(b"HTTP/1.1 abc\r\n\r\n").is_none());
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").unwrap(),
            b"hello world"
        );
        assert!(dechunk(b"<html>").is_none());
    }

    #[test]
    fn meta_charset_is_found() {
        assert_eq!(
            meta_charset(b"<html><head><meta charset=\"windows-1251\">")
                .unwrap()
                .name(),
            "windows-1251"
        );
        assert!(meta_charset(b"<html>").is_none());
    }
}
