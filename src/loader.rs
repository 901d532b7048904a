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

use crate::error::Result;
use crate::labels::{article_label, LabelTally, Labeller};
use crate::store::{storage_error, GraphStore};
use crate::vocab::{skos, LABELS_GRAPH, ONTOLOGY_GRAPH};
use oxigraph::model::vocab::rdfs;
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, NamedOrBlankNodeRef, Quad};
use oxigraph::store::{BulkLoader, StorageError};
use std::collections::HashSet;
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
    busy: Duration,
}

enum Target<'a> {
    /// A store with no article: everything through the bulk loader.
    Bulk {
        loader: BulkLoader<'a>,
        /// Quads waiting for a full batch.
        pending: Vec<Quad>,
        labeller: Labeller,
        /// Quads in the store before, plus those loaded so far.
        total: usize,
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
    /// Quads in the whole store now.
    pub total: usize,
    /// Whether the bulk loader was used.
    pub bulk: bool,
    /// Time spent writing to the store (including the labels graph).
    pub seconds: f64,
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
                total: store.len()?,
            }
        };
        Ok(ArticleWriter {
            store,
            target,
            written: 0,
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
        let store = self.store;
        let fail = |e: StorageError| storage_error(store.path(), &e);
        match &mut self.target {
            Target::Bulk {
                loader,
                pending,
                labeller,
                total,
            } => {
                let labels = labeller.article(&quads);
                *total += quads.len() + labels.len();
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
                for old in store.oxigraph().quads_for_pattern(
                    None,
                    Some(rdfs::LABEL),
                    None,
                    Some(GraphNameRef::NamedNode(graph.as_ref())),
                ) {
                    touched.insert(old.map_err(fail)?.subject);
                }
                for quad in &quads {
                    if article_label(quad.as_ref()).is_some() {
                        touched.insert(quad.subject.clone());
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
            relabel(store, &touched)?;
        }
        Ok(())
    }

    /// Commits what is left and brings the labels graph up to date.
    pub fn finish(mut self) -> Result<WriteReport> {
        let started = Instant::now();
        self.flush()?;
        let store = self.store;
        let fail = |e: StorageError| storage_error(store.path(), &e);
        let (bulk, total) = match self.target {
            Target::Bulk {
                mut loader,
                mut pending,
                labeller,
                total,
            } => {
                let labels = labeller.finish();
                let total = total + labels.len();
                pending.extend(labels);
                loader.load_quads(pending).map_err(fail)?;
                loader.commit().map_err(fail)?;
                (true, total)
            }
            Target::Batches { full_labels, .. } => {
                if full_labels {
                    store.refresh_labels()?;
                }
                (false, store.len()?)
            }
        };
        self.busy += started.elapsed();
        Ok(WriteReport {
            written: self.written,
            total,
            bulk,
            seconds: self.busy.as_secs_f64(),
        })
    }
}

/// Counts the labels of `subjects` again over every article graph and
/// replaces their preferred labels, in one transaction.
fn relabel(store: &GraphStore, subjects: &HashSet<NamedOrBlankNode>) -> Result<()> {
    if subjects.is_empty() {
        return Ok(());
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
    let mut transaction = oxigraph.start_transaction().map_err(fail)?;
    for quad in &stale {
        transaction.remove(quad);
    }
    transaction.extend(&tally.best());
    transaction.commit().map_err(fail)
}
