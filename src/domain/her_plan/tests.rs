use chrono::{DateTime, NaiveDate, Utc};

use super::calendar::{Event, ics};
use super::changes::{PlanChange, changes};
use super::code::{from_random, shown, typed};
use super::codec::{PlanLock, SealedPlan};
use super::{HerActivity, HerDiagram, HerPlan, HerSubGoal};
use crate::domain::assessment::{ItemAnswer, Rating};
use crate::domain::caseload::Caseload;
use crate::domain::handover::HandoverError;
use crate::domain::handover::codec::{Invitation, SealedReply, from_base64url};
use crate::domain::interventions::InterventionGroup;
use crate::domain::participant::{Goal, GoalKind};
use crate::domain::plan::{Activity, ActivityStatus, SubGoal, SubGoalStatus};
use crate::domain::questionnaire::ParticipantItem;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn sent() -> DateTime<Utc> {
    DateTime::from_timestamp(1_796_000_000, 0).unwrap()
}

/// Sixty characters, with letters from beyond ASCII.
fn text(n: usize) -> String {
    format!("{n}. Öva på att skriva ett CV och söka tre jobb i veckan, ja!")
        .chars()
        .cycle()
        .take(60)
        .collect()
}

/// The plan the issue sizes: one goal, four sub-goals, six activities, texts of 60 characters.
pub(crate) fn sample() -> HerPlan {
    HerPlan {
        sent: sent(),
        counsellor: "Ada Lund".into(),
        goal_kind: Some(GoalKind::Work),
        goal: text(0),
        focus_items: vec![ParticipantItem::ALL[0], ParticipantItem::ALL[6]],
        sub_goals: (1..=4)
            .map(|n| HerSubGoal {
                text: text(n),
                due: (n % 2 == 0).then(|| date(2027, 2, n as u32)),
                status: [SubGoalStatus::NotStarted, SubGoalStatus::UnderWay][n % 2],
            })
            .collect(),
        activities: (1..=6)
            .map(|n| HerActivity {
                name: text(10 + n),
                shipped: None,
                start: date(2027, 1, n as u32 + 10),
                end: (n % 3 == 0).then(|| date(2027, 3, 31)),
                responsible: "Ada Lund".into(),
                place: if n == 1 {
                    "Arbetsförmedlingen, Storgatan 1".into()
                } else {
                    String::new()
                },
                status: ActivityStatus::Planned,
            })
            .collect(),
        diagram: Some(HerDiagram {
            date: date(2026, 12, 1),
            values: vec![
                Some(4),
                Some(3),
                None,
                Some(2),
                Some(5),
                Some(1),
                Some(3),
                Some(3),
            ],
        }),
        next_follow_up: Some(date(2027, 3, 1)),
    }
}

fn sealed(content_len: usize) -> SealedPlan {
    SealedPlan {
        lock: PlanLock::Digits {
            version: 3,
            salt: [7; 16],
            nonce: [9; 12],
        },
        sealed: vec![1; content_len],
    }
}

#[test]
fn a_plan_round_trips_through_its_bytes() {
    let plan = sample();
    assert_eq!(HerPlan::from_bytes(&plan.to_bytes()).unwrap(), plan);
    let empty = HerPlan {
        goal_kind: None,
        goal: String::new(),
        counsellor: String::new(),
        focus_items: vec![],
        sub_goals: vec![],
        activities: vec![],
        diagram: None,
        next_follow_up: None,
        ..plan
    };
    assert_eq!(HerPlan::from_bytes(&empty.to_bytes()).unwrap(), empty);
}

#[test]
fn the_sized_plan_stays_small_enough_for_a_code() {
    // 1 goal, 4 sub-goals and 6 activities of 60 characters: about a kilobyte once sealed,
    // within a version-25 code at level M (1,273 bytes of base64 text: checked in the browser).
    let bytes = sample().to_bytes().len();
    assert!(bytes < 900, "{bytes} bytes");
}

