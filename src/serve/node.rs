//! A node as the web page shows it: the tables that fit it (a person's
//! offices, delegations and meetings; a meeting's delegations, agreements
//! and the evidence sentences with their articles; any node's literal
//! values), its links to other nodes for the picture of the graph around
//! it, and labels for every IRI shown. Also the lookup the page uses to
//! turn names in result tables into links.
//!
//! Each table is a query in `web/node/` with the usual header; it selects
//! `?node` first, which is bound to the node's IRI before it runs, and a
//! table that comes back empty is left out, so one list serves every kind
//! of node.

use crate::query::Header;
use crate::serve::reply::{HttpError, Reply};
use crate::serve::sparql::evaluation_error;
use crate::store::GraphStore;
use crate::vocab::{skos, LABELS_GRAPH};
use axum::http::StatusCode;
use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Term};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator, Variable};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// A query about one node, from `web/node/<name>.rq`.
#[derive(Debug, Clone, Copy)]
pub struct NodeQuery {
    /// The file name without `.rq`.
    pub name: &'static str,
    /// The SPARQL text, header included.
    pub text: &'static str,
}

macro_rules! node_queries {
    ($($name:literal),* $(,)?) => {
        &[$(NodeQuery { name: $name, text: include_str!(concat!("../../web/node/", $name, ".rq")) }),*]
    };
}

/// The tables of a node page, in the order the page shows them.
pub const SECTIONS: &[NodeQuery] = node_queries![
    "person-offices",
    "person-delegations",
    "person-meetings",
    "meeting-delegations",
    "meeting-agreements",
    "evidence",
    "properties",
];

/// The links of a node, for the picture.
pub const LINKS: NodeQuery = NodeQuery {
    name: "links",
    text: include_str!("../../web/node/links.rq"),
};

/// The most names or IRIs one lookup takes.
pub const LOOKUP_LIMIT: usize = 5000;

/// What a table cell or a link holds, as the page reads it.
fn cell(term: Option<&Term>) -> Value {
    match term {
        None => Value::Null,
        Some(Term::NamedNode(node)) => json!({"type": "uri", "value": node.as_str()}),
        Some(Term::Literal(literal)) => json!({"type": "literal", "value": literal.value()}),
        Some(other) => json!({"type": "bnode", "value": other.to_string()}),
    }
}

/// Runs a node query with `?node` bound to `node`: its columns (from the
/// header) and rows.
fn run(
    store: &GraphStore,
    query: &NodeQuery,
    node: &NamedNode,
    token: &CancellationToken,
) -> Result<(Vec<String>, Vec<Vec<Value>>), HttpError> {
    let broken = |message: String| {
        HttpError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("built-in query web/node/{}.rq: {message}", query.name),
        )
    };
    let mut prepared = SparqlEvaluator::new()
        .with_cancellation_token(token.clone())
        .parse_query(query.text)
        .map_err(|e| broken(e.to_string()))?;
    prepared.dataset_mut().set_default_graph_as_union();
    let results = prepared
        .substitute_variable(Variable::new_unchecked("node"), node.clone())
        .on_store(store.oxigraph())
        .execute()
        .map_err(evaluation_error)?;
    let QueryResults::Solutions(solutions) = results else {
        return Err(broken("not a SELECT".into()));
    };
    let columns = Header::parse(query.text).columns;
    let variables: Vec<Variable> = columns.iter().map(Variable::new_unchecked).collect();
    let mut rows = Vec::new();
    for solution in solutions {
        let solution = solution.map_err(evaluation_error)?;
        rows.push(variables.iter().map(|v| cell(solution.get(v))).collect());
    }
    Ok((columns, rows))
}

