//! J011 agency-credit: wire-service, photo and syndication credits on a line of their own.
//!
//! Syndicated stories end with `(With inputs from PTI)`, `(Reporting by ...; Editing by ...)`
//! or `— AFP`; photos leave `Photo: Name/AP` under them; republished stories say where they
//! first ran. These credit lines are fixed formulas; the rule takes a line only when the whole
//! line is the credit, so a sentence that cites an agency stays.

use std::sync::LazyLock;

use regex::Regex;

use crate::rules::junk::{quote, short_body_lines, Start};
use crate::rules::{Action, Context, Finding, Rule, RuleMeta};

pub struct AgencyCredit;

static META: RuleMeta = RuleMeta {
    code: "J011",
    name: "agency-credit",
    action: Action::DropLine,
    default_enabled: true,
    explanation: "\
## What it does
Drops a line that is only a news-agency or reporting credit: `(With inputs from agencies)`, \
`(With inputs from PTI)`, `(Reporting by ...; Editing by ...)`, `— AFP`, `— Meridian Press` \
(a dash and a wire of one to three capitalised words ending in `Press`, `News`, `Wire` or \
`Agency`), `(Reuters)`, \
`Jane Doe contributed reporting from Lagos.`, and a photo credit: `Photo: Reuters`, \
`Image: Getty Images`, `(Photo: AFP/File)`, `(AP Photo/Matt Rourke)`, `Getty Images`, \
`Reuters/Jane Doe`, `Credit: Jane Doe for The Courier`, `Photo: Council handout`, \
`Image source: Harbour Steel corporate website`; an editing or review credit (`Edited \
by Mark Hollis`, `Medically reviewed by Jane Doe`); a syndication note: `This article was \
originally published on The Northern Post.`, `Published in the print edition of 12 March 2026.`, \
`(This story has not been edited by staff and is published from a syndicated feed.)`, \
`Disclaimer: This story is auto-generated from a syndicated feed.`; the wire's note on its \
standards (`Our Standards: The Trust Principles.`); the publisher's disclaimer (`Disclaimer: \
The views and recommendations above are those of individual analysts.`, `This article is for \
informational purposes only.`); a caption that the page labelled as one: `Image caption, \
Divers at the harbour wall`, `FILE PHOTO: A worker at the plant`; and a caption of 250 bytes \
or less that ends in its photo credit in brackets, or after its last stop, and reports no \
speech: `Divers at the harbour wall on Monday. (Photo credit: Harbour Authority)`, `The app \
on a phone. Credit: Lena Ostrowski for The Circuit`.

## Why
Credits are production notes of the wire service, not part of the story. The whole line must \
be the credit formula; a sentence that cites an agency (\"Reuters reported ...\") is kept, and \
so is an unlabelled caption (`Photo: Firefighters at the scene`): a photo credit names only \
sources. A caption counts only behind the page's own `Image caption,` label, or before its \
own credit (bracketed, or a label such as `Credit:` after the last stop followed by sources \
alone), which no paragraph of a story ends with. A disclaimer counts when it \
speaks of the page (`above`, `in this article`) or carries the `Disclaimer:` label; a story \
reporting whose views are whose stays.

## Example
```text
(Reporting by Ana Silva; Editing by Tom Weir)
```
The line is dropped.
",
};

pub(super) const MAX_LEN: usize = 400;

const AGENCY: &str = r"(?:agencies|PTI|Reuters|AP|AFP|IANS|ANI|dpa|Bloomberg|Xinhua|UNI|EFE|ANSA|TASS|Anadolu|Associated\s+Press|Press\s+Trust\s+of\s+India|Agence\s+France[\s-]Presse|Bernama|Yonhap|Kyodo|wire\s+services?)";

/// A source of a photo: Latin letters only, which keeps the patterns' automata small (a
/// credit in another script is left alone).
const SOURCE: &str = r"(?-i:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'’-]*)";

/// A caption's longest line, in bytes: a line this short that ends in a photo credit is the
/// caption above it; a paragraph of the story is longer.
const CAPTION_MAX_LEN: usize = 250;

/// A photo credit in brackets at the end of a line: `(Photo: Reuters)`, `(Photo credit:
/// University of Lyon)`, `(Image courtesy: Jane Doe/AP)`.
static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?xi)\S\s*\(\s*(?:(?:file\s+)?(?:photo|image|picture|pic|photograph)s?(?:\s+(?:credits?|courtesy|source))?|credits?|courtesy)(?:\s*[:|,]\s*|\s+)
            (?:{SOURCE}|{AGENCY})(?:\s*(?:[/,&]|and|via|for|by|of|on)?\s*(?:{SOURCE}|{AGENCY}))*\s*\)\.?$"
    ))
    .expect("valid caption-credit pattern")
});

