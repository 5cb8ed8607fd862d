//! The caseload as a counsellor works from it: one row per participant with what the list
//! needs (computed in one pass over the rounds), the reasons a row is flagged, and search,
//! filters and sort. Flags point things out; they never rank anyone.

use chrono::NaiveDate;

use super::caseload::{Caseload, name_key};
use super::list_summary::summaries;
use super::participant::Archived;

/// A follow-up this close is shown as due, so that it can be booked before it is late.
pub const DUE_SOON_DAYS: u64 = 14;
/// A change of counsellor this recent is flagged: the person may need extra continuity.
pub const NEW_COUNSELLOR_MONTHS: u32 = 6;

/// The questions a counsellor asks of the caseload on a Monday, one filter each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Flag {
    /// The follow-up is overdue or due within DUE_SOON_DAYS.
    FollowUpDue,
    /// No activity in the plan is active today (or there is no plan): a break.
    Break,
    /// No job-focused activity in the plan (stopped ones not counted).
    NoJobFocused,
    /// The latest round has the participant's completed part but not the counsellor's.
    AwaitingCounsellor,
    /// The counsellor's belief in the latest round that rated it was low.
    LowBelief,
    /// The counsellor changed within NEW_COUNSELLOR_MONTHS.
    NewCounsellor,
}

impl Flag {
    pub const ALL: [Flag; 6] = [
        Flag::FollowUpDue,
        Flag::Break,
        Flag::NoJobFocused,
        Flag::AwaitingCounsellor,
        Flag::LowBelief,
        Flag::NewCounsellor,
    ];

    /// The flag's name in the URL.
    pub fn key(self) -> &'static str {
        match self {
            Flag::FollowUpDue => "due",
            Flag::Break => "break",
            Flag::NoJobFocused => "no_job",
            Flag::AwaitingCounsellor => "awaiting",
            Flag::LowBelief => "low_belief",
            Flag::NewCounsellor => "new_counsellor",
        }
    }

    pub fn from_key(key: &str) -> Option<Flag> {
        Flag::ALL.into_iter().find(|flag| flag.key() == key)
    }
}

/// Why a row is flagged, with what the sentence on the row needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    FollowUpOverdue { due: NaiveDate },
    FollowUpSoon { due: NaiveDate },
    Break,
    NoJobFocused,
    AwaitingCounsellor { round: NaiveDate },
    LowBelief,
    NewCounsellor { from: NaiveDate },
}

impl Reason {
    pub fn flag(&self) -> Flag {
        match self {
            Reason::FollowUpOverdue { .. } | Reason::FollowUpSoon { .. } => Flag::FollowUpDue,
            Reason::Break => Flag::Break,
            Reason::NoJobFocused => Flag::NoJobFocused,
            Reason::AwaitingCounsellor { .. } => Flag::AwaitingCounsellor,
            Reason::LowBelief => Flag::LowBelief,
            Reason::NewCounsellor { .. } => Flag::NewCounsellor,
        }
    }
}

/// One participant on the list. Compared whole, so the list is drawn again only when a row
/// changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub id: String,
    pub name: String,
    /// The name in lower case, for search and sort.
    pub(super) name_key: String,
    pub rounds: usize,
    pub latest_round: Option<NaiveDate>,
    pub next_follow_up: Option<NaiveDate>,
    /// Empty for someone who has left: the list works for the people still here.
    pub reasons: Vec<Reason>,
    pub archived: Option<Archived>,
    /// Whose person this is now (on a device a team shares), if anyone was named.
    pub counsellor: Option<String>,
}

impl Row {
    pub fn has(&self, flag: Flag) -> bool {
        self.reasons.iter().any(|r| r.flag() == flag)
    }
}

/// Every participant's row on `today`, in the order they were added.
pub fn rows(data: &Caseload, today: NaiveDate) -> Vec<Row> {
    (summaries(data).iter()).map(|s| s.row(today)).collect()
}

