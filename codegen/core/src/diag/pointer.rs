//! JSON pointers (RFC 6901 in URI-fragment form, `#/paths/~1x/post`): built
//! as the generator walks the spec, and looked up in the raw document. This
//! is the one place pointer text is escaped, split and followed.

use serde_json::Value;
use std::fmt;

/// Escapes one JSON pointer segment (RFC 6901).
pub fn escape_segment(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// Unescapes one JSON pointer segment.
pub fn unescape_segment(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// A place in a document, as a JSON pointer in fragment form.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pointer(String);

impl Pointer {
    /// `#`, the document root.
    pub fn root() -> Self {
        Pointer("#".to_owned())
    }

    /// A pointer from its text (`#/components/schemas/Foo`).
    pub fn from_text(text: &str) -> Self {
        Pointer(text.to_owned())
    }

    /// The pointer a local `$ref` names (`#/components/schemas/Foo`), or
    /// `None` for a reference to another document.
    pub fn from_reference(reference: &str) -> Option<Self> {
        reference
            .starts_with('#')
            .then(|| Pointer(reference.to_owned()))
    }

    /// This pointer with one more segment.
    pub fn join(&self, segment: impl AsRef<str>) -> Self {
        Pointer(format!("{}/{}", self.0, escape_segment(segment.as_ref())))
    }

    /// The pointer text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The unescaped segments (`components`, `schemas`, `Foo`).
    pub fn segments(&self) -> impl Iterator<Item = String> + '_ {
        self.0
            .strip_prefix('#')
            .unwrap_or(&self.0)
            .split('/')
            .skip(1)
            .map(unescape_segment)
    }

    /// The last segment, unescaped (`Foo` for `#/components/schemas/Foo`);
    /// `None` for the root.
    pub fn last_segment(&self) -> Option<String> {
        self.segments().last()
    }

    /// The rest of this pointer below `prefix`, as one unescaped segment
    /// (`Foo` for `#/components/schemas/Foo` below `#/components/schemas`),
    /// or `None` when it is not exactly one level below.
    pub fn child_of(&self, prefix: &str) -> Option<String> {
        let rest = self.0.strip_prefix(prefix)?.strip_prefix('/')?;
        (!rest.contains('/')).then(|| unescape_segment(rest))
    }

    /// The node this pointer names in `root`, if there is one.
    pub fn lookup<'v>(&self, root: &'v Value) -> Option<&'v Value> {
        let mut node = root;
        for key in self.segments() {
            node = match node {
                Value::Object(m) => m.get(&key)?,
                Value::Array(a) => a.get(key.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(node)
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pointers_escape_and_look_up_segments() {
        let p = Pointer::root().join("paths").join("/a/{id}").join("get");
        assert_eq!(p.as_str(), "#/paths/~1a~1{id}/get");
        assert_eq!(
            p.segments().collect::<Vec<_>>(),
            ["paths", "/a/{id}", "get"]
        );
        let doc = json!({"paths": {"/a/{id}": {"get": [1, {"x~y": 2}]}}});
        assert_eq!(p.lookup(&doc), Some(&json!([1, {"x~y": 2}])));
        assert_eq!(p.join("1").join("x~y").lookup(&doc), Some(&json!(2)));
        assert_eq!(p.join("7").lookup(&doc), None);
        assert_eq!(Pointer::root().lookup(&doc), Some(&doc));
        assert_eq!(Pointer::from_reference("other.yaml#/a"), None);
        let schema = Pointer::from_text("#/components/schemas/a~1b");
        assert_eq!(
            schema.child_of("#/components/schemas").as_deref(),
            Some("a/b")
        );
        assert_eq!(schema.last_segment().as_deref(), Some("a/b"));
        assert_eq!(schema.child_of("#/components"), None);
    }
}
