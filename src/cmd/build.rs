//! `delegraph build`: extract facts from articles and replace each article's
//! graph in the store, then print a summary on standard error.

use crate::cli::BuildArgs;
use crate::error::Result;
use crate::pipeline::{self, Extraction};
use crate::store::GraphStore;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

/// Counts for the summary.
#[derive(Debug, Default)]
struct Summary {
    articles: usize,
    sentences: usize,
    facts: BTreeMap<&'static str, usize>,
    written: usize,
    total: usize,
}

/// Runs `delegraph build`.
pub fn run(args: &BuildArgs) -> Result<()> {
    let started = Instant::now();
    // Open first: a locked store fails before the slow part.
    let store = GraphStore::open(&args.store.store)?;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    let extraction = pipeline::extract_paths(&paths)?;
    let mut summary = count(&extraction);
    summary.written = store.replace_articles(&extraction.articles)?;
    summary.total = store.len()?;
    for warning in &extraction.warnings {
        eprintln!("warning: {warning}");
    }
    eprint!(
        "{}",
        report(&summary, &store, started.elapsed().as_secs_f64())
    );
    Ok(())
}

fn count(extraction: &Extraction) -> Summary {
    let mut summary = Summary {
        articles: extraction.articles.len(),
        ..Summary::default()
    };
    for article in &extraction.articles {
        summary.sentences += article.article.sentences;
        for found in &article.facts {
            *summary.facts.entry(found.fact.type_name()).or_default() += 1;
        }
    }
    summary
}

fn report(summary: &Summary, store: &GraphStore, seconds: f64) -> String {
    let facts: usize = summary.facts.values().sum();
    let mut text = format!(
        "built {} article(s), {} sentence(s), {} fact(s) in {seconds:.2} s\n",
        summary.articles, summary.sentences, facts
    );
    for (kind, n) in &summary.facts {
        text.push_str(&format!("  {kind:<18} {n:>6}\n"));
    }
    text.push_str(&format!(
        "  {:<18} {:>6}\n  {:<18} {:>6}  ({})\n",
        "triples written",
        summary.written,
        "quads in store",
        summary.total,
        store.path().display()
    ));
    text
}
