//! SEO keyword stuffing (`S0xx`): keyword phrases inserted into the article's own prose.
//!
//! SEO tools paste keyword phrases ("Trump Putin meeting 2025") into sentences, append
//! keyword clauses and add a stuffed teaser under the title. These rules find them from the
//! document's own evidence and cut only what the sentence can lose; the rest is flagged.
//! All six rules read one shared [`evidence`] analysis, computed once per document.

pub mod evidence;
pub mod grammar;
pub mod lexicon;
pub mod tokens;

use crate::rules::{Action, Context, Finding, Phase, Rule, RuleMeta};

use evidence::Params;

pub static GLUED_NAMES: RuleMeta = RuleMeta {
    code: "S001",
    name: "glued-names",
    action: Action::DropSpan,
    default_enabled: true,
    explanation: "## What it does

Removes two names glued together with no connective (`Trump Putin`, `US Russia`) when the
document itself shows they are two things: it uses each of them on its own, and either joins
them with a connective somewhere (`Trump and Putin` in the title, `US-Russia`) or glues them
in both orders (`US Russia` and `Russia US`). A name may have several words: `Pakistan New
Zealand` is two names where the document joins exactly those two, each whole
(`Pakistan vs New Zealand`). A following lower-case phrase with a bare year
is removed with it (`Trump Putin meeting 2025`); a stuffed phrase alone in brackets goes with the
brackets (`The talks (Lisbon Madrid rail deal 2026) ended` -> `The talks ended`). A pair set in
after a noun goes too where the sentence reads on: after a month or a day (`stalled in July
Rovers Almara after ...`), or before a verb after a noun phrase that opens the sentence with
a determiner (`The cause of the fire Tallow Creek Merrin is under investigation`). When the
pair is the subject of its clause,
or the words around it do not show the sentence reads on without it, it is only flagged.

## Why

SEO tools stuff keyword pairs into prose where no writer would put them. Real multi-word
names (`Donald Trump`, `Goldman Sachs`, `New York Times`) are never split and joined by the
document that way, so they are left alone.

## Example

`The Russian side gave Trump Putin meeting 2025 a \"principled agreement\".` becomes
`The Russian side gave a \"principled agreement\".` when the title reads `... Trump and Putin`.
",
};

pub static YEAR_GLUED_PHRASE: RuleMeta = RuleMeta {
    code: "S002",
    name: "year-glued-phrase",
    action: Action::DropSpan,
    default_enabled: true,
    explanation: "## What it does

Removes a lower-case phrase followed directly by a bare year (`international relations 2025`,
`price prediction 2026`) where the sentence reads on without it. Years after prepositions,
months, seasons and time words (`in 2025`, `since early 2025`, `fiscal 2025`, `spring 2024`,
`the class of 2026`), years before a noun (`the 2025 budget`, `a record 2024 harvest`) and
numbered names (`Euro 2024`, `Vision 2030`) are not touched; but words going on from two
glued names to a year belong to the keyword (`a Lakers Celtics rivalry 2026 classic` -> `a
classic`), and so do a name (or an initialism) and two lower-case words or more after a
determiner (`the Lindau car ban 2026 plan` -> `the plan`, `the UK offshore wind 2026
pipeline` -> `the pipeline`); so does a name of one to three capitalised words glued on after the end of a noun phrase,
a number or a day, with nothing to join it there (`61.4 percent Kessling election results
2026, the highest` -> `61.4 percent, the highest`, `on Thursday Bank of Valmeria rate decision
2026 but` -> `on Thursday but`; after a verb, a determiner or a preposition the name is the
phrase's own); so does a name of two words leading one lower-case word, when
the text glues that word to the year elsewhere too (`the Baltic Wings strike 2026 refunds`
-> `the refunds`), and a name and one lower-case word glued on there when both are the
title's (`after twelve hours Carrow harbour 2026.` -> `after twelve hours.` under a title on
the port of Carrow); so do two lower-case words that are both the title's between a determiner
and a noun (`the doctors strike 2026 deadlock` -> `the deadlock` under a title on the doctors'
strike); an initialism between two lower-case words of the phrase is one of its
words (`gold ETF inflows 2026`). When the phrase ends its clause after a preposition and a
determiner, those go too (`respond to the X 2025, however` -> `respond, however`). A phrase
of two words or more that fills the stretch between two commas, with the sentence going on
after the second in a function word, is an aside and goes with the comma after it (`the old
model, best budget headset 2025, in a push to ...` -> `the old model, in a push to ...`); one
alone in brackets goes with the brackets. After a determiner, a phrase before a verb (`The
price drop 2025 comes as ...`, `... 2025 helped ...`) is the head of its subject: it is only
flagged, where before a noun it goes (`the best cameras 2025 pages` -> `the pages`).

## Why

\"keyword + year\" is how SEO tools target searches; English prose never puts a bare year
straight after a common noun phrase.

## Example

`Officials did not respond to the international relations 2025, however, as they said ...`
becomes `Officials did not respond, however, as they said ...`.
",
};

