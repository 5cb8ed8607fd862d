//! A plan as it travels to her phone: compact bytes, written base64url into a link's fragment,
//! a QR code or a file, like the invitation and the reply (`domain::handover::codec`).
//!
//! Sealed plan, format version 1: `S`, `P`, version, a 16-byte salt and a 12-byte nonce in the
//! clear, then the content sealed with AES-256-GCM under a key derived from the short code she
//! types (PBKDF2-HMAC-SHA-256 with the salt, [`ITERATIONS`] rounds); the clear bytes are the
//! associated data, so none of them can be changed unnoticed.
//!
//! Format version 3 is version 1 whose content also says which activities are shipped ones, so
//! that her phone names them in her language (see `shipped_bits`). Format version 2, where her
//! phone is known: `S`, `P`, version, the id of the invitation her
//! phone answered and a 12-byte nonce, then the same content sealed between the counsellor's
//! device and her phone (see [`PlanLock::Phone`]). Both versions are written by this build and
//! both keep reading.
//!
//! Content: when it was sent (u32 seconds), the counsellor's name, the goal's kind (0 none,
//! 1 work, 2 studies) and her words, the next follow-up, her latest answers, the focus items,
//! the sub-goals and the activities (with who is responsible and where). Texts are a length and UTF-8; dates are days since
//! 2000-01-01 in two bytes, 0 for none; statuses are their place in the plan's lists.

use chrono::{DateTime, NaiveDate, Utc};

use super::{HerActivity, HerDiagram, HerPlan, HerSubGoal};
use crate::domain::handover::HandoverError;
use crate::domain::handover::codec::{
    ID_LEN, PLAN_KIND, Reader, TAG_LEN, decode_text, header_of, write_length,
};
use crate::domain::interventions::SEED;
use crate::domain::participant::GoalKind;
use crate::domain::plan::{ActivityStatus, SubGoalStatus};
use crate::domain::questionnaire::ParticipantItem;

pub const SALT_LEN: usize = 16;
pub use crate::domain::handover::codec::NONCE_LEN;
/// As the lock's passphrase: a phone derives the key in well under a second with WebCrypto,
/// while guessing ten digits offline costs 600,000 hashes a guess.
pub const ITERATIONS: u32 = 600_000;

const SUB_GOAL_STATUSES: [SubGoalStatus; 4] = [
    SubGoalStatus::NotStarted,
    SubGoalStatus::UnderWay,
    SubGoalStatus::Reached,
    SubGoalStatus::Dropped,
];
const ACTIVITY_STATUSES: [ActivityStatus; 4] = [
    ActivityStatus::Planned,
    ActivityStatus::UnderWay,
    ActivityStatus::Completed,
    ActivityStatus::Stopped,
];
/// Far more than a plan screen holds; refuses a payload that claims thousands.
const MOST_ROWS: u8 = 100;

/// How a plan is sealed: the version byte says which.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanLock {
    /// Versions 1 and 3: under the ten digits shown beside the code (PBKDF2, then AES-GCM).
    /// Version 3's content also says which activities are shipped ones (see `shipped_bits`);
    /// this build writes 3 and still reads 1.
    Digits {
        version: u8,
        salt: [u8; SALT_LEN],
        nonce: [u8; NONCE_LEN],
    },
    /// Version 2: between her counsellor's device and her phone, whose own key came with her
    /// reply to the invitation named here: ECDH P-256 of the device's key and the phone's
    /// (each knows the other's public key from that invitation and its reply), HKDF-SHA-256
    /// with the invitation id as salt, AES-256-GCM with a random nonce. No digits to type, and
    /// no larger than version 1, so it fits the same code.
    Phone {
        invitation_id: [u8; ID_LEN],
        nonce: [u8; NONCE_LEN],
    },
}

/// The first builds' plans: digits, and no shipped activities named.
pub const FIRST_VERSION: u8 = 1;
pub const PHONE_VERSION: u8 = 2;
pub const DIGITS_VERSION: u8 = 3;

/// A sealed plan as it travels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedPlan {
    pub lock: PlanLock,
    /// The sealed content with its tag.
    pub sealed: Vec<u8>,
}

