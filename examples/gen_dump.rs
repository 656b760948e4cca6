//! Builds large dumps to measure readers and batch learning on: a JSON Lines file of text
//! articles or a WARC archive of HTML pages, from a handful of fake sites that each repeat
//! their own boilerplate.
//!
//! ```text
//! cargo run --release --example gen_dump -- OUT SIZE_MB jsonl|warc [SEED]
//! ```
//!
//! `OUT` ending in `.gz` is gzip-compressed (a WARC one member per record, as Common Crawl
//! does). `SIZE_MB` counts uncompressed bytes. The output is a function of the seed and of
//! the files in `corpus/` only: the same arguments give the same bytes.
//!
//! Article paragraphs are recombined from the sentences of `corpus/articles` and
//! `corpus/fixtures` (plus a built-in set, so that it works on an empty corpus), several
//! sentences per paragraph, so that paragraphs rarely repeat across documents while the
//! sites' boilerplate lines repeat in most of them.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Small deterministic generator (xorshift64*), so the dumps need no `rand` crate.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Warc,
}

/// One fake site and the boilerplate it puts around every article.
pub struct Site {
    pub host: String,
    /// Lines above the article, each with the share of documents that have it.
    pub header: Vec<(String, f64)>,
    /// Lines below the article.
    pub footer: Vec<(String, f64)>,
}

/// One synthetic article.
pub struct Article {
    pub id: u64,
    pub site: usize,
    pub url: String,
    pub title: String,
    /// Article paragraphs only (no boilerplate).
    pub paragraphs: Vec<String>,
    /// Boilerplate lines before and after the paragraphs.
    pub header: Vec<String>,
    pub footer: Vec<String>,
}

impl Article {
    /// The scraped text: boilerplate and paragraphs, one paragraph per line, blank lines
    /// between.
    pub fn text(&self) -> String {
        let parts: Vec<&str> = self
            .header
            .iter()
            .chain(&self.paragraphs)
            .chain(&self.footer)
            .map(String::as_str)
            .collect();
        let mut t = parts.join("\n\n");
        t.push('\n');
        t
    }
}

const NAMES: &[&str] = &[
    "Harbour Ledger",
    "Valley Courier",
    "Northern Dispatch",
    "Riverside Gazette",
    "Summit Times",
    "Coastline Post",
];

/// Sentences of the generator's own, used together with the corpus.
const BUILT_IN: &[&str] = &[
    "The city council voted on Tuesday to extend the night bus service to the eastern suburbs.",
    "Officials said the new timetable would take effect at the start of next month.",
    "Residents had campaigned for the change for more than three years.",
    "The regional weather office warned of strong gusts along the coast overnight.",
    "Fishing boats were advised to stay in port until the warning is lifted.",
    "A spokesperson for the harbour authority said ferries would run a reduced schedule.",
    "The museum reopened its western wing after a renovation that lasted eighteen months.",
    "Curators said the restored ceiling paintings had been cleaned by hand.",
    "Ticket sales in the first weekend exceeded the museum's own forecast.",
    "Researchers at the university published a study on soil bacteria in dry farmland.",
    "The team found that certain strains helped wheat roots hold more water.",
    "Farmers in the trial reported slightly higher yields in the second season.",
    "The home side scored twice in the final ten minutes to win the derby.",
    "Their coach praised the substitutes who changed the shape of the game.",
    "The visiting captain said his players had simply run out of energy.",
    "Construction of the new library is running about two months behind schedule.",
    "The contractor blamed a shortage of steel beams earlier in the year.",
    "Council members asked for a revised budget before the next meeting.",
    "A local bakery won a national award for its sourdough loaf.",
    "The owners said they would use the prize money to train two apprentices.",
    "Queues formed outside the shop the morning after the announcement.",
    "The rail operator apologised for delays caused by a signal fault near the junction.",
    "Engineers worked through the night to replace the damaged cable.",
    "Passengers were offered refunds for journeys delayed by more than an hour.",
    "The hospital opened a new ward for children with breathing problems.",
    "Nurses said the extra beds would shorten waiting times in winter.",
    "The health board said it had recruited twelve additional staff.",
    "An exhibition of student photography opened at the town hall on Friday.",
    "The images document daily life in the old market district.",
    "Organisers hope to take the exhibition to two other towns next spring.",
    "Water levels in the reservoir have fallen to their lowest point in a decade.",
    "The utility asked households to avoid watering gardens during the day.",
    "Hydrologists expect levels to recover if autumn rainfall is normal.",
    "The school board approved a plan to replace ageing heating systems.",
    "Parents welcomed the decision after several cold winters in the classrooms.",
    "Work is due to begin during the summer holidays.",
    "A small technology firm announced it would move its headquarters to the old mill.",
    "The company expects to hire about forty people over the next two years.",
    "The mayor called the move a vote of confidence in the town centre.",
    "Volunteers planted more than two thousand trees along the river path.",
];

