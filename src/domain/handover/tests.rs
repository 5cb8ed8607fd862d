use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};

use super::HandoverError;
use super::book::{DeviceKey, HerPhone, Received};
use super::codec::{
    FORMAT_VERSION, Invitation, ReplyContent, SealedReply, from_base64url, id_from_hex, id_to_hex,
    to_base64url,
};
use crate::domain::assessment::{FilledBy, ItemAnswer, Ratings};
use crate::domain::caseload::Caseload;
use crate::domain::questionnaire::ParticipantItem;

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_767_225_600 + seconds, 0).unwrap()
}

fn invitation() -> Invitation {
    let mut public_key = [7u8; 65];
    public_key[0] = 0x04;
    Invitation {
        id: [0xab; 16],
        public_key,
    }
}

fn answers(comment: Option<&str>) -> Ratings {
    ParticipantItem::ALL
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let answer = match i {
                0 => ItemAnswer::rather_not(),
                _ => ItemAnswer::rated((i % 5 + 1) as u8).unwrap(),
            };
            let comment = comment.map(|c| format!("{c} {i}"));
            (item, ItemAnswer { comment, ..answer })
        })
        .collect()
}

fn content(comment: Option<&str>) -> ReplyContent {
    ReplyContent {
        completed: at(3600),
        answers: answers(comment),
    }
}

fn sealed() -> SealedReply {
    let mut phone_key = [9u8; 65];
    phone_key[0] = 0x04;
    SealedReply {
        invitation_id: [0xab; 16],
        phone_key,
        nonce: Some([7; 12]),
        sealed: vec![1; 40],
    }
}

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/handover")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing fixture {}", path.display()))
}

#[test]
fn an_invitation_round_trips_through_a_link() {
    let invitation = invitation();
    let encoded = invitation.encode();
    assert_eq!(Invitation::decode(&encoded), Ok(invitation.clone()));
    let link = format!("https://example.org/stegvis/invitation#{encoded}");
    assert_eq!(Invitation::decode(&link), Ok(invitation.clone()));
    assert_eq!(invitation.to_bytes().len(), 3 + 16 + 65);
}

#[test]
fn a_sealed_reply_round_trips_from_a_link_or_a_file() {
    let reply = sealed();
    let file = format!("  https://example.org/receive#{}\n", reply.encode());
    assert_eq!(SealedReply::decode(&file), Ok(reply.clone()));
    assert_eq!(SealedReply::decode(&reply.encode()), Ok(reply.clone()));
    assert!(reply.to_bytes().starts_with(&reply.associated_data()));
}

#[test]
fn reply_content_round_trips_with_and_without_comments() {
    for comment in [None, Some("Ja"), Some(&"å".repeat(100) as &str)] {
        let content = content(comment);
        assert_eq!(ReplyContent::from_bytes(&content.to_bytes()), Ok(content));
    }
    let partial = ReplyContent {
        completed: at(0),
        answers: [(ParticipantItem::Health, ItemAnswer::rated(2).unwrap())].into(),
    };
    assert_eq!(ReplyContent::from_bytes(&partial.to_bytes()), Ok(partial));
    assert_eq!(content(None).to_bytes().len(), 12);
}

// Guards the rule that a cut-short payload is refused, never read as something shorter.
#[test]
fn every_truncation_is_refused() {
    let bytes = invitation().to_bytes();
    for end in 0..bytes.len() {
        let error = Invitation::from_bytes(&bytes[..end]).unwrap_err();
        let expected = if end == 0 {
            HandoverError::Empty
        } else {
            HandoverError::Truncated
        };
        assert_eq!(error, expected, "invitation cut at {end}");
    }
    let bytes = sealed().to_bytes();
    for end in 1..bytes.len() - 40 + 28 {
        assert_eq!(
            SealedReply::from_bytes(&bytes[..end]),
            Err(HandoverError::Truncated),
            "reply cut at {end}"
        );
    }
    let bytes = content(Some("a comment")).to_bytes();
    for end in 0..bytes.len() {
        assert!(
            ReplyContent::from_bytes(&bytes[..end]).is_err(),
            "content cut at {end}"
        );
    }
}

