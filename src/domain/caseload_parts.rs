//! A caseload as the parts it is stored in (issue 31): one part per person — her details, her
//! rounds and her plan — and the part the whole caseload shares (settings with the
//! intervention catalogue, handovers, the counsellor's reflections). A change to one person
//! then rewrites her part alone, however many people the caseload holds.

use std::collections::BTreeSet;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::assessment::Round;
use super::caseload::Caseload;
use super::error::ModelError;
use super::handover::book::Handover;
use super::participant::Participant;
use super::plan::ActionPlan;
use super::reflection::ReflectionNote;
use super::settings::Settings;

/// Everything about one person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonPart {
    pub participant: Arc<Participant>,
    /// In the caseload's order, which orders rounds of one day (see `Caseload::rounds_of`).
    #[serde(default)]
    pub rounds: Vec<Arc<Round>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Arc<ActionPlan>>,
}

/// What belongs to no one person.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedPart {
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub handover: Box<Handover>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reflections: Vec<ReflectionNote>,
}

impl Caseload {
    /// The people's ids, in the caseload's order.
    pub fn person_ids(&self) -> Vec<String> {
        self.participants.iter().map(|p| p.id.clone()).collect()
    }

    /// The part of the person with `id`, if she is in the caseload.
    pub fn person_part(&self, id: &str) -> Option<PersonPart> {
        Some(PersonPart {
            participant: Arc::clone(self.participants.iter().find(|p| p.id == id)?),
            rounds: self
                .rounds
                .iter()
                .filter(|r| r.participant_id == id)
                .cloned()
                .collect(),
            plan: self.plans.iter().find(|p| p.participant_id == id).cloned(),
        })
    }

    pub fn shared_part(&self) -> SharedPart {
        SharedPart {
            settings: self.settings.clone(),
            handover: self.handover.clone(),
            reflections: self.reflections.clone(),
        }
    }

    /// The caseload the parts make, people in the given order, after every rule of the model.
    pub fn from_parts(shared: SharedPart, people: Vec<PersonPart>) -> Result<Caseload, ModelError> {
        let mut data = Caseload {
            settings: shared.settings,
            handover: shared.handover,
            reflections: shared.reflections,
            ..Caseload::default()
        };
        for person in people {
            // A round or plan stored in someone else's part would make two owners of it.
            let id = &person.participant.id;
            if let Some(stray) = person.rounds.iter().find(|r| &r.participant_id != id) {
                return Err(ModelError::UnknownParticipant(stray.participant_id.clone()));
            }
            if let Some(plan) = person.plan.as_ref().filter(|p| &p.participant_id != id) {
                return Err(ModelError::UnknownParticipant(plan.participant_id.clone()));
            }
            data.participants_mut().push(person.participant);
            data.rounds_mut().extend(person.rounds);
            data.plans_mut().extend(person.plan);
        }
        data.check()?;
        Ok(data)
    }

    /// Only the people `ids` names, with what all share: a version left out by two tabs, kept
    /// aside without a copy of everyone else. The whole caseload where the parts alone would
    /// break a rule of the model: a copy too large beats a copy lost.
    pub fn only_people(&self, ids: &BTreeSet<String>) -> Caseload {
        let people = (self.participants.iter())
            .filter(|p| ids.contains(&p.id))
            .filter_map(|p| self.person_part(&p.id))
            .collect();
        Caseload::from_parts(self.shared_part(), people).unwrap_or_else(|_| self.clone())
    }

    /// The same caseload with its rounds and plans in the order its parts give them: equal
    /// data read back from parts equals this.
    #[cfg(test)]
    pub fn in_part_order(&self) -> Caseload {
        let mut data = self.clone();
        data.rounds = Arc::new(
            (self.participants.iter())
                .flat_map(|p| self.rounds.iter().filter(move |r| r.participant_id == p.id))
                .cloned()
                .collect(),
        );
        data.plans = Arc::new(
            (self.participants.iter())
                .filter_map(|p| self.plans.iter().find(|plan| plan.participant_id == p.id))
                .cloned()
                .collect(),
        );
        data
    }
}

/// Which people's parts the changed items (keys as `three_way` names them) touch, as the
/// data is now (`now`) and as it was (`before`): a round moved from one person to another
/// (two people merged) touches both.
pub fn people_touched(
    keys: &BTreeSet<String>,
    now: &Caseload,
    before: &Caseload,
) -> BTreeSet<String> {
    let mut people = BTreeSet::new();
    for key in keys {
        let Some((kind, id)) = key.split_once(':') else {
            continue;
        };
        match kind {
            "participant" | "plan" => {
                people.insert(id.to_owned());
            }
            "round" => {
                for data in [now, before] {
                    if let Some(round) = data.round(id) {
                        people.insert(round.participant_id.clone());
                    }
                }
            }
            _ => {} // reflections, the catalogue and settings are shared
        }
    }
    people
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::three_way::differing_keys;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn two_people() -> Caseload {
        let mut data = Caseload::default();
        data.add_participant("a".into(), "Ada", day(1)).unwrap();
        data.add_participant("b".into(), "Bo", day(1)).unwrap();
        data.start_round("ra1".into(), "a", day(2)).unwrap();
        data.start_round("rb1".into(), "b", day(3)).unwrap();
        data.start_round("ra2".into(), "a", day(4)).unwrap();
        data
    }

    fn parts(data: &Caseload) -> (SharedPart, Vec<PersonPart>) {
        let people = data
            .person_ids()
            .iter()
            .map(|id| data.person_part(id).unwrap())
            .collect();
        (data.shared_part(), people)
    }

    // Guards the stored records: a caseload split into its parts and put together again is the
    // same caseload (its rounds grouped by person, which `rounds_of` does not see).
    #[test]
    fn parts_make_the_same_caseload() {
        let data = two_people();
        let (shared, people) = parts(&data);
        assert_eq!(people[0].rounds.len(), 2);
        let again = Caseload::from_parts(shared, people).unwrap();
        assert_eq!(again, data.in_part_order());
        assert!(differing_keys(&again, &data).is_empty());
        assert_eq!(again.rounds_of("a"), data.rounds_of("a"));
    }

    // Guards a record that holds someone else's round: refused, not read as hers.
    #[test]
    fn a_round_in_the_wrong_part_is_refused() {
        let data = two_people();
        let (shared, mut people) = parts(&data);
        let stray = people[1].rounds.pop().unwrap();
        people[0].rounds.push(stray);
        assert!(Caseload::from_parts(shared, people).is_err());
    }

    #[test]
    fn changes_touch_the_parts_of_their_people() {
        let before = two_people();
        let mut now = before.clone();
        now.rename_participant("b", "Bodil").unwrap();
        now.delete_round("ra2").unwrap();
        let touched = people_touched(&differing_keys(&before, &now), &now, &before);
        assert_eq!(touched, BTreeSet::from(["a".to_owned(), "b".to_owned()]));
        let mut merged = before.clone();
        merged.merge_participants("a", "b").unwrap();
        let touched = people_touched(&differing_keys(&before, &merged), &merged, &before);
        assert_eq!(touched, BTreeSet::from(["a".to_owned(), "b".to_owned()]));
    }
}
