//! Decides which blocks form the article.
//!
//! Evidence is weighed rather than obeyed: text length and punctuation say "prose", link
//! density says "navigation", class/id/role hints say "boilerplate" unless the hinted element
//! holds most of the page's prose (sites do wrap whole articles in `class="has-social"`), and
//! the main container is the element whose prose outweighs its junk the most. Short blocks
//! are then judged by their neighbours, as jusText does, so that a one-line paragraph between
//! two long ones stays while a lone byline above the article goes.

use super::segment::{Page, RawBlock};
use super::BlockKind;

/// The verdict on one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Good,
    Short,
    Bad(&'static str),
}

/// Whether `text` holds sentence punctuation, in any script.
fn has_punctuation(text: &str) -> bool {
    text.bytes()
        .any(|b| matches!(b, b'.' | b',' | b';' | b'!' | b'?'))
        || (!text.is_ascii()
            && text
                .chars()
                .any(|c| matches!(c, '。' | '、' | '，' | '！' | '？' | '；' | '؟' | '،' | '।')))
}

/// The longest of the [`is_widget_label`] labels, in characters.
const WIDGET_LABEL_MAX_CHARS: usize = "story continues below advertisement".len();

/// Labels of page widgets that are never article text on their own line. Generic widget
/// vocabulary, not phrases of any article.
fn is_widget_label(text: &str) -> bool {
    let t = text.trim_matches(|c: char| !c.is_alphanumeric());
    // no label is longer, and lower-casing never makes a text shorter in characters: a
    // paragraph is ruled out without lower-casing it
    if t.chars().nth(WIDGET_LABEL_MAX_CHARS).is_some() {
        return false;
    }
    let t = t.to_lowercase();
    matches!(
        t.as_str(),
        "advertisement"
            | "ad"
            | "ads"
            | "sponsored"
            | "share"
            | "share this"
            | "share this article"
            | "share this story"
            | "tweet"
            | "email"
            | "print"
            | "comments"
            | "read more"
            | "continue reading"
            | "related"
            | "related articles"
            | "related stories"
            | "more stories"
            | "next story"
            | "previous story"
            | "story continues below advertisement"
            | "subscribe"
            | "sign up"
            | "follow us"
            | "listen to this article"
            | "skip to content"
            | "skip to main content"
    )
}

/// The last character of a text before closing quotes and brackets.
fn last_char(text: &str) -> Option<char> {
    const CLOSERS: [char; 7] = ['"', '\'', '”', '’', '»', ')', ']'];
    text.trim_end_matches(CLOSERS).chars().next_back()
}

/// A short line that reads as a sentence: several words, ending in sentence punctuation, and
/// not a call to share, subscribe or listen, nor a reporting credit, which close articles in
/// sentence form too.
fn is_sentence(b: &RawBlock, w: f32) -> bool {
    if b.kind == BlockKind::Heading || b.text.ends_with("...") || b.text.ends_with('…') {
        return false;
    }
    let long = b.text.split_whitespace().count() >= 5 || (w >= 30.0 && w > 1.5 * b.chars as f32);
    let end = last_char(&b.text);
    let ends = matches!(
        end,
        Some('.' | '!' | '?' | ':' | '。' | '！' | '？' | '؟' | '।')
    );
    long && ends && !is_call_to_action(&b.text)
}

/// A sentence made mostly of a link: only a full stop tells it from another story's
/// headline, which may end in a question or exclamation mark but not in a full stop.
fn is_linked_sentence(b: &RawBlock, w: f32) -> bool {
    let end = last_char(&b.text);
    is_sentence(b, w) && matches!(end, Some('.' | '。'))
}

fn is_call_to_action(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        let w = w.to_lowercase();
        matches!(
            w.as_str(),
            "share"
                | "subscribe"
                | "subscribed"
                | "subscription"
                | "subscriptions"
                | "newsletter"
                | "newsletters"
                | "listen"
                | "click"
                | "download"
                | "follow"
                | "contributed"
                | "reporting"
                | "editing"
        )
    })
}

