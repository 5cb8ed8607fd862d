use std::sync::Arc;

use leptos::prelude::*;

use super::editor::PlanEditor;
use crate::components::chart_description::rounds_description;
use crate::components::chart_view::{ChartClick, ChartView};
use charming::Chart;

use crate::domain::assessment::Round;
use crate::domain::charts::{ChartWidth, RadarSeries, spider_chart};
use crate::domain::progression::{RoundValues, View, round_values};
use crate::domain::questionnaire::ParticipantItem;
use crate::i18n::{Texts, use_i18n};

/// A chosen area is marked on its spoke's name, so the diagram shows the choice too.
fn axis_name(t: &Texts, item: ParticipantItem, chosen: bool) -> String {
    let name = t.item_short(item);
    if chosen {
        format!("✓ {name}")
    } else {
        name.to_owned()
    }
}

/// The item whose spoke name was tapped. Names are compared without their line breaks,
/// which the diagram adds to long names.
fn item_of_label(t: &Texts, focus: &[ParticipantItem], label: &str) -> Option<ParticipantItem> {
    let tapped: Vec<&str> = label.split_whitespace().collect();
    ParticipantItem::ALL.into_iter().find(|item| {
        let name = axis_name(t, *item, focus.contains(item));
        name.split_whitespace().eq(tapped.iter().copied())
    })
}

/// "Now at step 3 of 5: …" for an area, from the latest answers.
pub(super) fn current_step(
    t: &Texts,
    latest: Option<&RoundValues>,
    item: ParticipantItem,
) -> String {
    let index = ParticipantItem::ALL.iter().position(|i| *i == item);
    let step = latest.zip(index).and_then(|(round, i)| round.values[i]);
    match step {
        Some(step) => {
            let anchor = t
                .steps(item.id())
                .get(usize::from(step) - 1)
                .cloned()
                .unwrap_or_default();
            t.plan_focus_step(&anchor, step.to_string())
        }
        None => t.plan_focus_no_answer().to_owned(),
    }
}

/// The diagram of the latest answers described for a screen reader: `label`, its round, and the
/// highest and lowest areas.
pub(super) fn diagram_label(t: &Texts, label: &str, latest: Option<&RoundValues>) -> String {
    let rounds: Vec<String> = latest.iter().map(|r| t.date(r.date)).collect();
    let values = latest.map(|r| r.values.as_slice()).unwrap_or_default();
    rounds_description(t, label, &rounds, &t.item_axes(), values)
}

/// The latest answers as a spider diagram, chosen focus areas marked on their names.
pub(super) fn diagram(
    t: &Texts,
    latest: Option<RoundValues>,
    chosen: &[ParticipantItem],
    width: ChartWidth,
) -> Chart {
    let names: Vec<String> = ParticipantItem::ALL
        .iter()
        .map(|item| axis_name(t, *item, chosen.contains(item)))
        .collect();
    let axes: Vec<&str> = names.iter().map(String::as_str).collect();
    let series: Vec<RadarSeries> = latest
        .into_iter()
        .map(|round| RadarSeries {
            name: t.date(round.date),
            details: ParticipantItem::ALL
                .iter()
                .map(|item| {
                    format!(
                        "{}: {}",
                        t.item_short(*item),
                        current_step(t, Some(&round), *item)
                    )
                })
                .collect(),
            values: round.values,
        })
        .collect();
    spider_chart(&axes, &series, width)
}

/// Focus areas, chosen by tapping a spoke's name in the latest diagram or ticking the list.
#[component]
pub(super) fn FocusSection(editor: PlanEditor) -> impl IntoView {
    let i18n = use_i18n();
    let state = editor.state;
    let pid = editor.pid;
    let rounds = state.rounds_of(pid);
    let latest = Memo::new(move |_| {
        rounds.with(|rounds| {
            let rounds: Vec<&Round> = rounds.iter().map(Arc::as_ref).collect();
            round_values(&rounds, View::Participant).pop()
        })
    });
    let focus = Memo::new(move |_| {
        editor.read(|plan| plan.map_or_else(Vec::new, |p| p.focus_items.clone()))
    });
    let note = RwSignal::new(String::new());
    let toggle = move |item: ParticipantItem| {
        let was_chosen = focus.get_untracked().contains(&item);
        if editor
            .apply(|plan| {
                plan.toggle_focus(item);
                Ok(())
            })
            .is_ok()
        {
            let t = i18n.t();
            let name = t.item_short(item);
            note.set(if was_chosen {
                t.plan_focus_removed_note(name)
            } else {
                t.plan_focus_chosen_note(name)
            });
        }
    };
    let on_chart_click = Callback::new(move |click: ChartClick| {
        let t = i18n.t();
        let item = match click {
            ChartClick::Point(spoke) => ParticipantItem::ALL
                .get(spoke % ParticipantItem::ALL.len())
                .copied(),
            ChartClick::Label(label) => item_of_label(t, &focus.get_untracked(), &label),
        };
        if let Some(item) = item {
            toggle(item);
        }
    });
    let draw = move |width| diagram(i18n.t(), latest.get(), &focus.get(), width);
    let choice = move |item: ParticipantItem| {
        view! {
            <li>
                <label class="check focus-choice">
                    <input
                        type="checkbox"
                        prop:checked=move || focus.get().contains(&item)
                        on:change=move |_| toggle(item)
                    />
                    <span>
                        <strong>{move || i18n.t().item_short(item)}</strong>
                        <span class="focus-step">
                            {move || current_step(i18n.t(), latest.get().as_ref(), item)}
                        </span>
                    </span>
                </label>
            </li>
        }
    };
    view! {
        <section class="panel plan-focus" aria-labelledby="focus-heading">
            <h2 id="focus-heading">{i18n.text(|t| t.plan_focus_heading())}</h2>
            <p>{i18n.text(|t| t.plan_focus_help())}</p>
            {move || {
                latest
                    .get()
                    .map(|round| {
                        view! {
                            <p class="help">
                                {i18n.t().plan_focus_from(i18n.t().date(round.date))}
                            </p>
                        }
                    })
            }}
            <Show when=move || latest.with(Option::is_some)>
                <ChartView
                    id="focus-chart"
                    draw=draw
                    label=Signal::derive(move || {
                        let t = i18n.t();
                        diagram_label(t, t.plan_focus_chart_label(), latest.get().as_ref())
                    })
                    on_click=on_chart_click
                />
            </Show>
            <fieldset>
                <legend>{i18n.text(|t| t.plan_focus_heading())}</legend>
                <ul class="plain focus-list">{ParticipantItem::ALL.map(choice)}</ul>
            </fieldset>
            <p class="status" role="status">
                {move || note.get()}
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::language::Language;
    use crate::i18n::texts;

    // Guards the diagram tap: long names reach the click with line breaks, chosen ones with a mark.
    #[test]
    fn a_tapped_spoke_name_finds_its_item() {
        let t = texts(Language::En);
        let focus = [ParticipantItem::Health];
        let wrapped = axis_name(t, ParticipantItem::ManagingJob, false).replace(' ', "\n");
        assert_eq!(
            item_of_label(t, &focus, &wrapped),
            Some(ParticipantItem::ManagingJob)
        );
        let chosen = axis_name(t, ParticipantItem::Health, true);
        assert_eq!(
            item_of_label(t, &focus, &chosen),
            Some(ParticipantItem::Health)
        );
        assert_eq!(item_of_label(t, &focus, "Nothing"), None);
    }
}
