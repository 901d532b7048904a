//! Answering SPARQL over HTTP: a query parsed, its dataset set from the
//! request (the union of all graphs unless the request or the query names
//! one), evaluated under a cancellation token and written in the negotiated
//! format; an update applied the same way.

use crate::query::write_triples;
use crate::serve::negotiate::{self, GRAPHS, SOLUTIONS};
use crate::serve::protocol::Operation;
use crate::serve::reply::{one_line, HttpError, Reply};
use crate::store::GraphStore;
use axum::http::StatusCode;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Triple};
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{
    CancellationToken, QueryDataset, QueryEvaluationError, QueryResults, SparqlEvaluator,
    UpdateEvaluationError,
};
use std::collections::BTreeMap;

/// Runs a query on `store` and writes its results in the format `accept`
/// asks for. The token cancels it; more than `max_results` results refuse
/// it whole.
pub fn query(
    store: &GraphStore,
    operation: &Operation,
    accept: Option<&str>,
    token: &CancellationToken,
    max_results: usize,
) -> Result<Reply, HttpError> {
    let mut prepared = SparqlEvaluator::new()
        .with_cancellation_token(token.clone())
        .parse_query(&operation.text)
        .map_err(|e| {
            HttpError::bad_request(format!(
                "the query does not parse: {}",
                one_line(&e.to_string())
            ))
        })?;
    set_dataset(prepared.dataset_mut(), operation)?;
    let results = prepared
        .on_store(store.oxigraph())
        .execute()
        .map_err(evaluation_error)?;
    write_results(results, accept, max_results)
}

/// Applies an update to `store`. The token cancels it (nothing is written
/// then: an update is one transaction).
pub fn update(
    store: &GraphStore,
    operation: &Operation,
    token: &CancellationToken,
) -> Result<(), HttpError> {
    let mut prepared = SparqlEvaluator::new()
        .with_cancellation_token(token.clone())
        .parse_update(&operation.text)
        .map_err(|e| {
            HttpError::bad_request(format!(
                "the update does not parse: {}",
                one_line(&e.to_string())
            ))
        })?;
    for dataset in prepared.using_datasets_mut() {
        set_dataset(dataset, operation)?;
    }
    prepared
        .on_store(store.oxigraph())
        .execute()
        .map_err(|e| match e {
            UpdateEvaluationError::GraphAlreadyExists(_)
            | UpdateEvaluationError::GraphDoesNotExist(_) => HttpError::bad_request(e.to_string()),
            UpdateEvaluationError::Storage(e) => {
                HttpError::store(format!("the update failed: {e}"))
            }
            other => HttpError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("the update failed: {other}"),
            ),
        })
}

/// The dataset of an operation: the graphs the request names; else the
/// query's FROM and FROM NAMED; else every graph, merged, as the default
/// graph (as `delegraph query` does).
fn set_dataset(dataset: &mut QueryDataset, operation: &Operation) -> Result<(), HttpError> {
    if operation.names_a_dataset() {
        let default = operation
            .default_graphs
            .iter()
            .map(|iri| graph_iri(iri).map(GraphName::from))
            .collect::<Result<_, _>>()?;
        let named = operation
            .named_graphs
            .iter()
            .map(|iri| graph_iri(iri).map(NamedOrBlankNode::from))
            .collect::<Result<_, _>>()?;
        dataset.set_default_graph(default);
        dataset.set_available_named_graphs(named);
    } else if dataset.is_default_dataset() {
        dataset.set_default_graph_as_union();
    }
    Ok(())
}

/// A graph IRI from a request, or 400.
pub fn graph_iri(iri: &str) -> Result<NamedNode, HttpError> {
    NamedNode::new(iri).map_err(|e| HttpError::bad_request(format!("bad graph IRI <{iri}>: {e}")))
}

