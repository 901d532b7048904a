//! Round trip (issue 6): every export format read back into a fresh store
//! gives the same graph. The graph has no blank nodes (a test in cli.rs
//! checks), so two graphs are isomorphic exactly when their quads, or for
//! the triple formats their triples, are the same sets.

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphNameRef, Quad, Triple};
use oxigraph::store::Store;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// A store built from the bundled sample articles, in a temp dir.
fn built() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_delegraph"))
        .arg("build")
        .arg("--store")
        .arg(dir.path().join("store"))
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample"))
        .output()
        .expect("delegraph runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

fn export(dir: &Path, format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_delegraph"))
        .args(["export", "--format", format, "--store"])
        .arg(dir.join("store"))
        .output()
        .expect("delegraph runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Loads `text` into a fresh in-memory store and reads every quad back.
fn reimport(text: &str, format: RdfFormat) -> BTreeSet<String> {
    let store = Store::new().expect("in-memory store");
    let quads: Vec<Quad> = RdfParser::from_format(format)
        .for_slice(text.as_bytes())
        .collect::<Result<_, _>>()
        .expect("the export parses");
    store.extend(quads).expect("loads");
    store
        .iter()
        .map(|q| q.expect("reads").to_string())
        .collect()
}

/// The original's quads, every graph, read from the store itself.
fn original_quads(dir: &Path) -> BTreeSet<String> {
    let store = Store::open_read_only(dir.join("store")).expect("opens read-only");
    store
        .iter()
        .map(|q| q.expect("reads").to_string())
        .collect()
}

/// The original's triples with graphs merged, as default-graph quads.
fn original_triples(dir: &Path) -> BTreeSet<String> {
    let original = Store::open_read_only(dir.join("store")).expect("opens read-only");
    let merged = Store::new().expect("in-memory store");
    for q in original.iter() {
        let q = q.expect("reads");
        let t = Triple::new(q.subject, q.predicate, q.object);
        merged
            .insert(t.as_ref().in_graph(GraphNameRef::DefaultGraph))
            .expect("inserts");
    }
    merged
        .iter()
        .map(|q| q.expect("reads").to_string())
        .collect()
}

fn assert_same(format: &str, got: &BTreeSet<String>, want: &BTreeSet<String>) {
    let missing: Vec<_> = want.difference(got).take(3).collect();
    let extra: Vec<_> = got.difference(want).take(3).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{format}: {} quads back for {}; missing {missing:?}, extra {extra:?}",
        got.len(),
        want.len()
    );
    assert!(!want.is_empty());
}

#[test]
fn nquads_round_trip_keeps_every_graph() {
    let dir = built();
    let want = original_quads(dir.path());
    let got = reimport(&export(dir.path(), "nquads"), RdfFormat::NQuads);
    assert_same("nquads", &got, &want);
    assert!(
        got.iter().any(|q| q.contains("/id/article/")),
        "named graphs kept"
    );
}

#[test]
fn trig_round_trip_keeps_every_graph() {
    let dir = built();
    let got = reimport(&export(dir.path(), "trig"), RdfFormat::TriG);
    assert_same("trig", &got, &original_quads(dir.path()));
}

#[test]
fn turtle_round_trip_gives_the_merged_graph() {
    let dir = built();
    let got = reimport(&export(dir.path(), "turtle"), RdfFormat::Turtle);
    assert_same("turtle", &got, &original_triples(dir.path()));
}

#[test]
fn ntriples_round_trip_gives_the_merged_graph() {
    let dir = built();
    let got = reimport(&export(dir.path(), "ntriples"), RdfFormat::NTriples);
    assert_same("ntriples", &got, &original_triples(dir.path()));
}

#[test]
fn rdfxml_round_trip_gives_the_merged_graph() {
    let dir = built();
    let got = reimport(&export(dir.path(), "rdfxml"), RdfFormat::RdfXml);
    assert_same("rdfxml", &got, &original_triples(dir.path()));
}
