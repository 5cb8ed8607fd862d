//! "A new version is ready": a quiet banner that offers the update and never interrupts.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use super::service_worker;
use crate::i18n::use_i18n;

/// A questionnaire being answered, or a plan being built: the banner waits until the person has
/// left it. (Every answer is saved at once, so a reload would lose nothing; it would only
/// break their flow.)
pub fn is_busy_path(path: &str) -> bool {
    let path = path.trim_end_matches('/');
    (path.contains("/round/") && !path.ends_with("/thanks")) || path.ends_with("/plan")
}

/// A field someone types into or picks from (not a button, tick box or option).
fn is_form_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    match element.tag_name().to_ascii_lowercase().as_str() {
        "textarea" | "select" => true,
        "input" => !matches!(
            element.get_attribute("type").unwrap_or_default().as_str(),
            "checkbox" | "radio" | "button" | "submit" | "reset" | "file"
        ),
        _ => false,
    }
}

#[component]
pub fn UpdateBanner(ready: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let filling_in = RwSignal::new(false);
    let _ = window_event_listener_untyped("focusin", move |event| {
        filling_in.set(is_form_field(event.target()));
    });
    let _ = window_event_listener_untyped("focusout", move |_| filling_in.set(false));
    // Waits to appear while someone fills in a field, but once shown it stays put: a banner
    // that vanished on focus would move the page under their finger.
    let shown = RwSignal::new(false);
    Effect::new(move |_| {
        if !ready.get() || is_busy_path(&location.pathname.get()) {
            shown.set(false);
        } else if !filling_in.get() {
            shown.set(true);
        }
    });
    view! {
        // The region is always there, so screen readers announce the banner when it appears.
        <div class="update-region" role="status">
            <Show when=move || shown.get()>
                <div class="update-banner">
                    <p>{i18n.text(|t| t.offline_update_ready())}</p>
                    <button
                        type="button"
                        class="button"
                        on:click=move |_| service_worker::take_update()
                    >
                        {i18n.text(|t| t.offline_update_reload())}
                    </button>
                </div>
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::is_busy_path;

    #[test]
    fn the_banner_waits_in_a_questionnaire_and_in_a_plan() {
        for path in [
            "/round/r1/answer/3",
            "/round/r1/summary",
            "/round/r1/counsellor",
            "/stegvis/round/r1/answer/1",
            "/counsellor/p1/plan",
            "/counsellor/p1/plan/",
        ] {
            assert!(is_busy_path(path), "{path}");
        }
    }

    #[test]
    fn the_banner_shows_everywhere_else() {
        for path in [
            "/",
            "",
            "/participant",
            "/counsellor",
            "/counsellor/p1",
            "/counsellor/p1/plan/print",
            "/round/r1/thanks",
            "/data",
            "/stegvis/training",
        ] {
            assert!(!is_busy_path(path), "{path}");
        }
    }
}
