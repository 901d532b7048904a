//! Writing many articles' graphs into the store, a graph at a time, with
//! flat memory. A store that holds no article yet takes them through
//! Oxigraph's bulk loader (sorted files written beside the store, added in
//! one step at the end); a store that holds articles takes one transaction
//! per batch of articles, each replacing the articles' graphs, so adding one
//! article to a large store costs one small transaction.
//!
//! The labels graph follows: with the bulk loader, each article's own
//! resources get their labels as the article goes in and shared ones at the
//! end ([`Labeller`]); with transactions, the labels of the resources the
//! batch touched are counted again from the store after it.

use crate::error::{Error, Result};
use crate::labels::{article_label, LabelTally, Labeller};
use crate::store::{storage_error, GraphStore};
use crate::vocab::{skos, LABELS_GRAPH, ONTOLOGY_GRAPH};
use oxigraph::model::vocab::rdfs;
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, NamedOrBlankNodeRef, Quad, Term};
use oxigraph::store::{BulkLoader, StorageError};
use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

/// Quads the bulk loader sorts in memory at once before writing them to
/// files beside the store. Each call of the loader ends its batches, so
/// articles are gathered into batches this large first.
const BULK_BATCH: usize = 500_000;

/// Quads per transaction when the store already holds articles.
const BATCH_QUADS: usize = 50_000;

/// Writes article graphs into a [`GraphStore`]; [`ArticleWriter::finish`]
/// makes them visible (bulk) and brings the labels graph up to date.
pub struct ArticleWriter<'a> {
    store: &'a GraphStore,
    target: Target<'a>,
    written: usize,
    /// Quads taken out of the store, and put in (article and label graphs).
    removed: usize,
    added: usize,
    busy: Duration,
}

enum Target<'a> {
    /// A store with no article: everything through the bulk loader.
    Bulk {
        loader: BulkLoader<'a>,
        /// Quads waiting for a full batch.
        pending: Vec<Quad>,
        labeller: Labeller,
        /// Quads in the store before (the ontology).
        before: usize,
    },
    /// A store with articles: transactions of up to [`BATCH_QUADS`].
    Batches {
        batch: Vec<(NamedNode, Vec<Quad>)>,
        quads: usize,
        /// Graphs in the batch, so one article twice makes two batches.
        graphs: HashSet<NamedNode>,
        /// Resources whose label the batch may change.
        touched: HashSet<NamedOrBlankNode>,
        /// Whether the labels graph is to be computed again in full at the
        /// end (it is empty though articles are there).
        full_labels: bool,
    },
}

/// What a finished writer did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WriteReport {
    /// Quads written to article graphs.
    pub written: usize,
    /// Quads in the whole store now, when known without counting them all
    /// (after a bulk load into a store with no article).
    pub total: Option<usize>,
    /// Quads taken out (replaced graphs, changed labels).
    pub removed: usize,
    /// Quads put in (article graphs, labels).
    pub added: usize,
    /// Whether the bulk loader was used.
    pub bulk: bool,
    /// Time spent writing to the store (including the labels graph and the
    /// compaction).
    pub seconds: f64,
    /// Of which compacting the store after a bulk load.
    pub compact_seconds: f64,
}

impl<'a> ArticleWriter<'a> {
    /// A writer for `store`: the bulk loader when it holds no article graph.
    pub fn new(store: &'a GraphStore) -> Result<Self> {
        let started = Instant::now();
        let fail = |e: StorageError| storage_error(store.path(), &e);
        let oxigraph = store.oxigraph();
        let mut has_articles = false;
        for graph in oxigraph.named_graphs() {
            if let NamedOrBlankNode::NamedNode(g) = graph.map_err(fail)? {
                if g.as_ref() != ONTOLOGY_GRAPH && g.as_ref() != LABELS_GRAPH {
                    has_articles = true;
                    break;
                }
            }
        }
        let labels = GraphNameRef::NamedNode(LABELS_GRAPH);
        let has_labels = oxigraph
            .quads_for_pattern(None, None, None, Some(labels))
            .next()
            .transpose()
            .map_err(fail)?
            .is_some();
        let target = if has_articles {
            Target::Batches {
                batch: Vec::new(),
                quads: 0,
                graphs: HashSet::new(),
                touched: HashSet::new(),
                full_labels: !has_labels,
            }
        } else {
            if has_labels {
                // left by articles since removed: it is rebuilt from scratch
                let mut transaction = oxigraph.start_transaction().map_err(fail)?;
                transaction.clear_graph(labels).map_err(fail)?;
                transaction.commit().map_err(fail)?;
            }
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
            Target::Bulk {
                // its memory is given per thread, in thousands of quads
                loader: oxigraph
                    .bulk_loader()
                    .with_num_threads(threads)
                    .with_max_memory_size_in_megabytes(BULK_BATCH * threads / 1000),
                pending: Vec::with_capacity(BULK_BATCH),
                labeller: Labeller::default(),
                before: store.len()?,
            }
        };
        Ok(ArticleWriter {
            store,
            target,
            written: 0,
            removed: 0,
            added: 0,
            busy: started.elapsed(),
        })
    }

