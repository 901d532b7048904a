//! Building at scale: streaming passes, the bulk loader and transactions,
//! and extraction split over shards (`extract --format scan|links|nquads`,
//! `labels`) giving what one build of the whole gives.
//!
//! `tests/shards/` holds four short articles in two shards that need each
//! other: a surname, a person's country and last week's talks are only
//! known from the other shard.

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::store::Store;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ONTOLOGY_GRAPH: &str = "<https://w3id.org/delegraph/ontology>";

fn shards() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shards")
}

fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_delegraph"))
        .current_dir(dir)
        .args(args)
        .envs(env.iter().copied())
        .output()
        .expect("delegraph runs");
    assert!(
        output.status.success(),
        "delegraph {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// N-Quads as a store holds them (Oxigraph writes some literals in a
/// canonical form), one line per quad, every graph.
fn as_stored_with_ontology(nquads: &[u8]) -> BTreeSet<String> {
    let store = Store::new().expect("a store in memory");
    store
        .load_from_reader(RdfParser::from_format(RdfFormat::NQuads), nquads)
        .expect("N-Quads load");
    store
        .iter()
        .map(|q| format!("{} .", q.expect("read")))
        .collect()
}

/// [`as_stored_with_ontology`] without the ontology's graph.
fn as_stored(nquads: &[u8]) -> BTreeSet<String> {
    as_stored_with_ontology(nquads)
        .into_iter()
        .filter(|line| !line.ends_with(&format!("{ONTOLOGY_GRAPH} .")))
        .collect()
}

/// The quads of a build of `paths` into a new store, as stored.
fn whole_build(dir: &Path, store: &str, paths: &[&str], env: &[(&str, &str)]) -> BTreeSet<String> {
    let mut args = vec!["build", "--quiet", "--store", store];
    args.extend_from_slice(paths);
    run(dir, &args, env);
    let export = run(
        dir,
        &["export", "--format", "nquads", "--store", store],
        &[],
    );
    as_stored(&export.stdout)
}

#[test]
fn shards_built_apart_and_loaded_together_equal_one_build_of_the_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let (one, two) = (shards().join("one"), shards().join("two"));
    run(
        d,
        &["build", "--quiet", "--store", "store", path(&shards())],
        &[],
    );
    let export = run(
        d,
        &["export", "--format", "nquads", "--store", "store"],
        &[],
    );
    let whole = as_stored_with_ontology(&export.stdout);
    // map 1: scan each shard; reduce: concatenate
    let mut scan = Vec::new();
    for shard in [&one, &two] {
        scan.extend(run(d, &["extract", "--format", "scan", path(shard)], &[]).stdout);
    }
    std::fs::write(d.join("scan.jsonl"), &scan).expect("write");
    // map 2: link summaries knowing the whole scan
    let mut links = Vec::new();
    for shard in [&one, &two] {
        let args = ["extract", "--format", "links", "--scan", "scan.jsonl"];
        links.extend(run(d, &[&args[..], &[path(shard)]].concat(), &[]).stdout);
    }
    std::fs::write(d.join("links.jsonl"), &links).expect("write");
    // map 3: each shard's graphs; reduce: the labels graph
    let mut quads = Vec::new();
    for shard in [&one, &two] {
        let args = [
            "extract",
            "--format",
            "nquads",
            "--scan",
            "scan.jsonl",
            "--links",
            "links.jsonl",
        ];
        quads.extend(run(d, &[&args[..], &[path(shard)]].concat(), &[]).stdout);
    }
    std::fs::write(d.join("shards.nq"), &quads).expect("write");
    let labels = run(d, &["labels", "--ontology", "shards.nq"], &[]).stdout;
    quads.extend(labels);
    let sharded = as_stored_with_ontology(&quads);
    assert_eq!(sharded.len(), whole.len());
    assert!(
        sharded == whole,
        "{:#?}",
        sharded.symmetric_difference(&whole)
    );

    // the fixture needs the knowledge: shards that do not share it differ
    let mut alone = Vec::new();
    for shard in [&one, &two] {
        alone.extend(run(d, &["extract", "--format", "nquads", path(shard)], &[]).stdout);
    }
    std::fs::write(d.join("alone.nq"), &alone).expect("write");
    alone.extend(run(d, &["labels", "--ontology", "alone.nq"], &[]).stdout);
    assert_ne!(as_stored_with_ontology(&alone), whole);
}

