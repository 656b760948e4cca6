//! One tokenisation per document for all the SEO rules.
//!
//! The stuffing rules reason about neighbouring tokens (a capitalised word right after
//! another, a bare year after a lower-case word, a determiner before a span), so they need
//! words *and* punctuation with byte offsets and the spacing between them. Tokenising once
//! and sharing the result keeps the cost at one pass over the bytes.

use std::ops::Range;

use crate::document::Document;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters/digits, with inner apostrophes, hyphens and dots (`Trump’s`, `all-time`,
    /// `U.S`) and inner `,`/`.` between digits (`2,000`, `4.5`).
    Word,
    /// One character that is neither a word character nor whitespace.
    Punct,
}

/// A token with absolute byte offsets into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace separates this token from the previous one on the same line.
    pub space_before: bool,
    /// What the first character is, and whether a word holds a hyphen ([`CAP`], [`LOWER`],
    /// [`ALPHA`], [`DIGIT`], [`HYPHEN`]): the rules ask this of every token, and the
    /// tokeniser has already decoded the character.
    pub flags: u8,
    /// Index of the line in [`Document::lines`].
    pub line: u32,
}

/// The first character is upper-case (`char::is_uppercase`).
pub const CAP: u8 = 1;
/// The first character is lower-case (`char::is_lowercase`).
pub const LOWER: u8 = 2;
/// The first character is alphabetic (`char::is_alphabetic`).
pub const ALPHA: u8 = 4;
/// The first character is an ASCII digit.
pub const DIGIT: u8 = 8;
/// A word with an inner hyphen (`all-time`, `US-Russia`).
pub const HYPHEN: u8 = 16;

impl Tok {
    #[inline]
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    #[inline]
    pub fn byte_len(&self) -> usize {
        self.end - self.start
    }
}

/// The document's tokens, with each line's token range.
#[derive(Debug, Default)]
pub struct Tokens {
    pub toks: Vec<Tok>,
    /// For each line of the document, the range of its tokens in `toks`.
    pub lines: Vec<Range<usize>>,
}

