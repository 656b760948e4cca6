//! Page junk (`J0xx`): lines and paragraphs that belong to the page around the article.
//!
//! Most of these rules are per-line checks on short lines: a page widget ("Share",
//! "Next Story", "Tags: ...") is a short line on its own, while the article's prose comes in
//! long lines. Each rule therefore looks only at lines under its own length limit, skips lines
//! that are the wrapped tail of a sentence, and then runs one compiled pattern. The helpers
//! that every such rule shares live here.

mod bio;
mod breadcrumb;
mod byline;
mod copyright;
mod credit;
mod cta;
mod duplicate;
pub(crate) mod header;
mod labels;
mod navigation;
mod reading;
pub mod site_boilerplate;
mod tags;
mod title;

use std::sync::LazyLock;

use regex::Regex;

use crate::rules::{Context, Rule};

pub(crate) use title::{repeats_title, TitleRepeats};

/// The page-junk rules.
pub static RULES: &[&dyn Rule] = &[
    &title::RepeatedTitle,
    &labels::ShareWidget,
    &navigation::StoryNavigation,
    &cta::CallToAction,
    &cta::CookieNotice,
    &tags::TagList,
    &breadcrumb::Breadcrumb,
    &copyright::CopyrightFooter,
    &reading::ReadingAid,
    &byline::BylineTimestamp,
    &credit::AgencyCredit,
    &bio::AuthorBio,
    &duplicate::DuplicateParagraph,
    &header::PageHeader,
    &site_boilerplate::SiteBoilerplate,
];

/// Markdown-ish decoration that scrapers leave around a line (`### `, `**`, `* `, `> `, `• `);
/// it never decides whether a line is junk, so it is stripped before matching.
const DECORATION: &[char] = &['#', '*', '_', '•', '>', '[', ']'];

/// Whether `c` is decoration at a line's edge: whitespace, [`DECORATION`], or a pictograph
/// that a page sets before a label (`🔔 Subscribe`, `👉 Read more`, `▶ Watch`): arrows,
/// geometric shapes, dingbats and emoji, and the joiners that build emoji.
fn is_decoration(c: char) -> bool {
    c.is_whitespace()
        || DECORATION.contains(&c)
        || matches!(c,
            '\u{2190}'..='\u{21FF}'
            | '\u{2300}'..='\u{23FF}'
            | '\u{25A0}'..='\u{27BF}'
            | '\u{2B00}'..='\u{2BFF}'
            | '\u{1F000}'..='\u{1FAFF}'
            | '\u{FE0F}'
            | '\u{200D}')
}

/// The line with surrounding whitespace and decoration removed.
pub(crate) fn core(line: &str) -> &str {
    // Most lines start and end with an ASCII character that is neither (a letter, a full
    // stop): then there is nothing to trim, and the character-wise trim from both ends is
    // skipped. An ASCII byte is a whole character, so testing it is testing the character.
    let trimmed =
        |b: u8| b.is_ascii_whitespace() || b == 0x0b || DECORATION.contains(&char::from(b));
    match line.as_bytes() {
        [first, .., last] | [first @ last]
            if first.is_ascii() && last.is_ascii() && !trimmed(*first) && !trimmed(*last) =>
        {
            line
        }
        _ => line.trim_matches(is_decoration),
    }
}

/// Whether body line `i` continues a sentence wrapped from the previous line of the same
/// paragraph ("... he posted on\nlinkedin and ..."): such a line is a fragment of prose, never
/// a widget, whatever words it holds. The title never counts as such a previous line: the
/// clean layout sets it apart, so the line under it is judged on its own, now as it would be
/// when the output is cleaned again.
pub(crate) fn continues_sentence(ctx: &Context<'_>, i: usize) -> bool {
    let lines = ctx.doc.lines();
    if i == 0
        || lines[i].paragraph.is_none()
        || lines[i - 1].paragraph != lines[i].paragraph
        || ctx.doc.title_line() == Some(i - 1)
    {
        return false;
    }
    // the line's own start first: most lines start with a capital, and then the previous
    // line need not be read
    if !first_is_lowercase(ctx.doc.line_text(i)) {
        return false;
    }
    let prev = ctx.doc.line_text(i - 1).trim_end();
    prev.chars()
        .next_back()
        .is_some_and(|c| c.is_lowercase() || c == ',')
}

/// Whether the first character after leading whitespace is lower case.
fn first_is_lowercase(line: &str) -> bool {
    // An ASCII first byte that is not whitespace is the first character itself, and the only
    // lower-case ASCII characters are `a`..=`z`: no decoding needed.
    match line.as_bytes().first() {
        Some(&b) if b.is_ascii() && !matches!(b, b' ' | b'\t'..=b'\r') => b.is_ascii_lowercase(),
        _ => line
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase),
    }
}

/// Whether line `i` is a sentence's start that wraps onto the next line of its paragraph
/// ("Roughly 13,000 troops remain in the country, 18 years after\ninvading it."): a fragment of
/// prose, whatever it looks like on its own.
///
/// A next line that an earlier rule drops continues nothing: a second run does not see it.
pub(crate) fn continued_by_next(ctx: &Context<'_>, i: usize) -> bool {
    let lines = ctx.doc.lines();
    i + 1 < lines.len()
        && lines[i].paragraph.is_some()
        && !ctx.line_dropped(i + 1)
        && continues_sentence(ctx, i + 1)
}

/// A body line that a per-line rule may judge: its core is non-empty and short, and it is
/// not a fragment of a wrapped sentence.
pub(crate) struct ShortLine<'d> {
    /// Index of the line in the document.
    pub index: usize,
    raw_len: usize,
    /// The line without surrounding whitespace and decoration ([`core`]).
    pub core: &'d str,
    /// Which rules' hint words the core holds, one bit per [`Hint`].
    hints: u8,
    /// Which anchored line patterns match the core, one bit per [`Start`] (none for a core
    /// longer than the pattern's [`Start::LONGEST`]).
    starts: u16,
}

impl ShortLine<'_> {
    /// Whether the core holds one of `hint`'s words.
    pub fn has_hint(&self, hint: Hint) -> bool {
        self.hints & hint as u8 != 0
    }

    /// Whether `start`'s pattern matches the core (`false` for a core longer than the
    /// pattern's [`Start::LONGEST`], on which its rule never asks).
    pub fn starts(&self, start: Start) -> bool {
        self.starts & (1 << start as u16) != 0
    }
}

/// The longest line limit of any per-line rule (the cookie notice's).
pub(crate) const LONGEST: usize = 500;

