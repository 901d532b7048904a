//! The library's one error type: each variant names the file, query or IRI
//! involved, in lowercase, so the CLI can print it on one line.

use std::path::PathBuf;

/// Everything that can go wrong in delegraph.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A path given on the command line does not exist or cannot be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The path.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// An input held no article text.
    #[error("{path}: the file is empty")]
    Empty {
        /// The path.
        path: PathBuf,
    },
    /// A path held no `.txt` article at all.
    #[error("no .txt articles found in {path}")]
    NoArticles {
        /// The path.
        path: PathBuf,
    },
    /// A data file built into the binary is malformed (a bug, caught by tests).
    #[error("built-in data file {file}, line {line}: {message}")]
    Lexicon {
        /// Which data file.
        file: &'static str,
        /// One-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The store could not be opened, read or written.
    #[error("store {path}: {message}")]
    Store {
        /// The store's directory.
        path: PathBuf,
        /// What failed, with a hint.
        message: String,
    },
    /// A SPARQL query did not parse.
    #[error("query {name}: {message}")]
    QuerySyntax {
        /// The saved query's name, the file, or `--sparql`.
        name: String,
        /// The parser's message, with its position.
        message: String,
    },
    /// A SPARQL query failed while running.
    #[error("query {name} failed: {message}")]
    QueryEvaluation {
        /// The saved query's name, the file, or `--sparql`.
        name: String,
        /// What failed.
        message: String,
    },
    /// No saved query has this name.
    #[error("no saved query named {name:?}; `delegraph queries` lists them")]
    UnknownQuery {
        /// The name asked for.
        name: String,
    },
    /// Options that do not fit together (a table format for a graph result).
    #[error("{message}")]
    Usage {
        /// What is wrong, and what would work.
        message: String,
    },
    /// The server could not start or stopped.
    #[error("cannot serve on {address}: {message}")]
    Serve {
        /// The address asked for.
        address: String,
        /// What failed.
        message: String,
    },
    /// A summary file (`extract --format scan|links`) did not parse.
    #[error("{path}, line {line}: not a {kind} summary ({message}); write it with `delegraph extract --format {kind}`")]
    Summary {
        /// The file.
        path: PathBuf,
        /// One-based line number.
        line: usize,
        /// `scan` or `links`.
        kind: &'static str,
        /// The parser's message.
        message: String,
    },
    /// Writing output failed.
    #[error("cannot write {target}: {source}")]
    Write {
        /// Where it was written (a file, or standard output).
        target: String,
        /// Why.
        source: std::io::Error,
    },
}

/// Shorthand for results in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
