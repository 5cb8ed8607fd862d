use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::app_path;

use super::language_switch::LanguageSwitch;
use crate::i18n::use_i18n;

/// The app's name (a link home) and the language switch, on every page.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="site-header">
            <A href=app_path("/") attr:class="brand">
                {i18n.text(|t| t.common_app_name)}
            </A>
            <crate::lock::LockNowButton />
            <LanguageSwitch />
        </header>
    }
}

/// The promise that matters most with sensitive data, on every page.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <p>{i18n.text(|t| t.common_privacy)}</p>
            <p>
                <A href=app_path("/data")>{i18n.text(|t| t.data_nav)}</A>
            </p>
        </footer>
    }
}
