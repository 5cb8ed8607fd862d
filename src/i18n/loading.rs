//! Each language's texts come as a file of their own, fetched when the language is chosen, so a
//! phone downloads the words of one language and the wasm carries none (build.rs,
//! scripts/texts.mjs). `index.html` names the files by their content's hash in a meta tag and
//! preloads the one the app will start in, while the wasm comes; the offline worker keeps the
//! files of the languages this device has used. The app starts once its language is in: until
//! then the boot screen's words stand, and if no file can come, it says so (`lib.rs`).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use super::Texts;
use crate::domain::language::Language;

/// Which texts an app needs: the whole app every key, her app only her pages' keys (a fifth
/// of the bytes; scripts/texts.mjs reads which from her app's wasm).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Bundle {
    Whole,
    Hers,
}

impl Bundle {
    /// This bundle's name in the build's list of files (scripts/texts.mjs).
    fn file_key(self, language: Language) -> String {
        match self {
            Bundle::Whole => language.code().to_owned(),
            Bundle::Hers => format!("her-{}", language.code()),
        }
    }
}

thread_local! {
    static LOADED: RefCell<Vec<(Language, &'static Texts)>> = const { RefCell::new(Vec::new()) };
    static BUNDLE: Cell<Bundle> = const { Cell::new(Bundle::Whole) };
}

/// The texts of `language` if loaded.
pub(super) fn loaded(language: Language) -> &'static Texts {
    find(language).unwrap_or_else(|| not_loaded(language))
}

fn find(language: Language) -> Option<&'static Texts> {
    LOADED.with_borrow(|loaded| loaded.iter().find(|(l, _)| *l == language).map(|(_, t)| *t))
}

/// The language whose texts came first: the one the app started in.
pub fn first_loaded() -> Option<Language> {
    LOADED.with_borrow(|loaded| loaded.first().map(|(language, _)| *language))
}

fn keep(language: Language, texts: &'static Texts) -> &'static Texts {
    LOADED.with_borrow_mut(|loaded| loaded.push((language, texts)));
    texts
}

/// A native build (the tests) has every language compiled in.
#[cfg(not(target_arch = "wasm32"))]
fn not_loaded(language: Language) -> &'static Texts {
    let json = super::generated::bundled(language.code()).expect("every language is compiled in");
    keep(
        language,
        Texts::parse(json, language.is_rtl()).expect("build.rs writes valid JSON"),
    )
}

/// In the browser nothing is compiled in: a language still on its way shows the one the app
/// started in; before any has come (never: the app starts after), every text shows its key.
#[cfg(target_arch = "wasm32")]
fn not_loaded(_: Language) -> &'static Texts {
    thread_local! {
        static NONE: &'static Texts = Box::leak(Box::new(Texts {
            texts: HashMap::new(),
            right_to_left: false,
        }));
    }
    LOADED
        .with_borrow(|loaded| loaded.first().map(|(_, t)| *t))
        .unwrap_or_else(|| NONE.with(|none| *none))
}

/// Which texts this app fetches; set once, before the first `load`.
pub fn use_bundle(bundle: Bundle) {
    BUNDLE.set(bundle);
}

/// Why a language's texts did not come.
#[derive(Debug)]
pub enum LoadError {
    /// The page lists no file for it (a page from another build).
    NotListed,
    /// No answer, or not a file of texts (offline on a device that has not kept it).
    NotFetched,
}

/// Fetches `language`'s texts once per session (at once if they are already here).
pub async fn load(language: Language) -> Result<&'static Texts, LoadError> {
    if let Some(texts) = find(language) {
        return Ok(texts);
    }
    let key = BUNDLE.get().file_key(language);
    let file = listed_files().remove(&key).ok_or(LoadError::NotListed)?;
    let json = crate::browser::fetch_text(&file)
        .await
        .ok_or(LoadError::NotFetched)?;
    let texts = Texts::parse(&json, language.is_rtl()).map_err(|_| LoadError::NotFetched)?;
    Ok(keep(language, texts))
}

/// The build's files of texts by bundle and language (`her-sv` → `texts/her-sv-<hash>.json`),
/// from the meta tag scripts/texts.mjs writes into index.html.
fn listed_files() -> HashMap<String, String> {
    crate::browser::document()
        .query_selector("meta[name=stegvis-texts]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}
