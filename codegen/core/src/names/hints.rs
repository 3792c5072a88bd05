//! Type name hints for what a reference reaches: a schema or a response that
//! comes from its own file (`../schemas/passwordinfoquerydto.yaml`,
//! `../../shared/responses/401.yaml`), a shared response component, or an
//! operation's inline response body. The hint is sanitized and claimed by the
//! type namespace like every other name.

use super::words::{is_lowercase_run, Vocabulary};
use crate::diag::Pointer;
use serde_json::Value;

/// Most words a title may have to name a type.
const MAX_TITLE_WORDS: usize = 5;

/// Extensions that mark a reference's last segment as a whole file.
const FILE_EXTENSIONS: [&str; 3] = [".yaml", ".yml", ".json"];

/// Names what comes from files. The document's vocabulary is collected the
/// first time a file stem needs splitting, so a spec without file
/// references never pays for it.
#[derive(Debug, Default)]
pub(crate) struct FileNames {
    vocabulary: Option<Vocabulary>,
}

impl FileNames {
    /// The hint for the schema `reference` reaches, whose `title` is given.
    /// For a whole file (a reference whose last segment is `….yaml`), in
    /// order of preference: the title when it is a sensible type name
    /// ([`title_name`]); else the file stem, its lowercase runs split into
    /// the words of `raw`, the whole document (other stems stay as they are).
    /// Any other reference is named by its last segment, as before.
    pub(crate) fn schema_hint(
        &mut self,
        raw: &Value,
        reference: &str,
        title: Option<&str>,
    ) -> String {
        let last = last_segment(reference);
        match file_stem(&last) {
            Some(stem) => match title.and_then(title_name) {
                Some(name) => name,
                None => self.stem_words(raw, stem),
            },
            None => last.rsplit('/').next().unwrap_or(&last).to_owned(),
        }
    }

    /// The hint for an inline body in the response `reference` reaches: a
    /// numeric component key or file stem is its status's reason phrase
    /// (`#/components/responses/401` and `shared/responses/401.yaml` →
    /// `UnauthorizedError`), any other one its words with `Response`. `None`
    /// for a reference to neither.
    pub(crate) fn response_hint(&mut self, raw: &Value, reference: &str) -> Option<String> {
        let key = match reference.strip_prefix("#/components/responses/") {
            Some(key) => key.to_owned(),
            None => {
                let last = last_segment(reference);
                let stem = file_stem(&last)?;
                match stem.parse::<u16>() {
                    Ok(_) => stem.to_owned(),
                    Err(_) => self.stem_words(raw, stem),
                }
            }
        };
        Some(match key.parse::<u16>() {
            Ok(code) => reason_hint(code),
            Err(_) => format!("{key} Response"),
        })
    }

    /// `stem` as space-separated words: each lowercase run between its
    /// separators split into the document's words (`approvalcomment-2` →
    /// `approval comment 2`), every other part as it is.
    fn stem_words(&mut self, raw: &Value, stem: &str) -> String {
        let mut words = Vec::new();
        for part in stem.split(|c: char| !c.is_ascii_alphanumeric()) {
            if is_lowercase_run(part) {
                let vocabulary = self
                    .vocabulary
                    .get_or_insert_with(|| Vocabulary::from_document(raw));
                words.extend(vocabulary.split(part));
            } else if !part.is_empty() {
                words.push(part);
            }
        }
        if words.is_empty() {
            return stem.to_owned();
        }
        words.join(" ")
    }
}

/// The unescaped last segment of a reference's pointer (a bundled file's
/// key, such as `shared/schemas/errorresponsedto.yaml`).
fn last_segment(reference: &str) -> String {
    Pointer::from_text(reference)
        .last_segment()
        .unwrap_or_else(|| reference.to_owned())
}

/// The stem of a whole file's key (`shared/schemas/basereferencedto.yaml`
/// → `basereferencedto`), `None` if `key` is not a file.
fn file_stem(key: &str) -> Option<&str> {
    let file = key.rsplit('/').next().unwrap_or(key);
    FILE_EXTENSIONS
        .iter()
        .find_map(|ext| file.strip_suffix(ext))
        .filter(|stem| !stem.is_empty())
}

/// `title` when it reads as a type name: one to [`MAX_TITLE_WORDS`] words
/// of ASCII letters and digits, separated by spaces or hyphens, the first
/// starting with a letter (`Password Info Query DTO`, `IdentityDto`,
/// `rightPad`). A sentence, or a title with punctuation, is not one.
pub(crate) fn title_name(title: &str) -> Option<String> {
    let title = title.trim();
    let words: Vec<&str> = title.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let sensible = (1..=MAX_TITLE_WORDS).contains(&words.len())
        && title.starts_with(|c: char| c.is_ascii_alphabetic())
        && title
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
    sensible.then(|| words.join(" "))
}

