//! The Oxigraph store on disk: opening it (read-write or read-only), keeping
//! the ontology in its graph, replacing an article's graph, the labels graph,
//! and exporting everything in a deterministic order.
//!
//! Named graphs in a store:
//! - `https://w3id.org/delegraph/ontology`: the ontology, loaded on open;
//! - one graph per article, named by [`mapping::article_iri`];
//! - [`LABELS_GRAPH`]: one `skos:prefLabel` per labelled resource, the
//!   spelling most articles use, recomputed by [`GraphStore::refresh_labels`].

use crate::error::{Error, Result};
use crate::fact::ArticleFacts;
use crate::labels::LabelTally;
use crate::mapping::{self, sort_quads};
use crate::vocab::{LABELS_GRAPH, ONTOLOGY_GRAPH, ONTOLOGY_TTL, PREFIXES};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::vocab::rdfs;
use oxigraph::model::{GraphNameRef, NamedOrBlankNode, Quad, Triple};
use oxigraph::store::{StorageError, Store};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the store lives unless `--store` says otherwise.
pub const DEFAULT_STORE: &str = "out/store";

/// An RDF serialization `delegraph export` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Turtle: the union of all graphs, with the ontology's prefixes.
    Turtle,
    /// N-Triples: the union of all graphs, one triple per line.
    Ntriples,
    /// N-Quads: every quad with its graph (the article it came from).
    Nquads,
    /// TriG: every graph, with the ontology's prefixes.
    Trig,
    /// RDF/XML: the union of all graphs.
    Rdfxml,
}

impl ExportFormat {
    fn rdf_format(self) -> RdfFormat {
        match self {
            ExportFormat::Turtle => RdfFormat::Turtle,
            ExportFormat::Ntriples => RdfFormat::NTriples,
            ExportFormat::Nquads => RdfFormat::NQuads,
            ExportFormat::Trig => RdfFormat::TriG,
            ExportFormat::Rdfxml => RdfFormat::RdfXml,
        }
    }

    /// Whether the format keeps named graphs (otherwise graphs are merged).
    pub fn keeps_graphs(self) -> bool {
        matches!(self, ExportFormat::Nquads | ExportFormat::Trig)
    }
}

/// An Oxigraph store holding delegraph's graphs.
pub struct GraphStore {
    store: Store,
    path: PathBuf,
}

impl GraphStore {
    /// Opens the store at `path` for reading and writing, creating it (and
    /// its parent directories) if needed, and makes sure the ontology graph
    /// holds the ontology built into this binary.
    ///
    /// Only one process can hold a store open for writing.
    pub fn open(path: &Path) -> Result<Self> {
        std::fs::create_dir_all(path)
            .map_err(|e| store_error(path, "cannot create the directory", &e))?;
        let store = Store::open(path).map_err(|e| storage_error(path, &e))?;
        let this = Self {
            store,
            path: path.to_owned(),
        };
        this.ensure_ontology()?;
        Ok(this)
    }

    /// Opens an existing store at `path` for reading only.
    ///
    /// It takes no lock, so it opens while a build holds the store; it sees
    /// the data as of the moment it opens. (Oxigraph does not promise
    /// anything of a read-only store whose files a writer changes under it:
    /// at worst a query fails and can be run again.)
    pub fn open_read_only(path: &Path) -> Result<Self> {
        if !path.join("CURRENT").is_file() {
            return Err(Error::Store {
                path: path.to_owned(),
                message: "no store here; run `delegraph build` first (or pass --store)".into(),
            });
        }
        let store = Store::open_read_only(path).map_err(|e| storage_error(path, &e))?;
        Ok(Self {
            store,
            path: path.to_owned(),
        })
    }

    /// The store's directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying Oxigraph store, for queries.
    pub fn oxigraph(&self) -> &Store {
        &self.store
    }

    /// Number of quads in the store, all graphs together.
    pub fn len(&self) -> Result<usize> {
        self.store.len().map_err(|e| storage_error(&self.path, &e))
    }

    /// Whether the store holds no quad at all.
    pub fn is_empty(&self) -> Result<bool> {
        self.store
            .is_empty()
            .map_err(|e| storage_error(&self.path, &e))
    }

    /// The IRIs of the article graphs, sorted.
    pub fn article_graphs(&self) -> Result<Vec<String>> {
        let mut graphs = Vec::new();
        for graph in self.store.named_graphs() {
            let graph = graph.map_err(|e| storage_error(&self.path, &e))?;
            if let NamedOrBlankNode::NamedNode(graph) = graph {
                if graph.as_ref() != ONTOLOGY_GRAPH && graph.as_ref() != LABELS_GRAPH {
                    graphs.push(graph.into_string());
                }
            }
        }
        graphs.sort();
        Ok(graphs)
    }

