//! Why a change to the data was refused. Each variant is one message the interface translates;
//! `Display` gives an English detail for logs and import reports.

use std::collections::BTreeSet;
use std::fmt;

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
        }
    }
}

impl std::error::Error for ModelError {}

/// Trims a required text; refuses one that is then empty.
pub(super) fn required_text(name: &str) -> Result<String, ModelError> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        Err(ModelError::EmptyText)
    } else {
        Ok(trimmed.to_owned())
    }
}

/// Trims optional free text; whitespace only counts as nothing written.
pub(super) fn optional_text(text: Option<String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

/// Refuses the first id that appears twice.
pub(super) fn unique_ids<'a>(ids: impl Iterator<Item = &'a str>) -> Result<(), ModelError> {
    let mut seen = BTreeSet::new();
    for id in ids {
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
        assert_eq!(optional_text(Some("  ".into())), None);
        assert_eq!(optional_text(Some(" note ".into())), Some("note".into()));
        assert_eq!(optional_text(None), None);
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
