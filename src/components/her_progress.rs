use leptos::prelude::*;

use crate::components::progress_view::{
    Moved, NamedRounds, NumbersTable, OnceAnswered, Shown, chart_label, dated, png_name,
    radar_series, rounds_of,
};
use crate::components::spider_svg::SpiderSvg;
use crate::domain::progression::View;
use crate::i18n::use_i18n;

/// What a participant sees of herself on her summary and thanks pages: her own answers only,
/// her latest round and the one before, as a diagram, a table and in words. The diagram is SVG,
/// so that her pages load no chart library (see `spider_svg`).
#[component]
pub fn HerProgress(pid: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let rounds = rounds_of(pid);
    let lines = Memo::new(move |_| {
        let participant = rounds.with(|(participant, _)| participant.clone());
        let before = participant.len().saturating_sub(2);
        dated(i18n.t(), participant[before..].to_vec())
    });
    let shown = RwSignal::new(Shown::Only(View::Participant));
    view! {
        <section class="panel progress hers" aria-labelledby="progress-heading">
            <h2 id="progress-heading">{i18n.text(|t| t.dialogue_hers_heading())}</h2>
            <p class="help">{i18n.text(|t| t.dialogue_hers_intro())}</p>
            <OnceAnswered lines=lines>
                <HerDiagram lines=lines />
                <Moved rounds=rounds shown=shown />
            </OnceAnswered>
        </section>
    }
}

/// Her rounds as her spider diagram (SVG) and the same numbers as a table.
#[component]
pub fn HerDiagram(lines: Memo<NamedRounds>) -> impl IntoView {
    let i18n = use_i18n();
    let series = Signal::derive(move || radar_series(i18n.t(), lines.get()));
    view! {
        <SpiderSvg
            id="participant-chart"
            series=series
            label=chart_label(lines)
            png_name=png_name()
        />
        <NumbersTable lines=lines />
    }
}
