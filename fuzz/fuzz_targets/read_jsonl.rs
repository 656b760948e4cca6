//! JSON Lines reading and writing back on arbitrary bytes, through the gzip-sniffing opener.
#![no_main]

mod warm;

use std::io::Cursor;
use std::sync::OnceLock;

use decruft::input::{compress, jsonl};
use libfuzzer_sys::fuzz_target;

static ENGINE: OnceLock<decruft::Engine> = OnceLock::new();

// built before the first input, so that its cost does not count against -timeout
fuzz_target!(init: { ENGINE.get_or_init(warm::engine); }, |data: &[u8]| {
    let engine = ENGINE.get().unwrap();
    let Ok(input) = compress::from_reader(Cursor::new(data.to_vec()), "fuzz", Some(1 << 20))
    else {
        return;
    };
    let reader = jsonl::JsonlReader::new(input, jsonl::FieldNames::default()).with_max_line(1 << 16);
    let mut writer = jsonl::JsonlWriter::new(Vec::new(), jsonl::FieldNames::default());
    for rec in reader {
        let Ok(rec) = rec else { continue };
        if let Some(article) = rec.article() {
            let cleaned = engine.clean(&article);
            writer.write(&rec, &cleaned).unwrap();
        }
    }
    // what is written back must be JSON Lines again, one object per line
    for line in writer.into_inner().split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let v: serde_json::Value = serde_json::from_slice(line).expect("output line is JSON");
        assert!(v.is_object());
    }
});
