//! S006: a search string typed into a sentence, found by a name in lower case.
//!
//! SEO tools paste the searches a page targets into its sentences as they were typed:
//! `Saturday's 3-0 loss harbour town fc manager news today at Mill Lane`. A searcher types
//! names in lower case; a writer never does, and the text itself shows how it writes the
//! name: capitalised inside its sentences, and never in lower case anywhere else. So a run
//! of lower-case words that opens with one of the title's capitalised words, holds a name
//! of the title that the text writes only capitalised, and has no clause word in it, is no
//! part of the sentence: the sentence reads on without it, as it did before the string was
//! pasted in.

use std::ops::Range;

use super::{lower_into, quote_list, title_hit_in, Analyser, Facts, LineKind};
use crate::rules::seo::evidence::fragment::ASIDE_SUFFIXES;
use crate::rules::seo::lexicon::{closed_class, is_function_word, ClosedClass};
use crate::rules::seo::tokens::{Kind, CAP, LOWER};
use crate::rules::seo::KEYWORD_FRAGMENT;
use crate::rules::Finding;

/// Whether `w` may be a name or a keyword's word: no function word, no search word.
fn is_content_word(w: &str) -> bool {
    closed_class(w) == ClosedClass::None
        && !ASIDE_SUFFIXES.iter().any(|s| s.eq_ignore_ascii_case(w))
}

/// A bit for each first letter and each length among some words: most words of a text are
/// told apart from them on those two, before their letters are compared.
struct WordMask {
    firsts: u32,
    lengths: u64,
}

impl WordMask {
    fn letter(b: u8) -> u32 {
        1 << (b.to_ascii_lowercase() & 31)
    }

    fn length(n: usize) -> u64 {
        1 << n.min(63)
    }

    fn of(words: &[&str]) -> WordMask {
        let mut m = WordMask {
            firsts: 0,
            lengths: 0,
        };
        for w in words {
            m.firsts |= Self::letter(w.as_bytes()[0]);
            m.lengths |= Self::length(w.len());
        }
        m
    }

    /// Which of `words` token `k` is, in any ASCII case.
    fn find(&self, a: &Analyser<'_, '_>, k: usize, words: &[&str]) -> Option<usize> {
        let t = &a.tk.toks[k];
        if self.lengths & Self::length(t.end() - t.start()) == 0
            || self.firsts & Self::letter(a.text.as_bytes()[t.start()]) == 0
        {
            return None;
        }
        let w = a.word(k);
        words.iter().position(|n| n.eq_ignore_ascii_case(w))
    }
}

/// Fewest and most words of a search string.
const MIN_WORDS: usize = 3;
const MAX_WORDS: usize = 8;

/// The title's capitalised words, and how the text's prose lines write each.
struct Names<'t> {
    words: Vec<&'t str>,
    /// Capitalised in running prose: in a run of capitalised words that follows a lower-case
    /// word on its line (`said Storm Odile`, not a menu's `Native Advertising Platform`).
    capitalised: Vec<bool>,
    /// Where in lower case: the tokens.
    lower: Vec<Vec<usize>>,
}