/// The counsellors the rows name, each once (as first written, ignoring case), in alphabetical
/// order: more than one means a team shares this device.
pub fn counsellors(rows: &[Row]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in rows.iter().filter_map(|row| row.counsellor.as_deref()) {
        if !names.iter().any(|known| same_name(known, name)) {
            names.push(name.to_owned());
        }
    }
    names.sort_by_key(|name| name.to_lowercase());
    names
}

/// Names as people mean them (as the caseload compares participants' names): "al" and "AL "
/// are the same person.
pub fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Soonest (or most overdue) first; people without rounds last.
    #[default]
    NextFollowUp,
    Name,
    /// Most recent round first; people without rounds last.
    LatestRound,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::NextFollowUp, Sort::Name, Sort::LatestRound];

    pub fn key(self) -> &'static str {
        match self {
            Sort::NextFollowUp => "follow_up",
            Sort::Name => "name",
            Sort::LatestRound => "latest",
        }
    }

    pub fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|sort| sort.key() == key)
    }
}

/// What the counsellor asked the list for. Lives in the URL, so a bookmark or the back button
/// brings it back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub search: String,
    /// Chosen filters, in [`Flag::ALL`] order; a row must have every one of them.
    pub flags: Vec<Flag>,
    /// Also show (and count) the people who have left.
    pub archived: bool,
    pub sort: Sort,
    /// Only this counsellor's people (a team's shared device).
    pub counsellor: Option<String>,
}

impl Filters {
    /// Reads the URL query (`q`, `f=due,break`, `sort`, `archived=1`, `c=AL`); unknown values are
    /// ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Filters {
        let chosen = get("f").unwrap_or_default();
        let chosen: Vec<&str> = chosen.split(',').collect();
        Filters {
            search: get("q").unwrap_or_default(),
            flags: Flag::ALL
                .into_iter()
                .filter(|flag| chosen.contains(&flag.key()))
                .collect(),
            archived: get("archived").is_some_and(|v| v == "1"),
            sort: get("sort")
                .and_then(|key| Sort::from_key(&key))
                .unwrap_or_default(),
            counsellor: get("c").filter(|name| !name.trim().is_empty()),
        }
    }

    /// The query pairs that say everything that differs from the plain list, unencoded.
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.search.trim().is_empty() {
            pairs.push(("q", self.search.clone()));
        }
        if !self.flags.is_empty() {
            let keys: Vec<&str> = self.flags.iter().map(|f| f.key()).collect();
            pairs.push(("f", keys.join(",")));
        }
        if self.sort != Sort::default() {
            pairs.push(("sort", self.sort.key().to_owned()));
        }
        if self.archived {
            pairs.push(("archived", "1".to_owned()));
        }
        if let Some(counsellor) = &self.counsellor {
            pairs.push(("c", counsellor.clone()));
        }
        pairs
    }

    pub fn toggled(&self, flag: Flag) -> Filters {
        let on = !self.flags.contains(&flag);
        Filters {
            flags: Flag::ALL
                .into_iter()
                .filter(|f| {
                    if *f == flag {
                        on
                    } else {
                        self.flags.contains(f)
                    }
                })
                .collect(),
            ..self.clone()
        }
    }
}

/// The rows to show, in order, and how many of the list each filter would find on its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Worklist<'a> {
    pub shown: Vec<&'a Row>,
    /// Per filter: the rows in scope (the counsellor, search and the archive choice) that have
    /// that flag.
    pub counts: Vec<(Flag, usize)>,
    /// The rows in scope before the filters.
    pub in_scope: usize,
    /// How many of the counsellor's people (everyone's, when none is chosen) have left (shown
    /// only when asked for).
    pub archived: usize,
}

pub fn worklist<'a>(rows: &'a [Row], filters: &Filters) -> Worklist<'a> {
    let needle = filters.search.trim().to_lowercase();
    let mut counts = [0usize; Flag::ALL.len()];
    let mut archived = 0;
    let mut in_scope = 0;
    let mut shown = Vec::new();
    for row in rows {
        // Whose people these are comes first: "show the N who have left" counts theirs.
        if let Some(wanted) = &filters.counsellor
            && !row
                .counsellor
                .as_deref()
                .is_some_and(|theirs| same_name(theirs, wanted))
        {
            continue;
        }
        if row.archived.is_some() {
            archived += 1;
            if !filters.archived {
                continue;
            }
        }
        if !needle.is_empty() && !row.name_key.contains(&needle) {
            continue;
        }
        in_scope += 1;
        for reason in &row.reasons {
            counts[reason.flag() as usize] += 1;
        }
        if filters.flags.iter().all(|flag| row.has(*flag)) {
            shown.push(row);
        }
    }
    sort(&mut shown, filters.sort);
    Worklist {
        shown,
        counts: Flag::ALL.into_iter().zip(counts).collect(),
        in_scope,
        archived,
    }
}