#[test]
fn altered_and_foreign_payloads_each_get_their_own_error() {
    let good = invitation().to_bytes();
    let with = |index: usize, value: u8| {
        let mut bytes = good.clone();
        bytes[index] = value;
        Invitation::from_bytes(&bytes)
    };
    assert_eq!(with(0, b'X'), Err(HandoverError::NotStegvis));
    assert_eq!(with(1, b'R'), Err(HandoverError::ReplyNotInvitation));
    assert_eq!(with(1, b'Z'), Err(HandoverError::NotStegvis));
    assert_eq!(with(2, 2), Err(HandoverError::UnknownVersion(2)));
    assert_eq!(with(19, 0x02), Err(HandoverError::BadKey));
    let mut longer = good.clone();
    longer.push(0);
    assert_eq!(
        Invitation::from_bytes(&longer),
        Err(HandoverError::TrailingBytes)
    );
    assert_eq!(
        SealedReply::from_bytes(&good),
        Err(HandoverError::InvitationNotReply)
    );
    assert_eq!(Invitation::decode("  "), Err(HandoverError::Empty));
    assert_eq!(Invitation::decode("https://x/#"), Err(HandoverError::Empty));
    assert_eq!(
        Invitation::decode("not base64!"),
        Err(HandoverError::NotBase64)
    );
    assert_eq!(
        Invitation::decode(&"A".repeat(70_000)),
        Err(HandoverError::TooLarge)
    );
    assert_eq!(
        Invitation::decode(&to_base64url(b"{\"format\":\"stegvis\"}")),
        Err(HandoverError::NotStegvis)
    );
}

#[test]
fn altered_content_is_refused() {
    let mut bytes = content(None).to_bytes();
    bytes[4] = 7;
    assert_eq!(
        ReplyContent::from_bytes(&bytes),
        Err(HandoverError::BadAnswer(7))
    );
    bytes[4] = 0x80; // a comment on an unanswered item
    assert_eq!(
        ReplyContent::from_bytes(&bytes),
        Err(HandoverError::BadAnswer(0x80))
    );
    let mut bytes = content(Some("x")).to_bytes();
    let last = bytes.len() - 1;
    bytes[last] = 0xff;
    assert_eq!(
        ReplyContent::from_bytes(&bytes),
        Err(HandoverError::BadComment)
    );
    let mut longer = content(None).to_bytes();
    longer.push(1);
    assert_eq!(
        ReplyContent::from_bytes(&longer),
        Err(HandoverError::TrailingBytes)
    );
}

#[test]
fn ids_are_kept_as_hex_and_keys_as_base64url() {
    let id = [
        0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0, 1, 2, 3, 4, 5, 6, 0xff,
    ];
    let hex = id_to_hex(&id);
    assert_eq!(hex, "0123456789abcdef00010203040506ff");
    assert_eq!(id_from_hex(&hex), Some(id));
    assert_eq!(
        id_from_hex("01234567-89ab-cdef-0001-0203040506ff"),
        Some(id)
    );
    assert_eq!(id_from_hex("0123"), None);
    assert_eq!(id_from_hex(&"g".repeat(32)), None);
    assert_eq!(from_base64url(&to_base64url(&id)), Some(id.to_vec()));
}

// The shipped format versions must keep reading: one fixture per version and payload.
#[test]
fn format_version_1_fixtures_keep_reading() {
    assert_eq!(FORMAT_VERSION, 1);
    let invitation = Invitation::decode(&fixture("invitation-v1.txt")).unwrap();
    assert_eq!(
        id_to_hex(&invitation.id),
        "6a0c3bde2b7c4c1f9a55e1d2c3b4a596"
    );
    let reply = SealedReply::decode(&fixture("reply-v1.txt")).unwrap();
    assert_eq!(reply.invitation_id, invitation.id);
    assert_eq!(reply.kept_phone_key(), None, "version 1's key was one-time");
    let content = from_base64url(fixture("reply-content-v1.txt").trim()).unwrap();
    let content = ReplyContent::from_bytes(&content).unwrap();
    assert_eq!(content.answers.len(), 8);
    assert_eq!(
        content.answers[&ParticipantItem::JobChances]
            .comment
            .as_deref(),
        Some("Jag vill jobba i butik.")
    );
}

