//! The wire format of each API line, in the generated types: request
//! bodies decode into `crate::v2024::…`, `crate::beta::…Beta` or
//! `crate::password_management::…` and answers are built from them, so the
//! mock and the client share one definition of every schema. The three lines
//! have the same schemas under different type names and paths, so one macro
//! implements [`Wire`] for all of them.

use super::state::{
    ChangeIn, ChangeState, DigitIn, DigitOut, Failure, InfoOut, QueryIn, StatusOut,
};
use axum::response::{IntoResponse, Response};
use http::{header, HeaderValue, StatusCode};
use serde::Serialize;

/// One API line's paths and schemas.
pub(super) trait Wire: Send + Sync + 'static {
    /// `/v2024` or `/beta`; empty for the per-resource line, whose paths
    /// carry their version after the resource.
    const BASE_PATH: &'static str;
    /// The four operations' paths under [`BASE_PATH`](Wire::BASE_PATH).
    const PATHS: Paths;
    /// Whether create-digit-token requires `X-SailPoint-Experimental: true`.
    const DIGIT_TOKEN_IS_EXPERIMENTAL: bool;

    fn parse_query(body: &[u8]) -> Result<QueryIn, Failure>;
    fn parse_change(body: &[u8]) -> Result<ChangeIn, Failure>;
    fn parse_digit(body: &[u8]) -> Result<DigitIn, Failure>;

    /// `200 PasswordInfo`.
    fn info(out: InfoOut) -> Response;
    /// `202 PasswordChangeResponse` with state `IN_PROGRESS`.
    fn change_accepted(request_id: String) -> Response;
    /// `200 PasswordStatus`.
    fn status(out: StatusOut) -> Response;
    /// `200 PasswordDigitToken`.
    fn digit(out: DigitOut) -> Response;
    /// An `ErrorResponseDto` answer.
    fn error(failure: Failure) -> Response;
    /// The documented 401 answer.
    fn unauthorized() -> Response;
    /// The documented 429 answer.
    fn too_many_requests() -> Response;
}

/// The paths of the four operations, as axum routes (`{id}` is the change
/// request id).
pub(super) struct Paths {
    pub(super) query: &'static str,
    pub(super) set: &'static str,
    pub(super) status: &'static str,
    pub(super) digit: &'static str,
}

/// The paths of `v2024` and `beta`, under their version path.
const VERSIONED: Paths = Paths {
    query: "/query-password-info",
    set: "/set-password",
    status: "/password-change-status/{id}",
    digit: "/generate-password-reset-token/digit",
};

/// `v2024`.
pub(super) struct V2024;
/// `beta`.
pub(super) struct Beta;
/// The per-resource line (`/query-password-info/v1`, …).
pub(super) struct PasswordManagement;

/// `body` as JSON with `status`.
pub(super) fn json<T: Serialize>(status: StatusCode, body: &T) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => (
            status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            bytes,
        )
            .into_response(),
        // The generated models serialize infallibly (strings, numbers,
        // lists); this only guards against a future schema that would not.
        Err(_) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            r#"{"detailCode":"500.0 Internal Fault"}"#,
        )
            .into_response(),
    }
}

/// ISC's `detailCode` for a status.
pub(super) fn detail_code(status: StatusCode) -> String {
    match status.as_u16() {
        400 => "400.1 Bad Request Content".to_owned(),
        500 => "500.0 Internal Fault".to_owned(),
        code => format!("{code}.0 {}", status.canonical_reason().unwrap_or("Error")),
    }
}

fn bad_json(e: serde_json::Error) -> Failure {
    Failure {
        status: StatusCode::BAD_REQUEST,
        text: format!("The request body is not valid: {e}"),
    }
}