impl SealedPlan {
    /// The clear part, which the sealing authenticates.
    pub fn associated_data(&self) -> Vec<u8> {
        match &self.lock {
            PlanLock::Digits {
                version,
                salt,
                nonce,
            } => {
                let mut out = header_of(PLAN_KIND, *version);
                out.extend_from_slice(salt);
                out.extend_from_slice(nonce);
                out
            }
            PlanLock::Phone {
                invitation_id,
                nonce,
            } => {
                let mut out = header_of(PLAN_KIND, PHONE_VERSION);
                out.extend_from_slice(invitation_id);
                out.extend_from_slice(nonce);
                out
            }
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = self.associated_data();
        out.extend_from_slice(&self.sealed);
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<SealedPlan, HandoverError> {
        let (mut reader, version) = Reader::after_header_of(
            bytes,
            PLAN_KIND,
            &[FIRST_VERSION, PHONE_VERSION, DIGITS_VERSION],
        )?;
        let lock = match version {
            FIRST_VERSION | DIGITS_VERSION => PlanLock::Digits {
                version,
                salt: reader.array()?,
                nonce: reader.array()?,
            },
            _ => PlanLock::Phone {
                invitation_id: reader.array()?,
                nonce: reader.array()?,
            },
        };
        let sealed = reader.rest();
        if sealed.len() < TAG_LEN + MIN_CONTENT_LEN {
            return Err(HandoverError::Truncated);
        }
        Ok(SealedPlan {
            lock,
            sealed: sealed.to_vec(),
        })
    }

    pub fn encode(&self) -> String {
        crate::domain::handover::codec::to_base64url(&self.to_bytes())
    }

    /// Reads a plan from a link, its fragment, a file's text or the bare payload.
    pub fn decode(text: &str) -> Result<SealedPlan, HandoverError> {
        SealedPlan::from_bytes(&decode_text(text)?)
    }
}

/// Time, three empty texts' lengths, goal kind, follow-up, diagram flag and three counts.
const MIN_CONTENT_LEN: usize = 4 + 1 + 1 + 1 + 2 + 1 + 3;

const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(2000, 1, 1).expect("a real date");

fn write_text(out: &mut Vec<u8>, text: &str) {
    // Lengths are written up to 32 KB: a longer text (none fits a plan screen) is cut at a
    // character boundary rather than written wrong.
    let mut end = text.len().min(0x7fff);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    write_length(out, end);
    out.extend_from_slice(&text.as_bytes()[..end]);
}

fn write_date(out: &mut Vec<u8>, date: Option<NaiveDate>) {
    let days = date.map_or(0, |d| (d - EPOCH).num_days().clamp(1, i64::from(u16::MAX)));
    out.extend_from_slice(&(days as u16).to_be_bytes());
}

fn write_count(out: &mut Vec<u8>, count: usize) {
    out.push(count.min(usize::from(MOST_ROWS)) as u8);
}

fn position<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter().position(|v| v == value).unwrap_or(0) as u8
}

/// Since plan version 2 (and 3), an activity's status byte also says which shipped activity
/// it is: the status in the low two bits, the shipped activity's place in `SEED` plus one in
/// the six above them (0: her own words). Version 1 wrote the status alone, which reads as
/// "not a shipped one"; a version-1 reader refuses the new bytes rather than misreading them.
const STATUS_BITS: u8 = 2;

fn shipped_bits(activity: &HerActivity) -> u8 {
    let place = activity
        .shipped
        .and_then(|id| SEED.iter().position(|(seed, _)| *seed == id));
    place.map_or(0, |p| (p as u8 + 1) << STATUS_BITS)
}

/// An activity's status and shipped activity, with everything else empty.
fn read_status_and_shipped(reader: &mut Reader<'_>) -> Result<HerActivity, HandoverError> {
    let [byte] = reader.array()?;
    let status = ACTIVITY_STATUSES[usize::from(byte & ((1 << STATUS_BITS) - 1))];
    let shipped = match byte >> STATUS_BITS {
        0 => None,
        place => Some(
            SEED.get(usize::from(place - 1))
                .ok_or(HandoverError::BadAnswer(byte))?
                .0,
        ),
    };
    Ok(HerActivity {
        name: String::new(),
        shipped,
        start: NaiveDate::MIN,
        end: None,
        responsible: String::new(),
        place: String::new(),
        status,
    })
}

fn read_text(reader: &mut Reader<'_>) -> Result<String, HandoverError> {
    let length = reader.length()?;
    String::from_utf8(reader.take(length)?.to_vec()).map_err(|_| HandoverError::BadComment)
}

fn read_date(reader: &mut Reader<'_>) -> Result<Option<NaiveDate>, HandoverError> {
    let days = u16::from_be_bytes(reader.array()?);
    Ok((days != 0).then(|| EPOCH + chrono::Days::new(u64::from(days))))
}

fn read_count(reader: &mut Reader<'_>) -> Result<usize, HandoverError> {
    let [count] = reader.array()?;
    if count > MOST_ROWS {
        return Err(HandoverError::TooLarge);
    }
    Ok(usize::from(count))
}

fn read_one<T: Copy>(reader: &mut Reader<'_>, all: &[T]) -> Result<T, HandoverError> {
    let [index] = reader.array()?;
    all.get(usize::from(index))
        .copied()
        .ok_or(HandoverError::BadAnswer(index))
}

impl HerPlan {
    pub fn to_bytes(&self) -> Vec<u8> {
        let seconds = u32::try_from(self.sent.timestamp().max(0)).unwrap_or(u32::MAX);
        let mut out = seconds.to_be_bytes().to_vec();
        write_text(&mut out, &self.counsellor);
        out.push(match self.goal_kind {
            None => 0,
            Some(GoalKind::Work) => 1,
            Some(GoalKind::Studies) => 2,
        });
        write_text(&mut out, &self.goal);
        write_date(&mut out, self.next_follow_up);
        match &self.diagram {
            None => out.push(0),
            Some(diagram) => {
                out.push(1);
                write_date(&mut out, Some(diagram.date));
                for index in 0..ParticipantItem::ALL.len() {
                    out.push(diagram.values.get(index).copied().flatten().unwrap_or(0));
                }
            }
        }
        write_count(&mut out, self.focus_items.len());
        for item in self.focus_items.iter().take(usize::from(MOST_ROWS)) {
            out.push(position(&ParticipantItem::ALL, item));
        }
        write_count(&mut out, self.sub_goals.len());
        for sub_goal in self.sub_goals.iter().take(usize::from(MOST_ROWS)) {
            write_text(&mut out, &sub_goal.text);
            write_date(&mut out, sub_goal.due);
            out.push(position(&SUB_GOAL_STATUSES, &sub_goal.status));
        }
        write_count(&mut out, self.activities.len());
        for activity in self.activities.iter().take(usize::from(MOST_ROWS)) {
            write_text(&mut out, &activity.name);
            write_date(&mut out, Some(activity.start));
            write_date(&mut out, activity.end);
            write_text(&mut out, &activity.responsible);
            write_text(&mut out, &activity.place);
            out.push(position(&ACTIVITY_STATUSES, &activity.status) | shipped_bits(activity));
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<HerPlan, HandoverError> {
        let mut reader = Reader::over(bytes);
        let seconds = u32::from_be_bytes(reader.array()?);
        let sent = DateTime::<Utc>::from_timestamp(i64::from(seconds), 0)
            .ok_or(HandoverError::Truncated)?;
        let counsellor = read_text(&mut reader)?;
        let goal_kind = read_one(
            &mut reader,
            &[None, Some(GoalKind::Work), Some(GoalKind::Studies)],
        )?;
        let goal = read_text(&mut reader)?;
        let next_follow_up = read_date(&mut reader)?;
        let diagram = match reader.array()? {
            [0] => None,
            [1] => {
                let date = read_date(&mut reader)?.ok_or(HandoverError::Truncated)?;
                let codes: [u8; 8] = reader.array()?;
                let values = codes
                    .into_iter()
                    .map(|code| match code {
                        0 => Ok(None),
                        1..=5 => Ok(Some(code)),
                        _ => Err(HandoverError::BadAnswer(code)),
                    })
                    .collect::<Result<_, _>>()?;
                Some(HerDiagram { date, values })
            }
            [other] => return Err(HandoverError::BadAnswer(other)),
        };
        let focus_items = (0..read_count(&mut reader)?)
            .map(|_| read_one(&mut reader, &ParticipantItem::ALL))
            .collect::<Result<_, _>>()?;
        let sub_goals = (0..read_count(&mut reader)?)
            .map(|_| {
                Ok(HerSubGoal {
                    text: read_text(&mut reader)?,
                    due: read_date(&mut reader)?,
                    status: read_one(&mut reader, &SUB_GOAL_STATUSES)?,
                })
            })
            .collect::<Result<_, HandoverError>>()?;
        let activities = (0..read_count(&mut reader)?)
            .map(|_| {
                Ok(HerActivity {
                    name: read_text(&mut reader)?,
                    start: read_date(&mut reader)?.ok_or(HandoverError::Truncated)?,
                    end: read_date(&mut reader)?,
                    responsible: read_text(&mut reader)?,
                    place: read_text(&mut reader)?,
                    ..read_status_and_shipped(&mut reader)?
                })
            })
            .collect::<Result<_, HandoverError>>()?;
        reader.finish()?;
        Ok(HerPlan {
            sent,
            counsellor,
            goal_kind,
            goal,
            focus_items,
            sub_goals,
            activities,
            diagram,
            next_follow_up,
        })
    }
}
