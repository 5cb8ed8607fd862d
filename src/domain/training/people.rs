//! Fictional participants for the training caseload. Each is written to illustrate one of BIP's
//! principles and agrees with the findings; none is a real person or a real case. Their stories
//! are in the locale files under their id; here are their rounds, counsellors and plans.

use chrono::{DateTime, Duration, Months, NaiveDate, NaiveTime};

use super::super::assessment::{FilledBy, Interventions, ItemAnswer};
use super::super::caseload::Caseload;
use super::super::error::ModelError;
use super::super::interventions::Catalogue;
use super::super::participant::{Goal, GoalKind};
use super::super::plan::{Activity, ActivityStatus};
use super::super::questionnaire::ParticipantItem;

/// The principle a fictional person's story shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Principle {
    Parallel,
    Staircase,
    Continuity,
    NoBreaks,
    Belief,
}

/// One follow-up: the participant's eight answers (item order), the counsellor's belief and
/// determination, and the activities the person had in the period before it (none: a break).
pub struct StoryRound {
    pub answers: [u8; ParticipantItem::ALL.len()],
    pub belief: u8,
    pub determination: u8,
    pub had: &'static [&'static str],
}

/// An activity of the plan from one round's date to another's (`None`: still going on).
pub struct StoryActivity {
    pub catalogue_id: &'static str,
    pub from_round: usize,
    pub until_round: Option<usize>,
}

pub struct FictionalPerson {
    /// The participant's id in the training caseload and the key of their story's texts.
    pub id: &'static str,
    pub name: &'static str,
    pub principle: Principle,
    pub goal: GoalKind,
    /// Counsellors in the order they took over, each from the month after a round.
    pub counsellors: &'static [(&'static str, Option<usize>)],
    pub rounds: &'static [StoryRound],
    pub plan: &'static [StoryActivity],
}

const fn round(
    answers: [u8; 8],
    belief: u8,
    determination: u8,
    had: &'static [&'static str],
) -> StoryRound {
    StoryRound {
        answers,
        belief,
        determination,
        had,
    }
}

const fn activity(
    catalogue_id: &'static str,
    from_round: usize,
    until_round: Option<usize>,
) -> StoryActivity {
    StoryActivity {
        catalogue_id,
        from_round,
        until_round,
    }
}

const WORK_AND_HEALTH: &[&str] = &["work_trial", "mental_health"];
const BREAK: &[&str] = &[];

