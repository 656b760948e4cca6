//! J010 byline-timestamp: a line that is only a byline and/or a date or time.
//!
//! Article templates print the author and the publication time on lines of their own
//! (`By Jane Doe | Updated: 12 March 2025, 10:42 IST`). The rule reads the line token by
//! token: every token must be part of a name after "By", a date or time word (months,
//! weekdays, numbers, clock times, time zones, "ago"), or a fixed label such as "Updated:".
//! One word of prose ("By the end of the year ...") is enough to keep the line.

use crate::rules::junk::{quote, short_body_lines};
use crate::rules::words::WordTable;
use crate::rules::{Action, Context, Finding, Rule, RuleMeta};

pub struct BylineTimestamp;

static META: RuleMeta = RuleMeta {
    code: "J010",
    name: "byline-timestamp",
    action: Action::DropLine,
    default_enabled: true,
    explanation: "\
## What it does
Drops a line that holds nothing but a byline and/or a date or time: `By Jane Doe`, \
`By Jane Doe | Updated: 12 March 2025, 10:42 IST`, `Published 3 hours ago`, \
`Updated: Mar 12, 2025 10:42 am ET`, `Written by Jane Doe | Edited by Tom Weir` (a byline \
and production credits), `By Harbour Times staff` and `By Jane Doe, Chief Reporter` (a \
byline naming a role or a team), `Last modified on Tue 3 Mar 2026 10.12 GMT` (a time \
with a point only before a zone), `2 hours ago`, a name followed by separated parts that \
are a role, a source or a date, one of them a date (`Sneha Rao | TNN | Updated: Mar 4, \
2026`, `Ingrid Solheim · Science correspondent · 6 March 2026`; two names joined by `and`, \
and a reading time in place of the date: `Tom Reyes and Lina Bakker · 2 hours ago`, \
`Priya Venn · 4 min read`), a name after a writer's label (`Reporter: Jane Doe`), more \
writers and a posting time after separators (`By Tom Hale · Ana Ruiz · 14:05`), a news \
agency's name alone on a line (`PTI`, `Reuters`) right next to such a line, and a writer's \
role alone on a line (`Chief Football Writer`: two to five capitalised words ending in a \
role word) right next to a byline. The date words, labels and byline words \
of French, Spanish, German, Italian and Portuguese count too (`Par Jean Dupont, le 3 mars \
2026 à 10h12`, `Aktualisiert: 03.03.2026, 10:12 Uhr`, `Hace 2 horas`).

## Why
Bylines and timestamps are page metadata; kept in the body they break the article's first \
paragraph. Every word of the line must be a name after `By`, a date or time word, or a label \
such as `Updated:`; a line with any other word (\"By the end of the year, ...\") is prose and \
stays. A date alone needs a day, a clock time or \"ago\" to count, so a bare year stays.

## Example
```text
By Maria Lopez | Updated: 4 June 2025, 09:15 CET
```
The line is dropped.
",
};

const MAX_LEN: usize = 160;

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
    // French, Spanish, German, Italian and Portuguese ("3 mars 2026", "3. März 2026")
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre", "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre", "januar",
    "jänner", "februar", "märz", "juni", "juli", "oktober", "dezember", "gennaio", "febbraio",
    "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre", "janeiro",
    "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
];
#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes",
    "miércoles", "jueves", "viernes", "sábado", "domingo", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag", "lunedì", "martedì", "mercoledì", "giovedì",
    "venerdì", "sabato", "domenica",
];
#[rustfmt::skip]
const ZONES: &[&str] = &[
    "ist", "et", "est", "edt", "pt", "pst", "pdt", "ct", "cst", "cdt", "mt", "mst", "mdt", "gmt",
    "utc", "bst", "cet", "cest", "eet", "eest", "aest", "aedt", "jst", "kst", "sgt", "hkt", "wib",
    "msk", "sast", "wat", "eat",
];
/// Words of timestamp labels and relative times.
const LABELS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "modified",
    "date",
    "dated",
    "written",
    "reported",
    "publié",
    "publiée",
    "actualisé",
    "actualizado",
    "publicado",
    "actualizada",
    "publicada",
    "aktualisiert",
    "veröffentlicht",
    "aggiornato",
    "pubblicato",
    "atualizado",
    "stand",
];
/// Words of relative times and of dates written out ("the 3rd of March"), and separators.
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "last", "first", "on", "at", "ago", "hours", "hour", "hrs", "hr", "minutes", "minute", "mins",
    "min", "seconds", "days", "day", "weeks", "week", "months", "month", "yesterday", "today",
    "just", "now", "a", "an", "am", "pm", "a.m", "p.m", "of", "the", "|", "-", "–", "—", "·", "•",
    "/",
    // the same in other languages: "mis à jour le ... à", "el ... de", "am ... um ... Uhr"
    "le", "mis", "à", "jour", "il", "y", "el", "de", "del", "horas", "um", "uhr", "stunden",
    "alle", "ore", "em", "às",
];
/// The word that makes a count a time before now: "2 hours ago", and the word before the
/// count in German, Spanish and Portuguese ("vor 2 Stunden", "hace 2 horas", "há 2 horas").
const AGO_WORDS: &[&str] = &["ago", "vor", "hace", "há"];
/// News agencies, whose name alone on a line is a credit when a date line is next to it.
#[rustfmt::skip]
const AGENCIES: &[&str] = &[
    "pti", "reuters", "ap", "afp", "ians", "ani", "dpa", "bloomberg", "xinhua", "uni", "efe",
    "ansa", "tass", "anadolu", "associated press", "press trust of india", "agence france-presse",
    "bernama", "yonhap",
];
/// Lower-case words that may sit inside a name.
#[rustfmt::skip]
const NAME_LINKS: &[&str] = &[
    "and", "&", "de", "da", "do", "dos", "van", "von", "der", "den", "del", "la", "le", "al", "bin",
    "y", "e",
];

