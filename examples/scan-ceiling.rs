//! The regex crate's plain scanning rate over a corpus: the ceiling for a
//! rule-based extractor, which must at least look at every capitalised word
//! and number once. Reads every `.txt` file under the folders given, on all
//! cores as `delegraph build` does, and prints MB/s.
//!
//! `cargo run --release --example scan-ceiling -- DIR...`

use rayon::prelude::*;
use regex::Regex;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> std::process::ExitCode {
    let roots: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if roots.is_empty() {
        eprintln!("usage: scan-ceiling DIR...");
        return std::process::ExitCode::FAILURE;
    }
    // the `.txt` files under them, as `delegraph build` finds them
    let files = match delegraph::document::expand_paths(&roots) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("scan-ceiling: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
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
