//! Turns page bytes into text: rejects files that are not HTML at all and picks the character
//! set from the byte-order mark, the `<meta>` declarations, or the bytes themselves.
//!
//! Declarations on scraped pages are often wrong (a page re-encoded as UTF-8 by the scraper
//! keeps its `charset=windows-1252`), so a declaration is checked against the bytes instead of
//! trusted blindly.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// Names the kind of binary file the bytes are, if they are clearly not a text document.
pub(crate) fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"PK\x03\x04", "a zip archive"),
        (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
        (b"\x00asm", "a WebAssembly module"),
        (b"\x7fELF", "an executable"),
    ];
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = &bytes[start..];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| head.starts_with(m)) {
        return Some(what);
    }
    if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    if Encoding::for_bom(bytes).is_some() {
        return None;
    }
    // Text never contains NUL or many C0 controls; binary data is full of them.
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)))
        .count();
    if !sample.is_empty() && controls * 20 > sample.len() {
        return Some("binary data");
    }
    None
}

/// Finds the character set declared in the first bytes of the page (`<meta charset>` or an
/// `http-equiv` content type), as the raw label.
fn declared_label(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let tag_start = from + pos;
        let tag_end = lower[tag_start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(c) = find(tag, b"charset") {
            let mut rest = &tag[c + 7..];
            rest = trim_start(rest);
            if let Some(r) = rest.strip_prefix(b"=") {
                let r = trim_start(r);
                let r = r
                    .strip_prefix(b"\"")
                    .or_else(|| r.strip_prefix(b"'"))
                    .unwrap_or(r);
                let end = r
                    .iter()
                    .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(r.len());
                let label = String::from_utf8_lossy(&r[..end]).trim().to_string();
                if !label.is_empty() {
                    return Some(label);
                }
            }
        }
        from = tag_end;
    }
    None
}

fn trim_start(mut s: &[u8]) -> &[u8] {
    while let [b, rest @ ..] = s {
        if b.is_ascii_whitespace() {
            s = rest;
        } else {
            break;
        }
    }
    s
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes the page, returning the text and warnings about the character set. Valid UTF-8
/// is borrowed, so a page is validated once and copied by nothing here.
pub(crate) fn decode(bytes: &[u8]) -> (Cow<'_, str>, Vec<String>) {
    let mut warnings = Vec::new();
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            warnings.push(format!(
                "invalid {} byte sequences replaced with U+FFFD",
                enc.name()
            ));
        }
        return (text, warnings);
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    let declared = declared_label(bytes);
    let enc = match &declared {
        Some(label) => match Encoding::for_label(label.as_bytes()) {
            // A page read as bytes cannot be UTF-16 when it has ASCII markup; browsers read
            // such a declaration as UTF-8 too.
            Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => UTF_8,
            Some(e) => e,
            None => {
                warnings.push(format!(
                    "unknown character set `{label}` declared; read as UTF-8"
                ));
                UTF_8
            }
        },
        None => UTF_8,
    };
    if let Some(text) = utf8 {
        if enc == UTF_8 {
            return (Cow::Borrowed(text), warnings);
        }
        if !text.is_ascii() {
            // Multibyte UTF-8 sequences almost never happen by chance in legacy encodings, so
            // valid UTF-8 with non-ASCII text means the declaration is stale.
            warnings.push(format!(
                "declared character set {} but the bytes are valid UTF-8; read as UTF-8",
                enc.name()
            ));
            return (Cow::Borrowed(text), warnings);
        }
    } else if enc == UTF_8 {
        warnings
            .push("the page is not valid UTF-8; invalid bytes replaced with U+FFFD".to_string());
        return (String::from_utf8_lossy(bytes), warnings);
    }
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push(format!(
            "invalid {} byte sequences replaced with U+FFFD",
            enc.name()
        ));
    }
    (text, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_is_found() {
        assert_eq!(
            declared_label(b"<html><head><META Charset=\"Shift_JIS\">").as_deref(),
            Some("shift_jis")
        );
        assert_eq!(
            declared_label(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
            )
            .as_deref(),
            Some("windows-1251")
        );
        assert_eq!(declared_label(b"<meta name=x content=y>"), None);
    }

    #[test]
    fn legacy_charset_is_decoded() {
        let mut page = b"<meta charset=windows-1251><p>".to_vec();
        page.extend_from_slice(&[0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет"
        let (text, warnings) = decode(&page);
        assert!(text.ends_with("Привет"), "{text}");
        assert!(warnings.is_empty());
    }

    #[test]
    fn stale_declaration_loses_to_valid_utf8() {
        let page = "<meta charset=iso-8859-1><p>Grüße aus Köln</p>".as_bytes();
        let (text, warnings) = decode(page);
        assert!(text.contains("Grüße aus Köln"));
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn binary_is_named() {
        assert_eq!(sniff_binary(b"%PDF-1.7\n..."), Some("a PDF document"));
        assert_eq!(sniff_binary(b"\x89PNG\r\n\x1a\nabc"), Some("a PNG image"));
        assert_eq!(sniff_binary(&[0u8; 100]), Some("binary data"));
        assert_eq!(sniff_binary(b"<html><body>hi</body></html>"), None);
    }
}
