//! The small key-value interface that storage is written against: localStorage in the browser,
//! a map in native tests (which can also play a full quota).

use std::fmt;

/// Why storage refused. Each variant is one message the interface translates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KvError {
    /// The browser's storage for this site is full.
    QuotaExceeded,
    /// Storage cannot be used at all (disabled, or some private modes).
    Unavailable,
    Other(String),
}

impl KvError {
    /// From the name of the browser's exception: browsers name a full storage
    /// "QuotaExceededError" (Firefox once said "NS_ERROR_DOM_QUOTA_REACHED"), and refused
    /// storage "SecurityError".
    pub fn from_browser(name: &str, message: &str) -> KvError {
        match name {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => KvError::QuotaExceeded,
            "SecurityError" => KvError::Unavailable,
            _ => KvError::Other(message.to_owned()),
        }
    }
}

impl fmt::Display for KvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KvError::QuotaExceeded => write!(f, "storage is full"),
            KvError::Unavailable => write!(f, "storage is unavailable"),
            KvError::Other(detail) => write!(f, "storage failed: {detail}"),
        }
    }
}

impl std::error::Error for KvError {}

/// A string store where a failed `set` leaves the old value in place, as localStorage does.
pub trait KeyValue {
    fn get(&self, key: &str) -> Result<Option<String>, KvError>;
    fn set(&self, key: &str, value: &str) -> Result<(), KvError>;
    fn remove(&self, key: &str) -> Result<(), KvError>;
    fn keys(&self) -> Result<Vec<String>, KvError>;

    /// The values under `keys`, in their order: what opening a caseload reads, a thousand
    /// records at once. A store that checks something at every read (the lock's mode) checks
    /// it once here.
    fn get_many(&self, keys: &[String]) -> Result<Vec<Option<String>>, KvError> {
        keys.iter().map(|key| self.get(key)).collect()
    }

    /// What is stored under `key` as it is kept (sealed, on a locked device), for a save to put
    /// back with `put_back` if a later write of it is refused: no need to open it for that.
    fn kept(&self, key: &str) -> Result<Option<String>, KvError> {
        self.get(key)
    }

    /// Puts back what `kept` returned, as it was.
    fn put_back(&self, key: &str, kept: Option<&str>) -> Result<(), KvError> {
        match kept {
            Some(text) => self.set(key, text),
            None => self.remove(key),
        }
    }
}

/// An in-memory store. With a quota, a `set` that would make keys and values together exceed
/// that many bytes fails with `QuotaExceeded` and changes nothing.
#[cfg(test)]
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: std::cell::RefCell<std::collections::BTreeMap<String, String>>,
    quota: Option<usize>,
}

#[cfg(test)]
impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    pub fn with_quota(bytes: usize) -> MemoryStore {
        MemoryStore {
            quota: Some(bytes),
            ..MemoryStore::default()
        }
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

#[cfg(test)]
impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        if let Some(quota) = self.quota
            && self.used_without(key) + key.len() + value.len() > quota
        {
            return Err(KvError::QuotaExceeded);
        }
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}

/// Two tabs' stores over one shared map, for tests.
#[cfg(test)]
impl<T: KeyValue + ?Sized> KeyValue for std::rc::Rc<T> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), KvError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        (**self).keys()
    }
    fn get_many(&self, keys: &[String]) -> Result<Vec<Option<String>>, KvError> {
        (**self).get_many(keys)
    }
    fn kept(&self, key: &str) -> Result<Option<String>, KvError> {
        (**self).kept(key)
    }
    fn put_back(&self, key: &str, kept: Option<&str>) -> Result<(), KvError> {
        (**self).put_back(key, kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_clearly_in_logs() {
        assert_eq!(KvError::QuotaExceeded.to_string(), "storage is full");
        assert_eq!(
            KvError::Other("SecurityError".into()).to_string(),
            "storage failed: SecurityError"
        );
    }

    // Guards "a full quota is still told apart" (issue 31): by the error's name, in each store.
    #[test]
    fn the_browser_error_name_tells_a_full_quota_from_a_refusal() {
        let full = "QuotaExceededError";
        assert_eq!(KvError::from_browser(full, "x"), KvError::QuotaExceeded);
        let firefox = "NS_ERROR_DOM_QUOTA_REACHED";
        assert_eq!(KvError::from_browser(firefox, "x"), KvError::QuotaExceeded);
        let refused = KvError::from_browser("SecurityError", "denied");
        assert_eq!(refused, KvError::Unavailable);
        let other = KvError::from_browser("InvalidStateError", "closing");
        assert_eq!(other, KvError::Other("closing".into()));
    }

    #[test]
    fn values_are_kept_replaced_and_removed() {
        let store = MemoryStore::new();
        assert_eq!(store.get("a"), Ok(None));
        store.set("a", "1").unwrap();
        store.set("a", "2").unwrap();
        store.set("b", "3").unwrap();
        assert_eq!(store.get("a"), Ok(Some("2".into())));
        assert_eq!(store.keys(), Ok(vec!["a".into(), "b".into()]));
        store.remove("a").unwrap();
        assert_eq!(store.get("a"), Ok(None));
    }

    // Guards the quota simulation: a refused write must leave the old value as it was.
    #[test]
    fn a_write_over_the_quota_changes_nothing() {
        let store = MemoryStore::with_quota(10);
        store.set("k", "12345").unwrap();
        assert_eq!(store.set("k", "1234567890"), Err(KvError::QuotaExceeded));
        assert_eq!(store.get("k"), Ok(Some("12345".into())));
        // Replacing a value counts only the new one, not both.
        store.set("k", "123456789").unwrap();
        assert_eq!(store.set("x", ""), Err(KvError::QuotaExceeded));
    }
}
