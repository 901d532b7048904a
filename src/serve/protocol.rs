//! The SPARQL 1.1 Protocol's ways of sending an operation: a query by GET
//! with `query=`, or by POST as a form or as `application/sparql-query`; an
//! update by POST as a form or as `application/sparql-update`. Each becomes
//! one [`Operation`]: the text and the graphs that make its dataset.

use crate::serve::reply::HttpError;
use axum::http::Method;

/// A query or an update, as sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// SPARQL 1.1 Query, at `/sparql`.
    Query,
    /// SPARQL 1.1 Update, at `/update`.
    Update,
}

impl Kind {
    /// The form field holding the operation's text.
    fn field(self) -> &'static str {
        match self {
            Kind::Query => "query",
            Kind::Update => "update",
        }
    }

    /// The media type of a body that is the operation's text.
    fn direct_media_type(self) -> &'static str {
        match self {
            Kind::Query => "application/sparql-query",
            Kind::Update => "application/sparql-update",
        }
    }

    /// The parameters naming the default graph's graphs and the named graphs.
    fn graph_fields(self) -> (&'static str, &'static str) {
        match self {
            Kind::Query => ("default-graph-uri", "named-graph-uri"),
            Kind::Update => ("using-graph-uri", "using-named-graph-uri"),
        }
    }
}

/// What a request asks: the operation's text and its dataset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Operation {
    /// The SPARQL text.
    pub text: String,
    /// `default-graph-uri` (or `using-graph-uri`) values, in order.
    pub default_graphs: Vec<String>,
    /// `named-graph-uri` (or `using-named-graph-uri`) values, in order.
    pub named_graphs: Vec<String>,
}

impl Operation {
    /// Whether the request names the dataset (otherwise the query's own
    /// FROM clauses, or the union of all graphs, make it).
    pub fn names_a_dataset(&self) -> bool {
        !self.default_graphs.is_empty() || !self.named_graphs.is_empty()
    }
}

/// The media type of a `Content-Type` header, without parameters, in lower case.
pub fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Reads an operation of `kind` from a request: its method, the URL's query
/// string, its `Content-Type` and body. `path` names the resource in errors.
pub fn read(
    kind: Kind,
    path: &str,
    method: &Method,
    url_query: Option<&str>,
    content_type: Option<&str>,
    body: &[u8],
) -> Result<Operation, HttpError> {
    let url_fields = fields(url_query.unwrap_or_default());
    let form = "application/x-www-form-urlencoded";
    if *method == Method::GET || *method == Method::HEAD {
        if kind == Kind::Update {
            return Err(HttpError::method_not_allowed(path, "POST"));
        }
        return from_fields(kind, &url_fields);
    }
    if *method != Method::POST {
        return Err(match kind {
            Kind::Query => HttpError::method_not_allowed(path, "GET, POST"),
            Kind::Update => HttpError::method_not_allowed(path, "POST"),
        });
    }
    let media = content_type.map(media_type).unwrap_or_default();
    if media == form {
        let text = std::str::from_utf8(body)
            .map_err(|_| HttpError::bad_request("the form is not valid UTF-8"))?;
        from_fields(kind, &fields(text))
    } else if media == kind.direct_media_type() {
        let text = std::str::from_utf8(body).map_err(|_| {
            HttpError::bad_request(format!("the {} body is not valid UTF-8", kind.field()))
        })?;
        let (default_field, named_field) = kind.graph_fields();
        Ok(Operation {
            text: text.to_owned(),
            default_graphs: values(&url_fields, default_field),
            named_graphs: values(&url_fields, named_field),
        })
    } else {
        Err(HttpError::unsupported_media_type(
            path,
            &format!("{form} or {}", kind.direct_media_type()),
        ))
    }
}

/// The name-value pairs of a query string or form, decoded.
fn fields(encoded: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(encoded.as_bytes())
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect()
}

fn values(fields: &[(String, String)], name: &str) -> Vec<String> {
    fields
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
        .collect()
}

