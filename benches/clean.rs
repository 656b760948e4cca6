//! Text cleaning throughput over the hand-written corpus, one core.
//!
//! `cargo bench --bench clean` reports the time to clean every corpus article once; criterion
//! turns it into MB/s from the total input size.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use decruft::Engine;

fn corpus_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut texts = Vec::new();
    for dir in ["articles", "fixtures"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("corpus directory")
            .map(|e| e.expect("corpus entry").path())
            .filter(|p| {
                p.extension().is_some_and(|e| e == "txt")
                    && !p.to_string_lossy().ends_with(".expected.txt")
            })
            .collect();
        paths.sort();
        texts.extend(
            paths
                .iter()
                .map(|p| std::fs::read_to_string(p).expect("corpus text")),
        );
    }
    texts
}

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
