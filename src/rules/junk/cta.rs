//! J004 call-to-action and J005 cookie-notice: the site talking to its reader.
//!
//! Both are lines where the publisher addresses the visitor ("Subscribe to our newsletter",
//! "We use cookies ...") rather than reporting anything. The evidence is the imperative or
//! first-person site voice at the start of a short line; a line that reports speech ("said",
//! "according to") is the article's prose and is never matched.

use std::sync::LazyLock;

use regex::Regex;

use crate::rules::junk::{has_words, may_start, quote, short_body_lines, Heads, Hint};
use crate::rules::{Action, Context, Finding, Rule, RuleMeta};

pub struct CallToAction;
pub struct CookieNotice;

static CTA_META: RuleMeta = RuleMeta {
    code: "J004",
    name: "call-to-action",
    action: Action::DropLine,
    default_enabled: true,
    explanation: "\
## What it does
Drops short lines in which the site asks the reader to do something: subscribe, sign up for a \
newsletter, follow the site on a social network (or follow the author), join its WhatsApp or \
Telegram channel, download its app, send the newsroom a tip, read the site's coverage, sign in \
or subscribe to go on reading, enable JavaScript, or \"click here to ...\"; the sign-up form's \
text (`Enter your email address`, `By signing up you agree to ...`); an affiliate disclosure \
(`We may earn a commission when you buy through links on our site`) and the shop note on \
prices (`Prices were correct at the time of publication`); and a line that ends by \
giving the author's or the newsroom's e-mail address (`Contact her at jo@example.com.`), or \
asking the reader to send something there (`Have you been affected? Email your story to \
news@example.com`); a pitch to join the site's readers (`Join 50,000 readers who get our \
briefing`); \
the site's live-coverage pointer (`Follow our live coverage`, `Follow live updates here`, \
`Keep following this page for the latest ...`, `Catch all the latest news here.`), \
a plea for donations (`Support independent journalism. Donate today.`), poll and rating widgets \
(`Vote in our poll`, `Rate this article`), the comment form's notes (`Your email address will not \
be published.`, `Required fields are marked *`), and paywall notices (`You have reached your limit \
of free articles`, `This content is only available to subscribers`). Such a request closing a \
paragraph of prose, as its last sentence (`... into December. For the latest prices, follow our \
live coverage.`), goes from the paragraph, which stays.

## Why
Newsletter boxes and follow buttons are part of the page, not of the story. The line must \
start with the request (or hold one in the site's own voice, such as \"subscribe to our \
newsletter\"), speak in the site's voice (`our`, `us`, its newsletter or alerts, `unlimited \
access`) and be short; a sentence that reports what someone said about subscribing is \
prose and stays.

## Example
```text
Join our WhatsApp channel for the latest updates
Sign up for our free morning newsletter
```
Both lines are dropped.
",
};

static COOKIE_META: RuleMeta = RuleMeta {
    code: "J005",
    name: "cookie-notice",
    action: Action::DropLine,
    default_enabled: true,
    explanation: "\
## What it does
Drops cookie-consent text: \"We use cookies ...\", \"This site uses cookies ...\", \"By \
continuing to use this site you agree ...\", and the banner's buttons (`Accept all cookies`, \
`Manage cookie settings`).

## Why
Consent banners are rendered into the page's text and scrapers keep them, often at the very \
end of the article. The site speaks in the first person (\"we use\", \"this site uses\"), \
which a news report about cookies does not.

## Example
```text
We use cookies to improve your experience. By continuing to use this site you agree to our use of cookies.
Accept all cookies
```
Both lines are dropped.
",
};

const CTA_MAX_LEN: usize = 300;
const COOKIE_MAX_LEN: usize = 500;

// Word boundaries in these patterns are ASCII ones, `(?-u:\b)`: with Unicode's `\b` the
// regex engine's DFA gives up at the first non-ASCII byte of a line (one curly quote is
// enough) and falls back to a backtracker that clears memory in proportion to the line for
// every search, which made this rule a tenth of the cost of cleaning real article text. The
// words around each boundary are ASCII, so the two differ only where a non-ASCII letter is
// glued to one of them.

/// A request at the start of the line that names what it asks for: enough on its own.
const CTA_STRONG_PATTERN: &str = r"(?xi)^(?:
            follow\s+(?:us|\S+(?:\s+\S+){0,3})\s+on\s+(?:twitter|x|facebook|instagram|linkedin|threads|tiktok|youtube|telegram|whatsapp|bluesky|google\s+news)(?-u:\b)
          | join\s+(?:us|our)(?-u:\b)
          | join\s+the\s+(?:conversation|discussion|debate)\s*[.!]?\s*$
          | download\s+our(?-u:\b)
          | download\s+the\s+(?:\S+\s+){0,3}app\s+(?:for\s+(?:the\s+|all\s+the\s+)?(?:latest|breaking|live)|to\s+(?:get|read|follow|receive|stay)|and\s+(?:get|never|stay|follow))(?-u:\b)
          | get\s+(?:our|the)\s+(?:\S+\s+){0,3}(?:app|newsletters?)(?-u:\b)
          | (?:click|tap)\s+here(?-u:\b)
          | follow\s+(?:the|this)\s+(?:author|writer|reporter|journalist|columnist|topic)s?(?:\s+on(?-u:\b)|\s*[.!]?\s*$)
          | (?:got|have)\s+a\s+(?:news\s+|story\s+)?tip(?:\s+for\s+us)?\s*\?
          | do\s+you\s+have\s+a\s+(?:news\s+|story\s+)?(?:tip|story\s+(?:idea|to\s+share))(?:\s+for\s+us)?\s*\?
          | (?:e-?mail|write\s+to|contact)\s+us\s+at(?-u:\b)
          | (?:read|see)\s+(?:our|all\s+(?:of\s+)?our)\s+(?:full\s+|latest\s+|complete\s+|live\s+)?coverage(?-u:\b)
          | (?:please\s+)?(?:enable|turn\s+on|activate)\s+javascript(?-u:\b)
          | (?:sign|log)\s*-?\s*in\s+to\s+(?:continue|read|keep|access|comment|view|see)(?-u:\b)
          | subscribe\s+to\s+(?:continue|keep)\s+reading(?-u:\b)
          | already\s+(?:a\s+(?:subscriber|member)|registered|have\s+an\s+account)\s*\?
          | we\s+may\s+(?:earn|receive|get|collect)\s+(?:a\s+)?(?:small\s+)?(?:share\s+of\s+(?:the\s+)?(?:sales|revenue)|(?:affiliate\s+)?commissions?|compensation)(?-u:\b)
          | (?:when|if)\s+you\s+(?:buy|purchase|shop|click)\s+(?:something\s+|products\s+)?(?:through|via|using|from)\s+(?:the\s+|our\s+)?(?:retail\s+|affiliate\s+)?links(?-u:\b)
          | (?:affiliate|advertiser|advertising)\s+disclosure(?-u:\b)
          | (?:all\s+)?prices?\s+(?:were|are|was|is)\s+(?:correct|accurate|valid)\s+at\s+(?:the\s+)?time\s+of\s+(?:publication|publishing|writing|going\s+to\s+press)(?-u:\b)
          | this\s+(?:article|post|page|story|guide|review)\s+(?:contains|includes|may\s+contain)\s+affiliate\s+links(?-u:\b)
          | (?:we\s+are|we're|we’re|this\s+site\s+is)\s+reader[\s-]*supported(?-u:\b)
          | enter\s+your\s+e-?mail(?:\s+address)?(?-u:\b)
          | by\s+(?:signing\s+up|subscribing|registering|clicking\s+(?:subscribe|sign\s+up|submit|register))\s*,?\s+you\s+(?:agree|consent|acknowledge|accept)(?-u:\b)
          | have\s+your\s+say(?-u:\b)
          | catch\s+(?:all\s+)?the\s+latest(?-u:\b)
          | (?:what\s+do\s+you\s+think\s*\?\s*)?(?:let\s+us\s+know|tell\s+us|share\s+your\s+(?:thoughts|views))(?:\s+[a-z'’]+){0,6}?\s+in\s+the\s+comments(?-u:\b)
          | contact\s+(?:the\s+)?(?:reporter|author|writer|newsroom|editors?)(?:\s*[.!]?\s*$|\s+(?:at|on|via)(?-u:\b))
          | send\s+us\s+(?:your\s+)?(?:feedback|tips?|news|stories|story\s+ideas|photos|a\s+(?:tip|message|story))(?-u:\b)
          | subscribe\s+(?:now|today)(?-u:\b)
          | catch\s+all\s+the\s+(?:[a-z0-9,&'’-]+\s+){0,12}?(?:news|updates)(?:\s+(?:on|at)\s+\S|\s+here\s*[.!]?\s*$)
          | (?:keep\s+)?(?:following|checking)\s+this\s+(?:page|space|site|(?:live\s+)?blog)\s+for(?-u:\b)
          | follow\s+(?:our|all\s+(?:of\s+)?our)\s+(?:live\s+)?(?:coverage|updates|blog)(?-u:\b)
          | follow\s+(?:the\s+)?live\s+(?:coverage|updates|blog)(?:\s+here)?\s*[.!]?\s*$
          | rate\s+this\s+(?:article|story|post|review|recipe|page)(?-u:\b)
          | you(?:'ve|’ve|\s+have)\s+(?:reached|used(?:\s+up)?)\s+(?:your|the|all\s+(?:of\s+)?your)\s+(?:(?:monthly\s+|free\s+)?(?:article\s+)?limit|maximum|(?:[0-9]+\s+)?free)(?-u:\b)
          | this\s+(?:content|article|story)\s+is\s+(?:only\s+)?(?:available\s+)?(?:for|to)\s+(?:paying\s+)?(?:subscribers|members)(?:\s+only)?\s*[.!]?\s*$
          | subscribe\s+to\s+unlock(?-u:\b)
          | stay\s+(?:updated|tuned|informed|up\s+to\s+date)\s+(?:with|on|for)\s+(?:all\s+)?(?:the\s+)?(?:latest|more|further)(?:\s+[a-z0-9&'’-]+){0,12}?\s*[.!]?\s*$
          | stay\s+tuned(?:\s+for\s+more)?\s*[.!]?\s*$
          | read\s+all\s+the\s+(?:latest|breaking)(?-u:\b)
          | abonnez-vous(?-u:\b) | inscrivez-vous\s+(?:à|a)\s+(?:notre|nos|la)\s+newsletters?(?-u:\b)
          | (?:folgen\s+sie\s+uns\s+(?:auf|bei)|síguenos\s+en|seguici\s+su|suivez-nous\s+sur)\s+(?:twitter|x|facebook|instagram|linkedin|threads|tiktok|youtube|telegram|whatsapp|bluesky|google\s+news)(?-u:\b)
          | abonnieren\s+sie\s+(?:unseren|den)\s+newsletter(?-u:\b)
          | suscríbete(?-u:\b) | iscriviti(?-u:\b)
          | your\s+e-?mail(?:\s+address)?\s+will\s+not\s+be\s+(?:published|shared|displayed)(?-u:\b)
          | required\s+fields\s+are\s+marked(?-u:\b)
          | get\s+(?:the\s+)?latest\s+(?:[a-z]+\s+){0,3}?(?:news|updates|headlines)(?-u:\b)
          | save\s+my\s+name,?\s+e-?mail(?-u:\b)
          | (?:what\s+do\s+you\s+think\s*\?\s*)?leave\s+(?:a|your)\s+comments?(?:\s+below)?\s*[.!]?\s*$
        )";

/// The first two letters of every match of [`CTA_STRONG_PATTERN`], one alternative after
/// the other (for [`may_start`]).
static CTA_STRONG_HEADS: Heads = Heads::new(&[
    *b"fo", *b"jo", *b"jo", *b"do", *b"do", *b"ge", *b"cl", *b"ta", *b"go", *b"ha", *b"e-", *b"em",
    *b"wr", *b"co", *b"re", *b"se", *b"pl", *b"en", *b"tu", *b"ac", *b"si", *b"lo", *b"su", *b"al",
    *b"we", *b"wh", *b"if", *b"af", *b"ad", *b"al", *b"pr", *b"th", *b"by", *b"ca", *b"wh", *b"le",
    *b"te", *b"sh", *b"co", *b"se", *b"su", *b"fo", *b"fo", *b"ra", *b"yo", *b"th", *b"su", *b"st",
    *b"st", *b"ab", *b"in", *b"fo", *b"ab", *b"su", *b"su", *b"is", *b"se", *b"yo", *b"re", *b"sa",
    *b"ge", *b"wh", *b"le", *b"ke", *b"fo", *b"ch",
]);

static CTA_STRONG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(CTA_STRONG_PATTERN).expect("valid call-to-action pattern"));

/// A request at the start of the line that needs the site's voice after it.
const CTA_START_PATTERN: &str = r"(?xi)^(?:
            subscribe(?-u:\b) | sign\s*-?\s*up(?-u:\b) | register\s+(?:now|for\s+free|here|today)
          | download\s+the(?-u:\b)
          | get\s+(?:breaking\s+news|the\s+latest|the\s+best\s+of|our\s+top|daily\s+updates|news\s+alerts)
          | get\s+(?:our|the)\s+(?:\S+\s+){0,4}?(?:briefing|digest|newsletter)(?-u:\b)
          | stay\s+(?:up\s+to\s+date|up-to-date|informed|in\s+the\s+know|on\s+top\s+of|connected)
          | never\s+miss | don'?t\s+miss\s+(?:a(?-u:\b)|out(?-u:\b)|any(?-u:\b))
          | like\s+us\s+on | want\s+more(?-u:\b) | want\s+to\s+(?:get|receive|read)(?-u:\b) | (?:did\s+you\s+)?enjoy(?:ed)?\s+this\s+(?:article|story)
          | like\s+this\s+(?:article|story)
          | (?:breaking\s+news\s+|daily\s+|free\s+)?(?:e-?mail\s+)?newsletters?(?-u:\b)
          | become\s+a\s+(?:member|subscriber|supporter) | support\s+(?:our|independent|quality)\s+(?:[a-z]+\s+)?journalism
          | turn\s+on\s+(?:notifications|alerts)
          | join\s+(?:more\s+than\s+|over\s+)?[0-9][0-9,.]*(?:k|m|\s*million|\s*thousand)?\+?\s+(?:other\s+)?(?:readers|subscribers|members|people|investors|professionals)(?-u:\b)
        )";

/// The first two letters of every match of [`CTA_START_PATTERN`], one alternative after the
/// other: subscribe, sign, register, download, get, stay, never, don't, like, want, did or
/// enjoy, like, breaking, daily, free, e-mail, email, newsletter, become, support, turn, join.
static CTA_START_HEADS: Heads = Heads::new(&[
    *b"su", *b"si", *b"re", *b"do", *b"ge", *b"st", *b"ne", *b"li", *b"wa", *b"di", *b"en", *b"br",
    *b"da", *b"fr", *b"e-", *b"em", *b"be", *b"tu", *b"jo",
]);

static CTA_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(CTA_START_PATTERN).expect("valid call-to-action pattern"));

/// The site's own request anywhere in a short line.
static CTA_ANYWHERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
            (?-u:\b)(?:subscribe\s+to|sign\s+up\s+(?:for|to))\s+(?:our|\S+(?:'s|’s))(?-u:\b).{0,40}(?-u:\b)(?:newsletters?|alerts|updates|channel)
          | (?-u:\b)by\s+clicking\s+here(?-u:\b) | (?-u:\b)click\s+here\s+to(?-u:\b)
          | (?-u:\b)follow\s+us\s+on(?-u:\b) | (?-u:\b)join\s+our\s+(?:whatsapp|telegram)(?-u:\b) | (?-u:\b)download\s+our\s+(?:\S+\s+)?app(?-u:\b)
          | (?-u:\b)share\s+it\s+with\s+a\s+friend(?-u:\b)
          | (?-u:\b)(?:vote|take\s+part|have\s+your\s+say)\s+in\s+our\s+(?:poll|survey|quiz)(?-u:\b) | ^take\s+our\s+(?:poll|survey|quiz)(?-u:\b)
          | (?-u:\b)(?:contact|e-?mail|reach|write\s+to)\s+(?:him|her|them|me|us|the\s+(?:author|writer|reporter|newsroom))\s+(?:at|on|via)\s+[^\s@]+@[^\s@]+?\.?$
          | (?:^|[.?!:]\s+)(?:e-?mail|send)\s+(?:us\s+)?(?:your\s+(?:[a-z]+\s+){1,3}?)?(?:to\s+|at\s+)?[^\s@]+@[^\s@]+?\.?$
        ",
    )
    .expect("valid call-to-action pattern")
});

/// Words of the site addressing its reader; a line starting with a request must hold one
/// (or be a bare button label) to count.
static SITE_VOICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:our|us|here|newsletters?|inbox|alerts|updates|briefing|digest|notifications|donate|donations?|(?:unlimited|full|premium|digital)\s+access)(?-u:\b)",
    )
    .expect("valid site-voice pattern")
});

