//! All of the data on this device and every change to it. Screens read through the accessors
//! and change things only through the named methods, which keep the rules of the model.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::assessment::{
    CounsellorPart, FilledBy, Interventions, ItemAnswer, ParticipantPart, Ratings, Round,
    SensitiveAnswer, SensitiveItem,
};
use super::error::{ModelError, fitting, optional_text, required_text, sane_date, unique_ids};
use super::handover::book::Handover;
use super::interventions::Catalogue;
use super::language::Language;
use super::participant::{Archived, Goal, LeftFor, Participant};
use super::plan::ActionPlan;
use super::questionnaire::ParticipantItem;
use super::reflection::ReflectionNote;
use super::settings::{DeviceRole, Settings};

/// A list shared between copies of the caseload (a tab keeps the last saved copy beside the one
/// in use), and each item in it: copying a caseload costs a pointer per list, a change copies
/// only the list and the item it touches (`Arc::make_mut`), and comparing or dropping skips a
/// list both copies share. With 1,000 people and 12,000 rounds, copying every round's pointer
/// at each keystroke was a third of it (issue 31).
pub type Shared<T> = Arc<Vec<Arc<T>>>;

/// The rounds of the participant with `participant_id` among `rounds`, oldest first (rounds on
/// one day in the order they were started).
pub fn rounds_of<'a>(rounds: &'a [Arc<Round>], participant_id: &str) -> Vec<&'a Arc<Round>> {
    let mut hers: Vec<&Arc<Round>> = (rounds.iter())
        .filter(|r| r.participant_id == participant_id)
        .collect();
    hers.sort_by_key(|r| r.date);
    hers
}

/// Participants in the order they were added; rounds in the order they were started.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Caseload {
    pub(super) participants: Shared<Participant>,
    pub(super) rounds: Shared<Round>,
    pub(super) plans: Shared<ActionPlan>,
    pub(super) settings: Settings,
    /// Keys and invitations for answers handed over from a participant's phone (schema 2);
    /// boxed, so that screens that hold a whole caseload in an enum stay small.
    pub(super) handover: Box<Handover>,
    /// The counsellor's private reflection log (optional, so no new schema version).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) reflections: Vec<ReflectionNote>,
}

impl Caseload {
    /// The lists to change: each is copied first where another copy of the caseload shares it.
    pub(super) fn participants_mut(&mut self) -> &mut Vec<Arc<Participant>> {
        Arc::make_mut(&mut self.participants)
    }

    pub(super) fn rounds_mut(&mut self) -> &mut Vec<Arc<Round>> {
        Arc::make_mut(&mut self.rounds)
    }

    pub(super) fn plans_mut(&mut self) -> &mut Vec<Arc<ActionPlan>> {
        Arc::make_mut(&mut self.plans)
    }

