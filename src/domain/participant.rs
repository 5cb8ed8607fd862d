//! A participant: who they are to the counsellor (a pseudonym is enough), their goal, and
//! who has been their counsellor when.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::{ModelError, fitting, required_text, sane_date};
use super::language::Language;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// A uuid made by the browser; never shown.
    pub id: String,
    /// A pseudonym or an ID: the only required field (data minimisation, GDPR).
    pub display_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_note: Option<String>,
    pub created: NaiveDate,
    /// Every counsellor in the order they took over. Only ever appended to: each change of
    /// counsellor matters to the person's chances (BIP), so the history is kept.
    #[serde(default)]
    pub counsellors: Vec<CounsellorSpell>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<Goal>,
    /// Set when the person has left: kept out of the daily list and its counts, restorable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<Archived>,
    /// The language her part is in, chosen for her (a `Language` code; one this build does not
    /// speak is kept as it is, and her part then opens in the device's language).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// When and why a participant left the caseload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Archived {
    pub on: NaiveDate,
    pub reason: LeftFor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeftFor {
    Work,
    Studies,
    Moved,
    Ended,
    /// Her record went to another counsellor's device ("Move to a colleague").
    Colleague,
}

impl LeftFor {
    pub const ALL: [LeftFor; 5] = [
        LeftFor::Work,
        LeftFor::Studies,
        LeftFor::Moved,
        LeftFor::Ended,
        LeftFor::Colleague,
    ];

    pub fn key(self) -> &'static str {
        match self {
            LeftFor::Work => "work",
            LeftFor::Studies => "studies",
            LeftFor::Moved => "moved",
            LeftFor::Ended => "ended",
            LeftFor::Colleague => "colleague",
        }
    }
}

/// One counsellor's time with a participant, from the day they took over.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounsellorSpell {
    pub name: String,
    pub from: NaiveDate,
}

/// The main goal is always work or studies (BIP, SKAPA), described in the person's words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub kind: GoalKind,
    #[serde(default)]
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    Work,
    Studies,
}

impl Participant {
    pub fn new(id: String, display_name: &str, today: NaiveDate) -> Result<Self, ModelError> {
        Ok(Participant {
            id,
            display_name: required_text(display_name)?,
            contact_note: None,
            created: today,
            counsellors: Vec::new(),
            goal: None,
            archived: None,
            language: None,
        })
    }

    /// Her language, if one was chosen for her and this build speaks it.
    pub fn her_language(&self) -> Option<Language> {
        self.language.as_deref().and_then(Language::from_tag)
    }

    pub fn current_counsellor(&self) -> Option<&CounsellorSpell> {
        self.counsellors.last()
    }

    /// Records that `name` takes over on `from`. Naming the current counsellor again changes
    /// nothing, so that a repeated save never counts as a change of counsellor.
    pub(super) fn change_counsellor(
        &mut self,
        name: &str,
        from: NaiveDate,
    ) -> Result<(), ModelError> {
        let name = required_text(name)?;
        sane_date(from)?;
        if let Some(current) = self.current_counsellor() {
            if current.name == name {
                return Ok(());
            }
            if from < current.from {
                return Err(ModelError::CounsellorChangeBeforeLatest);
            }
        }
        self.counsellors.push(CounsellorSpell { name, from });
        Ok(())
    }

    /// This person with `other`'s record folded in (the same person added twice): the
    /// counsellor histories join in date order, and a note or goal this one lacks is taken.
    pub(super) fn merged_with(&self, other: Participant) -> Result<Participant, ModelError> {
        let mut spells: Vec<CounsellorSpell> = self
            .counsellors
            .iter()
            .cloned()
            .chain(other.counsellors)
            .collect();
        spells.sort_by_key(|spell| spell.from);
        spells.dedup_by(|later, earlier| later.name == earlier.name);
        let merged = Participant {
            id: self.id.clone(),
            display_name: self.display_name.clone(),
            contact_note: self.contact_note.clone().or(other.contact_note),
            created: self.created.min(other.created),
            counsellors: spells,
            goal: self.goal.clone().or(other.goal),
            // Still on the daily list if either record was.
            archived: self.archived.clone().filter(|_| other.archived.is_some()),
            language: self.language.clone().or(other.language),
        };
        merged.check()?;
        Ok(merged)
    }

    /// The rules every stored or imported participant must follow.
    pub(super) fn check(&self) -> Result<(), ModelError> {
        required_text(&self.display_name)?;
        sane_date(self.created)?;
        for spell in &self.counsellors {
            required_text(&spell.name)?;
            sane_date(spell.from)?;
        }
        if let Some(note) = &self.contact_note {
            fitting(note)?;
        }
        if let Some(goal) = &self.goal {
            fitting(&goal.text)?;
        }
        if let Some(language) = &self.language {
            fitting(language)?;
        }
        if self.counsellors.windows(2).any(|w| w[1].from < w[0].from) {
            return Err(ModelError::CounsellorChangeBeforeLatest);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    #[test]
    fn a_pseudonym_is_enough_and_is_trimmed() {
        let p = Participant::new("p1".into(), "  Kim 7 ", day(1)).unwrap();
        assert_eq!(p.display_name, "Kim 7");
        assert_eq!(p.created, day(1));
        assert!(p.current_counsellor().is_none());
        assert_eq!(
            Participant::new("p2".into(), "   ", day(1)),
            Err(ModelError::EmptyText)
        );
    }

    #[test]
    fn counsellor_history_is_appended_never_rewritten() {
        let mut p = Participant::new("p1".into(), "Kim", day(1)).unwrap();
        p.change_counsellor("Ada", day(1)).unwrap();
        p.change_counsellor("Bo", day(10)).unwrap();
        assert_eq!(p.counsellors.len(), 2);
        assert_eq!(p.current_counsellor().unwrap().name, "Bo");
        assert_eq!(
            p.change_counsellor("Cy", day(5)),
            Err(ModelError::CounsellorChangeBeforeLatest)
        );
        assert_eq!(
            p.change_counsellor(" ", day(12)),
            Err(ModelError::EmptyText)
        );
        assert_eq!(p.counsellors.len(), 2);
    }

    // Guards against a repeated save of the same counsellor being counted as a change.
    #[test]
    fn naming_the_current_counsellor_again_is_no_change() {
        let mut p = Participant::new("p1".into(), "Kim", day(1)).unwrap();
        p.change_counsellor("Ada", day(1)).unwrap();
        p.change_counsellor(" Ada ", day(20)).unwrap();
        assert_eq!(p.counsellors.len(), 1);
    }

    #[test]
    fn check_refuses_a_history_out_of_order() {
        let mut p = Participant::new("p1".into(), "Kim", day(1)).unwrap();
        p.counsellors = vec![
            CounsellorSpell {
                name: "Bo".into(),
                from: day(9),
            },
            CounsellorSpell {
                name: "Ada".into(),
                from: day(2),
            },
        ];
        assert_eq!(p.check(), Err(ModelError::CounsellorChangeBeforeLatest));
    }
}