pub const PEOPLE: [FictionalPerson; 5] = [
    // Job-focused and health work side by side from the start: steady progress.
    FictionalPerson {
        id: "training-amira",
        name: "Amira",
        principle: Principle::Parallel,
        goal: GoalKind::Work,
        counsellors: &[("Eva", None)],
        rounds: &[
            round([2, 2, 3, 1, 2, 2, 2, 1], 2, 2, &["job_search_support"]),
            round([2, 2, 3, 2, 2, 2, 2, 2], 3, 3, WORK_AND_HEALTH),
            round([3, 2, 3, 2, 3, 2, 3, 2], 3, 3, WORK_AND_HEALTH),
            round([3, 3, 3, 2, 3, 3, 3, 3], 3, 3, WORK_AND_HEALTH),
            round([3, 3, 4, 3, 3, 3, 3, 3], 4, 4, WORK_AND_HEALTH),
            round([4, 3, 4, 3, 4, 3, 3, 4], 4, 4, WORK_AND_HEALTH),
            round(
                [4, 4, 4, 3, 4, 4, 3, 4],
                4,
                4,
                &["work_trial", "supported_employment"],
            ),
            round(
                [4, 4, 5, 3, 4, 4, 4, 5],
                5,
                4,
                &["supported_employment", "mental_health"],
            ),
        ],
        plan: &[
            activity("work_trial", 0, Some(5)),
            activity("mental_health", 0, None),
            activity("supported_employment", 5, None),
        ],
    },
    // Health first, then a course, "work later": no job-focused activity, and little moves.
    FictionalPerson {
        id: "training-jonas",
        name: "Jonas",
        principle: Principle::Staircase,
        goal: GoalKind::Work,
        counsellors: &[("Omar", None)],
        rounds: &[
            round([2, 2, 3, 2, 2, 2, 2, 1], 2, 2, &["mental_health"]),
            round([2, 2, 3, 2, 2, 2, 2, 1], 2, 2, &["mental_health"]),
            round([2, 2, 3, 3, 2, 2, 2, 1], 2, 2, &["mental_health"]),
            round(
                [2, 2, 3, 3, 3, 2, 2, 1],
                2,
                2,
                &["mental_health", "physical_activity"],
            ),
            round([2, 2, 3, 3, 3, 2, 2, 2], 2, 2, &["physical_activity"]),
            round(
                [2, 2, 3, 3, 2, 2, 2, 1],
                2,
                2,
                &["physical_activity", "basic_skills"],
            ),
            round(
                [2, 2, 3, 3, 3, 2, 2, 1],
                2,
                2,
                &["physical_activity", "basic_skills"],
            ),
            round(
                [2, 2, 3, 3, 3, 3, 2, 1],
                2,
                2,
                &["physical_activity", "basic_skills"],
            ),
        ],
        plan: &[
            activity("mental_health", 0, Some(4)),
            activity("physical_activity", 3, None),
            activity("basic_skills", 5, None),
        ],
    },
    // Two changes of counsellor, each followed by a setback.
    FictionalPerson {
        id: "training-leila",
        name: "Leila",
        principle: Principle::Continuity,
        goal: GoalKind::Work,
        counsellors: &[("Eva", None), ("Omar", Some(2)), ("Tove", Some(5))],
        rounds: &[
            round([2, 2, 3, 2, 2, 2, 2, 2], 3, 3, &["job_search_support"]),
            round(
                [3, 2, 3, 2, 3, 2, 2, 3],
                3,
                3,
                &["job_search_support", "housing_support"],
            ),
            round(
                [3, 3, 4, 2, 3, 3, 3, 3],
                4,
                3,
                &["job_search_support", "housing_support"],
            ),
            round(
                [2, 2, 3, 2, 3, 2, 3, 2],
                2,
                2,
                &["job_search_support", "housing_support"],
            ),
            round(
                [3, 2, 3, 2, 3, 3, 3, 2],
                3,
                3,
                &["job_search_support", "housing_support"],
            ),
            round(
                [3, 3, 4, 2, 3, 3, 3, 3],
                3,
                3,
                &["job_search_support", "housing_support"],
            ),
            round(
                [2, 2, 3, 2, 2, 3, 3, 2],
                2,
                2,
                &["job_search_support", "housing_support"],
            ),
            round(
                [2, 3, 3, 2, 3, 3, 3, 2],
                3,
                3,
                &["job_search_support", "housing_support"],
            ),
            round(
                [3, 3, 3, 2, 3, 3, 3, 3],
                3,
                3,
                &["job_search_support", "housing_support"],
            ),
        ],
        plan: &[
            activity("job_search_support", 0, None),
            activity("housing_support", 0, None),
        ],
    },
    // Half a year with no activity between two good periods: he went backwards, then on again.
    FictionalPerson {
        id: "training-mikael",
        name: "Mikael",
        principle: Principle::NoBreaks,
        goal: GoalKind::Work,
        counsellors: &[("Tove", None)],
        rounds: &[
            round([2, 3, 3, 3, 3, 2, 3, 2], 3, 3, &["employer_contacts"]),
            round(
                [3, 3, 3, 3, 3, 3, 3, 3],
                3,
                3,
                &["employer_contacts", "vocational_course"],
            ),
            round(
                [3, 3, 4, 3, 3, 3, 3, 3],
                4,
                4,
                &["employer_contacts", "vocational_course"],
            ),
            round([2, 3, 3, 3, 2, 3, 3, 2], 3, 3, BREAK),
            round([2, 2, 3, 2, 2, 3, 2, 2], 3, 2, BREAK),
            round([2, 3, 3, 3, 3, 3, 3, 2], 3, 3, &["work_trial"]),
            round(
                [3, 3, 4, 3, 3, 3, 3, 3],
                4,
                3,
                &["work_trial", "debt_advice"],
            ),
            round(
                [3, 4, 4, 3, 3, 3, 3, 4],
                4,
                4,
                &["work_trial", "debt_advice"],
            ),
        ],
        plan: &[
            activity("employer_contacts", 0, Some(2)),
            activity("vocational_course", 0, Some(2)),
            activity("work_trial", 4, None),
            activity("debt_advice", 5, None),
        ],
    },
    // The counsellor's belief was low at first; as it grew, so did her own answers.
    FictionalPerson {
        id: "training-sofia",
        name: "Sofia",
        principle: Principle::Belief,
        goal: GoalKind::Studies,
        counsellors: &[("Omar", None)],
        rounds: &[
            round([1, 2, 2, 3, 2, 2, 2, 1], 1, 2, &["basic_skills"]),
            round([1, 2, 2, 3, 2, 2, 2, 1], 1, 2, &["basic_skills"]),
            round([2, 2, 3, 3, 2, 2, 2, 2], 2, 2, &["basic_skills"]),
            round(
                [2, 3, 3, 3, 3, 3, 2, 3],
                3,
                3,
                &["basic_skills", "employer_contacts"],
            ),
            round(
                [3, 3, 3, 3, 3, 3, 3, 3],
                4,
                3,
                &["employer_contacts", "vocational_course"],
            ),
            round(
                [3, 4, 4, 3, 3, 3, 3, 4],
                4,
                4,
                &["employer_contacts", "vocational_course"],
            ),
            round(
                [4, 4, 4, 4, 3, 3, 3, 4],
                5,
                4,
                &["employer_contacts", "vocational_course"],
            ),
        ],
        plan: &[
            activity("basic_skills", 0, Some(4)),
            activity("employer_contacts", 3, None),
            activity("vocational_course", 3, None),
        ],
    },
];

