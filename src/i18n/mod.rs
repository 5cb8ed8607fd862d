//! Interface texts: the generated, build-checked catalogue (see build.rs) and the reactive
//! language context every view reads from.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::domain::interventions::{CatalogueEntry, CatalogueName, InterventionGroup};
use crate::domain::language::Language;
use crate::domain::questionnaire::ParticipantItem;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/texts.rs"));
}
pub use generated::Texts;

pub fn texts(language: Language) -> &'static Texts {
    match language {
        Language::Sv => &generated::SV,
        Language::Nb => &generated::NB,
        Language::Da => &generated::DA,
        Language::En => &generated::EN,
    }
}

/// Replaces each `{name}` in a text with its value.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(text.to_owned(), |out, (name, value)| {
        out.replace(&format!("{{{name}}}"), value)
    })
}

impl Texts {
    pub fn item_short(&self, item: ParticipantItem) -> &'static str {
        match item {
            ParticipantItem::JobChances => self.items_job_chances_short,
            ParticipantItem::ManagingJob => self.items_managing_job_short,
            ParticipantItem::Cooperation => self.items_cooperation_short,
            ParticipantItem::Health => self.items_health_short,
            ParticipantItem::EverydayLife => self.items_everyday_life_short,
            ParticipantItem::Competence => self.items_competence_short,
            ParticipantItem::WageLevel => self.items_wage_level_short,
            ParticipantItem::JobSearch => self.items_job_search_short,
        }
    }

    pub fn group_name(&self, group: InterventionGroup) -> &'static str {
        match group {
            InterventionGroup::JobFocused => self.interventions_group_job_focused,
            InterventionGroup::Upskilling => self.interventions_group_upskilling,
            InterventionGroup::Social => self.interventions_group_social,
            InterventionGroup::Health => self.interventions_group_health,
        }
    }

    /// A catalogue entry's name: the organisation's own words, or the shipped entry's text.
    pub fn catalogue_name(&self, entry: &CatalogueEntry) -> String {
        match &entry.name {
            CatalogueName::Custom(name) => name.clone(),
            CatalogueName::Seed => self
                .seed_activity(&entry.id)
                .unwrap_or(&entry.id)
                .to_owned(),
        }
    }

    fn seed_activity(&self, id: &str) -> Option<&'static str> {
        Some(match id {
            "work_trial" => self.interventions_work_trial,
            "wage_subsidy" => self.interventions_wage_subsidy,
            "supported_employment" => self.interventions_supported_employment,
            "employer_contacts" => self.interventions_employer_contacts,
            "job_search_support" => self.interventions_job_search_support,
            "vocational_course" => self.interventions_vocational_course,
            "basic_skills" => self.interventions_basic_skills,
            "adult_education" => self.interventions_adult_education,
            "certificates" => self.interventions_certificates,
            "housing_support" => self.interventions_housing_support,
            "debt_advice" => self.interventions_debt_advice,
            "mentor_network" => self.interventions_mentor_network,
            "family_support" => self.interventions_family_support,
            "physical_activity" => self.interventions_physical_activity,
            "mental_health" => self.interventions_mental_health,
            "addiction_treatment" => self.interventions_addiction_treatment,
            "pain_rehabilitation" => self.interventions_pain_rehabilitation,
            _ => return None,
        })
    }

    /// A date the way people write it in this language, e.g. "15 Jan 2026" or "15. jan. 2026".
    pub fn date(&self, date: NaiveDate) -> String {
        let months = [
            self.common_month_1,
            self.common_month_2,
            self.common_month_3,
            self.common_month_4,
            self.common_month_5,
            self.common_month_6,
            self.common_month_7,
            self.common_month_8,
            self.common_month_9,
            self.common_month_10,
            self.common_month_11,
            self.common_month_12,
        ];
        fill(
            self.common_date_pattern,
            &[
                ("day", &date.day().to_string()),
                ("month", months[date.month0() as usize]),
                ("year", &date.year().to_string()),
            ],
        )
    }
}

/// The current interface language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    language: RwSignal<Language>,
}

impl I18n {
    pub fn provide(initial: Language) -> I18n {
        let i18n = I18n {
            language: RwSignal::new(initial),
        };
        provide_context(i18n);
        i18n
    }

    /// The texts in the current language; reading them tracks the language.
    pub fn t(self) -> &'static Texts {
        texts(self.language.get())
    }

    pub fn language(self) -> Language {
        self.language.get()
    }

    pub fn set_language(self, language: Language) {
        self.language.set(language);
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill("{a} of {b}, {a}", &[("a", "3"), ("b", "8")]),
            "3 of 8, 3"
        );
    }

    #[test]
    fn dates_follow_each_language() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(texts(Language::En).date(date), "5 Mar 2026");
        assert_eq!(texts(Language::Sv).date(date), "5 mars 2026");
        assert_eq!(texts(Language::Da).date(date), "5. mar. 2026");
    }

    #[test]
    fn every_shipped_activity_has_a_name_in_every_language() {
        for language in Language::ALL {
            for (id, _) in crate::domain::interventions::SEED {
                assert!(
                    texts(language).seed_activity(id).is_some(),
                    "{id} in {language:?}"
                );
            }
        }
    }

    #[test]
    fn every_language_names_itself_differently() {
        let names: std::collections::HashSet<_> = Language::ALL
            .iter()
            .map(|l| texts(*l).common_language_name)
            .collect();
        assert_eq!(names.len(), Language::ALL.len());
    }
}
