//! The intervention catalogue and its four groups (BIP). The organisation may add its own
//! activities, rename and retire them; a retired activity stays readable in old rounds and plans.

use serde::{Deserialize, Serialize};

use super::error::{ModelError, required_text, unique_ids};

/// BIP studied interventions in four groups. Only job-focused ones moved people on their own;
/// the others did so when combined with a job-focused one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterventionGroup {
    JobFocused,
    Upskilling,
    Social,
    Health,
}

impl InterventionGroup {
    pub const ALL: [InterventionGroup; 4] = [
        InterventionGroup::JobFocused,
        InterventionGroup::Upskilling,
        InterventionGroup::Social,
        InterventionGroup::Health,
    ];

    /// A stable id for exports and locale keys.
    pub fn id(self) -> &'static str {
        match self {
            InterventionGroup::JobFocused => "job_focused",
            InterventionGroup::Upskilling => "upskilling",
            InterventionGroup::Social => "social",
            InterventionGroup::Health => "health",
        }
    }

    /// The group whose `id` this is (a form's chosen value).
    pub fn from_id(id: &str) -> Option<InterventionGroup> {
        InterventionGroup::ALL.into_iter().find(|g| g.id() == id)
    }
}

/// What an activity is called. A seeded activity's text lives in the locale files under its
/// id, so it appears in every language; a custom or renamed one keeps the organisation's words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CatalogueName {
    Seed,
    Custom(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueEntry {
    pub id: String,
    pub group: InterventionGroup,
    pub name: CatalogueName,
    #[serde(default)]
    pub retired: bool,
}

impl CatalogueEntry {
    /// Exactly as the app ships it: a seeded entry with its shipped name and group, still
    /// offered. Nothing on such an entry is anyone's own choice.
    pub fn is_as_shipped(&self) -> bool {
        !self.retired
            && self.name == CatalogueName::Seed
            && SEED
                .iter()
                .any(|(id, group)| *id == self.id && *group == self.group)
    }
}

/// The activities shipped with the app, by group (ids are locale keys; never change them).
pub const SEED: [(&str, InterventionGroup); 17] = [
    ("work_trial", InterventionGroup::JobFocused),
    ("wage_subsidy", InterventionGroup::JobFocused),
    ("supported_employment", InterventionGroup::JobFocused),
    ("employer_contacts", InterventionGroup::JobFocused),
    ("job_search_support", InterventionGroup::JobFocused),
    ("vocational_course", InterventionGroup::Upskilling),
    ("basic_skills", InterventionGroup::Upskilling),
    ("adult_education", InterventionGroup::Upskilling),
    ("certificates", InterventionGroup::Upskilling),
    ("housing_support", InterventionGroup::Social),
    ("debt_advice", InterventionGroup::Social),
    ("mentor_network", InterventionGroup::Social),
    ("family_support", InterventionGroup::Social),
    ("physical_activity", InterventionGroup::Health),
    ("mental_health", InterventionGroup::Health),
    ("addiction_treatment", InterventionGroup::Health),
    ("pain_rehabilitation", InterventionGroup::Health),
];

/// The organisation's catalogue, in the order it was built (seed first, then additions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Catalogue {
    pub(super) entries: Vec<CatalogueEntry>,
}

impl Default for Catalogue {
    fn default() -> Self {
        Catalogue {
            entries: SEED
                .iter()
                .map(|(id, group)| CatalogueEntry {
                    id: (*id).to_owned(),
                    group: *group,
                    name: CatalogueName::Seed,
                    retired: false,
                })
                .collect(),
        }
    }
}

impl Catalogue {
    /// Every entry, retired ones included (to read old rounds and plans).
    pub fn entries(&self) -> &[CatalogueEntry] {
        &self.entries
    }

    /// The entries to offer when choosing something new.
    pub fn active(&self) -> impl Iterator<Item = &CatalogueEntry> {
        self.entries.iter().filter(|e| !e.retired)
    }

    pub fn get(&self, id: &str) -> Option<&CatalogueEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    pub fn add_custom(
        &mut self,
        id: String,
        group: InterventionGroup,
        name: &str,
    ) -> Result<(), ModelError> {
        let name = required_text(name)?;
        if self.get(&id).is_some() {
            return Err(ModelError::DuplicateId(id));
        }
        self.entries.push(CatalogueEntry {
            id,
            group,
            name: CatalogueName::Custom(name),
            retired: false,
        });
        Ok(())
    }

    /// Gives any entry, seeded or custom, the organisation's own name; its id stays.
    pub fn rename(&mut self, id: &str, name: &str) -> Result<(), ModelError> {
        let name = required_text(name)?;
        self.entry_mut(id)?.name = CatalogueName::Custom(name);
        Ok(())
    }

    /// Hides an entry from new choices; rounds and plans that used it still show it.
    pub fn retire(&mut self, id: &str) -> Result<(), ModelError> {
        self.entry_mut(id)?.retired = true;
        Ok(())
    }