/// The longest line limit of a rule that asks [`ShortLine::starts`] (tag lists' and credits').
const STARTS_LONGEST: usize = 400;
const _: () = {
    let mut i = 0;
    while i < Start::COUNT {
        assert!(Start::LONGEST[i] <= STARTS_LONGEST);
        i += 1;
    }
};

/// What the per-line rules share for one document.
pub(crate) struct Shared<'d> {
    /// The body lines under [`LONGEST`].
    lines: Vec<ShortLine<'d>>,
}

/// Computed once per document for all the rules: each rule used to trim and test every line
/// itself.
fn shared<'a, 'c>(ctx: &'c Context<'a>) -> &'c Shared<'a> {
    ctx.junk.get_or_init(|| {
        let doc = ctx.doc;
        let mut lines = Vec::with_capacity(doc.lines().len());
        for i in doc.body_lines() {
            let raw = doc.line_text(i);
            // the cheap guard first; decoration and indentation rarely take 16 bytes
            if raw.len() > LONGEST + 16 {
                continue;
            }
            let c = core(raw);
            if c.is_empty()
                || c.len() > LONGEST
                || continues_sentence(ctx, i)
                || continued_by_next(ctx, i)
            {
                continue;
            }
            let hints = hint_bits(c);
            let mut starts = 0;
            if raw.len() <= STARTS_LONGEST + 16 && c.len() <= STARTS_LONGEST {
                let mut candidates = start_candidates(c, hints);
                if candidates != 0 {
                    for (bit, &longest) in Start::LONGEST.iter().enumerate() {
                        if c.len() > longest {
                            candidates &= !(1 << bit);
                        }
                    }
                }
                while candidates != 0 {
                    let bit = candidates.trailing_zeros();
                    candidates &= candidates - 1;
                    if START_REGEXES[bit as usize].is_match(c) {
                        starts |= 1 << bit;
                    }
                }
            }
            lines.push(ShortLine {
                index: i,
                raw_len: raw.len(),
                core: c,
                hints,
                starts,
            });
        }
        Shared { lines }
    })
}

/// Calls `f` for every body line whose core is non-empty and at most `max_len` bytes long
/// and that is not the wrapped tail of a sentence.
pub(crate) fn short_body_lines<'d>(
    ctx: &Context<'d>,
    max_len: usize,
    mut f: impl FnMut(&ShortLine<'d>),
) {
    debug_assert!(max_len <= LONGEST);
    for l in &shared(ctx).lines {
        if l.raw_len <= max_len + 16 && l.core.len() <= max_len {
            f(l);
        }
    }
}

/// The per-line rules' patterns that are anchored at the start of the line, in
/// [`START_REGEXES`]; the bit of each in [`ShortLine::starts`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub(crate) enum Start {
    Share,
    LabelOnly,
    LabelHeadline,
    MoreFrom,
    Reading,
    Tags,
    Credit,
}

impl Start {
    const COUNT: usize = 7;

    /// For each pattern, the longest core on which a rule asks whether it matches: a
    /// pattern runs only on lines its rule reads.
    const LONGEST: [usize; Start::COUNT] = [
        labels::MAX_LEN,
        navigation::LABEL_ONLY_MAX_LEN,
        navigation::MAX_LEN,
        navigation::MAX_LEN,
        reading::MAX_LEN,
        tags::MAX_LEN,
        credit::MAX_LEN,
    ];
}

/// The anchored line patterns of every per-line rule, in [`Start`] order, each run on the
/// lines where [`start_candidates`] says it may match: the bits they give are what each
/// pattern's `is_match` gives, and a rule that needs the match's position or groups runs
/// its own regex only on the lines where its bit is set.
///
/// One `RegexSet` of them all used to run on every line that might match any: its lazy
/// DFA, built for seven case-insensitive Unicode patterns at once, spread over many cache
/// lines, and each search read the whole line for every pattern; a line start is most
/// often one pattern's head alone, whose own automaton is small.
static START_REGEXES: LazyLock<[Regex; Start::COUNT]> = LazyLock::new(|| {
    line_start_patterns().map(|p| Regex::new(p).expect("valid line-start pattern"))
});

/// The sources of [`START_REGEXES`], in [`Start`] order.
fn line_start_patterns() -> [&'static str; Start::COUNT] {
    [
        labels::SHARE_PATTERN.as_str(),
        navigation::LABEL_ONLY_PATTERN,
        navigation::LABEL_HEADLINE_PATTERN,
        navigation::MORE_FROM_PATTERN,
        reading::READING_PATTERN,
        tags::TAGS_PATTERN,
        credit::CREDIT_PATTERN.as_str(),
    ]
}

/// The literal start of every match of each [`Start`] pattern, one alternative after the
/// other: ASCII lower case, one space standing for the pattern's `\s+`, cut before the first
/// optional or variable part. A line that starts with none of its pattern's heads cannot
/// match it (but for the credit pattern's `<Name> contributed ...`, which may start with
/// any capital and is let through on its [`Hint::Contributed`] word instead).
#[rustfmt::skip]
const START_HEADS: &[(Start, &[&str])] = &[
    (Start::Share, &[
        "share", "sharing", "x", "twitter", "tweet", "facebook", "fb", "whatsapp", "e-mail",
        "email", "mail", "like", "linkedin", "telegram", "reddit", "pinterest", "pin", "tumblr", "flipboard",
        "teilen", "partager", "compartir", "condividi", "compartilh", "delen",
        "messenger", "instagram", "youtube", "threads", "bluesky", "mastodon", "sms", "copy",
        "link", "print", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "comment", "save",
        "bookmark", "gift", "view", "show", "leave", "add", "post", "read", "click",
    ]),
    (Start::LabelOnly, &[
        "<", "-", "next", "prev", "read", "also read", "continue", "related", "more", "other",
        "recommended", "similar", "latest", "top", "popular", "trending", "recent", "featured",
        "most", "you may", "you might", "editor", "don", "see also", "up next", "in other",
        "ad", "sponsored", "promoted", "paid", "the story", "the article", "the content",
        "story", "article", "content", "scroll", "skip", "back", "anzeige", "werbung",
        "publicidad", "publicit", "pubblicit", "iklan", "reklama", "loading", "show", "click",
        "tap", "image", "photo", "picture", "video", "gallery", "graphic", "audio", "slide", "enlarge", "expand", "toggle", "hide",
        "explore", "reuse", "about", "report", "flag", "submit", "was", "this", "open",
        "supported", "like", "leave", "watch", "people also", "mehr", "das k", "weitere", "lire", "voir", "sur le", "te puede",
        "lee", "ver", "leer", "leggi", "leia", "lees", "also see", "also watch", "your browser",
        "load more", "view", "a post shared by",
    ]),
    (Start::LabelHeadline, &[
        "read", "deal", "also", "see also", "related", "more", "watch", "must", "up next", "don",
        "recommended", "trending", "next", "previous", "video", "photos", "gallery", "photo gallery",
        "lesen", "mehr", "lire", "voir", "te puede", "lee", "ver", "leggi", "leia", "lees",
    ]),
    (Start::MoreFrom, &["more"]),
    (Start::Reading, &[
        "listen", "play", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "estimated",
        "reading", "read", "increase", "decrease", "reset", "change", "font", "text", "a a",
        "a+ a", "a- a", "tempo", "tiempo", "temps", "lesezeit", "lesedauer", "this",
    ]),
    (Start::Tags, &[
        "tag", "topic", "related", "suggested", "popular", "trending", "top", "hot", "people also", "also read",
        "in this", "mentioned", "filed", "categor", "keyword", "posted",
    ]),
    (Start::Credit, &[
        "(", "with", "additional", "reporting", "representative", "representational", "stock", "-", "source", "inputs", "file", "photo", "image",
        "pic", "illustration", "graphic", "video", "map", "chart", "this", "published", "appeared", "was", "only",
        "credit", "edited", "copy", "fact", "produced", "disclaimer", "the views", "views", "the opinions", "opinions", "reviewed", "medically", "our standards", "getty", "shutterstock", "istock", "alamy", "ap ", "ap/", "afp", "epa", "reuters",
        "pa ", "pa/", "dpa", "anp", "anadolu", "xinhua", "bloomberg", "pti", "ians", "ani ", "ani/",
        "uni ", "uni/", "efe", "ansa", "tass", "associated", "press trust", "agence", "bernama",
        "yonhap", "kyodo", "agencies", "wire service",
    ]),
];

