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
                <span aria-hidden="true">"🔊 "</span>
                {move || {
                    let t = i18n.t();
                    if reading.get() { t.questions_stop_reading } else { t.questions_read_aloud }
                }}
            </button>
        }
    })
}
