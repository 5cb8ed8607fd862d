//! Links that carry a payload in their fragment, which a browser never sends to any host.

use crate::routes::Route;

/// `{origin}{base}{route}#{payload}`: a link another device opens.
pub fn link_to(route: Route<'_>, payload: &str) -> String {
    link_with_query(route, "", payload)
}

/// A link with a query before its payload (`?lang=ar&with=sv`: what the page opens in; never
/// anything private, as a query reaches the host's log).
pub fn link_with_query(route: Route<'_>, query: &str, payload: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}{query}#{payload}", route.href())
}

/// The fragment this page was opened with, removed from the address bar and from history
/// at once, so that the payload does not linger where someone else could see it.
pub fn take_fragment() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let hash = location.hash().ok()?;
    let payload = hash.strip_prefix('#').unwrap_or(&hash).to_owned();
    if payload.is_empty() {
        return None;
    }
    let path = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
    Some(payload)
}

/// Whether this browser has a share sheet (most phones do; most desktops do not).
pub fn can_share() -> bool {
    web_sys::window()
        .is_some_and(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
}

/// Opens the system share sheet with a link; false when it could not.
pub async fn share(title: &str, url: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    let promise = window.navigator().share_with_data(&data);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Copies text to the clipboard; false when the browser refused.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Calls `take` with the payload this page was opened with, and with each one a link opened
/// later in the same tab brings (a link to the same page changes only the fragment), for as
/// long as the calling component lives.
pub fn on_payload(take: impl Fn(String) + Clone + 'static) {
    if let Some(payload) = take_fragment() {
        take(payload);
    }
    let listener = leptos::prelude::window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(payload) = take_fragment() {
            take(payload);
        }
    });
    leptos::prelude::on_cleanup(move || listener.remove());
}

/// Saves `link` as a text file named `{name}-{today}.txt`, for sending another way: the file
/// holds the whole link, which opens it where it is read.
pub fn save_as_file(name: &str, link: &str) {
    crate::browser::download(
        &format!("{name}-{}.txt", crate::browser::today()),
        "text/plain",
        &format!("{link}\n"),
    );
}
