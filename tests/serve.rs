//! End-to-end tests of `delegraph serve`: each test builds a store from
//! `data/sample`, starts the binary on an ephemeral loopback port, and talks
//! to it with a real HTTP client (ureq) or a headless browser (Chromium).
//!
//! Checks are about the protocol (statuses, media types, headers, that
//! bodies parse); the few that depend on what the extractor finds in
//! `data/sample` say so in their name (`extraction_`).

use oxigraph::io::{RdfFormat, RdfParser};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const LEADERS: &str = "delegation-leaders";

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample")
}

fn delegraph(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_delegraph"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let output = delegraph(dir, args);
    assert!(
        output.status.success(),
        "delegraph {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

/// A temporary directory with a store at `store` built from `paths`
/// (relative to `data/sample`; all of it when empty).
fn built_from(paths: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut args = vec!["build".to_owned(), "--store".into(), "store".into()];
    if paths.is_empty() {
        args.push(sample().display().to_string());
    }
    for path in paths {
        args.push(sample().join(path).display().to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(dir.path(), &args);
    dir
}

fn built() -> tempfile::TempDir {
    built_from(&[])
}

/// A running `delegraph serve`, stopped when dropped.
struct Server {
    child: Child,
    base: String,
    log: Arc<Mutex<String>>,
}

impl Server {
    /// Starts the server on the store in `dir` on a free loopback port and
    /// waits for the line saying where it listens.
    fn start(dir: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_delegraph"))
            .current_dir(dir)
            .args(["serve", "--store", "store", "--bind", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the server starts");
        let stderr = child.stderr.take().expect("stderr");
        let mut lines = BufReader::new(stderr).lines();
        let mut seen = String::new();
        let base = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    seen.push_str(&line);
                    seen.push('\n');
                    if let Some(at) = line.find("http://") {
                        let url = line[at..].split_whitespace().next().unwrap_or_default();
                        break url.trim_end_matches('/').to_owned();
                    }
                }
                _ => {
                    let _ = child.wait();
                    panic!("the server stopped before listening:\n{seen}");
                }
            }
        };
        // Keep draining standard error so the server never blocks on it.
        let log = Arc::new(Mutex::new(seen));
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                if let Ok(mut log) = sink.lock() {
                    log.push_str(&line);
                    log.push('\n');
                }
            }
        });
        Server { child, base, log }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A client that reports every status instead of failing on 4xx and 5xx.
fn client() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

/// What a test looks at in a response.
#[derive(Debug)]
struct Answer {
    status: u16,
    content_type: String,
    headers: ureq::http::HeaderMap,
    body: String,
}

fn answer(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut response = response.expect("the server answers");
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let headers = response.headers().clone();
    let status = response.status().as_u16();
    let body = response
        .body_mut()
        .with_config()
        .limit(64 << 20)
        .read_to_string()
        .expect("a text body");
    Answer {
        status,
        content_type,
        headers,
        body,
    }
}

fn get(server: &Server, path: &str, accept: Option<&str>) -> Answer {
    let mut request = client().get(server.url(path));
    if let Some(accept) = accept {
        request = request.header("Accept", accept);
    }
    answer(request.call())
}

/// `GET /sparql?query=...`.
fn query(server: &Server, text: &str, accept: &str) -> Answer {
    answer(
        client()
            .get(server.url("/sparql"))
            .query("query", text)
            .header("Accept", accept)
            .call(),
    )
}

fn saved(name: &str) -> &'static str {
    delegraph::query::find(name).expect("a saved query").text
}

/// An error answer: its status, plain text, one line.
fn assert_error(answer: &Answer, status: u16) {
    assert_eq!(answer.status, status, "{answer:?}");
    assert!(answer.content_type.starts_with("text/plain"), "{answer:?}");
    assert_eq!(answer.body.trim_end().lines().count(), 1, "{answer:?}");
}

fn parse_rdf(format: RdfFormat, text: &str) -> usize {
    RdfParser::from_format(format)
        .for_slice(text)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{format} parses back: {e}\n{text}"))
        .len()
}

mod endpoint {
    use super::*;

    #[test]
    fn select_results_come_in_each_negotiated_type() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let cases = [
            (
                "application/sparql-results+json",
                "application/sparql-results+json",
            ),
            (
                "application/sparql-results+xml",
                "application/sparql-results+xml",
            ),
            ("text/csv", "text/csv"),
            ("text/tab-separated-values", "text/tab-separated-values"),
            ("application/json", "application/sparql-results+json"),
        ];
        for (accept, expected) in cases {
            let answer = query(&server, saved(LEADERS), accept);
            assert_eq!(answer.status, 200, "{accept}: {answer:?}");
            assert!(
                answer.content_type.starts_with(expected),
                "{accept}: {answer:?}"
            );
            assert_eq!(
                answer.headers.get("vary").and_then(|v| v.to_str().ok()),
                Some("Accept")
            );
            match expected {
                "application/sparql-results+json" => {
                    let json: serde_json::Value =
                        serde_json::from_str(&answer.body).expect("JSON results");
                    assert_eq!(
                        json["head"]["vars"],
                        serde_json::json!(["date", "place", "country", "leader"])
                    );
                }
                "application/sparql-results+xml" => {
                    assert!(answer.body.contains("<sparql"), "{}", answer.body);
                    assert!(answer.body.contains("<variable name=\"leader\"/>"));
                }
                "text/csv" => assert!(answer.body.starts_with("date,place,country,leader\r\n")),
                _ => assert!(answer
                    .body
                    .starts_with("?date\t?place\t?country\t?leader\n")),
            }
        }
        let default = answer(
            client()
                .get(server.url("/sparql"))
                .query("query", "ASK {}")
                .call(),
        );
        assert!(
            default
                .content_type
                .starts_with("application/sparql-results+json"),
            "no Accept: JSON, {default:?}"
        );
    }

    #[test]
    fn a_form_post_and_a_direct_post_answer_like_a_get() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let by_get = query(&server, saved(LEADERS), "text/csv");
        let by_form = answer(
            client()
                .post(server.url("/sparql"))
                .header("Accept", "text/csv")
                .send_form([("query", saved(LEADERS))]),
        );
        let by_body = answer(
            client()
                .post(server.url("/sparql"))
                .header("Accept", "text/csv")
                .header("Content-Type", "application/sparql-query")
                .send(saved(LEADERS)),
        );
        assert_eq!(by_get.status, 200);
        assert!(by_get.body.lines().count() > 1, "{}", by_get.body);
        assert_eq!(by_form.body, by_get.body);
        assert_eq!(by_body.body, by_get.body);
    }

    #[test]
    fn graphs_come_in_turtle_ntriples_jsonld_and_rdfxml() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let construct = "CONSTRUCT { ?s a ?c } WHERE { ?s a ?c }";
        let formats = [
            ("text/turtle", RdfFormat::Turtle),
            ("application/n-triples", RdfFormat::NTriples),
            (
                "application/ld+json",
                RdfFormat::from_media_type("application/ld+json").expect("JSON-LD"),
            ),
            ("application/rdf+xml", RdfFormat::RdfXml),
        ];
        let mut counts = Vec::new();
        for (accept, format) in formats {
            let answer = query(&server, construct, accept);
            assert_eq!(answer.status, 200, "{accept}: {answer:?}");
            assert!(answer.content_type.starts_with(accept), "{answer:?}");
            counts.push(parse_rdf(format, &answer.body));
        }
        assert!(counts[0] > 0);
        assert!(counts.iter().all(|n| *n == counts[0]), "{counts:?}");
        let describe = query(
            &server,
            "DESCRIBE <https://w3id.org/delegraph/ontology#Meeting>",
            "text/turtle",
        );
        assert_eq!(describe.status, 200);
        assert!(parse_rdf(RdfFormat::Turtle, &describe.body) > 0);
    }

    #[test]
    fn ask_answers_a_boolean() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let yes = query(
            &server,
            "ASK { ?s ?p ?o }",
            "application/sparql-results+json",
        );
        assert_eq!(yes.status, 200);
        let json: serde_json::Value = serde_json::from_str(&yes.body).expect("JSON");
        assert_eq!(json["boolean"], true);
    }

    #[test]
    fn default_and_named_graph_uris_make_the_dataset() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let count =
            "SELECT (COUNT(*) AS ?n) WHERE { ?m a <https://w3id.org/delegraph/ontology#Meeting> }";
        let union = query(&server, count, "text/csv");
        assert_ne!(union.body, "n\r\n0\r\n", "the union holds meetings");
        let ontology = "https://w3id.org/delegraph/ontology";
        let only_ontology = answer(
            client()
                .get(server.url("/sparql"))
                .query("query", count)
                .query("default-graph-uri", ontology)
                .header("Accept", "text/csv")
                .call(),
        );
        assert_eq!(only_ontology.body, "n\r\n0\r\n");
        let graphs = answer(
            client()
                .post(server.url("/sparql"))
                .header("Accept", "text/csv")
                .send_form([
                    (
                        "query",
                        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                    ),
                    ("named-graph-uri", ontology),
                ]),
        );
        assert_eq!(graphs.body, format!("g\r\n{ontology}\r\n"));
    }

    #[test]
    fn a_bad_query_is_400_with_the_parsers_line_and_column() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let bad = query(&server, "SELECT ?x WHERE {\n  ?x ?y\n}", "text/csv");
        assert_error(&bad, 400);
        assert!(bad.body.contains("does not parse"), "{}", bad.body);
        assert!(bad.body.contains("at 3:"), "line and column: {}", bad.body);
        let missing = get(&server, "/sparql", None);
        assert_error(&missing, 400);
        assert!(missing.body.contains("query"), "{}", missing.body);
    }

    #[test]
    fn an_unacceptable_type_is_406() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let select = query(
            &server,
            "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
            "text/turtle",
        );
        assert_error(&select, 406);
        assert!(
            select.body.contains("text/csv"),
            "names what is offered: {}",
            select.body
        );
        let construct = query(&server, "CONSTRUCT WHERE { ?s ?p ?o }", "text/csv");
        assert_error(&construct, 406);
        let graph = get(
            &server,
            "/store?default",
            Some("application/sparql-results+json"),
        );
        assert_error(&graph, 406);
    }

    #[test]
    fn a_wrong_method_is_405_with_allow() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let put = answer(client().put(server.url("/sparql")).send("ASK {}"));
        assert_error(&put, 405);
        assert_eq!(
            put.headers.get("allow").and_then(|v| v.to_str().ok()),
            Some("GET, POST")
        );
        let get_update = get(&server, "/update", None);
        assert_error(&get_update, 405);
        assert_eq!(
            get_update
                .headers
                .get("allow")
                .and_then(|v| v.to_str().ok()),
            Some("POST")
        );
        let delete = answer(client().delete(server.url("/store?default")).call());
        assert_error(&delete, 405);
        let post_page = answer(client().post(server.url("/")).send("x"));
        assert_error(&post_page, 405);
    }

    #[test]
    fn another_body_type_is_415() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let json = answer(
            client()
                .post(server.url("/sparql"))
                .header("Content-Type", "application/json")
                .send("{\"query\": \"ASK {}\"}"),
        );
        assert_error(&json, 415);
    }

    #[test]
    fn a_body_over_the_limit_is_413() {
        let dir = built();
        let server = Server::start(dir.path(), &["--max-body", "1KiB"]);
        let padding = format!("# {}\nASK {{}}", "x".repeat(4096));
        let large = answer(
            client()
                .post(server.url("/sparql"))
                .header("Content-Type", "application/sparql-query")
                .send(padding.as_str()),
        );
        assert_error(&large, 413);
        assert!(large.body.contains("--max-body"), "{}", large.body);
        let small = answer(
            client()
                .post(server.url("/sparql"))
                .header("Content-Type", "application/sparql-query")
                .send("ASK {}"),
        );
        assert_eq!(small.status, 200, "{small:?}");
    }

    #[test]
    fn a_query_over_the_result_cap_is_422_and_a_limit_gets_the_first_rows() {
        let dir = built();
        let server = Server::start(dir.path(), &["--max-rows", "5"]);
        let all = query(&server, "SELECT ?s WHERE { ?s ?p ?o }", "text/csv");
        assert_error(&all, 422);
        assert!(all.body.contains("--max-rows"), "{}", all.body);
        let first = query(&server, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 5", "text/csv");
        assert_eq!(first.status, 200, "{first:?}");
        assert_eq!(
            first.body.lines().count(),
            6,
            "a header and five rows: {}",
            first.body
        );
    }

    #[test]
    fn a_query_past_the_time_limit_is_503_and_the_server_goes_on() {
        let dir = built();
        let server = Server::start(dir.path(), &["--timeout", "1s"]);
        // Every triple against every triple, four times over: it never ends.
        let endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        let slow = query(&server, endless, "text/csv");
        assert_error(&slow, 503);
        assert!(slow.body.contains("--timeout"), "{}", slow.body);
        let quick = query(&server, "ASK { ?s ?p ?o }", "text/csv");
        assert_eq!(quick.status, 200, "{quick:?}");
    }

    #[test]
    fn concurrent_clients_get_the_same_answers() {
        let dir = built();
        let server = Arc::new(Server::start(dir.path(), &[]));
        let expected = query(&server, saved("timeline"), "text/csv");
        assert_eq!(expected.status, 200);
        let workers: Vec<_> = (0..12)
            .map(|i| {
                let server = Arc::clone(&server);
                std::thread::spawn(move || {
                    (0..4)
                        .map(|j| {
                            let name = if (i + j) % 2 == 0 {
                                "timeline"
                            } else {
                                LEADERS
                            };
                            (name, query(&server, saved(name), "text/csv"))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let leaders = query(&server, saved(LEADERS), "text/csv");
        for worker in workers {
            for (name, answer) in worker.join().expect("a client thread") {
                assert_eq!(answer.status, 200, "{answer:?}");
                let wanted = if name == LEADERS { &leaders } else { &expected };
                assert_eq!(answer.body, wanted.body, "{name}");
            }
        }
    }

    #[test]
    fn cors_headers_let_web_clients_query() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let answer_ = query(&server, "ASK {}", "application/sparql-results+json");
        assert_eq!(
            answer_
                .headers
                .get("access-control-allow-origin")
                .and_then(|v| v.to_str().ok()),
            Some("*")
        );
        let preflight = answer(
            client()
                .options(server.url("/sparql"))
                .header("Origin", "http://yasgui.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .header("Access-Control-Request-Private-Network", "true")
                .call(),
        );
        assert_eq!(preflight.status, 204);
        let header = |name: &str| {
            preflight
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(header("access-control-allow-origin"), "*");
        assert!(header("access-control-allow-methods").contains("POST"));
        assert!(header("access-control-allow-headers").contains("content-type"));
        assert_eq!(header("access-control-allow-private-network"), "true");
    }
}

mod update {
    use super::*;

    const INSERT: &str =
        "INSERT DATA { GRAPH <http://example.com/notes> { <http://example.com/s> <http://example.com/p> \"noted\" } }";
    const ASK: &str = "ASK { <http://example.com/s> ?p ?o }";

    fn holds(server: &Server) -> bool {
        let answer = query(server, ASK, "application/sparql-results+json");
        let json: serde_json::Value = serde_json::from_str(&answer.body).expect("JSON");
        json["boolean"] == true
    }

    #[test]
    fn is_refused_by_a_read_only_server() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let refused = answer(
            client()
                .post(server.url("/update"))
                .send_form([("update", INSERT)]),
        );
        assert_error(&refused, 403);
        assert!(refused.body.contains("--allow-update"), "{}", refused.body);
        assert!(!holds(&server));
        let as_query = answer(
            client()
                .post(server.url("/sparql"))
                .header("Content-Type", "application/sparql-query")
                .send(INSERT),
        );
        assert_error(&as_query, 400);
    }

    #[test]
    fn applies_with_allow_update_but_not_from_another_site() {
        let dir = built();
        let server = Server::start(dir.path(), &["--allow-update"]);
        let from_elsewhere = answer(
            client()
                .post(server.url("/update"))
                .header("Origin", "http://evil.example")
                .send_form([("update", INSERT)]),
        );
        assert_error(&from_elsewhere, 403);
        assert!(!holds(&server));
        let applied = answer(
            client()
                .post(server.url("/update"))
                .header("Content-Type", "application/sparql-update")
                .send(INSERT),
        );
        assert_eq!(applied.status, 204, "{applied:?}");
        assert!(holds(&server));
        let bad = answer(
            client()
                .post(server.url("/update"))
                .send_form([("update", "INSERT DATA {")]),
        );
        assert_error(&bad, 400);
    }
}

mod graph_store {
    use super::*;

    #[test]
    fn a_named_graph_and_the_default_graph_in_the_negotiated_format() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let ontology = get(
            &server,
            "/store?graph=https%3A%2F%2Fw3id.org%2Fdelegraph%2Fontology",
            Some("text/turtle"),
        );
        assert_eq!(ontology.status, 200, "{ontology:?}");
        assert!(ontology.content_type.starts_with("text/turtle"));
        let in_ontology = parse_rdf(RdfFormat::Turtle, &ontology.body);
        assert!(in_ontology > 0);
        let all = get(&server, "/store?default", Some("application/n-triples"));
        assert_eq!(all.status, 200);
        let export = ok(
            dir.path(),
            &["export", "--store", "store", "--format", "ntriples"],
        );
        assert_eq!(
            parse_rdf(RdfFormat::NTriples, &all.body),
            parse_rdf(RdfFormat::NTriples, &export),
            "the default graph is every graph merged, as exported"
        );
        let jsonld = get(&server, "/store?default", Some("application/ld+json"));
        assert!(jsonld.content_type.starts_with("application/ld+json"));
        let missing = get(
            &server,
            "/store?graph=http%3A%2F%2Fexample.com%2Fnone",
            None,
        );
        assert_error(&missing, 404);
        assert_error(&get(&server, "/store", None), 400);
    }
}

mod saved_queries {
    use super::*;

    #[test]
    fn are_listed_as_json() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let list = get(&server, "/queries", None);
        assert_eq!(list.status, 200);
        assert!(list.content_type.starts_with("application/json"));
        let json: serde_json::Value = serde_json::from_str(&list.body).expect("JSON");
        let names: Vec<&str> = json
            .as_array()
            .expect("a list")
            .iter()
            .map(|q| q["name"].as_str().expect("a name"))
            .collect();
        let saved: Vec<&str> = delegraph::query::SAVED.iter().map(|q| q.name).collect();
        assert_eq!(names, saved);
        assert_eq!(json[0]["url"], format!("/queries/{}", saved[0]));
    }

    #[test]
    fn run_with_negotiated_results_as_the_cli_prints_them() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        for saved in delegraph::query::SAVED {
            let over_http = get(
                &server,
                &format!("/queries/{}", saved.name),
                Some("text/csv"),
            );
            assert_eq!(over_http.status, 200, "{}", saved.name);
            let cli = ok(
                dir.path(),
                &["query", saved.name, "--store", "store", "--format", "csv"],
            );
            assert_eq!(over_http.body, cli, "{}", saved.name);
        }
        let json = get(&server, &format!("/queries/{LEADERS}"), None);
        assert!(json
            .content_type
            .starts_with("application/sparql-results+json"));
        assert_error(&get(&server, "/queries/no-such-query", None), 404);
    }
}

mod store_sharing {
    use super::*;

    #[test]
    fn query_and_build_keep_working_and_the_server_sees_the_build() {
        let dir = built_from(&["01_istanbul_first_round.txt"]);
        let server = Server::start(dir.path(), &[]);
        let articles = || {
            query(
                &server,
                "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://w3id.org/delegraph/ontology#Article> }",
                "text/csv",
            )
            .body
        };
        assert_eq!(articles(), "n\r\n1\r\n");
        let cli = ok(
            dir.path(),
            &["query", "meetings", "--store", "store", "--format", "csv"],
        );
        assert!(cli.starts_with("date,place,venue,kind,chair"), "{cli}");
        let corpus = sample();
        ok(
            dir.path(),
            &["build", "--store", "store", corpus.to_str().expect("path")],
        );
        let articles_now = std::fs::read_dir(sample())
            .expect("sample")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
            })
            .count();
        assert_eq!(articles(), format!("n\r\n{articles_now}\r\n"));
    }
}

mod startup {
    use super::*;

    #[test]
    fn a_missing_store_is_one_line_and_a_failure() {
        let dir = tempfile::tempdir().expect("temp dir");
        let output = delegraph(
            dir.path(),
            &["serve", "--store", "nowhere", "--bind", "127.0.0.1:0"],
        );
        assert!(!output.status.success());
        let message = String::from_utf8_lossy(&output.stderr);
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(message.starts_with("delegraph: store nowhere"), "{message}");
        assert!(message.contains("delegraph build"), "{message}");
    }

    #[test]
    fn a_taken_address_is_one_line_and_a_failure() {
        let dir = built();
        let first = Server::start(dir.path(), &[]);
        let address = first.base.trim_start_matches("http://").to_owned();
        let output = delegraph(
            dir.path(),
            &["serve", "--store", "store", "--bind", &address],
        );
        assert!(!output.status.success());
        let message = String::from_utf8_lossy(&output.stderr);
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(
            message.starts_with(&format!("delegraph: cannot serve on {address}")),
            "{message}"
        );
        drop(first);
    }

    #[test]
    fn help_explains_every_flag() {
        let dir = tempfile::tempdir().expect("temp dir");
        let help = ok(dir.path(), &["serve", "--help"]);
        for flag in [
            "--store",
            "--bind",
            "--timeout",
            "--allow-update",
            "--max-body",
            "--max-rows",
        ] {
            assert!(help.contains(flag), "{flag} in\n{help}");
        }
        assert!(help.contains("127.0.0.1:7878"), "{help}");
        assert!(help.contains("30s"), "{help}");
    }

    #[test]
    fn the_page_and_its_files_are_served() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let page = get(&server, "/", None);
        assert_eq!(page.status, 200);
        assert!(page.content_type.starts_with("text/html"));
        for (path, media) in [
            ("/app.js", "text/javascript"),
            ("/graph.js", "text/javascript"),
            ("/style.css", "text/css"),
        ] {
            assert!(page.body.contains(path), "the page loads {path}");
            let file = get(&server, path, None);
            assert_eq!(file.status, 200, "{path}");
            assert!(file.content_type.starts_with(media), "{path}: {file:?}");
        }
        assert_error(&get(&server, "/no-such-page", None), 404);
        let prefixes = get(&server, "/prefixes", None);
        assert!(prefixes
            .body
            .contains("https://w3id.org/delegraph/ontology#"));
    }
}

