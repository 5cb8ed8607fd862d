//! What each device keeps about handovers, inside the caseload (so also in its backup), and
//! the caseload's handover methods.
//!
//! The counsellor's device keeps its own key pair and the invitations it made (which round of
//! whom each one is for). A participant's phone keeps the invitations it is answering and the
//! round that answers each, so that closing the browser and coming back continues.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::assessment::{FilledBy, ItemAnswer, ParticipantPart, Ratings, Round};
use crate::domain::caseload::Caseload;
use crate::domain::error::ModelError;

use super::HandoverError;
use super::codec::{
    Invitation, PUBLIC_KEY_LEN, ReplyContent, from_base64url, id_from_hex, id_to_hex, to_base64url,
};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Handover {
    /// This device's key pair, made on its first invitation. Never replaced: invitations
    /// already out would no longer open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_key: Option<DeviceKey>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sent: Vec<SentInvitation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub answering: Vec<AnsweringFor>,
    /// On her own phone: the plan her counsellor gave her ("My plan"). Optional, so no new
    /// schema version; boxed, as it is rarely there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub her_plan: Option<crate::domain::her_plan::stored::StoredPlan>,
}

/// An ECDH P-256 key pair as WebCrypto exports it, base64url: PKCS #8 and the raw public point.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceKey {
    pub private_pkcs8: String,
    pub public_raw: String,
}

/// An invitation this device made: for one round of one participant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentInvitation {
    /// 32 hex digits.
    pub id: String,
    pub participant_id: String,
    pub round_id: String,
    pub created: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<DateTime<Utc>>,
    /// Her phone's own public key (base64url), where her reply said the phone keeps it
    /// (reply version 2): her plan can be sealed to it, with no digits to type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_key: Option<String>,
}

/// An invitation this phone is answering, as it came (base64url), and the round that answers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnsweringFor {
    pub invitation: String,
    pub round_id: String,
    pub opened: DateTime<Utc>,
}

/// Her phone, as the counsellor's device knows it from her reply: which invitation the reply
/// answered and the phone's own public key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HerPhone {
    pub invitation_id: [u8; 16],
    pub key: [u8; PUBLIC_KEY_LEN],
}

/// What receiving a reply did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Received {
    Added,
    /// The same answers were already there: nothing changed.
    AlreadyThere,
}

impl Handover {
    /// Forgets every invitation about these rounds (the participant was erased).
    pub(in crate::domain) fn forget_rounds(&mut self, gone: impl Fn(&str) -> bool) {
        self.sent.retain(|s| !gone(&s.round_id));
        self.answering.retain(|a| !gone(&a.round_id));
    }

    /// The invitations made for `from` are now for `into` (the two were merged).
    pub(in crate::domain) fn move_participant(&mut self, from: &str, into: &str) {
        for sent in self.sent.iter_mut().filter(|s| s.participant_id == from) {
            sent.participant_id = into.to_owned();
        }
    }

    /// Takes a restored backup's key when this device has none, and the invitations it lacks.
    pub(in crate::domain) fn merge_from(&mut self, incoming: &Handover) {
        if self.device_key.is_none() {
            self.device_key = incoming.device_key.clone();
        }
        // A backup read back keeps the newer of two plans, as opening a plan does.
        if let Some(plan) = incoming.her_plan.as_ref().and_then(|p| p.open())
            && self
                .her_plan
                .as_ref()
                .and_then(|p| p.open())
                .is_none_or(|kept| kept.is_replaced_by(&plan))
        {
            self.her_plan = incoming.her_plan.clone();
        }
        for sent in &incoming.sent {
            if !self.sent.iter().any(|s| s.id == sent.id) {
                self.sent.push(sent.clone());
            }
        }
        for answering in &incoming.answering {
            if !self
                .answering
                .iter()
                .any(|a| a.invitation == answering.invitation)
            {
                self.answering.push(answering.clone());
            }
        }
    }
}

impl Caseload {
    pub fn handover(&self) -> &Handover {
        &self.handover
    }

    /// Invites the participant of `round_id` to answer it on their own phone. `key` is kept as
    /// this device's key pair if it has none yet; otherwise the one it has stays.
    pub fn invite(
        &mut self,
        invitation_id: String,
        round_id: &str,
        key: DeviceKey,
        now: DateTime<Utc>,
    ) -> Result<(), ModelError> {
        let participant_id = self
            .round(round_id)
            .ok_or_else(|| ModelError::UnknownRound(round_id.to_owned()))?
            .participant_id
            .clone();
        if self.handover.sent.iter().any(|s| s.id == invitation_id) {
            return Err(ModelError::DuplicateId(invitation_id));
        }
        self.handover.device_key.get_or_insert(key);
        self.handover.sent.push(SentInvitation {
            id: invitation_id,
            participant_id,
            round_id: round_id.to_owned(),
            created: now,
            received: None,
            phone_key: None,
        });
        Ok(())
    }

    /// The latest invitation made for this round, if any.
    pub fn invitation_for_round(&self, round_id: &str) -> Option<&SentInvitation> {
        self.handover
            .sent
            .iter()
            .rev()
            .find(|s| s.round_id == round_id)
    }

    pub fn sent_invitation(&self, id: &[u8; 16]) -> Option<&SentInvitation> {
        let id = id_to_hex(id);
        self.handover.sent.iter().find(|s| s.id == id)
    }