/// An operation from form fields: exactly one text field, any number of graphs.
fn from_fields(kind: Kind, fields: &[(String, String)]) -> Result<Operation, HttpError> {
    let field = kind.field();
    let mut texts = values(fields, field);
    if texts.len() > 1 {
        return Err(HttpError::bad_request(format!(
            "give one {field} parameter, not {}",
            texts.len()
        )));
    }
    let Some(text) = texts.pop() else {
        return Err(HttpError::bad_request(format!(
            "no {field} parameter; send {field}=<SPARQL text>"
        )));
    };
    let (default_field, named_field) = kind.graph_fields();
    Ok(Operation {
        text,
        default_graphs: values(fields, default_field),
        named_graphs: values(fields, named_field),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;

    fn query(
        method: Method,
        url: Option<&str>,
        content_type: Option<&str>,
        body: &str,
    ) -> Result<Operation, HttpError> {
        read(
            Kind::Query,
            "/sparql",
            &method,
            url,
            content_type,
            body.as_bytes(),
        )
    }

    #[test]
    fn a_get_reads_the_query_string() {
        let operation = query(
            Method::GET,
            Some("query=ASK%20%7B%7D&default-graph-uri=http%3A%2F%2Fa&named-graph-uri=http://b&named-graph-uri=http://c"),
            None,
            "",
        )
        .expect("reads");
        assert_eq!(operation.text, "ASK {}");
        assert_eq!(operation.default_graphs, ["http://a"]);
        assert_eq!(operation.named_graphs, ["http://b", "http://c"]);
        assert!(operation.names_a_dataset());
    }

    #[test]
    fn a_form_post_reads_the_body() {
        let operation = query(
            Method::POST,
            None,
            Some("application/x-www-form-urlencoded; charset=UTF-8"),
            "query=SELECT+*+WHERE+%7B%7D",
        )
        .expect("reads");
        assert_eq!(operation.text, "SELECT * WHERE {}");
        assert!(!operation.names_a_dataset());
    }

    #[test]
    fn a_direct_post_is_the_query_with_graphs_in_the_url() {
        let operation = query(
            Method::POST,
            Some("default-graph-uri=http://a"),
            Some("application/sparql-query"),
            "ASK { ?s ?p ?o }",
        )
        .expect("reads");
        assert_eq!(operation.text, "ASK { ?s ?p ?o }");
        assert_eq!(operation.default_graphs, ["http://a"]);
    }

    #[test]
    fn a_missing_or_repeated_query_is_400() {
        let missing = query(Method::GET, Some("x=1"), None, "").expect_err("refused");
        assert_eq!(missing.status, StatusCode::BAD_REQUEST);
        assert!(missing.message.contains("no query parameter"));
        let twice = query(Method::GET, Some("query=a&query=b"), None, "").expect_err("refused");
        assert_eq!(twice.status, StatusCode::BAD_REQUEST);
    }

    #[test]
    fn another_body_type_is_415_and_another_method_405() {
        let json = query(Method::POST, None, Some("application/json"), "{}").expect_err("refused");
        assert_eq!(json.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        let put = query(Method::PUT, Some("query=ASK{}"), None, "").expect_err("refused");
        assert_eq!(put.status, StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(put.allow, Some("GET, POST"));
    }

    #[test]
    fn an_update_is_posted_only() {
        let update = |method: Method, content_type: &str, body: &str| {
            read(
                Kind::Update,
                "/update",
                &method,
                Some("using-graph-uri=http://g"),
                Some(content_type),
                body.as_bytes(),
            )
        };
        let form = update(
            Method::POST,
            "application/x-www-form-urlencoded",
            "update=CLEAR+ALL&using-named-graph-uri=http://n",
        )
        .expect("reads");
        assert_eq!(form.text, "CLEAR ALL");
        assert_eq!(form.named_graphs, ["http://n"]);
        let direct = update(Method::POST, "application/sparql-update", "CLEAR ALL").expect("reads");
        assert_eq!(direct.default_graphs, ["http://g"]);
        let get = update(Method::GET, "", "").expect_err("refused");
        assert_eq!(get.status, StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(get.allow, Some("POST"));
        let query_type = update(Method::POST, "application/sparql-query", "ASK {}")
            .expect_err("an update is not a query");
        assert_eq!(query_type.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    }

    #[test]
    fn a_body_that_is_not_utf8_is_400() {
        let error = read(
            Kind::Query,
            "/sparql",
            &Method::POST,
            None,
            Some("application/sparql-query"),
            &[0xff, 0xfe],
        )
        .expect_err("refused");
        assert_eq!(error.status, StatusCode::BAD_REQUEST);
    }

    #[test]
    fn media_types_lose_their_parameters() {
        assert_eq!(
            media_type("Application/SPARQL-Query ; charset=utf-8"),
            "application/sparql-query"
        );
    }
}