// A shipped activity travels as which one it is, so that her phone names it in her language;
// her own words and the organisation's own names travel as words only.
#[test]
fn shipped_activities_travel_as_which_they_are_and_are_named_in_her_language() {
    let mut plan = sample();
    plan.activities[0].shipped = Some("work_trial");
    plan.activities[1].shipped = Some("pain_rehabilitation");
    plan.activities[1].status = ActivityStatus::Stopped;
    let read = HerPlan::from_bytes(&plan.to_bytes()).unwrap();
    assert_eq!(read, plan);
    assert_eq!(
        plan.to_bytes().len(),
        sample().to_bytes().len(),
        "no byte more"
    );
    let mut hers = read.clone();
    hers.name_shipped(|id| (id == "work_trial").then(|| "تدريب عملي".to_owned()));
    assert_eq!(hers.activities[0].name, "تدريب عملي");
    assert_eq!(
        hers.activities[1].name, plan.activities[1].name,
        "no name: as it came"
    );
    assert_eq!(hers.activities[2].name, plan.activities[2].name);

    // A place beyond the list is refused, not read as something else.
    let mut bytes = plan.to_bytes();
    let status_at = bytes.len() - 1;
    bytes[status_at] = (40 << 2) | 1;
    assert_eq!(
        HerPlan::from_bytes(&bytes),
        Err(HandoverError::BadAnswer((40 << 2) | 1))
    );
}

