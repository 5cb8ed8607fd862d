//! Per-device preferences that are not part of anyone's data: the interface language, and on
//! her phone her counsellor's (from an invitation) for "show in two languages".

use super::keys;
use super::small_store;
use crate::domain::language::Language;

/// The language chosen earlier on this device, if any (and if storage can be read at all).
pub fn saved_language() -> Option<Language> {
    Language::from_tag(&small_store::read_text(keys::LANGUAGE).ok()??)
}

/// Remembers the choice. Without storage (private mode) the app still works; the choice then
/// lasts until the tab closes, which is all that can be done.
pub fn save_language(language: Language) {
    let _ = small_store::write(keys::LANGUAGE, language.code());
}

/// Her counsellor's language, as the last invitation opened here said.
pub fn second_language() -> Option<Language> {
    Language::from_tag(&small_store::read_text(keys::SECOND_LANGUAGE).ok()??)
}

pub fn save_second_language(language: Language) {
    let _ = small_store::write(keys::SECOND_LANGUAGE, language.code());
}