macro_rules! impl_wire {
    (
        $marker:ident, $m:ident, $paths:expr, experimental = $experimental:literal, {
            query: $Query:ident,
            info: $Info:ident,
            account: $Account:ident,
            change: $Change:ident,
            change_response: $ChangeResponse:ident,
            change_state: $ChangeState:ident,
            status: $Status:ident,
            status_state: $StatusState:ident,
            digit_reset: $DigitReset:ident,
            digit: $Digit:ident,
            error: $Error:ident,
            message: $Message:ident,
            locale_origin: $LocaleOrigin:ident,
            unauthorized: $Unauthorized:ident,
            too_many: $TooMany:ident $(,)?
        }
    ) => {
        impl Wire for $marker {
            const BASE_PATH: &'static str = crate::$m::BASE_PATH;
            const PATHS: Paths = $paths;
            const DIGIT_TOKEN_IS_EXPERIMENTAL: bool = $experimental;

            fn parse_query(body: &[u8]) -> Result<QueryIn, Failure> {
                let q: crate::$m::$Query =
                    crate::json::received::strictly(|| serde_json::from_slice(body))
                        .map_err(bad_json)?;
                Ok(QueryIn {
                    user_name: q.user_name,
                    source_name: q.source_name,
                })
            }

            fn parse_change(body: &[u8]) -> Result<ChangeIn, Failure> {
                let r: crate::$m::$Change =
                    crate::json::received::strictly(|| serde_json::from_slice(body))
                        .map_err(bad_json)?;
                Ok(ChangeIn {
                    identity_id: r.identity_id,
                    encrypted_password: r.encrypted_password,
                    public_key_id: r.public_key_id,
                    account_id: r.account_id,
                    source_id: r.source_id,
                })
            }

            fn parse_digit(body: &[u8]) -> Result<DigitIn, Failure> {
                let r: crate::$m::$DigitReset =
                    crate::json::received::strictly(|| serde_json::from_slice(body))
                        .map_err(bad_json)?;
                Ok(DigitIn {
                    user_id: r.user_id,
                    length: r.length,
                    duration_minutes: r.duration_minutes,
                })
            }

            fn info(out: InfoOut) -> Response {
                let accounts = out
                    .accounts
                    .into_iter()
                    .map(|(id, name)| crate::$m::$Account {
                        account_id: Some(id),
                        account_name: Some(name),
                        ..Default::default()
                    })
                    .collect();
                json(
                    StatusCode::OK,
                    &crate::$m::$Info {
                        identity_id: Some(out.identity_id),
                        source_id: Some(out.source_id),
                        public_key_id: Some(out.public_key_id),
                        public_key: Some(out.public_key),
                        accounts: Some(accounts),
                        policies: Some(out.policies),
                        ..Default::default()
                    },
                )
            }

            fn change_accepted(request_id: String) -> Response {
                json(
                    StatusCode::ACCEPTED,
                    &crate::$m::$ChangeResponse {
                        request_id: Some(request_id),
                        state: Some(crate::$m::$ChangeState::InProgress),
                        ..Default::default()
                    },
                )
            }

            fn status(out: StatusOut) -> Response {
                let state = match out.state {
                    ChangeState::InProgress => crate::$m::$StatusState::InProgress,
                    ChangeState::Finished => crate::$m::$StatusState::Finished,
                    ChangeState::Failed => crate::$m::$StatusState::Failed,
                };
                json(
                    StatusCode::OK,
                    &crate::$m::$Status {
                        request_id: Some(out.request_id),
                        state: Some(state),
                        errors: Some(out.errors),
                        source_ids: Some(out.source_ids),
                        ..Default::default()
                    },
                )
            }

            fn digit(out: DigitOut) -> Response {
                json(
                    StatusCode::OK,
                    &crate::$m::$Digit {
                        digit_token: Some(out.digit_token),
                        request_id: Some(out.request_id),
                        ..Default::default()
                    },
                )
            }

            fn error(failure: Failure) -> Response {
                let body = crate::$m::$Error {
                    detail_code: Some(detail_code(failure.status)),
                    tracking_id: Some(super::directory::hex_id()),
                    messages: Some(vec![crate::$m::$Message {
                        locale: Some("en-US".to_owned()),
                        locale_origin: Some(crate::$m::$LocaleOrigin::Default),
                        text: Some(failure.text),
                        ..Default::default()
                    }]),
                    causes: Some(Vec::new()),
                    ..Default::default()
                };
                json(failure.status, &body)
            }

            fn unauthorized() -> Response {
                let body = crate::$m::$Unauthorized {
                    error: Some(serde_json::Value::from(
                        "JWT validation failed: JWT is expired",
                    )),
                    ..Default::default()
                };
                json(StatusCode::UNAUTHORIZED, &body)
            }

            fn too_many_requests() -> Response {
                let body = crate::$m::$TooMany {
                    message: Some(serde_json::Value::from(" Rate Limit Exceeded ")),
                    ..Default::default()
                };
                json(StatusCode::TOO_MANY_REQUESTS, &body)
            }
        }
    };
}

impl_wire!(V2024, v2024, VERSIONED, experimental = true, {
    query: PasswordInfoQueryDto,
    info: PasswordInfo,
    account: PasswordInfoAccount,
    change: PasswordChangeRequest,
    change_response: PasswordChangeResponse,
    change_state: PasswordChangeResponseState,
    status: PasswordStatus,
    status_state: PasswordStatusState,
    digit_reset: PasswordDigitTokenReset,
    digit: PasswordDigitToken,
    error: ErrorResponseDto,
    message: ErrorMessageDto,
    locale_origin: LocaleOrigin,
    unauthorized: UnauthorizedError,
    too_many: TooManyRequestsError,
});