    /// Replaces the graph of one article with the quads of `facts`, in one
    /// transaction: building the same article twice leaves one copy.
    /// Returns the number of quads written.
    ///
    /// Call [`GraphStore::refresh_labels`] once after the last article.
    pub fn replace_article(&self, facts: &ArticleFacts) -> Result<usize> {
        let graph = mapping::article_iri(&facts.article.id);
        let quads = mapping::article_quads(facts);
        self.replace_graph(GraphNameRef::NamedNode(graph.as_ref()), &quads)?;
        Ok(quads.len())
    }

    /// Replaces the graphs of every article, then refreshes the labels graph.
    /// Returns the number of quads written to article graphs.
    pub fn replace_articles(&self, articles: &[ArticleFacts]) -> Result<usize> {
        let mut written = 0;
        for facts in articles {
            written += self.replace_article(facts)?;
        }
        self.refresh_labels()?;
        Ok(written)
    }

    /// Recomputes the labels graph from the article graphs: for each
    /// resource with an `rdfs:label`, the label stated by the most article
    /// graphs becomes its `skos:prefLabel` (ties: the longer, then the
    /// first in code point order). Returns the number of labels.
    pub fn refresh_labels(&self) -> Result<usize> {
        let mut tally = LabelTally::default();
        for quad in self
            .store
            .quads_for_pattern(None, Some(rdfs::LABEL), None, None)
        {
            let quad = quad.map_err(|e| storage_error(&self.path, &e))?;
            tally.add_quad(quad.as_ref());
        }
        let quads = tally.best();
        self.replace_graph(GraphNameRef::NamedNode(LABELS_GRAPH), &quads)?;
        Ok(quads.len())
    }

    /// Loads the built-in ontology into its graph unless it is there already.
    fn ensure_ontology(&self) -> Result<()> {
        let wanted = ontology_quads()?;
        let graph = GraphNameRef::NamedNode(ONTOLOGY_GRAPH);
        let mut present = HashSet::new();
        for quad in self.store.quads_for_pattern(None, None, None, Some(graph)) {
            present.insert(quad.map_err(|e| storage_error(&self.path, &e))?);
        }
        if present.len() == wanted.len() && wanted.iter().all(|q| present.contains(q)) {
            return Ok(());
        }
        self.replace_graph(graph, &wanted)
    }

    fn replace_graph(&self, graph: GraphNameRef<'_>, quads: &[Quad]) -> Result<()> {
        let fail = |e: StorageError| storage_error(&self.path, &e);
        let mut transaction = self.store.start_transaction().map_err(fail)?;
        transaction.clear_graph(graph).map_err(fail)?;
        if let GraphNameRef::NamedNode(name) = graph {
            transaction.insert_named_graph(name);
        }
        transaction.extend(quads);
        transaction.commit().map_err(fail)
    }

    /// Writes the whole store to `out` in `format`, sorted. Triple formats
    /// get the union of all graphs without duplicates; quad formats every
    /// graph. `target` names the output in errors.
    pub fn export(&self, format: ExportFormat, out: impl Write, target: &str) -> Result<()> {
        let mut quads = Vec::new();
        for quad in self.store.iter() {
            quads.push(quad.map_err(|e| storage_error(&self.path, &e))?);
        }
        let write_error = |source| Error::Write {
            target: target.to_owned(),
            source,
        };
        let mut serializer = RdfSerializer::from_format(format.rdf_format());
        for (prefix, iri) in PREFIXES {
            serializer = serializer
                .with_prefix(*prefix, *iri)
                .map_err(|e| Error::Store {
                    path: self.path.clone(),
                    message: format!("bad prefix {prefix}: {e}"),
                })?;
        }
        let mut writer = serializer.for_writer(std::io::BufWriter::new(out));
        if format.keeps_graphs() {
            sort_quads(&mut quads);
            for quad in &quads {
                writer.serialize_quad(quad).map_err(write_error)?;
            }
        } else {
            let triples: BTreeMap<String, Triple> = quads
                .into_iter()
                .map(|q| {
                    let triple = Triple::from(q);
                    (triple.to_string(), triple)
                })
                .collect();
            for triple in triples.values() {
                writer.serialize_triple(triple).map_err(write_error)?;
            }
        }
        let mut buffer = writer.finish().map_err(write_error)?;
        buffer.flush().map_err(write_error)
    }

    /// The distinct triples of the union of all graphs, as N-Triples lines,
    /// sorted (for tests and summaries).
    pub fn union_ntriples(&self) -> Result<BTreeSet<String>> {
        let mut lines = BTreeSet::new();
        for quad in self.store.iter() {
            let quad = quad.map_err(|e| storage_error(&self.path, &e))?;
            lines.insert(format!("{} .", Triple::from(quad)));
        }
        Ok(lines)
    }
}

/// The built-in ontology as quads of the ontology graph.
pub fn ontology_quads() -> Result<Vec<Quad>> {
    RdfParser::from_format(RdfFormat::Turtle)
        .with_default_graph(ONTOLOGY_GRAPH)
        .for_slice(ONTOLOGY_TTL)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| {
            let line = e.location().map_or(0, |l| l.start.line + 1);
            Error::Lexicon {
                file: "ontology/delegraph.ttl",
                line: line as usize,
                message: e.to_string(),
            }
        })
}

