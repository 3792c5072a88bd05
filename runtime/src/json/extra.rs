//! [`Extra`]: the properties of a JSON object that its generated type does
//! not define, kept so that decode → encode loses nothing.

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
#[derive(Clone, Default, PartialEq)]
pub struct Extra(Map<String, Value>);

impl Extra {
    /// No extra properties: what a value built in code starts with.
    pub fn new() -> Self {
        Extra(Map::new())
    }

    /// The property called `name` (its wire name), if the object had it.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.get(name)
    }

    /// The property called `name`, if it is a string.
    pub fn get_str(&self, name: &str) -> Option<&str> {
        self.0.get(name).and_then(Value::as_str)
    }

    /// The property called `name`, to change in place.
    pub fn get_mut(&mut self, name: &str) -> Option<&mut Value> {
        self.0.get_mut(name)
    }

    /// Sets a property (it is sent when the value is encoded); returns the
    /// previous value.
    pub fn insert(&mut self, name: impl Into<String>, value: Value) -> Option<Value> {
        self.0.insert(name.into(), value)
    }

    /// Removes a property, so that it is not sent; returns its value.
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        self.0.remove(name)
    }

    /// Whether the object had a property called `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    /// How many extra properties there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The properties, in the order they were read.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter()
    }

    /// The properties as a JSON object map.
    pub fn as_map(&self) -> &Map<String, Value> {
        &self.0
    }

    /// The properties as a JSON object map, by value.
    pub fn into_map(self) -> Map<String, Value> {
        self.0
    }
}

impl fmt::Debug for Extra {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Compact: `{"displayName":"Admins"}` rather than serde_json's
        // nested `Object {..}` tree.
        let mut map = f.debug_map();
        for (k, v) in &self.0 {
            map.key(k).value(&format_args!("{v}"));
        }
        map.finish()
    }
}

impl From<Map<String, Value>> for Extra {
    fn from(map: Map<String, Value>) -> Self {
        Extra(map)
    }
}

impl FromIterator<(String, Value)> for Extra {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        Extra(iter.into_iter().collect())
    }
}

impl Extend<(String, Value)> for Extra {
    fn extend<I: IntoIterator<Item = (String, Value)>>(&mut self, iter: I) {
        self.0.extend(iter)
    }
}

impl<'a> IntoIterator for &'a Extra {
    type Item = (&'a String, &'a Value);
    type IntoIter = serde_json::map::Iter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl IntoIterator for Extra {
    type Item = (String, Value);
    type IntoIter = serde_json::map::IntoIter;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
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
