//! Site profiles: what a batch of documents says about each site's own boilerplate.
//!
//! One article alone cannot tell a site's standard footer ("Get the best of our reporting in
//! your inbox each morning") from a sentence of prose. A thousand articles of the same site
//! can: the footer is in most of them, a sentence of prose in one. A [`Profile`] counts, per
//! site, in how many documents each body line occurs; rule J020 (site-boilerplate) then
//! removes the lines that are frequent for the document's site.
//!
//! Lines are compared after normalisation (lower case, whitespace runs collapsed, every run
//! of digits read as one `0`), so "© 2024 The Daily Example" and "© 2025 The Daily Example"
//! count as the same line while words still have to match exactly. Only a 64-bit hash of the
//! normalised line is kept: the profile never stores article text, and its memory is
//! proportional to the number of distinct (site, line) pairs (about 16 bytes each while
//! learning; a pruned profile keeps only the frequent ones).
//!
//! Counts add up, so [`Profile::merge`] is commutative and associative: profiles learnt on
//! shards in parallel and merged equal the profile of one pass over everything.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::document::Document;

/// The `format` value of a saved profile.
pub const FORMAT: &str = "decruft-profile";
/// The version of the saved layout.
pub const VERSION: u32 = 1;

/// How frequent a line must be, for its site, to count as that site's boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Thresholds {
    /// The line occurs in at least this many documents of the site (never fewer than 2: a
    /// line seen in one document is that document's own text).
    pub min_documents: u32,
    /// ... and in at least this share of the site's documents.
    pub min_share: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds::DEFAULT
    }
}

impl Thresholds {
    /// Set from measurement (`cargo run --release --example tune_site_boilerplate`): article
    /// sentences recur too (stock news phrasing in up to ~6% of a site's documents, the
    /// background paragraph of a running story in a few), so a share below about 10% removes
    /// them with the boilerplate; at 20% no article line of sites of 100 or more documents
    /// goes, while 95% of the boilerplate lines still do.
    pub const DEFAULT: Thresholds = Thresholds {
        min_documents: 5,
        min_share: 0.2,
    };

    /// Whether a line seen in `count` of `documents` documents is frequent.
    pub fn frequent(&self, count: u32, documents: u64) -> bool {
        count >= self.min_documents.max(2) && count as f64 >= self.min_share * documents as f64
    }
}

/// What was learnt about one site.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteProfile {
    /// The number of documents learnt from.
    pub documents: u64,
    /// For each normalised-line hash, the number of documents it occurs in.
    lines: HashMap<u64, u32>,
}

impl SiteProfile {
    /// In how many of the site's documents the line occurs (after normalisation).
    pub fn count(&self, line: &str) -> u32 {
        self.count_hash(line_hash(line))
    }

    pub fn count_hash(&self, hash: u64) -> u32 {
        self.lines.get(&hash).copied().unwrap_or(0)
    }

    /// The number of distinct lines counted.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    fn merge(&mut self, other: &SiteProfile) {
        self.documents += other.documents;
        self.lines.reserve(other.lines.len());
        for (&h, &c) in &other.lines {
            let e = self.lines.entry(h).or_default();
            *e = e.saturating_add(c);
        }
    }
}

/// A site's profile together with its key, as the J020 rule gets it.
#[derive(Debug, Clone, Copy)]
pub struct SiteRef<'a> {
    pub site: &'a str,
    pub profile: &'a SiteProfile,
}

/// Per-site line statistics of a batch of documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    sites: BTreeMap<String, SiteProfile>,
}

