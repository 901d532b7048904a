//! The `delegraph` binary: parse the command line, run it, report an error
//! on one line. A closed standard output (`delegraph query … | head`) is not
//! an error.

use clap::Parser;
use delegraph::cli::Cli;
use delegraph::Error;
use std::process::ExitCode;

/// mimalloc for Rust's allocations; its `override` feature makes it the C
/// library's malloc as well (see Cargo.toml), so the two never mix.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match delegraph::cmd::run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Write { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("delegraph: {error}");
            ExitCode::FAILURE
        }
    }
}
