//! `delegraph extract` on real articles: the facts a careful reader finds
//! are there, the ones the text denies are not, and every fact points back
//! to the sentence it came from. Expected values were read off the articles
//! (and, for the seeds, `../shared/eval/seeds-gold-notes.md`), not copied
//! from the program's output.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn extract(paths: &[PathBuf]) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_delegraph"))
        .arg("extract")
        .arg("--format")
        .arg("json")
        .args(paths)
        .output()
        .expect("delegraph runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    v.as_array().cloned().unwrap_or_default()
}

/// The facts of one article whose `type` is `kind`.
fn facts<'a>(article: &'a Value, kind: &str) -> Vec<&'a Value> {
    article["facts"]
        .as_array()
        .map(|fs| fs.iter().filter(|f| f["fact"]["type"] == kind).collect())
        .unwrap_or_default()
}

fn name_of(article: &Value, key: &Value) -> String {
    article["people"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["key"] == *key))
        .and_then(|p| p["name"].as_str())
        .unwrap_or("")
        .to_string()
}

fn article<'a>(all: &'a [Value], id: &str) -> &'a Value {
    all.iter()
        .find(|a| a["article"]["id"] == id)
        .unwrap_or_else(|| panic!("article {id} missing"))
}

/// (date, place, country, leader name) of each delegation leader.
fn leaders(a: &Value) -> Vec<(String, String, String, String)> {
    facts(a, "delegation-leader")
        .iter()
        .map(|f| {
            let m = &f["fact"]["meeting"];
            (
                m["date"].as_str().unwrap_or("").to_string(),
                m["place"].as_str().unwrap_or("").to_string(),
                f["fact"]["country"].as_str().unwrap_or("").to_string(),
                name_of(a, &f["fact"]["person"]),
            )
        })
        .collect()
}

fn members(a: &Value) -> Vec<String> {
    facts(a, "delegation-member")
        .iter()
        .map(|f| name_of(a, &f["fact"]["person"]))
        .collect()
}

fn sample() -> Vec<Value> {
    extract(&[repo().join("data/sample")])
}

#[test]
fn sample_first_round_names_both_delegation_leaders() {
    let all = sample();
    let a = article(&all, "01_istanbul_first_round.txt");
    let l = leaders(a);
    let want = |country: &str, who: &str| {
        (
            "2025-05-16".into(),
            "Istanbul".into(),
            country.into(),
            who.into(),
        )
    };
    assert!(l.contains(&want("Russia", "Vladimir Medinsky")), "{l:?}");
    assert!(l.contains(&want("Ukraine", "Rustem Umerov")), "{l:?}");
}

#[test]
fn sample_prisoner_exchange_has_its_quantity_and_no_ceasefire_is_agreed() {
    let all = sample();
    let a = article(&all, "01_istanbul_first_round.txt");
    let kinds: Vec<(String, Option<u64>)> = facts(a, "agreement")
        .iter()
        .map(|f| {
            (
                f["fact"]["kind"].as_str().unwrap_or("").to_string(),
                f["fact"]["quantity"].as_u64(),
            )
        })
        .collect();
    assert!(
        kinds.contains(&("prisoner-exchange".into(), Some(1000))),
        "{kinds:?}"
    );
    assert!(
        !kinds.iter().any(|(k, _)| k == "ceasefire"),
        "'No ceasefire was agreed' gave a ceasefire: {kinds:?}"
    );
}

#[test]
fn a_president_who_declined_to_attend_is_no_member() {
    let all = sample();
    let a = article(&all, "01_istanbul_first_round.txt");
    let m = members(a);
    assert!(!m.iter().any(|n| n.contains("Zelensky")), "{m:?}");
}

