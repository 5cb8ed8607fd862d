//! Merging imported data into the data on this device, matched by id so nothing is duplicated.
//! First a preview of what would change; a conflict (same id, different content) is shown and
//! decided by the user, never resolved silently.
//!
//! The device's own options (language, sensitive items, device role) stay as they are: they
//! describe this device. Catalogue entries merge by id like the rest, so that imported rounds
//! and plans always find the activities they name.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::assessment::Round;
use super::caseload::Caseload;
use super::error::ModelError;
use super::interventions::CatalogueEntry;
use super::participant::Participant;
use super::plan::ActionPlan;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConflictKind {
    Participant,
    Round,
    Plan,
    CatalogueEntry,
}

/// Names one conflict: plans by their participant's id, everything else by its own id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ConflictKey {
    pub kind: ConflictKind,
    pub id: String,
}

/// Both versions in full, so that the screen can show what differs in the user's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Conflict {
    Participant {
        current: Participant,
        incoming: Participant,
    },
    Round {
        participant_name: String,
        current: Box<Round>,
        incoming: Box<Round>,
    },
    Plan {
        participant_name: String,
        current: ActionPlan,
        incoming: ActionPlan,
    },
    CatalogueEntry {
        current: CatalogueEntry,
        incoming: CatalogueEntry,
    },
}

impl Conflict {
    pub fn key(&self) -> ConflictKey {
        let (kind, id) = match self {
            Conflict::Participant { current, .. } => (ConflictKind::Participant, &current.id),
            Conflict::Round { current, .. } => (ConflictKind::Round, &current.id),
            Conflict::Plan { current, .. } => (ConflictKind::Plan, &current.participant_id),
            Conflict::CatalogueEntry { current, .. } => (ConflictKind::CatalogueEntry, &current.id),
        };
        ConflictKey {
            kind,
            id: id.clone(),
        }
    }
}

