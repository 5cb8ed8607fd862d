//! What a participant's row on the caseload list is worked out from, whatever the day: her
//! name, her rounds' dates, and the facts behind the list's flags. A row is a summary seen on
//! one day (`Summary::row`), so the list drawn from the whole caseload and the list drawn from
//! summaries kept beside it (the stored head, issue 31: a large caseload's list is drawn before
//! its records are read) are one and the same.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::assessment::{Round, follow_up_after};
use super::caseload::{Caseload, Shared};
use super::participant::{Archived, Participant};
use super::plan::{ActionPlan, active_on};
use super::plan_checks::{LOW_BELIEF_MAX, latest_belief, plans_job_focused};
use super::worklist::{DUE_SOON_DAYS, NEW_COUNSELLOR_MONTHS, Reason, Row};

/// One participant's summary. Stored with short names: the head that carries a thousand of
/// them is written at every save.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    #[serde(rename = "i")]
    id: String,
    #[serde(rename = "n")]
    name: String,
    #[serde(rename = "r")]
    rounds: usize,
    #[serde(rename = "l", default, skip_serializing_if = "Option::is_none")]
    latest_round: Option<NaiveDate>,
    #[serde(rename = "x", default, skip_serializing_if = "Option::is_none")]
    archived: Option<Archived>,
    #[serde(rename = "c", default, skip_serializing_if = "Option::is_none")]
    counsellor: Option<String>,
    /// When each counsellor after the first took over.
    #[serde(rename = "t", default, skip_serializing_if = "Vec::is_empty")]
    took_over: Vec<NaiveDate>,
    /// Each activity's first and last day (none: still going).
    #[serde(rename = "a", default, skip_serializing_if = "Vec::is_empty")]
    activities: Vec<(NaiveDate, Option<NaiveDate>)>,
    #[serde(rename = "j", default)]
    job_focused: bool,
    /// The date of the latest round when she has answered it and the counsellor not yet.
    #[serde(rename = "w", default, skip_serializing_if = "Option::is_none")]
    awaiting: Option<NaiveDate>,
    #[serde(rename = "b", default)]
    low_belief: bool,
}

/// Every participant's summary, in the order they were added. The rounds and plans are grouped
/// by participant once, so the work grows with the data, not with people × rounds.
pub fn summaries(data: &Caseload) -> Vec<Summary> {
    let mut rounds = data.rounds_by_person();
    let mut plans: HashMap<&str, &ActionPlan> = HashMap::new();
    for plan in data.plans() {
        // The first, as `Caseload::plan_of` finds it.
        plans.entry(&plan.participant_id).or_insert(plan);
    }
    data.participants()
        .iter()
        .map(|person| {
            let mut theirs = rounds.remove(person.id.as_str()).unwrap_or_default();
            // Stable: rounds on one day keep the order they were started in.
            theirs.sort_by_key(|r| r.date);
            summary(person, &theirs, plans.get(person.id.as_str()).copied())
        })
        .collect()
}

/// Every participant's summary as stored (a JSON list), kept from one save to the next: a save
/// works out again only the summaries of people whose participant, rounds or plan are not the
/// ones it saw last. At 5,000 people, grouping 60,000 rounds and writing every summary again
/// made a keystroke's save three times what it was before the head carried the list.
///
/// It keeps the lists it saw, so the pointers it compares cannot be reused by other values
/// (and a change copies what it shares rather than changing it in place): whatever caseload it
/// is given, from any store, it gives that caseload's list.
#[derive(Default)]
pub struct KeptSummaries {
    seen: Option<Seen>,
    /// Each summary's JSON, in the order of `seen`'s participants.
    json: Vec<String>,
}

impl KeptSummaries {
    /// Appends `data`'s list to `out`, as `serde_json::to_string(&summaries(data))` writes it.
    pub fn write_json(&mut self, data: &Caseload, out: &mut String) {
        match (self.seen.as_ref()).and_then(|seen| changed_people(seen, data)) {
            Some(changed) => {
                for (json, person) in self.json.iter_mut().zip(data.participants()) {
                    if changed.contains(person.id.as_str()) {
                        let rounds = data.rounds_of(&person.id);
                        *json = to_json(&summary(person, &rounds, data.plan_of(&person.id)));
                    }
                }
            }
            None => self.json = summaries(data).iter().map(to_json).collect(),
        }
        self.seen = Some(Seen {
            participants: Arc::clone(&data.participants),
            rounds: Arc::clone(&data.rounds),
            plans: Arc::clone(&data.plans),
        });
        out.push('[');
        for (i, json) in self.json.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(json);
        }
        out.push(']');
    }
}

/// The parts of a caseload its summaries are worked out from, as last seen.
struct Seen {
    participants: Shared<Participant>,
    rounds: Shared<Round>,
    plans: Shared<ActionPlan>,
}

fn to_json(summary: &Summary) -> String {
    serde_json::to_string(summary).expect("a summary serialises to JSON")
}

/// The ids of the people in `now` whose participant, rounds or plan are not the ones `seen`
/// has; `None` when people, rounds or plans were added, removed or moved between people (then
/// everyone's summary is worked out again).
fn changed_people<'a>(seen: &Seen, now: &'a Caseload) -> Option<HashSet<&'a str>> {
    let mut changed = HashSet::new();
    let (before, after) = (&seen.participants, &now.participants);
    if before.len() != after.len() {
        return None;
    }
    for (before, after) in before.iter().zip(after.iter()) {
        if before.id != after.id {
            return None;
        }
        if !Arc::ptr_eq(before, after) {
            changed.insert(after.id.as_str());
        }
    }
    changed_owners(
        &seen.rounds,
        &now.rounds,
        |r| &r.participant_id,
        &mut changed,
    )?;
    changed_owners(&seen.plans, &now.plans, |p| &p.participant_id, &mut changed)?;
    Some(changed)
}

