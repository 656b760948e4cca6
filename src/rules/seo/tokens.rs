//! One tokenisation per document for all the SEO rules.
//!
//! The stuffing rules reason about neighbouring tokens (a capitalised word right after
//! another, a bare year after a lower-case word, a determiner before a span), so they need
//! words *and* punctuation with byte offsets and the spacing between them. Tokenising once
//! and sharing the result keeps the cost at one pass over the bytes.

use std::cell::Cell;
use std::ops::Range;
use std::thread::LocalKey;

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
///
/// Sixteen bytes, offsets as `u32` (the analysis leaves a text of 4 GiB or more alone,
/// see [`tokenize`]): the tokeniser stores one per word or mark and the judging passes
/// read them back, so a third less memory than `usize` offsets is a third less to write
/// and to load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    lo: u32,
    hi: u32,
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
    /// The byte offset of the token's start.
    #[inline]
    pub fn start(&self) -> usize {
        self.lo as usize
    }

    /// The byte offset just past the token's end.
    #[inline]
    pub fn end(&self) -> usize {
        self.hi as usize
    }

    #[inline]
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    #[inline]
    pub fn byte_len(&self) -> usize {
        (self.hi - self.lo) as usize
    }
}

/// What the judging passes count of each line's words, counted while tokenising.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LineCounts {
    /// Words of four bytes or more that start with a letter.
    pub long: u32,
    /// Those of them that start upper-case.
    pub caps: u32,
    /// Words that start lower-case.
    pub lower: u32,
    /// One past the index (in the line) of the line's first `:` token, 0 for none: where a
    /// keyword label can end.
    pub colon: u32,
    /// One past the index (in the line) of the line's last dash token (`-`, `–`, `—`), 0 for
    /// none: where appended keywords can start.
    pub dash: u32,
    /// Whether the line holds an opening bracket, `(` or `[`: where a bracketed aside can be.
    pub bracket: bool,
    /// Whether the line holds a `;`: where appended keywords can start.
    pub semicolon: bool,
    /// Whether the line holds a question mark: where a keyword question can be.
    pub question: bool,
}

/// The document's tokens, with each line's token range, and the few places the judging
/// passes look at, found while tokenising so that they need not read every token again.
#[derive(Debug, Default)]
pub struct Tokens {
    pub toks: Vec<Tok>,
    /// For each line of the document, the range of its tokens in `toks`.
    pub lines: Vec<Range<usize>>,
    /// For each line, the counts of its words.
    pub counts: Vec<LineCounts>,
    /// Word tokens, and those that are one of the commonest English words in lower case
    /// ([`COMMON_ENGLISH`](super::lexicon::COMMON_ENGLISH)).
    pub words: usize,
    pub common: usize,
    /// Each `i` where words `i` and `i + 1` both start upper-case, with whitespace between
    /// them on one line: where a glued pair of names can be.
    pub cap_pairs: Vec<usize>,
    /// Every token that can take part in joining two names: words that start upper-case,
    /// hyphenated words, `and`/`or`/`vs`/`versus`, and `-`, `/`, `&`, `–`.
    pub links: Vec<usize>,
    /// Four-character words starting with a digit, after whitespace: where a bare year can be.
    pub years: Vec<usize>,
    /// Each `,` followed by a word on its line: where a trailing clause can start.
    pub commas: Vec<usize>,
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

/// ASCII letters and digits.
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// What a byte starts, in the tokeniser's outer loop: one load and one jump per token
/// instead of a chain of comparisons.
const SPACE: u8 = 0;
const WORD: u8 = 1;
const PUNCT: u8 = 2;
const HIGH: u8 = 3;
static BYTE_CLASS: [u8; 256] = {
    let mut t = [PUNCT; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            HIGH
        } else if c.is_ascii_alphanumeric() {
            WORD
        } else if matches!(c, b' ' | b'\t'..=b'\r') {
            SPACE
        } else {
            PUNCT
        };
        b += 1;
    }
    t
};

/// ASCII that is neither a letter, a digit nor a joiner (`'`, `-`, `.`, `,`): after a run
/// of letters and digits, it ends the word without anything to decode.
static ENDS_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = !c.is_ascii_alphanumeric() && !matches!(c, b'\'' | b'-' | b'.' | b',');
        b += 1;
    }
    t
};

