use leptos::prelude::*;

use crate::browser;
use crate::i18n::use_i18n;

/// How a text can be read aloud in the current language.
#[derive(Clone, PartialEq)]
enum Voice {
    /// The device's own speech voice for the language.
    Device,
    /// A clip an organisation recorded (public/audio/, listed in the language's texts).
    Clip(&'static str),
}

/// A button that reads the given text aloud on request (nothing ever plays by itself): with
/// the device's voice for the language, else the recorded clip named `clip` if the
/// organisation put one there (Somali and Tigrinya have no voice on common phones), else no
/// button at all rather than one that reads in the wrong language.
#[component]
pub fn ReadAloud(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] clip: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reading = RwSignal::new(false);
    on_cleanup(browser::stop_speaking);
    let voices = browser::voices_changed();
    let voice = Memo::new(move |_| {
        voices.track();
        if browser::has_voice(i18n.language().tag()) {
            return Some(Voice::Device);
        }
        clip.with(|name| i18n.t().lookup(&format!("audio:{name}")))
            .map(Voice::Clip)
    });
    let read = move |voice: Voice| match voice {
        Voice::Device => browser::speak(&text.get_untracked(), i18n.language_untracked().tag()),
        Voice::Clip(address) => browser::play_clip(address, move || _ = reading.try_set(false)),
    };
    move || {
        voice.get().map(|way| {
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
                    read(way.clone());
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
                if reading.get() { t.questions_stop_reading() } else { t.questions_read_aloud() }
            }}
        </button>
    }
    })
    }
}
