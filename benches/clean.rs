//! Text cleaning throughput, one core.
//!
//! `cargo bench -p decruft-benches --bench clean` reports the time to clean every text of a
//! set once; criterion turns it into MB/s from the set's total input size. Two sets:
//! - `clean/corpus`: the hand-written corpus (articles and the per-rule fixtures: short texts
//!   dense with junk and stuffing, the worst case per byte);
//! - `clean/article-bodies`: the 88 true article bodies of the development benchmark
//!   (`shared/bench/scrapinghub-dev/ground-truth.json` beside the repository, or beside a
//!   directory above it), real news text of ordinary length; skipped when the file is absent.

// the decruft binary's allocator, so that the figures are the command's
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use decruft::Engine;
use std::hint::black_box;

#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/shared.rs"]
mod shared;
use corpus::corpus_texts;

fn article_bodies() -> Vec<String> {
    let Some(dir) = shared::bench_dir() else {
        return Vec::new();
    };
    let truth = decruft::eval::read_truth(&dir.join("ground-truth.json")).expect("ground truth");
    truth.into_values().map(|e| e.article_body).collect()
}

fn bench_set(c: &mut Criterion, name: &str, texts: &[String]) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let engine = Engine::default();
    let mut group = c.benchmark_group("clean");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(name, |b| {
        b.iter(|| {
            for t in texts {
                black_box(engine.clean(black_box(t)));
            }
        })
    });
    group.finish();
}

fn bench_clean(c: &mut Criterion) {
    bench_set(c, "corpus", &corpus_texts());
    let bodies = article_bodies();
    if bodies.is_empty() {
        eprintln!("benchmark article bodies not found; clean/article-bodies skipped");
    } else {
        bench_set(c, "article-bodies", &bodies);
    }
}

criterion_group!(benches, bench_clean);
criterion_main!(benches);
