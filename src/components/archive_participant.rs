use leptos::prelude::*;

use crate::browser;
use crate::domain::participant::LeftFor;
use crate::i18n::{Texts, use_i18n};
use crate::state::use_state;

pub fn left_for_text(t: &Texts, reason: LeftFor) -> &'static str {
    match reason {
        LeftFor::Work => t.worklist_left_work(),
        LeftFor::Studies => t.worklist_left_studies(),
        LeftFor::Moved => t.worklist_left_moved(),
        LeftFor::Ended => t.worklist_left_ended(),
        LeftFor::Colleague => t.worklist_left_colleague(),
    }
}

/// Archiving someone who has left, and bringing them back: nothing about them is removed.
#[component]
pub fn ArchiveParticipant(pid: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let reason = RwSignal::new(LeftFor::Work);
    let archived =
        move || state.read(|d| d.participant(&pid.get()).and_then(|p| p.archived.clone()));
    let archive = move |_| {
        let _ = state.change(|d| {
            d.archive_participant(
                &pid.get_untracked(),
                reason.get_untracked(),
                browser::today(),
            )
        });
    };
    let restore = move |_| {
        let _ = state.change(|d| d.restore_participant(&pid.get_untracked()));
    };
    move || {
        let t = i18n.t();
        match archived() {
            Some(left) => {
                let note = t.worklist_archived_note(t.date(left.on), left_for_text(t, left.reason));
                view! {
                    <section class="panel archive" aria-labelledby="archive-heading">
                        <h2 id="archive-heading">{t.worklist_archive_heading()}</h2>
                        <p role="status">{note}</p>
                        <button type="button" class="button" on:click=restore>
                            {t.worklist_restore_button()}
                        </button>
                    </section>
                }
                .into_any()
            }
            None => view! {
                <section class="panel archive" aria-labelledby="archive-heading">
                    <h2 id="archive-heading">{t.worklist_archive_heading()}</h2>
                    <p class="help">{t.worklist_archive_help()}</p>
                    <label for="archive-reason">{t.worklist_archive_reason_label()}</label>
                    <select
                        id="archive-reason"
                        on:change=move |ev| {
                            let key = event_target_value(&ev);
                            if let Some(left) = LeftFor::ALL.into_iter().find(|l| l.key() == key) {
                                reason.set(left);
                            }
                        }
                    >
                        {LeftFor::ALL
                            .into_iter()
                            .map(|left| {
                                view! {
                                    <option
                                        value=left.key()
                                        prop:selected=move || reason.get() == left
                                    >
                                        {left_for_text(t, left)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    <button type="button" class="button secondary" on:click=archive>
                        {t.worklist_archive_button()}
                    </button>
                </section>
            }
            .into_any(),
        }
    }
}
