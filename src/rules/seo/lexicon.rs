//! Closed classes of English function words and fixed formulas.
//!
//! The stuffing rules decide from grammar context, never from topics: whether the word
//! before a span is a determiner or a preposition, whether the word after it is a finite
//! verb, whether a bare year follows a time word. These lists are closed word classes of
//! English (they do not grow with the news), plus the generic teaser formulas SEO templates
//! end a dek with.

use crate::rules::words::WordTable;

/// Determiners and possessives that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our",
    "your", "my", "some", "any", "no", "every", "each", "another",
];

pub fn is_determiner(w: &str) -> bool {
    classes(w) & DETERMINER != 0
}

const PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "with",
    "by",
    "about",
    "as",
    "into",
    "onto",
    "over",
    "under",
    "after",
    "before",
    "since",
    "during",
    "between",
    "among",
    "amid",
    "through",
    "across",
    "against",
    "toward",
    "towards",
    "without",
    "within",
    "upon",
    "via",
    "per",
    "than",
    "like",
    "near",
    "despite",
    "until",
    "till",
    "beyond",
    "behind",
    "below",
    "above",
    "along",
    "around",
    "throughout",
    "versus",
    "vs",
];

pub fn is_preposition(w: &str) -> bool {
    classes(w) & PREPOSITION != 0
}

/// Auxiliaries and reporting verbs in finite form: a span right before one of these is the
/// subject of the clause, and removing it would leave the verb without one.
const FINITE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "must", "should", "shall", "did", "does", "do", "said", "says",
];

pub fn is_finite_verb(w: &str) -> bool {
    classes(w) & FINITE_VERB != 0
}

/// Other function words: conjunctions, pronouns, particles, quantifiers, adverbs of degree.
const OTHER_FUNCTION_WORDS: &[&str] = &[
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "if",
    "then",
    "because",
    "while",
    "although",
    "though",
    "when",
    "where",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "why",
    "how",
    "not",
    "also",
    "just",
    "only",
    "even",
    "very",
    "more",
    "most",
    "less",
    "least",
    "much",
    "many",
    "few",
    "all",
    "both",
    "either",
    "neither",
    "other",
    "it",
    "he",
    "she",
    "they",
    "we",
    "you",
    "i",
    "me",
    "him",
    "them",
    "us",
    "there",
    "here",
    "too",
    "be",
    "been",
    "being",
    "out",
    "up",
    "down",
    "off",
    "again",
    "ago",
    "around",
    "nearly",
    "about",
    "almost",
    "over",
    "under",
    "approximately",
    "roughly",
    "some",
    "circa",
    "ca",
    "c",
];

/// Any closed-class word (lower-case input).
pub fn is_function_word(w: &str) -> bool {
    classes(w) & FUNCTION != 0
}

/// A word that only a clause has, in any ASCII case: a determiner, pronoun, conjunction
/// (but `and`/`or`, which keyword lists use), auxiliary or adverb of degree. Prepositions are
/// not: searches hold them (`earbuds for running`, `hotels near me`).
pub fn is_clause_word(w: &str) -> bool {
    let bits = CLASSES.get_ignore_case(w);
    bits & FUNCTION != 0
        && bits & PREPOSITION == 0
        && !(w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or"))
}

/// Words that legitimately stand right before a bare year: time modifiers, seasons,
/// periods, months, and nouns that label a number (`flight 2025`, `page 1999`).
const YEAR_MODIFIERS: &[&str] = &[
    "early",
    "late",
    "mid",
    "end",
    "start",
    "beginning",
    "fiscal",
    "financial",
    "calendar",
    "academic",
    "school",
    "tax",
    "model",
    "year",
    "years",
    "season",
    "seasons",
    "quarter",
    "half",
    "term",
    "session",
    "class",
    "vintage",
    "edition",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "born",
    "est",
    "since",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "page",
    "pages",
    "number",
    "no",
    "flight",
    "route",
    "room",
    "article",
    "section",
    "chapter",
    "version",
    "code",
    "episode",
    "issue",
    "vol",
    "volume",
    "part",
    "unit",
    "item",
    "lot",
    "block",
    "bus",
    "platform",
    "gate",
    "exit",
    "highway",
    "road",
    "street",
    "suite",
    "box",
    "row",
    "seat",
    "track",
    "table",
    "figure",
    "fig",
    "grade",
    "level",
    "stage",
    "round",
    "phase",
    "act",
    "verse",
    "line",
    "rule",
    "order",
    "case",
    "bill",
    "law",
    "circa",
    "ca",
    "c",
    "ad",
    "bc",
    "bce",
    "ce",
    // the months of other languages and Spanish "de", which date a line quoted from a page
    // in another language (`Publié le 3 mars 2026`, `3 de marzo de 2026`)
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "de",
    "del",
];

pub fn is_year_modifier(w: &str) -> bool {
    classes(w) & YEAR_MODIFIER != 0
}

/// Capitalised words that are never one half of a glued pair of names: sentence-initial
/// function words, titles of address, days and months.
pub fn is_capitalised_function_word(w: &str) -> bool {
    // "US", "IT": an all-capitals word of two or more letters is an acronym, not "us"/"it"
    if w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    CLASSES.get_ignore_case(w) & (FUNCTION | ADDRESS | YEAR_MODIFIER) != 0
}

/// The closed class of `w` ignoring ASCII case, the first of determiner, preposition,
/// finite verb, other function word that holds it: one lookup for the grammar's question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosedClass {
    Determiner,
    Preposition,
    FiniteVerb,
    Function,
    None,
}

