//! Generators for the property tests: realistic caseloads built through the domain's own
//! methods (so every generated caseload is one the app could have made), and their parts.

use chrono::{DateTime, NaiveDate, Utc};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

use crate::domain::assessment::{
    FilledBy, Interventions, ItemAnswer, Rating, SensitiveAnswer, SensitiveItem,
};
use crate::domain::caseload::Caseload;
use crate::domain::interventions::{InterventionGroup, SEED};
use crate::domain::participant::{Goal, GoalKind, LeftFor};
use crate::domain::plan::{ActionPlan, Activity, ActivityStatus, SubGoal, SubGoalStatus};
use crate::domain::questionnaire::ParticipantItem;

fn text() -> impl Strategy<Value = String> {
    // Letters of our languages, spaces, and the characters CSV and JSON care about.
    "[a-zA-ZåäöæøÅÄÖÆØ0-9 ,;\"'\\\\\n=+-]{0,12}"
}

fn name() -> impl Strategy<Value = String> {
    (text(), "[a-zåäøA-Z0-9]").prop_map(|(text, last)| text + &last)
}

pub fn date() -> impl Strategy<Value = NaiveDate> {
    (2020i32..2032, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn moment() -> impl Strategy<Value = DateTime<Utc>> {
    (1_500_000_000i64..2_500_000_000, 0u32..1_000_000_000)
        .prop_map(|(s, n)| DateTime::from_timestamp(s, n).unwrap())
}

fn answer() -> impl Strategy<Value = ItemAnswer> {
    (option::of(1u8..=5), option::of(name())).prop_map(|(value, comment)| ItemAnswer {
        value: value.map(|v| Rating::new(v).unwrap()),
        comment,
    })
}

fn item() -> impl Strategy<Value = ParticipantItem> {
    (0..ParticipantItem::ALL.len()).prop_map(|i| ParticipantItem::ALL[i])
}

type Answers = Vec<(ParticipantItem, ItemAnswer)>;

fn ratings() -> impl Strategy<Value = Answers> {
    vec((item(), answer()), 0..9)
}

fn seed_id() -> impl Strategy<Value = (String, InterventionGroup)> {
    (0..SEED.len()).prop_map(|i| (SEED[i].0.to_owned(), SEED[i].1))
}

#[derive(Clone, Debug)]
struct CounsellorScript {
    name: String,
    belief: Option<ItemAnswer>,
    determination: Option<ItemAnswer>,
    interventions: Option<Vec<String>>,
    ratings: Answers,
    violence: Option<Option<u8>>,
}

fn counsellor() -> impl Strategy<Value = CounsellorScript> {
    (
        name(),
        option::of(answer()),
        option::of(answer()),
        option::of(vec(seed_id().prop_map(|(id, _)| id), 0..4)),
        ratings(),
        option::of(option::of(1u8..=5)),
    )
        .prop_map(
            |(name, belief, determination, interventions, ratings, violence)| CounsellorScript {
                name,
                belief,
                determination,
                interventions,
                ratings,
                violence,
            },
        )
}

#[derive(Clone, Debug)]
struct RoundScript {
    date: NaiveDate,
    now: DateTime<Utc>,
    /// Helped by the counsellor, the answers, completed.
    participant: Option<(bool, Answers, bool)>,
    counsellor: Option<CounsellorScript>,
}

fn round() -> impl Strategy<Value = RoundScript> {
    (
        date(),
        moment(),
        option::of((any::<bool>(), ratings(), any::<bool>())),
        option::of(counsellor()),
    )
        .prop_map(|(date, now, participant, counsellor)| RoundScript {
            date,
            now,
            participant,
            counsellor,
        })
}

fn activity() -> impl Strategy<Value = Activity> {
    (
        option::of(seed_id()),
        name(),
        date(),
        option::of(0u64..400),
        text(),
        text(),
        0usize..4,
    )
        .prop_map(
            |(seed, own, start, days, responsible, place, status)| Activity {
                id: String::new(),
                own_text: seed.is_none().then_some(own),
                group: seed.as_ref().map_or(InterventionGroup::Social, |s| s.1),
                catalogue_id: seed.map(|s| s.0),
                start,
                end: days.map(|d| start + chrono::Days::new(d)),
                responsible,
                place,
                status: [
                    ActivityStatus::Planned,
                    ActivityStatus::UnderWay,
                    ActivityStatus::Completed,
                    ActivityStatus::Stopped,
                ][status],
            },
        )
}

fn sub_goal() -> impl Strategy<Value = SubGoal> {
    (name(), option::of(item()), option::of(date()), 0usize..4).prop_map(
        |(text, item, due, status)| SubGoal {
            id: String::new(),
            text,
            item,
            due,
            status: [
                SubGoalStatus::NotStarted,
                SubGoalStatus::UnderWay,
                SubGoalStatus::Reached,
                SubGoalStatus::Dropped,
            ][status],
        },
    )
}

fn plan() -> impl Strategy<Value = ActionPlan> {
    (
        vec(item(), 0..3),
        vec(sub_goal(), 0..3),
        vec(activity(), 0..4),
    )
        .prop_map(|(focus_items, mut sub_goals, mut activities)| {
            for (i, goal) in sub_goals.iter_mut().enumerate() {
                goal.id = format!("g{i}");
            }
            for (i, activity) in activities.iter_mut().enumerate() {
                activity.id = format!("a{i}");
            }
            ActionPlan {
                participant_id: String::new(),
                focus_items,
                sub_goals,
                activities,
            }
        })
}

#[derive(Clone, Debug)]
struct ParticipantScript {
    name: String,
    created: NaiveDate,
    note: Option<String>,
    goal: Option<(bool, String)>,
    counsellors: Vec<String>,
    rounds: Vec<RoundScript>,
    plan: Option<ActionPlan>,
    /// Archived: why and when they left.
    left: Option<(LeftFor, NaiveDate)>,
}

fn participant() -> impl Strategy<Value = ParticipantScript> {
    (
        name(),
        date(),
        option::of(text()),
        option::of((any::<bool>(), text())),
        vec(name(), 0..3),
        vec(round(), 0..4),
        option::of(plan()),
        option::of((0..LeftFor::ALL.len(), date())),
    )
        .prop_map(
            |(name, created, note, goal, counsellors, rounds, plan, left)| ParticipantScript {
                name,
                created,
                note,
                goal,
                counsellors,
                rounds,
                plan,
                left: left.map(|(reason, on)| (LeftFor::ALL[reason], on)),
            },
        )
}

/// A caseload built through the same methods the screens use.
pub fn caseload() -> impl Strategy<Value = Caseload> {
    (vec(participant(), 0..5), vec(name(), 0..2), any::<bool>()).prop_map(
        |(people, custom, retire)| {
            let mut data = Caseload::default();
            data.set_sensitive_items_enabled(true);
            let catalogue = data.catalogue_mut();
            for (i, name) in custom.iter().enumerate() {
                let group = InterventionGroup::ALL[i % 4];
                catalogue.add_custom(format!("c{i}"), group, name).unwrap();
            }
            if retire {
                catalogue.retire("wage_subsidy").unwrap();
            }
            for (i, person) in people.into_iter().enumerate() {
                build_participant(&mut data, &format!("p{i}"), person);
            }
            data
        },
    )
}

fn build_participant(data: &mut Caseload, id: &str, person: ParticipantScript) {
    data.add_participant(id.to_owned(), &person.name, person.created)
        .unwrap();
    data.set_contact_note(id, person.note).unwrap();
    let goal = person.goal.map(|(work, text)| Goal {
        kind: if work {
            GoalKind::Work
        } else {
            GoalKind::Studies
        },
        text,
    });
    data.set_goal(id, goal).unwrap();
    for (days, name) in person.counsellors.iter().enumerate() {
        let from = person.created + chrono::Days::new(days as u64);
        data.change_counsellor(id, name, from).unwrap();
    }
    for (j, round) in person.rounds.into_iter().enumerate() {
        let round_id = format!("{id}-r{j}");
        data.start_round(round_id.clone(), id, round.date).unwrap();
        build_round(data, &round_id, round);
    }
    if let Some(plan) = person.plan {
        let plan = ActionPlan {
            participant_id: id.to_owned(),
            ..plan
        };
        data.save_plan(plan).unwrap();
    }
    if let Some((reason, on)) = person.left {
        data.archive_participant(id, reason, on).unwrap();
    }
}

fn build_round(data: &mut Caseload, round_id: &str, round: RoundScript) {
    let now = round.now;
    if let Some((helped, answers, completed)) = round.participant {
        let filled_by = if helped {
            FilledBy::CounsellorWithParticipant
        } else {
            FilledBy::Participant
        };
        data.start_participant_part(round_id, filled_by, now)
            .unwrap();
        for (item, answer) in answers {
            data.set_participant_answer(round_id, item, answer, now)
                .unwrap();
        }
        if completed {
            data.complete_participant_part(round_id, now).unwrap();
        }
    }
    if let Some(c) = round.counsellor {
        data.start_counsellor_part(round_id, &c.name, now).unwrap();
        if let Some(belief) = c.belief {
            data.set_belief(round_id, belief, now).unwrap();
        }
        if let Some(determination) = c.determination {
            data.set_determination(round_id, determination, now)
                .unwrap();
        }
        let interventions = match c.interventions {
            None => Interventions::NotAnswered,
            Some(ids) if ids.is_empty() => Interventions::NoneGiven,
            Some(ids) => Interventions::Given(ids),
        };
        data.set_interventions(round_id, interventions, now)
            .unwrap();
        for (item, answer) in c.ratings {
            data.set_counsellor_rating(round_id, item, answer, now)
                .unwrap();
        }
        if let Some(violence) = c.violence {
            let answer = violence.map_or(SensitiveAnswer::NotAsked, |v| {
                SensitiveAnswer::Rated(Rating::new(v).unwrap())
            });
            data.set_sensitive(round_id, SensitiveItem::Violence, answer, now)
                .unwrap();
        }
    }
}
