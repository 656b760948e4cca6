//! S006: keyword phrases standing as a sentence of their own.
//!
//! Besides pasting keywords into sentences, SEO tools end a paragraph with the bare list of
//! searches it targets (`Nova Buds 3 price, Nova Buds 3 battery life, Nova Buds 3 vs
//! AirPods.`) or with a lower-case search string after the last full stop (`... until
//! Thursday. storm power outage update live`). Neither is a sentence: there is no
//! determiner, pronoun, conjunction or auxiliary in it, and its words are the title's. The
//! evidence is the shape (no clause words, a lower-case start after a full stop and no stop
//! of its own, a list whose items share their head) and the document's title.

use std::fmt::Write as _;
use std::ops::Range;

use super::{
    is_year, lower_into, norm, quote_list, title_hit_in, Analyser, Facts, LineKind, Piece,
};
use crate::rules::junk::repeats_title;
use crate::rules::seo::lexicon::{is_clause_word, is_function_word, is_preposition};
use crate::rules::seo::tokens::{Kind, Tok, CAP, DIGIT, LOWER};
use crate::rules::seo::{KEYWORD_FRAGMENT, KEYWORD_TEASER};
use crate::rules::{Action, Finding};

/// Most words a keyword phrase of a list, or a trailing search string, holds.
const MAX_ITEM_WORDS: usize = 6;
const MAX_TAIL_WORDS: usize = 8;
/// Most words a keyword label before a sentence holds.
pub(super) const MAX_LABEL_WORDS: usize = 6;

/// One word of a candidate fragment, lower-cased, with whether it is a content word.
struct Word {
    lower: String,
    content: bool,
}

/// Whether two items of a list hold the same two or more words in another order: the
/// variants of one search (`Lakers Celtics, Celtics Lakers`).
fn reordered_items(items: &[Vec<Word>]) -> bool {
    fn sorted(it: &[Word]) -> Vec<&str> {
        let mut w: Vec<&str> = it.iter().map(|w| w.lower.as_str()).collect();
        w.sort_unstable();
        w
    }
    items.iter().enumerate().any(|(i, a)| {
        a.len() >= 2
            && items[i + 1..].iter().any(|b| {
                b.len() == a.len()
                    && a.iter().zip(b).any(|(x, y)| x.lower != y.lower)
                    && sorted(a) == sorted(b)
            })
    })
}

/// Whether a word of one item that `keep` accepts is also in another item.
fn recurs_across(items: &[Vec<Word>], keep: impl Fn(&Word) -> bool) -> bool {
    items.iter().enumerate().any(|(i, a)| {
        a.iter().filter(|w| keep(w)).any(|w| {
            items[i + 1..]
                .iter()
                .any(|b| b.iter().any(|x| x.lower == w.lower))
        })
    })
}

impl Word {
    fn new(raw: &str) -> Self {
        let mut lower = String::new();
        lower_into(norm(raw), &mut lower);
        let content = !is_function_word(&lower);
        Word { lower, content }
    }
}