const MONTH: u8 = 1;
const WEEKDAY: u8 = 2;
const ZONE: u8 = 4;
const LABEL: u8 = 8;
const TIME_WORD: u8 = 16;
const AGENCY: u8 = 32;
const NAME_LINK: u8 = 64;
const AGO: u8 = 128;

/// Every list above, for [`is_in`]: `classify` asks of every word of a candidate line which
/// lists hold it.
static WORDS: WordTable<1024> = WordTable::new(&[
    (MONTHS, MONTH),
    (WEEKDAYS, WEEKDAY),
    (ZONES, ZONE),
    (LABELS, LABEL),
    (TIME_WORDS, TIME_WORD),
    (AGENCIES, AGENCY),
    (NAME_LINKS, NAME_LINK),
    (AGO_WORDS, AGO),
]);

/// Whether `word` is in the list of `class`, ignoring ASCII case.
fn is_in(class: u8, word: &str) -> bool {
    WORDS.get_ignore_case(word) & class != 0
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// A numeric date (12/03/2025) or "ago": enough on its own.
    Strong,
    /// A clock time: enough only with a date or a label ("4:14 p.m." alone is a live-blog
    /// entry's time, part of the article).
    Clock,
    /// "Published", "Updated", "Posted", ...
    Label,
    Month,
    /// A number that can be a day of the month (1-31, "3rd").
    Day,
    /// Any other short number (a year).
    Number,
    /// A weekday, zone, label word or separator: allowed, proves nothing.
    Weak,
    Agency,
    Other,
}

fn trim_token(t: &str) -> &str {
    let trimmed = |b: u8| {
        matches!(
            b,
            b',' | b';' | b'(' | b')' | b'[' | b']' | b':' | b'"' | b'\''
        )
    };
    // Most tokens neither start nor end with one of these: then nothing is trimmed. They are
    // all ASCII, and no byte of a longer character is ASCII, so the bytes tell.
    match t.as_bytes() {
        [first, .., last] | [first @ last] if !trimmed(*first) && !trimmed(*last) => t,
        _ => t.trim_matches(|c: char| {
            matches!(c, ',' | ';' | '(' | ')' | '[' | ']' | ':' | '"' | '\'')
        }),
    }
}

/// The line's first whitespace-separated token, as `split_whitespace` gives it.
fn first_token(line: &str) -> Option<&str> {
    // ASCII up to the token's end: bytes decide; anything else goes the character way
    let b = line.as_bytes();
    let is_space = |c: u8| matches!(c, b' ' | b'\t'..=b'\r');
    let start = b.iter().position(|&c| !is_space(c))?;
    let mut end = start;
    while end < b.len() && !is_space(b[end]) {
        if !b[end].is_ascii() {
            return line.split_whitespace().next();
        }
        end += 1;
    }
    Some(&line[start..end])
}

fn classify(raw: &str) -> Tok {
    let t = trim_token(raw);
    if t.is_empty() {
        return Tok::Weak;
    }
    let w = t.trim_end_matches('.');
    let b = w.as_bytes();
    if !b.is_empty() && b.len() <= 4 && b.iter().all(u8::is_ascii_digit) {
        return match w.parse::<u16>() {
            Ok(1..=31) if b.len() <= 2 => Tok::Day,
            _ => Tok::Number,
        };
    }
    // 3rd, 21st
    if b.len() <= 4
        && b.first().is_some_and(u8::is_ascii_digit)
        && ["st", "nd", "rd", "th"].iter().any(|s| w.ends_with(s))
    {
        return Tok::Day;
    }
    // dates and clock times hold digits; most words do not
    if b.iter().any(u8::is_ascii_digit) {
        if is_numeric_date(w) {
            return Tok::Strong;
        }
        if is_clock(w, false) {
            return Tok::Clock;
        }
    }
    let bits = WORDS.get_ignore_case(w);
    if bits & LABEL != 0 {
        return Tok::Label;
    }
    if bits & AGO != 0 {
        return Tok::Strong;
    }
    if bits & MONTH != 0 {
        return Tok::Month;
    }
    if bits & (WEEKDAY | ZONE | TIME_WORD) != 0 || (t != w && is_in(TIME_WORD, t)) {
        return Tok::Weak;
    }
    // GMT+5:30, UTC+1
    if b.len() > 4
        && (b[..3].eq_ignore_ascii_case(b"gmt") || b[..3].eq_ignore_ascii_case(b"utc"))
        && matches!(b[3], b'+' | b'-')
        && b[4..].iter().all(|c| c.is_ascii_digit() || *c == b':')
    {
        return Tok::Weak;
    }
    if bits & AGENCY != 0 {
        return Tok::Agency;
    }
    Tok::Other
}

