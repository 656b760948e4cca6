//! Text cleaning throughput over the hand-written corpus, one core.
//!
//! `cargo bench --bench clean` reports the time to clean every corpus article once; criterion
//! turns it into MB/s from the total input size.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use decruft::Engine;

#[path = "common/corpus.rs"]
mod corpus;
use corpus::corpus_texts;

fn bench_clean(c: &mut Criterion) {
    let texts = corpus_texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let engine = Engine::default();
    let mut group = c.benchmark_group("clean");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(engine.clean(black_box(t)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_clean);
criterion_main!(benches);
