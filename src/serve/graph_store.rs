//! The read side of the SPARQL 1.1 Graph Store HTTP Protocol: `GET
//! /store?graph=IRI` writes one named graph, `GET /store?default` the default
//! graph, which here, as for queries, is every graph merged. Triples are
//! sorted and without duplicates, like `delegraph export`.

use crate::query::write_triples;
use crate::serve::negotiate::{self, GRAPHS};
use crate::serve::reply::{HttpError, Reply};
use crate::serve::sparql::graph_iri;
use crate::store::GraphStore;
use oxigraph::model::{GraphNameRef, NamedNode, Triple};
use std::collections::BTreeMap;

/// Which graph a request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `?default`: the union of all graphs.
    Default,
    /// `?graph=IRI`.
    Named(NamedNode),
}

/// The graph the URL's query string names: exactly one of `graph=IRI` and
/// `default`.
pub fn target(url_query: Option<&str>) -> Result<Target, HttpError> {
    let mut graphs = Vec::new();
    let mut default = false;
    for (name, value) in form_urlencoded::parse(url_query.unwrap_or_default().as_bytes()) {
        match name.as_ref() {
            "graph" => graphs.push(value.into_owned()),
            "default" => default = true,
            _ => {}
        }
    }
    match (graphs.as_slice(), default) {
        ([iri], false) => Ok(Target::Named(graph_iri(iri)?)),
        ([], true) => Ok(Target::Default),
        _ => Err(HttpError::bad_request(
            "name one graph: /store?graph=IRI, or /store?default for all graphs merged",
        )),
    }
}

/// Writes the graph `target` names in the RDF format `accept` asks for;
/// 404 for a named graph the store does not have.
pub fn read(store: &GraphStore, target: &Target, accept: Option<&str>) -> Result<Reply, HttpError> {
    let format = negotiate::choose(accept, GRAPHS)
        .ok_or_else(|| HttpError::not_acceptable("a graph", &negotiate::offered(GRAPHS)))?;
    let failed = |e: oxigraph::store::StorageError| {
        HttpError::store(format!(
            "reading store {} failed: {e}",
            store.path().display()
        ))
    };
    let graph = match target {
        Target::Default => None,
        Target::Named(name) => {
            if !store
                .oxigraph()
                .contains_named_graph(name.as_ref())
                .map_err(failed)?
            {
                return Err(HttpError::not_found(format!(
                    "no graph {name} in the store"
                )));
            }
            Some(GraphNameRef::NamedNode(name.as_ref()))
        }
    };
    let mut sorted = BTreeMap::new();
    for quad in store.oxigraph().quads_for_pattern(None, None, None, graph) {
        let triple = Triple::from(quad.map_err(failed)?);
        sorted.insert(triple.to_string(), triple);
    }
    let mut body = Vec::new();
    write_triples(&mut body, format, sorted.values()).map_err(|e| {
        HttpError::new(
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            format!("writing the graph failed: {e}"),
        )
    })?;
    Ok(Reply {
        content_type: format.media_type(),
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;

    #[test]
    fn the_query_string_names_one_graph() {
        assert_eq!(target(Some("default")).expect("default"), Target::Default);
        assert_eq!(target(Some("default=")).expect("default"), Target::Default);
        assert_eq!(
            target(Some("graph=https%3A%2F%2Fw3id.org%2Fdelegraph%2Fontology")).expect("named"),
            Target::Named(NamedNode::new_unchecked(
                "https://w3id.org/delegraph/ontology"
            ))
        );
        for bad in [
            None,
            Some("graph=a:b&default"),
            Some("graph=x&graph=y"),
            Some("graph=no iri"),
        ] {
            assert_eq!(
                target(bad).expect_err("refused").status,
                StatusCode::BAD_REQUEST,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn a_named_graph_or_the_union_is_written_and_a_missing_one_is_404() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = GraphStore::open(dir.path()).expect("open");
        store
            .replace_articles(&[crate::mapping::tests::sample()])
            .expect("load");
        let ontology = Target::Named(crate::vocab::ONTOLOGY_GRAPH.into_owned());
        let one = read(&store, &ontology, Some("application/n-triples")).expect("written");
        let all = read(&store, &Target::Default, Some("application/n-triples")).expect("written");
        let lines = |reply: &Reply| String::from_utf8_lossy(&reply.body).lines().count();
        assert!(lines(&one) > 0);
        assert!(lines(&all) > lines(&one));
        let missing = Target::Named(NamedNode::new_unchecked("http://example.com/none"));
        assert_eq!(
            read(&store, &missing, None).expect_err("missing").status,
            StatusCode::NOT_FOUND
        );
    }
}