    /// Whether this writer uses the bulk loader.
    pub fn is_bulk(&self) -> bool {
        matches!(self.target, Target::Bulk { .. })
    }

    /// Writes the graph `graph` of one article as `quads` (all in that
    /// graph), replacing what the store held in it.
    pub fn write(&mut self, graph: NamedNode, quads: Vec<Quad>) -> Result<()> {
        let started = Instant::now();
        if let Target::Batches { graphs, .. } = &self.target {
            if graphs.contains(&graph) {
                self.flush()?;
            }
        }
        self.written += quads.len();
        self.added += quads.len();
        let store = self.store;
        let fail = |e: StorageError| storage_error(store.path(), &e);
        match &mut self.target {
            Target::Bulk {
                loader,
                pending,
                labeller,
                ..
            } => {
                let labels = labeller.article(&quads);
                self.added += labels.len();
                pending.extend(quads);
                pending.extend(labels);
                if pending.len() >= BULK_BATCH {
                    let batch = std::mem::replace(pending, Vec::with_capacity(BULK_BATCH));
                    loader.load_quads(batch).map_err(fail)?;
                }
            }
            Target::Batches {
                batch,
                quads: count,
                graphs,
                touched,
                ..
            } => {
                // labels the article stated before and states now
                let mut labels: HashMap<NamedOrBlankNode, (Vec<String>, Vec<String>)> =
                    HashMap::new();
                for old in store.oxigraph().quads_for_pattern(
                    None,
                    None,
                    None,
                    Some(GraphNameRef::NamedNode(graph.as_ref())),
                ) {
                    let old = old.map_err(fail)?;
                    self.removed += 1;
                    if let Some(label) = article_label(old.as_ref()) {
                        let label = label.to_owned();
                        labels.entry(old.subject).or_default().0.push(label);
                    }
                }
                for quad in &quads {
                    if let Some(label) = article_label(quad.as_ref()) {
                        let entry = labels.entry(quad.subject.clone()).or_default();
                        entry.1.push(label.to_owned());
                    }
                }
                for (subject, (before, after)) in labels {
                    if may_change_label(store, &subject, before, after)? {
                        touched.insert(subject);
                    }
                }
                *count += quads.len();
                graphs.insert(graph.clone());
                batch.push((graph, quads));
                if *count >= BATCH_QUADS {
                    self.flush()?;
                }
            }
        }
        self.busy += started.elapsed();
        Ok(())
    }

    /// Commits the batch in one transaction, then the labels it touched.
    fn flush(&mut self) -> Result<()> {
        let store = self.store;
        let fail = |e: StorageError| storage_error(store.path(), &e);
        let Target::Batches {
            batch,
            quads,
            graphs,
            touched,
            full_labels,
        } = &mut self.target
        else {
            return Ok(());
        };
        if !batch.is_empty() {
            let mut transaction = store.oxigraph().start_transaction().map_err(fail)?;
            for (graph, graph_quads) in batch.drain(..) {
                transaction
                    .clear_graph(GraphNameRef::NamedNode(graph.as_ref()))
                    .map_err(fail)?;
                transaction.insert_named_graph(graph.as_ref());
                transaction.extend(&graph_quads);
            }
            transaction.commit().map_err(fail)?;
        }
        *quads = 0;
        graphs.clear();
        let touched = std::mem::take(touched);
        if !*full_labels {
            let (removed, added) = relabel(store, &touched)?;
            self.removed += removed;
            self.added += added;
        }
        Ok(())
    }

