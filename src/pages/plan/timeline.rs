use std::collections::BTreeMap;

use chrono::Datelike;
use leptos::{ev, html, prelude::*};

use super::editor::PlanEditor;
use super::labels::{activity_dates, activity_name};
use crate::browser;
use crate::domain::plan::{Activity, ActivityStatus};
use crate::domain::timeline::{Timeline, timeline};
use crate::i18n::{Texts, use_i18n};

// Sizes in pixels: the drawing is as wide as its box, so text keeps its size on any screen.
const TOP: f64 = 26.0;
const GROUP_LABEL: f64 = 22.0;
const LANE: f64 = 26.0;
const BAR: f64 = 20.0;
const ROW_GAP: f64 = 10.0;
const BOTTOM: f64 = 22.0;
/// A rough width of one character at the 13 px the labels use, to fit names to their room.
const CHAR: f64 = 7.2;
/// The least room between two month names.
const LABEL_GAP: f64 = 10.0;

/// A name cut to fit `room` pixels.
fn fitted(name: &str, room: f64) -> Option<String> {
    let fits = (room / CHAR).floor() as usize;
    let length = name.chars().count();
    if length <= fits {
        Some(name.to_owned())
    } else if fits >= 4 {
        Some(name.chars().take(fits - 1).collect::<String>() + "…")
    } else {
        None
    }
}

fn status_class(status: ActivityStatus) -> &'static str {
    match status {
        ActivityStatus::Planned => "planned",
        ActivityStatus::UnderWay => "under-way",
        ActivityStatus::Completed => "completed",
        ActivityStatus::Stopped => "stopped",
    }
}

/// The timeline drawn `width` pixels wide: a row per group with a lane per overlapping activity,
/// month marks, today, and the breaks hatched.
pub(super) fn timeline_svg(
    t: &'static Texts,
    layout: &Timeline,
    activities: &[Activity],
    names: &BTreeMap<String, String>,
    width: f64,
) -> impl IntoView + use<> {
    let x = move |fraction: f64| fraction * width;
    let by_id: BTreeMap<&str, &Activity> = activities.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut y = TOP;
    let mut rows = Vec::new();
    for row in &layout.rows {
        let label_y = y + 15.0;
        let mut bars = Vec::new();
        for (lane_index, lane) in row.lanes.iter().enumerate() {
            let top = y + GROUP_LABEL + lane_index as f64 * LANE;
            for bar in lane {
                let Some(activity) = by_id.get(bar.activity_id.as_str()) else {
                    continue;
                };
                let name = names.get(&bar.activity_id).cloned().unwrap_or_default();
                // Completed work is marked in words too, not by colour alone.
                let name = match activity.status {
                    ActivityStatus::Completed => format!("✓ {name}"),
                    _ => name,
                };
                let (left, right) = (x(bar.start), x(bar.end));
                let inside = fitted(&name, right - left - 10.0);
                let label = match inside {
                    Some(text) => view! {
                        <text class="bar-name inside" x=left + 5.0 y=top + 14.5>
                            {text}
                        </text>
                    }
                    .into_any(),
                    None => fitted(&name, width - right - 6.0)
                        .map(|text| {
                            view! {
                                <text class="bar-name" x=right + 4.0 y=top + 14.5>
                                    {text}
                                </text>
                            }
                        })
                        .into_any(),
                };
                let title = format!("{name}: {}", activity_dates(t, activity));
                bars.push(view! {
                    <g class=format!(
                        "bar {} {}",
                        activity.group.id(),
                        status_class(activity.status),
                    )>
                        <title>{title}</title>
                        <rect x=left y=top width=(right - left).max(3.0) height=BAR rx="4" />
                        {label}
                    </g>
                });
            }
        }
        rows.push(view! {
            <text class="group-name" x="0" y=label_y>
                {t.group_name(row.group)}
            </text>
            {bars}
        });
        y += GROUP_LABEL + row.lanes.len().max(1) as f64 * LANE + ROW_GAP;
    }
    let height = y + BOTTOM;
    let bottom = height - BOTTOM;
    // A month's name is written only where it clears the one before it ("Aug 2026" is wider
    // than a month on a long plan) and the right edge: left out rather than overlapping or cut.
    let mut free_from = 0.0;
    let ticks = layout
        .ticks
        .iter()
        .enumerate()
        .map(|(index, tick)| {
            let name = if tick.date.month() == 1 || index == 0 {
                format!("{} {}", t.month_name(tick.date), tick.date.year())
            } else {
                t.month_name(tick.date).to_owned()
            };
            let start = x(tick.at) + 3.0;
            let end = start + name.chars().count() as f64 * CHAR;
            let shown = start >= free_from && end <= width;
            if shown {
                free_from = end + LABEL_GAP;
            }
            let label = shown.then(|| {
                view! {
                    <text class="tick-name" x=start y="14">
                        {name}
                    </text>
                }
            });
            view! {
                <line class="tick" x1=x(tick.at) x2=x(tick.at) y1="18" y2=bottom />
                {label}
            }
        })
        .collect_view();
    let gaps = layout
        .gaps
        .iter()
        .map(|gap| {
            let title = t.plan_timeline_gap(t.date(gap.from), t.date(gap.to));
            view! {
                <rect
                    class="gap"
                    x=x(gap.start)
                    y=TOP - 4.0
                    width=x(gap.end - gap.start)
                    height=bottom - TOP + 4.0
                >
                    <title>{title}</title>
                </rect>
            }
        })
        .collect_view();
    let today = x(layout.today);
    // "Today" sits left of its line near the right edge, so it is never cut off.
    let (today_anchor, today_x) = if today > width - 60.0 {
        ("end", today - 4.0)
    } else {
        ("start", today + 4.0)
    };
    let label = t.plan_timeline_label(t.date(layout.from), t.date(layout.to));
    view! {
        <svg
            class="timeline-drawing"
            role="img"
            aria-label=label
            width=width
            height=height
            viewBox=format!("0 0 {width} {height}")
        >
            <defs>
                <pattern
                    id="gap-hatch"
                    width="8"
                    height="8"
                    patternUnits="userSpaceOnUse"
                    patternTransform="rotate(45)"
                >
                    <rect width="8" height="8" class="gap-ground" />
                    <line x1="0" y1="0" x2="0" y2="8" class="gap-line" />
                </pattern>
            </defs>
            {gaps}
            {ticks}
            {rows}
            <line class="today" x1=today x2=today y1="18" y2=bottom />
            <text class="today-name" x=today_x y=height - 6.0 text-anchor=today_anchor>
                {t.plan_timeline_today()}
            </text>
        </svg>
    }
}

