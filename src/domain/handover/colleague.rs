//! A person's whole record, moved to a colleague's device with no server: the colleague's
//! device shows a receive code (its public key), the sending device seals the person's record
//! to it, and it travels as a link or a file to the colleague's import review.
//!
//! Receive code, format version 1: `S`, `C`, version, the receiving device's id (the first
//! 16 bytes of SHA-256 of its public key: a device knows its own without keeping a list) and
//! its public key. Moved record: `S`, `M`, version, that id, the one-time public key, then the
//! record sealed as a reply is (ECDH P-256, HKDF-SHA-256 with the info "stegvis-record-v1",
//! AES-256-GCM with the clear part as associated data). What is sealed is the person as a
//! backup file's text (`storage::backup`), so that it is read, checked and reviewed as one.
//! Version 2 (what this build writes) is the same with that text compressed first (raw
//! deflate, RFC 1951, the browser's own) and the info "stegvis-record-v2": a backup's text
//! shrinks about six times, so a year of rounds fits a sequence of codes (`sequence`).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use super::HandoverError;
use super::book::Handover;
use super::codec::{
    ID_LEN, PUBLIC_KEY_LEN, Reader, TAG_LEN, decode_text, header, header_of, public_key,
    to_base64url,
};
use crate::domain::caseload::Caseload;
use crate::domain::error::ModelError;

pub(crate) const RECEIVE_KIND: u8 = b'C';
pub(crate) const RECORD_KIND: u8 = b'M';

/// What the colleague's device shows: whom to seal a record for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceiveCode {
    pub id: [u8; ID_LEN],
    pub public_key: [u8; PUBLIC_KEY_LEN],
}

/// The first records: the backup's text as it is.
pub const PLAIN_RECORD_VERSION: u8 = 1;
/// The backup's text compressed (raw deflate) before it is sealed.
pub const COMPRESSED_RECORD_VERSION: u8 = 2;

/// A person's record as it travels: in the clear only whom it is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedRecord {
    /// [`PLAIN_RECORD_VERSION`] or [`COMPRESSED_RECORD_VERSION`].
    pub version: u8,
    pub receive_id: [u8; ID_LEN],
    pub ephemeral_key: [u8; PUBLIC_KEY_LEN],
    pub sealed: Vec<u8>,
}

/// The id a device's receive code carries: derived from its public key, so that a record for
/// another device is told apart before anything is opened.
pub fn receive_id(public_key: &[u8]) -> [u8; ID_LEN] {
    let digest = Sha256::digest(public_key);
    digest[..ID_LEN]
        .try_into()
        .expect("SHA-256 is longer than an id")
}

impl ReceiveCode {
    pub fn for_device(public_key: [u8; PUBLIC_KEY_LEN]) -> ReceiveCode {
        ReceiveCode {
            id: receive_id(&public_key),
            public_key,
        }
    }

    pub fn encode(&self) -> String {
        let mut out = header(RECEIVE_KIND);
        out.extend_from_slice(&self.id);
        out.extend_from_slice(&self.public_key);
        to_base64url(&out)
    }

    pub fn decode(text: &str) -> Result<ReceiveCode, HandoverError> {
        let bytes = decode_text(text)?;
        let mut reader = Reader::after_header(&bytes, RECEIVE_KIND)?;
        let code = ReceiveCode {
            id: reader.array()?,
            public_key: public_key(reader.array()?)?,
        };
        reader.finish()?;
        if code.id != receive_id(&code.public_key) {
            return Err(HandoverError::Tampered);
        }
        Ok(code)
    }
}

impl SealedRecord {
    pub fn associated_data(&self) -> Vec<u8> {
        let mut out = header_of(RECORD_KIND, self.version);
        out.extend_from_slice(&self.receive_id);
        out.extend_from_slice(&self.ephemeral_key);
        out
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = self.associated_data();
        out.extend_from_slice(&self.sealed);
        out
    }

    pub fn encode(&self) -> String {
        to_base64url(&self.to_bytes())
    }

    pub fn decode(text: &str) -> Result<SealedRecord, HandoverError> {
        let bytes = decode_text(text)?;
        let (mut reader, version) = Reader::after_header_of(
            &bytes,
            RECORD_KIND,
            &[PLAIN_RECORD_VERSION, COMPRESSED_RECORD_VERSION],
        )?;
        let receive_id = reader.array()?;
        let ephemeral_key = public_key(reader.array()?)?;
        let sealed = reader.rest();
        if sealed.len() <= TAG_LEN {
            return Err(HandoverError::Truncated);
        }
        Ok(SealedRecord {
            version,
            receive_id,
            ephemeral_key,
            sealed: sealed.to_vec(),
        })
    }
}