/// The page of the node `iri` as JSON: its label and types, the tables
/// that have rows, its links and the labels of every IRI in them.
pub fn view(store: &GraphStore, iri: &str, token: &CancellationToken) -> Result<Reply, HttpError> {
    let node = NamedNode::new(iri)
        .map_err(|e| HttpError::bad_request(format!("bad node IRI <{iri}>: {e}")))?;
    if !mentioned(store, node.as_ref())? {
        return Err(HttpError::not_found(format!("no node {node} in the store")));
    }
    let mut iris = BTreeSet::from([node.as_str().to_owned()]);
    let mut types = Vec::new();
    for quad in
        store
            .oxigraph()
            .quads_for_pattern(Some(node.as_ref().into()), Some(rdf::TYPE), None, None)
    {
        if let Term::NamedNode(class) = quad.map_err(read_failed)?.object {
            if !types.contains(&class.as_str().to_owned()) {
                types.push(class.into_string());
            }
        }
    }
    types.sort();
    iris.extend(types.iter().cloned());
    let mut sections = Vec::new();
    for query in SECTIONS {
        let (columns, rows) = run(store, query, &node, token)?;
        if rows.is_empty() {
            continue;
        }
        collect_iris(&rows, &mut iris);
        let header = Header::parse(query.text);
        sections.push(json!({
            "name": query.name,
            "title": header.title,
            "description": header.description,
            "columns": columns,
            "rows": rows,
        }));
    }
    let (columns, rows) = run(store, &LINKS, &node, token)?;
    collect_iris(&rows, &mut iris);
    let links: Vec<Value> = rows
        .into_iter()
        .map(|row| {
            let fields = columns.iter().cloned().zip(row);
            Value::Object(fields.collect::<Map<String, Value>>())
        })
        .collect();
    let labels = labels(store, &iris)?;
    let body = json!({
        "iri": node.as_str(),
        "label": labels.get(node.as_str()),
        "types": types,
        "sections": sections,
        "links": links,
        "labels": labels,
    });
    Ok(Reply {
        content_type: "application/json",
        body: body.to_string().into_bytes(),
    })
}

/// Whether the store says anything of `node` or with it as the object.
fn mentioned(store: &GraphStore, node: NamedNodeRef<'_>) -> Result<bool, HttpError> {
    let store = store.oxigraph();
    if let Some(quad) = store
        .quads_for_pattern(Some(node.into()), None, None, None)
        .next()
    {
        quad.map_err(read_failed)?;
        return Ok(true);
    }
    match store
        .quads_for_pattern(None, None, Some(node.into()), None)
        .next()
    {
        Some(quad) => quad.map(|_| true).map_err(read_failed),
        None => Ok(false),
    }
}

/// Adds the IRIs among the cells to `iris`.
fn collect_iris(rows: &[Vec<Value>], iris: &mut BTreeSet<String>) {
    for value in rows.iter().flatten() {
        if value["type"] == "uri" {
            if let Some(iri) = value["value"].as_str() {
                iris.insert(iri.to_owned());
            }
        }
    }
}

fn read_failed(error: oxigraph::store::StorageError) -> HttpError {
    HttpError::store(format!("reading the store failed: {error}"))
}

/// The label of each IRI that has one: its `skos:prefLabel` in the labels
/// graph (the spelling most articles use), else any `skos:prefLabel`, else
/// its `rdfs:label`.
pub fn labels(
    store: &GraphStore,
    iris: &BTreeSet<String>,
) -> Result<BTreeMap<String, String>, HttpError> {
    let mut labels = BTreeMap::new();
    for iri in iris {
        let Ok(node) = NamedNodeRef::new(iri) else {
            continue;
        };
        let places = [
            (
                skos::PREF_LABEL,
                Some(GraphNameRef::NamedNode(LABELS_GRAPH)),
            ),
            (skos::PREF_LABEL, None),
            (rdfs::LABEL, None),
        ];
        'places: for (predicate, graph) in places {
            for quad in
                store
                    .oxigraph()
                    .quads_for_pattern(Some(node.into()), Some(predicate), None, graph)
            {
                if let Term::Literal(label) = quad.map_err(read_failed)?.object {
                    labels.insert(iri.clone(), label.value().to_owned());
                    break 'places;
                }
            }
        }
    }
    Ok(labels)
}