    pub fn participants(&self) -> &[Arc<Participant>] {
        &self.participants
    }

    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participants
            .iter()
            .find(|p| p.id == id)
            .map(Arc::as_ref)
    }

    pub fn rounds(&self) -> &[Arc<Round>] {
        &self.rounds
    }

    /// The rounds as shared between copies: the same pointer while no round has changed.
    pub fn shared_rounds(&self) -> &Shared<Round> {
        &self.rounds
    }

    pub fn round(&self, id: &str) -> Option<&Round> {
        self.rounds.iter().find(|r| r.id == id).map(Arc::as_ref)
    }

    /// Every participant's rounds by her id, grouped in one pass (in stored order): for work
    /// over everyone that should grow with the data, not with people × rounds.
    pub fn rounds_by_person(&self) -> HashMap<&str, Vec<&Round>> {
        let mut rounds: HashMap<&str, Vec<&Round>> = HashMap::new();
        for round in self.rounds() {
            rounds
                .entry(round.participant_id.as_str())
                .or_default()
                .push(round);
        }
        rounds
    }

    /// A participant's rounds, oldest first (rounds on one day in the order they were started).
    pub fn rounds_of(&self, participant_id: &str) -> Vec<&Round> {
        (rounds_of(&self.rounds, participant_id).into_iter())
            .map(Arc::as_ref)
            .collect()
    }

    pub fn latest_round(&self, participant_id: &str) -> Option<&Round> {
        self.rounds_of(participant_id).pop()
    }

    pub fn plans(&self) -> &[Arc<ActionPlan>] {
        &self.plans
    }

    pub fn plan_of(&self, participant_id: &str) -> Option<&ActionPlan> {
        self.plans
            .iter()
            .find(|p| p.participant_id == participant_id)
            .map(Arc::as_ref)
    }

    /// The reflection log, newest first.
    pub fn reflections(&self) -> Vec<&ReflectionNote> {
        let mut notes: Vec<&ReflectionNote> = self.reflections.iter().collect();
        notes.sort_by_key(|note| std::cmp::Reverse(note.date));
        notes
    }

    pub fn add_reflection(
        &mut self,
        id: String,
        date: NaiveDate,
        text: &str,
    ) -> Result<(), ModelError> {
        if self.reflections.iter().any(|n| n.id == id) {
            return Err(ModelError::DuplicateId(id));
        }
        self.reflections.push(ReflectionNote::new(id, date, text)?);
        Ok(())
    }

    pub fn remove_reflection(&mut self, id: &str) {
        self.reflections.retain(|n| n.id != id);
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The organisation's choice: whether the sensitive questions are asked.
    pub fn set_sensitive_items_enabled(&mut self, on: bool) {
        self.settings.sensitive_items_enabled = on;
    }

    /// The activity catalogue, changed only through its own checked methods (it only grows
    /// and retires, so nothing else in the data depends on a change to it).
    pub fn catalogue_mut(&mut self) -> &mut Catalogue {
        &mut self.settings.catalogue
    }

    /// The first person added says whose device this is; later ones do not change it.
    fn claim_device_role(&mut self, role: DeviceRole) {
        self.settings.device_role.get_or_insert(role);
    }

    /// A counsellor adds a person to the caseload, with their counsellor when one is named.
    pub fn add_to_caseload(
        &mut self,
        id: String,
        display_name: &str,
        counsellor: &str,
        today: NaiveDate,
    ) -> Result<(), ModelError> {
        self.add_participant(id.clone(), display_name, today)?;
        if !counsellor.trim().is_empty() {
            self.change_counsellor(&id, counsellor, today)?;
        }
        self.claim_device_role(DeviceRole::Counsellor);
        Ok(())
    }

    /// The person who answers for herself on this device (which then lists only its own people).
    pub fn add_own_person(
        &mut self,
        id: String,
        display_name: &str,
        today: NaiveDate,
    ) -> Result<(), ModelError> {
        self.add_participant(id, display_name, today)?;
        self.claim_device_role(DeviceRole::Participant);
        Ok(())
    }

    /// She starts a new round on her own device: the round and her part open together.
    pub fn begin_own_round(
        &mut self,
        participant_id: &str,
        round_id: String,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), ModelError> {
        self.start_round(round_id.clone(), participant_id, today)?;
        self.start_participant_part(&round_id, FilledBy::Participant, now)
    }

    pub fn add_participant(
        &mut self,
        id: String,
        display_name: &str,
        today: NaiveDate,
    ) -> Result<(), ModelError> {
        if self.participant(&id).is_some() {
            return Err(ModelError::DuplicateId(id));
        }
        self.participants_mut()
            .push(Arc::new(Participant::new(id, display_name, today)?));
        Ok(())
    }

    pub fn rename_participant(&mut self, id: &str, display_name: &str) -> Result<(), ModelError> {
        let name = required_text(display_name)?;
        self.participant_mut(id)?.display_name = name;
        Ok(())
    }

    pub fn set_contact_note(&mut self, id: &str, note: Option<String>) -> Result<(), ModelError> {
        self.participant_mut(id)?.contact_note = optional_text(note)?;
        Ok(())
    }

    /// The language her part is in from now on (`None`: the device's).
    pub fn set_her_language(
        &mut self,
        id: &str,
        language: Option<Language>,
    ) -> Result<(), ModelError> {
        self.participant_mut(id)?.language = language.map(|l| l.code().to_owned());
        Ok(())
    }

    pub fn set_goal(&mut self, id: &str, goal: Option<Goal>) -> Result<(), ModelError> {
        self.participant_mut(id)?.goal = goal.map(|g| Goal {
            text: g.text.trim().to_owned(),
            ..g
        });
        Ok(())
    }

    pub fn change_counsellor(
        &mut self,
        id: &str,
        name: &str,
        from: NaiveDate,
    ) -> Result<(), ModelError> {
        self.participant_mut(id)?.change_counsellor(name, from)
    }

    /// Takes a participant who has left out of the daily list; everything about them is kept.
    pub fn archive_participant(
        &mut self,
        id: &str,
        reason: LeftFor,
        on: NaiveDate,
    ) -> Result<(), ModelError> {
        self.participant_mut(id)?.archived = Some(Archived { on, reason });
        Ok(())
    }

    /// Brings an archived participant back into the daily list.
    pub fn restore_participant(&mut self, id: &str) -> Result<(), ModelError> {
        self.participant_mut(id)?.archived = None;
        Ok(())
    }

    /// Removes the participant with their rounds and plan, leaving nothing about them behind.
    pub fn erase_participant(&mut self, id: &str) -> Result<(), ModelError> {
        self.participant(id)
            .ok_or_else(|| ModelError::UnknownParticipant(id.to_owned()))?;
        self.participants_mut().retain(|p| p.id != id);
        let rounds = &self.rounds;
        let theirs = |round: &str| {
            rounds
                .iter()
                .any(|r| r.id == round && r.participant_id == id)
        };
        self.handover.forget_rounds(theirs);
        self.rounds_mut().retain(|r| r.participant_id != id);
        self.plans_mut().retain(|p| p.participant_id != id);
        Ok(())
    }

    /// Someone already on the list under this name (case, spaces and dots aside), so that
    /// adding the same person twice by mistake is noticed before it happens.
    pub fn same_name(&self, display_name: &str) -> Option<&Participant> {
        let wanted = name_key(display_name);
        self.participants
            .iter()
            .find(|p| !wanted.is_empty() && name_key(&p.display_name) == wanted)
            .map(Arc::as_ref)
    }

    /// Makes `from` and `into` one person, kept as `into`: `from`'s rounds, plan entries,
    /// counsellor history and invitations move over, and the fields `into` lacks are taken
    /// from `from`. Nothing about either is lost; `from` is then gone from the list.
    pub fn merge_participants(&mut self, into: &str, from: &str) -> Result<(), ModelError> {
        let gone = self.require_participant(from)?.clone();
        let kept = self.require_participant(into)?;
        if into == from {
            return Err(ModelError::DuplicateId(from.to_owned()));
        }
        let merged = kept.merged_with(gone)?;
        let plan = self.merged_plan(into, from);
        *self.participant_mut(into)? = merged;
        for round in self
            .rounds_mut()
            .iter_mut()
            .filter(|r| r.participant_id == from)
        {
            Arc::make_mut(round).participant_id = into.to_owned();
        }
        self.handover.move_participant(from, into);
        self.plans_mut()
            .retain(|p| p.participant_id != from && p.participant_id != into);
        self.plans_mut().extend(plan.map(Arc::new));
        self.participants_mut().retain(|p| p.id != from);
        Ok(())
    }

    /// One plan of both: `into`'s entries first, then `from`'s (their ids are unique).
    fn merged_plan(&self, into: &str, from: &str) -> Option<ActionPlan> {
        let (kept, gone) = (self.plan_of(into), self.plan_of(from));
        let mut plan = kept.or(gone)?.clone();
        plan.participant_id = into.to_owned();
        if let (Some(_), Some(gone)) = (kept, gone) {
            for item in &gone.focus_items {
                if !plan.focus_items.contains(item) {
                    plan.toggle_focus(*item);
                }
            }
            plan.sub_goals.extend(gone.sub_goals.iter().cloned());
            plan.activities.extend(gone.activities.iter().cloned());
        }
        Some(plan)
    }

    /// The participant's latest round if her part of it is not finished: answering again
    /// continues it rather than starting a blank one.
    pub fn unfinished_round(&self, participant_id: &str) -> Option<&Round> {
        self.latest_round(participant_id).filter(|r| {
            r.participant_part
                .as_ref()
                .is_none_or(|part| part.completed.is_none())
        })
    }

    /// "Answer again" on the participant's own device: her unfinished round if there is one,
    /// otherwise a new round `new_round_id` dated `today`. Returns the round to answer.
    pub fn answer_again(
        &mut self,
        participant_id: &str,
        new_round_id: String,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<String, ModelError> {
        let round_id = match self.unfinished_round(participant_id) {
            Some(round) => round.id.clone(),
            None => {
                self.start_round(new_round_id.clone(), participant_id, today)?;
                new_round_id
            }
        };
        self.start_participant_part(&round_id, FilledBy::Participant, now)?;
        Ok(round_id)
    }

    /// Removes every person's data. The settings and the device key stay: they say nothing
    /// about anyone.
    pub fn erase_all(&mut self) {
        self.participants_mut().clear();
        self.handover.forget_rounds(|_| true);
        self.handover.her_plan = None;
        self.rounds_mut().clear();
        self.plans_mut().clear();
        self.reflections.clear();
    }

    pub fn start_round(
        &mut self,
        round_id: String,
        participant_id: &str,
        date: NaiveDate,
    ) -> Result<(), ModelError> {
        self.require_participant(participant_id)?;
        sane_date(date)?;
        if self.round(&round_id).is_some() {
            return Err(ModelError::DuplicateId(round_id));
        }
        self.rounds_mut().push(Arc::new(Round {
            id: round_id,
            participant_id: participant_id.to_owned(),
            date,
            participant_part: None,
            counsellor_part: None,
        }));
        Ok(())
    }

    /// A round of this participant already dated `date`: a second round on one day is
    /// usually a slip, so the page asks before starting it.
    pub fn round_on(&self, participant_id: &str, date: NaiveDate) -> Option<&Round> {
        self.rounds
            .iter()
            .find(|r| r.participant_id == participant_id && r.date == date)
            .map(Arc::as_ref)
    }

    /// Deletes a round started by mistake, with both its parts and what the device kept
    /// about handing it over. Only the participant's latest round can go.
    pub fn delete_round(&mut self, round_id: &str) -> Result<(), ModelError> {
        let round = self
            .round(round_id)
            .ok_or_else(|| ModelError::UnknownRound(round_id.to_owned()))?;
        let latest = self
            .latest_round(&round.participant_id)
            .map(|r| r.id.as_str());
        if latest != Some(round_id) {
            return Err(ModelError::NotLatestRound);
        }
        self.handover.forget_rounds(|r| r == round_id);
        self.rounds_mut().retain(|r| r.id != round_id);
        Ok(())
    }

    /// Opens the participant's part, or records who holds the device now if it is open.
    pub fn start_participant_part(
        &mut self,
        round_id: &str,
        filled_by: FilledBy,
        now: DateTime<Utc>,
    ) -> Result<(), ModelError> {
        let round = self.round_mut(round_id)?;
        match &mut round.participant_part {
            Some(part) => {
                part.filled_by = filled_by;
                part.updated = now;
            }
            None => {
                round.participant_part = Some(ParticipantPart {
                    language: None,
                    answers: Ratings::new(),
                    filled_by,
                    updated: now,
                    completed: None,
                });
            }
        }
        Ok(())
    }

    pub fn set_participant_answer(
        &mut self,
        round_id: &str,
        item: ParticipantItem,
        answer: ItemAnswer,
        now: DateTime<Utc>,
    ) -> Result<(), ModelError> {
        let answer = tidy(answer)?;
        let part = self.participant_part_mut(round_id, now)?;
        part.answers.insert(item, answer);
        Ok(())
    }

    /// The language she is answering in (the wording she sees).
    pub fn note_her_wording(
        &mut self,
        round_id: &str,
        language: Language,
        now: DateTime<Utc>,
    ) -> Result<(), ModelError> {
        let part = self.participant_part_mut(round_id, now)?;
        part.language = Some(language.code().to_owned());
        Ok(())
    }

    pub fn complete_participant_part(
        &mut self,
        round_id: &str,
        now: DateTime<Utc>,
    ) -> Result<(), ModelError> {
        self.participant_part_mut(round_id, now)?.completed = Some(now);
        Ok(())
    }

    /// Opens the counsellor's part, or records who continues it if it is open.
    pub fn start_counsellor_part(
        &mut self,
        round_id: &str,
        counsellor: &str,
        now: DateTime<Utc>,
    ) -> Result<(), ModelError> {
        let counsellor = required_text(counsellor)?;
        let round = self.round_mut(round_id)?;
        match &mut round.counsellor_part {
            Some(part) => {
                part.counsellor = counsellor;
                part.updated = now;
            }
            None => round.counsellor_part = Some(CounsellorPart::new(counsellor, now)),
        }
        Ok(())
    }

    pub fn set_belief(
        &mut self,
        round_id: &str,
        answer: ItemAnswer,
        now: DateTime<Utc>,
    ) -> Result<(), ModelError> {
        let answer = tidy(answer)?;
        self.counsellor_part_mut(round_id, now)?.belief = Some(answer);
        Ok(())
    }

    pub fn set_determination(
        &mut self,
        round_id: &str,
        answer: ItemAnswer,
        now: DateTime<Utc>,
    ) -> Result<(), ModelError> {
        let answer = tidy(answer)?;
        self.counsellor_part_mut(round_id, now)?.determination = Some(answer);
        Ok(())
    }

    pub fn set_interventions(
        &mut self,
        round_id: &str,
        interventions: Interventions,
        now: DateTime<Utc>,
    ) -> Result<(), ModelError> {
        interventions.check(&self.settings.catalogue)?;
        self.counsellor_part_mut(round_id, now)?.interventions = interventions;
        Ok(())
    }

    /// The counsellor's own rating of an item, kept beside the participant's answer.
    pub fn set_counsellor_rating(
        &mut self,
        round_id: &str,
        item: ParticipantItem,
        answer: ItemAnswer,
        now: DateTime<Utc>,
    ) -> Result<(), ModelError> {
        let answer = tidy(answer)?;
        let part = self.counsellor_part_mut(round_id, now)?;
        part.ratings.insert(item, answer);
        Ok(())
    }

    pub fn set_sensitive(
        &mut self,
        round_id: &str,
        item: SensitiveItem,
        answer: SensitiveAnswer,
        now: DateTime<Utc>,
    ) -> Result<(), ModelError> {
        if !self.settings.sensitive_items_enabled {
            return Err(ModelError::SensitiveItemsOff);
        }
        let sensitive = &mut self.counsellor_part_mut(round_id, now)?.sensitive;
        match item {
            SensitiveItem::Violence => sensitive.violence = Some(answer),
            SensitiveItem::SubstanceUse => sensitive.substance_use = Some(answer),
        }
        Ok(())
    }

    /// Stores the participant's plan, replacing the one they had.
    pub fn save_plan(&mut self, plan: ActionPlan) -> Result<(), ModelError> {
        self.require_participant(&plan.participant_id)?;
        let plan = plan.normalised()?;
        plan.check(&self.settings.catalogue)?;
        match self
            .plans_mut()
            .iter_mut()
            .find(|p| p.participant_id == plan.participant_id)
        {
            Some(existing) => *existing = Arc::new(plan),
            None => self.plans_mut().push(Arc::new(plan)),
        }
        Ok(())
    }

    /// Applies `change` to a copy of the participant's plan (a new one if they have none) and
    /// stores it through [`Caseload::save_plan`], so a refused change leaves the caseload as it was.
    pub fn change_plan(
        &mut self,
        participant_id: &str,
        change: impl FnOnce(&mut ActionPlan) -> Result<(), ModelError>,
    ) -> Result<(), ModelError> {
        self.require_participant(participant_id)?;
        let mut plan = self
            .plan_of(participant_id)
            .cloned()
            .unwrap_or_else(|| ActionPlan::new(participant_id.to_owned()));
        change(&mut plan)?;
        self.save_plan(plan)
    }

    /// Every rule of the model at once, for data read from storage or a file.
    pub fn check(&self) -> Result<(), ModelError> {
        let catalogue = &self.settings.catalogue;
        catalogue.check()?;
        unique_ids(self.participants.iter().map(|p| p.id.as_str()))?;
        unique_ids(self.reflections.iter().map(|n| n.id.as_str()))?;
        self.reflections
            .iter()
            .try_for_each(ReflectionNote::check)?;
        self.participants.iter().try_for_each(|p| p.check())?;
        // A set, not a search per round: a large caseload has thousands of rounds.
        let people: BTreeSet<&str> = self.participants.iter().map(|p| p.id.as_str()).collect();
        let known = |id: &str| {
            people
                .contains(id)
                .then_some(())
                .ok_or_else(|| ModelError::UnknownParticipant(id.to_owned()))
        };
        unique_ids(self.rounds.iter().map(|r| r.id.as_str()))?;
        for round in self.rounds.iter() {
            known(&round.participant_id)?;
            sane_date(round.date)?;
            let participant = round
                .participant_part
                .iter()
                .flat_map(|p| p.answers.values());
            if let Some(part) = &round.counsellor_part {
                required_text(&part.counsellor)?;
                part.interventions.check(catalogue)?;
            }
            let counsellor = round
                .counsellor_part
                .iter()
                .flat_map(|p| p.ratings.values());
            for comment in participant
                .chain(counsellor)
                .filter_map(|a| a.comment.as_deref())
            {
                fitting(comment)?;
            }
        }
        unique_ids(self.plans.iter().map(|p| p.participant_id.as_str()))?;
        for plan in self.plans.iter() {
            known(&plan.participant_id)?;
            plan.check(catalogue)?;
        }
        Ok(())
    }

    fn require_participant(&self, id: &str) -> Result<&Participant, ModelError> {
        self.participant(id)
            .ok_or_else(|| ModelError::UnknownParticipant(id.to_owned()))
    }

    fn participant_mut(&mut self, id: &str) -> Result<&mut Participant, ModelError> {
        self.participants_mut()
            .iter_mut()
            .find(|p| p.id == id)
            .map(Arc::make_mut)
            .ok_or_else(|| ModelError::UnknownParticipant(id.to_owned()))
    }

    fn round_mut(&mut self, id: &str) -> Result<&mut Round, ModelError> {
        self.rounds_mut()
            .iter_mut()
            .find(|r| r.id == id)
            .map(Arc::make_mut)
            .ok_or_else(|| ModelError::UnknownRound(id.to_owned()))
    }

    /// The open participant part, stamped as changed now.
    fn participant_part_mut(
        &mut self,
        round_id: &str,
        now: DateTime<Utc>,
    ) -> Result<&mut ParticipantPart, ModelError> {
        let part = self
            .round_mut(round_id)?
            .participant_part
            .as_mut()
            .ok_or(ModelError::PartNotStarted)?;
        part.updated = now;
        Ok(part)
    }

    /// The open counsellor part, stamped as changed now.
    fn counsellor_part_mut(
        &mut self,
        round_id: &str,
        now: DateTime<Utc>,
    ) -> Result<&mut CounsellorPart, ModelError> {
        let part = self
            .round_mut(round_id)?
            .counsellor_part
            .as_mut()
            .ok_or(ModelError::PartNotStarted)?;
        part.updated = now;
        Ok(part)
    }
}

/// A name as people mean it: "Ola N." and "ola n" are the same person.
pub(super) fn name_key(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '.')
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn tidy(answer: ItemAnswer) -> Result<ItemAnswer, ModelError> {
    Ok(ItemAnswer {
        comment: optional_text(answer.comment)?,
        ..answer
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::{Rating, SensitiveAnswers};
    use crate::domain::interventions::InterventionGroup;
    use crate::domain::participant::GoalKind;
    use crate::domain::plan::{Activity, ActivityStatus, SubGoal, SubGoalStatus};

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn at(hour: u32) -> DateTime<Utc> {
        date(1, 15).and_hms_opt(hour, 0, 0).unwrap().and_utc()
    }

    #[test]
    fn the_first_person_added_says_whose_device_it_is() {
        let mut data = Caseload::default();
        data.add_to_caseload("p1".into(), "Kim", " ", date(1, 1))
            .unwrap();
        assert_eq!(data.participant("p1").unwrap().counsellors.len(), 0);
        data.add_own_person("p2".into(), "Sam", date(1, 2)).unwrap();
        assert_eq!(data.settings().device_role, Some(DeviceRole::Counsellor));
        data.add_to_caseload("p3".into(), "Ola", "Eva Berg", date(1, 3))
            .unwrap();
        assert_eq!(data.participant("p3").unwrap().counsellors.len(), 1);
        let mut own = Caseload::default();
        own.add_own_person("me".into(), "Me", date(1, 1)).unwrap();
        assert_eq!(own.settings().device_role, Some(DeviceRole::Participant));
        assert!(own.add_own_person("me".into(), "Me", date(1, 1)).is_err());
    }

    #[test]
    fn her_own_round_opens_with_her_part() {
        let mut data = Caseload::default();
        data.add_own_person("me".into(), "Me", date(1, 1)).unwrap();
        data.begin_own_round("me", "r1".into(), date(1, 15), at(9))
            .unwrap();
        let part = data.round("r1").unwrap().participant_part.as_ref().unwrap();
        assert_eq!(part.filled_by, FilledBy::Participant);
        assert_eq!(
            data.begin_own_round("nobody", "r2".into(), date(1, 15), at(9)),
            Err(ModelError::UnknownParticipant("nobody".into()))
        );
    }

    /// One participant, "p1", with a round "r1" on 15 January.
    fn one_round() -> Caseload {
        let mut data = Caseload::default();
        data.add_participant("p1".into(), "Kim", date(1, 1))
            .unwrap();
        data.start_round("r1".into(), "p1", date(1, 15)).unwrap();
        data
    }

    #[test]
    fn participants_are_added_renamed_and_described() {
        let mut data = Caseload::default();
        data.add_participant("p1".into(), " Kim ", date(1, 1))
            .unwrap();
        assert_eq!(
            data.add_participant("p1".into(), "Other", date(1, 1)),
            Err(ModelError::DuplicateId("p1".into()))
        );
        data.rename_participant("p1", "Kim B").unwrap();
        data.set_contact_note("p1", Some("  ".into())).unwrap();
        data.set_goal(
            "p1",
            Some(Goal {
                kind: GoalKind::Studies,
                text: " Nursing ".into(),
            }),
        )
        .unwrap();
        data.change_counsellor("p1", "Ada", date(1, 1)).unwrap();
        let p = data.participant("p1").unwrap();
        assert_eq!(p.display_name, "Kim B");
        assert_eq!(p.contact_note, None);
        assert_eq!(p.goal.as_ref().unwrap().text, "Nursing");
        assert_eq!(p.current_counsellor().unwrap().name, "Ada");
        assert_eq!(
            data.rename_participant("p1", " "),
            Err(ModelError::EmptyText)
        );
        assert_eq!(
            data.rename_participant("nobody", "X"),
            Err(ModelError::UnknownParticipant("nobody".into()))
        );
    }

    #[test]
    fn rounds_belong_to_a_known_participant_and_sort_by_date() {
        let mut data = one_round();
        data.start_round("r0".into(), "p1", date(1, 2)).unwrap();
        assert_eq!(
            data.start_round("r1".into(), "p1", date(2, 1)),
            Err(ModelError::DuplicateId("r1".into()))
        );
        assert_eq!(
            data.start_round("r9".into(), "nobody", date(2, 1)),
            Err(ModelError::UnknownParticipant("nobody".into()))
        );
        let ids: Vec<&str> = data.rounds_of("p1").iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["r0", "r1"]);
        assert_eq!(data.latest_round("p1").unwrap().id, "r1");
        assert!(data.latest_round("nobody").is_none());
    }

    #[test]
    fn the_participant_part_records_answers_who_and_when() {
        let mut data = one_round();
        assert_eq!(
            data.set_participant_answer(
                "r1",
                ParticipantItem::Health,
                ItemAnswer::rather_not(),
                at(9)
            ),
            Err(ModelError::PartNotStarted)
        );
        data.start_participant_part("r1", FilledBy::Participant, at(9))
            .unwrap();
        data.set_participant_answer(
            "r1",
            ParticipantItem::Health,
            ItemAnswer::rather_not(),
            at(10),
        )
        .unwrap();
        let answer = ItemAnswer {
            comment: Some(" after the move ".into()),
            ..ItemAnswer::rated(4).unwrap()
        };
        data.set_participant_answer("r1", ParticipantItem::JobSearch, answer, at(10))
            .unwrap();
        data.complete_participant_part("r1", at(11)).unwrap();
        let part = data.round("r1").unwrap().participant_part.as_ref().unwrap();
        assert_eq!(part.answers[&ParticipantItem::Health].value, None);
        assert_eq!(
            part.answers[&ParticipantItem::JobSearch].comment.as_deref(),
            Some("after the move")
        );
        assert!(!part.answers.contains_key(&ParticipantItem::Cooperation));
        assert_eq!(part.completed, Some(at(11)));
        assert_eq!(part.updated, at(11));
        assert_eq!(part.filled_by, FilledBy::Participant);
    }

    // Guards the rule that the counsellor's rating never overwrites the participant's answer.
    #[test]
    fn counsellor_ratings_sit_beside_the_participants() {
        let mut data = one_round();
        data.start_participant_part("r1", FilledBy::CounsellorWithParticipant, at(9))
            .unwrap();
        data.set_participant_answer(
            "r1",
            ParticipantItem::Health,
            ItemAnswer::rated(2).unwrap(),
            at(9),
        )
        .unwrap();
        data.start_counsellor_part("r1", "Ada", at(10)).unwrap();
        data.set_counsellor_rating(
            "r1",
            ParticipantItem::Health,
            ItemAnswer::rated(4).unwrap(),
            at(10),
        )
        .unwrap();
        let round = data.round("r1").unwrap();
        let participant = &round.participant_part.as_ref().unwrap().answers;
        let counsellor = &round.counsellor_part.as_ref().unwrap().ratings;
        assert_eq!(
            participant[&ParticipantItem::Health].value,
            Rating::new(2).ok()
        );
        assert_eq!(
            counsellor[&ParticipantItem::Health].value,
            Rating::new(4).ok()
        );
    }

    #[test]
    fn the_counsellor_part_records_belief_and_interventions() {
        let mut data = one_round();
        assert_eq!(
            data.start_counsellor_part("r1", "  ", at(9)),
            Err(ModelError::EmptyText)
        );
        data.start_counsellor_part("r1", "Ada", at(9)).unwrap();
        data.set_belief("r1", ItemAnswer::rated(4).unwrap(), at(10))
            .unwrap();
        data.set_determination("r1", ItemAnswer::rather_not(), at(10))
            .unwrap();
        data.set_interventions(
            "r1",
            Interventions::Given(vec!["work_trial".into(), "mental_health".into()]),
            at(11),
        )
        .unwrap();
        assert_eq!(
            data.set_interventions("r1", Interventions::Given(vec!["x".into()]), at(12)),
            Err(ModelError::UnknownCatalogueEntry("x".into()))
        );
        let part = data.round("r1").unwrap().counsellor_part.as_ref().unwrap();
        assert_eq!(part.counsellor, "Ada");
        assert_eq!(part.belief, Some(ItemAnswer::rated(4).unwrap()));
        assert_eq!(part.determination, Some(ItemAnswer::rather_not()));
        assert_eq!(part.updated, at(11));
        assert!(matches!(&part.interventions, Interventions::Given(ids) if ids.len() == 2));
    }

    #[test]
    fn sensitive_items_need_the_organisation_setting() {
        let mut data = one_round();
        data.start_counsellor_part("r1", "Ada", at(9)).unwrap();
        let not_asked = SensitiveAnswer::NotAsked;
        assert_eq!(
            data.set_sensitive("r1", SensitiveItem::Violence, not_asked, at(9)),
            Err(ModelError::SensitiveItemsOff)
        );
        data.set_sensitive_items_enabled(true);
        data.set_sensitive("r1", SensitiveItem::Violence, not_asked, at(9))
            .unwrap();
        let rated = SensitiveAnswer::Rated(Rating::new(3).unwrap());
        data.set_sensitive("r1", SensitiveItem::SubstanceUse, rated, at(9))
            .unwrap();
        let part = data.round("r1").unwrap().counsellor_part.as_ref().unwrap();
        assert_eq!(
            part.sensitive,
            SensitiveAnswers {
                violence: Some(not_asked),
                substance_use: Some(rated),
            }
        );
    }

    #[test]
    fn a_plan_is_saved_once_per_participant() {
        let mut data = one_round();
        let mut plan = ActionPlan::new("p1".into());
        data.save_plan(plan.clone()).unwrap();
        plan.activities.push(Activity {
            id: "a1".into(),
            catalogue_id: Some("work_trial".into()),
            own_text: None,
            group: InterventionGroup::JobFocused,
            start: date(2, 1),
            end: None,
            responsible: " Ada ".into(),
            place: String::new(),
            status: ActivityStatus::Planned,
        });
        data.save_plan(plan).unwrap();
        assert_eq!(data.plans().len(), 1);
        assert_eq!(data.plan_of("p1").unwrap().activities[0].responsible, "Ada");
        assert_eq!(
            data.save_plan(ActionPlan::new("nobody".into())),
            Err(ModelError::UnknownParticipant("nobody".into()))
        );
    }

    // Guards data protection: erasing a participant must leave none of their rounds or plan.
    #[test]
    fn erasing_a_participant_removes_everything_about_them() {
        let mut data = one_round();
        data.add_participant("p2".into(), "Sam", date(1, 1))
            .unwrap();
        data.start_round("r2".into(), "p2", date(1, 20)).unwrap();
        data.save_plan(ActionPlan::new("p1".into())).unwrap();
        data.erase_participant("p1").unwrap();
        assert!(data.participant("p1").is_none());
        assert!(data.rounds_of("p1").is_empty());
        assert!(data.plan_of("p1").is_none());
        assert_eq!(data.rounds().len(), 1);
        assert_eq!(
            data.erase_participant("p1"),
            Err(ModelError::UnknownParticipant("p1".into()))
        );
        assert_eq!(data.check(), Ok(()));
    }

    #[test]
    fn an_archived_participant_is_kept_and_can_be_restored_or_erased() {
        let mut data = one_round();
        data.archive_participant("p1", LeftFor::Work, date(2, 1))
            .unwrap();
        let archived = data.participant("p1").unwrap().archived.clone();
        assert_eq!(
            archived,
            Some(Archived {
                on: date(2, 1),
                reason: LeftFor::Work
            })
        );
        assert_eq!(data.rounds_of("p1").len(), 1);
        data.restore_participant("p1").unwrap();
        assert_eq!(data.participant("p1").unwrap().archived, None);
        data.archive_participant("p1", LeftFor::Moved, date(2, 2))
            .unwrap();
        data.erase_participant("p1").unwrap();
        assert!(data.rounds().is_empty());
        assert_eq!(
            data.archive_participant("p1", LeftFor::Ended, date(2, 3)),
            Err(ModelError::UnknownParticipant("p1".into()))
        );
        assert_eq!(
            data.restore_participant("p1"),
            Err(ModelError::UnknownParticipant("p1".into()))
        );
    }

    #[test]
    fn erasing_all_keeps_only_the_settings() {
        let mut data = one_round();
        data.set_sensitive_items_enabled(true);
        data.erase_all();
        assert!(data.participants().is_empty() && data.rounds().is_empty());
        assert!(data.settings().sensitive_items_enabled);
    }

    #[test]
    fn check_finds_broken_references() {
        let mut data = one_round();
        assert_eq!(data.check(), Ok(()));
        Arc::make_mut(&mut data.rounds_mut()[0]).participant_id = "ghost".into();
        assert_eq!(
            data.check(),
            Err(ModelError::UnknownParticipant("ghost".into()))
        );
    }

    fn work_trial(id: &str) -> Activity {
        Activity {
            id: id.into(),
            catalogue_id: Some("work_trial".into()),
            own_text: None,
            group: InterventionGroup::JobFocused,
            start: date(2, 1),
            end: None,
            responsible: String::new(),
            place: String::new(),
            status: ActivityStatus::Planned,
        }
    }

    #[test]
    fn the_first_change_creates_the_plan() {
        let mut data = one_round();
        data.change_plan("p1", |plan| {
            plan.add_activity(work_trial("a1"));
            Ok(())
        })
        .unwrap();
        assert_eq!(data.plan_of("p1").unwrap().activities.len(), 1);
        assert_eq!(
            data.change_plan("nobody", |_| Ok(())),
            Err(ModelError::UnknownParticipant("nobody".into()))
        );
    }

    // Guards the stored plan against a half-made edit: a refused change must change nothing.
    #[test]
    fn a_refused_change_leaves_the_stored_plan_unchanged() {
        let mut data = one_round();
        data.change_plan("p1", |plan| {
            plan.add_activity(work_trial("a1"));
            Ok(())
        })
        .unwrap();
        let before = data.clone();
        let backwards = data.change_plan("p1", |plan| {
            plan.activity_mut("a1")?.end = Some(date(1, 1));
            Ok(())
        });
        assert_eq!(backwards, Err(ModelError::EndsBeforeStart));
        let empty_goal = data.change_plan("p1", |plan| {
            plan.add_sub_goal(SubGoal {
                id: "g1".into(),
                text: "  ".into(),
                item: None,
                due: None,
                status: SubGoalStatus::NotStarted,
            });
            Ok(())
        });
        assert_eq!(empty_goal, Err(ModelError::EmptyText));
        let unknown = data.change_plan("p1", |plan| {
            plan.remove_activity("a1")?;
            plan.remove_activity("a9")
        });
        assert_eq!(unknown, Err(ModelError::UnknownPlanEntry("a9".into())));
        assert_eq!(data, before);
    }

    #[test]
    fn only_the_latest_round_can_be_deleted() {
        let mut data = one_round();
        data.start_round("r2".into(), "p1", date(4, 15)).unwrap();
        data.start_participant_part("r2", FilledBy::Participant, at(9))
            .unwrap();
        assert_eq!(
            data.round_on("p1", date(4, 15)).map(|r| r.id.as_str()),
            Some("r2")
        );
        assert_eq!(data.round_on("p1", date(4, 16)), None);
        let before = data.clone();
        assert_eq!(data.delete_round("r1"), Err(ModelError::NotLatestRound));
        assert_eq!(
            data.delete_round("r9"),
            Err(ModelError::UnknownRound("r9".into()))
        );
        assert_eq!(data, before);
        data.delete_round("r2").unwrap();
        assert_eq!(data.rounds_of("p1").len(), 1);
        assert!(data.round("r2").is_none());
        // Now the first round is the latest, and it can go too.
        data.delete_round("r1").unwrap();
        assert!(data.rounds_of("p1").is_empty());
    }

    #[test]
    fn a_name_already_on_the_list_is_found_however_it_is_typed() {
        let data = one_round();
        assert_eq!(data.same_name(" kim. ").map(|p| p.id.as_str()), Some("p1"));
        assert_eq!(data.same_name("KIM"), data.participant("p1"));
        assert_eq!(data.same_name("Kimberly"), None);
        assert_eq!(data.same_name("  "), None);
    }

    #[test]
    fn merging_moves_rounds_plan_history_and_invitations_into_the_one_kept() {
        let mut data = one_round();
        data.change_counsellor("p1", "Ada", date(1, 1)).unwrap();
        data.add_participant("p2".into(), "Kim", date(2, 1))
            .unwrap();
        data.change_counsellor("p2", "Bo", date(2, 1)).unwrap();
        data.set_contact_note("p2", Some("Phone on Tuesdays".into()))
            .unwrap();
        data.start_round("r2".into(), "p2", date(2, 15)).unwrap();
        let key = crate::domain::handover::book::DeviceKey {
            private_pkcs8: "k".into(),
            public_raw: "p".into(),
        };
        data.invite("i2".into(), "r2", key, at(9)).unwrap();
        for (pid, group) in [
            ("p1", InterventionGroup::Social),
            ("p2", InterventionGroup::JobFocused),
        ] {
            data.change_plan(pid, |plan| {
                plan.toggle_focus(ParticipantItem::Health);
                plan.add_activity(crate::domain::plan::own_activity(
                    &format!("a-{pid}"),
                    group,
                    date(2, 1),
                    None,
                ));
                Ok(())
            })
            .unwrap();
        }
        data.merge_participants("p1", "p2").unwrap();
        assert!(data.participant("p2").is_none());
        let kept = data.participant("p1").unwrap();
        assert_eq!(kept.display_name, "Kim");
        assert_eq!(kept.contact_note.as_deref(), Some("Phone on Tuesdays"));
        let names: Vec<&str> = kept.counsellors.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Ada", "Bo"]);
        let rounds: Vec<&str> = data.rounds_of("p1").iter().map(|r| r.id.as_str()).collect();
        assert_eq!(rounds, ["r1", "r2"]);
        assert_eq!(data.plans().len(), 1);
        let plan = data.plan_of("p1").unwrap();
        assert_eq!(plan.focus_items, [ParticipantItem::Health]);
        assert_eq!(plan.activities.len(), 2);
        assert_eq!(data.handover().sent[0].participant_id, "p1");
        data.check().unwrap();
    }

    #[test]
    fn merging_with_oneself_or_someone_unknown_changes_nothing() {
        let mut data = one_round();
        let before = data.clone();
        assert!(data.merge_participants("p1", "p1").is_err());
        assert_eq!(
            data.merge_participants("p1", "p9"),
            Err(ModelError::UnknownParticipant("p9".into()))
        );
        assert_eq!(data, before);
    }

    // Guards against "Answer again" leaving an unfinished round behind and starting a blank one.
    #[test]
    fn answering_again_continues_an_unfinished_round() {
        let mut data = one_round();
        // r1 has no participant part yet: it is unfinished, and answering again opens it.
        assert_eq!(
            data.unfinished_round("p1").map(|r| r.id.as_str()),
            Some("r1")
        );
        assert_eq!(
            data.answer_again("p1", "r2".into(), date(2, 1), at(9))
                .unwrap(),
            "r1"
        );
        data.set_participant_answer(
            "r1",
            ParticipantItem::Health,
            ItemAnswer::rated(3).unwrap(),
            at(9),
        )
        .unwrap();
        assert_eq!(
            data.answer_again("p1", "r2".into(), date(2, 1), at(10))
                .unwrap(),
            "r1"
        );
        assert_eq!(data.rounds().len(), 1);
        assert_eq!(
            data.round("r1")
                .unwrap()
                .participant_part
                .as_ref()
                .unwrap()
                .answered_count(),
            1
        );
        // Once it is finished, answering again starts a new round.
        data.complete_participant_part("r1", at(11)).unwrap();
        assert_eq!(data.unfinished_round("p1"), None);
        assert_eq!(
            data.answer_again("p1", "r2".into(), date(4, 1), at(12))
                .unwrap(),
            "r2"
        );
        let r2 = data.round("r2").unwrap();
        assert_eq!(r2.date, date(4, 1));
        assert_eq!(
            r2.participant_part.as_ref().unwrap().filled_by,
            FilledBy::Participant
        );
    }
}
