use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::{self, app_path};
use crate::domain::assessment::{is_follow_up_due, next_follow_up_due};
use crate::domain::settings::DeviceRole;
use crate::i18n::{fill, use_i18n};
use crate::state::use_state;

/// `/counsellor`: the caseload: add a participant, see each one's latest round and whether a
/// follow-up is due.
#[component]
pub fn CounsellorPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let name = RwSignal::new(String::new());
    let counsellor = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = browser::new_id();
        let result = state.change(|d| {
            d.add_participant(id.clone(), &name.get_untracked(), browser::today())?;
            let counsellor = counsellor.get_untracked();
            if !counsellor.trim().is_empty() {
                d.change_counsellor(&id, &counsellor, browser::today())?;
            }
            d.settings_mut()
                .device_role
                .get_or_insert(DeviceRole::Counsellor);
            Ok(())
        });
        error.set(result.is_err());
        if result.is_ok() {
            name.set(String::new());
        }
    };
    view! {
        <h1>{i18n.text(|t| t.caseload_title)}</h1>
        <p class="lead">{i18n.text(|t| t.caseload_intro)}</p>
        <form class="panel add-form" on:submit=add>
            <h2>{i18n.text(|t| t.caseload_add_heading)}</h2>
            <label for="participant-name">{i18n.text(|t| t.caseload_name_label)}</label>
            <p class="help" id="participant-name-help">{i18n.text(|t| t.caseload_name_help)}</p>
            <input id="participant-name" type="text" aria-describedby="participant-name-help" bind:value=name />
            <label for="counsellor-name">{i18n.text(|t| t.caseload_counsellor_label)}</label>
            <input id="counsellor-name" type="text" autocomplete="name" bind:value=counsellor />
            <Show when=move || error.get()>
                <p class="error" role="alert">{i18n.text(|t| t.caseload_name_required)}</p>
            </Show>
            <button type="submit" class="button">{i18n.text(|t| t.caseload_add_button)}</button>
        </form>
        <h2>{i18n.text(|t| t.caseload_list_heading)}</h2>
        <p>
            <A href=app_path("/receive") attr:class="button secondary">{i18n.text(|t| t.handover_receive_title)}</A>
        </p>
        <CaseloadList />
        <crate::offline::IosStorageNote />
    }
}

#[component]
fn CaseloadList() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    move || {
        let t = i18n.t();
        let today = browser::today();
        let rows = state.read(|d| {
            d.participants()
                .iter()
                .map(|p| {
                    let rounds = d.rounds_of(&p.id);
                    let latest = rounds.last().map(|r| r.date);
                    let due = is_follow_up_due(rounds.iter().copied(), today);
                    let next = next_follow_up_due(rounds.iter().copied());
                    (p.id.clone(), p.display_name.clone(), latest, due, next)
                })
                .collect::<Vec<_>>()
        });
        if rows.is_empty() {
            return view! { <p>{t.caseload_empty}</p> }.into_any();
        }
        view! {
            <ul class="caseload">
                {rows
                    .into_iter()
                    .map(|(id, name, latest, due, next)| {
                        let latest = latest.map_or(t.caseload_no_rounds.to_owned(), |date| {
                            fill(t.caseload_latest_round, &[("date", &t.date(date))])
                        });
                        let follow_up = if due {
                            Some(view! { <span class="badge due">{t.caseload_due}</span> }.into_any())
                        } else {
                            next.map(|date| {
                                view! { <span class="badge">{fill(t.caseload_next_due, &[("date", &t.date(date))])}</span> }
                                    .into_any()
                            })
                        };
                        view! {
                            <li>
                                <A href=app_path(&format!("/counsellor/{id}")) attr:class="card-link">
                                    <span class="card-title">{name}</span>
                                    <span class="card-text">{latest}</span>
                                    {follow_up}
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
            .into_any()
    }
}
