//! The integration tests: one test binary, one module per area.

mod report;
mod util;
mod bad_input;
mod ci;
mod cli;