/// 12/03/2025, 2025-03-12, 12.03.25
fn is_numeric_date(w: &str) -> bool {
    let mut parts = [""; 3];
    let mut n = 0;
    for p in w.split(['/', '-', '.']) {
        if n == 3 {
            return false;
        }
        parts[n] = p;
        n += 1;
    }
    let num = |p: &str, lens: &[usize], max: u16| {
        lens.contains(&p.len())
            && p.bytes().all(|c| c.is_ascii_digit())
            && p.parse::<u16>().is_ok_and(|v| v <= max)
    };
    // 2025-03-12, or 12/03/2025 and 03/12/25 (day and month either way round); not a phone
    // number such as 02-751-1500
    n == 3
        && ((num(parts[0], &[4], 2100) && num(parts[1], &[1, 2], 12) && num(parts[2], &[1, 2], 31))
            || (num(parts[0], &[1, 2], 31)
                && num(parts[1], &[1, 2], 31)
                && num(parts[2], &[2, 4], 2100)))
}

/// Strips a case-insensitive ASCII suffix.
fn strip_suffix_ci<'a>(w: &'a str, suffix: &str) -> Option<&'a str> {
    let n = w.len().checked_sub(suffix.len())?;
    (w.is_char_boundary(n) && w[n..].eq_ignore_ascii_case(suffix)).then(|| &w[..n])
}

/// 10:42, 10:42am, 4.10pm, 20h15, 10am; and 10.42 when `dot` (a point alone is a decimal
/// number unless a zone follows, as in `10.42 GMT`).
fn is_clock(w: &str, dot: bool) -> bool {
    let (core, meridiem) = match ["am", "pm", "a.m", "p.m"]
        .iter()
        .find_map(|s| strip_suffix_ci(w, s))
    {
        Some(c) => (c.trim_end_matches(['.', ' ']), true),
        None => (w, false),
    };
    let b = core.as_bytes();
    let Some(sep) = b.iter().position(|c| matches!(c, b':' | b'h' | b'.')) else {
        return meridiem && (1..=2).contains(&b.len()) && b.iter().all(u8::is_ascii_digit);
    };
    let (h, m) = (&b[..sep], &b[sep + 1..]);
    let m = m.split(|c| *c == b':').next().unwrap_or(&[]);
    (1..=2).contains(&h.len())
        && h.iter().all(u8::is_ascii_digit)
        && m.len() == 2
        && m.iter().all(u8::is_ascii_digit)
        && core[..sep].parse::<u8>().is_ok_and(|h| h < 24)
        && (b[sep] != b'.' || meridiem || dot)
}

/// Whether `tokens` (all of them) form a date/time: known words only and some day-precise
/// evidence. Returns `None` for prose.
fn date_tokens(tokens: &[&str]) -> Option<bool> {
    let (mut strong, mut clock, mut label, mut day) = (false, false, false, false);
    let mut dates = 0;
    for (k, t) in tokens.iter().enumerate() {
        let mut tok = classify(t);
        if tok == Tok::Other
            && tokens
                .get(k + 1)
                .is_some_and(|z| is_in(ZONE, trim_token(z)))
            && is_clock(trim_token(t), true)
        {
            tok = Tok::Clock;
        }
        match tok {
            Tok::Strong => {
                strong = true;
                dates += 1;
            }
            Tok::Clock => clock = true,
            Tok::Label => label = true,
            Tok::Month => dates += 1,
            Tok::Day => day = true,
            Tok::Number | Tok::Weak | Tok::Agency => {}
            Tok::Other => return None,
        }
    }
    let dated = strong || (dates > 0 && day);
    // two dates without a label are a date range (an event's dates), part of the article
    if dates > 1 && !label {
        return Some(false);
    }
    Some(dated || (clock && label))
}

fn name_token(t: &str) -> bool {
    let t = t.trim_end_matches([',', ';']);
    if t.is_empty() {
        return true;
    }
    if is_in(NAME_LINK, t) {
        return true;
    }
    let mut chars = t.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
}

/// What a line is made of.
#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Byline,
    Date,
    BylineDate,
    Agency,
    /// A writer's role alone (`Chief Football Writer`): page metadata next to a byline.
    Role,
}

const MAX_TOKENS: usize = 24;

/// Whether the line's first token is neither a date word nor "By".
/// Whether `bytes` holds an ASCII digit: eight bytes at a time, without a branch per byte,
/// since most lines hold none and are read to the end.
fn has_ascii_digit(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::MAX / 255;
    let chunks = bytes.chunks_exact(8);
    let rest = chunks.remainder();
    let found = chunks.fold(0, |found, c| {
        let x = u64::from_le_bytes(c.try_into().unwrap_or_default());
        // The high bit of each byte of `x` that lies strictly between b'/' and b':' (the
        // classic "has between" test: with the high bits cleared first, no byte's sum
        // carries into its neighbour, and `!x` rules out bytes of 0x80 and above)
        let low = x & (ONES * 127);
        found
            | ((ONES * (127 + u64::from(b':'))).wrapping_sub(low)
                & !x
                & (low + ONES * (127 - u64::from(b'/')))
                & (ONES * 128))
    });
    found != 0 || rest.iter().any(u8::is_ascii_digit)
}

