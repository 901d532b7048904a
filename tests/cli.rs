//! End-to-end tests of the `delegraph` binary: build a store in a temporary
//! directory, query it, export it, and check the errors a user meets.
//!
//! The checks are about structure (columns, counts, graphs, error lines), so
//! they hold whatever the extractor finds; the few that depend on what it
//! finds in `data/sample` say so in their name (`extraction_`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The sample corpus shipped with the repository.
fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample")
}

/// Runs the binary in `dir` with `args`.
fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_delegraph"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8 on stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("utf-8 on stderr")
}

/// Runs the binary and insists that it succeeds.
fn ok(dir: &Path, args: &[&str]) -> Output {
    let output = run(dir, args);
    assert!(
        output.status.success(),
        "delegraph {args:?} failed:\n{}",
        stderr(&output)
    );
    output
}

/// Runs the binary and insists that it fails with one `delegraph:` line.
fn fails(dir: &Path, args: &[&str]) -> String {
    let output = run(dir, args);
    assert!(!output.status.success(), "delegraph {args:?} succeeded");
    let message = stderr(&output);
    assert_eq!(message.lines().count(), 1, "one line on stderr: {message}");
    assert!(message.starts_with("delegraph: "), "{message}");
    message
}

/// A temporary directory with a store built from the sample corpus at
/// `store` inside it.
fn built() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = sample();
    ok(
        dir.path(),
        &[
            "build",
            "--store",
            "store",
            corpus.to_str().expect("utf-8 path"),
        ],
    );
    dir
}

mod build {
    use super::*;

    #[test]
    fn prints_a_summary_on_stderr_and_nothing_on_stdout() {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = sample();
        let output = ok(
            dir.path(),
            &["build", "--store", "store", corpus.to_str().expect("path")],
        );
        assert!(output.stdout.is_empty());
        let summary = stderr(&output);
        for needle in [
            "article(s)",
            "sentence(s)",
            "fact(s)",
            "triples written",
            "quads in store",
        ] {
            assert!(summary.contains(needle), "{needle:?} in {summary}");
        }
        assert!(dir.path().join("store/CURRENT").is_file());
    }

    #[test]
    fn uses_out_store_by_default() {
        let dir = tempfile::tempdir().expect("temp dir");
        let corpus = sample();
        ok(dir.path(), &["build", corpus.to_str().expect("path")]);
        assert!(dir.path().join("out/store/CURRENT").is_file());
        ok(dir.path(), &["query", "meetings"]);
    }

    #[test]
    fn rebuilding_never_duplicates() {
        let dir = built();
        let export = || {
            stdout(&ok(
                dir.path(),
                &["export", "--store", "store", "--format", "nquads"],
            ))
        };
        let first = export();
        let corpus = sample();
        let corpus = corpus.to_str().expect("path");
        ok(dir.path(), &["build", "--store", "store", corpus]);
        ok(dir.path(), &["build", "--store", "store", corpus]);
        let third = export();
        assert!(!first.is_empty());
        assert_eq!(first.lines().count(), third.lines().count());
        assert_eq!(first, third);
    }

    #[test]
    fn reads_a_single_file_and_standard_input() {
        let dir = tempfile::tempdir().expect("temp dir");
        let article = "Talks in Geneva\n\nMarch 3, 2025\n\nRussian and American diplomats met in Geneva on Monday.\n";
        std::fs::write(dir.path().join("one.txt"), article).expect("write");
        ok(dir.path(), &["build", "--store", "store", "one.txt"]);
        let mut child = Command::new(env!("CARGO_BIN_EXE_delegraph"))
            .current_dir(dir.path())
            .args(["build", "--store", "store2", "-"])
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        {
            use std::io::Write;
            let mut input = child.stdin.take().expect("stdin");
            input.write_all(article.as_bytes()).expect("write stdin");
        }
        let output = child.wait_with_output().expect("wait");
        assert!(output.status.success(), "{}", stderr(&output));
    }