// Version 2, made by Node's WebCrypto (tests/fixtures/handover/make-v2-fixtures.mjs): a reply
// from a phone that keeps its key, and a plan sealed to that phone. The browser tests open them.
#[test]
fn format_version_2_fixtures_keep_reading() {
    use crate::domain::her_plan::codec::{PlanLock, SealedPlan};

    let phone: serde_json::Value =
        serde_json::from_str(&fixture("phone-v2.json")).expect("phone-v2.json is JSON");
    let phone: Caseload = serde_json::from_value(phone["data"].clone()).unwrap();
    let phone_key = phone.handover().device_key.clone().unwrap();
    let phone_public: [u8; 65] = from_base64url(&phone_key.public_raw)
        .unwrap()
        .try_into()
        .unwrap();

    let invitation = Invitation::decode(&fixture("invitation-v1.txt")).unwrap();
    let reply = SealedReply::decode(&fixture("reply-v2.txt")).unwrap();
    assert_eq!(reply.invitation_id, invitation.id);
    assert_eq!(reply.kept_phone_key(), Some(phone_public));
    assert!(reply.nonce.is_some());

    let plan = SealedPlan::decode(&fixture("plan-v2.txt")).unwrap();
    let PlanLock::Phone { invitation_id, .. } = plan.lock else {
        panic!("version 2 is sealed to her phone");
    };
    assert_eq!(phone.answered_invitation(&invitation_id), Some(invitation));
}

fn key() -> DeviceKey {
    DeviceKey {
        private_pkcs8: "private".into(),
        public_raw: "public".into(),
    }
}

const INVITATION: &str = "0123456789abcdef0123456789abcdef";

fn invited() -> (Caseload, [u8; 16]) {
    let mut data = Caseload::default();
    let day = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    data.add_participant("p1".into(), "Kim", day).unwrap();
    data.start_round("r1".into(), "p1", day).unwrap();
    data.invite(INVITATION.into(), "r1", key(), at(0)).unwrap();
    (data, id_from_hex(INVITATION).unwrap())
}

#[test]
fn an_invitation_keeps_the_first_device_key() {
    let (mut data, _) = invited();
    let other = DeviceKey {
        private_pkcs8: "other".into(),
        public_raw: "other".into(),
    };
    data.start_round(
        "r2".into(),
        "p1",
        NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
    )
    .unwrap();
    data.invite("ff".repeat(16), "r2", other, at(1)).unwrap();
    assert_eq!(data.handover().device_key, Some(key()));
    assert_eq!(
        data.invitation_for_round("r2").unwrap().participant_id,
        "p1"
    );
    assert!(data.invite("ff".repeat(16), "r2", key(), at(2)).is_err());
    assert!(
        data.invite("ee".repeat(16), "nowhere", key(), at(2))
            .is_err()
    );
}

#[test]
fn a_reply_becomes_the_participants_part_of_the_invited_round() {
    let (mut data, id) = invited();
    data.start_counsellor_part("r1", "Ada", at(5)).unwrap();
    data.set_belief("r1", ItemAnswer::rated(4).unwrap(), at(5))
        .unwrap();
    let counsellor = data.round("r1").unwrap().counsellor_part.clone();
    let mut reply = content(Some("  fine  "));
    reply
        .answers
        .get_mut(&ParticipantItem::Health)
        .unwrap()
        .comment = Some("  ".into());
    assert_eq!(
        data.receive_reply(&id, &reply, None, at(10)),
        Ok(Received::Added)
    );
    let round = data.round("r1").unwrap();
    let part = round.participant_part.as_ref().unwrap();
    assert_eq!(part.filled_by, FilledBy::Participant);
    assert_eq!(part.completed, Some(reply.completed));
    assert_eq!(
        part.answers[&ParticipantItem::JobChances]
            .comment
            .as_deref(),
        Some("fine   0")
    );
    assert_eq!(part.answers[&ParticipantItem::Health].comment, None);
    assert_eq!(
        round.counsellor_part, counsellor,
        "the counsellor's part is never touched"
    );
    assert_eq!(data.sent_invitation(&id).unwrap().received, Some(at(10)));
}

// Her plan is sealed to the phone her latest reply came from, where that phone keeps its key;
// a reply from an older phone (a one-time key) leaves the plan to the digits.
#[test]
fn her_phone_key_is_the_one_her_latest_reply_came_with() {
    let (mut data, id) = invited();
    assert_eq!(data.her_phone("p1"), None);
    let mut phone_key = [3u8; 65];
    phone_key[0] = 0x04;
    data.receive_reply(&id, &content(None), Some(&phone_key), at(10))
        .unwrap();
    let phone = HerPhone {
        invitation_id: id,
        key: phone_key,
    };
    assert_eq!(data.her_phone("p1"), Some(phone));
    assert_eq!(data.her_phone("someone else"), None);
    let stored = serde_json::to_string(&data).unwrap();
    let read: Caseload = serde_json::from_str(&stored).unwrap();
    assert_eq!(read.her_phone("p1"), Some(phone), "kept in storage");

    // A later round answered from an older phone: no key to seal to.
    let day = NaiveDate::from_ymd_opt(2026, 4, 15).unwrap();
    data.start_round("r2".into(), "p1", day).unwrap();
    let later = "fedcba9876543210fedcba9876543210";
    data.invite(later.into(), "r2", key(), at(20)).unwrap();
    let later = id_from_hex(later).unwrap();
    data.receive_reply(&later, &content(None), None, at(30))
        .unwrap();
    assert_eq!(data.her_phone("p1"), None);
}

