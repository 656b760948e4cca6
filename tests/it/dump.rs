//! Dump readers: JSON Lines, WARC, gzip detection and the size limit, and the dump generator.

use std::io::{Cursor, Write};
use std::path::Path;

use decruft::input::compress;
use decruft::input::jsonl::{FieldNames, JsonlReader, JsonlRecord, JsonlWriter, RecordErrorKind};
use decruft::input::warc::{WarcReader, WarcStats};
use decruft::{Config, Engine};
use flate2::write::GzEncoder;
use flate2::Compression;

#[path = "../../examples/gen_dump.rs"]
#[allow(dead_code)]
mod gen_dump;

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// An engine that removes lines holding "Share this" (a user rule, the built-in rules off),
/// so that writing can be checked with one known removal.
fn engine() -> Engine {
    let config = Config::parse(
        "disable = [\"J\", \"S\"]\n[[rule]]\ncode = \"U001\"\nname = \"share-line\"\nphrase = \"Share this\"\naction = \"drop-line\"\n",
        Path::new("decruft.toml"),
    )
    .unwrap();
    Engine::new(&config).unwrap()
}

fn clean_lines(input: &str, names: FieldNames) -> String {
    let engine = engine();
    let mut w = JsonlWriter::new(Vec::new(), names.clone());
    for r in JsonlReader::new(Cursor::new(input.as_bytes().to_vec()), names) {
        let rec = r.unwrap();
        let cleaned = engine.clean(&rec.article().unwrap());
        w.write(&rec, &cleaned).unwrap();
    }
    String::from_utf8(w.into_inner()).unwrap()
}

#[test]
fn jsonl_fields_pass_through_in_order_and_byte_for_byte() {
    let input = concat!(
        r#"{"id": 7, "meta": {"text": "inner", "list": [1, "]", {"a": null}]}, "text": "Market Day\n\nStalls opened early.\nShare this\n", "big": 12345678901234567890, "price": 1.50, "esc": "caf\u00e9 \"q\"", "lang": "en"}"#,
        "\n"
    );
    let out = clean_lines(input, FieldNames::default());
    assert_eq!(
        out,
        concat!(
            r#"{"id":7,"meta":{"text": "inner", "list": [1, "]", {"a": null}]},"text":"Market Day\n\nStalls opened early.\n","big":12345678901234567890,"price":1.50,"esc":"caf\u00e9 \"q\"","lang":"en","title":"Market Day","decruft":{"flagged":0,"removed":1,"rules":{"U001":1}}}"#,
            "\n"
        )
    );
    // the output is valid JSON Lines that reads back
    let back: Vec<JsonlRecord> =
        JsonlReader::new(Cursor::new(out.into_bytes()), FieldNames::default())
            .map(Result::unwrap)
            .collect();
    assert_eq!(
        back[0].text.as_deref(),
        Some("Market Day\n\nStalls opened early.\n")
    );
    let keys: Vec<String> = back[0].fields().map(|(k, _)| k.into_owned()).collect();
    assert_eq!(
        keys,
        ["id", "meta", "text", "big", "price", "esc", "lang", "title", "decruft"]
    );
}

