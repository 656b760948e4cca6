//! S006: a search string typed into a sentence, found by a name in lower case.
//!
//! SEO tools paste the searches a page targets into its sentences as they were typed:
//! `Saturday's 3-0 loss harbour town fc manager news today at Mill Lane`. A searcher types
//! names in lower case; a writer never does, and the text itself shows how it writes the
//! name: capitalised inside its sentences, and never in lower case anywhere else. So a run
//! of lower-case words that opens with one of the title's capitalised words, holds a name
//! the text writes only capitalised, and has no clause word in it, is no part of the
//! sentence: the sentence reads on without it, as it did before the string was pasted in.

use super::{lower_into, quote_list, title_hit_in, Analyser, Facts, LineKind};
use crate::rules::seo::evidence::fragment::ASIDE_SUFFIXES;
use crate::rules::seo::lexicon::{closed_class, is_function_word, ClosedClass};
use crate::rules::seo::tokens::{Kind, CAP, LOWER};
use crate::rules::seo::KEYWORD_FRAGMENT;
use crate::rules::Finding;

/// Fewest and most words of a search string.
const MIN_WORDS: usize = 3;
const MAX_WORDS: usize = 8;

impl<'t> Analyser<'_, 't> {
    /// The search strings typed into the body's sentences, into `out`.
    pub(super) fn lowered_search_strings(&self, facts: &Facts<'_, '_>, out: &mut Vec<Finding>) {
        let toks = &self.tk.toks;
        let Some(title) = self.doc.title_line() else {
            return;
        };
        // the title's capitalised words, and a bit for each first letter among them: most
        // lower-case words of the body are passed over on their first byte
        let names: Vec<&'t str> = self.tk.lines[title]
            .clone()
            .filter(|&k| toks[k].kind == Kind::Word && toks[k].has(CAP))
            .map(|k| self.word(k))
            .filter(|w| {
                let mut lower = String::new();
                lower_into(w, &mut lower);
                w.len() >= 3
                    && w.is_ascii()
                    && !is_function_word(&lower)
                    && !ASIDE_SUFFIXES.contains(&lower.as_str())
            })
            .collect();
        let letter = |w: &str| 1u32 << (w.as_bytes()[0].to_ascii_lowercase() & 31);
        let firsts = names.iter().fold(0, |m, w| m | letter(w));
        if firsts == 0 {
            return;
        }
        // how the text writes each word asked about, counted once a word
        let mut seen: Vec<Spelling<'t>> = Vec::new();
        for li in self.doc.body_lines() {
            if self.kinds[li] != LineKind::Prose {
                continue;
            }
            let r = self.tk.lines[li].clone();
            let mut k = r.start;
            while k < r.end {
                let t = &toks[k];
                let w = self.word(k);
                let opens = t.kind == Kind::Word
                    && t.has(LOWER)
                    && firsts & letter(w) != 0
                    && names.iter().any(|n| n.eq_ignore_ascii_case(w))
                    && k > r.start
                    && t.space_before
                    // after a content word: after a determiner, a preposition or a verb the
                    // words would be the sentence's own noun phrase
                    && toks[k - 1].kind == Kind::Word
                    && closed_class(self.word(k - 1)) == ClosedClass::None;
                if !opens {
                    k += 1;
                    continue;
                }
                // the run: lower-case words that are no clause words, one space apart
                let mut end = k + 1;
                while end < r.end
                    && end - k < MAX_WORDS
                    && toks[end].kind == Kind::Word
                    && toks[end].space_before
                    && toks[end].has(LOWER)
                    && !is_function_word(self.word(end))
                {
                    end += 1;
                }
                // what follows can follow the sentence's words before the run: a stop, a
                // preposition, a verb or a conjunction (`loss [...] at Mill Lane`), not a
                // word that would need the run (`raise [...] how much`)
                let closes = end == r.end
                    || toks[end].kind == Kind::Punct
                        && matches!(self.word(end), "," | "." | ";" | "!" | "?" | ")")
                    || toks[end].kind == Kind::Word
                        && (matches!(
                            closed_class(self.word(end)),
                            ClosedClass::Preposition | ClosedClass::FiniteVerb
                        ) || matches!(
                            self.word(end),
                            "and" | "but" | "as" | "which" | "while"
                        ));
                if end - k >= MIN_WORDS && closes {
                    if let Some(f) = self.search_string(k, end, facts, &mut seen) {
                        out.push(f);
                        k = end;
                        continue;
                    }
                }
                k += 1;
            }
        }
    }

    /// The finding for the run of lower-case words `k..end`, when one of its first two words
    /// is a name the text writes only capitalised, and two of its words are the title's or
    /// one is a search word.
    fn search_string(
        &self,
        k: usize,
        end: usize,
        facts: &Facts<'_, '_>,
        seen: &mut Vec<Spelling<'t>>,
    ) -> Option<Finding> {
        let name = (k..(k + 2).min(end)).find(|&j| {
            let w = self.word(j);
            let at = match seen.iter().position(|s| s.word.eq_ignore_ascii_case(w)) {
                Some(at) => at,
                None => {
                    seen.push(self.spelling(w));
                    seen.len() - 1
                }
            };
            // lower case only in this run (the word may stand in it twice)
            let here = (k..end)
                .filter(|&i| self.word(i).eq_ignore_ascii_case(w))
                .count();
            seen[at].in_prose >= 1 && seen[at].lower == here
        })?;
        let terms = self.title_terms(facts);
        let mut lower = String::new();
        let mut hits: Vec<String> = Vec::new();
        let mut searched = false;
        for j in k..end {
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
        let mut msg = format!(
            "a search string typed into the sentence: {} words in lower case with no clause \
             word, with \"{}\", a name the text writes capitalised everywhere else",
            end - k,
            self.word(name)
        );
        if hits.len() >= 2 {
            msg.push_str(", and the title's words ");
            msg.push_str(&quote_list(&hits));
        }
        let toks = &self.tk.toks;
        Some(Finding::new(
            &KEYWORD_FRAGMENT,
            toks[k].start()..toks[end - 1].end(),
            msg,
        ))
    }

    /// How the text's prose lines write `w`: how often in lower case, and how often
    /// capitalised in running prose, in a run of capitalised words that follows a lower-case
    /// word (`said Storm Odile`, not a menu's `Native Advertising Platform`).
    fn spelling(&self, w: &'t str) -> Spelling<'t> {
        let toks = &self.tk.toks;
        let mut s = Spelling {
            word: w,
            lower: 0,
            in_prose: 0,
        };
        for (j, t) in toks.iter().enumerate() {
            if t.kind != Kind::Word
                || self.kinds[t.line as usize] != LineKind::Prose
                || !self.word(j).eq_ignore_ascii_case(w)
            {
                continue;
            }
            if t.has(LOWER) {
                s.lower += 1;
            } else {
                let mut i = j;
                while i > 0
                    && toks[i - 1].line == t.line
                    && toks[i - 1].kind == Kind::Word
                    && toks[i - 1].has(CAP)
                {
                    i -= 1;
                }
                let after_lower = i > 0
                    && toks[i - 1].line == t.line
                    && toks[i - 1].kind == Kind::Word
                    && toks[i - 1].has(LOWER);
                s.in_prose += usize::from(after_lower);
            }
        }
        s
    }
}

/// How a text writes one word ([`Analyser::spelling`]).
struct Spelling<'t> {
    word: &'t str,
    lower: usize,
    in_prose: usize,
}
