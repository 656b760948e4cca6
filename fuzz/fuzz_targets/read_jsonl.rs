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
    // whether serde_json reads each written record's input line as a `Value`: a lone
    // surrogate escape in a field decruft passes through is kept as written, so the output
    // line is only as strict as its input
    let mut strict = Vec::new();
    for rec in reader {
        let Ok(rec) = rec else { continue };
        if let Some(article) = rec.article() {
            let cleaned = engine.clean(&article);
            writer.write(&rec, &cleaned).unwrap();
            strict.push(serde_json::from_str::<serde_json::Value>(rec.raw()).is_ok());
        }
    }
    // what is written back must be JSON Lines again, one object per record
    let out = writer.into_inner();
    let lines: Vec<&[u8]> = out.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), strict.len(), "one output line per record");
    for (line, strict) in lines.into_iter().zip(strict) {
        if strict {
            let v: serde_json::Value = serde_json::from_slice(line).expect("output line is JSON");
            assert!(v.is_object());
        } else {
            assert!(line.starts_with(b"{"));
            serde_json::from_slice::<serde::de::IgnoredAny>(line).expect("output line is JSON");
        }
    }
});
