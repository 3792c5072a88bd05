//! One request through the server: the token endpoint, the bearer token,
//! the operation it routes to, the operation's own checks (required
//! parameters, a body that decodes), then the first rule that takes it.

use super::reply::{respond, MockResponse};
use super::request::{decode_erased, request_line, Incoming, MockBody};
use super::route::Route;
use super::{Shared, State};
use crate::mock::form::{basic_credentials, form_pairs};
use crate::operation::{ApiOperation, Operation, OperationParam, ParamLocation};
use http::{HeaderMap, Method};
use std::any::Any;
use std::sync::Arc;
use std::time::Duration;

/// Decodes a body as an operation's body type.
type Decoder = fn(Option<&str>, &[u8]) -> Result<Option<Arc<dyn Any + Send + Sync>>, String>;

/// An operation some rule is mounted for.
pub(super) struct OpRoute {
    /// The operation's type: `OPERATION` is a `const`, whose address is
    /// not one per operation.
    pub(super) type_id: std::any::TypeId,
    pub(super) op: &'static Operation,
    params: &'static [OperationParam],
    pub(super) route: Route,
    decode: Decoder,
}

impl OpRoute {
    pub(super) fn new<O: ApiOperation>(route: Route) -> OpRoute
    where
        O::Body: MockBody,
    {
        OpRoute {
            type_id: std::any::TypeId::of::<O>(),
            op: O::OPERATION,
            params: O::PARAMS,
            route,
            decode: decode_erased::<O::Body>,
        }
    }
}

/// A request as read off the wire.
pub(super) struct Raw {
    pub(super) method: Method,
    pub(super) path: String,
    pub(super) query: Vec<(String, String)>,
    pub(super) headers: HeaderMap,
    pub(super) body: bytes::Bytes,
}

/// What to send back.
pub(super) enum Outcome {
    /// This response, after the delay.
    Answer(MockResponse, Duration),
    /// Close the connection, after the delay.
    Drop(Duration),
}

impl Shared {
    pub(super) fn dispatch(&self, raw: Raw) -> Outcome {
        let now = |r| Outcome::Answer(r, Duration::ZERO);
        if raw.path == "/oauth/token" && raw.method == Method::POST {
            return now(self.token(&raw));
        }
        let mut state = self.state();
        if !bearer(&raw.headers).is_some_and(|t| state.tokens.contains(t)) {
            return now(MockResponse::json(
                401,
                &serde_json::json!({ "error": "JWT validation failed: JWT is expired" }),
            ));
        }
        let Some((index, params)) = route(&state, &raw) else {
            let line = request_line(&raw.method, &raw.path, &raw.query);
            let closest = closest_route(&state, &raw);
            return now(state.unmatched_answer(format!(
                "no rule is mounted for the operation of {line}{closest}"
            )));
        };
        let entry = &state.routes[index];
        let op = entry.op;
        if let Some(missing) = missing_param(entry.params, &raw, &params) {
            return now(refused(op, &missing));
        }
        let content_type = raw
            .headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok());
        let decoded = match (entry.decode)(content_type, &raw.body) {
            Ok(d) => d,
            Err(e) => return now(refused(op, &format!("the body does not decode: {e}"))),
        };
        let req = Arc::new(Incoming {
            method: raw.method,
            path: raw.path,
            query: raw.query,
            headers: raw.headers,
            body: raw.body,
            params,
            decoded,
        });
        let rules: Vec<_> = state
            .rules
            .iter()
            .filter(|r| r.op == index)
            .cloned()
            .collect();
        for rule in &rules {
            if rule.mismatch(&req).is_some() {
                continue;
            }
            let Some(step) = rule.live().take(Arc::clone(&req)) else {
                continue;
            };
            drop(state);
            return match respond(&step.reply, &req) {
                Some(r) => Outcome::Answer(r, step.delay),
                None => Outcome::Drop(step.delay),
            };
        }
        let why = rules
            .iter()
            .map(|r| match r.mismatch(&req) {
                Some(why) => format!("{}, which {why}", r.name()),
                None => format!("{}, whose answers are spent", r.name()),
            })
            .next()
            .unwrap_or_default();
        let message = format!("no rule took {} (`{}`); closest: {why}", req.line(), op.id);
        now(state.unmatched_answer(message))
    }

    /// The OAuth2 client-credentials grant.
    fn token(&self, raw: &Raw) -> MockResponse {
        let oauth_error = |status, error: &str| {
            MockResponse::json(status, &serde_json::json!({ "error": error }))
        };
        let Some(form) = form_pairs(&raw.body) else {
            return oauth_error(400, "invalid_request");
        };
        let field = |name: &str| {
            form.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        };
        let basic = basic_credentials(&raw.headers);
        let (id, secret) = match &basic {
            Some((id, secret)) => (Some(id.as_str()), Some(secret.as_str())),
            None => (field("client_id"), field("client_secret")),
        };
        if id != Some(self.client_id.as_str()) || secret != Some(self.client_secret.as_str()) {
            return oauth_error(401, "invalid_client");
        }
        if field("grant_type") != Some("client_credentials") {
            return oauth_error(400, "unsupported_grant_type");
        }
        let token = format!("mock-{:032x}", rand::random::<u128>());
        self.state().tokens.insert(token.clone());
        MockResponse::json(
            200,
            &serde_json::json!({ "access_token": token, "token_type": "bearer", "expires_in": 3600 }),
        )
    }
}

