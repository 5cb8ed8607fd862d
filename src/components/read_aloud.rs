use leptos::prelude::*;

use crate::browser;
use crate::i18n::use_i18n;

/// A button that reads the given text aloud on request (nothing ever plays by itself).
/// Hidden where the browser has no speech synthesis.
#[component]
pub fn ReadAloud(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let reading = RwSignal::new(false);
    on_cleanup(browser::stop_speaking);
    browser::can_speak().then(|| {
        view! {
            <button
                type="button"
                class="button secondary read-aloud"
                aria-pressed=move || reading.get().to_string()
                on:click=move |_| {
                    if reading.get_untracked() {
                        browser::stop_speaking();
                        reading.set(false);
                    } else {
                        browser::speak(&text.get_untracked(), i18n.language().code());
                        reading.set(true);
                    }
                }
            >
                <svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
                    <path d="M4 9v6h4l5 4V5L8 9H4z" fill="currentColor"></path>
                    <path
                        d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
                        fill="none"
                        stroke="currentColor"
                        stroke-width="2"
                        stroke-linecap="round"
                    ></path>
                </svg>
                {move || {
                    let t = i18n.t();
                    if reading.get() {
                        t.questions_stop_reading()
                    } else {
                        t.questions_read_aloud()
                    }
                }}
            </button>
        }
    })
}
