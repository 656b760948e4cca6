//! WARC reading on arbitrary bytes (lying lengths, broken headers, compressed payloads).
#![no_main]

use std::io::Cursor;

use decruft::input::{compress, warc};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = compress::from_reader(Cursor::new(data.to_vec()), "fuzz", Some(1 << 20))
    else {
        return;
    };
    let reader = warc::WarcReader::new(input).with_max_record(1 << 16);
    for rec in reader.take(10_000) {
        if let Ok(rec) = rec {
            let _ = decruft::extract::extract_str(&rec.html);
        }
    }
});
