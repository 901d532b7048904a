//! The regex crate's plain scanning rate over a corpus: the ceiling for a
//! rule-based extractor, which must at least look at every capitalised word
//! and number once. Reads every `.txt` file under the folders given, on all
//! cores as `delegraph build` does, and prints MB/s.
//!
//! `cargo run --release --example scan-ceiling -- DIR...`

use rayon::prelude::*;
use regex::Regex;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() -> std::process::ExitCode {
    let roots: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if roots.is_empty() {
        eprintln!("usage: scan-ceiling DIR...");
        return std::process::ExitCode::FAILURE;
    }
    let mut files = Vec::new();
    for root in &roots {
        walk(root, &mut files);
    }
    // capitalised words (names, places, offices) and numbers
    let Ok(pattern) = Regex::new(r"\b\p{Lu}[\p{L}\p{M}'’-]*|\b\d[\d,.]*") else {
        eprintln!("scan-ceiling: bad pattern");
        return std::process::ExitCode::FAILURE;
    };
    let started = Instant::now();
    let (bytes, matches) = files
        .par_iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            (text.len() as u64, pattern.find_iter(&text).count() as u64)
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "scan-ceiling files={} bytes={bytes} matches={matches} seconds={seconds:.3} mb_per_s={:.1} threads={}",
        files.len(),
        bytes as f64 / 1e6 / seconds,
        rayon::current_num_threads()
    );
    std::process::ExitCode::SUCCESS
}

fn walk(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for entry in entries {
            walk(&entry, out);
        }
    } else if path.extension().is_some_and(|e| e == "txt") {
        out.push(path.to_owned());
    }
}