/// `By`, also with a colon (`By:`, `Written By:`).
/// `By` and its `By:` form, and the same word in German, Spanish and French (`Von`, `Por`,
/// `Par`).
fn is_by(token: &str) -> bool {
    let t = token.strip_suffix(':').unwrap_or(token);
    ["by", "von", "por", "par"]
        .iter()
        .any(|b| t.eq_ignore_ascii_case(b))
}

fn starts_as_prose(line: &str) -> bool {
    first_token(line).is_some_and(|first| classify(first) == Tok::Other && !is_by(first))
}

/// The whitespace-separated tokens of `text` in `buf`, or `None` for more than
/// [`MAX_TOKENS`]: no allocation, as a timestamp line has few tokens.
fn split_tokens<'a, 'b>(
    text: &'a str,
    buf: &'b mut [&'a str; MAX_TOKENS],
) -> Option<&'b [&'a str]> {
    let mut n = 0;
    for t in text.split_whitespace() {
        *buf.get_mut(n)? = t;
        n += 1;
    }
    Some(&buf[..n])
}

/// The longest [`separated_byline`]: a name, a role or a source, and a date.
const SEPARATED_MAX_LEN: usize = 100;

/// Whether `line` is short enough for a [`separated_byline`] and holds a byte of the
/// separators it needs (`|`, and the last byte of `·` and of `•`): a cheap guard, true for
/// some other lines too.
fn may_separate(line: &str) -> bool {
    line.len() <= SEPARATED_MAX_LEN && memchr::memchr3(b'|', 0xb7, 0xa2, line.as_bytes()).is_some()
}

/// Last words of a writer's role (`Science correspondent`, `Senior Staff Writer`).
const ROLE_WORDS: &[&str] = &[
    "correspondent",
    "reporter",
    "writer",
    "editor",
    "journalist",
    "columnist",
    "contributor",
    "analyst",
    "desk",
    "bureau",
];

/// Whether `name` is a person's name of two to four capitalised words, with no particle or
/// date word only.
fn plain_name(name: &str) -> bool {
    let words = name.split_whitespace().count();
    (2..=4).contains(&words)
        && name
            .split_whitespace()
            .all(|t| name_token(t) && !is_in(NAME_LINK, t))
        && name.split_whitespace().any(|t| classify(t) == Tok::Other)
}

/// `4 min read`, `6 minute read`: a reading time, which follows a byline as a date does.
fn is_reading_time(toks: &[&str]) -> bool {
    matches!(toks, [n, unit, read]
        if n.bytes().all(|b| b.is_ascii_digit())
            && ["min", "mins", "minute", "minutes"].iter().any(|u| unit.eq_ignore_ascii_case(u))
            && read.eq_ignore_ascii_case("read"))
}

/// A byline without "By": a name (or two joined by `and`), then, after each separator (`|`,
/// `·`, `•`), a date, a reading time, a writer's role or a source of one to three
/// capitalised words, and at least one date or reading time (`Sneha Rao | TNN | Updated:
/// Mar 4, 2026, 09:17 IST`, `Ingrid Solheim · Science correspondent · 6 March 2026`,
/// `Tom Reyes and Lina Bakker · 2 hours ago`, `Dr Priya Venn · 4 min read`). No sentence is
/// cut into such parts.
fn separated_byline(line: &str) -> Option<Kind> {
    let mut parts = line.split(['|', '·', '•']).map(str::trim);
    let names = parts.next()?;
    let (one, two) = match names
        .split_once(" and ")
        .or_else(|| names.split_once(" & "))
    {
        Some((a, b)) => (a, Some(b)),
        None => (names, None),
    };
    if !plain_name(one) || two.is_some_and(|b| !plain_name(b)) {
        return None;
    }
    let mut dated = false;
    for part in parts {
        let mut buf = [""; MAX_TOKENS];
        let toks = split_tokens(part, &mut buf)?;
        let n = toks.len();
        let role = (1..=4).contains(&n)
            && toks.iter().all(|t| t.chars().all(char::is_alphabetic))
            && ROLE_WORDS
                .iter()
                .any(|r| toks[n - 1].eq_ignore_ascii_case(r));
        let source = (1..=3).contains(&n)
            && toks
                .iter()
                .all(|t| name_token(t) && classify(t) == Tok::Other && !is_in(NAME_LINK, t));
        if role || source {
            continue;
        }
        if is_reading_time(toks) {
            dated = true;
            continue;
        }
        match date_tokens(toks) {
            Some(true) => dated = true,
            _ => return None,
        }
    }
    dated.then_some(Kind::BylineDate)
}

/// Whether `line` (a line's core) is a byline, with or without a date, as this rule finds
/// it (`By Jane Doe`, `Jane Doe · 4 min read`).
pub(crate) fn is_byline(line: &str) -> bool {
    matches!(analyse(line), Some(Kind::Byline | Kind::BylineDate))
}

/// Whether `line` (a line's core) is a byline or a date alone, which this rule drops
/// wherever it stands in the body (`By Jane Doe`, `November 20, 2019 / 1:07 AM`).
pub(crate) fn is_byline_or_date(line: &str) -> bool {
    matches!(
        analyse(line),
        Some(Kind::Byline | Kind::BylineDate | Kind::Date)
    )
}

