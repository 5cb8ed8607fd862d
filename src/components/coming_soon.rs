use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::app_path;

use crate::i18n::{Texts, use_i18n};

/// An honest page for a capability that is not built yet: what it will do, and a way back.
#[component]
pub fn ComingSoon(
    title: fn(&Texts) -> &'static str,
    text: fn(&Texts) -> &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{move || title(i18n.t())}</h1>
        <p class="lead">{move || text(i18n.t())}</p>
        <p>
            <A href=app_path("/") attr:class="button">
                {move || i18n.t().common_back_home}
            </A>
        </p>
    }
}
