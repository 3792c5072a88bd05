//! `multipart/form-data` bodies and the [`FilePart`] type that `format:
//! binary` properties become.
//!
//! A form is described by its generated struct. It is serialized once into a
//! list of parts (files, text, and JSON text for structured values), so a
//! retry rebuilds the identical form.

use crate::json::{Decode, DecodeError, Encode, EncodeError};
use base64::Engine;
use bytes::Bytes;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The key under which a [`FilePart`] marks itself when serialized, so the
/// form builder can tell a file from a text field.
const FILE_MARKER: &str = "$sailpoint_isc_file";

/// A file to upload (a `format: binary` property).
#[derive(Clone, PartialEq, Eq)]
pub struct FilePart {
    /// File name sent in the part's `Content-Disposition`.
    pub file_name: Option<String>,
    /// The part's `Content-Type` (default `application/octet-stream`).
    pub content_type: Option<String>,
    /// The content.
    pub bytes: Bytes,
}

impl FilePart {
    /// A file with this name and content.
    pub fn new(file_name: impl Into<String>, bytes: impl Into<Bytes>) -> Self {
        FilePart {
            file_name: Some(file_name.into()),
            content_type: None,
            bytes: bytes.into(),
        }
    }

    /// Sets the part's content type (`text/csv`, `application/json`…).
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }
}

impl fmt::Debug for FilePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FilePart")
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .field("len", &self.bytes.len())
            .finish()
    }
}

#[derive(Serialize, Deserialize)]
struct Marked {
    #[serde(rename = "$sailpoint_isc_file")]
    file: Wire,
}

#[derive(Serialize, Deserialize)]
struct Wire {
    name: Option<String>,
    content_type: Option<String>,
    base64: String,
}

impl Serialize for FilePart {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Marked {
            file: Wire {
                name: self.file_name.clone(),
                content_type: self.content_type.clone(),
                base64: base64::engine::general_purpose::STANDARD.encode(&self.bytes),
            },
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for FilePart {
    /// Accepts the marked form this type serializes to, or a plain string
    /// (its UTF-8 bytes), which is how a binary property shows up in JSON.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Marked(Marked),
            Text(String),
        }
        match Either::deserialize(d)? {
            Either::Marked(m) => Ok(FilePart {
                file_name: m.file.name,
                content_type: m.file.content_type,
                bytes: base64::engine::general_purpose::STANDARD
                    .decode(m.file.base64)
                    .map_err(serde::de::Error::custom)?
                    .into(),
            }),
            Either::Text(t) => Ok(FilePart {
                file_name: None,
                content_type: None,
                bytes: Bytes::from(t.into_bytes()),
            }),
        }
    }
}

impl Decode for FilePart {
    fn decode(value: serde_json::Value) -> Result<Self, DecodeError> {
        serde_json::from_value(value).map_err(|e| DecodeError::new(e.to_string()))
    }
}

impl Encode for FilePart {
    fn encode(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// One part of a form.
#[derive(Debug, Clone)]
pub(crate) enum Part {
    Text { name: String, value: String },
    File { name: String, file: FilePart },
}

/// The parts of a form described by `body`: each property is a part;
/// `None` properties are left out.
pub(crate) fn parts<T: Encode + ?Sized>(body: &T) -> Result<Vec<Part>, EncodeError> {
    let serde_json::Value::Object(map) = body.try_encode()? else {
        return Err(EncodeError::new("a multipart body must be an object"));
    };
    let mut out = Vec::with_capacity(map.len());
    for (name, v) in map {
        match v {
            serde_json::Value::Null => {}
            serde_json::Value::String(s) => out.push(Part::Text { name, value: s }),
            v @ serde_json::Value::Object(_) if v.get(FILE_MARKER).is_some() => {
                let file = FilePart::decode(v).map_err(|e| EncodeError::new(e.to_string()))?;
                out.push(Part::File { name, file });
            }
            other => out.push(Part::Text {
                name,
                value: other.to_string(),
            }),
        }
    }
    Ok(out)
}

/// A reqwest form for `parts` (built anew for each attempt).
pub(crate) fn form(parts: &[Part]) -> reqwest::multipart::Form {
    let mut form = reqwest::multipart::Form::new();
    for p in parts {
        form = match p {
            Part::Text { name, value } => form.text(name.clone(), value.clone()),
            Part::File { name, file } => {
                let file_name = file.file_name.clone().unwrap_or_else(|| name.clone());
                let fresh = || {
                    reqwest::multipart::Part::stream(reqwest::Body::from(file.bytes.clone()))
                        .file_name(file_name.clone())
                };
                let ct = file
                    .content_type
                    .as_deref()
                    .unwrap_or("application/octet-stream");
                // An unparsable content type from the caller falls back to none.
                let part = fresh().mime_str(ct).unwrap_or_else(|_| fresh());
                form.part(name.clone(), part)
            }
        };
    }
    form
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Upload {
        file: FilePart,
        name: Option<String>,
        count: i32,
        skipped: Option<String>,
    }

    #[test]
    fn properties_become_parts() {
        let body = Upload {
            file: FilePart::new("a.csv", &b"x,y\n1,2\n"[..]).with_content_type("text/csv"),
            name: Some("n".into()),
            count: 3,
            skipped: None,
        };
        let p = parts(&crate::json::Serde(&body)).expect("parts");
        assert_eq!(p.len(), 3);
        match &p[0] {
            Part::File { name, file } => {
                assert_eq!(name, "file");
                assert_eq!(&file.bytes[..], b"x,y\n1,2\n");
                assert_eq!(file.content_type.as_deref(), Some("text/csv"));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&p[2], Part::Text { name, value } if name == "count" && value == "3"));
    }
}
