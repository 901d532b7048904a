//! The HTTP resources and what each takes: handlers read a request into the
//! library's terms, run the work on the blocking pool under the time limit,
//! and turn the outcome into a response. Every response carries CORS
//! headers, so web SPARQL clients (YASGUI) can query the server.

use crate::query::SAVED;
use crate::serve::assets;
use crate::serve::graph_store;
use crate::serve::node::{self, Lookup};
use crate::serve::protocol::{self, media_type, Kind, Operation};
use crate::serve::reply::{HttpError, Reply};
use crate::serve::shared::SharedStore;
use crate::serve::sparql;
use crate::store::GraphStore;
use crate::vocab::PREFIXES;
use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::header::{
    ACCEPT, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_METHODS,
    ACCESS_CONTROL_ALLOW_ORIGIN, ACCESS_CONTROL_MAX_AGE, ACCESS_CONTROL_REQUEST_HEADERS,
    CONTENT_LENGTH, CONTENT_TYPE, HOST, ORIGIN, VARY, X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use oxigraph::sparql::CancellationToken;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::Instant;

/// What every request shares.
pub struct App {
    /// The store.
    pub store: SharedStore,
    /// The longest an operation may run.
    pub timeout: Duration,
    /// The largest request body taken, in bytes.
    pub max_body: usize,
    /// The most rows (or triples) a query may give.
    pub max_results: usize,
    /// One permit per operation allowed to run at once.
    pub workers: Arc<Semaphore>,
    /// How many permits there are.
    pub workers_total: usize,
}

/// The server's resources.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/sparql", any(query))
        .route("/update", any(update))
        .route("/store", any(store_graph))
        .route("/queries", any(saved_queries))
        .route("/queries/{name}", any(saved_query))
        .route("/node", any(node_view))
        .route("/resolve", any(resolve))
        .route("/prefixes", any(prefixes))
        .fallback(asset)
        .layer(middleware::from_fn(cors))
        .with_state(app)
}

impl App {
    /// Runs `work` on the blocking pool with the store and a cancellation
    /// token, once a worker is free. Past the time limit (waiting included)
    /// the token is cancelled and the answer is 503; a client that goes away
    /// cancels it too. Oxigraph checks the token whenever it reads the
    /// store, so a query busy with data already in memory may run on after
    /// its answer: it keeps its worker until it stops, which bounds how many
    /// such queries can run at once. A read of a read-only store that fails
    /// (a build changed its files) is tried again on the store opened anew.
    async fn blocking<T, F>(self: &Arc<Self>, work: F) -> Result<T, HttpError>
    where
        T: Send + 'static,
        F: Fn(&GraphStore, &CancellationToken) -> Result<T, HttpError> + Send + 'static,
    {
        let deadline = Instant::now() + self.timeout;
        let Ok(Ok(permit)) =
            tokio::time::timeout_at(deadline, Arc::clone(&self.workers).acquire_owned()).await
        else {
            return Err(HttpError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the server is busy: its {} workers stayed taken for the whole time limit (--timeout); try again later",
                    self.workers_total
                ),
            ));
        };
        let token = CancellationToken::new();
        let guard = CancelOnDrop(token.clone());
        let app = Arc::clone(self);
        let task = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut store = app.store.current();
            let mut retries = 0;
            loop {
                match work(&store, &token) {
                    Err(error) if error.store_failed && retries < 2 && !app.store.is_writable() => {
                        retries += 1;
                        store = app.store.reopened();
                    }
                    outcome => return outcome,
                }
            }
        });
        let outcome = match tokio::time::timeout_at(deadline, task).await {
            Ok(Ok(outcome)) => outcome,
            Ok(Err(_)) => Err(HttpError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the worker answering this request failed",
            )),
            Err(_) => Err(HttpError::timed_out(self.timeout)),
        };
        drop(guard);
        outcome
    }
}

/// Cancels the token when dropped: when the answer is sent, when the time
/// limit passes, or when the client closes the connection.
struct CancelOnDrop(CancellationToken);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// A header's value as text, if present and readable.
fn header(headers: &HeaderMap, name: axum::http::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// The body, at most `limit` bytes (413 past it).
async fn read_body(request: Request, limit: usize) -> Result<Bytes, HttpError> {
    let declared = header(request.headers(), CONTENT_LENGTH).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(HttpError::too_large(limit));
    }
    axum::body::to_bytes(request.into_body(), limit)
        .await
        .map_err(|error| {
            let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&error);
            while let Some(cause) = source {
                if cause.is::<http_body_util::LengthLimitError>() {
                    return HttpError::too_large(limit);
                }
                source = cause.source();
            }
            HttpError::bad_request(format!("cannot read the request body: {error}"))
        })
}