    /// Stores the answers of a reply as the participant's part of the invited round: the same
    /// data as if she had answered on this device. The counsellor's part is never touched;
    /// answers already there are never overwritten; the same reply twice changes nothing.
    /// `phone_key` is her phone's own key where the reply carried one (version 2).
    pub fn receive_reply(
        &mut self,
        invitation_id: &[u8; 16],
        reply: &ReplyContent,
        phone_key: Option<&[u8; PUBLIC_KEY_LEN]>,
        now: DateTime<Utc>,
    ) -> Result<Received, HandoverError> {
        let invitation = self
            .sent_invitation(invitation_id)
            .ok_or(HandoverError::NotForThisDevice)?;
        let round_id = invitation.round_id.clone();
        let round = self
            .round(&round_id)
            .filter(|r| self.participant(&r.participant_id).is_some())
            .ok_or(HandoverError::RoundGone)?;
        let answers = tidy_answers(&reply.answers);
        match &round.participant_part {
            Some(part) if part.answers == answers => return Ok(Received::AlreadyThere),
            Some(part) if !part.answers.is_empty() => {
                return Err(HandoverError::OtherAnswersThere);
            }
            _ => {}
        }
        let round = self
            .rounds_mut()
            .iter_mut()
            .find(|r| r.id == round_id)
            .map(Arc::make_mut)
            .expect("found above");
        round.participant_part = Some(ParticipantPart {
            language: None,
            answers,
            filled_by: FilledBy::Participant,
            updated: now,
            completed: Some(reply.completed),
        });
        let id = id_to_hex(invitation_id);
        if let Some(sent) = self.handover.sent.iter_mut().find(|s| s.id == id) {
            sent.received = Some(now);
            sent.phone_key = phone_key.map(|key| to_base64url(key));
        }
        Ok(Received::Added)
    }

    /// The phone her latest reply came from, if that phone keeps its key: her plan can be
    /// sealed to it. A reply from a phone on an older version (one-time key) gives none, and
    /// the plan goes with digits.
    pub fn her_phone(&self, participant_id: &str) -> Option<HerPhone> {
        let (_, sent) = self
            .handover
            .sent
            .iter()
            .filter(|s| s.participant_id == participant_id)
            .filter_map(|s| Some((s.received?, s)))
            .max_by_key(|(received, _)| *received)?;
        Some(HerPhone {
            invitation_id: id_from_hex(&sent.id)?,
            key: from_base64url(sent.phone_key.as_deref()?)?
                .try_into()
                .ok()?,
        })
    }

    /// On the phone: the invitation with this id that this phone answered (its counsellor's
    /// device key opens a plan sealed to this phone).
    pub fn answered_invitation(&self, id: &[u8; 16]) -> Option<Invitation> {
        self.handover
            .answering
            .iter()
            .filter_map(|a| Invitation::decode(&a.invitation).ok())
            .find(|invitation| invitation.id == *id)
    }

    /// On the phone: `round_id` answers this invitation. Opening the same invitation again
    /// keeps the round it already has.
    pub fn answer_invitation(
        &mut self,
        invitation: &Invitation,
        round_id: &str,
        now: DateTime<Utc>,
    ) -> Result<(), ModelError> {
        if self.round(round_id).is_none() {
            return Err(ModelError::UnknownRound(round_id.to_owned()));
        }
        if self.answering_round(invitation).is_some() {
            return Ok(());
        }
        self.handover.answering.push(AnsweringFor {
            invitation: invitation.encode(),
            round_id: round_id.to_owned(),
            opened: now,
        });
        Ok(())
    }

    /// On the phone: the round that answers this invitation.
    pub fn answering_round(&self, invitation: &Invitation) -> Option<&Round> {
        let encoded = invitation.encode();
        self.handover
            .answering
            .iter()
            .find(|a| a.invitation == encoded)
            .and_then(|a| self.round(&a.round_id))
    }

    /// On the phone: the invitation this round answers, if it answers one.
    /// Whether this round answers an invitation (its reply is sent from the whole app).
    pub fn answers_invitation(&self, round_id: &str) -> bool {
        self.handover
            .answering
            .iter()
            .any(|a| a.round_id == round_id)
    }

    pub fn invitation_of_round(&self, round_id: &str) -> Option<Invitation> {
        self.handover
            .answering
            .iter()
            .rev()
            .find(|a| a.round_id == round_id)
            .and_then(|a| Invitation::decode(&a.invitation).ok())
    }

    /// On the phone: finished rounds the participant answered herself that answer no
    /// invitation yet, newest first: one of them can be sent instead of answering again.
    pub fn unsent_finished_rounds(&self) -> Vec<&Round> {
        let mut rounds: Vec<&Round> = self
            .rounds
            .iter()
            .filter(|r| {
                r.participant_part
                    .as_ref()
                    .is_some_and(|p| p.completed.is_some() && p.filled_by == FilledBy::Participant)
            })
            .filter(|r| !self.handover.answering.iter().any(|a| a.round_id == r.id))
            .map(Arc::as_ref)
            .collect();
        rounds.sort_by_key(|r| std::cmp::Reverse(r.date));
        rounds
    }
}

/// Comments as the questionnaire stores them: trimmed, and blank ones dropped.
fn tidy_answers(answers: &Ratings) -> Ratings {
    answers
        .iter()
        .map(|(item, answer)| {
            let comment = answer
                .comment
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_owned);
            (
                *item,
                ItemAnswer {
                    value: answer.value,
                    comment,
                },
            )
        })
        .collect()
}
