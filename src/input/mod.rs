//! Reading inputs: single articles and dumps of many (JSON Lines, WARC), compressed or not.

pub mod compress;
pub mod jsonl;
pub mod warc;
