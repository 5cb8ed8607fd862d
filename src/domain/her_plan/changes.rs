//! What a newer plan changed, told to her when it replaces the one on her phone: sub-goals and
//! activities matched by their words (what she knows them by), the goal and the next meeting.

use chrono::NaiveDate;

use super::{HerActivity, HerPlan};
use crate::domain::plan::{ActivityStatus, SubGoalStatus};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanChange {
    Goal,
    SubGoalAdded(String),
    SubGoalRemoved(String),
    SubGoalStatus(String, SubGoalStatus),
    SubGoalDue(String, Option<NaiveDate>),
    ActivityAdded(String),
    ActivityRemoved(String),
    ActivityStatus(String, ActivityStatus),
    /// New dates, a new person responsible or a new place.
    ActivityDetails(String),
    FollowUp(Option<NaiveDate>),
}

/// The changes from `old` to `new`, in the order the plan shows them.
pub fn changes(old: &HerPlan, new: &HerPlan) -> Vec<PlanChange> {
    let mut out = Vec::new();
    if (old.goal_kind, &old.goal) != (new.goal_kind, &new.goal) {
        out.push(PlanChange::Goal);
    }
    let pairs = matched(&old.sub_goals, &new.sub_goals, |s| &s.text);
    for (before, after) in pairs.matched {
        if before.status != after.status {
            out.push(PlanChange::SubGoalStatus(after.text.clone(), after.status));
        }
        if before.due != after.due {
            out.push(PlanChange::SubGoalDue(after.text.clone(), after.due));
        }
    }
    out.extend(
        pairs
            .added
            .iter()
            .map(|s| PlanChange::SubGoalAdded(s.text.clone())),
    );
    out.extend(
        pairs
            .removed
            .iter()
            .map(|s| PlanChange::SubGoalRemoved(s.text.clone())),
    );
    let pairs = matched(&old.activities, &new.activities, |a| &a.name);
    for (before, after) in pairs.matched {
        if before.status != after.status {
            out.push(PlanChange::ActivityStatus(after.name.clone(), after.status));
        }
        if details(before) != details(after) {
            out.push(PlanChange::ActivityDetails(after.name.clone()));
        }
    }
    out.extend(
        pairs
            .added
            .iter()
            .map(|a| PlanChange::ActivityAdded(a.name.clone())),
    );
    out.extend(
        pairs
            .removed
            .iter()
            .map(|a| PlanChange::ActivityRemoved(a.name.clone())),
    );
    if old.next_follow_up != new.next_follow_up {
        out.push(PlanChange::FollowUp(new.next_follow_up));
    }
    out
}

fn details(activity: &HerActivity) -> (NaiveDate, Option<NaiveDate>, &str, &str) {
    (
        activity.start,
        activity.end,
        &activity.responsible,
        &activity.place,
    )
}

struct Matched<'a, T> {
    matched: Vec<(&'a T, &'a T)>,
    added: Vec<&'a T>,
    removed: Vec<&'a T>,
}

/// Rows of the two plans paired by their words, each row used once (two rows may share words).
fn matched<'a, T>(old: &'a [T], new: &'a [T], words: impl Fn(&T) -> &String) -> Matched<'a, T> {
    let mut unused: Vec<&T> = old.iter().collect();
    let mut out = Matched {
        matched: Vec::new(),
        added: Vec::new(),
        removed: Vec::new(),
    };
    for row in new {
        match unused.iter().position(|o| words(o) == words(row)) {
            Some(at) => out.matched.push((unused.remove(at), row)),
            None => out.added.push(row),
        }
    }
    out.removed = unused;
    out
}
