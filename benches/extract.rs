//! Extraction throughput on the development benchmark pages (in memory, parsing included,
//! one thread). Reads `shared/bench/scrapinghub-dev/html` beside the repository (or beside a
//! directory above it); without it the benchmark does nothing.

// the decruft binary's allocator, so that the figures are the command's
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;

use criterion::{Criterion, Throughput};

#[path = "common/shared.rs"]
mod shared;

fn pages() -> Vec<Vec<u8>> {
    let Some(dir) = shared::bench_dir() else {
        return Vec::new();
    };
    let truth = decruft::eval::read_truth(&dir.join("ground-truth.json")).expect("ground truth");
    truth
        .keys()
        .map(|id| decruft::eval::read_page(&dir.join("html"), id).expect("page"))
        .collect()
}

fn main() {
    let pages = pages();
    if pages.is_empty() {
        eprintln!("benchmark pages not found; nothing to measure");
        return;
    }
    let mut c = Criterion::default().sample_size(20).configure_from_args();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("scrapinghub-dev", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(
                    decruft::extract::extract(black_box(p))
                        .map(|x| x.blocks.len())
                        .ok(),
                );
            }
        })
    });
    // html5ever parsing alone (through scraper's tree, as extraction uses it) of the whole page,
    // decoded before the clock starts: the pages are valid UTF-8, so this is the text
    // extraction decodes.
    let texts: Vec<String> = pages
        .iter()
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect();
    group.bench_function("parse-only", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(
                    scraper::Html::parse_document(black_box(t))
                        .tree
                        .nodes()
                        .count(),
                );
            }
        })
    });
    group.finish();
    c.final_summary();
}