#[test]
fn broken_plans_are_refused() {
    let bytes = sample().to_bytes();
    for cut in [0, 3, 10, bytes.len() / 2, bytes.len() - 1] {
        assert!(HerPlan::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(
        HerPlan::from_bytes(&longer),
        Err(HandoverError::TrailingBytes)
    );
    // A status outside the list.
    let mut plan = sample();
    plan.sub_goals.truncate(1);
    plan.activities.clear();
    let mut bytes = plan.to_bytes();
    let status_at = bytes.len() - 2; // the sub-goal's status, then the activity count
    bytes[status_at] = 9;
    assert_eq!(
        HerPlan::from_bytes(&bytes),
        Err(HandoverError::BadAnswer(9))
    );
}

#[test]
fn a_sealed_plan_reads_back_and_refuses_what_is_not_one() {
    let plan = sealed(40);
    assert_eq!(SealedPlan::decode(&plan.encode()).unwrap(), plan);
    let link = format!("https://example.org/stegvis/my-plan#{}", plan.encode());
    assert_eq!(SealedPlan::decode(&link).unwrap(), plan);
    assert_eq!(
        SealedPlan::decode(&sealed(5).encode()),
        Err(HandoverError::Truncated)
    );
    let mut newer = plan.to_bytes();
    newer[2] = 4;
    assert_eq!(
        SealedPlan::from_bytes(&newer),
        Err(HandoverError::UnknownVersion(4))
    );
    let to_phone = SealedPlan {
        lock: PlanLock::Phone {
            invitation_id: [6; 16],
            nonce: [5; 12],
        },
        sealed: vec![1; 40],
    };
    assert_eq!(&to_phone.to_bytes()[..3], b"SP\x02");
    assert_eq!(SealedPlan::decode(&to_phone.encode()).unwrap(), to_phone);
    assert_eq!(
        to_phone.to_bytes().len(),
        plan.to_bytes().len(),
        "no larger than a plan with digits: it fits the same code"
    );
    let bytes = to_phone.to_bytes();
    for end in 1..3 + 16 + 12 + 16 + 12 {
        assert!(
            SealedPlan::from_bytes(&bytes[..end]).is_err(),
            "cut at {end}"
        );
    }
    assert_eq!(SealedPlan::decode(""), Err(HandoverError::Empty));
    assert_eq!(SealedPlan::decode("%%%"), Err(HandoverError::NotBase64));
}

#[test]
fn plans_and_answers_are_not_taken_for_each_other() {
    let invitation = Invitation {
        id: [1; 16],
        public_key: [4; 65],
    };
    assert_eq!(
        SealedPlan::decode(&invitation.encode()),
        Err(HandoverError::NotAPlan)
    );
    let plan = sealed(40).encode();
    assert_eq!(
        SealedReply::decode(&plan),
        Err(HandoverError::PlanNotAnswers)
    );
    assert_eq!(
        Invitation::decode(&plan),
        Err(HandoverError::PlanNotAnswers)
    );
}

#[test]
fn the_code_is_ten_digits_read_back_in_any_digits_she_types() {
    let code = from_random([0; 8]);
    assert_eq!(code, "0000000000");
    let code = from_random([0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4]);
    assert_eq!(code.len(), 10);
    assert_eq!(shown("3141592653"), "31415 92653");
    assert_eq!(typed("31415 92653").as_deref(), Some("3141592653"));
    assert_eq!(typed(" 31415-92653 ").as_deref(), Some("3141592653"));
    // Arabic-Indic and Persian digits, as an Arabic or a Dari keyboard writes them.
    assert_eq!(typed("٣١٤١٥ ٩٢٦٥٣").as_deref(), Some("3141592653"));
    assert_eq!(typed("۳۱۴۱۵۹۲۶۵۳").as_deref(), Some("3141592653"));
    assert_eq!(typed("31415 9265"), None);
    assert_eq!(typed("31415 92653 1"), None);
    assert_eq!(typed("31415 9265a"), None);
}

#[test]
fn only_a_plan_given_later_replaces_the_one_she_has() {
    let kept = sample();
    assert!(!kept.is_replaced_by(&kept));
    let mut later = sample();
    later.sent = sent() + chrono::Duration::minutes(5);
    assert!(kept.is_replaced_by(&later));
    assert!(!later.is_replaced_by(&kept));
}

#[test]
fn a_newer_plan_says_what_changed() {
    let old = sample();
    assert_eq!(changes(&old, &old), vec![]);
    let mut new = sample();
    new.sub_goals[0].status = SubGoalStatus::Reached;
    new.sub_goals.remove(3);
    new.sub_goals.push(HerSubGoal {
        text: "Ta körkort".into(),
        due: None,
        status: SubGoalStatus::NotStarted,
    });
    new.activities[1].start = date(2027, 1, 20);
    new.activities[2].status = ActivityStatus::Completed;
    new.activities.remove(5);
    new.next_follow_up = Some(date(2027, 4, 1));
    assert_eq!(
        changes(&old, &new),
        vec![
            PlanChange::SubGoalStatus(text(1), SubGoalStatus::Reached),
            PlanChange::SubGoalAdded("Ta körkort".into()),
            PlanChange::SubGoalRemoved(text(4)),
            PlanChange::ActivityDetails(text(12)),
            PlanChange::ActivityStatus(text(13), ActivityStatus::Completed),
            PlanChange::ActivityRemoved(text(16)),
            PlanChange::FollowUp(Some(date(2027, 4, 1))),
        ]
    );
    new.goal = "Jobba i butik".into();
    assert_eq!(changes(&old, &new)[0], PlanChange::Goal);
}

#[test]
fn her_plan_is_taken_from_the_caseload_with_her_latest_answers() {
    let mut caseload = Caseload::default();
    let day = date(2026, 11, 2);
    let now = sent();
    caseload.add_participant("p1".into(), "Kim", day).unwrap();
    caseload.change_counsellor("p1", "Ada", day).unwrap();
    caseload
        .set_goal(
            "p1",
            Some(Goal {
                kind: GoalKind::Studies,
                text: "Läsa till undersköterska".into(),
            }),
        )
        .unwrap();
    caseload.start_round("r1".into(), "p1", day).unwrap();
    caseload
        .start_participant_part("r1", crate::domain::assessment::FilledBy::Participant, now)
        .unwrap();
    let answer = ItemAnswer {
        value: Some(Rating::new(4).unwrap()),
        comment: Some("not travelling".into()),
    };
    caseload
        .set_participant_answer("r1", ParticipantItem::ALL[1], answer, now)
        .unwrap();
    assert_eq!(HerPlan::of(&caseload, "p1", now, |_| String::new()), None);
    caseload
        .change_plan("p1", |plan| {
            plan.add_sub_goal(SubGoal {
                id: "s1".into(),
                text: "Söka till vux".into(),
                item: None,
                due: None,
                status: SubGoalStatus::UnderWay,
            });
            plan.add_activity(Activity {
                id: "a1".into(),
                catalogue_id: Some("work_trial".into()),
                own_text: None,
                group: InterventionGroup::JobFocused,
                start: date(2026, 11, 10),
                end: None,
                responsible: "Ada".into(),
                place: String::new(),
                status: ActivityStatus::Planned,
            });
            Ok(())
        })
        .unwrap();
    let plan = HerPlan::of(&caseload, "p1", now, |a| format!("named {}", a.id)).unwrap();
    assert_eq!(plan.counsellor, "Ada");
    assert_eq!(plan.goal_kind, Some(GoalKind::Studies));
    assert_eq!(plan.goal, "Läsa till undersköterska");
    assert_eq!(plan.sub_goals[0].text, "Söka till vux");
    assert_eq!(plan.activities[0].name, "named a1");
    assert_eq!(plan.activities[0].shipped, Some("work_trial"));
    // The organisation's own name for a shipped activity is its own words: it travels as such.
    caseload
        .catalogue_mut()
        .rename("work_trial", "Praktik hos oss")
        .unwrap();
    let renamed = HerPlan::of(&caseload, "p1", now, |a| format!("named {}", a.id)).unwrap();
    assert_eq!(renamed.activities[0].shipped, None);
    let diagram = plan.diagram.unwrap();
    assert_eq!(diagram.date, day);
    assert_eq!(diagram.values[1], Some(4));
    assert_eq!(diagram.values[0], None);
    assert_eq!(plan.next_follow_up, Some(date(2027, 2, 2)));
    // Her comments stay on the counsellor's device: the plan carries none.
    assert!(
        !String::from_utf8_lossy(
            &HerPlan::of(&caseload, "p1", now, |_| String::new())
                .unwrap()
                .to_bytes()
        )
        .contains("travelling")
    );
}

#[test]
fn the_calendar_file_escapes_folds_and_reminds() {
    let events = [
        Event {
            uid: "1796000000-a1".into(),
            date: date(2027, 1, 11),
            summary: "Jobbsök; CV, brev\\ och intervju".into(),
            description: "Ansvarig: Ada\nTill 31 mars".into(),
            location: "Storgatan 1, Malmö".into(),
            remind_day_before: false,
        },
        Event {
            uid: "1796000000-follow-up".into(),
            date: date(2027, 3, 1),
            summary: "Uppföljning med din handläggare ".repeat(4),
            description: String::new(),
            location: String::new(),
            remind_day_before: true,
        },
    ];
    let file = ics(&events, sent());
    assert!(file.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(file.ends_with("END:VCALENDAR\r\n"));
    assert!(file.contains("SUMMARY:Jobbsök\\; CV\\, brev\\\\ och intervju\r\n"));
    assert!(file.contains("DESCRIPTION:Ansvarig: Ada\\nTill 31 mars\r\n"));
    assert!(file.contains("DTSTART;VALUE=DATE:20270111\r\nDTEND;VALUE=DATE:20270112\r\n"));
    assert!(file.contains("TRIGGER:-P1D"));
    assert!(file.contains("LOCATION:Storgatan 1\\, Malmö\r\n"));
    assert_eq!(file.matches("LOCATION:").count(), 1);
    assert!(file.contains(&format!("DTSTAMP:{}\r\n", sent().format("%Y%m%dT%H%M%SZ"))));
    assert_eq!(file.matches("BEGIN:VEVENT").count(), 2);
    for line in file.split("\r\n") {
        assert!(line.len() <= 75, "{line}");
    }
    // Unfolded, the long summary is whole again.
    let unfolded = file.replace("\r\n ", "");
    assert!(unfolded.contains(&format!(
        "SUMMARY:{}",
        "Uppföljning med din handläggare ".repeat(4)
    )));
}

/// The fixture a browser-made plan must keep opening as: sealed by Node's WebCrypto with the
/// code 3141592653 (see tests/fixtures/handover/make-plan-fixture.mjs).
#[test]
fn format_version_1_plan_fixture_keeps_opening() {
    use aes_gcm::aead::{Aead, KeyInit, Payload};
    use aes_gcm::{Aes256Gcm, Nonce};

    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/handover");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let content = from_base64url(read("plan-content-v1.txt").trim()).unwrap();
    assert_eq!(HerPlan::from_bytes(&content).unwrap(), sample());
    assert_eq!(sample().to_bytes(), content);

    let plan = SealedPlan::decode(&read("plan-v1.txt")).unwrap();
    let PlanLock::Digits { salt, nonce, .. } = plan.lock.clone() else {
        panic!("version 1 is sealed under digits");
    };
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(b"3141592653", &salt, super::codec::ITERATIONS, &mut key);
    let cipher = Aes256Gcm::new_from_slice(&key).unwrap();
    let opened = cipher
        .decrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: &plan.sealed,
                aad: &plan.associated_data(),
            },
        )
        .unwrap();
    assert_eq!(opened, content);
    let mut wrong = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(b"3141592654", &salt, super::codec::ITERATIONS, &mut wrong);
    let wrong = Aes256Gcm::new_from_slice(&wrong).unwrap();
    assert!(
        wrong
            .decrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: &plan.sealed,
                    aad: &plan.associated_data(),
                },
            )
            .is_err()
    );
}

