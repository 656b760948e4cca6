//! Raw flags turned into checked settings: the config file in effect, colour on or off.
//!
//! Decisions that depend on the environment (which decruft.toml applies, whether stdout is a
//! terminal, NO_COLOR) are taken once here, so that the command runners only follow them and
//! are easy to reason about.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Context as _;
use decruft::{Config, Engine};

use super::args::{ColorChoice, GlobalArgs};

/// What every command runs with.
pub struct Options {
    /// The configuration in effect (the defaults when no file applies).
    pub config: Config,
    /// The file it came from, if any.
    pub config_path: Option<PathBuf>,
    /// Whether diffs are coloured.
    pub color: bool,
}

impl Options {
    /// Loads the config (`--config`, else discovery from the current directory, unless
    /// `--no-config`) and decides on colour.
    pub fn new(global: &GlobalArgs) -> anyhow::Result<Options> {
        let config_path = if global.no_config {
            None
        } else if let Some(p) = &global.config {
            Some(p.clone())
        } else {
            let cwd = std::env::current_dir().context("cannot read the current directory")?;
            Config::discover(&cwd)
        };
        let config = match &config_path {
            Some(p) => Config::load(p)?,
            None => Config::default(),
        };
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        Ok(Options {
            config,
            config_path,
            color,
        })
    }

    /// The engine for the config; its errors (an unknown rule code, a bad user regex) name the
    /// config file.
    pub fn engine(&self) -> anyhow::Result<Engine> {
        Engine::new(&self.config).map_err(|e| match &self.config_path {
            Some(p) => anyhow::anyhow!("{}: {e}", p.display()),
            None => anyhow::anyhow!(e),
        })
    }
}
