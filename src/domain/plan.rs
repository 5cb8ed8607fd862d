//! The data of an action plan: focus items from the spider diagram, sub-goals, and the
//! activities chosen to reach them. The plan's goal is the participant's [`Goal`], kept in one
//! place so that the two can never disagree.
//!
//! [`Goal`]: super::participant::Goal

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::{ModelError, fitting, optional_text, required_text, sane_date, unique_ids};
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
    /// Where it happens, in the counsellor's words (optional).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub place: String,
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

    /// Adds the item if absent, removes it if present; the spider diagram's order is kept.
    pub fn toggle_focus(&mut self, item: ParticipantItem) {
        let chosen = !self.focus_items.contains(&item);
        self.focus_items = ParticipantItem::ALL
            .into_iter()
            .filter(|i| {
                if *i == item {
                    chosen
                } else {
                    self.focus_items.contains(i)
                }
            })
            .collect();
    }

    pub fn add_sub_goal(&mut self, goal: SubGoal) {
        self.sub_goals.push(goal);
    }

    pub fn sub_goal_mut(&mut self, id: &str) -> Result<&mut SubGoal, ModelError> {
        self.sub_goals
            .iter_mut()
            .find(|g| g.id == id)
            .ok_or_else(|| unknown(id))
    }

    pub fn remove_sub_goal(&mut self, id: &str) -> Result<(), ModelError> {
        self.take_sub_goal(id).map(drop)
    }

    /// Moves the sub-goal to index `to` (clamped to the last index); the others keep their order.
    pub fn move_sub_goal(&mut self, id: &str, to: usize) -> Result<(), ModelError> {
        let goal = self.take_sub_goal(id)?;
        let to = to.min(self.sub_goals.len());
        self.sub_goals.insert(to, goal);
        Ok(())
    }

    pub fn add_activity(&mut self, activity: Activity) {
        self.activities.push(activity);
    }

    pub fn activity_mut(&mut self, id: &str) -> Result<&mut Activity, ModelError> {
        self.activities
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or_else(|| unknown(id))
    }

    pub fn remove_activity(&mut self, id: &str) -> Result<(), ModelError> {
        let index = self
            .activities
            .iter()
            .position(|a| a.id == id)
            .ok_or_else(|| unknown(id))?;
        self.activities.remove(index);
        Ok(())
    }

    /// Finishing an activity ends it today if it was meant to run longer (never before its
    /// start), so that its dates tell when it stopped: the check for breaks reads dates, not
    /// status. An end already passed is kept.
    pub fn set_activity_status(
        &mut self,
        id: &str,
        status: ActivityStatus,
        today: NaiveDate,
    ) -> Result<(), ModelError> {
        let activity = self.activity_mut(id)?;
        activity.status = status;
        let finished = matches!(status, ActivityStatus::Completed | ActivityStatus::Stopped);
        if finished {
            let ends = activity.end.map_or(today, |end| end.min(today));
            activity.end = Some(ends.max(activity.start));
        }
        Ok(())
    }

    fn take_sub_goal(&mut self, id: &str) -> Result<SubGoal, ModelError> {
        let index = self
            .sub_goals
            .iter()
            .position(|g| g.id == id)
            .ok_or_else(|| unknown(id))?;
        Ok(self.sub_goals.remove(index))
    }

    /// Trims texts so that stored plans are tidy whichever screen wrote them.
    pub(super) fn normalised(mut self) -> Result<ActionPlan, ModelError> {
        for goal in &mut self.sub_goals {
            goal.text = goal.text.trim().to_owned();
        }
        for activity in &mut self.activities {
            activity.own_text = optional_text(activity.own_text.take())?;
            activity.responsible = activity.responsible.trim().to_owned();
            activity.place = activity.place.trim().to_owned();
        }
        Ok(self)
    }

    pub(super) fn check(&self, catalogue: &Catalogue) -> Result<(), ModelError> {
        unique_ids(self.sub_goals.iter().map(|g| g.id.as_str()))?;
        unique_ids(self.activities.iter().map(|a| a.id.as_str()))?;
        for goal in &self.sub_goals {
            required_text(&goal.text)?;
            goal.due.map_or(Ok(()), sane_date)?;
        }
        self.activities
            .iter()
            .try_for_each(|activity| activity.check(catalogue))
    }
}

