//! The document model every rule works on.
//!
//! Rules never re-split the text themselves: they get the same lines, paragraphs and
//! sentence-level helpers from one place, with byte ranges into the original input, so that
//! every finding points at bytes the reviewer can see in the diff.

use std::ops::Range;

/// One line of the input, without its terminator (`\n` or `\r\n`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte range of the line's content in the input.
    pub range: Range<usize>,
    /// Byte range including the line terminator, if any.
    pub full: Range<usize>,
    /// 1-based line number.
    pub number: usize,
    /// Index into [`Document::paragraphs`], `None` for blank lines.
    pub paragraph: Option<usize>,
}

/// A run of consecutive non-blank lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range from the start of the first line to the end of the last line's content.
    pub range: Range<usize>,
    /// Indices into [`Document::lines`].
    pub lines: Range<usize>,
}

/// A text split into lines and paragraphs. The first non-blank line is the title, unless
/// [`Document::with_header`] sets another.
#[derive(Debug, Clone)]
pub struct Document<'t> {
    text: &'t str,
    lines: Vec<Line>,
    paragraphs: Vec<Paragraph>,
    title: Option<usize>,
    /// The lines of the page header around the title (see [`Document::with_header`]).
    header: Range<usize>,
    crlf: bool,
}

impl<'t> Document<'t> {
    /// Splits `text` into lines and paragraphs.
    pub fn parse(text: &'t str) -> Self {
        // sized up front: growing the vectors line by line cost more than this count
        let terminators = count_newlines(text.as_bytes());
        let mut lines = Vec::with_capacity(terminators + 1);
        let mut paragraphs: Vec<Paragraph> = Vec::with_capacity(terminators / 2 + 1);
        let mut start = 0;
        let bytes = text.as_bytes();
        let mut crlf = false;
        let mut first_terminator_seen = false;
        // every newline of the text in one pass, instead of a search from each line start
        // that pays its set-up on every short line
        let mut newlines = newlines(bytes);
        while start < text.len() {
            let (end, next) = match newlines.next() {
                Some(i) => (i, i + 1),
                None => (text.len(), text.len()),
            };
            let content_end = if end > start && next > end && bytes[end - 1] == b'\r' {
                end - 1
            } else {
                end
            };
            if next > end && !first_terminator_seen {
                first_terminator_seen = true;
                crlf = content_end < end;
            }
            let idx = lines.len();
            let blank = text[start..content_end].trim().is_empty();
            let paragraph = if blank {
                None
            } else {
                match paragraphs.last_mut() {
                    Some(p) if p.lines.end == idx => {
                        p.lines.end = idx + 1;
                        p.range.end = content_end;
                        Some(paragraphs.len() - 1)
                    }
                    _ => {
                        paragraphs.push(Paragraph {
                            range: start..content_end,
                            lines: idx..idx + 1,
                        });
                        Some(paragraphs.len() - 1)
                    }
                }
            };
            lines.push(Line {
                range: start..content_end,
                full: start..next,
                number: idx + 1,
                paragraph,
            });
            start = next;
        }
        let title = lines.iter().position(|l| l.paragraph.is_some());
        Document {
            text,
            lines,
            paragraphs,
            title,
            header: 0..0,
            crlf,
        }
    }

