//! `/counsellor/:pid/plan`: the action plan, made together on a shared screen: the goal, focus
//! areas from the spider diagram, sub-goals, parallel activities, a timeline and BIP's advice.
//! `/counsellor/:pid/plan/print` is the same plan on paper.

mod activities;
mod editor;
mod fields;
mod focus;
mod give;
mod goal;
pub(crate) mod labels;
pub mod print;
mod row;
mod sub_goals;
mod timeline;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::plan_advice::AdviceList;
use crate::i18n::use_i18n;
use crate::routes::{Route, use_person_id};
use crate::state::use_state;
use activities::ActivitiesSection;
use editor::PlanEditor;
use focus::FocusSection;
use give::GivePlan;
use goal::GoalSection;
use sub_goals::SubGoalsSection;
use timeline::TimelineSection;

#[component]
pub fn PlanPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let pid = use_person_id();
    let editor = PlanEditor::new(state, pid);
    let name = Memo::new(move |_| {
        state.read(|d| d.participant(&pid.get()).map(|p| p.display_name.clone()))
    });
    // Only the participant rebuilds the page: each section follows the plan and the language
    // itself, so typing in a field or switching language never loses a draft or its place.
    move || {
        let Some(name) = name.get() else {
            return missing_participant().into_any();
        };
        let overview = Route::Person(&pid.get()).href();
        let back = {
            let name = name.clone();
            move || i18n.t().plan_back(&name)
        };
        let give = view! { <GivePlan pid=pid name=name.clone() /> };
        view! {
            <p>
                <A href=overview exact=true attr:class="link-tap">
                    {back}
                </A>
            </p>
            <h1>{i18n.text(|t| t.plan_title())} ": " {name}</h1>
            <p class="lead">{i18n.text(|t| t.plan_intro())}</p>
            <GoalSection editor=editor />
            <FocusSection editor=editor />
            <SubGoalsSection editor=editor />
            <ActivitiesSection editor=editor />
            <TimelineSection editor=editor />
            <AdviceList pid=pid counsellor_side=false />
            {give}
            <p>
                <A href=Route::PlanPrint(&pid.get()).href() attr:class="button secondary">
                    {i18n.text(|t| t.plan_print_link())}
                </A>
            </p>
        }
        .into_any()
    }
}

/// The route names a participant who is not on this device (erased, or a stale link).
fn missing_participant() -> impl IntoView {
    let t = use_i18n().t();
    view! {
        <h1>{t.caseload_not_found()}</h1>
        <p>
            <A href=Route::Caseload.href() attr:class="button">
                {t.caseload_back_to_list()}
            </A>
        </p>
    }
}