/// The response for an outcome; negotiated ones say they vary by `Accept`.
fn respond(outcome: Result<Reply, HttpError>, negotiated: bool) -> Response {
    let mut response = match outcome {
        Ok(reply) => reply.into_response(),
        Err(error) => error.into_response(),
    };
    if negotiated {
        response
            .headers_mut()
            .insert(VARY, HeaderValue::from_static("Accept"));
    }
    response
}

/// 405 unless the request is a GET or HEAD.
fn only_get(method: &Method, path: &str) -> Result<(), HttpError> {
    match *method {
        Method::GET | Method::HEAD => Ok(()),
        _ => Err(HttpError::method_not_allowed(path, "GET, HEAD")),
    }
}

/// `/sparql`: the SPARQL 1.1 Protocol's query operation.
async fn query(State(app): State<Arc<App>>, request: Request) -> Response {
    respond(answer_query(app, request).await, true)
}

async fn answer_query(app: Arc<App>, request: Request) -> Result<Reply, HttpError> {
    let method = request.method().clone();
    if ![Method::GET, Method::HEAD, Method::POST].contains(&method) {
        return Err(HttpError::method_not_allowed("/sparql", "GET, POST"));
    }
    let url_query = request.uri().query().map(str::to_owned);
    let content_type = header(request.headers(), CONTENT_TYPE);
    let accept = header(request.headers(), ACCEPT);
    let body = if method == Method::POST {
        read_body(request, app.max_body).await?
    } else {
        Bytes::new()
    };
    let operation = protocol::read(
        Kind::Query,
        "/sparql",
        &method,
        url_query.as_deref(),
        content_type.as_deref(),
        &body,
    )?;
    let max = app.max_results;
    app.blocking(move |store, token| {
        sparql::query(store, &operation, accept.as_deref(), token, max)
    })
    .await
}

/// `/update`: the SPARQL 1.1 Protocol's update operation, with
/// `--allow-update` only.
async fn update(State(app): State<Arc<App>>, request: Request) -> Response {
    match answer_update(app, request).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(error) => error.into_response(),
    }
}

async fn answer_update(app: Arc<App>, request: Request) -> Result<(), HttpError> {
    if request.method() != Method::POST {
        return Err(HttpError::method_not_allowed("/update", "POST"));
    }
    if !app.store.is_writable() {
        return Err(HttpError::new(
            StatusCode::FORBIDDEN,
            "this server is read-only; start it with --allow-update to take SPARQL Update",
        ));
    }
    if let Some(origin) = header(request.headers(), ORIGIN) {
        let host = header(request.headers(), HOST).unwrap_or_default();
        if !same_origin(&origin, &host) {
            return Err(HttpError::new(
                StatusCode::FORBIDDEN,
                format!("updates are not taken from pages of another site ({origin})"),
            ));
        }
    }
    let url_query = request.uri().query().map(str::to_owned);
    let content_type = header(request.headers(), CONTENT_TYPE);
    let method = request.method().clone();
    let body = read_body(request, app.max_body).await?;
    let operation = protocol::read(
        Kind::Update,
        "/update",
        &method,
        url_query.as_deref(),
        content_type.as_deref(),
        &body,
    )?;
    app.blocking(move |store, token| sparql::update(store, &operation, token))
        .await
}

/// Whether an `Origin` header names the server itself (`Host`), so that a
/// page of another site cannot post updates through the user's browser.
fn same_origin(origin: &str, host: &str) -> bool {
    let authority = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"));
    authority.is_some_and(|authority| !host.is_empty() && authority.eq_ignore_ascii_case(host))
}

/// `/store?graph=IRI` and `/store?default`: the Graph Store Protocol's GET.
async fn store_graph(
    State(app): State<Arc<App>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let outcome = async move {
        only_get(&method, "/store")?;
        let target = graph_store::target(uri.query())?;
        let accept = header(&headers, ACCEPT);
        app.blocking(move |store, _| graph_store::read(store, &target, accept.as_deref()))
            .await
    };
    respond(outcome.await, true)
}

/// `/queries`: the saved queries, as JSON.
async fn saved_queries(method: Method) -> Response {
    let outcome = only_get(&method, "/queries").map(|()| {
        let list: Vec<_> = SAVED
            .iter()
            .map(|saved| {
                let header = saved.header();
                json!({
                    "name": saved.name,
                    "title": header.title,
                    "description": header.description,
                    "columns": header.columns,
                    "url": format!("/queries/{}", saved.name),
                    "sparql": saved.text,
                })
            })
            .collect();
        Reply {
            content_type: "application/json",
            body: json!(list).to_string().into_bytes(),
        }
    });
    respond(outcome, false)
}