/// What the byte after a word's ASCII run says about the word's end ([`word_ends_at`]).
const RUN_STOPS: u8 = 0;
const RUN_JOINS: u8 = 1;
const RUN_MAY_GO_ON: u8 = 2;
static AFTER_RUN: [u8; 256] = {
    let mut t = [RUN_MAY_GO_ON; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = if matches!(b as u8, b'\'' | b'-' | b'.' | b',') {
            RUN_JOINS
        } else {
            // a letter or digit never follows a run: it would be part of it
            RUN_STOPS
        };
        b += 1;
    }
    t
};

/// ASCII that is neither a letter nor a digit: after a joiner, the word ended before it.
static ASCII_STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = !(b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// Whether a word whose ASCII letters and digits run up to `i < end` ends at `i`: at ASCII
/// that is no joiner, or at a joiner followed by the line's end or by ASCII that is no
/// letter or digit (`word, `, `end.`), as [`word_tail`] would find. These are how nearly
/// every word ends, and deciding them with two loads and no branch on which one spares a
/// mispredicted jump into [`word_tail`] at each comma and full stop.
#[inline(always)]
fn word_ends_at(bytes: &[u8], i: usize, end: usize) -> bool {
    let next = if i + 1 < end { bytes[i + 1] } else { b' ' };
    let class = AFTER_RUN[usize::from(bytes[i])];
    (class == RUN_STOPS) | ((class == RUN_JOINS) & ASCII_STOP[usize::from(next)])
}

/// The flags of a word that starts with an ASCII byte.
static ASCII_FLAGS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'A'..=b'Z' => CAP | ALPHA,
            b'a'..=b'z' => LOWER | ALPHA,
            b'0'..=b'9' => DIGIT,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// The flags a word gets from its first character.
#[inline]
fn first_char_flags(c: char) -> u8 {
    if c.is_ascii() {
        ASCII_FLAGS[c as usize]
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

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = ONES * 0x80;

/// The high bit of every byte of `x` that is not an ASCII letter or digit.
///
/// Each range test subtracts per byte with the high bit as a guard, so no borrow crosses
/// into the next byte: `(a | 0x80) - lo` keeps the high bit iff `a >= lo`, `(hi | 0x80) - a`
/// iff `a <= hi`, for `a < 0x80`; bytes >= 0x80 are ruled out at the end.
#[inline]
fn not_alnum(x: u64) -> u64 {
    const ZERO: u64 = ONES * 0x30;
    const NINE: u64 = (ONES * 0x39) | HIGHS;
    const LOWER_A: u64 = ONES * 0x61;
    const LOWER_Z: u64 = (ONES * 0x7a) | HIGHS;
    let x7 = x & !HIGHS;
    let digit = ((x7 | HIGHS) - ZERO) & (NINE - x7);
    let folded = x7 | (ONES * 0x20);
    let alpha = ((folded | HIGHS) - LOWER_A) & (LOWER_Z - folded);
    (!(digit | alpha) | x) & HIGHS
}

/// The first index from `i` on (at most `end`) that is not an ASCII letter or digit.
///
/// Eight bytes at a time: a word's end is found with a few arithmetic operations and one
/// `trailing_zeros` instead of a loop whose exit, after a word of varying length, the
/// branch predictor cannot know. The bytes after `end` (a line break, the next line) may be
/// read but never count.
// always: as a call, its loads and compares cost less than passing the arguments
#[inline(always)]
fn alnum_run_end(bytes: &[u8], mut i: usize, end: usize) -> usize {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    while i + 16 <= bytes.len() {
        let lo: [u8; 8] = bytes[i..i + 8].try_into().expect("eight bytes");
        let hi: [u8; 8] = bytes[i + 8..i + 16].try_into().expect("eight bytes");
        // SAFETY: the only requirement is SSE2, which this code is compiled with (the `cfg`)
        let stop = unsafe { not_alnum16(u64::from_le_bytes(lo), u64::from_le_bytes(hi)) };
        if stop != 0 {
            return (i + stop.trailing_zeros() as usize).min(end);
        }
        i += 16;
        if i >= end {
            return end;
        }
    }
    alnum_run_end_swar(bytes, i, end)
}

/// One bit for every byte of the sixteen (`lo` then `hi`, little-endian) that is not an
/// ASCII letter or digit.
///
/// SSE2, which every x86_64 has: sixteen bytes in about ten instructions, where the
/// eight-byte arithmetic of [`not_alnum`] needs twice as many, most of them to build its
/// 64-bit constants.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn not_alnum16(lo: u64, hi: u64) -> u32 {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_set_epi64x,
    };
    let x = _mm_set_epi64x(hi as i64, lo as i64);
    // signed compares: a byte >= 0x80 is negative, so it falls in neither range
    let digit = _mm_and_si128(
        _mm_cmpgt_epi8(x, _mm_set1_epi8(b'0' as i8 - 1)),
        _mm_cmplt_epi8(x, _mm_set1_epi8(b'9' as i8 + 1)),
    );
    let folded = _mm_or_si128(x, _mm_set1_epi8(0x20));
    let alpha = _mm_and_si128(
        _mm_cmpgt_epi8(folded, _mm_set1_epi8(b'a' as i8 - 1)),
        _mm_cmplt_epi8(folded, _mm_set1_epi8(b'z' as i8 + 1)),
    );
    !(_mm_movemask_epi8(_mm_or_si128(digit, alpha)) as u32) & 0xffff
}

/// [`alnum_run_end`] eight bytes at a time, on any target.
#[inline]
fn alnum_run_end_swar(bytes: &[u8], mut i: usize, end: usize) -> usize {
    while i + 8 <= bytes.len() {
        let chunk: [u8; 8] = bytes[i..i + 8].try_into().expect("eight bytes");
        let stop = not_alnum(u64::from_le_bytes(chunk));
        if stop != 0 {
            return (i + (stop.trailing_zeros() / 8) as usize).min(end);
        }
        i += 8;
        if i >= end {
            return end;
        }
    }
    while i < end && ASCII_WORD[usize::from(bytes[i])] {
        i += 1;
    }
    i
}

/// Bits of a short word in [`SHORT_WORDS`].
const COMMON: u8 = 1;
const CONNECTIVE: u8 = 2;

/// `w` (at most eight bytes) as a little-endian integer.
const fn pack(w: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < w.len() {
        k |= (w[i] as u64) << (8 * i);
        i += 1;
    }
    k
}

const SHORT_SLOTS: usize = 128;

/// A multiplier under which every word of [`SHORT_WORDS`] has a slot of its own (checked
/// when the table is built), so a lookup is one compare and no probing loop.
const SHORT_MUL: u64 = 0x62d9_b305_71ce_7379;

const fn short_home(k: u64) -> usize {
    (k.wrapping_mul(SHORT_MUL) >> 57) as usize
}

/// The commonest English words and the connectives that join two names, keyed by their
/// bytes packed into an integer: the tokeniser asks of every word, and one multiply and
/// one compare answer.
static SHORT_WORDS: ([u64; SHORT_SLOTS], [u8; SHORT_SLOTS]) = {
    let mut keys = [0u64; SHORT_SLOTS];
    let mut bits = [0u8; SHORT_SLOTS];
    let lists: [(&[&str], u8); 2] = [
        (super::lexicon::COMMON_ENGLISH, COMMON),
        (&["and", "or", "vs", "versus"], CONNECTIVE),
    ];
    let mut l = 0;
    while l < lists.len() {
        let (words, bit) = lists[l];
        let mut j = 0;
        while j < words.len() {
            let w = words[j].as_bytes();
            assert!(!w.is_empty() && w.len() <= 8);
            let k = pack(w);
            let s = short_home(k);
            assert!(keys[s] == 0 || keys[s] == k, "two short words share a slot");
            keys[s] = k;
            bits[s] |= bit;
            j += 1;
        }
        l += 1;
    }
    (keys, bits)
};

/// The [`SHORT_WORDS`] bits of the word `bytes[start..start + len]`, `len >= 1`.
#[inline]
fn short_word_bits(bytes: &[u8], start: usize, len: usize) -> u8 {
    // a longer word keeps its first eight bytes, which match no key: every key is shorter,
    // so its eighth byte is 0 where the word's is not
    let len = len.min(8);
    let k = match bytes.get(start..start + 8) {
        Some(b) => {
            let all = u64::from_le_bytes(b.try_into().expect("eight bytes"));
            all & (u64::MAX >> (64 - 8 * len))
        }
        None => pack(&bytes[start..start + len]),
    };
    let (keys, bits) = &SHORT_WORDS;
    let s = short_home(k);
    // a mask, not a branch: whether a word is common is what the predictor cannot guess
    bits[s] & 0u8.wrapping_sub(u8::from(keys[s] == k))
}

/// Appends `x` only if `keep`, without a branch on `keep`: the places the rules look at
/// come at random among the words, where a branch would be mispredicted each time.
#[inline]
fn push_if(v: &mut Vec<usize>, x: usize, keep: bool) {
    let n = v.len();
    v.push(x);
    v.truncate(n + usize::from(keep));
}

/// How many bytes of `bytes` are >= 0x80.
///
/// Eight bytes at a time, the high bits summed in byte lanes and the lanes added up every
/// 255 chunks (before a lane can overflow): a byte-wise count costs several instructions per
/// byte of every document.
fn count_non_ascii(bytes: &[u8]) -> usize {
    const LOW_HALVES: u64 = 0x00ff_00ff_00ff_00ff;
    let mut n = 0;
    let mut chunks = bytes.chunks_exact(8);
    loop {
        let mut lanes = 0u64;
        let mut k = 0;
        for c in chunks.by_ref().take(255) {
            let x = u64::from_le_bytes(c.try_into().expect("eight bytes"));
            lanes += (x & HIGHS) >> 7;
            k += 1;
        }
        let pairs = (lanes & LOW_HALVES) + ((lanes >> 8) & LOW_HALVES);
        n += (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize;
        if k < 255 {
            break;
        }
    }
    n + chunks.remainder().iter().filter(|&&b| b >= 0x80).count()
}

/// A byte of a word as [`foreign_script`] counts them: an ASCII letter or digit, or any
/// byte of a non-ASCII character.
#[inline]
fn is_script_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The first index from `i` on that is not [`is_script_word_byte`], or `bytes.len()`.
///
/// Eight bytes at a time, as [`alnum_run_end`]: in a text of another script the words are
/// long runs of non-ASCII bytes, which a byte loop would walk one branch at a time.
#[inline]
fn script_word_end(bytes: &[u8], mut i: usize) -> usize {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    while i + 16 <= bytes.len() {
        let lo: [u8; 8] = bytes[i..i + 8].try_into().expect("eight bytes");
        let hi: [u8; 8] = bytes[i + 8..i + 16].try_into().expect("eight bytes");
        let (lo, hi) = (u64::from_le_bytes(lo), u64::from_le_bytes(hi));
        // SAFETY: the only requirement is SSE2, which this code is compiled with (the `cfg`)
        let stop = unsafe { not_alnum16(lo, hi) & !high_bits16(lo, hi) };
        if stop != 0 {
            return i + stop.trailing_zeros() as usize;
        }
        i += 16;
    }
    script_word_end_swar(bytes, i)
}

/// One bit for every byte of the sixteen (`lo` then `hi`) that is >= 0x80.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[target_feature(enable = "sse2")]
fn high_bits16(lo: u64, hi: u64) -> u32 {
    use std::arch::x86_64::{_mm_movemask_epi8, _mm_set_epi64x};
    _mm_movemask_epi8(_mm_set_epi64x(hi as i64, lo as i64)) as u32 & 0xffff
}

/// [`script_word_end`] eight bytes at a time, on any target.
#[inline]
fn script_word_end_swar(bytes: &[u8], mut i: usize) -> usize {
    while i + 8 <= bytes.len() {
        let chunk: [u8; 8] = bytes[i..i + 8].try_into().expect("eight bytes");
        let x = u64::from_le_bytes(chunk);
        // `not_alnum` marks non-ASCII bytes too: here they are word bytes
        let stop = not_alnum(x) & !x;
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && is_script_word_byte(bytes[i]) {
        i += 1;
    }
    i
}

/// Whether `text` is written in another script: more than a quarter of its bytes are
/// non-ASCII (letters of Cyrillic, Greek, Arabic or CJK take two or three bytes each, while
/// accents and curly quotes are a few percent of English or French text), and fewer than one
/// word in eight is a common English word, counting a word as a run of ASCII letters and
/// digits or non-ASCII bytes.
///
/// Tokenising decodes every non-ASCII character and asks Unicode's tables about it, which in
/// such a text is nearly all the cost of the analysis, while this test reads each byte once:
/// the analysis asks it first.
pub fn foreign_script(text: &str) -> bool {
    let bytes = text.as_bytes();
    if count_non_ascii(bytes) * 4 <= bytes.len() {
        return false;
    }
    let (mut words, mut common) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        if !is_script_word_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        i = script_word_end(bytes, i + 1);
        words += 1;
        common += usize::from(short_word_bits(bytes, start, i - start) & COMMON != 0);
    }
    common * 100 < words * 12
}

thread_local! {
    /// The buffers of the last document's tokens, emptied, for the next document's: seven
    /// allocations and frees per document less, and memory the cache still holds.
    static SPARE: Cell<Option<Tokens>> = const { Cell::new(None) };
}

/// A spare buffer of more than this many entries is freed rather than kept for the next
/// document: a huge document's buffers are not held for the life of the thread.
pub(super) const SPARE_MAX: usize = 1 << 16;

/// The buffer left in `slot` by the last document on this thread (empty), or a new one.
pub(super) fn take_spare<T: 'static>(slot: &'static LocalKey<Cell<Vec<T>>>) -> Vec<T> {
    slot.with(Cell::take)
}

/// Leaves `v`, emptied, in `slot` for the next document, unless it is over [`SPARE_MAX`].
pub(super) fn keep_spare<T: 'static>(slot: &'static LocalKey<Cell<Vec<T>>>, mut v: Vec<T>) {
    if v.capacity() <= SPARE_MAX {
        v.clear();
        slot.with(|s| s.set(v));
    }
}

