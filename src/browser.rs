//! The few facts the app needs from the browser itself.

use std::sync::OnceLock;

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// The browser's preferred language tags, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .chain(navigator.language())
        .collect()
}

/// Keeps `<html lang>` in step with the interface so screen readers pronounce it right.
pub fn set_document_language(code: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", code);
    }
}

/// The path the app is hosted under, from the `<base href>` Trunk writes ("" at the site root,
/// "/stegvis" under a sub-path), for the router. Read once: it never changes.
pub fn base_path() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let base = document().base_uri().ok().flatten().unwrap_or_default();
        let path = base
            .split_once("://")
            .and_then(|(_, rest)| rest.find('/').map(|slash| rest[slash..].to_owned()))
            .unwrap_or_default();
        path.trim_end_matches('/').to_owned()
    })
}

/// An app route as a link target. The router leaves absolute hrefs alone, so every link
/// names its route through this to keep working under a sub-path.
pub fn app_path(route: &str) -> String {
    format!("{}{route}", base_path())
}

/// Removes the static welcome that index.html paints before the app has loaded.
pub fn remove_boot_screen() {
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
}
