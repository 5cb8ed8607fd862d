//! The data of an action plan: focus items from the spider diagram, sub-goals, and the
//! activities chosen to reach them. The plan's goal is the participant's [`Goal`], kept in one
//! place so that the two can never disagree.
//!
//! [`Goal`]: super::participant::Goal

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::{ModelError, optional_text, required_text, unique_ids};
use super::interventions::{Catalogue, InterventionGroup};
use super::questionnaire::ParticipantItem;

/// One plan per participant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionPlan {
    pub participant_id: String,
    #[serde(default)]
    pub focus_items: Vec<ParticipantItem>,
    #[serde(default)]
    pub sub_goals: Vec<SubGoal>,
    #[serde(default)]
    pub activities: Vec<Activity>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubGoal {
    pub id: String,
    pub text: String,
    /// The spider-diagram item this sub-goal works on, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ParticipantItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    pub status: SubGoalStatus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubGoalStatus {
    NotStarted,
    UnderWay,
    Reached,
    Dropped,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    pub id: String,
    /// A catalogue entry, or `None` for an activity described in `own_text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogue_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_text: Option<String>,
    pub group: InterventionGroup,
    pub start: NaiveDate,
    /// `None` while the activity is ongoing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    #[serde(default)]
    pub responsible: String,
    pub status: ActivityStatus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    Planned,
    UnderWay,
    Completed,
    Stopped,
}

impl ActionPlan {
    pub fn new(participant_id: String) -> ActionPlan {
        ActionPlan {
            participant_id,
            focus_items: Vec::new(),
            sub_goals: Vec::new(),
            activities: Vec::new(),
        }
    }

    /// Trims texts so that stored plans are tidy whichever screen wrote them.
    pub(super) fn normalised(mut self) -> ActionPlan {
        for goal in &mut self.sub_goals {
            goal.text = goal.text.trim().to_owned();
        }
        for activity in &mut self.activities {
            activity.own_text = optional_text(activity.own_text.take());
            activity.responsible = activity.responsible.trim().to_owned();
        }
        self
    }

    pub(super) fn check(&self, catalogue: &Catalogue) -> Result<(), ModelError> {
        unique_ids(self.sub_goals.iter().map(|g| g.id.as_str()))?;
        unique_ids(self.activities.iter().map(|a| a.id.as_str()))?;
        for goal in &self.sub_goals {
            required_text(&goal.text)?;
        }
        self.activities
            .iter()
            .try_for_each(|activity| activity.check(catalogue))
    }
}

impl Activity {
    fn check(&self, catalogue: &Catalogue) -> Result<(), ModelError> {
        match &self.catalogue_id {
            Some(id) if catalogue.require(id)?.group != self.group => {
                return Err(ModelError::WrongGroup);
            }
            Some(_) => {}
            None => {
                required_text(self.own_text.as_deref().unwrap_or_default())
                    .map_err(|_| ModelError::EmptyActivity)?;
            }
        }
        if self.end.is_some_and(|end| end < self.start) {
            return Err(ModelError::EndsBeforeStart);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn activity(id: &str, catalogue_id: Option<&str>, group: InterventionGroup) -> Activity {
        Activity {
            id: id.into(),
            catalogue_id: catalogue_id.map(Into::into),
            own_text: None,
            group,
            start: date(2, 1),
            end: None,
            responsible: "Ada".into(),
            status: ActivityStatus::UnderWay,
        }
    }

    fn plan_with(activities: Vec<Activity>) -> ActionPlan {
        ActionPlan {
            activities,
            ..ActionPlan::new("p1".into())
        }
    }

    #[test]
    fn a_plan_of_catalogue_and_own_activities_is_valid() {
        let mut own = activity("a2", None, InterventionGroup::Social);
        own.own_text = Some("Football team".into());
        own.end = Some(date(5, 1));
        let mut plan = plan_with(vec![
            activity("a1", Some("work_trial"), InterventionGroup::JobFocused),
            own,
        ]);
        plan.focus_items = vec![ParticipantItem::JobSearch];
        plan.sub_goals.push(SubGoal {
            id: "g1".into(),
            text: "Send two applications a week".into(),
            item: Some(ParticipantItem::JobSearch),
            due: Some(date(4, 1)),
            status: SubGoalStatus::NotStarted,
        });
        assert_eq!(plan.check(&Catalogue::default()), Ok(()));
    }

    #[test]
    fn activities_must_be_named_grouped_and_dated_sensibly() {
        let catalogue = Catalogue::default();
        let nameless = plan_with(vec![activity("a1", None, InterventionGroup::Social)]);
        assert_eq!(nameless.check(&catalogue), Err(ModelError::EmptyActivity));
        let misgrouped = plan_with(vec![activity(
            "a1",
            Some("work_trial"),
            InterventionGroup::Health,
        )]);
        assert_eq!(misgrouped.check(&catalogue), Err(ModelError::WrongGroup));
        let mut backwards = activity("a1", Some("work_trial"), InterventionGroup::JobFocused);
        backwards.end = Some(date(1, 1));
        assert_eq!(
            plan_with(vec![backwards]).check(&catalogue),
            Err(ModelError::EndsBeforeStart)
        );
        let unknown = plan_with(vec![activity("a1", Some("x"), InterventionGroup::Social)]);
        assert_eq!(
            unknown.check(&catalogue),
            Err(ModelError::UnknownCatalogueEntry("x".into()))
        );
    }

    #[test]
    fn ids_are_unique_within_a_plan() {
        let twice = plan_with(vec![
            activity("a1", Some("work_trial"), InterventionGroup::JobFocused),
            activity("a1", Some("wage_subsidy"), InterventionGroup::JobFocused),
        ]);
        assert_eq!(
            twice.check(&Catalogue::default()),
            Err(ModelError::DuplicateId("a1".into()))
        );
    }

    #[test]
    fn blank_own_text_is_trimmed_away() {
        let mut own = activity("a1", None, InterventionGroup::Social);
        own.own_text = Some("   ".into());
        let plan = plan_with(vec![own]).normalised();
        assert_eq!(plan.activities[0].own_text, None);
        assert_eq!(
            plan.check(&Catalogue::default()),
            Err(ModelError::EmptyActivity)
        );
    }
}