fn analyse(line: &str) -> Option<Kind> {
    // "(Published Monday, ...)" in brackets is an editor's note inside the article
    if line.ends_with(['?', '!']) || line.starts_with('(') && line.ends_with(')') {
        return None;
    }
    // Prose starts with a word that is no date word and no "By": then neither the date test
    // nor the byline test (which reads the tokens before "By" as a date) can pass, and only
    // the agency test below and a byline without "By" are left; tokenising the whole line
    // first was most of the cost.
    if starts_as_prose(line) {
        if may_separate(line) {
            if let Some(k) = separated_byline(line) {
                return Some(k);
            }
        }
        if labelled_byline(line) {
            return Some(Kind::Byline);
        }
        if is_role_line(line) {
            return Some(Kind::Role);
        }
        let few = line.split_whitespace().nth(4).is_none();
        return (few && is_in(AGENCY, line.trim_end_matches('.'))).then_some(Kind::Agency);
    }
    let mut buf = [""; MAX_TOKENS];
    let tokens = split_tokens(line, &mut buf)?;
    let n = tokens.len();
    if n == 0 {
        return None;
    }
    if n <= 4 && is_in(AGENCY, line.trim_end_matches('.')) {
        return Some(Kind::Agency);
    }
    if tokens.iter().filter(|t| is_by(t)).count() >= 2 {
        return credits(tokens);
    }
    analyse_tokens(tokens)
}

/// The labels a byline may open with instead of "By" (`Reporter: Jane Doe`).
const BYLINE_LABELS: &[&str] = &["reporter", "author", "writer", "words", "text", "byline"];

/// `Reporter: Jane Doe`, `Author: Jane Doe`: a writer's label with its colon, then a name
/// and nothing else.
fn labelled_byline(line: &str) -> bool {
    // the label is the first token, read without a search of the whole line for a colon
    let Some(label) = first_token(line).and_then(|t| t.strip_suffix(':')) else {
        return false;
    };
    BYLINE_LABELS.iter().any(|l| label.eq_ignore_ascii_case(l))
        && line
            .split_once(':')
            .is_some_and(|(_, name)| plain_name(name))
}

/// Words that name a production credit before "by" (`Edited by ...`) after a first byline.
const CREDIT_WORDS: &[&str] = &[
    "edited",
    "produced",
    "reviewed",
    "photos",
    "photographs",
    "pictures",
    "video",
    "graphics",
    "illustrations",
    "compiled",
];

fn is_credit_word(t: &str) -> bool {
    CREDIT_WORDS.iter().any(|c| t.eq_ignore_ascii_case(c))
}

/// A line of two bylines or more (`Written by Jane Doe | Edited by Tom Weir`, `Reported by
/// Ana Silva; Edited by Tom Weir`): each part, split before "By", a date label or a credit
/// word that follows a separator or a comma, must be a byline or a date, and the parts after
/// the first may be production credits.
fn credits(tokens: &[&str]) -> Option<Kind> {
    let is_separator = |t: &str| matches!(t, "|" | "·" | "•" | "/" | "-" | "–" | "—");
    let starts_part = |k: usize| {
        let prev = tokens[k - 1];
        let after_break = is_separator(prev) || prev.ends_with([',', ';', '.']);
        let t = tokens[k].trim_end_matches(':');
        after_break
            && (is_by(t)
                || is_in(LABEL, t)
                || (tokens.get(k + 1).is_some_and(|b| is_by(b)) && is_credit_word(t)))
    };
    let mut kinds = Vec::new();
    let mut from = 0;
    for k in 1..=tokens.len() {
        if k < tokens.len() && !starts_part(k) {
            continue;
        }
        let mut part = &tokens[from..k];
        while let [rest @ .., last] = part {
            if !is_separator(last) {
                break;
            }
            part = rest;
        }
        let credit = match part {
            [word, by, name @ ..] if is_by(by) && !name.is_empty() && from > 0 => {
                is_credit_word(word)
                    && name.iter().all(|t| name_token(t))
                    && name
                        .iter()
                        .any(|t| classify(t) == Tok::Other && !is_in(NAME_LINK, t))
            }
            _ => false,
        };
        kinds.push(if credit {
            Kind::Byline
        } else {
            analyse_tokens(part)?
        });
        from = k;
    }
    if kinds.contains(&Kind::Agency) {
        return None;
    }
    Some(if kinds.iter().all(|k| *k == Kind::Byline) {
        Kind::Byline
    } else {
        Kind::BylineDate
    })
}