/// Every row the list draws for this archive choice and sort, before search and filters: the
/// page draws these once and hides the ones `worklist` does not show, so that a tap on a filter
/// only hides or shows rows instead of drawing them again.
pub fn drawn<'a>(rows: &'a [Row], filters: &Filters) -> Vec<&'a Row> {
    let mut drawn: Vec<&Row> = rows
        .iter()
        .filter(|row| filters.archived || row.archived.is_none())
        .collect();
    sort(&mut drawn, filters.sort);
    drawn
}

fn sort(rows: &mut [&Row], by: Sort) {
    let by_name = |a: &&Row, b: &&Row| a.name_key.cmp(&b.name_key).then(a.id.cmp(&b.id));
    match by {
        Sort::Name => rows.sort_by(by_name),
        // `None` last: `Option`'s own order puts it first.
        Sort::NextFollowUp => rows.sort_by(|a, b| {
            (a.next_follow_up.is_none(), a.next_follow_up)
                .cmp(&(b.next_follow_up.is_none(), b.next_follow_up))
                .then_with(|| by_name(a, b))
        }),
        Sort::LatestRound => rows.sort_by(|a, b| {
            b.latest_round
                .cmp(&a.latest_round)
                .then_with(|| by_name(a, b))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::{FilledBy, ItemAnswer};
    use crate::domain::interventions::InterventionGroup;
    use crate::domain::participant::LeftFor;
    use crate::domain::plan::own_activity;
    use chrono::{DateTime, Days};

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        date(6, 1)
    }

    /// Six people, hand-made so that each filter's count can be counted by eye:
    /// - Ada: round 1 Feb (follow-up overdue since 1 May), no plan (break, no job-focused).
    /// - Bo: round 20 Mar (due 20 Jun, not yet), a running job-focused activity, belief 2.
    /// - Cy: round 10 Mar (due 10 Jun, within 14 days), a running social activity only;
    ///   latest round has the participant's part done, not the counsellor's; new counsellor 1 Apr.
    /// - Di: no rounds, a job-focused activity that ended in April (break).
    /// - Ed: round 25 May, a running job-focused activity, belief 4, counsellor changed in 2025.
    /// - Fa: left (archived), round 1 Jan: never flagged.
    fn caseload() -> Caseload {
        let mut data = Caseload::default();
        let now = DateTime::default();
        for (id, name) in [
            ("a", "Ada"),
            ("b", "bo"),
            ("c", "Cy"),
            ("d", "Di"),
            ("e", "Ed"),
            ("f", "Fa"),
        ] {
            data.add_participant(id.into(), name, date(1, 1)).unwrap();
        }
        let round = |data: &mut Caseload, id: &str, who: &str, day: NaiveDate| {
            data.start_round(id.into(), who, day).unwrap();
        };
        round(&mut data, "ra", "a", date(2, 1));
        round(&mut data, "rb", "b", date(3, 20));
        data.start_counsellor_part("rb", "AL", now).unwrap();
        data.set_belief("rb", ItemAnswer::rated(2).unwrap(), now)
            .unwrap();
        round(&mut data, "rc0", "c", date(1, 5));
        data.start_counsellor_part("rc0", "AL", now).unwrap();
        round(&mut data, "rc", "c", date(3, 10));
        data.start_participant_part("rc", FilledBy::Participant, now)
            .unwrap();
        data.complete_participant_part("rc", now).unwrap();
        data.change_counsellor("c", "AL", date(1, 1)).unwrap();
        data.change_counsellor("c", "JN", date(4, 1)).unwrap();
        round(&mut data, "re", "e", date(5, 25));
        data.start_counsellor_part("re", "AL", now).unwrap();
        data.set_belief("re", ItemAnswer::rated(4).unwrap(), now)
            .unwrap();
        // A change more than six months before today is history, not a flag.
        data.change_counsellor("e", "AL", date(1, 1) - Days::new(400))
            .unwrap();
        data.change_counsellor("e", "JN", date(1, 1) - Days::new(300))
            .unwrap();
        round(&mut data, "rf", "f", date(1, 1));
        data.archive_participant("f", LeftFor::Work, date(5, 1))
            .unwrap();
        let plan = |data: &mut Caseload, who: &str, group, end| {
            data.change_plan(who, |plan| {
                plan.add_activity(own_activity("x", group, date(2, 1), end));
                Ok(())
            })
            .unwrap();
        };
        plan(&mut data, "b", InterventionGroup::JobFocused, None);
        plan(&mut data, "c", InterventionGroup::Social, None);
        plan(
            &mut data,
            "d",
            InterventionGroup::JobFocused,
            Some(date(4, 30)),
        );
        plan(&mut data, "e", InterventionGroup::JobFocused, None);
        data
    }

    fn names(list: &Worklist) -> Vec<String> {
        list.shown.iter().map(|r| r.name.clone()).collect()
    }

    fn with(flags: &[Flag]) -> Filters {
        Filters {
            flags: flags.to_vec(),
            ..Filters::default()
        }
    }

    #[test]
    fn stored_summaries_give_the_same_rows_on_any_day() {
        let data = caseload();
        let kept = serde_json::to_string(&crate::domain::list_summary::summaries(&data)).unwrap();
        let read: Vec<crate::domain::list_summary::Summary> = serde_json::from_str(&kept).unwrap();
        // A year and more either side of today: every flag comes and goes in that span.
        for offset in 0..900 {
            let day = today() - Days::new(450) + Days::new(offset);
            let from_summaries: Vec<Row> = read.iter().map(|s| s.row(day)).collect();
            assert_eq!(from_summaries, rows(&data, day), "{day}");
        }
    }

    #[test]
    fn each_filter_finds_the_hand_counted_people() {
        let rows = rows(&caseload(), today());
        let expect = [
            (Flag::FollowUpDue, vec!["Ada", "Cy"]),
            (Flag::Break, vec!["Ada", "Di"]),
            (Flag::NoJobFocused, vec!["Ada", "Cy"]),
            (Flag::AwaitingCounsellor, vec!["Cy"]),
            (Flag::LowBelief, vec!["bo"]),
            (Flag::NewCounsellor, vec!["Cy"]),
        ];
        let plain = worklist(&rows, &Filters::default());
        for (flag, people) in expect {
            let mut found = names(&worklist(&rows, &with(&[flag])));
            found.sort();
            assert_eq!(found, people, "{flag:?}");
            assert!(plain.counts.contains(&(flag, people.len())), "{flag:?}");
        }
        assert_eq!(plain.in_scope, 5);
        assert_eq!(plain.archived, 1);
    }

    #[test]
    fn the_row_says_why_in_words() {
        let rows = rows(&caseload(), today());
        let cy = rows.iter().find(|r| r.name == "Cy").unwrap();
        assert_eq!(
            cy.reasons,
            [
                Reason::FollowUpSoon { due: date(6, 10) },
                Reason::NoJobFocused,
                Reason::AwaitingCounsellor { round: date(3, 10) },
                Reason::NewCounsellor { from: date(4, 1) },
            ]
        );
        let ada = rows.iter().find(|r| r.name == "Ada").unwrap();
        assert_eq!(ada.reasons[0], Reason::FollowUpOverdue { due: date(5, 1) });
    }

    #[test]
    fn filters_combine_and_search_narrows() {
        let rows = rows(&caseload(), today());
        let both = worklist(&rows, &with(&[Flag::FollowUpDue, Flag::Break]));
        assert_eq!(names(&both), ["Ada"]);
        let search = Filters {
            search: " C".into(),
            ..Filters::default()
        };
        let found = worklist(&rows, &search);
        assert_eq!(names(&found), ["Cy"]);
        assert_eq!(found.in_scope, 1);
        assert!(found.counts.contains(&(Flag::Break, 0)));
    }

    #[test]
    fn people_who_left_are_out_of_the_list_and_counts_unless_asked_for() {
        let rows = rows(&caseload(), today());
        let plain = worklist(&rows, &Filters::default());
        assert!(!names(&plain).contains(&"Fa".to_owned()));
        let asked = Filters {
            archived: true,
            ..Filters::default()
        };
        let all = worklist(&rows, &asked);
        assert!(names(&all).contains(&"Fa".to_owned()));
        assert_eq!(all.in_scope, 6);
        // Someone who has left is never flagged, although their follow-up is long past.
        assert!(
            all.shown
                .iter()
                .find(|r| r.name == "Fa")
                .unwrap()
                .reasons
                .is_empty()
        );
    }

    #[test]
    fn the_drawn_rows_less_the_hidden_ones_are_the_shown_list_in_its_order() {
        let rows = rows(&caseload(), today());
        for sort in Sort::ALL {
            for archived in [false, true] {
                for flags in [
                    vec![],
                    vec![Flag::Break],
                    vec![Flag::Break, Flag::NoJobFocused],
                ] {
                    for search in ["", "a", "nobody"] {
                        let filters = Filters {
                            search: search.to_owned(),
                            flags: flags.clone(),
                            archived,
                            sort,
                            counsellor: None,
                        };
                        let shown = worklist(&rows, &filters).shown;
                        let visible: Vec<&Row> = drawn(&rows, &filters)
                            .into_iter()
                            .filter(|row| shown.contains(row))
                            .collect();
                        assert_eq!(visible, shown, "{filters:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn sorts_by_follow_up_name_and_latest_round() {
        let rows = rows(&caseload(), today());
        let sorted = |sort| {
            names(&worklist(
                &rows,
                &Filters {
                    sort,
                    ..Filters::default()
                },
            ))
        };
        assert_eq!(sorted(Sort::NextFollowUp), ["Ada", "Cy", "bo", "Ed", "Di"]);
        assert_eq!(sorted(Sort::Name), ["Ada", "bo", "Cy", "Di", "Ed"]);
        assert_eq!(sorted(Sort::LatestRound), ["Ed", "bo", "Cy", "Ada", "Di"]);
    }

    #[test]
    fn the_url_query_round_trips() {
        let filters = Filters {
            search: "kim".into(),
            flags: vec![Flag::FollowUpDue, Flag::LowBelief],
            archived: true,
            sort: Sort::Name,
            counsellor: Some("Åsa L".into()),
        };
        let pairs = filters.to_query();
        let read = Filters::from_query(|key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(read, filters);
        assert!(Filters::default().to_query().is_empty());
        let odd = Filters::from_query(|key| (key == "f").then(|| "nonsense,break".to_owned()));
        assert_eq!(odd.flags, [Flag::Break]);
        assert_eq!(
            with(&[Flag::Break]).toggled(Flag::FollowUpDue).flags,
            [Flag::FollowUpDue, Flag::Break]
        );
        assert!(with(&[Flag::Break]).toggled(Flag::Break).flags.is_empty());
    }

    #[test]
    fn a_shared_device_narrows_the_list_to_one_counsellors_people() {
        let data = caseload();
        let all = rows(&data, today());
        // Cy went to JN in April; Ed's change is older; the rest have no counsellor named.
        assert_eq!(counsellors(&all), ["JN"]);
        let of = |name: &str| {
            let filters = Filters {
                counsellor: Some(name.into()),
                ..Filters::default()
            };
            let found = worklist(&all, &filters);
            let names: Vec<String> = found.shown.iter().map(|r| r.name.clone()).collect();
            (names, found.in_scope)
        };
        // As typed: case and spaces do not make another person.
        assert_eq!(of("jn "), (vec!["Cy".to_owned(), "Ed".to_owned()], 2));
        assert_eq!(of("Nobody"), (Vec::new(), 0));
    }
}
