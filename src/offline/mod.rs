//! Working with no network, and keeping the data: the page's side of the service worker
//! (registering it, noticing a newer version, letting it take over when the person agrees), the
//! update banner, the browser's promise to keep the data and its figures for the data page, and
//! the notes for Safari on iPhone, iPad and Mac. The worker itself is `sw.js` beside this file; the release
//! build writes it into dist/ with the list of that build's files (scripts/service-worker.mjs).

mod bytes;
mod ios_note;
mod safari_mac_note;
mod safari_note;
mod service_worker;
mod storage_space;
mod update_banner;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

pub use ios_note::IosStorageNote;
pub use safari_mac_note::MacSafariNote;
pub use storage_space::StorageSpace;

use update_banner::UpdateBanner;

/// Mounted once inside the router: starts the service worker, asks the browser to keep the data
/// once there is some, and offers a newer version when one is ready.
#[component]
pub fn OfflineSupport() -> impl IntoView {
    let update_ready = RwSignal::new(false);
    service_worker::start(update_ready);
    storage_space::keep_once_there_is_data();
    view! { <UpdateBanner ready=update_ready /> }
}

/// A part of `navigator` that only some browsers and contexts have (service workers and storage
/// figures need a secure context: https or this computer), typed as `T`.
fn navigator_part<T: JsCast>(name: &str) -> Option<T> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str(name)).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| value.unchecked_into())
}