    #[test]
    fn a_missing_input_is_one_error_line() {
        let dir = tempfile::tempdir().expect("temp dir");
        fails(
            dir.path(),
            &["build", "--store", "store", "no-such-file.txt"],
        );
    }
}

mod query {
    use super::*;

    #[test]
    fn every_saved_query_returns_its_columns_as_csv() {
        let dir = built();
        for saved in delegraph::query::SAVED {
            let output = ok(
                dir.path(),
                &["query", saved.name, "--store", "store", "--format", "csv"],
            );
            let text = stdout(&output);
            let header = text.lines().next().unwrap_or_default();
            assert_eq!(header, saved.header().columns.join(","), "{}", saved.name);
        }
    }

    #[test]
    fn the_contract_queries_have_the_contract_columns() {
        let dir = built();
        let contract = [
            ("delegation-leaders", "date,place,country,leader"),
            ("delegation-members", "date,place,country,person"),
            ("meetings", "date,place,venue,kind,chair"),
            ("agreements", "date,place,kind,quantity"),
            ("person-roles", "person,role,country"),
        ];
        for (name, columns) in contract {
            let text = stdout(&ok(
                dir.path(),
                &["query", name, "--store", "store", "--format", "csv"],
            ));
            assert_eq!(text.lines().next(), Some(columns), "{name}");
        }
    }

    #[test]
    fn results_are_deterministic_in_every_format() {
        let dir = built();
        for format in ["table", "csv", "tsv", "json", "xml"] {
            let args = ["query", "timeline", "--store", "store", "--format", format];
            assert_eq!(
                stdout(&ok(dir.path(), &args)),
                stdout(&ok(dir.path(), &args)),
                "{format}"
            );
        }
    }

