//! Safari on iPhone and iPad deletes a site's stored data after seven days without a visit,
//! unless the site was added to the Home Screen. Her start page, the caseload and the data page
//! say so there, show how to add it, and remind about backups.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::safari_note::{SafariNote, SafariNoteTexts};

/// Whether a browser is Safari on an iPhone, iPad or iPod, from its user agent and how many
/// touch points its screen has.
pub fn is_ios_safari(user_agent: &str, touch_points: i32) -> bool {
    let ios = ["iPhone", "iPad", "iPod"]
        .iter()
        .any(|device| user_agent.contains(device))
        // An iPad asks for desktop pages and says "Macintosh"; only its touch screen tells.
        || (user_agent.contains("Macintosh") && touch_points > 1);
    // Other browsers on iOS say "Safari" too, but add their own name.
    let other = ["CriOS", "FxiOS", "EdgiOS", "OPiOS", "GSA/", "DuckDuckGo"]
        .iter()
        .any(|name| user_agent.contains(name));
    ios && user_agent.contains("Safari") && !other
}

/// Safari in its own window, not the app opened from the Home Screen.
fn in_ios_safari_browser() -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let user_agent = navigator.user_agent().unwrap_or_default();
    let installed = js_sys::Reflect::get(&navigator, &JsValue::from_str("standalone"))
        .ok()
        .and_then(|value| value.as_bool())
        .unwrap_or(false);
    !installed && is_ios_safari(&user_agent, navigator.max_touch_points())
}

const IOS: SafariNoteTexts = SafariNoteTexts {
    id: "ios-note-heading",
    heading: |t| t.offline_ios_heading(),
    why: |t| t.offline_ios_why(),
    steps: &[
        |t| t.offline_ios_step_share(),
        |t| t.offline_ios_step_add(),
        |t| t.offline_ios_step_open(),
    ],
    after: &[|t| t.offline_ios_backup()],
};

#[component]
pub fn IosStorageNote() -> impl IntoView {
    in_ios_safari_browser().then(|| view! { <SafariNote texts=&IOS /> })
}

#[cfg(test)]
mod tests {
    use super::is_ios_safari;

    const IPHONE_SAFARI: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    const IPAD_DESKTOP_MODE: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
    const IPHONE_CHROME: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1";
    const ANDROID_CHROME: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    const IPHONE_IN_APP: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";

    #[test]
    fn safari_on_iphone_and_ipad() {
        assert!(is_ios_safari(IPHONE_SAFARI, 5));
        assert!(is_ios_safari(IPAD_DESKTOP_MODE, 5));
    }

    #[test]
    fn not_a_mac_other_browsers_or_android() {
        assert!(!is_ios_safari(IPAD_DESKTOP_MODE, 0)); // a Mac: no touch screen
        assert!(!is_ios_safari(IPHONE_CHROME, 5));
        assert!(!is_ios_safari(ANDROID_CHROME, 5));
        assert!(!is_ios_safari(IPHONE_IN_APP, 5));
    }
}
