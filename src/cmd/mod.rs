//! One runner per subcommand; [`run`] dispatches to them. Output to standard
//! output goes through [`stdout`], so a closed pipe surfaces as an
//! [`Error::Write`](crate::Error::Write) that `main` treats as success.

pub mod build;
pub mod export;
pub mod extract;
pub mod labels;
pub mod queries;
pub mod query;
pub mod serve;

use crate::cli::{Cli, Command};
use crate::error::Result;
use crate::mapping::article_iri;
use crate::pipeline::Corpus;
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{BufWriter, StdoutLock, Write};

/// Runs the command the command line asks for.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build(args) => build::run(&args),
        Command::Query(args) => query::run(&args),
        Command::Queries => queries::run(),
        Command::Export(args) => export::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Extract(args) => {
            let mut out = stdout();
            extract::run(&args, &mut out)?;
            finish(out)
        }
        Command::Labels(args) => {
            let mut out = stdout();
            labels::run(&args, &mut out)?;
            finish(out)
        }
    }
}

/// How errors name standard output.
pub const STDOUT: &str = "standard output";

/// Buffered, locked standard output.
pub fn stdout() -> BufWriter<StdoutLock<'static>> {
    BufWriter::new(std::io::stdout().lock())
}

/// Flushes `out`, naming standard output in the error.
pub fn finish(mut out: impl Write) -> Result<()> {
    out.flush().map_err(|source| crate::Error::Write {
        target: STDOUT.into(),
        source,
    })
}

/// The articles of `corpus` whose graph a later article replaces: two files
/// with one name (in two folders) are one graph, and building them in turn
/// leaves the last. Only hashes of the names stay in memory, and names
/// are compared where hashes meet.
pub fn replaced(corpus: &Corpus) -> HashSet<usize> {
    let iri = |i: usize| corpus.article_id(i).map(|id| article_iri(&id));
    let mut hashes: Vec<(u64, usize)> = (0..corpus.len())
        .map(|i| {
            let mut hasher = DefaultHasher::new();
            iri(i).hash(&mut hasher);
            (hasher.finish(), i)
        })
        .collect();
    hashes.sort_unstable();
    let mut replaced = HashSet::new();
    for group in hashes.chunk_by(|a, b| a.0 == b.0) {
        for (k, (_, i)) in group.iter().enumerate() {
            if group[k + 1..].iter().any(|(_, j)| iri(*j) == iri(*i)) {
                replaced.insert(*i);
            }
        }
    }
    replaced
}
