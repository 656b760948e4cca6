//! J013 author-bio: the writer's one-paragraph biography that templates print under the
//! article.
//!
//! `Jane Doe is a science correspondent based in Nairobi.` closes many scraped articles: the
//! author box, kept as a paragraph. The evidence is the shape (a full name, then `is a/an/the`
//! and a newsroom role within a few words, or `covers ...` / `writes about ...`) and the
//! document itself: the name occurs nowhere in the story, only in the byline. A paragraph
//! about someone the story quotes or reports on names them elsewhere, and stays.

use std::ops::Range;

use crate::document::{sentences, Document};
use crate::rules::junk::{core, quote, short_body_lines};
use crate::rules::seo::lexicon::{is_clause_word, is_function_word};
use crate::rules::{Action, Context, Finding, Rule, RuleMeta};

pub struct AuthorBio;

static META: RuleMeta = RuleMeta {
    code: "J013",
    name: "author-bio",
    action: Action::DropLine,
    default_enabled: true,
    explanation: "\
## What it does
Drops a paragraph that is the author's biography: it opens with a full name followed by \
`is a`, `is an` or `is the` and a newsroom role within twelve words (`reporter`, \
`correspondent`, `editor`, `writer`, `journalist`, `columnist`, `contributor`, `producer`, \
`photographer`, `critic`, `anchor`), or by `covers`, `writes about`, `writes for` or \
`reports on`; any further sentence (three at most) starts with a pronoun, the name or a \
contact word (`Follow`, `Contact`, `Email`, `Reach`). In a block of lines with no blank line \
between them (an app link, the author box, a comment count), a line that is such a \
biography sentence on its own goes alone, when the line before it does not run on into it \
(a comma or a function word like `the`, `and` or `of` at its end). A paragraph under \
the label `About the author:` (or `About the writer:`) is an author box wherever it stands, \
and so is a line that opens with the label in a block of page lines. A byline that J010 finds \
(`Dr Jane Doe · 4 min read`, `Reporter: Jane Doe`) is the writer's, not a mention in the story.

## Why
Author boxes belong to the page; in a dump they trail the article as a paragraph of prose. \
The name is the evidence: a biography's subject is the writer, who appears nowhere in the \
story except in a byline (`By Jane Doe`). When the name, or the surname alone, occurs \
anywhere else in the text outside a byline, the paragraph is about someone in the story \
(`Danny Fenster is the managing editor of ...` in a report on his arrest) and stays. The \
first two paragraphs of the body are never taken.

## Example
```text
By Alice Brandt
...
Alice Brandt is a regional affairs correspondent based in the south-west.
```
The last paragraph is dropped (the byline line is J010's).
",
};

/// Longest biography paragraph, in bytes.
const MAX_LEN: usize = 600;

/// Nouns of the newsroom roles a biography gives its writer.
const ROLES: &[&str] = &[
    "reporter",
    "correspondent",
    "editor",
    "writer",
    "journalist",
    "columnist",
    "contributor",
    "producer",
    "photographer",
    "photojournalist",
    "critic",
    "anchor",
];

/// Lower-case words that may stand inside a name (`Ana de Souza`, `Pieter van Dijk`).
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "del", "der", "van", "von", "la", "le", "bin", "al",
];

/// Words that open the further sentences of a biography.
const FOLLOW_ON: &[&str] = &[
    "he", "she", "they", "his", "her", "their", "follow", "contact", "email", "e-mail", "reach",
];

