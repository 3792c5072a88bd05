//! The description of one call: [`Request`]. Generated methods start one
//! from their operation's static facts ([`Operation`]); users write one by
//! hand with [`Request::new`] for an endpoint the bindings do not cover.
//! Either way everything per-call is data here and the client does the rest
//! (token, retries, typed errors), so generated code stays a few lines per
//! operation.

use crate::error::{Error, ErrorBody};
use crate::json::{Decode, Encode, EncodeError};
use crate::options::CallOptions;
use http::{HeaderName, HeaderValue, Method, StatusCode};
use std::borrow::Cow;

/// Static facts about one operation: [`ApiOperation::OPERATION`](crate::ApiOperation::OPERATION)
/// of its type in a generated `ops` module, which its method sends from.
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
#[derive(Clone, Copy)]
pub struct ErrorDecoder {
    /// The HTTP status, or `None` for the spec's `default` response.
    pub status: Option<u16>,
    /// Decodes the body into the documented type (see [`decode_error`]).
    pub decode: fn(&[u8]) -> Option<Box<dyn ErrorBody>>,
}

/// Decodes an error body into the type an operation documents for a status.
/// Used as a function pointer in [`ErrorDecoder`] tables.
pub fn decode_error<T>(body: &[u8]) -> Option<Box<dyn ErrorBody>>
where
    T: Decode + ErrorBody,
{
    crate::json::decode_slice::<T>(body)
        .ok()
        .map(|v| Box::new(v) as Box<dyn ErrorBody>)
}

impl std::fmt::Debug for ErrorDecoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ErrorDecoder")
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

/// What is called: an operation's facts, borrowed from a generated `static`
/// or owned by a hand-written request.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    pub(crate) id: &'static str,
    pub(crate) method: Method,
    pub(crate) base_path: &'static str,
    pub(crate) path: &'static str,
    pub(crate) errors: Cow<'static, [ErrorDecoder]>,
}

