//! The integration tests: one test binary, one module per area.

mod bad_input;
mod cli;
mod corpus;
mod fixtures;
mod html;
mod report;
mod seed;
mod util;
