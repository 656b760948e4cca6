//! User rules from `decruft.toml`: a literal phrase or a regex with the user's own code.

use std::borrow::Cow;

use regex::{Regex, RegexBuilder};

use crate::config::UserRuleConfig;
use crate::document::Document;
use crate::rules::{Action, Finding};
use crate::Error;

/// A compiled `[[rule]]`.
#[derive(Debug)]
pub struct UserRule {
    code: String,
    name: String,
    regex: Regex,
    action: Action,
    message: String,
}

impl UserRule {
    pub fn compile(c: &UserRuleConfig) -> Result<Self, Error> {
        let pattern = match (&c.phrase, &c.regex) {
            (Some(p), None) => regex::escape(p),
            (None, Some(r)) => r.clone(),
            _ => {
                return Err(Error::UserRule {
                    code: c.code.clone(),
                    message: "give exactly one of `phrase` or `regex`".into(),
                })
            }
        };
        let regex = RegexBuilder::new(&pattern)
            .case_insensitive(c.phrase.is_some())
            .multi_line(true)
            .size_limit(1 << 22)
            .build()
            .map_err(|e| Error::UserRule {
                code: c.code.clone(),
                message: e.to_string(),
            })?;
        Ok(UserRule {
            name: c
                .name
                .clone()
                .unwrap_or_else(|| c.code.to_ascii_lowercase()),
            message: c
                .message
                .clone()
                .unwrap_or_else(|| format!("matches user rule {}", c.code)),
            code: c.code.clone(),
            regex,
            action: c.action,
        })
    }

    pub fn check(&self, doc: &Document<'_>, out: &mut Vec<Finding>) {
        // matched per line so that a pattern never spans (and drops) several lines at once
        for (i, line) in doc.lines().iter().enumerate() {
            let text = doc.line_text(i);
            for m in self.regex.find_iter(text) {
                if m.as_str().trim().is_empty() {
                    continue;
                }
                let range = match self.action {
                    Action::DropLine => line.range.clone(),
                    _ => line.range.start + m.start()..line.range.start + m.end(),
                };
                out.push(Finding {
                    code: Cow::Owned(self.code.clone()),
                    name: Cow::Owned(self.name.clone()),
                    range,
                    action: self.action,
                    message: self.message.clone(),
                });
                if self.action == Action::DropLine {
                    break;
                }
            }
        }
    }
}
