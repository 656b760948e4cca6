//! Page junk (`J0xx`): lines and paragraphs that belong to the page around the article.

pub mod site_boilerplate;

use crate::rules::Rule;

/// The page-junk rules.
pub static RULES: &[&dyn Rule] = &[&site_boilerplate::SiteBoilerplate];
