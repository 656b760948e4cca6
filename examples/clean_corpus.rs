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
//! (reading the corpus, compiling the patterns).

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
    for _ in 0..rounds {
        for t in &texts {
            findings += engine.clean(t).findings.len();
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{} texts, {bytes} bytes, {rounds} rounds, {findings} findings",
        texts.len()
    );
}
