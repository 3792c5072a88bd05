//! The HTTP side of the mock tenant: routes, the token endpoint, the
//! middleware that counts requests, applies faults and checks tokens, and
//! the handlers of the four operations of each API line.
//!
//! Nothing here trusts the request: every malformed input becomes a
//! documented error answer, never a panic.

use super::faults::Action;
use super::form::{basic_credentials, form_pairs};
use super::state::{Counters, Failure, Shared};
use super::wire::{self, json, Beta, PasswordManagement, Wire, V2024};
use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use serde_json::json as value;
use std::sync::Arc;

type Tenant = State<Arc<Shared>>;

/// Largest answer the malformed-body fault reads back before cutting it.
const MAX_CUT_BODY: usize = 1024 * 1024;

/// The whole server: `POST /oauth/token` and every API line's operations.
pub(super) fn router(shared: Arc<Shared>) -> Router {
    let api = Router::new()
        .merge(version_routes::<V2024>())
        .merge(version_routes::<Beta>())
        .merge(version_routes::<PasswordManagement>())
        .route_layer(middleware::from_fn_with_state(
            Arc::clone(&shared),
            authenticate,
        ));
    Router::new()
        .route("/oauth/token", post(token))
        .merge(api)
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(no_route)
        .layer(middleware::from_fn_with_state(Arc::clone(&shared), track))
        .with_state(shared)
}

fn version_routes<W: Wire>() -> Router<Arc<Shared>> {
    let at = |path: &str| format!("{}{path}", W::BASE_PATH);
    Router::new()
        .route(&at(W::PATHS.query), post(query_password_info::<W>))
        .route(&at(W::PATHS.set), post(set_password::<W>))
        .route(&at(W::PATHS.status), get(password_change_status::<W>))
        .route(&at(W::PATHS.digit), post(create_digit_token::<W>))
}

/// Outermost layer: counts every request, then applies the next fault
/// queued for it, if any.
async fn track(State(shared): Tenant, req: Request, next: Next) -> Response {
    Counters::bump(&shared.counters.requests);
    let path = req.uri().path().to_owned();
    let is_api = wire::is_api_path(&path);
    // Counted here rather than in the handlers so that requests answered
    // by a fault count too.
    if req.method() == Method::POST {
        if wire::is_set_password(&path) {
            Counters::bump(&shared.counters.set_password_requests);
        } else if path == "/oauth/token" {
            Counters::bump(&shared.counters.token_requests);
        }
    }
    let action = shared.faults().take(&path, is_api);
    match action {
        None => next.run(req).await,
        Some(Action::Delay(delay)) => {
            tokio::time::sleep(delay).await;
            next.run(req).await
        }
        Some(Action::Status {
            status,
            retry_after,
        }) => fault_answer(&path, status, retry_after),
        Some(Action::Malformed) => cut_in_half(next.run(req).await).await,
    }
}

/// The answer to a [`Fault::Status`](super::Fault::Status).
fn fault_answer(path: &str, status: u16, retry_after: Option<String>) -> Response {
    let status = StatusCode::from_u16(status)
        .ok()
        .filter(|s| s.is_client_error() || s.is_server_error())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut resp = match status {
        StatusCode::TOO_MANY_REQUESTS => wire::too_many_requests_for(path),
        StatusCode::UNAUTHORIZED => wire::unauthorized_for(path),
        _ => wire::error_for(
            path,
            Failure {
                status,
                text: format!("Injected fault: {status}"),
            },
        ),
    };
    *resp.status_mut() = status;
    if let Some(value) = retry_after.and_then(|v| HeaderValue::from_str(&v).ok()) {
        resp.headers_mut().insert(header::RETRY_AFTER, value);
    }
    resp
}

/// Keeps the status and headers of `resp` and half of its body.
async fn cut_in_half(resp: Response) -> Response {
    let (mut parts, body) = resp.into_parts();
    let bytes = axum::body::to_bytes(body, MAX_CUT_BODY)
        .await
        .unwrap_or_default();
    let cut = if bytes.len() > 1 {
        bytes.slice(..bytes.len() / 2)
    } else {
        Bytes::from_static(b"{")
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(cut))
}

/// API routes only: the bearer token must be one this tenant issued and
/// not expired.
async fn authenticate(State(shared): Tenant, req: Request, next: Next) -> Response {
    let valid = bearer_token(req.headers()).is_some_and(|t| shared.token_is_valid(t));
    if !valid {
        let mut resp = wire::unauthorized_for(req.uri().path());
        resp.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer error=\"invalid_token\""),
        );
        return resp;
    }
    next.run(req).await
}

fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// `POST /oauth/token`: the client-credentials grant, with the client
/// authenticated by form fields or by HTTP Basic.
async fn token(
    State(shared): Tenant,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let oauth_error = |status: StatusCode, error: &str, description: Option<&str>| {
        let mut body = value!({ "error": error });
        if let (Some(d), Some(map)) = (description, body.as_object_mut()) {
            map.insert("error_description".to_owned(), value!(d));
        }
        json(status, &body)
    };
    let Ok(body) = body else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            Some("Unreadable body"),
        );
    };
    let form: Vec<(String, String)> = match form_pairs(&body) {
        Some(form) => form,
        None => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                Some("The body is not application/x-www-form-urlencoded"),
            )
        }
    };
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let basic = basic_credentials(&headers);
    let (id, secret) = match (&basic, field("client_id"), field("client_secret")) {
        (Some((id, secret)), _, _) => (Some(id.as_str()), Some(secret.as_str())),
        (None, id, secret) => (id, secret),
    };
    let authenticated = id == Some(shared.settings.client_id.as_str())
        && secret == Some(shared.settings.client_secret.as_str());
    if !authenticated {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            Some("Bad credentials"),
        );
    }
    match field("grant_type") {
        Some("client_credentials") => {}
        None => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                Some("Missing grant type"),
            )
        }
        Some(_) => return oauth_error(StatusCode::BAD_REQUEST, "unsupported_grant_type", None),
    }
    let (access_token, expires_in) = shared.issue_token();
    json(
        StatusCode::OK,
        &value!({
            "access_token": access_token,
            "token_type": "bearer",
            "expires_in": expires_in,
        }),
    )
}

/// The body, or why it could not be read (too large, connection broken).
fn read_body(body: Result<Bytes, BytesRejection>) -> Result<Bytes, Failure> {
    body.map_err(|e| Failure {
        status: StatusCode::BAD_REQUEST,
        text: format!("The request body could not be read: {e}"),
    })
}

async fn query_password_info<W: Wire>(
    State(shared): Tenant,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let query = match read_body(body).and_then(|b| W::parse_query(&b)) {
        Ok(q) => q,
        Err(f) => return W::error(f),
    };
    match shared.query_info(query).await {
        Ok(info) => W::info(info),
        Err(f) => W::error(f),
    }
}

async fn set_password<W: Wire>(
    State(shared): Tenant,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let change = match read_body(body).and_then(|b| W::parse_change(&b)) {
        Ok(c) => c,
        Err(f) => return W::error(f),
    };
    match shared.set_password(change).await {
        Ok(request_id) => W::change_accepted(request_id),
        Err(f) => W::error(f),
    }
}

async fn password_change_status<W: Wire>(
    State(shared): Tenant,
    id: Result<Path<String>, axum::extract::rejection::PathRejection>,
) -> Response {
    let Ok(Path(id)) = id else {
        return W::error(Failure {
            status: StatusCode::BAD_REQUEST,
            text: "The password change request ID is not valid".to_owned(),
        });
    };
    match shared.poll_status(&id) {
        Ok(status) => W::status(status),
        Err(f) => W::error(f),
    }
}

async fn create_digit_token<W: Wire>(
    State(shared): Tenant,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    if W::DIGIT_TOKEN_IS_EXPERIMENTAL {
        let opted_in = headers
            .get("x-sailpoint-experimental")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
        if !opted_in {
            return W::error(Failure {
                status: StatusCode::BAD_REQUEST,
                text: "This is an experimental endpoint: set the X-SailPoint-Experimental \
                       header to true to use it"
                    .to_owned(),
            });
        }
    }
    let reset = match read_body(body).and_then(|b| W::parse_digit(&b)) {
        Ok(r) => r,
        Err(f) => return W::error(f),
    };
    match shared.digit_token(reset) {
        Ok(out) => W::digit(out),
        Err(f) => W::error(f),
    }
}

async fn no_route(req: Request) -> Response {
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    wire::error_for(
        &path,
        Failure {
            status: StatusCode::NOT_FOUND,
            text: format!("No operation {method} {path} in this mock tenant"),
        },
    )
}

async fn method_not_allowed(req: Request) -> Response {
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    wire::error_for(
        &path,
        Failure {
            status: StatusCode::METHOD_NOT_ALLOWED,
            text: format!("Method {method} is not allowed on {path}"),
        },
    )
}