pub(crate) struct Verdicts {
    pub class: Vec<Class>,
}

const LAMBDA: f32 = 0.5;

fn is_prose(b: &RawBlock, w: f32) -> bool {
    let ld = link_density(b);
    ld <= 0.3 && w >= 80.0 && (has_punctuation(&b.text) || w >= 160.0)
}

fn link_density(b: &RawBlock) -> f32 {
    if b.chars == 0 {
        0.0
    } else {
        b.link_chars as f32 / b.chars as f32
    }
}

/// Most blocks a lead sibling of the container holds.
const MAX_LEAD_BLOCKS: usize = 3;

/// The elements (a range of them) of the article's lead when a page keeps it apart from the
/// body: an element just before the main container `best`, under the same parent, holding
/// only prose (`<div class="lead">` before `<div class="body">`). Elements of page junk
/// alone (an advertisement, a share bar) may stand between; a heading, a block of other
/// text or a junk element of any size ends the search, since the article's header or the
/// page's furniture comes before its lead.
fn lead_sibling(page: &Page, class: &[Class], best: usize) -> Option<std::ops::Range<u32>> {
    let elems = &page.elems;
    if best == 0 {
        return None;
    }
    let parent = elems[best].parent as usize;
    // the parent's children before `best`, in document order
    let mut children = Vec::new();
    let mut c = parent + 1;
    while c < best {
        children.push(c);
        c = elems[c].end as usize;
    }
    if c != best {
        return None;
    }
    // what each child holds, from one pass over the blocks
    #[derive(Default, Clone, Copy)]
    struct Held {
        blocks: usize,
        good: usize,
        junk_weight: f32,
        other: bool,
    }
    let mut held = vec![Held::default(); children.len()];
    for (b, cl) in page.blocks.iter().zip(class) {
        let k = children.partition_point(|&c| c as u32 <= b.elem);
        if k == 0 || b.elem >= elems[children[k - 1]].end {
            continue;
        }
        let h = &mut held[k - 1];
        h.blocks += 1;
        match cl {
            Class::Good if b.kind == BlockKind::Paragraph => h.good += 1,
            Class::Bad(_) if b.kind != BlockKind::Heading => h.junk_weight += b.weight,
            _ => h.other = true,
        }
    }
    for (&e, h) in children.iter().zip(&held).rev() {
        if h.blocks == 0 {
            continue;
        }
        if h.good == h.blocks && h.blocks <= MAX_LEAD_BLOCKS {
            return Some(e as u32..elems[e].end);
        }
        // an advertisement or a share bar between lead and body: looked past
        if h.other || h.good > 0 || h.junk_weight > 60.0 {
            return None;
        }
    }
    None
}

