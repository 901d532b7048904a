//! The labels graph: for each resource with an `rdfs:label` in an article
//! graph, the label stated by the most article graphs becomes its
//! `skos:prefLabel` in [`LABELS_GRAPH`] (ties: the longer, then the first in
//! code point order).
//!
//! [`LabelTally`] counts labels over any set of graphs. [`Labeller`] takes
//! article graphs one at a time with flat memory: a resource only one
//! article can state (the article itself, its evidence; see
//! [`mapping::is_article_local`]) gets its label at once, and only the
//! resources articles share (people, meetings, places...) are counted to
//! the end.

use crate::mapping;
use crate::vocab::{skos, LABELS_GRAPH, ONTOLOGY_GRAPH};
use oxigraph::model::vocab::rdfs;
use oxigraph::model::{GraphName, Literal, NamedOrBlankNode, Quad, QuadRef, TermRef};
use std::collections::BTreeMap;

/// Labels counted by the number of graphs stating them.
#[derive(Debug, Default)]
pub struct LabelTally {
    /// (subject, label) -> (the subject, how many graphs state it)
    counts: BTreeMap<(String, String), (NamedOrBlankNode, usize)>,
}

impl LabelTally {
    /// Counts `quad` when it is an `rdfs:label` in an article graph (not the
    /// ontology's or the labels graph). Returns whether it was one.
    pub fn add_quad(&mut self, quad: QuadRef<'_>) -> bool {
        match article_label(quad) {
            Some(label) => {
                self.add(quad.subject.into_owned(), label);
                true
            }
            None => false,
        }
    }

    /// One more graph states `label` for `subject`.
    pub fn add(&mut self, subject: NamedOrBlankNode, label: &str) {
        let key = (subject.to_string(), label.to_owned());
        self.counts.entry(key).or_insert((subject, 0)).1 += 1;
    }

    /// Whether nothing was counted.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The `skos:prefLabel` quads of the labels graph, sorted.
    pub fn best(self) -> Vec<Quad> {
        // subject -> (its node, graphs, label) of the best label so far
        let mut best: BTreeMap<String, (NamedOrBlankNode, usize, String)> = BTreeMap::new();
        let rank = |n: usize, label: &str| {
            (
                n,
                label.chars().count(),
                std::cmp::Reverse(label.to_owned()),
            )
        };
        for ((key, label), (subject, n)) in self.counts {
            match best.get(&key) {
                Some((_, m, current)) if rank(n, &label) <= rank(*m, current) => {}
                _ => {
                    best.insert(key, (subject, n, label));
                }
            }
        }
        let mut quads: Vec<Quad> = best
            .into_values()
            .map(|(subject, _, label)| {
                Quad::new(
                    subject,
                    skos::PREF_LABEL,
                    Literal::from(label),
                    LABELS_GRAPH,
                )
            })
            .collect();
        mapping::sort_quads(&mut quads);
        quads
    }
}

/// The label `quad` states, when it is an `rdfs:label` literal in an
/// article graph.
pub fn article_label(quad: QuadRef<'_>) -> Option<&str> {
    if quad.predicate != rdfs::LABEL {
        return None;
    }
    let oxigraph::model::GraphNameRef::NamedNode(graph) = quad.graph_name else {
        return None;
    };
    if graph == ONTOLOGY_GRAPH || graph == LABELS_GRAPH {
        return None;
    }
    match quad.object {
        TermRef::Literal(label) => Some(label.value()),
        _ => None,
    }
}

/// The labels graph of article graphs given one at a time.
#[derive(Debug, Default)]
pub struct Labeller {
    shared: LabelTally,
}

impl Labeller {
    /// The labels of the resources only this article graph can state;
    /// those of shared resources are counted for [`Labeller::finish`].
    pub fn article(&mut self, quads: &[Quad]) -> Vec<Quad> {
        let mut local = LabelTally::default();
        for quad in quads {
            let Some(label) = article_label(quad.as_ref()) else {
                continue;
            };
            let owned = quad.subject.clone();
            let own = match &owned {
                NamedOrBlankNode::NamedNode(n) => mapping::is_article_local(n.as_str()),
                NamedOrBlankNode::BlankNode(_) => false,
            };
            if own {
                local.add(owned, label);
            } else {
                self.shared.add(owned, label);
            }
        }
        local.best()
    }