pub static KEYWORD_CLAUSE: RuleMeta = RuleMeta {
    code: "S003",
    name: "keyword-clause",
    action: Action::DropSpan,
    default_enabled: true,
    explanation: "## What it does

Removes a trailing participial clause (`, adding that ...`, `, saying ...`, `, calling it ...`)
that carries stuffed phrases (glued names or a year-glued phrase), from the comma to the end
of the sentence; the full stop stays, unless an abbreviation's point before the clause now
ends the sentence (`after 3 p.m., adding ...` -> `after 3 p.m.`). A clause made mostly of the title's words but with no
stuffed phrase is only flagged; a clause with quoted speech is never touched.

A trailing clause also goes, with no stuffed phrase in it, when it ends in a template's
keywords: the object of a preposition made of noun phrases joined by `and`, with no
determiner or verb among them, one of which is a search term (two words or more and then
`news` or `update(s)`, or two search words such as `news today`), holding a word of the
title or one the text repeats (`, making it a big update for Kesarabad real estate and smart
city infra news.`). Such a clause may open with a participle, or be an aside after a full
main clause (`, a major development in ...`, `, in what analysts called ...`). A participle's
clause needs no search term when the text marks its keywords otherwise: one of the phrases
holds three of the title's words in the title's order, or every phrase has two words or
more and one holds two words of a phrase stuffed elsewhere in the text (`, adding that it
was a landmark moment for Carrow port closure and harbour safety rules.`). Reporters end
on `the news` or `good news for savers`, and a phrase opened by a participle (`delays and
missing timetable updates`) is not a keyword.

A relative clause (`, which ...`) is most often the reporter's own, so it goes only when it
is a template around stuffed phrases: a stuffed phrase closes it, followed by a search word
(`news`, `update`, `today` ...) at most, and at most six other words stand in it (`, which
is important for home loan rate cut 2026 news.`). Otherwise only the phrase is judged.

## Why

SEO templates append a keyword clause to a real sentence so that keywords appear in the
body. The sentence itself is the reporter's; the appended clause is not.

## Example

`..., Ushakov said Thursday, adding that it was a key moment for Lisbon Porto rail plans.`
becomes `..., Ushakov said Thursday.` when the article also writes `Lisbon and Porto`.
",
};

pub static KEYWORD_TEASER: RuleMeta = RuleMeta {
    code: "S004",
    name: "keyword-teaser",
    action: Action::DropLine,
    default_enabled: true,
    explanation: "## What it does

Drops the first paragraph after the title when it is short, carries stuffed phrases (glued
names, year-glued phrases) and ends in a generic teaser formula (`Here's what to know`,
`Everything you need to know`, `Find out more`, `Read on to learn more`), and each such
paragraph right after it. Lines that the page-junk rules drop between the title and the dek
do not count. A dek that opens with a keyword label of the title's words before a colon (no
verb, no determiner: `Container ship aground Kestrel Point: ...`; half its words the title's,
or two of them) and ends in a formula goes too, as a stuffed one does, and so does a dek that
is only a list of three keyword phrases or more (five words at most each, no verb form of the
closed class, determiner or pronoun, two of them with the title's words) before a colon and
the formula (`Kestrel Point aground, container ship fuel oil, spill map updates: Here's
everything we know.`). A dek that ends in a formula but carries no stuffed phrase and no
such label is a real dek and stays (`Analysis: ...`, a section's kicker, is no label), and
so does everything after it. When one of the dek's sentences carries no stuffed
phrase, it is the reporter's lede: the paragraph stays, its stuffed phrases are judged where
they stand (S001, S002), and only the formula goes.

Anywhere in the body, it also drops a question and a teaser formula, as a paragraph of
their own or as the last two sentences of one, when the question holds two of the title's
words and a stuffed phrase, a year glued to a lower-case word, or the subjectless opening of
a searcher's question (`Looking for the best museum collection news 2026? Read on.`,
`Wondering what the museum deal means for visitors? Here is everything you need to know.`).
A question in the article's own words (`What does the vote mean for you? Here's what we
know.`) stays.

## Why

SEO templates put a keyword-stuffed dek under the headline. Its facts are repeated by the
article itself; its keywords are not.

## Example

`A minister said a Lisbon Porto rail deal 2025 is near, a step for Lisbon Porto links.
Here's what to know.` right after the title is dropped.
",
};

