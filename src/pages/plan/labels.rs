//! The words for a plan's statuses and activities, shared by the plan screen and its print.

use chrono::NaiveDate;

use crate::domain::interventions::Catalogue;
use crate::domain::plan::{Activity, ActivityStatus, SubGoalStatus};
use crate::i18n::Texts;

pub const SUB_GOAL_STATUSES: [SubGoalStatus; 4] = [
    SubGoalStatus::NotStarted,
    SubGoalStatus::UnderWay,
    SubGoalStatus::Reached,
    SubGoalStatus::Dropped,
];

pub const ACTIVITY_STATUSES: [ActivityStatus; 4] = [
    ActivityStatus::Planned,
    ActivityStatus::UnderWay,
    ActivityStatus::Completed,
    ActivityStatus::Stopped,
];

pub fn sub_goal_status(t: &Texts, status: SubGoalStatus) -> &'static str {
    match status {
        SubGoalStatus::NotStarted => t.plan_subgoal_not_started(),
        SubGoalStatus::UnderWay => t.plan_subgoal_under_way(),
        SubGoalStatus::Reached => t.plan_subgoal_reached(),
        SubGoalStatus::Dropped => t.plan_subgoal_dropped(),
    }
}

pub fn activity_status(t: &Texts, status: ActivityStatus) -> &'static str {
    match status {
        ActivityStatus::Planned => t.plan_activity_planned(),
        ActivityStatus::UnderWay => t.plan_activity_under_way(),
        ActivityStatus::Completed => t.plan_activity_completed(),
        ActivityStatus::Stopped => t.plan_activity_stopped(),
    }
}

/// An activity's name: its catalogue entry (marked when no longer offered) or its own words.
pub fn activity_name(t: &Texts, catalogue: &Catalogue, activity: &Activity) -> String {
    match activity
        .catalogue_id
        .as_deref()
        .and_then(|id| catalogue.get(id))
    {
        Some(entry) if entry.retired => t.plan_activity_retired(t.catalogue_name(entry)),
        Some(entry) => t.catalogue_name(entry),
        None => activity.own_text.clone().unwrap_or_default(),
    }
}

/// When an activity runs, in words.
pub fn activity_dates(t: &Texts, activity: &Activity) -> String {
    dates(t, activity.start, activity.end)
}

/// From `start` to `end`, or from `start` and ongoing.
pub fn dates(t: &Texts, start: NaiveDate, end: Option<NaiveDate>) -> String {
    let start = t.date(start);
    match end {
        Some(end) => t.plan_activity_dates(t.date(end), &start),
        None => t.plan_activity_dates_ongoing(&start),
    }
}

/// Statuses travel through `<select>` values as their index (see `fields::status_options`).
pub fn from_index<T: Copy>(all: &[T], index: &str) -> Option<T> {
    index
        .parse::<usize>()
        .ok()
        .and_then(|i| all.get(i).copied())
}