    /// The whole input.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// All lines, blank ones included.
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// All paragraphs (runs of non-blank lines).
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// The content of line `i`, without its terminator.
    pub fn line_text(&self, i: usize) -> &'t str {
        &self.text[self.lines[i].range.clone()]
    }

    /// The text of paragraph `i` (its lines joined by their original terminators).
    pub fn paragraph_text(&self, i: usize) -> &'t str {
        &self.text[self.paragraphs[i].range.clone()]
    }

    /// Index of the title line: the first non-blank line, or the one set by
    /// [`Document::with_header`].
    pub fn title_line(&self) -> Option<usize> {
        self.title
    }

    /// The title, trimmed.
    pub fn title(&self) -> Option<&'t str> {
        self.title.map(|i| self.line_text(i).trim())
    }

    /// Whether the first line terminator is `\r\n`; the output keeps that convention.
    pub fn is_crlf(&self) -> bool {
        self.crlf
    }

    /// Indices of the body's non-blank lines (every non-blank line after the title).
    pub fn body_lines(&self) -> impl Iterator<Item = usize> + '_ {
        let from = self.title.map_or(0, |t| t + 1);
        (from..self.lines.len()).filter(move |&i| self.lines[i].paragraph.is_some())
    }

    /// Whether line `i` is the last of its paragraph: a line broken inside a sentence goes
    /// on in the next one, and only the end of a paragraph shows where it stops.
    pub fn ends_paragraph(&self, i: usize) -> bool {
        self.lines
            .get(i + 1)
            .is_none_or(|next| next.paragraph != self.lines[i].paragraph)
    }

    /// Indices of the body paragraphs: every paragraph after the one holding the title.
    pub fn body_paragraphs(&self) -> impl Iterator<Item = usize> + '_ {
        let from = self
            .title
            .and_then(|t| self.lines[t].paragraph)
            .map_or(0, |p| p + 1);
        from..self.paragraphs.len()
    }

    /// The document with line `title` (a non-blank line) as its title and the lines of
    /// `header` as the page's header around it: the headline printed twice above the article
    /// (see rule J014). The lines above the title are then neither title nor body.
    pub fn with_header(mut self, title: usize, header: Range<usize>) -> Self {
        assert!(
            self.lines[title].paragraph.is_some() && header.contains(&title),
            "a blank line as the title, or a title outside its header"
        );
        self.title = Some(title);
        self.header = header;
        self
    }

    /// The lines of the page header around the title, as set by
    /// [`Document::with_header`]; empty when none was found.
    pub fn header(&self) -> Range<usize> {
        self.header.clone()
    }

    /// The 0-based line index holding byte `offset`.
    ///
    /// The lines' full ranges are non-empty and tile the text from 0, so the line holding
    /// `offset` is the last one starting at or before it; an offset at or past the end is in
    /// the last line. A search on one bound compiles without a branch on the data, where a
    /// three-way comparison mispredicted at every step.
    pub fn line_at(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.full.start <= offset)
            .saturating_sub(1)
    }
}

/// The number of `\n` in `bytes`. A byte-sized count per 64-byte block is what the
/// compiler turns into compares of 16 bytes at a time; a `filter().count()` over the bytes
/// stayed a loop of one byte per step.
pub(crate) fn count_newlines(bytes: &[u8]) -> usize {
    let mut blocks = bytes.chunks_exact(64);
    let mut n = 0;
    for block in &mut blocks {
        // at most 64: a u8 cannot overflow
        n += usize::from(block.iter().fold(0u8, |k, &b| k + u8::from(b == b'\n')));
    }
    n + blocks.remainder().iter().filter(|&&b| b == b'\n').count()
}

/// The positions of every `\n` in `bytes`, in order.
pub(crate) fn newlines(bytes: &[u8]) -> Newlines<'_> {
    Newlines {
        bytes,
        base: 0,
        next: 0,
        mask: 0,
    }
}

/// The iterator of [`newlines`]: a bit per byte, 64 bytes at a time, so that a line costs
/// one bit scan instead of a search of its own, and the text one vector compare per 16 bytes.
pub(crate) struct Newlines<'a> {
    bytes: &'a [u8],
    /// Where the block of `mask` starts.
    base: usize,
    /// Where the next block starts.
    next: usize,
    /// The newlines of the block at `base` not given yet: bit `i` for byte `base + i`.
    mask: u64,
}

impl Iterator for Newlines<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            let from = self.next;
            let rest = self.bytes.get(from..).filter(|r| !r.is_empty())?;
            let (mask, len) = match rest.first_chunk::<64>() {
                Some(block) => (newline_mask_64(block), 64),
                // the short end of the text
                None => (newline_mask_bytes(rest), rest.len()),
            };
            self.mask = mask;
            self.base = from;
            self.next = from + len;
        }
        let i = self.base + self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(i)
    }
}

/// Bit `i` set where `block[i]` is `\n`.
#[inline]
fn newline_mask_64(block: &[u8; 64]) -> u64 {
    let (blocks, _) = block.as_chunks::<16>();
    blocks
        .iter()
        .enumerate()
        .fold(0, |m, (k, b)| m | u64::from(newline_mask(b)) << (16 * k))
}

