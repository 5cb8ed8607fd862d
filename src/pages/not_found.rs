use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::Route;

use crate::i18n::use_i18n;

/// Any unknown address: say so kindly and offer the way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{i18n.text(|t| t.not_found_title())}</h1>
        <p class="lead">{i18n.text(|t| t.not_found_text())}</p>
        <p>
            <A href=Route::Home.href() attr:class="button">
                {i18n.text(|t| t.common_back_home())}
            </A>
        </p>
    }
}
