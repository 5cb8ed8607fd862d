//! A counsellor's private reflection log: dated notes on their own practice (BIP's reflective
//! practice). Kept with the caseload, so that they go into the backup; never printed or exported
//! to a participant's paper, the CSV or the organisation summary.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::{ModelError, fitting, required_text, sane_date};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReflectionNote {
    pub id: String,
    pub date: NaiveDate,
    pub text: String,
}

impl ReflectionNote {
    pub(super) fn new(
        id: String,
        date: NaiveDate,
        text: &str,
    ) -> Result<ReflectionNote, ModelError> {
        let note = ReflectionNote {
            id,
            date,
            text: required_text(text)?,
        };
        note.check()?;
        Ok(note)
    }

    pub(super) fn check(&self) -> Result<(), ModelError> {
        required_text(&self.text)?;
        fitting(&self.text)?;
        sane_date(self.date)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::domain::caseload::Caseload;
    use crate::domain::merge::{Choices, apply_merge};
    use crate::domain::three_way::{Choice, combine};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn notes_are_dated_listed_newest_first_and_never_empty() {
        let mut data = Caseload::default();
        data.add_reflection("n1".into(), day(2), "What am I not seeing?")
            .unwrap();
        data.add_reflection("n2".into(), day(9), "  Asked an employer.  ")
            .unwrap();
        assert!(data.add_reflection("n3".into(), day(9), "   ").is_err());
        assert!(data.add_reflection("n1".into(), day(9), "again").is_err());
        let texts: Vec<&str> = data.reflections().iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["Asked an employer.", "What am I not seeing?"]);
        data.check().unwrap();
        data.remove_reflection("n1");
        assert_eq!(data.reflections().len(), 1);
        data.erase_all();
        assert!(data.reflections().is_empty());
    }

    #[test]
    fn a_caseload_without_notes_is_stored_as_before() {
        let text = serde_json::to_string(&Caseload::default()).unwrap();
        assert!(!text.contains("reflections"));
        let old: Caseload = serde_json::from_str(&text).unwrap();
        assert!(old.reflections().is_empty());
        let mut data = Caseload::default();
        data.add_reflection("n1".into(), day(2), "A note").unwrap();
        let back: Caseload = serde_json::from_str(&serde_json::to_string(&data).unwrap()).unwrap();
        assert_eq!(back, data);
    }

    #[test]
    fn notes_written_in_two_tabs_or_brought_by_a_backup_are_all_kept() {
        let mut mine = Caseload::default();
        mine.add_reflection("a".into(), day(2), "Mine").unwrap();
        let mut theirs = Caseload::default();
        theirs.add_reflection("b".into(), day(3), "Theirs").unwrap();
        // Each note is an item of its own: the tab that did not write "b" takes it from the other.
        let mut asked = Vec::new();
        let combined = combine(&mine, &theirs, |key| {
            asked.push(key.to_owned());
            if key == "reflection:b" {
                Choice::Theirs
            } else {
                Choice::Mine
            }
        });
        asked.sort();
        assert_eq!(asked, ["reflection:a", "reflection:b"]);
        let ids: BTreeSet<&str> = combined
            .data
            .reflections()
            .iter()
            .map(|n| n.id.as_str())
            .collect();
        assert_eq!(ids, BTreeSet::from(["a", "b"]));
        let merged = apply_merge(&mine, &theirs, &Choices::default()).unwrap();
        assert_eq!(merged.reflections().len(), 2);
        let again = apply_merge(&merged, &theirs, &Choices::default()).unwrap();
        assert_eq!(again, merged);
    }
}
