//! How a Safari note reads, wherever Safari deletes a site's data after seven days away: why,
//! the steps that keep it (the Home Screen on iPhone and iPad, the Dock on a Mac), what to do
//! about what was saved before, and a backup in one tap.

use leptos::prelude::*;

use crate::components::backup_now::BackupNowButton;
use crate::i18n::{Texts, use_i18n};

type Text = fn(&Texts) -> &'static str;

/// One note's words, by key.
pub struct SafariNoteTexts {
    /// The heading's element id (the section is named by it).
    pub id: &'static str,
    pub heading: Text,
    pub why: Text,
    pub steps: &'static [Text],
    /// Paragraphs after the steps.
    pub after: &'static [Text],
}

#[component]
pub fn SafariNote(texts: &'static SafariNoteTexts) -> impl IntoView {
    let i18n = use_i18n();
    let paragraph = move |text: &Text| {
        let text = *text;
        view! { <p>{move || text(i18n.t())}</p> }
    };
    view! {
        <section class="panel ios-note" aria-labelledby=texts.id>
            <h2 id=texts.id>{move || (texts.heading)(i18n.t())}</h2>
            {paragraph(&texts.why)}
            <ol>
                {texts
                    .steps
                    .iter()
                    .map(|step| {
                        let step = *step;
                        view! { <li>{move || step(i18n.t())}</li> }
                    })
                    .collect_view()}
            </ol>
            {texts.after.iter().map(paragraph).collect_view()}
            <BackupNowButton
                label=Signal::derive(move || i18n.t().offline_ios_save_backup())
                class="button secondary"
            />
        </section>
    }
}