/// The one node whose `skos:prefLabel` is `text` (plain or English), if
/// exactly one has it.
pub fn named(store: &GraphStore, text: &str) -> Result<Option<String>, HttpError> {
    let mut found = BTreeSet::new();
    for label in [
        Literal::new_simple_literal(text),
        Literal::new_language_tagged_literal_unchecked(text, "en"),
    ] {
        for quad in store.oxigraph().quads_for_pattern(
            None,
            Some(skos::PREF_LABEL),
            Some(label.as_ref().into()),
            None,
        ) {
            if let NamedOrBlankNode::NamedNode(node) = quad.map_err(read_failed)?.subject {
                found.insert(node.into_string());
            }
        }
    }
    Ok(match found.len() {
        1 => found.pop_first(),
        _ => None,
    })
}

/// What the page asks to look up: IRIs to label, names to link.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Lookup {
    /// IRIs whose labels are wanted.
    #[serde(default)]
    pub iris: Vec<String>,
    /// Names (literal values in a table) whose node is wanted.
    #[serde(default)]
    pub labels: Vec<String>,
}

/// Answers a [`Lookup`]: `{"labels": {IRI: label}, "nodes": {name: IRI}}`.
pub fn resolve(store: &GraphStore, lookup: &Lookup) -> Result<Reply, HttpError> {
    if lookup.iris.len() + lookup.labels.len() > LOOKUP_LIMIT {
        return Err(HttpError::bad_request(format!(
            "look up at most {LOOKUP_LIMIT} IRIs and names at once"
        )));
    }
    let iris: BTreeSet<String> = lookup.iris.iter().cloned().collect();
    let labels = labels(store, &iris)?;
    let mut nodes = BTreeMap::new();
    for text in lookup.labels.iter().collect::<BTreeSet<_>>() {
        if let Some(iri) = named(store, text)? {
            nodes.insert(text.clone(), iri);
        }
    }
    Ok(Reply {
        content_type: "application/json",
        body: json!({"labels": labels, "nodes": nodes})
            .to_string()
            .into_bytes(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded() -> (tempfile::TempDir, GraphStore) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = GraphStore::open(dir.path()).expect("open");
        store
            .replace_articles(&[crate::mapping::tests::sample()])
            .expect("load");
        (dir, store)
    }

    fn json(reply: Reply) -> Value {
        serde_json::from_slice(&reply.body).expect("json")
    }

    /// The first node of `class` in the store.
    fn first(store: &GraphStore, class: NamedNodeRef<'_>) -> NamedNode {
        first_with(store, rdf::TYPE, Some(class.into()))
    }

    /// The subject of the first triple with `predicate` (and `object`).
    fn first_with(
        store: &GraphStore,
        predicate: NamedNodeRef<'_>,
        object: Option<oxigraph::model::TermRef<'_>>,
    ) -> NamedNode {
        let quad = store
            .oxigraph()
            .quads_for_pattern(None, Some(predicate), object, None)
            .next()
            .expect("one node of the class")
            .expect("read");
        match quad.subject {
            NamedOrBlankNode::NamedNode(node) => node,
            other => panic!("blank node {other}"),
        }
    }

    fn section_names(view: &Value) -> Vec<&str> {
        view["sections"]
            .as_array()
            .expect("sections")
            .iter()
            .map(|s| s["name"].as_str().expect("name"))
            .collect()
    }

    #[test]
    fn every_node_query_has_its_header_and_selects_node_first() {
        let mut names: Vec<&str> = SECTIONS.iter().map(|q| q.name).collect();
        names.push(LINKS.name);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("web/node");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .expect("web/node exists")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut listed: Vec<String> = names.iter().map(|n| format!("{n}.rq")).collect();
        listed.sort();
        assert_eq!(files, listed, "every file in web/node is listed and back");
        let (_dir, store) = loaded();
        for query in SECTIONS.iter().chain([&LINKS]) {
            let header = Header::parse(query.text);
            assert!(!header.title.is_empty(), "{}", query.name);
            assert!(!header.description.is_empty(), "{}", query.name);
            let prepared = SparqlEvaluator::new()
                .parse_query(query.text)
                .unwrap_or_else(|e| panic!("{} parses: {e}", query.name));
            let QueryResults::Solutions(solutions) =
                prepared.on_store(store.oxigraph()).execute().expect("runs")
            else {
                panic!("{} is not a SELECT", query.name);
            };
            let variables: Vec<&str> = solutions.variables().iter().map(Variable::as_str).collect();
            assert_eq!(variables[0], "node", "{}", query.name);
            assert_eq!(variables[1..], header.columns, "{}: # columns", query.name);
        }
    }

    #[test]
    fn a_person_shows_offices_delegations_and_meetings() {
        let (_dir, store) = loaded();
        let person = first_with(&store, crate::vocab::dg::LEADS, None);
        let view = json(view(&store, person.as_str(), &CancellationToken::new()).expect("view"));
        assert_eq!(view["iri"], person.as_str());
        assert!(view["label"].is_string(), "{view}");
        assert!(view["types"]
            .as_array()
            .expect("types")
            .contains(&json!(crate::vocab::dg::PERSON.as_str())));
        let names = section_names(&view);
        assert!(names.contains(&"person-delegations"), "{names:?}");
        assert!(names.contains(&"person-meetings"), "{names:?}");
        assert!(!names.contains(&"meeting-agreements"), "{names:?}");
        let links = view["links"].as_array().expect("links");
        assert!(!links.is_empty());
        for link in links {
            let other = link["other"]["value"].as_str().expect("an IRI");
            assert!(
                view["labels"].get(other).is_some()
                    || !other.starts_with(crate::vocab::DATA_NAMESPACE),
                "{other} is labelled"
            );
        }
    }

    #[test]
    fn a_meeting_shows_delegations_and_evidence_with_articles() {
        let (_dir, store) = loaded();
        let meeting = first(&store, crate::vocab::dg::MEETING);
        let view = json(view(&store, meeting.as_str(), &CancellationToken::new()).expect("view"));
        let names = section_names(&view);
        assert!(names.contains(&"meeting-delegations"), "{names:?}");
        let evidence = view["sections"]
            .as_array()
            .expect("sections")
            .iter()
            .find(|s| s["name"] == "evidence")
            .expect("evidence");
        assert_eq!(evidence["columns"][0], "article");
        let row = &evidence["rows"][0];
        assert_eq!(row[0]["type"], "uri", "the article is a link");
        assert!(!row[2]["value"].as_str().expect("text").is_empty());
    }

    #[test]
    fn an_unknown_or_bad_node_is_404_or_400() {
        let (_dir, store) = loaded();
        let token = CancellationToken::new();
        let unknown = view(&store, "http://example.com/nobody", &token).expect_err("unknown");
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        let bad = view(&store, "not an iri", &token).expect_err("bad");
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    }

    #[test]
    fn names_resolve_to_their_one_node_and_iris_to_labels() {
        let (_dir, store) = loaded();
        let person = first(&store, crate::vocab::dg::PERSON);
        let name = labels(&store, &BTreeSet::from([person.as_str().to_owned()]))
            .expect("labels")
            .remove(person.as_str())
            .expect("the person has a label");
        let lookup = Lookup {
            iris: vec![person.as_str().to_owned(), "no iri".into()],
            labels: vec![name.clone(), "nobody by this name".into()],
        };
        let answer = json(resolve(&store, &lookup).expect("resolves"));
        assert_eq!(answer["labels"][person.as_str()], name.as_str());
        assert_eq!(answer["nodes"][name.as_str()], person.as_str());
        assert!(answer["nodes"].get("nobody by this name").is_none());
        let too_many = Lookup {
            labels: vec![String::new(); LOOKUP_LIMIT + 1],
            ..Lookup::default()
        };
        assert_eq!(
            resolve(&store, &too_many).expect_err("refused").status,
            StatusCode::BAD_REQUEST
        );
    }
}
