//! `delegraph query`: run a saved query, a .rq file or `--sparql` text on a
//! store opened read-only, and write the results to standard output.

use crate::cli::QueryArgs;
use crate::cmd::{finish, stdout, STDOUT};
use crate::error::{Error, Result};
use crate::query;
use crate::store::GraphStore;
use std::path::Path;

/// Runs `delegraph query`.
pub fn run(args: &QueryArgs) -> Result<()> {
    let (name, text) = resolve(args)?;
    let store = GraphStore::open_read_only(&args.store.store)?;
    let mut out = stdout();
    query::run(&store, &name, &text, args.format, &mut out, STDOUT)?;
    finish(out)
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