impl<'t> Analyser<'_, 't> {
    /// The search strings typed into the body's sentences, into `out`.
    pub(super) fn lowered_search_strings(&self, facts: &Facts<'_, '_>, out: &mut Vec<Finding>) {
        let Some((title, mut names)) = self.title_names() else {
            return;
        };
        let toks = &self.tk.toks;
        let prose = |k: usize| self.kinds[toks[k].line as usize] == LineKind::Prose;
        // which names the text capitalises in running prose: the capitalised words are few
        let all = WordMask::of(&names.words);
        for &k in &self.tk.links {
            if toks[k].kind != Kind::Word || !toks[k].has(CAP) || !prose(k) {
                continue;
            }
            if let Some(n) = all.find(self, k, &names.words) {
                names.capitalised[n] |= self.after_lower_case(k);
            }
        }
        for (n, w) in names.words.iter().enumerate() {
            names.capitalised[n] = names.capitalised[n] && is_content_word(w);
        }
        if !names.capitalised.contains(&true) {
            return;
        }
        // where those names stand in lower case in the body's prose, found by their bytes:
        // a pass over the bytes is cheaper than one over the tokens
        let from = self.doc.lines()[title].range.end;
        let bytes = self.text.as_bytes();
        let mut lowered: Vec<usize> = Vec::new();
        let mut needle = String::new();
        for n in (0..names.words.len()).filter(|&n| names.capitalised[n]) {
            lower_into(names.words[n], &mut needle);
            for at in memchr::memmem::find_iter(&bytes[from..], needle.as_bytes()) {
                let at = from + at;
                let k = toks.partition_point(|t| t.start() < at);
                if toks.get(k).is_some_and(|t| {
                    t.start() == at
                        && t.end() - at == needle.len()
                        && t.kind == Kind::Word
                        && t.has(LOWER)
                        && t.line as usize > title
                }) && prose(k)
                {
                    names.lower[n].push(k);
                    lowered.push(k);
                }
            }
        }
        lowered.sort_unstable();
        // the runs that open with one of them or with a word of the title just before it
        let opener = |j: usize| {
            toks[j].kind == Kind::Word
                && toks[j].has(LOWER)
                && all.find(self, j, &names.words).is_some()
                && is_content_word(self.word(j))
        };
        let mut runs: Vec<Range<usize>> = Vec::new();
        for k in lowered {
            let line = self.tk.lines[toks[k].line as usize].clone();
            for j in [k.saturating_sub(1), k] {
                if runs.last().is_some_and(|run| run.start >= j)
                    || j < line.start
                    || j < k && !opener(j)
                {
                    continue;
                }
                if let Some(end) = self.run_from(j, line.clone()) {
                    runs.push(j..end);
                }
            }
        }
        let mut done = 0;
        for run in runs {
            if run.start < done {
                continue;
            }
            if let Some(f) = self.search_string(run.clone(), &names, facts) {
                out.push(f);
                done = run.end;
            }
        }
    }

    /// The title line and its capitalised words of three letters or more in ASCII, once
    /// each. `None` when there are none.
    fn title_names(&self) -> Option<(usize, Names<'t>)> {
        let toks = &self.tk.toks;
        let title = self.doc.title_line()?;
        let mut words: Vec<&'t str> = Vec::new();
        for k in self.tk.lines[title].clone() {
            if toks[k].kind != Kind::Word || !toks[k].has(CAP) {
                continue;
            }
            let w = self.word(k);
            if w.len() >= 3 && w.is_ascii() && !words.iter().any(|n| n.eq_ignore_ascii_case(w)) {
                words.push(w);
            }
        }
        (!words.is_empty()).then(|| {
            let names = Names {
                capitalised: vec![false; words.len()],
                lower: vec![Vec::new(); words.len()],
                words,
            };
            (title, names)
        })
    }

    /// Whether the capitalised word `k` stands in a run of capitalised words that follows a
    /// lower-case word on its line.
    fn after_lower_case(&self, k: usize) -> bool {
        let toks = &self.tk.toks;
        let line = toks[k].line;
        let word_on_line = |i: usize| toks[i].line == line && toks[i].kind == Kind::Word;
        let mut i = k;
        while i > 0 && word_on_line(i - 1) && toks[i - 1].has(CAP) {
            i -= 1;
        }
        i > 0 && word_on_line(i - 1) && toks[i - 1].has(LOWER)
    }

    /// The end of the run of lower-case words that the lower-case word `k` opens on the
    /// line of tokens `line`: three to eight words one space apart with no clause word, after
    /// a content word, and followed by what could follow the word before it. `None` when
    /// there is no such run.
    fn run_from(&self, k: usize, line: Range<usize>) -> Option<usize> {
        let toks = &self.tk.toks;
        let lower_word = |i: usize| {
            let t = &toks[i];
            t.kind == Kind::Word && t.has(LOWER) && t.space_before
        };
        // the token flags first: two more lower-case words after it on its line
        if k == line.start || k + 2 >= line.end || !lower_word(k + 1) || !lower_word(k + 2) {
            return None;
        }
        // alone in brackets after a word, the string is an aside the sentence can lose
        let bracketed = toks[k - 1].kind == Kind::Punct
            && self.word(k - 1) == "("
            && k - 1 > line.start
            && toks[k - 2].kind == Kind::Word
            && toks[k].kind == Kind::Word
            && toks[k].has(LOWER)
            && !toks[k].space_before;
        if !bracketed
            && (!lower_word(k)
                || toks[k - 1].kind != Kind::Word
                // after a content word: after a determiner, a preposition or a verb the words
                // would be the sentence's own noun phrase
                || closed_class(self.word(k - 1)) != ClosedClass::None)
        {
            return None;
        }
        let mut end = k + 1;
        while end < line.end
            && end - k < MAX_WORDS
            && lower_word(end)
            && !is_function_word(self.word(end))
        {
            end += 1;
        }
        // what follows can follow the sentence's words before the run: a stop, a
        // preposition, a verb or a conjunction (`loss [...] at Mill Lane`), not a word that
        // would need the run (`raise [...] how much`)
        if bracketed {
            let shut = end < line.end && toks[end].kind == Kind::Punct && self.word(end) == ")";
            return (end - k >= MIN_WORDS && shut).then_some(end);
        }
        let closes = end == line.end
            || toks[end].kind == Kind::Punct
                && matches!(self.word(end), "," | "." | ";" | "!" | "?" | ")")
            || toks[end].kind == Kind::Word
                && (matches!(
                    closed_class(self.word(end)),
                    ClosedClass::Preposition | ClosedClass::FiniteVerb
                ) || matches!(self.word(end), "and" | "but" | "as" | "which" | "while"));
        (end - k >= MIN_WORDS && closes).then_some(end)
    }

    /// The finding for the run of lower-case words `run`, when two of its words are the
    /// title's or one is a search word, and one of its first two words is a name that the
    /// text writes capitalised in running prose and in lower case only in this run.
    fn search_string(
        &self,
        run: Range<usize>,
        names: &Names<'t>,
        facts: &Facts<'_, '_>,
    ) -> Option<Finding> {
        let terms = self.title_terms(facts);
        let mut lower = String::new();
        let mut hits: Vec<String> = Vec::new();
        let mut searched = false;
        for j in run.clone() {
            let w = self.word(j);
            searched |= ASIDE_SUFFIXES.contains(&w);
            lower_into(w, &mut lower);
            if title_hit_in(terms, &lower) && !hits.contains(&lower) {
                hits.push(lower.clone());
            }
        }
        if hits.len() < 2 && !searched {
            return None;
        }
        let name = (run.start..(run.start + 2).min(run.end)).find_map(|j| {
            let w = self.word(j);
            let n = names.words.iter().position(|n| n.eq_ignore_ascii_case(w))?;
            // lower case only in this run (the word may stand in it twice), or in copies of
            // it: a string pasted twice, or in a paragraph printed twice, is the same search
            let off = j - run.start;
            let copy = |at: usize| {
                at >= off
                    && run.clone().all(|i| {
                        let c = at - off + (i - run.start);
                        c < self.tk.toks.len()
                            && self.tk.toks[c].kind == Kind::Word
                            && self.word(c) == self.word(i)
                    })
            };
            let elsewhere = names.lower[n]
                .iter()
                .any(|&at| !run.contains(&at) && !copy(at));
            (names.capitalised[n] && !elsewhere).then_some(w)
        })?;
        let mut msg = format!(
            "a search string typed into the sentence: {} words in lower case with no clause \
             word, with \"{name}\", a name the text writes capitalised everywhere else",
            run.len()
        );
        if hits.len() >= 2 {
            msg.push_str(", and the title's words ");
            msg.push_str(&quote_list(&hits));
        }
        let toks = &self.tk.toks;
        let mut range = toks[run.start].start()..toks[run.end - 1].end();
        // a string alone in brackets goes with them (`run_from` saw both)
        if self.text[..range.start].ends_with('(') && self.text[range.end..].starts_with(')') {
            msg.push_str(", alone in brackets, which go with it");
            range = range.start - 1..range.end + 1;
        }
        Some(Finding::new(&KEYWORD_FRAGMENT, range, msg))
    }
}
