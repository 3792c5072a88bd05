//! The token endpoint's input, read the same way by the Password Management
//! tenant and the generic mock server: form fields and HTTP Basic
//! credentials.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use http::{header, HeaderMap};

/// Decodes a form body; `None` if it is not UTF-8 form encoding.
pub(super) fn form_pairs(body: &[u8]) -> Option<Vec<(String, String)>> {
    let text = std::str::from_utf8(body).ok()?;
    text.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Some((form_decode(k)?, form_decode(v)?))
        })
        .collect()
}

/// `application/x-www-form-urlencoded` decoding of one name or value.
fn form_decode(s: &str) -> Option<String> {
    let plus_decoded = s.replace('+', " ");
    percent_encoding::percent_decode_str(&plus_decoded)
        .decode_utf8()
        .ok()
        .map(|c| c.into_owned())
}

/// `Authorization: Basic base64(id:secret)`, if sent and well-formed.
pub(super) fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((form_decode(id)?, form_decode(secret)?))
}
