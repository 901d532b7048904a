//! `delegraph build`: extract facts from articles and replace each article's
//! graph in the store, streaming (see [`crate::pipeline`] and
//! [`crate::loader`]), then print a summary on standard error.

use crate::cli::BuildArgs;
use crate::error::{Error, Result};
use crate::lifecycle;
use crate::loader::{ArticleWriter, WriteReport};
use crate::mapping;
use crate::pipeline::{self, Corpus};
use crate::progress::Progress;
use crate::store::GraphStore;
use oxigraph::model::{NamedNode, Quad};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

/// Counts for the summary.
#[derive(Debug, Default)]
struct Summary {
    articles: usize,
    sentences: usize,
    facts: BTreeMap<&'static str, usize>,
    /// Quads of every article's graph, written or replaced by a later one.
    triples: usize,
    /// Seconds of passes 1 and 2 (learning what articles give each other).
    learn: f64,
}

/// One article made ready for the store, in parallel.
struct Prepared {
    sentences: usize,
    facts: Vec<&'static str>,
    graph: NamedNode,
    quads: Vec<Quad>,
}

/// Runs `delegraph build`.
pub fn run(args: &BuildArgs) -> Result<()> {
    let started = Instant::now();
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    if args.prune && paths.iter().any(|p| p.as_os_str() == "-") {
        return Err(Error::Usage {
            message: "--prune needs the articles' files or folders, not standard input: \
                      it would remove every other article from the store"
                .into(),
        });
    }
    // Open first: a locked store fails before the slow part.
    let store = GraphStore::open(&args.store.store)?;
    let corpus = Corpus::open(&paths)?;
    let progress = Progress::new(args.quiet, corpus.len(), corpus.bytes());
    let (knowledge, warnings) = pipeline::learn(&corpus, &progress)?;
    let mut summary = Summary {
        learn: started.elapsed().as_secs_f64(),
        ..Summary::default()
    };
    let replaced = super::replaced(&corpus);
    let mut writer = ArticleWriter::new(&store)?;
    pipeline::write(
        &corpus,
        &knowledge,
        &progress,
        |_, e| Prepared {
            sentences: e.facts.article.sentences,
            facts: e.facts.facts.iter().map(|f| f.fact.type_name()).collect(),
            graph: mapping::article_iri(&e.facts.article.id),
            quads: mapping::article_quads(&e.facts),
        },
        |i, article| {
            summary.articles += 1;
            summary.sentences += article.sentences;
            for kind in article.facts {
                *summary.facts.entry(kind).or_default() += 1;
            }
            summary.triples += article.quads.len();
            if replaced.contains(&i) {
                return Ok(());
            }
            writer.write(article.graph, article.quads)
        },
    )?;
    progress.step(if writer.is_bulk() {
        "committing, compacting"
    } else {
        "committing"
    });
    let written = writer.finish()?;
    let pruned = if args.prune {
        progress.step("pruning");
        let input: Vec<String> = (0..corpus.len())
            .filter_map(|i| corpus.article_id(i))
            .collect();
        lifecycle::prune(&store, &input)?
    } else {
        Vec::new()
    };
    progress.finish();
    for warning in &warnings {
        eprintln!("warning: {warning}");
    }
    for graph in &pruned {
        eprintln!("pruned {graph}: its article is no longer in the input");
    }
    eprint!(
        "{}",
        report(
            &summary,
            &written,
            &store,
            corpus.bytes(),
            started.elapsed().as_secs_f64()
        )
    );
    Ok(())
}

fn report(
    summary: &Summary,
    written: &WriteReport,
    store: &GraphStore,
    bytes: u64,
    seconds: f64,
) -> String {
    let facts: usize = summary.facts.values().sum();
    let mut text = format!(
        "built {} article(s), {} sentence(s), {} fact(s) in {seconds:.2} s\n",
        summary.articles, summary.sentences, facts
    );
    for (kind, n) in &summary.facts {
        text.push_str(&format!("  {kind:<18} {n:>6}\n"));
    }
    text.push_str(&format!(
        "  {:<18} {:>6}\n",
        "triples written", summary.triples
    ));
    match written.total {
        Some(total) => text.push_str(&format!(
            "  {:<18} {:>6}  ({})\n",
            "quads in store",
            total,
            store.path().display()
        )),
        // counting every quad of a large store would take longer than
        // adding an article to it
        None => text.push_str(&format!(
            "  {:<18} {:>6}  (-{} +{}, {})\n",
            "quads changed",
            written.added as i64 - written.removed as i64,
            written.removed,
            written.added,
            store.path().display()
        )),
    }
    let extracting = seconds - written.seconds;
    let how = if written.bulk {
        "bulk load"
    } else {
        "transactions"
    };
    text.push_str(&format!(
        "  {:<18} {:>6.2} s  ({:.2} MB/s; passes 1-2 {:.2} s)\n  {:<18} {:>6.2} s  ({:.0} triples/s, {how}; compacting {:.2} s)\n",
        "extracting",
        extracting,
        bytes as f64 / 1e6 / extracting.max(1e-9),
        summary.learn,
        "writing store",
        written.seconds,
        written.written as f64 / written.seconds.max(1e-9),
        written.compact_seconds,
    ));
    text
}
