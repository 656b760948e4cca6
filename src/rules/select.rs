//! Which rules run: `--select`, `--ignore` and `--extend-select` over codes and prefixes.
//!
//! The semantics follow ruff's, which CI users already know: a selector is a code (`J002`), a
//! prefix (`J`, `S00`) or `ALL`; `select` replaces the set the config would run,
//! `extend-select` adds to it, and `ignore` takes away. When a code is matched by both a
//! selecting and an ignoring selector, the more specific (longer) selector wins, and `ignore`
//! wins a tie, so `--select J --ignore J002` and `--select J002 --ignore J` both do what they
//! say.

use std::collections::BTreeSet;

use crate::config::Config;
use crate::rules;
use crate::Error;

/// The selector that matches every code, less specific than any prefix.
pub const ALL: &str = "ALL";

/// How specifically `selector` matches `code`: `None` when it does not match, otherwise the
/// prefix length (0 for `ALL`).
fn specificity(selector: &str, code: &str) -> Option<usize> {
    if selector.eq_ignore_ascii_case(ALL) {
        return Some(0);
    }
    let matches = !selector.is_empty() && super::code_has_prefix(code, selector);
    matches.then_some(selector.len())
}

/// The most specific of `selectors` that matches `code`.
fn best(selectors: &[String], code: &str) -> Option<usize> {
    selectors.iter().filter_map(|s| specificity(s, code)).max()
}

/// The codes the config alone runs: default-enabled rules and user rules, less `disable`,
/// plus `enable` (an exact `enable` beats a prefix `disable`, as in [`crate::Engine::new`]).
fn configured(codes: &[(String, bool)], config: &Config) -> BTreeSet<String> {
    codes
        .iter()
        .filter(|(code, default_enabled)| {
            if best(&config.disable, code).is_some() {
                config.enable.iter().any(|e| e.eq_ignore_ascii_case(code))
            } else {
                *default_enabled || best(&config.enable, code).is_some()
            }
        })
        .map(|(code, _)| code.clone())
        .collect()
}

/// Resolves the selectors over `codes` (each with whether it runs by default).
///
/// Fails on a selector that matches no code: a typo in CI must not silently run nothing.
pub fn resolve_in(
    codes: &[(String, bool)],
    select: Option<&[String]>,
    ignore: &[String],
    extend_select: &[String],
    config: &Config,
) -> Result<BTreeSet<String>, Error> {
    for s in select
        .unwrap_or_default()
        .iter()
        .chain(ignore)
        .chain(extend_select)
    {
        if !codes.iter().any(|(c, _)| specificity(s, c).is_some()) {
            return Err(Error::UnknownRule(s.clone()));
        }
    }
    let base = match select {
        Some(_) => BTreeSet::new(),
        None => configured(codes, config),
    };
    let mut selecting: Vec<String> = select.unwrap_or_default().to_vec();
    selecting.extend_from_slice(extend_select);
    Ok(codes
        .iter()
        .map(|(c, _)| c)
        .filter(|code| {
            let ignored = best(ignore, code);
            match best(&selecting, code) {
                Some(sel) => !matches!(ignored, Some(ign) if ign >= sel),
                None => base.contains(*code) && ignored.is_none(),
            }
        })
        .cloned()
        .collect())
}

/// Resolves the selectors over the built-in rules and the config's user rules.
///
/// `select` is `None` when the option was not given (the config decides), and `Some(&[])`
/// when it was given empty (nothing runs unless `extend_select` adds it).
pub fn resolve(
    select: Option<&[String]>,
    ignore: &[String],
    extend_select: &[String],
    config: &Config,
) -> Result<BTreeSet<String>, Error> {
    resolve_in(&known_codes(config), select, ignore, extend_select, config)
}

/// Every code the config can run: built-in rules, then user rules.
pub fn known_codes(config: &Config) -> Vec<(String, bool)> {
    rules::registry()
        .iter()
        .map(|r| (r.meta().code.to_string(), r.meta().default_enabled))
        .chain(config.user_rules.iter().map(|u| (u.code.clone(), true)))
        .collect()
}

