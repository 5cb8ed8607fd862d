//! Safari on a Mac deletes a site's stored data after seven days of use without a visit,
//! unless the site was added to the Dock as a web app (macOS 14 and later); asking the browser
//! to keep the data does not stop it. The caseload and the data page say so there, and how to
//! add Stegvis to the Dock.

use leptos::prelude::*;

use super::ios_note::is_ios_safari;
use super::safari_note::{SafariNote, SafariNoteTexts};

/// Whether a browser is Safari on a Mac, from its user agent and its touch points (an iPad asking
/// for desktop pages says "Macintosh" too, but has a touch screen).
pub fn is_mac_safari(user_agent: &str, touch_points: i32) -> bool {
    // Chrome, Edge, Firefox and Opera on a Mac name themselves beside "Safari".
    let other = ["Chrome", "Chromium", "Edg/", "Firefox", "OPR/"]
        .iter()
        .any(|name| user_agent.contains(name));
    user_agent.contains("Macintosh")
        && user_agent.contains("Safari")
        && user_agent.contains("Version/")
        && !other
        && !is_ios_safari(user_agent, touch_points)
}

/// Safari's own window, not Stegvis opened from the Dock (a web app shows no browser frame).
fn in_mac_safari_browser() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let from_dock = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    !from_dock
        && is_mac_safari(
            &navigator.user_agent().unwrap_or_default(),
            navigator.max_touch_points(),
        )
}

const MAC: SafariNoteTexts = SafariNoteTexts {
    id: "mac-note-heading",
    heading: |t| t.offline_mac_heading(),
    why: |t| t.offline_mac_why(),
    steps: &[|t| t.offline_mac_step_add(), |t| t.offline_mac_step_open()],
    after: &[|t| t.offline_mac_backup(), |t| t.offline_mac_older()],
};

#[component]
pub fn MacSafariNote() -> impl IntoView {
    in_mac_safari_browser().then(|| view! { <SafariNote texts=&MAC /> })
}

#[cfg(test)]
mod tests {
    use super::is_mac_safari;

    const MAC_SAFARI: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15";
    const MAC_CHROME: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    const MAC_EDGE: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
    const MAC_FIREFOX: &str =
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0";
    const IPHONE_SAFARI: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    #[test]
    fn safari_on_a_mac_is_told_apart_from_other_browsers_and_an_ipad() {
        assert!(is_mac_safari(MAC_SAFARI, 0));
        // The same words from an iPad asking for desktop pages: its touch screen tells.
        assert!(!is_mac_safari(MAC_SAFARI, 5));
        for other in [MAC_CHROME, MAC_EDGE, MAC_FIREFOX, IPHONE_SAFARI] {
            assert!(!is_mac_safari(other, 0), "{other}");
        }
    }
}
