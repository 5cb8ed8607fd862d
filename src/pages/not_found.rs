use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::app_path;

use crate::i18n::use_i18n;

/// Any unknown address: say so kindly and offer the way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{move || i18n.t().not_found_title}</h1>
        <p class="lead">{move || i18n.t().not_found_text}</p>
        <p>
            <A href=app_path("/") attr:class="button">
                {move || i18n.t().common_back_home}
            </A>
        </p>
    }
}
