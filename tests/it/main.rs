//! The integration tests: one test binary, one module per area.

mod bad_input;
mod cli;
mod fixtures;
mod report;
mod util;
mod seed;
