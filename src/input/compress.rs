//! Opening inputs that may be gzip-compressed, with a cap on how much they may expand to.
//!
//! Dumps arrive as `.jsonl.gz` and Common Crawl `.warc.gz` files, and sometimes as gzip data
//! under a plain name (`part-0001` from a pipeline), so compression is recognised by the gzip
//! magic bytes, not only by the `.gz` suffix. Every gzip member is read
//! ([`MultiGzDecoder`]): Common Crawl compresses each WARC record as its own member, and
//! `cat a.gz b.gz` is a valid gzip file too.
//!
//! Readers stream, so a small file that decompresses to terabytes costs time, not memory; the
//! size limit turns that into a clear error instead of an endless run. Every read error names
//! the file, because the record readers above this layer only know line or record numbers.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;

/// The first two bytes of every gzip member.
pub const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Large buffers: the readers above scan lines and records, and syscalls per 8 KiB would
/// dominate on multi-gigabyte dumps.
const BUFFER: usize = 256 * 1024;

/// The error a read returns once the (decompressed) input has grown past the limit. It is
/// the inner error of the [`io::Error`]; see [`size_limit_exceeded`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SizeLimitExceeded {
    pub limit: u64,
}

impl fmt::Display for SizeLimitExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the input expands to more than the size limit of {} bytes",
            self.limit
        )
    }
}

impl std::error::Error for SizeLimitExceeded {}

/// An I/O error of one named input.
#[derive(Debug)]
struct NamedError {
    name: String,
    source: io::Error,
}

impl fmt::Display for NamedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.source)
    }
}

impl std::error::Error for NamedError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// The limit, when `err` (or an error it wraps) is the size limit being hit.
pub fn size_limit_exceeded(err: &io::Error) -> Option<u64> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = err.get_ref().map(|e| e as _);
    while let Some(e) = cur {
        if let Some(s) = e.downcast_ref::<SizeLimitExceeded>() {
            return Some(s.limit);
        }
        if let Some(io) = e.downcast_ref::<io::Error>() {
            if let Some(inner) = io.get_ref() {
                cur = Some(inner as _);
                continue;
            }
        }
        cur = e.source();
    }
    None
}

/// Opens `path`, decompressing it when it is gzip data (by magic bytes) and failing when
/// it is named `.gz` but is not gzip. `max_size` caps the bytes delivered (after
/// decompression); `None` means no cap.
pub fn open(path: &Path, max_size: Option<u64>) -> io::Result<Box<dyn BufRead + Send>> {
    let name = path.display().to_string();
    let file = File::open(path).map_err(|e| named(&name, e))?;
    let named_gz = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    from_reader_inner(file, &name, max_size, named_gz)
}

/// Like [`open`] for an already open stream (standard input, a socket); `name` names it in
/// errors.
pub fn from_reader<R: Read + Send + 'static>(
    reader: R,
    name: &str,
    max_size: Option<u64>,
) -> io::Result<Box<dyn BufRead + Send>> {
    from_reader_inner(reader, name, max_size, false)
}

fn from_reader_inner<R: Read + Send + 'static>(
    mut reader: R,
    name: &str,
    max_size: Option<u64>,
    named_gz: bool,
) -> io::Result<Box<dyn BufRead + Send>> {
    // a pipe may deliver one byte per read, so the magic is read into a prefix that is then
    // chained back in front of the stream
    let mut prefix = Vec::with_capacity(2);
    while prefix.len() < 2 {
        let mut b = [0u8; 2];
        let n = match reader.read(&mut b[..2 - prefix.len()]) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(named(name, e)),
        };
        if n == 0 {
            break;
        }
        prefix.extend_from_slice(&b[..n]);
    }
    let gzip = prefix == GZIP_MAGIC;
    if named_gz && !gzip {
        return Err(named(
            name,
            io::Error::new(
                io::ErrorKind::InvalidData,
                "named .gz but not gzip data (no gzip magic bytes)",
            ),
        ));
    }
    let raw = BufReader::with_capacity(BUFFER, Cursor::new(prefix).chain(reader));
    let stream: Box<dyn Read + Send> = if gzip {
        Box::new(MultiGzDecoder::new(raw))
    } else {
        Box::new(raw)
    };
    let limited = Guarded {
        inner: stream,
        name: name.to_string(),
        read: 0,
        limit: max_size,
    };
    Ok(Box::new(BufReader::with_capacity(BUFFER, limited)))
}

