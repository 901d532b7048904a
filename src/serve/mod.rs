//! `delegraph serve`: the store over HTTP. A SPARQL 1.1 Protocol endpoint
//! (`/sparql`, and `/update` when allowed), the read side of the Graph
//! Store Protocol (`/store`), the saved queries (`/queries`), and a web
//! page (`/`) that runs them, draws the graph around a node, and needs
//! nothing from outside the binary.
//!
//! The modules, bottom up: `negotiate` (Accept headers), `protocol` (how a
//! request carries an operation), `reply` (answers and HTTP errors),
//! `shared` (the store every request reads), `sparql`, `graph_store` and
//! `node` (the work, run on tokio's blocking pool), `assets` (the page's
//! files) and `routes` (the resources).

pub mod assets;
pub mod graph_store;
pub mod negotiate;
pub mod node;
pub mod protocol;
pub mod reply;
pub mod routes;
pub mod shared;
pub mod sparql;

use crate::error::{Error, Result};
use shared::SharedStore;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// How to serve, validated.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The store's directory.
    pub store: PathBuf,
    /// The address to listen on (port 0: any free port).
    pub bind: SocketAddr,
    /// The longest an operation may run.
    pub timeout: Duration,
    /// Whether `/update` takes SPARQL Update (the store is then opened
    /// read-write and locked).
    pub allow_update: bool,
    /// The largest request body taken, in bytes.
    pub max_body: usize,
    /// The most rows (or triples) a query may give; more is an error.
    pub max_results: usize,
}

/// How many operations may run at once: twice the cores, four at least.
/// More wait for a free worker, within the time limit.
pub fn workers() -> usize {
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    (2 * cores).max(4)
}

/// Opens the store, listens, calls `ready` with the address bound, and
/// serves until the process ends.
pub fn serve(settings: &Settings, ready: impl FnOnce(SocketAddr, &SharedStore)) -> Result<()> {
    let store = if settings.allow_update {
        SharedStore::writable(&settings.store)?
    } else {
        SharedStore::read_only(&settings.store)?
    };
    let failed = |message: String| Error::Serve {
        address: settings.bind.to_string(),
        message,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(workers())
        .thread_name("delegraph-serve")
        .build()
        .map_err(|e| failed(format!("cannot start the runtime: {e}")))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(settings.bind)
            .await
            .map_err(|e| failed(format!("cannot listen: {e}")))?;
        let address = listener
            .local_addr()
            .map_err(|e| failed(format!("cannot read the address bound: {e}")))?;
        ready(address, &store);
        let app = Arc::new(routes::App {
            store,
            timeout: settings.timeout,
            max_body: settings.max_body,
            max_results: settings.max_results,
            workers: Arc::new(tokio::sync::Semaphore::new(workers())),
            workers_total: workers(),
        });
        axum::serve(listener, routes::router(app))
            .await
            .map_err(|e| failed(e.to_string()))
    })
}
