use leptos::prelude::*;

use crate::components::chart_view::ChartView;
use crate::domain::charts::{RadarSeries, spider_chart};
use crate::domain::examples::SAM;
use crate::i18n::use_i18n;

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

/// `/training`: what the BIP research found, and a fictional example person.
#[component]
pub fn TrainingPage() -> impl IntoView {
    let i18n = use_i18n();
    let chart = move |width| {
        let t = i18n.t();
        let axes = t.item_axes();
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
    scroll_to_named_section();
    view! {
        <h1>{i18n.text(|t| t.training_title)}</h1>
        <p class="lead">{i18n.text(|t| t.training_intro)}</p>
        <h2>{i18n.text(|t| t.training_principles_heading)}</h2>
        <ol class="principles">
            <li id="belief">{i18n.text(|t| t.training_principle_belief)}</li>
            <li id="continuity">{i18n.text(|t| t.training_principle_continuity)}</li>
            <li id="parallel">{i18n.text(|t| t.training_principle_parallel)}</li>
            <li id="no-breaks">{i18n.text(|t| t.training_principle_no_breaks)}</li>
        </ol>
        <h2 id="follow-up">{i18n.text(|t| t.training_follow_up_heading)}</h2>
        <p>{i18n.text(|t| t.training_follow_up_text)}</p>
        <p class="source">{i18n.text(|t| t.training_source)}</p>
        <section class="example">
            <h2>{i18n.text(|t| t.training_example_heading)}</h2>
            <p>{i18n.text(|t| t.training_example_text)}</p>
            <ChartView
                id="example-chart"
                draw=chart
                label=Signal::derive(move || i18n.t().training_chart_label.to_owned())
            />
        </section>
        <p>{i18n.text(|t| t.training_more_coming)}</p>
    }
}