/// [`START_HEADS`] as an automaton that reads a line's start: a trie over byte classes
/// (ASCII upper-case letters in their lower-case letter's class, ASCII whitespace in the
/// space's), in which reaching the end of any head ends the walk. The transition that ends
/// it holds the [`Start`] bits of every pattern one of whose heads the line may start with:
/// those of each head whose own walk ends there, the heads it is a prefix of included.
struct StartDfa {
    /// Byte -> input class; class 0 is every ASCII byte that starts no head's next byte.
    class: [u8; 128],
    /// `next[state + class]`: the next state (premultiplied by the number of classes),
    /// [`START_DEAD`] where no head goes on, [`START_HEAD`] or'ed with [`Start`] bits where
    /// one ends.
    next: Vec<u16>,
    /// The root: no byte read yet.
    root: u16,
}

/// The state of a line whose start is no head's.
const START_DEAD: u16 = 0;
/// The flag of a transition that ends a head: above every state and every [`Start`] bit.
const START_HEAD: u16 = 1 << 15;
const _: () = assert!(Start::COUNT < 15);

static START_DFA: LazyLock<StartDfa> = LazyLock::new(|| {
    let mut class = [0u8; 128];
    let mut stride = 1usize;
    for &(_, words) in START_HEADS {
        for w in words {
            assert!(!w.is_empty() && w.is_ascii(), "{w:?}");
            assert_eq!(*w, w.to_ascii_lowercase(), "heads are lower case");
            for &b in w.as_bytes() {
                if class[usize::from(b)] == 0 {
                    class[usize::from(b)] = stride as u8;
                    stride += 1;
                }
            }
        }
    }
    for b in b'A'..=b'Z' {
        class[usize::from(b)] = class[usize::from(b.to_ascii_lowercase())];
    }
    for b in b'\t'..=b'\r' {
        class[usize::from(b)] = class[usize::from(b' ')];
    }
    // row 0 is the dead state's, row 1 the root's; a child of `START_HEAD` is never read
    let mut next = vec![START_DEAD; 2 * stride];
    let root = stride;
    for &(_, words) in START_HEADS {
        for w in words {
            let mut s = root;
            let bytes = w.as_bytes();
            for (k, &b) in bytes.iter().enumerate() {
                let at = s + usize::from(class[usize::from(b)]);
                if next[at] & START_HEAD != 0 {
                    break;
                }
                if k + 1 == bytes.len() {
                    next[at] = START_HEAD;
                    break;
                }
                if next[at] == START_DEAD {
                    next[at] = u16::try_from(next.len()).expect("start automaton too large");
                    next.extend(std::iter::repeat_n(START_DEAD, stride));
                }
                s = usize::from(next[at]);
            }
        }
    }
    assert!(next.len() < usize::from(START_HEAD));
    // each head's pattern on the transition its walk ends at: its own end, or that of a
    // shorter head that it starts with (a line starting with it stops there too)
    for &(start, words) in START_HEADS {
        for w in words {
            let mut s = root;
            for &b in w.as_bytes() {
                let at = s + usize::from(class[usize::from(b)]);
                if next[at] & START_HEAD != 0 {
                    next[at] |= 1 << start as u16;
                    break;
                }
                s = usize::from(next[at]);
            }
        }
    }
    StartDfa {
        class,
        next,
        root: root as u16,
    }
});

/// The [`Start`] bits of the patterns that may match `core` (whose [`Hint`] bits are
/// `hints`): every pattern that matches is among them, so that the others need not run.
///
/// Exact for the heads: the line's start is read as the heads are written (ASCII case
/// ignored, a run of ASCII whitespace as one space) up to its first non-ASCII byte. An ASCII
/// byte matches a letter of a `(?i)` pattern only when it is that letter in either case (the
/// two letters that fold to something outside ASCII, `k` and `s`, fold to non-ASCII
/// characters), so a line whose start, so read, begins with none of a pattern's heads cannot
/// match it. Where the read stops at a non-ASCII byte before a head is decided, every pattern
/// may match; so may each where the line starts with a non-ASCII letter or digit (`\p{Lu}`,
/// `\d`, a folded `ſ` or `K`) or one of the patterns' non-ASCII punctuation marks. The credit
/// pattern may also match any line holding its [`Hint::Contributed`] word. The walk ends at
/// the first byte that no head goes on with, so prose costs a byte or three.
fn start_candidates(core: &str, hints: u8) -> u16 {
    const ALL: u16 = (1 << Start::COUNT) - 1;
    let credit = if hints & Hint::Contributed as u8 != 0 {
        1 << Start::Credit as u16
    } else {
        0
    };
    let dfa = &*START_DFA;
    let mut s = dfa.root;
    let mut space = false;
    for &b in core.as_bytes() {
        if !b.is_ascii() {
            let any = s != dfa.root
                || core.chars().next().is_some_and(|c| {
                    c.is_alphanumeric() || matches!(c, '«' | '‹' | '←' | '—' | '–')
                });
            return if any { ALL } else { credit };
        }
        let is_space = matches!(b, b' ' | b'\t'..=b'\r');
        if is_space && (space || s == dfa.root) {
            // a core has no leading whitespace; only a run's first byte is read
            if s == dfa.root {
                return ALL;
            }
            continue;
        }
        space = is_space;
        s = dfa.next[usize::from(s) + usize::from(dfa.class[usize::from(b)])];
        if s & START_HEAD != 0 {
            return (s & ALL) | credit;
        }
        if s == START_DEAD {
            return credit;
        }
    }
    credit
}