#[inline]
fn char_at(text: &str, i: usize) -> char {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        b as char
    } else {
        text[i..].chars().next().unwrap_or(' ')
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// ASCII letters and digits: one load per byte in the tokeniser's inner loop.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The flags a word gets from its first character.
#[inline]
fn first_char_flags(c: char) -> u8 {
    if c.is_ascii() {
        match c {
            'A'..='Z' => CAP | ALPHA,
            'a'..='z' => LOWER | ALPHA,
            '0'..='9' => DIGIT,
            _ => 0,
        }
    } else {
        let mut f = 0;
        if c.is_uppercase() {
            f |= CAP;
        }
        if c.is_lowercase() {
            f |= LOWER;
        }
        if c.is_alphabetic() {
            f |= ALPHA;
        }
        f
    }
}

/// Tokenises every line of `doc`.
pub fn tokenize(doc: &Document<'_>) -> Tokens {
    let text = doc.text();
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut lines = Vec::with_capacity(doc.lines().len());
    for (li, line) in doc.lines().iter().enumerate() {
        let first = toks.len();
        tokenize_line(text, line.range.clone(), li as u32, &mut toks);
        lines.push(first..toks.len());
    }
    Tokens { toks, lines }
}

fn tokenize_line(text: &str, range: Range<usize>, line: u32, out: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let end = range.end;
    let mut i = range.start;
    let mut space = false;
    while i < end {
        let b = bytes[i];
        // ASCII spacing and punctuation, most of what is not a word, without decoding
        let c = if b < 0x80 {
            if matches!(b, b' ' | b'\t'..=b'\r') {
                space = true;
                i += 1;
                continue;
            }
            b as char
        } else {
            let c = char_at(text, i);
            if c.is_whitespace() {
                space = true;
                i += c.len_utf8();
                continue;
            }
            c
        };
        let len = c.len_utf8();
        if !is_word_char(c) {
            out.push(Tok {
                start: i,
                end: i + len,
                kind: Kind::Punct,
                space_before: space,
                flags: 0,
                line,
            });
            space = false;
            i += len;
            continue;
        }
        let start = i;
        let mut flags = first_char_flags(c);
        let mut last_digit = c.is_ascii_digit();
        i += len;
        while i < end {
            // ASCII letters and digits, most of every word, byte by byte
            let run = i;
            i += bytes[i..end]
                .iter()
                .position(|&b| !ASCII_WORD[usize::from(b)])
                .unwrap_or(end - i);
            if i > run {
                last_digit = bytes[i - 1].is_ascii_digit();
                if i == end {
                    break;
                }
            }
            // ASCII that is not a joiner ends the word without decoding anything
            if bytes[i] < 0x80 && !matches!(bytes[i], b'\'' | b'-' | b'.' | b',') {
                break;
            }
            let c = char_at(text, i);
            let len = c.len_utf8();
            if is_word_char(c) {
                last_digit = c.is_ascii_digit();
                i += len;
                continue;
            }
            let joiner = matches!(c, '\'' | '\u{2019}' | '-' | '.') || (c == ',' && last_digit);
            if !joiner {
                break;
            }
            let next_ok = i + len < end && {
                let n = char_at(text, i + len);
                if c == ',' || (c == '.' && last_digit) {
                    n.is_ascii_digit()
                } else {
                    is_word_char(n)
                }
            };
            if next_ok && (c != ',' || bytes[i + len].is_ascii_digit()) {
                if c == '-' {
                    flags |= HYPHEN;
                }
                i += len;
                continue;
            }
            break;
        }
        out.push(Tok {
            start,
            end: i,
            kind: Kind::Word,
            space_before: space,
            flags,
            line,
        });
        space = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, bool)> {
        let doc = Document::parse(text);
        let t = tokenize(&doc);
        t.toks
            .iter()
            .map(|k| (&text[k.start..k.end], k.space_before))
            .collect()
    }

    #[test]
    fn words_and_punctuation_with_spacing() {
        let got: Vec<&str> = toks("Trump’s all-time low, U.S. 4–5% of 2,000 (4.5).")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(
            got,
            vec![
                "Trump’s",
                "all-time",
                "low",
                ",",
                "U.S",
                ".",
                "4",
                "–",
                "5",
                "%",
                "of",
                "2,000",
                "(",
                "4.5",
                ")",
                "."
            ]
        );
    }

    #[test]
    fn spacing_and_lines() {
        let text = "A b,c\n\nd";
        let doc = Document::parse(text);
        let t = tokenize(&doc);
        assert_eq!(t.lines, vec![0..4, 4..4, 4..5]);
        let spaces: Vec<bool> = t.toks.iter().map(|k| k.space_before).collect();
        assert_eq!(spaces, vec![false, true, false, false, false]);
        assert_eq!(t.toks[4].line, 2);
    }

    #[test]
    fn flags_describe_the_first_character_and_inner_hyphens() {
        let text = "Éric élan 2025 US-Russia 中文 all-time x- (";
        let doc = Document::parse(text);
        let got: Vec<(&str, u8)> = tokenize(&doc)
            .toks
            .iter()
            .map(|k| (&text[k.start..k.end], k.flags))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Éric", CAP | ALPHA),
                ("élan", LOWER | ALPHA),
                ("2025", DIGIT),
                ("US-Russia", CAP | ALPHA | HYPHEN),
                ("中文", ALPHA),
                ("all-time", LOWER | ALPHA | HYPHEN),
                ("x", LOWER | ALPHA),
                ("-", 0),
                ("(", 0),
            ]
        );
    }

    #[test]
    fn trailing_joiners_are_not_part_of_words() {
        let got: Vec<&str> = toks("end- 'quote' 2025, and")
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(got, vec!["end", "-", "'", "quote", "'", "2025", ",", "and"]);
    }
}