impl Conflict {
    /// Where the user's choice starts: this device's version, unless that is only what the app
    /// ships. A catalogue entry nobody here has changed, against the file's renamed or retired
    /// one (same group), starts at the file's: taking it drops nobody's words, keeping it would
    /// drop the organisation's own name unless the user noticed.
    pub fn suggested(&self) -> Resolution {
        match self {
            Conflict::CatalogueEntry { current, incoming }
                if current.is_as_shipped() && current.group == incoming.group =>
            {
                Resolution::TakeIncoming
            }
            _ => Resolution::KeepCurrent,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergePreview {
    pub new_participants: usize,
    pub new_rounds: usize,
    pub new_plans: usize,
    pub new_catalogue_entries: usize,
    /// Items in the file (participants, rounds, plans, catalogue entries) that this device
    /// already has exactly as they are.
    pub unchanged: usize,
    pub conflicts: Vec<Conflict>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    KeepCurrent,
    TakeIncoming,
}

pub type Choices = BTreeMap<ConflictKey, Resolution>;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MergeError {
    /// A conflict without a choice: nothing is decided for the user.
    Unresolved(ConflictKey),
    /// The choices do not fit together (e.g. keeping an activity's old group while taking a
    /// plan that uses its new one).
    Inconsistent(ModelError),
}

/// What merging `incoming` into `current` would add, leave alone, and ask about.
pub fn preview_merge(current: &Caseload, incoming: &Caseload) -> MergePreview {
    let mut preview = MergePreview::default();
    let name_of = |participant_id: &str| {
        current
            .participant(participant_id)
            .or_else(|| incoming.participant(participant_id))
            .map(|p| p.display_name.clone())
            .unwrap_or_default()
    };
    let catalogue = (
        current.settings().catalogue.entries(),
        incoming.settings().catalogue.entries(),
    );
    preview.new_catalogue_entries = tally(catalogue, entry_id, &mut preview, |c, i| {
        Conflict::CatalogueEntry {
            current: c.clone(),
            incoming: i.clone(),
        }
    });
    let participants = (current.participants(), incoming.participants());
    preview.new_participants = tally(participants, participant_id, &mut preview, |c, i| {
        Conflict::Participant {
            current: Participant::clone(c),
            incoming: Participant::clone(i),
        }
    });
    let rounds = (current.rounds(), incoming.rounds());
    preview.new_rounds = tally(rounds, round_id, &mut preview, |c, i| Conflict::Round {
        participant_name: name_of(&c.participant_id),
        current: Box::new(Round::clone(c)),
        incoming: Box::new(Round::clone(i)),
    });
    let plans = (current.plans(), incoming.plans());
    preview.new_plans = tally(plans, plan_id, &mut preview, |c, i| Conflict::Plan {
        participant_name: name_of(&c.participant_id),
        current: ActionPlan::clone(c),
        incoming: ActionPlan::clone(i),
    });
    preview
}

/// The merged data: new items appended, identical ones kept once, each conflict as chosen.
pub fn apply_merge(
    current: &Caseload,
    incoming: &Caseload,
    choices: &Choices,
) -> Result<Caseload, MergeError> {
    let mut merged = current.clone();
    let catalogue = &incoming.settings.catalogue.entries;
    let into = &mut merged.settings.catalogue.entries;
    merge_into(
        into,
        catalogue,
        entry_id,
        ConflictKind::CatalogueEntry,
        choices,
    )?;
    let participants = &incoming.participants;
    let into = merged.participants_mut();
    merge_into(
        into,
        participants,
        participant_id,
        ConflictKind::Participant,
        choices,
    )?;
    merge_into(
        merged.rounds_mut(),
        &incoming.rounds,
        round_id,
        ConflictKind::Round,
        choices,
    )?;
    merge_into(
        merged.plans_mut(),
        &incoming.plans,
        plan_id,
        ConflictKind::Plan,
        choices,
    )?;
    merged.handover.merge_from(&incoming.handover);
    // Notes are never edited once written: those this device lacks are added.
    for note in &incoming.reflections {
        if !merged.reflections.iter().any(|n| n.id == note.id) {
            merged.reflections.push(note.clone());
        }
    }
    merged.check().map_err(MergeError::Inconsistent)?;
    Ok(merged)
}

fn entry_id(entry: &CatalogueEntry) -> &str {
    &entry.id
}

fn participant_id(participant: &Arc<Participant>) -> &str {
    &participant.id
}

fn round_id(round: &Arc<Round>) -> &str {
    &round.id
}

fn plan_id(plan: &Arc<ActionPlan>) -> &str {
    &plan.participant_id
}

/// Where each id sits in `items` (a lookup per incoming item would be quadratic).
fn positions<T>(items: &[T], key: fn(&T) -> &str) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(index, item)| (key(item).to_owned(), index))
        .collect()
}

/// Counts unchanged items and collects conflicts into `preview`; returns how many are new.
fn tally<T: PartialEq>(
    (current, incoming): (&[T], &[T]),
    key: fn(&T) -> &str,
    preview: &mut MergePreview,
    conflict: impl Fn(&T, &T) -> Conflict,
) -> usize {
    let at = positions(current, key);
    let mut new = 0;
    for item in incoming {
        match at.get(key(item)).map(|&i| &current[i]) {
            None => new += 1,
            Some(existing) if existing == item => preview.unchanged += 1,
            Some(existing) => preview.conflicts.push(conflict(existing, item)),
        }
    }
    new
}

fn merge_into<T: PartialEq + Clone>(
    current: &mut Vec<T>,
    incoming: &[T],
    key: fn(&T) -> &str,
    kind: ConflictKind,
    choices: &Choices,
) -> Result<(), MergeError> {
    let at = positions(current, key);
    for item in incoming {
        let Some(&index) = at.get(key(item)) else {
            current.push(item.clone());
            continue;
        };
        if current[index] == *item {
            continue;
        }
        let conflict = ConflictKey {
            kind,
            id: key(item).to_owned(),
        };
        match choices.get(&conflict) {
            Some(Resolution::TakeIncoming) => current[index] = item.clone(),
            Some(Resolution::KeepCurrent) => {}
            None => return Err(MergeError::Unresolved(conflict)),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::{FilledBy, ItemAnswer};
    use crate::domain::interventions::InterventionGroup;
    use crate::domain::questionnaire::ParticipantItem;
    use chrono::{DateTime, NaiveDate, Utc};

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 2, d).unwrap()
    }

    fn now() -> DateTime<Utc> {
        date(1).and_hms_opt(12, 0, 0).unwrap().and_utc()
    }

    /// Kim (p1) with round r1, and a plan.
    fn device() -> Caseload {
        let mut data = Caseload::default();
        data.add_participant("p1".into(), "Kim", date(1)).unwrap();
        data.start_round("r1".into(), "p1", date(2)).unwrap();
        data.save_plan(ActionPlan::new("p1".into())).unwrap();
        data
    }

    #[test]
    fn merging_a_copy_changes_nothing() {
        let data = device();
        let preview = preview_merge(&data, &data);
        assert_eq!(
            preview.unchanged,
            1 + 1 + 1 + data.settings().catalogue.entries().len()
        );
        assert_eq!(
            (
                preview.new_participants,
                preview.new_rounds,
                preview.conflicts.len()
            ),
            (0, 0, 0)
        );
        assert_eq!(apply_merge(&data, &data, &Choices::new()), Ok(data));
    }

    #[test]
    fn new_items_are_added_once_by_id() {
        let current = device();
        let mut incoming = device();
        incoming
            .add_participant("p2".into(), "Sam", date(3))
            .unwrap();
        incoming.start_round("r2".into(), "p2", date(4)).unwrap();
        incoming.save_plan(ActionPlan::new("p2".into())).unwrap();
        incoming
            .catalogue_mut()
            .add_custom("c1".into(), InterventionGroup::Social, "Jobbklubb")
            .unwrap();
        let preview = preview_merge(&current, &incoming);
        assert_eq!(preview.new_participants, 1);
        assert_eq!(preview.new_rounds, 1);
        assert_eq!(preview.new_plans, 1);
        assert_eq!(preview.new_catalogue_entries, 1);
        assert!(preview.conflicts.is_empty());
        let merged = apply_merge(&current, &incoming, &Choices::new()).unwrap();
        assert_eq!(merged.participants().len(), 2);
        assert_eq!(merged.rounds().len(), 2);
        assert!(merged.settings().catalogue.get("c1").is_some());
    }

    // Guards the promise that a conflict is shown and decided by the user, never silently.
    #[test]
    fn a_conflict_needs_a_choice_and_follows_it() {
        let current = device();
        let mut incoming = device();
        incoming.rename_participant("p1", "Kim B").unwrap();
        incoming
            .start_participant_part("r1", FilledBy::Participant, now())
            .unwrap();
        incoming
            .set_participant_answer(
                "r1",
                ParticipantItem::Health,
                ItemAnswer::rather_not(),
                now(),
            )
            .unwrap();
        let preview = preview_merge(&current, &incoming);
        let keys: Vec<ConflictKey> = preview.conflicts.iter().map(Conflict::key).collect();
        let participant = ConflictKey {
            kind: ConflictKind::Participant,
            id: "p1".into(),
        };
        let round = ConflictKey {
            kind: ConflictKind::Round,
            id: "r1".into(),
        };
        assert_eq!(keys, [participant.clone(), round.clone()]);
        assert!(matches!(
            &preview.conflicts[1],
            Conflict::Round { participant_name, .. } if participant_name == "Kim"
        ));
        assert_eq!(
            apply_merge(&current, &incoming, &Choices::new()),
            Err(MergeError::Unresolved(participant.clone()))
        );
        let choices = Choices::from([
            (participant, Resolution::KeepCurrent),
            (round, Resolution::TakeIncoming),
        ]);
        let merged = apply_merge(&current, &incoming, &choices).unwrap();
        assert_eq!(merged.participant("p1").unwrap().display_name, "Kim");
        assert_eq!(merged.round("r1"), incoming.round("r1"));
        assert_eq!(merged.rounds().len(), 1);
    }

    #[test]
    fn choices_that_do_not_fit_together_are_refused() {
        let mut current = device();
        let catalogue = current.catalogue_mut();
        catalogue
            .add_custom("c1".into(), InterventionGroup::Social, "Club")
            .unwrap();
        let mut incoming = Caseload::default();
        incoming
            .add_participant("p2".into(), "Sam", date(3))
            .unwrap();
        let catalogue = incoming.catalogue_mut();
        catalogue
            .add_custom("c1".into(), InterventionGroup::Health, "Club")
            .unwrap();
        let mut plan = ActionPlan::new("p2".into());
        plan.activities.push(crate::domain::plan::Activity {
            id: "a1".into(),
            catalogue_id: Some("c1".into()),
            own_text: None,
            group: InterventionGroup::Health,
            start: date(3),
            end: None,
            responsible: String::new(),
            place: String::new(),
            status: crate::domain::plan::ActivityStatus::Planned,
        });
        incoming.save_plan(plan).unwrap();
        let keep = Choices::from([(
            ConflictKey {
                kind: ConflictKind::CatalogueEntry,
                id: "c1".into(),
            },
            Resolution::KeepCurrent,
        )]);
        assert_eq!(
            apply_merge(&current, &incoming, &keep),
            Err(MergeError::Inconsistent(ModelError::WrongGroup))
        );
    }

    /// Restoring onto a device with the shipped catalogue: the backup's renamed and retired
    /// entries start preselected, so the counsellor's own names are not dropped unnoticed.
    #[test]
    fn a_shipped_entry_starts_at_the_files_version() {
        let current = device();
        let mut incoming = device();
        incoming
            .catalogue_mut()
            .rename("work_trial", "Praktik hos os")
            .unwrap();
        incoming.catalogue_mut().retire("debt_advice").unwrap();
        let preview = preview_merge(&current, &incoming);
        let suggested: Vec<(String, Resolution)> = preview
            .conflicts
            .iter()
            .map(|c| (c.key().id, c.suggested()))
            .collect();
        assert_eq!(
            suggested,
            [
                ("work_trial".to_owned(), Resolution::TakeIncoming),
                ("debt_advice".to_owned(), Resolution::TakeIncoming),
            ]
        );
        let choices = preview
            .conflicts
            .iter()
            .map(|c| (c.key(), c.suggested()))
            .collect();
        let merged = apply_merge(&current, &incoming, &choices).unwrap();
        assert_eq!(merged.settings().catalogue, incoming.settings().catalogue);
    }

    /// What the counsellor changed on this device is never preselected away.
    #[test]
    fn a_changed_entry_on_this_device_starts_at_keeping_it() {
        let mut current = device();
        current
            .catalogue_mut()
            .rename("work_trial", "Our trial")
            .unwrap();
        current.catalogue_mut().retire("debt_advice").unwrap();
        let mut incoming = device();
        incoming
            .catalogue_mut()
            .rename("work_trial", "Their trial")
            .unwrap();
        let conflicts = preview_merge(&current, &incoming).conflicts;
        assert_eq!(conflicts.len(), 2);
        assert!(
            conflicts
                .iter()
                .all(|c| c.suggested() == Resolution::KeepCurrent)
        );
    }
}
