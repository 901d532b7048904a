//! Saved queries and running SPARQL: the `queries/*.rq` files built into the
//! binary, the header each starts with, evaluation over the union of all
//! graphs, and writing results as a table, CSV, TSV, JSON or XML (solutions),
//! Turtle or N-Triples (graphs), or true/false (ASK).

use crate::error::{Error, Result};
use crate::store::GraphStore;
use crate::vocab::PREFIXES;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Term, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    CancellationToken, QueryEvaluationError, QueryResults, QuerySolution, SparqlEvaluator, Variable,
};
use std::collections::BTreeMap;
use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;

/// A query built into the binary from `queries/<name>.rq`.
#[derive(Debug, Clone, Copy)]
pub struct SavedQuery {
    /// The name `delegraph query` takes (the file name without `.rq`).
    pub name: &'static str,
    /// The SPARQL text, header included.
    pub text: &'static str,
}

macro_rules! saved {
    ($($name:literal),* $(,)?) => {
        &[$(SavedQuery { name: $name, text: include_str!(concat!("../queries/", $name, ".rq")) }),*]
    };
}

/// Every saved query, sorted by name (a test keeps it sorted and in step
/// with the `queries/` directory).
pub const SAVED: &[SavedQuery] = saved![
    "agreements",
    "delegation-leaders",
    "delegation-members",
    "evidence",
    "meetings",
    "people",
    "person-roles",
    "timeline",
];

/// The saved query called `name`.
pub fn find(name: &str) -> Option<&'static SavedQuery> {
    SAVED.iter().find(|q| q.name == name)
}

/// What a query's leading `# key: value` comment lines say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// `# title:`, a few words.
    pub title: String,
    /// `# description:`, one line.
    pub description: String,
    /// `# columns:`, the SELECT variables in order, without `?`.
    pub columns: Vec<String>,
}

impl Header {
    /// Reads the header of a query: the `# title:`, `# description:` and
    /// `# columns:` lines among the comment lines it starts with.
    pub fn parse(text: &str) -> Self {
        let mut header = Header::default();
        for line in text.lines().map(str::trim) {
            let Some(comment) = line.strip_prefix('#') else {
                if line.is_empty() {
                    continue;
                }
                break;
            };
            let Some((key, value)) = comment.split_once(':') else {
                continue;
            };
            let value = value.trim();
            match key.trim() {
                "title" => header.title = value.to_owned(),
                "description" => header.description = value.to_owned(),
                "columns" => header.columns = value.split_whitespace().map(str::to_owned).collect(),
                _ => {}
            }
        }
        header
    }
}

impl SavedQuery {
    /// The query's header.
    pub fn header(&self) -> Header {
        Header::parse(self.text)
    }
}

/// How query results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ResultsFormat {
    /// Aligned columns for a terminal (Turtle for CONSTRUCT and DESCRIBE).
    #[default]
    Table,
    /// SPARQL 1.1 CSV: plain values, empty when unbound.
    Csv,
    /// SPARQL 1.1 TSV: values in N-Triples syntax.
    Tsv,
    /// SPARQL 1.1 JSON results.
    Json,
    /// SPARQL XML results.
    Xml,
    /// Turtle, for CONSTRUCT and DESCRIBE.
    Turtle,
    /// N-Triples, for CONSTRUCT and DESCRIBE.
    Ntriples,
}

impl ResultsFormat {
    fn results_format(self) -> Option<QueryResultsFormat> {
        match self {
            ResultsFormat::Csv => Some(QueryResultsFormat::Csv),
            ResultsFormat::Tsv => Some(QueryResultsFormat::Tsv),
            ResultsFormat::Json => Some(QueryResultsFormat::Json),
            ResultsFormat::Xml => Some(QueryResultsFormat::Xml),
            ResultsFormat::Table | ResultsFormat::Turtle | ResultsFormat::Ntriples => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            ResultsFormat::Table => "table",
            ResultsFormat::Csv => "csv",
            ResultsFormat::Tsv => "tsv",
            ResultsFormat::Json => "json",
            ResultsFormat::Xml => "xml",
            ResultsFormat::Turtle => "turtle",
            ResultsFormat::Ntriples => "ntriples",
        }
    }
}