impl Target {
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

/// One API call, to send with [`Client::execute`](crate::Client::execute)
/// and its siblings: method, path template and its values, query, headers
/// and body. The client adds the token, retries as its
/// [`RetryPolicy`](crate::RetryPolicy) says and reports failures as the
/// same typed [`Error`](crate::Error) the generated methods return.
///
/// The path is a template relative to the tenant URL: each `{name}` in it is
/// filled by [`path`](Self::path) with the value percent-encoded into that
/// one segment. A value that URL resolution would not keep there (empty,
/// `.` or `..`) fails the call with
/// [`Error::PathParameter`](crate::Error::PathParameter) before anything is sent.
///
/// ```no_run
/// # async fn run(client: sailpoint_isc::Client) -> sailpoint_isc::Result<()> {
/// use sailpoint_isc::json::Serde;
/// use sailpoint_isc::Request;
///
/// #[derive(serde::Deserialize)]
/// struct Identity {
///     name: String,
/// }
///
/// let request = Request::get("/v2024/identities/{id}")
///     .operation_id("getIdentity")
///     .path("id", "2c9180857182305e0171993735622948");
/// let identity: Serde<Identity> = client.execute(request).await?;
/// println!("{}", identity.0.name);
///
/// let body = serde_json::json!({ "name": "Ada" });
/// let created: serde_json::Value = client
///     .execute(Request::post("/beta/workgroups").json(&body))
///     .await?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Request {
    pub(crate) target: Target,
    path_params: Vec<(&'static str, String)>,
    pub(crate) query: Vec<(&'static str, String)>,
    pub(crate) body: Option<Body>,
    /// Headers, deadline and retry policy: the per-call options.
    pub(crate) options: CallOptions,
    /// `Accept` header; JSON unless the operation answers another format.
    pub(crate) accept: &'static str,
    /// A body that failed to encode; reported as an error before sending.
    encode_error: Option<EncodeError>,
}

impl std::fmt::Debug for Request {
    /// Names, not values: parameter values, headers and bodies may hold
    /// secrets (a set-password body holds the encrypted password).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names = |pairs: &[(&'static str, String)]| -> Vec<&'static str> {
            pairs.iter().map(|(n, _)| *n).collect()
        };
        let body = match &self.body {
            None => "none".to_owned(),
            Some(Body::Json(bytes, content_type)) => {
                format!("{content_type}, {} bytes", bytes.len())
            }
            Some(Body::Multipart(parts)) => format!("multipart/form-data, {} parts", parts.len()),
        };
        f.debug_struct("Request")
            .field("operation", &self.target.id)
            .field("method", &self.target.method)
            .field("path", &self.target.path)
            .field("path_params", &names(&self.path_params))
            .field("query", &names(&self.query))
            .field("body", &body)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Request {
    /// A `method` call of `path`, a template relative to the tenant URL
    /// whose `{name}`s [`path`](Self::path) fills
    /// (`/v2024/identities/{id}`). The template names the call in logs and
    /// errors until [`operation_id`](Self::operation_id) gives it a name.
    pub fn new(method: Method, path: &'static str) -> Self {
        Self::with_target(Target {
            id: path,
            method,
            base_path: "",
            path,
            errors: Cow::Borrowed(&[]),
        })
    }

    /// A `GET` of `path`; see [`new`](Self::new).
    pub fn get(path: &'static str) -> Self {
        Self::new(Method::GET, path)
    }

    /// A `POST` to `path`; see [`new`](Self::new).
    pub fn post(path: &'static str) -> Self {
        Self::new(Method::POST, path)
    }

    /// A `PUT` to `path`; see [`new`](Self::new).
    pub fn put(path: &'static str) -> Self {
        Self::new(Method::PUT, path)
    }

    /// A `PATCH` of `path`; see [`new`](Self::new).
    pub fn patch(path: &'static str) -> Self {
        Self::new(Method::PATCH, path)
    }

    /// A `DELETE` of `path`; see [`new`](Self::new).
    pub fn delete(path: &'static str) -> Self {
        Self::new(Method::DELETE, path)
    }

    /// The request a generated method starts from.
    #[inline]
    pub(crate) fn for_operation(op: &'static Operation) -> Self {
        Self::with_target(Target {
            id: op.id,
            method: op.method.clone(),
            base_path: op.base_path,
            path: op.path,
            errors: Cow::Borrowed(op.errors),
        })
    }

    fn with_target(target: Target) -> Self {
        Request {
            target,
            path_params: Vec::new(),
            query: Vec::new(),
            body: None,
            options: CallOptions::default(),
            accept: "application/json",
            encode_error: None,
        }
    }

    /// Names the call in logs and errors, as an `operationId` does.
    pub fn operation_id(mut self, id: &'static str) -> Self {
        self.target.id = id;
        self
    }

    /// Decodes the body of an error response with `status` as `T`, for
    /// [`ApiError::body`](crate::ApiError::body).
    pub fn error_body<T: Decode + ErrorBody>(self, status: StatusCode) -> Self {
        self.push_error_decoder(Some(status.as_u16()), decode_error::<T>)
    }

    /// Decodes the body of any error response that has no
    /// [`error_body`](Self::error_body) of its own as `T`.
    pub fn default_error_body<T: Decode + ErrorBody>(self) -> Self {
        self.push_error_decoder(None, decode_error::<T>)
    }

    fn push_error_decoder(
        mut self,
        status: Option<u16>,
        decode: fn(&[u8]) -> Option<Box<dyn ErrorBody>>,
    ) -> Self {
        self.target
            .errors
            .to_mut()
            .push(ErrorDecoder { status, decode });
        self
    }

    /// Fills the `{name}` segment of the path template with `value`,
    /// percent-encoded so that it stays one segment (`/`, `?`, `#`, `%` and
    /// spaces included).
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

    crate::__per_call_options!();

    /// Changes the per-call options; the methods `__per_call_options!` writes call it.
    #[inline]
    fn __options(mut self, f: impl FnOnce(&mut CallOptions)) -> Self {
        f(&mut self.options);
        self
    }

    /// Sets a header when it has a value; see [`header`](Self::header).
    pub fn header_opt<T: ToString>(self, name: &'static str, value: Option<T>) -> Self {
        match value {
            Some(v) => self.header(name, v),
            None => self,
        }
    }

    /// Sets the query parameter `name` to `value`, replacing any value it had.
    pub(crate) fn set_query(&mut self, name: &'static str, value: String) {
        self.query.retain(|(n, _)| *n != name);
        self.query.push((name, value));
    }

    /// Sets the query parameter `name` to one pair per value, replacing any
    /// value it had.
    pub(crate) fn set_query_each(&mut self, name: &'static str, values: Vec<String>) {
        self.query.retain(|(n, _)| *n != name);
        self.query.extend(values.into_iter().map(|v| (name, v)));
    }

    /// Removes the query parameter `name` and answers its last value.
    pub(crate) fn take_query(&mut self, name: &str) -> Option<String> {
        let value = self
            .query
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone());
        self.query.retain(|(n, _)| *n != name);
        value
    }

    /// The JSON body as a value, when the request has one that parses.
    pub(crate) fn json_value(&self) -> Option<serde_json::Value> {
        match &self.body {
            Some(Body::Json(bytes, _)) => serde_json::from_slice(bytes).ok(),
            _ => None,
        }
    }

    /// Replaces the JSON body with `value`, keeping its content type.
    pub(crate) fn set_json_value(&mut self, value: &serde_json::Value) {
        let content_type = match &self.body {
            Some(Body::Json(_, content_type)) => content_type,
            _ => "application/json",
        };
        self.body = Some(Body::Json(
            value.to_string().into_bytes().into(),
            content_type,
        ));
    }

    /// Sets a JSON body, written by [`Encode`]: a generated model, a
    /// `serde_json::Value`, or any serde type wrapped in
    /// [`Serde`](crate::json::Serde).
    pub fn json<T: Encode + ?Sized>(self, body: &T) -> Self {
        self.json_as("application/json", body)
    }

    /// Sets a JSON body sent with another JSON content type
    /// (`application/json-patch+json`).
    pub fn json_as<T: Encode + ?Sized>(mut self, content_type: &'static str, body: &T) -> Self {
        match body.try_encode() {
            Ok(value) => {
                let bytes = value.to_string().into_bytes();
                self.body = Some(Body::Json(bytes.into(), content_type));
            }
            Err(e) => self.encode_error = Some(e),
        }
        self
    }

    /// Sets a `multipart/form-data` body: each property of `body` is a part,
    /// [`FilePart`](crate::FilePart)s are files.
    pub fn multipart<T: Encode + ?Sized>(mut self, body: &T) -> Self {
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

    /// The checks made before anything is sent: the body encoded and every
    /// path value fits its segment. Returns the path, base path included
    /// when `version_path` says so, with every `{name}` replaced by its
    /// percent-encoded value.
    pub(crate) fn checked_path(&mut self, version_path: bool) -> Result<String, Error> {
        let t = &self.target;
        if let Some(source) = self.encode_error.take() {
            return Err(Error::Encode {
                path: t.path,
                method: t.method.clone(),
                source,
            });
        }
        if let Some((name, problem)) = self
            .options
            .headers
            .iter()
            .find_map(|(n, v)| header_problem(n, v))
        {
            return Err(Error::Header {
                operation: t.id,
                method: t.method.clone(),
                path: t.path,
                name: name.to_owned(),
                problem,
            });
        }
        let base_path = if version_path { t.base_path } else { "" };
        render_path(base_path, t.path, &self.path_params).map_err(|(parameter, problem)| {
            Error::PathParameter {
                operation: t.id,
                method: t.method.clone(),
                path: t.path,
                parameter,
                problem,
            }
        })
    }
}

/// What is wrong with a header, if anything: HTTP allows neither every
/// name (spaces, `:`) nor every value (line breaks).
fn header_problem<'n>(name: &'n str, value: &str) -> Option<(&'n str, &'static str)> {
    if HeaderName::from_bytes(name.as_bytes()).is_err() {
        Some((name, "is not a valid header name"))
    } else if HeaderValue::from_str(value).is_err() {
        Some((name, "has a value HTTP does not allow in a header"))
    } else {
        None
    }
}

/// `base_path` and `template` with every `{name}` replaced by its
/// percent-encoded value, or the parameter at fault and what is wrong.
fn render_path(
    base_path: &str,
    template: &'static str,
    values: &[(&'static str, String)],
) -> Result<String, (&'static str, &'static str)> {
    let mut out = String::with_capacity(base_path.len() + template.len() + 32);
    out.push_str(base_path);
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
        let value = values.iter().find(|(n, _)| *n == name).map(|(_, v)| v);
        let problem = match value.map(String::as_str) {
            None => Some("has no value"),
            Some("") => Some("is empty"),
            Some(".") => Some("is \".\""),
            Some("..") => Some("is \"..\""),
            Some(_) => None,
        };
        if let Some(problem) = problem {
            return Err((name, problem));
        }
        if let Some(v) = value {
            out.extend(percent_encoding::utf8_percent_encode(v, PATH_SEGMENT));
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Characters escaped in a path segment value: everything but RFC 3986
/// unreserved characters, so a value can never add a segment or a query.
/// That leaves `.` and `..` as the values URL resolution would still act
/// on (WHATWG URL parsing reads `%2e` as a dot too), which
/// [`render_path`] refuses.
const PATH_SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "/things/{id}/parts/{part}";

    fn render(id: &str, part: &str) -> Result<String, (&'static str, &'static str)> {
        render_path(
            "/v2024",
            TEMPLATE,
            &[("id", id.to_owned()), ("part", part.to_owned())],
        )
    }

    #[test]
    fn path_values_are_escaped_into_one_segment() {
        assert_eq!(
            render("a/b?c#d", "x y").as_deref(),
            Ok("/v2024/things/a%2Fb%3Fc%23d/parts/x%20y")
        );
        assert_eq!(
            render("%2e%2E", "é.").as_deref(),
            Ok("/v2024/things/%252e%252E/parts/%C3%A9.")
        );
        assert_eq!(
            render("...", "a.b").as_deref(),
            Ok("/v2024/things/.../parts/a.b")
        );
    }

    #[test]
    fn values_that_would_leave_their_segment_are_refused() {
        assert_eq!(render("..", "x"), Err(("id", "is \"..\"")));
        assert_eq!(render("x", "."), Err(("part", "is \".\"")));
        assert_eq!(render("", "x"), Err(("id", "is empty")));
        assert_eq!(
            render_path("", TEMPLATE, &[("id", "1".to_owned())]),
            Err(("part", "has no value"))
        );
    }

    #[test]
    fn debug_shows_names_not_values() {
        let r = Request::post("/v2024/set-password/{id}")
            .path("id", "secret-id")
            .query("q", "secret-q")
            .header("X-Key", "secret-h")
            .json(&serde_json::json!({ "encryptedPassword": "secret-b" }));
        let text = format!("{r:?}");
        assert!(!text.contains("secret"), "{text}");
        assert!(
            text.contains("X-Key") && text.contains("application/json, 32 bytes"),
            "{text}"
        );
    }

    #[test]
    fn refusals_name_the_operation_and_parameter() {
        let mut r = Request::delete("/sources/{sourceId}/schemas/{schemaId}")
            .operation_id("deleteSourceSchema")
            .path("sourceId", "s1")
            .path("schemaId", "..");
        let err = r.checked_path(true).unwrap_err();
        assert!(matches!(
            err,
            Error::PathParameter {
                operation: "deleteSourceSchema",
                parameter: "schemaId",
                ..
            }
        ));
        assert_eq!(
            err.to_string(),
            "DELETE /sources/{sourceId}/schemas/{schemaId}: path parameter `schemaId` of \
             deleteSourceSchema is \"..\"; the request was not sent"
        );
    }
}
