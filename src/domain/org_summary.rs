//! What the organisation learns from a caseload: anonymous counts only, beside BIP's figures,
//! and suppressed where they rest on fewer than five people. Nothing here is per counsellor
//! or ranks anyone; the counts add up across devices, so a coordinator can combine files.
//!
//! The summary file (`stegvis-summary`, version 1) holds these counts and months, nothing else:
//! no name, id, comment or day.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::assessment::{Interventions, Round};
use super::caseload::Caseload;
use super::interventions::InterventionGroup;
use super::plan::Activity;
use super::plan_checks::latest_belief;
use super::progression::{View, progression, round_values};
use super::questionnaire::ParticipantItem;

/// A figure resting on fewer people than this is shown as "fewer than 5": no one can be singled out.
pub const MIN_PEOPLE: u32 = 5;

/// A calendar month, the finest date a summary holds. Written as "2026-03".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.trim().split_once('-')?;
        let month = Month {
            year: year.parse().ok()?,
            month: month.parse().ok()?,
        };
        ((1..=12).contains(&month.month) && (1000..=9999).contains(&month.year)).then_some(month)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl TryFrom<String> for Month {
    type Error = String;
    fn try_from(text: String) -> Result<Month, String> {
        Month::parse(&text).ok_or_else(|| format!("not a month: {text}"))
    }
}

impl From<Month> for String {
    fn from(month: Month) -> String {
        month.to_string()
    }
}

/// The months a summary covers, both ends included; `None` is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Month>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Month>,
}

impl Period {
    pub fn contains(&self, date: NaiveDate) -> bool {
        let month = Month::of(date);
        self.from.is_none_or(|from| from <= month) && self.to.is_none_or(|to| month <= to)
    }

    /// The period that holds both.
    fn span(self, other: Period) -> Period {
        // An end is unknown only for a file without rounds: the other file's end stands.
        let pick = |a: Option<Month>, b: Option<Month>, f: fn(Month, Month) -> Month| match (a, b) {
            (Some(a), Some(b)) => Some(f(a, b)),
            (a, b) => a.or(b),
        };
        Period {
            from: pick(self.from, other.from, Month::min),
            to: pick(self.to, other.to, Month::max),
        }
    }

    /// The last day of the period, if it is closed.
    fn last_day(&self) -> Option<NaiveDate> {
        let to = self.to?;
        NaiveDate::from_ymd_opt(to.year, to.month, 1)?
            .checked_add_months(Months::new(1))?
            .pred_opt()
    }
}

/// `count` of `of`, resting on `people` people.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub count: u32,
    pub of: u32,
    pub people: u32,
}

impl Tally {
    /// The share in per cent, or `None` when it rests on fewer than MIN_PEOPLE people.
    pub fn percent(&self) -> Option<f64> {
        (self.people >= MIN_PEOPLE && self.of > 0)
            .then(|| f64::from(self.count) * 100.0 / f64::from(self.of))
    }

    fn add(&mut self, other: &Tally) {
        self.count += other.count;
        self.of += other.of;
        self.people += other.people;
    }
}

/// Movement on one item from each person's first to latest rated round: the sum of the steps
/// and how many people moved (or stood still), so that devices can be added up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Movement {
    pub steps: i32,
    pub people: u32,
}

impl Movement {
    /// Average steps per person, or `None` when it rests on fewer than MIN_PEOPLE people.
    pub fn average(&self) -> Option<f64> {
        (self.people >= MIN_PEOPLE).then(|| f64::from(self.steps) / f64::from(self.people))
    }
}

/// Every count of the summary. Adding two gives the summary of both caseloads (devices hold
/// different people).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SummaryCounts {
    /// People with at least one round in the period.
    pub people: u32,
    pub rounds: u32,
    /// Follow-ups that fell due in the period (and by today): how many had a new round by then.
    pub follow_ups_on_time: Tally,
    /// Counsellors' answers about the past three months: how many said "no intervention".
    pub periods_without_intervention: Tally,
    /// People whose plan ran a job-focused activity at the same time as another kind.
    pub parallel_job_focus: Tally,
    /// People whose counsellor changed at least once.
    pub counsellor_changed: Tally,
    /// The counsellor's belief in each person's latest round that answered it: steps 1 to 5.
    pub belief: [u32; 5],
    /// … and how many answered "rather not answer" there.
    pub belief_rather_not: u32,
    /// Per item, in [`ParticipantItem::ALL`] order.
    pub movement: BTreeMap<ParticipantItem, Movement>,
}

