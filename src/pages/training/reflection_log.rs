//! The counsellor's private reflection log, on the exercises page: dated notes kept with the
//! caseload on this device (and so in the backup), never on a participant's printout.

use leptos::prelude::*;

use crate::browser;
use crate::i18n::use_i18n;
use crate::state::use_state;
use crate::storage::space::Space;

#[component]
pub fn ReflectionLog() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let draft = RwSignal::new(String::new());
    let status = RwSignal::new(None::<&'static str>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = draft.get_untracked();
        let saved = state.change(|d| d.add_reflection(browser::new_id(), browser::today(), &text));
        if saved.is_ok() {
            draft.set(String::new());
            status.set(Some(i18n.t().reflection_saved()));
        }
    };
    let notes = move || {
        let t = i18n.t();
        let notes = state.read(|d| d.reflections().into_iter().cloned().collect::<Vec<_>>());
        if notes.is_empty() {
            return view! { <p>{t.reflection_empty()}</p> }.into_any();
        }
        view! {
            <ul class="plain reflection-notes">
                {notes
                    .into_iter()
                    .map(|note| {
                        let date = t.date(note.date);
                        let id = note.id.clone();
                        let remove = move |_| {
                            let _ = state
                                .change(|d| {
                                    d.remove_reflection(&id);
                                    Ok(())
                                });
                        };
                        view! {
                            <li>
                                <p class="note-date">
                                    <strong>{date.clone()}</strong>
                                </p>
                                <p class="note-text">{note.text}</p>
                                <button type="button" class="button secondary" on:click=remove>
                                    {t.reflection_delete(&date)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="panel reflection-log" aria-labelledby="reflection-log-heading">
            <h2 id="reflection-log-heading">{i18n.text(|t| t.reflection_heading())}</h2>
            <p>{i18n.text(|t| t.reflection_intro())}</p>
            <Show when=move || state.space() == Space::Training>
                <p class="warning">{i18n.text(|t| t.reflection_in_training())}</p>
            </Show>
            <form on:submit=save>
                <label class="field">
                    <span>{i18n.text(|t| t.reflection_label())}</span>
                    <textarea
                        dir="auto"
                        id="reflection-text"
                        rows="4"
                        prop:value=move || draft.get()
                        on:input=move |ev| draft.set(event_target_value(&ev))
                    ></textarea>
                </label>
                <button type="submit" class="button">
                    {i18n.text(|t| t.reflection_save())}
                </button>
            </form>
            <p class="status" role="status">
                {move || status.get()}
            </p>
            <h3>{i18n.text(|t| t.reflection_list_heading())}</h3>
            {notes}
        </section>
    }
}
