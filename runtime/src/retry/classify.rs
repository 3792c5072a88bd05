//! Retry classifiers: what one failed send was, as the policy judges it,
//! and what the server asked for in `Retry-After`.

use http::{HeaderMap, HeaderValue, Method, StatusCode};
use std::time::{Duration, SystemTime};

/// Whether `method` may be sent twice with the same effect as once.
pub(crate) fn is_idempotent(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS
    )
}

/// What went wrong with one send.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Failure {
    /// The server answered with an error status.
    Status {
        status: StatusCode,
        retry_after: Option<Duration>,
    },
    /// No complete response: connection refused or cut, or a timeout.
    Transport,
}

impl Failure {
    /// The failure an error `status` with these `headers` is.
    pub(crate) fn status(status: StatusCode, headers: &HeaderMap) -> Self {
        Failure::Status {
            status,
            retry_after: retry_after(headers),
        }
    }

    /// The status as a tracing field, 0 when there was no response.
    pub(crate) fn status_code(&self) -> u16 {
        match self {
            Failure::Status { status, .. } => status.as_u16(),
            Failure::Transport => 0,
        }
    }
}

/// The wait a `Retry-After` header asks for, measured from now.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    parse_retry_after(headers.get(http::header::RETRY_AFTER)?, SystemTime::now())
}

/// Parses a `Retry-After` value in either form of RFC 9110 §10.2.3:
/// delta-seconds (`120`) or an HTTP-date (`Wed, 21 Oct 2015 07:28:00 GMT`),
/// the latter measured from `now`. A date in the past is a wait of zero.
pub(crate) fn parse_retry_after(value: &HeaderValue, now: SystemTime) -> Option<Duration> {
    let text = value.to_str().ok()?.trim();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        // Absurdly long values saturate rather than fail: they exceed any cap.
        return Some(Duration::from_secs(text.parse::<u64>().unwrap_or(u64::MAX)));
    }
    let date = httpdate::parse_http_date(text).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> HeaderValue {
        HeaderValue::from_str(s).unwrap_or_else(|_| HeaderValue::from_static("invalid"))
    }

    #[test]
    fn retry_after_reads_delta_seconds() {
        let now = SystemTime::now();
        assert_eq!(
            parse_retry_after(&value(" 7 "), now),
            Some(Duration::from_secs(7))
        );
        assert_eq!(parse_retry_after(&value("0"), now), Some(Duration::ZERO));
        assert_eq!(
            parse_retry_after(&value("99999999999999999999999"), now),
            Some(Duration::from_secs(u64::MAX))
        );
        assert_eq!(parse_retry_after(&value("-1"), now), None);
        assert_eq!(parse_retry_after(&value("+1"), now), None);
        assert_eq!(parse_retry_after(&value("1.5"), now), None);
        assert_eq!(parse_retry_after(&value(""), now), None);
    }

    #[test]
    fn retry_after_reads_http_dates() {
        let now = httpdate::parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT")
            .unwrap_or(SystemTime::UNIX_EPOCH);
        assert_eq!(
            parse_retry_after(&value("Wed, 21 Oct 2015 07:28:30 GMT"), now),
            Some(Duration::from_secs(30))
        );
        // Obsolete forms RFC 9110 requires recipients to accept.
        assert_eq!(
            parse_retry_after(&value("Wednesday, 21-Oct-15 07:28:05 GMT"), now),
            Some(Duration::from_secs(5))
        );
        assert_eq!(
            parse_retry_after(&value("Wed Oct 21 07:28:02 2015"), now),
            Some(Duration::from_secs(2))
        );
        // In the past: retry now.
        assert_eq!(
            parse_retry_after(&value("Wed, 21 Oct 2015 07:00:00 GMT"), now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after(&value("tomorrow"), now), None);
    }
}
