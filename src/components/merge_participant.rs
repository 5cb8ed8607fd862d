use leptos::prelude::*;

use crate::components::confirm_dialog::ConfirmDialog;
use crate::i18n::use_i18n;
use crate::state::use_state;

/// The same person added twice: another record's rounds, plan and history move into this one,
/// and the other name leaves the list. Erasing one of the two is the page's erase button.
/// `merged` says what was done; the page holds it, as the page is drawn again after a change.
#[component]
pub fn MergeParticipant(pid: Memo<String>, merged: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    // Everyone else, each with their latest round so that two people of one name can be told apart.
    let others = Memo::new(move |_| {
        let pid = pid.get();
        state.read(|d| {
            d.participants()
                .iter()
                .filter(|p| p.id != pid)
                .map(|p| {
                    let latest = d.latest_round(&p.id).map(|r| r.date);
                    (p.id.clone(), p.display_name.clone(), latest)
                })
                .collect::<Vec<_>>()
        })
    });
    let chosen = RwSignal::new(String::new());
    let confirm = RwSignal::new(false);
    let name_of = move |id: &str| state.read(|d| d.participant(id).map(|p| p.display_name.clone()));
    let merge = Callback::new(move |()| {
        let from = chosen.get_untracked();
        let gone = name_of(&from).unwrap_or_default();
        if state
            .change(|d| d.merge_participants(&pid.get_untracked(), &from))
            .is_ok()
        {
            let kept = name_of(&pid.get_untracked()).unwrap_or_default();
            merged.set(i18n.t().dialogue_merge_done(&kept, &gone));
            chosen.set(String::new());
        }
    });
    let ask = move |_| {
        if !chosen.get_untracked().is_empty() {
            confirm.set(true);
        }
    };
    let message = Signal::derive(move || {
        let other = name_of(&chosen.get()).unwrap_or_default();
        let name = name_of(&pid.get()).unwrap_or_default();
        i18n.t().dialogue_merge_confirm(&name, &other)
    });
    view! {
        <Show when=move || !others.with(Vec::is_empty) || !merged.with(String::is_empty)>
            <section class="panel merge" aria-labelledby="merge-heading">
                <h2 id="merge-heading">{i18n.text(|t| t.dialogue_merge_heading())}</h2>
                <p class="help" id="merge-help">
                    {i18n.text(|t| t.dialogue_merge_help())}
                </p>
                <Show when=move || !others.with(Vec::is_empty)>
                    <label for="merge-other">{i18n.text(|t| t.dialogue_merge_label())}</label>
                    <select
                        id="merge-other"
                        aria-describedby="merge-help"
                        on:change=move |ev| chosen.set(event_target_value(&ev))
                    >
                        <option value="" prop:selected=move || chosen.with(String::is_empty)>
                            {i18n.text(|t| t.dialogue_merge_choose())}
                        </option>
                        {move || {
                            let t = i18n.t();
                            others
                                .get()
                                .into_iter()
                                .map(|(id, name, latest)| {
                                    let when = latest
                                        .map_or(
                                            t.caseload_no_rounds().to_owned(),
                                            |date| { t.caseload_latest_round(t.date(date)) },
                                        );
                                    let selected = id.clone();
                                    view! {
                                        <option
                                            value=id
                                            prop:selected=move || chosen.get() == selected
                                        >
                                            {format!("{name} · {when}")}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                    <button
                        type="button"
                        class="button secondary"
                        prop:disabled=move || chosen.with(String::is_empty)
                        on:click=ask
                    >
                        {i18n.text(|t| t.dialogue_merge_button())}
                    </button>
                </Show>
                <p role="status">{move || merged.get()}</p>
            </section>
        </Show>
        <ConfirmDialog
            open=confirm
            message=message
            confirm_label=Signal::derive(move || i18n.t().dialogue_merge_yes().to_owned())
            cancel_label=Signal::derive(move || i18n.t().caseload_cancel().to_owned())
            on_confirm=merge
        />
    }
}