/// `UnauthorizedError` for 401 and so on; `Response` for a success and
/// `Error` for `default` (0).
pub(crate) fn reason_hint(code: u16) -> String {
    let reason = match code {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        409 => "Conflict",
        412 => "PreconditionFailed",
        415 => "UnsupportedMediaType",
        422 => "UnprocessableEntity",
        429 => "TooManyRequests",
        500 => "InternalServerError",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        200..=299 => return "Response".to_owned(),
        0 => return "Error".to_owned(),
        other => return format!("Status{other}Error"),
    };
    format!("{reason}Error")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::{sanitize, Case};
    use serde_json::json;

    const FILE: &str = "#/x-sailpoint-isc-files/schemas~1passwordinfoquerydto.yaml";

    fn doc() -> Value {
        json!({"x": {"title": "Password Info", "properties": {"queryDto": {}}}})
    }

    fn type_name(hint: &str) -> String {
        sanitize(hint, Case::Type)
    }

    #[test]
    fn a_sensible_title_names_the_file() {
        let mut n = FileNames::default();
        let hint = n.schema_hint(&doc(), FILE, Some("Password Info Query DTO"));
        assert_eq!(type_name(&hint), "PasswordInfoQueryDto");
        assert_eq!(title_name("rightPad").as_deref(), Some("rightPad"));
        assert_eq!(
            title_name("Field Details Dto V2").as_deref(),
            Some("Field Details Dto V2")
        );
        assert_eq!(
            title_name(" Source-Sync Job ").as_deref(),
            Some("Source Sync Job")
        );
        assert_eq!(title_name("The info (for a password)"), None);
        assert_eq!(title_name("Identity Reference With Name And Email"), None);
        assert_eq!(title_name("2fa"), None);
        assert_eq!(title_name(""), None);
    }

    #[test]
    fn else_the_stem_is_split_into_the_documents_words() {
        let mut n = FileNames::default();
        let hint = n.schema_hint(&doc(), FILE, Some("The query (v1)."));
        assert_eq!(type_name(&hint), "PasswordInfoQueryDto");
        let hint = n.schema_hint(&doc(), FILE, None);
        assert_eq!(type_name(&hint), "PasswordInfoQueryDto");
        // Each lowercase run of a stem is split; other parts are kept.
        let hint = n.schema_hint(&doc(), "#/x-f/schemas~1passwordinfo-2.yaml", None);
        assert_eq!(type_name(&hint), "PasswordInfo2");
        let hint = n.schema_hint(&doc(), "#/x-f/schemas~1PasswordInfo.yaml", None);
        assert_eq!(type_name(&hint), "PasswordInfo");
        let hint = n.schema_hint(&doc(), "#/x-f/schemas~1Zzzz_pass.yaml", None);
        assert_eq!(type_name(&hint), "ZzzzPass");
    }

    #[test]
    fn other_references_keep_their_last_segment() {
        let mut n = FileNames::default();
        let hint = n.schema_hint(&doc(), "#/definitions/passwordinfo", Some("Password Info"));
        assert_eq!(hint, "passwordinfo");
        let hint = n.schema_hint(&doc(), "#/x-f/a.yaml/properties/queryDto", None);
        assert_eq!(hint, "queryDto");
    }

    #[test]
    fn shared_responses_are_named_after_their_file() {
        let mut n = FileNames::default();
        let raw = doc();
        let at = "#/x-sailpoint-isc-files/..~1shared~1responses~1401.yaml";
        assert_eq!(
            n.response_hint(&raw, at).as_deref(),
            Some("UnauthorizedError")
        );
        let at = "#/x-sailpoint-isc-files/..~1shared~1responses~1429.yaml";
        assert_eq!(
            n.response_hint(&raw, at).as_deref(),
            Some("TooManyRequestsError")
        );
        let at = "#/components/responses/404";
        assert_eq!(n.response_hint(&raw, at).as_deref(), Some("NotFoundError"));
        let at = "#/components/responses/Oops";
        assert_eq!(n.response_hint(&raw, at).as_deref(), Some("Oops Response"));
        let at = "#/x-f/responses~1passwordinfo.yaml";
        assert_eq!(
            n.response_hint(&raw, at).map(|h| type_name(&h)).as_deref(),
            Some("PasswordInfoResponse")
        );
        assert_eq!(n.response_hint(&raw, "#/paths/~1x/get"), None);
    }
}
