//! `decruft learn`: a site profile from a batch, for `decruft clean --profile`.
//!
//! Profiles are learnt in parallel: the workers read each document and hash its lines, and the
//! calling thread only adds the hashes to the counts, in input order. Counting lines per
//! document adds up in any order, so any number of threads gives the profile of one
//! sequential pass.

use std::time::Instant;

use decruft::batch::site_key;
use decruft::input;
use decruft::output;
use decruft::profile::{document_lines, Profile, Thresholds};

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
        let names = batch::field_names(&args.input);
        batch::run(
            &srcs,
            names.clone(),
            args.input.threads,
            setup.max_input,
            |w| {
                batch::prepare(w, &srcs, &names, &setup).map(|_, d| {
                    let site = site_key(site, d.url.as_deref());
                    (site, document_lines(&d.content.into_article()))
                })
            },
            |d, _| {
                match d {
                    Done::Rec(_, Ok((site, lines))) => {
                        documents += 1;
                        profile.add_lines(&site, &lines);
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
