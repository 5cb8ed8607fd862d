//! What stays in localStorage beside the data (issue 31, item 4): the interface language, the
//! lock's parameters, its "lock now" signal and wrong tries, and the flag that the data moved to
//! IndexedDB. They go through gloo-storage, the design card's crate: values are JSON, and its
//! errors carry the browser's error name, so a full quota is still told apart.
//!
//! The data itself (her answers on her phone, recovery copies) keeps to `browser_store`: the
//! storage layer seals and compares it as the exact text it stored.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::kv::KvError;

/// gloo-storage takes localStorage with `expect_throw`, which would stop the app where the
/// browser refuses it (storage blocked, some private modes, a frame of another site). Asked
/// first, such a browser gets `Unavailable`, and the app its message in the user's language.
fn available() -> Result<(), KvError> {
    match web_sys::window().map(|window| window.local_storage()) {
        Some(Ok(Some(_))) => Ok(()),
        _ => Err(KvError::Unavailable),
    }
}

fn refused(error: StorageError) -> KvError {
    match error {
        StorageError::JsError(error) => KvError::from_browser(&error.name, &error.message),
        other => KvError::Other(other.to_string()),
    }
}

/// The value under `key`: `None` where there is none, `Some(Err(…))` where the text there is
/// not this type's JSON (a damaged lock record must not read as "no lock").
pub fn read<T: DeserializeOwned>(key: &str) -> Result<Option<Result<T, String>>, KvError> {
    available()?;
    match LocalStorage::get::<T>(key) {
        Ok(value) => Ok(Some(Ok(value))),
        Err(StorageError::KeyNotFound(_)) => Ok(None),
        Err(StorageError::SerdeError(error)) => Ok(Some(Err(error.to_string()))),
        Err(error) => Err(refused(error)),
    }
}

/// A text value, also as builds before gloo-storage wrote it: plain, not a JSON string.
pub fn read_text(key: &str) -> Result<Option<String>, KvError> {
    Ok(match read::<String>(key)? {
        Some(Ok(text)) => Some(text),
        // `available()` has just answered, so `raw()` cannot throw here.
        Some(Err(_)) => LocalStorage::raw().get_item(key).ok().flatten(),
        None => None,
    })
}

pub fn write<T: Serialize + ?Sized>(key: &str, value: &T) -> Result<(), KvError> {
    available()?;
    LocalStorage::set(key, value).map_err(refused)
}

pub fn remove(key: &str) -> Result<(), KvError> {
    available()?;
    LocalStorage::delete(key);
    Ok(())
}
