//! `delegraph export`: write the whole store as RDF to a file or standard
//! output, from a store opened read-only.

use crate::cli::ExportArgs;
use crate::cmd::{finish, stdout, STDOUT};
use crate::error::{Error, Result};
use crate::store::GraphStore;

/// Runs `delegraph export`.
pub fn run(args: &ExportArgs) -> Result<()> {
    let store = GraphStore::open_read_only(&args.store.store)?;
    match &args.output {
        Some(path) => {
            let target = path.display().to_string();
            let file = std::fs::File::create(path).map_err(|source| Error::Write {
                target: target.clone(),
                source,
            })?;
            store.export(args.format, file, &target)
        }
        None => {
            let mut out = stdout();
            store.export(args.format, &mut out, STDOUT)?;
            finish(out)
        }
    }
}