/// Rules whose pattern cannot match a line without one of their hint words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Hint {
    CallToAction = 1,
    Cookie = 2,
    Copyright = 4,
    /// Not a rule's: the word every credit `<Name> contributed reporting` holds, for
    /// [`start_candidates`].
    Contributed = 8,
    /// A separator of a breadcrumb trail.
    Separator = 16,
}

/// Every rule's hint words in one automaton over ASCII-case-folded bytes, with the rules each
/// state has seen a word of: one pass over a line tells every rule whether its regexes need to
/// run there (each rule used to scan every line itself).
///
/// A hand-built Aho-Corasick DFA rather than the `aho_corasick` crate's: a search call there
/// costs about 16 instructions per byte plus its set-up per line, where a step here is two
/// table loads, an add, a mask and an `or`, without a branch that depends on the text: each
/// transition holds the next state and that state's bits, and the table has a power-of-two
/// size, so the index needs a mask rather than a bounds check. It reports the union
/// of the bits of every word occurring in the line, which is what the rules ask (tested
/// against a plain substring search).
///
/// Each step's load waits on the previous step's, so one walk over a line runs at the
/// latency of a load per byte, whatever else the processor could do meanwhile. A long line is
/// therefore cut into parts that overlap by a word's length less one byte and walked at once,
/// one independent walk per part: every occurrence of a word lies whole in one part, and the
/// union of the parts' bits is the line's.
struct HintDfa {
    /// Byte -> input class; ASCII upper-case letters share their lower-case letter's class,
    /// bytes that occur in no word are class 0.
    class: [u8; 256],
    /// `next[state + class]` = the next state (premultiplied by the number of classes) in the
    /// low bits, or'ed with the [`Hint`] bits of every word ending at that state, own or
    /// through the failure links, shifted left by [`HINT_SHIFT`]: the index mask drops them,
    /// so a transition is used as the next index as it is.
    next: Box<[u32; HINT_TABLE]>,
    /// The longest word's length less one: how far two parts of a line must overlap.
    overlap: usize,
}

/// Where the [`Hint`] bits sit in a transition: above every state index.
const HINT_SHIFT: u32 = 16;
/// Size of the transition table: a power of two for the index mask, room for every state.
const HINT_TABLE: usize = 8192;
const _: () = assert!(HINT_TABLE <= 1 << HINT_SHIFT);

impl HintDfa {
    fn new(groups: &[(Hint, &[&str])]) -> Self {
        let mut class = [0u8; 256];
        let mut stride = 1usize;
        let words: Vec<(Vec<u8>, u8)> = groups
            .iter()
            .flat_map(|&(hint, words)| {
                words
                    .iter()
                    .map(move |w| (w.to_ascii_lowercase().into_bytes(), hint as u8))
            })
            .collect();
        for (w, _) in &words {
            for &b in w {
                if class[b as usize] == 0 {
                    class[b as usize] = stride as u8;
                    stride += 1;
                }
            }
        }
        for b in b'A'..=b'Z' {
            class[b as usize] = class[b.to_ascii_lowercase() as usize];
        }
        // the trie: goto[state][class], 0 = none (the root has no way back into itself)
        let mut goto: Vec<Vec<u16>> = vec![vec![0; stride]];
        let mut own: Vec<u8> = vec![0];
        for (w, bit) in &words {
            let mut s = 0usize;
            for &b in w {
                let c = class[b as usize] as usize;
                if goto[s][c] == 0 {
                    goto.push(vec![0; stride]);
                    own.push(0);
                    goto[s][c] = (goto.len() - 1) as u16;
                }
                s = goto[s][c] as usize;
            }
            own[s] |= bit;
        }
        let n = goto.len();
        assert!(n * stride <= HINT_TABLE, "hint automaton too large");
        // breadth first: a state's failure state is shallower, so already complete
        let mut next = vec![0u16; n * stride];
        let mut out = vec![0u8; n * stride];
        let mut fail = vec![0usize; n];
        let mut queue = std::collections::VecDeque::new();
        for c in 0..stride {
            let t = goto[0][c] as usize;
            next[c] = (t * stride) as u16;
            if t != 0 {
                queue.push_back(t);
            }
        }
        out[0] = own[0];
        while let Some(s) = queue.pop_front() {
            out[s * stride] = own[s] | out[fail[s] * stride];
            for c in 0..stride {
                let t = goto[s][c] as usize;
                if t != 0 {
                    fail[t] = next[fail[s] * stride + c] as usize / stride;
                    next[s * stride + c] = (t * stride) as u16;
                    queue.push_back(t);
                } else {
                    next[s * stride + c] = next[fail[s] * stride + c];
                }
            }
        }
        let mut packed = Box::new([0u32; HINT_TABLE]);
        for (p, &t) in packed.iter_mut().zip(&next) {
            *p = u32::from(t) | u32::from(out[t as usize]) << HINT_SHIFT;
        }
        let longest = words.iter().map(|(w, _)| w.len()).max().unwrap_or(1);
        HintDfa {
            class,
            next: packed,
            overlap: longest - 1,
        }
    }

    /// The [`Hint`] bits of the words in `line`.
    fn bits(&self, line: &str) -> u8 {
        let bytes = line.as_bytes();
        // a part much shorter than the overlap would walk mostly its neighbour's bytes
        let seen = if bytes.len() >= 8 * self.overlap {
            self.walk_parts::<4>(bytes)
        } else if bytes.len() >= 3 * self.overlap {
            self.walk_parts::<2>(bytes)
        } else {
            self.walk(bytes)
        };
        (seen >> HINT_SHIFT) as u8
    }

    /// The transition from `t` (a transition into the current state) on `byte`.
    #[inline(always)]
    fn step(&self, t: u32, byte: u8) -> u32 {
        self.next[(t as usize + usize::from(self.class[usize::from(byte)])) & (HINT_TABLE - 1)]
    }

    /// The or of every transition of one walk over `bytes` from the root.
    fn walk(&self, bytes: &[u8]) -> u32 {
        // 0 is a transition into the root that carries no bits
        let (mut t, mut seen) = (0, 0);
        for &b in bytes {
            t = self.step(t, b);
            seen |= t;
        }
        seen
    }