/// Parses `text` and evaluates it on `store`. Without FROM or FROM NAMED the
/// default graph is the union of all graphs (every article, the ontology and
/// the labels). `name` (a saved query's name, a file, `--sparql`) is used in
/// errors.
pub fn evaluate<'a>(
    store: &GraphStore,
    name: &str,
    text: &str,
    token: &CancellationToken,
) -> Result<QueryResults<'a>> {
    let mut prepared = SparqlEvaluator::new()
        .with_cancellation_token(token.clone())
        .parse_query(text)
        .map_err(|e| Error::QuerySyntax {
            name: name.to_owned(),
            message: one_line(&e.to_string()),
        })?;
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    prepared
        .on_store(store.oxigraph())
        .execute()
        .map_err(|e| Error::QueryEvaluation {
            name: name.to_owned(),
            message: e.to_string(),
        })
}

/// Bounds on one query run: a time limit and a cap on results (rows for
/// SELECT, triples for CONSTRUCT and DESCRIBE).
#[derive(Debug, Clone, Copy, Default)]
pub struct Limits {
    /// Stop the query after this long.
    pub timeout: Option<Duration>,
    /// Refuse more results than this.
    pub max_results: Option<usize>,
}

/// Cancels `token` when `limit` passes, unless the returned guard is
/// dropped first (the query finished).
fn watchdog(token: &CancellationToken, limit: Option<Duration>) -> Option<mpsc::Sender<()>> {
    let limit = limit?;
    let (done, finished) = mpsc::channel::<()>();
    let token = token.clone();
    std::thread::spawn(move || {
        if let Err(mpsc::RecvTimeoutError::Timeout) = finished.recv_timeout(limit) {
            token.cancel();
        }
    });
    Some(done)
}

/// Runs a query within `limits` and writes its results to `out` in
/// `format`. `target` names the output in errors.
pub fn run(
    store: &GraphStore,
    name: &str,
    text: &str,
    format: ResultsFormat,
    limits: Limits,
    out: &mut dyn Write,
    target: &str,
) -> Result<()> {
    let token = CancellationToken::new();
    let _guard = watchdog(&token, limits.timeout);
    let timed_out = || Error::QueryTimeout {
        name: name.to_owned(),
        seconds: limits.timeout.map_or(0.0, |d| d.as_secs_f64()),
    };
    let results = match evaluate(store, name, text, &token) {
        Err(Error::QueryEvaluation { .. }) if token.is_cancelled() => return Err(timed_out()),
        other => other?,
    };
    let failed = |e: oxigraph::sparql::QueryEvaluationError| match e {
        QueryEvaluationError::Cancelled => timed_out(),
        e => Error::QueryEvaluation {
            name: name.to_owned(),
            message: e.to_string(),
        },
    };
    let capped = |count: usize| match limits.max_results {
        Some(max) if count > max => Err(Error::TooManyResults {
            name: name.to_owned(),
            max,
        }),
        _ => Ok(()),
    };
    let write_error = |source| Error::Write {
        target: target.to_owned(),
        source,
    };
    let mismatch = |kind: &str, allowed: &str| Error::Usage {
        message: format!(
            "--format {} does not apply to {kind} results; use {allowed}",
            format.name()
        ),
    };
    match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for row in solutions {
                rows.push(row.map_err(failed)?);
                capped(rows.len())?;
            }
            match format.results_format() {
                Some(results_format) => {
                    let mut serializer = QueryResultsSerializer::from_format(results_format)
                        .serialize_solutions_to_writer(&mut *out, variables)
                        .map_err(write_error)?;
                    for row in &rows {
                        serializer.serialize(row).map_err(write_error)?;
                    }
                    serializer.finish().map_err(write_error)?;
                }
                None if format == ResultsFormat::Table => {
                    write_table(out, &variables, &rows).map_err(write_error)?;
                }
                None => return Err(mismatch("SELECT", "table, csv, tsv, json or xml")),
            }
        }
        QueryResults::Boolean(value) => match format.results_format() {
            Some(results_format) => {
                QueryResultsSerializer::from_format(results_format)
                    .serialize_boolean_to_writer(&mut *out, value)
                    .map_err(write_error)?;
            }
            None if format == ResultsFormat::Table => {
                writeln!(out, "{value}").map_err(write_error)?
            }
            None => return Err(mismatch("ASK", "table, csv, tsv, json or xml")),
        },
        QueryResults::Graph(triples) => {
            let rdf_format = match format {
                ResultsFormat::Table | ResultsFormat::Turtle => RdfFormat::Turtle,
                ResultsFormat::Ntriples => RdfFormat::NTriples,
                _ => return Err(mismatch("CONSTRUCT and DESCRIBE", "turtle or ntriples")),
            };
            // Sorted and without duplicates, like every output of delegraph.
            let mut sorted = BTreeMap::new();
            for triple in triples {
                let triple: Triple = triple.map_err(failed)?;
                sorted.insert(triple.to_string(), triple);
                capped(sorted.len())?;
            }
            write_triples(&mut *out, rdf_format, sorted.values()).map_err(write_error)?;
        }
    }
    out.flush().map_err(write_error)
}