/// Boilerplate templates: every site takes its own subset, with its name in it.
const TEMPLATES: &[(&str, bool, f64)] = &[
    (
        "Sign up for the {} morning briefing and get our top stories in your inbox.",
        false,
        0.9,
    ),
    ("© 2025 {}. All rights reserved.", false, 0.97),
    (
        "Follow {} on social media for the latest local updates.",
        false,
        0.8,
    ),
    (
        "{} is funded by readers like you: become a supporter today.",
        false,
        0.6,
    ),
    (
        "You are reading the {} website, your source for regional news.",
        true,
        0.85,
    ),
    (
        "Got a story tip? Contact the {} newsroom by email.",
        false,
        0.5,
    ),
    (
        "Photographs by the {} picture desk unless stated otherwise.",
        true,
        0.4,
    ),
];

pub fn sites(n: usize) -> Vec<Site> {
    (0..n)
        .map(|i| {
            let name = NAMES[i % NAMES.len()];
            let host = format!(
                "{}{}.example",
                name.to_lowercase().replace(' ', "-"),
                if i < NAMES.len() {
                    String::new()
                } else {
                    i.to_string()
                }
            );
            let mut header = Vec::new();
            let mut footer = Vec::new();
            for (k, (t, top, share)) in TEMPLATES.iter().enumerate() {
                // each site uses most templates, not all, so sites differ in shape too
                if (k + i) % 4 == 3 {
                    continue;
                }
                let line = (t.replace("{}", name), *share);
                if *top {
                    header.push(line);
                } else {
                    footer.push(line);
                }
            }
            Site {
                host,
                header,
                footer,
            }
        })
        .collect()
}

/// Sentences of the corpus articles and fixtures under `root`, plus the built-in ones.
pub fn sentence_pool(root: &Path) -> Vec<String> {
    let mut pool: Vec<String> = BUILT_IN.iter().map(|s| s.to_string()).collect();
    let mut files = Vec::new();
    for dir in ["corpus/articles", "corpus/fixtures"] {
        if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
            for e in entries.flatten() {
                let p = e.path();
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if name.ends_with(".txt") && !name.ends_with(".expected.txt") {
                    files.push(p);
                }
            }
        }
    }
    // directory order differs between file systems; the output must not
    files.sort();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let doc = decruft::Document::parse(&text);
        for p in doc.body_paragraphs() {
            let para = doc.paragraph_text(p);
            for r in decruft::document::sentences(para) {
                let s = para[r].trim();
                // long enough to be prose, not a widget label or a heading
                if s.split_whitespace().count() >= 8
                    && s.ends_with(['.', '!', '?', '"', '\u{201d}'])
                    && !s.contains('\n')
                {
                    pool.push(s.to_string());
                }
            }
        }
    }
    pool
}

/// Draws articles.
pub struct Generator {
    rng: Rng,
    pool: Vec<String>,
    pub sites: Vec<Site>,
    next_id: u64,
}

impl Generator {
    pub fn new(seed: u64, pool: Vec<String>, n_sites: usize) -> Self {
        Generator {
            rng: Rng::new(seed),
            pool,
            sites: sites(n_sites),
            next_id: 0,
        }
    }