pub(crate) fn classify(page: &Page) -> Verdicts {
    let n = page.elems.len();
    let weights: Vec<f32> = page.blocks.iter().map(|b| b.weight).collect();

    // Prose per element subtree, from text evidence alone.
    let mut prose = vec![0f32; n];
    for (b, &w) in page.blocks.iter().zip(&weights) {
        if is_prose(b, w) {
            prose[b.elem as usize] += w;
        }
    }
    for i in (1..n).rev() {
        let p = page.elems[i].parent as usize;
        prose[p] += prose[i];
    }
    let total = prose[0].max(1.0);

    // A hint on an element that holds most of the prose describes a wrapper, not junk.
    let mut eff_neg: Vec<Option<&'static str>> = vec![None; n];
    for i in 1..n {
        let e = &page.elems[i];
        eff_neg[i] = match e.neg {
            Some(r) if prose[i] < 0.5 * total => Some(r),
            _ => eff_neg[e.parent as usize],
        };
    }

    let mut class: Vec<Class> = page
        .blocks
        .iter()
        .zip(&weights)
        .map(|(b, &w)| {
            if let Some(r) = eff_neg[b.elem as usize] {
                Class::Bad(r)
            } else if link_density(b) > 0.5 {
                Class::Bad("link-dense")
            } else if b.link_chars > 0 && (b.text.ends_with("...") || b.text.ends_with('…')) {
                // A linked headline with a cut-off summary: a teaser for another page.
                Class::Bad("teaser")
            } else if is_widget_label(&b.text) {
                Class::Bad("widget label")
            } else if is_prose(b, w) {
                Class::Good
            } else {
                Class::Short
            }
        })
        .collect();

    // Main container: most prose net of junk; deeper wins ties so wrappers lose. Linked text
    // counts against an element, plain text in sentences for it, hinted boilerplate against
    // it in full.
    let mut net = vec![0f32; n];
    for (i, b) in page.blocks.iter().enumerate() {
        let w = weights[i];
        let ld = link_density(b);
        let v = match class[i] {
            Class::Bad(r) if r != "link-dense" && r != "widget label" => -LAMBDA * w,
            _ if w >= 80.0 && has_punctuation(&b.text) => {
                // Prose between two junk blocks is a teaser card's summary more often than an
                // article paragraph, which sits among other paragraphs.
                let junk = |j: Option<&Class>| matches!(j, Some(Class::Bad(_)) | None);
                let isolated =
                    junk(i.checked_sub(1).and_then(|j| class.get(j))) && junk(class.get(i + 1));
                let f = if isolated { 0.2 } else { 1.0 };
                f * w * (1.0 - 2.0 * ld)
            }
            _ => -LAMBDA * w * ld,
        };
        net[b.elem as usize] += v;
    }
    for i in (1..n).rev() {
        let p = page.elems[i].parent as usize;
        net[p] += net[i];
    }
    let mut best = 0usize;
    let mut best_score = f32::MIN;
    for (i, (&v, e)) in net.iter().zip(&page.elems).enumerate() {
        let mut s = v;
        if e.pos {
            s *= 1.05;
        }
        if s > best_score {
            best = i;
            best_score = s;
        }
    }
    // A page whose text is a table or a list of short lines has no prose container; the
    // element that calls itself the article (`itemprop=articleBody`, `<article>`) then wins
    // if it holds clearly more plain text than the prose winner.
    let mut weak = false;
    if best_score < 400.0 {
        let mut plain = vec![0f32; n];
        for (i, b) in page.blocks.iter().enumerate() {
            if !matches!(class[i], Class::Bad(_)) {
                plain[b.elem as usize] += weights[i];
            }
        }
        for i in (1..n).rev() {
            let p = page.elems[i].parent as usize;
            plain[p] += plain[i];
        }
        let mut cand: Option<usize> = None;
        for (i, e) in page.elems.iter().enumerate() {
            if e.pos && eff_neg[i].is_none() && cand.is_none_or(|c| plain[i] >= plain[c]) {
                cand = Some(i);
            }
        }
        if let Some(c) = cand {
            if plain[c] >= 300.0 && plain[c] >= 2.0 * plain[best] {
                best = c;
                weak = true;
            }
        }
    }
    let lo = best as u32;
    let hi = page.elems[best].end;
    let lead = lead_sibling(page, &class, best);
    let inside = |b: &RawBlock| {
        (b.elem >= lo && b.elem < hi) || lead.as_ref().is_some_and(|r| r.contains(&b.elem))
    };

    // Blocks outside the container go; short blocks inside are judged by their neighbours.
    for (i, b) in page.blocks.iter().enumerate() {
        if !inside(b) {
            class[i] = match class[i] {
                Class::Bad(r) => Class::Bad(r),
                _ => Class::Bad("outside main content"),
            };
        }
    }
    // Short sentences that are sibling paragraphs of the article's prose open or close it
    // (a one-line lead, a last line of results); bylines and dates rarely end like sentences.
    let parent = |b: &RawBlock| page.elems[b.elem as usize].parent;
    let homes: Vec<(u32, u32)> = page
        .blocks
        .iter()
        .zip(&class)
        .filter(|(_, c)| **c == Class::Good)
        .map(|(b, _)| (b.elem, parent(b)))
        .collect();
    // Siblings, or (`near`) children of the element one level up (a lead line above a list
    // of points).
    let sibling = |b: &RawBlock| {
        let bp = parent(b);
        homes
            .iter()
            .any(|&(e, p)| b.elem == e || (p != 0 && bp == p))
    };
    let near = |b: &RawBlock| {
        let bp = parent(b);
        sibling(b)
            || b.text.split_whitespace().count() >= 8
                && homes
                    .iter()
                    .any(|&(_, p)| p != 0 && bp == page.elems[p as usize].parent)
    };
    let first = class.iter().position(|c| *c == Class::Good);
    let last = class.iter().rposition(|c| *c == Class::Good);
    if let (Some(f), Some(l)) = (first, last) {
        let len = class.len();
        let mut extend = |range: &mut dyn Iterator<Item = usize>| {
            for j in range {
                let b = &page.blocks[j];
                match class[j] {
                    Class::Short if near(b) && is_sentence(b, weights[j]) => class[j] = Class::Good,
                    Class::Bad("link-dense") if sibling(b) && is_linked_sentence(b, weights[j]) => {
                        class[j] = Class::Good
                    }
                    Class::Short => {}
                    Class::Bad("link-dense") if sibling(b) => {}
                    // a widget set in the main container among the article's paragraphs (an
                    // ad slot, a related link, a sign-up box, a figure's caption) interrupts
                    // the article without ending it: only a sentence near the article's
                    // paragraphs is taken after it
                    Class::Bad(
                        "ad" | "related" | "newsletter" | "share" | "widget label" | "caption",
                    ) => {}
                    _ => break,
                }
            }
        };
        extend(&mut (0..f).rev());
        extend(&mut (l + 1..len));
        // A sentence whose words are mostly a link, among the article's paragraphs, is still
        // a sentence of the article; headlines of other stories do not end in a full stop.
        for j in f + 1..l {
            let b = &page.blocks[j];
            if class[j] == Class::Bad("link-dense")
                && sibling(b)
                && is_linked_sentence(b, weights[j])
            {
                class[j] = Class::Good;
            }
        }
    }
    // Inside the container, short blocks between the first and the last prose block are
    // article (one-line paragraphs, list items, table rows); before and after it they are
    // bylines, dates, tag lines. A heading right before the first prose block opens it.
    let first = class.iter().position(|c| *c == Class::Good);
    let last = class.iter().rposition(|c| *c == Class::Good);
    for (j, c) in class.iter_mut().enumerate() {
        if *c != Class::Short {
            continue;
        }
        let keep = weak
            || match (first, last) {
                (Some(f), Some(l)) => {
                    (j > f && j < l) || (j + 1 == f && page.blocks[j].kind == BlockKind::Heading)
                }
                _ => false,
            };
        *c = if keep {
            Class::Good
        } else {
            Class::Bad("too short")
        };
    }
    Verdicts { class }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widget_labels_are_found_up_to_the_longest() {
        assert!(is_widget_label("Story continues below advertisement"));
        assert!(is_widget_label("  SHARE THIS ARTICLE:"));
        assert!(!is_widget_label("Story continues below advertisements"));
        assert!(!is_widget_label("The advertisement ran for a week."));
    }

    #[test]
    fn punctuation_is_found_in_any_script() {
        assert!(has_punctuation("A sentence."));
        assert!(has_punctuation("東京の天気は晴れです。"));
        assert!(has_punctuation("هل هذا صحيح؟"));
        assert!(!has_punctuation("Home News Sport"));
        assert!(!has_punctuation("東京 天気"));
    }
}