impl SummaryCounts {
    pub fn add(&mut self, other: &SummaryCounts) {
        self.people += other.people;
        self.rounds += other.rounds;
        self.follow_ups_on_time.add(&other.follow_ups_on_time);
        self.periods_without_intervention
            .add(&other.periods_without_intervention);
        self.parallel_job_focus.add(&other.parallel_job_focus);
        self.counsellor_changed.add(&other.counsellor_changed);
        for (mine, theirs) in self.belief.iter_mut().zip(other.belief) {
            *mine += theirs;
        }
        self.belief_rather_not += other.belief_rather_not;
        for (item, movement) in &other.movement {
            let mine = self.movement.entry(*item).or_default();
            mine.steps += movement.steps;
            mine.people += movement.people;
        }
    }

    /// People the belief figures rest on.
    pub fn belief_people(&self) -> u32 {
        self.belief.iter().sum::<u32>() + self.belief_rather_not
    }

    /// The share of "yes, certainly" (step 5) among the answers, BIP's "unconditional yes".
    pub fn belief_certain(&self) -> Tally {
        let people = self.belief_people();
        Tally {
            count: self.belief[4],
            of: people,
            people,
        }
    }

    /// People and rounds are shown only from MIN_PEOPLE people on.
    pub fn people_shown(&self) -> Option<(u32, u32)> {
        (self.people >= MIN_PEOPLE).then_some((self.people, self.rounds))
    }
}

/// Counts the caseload's rounds within `period` (people who have left included: they were
/// served). `today` keeps follow-ups that are not due yet out of the figure.
pub fn summarise(data: &Caseload, period: Period, today: NaiveDate) -> SummaryCounts {
    let mut rounds = data.rounds_by_person();
    let mut counts = SummaryCounts::default();
    let end = period.last_day().map_or(today, |last| last.min(today));
    for person in data.participants() {
        let Some(mut all) = rounds.remove(person.id.as_str()) else {
            continue;
        };
        all.sort_by_key(|r| r.date);
        let within: Vec<&Round> = all
            .iter()
            .copied()
            .filter(|r| period.contains(r.date))
            .collect();
        if within.is_empty() {
            continue;
        }
        counts.people += 1;
        counts.rounds += within.len() as u32;
        let left = person.archived.as_ref().map(|a| a.on);
        count_follow_ups(&mut counts.follow_ups_on_time, &all, &within, end, left);
        count_interventions(&mut counts.periods_without_intervention, &within);
        let activities = data
            .plan_of(&person.id)
            .map_or(&[][..], |p| p.activities.as_slice());
        let parallel = runs_in_parallel(activities, period, today);
        add_person(&mut counts.parallel_job_focus, parallel);
        let changed = person
            .counsellors
            .iter()
            .skip(1)
            .any(|spell| period.contains(spell.from));
        add_person(&mut counts.counsellor_changed, changed);
        match latest_belief(&within).map(|b| b.value) {
            Some(Some(rating)) => counts.belief[usize::from(rating.get() - 1)] += 1,
            Some(None) => counts.belief_rather_not += 1,
            None => {}
        }
        let values = round_values(&within, View::Participant);
        for progress in progression(&values) {
            if let Some(change) = progress.since_first {
                let movement = counts.movement.entry(progress.item).or_default();
                movement.steps += i32::from(change.steps);
                movement.people += 1;
            }
        }
    }
    counts
}

fn add_person(tally: &mut Tally, yes: bool) {
    tally.count += u32::from(yes);
    tally.of += 1;
    tally.people += 1;
}