pub static REPEATED_KEYWORD: RuleMeta = RuleMeta {
    code: "S005",
    name: "repeated-keyword",
    action: Action::Flag,
    default_enabled: true,
    explanation: "## What it does

Reports (never removes) a stuffed keyword (a glued pair of names or a year-glued phrase) that
appears in several paragraphs (three by default, `[settings.repeated-keyword] min-paragraphs`).

## Why

Repetition across paragraphs is the signature of a keyword campaign; seeing it in the
report lets a reviewer judge the whole article, including the occurrences that could not be
removed safely.

## Example

`\"Lisbon Porto\" is stuffed into the prose 5 times across 4 paragraphs`.
",
};

pub static KEYWORD_FRAGMENT: RuleMeta = RuleMeta {
    code: "S006",
    name: "keyword-fragment",
    action: Action::DropSpan,
    default_enabled: true,
    explanation: "## What it does

Removes keyword phrases that stand as a sentence of their own, or as a label before one:
- a list of three or more comma-separated phrases with no verb, determiner, pronoun or
  conjunction, most of them holding the title's words, when most items share a head of two
  words or more (`Nova Buds 3 price, Nova Buds 3 battery life, Nova Buds 3 vs AirPods.`) or
  there are four items or more, each with the title's words, or two items hold the same words
  in another order (`Lakers Celtics, Celtics Lakers, NBA scores.`), or two items end in a
  search word or a bare year (`Greece wildfire news 2026, Kalamata fire update, Peloponnese
  evacuation.`), or every item holds the title's words and one ends in `news` or `update`
  (`Harlow Vale trams, Cressing Park tram link, Vale Metro news.`), or an item glues two
  names that S001 shows apart; items may hold `&`; a three-item list that
  shares one word only (`Lower taxes, lower prices, lower wages.`) is flagged, not removed;
  such a list before a colon that opens a paragraph is a label, and goes without the
  sentence after it (`Ardley doctors strike, Ardley hospital news, doctors protest update:
  Clinics stayed shut ...`); one that fills a pair of round or square brackets goes with
  them, and there one of the title's words in two items is enough (`the claimants (Zipply
  court case, Zipply drivers employees, gig economy lawsuit) and ...`), or four of the
  title's words across items of two content words or more (`(Carrow closure, ship aground,
  harbour oil spill)`); a bracketed list that fills a line drops the line;
- a lower-case string of two to eight words after the paragraph's last full stop, with no
  stop of its own and no clause word, holding the title's words (`... until Thursday. storm
  power outage update live`, also after a stop that closes a quotation), or a line that is
  only such a string; a string of three words
  or more there that starts with a capital goes when it ends in two search words and holds
  two of the title's words (`... in March. Harbour ferry fares latest news today`): one
  search word alone may end a sentence that lost its stop (`Talks resume today`);
- a search string typed into a sentence: three to eight lower-case words with no clause word
  after a content word, opening with one of the title's capitalised words, one of its first
  two words such a word that the text writes capitalised in its sentences and in lower case
  nowhere else (a name), and holding two of the title's words or a search word, when what follows could
  follow the words before it (a stop, a comma, a preposition, a verb, a conjunction):
  `Fuel oil spread after the loss carrow port closure news today at the quay.` -> `Fuel oil
  spread after the loss at the quay.` in a report that writes `in Carrow`; such a string alone
  in brackets after a word goes with the brackets (`along the quay (carrow port closure news)
  in the night`);
- a search query as the object of `for`, `on` or `about` after a content word at the end of
  a line's last sentence: three to seven words with no function word, opening with a capital,
  ending in a lower-case search word, two of them the title's (`... remains under
  investigation for Carrow port closure news.` -> `... remains under investigation.`); an
  object with a determiner or a source in capitals (`for Sky News`) stays;
- two hashtags or more that end a line after its last full stop (`... the governor said.
  #ValdoriaRates #economy`); one alone is flagged, and hashtags inside a sentence or inside
  a quoted post stay;
