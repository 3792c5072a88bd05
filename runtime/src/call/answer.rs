//! How a success response becomes a call's value, written once: JSON
//! decoded as the operation's type, the "no body" rule for answers that
//! may have none, bytes as they came, or nothing.

use crate::error::{clip, excerpt, DecodeError, Error, Result};
use crate::json::Decode;
use crate::request::Target;
use crate::send::Success;
use http::StatusCode;

/// How a success response becomes the call's value.
pub(crate) type Answer<T> = fn(&Target, &Success) -> Result<T>;

/// Whether a success carries no body: `204 No Content`, or a body of
/// nothing but whitespace (ISC answers some empty pages with one). The one
/// place this rule is written.
pub(crate) fn has_no_body(ok: &Success) -> bool {
    ok.status == StatusCode::NO_CONTENT || ok.body.iter().all(u8::is_ascii_whitespace)
}

/// A JSON body decoded as `T`, or the typed decode error.
pub(crate) fn json<T: Decode>(target: &Target, ok: &Success) -> Result<T> {
    crate::json::decode_slice::<T>(&ok.body).map_err(|e| {
        Error::Decode(Box::new(DecodeError {
            operation: target.id,
            method: target.method.clone(),
            path: target.path,
            status: ok.status,
            content_type: ok
                .headers
                .get(http::header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned),
            excerpt: excerpt(&ok.body),
            // serde quotes the offending value (`invalid type: string "…"`),
            // which may be as long as the body: keep the start.
            field: clip(&e.path()).into_owned(),
            message: clip(e.message()).into_owned(),
            body: ok.body.clone(),
        }))
    })
}

/// `None` for a success without a body (see [`has_no_body`]), else the
/// JSON body decoded as `T`.
pub(crate) fn optional<T: Decode>(target: &Target, ok: &Success) -> Result<Option<T>> {
    if has_no_body(ok) {
        return Ok(None);
    }
    json(target, ok).map(Some)
}

/// The body as it came.
pub(crate) fn bytes(_: &Target, ok: &Success) -> Result<bytes::Bytes> {
    Ok(ok.body.clone())
}

/// Nothing: the body is ignored.
pub(crate) fn empty(_: &Target, _: &Success) -> Result<()> {
    Ok(())
}