/// A follow-up falls due three months after each round in the period. It counts once that day
/// has come (by `end`) and the person had not left before it; it was on time if a new round
/// came by then.
fn count_follow_ups(
    tally: &mut Tally,
    all: &[&Round],
    within: &[&Round],
    end: NaiveDate,
    left: Option<NaiveDate>,
) {
    let mut counted = false;
    for round in within {
        let Some(due) = round.date.checked_add_months(Months::new(3)) else {
            continue;
        };
        if due > end || left.is_some_and(|left| left < due) {
            continue;
        }
        let next = all.iter().map(|r| r.date).find(|d| *d > round.date);
        tally.of += 1;
        tally.count += u32::from(next.is_some_and(|next| next <= due));
        counted = true;
    }
    tally.people += u32::from(counted);
}

/// BIP asked every three months whether the person had had an active intervention; the
/// counsellor's part asks the same, so its "none" answers are the breaks.
fn count_interventions(tally: &mut Tally, within: &[&Round]) {
    let mut counted = false;
    for round in within {
        match round.counsellor_part.as_ref().map(|p| &p.interventions) {
            Some(Interventions::NoneGiven) => tally.count += 1,
            Some(Interventions::Given(_)) => {}
            _ => continue,
        }
        tally.of += 1;
        counted = true;
    }
    tally.people += u32::from(counted);
}

/// Whether a job-focused activity ran on some day together with an activity of another group,
/// within the period and not after today.
fn runs_in_parallel(activities: &[Activity], period: Period, today: NaiveDate) -> bool {
    let end = |a: &Activity| a.end.unwrap_or(today).min(today);
    let (jobs, others): (Vec<&Activity>, Vec<&Activity>) = activities
        .iter()
        .partition(|a| a.group == InterventionGroup::JobFocused);
    jobs.iter().any(|job| {
        others.iter().any(|other| {
            let from = job.start.max(other.start);
            let to = end(job).min(end(other));
            from <= to && overlaps_period(period, from, to)
        })
    })
}

fn overlaps_period(period: Period, from: NaiveDate, to: NaiveDate) -> bool {
    period.from.is_none_or(|start| Month::of(to) >= start)
        && period.to.is_none_or(|last| Month::of(from) <= last)
}

/// One published BIP figure to compare with, and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bip {
    pub percent: f64,
    /// The locale key (in `summary.json`) of the source's name.
    pub source: &'static str,
}

/// Every figure on the summary screen, in its order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Figure {
    FollowUpsOnTime,
    PeriodsWithoutIntervention,
    ParallelJobFocus,
    CounsellorChanged,
    BeliefCertain,
}

impl Figure {
    pub const ALL: [Figure; 5] = [
        Figure::FollowUpsOnTime,
        Figure::PeriodsWithoutIntervention,
        Figure::ParallelJobFocus,
        Figure::CounsellorChanged,
        Figure::BeliefCertain,
    ];

    /// The figure's name in CSV and its locale key (`summary_figure_<key>`).
    pub fn key(self) -> &'static str {
        match self {
            Figure::FollowUpsOnTime => "follow_ups_on_time",
            Figure::PeriodsWithoutIntervention => "periods_without_intervention",
            Figure::ParallelJobFocus => "parallel_job_focus",
            Figure::CounsellorChanged => "counsellor_changed",
            Figure::BeliefCertain => "belief_certain",
        }
    }

    pub fn tally(self, counts: &SummaryCounts) -> Tally {
        match self {
            Figure::FollowUpsOnTime => counts.follow_ups_on_time,
            Figure::PeriodsWithoutIntervention => counts.periods_without_intervention,
            Figure::ParallelJobFocus => counts.parallel_job_focus,
            Figure::CounsellorChanged => counts.counsellor_changed,
            Figure::BeliefCertain => counts.belief_certain(),
        }
    }

    /// BIP's published figure (Væksthusets Forskningscenter); none for follow-ups, which
    /// BIP's design fixed at every three months.
    pub fn bip(self) -> Option<Bip> {
        let (percent, source) = match self {
            Figure::FollowUpsOnTime => return None,
            Figure::PeriodsWithoutIntervention => (23.0, "source_parallel"),
            Figure::ParallelJobFocus => (18.0, "source_parallel"),
            Figure::CounsellorChanged => (40.0, "source_job_prospects"),
            Figure::BeliefCertain => (6.0, "source_job_prospects"),
        };
        Some(Bip { percent, source })
    }
}

