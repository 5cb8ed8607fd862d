//! `/my-plan`, on her own phone: the plan her counsellor gave her. Opened from the QR code, the
//! link or the file, with this phone's own key (where the plan was sealed to it) or with the
//! ten digits shown beside the code, kept in this device's store
//! (so it opens offline, like her other pages), replaced only by a plan given later, with
//! what changed; each date can go into her calendar, and she can remove the plan.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::browser;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::her_progress::HerDiagram;
use crate::components::progress_view::dated;
use crate::domain::handover::HandoverError;
use crate::domain::her_plan::calendar::{Event, ics};
use crate::domain::her_plan::changes::PlanChange;
use crate::domain::her_plan::codec::{PlanLock, SealedPlan};
use crate::domain::her_plan::{HerActivity, HerPlan, code};
use crate::domain::participant::GoalKind;
use crate::domain::progression::RoundValues;
use crate::handover::error_text;
use crate::handover::link::on_payload;
use crate::handover::plan_seal::{open_plan, open_plan_on_phone};
use crate::i18n::{Texts, use_i18n};
use crate::pages::plan::labels::{activity_status, dates, sub_goal_status};
use crate::routes::Route;
use crate::state::{AppState, use_state};

#[derive(Clone, PartialEq)]
enum Step {
    /// Nothing arrived, or what arrived was handled.
    Showing,
    /// A sealed plan arrived: the digits are asked for.
    Asking(SealedPlan),
    Opening(SealedPlan),
    Refused(HandoverError),
    /// Kept: `None` for her first plan, else what changed.
    Kept(Option<Vec<PlanChange>>),
    Removed,
}

#[component]
pub fn MyPlanPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let step = RwSignal::new(Step::Showing);
    on_payload(move |text| match SealedPlan::decode(&text) {
        // Sealed to this phone's own key: nothing to type.
        Ok(sealed) if let PlanLock::Phone { invitation_id, .. } = sealed.lock => {
            let (phone, counsellor) = state.read(|d| {
                (
                    d.handover().device_key.clone(),
                    d.answered_invitation(&invitation_id),
                )
            });
            step.set(Step::Opening(sealed.clone()));
            spawn_local(async move {
                let opened = open_plan_on_phone(&sealed, phone.as_ref(), counsellor.as_ref());
                step.set(match opened.await {
                    Ok(plan) => keep(state, i18n.t(), plan).unwrap_or(Step::Showing),
                    Err(error) => Step::Refused(error),
                });
            });
        }
        Ok(sealed) => step.set(Step::Asking(sealed)),
        Err(error) => step.set(Step::Refused(error)),
    });
    let plan = Memo::new(move |_| {
        let mut plan = state.read(|d| d.her_plan())?;
        in_her_words(&mut plan, i18n.t());
        Some(plan)
    });
    // Whether the last digits typed did not open the plan (the form is drawn anew after a try).
    let wrong = RwSignal::new(false);
    view! {
        <h1>{i18n.text(|t| t.her_plan_title())}</h1>
        {move || match step.get() {
            Step::Asking(sealed) => {
                view! { <CodeForm sealed=sealed step=step wrong=wrong /> }.into_any()
            }
            Step::Opening(_) => {
                view! { <p role="status">{i18n.t().her_plan_opening()}</p> }.into_any()
            }
            Step::Refused(error) => {
                view! {
                    <p class="error" role="alert">
                        {error_text(i18n.t(), &error)}
                    </p>
                }
                    .into_any()
            }
            Step::Kept(changed) => view! { <Saved changed=changed /> }.into_any(),
            Step::Removed => view! { <p role="status">{i18n.t().her_plan_removed()}</p> }.into_any(),
            Step::Showing => ().into_any(),
        }}
        {move || match plan.get() {
            Some(plan) => view! { <PlanView plan=plan step=step /> }.into_any(),
            None if matches!(step.get(), Step::Asking(_) | Step::Opening(_)) => ().into_any(),
            None => {
                view! {
                    <p>{i18n.text(|t| t.her_plan_none())}</p>
                    <p>
                        <A href=Route::Home.href() attr:class="button secondary">
                            {i18n.text(|t| t.self_back_home())}
                        </A>
                    </p>
                }
                    .into_any()
            }
        }}
    }
}

