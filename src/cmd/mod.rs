//! One runner per subcommand; [`run`] dispatches to them. Output to standard
//! output goes through [`stdout`], so a closed pipe surfaces as an
//! [`Error::Write`](crate::Error::Write) that `main` treats as success.

pub mod build;
pub mod export;
pub mod extract;
pub mod queries;
pub mod query;
pub mod serve;

use crate::cli::{Cli, Command};
use crate::error::Result;
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
