//! The two payloads that travel between a counsellor's device and a participant's phone, as
//! compact bytes written base64url into a link's fragment (never sent to any host).
//!
//! Every payload starts with the same three bytes: `S` (Stegvis), its kind (`I` invitation,
//! `R` reply) and its format version. An invitation carries an invitation id and the
//! counsellor device's public key, nothing else (no name). A reply carries the invitation id
//! and the phone's public key in the clear (they are the associated data the sealing
//! authenticates) and then the sealed answers. In reply version 1 that key was one-time; in
//! version 2 it is the phone's own, kept key (so that her plan can later be sealed to it,
//! `domain::her_plan::codec`), and as the key is no longer used once, a random nonce travels
//! after it. Version 1 payloads are kept in `tests/fixtures/handover/` and must keep reading.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};

use crate::domain::assessment::{ItemAnswer, Rating, Ratings};
use crate::domain::questionnaire::ParticipantItem;

use super::HandoverError;

const MAGIC: u8 = b'S';
const INVITATION_KIND: u8 = b'I';
const REPLY_KIND: u8 = b'R';
/// A participant's plan, from the counsellor's device to her phone (`domain::her_plan`).
pub(crate) const PLAN_KIND: u8 = b'P';
/// Every kind of payload Stegvis makes (see also `colleague` and `sequence`).
const KINDS: [u8; 6] = [
    INVITATION_KIND,
    REPLY_KIND,
    PLAN_KIND,
    super::colleague::RECEIVE_KIND,
    super::colleague::RECORD_KIND,
    super::sequence::SEQUENCE_KIND,
];
/// The format version of invitations and of the payloads that have only one.
pub const FORMAT_VERSION: u8 = 1;
/// A reply sealed with the phone's own kept key, with its nonce (see the module's notes).
pub const REPLY_KEPT_KEY_VERSION: u8 = 2;
/// AES-GCM's nonce, where one travels.
pub const NONCE_LEN: usize = 12;
pub const ID_LEN: usize = 16;
/// An uncompressed P-256 point (0x04, x, y): what WebCrypto exports as "raw".
pub const PUBLIC_KEY_LEN: usize = 65;
/// AES-GCM's authentication tag at the end of every sealed reply.
pub const TAG_LEN: usize = 16;
const HEADER_LEN: usize = 3;
/// No real payload comes near this (eight long comments are a few kilobytes): refuse before decoding.
const MAX_TEXT_LEN: usize = 64 * 1024;

/// What the counsellor's device hands to the phone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invitation {
    pub id: [u8; ID_LEN],
    pub public_key: [u8; PUBLIC_KEY_LEN],
}

/// A reply as it travels: in the clear only what says whom it is for; the answers sealed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedReply {
    pub invitation_id: [u8; ID_LEN],
    /// The phone's public key: one-time in version 1, the phone's own in version 2.
    pub phone_key: [u8; PUBLIC_KEY_LEN],
    /// Version 2 only: the phone keeps its key, so each sealing takes a random nonce.
    pub nonce: Option<[u8; NONCE_LEN]>,
    /// The sealed [`ReplyContent`] with its tag.
    pub sealed: Vec<u8>,
}

/// What the participant sends: her answers and comments, and when she finished.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplyContent {
    pub completed: DateTime<Utc>,
    pub answers: Ratings,
}

impl Invitation {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = header(INVITATION_KIND);
        out.extend_from_slice(&self.id);
        out.extend_from_slice(&self.public_key);
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Invitation, HandoverError> {
        let mut reader = Reader::after_header(bytes, INVITATION_KIND)?;
        let invitation = Invitation {
            id: reader.array()?,
            public_key: public_key(reader.array()?)?,
        };
        reader.finish()?;
        Ok(invitation)
    }

    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.to_bytes())
    }

    /// Reads an invitation from a link, its fragment or the bare payload.
    pub fn decode(text: &str) -> Result<Invitation, HandoverError> {
        Invitation::from_bytes(&decode_text(text)?)
    }
}

impl SealedReply {
    /// The clear part: magic, kind, version, invitation id, the phone's key and (version 2)
    /// the nonce. The sealing authenticates exactly these bytes, so none of them can be
    /// changed unnoticed.
    pub fn associated_data(&self) -> Vec<u8> {
        let version = match self.nonce {
            None => FORMAT_VERSION,
            Some(_) => REPLY_KEPT_KEY_VERSION,
        };
        let mut out = header_of(REPLY_KIND, version);
        out.extend_from_slice(&self.invitation_id);
        out.extend_from_slice(&self.phone_key);
        if let Some(nonce) = &self.nonce {
            out.extend_from_slice(nonce);
        }
        out
    }

