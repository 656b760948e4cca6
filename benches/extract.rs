//! Extraction throughput on the development benchmark pages (in memory, parsing included,
//! one thread). Reads `../shared/bench/scrapinghub-dev/html` (or `../../shared/...` from a
//! worktree); without it the benchmark does nothing.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput};

fn pages() -> Vec<Vec<u8>> {
    let Some(dir) = [
        "../shared/bench/scrapinghub-dev",
        "../../shared/bench/scrapinghub-dev",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists()) else {
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
    group.bench_function("parse-only", |b| {
        b.iter(|| {
            for p in &pages {
                let text = String::from_utf8_lossy(p);
                black_box(scraper::Html::parse_document(&text).tree.nodes().count());
            }
        })
    });
    group.finish();
    c.final_summary();
}