/// Every activity's name by id, in the current language.
pub(super) fn activity_names(
    t: &Texts,
    editor: PlanEditor,
    activities: &[Activity],
) -> BTreeMap<String, String> {
    editor.catalogue.with(|catalogue| {
        activities
            .iter()
            .map(|a| (a.id.clone(), activity_name(t, catalogue, a)))
            .collect()
    })
}

/// The plan's activities over time, redrawn for the room there is.
#[component]
pub(super) fn TimelineSection(editor: PlanEditor) -> impl IntoView {
    let i18n = use_i18n();
    let activities = Memo::new(move |_| {
        editor.read(|plan| plan.map_or_else(Vec::new, |p| p.activities.clone()))
    });
    let container = NodeRef::<html::Div>::new();
    let width = RwSignal::new(0.0_f64);
    let measure = move || {
        if let Some(element) = container.get_untracked() {
            width.set(f64::from(element.client_width()));
        }
    };
    Effect::new(move |_| {
        if container.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let drawing = move || {
        let t = i18n.t();
        let activities = activities.get();
        let room = width.get();
        match timeline(&activities, browser::today()) {
            Some(layout) if room > 0.0 => {
                let names = activity_names(t, editor, &activities);
                timeline_svg(t, &layout, &activities, &names, room).into_any()
            }
            Some(_) => ().into_any(),
            None => view! { <p class="help">{t.plan_timeline_empty()}</p> }.into_any(),
        }
    };
    view! {
        <section class="panel plan-timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{i18n.text(|t| t.plan_timeline_heading())}</h2>
            <p>{i18n.text(|t| t.plan_timeline_help())}</p>
            <div class="timeline" node_ref=container>
                {drawing}
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::fitted;

    #[test]
    fn names_are_cut_to_their_room_or_left_out() {
        assert_eq!(fitted("Work trial", 200.0).as_deref(), Some("Work trial"));
        assert_eq!(fitted("Work trial", 40.0).as_deref(), Some("Work…"));
        assert_eq!(fitted("Work trial", 20.0), None);
    }
}