#[test]
fn jsonl_lone_surrogate_escapes_pass_through_but_are_refused_where_decoded() {
    // serde_json skips a lone surrogate escape in a value it does not decode, as most
    // JSON readers accept it; decruft keeps such a field byte for byte, and refuses the
    // record only when the escape is in a field it has to decode
    let first_line =
        r#"{"text":"Harbour Notes\n\nBoats came in late.\n","raw":"\ud800 x","n":["\udfff"]}"#;
    let input = format!(
        "{first_line}\n{}\n",
        r#"{"text":"Harbour Notes\n\nBoats \ud800 came.\n"}"#
    );
    let mut records = JsonlReader::new(Cursor::new(input.into_bytes()), FieldNames::default());
    let first = records.next().unwrap().unwrap();
    assert_eq!(
        first.text.as_deref(),
        Some("Harbour Notes\n\nBoats came in late.\n")
    );
    let err = records.next().unwrap().unwrap_err();
    assert_eq!(err.line, 2);
    assert!(
        err.to_string().contains("invalid JSON: field `text`"),
        "{err}"
    );
    assert!(records.next().is_none());
    let out = clean_lines(&format!("{first_line}\n"), FieldNames::default());
    assert!(out.contains(r#""raw":"\ud800 x","n":["\udfff"]"#), "{out}");
}

#[test]
fn jsonl_custom_field_names_and_a_separate_title() {
    let names = FieldNames {
        text: "body".into(),
        html: "page".into(),
        title: "headline".into(),
        id: "doc".into(),
        url: "link".into(),
    };
    let input = concat!(
        r#"{"doc": "a-1", "headline": "Harbour Reopens", "link": "https://news.example/a-1", "body": "Boats returned on Monday.\nShare this\n", "text": "not the text field"}"#,
        "\n",
        r#"{"doc": 2, "decruft": {"old": true}, "body": "Ferries run again.\n", "n": 1}"#,
        "\n"
    );
    let recs: Vec<JsonlRecord> =
        JsonlReader::new(Cursor::new(input.as_bytes().to_vec()), names.clone())
            .map(Result::unwrap)
            .collect();
    assert_eq!(recs[0].id.as_deref(), Some("a-1"));
    assert_eq!(recs[0].url.as_deref(), Some("https://news.example/a-1"));
    assert_eq!(recs[0].title.as_deref(), Some("Harbour Reopens"));
    assert_eq!(
        recs[0].article().unwrap(),
        "Harbour Reopens\n\nBoats returned on Monday.\nShare this\n"
    );
    assert_eq!(recs[1].id.as_deref(), Some("2"));

    let out = clean_lines(input, names);
    let lines: Vec<&str> = out.lines().collect();
    // with a title field the text gets the clean body; the title stays where it was
    assert_eq!(
        lines[0],
        r#"{"doc":"a-1","headline":"Harbour Reopens","link":"https://news.example/a-1","body":"Boats returned on Monday.","text":"not the text field","decruft":{"flagged":0,"removed":1,"rules":{"U001":1}}}"#
    );
    // without one, the title is added; an old report is replaced in place
    assert_eq!(
        lines[1],
        r#"{"doc":2,"decruft":{"flagged":0,"removed":0,"rules":{}},"body":"Ferries run again.\n","n":1,"headline":"Ferries run again."}"#
    );
}

#[test]
fn jsonl_bad_lines_are_reported_with_their_numbers_and_skipped() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"text\": \"first\"}\n");
    input.extend_from_slice(b"{\"text\": \"unterminated}\n");
    input.extend_from_slice(b"[\"an\", \"array\"]\n");
    input.extend_from_slice(b"{\"text\": 42}\n");
    input.extend_from_slice(b"   \n");
    input.extend_from_slice(b"{\"text\": \"caf\xe9\"}\n");
    input.extend_from_slice(b"{\"title\": \"no text\"}\r\n");
    input.extend_from_slice(b"{\"text\": \"last\"}");
    let results: Vec<_> = JsonlReader::new(Cursor::new(input), FieldNames::default()).collect();
    let summary: Vec<String> = results
        .iter()
        .map(|r| match r {
            Ok(rec) => format!("ok {} {}", rec.line, rec.text.as_deref().unwrap()),
            Err(e) => e.to_string(),
        })
        .collect();
    assert_eq!(summary.len(), 7, "{summary:#?}");
    assert_eq!(summary[0], "ok 1 first");
    assert!(
        summary[1].starts_with("line 2: invalid JSON: "),
        "{}",
        summary[1]
    );
    assert_eq!(summary[2], "line 3: not a JSON object");
    assert_eq!(summary[3], "line 4: field `text` is not a string");
    assert_eq!(summary[4], "line 6: not valid UTF-8");
    assert_eq!(summary[5], "line 7: no `text` or `html` field");
    assert_eq!(summary[6], "ok 8 last");
}

#[test]
fn jsonl_overlong_lines_are_skipped_without_being_kept() {
    let long = format!("{{\"text\": \"{}\"}}\n", "a".repeat(5000));
    let input = format!("{long}{{\"text\": \"after\"}}\n");
    let results: Vec<_> = JsonlReader::new(Cursor::new(input.into_bytes()), FieldNames::default())
        .with_max_line(1000)
        .collect();
    assert!(
        matches!(&results[0], Err(e) if e.line == 1 && matches!(e.kind, RecordErrorKind::TooLong { limit: 1000 }))
    );
    assert_eq!(results[1].as_ref().unwrap().text.as_deref(), Some("after"));
}

