//! SEO keyword stuffing (`S0xx`): keyword phrases inserted into the article's own prose.
