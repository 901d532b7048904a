//! The evaluation contract: `../shared/eval/run-eval.sh` on the seed
//! articles and on our own varied development set (`tests/dev`) must reach
//! the scores issue 3 asks for. Skipped (with a note) where `../shared`,
//! which holds the scorer, is not beside the repository.

use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    dir.join("eval/run-eval.sh").exists().then_some(dir)
}

/// Runs the scorer and returns its JSON report.
fn score(corpus: &Path, gold: &Path, shared: &Path) -> serde_json::Value {
    let out = Command::new("bash")
        .arg(shared.join("eval/run-eval.sh"))
        .arg(env!("CARGO_BIN_EXE_delegraph"))
        .arg(corpus)
        .arg(gold)
        .arg("--json")
        .output()
        .expect("run-eval.sh runs");
    assert!(
        out.status.success(),
        "run-eval.sh failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("run-eval.sh --json prints JSON")
}

fn table(report: &serde_json::Value) -> String {
    let mut t = format!("{:<20} {:>6} {:>6} {:>6}\n", "query", "P", "R", "F1");
    for name in [
        "delegation-leaders",
        "delegation-members",
        "meetings",
        "agreements",
        "person-roles",
        "overall",
    ] {
        let m = &report[name];
        t += &format!(
            "{:<20} {:>6.3} {:>6.3} {:>6.3}\n",
            name,
            m["precision"].as_f64().unwrap_or(0.0),
            m["recall"].as_f64().unwrap_or(0.0),
            m["f1"].as_f64().unwrap_or(0.0)
        );
    }
    t
}

/// Fails unless overall F1 reaches `overall` and each query's `each`.
fn assert_scores(report: &serde_json::Value, overall: f64, each: f64) {
    let t = table(report);
    println!("{t}");
    let f1 = |q: &str| report[q]["f1"].as_f64().unwrap_or(0.0);
    assert!(f1("overall") >= overall, "overall F1 below {overall}:\n{t}");
    for q in [
        "delegation-leaders",
        "delegation-members",
        "meetings",
        "agreements",
        "person-roles",
    ] {
        assert!(f1(q) >= each, "{q} F1 below {each}:\n{t}");
    }
}

#[test]
fn seeds_reach_overall_f1_097_and_every_query_090() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared/eval is not beside the repository");
        return;
    };
    let report = score(
        &shared.join("seeds"),
        &shared.join("eval/seeds-gold.json"),
        &shared,
    );
    assert_scores(&report, 0.97, 0.90);
}

/// Sixteen articles in our own words about other talks, summits and calls,
/// written to vary the phrasing (see tests/dev/README.md).
#[test]
fn the_varied_dev_set_reaches_overall_f1_090() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared/eval is not beside the repository");
        return;
    };
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dev");
    let report = score(&dev.join("articles"), &dev.join("gold.json"), &shared);
    assert_scores(&report, 0.90, 0.80);
}

/// Scores a blind set (`tests/<dir>`) and fails below overall F1 `floor`.
/// A blind set's score is what the extractor does on wordings it had not
/// met when the set was written; each floor sits a little under the last
/// measure, so it only catches a fall.
fn blind_floor(dir: &str, floor: f64) {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared/eval is not beside the repository");
        return;
    };
    let blind = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir);
    let report = score(&blind.join("articles"), &blind.join("gold.json"), &shared);
    assert_scores(&report, floor, 0.0);
}

/// Eight articles written without looking at the extractor (see
/// tests/blind/README.md); last measured at 0.775.
#[test]
fn the_blind_set_does_not_fall_below_overall_f1_072() {
    blind_floor("blind", 0.72);
}

/// Ten more written the same way (tests/blind2/README.md); last 0.808.
#[test]
fn the_second_blind_set_does_not_fall_below_overall_f1_078() {
    blind_floor("blind2", 0.78);
}

/// Ten more again (tests/blind3/README.md); first 0.578, last 0.786.
#[test]
fn the_third_blind_set_does_not_fall_below_overall_f1_075() {
    blind_floor("blind3", 0.75);
}

/// Eight articles of 2024-25 in the seeds' genre (tests/blind4/README.md);
/// first 0.779, last 0.811.
#[test]
fn the_fourth_blind_set_does_not_fall_below_overall_f1_078() {
    blind_floor("blind4", 0.78);
}

/// Ten articles from 1966 to 2023 (tests/blind5/README.md); first 0.601,
/// last 0.837.
#[test]
fn the_fifth_blind_set_does_not_fall_below_overall_f1_080() {
    blind_floor("blind5", 0.80);
}

/// Ten articles from 1951 to 2024 (tests/blind6/README.md); first 0.466,
/// last 0.710.
#[test]
fn the_sixth_blind_set_does_not_fall_below_overall_f1_068() {
    blind_floor("blind6", 0.68);
}

/// Ten articles from 1967 to 2020 (tests/blind7/README.md); first 0.582,
/// last 0.794.
#[test]
fn the_seventh_blind_set_does_not_fall_below_overall_f1_076() {
    blind_floor("blind7", 0.76);
}

#[test]
fn the_bundled_sample_corpus_scores_against_its_gold() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared/eval is not beside the repository");
        return;
    };
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample");
    let report = score(&sample, &sample.join("gold.json"), &shared);
    let t = table(&report);
    println!("{t}");
    assert!(
        report["overall"]["f1"].as_f64().unwrap_or(0.0) >= 0.80,
        "sample F1 below 0.80:\n{t}"
    );
}
