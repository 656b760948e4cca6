//! Text cleaning on arbitrary bytes: the engine with the default rules, as `clean` runs it.
#![no_main]

mod warm;

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static ENGINE: OnceLock<decruft::Engine> = OnceLock::new();

// built before the first input, so that its cost does not count against -timeout
fuzz_target!(init: { ENGINE.get_or_init(warm::engine); }, |data: &[u8]| {
    let engine = ENGINE.get().unwrap();
    let (text, _) = decruft::input::decode(data);
    let cleaned = engine.clean(&text);
    // every finding must point inside the input at char boundaries, or the diff and the
    // reports would slice wrongly
    for f in &cleaned.findings {
        assert!(f.range.start <= f.range.end && f.range.end <= text.len());
        assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
    }
    let _ = decruft::output::diff::unified("a", &text, &cleaned.text);
});