#[test]
fn extract_nquads_writes_the_graphs_a_build_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let whole = whole_build(d, "store", &[path(&shards())], &[]);
    let mut quads = run(d, &["extract", "--format", "nquads", path(&shards())], &[]).stdout;
    std::fs::write(d.join("all.nq"), &quads).expect("write");
    let articles = as_stored(&quads);
    assert!(whole.is_superset(&articles));
    assert!(articles.iter().all(|q| !q.contains("graph/labels")));
    quads.extend(run(d, &["labels", "all.nq"], &[]).stdout);
    assert_eq!(as_stored(&quads), whole);
}

#[test]
fn results_do_not_depend_on_threads_or_the_order_of_inputs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let (one, two) = (shards().join("one"), shards().join("two"));
    let (one, two) = (path(&one), path(&two));
    let single = whole_build(d, "a", &[one, two], &[("RAYON_NUM_THREADS", "1")]);
    let three = whole_build(d, "b", &[one, two], &[("RAYON_NUM_THREADS", "3")]);
    let reversed = whole_build(d, "c", &[two, one], &[]);
    assert!(!single.is_empty());
    assert_eq!(single, three);
    assert_eq!(single, reversed);
}

#[test]
fn an_existing_store_takes_articles_as_a_new_one_would() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let all = path(&shards()).to_owned();
    let fresh = whole_build(d, "fresh", &[&all], &[]);
    // built twice: the second build replaces every graph by transactions
    let output = run(d, &["build", "--store", "twice", &all], &[]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("bulk load"));
    let output = run(d, &["build", "--store", "twice", &all], &[]);
    assert!(String::from_utf8_lossy(&output.stderr).contains("transactions"));
    let export = run(
        d,
        &["export", "--format", "nquads", "--store", "twice"],
        &[],
    );
    assert_eq!(as_stored(&export.stdout), fresh);
}

#[test]
fn quiet_keeps_the_summary_and_draws_no_bar() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = run(
        dir.path(),
        &["build", "--quiet", "--store", "s", path(&shards())],
        &[],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("built 4 article(s)"), "{stderr}");
    assert!(!stderr.contains('\r'), "{stderr}");
}

#[test]
fn a_summary_that_is_not_one_is_one_error_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("scan.jsonl"), "{\"days\": 3}\n").expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_delegraph"))
        .current_dir(dir.path())
        .args(["extract", "--format", "nquads", "--scan", "scan.jsonl"])
        .arg(shards())
        .output()
        .expect("delegraph runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("scan.jsonl, line 1: not a scan summary"),
        "{stderr}"
    );
}

#[test]
fn labels_follow_articles_added_and_changed_one_at_a_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let article = |name: &str, spelling: &str| {
        let text = format!(
            "March 3, 2025\n\nRussian Foreign Minister {spelling} held talks in Geneva on Monday.\n"
        );
        std::fs::write(d.join(name), text).expect("write");
    };
    // one at a time: the preferred spelling flips to the one most use
    article("a.txt", "Sergey Lavrov");
    run(d, &["build", "--store", "steps", "a.txt"], &[]);
    for name in ["b.txt", "c.txt"] {
        article(name, "Sergei Lavrov");
        run(d, &["build", "--store", "steps", name], &[]);
    }
    let export = |store: &str| {
        as_stored(&run(d, &["export", "--format", "nquads", "--store", store], &[]).stdout)
    };
    let steps = export("steps");
    let fresh = whole_build(d, "fresh", &["a.txt", "b.txt", "c.txt"], &[]);
    assert_eq!(steps, fresh);
    assert!(fresh
        .iter()
        .any(|q| q.contains("prefLabel> \"Sergei Lavrov\"")));
    // an article changed: the spelling it took away loses its lead
    article("b.txt", "Sergey Lavrov");
    run(d, &["build", "--store", "steps", "b.txt"], &[]);
    let fresh = whole_build(d, "fresh2", &["a.txt", "b.txt", "c.txt"], &[]);
    assert_eq!(export("steps"), fresh);
    assert!(fresh
        .iter()
        .any(|q| q.contains("prefLabel> \"Sergey Lavrov\"")));
}
