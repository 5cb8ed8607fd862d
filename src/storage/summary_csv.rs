//! The organisation summary as CSV: one row per figure, with stable English ids (as in the
//! rounds CSV) so that a spreadsheet or script reads every language's file alike. A figure that
//! rests on fewer than five people has `<5` in place of its numbers, as on the screen.

use super::csv::{BOM, push_row};
use crate::domain::org_summary::{Figure, MIN_PEOPLE, SummaryCounts, Tally};
use crate::domain::questionnaire::ParticipantItem;

const SUPPRESSED: &str = "<5";

pub fn summary_csv(counts: &SummaryCounts) -> String {
    let mut out = String::from(BOM);
    let header = ["figure", "count", "of", "percent", "people", "bip_percent"];
    push_row(&mut out, header.map(String::from).to_vec());
    let shown = counts.people >= MIN_PEOPLE;
    let people = if shown {
        counts.people.to_string()
    } else {
        SUPPRESSED.into()
    };
    let rounds = if shown {
        counts.rounds.to_string()
    } else {
        SUPPRESSED.into()
    };
    push_row(&mut out, cells("people", &people, "", "", &people, ""));
    push_row(&mut out, cells("rounds", &rounds, "", "", &people, ""));
    for figure in Figure::ALL {
        let bip = figure
            .bip()
            .map_or(String::new(), |b| b.percent.to_string());
        push_row(
            &mut out,
            tally_row(figure.key(), figure.tally(counts), &bip),
        );
    }
    let belief_people = counts.belief_people();
    let steps = counts
        .belief
        .iter()
        .enumerate()
        .map(|(i, n)| (format!("belief_step_{}", i + 1), *n));
    for (id, count) in steps.chain([("belief_rather_not".to_owned(), counts.belief_rather_not)]) {
        let tally = Tally {
            count,
            of: belief_people,
            people: belief_people,
        };
        push_row(&mut out, tally_row(&id, tally, ""));
    }
    for item in ParticipantItem::ALL {
        let movement = counts.movement.get(&item).copied().unwrap_or_default();
        let id = format!("movement_{}", item.id());
        let row = match movement.average() {
            Some(average) => cells(
                &id,
                &movement.steps.to_string(),
                &movement.people.to_string(),
                &format!("{average:.2}"),
                &movement.people.to_string(),
                "",
            ),
            None => cells(&id, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, ""),
        };
        push_row(&mut out, row);
    }
    out
}

fn tally_row(id: &str, tally: Tally, bip: &str) -> Vec<String> {
    match tally.percent() {
        Some(percent) => cells(
            id,
            &tally.count.to_string(),
            &tally.of.to_string(),
            &format!("{percent:.1}"),
            &tally.people.to_string(),
            bip,
        ),
        None => cells(id, SUPPRESSED, SUPPRESSED, SUPPRESSED, SUPPRESSED, bip),
    }
}

fn cells(id: &str, count: &str, of: &str, percent: &str, people: &str, bip: &str) -> Vec<String> {
    [id, count, of, percent, people, bip]
        .map(String::from)
        .to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org_summary::Movement;

    fn counts() -> SummaryCounts {
        let mut counts = SummaryCounts {
            people: 6,
            rounds: 14,
            periods_without_intervention: Tally {
                count: 2,
                of: 5,
                people: 5,
            },
            counsellor_changed: Tally {
                count: 1,
                of: 4,
                people: 4,
            },
            belief: [0, 1, 1, 1, 2],
            ..SummaryCounts::default()
        };
        counts.movement.insert(
            ParticipantItem::JobSearch,
            Movement {
                steps: 3,
                people: 6,
            },
        );
        counts
    }

    #[test]
    fn one_row_per_figure_with_small_figures_hidden() {
        let csv = summary_csv(&counts());
        let lines: Vec<&str> = csv.trim_start_matches(BOM).lines().collect();
        assert_eq!(lines[0], "figure,count,of,percent,people,bip_percent");
        assert_eq!(lines[1], "people,6,,,6,");
        assert!(lines.contains(&"periods_without_intervention,2,5,40.0,5,23"));
        assert!(lines.contains(&"counsellor_changed,<5,<5,<5,<5,40"));
        assert!(lines.contains(&"belief_certain,2,5,40.0,5,6"));
        assert!(lines.contains(&"belief_step_5,2,5,40.0,5,"));
        assert!(lines.contains(&"movement_job_search,3,6,0.50,6,"));
        assert!(lines.contains(&"movement_health,<5,<5,<5,<5,"));
    }

    // Guards anonymity: fewer than five people in all hides even the number of people.
    #[test]
    fn a_tiny_caseload_shows_no_numbers() {
        let tiny = SummaryCounts {
            people: 3,
            rounds: 4,
            ..SummaryCounts::default()
        };
        let csv = summary_csv(&tiny);
        assert!(csv.contains("people,<5,,,<5,"));
        assert!(csv.contains("rounds,<5,,,<5,"));
    }
}
