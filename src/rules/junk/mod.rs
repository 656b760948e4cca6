//! Page junk (`J0xx`): lines and paragraphs that belong to the page around the article.

use crate::rules::Rule;

/// The page-junk rules.
pub static RULES: &[&dyn Rule] = &[];
