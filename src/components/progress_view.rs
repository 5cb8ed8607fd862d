use leptos::prelude::*;

use crate::components::chart_description::rounds_description;
use crate::components::chart_view::ChartView;
use crate::domain::assessment::next_follow_up_due;
use crate::domain::charts::{RadarSeries, spider_chart};
use crate::domain::over_time::{ItemLine, over_time_chart, quiet_periods};
use crate::domain::progression::{
    Change, RoundValues, View, differences, progression, round_values,
};
use crate::domain::questionnaire::ParticipantItem;
use crate::i18n::{TextWith, Texts, use_i18n};
use crate::state::use_state;

/// Which lines the diagram shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shown {
    Only(View),
    /// The latest round of each, side by side, to see where the views differ.
    Both,
}

fn change_text(t: &Texts, change: Change) -> String {
    let (date, steps) = (t.date(change.since), change.steps.unsigned_abs());
    match change.steps {
        0 => t.progress_same(date),
        1 => t.progress_up_one(date),
        -1 => t.progress_down_one(date),
        s if s > 0 => t.progress_up_many(date, steps),
        _ => t.progress_down_many(date, steps),
    }
}

/// What a tap on a point shows: the round, the item and its question, the described step,
/// and the comment.
fn details(t: &Texts, round_name: &str, round: &RoundValues) -> Vec<String> {
    ParticipantItem::ALL
        .iter()
        .zip(&round.values)
        .zip(&round.comments)
        .map(|((item, value), comment)| {
            let answer = value.map_or(t.questions_rather_not().to_owned(), |v| {
                format!("{v}. {}", t.steps(item.id())[usize::from(v) - 1])
            });
            let comment = comment
                .as_ref()
                .map(|c| format!("\n“{c}”"))
                .unwrap_or_default();
            let question = t.item_question(*item);
            format!(
                "{round_name}\n{}: {question}\n{answer}{comment}",
                t.item_short(*item)
            )
        })
        .collect()
}

fn item_list(t: &Texts, items: &[ParticipantItem]) -> String {
    items
        .iter()
        .map(|i| t.item_short(*i))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A participant's rounds, as she answered them and as her counsellor rated them.
pub(crate) type BothViews = (Vec<RoundValues>, Vec<RoundValues>);

/// One diagram line per round, named by its date.
pub(crate) type NamedRounds = Vec<(String, RoundValues)>;

pub(crate) fn rounds_of(pid: Memo<String>) -> Memo<BothViews> {
    let state = use_state();
    Memo::new(move |_| {
        state.read(|d| {
            let rounds = d.rounds_of(&pid.get());
            (
                round_values(&rounds, View::Participant),
                round_values(&rounds, View::Counsellor),
            )
        })
    })
}

pub(crate) fn dated(t: &Texts, rounds: Vec<RoundValues>) -> NamedRounds {
    rounds.into_iter().map(|r| (t.date(r.date), r)).collect()
}

/// The diagram's lines, each with the text a tap on its points shows.
pub(crate) fn radar_series(t: &Texts, lines: NamedRounds) -> Vec<RadarSeries> {
    lines
        .into_iter()
        .map(|(name, round)| RadarSeries {
            details: details(t, &name, &round),
            name,
            values: round.values,
        })
        .collect()
}

/// What a screen reader hears of the diagram: its rounds, and where the latest is highest and
/// lowest.
pub(crate) fn chart_label(lines: Memo<NamedRounds>) -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || {
        let t = i18n.t();
        let lines = lines.get();
        let names: Vec<String> = lines.iter().map(|(name, _)| name.clone()).collect();
        let latest = lines
            .last()
            .map(|(_, r)| r.values.as_slice())
            .unwrap_or_default();
        rounds_description(t, t.progress_chart_label(), &names, &t.item_axes(), latest)
    })
}

pub(crate) fn png_name() -> Signal<String> {
    Signal::derive(|| format!("stegvis-diagram-{}.png", crate::browser::today()))
}

