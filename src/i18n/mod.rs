//! Interface texts: the generated, build-checked catalogue (see build.rs) and the reactive
//! language context every view reads from.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::domain::assessment::ItemAnswer;
use crate::domain::interventions::{CatalogueEntry, CatalogueName, InterventionGroup};
use crate::domain::language::Language;
use crate::domain::questionnaire::ParticipantItem;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/texts.rs"));
}
pub use generated::Texts;

mod refusal;

/// A text with one placeholder, where one of several such texts is chosen first:
/// `let text: TextWith<usize> = Texts::data_import_new_rounds;` and later `text(t, 3)`.
pub type TextWith<T> = fn(&Texts, T) -> String;

pub fn texts(language: Language) -> &'static Texts {
    match language {
        Language::Sv => &generated::SV,
        Language::Nb => &generated::NB,
        Language::Da => &generated::DA,
        Language::En => &generated::EN,
    }
}

/// One locale file's texts by key (see build.rs).
type Lookup = fn(&Texts, &str) -> Option<&'static str>;

/// A text named by data; tests below prove every such key exists in every language.
fn keyed(text: Option<&'static str>) -> &'static str {
    text.unwrap_or_default()
}

/// Replaces each `{name}` in a text with its value. Only the generated methods call it, so
/// every placeholder a page fills is checked by the compiler.
fn fill(text: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(text.to_owned(), |out, (name, value)| {
        out.replace(&format!("{{{name}}}"), value)
    })
}

impl Texts {
    pub fn item_short(&self, item: ParticipantItem) -> &'static str {
        keyed(self.lookup_items(&format!("items_{}_short", item.id())))
    }

    /// The eight short names, in item order: the spokes of a spider diagram.
    pub fn item_axes(&self) -> Vec<&'static str> {
        ParticipantItem::ALL
            .iter()
            .map(|item| self.item_short(*item))
            .collect()
    }

    pub fn group_name(&self, group: InterventionGroup) -> &'static str {
        match group {
            InterventionGroup::JobFocused => self.interventions_group_job_focused(),
            InterventionGroup::Upskilling => self.interventions_group_upskilling(),
            InterventionGroup::Social => self.interventions_group_social(),
            InterventionGroup::Health => self.interventions_group_health(),
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

    /// The name a shipped catalogue entry has in this language (None for the organisation's own).
    pub fn seed_activity(&self, id: &str) -> Option<&'static str> {
        self.lookup_interventions(&format!("interventions_{id}"))
    }

    /// A question's text, or one of its steps' (`questions_<item>_...`), named by data.
    fn question_text(&self, key: &str) -> &'static str {
        keyed(self.lookup_questions(key))
    }

    /// The question of a counsellor item: belief, determination, violence or substance.
    pub fn keyed_question(&self, item: &str) -> &'static str {
        self.question_text(&format!("questions_{item}_question"))
    }

    pub fn item_question(&self, item: ParticipantItem) -> &'static str {
        self.question_text(&format!("questions_{}_question", item.id()))
    }

    pub fn item_counsellor_question(&self, item: ParticipantItem) -> &'static str {
        self.question_text(&format!("questions_{}_counsellor_question", item.id()))
    }

    /// The five described steps of a rated question (`item` is a participant item's id, or
    /// belief, determination, violence, substance), lowest first.
    pub fn steps(&self, item: &str) -> Vec<String> {
        self.five(Texts::lookup_questions, &format!("questions_{item}_step_"))
    }

    /// The five steps of a participant item worded about the person, for the counsellor's own
    /// view (the participant's steps are in the first person).
    pub fn counsellor_steps(&self, item: ParticipantItem) -> Vec<String> {
        self.five(
            Texts::lookup_dialogue,
            &format!("dialogue_{}_step_", item.id()),
        )
    }

    /// Steps 1 to 5 of `prefix`, from one locale file's lookup (so an app that shows only the
    /// participant's steps keeps only hers).
    fn five(&self, lookup: Lookup, prefix: &str) -> Vec<String> {
        (1..=5)
            .map(|step| keyed(lookup(self, &format!("{prefix}{step}"))).to_owned())
            .collect()
    }

    /// A participant's answer in words: the step's number and text, "rather not answer", or
    /// "not answered yet" (`None`).
    pub fn answer_text(&self, item: ParticipantItem, answer: Option<&ItemAnswer>) -> String {
        match answer {
            None => self.questions_not_answered().to_owned(),
            Some(ItemAnswer { value: None, .. }) => self.questions_rather_not().to_owned(),
            Some(ItemAnswer {
                value: Some(rating),
                ..
            }) => {
                let step = rating.get();
                let text = self.question_text(&format!("questions_{}_step_{step}", item.id()));
                format!("{step}. {text}")
            }
        }
    }

    /// A month's name as dates are written in this language.
    pub fn month_name(&self, date: NaiveDate) -> &'static str {
        [
            self.common_month_1(),
            self.common_month_2(),
            self.common_month_3(),
            self.common_month_4(),
            self.common_month_5(),
            self.common_month_6(),
            self.common_month_7(),
            self.common_month_8(),
            self.common_month_9(),
            self.common_month_10(),
            self.common_month_11(),
            self.common_month_12(),
        ][date.month0() as usize]
    }

    /// A date the way people write it in this language, e.g. "15 Jan 2026" or "15. jan. 2026".
    pub fn date(&self, date: NaiveDate) -> String {
        self.common_date_pattern(date.day(), self.month_name(date), date.year())
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

    /// One text that follows the language, for a view. Every use shares this one closure type,
    /// so the wasm holds its rendering code once instead of once per text.
    pub fn text(
        self,
        pick: fn(&Texts) -> &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || pick(self.t())
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
    fn every_question_and_step_has_a_text_in_every_language() {
        let counsellor_items = ["belief", "determination", "violence", "substance"];
        for language in Language::ALL {
            let t = texts(language);
            for id in counsellor_items {
                let key = format!("questions_{id}_question");
                assert!(t.lookup(&key).is_some(), "{key} in {language:?}");
            }
            for item in ParticipantItem::ALL {
                let keys = [
                    "questions_{}_question",
                    "questions_{}_counsellor_question",
                    "items_{}_short",
                ];
                for key in keys {
                    let key = key.replace("{}", item.id());
                    assert!(t.lookup(&key).is_some(), "{key} in {language:?}");
                }
            }
            let ids = ParticipantItem::ALL
                .iter()
                .map(|i| i.id())
                .chain(counsellor_items);
            for id in ids {
                for step in 1..=5 {
                    let key = format!("questions_{id}_step_{step}");
                    assert!(t.lookup(&key).is_some(), "{key} in {language:?}");
                }
            }
            for item in ParticipantItem::ALL {
                for step in 1..=5 {
                    let key = format!("dialogue_{}_step_{step}", item.id());
                    assert!(t.lookup(&key).is_some(), "{key} in {language:?}");
                }
            }
        }
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
            .map(|l| texts(*l).common_language_name())
            .collect();
        assert_eq!(names.len(), Language::ALL.len());
    }
}
