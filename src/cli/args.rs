//! The command line as clap sees it: raw flags, with the help text users read.
//!
//! Nothing here is checked beyond what clap can check; turning these flags into a consistent
//! configuration (config file found and parsed, colour decided, output mode chosen) is
//! [`super::options`]'s job, so that the rules for combining flags live in one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use decruft::output::report::Format;
use decruft::profile::Thresholds;

const AFTER_HELP: &str = "\
Examples:
  decruft clean article.txt                 print the clean article
  decruft clean --diff article.txt          show what would be removed, as a diff
  decruft clean --out clean/ dump/*.txt     write clean copies into clean/
  curl -s https://example.org/a.txt | decruft clean
  decruft check dump/*.txt                  fail (exit 1) if anything would be removed
  decruft rules                             list the rules; `decruft rules J002` explains one

Configuration:
  decruft.toml is looked for in the current directory and its parents, unless --config or
  --no-config is given.

Exit status:
  0  success; for `check`: nothing would change
  1  `check` only: some input would change
  2  an error (unreadable input, bad configuration, bad arguments); errors win over 1";

/// Clean scraped news articles: strip page junk and SEO keyword stuffing, and show every
/// removal as a reviewable diff.
#[derive(Debug, Parser)]
#[command(name = "decruft", version, about, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Use this config file instead of looking for decruft.toml.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Use the built-in defaults; ignore any decruft.toml.
    #[arg(long, global = true)]
    pub no_config: bool,
    /// When to colour diffs. `auto` colours only when standard output is a terminal and
    /// NO_COLOR is not set.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print (or write) the clean article of each input.
    #[command(after_help = "\
Examples:
  decruft clean article.txt
  decruft clean --json dump/*.txt > report.jsonl
  decruft clean --out clean/ a.txt b.txt    writes clean/a.txt and clean/b.txt

With several inputs and no --out, each article is printed after a `==> PATH <==` line,
articles separated by a blank line (as `head` does); use --json or --out for machine use.
With --out, each output keeps its input's file name (standard input becomes stdin.txt);
two inputs with the same file name are an error, never a silent overwrite.")]
    Clean(CleanArgs),
    /// Report what `clean` would change, for people or CI; exit 1 if anything would change.
    #[command(after_help = "\
Examples:
  decruft check article.txt                 findings and diffs with rule codes, a summary
  decruft check --diff dump/*.txt > fix.patch
  decruft check --format sarif --output-file decruft.sarif dump/*.txt
  decruft check --format github dump/*.txt  annotations on a GitHub pull request
  decruft check --expected expected/ dump/*.txt
  decruft check --select J --ignore J010 dump/*.txt

HTML pages are checked as `clean` reads them: findings and diffs are on the page's visible
text, blocks left out of the article are X001 findings. --expected compares documents only
(an HTML page's expected output is <name>.txt); it refuses JSONL and WARC dumps.
Nothing is written but --output-file. The text and github reports end with a one-line
summary; with the other formats, --diff, --expected or --output-file it goes to standard
error. `decruft: keep` markers and [per-file-ignores] are honoured.
Exit status: 0 nothing would change, 1 something would change (with --expected: a clean
output differs from its expected file, or that file is missing), 2 an error (wins over 1).
--exit-zero turns 1 into 0, never 2.")]
    Check(CheckArgs),
    /// List the rules, or explain one.
    #[command(after_help = "\
Examples:
  decruft rules           code, name, default action and whether it is enabled
  decruft rules S003      the explanation of rule S003 (markdown)")]
    Rules(RulesArgs),
    /// Print a shell completion script.
    #[command(after_help = "\
Examples:
  decruft completions bash > ~/.local/share/bash-completion/completions/decruft
  decruft completions zsh > ~/.zfunc/_decruft
  decruft completions fish > ~/.config/fish/completions/decruft.fish")]
    Completions(CompletionsArgs),
    /// Print a manual page (roff) on standard output: decruft(1), or one per command.
    #[command(after_help = "\
Examples:
  decruft man > decruft.1 && man ./decruft.1
  decruft man check > decruft-check.1")]
    Man(ManArgs),
    /// Score HTML extraction (or another extractor's texts) against a ground truth.
    #[command(after_help = "\
Examples:
  decruft eval --truth ground-truth.json --html-dir html/
  decruft eval --truth ground-truth.json --html-dir html/ --min-f1 0.9
  decruft eval --truth ground-truth.json --outputs extractor-outputs/justext.json --clean

Pages are `<id>.html` or `<id>.html.gz` in the HTML directory, ids as in the truth file
(`{\"<id>\": {\"articleBody\": ..., \"url\": ...}}`). The score is the mean over pages of
4-token-shingle precision and recall, F1 of the two means, and the share of pages whose
tokens match exactly. Exit status 1 when a --min-* gate is not met.")]
    Eval(EvalArgs),
    /// Learn each site's recurring boilerplate lines from a batch, for `clean --profile`.
    #[command(after_help = "\
Examples:
  decruft learn dump.jsonl.gz -o profile.json
  decruft learn --site example.org articles/ -o profile.json
  decruft learn --merge a.json b.json -o all.json
  decruft clean --profile profile.json dump.jsonl.gz --out clean/

Each record counts for the site of its URL (the host without www.), or for --site. Only
lines frequent enough for their site (--min-docs, --min-share) are kept in the profile.")]
    Learn(LearnArgs),
}

/// How to read the inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// By extension (.jsonl, .ndjson, .warc, each optionally .gz, are dumps; .html, .htm,
    /// .xhtml are pages), else by the first bytes.
    Auto,
    /// Plain text, title first.
    Text,
    /// An HTML page: the article is extracted first.
    Html,
    /// Every input is a JSON Lines dump, whatever its name: for standard input
    /// (`zcat dump.jsonl.gz | decruft clean --input-format jsonl`) or other extensions.
    Jsonl,
    /// Every input is a WARC archive, whatever its name (standard input included).
    Warc,
}

/// Input selection and dump reading, shared by `clean`, `check` and `learn`.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// How to read the inputs (files, directories' files, standard input).
    #[arg(long, value_enum, default_value_t = InputFormat::Auto, value_name = "FORMAT")]
    pub input_format: InputFormat,
    /// In directories, only take files whose path (relative to the directory) matches this
    /// glob (`*.txt`, `news/**/*.html`); repeatable.
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// In directories, skip files whose relative path matches this glob; repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// In directories, also take hidden files and directories (names starting with `.`).
    #[arg(long)]
    pub hidden: bool,
    /// JSONL: the field holding the article text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// JSONL: the field holding an HTML page (used when a record has no text field).
    #[arg(long, default_value = "html", value_name = "NAME")]
    pub html_field: String,
    /// JSONL: the field holding the title.
    #[arg(long, default_value = "title", value_name = "NAME")]
    pub title_field: String,
    /// JSONL: the field holding the record id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// JSONL: the field holding the page URL (its host is the site for --profile).
    #[arg(long, default_value = "url", value_name = "NAME")]
    pub url_field: String,
    /// Worker threads (default: all cores). Outputs are the same whatever the number.
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// No progress bar and no summary on standard error.
    #[arg(long, short)]
    pub quiet: bool,
    /// Stop reading an input past this many bytes (after gzip decompression), with an
    /// error naming it; other inputs go on. Suffixes K, M, G (powers of 1024). Single
    /// documents are also capped at 256M.
    #[arg(long, value_name = "SIZE", default_value = "16G", value_parser = parse_size)]
    pub max_input_size: u64,
}

/// A byte count: digits with an optional K, M or G suffix (powers of 1024; a trailing `B`
/// or `iB` is accepted), as people write sizes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let upper = t.to_ascii_uppercase();
    let upper = upper
        .strip_suffix("IB")
        .or_else(|| upper.strip_suffix('B'))
        .unwrap_or(&upper);
    let (digits, shift) = match upper.chars().last() {
        Some('K') => (&upper[..upper.len() - 1], 10),
        Some('M') => (&upper[..upper.len() - 1], 20),
        Some('G') => (&upper[..upper.len() - 1], 30),
        Some('T') => (&upper[..upper.len() - 1], 40),
        _ => (upper, 0),
    };
    let n: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a size (e.g. 500M, 2G, 1048576)"))?;
    if n == 0 {
        return Err("the size must be more than 0".into());
    }
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("`{s}` is too large"))
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The ground truth: `{"<id>": {"articleBody": ..., "url": ...}}`.
    #[arg(long, value_name = "FILE")]
    pub truth: PathBuf,
    /// Score decruft's extraction of the pages `<id>.html[.gz]` in DIR.
    #[arg(
        long,
        value_name = "DIR",
        required_unless_present = "outputs",
        conflicts_with = "outputs"
    )]
    pub html_dir: Option<PathBuf>,
    /// Score another extractor's texts: `{"output": {"<id>": {"articleBody": ...}}}`.
    #[arg(long, value_name = "FILE")]
    pub outputs: Option<PathBuf>,
    /// With --outputs: also score the texts after `decruft clean`, before and after.
    #[arg(long, requires = "outputs")]
    pub clean: bool,
    /// Print the report as JSON (aggregates and every page).
    #[arg(long)]
    pub json: bool,
    /// Exit 1 when F1 is below this.
    #[arg(long, value_name = "X")]
    pub min_f1: Option<f64>,
    /// Exit 1 when precision is below this.
    #[arg(long, value_name = "X")]
    pub min_precision: Option<f64>,
    /// Exit 1 when recall is below this.
    #[arg(long, value_name = "X")]
    pub min_recall: Option<f64>,
}

#[derive(Debug, Args)]
pub struct LearnArgs {
    /// Inputs to learn from: files, directories, JSONL or WARC dumps; `-` is standard input.
    #[arg(value_name = "PATH", required_unless_present = "merge")]
    pub paths: Vec<String>,
    /// Merge saved profiles instead of learning.
    #[arg(long, value_name = "PROFILE", num_args = 1.., conflicts_with = "paths")]
    pub merge: Vec<PathBuf>,
    /// Where to write the profile.
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    /// Count every document for this site instead of the host of its URL.
    #[arg(long, value_name = "KEY")]
    pub site: Option<String>,
    /// Keep lines seen in at least N documents of their site.
    #[arg(long, value_name = "N", default_value_t = Thresholds::DEFAULT.min_documents)]
    pub min_docs: u32,
    /// ... and in at least this share of the site's documents.
    #[arg(long, value_name = "F", default_value_t = Thresholds::DEFAULT.min_share)]
    pub min_share: f64,
    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (decruft-COMMAND(1)); none prints decruft(1).
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

/// Which rules run: codes or prefixes (`J002`, `J`, `S00`, `ALL`), comma-separated or
/// repeated. They override the config's `enable`/`disable`.
#[derive(Debug, Default, Args)]
pub struct SelectArgs {
    /// Run only these rules (replaces the set the config runs).
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub select: Option<Vec<String>>,
    /// Do not run these rules.
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Run these rules too (e.g. a rule that is off by default).
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub extend_select: Vec<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct CleanArgs {
    /// Inputs: text files, HTML pages, directories, JSONL or WARC dumps; `-` or none reads
    /// standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,
    /// Write one clean file per input into DIR (created if needed; directory inputs are
    /// mirrored, JSONL and WARC dumps become `.jsonl` files of clean records) instead of
    /// printing. A PATH ending in `.jsonl` gets every record, in input order, as JSON lines.
    #[arg(long, value_name = "PATH", conflicts_with_all = ["diff", "json"])]
    pub out: Option<PathBuf>,
    /// Print the unified diff of each input against its clean text instead of the text.
    #[arg(long, conflicts_with = "json")]
    pub diff: bool,
    /// Print one JSON object per input per line: path, title, text (the body) and findings
    /// (code, name, action, line, start, end, text, message; offsets are input bytes).
    #[arg(long)]
    pub json: bool,
    /// (Re)write the expected output of each input as DIR/<file name>, for
    /// `decruft check --expected DIR`. Unchanged files are left alone.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["out", "diff", "json"])]
    pub update_expected: Option<PathBuf>,
    /// Write every unified diff into FILE (any output mode).
    #[arg(long, value_name = "FILE")]
    pub diff_out: Option<PathBuf>,
    /// Write the findings of every record into FILE as JSON lines.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Write the run's summary (counts, removals per rule, records/s) into FILE as JSON.
    #[arg(long, value_name = "FILE")]
    pub summary_json: Option<PathBuf>,
    /// Remove each site's recurring boilerplate (J020) as learnt by `decruft learn`.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// With --profile: the site of every input, instead of the host of its URL.
    #[arg(long, value_name = "KEY", requires = "profile")]
    pub site: Option<String>,
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub select: SelectArgs,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Inputs: text files, HTML pages, directories, JSONL or WARC dumps (each record is
    /// reported as `DUMP:N`); `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<String>,
    /// The report format.
    #[arg(long, value_enum, default_value_t = Format::Text, value_name = "FORMAT")]
    pub format: Format,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// Exit 0 even when something would change (errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Print only the plain unified diffs, a patch for `git apply`; still exits 1 on changes.
    #[arg(long, conflicts_with_all = ["format", "expected"])]
    pub diff: bool,
    /// Compare each input's clean output with DIR/<file name> and fail on any difference
    /// or missing file, printing expected-vs-actual diffs; `clean --update-expected DIR`
    /// writes them.
    #[arg(long, value_name = "DIR", conflicts_with = "format")]
    pub expected: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub select: SelectArgs,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// A rule code (e.g. J002) or name (share-widget) to explain.
    #[arg(value_name = "CODE")]
    pub code: Option<String>,
    #[command(flatten)]
    pub select: SelectArgs,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn conflicting_output_modes_are_rejected() {
        assert!(Cli::try_parse_from(["decruft", "clean", "--diff", "--json", "a"]).is_err());
        assert!(Cli::try_parse_from(["decruft", "clean", "--out", "d", "--diff", "a"]).is_err());
        assert!(Cli::try_parse_from(["decruft", "--no-config", "--config", "x", "rules"]).is_err());
        assert!(Cli::try_parse_from(["decruft", "check"]).is_err());
    }

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_size("500M"), Ok(500 << 20));
        assert_eq!(parse_size("2g"), Ok(2 << 30));
        assert_eq!(parse_size("16GiB"), Ok(16 << 30));
        assert_eq!(parse_size("4 KB"), Ok(4096));
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("-5M").is_err());
        assert!(parse_size("99999999999T").is_err());
    }
}
