//! The engine every target uses, run once on every corpus text before fuzzing starts.
//!
//! The rules compile their patterns on first use. Without a warm-up, that compilation (slow
//! in a coverage-instrumented build) lands inside the first inputs and trips libFuzzer's
//! 1 s timeout on inputs that are not slow at all.

pub fn engine() -> decruft::Engine {
    let engine = decruft::Engine::default();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus");
    for dir in ["articles", "fixtures"] {
        let Ok(entries) = std::fs::read_dir(format!("{root}/{dir}")) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            engine.clean(&text);
            let page = format!(
                "<html><head><title>T</title></head><body><article><p>{}</p></article></body></html>",
                text.replace('\n', "</p><p>")
            );
            let _ = decruft::extract::extract(page.as_bytes());
        }
    }
    engine
}