/// The words `CTA_ANYWHERE` cannot match without.
pub(super) const CTA_HINT_WORDS: &[&str] = &[
    "subscribe",
    "sign up",
    "click",
    "follow us",
    "join our",
    "download our",
    "share it with",
    "@",
    "our poll",
    "our survey",
    "our quiz",
];

/// The words `COOKIE` cannot match without.
pub(super) const COOKIE_HINT_WORDS: &[&str] = &["cookie", "continuing to", "accept"];

/// Reported speech: the line is the article's prose.
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:said|says|told|according\s+to|announced|reported)(?-u:\b)")
        .expect("valid reported-speech pattern")
});

static COOKIE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)
            (?-u:\b)we\s+(?:and\s+our\s+(?:\w+\s+)?partners\s+)?(?:use|store|place)\s+cookies(?-u:\b)
          | (?-u:\b)(?:this|our)\s+(?:web\s*)?site\s+uses\s+cookies(?-u:\b)
          | (?-u:\b)by\s+continuing\s+to\s+(?:use|browse|visit)\s+(?:this|our|the)\s+(?:web\s*)?site(?-u:\b)
          | (?-u:\b)you\s+(?:agree|consent)\s+to\s+(?:our|the)\s+use\s+of\s+cookies(?-u:\b)
          | ^(?:accept|reject|decline|allow)\s+(?:all\s+)?cookies$
          | ^(?:manage\s+)?cookies?\s+(?:settings|preferences|policy|consent)$
          | ^accept\s*(?:&|and)\s*close$
        ",
    )
    .expect("valid cookie pattern")
});