impl_wire!(Beta, beta, VERSIONED, experimental = false, {
    query: PasswordInfoQueryDtoBeta,
    info: PasswordInfoBeta,
    account: PasswordInfoAccountBeta,
    change: PasswordChangeRequestBeta,
    change_response: PasswordChangeResponseBeta,
    change_state: PasswordChangeResponseStateBeta,
    status: PasswordStatusBeta,
    status_state: PasswordStatusStateBeta,
    digit_reset: PasswordDigitTokenResetBeta,
    digit: PasswordDigitTokenBeta,
    error: ErrorResponseDtoBeta,
    message: ErrorMessageDtoBeta,
    locale_origin: LocaleOriginBeta,
    unauthorized: UnauthorizedErrorBeta,
    too_many: TooManyRequestsErrorBeta,
});

impl_wire!(
    PasswordManagement,
    password_management,
    Paths {
        query: "/query-password-info/v1",
        set: "/set-password/v1",
        status: "/password-change-status/v1/{id}",
        digit: "/generate-password-reset-token/v1/digit",
    },
    // The per-resource spec requires the header on create-digit-token, as
    // v2024's does.
    experimental = true,
    {
        query: PasswordInfoQueryDto,
        info: PasswordInfo,
        account: PasswordInfoAccount,
        change: PasswordChangeRequest,
        change_response: PasswordChangeResponse,
        change_state: PasswordChangeResponseState,
        status: PasswordStatus,
        status_state: PasswordStatusState,
        digit_reset: PasswordDigitTokenReset,
        digit: PasswordDigitToken,
        error: ErrorResponseDto,
        message: ErrorMessageDto,
        locale_origin: LocaleOrigin,
        unauthorized: UnauthorizedError,
        too_many: TooManyRequestsError,
    }
);

/// Which line a path belongs to, for the answers given before a request
/// reaches a handler.
enum Line {
    V2024,
    Beta,
    PasswordManagement,
}

/// The line whose paths `path` is among: under `/beta` is beta's, under a
/// per-resource operation's resource (`/set-password/…`) the per-resource
/// line's, and anything else `v2024`'s (the same on the wire).
fn line_of(path: &str) -> Line {
    if owns::<Beta>(path) {
        Line::Beta
    } else if owns::<PasswordManagement>(path) {
        Line::PasswordManagement
    } else {
        Line::V2024
    }
}

/// Whether `path` is under `W`'s version path or, for a line without one,
/// under the resource segment of one of its operations.
fn owns<W: Wire>(path: &str) -> bool {
    if !W::BASE_PATH.is_empty() {
        return under(path, W::BASE_PATH);
    }
    let p = W::PATHS;
    [p.query, p.set, p.status, p.digit].iter().any(|op| {
        let resource = op.split('/').nth(1).unwrap_or_default();
        path.strip_prefix('/')
            .and_then(|rest| rest.strip_prefix(resource))
            .is_some_and(|rest| rest.starts_with('/'))
    })
}

fn under(path: &str, base: &str) -> bool {
    path.strip_prefix(base)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// The answers the middleware gives before a request reaches a line's
/// handler, in the schema of the line the path names.
pub(super) fn error_for(path: &str, failure: Failure) -> Response {
    match line_of(path) {
        Line::V2024 => V2024::error(failure),
        Line::Beta => Beta::error(failure),
        Line::PasswordManagement => PasswordManagement::error(failure),
    }
}

pub(super) fn unauthorized_for(path: &str) -> Response {
    match line_of(path) {
        Line::V2024 => V2024::unauthorized(),
        Line::Beta => Beta::unauthorized(),
        Line::PasswordManagement => PasswordManagement::unauthorized(),
    }
}

pub(super) fn too_many_requests_for(path: &str) -> Response {
    match line_of(path) {
        Line::V2024 => V2024::too_many_requests(),
        Line::Beta => Beta::too_many_requests(),
        Line::PasswordManagement => PasswordManagement::too_many_requests(),
    }
}

/// Whether `path` is an API operation of any line (rather than the token
/// endpoint or an unknown path).
pub(super) fn is_api_path(path: &str) -> bool {
    owns::<V2024>(path) || owns::<Beta>(path) || owns::<PasswordManagement>(path)
}

/// Whether `path` is set-password on any line.
pub(super) fn is_set_password(path: &str) -> bool {
    fn on<W: Wire>(path: &str) -> bool {
        path.strip_prefix(W::BASE_PATH) == Some(W::PATHS.set)
    }
    on::<V2024>(path) || on::<Beta>(path) || on::<PasswordManagement>(path)
}