fn named(name: &str, source: io::Error) -> io::Error {
    io::Error::new(
        source.kind(),
        NamedError {
            name: name.to_string(),
            source,
        },
    )
}

/// Counts what goes through, stops at the limit and names the input in every error.
struct Guarded {
    inner: Box<dyn Read + Send>,
    name: String,
    read: u64,
    limit: Option<u64>,
}

impl Read for Guarded {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(limit) = self.limit {
            if self.read >= limit {
                // one byte more than allowed means the input is over the limit; exactly at
                // the limit is fine
                let mut probe = [0u8; 1];
                let n = self
                    .inner
                    .read(&mut probe)
                    .map_err(|e| named(&self.name, e))?;
                if n == 0 {
                    return Ok(0);
                }
                return Err(named(
                    &self.name,
                    io::Error::new(io::ErrorKind::InvalidData, SizeLimitExceeded { limit }),
                ));
            }
            let room = (limit - self.read).min(buf.len() as u64) as usize;
            let n = self
                .inner
                .read(&mut buf[..room])
                .map_err(|e| named(&self.name, e))?;
            self.read += n as u64;
            return Ok(n);
        }
        let n = self.inner.read(buf).map_err(|e| named(&self.name, e))?;
        self.read += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn read_all(r: &mut dyn BufRead) -> io::Result<Vec<u8>> {
        let mut v = Vec::new();
        r.read_to_end(&mut v)?;
        Ok(v)
    }

    #[test]
    fn plain_and_gzip_streams_read_the_same() {
        let data = b"{\"text\":\"a\"}\n".repeat(1000);
        let mut plain = from_reader(Cursor::new(data.clone()), "p", None).unwrap();
        let mut packed = from_reader(Cursor::new(gz(&data)), "g", None).unwrap();
        assert_eq!(read_all(&mut plain).unwrap(), data);
        assert_eq!(read_all(&mut packed).unwrap(), data);
    }

    #[test]
    fn every_gzip_member_is_read() {
        let mut both = gz(b"first\n");
        both.extend(gz(b"second\n"));
        let mut r = from_reader(Cursor::new(both), "m", None).unwrap();
        assert_eq!(read_all(&mut r).unwrap(), b"first\nsecond\n");
    }

    #[test]
    fn limit_is_an_error_naming_the_input() {
        let mut r =
            from_reader(Cursor::new(gz(&vec![b'a'; 10_000])), "bomb.gz", Some(4096)).unwrap();
        let err = read_all(&mut r).unwrap_err();
        assert_eq!(size_limit_exceeded(&err), Some(4096));
        let msg = err.to_string();
        assert!(
            msg.starts_with("bomb.gz: ") && msg.contains("4096"),
            "{msg}"
        );
    }

    #[test]
    fn input_exactly_at_the_limit_is_fine() {
        let mut r = from_reader(Cursor::new(vec![b'a'; 4096]), "x", Some(4096)).unwrap();
        assert_eq!(read_all(&mut r).unwrap().len(), 4096);
    }

    #[test]
    fn tiny_and_empty_inputs_are_not_gzip() {
        assert_eq!(
            read_all(&mut from_reader(Cursor::new(Vec::new()), "e", None).unwrap()).unwrap(),
            b""
        );
        assert_eq!(
            read_all(&mut from_reader(Cursor::new(vec![0x1f]), "o", None).unwrap()).unwrap(),
            vec![0x1f]
        );
    }

    #[test]
    fn corrupt_gzip_names_the_input() {
        let mut bad = gz(b"some text that is long enough to matter\n");
        let n = bad.len();
        bad[n / 2] ^= 0xff;
        bad.truncate(n - 4);
        let mut r = from_reader(Cursor::new(bad), "broken.gz", None).unwrap();
        let err = read_all(&mut r).unwrap_err();
        assert!(err.to_string().starts_with("broken.gz: "), "{err}");
    }
}