impl Rule for CallToAction {
    fn meta(&self) -> &'static RuleMeta {
        &CTA_META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let mut whole = Vec::new();
        short_body_lines(ctx, CTA_MAX_LEN, |l| {
            let (i, core) = (l.index, l.core);
            // the anchored patterns run only on lines that start as one of their matches
            // does (most prose does not); the unanchored one only on lines holding one of its
            // words
            let strong = may_start(core, &CTA_STRONG_HEADS).then(|| CTA_STRONG.find(core));
            let m = if let Some(m) = strong.flatten() {
                m
            } else if let Some(m) = may_start(core, &CTA_START_HEADS)
                .then(|| CTA_START.find(core))
                .flatten()
                .filter(|m| !has_words(core, 5) || SITE_VOICE.is_match(&core[m.end()..]))
            {
                m
            } else if l.has_hint(Hint::CallToAction) {
                match CTA_ANYWHERE.find(core) {
                    Some(m) => m,
                    None => return,
                }
            } else {
                return;
            };
            // counted only for the few lines a pattern matched: it is a pass over the line
            if has_words(core, 41) || REPORTED.is_match(core) {
                return;
            }
            let msg = format!(
                "the site asks the reader to act ({}): {}",
                // a request after a question starts at the stop before it
                quote(m.as_str().trim_start_matches(['.', '?', '!', ':']).trim()),
                quote(core)
            );
            out.push(Finding::new(
                &CTA_META,
                ctx.doc.lines()[i].range.clone(),
                msg,
            ));
            whole.push(i);
        });
        Self::trailing_requests(ctx, &whole, out);
    }
}

