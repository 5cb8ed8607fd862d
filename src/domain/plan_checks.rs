//! BIP's findings turned into advice on a plan. Advice is never blocking: the counsellor knows
//! things the data does not, so the app points out and never refuses.

use chrono::{Duration, NaiveDate};

use super::assessment::{ItemAnswer, Round, next_follow_up_due};
use super::interventions::InterventionGroup;
use super::participant::Participant;
use super::plan::{ActionPlan, Activity, ActivityStatus};

/// Breaks shorter than this are not flagged (a holiday between two courses).
pub const GAP_MIN_DAYS: i64 = 14;
/// How far ahead the plan is checked for a coming break (about three months, the follow-up interval).
pub const LOOK_AHEAD_DAYS: i64 = 91;
/// A break that ended longer ago than this (about two follow-ups) is history: it still
/// explains the chart, but is no longer something to act on.
pub const PAST_GAP_KEPT_DAYS: i64 = 182;
/// Belief rated at or below this step (of 5) offers the counsellor reflective questions.
pub const LOW_BELIEF_MAX: u8 = 2;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanAdvice {
    /// No job-focused activity in the plan (stopped ones not counted), including an empty plan.
    NoJobFocused,
    /// The plan has a job-focused activity, but of the activities active today none is job-focused.
    OnlyNonJobRunning,
    /// Days (inclusive) with no active activity, at least GAP_MIN_DAYS long. `coming` when `to >= today`.
    Gap {
        from: NaiveDate,
        to: NaiveDate,
        coming: bool,
    },
    /// Three months after the latest round have passed (same rule as assessment::is_follow_up_due).
    FollowUpOverdue { due: NaiveDate },
    /// The counsellor's belief in the latest round that rated it was LOW_BELIEF_MAX or lower.
    LowBelief { rating: u8 },
}

impl PlanAdvice {
    /// Shown only on the counsellor's side, never on the screen shared with the participant or in print.
    pub fn counsellor_only(&self) -> bool {
        matches!(self, PlanAdvice::LowBelief { .. })
    }

    /// Advice that has aged: a break that ended more than PAST_GAP_KEPT_DAYS before `today`.
    pub fn is_history(&self, today: NaiveDate) -> bool {
        matches!(self, PlanAdvice::Gap { to, .. } if *to < today - Duration::days(PAST_GAP_KEPT_DAYS))
    }
}

/// Every piece of advice for one participant's plan, in the order above.
/// `rounds` oldest first (as Caseload::rounds_of gives them). `plan` is None when no plan exists yet.
pub fn plan_advice(
    plan: Option<&ActionPlan>,
    rounds: &[&Round],
    today: NaiveDate,
) -> Vec<PlanAdvice> {
    let activities = plan.map_or(&[][..], |p| p.activities.as_slice());
    let mut advice: Vec<PlanAdvice> = job_focus_advice(activities, today).into_iter().collect();
    advice.extend(gap_advice(activities, today));
    advice.extend(follow_up_advice(rounds, today));
    advice.extend(belief_advice(rounds));
    advice
}

/// The period the break check looks at: from the earliest activity start or today, whichever is
/// earlier, to today + LOOK_AHEAD_DAYS or the latest end/start, whichever is later. None without activities.
pub fn check_window(activities: &[Activity], today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let earliest = activities.iter().map(|a| a.start).min()?;
    let latest = activities
        .iter()
        .flat_map(|a| [Some(a.start), a.end])
        .flatten()
        .max()?;
    let ahead = today + Duration::days(LOOK_AHEAD_DAYS);
    Some((earliest.min(today), latest.max(ahead)))
}

