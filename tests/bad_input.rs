//! Bad input: each file of `tests/bad-input/` (and the cases too big or too
//! many for git, made here) has a defined outcome, and `delegraph build`
//! goes on with the rest. See `tests/bad-input/README.md`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_delegraph"))
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-input")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn build(store: &Path, inputs: &[&Path]) -> Output {
    bin()
        .arg("build")
        .arg("--store")
        .arg(store)
        .args(inputs)
        .output()
        .expect("delegraph runs")
}

/// The articles a store holds, by file name.
fn articles(store: &Path) -> Vec<String> {
    let out = bin()
        .args(["query", "--format", "csv", "--store"])
        .arg(store)
        .args([
            "--sparql",
            "PREFIX dg: <https://w3id.org/delegraph/ontology#> \
             PREFIX skos: <http://www.w3.org/2004/02/skos/core#> \
             SELECT ?name WHERE { ?a a dg:Article ; skos:prefLabel ?name } ORDER BY ?name",
        ])
        .output()
        .expect("delegraph runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
        .lines()
        .skip(1)
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_fixtures_are_read_or_skipped_with_a_warning_and_the_build_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store");
    let out = build(&store, &[&fixtures()]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("empty.txt: empty file skipped"), "{err}");
    assert!(err.contains("binary.txt: binary data"), "{err}");
    assert!(err.contains("invalid-utf8.txt: not valid UTF-8"), "{err}");
    assert_eq!(
        articles(&store),
        [
            "bom-crlf.txt",
            "control-characters.txt",
            "invalid-utf8.txt",
            "right-to-left.txt"
        ]
    );
    // each readable one still gives its meeting
    let meetings = bin()
        .args(["query", "meetings", "--format", "csv", "--store"])
        .arg(&store)
        .output()
        .expect("delegraph runs");
    assert!(text(&meetings.stdout).contains("2025-05-16,Istanbul"));
}

#[test]
fn a_folder_without_articles_says_so() {
    let out = build(
        &tempfile::tempdir().expect("temp dir").path().join("store"),
        &[&fixtures().join("not-articles")],
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("no .txt articles found"));
}

#[test]
fn a_50_mb_line_is_skipped_and_the_rest_is_built() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    let line = "talks in Istanbul ".repeat(50 * 1024 * 1024 / 18);
    std::fs::write(corpus.join("huge.txt"), line).expect("write");
    std::fs::copy(fixtures().join("bom-crlf.txt"), corpus.join("ok.txt")).expect("copy");
    let store = dir.path().join("store");
    let out = build(&store, &[&corpus]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("huge.txt"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(articles(&store), ["ok.txt"]);
}

#[test]
fn ten_thousand_tiny_files_are_all_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    for i in 0..10_000 {
        std::fs::write(corpus.join(format!("n{i:05}.txt")), format!("Note {i}.\n")).expect("write");
    }
    let store = dir.path().join("store");
    let out = build(&store, &[&corpus]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(articles(&store).len(), 10_000);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_reads_each_article_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    std::fs::copy(fixtures().join("bom-crlf.txt"), corpus.join("a.txt")).expect("copy");
    std::os::unix::fs::symlink(&corpus, corpus.join("again")).expect("symlink");
    let store = dir.path().join("store");
    let out = build(&store, &[&corpus]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(articles(&store), ["a.txt"]);
}