impl State {
    /// Records `message` as a failure and answers it: `501`, which the
    /// client does not retry and a user's code does not mistake for a 404.
    fn unmatched_answer(&mut self, message: String) -> MockResponse {
        tracing::warn!(target: "sailpoint_isc::mock", "{message}");
        let answer = MockResponse::isc_error(501, "501 Not Implemented", &message);
        self.unmatched.push(message);
        answer
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(http::header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
}

/// The mounted operation that takes `raw`, preferring literal segments,
/// and its path parameters.
fn route(state: &State, raw: &Raw) -> Option<(usize, Vec<(&'static str, String)>)> {
    state
        .routes
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            Some((
                i,
                r.route.capture(&raw.method, &raw.path)?,
                r.route.specificity(),
            ))
        })
        .max_by(|a, b| a.2.cmp(&b.2))
        .map(|(i, params, _)| (i, params))
}

/// `; closest: `listAccounts` (GET /v2024/accounts)`, or nothing.
fn closest_route(state: &State, raw: &Raw) -> String {
    state
        .routes
        .iter()
        .max_by_key(|r| r.route.nearness(&raw.method, &raw.path))
        .map(|r| {
            format!(
                "; closest: `{}` ({} {})",
                r.op.id, r.route.method, r.route.template
            )
        })
        .unwrap_or_else(|| "; no rule is mounted at all".to_owned())
}

/// The first required parameter `raw` lacks.
fn missing_param(params: &[OperationParam], raw: &Raw, path: &[(&str, String)]) -> Option<String> {
    params.iter().filter(|p| p.required).find_map(|p| {
        let present = match p.location {
            ParamLocation::Path => path.iter().any(|(k, v)| *k == p.name && !v.is_empty()),
            ParamLocation::Query => raw.query.iter().any(|(k, _)| k == p.name),
            ParamLocation::Header => raw.headers.contains_key(p.name),
        };
        let place = match p.location {
            ParamLocation::Path => "path",
            ParamLocation::Query => "query",
            ParamLocation::Header => "header",
        };
        (!present).then(|| format!("the required {place} parameter `{}` is missing", p.name))
    })
}

/// ISC's 400 for a request its operation refuses, naming both.
fn refused(op: &Operation, problem: &str) -> MockResponse {
    MockResponse::isc_error(
        400,
        "400.1 Bad Request Content",
        &format!("`{}`: {problem}", op.id),
    )
}
