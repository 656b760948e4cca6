//! Closed word lists as hash tables built at compile time.
//!
//! Several rules ask of most words of a document whether it is in one of their closed lists
//! (function words, month names, time-zone abbreviations ...). Written as `matches!` or as a
//! scan of a slice, each question compares the word with every listed word of its length, in
//! every list; a table that maps each listed word to the bits of the lists holding it answers
//! with one hash and, nearly always, one comparison.

/// Words with the bits of the lists they are in, in an open-addressing table of `N` slots.
pub(crate) struct WordTable<const N: usize> {
    /// Each slot's word, its bits, and its [`hash`] (0 for an empty slot): a lookup compares
    /// the hashes first, so a word in no list is rejected without comparing strings.
    slots: [(&'static str, u8, u64); N],
}

impl<const N: usize> WordTable<N> {
    /// The table of `lists`, each with its bit. Evaluated in a constant, so a table too small
    /// for its words fails to compile.
    pub(crate) const fn new(lists: &[(&[&'static str], u8)]) -> Self {
        let mut slots: [(&'static str, u8, u64); N] = [("", 0, 0); N];
        let mut used = 0;
        let mut l = 0;
        while l < lists.len() {
            let (words, bit) = lists[l];
            let mut j = 0;
            while j < words.len() {
                let w = words[j];
                assert!(!w.is_empty(), "an empty word");
                let h = hash(key(w.as_bytes()), w.len());
                let mut i = slot::<N>(h);
                loop {
                    if slots[i].0.is_empty() {
                        // half full at most, so that a lookup ends after a slot or two
                        used += 1;
                        assert!(used * 2 <= N, "the word table is too small");
                        slots[i] = (w, bit, h);
                        break;
                    }
                    if bytes_eq(slots[i].0.as_bytes(), w.as_bytes()) {
                        slots[i].1 |= bit;
                        break;
                    }
                    i = (i + 1) % N;
                }
                j += 1;
            }
            l += 1;
        }
        WordTable { slots }
    }

    /// The bits of the lists that hold `w` exactly as written; 0 for a word in none.
    pub(crate) fn get(&self, w: &str) -> u8 {
        if w.is_empty() {
            return 0;
        }
        let h = hash(key(w.as_bytes()), w.len());
        let mut i = slot::<N>(h);
        loop {
            let (k, bits, kh) = self.slots[i];
            if kh == h && k == w {
                return bits;
            }
            if k.is_empty() {
                return 0;
            }
            i = (i + 1) % N;
        }
    }

    /// [`Self::get`] ignoring ASCII case, for lists written in lower case.
    pub(crate) fn get_ignore_case(&self, w: &str) -> u8 {
        if w.is_empty() {
            return 0;
        }
        let w = w.as_bytes();
        let h = hash(lower_key(w), w.len());
        let mut i = slot::<N>(h);
        loop {
            let (k, bits, kh) = self.slots[i];
            if kh == h
                && k.len() == w.len()
                && k.bytes().zip(w).all(|(a, &b)| a == b.to_ascii_lowercase())
            {
                return bits;
            }
            if k.is_empty() {
                return 0;
            }
            i = (i + 1) % N;
        }
    }
}

/// Eight bytes of `w` from `at`, little-endian.
const fn le8(w: &[u8], at: usize) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < 8 {
        k |= (w[at + i] as u64) << (8 * i);
        i += 1;
    }
    k
}

/// Four bytes of `w` from `at`, little-endian.
const fn le4(w: &[u8], at: usize) -> u64 {
    (w[at] as u64) | (w[at + 1] as u64) << 8 | (w[at + 2] as u64) << 16 | (w[at + 3] as u64) << 24
}

/// Up to sixteen bytes of a word in one integer, read as two overlapping loads rather
/// than byte by byte: words of one length up to eight bytes get distinct keys; longer
/// ones are told apart by the final comparison.
const fn key(w: &[u8]) -> u64 {
    let n = w.len();
    if n >= 8 {
        le8(w, 0) ^ le8(w, n - 8).rotate_left(29)
    } else if n >= 4 {
        le4(w, 0) | le4(w, n - 4) << 32
    } else if n > 0 {
        (w[0] as u64) | (w[n / 2] as u64) << 8 | (w[n - 1] as u64) << 16
    } else {
        0
    }
}

/// [`key`] of `w` with ASCII upper-case letters lowered, without copying `w`.
fn lower_key(w: &[u8]) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    const UPPER_A: u64 = ONES * 0x41;
    const UPPER_Z: u64 = (ONES * 0x5a) | HIGHS;
    let n = w.len();
    if n < 4 {
        let lw = |i: usize| u64::from(w[i].to_ascii_lowercase());
        return if n > 0 {
            lw(0) | lw(n / 2) << 8 | lw(n - 1) << 16
        } else {
            0
        };
    }
    // per byte, guarded by its high bit: 0x80 where the byte is in 'A'..='Z'
    let lower = |x: u64| {
        let x7 = x & !HIGHS;
        let upper = ((x7 | HIGHS) - UPPER_A) & (UPPER_Z - x7) & !x & HIGHS;
        x | upper >> 2
    };
    if n >= 8 {
        lower(le8(w, 0)) ^ lower(le8(w, n - 8)).rotate_left(29)
    } else {
        lower(le4(w, 0) | le4(w, n - 4) << 32)
    }
}

/// The hash of a word's key, never 0 (the mark of an empty slot).
const fn hash(key: u64, len: usize) -> u64 {
    (key ^ (len as u64) << 56).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1
}

/// The home slot of a hash: its high bits, folded to the table size.
const fn slot<const N: usize>(h: u64) -> usize {
    (h >> 32) as usize % N
}

const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &[&str] = &["the", "of", "and", "–"];
    const B: &[&str] = &["and", "or", "associated press"];
    static TABLE: WordTable<16> = WordTable::new(&[(A, 1), (B, 2)]);

    #[test]
    fn words_get_the_bits_of_every_list_that_holds_them() {
        assert_eq!(TABLE.get("the"), 1);
        assert_eq!(TABLE.get("and"), 3);
        assert_eq!(TABLE.get("or"), 2);
        assert_eq!(TABLE.get("associated press"), 2);
        assert_eq!(TABLE.get("–"), 1);
        for w in ["", "The", "an", "the ", "andor", "x"] {
            assert_eq!(TABLE.get(w), 0, "{w:?}");
        }
    }

    #[test]
    fn case_is_ignored_for_ascii_letters_only() {
        assert_eq!(TABLE.get_ignore_case("THE"), 1);
        assert_eq!(TABLE.get_ignore_case("Associated Press"), 2);
        assert_eq!(TABLE.get_ignore_case("–"), 1);
        assert_eq!(TABLE.get_ignore_case("Ünd"), 0);
        assert_eq!(TABLE.get_ignore_case(&"a".repeat(40)), 0);
    }

    #[test]
    fn every_length_is_found_in_any_case() {
        // each key shape: short, four to eight bytes, longer than eight and sixteen
        const W: &[&str] = &[
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnopq",
            "wednesday",
            "wednesdays",
        ];
        static T: WordTable<64> = WordTable::new(&[(W, 1)]);
        for w in W {
            assert_eq!(T.get(w), 1, "{w}");
            assert_eq!(T.get_ignore_case(&w.to_ascii_uppercase()), 1, "{w}");
            assert_eq!(T.get(&w.to_ascii_uppercase()), 0, "{w}");
            // one byte changed anywhere: a different word
            for i in 0..w.len() {
                let mut b = w.as_bytes().to_vec();
                b[i] = b'z' + 1;
                let other = String::from_utf8(b).unwrap();
                assert_eq!(T.get(&other), 0, "{other}");
                assert_eq!(T.get_ignore_case(&other), 0, "{other}");
            }
        }
        assert_eq!(T.get_ignore_case("abcdefghijklmnopqr"), 0);
        assert_eq!(T.get_ignore_case("Wédnesday"), 0);
    }
}
