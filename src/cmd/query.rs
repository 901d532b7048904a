//! `delegraph query`: run a saved query, a .rq file or `--sparql` text on a
//! store opened read-only, and write the results to standard output.

use crate::cli::QueryArgs;
use crate::cmd::{finish, stdout, STDOUT};
use crate::error::{Error, Result};
use crate::query;
use crate::store::GraphStore;
use std::io::Write;
use std::path::Path;

/// Runs `delegraph query`.
///
/// A read-only view of a store that a build is writing can fail to open or
/// lose a file under a running query (RocksDB compacts as it writes), so a
/// failed attempt is retried a few times from scratch; results are written
/// only once a run has succeeded, so nothing is printed twice.
pub fn run(args: &QueryArgs) -> Result<()> {
    let (name, text) = resolve(args)?;
    let mut attempt = 0;
    let results = loop {
        let mut buffer = Vec::new();
        let outcome = GraphStore::open_read_only(&args.store.store).and_then(|store| {
            let limits = query::Limits {
                timeout: Some(args.timeout),
                max_results: Some(args.max_rows),
            };
            query::run(
                &store,
                &name,
                &text,
                args.format,
                limits,
                &mut buffer,
                STDOUT,
            )
        });
        match outcome {
            Ok(()) => break buffer,
            Err(Error::Store { .. } | Error::QueryEvaluation { .. })
                if attempt < 4 && store_exists(args) =>
            {
                attempt += 1;
                std::thread::sleep(std::time::Duration::from_millis(100 * attempt));
            }
            Err(e) => return Err(e),
        }
    };
    let mut out = stdout();
    out.write_all(&results).map_err(|source| Error::Write {
        target: STDOUT.into(),
        source,
    })?;
    finish(out)
}

/// Whether the store directory holds a store (a missing one is not retried).
fn store_exists(args: &QueryArgs) -> bool {
    args.store.store.join("CURRENT").is_file()
}

/// The query's name for errors and its text: `--sparql`, a saved query, or
/// a file (a name ending in `.rq`, or naming an existing file).
fn resolve(args: &QueryArgs) -> Result<(String, String)> {
    if let Some(text) = &args.sparql {
        return Ok(("--sparql".to_owned(), text.clone()));
    }
    let Some(name) = &args.query else {
        return Err(Error::Usage {
            message: "give a saved query's name, a .rq file or --sparql".into(),
        });
    };
    if let Some(saved) = query::find(name) {
        return Ok((saved.name.to_owned(), saved.text.to_owned()));
    }
    let path = Path::new(name);
    if name.ends_with(".rq") || path.is_file() {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_owned(),
            source,
        })?;
        return Ok((name.clone(), text));
    }
    Err(Error::UnknownQuery { name: name.clone() })
}