/// How long before today each person's latest round was held: they are up to date.
const LATEST_ROUND_DAYS_AGO: i64 = 14;

impl FictionalPerson {
    /// The dates of the rounds, three months apart, the latest two weeks before `today`.
    pub fn round_dates(&self, today: NaiveDate) -> Vec<NaiveDate> {
        let latest = today - Duration::days(LATEST_ROUND_DAYS_AGO);
        let count = self.rounds.len();
        (0..count)
            .map(|i| {
                let months_before = 3 * (count - 1 - i) as u32;
                latest - Months::new(months_before)
            })
            .collect()
    }

    pub fn round_id(&self, index: usize) -> String {
        format!("{}-round-{}", self.id, index + 1)
    }

    fn add_to(&self, caseload: &mut Caseload, today: NaiveDate) -> Result<(), ModelError> {
        let dates = self.round_dates(today);
        caseload.add_participant(self.id.to_owned(), self.name, dates[0])?;
        caseload.set_goal(
            self.id,
            Some(Goal {
                kind: self.goal,
                text: String::new(),
            }),
        )?;
        for (name, after) in self.counsellors {
            let from = after.map_or(dates[0], |r| dates[r] + Months::new(1));
            caseload.change_counsellor(self.id, name, from)?;
        }
        for (index, (story, date)) in self.rounds.iter().zip(&dates).enumerate() {
            self.add_round(caseload, index, story, *date)?;
        }
        let catalogue = Catalogue::default();
        caseload.change_plan(self.id, |plan| {
            for (index, step) in self.plan.iter().enumerate() {
                let end = step.until_round.map(|r| dates[r]);
                plan.add_activity(Activity {
                    id: format!("{}-activity-{}", self.id, index + 1),
                    catalogue_id: Some(step.catalogue_id.to_owned()),
                    own_text: None,
                    group: catalogue.require(step.catalogue_id)?.group,
                    start: dates[step.from_round],
                    end,
                    responsible: String::new(),
                    place: String::new(),
                    status: if end.is_some() {
                        ActivityStatus::Completed
                    } else {
                        ActivityStatus::UnderWay
                    },
                });
            }
            Ok(())
        })
    }

