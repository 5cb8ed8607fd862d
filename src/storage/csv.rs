//! The assessment rounds as CSV for a spreadsheet: one row per round, oldest first per
//! participant, UTF-8 with a byte-order mark so that Excel shows å, ä and ø correctly, fields
//! quoted per RFC 4180, lines ended with CRLF.
//!
//! Headers are stable ids in English (the same in every language, for scripts). Cells:
//! - a rating is its number, 1–5;
//! - an empty cell is "not answered" (or that part of the round not filled in);
//! - `-` is "I'd rather not answer" (so averages skip it instead of counting a zero);
//! - `interventions_<group>` counts the chosen activities of that group: `0` when "none" was
//!   answered, empty when the question was not answered;
//! - `participant_ref`: a short id that stays the same for a participant in every export
//!   (beside `participant`, the pseudonym, which can be edited or shared by two people);
//! - `participant_part_by`: `participant_own_device` (answered on her phone and handed over),
//!   `participant` (by herself on this device), `with_counsellor`, or empty (not started);
//! - `counsellor_part_by`: `counsellor` when the counsellor's part is there, else empty;
//! - `counsellor`: the counsellor of that round (the one who filled the counsellor's part, else
//!   the participant's counsellor on the round's date);
//! - `interventions`: the chosen activities' names, separated by `; ` (the counts are above);
//! - sensitive items (only when explicitly included): a rating, or `not_asked`;
//! - `comment_<item>` (only when explicitly included): the participant's own words on an item.
//!
//! Columns are only ever added, before the optional ones, so that a spreadsheet built on an
//! older export keeps its columns.

use crate::domain::assessment::{
    FilledBy, Interventions, ItemAnswer, Ratings, Round, SensitiveAnswer,
};
use crate::domain::caseload::Caseload;
use crate::domain::interventions::{CatalogueEntry, InterventionGroup};
use crate::domain::participant::Participant;
use crate::domain::questionnaire::ParticipantItem;

pub(super) const BOM: &str = "\u{feff}";
const RATHER_NOT: &str = "-";
const NOT_ASKED: &str = "not_asked";

/// What goes into the file beyond the ratings, each only when the user ticks it: answers on
/// sensitive topics, and the participants' free-text comments (which may hold as much).
#[derive(Clone, Copy, Debug, Default)]
pub struct Included {
    pub sensitive: bool,
    pub comments: bool,
}

/// The rounds as CSV; `name` writes an activity's name (in the exporting user's language).
pub fn rounds_csv(
    data: &Caseload,
    included: Included,
    name: impl Fn(&CatalogueEntry) -> String,
) -> String {
    let mut out = String::from(BOM);
    push_row(&mut out, header(included));
    for participant in data.participants() {
        for round in data.rounds_of(&participant.id) {
            push_row(&mut out, row(data, participant, round, included, &name));
        }
    }
    out
}

/// How many characters of the participant's id make the short reference: ids are random, so
/// eight hex digits keep a caseload's references apart.
const REF_LENGTH: usize = 8;

fn participant_ref(participant: &Participant) -> String {
    let short: String = participant
        .id
        .chars()
        .filter(|c| *c != '-')
        .take(REF_LENGTH)
        .collect();
    spreadsheet_safe(&short)
}

/// Who filled the participant's part: on her own phone when the round came by a handover.
fn participant_part_by(data: &Caseload, round: &Round) -> &'static str {
    let handover = data.handover();
    let from_her_phone = handover
        .sent
        .iter()
        .any(|s| s.round_id == round.id && s.received.is_some())
        || handover.answering.iter().any(|a| a.round_id == round.id);
    match round.participant_part.as_ref().map(|p| p.filled_by) {
        None => "",
        Some(FilledBy::CounsellorWithParticipant) => "with_counsellor",
        Some(FilledBy::Participant) if from_her_phone => "participant_own_device",
        Some(FilledBy::Participant) => "participant",
    }
}

