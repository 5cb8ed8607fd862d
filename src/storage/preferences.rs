//! Per-device preferences that are not part of anyone's data: the interface language.

use gloo_storage::{LocalStorage, Storage};

use crate::domain::language::Language;

const LANGUAGE_KEY: &str = "stegvis.language";

/// The language chosen earlier on this device, if any (and if storage can be read at all).
pub fn saved_language() -> Option<Language> {
    let code: String = LocalStorage::get(LANGUAGE_KEY).ok()?;
    Language::from_tag(&code)
}

/// Remembers the choice. Without storage (private mode) the app still works; the choice then
/// lasts until the tab closes, which is all that can be done.
pub fn save_language(language: Language) {
    let _ = LocalStorage::set(LANGUAGE_KEY, language.code());
}
