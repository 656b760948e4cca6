//! Cleans every corpus article and fixture `N` times: a fixed workload for instruction
//! counts, which do not depend on what else the machine runs.
//!
//! ```sh
//! cargo build --release --example clean_corpus
//! for n in 2 6; do valgrind --tool=callgrind --callgrind-out-file=cg.$n \
//!     target/release/examples/clean_corpus $n; done
//! callgrind_annotate cg.2 | grep TOTALS; callgrind_annotate cg.6 | grep TOTALS
//! ```
//!
//! (total of 6 rounds - total of 2 rounds) / 4 is the cost of one round without the start-up
//! (reading the corpus, compiling the patterns). Compiling the patterns does not take the same
//! number of instructions in two processes (the compiler's hash maps are seeded at random): it
//! moves the difference by up to 0.6 M, a few per cent of a round. Subtract each run's
//! `regex::regex::string::Regex::new` from its total (`callgrind_annotate --inclusive=yes`)
//! before taking the difference.
//!
//! With 10 rounds or more it also prints the distribution of the wall-clock time per pass
//! (`target/release/examples/clean_corpus 2000`): on a shared virtual machine the same build
//! runs some passes half again as fast as others, as the host's load comes and goes, and the
//! spread shows which state a measurement was taken in.

// the allocator of the decruft binary and the benchmarks
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

use decruft::Engine;

#[path = "../benches/common/corpus.rs"]
mod corpus;
use corpus::corpus_texts;

fn main() {
    let rounds: usize = match std::env::args().nth(1).map(|a| a.parse()) {
        None => 1,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("usage: clean_corpus [ROUNDS]: {e}");
            std::process::exit(2);
        }
    };
    let texts = corpus_texts();
    let engine = Engine::default();
    let mut findings = 0;
    let mut passes = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let start = Instant::now();
        for t in &texts {
            findings += engine.clean(t).findings.len();
        }
        passes.push(start.elapsed());
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{} texts, {bytes} bytes, {rounds} rounds, {findings} findings",
        texts.len()
    );
    if rounds >= 10 {
        passes.sort_unstable();
        let rate = |q: usize| {
            let pass = passes[(rounds - 1) * q / 100];
            format!("{:.1} MB/s", bytes as f64 / pass.as_secs_f64() / 1e6)
        };
        println!(
            "per pass: median {} ({:.3} ms); fastest tenth {}, slowest tenth {}",
            rate(50),
            passes[(rounds - 1) / 2].as_secs_f64() * 1e3,
            rate(10),
            rate(90)
        );
    }
}