/// The format of a summary file; a later change adds a version, old ones keep being read.
pub const SUMMARY_FORMAT: &str = "stegvis-summary";
pub const SUMMARY_VERSION: u32 = 1;
/// No real summary is near this; a larger file is not read.
pub const MAX_SUMMARY_BYTES: usize = 64 * 1024;

/// A summary as it travels between devices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryFile {
    /// The months the counted rounds fall in (the chosen period, narrowed to the rounds).
    pub period: Period,
    /// The month the file was written.
    pub written: Month,
    /// How many device summaries these counts add up (1 for one device).
    pub devices: u32,
    pub counts: SummaryCounts,
}

#[derive(Serialize)]
struct SummaryEnvelope<'a> {
    format: &'static str,
    version: u32,
    #[serde(flatten)]
    file: &'a SummaryFile,
}

/// Why a chosen file is not a summary this app can read; each variant is one translated message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SummaryFileError {
    NotJson,
    NotASummary,
    TooNew { version: u64 },
    Invalid { detail: String },
    TooLarge,
}

impl SummaryFile {
    /// The file for this device's caseload in `period`.
    pub fn of(data: &Caseload, period: Period, today: NaiveDate) -> SummaryFile {
        let dates = data
            .rounds()
            .iter()
            .map(|r| r.date)
            .filter(|d| period.contains(*d));
        let (first, last) = dates.fold(
            (None, None),
            |(lo, hi): (Option<NaiveDate>, Option<NaiveDate>), d| {
                (
                    Some(lo.map_or(d, |lo| lo.min(d))),
                    Some(hi.map_or(d, |hi| hi.max(d))),
                )
            },
        );
        SummaryFile {
            period: Period {
                from: first.map(Month::of),
                to: last.map(Month::of),
            },
            written: Month::of(today),
            devices: 1,
            counts: summarise(data, period, today),
        }
    }

    pub fn write(&self) -> String {
        let envelope = SummaryEnvelope {
            format: SUMMARY_FORMAT,
            version: SUMMARY_VERSION,
            file: self,
        };
        serde_json::to_string_pretty(&envelope).expect("counts serialise to JSON")
    }

    pub fn read(text: &str) -> Result<SummaryFile, SummaryFileError> {
        if text.len() > MAX_SUMMARY_BYTES {
            return Err(SummaryFileError::TooLarge);
        }
        let text = text.trim_start_matches('\u{feff}');
        let json: serde_json::Value =
            serde_json::from_str(text).map_err(|_| SummaryFileError::NotJson)?;
        if json.get("format").and_then(|f| f.as_str()) != Some(SUMMARY_FORMAT) {
            return Err(SummaryFileError::NotASummary);
        }
        let version = json.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
        if version > u64::from(SUMMARY_VERSION) {
            return Err(SummaryFileError::TooNew { version });
        }
        let invalid = |detail: String| SummaryFileError::Invalid { detail };
        if version < 1 {
            return Err(invalid("no version".into()));
        }
        let file: SummaryFile = serde_json::from_value(json).map_err(|e| invalid(e.to_string()))?;
        file.check().map_err(invalid)?;
        Ok(file)
    }

    /// Counts that cannot come from a caseload (more on-time follow-ups than follow-ups…).
    fn check(&self) -> Result<(), String> {
        let c = &self.counts;
        let tallies = [
            c.follow_ups_on_time,
            c.periods_without_intervention,
            c.parallel_job_focus,
            c.counsellor_changed,
        ];
        let fits = tallies
            .iter()
            .all(|t| t.count <= t.of && t.people <= c.people && (t.of == 0) == (t.people == 0))
            && c.belief_people() <= c.people
            && c.movement.values().all(|m| m.people <= c.people)
            && c.rounds >= c.people
            && self.devices >= 1;
        fits.then_some(())
            .ok_or_else(|| "counts do not add up".into())
    }