mod node_pages {
    use super::*;

    const MEDINSKY: &str = "Vladimir Medinsky";

    fn resolve(server: &Server, names: &[&str]) -> serde_json::Value {
        let lookup = serde_json::json!({"labels": names});
        let answer = answer(
            client()
                .post(server.url("/resolve"))
                .header("Content-Type", "application/json")
                .send(lookup.to_string().as_str()),
        );
        assert_eq!(answer.status, 200, "{answer:?}");
        serde_json::from_str(&answer.body).expect("JSON")
    }

    #[test]
    fn extraction_a_name_leads_to_a_person_with_delegations_and_a_picture() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let found = resolve(&server, &[MEDINSKY]);
        let iri = found["nodes"][MEDINSKY]
            .as_str()
            .expect("Medinsky is a node");
        let view = answer(client().get(server.url("/node")).query("iri", iri).call());
        assert_eq!(view.status, 200, "{view:?}");
        let view: serde_json::Value = serde_json::from_str(&view.body).expect("JSON");
        assert_eq!(view["label"], MEDINSKY);
        let sections: Vec<&str> = view["sections"]
            .as_array()
            .expect("sections")
            .iter()
            .filter_map(|s| s["name"].as_str())
            .collect();
        assert!(sections.contains(&"person-delegations"), "{sections:?}");
        assert!(!view["links"].as_array().expect("links").is_empty());
    }

    #[test]
    fn a_node_that_is_not_there_is_404_and_a_bad_one_400() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let missing = answer(
            client()
                .get(server.url("/node"))
                .query("iri", "http://example.com/nobody")
                .call(),
        );
        assert_error(&missing, 404);
        assert_error(&get(&server, "/node", None), 400);
        let bad_lookup = answer(
            client()
                .post(server.url("/resolve"))
                .header("Content-Type", "application/json")
                .send("not json"),
        );
        assert_error(&bad_lookup, 400);
    }
}

