//! One finding of the BIP research: its title, its figure, a chart or a picture, and its source.

use leptos::prelude::*;

use crate::components::chart_description::bars_description;
use crate::components::chart_view::ChartView;
use crate::domain::bar_charts::{BarSeries, bar_chart};
use crate::domain::interventions::InterventionGroup;
use crate::domain::training::findings::{BELIEF_SHAPERS, EXPECTATION_LEVELS, Finding};
use crate::i18n::{Texts, use_i18n};

/// A finding's text by its part ("title", "figure", "text", "bars").
pub fn finding_text(t: &'static Texts, finding: Finding, part: &str) -> &'static str {
    let key = format!("workshop_{}_{part}", finding.id().replace('-', "_"));
    t.lookup(&key).unwrap_or_default()
}

fn chart_id(finding: Finding) -> &'static str {
    match finding {
        Finding::Belief => "finding-belief-chart",
        Finding::UnconditionalYes => "finding-unconditional-yes-chart",
        Finding::Continuity => "finding-continuity-chart",
        Finding::Breaks => "finding-no-breaks-chart",
        Finding::Parallel => "finding-parallel-chart",
        Finding::Spread => "finding-spread-chart",
        Finding::Expectations => "finding-expectations-chart",
        Finding::BeliefShapers => "finding-belief-shapers-chart",
    }
}

/// The finding's figure drawn as bars (percent), or its model as a picture.
#[component]
fn FindingFigure(finding: Finding) -> impl IntoView {
    let i18n = use_i18n();
    match finding.bars() {
        Some(values) => {
            let bars = move |t: &'static Texts| {
                let categories: Vec<&str> = finding_text(t, finding, "bars").split('|').collect();
                let series = [BarSeries {
                    name: t.workshop_percent().to_owned(),
                    values: values.iter().copied().map(Some).collect(),
                }];
                (categories, series)
            };
            let draw = {
                let bars = bars.clone();
                move |width| {
                    let (categories, series) = bars(i18n.t());
                    bar_chart(&categories, &series, (0.0, 100.0), width)
                }
            };
            let label = Signal::derive(move || {
                let t = i18n.t();
                let (categories, series) = bars(t);
                let label = format!(
                    "{} {}",
                    finding_text(t, finding, "title"),
                    finding_text(t, finding, "figure")
                );
                bars_description(t, &label, &categories, &series, |v| format!("{v:.0}"))
            });
            view! { <ChartView id=chart_id(finding) draw=draw label=label /> }.into_any()
        }
        None if finding == Finding::Expectations => view! { <ExpectationLevels /> }.into_any(),
        None => view! { <BeliefShapers /> }.into_any(),
    }
}

/// Politics → management → counsellors → participants, as steps leading down.
#[component]
fn ExpectationLevels() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="model-levels">
            {EXPECTATION_LEVELS
                .iter()
                .map(|level| {
                    let key = format!("workshop_level_{level}");
                    view! { <li>{move || i18n.t().lookup(&key).unwrap_or_default()}</li> }
                })
                .collect_view()}
        </ol>
    }
}

/// The counsellor's belief in the middle, what shapes it around.
#[component]
fn BeliefShapers() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="model-shapers">
            <p class="model-centre">{i18n.text(|t| t.workshop_belief_centre())}</p>
            <ul>
                {BELIEF_SHAPERS
                    .iter()
                    .map(|shaper| {
                        let key = format!("workshop_shaper_{shaper}");
                        view! { <li>{move || i18n.t().lookup(&key).unwrap_or_default()}</li> }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// Job-focused work on its own; the three other groups beside it.
#[component]
fn ParallelGroups() -> impl IntoView {
    let i18n = use_i18n();
    let others = [
        InterventionGroup::Upskilling,
        InterventionGroup::Social,
        InterventionGroup::Health,
    ];
    view! {
        <div class="model-parallel">
            <p class="group job">
                <strong>{move || i18n.t().group_name(InterventionGroup::JobFocused)}</strong>
                <span>{i18n.text(|t| t.workshop_parallel_alone())}</span>
            </p>
            <p class="group others">
                <strong>
                    {move || {
                        let t = i18n.t();
                        others.iter().map(|g| t.group_name(*g)).collect::<Vec<_>>().join(" · ")
                    }}
                </strong>
                <span>{i18n.text(|t| t.workshop_parallel_together())}</span>
            </p>
        </div>
    }
}

/// The whole finding, as a section of /training or a slide of the presentation.
#[component]
pub fn FindingView(
    finding: Finding,
    #[prop(optional)] heading_id: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let part = move |part: &'static str| move || finding_text(i18n.t(), finding, part);
    view! {
        <h2 id=heading_id>{part("title")}</h2>
        <p class="finding-figure">{part("figure")}</p>
        <FindingFigure finding=finding />
        {(finding == Finding::Parallel).then(|| view! { <ParallelGroups /> })}
        <p>{part("text")}</p>
        <p class="source">
            {i18n.text(|t| t.workshop_average())} " " {i18n.text(|t| t.workshop_source())}
        </p>
    }
}