impl<'t> Analyser<'_, 't> {
    /// The S006 findings of the document.
    pub(super) fn fragments(&self, facts: &Facts<'_, '_>, pieces: &[&[Piece]]) -> Vec<Finding> {
        let mut out = Vec::new();
        // a list has two commas before words, a search string no stop of its own: most
        // lines have neither shape and are passed over from what the tokeniser recorded
        let line_of = |c: usize| self.tk.toks[c].line as usize;
        let mut next_comma = 0;
        for li in self.doc.body_lines() {
            // this line's commas, in `self.tk.commas[first..next_comma]`
            let all = &self.tk.commas;
            while next_comma < all.len() && line_of(all[next_comma]) < li {
                next_comma += 1;
            }
            let first = next_comma;
            while next_comma < all.len() && line_of(all[next_comma]) == li {
                next_comma += 1;
            }
            let line_commas = &all[first..next_comma];
            let commas = line_commas.len();
            let r = self.tk.lines[li].clone();
            let toks = &self.tk.toks[r.clone()];
            let open_end = toks.last().is_some_and(|t| t.kind == Kind::Word);
            // a label is a few words and a colon at a sentence's start; appended keywords
            // follow a dash among the line's last words (the tokeniser noted both)
            let counts = &self.tk.counts[li];
            let colon = (counts.colon > 0).then(|| counts.colon as usize - 1);
            let dash =
                counts.dash > 0 && toks.len() - (counts.dash as usize - 1) <= MAX_TAIL_WORDS + 3;
            // a line the junk rules drop has no tokens (see `analyse`)
            let gone = toks.is_empty();
            if let (Some(first), false) = (colon, gone) {
                out.extend(self.keyword_labels(li, toks, first, facts));
                // a label too long for one keyword may be a list of them
                let listed = line_commas.iter().filter(|&&c| c - r.start < first).count();
                if first > MAX_LABEL_WORDS && listed >= 2 {
                    out.extend(self.keyword_list(li, toks, facts, pieces, ListAt::Label(first)));
                }
            }
            let label_at_start = colon.is_some_and(|c| c <= MAX_LABEL_WORDS);
            if (commas == 0
                && !open_end
                && !label_at_start
                && !dash
                && !counts.bracket
                && !counts.semicolon)
                || gone
            {
                if !gone && !open_end && self.kinds[li] == LineKind::Prose {
                    out.extend(self.search_object_tail(toks, facts));
                }
                continue;
            }
            let list = if commas >= 2 {
                self.keyword_list(li, toks, facts, pieces, ListAt::End)
            } else {
                None
            };
            // a list that goes takes its last items with it: they are not a tail of their own
            let list_goes = list.as_ref().is_some_and(|f| f.action.removes());
            if self.kinds[li] == LineKind::Prose && !list_goes {
                let query = if commas >= 1 && !open_end {
                    self.comma_tail(toks, facts)
                } else {
                    None
                };
                let tail = if query.is_none() && (dash || commas >= 1 || counts.semicolon) {
                    self.appended_tail(toks, facts, pieces)
                } else {
                    None
                };
                out.extend(query.or(tail));
                if commas >= 1 {
                    out.extend(self.inner_comma_tails(toks, r.start, line_commas, facts));
                }
                if counts.bracket {
                    out.extend(self.bracketed_keywords(li, toks, facts, pieces));
                }
            }
            let found = match list {
                Some(f) => Some(f),
                None if open_end && self.kinds[li] == LineKind::Prose => self
                    .hashtag_tail(toks)
                    .or_else(|| self.search_tail(li, toks, facts)),
                None => None,
            };
            let found = match found {
                None if open_end && commas == 0 => self.keyword_heading(li, toks, facts, pieces),
                None if !open_end && self.kinds[li] == LineKind::Prose => self
                    .sentence_tail(li, toks, facts, pieces)
                    .or_else(|| self.search_object_tail(toks, facts)),
                found => found,
            };
            out.extend(found);
        }
        self.lowered_search_strings(facts, &mut out);
        out
    }

    /// Whether line `li` ends its paragraph once the lines the junk rules drop are gone
    /// (they have no tokens, see `analyse`): a second run over the clean text reads the
    /// paragraph that way.
    fn ends_kept_paragraph(&self, li: usize) -> bool {
        let lines = self.doc.lines();
        let par = lines[li].paragraph;
        (li + 1..lines.len())
            .take_while(|&j| lines[j].paragraph == par)
            .all(|j| self.tk.lines[j].is_empty())
    }

    /// Whether line `li` starts a sentence (see [`crate::edit::starts_sentence`]).
    fn starts_sentence(&self, li: usize) -> bool {
        crate::edit::starts_sentence(&self.text[..self.doc.lines()[li].range.start])
    }

    /// The end of `toks` without the sentence stops that close it.
    fn before_stops(&self, toks: &[Tok]) -> usize {
        let mut end = toks.len();
        while end > 0
            && toks[end - 1].kind == Kind::Punct
            && matches!(self.char_of(&toks[end - 1]), '.' | '!' | '?')
        {
            end -= 1;
        }
        end
    }

    fn char_of(&self, t: &Tok) -> char {
        match self.text.as_bytes()[t.start()] {
            b if b.is_ascii() => char::from(b),
            _ => self.text[t.start()..].chars().next().unwrap_or(' '),
        }
    }

    /// Whether `w` (lower case) is a word of the title, allowing a plural `s` either way.
    pub(super) fn title_hit(&self, facts: &Facts<'_, '_>, w: &str) -> bool {
        title_hit_in(self.title_terms(facts), w)
    }

    /// The distinct words of `words` (content words) that are the title's, in order.
    fn title_hits<'w>(
        &self,
        facts: &Facts<'_, '_>,
        words: impl IntoIterator<Item = &'w Word>,
    ) -> Vec<String> {
        let mut hits: Vec<String> = Vec::new();
        for w in words.into_iter().filter(|w| w.content) {
            if self.title_hit(facts, &w.lower) && !hits.contains(&w.lower) {
                hits.push(w.lower.clone());
            }
        }
        hits
    }

    /// A list of three or more comma-separated keyword phrases ending line `li`.
    ///
    /// `at` tells where else the list may stand (see [`ListAt`]).
    fn keyword_list(
        &self,
        li: usize,
        toks: &[Tok],
        facts: &Facts<'_, '_>,
        pieces: &[&[Piece]],
        at: ListAt,
    ) -> Option<Finding> {
        let line = self.doc.line_text(li);
        let line_start = self.doc.lines()[li].range.start;
        let colon = match at {
            ListAt::Label(c) => Some(c),
            _ => None,
        };
        if let Some(c) = colon {
            let rest = toks[c + 1..]
                .iter()
                .filter(|t| t.kind == Kind::Word)
                .count();
            if rest < 6 || !toks.get(c + 1)?.space_before || !self.starts_sentence(li) {
                return None;
            }
        }
        // back from the line's end (its stops aside), or from the colon, to where the
        // sentence starts, over words of no clause and the marks a list holds; anything else
        // rules the line out before a word is lower-cased
        let end = match at {
            ListAt::End => self.before_stops(toks),
            ListAt::Label(c) => c,
            ListAt::Brackets(_, close) => close,
        };
        let mut from = end;
        while from > 0 {
            let t = &toks[from - 1];
            let goes_on = match t.kind {
                Kind::Word => !is_clause_word(&self.text[t.start()..t.end()]),
                // prices and shares are in search queries too (`earbuds under $50`)
                Kind::Punct => matches!(
                    self.char_of(t),
                    ',' | '&' | '/' | '+' | '$' | '€' | '£' | '%'
                ),
            };
            if !goes_on {
                break;
            }
            from -= 1;
        }
        // at the line's start, or after a sentence's stop: a list inside a sentence is the
        // sentence's own
        if let ListAt::Brackets(open, _) = at {
            if from != open + 1 {
                return None;
            }
        } else if from == end
            || (colon.is_some() && from > 0)
            || (from > 0
                && !(matches!(self.char_of(&toks[from - 1]), '.' | '!' | '?')
                    && toks[from].space_before
                    && !toks[from].has(LOWER)))
        {
            return None;
        }
        let body = &toks[from..end];
        let sent_end = toks[toks.len() - 1].end() - line_start;
        let mut items: Vec<Vec<Word>> = vec![Vec::new()];
        for t in body {
            match t.kind {
                Kind::Word => items
                    .last_mut()?
                    .push(Word::new(&self.text[t.start()..t.end()])),
                Kind::Punct => {
                    if self.char_of(t) == ',' {
                        items.push(Vec::new());
                    }
                }
            }
        }
        let n = items.len();
        if n < 3
            || items.iter().any(|it| {
                it.is_empty()
                    || it.len() > MAX_ITEM_WORDS
                    || !it.iter().any(|w| w.content && !is_preposition(&w.lower))
            })
        {
            return None;
        }
        let mut hits: Vec<String> = Vec::new();
        let mut items_with_hit = 0;
        for it in &items {
            let mut hit = false;
            for w in it.iter().filter(|w| w.content) {
                if self.title_hit(facts, &w.lower) {
                    hit = true;
                    if !hits.contains(&w.lower) {
                        hits.push(w.lower.clone());
                    }
                }
            }
            items_with_hit += usize::from(hit);
        }
        // the items of a search list vary one keyword: most of them hold the title's words,
        // and a word the title has recurs across them
        let recurs = recurs_across(&items, |w| hits.contains(&w.lower));
        // or two items or more are search queries, ending in a search word or a bare year
        // (`wildfire news 2026, Kalamata fire update, ...`)
        let queries = items
            .iter()
            .filter(|it| {
                it.last().is_some_and(|w| {
                    ASIDE_SUFFIXES.contains(&w.lower.as_str()) || is_year(&w.lower)
                })
            })
            .count();
        // Search queries of one topic need fewer of the title's words: two or more of them
        // end in a search word or a bare year, one holds the title's words, and a content
        // word recurs across items (`heat pump grant 2026, heat pump cost Bristol, boiler
        // ban news`).
        let topical_queries = queries >= 2
            && items_with_hit >= 1
            && recurs_across(&items, |w| w.content && !is_year(&w.lower));
        // A list in brackets of phrases of the title's words, four of them or more, most
        // items phrases of two words or more (`(Harbour Town manager sacked, Dale Prentice,
        // FA Trophy 2026)`): the title cut into search terms. A writer's list in brackets
        // names things one word or one name an item (`(Apple, Google, Microsoft)`).
        let dense = matches!(at, ListAt::Brackets(..))
            && hits.len() >= 4
            && items
                .iter()
                .filter(|it| it.iter().filter(|w| w.content).count() >= 2)
                .count()
                >= 2;
        if !(items_with_hit * 3 >= n * 2 && (recurs || dense || queries >= 2)) && !topical_queries {
            return None;
        }
        // a head of two words or more shared by most items (`Nova Buds 3 ...`), four items
        // or more each with the title's words, or the same words in two orders (`Lakers
        // Celtics, Celtics Lakers`): a list no writer makes. A three-item list on one shared
        // word (`Lower taxes, lower prices, lower wages.`) can be a writer's, and is only
        // flagged.
        let head = |a: &[Word], b: &[Word]| {
            a.iter()
                .zip(b)
                .take_while(|(x, y)| x.lower == y.lower)
                .count()
        };
        let shared_head = items
            .iter()
            .map(|a| items.iter().filter(|b| head(a, b) >= 2).count())
            .max()
            .unwrap_or(0);
        let reordered = reordered_items(&items);
        let start = toks[from].start();
        let whole = match at {
            ListAt::End => start == line_start + line.len() - line.trim_start().len(),
            ListAt::Brackets(open, close) => open == 0 && close + 1 == toks.len(),
            ListAt::Label(_) => false,
        };
        if at == ListAt::End && !whole && !self.ends_kept_paragraph(li) {
            return None;
        }
        let range = match at {
            _ if whole => self.doc.lines()[li].range.clone(),
            ListAt::Label(c) => start..toks[c].end(),
            ListAt::Brackets(open, close) => self.bracket_range(toks, open, close),
            ListAt::End => start..line_start + sent_end,
        };
        // an item that glues two names the document shows apart is a keyword, not a
        // writer's phrase
        let glued = self.glued_pairs_in(pieces, range.clone());
        // a list in brackets goes without a word of the sentence around it
        let bracketed = matches!(at, ListAt::Brackets(..)) && (recurs || dense);
        // every item with the title's words and one a search query that ends in a search
        // noun (`Harlow Vale trams, Cressing Park tram link, Vale Metro news.`): a writer's
        // list may end in `today`, not in `news`
        let searched = items_with_hit == n
            && items.iter().any(|it| {
                it.last()
                    .is_some_and(|w| matches!(w.lower.as_str(), "news" | "update" | "updates"))
            });
        let sure = shared_head * 3 >= n * 2
            || (n >= 4 && items_with_hit == n)
            || searched
            || reordered
            || queries >= 2
            || !glued.is_empty()
            || bracketed;
        let with = if items_with_hit == n {
            format!("all {n}")
        } else {
            format!("{items_with_hit} of the {n}")
        };
        let mut msg = format!(
            "a list of {n} keyword phrases with no verb or determiner{}, {with} with the title's words {}",
            match at {
                ListAt::Label(_) => " before a colon, as a label of the sentence",
                ListAt::Brackets(..) => " in brackets",
                ListAt::End => "",
            },
            quote_list(&hits)
        );
        if bracketed && recurs {
            msg.push_str(", and one of the title's words stands in two of them or more");
        } else if bracketed {
            msg.push_str(", four of the title's words or more, in phrases of two words or more");
        }
        if reordered {
            msg.push_str(", and two of them hold the same words in another order");
        }
        if queries >= 2 {
            let _ = write!(
                msg,
                ", and {queries} of them end in a search word or a bare year"
            );
        } else if searched {
            msg.push_str(", and one of them ends in \"news\" or \"update\"");
        }
        if !glued.is_empty() {
            let _ = write!(
                msg,
                ", and it glues names as S001 finds them ({})",
                quote_list(&glued)
            );
        }
        if sure {
            let f = Finding::new(&KEYWORD_FRAGMENT, range, msg);
            Some(if whole {
                f.with_action(Action::DropLine)
            } else {
                f
            })
        } else {
            msg.push_str(
                ". Flagged, not removed: three phrases that share one word can be a writer's list",
            );
            Some(Finding::new(&KEYWORD_FRAGMENT, range, msg).with_action(Action::Flag))
        }
    }

    /// The keyword labels of line `li` ([`Self::keyword_label`]): at the line's start, and
    /// after a full stop where a later sentence opens with one (`... the minister said. Fuel
    /// price cut news: shares of ...`). `first` is the line's first colon token.
    fn keyword_labels<'s>(
        &'s self,
        li: usize,
        toks: &'s [Tok],
        first: usize,
        facts: &'s Facts<'_, '_>,
    ) -> impl Iterator<Item = Finding> + 's {
        let at_start = (first <= MAX_LABEL_WORDS)
            .then(|| self.keyword_label(li, toks, 0, first, facts, false))
            .flatten();
        let later = (first..toks.len())
            .filter(move |&c| toks[c].kind == Kind::Punct && self.char_of(&toks[c]) == ':')
            .filter_map(move |c| {
                // back over the label's words to the stop that ends the sentence before it
                let from = (c.saturating_sub(MAX_LABEL_WORDS)..c)
                    .rev()
                    .take_while(|&k| toks[k].kind == Kind::Word)
                    .last()?;
                let stop = toks.get(from.checked_sub(1)?)?;
                (stop.kind == Kind::Punct
                    && crate::edit::ends_sentence(&self.text[..stop.end()])
                    && toks[from].space_before
                    && !toks[from].has(LOWER))
                .then(|| self.keyword_label(li, toks, from, c, facts, false))
                .flatten()
            });
        at_start.into_iter().chain(later)
    }

    /// A keyword label opening a sentence of line `li` before a colon, the sentence going on
    /// in lower case after it (`NHS waiting times news: the number of ...`); the label is
    /// `toks[from..colon]`, `colon` the colon's token. `dek`: the line is a dek that ends
    /// in a teaser formula, which is evidence enough for a label of the title's words before
    /// a capital too.
    fn keyword_label(
        &self,
        li: usize,
        toks: &[Tok],
        from: usize,
        colon: usize,
        facts: &Facts<'_, '_>,
        dek: bool,
    ) -> Option<Finding> {
        let label = &toks[from..colon];
        let next = toks.get(colon + 1)?;
        let rest_words = toks[colon + 1..]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .count();
        if self.kinds[li] != LineKind::Prose
            || label.len() < 2
            || label.iter().any(|t| t.kind != Kind::Word)
            || next.kind != Kind::Word
            || !next.space_before
            || rest_words < 6
            // a dek opens the body, whatever ends the title above it
            || (from == 0 && !dek && !self.starts_sentence(li))
        {
            return None;
        }
        // a sentence in lower case after it shows the label is no part of it; before a
        // capital, only a label that is a search query shows it (`Gold price today 2026:`),
        // where a kicker (`World Cup 2026:`) holds no search word
        let query = !next.has(LOWER) && self.search_label(label);
        if !next.has(LOWER) && !query && !dek {
            return None;
        }
        let raw = || label.iter().map(|t| &self.text[t.start()..t.end()]);
        if raw().any(is_clause_word) {
            return None;
        }
        let words: Vec<Word> = raw().map(Word::new).collect();
        let content: Vec<&Word> = words.iter().filter(|w| w.content).collect();
        let hits = self.title_hits(facts, content.iter().copied());
        // the title's words make at least half the label: it names the article's topic,
        // not a section (`Analysis:`, `Fact check:`); a search query's words are the
        // search's, and one of the title's is enough; in a dek that ends in a teaser formula
        // two of the title's words are (`Karvenna Open chess 2025 results:`)
        if hits.is_empty()
            || (!query && hits.len() * 2 < content.len() && !(dek && hits.len() >= 2))
        {
            return None;
        }
        let range = label[0].start()..toks[colon].end();
        let why = if query {
            "the label is a search query, with a search word and a bare year"
        } else {
            "the sentence after it starts in lower case, so the label is no part of it"
        };
        let msg = format!(
            "a label of {} words before a colon with the title's words {} and no verb or determiner; {why}",
            words.len(),
            quote_list(&hits)
        );
        Some(Finding::new(&KEYWORD_FRAGMENT, range, msg))
    }

    /// The keyword label that opens line `li`, a dek that ends in a teaser formula
    /// ([`Self::keyword_label`] with a capital allowed after the colon).
    pub(super) fn dek_label(&self, li: usize, facts: &Facts<'_, '_>) -> Option<Finding> {
        let toks = &self.tk.toks[self.tk.lines[li].clone()];
        let colon = (self.tk.counts[li].colon as usize).checked_sub(1)?;
        self.keyword_label(li, toks, 0, colon, facts, true)
    }

    /// A dek that is only a list of keyword phrases before its teaser formula (`Cold Spring
    /// Fire evacuation, Millbrook wildfire, Alder County evacuation orders, fire map and
    /// containment updates: Here's everything we know.`): everything before the formula is
    /// three comma-separated items or more, of at most five words each, with no clause word
    /// (no verb form of the closed class, determiner or pronoun), ended by a colon, two items
    /// holding the title's words. A reporter's dek says something:
    /// it has a clause word.
    pub(super) fn listed_dek(
        &self,
        li: usize,
        before_formula: usize,
        facts: &Facts<'_, '_>,
    ) -> Option<Finding> {
        let toks = &self.tk.toks[self.tk.lines[li].clone()];
        let start = self.doc.lines()[li].range.start;
        let end = toks
            .iter()
            .position(|t| t.start() >= start + before_formula)?;
        let (last, items) = toks[..end].split_last()?;
        if last.kind != Kind::Punct || self.char_of(last) != ':' {
            return None;
        }
        let mut lists: Vec<Vec<Word>> = vec![Vec::new()];
        for t in items {
            match t.kind {
                Kind::Word => {
                    let raw = &self.text[t.start()..t.end()];
                    if is_clause_word(raw) {
                        return None;
                    }
                    lists.last_mut()?.push(Word::new(raw));
                }
                Kind::Punct if self.char_of(t) == ',' => lists.push(Vec::new()),
                _ => return None,
            }
        }
        if lists.len() < 3 || lists.iter().any(|it| it.is_empty() || it.len() > 5) {
            return None;
        }
        let with_title = lists
            .iter()
            .filter(|it| !self.title_hits(facts, it.iter()).is_empty())
            .count();
        if with_title < 2 {
            return None;
        }
        let msg = format!(
            "the first paragraph after the title is a list of {} keyword phrases with no verb, determiner or pronoun, {with_title} of them with the title's words, and then a teaser formula",
            lists.len()
        );
        Some(Finding::new(
            &KEYWORD_TEASER,
            self.doc.lines()[li].range.clone(),
            msg,
        ))
    }

    /// Whether the words of a label read as a search query: a [`Self::query_words`] query
    /// ending in a search word or a year, with both a search word and a bare year among its
    /// words (`Gold price today 2026`).
    fn search_label(&self, label: &[Tok]) -> bool {
        let has = |f: &dyn Fn(&Tok, &str) -> bool| {
            label.iter().any(|t| f(t, &self.text[t.start()..t.end()]))
        };
        self.query_words(label, ASIDE_SUFFIXES, true).is_some()
            && has(&|_, w| ASIDE_SUFFIXES.iter().any(|s| w.eq_ignore_ascii_case(s)))
            && has(&|t, w| w.len() == 4 && w.starts_with("20") && t.has(DIGIT))
    }

    /// Keywords appended to a line's last sentence after a dash (`..., officials said —
    /// Lisbon Madrid high speed rail news.`), a semicolon or a comma (`...; Apple Samsung
    /// rivalry.`): two to eight words with no clause word, that hold a stuffed piece (or,
    /// after a dash, are mostly the title's words). The mark and the keywords go; the stop
    /// stays.
    fn appended_tail(
        &self,
        toks: &[Tok],
        facts: &Facts<'_, '_>,
        pieces: &[&[Piece]],
    ) -> Option<Finding> {
        let end = self.before_stops(toks);
        // back over the words to the mark before them
        let mut k = end;
        while k > 0 && toks[k - 1].kind == Kind::Word {
            k -= 1;
        }
        let mark = toks.get(k.checked_sub(1)?)?;
        let words = &toks[k..end];
        // a spaced dash, or a semicolon or comma set against the word before it
        let kind = match self.char_of(mark) {
            '—' | '–' | '-' if mark.space_before => Mark::Dash,
            ';' if !mark.space_before => Mark::Semicolon,
            ',' if !mark.space_before => Mark::Comma,
            _ => return None,
        };
        if mark.kind != Kind::Punct
            || !words.first()?.space_before
            || !(2..=MAX_TAIL_WORDS).contains(&words.len())
            // a sentence before it
            || toks[..k - 1].iter().filter(|t| t.kind == Kind::Word).count() < 4
        {
            return None;
        }
        let raw = || words.iter().map(|t| &self.text[t.start()..t.end()]);
        if raw().any(is_clause_word) {
            return None;
        }
        let (lo, hi) = (words[0].start(), words[words.len() - 1].end());
        let inside: Vec<Range<usize>> = pieces
            .iter()
            .flat_map(|ps| ps.iter())
            .map(|p| self.tk.toks[p.toks.start].start()..self.tk.toks[p.toks.end - 1].end())
            .filter(|r| lo <= r.start && r.end <= hi)
            .collect();
        if kind != Mark::Dash {
            // after a comma or a semicolon the words may be the sentence's own (`, glacier
            // melt 2026 data show`): only the stuffed phrases themselves may close it
            let last = inside.iter().map(|r| r.end).max()?;
            let after: Vec<&Tok> = words.iter().filter(|t| t.start() >= last).collect();
            if !self.phrases_close(&after, kind == Mark::Semicolon) {
                return None;
            }
        }
        let stuffed: Vec<&str> = inside.iter().map(|r| &self.text[r.clone()]).collect();
        let ws: Vec<Word> = raw().map(Word::new).collect();
        let content = ws.iter().filter(|w| w.content).count();
        let hits = self.title_hits(facts, &ws);
        let msg = if !stuffed.is_empty() {
            let shown: Vec<String> = stuffed.iter().map(|s| s.to_string()).collect();
            format!(
                "keywords appended after {}, with the stuffed phrases {} and no verb or determiner",
                kind.name(),
                quote_list(&shown)
            )
        } else if kind == Mark::Dash && hits.len() >= 2 && hits.len() * 2 >= content {
            // a dash sets words apart; after a comma or a semicolon the title's words alone
            // may be the sentence's own list
            format!(
                "keywords appended after a dash, mostly the title's words {}, with no verb or determiner",
                quote_list(&hits)
            )
        } else {
            return None;
        };
        Some(Finding::new(&KEYWORD_FRAGMENT, mark.start()..hi, msg))
    }

    /// Hashtags that end a line after its last full stop (`... further rises
    /// were possible. #ValdoriaRates #economy`): a writer ends a sentence with its stop, and
    /// a tag set after it is for a feed or a search index. Hashtags inside a quotation (a
    /// quoted post) end in the quotation mark, and hashtags inside a sentence (`the
    /// #MeToo movement`) have words or a stop after them: neither is a tail.
    fn hashtag_tail(&self, toks: &[Tok]) -> Option<Finding> {
        let mut k = toks.len();
        let mut tags = 0;
        while k >= 2
            && toks[k - 1].kind == Kind::Word
            && !toks[k - 1].space_before
            && self.char_of(&toks[k - 2]) == '#'
            && toks[k - 2].space_before
        {
            k -= 2;
            tags += 1;
        }
        // the tags end the line: that they end the paragraph is not asked, since a line
        // below that another rule drops (a repeated paragraph) would hide it
        if tags == 0 || k == 0 {
            return None;
        }
        // the stop may close a quotation (`... he said." #Valdoria`)
        let mut stop = k - 1;
        if matches!(
            self.char_of(&toks[stop]),
            '"' | '\u{201d}' | '\'' | '\u{2019}'
        ) && stop > 0
        {
            stop -= 1;
        }
        if !matches!(self.char_of(&toks[stop]), '.' | '!' | '?') {
            return None;
        }
        let range = toks[k].start()..toks[toks.len() - 1].end();
        Some(if tags == 1 {
            // one tag may be the post's own sign-off, quoted without its quotation marks
            Finding::new(
                &KEYWORD_FRAGMENT,
                range,
                "a hashtag after the line's last full stop. Flagged, not removed: one tag \
                 alone may be the source's own",
            )
            .with_action(Action::Flag)
        } else {
            Finding::new(
                &KEYWORD_FRAGMENT,
                range,
                format!("{tags} hashtags after the line's last full stop"),
            )
        })
    }

    /// A lower-case search string after the last full stop of line `li` (which has no stop
    /// of its own), or a line that is only one.
    fn search_tail(&self, li: usize, toks: &[Tok], facts: &Facts<'_, '_>) -> Option<Finding> {
        // back from the end over words and commas, to the stop before them
        let mut k = toks.len();
        while k > 0 && (toks[k - 1].kind == Kind::Word || self.char_of(&toks[k - 1]) == ',') {
            k -= 1;
        }
        let tail = &toks[k..];
        let first = tail.first()?;
        // every word in lower case (or a number): a capital marks a name or a heading; after
        // a stop on the same line, a string that starts with a capital is a sentence with
        // its stop lost, unless it ends in two search words ("... continues. Jenna Marlowe
        // court latest news today"), checked below
        let capitalised = k > 0 && first.kind == Kind::Word && first.has(CAP);
        if first.kind != Kind::Word
            || !(first.has(LOWER) || capitalised)
            || (!capitalised
                && tail
                    .iter()
                    .any(|t| t.kind == Kind::Word && !t.has(LOWER) && !t.has(DIGIT)))
        {
            return None;
        }
        if capitalised
            && (tail.len() < 3
                || !tail.iter().all(|t| t.kind == Kind::Word)
                || !tail[tail.len() - 2..]
                    .iter()
                    .all(|t| self.is_search_word(t)))
        {
            return None;
        }
        if !self.ends_kept_paragraph(li) {
            return None;
        }
        if k == 0 && !self.starts_sentence(li) {
            return None;
        }
        if k > 0 {
            // after a sentence's stop, and not after an abbreviation (`U.S. economy`); the
            // stop may close a quotation (`... about it." cheap flights news`)
            let quoted = k >= 3
                && matches!(
                    self.char_of(&toks[k - 1]),
                    '"' | '\u{201d}' | '\'' | '\u{2019}'
                )
                && toks[k - 2].end() == toks[k - 1].start();
            let k = if quoted { k - 1 } else { k };
            let stop = &toks[k - 1];
            if !matches!(self.char_of(stop), '.' | '!' | '?') || !first.space_before || k < 2 {
                return None;
            }
            let before = &toks[k - 2];
            let w = &self.text[before.start()..before.end()];
            if before.kind != Kind::Word
                || before.end() != stop.start()
                || w.chars().count() < 2
                || w.contains('.')
            {
                return None;
            }
        }
        let raw = || {
            tail.iter()
                .filter(|t| t.kind == Kind::Word)
                .map(|t| &self.text[t.start()..t.end()])
        };
        if !(2..=MAX_TAIL_WORDS).contains(&raw().count()) || raw().any(is_clause_word) {
            return None;
        }
        let words: Vec<Word> = raw().map(Word::new).collect();
        let hits = self.title_hits(facts, &words);
        if hits.is_empty() || (capitalised && hits.len() < 2) {
            return None;
        }
        let mut msg = String::with_capacity(160);
        let _ = write!(
            msg,
            "{}: {} words {} with no verb, determiner or stop, with the title's words {}",
            if k > 0 {
                "a search string after the paragraph's last full stop"
            } else {
                "a line that is only a search string"
            },
            words.len(),
            if capitalised {
                "ending in two search words"
            } else {
                "in lower case"
            },
            quote_list(&hits)
        );
        let f = if k > 0 {
            Finding::new(
                &KEYWORD_FRAGMENT,
                first.start()..tail[tail.len() - 1].end(),
                msg,
            )
        } else {
            Finding::new(&KEYWORD_FRAGMENT, self.doc.lines()[li].range.clone(), msg)
                .with_action(Action::DropLine)
        };
        Some(f)
    }
}

