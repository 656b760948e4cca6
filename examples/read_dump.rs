//! Measures the dump readers: records and MB/s for a JSON Lines or WARC file (gzip or not),
//! and, for JSON Lines, the same file parsed into `serde_json::Value` for comparison.
//!
//! ```text
//! cargo run --release --example gen_dump -- /tmp/d.jsonl 200 jsonl
//! cargo run --release --example read_dump -- /tmp/d.jsonl [value]
//! ```

use std::io::BufRead;
use std::path::Path;
use std::time::Instant;

use decruft::input::compress;
use decruft::input::jsonl::{FieldNames, JsonlReader};
use decruft::input::warc::WarcReader;

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().ok_or("usage: read_dump FILE [value]")?;
    let value_mode = args.get(1).is_some_and(|a| a == "value");
    let input = compress::open(Path::new(path), None).map_err(|e| e.to_string())?;
    let start = Instant::now();
    let (mut records, mut errors, mut text_bytes) = (0u64, 0u64, 0u64);
    let mut bytes = 0u64;
    if path.contains(".warc") {
        let mut reader = WarcReader::new(Counting {
            inner: input,
            n: &mut bytes,
        });
        for r in reader.by_ref() {
            match r {
                Ok(p) => {
                    records += 1;
                    text_bytes += p.html.len() as u64;
                }
                Err(e) => {
                    errors += 1;
                    eprintln!("{path}: {e}");
                }
            }
        }
        eprintln!("{:?}", reader.stats());
    } else if value_mode {
        // the alternative design: a full Value tree per line (parsing only; writing it
        // back would cost more)
        for line in input.lines() {
            let line = line.map_err(|e| e.to_string())?;
            bytes += line.len() as u64 + 1;
            match serde_json::from_str::<serde_json::Value>(&line) {
                Ok(v) => {
                    records += 1;
                    text_bytes += v
                        .get("text")
                        .and_then(|t| t.as_str())
                        .map_or(0, |t| t.len() as u64);
                }
                Err(_) => errors += 1,
            }
        }
    } else {
        for r in JsonlReader::new(
            Counting {
                inner: input,
                n: &mut bytes,
            },
            FieldNames::default(),
        ) {
            match r {
                Ok(rec) => {
                    records += 1;
                    text_bytes += rec.text.as_ref().map_or(0, |t| t.len() as u64);
                }
                Err(e) => {
                    errors += 1;
                    eprintln!("{path}: {e}");
                }
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{path}: {records} records, {errors} errors, {:.1} MB read ({:.1} MB of text) in {secs:.2} s: {:.0} MB/s",
        bytes as f64 / 1e6,
        text_bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
    Ok(())
}

/// Counts the decompressed bytes the reader consumes.
struct Counting<'a, R> {
    inner: R,
    n: &'a mut u64,
}

impl<R: BufRead> std::io::Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        *self.n += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<'_, R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        *self.n += amt as u64;
        self.inner.consume(amt)
    }
}