- a label of two to six words before a colon that opens a paragraph (or a later sentence of
  it, after a full stop that closes no abbreviation), at least half of its
  words the title's, when the sentence after it starts in lower case (`NHS waiting times
  news: the number of patients ...`): the label goes and the sentence takes its capital;
  before a capital, a label of three to eight words that is a search query, holding a
  search word and a bare year and one of the title's words (`Gold price today 2026: Gold
  rose ...`), goes too (a kicker such as `World Cup 2026:` holds no search word);
- two to eight words with no clause word after a dash at the end of a line's last sentence,
  holding a stuffed phrase or mostly the title's words (`..., officials said — Lisbon Madrid
  high speed rail news.`): the dash and the words go, the stop stays; the same after a
  semicolon or a comma when stuffed phrases close the words, with at most a search word after
  them (or, after a semicolon, one lower-case word that is no verb form): `...; Lisbon Porto
  rivalry.`, `..., Porto Lisbon rail plan 2026.` (`..., rail plan 2026 data show.` stays);
- a search query of three to eight lower-case words with no clause word, at least two and
  half of them the title's, ending in a search word (`news`, `latest`, `update`, `today`,
  `live`), appended after the last comma of any sentence of a paragraph (`..., for best gold
  price today.`) or set in brackets inside it (`(gold price today live)`, where a year may end
  it too): it goes with its comma or brackets. After two search words (`news today`), words
  the text itself uses twice or more elsewhere count as the title's, names too (`..., NHS
  waiting times news today.` in a report that keeps naming the NHS);
- a sentence of three to eight words closing a paragraph after a sentence of prose, with no
  clause word, ending in a search word and holding a pair of glued names (S001's evidence)
  besides the title's words (`..., the report said. Samsung Apple foldable phone news.`);
- a paragraph of one line that is a capitalised keyword of three to eight words ending in a
  search word (`news`, `latest`, `update`, `today`) or a year, with no clause word and at
  least half of its words the title's (`Portmere ferry terminal plan news`): dropped when
  the keyword before the search word recurs elsewhere in the text or the line holds a pair
  of glued names, else only flagged, as a real subheading may look the same.
A list or string that is a whole line drops the line.

## Why

SEO tools append the searches a page targets to its paragraphs. A list of keyword variants
or a lower-case search string is no sentence, and no writer ends a paragraph with one; the
title's words in it show what it was aimed at.

## Example

`Crews restored power to half the homes by the evening. storm power outage update live`
becomes `Crews restored power to half the homes by the evening.` under the title `Storm cuts
power to 80,000 homes`.
",
};

fn params(ctx: &Context<'_>) -> Params {
    Params {
        teaser_max_words: ctx.settings.keyword_teaser.max_words,
        repeat_min_paragraphs: ctx.settings.repeated_keyword.min_paragraphs,
    }
}

/// A rule that reports its own code's share of the shared analysis.
struct Seo(&'static RuleMeta);

impl Rule for Seo {
    fn meta(&self) -> &'static RuleMeta {
        self.0
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let code = self.0.code;
        let analysis = ctx
            .seo
            .get_or_init(|| evidence::analyse(ctx.doc, params(ctx), &|i| ctx.line_dropped(i)));
        analysis.take(code, out);
    }

    fn phase(&self) -> Phase {
        Phase::Prose
    }
}

/// The SEO-stuffing rules.
pub static RULES: &[&dyn Rule] = &[
    &Seo(&GLUED_NAMES),
    &Seo(&YEAR_GLUED_PHRASE),
    &Seo(&KEYWORD_CLAUSE),
    &Seo(&KEYWORD_TEASER),
    &Seo(&REPEATED_KEYWORD),
    &Seo(&KEYWORD_FRAGMENT),
];
