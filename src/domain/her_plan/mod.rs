//! The action plan as it travels to the participant's own phone and is kept there under "My
//! plan": what she sees of it, and nothing else (no comments, no other person, no ids from the
//! counsellor's device). SKAPA's point is that the plan is hers; with no server, it has to go
//! to her phone.
//!
//! `codec` writes it as compact bytes for a QR code, a link or a file; `code` is the short
//! code she types to open it; `changes` says what a newer plan changed; `calendar` writes its
//! dates as an iCalendar file. The sealing itself is WebCrypto's (`src/handover/plan_seal.rs`).

pub mod calendar;
pub mod changes;
pub mod code;
pub mod codec;
pub mod stored;

use chrono::{DateTime, NaiveDate, Utc};

use super::caseload::Caseload;
use super::handover::HandoverError;
use super::interventions::{Catalogue, CatalogueName, SEED};
use super::participant::GoalKind;
use super::plan::{Activity, ActivityStatus, SubGoalStatus};
use super::progression::{View, round_values};
use super::questionnaire::ParticipantItem;
use changes::PlanChange;

/// A plan as her phone keeps it (stored as its travelling bytes: see `stored`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HerPlan {
    /// When the counsellor gave it: a newer plan replaces an older one, never the reverse.
    pub sent: DateTime<Utc>,
    /// The counsellor's name as the counsellor's device has it (may be empty).
    pub counsellor: String,
    pub goal_kind: Option<GoalKind>,
    /// The goal in her own words.
    pub goal: String,
    pub focus_items: Vec<ParticipantItem>,
    pub sub_goals: Vec<HerSubGoal>,
    pub activities: Vec<HerActivity>,
    /// Her latest answers, for her diagram.
    pub diagram: Option<HerDiagram>,
    /// Three months after the latest round: when she meets her counsellor again.
    pub next_follow_up: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HerSubGoal {
    pub text: String,
    pub due: Option<NaiveDate>,
    pub status: SubGoalStatus,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HerActivity {
    /// The catalogue's name in the counsellor's language, or the words typed for it.
    pub name: String,
    /// The shipped activity it is (`interventions::SEED`'s id), where the organisation kept
    /// its shipped name: her phone names it in her own language.
    pub shipped: Option<&'static str>,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub responsible: String,
    pub place: String,
    pub status: ActivityStatus,
}

/// One round of her own answers: 1–5 per item in item order, `None` where there is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HerDiagram {
    pub date: NaiveDate,
    pub values: Vec<Option<u8>>,
}

impl HerPlan {
    /// Participant `pid`'s plan as she will see it, `None` when she has no plan yet.
    /// `activity_name` names an activity in the counsellor's language.
    pub fn of(
        caseload: &Caseload,
        pid: &str,
        sent: DateTime<Utc>,
        activity_name: impl Fn(&Activity) -> String,
    ) -> Option<HerPlan> {
        let participant = caseload.participant(pid)?;
        let plan = caseload.plan_of(pid)?;
        let rounds = caseload.rounds_of(pid);
        let diagram = round_values(&rounds, View::Participant)
            .pop()
            .map(|latest| HerDiagram {
                date: latest.date,
                values: latest.values,
            });
        Some(HerPlan {
            sent,
            counsellor: participant
                .current_counsellor()
                .map(|c| c.name.clone())
                .unwrap_or_default(),
            goal_kind: participant.goal.as_ref().map(|g| g.kind),
            goal: participant
                .goal
                .as_ref()
                .map(|g| g.text.clone())
                .unwrap_or_default(),
            focus_items: plan.focus_items.clone(),
            sub_goals: plan
                .sub_goals
                .iter()
                .map(|s| HerSubGoal {
                    text: s.text.clone(),
                    due: s.due,
                    status: s.status,
                })
                .collect(),
            activities: plan
                .activities
                .iter()
                .map(|a| HerActivity {
                    name: activity_name(a),
                    shipped: shipped(&caseload.settings().catalogue, a),
                    start: a.start,
                    end: a.end,
                    responsible: a.responsible.clone(),
                    place: a.place.clone(),
                    status: a.status,
                })
                .collect(),
            diagram,
            next_follow_up: super::assessment::next_follow_up_due(rounds),
        })
    }

    /// Names each shipped activity as `named` names it (in her language), where it can: what
    /// she reads, and what a newer plan's changes are told in.
    pub fn name_shipped(&mut self, named: impl Fn(&str) -> Option<String>) {
        for activity in &mut self.activities {
            if let Some(name) = activity.shipped.and_then(&named) {
                activity.name = name;
            }
        }
    }

    /// Whether `incoming` may replace this plan: only a plan given later (a link opened twice,
    /// or an old one found again, changes nothing).
    pub fn is_replaced_by(&self, incoming: &HerPlan) -> bool {
        incoming.sent > self.sent
    }
}

/// The shipped activity `activity` is, if it is one still offered under its shipped name (an
/// organisation's own name for it is its own words, and travels as such).
fn shipped(catalogue: &Catalogue, activity: &Activity) -> Option<&'static str> {
    let entry = catalogue.get(activity.catalogue_id.as_deref()?)?;
    if entry.retired || entry.name != CatalogueName::Seed {
        return None;
    }
    SEED.iter().map(|(id, _)| *id).find(|id| *id == entry.id)
}

impl Caseload {
    /// The plan kept on her phone, opened.
    pub fn her_plan(&self) -> Option<HerPlan> {
        self.handover.her_plan.as_ref()?.open()
    }

    /// Whether a plan is kept on this device (without opening it).
    pub fn has_her_plan(&self) -> bool {
        self.handover.her_plan.is_some()
    }

    /// Keeps a plan she opened: the first one, or one given after the one she has, whose
    /// changes it returns. An older or the same plan (a link opened again) changes nothing.
    pub fn keep_her_plan(
        &mut self,
        plan: HerPlan,
    ) -> Result<Option<Vec<PlanChange>>, HandoverError> {
        let changed = match self.her_plan() {
            Some(kept) if !kept.is_replaced_by(&plan) => return Err(HandoverError::OlderPlan),
            Some(kept) => Some(changes::changes(&kept, &plan)),
            None => None,
        };
        self.handover.her_plan = Some(stored::StoredPlan::of(&plan));
        Ok(changed)
    }

    pub fn remove_her_plan(&mut self) {
        self.handover.her_plan = None;
    }
}

#[cfg(test)]
pub(crate) mod tests;
