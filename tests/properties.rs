//! Property tests (issue 6): whatever bytes an article holds, reading and
//! extracting it gives facts or a clear error, never a panic; and the facts
//! always point at text that is in the article.

use delegraph::document::Document;
use delegraph::mapping::article_quads;
use delegraph::pipeline::extract_documents;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use proptest::prelude::*;
use std::path::PathBuf;

/// Words that make the extractor's rules fire, mixed with punctuation and
/// odd characters, so random text reaches deep into the rules.
fn article_like() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "talks",
        "Talks",
        "met",
        "summit",
        "call",
        "delegation",
        "led",
        "by",
        "headed",
        "Russian",
        "Ukrainian",
        "U.S.",
        "Foreign",
        "Minister",
        "President",
        "Sergey",
        "Lavrov",
        "Rustem",
        "Umerov",
        "in",
        "Istanbul",
        "on",
        "Friday",
        "May",
        "16,",
        "2025",
        "agreed",
        "to",
        "exchange",
        "1,000",
        "prisoners",
        "ceasefire",
        "the",
        "his",
        "counterpart",
        ",",
        ".",
        ";",
        "—",
        "\n",
        "\n\n",
        "'s",
        "\"",
        "(",
        ")",
        "al-",
        "bin",
        "ISTANBUL",
        "who",
        "heads",
        "accompanied",
        "and",
        "four",
        "days",
        "of",
        "last",
        "week's",
        "Kremlin",
        "aide",
        "signed",
        "agreement",
        "under",
        "deal",
        "\u{202e}",
        "\u{0}",
        "é",
        "İ",
        "ß",
    ]);
    prop::collection::vec(words, 0..120).prop_map(|w| w.join(" "))
}

fn read(bytes: Vec<u8>) -> Option<Document> {
    Document::from_bytes("p.txt".into(), PathBuf::from("p.txt"), bytes).ok()
}

/// 200 cases in `cargo test`; `scripts/fuzz.sh` raises it with
/// PROPTEST_CASES for a longer hunt.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    ProptestConfig::with_cases(cases)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_bytes_read_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..4000)) {
        if let Some(doc) = read(bytes) {
            let all = extract_documents(&[doc]);
            prop_assert_eq!(all.len(), 1);
        }
    }

    #[test]
    fn article_like_text_gives_facts_with_true_evidence(text in article_like()) {
        if let Some(doc) = read(text.clone().into_bytes()) {
            for e in extract_documents(std::slice::from_ref(&doc)) {
                for f in &e.facts.facts {
                    let ev = &f.evidence;
                    prop_assert!(ev.end <= doc.text.len(), "{ev:?}");
                    prop_assert!(doc.text.is_char_boundary(ev.start));
                    prop_assert!(doc.text.is_char_boundary(ev.end));
                }
            }
        }
    }

    #[test]
    fn article_like_text_maps_to_quads_that_parse_back(text in article_like()) {
        if let Some(doc) = read(text.into_bytes()) {
            for e in extract_documents(&[doc]) {
                let quads = article_quads(&e.facts);
                let mut serializer =
                    RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
                for quad in &quads {
                    serializer.serialize_quad(quad).expect("written to memory");
                }
                let written = serializer.finish().expect("written to memory");
                let parsed = RdfParser::from_format(RdfFormat::NQuads)
                    .for_slice(&written)
                    .collect::<Result<Vec<_>, _>>();
                prop_assert!(parsed.is_ok(), "{parsed:?}\n{}", String::from_utf8_lossy(&written));
                prop_assert_eq!(parsed.map(|p| p.len()).unwrap_or(0), quads.len());
            }
        }
    }

    #[test]
    fn several_articles_in_any_order_never_panic(a in article_like(), b in article_like()) {
        let docs: Vec<Document> = [a, b]
            .into_iter()
            .enumerate()
            .filter_map(|(i, t)| {
                Document::from_bytes(format!("{i}.txt"), PathBuf::from(format!("{i}.txt")), t.into_bytes()).ok()
            })
            .collect();
        let forward = extract_documents(&docs).len();
        let mut reversed = docs.clone();
        reversed.reverse();
        prop_assert_eq!(forward, extract_documents(&reversed).len());
    }
}
