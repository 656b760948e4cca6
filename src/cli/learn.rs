//! `decruft learn`: a site profile from a batch, for `decruft clean --profile`.
//!
//! Profiles are learnt in parallel — every worker counts its share of a chunk into its own
//! profile, and the shares are merged — which gives exactly the profile of one sequential
//! pass, because counting lines per document adds up in any order.

use std::time::Instant;

use decruft::batch::site_key;
use decruft::input;
use decruft::output;
use decruft::profile::{Profile, Thresholds};
use rayon::prelude::*;

use super::args::LearnArgs;
use super::batch::{self, Done};
use super::options::Options;
use super::process::Setup;
use super::Status;

pub fn run(options: &Options, args: &LearnArgs) -> anyhow::Result<Status> {
    let start = Instant::now();
    let thresholds = Thresholds {
        min_documents: args.min_docs,
        min_share: args.min_share,
    };
    if !(0.0..=1.0).contains(&thresholds.min_share) {
        anyhow::bail!("--min-share must be between 0 and 1");
    }
    let mut profile = Profile::new();
    let mut errors = 0u64;
    let mut documents = 0u64;
    if !args.merge.is_empty() {
        for p in &args.merge {
            profile.merge(&Profile::load(p)?);
        }
    } else {
        let engine = options.engine()?;
        let setup = Setup {
            format: args.input.input_format,
            max_input: args.input.max_input_size,
            ..Setup::new(&engine)
        };
        let (srcs, walk_errors) = batch::sources(&args.paths, &args.input)?;
        errors += walk_errors;
        let site = args.site.as_deref();
        let mut pending: Vec<(String, String)> = Vec::new();
        let flush = |pending: &mut Vec<(String, String)>, profile: &mut Profile| {
            let part = pending
                .par_iter()
                .fold(Profile::new, |mut p, (site, text)| {
                    p.add(site, text);
                    p
                })
                .reduce(Profile::new, |mut a, b| {
                    a.merge(&b);
                    a
                });
            profile.merge(&part);
            pending.clear();
        };
        let names = batch::field_names(&args.input);
        batch::run(
            &srcs,
            names.clone(),
            args.input.threads,
            setup.max_input,
            |w| {
                batch::prepare(w, &srcs, &names, &setup)
                    .map(|_, d| (site_key(site, d.url.as_deref()), d.content.into_article()))
            },
            |d, _| {
                match d {
                    Done::Rec(_, Ok(doc)) => {
                        documents += 1;
                        pending.push(doc);
                        if pending.len() >= batch::CHUNK {
                            flush(&mut pending, &mut profile);
                        }
                    }
                    Done::Rec(_, Err(e)) | Done::Failed(_, e) => {
                        errors += 1;
                        eprintln!("error: {e}");
                    }
                    _ => {}
                }
                Ok(())
            },
        )?;
        flush(&mut pending, &mut profile);
    }
    profile.prune(&thresholds);
    output::write_atomic(&args.output, profile.to_json().as_bytes()).map_err(|e| {
        anyhow::anyhow!(
            "{}: cannot write: {}",
            args.output.display(),
            input::io_reason(&e)
        )
    })?;
    if !args.input.quiet {
        let sites = profile.sites().count();
        let lines: usize = profile.sites().map(|(_, s)| s.len()).sum();
        let what = if args.merge.is_empty() {
            format!("{documents} documents, ")
        } else {
            format!("{} profiles merged, ", args.merge.len())
        };
        eprintln!(
            "{}: {what}{sites} sites, {lines} boilerplate lines kept; {errors} errors; {:.2} s",
            args.output.display(),
            start.elapsed().as_secs_f64()
        );
    }
    Ok(if errors > 0 {
        Status::Errors
    } else {
        Status::Ok
    })
}