/// The longest request sentence looked for at the end of a paragraph: requests are short,
/// and a longer last sentence is the article's.
const CTA_SENTENCE_MAX_LEN: usize = 120;

/// What a request may open with before it comes: `For the latest prices, follow our ...`.
static FOR_MORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^for\s+(?:the\s+latest|all\s+the\s+latest|more|further|live)(?:\s+[a-z0-9&'’-]+){0,8}?\s*,\s+",
    )
    .expect("valid lead-in pattern")
});

/// The request in `sentence` (a whole sentence, its stop included), as the line rule would
/// find it in a line of its own; after a `For the latest ...,` lead-in too.
fn request(sentence: &str) -> Option<regex::Match<'_>> {
    let rest = match sentence.get(..4) {
        Some(head) if head.eq_ignore_ascii_case("for ") => match FOR_MORE.find(sentence) {
            Some(m) => &sentence[m.end()..],
            None => return None,
        },
        _ => sentence,
    };
    let strong = may_start(rest, &CTA_STRONG_HEADS)
        .then(|| CTA_STRONG.find(rest))
        .flatten();
    strong.or_else(|| {
        may_start(rest, &CTA_START_HEADS)
            .then(|| CTA_START.find(rest))
            .flatten()
            .filter(|m| SITE_VOICE.is_match(&rest[m.end()..]))
    })
}

