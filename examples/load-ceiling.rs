//! Oxigraph's own bulk load of an N-Quads file into a new store, with its
//! default batches and threads: the ceiling for `delegraph build`'s load.
//! Like the build, its files become visible in one step at the end (the
//! loader's default, atomic), and then the store is compacted
//! (`Store::optimize`), as the build does. `-` reads standard input (to load
//! a file decompressed on the fly). Prints quads/s, compaction included, and
//! the compaction's share in seconds.
//!
//! `cargo run --release --example load-ceiling -- FILE.nq|- STORE_DIR`

use oxigraph::io::RdfFormat;
use oxigraph::store::Store;
use std::io::{BufReader, Read};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, store] = &args[..] else {
        eprintln!("usage: load-ceiling FILE.nq|- STORE_DIR");
        return ExitCode::FAILURE;
    };
    match load(input, store) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("load-ceiling: {e}");
            ExitCode::FAILURE
        }
    }
}

fn load(input: &str, dir: &str) -> Result<String, Box<dyn std::error::Error>> {
    let reader: Box<dyn Read> = if input == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(input)?)
    };
    let store = Store::open(dir)?;
    let started = Instant::now();
    let mut loader = store.bulk_loader();
    loader.load_from_reader(RdfFormat::NQuads, BufReader::new(reader))?;
    loader.commit()?;
    let compacting = Instant::now();
    store.optimize()?;
    let compact = compacting.elapsed().as_secs_f64();
    let seconds = started.elapsed().as_secs_f64();
    let quads = store.len()?;
    Ok(format!(
        "load-ceiling quads={quads} seconds={seconds:.3} quads_per_s={:.0} compact_seconds={compact:.3}",
        quads as f64 / seconds
    ))
}
