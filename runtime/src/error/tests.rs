//! `Error::status`, `is_not_found` and `is_rate_limited` for every variant.

use super::*;
use crate::crypto::CryptoError;

fn api(status: u16) -> Error {
    Error::Api(Box::new(ApiError {
        operation: "getThing",
        method: Method::GET,
        path: "/things/{id}",
        status: StatusCode::from_u16(status).unwrap(),
        headers: HeaderMap::new(),
        raw: Bytes::new(),
        body: None,
        tracking_id: None,
        detail_code: None,
        message: None,
        retry_after: None,
        attempts: 1,
    }))
}

fn spent(last: Error) -> Error {
    Error::RetryBudgetSpent {
        operation: "getThing",
        attempts: 2,
        last: Box::new(last),
    }
}

fn transport() -> Error {
    // A reqwest error without a network: a URL reqwest cannot build.
    let source = reqwest::Client::new().get("not a url").build().unwrap_err();
    Error::Transport {
        path: "/things",
        method: Method::GET,
        source,
    }
}

/// The variants that carry no status of the call's answer.
fn without_status() -> Vec<Error> {
    vec![
        transport(),
        Error::Timeout {
            path: "/things",
            method: Method::GET,
            elapsed: Duration::from_secs(3),
        },
        Error::Encode {
            path: "/things",
            method: Method::POST,
            source: crate::json::EncodeError::new("no"),
        },
        Error::PathParameter {
            operation: "getThing",
            method: Method::GET,
            path: "/things/{id}",
            parameter: "id",
            problem: "is empty",
        },
        Error::Header {
            operation: "getThing",
            method: Method::GET,
            path: "/things/{id}",
            name: "a b".into(),
            problem: "is not a valid header name",
        },
        // The token endpoint's 404 and 429 are not the call's.
        Error::Auth(AuthError::Rejected {
            status: StatusCode::NOT_FOUND,
            message: "no".into(),
        }),
        Error::Auth(AuthError::Malformed {
            status: StatusCode::TOO_MANY_REQUESTS,
            message: "no".into(),
        }),
        Error::Auth(AuthError::Source("no".into())),
        Error::Config(ConfigError::new("base_url", "missing")),
        Error::Crypto(CryptoError::KeyNotBase64 {
            reason: "no".into(),
        }),
        spent(transport()),
    ]
}

#[test]
fn api_errors_answer_their_status() {
    for (code, not_found, rate_limited) in [
        (404, true, false),
        (429, false, true),
        (400, false, false),
        (500, false, false),
        (503, false, false),
    ] {
        let e = api(code);
        assert_eq!(e.status().map(|s| s.as_u16()), Some(code));
        assert_eq!(e.is_not_found(), not_found, "{code}");
        assert_eq!(e.is_rate_limited(), rate_limited, "{code}");
    }
}

#[test]
fn answers_that_did_not_decode_or_were_too_long_have_a_status() {
    let decode = Error::Decode(Box::new(DecodeError {
        operation: "getThing",
        method: Method::GET,
        path: "/things/{id}",
        status: StatusCode::OK,
        content_type: None,
        excerpt: String::new(),
        field: ".".into(),
        message: "no".into(),
        body: Bytes::new(),
    }));
    assert_eq!(decode.status(), Some(StatusCode::OK));
    let large = Error::ResponseTooLarge {
        path: "/things",
        method: Method::GET,
        status: StatusCode::PARTIAL_CONTENT,
        limit: 10,
    };
    assert_eq!(large.status(), Some(StatusCode::PARTIAL_CONTENT));
    for e in [decode, large] {
        assert!(!e.is_not_found() && !e.is_rate_limited(), "{e:?}");
    }
}

#[test]
fn a_spent_retry_budget_answers_for_its_last_answer() {
    let e = spent(api(429));
    assert_eq!(e.status(), Some(StatusCode::TOO_MANY_REQUESTS));
    assert!(e.is_rate_limited() && !e.is_not_found());
    let e = spent(api(502));
    assert_eq!(e.status(), Some(StatusCode::BAD_GATEWAY));
    assert!(!e.is_rate_limited());
    assert!(spent(api(404)).is_not_found());
}

#[test]
fn errors_without_an_answer_have_no_status() {
    for e in without_status() {
        assert_eq!(e.status(), None, "{e:?}");
        assert!(!e.is_not_found() && !e.is_rate_limited(), "{e:?}");
    }
}