/// Where the last sentence of `line` may start: the last stop (`.`, `!`, `?`) before the
/// line's own closing one that is followed (past any closing quotes) by a space and a capital,
/// and the start of the words after it. Whether the stop ends a sentence or an abbreviation is
/// left to the caller, for the few places a request follows.
fn last_sentence_start(line: &str) -> Option<(usize, usize)> {
    let bytes = line.as_bytes();
    let floor = line.len().saturating_sub(CTA_SENTENCE_MAX_LEN);
    let mut end = line.len().saturating_sub(1);
    while let Some(at) = memchr::memrchr3(b'.', b'!', b'?', &bytes[floor..end]) {
        let stop = floor + at;
        end = stop;
        let after = &line[stop + 1..];
        let quotes = after.len()
            - after
                .trim_start_matches(['"', '\'', '\u{201d}', '\u{2019}'])
                .len();
        let space = stop + 1 + quotes;
        if bytes.get(space) == Some(&b' ')
            && bytes.get(space + 1).is_some_and(u8::is_ascii_uppercase)
        {
            return Some((stop, space + 1));
        }
    }
    None
}

impl CallToAction {
    /// A request closing a paragraph of prose (`... into December. For the latest prices,
    /// follow our live coverage.`): the sentence goes, the paragraph stays.
    // not inlined: the line loop above is the hot one, and keeps its own code
    #[inline(never)]
    fn trailing_requests(ctx: &Context<'_>, whole: &[usize], out: &mut Vec<Finding>) {
        let doc = ctx.doc;
        for i in doc.body_lines() {
            // the paragraph's last line, ending in a stop (its bytes read from the end: this
            // runs on every line)
            let raw = doc.line_text(i);
            let bytes = raw.as_bytes();
            let mut n = bytes.len();
            while n > 0 && matches!(bytes[n - 1], b' ' | b'\t' | b'\r') {
                n -= 1;
            }
            if n == 0
                || !matches!(bytes[n - 1], b'.' | b'!')
                || !doc.ends_paragraph(i)
                || whole.binary_search(&i).is_ok()
            {
                continue;
            }
            let line = &raw[..n];
            let Some((stop, start)) = last_sentence_start(line) else {
                continue;
            };
            let sentence = &line[start..];
            let Some(m) = request(sentence) else {
                continue;
            };
            // a request seldom holds an abbreviation: after one, the line is passed over
            if !crate::edit::ends_sentence(&line[..=stop])
                || REPORTED.is_match(sentence)
                || has_words(sentence, 31)
            {
                continue;
            }
            let at = doc.lines()[i].range.start;
            let msg = format!(
                "the site asks the reader to act ({}) in the sentence closing a paragraph: {}",
                quote(m.as_str().trim()),
                quote(sentence)
            );
            out.push(
                Finding::new(&CTA_META, at + start..at + line.len(), msg)
                    .with_action(Action::DropSpan),
            );
        }
    }
}