    /// The phone's own key, where the phone said it keeps it (version 2): a plan can be
    /// sealed to it.
    pub fn kept_phone_key(&self) -> Option<[u8; PUBLIC_KEY_LEN]> {
        self.nonce.map(|_| self.phone_key)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = self.associated_data();
        out.extend_from_slice(&self.sealed);
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<SealedReply, HandoverError> {
        let (mut reader, version) =
            Reader::after_header_of(bytes, REPLY_KIND, &[FORMAT_VERSION, REPLY_KEPT_KEY_VERSION])?;
        let invitation_id = reader.array()?;
        let phone_key = public_key(reader.array()?)?;
        let nonce = match version {
            REPLY_KEPT_KEY_VERSION => Some(reader.array()?),
            _ => None,
        };
        let sealed = reader.rest();
        if sealed.len() < TAG_LEN + ReplyContent::MIN_LEN {
            return Err(HandoverError::Truncated);
        }
        Ok(SealedReply {
            invitation_id,
            phone_key,
            nonce,
            sealed: sealed.to_vec(),
        })
    }

    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.to_bytes())
    }

    /// Reads a reply from a link, its fragment, a reply file's text or the bare payload.
    pub fn decode(text: &str) -> Result<SealedReply, HandoverError> {
        SealedReply::from_bytes(&decode_text(text)?)
    }
}

/// One byte per item, in item order: 0 not answered, 1–5 the rating, 6 "rather not answer";
/// the high bit says a comment follows (after all eight bytes, as length and UTF-8, in order).
const NOT_ANSWERED: u8 = 0;
const RATHER_NOT: u8 = 6;
const HAS_COMMENT: u8 = 0x80;

impl ReplyContent {
    /// Four bytes of time and eight answers.
    const MIN_LEN: usize = 4 + ParticipantItem::ALL.len();

    pub fn to_bytes(&self) -> Vec<u8> {
        let seconds = u32::try_from(self.completed.timestamp().max(0)).unwrap_or(u32::MAX);
        let mut out = seconds.to_be_bytes().to_vec();
        let mut comments = Vec::new();
        for item in ParticipantItem::ALL {
            let answer = self.answers.get(&item);
            let mut code = match answer.map(|a| a.value) {
                None => NOT_ANSWERED,
                Some(None) => RATHER_NOT,
                Some(Some(rating)) => rating.get(),
            };
            if let Some(comment) = answer.and_then(|a| a.comment.as_deref()) {
                code |= HAS_COMMENT;
                write_length(&mut comments, comment.len());
                comments.extend_from_slice(comment.as_bytes());
            }
            out.push(code);
        }
        out.extend(comments);
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<ReplyContent, HandoverError> {
        let mut reader = Reader::over(bytes);
        let seconds = u32::from_be_bytes(reader.array()?);
        let completed =
            DateTime::from_timestamp(i64::from(seconds), 0).ok_or(HandoverError::Truncated)?;
        let codes: [u8; 8] = reader.array()?;
        let mut answers = Ratings::new();
        for (item, code) in ParticipantItem::ALL.into_iter().zip(codes) {
            let value = match code & !HAS_COMMENT {
                NOT_ANSWERED if code & HAS_COMMENT != 0 => {
                    return Err(HandoverError::BadAnswer(code));
                }
                NOT_ANSWERED => continue,
                RATHER_NOT => None,
                step => Some(Rating::new(step).map_err(|_| HandoverError::BadAnswer(code))?),
            };
            let comment = if code & HAS_COMMENT != 0 {
                let length = reader.length()?;
                let text = reader.take(length)?;
                Some(String::from_utf8(text.to_vec()).map_err(|_| HandoverError::BadComment)?)
            } else {
                None
            };
            answers.insert(item, ItemAnswer { value, comment });
        }
        reader.finish()?;
        Ok(ReplyContent { completed, answers })
    }
}

/// A payload id as the 32 hex digits it is kept under on the counsellor's device.
pub fn id_to_hex(id: &[u8; ID_LEN]) -> String {
    id.iter().map(|b| format!("{b:02x}")).collect()
}

/// The id in 32 hex digits (dashes, as in a UUID, are skipped).
pub fn id_from_hex(hex: &str) -> Option<[u8; ID_LEN]> {
    let digits: Vec<u8> = hex
        .chars()
        .filter(|c| *c != '-')
        .map(|c| c.to_digit(16).map(|d| d as u8))
        .collect::<Option<_>>()?;
    let bytes: Vec<u8> = digits
        .chunks(2)
        .map(|pair| pair[0] * 16 + pair[1])
        .collect();
    (digits.len() == ID_LEN * 2).then_some(())?;
    bytes.try_into().ok()
}

/// Bytes as base64url without padding, for keys kept in the caseload.
pub fn to_base64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).ok()
}

