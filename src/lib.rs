//! delegraph: news articles about diplomacy in, an RDF knowledge graph out.
//!
//! The pipeline reads top to bottom:
//! document -> text (sentences) -> mention -> extract (facts) -> resolve ->
//! mapping (quads) -> store -> query / export / serve.
#![deny(missing_docs)]

pub mod cli;
pub mod cmd;
pub mod corpus;
pub mod dates;
pub mod document;
pub mod error;
pub mod extract;
pub mod fact;
pub mod labels;
pub mod lexicon;
pub mod lifecycle;
pub mod link;
pub mod loader;
pub mod mapping;
pub mod mention;
pub mod names;
pub mod pipeline;
pub mod progress;
pub mod query;
pub mod serve;
pub mod store;
pub mod text;
pub mod vocab;

pub use error::{Error, Result};
