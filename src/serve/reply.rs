//! What the server answers: a body with its media type, or an [`HttpError`]
//! (a status a client can act on and one line saying why, as plain text).

use axum::http::header::{ALLOW, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::time::Duration;

/// A successful answer: bytes and their media type.
#[derive(Debug)]
pub struct Reply {
    /// The `Content-Type` header.
    pub content_type: &'static str,
    /// The body.
    pub body: Vec<u8>,
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        ([(CONTENT_TYPE, self.content_type)], self.body).into_response()
    }
}

/// A request the server refuses or could not answer.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct HttpError {
    /// The status code.
    pub status: StatusCode,
    /// One line for the client.
    pub message: String,
    /// The methods to name in an `Allow` header (405 only).
    pub allow: Option<&'static str>,
    /// Reading the store failed: a read-only view a build disturbed is
    /// worth reopening and asking again.
    pub store_failed: bool,
}

impl HttpError {
    /// An error with `status` and `message`.
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
            allow: None,
            store_failed: false,
        }
    }

    /// 400: the request or its query is malformed.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    /// 404: nothing here by that name.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }

    /// 405, with the methods the resource does take.
    pub fn method_not_allowed(path: &str, allow: &'static str) -> Self {
        Self {
            allow: Some(allow),
            ..Self::new(
                StatusCode::METHOD_NOT_ALLOWED,
                format!("{path} takes {}", allow.replace(", ", " or ")),
            )
        }
    }

    /// 406: none of the media types offered is acceptable.
    pub fn not_acceptable(what: &str, offered: &str) -> Self {
        Self::new(
            StatusCode::NOT_ACCEPTABLE,
            format!("no acceptable media type for {what}; this server offers {offered}"),
        )
    }

    /// 413: the body is larger than the server takes.
    pub fn too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "the request body is larger than the server's limit of {limit} bytes (--max-body)"
            ),
        )
    }

    /// 415: a body of a media type the resource does not read.
    pub fn unsupported_media_type(path: &str, expected: &str) -> Self {
        Self::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("{path} reads {expected}"),
        )
    }

    /// 422: the query gives more results than the server's cap.
    pub fn too_many_results(max: usize) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!(
                "the query gives more than {max} results, the server's cap (--max-rows); add a LIMIT, or narrow the query"
            ),
        )
    }

    /// 503: the operation ran past the time limit.
    pub fn timed_out(limit: Duration) -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the operation ran longer than the server's limit of {} (--timeout) and was cancelled",
                describe(limit)
            ),
        )
    }

    /// 500: reading the store failed.
    pub fn store(message: impl Into<String>) -> Self {
        Self {
            store_failed: true,
            ..Self::new(StatusCode::INTERNAL_SERVER_ERROR, message)
        }
    }
}

/// A duration as people write it: `30 s`, `1.5 s`, `250 ms`.
pub fn describe(duration: Duration) -> String {
    if duration.subsec_millis() == 0 && duration.as_secs() > 0 {
        format!("{} s", duration.as_secs())
    } else if duration.as_secs() > 0 {
        format!("{} s", duration.as_secs_f64())
    } else {
        format!("{} ms", duration.as_millis())
    }
}

impl From<crate::Error> for HttpError {
    fn from(error: crate::Error) -> Self {
        use crate::Error;
        match &error {
            Error::QuerySyntax { .. } => Self::bad_request(error.to_string()),
            Error::UnknownQuery { .. } => Self::not_found(error.to_string()),
            Error::Store { .. } => Self::store(error.to_string()),
            _ => Self::new(StatusCode::INTERNAL_SERVER_ERROR, error.to_string()),
        }
    }
}

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            [(CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!("{}\n", one_line(&self.message)),
        )
            .into_response();
        if let Some(allow) = self.allow {
            response
                .headers_mut()
                .insert(ALLOW, HeaderValue::from_static(allow));
        }
        response
    }
}

/// `text` with every run of white space made one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(describe(Duration::from_secs(30)), "30 s");
        assert_eq!(describe(Duration::from_millis(1500)), "1.5 s");
        assert_eq!(describe(Duration::from_millis(250)), "250 ms");
    }

    #[test]
    fn an_error_is_one_plain_line_with_its_status() {
        let response = HttpError::bad_request("error at 1:5:\n expected  WHERE").into_response();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(
            response.headers().get(CONTENT_TYPE),
            Some(&HeaderValue::from_static("text/plain; charset=utf-8"))
        );
    }

    #[test]
    fn a_wrong_method_names_the_allowed_ones() {
        let error = HttpError::method_not_allowed("/update", "POST");
        assert_eq!(error.message, "/update takes POST");
        let response = error.into_response();
        assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(
            response.headers().get(ALLOW),
            Some(&HeaderValue::from_static("POST"))
        );
        assert_eq!(
            HttpError::method_not_allowed("/sparql", "GET, POST").message,
            "/sparql takes GET or POST"
        );
    }

    #[test]
    fn library_errors_map_to_statuses() {
        let syntax = crate::Error::QuerySyntax {
            name: "q".into(),
            message: "error at 1:1".into(),
        };
        assert_eq!(HttpError::from(syntax).status, StatusCode::BAD_REQUEST);
        let unknown = crate::Error::UnknownQuery { name: "x".into() };
        assert_eq!(HttpError::from(unknown).status, StatusCode::NOT_FOUND);
        let store = HttpError::from(crate::Error::Store {
            path: "s".into(),
            message: "gone".into(),
        });
        assert_eq!(store.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(store.store_failed);
    }
}
