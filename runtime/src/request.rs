//! The description of one API call that generated methods build and hand to
//! [`Client::execute`](crate::Client): everything per-operation is data here,
//! so the generated code stays a few lines per operation.

use crate::error::ErrorBody;
use http::Method;
use serde::Serialize;

/// Static facts about one operation, emitted once per operation as a `static`.
#[derive(Debug)]
pub struct Operation {
    /// The spec's `operationId`, used in logs and errors.
    pub id: &'static str,
    /// HTTP method.
    pub method: Method,
    /// The version path from the spec's `servers` (`/v2024`, `/beta`).
    pub base_path: &'static str,
    /// The path template as the spec writes it (`/password-change-status/{id}`).
    pub path: &'static str,
    /// How to decode each documented error status.
    pub errors: &'static [ErrorDecoder],
}

/// Decoder for the body of one documented error status.
pub struct ErrorDecoder {
    /// The HTTP status, or `None` for the spec's `default` response.
    pub status: Option<u16>,
    /// Decodes the body into the documented type (see
    /// [`decode_error`](crate::__private::decode_error)).
    pub decode: fn(&[u8]) -> Option<Box<dyn ErrorBody>>,
}

impl std::fmt::Debug for ErrorDecoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ErrorDecoder")
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

impl Operation {
    /// The decoder documented for `status`, falling back to `default`.
    pub(crate) fn error_decoder(&self, status: u16) -> Option<&ErrorDecoder> {
        self.errors
            .iter()
            .find(|d| d.status == Some(status))
            .or_else(|| self.errors.iter().find(|d| d.status.is_none()))
    }
}

/// A request body, serialized once so that a retry re-sends identical bytes.
#[derive(Debug, Clone)]
pub(crate) enum Body {
    /// JSON bytes and their content type.
    Json(bytes::Bytes, &'static str),
    /// The parts of a `multipart/form-data` form.
    Multipart(Vec<crate::multipart::Part>),
}

/// One call of an operation: the static [`Operation`] plus this call's
/// parameter values and body.
#[derive(Debug)]
pub struct Request {
    pub(crate) op: &'static Operation,
    pub(crate) path_params: Vec<(&'static str, String)>,
    pub(crate) query: Vec<(&'static str, String)>,
    pub(crate) headers: Vec<(&'static str, String)>,
    pub(crate) body: Option<Body>,
    /// `Accept` header; JSON unless the operation answers another format.
    pub(crate) accept: &'static str,
    /// A body that failed to serialize; reported by `execute` as an error.
    pub(crate) encode_error: Option<serde_json::Error>,
}

impl Request {
    /// Starts a call of `op`.
    pub fn new(op: &'static Operation) -> Self {
        Request {
            op,
            path_params: Vec::new(),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            accept: "application/json",
            encode_error: None,
        }
    }

    /// Fills the `{name}` segment of the path template.
    pub fn path(mut self, name: &'static str, value: impl ToString) -> Self {
        self.path_params.push((name, value.to_string()));
        self
    }

    /// Adds a query parameter.
    pub fn query(mut self, name: &'static str, value: impl ToString) -> Self {
        self.query.push((name, value.to_string()));
        self
    }

    /// Adds a query parameter when it has a value.
    pub fn query_opt<T: ToString>(self, name: &'static str, value: Option<T>) -> Self {
        match value {
            Some(v) => self.query(name, v),
            None => self,
        }
    }

    /// Adds a query parameter once per value (`form` style, `explode: true`:
    /// `?a=1&a=2`).
    pub fn query_each<T: ToString>(
        mut self,
        name: &'static str,
        values: impl IntoIterator<Item = T>,
    ) -> Self {
        for v in values {
            self.query.push((name, v.to_string()));
        }
        self
    }

    /// Adds a header parameter.
    pub fn header(mut self, name: &'static str, value: impl ToString) -> Self {
        self.headers.push((name, value.to_string()));
        self
    }

    /// Adds a header parameter when it has a value.
    pub fn header_opt<T: ToString>(self, name: &'static str, value: Option<T>) -> Self {
        match value {
            Some(v) => self.header(name, v),
            None => self,
        }
    }

    /// Sets a JSON body.
    pub fn json<T: Serialize + ?Sized>(self, body: &T) -> Self {
        self.json_as("application/json", body)
    }

    /// Sets a JSON body sent with another JSON content type
    /// (`application/json-patch+json`).
    pub fn json_as<T: Serialize + ?Sized>(mut self, content_type: &'static str, body: &T) -> Self {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.body = Some(Body::Json(bytes.into(), content_type)),
            Err(e) => self.encode_error = Some(e),
        }
        self
    }

    /// Sets a `multipart/form-data` body: each property of `body` is a part,
    /// [`FilePart`](crate::FilePart)s are files.
    pub fn multipart<T: Serialize + ?Sized>(mut self, body: &T) -> Self {
        match crate::multipart::parts(body) {
            Ok(parts) => self.body = Some(Body::Multipart(parts)),
            Err(e) => self.encode_error = Some(e),
        }
        self
    }

    /// Applies `f` with the value when there is one (optional bodies).
    pub fn maybe<T: ?Sized>(self, value: Option<&T>, f: impl FnOnce(Self, &T) -> Self) -> Self {
        match value {
            Some(v) => f(self, v),
            None => self,
        }
    }

    /// Sets the `Accept` header (for operations that answer CSV, ZIP, images…).
    pub fn accept(mut self, media_types: &'static str) -> Self {
        self.accept = media_types;
        self
    }

    /// The path with every `{name}` replaced by its percent-encoded value.
    pub(crate) fn render_path(&self) -> String {
        let template = self.op.path;
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                rest = "";
                break;
            };
            let name = &after[..close];
            match self.path_params.iter().find(|(n, _)| *n == name) {
                Some((_, v)) => out.extend(percent_encoding::utf8_percent_encode(v, PATH_SEGMENT)),
                None => out.push_str(&rest[open..open + close + 2]),
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// Characters escaped in a path segment value: everything but RFC 3986
/// unreserved characters, so a value can never add a segment or a query.
const PATH_SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

#[cfg(test)]
mod tests {
    use super::*;

    static OP: Operation = Operation {
        id: "getThing",
        method: Method::GET,
        base_path: "/v2024",
        path: "/things/{id}/parts/{part}",
        errors: &[],
    };

    #[test]
    fn path_values_are_escaped_into_one_segment() {
        let r = Request::new(&OP).path("id", "a/b?c").path("part", "x y");
        assert_eq!(r.render_path(), "/things/a%2Fb%3Fc/parts/x%20y");
    }
}