/// The sources a caption's closing credit names, after its label and colon: `Lena Ostrowski
/// for The Circuit`, `Reuters/Jane Doe`.
static CREDIT_SOURCES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?xi)^\s*(?:{SOURCE}|{AGENCY})(?:\s*(?:[/,&]|and|via|for|by|of|on)?\s*(?:{SOURCE}|{AGENCY}))*\s*\.?$"
    ))
    .expect("valid credit-sources pattern")
});

/// The longest closing credit of a caption after its label's colon, in bytes.
const CREDIT_MAX_LEN: usize = 80;

/// Labels of a caption's closing credit, before its colon.
const CREDIT_LABELS: &[&str] = &[
    "credit",
    "credits",
    "photo",
    "photograph",
    "image",
    "picture",
];

/// Whether `line` ends, after a sentence's stop, in a photo credit (`... in central Marrowgate.
/// Credit: Lena Ostrowski for The Circuit`, `... at the scene. Photograph: Reuters/Jane Doe`):
/// the caption's own credit, which no paragraph of a story ends with.
fn ends_in_credit(line: &str) -> bool {
    // the credit is the line's last few words
    let tail = line.len().saturating_sub(CREDIT_MAX_LEN);
    let Some(colon) = memchr::memrchr(b':', &line.as_bytes()[tail..]).map(|k| tail + k) else {
        return false;
    };
    let before = line[..colon].trim_end();
    let label_at = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(k, c)| k + c.len_utf8());
    let label = &before[label_at..];
    if !CREDIT_LABELS.iter().any(|l| label.eq_ignore_ascii_case(l)) {
        return false;
    }
    // "Photo credit:", "Image credit:"
    let mut lead = before[..label_at].trim_end();
    if let Some(k) = lead.rfind(' ') {
        if ["photo", "image", "picture"]
            .iter()
            .any(|w| lead[k + 1..].eq_ignore_ascii_case(w))
        {
            lead = lead[..k].trim_end();
        }
    }
    lead.ends_with(['.', '!', '?'])
        && before[..label_at].ends_with(' ')
        && CREDIT_SOURCES.is_match(&line[colon + 1..])
}

