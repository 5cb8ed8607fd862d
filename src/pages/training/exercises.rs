//! `/training/exercises`: "What would you do next?", building a plan together in the training
//! caseload, and prompts for the four kinds of reflection.

use leptos::prelude::*;

use super::people::{Reveal, WhatNext};
use super::reflection_log::ReflectionLog;
use crate::components::training_banner::open_training;
use crate::domain::training::people::PEOPLE;
use crate::domain::training::presentation::EXERCISE_ROUND;
use crate::i18n::use_i18n;
use crate::routes::{Route, use_go};
use crate::state::use_state;

const REFLECTIONS: [&str; 4] = ["self", "critical", "perspective", "instrumental"];

/// The four kinds of reflection, each with its questions.
#[component]
pub fn ReflectionPrompts() -> impl IntoView {
    let i18n = use_i18n();
    let kinds = REFLECTIONS
        .iter()
        .map(|kind| {
            let title = format!("workshop_reflection_{kind}");
            let prompts = format!("workshop_reflection_{kind}_prompts");
            view! {
                <div class="reflection-kind">
                    <h3>{move || i18n.t().lookup(&title).unwrap_or_default()}</h3>
                    <ul>
                        {move || {
                            i18n.t()
                                .lookup(&prompts)
                                .unwrap_or_default()
                                .split('|')
                                .map(|p| view! { <li>{p.to_owned()}</li> })
                                .collect_view()
                        }}
                    </ul>
                </div>
            }
        })
        .collect_view();
    view! {
        <h2>{i18n.text(|t| t.workshop_reflection_heading())}</h2>
        <p>{i18n.text(|t| t.workshop_reflection_intro())}</p>
        <div class="reflection-kinds">{kinds}</div>
    }
}

#[component]
pub fn ExercisesPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let navigate = use_go();
    let person = RwSignal::new(1_usize);
    let revealed = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let plan_buttons = PEOPLE
        .iter()
        .map(|who| {
            let navigate = navigate.clone();
            let build = move |_| {
                if open_training(state).is_ok() {
                    navigate(&Route::Plan(who.id).href(), Default::default());
                } else {
                    failed.set(true);
                }
            };
            view! {
                <li>
                    <button type="button" class="button secondary" on:click=build>
                        {move || i18n.t().workshop_exercise_plan_open(who.name)}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>{i18n.text(|t| t.workshop_exercises_title())}</h1>
        <section class="panel exercise">
            <label class="field">
                <span>{i18n.text(|t| t.workshop_pick_person())}</span>
                <select
                    id="exercise-person"
                    on:change=move |ev| {
                        person.set(event_target_value(&ev).parse().unwrap_or(0));
                        revealed.set(false);
                    }
                >
                    {PEOPLE
                        .iter()
                        .enumerate()
                        .map(|(i, who)| {
                            view! {
                                <option value=i.to_string() selected=i == 1>
                                    {who.name}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <div id="what-next">
                {move || view! { <WhatNext person=person.get() round=EXERCISE_ROUND /> }}
            </div>
            <Show
                when=move || revealed.get()
                fallback=move || {
                    view! {
                        <button type="button" class="button" on:click=move |_| revealed.set(true)>
                            {i18n.text(|t| t.workshop_reveal_button())}
                        </button>
                    }
                }
            >
                <div class="reveal">
                    {move || view! { <Reveal person=person.get() round=EXERCISE_ROUND /> }}
                </div>
            </Show>
        </section>
        <section class="panel" aria-labelledby="plan-together">
            <h2 id="plan-together">{i18n.text(|t| t.workshop_exercise_plan_heading())}</h2>
            <p>{i18n.text(|t| t.workshop_exercise_plan_text())}</p>
            <Show when=move || failed.get()>
                <p class="error" role="alert">
                    {i18n.text(|t| t.workshop_sandbox_failed())}
                </p>
            </Show>
            <ul class="plain actions">{plan_buttons}</ul>
        </section>
        <section class="panel">
            <ReflectionPrompts />
        </section>
        <ReflectionLog />
    }
}
