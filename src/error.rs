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
    /// A file that holds binary data, not text.
    #[error("{path}: binary data, not an article; skipped")]
    Binary {
        /// The path.
        path: PathBuf,
    },
    /// A file far larger than any article.
    #[error("{path}: {bytes} bytes, more than the {limit} bytes an article may have; skipped")]
    TooLarge {
        /// The path.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The most an article may have.
        limit: u64,
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
    /// A SPARQL query ran past its time limit and was cancelled.
    #[error("query {name} ran longer than {seconds} s and was stopped; raise --timeout or narrow the query")]
    QueryTimeout {
        /// The saved query's name, the file, or `--sparql`.
        name: String,
        /// The limit, in seconds.
        seconds: f64,
    },
    /// A SPARQL query gave more results than allowed.
    #[error("query {name} gives more than {max} results; add a LIMIT or raise --max-rows")]
    TooManyResults {
        /// The saved query's name, the file, or `--sparql`.
        name: String,
        /// The cap.
        max: usize,
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
