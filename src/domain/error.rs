//! Why a change to the data was refused. Each variant is one message the interface translates;
//! `Display` gives an English detail for logs and import reports.

use std::collections::BTreeSet;
use std::fmt;

use chrono::NaiveDate;

/// The longest text any field takes: far above a real name, note or comment, and short enough
/// that no text can make a page or a file unwieldy.
pub const MAX_TEXT_CHARS: usize = 1000;

/// Dates outside these years are typing slips (a year 0001 or 9999 in a date field); refusing
/// them keeps every date sum and the timeline's cost bounded.
pub fn earliest_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1990, 1, 1).expect("a valid date")
}

pub fn latest_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2100, 12, 31).expect("a valid date")
}

/// The longest id: ids are made on this device (36 characters) or come from a file.
const MAX_ID_CHARS: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelError {
    /// A required text (a name, a sub-goal) that is empty after trimming.
    EmptyText,
    /// A rating outside the five-step scale. "Rather not answer" is stored as no value, never 0.
    OutOfScale(u8),
    DuplicateId(String),
    UnknownParticipant(String),
    UnknownRound(String),
    UnknownCatalogueEntry(String),
    /// A sub-goal or activity id that is not in the plan.
    UnknownPlanEntry(String),
    /// A new counsellor dated before the one they would follow: the history is append-only.
    CounsellorChangeBeforeLatest,
    /// An answer for a round part (participant or counsellor) that has not been started.
    PartNotStarted,
    /// Sensitive items can be answered only while the organisation has them switched on.
    SensitiveItemsOff,
    /// "Interventions given" with none chosen: the answer is then "none" or not answered yet.
    EmptyChoice,
    /// A plan activity with neither a catalogue entry nor its own text.
    EmptyActivity,
    /// A plan activity whose group differs from the group of its catalogue entry.
    WrongGroup,
    /// A plan activity that ends before it starts.
    EndsBeforeStart,
    /// A date outside `earliest_date()..=latest_date()`.
    DateOutOfRange,
    /// A text longer than `MAX_TEXT_CHARS`.
    TextTooLong,
    /// An id that is not letters, digits, `-` and `_` (ids end up in addresses).
    BadId(String),
    /// Only a participant's latest round can be deleted: earlier ones are the history that
    /// progression is measured against.
    NotLatestRound,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::EmptyText => write!(f, "a required text is empty"),
            ModelError::OutOfScale(value) => write!(f, "{value} is outside the scale 1-5"),
            ModelError::DuplicateId(id) => write!(f, "the id {id} is used twice"),
            ModelError::UnknownParticipant(id) => write!(f, "no participant has the id {id}"),
            ModelError::UnknownRound(id) => write!(f, "no round has the id {id}"),
            ModelError::UnknownCatalogueEntry(id) => {
                write!(f, "the catalogue has no activity {id}")
            }
            ModelError::UnknownPlanEntry(id) => {
                write!(f, "the plan has no sub-goal or activity {id}")
            }
            ModelError::CounsellorChangeBeforeLatest => {
                write!(f, "a counsellor change is dated before the latest one")
            }
            ModelError::PartNotStarted => write!(f, "that part of the round is not started"),
            ModelError::SensitiveItemsOff => write!(f, "sensitive items are switched off"),
            ModelError::EmptyChoice => write!(f, "a list of interventions is empty"),
            ModelError::EmptyActivity => write!(f, "an activity has no name"),
            ModelError::WrongGroup => {
                write!(f, "an activity's group differs from its catalogue entry")
            }
            ModelError::EndsBeforeStart => write!(f, "an activity ends before it starts"),
            ModelError::DateOutOfRange => write!(f, "a date is outside the years 1990-2100"),
            ModelError::TextTooLong => {
                write!(f, "a text is longer than {MAX_TEXT_CHARS} characters")
            }
            ModelError::BadId(id) => write!(f, "{id:?} is not a valid id"),
            ModelError::NotLatestRound => write!(f, "only the latest round can be deleted"),
        }
    }
}

