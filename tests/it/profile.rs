//! Site profiles and rule J020 on a batch of documents from a few fake sites, each with its
//! own boilerplate.

use std::path::Path;

use decruft::profile::{site_of_url, Profile, Thresholds};
use decruft::{Action, Config, Engine};

const SITES: [(&str, &str); 3] = [
    ("harbour.example", "Harbour Online"),
    ("valley.example", "Valley Courier"),
    ("summit.example", "Summit Daily"),
];
const DOCS_PER_SITE: usize = 60;

/// One synthetic document: its site, its text and the text expected after J020.
struct Doc {
    site: &'static str,
    text: String,
    expected: String,
}

struct Rng(u64);

impl Rng {
    fn chance(&mut self, percent: u64) -> bool {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % 100 < percent
    }
}

/// A paragraph no other document has: the words are picked by the paragraph's number.
fn unique_paragraph(i: usize) -> String {
    const ADJ: [&str; 7] = [
        "new", "old", "small", "busy", "quiet", "northern", "coastal",
    ];
    const NOUN: [&str; 11] = [
        "bakery", "school", "bridge", "ferry", "library", "market", "clinic", "orchard", "stadium",
        "museum", "depot",
    ];
    const PLACE: [&str; 13] = [
        "Ashford", "Brockley", "Carden", "Dunmore", "Elmstead", "Farley", "Glenholm", "Hatton",
        "Irvine", "Jarrow", "Kelso", "Lanark", "Morley",
    ];
    const VERB: [&str; 3] = ["reopened", "expanded", "closed"];
    format!(
        "The {} {} in {} {} this week, and residents said the change was overdue.",
        ADJ[i % 7],
        NOUN[(i / 7) % 11],
        PLACE[(i / 77) % 13],
        VERB[(i / 1001) % 3]
    )
}

fn batch() -> Vec<Doc> {
    let mut rng = Rng(0x5eed_1234_abcd);
    let mut docs = Vec::new();
    let mut par = 0;
    for n in 0..DOCS_PER_SITE {
        for (s, (site, name)) in SITES.iter().enumerate() {
            let mut text = Vec::new();
            let mut expected = Vec::new();
            let title = format!(
                "{name} report number {} on {}",
                n + 1,
                unique_paragraph(par + 5000)
                    .split_whitespace()
                    .nth(2)
                    .unwrap()
            );
            text.push(title.clone());
            expected.push(title);
            if rng.chance(90) {
                text.push(format!(
                    "You are reading {name}, the paper of record for the region."
                ));
            }
            for _ in 0..3 + n % 3 {
                let p = unique_paragraph(par);
                par += 1;
                text.push(p.clone());
                expected.push(p);
            }
            if s == 0 && rng.chance(40) {
                // a quotation the site repeats: kept, it is the article's own content
                let q = "\u{201c}We have waited a long time for this day to come,\u{201d} the mayor said.".to_string();
                text.push(q.clone());
                expected.push(q);
            }
            if rng.chance(50) {
                // short and frequent: kept
                text.push("Photo: Staff".into());
                expected.push("Photo: Staff".into());
            }
            text.push(format!(
                "Sign up for the {name} newsletter to get our headlines every morning."
            ));
            text.push(format!(
                "\u{a9} {} {name}. All rights reserved.",
                2015 + n % 10
            ));
            let render = |v: Vec<String>| v.join("\n\n") + "\n";
            docs.push(Doc {
                site,
                text: render(text),
                expected: render(expected),
            });
        }
    }
    docs
}

fn learn(docs: &[&Doc]) -> Profile {
    Profile::learn(docs.iter().map(|d| (d.site, d.text.as_str())))
}

/// An engine configured by `toml` in which, of the built-in rules, only J020 can run: the
/// generated sites' boilerplate (newsletter lines, footers) is also what single-document
/// rules catch, and these tests are about what the profile alone removes.
fn engine(toml: &str) -> Engine {
    let mut config = Config::parse(toml, Path::new("decruft.toml")).unwrap();
    let j020_off = config.disable.iter().any(|c| c == "J020");
    config.disable.extend(["J0".to_string(), "S".to_string()]);
    if !j020_off {
        config.enable.push("J020".to_string());
    }
    Engine::new(&config).unwrap()
}

#[test]
fn learning_counts_documents_per_site_and_line() {
    let docs = batch();
    let p = learn(&docs.iter().collect::<Vec<_>>());
    let harbour = p.site("harbour.example").unwrap().profile;
    assert_eq!(harbour.documents, DOCS_PER_SITE as u64);
    // the footer's year changes; it is the same line
    assert_eq!(
        harbour.count("\u{a9} 1999 Harbour Online. All rights reserved."),
        DOCS_PER_SITE as u32
    );
    assert_eq!(
        harbour
            .count("Sign up for the Harbour Online newsletter to get our headlines every morning."),
        DOCS_PER_SITE as u32
    );
    assert_eq!(harbour.count(&unique_paragraph(0)), 1);
    // another site's footer is not harbour's
    assert_eq!(
        harbour.count("\u{a9} 2020 Valley Courier. All rights reserved."),
        0
    );
    assert_eq!(
        p.sites().map(|(s, _)| s).collect::<Vec<_>>(),
        ["harbour.example", "summit.example", "valley.example"]
    );
}

