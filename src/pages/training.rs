use leptos::prelude::*;

use crate::components::spider_chart::SpiderChart;
use crate::domain::charts::{RadarSeries, spider_chart};
use crate::domain::examples::SAM;
use crate::domain::questionnaire::ParticipantItem;
use crate::i18n::use_i18n;

/// `/training`: what the BIP research found, and a fictional example person.
#[component]
pub fn TrainingPage() -> impl IntoView {
    let i18n = use_i18n();
    let chart = move |width| {
        let t = i18n.t();
        let axes: Vec<&str> = ParticipantItem::ALL
            .iter()
            .map(|item| t.item_short(*item))
            .collect();
        let rounds: Vec<RadarSeries> = SAM
            .iter()
            .map(|round| RadarSeries {
                name: t.date(round.date),
                values: round.answers.to_vec(),
                details: Vec::new(),
            })
            .collect();
        spider_chart(&axes, &rounds, width)
    };
    view! {
        <h1>{move || i18n.t().training_title}</h1>
        <p class="lead">{move || i18n.t().training_intro}</p>
        <h2>{move || i18n.t().training_principles_heading}</h2>
        <ol class="principles">
            <li>{move || i18n.t().training_principle_belief}</li>
            <li>{move || i18n.t().training_principle_continuity}</li>
            <li>{move || i18n.t().training_principle_parallel}</li>
            <li>{move || i18n.t().training_principle_no_breaks}</li>
        </ol>
        <p class="source">{move || i18n.t().training_source}</p>
        <section class="example">
            <h2>{move || i18n.t().training_example_heading}</h2>
            <p>{move || i18n.t().training_example_text}</p>
            <SpiderChart
                id="example-chart"
                draw=chart
                label=Signal::derive(move || i18n.t().training_chart_label.to_owned())
            />
        </section>
        <p>{move || i18n.t().training_more_coming}</p>
    }
}