impl Rule for AuthorBio {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let doc = ctx.doc;
        // the first two body paragraphs are the article's opening, never its author box
        // an author box under its own label is one wherever it stands
        let mut labelled = Vec::new();
        for p in doc.body_paragraphs() {
            let par = &doc.paragraphs()[p];
            let text = core(doc.paragraph_text(p));
            if let Some(label) = author_label(text).filter(|_| text.len() <= MAX_LEN) {
                labelled.push(p);
                let msg = format!("author box under the label {}", quote(label));
                out.push(Finding::new(&META, par.range.clone(), msg));
            }
        }
        let mut body = doc.body_paragraphs().filter(|p| !labelled.contains(p));
        let opening = [body.next(), body.next()];
        // paragraphs that have a biography's shape as a whole, judged as such
        let mut judged = Vec::new();
        for p in body {
            let text = doc.paragraph_text(p);
            if text.len() > MAX_LEN {
                continue;
            }
            let Some(name) = bio_name(core(text)) else {
                continue;
            };
            judged.push(p);
            let par = &doc.paragraphs()[p];
            if !named_elsewhere(doc, par.lines.clone(), name) {
                let msg = format!("biography of the writer {}", quote(name));
                out.push(Finding::new(&META, par.range.clone(), msg));
            }
        }
        // a block of page lines with no blank line between them (the app link, the author
        // box, the comment count): a line that is a whole biography sentence on its own,
        // after a line that does not run on into it, is read alone
        short_body_lines(ctx, LINE_MAX_LEN, |l| {
            let i = l.index;
            let Some(p) = doc.lines()[i].paragraph else {
                return;
            };
            let par = &doc.paragraphs()[p];
            // an author box's label at the start of one line of the block
            if par.lines.len() >= 2 && !labelled.contains(&p) {
                if let Some(label) = author_label(l.core) {
                    let msg = format!("author box under the label {}", quote(label));
                    out.push(Finding::new(&META, doc.lines()[i].range.clone(), msg));
                    return;
                }
            }
            if par.lines.len() < 2
                || !l.core.ends_with(['.', '!', '?'])
                || opening.contains(&Some(p))
                || judged.contains(&p)
                || name_len(l.core).is_none()
                || (i > par.lines.start && runs_on(core(doc.line_text(i - 1))))
            {
                return;
            }
            let Some(name) = bio_name(l.core) else {
                return;
            };
            if !named_elsewhere(doc, i..i + 1, name) {
                let msg = format!("biography of the writer {}", quote(name));
                out.push(Finding::new(&META, doc.lines()[i].range.clone(), msg));
            }
        });
    }
}

/// The label of an author box (`About the author:`, `About the writer:`) opening `text`,
/// with more text after it.
fn author_label(text: &str) -> Option<&str> {
    // most paragraphs fail here, before any search for the colon
    if !text
        .get(..10)
        .is_some_and(|h| h.eq_ignore_ascii_case("about the "))
    {
        return None;
    }
    let (label, rest) = text.split_once(':')?;
    let words: Vec<&str> = label.split_whitespace().collect();
    let is_label = matches!(
        words.as_slice(),
        [about, the, who] if about.eq_ignore_ascii_case("about")
            && the.eq_ignore_ascii_case("the")
            && ["author", "writer", "reporter", "journalist"].iter().any(|w| who.eq_ignore_ascii_case(w))
    );
    (is_label && !rest.trim().is_empty()).then_some(label)
}

/// The longest biography on a line of its own among other lines, in bytes.
const LINE_MAX_LEN: usize = 400;

/// Whether a line ending in `line` runs on into the next one: a comma or a function word such
/// as `and` or `the` at its end makes the next line the rest of its sentence.
fn runs_on(line: &str) -> bool {
    let last = line.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
    line.ends_with([',', ';', ':', '-']) || is_function_word(&last)
}

/// The name a biography `par` opens with, when `par` has the shape of one.
fn bio_name(par: &str) -> Option<&str> {
    // the name and the verb after it first: most paragraphs fail there, before any split
    let name_end = name_len(par)?;
    let verb = par[name_end..].split_whitespace().next()?;
    if !matches!(verb, "is" | "covers" | "reports" | "writes") {
        return None;
    }
    let spans = sentences(par);
    let (first, rest) = spans.split_first()?;
    if rest.len() > 2 {
        return None;
    }
    let sentence = &par[first.clone()];
    let name_end = name_len(sentence)?;
    let name = &sentence[..name_end];
    let after: Vec<&str> = sentence[name_end..].split_whitespace().collect();
    let role = match after.as_slice() {
        ["is", "a" | "an" | "the", words @ ..] => words.iter().take(12).any(|w| {
            let w = w
                .trim_end_matches([',', '.', ';', ':'])
                .to_ascii_lowercase();
            let w = w.strip_suffix("'s").unwrap_or(&w);
            ROLES.contains(&w)
                || ROLES
                    .iter()
                    .any(|r| w.strip_suffix(r).is_some_and(|s| s.ends_with('-')))
        }),
        ["covers" | "reports", ..] => after.len() >= 2,
        ["writes", "about" | "for", ..] => true,
        _ => false,
    };
    if !role {
        return None;
    }
    let (given, surname) = (name.split(' ').next()?, name.rsplit(' ').next()?);
    let follows = |s: &std::ops::Range<usize>| {
        let w = par[s.clone()].split_whitespace().next().unwrap_or("");
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        FOLLOW_ON.contains(&w.to_ascii_lowercase().as_str()) || w == given || w == surname
    };
    rest.iter().all(follows).then_some(name)
}

