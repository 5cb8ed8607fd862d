//! One story for refused changes: each `ModelError` variant is one text, in every language.

use super::Texts;
use crate::domain::error::ModelError;

impl Texts {
    /// Why a change was refused, in the user's words. `required` is what the form asks for
    /// when a required text is empty: only the form knows which text that was (a name, a
    /// sub-goal). Every variant is named, so a new one does not compile until it has a text.
    pub fn refusal(&self, error: &ModelError, required: &'static str) -> &'static str {
        match error {
            ModelError::EmptyText => required,
            ModelError::OutOfScale(_) => self.refusal_out_of_scale(),
            ModelError::DuplicateId(_) => self.refusal_duplicate_id(),
            ModelError::UnknownParticipant(_) => self.refusal_unknown_participant(),
            ModelError::UnknownRound(_) => self.refusal_unknown_round(),
            ModelError::UnknownCatalogueEntry(_) => self.refusal_unknown_catalogue_entry(),
            ModelError::UnknownPlanEntry(_) => self.refusal_unknown_plan_entry(),
            ModelError::CounsellorChangeBeforeLatest => {
                self.refusal_counsellor_change_before_latest()
            }
            ModelError::PartNotStarted => self.refusal_part_not_started(),
            ModelError::SensitiveItemsOff => self.refusal_sensitive_items_off(),
            ModelError::EmptyChoice => self.refusal_empty_choice(),
            ModelError::EmptyActivity => self.plan_activity_own_required(),
            ModelError::WrongGroup => self.refusal_wrong_group(),
            ModelError::EndsBeforeStart => self.plan_activity_ends_before_start(),
            ModelError::DateOutOfRange => self.safety_date_out_of_range(),
            ModelError::TextTooLong => self.safety_text_too_long(),
            ModelError::BadId(_) => self.refusal_bad_id(),
            ModelError::NotLatestRound => self.refusal_not_latest_round(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::super::texts;
    use crate::domain::error::ModelError;
    use crate::domain::language::Language;

    /// Every variant once. The match makes a new variant a compile error here too, so the
    /// list cannot fall behind.
    fn every_variant() -> Vec<ModelError> {
        let all = vec![
            ModelError::EmptyText,
            ModelError::OutOfScale(0),
            ModelError::DuplicateId("a".into()),
            ModelError::UnknownParticipant("a".into()),
            ModelError::UnknownRound("a".into()),
            ModelError::UnknownCatalogueEntry("a".into()),
            ModelError::UnknownPlanEntry("a".into()),
            ModelError::CounsellorChangeBeforeLatest,
            ModelError::PartNotStarted,
            ModelError::SensitiveItemsOff,
            ModelError::EmptyChoice,
            ModelError::EmptyActivity,
            ModelError::WrongGroup,
            ModelError::EndsBeforeStart,
            ModelError::DateOutOfRange,
            ModelError::TextTooLong,
            ModelError::BadId("a".into()),
            ModelError::NotLatestRound,
        ];
        for error in &all {
            match error {
                ModelError::EmptyText
                | ModelError::OutOfScale(_)
                | ModelError::DuplicateId(_)
                | ModelError::UnknownParticipant(_)
                | ModelError::UnknownRound(_)
                | ModelError::UnknownCatalogueEntry(_)
                | ModelError::UnknownPlanEntry(_)
                | ModelError::CounsellorChangeBeforeLatest
                | ModelError::PartNotStarted
                | ModelError::SensitiveItemsOff
                | ModelError::EmptyChoice
                | ModelError::EmptyActivity
                | ModelError::WrongGroup
                | ModelError::EndsBeforeStart
                | ModelError::DateOutOfRange
                | ModelError::TextTooLong
                | ModelError::BadId(_)
                | ModelError::NotLatestRound => {}
            }
        }
        all
    }

    #[test]
    fn every_refusal_has_its_own_text_in_every_language() {
        for language in Language::ALL {
            let t = texts(language);
            let required = t.caseload_name_required();
            let texts: Vec<_> = every_variant()
                .iter()
                .map(|error| t.refusal(error, required))
                .collect();
            for (error, text) in every_variant().iter().zip(&texts) {
                assert!(!text.trim().is_empty(), "{error:?} in {language:?}");
                assert!(!text.contains('{'), "{error:?} in {language:?}: {text}");
            }
            assert_eq!(
                texts[0], required,
                "an empty text names what the form needs"
            );
            let distinct: HashSet<_> = texts.iter().collect();
            assert_eq!(
                distinct.len(),
                texts.len(),
                "one text per variant in {language:?}"
            );
        }
    }
}