/// The spider diagram of one participant with the same numbers as a table, how each item has
/// moved in words, where participant and counsellor see things differently, and each item over
/// time. (What she sees of herself is `HerProgress`.)
#[component]
pub fn ProgressView(pid: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let shown = RwSignal::new(Shown::Only(View::Participant));
    let rounds = rounds_of(pid);
    // The lines to draw, each with its legend name.
    let lines = Memo::new(move |_| {
        let t = i18n.t();
        let (participant, counsellor) = rounds.get();
        let dated = |rounds| dated(t, rounds);
        match shown.get() {
            Shown::Only(View::Participant) => dated(participant),
            Shown::Only(View::Counsellor) => dated(counsellor),
            Shown::Both => {
                let named = |text: TextWith<String>, r: RoundValues| (text(t, t.date(r.date)), r);
                participant
                    .last()
                    .cloned()
                    .map(|r| named(Texts::progress_series_participant, r))
                    .into_iter()
                    .chain(
                        counsellor
                            .last()
                            .cloned()
                            .map(|r| named(Texts::progress_series_counsellor, r)),
                    )
                    .collect()
            }
        }
    });
    let draw = move |width| {
        let t = i18n.t();
        spider_chart(&t.item_axes(), &radar_series(t, lines.get()), width)
    };
    let option = move |value: Shown, label: fn(&Texts) -> &'static str| {
        view! {
            <label class="check">
                <input
                    type="radio"
                    name="progress-view"
                    prop:checked=move || shown.get() == value
                    on:change=move |_| shown.set(value)
                />
                <span>{move || label(i18n.t())}</span>
            </label>
        }
    };
    view! {
        <section class="panel progress" aria-labelledby="progress-heading">
            <h2 id="progress-heading">{i18n.text(|t| t.progress_heading())}</h2>
            <fieldset class="view-toggle">
                <legend>{i18n.text(|t| t.progress_view_label())}</legend>
                {option(Shown::Only(View::Participant), |t| t.progress_view_participant())}
                {option(Shown::Only(View::Counsellor), |t| t.progress_view_counsellor())}
                {option(Shown::Both, |t| t.progress_view_both())}
            </fieldset>
            <OnceAnswered lines=lines>
                <ChartView
                    id="participant-chart"
                    draw=draw
                    label=chart_label(lines)
                    png_name=png_name()
                />
                <NumbersTable lines=lines />
                <Differences rounds=rounds shown=shown />
                <Moved rounds=rounds shown=shown />
                <OverTime pid=pid rounds=rounds shown=shown />
            </OnceAnswered>
        </section>
    }
}

/// Its children once there is a round to show; until then, that there are no answers yet.
#[component]
pub(crate) fn OnceAnswered(lines: Memo<NamedRounds>, children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show
            when=move || !lines.get().is_empty()
            fallback=move || view! { <p>{i18n.text(|t| t.progress_no_answers())}</p> }
        >
            {children()}
        </Show>
    }
}