/// Shipped activities named in the language she reads (the counsellor's name where hers has
/// none).
fn in_her_words(plan: &mut HerPlan, t: &Texts) {
    plan.name_shipped(|id| t.seed_activity(id).map(str::to_owned));
}

/// Keeps an opened plan on this phone: what the page says next, or `None` when the store
/// refused it (the store says why in its own notice, and the plan stays in the link).
fn keep(state: AppState, t: &Texts, mut plan: HerPlan) -> Option<Step> {
    // Named in her language before it is kept, so that what a newer plan changed is too.
    in_her_words(&mut plan, t);
    match state.change(|d| Ok(d.keep_her_plan(plan))) {
        Ok(Ok(changed)) => Some(Step::Kept(changed)),
        Ok(Err(error)) => Some(Step::Refused(error)),
        Err(_) => None,
    }
}

/// The ten digits, typed in whatever digits her keyboard writes.
#[component]
fn CodeForm(sealed: SealedPlan, step: RwSignal<Step>, wrong: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let typed = RwSignal::new(String::new());
    let incomplete = RwSignal::new(false);
    let sealed = StoredValue::new(sealed);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(digits) = code::typed(&typed.get_untracked()) else {
            incomplete.set(true);
            return;
        };
        incomplete.set(false);
        wrong.set(false);
        let sealed = sealed.get_value();
        step.set(Step::Opening(sealed.clone()));
        spawn_local(async move {
            match open_plan(&sealed, &digits).await {
                Err(HandoverError::WrongCode) => {
                    // Back to the form, with the reason: a mistyped digit is the usual cause.
                    wrong.set(true);
                    step.set(Step::Asking(sealed));
                }
                Err(error) => step.set(Step::Refused(error)),
                Ok(plan) => step.set(keep(state, i18n.t(), plan).unwrap_or(Step::Asking(sealed))),
            }
        });
    };
    view! {
        <form class="panel plan-code-form" on:submit=submit>
            <p>{i18n.text(|t| t.her_plan_open_intro())}</p>
            <label for="plan-code">{i18n.text(|t| t.her_plan_code_label())}</label>
            <p id="plan-code-help" class="help">
                {i18n.text(|t| t.her_plan_code_help())}
            </p>
            <input
                id="plan-code"
                class="code-input"
                type="text"
                inputmode="numeric"
                autocomplete="one-time-code"
                dir="ltr"
                aria-describedby="plan-code-help plan-code-error"
                prop:value=move || typed.get()
                on:input=move |e| typed.set(event_target_value(&e))
            />
            <p id="plan-code-error" class="error" role="alert">
                {move || {
                    if incomplete.get() {
                        i18n.t().her_plan_code_incomplete()
                    } else if wrong.get() {
                        i18n.t().handover_error_wrong_code()
                    } else {
                        ""
                    }
                }}
            </p>
            <button type="submit" class="button">
                {i18n.text(|t| t.her_plan_open_button())}
            </button>
        </form>
    }
}

/// Saved: said once, with what a newer plan changed.
#[component]
fn Saved(changed: Option<Vec<PlanChange>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let changes = changed.map(|changes| {
        if changes.is_empty() {
            return view! { <p>{t.her_plan_no_changes()}</p> }.into_any();
        }
        view! {
            <p>{t.her_plan_replaced()}</p>
            <ul class="plan-changes">
                {changes
                    .iter()
                    .map(|c| view! { <li dir="auto">{change_text(t, c)}</li> })
                    .collect_view()}
            </ul>
        }
        .into_any()
    });
    view! {
        <div class="panel notice" role="status">
            <p>{t.her_plan_saved()}</p>
            {changes}
        </div>
    }
}