#[test]
fn gzip_is_recognised_by_magic_bytes_without_a_gz_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("part-0001");
    std::fs::write(&path, gz(b"{\"text\": \"one\"}\n{\"text\": \"two\"}\n")).unwrap();
    let texts: Vec<String> =
        JsonlReader::new(compress::open(&path, None).unwrap(), FieldNames::default())
            .map(|r| r.unwrap().text.unwrap())
            .collect();
    assert_eq!(texts, ["one", "two"]);

    let fake = dir.path().join("dump.jsonl.gz");
    std::fs::write(&fake, b"{\"text\": \"plain\"}\n").unwrap();
    let err = compress::open(&fake, None).err().unwrap().to_string();
    assert!(
        err.contains("dump.jsonl.gz") && err.contains("not gzip"),
        "{err}"
    );

    let missing = dir.path().join("nope.jsonl");
    let err = compress::open(&missing, None).err().unwrap().to_string();
    assert!(err.contains("nope.jsonl"), "{err}");
}

#[test]
fn a_small_gzip_that_expands_past_the_limit_is_an_error_not_an_allocation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.jsonl.gz");
    // 8 MB of one endless line compresses to a few kilobytes
    let mut data = b"{\"text\": \"".to_vec();
    data.resize(8 << 20, b'a');
    let packed = gz(&data);
    assert!(packed.len() < 64 * 1024);
    std::fs::write(&path, packed).unwrap();
    let input = compress::open(&path, Some(1 << 20)).unwrap();
    let results: Vec<_> = JsonlReader::new(input, FieldNames::default()).collect();
    assert_eq!(results.len(), 1);
    let err = results.into_iter().next().unwrap().unwrap_err();
    let RecordErrorKind::Io(io) = &err.kind else {
        panic!("{err}")
    };
    assert_eq!(compress::size_limit_exceeded(io), Some(1 << 20));
    let msg = err.to_string();
    assert!(
        msg.contains("bomb.jsonl.gz") && msg.contains("1048576"),
        "{msg}"
    );
}

/// Builds a WARC record.
fn record(kind: &str, uri: &str, content: &[u8], length: Option<usize>) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        length.unwrap_or(content.len())
    )
    .into_bytes();
    r.extend_from_slice(content);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn response(status: &str, ctype: &str, body: &[u8]) -> Vec<u8> {
    let mut r =
        format!("HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nServer: test\r\n\r\n").into_bytes();
    r.extend_from_slice(body);
    r
}

/// A hand-built archive and the offsets of its records.
fn archive() -> (Vec<Vec<u8>>, Vec<u64>) {
    let page = |t: &str| {
        format!("<html><head><title>{t}</title></head><body><p>{t} body.</p></body></html>")
    };
    let liar = response("200 OK", "text/html", page("Liar").as_bytes());
    let records = vec![
        record("warcinfo", "", b"software: test\r\n", None),
        record(
            "request",
            "https://a.example/1",
            b"GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n",
            None,
        ),
        record(
            "response",
            "https://a.example/1",
            &response(
                "200 OK",
                "text/html; charset=utf-8",
                page("First").as_bytes(),
            ),
            None,
        ),
        record(
            "response",
            "https://a.example/missing",
            &response("404 Not Found", "text/html", b"<html>gone</html>"),
            None,
        ),
        record(
            "response",
            "https://a.example/logo.png",
            &response("200 OK", "image/png", b"\x89PNG\r\n\x1a\n...."),
            None,
        ),
        record(
            "response",
            "https://b.example/latin",
            &response(
                "200 OK",
                "text/html; charset=windows-1252",
                b"<html><body>caf\xe9</body></html>",
            ),
            None,
        ),
        // claims 60 bytes more than it has: swallows the start of the next record
        record(
            "response",
            "https://b.example/liar",
            &liar,
            Some(liar.len() + 60),
        ),
        record(
            "response",
            "https://b.example/after",
            &response("200 OK", "text/html", page("After").as_bytes()),
            None,
        ),
        // runs past the end of the input
        record(
            "response",
            "https://b.example/cut",
            &response("200 OK", "text/html", page("Cut").as_bytes()),
            Some(10_000),
        ),
    ];
    let mut offsets = Vec::new();
    let mut at = 0u64;
    for r in &records {
        offsets.push(at);
        at += r.len() as u64;
    }
    (records, offsets)
}