    /// The summary of several devices: counts added, the period spanning them all.
    pub fn combine(files: &[SummaryFile]) -> Option<SummaryFile> {
        let (first, rest) = files.split_first()?;
        let mut combined = first.clone();
        for file in rest {
            combined.counts.add(&file.counts);
            combined.period = combined.period.span(file.period);
            combined.written = combined.written.max(file.written);
            combined.devices += file.devices;
        }
        Some(combined)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::{FilledBy, ItemAnswer};
    use crate::domain::participant::LeftFor;
    use crate::domain::plan::own_activity;
    use chrono::DateTime;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        date(9, 1)
    }

    /// Six people, counted by hand:
    /// - p0..p4 each have rounds on 15 Jan and 10 Apr (on time: due 15 Apr) and p0..p2 a third
    ///   on 1 Aug (late: due 10 Jul); p3, p4 have no third round, so their 10 Jul follow-up is
    ///   late too. p5 has one round on 1 Jun, due 1 Sep = today: counted, late.
    ///   Follow-ups: p0..p2: 15 Apr ✓, 10 Jul ✗ (1 Aug), 1 Nov (not due). p3, p4: ✓, ✗.
    ///   p5: 1 Sep ✗. → on time 5 of 11, resting on 6 people.
    /// - Interventions in the counsellor part of each person's first round: p0, p1 "none",
    ///   p2..p4 given, p5 not answered → 2 of 5, on 5 people.
    /// - Plans: p0 job + social at once; p1 job then social, never together; p2 only job.
    ///   → 1 of 6.
    /// - Counsellors: p0 changed in March; p1 only ever one → 1 of 6.
    /// - Belief in the latest round answering it: p0 5, p1 5 then later 3 (→ 3), p2 rather
    ///   not, p3 2, p4 4; p5 none → [0,1,1,1,1], rather not 1, on 5 people.
    /// - Job search, first → latest: p0 2→4, p1 3→3, p2 1→2, p3 4→2, p4 rated once;
    ///   → steps 2+0+1-2 = 1 on 4 people (suppressed).
    fn caseload() -> Caseload {
        let mut data = Caseload::default();
        let now = DateTime::default();
        for p in 0..6 {
            let id = format!("p{p}");
            data.add_participant(id.clone(), &format!("Person {p}"), date(1, 1))
                .unwrap();
            data.change_counsellor(&id, "AL", date(1, 1)).unwrap();
            let mut days = match p {
                0..=2 => vec![date(1, 15), date(4, 10), date(8, 1)],
                3 | 4 => vec![date(1, 15), date(4, 10)],
                _ => vec![date(6, 1)],
            };
            for (r, day) in days.drain(..).enumerate() {
                data.start_round(format!("{id}-{r}"), &id, day).unwrap();
            }
        }
        data.change_counsellor("p0", "JN", date(3, 1)).unwrap();
        let given = Interventions::Given(vec!["work_trial".into()]);
        for (p, interventions) in [
            (0, Interventions::NoneGiven),
            (1, Interventions::NoneGiven),
            (2, given.clone()),
            (3, given.clone()),
            (4, given),
        ] {
            let round = format!("p{p}-0");
            data.start_counsellor_part(&round, "AL", now).unwrap();
            data.set_interventions(&round, interventions, now).unwrap();
        }
        let belief = |data: &mut Caseload, round: &str, answer: ItemAnswer| {
            data.start_counsellor_part(round, "AL", now).unwrap();
            data.set_belief(round, answer, now).unwrap();
        };
        let rated = |v| ItemAnswer::rated(v).unwrap();
        belief(&mut data, "p0-1", rated(5));
        belief(&mut data, "p1-0", rated(5));
        belief(&mut data, "p1-2", rated(3));
        belief(&mut data, "p2-1", ItemAnswer::rather_not());
        belief(&mut data, "p3-1", rated(2));
        belief(&mut data, "p4-0", rated(4));
        let answer = |data: &mut Caseload, round: &str, v| {
            data.start_participant_part(round, FilledBy::Participant, now)
                .unwrap();
            data.set_participant_answer(round, ParticipantItem::JobSearch, rated(v), now)
                .unwrap();
        };
        for (p, first, latest) in [(0, 2, 4), (1, 3, 3), (2, 1, 2), (3, 4, 2)] {
            answer(&mut data, &format!("p{p}-0"), first);
            answer(&mut data, &format!("p{p}-1"), latest);
        }
        answer(&mut data, "p4-0", 5);
        let activities = |data: &mut Caseload, who: &str, list: Vec<Activity>| {
            data.change_plan(who, |plan| {
                list.into_iter().for_each(|a| plan.add_activity(a));
                Ok(())
            })
            .unwrap();
        };
        let job = |from, to| own_activity("job", InterventionGroup::JobFocused, from, to);
        let social = |from, to| own_activity("social", InterventionGroup::Social, from, to);
        activities(
            &mut data,
            "p0",
            vec![job(date(2, 1), None), social(date(3, 1), Some(date(3, 31)))],
        );
        let mut separate = vec![job(date(2, 1), Some(date(2, 28))), social(date(3, 1), None)];
        separate[1].id = "social2".into();
        activities(&mut data, "p1", separate);
        activities(&mut data, "p2", vec![job(date(2, 1), None)]);
        data
    }

