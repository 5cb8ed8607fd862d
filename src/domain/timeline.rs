//! The layout of a plan's timeline: one row per intervention group, so that parallel work (what
//! BIP found to help) and breaks (what set people back) can be seen at a glance. Positions are
//! fractions 0.0..=1.0 of the width; the interface draws them.

use chrono::{Datelike, Months, NaiveDate};

use super::interventions::InterventionGroup;
use super::plan::Activity;
use super::plan_checks::{check_window, gaps};

#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub from: NaiveDate,
    /// Inclusive.
    pub to: NaiveDate,
    /// Always all four groups, in InterventionGroup::ALL order, so an empty group shows as an empty row.
    pub rows: Vec<TimelineRow>,
    /// The plan_checks::gaps of the window, shaded.
    pub gaps: Vec<TimeSpan>,
    /// Where today falls.
    pub today: f64,
    /// The first day of each month inside the window, for axis ticks.
    pub ticks: Vec<Tick>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineRow {
    pub group: InterventionGroup,
    /// Overlapping activities of one group go to separate lanes (greedy, by start date); at least one lane.
    pub lanes: Vec<Vec<TimelineBar>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineBar {
    pub activity_id: String,
    pub start: f64,
    pub end: f64,
    /// No end date: the bar runs to the window's end.
    pub ongoing: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimeSpan {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub start: f64,
    pub end: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub date: NaiveDate,
    pub at: f64,
}

/// None when the plan has no activities. Uses plan_checks::check_window for the window.
pub fn timeline(activities: &[Activity], today: NaiveDate) -> Option<Timeline> {
    let (from, to) = check_window(activities, today)?;
    let scale = Scale::new(from, to);
    let rows = InterventionGroup::ALL
        .into_iter()
        .map(|group| TimelineRow {
            group,
            lanes: lanes(activities.iter().filter(|a| a.group == group), &scale),
        })
        .collect();
    let gaps = gaps(activities, from, to)
        .into_iter()
        .map(|(from, to)| TimeSpan {
            from,
            to,
            start: scale.at(from),
            end: scale.after(to),
        })
        .collect();
    Some(Timeline {
        from,
        to,
        rows,
        gaps,
        today: scale.at(today),
        ticks: ticks(&scale),
    })
}

/// Maps days of the window to fractions of its width.
struct Scale {
    from: NaiveDate,
    to: NaiveDate,
    days: f64,
}

impl Scale {
    fn new(from: NaiveDate, to: NaiveDate) -> Scale {
        let days = (to - from).num_days() + 1;
        Scale {
            from,
            to,
            days: days as f64,
        }
    }

    /// Where the day begins.
    fn at(&self, day: NaiveDate) -> f64 {
        (day - self.from).num_days() as f64 / self.days
    }

    /// Where the day ends, so that a one-day bar has a width.
    fn after(&self, day: NaiveDate) -> f64 {
        ((day - self.from).num_days() + 1) as f64 / self.days
    }
}

/// Greedy by start date: each activity goes to the first lane that is free by then.
fn lanes<'a>(
    activities: impl Iterator<Item = &'a Activity>,
    scale: &Scale,
) -> Vec<Vec<TimelineBar>> {
    let mut sorted: Vec<&Activity> = activities.collect();
    sorted.sort_by_key(|a| a.start);
    // Each lane with the last day it is taken; an ongoing activity takes it to the window's end.
    let mut lanes: Vec<(Vec<TimelineBar>, NaiveDate)> = Vec::new();
    for activity in sorted {
        let last = activity.end.unwrap_or(scale.to);
        let bar = TimelineBar {
            activity_id: activity.id.clone(),
            start: scale.at(activity.start),
            end: scale.after(last),
            ongoing: activity.end.is_none(),
        };
        match lanes.iter_mut().find(|(_, taken)| *taken < activity.start) {
            Some((bars, taken)) => {
                bars.push(bar);
                *taken = last;
            }
            None => lanes.push((vec![bar], last)),
        }
    }
    let mut lanes: Vec<Vec<TimelineBar>> = lanes.into_iter().map(|(bars, _)| bars).collect();
    if lanes.is_empty() {
        lanes.push(Vec::new());
    }
    lanes
}

fn ticks(scale: &Scale) -> Vec<Tick> {
    let first = if scale.from.day() == 1 {
        Some(scale.from)
    } else {
        scale
            .from
            .with_day(1)
            .and_then(|d| d.checked_add_months(Months::new(1)))
    };
    std::iter::successors(first, |d| d.checked_add_months(Months::new(1)))
        .take_while(|d| *d <= scale.to)
        .map(|date| Tick {
            date,
            at: scale.at(date),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::own_activity as activity;
    use crate::domain::plan_checks::LOOK_AHEAD_DAYS;
    use chrono::Duration;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn bar(timeline: &Timeline, row: usize, lane: usize, index: usize) -> &TimelineBar {
        &timeline.rows[row].lanes[lane][index]
    }

    fn lane_ids(timeline: &Timeline, row: usize) -> Vec<Vec<&str>> {
        timeline.rows[row]
            .lanes
            .iter()
            .map(|lane| lane.iter().map(|b| b.activity_id.as_str()).collect())
            .collect()
    }

    /// A window of exactly 100 days, 1 January to 10 April, with today on its first day.
    fn hundred_days(mut extra: Vec<Activity>) -> Timeline {
        extra.push(activity(
            "job",
            InterventionGroup::JobFocused,
            date(1, 1),
            Some(date(4, 10)),
        ));
        timeline(&extra, date(1, 1)).unwrap()
    }

    #[test]
    fn no_activities_means_no_timeline() {
        assert_eq!(timeline(&[], date(1, 1)), None);
    }

    #[test]
    fn days_map_to_fractions_and_a_one_day_bar_has_width() {
        let t = hundred_days(vec![
            activity(
                "course",
                InterventionGroup::Upskilling,
                date(1, 11),
                Some(date(1, 20)),
            ),
            activity(
                "visit",
                InterventionGroup::Health,
                date(1, 31),
                Some(date(1, 31)),
            ),
        ]);
        assert_eq!((t.from, t.to), (date(1, 1), date(4, 10)));
        assert_eq!(t.today, 0.0);
        let job = bar(&t, 0, 0, 0);
        assert_eq!((job.start, job.end, job.ongoing), (0.0, 1.0, false));
        let course = bar(&t, 1, 0, 0);
        assert_eq!((course.start, course.end), (0.1, 0.2));
        let visit = bar(&t, 3, 0, 0);
        assert_eq!((visit.start, visit.end), (0.3, 0.31));
    }

    #[test]
    fn overlapping_activities_of_a_group_get_separate_lanes() {
        let social = |id, start, end| activity(id, InterventionGroup::Social, start, end);
        let t = hundred_days(vec![
            social("c", date(2, 1), Some(date(2, 28))),
            social("a", date(1, 1), Some(date(1, 31))),
            social("b", date(1, 15), Some(date(2, 15))),
            social("d", date(3, 1), None),
            social("e", date(3, 2), Some(date(3, 5))),
        ]);
        assert_eq!(lane_ids(&t, 2), [vec!["a", "c", "d"], vec!["b", "e"]]);
    }

    #[test]
    fn every_group_has_a_row_even_when_empty() {
        let t = hundred_days(vec![]);
        let groups: Vec<InterventionGroup> = t.rows.iter().map(|r| r.group).collect();
        assert_eq!(groups, InterventionGroup::ALL);
        for row in &t.rows[1..] {
            assert_eq!(row.lanes, [Vec::<TimelineBar>::new()]);
        }
    }

    #[test]
    fn an_ongoing_activity_reaches_the_end_of_the_window() {
        let t = timeline(
            &[activity(
                "job",
                InterventionGroup::JobFocused,
                date(2, 1),
                None,
            )],
            date(3, 1),
        )
        .unwrap();
        assert_eq!(t.to, date(3, 1) + Duration::days(LOOK_AHEAD_DAYS));
        let job = bar(&t, 0, 0, 0);
        assert_eq!((job.start, job.end, job.ongoing), (0.0, 1.0, true));
    }

    #[test]
    fn shaded_gaps_are_the_plan_checks_gaps() {
        let activities = [
            activity(
                "a",
                InterventionGroup::JobFocused,
                date(1, 1),
                Some(date(1, 10)),
            ),
            activity(
                "b",
                InterventionGroup::Health,
                date(2, 1),
                Some(date(2, 10)),
            ),
        ];
        let t = timeline(&activities, date(1, 5)).unwrap();
        let spans: Vec<(NaiveDate, NaiveDate)> = t.gaps.iter().map(|g| (g.from, g.to)).collect();
        assert_eq!(spans, gaps(&activities, t.from, t.to));
        assert_eq!(spans.len(), 2);
        let days = ((t.to - t.from).num_days() + 1) as f64;
        assert_eq!((t.gaps[0].start, t.gaps[0].end), (10.0 / days, 31.0 / days));
        assert_eq!(t.gaps[1].end, 1.0);
    }

    #[test]
    fn ticks_fall_on_month_starts_inside_the_window() {
        let t = hundred_days(vec![]);
        let dates: Vec<NaiveDate> = t.ticks.iter().map(|t| t.date).collect();
        assert_eq!(dates, [date(1, 1), date(2, 1), date(3, 1), date(4, 1)]);
        assert_eq!(t.ticks[1].at, 0.31);
        let mid_month = timeline(
            &[activity(
                "a",
                InterventionGroup::Social,
                date(1, 15),
                Some(date(2, 20)),
            )],
            date(1, 15),
        )
        .unwrap();
        assert_eq!(mid_month.ticks[0].date, date(2, 1));
    }
}
