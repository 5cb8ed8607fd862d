//! The few facts the app needs from the browser itself.

use std::sync::OnceLock;

/// A plain JavaScript object of `entries`: the option and parameter dictionaries the browser's
/// APIs take (WebCrypto, the file system, date formatting).
pub fn js_object(entries: &[(&str, wasm_bindgen::JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (name, value) in entries {
        let _ = js_sys::Reflect::set(&object, &(*name).into(), value);
    }
    object
}

pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// A file of this site as text (a relative address is read from the page's base), or None
/// when it does not come: no network and not kept, or an error answer.
pub async fn fetch_text(address: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(web_sys::window()?.fetch_with_str(address))
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
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
pub fn set_document_language(tag: &str, dir: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", tag);
        let _ = root.set_attribute("dir", dir);
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

/// `path` (the page's own, with the base path) as the app's routes read it, below the base.
pub fn below_base(path: &str) -> &str {
    path.strip_prefix(base_path()).unwrap_or(path)
}

/// An app route as a link target. The router leaves absolute hrefs alone, so every link
/// names its route through this to keep working under a sub-path.
pub fn app_path(route: &str) -> String {
    format!("{}{route}", base_path())
}

/// Loads this page again: drops everything in memory (the lock, a new version, the other app).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Loads `path` (with the base path) and `rest` (query and fragment) afresh: a reload when the
/// address is already that one, so no second history entry is made.
pub fn load_page(path: &str, rest: &str) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    if location.pathname().is_ok_and(|current| current == path) {
        reload();
    } else {
        let _ = location.assign(&format!("{path}{rest}"));
    }
}

/// The static welcome that index.html paints before the app has loaded, while it is there.
fn boot_screen() -> Option<web_sys::Element> {
    document().get_element_by_id("boot")
}

/// Leaves the static welcome as a picture only, once the app is being drawn beneath it: a
/// screen reader (and a test) meets one page, the app's.
pub fn hide_boot_screen_from_readers() {
    if let Some(boot) = boot_screen() {
        let _ = boot.set_attribute("aria-hidden", "true");
    }
}

/// Removes the static welcome once the app has started.
/// The app cannot start here (its texts did not come): the boot screen says so in its own
/// words and offers to try again (index.html).
pub fn say_not_started() {
    if let Ok(event) = web_sys::Event::new("stegvis-not-started") {
        let _ = document().dispatch_event(&event);
    }
}

/// Done once the boot screen is gone and the page beneath it painted: in the task after the
/// frame that shows it.
pub async fn app_painted() {
    loop {
        let painted = js_sys::Promise::new(&mut |resolve, _| {
            let after_frame = move || {
                let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
            };
            leptos::prelude::request_animation_frame(move || {
                leptos::prelude::set_timeout(after_frame, std::time::Duration::ZERO)
            });
        });
        let _ = wasm_bindgen_futures::JsFuture::from(painted).await;
        if boot_screen().is_none() {
            return;
        }
    }
}

pub fn remove_boot_screen() {
    if let Some(boot) = boot_screen() {
        boot.remove();
    }
}

/// True while the page is not visible (another tab, minimised, or about to go).
pub fn page_hidden() -> bool {
    document().hidden()
}

/// Runs `work` once the browser has a moment with nothing else to do, after what it is drawing
/// now. A browser with no idle callbacks (Safari) runs it a little later instead.
pub fn when_idle(work: impl Fn() + Clone + 'static) {
    const NO_IDLE_CALLBACKS_DELAY: std::time::Duration = std::time::Duration::from_millis(200);
    if leptos::prelude::request_idle_callback_with_handle(work.clone()).is_err() {
        leptos::prelude::set_timeout(work, NO_IDLE_CALLBACKS_DELAY);
    }
}

/// True when another site shows this page inside a frame: that site could make the user
/// click here without seeing it. A frame of our own origin is allowed.
pub fn framed_by_another_origin() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.top() {
        Ok(Some(top)) if !js_sys::Object::is(&top, &window) => {
            // Reading another origin's location throws: that is the answer.
            top.location().origin().ok() != window.location().origin().ok()
        }
        Ok(_) => false,
        Err(_) => true,
    }
}

/// The current moment, from the browser's clock.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Today's date where the user is (the browser's local time zone).
pub fn today() -> chrono::NaiveDate {
    let date = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    )
    .unwrap_or_default()
}

/// A new random id (UUID version 4). Built from getRandomValues, which unlike randomUUID
/// also works when the app is served over plain http on a local network.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // An id must be unique, not secret: without WebCrypto, Math.random still makes it so
        // (an all-zero id would make every later add fail as a duplicate).
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// Offers what a URL holds (a blob: or data: URL made on this device) as a file download.
pub fn download_url(file_name: &str, url: &str) {
    if let Ok(anchor) = document().create_element("a") {
        let _ = anchor.set_attribute("href", url);
        let _ = anchor.set_attribute("download", file_name);
        if let Some(anchor) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&anchor) {
            anchor.click();
        }
    }
}

