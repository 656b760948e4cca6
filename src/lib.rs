//! decruft cleans scraped news articles.
//!
//! It removes page junk (repeated titles, share-button labels, "Next Story" links, newsletter
//! boxes ...) and SEO keyword stuffing inside sentences, and tells exactly what it removed
//! and why: every removal is a [`Finding`] with a stable rule code, and the clean text comes
//! with a unified diff against the input.
//!
//! ```
//! use decruft::Engine;
//!
//! let engine = Engine::default();
//! let cleaned = engine.clean("A Title\n\nThe article's only paragraph.\n");
//! assert_eq!(cleaned.title, "A Title");
//! assert_eq!(cleaned.body, "The article's only paragraph.");
//! ```

pub mod batch;
pub mod config;
pub mod document;
pub mod edit;
pub mod engine;
pub mod eval;
pub mod extract;
pub mod input;
pub mod output;
pub mod profile;
pub mod rules;
pub mod suppress;

pub use config::Config;
pub use document::Document;
pub use edit::Edit;
pub use engine::{Cleaned, Engine};
pub use rules::{Action, Finding, Rule, RuleMeta};

/// Errors of the library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error("unknown rule code or prefix `{0}`")]
    UnknownRule(String),
    #[error("rule code `{0}` is defined twice")]
    DuplicateRuleCode(String),
    #[error("user rule {code}: {message}")]
    UserRule { code: String, message: String },
    #[error("allow-list: {0}")]
    Allow(String),
    #[error("per-file-ignores: {0}")]
    PerFileIgnores(String),
}