impl Tokens {
    /// Gives the buffers back for the next call of [`tokenize`] on this thread.
    pub fn recycle(mut self) {
        if self.toks.capacity() > SPARE_MAX {
            return;
        }
        self.toks.clear();
        self.lines.clear();
        self.counts.clear();
        self.links.clear();
        self.cap_pairs.clear();
        self.years.clear();
        self.commas.clear();
        self.words = 0;
        self.common = 0;
        SPARE.with(|s| s.set(Some(self)));
    }
}

/// Tokenises every line of `doc`, a text shorter than 4 GiB (the offsets of a [`Tok`]),
/// but those `dropped` says the clean text loses: they get no tokens, as a second run over
/// the clean text would not see them.
pub fn tokenize(doc: &Document<'_>, dropped: &dyn Fn(usize) -> bool) -> Tokens {
    let text = doc.text();
    assert!(u32::try_from(text.len()).is_ok(), "a text of 4 GiB or more");
    let mut t = SPARE.with(Cell::take).unwrap_or_default();
    // room for the usual share of each, so that they rarely grow
    t.toks.reserve(text.len() / 4 + 16);
    t.lines.reserve(doc.lines().len());
    t.counts.reserve(doc.lines().len());
    t.links.reserve(text.len() / 32 + 8);
    t.cap_pairs.reserve(text.len() / 128 + 4);
    t.years.reserve(text.len() / 256 + 4);
    t.commas.reserve(text.len() / 128 + 4);
    for (li, line) in doc.lines().iter().enumerate() {
        let first = t.toks.len();
        if dropped(li) {
            t.counts.push(LineCounts::default());
        } else {
            tokenize_line(text, line.range.clone(), li as u32, &mut t);
        }
        t.lines.push(first..t.toks.len());
    }
    t
}

