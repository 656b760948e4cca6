//! Page junk (`J0xx`): lines and paragraphs that belong to the page around the article.