    /// The labels of the shared resources, once every article is in.
    pub fn finish(self) -> Vec<Quad> {
        self.shared.best()
    }
}

/// Whether `graph` is the graph of an article (not the ontology's or the
/// labels graph).
pub fn is_article_graph(graph: &GraphName) -> bool {
    match graph {
        GraphName::NamedNode(g) => g.as_ref() != ONTOLOGY_GRAPH && g.as_ref() != LABELS_GRAPH,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::NamedNode;

    fn label(subject: &str, label: &str, graph: &str) -> Quad {
        Quad::new(
            NamedNode::new_unchecked(subject),
            rdfs::LABEL,
            Literal::from(label),
            NamedNode::new_unchecked(graph),
        )
    }

    fn pref(quads: &[Quad]) -> Vec<(String, String)> {
        quads
            .iter()
            .map(|q| {
                let TermRef::Literal(l) = q.object.as_ref() else {
                    return (q.subject.to_string(), String::new());
                };
                (q.subject.to_string(), l.value().to_owned())
            })
            .collect()
    }

    #[test]
    fn the_label_most_graphs_state_wins_then_the_longer() {
        let p = "https://w3id.org/delegraph/id/person/x";
        let mut tally = LabelTally::default();
        for q in [
            label(p, "Medinsky", "https://g/a"),
            label(p, "Medinskiy", "https://g/b"),
            label(p, "Medinsky", "https://g/c"),
        ] {
            assert!(tally.add_quad(q.as_ref()));
        }
        assert_eq!(
            pref(&tally.best()),
            vec![(format!("<{p}>"), "Medinsky".to_owned())]
        );
        let mut tie = LabelTally::default();
        tie.add_quad(label(p, "Medinsky", "https://g/a").as_ref());
        tie.add_quad(label(p, "Medinskiy", "https://g/b").as_ref());
        assert_eq!(pref(&tie.best())[0].1, "Medinskiy");
    }

    #[test]
    fn labels_of_the_ontology_and_labels_graphs_do_not_count() {
        let mut tally = LabelTally::default();
        let p = "https://w3id.org/delegraph/id/person/x";
        assert!(!tally.add_quad(label(p, "X", ONTOLOGY_GRAPH.as_str()).as_ref()));
        assert!(!tally.add_quad(label(p, "X", LABELS_GRAPH.as_str()).as_ref()));
        assert!(tally.is_empty());
    }

    #[test]
    fn the_labeller_gives_what_a_tally_of_every_graph_gives() {
        let graphs = [
            vec![
                label(
                    "https://w3id.org/delegraph/id/article/a",
                    "a",
                    "https://g/a",
                ),
                label(
                    "https://w3id.org/delegraph/id/person/x",
                    "Lavrov",
                    "https://g/a",
                ),
            ],
            vec![
                label(
                    "https://w3id.org/delegraph/id/article/b",
                    "b",
                    "https://g/b",
                ),
                label(
                    "https://w3id.org/delegraph/id/person/x",
                    "Lavrov",
                    "https://g/b",
                ),
                label(
                    "https://w3id.org/delegraph/id/person/x",
                    "Sergey Lavrov",
                    "https://g/b",
                ),
            ],
        ];
        let mut tally = LabelTally::default();
        let mut labeller = Labeller::default();
        let mut streamed = Vec::new();
        for graph in &graphs {
            for q in graph {
                tally.add_quad(q.as_ref());
            }
            streamed.extend(labeller.article(graph));
        }
        streamed.extend(labeller.finish());
        mapping::sort_quads(&mut streamed);
        assert_eq!(streamed, tally.best());
        assert_eq!(streamed.len(), 3);
    }
}