/// Writes results in the format `accept` asks for: SPARQL results for
/// SELECT and ASK, RDF for CONSTRUCT and DESCRIBE (sorted, without
/// duplicates). Past `max_results` rows or triples the answer is an error
/// (422), never part of the results: a client could not tell a cut answer
/// from a whole one.
pub fn write_results(
    results: QueryResults<'_>,
    accept: Option<&str>,
    max_results: usize,
) -> Result<Reply, HttpError> {
    let capped = |count: usize| {
        if count > max_results {
            Err(HttpError::too_many_results(max_results))
        } else {
            Ok(())
        }
    };
    let mut body = Vec::new();
    match results {
        QueryResults::Solutions(solutions) => {
            let format = negotiate::choose(accept, SOLUTIONS).ok_or_else(|| {
                HttpError::not_acceptable("SELECT results", &negotiate::offered(SOLUTIONS))
            })?;
            let mut serializer = QueryResultsSerializer::from_format(format)
                .serialize_solutions_to_writer(&mut body, solutions.variables().to_vec())
                .map_err(write_failed)?;
            for (index, solution) in solutions.enumerate() {
                capped(index + 1)?;
                serializer
                    .serialize(&solution.map_err(evaluation_error)?)
                    .map_err(write_failed)?;
            }
            serializer.finish().map_err(write_failed)?;
            Ok(Reply {
                content_type: format.media_type(),
                body,
            })
        }
        QueryResults::Boolean(value) => {
            let format = negotiate::choose(accept, SOLUTIONS).ok_or_else(|| {
                HttpError::not_acceptable("ASK results", &negotiate::offered(SOLUTIONS))
            })?;
            QueryResultsSerializer::from_format(format)
                .serialize_boolean_to_writer(&mut body, value)
                .map_err(write_failed)?;
            Ok(Reply {
                content_type: format.media_type(),
                body,
            })
        }
        QueryResults::Graph(triples) => {
            let format = negotiate::choose(accept, GRAPHS)
                .ok_or_else(|| HttpError::not_acceptable("a graph", &negotiate::offered(GRAPHS)))?;
            let mut sorted = BTreeMap::new();
            for triple in triples {
                let triple: Triple = triple.map_err(evaluation_error)?;
                sorted.insert(triple.to_string(), triple);
                capped(sorted.len())?;
            }
            write_triples(&mut body, format, sorted.values()).map_err(write_failed)?;
            Ok(Reply {
                content_type: format.media_type(),
                body,
            })
        }
    }
}

/// An evaluation error as an answer: a cancelled run is 503 (the time limit
/// passed), a failed read of the store 500 and worth a retry.
pub fn evaluation_error(error: QueryEvaluationError) -> HttpError {
    match error {
        QueryEvaluationError::Cancelled => HttpError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "the query was cancelled (--timeout)",
        ),
        QueryEvaluationError::Dataset(e) => {
            HttpError::store(format!("reading the store failed: {e}"))
        }
        // Oxigraph is built without its HTTP client: no federated query.
        QueryEvaluationError::UnsupportedService(_)
        | QueryEvaluationError::UnboundService
        | QueryEvaluationError::InvalidServiceName(_) => HttpError::bad_request(format!(
            "{error}; this server does not call other endpoints (SERVICE)",
            error = one_line(&error.to_string())
        )),
        other => HttpError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the query failed: {other}"),
        ),
    }
}

