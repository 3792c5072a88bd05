//! ISC's sorter language: `sorters=name,-modified`, fields by their wire
//! names, `-` for descending, the first the primary key.

use std::fmt;
use std::marker::PhantomData;

/// One sort key of the operation (or field set) `S`: a field, ascending
/// unless [`desc`](Self::desc) is called. The generated bindings make one
/// per documented field (`sorters::ListAccounts::modified().desc()`).
pub struct Sort<S> {
    name: &'static str,
    descending: bool,
    _set: PhantomData<fn() -> S>,
}

impl<S> Sort<S> {
    /// The field called `name` on the wire, ascending.
    pub const fn new(name: &'static str) -> Self {
        Sort {
            name,
            descending: false,
            _set: PhantomData,
        }
    }

    /// Ascending (the default).
    pub const fn asc(self) -> Self {
        Sort {
            descending: false,
            ..self
        }
    }

    /// Descending: `-name`.
    pub const fn desc(self) -> Self {
        Sort {
            descending: true,
            ..self
        }
    }

    /// Sorts by `self`, then by `next` among equals.
    pub fn then(self, next: Sort<S>) -> Sorters<S> {
        Sorters::from([self, next])
    }
}

impl<S> Clone for Sort<S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S> Copy for Sort<S> {}

impl<S> fmt::Display for Sort<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.descending {
            f.write_str("-")?;
        }
        f.write_str(self.name)
    }
}

impl<S> fmt::Debug for Sort<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Sort").field(&self.to_string()).finish()
    }
}

/// The `sorters` of a list of `S`: sort keys in order, or raw text
/// (`"name,-modified"`) for what the bindings do not describe. `Display`
/// writes the parameter's value.
///
/// A `sorters` setter takes one [`Sort`], an array or `Vec` of them, or
/// text.
pub struct Sorters<S> {
    keys: Vec<Sort<S>>,
    raw: Option<String>,
}

impl<S> Sorters<S> {
    /// Text in ISC's sorter language, sent as it is.
    pub fn raw(text: impl Into<String>) -> Self {
        Sorters {
            keys: Vec::new(),
            raw: Some(text.into()),
        }
    }

    /// Then by `next` among equals. After raw text, `next` is appended to
    /// it with a comma.
    pub fn then(mut self, next: Sort<S>) -> Self {
        match &mut self.raw {
            Some(text) => {
                if !text.is_empty() {
                    text.push(',');
                }
                text.push_str(&next.to_string());
            }
            None => self.keys.push(next),
        }
        self
    }
}

impl<S> fmt::Display for Sorters<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(text) = &self.raw {
            return f.write_str(text);
        }
        for (i, key) in self.keys.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            fmt::Display::fmt(key, f)?;
        }
        Ok(())
    }
}

impl<S> fmt::Debug for Sorters<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Sorters").field(&self.to_string()).finish()
    }
}

impl<S> Clone for Sorters<S> {
    fn clone(&self) -> Self {
        Sorters {
            keys: self.keys.clone(),
            raw: self.raw.clone(),
        }
    }
}

impl<S> From<Sort<S>> for Sorters<S> {
    fn from(key: Sort<S>) -> Self {
        Sorters {
            keys: vec![key],
            raw: None,
        }
    }
}

impl<S, const N: usize> From<[Sort<S>; N]> for Sorters<S> {
    fn from(keys: [Sort<S>; N]) -> Self {
        Sorters {
            keys: keys.into(),
            raw: None,
        }
    }
}

impl<S> From<Vec<Sort<S>>> for Sorters<S> {
    fn from(keys: Vec<Sort<S>>) -> Self {
        Sorters { keys, raw: None }
    }
}

/// Raw text, as [`Sorters::raw`]: what a `sorters` setter took before it
/// was typed.
impl<S> From<&str> for Sorters<S> {
    fn from(text: &str) -> Self {
        Sorters::raw(text)
    }
}

/// Raw text, as [`Sorters::raw`].
impl<S> From<String> for Sorters<S> {
    fn from(text: String) -> Self {
        Sorters::raw(text)
    }
}

/// Raw text, as [`Sorters::raw`].
impl<S> From<&String> for Sorters<S> {
    fn from(text: &String) -> Self {
        Sorters::raw(text.as_str())
    }
}