/// Where a keyword list stands besides the end of a line ([`Analyser::keyword_list`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum ListAt {
    /// It ends its line's last sentence, or is the whole line.
    End,
    /// It is a label before the colon at this token, at the line's start, the sentence
    /// going on after it (`Ranipur doctors strike, Ranipur hospital news, doctors protest
    /// update: Outpatient services ...`): the label and the colon go.
    Label(usize),
    /// It fills the brackets at these tokens inside a sentence (`the claimants (Zipply court
    /// case, Zipply drivers, gig economy lawsuit) and ...`): the brackets go.
    Brackets(usize, usize),
}

/// Last words of a search query rather than of a heading: what the keyword is wanted for.
const SEARCH_SUFFIXES: &[&str] = &["news", "latest", "update", "updates", "today"];

/// Last words of a search query standing inside a sentence (`(gold price today live)`).
/// The mark before keywords appended to a sentence ([`Analyser::appended_tail`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Dash,
    Semicolon,
    Comma,
}

impl Mark {
    fn name(self) -> &'static str {
        match self {
            Mark::Dash => "a dash",
            Mark::Semicolon => "a semicolon",
            Mark::Comma => "a comma",
        }
    }
}

pub(super) const ASIDE_SUFFIXES: &[&str] =
    &["news", "latest", "update", "updates", "today", "live"];