    /// Commits what is left and brings the labels graph up to date.
    pub fn finish(mut self) -> Result<WriteReport> {
        let started = Instant::now();
        self.flush()?;
        let store = self.store;
        let fail = |e: StorageError| storage_error(store.path(), &e);
        let mut compact = 0.0;
        let (bulk, total) = match self.target {
            Target::Bulk {
                mut loader,
                mut pending,
                labeller,
                before,
            } => {
                let labels = labeller.finish();
                self.added += labels.len();
                pending.extend(labels);
                loader.load_quads(pending).map_err(fail)?;
                loader.commit().map_err(fail)?;
                // The loader's sorted files all land in RocksDB's first
                // level, overlapping each other. Left there, the first
                // write stalls until RocksDB has merged them (33 s after a
                // 100 MB corpus) and every query reads them all; merged
                // now, the cost is the build's, once.
                let compacting = Instant::now();
                store.oxigraph().optimize().map_err(|e| Error::Store {
                    path: store.path().to_owned(),
                    message: format!(
                        "the articles are in the store, but compacting it failed ({e}); \
                         the next write will wait until RocksDB has compacted it"
                    ),
                })?;
                compact = compacting.elapsed().as_secs_f64();
                (true, Some(before + self.added))
            }
            Target::Batches { full_labels, .. } => {
                if full_labels {
                    // the labels graph was empty: every label is new
                    self.added += store.refresh_labels()?;
                }
                (false, None)
            }
        };
        self.busy += started.elapsed();
        Ok(WriteReport {
            written: self.written,
            total,
            removed: self.removed,
            added: self.added,
            bulk,
            seconds: self.busy.as_secs_f64(),
            compact_seconds: compact,
        })
    }
}

/// Whether an article stating the labels `after` of `subject` instead of
/// `before` can change its preferred label: not when it only adds the
/// preferred label or only takes away others (the preferred one keeps the
/// most graphs). Then rebuilding an article, or adding one that spells
/// names as most do, counts nothing again.
fn may_change_label(
    store: &GraphStore,
    subject: &NamedOrBlankNode,
    mut before: Vec<String>,
    mut after: Vec<String>,
) -> Result<bool> {
    before.sort();
    after.sort();
    if before == after {
        return Ok(false);
    }
    let fail = |e: StorageError| storage_error(store.path(), &e);
    let preferred = match store
        .oxigraph()
        .quads_for_pattern(
            Some(subject.as_ref()),
            Some(skos::PREF_LABEL),
            None,
            Some(GraphNameRef::NamedNode(LABELS_GRAPH)),
        )
        .next()
        .transpose()
        .map_err(fail)?
    {
        Some(Quad {
            object: Term::Literal(label),
            ..
        }) => label.value().to_owned(),
        _ => return Ok(true),
    };
    let adds_another = after.iter().any(|l| !before.contains(l) && *l != preferred);
    let takes_preferred = before.iter().any(|l| !after.contains(l) && *l == preferred);
    Ok(adds_another || takes_preferred)
}

/// Counts the labels of `subjects` again over every article graph and
/// replaces their preferred labels, in one transaction. Returns the
/// number of label quads taken out and put in.
fn relabel(store: &GraphStore, subjects: &HashSet<NamedOrBlankNode>) -> Result<(usize, usize)> {
    if subjects.is_empty() {
        return Ok((0, 0));
    }
    let fail = |e: StorageError| storage_error(store.path(), &e);
    let oxigraph = store.oxigraph();
    let mut tally = LabelTally::default();
    let mut stale = Vec::new();
    for subject in subjects {
        let node: NamedOrBlankNodeRef<'_> = subject.as_ref();
        for quad in oxigraph.quads_for_pattern(Some(node), Some(rdfs::LABEL), None, None) {
            tally.add_quad(quad.map_err(fail)?.as_ref());
        }
        for quad in oxigraph.quads_for_pattern(
            Some(node),
            Some(skos::PREF_LABEL),
            None,
            Some(GraphNameRef::NamedNode(LABELS_GRAPH)),
        ) {
            stale.push(quad.map_err(fail)?);
        }
    }
    let best = tally.best();
    let mut transaction = oxigraph.start_transaction().map_err(fail)?;
    for quad in &stale {
        transaction.remove(quad);
    }
    transaction.extend(&best);
    transaction.commit().map_err(fail)?;
    Ok((stale.len(), best.len()))
}
