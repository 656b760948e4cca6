//! SEO keyword stuffing (`S0xx`): keyword phrases inserted into the article's own prose.

use crate::rules::Rule;

/// The SEO-stuffing rules.
pub static RULES: &[&dyn Rule] = &[];