/// The length of the full name `sentence` opens with: two to four capitalised words (name
/// particles may stand between them), then a space.
fn name_len(sentence: &str) -> Option<usize> {
    // most paragraphs fail at once: a lower-case first or second word is no name
    // (a byte loop: a name's words are short, and a searcher costs more to set up than the
    // few bytes it would skip)
    let second = sentence
        .bytes()
        .position(|b| b == b' ')
        .map(|i| &sentence[i + 1..]);
    if !sentence.starts_with(char::is_uppercase)
        || !second.is_some_and(|w| {
            w.starts_with(char::is_uppercase) || NAME_PARTICLES.iter().any(|p| w.starts_with(p))
        })
    {
        return None;
    }
    let mut words = 0;
    let mut end = 0;
    let mut last_particle = false;
    for w in sentence.split(' ') {
        // `The Harbour Authority`: a determiner opens no name
        if words == 0 && is_clause_word(w) {
            return None;
        }
        let capitalised = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .skip(1)
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
            && w.chars().any(char::is_lowercase);
        let particle = words > 0 && NAME_PARTICLES.contains(&w);
        if !capitalised && !particle {
            break;
        }
        words += usize::from(capitalised);
        last_particle = particle;
        end += w.len() + 1;
        if words > 4 {
            return None;
        }
    }
    (words >= 2 && !last_particle).then(|| end - 1)
}

/// Whether the name, or its surname alone, occurs outside the lines `own` in a line that is
/// not a byline.
fn named_elsewhere(doc: &Document<'_>, own: Range<usize>, name: &str) -> bool {
    let surname = name.rsplit(' ').next().unwrap_or(name);
    (0..doc.lines().len())
        .filter(|i| !own.contains(i))
        .map(|i| core(doc.line_text(i)))
        .any(|line| mentions(line, surname) && !byline(line, name))
}

