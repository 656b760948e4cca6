//! S001 for names of several words: `the Pakistan New Zealand series` where the document
//! writes `Pakistan vs New Zealand`.
//!
//! The pair evidence of [`Analyser::glued_pairs`] is word by word: it finds `Pakistan New`
//! glued, but the join `Pakistan vs New Zealand` does not join `Pakistan` and `New`, because
//! `New` goes on as `New Zealand`. Here a run of three or more glued names is split in two
//! sides of one to [`MAX_UNIT_WORDS`] words each, and a split is a pair of names when the
//! document joins exactly those two sides with a connective somewhere, each side whole (no
//! capitalised word glued on outside). The same counts as for one-word names decide then:
//! each side apart from the other at least once, and the join.

use std::ops::Range;

use super::{is_name_connective, norm, Analyser, LineKind, PairStats};
use crate::rules::seo::tokens::{Kind, CAP};

/// The most words one side of a glued pair of names may hold.
const MAX_UNIT_WORDS: usize = 3;

/// A glued pair of names with at least one side of several words, found in prose.
pub(super) struct GluedUnits<'t> {
    /// Each side's text: `(left, right)` as the first run shows them.
    pub(super) sides: (&'t str, &'t str),
    pub(super) stats: PairStats,
    /// The glued runs that are this pair, as token ranges.
    pub(super) at: Vec<Range<usize>>,
}

