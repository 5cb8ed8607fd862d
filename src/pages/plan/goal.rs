use leptos::prelude::*;

use super::editor::PlanEditor;
use crate::components::live_text::live_text;
use crate::domain::error::MAX_TEXT_CHARS;
use crate::domain::participant::{Goal, GoalKind};
use crate::i18n::use_i18n;

/// The goal, always work or studies, in the participant's own words. Saved on every keystroke.
#[component]
pub(super) fn GoalSection(editor: PlanEditor) -> impl IntoView {
    let i18n = use_i18n();
    let state = editor.state;
    let pid = editor.pid;
    let goal =
        Memo::new(move |_| state.read(|d| d.participant(&pid.get()).and_then(|p| p.goal.clone())));
    let save = move |kind: Option<GoalKind>, text: Option<String>| {
        let current = goal.get_untracked();
        let goal = Goal {
            kind: kind
                .or(current.as_ref().map(|g| g.kind))
                .unwrap_or(GoalKind::Work),
            text: text.or(current.map(|g| g.text)).unwrap_or_default(),
        };
        let _ = state.change(|d| d.set_goal(&pid.get_untracked(), Some(goal)));
    };
    let text = live_text(move || goal.get().map(|g| g.text).unwrap_or_default());
    let kind_option = move |kind: GoalKind, label: fn(&crate::i18n::Texts) -> &'static str| {
        view! {
            <label class="check">
                <input
                    type="radio"
                    name="goal-kind"
                    prop:checked=move || goal.get().is_some_and(|g| g.kind == kind)
                    on:change=move |_| save(Some(kind), None)
                />
                <span>{move || label(i18n.t())}</span>
            </label>
        }
    };
    view! {
        <section class="panel plan-goal" aria-labelledby="goal-heading">
            <h2 id="goal-heading">{i18n.text(|t| t.plan_goal_heading())}</h2>
            <p>{i18n.text(|t| t.plan_goal_help())}</p>
            <fieldset class="inline-choices">
                <legend>{i18n.text(|t| t.plan_goal_kind_label())}</legend>
                {kind_option(GoalKind::Work, |t| t.plan_goal_work())}
                {kind_option(GoalKind::Studies, |t| t.plan_goal_studies())}
            </fieldset>
            <label class="field">
                <span>{i18n.text(|t| t.plan_goal_text_label())}</span>
                <input
                    type="text"
                    dir="auto"
                    aria-describedby="goal-hint"
                    maxlength=MAX_TEXT_CHARS
                    prop:value=text
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        save(None, Some(text.get_untracked()));
                    }
                />
            </label>
            <p id="goal-hint" class="help">
                {i18n.text(|t| t.plan_goal_text_hint())}
            </p>
        </section>
    }
}
