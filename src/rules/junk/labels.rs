//! J002 share-widget: lines made only of share-button and social-network labels.
//!
//! Share bars render as a row of icons whose text is a label per network; a scraper keeps the
//! labels as a line of their own (`X`, `Share it`, `Facebook | Twitter | Email`). The labels
//! are a closed list of widget words, not topical phrases, and a line counts only when it holds
//! nothing else.

use std::sync::LazyLock;

use crate::rules::junk::{quote, short_body_lines, ShortLine, Start};
use crate::rules::{Action, Context, Finding, Rule, RuleMeta};

pub struct ShareWidget;

static META: RuleMeta = RuleMeta {
    code: "J002",
    name: "share-widget",
    action: Action::DropLine,
    default_enabled: true,
    explanation: "\
## What it does
Drops a line that holds only share-button or social-network labels, alone or in a run \
separated by spaces, `|`, `,` or `·`: `X`, `Share`, `Share it`, `Share this article`, \
`Facebook`, `Twitter`, `WhatsApp`, `Email`, `LinkedIn`, `Telegram`, `Reddit`, `Pinterest`, \
`Copy link`, `Print`, `Comments`, `Comments (12)`, `Leave a comment`, `Save`.

## Why
Share bars are icon rows whose accessible text survives scraping as a line of labels; a lone \
`X` under a headline is the commonest case. The whole line must be labels, so a sentence that \
mentions a network (`He wrote on X: ...`) is never touched.

## Example
```text
Share this article
Facebook | WhatsApp | Copy link
```
Both lines are dropped.
",
};

pub(super) const MAX_LEN: usize = 160;

const LABEL: &str = r"(?:share(?:\s+(?:it|this|now|via|or\s+comment(?:\s+on\s+this\s+(?:article|story|post))?|(?:this\s+)?(?:article|story|post|page|video|link)|on\s+(?:facebook|twitter|x|whatsapp|linkedin|e-?mail|reddit|telegram|pinterest)|via\s+(?:e-?mail|whatsapp|sms)))?|sharing\s+is\s+caring!?|x|twitter|tweet(?:\s+this)?|facebook|fb|whatsapp|e-?mail(?:\s+(?:this(?:\s+(?:article|story|page|link))?|to\s+a\s+friend))?|mail|like|linkedin|telegram|reddit|pinterest|pin(?:\s+it)?|teilen|partager|compartir|condividi|compartilhar|compartilhe|delen|tumblr|flipboard|messenger|instagram|youtube|threads|bluesky|mastodon|sms|copy\s+(?:the\s+)?(?:link|url)|link\s+copied|print(?:\s+this\s+(?:article|page|story))?|(?:(?:view|show|leave|add|post|read)\s+(?:a\s+|the\s+|all\s+)?(?:[0-9]+\s+)?|[0-9]*\s*)comments?(?:\s*\([0-9]+\))?|comments\s+(?:are\s+)?(?:now\s+)?(?:closed|disabled|off)\.?|save(?:\s+(?:article|story|for\s+later))?|bookmark|gift\s+(?:this\s+)?article|click\s+to\s+(?:share|e-?mail|print|tweet)(?:\s+this(?:\s+(?:article|story|post|page))?(?:\s+to\s+a\s+friend)?)?(?:\s+(?:on|via)\s+(?:facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|telegram|tumblr|pocket|threads|bluesky|e-?mail))?(?:\s*\(\s*opens\s+in\s+(?:a\s+)?new\s+window\s*\))?)";

/// A line of share/social labels only: one of the [`Start`] patterns.
pub(super) static SHARE_PATTERN: LazyLock<String> = LazyLock::new(|| {
    format!(r"(?i)^{LABEL}(?:\s*[:|,·•/]\s*|\s+)?(?:{LABEL}(?:\s*[:|,·•/]\s*|\s+)?)*$")
});

/// Whether the line is nothing but share/social labels.
pub(crate) fn is_share_line(l: &ShortLine<'_>) -> bool {
    l.core.len() <= MAX_LEN && l.starts(Start::Share)
}

impl Rule for ShareWidget {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        short_body_lines(ctx, MAX_LEN, |l| {
            let (i, core) = (l.index, l.core);
            // the shared line-start pass ran SHARE on the line already
            if l.starts(Start::Share) {
                let msg = format!("line holds only share/social labels: {}", quote(core));
                out.push(Finding::new(&META, ctx.doc.lines()[i].range.clone(), msg));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::junk::testing::{assert_junk, assert_kept, found};

    #[test]
    fn widget_lines_are_found() {
        for l in [
            "Click to share on Facebook (Opens in new window)",
            "Click to share on X (Opens in new window)",
            "Click to email (Opens in new window)",
            "Click to email this to a friend (Opens in new window)",
            "X",
            "Share",
            "Share it",
            "Share or comment on this article",
            "Share this article",
            "Share:",
            "Facebook",
            "Twitter",
            "WhatsApp",
            "Email",
            "E-mail",
            "LinkedIn",
            "Telegram",
            "Reddit",
            "Pinterest",
            "Pin it",
            "Share via:",
            "Teilen",
            "Partager",
            "Compartir",
            "Copy link",
            "Print",
            "Comments",
            "12 Comments",
            "Comments (12)",
            "Leave a comment",
            "View all 12 comments",
            "Comments are closed.",
            "Show comments (5)",
            "Save",
            "Facebook | Twitter | Email",
            "Facebook, WhatsApp, Copy link",
            "Share · X · Facebook",
            "Share on Facebook Share on X Share via Email",
            "Sharing is caring!",
            "**Share**",
            "• Print",
            "Email this",
            "Email this article",
            "Email to a friend",
            "Tweet this",
            "Like",
            "Like | Share | Tweet",
        ] {
            assert_junk(&ShareWidget, l);
        }
    }

    #[test]
    fn prose_is_kept() {
        for l in [
            "He wrote on X: \u{201c}We are ready.\u{201d}",
            "X marks the spot, the treasure hunters said.",
            "Like many towns, it lost its bank.",
            "Email this week showed the plan was late.",
            "Share prices fell 4% on Monday.",
            "Shares in the company rose.",
            "Facebook said it would appeal.",
            "Email was the only way to reach him.",
            "Print sales have fallen for a decade.",
            "Comments from the minister drew criticism.",
            "Save the Children said aid was blocked.",
            "Twitter, now called X, changed its rules in 2023.",
            "X Corp",
            "Share this with your friends and family before the event starts.",
            "Facebook and Twitter",
            "Comments?",
            "Read the comments the minister made on Monday.",
            "Leave a comment about the plan",
            "Print.",
            "iPhone 16",
            "Malcolm X",
            "Pin it on the board, the teacher said.",
            "Pinned",
            "Teilen ist wichtig, sagte sie.",
        ] {
            assert_kept(&ShareWidget, l);
        }
    }

    #[test]
    fn a_wrapped_tail_of_a_sentence_is_kept() {
        let t = "Title\n\nThe statement was posted on\nfacebook\n";
        assert!(found(&ShareWidget, t).is_empty());
    }
}