impl Analyser<'_, '_> {
    /// The words of a search query: three to eight words with no clause word, ending in one
    /// of `suffixes` (or, when `year_ends` is set, a year). Returns them lower-cased, with the
    /// number of content words.
    fn query_words(
        &self,
        words: &[Tok],
        suffixes: &[&str],
        year_ends: bool,
    ) -> Option<(Vec<Word>, usize)> {
        if !(3..=MAX_TAIL_WORDS).contains(&words.len())
            || words.iter().any(|t| t.kind != Kind::Word)
        {
            return None;
        }
        // the last word first: most tails of prose end in anything but a search word
        let end = &words[words.len() - 1];
        let last = &self.text[end.start()..end.end()];
        let year = year_ends && last.len() == 4 && last.starts_with("20") && end.has(DIGIT);
        if !year && !suffixes.iter().any(|s| last.eq_ignore_ascii_case(s)) {
            return None;
        }
        let raw = || words.iter().map(|t| &self.text[t.start()..t.end()]);
        if raw().any(is_clause_word) {
            return None;
        }
        let ws: Vec<Word> = raw().map(Word::new).collect();
        let content = ws.iter().filter(|w| w.content).count();
        Some((ws, content))
    }

    /// Whether `words` read as a search query set into a sentence: a [`Self::query_words`]
    /// query in lower case (the title's names aside) ending in a search word (or, when
    /// `year_ends` is set, a year), at least two of its words and half of its content words
    /// other than search words the title's (or, after two search words, the text's own
    /// recurring words). Returns those words in it, the title's first, as evidence for a
    /// message.
    fn search_aside(
        &self,
        words: &[Tok],
        facts: &Facts<'_, '_>,
        year_ends: bool,
    ) -> Option<String> {
        let (ws, content) = self.query_words(words, ASIDE_SUFFIXES, year_ends)?;
        let searches = |w: &Word| ASIDE_SUFFIXES.contains(&w.lower.as_str());
        let search_end = ws.last().is_some_and(searches);
        // Two search words at the end (`news today`, `live updates`) are a query's and no
        // writer's: then the text's own recurring words count as the title's would (`NHS
        // waiting times news today` in a report that names the NHS throughout).
        let searched_twice = search_end && ws.len() >= 2 && searches(&ws[ws.len() - 2]);
        let elsewhere = |w: &Word| searched_twice && self.recurs_outside(&w.lower, words);
        let topical = |w: &Word| self.title_hit(facts, &w.lower) || elsewhere(w);
        // in lower case but for the title's own names before a search word (`Chennai rain
        // news today`): a name the title lacks may be the writer's aside (`London gold price
        // today`), and names before a year are the glued phrases' to judge (S001, S002)
        let named = |(t, w): (&Tok, &Word)| t.has(CAP) && !(search_end && topical(w));
        if words.iter().zip(&ws).any(named) {
            return None;
        }
        let hits = self.title_hits(facts, &ws);
        let mut recurring = Vec::new();
        for w in ws.iter().filter(|w| w.content && !searches(w)) {
            if !hits.contains(&w.lower) && !recurring.contains(&w.lower) && elsewhere(w) {
                recurring.push(w.lower.clone());
            }
        }
        // the search words themselves (`news today live updates`) are no topic of the query
        let searched = ws
            .iter()
            .filter(|w| searches(w) && !hits.contains(&w.lower))
            .count();
        let n = hits.len() + recurring.len();
        (n >= 2 && n * 2 >= content - searched).then(|| {
            let mut said = String::new();
            for (words, whose) in [(&hits, "the title's"), (&recurring, "the text's recurring")] {
                if words.is_empty() {
                    continue;
                }
                if !said.is_empty() {
                    said.push_str(" and ");
                }
                let plural = if words.len() > 1 { "s" } else { "" };
                let _ = write!(said, "{whose} word{plural} {}", quote_list(words));
            }
            said
        })
    }

