//! Where a link or a file that came another way is given to the app: a field to paste the link
//! into with its button, and a file to open. Both hand the text to `on_text`.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;
use crate::i18n::{Texts, use_i18n};

#[component]
pub fn PasteOrFile(
    id: &'static str,
    label: fn(&Texts) -> &'static str,
    open: fn(&Texts) -> &'static str,
    file: fn(&Texts) -> &'static str,
    on_text: Callback<String>,
    /// A chosen file the browser could not read as text.
    on_unreadable: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pasted = RwSignal::new(String::new());
    let on_paste = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_text.run(pasted.get_untracked());
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(chosen) = browser::chosen_file(&ev) else {
            return;
        };
        spawn_local(async move {
            match browser::file_text(&chosen).await {
                Some(text) => on_text.run(text),
                None => on_unreadable.run(()),
            }
        });
    };
    view! {
        <form class="receive-form" on:submit=on_paste>
            <label for=id>{move || label(i18n.t())}</label>
            <input id=id type="text" autocomplete="off" dir="auto" bind:value=pasted />
            <button type="submit" class="button">
                {move || open(i18n.t())}
            </button>
        </form>
        <label class="file-pick button secondary">
            <span>{move || file(i18n.t())}</span>
            <input type="file" accept=".txt,text/plain" class="visually-hidden" on:change=on_file />
        </label>
    }
}