    pub fn article(&mut self) -> Article {
        let id = self.next_id;
        self.next_id += 1;
        let site = self.rng.below(self.sites.len());
        let title_src = &self.pool[self.rng.below(self.pool.len())];
        let title: String = title_src
            .trim_end_matches(['.', '!', '?'])
            .split_whitespace()
            .take(10)
            .collect::<Vec<_>>()
            .join(" ");
        let n_par = 3 + self.rng.below(6);
        let paragraphs = (0..n_par)
            .map(|_| {
                let n = 2 + self.rng.below(3);
                (0..n)
                    .map(|_| self.pool[self.rng.below(self.pool.len())].as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let s = &self.sites[site];
        let mut header = Vec::new();
        for (l, p) in &s.header {
            if self.rng.chance(*p) {
                header.push(l.clone());
            }
        }
        let mut footer = Vec::new();
        for (l, p) in &s.footer {
            if self.rng.chance(*p) {
                footer.push(l.replace("2025", &(2019 + self.rng.below(7)).to_string()));
            }
        }
        let section = ["news", "local", "sport", "culture"][self.rng.below(4)];
        let url = format!("https://www.{}/{section}/{id}-story", s.host);
        Article {
            id,
            site,
            url,
            title,
            paragraphs,
            header,
            footer,
        }
    }
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn html_page(a: &Article) -> String {
    let mut h = String::with_capacity(4096);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>");
    h.push_str(&html_escape(&a.title));
    h.push_str("</title></head>\n<body><header>");
    for l in &a.header {
        h.push_str(&format!("<p>{}</p>", html_escape(l)));
    }
    h.push_str("</header>\n<article><h1>");
    h.push_str(&html_escape(&a.title));
    h.push_str("</h1>\n");
    for p in &a.paragraphs {
        h.push_str(&format!("<p>{}</p>\n", html_escape(p)));
    }
    h.push_str("</article><footer>");
    for l in &a.footer {
        h.push_str(&format!("<p>{}</p>", html_escape(l)));
    }
    h.push_str("</footer></body></html>\n");
    h
}

fn warc_record(kind: &str, url: &str, id: u64, n: u32, content: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2025-03-0{}T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{id:08x}{n:04x}>\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        1 + id % 9,
        content.len()
    )
    .into_bytes();
    r.extend_from_slice(content);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// The WARC records of one article: a request, then a response; some responses are a 404
/// or an image instead, as in a real crawl.
pub fn warc_records(a: &Article) -> Vec<Vec<u8>> {
    let host = a.url.split('/').nth(2).unwrap_or("");
    let path = a.url.splitn(4, '/').nth(3).unwrap_or("");
    let request =
        format!("GET /{path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: example-crawler\r\n\r\n");
    let mut out = vec![warc_record("request", &a.url, a.id, 0, request.as_bytes())];
    let response = if a.id % 23 == 22 {
        b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html><body>Not found</body></html>".to_vec()
    } else if a.id % 29 == 28 {
        let mut r = b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n".to_vec();
        r.extend((0..2000u32).map(|i| (i * 7 % 251) as u8));
        r
    } else {
        let page = html_page(a);
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{page}", page.len()).into_bytes()
    };
    out.push(warc_record("response", &a.url, a.id, 1, &response));
    out
}

pub fn jsonl_line(a: &Article) -> String {
    let rec = serde_json::json!({
        "id": a.id,
        "url": a.url,
        "title": a.title,
        "text": a.text(),
        "lang": "en",
        "crawl": { "fetched": format!("2025-03-0{}T12:00:00Z", 1 + a.id % 9), "depth": a.id % 4 },
    });
    let mut s = rec.to_string();
    s.push('\n');
    s
}

/// Writes at least `bytes` uncompressed bytes of whole records to `out`, gzip-compressing
/// when `gzip` (one member per WARC record). Returns the number of articles.
pub fn generate(
    out: &mut dyn Write,
    bytes: u64,
    format: Format,
    gzip: bool,
    gen: &mut Generator,
) -> io::Result<u64> {
    if gzip && format == Format::Jsonl {
        let mut gz = flate2::write::GzEncoder::new(out, flate2::Compression::fast());
        let n = write_records(&mut gz, bytes, format, false, gen)?;
        gz.finish()?;
        return Ok(n);
    }
    write_records(out, bytes, format, gzip, gen)
}

fn write_records(
    out: &mut dyn Write,
    bytes: u64,
    format: Format,
    gzip_members: bool,
    gen: &mut Generator,
) -> io::Result<u64> {
    let mut written = 0u64;
    let mut articles = 0u64;
    while written < bytes {
        let a = gen.article();
        articles += 1;
        match format {
            Format::Jsonl => {
                let line = jsonl_line(&a);
                written += line.len() as u64;
                out.write_all(line.as_bytes())?;
            }
            Format::Warc => {
                for r in warc_records(&a) {
                    written += r.len() as u64;
                    if gzip_members {
                        let mut gz =
                            flate2::write::GzEncoder::new(&mut *out, flate2::Compression::fast());
                        gz.write_all(&r)?;
                        gz.finish()?;
                    } else {
                        out.write_all(&r)?;
                    }
                }
            }
        }
    }
    Ok(articles)
}

#[allow(dead_code)]
fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_dump OUT SIZE_MB jsonl|warc [SEED]";
    let [out, size, format, rest @ ..] = args.as_slice() else {
        return Err(usage.into());
    };
    let size: f64 = size
        .parse()
        .map_err(|_| format!("SIZE_MB `{size}` is not a number\n{usage}"))?;
    let format = match format.as_str() {
        "jsonl" => Format::Jsonl,
        "warc" => Format::Warc,
        f => return Err(format!("unknown format `{f}`\n{usage}")),
    };
    let seed = match rest.first() {
        Some(s) => s
            .parse()
            .map_err(|_| format!("SEED `{s}` is not a number"))?,
        None => 1,
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut gen = Generator::new(seed, sentence_pool(root), 5);
    let file = File::create(out).map_err(|e| format!("{out}: {e}"))?;
    let mut w = BufWriter::with_capacity(1 << 20, file);
    let n = generate(
        &mut w,
        (size * 1e6) as u64,
        format,
        out.ends_with(".gz"),
        &mut gen,
    )
    .map_err(|e| format!("{out}: {e}"))?;
    w.flush().map_err(|e| format!("{out}: {e}"))?;
    eprintln!("{out}: {n} articles");
    Ok(())
}
