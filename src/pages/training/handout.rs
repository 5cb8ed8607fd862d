//! `/training/handout`: the findings on one A4 page to hand out after a workshop (print
//! stylesheet in style/main.css, "Training and workshop").

use leptos::prelude::*;
use leptos_router::components::A;

use super::findings::finding_text;
use crate::domain::training::findings::Finding;
use crate::i18n::use_i18n;
use crate::routes::Route;

/// Height of one bar and the room for its label, in the drawing's units.
const ROW: f64 = 18.0;
const LABEL: f64 = 150.0;
const WIDTH: f64 = 360.0;

/// The finding's bars as a small drawing: a label, a bar to scale (0–100%) and its value.
#[component]
fn HandoutBars(finding: Finding, values: Vec<f64>) -> impl IntoView {
    let i18n = use_i18n();
    let height = ROW * values.len() as f64;
    let rows = move || {
        let labels = finding_text(i18n.t(), finding, "bars").split('|');
        labels
            .zip(values.clone())
            .enumerate()
            .map(|(i, (label, value))| {
                let y = ROW * i as f64;
                let bar = (WIDTH - LABEL - 40.0) * value / 100.0;
                view! {
                    <text x="0" y=y + 13.0 class="bar-label">
                        {label.to_owned()}
                    </text>
                    <rect x=LABEL y=y + 3.0 width=bar.max(1.0) height=ROW - 6.0 class="bar" />
                    <text x=LABEL + bar + 4.0 y=y + 13.0 class="bar-value">
                        {format!("{value}%")}
                    </text>
                }
            })
            .collect_view()
    };
    view! {
        <svg class="handout-bars" viewBox=format!("0 0 {WIDTH} {height}") aria-hidden="true">
            {rows}
        </svg>
    }
}

#[component]
pub fn HandoutPage() -> impl IntoView {
    let i18n = use_i18n();
    let print = move |_| {
        let _ = window().print();
    };
    let findings = Finding::ALL
        .iter()
        .filter_map(|finding| finding.bars().map(|bars| (*finding, bars)))
        .map(|(finding, bars)| {
            view! {
                <section class="handout-finding">
                    <h2>{move || finding_text(i18n.t(), finding, "title")}</h2>
                    <p>{move || finding_text(i18n.t(), finding, "figure")}</p>
                    <HandoutBars finding=finding values=bars />
                </section>
            }
        })
        .collect_view();
    view! {
        <div class="print-tools actions">
            <button type="button" class="button" on:click=print>
                {i18n.text(|t| t.workshop_handout_print())}
            </button>
            <A href=Route::Training.href() attr:class="button secondary">
                {i18n.text(|t| t.training_title())}
            </A>
        </div>
        <article class="handout">
            <h1>{i18n.text(|t| t.workshop_handout_title())}</h1>
            <p class="lead">{i18n.text(|t| t.workshop_handout_intro())}</p>
            <div class="handout-grid">{findings}</div>
            <p class="handout-principles">{i18n.text(|t| t.workshop_handout_principles())}</p>
            <p class="source">
                {i18n.text(|t| t.workshop_average())} " " {i18n.text(|t| t.workshop_source())}
            </p>
        </article>
    }
}
