//! Whether a stuffed span can be cut out of its sentence without breaking it.
//!
//! Precision first: a span is removed only when the words around it show that the sentence
//! reads on without it (`gave [X] a "principled agreement"`, `the [X] talks`, `respond [to
//! the X], however`). When the span is the subject of its clause, sits before a finite
//! verb, or the context is anything else, the finding is only flagged and the text stays.
//! One small function, driven by closed classes of function words, so that it can be tested
//! exhaustively on its own.

use super::lexicon::{closed_class, ClosedClass};

/// A neighbour of the span: nothing (line edge), one punctuation character, or a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot<'a> {
    Edge,
    Punct(char),
    Word(&'a str),
}

/// Why a span stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep<'a> {
    /// It opens its sentence or clause: it is the subject.
    Subject,
    /// A finite verb follows: it is the subject of that verb.
    BeforeVerb(&'a str),
    /// The context shows no safe way to cut it.
    Undecided,
}

/// The verdict on a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict<'a> {
    /// Remove the span and `take_left` words before it (a preposition and determiner that
    /// only served it).
    Remove {
        take_left: usize,
    },
    Keep(Keep<'a>),
}

impl std::fmt::Display for Keep<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Keep::Subject => f.write_str(
                "it opens its clause, so removing it would leave the sentence without a subject",
            ),
            Keep::BeforeVerb(v) => write!(
                f,
                "it is the subject of \"{v}\", so removing it would break the sentence"
            ),
            Keep::Undecided => {
                f.write_str("the words around it do not show that the sentence reads on without it")
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Determiner,
    Preposition,
    FiniteVerb,
    Function,
    Content,
    Capitalised,
    Other,
}

fn class(w: &str) -> Class {
    match closed_class(w) {
        ClosedClass::Determiner => return Class::Determiner,
        ClosedClass::Preposition => return Class::Preposition,
        ClosedClass::FiniteVerb => return Class::FiniteVerb,
        ClosedClass::Function => return Class::Function,
        ClosedClass::None => {}
    }
    let first = w.chars().next().unwrap_or(' ');
    if first.is_uppercase() {
        Class::Capitalised
    } else if first.is_lowercase() {
        Class::Content
    } else {
        Class::Other
    }
}

/// Verbs that follow a subject in news prose, in forms that look like nouns (`comes`,
/// `shows`, `means`) or are irregular pasts (`came`, `rose`). The closed classes list only
/// auxiliaries and `said`/`says`; after a determiner, a verb in the place of the head noun
/// shows that the span is the head.
const PREDICATE_VERBS: &[&str] = &[
    "comes",
    "goes",
    "means",
    "remains",
    "seems",
    "looks",
    "appears",
    "becomes",
    "shows",
    "follows",
    "marks",
    "makes",
    "takes",
    "gets",
    "gives",
    "brings",
    "puts",
    "sees",
    "faces",
    "includes",
    "continues",
    "came",
    "went",
    "became",
    "made",
    "took",
    "gave",
    "saw",
    "brought",
    "began",
    "rose",
    "fell",
    "grew",
    "led",
    "left",
    "met",
    "sent",
    "kept",
    "held",
    "told",
    "found",
    "stood",
    "won",
    "lost",
    "hit",
    "set",
    "cut",
    "drew",
    "spoke",
];

/// A lower-case word that reads as the verb of a clause: one of [`PREDICATE_VERBS`], or a
/// regular past (`helped`, `sparked`), which no head noun of a keyword phrase ends in (the
/// nouns in `-eed` aside: `speed`, `need`).
/// Whether `w` is one of the verbs that follow a subject in forms that look like nouns or
/// are irregular pasts ([`PREDICATE_VERBS`]).
pub fn is_predicate_verb(w: &str) -> bool {
    PREDICATE_VERBS.contains(&w)
}

fn verb_shaped(w: &str) -> bool {
    PREDICATE_VERBS.contains(&w)
        || (w.len() >= 5 && w.ends_with("ed") && !w.ends_with("eed") && w != "hundred")
}