    /// Whether the word `lower` (lower case) stands twice or more in the text outside
    /// `words`: a word the text keeps coming back to is its topic.
    pub(super) fn recurs_outside(&self, lower: &str, words: &[Tok]) -> bool {
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return false;
        };
        let inside = first.start()..last.end();
        self.tk
            .toks
            .iter()
            .filter(|t| {
                t.kind == Kind::Word
                    && !inside.contains(&t.start())
                    && self.text[t.start()..t.end()].eq_ignore_ascii_case(lower)
            })
            .nth(1)
            .is_some()
    }

    /// The words before the closing stops of a line, back to the token before them and no
    /// further than a query's length: their start and end in `toks`; `None` when the line
    /// does not end in a stop.
    fn closing_words(&self, toks: &[Tok]) -> Option<(usize, usize)> {
        let end = self.before_stops(toks);
        if end == toks.len() || end == 0 {
            return None;
        }
        let mut k = end;
        while k > 0 && end - k <= MAX_TAIL_WORDS && toks[k - 1].kind == Kind::Word {
            k -= 1;
        }
        (k > 0).then_some((k, end))
    }

    /// A search query appended after the last comma of a line's last sentence (`..., for
    /// best gold price today.`): the comma and the words go, the stop stays.
    fn comma_tail(&self, toks: &[Tok], facts: &Facts<'_, '_>) -> Option<Finding> {
        let (k, end) = self.closing_words(toks)?;
        let comma = &toks[k - 1];
        if comma.kind != Kind::Punct
            || self.char_of(comma) != ','
            || toks[..k - 1]
                .iter()
                .filter(|t| t.kind == Kind::Word)
                .nth(3)
                .is_none()
        {
            return None;
        }
        let hits = self.search_aside(&toks[k..end], facts, false)?;
        let msg = format!(
            "a search query appended after a comma, ending in \"{}\", with {hits} and no verb or determiner",
            &self.text[toks[end - 1].start()..toks[end - 1].end()],
        );
        Some(Finding::new(
            &KEYWORD_FRAGMENT,
            comma.start()..toks[end - 1].end(),
            msg,
        ))
    }

    /// [`Self::comma_tail`] for every sentence of a line but its last (which the line's own
    /// check covers): a paragraph written as one line holds several sentences, and a query
    /// appended to the first of them (`... by the middle of the century, climate change Alps
    /// glaciers news. Larger ones ...`) is no less a query.
    fn inner_comma_tails(
        &self,
        toks: &[Tok],
        line_start: usize,
        commas: &[usize],
        facts: &Facts<'_, '_>,
    ) -> Vec<Finding> {
        let last = self.before_stops(toks);
        commas
            .iter()
            .filter_map(|&c| {
                // the words after the comma, up to the first mark: a stop that ends a
                // sentence before another one, after a search word
                let c = c - line_start;
                let words = toks[c + 1..]
                    .iter()
                    .take(MAX_TAIL_WORDS + 1)
                    .take_while(|t| t.kind == Kind::Word)
                    .count();
                let stop = c + 1 + words;
                let t = toks.get(stop)?;
                (stop < last
                    && words <= MAX_TAIL_WORDS
                    && matches!(self.char_of(t), '.' | '!' | '?')
                    && toks
                        .get(stop + 1)
                        .is_some_and(|n| n.space_before && !n.has(LOWER))
                    && self.is_search_word(&toks[stop - 1])
                    && crate::edit::ends_sentence(&self.text[..t.end()]))
                .then_some(stop)
            })
            // the words before the comma are counted from the line's start, as for its
            // last sentence
            .filter_map(|stop| self.comma_tail(&toks[..=stop], facts))
            .collect()
    }

    /// Whether `t` is one of the [`ASIDE_SUFFIXES`] that end a search query.
    fn is_search_word(&self, t: &Tok) -> bool {
        t.kind == Kind::Word
            && ASIDE_SUFFIXES
                .iter()
                .any(|s| self.text[t.start()..t.end()].eq_ignore_ascii_case(s))
    }

    /// A search query in brackets inside a sentence (`in London trading (gold price today
    /// live), its biggest ...`): the brackets, the words and the space before them go. Also
    /// a list of keywords in round or square brackets, inside a sentence or alone on its
    /// line (see [`Self::keyword_list`]).
    fn bracketed_keywords(
        &self,
        li: usize,
        toks: &[Tok],
        facts: &Facts<'_, '_>,
        pieces: &[&[Piece]],
    ) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, open) in toks.iter().enumerate() {
            if open.kind != Kind::Punct || !open.space_before && i > 0 {
                continue;
            }
            let closing = match self.char_of(open) {
                '(' => ')',
                '[' => ']',
                _ => continue,
            };
            let Some(len) = toks[i + 1..].iter().position(|t| t.kind != Kind::Word) else {
                continue;
            };
            if self.char_of(&toks[i + 1 + len]) == ',' {
                // a list of keywords in brackets: words, commas and ampersands (`Harrow & Pine`)
                // up to the closing one, inside a sentence or as the whole line
                let inner = toks[i + 1..]
                    .iter()
                    .position(|t| t.kind != Kind::Word && !matches!(self.char_of(t), ',' | '&'));
                if let Some(close) = inner.map(|k| i + 1 + k) {
                    let whole = i == 0 && close + 1 == toks.len();
                    if self.char_of(&toks[close]) == closing && (i > 0 || whole) {
                        let at = ListAt::Brackets(i, close);
                        out.extend(self.keyword_list(li, toks, facts, pieces, at));
                    }
                }
                continue;
            }
            let close = &toks[i + 1 + len];
            if self.char_of(close) != ')' || i == 0 {
                continue;
            }
            let Some(hits) = self.search_aside(&toks[i + 1..i + 1 + len], facts, true) else {
                continue;
            };
            let msg = format!("a search query in brackets, with {hits} and no verb or determiner");
            let range = self.bracket_range(toks, i, i + 1 + len);
            out.push(Finding::new(&KEYWORD_FRAGMENT, range, msg));
        }
        out
    }

    /// The bytes of the brackets `toks[open]` to `toks[close]` with one of the spaces
    /// around them, so that words neither join nor stand two spaces apart: the one after
    /// them when a word follows, else the one before (`open` is not the line's first token).
    fn bracket_range(&self, toks: &[Tok], open: usize, close: usize) -> Range<usize> {
        match toks.get(close + 1) {
            Some(next) if next.kind == Kind::Word && next.space_before => {
                toks[open].start()..next.start()
            }
            _ => toks[open - 1].end()..toks[close].end(),
        }
    }
}

impl Analyser<'_, '_> {
    /// A line of its own that is a capitalised keyword and a search word or a year
    /// (`Portmere ferry terminal plan news`): three to eight words with no clause word, at
    /// least half of its content words the title's. Removed when the keyword before the
    /// search word recurs elsewhere in the text (the same phrase stuffed into the prose);
    /// otherwise only flagged, as a real subheading may look the same.
    fn keyword_heading(
        &self,
        li: usize,
        toks: &[Tok],
        facts: &Facts<'_, '_>,
        pieces: &[&[Piece]],
    ) -> Option<Finding> {
        if toks.iter().any(|t| t.kind != Kind::Word) || !(3..=MAX_TAIL_WORDS).contains(&toks.len())
        {
            return None;
        }
        // a paragraph of one line, opening with a capital
        let lines = self.doc.lines();
        let alone = li
            .checked_sub(1)
            .is_none_or(|p| lines[p].paragraph != lines[li].paragraph);
        if !alone
            || !self.ends_kept_paragraph(li)
            || !self.starts_sentence(li)
            || toks[0].has(LOWER)
        {
            return None;
        }
        // a line in title case is a heading or a menu (`Home World News`), and a line that
        // repeats the title is J001's
        if !toks[1..].iter().any(|t| t.has(LOWER))
            || repeats_title(self.doc.title().unwrap_or(""), self.doc.line_text(li))
        {
            return None;
        }
        // a search word or a year at its end, no clause word
        let (words, content) = self.query_words(toks, SEARCH_SUFFIXES, true)?;
        let end = &toks[toks.len() - 1];
        let last = &self.text[end.start()..end.end()];
        let hits = self.title_hits(facts, &words);
        if hits.len() < 2 || hits.len() * 2 < content {
            return None;
        }
        // the keyword without its search word, elsewhere in the text
        let range = lines[li].range.clone();
        let keyword = &self.text[toks[0].start()..toks[toks.len() - 2].end()];
        let lower = self.text.to_lowercase();
        let key = keyword.to_lowercase();
        let elsewhere = lower.len() == self.text.len()
            && lower
                .match_indices(&key)
                .any(|(at, _)| at + key.len() <= range.start || range.end <= at);
        let mut msg = format!(
            "a line that is only a keyword and the search word \"{last}\", with the title's words {}",
            quote_list(&hits)
        );
        let glued = self.glued_pairs_in(pieces, range.clone());
        let f = Finding::new(&KEYWORD_FRAGMENT, range, String::new());
        let f = if elsewhere {
            let _ = write!(msg, "; \"{keyword}\" recurs in the text");
            f.with_action(Action::DropLine)
        } else if !glued.is_empty() {
            let _ = write!(msg, "; it holds the glued names {}", quote_list(&glued));
            f.with_action(Action::DropLine)
        } else {
            msg.push_str(
                "; kept: it may be a subheading, as the keyword does not recur in the text",
            );
            f.with_action(Action::Flag)
        };
        Some(Finding { message: msg, ..f })
    }

