use leptos::prelude::*;

use crate::i18n::use_i18n;

/// Shown instead of the app when another site frames it: that site could lay its own page
/// over ours and make the user click "erase" or show the data without knowing.
#[component]
pub fn FramedNotice() -> impl IntoView {
    let i18n = use_i18n();
    let own_address = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    view! {
        <main id="main" class="page">
            <h1>{i18n.text(|t| t.safety_framed_title())}</h1>
            <p>{i18n.text(|t| t.safety_framed_text())}</p>
            <p>
                <a class="button" href=own_address target="_blank" rel="noopener noreferrer">
                    {i18n.text(|t| t.safety_framed_link())}
                </a>
            </p>
        </main>
    }
}
