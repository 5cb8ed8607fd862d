//! BIP's findings as advice on a plan: never blocking, each with the research's "why" and a
//! link to the Training page. Reflective questions on belief appear only on the counsellor's
//! own page, never on the screen shared with the participant.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser;
use crate::domain::assessment::Round;
use crate::domain::plan_checks::{PlanAdvice, counsellor_changes, plan_advice};
use crate::i18n::{Texts, use_i18n};
use crate::routes::Route;
use crate::state::use_state;

/// The Training section that explains a piece of advice.
fn training_anchor(advice: &PlanAdvice) -> &'static str {
    match advice {
        PlanAdvice::NoJobFocused | PlanAdvice::OnlyNonJobRunning => "parallel",
        PlanAdvice::Gap { .. } => "no-breaks",
        PlanAdvice::FollowUpOverdue { .. } => "follow-up",
        PlanAdvice::LowBelief { .. } => "belief",
    }
}

/// Title, what was found, and why it matters.
fn advice_texts(t: &Texts, advice: &PlanAdvice) -> (&'static str, String, &'static str) {
    match advice {
        PlanAdvice::NoJobFocused => (
            t.plan_advice_no_job_title(),
            t.plan_advice_no_job_text().to_owned(),
            t.plan_advice_parallel_why(),
        ),
        PlanAdvice::OnlyNonJobRunning => (
            t.plan_advice_only_non_job_title(),
            t.plan_advice_only_non_job_text().to_owned(),
            t.plan_advice_parallel_why(),
        ),
        PlanAdvice::Gap { from, to, coming } => (
            t.plan_advice_gap_title(),
            if *coming {
                t.plan_advice_gap_coming_text(t.date(*from), t.date(*to))
            } else {
                t.plan_advice_gap_past_text(t.date(*from), t.date(*to))
            },
            t.plan_advice_gap_why(),
        ),
        PlanAdvice::FollowUpOverdue { due } => (
            t.plan_advice_follow_up_title(),
            t.plan_advice_follow_up_text(t.date(*due)),
            t.plan_advice_follow_up_why(),
        ),
        PlanAdvice::LowBelief { rating } => (
            t.plan_advice_belief_title(),
            t.plan_advice_belief_text(rating.to_string()),
            t.plan_advice_belief_why(),
        ),
    }
}

fn read_more(t: &'static Texts, anchor: &str) -> impl IntoView + use<> {
    view! {
        <p>
            <A href=Route::TrainingSection(anchor).href() attr:class="link-tap">
                {t.plan_advice_read_more()}
            </A>
        </p>
    }
}

fn advice_item(t: &'static Texts, advice: &PlanAdvice) -> impl IntoView + use<> {
    let (title, text, why) = advice_texts(t, advice);
    let questions = matches!(advice, PlanAdvice::LowBelief { .. }).then(|| {
        view! {
            <p class="only-you">{t.plan_advice_belief_only_you()}</p>
            <ul class="reflect">
                <li>{t.plan_advice_belief_role()}</li>
                <li>{t.plan_advice_belief_unseen()}</li>
                <li>{t.plan_advice_belief_outside()}</li>
                <li>{t.plan_advice_belief_next()}</li>
            </ul>
        }
    });
    view! {
        <li class="advice">
            <h3>{title}</h3>
            <p>{text}</p>
            {questions}
            <p class="why">
                <strong>{t.plan_advice_why()}</strong>
                " "
                {why}
            </p>
            {read_more(t, training_anchor(advice))}
        </li>
    }
}

/// The advice for one participant's plan. On the shared plan screen (`counsellor_side` false)
/// advice meant only for the counsellor is left out.
#[component]
pub fn AdviceList(pid: Memo<String>, counsellor_side: bool) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let rounds = state.rounds_of(pid);
    let advice = Memo::new(move |_| {
        let pid = pid.get();
        rounds.with(|rounds| {
            let rounds: Vec<&Round> = rounds.iter().map(Arc::as_ref).collect();
            state.read(|d| {
                plan_advice(d.plan_of(&pid), &rounds, browser::today())
                    .into_iter()
                    .filter(|a| counsellor_side || !a.counsellor_only())
                    .collect::<Vec<_>>()
            })
        })
    });
    move || {
        let t = i18n.t();
        let today = browser::today();
        let (history, list): (Vec<_>, Vec<_>) =
            advice.get().into_iter().partition(|a| a.is_history(today));
        let body = if list.is_empty() {
            view! { <p>{t.plan_advice_none()}</p> }.into_any()
        } else {
            view! { <ul class="plain advice-list">{list.iter().map(|a| advice_item(t, a)).collect_view()}</ul> }
            .into_any()
        };
        // Breaks long past still explain the chart, folded away from what needs acting on.
        let earlier = (!history.is_empty()).then(|| {
            let count = history.len().to_string();
            view! {
                <details class="advice-earlier">
                    <summary>{t.dialogue_advice_earlier(&count)}</summary>
                    <ul class="plain advice-list">
                        {history.iter().map(|a| advice_item(t, a)).collect_view()}
                    </ul>
                </details>
            }
        });
        view! {
            <section class="panel plan-advice" aria-labelledby="advice-heading">
                <h2 id="advice-heading">{t.plan_advice_heading()}</h2>
                <p class="help">{t.plan_advice_intro()}</p>
                {body}
                {earlier}
            </section>
        }
    }
}

/// How often the participant's counsellor has changed: information, never a score.
#[component]
pub fn CounsellorChanges(pid: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let changes =
        Memo::new(move |_| state.read(|d| d.participant(&pid.get()).map(counsellor_changes)));
    move || {
        let t = i18n.t();
        changes.get().map(|count| {
            let text = if count == 0 {
                t.plan_changes_none().to_owned()
            } else {
                t.plan_changes_count(count.to_string())
            };
            view! {
                <div class="continuity">
                    <p>{text} " " {t.plan_changes_why()}</p>
                    {read_more(t, "continuity")}
                </div>
            }
        })
    }
}