    /// The stuffed pairs of glued names (S001's pieces) inside `range`.
    fn glued_pairs_in(&self, pieces: &[&[Piece]], range: Range<usize>) -> Vec<String> {
        pieces
            .iter()
            .flat_map(|ps| ps.iter())
            .filter(|p| p.pair.is_some())
            .map(|p| self.tk.toks[p.toks.start].start()..self.tk.toks[p.toks.end - 1].end())
            .filter(|r| range.start <= r.start && r.end <= range.end)
            .map(|r| self.text[r].to_string())
            .collect()
    }

    /// A search query set as the object of a preposition at the end of a line's last
    /// sentence (`... remains under investigation for Cold Spring Fire news.`): `for`, `on`
    /// or `about` after a content word, then three to seven words with no function word that
    /// open with a capital and end in a search word in lower case (`news`, `updates`, ...),
    /// two of them the title's. A reporter's object has a determiner (`for the fire's
    /// news`) or names a source in capitals (`for Sky News`). The preposition and the query
    /// go; the stop stays.
    fn search_object_tail(&self, toks: &[Tok], facts: &Facts<'_, '_>) -> Option<Finding> {
        let end = self.before_stops(toks);
        if end == toks.len() {
            return None;
        }
        let last = toks.get(end.checked_sub(1)?)?;
        let word = |t: &Tok| &self.text[t.start()..t.end()];
        if last.kind != Kind::Word || !last.has(LOWER) || !ASIDE_SUFFIXES.contains(&word(last)) {
            return None;
        }
        // back over the query's words to the preposition
        let mut k = end - 1;
        while k > 0 && end - k <= 6 {
            let t = &toks[k - 1];
            if t.kind != Kind::Word || is_function_word(word(t)) {
                break;
            }
            k -= 1;
        }
        let prep = k.checked_sub(1)?;
        let query = &toks[k..end];
        if query.len() < 3
            || !matches!(word(&toks[prep]), "for" | "on" | "about")
            || !query[0].has(CAP)
            // a sentence before it, ending in a content word
            || prep < 4
            || toks[prep - 1].kind != Kind::Word
            || is_function_word(word(&toks[prep - 1]))
        {
            return None;
        }
        let ws: Vec<Word> = query.iter().map(|t| Word::new(word(t))).collect();
        let hits = self.title_hits(facts, &ws);
        if hits.len() < 2 {
            return None;
        }
        let msg = format!(
            "a search query of {} words ending in \"{}\", with the title's words {} and no determiner, set as the object of \"{}\" at the end of the sentence",
            query.len(),
            word(last),
            quote_list(&hits),
            word(&toks[prep])
        );
        Some(Finding::new(
            &KEYWORD_FRAGMENT,
            toks[prep].start()..last.end(),
            msg,
        ))
    }

