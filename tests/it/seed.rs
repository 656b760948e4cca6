//! Acceptance on the seed article: the user's real example of SEO stuffing and page junk.

use std::path::PathBuf;

use decruft::Engine;

use crate::util;

/// A read-only file under the shared folder next to the repository (or next to one of its
/// parent folders, for work trees kept below the main checkout's parent).
fn shared(rel: &str) -> Option<PathBuf> {
    util::root().ancestors().skip(1).map(|d| d.join("shared").join(rel)).find(|p| p.is_file())
}

fn shared_or_skip(rel: &str) -> Option<String> {
    match shared(rel) {
        Some(p) => Some(util::read(&p)),
        None if std::env::var("DECRUFT_REQUIRE_SHARED").as_deref() == Ok("1") => {
            panic!("../shared/{rel} is missing and DECRUFT_REQUIRE_SHARED=1")
        }
        None => {
            eprintln!("notice: ../shared/{rel} not found; skipping");
            None
        }
    }
}

const SEED: &str = "seed/000_ba1aded1c17315ae.txt";

#[test]
#[ignore = "prints the findings on the seed"]
fn print_seed_findings() {
    let Some(text) = shared_or_skip(SEED) else { return };
    let c = Engine::default().clean(&text);
    for f in &c.findings {
        println!("{} {} {:?} {:?}\n   {}", f.code, f.action, &text[f.range.clone()], f.range, f.message);
    }
    println!("-----\n{}", c.text);
}
