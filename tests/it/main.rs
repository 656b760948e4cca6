//! The integration tests: one test binary, one module per area.

mod bad_input;
mod batch;
mod ci;
mod cli;
mod corpus;
mod dump;
mod fixtures;
mod hostile;
mod html;
mod html_cli;
mod interrupt;
mod profile;
mod props;
mod report;
mod seed;
mod util;