    #[test]
    fn every_figure_matches_the_hand_count() {
        let counts = summarise(&caseload(), Period::default(), today());
        assert_eq!(counts.people, 6);
        assert_eq!(counts.rounds, 3 * 3 + 2 * 2 + 1);
        let tally = |count, of, people| Tally { count, of, people };
        assert_eq!(counts.follow_ups_on_time, tally(5, 11, 6));
        assert_eq!(counts.periods_without_intervention, tally(2, 5, 5));
        assert_eq!(counts.parallel_job_focus, tally(1, 6, 6));
        assert_eq!(counts.counsellor_changed, tally(1, 6, 6));
        assert_eq!(counts.belief, [0, 1, 1, 1, 1]);
        assert_eq!(counts.belief_rather_not, 1);
        assert_eq!(counts.belief_certain(), tally(1, 5, 5));
        assert_eq!(
            counts.movement[&ParticipantItem::JobSearch],
            Movement {
                steps: 1,
                people: 4
            }
        );
        assert!(!counts.movement.contains_key(&ParticipantItem::Health));
    }

    // Guards anonymity: a figure resting on fewer than five people must never be shown.
    #[test]
    fn figures_on_fewer_than_five_people_are_suppressed() {
        let counts = summarise(&caseload(), Period::default(), today());
        assert_eq!(counts.movement[&ParticipantItem::JobSearch].average(), None);
        let five = Movement {
            steps: 5,
            people: 5,
        };
        assert_eq!(five.average(), Some(1.0));
        assert_eq!(counts.periods_without_intervention.percent(), Some(40.0));
        let four = Tally {
            count: 1,
            of: 4,
            people: 4,
        };
        assert_eq!(four.percent(), None);
        // Many follow-ups of four people are still four people.
        let many = Tally {
            count: 10,
            of: 40,
            people: 4,
        };
        assert_eq!(many.percent(), None);
        let mut small = caseload();
        small.erase_participant("p5").unwrap();
        small.erase_participant("p4").unwrap();
        let counts = summarise(&small, Period::default(), today());
        assert_eq!(counts.people_shown(), None);
        assert_eq!(counts.counsellor_changed.percent(), None);
    }

    #[test]
    fn a_period_counts_only_its_months() {
        let spring = Period {
            from: Month::parse("2026-04"),
            to: Month::parse("2026-06"),
        };
        let counts = summarise(&caseload(), spring, today());
        // The April rounds of p0..p4 and p5's June round.
        assert_eq!((counts.people, counts.rounds), (6, 6));
        // Due in July, after the period: not counted. p5's is due in September.
        assert_eq!(counts.follow_ups_on_time, Tally::default());
        // p0's counsellor changed in March, before the period.
        assert_eq!(counts.counsellor_changed.count, 0);
        // p0's job and social activity ran together in March only.
        assert_eq!(counts.parallel_job_focus.count, 0);
    }