/// A credit line: one of the [`Start`](super::Start) patterns.
pub(super) static CREDIT_PATTERN: LazyLock<String> = LazyLock::new(|| {
    let name = r"(?-i:\p{Lu}[\p{L}.'’-]*)";
    let source = SOURCE;
    // an agency of the wire's own naming (`— Meridian Press`), after a dash as a known one
    let wire = r"(?-i:[A-Z][A-Za-z&.'-]*)(?:\s+(?-i:[A-Z][A-Za-z&.'-]*)){0,2}\s+(?:press|news|newswire|wire|agency)";
    format!(
        r"(?xi)^(?:
            \(\s*with\s+(?:additional\s+)?inputs?\s+from\s+[^()]{{1,80}}\)\.?
          | with\s+(?:additional\s+)?inputs?\s+from\s+(?:{AGENCY}(?:\s*(?:,|and|&)\s*)?)+\.?
          | \(\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research)\s+by\s+[^()]{{1,300}}\)\.?
          | (?:additional\s+)?reporting\s+by\s+[^;]{{1,200}};\s*(?:writing|editing)\s+by\s+[^;]{{1,200}}(?:;\s*editing\s+by\s+.{{1,200}})?
          | [—–-]+\s*(?:{AGENCY}|{wire})\.?
          | \(\s*{AGENCY}(?:\s*[/,&]\s*{AGENCY})*\s*\)\.?
          | (?:source|sources|inputs)\s*:\s*{AGENCY}(?:\s*(?:[/,&]|and)\s*{AGENCY})*\.?
          | \(?\s*(?:(?:file\s+)?(?:photo|image|picture|pic|photograph|illustration|graphic|video|map|chart)s?(?:\s+(?:credits?|courtesy|source))?|credits?)(?:\s*[:|,]|\s+by)\s*
              (?:\s*(?:[/,&]|and|via|for|by|on)?\s*(?:{source}|{AGENCY}|(?:press\s+)?handout|supplied|file|archives?))+
              (?:\s+(?:official\s+|corporate\s+|company\s+)?(?:website|site|(?:x|instagram|facebook|linkedin)\s+(?:account|page)))?\s*\)?\.?
          | \(?\s*(?:getty\s+images|shutterstock(?:\.com)?|istock(?:photo)?|alamy(?:\s+stock\s+photo)?|(?:ap|afp|epa|reuters|pa|dpa|anp|anadolu|xinhua|bloomberg)\s+(?:photo|images|wire|via\s+getty\s+images))
              (?:\s*(?:/|via|for)\s*(?:{source}|istock(?:photo)?)(?:\s+{source}){{0,3}})*(?:\s*,\s*file)?\s*\)?\.?
          | \(?\s*(?:{AGENCY}|epa)\s*/\s*{source}(?:\s+{source}){{0,3}}(?:\s*/\s*(?:{source}|{AGENCY})(?:\s+{source}){{0,3}})*\s*\)?\.?
          | this\s+(?:article|story|piece|post|report)\s+(?:was\s+|has\s+been\s+)?(?:originally|first)\s+(?:published|appeared|ran)\s+(?:on|in|at|by)\s+(?-i:[A-Z])[^.,;]{{0,60}}\.?
          | (?:this\s+(?:article|story)\s+)?(?:was\s+)?(?:published|appeared)\s+in\s+the\s+print\s+edition(?:\s+of\s+[^.;]{{1,40}})?\.?
          | \(?\s*(?:disclaimer\s*[:|–—-]\s*)?(?:this\s+(?:article|story|report|copy)|only\s+the\s+headline)(?:\s+[a-z0-9,;'’-]+){{0,30}}?\s+(?:syndicated|agency|wire)\s+(?:news\s+)?(?:feed|copy)\.?\s*\)?\.?
          | (?:disclaimer\s*[:|–—-]\s*(?:the\s+)?(?:views|opinions)(?:\s+[a-z'’]+){{0,6}}?|(?:the\s+)?(?:views|opinions)(?:\s+and\s+(?:views|opinions|recommendations|advice))?(?:\s+(?:expressed|made|given|shared))?\s+(?:above|here(?:in)?|in\s+(?:this|the\s+above)\s+(?:article|column|piece|post|story|blog|video)))\s+(?:are|is)\s+(?:those\s+of|solely|personal|(?:the\s+)?(?:author|writer)(?:'s|’s)?|(?:his|her|their)\s+own)(?:[\s.,;].*)?
          | (?:disclaimer\s*[:|–—-]\s*)?this\s+(?:article|content|story|post|report|information)\s+is\s+(?:meant\s+|intended\s+|provided\s+)?(?:only\s+)?for\s+(?:general\s+)?(?:informational?|information|educational)\s+(?:purposes|only)(?:[\s.,;].*)?
          | disclaimer\s*[:|–—-]\s*this\s+(?:article|content|story|post|report|information)\s+(?:is\s+not|does\s+not\s+constitute|should\s+not\s+be\s+(?:taken|treated|construed)\s+as)\s+(?:an?\s+)?(?:investment|financial|legal|medical|tax)\s+advice(?:[\s.,;].*)?
          | (?:edited|copy[\s-]?edited|fact[\s-]?checked|produced|(?:medically\s+)?reviewed)\s+by\s*:?\s+{name}(?:\s+{name}){{0,3}}(?:\s*(?:,|and|&)\s*{name}(?:\s+{name}){{0,3}})*\.?
          | (?:image|photo|picture|video)\s+caption\s*[,:]\s*\S.*
          | file\s+photo\s*:\s*\S.*
          | our\s+standards\s*:\s*(?-i:[A-Z])[^.;]*\.?
          | \(?\s*(?:representative|representational|file|stock)\s+(?:image|photo|picture|pic)s?\s*\)?\.?
          | {name}(?:,?\s+(?:and\s+)?{name}){{0,7}}\s+contributed\s+(?:reporting|to\s+this\s+(?:report|story|article))(?:\s+from\s+[^.;]{{1,60}})?\.?
        )$"
    )
});

impl Rule for AgencyCredit {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        short_body_lines(ctx, MAX_LEN, |l| {
            let (i, core) = (l.index, l.core);
            // the shared line-start pass ran CREDIT_PATTERN on the line already
            if l.starts(Start::Credit) {
                let label = core.split([',', ':']).next().unwrap_or("");
                let label = label.trim().to_ascii_lowercase();
                let disclaimer = label.starts_with("disclaimer")
                    || ["views", "the views", "opinions", "the opinions"]
                        .iter()
                        .any(|w| label.starts_with(w))
                    || label.contains(" purposes");
                let msg = if label.ends_with("caption") || label == "file photo" {
                    format!("caption under the page's own label {}", quote(core))
                } else if disclaimer && !label.contains("syndicated") {
                    format!("the publisher's disclaimer {}", quote(core))
                } else {
                    format!("credit line {}", quote(core))
                };
                out.push(Finding::new(&META, ctx.doc.lines()[i].range.clone(), msg));
            } else if core.len() <= CAPTION_MAX_LEN
                && ((core.trim_end_matches('.').ends_with(')') && CAPTION_CREDIT.is_match(core))
                    || ends_in_credit(core))
                && !reports_speech(core)
            {
                let msg = format!("caption with its photo credit {}", quote(core));
                out.push(Finding::new(&META, ctx.doc.lines()[i].range.clone(), msg));
            }
        });
    }
}

/// Whether `line` reports what someone said: a caption shows, a story's paragraph reports.
fn reports_speech(line: &str) -> bool {
    [" said", " says", " told"].iter().any(|w| line.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::junk::testing::{assert_junk, assert_kept};

    #[test]
    fn credits_are_found() {
        for l in [
            "(With inputs from agencies)",
            "(With inputs from PTI)",
            "With inputs from PTI and IANS.",
            "(Reporting by Ana Silva in Lisbon; Editing by Tom Weir)",
            "Reporting by Ana Silva; Editing by Tom Weir",
            "— AFP",
            "- Reuters",
            "— Meridian Press",
            "– Harbour News Agency",
            "(AFP)",
            "(Reuters/AP)",
            "Source: Agencies",
            "Kemi Adeyemi contributed reporting from Lagos.",
            "Image caption, The existing terminal handles about 1.2 million passengers a year",
            "Photo caption: Divers at the harbour wall",
            "Image: Lumen/press handout",
            "Map: Harbour Geological Survey",
            "Chart: Ledger Research",
            "Edited by Mark Hollis",
            "Fact-checked by Ana Silva and Tom Weir.",
            "Kemi Adeyemi and Li Wei contributed reporting.",
            "Photo: Reuters",
            "Image: Getty Images",
            "Photo by Tomas Lind on Unsplash",
            "Edited By: Rahul Verma",
            "(Representative image)",
            "Representational image",
            "File photo",
            "(Photo: AFP/File)",
            "Photo credit: Jane Doe for The Daily Courier",
            "Photograph by Ana Silva",
            "Pictures: AP and Reuters",
            "This article was originally published on The Northern Post.",
            "This story first appeared in The Harbour Gazette",
            "Published in the print edition of 12 March 2026.",
            "This article appeared in the print edition.",
            "(This story has not been edited by Daily Ledger staff and is published from a syndicated feed.)",
            "(Only the headline and picture of this report may have been reworked by the Ledger staff; the rest of the content is auto-generated from a syndicated feed.)",
            "This report was produced from wire copy.",
            "Image source, Getty Images",
            "Image source: Vardhan Steel corporate website",
            "Photo: Harbour Museum X account",
            "Credit: Jane Doe for The Courier",
            "Photo: Council handout",
            "Picture: Supplied",
            "(Photo: Harbour Museum archive)",
            "Getty Images",
            "Getty Images/iStockphoto",
            "AP Photo/John Smith",
            "(AP Photo/Matt Rourke)",
            "(AP Photo/Matt Rourke, File)",
            "Reuters/John Smith",
            "AFP/Getty Images",
            "EPA/Anna Berg",
            "Disclaimer: This story is auto-generated from a syndicated feed.",
            "Reviewed by Dr. Amit Shah, MD",
            "Medically reviewed by Jane Doe",
            "FILE PHOTO: A worker walks past the plant in Lyon, France, March 3, 2025.",
            "Our Standards: The Harbour Trust Principles.",
            "Disclaimer: The views and recommendations above are those of individual analysts, not of the Ledger.",
            "The views expressed in this column are those of the author and do not reflect the Ledger's.",
            "Views expressed above are the author's own.",
            "Disclaimer: The opinions in this piece are solely the writer's.",
            "This article is for informational purposes only and is not investment advice.",
            "Disclaimer: This content is intended for general information purposes only.",
            "Disclaimer: This article is for information only and is not investment advice.",
            "Disclaimer: This article does not constitute financial advice.",
            "Image: Claire Dubois in the laboratory. (Photo credit: University of Lyon)",
            "Image: The app on a smartphone in central Marrowgate. Credit: Lena Ostrowski for The Circuit",
            "Firefighters at the scene on Monday. Photograph: Reuters/Jane Doe",
            "The new bridge at dusk. Photo credit: Harbour Authority.",
            "Firefighters at the scene of the blaze on Monday (Photo: Reuters)",
            "The new terminal, seen from the harbour wall. (Image courtesy: Harbour Authority/AP).",
        ] {
            assert_junk(&AgencyCredit, l);
        }
    }

    #[test]
    fn sentences_citing_agencies_are_kept() {
        for l in [
            "Reuters reported the deal on Monday.",
            "The figures were compiled with inputs from the state governments, officials said.",
            "He was seen with inputs from agencies in hand.",
            "Reporting by the local paper revealed the scheme.",
            "AFP",
            "Several agencies contributed reporting to the inquiry into the crash last year.",
            "(Reporting by Ana Silva; Editing by Tom Weir) The talks continue.",
            "Photo: Firefighters at the scene of the blaze",
            "Photos of the flood were shared by Reuters.",
            "Image: a map of the new route",
            "Photo: Lindqvist website design award entry",
            "The council approved the plan on Monday. Credit: the rating agency raised its score.",
            "Banks tightened lending. Credit: Harder to get for small firms, the survey found.",
            "The team won the final. Picture: the trophy lift",
            "The coach praised Eugênio: Reuters",
            "— Jane Doe",
            "- more news",
            "— Press freedom groups condemned the arrest.",
            "He signed. Crédit: Reuters",
            "Photo by Tomas Lind on the harbour wall at dawn",
            "File photos of the suspects were shown to the jury.",
            "This story first appeared in a local newsletter, and it spread quickly, officials said.",
            "This report was first published in 2019 and has been cited since.",
            "Published in the print edition of the paper, the letter caused a storm among readers in the town.",
            "This story is about a town that fought a wire service over its copy and won the case.",
            "This report relies on agency copy, the editors said, and on two local sources.",
            "Getty Images said its profit rose in the quarter.",
            "AP Photo editors chose the picture from hundreds.",
            "Credit: the bank raised its rates on Monday.",
            "Photo: the file the council handed out",
            "Reuters/Ipsos polls showed support falling.",
            "Image captions on the site were rewritten by the new editor last year.",
            "The photo caption was wrong, the paper admitted.",
            "Edited by hand, the film runs for three hours.",
            "Produced by Ana Silva, the album was recorded in Lisbon in a week.",
            "Originally published in 1851, the novel sold poorly.",
            "Reviewed by the committee, the plan was approved on Monday.",
            "File photos of the plant were shown to the court.",
            "Our standards have slipped, the chairman said.",
            "Disclaimer: the figures are estimates.",
            "The views of residents were heard at the meeting.",
            "Opinions expressed at the hearing were divided, the chair said.",
            "The views expressed by the minister are those of the government, a spokesman said.",
            "This report is for the board's eyes only.",
            "This report is not financial advice, the regulator warned savers.",
            "This information is only for the committee, the clerk said.",
            "Miss Harbour 2026 chosen from 30 finalists (PHOTOS)",
            "The fire was put out by noon (Reuters was first to report it).",
            "Crews worked through the night to clear the line near the old depot, officials said, and trains ran again by morning after the council paid for the repairs (Photo: Reuters)",
        ] {
            assert_kept(&AgencyCredit, l);
        }
    }
}
