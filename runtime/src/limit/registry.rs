//! The process-wide registries that make clients with the same key share
//! one window and budget. Entries are weak: the state lives as long as a
//! client uses it, and a key no client uses any more starts afresh.

use super::RateLimit;
use crate::retry::budget::RetryBudget;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex, PoisonError, Weak};

/// The key of a line window and retry budget.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct SharedKey {
    /// The tenant (or API) URL the client was built for.
    pub(crate) tenant: String,
    /// The OAuth2 client id; `None` for bearer tokens and token sources.
    pub(crate) client_id: Option<String>,
    pub(crate) line: String,
    pub(crate) rate: RateLimit,
    pub(crate) budget: RetryBudget,
}

/// The key of an operation's own window: per tenant, whatever the client id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct WindowKey {
    pub(crate) tenant: String,
    pub(crate) line: String,
    pub(crate) operation: &'static str,
}

/// A map from key to the state every holder of that key shares.
pub(crate) struct Registry<K, V> {
    map: Mutex<Option<HashMap<K, Weak<V>>>>,
}

impl<K: Eq + Hash, V> Registry<K, V> {
    pub(crate) const fn new() -> Self {
        Registry {
            map: Mutex::new(None),
        }
    }

    /// The live state of `key`, else a new one from `make`.
    pub(crate) fn get_or_insert(&self, key: K, make: impl FnOnce() -> V) -> Arc<V> {
        let mut map = self.map.lock().unwrap_or_else(PoisonError::into_inner);
        let map = map.get_or_insert_with(HashMap::new);
        if let Some(live) = map.get(&key).and_then(Weak::upgrade) {
            return live;
        }
        // Dropping dead entries here keeps the map as small as the keys
        // in use, without a sweeper.
        map.retain(|_, v| v.strong_count() > 0);
        let fresh = Arc::new(make());
        map.insert(key, Arc::downgrade(&fresh));
        fresh
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_key_shares_while_someone_holds_it() {
        let r: Registry<u8, u32> = Registry::new();
        let a = r.get_or_insert(1, || 10);
        let b = r.get_or_insert(1, || 20);
        assert!(Arc::ptr_eq(&a, &b));
        let c = r.get_or_insert(2, || 30);
        assert_eq!(*c, 30);
        drop((a, b));
        assert_eq!(*r.get_or_insert(1, || 40), 40);
    }
}
