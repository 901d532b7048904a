//! The extractor's hot paths, measured by criterion (`cargo bench`): the
//! text split into sentences, tokens and mentions, one article's full
//! extraction, the summaries linking keeps of it, and its quads. Each runs
//! on a sample article as `delegraph build` reads it. Whole-process figures
//! (MB/s on a corpus, load, memory) come from `scripts/bench.sh`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use delegraph::document::Document;
use delegraph::extract::extract;
use delegraph::lexicon::lexicon;
use delegraph::link::{Links, Scan};
use delegraph::{mapping, mention, text};
use std::collections::HashMap;
use std::hint::black_box;

const ARTICLES: [(&str, &str); 2] = [
    (
        "istanbul",
        include_str!("../data/sample/01_istanbul_first_round.txt"),
    ),
    (
        "call",
        include_str!("../data/sample/02_lavrov_rubio_call.txt"),
    ),
];

fn hot_paths(c: &mut Criterion) {
    let lex = lexicon();
    let none = HashMap::new();
    let mut group = c.benchmark_group("extractor");
    for (name, article) in ARTICLES {
        let doc = Document::from_text(&format!("{name}.txt"), article);
        group.throughput(Throughput::Bytes(article.len() as u64));
        group.bench_with_input(BenchmarkId::new("sentences", name), &doc, |b, doc| {
            b.iter(|| text::sentences(&text::clean(black_box(&doc.text)), lex))
        });
        let sentences = text::sentences(&text::clean(&doc.text), lex);
        group.bench_with_input(BenchmarkId::new("mentions", name), &sentences, |b, s| {
            b.iter(|| {
                for sentence in s {
                    black_box(mention::analyse(&text::tokens(&sentence.text, lex), lex));
                }
            })
        });
        group.bench_with_input(BenchmarkId::new("extract", name), &doc, |b, doc| {
            b.iter(|| extract(black_box(doc), doc.stated_date(), false, &none, lex))
        });
        let extracted = extract(&doc, doc.stated_date(), false, &none, lex);
        group.bench_with_input(BenchmarkId::new("summaries", name), &extracted, |b, e| {
            b.iter(|| (Scan::of_article(black_box(e)), Links::of_article(e)))
        });
        group.bench_with_input(BenchmarkId::new("quads", name), &extracted, |b, e| {
            b.iter(|| mapping::article_quads(black_box(&e.facts)))
        });
    }
    group.finish();
}

criterion_group!(benches, hot_paths);
criterion_main!(benches);
