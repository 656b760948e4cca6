//! HTML extraction on arbitrary bytes (any charset, any nesting), then cleaning the result.
#![no_main]

mod warm;

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static ENGINE: OnceLock<decruft::Engine> = OnceLock::new();

// built before the first input, so that its cost does not count against -timeout
fuzz_target!(init: { ENGINE.get_or_init(warm::engine); }, |data: &[u8]| {
    let engine = ENGINE.get().unwrap();
    if let Ok(page) = decruft::extract::extract(data) {
        let body = page.body();
        let _ = page.visible_text();
        let _ = engine.clean(&body);
    }
});
