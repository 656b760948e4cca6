//! `decruft eval`: extraction quality against a hand-made ground truth, as a CI gate.
//!
//! The same metric scores decruft's own HTML extraction and other extractors' text dumps, and
//! with `--clean` it scores those dumps again after the engine has cleaned them, so the
//! effect of cleaning on precision and recall is one command away.

use std::io::Write;

use decruft::eval::{self, Report};

use super::args::EvalArgs;
use super::options::Options;
use super::Status;

pub fn run(options: &Options, args: &EvalArgs) -> anyhow::Result<Status> {
    let (before, after) = match (&args.html_dir, &args.outputs) {
        (Some(dir), _) => (eval::run(&args.truth, dir)?, None),
        (None, Some(outputs)) => {
            let truth = eval::read_truth(&args.truth)?;
            let texts = eval::read_outputs(outputs)?;
            let before = eval::score_outputs(&truth, &texts, |s| s.to_string());
            let after = if args.clean {
                let engine = options.engine()?;
                Some(eval::score_outputs(&truth, &texts, |s| {
                    engine.clean(s).text
                }))
            } else {
                None
            };
            (before, after)
        }
        (None, None) => anyhow::bail!("give --html-dir or --outputs"),
    };
    let report = if args.json {
        let value = match &after {
            Some(a) => serde_json::json!({ "before": before, "after": a }),
            None => serde_json::to_value(&before)?,
        };
        format!("{}\n", serde_json::to_string_pretty(&value)?)
    } else if let Some(a) = &after {
        format!(
            "before clean: {}\nafter clean:  {}\n{}",
            headline(&before),
            headline(a),
            worst_only(a)
        )
    } else {
        before.summary(10)
    };
    // a reader that stops early (`| head`) must not turn a failed gate into a pass: the gates
    // below are applied whether or not the whole report could be written
    if let Err(e) = std::io::stdout().lock().write_all(report.as_bytes()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(anyhow::Error::new(e).context("cannot write the report"));
        }
    }
    let gated = after.as_ref().unwrap_or(&before);
    let failures = gate(gated, args);
    for f in &failures {
        eprintln!("eval: {f}");
    }
    Ok(if failures.is_empty() {
        Status::Ok
    } else {
        Status::Changes
    })
}

/// The aggregate line of a report.
fn headline(r: &Report) -> String {
    r.summary(0).trim_end().to_string()
}

/// The worst pages of a report, without its aggregate line.
fn worst_only(r: &Report) -> String {
    let s = r.summary(10);
    s.split_once('\n')
        .map(|(_, rest)| rest.to_string())
        .unwrap_or_default()
}

/// The gates `report` does not meet, as messages.
fn gate(report: &Report, args: &EvalArgs) -> Vec<String> {
    [
        ("F1", report.f1, args.min_f1),
        ("precision", report.precision, args.min_precision),
        ("recall", report.recall, args.min_recall),
    ]
    .into_iter()
    .filter_map(|(name, value, min)| {
        min.filter(|&m| value < m)
            .map(|m| format!("{name} {value:.4} is below the required {m:.4}"))
    })
    .collect()
}