/// `/queries/NAME`: runs a saved query, results negotiated.
async fn saved_query(
    State(app): State<Arc<App>>,
    Path(name): Path<String>,
    method: Method,
    headers: HeaderMap,
) -> Response {
    let outcome = async move {
        only_get(&method, "/queries/NAME")?;
        let saved = crate::query::find(&name).ok_or_else(|| {
            HttpError::not_found(format!(
                "no saved query named {name:?}; /queries lists them"
            ))
        })?;
        let operation = Operation {
            text: saved.text.to_owned(),
            ..Operation::default()
        };
        let accept = header(&headers, ACCEPT);
        let max = app.max_results;
        app.blocking(move |store, token| {
            sparql::query(store, &operation, accept.as_deref(), token, max)
        })
        .await
    };
    respond(outcome.await, true)
}

/// `/node?iri=IRI`: what the page shows of one node, as JSON.
async fn node_view(State(app): State<Arc<App>>, method: Method, uri: Uri) -> Response {
    let outcome = async move {
        only_get(&method, "/node")?;
        let iri = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
            .find(|(name, _)| name == "iri")
            .map(|(_, value)| value.into_owned())
            .ok_or_else(|| HttpError::bad_request("give the node: /node?iri=IRI"))?;
        app.blocking(move |store, token| node::view(store, &iri, token))
            .await
    };
    respond(outcome.await, false)
}

/// `POST /resolve`: labels for IRIs and nodes for names, as JSON.
async fn resolve(State(app): State<Arc<App>>, request: Request) -> Response {
    let outcome = async move {
        if request.method() != Method::POST {
            return Err(HttpError::method_not_allowed("/resolve", "POST"));
        }
        let content_type = header(request.headers(), CONTENT_TYPE).unwrap_or_default();
        if media_type(&content_type) != "application/json" {
            return Err(HttpError::unsupported_media_type(
                "/resolve",
                "application/json",
            ));
        }
        let body = read_body(request, app.max_body).await?;
        let lookup: Lookup = serde_json::from_slice(&body)
            .map_err(|e| HttpError::bad_request(format!("bad lookup: {e}")))?;
        app.blocking(move |store, _| node::resolve(store, &lookup))
            .await
    };
    respond(outcome.await, false)
}

/// `/prefixes`: the ontology's prefixes, for the page's SPARQL box.
async fn prefixes(method: Method) -> Response {
    let outcome = only_get(&method, "/prefixes").map(|()| {
        let list: Vec<_> = PREFIXES
            .iter()
            .map(|(prefix, iri)| json!({"prefix": prefix, "iri": iri}))
            .collect();
        Reply {
            content_type: "application/json",
            body: json!(list).to_string().into_bytes(),
        }
    });
    respond(outcome, false)
}

/// The page's files; 404 for any other path.
async fn asset(method: Method, uri: Uri) -> Response {
    let path = uri.path();
    let Some(asset) = assets::find(path) else {
        return HttpError::not_found(format!(
            "nothing at {path}; the page is at /, the SPARQL endpoint at /sparql"
        ))
        .into_response();
    };
    if let Err(error) = only_get(&method, path) {
        return error.into_response();
    }
    ([(CONTENT_TYPE, asset.content_type)], asset.body).into_response()
}

/// CORS for every response, and the answer to a preflight `OPTIONS`.
async fn cors(request: Request, next: Next) -> Response {
    let mut response = if request.method() == Method::OPTIONS {
        let mut response = StatusCode::NO_CONTENT.into_response();
        let headers = response.headers_mut();
        headers.insert(
            ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, HEAD, POST, OPTIONS"),
        );
        let asked = request
            .headers()
            .get(ACCESS_CONTROL_REQUEST_HEADERS)
            .cloned();
        headers.insert(
            ACCESS_CONTROL_ALLOW_HEADERS,
            asked.unwrap_or_else(|| HeaderValue::from_static("Accept, Content-Type")),
        );
        headers.insert(ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("86400"));
        // Chromium asks before a public page (YASGUI online) may reach a
        // server on this machine.
        if request
            .headers()
            .contains_key("access-control-request-private-network")
        {
            headers.insert(
                "access-control-allow-private-network",
                HeaderValue::from_static("true"),
            );
        }
        response
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    headers.insert(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_server_itself_is_the_same_origin() {
        assert!(same_origin("http://127.0.0.1:7878", "127.0.0.1:7878"));
        assert!(same_origin("http://LOCALHOST:7878", "localhost:7878"));
        assert!(!same_origin("http://evil.example", "127.0.0.1:7878"));
        assert!(!same_origin("null", "127.0.0.1:7878"));
        assert!(!same_origin("http://127.0.0.1:7878", ""));
    }
}