impl std::error::Error for ModelError {}

/// Trims a required text; refuses one that is then empty or too long.
pub(super) fn required_text(name: &str) -> Result<String, ModelError> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        Err(ModelError::EmptyText)
    } else {
        fitting(trimmed).map(str::to_owned)
    }
}

/// Trims optional free text; whitespace only counts as nothing written. Refuses a long one.
pub(super) fn optional_text(text: Option<String>) -> Result<Option<String>, ModelError> {
    text.map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .map(|t| fitting(&t).map(|_| t.clone()))
        .transpose()
}

/// Refuses a text longer than `MAX_TEXT_CHARS`.
pub(super) fn fitting(text: &str) -> Result<&str, ModelError> {
    if text.chars().count() > MAX_TEXT_CHARS {
        Err(ModelError::TextTooLong)
    } else {
        Ok(text)
    }
}

/// Refuses a date outside the years a real round, plan or history can have.
pub(super) fn sane_date(date: NaiveDate) -> Result<(), ModelError> {
    if (earliest_date()..=latest_date()).contains(&date) {
        Ok(())
    } else {
        Err(ModelError::DateOutOfRange)
    }
}

/// Refuses the first id that is not a plain id or appears twice.
pub(super) fn unique_ids<'a>(ids: impl Iterator<Item = &'a str>) -> Result<(), ModelError> {
    let mut seen = BTreeSet::new();
    for id in ids {
        let plain = !id.is_empty()
            && id.len() <= MAX_ID_CHARS
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !plain {
            return Err(ModelError::BadId(id.to_owned()));
        }
        if !seen.insert(id) {
            return Err(ModelError::DuplicateId(id.to_owned()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_texts_are_trimmed_and_must_not_be_empty() {
        assert_eq!(required_text("  A.B. "), Ok("A.B.".to_owned()));
        assert_eq!(required_text(" \t\n"), Err(ModelError::EmptyText));
    }

    #[test]
    fn blank_optional_text_is_nothing() {
        assert_eq!(optional_text(Some("  ".into())), Ok(None));
        assert_eq!(
            optional_text(Some(" note ".into())),
            Ok(Some("note".into()))
        );
        assert_eq!(optional_text(None), Ok(None));
    }

    // Guards issue 10: every text has a length limit, at input and at import.
    #[test]
    fn texts_longer_than_the_limit_are_refused() {
        let limit = "å".repeat(MAX_TEXT_CHARS);
        assert_eq!(required_text(&limit), Ok(limit.clone()));
        let over = format!("{limit}x");
        assert_eq!(required_text(&over), Err(ModelError::TextTooLong));
        assert_eq!(optional_text(Some(over)), Err(ModelError::TextTooLong));
    }

    // Guards issue 10: a year 0001 or +30000 froze the timeline; dates are kept to 1990-2100.
    #[test]
    fn dates_outside_sane_years_are_refused() {
        assert_eq!(sane_date(earliest_date()), Ok(()));
        assert_eq!(sane_date(latest_date()), Ok(()));
        let slip = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
        assert_eq!(sane_date(slip), Err(ModelError::DateOutOfRange));
        let far = NaiveDate::from_ymd_opt(30000, 1, 1).unwrap();
        assert_eq!(sane_date(far), Err(ModelError::DateOutOfRange));
    }

    // Guards issue 10: ids end up in addresses ("../../data" as an id opened the data page).
    #[test]
    fn ids_must_be_plain() {
        assert_eq!(unique_ids(["a-1_B", "0f3c"].into_iter()), Ok(()));
        for bad in ["../../data", "", "a b", "x/y", "%2e", &"a".repeat(65)] {
            assert_eq!(
                unique_ids([bad].into_iter()),
                Err(ModelError::BadId(bad.to_owned())),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_first_repeated_id_is_reported() {
        assert_eq!(unique_ids(["a", "b"].into_iter()), Ok(()));
        assert_eq!(
            unique_ids(["a", "b", "a"].into_iter()),
            Err(ModelError::DuplicateId("a".into()))
        );
    }
}
