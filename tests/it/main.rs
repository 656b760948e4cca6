//! The integration tests: one test binary, one module per area.

mod util;
mod dump;
mod profile;