fn store_error(path: &Path, what: &str, error: &dyn std::fmt::Display) -> Error {
    Error::Store {
        path: path.to_owned(),
        message: format!("{what}: {error}"),
    }
}

/// An Oxigraph storage error, with a hint for the common cases.
pub(crate) fn storage_error(path: &Path, error: &StorageError) -> Error {
    let text = error.to_string();
    let lower = text.to_lowercase();
    let message = if lower.contains("lock") {
        format!(
            "the store is locked by another process; is another delegraph build running? ({text})"
        )
    } else if lower.contains("permission denied") {
        format!("permission denied; check the directory's permissions ({text})")
    } else {
        text
    };
    Error::Store {
        path: path.to_owned(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::skos;
    use oxigraph::model::{Literal, Term};

    fn sample() -> ArticleFacts {
        crate::mapping::tests::sample()
    }

    #[test]
    fn replacing_an_article_twice_keeps_one_copy() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = GraphStore::open(&dir.path().join("store")).expect("open");
        let ontology = store.len().expect("len");
        assert!(ontology > 0);
        let written = store.replace_articles(&[sample()]).expect("load");
        let once = store.len().expect("len");
        store.replace_articles(&[sample()]).expect("load again");
        assert_eq!(once, store.len().expect("len"));
        let labels = once - ontology - written;
        assert!(labels > 0, "labels graph is filled");
        assert_eq!(store.article_graphs().expect("graphs").len(), 1);
    }

    #[test]
    fn a_changed_article_loses_its_old_facts() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = GraphStore::open(dir.path()).expect("open");
        let mut facts = sample();
        store.replace_articles(&[facts.clone()]).expect("load");
        let before = store.len().expect("len");
        facts.facts.retain(|f| f.fact.type_name() == "meeting");
        store.replace_articles(&[facts]).expect("load");
        assert!(store.len().expect("len") < before);
    }

    #[test]
    fn the_preferred_label_is_the_one_most_articles_use() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = GraphStore::open(dir.path()).expect("open");
        let spell = |id: &str, name: &str| {
            let mut facts = sample();
            facts.article.id = id.into();
            for found in &mut facts.facts {
                found.evidence.article = id.into();
            }
            facts.people[0].name = name.into();
            facts
        };
        store
            .replace_articles(&[
                spell("a.txt", "Vladimir Medinskiy"),
                spell("b.txt", "Vladimir Medinsky"),
                spell("c.txt", "Vladimir Medinsky"),
            ])
            .expect("load");
        let person = mapping::person_iri(&crate::fact::PersonKey("vladimir medinsky".into()));
        let labels: Vec<_> = store
            .oxigraph()
            .quads_for_pattern(
                Some(person.as_ref().into()),
                Some(skos::PREF_LABEL),
                None,
                None,
            )
            .collect::<Result<_, _>>()
            .expect("read");
        assert_eq!(labels.len(), 1);
        assert_eq!(
            labels[0].object,
            Term::from(Literal::from("Vladimir Medinsky"))
        );
    }

    #[test]
    fn a_missing_store_says_to_build_first() {
        let dir = tempfile::tempdir().expect("temp dir");
        let Err(error) = GraphStore::open_read_only(&dir.path().join("nothing")) else {
            panic!("opened a store that does not exist");
        };
        assert!(error.to_string().contains("delegraph build"), "{error}");
    }

    #[test]
    fn a_second_writer_is_told_about_the_lock() {
        let dir = tempfile::tempdir().expect("temp dir");
        let _first = GraphStore::open(dir.path()).expect("open");
        let Err(error) = GraphStore::open(dir.path()) else {
            panic!("two writers opened one store");
        };
        assert!(
            error.to_string().contains("another delegraph build"),
            "{error}"
        );
    }

    #[test]
    fn export_is_sorted_and_parses_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = GraphStore::open(dir.path()).expect("open");
        store.replace_articles(&[sample()]).expect("load");
        for format in [
            ExportFormat::Turtle,
            ExportFormat::Ntriples,
            ExportFormat::Nquads,
            ExportFormat::Trig,
            ExportFormat::Rdfxml,
        ] {
            let mut first = Vec::new();
            store.export(format, &mut first, "test").expect("export");
            let mut second = Vec::new();
            store.export(format, &mut second, "test").expect("export");
            assert_eq!(first, second, "{format:?} is deterministic");
            let parsed = RdfParser::from_format(format.rdf_format())
                .for_slice(&first)
                .collect::<Result<Vec<_>, _>>()
                .unwrap_or_else(|e| panic!("{format:?} parses back: {e}"));
            if format.keeps_graphs() {
                assert_eq!(parsed.len(), store.len().expect("len"), "{format:?}");
            } else {
                let distinct: BTreeSet<String> = parsed
                    .into_iter()
                    .map(|q| Triple::from(q).to_string())
                    .collect();
                assert_eq!(
                    distinct.len(),
                    store.union_ntriples().expect("union").len(),
                    "{format:?}"
                );
            }
        }
    }
}
