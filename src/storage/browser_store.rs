//! The browser's localStorage behind the `KeyValue` trait the storage layer is written against.

use wasm_bindgen::JsCast;

use super::keys;
use super::kv::{KeyValue, KvError};

/// `window.localStorage`. Every call asks the browser again: private modes can refuse at any time.
#[derive(Clone, Copy)]
pub struct LocalStore;

fn storage() -> Result<web_sys::Storage, KvError> {
    web_sys::window()
        .ok_or(KvError::Unavailable)?
        .local_storage()
        .map_err(|_| KvError::Unavailable)?
        .ok_or(KvError::Unavailable)
}

fn classify(error: wasm_bindgen::JsValue) -> KvError {
    match error.dyn_into::<web_sys::DomException>() {
        Ok(e) => KvError::from_browser(&e.name(), &e.message()),
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

/// This tab's sessionStorage: whether the tab works in the training sandbox lasts as long as
/// the tab (a reload keeps it; a new tab opens the real caseload).
fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

pub fn training_mode() -> bool {
    session()
        .and_then(|s| s.get_item(keys::TRAINING_MODE).ok().flatten())
        .is_some()
}

pub fn set_training_mode(on: bool) {
    if let Some(session) = session() {
        let _ = if on {
            session.set_item(keys::TRAINING_MODE, "on")
        } else {
            session.remove_item(keys::TRAINING_MODE)
        };
    }
}

/// The round this tab is handed over for (see `components::handed_over`): as long as the tab.
pub fn handed_over() -> Option<String> {
    session().and_then(|s| s.get_item(keys::HANDED_OVER).ok().flatten())
}

pub fn set_handed_over(round_id: Option<&str>) {
    if let Some(session) = session() {
        let _ = match round_id {
            Some(round_id) => session.set_item(keys::HANDED_OVER, round_id),
            None => session.remove_item(keys::HANDED_OVER),
        };
    }
}

/// The participant's app has no page for `path`: the next load of it is the whole app's.
pub fn ask_whole_app_for(path: &str) {
    if let Some(session) = session() {
        let _ = session.set_item(keys::WHOLE_APP, path);
    }
}