    /// Gives a shipped entry its shipped name back, so that it follows the interface language
    /// again. Entries the organisation added have no shipped name.
    pub fn use_shipped_name(&mut self, id: &str) -> Result<(), ModelError> {
        if !SEED.iter().any(|(seed, _)| *seed == id) {
            return Err(ModelError::UnknownCatalogueEntry(id.to_owned()));
        }
        self.entry_mut(id)?.name = CatalogueName::Seed;
        Ok(())
    }

    /// Undoes [`Catalogue::retire`]: an entry retired by mistake is offered again.
    pub fn restore(&mut self, id: &str) -> Result<(), ModelError> {
        self.entry_mut(id)?.retired = false;
        Ok(())
    }

    /// Refers `id` to an entry, or says which one is missing.
    pub(super) fn require(&self, id: &str) -> Result<&CatalogueEntry, ModelError> {
        self.get(id)
            .ok_or_else(|| ModelError::UnknownCatalogueEntry(id.to_owned()))
    }

    pub(super) fn check(&self) -> Result<(), ModelError> {
        unique_ids(self.entries.iter().map(|e| e.id.as_str()))?;
        for entry in &self.entries {
            if let CatalogueName::Custom(name) = &entry.name {
                required_text(name)?;
            }
        }
        Ok(())
    }

    fn entry_mut(&mut self, id: &str) -> Result<&mut CatalogueEntry, ModelError> {
        self.entries
            .iter_mut()
            .find(|e| e.id == id)
            .ok_or_else(|| ModelError::UnknownCatalogueEntry(id.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_covers_every_group_with_unique_ids() {
        let catalogue = Catalogue::default();
        assert_eq!(catalogue.entries().len(), SEED.len());
        assert_eq!(catalogue.check(), Ok(()));
        for group in InterventionGroup::ALL {
            assert!(catalogue.active().any(|e| e.group == group));
        }
        assert_eq!(
            catalogue.get("work_trial").unwrap().group,
            InterventionGroup::JobFocused
        );
    }

    #[test]
    fn the_organisation_adds_renames_and_retires() {
        let mut catalogue = Catalogue::default();
        catalogue
            .add_custom("c1".into(), InterventionGroup::Social, " Jobbklubb ")
            .unwrap();
        assert_eq!(
            catalogue.get("c1").unwrap().name,
            CatalogueName::Custom("Jobbklubb".into())
        );
        catalogue.rename("work_trial", "Praktik").unwrap();
        assert_eq!(
            catalogue.get("work_trial").unwrap().name,
            CatalogueName::Custom("Praktik".into())
        );
        catalogue.retire("debt_advice").unwrap();
        assert!(catalogue.get("debt_advice").unwrap().retired);
        assert!(catalogue.active().all(|e| e.id != "debt_advice"));
        assert_eq!(catalogue.entries().len(), SEED.len() + 1);
    }

    #[test]
    fn a_retired_entry_can_be_restored() {
        let mut catalogue = Catalogue::default();
        catalogue.retire("debt_advice").unwrap();
        catalogue.restore("debt_advice").unwrap();
        assert!(!catalogue.get("debt_advice").unwrap().retired);
        assert!(catalogue.active().any(|e| e.id == "debt_advice"));
        assert_eq!(
            catalogue.restore("nope"),
            Err(ModelError::UnknownCatalogueEntry("nope".into()))
        );
    }

    // Guards the languages: a shipped name written back as it was must stay translated.
    #[test]
    fn a_shipped_entry_gets_its_shipped_name_back() {
        let mut catalogue = Catalogue::default();
        catalogue.rename("work_trial", "Praktik").unwrap();
        catalogue.use_shipped_name("work_trial").unwrap();
        assert_eq!(catalogue, Catalogue::default());
        catalogue
            .add_custom("c1".into(), InterventionGroup::Social, "Jobbklubb")
            .unwrap();
        assert_eq!(
            catalogue.use_shipped_name("c1"),
            Err(ModelError::UnknownCatalogueEntry("c1".into()))
        );
    }

    #[test]
    fn edits_are_refused_when_they_make_no_sense() {
        let mut catalogue = Catalogue::default();
        assert_eq!(
            catalogue.add_custom("work_trial".into(), InterventionGroup::Health, "X"),
            Err(ModelError::DuplicateId("work_trial".into()))
        );
        assert_eq!(
            catalogue.add_custom("c1".into(), InterventionGroup::Health, "  "),
            Err(ModelError::EmptyText)
        );
        assert_eq!(
            catalogue.retire("nope"),
            Err(ModelError::UnknownCatalogueEntry("nope".into()))
        );
        assert_eq!(
            catalogue.rename("work_trial", ""),
            Err(ModelError::EmptyText)
        );
    }

    #[test]
    fn group_ids_match_the_stored_names() {
        assert_eq!(InterventionGroup::from_id("nothing"), None);
        for group in InterventionGroup::ALL {
            assert_eq!(InterventionGroup::from_id(group.id()), Some(group));
            assert_eq!(
                serde_json::to_value(group).unwrap(),
                serde_json::json!(group.id())
            );
        }
    }
}
