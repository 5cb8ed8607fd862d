//! Assessment rounds: a dated set of answers from the participant and from the counsellor,
//! filled at different times, and when the next follow-up is due.

use std::collections::BTreeMap;

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::error::ModelError;
use super::interventions::Catalogue;
use super::questionnaire::{ParticipantItem, SCALE_MAX, SCALE_MIN};
use super::stored_time;

/// A step on the five-step scale. Cannot hold anything outside 1..=5, also when read from JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Rating(u8);

impl Rating {
    pub fn new(value: u8) -> Result<Rating, ModelError> {
        if (SCALE_MIN..=SCALE_MAX).contains(&value) {
            Ok(Rating(value))
        } else {
            Err(ModelError::OutOfScale(value))
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Rating {
    type Error = ModelError;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Rating::new(value)
    }
}

impl From<Rating> for u8 {
    fn from(rating: Rating) -> u8 {
        rating.0
    }
}

/// The answer to one rated item. `value: None` is "I'd rather not answer" (skipped in
/// progression, a gap on the chart); an item missing from its map is not answered yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemAnswer {
    pub value: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl ItemAnswer {
    pub fn rated(value: u8) -> Result<ItemAnswer, ModelError> {
        Ok(ItemAnswer {
            value: Some(Rating::new(value)?),
            comment: None,
        })
    }

    pub fn rather_not() -> ItemAnswer {
        ItemAnswer {
            value: None,
            comment: None,
        }
    }
}

pub type Ratings = BTreeMap<ParticipantItem, ItemAnswer>;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    pub id: String,
    pub participant_id: String,
    #[serde(deserialize_with = "stored_time::date")]
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant_part: Option<ParticipantPart>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counsellor_part: Option<CounsellorPart>,
}

/// Who held the device while the participant's answers were given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilledBy {
    Participant,
    CounsellorWithParticipant,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantPart {
    #[serde(default)]
    pub answers: Ratings,
    pub filled_by: FilledBy,
    #[serde(deserialize_with = "stored_time::time")]
    pub updated: DateTime<Utc>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "stored_time::optional_time"
    )]
    pub completed: Option<DateTime<Utc>>,
    /// The language of the questions as she saw them, when it is not the one her counsellor
    /// reads them in (a `Language` code): the counsellor's screens show her wording too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// The interventions the participant had in the past period. "None" is an answer of its own:
/// a break with no intervention is something BIP warns about, unlike a question not yet answered.
impl ParticipantPart {
    /// How many of the eight items have an answer ("rather not answer" counts as one).
    pub fn answered_count(&self) -> usize {
        ParticipantItem::ALL
            .iter()
            .filter(|item| self.answers.contains_key(item))
            .count()
    }

    /// The participant's own words on one item, if they wrote any.
    pub fn comment(&self, item: ParticipantItem) -> Option<&str> {
        self.answers
            .get(&item)
            .and_then(|a| a.comment.as_deref())
            .filter(|c| !c.trim().is_empty())
    }

    /// How many items carry a comment: shown where the counsellor reads the round.
    pub fn comment_count(&self) -> usize {
        ParticipantItem::ALL
            .into_iter()
            .filter(|item| self.comment(*item).is_some())
            .count()
    }