    /// [`Self::walk`] over `N` parts of `bytes` (at least [`Self::overlap`] bytes long) at
    /// once: parts of one length `m`, each starting `m - overlap` bytes after the previous
    /// one but for the last, which ends where `bytes` ends.
    #[inline(always)]
    fn walk_parts<const N: usize>(&self, bytes: &[u8]) -> u32 {
        let n = bytes.len();
        debug_assert!(n >= self.overlap);
        let m = (n + (N - 1) * self.overlap).div_ceil(N);
        let stride = m - self.overlap;
        let parts: [&[u8]; N] = std::array::from_fn(|k| &bytes[(k * stride).min(n - m)..][..m]);
        let mut t = [0u32; N];
        let mut seen = 0;
        for i in 0..m {
            for (t, part) in t.iter_mut().zip(&parts) {
                *t = self.step(*t, part[i]);
                seen |= *t;
            }
        }
        seen
    }
}

static HINTS: LazyLock<HintDfa> = LazyLock::new(|| HintDfa::new(&HINT_GROUPS));

/// Every rule's hint words, matched ignoring ASCII case, with the rule they tell about.
const HINT_GROUPS: [(Hint, &[&str]); 5] = [
    (Hint::CallToAction, cta::CTA_HINT_WORDS),
    (Hint::Cookie, cta::COOKIE_HINT_WORDS),
    (Hint::Copyright, copyright::HINT_WORDS),
    (Hint::Contributed, &["contributed"]),
    (Hint::Separator, breadcrumb::SEPARATORS),
];

/// The [`Hint`] bits of the words in `line`.
fn hint_bits(line: &str) -> u8 {
    HINTS.bits(line)
}

/// Whether a line rule may take `core` (a line's [`core`]) as page furniture: it holds one of
/// their hint words or begins as one of their anchored patterns may. `false` rules out every
/// rule that reads its line alone; `true` leaves the rules to decide.
pub(crate) fn may_be_furniture(core: &str) -> bool {
    let hints = hint_bits(core);
    hints != 0 || start_candidates(core, hints) != 0
}

/// Whether `core` may begin as a match of a `(?i)` pattern anchored at the line start whose
/// matches all begin with one of `heads` (two lower-case ASCII bytes each).
///
/// Exact for such a pattern: an ASCII byte matches a letter of the pattern only when it is
/// that letter in either case (the two letters that `(?i)` folds to something outside ASCII,
/// `k` and `s`, fold to characters of two or more bytes), so a line whose first two bytes
/// are ASCII and not a head cannot match. A line with a non-ASCII byte among the first two,
/// or shorter than two bytes, is let through: the pattern decides.
pub(crate) fn may_start(core: &str, heads: &Heads) -> bool {
    match core.as_bytes() {
        [a, b, ..] if a.is_ascii() && b.is_ascii() => {
            heads.contains(a.to_ascii_lowercase(), b.to_ascii_lowercase())
        }
        _ => true,
    }
}

/// A set of two-byte ASCII heads for [`may_start`], one bit per pair: asked of every short
/// line and every paragraph's last sentence, where a search of the list took an instruction or
/// two per head.
pub(crate) struct Heads([u64; 256]);

impl Heads {
    /// The set of `heads`, each two ASCII bytes in lower case.
    pub(crate) const fn new(heads: &[[u8; 2]]) -> Heads {
        let mut bits = [0u64; 256];
        let mut i = 0;
        while i < heads.len() {
            let [a, b] = heads[i];
            assert!(a.is_ascii() && b.is_ascii());
            assert!(!a.is_ascii_uppercase() && !b.is_ascii_uppercase());
            let k = (a as usize) << 7 | b as usize;
            bits[k >> 6] |= 1 << (k & 63);
            i += 1;
        }
        Heads(bits)
    }

    fn contains(&self, a: u8, b: u8) -> bool {
        let k = usize::from(a & 0x7f) << 7 | usize::from(b & 0x7f);
        self.0[k >> 6] >> (k & 63) & 1 != 0
    }
}

/// Number of words (whitespace-separated tokens holding a letter or digit).
pub(crate) fn word_count(text: &str) -> usize {
    words_up_to(text, usize::MAX)
}

/// Whether `text` holds at least `n` words (as [`word_count`] counts them). Counting stops
/// at the `n`th: the rules ask this of whole paragraphs, most of which pass the mark within
/// their first sentence.
pub(crate) fn has_words(text: &str, n: usize) -> bool {
    words_up_to(text, n) >= n
}

/// [`word_count`], stopping at `cap`.
fn words_up_to(text: &str, cap: usize) -> usize {
    // over bytes while they are ASCII: the character iterator decodes, and most lines are
    let (mut n, mut counted) = (0, false);
    for &b in text.as_bytes() {
        if n >= cap {
            return n;
        }
        if !b.is_ascii() {
            return text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .take(cap)
                .count();
        }
        if matches!(b, b' ' | b'\t'..=b'\r') {
            counted = false;
        } else if !counted && b.is_ascii_alphanumeric() {
            counted = true;
            n += 1;
        }
    }
    n
}

/// Shortens `text` for a message: at most 60 characters, cut at a character boundary, in
/// double quotes. Written straight into the message's `format!`: a `String` of its own per
/// finding was an allocation and a formatting pass more.
pub(crate) fn quote(text: &str) -> Quoted<'_> {
    Quoted(text)
}

