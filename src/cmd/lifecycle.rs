//! `delegraph remove` and `delegraph stats`.

use crate::cli::{RemoveArgs, StoreArgs};
use crate::cmd::{finish, stdout, STDOUT};
use crate::error::{Error, Result};
use crate::lifecycle;
use crate::store::GraphStore;
use std::io::Write;

/// Runs `delegraph remove`: says on standard error what went.
pub fn remove(args: &RemoveArgs) -> Result<()> {
    let store = GraphStore::open(&args.store.store)?;
    let removed = lifecycle::remove_articles(&store, &args.articles)?;
    eprintln!(
        "removed {} article(s) from {}",
        removed.len(),
        args.store.store.display()
    );
    Ok(())
}

/// Runs `delegraph stats`: one line per graph, then the totals.
pub fn stats(args: &StoreArgs) -> Result<()> {
    let store = GraphStore::open_read_only(&args.store)?;
    let (graphs, total) = lifecycle::stats(&store)?;
    let articles = store.article_graphs()?.len();
    let mut out = stdout();
    let write = |out: &mut dyn Write, line: String| {
        writeln!(out, "{line}").map_err(|source| Error::Write {
            target: STDOUT.into(),
            source,
        })
    };
    let width = graphs
        .iter()
        .map(|g| g.graph.len())
        .max()
        .unwrap_or(5)
        .max(5);
    write(
        &mut out,
        format!(
            "{:<width$}  {:>8}  {:>6}  {:>8}",
            "graph", "triples", "people", "meetings"
        ),
    )?;
    for g in &graphs {
        write(
            &mut out,
            format!(
                "{:<width$}  {:>8}  {:>6}  {:>8}",
                g.graph, g.triples, g.people, g.meetings
            ),
        )?;
    }
    write(
        &mut out,
        format!(
            "{:<width$}  {:>8}  {:>6}  {:>8}",
            format!("store ({articles} articles)"),
            total.triples,
            total.people,
            total.meetings
        ),
    )?;
    finish(out)
}