impl Caseload {
    /// Participant `pid` as a colleague receives her: her rounds, comments, plan and
    /// counsellor history, with `colleague` as her counsellor from `today`; the catalogue her
    /// plan names; nothing of this device's own (keys, invitations, reflections, other people).
    pub fn for_colleague(
        &self,
        pid: &str,
        colleague: &str,
        today: NaiveDate,
    ) -> Result<Caseload, ModelError> {
        self.participant(pid)
            .ok_or_else(|| ModelError::UnknownParticipant(pid.to_owned()))?;
        let mut record = self.only_people(&BTreeSet::from([pid.to_owned()]));
        record.handover = Box::new(Handover::default());
        record.reflections.clear();
        record.change_counsellor(pid, colleague, today)?;
        Ok(record)
    }
}

impl Caseload {
    /// This device's receive code, once it has a key pair.
    pub fn receive_code(&self) -> Option<ReceiveCode> {
        let key = self.handover.device_key.as_ref()?;
        let public = super::codec::from_base64url(&key.public_raw)?;
        Some(ReceiveCode::for_device(public.try_into().ok()?))
    }

    /// Keeps `key` as this device's key pair unless it has one already (invitations and
    /// receive codes already out must keep opening).
    pub fn keep_device_key(&mut self, key: super::book::DeviceKey) {
        self.handover.device_key.get_or_insert(key);
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::domain::assessment::FilledBy;
    use crate::domain::handover::book::DeviceKey;
    use crate::domain::handover::codec::{Invitation, SealedReply};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn key() -> [u8; PUBLIC_KEY_LEN] {
        let mut key = [7; PUBLIC_KEY_LEN];
        key[0] = 0x04;
        key
    }

    /// Two people, a device key and a reflection: what a counsellor's device holds.
    pub(crate) fn two_people() -> Caseload {
        let now = DateTime::from_timestamp(1_772_000_000, 0).unwrap();
        let mut data = Caseload::default();
        for (id, name) in [("p1", "Kim"), ("p2", "Sam")] {
            data.add_participant(id.into(), name, day(1)).unwrap();
            data.change_counsellor(id, "Ada", day(1)).unwrap();
            let round = format!("r-{id}");
            data.start_round(round.clone(), id, day(2)).unwrap();
            data.start_participant_part(&round, FilledBy::Participant, now)
                .unwrap();
        }
        data.keep_device_key(DeviceKey {
            private_pkcs8: "private".into(),
            public_raw: to_base64url(&key()),
        });
        data
    }

    #[test]
    fn a_receive_code_reads_back_and_its_id_follows_its_key() {
        let code = ReceiveCode::for_device(key());
        let link = format!("https://example.org/stegvis/data#{}", code.encode());
        assert_eq!(ReceiveCode::decode(&link), Ok(code.clone()));
        assert_eq!(two_people().receive_code(), Some(code.clone()));
        // A key swapped on the way no longer matches the id.
        let mut other = key();
        other[5] = 9;
        let swapped = ReceiveCode {
            public_key: other,
            ..code
        };
        assert_eq!(
            ReceiveCode::decode(&swapped.encode()),
            Err(HandoverError::Tampered)
        );
    }

    #[test]
    fn a_record_reads_back_and_refuses_what_is_not_one() {
        let record = SealedRecord {
            version: COMPRESSED_RECORD_VERSION,
            receive_id: receive_id(&key()),
            ephemeral_key: key(),
            sealed: vec![3; 100],
        };
        assert_eq!(SealedRecord::decode(&record.encode()), Ok(record.clone()));
        let short = SealedRecord {
            sealed: vec![3; TAG_LEN],
            ..record.clone()
        };
        assert_eq!(
            SealedRecord::decode(&short.encode()),
            Err(HandoverError::Truncated)
        );
        let mut newer = crate::domain::handover::codec::from_base64url(&record.encode()).unwrap();
        newer[2] = 9;
        assert_eq!(
            SealedRecord::decode(&to_base64url(&newer)),
            Err(HandoverError::UnknownVersion(9))
        );
        let code = ReceiveCode::for_device(key()).encode();
        assert_eq!(SealedRecord::decode(&code), Err(HandoverError::OtherStep));
        assert_eq!(
            ReceiveCode::decode(&record.encode()),
            Err(HandoverError::OtherStep)
        );
        let invitation = Invitation {
            id: [1; ID_LEN],
            public_key: key(),
        };
        assert_eq!(
            ReceiveCode::decode(&invitation.encode()),
            Err(HandoverError::OtherStep)
        );
        assert_eq!(
            SealedReply::decode(&record.encode()),
            Err(HandoverError::OtherStep)
        );
    }

    #[test]
    fn a_colleague_gets_one_person_with_the_change_of_counsellor_and_nothing_of_this_device() {
        let mut data = two_people();
        data.add_reflection("n1".into(), day(5), "Kim seemed tired")
            .unwrap();
        let record = data.for_colleague("p1", "Bea", day(20)).unwrap();
        assert_eq!(record.participants().len(), 1);
        let person = record.participant("p1").unwrap();
        assert_eq!(person.current_counsellor().unwrap().name, "Bea");
        assert_eq!(person.current_counsellor().unwrap().from, day(20));
        assert_eq!(person.counsellors.len(), 2);
        assert_eq!(record.rounds().len(), 1);
        assert_eq!(record.handover().device_key, None);
        assert!(record.reflections().is_empty());
        // This device's own copy is unchanged.
        assert_eq!(data.participant("p1").unwrap().counsellors.len(), 1);
        assert_eq!(
            data.for_colleague("nobody", "Bea", day(20)),
            Err(ModelError::UnknownParticipant("nobody".into()))
        );
    }

    #[test]
    fn a_moved_record_never_overwrites_the_colleagues_data() {
        let sender = two_people();
        let record = sender.for_colleague("p1", "Bea", day(20)).unwrap();
        // The colleague already has someone with the same id, and other people.
        let mut colleague = Caseload::default();
        colleague
            .add_participant("p1".into(), "Another Kim", day(3))
            .unwrap();
        colleague
            .add_participant("p9".into(), "Noor", day(3))
            .unwrap();
        let incoming = record.without_sensitive_answers();
        let preview = crate::domain::merge::preview_merge(&colleague, &incoming);
        assert_eq!(
            preview.conflicts.len(),
            1,
            "the same id is asked about, not replaced"
        );
        // Left as suggested: what the colleague's device has.
        let choices = preview
            .conflicts
            .iter()
            .map(|c| (c.key(), c.suggested()))
            .collect();
        let merged = crate::domain::merge::apply_merge(&colleague, &incoming, &choices).unwrap();
        assert_eq!(
            merged.participant("p1").unwrap().display_name,
            "Another Kim"
        );
        assert!(merged.participant("p9").is_some());
        // On an empty device the person arrives whole, with Bea as counsellor.
        let merged = crate::domain::merge::apply_merge(
            &Caseload::default(),
            &record,
            &crate::domain::merge::Choices::new(),
        )
        .unwrap();
        assert_eq!(
            merged
                .participant("p1")
                .unwrap()
                .current_counsellor()
                .unwrap()
                .name,
            "Bea"
        );
        assert_eq!(merged.rounds().len(), 1);
    }

    /// The shipped format must keep reading: a receive code of the device in
    /// tests/fixtures/storage/v2.json and a record sealed for it (opened in the browser test).
    #[test]
    fn format_version_1_fixtures_keep_reading() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
        let stored: serde_json::Value = serde_json::from_str(&read("storage/v2.json")).unwrap();
        let public = stored["data"]["handover"]["device_key"]["public_raw"]
            .as_str()
            .unwrap();
        let public = crate::domain::handover::codec::from_base64url(public).unwrap();
        let code = ReceiveCode::decode(&read("handover/receive-code-v1.txt")).unwrap();
        assert_eq!(code, ReceiveCode::for_device(public.try_into().unwrap()));
        let record = SealedRecord::decode(&read("handover/record-v1.txt")).unwrap();
        assert_eq!(record.receive_id, code.id);
        assert_eq!(record.version, PLAIN_RECORD_VERSION);
        // Version 2, compressed by Node's CompressionStream (make-record-fixtures.mjs).
        let record = SealedRecord::decode(&read("handover/record-v2.txt")).unwrap();
        assert_eq!(record.receive_id, code.id);
        assert_eq!(record.version, COMPRESSED_RECORD_VERSION);
        assert_eq!(
            SealedRecord::decode(&record.encode()),
            Ok(record.clone()),
            "round trip"
        );
        let mut newer = record.to_bytes();
        newer[2] = 3;
        assert_eq!(
            SealedRecord::decode(&to_base64url(&newer)),
            Err(HandoverError::UnknownVersion(3))
        );
    }
}