/// Whether an activity from `start` to `end` (none: still going) runs on `day`.
pub fn active_on(start: NaiveDate, end: Option<NaiveDate>, day: NaiveDate) -> bool {
    start <= day && end.is_none_or(|end| day <= end)
}

impl Activity {
    /// Dates decide, not status: stopping an activity gives it an end date.
    pub fn is_active_on(&self, day: NaiveDate) -> bool {
        active_on(self.start, self.end, day)
    }

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
        fitting(&self.responsible)?;
        fitting(&self.place)?;
        sane_date(self.start)?;
        self.end.map_or(Ok(()), sane_date)?;
        if self.end.is_some_and(|end| end < self.start) {
            return Err(ModelError::EndsBeforeStart);
        }
        Ok(())
    }
}

fn unknown(id: &str) -> ModelError {
    ModelError::UnknownPlanEntry(id.to_owned())
}

/// An activity in its own words, under way between the given dates: what tests of plan checks
/// and the timeline need.
#[cfg(test)]
pub(crate) fn own_activity(
    id: &str,
    group: InterventionGroup,
    start: NaiveDate,
    end: Option<NaiveDate>,
) -> Activity {
    Activity {
        id: id.into(),
        catalogue_id: None,
        own_text: Some(id.into()),
        group,
        start,
        end,
        responsible: String::new(),
        place: String::new(),
        status: ActivityStatus::UnderWay,
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
            place: String::new(),
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
        let plan = plan_with(vec![own]).normalised().unwrap();
        assert_eq!(plan.activities[0].own_text, None);
        assert_eq!(
            plan.check(&Catalogue::default()),
            Err(ModelError::EmptyActivity)
        );
    }

    fn sub_goal(id: &str) -> SubGoal {
        SubGoal {
            id: id.into(),
            text: format!("Goal {id}"),
            item: None,
            due: None,
            status: SubGoalStatus::NotStarted,
        }
    }

    fn sub_goal_ids(plan: &ActionPlan) -> Vec<&str> {
        plan.sub_goals.iter().map(|g| g.id.as_str()).collect()
    }

    #[test]
    fn focus_toggles_and_keeps_the_spider_diagram_order() {
        let mut plan = ActionPlan::new("p1".into());
        plan.toggle_focus(ParticipantItem::JobSearch);
        plan.toggle_focus(ParticipantItem::Health);
        plan.toggle_focus(ParticipantItem::JobChances);
        assert_eq!(
            plan.focus_items,
            [
                ParticipantItem::JobChances,
                ParticipantItem::Health,
                ParticipantItem::JobSearch
            ]
        );
        plan.toggle_focus(ParticipantItem::Health);
        assert_eq!(
            plan.focus_items,
            [ParticipantItem::JobChances, ParticipantItem::JobSearch]
        );
    }

    #[test]
    fn sub_goals_are_added_edited_moved_and_removed() {
        let mut plan = ActionPlan::new("p1".into());
        for id in ["g1", "g2", "g3"] {
            plan.add_sub_goal(sub_goal(id));
        }
        plan.sub_goal_mut("g2").unwrap().status = SubGoalStatus::Reached;
        assert_eq!(plan.sub_goals[1].status, SubGoalStatus::Reached);
        plan.move_sub_goal("g3", 0).unwrap();
        assert_eq!(sub_goal_ids(&plan), ["g3", "g1", "g2"]);
        plan.move_sub_goal("g3", 99).unwrap();
        assert_eq!(sub_goal_ids(&plan), ["g1", "g2", "g3"]);
        plan.move_sub_goal("g1", 1).unwrap();
        assert_eq!(sub_goal_ids(&plan), ["g2", "g1", "g3"]);
        plan.remove_sub_goal("g1").unwrap();
        assert_eq!(sub_goal_ids(&plan), ["g2", "g3"]);
    }

    #[test]
    fn unknown_plan_entries_are_named_in_the_error() {
        let mut plan = plan_with(vec![activity("a1", None, InterventionGroup::Social)]);
        let missing = || Err(ModelError::UnknownPlanEntry("x".into()));
        assert_eq!(plan.sub_goal_mut("x").map(|_| ()), missing());
        assert_eq!(plan.remove_sub_goal("x"), missing());
        assert_eq!(plan.move_sub_goal("x", 0), missing());
        assert_eq!(plan.activity_mut("x").map(|_| ()), missing());
        assert_eq!(plan.remove_activity("x"), missing());
        assert_eq!(
            plan.set_activity_status("x", ActivityStatus::Stopped, date(3, 1)),
            missing()
        );
        assert_eq!(plan.activities.len(), 1);
    }

    #[test]
    fn activities_are_added_edited_and_removed() {
        let mut plan = ActionPlan::new("p1".into());
        plan.add_activity(activity(
            "a1",
            Some("work_trial"),
            InterventionGroup::JobFocused,
        ));
        plan.add_activity(activity("a2", None, InterventionGroup::Social));
        plan.activity_mut("a2").unwrap().own_text = Some("Football team".into());
        assert_eq!(plan.check(&Catalogue::default()), Ok(()));
        plan.remove_activity("a1").unwrap();
        assert_eq!(plan.activities.len(), 1);
        assert_eq!(plan.activities[0].id, "a2");
    }

    #[test]
    fn finishing_an_activity_ends_it_today_but_never_before_its_start() {
        let mut plan = plan_with(vec![
            activity("a1", None, InterventionGroup::Social),
            activity("a2", None, InterventionGroup::Social),
        ]);
        plan.set_activity_status("a1", ActivityStatus::Stopped, date(3, 10))
            .unwrap();
        assert_eq!(plan.activities[0].end, Some(date(3, 10)));
        assert_eq!(plan.activities[0].status, ActivityStatus::Stopped);
        plan.set_activity_status("a2", ActivityStatus::Completed, date(1, 10))
            .unwrap();
        assert_eq!(plan.activities[1].end, Some(date(2, 1)));
    }

    #[test]
    fn other_statuses_and_past_end_dates_are_left_alone() {
        let mut plan = plan_with(vec![
            activity("a1", None, InterventionGroup::Social),
            activity("a2", None, InterventionGroup::Social),
        ]);
        plan.activities[1].end = Some(date(3, 1));
        plan.set_activity_status("a1", ActivityStatus::Planned, date(3, 10))
            .unwrap();
        plan.set_activity_status("a2", ActivityStatus::Completed, date(3, 10))
            .unwrap();
        assert_eq!(plan.activities[0].end, None);
        assert_eq!(plan.activities[1].end, Some(date(3, 1)));
    }

    // Guards the break check: an activity stopped early must not count as running to its planned end.
    #[test]
    fn stopping_before_the_planned_end_ends_it_today() {
        let mut plan = plan_with(vec![activity("a1", None, InterventionGroup::Social)]);
        plan.activities[0].end = Some(date(12, 31));
        plan.set_activity_status("a1", ActivityStatus::Stopped, date(3, 10))
            .unwrap();
        assert_eq!(plan.activities[0].end, Some(date(3, 10)));
    }

    #[test]
    fn an_activity_is_active_from_its_start_through_its_end() {
        let mut a = activity("a1", None, InterventionGroup::Social);
        assert!(!a.is_active_on(date(1, 31)));
        assert!(a.is_active_on(date(2, 1)));
        assert!(a.is_active_on(date(12, 31)));
        a.end = Some(date(2, 10));
        assert!(a.is_active_on(date(2, 10)));
        assert!(!a.is_active_on(date(2, 11)));
    }
}