fn change_text(t: &Texts, change: &PlanChange) -> String {
    match change {
        PlanChange::Goal => t.her_plan_change_goal().to_owned(),
        PlanChange::SubGoalAdded(text) => t.her_plan_change_sub_goal_added(text),
        PlanChange::SubGoalRemoved(text) => t.her_plan_change_sub_goal_removed(text),
        PlanChange::SubGoalStatus(text, status) => {
            t.her_plan_change_status(sub_goal_status(t, *status), text)
        }
        PlanChange::SubGoalDue(text, _) => t.her_plan_change_sub_goal_due(text),
        PlanChange::ActivityAdded(text) => t.her_plan_change_activity_added(text),
        PlanChange::ActivityRemoved(text) => t.her_plan_change_activity_removed(text),
        PlanChange::ActivityStatus(text, status) => {
            t.her_plan_change_status(activity_status(t, *status), text)
        }
        PlanChange::ActivityDetails(text) => t.her_plan_change_activity_details(text),
        PlanChange::FollowUp(_) => t.her_plan_change_follow_up().to_owned(),
    }
}

#[component]
fn PlanView(plan: HerPlan, step: RwSignal<Step>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let confirming = RwSignal::new(false);
    let remove = Callback::new(move |()| {
        if state
            .change(|d| {
                d.remove_her_plan();
                Ok(())
            })
            .is_ok()
        {
            step.set(Step::Removed);
        }
    });
    let plan = StoredValue::new(plan);
    move || {
        let t = i18n.t();
        let plan = plan.get_value();
        let from = if plan.counsellor.is_empty() {
            t.her_plan_given(t.date(plan.sent.date_naive()))
        } else {
            t.her_plan_from(&plan.counsellor, t.date(plan.sent.date_naive()))
        };
        let goal = if plan.goal.is_empty() {
            match plan.goal_kind {
                Some(GoalKind::Work) => t.plan_goal_work().to_owned(),
                Some(GoalKind::Studies) => t.plan_goal_studies().to_owned(),
                None => String::new(),
            }
        } else {
            plan.goal.clone()
        };
        let all_events = StoredValue::new(plan.clone());
        view! {
            <p class="lead">{from}</p>
            {(!goal.is_empty())
                .then(|| {
                    view! {
                        <section class="panel" aria-labelledby="my-goal">
                            <h2 id="my-goal">{t.her_plan_goal_heading()}</h2>
                            <p dir="auto">{goal}</p>
                        </section>
                    }
                })}
            {(!plan.focus_items.is_empty())
                .then(|| {
                    view! {
                        <section class="panel" aria-labelledby="my-focus">
                            <h2 id="my-focus">{t.her_plan_focus_heading()}</h2>
                            <ul>
                                {plan
                                    .focus_items
                                    .iter()
                                    .map(|item| view! { <li>{t.item_short(*item)}</li> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })}
            {(!plan.sub_goals.is_empty())
                .then(|| {
                    view! {
                        <section class="panel" aria-labelledby="my-sub-goals">
                            <h2 id="my-sub-goals">{t.her_plan_sub_goals_heading()}</h2>
                            <ol class="my-plan-list">
                                {plan
                                    .sub_goals
                                    .iter()
                                    .map(|s| {
                                        view! {
                                            <li>
                                                <p class="my-plan-what" dir="auto">
                                                    {s.text.clone()}
                                                </p>
                                                {s
                                                    .due
                                                    .map(|d| view! { <p>{t.her_plan_due(t.date(d))}</p> })}
                                                <p class="status">{sub_goal_status(t, s.status)}</p>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                        </section>
                    }
                })}
            {(!plan.activities.is_empty())
                .then(|| {
                    view! {
                        <section class="panel" aria-labelledby="my-activities">
                            <h2 id="my-activities">{t.her_plan_activities_heading()}</h2>
                            <ul class="my-plan-list">
                                {plan
                                    .activities
                                    .iter()
                                    .enumerate()
                                    .map(|(index, a)| {
                                        view! {
                                            <ActivityItem
                                                plan=all_events
                                                index=index
                                                activity=a.clone()
                                            />
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })}
            {plan
                .next_follow_up
                .filter(|date| *date >= browser::today())
                .map(|date| {
                    // Once the day has passed, the date would only confuse.
                    view! {
                        <section class="panel" aria-labelledby="my-follow-up">
                            <h2 id="my-follow-up">{t.her_plan_follow_up_heading()}</h2>
                            <p>{t.her_plan_follow_up(t.date(date))}</p>
                        </section>
                    }
                })}
            <p>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| save_calendar(i18n.t(), &all_events.get_value(), None)
                >
                    {t.her_plan_calendar_all()}
                </button>
            </p>
            {plan
                .diagram
                .clone()
                .map(|diagram| view! { <Diagram date=diagram.date values=diagram.values /> })}
            <p>
                <button
                    type="button"
                    class="button secondary"
                    on:click=move |_| confirming.set(true)
                >
                    {t.her_plan_remove()}
                </button>
            </p>
            <ConfirmDialog
                open=confirming
                message=Signal::derive(move || i18n.t().her_plan_remove_confirm().to_owned())
                confirm_label=Signal::derive(move || i18n.t().her_plan_remove_yes().to_owned())
                cancel_label=Signal::derive(move || i18n.t().her_plan_remove_no().to_owned())
                on_confirm=remove
            />
        }
    }
}

#[component]
fn ActivityItem(plan: StoredValue<HerPlan>, index: usize, activity: HerActivity) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.t();
    let dates = dates(t, activity.start, activity.end);
    view! {
        <li>
            <p class="my-plan-what" dir="auto">
                {activity.name.clone()}
            </p>
            <p>{dates}</p>
            {(!activity.responsible.is_empty())
                .then(|| view! { <p>{t.her_plan_responsible(&activity.responsible)}</p> })}
            {(!activity.place.is_empty())
                .then(|| view! { <p dir="auto">{t.her_plan_place(&activity.place)}</p> })}
            <p class="status">{activity_status(t, activity.status)}</p>
            <button
                type="button"
                class="button secondary"
                aria-label=format!("{}: {}", t.her_plan_calendar_one(), activity.name)
                on:click=move |_| save_calendar(i18n.t(), &plan.get_value(), Some(index))
            >
                {t.her_plan_calendar_one()}
            </button>
        </li>
    }
}

/// Her latest answers as her diagram and its numbers.
#[component]
fn Diagram(date: chrono::NaiveDate, values: Vec<Option<u8>>) -> impl IntoView {
    let i18n = use_i18n();
    let comments = vec![None; values.len()];
    let round = RoundValues {
        date,
        values,
        comments,
    };
    let lines = Memo::new(move |_| dated(i18n.t(), vec![round.clone()]));
    view! {
        <section class="panel progress hers" aria-labelledby="my-diagram">
            <h2 id="my-diagram">{i18n.text(|t| t.her_plan_diagram_heading())}</h2>
            <HerDiagram lines=lines />
        </section>
    }
}

/// One activity's date (`Some(index)`), or every date with the next meeting, as a calendar file.
fn save_calendar(t: &Texts, plan: &HerPlan, only: Option<usize>) {
    let stamp = plan.sent.timestamp();
    let mut events: Vec<Event> = plan
        .activities
        .iter()
        .enumerate()
        .filter(|(index, _)| only.is_none_or(|o| o == *index))
        .map(|(index, a)| {
            let mut description = Vec::new();
            if !a.responsible.is_empty() {
                description.push(t.her_plan_responsible(&a.responsible));
            }
            if let Some(end) = a.end {
                description.push(t.her_plan_calendar_until(t.date(end)));
            }
            Event {
                uid: format!("{stamp}-{index}"),
                date: a.start,
                summary: a.name.clone(),
                description: description.join("\n"),
                location: a.place.clone(),
                remind_day_before: false,
            }
        })
        .collect();
    if only.is_none()
        && let Some(date) = plan.next_follow_up
    {
        events.push(Event {
            uid: format!("{stamp}-follow-up"),
            date,
            summary: t.her_plan_calendar_follow_up().to_owned(),
            description: String::new(),
            location: String::new(),
            remind_day_before: true,
        });
    }
    browser::download(
        &format!("stegvis-plan-{}.ics", browser::today()),
        "text/calendar",
        &ics(&events, browser::now()),
    );
}