    #[test]
    fn dates_are_iso_days_and_quantities_integers() {
        let dir = built();
        let csv = |name: &str| {
            stdout(&ok(
                dir.path(),
                &["query", name, "--store", "store", "--format", "tsv"],
            ))
        };
        let date = regex::Regex::new(r#"^("\d{4}-\d{2}-\d{2}")?$"#).expect("regex");
        for name in [
            "delegation-leaders",
            "delegation-members",
            "meetings",
            "agreements",
        ] {
            for line in csv(name).lines().skip(1) {
                let first = line.split('\t').next().unwrap_or_default();
                assert!(date.is_match(first), "{name}: {line}");
            }
        }
        let integer = regex::Regex::new(r#"^("\d+")?$"#).expect("regex");
        for line in csv("agreements").lines().skip(1) {
            let quantity = line.split('\t').nth(3).unwrap_or_default();
            assert!(integer.is_match(quantity), "{line}");
        }
    }

    #[test]
    fn a_rq_file_and_sparql_text_run_too() {
        let dir = built();
        std::fs::write(
            dir.path().join("count.rq"),
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        )
        .expect("write");
        let from_file = stdout(&ok(
            dir.path(),
            &["query", "count.rq", "--store", "store", "--format", "csv"],
        ));
        assert!(from_file.starts_with("n\r\n"), "{from_file}");
        let ask = stdout(&ok(
            dir.path(),
            &["query", "--sparql", "ASK { ?s a ?c }", "--store", "store"],
        ));
        assert_eq!(ask, "true\n");
        let construct = "CONSTRUCT { ?s a ?c } WHERE { ?s a ?c } LIMIT 2";
        let turtle = stdout(&ok(
            dir.path(),
            &["query", "--sparql", construct, "--store", "store"],
        ));
        let parsed = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
            .for_slice(&turtle)
            .collect::<Result<Vec<_>, _>>()
            .expect("CONSTRUCT prints Turtle");
        assert_eq!(parsed.len(), 2);
    }

    #[test]
    fn queries_run_while_a_build_holds_the_store() {
        let dir = built();
        let corpus = sample();
        let mut build = Command::new(env!("CARGO_BIN_EXE_delegraph"))
            .current_dir(dir.path())
            .args(["build", "--store", "store", corpus.to_str().expect("path")])
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        let output = ok(
            dir.path(),
            &["query", "meetings", "--store", "store", "--format", "csv"],
        );
        assert!(stdout(&output).starts_with("date,place,venue,kind,chair"));
        assert!(build.wait().expect("wait").success());
    }

    #[test]
    fn a_second_writer_is_refused_with_a_clear_message() {
        let dir = built();
        // hold the store as a running build does: RocksDB's lock
        let held = oxigraph::store::Store::open(dir.path().join("store")).expect("opens");
        let message = fails(
            dir.path(),
            &[
                "build",
                "--store",
                "store",
                sample().to_str().expect("path"),
            ],
        );
        assert!(message.contains("locked by another process"), "{message}");
        drop(held);
        // and the store is intact once the holder is gone
        let output = ok(dir.path(), &["query", "meetings", "--store", "store"]);
        assert!(stdout(&output).contains("Istanbul"));
    }

    #[test]
    fn bad_sparql_is_one_line_with_its_position() {
        let dir = built();
        let message = fails(
            dir.path(),
            &[
                "query",
                "--sparql",
                "SELECT ?x WHERE { ?x ?y }",
                "--store",
                "store",
            ],
        );
        assert!(message.contains("query --sparql"), "{message}");
        assert!(message.contains("1:"), "position in {message}");
    }

    #[test]
    fn a_query_past_its_time_limit_stops_with_one_line() {
        let dir = built();
        // a three-way cross product of every triple: far beyond a millisecond
        let sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        let message = fails(
            dir.path(),
            &[
                "query",
                "--sparql",
                sparql,
                "--timeout",
                "1ms",
                "--store",
                "store",
            ],
        );
        assert!(message.contains("--timeout"), "{message}");
    }

    #[test]
    fn results_over_the_cap_are_refused_not_cut() {
        let dir = built();
        let output = run(
            dir.path(),
            &["query", "people", "--max-rows", "2", "--store", "store"],
        );
        assert!(!output.status.success());
        assert!(stdout(&output).is_empty(), "nothing half printed");
        assert!(
            stderr(&output).contains("--max-rows"),
            "{}",
            stderr(&output)
        );
        ok(
            dir.path(),
            &["query", "people", "--max-rows", "1000", "--store", "store"],
        );
    }

    #[test]
    fn an_unknown_name_says_how_to_list_the_queries() {
        let dir = built();
        let message = fails(dir.path(), &["query", "no-such-query", "--store", "store"]);
        assert!(
            message.contains("no saved query named \"no-such-query\""),
            "{message}"
        );
        assert!(message.contains("delegraph queries"), "{message}");
    }

    #[test]
    fn a_missing_store_says_to_build_first() {
        let dir = tempfile::tempdir().expect("temp dir");
        let message = fails(dir.path(), &["query", "meetings", "--store", "nowhere"]);
        assert!(message.contains("nowhere"), "{message}");
        assert!(message.contains("run `delegraph build` first"), "{message}");
        assert!(
            !dir.path().join("nowhere").exists(),
            "a read-only command created the store"
        );
    }

    #[test]
    fn a_graph_format_for_a_select_is_refused() {
        let dir = built();
        let message = fails(
            dir.path(),
            &[
                "query", "meetings", "--store", "store", "--format", "turtle",
            ],
        );
        assert!(message.contains("--format turtle"), "{message}");
    }

    #[test]
    fn extraction_finds_the_sample_meetings_and_leaders() {
        // Depends on what the extractor reads in data/sample.
        let dir = built();
        let leaders = stdout(&ok(
            dir.path(),
            &[
                "query",
                "delegation-leaders",
                "--store",
                "store",
                "--format",
                "csv",
            ],
        ));
        assert!(leaders.contains("Medinsky"), "{leaders}");
        let meetings = stdout(&ok(
            dir.path(),
            &["query", "meetings", "--store", "store", "--format", "csv"],
        ));
        assert!(meetings.contains("Istanbul"), "{meetings}");
    }
}

mod queries {
    use super::*;

    #[test]
    fn lists_every_saved_query_with_its_description() {
        let dir = tempfile::tempdir().expect("temp dir");
        let text = stdout(&ok(dir.path(), &["queries"]));
        assert_eq!(text.lines().count(), delegraph::query::SAVED.len());
        for saved in delegraph::query::SAVED {
            let line = text
                .lines()
                .find(|l| l.starts_with(saved.name))
                .expect("listed");
            assert!(line.ends_with(&saved.header().description), "{line}");
        }
    }
}

mod export {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::{GraphName, Quad};
    use std::collections::BTreeSet;

    fn parse(format: RdfFormat, text: &str) -> Vec<Quad> {
        RdfParser::from_format(format)
            .for_slice(text)
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_else(|e| panic!("{format} parses back: {e}"))
    }

    #[test]
    fn turtle_parses_back_without_duplicates_or_blank_nodes() {
        let dir = built();
        let turtle = stdout(&ok(dir.path(), &["export", "--store", "store"]));
        assert!(turtle.contains("@prefix dg: <https://w3id.org/delegraph/ontology#>"));
        let quads = parse(RdfFormat::Turtle, &turtle);
        assert!(!quads.is_empty());
        let distinct: BTreeSet<String> = quads.iter().map(|q| q.to_string()).collect();
        assert_eq!(distinct.len(), quads.len(), "duplicates in the union");
        assert!(!turtle.contains("_:"), "no blank nodes");
        let ntriples = stdout(&ok(
            dir.path(),
            &["export", "--store", "store", "--format", "ntriples"],
        ));
        assert_eq!(parse(RdfFormat::NTriples, &ntriples).len(), quads.len());
    }

    #[test]
    fn nquads_keep_one_graph_per_article() {
        let dir = built();
        let nquads = stdout(&ok(
            dir.path(),
            &["export", "--store", "store", "--format", "nquads"],
        ));
        let graphs: BTreeSet<String> = parse(RdfFormat::NQuads, &nquads)
            .into_iter()
            .filter_map(|q| match q.graph_name {
                GraphName::NamedNode(n) => Some(n.into_string()),
                _ => None,
            })
            .collect();
        let articles = std::fs::read_dir(sample())
            .expect("sample corpus")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
            })
            .count();
        let article_graphs = graphs.iter().filter(|g| g.contains("/id/article/")).count();
        assert_eq!(article_graphs, articles, "{graphs:?}");
        assert!(graphs.contains("https://w3id.org/delegraph/ontology"));
        assert!(graphs.contains("https://w3id.org/delegraph/id/graph/labels"));
        let trig = stdout(&ok(
            dir.path(),
            &["export", "--store", "store", "--format", "trig"],
        ));
        assert_eq!(parse(RdfFormat::TriG, &trig).len(), nquads.lines().count());
    }