impl Rule for CookieNotice {
    fn meta(&self) -> &'static RuleMeta {
        &COOKIE_META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        short_body_lines(ctx, COOKIE_MAX_LEN, |l| {
            let (i, core) = (l.index, l.core);
            if !l.has_hint(Hint::Cookie) {
                return;
            }
            if let Some(m) = COOKIE.find(core).filter(|_| !REPORTED.is_match(core)) {
                let msg = format!("cookie-consent text ({})", quote(m.as_str().trim()));
                out.push(Finding::new(
                    &COOKIE_META,
                    ctx.doc.lines()[i].range.clone(),
                    msg,
                ));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::junk::testing::{assert_junk, assert_kept};

    #[test]
    fn calls_to_action_are_found() {
        for l in [
            "Subscribe to our newsletter",
            "SUBSCRIBE",
            "Sign up for our free morning briefing",
            "Sign up: Get the best of the week delivered to your inbox.",
            "Follow us on Instagram and Threads",
            "Follow our live coverage of every match this weekend",
            "Follow live updates here",
            "Support independent journalism. Donate today.",
            "Who will win the title this season? Vote in our poll",
            "Take our quiz: how well do you know the league?",
            "Rate this article: ★★★★☆",
            "You have reached your limit of free articles this month.",
            "You've used all of your free articles",
            "This content is only available to subscribers.",
            "Subscribe to unlock this article",
            "Follow Maria Lopez on X",
            "Join our WhatsApp channel for the latest updates",
            "Join us on Telegram",
            "Download our app to read offline",
            "Download the Auto Ledger app for the latest news",
            "Download the Harbour Daily app and never miss a story",
            "Download the app",
            "Click here to read the full report",
            "Get the latest headlines straight to your inbox. Subscribe to Harbour Daily’s newsletters.",
            "GET THE WEEKEND EDITION ON THE GO BY CLICKING HERE",
            "Newsletter",
            "Like this story? Share it with a friend!",
            "Stay up to date with our daily briefing",
            // non-ASCII text around the words (the patterns' word boundaries are ASCII)
            "Subscribe to Café Noticias’s newsletter — it’s free",
            "Click here to read “the full report” — Überblick",
            "Follow the author",
            "Got a tip? Email us at tips@example.org",
            "Do you have a news tip? Write to us.",
            "Have you been affected by flooding? Email your story to news@example.org.",
            "Email your pictures and videos to pics@example.org",
            "Do you have a story? Email tips@example.org",
            "Send your letters to letters@example.org",
            "Join 50,000 readers who get our travel briefing every Friday",
            "Join more than 2m subscribers to our morning newsletter",
            "Subscribe to Business Watch Africa for unlimited access to market news and analysis.",
            "Subscribe to the Courier for full access.",
            "Read our full coverage of the harbour strike",
            "Please enable JavaScript to view the comments.",
            "Sign in to continue reading",
            "Already a subscriber? Log in",
            "Subscribe to continue reading",
            "We may earn a commission when you buy through links on our site.",
            "When you buy through links on our site, we may earn an affiliate commission.",
            "Affiliate disclosure: We are reader-supported.",
            "This review contains affiliate links.",
            "We’re reader-supported. Find out more about how we review products.",
            "Enter your email address",
            "By signing up you agree to our Terms of Use and Privacy Policy.",
            "By subscribing, you consent to receive marketing emails.",
            "Have your say: leave a comment below.",
            "Catch all the Business News, Market News and Latest News Updates on Daily Ledger.",
            "Jo Marsh covers local government for the Gazette. Contact her at jo.marsh@example.com.",
            "Questions? Email the newsroom at desk@example.org",
        ] {
            assert_junk(&CallToAction, l);
        }
    }

    #[test]
    fn a_request_closing_a_paragraph_goes_and_the_paragraph_stays() {
        use crate::rules::junk::testing::findings;
        let title = "Copper hits a record as mines slow\n\n";
        for (last, request) in [
            (
                "Traders said prices could rise further. For the latest commodity prices today, follow our live coverage.",
                "For the latest commodity prices today, follow our live coverage.",
            ),
            (
                "Prices could rise further if the disruption goes on. Stay tuned for more copper price news and market updates 2026!",
                "Stay tuned for more copper price news and market updates 2026!",
            ),
            (
                "The mine will reopen in May. “We are ready,” he said. Sign up for our metals newsletter here.",
                "Sign up for our metals newsletter here.",
            ),
        ] {
            let text = format!("{title}{last}\n");
            let f = findings(&CallToAction, &text);
            assert_eq!(f.len(), 1, "{last}: {f:?}");
            assert_eq!(&text[f[0].range.clone()], request);
            assert_eq!(f[0].action, Action::DropSpan);
            let clean = crate::Engine::default().clean(&text).body;
            assert_eq!(clean, last[..last.len() - request.len()].trim_end());
        }
        for last in [
            // reported speech, or a request in the middle of the paragraph
            "Prices rose again. Follow the money, investigators were told.",
            "Prices rose again. Stay tuned for the latest twist in the saga, the director joked.",
            "Follow our live coverage of the strike, which began on Monday when talks with the \
             port's owners broke down over pay and hours, and which has since spread to two other \
             ports on the coast where dockers walked out in support of their colleagues and \
             shipping lines began to send their vessels elsewhere. Prices rose again on Monday.",
            // an abbreviation's stop ends no sentence
            "The mine is run by Codelco Corp. Follow-up talks are set for May.",
        ] {
            let text = format!("{title}{last}\n");
            assert!(findings(&CallToAction, &text).is_empty(), "{last}");
        }
    }

    #[test]
    fn every_alternative_starts_with_a_listed_head() {
        // one line per alternative of each pattern, in its order, in upper and lower case
        let strong = [
            "Follow us on X",
            "Join us tonight",
            "Download our app",
            "Download the Auto Ledger app for the latest news",
            "Get the Daily Planet app",
            "Click here",
            "Tap here",
            "Follow the author",
            "Got a tip?",
            "Do you have a story idea?",
            "E-mail us at tips@example.org",
            "Email us at tips@example.org",
            "Write to us at letters@example.org",
            "Contact us at desk@example.org",
            "Read our full coverage of the election",
            "See all of our coverage",
            "Please enable JavaScript",
            "Enable JavaScript",
            "Turn on JavaScript",
            "Activate JavaScript",
            "Sign in to continue reading",
            "Log in to comment",
            "Subscribe to continue reading",
            "Already a subscriber? Log in",
            "Already registered?",
            "Already have an account?",
            "We may earn a commission",
            "When you buy through our links",
            "Affiliate disclosure",
            "This article contains affiliate links",
            "Prices were correct at the time of publication.",
            "All prices are accurate at time of writing",
            "We're reader-supported",
            "Enter your email",
            "By signing up, you agree",
            "Have your say",
            "Join the conversation",
            "Stay updated with the latest business news",
            "Stay tuned for more updates.",
            "Stay tuned for more updates on the Harbour Line extension.",
            "Stay tuned for more.",
            "Stay tuned!",
            "Abonnez-vous à notre newsletter",
            "Folgen Sie uns auf Instagram",
            "Síguenos en Twitter",
            "Iscriviti alla newsletter",
            "Read all the Latest News, Breaking News and India News here",
            "Suivez-nous sur Facebook",
            "Join the discussion.",
            "Catch the latest",
            "Catch all the news on Daily Ledger",
            "Catch all the Breaking News and Latest Updates here.",
            "Keep following this page for the latest strike news, exam dates and campus closures.",
            "Checking this space for updates",
            "What do you think? Let us know in the comments.",
            "Tell us what you think in the comments",
            "Share your thoughts in the comments below",
            "Contact the reporter",
            "Contact the author at jo@example.com",
            "Send us your feedback",
            "Send us a tip",
            "Subscribe now",
            "Your email address will not be published.",
            "Required fields are marked *",
            "Save my name, email, and website in this browser for the next time I comment.",
            "Get Latest News Live on Daily Ledger along with Breaking News and Top Headlines",
            "Get the latest business news on our app",
            "What do you think? Leave a comment below.",
            "Leave your comments",
        ];
        let start = [
            "Subscribe",
            "Sign-up today",
            "Register now",
            "Download the app",
            "Get breaking news",
            "Stay informed",
            "Never miss a story",
            "Dont miss out",
            "Like us on Facebook",
            "Want more?",
            "Did you enjoy this article?",
            "Enjoyed this story?",
            "Like this story?",
            "Breaking news newsletter",
            "Daily newsletter",
            "Free e-mail newsletter",
            "E-mail newsletters",
            "Email newsletter",
            "Newsletter",
            "Become a member",
            "Support independent journalism",
            "Turn on notifications",
            "Want to get the best stories delivered to your inbox?",
            "Join 50,000 readers who get our briefing",
            "Get our morning briefing in your inbox",
            "Get the Harbour Times evening digest",
            "Support independent chess journalism",
        ];
        for (re, heads, lines) in [
            (&*CTA_STRONG, &CTA_STRONG_HEADS, &strong[..]),
            (&*CTA_START, &CTA_START_HEADS, &start[..]),
        ] {
            for line in lines {
                for l in [line.to_string(), line.to_uppercase(), line.to_lowercase()] {
                    assert!(re.is_match(&l), "{l:?} should match");
                    assert!(may_start(&l, heads), "{l:?} starts with no listed head");
                }
            }
        }
        assert!(!may_start("The minister said", &CTA_START_HEADS));
        // a character that case folding may turn into ASCII is let through
        assert!(may_start("ſubscribe", &CTA_START_HEADS));
    }

    #[test]
    fn prose_about_subscribing_is_kept() {
        for l in [
            "Subscribers to the service rose by 12% in the quarter.",
            "The company asked users to subscribe to its newsletter, a spokesperson said.",
            "Sign up numbers fell sharply after the price rise.",
            "Subscribe-and-save offers have become common among grocers.",
            "Follow the money, investigators were told.",
            "Follow live updates on the storm, the mayor urged residents on Monday.",
            "Support independent journalism, the foundation said as it pledged to donate $5 million.",
            "Follow our lead, the coach told his players before the final.",
            "Rate this year's harvest against the last and it looks poor.",
            "More than 2,000 readers took part in our poll on the stadium plan, and most backed it.",
            "You have reached the limit of what the bridge can carry, the engineer told the council.",
            "This content is for subscribers to the new service, which launches in May, and costs more.",
            "Your email address will not be published in the register, the clerk said.",
            "Get the latest figures before you vote, the campaign told members.",
            "Get the briefing right and the minister will listen, she said.",
            "Join the queue early if you want a seat, the organisers said.",
            "Subscribers get unlimited access to the gyms, the chain said.",
            "Download the NHS app to book a vaccine appointment.",
            "Download the ferry app for timetables and tickets.",
            "Folgen Sie uns zum Bahnhof, sagte der Polizist.",
            "Read all the reports and you see the pattern, the auditor said.",
            "Join the conversation about the budget at the town hall on Friday.",
            "Download speeds doubled across the region in 2024.",
            "Stay informed about the risks, the agency advised residents.",
            "Stay tuned for the latest twist in the saga, the director joked at the premiere.",
            "Stay tuned for more updates on the strike, the union told its members on Monday.",
            "Stay updated on the latest vaccine advice from your doctor, officials said.",
            "He urged voters to follow the campaign on social media.",
            "Never mind the polls: the vote is what counts for the mayor and for the opposition alike.",
            "Sign up for a streaming account for $9.99 a month",
            "Sign up for the bundle using the same email as your main account",
            "Download the banking app on your phone and log in.",
            "Newsletters are a growing business for local publishers, who rely on them for revenue.",
            "The fraudsters told victims to email refunds@example.org",
            "Police asked witnesses to send footage to appeal@example.org, and 40 did.",
            "Join 40,000 runners on Sunday for the city marathon",
            "Follow the author's advice and plant the bulbs early.",
            "Have a tip jar ready, the organisers suggested.",
            "Do you have a story for every photo in the album?",
            "Read our review of the film before you buy a ticket",
            "Already a member of the club for ten years, she knew the rules.",
            "Log in to the tax portal before the end of the month.",
            "We may earn less this year, the bakery's owner admitted.",
            "If you buy through a broker, fees can double the cost.",
            "By signing up to the scheme, farmers agree to plant new hedges.",
            "Residents can contact her at the library on Mondays.",
            "Officials urged anyone with information to contact them at the station.",
            "Enter your details on the form, the agency told applicants.",
            "Catch the bus at the harbour and get off at the second stop.",
            "Tell us about the plan, the residents asked the council in the comments they sent.",
            "Contact the authorities if you see the bird.",
            "Send us the bill, the mayor joked.",
            "Want to get rich? The scheme promised as much to investors.",
            "Keep following this advice and the roses will flower until October.",
            "Read more about the study in the journal, where it appears in full.",
        ] {
            assert_kept(&CallToAction, l);
        }
    }

    #[test]
    fn cookie_notices_are_found() {
        for l in [
            "We use cookies to improve your experience on our site.",
            "This website uses cookies to ensure you get the best experience.",
            "By continuing to use this site you agree to our use of cookies.",
            "We and our partners use cookies to personalise content.",
            "Accept all cookies",
            "Manage cookie settings",
            "Cookie Policy",
        ] {
            assert_junk(&CookieNotice, l);
        }
    }

    #[test]
    fn prose_about_cookies_is_kept() {
        for l in [
            "The regulator said sites that use cookies must ask first.",
            "Cookies sold out within an hour at the bake sale.",
            "Under the new law, websites must let users reject all cookies with one click.",
            "Most people accept cookies without reading the banner, according to the study.",
        ] {
            assert_kept(&CookieNotice, l);
        }
    }
}