/// The round's counsellor: who filled the counsellor's part, else who had her on that date.
fn counsellor_of(participant: &Participant, round: &Round) -> String {
    let name = match &round.counsellor_part {
        Some(part) => Some(part.counsellor.as_str()),
        None => participant
            .counsellors
            .iter()
            .rev()
            .find(|spell| spell.from <= round.date)
            .map(|spell| spell.name.as_str()),
    };
    name.map(spreadsheet_safe).unwrap_or_default()
}

fn intervention_names(
    data: &Caseload,
    interventions: Option<&Interventions>,
    name: &impl Fn(&CatalogueEntry) -> String,
) -> String {
    let Some(Interventions::Given(ids)) = interventions else {
        return String::new();
    };
    let catalogue = &data.settings().catalogue;
    let names: Vec<String> = ids
        .iter()
        .map(|id| catalogue.get(id).map_or_else(|| id.clone(), name))
        .collect();
    spreadsheet_safe(&names.join("; "))
}

fn header(included: Included) -> Vec<String> {
    let items = ParticipantItem::ALL.map(ParticipantItem::id);
    let mut names: Vec<String> = vec!["participant".into(), "date".into()];
    names.extend(items.iter().map(|id| (*id).to_owned()));
    names.extend(["belief".into(), "determination".into()]);
    names.extend(
        InterventionGroup::ALL
            .iter()
            .map(|group| format!("interventions_{}", group.id())),
    );
    names.extend(items.iter().map(|id| format!("counsellor_{id}")));
    names.extend(
        [
            "participant_ref",
            "participant_part_by",
            "counsellor_part_by",
            "counsellor",
            "interventions",
        ]
        .map(String::from),
    );
    if included.sensitive {
        names.extend(["violence".into(), "substance_use".into()]);
    }
    if included.comments {
        names.extend(items.iter().map(|id| format!("comment_{id}")));
    }
    names
}

fn row(
    data: &Caseload,
    participant: &Participant,
    round: &Round,
    included: Included,
    name: &impl Fn(&CatalogueEntry) -> String,
) -> Vec<String> {
    let no_ratings = Ratings::new();
    let answers = round
        .participant_part
        .as_ref()
        .map_or(&no_ratings, |part| &part.answers);
    let counsellor = round.counsellor_part.as_ref();
    let mut cells = vec![
        spreadsheet_safe(&participant.display_name),
        round.date.to_string(),
    ];
    cells.extend(ratings(answers));
    cells.push(answer(counsellor.and_then(|c| c.belief.as_ref())));
    cells.push(answer(counsellor.and_then(|c| c.determination.as_ref())));
    let interventions = counsellor.map(|c| &c.interventions);
    cells.extend(
        InterventionGroup::ALL
            .iter()
            .map(|group| intervention_count(data, interventions, *group)),
    );
    cells.extend(ratings(counsellor.map_or(&no_ratings, |c| &c.ratings)));
    cells.push(participant_ref(participant));
    cells.push(participant_part_by(data, round).to_owned());
    cells.push(
        if counsellor.is_some() {
            "counsellor"
        } else {
            ""
        }
        .to_owned(),
    );
    cells.push(counsellor_of(participant, round));
    cells.push(intervention_names(data, interventions, name));
    if included.sensitive {
        let answers = counsellor.map(|c| c.sensitive).unwrap_or_default();
        cells.push(sensitive_answer(answers.violence));
        cells.push(sensitive_answer(answers.substance_use));
    }
    if included.comments {
        let part = round.participant_part.as_ref();
        cells.extend(ParticipantItem::ALL.iter().map(|item| {
            part.and_then(|p| p.comment(*item))
                .map(spreadsheet_safe)
                .unwrap_or_default()
        }));
    }
    cells
}

fn ratings(answers: &Ratings) -> impl Iterator<Item = String> + '_ {
    ParticipantItem::ALL
        .iter()
        .map(|item| answer(answers.get(item)))
}

fn answer(answer: Option<&ItemAnswer>) -> String {
    match answer {
        None => String::new(),
        Some(ItemAnswer { value: None, .. }) => RATHER_NOT.into(),
        Some(ItemAnswer {
            value: Some(rating),
            ..
        }) => rating.get().to_string(),
    }
}

