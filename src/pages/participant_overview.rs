use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser;
use crate::components::archive_participant::ArchiveParticipant;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::handed_over::use_handed_over;
use crate::components::her_language::HerLanguageChoice;
use crate::components::merge_participant::MergeParticipant;
use crate::components::participant_edit::ParticipantEdit;
use crate::components::plan_advice::{AdviceList, CounsellorChanges};
use crate::components::progress_view::ProgressView;
use crate::components::round_answers::RoundAnswers;
use crate::domain::assessment::{FilledBy, Round};
use crate::domain::questionnaire::ParticipantItem;
use crate::i18n::{Texts, use_i18n};
use crate::routes::{Route, resume_path, use_go, use_person_id};
use crate::state::use_state;

/// `/counsellor/:pid`: one participant: their rounds, starting a new one, handing the device
/// over for the participant's answers, the counsellor's own part, and erasing.
#[component]
pub fn ParticipantOverviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let navigate = use_go();
    let pid = use_person_id();
    // Only whether the participant is here rebuilds the page; the name, the counsellor and each
    // section follow their own data, so a change elsewhere (another tab, another participant, a
    // new round) keeps what the counsellor chose on the page, such as the chart's view.
    let here = Memo::new(move |_| state.read(|d| d.participant(&pid.get()).is_some()));
    let name = Memo::new(move |_| {
        state.read(|d| {
            d.participant(&pid.get())
                .map(|p| p.display_name.clone())
                .unwrap_or_default()
        })
    });
    let counsellor = Memo::new(move |_| {
        state.read(|d| {
            d.participant(&pid.get())
                .and_then(|p| p.current_counsellor().map(|c| c.name.clone()))
        })
    });
    let confirm_erase = RwSignal::new(false);
    let merged = RwSignal::new(String::new());
    let erase = Callback::new({
        let navigate = navigate.clone();
        move |()| {
            if state
                .change(|d| d.erase_participant(&pid.get_untracked()))
                .is_ok()
            {
                navigate(&Route::Caseload.href(), Default::default());
            }
        }
    });
    let start_round = Callback::new(move |()| {
        let _ = state
            .change(|d| d.start_round(browser::new_id(), &pid.get_untracked(), browser::today()));
    });
    // A second round on the same day is usually a double tap: ask first.
    let confirm_same_day = RwSignal::new(false);
    let new_round = move |_| {
        let today = browser::today();
        if state.read(|d| d.round_on(&pid.get_untracked(), today).is_some()) {
            confirm_same_day.set(true);
        } else {
            start_round.run(());
        }
    };
    move || {
        if !here.get() {
            return view! {
                <h1>{i18n.text(|t| t.caseload_not_found())}</h1>
                <p>
                    <A href=Route::Caseload.href() attr:class="button">
                        {i18n.text(|t| t.caseload_back_to_list())}
                    </A>
                </p>
            }
            .into_any();
        }
        let counsellor = move || {
            counsellor.get().map(|name| {
                view! { <p>{i18n.t().caseload_counsellor_now(&name)}</p> }
            })
        };
        view! {
            <p>
                <A href=Route::Caseload.href() exact=true attr:class="link-tap">
                    {i18n.text(|t| t.caseload_back_to_list())}
                </A>
            </p>
            <h1>{name}</h1>
            {counsellor}
            <CounsellorChanges pid=pid />
            <section class="panel" aria-labelledby="plan-link-heading">
                <h2 id="plan-link-heading">{i18n.text(|t| t.plan_open())}</h2>
                <p>{i18n.text(|t| t.plan_open_help())}</p>
                <A href=Route::Plan(&pid.get()).href() attr:class="button">
                    {i18n.text(|t| t.plan_open())}
                </A>
            </section>
            <AdviceList pid=pid counsellor_side=true />
            <ProgressView pid=pid />
            <h2>{i18n.text(|t| t.caseload_rounds_heading())}</h2>
            <HerLanguageChoice pid=pid />
            <button type="button" class="button" on:click=new_round>
                {i18n.text(|t| t.caseload_new_round())}
            </button>
            <ConfirmDialog
                open=confirm_same_day
                message=Signal::derive(move || {
                    let t = i18n.t();
                    t.dialogue_same_day_confirm(t.date(browser::today()))
                })
                confirm_label=Signal::derive(move || i18n.t().dialogue_same_day_yes().to_owned())
                cancel_label=Signal::derive(move || i18n.t().caseload_cancel().to_owned())
                on_confirm=start_round
            />
            <RoundList pid=pid />
            <ParticipantEdit pid=pid />
            <ArchiveParticipant pid=pid />
            <section class="panel" aria-labelledby="move-heading">
                <h2 id="move-heading">{i18n.text(|t| t.colleague_move_link())}</h2>
                <A href=Route::MovePerson(&pid.get()).href() attr:class="button secondary">
                    {i18n.text(|t| t.colleague_move_link())}
                </A>
            </section>
            <MergeParticipant pid=pid merged=merged />
            <section class="panel">
                <button
                    type="button"
                    class="button danger"
                    on:click=move |_| confirm_erase.set(true)
                >
                    {i18n.text(|t| t.caseload_erase_participant())}
                </button>
                <ConfirmDialog
                    open=confirm_erase
                    message=Signal::derive(move || i18n.t().caseload_erase_confirm(name.get()))
                    confirm_label=Signal::derive(move || i18n.t().caseload_erase_yes().to_owned())
                    cancel_label=Signal::derive(move || i18n.t().caseload_cancel().to_owned())
                    on_confirm=erase
                />
            </section>
        }
        .into_any()
    }
}

