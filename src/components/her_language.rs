//! Her language where the device is not only hers: chosen for her on the counsellor's page of
//! her, her part in it while the device is handed over (and in the invitation to her phone),
//! and a second language beside hers so the two talk about the same words.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::language::Language;
use crate::i18n::{load, use_i18n};
use crate::state::use_state;
use crate::storage::preferences;

/// On the counsellor's page of her: the language of her questions, remembered for her.
#[component]
pub fn HerLanguageChoice(pid: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let chosen = Memo::new(move |_| {
        state.read(|d| d.participant(&pid.get()).and_then(|p| p.her_language()))
    });
    let on_change = move |ev| {
        let language = Language::from_tag(&event_target_value(&ev));
        let _ = state.change(|d| d.set_her_language(&pid.get_untracked(), language));
    };
    view! {
        <div class="her-language">
            <label for="her-language">{i18n.text(|t| t.her_language_choice_label())}</label>
            <select id="her-language" aria-describedby="her-language-help" on:change=on_change>
                <option value="" selected=move || chosen.get().is_none()>
                    {i18n.text(|t| t.her_language_choice_device())}
                </option>
                {Language::ALL
                    .into_iter()
                    .map(|language| {
                        view! {
                            <option
                                value=language.code()
                                lang=language.tag()
                                selected=move || chosen.get() == Some(language)
                            >
                                {language.own_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p class="help" id="her-language-help">
                {i18n.text(|t| t.her_language_choice_help())}
            </p>
        </div>
    }
}

/// The language "show in two languages" puts under hers: while the device is handed over,
/// the device's own (her counsellor's); on her phone, her counsellor's as the invitation said.
/// None when that is the language she is reading.
pub fn second_language(hers: Language, handed_over: bool) -> Option<Language> {
    let second = if handed_over {
        Some(crate::initial_language())
    } else {
        preferences::second_language()
    };
    second.filter(|language| *language != hers)
}

/// `language` once its texts are here (fetched the first time it is asked for).
pub fn when_loaded(language: Signal<Option<Language>>) -> Signal<Option<Language>> {
    let loaded = RwSignal::new(None);
    Effect::new(move |_| {
        let Some(wanted) = language.get() else {
            return loaded.set(None);
        };
        spawn_local(async move {
            if load(wanted).await.is_ok() && language.get_untracked() == Some(wanted) {
                loaded.set(Some(wanted));
            }
        });
    });
    loaded.into()
}