#[test]
fn her_phone_keeps_the_newest_plan_and_says_what_changed() {
    let mut phone = Caseload::default();
    assert_eq!(phone.keep_her_plan(sample()), Ok(None));
    assert_eq!(phone.keep_her_plan(sample()), Err(HandoverError::OlderPlan));
    let mut newer = sample();
    newer.sent = sent() + chrono::Duration::days(1);
    newer.next_follow_up = None;
    assert_eq!(
        phone.keep_her_plan(newer.clone()),
        Ok(Some(vec![PlanChange::FollowUp(None)]))
    );
    assert_eq!(phone.keep_her_plan(sample()), Err(HandoverError::OlderPlan));
    assert_eq!(phone.her_plan(), Some(newer.clone()));
    // Stored and read back as any data is.
    let text = serde_json::to_string(&phone).unwrap();
    assert!(text.contains("\"her_plan\":\"P2:"), "{text}");
    let read: Caseload = serde_json::from_str(&text).unwrap();
    assert_eq!(read.her_plan(), Some(newer.clone()));
    // A plan in a format this build does not know is kept as it is, not dropped.
    let unknown = text.replace("\"her_plan\":\"P2:", "\"her_plan\":\"P9:");
    // The first builds' prefix reads the same.
    let first = text.replace("\"her_plan\":\"P2:", "\"her_plan\":\"P1:");
    let read: Caseload = serde_json::from_str(&first).unwrap();
    assert_eq!(read.her_plan(), Some(newer.clone()));
    let read: Caseload = serde_json::from_str(&unknown).unwrap();
    assert!(read.has_her_plan());
    assert_eq!(read.her_plan(), None);
    assert_eq!(serde_json::to_string(&read).unwrap(), unknown);
    phone.erase_all();
    assert_eq!(phone.her_plan(), None);
}
