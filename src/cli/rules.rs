//! `decruft rules`: which rules exist and run under the config in effect, and what each does.

use std::io::Write;

use decruft::config::UserRuleConfig;
use decruft::rules;

use super::args::RulesArgs;
use super::options::Options;
use super::Status;

pub fn run(options: &Options, args: &RulesArgs) -> anyhow::Result<Status> {
    // built even when only explaining a rule, so that a bad config is reported either way
    let engine = options.engine()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match &args.code {
        None => {
            let mut rows = vec![[
                "CODE".to_string(),
                "NAME".into(),
                "ACTION".into(),
                "ENABLED".into(),
            ]];
            for r in rules::registry() {
                let m = r.meta();
                let enabled = engine.rules().iter().any(|e| e.meta().code == m.code);
                rows.push([
                    m.code.into(),
                    m.name.into(),
                    m.action.to_string(),
                    yes_no(enabled),
                ]);
            }
            for u in &options.config.user_rules {
                rows.push([
                    u.code.clone(),
                    user_name(u),
                    u.action.to_string(),
                    yes_no(user_enabled(options, &u.code)),
                ]);
            }
            let widths: Vec<usize> = (0..4)
                .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
                .collect();
            for row in &rows {
                let line = format!(
                    "{:w0$}  {:w1$}  {:w2$}  {}",
                    row[0],
                    row[1],
                    row[2],
                    row[3],
                    w0 = widths[0],
                    w1 = widths[1],
                    w2 = widths[2]
                );
                writeln!(out, "{}", line.trim_end())?;
            }
        }
        Some(code) => {
            // a rule's name is accepted too: it is what users see in diffs and reports
            let builtin = rules::find(code).or_else(|| {
                rules::registry()
                    .iter()
                    .copied()
                    .find(|r| r.meta().name.eq_ignore_ascii_case(code))
            });
            if let Some(rule) = builtin {
                let m = rule.meta();
                writeln!(out, "# {} {}\n", m.code, m.name)?;
                writeln!(out, "{}", m.explanation.trim_end())?;
            } else if let Some(u) = options.config.user_rules.iter().find(|u| {
                u.code.eq_ignore_ascii_case(code)
                    || u.name
                        .as_deref()
                        .is_some_and(|n| n.eq_ignore_ascii_case(code))
            }) {
                let from = options
                    .config_path
                    .as_ref()
                    .map_or("the config".to_string(), |p| p.display().to_string());
                writeln!(out, "# {} {}\n", u.code, user_name(u))?;
                writeln!(out, "User rule from {from}.\n")?;
                if let Some(p) = &u.phrase {
                    writeln!(out, "- phrase: `{p}` (any case)")?;
                }
                if let Some(r) = &u.regex {
                    writeln!(out, "- regex: `{r}`")?;
                }
                writeln!(out, "- action: {}", u.action)?;
                if let Some(m) = &u.message {
                    writeln!(out, "- message: {m}")?;
                }
            } else {
                anyhow::bail!("unknown rule code `{code}`; `decruft rules` lists the codes");
            }
        }
    }
    out.flush()?;
    Ok(Status::Ok)
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

fn user_name(u: &UserRuleConfig) -> String {
    u.name
        .clone()
        .unwrap_or_else(|| u.code.to_ascii_lowercase())
}

/// Whether the engine runs user rule `code`: the same selection as for built-in rules (a
/// disable, by code or prefix, unless the exact code is also enabled), user rules being on by
/// default.
fn user_enabled(options: &Options, code: &str) -> bool {
    let c = &options.config;
    let prefix = |p: &String| {
        !p.is_empty() && code.len() >= p.len() && code[..p.len()].eq_ignore_ascii_case(p)
    };
    !c.disable.iter().any(prefix) || c.enable.iter().any(|p| p.eq_ignore_ascii_case(code))
}
