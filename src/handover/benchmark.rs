//! Payload sizes and QR versions of a reply and of her plan, for the figures the issue asks for. Ignored by
//! default: `cargo test --release --lib handover::benchmark -- --ignored --nocapture`.

use chrono::DateTime;

use super::qr::{LARGEST_VERSION, qr_path};
use crate::domain::assessment::{ItemAnswer, Ratings};
use crate::domain::handover::codec::{Invitation, ReplyContent, SealedReply, TAG_LEN};
use crate::domain::her_plan::codec::{PlanLock, SealedPlan};
use crate::domain::questionnaire::ParticipantItem;

/// The aim: a reply without comments fits version 10 at level M (a 720p webcam, arm's length).
const AIM: i16 = 10;

fn reply(comment_chars: usize) -> SealedReply {
    // Swedish text with å, ä, ö: two bytes each in UTF-8, as in real comments.
    let comment = "Jag vill gärna börja på ett lager snart, men först må jag bättre. "
        .chars()
        .cycle()
        .take(comment_chars)
        .collect::<String>();
    let answers: Ratings = ParticipantItem::ALL
        .into_iter()
        .map(|item| {
            let comment = (comment_chars > 0).then(|| comment.clone());
            let answer = ItemAnswer {
                comment,
                ..ItemAnswer::rated(3).unwrap()
            };
            (item, answer)
        })
        .collect();
    let content = ReplyContent {
        completed: DateTime::from_timestamp(1_782_864_000, 0).unwrap(),
        answers,
    };
    let mut key = [0x5a; 65];
    key[0] = 0x04;
    SealedReply {
        invitation_id: [0x42; 16],
        phone_key: key,
        nonce: Some([0x11; 12]),
        // AES-GCM keeps the length and adds its tag.
        sealed: vec![0x99; content.to_bytes().len() + TAG_LEN],
    }
}

/// The version the code needs, and whether the app shows it (up to [`LARGEST_VERSION`]).
fn version(text: &str) -> String {
    let needed = match qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M) {
        Ok(code) => format!("{:?}", code.version())
            .replace("Normal(", "v")
            .replace(')', ""),
        Err(_) => "none".to_owned(),
    };
    let shown = if qr_path(text).is_some() {
        ""
    } else {
        " (not shown)"
    };
    format!("{needed}{shown}")
}

#[test]
#[ignore = "benchmark figures, not a check"]
fn payload_sizes_and_qr_versions() {
    let origin = "https://stegvis.example.org/receive#";
    println!("reply (sealed), QR level M; aim for no comments: version <= {AIM}");
    println!(
        "codes above version {LARGEST_VERSION} are not shown: the screen offers the link and the file"
    );
    println!(
        "{:<20} {:>6} {:>9} {:>18} {:>18}",
        "comments", "bytes", "base64url", "QR of the payload", "QR of a link"
    );
    for (label, chars) in [
        ("none", 0),
        ("8 x 50 characters", 50),
        ("8 x 100 characters", 100),
    ] {
        let reply = reply(chars);
        let text = reply.encode();
        println!(
            "{label:<20} {:>6} {:>9} {:>18} {:>18}",
            reply.to_bytes().len(),
            text.len(),
            version(&text),
            version(&format!("{origin}{text}")),
        );
    }
    let mut public_key = [0x5a; 65];
    public_key[0] = 0x04;
    let invitation = Invitation {
        id: [0x42; 16],
        public_key,
    }
    .encode();
    let link = format!("https://stegvis.example.org/invitation#{invitation}");
    println!(
        "invitation: {} bytes, link {} characters, QR version {}",
        invitation.len() * 3 / 4,
        link.len(),
        version(&link)
    );
    // Her plan: 1 goal, 4 sub-goals and 6 activities of 60 characters (the size).
    let content = crate::domain::her_plan::tests::sample().to_bytes();
    let locks = [
        (
            "with digits",
            PlanLock::Digits {
                version: crate::domain::her_plan::codec::DIGITS_VERSION,
                salt: [0x42; 16],
                nonce: [0x24; 12],
            },
        ),
        (
            "to her phone",
            PlanLock::Phone {
                invitation_id: [0x42; 16],
                nonce: [0x24; 12],
            },
        ),
    ];
    for (how, lock) in locks {
        let plan = SealedPlan {
            lock,
            sealed: vec![0x99; content.len() + TAG_LEN],
        };
        let link = format!("https://stegvis.example.org/my-plan#{}", plan.encode());
        println!(
            "plan {how} (1 goal, 4 sub-goals, 6 activities of 60 characters): {} bytes sealed, link {} characters, QR at level M {}, shown at version {} (goal <= {LARGEST_VERSION})",
            plan.to_bytes().len(),
            link.len(),
            version(&link),
            qr_path(&link).map_or("none".to_owned(), |(_, _, v)| v.to_string()),
        );
    }
    // A participant's record for a colleague: a new one, and a year with comments.
    for (rounds, comments) in [(1, false), (2, true), (4, true), (12, true)] {
        record_for_colleague(rounds, comments, &public_key);
    }
}

/// A participant with `rounds` rounds (a 60-character comment on every answer, if `comments`),
/// sealed for a colleague: its size and how it can travel.
fn record_for_colleague(rounds: usize, comments: bool, public_key: &[u8; 65]) {
    let mut data = crate::storage::benchmark::generated(1, rounds);
    let ids: Vec<String> = data.rounds().iter().map(|r| r.id.clone()).collect();
    let comment: String = "Jag vill gärna börja på ett lager snart, men först må jag bättre. "
        .chars()
        .take(60)
        .collect();
    for round in ids.iter().filter(|_| comments) {
        for item in ParticipantItem::ALL {
            let answer = ItemAnswer {
                comment: Some(comment.clone()),
                ..ItemAnswer::rated(3).unwrap()
            };
            let now = DateTime::from_timestamp(1_782_864_000, 0).unwrap();
            data.set_participant_answer(round, item, answer, now)
                .unwrap();
        }
    }
    let pid = data.participants()[0].id.clone();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    let record = data.for_colleague(&pid, "Bea", today).unwrap();
    let text = crate::storage::backup::export_backup(
        &record,
        DateTime::from_timestamp(1_782_864_000, 0).unwrap(),
        false,
    );
    let sealed = crate::domain::handover::colleague::SealedRecord {
        version: crate::domain::handover::colleague::PLAIN_RECORD_VERSION,
        receive_id: [0x42; 16],
        ephemeral_key: *public_key,
        sealed: vec![0x99; text.len() + TAG_LEN],
    };
    let link = format!("https://stegvis.example.org/data#{}", sealed.encode());
    // The browser compresses the text before sealing it (about six times smaller); this build
    // has no compressor, so the browser test prints how a year's record travels as codes.
    println!(
        "record for a colleague ({rounds} rounds, {}): {} bytes of backup text before compression, link {} characters if it were not compressed",
        if comments {
            "a 60-character comment on each answer"
        } else {
            "no comments"
        },
        text.len(),
        link.len(),
    );
}