fn intervention_count(
    data: &Caseload,
    interventions: Option<&Interventions>,
    group: InterventionGroup,
) -> String {
    match interventions {
        None | Some(Interventions::NotAnswered) => String::new(),
        Some(Interventions::NoneGiven) => "0".into(),
        Some(Interventions::Given(ids)) => {
            let catalogue = &data.settings().catalogue;
            let in_group = |id: &&String| catalogue.get(id).is_some_and(|e| e.group == group);
            ids.iter().filter(in_group).count().to_string()
        }
    }
}

fn sensitive_answer(answer: Option<SensitiveAnswer>) -> String {
    match answer {
        None => String::new(),
        Some(SensitiveAnswer::NotAsked) => NOT_ASKED.into(),
        Some(SensitiveAnswer::Rated(rating)) => rating.get().to_string(),
    }
}

/// Free text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a
/// leading apostrophe: an imported file must not be able to plant formulas in an export.
fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

pub(crate) fn push_row(out: &mut String, cells: Vec<String>) {
    let quoted: Vec<String> = cells.iter().map(|cell| quote(cell)).collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

/// RFC 4180: a field with a comma, quote or line break is quoted, inner quotes doubled.
fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::{FilledBy, Rating};
    use crate::domain::language::Language;
    use crate::i18n::texts;
    use crate::storage::test_data::sample;
    use chrono::NaiveDate;

    /// Activities by their English names, as an English user's export writes them.
    fn names(entry: &CatalogueEntry) -> String {
        texts(Language::En).catalogue_name(entry)
    }

    fn lines(csv: &str) -> Vec<&str> {
        csv.strip_prefix(BOM)
            .unwrap()
            .split_terminator("\r\n")
            .collect()
    }

    #[test]
    fn one_row_per_round_oldest_first_with_a_bom() {
        let csv = rounds_csv(&sample(), Included::default(), names);
        assert!(csv.starts_with(BOM));
        let lines = lines(&csv);
        assert_eq!(
            lines[0],
            "participant,date,job_chances,managing_job,cooperation,health,everyday_life,\
             competence,wage_level,job_search,belief,determination,interventions_job_focused,\
             interventions_upskilling,interventions_social,interventions_health,\
             counsellor_job_chances,counsellor_managing_job,counsellor_cooperation,\
             counsellor_health,counsellor_everyday_life,counsellor_competence,\
             counsellor_wage_level,counsellor_job_search,participant_ref,participant_part_by,\
             counsellor_part_by,counsellor,interventions"
        );
        assert_eq!(lines.len(), 1 + 5);
        // The first round: "rather not" on wage level, belief 2, determination rather not,
        // and "no interventions" as zeros.
        assert_eq!(
            lines[1],
            "Tåget 7,2026-01-15,2,2,3,1,2,2,-,1,2,-,0,0,0,0,,,,,,,,,\
             3f6c2a9e,participant,counsellor,AL,"
        );
        // The last round of Tåget 7: three interventions in three groups (one retired entry),
        // and two counsellor ratings beside the participant's own.
        assert_eq!(
            lines[3],
            "Tåget 7,2026-07-14,4,3,4,-,3,3,3,4,4,3,1,0,2,0,,4,,,,,,3,\
             3f6c2a9e,participant,counsellor,JN,Arbetsträning; Jobbklubb på torsdagar; \
             Debt and money advice"
        );
        // Quoted for the comma; a participant part half filled; interventions not answered.
        assert_eq!(
            lines[4],
            "\"Björk, Ø.\",2026-03-05,3,,,,,,-,,4,,,,,,,,,,,,,,\
             9a8b7c6d,participant,counsellor,AL,"
        );
    }

    // A coordinator can tell people apart, who filled each part, and which activities ran.
    #[test]
    fn each_round_names_its_person_who_filled_it_its_counsellor_and_activities() {
        let csv = rounds_csv(&sample(), Included::default(), names);
        assert!(lines(&csv)[2].ends_with(
            ",3f6c2a9e,with_counsellor,counsellor,AL,Arbetsträning; Pain management and rehabilitation"
        ));
        // Answered on her phone and handed over: the counsellor's device knows by the invitation.
        let mut json = serde_json::to_value(sample()).unwrap();
        json["handover"] = serde_json::json!({"sent": [{
            "id": "0".repeat(32),
            "participant_id": "3f6c2a9e-8d41-4b7a-b0e5-1c2d3e4f5a6b",
            "round_id": "0b1c2d3e-0001-4000-8000-000000000001",
            "created": "2026-01-14T10:00:00Z",
            "received": "2026-01-15T10:00:00Z"
        }]});
        let data: Caseload = serde_json::from_value(json).unwrap();
        let csv = rounds_csv(&data, Included::default(), names);
        assert!(lines(&csv)[1].ends_with(",3f6c2a9e,participant_own_device,counsellor,AL,"));
        // No counsellor's part yet: the counsellor she had on that day, and no part by one.
        let mut data = Caseload::default();
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        data.add_participant("=p1".into(), "Ola N.", day).unwrap();
        data.change_counsellor("=p1", "Kim", day).unwrap();
        data.start_round("r1".into(), "=p1", day).unwrap();
        let csv = rounds_csv(&data, Included::default(), names);
        assert!(lines(&csv)[1].ends_with(",'=p1,,,Kim,"));
    }

    const SENSITIVE: Included = Included {
        sensitive: true,
        comments: false,
    };

    // Guards data protection: sensitive answers leave the device only when explicitly included.
    #[test]
    fn sensitive_columns_only_when_asked_for() {
        let without = rounds_csv(&sample(), Included::default(), names);
        assert!(!without.contains("violence") && !without.contains(NOT_ASKED));
        let with = rounds_csv(&sample(), SENSITIVE, names);
        let lines = lines(&with);
        assert!(lines[0].ends_with(",violence,substance_use"));
        assert!(lines[3].ends_with(",not_asked,5"));
        assert!(lines[1].ends_with(",,"));
    }

    #[test]
    fn names_with_quotes_commas_and_line_breaks_stay_one_field() {
        let mut data = Caseload::default();
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        data.add_participant("p1".into(), "Åsa \"Ø\", ä\nnext", day)
            .unwrap();
        data.start_round("r1".into(), "p1", day).unwrap();
        let csv = rounds_csv(&data, Included::default(), names);
        assert!(csv.contains("\r\n\"Åsa \"\"Ø\"\", ä\nnext\",2026-01-01,"));
    }

    // Guards data protection: comments leave the device only when ticked, one column per item.
    #[test]
    fn comments_only_when_asked_for_and_defused() {
        let mut data = Caseload::default();
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        data.add_participant("p1".into(), "Ola N.", day).unwrap();
        data.start_round("r1".into(), "p1", day).unwrap();
        let now = chrono::DateTime::default();
        data.start_participant_part("r1", FilledBy::Participant, now)
            .unwrap();
        let with = |value, comment: &str| ItemAnswer {
            value: Rating::new(value).ok(),
            comment: Some(comment.into()),
        };
        data.set_participant_answer(
            "r1",
            ParticipantItem::Health,
            with(2, "Vondt i ryggen"),
            now,
        )
        .unwrap();
        data.set_participant_answer(
            "r1",
            ParticipantItem::JobSearch,
            with(3, "=1+1, sa hun"),
            now,
        )
        .unwrap();
        assert!(!rounds_csv(&data, Included::default(), names).contains("comment_"));
        let csv = rounds_csv(
            &data,
            Included {
                sensitive: false,
                comments: true,
            },
            names,
        );
        let lines = lines(&csv);
        assert!(lines[0].ends_with(
            ",comment_job_chances,comment_managing_job,comment_cooperation,comment_health,\
             comment_everyday_life,comment_competence,comment_wage_level,comment_job_search"
        ));
        assert!(lines[1].ends_with(",,,,Vondt i ryggen,,,,\"'=1+1, sa hun\""));
    }

    // Guards against formula injection from an imported name such as "=HYPERLINK(…)".
    #[test]
    fn text_that_looks_like_a_formula_is_defused() {
        assert_eq!(spreadsheet_safe("=1+1"), "'=1+1");
        assert_eq!(spreadsheet_safe("-5"), "'-5");
        assert_eq!(spreadsheet_safe("Kim"), "Kim");
    }
}
