//! A store's life after its first build: removing articles and telling
//! what each graph holds. (Replacing an article is `GraphStore`'s own job.)

use crate::error::{Error, Result};
use crate::mapping::article_iri;
use crate::store::{storage_error, GraphStore};
use oxigraph::model::{GraphNameRef, NamedNode, Term};
use oxigraph::sparql::{QueryResults, QuerySolution, SparqlEvaluator};
use std::collections::HashSet;

const STATS: &str = include_str!("../queries/lifecycle/stats.rq");
const TOTALS: &str = include_str!("../queries/lifecycle/totals.rq");

/// What one graph holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphStats {
    /// The graph's IRI.
    pub graph: String,
    /// Its triples.
    pub triples: u64,
    /// People typed `dg:Person` in it.
    pub people: u64,
    /// Meetings typed `dg:Meeting` in it.
    pub meetings: u64,
}

/// Removes the graphs of the articles named by file name (`01_talks.txt`)
/// in one transaction and refreshes the labels; an article the store does
/// not hold is an error and nothing is removed. Returns the graphs removed.
pub fn remove_articles(store: &GraphStore, ids: &[String]) -> Result<Vec<String>> {
    let held = store.article_graphs()?;
    let mut graphs = Vec::new();
    for id in ids {
        let iri = article_iri(id);
        if !held.contains(&iri.as_str().to_owned()) {
            return Err(Error::Usage {
                message: format!(
                    "the store holds no article {id:?}; `delegraph stats` lists the articles it holds"
                ),
            });
        }
        graphs.push(iri);
    }
    remove_graphs(store, graphs)
}

/// Removes the graphs of the articles the store holds that `input` (file
/// names, as `delegraph build` reads them) does not name, in one
/// transaction: `build --prune`. Returns the graphs removed, sorted.
pub fn prune(store: &GraphStore, input: &[String]) -> Result<Vec<String>> {
    let keep: HashSet<String> = input
        .iter()
        .map(|id| article_iri(id).into_string())
        .collect();
    let stale = store
        .article_graphs()?
        .into_iter()
        .filter(|graph| !keep.contains(graph))
        .map(NamedNode::new_unchecked)
        .collect();
    remove_graphs(store, stale)
}

/// Removes `graphs` in one transaction (a crash leaves all or none of them)
/// and refreshes the labels when any was removed.
fn remove_graphs(store: &GraphStore, graphs: Vec<NamedNode>) -> Result<Vec<String>> {
    if graphs.is_empty() {
        return Ok(Vec::new());
    }
    let fail = |e: oxigraph::store::StorageError| storage_error(store.path(), &e);
    let mut transaction = store.oxigraph().start_transaction().map_err(fail)?;
    for graph in &graphs {
        transaction
            .remove_named_graph(graph.as_ref())
            .map_err(fail)?;
        transaction
            .clear_graph(GraphNameRef::NamedNode(graph.as_ref()))
            .map_err(fail)?;
    }
    transaction.commit().map_err(fail)?;
    store.refresh_labels()?;
    Ok(graphs.into_iter().map(|g| g.into_string()).collect())
}

/// What every graph of the store holds, sorted by graph, and the store as
/// a whole (graph `total`: distinct people and meetings).
pub fn stats(store: &GraphStore) -> Result<(Vec<GraphStats>, GraphStats)> {
    let mut graphs = Vec::new();
    for row in select(store, STATS)? {
        if let Some(Term::NamedNode(n)) = row.get("graph") {
            graphs.push(counts(&row, n.as_str()));
        }
    }
    let total = select(store, TOTALS)?
        .first()
        .map(|row| counts(row, "total"))
        .unwrap_or_else(|| counts(&QuerySolution::from((Vec::new(), Vec::new())), "total"));
    Ok((graphs, total))
}

fn counts(row: &QuerySolution, graph: &str) -> GraphStats {
    let number = |name: &str| match row.get(name) {
        Some(Term::Literal(l)) => l.value().parse().unwrap_or(0),
        _ => 0,
    };
    GraphStats {
        graph: graph.to_owned(),
        triples: number("triples"),
        people: number("people"),
        meetings: number("meetings"),
    }
}

/// The rows of a built-in SELECT over the whole store.
fn select(store: &GraphStore, text: &str) -> Result<Vec<QuerySolution>> {
    let failed = |message: String| Error::QueryEvaluation {
        name: "stats".into(),
        message,
    };
    let results = SparqlEvaluator::new()
        .parse_query(text)
        .map_err(|e| failed(e.to_string()))?
        .on_store(store.oxigraph())
        .execute()
        .map_err(|e| failed(e.to_string()))?;
    let QueryResults::Solutions(rows) = results else {
        return Err(failed("not a SELECT".into()));
    };
    rows.map(|r| r.map_err(|e| failed(e.to_string()))).collect()
}
