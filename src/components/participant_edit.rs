//! Changing a participant's name and a short contact note, on the counsellor's participant page.

use leptos::prelude::*;

use crate::components::refusal::{Refusal, RefusalAlert, withdraw_on_input};
use crate::i18n::use_i18n;
use crate::state::use_state;

/// The name and the note as stored, and a form to change both; the form keeps its draft while
/// the data changes elsewhere.
#[component]
pub fn ParticipantEdit(pid: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let stored = Memo::new(move |_| {
        state.read(|d| {
            d.participant(&pid.get())
                .map(|p| (p.display_name.clone(), p.contact_note.clone()))
        })
    });
    let editing = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let refused = RwSignal::new(None::<Refusal>);
    let saved = RwSignal::new(false);
    let edit = move |_| {
        let (stored_name, stored_note) = stored.get_untracked().unwrap_or_default();
        name.set(stored_name);
        note.set(stored_note.unwrap_or_default());
        refused.set(None);
        saved.set(false);
        editing.set(true);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = pid.get_untracked();
        let result = state.change(|d| {
            d.rename_participant(&id, &name.get_untracked())?;
            d.set_contact_note(&id, Some(note.get_untracked()))
        });
        match result {
            Ok(()) => {
                editing.set(false);
                saved.set(true);
            }
            Err(error) => refused.set(Some(error.into())),
        }
    };
    let shown_note = move || {
        stored
            .get()
            .and_then(|(_, note)| note)
            .unwrap_or_else(|| i18n.t().participant_edit_note_none().to_owned())
    };
    view! {
        <section class="panel participant-edit" aria-labelledby="participant-edit-heading">
            <h2 id="participant-edit-heading">{i18n.text(|t| t.participant_edit_heading())}</h2>
            <Show
                when=move || editing.get()
                fallback=move || {
                    view! {
                        <p class="contact-note">{shown_note}</p>
                        <p role="status">
                            {move || saved.get().then(|| i18n.t().participant_edit_saved())}
                        </p>
                        <button type="button" class="button secondary" on:click=edit>
                            {i18n.text(|t| t.participant_edit_edit())}
                        </button>
                    }
                }
            >
                <form class="edit-form" on:submit=save on:input=withdraw_on_input(refused)>
                    <label for="participant-edit-name">
                        {i18n.text(|t| t.caseload_name_label())}
                    </label>
                    <input
                        id="participant-edit-name"
                        type="text"
                        dir="auto"
                        autocomplete="off"
                        bind:value=name
                    />
                    <label for="participant-edit-note">
                        {i18n.text(|t| t.participant_edit_note_label())}
                    </label>
                    <p class="help" id="participant-edit-note-help">
                        {i18n.text(|t| t.participant_edit_note_help())}
                    </p>
                    <textarea
                        dir="auto"
                        id="participant-edit-note"
                        rows="3"
                        aria-describedby="participant-edit-note-help"
                        prop:value=move || note.get()
                        on:input=move |ev| note.set(event_target_value(&ev))
                    ></textarea>
                    <RefusalAlert refusal=refused required=|t| t.caseload_name_required() />
                    <div class="actions">
                        <button type="submit" class="button">
                            {i18n.text(|t| t.participant_edit_save())}
                        </button>
                        <button
                            type="button"
                            class="button secondary"
                            on:click=move |_| editing.set(false)
                        >
                            {i18n.text(|t| t.caseload_cancel())}
                        </button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