#[test]
fn a_reply_of_version_2_carries_the_phone_key_and_its_nonce() {
    let reply = sealed();
    let bytes = reply.to_bytes();
    assert_eq!(&bytes[..3], b"SR\x02");
    assert_eq!(bytes.len(), 3 + 16 + 65 + 12 + 40);
    assert_eq!(reply.kept_phone_key(), Some(reply.phone_key));
    let one_time = SealedReply {
        nonce: None,
        ..reply.clone()
    };
    assert_eq!(&one_time.to_bytes()[..3], b"SR\x01");
    assert_eq!(
        SealedReply::from_bytes(&one_time.to_bytes()),
        Ok(one_time.clone())
    );
    assert_eq!(one_time.kept_phone_key(), None);
    let mut newer = bytes.clone();
    newer[2] = 3;
    assert_eq!(
        SealedReply::from_bytes(&newer),
        Err(HandoverError::UnknownVersion(3))
    );
}

// Guards the rule that receiving the same reply twice changes nothing and says so.
#[test]
fn the_same_reply_twice_changes_nothing() {
    let (mut data, id) = invited();
    data.receive_reply(&id, &content(None), None, at(10))
        .unwrap();
    let before = data.clone();
    assert_eq!(
        data.receive_reply(&id, &content(None), None, at(20)),
        Ok(Received::AlreadyThere)
    );
    assert_eq!(data, before);
}

// Guards against a reply overwriting answers the round already has.
#[test]
fn other_answers_are_never_overwritten() {
    let (mut data, id) = invited();
    data.start_participant_part("r1", FilledBy::CounsellorWithParticipant, at(1))
        .unwrap();
    data.set_participant_answer(
        "r1",
        ParticipantItem::Health,
        ItemAnswer::rated(1).unwrap(),
        at(1),
    )
    .unwrap();
    let before = data.clone();
    assert_eq!(
        data.receive_reply(&id, &content(None), None, at(10)),
        Err(HandoverError::OtherAnswersThere)
    );
    assert_eq!(data, before);
}

#[test]
fn a_reply_for_another_device_or_an_erased_round_changes_nothing() {
    let (mut data, id) = invited();
    let before = data.clone();
    assert_eq!(
        data.receive_reply(&[0; 16], &content(None), None, at(10)),
        Err(HandoverError::NotForThisDevice)
    );
    assert_eq!(data, before);
    data.erase_participant("p1").unwrap();
    assert!(
        data.handover().sent.is_empty(),
        "nothing about them is left behind"
    );
    assert_eq!(data.handover().device_key, Some(key()));
    assert_eq!(
        data.receive_reply(&id, &content(None), None, at(10)),
        Err(HandoverError::NotForThisDevice)
    );
}

#[test]
fn the_phone_remembers_which_round_answers_an_invitation() {
    let mut phone = Caseload::default();
    let day = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    phone.add_participant("me".into(), "Me", day).unwrap();
    phone.start_round("old".into(), "me", day).unwrap();
    phone
        .start_participant_part("old", FilledBy::Participant, at(0))
        .unwrap();
    phone.complete_participant_part("old", at(1)).unwrap();
    phone.start_round("new".into(), "me", day).unwrap();
    assert_eq!(phone.unsent_finished_rounds().len(), 1);
    let invitation = invitation();
    assert!(phone.answer_invitation(&invitation, "gone", at(2)).is_err());
    phone.answer_invitation(&invitation, "old", at(2)).unwrap();
    phone.answer_invitation(&invitation, "new", at(3)).unwrap();
    assert_eq!(phone.answering_round(&invitation).unwrap().id, "old");
    assert_eq!(phone.invitation_of_round("old"), Some(invitation));
    assert_eq!(phone.invitation_of_round("new"), None);
    assert!(phone.unsent_finished_rounds().is_empty());
    phone.erase_all();
    assert!(phone.handover().answering.is_empty());
}
