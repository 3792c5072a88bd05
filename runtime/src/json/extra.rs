//! [`Extra`]: the properties of a JSON object that its generated type does
//! not define, kept so that decode → encode loses nothing.

use super::received::{Note, Received};
use serde_json::{Map, Value};
use std::fmt;

/// The properties of an object that its schema does not list, as sent.
///
/// ISC answers with properties its spec does not document (an entitlement's
/// `displayName`, an access item's `enabled`, …). Every generated struct
/// without `additionalProperties` keeps them in its `extra` field and writes
/// them back when encoded, so reading an object, changing one field and
/// sending it back (`get_x` → `put_x`) does not delete what the spec forgot.
/// A property is read by its wire name:
///
/// ```
/// use sailpoint_isc::json::Extra;
/// use serde_json::json;
///
/// let mut extra = Extra::new();
/// extra.insert("displayName", json!("Admins"));
/// assert_eq!(extra.get("displayName"), Some(&json!("Admins")));
/// assert_eq!(extra.get_str("displayName"), Some("Admins"));
/// ```
///
/// When encoding, a declared field wins over an extra property of the same
/// name. Equality compares the properties (order aside); `Debug` prints
/// them as compact JSON.
///
/// `Extra` also records where the tenant broke the spec and the value was
/// read leniently (see [`Received`]): a required property sent as `null`
/// or left out, an enum value in another case. [`received`](Extra::received)
/// says how a property came; encoding a value left as read sends back what
/// was received.
///
/// ```
/// use sailpoint_isc::json::{Decode, Received};
/// use sailpoint_isc::v2024::PasswordStatus;
/// use serde_json::json;
///
/// // `state` is an enum the spec spells `FINISHED`.
/// let status = PasswordStatus::decode(json!({"state": "Finished"}))?;
/// assert_eq!(status.extra.received("state"), Some(&Received::OtherCase("Finished".into())));
/// # Ok::<(), sailpoint_isc::json::DecodeError>(())
/// ```
#[derive(Clone, Default, PartialEq)]
pub struct Extra {
    map: Map<String, Value>,
    received: Vec<Note>,
}

impl Extra {
    /// No extra properties: what a value built in code starts with.
    pub fn new() -> Self {
        Extra::default()
    }

    /// How the property called `name` came, when the tenant sent it in a
    /// form its spec does not allow and it was read leniently; `None` for a
    /// property that came as specified (or is not declared).
    pub fn received(&self, name: &str) -> Option<&Received> {
        self.received
            .iter()
            .find(|n| n.field == name)
            .map(|n| &n.received)
    }

    /// Every property read leniently, by wire name, in the order read (an
    /// array of enums has one entry per item in another case).
    pub fn received_all(&self) -> impl Iterator<Item = (&str, &Received)> {
        self.received
            .iter()
            .map(|n| (n.field.as_str(), &n.received))
    }

    /// Forgets how `name` was received, so that encoding sends the field as
    /// it is (a placeholder `""` as `""`, not as the `null` received).
    pub fn forget_received(&mut self, name: &str) {
        self.received.retain(|n| n.field != name);
    }

    /// A new record of a lenient read (the object reader's).
    pub(crate) fn with_received(map: Map<String, Value>, received: Vec<Note>) -> Self {
        Extra { map, received }
    }

    /// The records of lenient reads (the object writer's).
    pub(crate) fn notes(&self) -> &[Note] {
        &self.received
    }

    /// The property called `name` (its wire name), if the object had it.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.map.get(name)
    }

    /// The property called `name`, if it is a string.
    pub fn get_str(&self, name: &str) -> Option<&str> {
        self.map.get(name).and_then(Value::as_str)
    }

    /// The property called `name`, to change in place.
    pub fn get_mut(&mut self, name: &str) -> Option<&mut Value> {
        self.map.get_mut(name)
    }

    /// Sets a property (it is sent when the value is encoded); returns the
    /// previous value.
    pub fn insert(&mut self, name: impl Into<String>, value: Value) -> Option<Value> {
        self.map.insert(name.into(), value)
    }

    /// Removes a property, so that it is not sent; returns its value.
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        self.map.remove(name)
    }

    /// Whether the object had a property called `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.map.contains_key(name)
    }

    /// How many extra properties there are.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The properties, in the order they were read.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.map.iter()
    }

    /// The properties as a JSON object map.
    pub fn as_map(&self) -> &Map<String, Value> {
        &self.map
    }

    /// The properties as a JSON object map, by value.
    pub fn into_map(self) -> Map<String, Value> {
        self.map
    }
}

impl fmt::Debug for Extra {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Compact: `{"displayName":"Admins"}` rather than serde_json's
        // nested `Object {..}` tree.
        let mut map = f.debug_map();
        for (k, v) in &self.map {
            map.key(k).value(&format_args!("{v}"));
        }
        for n in &self.received {
            map.key(&format_args!("{} (received)", n.field))
                .value(&n.received);
        }
        map.finish()
    }
}

impl From<Map<String, Value>> for Extra {
    fn from(map: Map<String, Value>) -> Self {
        Extra {
            map,
            received: Vec::new(),
        }
    }
}

impl FromIterator<(String, Value)> for Extra {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        Extra::from(iter.into_iter().collect::<Map<String, Value>>())
    }
}

impl Extend<(String, Value)> for Extra {
    fn extend<I: IntoIterator<Item = (String, Value)>>(&mut self, iter: I) {
        self.map.extend(iter)
    }
}

impl<'a> IntoIterator for &'a Extra {
    type Item = (&'a String, &'a Value);
    type IntoIter = serde_json::map::Iter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.map.iter()
    }
}

impl IntoIterator for Extra {
    type Item = (String, Value);
    type IntoIter = serde_json::map::IntoIter;
    fn into_iter(self) -> Self::IntoIter {
        self.map.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn debug_is_compact_json_per_property() {
        let extra: Extra = [("a".to_owned(), json!({"b": [1, null]}))]
            .into_iter()
            .collect();
        assert_eq!(format!("{extra:?}"), r#"{"a": {"b":[1,null]}}"#);
        assert_eq!(format!("{:?}", Extra::new()), "{}");
    }

    #[test]
    fn equality_ignores_order() {
        let a: Extra = [("x".to_owned(), json!(1)), ("y".to_owned(), json!(2))]
            .into_iter()
            .collect();
        let b: Extra = [("y".to_owned(), json!(2)), ("x".to_owned(), json!(1))]
            .into_iter()
            .collect();
        assert_eq!(a, b);
    }
}