    #[test]
    fn people_who_left_before_a_follow_up_fell_due_do_not_count_as_late() {
        let mut data = caseload();
        data.archive_participant("p5", LeftFor::Work, date(7, 1))
            .unwrap();
        let counts = summarise(&data, Period::default(), today());
        assert_eq!(
            counts.follow_ups_on_time,
            Tally {
                count: 5,
                of: 10,
                people: 5
            }
        );
        assert_eq!(counts.people, 6);
    }

    fn fixture_text() -> String {
        let path = format!(
            "{}/tests/fixtures/summary/v1.json",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing {path}"))
    }

    fn written(data: &Caseload) -> SummaryFile {
        SummaryFile::of(data, Period::default(), today())
    }

    // Guards the travelling format: the shipped version-1 file keeps being read, and this
    // build writes exactly that for the hand-counted caseload.
    #[test]
    fn the_version_1_fixture_reads_and_is_written_unchanged() {
        let file = SummaryFile::read(&fixture_text()).unwrap();
        assert_eq!(file, written(&caseload()));
        let ours: serde_json::Value = serde_json::from_str(&file.write()).unwrap();
        let shipped: serde_json::Value = serde_json::from_str(&fixture_text()).unwrap();
        assert_eq!(ours, shipped);
        assert_eq!(file.period.from, Month::parse("2026-01"));
        assert_eq!(file.period.to, Month::parse("2026-08"));
    }

    #[test]
    fn three_files_combine_into_one_summary() {
        let one = written(&caseload());
        let mut two = one.clone();
        two.period.from = Month::parse("2025-10");
        let mut three = one.clone();
        three.period.to = Month::parse("2026-09");
        three.devices = 2;
        let combined = SummaryFile::combine(&[one.clone(), two, three]).unwrap();
        assert_eq!(combined.devices, 4);
        assert_eq!(combined.counts.people, 18);
        assert_eq!(
            combined.counts.follow_ups_on_time,
            Tally {
                count: 15,
                of: 33,
                people: 18
            }
        );
        assert_eq!(combined.counts.belief, [0, 3, 3, 3, 3]);
        let job_search = combined.counts.movement[&ParticipantItem::JobSearch];
        // Four people on each device are suppressed alone and shown together.
        assert_eq!(
            job_search,
            Movement {
                steps: 3,
                people: 12
            }
        );
        assert_eq!(job_search.average(), Some(0.25));
        assert_eq!(
            combined.period,
            Period {
                from: Month::parse("2025-10"),
                to: Month::parse("2026-09")
            }
        );
        assert_eq!(SummaryFile::combine(&[]), None);
    }

    #[test]
    fn files_that_are_not_summaries_are_refused_with_a_reason() {
        assert_eq!(SummaryFile::read("{"), Err(SummaryFileError::NotJson));
        assert_eq!(
            SummaryFile::read(r#"{"format":"stegvis","schema_version":1,"data":{}}"#),
            Err(SummaryFileError::NotASummary)
        );
        assert_eq!(
            SummaryFile::read(r#"{"format":"stegvis-summary","version":2}"#),
            Err(SummaryFileError::TooNew { version: 2 })
        );
        let mut broken = written(&caseload());
        broken.counts.follow_ups_on_time.count = 99;
        assert!(matches!(
            SummaryFile::read(&broken.write()),
            Err(SummaryFileError::Invalid { .. })
        ));
        let huge = " ".repeat(MAX_SUMMARY_BYTES + 1);
        assert_eq!(SummaryFile::read(&huge), Err(SummaryFileError::TooLarge));
    }

    #[test]
    fn months_are_written_as_year_and_month() {
        assert_eq!(Month::of(date(3, 9)).to_string(), "2026-03");
        assert_eq!(Month::parse("2026-13"), None);
        assert_eq!(Month::parse("june"), None);
    }
}