fn read_archive(input: Box<dyn std::io::BufRead + Send>, offsets: &[u64]) {
    let mut reader = WarcReader::new(input);
    let results: Vec<_> = reader.by_ref().collect();
    let summary: Vec<String> = results
        .iter()
        .map(|r| match r {
            Ok(p) => format!(
                "page {} {} {} {}",
                p.number,
                p.url,
                p.encoding,
                p.html.contains("body")
            ),
            Err(e) => e.to_string(),
        })
        .collect();
    assert_eq!(summary.len(), 5, "{summary:#?}");
    assert_eq!(summary[0], "page 3 https://a.example/1 UTF-8 true");
    assert_eq!(
        summary[1],
        "page 6 https://b.example/latin windows-1252 true"
    );
    assert!(
        summary[2].starts_with(&format!(
            "record 7 (offset {}): no record separator",
            offsets[6]
        )),
        "{}",
        summary[2]
    );
    assert_eq!(summary[3], "page 8 https://b.example/after UTF-8 true");
    assert!(
        summary[4].starts_with(&format!(
            "record 9 (offset {}): Content-Length 10000 runs past the end",
            offsets[8]
        )),
        "{}",
        summary[4]
    );
    let first = results[0].as_ref().unwrap();
    assert_eq!(first.offset, offsets[2]);
    assert_eq!(first.record_id.as_deref(), Some("<urn:uuid:response-19>"));
    assert!(results[1].as_ref().unwrap().html.contains("café"));
    assert_eq!(results[3].as_ref().unwrap().offset, offsets[7]);
    assert_eq!(
        reader.stats(),
        WarcStats {
            records: 9,
            pages: 3,
            not_response: 2,
            not_ok: 1,
            not_html: 1,
            undecodable: 0,
            too_large: 0,
            broken: 2
        }
    );
}

#[test]
fn warc_responses_are_read_and_the_rest_counted_or_reported() {
    let (records, offsets) = archive();
    read_archive(
        compress::from_reader(Cursor::new(records.concat()), "a.warc", None).unwrap(),
        &offsets,
    );
}

#[test]
fn warc_gz_with_one_member_per_record_reads_the_same() {
    let (records, offsets) = archive();
    let packed: Vec<u8> = records.iter().flat_map(|r| gz(r)).collect();
    read_archive(
        compress::from_reader(Cursor::new(packed), "a.warc.gz", None).unwrap(),
        &offsets,
    );
}

#[test]
fn warc_garbage_between_records_is_reported_once_and_skipped() {
    let mut data = record(
        "response",
        "https://a.example/1",
        &response("200 OK", "text/html", b"<html>one</html>"),
        None,
    );
    data.extend_from_slice(b"this is not a record\r\nnor is this\r\n");
    data.extend(record(
        "response",
        "https://a.example/2",
        &response("200 OK", "text/html", b"<html>two</html>"),
        None,
    ));
    let results: Vec<_> = WarcReader::new(Cursor::new(data)).collect();
    assert_eq!(results.len(), 3);
    assert!(results[1]
        .as_ref()
        .unwrap_err()
        .to_string()
        .contains("expected a `WARC/1.x` version line"));
    assert_eq!(results[2].as_ref().unwrap().url, "https://a.example/2");
}

#[test]
fn generated_dumps_are_deterministic_and_read_back_whole() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let make = |format, gzip, seed| {
        let mut g = gen_dump::Generator::new(seed, gen_dump::sentence_pool(root), 4);
        let mut out = Vec::new();
        let n = gen_dump::generate(&mut out, 300_000, format, gzip, &mut g).unwrap();
        (out, n)
    };
    let (jsonl, n) = make(gen_dump::Format::Jsonl, false, 7);
    assert_eq!(make(gen_dump::Format::Jsonl, false, 7).0, jsonl);
    assert_ne!(make(gen_dump::Format::Jsonl, false, 8).0, jsonl);
    assert!(jsonl.len() >= 300_000 && n > 50);
    let recs: Vec<JsonlRecord> = JsonlReader::new(Cursor::new(jsonl), FieldNames::default())
        .map(Result::unwrap)
        .collect();
    assert_eq!(recs.len() as u64, n);
    assert!(recs
        .iter()
        .all(|r| r.title.is_some() && r.url.is_some() && r.id.is_some()));

    let (warc_gz, n) = make(gen_dump::Format::Warc, true, 7);
    let mut reader =
        WarcReader::new(compress::from_reader(Cursor::new(warc_gz), "gen.warc.gz", None).unwrap());
    let pages: Vec<_> = reader.by_ref().map(Result::unwrap).collect();
    let s = reader.stats();
    assert_eq!(s.records, 2 * n);
    assert_eq!(s.not_response, n);
    assert!(s.not_ok > 0 && s.not_html > 0);
    assert_eq!(s.pages + s.not_ok + s.not_html, n);
    assert_eq!(pages.len() as u64, s.pages);
    assert!(pages.iter().all(|p| p.html.starts_with("<!DOCTYPE html>")));
}
