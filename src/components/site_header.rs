use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::Route;

use super::handed_over::use_handed_over;
use super::language_switch::LanguageSwitch;
use crate::i18n::use_i18n;

/// The app's name (a link home), "Lock now" (the whole app's; her app has no lock to close)
/// and the language switch, on every page.
#[component]
pub fn SiteHeader(lock_now: ViewFn) -> impl IntoView {
    let i18n = use_i18n();
    let handed = use_handed_over();
    // Handed over, the name leads nowhere: her screens are all there is.
    let brand = move || {
        if handed.is_on() {
            view! { <span class="brand">{i18n.text(|t| t.common_app_name())}</span> }.into_any()
        } else {
            view! {
                <A href=Route::Home.href() attr:class="brand">
                    {i18n.text(|t| t.common_app_name())}
                </A>
            }
            .into_any()
        }
    };
    view! { <header class="site-header">{brand} {lock_now.run()} <LanguageSwitch /></header> }
}

/// The promise that matters most with sensitive data, on every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    let handed = use_handed_over();
    view! {
        <footer class="site-footer">
            <p>{i18n.text(|t| t.common_privacy())}</p>
            <Show when=move || !handed.is_on()>
                <p>
                    <A href=Route::Data.href()>{i18n.text(|t| t.data_nav())}</A>
                </p>
            </Show>
        </footer>
    }
}
