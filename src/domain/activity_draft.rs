//! The add-activity form's choices before they are a plan activity. What the counsellor still
//! has to choose is a `DraftGap` (the form asks for it); what the plan refuses once it is an
//! activity (dates out of range, a wrong group) stays a `ModelError` from the plan's checks.

use chrono::NaiveDate;

use super::interventions::{Catalogue, InterventionGroup};
use super::plan::{Activity, ActivityStatus};

/// Which activity: nothing yet, a catalogue entry by id, or one in own words, whose group the
/// counsellor chooses (an own-words activity has no group until then).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActivityChoice {
    NotChosen,
    Catalogue(String),
    Own {
        text: String,
        group: Option<InterventionGroup>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityDraft {
    pub choice: ActivityChoice,
    pub start: Option<NaiveDate>,
    pub ongoing: bool,
    /// Read only when the activity is not ongoing.
    pub end: Option<NaiveDate>,
    pub responsible: String,
    pub place: String,
    pub status: ActivityStatus,
}

/// What the form still needs before there is an activity to add.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftGap {
    /// No activity chosen, or a catalogue entry that is no longer there.
    Activity,
    /// An activity in own words without its group.
    Group,
    Start,
    /// Not ongoing, but no end date.
    End,
}

impl ActivityDraft {
    /// The activity to add, with its group from the catalogue entry or the counsellor's choice.
    pub fn activity(self, id: String, catalogue: &Catalogue) -> Result<Activity, DraftGap> {
        let (catalogue_id, own_text, group) = match self.choice {
            ActivityChoice::NotChosen => return Err(DraftGap::Activity),
            ActivityChoice::Catalogue(entry) => {
                let group = catalogue.get(&entry).ok_or(DraftGap::Activity)?.group;
                (Some(entry), None, group)
            }
            ActivityChoice::Own { text, group } => {
                (None, Some(text), group.ok_or(DraftGap::Group)?)
            }
        };
        let start = self.start.ok_or(DraftGap::Start)?;
        let end = match (self.ongoing, self.end) {
            (true, _) => None,
            (false, Some(end)) => Some(end),
            (false, None) => return Err(DraftGap::End),
        };
        Ok(Activity {
            id,
            catalogue_id,
            own_text,
            group,
            start,
            end,
            responsible: self.responsible,
            place: self.place,
            status: self.status,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn draft(choice: ActivityChoice) -> ActivityDraft {
        ActivityDraft {
            choice,
            start: Some(day(1)),
            ongoing: true,
            end: Some(day(9)),
            responsible: "AL".into(),
            place: String::new(),
            status: ActivityStatus::Planned,
        }
    }

    fn some_entry(catalogue: &Catalogue) -> (String, InterventionGroup) {
        let entry = catalogue
            .active()
            .next()
            .expect("the default catalogue has entries");
        (entry.id.clone(), entry.group)
    }

    #[test]
    fn a_catalogue_entry_brings_its_group_and_an_ongoing_one_no_end() {
        let catalogue = Catalogue::default();
        let (id, group) = some_entry(&catalogue);
        let activity = draft(ActivityChoice::Catalogue(id.clone()))
            .activity("a1".into(), &catalogue)
            .unwrap();
        assert_eq!(activity.catalogue_id, Some(id));
        assert_eq!(
            (activity.group, activity.own_text, activity.end),
            (group, None, None)
        );
        assert_eq!(
            (activity.start, activity.responsible.as_str()),
            (day(1), "AL")
        );
        let placed = ActivityDraft {
            place: "Jobbtorget".into(),
            ..draft(ActivityChoice::Catalogue(some_entry(&catalogue).0))
        };
        let activity = placed.activity("a2".into(), &catalogue).unwrap();
        assert_eq!(activity.place, "Jobbtorget");
    }

    #[test]
    fn own_words_take_the_chosen_group_and_an_ended_one_its_end() {
        let own = ActivityChoice::Own {
            text: "Praktik på biblioteket".into(),
            group: Some(InterventionGroup::ALL[1]),
        };
        let mut ended = draft(own);
        ended.ongoing = false;
        let activity = ended.activity("a2".into(), &Catalogue::default()).unwrap();
        assert_eq!(activity.own_text.as_deref(), Some("Praktik på biblioteket"));
        assert_eq!((activity.catalogue_id, activity.end), (None, Some(day(9))));
    }

    #[test]
    fn each_missing_choice_is_its_own_gap() {
        let catalogue = Catalogue::default();
        let gap = |d: ActivityDraft| d.activity("x".into(), &catalogue).unwrap_err();
        assert_eq!(gap(draft(ActivityChoice::NotChosen)), DraftGap::Activity);
        assert_eq!(
            gap(draft(ActivityChoice::Catalogue("gone".into()))),
            DraftGap::Activity
        );
        let no_group = ActivityChoice::Own {
            text: "x".into(),
            group: None,
        };
        assert_eq!(gap(draft(no_group)), DraftGap::Group);
        let (id, _) = some_entry(&catalogue);
        let mut no_start = draft(ActivityChoice::Catalogue(id.clone()));
        no_start.start = None;
        assert_eq!(gap(no_start), DraftGap::Start);
        let mut no_end = draft(ActivityChoice::Catalogue(id));
        (no_end.ongoing, no_end.end) = (false, None);
        assert_eq!(gap(no_end), DraftGap::End);
    }
}
