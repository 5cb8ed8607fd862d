use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::browser::below_base;
use crate::domain::language::Language;
use crate::i18n::use_i18n;
use crate::routes::is_her_page;

/// A native select: each language named in itself, so anyone can find their own. Her pages
/// offer her languages too; the counsellor's pages the four they are written in (and the one
/// in use, so the select never shows a wrong name).
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let on_change = move |ev| {
        if let Some(language) = Language::from_tag(&event_target_value(&ev)) {
            i18n.set_language(language);
        }
    };
    let offered = move || {
        let path = location.pathname.get();
        let hers = is_her_page(below_base(&path));
        let current = i18n.language();
        Language::ALL
            .into_iter()
            .filter(move |language| hers || language.is_full() || *language == current)
    };
    view! {
        <div class="language-switch">
            <label for="language">{i18n.text(|t| t.common_language_label())}</label>
            <select id="language" on:change=on_change>
                {move || {
                    offered()
                        .map(|language| {
                            view! {
                                <option
                                    value=language.code()
                                    lang=language.tag()
                                    dir=language.dir()
                                    selected=move || i18n.language() == language
                                >
                                    {language.own_name()}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}
