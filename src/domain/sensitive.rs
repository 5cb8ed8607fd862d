//! Sensitive answers (violence in a close relationship, risky substance use) in files that
//! leave the device: left out unless the user includes them, and never lost by importing a
//! file that left them out.

use std::sync::Arc;

use super::assessment::SensitiveAnswers;
use super::caseload::Caseload;

impl Caseload {
    /// True when any round holds a sensitive answer (also after the setting was switched off).
    pub fn has_sensitive_answers(&self) -> bool {
        self.rounds.iter().any(|round| {
            round
                .counsellor_part
                .as_ref()
                .is_some_and(|part| part.sensitive != SensitiveAnswers::default())
        })
    }

    /// A copy with every sensitive answer left out.
    pub fn without_sensitive_answers(&self) -> Caseload {
        let mut copy = self.clone();
        for round in copy.rounds_mut().iter_mut() {
            // Only rounds with sensitive answers are copied; the rest stay shared.
            if round
                .counsellor_part
                .as_ref()
                .is_some_and(|part| part.sensitive != SensitiveAnswers::default())
                && let Some(part) = Arc::make_mut(round).counsellor_part.as_mut()
            {
                part.sensitive = SensitiveAnswers::default();
            }
        }
        copy
    }

    /// This data (read from a file that left sensitive answers out) with the sensitive answers
    /// that `device` holds for the same rounds, so that merging it changes none of them.
    pub fn with_sensitive_answers_of(mut self, device: &Caseload) -> Caseload {
        for round in self.rounds_mut() {
            let kept = device
                .round(&round.id)
                .and_then(|r| r.counsellor_part.as_ref())
                .map(|part| part.sensitive);
            if let Some(kept) = kept
                && (round.counsellor_part.as_ref()).is_some_and(|part| part.sensitive != kept)
                && let Some(part) = Arc::make_mut(round).counsellor_part.as_mut()
            {
                part.sensitive = kept;
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::{SensitiveAnswer, SensitiveItem};
    use chrono::{NaiveDate, TimeZone, Utc};

    fn with_sensitive() -> Caseload {
        let now = Utc.with_ymd_and_hms(2026, 2, 1, 10, 0, 0).unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
        let mut data = Caseload::default();
        data.settings.sensitive_items_enabled = true;
        data.add_participant("p1".into(), "Kim", day).unwrap();
        data.start_round("r1".into(), "p1", day).unwrap();
        data.start_counsellor_part("r1", "Ada", now).unwrap();
        data.set_sensitive(
            "r1",
            SensitiveItem::Violence,
            SensitiveAnswer::NotAsked,
            now,
        )
        .unwrap();
        data
    }

    #[test]
    fn sensitive_answers_are_found_and_left_out() {
        let data = with_sensitive();
        assert!(data.has_sensitive_answers());
        let without = data.without_sensitive_answers();
        assert!(!without.has_sensitive_answers());
        assert_eq!(without.rounds.len(), 1);
    }

    // Guards issue 10: a backup without sensitive answers, imported over data that has them,
    // keeps them.
    #[test]
    fn a_file_without_them_takes_the_devices_own() {
        let device = with_sensitive();
        let file = device.without_sensitive_answers();
        assert_eq!(file.with_sensitive_answers_of(&device), device);
    }
}