/// Writes `triples` in `format`, in the order given, with the ontology's
/// prefixes where the format has prefixes.
pub fn write_triples<'a>(
    out: &mut dyn Write,
    format: RdfFormat,
    triples: impl IntoIterator<Item = &'a Triple>,
) -> std::io::Result<()> {
    let mut serializer = RdfSerializer::from_format(format);
    for (prefix, iri) in PREFIXES {
        // The prefixes are checked by a test in `vocab`.
        serializer = serializer.with_prefix(*prefix, *iri).map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("bad built-in prefix {prefix}: {e}"),
            )
        })?;
    }
    let mut writer = serializer.for_writer(out);
    for triple in triples {
        writer.serialize_triple(triple)?;
    }
    writer.finish()?;
    Ok(())
}

/// The parser's message on one line.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A term as the table shows it: a literal's value, an IRI shortened with a
/// known prefix (or in `<>`), a blank node as `_:id`.
fn cell(term: Option<&Term>) -> String {
    let text = match term {
        None => String::new(),
        Some(Term::Literal(literal)) => literal.value().to_owned(),
        Some(Term::NamedNode(node)) => PREFIXES
            .iter()
            .find_map(|(prefix, iri)| {
                let local = node.as_str().strip_prefix(iri)?;
                let plain = local
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                plain.then(|| format!("{prefix}:{local}"))
            })
            .unwrap_or_else(|| format!("<{}>", node.as_str())),
        Some(other) => other.to_string(),
    };
    // One line per row, whatever the value holds.
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Writes solutions as aligned columns under a header and a rule.
fn write_table(
    out: &mut dyn Write,
    variables: &[Variable],
    rows: &[QuerySolution],
) -> std::io::Result<()> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| variables.iter().map(|v| cell(row.get(v))).collect())
        .collect();
    let mut widths: Vec<usize> = variables
        .iter()
        .map(|v| v.as_str().chars().count())
        .collect();
    for row in &cells {
        for (width, value) in widths.iter_mut().zip(row) {
            *width = (*width).max(value.chars().count());
        }
    }
    let line =
        |out: &mut dyn Write, values: &mut dyn Iterator<Item = &str>| -> std::io::Result<()> {
            let mut text = String::new();
            for (i, (value, width)) in values.zip(&widths).enumerate() {
                if i > 0 {
                    text.push_str("  ");
                }
                text.push_str(value);
                text.extend(std::iter::repeat_n(' ', width - value.chars().count()));
            }
            writeln!(out, "{}", text.trim_end())
        };
    line(out, &mut variables.iter().map(Variable::as_str))?;
    let rules: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(out, &mut rules.iter().map(String::as_str))?;
    for row in &cells {
        line(out, &mut row.iter().map(String::as_str))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The columns the evaluation contract (FORMAT.md) fixes.
    const CONTRACT: &[(&str, &str)] = &[
        ("delegation-leaders", "date place country leader"),
        ("delegation-members", "date place country person"),
        ("meetings", "date place venue kind chair"),
        ("agreements", "date place kind quantity"),
        ("person-roles", "person role country"),
    ];

    fn loaded_store() -> (tempfile::TempDir, GraphStore) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = GraphStore::open(dir.path()).expect("open");
        store
            .replace_articles(&[crate::mapping::tests::sample()])
            .expect("load");
        (dir, store)
    }

    fn csv(store: &GraphStore, name: &str, text: &str) -> String {
        let mut out = Vec::new();
        run(
            store,
            name,
            text,
            ResultsFormat::Csv,
            Limits::default(),
            &mut out,
            "test",
        )
        .expect("query runs");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn saved_queries_are_sorted_and_match_the_directory() {
        let names: Vec<&str> = SAVED.iter().map(|q| q.name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
        // (folders such as queries/lifecycle hold the commands' own queries)
        let files: BTreeSet<String> = std::fs::read_dir(&dir)
            .expect("queries/ exists")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.is_file())
            .map(|p| {
                p.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        let listed: BTreeSet<String> = names.iter().map(|n| format!("{n}.rq")).collect();
        assert_eq!(files, listed, "every file in queries/ is in SAVED and back");
    }

    #[test]
    fn every_saved_query_has_a_header_ordering_and_its_columns() {
        let (_dir, store) = loaded_store();
        for query in SAVED {
            let header = query.header();
            assert!(!header.title.is_empty(), "{}: title", query.name);
            assert!(
                !header.description.is_empty(),
                "{}: description",
                query.name
            );
            assert!(!header.description.contains('\n'), "{}", query.name);
            let last = query.text.trim_end().lines().last().unwrap_or_default();
            assert!(
                last.starts_with("ORDER BY"),
                "{} ends with ORDER BY",
                query.name
            );
            let QueryResults::Solutions(solutions) =
                evaluate(&store, query.name, query.text, &CancellationToken::new()).expect("runs")
            else {
                panic!("{} is not a SELECT", query.name);
            };
            let variables: Vec<&str> = solutions.variables().iter().map(Variable::as_str).collect();
            assert_eq!(
                variables, header.columns,
                "{}: # columns vs SELECT",
                query.name
            );
        }
    }

    #[test]
    fn the_contract_queries_have_the_contract_columns() {
        for (name, columns) in CONTRACT {
            let query = find(name).unwrap_or_else(|| panic!("{name} is saved"));
            assert_eq!(query.header().columns.join(" "), *columns, "{name}");
        }
    }

    #[test]
    fn saved_queries_return_plain_literals_only() {
        let (_dir, store) = loaded_store();
        for query in SAVED {
            let QueryResults::Solutions(solutions) =
                evaluate(&store, query.name, query.text, &CancellationToken::new()).expect("runs")
            else {
                panic!("{} is not a SELECT", query.name);
            };
            for row in solutions {
                for (variable, term) in row.expect("row").iter() {
                    let Term::Literal(literal) = term else {
                        panic!("{}: ?{variable} is {term}, not a literal", query.name);
                    };
                    assert_eq!(
                        literal.datatype(),
                        oxigraph::model::vocab::xsd::STRING,
                        "{}: ?{variable} = {literal}",
                        query.name
                    );
                }
            }
        }
    }

    /// Hand-checked rows for the sample article of `mapping::tests`.
    #[test]
    fn the_sample_article_gives_the_expected_rows() {
        let (_dir, store) = loaded_store();
        let expected = [
            ("delegation-leaders", "date,place,country,leader\r\n2025-05-16,Istanbul,Russia,Vladimir Medinsky\r\n"),
            (
                "delegation-members",
                "date,place,country,person\r\n2025-05-16,Istanbul,Russia,Ivan Petrov\r\n2025-05-16,Istanbul,Russia,Vladimir Medinsky\r\n",
            ),
            ("meetings", "date,place,venue,kind,chair\r\n2025-05-16,Istanbul,Dolmabahçe Palace,talks,Hakan Fidan\r\n"),
            ("agreements", "date,place,kind,quantity\r\n2025-05-16,Istanbul,prisoner exchange,1000\r\n"),
            ("person-roles", "person,role,country\r\nVladimir Medinsky,Presidential Aide,Russia\r\n"),
        ];
        for (name, rows) in expected {
            let query = find(name).expect("saved");
            assert_eq!(csv(&store, name, query.text), rows, "{name}");
        }
    }

    #[test]
    fn a_syntax_error_names_the_position_on_one_line() {
        let (_dir, store) = loaded_store();
        let Err(error) = evaluate(
            &store,
            "--sparql",
            "SELECT ?x WHERE { ?x ?y }",
            &CancellationToken::new(),
        ) else {
            panic!("bad SPARQL parsed");
        };
        let message = error.to_string();
        assert!(matches!(error, Error::QuerySyntax { .. }), "{message}");
        assert!(message.contains("1:"), "{message}");
        assert!(!message.contains('\n'), "{message}");
    }

    #[test]
    fn a_query_over_its_cap_is_refused_whole() {
        let (_dir, store) = loaded_store();
        let mut out = Vec::new();
        let limits = Limits {
            timeout: None,
            max_results: Some(2),
        };
        let text = "SELECT ?s WHERE { ?s ?p ?o }";
        let error = run(
            &store,
            "all",
            text,
            ResultsFormat::Csv,
            limits,
            &mut out,
            "test",
        );
        assert!(
            matches!(error, Err(Error::TooManyResults { max: 2, .. })),
            "{error:?}"
        );
        assert!(out.is_empty(), "nothing is printed of a refused query");
    }

    #[test]
    fn ask_and_construct_print_their_own_formats() {
        let (_dir, store) = loaded_store();
        let mut out = Vec::new();
        run(
            &store,
            "ask",
            "ASK { ?s ?p ?o }",
            ResultsFormat::Table,
            Limits::default(),
            &mut out,
            "test",
        )
        .expect("ask");
        assert_eq!(out, b"true\n");
        let mut out = Vec::new();
        let construct = "CONSTRUCT { ?s a ?c } WHERE { ?s a ?c } LIMIT 3";
        run(
            &store,
            "construct",
            construct,
            ResultsFormat::Ntriples,
            Limits::default(),
            &mut out,
            "test",
        )
        .expect("construct");
        assert_eq!(String::from_utf8(out).expect("utf-8").lines().count(), 3);
        let error = run(
            &store,
            "construct",
            construct,
            ResultsFormat::Csv,
            Limits::default(),
            &mut Vec::new(),
            "test",
        );
        assert!(matches!(error, Err(Error::Usage { .. })));
    }

    #[test]
    fn headers_parse_from_leading_comments_only() {
        let header = Header::parse(
            "# title: T\n# description: D d\n# columns: a b\n\nSELECT * {}\n# columns: c\n",
        );
        assert_eq!(
            header,
            Header {
                title: "T".into(),
                description: "D d".into(),
                columns: vec!["a".into(), "b".into()]
            }
        );
    }
}