/// Adds to `changed` whose items in `after` are not those in `before`, item by item.
fn changed_owners<'a, T>(
    before: &Shared<T>,
    after: &'a Shared<T>,
    owner: impl Fn(&T) -> &String,
    changed: &mut HashSet<&'a str>,
) -> Option<()> {
    if Arc::ptr_eq(before, after) {
        return Some(());
    }
    if before.len() != after.len() {
        return None;
    }
    for (before, after) in before.iter().zip(after.iter()) {
        if !Arc::ptr_eq(before, after) {
            if owner(before) != owner(after) {
                return None;
            }
            changed.insert(owner(after).as_str());
        }
    }
    Some(())
}

fn summary(person: &Participant, rounds: &[&Round], plan: Option<&ActionPlan>) -> Summary {
    let activities = plan.map_or(&[][..], |p| p.activities.as_slice());
    let awaiting = rounds.last().filter(|latest| {
        let received = (latest.participant_part.as_ref()).is_some_and(|p| p.completed.is_some());
        received && latest.counsellor_part.is_none()
    });
    Summary {
        id: person.id.clone(),
        name: person.display_name.clone(),
        rounds: rounds.len(),
        latest_round: rounds.last().map(|r| r.date),
        archived: person.archived.clone(),
        counsellor: person.current_counsellor().map(|c| c.name.clone()),
        took_over: person.counsellors.iter().skip(1).map(|s| s.from).collect(),
        activities: activities.iter().map(|a| (a.start, a.end)).collect(),
        job_focused: plans_job_focused(activities),
        awaiting: awaiting.map(|r| r.date),
        low_belief: latest_belief(rounds)
            .and_then(|b| b.value)
            .is_some_and(|v| v.get() <= LOW_BELIEF_MAX),
    }
}

impl Summary {
    /// Her row on the list on `today`.
    pub fn row(&self, today: NaiveDate) -> Row {
        let next_follow_up = self.latest_round.and_then(follow_up_after);
        let reasons = if self.archived.is_some() {
            Vec::new()
        } else {
            self.reasons(next_follow_up, today)
        };
        Row {
            id: self.id.clone(),
            name: self.name.clone(),
            name_key: self.name.to_lowercase(),
            rounds: self.rounds,
            latest_round: self.latest_round,
            next_follow_up,
            reasons,
            archived: self.archived.clone(),
            counsellor: self.counsellor.clone(),
        }
    }

    fn reasons(&self, next_follow_up: Option<NaiveDate>, today: NaiveDate) -> Vec<Reason> {
        let mut reasons = Vec::new();
        if let Some(due) = next_follow_up {
            if today >= due {
                reasons.push(Reason::FollowUpOverdue { due });
            } else if today + Days::new(DUE_SOON_DAYS) >= due {
                reasons.push(Reason::FollowUpSoon { due });
            }
        }
        let active = |(start, end): &(NaiveDate, Option<NaiveDate>)| active_on(*start, *end, today);
        if !self.activities.iter().any(active) {
            reasons.push(Reason::Break);
        }
        if !self.job_focused {
            reasons.push(Reason::NoJobFocused);
        }
        if let Some(round) = self.awaiting {
            reasons.push(Reason::AwaitingCounsellor { round });
        }
        if self.low_belief {
            reasons.push(Reason::LowBelief);
        }
        let recent = today
            .checked_sub_months(Months::new(NEW_COUNSELLOR_MONTHS))
            .unwrap_or(NaiveDate::MIN);
        let change = (self.took_over.iter().rev()).find(|from| **from > recent && **from <= today);
        if let Some(from) = change {
            reasons.push(Reason::NewCounsellor { from: *from });
        }
        reasons
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::participant::LeftFor;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    // Guards the stored names (the head keeps summaries written by earlier saves): a rename
    // would read as the field's default and flag people wrongly until the records are read.
    #[test]
    fn a_stored_summary_with_every_field_reads_as_written() {
        let stored = r#"{"i":"p1","n":"Ada","r":2,"l":"2026-03-01","c":"JN",
            "t":["2026-05-01"],"a":[["2026-01-01",null],["2025-01-01","2025-02-01"]],
            "j":true,"w":"2026-03-01","b":true}"#;
        let summary: Summary = serde_json::from_str(stored).unwrap();
        let row = summary.row(date("2026-06-01"));
        assert_eq!(
            (row.id.as_str(), row.name.as_str(), row.rounds),
            ("p1", "Ada", 2)
        );
        assert_eq!(row.counsellor.as_deref(), Some("JN"));
        assert_eq!(
            row.reasons,
            [
                Reason::FollowUpOverdue {
                    due: date("2026-06-01")
                },
                Reason::AwaitingCounsellor {
                    round: date("2026-03-01")
                },
                Reason::LowBelief,
                Reason::NewCounsellor {
                    from: date("2026-05-01")
                },
            ]
        );
        let left = r#"{"i":"p2","n":"Bo","r":0,"x":{"on":"2026-04-01","reason":"work"}}"#;
        let row = serde_json::from_str::<Summary>(left)
            .unwrap()
            .row(date("2026-06-01"));
        assert_eq!(row.archived.map(|a| a.reason), Some(LeftFor::Work));
        assert!(row.reasons.is_empty());
        // Nothing known but her name: no activity (a break) and no job-focused one.
        let bare = r#"{"i":"p3","n":"Cy","r":0}"#;
        let row = serde_json::from_str::<Summary>(bare)
            .unwrap()
            .row(date("2026-06-01"));
        assert_eq!(row.reasons, [Reason::Break, Reason::NoJobFocused]);
    }
}