/// Offers `content` as a file download. Nothing leaves the device: the file is made here.
pub fn download(file_name: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(file_name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn speech() -> Option<web_sys::SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// Whether this browser has a voice for the language with this BCP 47 tag (its first
/// subtag: a voice for "fa-IR" reads Dari's "fa-AF" too). The voices come after the page: a
/// view reading this tracks `voices_changed`.
pub fn has_voice(tag: &str) -> bool {
    let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    speech().is_some_and(|speech| {
        speech.get_voices().iter().any(|voice| {
            let voice: web_sys::SpeechSynthesisVoice = wasm_bindgen::JsCast::unchecked_into(voice);
            voice.lang().to_ascii_lowercase().split(['-', '_']).next() == Some(primary.as_str())
        })
    })
}

/// Counts the browser's "voiceschanged" events (its voices load after the page).
pub fn voices_changed() -> leptos::prelude::RwSignal<u32> {
    use leptos::prelude::{RwSignal, Update};
    thread_local! {
        static CHANGES: RwSignal<u32> = {
            let changes = RwSignal::new(0);
            if let Some(speech) = speech() {
                let bump = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                    changes.update(|n| *n += 1);
                });
                let _ = speech.add_event_listener_with_callback(
                    "voiceschanged",
                    wasm_bindgen::JsCast::unchecked_ref(bump.as_ref()),
                );
                bump.forget(); // for the page's life
            }
            changes
        };
    }
    CHANGES.with(|changes| *changes)
}

thread_local! {
    static CLIP: std::cell::RefCell<Option<web_sys::HtmlAudioElement>> = const { std::cell::RefCell::new(None) };
}

/// Plays a recorded clip of this site (instead of anything being read), and calls `ended`
/// when it ends or cannot play.
pub fn play_clip(address: &str, ended: impl Fn() + 'static) {
    stop_speaking();
    let Ok(audio) = web_sys::HtmlAudioElement::new_with_src(address) else {
        return ended();
    };
    let ended = wasm_bindgen::closure::Closure::<dyn Fn()>::new(ended);
    audio.set_onended(Some(wasm_bindgen::JsCast::unchecked_ref(ended.as_ref())));
    audio.set_onerror(Some(wasm_bindgen::JsCast::unchecked_ref(ended.as_ref())));
    ended.forget(); // one small closure per clip played
    let _ = audio.play();
    CLIP.with_borrow_mut(|clip| *clip = Some(audio));
}

/// Reads `text` aloud in the language with this tag, instead of whatever was being read.
pub fn speak(text: &str, language_code: &str) {
    let (Some(speech), Ok(utterance)) = (
        speech(),
        web_sys::SpeechSynthesisUtterance::new_with_text(text),
    ) else {
        return;
    };
    utterance.set_lang(language_code);
    utterance.set_rate(0.9); // a little slower than default: easier to follow
    speech.cancel();
    speech.speak(&utterance);
}

/// Stops what is being read aloud, by a voice or from a clip.
pub fn stop_speaking() {
    if let Some(speech) = speech() {
        speech.cancel();
    }
    if let Some(clip) = CLIP.with_borrow_mut(Option::take) {
        let _ = clip.pause();
    }
}

/// The file just chosen in the file input that fired `event`; the input is cleared, so that
/// choosing the same file again reads it again.
pub fn chosen_file(event: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = wasm_bindgen::JsCast::dyn_into(event.target()?).ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}

/// A file's text, or `None` when the browser cannot read it as text.
pub async fn file_text(file: &web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?
        .as_string()
}