    fn add_round(
        &self,
        caseload: &mut Caseload,
        index: usize,
        story: &StoryRound,
        date: NaiveDate,
    ) -> Result<(), ModelError> {
        let id = self.round_id(index);
        let at = DateTime::from_naive_utc_and_offset(date.and_time(NaiveTime::MIN), chrono::Utc);
        let counsellor = self.counsellor_at(index);
        caseload.start_round(id.clone(), self.id, date)?;
        caseload.start_participant_part(&id, FilledBy::Participant, at)?;
        for (item, value) in ParticipantItem::ALL.into_iter().zip(story.answers) {
            caseload.set_participant_answer(&id, item, ItemAnswer::rated(value)?, at)?;
        }
        caseload.complete_participant_part(&id, at)?;
        caseload.start_counsellor_part(&id, counsellor, at)?;
        caseload.set_belief(&id, ItemAnswer::rated(story.belief)?, at)?;
        caseload.set_determination(&id, ItemAnswer::rated(story.determination)?, at)?;
        let had = if story.had.is_empty() {
            Interventions::NoneGiven
        } else {
            Interventions::Given(story.had.iter().map(|id| (*id).to_owned()).collect())
        };
        caseload.set_interventions(&id, had, at)
    }

    /// The counsellor who held round `index`: the last one to take over before it.
    pub fn counsellor_at(&self, index: usize) -> &'static str {
        self.counsellors
            .iter()
            .rfind(|(_, after)| after.is_none_or(|r| r < index))
            .map_or("", |(name, _)| name)
    }
}

/// The training caseload: every fictional person, dated so that their latest round was two
/// weeks before `today`.
pub fn training_caseload(today: NaiveDate) -> Caseload {
    let mut caseload = Caseload::default();
    for person in &PEOPLE {
        person
            .add_to(&mut caseload, today)
            .expect("the fictional people follow the model's rules");
    }
    caseload
}

