//! Where each key lives on this device. The caseload — its head and people's records, the
//! copies kept aside, the training sandbox — lives in IndexedDB once the whole app has moved it
//! there (`indexed_db`, issue 31); the small things (the language, the lock's parameters,
//! flags) stay in localStorage. Until the move, and always in the participant's own app (which
//! never starts IndexedDB, so its code stays out of her wasm), everything is in localStorage.
//!
//! IndexedDB writes in the background: a write refused later (a full disk) is reported to
//! `on_refused` listeners, and other tabs' writes to `on_changed` listeners, as localStorage's
//! storage event reports them.

use std::cell::RefCell;
use std::rc::Rc;

use super::browser_store::LocalStore;
use super::keys;
use super::kv::{KeyValue, KvError};

type Changed = Rc<dyn Fn(&str, Option<String>)>;
type Refused = Rc<dyn Fn(Option<KvError>)>;

thread_local! {
    static DATA: RefCell<Option<Rc<dyn KeyValue>>> = const { RefCell::new(None) };
    // One listener of each: the app's state, while it is mounted.
    static CHANGED: RefCell<Option<Changed>> = const { RefCell::new(None) };
    static REFUSED: RefCell<Option<Refused>> = const { RefCell::new(None) };
}

/// Whether `key` is part of the caseload's data, which moves into IndexedDB.
pub fn is_data_key(key: &str) -> bool {
    key == keys::DATA
        || key.starts_with(keys::PERSON_PREFIX)
        || key.starts_with(keys::RECOVERY_PREFIX)
        || key.starts_with(keys::TRAINING_PREFIX)
}

/// From now on, the data keys are read and written through `store`.
pub fn use_data_store(store: Rc<dyn KeyValue>) {
    DATA.with(|data| *data.borrow_mut() = Some(store));
}

/// The store the data keys live in, once moved.
pub fn data_store_in_use() -> Option<Rc<dyn KeyValue>> {
    DATA.with(|data| data.borrow().clone())
}

/// From now on (until `stop_listening`), `changed` is called with each data key another tab
/// wrote and its new value, and `refused` with the error when a write this page made was
/// refused after it was reported done, and with `None` when storage takes writes again.
pub fn listen(
    changed: impl Fn(&str, Option<String>) + 'static,
    refused: impl Fn(Option<KvError>) + 'static,
) {
    CHANGED.with(|slot| *slot.borrow_mut() = Some(Rc::new(changed)));
    REFUSED.with(|slot| *slot.borrow_mut() = Some(Rc::new(refused)));
}

pub fn stop_listening() {
    CHANGED.with(|slot| *slot.borrow_mut() = None);
    REFUSED.with(|slot| *slot.borrow_mut() = None);
}

pub(super) fn changed(key: &str, value: Option<String>) {
    if let Some(listener) = CHANGED.with(|slot| slot.borrow().clone()) {
        listener(key, value);
    }
}

pub(super) fn refused(error: KvError) {
    if let Some(listener) = REFUSED.with(|slot| slot.borrow().clone()) {
        listener(Some(error));
    }
}

pub(super) fn writable_again() {
    if let Some(listener) = REFUSED.with(|slot| slot.borrow().clone()) {
        listener(None);
    }
}

/// This device's storage, each key where it lives.
#[derive(Clone, Copy)]
pub struct DeviceStore;

impl DeviceStore {
    fn route(key: &str) -> Option<Rc<dyn KeyValue>> {
        data_store_in_use().filter(|_| is_data_key(key))
    }
}

impl KeyValue for DeviceStore {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        match DeviceStore::route(key) {
            Some(data) => data.get(key),
            None => LocalStore.get(key),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        match DeviceStore::route(key) {
            Some(data) => data.set(key, value),
            None => LocalStore.set(key, value),
        }
    }

    fn remove(&self, key: &str) -> Result<(), KvError> {
        match DeviceStore::route(key) {
            Some(data) => data.remove(key),
            None => LocalStore.remove(key),
        }
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        let local = LocalStore.keys()?;
        Ok(match data_store_in_use() {
            Some(data) => (local.into_iter())
                .filter(|key| !is_data_key(key))
                .chain(data.keys()?)
                .collect(),
            None => local,
        })
    }
}
