//! decruft.toml parsing on arbitrary text, and building the engine (user regexes, allow
//! lists, per-file ignores) from whatever parses.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(config) = decruft::Config::parse(text, Path::new("decruft.toml")) else {
        return;
    };
    let _ = decruft::suppress::PerFileIgnores::from_config(&config);
    if let Ok(engine) = decruft::Engine::new(&config) {
        let _ = engine.clean("A Title\n\nShare\n\nA Title said the minister on Monday.\n");
    }
});