fn participant_status(t: &Texts, round: &Round) -> String {
    match &round.participant_part {
        None => t.caseload_status_not_started().to_owned(),
        Some(part) if part.completed.is_some() => t.caseload_status_done().to_owned(),
        Some(part) => t.caseload_status_in_progress(
            part.answered_count().to_string(),
            ParticipantItem::ALL.len().to_string(),
        ),
    }
}

/// The participant's rounds, newest first.
#[component]
fn RoundList(pid: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let handed = use_handed_over();
    let state = use_state();
    let navigate = use_go();
    // Only the latest round can be deleted; the dialog names its date.
    let confirm_delete = RwSignal::new(false);
    let latest = Memo::new(move |_| {
        state.read(|d| d.latest_round(&pid.get()).map(|r| (r.id.clone(), r.date)))
    });
    let delete = Callback::new(move |()| {
        if let Some((rid, _)) = latest.get_untracked() {
            let _ = state.change(|d| d.delete_round(&rid));
        }
    });
    let delete_dialog = view! {
        <ConfirmDialog
            open=confirm_delete
            message=Signal::derive(move || {
                let t = i18n.t();
                let date = latest.get().map(|(_, date)| t.date(date)).unwrap_or_default();
                t.dialogue_delete_round_confirm(&date)
            })
            confirm_label=Signal::derive(move || i18n.t().dialogue_delete_round_yes().to_owned())
            cancel_label=Signal::derive(move || i18n.t().caseload_cancel().to_owned())
            on_confirm=delete
        />
    };
    let list = move || {
        let t = i18n.t();
        let rounds: Vec<Round> =
            state.read(|d| d.rounds_of(&pid.get()).into_iter().rev().cloned().collect());
        view! {
            <ul class="plain rounds">
                {rounds
                    .into_iter()
                    .enumerate()
                    .map(|(index, round)| {
                        let navigate = navigate.clone();
                        let rid = round.id.clone();
                        let hand_over = move |_| {
                            let started = state
                                .change(|d| {
                                    d.start_participant_part(
                                        &rid,
                                        FilledBy::CounsellorWithParticipant,
                                        browser::now(),
                                    )
                                });
                            if started.is_ok() {
                                handed.begin(&rid);
                                if let Some(language) = state
                                    .read(|d| {
                                        d.participant(&pid.get_untracked())
                                            .and_then(|p| p.her_language())
                                    })
                                {
                                    i18n.set_language(language);
                                }
                                let path = state
                                    .read(|d| d.round(&rid).map(resume_path))
                                    .unwrap_or_default();
                                navigate(&path, Default::default());
                            }
                        };
                        let counsellor_done = round.counsellor_part.is_some();
                        let participant_done = round
                            .participant_part
                            .as_ref()
                            .is_some_and(|p| p.completed.is_some());
                        let answers = round
                            .participant_part
                            .clone()
                            .filter(|p| p.answered_count() > 0)
                            .map(|part| {
                                // Her part in her language while the device is hers.
                                view! { <RoundAnswers part=part open=index == 0 /> }
                            });
                        view! {
                            <li class="panel round">
                                <h3>{t.caseload_round_title(t.date(round.date))}</h3>
                                <p>
                                    {t.caseload_part_participant()} ": "
                                    {participant_status(t, &round)}
                                </p>
                                <p>
                                    {t.caseload_part_counsellor()} ": "
                                    {if counsellor_done {
                                        t.caseload_status_done()
                                    } else {
                                        t.caseload_status_not_started()
                                    }}
                                </p>
                                {answers}
                                <div class="actions">
                                    {(!participant_done)
                                        .then(|| {
                                            view! {
                                                <button type="button" class="button" on:click=hand_over>
                                                    {t.caseload_hand_over()}
                                                </button>
                                                <A
                                                    href=Route::Invite(&round.id).href()
                                                    attr:class="button secondary"
                                                >
                                                    {t.handover_invite_button()}
                                                </A>
                                            }
                                        })}
                                    <A
                                        href=Route::CounsellorPart(&round.id).href()
                                        attr:class="button secondary"
                                    >
                                        {t.caseload_fill_counsellor()}
                                    </A>
                                    {(index == 0)
                                        .then(|| {
                                            view! {
                                                <button
                                                    type="button"
                                                    class="button danger"
                                                    on:click=move |_| confirm_delete.set(true)
                                                >
                                                    {t.dialogue_delete_round()}
                                                </button>
                                            }
                                        })}
                                </div>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    };
    view! {
        {list}
        {delete_dialog}
    }
}