/// Bit `i` set where `block[i]` is `\n`: one compare and one mask move on x86_64.
#[inline]
fn newline_mask(block: &[u8; 16]) -> u32 {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
        };
        // SAFETY: SSE2 is part of every x86_64 target, and the unaligned load reads exactly
        // the sixteen bytes of `block`
        let bits = unsafe {
            let v = _mm_loadu_si128(block.as_ptr().cast());
            _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(b'\n' as i8)))
        };
        // the mask fills the low sixteen bits only
        bits as u32 & 0xffff
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        newline_mask_bytes(block) as u32
    }
}

/// The newline mask a byte at a time, for up to 64 bytes: the short end of a text, and
/// the portable form of [`newline_mask`].
fn newline_mask_bytes(bytes: &[u8]) -> u64 {
    debug_assert!(bytes.len() <= 64);
    bytes
        .iter()
        .enumerate()
        .fold(0, |m, (i, &b)| m | u64::from(b == b'\n') << i)
}

/// Sentences of a paragraph: byte ranges (relative to the text given) ending after `.`, `!`
/// or `?` (and any closing quotes) followed by whitespace, or at the end.
///
/// Deliberately simple: abbreviations such as "U.S." are not split because a split needs
/// whitespace followed by an upper-case letter or a quote after the stop.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            // closing quotes and brackets belong to the sentence
            while j < bytes.len() {
                let rest = &text[j..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']') {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            let ws_end = text[j..]
                .find(|c: char| !c.is_whitespace())
                .map_or(text.len(), |k| j + k);
            let at_end = ws_end == text.len();
            let next_starts = !at_end && ws_end > j && {
                let c = text[ws_end..].chars().next().unwrap_or(' ');
                c.is_uppercase()
                    || c.is_numeric()
                    || matches!(c, '"' | '\u{201c}' | '\'' | '\u{2018}' | '(')
            };
            // "U.S. officials": a one-letter token before the dot is an abbreviation
            let prev_word_len = text[start..i]
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .map_or(0, |w| w.chars().filter(|c| c.is_alphabetic()).count());
            let abbreviation = b == b'.'
                && prev_word_len <= 1
                && text[start..i].ends_with(|c: char| c.is_alphabetic())
                && i > start
                && {
                    let w = text[start..i]
                        .rsplit(|c: char| c.is_whitespace())
                        .next()
                        .unwrap_or("");
                    w.contains('.') || w.len() == 1
                };
            if at_end || (next_starts && !abbreviation) {
                out.push(start..j);
                start = ws_end;
                i = ws_end;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        let end = text.trim_end().len().max(start);
        out.push(start..end);
    }
    out
}

/// A word token: a run of letters, digits, apostrophes or hyphens inside a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'t> {
    pub text: &'t str,
    pub start: usize,
    pub end: usize,
}