#[test]
fn every_fact_points_at_its_sentence_in_the_original_file() {
    let dir = repo().join("data/sample");
    for a in sample() {
        let id = a["article"]["id"].as_str().unwrap_or("");
        let original = std::fs::read_to_string(dir.join(id)).expect("sample article reads");
        for f in a["facts"].as_array().into_iter().flatten() {
            let e = &f["evidence"];
            let (start, end) = (
                e["start"].as_u64().unwrap_or(0) as usize,
                e["end"].as_u64().unwrap_or(0) as usize,
            );
            let slice = original.get(start..end).unwrap_or("");
            let first_word = e["text"]
                .as_str()
                .unwrap_or("")
                .split_whitespace()
                .next()
                .unwrap_or("");
            assert!(
                !first_word.is_empty() && slice.starts_with(first_word),
                "{id}: {slice:?} vs {e}"
            );
            assert!(e["rule"].as_str().is_some_and(|r| !r.is_empty()));
            // the character offsets (NIF's) name the same span as the bytes
            let (cs, ce) = (
                e["char_start"].as_u64().unwrap_or(0) as usize,
                e["char_end"].as_u64().unwrap_or(0) as usize,
            );
            let by_chars: String = original.chars().skip(cs).take(ce - cs).collect();
            assert_eq!(by_chars, slice, "{id}: character and byte spans differ");
        }
    }
}

#[test]
fn explain_lists_every_sentence_with_its_rules() {
    let out = Command::new(env!("CARGO_BIN_EXE_delegraph"))
        .args(["extract", "--explain"])
        .arg(repo().join("data/sample/01_istanbul_first_round.txt"))
        .output()
        .expect("delegraph runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        text.contains("rules: (none)"),
        "sentences without facts are shown too"
    );
    assert!(text.contains("delegation-led-by"), "{text}");
}

fn seeds() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    p.exists().then_some(p)
}

#[test]
fn seeds_people_not_included_this_time_are_not_members() {
    let Some(seeds) = seeds() else { return };
    let all = extract(&[seeds]);
    let a = article(&all, "003_ae45607cbd54d3d3.txt");
    let m = members(a);
    assert!(m.iter().any(|n| n == "Mikhail Galuzin"), "{m:?}");
    // "Rudenko and Slutsky, who took part in the talks three years ago, were
    // not included in the delegation this time": members in 2022, not 2025
    let in_year = |year: &str| -> Vec<String> {
        facts(a, "delegation-member")
            .iter()
            .filter(|f| {
                let mt = &f["fact"]["meeting"];
                mt["date"].as_str().is_some_and(|d| d.starts_with(year))
                    || mt["year"].as_i64().is_some_and(|y| y.to_string() == year)
            })
            .map(|f| name_of(a, &f["fact"]["person"]))
            .collect()
    };
    let now = in_year("2025");
    assert!(
        !now.iter()
            .any(|n| n.contains("Rudenko") || n.contains("Slutsky")),
        "{now:?}"
    );
    let then = in_year("2022");
    assert!(then.iter().any(|n| n.contains("Rudenko")), "{then:?}");
    assert!(then.iter().any(|n| n.contains("Slutsky")), "{then:?}");
}

#[test]
fn seeds_undated_article_takes_its_date_from_the_others() {
    let Some(seeds) = seeds() else { return };
    let all = extract(&[seeds]);
    // D0 has no date; its "telephone conversation on Saturday" follows the
    // Friday 16 May talks that the dated articles describe
    let a = article(&all, "000_38030c021203ec76.txt");
    assert_eq!(a["article"]["date_inferred"], true);
    let calls: Vec<&str> = a["meetings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|m| m["key"]["kind"] == "phone-call")
        .filter_map(|m| m["key"]["date"].as_str())
        .collect();
    assert_eq!(calls, ["2025-05-17"]);
}

#[test]
fn seeds_no_ceasefire_was_agreed() {
    let Some(seeds) = seeds() else { return };
    let all = extract(&[seeds]);
    let a = article(&all, "002_24ca8abc6b35c596.txt");
    assert!(!facts(a, "agreement")
        .iter()
        .any(|f| f["fact"]["kind"] == "ceasefire"));
    assert!(facts(a, "agreement")
        .iter()
        .any(|f| f["fact"]["kind"] == "prisoner-exchange" && f["fact"]["quantity"] == 1000));
}
