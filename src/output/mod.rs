//! Writing results: clean text, unified diffs, JSON.

pub mod diff;
pub mod report;
