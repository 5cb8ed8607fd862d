//! `/training` and its sub-pages: what the BIP research found, fictional people to explore
//! in a sandbox, a presentation for a projector, exercises and a one-page handout.

pub mod exercises;
pub mod findings;
pub mod handout;
pub mod people;
pub mod present;
pub mod reflection_log;

use leptos::prelude::*;
use leptos_router::components::A;

use self::findings::FindingView;
use self::people::{JourneyChart, principle, story};
use crate::components::training_banner::open_training;
use crate::domain::training::findings::Finding;
use crate::domain::training::people::PEOPLE;
use crate::domain::training::presentation::{Slide, workshop};
use crate::i18n::use_i18n;
use crate::routes::{Route, use_go};
use crate::state::use_state;
use crate::storage::space::Space;

/// Links from the plan's advice name a section ("/training#parallel"); the router does not
/// scroll there by itself, so the page does once it is drawn.
fn scroll_to_named_section() {
    request_animation_frame(|| {
        let hash = window().location().hash().unwrap_or_default();
        let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
            return;
        };
        if let Some(section) = document().get_element_by_id(id) {
            section.scroll_into_view();
        }
    });
}

/// The slide (1-based, as in "?slide=") that shows `finding`.
fn slide_of(finding: Finding) -> usize {
    workshop()
        .iter()
        .position(|s| *s == Slide::Finding(finding))
        .map_or(1, |i| i + 1)
}

/// `/training`: the findings one by one, the fictional people, and the way to the rest.
#[component]
pub fn TrainingPage() -> impl IntoView {
    let i18n = use_i18n();
    scroll_to_named_section();
    let findings = Finding::ALL
        .iter()
        .map(|finding| {
            let finding = *finding;
            let present = Route::Present {
                slide: Some(slide_of(finding)),
            }
            .href();
            view! {
                <section class="panel finding" id=finding.id()>
                    <FindingView finding=finding />
                    <p>
                        <A href=present attr:class="link-tap">
                            {i18n.text(|t| t.workshop_present_this())}
                        </A>
                    </p>
                </section>
            }
        })
        .collect_view();
    view! {
        <h1>{i18n.text(|t| t.training_title())}</h1>
        <p class="lead">{i18n.text(|t| t.training_intro())}</p>
        <ul class="plain actions training-nav">
            <li>
                <A href=Route::Present { slide: None }.href() attr:class="button">
                    {i18n.text(|t| t.workshop_present_start())}
                </A>
            </li>
            <li>
                <A href=Route::Exercises.href() attr:class="button secondary">
                    {i18n.text(|t| t.workshop_exercises_link())}
                </A>
            </li>
            <li>
                <A href=Route::Handout.href() attr:class="button secondary">
                    {i18n.text(|t| t.workshop_handout_link())}
                </A>
            </li>
        </ul>
        <FictionalPeople />
        <h2 class="section-heading">{i18n.text(|t| t.workshop_findings_heading())}</h2>
        {findings}
        <section class="panel" id="follow-up">
            <h2>{i18n.text(|t| t.training_follow_up_heading())}</h2>
            <p>{i18n.text(|t| t.training_follow_up_text())}</p>
        </section>
    }
}

/// The five fictional people, and the way into (and out of) the training caseload.
#[component]
fn FictionalPeople() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let navigate = use_go();
    let failed = RwSignal::new(false);
    let open = move |_| {
        if open_training(state).is_ok() {
            navigate(&Route::Caseload.href(), Default::default());
        } else {
            failed.set(true);
        }
    };
    let in_training = move || state.space() == Space::Training;
    // The example diagram is the first person's latest round, so it stands in her item, under
    // her story, with a caption a room watching the projector can read.
    let example_round = PEOPLE[0].rounds.len() - 1;
    let people = PEOPLE
        .iter()
        .enumerate()
        .map(|(index, who)| {
            let example = (index == 0).then(|| {
                view! {
                    <figure class="example-diagram">
                        <figcaption>
                            {move || {
                                i18n.t()
                                    .workshop_journey_chart(
                                        (example_round + 1).to_string(),
                                        who.name,
                                    )
                            }}
                        </figcaption>
                        <JourneyChart person=0 round=example_round id="example-chart" />
                    </figure>
                }
            });
            view! {
                <li class="person">
                    <h3>
                        {move || {
                            if in_training() {
                                view! { <A href=Route::Person(who.id).href()>{who.name}</A> }
                                    .into_any()
                            } else {
                                who.name.into_any()
                            }
                        }} " · "
                        <span class="principle">{move || principle(i18n.t(), who.principle)}</span>
                    </h3>
                    <p>{move || story(i18n.t(), who)}</p>
                    {example}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel people" id="people" aria-labelledby="people-heading">
            <h2 id="people-heading">{i18n.text(|t| t.workshop_people_heading())}</h2>
            <p>{i18n.text(|t| t.workshop_people_note())}</p>
            <ul class="plain">{people}</ul>
            <p>{i18n.text(|t| t.workshop_sandbox_intro())}</p>
            <Show when=move || failed.get()>
                <p class="error" role="alert">
                    {i18n.text(|t| t.workshop_sandbox_failed())}
                </p>
            </Show>
            <Show when=move || !in_training()>
                <button type="button" class="button" on:click=open.clone()>
                    {i18n.text(|t| t.workshop_sandbox_open())}
                </button>
            </Show>
        </section>
    }
}
