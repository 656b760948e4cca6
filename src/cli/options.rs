//! Raw flags turned into checked settings: the config file in effect, colour on or off.
//!
//! Decisions that depend on the environment (which decruft.toml applies, whether stdout is a
//! terminal, NO_COLOR) are taken once here, so that the command runners only follow them and
//! are easy to reason about.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use decruft::rules::select;
use decruft::suppress::PerFileIgnores;
use decruft::{Config, Engine, Finding};

use super::args::{ColorChoice, GlobalArgs, SelectArgs};

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

    /// Applies `--select`/`--ignore`/`--extend-select`, which override the config's
    /// `enable`/`disable`. A selector that matches no rule is an error, so that a typo in CI
    /// never silently turns rules off.
    pub fn select(&mut self, args: &SelectArgs) -> anyhow::Result<()> {
        let clean = |v: &[String]| -> Vec<String> {
            v.iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        let chosen = args.select.as_deref().map(clean);
        let (ignore, extend) = (clean(&args.ignore), clean(&args.extend_select));
        if chosen.is_none() && ignore.is_empty() && extend.is_empty() {
            return Ok(());
        }
        let codes =
            select::resolve(chosen.as_deref(), &ignore, &extend, &self.config).map_err(|e| {
                anyhow::anyhow!(
                    "--select/--ignore/--extend-select: {e}; `decruft rules` lists the codes"
                )
            })?;
        self.config = select::restrict(&self.config, &codes);
        Ok(())
    }

    /// The config's `[per-file-ignores]`, compiled; its errors name the config file.
    pub fn ignores(&self) -> anyhow::Result<Ignores> {
        let table =
            PerFileIgnores::from_config(&self.config).map_err(|e| match &self.config_path {
                Some(p) => anyhow::anyhow!("{}: {e}", p.display()),
                None => anyhow::anyhow!(e),
            })?;
        let base = self
            .config_path
            .as_ref()
            .and_then(|p| p.parent())
            .map(|d| {
                if d.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    d
                }
            })
            .and_then(|d| d.canonicalize().ok());
        Ok(Ignores { table, base })
    }
}

/// `[per-file-ignores]` with the directory its globs are relative to.
///
/// Globs are matched against paths relative to the config file's directory, not the current
/// one: the same decruft.toml then means the same thing from wherever decruft runs (the repo
/// root in CI, a subdirectory at a desk), as ruff's per-file-ignores do.
#[derive(Default)]
pub struct Ignores {
    table: PerFileIgnores,
    base: Option<PathBuf>,
}

impl Ignores {
    /// The path the globs see for input `source`: relative to the config's directory when
    /// the input is inside it, else as given.
    pub fn subject(&self, source: &str) -> String {
        let Some(base) = &self.base else {
            return source.to_string();
        };
        match Path::new(source).canonicalize() {
            Ok(abs) => match abs.strip_prefix(base) {
                Ok(rel) => rel.to_string_lossy().replace('\\', "/"),
                Err(_) => source.to_string(),
            },
            Err(_) => source.to_string(),
        }
    }

    /// Splits `findings` into those that apply to `source` and those its entries ignore.
    pub fn apply(&self, source: &str, findings: Vec<Finding>) -> (Vec<Finding>, Vec<Finding>) {
        // without entries nothing is ignored: no path to work out (per record of a dump)
        if self.table.is_empty() {
            return (findings, Vec::new());
        }
        self.table.apply(&self.subject(source), findings)
    }
}