/// Periods within [from, to] (inclusive days) on which no activity is active (Activity::is_active_on), at least GAP_MIN_DAYS long, in date order.
pub fn gaps(
    activities: &[Activity],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(NaiveDate, NaiveDate)> {
    // Days as offsets from `from`; one sweep over the activities sorted by start.
    let offset = |day: NaiveDate| (day - from).num_days();
    let last = offset(to);
    let mut spans: Vec<(i64, Option<i64>)> = activities
        .iter()
        .map(|a| (offset(a.start), a.end.map(offset)))
        .collect();
    spans.sort_unstable();
    let mut breaks = Vec::new();
    // The first day not covered by the activities seen so far; None once one runs on for ever.
    let mut free = Some(0);
    for (start, end) in spans {
        let Some(first) = free else { break };
        breaks.push((first, start - 1));
        free = end.map(|end| first.max(end + 1));
    }
    breaks.extend(free.map(|first| (first, last)));
    breaks
        .into_iter()
        .map(|(first, end)| (first, end.min(last)))
        .filter(|(first, end)| end - first + 1 >= GAP_MIN_DAYS)
        .map(|(first, end)| (from + Duration::days(first), from + Duration::days(end)))
        .collect()
}

/// How many times the participant's counsellor has changed (the history minus the first one). Information, never a score.
pub fn counsellor_changes(participant: &Participant) -> usize {
    participant.counsellors.len().saturating_sub(1)
}

/// Whether the plan holds a job-focused activity that was not stopped.
pub fn plans_job_focused(activities: &[Activity]) -> bool {
    activities
        .iter()
        .any(|a| a.status != ActivityStatus::Stopped && a.group == InterventionGroup::JobFocused)
}

/// Only job-focused interventions moved people on their own (BIP), so their absence comes first.
fn job_focus_advice(activities: &[Activity], today: NaiveDate) -> Option<PlanAdvice> {
    let job_focused = |a: &Activity| a.group == InterventionGroup::JobFocused;
    if !plans_job_focused(activities) {
        return Some(PlanAdvice::NoJobFocused);
    }
    let mut running = activities
        .iter()
        .filter(|a| a.is_active_on(today))
        .peekable();
    let only_others = running.peek().is_some() && !running.any(job_focused);
    only_others.then_some(PlanAdvice::OnlyNonJobRunning)
}

/// People went backwards during breaks (BIP), past ones included: they explain the chart.
fn gap_advice(activities: &[Activity], today: NaiveDate) -> Vec<PlanAdvice> {
    let Some((from, to)) = check_window(activities, today) else {
        return Vec::new();
    };
    gaps(activities, from, to)
        .into_iter()
        .map(|(from, to)| PlanAdvice::Gap {
            from,
            to,
            coming: to >= today,
        })
        .collect()
}

fn follow_up_advice(rounds: &[&Round], today: NaiveDate) -> Option<PlanAdvice> {
    let due = next_follow_up_due(rounds.iter().copied())?;
    (today >= due).then_some(PlanAdvice::FollowUpOverdue { due })
}

/// The belief of the latest round in which the counsellor answered it: a round whose
/// counsellor part is not filled in yet is passed over, but "rather not answer" is the latest
/// answer, and then there is nothing to quote.
fn belief_advice(rounds: &[&Round]) -> Option<PlanAdvice> {
    let rating = latest_belief(rounds)?.value?.get();
    (rating <= LOW_BELIEF_MAX).then_some(PlanAdvice::LowBelief { rating })
}

/// The counsellor's belief from the latest round in which it was answered ("rather not answer"
/// included); rounds whose counsellor part is not filled in yet are passed over.
pub fn latest_belief<'a>(rounds: &[&'a Round]) -> Option<&'a ItemAnswer> {
    rounds
        .iter()
        .rev()
        .find_map(|r| r.counsellor_part.as_ref()?.belief.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::CounsellorPart;
    use crate::domain::participant::CounsellorSpell;
    use crate::domain::plan::own_activity as activity;
    use chrono::DateTime;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        date(3, 1)
    }

    fn job(start: NaiveDate, end: Option<NaiveDate>) -> Activity {
        activity("job", InterventionGroup::JobFocused, start, end)
    }

    fn social(start: NaiveDate, end: Option<NaiveDate>) -> Activity {
        activity("social", InterventionGroup::Social, start, end)
    }

    fn plan(activities: Vec<Activity>) -> ActionPlan {
        ActionPlan {
            activities,
            ..ActionPlan::new("p1".into())
        }
    }

    fn round(day: NaiveDate, belief: Option<ItemAnswer>) -> Round {
        let mut part = CounsellorPart::new("Ada".into(), DateTime::default());
        part.belief = belief;
        Round {
            id: day.to_string(),
            participant_id: "p1".into(),
            date: day,
            participant_part: None,
            counsellor_part: Some(part),
        }
    }

    fn advice(activities: Vec<Activity>) -> Vec<PlanAdvice> {
        plan_advice(Some(&plan(activities)), &[], today())
    }

    fn gap_advice_of(activities: Vec<Activity>) -> Vec<PlanAdvice> {
        advice(activities)
            .into_iter()
            .filter(|a| matches!(a, PlanAdvice::Gap { .. }))
            .collect()
    }

    #[test]
    fn a_missing_or_empty_plan_has_no_job_focused_activity() {
        assert_eq!(plan_advice(None, &[], today()), [PlanAdvice::NoJobFocused]);
        assert_eq!(advice(vec![]), [PlanAdvice::NoJobFocused]);
    }

    #[test]
    fn adding_a_job_focused_activity_removes_the_advice() {
        let others = vec![social(date(2, 1), None)];
        assert!(advice(others.clone()).contains(&PlanAdvice::NoJobFocused));
        let mut with_job = others;
        with_job.push(job(date(2, 1), None));
        assert_eq!(advice(with_job), []);
    }

    #[test]
    fn a_stopped_job_focused_activity_does_not_count() {
        let mut stopped = job(date(1, 1), Some(date(2, 1)));
        stopped.status = ActivityStatus::Stopped;
        assert!(advice(vec![stopped.clone()]).contains(&PlanAdvice::NoJobFocused));
        stopped.status = ActivityStatus::Completed;
        assert!(!advice(vec![stopped]).contains(&PlanAdvice::NoJobFocused));
    }

    #[test]
    fn only_non_job_activities_running_today_is_flagged() {
        let ended_job = job(date(1, 1), Some(date(2, 1)));
        let running = advice(vec![ended_job.clone(), social(date(2, 1), None)]);
        assert!(running.contains(&PlanAdvice::OnlyNonJobRunning));
        // Nothing running today is a break, not this advice.
        let nothing_today = advice(vec![ended_job, social(date(1, 1), Some(date(2, 1)))]);
        assert!(!nothing_today.contains(&PlanAdvice::OnlyNonJobRunning));
    }

    #[test]
    fn a_break_of_fourteen_days_is_flagged_and_thirteen_is_not() {
        let thirteen = vec![job(date(3, 1), Some(date(3, 10))), job(date(3, 24), None)];
        assert_eq!(gap_advice_of(thirteen), []);
        let fourteen = vec![job(date(3, 1), Some(date(3, 10))), job(date(3, 25), None)];
        assert_eq!(
            gap_advice_of(fourteen),
            [PlanAdvice::Gap {
                from: date(3, 11),
                to: date(3, 24),
                coming: true
            }]
        );
    }

    #[test]
    fn filling_a_break_removes_it() {
        let mut activities = vec![job(date(3, 1), Some(date(3, 10))), job(date(4, 1), None)];
        assert_eq!(gap_advice_of(activities.clone()).len(), 1);
        activities.push(social(date(3, 5), Some(date(4, 2))));
        assert_eq!(gap_advice_of(activities), []);
    }

    #[test]
    fn a_past_break_is_not_coming() {
        let activities = vec![job(date(1, 1), Some(date(1, 10))), job(date(2, 1), None)];
        assert_eq!(
            gap_advice_of(activities),
            [PlanAdvice::Gap {
                from: date(1, 11),
                to: date(1, 31),
                coming: false
            }]
        );
    }

    // Guards against a break long past being shown as if it needed acting on now.
    #[test]
    fn a_break_that_ended_half_a_year_ago_is_history() {
        let long_ago = PlanAdvice::Gap {
            from: date(1, 1) - Duration::days(300),
            to: today() - Duration::days(PAST_GAP_KEPT_DAYS + 1),
            coming: false,
        };
        assert!(long_ago.is_history(today()));
        let recent = PlanAdvice::Gap {
            from: date(1, 1) - Duration::days(300),
            to: today() - Duration::days(PAST_GAP_KEPT_DAYS),
            coming: false,
        };
        assert!(!recent.is_history(today()));
        assert!(!PlanAdvice::NoJobFocused.is_history(today()));
        assert!(
            !PlanAdvice::FollowUpOverdue {
                due: date(1, 1) - Duration::days(400)
            }
            .is_history(today())
        );
    }

    #[test]
    fn ongoing_activities_cover_the_whole_look_ahead() {
        assert_eq!(gap_advice_of(vec![job(date(2, 1), None)]), []);
        let ending = vec![job(date(2, 1), Some(date(4, 30)))];
        assert_eq!(
            gap_advice_of(ending),
            [PlanAdvice::Gap {
                from: date(5, 1),
                to: today() + Duration::days(LOOK_AHEAD_DAYS),
                coming: true
            }]
        );
    }

    #[test]
    fn the_window_reaches_back_to_the_first_start_and_ahead_to_the_last_date() {
        assert_eq!(check_window(&[], today()), None);
        let activities = [job(date(1, 5), Some(date(12, 1))), social(date(4, 1), None)];
        assert_eq!(
            check_window(&activities, today()),
            Some((date(1, 5), date(12, 1)))
        );
        let later = [job(date(4, 1), None)];
        assert_eq!(
            check_window(&later, today()),
            Some((today(), today() + Duration::days(LOOK_AHEAD_DAYS)))
        );
    }

    #[test]
    fn gaps_are_found_in_date_order_among_overlapping_activities() {
        let activities = [
            social(date(6, 1), Some(date(6, 30))),
            job(date(1, 1), Some(date(3, 31))),
            social(date(2, 1), Some(date(2, 10))),
        ];
        assert_eq!(
            gaps(&activities, date(1, 1), date(7, 31)),
            [(date(4, 1), date(5, 31)), (date(7, 1), date(7, 31))]
        );
        assert_eq!(
            gaps(&[], date(1, 1), date(1, 31)),
            [(date(1, 1), date(1, 31))]
        );
    }

    // Guards the speed of the check: a long-running plan can hold many activities.
    #[test]
    fn gaps_stay_quick_for_many_activities() {
        let start = date(1, 1);
        let activities: Vec<Activity> = (0..20_000)
            .map(|i| {
                let day = start + Duration::days(i * 20);
                job(day, Some(day + Duration::days(5)))
            })
            .collect();
        let found = gaps(&activities, start, start + Duration::days(20_000 * 20));
        assert_eq!(found.len(), 20_000);
    }

    #[test]
    fn follow_up_overdue_goes_away_with_a_new_round() {
        let first = round(date(1, 1), None);
        let rounds = [&first];
        assert_eq!(
            plan_advice(None, &rounds, date(4, 1)),
            [
                PlanAdvice::NoJobFocused,
                PlanAdvice::FollowUpOverdue { due: date(4, 1) }
            ]
        );
        assert_eq!(
            plan_advice(None, &rounds, date(3, 31)),
            [PlanAdvice::NoJobFocused]
        );
        let second = round(date(3, 31), None);
        assert_eq!(
            plan_advice(None, &[&first, &second], date(4, 1)),
            [PlanAdvice::NoJobFocused]
        );
    }

    #[test]
    fn low_belief_in_the_latest_answered_round_offers_reflection() {
        let low = round(date(2, 1), Some(ItemAnswer::rated(2).unwrap()));
        let not_yet = round(date(2, 10), None);
        let rather_not = round(date(2, 15), Some(ItemAnswer::rather_not()));
        let belief = |rounds: &[&Round]| -> Vec<PlanAdvice> {
            let with_job = plan(vec![job(date(2, 1), None)]);
            plan_advice(Some(&with_job), rounds, today())
        };
        assert_eq!(
            belief(&[&low, &not_yet]),
            [PlanAdvice::LowBelief { rating: 2 }]
        );
        // "In the latest round you rated…" must be true: an older rating is not quoted.
        assert_eq!(belief(&[&low, &rather_not]), []);
        let higher = round(date(2, 20), Some(ItemAnswer::rated(3).unwrap()));
        assert_eq!(belief(&[&low, &rather_not, &higher]), []);
    }

    #[test]
    fn only_low_belief_is_for_the_counsellor_alone() {
        let all = [
            PlanAdvice::NoJobFocused,
            PlanAdvice::OnlyNonJobRunning,
            PlanAdvice::Gap {
                from: today(),
                to: today(),
                coming: true,
            },
            PlanAdvice::FollowUpOverdue { due: today() },
        ];
        assert!(all.iter().all(|a| !a.counsellor_only()));
        assert!(PlanAdvice::LowBelief { rating: 1 }.counsellor_only());
    }

    #[test]
    fn counsellor_changes_count_the_history_after_the_first() {
        let spell = |name: &str| CounsellorSpell {
            name: name.into(),
            from: today(),
        };
        let mut p = Participant::new("p1".into(), "Kim", today()).unwrap();
        assert_eq!(counsellor_changes(&p), 0);
        p.counsellors.push(spell("Ada"));
        assert_eq!(counsellor_changes(&p), 0);
        p.counsellors.extend([spell("Bo"), spell("Cy")]);
        assert_eq!(counsellor_changes(&p), 2);
    }
}