/// Whether `word` occurs in `line` as a whole word.
fn mentions(line: &str, word: &str) -> bool {
    line.match_indices(word).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether `line` is the writer's byline or author box: `By <name> ...`, `Reporting by ...`,
/// `Written by ...`, the name alone, or a line J010 reads as a byline (`Dr Jane Doe · 4 min
/// read`).
fn byline(line: &str, name: &str) -> bool {
    let lower = line.to_lowercase();
    line == name
        || lower.starts_with("by ")
        || super::byline::is_byline(line)
        || [
            "reporting by",
            "written by",
            "writing by",
            "words by",
            "story by",
        ]
        .iter()
        .any(|l| lower.contains(l))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::junk::testing::found;

    fn article(byline: &str, tail: &str) -> String {
        format!(
            "Harbour authority approves second ferry terminal\n\n{byline}\n\n\
             The harbour authority on Tuesday approved plans for a second ferry terminal.\n\n\
             Board members voted seven to two in favour after a four-hour meeting.\n\n\
             Construction is expected to begin next spring, the authority said.\n\n{tail}\n"
        )
    }

    #[test]
    fn a_writers_biography_is_found() {
        for (byline, bio) in [
            ("By Alice Brandt", "Alice Brandt is a regional affairs correspondent based in the south-west."),
            ("By Alice Brandt", "Alice Brandt is the paper's chief political reporter. She joined in 2019."),
            ("", "Meg James is a corporate media reporter for the Daily Ledger, covering television."),
            ("By Ana de Souza", "Ana de Souza covers energy and climate for the Ledger. Follow her on Bluesky."),
            ("Reporting by Tom Wu", "Tom Wu writes about transport and cities."),
            ("", "Dallas Robinson is a freelance writer living in Minneapolis"),
            ("", "*Priya Nair is a senior data journalist at the Ledger.*"),
            // the label is the evidence, whatever the sentence after it
            ("", "About the author: Cora Vance has covered film festivals since 2012."),
            ("By Cora Vance", "About the writer: Cora Vance is our festivals editor."),
            ("Dr Priya Venn · 4 min read", "Priya Venn is the health correspondent at the Wire and a former doctor."),
            ("Reporter: Sunniva Marr", "Sunniva Marr is a courts reporter at the Evening Post."),
        ] {
            let text = article(byline, bio);
            assert_eq!(found(&AuthorBio, &text), [bio], "{bio:?}");
        }
        // the label on one line of a block of page lines: that line alone
        let label = "About the author: Cora Vance has covered film festivals since 2012.";
        let text = article(
            "",
            &format!("Share this story: Facebook | X\n{label}\nComments (14)"),
        );
        assert_eq!(found(&AuthorBio, &text), [label]);
    }

    #[test]
    fn only_the_label_alone_before_its_colon_opens_an_author_box() {
        assert_eq!(
            author_label("About the author: She writes."),
            Some("About the author")
        );
        for text in [
            "About the author's new book, critics agree: it is long.",
            "About the author:",
            "What we know about the writer: very little.",
        ] {
            assert_eq!(author_label(text), None, "{text}");
        }
    }

    #[test]
    fn people_of_the_story_are_kept() {
        for (byline, tail) in [
            // the story names him: the paragraph is about him
            (
                "Fenster was detained at the airport on Monday.",
                "Danny Fenster is the managing editor of Frontier, a weekly magazine.",
            ),
            // no newsroom role
            (
                "By Alice Brandt",
                "Sally Rooney is the author of three novels.",
            ),
            (
                "By Alice Brandt",
                "Miriam Okafor is a former harbour pilot who chairs the board.",
            ),
            // a story sentence after it
            (
                "By Alice Brandt",
                "Alice Brandt is a reporter. The terminal will open in 2028.",
            ),
            // not a name
            (
                "By Alice Brandt",
                "The Harbour Authority is the editor of its own annual report.",
            ),
            // the past tense: an obituary's or a story's line
            (
                "By Alice Brandt",
                "John Reed was a reporter for the paper for forty years.",
            ),
        ] {
            let text = article(byline, tail);
            assert!(found(&AuthorBio, &text).is_empty(), "{tail:?}");
        }
        // the opening paragraphs are never a biography
        let text = "Title of the story\n\nJane Doe is a reporter who has covered the harbour for years.\n\nMore prose.\n";
        assert!(found(&AuthorBio, text).is_empty());
    }

    #[test]
    fn a_biography_line_in_a_block_of_page_lines_is_found() {
        let bio = "Alice Brandt is a regional affairs correspondent for the Ledger.";
        let tail = format!("Download the Ledger app for alerts\n{bio}\nComments (12)");
        let text = article("By Alice Brandt", &tail);
        assert_eq!(found(&AuthorBio, &text), [bio]);
        // a line that the one before runs on into is the rest of a sentence
        for before in [
            "The board heard from the harbour master, and",
            "In the end, said",
        ] {
            let tail = format!("{before}\n{bio}");
            assert!(
                found(&AuthorBio, &article("", &tail)).is_empty(),
                "{before:?}"
            );
        }
        // a line that ends no sentence is part of a wrapped paragraph
        let tail = "Comments (12)\nAlice Brandt is a correspondent who spent\nten years at sea";
        assert!(found(&AuthorBio, &article("", tail)).is_empty());
        // the story names her elsewhere
        let tail = format!("Comments (12)\n{bio}");
        let text = article("Brandt said the vote was close.", &tail);
        assert!(found(&AuthorBio, &text).is_empty());
    }

    #[test]
    fn names_are_two_to_four_capitalised_words() {
        assert_eq!(name_len("Alice Brandt is a reporter"), Some(12));
        assert_eq!(name_len("Pieter van Dijk is a writer"), Some(15));
        assert_eq!(name_len("Brandt is a reporter"), None);
        assert_eq!(name_len("Ana de is"), None);
        assert_eq!(name_len("The NHS Trust is"), None);
        assert_eq!(name_len("One Two Three Four Five is"), None);
    }
}
