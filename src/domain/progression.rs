//! How a person has moved: the answers per item across rounds, and the change since the
//! previous and the first round. A round where an item was "rather not answer" (or not
//! answered) is skipped for that item, never counted as zero.

use chrono::NaiveDate;

use super::assessment::{Ratings, Round};
use super::questionnaire::ParticipantItem;

/// Whose answers: the participant's own, or the counsellor's rating of the same items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Participant,
    Counsellor,
}

fn ratings(round: &Round, view: View) -> Option<&Ratings> {
    match view {
        View::Participant => round.participant_part.as_ref().map(|p| &p.answers),
        View::Counsellor => round.counsellor_part.as_ref().map(|p| &p.ratings),
    }
    .filter(|ratings| !ratings.is_empty())
}

/// One line on the diagram: a round's date and an answer (and comment) per item, in item order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundValues {
    pub date: NaiveDate,
    pub values: Vec<Option<u8>>,
    pub comments: Vec<Option<String>>,
}

/// The rounds (oldest first) that have answers from this view, as values per item.
pub fn round_values(rounds: &[&Round], view: View) -> Vec<RoundValues> {
    rounds
        .iter()
        .filter_map(|round| {
            let ratings = ratings(round, view)?;
            let values = ParticipantItem::ALL
                .iter()
                .map(|item| ratings.get(item).and_then(|a| a.value).map(|v| v.get()))
                .collect();
            let comments = ParticipantItem::ALL
                .iter()
                .map(|item| ratings.get(item).and_then(|a| a.comment.clone()))
                .collect();
            Some(RoundValues {
                date: round.date,
                values,
                comments,
            })
        })
        .collect()
}

/// A change in steps since a given round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    pub steps: i8,
    pub since: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemProgress {
    pub item: ParticipantItem,
    /// The latest rated answer and its date.
    pub latest: Option<(NaiveDate, u8)>,
    pub since_previous: Option<Change>,
    pub since_first: Option<Change>,
}

/// Per item: the latest answer, and the change since the previous and the first round in
/// which the item was rated. Nothing is said where fewer than two rounds rated it.
pub fn progression(rounds: &[RoundValues]) -> Vec<ItemProgress> {
    ParticipantItem::ALL
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let rated: Vec<(NaiveDate, u8)> = rounds
                .iter()
                .filter_map(|r| r.values.get(index).copied().flatten().map(|v| (r.date, v)))
                .collect();
            let latest = rated.last().copied();
            let change = |from: Option<&(NaiveDate, u8)>| {
                let (since, before) = *from?;
                let (_, now) = latest?;
                Some(Change {
                    steps: now as i8 - before as i8,
                    since,
                })
            };
            let (since_previous, since_first) = if rated.len() >= 2 {
                (change(rated.get(rated.len() - 2)), change(rated.first()))
            } else {
                (None, None)
            };
            ItemProgress {
                item: *item,
                latest,
                since_previous,
                since_first,
            }
        })
        .collect()
}

/// Items where the participant and the counsellor differ by two steps or more in a round:
/// a topic for the conversation, never a verdict on who is right.
pub fn differences(participant: &RoundValues, counsellor: &RoundValues) -> Vec<ParticipantItem> {
    ParticipantItem::ALL
        .iter()
        .enumerate()
        .filter(|(index, _)| {
            match (
                participant.values.get(*index).copied().flatten(),
                counsellor.values.get(*index).copied().flatten(),
            ) {
                (Some(p), Some(c)) => p.abs_diff(c) >= 2,
                _ => false,
            }
        })
        .map(|(_, item)| *item)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, d).unwrap()
    }

    fn round(d: u32, first: Option<u8>) -> RoundValues {
        let mut values = vec![Some(3); ParticipantItem::ALL.len()];
        values[0] = first;
        RoundValues {
            date: day(d),
            values,
            comments: vec![None; ParticipantItem::ALL.len()],
        }
    }

    #[test]
    fn change_since_previous_and_first() {
        let progress = progression(&[round(1, Some(1)), round(2, Some(2)), round(3, Some(4))]);
        let first = &progress[0];
        assert_eq!(first.latest, Some((day(3), 4)));
        assert_eq!(
            first.since_previous,
            Some(Change {
                steps: 2,
                since: day(2)
            })
        );
        assert_eq!(
            first.since_first,
            Some(Change {
                steps: 3,
                since: day(1)
            })
        );
        assert_eq!(
            progress[1].since_previous,
            Some(Change {
                steps: 0,
                since: day(2)
            })
        );
    }

    #[test]
    fn a_rather_not_round_is_skipped_not_counted_as_zero() {
        let progress = progression(&[round(1, Some(2)), round(2, None), round(3, Some(3))]);
        assert_eq!(
            progress[0].since_previous,
            Some(Change {
                steps: 1,
                since: day(1)
            })
        );
        assert_eq!(progress[0].latest, Some((day(3), 3)));
    }

    #[test]
    fn nothing_is_said_with_fewer_than_two_rated_rounds() {
        let progress = progression(&[round(1, None), round(2, Some(4))]);
        assert_eq!(progress[0].latest, Some((day(2), 4)));
        assert_eq!(progress[0].since_previous, None);
        assert_eq!(progress[0].since_first, None);
        assert!(progression(&[]).iter().all(|p| p.latest.is_none()));
    }

    #[test]
    fn two_steps_apart_is_a_topic() {
        let participant = round(1, Some(5));
        let counsellor = round(1, Some(3));
        assert_eq!(
            differences(&participant, &counsellor),
            vec![ParticipantItem::JobChances]
        );
        let close = round(1, Some(4));
        assert!(differences(&close, &counsellor).is_empty());
        assert!(differences(&round(1, None), &counsellor).is_empty());
    }
}