pub fn person(id: &str) -> Option<&'static FictionalPerson> {
    PEOPLE.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::Round;
    use crate::domain::plan_checks::{PlanAdvice, counsellor_changes, plan_advice};
    use crate::domain::timeline::timeline;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    /// The mean of a round's eight answers.
    fn mean(round: &Round) -> f64 {
        let answers = &round.participant_part.as_ref().unwrap().answers;
        let sum: u32 = answers
            .values()
            .map(|a| u32::from(a.value.unwrap().get()))
            .sum();
        f64::from(sum) / answers.len() as f64
    }

    fn means(caseload: &Caseload, id: &str) -> Vec<f64> {
        caseload.rounds_of(id).into_iter().map(mean).collect()
    }

    fn advice(caseload: &Caseload, id: &str) -> Vec<PlanAdvice> {
        plan_advice(caseload.plan_of(id), &caseload.rounds_of(id), today())
    }

    fn who(principle: Principle) -> &'static FictionalPerson {
        PEOPLE.iter().find(|p| p.principle == principle).unwrap()
    }

    #[test]
    fn the_training_caseload_follows_every_rule_of_the_model() {
        let caseload = training_caseload(today());
        caseload.check().unwrap();
        assert_eq!(caseload.participants().len(), PEOPLE.len());
        for person in &PEOPLE {
            let rounds = caseload.rounds_of(person.id);
            assert!((6..=12).contains(&rounds.len()), "{}", person.name);
            assert!(caseload.plan_of(person.id).is_some());
            assert!(
                !caseload
                    .participant(person.id)
                    .unwrap()
                    .counsellors
                    .is_empty()
            );
            // Up to date: the next follow-up is not overdue.
            assert!(
                !advice(&caseload, person.id)
                    .iter()
                    .any(|a| matches!(a, PlanAdvice::FollowUpOverdue { .. })),
                "{}",
                person.name
            );
        }
        // Through JSON and back, as it is stored.
        let text = serde_json::to_string(&caseload).unwrap();
        assert_eq!(serde_json::from_str::<Caseload>(&text).unwrap(), caseload);
    }

    #[test]
    fn parallel_work_moves_amira_on_without_advice_against_her_plan() {
        let caseload = training_caseload(today());
        let amira = who(Principle::Parallel);
        let m = means(&caseload, amira.id);
        assert!(m.last().unwrap() - m[0] >= 1.5, "{m:?}");
        let advice = advice(&caseload, amira.id);
        assert!(advice.is_empty(), "{advice:?}");
    }

    #[test]
    fn the_staircase_plan_has_no_job_focused_activity_and_stays_flat() {
        let caseload = training_caseload(today());
        let jonas = who(Principle::Staircase);
        assert!(advice(&caseload, jonas.id).contains(&PlanAdvice::NoJobFocused));
        let m = means(&caseload, jonas.id);
        assert!((m.last().unwrap() - m[0]).abs() <= 0.5, "{m:?}");
        let spread =
            m.iter().cloned().fold(f64::MIN, f64::max) - m.iter().cloned().fold(f64::MAX, f64::min);
        assert!(spread <= 0.5, "{m:?}");
    }

    #[test]
    fn each_change_of_counsellor_is_followed_by_a_setback() {
        let caseload = training_caseload(today());
        let leila = who(Principle::Continuity);
        let participant = caseload.participant(leila.id).unwrap();
        assert_eq!(counsellor_changes(participant), 2);
        let m = means(&caseload, leila.id);
        for (_, after) in leila.counsellors.iter().skip(1) {
            let r = after.unwrap();
            assert!(m[r + 1] < m[r], "round {} after a change: {m:?}", r + 2);
        }
        // The rounds after a change are held by the new counsellor.
        let rounds = caseload.rounds_of(leila.id);
        let names: Vec<&str> = rounds
            .iter()
            .map(|r| r.counsellor_part.as_ref().unwrap().counsellor.as_str())
            .collect();
        assert_eq!(names[2], "Eva");
        assert_eq!(names[3], "Omar");
        assert_eq!(names[6], "Tove");
    }

    #[test]
    fn the_long_break_is_shaded_and_he_went_backwards_in_it() {
        let caseload = training_caseload(today());
        let mikael = who(Principle::NoBreaks);
        let plan = caseload.plan_of(mikael.id).unwrap();
        let layout = timeline(&plan.activities, today()).unwrap();
        assert_eq!(layout.gaps.len(), 1, "{:?}", layout.gaps);
        let dates = mikael.round_dates(today());
        let gap = &layout.gaps[0];
        assert!(gap.from > dates[2] && gap.to < dates[4]);
        assert!((gap.to - gap.from).num_days() > 150);
        assert!(
            advice(&caseload, mikael.id)
                .iter()
                .any(|a| matches!(a, PlanAdvice::Gap { coming: false, .. }))
        );
        let m = means(&caseload, mikael.id);
        assert!(m[3] < m[2] && m[4] < m[3], "{m:?}");
        assert!(m.last().unwrap() > &m[4]);
    }

    #[test]
    fn belief_rises_from_low_and_her_answers_follow() {
        let caseload = training_caseload(today());
        let sofia = who(Principle::Belief);
        let beliefs: Vec<u8> = caseload
            .rounds_of(sofia.id)
            .iter()
            .map(|r| {
                let part = r.counsellor_part.as_ref().unwrap();
                part.belief.as_ref().unwrap().value.unwrap().get()
            })
            .collect();
        assert!(
            beliefs[0] <= 2 && *beliefs.last().unwrap() >= 4,
            "{beliefs:?}"
        );
        assert!(beliefs.windows(2).all(|w| w[0] <= w[1]));
        let m = means(&caseload, sofia.id);
        assert!(m.last().unwrap() - m[0] >= 1.5, "{m:?}");
        // Low belief asks the counsellor to reflect at the start, not at the end.
        assert!(
            !advice(&caseload, sofia.id)
                .iter()
                .any(|a| matches!(a, PlanAdvice::LowBelief { .. }))
        );
    }

    #[test]
    fn the_stories_show_five_different_principles() {
        for principle in [
            Principle::Parallel,
            Principle::Staircase,
            Principle::Continuity,
            Principle::NoBreaks,
            Principle::Belief,
        ] {
            assert_eq!(
                PEOPLE.iter().filter(|p| p.principle == principle).count(),
                1
            );
        }
    }
}
