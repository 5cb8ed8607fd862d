//! Fictional example people for training and demonstrations. Nobody here is real.

use chrono::NaiveDate;

use super::questionnaire::ParticipantItem;

/// One example round: its date and an answer per participant item, in item order.
pub struct ExampleRound {
    pub date: NaiveDate,
    pub answers: [Option<u8>; ParticipantItem::ALL.len()],
}

const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid example date")
}

/// "Sam", who moved forward over half a year with job-focused and health support in parallel.
/// In the first round Sam chose not to answer the wage question: a gap, not a zero.
pub const SAM: [ExampleRound; 3] = [
    ExampleRound {
        date: date(2026, 1, 15),
        answers: [
            Some(2),
            Some(2),
            Some(3),
            Some(1),
            Some(2),
            Some(2),
            None,
            Some(1),
        ],
    },
    ExampleRound {
        date: date(2026, 4, 14),
        answers: [
            Some(3),
            Some(2),
            Some(3),
            Some(2),
            Some(3),
            Some(2),
            Some(3),
            Some(2),
        ],
    },
    ExampleRound {
        date: date(2026, 7, 13),
        answers: [
            Some(4),
            Some(3),
            Some(4),
            Some(2),
            Some(3),
            Some(3),
            Some(3),
            Some(4),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::questionnaire::{SCALE_MAX, SCALE_MIN};

    #[test]
    fn example_answers_are_on_the_scale_and_dated_in_order() {
        for round in &SAM {
            assert!(
                round
                    .answers
                    .iter()
                    .flatten()
                    .all(|v| (SCALE_MIN..=SCALE_MAX).contains(v))
            );
        }
        assert!(SAM.windows(2).all(|w| w[0].date < w[1].date));
    }
}
