//! Crash safety (issue 6): a build killed with SIGKILL part-way leaves a
//! store that opens, and every article is either wholly in it (its graph
//! equals a clean build's) or wholly absent.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_delegraph"))
}

/// Many distinct articles: the dev set again and again, each copy moved to
/// other years, so every copy has meetings of its own.
fn corpus(dir: &Path, copies: usize) -> PathBuf {
    let out = dir.join("corpus");
    std::fs::create_dir_all(&out).expect("mkdir");
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dev/articles");
    let articles: Vec<PathBuf> = std::fs::read_dir(&dev)
        .expect("dev set")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    for copy in 0..copies {
        for a in &articles {
            let text = std::fs::read_to_string(a).expect("reads");
            let moved = text.replace("20", &format!("{}", 21 + copy % 70));
            let name = format!(
                "{copy:04}_{}",
                a.file_name().expect("name").to_string_lossy()
            );
            std::fs::write(out.join(name), moved).expect("writes");
        }
    }
    out
}

/// Every article graph's quads, by graph.
fn graphs(store: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let out = bin()
        .args(["export", "--format", "nquads", "--store"])
        .arg(store)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut by_graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Some(graph) = line.trim_end_matches(" .").rsplit(' ').next() else {
            continue;
        };
        if graph.contains("/id/article/") {
            by_graph
                .entry(graph.to_owned())
                .or_default()
                .insert(line.to_owned());
        }
    }
    by_graph
}

fn build(store: &Path, corpus: &Path) {
    let out = bin()
        .arg("build")
        .arg("--store")
        .arg(store)
        .arg(corpus)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[cfg(unix)]
#[test]
fn a_killed_build_leaves_whole_articles_or_none() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = corpus(dir.path(), 15);
    let reference = dir.path().join("reference");
    build(&reference, &corpus);
    let whole = graphs(&reference);
    assert!(whole.len() >= 200, "{} graphs", whole.len());
    // twice: into a fresh store (bulk load) and into one that holds
    // articles already (one transaction per batch)
    for existing in [false, true] {
        let store = dir.path().join(format!("killed-{existing}"));
        if existing {
            build(
                &store,
                &Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample"),
            );
        }
        let mut child = bin()
            .arg("build")
            .arg("--store")
            .arg(&store)
            .arg(&corpus)
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns");
        std::thread::sleep(Duration::from_millis(800));
        child.kill().expect("SIGKILL"); // Child::kill sends SIGKILL on unix
        child.wait().expect("reaped");
        // the store opens, and each article in it is whole
        let left = graphs(&store);
        for (graph, quads) in &left {
            if let Some(want) = whole.get(graph) {
                assert_eq!(quads, want, "{graph} is in part");
            }
        }
        // and a build run again completes the store
        build(&store, &corpus);
        let again = graphs(&store);
        for (graph, want) in &whole {
            assert_eq!(again.get(graph), Some(want), "{graph} after the rebuild");
        }
    }
}