    #[test]
    fn rdfxml_and_a_file_output() {
        let dir = built();
        ok(
            dir.path(),
            &[
                "export",
                "--store",
                "store",
                "--format",
                "rdfxml",
                "-o",
                "graph.rdf",
            ],
        );
        let text = std::fs::read_to_string(dir.path().join("graph.rdf")).expect("written");
        assert!(!parse(RdfFormat::RdfXml, &text).is_empty());
    }

    /// `out/graph.ttl` is the Turtle export of the sample corpus, kept in git
    /// so that a change to the extractor or the mapping shows as a diff.
    /// Rewrite with `UPDATE_GOLDEN=1 cargo test` and review the diff.
    #[test]
    fn extraction_sample_export_matches_out_graph_ttl() {
        let dir = built();
        let turtle = stdout(&ok(dir.path(), &["export", "--store", "store"]));
        let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("out/graph.ttl");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&golden, &turtle).expect("write out/graph.ttl");
        }
        let expected = std::fs::read_to_string(&golden).unwrap_or_default();
        assert!(
            turtle == expected,
            "{} is stale: run `UPDATE_GOLDEN=1 cargo test` and review the diff",
            golden.display()
        );
    }

    #[test]
    fn a_closed_pipe_is_not_an_error() {
        let dir = built();
        let mut child = Command::new(env!("CARGO_BIN_EXE_delegraph"))
            .current_dir(dir.path())
            .args(["export", "--store", "store", "--format", "nquads"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("wait");
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(output.stderr.is_empty(), "{}", stderr(&output));
    }
}

mod lifecycle {
    use super::*;

    #[test]
    fn stats_counts_each_graph_and_the_distinct_whole() {
        let dir = built();
        let text = stdout(&ok(dir.path(), &["stats", "--store", "store"]));
        let line = |needle: &str| -> Vec<u64> {
            text.lines()
                .find(|l| l.contains(needle))
                .unwrap_or_else(|| panic!("no {needle} in {text}"))
                .split_whitespace()
                .rev()
                .take(3)
                .map(|n| n.parse().expect("a number"))
                .collect()
        };
        // meetings, people, triples (read right to left)
        let first = line("01-istanbul-first-round-txt");
        assert!(first[0] >= 1 && first[1] >= 2, "{text}");
        let whole = line("store (3 articles)");
        assert!(whole[2] > first[2], "{text}");
    }

    #[test]
    fn remove_takes_an_article_out_and_refuses_an_unknown_one() {
        let dir = built();
        let message = fails(
            dir.path(),
            &[
                "remove",
                "nope.txt",
                "02_lavrov_rubio_call.txt",
                "--store",
                "store",
            ],
        );
        assert!(message.contains("nope.txt"), "{message}");
        // nothing was removed by the refused command
        let text = stdout(&ok(dir.path(), &["stats", "--store", "store"]));
        assert!(text.contains("store (3 articles)"), "{text}");
        ok(
            dir.path(),
            &["remove", "02_lavrov_rubio_call.txt", "--store", "store"],
        );
        let text = stdout(&ok(dir.path(), &["stats", "--store", "store"]));
        assert!(text.contains("store (2 articles)"), "{text}");
        assert!(!text.contains("02-lavrov-rubio-call"), "{text}");
        let nq = stdout(&ok(
            dir.path(),
            &["export", "--format", "nquads", "--store", "store"],
        ));
        assert!(
            !nq.contains("article/02-lavrov-rubio-call-txt>"),
            "graph gone"
        );
    }

    #[test]
    fn build_prune_removes_the_articles_gone_from_the_input_and_only_with_the_flag() {
        let dir = built();
        // The input now holds two of the three sample articles.
        let input = dir.path().join("input");
        std::fs::create_dir(&input).expect("mkdir");
        for name in [
            "01_istanbul_first_round.txt",
            "03_istanbul_second_round.txt",
        ] {
            std::fs::copy(sample().join(name), input.join(name)).expect("copy");
        }
        ok(dir.path(), &["build", "--store", "store", "input"]);
        let text = stdout(&ok(dir.path(), &["stats", "--store", "store"]));
        assert!(
            text.contains("store (3 articles)"),
            "without --prune: {text}"
        );
        let meetings = |dir: &Path| {
            stdout(&ok(
                dir,
                &["query", "meetings", "--format", "csv", "--store", "store"],
            ))
        };
        // the Lavrov-Rubio call of 17 May is told by article 02 alone
        assert!(meetings(dir.path()).contains("2025-05-17"));
        let pruned = ok(
            dir.path(),
            &["build", "--prune", "--store", "store", "input"],
        );
        let said = stderr(&pruned);
        assert!(
            said.contains("pruned") && said.contains("02-lavrov-rubio-call"),
            "{said}"
        );
        assert!(!said.contains("01-istanbul"), "{said}");
        let text = stdout(&ok(dir.path(), &["stats", "--store", "store"]));
        assert!(text.contains("store (2 articles)"), "{text}");
        assert!(!text.contains("02-lavrov-rubio-call"), "{text}");
        assert!(text.contains("03-istanbul-second-round"), "{text}");
        // the facts only the pruned article gave are gone from the queries
        let after = meetings(dir.path());
        assert!(!after.contains("2025-05-17"), "{after}");
        assert!(after.contains("2025-05-16"), "{after}");
        let message = fails(dir.path(), &["build", "--prune", "--store", "store", "-"]);
        assert!(message.contains("standard input"), "{message}");
    }
}