/// A copy of `config` whose `enable`/`disable` make [`crate::Engine::new`] run exactly
/// `codes`, so that the engine keeps one selection mechanism.
pub fn restrict(config: &Config, codes: &BTreeSet<String>) -> Config {
    let mut out = config.clone();
    out.disable = known_codes(config).into_iter().map(|(c, _)| c).collect();
    out.enable = codes.iter().cloned().collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stable code list, with S005 as an example of a rule off by default.
    fn codes() -> Vec<(String, bool)> {
        let mut v: Vec<(String, bool)> = (1..=12).map(|i| (format!("J{i:03}"), true)).collect();
        v.extend((1..=5).map(|i| (format!("S{i:03}"), i != 5)));
        v
    }

    fn s(list: &[&str]) -> Vec<String> {
        list.iter().map(|x| x.to_string()).collect()
    }

    fn run(
        select: Option<&[&str]>,
        ignore: &[&str],
        extend: &[&str],
        config: &Config,
    ) -> Vec<String> {
        let select = select.map(s);
        resolve_in(&codes(), select.as_deref(), &s(ignore), &s(extend), config)
            .unwrap()
            .into_iter()
            .collect()
    }

    #[test]
    fn without_options_the_config_decides() {
        let all = run(None, &[], &[], &Config::default());
        assert_eq!(all.len(), 16);
        assert!(!all.contains(&"S005".to_string()), "S005 is off by default");
        let config = Config {
            disable: s(&["S"]),
            enable: s(&["S002"]),
            ..Config::default()
        };
        let got = run(None, &[], &[], &config);
        assert!(got.contains(&"S002".to_string()));
        assert!(
            !got.iter().any(|c| c != "S002" && c.starts_with('S')),
            "{got:?}"
        );
    }

    #[test]
    fn select_replaces_the_configured_set() {
        assert_eq!(
            run(Some(&["S00"]), &[], &[], &Config::default()),
            s(&["S001", "S002", "S003", "S004", "S005"])
        );
        assert_eq!(
            run(Some(&["j002"]), &[], &[], &Config::default()),
            s(&["J002"])
        );
    }

    #[test]
    fn extend_select_adds_to_the_configured_set() {
        let got = run(None, &[], &["S005"], &Config::default());
        assert_eq!(got.len(), 17);
        let got = run(Some(&["J001"]), &[], &["S005"], &Config::default());
        assert_eq!(got, s(&["J001", "S005"]));
    }

    #[test]
    fn the_more_specific_selector_wins_and_ignore_wins_ties() {
        let got = run(Some(&["J"]), &["J002"], &[], &Config::default());
        assert_eq!(got.len(), 11);
        assert!(!got.contains(&"J002".to_string()));
        assert_eq!(
            run(Some(&["J002"]), &["J"], &[], &Config::default()),
            s(&["J002"])
        );
        assert!(run(Some(&["J002"]), &["J002"], &[], &Config::default()).is_empty());
        assert!(run(Some(&["ALL"]), &["ALL"], &[], &Config::default()).is_empty());
        // ALL is the least specific selector
        assert_eq!(
            run(Some(&["ALL"]), &["J", "S00"], &[], &Config::default()),
            Vec::<String>::new()
        );
        assert_eq!(
            run(Some(&["J01"]), &["ALL"], &[], &Config::default()),
            s(&["J010", "J011", "J012"])
        );
    }

    #[test]
    fn ignore_without_select_removes_from_the_configured_set() {
        let got = run(None, &["S"], &[], &Config::default());
        assert_eq!(got.len(), 12);
        assert!(got.iter().all(|c| c.starts_with('J')));
    }

    #[test]
    fn empty_select_runs_only_what_extend_select_adds() {
        assert!(run(Some(&[]), &[], &[], &Config::default()).is_empty());
        assert_eq!(
            run(Some(&[]), &[], &["J007"], &Config::default()),
            s(&["J007"])
        );
    }

    #[test]
    fn unknown_selectors_are_errors() {
        for bad in ["J9", "X", "J0021", ""] {
            let err =
                resolve_in(&codes(), Some(&s(&[bad])), &[], &[], &Config::default()).unwrap_err();
            assert!(
                matches!(err, Error::UnknownRule(ref c) if c == bad),
                "{bad}: {err}"
            );
        }
        assert!(resolve_in(&codes(), None, &s(&["Q"]), &[], &Config::default()).is_err());
    }

    #[test]
    fn user_rule_codes_are_selectable() {
        let config = Config::parse(
            "[[rule]]\ncode = \"U001\"\nphrase = \"Sponsored\"\n",
            std::path::Path::new("d.toml"),
        )
        .unwrap();
        let got = resolve(Some(&s(&["U"])), &[], &[], &config).unwrap();
        assert_eq!(got.into_iter().collect::<Vec<_>>(), s(&["U001"]));
        assert!(resolve(None, &s(&["U001"]), &[], &config)
            .unwrap()
            .iter()
            .all(|c| c != "U001"));
    }

    #[test]
    fn restrict_makes_the_engine_run_exactly_the_set() {
        let config = Config {
            disable: s(&["J"]),
            enable: s(&["S005"]),
            ..Config::default()
        };
        let set: BTreeSet<String> = s(&["J002", "S001"]).into_iter().collect();
        let r = restrict(&config, &set);
        assert_eq!(r.enable, s(&["J002", "S001"]));
        // every code the config can run is disabled, so only the exact enables run
        assert_eq!(r.disable.len(), known_codes(&config).len());
    }
}