    /// A keyword sentence closing a paragraph after a sentence of prose (`..., the report
    /// said. Samsung Apple foldable phone news.`): three to eight words with no clause word,
    /// ending in a search word, holding a pair of glued names and the title's words, the two
    /// together at least half of its words: the sentence goes, with the space before it.
    fn sentence_tail(
        &self,
        li: usize,
        toks: &[Tok],
        facts: &Facts<'_, '_>,
        pieces: &[&[Piece]],
    ) -> Option<Finding> {
        if !self.ends_kept_paragraph(li) {
            return None;
        }
        let (k, end) = self.closing_words(toks)?;
        // after a sentence's stop, itself after a word (not an abbreviation's dot)
        let stop = &toks[k - 1];
        if stop.kind != Kind::Punct
            || !matches!(self.char_of(stop), '.' | '!' | '?')
            || !toks.get(k)?.space_before
            || k < 2
            || toks[k - 2].kind != Kind::Word
            || self.text[toks[k - 2].start()..toks[k - 2].end()].contains('.')
        {
            return None;
        }
        let words = &toks[k..end];
        let (ws, content) = self.query_words(words, SEARCH_SUFFIXES, false)?;
        let range = stop.end()..toks[toks.len() - 1].end();
        let glued = self.glued_pairs_in(pieces, range.clone());
        if glued.is_empty() {
            return None;
        }
        let last = &self.text[words[words.len() - 1].start()..words[words.len() - 1].end()];
        let hits = self.title_hits(facts, &ws);
        // the glued names are keywords as much as the title's words are
        let named = glued
            .iter()
            .map(|g| g.split_whitespace().count())
            .sum::<usize>();
        if hits.is_empty() || (hits.len() + named) * 2 < content {
            return None;
        }
        let msg = format!(
            "a keyword sentence closing the paragraph: {} words ending in \"{last}\" with no verb or determiner, the glued names {} and the title's words {}",
            words.len(),
            quote_list(&glued),
            quote_list(&hits)
        );
        Some(Finding::new(&KEYWORD_FRAGMENT, range, msg))
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::Action;
    use crate::Engine;

    /// The clean body and the S006 findings (text, action) of `text`.
    fn run(text: &str) -> (String, Vec<(String, Action)>) {
        let c = Engine::default().clean(text);
        let found = c
            .findings
            .iter()
            .filter(|f| f.code == "S006")
            .map(|f| (text[f.range.clone()].to_string(), f.action))
            .collect();
        (c.body, found)
    }

    /// Asserts that nothing in the body of `text` (a title, a blank line, the body) is
    /// found or changed.
    fn assert_untouched(text: &str) {
        let (body, found) = run(text);
        assert!(found.is_empty(), "{text:?}: {found:?}");
        assert_eq!(
            body,
            text.split_once("\n\n").unwrap().1.trim_end(),
            "{text:?}"
        );
    }

    /// Asserts that S006 finds exactly `cut` in `text`, removes it, and leaves `body`.
    fn assert_cut(text: &str, cut: &str, body: &str) {
        let (got, found) = run(text);
        assert_eq!(found, [(cut.to_string(), Action::DropSpan)], "{text:?}");
        assert_eq!(got, body, "{text:?}");
    }

    #[test]
    fn a_search_string_after_the_last_stop_goes() {
        let (body, found) = run("Flooding closes rail line between two towns

The line between Ardley and Kemble will stay shut until Friday, the operator said. rail line flooding news today

Buses will replace trains in the meantime.
");
        assert_eq!(
            found,
            [(
                "rail line flooding news today".to_string(),
                Action::DropSpan
            )]
        );
        assert!(body.starts_with(
            "The line between Ardley and Kemble will stay shut until Friday, the operator said.\n\n"
        ));
        // after a quotation that ends in the stop
        for close in ["\"", "\u{201d}"] {
            let (body, found) = run(&format!(
                "Flooding closes rail line between two towns

The operator said: \"The line will stay shut until Friday.{close} rail line flooding news today

Buses will replace trains in the meantime.
"
            ));
            assert_eq!(
                found,
                [(
                    "rail line flooding news today".to_string(),
                    Action::DropSpan
                )]
            );
            assert!(body.starts_with(&format!(
                "The operator said: \"The line will stay shut until Friday.{close}\n\n"
            )));
        }
    }

    #[test]
    fn hashtags_after_the_last_stop_go() {
        let text = "Valdoria raises rates for the third time this year

The central bank raised its main rate by a quarter point on Tuesday. Further rises were possible, the governor said. #ValdoriaRates #economy

Analysts had expected the move after prices rose faster than forecast.
";
        assert_cut(
            text,
            "#ValdoriaRates #economy",
            "The central bank raised its main rate by a quarter point on Tuesday. Further rises \
             were possible, the governor said.\n\nAnalysts had expected the move after prices \
             rose faster than forecast.",
        );
        let closed = text
            .replace("said. #", "said.\u{201d} #")
            .replace(" Further", " \u{201c}Further");
        let (body, found) = run(&closed);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(body.contains("the governor said.\u{201d}\n\n"), "{body}");
    }

    #[test]
    fn hashtags_inside_a_sentence_or_a_quoted_post_stay() {
        assert_untouched(
            "Valdoria raises rates for the third time this year

Protesters gathered under the #ValdoriaRates banner outside the central bank on Tuesday.

\"Rates up again. #ValdoriaRates\" one user wrote on the platform after the decision.

The governor said further rises were possible, and used the tag #economy.
",
        );
    }

    #[test]
    fn a_line_that_is_only_a_search_string_goes() {
        let (body, found) = run("Flooding closes rail line between two towns

The line between Ardley and Kemble will stay shut until Friday.

flooding rail closure update

Buses will replace trains in the meantime.
");
        assert_eq!(
            found,
            [("flooding rail closure update".to_string(), Action::DropLine)]
        );
        assert!(!body.contains("closure update"));
    }

    #[test]
    fn a_list_of_keyword_variants_goes() {
        let (body, found) = run("Kestrel K2 review: a light camera with a bright screen

The Kestrel K2 is easy to recommend to travellers. Kestrel K2 price, Kestrel K2 specs, Kestrel K2 vs Falcon X.

Battery life was average in our tests.
");
        assert_eq!(
            found,
            [(
                "Kestrel K2 price, Kestrel K2 specs, Kestrel K2 vs Falcon X.".to_string(),
                Action::DropSpan
            )]
        );
        assert!(body.starts_with("The Kestrel K2 is easy to recommend to travellers.\n\n"));

        // four items or more, each with the title's words, need no shared head; a list that
        // is the whole line drops the line
        let (body, found) = run("Lisbon airport adds night flights

The airport will open its second terminal at night from May.

cheap flights Lisbon, Lisbon hotels, Lisbon weather, Lisbon travel guide

Airlines welcomed the decision.
");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, Action::DropLine);
        assert!(!body.contains("Lisbon hotels"));

        // two items that are search queries, ending in a search word or a year
        let (body, found) = run("Wildfire forces evacuation in southern Greece

Firefighters battled the blaze near Kalamata on Tuesday.
Greece wildfire news 2026, Kalamata fire update, Peloponnese evacuation.
The wind was expected to ease on Wednesday.
");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, Action::DropLine);
        assert!(!body.contains("Kalamata fire update"), "{body}");

        // the same two names in both orders are variants of one search, whatever the rest
        let (body, found) = run("Lakers beat Celtics in Los Angeles

The Lakers beat the Celtics 112-108 on Sunday night.

The sides meet again in May. Lakers Celtics, Celtics Lakers, basketball scores.
");
        assert_eq!(
            found,
            [(
                "Lakers Celtics, Celtics Lakers, basketball scores.".to_string(),
                Action::DropSpan
            )]
        );
        assert!(
            body.trim_end().ends_with("The sides meet again in May."),
            "{body}"
        );

        // a price in an item is part of a search query
        let (body, found) = run("Best budget earbuds: our pick after testing 20 pairs

We tested twenty pairs of earbuds that cost less than $50, and we used them for three weeks on the train and in the park.

Best budget earbuds 2026, cheap wireless earbuds under $50, best earbuds for running 2026.

Call quality was mixed, and only four of the pairs kept a voice clear in the street.
");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Action::DropLine);
        assert!(!body.contains("under $50,"), "{body}");

        // search queries of one topic: two end in a search word or a year, one holds the
        // title's words, and a word recurs across them
        let (body, found) = run("Council votes to ban gas boilers in new homes

Installers welcomed the rule, said Priya Shah, who runs a firm in Bath. Heat pump grant UK 2026, heat pump cost Bristol, gas boiler ban news.

The council will consult in the spring.
");
        assert_eq!(
            found,
            [(
                "Heat pump grant UK 2026, heat pump cost Bristol, gas boiler ban news.".to_string(),
                Action::DropSpan
            )]
        );
        assert!(body.contains("who runs a firm in Bath.\n\n"), "{body}");
    }

    #[test]
    fn a_keyword_label_before_a_sentence_goes_and_the_sentence_takes_its_capital() {
        assert_cut(
            "Rail fares to rise by five percent in March\n\nRail fare increase news: the regulator approved the rise on Tuesday after a review of costs.\n",
            "Rail fare increase news:",
            "The regulator approved the rise on Tuesday after a review of costs.",
        );
        // a label opening a later sentence of the paragraph, after a full stop
        assert_cut(
            "Rail fares to rise by five percent in March\n\nThe rise was expected. Rail fare increase news: the regulator approved it on Tuesday after a review of costs.\n",
            "Rail fare increase news:",
            "The rise was expected. The regulator approved it on Tuesday after a review of costs.",
        );
        for text in [
            // after an abbreviation's point, or inside a sentence: no sentence opens there
            "Rail fares to rise\n\nThe U.S. Rail fare news: the regulator approved the rise after a long review.\n",
            "Rail fares to rise\n\nThe regulator said that rail fare increases: the rise was approved after a long review.\n",
            // one word, or none of the title's words: a section label
            "Rail fares to rise\n\nAnalysis: the regulator approved the rise after a long review.\n",
            "Rail fares to rise\n\nFact check: the regulator approved the rise after a long review.\n",
            // a clause word: the start of a sentence
            "Rail fares to rise\n\nThe rail fares: the regulator approved the rise after a long review.\n",
            // a capital after the colon, or too little after it
            "Rail fares to rise\n\nRail fare news: Regulators approved the rise after a long review.\n",
            // a capital after a kicker with a year but no search word
            "Rail fares to rise\n\nRail fares 2026: Regulators approved the rise after a long review.\n",
            "Rail fares to rise\n\nRail fare news: the rise is approved.\n",
            // a line that goes on from the one before
            "Rail fares to rise\n\nThe regulator wrote that\nrail fare increases: the rise was approved after a long review.\n",
        ] {
            assert_untouched(text);
        }
    }

    #[test]
    fn a_search_query_label_goes_before_a_capital_too() {
        assert_cut(
            "Rail fares to rise by five percent in March\n\nRail fare increase today 2026: Regulators approved the rise on Tuesday after a review of costs.\n",
            "Rail fare increase today 2026:",
            "Regulators approved the rise on Tuesday after a review of costs.",
        );
    }

    #[test]
    fn stuffed_phrases_after_a_semicolon_or_a_comma_at_a_sentence_end_go() {
        let base = "Lisbon and Porto agree rail link\n\nLisbon and Porto signed the deal on Monday, and Lisbon said the talks went well.\n";
        assert_cut(
            &format!("{base}The two cities will share the cost of the line; Lisbon Porto rivalry.\n"),
            "; Lisbon Porto rivalry",
            "Lisbon and Porto signed the deal on Monday, and Lisbon said the talks went well.\nThe two cities will share the cost of the line.",
        );
        assert_cut(
            &format!("{base}The two cities will share the cost of the line, Porto Lisbon rail plan 2026.\n"),
            ", Porto Lisbon rail plan 2026",
            "Lisbon and Porto signed the deal on Monday, and Lisbon said the talks went well.\nThe two cities will share the cost of the line.",
        );
        // the sentence's own words after the stuffed phrase: only the phrase is judged
        for tail in [
            ", Lisbon Porto rail plan 2026 officials noted",
            ", Lisbon Porto rail plan 2026 data show",
            "; Lisbon Porto rail plan 2026 followed",
        ] {
            let (body, found) = run(&format!(
                "{base}The two cities will share the cost of the line{tail}.\n"
            ));
            assert!(found.is_empty(), "{tail}: {found:?}");
            assert!(body.contains("share the cost"), "{tail}");
        }
    }

    #[test]
    fn keywords_after_a_dash_at_a_sentence_end_go() {
        assert_cut(
            "Rail fares to rise by five percent in March\n\nThe regulator approved the rise on Tuesday after a review of costs — rail fares increase news.\n",
            "— rail fares increase news",
            "The regulator approved the rise on Tuesday after a review of costs.",
        );
        for text in [
            // an apposition: one of the title's words, or a clause word
            "Kofler wins the prize\n\nThe jury chose the local favourite on Sunday — Anna Kofler.\n",
            "Rail fares to rise\n\nThe rise will come in March after a long review — a decade late.\n",
            // a dash inside the sentence, or too little before it
            "Rail fares to rise\n\nThe rail fares rise — rail fares news — starts in March.\n",
            "Rail fares to rise\n\nFares — rail fares increase news.\n",
        ] {
            assert_untouched(text);
        }
    }

    #[test]
    fn a_writers_list_on_one_shared_word_is_only_flagged() {
        // one item ending in a search word is no search list
        let (body, found) = run("Lower taxes promised in new budget

The minister spoke for an hour. Lower taxes, lower prices, lower wages today.
");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, Action::Flag);
        assert!(body.contains("Lower taxes, lower prices, lower wages today."));

        let (body, found) = run("Lower taxes promised in new budget

The minister spoke for an hour. Lower taxes, lower prices, lower wages.
");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, Action::Flag);
        assert!(body.contains("Lower taxes, lower prices, lower wages."));
    }

    #[test]
    fn a_list_of_the_titles_words_ending_in_news_goes() {
        let (body, found) = run("Harlow Vale tram link to Cressing Park approved

The council approved the tram link on Monday. It will open in 2027. Harlow Vale trams, Cressing Park tram link, Vale Metro news.
");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Action::DropSpan);
        assert!(body.contains("It will open in 2027."), "{body}");
        assert!(!body.contains("Metro news"), "{body}");
    }

    #[test]
    fn a_list_of_keywords_as_a_sentence_label_goes_and_the_sentence_stays() {
        let title = "Ardley doctors extend strike at city hospital";
        let sentence = "Outpatient clinics stayed shut on Monday as the talks stalled over pay.";
        let (body, found) = run(&format!(
            "{title}\n\nArdley doctors strike, Ardley hospital news, doctors protest update: {sentence}\n\nThe union said it would meet again on Friday.\n"
        ));
        assert_eq!(
            found,
            [(
                "Ardley doctors strike, Ardley hospital news, doctors protest update:".to_string(),
                Action::DropSpan
            )]
        );
        assert!(body.starts_with(sentence), "{body}");
        // a writer's list before a colon, and one inside the sentence, stay
        for line in [
            "Pay, staffing and security: the three issues kept the talks going until late on Monday.",
            "The union listed pay, staffing, security and rotas: all four were on the table on Monday.",
        ] {
            assert_untouched(&format!("{title}\n\n{line}\n"));
        }
    }

    #[test]
    fn a_list_of_keywords_in_brackets_goes_with_its_brackets() {
        let title = "Court rules Zipply drivers are employees";
        let text = format!(
            "{title}\n\nThe union said it would seek back pay for the claimants (Zipply court case, Zipply drivers employees, gig economy lawsuit) and urge other drivers to come forward.\n"
        );
        let (body, found) = run(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Action::DropSpan);
        assert_eq!(
            body,
            "The union said it would seek back pay for the claimants and urge other drivers to come forward."
        );
        // a writer's list in brackets: no word of the title's in two items
        assert_untouched(&format!(
            "{title}\n\nThe union listed its demands (back pay, sick leave, holiday pay) and said it would meet again.\n"
        ));
    }

    #[test]
    fn a_list_that_glues_names_the_text_joins_goes_whole() {
        let text = "Ardley vs Kemble: Voss scores twice in the cup replay

Voss scored twice as Ardley beat Kemble 2-1 in the replay on Tuesday night, and the home fans stayed long after the whistle.

Kemble had won the first game, and their coach said that his side had not done enough in the second half.

Ardley vs Kemble replay, Ardley Kemble highlights, Voss two goals, extra time drama
";
        let (body, found) = run(text);
        let list =
            "Ardley vs Kemble replay, Ardley Kemble highlights, Voss two goals, extra time drama";
        assert!(
            found.contains(&(list.to_string(), Action::DropLine)),
            "{found:?}"
        );
        assert!(!body.contains("highlights"), "{body}");
        // without the glued names the same shape is a writer's list, and only flagged
        let (body, found) = run(&text.replace("Ardley Kemble highlights", "Ardley highlights"));
        assert!(found.iter().all(|f| f.1 == Action::Flag), "{found:?}");
        assert!(body.contains("Ardley highlights"), "{body}");
    }

    #[test]
    fn sentences_and_other_lists_stay() {
        for text in [
            // a clause word: the end of a sentence that lost its stop
            "Flooding closes rail line\n\nThe line is shut until Friday. the rail line will reopen soon\n",
            // none of the title's words
            "Flooding closes rail line\n\nThe line is shut until Friday. updated hourly\n",
            // a capital: a name or a heading
            "Flooding closes rail line\n\nThe line is shut until Friday. Rail Line Flooding\n",
            // after an abbreviation, not a full stop
            "Growth slows in the economy\n\nGrowth in the U.S. economy slowed\n",
            // a line broken inside a sentence goes on in the next line
            "Flooding closes rail line\n\nThe line is shut until Friday. flooding rail\nclosure news\n",
            "Flooding closes rail line\n\nBuses replace trains because of\nflooding rail closure\n",
            // a list with determiners, a list with a verb in it, two items only
            "Rail fares rise\n\nThey listed the fares, the rules, the rail timetables.\n",
            "Rail fares rise\n\nRail fares rose, rail fees fell, rail use stayed flat.\n",
            "Rail fares rise\n\nThe change was small. Rail fares, rail fees.\n",
            // items that share no title word
            "Rail fares rise\n\nThe shop sold bread, milk, eggs and butter.\n",
        ] {
            let (body, found) = run(text);
            let removed: Vec<_> = found.iter().filter(|(_, a)| a.removes()).collect();
            assert!(removed.is_empty(), "{text:?}: {found:?}");
            let input_body = text.split_once("\n\n").unwrap().1.trim_end();
            assert_eq!(body, input_body, "{text:?}");
        }
    }

    #[test]
    fn a_keyword_heading_with_a_search_word_goes_when_the_keyword_recurs() {
        let text = "Harbour authority approves second ferry terminal for Portmere

The Portmere ferry terminal plan will cost an estimated 48 million pounds, the authority said.

Portmere ferry terminal plan news

Construction is expected to begin next spring. The Portmere ferry terminal plan includes a walkway.
";
        let (body, found) = run(text);
        assert_eq!(
            found,
            [(
                "Portmere ferry terminal plan news".to_string(),
                Action::DropLine
            )]
        );
        assert!(!body.contains("plan news"), "{body}");
        // the keyword does not recur: a subheading may look the same, so it is only flagged
        let text = "Harbour authority approves second ferry terminal for Portmere

The authority said the new berth would cost an estimated 48 million pounds.

Portmere ferry terminal update

Construction is expected to begin next spring, with sailings from 2028.
";
        let (body, found) = run(text);
        assert_eq!(
            found,
            [("Portmere ferry terminal update".to_string(), Action::Flag)]
        );
        assert!(body.contains("Portmere ferry terminal update"), "{body}");
    }

    #[test]
    fn subheadings_and_menus_are_not_keyword_headings() {
        for line in [
            // no search word at the end
            "Portmere ferry terminal plan",
            // a clause word
            "What the ferry terminal means for Portmere today",
            // title case: a heading or a menu
            "Portmere Ferry Terminal News",
            // too few of the title's words
            "Weather and tides today",
            // two words
            "Portmere news",
        ] {
            assert_untouched(&format!(
                "Harbour authority approves second ferry terminal for Portmere\n\n\
                 The authority said the new berth would cost 48 million pounds.\n\n{line}\n\n\
                 Construction is expected to begin next spring.\n"
            ));
        }
    }

    #[test]
    fn a_search_query_after_a_comma_or_in_brackets_goes() {
        let title = "Gold price hits record as investors seek safety";
        assert_cut(
            &format!("{title}\n\nTraders said the moves reflected worries about the dollar, for best gold price today.\n"),
            ", for best gold price today",
            "Traders said the moves reflected worries about the dollar.",
        );
        assert_cut(
            &format!("{title}\n\nThe metal climbed 1.8% to a record in London trading (gold price today live), its biggest gain since the end of March.\n"),
            " (gold price today live)",
            "The metal climbed 1.8% to a record in London trading, its biggest gain since the end of March.",
        );
        assert_cut(
            &format!("{title}\n\nThe metal climbed to a record in London trading (gold price forecast 2026) on Tuesday, as the dollar fell.\n"),
            "(gold price forecast 2026) ",
            "The metal climbed to a record in London trading on Tuesday, as the dollar fell.",
        );
        // the title's names may stand in it, and its search words are no topic of their own
        assert_cut(
            "Gold price hits record in London as investors seek safety\n\nThe metal climbed to a record in trading (London gold price news today live updates), as the dollar fell.\n",
            " (London gold price news today live updates)",
            "The metal climbed to a record in trading, as the dollar fell.",
        );
    }

    #[test]
    fn a_search_query_after_a_comma_goes_from_any_sentence_of_a_paragraph() {
        assert_cut(
            "Glaciers shrink faster in the eastern Alps\n\nSmaller glaciers may vanish by the middle of the century, Alps glaciers melt news. Larger ones will last longer but keep shrinking.\n",
            ", Alps glaciers melt news",
            "Smaller glaciers may vanish by the middle of the century. Larger ones will last longer but keep shrinking.",
        );
        // an abbreviation's full stop ends no sentence: the query is the sentence's own
        // last words, and the line's own check takes them
        assert_cut(
            "Glaciers shrink faster in the eastern Alps\n\nThe survey was led by Prof. Anna Lieb of Graz, who measured the ice for a decade, eastern Alps glaciers news.\n",
            ", eastern Alps glaciers news",
            "The survey was led by Prof. Anna Lieb of Graz, who measured the ice for a decade.",
        );
    }

    #[test]
    fn after_two_search_words_the_text_s_own_topic_counts_as_the_title_s() {
        let title = "Hospital waiting lists fall for a third month";
        let setup = "The NHS said that extra clinics at the weekend had helped, and that it was on track. NHS England said it expects a busy winter for its staff.";
        assert_cut(
            &format!("{title}\n\n{setup}\n\nThe number waiting more than a year fell to 210,000, the lowest level since 2021, NHS waiting times news today.\n"),
            ", NHS waiting times news today",
            &format!("{setup}\n\nThe number waiting more than a year fell to 210,000, the lowest level since 2021."),
        );
        for tail in [
            // one search word: the name must be the title's
            "the lowest level since 2021, NHS waiting times news.",
            // a name the text has only here
            "the lowest level since 2021, Leeds waiting times news today.",
        ] {
            assert_untouched(&format!(
                "{title}\n\n{setup}\n\nThe number waiting more than a year fell to 210,000, {tail}\n"
            ));
        }
    }

    #[test]
    fn asides_in_the_article_s_own_words_stay() {
        let title = "Gold price hits record as investors seek safety";
        for body in [
            // a clause word: the writer's own aside
            "The metal climbed to a record in London trading (the price of gold today), as the dollar fell.",
            // no search word at the end
            "The metal climbed to a record in London trading (gold price per ounce), as the dollar fell.",
            // one title word only
            "The metal climbed to a record in London trading (spot market news), as the dollar fell.",
            // a year after a comma is the sentence's own date
            "The metal climbed to a record as the dollar fell, gold reserves up since 2025.",
            // a capitalised name in it
            "The metal climbed to a record in trading (London gold price today), as the dollar fell.",
            // the whole sentence is short: a fragment after a comma needs a sentence before
            "Gold rose, gold price today.",
        ] {
            assert_untouched(&format!("{title}\n\n{body}\n"));
        }
    }

    #[test]
    fn a_keyword_sentence_with_glued_names_closing_a_paragraph_goes() {
        let title = "Apple and Samsung trade blows in foldable phone market";
        let setup = "Samsung kept its lead in foldable phones, but Apple narrowed the gap, according to Canalys.";
        let (body, found) = run(&format!(
            "{title}\n\n{setup}\n\nBuyers in China favoured cheaper models, the report said. Samsung Apple foldable phone news.\n"
        ));
        assert!(
            found.contains(&(
                " Samsung Apple foldable phone news.".to_string(),
                Action::DropSpan
            )),
            "{found:?}"
        );
        assert!(body.ends_with("the report said."), "{body}");
        // a heading of glued names and the title's words goes too, though it does not recur
        let (body, found) = run(&format!(
            "{title}\n\n{setup}\n\nApple Samsung foldable phone market news\n\nApple is expected to launch a second model.\n"
        ));
        assert!(
            found.contains(&(
                "Apple Samsung foldable phone market news".to_string(),
                Action::DropLine
            )),
            "{found:?}"
        );
        assert!(!body.contains("market news"), "{body}");
        // without glued names, a short closing sentence is the writer's
        assert_untouched(&format!(
            "{title}\n\n{setup}\n\nBuyers in China favoured cheaper models, the report said. Foldable phone sales hit a record today.\n"
        ));
    }
}
