//! `/training/present`: the workshop on a projector. One slide at a time over the whole
//! window (full screen where the browser allows it), large type, a slide counter, and the keys
//! a presenter's clicker sends (arrows, Page Up/Down), Home/End, and Esc to leave.

use leptos::{ev, html, prelude::*};
use leptos_router::hooks::use_query_map;

use super::exercises::ReflectionPrompts;
use super::findings::FindingView;
use super::people::{JourneyRound, Reveal, WhatNext};
use crate::domain::training::presentation::{Move, Slide, workshop};
use crate::i18n::use_i18n;
use crate::routes::{Route, use_go};

fn slide_view(slide: Slide) -> AnyView {
    match slide {
        Slide::Title => view! { <TitleSlide /> }.into_any(),
        Slide::Finding(finding) => view! { <FindingView finding=finding /> }.into_any(),
        Slide::Journey { person, round } => {
            view! { <JourneyRound person=person round=round /> }.into_any()
        }
        Slide::Exercise { person, round } => {
            view! { <WhatNext person=person round=round /> }.into_any()
        }
        Slide::Reveal { person, round } => {
            view! { <Reveal person=person round=round /> }.into_any()
        }
        Slide::Reflection => view! { <ReflectionPrompts /> }.into_any(),
    }
}

#[component]
fn TitleSlide() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="title-slide">
            <h2>{i18n.text(|t| t.workshop_present_title())}</h2>
            <p class="finding-figure">{i18n.text(|t| t.workshop_present_subtitle())}</p>
            <p class="source">{i18n.text(|t| t.workshop_source())}</p>
        </div>
    }
}

fn exit_fullscreen() {
    if document().fullscreen_element().is_some() {
        document().exit_fullscreen();
    }
}

#[component]
pub fn PresentationPage() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_go();
    let slides = workshop();
    let count = slides.len();
    // "?slide=3" starts at the third slide (the overview links each finding to its slide).
    let start = use_query_map()
        .get_untracked()
        .get("slide")
        .and_then(|n| n.parse::<usize>().ok())
        .map_or(0, |n| n.saturating_sub(1).min(count - 1));
    let current = RwSignal::new(start);
    let frame = NodeRef::<html::Div>::new();
    let leave = move || {
        exit_fullscreen();
        navigate(&Route::Training.href(), Default::default());
    };
    let step = move |m: Move| current.update(|c| *c = m.apply(*c, count));
    let keys = window_event_listener(ev::keydown, {
        let leave = leave.clone();
        move |event| {
            if event.ctrl_key() || event.alt_key() || event.meta_key() {
                return;
            }
            if event.key() == "Escape" {
                event.prevent_default();
                leave();
            } else if let Some(m) = Move::from_key(&event.key()) {
                event.prevent_default();
                step(m);
            }
        }
    });
    on_cleanup(move || {
        keys.remove();
        exit_fullscreen();
    });
    let fullscreen = move |_| {
        if let Some(frame) = frame.get_untracked() {
            let _ = frame.request_fullscreen();
        }
    };
    Effect::new(move |_| {
        if let Some(frame) = frame.get() {
            let _ = frame.focus();
        }
    });
    let counter = move || {
        i18n.t()
            .workshop_present_counter(count.to_string(), (current.get() + 1).to_string())
    };
    view! {
        <div
            node_ref=frame
            class="presentation"
            tabindex="-1"
            role="region"
            aria-roledescription=move || i18n.t().workshop_present_label()
            aria-label=move || i18n.t().workshop_present_label()
        >
            <section class="slide" aria-live="polite">
                {move || slide_view(slides[current.get()])}
            </section>
            <nav class="slide-controls" aria-label=move || i18n.t().workshop_present_label()>
                <button
                    type="button"
                    class="button secondary"
                    disabled=move || current.get() == 0
                    on:click=move |_| step(Move::Previous)
                >
                    {i18n.text(|t| t.workshop_present_previous())}
                </button>
                <span class="slide-counter">{counter}</span>
                <button
                    type="button"
                    class="button"
                    disabled=move || current.get() + 1 == count
                    on:click=move |_| step(Move::Next)
                >
                    {i18n.text(|t| t.workshop_present_next())}
                </button>
                <button type="button" class="button secondary" on:click=fullscreen>
                    {i18n.text(|t| t.workshop_present_fullscreen())}
                </button>
                <button type="button" class="button secondary" on:click=move |_| leave()>
                    {i18n.text(|t| t.workshop_present_leave())}
                </button>
                <span class="slide-keys">{i18n.text(|t| t.workshop_present_keys())}</span>
            </nav>
        </div>
    }
}