/// Extends a word from `i` (after its first character) to its end: ASCII runs, other
/// letters and digits, and the joiners that stand between two word characters. Returns the
/// word's end and flags (`flags` plus [`HYPHEN`] for an inner hyphen). `last_digit`: the
/// character before `i` is an ASCII digit.
#[inline]
fn word_tail(text: &str, i: usize, end: usize, mut flags: u8, mut last_digit: bool) -> (usize, u8) {
    let bytes = text.as_bytes();
    let mut j = i;
    while j < end {
        // ASCII letters and digits, most of every word, sixteen bytes at a time
        let run = j;
        j = alnum_run_end(bytes, j, end);
        if j > run {
            last_digit = bytes[j - 1].is_ascii_digit();
            if j == end {
                break;
            }
        }
        // ASCII that is not a joiner ends the word without decoding anything
        if ENDS_WORD[usize::from(bytes[j])] {
            break;
        }
        let c = char_at(text, j);
        let len = c.len_utf8();
        if is_word_char(c) {
            last_digit = c.is_ascii_digit();
            j += len;
            continue;
        }
        let joiner = matches!(c, '\'' | '\u{2019}' | '-' | '.') || (c == ',' && last_digit);
        if !joiner {
            break;
        }
        let next_ok = j + len < end && {
            let n = char_at(text, j + len);
            if c == ',' || (c == '.' && last_digit) {
                n.is_ascii_digit()
            } else {
                is_word_char(n)
            }
        };
        if next_ok && (c != ',' || bytes[j + len].is_ascii_digit()) {
            if c == '-' {
                flags |= HYPHEN;
            }
            j += len;
            continue;
        }
        break;
    }
    (j, flags)
}