/// The page in a real browser: headless Chromium (Debian's `chromium`
/// package, which `.ci/setup` installs) loads it, its JavaScript fetches
/// from the server and draws the tables and the picture; the test reads the
/// DOM the browser ends with and saves a screenshot in `target/artifacts/`.
mod browser {
    use super::*;

    /// The Chromium binary: `$CHROMIUM`, or `chromium` on the path.
    fn chromium() -> PathBuf {
        if let Some(path) = std::env::var_os("CHROMIUM") {
            let path = PathBuf::from(path);
            assert!(path.is_file(), "CHROMIUM={} is not a file", path.display());
            return path;
        }
        let found = std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
                .find(|path| path.is_file())
        });
        found.unwrap_or_else(|| {
            panic!(
                "the browser test needs headless Chromium: install Debian's `chromium` package \
                 (`bash .ci/setup` does), or set CHROMIUM to its path"
            )
        })
    }

    /// How long Chromium may take before the test gives up on it (a hung
    /// browser fails the test instead of hanging it).
    const PATIENCE: Duration = Duration::from_secs(180);

    /// Runs headless Chromium on `url` with `args`; returns standard output.
    fn headless(profile: &Path, args: &[&str], url: &str) -> String {
        let mut child = Command::new(chromium())
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--hide-scrollbars",
                "--window-size=1280,1000",
                "--virtual-time-budget=15000",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(args)
            .arg(url)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("chromium starts");
        let mut stdout = child.stdout.take().expect("stdout");
        let mut stderr = child.stderr.take().expect("stderr");
        let out = std::thread::spawn(move || {
            let mut text = String::new();
            stdout.read_to_string(&mut text).map(|_| text)
        });
        let err = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("chromium runs") {
                break status;
            }
            if started.elapsed() > PATIENCE {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium did not finish on {url}");
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        let errors = err.join().unwrap_or_default();
        assert!(status.success(), "chromium failed on {url}: {errors}");
        out.join()
            .expect("the reader thread")
            .expect("a UTF-8 DOM on standard output")
    }

    fn artifacts() -> PathBuf {
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
        let dir = target.join("artifacts");
        std::fs::create_dir_all(&dir).expect("target/artifacts");
        dir
    }

    #[test]
    fn extraction_the_page_runs_delegation_leaders_and_shows_medinsky() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let profile = tempfile::tempdir().expect("profile dir");
        let url = server.url(&format!("/?query={LEADERS}"));
        let dom = headless(profile.path(), &["--dump-dom"], &url);
        assert!(
            dom.contains("data-status=\"done\""),
            "the page's script finished: {dom}\n{}",
            server.log.lock().map(|l| l.clone()).unwrap_or_default()
        );
        let table = dom
            .split("<table class=\"results\">")
            .nth(1)
            .unwrap_or_else(|| panic!("the script drew a result table: {dom}"));
        assert!(table.contains("Vladimir Medinsky"), "{table}");
        assert!(
            table.contains("href=\"/?node=https%3A%2F%2Fw3id.org%2Fdelegraph%2Fid%2Fperson%2F"),
            "the leader links to his node: {table}"
        );
        let screenshot = artifacts().join("serve-page.png");
        let _ = std::fs::remove_file(&screenshot);
        headless(
            profile.path(),
            &[&format!("--screenshot={}", screenshot.display())],
            &url,
        );
        let png = std::fs::read(&screenshot).expect("the screenshot is saved");
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
    }

    #[test]
    fn extraction_a_node_page_draws_the_graph_around_medinsky() {
        let dir = built();
        let server = Server::start(dir.path(), &[]);
        let profile = tempfile::tempdir().expect("profile dir");
        let found = answer(
            client()
                .post(server.url("/resolve"))
                .header("Content-Type", "application/json")
                .send(r#"{"labels": ["Vladimir Medinsky"]}"#),
        );
        let found: serde_json::Value = serde_json::from_str(&found.body).expect("JSON");
        let iri = found["nodes"]["Vladimir Medinsky"]
            .as_str()
            .expect("a node");
        let url = server.url(&format!(
            "/?node={}",
            form_urlencoded::byte_serialize(iri.as_bytes()).collect::<String>()
        ));
        let dom = headless(profile.path(), &["--dump-dom"], &url);
        assert!(dom.contains("data-status=\"done\""), "{dom}");
        assert!(dom.contains("<h2>Vladimir Medinsky</h2>"), "{dom}");
        assert!(dom.contains("<svg class=\"graph\""), "the picture: {dom}");
        assert!(dom.contains("data-section=\"person-delegations\""), "{dom}");
        let screenshot = artifacts().join("serve-node.png");
        headless(
            profile.path(),
            &[&format!("--screenshot={}", screenshot.display())],
            &url,
        );
        assert!(screenshot.is_file());
    }
}
