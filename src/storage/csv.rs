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
//! - sensitive items (only when explicitly included): a rating, or `not_asked`;
//! - `comment_<item>` (only when explicitly included): the participant's own words on an item.

use crate::domain::assessment::{Interventions, ItemAnswer, Ratings, Round, SensitiveAnswer};
use crate::domain::caseload::Caseload;
use crate::domain::interventions::InterventionGroup;
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

pub fn rounds_csv(data: &Caseload, included: Included) -> String {
    let mut out = String::from(BOM);
    push_row(&mut out, header(included));
    for participant in data.participants() {
        for round in data.rounds_of(&participant.id) {
            push_row(&mut out, row(data, participant, round, included));
        }
    }
    out
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

pub(super) fn push_row(out: &mut String, cells: Vec<String>) {
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
    use crate::storage::test_data::sample;
    use chrono::NaiveDate;

    fn lines(csv: &str) -> Vec<&str> {
        csv.strip_prefix(BOM)
            .unwrap()
            .split_terminator("\r\n")
            .collect()
    }

    #[test]
    fn one_row_per_round_oldest_first_with_a_bom() {
        let csv = rounds_csv(&sample(), Included::default());
        assert!(csv.starts_with(BOM));
        let lines = lines(&csv);
        assert_eq!(
            lines[0],
            "participant,date,job_chances,managing_job,cooperation,health,everyday_life,\
             competence,wage_level,job_search,belief,determination,interventions_job_focused,\
             interventions_upskilling,interventions_social,interventions_health,\
             counsellor_job_chances,counsellor_managing_job,counsellor_cooperation,\
             counsellor_health,counsellor_everyday_life,counsellor_competence,\
             counsellor_wage_level,counsellor_job_search"
        );
        assert_eq!(lines.len(), 1 + 5);
        // The first round: "rather not" on wage level, belief 2, determination rather not,
        // and "no interventions" as zeros.
        assert_eq!(
            lines[1],
            "Tåget 7,2026-01-15,2,2,3,1,2,2,-,1,2,-,0,0,0,0,,,,,,,,"
        );
        // The last round of Tåget 7: three interventions in three groups (one retired entry),
        // and two counsellor ratings beside the participant's own.
        assert_eq!(
            lines[3],
            "Tåget 7,2026-07-14,4,3,4,-,3,3,3,4,4,3,1,0,2,0,,4,,,,,,3"
        );
        // Quoted for the comma; a participant part half filled; interventions not answered.
        assert_eq!(
            lines[4],
            "\"Björk, Ø.\",2026-03-05,3,,,,,,-,,4,,,,,,,,,,,,,"
        );
    }

    const SENSITIVE: Included = Included {
        sensitive: true,
        comments: false,
    };

    // Guards data protection: sensitive answers leave the device only when explicitly included.
    #[test]
    fn sensitive_columns_only_when_asked_for() {
        let without = rounds_csv(&sample(), Included::default());
        assert!(!without.contains("violence") && !without.contains(NOT_ASKED));
        let with = rounds_csv(&sample(), SENSITIVE);
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
        let csv = rounds_csv(&data, Included::default());
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
        assert!(!rounds_csv(&data, Included::default()).contains("comment_"));
        let csv = rounds_csv(
            &data,
            Included {
                sensitive: false,
                comments: true,
            },
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
