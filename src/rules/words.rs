//! Closed word lists as hash tables built at compile time.
//!
//! Several rules ask of most words of a document whether it is in one of their closed lists
//! (function words, month names, time-zone abbreviations ...). Written as `matches!` or as a
//! scan of a slice, each question compares the word with every listed word of its length, in
//! every list; a table that maps each listed word to the bits of the lists holding it answers
//! with one hash and, nearly always, one comparison.

/// Words with the bits of the lists they are in, in an open-addressing table of `N` slots.
pub(crate) struct WordTable<const N: usize> {
    slots: [(&'static str, u8); N],
}

impl<const N: usize> WordTable<N> {
    /// The table of `lists`, each with its bit. Evaluated in a constant, so a table too small
    /// for its words fails to compile.
    pub(crate) const fn new(lists: &[(&[&'static str], u8)]) -> Self {
        let mut slots: [(&'static str, u8); N] = [("", 0); N];
        let mut used = 0;
        let mut l = 0;
        while l < lists.len() {
            let (words, bit) = lists[l];
            let mut j = 0;
            while j < words.len() {
                let w = words[j];
                assert!(!w.is_empty(), "an empty word");
                let mut i = slot::<N>(w.as_bytes());
                loop {
                    if slots[i].0.is_empty() {
                        // half full at most, so that a lookup ends after a slot or two
                        used += 1;
                        assert!(used * 2 <= N, "the word table is too small");
                        slots[i] = (w, bit);
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
        let mut i = slot::<N>(w.as_bytes());
        loop {
            let (k, bits) = self.slots[i];
            if k == w {
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
        let mut buf = [0u8; 32];
        let Some(out) = buf.get_mut(..w.len()) else {
            // longer than any listed word
            return 0;
        };
        out.copy_from_slice(w.as_bytes());
        out.make_ascii_lowercase();
        // lower-casing ASCII letters keeps UTF-8 valid
        std::str::from_utf8(out).map_or(0, |l| self.get(l))
    }
}

/// The home slot of a word: FNV-1a, folded to the table size.
const fn slot<const N: usize>(w: &[u8]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < w.len() {
        h = (h ^ w[i] as u64).wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    (h ^ (h >> 32)) as usize % N
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
}
