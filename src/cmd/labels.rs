//! `delegraph labels`: the labels graph of article graphs given as N-Quads
//! (and the ontology's graph with `--ontology`), the reduce step after
//! `extract --format nquads` ran on shards.

use crate::error::{Error, Result};
use crate::labels::Labeller;
use crate::store::ontology_quads;
use clap::Args;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{GraphName, Quad};
use std::io::{BufReader, Read, Write};
use std::path::PathBuf;

/// Arguments of `delegraph labels`.
#[derive(Debug, Clone, Args)]
pub struct LabelsArgs {
    /// N-Quads files of article graphs (`extract --format nquads`); `-` or
    /// nothing reads standard input. Each article's graph must come in one
    /// piece, as `extract` writes it.
    #[arg(value_name = "FILE.nq")]
    pub paths: Vec<PathBuf>,
    /// Also write the ontology's graph, so that the article graphs and this
    /// output hold every graph a build puts in a store.
    #[arg(long)]
    pub ontology: bool,
}

/// Runs `delegraph labels`: reads every quad, writes the labels graph.
pub fn run(args: &LabelsArgs, out: &mut dyn Write) -> Result<()> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    let mut labeller = Labeller::default();
    let mut serializer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(&mut *out);
    let write = |source| Error::Write {
        target: super::STDOUT.into(),
        source,
    };
    for path in &paths {
        let reader: Box<dyn Read> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(std::fs::File::open(path).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?)
        };
        // one article graph at a time: quads of a graph come together
        let mut graph: Vec<Quad> = Vec::new();
        let mut flush = |graph: &mut Vec<Quad>| -> Result<()> {
            for quad in labeller.article(graph) {
                serializer.serialize_quad(&quad).map_err(write)?;
            }
            graph.clear();
            Ok(())
        };
        for quad in RdfParser::from_format(RdfFormat::NQuads).for_reader(BufReader::new(reader)) {
            let quad = quad.map_err(|e| Error::Usage {
                message: format!("{}: not N-Quads: {e}", path.display()),
            })?;
            if graph
                .last()
                .is_some_and(|q: &Quad| q.graph_name != quad.graph_name)
            {
                flush(&mut graph)?;
            }
            if matches!(quad.graph_name, GraphName::NamedNode(_)) {
                graph.push(quad);
            }
        }
        flush(&mut graph)?;
    }
    for quad in labeller.finish() {
        serializer.serialize_quad(&quad).map_err(write)?;
    }
    if args.ontology {
        for quad in ontology_quads()? {
            serializer.serialize_quad(&quad).map_err(write)?;
        }
    }
    serializer.finish().map_err(write)?;
    Ok(())
}