impl<'t> Analyser<'_, 't> {
    /// The glued pairs of names that have a side of several words, from the runs of names
    /// glued side by side in prose that `starts` begins (the token of each glued pair's first
    /// name, in order; three names or more make a run of two such pairs or more).
    pub(super) fn glued_units(&self, starts: &[usize]) -> Vec<GluedUnits<'t>> {
        let mut out: Vec<GluedUnits<'t>> = Vec::new();
        // most documents join no names at all: no run is then a pair
        let joins = self.joins();
        if joins.is_empty() {
            return out;
        }
        let mut k = 0;
        while k < starts.len() {
            let first = starts[k];
            let mut last = first;
            while k + 1 < starts.len() && starts[k + 1] == last + 1 {
                k += 1;
                last += 1;
            }
            k += 1;
            // the names `first..last + 2`: a run of three or more
            let run = first..last + 2;
            if run.len() >= 3 {
                self.units_in(run, &joins, &mut out);
            }
        }
        out
    }

    /// The first split of a window of `run` that the document joins, added to `out`.
    fn units_in(&self, run: Range<usize>, joins: &[usize], out: &mut Vec<GluedUnits<'t>>) {
        for len in (3..=run.len().min(2 * MAX_UNIT_WORDS)).rev() {
            for from in run.start..=run.end - len {
                let window = from..from + len;
                for split in window.start + 1..window.end {
                    let (l, r) = (window.start..split, split..window.end);
                    if l.len() > MAX_UNIT_WORDS || r.len() > MAX_UNIT_WORDS {
                        continue;
                    }
                    let sides = (self.tok_text(&l), self.tok_text(&r));
                    if let Some(u) = out.iter_mut().find(|u| u.sides == sides) {
                        u.at.push(window);
                        return;
                    }
                    if let Some(stats) = self.unit_stats(&l, &r, joins) {
                        out.push(GluedUnits {
                            sides,
                            stats,
                            at: vec![window],
                        });
                        return;
                    }
                }
            }
        }
    }

    fn tok_text(&self, r: &Range<usize>) -> &'t str {
        let toks = &self.tk.toks;
        norm(&self.text[toks[r.start].start()..toks[r.end - 1].end()])
    }

    /// Whether the words of `side` (a token range) stand at `at` (a token index), spaced on
    /// one line; the last may carry a possessive.
    fn side_at(&self, side: &Range<usize>, at: usize) -> bool {
        let toks = &self.tk.toks;
        let n = side.len();
        if at + n > toks.len() {
            return false;
        }
        // most words differ from the side's first in their first byte
        let bytes = self.text.as_bytes();
        if bytes[toks[at].start()] != bytes[toks[side.start].start()] {
            return false;
        }
        (0..n).all(|o| {
            let t = &toks[at + o];
            let same = if o + 1 == n {
                norm(self.word(at + o)) == norm(self.word(side.start + o))
            } else {
                self.word(at + o) == self.word(side.start + o)
            };
            t.kind == Kind::Word && same && t.line == toks[at].line && (o == 0 || t.space_before)
        })
    }

    /// The connectives that may join two names: "and", "or", "vs", "versus", and "&", "/"
    /// or "–" between spaces (the last two also between none), inside a line and between
    /// two capitalised words.
    fn joins(&self) -> Vec<usize> {
        let toks = &self.tk.toks;
        // the connectives are in `links`
        self.tk
            .links
            .iter()
            .copied()
            .filter(|&i| {
                if i == 0 || i + 1 >= toks.len() {
                    return false;
                }
                let t = &toks[i];
                // between two capitalised words: most "and"s join other words
                if !toks[i - 1].has(CAP) || !toks[i + 1].has(CAP) {
                    return false;
                }
                let spaced = t.space_before && toks[i + 1].space_before;
                match t.kind {
                    Kind::Word => spaced && is_name_connective(self.word(i)),
                    _ => match &self.text[t.start()..t.end()] {
                        "&" => spaced,
                        "/" | "–" => spaced || !(t.space_before || toks[i + 1].space_before),
                        _ => false,
                    },
                }
            })
            .collect()
    }

    /// The pair evidence for sides `l` and `r` (token ranges of one glued run), when the
    /// document joins them with one of the connectives at `joins` and each stands apart from
    /// the other.
    fn unit_stats(&self, l: &Range<usize>, r: &Range<usize>, joins: &[usize]) -> Option<PairStats> {
        let toks = &self.tk.toks;
        let title = self.doc.title_line().map(|t| t as u32);
        let mut st = PairStats::default();
        for &i in joins {
            let t = &toks[i];
            for (x, y) in [(l, r), (r, l)] {
                if i < x.len() {
                    continue;
                }
                let (a, b) = (i - x.len(), i + y.len());
                if self.side_at(x, a)
                    && self.side_at(y, i + 1)
                    && toks[a].line == t.line
                    && toks[i + 1].line == t.line
                    && self.unit_standalone(a, b)
                {
                    st.coord_count += 1;
                    st.coord.get_or_insert_with(|| {
                        let shown = self.text[toks[a].start()..toks[b].end()].to_string();
                        (shown, Some(t.line) == title)
                    });
                }
            }
        }
        if st.coord_count == 0 {
            return None;
        }
        // a side starts with a capitalised word, and those are in `links`
        for &i in &self.tk.links {
            if self.side_at(l, i) {
                st.total_a += 1;
                if self.glued(i + l.len(), r) {
                    st.glued_ab += 1;
                }
            }
            if self.side_at(r, i) {
                st.total_b += 1;
                if self.glued(i + r.len(), l) {
                    st.glued_ba += 1;
                }
            }
        }
        st.ordered_ab = st.glued_ab;
        st.ordered_ba = st.glued_ba;
        st.is_stuffing().then_some(st)
    }

    /// Whether `side` follows token `at - 1` with a space on its line.
    fn glued(&self, at: usize, side: &Range<usize>) -> bool {
        let toks = &self.tk.toks;
        at < toks.len()
            && toks[at].space_before
            && toks[at].line == toks[at - 1].line
            && self.side_at(side, at)
    }

    /// The tokens `a..=b` are a whole join: no capitalised word glued on at either end.
    fn unit_standalone(&self, a: usize, b: usize) -> bool {
        let toks = &self.tk.toks;
        let headline = self.kinds[toks[a].line as usize] == LineKind::Headline;
        let capital = |i: usize, j: usize| {
            // i and j are neighbours on a line: a capitalised word glued to the join
            let (o, edge) = if i < j { (i, j) } else { (j, i) };
            toks[o].line == toks[edge].line
                && toks[o].kind == Kind::Word
                && toks[edge].kind == Kind::Word
                && toks[edge].space_before
                && super::is_name(self.word(i))
                // in a headline every word is capitalised
                && !headline
        };
        (a == 0 || !capital(a - 1, a)) && (b + 1 >= toks.len() || !capital(b + 1, b))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{cleaned, findings};

    const SETUP: &str =
        "Khalid took five wickets as Pakistan bowled New Zealand out for 211 on Sunday. \
        He said that it was one of the best days of his life and that he was proud of the team.";

    #[test]
    fn a_glued_pair_with_a_name_of_two_words_goes_where_the_text_joins_them() {
        for join in [
            "Pakistan vs New Zealand: Khalid takes five",
            "New Zealand and Pakistan: Khalid takes five",
            "Pakistan / New Zealand: Khalid takes five",
        ] {
            let text = format!(
                "{join}\n\n{SETUP}\n\nHe came back to take two more, turning the Pakistan New Zealand series 2026 decider.\n"
            );
            let out = cleaned(&text);
            assert!(
                out.contains("He came back to take two more, turning the decider."),
                "{join}: {out}"
            );
        }
    }

    #[test]
    fn three_names_glued_are_a_pair_of_one_and_two_in_either_order() {
        let text = format!(
            "Pakistan vs New Zealand: Khalid takes five\n\n{SETUP}\n\nThe hosts won the New Zealand Pakistan series 2026 decider.\n"
        );
        assert!(
            cleaned(&text).contains("The hosts won the decider."),
            "{}",
            cleaned(&text)
        );
    }

    #[test]
    fn a_stuffed_subject_of_several_names_is_flagged() {
        let text = format!(
            "Pakistan vs New Zealand: Khalid takes five\n\n{SETUP}\n\nPakistan New Zealand series live score trended as the hosts added 67.\n"
        );
        let f = findings(&text);
        assert!(
            f.iter().any(|f| f.code == "S001" && !f.action.removes()),
            "{f:#?}"
        );
        assert_eq!(cleaned(&text), text);
    }

    #[test]
    fn names_of_several_words_are_kept_without_a_whole_join() {
        for text in [
            // no join at all
            format!("Khalid takes five as Pakistan win\n\n{SETUP}\n\nHe took two more, turning the Pakistan New Zealand series decider.\n"),
            // the join's side goes on as a longer name: it joins "New Zealand Cricket"
            format!("Khalid takes five as Pakistan win\n\n{SETUP}\n\nPakistan and New Zealand Cricket agreed the dates. The Pakistan New Zealand tour starts in May.\n"),
            // a join of other words
            "Leeds and Bradford Back Airport Plan\n\nThe council said that Leeds Bradford Airport may grow by a third. \
             It said that it was the best plan for the people of the region and that it would go ahead. \
             Leeds said yes and Bradford said no.\n"
                .to_string(),
        ] {
            let f = findings(&text);
            assert!(
                !f.iter().any(|f| f.code == "S001" && text[f.range.clone()].split(' ').count() >= 3),
                "{text}: {f:#?}"
            );
        }
    }
}