fn tokenize_line(text: &str, range: Range<usize>, line: u32, t: &mut Tokens) {
    let bytes = text.as_bytes();
    let end = range.end;
    let mut i = range.start;
    let mut space = false;
    let mut counts = LineCounts::default();
    let line_first = t.toks.len();
    let (mut words, mut common) = (0, 0);
    // the previous token on this line: a word starting upper-case, a comma
    let (mut prev_cap, mut prev_comma) = (false, false);
    while i < end {
        let b = bytes[i];
        let start = i;
        let flags = match BYTE_CLASS[usize::from(b)] {
            SPACE => {
                space = true;
                i += 1;
                continue;
            }
            // an ASCII letter or digit, the start of most words: its ASCII run, and the word
            // ends there unless a joiner or a non-ASCII character follows
            WORD => {
                i = alnum_run_end(bytes, i + 1, end);
                let flags = ASCII_FLAGS[usize::from(b)];
                if i < end && !word_ends_at(bytes, i, end) {
                    let (e, flags) = word_tail(text, i, end, flags, bytes[i - 1].is_ascii_digit());
                    i = e;
                    flags
                } else {
                    flags
                }
            }
            class => {
                let c = if class == PUNCT {
                    b as char
                } else {
                    char_at(text, i)
                };
                let len = c.len_utf8();
                if class == HIGH && c.is_whitespace() {
                    space = true;
                    i += len;
                    continue;
                }
                if class == HIGH && is_word_char(c) {
                    let (e, flags) = word_tail(text, i + len, end, first_char_flags(c), false);
                    i = e;
                    flags
                } else {
                    let idx = t.toks.len();
                    t.toks.push(Tok {
                        lo: i as u32,
                        hi: (i + len) as u32,
                        kind: Kind::Punct,
                        space_before: space,
                        flags: 0,
                        line,
                    });
                    if matches!(c, '-' | '/' | '&' | '–') {
                        t.links.push(idx);
                    }
                    let at = (idx - line_first + 1) as u32;
                    if c == ':' && counts.colon == 0 {
                        counts.colon = at;
                    }
                    if matches!(c, '-' | '–' | '—') {
                        counts.dash = at;
                    }
                    counts.bracket |= c == '(' || c == '[';
                    counts.semicolon |= c == ';';
                    counts.question |= c == '?';
                    prev_cap = false;
                    prev_comma = c == ',';
                    i += len;
                    // a space after it, as after a word, without a round through the loop
                    space = (bytes.get(i) == Some(&b' ')) & (i + 1 < end);
                    i += usize::from(space);
                    continue;
                }
            }
        };
        let idx = t.toks.len();
        t.toks.push(Tok {
            lo: start as u32,
            hi: i as u32,
            kind: Kind::Word,
            space_before: space,
            flags,
            line,
        });
        let wlen = i - start;
        // sums of 0/1 and `&`, not `&&`: which words are long or capitalised is what the
        // predictor cannot guess
        let long = (wlen >= 4) & (flags & ALPHA != 0);
        let cap = flags & CAP != 0;
        counts.long += u32::from(long);
        counts.caps += u32::from(long & cap);
        counts.lower += u32::from(flags & LOWER != 0);
        words += 1;
        let short = short_word_bits(bytes, start, wlen);
        common += usize::from(short & COMMON != 0);
        push_if(
            &mut t.links,
            idx,
            cap | (flags & HYPHEN != 0) | (short & CONNECTIVE != 0),
        );
        // one branch for the three rare places, taken for few words
        let pair = cap & prev_cap & space;
        let year = (wlen == 4) & (flags & DIGIT != 0) & space;
        if pair | year | prev_comma {
            if pair {
                t.cap_pairs.push(idx - 1);
            }
            if year {
                t.years.push(idx);
            }
            if prev_comma {
                t.commas.push(idx - 1);
            }
        }
        prev_cap = cap;
        prev_comma = false;
        // one space then a word, the commonest gap: no round through the loop for it
        space = (bytes.get(i) == Some(&b' ')) & (i + 1 < end);
        i += usize::from(space);
    }
    t.counts.push(counts);
    t.words += words;
    t.common += common;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_scripts_are_told_from_bytes() {
        assert!(foreign_script(
            "Правительство объявило новые меры поддержки для малого бизнеса."
        ));
        assert!(foreign_script("政府は中小企業への新たな支援策を発表した。"));
        // English with names in another script is still read as English
        assert!(!foreign_script(
            "The talks in Москва and Київ were the first of the year, and they went on for days."
        ));
        assert!(!foreign_script(
            "Le gouvernement a annoncé des mesures pour les entreprises."
        ));
        // mostly non-ASCII bytes, but English words around the names
        assert!(!foreign_script(
            "the 北京市政府 and the 上海市政府 of the 广州市政府"
        ));
        assert!(!foreign_script(""));
    }

    #[test]
    fn non_ascii_bytes_are_counted() {
        for len in [0, 1, 7, 8, 9, 2039, 2040, 2041, 4080, 5000] {
            for step in [1, 2, 3, 7] {
                let bytes: Vec<u8> = (0..len)
                    .map(|j| {
                        if j % step == 0 {
                            0x80 | (j as u8)
                        } else {
                            j as u8 & 0x7f
                        }
                    })
                    .collect();
                let want = bytes.iter().filter(|&&b| b >= 0x80).count();
                assert_eq!(count_non_ascii(&bytes), want, "{len} bytes, step {step}");
            }
        }
        assert_eq!(count_non_ascii(&[0xff; 3000]), 3000);
    }

    #[test]
    fn script_words_end_where_a_byte_loop_says() {
        let fill = "abc Жд 中 x9-Éé\u{2019} Жд中".as_bytes();
        for b in 0..=255u8 {
            for pos in 0..fill.len() {
                let mut bytes = fill.to_vec();
                bytes[pos] = b;
                for from in 0..bytes.len() {
                    let want = (from..bytes.len())
                        .find(|&j| !is_script_word_byte(bytes[j]))
                        .unwrap_or(bytes.len());
                    assert_eq!(
                        script_word_end(&bytes, from),
                        want,
                        "byte {b:#x} at {pos}, from {from}"
                    );
                    assert_eq!(
                        script_word_end_swar(&bytes, from),
                        want,
                        "eight at a time: byte {b:#x} at {pos}, from {from}"
                    );
                }
            }
        }
    }

    fn toks(text: &str) -> Vec<(&str, bool)> {
        let doc = Document::parse(text);
        let t = tokenize(&doc, &|_| false);
        t.toks
            .iter()
            .map(|k| (&text[k.start()..k.end()], k.space_before))
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
    fn recycled_buffers_hold_nothing_of_the_last_document() {
        let long = "Said Lisbon Porto, adding 2025 and US-Russia / x &, y\n".repeat(40);
        let short = "Title\nA b, c 2024\n";
        let fresh = |text: &str| {
            SPARE.with(Cell::take);
            let t = tokenize(&Document::parse(text), &|_| false);
            (
                t.toks,
                t.lines,
                t.counts,
                t.links,
                t.cap_pairs,
                t.years,
                t.commas,
                t.words,
                t.common,
            )
        };
        let (want_long, want_short) = (fresh(&long), fresh(short));
        tokenize(&Document::parse(&long), &|_| false).recycle();
        let t = tokenize(&Document::parse(short), &|_| false);
        let got = (
            t.toks.clone(),
            t.lines.clone(),
            t.counts.clone(),
            t.links.clone(),
        );
        assert_eq!(
            got,
            (want_short.0, want_short.1, want_short.2, want_short.3)
        );
        assert_eq!(
            (
                t.cap_pairs.clone(),
                t.years.clone(),
                t.commas.clone(),
                t.words,
                t.common
            ),
            (
                want_short.4,
                want_short.5,
                want_short.6,
                want_short.7,
                want_short.8
            )
        );
        t.recycle();
        assert_eq!(
            tokenize(&Document::parse(&long), &|_| false).toks,
            want_long.0
        );
    }

    #[test]
    fn spacing_and_lines() {
        let text = "A b,c\n\nd";
        let doc = Document::parse(text);
        let t = tokenize(&doc, &|_| false);
        assert_eq!(t.lines, vec![0..4, 4..4, 4..5]);
        let spaces: Vec<bool> = t.toks.iter().map(|k| k.space_before).collect();
        assert_eq!(spaces, vec![false, true, false, false, false]);
        assert_eq!(t.toks[4].line, 2);
    }

    #[test]
    fn flags_describe_the_first_character_and_inner_hyphens() {
        let text = "Éric élan 2025 US-Russia 中文 all-time x- (";
        let doc = Document::parse(text);
        let got: Vec<(&str, u8)> = tokenize(&doc, &|_| false)
            .toks
            .iter()
            .map(|k| (&text[k.start()..k.end()], k.flags))
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

    #[test]
    fn words_end_where_the_full_scan_says() {
        let mut chars: Vec<char> = (0u8..128).map(char::from).collect();
        chars.extend(['\u{2019}', 'é', '–', '中', '\u{a0}', '“']);
        for run in ["ab", "12"] {
            for &c in &chars {
                for &n in &chars {
                    let text = format!("{run}{c}{n}");
                    let i = run.len();
                    if ASCII_WORD[usize::from(text.as_bytes()[i])] {
                        continue;
                    }
                    // the line goes on after the next character, or ends before it
                    for end in [text.len(), i + c.len_utf8()] {
                        let full = word_tail(&text, i, end, 0, run == "12").0 == i;
                        if word_ends_at(text.as_bytes(), i, end) {
                            assert!(full, "{text:?} to {end}");
                        }
                        // the quick test may leave a word to the full scan, never the
                        // other way round; it leaves only a joiner before a letter or digit
                        let cut = end < text.len();
                        if c.is_ascii()
                            && n.is_ascii()
                            && full
                            && (cut || !n.is_ascii_alphanumeric())
                        {
                            assert!(word_ends_at(text.as_bytes(), i, end), "{text:?} to {end}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn word_runs_end_where_the_byte_table_says() {
        // every byte in every position of a chunk, with and without a line end inside it
        let fill = b"abcXYZ0123456789abcdefghijklmnopqrstuvwxyz";
        for b in 0..=255u8 {
            for pos in 0..20 {
                let mut bytes = fill.to_vec();
                bytes[pos] = b;
                for end in [bytes.len(), pos, pos + 1, 5, 13, 17, 25] {
                    let end = end.min(bytes.len());
                    for from in [0, 1, 3, 9, 17] {
                        if from > end {
                            continue;
                        }
                        let want = (from..end)
                            .find(|&j| !bytes[j].is_ascii_alphanumeric())
                            .unwrap_or(end);
                        assert_eq!(
                            alnum_run_end(&bytes, from, end),
                            want,
                            "byte {b:#x} at {pos}, from {from} to {end}"
                        );
                        assert_eq!(
                            alnum_run_end_swar(&bytes, from, end),
                            want,
                            "eight at a time: byte {b:#x} at {pos}, from {from} to {end}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn short_words_are_found_whole_and_in_lower_case_only() {
        let text = "the The there and versus vs or thereof x";
        let bits: Vec<(&str, u8)> = text
            .split(' ')
            .map(|w| {
                let start = w.as_ptr() as usize - text.as_ptr() as usize;
                (w, short_word_bits(text.as_bytes(), start, w.len()))
            })
            .collect();
        assert_eq!(
            bits,
            vec![
                ("the", COMMON),
                ("The", 0),
                ("there", 0),
                ("and", COMMON | CONNECTIVE),
                ("versus", CONNECTIVE),
                ("vs", CONNECTIVE),
                ("or", COMMON | CONNECTIVE),
                ("thereof", 0),
                ("x", 0),
            ]
        );
        for w in super::super::lexicon::COMMON_ENGLISH {
            assert_eq!(
                short_word_bits(w.as_bytes(), 0, w.len()) & COMMON,
                COMMON,
                "{w}"
            );
        }
    }

    #[test]
    fn the_places_the_rules_look_at_are_listed() {
        let text = "Title\nSaid Lisbon Porto, adding 2025 and US-Russia / x &, y\n";
        let doc = Document::parse(text);
        let t = tokenize(&doc, &|_| false);
        let at = |i: usize| &text[t.toks[i].start()..t.toks[i].end()];
        let show = |v: &[usize]| v.iter().map(|&i| at(i)).collect::<Vec<_>>();
        assert_eq!(show(&t.cap_pairs), vec!["Said", "Lisbon"]);
        assert_eq!(
            show(&t.links),
            vec![
                "Title",
                "Said",
                "Lisbon",
                "Porto",
                "and",
                "US-Russia",
                "/",
                "&"
            ]
        );
        assert_eq!(show(&t.years), vec!["2025"]);
        assert_eq!(
            t.commas.iter().map(|&i| at(i + 1)).collect::<Vec<_>>(),
            vec!["adding", "y"]
        );
        assert_eq!((t.words, t.common), (10, 1));
        assert_eq!(
            t.counts[1],
            LineCounts {
                long: 5,
                caps: 4,
                lower: 4,
                colon: 0,
                dash: 0,
                bracket: false,
                question: false,
                semicolon: false,
            }
        );
        // the first colon and the last dash of a line, one past their index in it
        let doc = Document::parse("Title\nNews: a - b — c: d\n");
        let t = tokenize(&doc, &|_| false);
        assert_eq!((t.counts[1].colon, t.counts[1].dash), (2, 6));
        assert_eq!((t.counts[0].colon, t.counts[0].dash), (0, 0));
        let doc = Document::parse("Title\nGold (the metal) rose\nWhy? No brackets; none\n");
        let t = tokenize(&doc, &|_| false);
        assert_eq!(
            t.counts
                .iter()
                .map(|c| (c.bracket, c.question, c.semicolon))
                .collect::<Vec<_>>(),
            [
                (false, false, false),
                (true, false, false),
                (false, true, true)
            ]
        );
    }
}
