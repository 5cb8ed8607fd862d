//! The order of a workshop on the projector: the findings, one fictional person's journey round
//! by round, then an exercise where the room decides before the next rounds are revealed.

use super::findings::Finding;
use super::people::{FictionalPerson, PEOPLE};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    Title,
    Finding(Finding),
    /// `PEOPLE[person]` up to and including round `round` (0-based).
    Journey {
        person: usize,
        round: usize,
    },
    /// "What would you do next?": `PEOPLE[person]` as they stood at round `round`.
    Exercise {
        person: usize,
        round: usize,
    },
    /// The rounds after the exercise's round, and what the plan was.
    Reveal {
        person: usize,
        round: usize,
    },
    Reflection,
}

/// Whose journey is told round by round: the long break makes the rounds tell a story.
pub const JOURNEY_PERSON: usize = 3;
/// The exercise: the staircase plan, seen at its fourth round.
pub const EXERCISE_PERSON: usize = 1;
pub const EXERCISE_ROUND: usize = 3;

/// Every slide of the workshop, in order.
pub fn workshop() -> Vec<Slide> {
    let journey: &FictionalPerson = &PEOPLE[JOURNEY_PERSON];
    let mut slides = vec![Slide::Title];
    slides.extend(Finding::ALL.map(Slide::Finding));
    slides.extend((0..journey.rounds.len()).map(|round| Slide::Journey {
        person: JOURNEY_PERSON,
        round,
    }));
    slides.push(Slide::Exercise {
        person: EXERCISE_PERSON,
        round: EXERCISE_ROUND,
    });
    slides.push(Slide::Reveal {
        person: EXERCISE_PERSON,
        round: EXERCISE_ROUND,
    });
    slides.push(Slide::Reflection);
    slides
}

/// What a key (or a presenter's clicker, which sends arrow or page keys) asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Next,
    Previous,
    First,
    Last,
}

impl Move {
    /// The move a key name (`KeyboardEvent.key`) stands for, if any.
    pub fn from_key(key: &str) -> Option<Move> {
        match key {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " => Some(Move::Next),
            "ArrowLeft" | "ArrowUp" | "PageUp" => Some(Move::Previous),
            "Home" => Some(Move::First),
            "End" => Some(Move::Last),
            _ => None,
        }
    }

    /// The slide index after this move from `current` among `count` slides (stays in range).
    pub fn apply(self, current: usize, count: usize) -> usize {
        let last = count.saturating_sub(1);
        match self {
            Move::Next => (current + 1).min(last),
            Move::Previous => current.saturating_sub(1),
            Move::First => 0,
            Move::Last => last,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workshop_runs_findings_then_a_journey_then_an_exercise() {
        let slides = workshop();
        let kind = |s: &Slide| match s {
            Slide::Title => 0,
            Slide::Finding(_) => 1,
            Slide::Journey { .. } => 2,
            Slide::Exercise { .. } => 3,
            Slide::Reveal { .. } => 4,
            Slide::Reflection => 5,
        };
        let kinds: Vec<u8> = slides.iter().map(kind).collect();
        assert!(kinds.windows(2).all(|w| w[0] <= w[1]), "{kinds:?}");
        assert_eq!(
            kinds.iter().filter(|k| **k == 1).count(),
            Finding::ALL.len()
        );
        assert_eq!(
            kinds.iter().filter(|k| **k == 2).count(),
            PEOPLE[JOURNEY_PERSON].rounds.len()
        );
        assert!(EXERCISE_ROUND + 1 < PEOPLE[EXERCISE_PERSON].rounds.len());
    }

    #[test]
    fn keys_move_within_the_slides() {
        let next = Move::from_key("PageDown").unwrap();
        assert_eq!(next.apply(0, 3), 1);
        assert_eq!(next.apply(2, 3), 2);
        assert_eq!(Move::from_key("ArrowLeft").unwrap().apply(0, 3), 0);
        assert_eq!(Move::from_key("End").unwrap().apply(0, 3), 2);
        assert_eq!(Move::from_key("Home").unwrap().apply(2, 3), 0);
        assert_eq!(Move::from_key("Escape"), None);
    }
}
