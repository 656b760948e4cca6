//! `decruft.toml`: which rules run, their thresholds, user rules and the allow-list.
//!
//! The file is parsed strictly (unknown keys are errors) because a misspelt key that is
//! silently ignored is a rule that silently does not run the way the user thinks.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::rules::Action;

/// The name looked for from the current directory upward.
pub const FILE_NAME: &str = "decruft.toml";

/// A parsed `decruft.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Rule codes (or code prefixes such as `S`) to turn off.
    pub disable: Vec<String>,
    /// Rule codes (or prefixes) to turn on, for rules off by default.
    pub enable: Vec<String>,
    /// Phrases never removed: a removal that touches one is dropped.
    pub allow: Vec<String>,
    /// Per-rule thresholds.
    pub settings: Settings,
    /// User rules: `[[rule]]` tables.
    #[serde(rename = "rule")]
    pub user_rules: Vec<UserRuleConfig>,
    /// `[per-file-ignores]`: glob -> codes or prefixes not reported for matching files.
    pub per_file_ignores: std::collections::BTreeMap<String, Vec<String>>,
}

/// Thresholds of the built-in rules, one table per rule name.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Settings {
    pub duplicate_paragraph: DuplicateParagraphSettings,
    pub keyword_teaser: KeywordTeaserSettings,
    pub repeated_keyword: RepeatedKeywordSettings,
    pub site_boilerplate: crate::rules::junk::site_boilerplate::SiteBoilerplateSettings,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct DuplicateParagraphSettings {
    /// Paragraphs with fewer words are never treated as duplicates (short lines such as
    /// "Photo: AP" legitimately repeat).
    pub min_words: usize,
}

impl Default for DuplicateParagraphSettings {
    fn default() -> Self {
        DuplicateParagraphSettings { min_words: 6 }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct KeywordTeaserSettings {
    /// A first paragraph longer than this is article text, never a teaser.
    pub max_words: usize,
}

impl Default for KeywordTeaserSettings {
    fn default() -> Self {
        KeywordTeaserSettings { max_words: 70 }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct RepeatedKeywordSettings {
    /// A stuffed keyword is reported once it appears in this many paragraphs (at least 2).
    pub min_paragraphs: usize,
}

impl Default for RepeatedKeywordSettings {
    fn default() -> Self {
        RepeatedKeywordSettings { min_paragraphs: 3 }
    }
}

/// A `[[rule]]` table: a literal phrase or a regex that removes a line or a span.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct UserRuleConfig {
    /// The rule's own code, e.g. `U001`; must not be a built-in code.
    pub code: String,
    /// Short kebab-case name.
    #[serde(default)]
    pub name: Option<String>,
    /// A literal phrase (matched case-insensitively).
    #[serde(default)]
    pub phrase: Option<String>,
    /// A regular expression (the `regex` crate's syntax; linear time).
    #[serde(default)]
    pub regex: Option<String>,
    /// `drop-line`, `drop-span` or `flag`.
    #[serde(default = "default_user_action")]
    pub action: Action,
    /// Shown in reports.
    #[serde(default)]
    pub message: Option<String>,
}

fn default_user_action() -> Action {
    Action::DropLine
}

/// An error in a config file, naming the file, line and key.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

impl Config {
    /// Parses `text`; `path` only names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        toml::from_str::<Config>(text).map_err(|e| {
            let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
            ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message: e.message().trim().to_string(),
            }
        })
    }

    /// Reads and parses the file at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Config::parse(&text, path)
    }

    /// The nearest `decruft.toml` in `dir` or its ancestors.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file())
    }
}

/// 1-based line and column of byte `offset`.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_is_an_error_with_line_and_key() {
        let err = Config::parse(
            "disable = [\"S001\"]\n\n[settings.duplicate-paragraph]\nmin-wrds = 3\n",
            Path::new("x/decruft.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("x/decruft.toml:4:"), "{err}");
        assert!(err.contains("min-wrds"), "{err}");
    }

    #[test]
    fn full_config_parses() {
        let c = Config::parse(
            r#"
disable = ["S005"]
allow = ["Goldman Sachs"]
[settings.duplicate-paragraph]
min-words = 10
[[rule]]
code = "U001"
regex = "^Sponsored by"
action = "drop-line"
"#,
            Path::new("decruft.toml"),
        )
        .unwrap();
        assert_eq!(c.disable, vec!["S005"]);
        assert_eq!(c.settings.duplicate_paragraph.min_words, 10);
        assert_eq!(c.user_rules[0].action, Action::DropLine);
    }
}