/// Word tokens of `text` with byte offsets relative to `text`.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev_end = 0;
    for (i, c) in text.char_indices() {
        let inner = c.is_alphanumeric()
            || (start.is_some()
                && matches!(c, '\'' | '\u{2019}' | '-' | '.')
                && text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_alphanumeric()));
        match (inner, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word {
                    text: &text[s..i],
                    start: s,
                    end: i,
                });
                start = None;
            }
            _ => {}
        }
        prev_end = i + c.len_utf8();
    }
    if let Some(s) = start {
        out.push(Word {
            text: &text[s..prev_end],
            start: s,
            end: prev_end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_at_agrees_with_a_scan_of_the_lines() {
        for text in ["", "a", "a\n", "a\nb", "\n\nab\r\n\r\ncd\n", "x\r\n\r\ny"] {
            let doc = Document::parse(text);
            for offset in 0..text.len() + 3 {
                let want = doc
                    .lines()
                    .iter()
                    .position(|l| l.full.contains(&offset))
                    .unwrap_or(doc.lines().len().saturating_sub(1));
                assert_eq!(doc.line_at(offset), want, "{text:?} at {offset}");
            }
        }
    }
    #[test]
    fn count_newlines_counts_every_newline() {
        for len in [0, 1, 63, 64, 65, 127, 128, 200, 1000] {
            for step in [1, 2, 7, 64, 300] {
                let bytes: Vec<u8> = (0..len)
                    .map(|i| {
                        if i % step == 0 {
                            b'\n'
                        } else {
                            b'a' + (i % 7) as u8
                        }
                    })
                    .collect();
                let want = bytes.iter().filter(|&&b| b == b'\n').count();
                assert_eq!(count_newlines(&bytes), want, "len {len} step {step}");
            }
        }
        // 64 newlines in one block: the byte-sized count is full, not wrapped
        assert_eq!(count_newlines(&[b'\n'; 64]), 64);
    }
    #[test]
    fn newlines_finds_every_newline_at_every_offset() {
        for len in (0..140).chain([191, 192, 193]) {
            for at in 0..=len {
                // bytes one off '\n' either way, and more newlines after the first
                let mut bytes: Vec<u8> = (0..len)
                    .map(|k| [b'a', b'\x0b', b'\t', 0x8a, 0x0a ^ 0x80][k % 5])
                    .collect();
                for k in [
                    at,
                    at + 3,
                    at + 16,
                    at + 17,
                    at + 40,
                    at + 63,
                    at + 64,
                    at + 65,
                ] {
                    if k < len {
                        bytes[k] = b'\n';
                    }
                }
                let want: Vec<usize> = (0..len).filter(|&i| bytes[i] == b'\n').collect();
                assert_eq!(newlines(&bytes).collect::<Vec<_>>(), want, "{bytes:?}");
            }
        }
    }

    #[test]
    fn the_newline_mask_of_a_block_is_its_bytes_mask() {
        for seed in 0..2000u32 {
            let block: [u8; 16] = std::array::from_fn(|i| {
                let x = seed.wrapping_mul(2654435761).rotate_left(i as u32 * 3);
                [b'\n', b'a', 0x8a, 0x0b, b'\r', 0xff, 0x09, 0x00][(x % 8) as usize]
            });
            assert_eq!(
                u64::from(newline_mask(&block)),
                newline_mask_bytes(&block),
                "{block:?}"
            );
        }
        assert_eq!(newline_mask(&[b'\n'; 16]), 0xffff);
        let mut block = [b'a'; 64];
        for i in [0, 15, 16, 31, 47, 48, 63] {
            block[i] = b'\n';
        }
        assert_eq!(newline_mask_64(&block), newline_mask_bytes(&block));
    }

    #[test]
    fn lines_paragraphs_and_title() {
        let text = "\nTitle here\n\nFirst para\nstill first\n\n\nSecond\n";
        let doc = Document::parse(text);
        assert_eq!(doc.title(), Some("Title here"));
        assert_eq!(doc.paragraphs().len(), 3);
        assert_eq!(doc.paragraph_text(1), "First para\nstill first");
        assert_eq!(doc.body_paragraphs().collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(
            doc.body_lines()
                .map(|i| doc.line_text(i))
                .collect::<Vec<_>>(),
            vec!["First para", "still first", "Second"]
        );
        assert!(!doc.is_crlf());
    }

    #[test]
    fn crlf_lines_exclude_the_carriage_return() {
        let doc = Document::parse("T\r\n\r\nBody line\r\n");
        assert!(doc.is_crlf());
        assert_eq!(doc.line_text(2), "Body line");
        assert_eq!(doc.lines()[2].full, 5..16);
    }

    #[test]
    fn line_at_maps_offsets() {
        let doc = Document::parse("ab\ncd\nef");
        assert_eq!(doc.line_at(0), 0);
        assert_eq!(doc.line_at(2), 0);
        assert_eq!(doc.line_at(3), 1);
        assert_eq!(doc.line_at(8), 2);
    }

    #[test]
    fn sentences_split_on_stops_but_not_abbreviations() {
        let t = "The U.S. said no. Then \"it rained.\" Why? Because.";
        let s: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            s,
            vec![
                "The U.S. said no.",
                "Then \"it rained.\"",
                "Why?",
                "Because."
            ]
        );
    }

    #[test]
    fn words_keep_apostrophes_and_hyphens() {
        let w: Vec<&str> = words("Trump’s all-time low, U.S. 4–5%")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, vec!["Trump’s", "all-time", "low", "U.S", "4", "5"]);
    }
}