/// [`analyse`] of a line's tokens, past the checks of the line as a whole.
fn analyse_tokens(tokens: &[&str]) -> Option<Kind> {
    let Some(b) = tokens.iter().position(|t| is_by(t)) else {
        return match date_tokens(tokens) {
            Some(true) => Some(Kind::Date),
            _ => None,
        };
    };
    // only a label or a date before "By" ("Published 3 hours ago by ...")
    let has_date = if b == 0 || (b == 1 && tokens[0].eq_ignore_ascii_case("written")) {
        false
    } else {
        date_tokens(&tokens[..b])?
    };
    let rest = &tokens[b + 1..];
    // `Von der Leyen` is a name, not a byline: after the byline word of another language a
    // first name follows, never a particle
    let english = tokens[b]
        .get(..2)
        .is_some_and(|w| w.eq_ignore_ascii_case("by"));
    if !english && rest.first().is_none_or(|t| is_in(NAME_LINK, t)) {
        return None;
    }
    // the name runs up to a split point after which everything is a date
    for k in 1..=rest.len().min(10) {
        let name = &rest[..k];
        if !name.iter().all(|t| name_token(t)) {
            break;
        }
        let last = name[k - 1].trim_end_matches([',', ';']);
        // "By Monday", "By March": date words are not a name
        if is_in(NAME_LINK, last)
            || name
                .iter()
                .all(|t| classify(t) != Tok::Other || is_in(NAME_LINK, t))
        {
            continue;
        }
        // more writers after separators (`By Tom Hale · Ana Ruiz · 14:05`)
        let after = further_names(&rest[k..]);
        if after.is_empty() {
            return Some(if has_date {
                Kind::BylineDate
            } else {
                Kind::Byline
            });
        }
        match date_tokens(after) {
            Some(true) => return Some(Kind::BylineDate),
            Some(false) if has_date || separated_clock(after) => return Some(Kind::BylineDate),
            _ => {}
        }
        if is_role(after) {
            return Some(if has_date {
                Kind::BylineDate
            } else {
                Kind::Byline
            });
        }
    }
    None
}

/// Whether `line` is a writer's role alone: two to five capitalised words ending in a role
/// word (`Chief Football Writer`, `Senior Political Correspondent`).
fn is_role_line(line: &str) -> bool {
    // a short line that ends in a letter, then its last word: few lines end in a role word
    if line.len() > 64 || !line.as_bytes().last().is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let Some(last) = line.rsplit(' ').next() else {
        return false;
    };
    let last = last.strip_suffix('s').unwrap_or(last);
    if !last.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        || !ROLE_WORDS.iter().any(|r| last.eq_ignore_ascii_case(r))
    {
        return false;
    }
    let words = line.split(' ').count();
    (2..=5).contains(&words)
        && line.split(' ').all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        })
}

/// Whether `t` separates the parts of a byline line.
fn is_part_separator(t: &str) -> bool {
    matches!(t, "|" | "·" | "•")
}

/// `tokens` after the names of further writers, each after a separator (`· Ana Ruiz`): two
/// to six words, capitalised but for particles inside (`Ana Ruiz de la Vega`), one of them no
/// date word, up to the next separator or the end.
fn further_names<'a, 'b>(mut tokens: &'a [&'b str]) -> &'a [&'b str] {
    while tokens.first().is_some_and(|t| is_part_separator(t)) {
        let end = tokens[1..]
            .iter()
            .position(|t| is_part_separator(t))
            .map_or(tokens.len(), |p| p + 1);
        let name = &tokens[1..end];
        let is_name = (2..=6).contains(&name.len())
            && name.iter().all(|t| name_token(t))
            && !is_in(NAME_LINK, name[0])
            && !is_in(NAME_LINK, name[name.len() - 1])
            && name.iter().any(|t| classify(t) == Tok::Other);
        if !is_name {
            break;
        }
        tokens = &tokens[end..];
    }
    tokens
}

/// Whether `tokens` (after a byline's name) are a clock time after a separator, with its
/// zone (`· 14:05`, `| 10:42 IST`): the time the story was posted.
fn separated_clock(tokens: &[&str]) -> bool {
    match tokens {
        [sep, clock] => is_part_separator(sep) && classify(clock) == Tok::Clock,
        [sep, clock, zone] => {
            is_part_separator(sep) && classify(clock) == Tok::Clock && is_in(ZONE, trim_token(zone))
        }
        _ => false,
    }
}

/// Whether `tokens` (after a byline's name) are the writer's role or team: at most five
/// words of letters and digits ending in a role word (`Chief Sports Reporter`, `staff`,
/// `KVRN 7 Digital Team`).
fn is_role(tokens: &[&str]) -> bool {
    fn word<'a>(t: &&'a str) -> &'a str {
        t.trim_end_matches([',', '.'])
    }
    let Some(last) = tokens.last().map(word) else {
        return false;
    };
    let last = last.strip_suffix('s').unwrap_or(last);
    tokens.len() <= 5
        && tokens
            .iter()
            .all(|t| !word(t).is_empty() && word(t).chars().all(char::is_alphanumeric))
        && ROLE_WORDS
            .iter()
            .chain(&["staff", "team"])
            .any(|r| last.eq_ignore_ascii_case(r))
}