/// The same numbers as the diagram, for screen readers and anyone who prefers numbers.
#[component]
pub(crate) fn NumbersTable(lines: Memo<NamedRounds>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = i18n.t();
        let lines = lines.get();
        view! {
            <p id="numbers-help" class="help">
                {t.progress_table_caption()}
            </p>
            // Scrolls sideways when there are many rounds: reachable by keyboard, and named.
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="numbers-help">
                <table class="numbers" aria-describedby="numbers-help">
                    <thead>
                        <tr>
                            <th scope="col">{t.progress_table_area()}</th>
                            {lines
                                .iter()
                                .map(|(name, _)| view! { <th scope="col">{name.clone()}</th> })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {ParticipantItem::ALL
                            .iter()
                            .enumerate()
                            .map(|(index, item)| {
                                view! {
                                    <tr>
                                        <th scope="row">{t.item_short(*item)}</th>
                                        {lines
                                            .iter()
                                            .map(|(_, round)| {
                                                let value = round
                                                    .values[index]
                                                    .map_or("–".to_owned(), |v| t.number(v));
                                                view! { <td>{value}</td> }
                                            })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
    }
}

/// Where the participant's and the counsellor's latest answers differ by two steps or more.
#[component]
fn Differences(rounds: Memo<BothViews>, shown: RwSignal<Shown>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        if shown.get() != Shown::Both {
            return None;
        }
        let t = i18n.t();
        let (participant, counsellor) = rounds.get();
        let (p, c) = (participant.last()?, counsellor.last()?);
        let items = differences(p, c);
        let text = if items.is_empty() {
            t.progress_no_topics().to_owned()
        } else {
            t.progress_topics(item_list(t, &items))
        };
        Some(view! { <p class="topics">{text}</p> })
    }
}

/// Per item, in words: the latest answer and how it moved; then which items went up or down.
#[component]
pub(crate) fn Moved(rounds: Memo<BothViews>, shown: RwSignal<Shown>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let Shown::Only(view) = shown.get() else {
            return None;
        };
        let t = i18n.t();
        let (participant, counsellor) = rounds.get();
        let progress = progression(if view == View::Participant {
            &participant
        } else {
            &counsellor
        });
        let moved: Vec<_> = progress
            .iter()
            .filter(|p| p.since_previous.is_some())
            .collect();
        if moved.is_empty() {
            return Some(
                view! {
                    <h3>{t.progress_moved_heading()}</h3>
                    <p>{t.progress_too_few()}</p>
                }
                .into_any(),
            );
        }
        let group = |keep: fn(i8) -> bool| -> Vec<ParticipantItem> {
            moved
                .iter()
                .filter(|p| p.since_previous.is_some_and(|c| keep(c.steps)))
                .map(|p| p.item)
                .collect()
        };
        let summary: [(TextWith<String>, _); 3] = [
            (Texts::progress_moved_up, group(|s| s > 0)),
            (Texts::progress_moved_down, group(|s| s < 0)),
            (Texts::progress_stayed, group(|s| s == 0)),
        ];
        Some(view! {
            <h3>{t.progress_moved_heading()}</h3>
            <ul class="moved">
                {summary
                    .into_iter()
                    .filter(|(_, items)| !items.is_empty())
                    .map(|(text, items)| view! { <li>{text(t, item_list(t, &items))}</li> })
                    .collect_view()}
            </ul>
            <ul class="moved-items">
                {moved
                    .iter()
                    .map(|p| {
                        let previous = p
                            .since_previous
                            .map(|c| change_text(t, c))
                            .unwrap_or_default();
                        let first = p
                            .since_first
                            .filter(|c| Some(c.since) != p.since_previous.map(|x| x.since))
                            .map(|c| format!(" · {}", t.progress_since_first(change_text(t, c))))
                            .unwrap_or_default();
                        let latest = p.latest.map(|(_, v)| v.to_string()).unwrap_or_default();
                        view! {
                            <li>
                                <strong>{t.item_short(p.item)}</strong>
                                {format!(": {latest}, {previous}{first}")}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }.into_any())
    }
}

/// One item or all over time, with the next follow-up and breaks without activity marked.
#[component]
fn OverTime(pid: Memo<String>, rounds: Memo<BothViews>, shown: RwSignal<Shown>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    // None: all items.
    let item = RwSignal::new(None::<ParticipantItem>);
    let marks = Memo::new(move |_| {
        state.read(|d| {
            let rounds = d.rounds_of(&pid.get());
            (
                next_follow_up_due(rounds.iter().copied()),
                quiet_periods(&rounds),
            )
        })
    });
    // The rounds drawn, and a line for each area shown.
    let shown_lines = move || {
        let t = i18n.t();
        let (participant, counsellor) = rounds.get();
        let source = if shown.get() == Shown::Only(View::Counsellor) {
            counsellor
        } else {
            participant
        };
        let lines: Vec<ItemLine> = ParticipantItem::ALL
            .iter()
            .enumerate()
            .filter(|(_, i)| item.get().is_none_or(|chosen| chosen == **i))
            .map(|(index, i)| ItemLine {
                name: t.item_short(*i).to_owned(),
                points: source.iter().map(|r| (r.date, r.values[index])).collect(),
            })
            .collect();
        (source, lines)
    };
    let draw = move |width| {
        let t = i18n.t();
        let (_, lines) = shown_lines();
        let (due, quiet) = marks.get();
        over_time_chart(
            &lines,
            due.map(|d| (d, t.progress_next_follow_up())),
            &quiet,
            t.progress_no_activity(),
            width,
        )
    };
    view! {
        <h3>{i18n.text(|t| t.progress_over_time_heading())}</h3>
        <label for="over-time-item">{i18n.text(|t| t.progress_area_label())}</label>
        <select
            id="over-time-item"
            on:change=move |ev| item.set(ParticipantItem::from_id(&event_target_value(&ev)))
        >
            <option value="">{i18n.text(|t| t.progress_all_areas())}</option>
            {ParticipantItem::ALL
                .iter()
                .map(|i| view! { <option value=i.id()>{move || i18n.t().item_short(*i)}</option> })
                .collect_view()}
        </select>
        <ChartView
            id="over-time-chart"
            draw=draw
            label=Signal::derive(move || {
                let t = i18n.t();
                let (source, lines) = shown_lines();
                let dates: Vec<String> = source.iter().map(|r| t.date(r.date)).collect();
                let areas: Vec<&str> = lines.iter().map(|l| l.name.as_str()).collect();
                let latest: Vec<Option<u8>> = lines
                    .iter()
                    .map(|l| l.points.last().and_then(|(_, v)| *v))
                    .collect();
                rounds_description(t, t.progress_over_time_label(), &dates, &areas, &latest)
            })
        />
    }
}
