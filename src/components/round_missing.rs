use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::use_i18n;
use crate::routes::Route;

/// Shown for a round that is not (or no longer) on this device, e.g. after erasing.
#[component]
pub fn RoundMissing() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{i18n.text(|t| t.self_round_missing())}</h1>
        <p>
            <A href=Route::Home.href() attr:class="button">
                {i18n.text(|t| t.common_back_home())}
            </A>
        </p>
    }
}