pub fn closed_class(w: &str) -> ClosedClass {
    let bits = CLASSES.get_ignore_case(w);
    if bits & DETERMINER != 0 {
        ClosedClass::Determiner
    } else if bits & PREPOSITION != 0 {
        ClosedClass::Preposition
    } else if bits & FINITE_VERB != 0 {
        ClosedClass::FiniteVerb
    } else if bits & FUNCTION != 0 {
        ClosedClass::Function
    } else {
        ClosedClass::None
    }
}

/// Participles that open a trailing clause after a comma (`..., adding that ...`).
const TRAILING_PARTICIPLES: &[&str] = &[
    "adding",
    "saying",
    "noting",
    "calling",
    "describing",
    "stressing",
    "stating",
    "claiming",
    "explaining",
    "citing",
    "insisting",
    "warning",
    "highlighting",
    "emphasising",
    "emphasizing",
    "underlining",
    "arguing",
    "hailing",
    "terming",
    "labelling",
    "labeling",
    "dubbing",
    "signalling",
    "signaling",
    "marking",
    "underscoring",
    "reiterating",
    "suggesting",
    "acknowledging",
    "praising",
    "welcoming",
    "urging",
    "lauding",
    "pointing",
    "reflecting",
    "remarking",
    "observing",
    "asserting",
    "recalling",
    "expressing",
    // what the news leads to (`..., making it a key moment for ...`)
    "making",
    "raising",
    "sparking",
    "prompting",
    "fuelling",
    "fueling",
    "bringing",
    "drawing",
];

pub fn is_trailing_participle(w: &str) -> bool {
    // every one ends in "-ing": most words after a comma are ruled out without hashing
    w.ends_with("ing") && classes(w) & TRAILING_PARTICIPLE != 0
}

/// Openings of the generic formulas SEO templates end a teaser with, lower-case, straight
/// apostrophes.
const TEASER_OPENINGS: &[&str] = &[
    "here's what",
    "here is what",
    "here's everything",
    "here is everything",
    "here's all",
    "here is all",
    "here are the details",
    "here's why",
    "here is why",
    "here's how",
    "here is how",
    "everything you need to know",
    "everything we know",
    "all you need to know",
    "what you need to know",
    "what we know",
    "find out",
    "read on",
    "read more",
    "know more",
    "know all",
    "know everything",
    "get all the details",
    "get the details",
    "get full details",
    "learn more",
    "check details",
    "check out",
    "see details",
    "details inside",
    "click here",
    "keep reading",
    "scroll down",
];

