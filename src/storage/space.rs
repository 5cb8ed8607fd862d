//! Two spaces in one browser's storage: the real caseload, and the training sandbox with its
//! fictional people. The sandbox's keys carry their own prefix, so nothing done in training
//! can read, change or erase a byte of the real data.

use super::keys::{NAMESPACE, TRAINING_PREFIX};
use super::kv::{KeyValue, KvError};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Space {
    Real,
    Training,
}

/// A store that shows one space's keys under their ordinary names.
pub struct SpacedStore<S> {
    inner: S,
    space: Space,
}

impl<S: KeyValue> SpacedStore<S> {
    pub fn new(inner: S, space: Space) -> SpacedStore<S> {
        SpacedStore { inner, space }
    }

    /// The store underneath, which sees every key as it is stored.
    pub fn inner(&self) -> &S {
        &self.inner
    }

    /// Where `key` lives in the underlying store.
    pub fn stored_key(&self, key: &str) -> String {
        match self.space {
            Space::Real => key.to_owned(),
            Space::Training => {
                let name = key.strip_prefix(NAMESPACE).unwrap_or(key);
                format!("{TRAINING_PREFIX}{name}")
            }
        }
    }
}

impl<S: KeyValue> KeyValue for SpacedStore<S> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.inner.get(&self.stored_key(key))
    }

    fn get_many(&self, keys: &[String]) -> Result<Vec<Option<String>>, KvError> {
        let stored: Vec<String> = keys.iter().map(|key| self.stored_key(key)).collect();
        self.inner.get_many(&stored)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.inner.set(&self.stored_key(key), value)
    }

    fn remove(&self, key: &str) -> Result<(), KvError> {
        self.inner.remove(&self.stored_key(key))
    }

    fn kept(&self, key: &str) -> Result<Option<String>, KvError> {
        self.inner.kept(&self.stored_key(key))
    }

    fn put_back(&self, key: &str, kept: Option<&str>) -> Result<(), KvError> {
        self.inner.put_back(&self.stored_key(key), kept)
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        let all = self.inner.keys()?;
        Ok(match self.space {
            Space::Real => all
                .into_iter()
                .filter(|k| !k.starts_with(TRAINING_PREFIX))
                .collect(),
            Space::Training => all
                .iter()
                .filter_map(|k| k.strip_prefix(TRAINING_PREFIX))
                .map(|name| format!("{NAMESPACE}{name}"))
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use chrono::DateTime;

    use super::*;
    use crate::domain::training::people::training_caseload;
    use crate::storage::keys::{self, recovery_keys};
    use crate::storage::kv::MemoryStore;
    use crate::storage::tab_store::TabStore;

    #[test]
    fn the_sandbox_never_touches_a_real_key() {
        let shared = Rc::new(MemoryStore::new());
        shared.set(keys::DATA, "real data").unwrap();
        shared
            .set("stegvis.recovery.2026-01-01T00:00:00.000Z", "old")
            .unwrap();
        let before: Vec<(String, Option<String>)> = shared
            .keys()
            .unwrap()
            .into_iter()
            .map(|k| (k.clone(), shared.get(&k).unwrap()))
            .collect();

        let now = DateTime::from_timestamp(1_780_000_000, 0).unwrap();
        let training = SpacedStore::new(Rc::clone(&shared), Space::Training);
        assert_eq!(training.get(keys::DATA).unwrap(), None);
        assert!(recovery_keys(&training).unwrap().is_empty());
        let mut store = TabStore::open(training, "tab".into(), now);
        store.replace(training_caseload(now.date_naive()));
        store.flush(now).unwrap();
        store
            .change(|c| {
                c.erase_all();
                Ok(())
            })
            .unwrap();
        store.flush(now).unwrap();

        for (key, value) in &before {
            assert_eq!(&shared.get(key).unwrap(), value, "{key}");
        }
        let real = SpacedStore::new(Rc::clone(&shared), Space::Real);
        let mut real_keys = real.keys().unwrap();
        real_keys.sort();
        let mut expected: Vec<String> = before.into_iter().map(|(k, _)| k).collect();
        expected.sort();
        assert_eq!(real_keys, expected);
        assert!(shared.get("stegvis.training.data").unwrap().is_some());
    }

    #[test]
    fn the_sandbox_names_its_keys_like_the_real_ones() {
        let shared = Rc::new(MemoryStore::new());
        let training = SpacedStore::new(Rc::clone(&shared), Space::Training);
        training.set(keys::DATA, "x").unwrap();
        assert_eq!(training.stored_key(keys::DATA), "stegvis.training.data");
        assert_eq!(training.keys().unwrap(), [keys::DATA]);
        assert_eq!(shared.keys().unwrap(), ["stegvis.training.data"]);
        training.remove(keys::DATA).unwrap();
        assert!(shared.keys().unwrap().is_empty());
    }
}