/// A saved profile that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: cannot write: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not a decruft profile: {message}")]
    Invalid { path: String, message: String },
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedProfile {
    format: String,
    version: u32,
    sites: BTreeMap<String, SavedSite>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedSite {
    documents: u64,
    /// Hash (16 hex digits) -> documents.
    lines: BTreeMap<String, u32>,
}

impl Profile {
    pub fn new() -> Self {
        Profile::default()
    }

    /// Learns from `(site, text)` pairs.
    pub fn learn<I, S, T>(docs: I) -> Profile
    where
        I: IntoIterator<Item = (S, T)>,
        S: AsRef<str>,
        T: AsRef<str>,
    {
        let mut p = Profile::new();
        for (site, text) in docs {
            p.add(site.as_ref(), text.as_ref());
        }
        p
    }

    /// Counts one document of `site`: each distinct body line once.
    pub fn add(&mut self, site: &str, text: &str) {
        self.add_lines(site, &document_lines(text));
    }

    /// Counts one document of `site` from its [`document_lines`], which a batch computes on
    /// its workers, leaving only the counting to the thread that holds the profile.
    pub fn add_lines(&mut self, site: &str, lines: &[u64]) {
        let entry = match self.sites.get_mut(site) {
            Some(e) => e,
            None => self.sites.entry(site.to_string()).or_default(),
        };
        entry.documents += 1;
        for &h in lines {
            let c = entry.lines.entry(h).or_default();
            *c = c.saturating_add(1);
        }
    }

    /// Adds `other`'s counts to this profile.
    pub fn merge(&mut self, other: &Profile) {
        for (site, sp) in &other.sites {
            self.sites.entry(site.clone()).or_default().merge(sp);
        }
    }

    /// The profile of `site`, if any document of it was learnt.
    pub fn site<'a>(&'a self, site: &'a str) -> Option<SiteRef<'a>> {
        self.sites.get_key_value(site).map(|(k, p)| SiteRef {
            site: k,
            profile: p,
        })
    }

    /// Site keys, sorted.
    pub fn sites(&self) -> impl Iterator<Item = (&str, &SiteProfile)> {
        self.sites.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Keeps only the lines that are frequent for their site (the document counts stay), so
    /// that a saved profile holds boilerplate only. Applying a pruned profile with the same
    /// or stricter thresholds finds exactly what the full profile finds.
    pub fn prune(&mut self, thresholds: &Thresholds) {
        for sp in self.sites.values_mut() {
            let docs = sp.documents;
            sp.lines.retain(|_, c| thresholds.frequent(*c, docs));
            sp.lines.shrink_to_fit();
        }
    }

    /// The saved form: stable and deterministic (sorted sites and hashes), so that the same
    /// batch always gives the same file and profiles diff well.
    pub fn to_json(&self) -> String {
        let saved = SavedProfile {
            format: FORMAT.to_string(),
            version: VERSION,
            sites: self
                .sites
                .iter()
                .map(|(k, sp)| {
                    let lines = sp
                        .lines
                        .iter()
                        .map(|(h, c)| (format!("{h:016x}"), *c))
                        .collect();
                    (
                        k.clone(),
                        SavedSite {
                            documents: sp.documents,
                            lines,
                        },
                    )
                })
                .collect(),
        };
        let mut s = serde_json::to_string_pretty(&saved).expect("a profile serialises");
        s.push('\n');
        s
    }

    /// Reads the saved form; the error message says what is wrong (the caller names the file).
    pub fn from_json(text: &str) -> Result<Profile, String> {
        let saved: SavedProfile = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if saved.format != FORMAT {
            return Err(format!("format is `{}`, expected `{FORMAT}`", saved.format));
        }
        if saved.version != VERSION {
            return Err(format!(
                "version {} is not supported (this decruft reads version {VERSION})",
                saved.version
            ));
        }
        let mut sites = BTreeMap::new();
        for (site, s) in saved.sites {
            let mut lines = HashMap::with_capacity(s.lines.len());
            for (h, c) in s.lines {
                let hash = (h.len() == 16)
                    .then(|| u64::from_str_radix(&h, 16).ok())
                    .flatten()
                    .ok_or_else(|| {
                        format!("site `{site}`: `{h}` is not a 16-digit hex line hash")
                    })?;
                lines.insert(hash, c);
            }
            sites.insert(
                site,
                SiteProfile {
                    documents: s.documents,
                    lines,
                },
            );
        }
        Ok(Profile { sites })
    }

    /// Reads a saved profile from `path`.
    pub fn load(path: &Path) -> Result<Profile, ProfileError> {
        let p = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| ProfileError::Read {
            path: p.clone(),
            source,
        })?;
        Profile::from_json(&text).map_err(|message| ProfileError::Invalid { path: p, message })
    }

    /// Writes the saved form to `path`.
    pub fn save(&self, path: &Path) -> Result<(), ProfileError> {
        std::fs::write(path, self.to_json()).map_err(|source| ProfileError::Write {
            path: path.display().to_string(),
            source,
        })
    }
}

/// The comparable form of a line: lower case, whitespace runs as one space, digit runs as
/// one `0`, trimmed. Digits are folded because the lines that vary between otherwise
/// identical boilerplate are years, dates and counters.
pub fn normalise(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut prev_space = true;
    let mut prev_digit = false;
    for c in line.chars() {
        if c.is_whitespace() {
            if !prev_space {
                out.push(' ');
            }
            prev_space = true;
            prev_digit = false;
        } else if c.is_numeric() {
            if !prev_digit {
                out.push('0');
            }
            prev_space = false;
            prev_digit = true;
        } else {
            out.extend(c.to_lowercase());
            prev_space = false;
            prev_digit = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The hashes of the distinct non-blank body lines of `text`, each once, in a fixed order:
/// what one document adds to its site's counts.
pub fn document_lines(text: &str) -> Vec<u64> {
    let doc = Document::parse(text);
    let mut seen: Vec<u64> = doc
        .body_lines()
        .map(|i| doc.line_text(i))
        .filter(|line| !line.trim().is_empty())
        .map(line_hash)
        .collect();
    seen.sort_unstable();
    seen.dedup();
    seen
}

/// The 64-bit FNV-1a hash of the normalised line: fixed by this definition (unlike std's
/// hasher), so saved profiles stay valid across versions and platforms.
pub fn line_hash(line: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in normalise(line).bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The site key of a URL: its host, lower-cased, without `www.`, port or credentials.
pub fn site_of_url(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host_port.starts_with('[') {
        host_port.split_inclusive(']').next().unwrap_or(host_port)
    } else {
        host_port.split(':').next().unwrap_or(host_port)
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let host = host
        .strip_prefix("www.")
        .map(str::to_string)
        .unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_folds_case_space_and_numbers() {
        assert_eq!(
            normalise("  © 2024   The Daily\tExample "),
            "© 0 the daily example"
        );
        assert_eq!(
            line_hash("© 2024 The Daily Example"),
            line_hash("© 2025 the daily  example")
        );
        assert_ne!(
            line_hash("Follow us on Mastodon"),
            line_hash("Follow us on Bluesky")
        );
    }

    #[test]
    fn site_keys_come_from_hosts() {
        assert_eq!(
            site_of_url("https://www.Example.com:8443/a/b?c#d").as_deref(),
            Some("example.com")
        );
        assert_eq!(
            site_of_url("http://user:pw@news.example.org/x").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(
            site_of_url("example.net/path").as_deref(),
            Some("example.net")
        );
        assert_eq!(site_of_url("https:///nohost"), None);
    }

    #[test]
    fn a_line_counts_once_per_document() {
        let p = Profile::learn([("s", "T\n\nSame line here\nSame line here\n")]);
        assert_eq!(p.site("s").unwrap().profile.count("same LINE here"), 1);
    }

    #[test]
    fn a_document_gives_its_distinct_body_lines_and_adding_them_counts_it() {
        let text = "Title line\n\nFooter 2024\n\nA line\n\nfooter 2025\n\n   \n";
        let lines = document_lines(text);
        // the title is not a body line; the two footers normalise alike; blank lines go
        assert_eq!(lines.len(), 2);
        assert!(lines.contains(&line_hash("A line")));
        assert!(lines.contains(&line_hash("Footer 2024")));
        let (mut a, mut b) = (Profile::new(), Profile::new());
        a.add("s", text);
        b.add_lines("s", &lines);
        assert_eq!(a.to_json(), b.to_json());
        assert_eq!(a.site("s").unwrap().profile.documents, 1);
    }

    #[test]
    fn bad_saved_profiles_say_why() {
        assert!(Profile::from_json("{}")
            .unwrap_err()
            .contains("missing field"));
        let wrong = r#"{"format":"decruft-profile","version":1,"sites":{"a":{"documents":1,"lines":{"xyz":3}}}}"#;
        assert!(Profile::from_json(wrong).unwrap_err().contains("`xyz`"));
    }
}
