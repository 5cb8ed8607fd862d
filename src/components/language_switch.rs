use leptos::prelude::*;

use crate::domain::language::Language;
use crate::i18n::{texts, use_i18n};

/// A native select: each language named in itself, so anyone can find their own.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let on_change = move |ev| {
        if let Some(language) = Language::from_tag(&event_target_value(&ev)) {
            i18n.set_language(language);
        }
    };
    view! {
        <div class="language-switch">
            <label for="language">{i18n.text(|t| t.common_language_label())}</label>
            <select id="language" on:change=on_change>
                {Language::ALL
                    .into_iter()
                    .map(|language| {
                        view! {
                            <option
                                value=language.code()
                                lang=language.code()
                                selected=move || i18n.language() == language
                            >
                                {texts(language).common_language_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
