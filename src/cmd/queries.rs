//! `delegraph queries`: list the saved queries with their descriptions.

use crate::cmd::{finish, stdout, STDOUT};
use crate::error::{Error, Result};
use crate::query::SAVED;
use std::io::Write;

/// Runs `delegraph queries`.
pub fn run() -> Result<()> {
    let width = SAVED.iter().map(|q| q.name.len()).max().unwrap_or(0);
    let mut out = stdout();
    for query in SAVED {
        let header = query.header();
        writeln!(out, "{:<width$}  {}", query.name, header.description).map_err(|source| {
            Error::Write {
                target: STDOUT.into(),
                source,
            }
        })?;
    }
    finish(out)
}