    /// Where to resume: the first item without an answer.
    pub fn first_unanswered(&self) -> Option<ParticipantItem> {
        ParticipantItem::ALL
            .into_iter()
            .find(|item| !self.answers.contains_key(item))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Interventions {
    #[default]
    NotAnswered,
    NoneGiven,
    /// Catalogue ids; never empty.
    Given(Vec<String>),
}

/// An answer to a sensitive item (violence in a close relationship, risky substance use).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SensitiveAnswer {
    /// "Not asked / not safe to ask now": these are asked only when the person is alone.
    NotAsked,
    Rated(Rating),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SensitiveAnswers {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub violence: Option<SensitiveAnswer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substance_use: Option<SensitiveAnswer>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SensitiveItem {
    Violence,
    SubstanceUse,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounsellorPart {
    pub counsellor: String,
    /// "Will this person be in work or education within a year?"
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub belief: Option<ItemAnswer>,
    /// "Does the person act purposefully towards a job?"
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub determination: Option<ItemAnswer>,
    #[serde(default)]
    pub interventions: Interventions,
    /// The counsellor's own view of the eight items, kept beside the participant's answers:
    /// a difference is a topic for dialogue, so neither overwrites the other.
    #[serde(default)]
    pub ratings: Ratings,
    #[serde(default)]
    pub sensitive: SensitiveAnswers,
    #[serde(deserialize_with = "stored_time::time")]
    pub updated: DateTime<Utc>,
}

impl CounsellorPart {
    pub(super) fn new(counsellor: String, now: DateTime<Utc>) -> CounsellorPart {
        CounsellorPart {
            counsellor,
            belief: None,
            determination: None,
            interventions: Interventions::NotAnswered,
            ratings: Ratings::new(),
            sensitive: SensitiveAnswers::default(),
            updated: now,
        }
    }
}

impl Interventions {
    /// Every id refers to the catalogue (retired entries included) and a given list is not empty.
    pub(super) fn check(&self, catalogue: &Catalogue) -> Result<(), ModelError> {
        match self {
            Interventions::Given(ids) if ids.is_empty() => Err(ModelError::EmptyChoice),
            Interventions::Given(ids) => ids
                .iter()
                .try_for_each(|id| catalogue.require(id).map(|_| ())),
            Interventions::NotAnswered | Interventions::NoneGiven => Ok(()),
        }
    }
}

/// Follow-up is due three months after the latest round; `None` before the first round.
pub fn next_follow_up_due<'a>(rounds: impl IntoIterator<Item = &'a Round>) -> Option<NaiveDate> {
    follow_up_after(rounds.into_iter().map(|r| r.date).max()?)
}

/// When the follow-up of a round on `latest` falls due: three months on.
pub fn follow_up_after(latest: NaiveDate) -> Option<NaiveDate> {
    latest.checked_add_months(Months::new(3))
}

pub fn is_follow_up_due<'a>(rounds: impl IntoIterator<Item = &'a Round>, today: NaiveDate) -> bool {
    next_follow_up_due(rounds).is_some_and(|due| today >= due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn round(id: &str, date: NaiveDate) -> Round {
        Round {
            id: id.into(),
            participant_id: "p1".into(),
            date,
            participant_part: None,
            counsellor_part: None,
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn ratings_stay_on_the_scale() {
        assert_eq!(Rating::new(1).unwrap().get(), 1);
        assert_eq!(Rating::new(5).unwrap().get(), 5);
        assert_eq!(Rating::new(0), Err(ModelError::OutOfScale(0)));
        assert_eq!(ItemAnswer::rated(6), Err(ModelError::OutOfScale(6)));
    }

    // Guards the stored format: an out-of-scale number in JSON must never become a rating.
    #[test]
    fn json_outside_the_scale_is_refused() {
        assert!(serde_json::from_value::<ItemAnswer>(json!({"value": 7})).is_err());
        assert!(serde_json::from_value::<ItemAnswer>(json!({"value": 0})).is_err());
        let answer: ItemAnswer = serde_json::from_value(json!({"value": 4})).unwrap();
        assert_eq!(answer, ItemAnswer::rated(4).unwrap());
    }

    // Guards the rule that "rather not answer" is stored as no value, never as 0.
    #[test]
    fn rather_not_answer_is_stored_as_null() {
        let stored = serde_json::to_value(ItemAnswer::rather_not()).unwrap();
        assert_eq!(stored, json!({"value": null}));
    }

    #[test]
    fn follow_up_is_due_three_months_after_the_latest_round() {
        let rounds = [
            round("r2", date(2026, 4, 14)),
            round("r1", date(2026, 1, 15)),
        ];
        assert_eq!(next_follow_up_due(&rounds), Some(date(2026, 7, 14)));
        assert!(!is_follow_up_due(&rounds, date(2026, 7, 13)));
        assert!(is_follow_up_due(&rounds, date(2026, 7, 14)));
        assert!(is_follow_up_due(&rounds, date(2027, 1, 1)));
    }

    #[test]
    fn month_ends_clamp_and_no_rounds_means_nothing_due() {
        let rounds = [round("r1", date(2025, 11, 30))];
        assert_eq!(next_follow_up_due(&rounds), Some(date(2026, 2, 28)));
        assert_eq!(next_follow_up_due(&[]), None);
        assert!(!is_follow_up_due(&[], date(2026, 1, 1)));
    }

    #[test]
    fn interventions_refer_to_the_catalogue() {
        let catalogue = Catalogue::default();
        assert_eq!(Interventions::NoneGiven.check(&catalogue), Ok(()));
        assert_eq!(
            Interventions::Given(vec!["work_trial".into()]).check(&catalogue),
            Ok(())
        );
        assert_eq!(
            Interventions::Given(vec!["made_up".into()]).check(&catalogue),
            Err(ModelError::UnknownCatalogueEntry("made_up".into()))
        );
        assert_eq!(
            Interventions::Given(vec![]).check(&catalogue),
            Err(ModelError::EmptyChoice)
        );
    }

    #[test]
    fn resuming_starts_at_the_first_unanswered_item() {
        let mut part = ParticipantPart {
            language: None,
            answers: Ratings::new(),
            filled_by: FilledBy::Participant,
            updated: DateTime::default(),
            completed: None,
        };
        assert_eq!(part.first_unanswered(), Some(ParticipantItem::JobChances));
        part.answers
            .insert(ParticipantItem::JobChances, ItemAnswer::rather_not());
        part.answers
            .insert(ParticipantItem::Cooperation, ItemAnswer::rated(3).unwrap());
        assert_eq!(part.answered_count(), 2);
        assert_eq!(part.first_unanswered(), Some(ParticipantItem::ManagingJob));
        for item in ParticipantItem::ALL {
            part.answers.insert(item, ItemAnswer::rated(4).unwrap());
        }
        assert_eq!(part.first_unanswered(), None);
    }

    #[test]
    fn comments_are_read_per_item_and_blank_ones_do_not_count() {
        let mut part = ParticipantPart {
            language: None,
            answers: Ratings::new(),
            filled_by: FilledBy::Participant,
            updated: DateTime::default(),
            completed: None,
        };
        let with = |comment: &str| ItemAnswer {
            value: None,
            comment: Some(comment.into()),
        };
        part.answers
            .insert(ParticipantItem::Health, with("Vondt i ryggen"));
        part.answers.insert(ParticipantItem::JobSearch, with("  "));
        part.answers
            .insert(ParticipantItem::Cooperation, ItemAnswer::rated(2).unwrap());
        assert_eq!(
            part.comment(ParticipantItem::Health),
            Some("Vondt i ryggen")
        );
        assert_eq!(part.comment(ParticipantItem::JobSearch), None);
        assert_eq!(part.comment(ParticipantItem::Cooperation), None);
        assert_eq!(part.comment_count(), 1);
    }
}