fn closes_clause(s: Slot<'_>) -> bool {
    match s {
        Slot::Edge => true,
        Slot::Punct(c) => matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | '—'),
        Slot::Word(_) => false,
    }
}

fn opens_quote(s: Slot<'_>) -> bool {
    matches!(s, Slot::Punct('"' | '\u{201c}' | '\u{2018}' | '\''))
}

/// Decides on a span from the words around it: `left` = the three tokens before it (nearest
/// first), `right` = the token after it.
pub fn decide<'a>(left: [Slot<'a>; 3], right: Slot<'a>) -> Verdict<'a> {
    let [l, ll, lll] = left;
    let r_class = match right {
        Slot::Word(w) => Some(class(w)),
        _ => None,
    };
    if let (Some(Class::FiniteVerb), Slot::Word(w)) = (r_class, right) {
        return Verdict::Keep(Keep::BeforeVerb(w));
    }
    let l_word = match l {
        Slot::Word(w) => w,
        Slot::Edge | Slot::Punct(_) => return Verdict::Keep(Keep::Subject),
    };
    match class(l_word) {
        Class::Determiner => {
            if let (Some(Class::Content), Slot::Word(w)) = (r_class, right) {
                if verb_shaped(w) {
                    // the span is the head the determiner opened, and this its verb: "The
                    // [X] comes as ..." would become "The comes as ..."
                    return Verdict::Keep(Keep::BeforeVerb(w));
                }
                // the span was a pre-modifier: "the [X] talks"
                return Verdict::Remove { take_left: 0 };
            }
            let prep_before = matches!(ll, Slot::Word(w) if class(w) == Class::Preposition);
            // a lower-case word: a capitalised one may open the sentence ("Looking [for
            // the X]?"), which would be left as one word
            let word_before_prep =
                matches!(lll, Slot::Word(w) if w.starts_with(|c: char| c.is_lowercase()));
            if closes_clause(right) && prep_before && word_before_prep {
                // "respond [to the X], however": the phrase only served the span
                return Verdict::Remove { take_left: 2 };
            }
            Verdict::Keep(Keep::Undecided)
        }
        Class::Content | Class::FiniteVerb => {
            let r_ok = closes_clause(right)
                || opens_quote(right)
                || matches!(r_class, Some(Class::Determiner | Class::Content));
            if r_ok {
                Verdict::Remove { take_left: 0 }
            } else {
                Verdict::Keep(Keep::Undecided)
            }
        }
        _ => Verdict::Keep(Keep::Undecided),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Slot::{Edge, Punct, Word};

    fn rm(n: usize) -> Verdict<'static> {
        Verdict::Remove { take_left: n }
    }

    #[test]
    fn removes_between_a_verb_and_a_determiner_or_quote() {
        assert_eq!(
            decide([Word("gave"), Word("side"), Word("Russian")], Word("a")),
            rm(0)
        );
        assert_eq!(
            decide([Word("gave"), Word("side"), Word("Russian")], Punct('"')),
            rm(0)
        );
        assert_eq!(
            decide(
                [Word("gave"), Word("side"), Word("Russian")],
                Punct('\u{201c}')
            ),
            rm(0)
        );
    }

    #[test]
    fn removes_between_a_noun_and_a_noun() {
        assert_eq!(
            decide(
                [Word("statement"), Word("Kremlin"), Word("a")],
                Word("aide")
            ),
            rm(0)
        );
    }

    #[test]
    fn removes_a_pre_modifier_after_a_determiner() {
        assert_eq!(
            decide([Word("the"), Word("of"), Word("out")], Word("talks")),
            rm(0)
        );
        assert_eq!(decide([Word("The"), Edge, Edge], Word("talks")), rm(0));
    }

    #[test]
    fn removes_preposition_and_determiner_before_clause_punctuation() {
        assert_eq!(
            decide([Word("the"), Word("to"), Word("respond")], Punct(',')),
            rm(2)
        );
        assert_eq!(
            decide([Word("the"), Word("to"), Word("respond")], Punct('.')),
            rm(2)
        );
        // the verb opens the sentence: cut, it would stand alone ("Looking?")
        assert_eq!(
            decide([Word("the"), Word("for"), Word("Looking")], Punct('?')),
            Verdict::Keep(Keep::Undecided)
        );
        assert_eq!(
            decide([Word("the"), Word("to"), Word("respond")], Edge),
            rm(2)
        );
    }

    #[test]
    fn keeps_a_subject() {
        assert_eq!(
            decide([Punct(','), Word("then"), Word("Since")], Word("relations")),
            Verdict::Keep(Keep::Subject)
        );
        assert_eq!(
            decide([Edge, Edge, Edge], Word("talks")),
            Verdict::Keep(Keep::Subject)
        );
        assert_eq!(
            decide([Punct('.'), Word("end"), Word("the")], Word("officials")),
            Verdict::Keep(Keep::Subject)
        );
    }

    #[test]
    fn keeps_before_a_finite_verb() {
        for v in [
            "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
            "may", "might", "must", "should", "did", "does", "said", "says",
        ] {
            assert_eq!(
                decide([Word("gave"), Edge, Edge], Word(v)),
                Verdict::Keep(Keep::BeforeVerb(v)),
                "{v}"
            );
        }
    }

    #[test]
    fn keeps_a_span_between_a_determiner_and_a_verb() {
        for v in ["comes", "means", "rose", "went", "helped", "sparked"] {
            assert_eq!(
                decide([Word("The"), Edge, Edge], Word(v)),
                Verdict::Keep(Keep::BeforeVerb(v)),
                "{v}"
            );
        }
        // nouns in the head's place, "-eed" ones too
        for n in ["talks", "rivalry", "pages", "speed", "watchers", "race"] {
            assert_eq!(
                decide([Word("the"), Word("of"), Word("out")], Word(n)),
                rm(0),
                "{n}"
            );
        }
    }

    #[test]
    fn keeps_when_undecided() {
        // determiner then clause punctuation with no preposition: "saw the [X], however"
        assert_eq!(
            decide([Word("the"), Word("saw"), Word("they")], Punct(',')),
            Verdict::Keep(Keep::Undecided)
        );
        // preposition + determiner at the start of the sentence: "In the [X], we"
        assert_eq!(
            decide([Word("the"), Word("In"), Edge], Punct(',')),
            Verdict::Keep(Keep::Undecided)
        );
        // a bare preposition before the span
        assert_eq!(
            decide(
                [Word("in"), Word("development"), Word("a")],
                Word("relations")
            ),
            Verdict::Keep(Keep::Undecided)
        );
        // a capitalised word before it may be part of a longer name
        assert_eq!(
            decide([Word("Kremlin"), Word("a"), Edge], Word("aide")),
            Verdict::Keep(Keep::Undecided)
        );
        // a determiner before and a capitalised word after
        assert_eq!(
            decide([Word("the"), Word("of"), Word("out")], Word("Summit")),
            Verdict::Keep(Keep::Undecided)
        );
        // content word before, preposition after
        assert_eq!(
            decide([Word("meeting"), Edge, Edge], Word("in")),
            Verdict::Keep(Keep::Undecided)
        );
        // numbers and symbols
        assert_eq!(
            decide([Word("4"), Edge, Edge], Word("a")),
            Verdict::Keep(Keep::Undecided)
        );
        assert_eq!(
            decide([Word("rose"), Edge, Edge], Punct('%')),
            Verdict::Keep(Keep::Undecided)
        );
    }

    #[test]
    fn reasons_read_as_sentences() {
        assert!(Keep::BeforeVerb("have")
            .to_string()
            .contains("subject of \"have\""));
        assert!(Keep::Subject.to_string().contains("opens its clause"));
    }
}
