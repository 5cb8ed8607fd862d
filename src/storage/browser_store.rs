//! The browser's localStorage behind the `KeyValue` trait the storage layer is written against.

use wasm_bindgen::JsCast;

use super::kv::{KeyValue, KvError};

/// `window.localStorage`. Every call asks the browser again: private modes can refuse at any time.
pub struct LocalStore;

fn storage() -> Result<web_sys::Storage, KvError> {
    web_sys::window()
        .ok_or(KvError::Unavailable)?
        .local_storage()
        .map_err(|_| KvError::Unavailable)?
        .ok_or(KvError::Unavailable)
}

/// Browsers name a full storage "QuotaExceededError" (Firefox once said "NS_ERROR_DOM_QUOTA_REACHED").
fn classify(error: wasm_bindgen::JsValue) -> KvError {
    match error.dyn_into::<web_sys::DomException>() {
        Ok(e) if e.name() == "QuotaExceededError" || e.name() == "NS_ERROR_DOM_QUOTA_REACHED" => {
            KvError::QuotaExceeded
        }
        Ok(e) if e.name() == "SecurityError" => KvError::Unavailable,
        Ok(e) => KvError::Other(e.message()),
        Err(other) => KvError::Other(format!("{other:?}")),
    }
}

impl KeyValue for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        storage()?.get_item(key).map_err(classify)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        storage()?.set_item(key, value).map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), KvError> {
        storage()?.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        let storage = storage()?;
        let length = storage.length().map_err(classify)?;
        Ok((0..length)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
    }
}
