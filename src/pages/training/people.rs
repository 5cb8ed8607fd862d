//! The fictional people on screen: their stories, a round of their journey, and what happened
//! after the round an exercise stops at. Drawn from the domain's data, so they work with or
//! without the training caseload open.

use leptos::prelude::*;

use crate::components::chart_description::rounds_description;
use crate::components::chart_view::ChartView;
use crate::domain::charts::{RadarSeries, spider_chart};
use crate::domain::training::people::{FictionalPerson, PEOPLE, Principle};
use crate::i18n::{Texts, use_i18n};

pub fn story(t: &'static Texts, person: &FictionalPerson) -> &'static str {
    t.lookup(&format!("workshop_story_{}", person.name.to_lowercase()))
        .unwrap_or_default()
}

pub fn principle(t: &'static Texts, principle: Principle) -> &'static str {
    match principle {
        Principle::Parallel => t.workshop_principle_parallel(),
        Principle::Staircase => t.workshop_principle_staircase(),
        Principle::Continuity => t.workshop_principle_continuity(),
        Principle::NoBreaks => t.workshop_principle_no_breaks(),
        Principle::Belief => t.workshop_principle_belief(),
    }
}

/// The activities' names, joined for a sentence.
fn activity_list(t: &'static Texts, ids: &[&str]) -> String {
    ids.iter()
        .map(|id| t.seed_activity(id).unwrap_or(id))
        .collect::<Vec<_>>()
        .join(", ")
}

fn average(answers: &[u8]) -> String {
    let sum: u32 = answers.iter().map(|a| u32::from(*a)).sum();
    format!("{:.1}", f64::from(sum) / answers.len() as f64)
}

/// The person's first round and round `round`, as a spider diagram.
#[component]
pub fn JourneyChart(person: usize, round: usize, id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let person = &PEOPLE[person];
    let draw = move |width| {
        let t = i18n.t();
        let series = |name: &str, index: usize| RadarSeries {
            name: name.to_owned(),
            values: person.rounds[index]
                .answers
                .iter()
                .map(|a| Some(*a))
                .collect(),
            details: Vec::new(),
        };
        let mut rounds = vec![series(t.workshop_journey_first(), 0)];
        if round > 0 {
            rounds.push(series(t.workshop_journey_this(), round));
        }
        spider_chart(&t.item_axes(), &rounds, width)
    };
    let label = Signal::derive(move || {
        let t = i18n.t();
        let label = t.workshop_journey_chart((round + 1).to_string(), person.name);
        let mut rounds = vec![t.workshop_journey_first().to_owned()];
        if round > 0 {
            rounds.push(t.workshop_journey_this().to_owned());
        }
        let latest: Vec<Option<u8>> = person.rounds[round]
            .answers
            .iter()
            .map(|a| Some(*a))
            .collect();
        rounds_description(t, &label, &rounds, &t.item_axes(), &latest)
    });
    view! { <ChartView id=id draw=draw label=label /> }
}

/// One round of a person's journey: who was their counsellor, what they had, their diagram.
#[component]
pub fn JourneyRound(person: usize, round: usize) -> impl IntoView {
    let i18n = use_i18n();
    let who = &PEOPLE[person];
    let story_round = &who.rounds[round];
    let count = who.rounds.len().to_string();
    let title = move || {
        i18n.t()
            .workshop_journey_title(&count, (round + 1).to_string(), who.name)
    };
    let had = move || {
        let t = i18n.t();
        if story_round.had.is_empty() {
            t.workshop_journey_break().to_owned()
        } else {
            t.workshop_journey_had(activity_list(t, story_round.had))
        }
    };
    let counsellor = move || {
        i18n.t()
            .workshop_journey_counsellor(who.counsellor_at(round))
    };
    view! {
        <h2>{title}</h2>
        <p class="finding-figure">{had}</p>
        <p>{counsellor}</p>
        <JourneyChart person=person round=round id="journey-chart" />
    }
}

/// "What would you do next?": the person as they stood at `round`, and questions for the room.
#[component]
pub fn WhatNext(person: usize, round: usize) -> impl IntoView {
    let i18n = use_i18n();
    let who = &PEOPLE[person];
    let count = who.rounds.len().to_string();
    let intro = move || {
        i18n.t()
            .workshop_next_intro(&count, (round + 1).to_string(), who.name)
    };
    let prompts = move || {
        i18n.t()
            .workshop_next_prompts(who.name)
            .split('|')
            .map(|p| view! { <li>{p.to_owned()}</li> })
            .collect_view()
    };
    view! {
        <h2>{i18n.text(|t| t.workshop_next_title())}</h2>
        <p class="finding-figure">{intro}</p>
        <ul class="prompts">{prompts}</ul>
        <JourneyChart person=person round=round id="what-next-chart" />
    }
}

/// What happened after `round`: the latest diagram, how the average moved, and the plan.
#[component]
pub fn Reveal(person: usize, round: usize) -> impl IntoView {
    let i18n = use_i18n();
    let who = &PEOPLE[person];
    let last = who.rounds.len() - 1;
    let moved = move || {
        i18n.t().workshop_reveal_rounds(
            average(&who.rounds[round].answers),
            average(&who.rounds[last].answers),
        )
    };
    let plan = move || {
        let t = i18n.t();
        who.plan
            .iter()
            .map(|step| view! { <li>{t.seed_activity(step.catalogue_id).unwrap_or(step.catalogue_id)}</li> })
            .collect_view()
    };
    view! {
        <h2>{move || i18n.t().workshop_reveal_title(who.name)}</h2>
        <p class="finding-figure">{moved}</p>
        <p>{move || story(i18n.t(), who)}</p>
        <h3>{i18n.text(|t| t.workshop_reveal_plan())}</h3>
        <ul>{plan}</ul>
        <JourneyChart person=person round=last id="reveal-chart" />
    }
}