/// The payload in what someone pasted or a file held: a whole link (the part after `#`), or
/// the payload itself, with surrounding white space ignored.
pub(crate) fn decode_text(text: &str) -> Result<Vec<u8>, HandoverError> {
    if text.len() > MAX_TEXT_LEN {
        return Err(HandoverError::TooLarge);
    }
    let payload = text
        .rsplit_once('#')
        .map_or(text, |(_, after)| after)
        .trim();
    if payload.is_empty() {
        return Err(HandoverError::Empty);
    }
    URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| HandoverError::NotBase64)
}

pub(crate) fn header(kind: u8) -> Vec<u8> {
    header_of(kind, FORMAT_VERSION)
}

pub(crate) fn header_of(kind: u8, version: u8) -> Vec<u8> {
    vec![MAGIC, kind, version]
}

pub(crate) fn public_key(
    bytes: [u8; PUBLIC_KEY_LEN],
) -> Result<[u8; PUBLIC_KEY_LEN], HandoverError> {
    if bytes[0] == 0x04 {
        Ok(bytes)
    } else {
        Err(HandoverError::BadKey)
    }
}

/// Lengths up to 127 take one byte, longer ones two (comments are far below 32 KB).
pub(crate) fn write_length(out: &mut Vec<u8>, length: usize) {
    let length = length.min(0x7fff);
    if length < 0x80 {
        out.push(length as u8);
    } else {
        out.push(0x80 | (length >> 8) as u8);
        out.push(length as u8);
    }
}

pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// Reads bytes that have no header (what was sealed).
    pub(crate) fn over(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    /// Checks the three header bytes of a payload that has one format version.
    pub(crate) fn after_header(bytes: &'a [u8], kind: u8) -> Result<Reader<'a>, HandoverError> {
        Reader::after_header_of(bytes, kind, &[FORMAT_VERSION]).map(|(reader, _)| reader)
    }

    /// Checks the three header bytes, in the order that gives the most useful message, and
    /// returns the version (one of `versions`).
    pub(crate) fn after_header_of(
        bytes: &'a [u8],
        kind: u8,
        versions: &[u8],
    ) -> Result<(Reader<'a>, u8), HandoverError> {
        match bytes {
            [] => Err(HandoverError::Empty),
            [first, ..] if *first != MAGIC => Err(HandoverError::NotStegvis),
            [_] | [_, _] => Err(HandoverError::Truncated),
            [_, found, _, ..] if *found != kind => Err(match (*found, kind) {
                (found, PLAN_KIND) if KINDS.contains(&found) => HandoverError::NotAPlan,
                (PLAN_KIND, INVITATION_KIND | REPLY_KIND) => HandoverError::PlanNotAnswers,
                (INVITATION_KIND, REPLY_KIND) => HandoverError::InvitationNotReply,
                (REPLY_KIND, INVITATION_KIND) => HandoverError::ReplyNotInvitation,
                (found, _) if KINDS.contains(&found) => HandoverError::OtherStep,
                _ => HandoverError::NotStegvis,
            }),
            [_, _, version, ..] if !versions.contains(version) => {
                Err(HandoverError::UnknownVersion(*version))
            }
            [_, _, version, ..] => Ok((
                Reader {
                    bytes,
                    at: HEADER_LEN,
                },
                *version,
            )),
        }
    }

    pub(crate) fn take(&mut self, length: usize) -> Result<&'a [u8], HandoverError> {
        let end = self
            .at
            .checked_add(length)
            .ok_or(HandoverError::Truncated)?;
        let slice = self
            .bytes
            .get(self.at..end)
            .ok_or(HandoverError::Truncated)?;
        self.at = end;
        Ok(slice)
    }

    pub(crate) fn array<const N: usize>(&mut self) -> Result<[u8; N], HandoverError> {
        Ok(self.take(N)?.try_into().expect("take returns N bytes"))
    }

    pub(crate) fn length(&mut self) -> Result<usize, HandoverError> {
        let [first] = self.array()?;
        if first < 0x80 {
            return Ok(usize::from(first));
        }
        let [second] = self.array()?;
        Ok((usize::from(first & 0x7f) << 8) | usize::from(second))
    }

    pub(crate) fn rest(&mut self) -> &'a [u8] {
        let rest = &self.bytes[self.at..];
        self.at = self.bytes.len();
        rest
    }

    pub(crate) fn finish(&self) -> Result<(), HandoverError> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err(HandoverError::TrailingBytes)
        }
    }
}