impl Rule for BylineTimestamp {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let doc = ctx.doc;
        // (line index, kind) of every candidate, in order
        let mut found: Vec<(usize, Kind)> = Vec::new();
        short_body_lines(ctx, MAX_LEN, |l| {
            let (i, core) = (l.index, l.core);
            // Most prose starts with a word that is no date word and no "By": `analyse` can
            // then find only an agency's name alone on the line, so the lookup of the line
            // as that name comes first, before the scans below.
            if starts_as_prose(core)
                && !is_in(AGENCY, core.trim_end_matches('.'))
                && !may_separate(core)
                && !labelled_byline(core)
                && !is_role_line(core)
            {
                return;
            }
            // cheap guard: a date has a digit or "ago", a byline has "by", an agency name is
            // short
            let plausible = core.len() <= 40
                || has_ascii_digit(core.as_bytes())
                || ["ago", "By ", "by ", "BY "]
                    .iter()
                    .any(|w| core.contains(w));
            if plausible {
                if let Some(k) = analyse(core) {
                    found.push((i, k));
                }
            }
        });
        let body: Vec<usize> = doc.body_lines().collect();
        // `found` and `body` are in line order
        let is_dated = |line: usize| {
            found
                .binary_search_by_key(&line, |(i, _)| *i)
                .is_ok_and(|k| !matches!(found[k].1, Kind::Agency | Kind::Role))
        };
        let is_byline = |line: usize| {
            found
                .binary_search_by_key(&line, |(i, _)| *i)
                .is_ok_and(|k| matches!(found[k].1, Kind::Byline | Kind::BylineDate))
        };
        for (i, kind) in &found {
            let core = crate::rules::junk::core(doc.line_text(*i));
            let msg = match kind {
                Kind::Byline => format!("byline only: {}", quote(core)),
                Kind::Date => format!("date/time only: {}", quote(core)),
                Kind::BylineDate => format!("byline and date/time only: {}", quote(core)),
                Kind::Agency | Kind::Role => {
                    let pos = body.binary_search(i).unwrap_or(0);
                    let prev = pos.checked_sub(1).map(|p| body[p]);
                    let next = body.get(pos + 1).copied();
                    let (next_to, what, neighbour): (&dyn Fn(usize) -> bool, _, _) =
                        if *kind == Kind::Agency {
                            (&is_dated, "news agency name", "date")
                        } else {
                            (&is_byline, "writer's role", "byline")
                        };
                    let Some(n) = prev
                        .filter(|&p| next_to(p))
                        .or(next.filter(|&n| next_to(n)))
                    else {
                        continue;
                    };
                    format!(
                        "{what} {} next to the {neighbour} line {}",
                        quote(core),
                        doc.lines()[n].number
                    )
                }
            };
            out.push(Finding::new(&META, doc.lines()[*i].range.clone(), msg));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::junk::testing::{assert_junk, assert_kept, found};

    #[test]
    fn the_digit_test_agrees_with_a_plain_scan() {
        // every byte value at every place of lines of every length up to three words, among
        // fillers that are each digit's neighbours
        for filler in [b'/', b':', b'a', 0x80, 0xff, 0xaf, 0xba] {
            for len in 1..=24 {
                for at in 0..len {
                    for b in 0..=255u8 {
                        let mut line = vec![filler; len];
                        line[at] = b;
                        assert_eq!(
                            has_ascii_digit(&line),
                            line.iter().any(u8::is_ascii_digit),
                            "{line:?}"
                        );
                    }
                }
            }
        }
        assert!(!has_ascii_digit(b""));
        assert!(has_ascii_digit("Published 3 hours ago".as_bytes()));
        assert!(!has_ascii_digit("By Ann Lee, Staff Writer".as_bytes()));
    }

    #[test]
    fn bylines_and_dates_are_found() {
        for l in [
            "By Jane Doe",
            "By Jane Doe | Updated: 12 March 2025, 10:42 IST",
            "By: Jane Doe",
            "Written By: Anjali Menon",
            "Reported by Jane Doe, 12 March 2025",
            "By Stefan Okafor, Lena Park and Tom de Vries",
            "By April Moreno",
            "Published 3 hours ago",
            "Updated: Mar 12, 2025 10:42 am ET",
            "2 hours ago",
            "an hour ago",
            "Monday, November 18, 2019, 04:05 pm PT (07:05 pm ET)",
            "First Published: Tuesday, November 19, 2019 08:38 AM",
            "18 NOV 2019",
            "November 18, 2019 | 4:10pm",
            "Published 11:11 PM EST Nov 19, 2019",
            "By Jon Reyes - 11/18/19 11:04 PM EST",
            "Updated: Sat 8:31 PM, Feb 17, 2018",
            "2025-03-12 10:42",
            "Last updated on 4 June 2025",
            "Updated: 10:42 am",
            "Last modified on Tue 3 Mar 2026 10.12 GMT",
            "Von Anna Schmidt",
            "Por Ana García | Actualizado el 3 de marzo de 2026, 10:12",
            "Par Jean Dupont, le 3 mars 2026 à 10h12",
            "Publié le mardi 3 mars 2026 à 10:12",
            "Aktualisiert: 03.03.2026, 10:12 Uhr",
            "Vor 3 Stunden",
            "Hace 2 horas",
            "Written by Rohan Mehta | Edited by Sana Qureshi",
            "By Rohan Mehta | Edited by Sana Qureshi",
            "Reported by Anil Das, Edited by Sana Qureshi",
            "By Ana Silva; Photos by Tom Weir | Updated: 12 March 2025",
            "By Ana Silva and Tom Weir | By Lena Park",
            "Sneha Rao | TNN | Updated: Mar 4, 2026, 09:17 IST",
            "Ingrid Solheim · Science correspondent · 6 March 2026",
            "Tom Reyes and Lina Bakker · 2 hours ago",
            "Dr Priya Venn · 4 min read",
            "Ana Silva & Tom Weir | 12 March 2026",
            "Reporter: Sunniva Marr",
            "Author: Jane Doe",
            "Tom Weir • Senior Staff Writer • Updated 2 hours ago",
            "Ana Silva | March 3rd, 2026",
            "By Harbour Times staff",
            "By Ana Silva, Chief Sports Reporter",
            "By Ana Silva, KVRN 7 Digital Team",
            "Written by Ana Silva",
            "Written by Ana Silva. Edited by Tom Weir",
            "Written by Ana Silva, Chief Sports Reporter. Edited by Tom Weir",
            "By Tom Hale · 14:05",
            "By Tom Hale · Ana Ruiz",
            "By Tom Hale · Ana Ruiz · 14:05",
            "By Tom Hale and Ana Ruiz | 10:42 IST",
            "By Tom Hale • Ana Ruiz de la Vega • 2 hours ago",
        ] {
            assert_junk(&BylineTimestamp, l);
        }
    }

    #[test]
    fn prose_is_kept() {
        for l in [
            "By the end of the year, prices had doubled.",
            "By Friday staff had left.",
            "Reporter: The city needs more buses, she said.",
            "Author: unknown",
            "Words: Ann",
            "Tom Reyes and the lifeboat crew · 2 hours ago",
            "Tom Reyes and Lina Bakker · read the full report",
            "By Monday",
            "By March 2026",
            "By 2030, the city wants all buses to be electric.",
            "By Jane Doe's account, the meeting went well.",
            "Written by Jane Doe in 1998, the song became a hit.",
            "Reported by neighbours, the fire spread quickly.",
            "2025",
            "March 2025",
            "In March 2025 the plant closed.",
            "The vote is on 12 March 2025 at 10:00.",
            "Published in 2019, the report found 12 cases.",
            "Updated guidance came out on Monday.",
            "Two hours ago the river burst its banks.",
            "By Land and Sea?",
            "PTI",
            "Reuters reported the deal on Monday.",
            "10 to 12",
            "4.5 million",
            "Last modified on Tue 3 Mar 2026 at 10.12",
            "Up 10.12 GMT",
            "Von der Leyen",
            "Par 72 course",
            "Le Monde",
            "Mai 2026",
            "El 3 de marzo de 2026 se votó la ley en el Congreso.",
            "4:14 p.m.",
            "02-751-1500",
            "29 November 2018 | 20 January 2019",
            "(Published Monday, Nov. 18, 2019)",
            "Written by Jane Doe, edited by the minister's office",
            "By Jane Doe | Edited by hand",
            "Reported by Ana Silva, by the river",
            "By Monday, by Friday",
            "29 November 2018 | 20 January 2019",
            "Sneha Rao | TNN",
            "Ingrid Solheim · Science correspondent",
            "Fares rise | 6 March 2026",
            "The vote | held on 6 March 2026",
            "Ana Silva | She said the vote was on 6 March 2026",
            "Monday March | 6 March 2026",
            "By Tom Hale · the team",
            "By Tom Hale · 14:05 to 16:00",
            "By Tom Hale · Tickets 14:05",
        ] {
            assert_kept(&BylineTimestamp, l);
        }
    }

    #[test]
    fn the_byte_paths_agree_with_the_character_ones() {
        for t in [
            "",
            " ",
            "word",
            " word rest",
            "\tword\nrest",
            "\u{a0}word rest",
            "wörd rest",
            "word\u{a0}rest more",
            "(word),",
            "\"word\"",
            "'",
            ",",
            "[x]",
            "é,",
            ",é",
            "a",
            "\u{2003}",
            "x\u{1c}y z",
            ":12:",
        ] {
            assert_eq!(first_token(t), t.split_whitespace().next(), "{t:?}");
            let plain = t.trim_matches(|c: char| {
                matches!(c, ',' | ';' | '(' | ')' | '[' | ']' | ':' | '"' | '\'')
            });
            assert_eq!(trim_token(t), plain, "{t:?}");
        }
    }

    #[test]
    fn a_writers_role_next_to_a_byline_is_found() {
        let t = "Title\n\nBy Tom Hale · Ana Ruiz · 14:05\nChief Football Writers\n\nThe club sacked its coach on Monday after the cup defeat.\n\nSenior Political Correspondent\n\nThe board met on Sunday.\n";
        assert_eq!(
            found(&BylineTimestamp, t),
            vec!["By Tom Hale · Ana Ruiz · 14:05", "Chief Football Writers"]
        );
        for l in [
            "Football Writer",
            "Football writer",
            "Chief Football Writer of the Year",
        ] {
            let t = format!("Title\n\nBy Tom Hale\n{l}\n\nThe club sacked its coach on Monday.\n");
            let expected = if l == "Football Writer" {
                vec!["By Tom Hale", l]
            } else {
                vec!["By Tom Hale"]
            };
            assert_eq!(found(&BylineTimestamp, &t), expected, "{l}");
        }
    }

    #[test]
    fn an_agency_name_next_to_a_date_is_found() {
        let t = "Title\n\nPTI\nUpdated: 4 June 2025, 09:15 IST\nThe ministry said on Wednesday that the scheme would expand.\n\nReuters\n";
        assert_eq!(
            found(&BylineTimestamp, t),
            vec!["PTI", "Updated: 4 June 2025, 09:15 IST"]
        );
    }
}