fn write_failed(error: std::io::Error) -> HttpError {
    HttpError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        format!("writing the results failed: {error}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::RdfParser;

    fn loaded() -> (tempfile::TempDir, GraphStore) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = GraphStore::open(dir.path()).expect("open");
        store
            .replace_articles(&[crate::mapping::tests::sample()])
            .expect("load");
        (dir, store)
    }

    fn ask(store: &GraphStore, operation: &Operation) -> Result<String, HttpError> {
        let reply = query(
            store,
            operation,
            Some("text/csv"),
            &CancellationToken::new(),
            usize::MAX,
        )?;
        Ok(String::from_utf8(reply.body).expect("utf-8"))
    }

    fn operation(text: &str) -> Operation {
        Operation {
            text: text.into(),
            ..Operation::default()
        }
    }

    #[test]
    fn the_default_graph_is_the_union_unless_the_request_names_graphs() {
        let (_dir, store) = loaded();
        let count =
            "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/delegraph/ontology#Meeting> }";
        let union = ask(&store, &operation(count)).expect("runs");
        assert_ne!(union, "n\r\n0\r\n", "{union}");
        let ontology_only = Operation {
            default_graphs: vec!["https://w3id.org/delegraph/ontology".into()],
            ..operation(count)
        };
        assert_eq!(ask(&store, &ontology_only).expect("runs"), "n\r\n0\r\n");
    }

    #[test]
    fn named_graphs_from_the_request_are_the_only_ones() {
        let (_dir, store) = loaded();
        let graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }";
        let one = Operation {
            named_graphs: vec!["https://w3id.org/delegraph/ontology".into()],
            ..operation(graphs)
        };
        assert_eq!(
            ask(&store, &one).expect("runs"),
            "g\r\nhttps://w3id.org/delegraph/ontology\r\n"
        );
        let bad = Operation {
            named_graphs: vec!["not an iri".into()],
            ..operation(graphs)
        };
        assert_eq!(
            ask(&store, &bad).expect_err("refused").status,
            StatusCode::BAD_REQUEST
        );
    }

    #[test]
    fn a_syntax_error_is_400_with_the_position() {
        let (_dir, store) = loaded();
        let error = ask(&store, &operation("SELECT ?x WHERE { ?x ?y }")).expect_err("refused");
        assert_eq!(error.status, StatusCode::BAD_REQUEST);
        assert!(error.message.contains("1:"), "{}", error.message);
        assert!(!error.message.contains('\n'));
    }

    #[test]
    fn a_federated_query_is_400() {
        let (_dir, store) = loaded();
        let error = ask(
            &store,
            &operation("SELECT * WHERE { SERVICE <http://example.com/sparql> { ?s ?p ?o } }"),
        )
        .expect_err("refused");
        assert_eq!(error.status, StatusCode::BAD_REQUEST, "{}", error.message);
        assert!(error.message.contains("SERVICE"), "{}", error.message);
    }

    #[test]
    fn a_cancelled_query_is_503() {
        let (_dir, store) = loaded();
        let token = CancellationToken::new();
        token.cancel();
        let error = query(
            &store,
            &operation("SELECT * WHERE { ?s ?p ?o }"),
            None,
            &token,
            usize::MAX,
        )
        .expect_err("cancelled");
        assert_eq!(error.status, StatusCode::SERVICE_UNAVAILABLE);
    }

    #[test]
    fn a_graph_is_written_in_each_offered_format_and_parses_back() {
        let (_dir, store) = loaded();
        let construct = operation("CONSTRUCT { ?s a ?c } WHERE { ?s a ?c }");
        for (media, format) in GRAPHS {
            let token = CancellationToken::new();
            let reply = query(&store, &construct, Some(media), &token, usize::MAX).expect("runs");
            assert_eq!(reply.content_type, format.media_type());
            let parsed = RdfParser::from_format(*format)
                .for_slice(&reply.body)
                .collect::<Result<Vec<_>, _>>()
                .unwrap_or_else(|e| panic!("{media} parses back: {e}"));
            assert!(!parsed.is_empty(), "{media}");
        }
        let refused = query(
            &store,
            &construct,
            Some("text/csv"),
            &CancellationToken::new(),
            usize::MAX,
        )
        .expect_err("csv is not a graph format");
        assert_eq!(refused.status, StatusCode::NOT_ACCEPTABLE);
    }

    #[test]
    fn results_past_the_cap_are_refused_whole_and_up_to_it_are_sent() {
        let (_dir, store) = loaded();
        let token = CancellationToken::new();
        let three = operation("SELECT ?n WHERE { VALUES ?n { 1 2 3 } }");
        let sent = query(&store, &three, Some("text/csv"), &token, 3)
            .expect("three rows pass a cap of three");
        assert_eq!(
            String::from_utf8(sent.body).expect("utf-8"),
            "n\r\n1\r\n2\r\n3\r\n"
        );
        let refused = query(&store, &three, Some("text/csv"), &token, 2).expect_err("over the cap");
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused.message.contains("--max-rows"),
            "{}",
            refused.message
        );
        let graph = operation(
            "CONSTRUCT { ?n a <http://example.com/N> } WHERE { VALUES ?n { <http://example.com/1> <http://example.com/2> } }",
        );
        let refused =
            query(&store, &graph, Some("text/turtle"), &token, 1).expect_err("two triples");
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        query(&store, &graph, Some("text/turtle"), &token, 2).expect("two triples pass");
    }

    #[test]
    fn an_update_writes_and_a_bad_one_is_400() {
        let (_dir, store) = loaded();
        let token = CancellationToken::new();
        update(
            &store,
            &operation("INSERT DATA { GRAPH <http://example.com/g> { <http://example.com/s> <http://example.com/p> 1 } }"),
            &token,
        )
        .expect("applies");
        let found = ask(&store, &operation("ASK { <http://example.com/s> ?p ?o }")).expect("runs");
        assert!(found.contains("true"), "{found}");
        let error = update(&store, &operation("INSERT { }"), &token).expect_err("refused");
        assert_eq!(error.status, StatusCode::BAD_REQUEST);
    }
}