/// A text [`quote`]d for a message.
pub(crate) struct Quoted<'a>(&'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const MAX: usize = 60;
        let text = self.0;
        // MAX bytes hold at most MAX characters: most texts need no count
        if text.len() <= MAX || text.chars().count() <= MAX {
            f.write_str("\"")?;
            f.write_str(text)?;
            f.write_str("\"")
        } else {
            let cut = text
                .char_indices()
                .nth(MAX - 1)
                .map_or(text.len(), |(i, _)| i);
            f.write_str("\"")?;
            f.write_str(text[..cut].trim_end())?;
            f.write_str("…\"")
        }
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Running one rule on a text, for the rules' unit tests.
    use crate::config::Settings;
    use crate::document::Document;
    use crate::rules::{Context, Finding, Rule};

    /// The findings of `rule` on `text`.
    pub fn findings(rule: &dyn Rule, text: &str) -> Vec<Finding> {
        let doc = Document::parse(text);
        let settings = Settings::default();
        let ctx = Context::new(&doc, &settings);
        let mut out = Vec::new();
        rule.check(&ctx, &mut out);
        out
    }

    /// The texts of the lines `rule` finds in `text`.
    pub fn found<'t>(rule: &dyn Rule, text: &'t str) -> Vec<&'t str> {
        findings(rule, text)
            .into_iter()
            .map(|f| &text[f.range])
            .collect()
    }

    /// Every line of the corpus's articles and fixtures: junk of every kind and prose.
    pub fn corpus_lines() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut lines = Vec::new();
        for dir in ["articles", "fixtures"] {
            for e in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = e.unwrap().path();
                if path.extension().is_some_and(|x| x == "txt") {
                    let text = std::fs::read_to_string(path).unwrap();
                    lines.extend(
                        text.lines()
                            .map(|l| crate::rules::junk::core(l).to_string()),
                    );
                }
            }
        }
        lines
    }

    /// Runs `check` on every line of the corpus and of `extra` that `pattern` matches, with
    /// the captures; returns how many lines matched. For the rules that read a line's parts
    /// off it by hand, to compare them with what the pattern captures.
    pub fn for_each_match(
        pattern: &str,
        extra: &[&str],
        check: impl Fn(&str, &regex::Captures<'_>),
    ) -> usize {
        let re = regex::Regex::new(pattern).unwrap();
        let lines = corpus_lines();
        let mut n = 0;
        for l in lines
            .iter()
            .map(String::as_str)
            .chain(extra.iter().copied())
        {
            if let Some(c) = re.captures(l) {
                check(l, &c);
                n += 1;
            }
        }
        n
    }

    /// An article whose body holds `block` as a paragraph between two paragraphs of prose.
    pub fn in_body(block: &str) -> String {
        format!("A title for the test\n\nA first paragraph of prose, long enough to be prose.\n\n{block}\n\nThe last paragraph of the article says something.\n")
    }

    /// Asserts that `rule` finds `line` when it sits in an article body.
    pub fn assert_junk(rule: &dyn Rule, line: &str) {
        let text = in_body(line);
        let got = found(rule, &text);
        assert_eq!(
            got,
            vec![line],
            "{} should match {line:?}",
            rule.meta().code
        );
    }

    /// Asserts that `rule` finds nothing in the body line `line`.
    pub fn assert_kept(rule: &dyn Rule, line: &str) {
        let text = in_body(line);
        let got = found(rule, &text);
        assert!(
            got.is_empty(),
            "{} should keep {line:?}, found {got:?}",
            rule.meta().code
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;
    use crate::document::Document;

    #[test]
    fn core_agrees_with_the_plain_trim() {
        let plain = |l: &str| -> String { l.trim_matches(is_decoration).to_string() };
        // every ASCII byte, alone and around a word, and a few non-ASCII edges
        for b in 0u8..0x80 {
            let c = char::from(b);
            for l in [
                format!("{c}"),
                format!("{c}word{c}"),
                format!("{c}word"),
                format!("word{c}"),
                format!("{c}{c}word ."),
            ] {
                assert_eq!(core(&l), plain(&l), "{l:?}");
            }
        }
        for l in [
            "• item",
            "word\u{a0}",
            "\u{2003}x",
            "é",
            "x•",
            "[Share]",
            "🔔 Subscribe",
            "👉🏽 Read more",
            "▶ Watch",
            "Done ✅",
            "",
        ] {
            assert_eq!(core(l), plain(l), "{l:?}");
        }
    }

    #[test]
    fn core_strips_decoration_only() {
        assert_eq!(core("  ### **Share**  "), "Share");
        assert_eq!(core("• Facebook"), "Facebook");
        assert_eq!(core("— AFP"), "— AFP");
    }

    #[test]
    fn wrapped_tails_are_recognised() {
        let doc = Document::parse("T\n\nhe wrote on\nlinkedin and more\nNew sentence\n");
        let settings = Settings::default();
        let ctx = Context::new(&doc, &settings);
        assert!(continues_sentence(&ctx, 3));
        assert!(!continues_sentence(&ctx, 4));
        assert!(!continues_sentence(&ctx, 2));
    }

    /// The hint bits by a plain substring search of every word.
    fn reference_bits(line: &str) -> u8 {
        let lower = line.to_ascii_lowercase();
        HINT_GROUPS
            .iter()
            .filter(|(_, words)| {
                words
                    .iter()
                    .any(|w| lower.contains(&w.to_ascii_lowercase()))
            })
            .fold(0, |bits, (hint, _)| bits | *hint as u8)
    }

    #[test]
    fn the_automaton_finds_what_a_substring_search_finds() {
        // pieces of hint words, their neighbours in case and in bytes, and prose: every
        // concatenation of up to four pieces, so words overlap, nest and cut each other
        let pieces = [
            "su",
            "Sub",
            "scribe",
            "sign",
            " up",
            "SIGN UP",
            "cli",
            "ck",
            "follow",
            " us",
            "join our",
            "JOIN",
            " our",
            "download",
            "share it with",
            "cookie",
            "CooKIE",
            "continuing to",
            "accept",
            "©",
            "ⓒ",
            "(c)",
            "(C",
            ")",
            "copy",
            "right",
            "reserv",
            "RESERVED",
            "vorbehalten",
            "vor",
            "the ",
            "x",
            "\u{a9}",
            "\u{2492}",
            "é",
            "c",
            "s",
            "contributed",
            " | ",
            "\u{2192}",
        ];
        let mut n = 0;
        for a in pieces {
            for b in pieces {
                for c in ["", "co", "ok", "ie", " ", "up"] {
                    for d in pieces.iter().step_by(3) {
                        let line = format!("{a}{b}{c}{d}");
                        assert_eq!(hint_bits(&line), reference_bits(&line), "{line:?}");
                        n += 1;
                    }
                }
            }
        }
        assert!(n > 10_000);
        for line in [
            "We use cookies. By continuing to use this site you accept them.",
            "© 2025 Example Media. All rights reserved.",
            "Subscribe to our newsletter and follow us on X",
            "The minister said the talks would resume on Tuesday.",
        ] {
            assert_eq!(hint_bits(line), reference_bits(line), "{line:?}");
        }
    }

    #[test]
    fn a_line_cut_into_parts_loses_no_word() {
        // every hint word at every position of prose lines of every length up to far past
        // the longest split: a word that straddles two parts must still be found
        let filler = "The minister said the talks would resume on Tuesday, after a week. ";
        let dfa = &*HINTS;
        let mut n = 0;
        for &(hint, words) in &HINT_GROUPS {
            for w in words {
                // lengths around where the number of parts changes, and a few longer ones
                let ov = dfa.overlap;
                let lens = [
                    3 * ov - 1,
                    3 * ov,
                    3 * ov + 1,
                    8 * ov - 1,
                    8 * ov,
                    8 * ov + 1,
                ];
                for len in lens.into_iter().chain([100, 161, 250, 301, 499]) {
                    let pad = len - w.len();
                    for at in 0..=pad {
                        let mut line = String::new();
                        while line.len() < pad {
                            line.push_str(filler);
                        }
                        let mut line = line.into_bytes();
                        line.truncate(pad);
                        line.splice(at..at, w.bytes());
                        let line = String::from_utf8_lossy(&line);
                        let bits = hint_bits(&line);
                        assert!(bits & hint as u8 != 0, "{w:?} at {at} in {line:?}");
                        assert_eq!(u32::from(bits), dfa.walk(line.as_bytes()) >> HINT_SHIFT);
                        n += 1;
                    }
                }
            }
        }
        assert!(n > 20_000, "{n}");
        // and the parts' walks agree with one walk over random lines of hint words
        let pieces = [
            "sub", "scribe", "cookie", " ", "(c)", "©", "»", "x", "é", "reserv", "/",
        ];
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let mut line = String::new();
            let count = next_random(&mut rng) % 200;
            for _ in 0..count {
                line.push_str(pieces[next_random(&mut rng) as usize % pieces.len()]);
            }
            let one = dfa.walk(line.as_bytes()) >> HINT_SHIFT;
            assert_eq!(u32::from(hint_bits(&line)), one, "{line:?}");
            if line.len() >= dfa.overlap {
                assert_eq!(dfa.walk_parts::<2>(line.as_bytes()) >> HINT_SHIFT, one);
                assert_eq!(dfa.walk_parts::<4>(line.as_bytes()) >> HINT_SHIFT, one);
                assert_eq!(dfa.walk_parts::<3>(line.as_bytes()) >> HINT_SHIFT, one);
            }
        }
    }

    #[test]
    fn words_are_counted_alike_in_ascii_and_not() {
        for t in [
            "",
            "  ",
            "one",
            "one two  three",
            "a - b — c",
            "— · 12 %",
            "tab\tand\x0bvertical\x0cfeed\r\nline",
            "(AP) --- x,y",
            "Ünïcode wörds — and 1,2",
        ] {
            let slow = t
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            assert_eq!(word_count(t), slow, "{t:?}");
            for n in 0..=slow + 1 {
                assert_eq!(has_words(t, n), slow >= n, "{t:?} {n}");
            }
        }
    }

    #[test]
    fn hints_are_found_in_any_case_and_next_to_each_other() {
        assert_eq!(hint_bits("SUBSCRIBE now"), Hint::CallToAction as u8);
        assert_eq!(hint_bits("Cookie Policy"), Hint::Cookie as u8);
        assert_eq!(hint_bits("© Example"), Hint::Copyright as u8);
        // words that overlap: "follow us" ends where "subscribe" starts
        assert_eq!(
            hint_bits("join oureserved, follow usubscribe"),
            Hint::CallToAction as u8 | Hint::Copyright as u8
        );
        assert_eq!(hint_bits("Nothing to see"), 0);
    }

    #[test]
    fn the_line_start_set_agrees_with_each_pattern() {
        let patterns: [(Start, &str); Start::COUNT] = [
            (Start::Share, labels::SHARE_PATTERN.as_str()),
            (Start::LabelOnly, navigation::LABEL_ONLY_PATTERN),
            (Start::LabelHeadline, navigation::LABEL_HEADLINE_PATTERN),
            (Start::MoreFrom, navigation::MORE_FROM_PATTERN),
            (Start::Reading, reading::READING_PATTERN),
            (Start::Tags, tags::TAGS_PATTERN),
            (Start::Credit, credit::CREDIT_PATTERN.as_str()),
        ];
        let regexes: Vec<(Start, regex::Regex)> = patterns
            .iter()
            .map(|&(s, p)| (s, regex::Regex::new(p).unwrap()))
            .collect();
        // every line of the corpus (junk of every kind and prose), and a few more
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut text = String::from(
            "Share\nREAD MORE: A headline here\nMore from Sport\n5 min read\nTags: a, b\n\
             (Reporting by Ann Lee; Editing by Bo Park)\nFollow us on X\nSubscribe now\n\
             Facebook Twitter Email\nThe minister said so.\n",
        );
        for dir in ["articles", "fixtures"] {
            for e in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = e.unwrap().path();
                if path.extension().is_some_and(|x| x == "txt") {
                    text.push_str(&std::fs::read_to_string(path).unwrap());
                    text.push('\n');
                }
            }
        }
        let doc = Document::parse(&text);
        let settings = Settings::default();
        let ctx = Context::new(&doc, &settings);
        let mut seen = [0usize; Start::COUNT];
        let mut n = 0;
        short_body_lines(&ctx, STARTS_LONGEST, |l| {
            n += 1;
            for (s, re) in &regexes {
                let asked = l.core.len() <= Start::LONGEST[*s as usize];
                assert_eq!(
                    l.starts(*s),
                    asked && re.is_match(l.core),
                    "{s:?} on {:?}",
                    l.core
                );
                seen[*s as usize] += usize::from(l.starts(*s));
            }
        });
        assert!(n > 300, "{n} lines");
        assert!(
            seen.iter().all(|&k| k > 0),
            "a pattern never matched: {seen:?}"
        );
    }

    /// Whether some line-start pattern matches `line`, and whether the pre-test lets it
    /// through; every pattern that matches must be among the pre-test's candidates.
    fn set_and_pretest(line: &str) -> (bool, bool) {
        let candidates = start_candidates(line, hint_bits(line));
        let mut any = false;
        for (bit, re) in START_REGEXES.iter().enumerate() {
            if re.is_match(line) {
                any = true;
                assert!(
                    candidates & 1 << bit != 0,
                    "the pre-test rules out pattern {bit} on {line:?}"
                );
            }
        }
        (any, candidates != 0)
    }

    #[test]
    fn the_start_pretest_lets_every_alternative_through() {
        // a line for every alternative of every pattern, in odd case and spacing
        for line in [
            "Share",
            "Share or comment on this article",
            "SHARING is caring!",
            "x",
            "Xfacebook",
            "Tweet",
            "FB",
            "e-Mail",
            "Email",
            "mail",
            "Copy the link",
            "Link copied",
            "Print this article",
            "12 comments",
            "Comments",
            "Save for later",
            "Bookmark",
            "Gift this article",
            "Bluesky",
            "Threads",
            "ſhare",
            "\u{17f}ms",
            "Bookmar\u{212a}",
            "« Previous",
            "‹ Next",
            "< Next story",
            "←Back to top",
            "Next",
            "Prev",
            "Read more",
            "Read full story",
            "Also read",
            "Continue reading the main story",
            "Related articles",
            "More stories",
            "Other news",
            "Recommended for you",
            "Similar posts",
            "Latest news",
            "Top stories",
            "Popular now",
            "Trending now",
            "Recent posts",
            "Featured videos",
            "Most read",
            "You may also like",
            "You might be interested in",
            "Editor's picks",
            "Editors pick",
            "Don't miss",
            "Dont miss",
            "More",
            "See also",
            "Up next",
            "In other news",
            "Advertisement",
            "ADVERTISMENT",
            "Advert",
            "Ads",
            "Ad",
            "Sponsored content",
            "Promoted links",
            "Paid partner content",
            "The story continues below advertisement",
            "Story continues below",
            "Article continues after this ad",
            "Content continues below",
            "Scroll down to continue reading",
            "Skip ad",
            "Anzeige",
            "Werbung",
            "Publicidad",
            "Publicité",
            "Pubblicità",
            "Publicidade",
            "Реклама",
            "реклама",
            "Iklan",
            "Reklama",
            "Read more: A headline",
            "Also see: A headline",
            "See also | A headline",
            "Related story: A headline",
            "More: A headline",
            "Also: A headline",
            "Watch video: A headline",
            "Must read - A headline",
            "Up next » A headline",
            "Don't miss... A headline",
            "Recommended: A headline",
            "Trending: A headline",
            "Next story: A headline",
            "Previous article: A headline",
            "More from Sport",
            "more about the vote",
            "Listen to this article",
            "Play the story",
            "Listen now (4 min)",
            "5 min read",
            "12 minutes listen",
            "Estimated reading time: 3 minutes",
            "Reading time 2 min",
            "Read time: 5 minutes",
            "Increase font size",
            "Decrease text size A A",
            "Reset font size",
            "Change text size",
            "Font size A A A",
            "Text size",
            "A a",
            "a+ A",
            "A- A A+",
            "A\tA",
            "Tempo de leitura: 2 minutos",
            "Tiempo de lectura: 3",
            "Temps de lecture : 4 min",
            "Lesezeit: 5 Minuten",
            "Lesedauer 5",
            "Tags: a, b",
            "Tag",
            "Tagged with: a",
            "Topics: x",
            "Topic",
            "Related topics: a",
            "Related tags",
            "Filed under: a",
            "Category: a",
            "Categories",
            "Keywords: a",
            "Keyword",
            "Posted in: a",
            "(With inputs from agencies)",
            "( with additional input from PTI)",
            "With inputs from Reuters and PTI.",
            "(Reporting by Ann Lee; Editing by Bo Park)",
            "Additional reporting by Ann Lee; writing by Bo Park",
            "Reporting by Ann Lee; Editing by Bo Park",
            "— Reuters",
            "–AFP",
            "-- PTI",
            "(AFP)",
            "(PTI/Reuters)",
            "Source: Reuters",
            "Sources: AP and AFP",
            "Inputs: PTI",
            "Ann Lee contributed reporting.",
            "Émile Roux and Bo Park contributed to this report",
            "O'Neil contributed reporting from Lagos",
            "Ann\u{a0}Lee contributed reporting.",
        ] {
            let (set, pretest) = set_and_pretest(line);
            assert!(set, "{line:?} should match a pattern");
            assert!(pretest, "the pre-test rules out {line:?}");
        }
        // prose the pre-test rules out
        for line in [
            "The minister said so.",
            "He added that the vote was close.",
            "In a statement, the council said it would appeal.",
            "\u{201c}We are ready,\u{201d} she said.",
            "After the vote, the mayor resigned.",
            "",
        ] {
            assert_eq!(set_and_pretest(line), (false, false), "{line:?}");
        }
    }

    /// A deterministic pseudo-random sequence (xorshift).
    fn next_random(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    #[test]
    fn the_start_pretest_never_rules_out_a_line_the_set_matches() {
        // Lines made of the patterns' own words (every run of letters in their sources),
        // digits, separators and odd characters, in random case: wherever the set matches
        // one, the pre-test must let it through.
        let sources = line_start_patterns();
        let mut vocab: Vec<String> = Vec::new();
        for src in sources {
            for w in src.split(|c: char| !c.is_alphabetic() && c != '\'') {
                if !w.is_empty() && !vocab.iter().any(|v| v == w) {
                    vocab.push(w.to_string());
                }
            }
        }
        for extra in [
            "12", "5", "«", "<", "(", ")", "-", "—", ":", "|", "…", "...", "»", "ſ", "\u{212a}",
            "Ann", "É", "a+", "a-", "\u{201c}", ".", "/", "&", "PTI", "Reuters",
        ] {
            vocab.push(extra.to_string());
        }
        let seps = [" ", "  ", "", ": ", " | ", "\u{a0}", "\t", ", ", " - "];
        let mut rng = 0x9e37_79b9_7f4a_7c15u64;
        let (mut matched, mut lines) = (0, 0);
        let mut line = String::new();
        let check = |line: &str| {
            let (set, pretest) = set_and_pretest(line);
            assert!(!set || pretest, "the pre-test rules out {line:?}");
            usize::from(set)
        };
        // every pair of words, then random runs of up to five
        for a in &vocab {
            for b in &vocab {
                line.clear();
                line.push_str(a);
                line.push(' ');
                line.push_str(b);
                matched += check(&line);
                lines += 1;
            }
        }
        for _ in 0..60_000 {
            line.clear();
            let words = 1 + next_random(&mut rng) % 5;
            for k in 0..words {
                if k > 0 {
                    line.push_str(seps[next_random(&mut rng) as usize % seps.len()]);
                }
                let w = &vocab[next_random(&mut rng) as usize % vocab.len()];
                match next_random(&mut rng) % 3 {
                    0 => line.push_str(w),
                    1 => line.push_str(&w.to_uppercase()),
                    _ => {
                        let mut c = w.chars();
                        line.extend(c.next().map(|f| f.to_ascii_uppercase()));
                        line.push_str(c.as_str());
                    }
                }
            }
            matched += check(&line);
            lines += 1;
        }
        assert!(matched > 1000, "{matched} of {lines} lines matched");
    }

    #[test]
    fn quote_shortens_long_text() {
        assert_eq!(quote("Share").to_string(), "\"Share\"");
        let long = "word ".repeat(30);
        assert_eq!(
            quote(&long).to_string(),
            format!("\"{}…\"", long[..59].trim_end())
        );
        // 60 characters of two bytes each stay whole; 61 are cut to 59
        let wide = "é".repeat(60);
        assert_eq!(quote(&wide).to_string(), format!("\"{wide}\""));
        let wider = "é".repeat(61);
        assert_eq!(
            quote(&wider).to_string(),
            format!("\"{}…\"", "é".repeat(59))
        );
    }
}
