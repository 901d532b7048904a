//! One runner per subcommand; [`run`] dispatches to them. Output to standard
//! output goes through [`stdout`], so a closed pipe surfaces as an
//! [`Error::Write`](crate::Error::Write) that `main` treats as success.

pub mod build;
pub mod export;
pub mod extract;
pub mod gen_corpus;
pub mod labels;
pub mod lifecycle;
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
use std::time::Duration;

/// Runs the command the command line asks for.
pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Build(args) => build::run(&args),
        Command::Query(args) => query::run(&args),
        Command::Queries => queries::run(),
        Command::Export(args) => export::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Remove(args) => lifecycle::remove(&args),
        Command::Stats(args) => lifecycle::stats(&args),
        Command::Extract(args) => {
            let mut out = stdout();
            extract::run(&args, &mut out)?;
            finish(out)
        }
        Command::GenCorpus(args) => gen_corpus::run(&args),
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

/// A duration: a number of seconds, or a number with `ms`, `s` or `m`.
pub(crate) fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let value: f64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a duration; write 30, 30s, 500ms or 2m"))?;
    let seconds = match unit.trim() {
        "" | "s" => value,
        "ms" => value / 1000.0,
        "m" | "min" => value * 60.0,
        other => return Err(format!("unknown unit {other:?}; use ms, s or m")),
    };
    let duration = Duration::try_from_secs_f64(seconds).map_err(|e| format!("{text:?}: {e}"))?;
    if duration.is_zero() {
        return Err("the time limit must be more than zero".into());
    }
    Ok(duration)
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
