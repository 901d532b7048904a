//! The command line: clap derive types whose doc comments are the help text.
//! Each subcommand's settings go to its runner in `cmd/`.

use crate::query::ResultsFormat;
use crate::store::{ExportFormat, DEFAULT_STORE};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Turn news articles about diplomacy into an RDF knowledge graph: people,
/// roles, delegations, meetings and agreements, in an embedded Oxigraph
/// store, with saved SPARQL queries.
#[derive(Debug, Parser)]
#[command(name = "delegraph", version)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles, extract their facts and write each article's graph to the store.
    ///
    /// Building an article again replaces its graph, so rebuilding never
    /// duplicates anything. A summary goes to standard error.
    Build(BuildArgs),
    /// Run a saved query, a .rq file or SPARQL text against the store.
    ///
    /// The default graph is the union of every graph in the store. The store
    /// is opened read-only, so queries run while a build holds it.
    Query(QueryArgs),
    /// List the saved queries with what each returns.
    Queries,
    /// Write the whole store as RDF, sorted.
    Export(ExportArgs),
    /// Remove articles' graphs from the store.
    ///
    /// Each ARTICLE is a file name as built (`01_istanbul_first_round.txt`);
    /// `delegraph stats` lists them. All are removed in one transaction, or
    /// none when one is not in the store. The labels are recomputed.
    Remove(RemoveArgs),
    /// Show what the store holds: for each graph its triples, people and
    /// meetings, and the totals.
    Stats(StoreArgs),
    /// Show what the extractor finds in articles, without a store.
    ///
    /// Each fact is printed under the sentence it came from, with the rule
    /// that produced it; `--explain` also lists the sentences that gave
    /// nothing, so a missing fact can be traced.
    Extract(crate::cmd::extract::ExtractArgs),
    /// Compute the labels graph from article graphs in N-Quads.
    ///
    /// Reads the output of `extract --format nquads` (files, or standard
    /// input) and writes, as N-Quads, one skos:prefLabel per labelled
    /// resource: the label most article graphs state. The saved queries
    /// read names from it, so a store loaded from shards needs it too.
    Labels(crate::cmd::labels::LabelsArgs),
    /// Write a synthetic corpus for scale tests (the sample articles varied).
    #[command(hide = true)]
    GenCorpus(crate::cmd::gen_corpus::GenCorpusArgs),
    /// Serve the store over HTTP: a SPARQL endpoint and a web page.
    ///
    /// `/sparql` is a SPARQL 1.1 Protocol endpoint (GET, or POST as a form
    /// or application/sparql-query; results negotiated by Accept), `/store`
    /// the Graph Store Protocol's read side, `/queries` the saved queries,
    /// and `/` a page that runs them and shows each node. The store is
    /// opened read-only, so builds and queries keep working beside the
    /// server; it opens the store again when a build has changed it.
    Serve(crate::cmd::serve::ServeArgs),
}

/// The store to use.
#[derive(Debug, Args)]
pub struct StoreArgs {
    /// The store's directory (created by `build` if missing).
    #[arg(long, value_name = "DIR", default_value = DEFAULT_STORE)]
    pub store: PathBuf,
}

/// Settings of `delegraph build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Article files (.txt) or directories of them; `-` or nothing reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Which store.
    #[command(flatten)]
    pub store: StoreArgs,
    /// No progress bar (it is drawn on standard error only when that is a
    /// terminal); the summary is still printed.
    #[arg(short, long)]
    pub quiet: bool,
    /// Also remove from the store every article the input no longer holds
    /// (matched by file name), so the store mirrors the folders given. A
    /// file still there but unreadable keeps its graph. Not with standard
    /// input.
    #[arg(long)]
    pub prune: bool,
}

/// Settings of `delegraph remove`.
#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The articles to remove, by file name.
    #[arg(value_name = "ARTICLE", required = true)]
    pub articles: Vec<String>,
    /// Which store.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Settings of `delegraph query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// A saved query's name (see `delegraph queries`) or a .rq file.
    #[arg(
        value_name = "NAME|FILE.rq",
        required_unless_present = "sparql",
        conflicts_with = "sparql"
    )]
    pub query: Option<String>,
    /// SPARQL query text to run instead of a saved query.
    #[arg(long, value_name = "TEXT")]
    pub sparql: Option<String>,
    /// How to write the results: table, csv, tsv, json, xml for SELECT and
    /// ASK; turtle (also `table`) or ntriples for CONSTRUCT and DESCRIBE.
    #[arg(long, value_enum, default_value_t = ResultsFormat::Table)]
    pub format: ResultsFormat,
    /// Stop a query that runs longer than this (30, 30s, 500ms, 2m) with an
    /// error, rather than letting it run on.
    #[arg(long, value_name = "TIME", default_value = "60s", value_parser = crate::cmd::parse_duration)]
    pub timeout: std::time::Duration,
    /// Refuse a query that gives more results than this (rows, or triples
    /// for CONSTRUCT and DESCRIBE) with an error, rather than print part of
    /// them; add a LIMIT to the query to see the first ones.
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    pub max_rows: usize,
    /// Which store.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Settings of `delegraph export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The RDF syntax: triple formats merge all graphs, nquads and trig keep them.
    #[arg(long, value_enum, default_value_t = ExportFormat::Turtle)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Which store.
    #[command(flatten)]
    pub store: StoreArgs,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