#[test]
fn merging_shards_in_any_order_equals_one_pass() {
    let docs = batch();
    let all = learn(&docs.iter().collect::<Vec<_>>());
    let shard = |k: usize| {
        learn(
            &docs
                .iter()
                .enumerate()
                .filter(|(i, _)| i % 3 == k)
                .map(|(_, d)| d)
                .collect::<Vec<_>>(),
        )
    };
    let (a, b, c) = (shard(0), shard(1), shard(2));

    let mut left = a.clone();
    left.merge(&b);
    left.merge(&c);
    let mut bc = b.clone();
    bc.merge(&c);
    let mut right = a.clone();
    right.merge(&bc);
    let mut reversed = c.clone();
    reversed.merge(&b);
    reversed.merge(&a);

    assert_eq!(left, all);
    assert_eq!(right, all);
    assert_eq!(reversed, all);
    assert_eq!(reversed.to_json(), all.to_json());
    // merging an empty profile changes nothing
    let mut e = all.clone();
    e.merge(&Profile::new());
    assert_eq!(e, all);
}

#[test]
fn pruning_keeps_only_boilerplate_and_the_saved_form_round_trips() {
    let docs = batch();
    let mut p = learn(&docs.iter().collect::<Vec<_>>());
    p.prune(&Thresholds::default());
    for (site, sp) in p.sites() {
        // header, newsletter, footer, "Photo: Staff", and harbour's quotation
        let expected = if site == "harbour.example" { 5 } else { 4 };
        assert_eq!(sp.len(), expected, "{site}");
        assert_eq!(sp.documents, DOCS_PER_SITE as u64);
    }
    assert_eq!(
        p.site("harbour.example")
            .unwrap()
            .profile
            .count(&unique_paragraph(0)),
        0
    );

    let json = p.to_json();
    assert_eq!(Profile::from_json(&json).unwrap(), p);
    assert!(json.starts_with("{\n  \"format\": \"decruft-profile\",\n  \"version\": 1,\n  \"sites\": {\n    \"harbour.example\": {"), "{json}");
    // hashes are listed in order, so the same batch always saves the same file
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let hashes: Vec<&String> = v["sites"]["valley.example"]["lines"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert!(hashes.windows(2).all(|w| w[0] < w[1]));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profile.json");
    p.save(&path).unwrap();
    assert_eq!(Profile::load(&path).unwrap(), p);
    std::fs::write(
        &path,
        "{\"format\": \"other\", \"version\": 1, \"sites\": {}}",
    )
    .unwrap();
    let err = Profile::load(&path).unwrap_err().to_string();
    assert!(
        err.contains("profile.json") && err.contains("`other`"),
        "{err}"
    );
}

#[test]
fn site_boilerplate_is_removed_and_the_articles_kept() {
    let docs = batch();
    let mut p = learn(&docs.iter().collect::<Vec<_>>());
    p.prune(&Thresholds::default());
    let e = engine("");
    let mut removed = 0;
    for d in &docs {
        let c = e.clean_site(&d.text, p.site(d.site));
        assert_eq!(c.text, d.expected, "site {}", d.site);
        assert!(c
            .findings
            .iter()
            .all(|f| f.code == "J020" && f.action == Action::DropLine));
        removed += c.findings.len();
    }
    assert!(removed > 2 * docs.len());
    let c = e.clean_site(&docs[0].text, p.site(docs[0].site));
    assert_eq!(
        c.findings.last().unwrap().message,
        "this line is in 60 of the 60 documents from harbour.example"
    );
}

#[test]
fn lines_of_other_sites_and_single_documents_stay() {
    let docs = batch();
    let p = learn(&docs.iter().collect::<Vec<_>>());
    // the loosest thresholds still need two documents
    let loose = engine("[settings.site-boilerplate]\nmin-documents = 1\nmin-share = 0.0\n");
    let text = format!(
        "A Harbour Story\n\n{}\n\nSign up for the Valley Courier newsletter to get our headlines every morning.\n",
        unique_paragraph(0)
    );
    let site = site_of_url("https://www.Harbour.example/news/1").unwrap();
    let c = loose.clean_site(&text, p.site(&site));
    assert!(c.findings.is_empty(), "{:#?}", c.findings);
    assert_eq!(c.text, text);
    // an unknown site has no profile
    assert!(p.site("elsewhere.example").is_none());
}

#[test]
fn j020_can_be_disabled_and_long_lines_are_only_flagged() {
    let docs = batch();
    let p = learn(&docs.iter().collect::<Vec<_>>());
    let d = &docs[0];
    let off = engine("disable = [\"J020\"]\n");
    let c = off.clean_site(&d.text, p.site(d.site));
    assert!(c.findings.is_empty());
    assert_eq!(c.text, d.text);
    // without a profile the rule has no evidence
    assert!(engine("").clean(&d.text).findings.is_empty());

    let strict = engine("[settings.site-boilerplate]\nmax-words = 8\n");
    let c = strict.clean_site(&d.text, p.site(d.site));
    let footer = c
        .findings
        .iter()
        .find(|f| d.text[f.range.clone()].starts_with('\u{a9}'))
        .unwrap();
    assert_eq!(footer.action, Action::DropLine, "6 words: removed");
    let newsletter = c
        .findings
        .iter()
        .find(|f| d.text[f.range.clone()].starts_with("Sign up"))
        .unwrap();
    assert_eq!(newsletter.action, Action::Flag, "12 words: flagged");
    assert!(c.text.contains("Sign up for the Harbour Online newsletter"));
}
