use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser;
use crate::components::refusal::{Refusal, RefusalAlert, withdraw_on_input};
use crate::domain::settings::DeviceRole;
use crate::i18n::use_i18n;
use crate::routes::{Route, resume_path, use_go};
use crate::state::use_state;

/// `/participant`: a participant starts a self-assessment on their own device, or continues one.
#[component]
pub fn ParticipantPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let navigate = use_go();
    let name = RwSignal::new(String::new());
    let refused = RwSignal::new(None::<Refusal>);

    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (participant, round) = (browser::new_id(), browser::new_id());
        let result = state.change(|d| {
            d.add_own_person(participant.clone(), &name.get_untracked(), browser::today())?;
            d.begin_own_round(
                &participant,
                round.clone(),
                browser::today(),
                browser::now(),
            )
        });
        match result {
            Ok(()) => navigate(
                &Route::Question {
                    round: &round,
                    number: 1,
                    from_summary: false,
                }
                .href(),
                Default::default(),
            ),
            Err(error) => refused.set(Some(error.into())),
        }
    };

    view! {
        <h1>{i18n.text(|t| t.self_title())}</h1>
        <p class="lead">{i18n.text(|t| t.self_intro())}</p>
        <OwnPeople />
        <form class="panel start-form" on:submit=start on:input=withdraw_on_input(refused)>
            <label for="self-name">{i18n.text(|t| t.self_name_label())}</label>
            <p class="help" id="self-name-help">
                {i18n.text(|t| t.self_name_help())}
            </p>
            <input
                id="self-name"
                type="text"
                dir="auto"
                autocomplete="nickname"
                aria-describedby="self-name-help"
                bind:value=name
            />
            <RefusalAlert refusal=refused required=|t| t.caseload_name_required() />
            <button type="submit" class="button">
                {i18n.text(|t| t.self_start())}
            </button>
        </form>
        <crate::offline::IosStorageNote />
    }
}

/// On a participant's own device: continue an unfinished round, or answer again.
#[component]
fn OwnPeople() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let navigate = use_go();
    let people = move || {
        state.read(|d| {
            if d.settings().device_role != Some(DeviceRole::Participant) {
                return Vec::new();
            }
            d.participants()
                .iter()
                .map(|p| {
                    let open = d.unfinished_round(&p.id).cloned();
                    (p.id.clone(), p.display_name.clone(), open)
                })
                .collect::<Vec<_>>()
        })
    };
    move || {
        let people = people();
        let t = i18n.t();
        (!people.is_empty()).then(|| {
            let navigate = navigate.clone();
            view! {
                <section class="panel">
                    <h2>{t.self_continue_heading()}</h2>
                    <ul class="plain actions">
                        {people
                            .into_iter()
                            .map(|(participant, name, open)| match open {
                                Some(round) => {
                                    view! {
                                        <li>
                                            <A href=resume_path(&round) attr:class="button">
                                                {t.self_continue_as(&name)}
                                            </A>
                                        </li>
                                    }
                                        .into_any()
                                }
                                None => {
                                    let navigate = navigate.clone();
                                    let again = move |_| {
                                        let answered = state
                                            .change(|d| {
                                                let round = d
                                                    .answer_again(
                                                        &participant,
                                                        browser::new_id(),
                                                        browser::today(),
                                                        browser::now(),
                                                    )?;
                                                Ok(d.round(&round).map(resume_path))
                                            });
                                        if let Ok(Some(path)) = answered {
                                            navigate(&path, Default::default());
                                        }
                                    };
                                    view! {
                                        <li>
                                            <button
                                                type="button"
                                                class="button secondary"
                                                on:click=again
                                            >
                                                {t.self_again_as(&name)}
                                            </button>
                                        </li>
                                    }
                                        .into_any()
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