/// Whether `sentence` is a teaser formula (`Here’s what to know.`, `Read on to learn
/// more!`): one of the fixed openings, at most ten words.
pub fn is_teaser_formula(sentence: &str) -> bool {
    let s = sentence.trim().trim_end_matches(['.', '!', ':', '…', ' ']);
    if s.is_empty() || s.split_whitespace().count() > 10 {
        return false;
    }
    let norm: String = s
        .chars()
        .map(|c| {
            if c == '\u{2019}' {
                '\''
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    TEASER_OPENINGS.iter().any(|o| {
        norm.starts_with(o)
            && norm[o.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Very common English words: their share in a text tells whether the English grammar
/// checks apply to it at all (the tokeniser counts them).
pub(crate) const COMMON_ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "was", "it", "by", "at",
    "from", "be", "are", "have", "has", "said", "this", "an", "not", "but", "or", "were", "which",
    "will", "he", "she", "they", "his", "her", "their", "would", "been", "its", "who",
];

/// Titles of address, days of the week: capitalised, they are never half of a pair of names.
const ADDRESS_WORDS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const DETERMINER: u8 = 1;
const PREPOSITION: u8 = 2;
const FINITE_VERB: u8 = 4;
const OTHER_FUNCTION: u8 = 8;
const YEAR_MODIFIER: u8 = 16;
const TRAILING_PARTICIPLE: u8 = 32;
const ADDRESS: u8 = 64;
const FUNCTION: u8 = DETERMINER | PREPOSITION | FINITE_VERB | OTHER_FUNCTION;

/// Every listed word with the bits of the classes it belongs to: the rules ask these
/// questions of most words of a document, several times each.
static CLASSES: WordTable<1024> = WordTable::new(&[
    (DETERMINERS, DETERMINER),
    (PREPOSITIONS, PREPOSITION),
    (FINITE_VERBS, FINITE_VERB),
    (OTHER_FUNCTION_WORDS, OTHER_FUNCTION),
    (YEAR_MODIFIERS, YEAR_MODIFIER),
    (TRAILING_PARTICIPLES, TRAILING_PARTICIPLE),
    (ADDRESS_WORDS, ADDRESS),
]);

/// The class bits of `w` (exactly as written: the lists are lower-case), 0 for a word in
/// no list.
fn classes(w: &str) -> u8 {
    CLASSES.get(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teaser_formulas() {
        for s in [
            "Here’s what to know.",
            "Here's what to know",
            "Here is what we know:",
            "Everything you need to know",
            "Find out more.",
            "Read on to learn more!",
            "Know all about it here.",
            "Get all the details here",
        ] {
            assert!(is_teaser_formula(s), "{s}");
        }
        for s in [
            "Here the river bends.",
            "Findings out of the lab were mixed.",
            "Read on a Kindle, the book felt shorter than it was when I first saw it in print.",
            "What we knew then was not enough.",
            "Knowledge is power.",
            "Know-how matters more than money, he said.",
        ] {
            assert!(!is_teaser_formula(s), "{s}");
        }
    }

    #[test]
    fn every_listed_word_is_found_in_its_classes_only() {
        let lists: [(&[&str], u8); 7] = [
            (DETERMINERS, DETERMINER),
            (PREPOSITIONS, PREPOSITION),
            (FINITE_VERBS, FINITE_VERB),
            (OTHER_FUNCTION_WORDS, OTHER_FUNCTION),
            (YEAR_MODIFIERS, YEAR_MODIFIER),
            (TRAILING_PARTICIPLES, TRAILING_PARTICIPLE),
            (ADDRESS_WORDS, ADDRESS),
        ];
        for (words, class) in lists {
            for w in words {
                let want = lists
                    .iter()
                    .filter(|(ws, _)| ws.contains(w))
                    .fold(0, |bits, (_, c)| bits | c);
                assert_eq!(classes(w), want, "{w}");
                assert!(classes(w) & class != 0);
            }
        }
        for w in ["", "meetings", "The", "the ", "Putin", "x", "withinn"] {
            assert_eq!(classes(w), 0, "{w:?}");
        }
    }

    #[test]
    fn word_classes_are_disjoint_where_it_matters() {
        assert!(is_determiner("the") && !is_preposition("the"));
        assert!(is_finite_verb("have") && is_function_word("have"));
        assert!(!is_function_word("meeting") && !is_year_modifier("meeting"));
        assert!(is_capitalised_function_word("Thursday") && is_capitalised_function_word("The"));
        assert!(!is_capitalised_function_word("Putin"));
        assert!(!is_capitalised_function_word("US") && is_capitalised_function_word("Us"));
    }
}
