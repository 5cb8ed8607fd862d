//! Every path inside the app. The route table in lib.rs uses the patterns named here (a test
//! holds the two together), every link and navigation is built from a [`Route`], ids are
//! percent-encoded here, and pages read their route's ids through the typed params below.

use leptos::Params;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params};
use leptos_router::params::Params;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

use crate::browser::app_path;
use crate::domain::assessment::Round;
use crate::domain::questionnaire::ParticipantItem;

/// The router's navigation, for the hrefs `Route::href` builds. They carry the app's base path
/// already; the router's own resolving would add it a second time (`/stegvis/stegvis/…` when the
/// app is hosted under a sub-path, where every page then said "not found").
pub fn use_go() -> impl Fn(&str, NavigateOptions) + Clone {
    let navigate = use_navigate();
    move |href: &str, options: NavigateOptions| {
        navigate(
            href,
            NavigateOptions {
                resolve: false,
                ..options
            },
        )
    }
}

/// What `encodeURIComponent` leaves alone; all else in an id or a query value is escaped,
/// so an id with a space, a '/' or a '?' stays one path segment.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// Whether a path (below the base) is one of her pages, which speak her languages too: home,
/// her start, the questions, her summary and thanks, an invitation and her plan.
pub fn is_her_page(path: &str) -> bool {
    let path = path.trim_end_matches('/');
    if matches!(path, "" | "/participant" | "/invitation" | "/my-plan") {
        return true;
    }
    let parts: Vec<&str> = path.split('/').collect();
    matches!(
        parts.as_slice(),
        ["", "round", _, "answer", _] | ["", "round", _, "summary" | "thanks"]
    )
}

/// One screen of the app, its ids as `S`: a [`Route`] when a link is built, a [`ReadRoute`]
/// when a path is read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RouteOf<S> {
    Home,
    /// A participant on her own device.
    Participant,
    /// The caseload (its filters travel as a query, see [`Route::href_with_query`]).
    Caseload,
    /// One participant on the counsellor's side.
    Person(S),
    Plan(S),
    PlanPrint(S),
    /// Moving one person's record to a colleague's device.
    MovePerson(S),
    /// Question `number` (1-based) of a round; `from_summary` when changed from the summary.
    Question {
        round: S,
        number: usize,
        from_summary: bool,
    },
    Summary(S),
    Thanks(S),
    CounsellorPart(S),
    Invite(S),
    Invitation,
    Receive,
    /// The plan her counsellor gave her, kept on her own phone.
    MyPlan,
    Training,
    /// The training page, scrolled to one finding's section.
    TrainingSection(S),
    /// The slides, starting at `slide` (1-based) when given.
    Present {
        slide: Option<usize>,
    },
    Exercises,
    Handout,
    Data,
    Organisation,
}

/// A route to link to, borrowing its ids.
pub type Route<'a> = RouteOf<&'a str>;

/// A route read from a path, owning its ids.
pub type ReadRoute = RouteOf<String>;

impl<S: AsRef<str>> RouteOf<S> {
    /// The pattern in lib.rs's route table that this route matches.
    pub fn pattern(&self) -> &'static str {
        match self {
            RouteOf::Home => "",
            RouteOf::Participant => "/participant",
            RouteOf::Caseload => "/counsellor",
            RouteOf::Person(_) => "/counsellor/:pid",
            RouteOf::Plan(_) => "/counsellor/:pid/plan",
            RouteOf::PlanPrint(_) => "/counsellor/:pid/plan/print",
            RouteOf::MovePerson(_) => "/counsellor/:pid/move",
            RouteOf::Question { .. } => "/round/:rid/answer/:n",
            RouteOf::Summary(_) => "/round/:rid/summary",
            RouteOf::Thanks(_) => "/round/:rid/thanks",
            RouteOf::CounsellorPart(_) => "/round/:rid/counsellor",
            RouteOf::Invite(_) => "/round/:rid/invite",
            RouteOf::Invitation => "/invitation",
            RouteOf::Receive => "/receive",
            RouteOf::MyPlan => "/my-plan",
            RouteOf::Training | RouteOf::TrainingSection(_) => "/training",
            RouteOf::Present { .. } => "/training/present",
            RouteOf::Exercises => "/training/exercises",
            RouteOf::Handout => "/training/handout",
            RouteOf::Data => "/data",
            RouteOf::Organisation => "/organisation",
        }
    }

    /// The path below the app's base, with its ids encoded: the pattern with each `:name`
    /// filled in, plus the query or fragment the route carries.
    pub fn path(&self) -> String {
        let id = match self {
            RouteOf::Person(id)
            | RouteOf::Plan(id)
            | RouteOf::PlanPrint(id)
            | RouteOf::MovePerson(id)
            | RouteOf::Question { round: id, .. }
            | RouteOf::Summary(id)
            | RouteOf::Thanks(id)
            | RouteOf::CounsellorPart(id)
            | RouteOf::Invite(id) => Some(encode(id.as_ref())),
            _ => None,
        };
        let mut path = match self.pattern() {
            "" => "/".to_owned(),
            pattern => pattern
                .split('/')
                .map(|segment| match segment {
                    ":pid" | ":rid" => id.clone().unwrap_or_default(),
                    ":n" => match self {
                        RouteOf::Question { number, .. } => number.to_string(),
                        _ => String::new(),
                    },
                    other => other.to_owned(),
                })
                .collect::<Vec<_>>()
                .join("/"),
        };
        match self {
            RouteOf::Question {
                from_summary: true, ..
            } => path.push_str("?from=summary"),
            RouteOf::Present { slide: Some(n) } => path.push_str(&format!("?slide={n}")),
            RouteOf::TrainingSection(anchor) => {
                path.push('#');
                path.push_str(&encode(anchor.as_ref()));
            }
            _ => {}
        }
        path
    }

    /// The link target inside the app as hosted (under its base path).
    pub fn href(&self) -> String {
        app_path(&self.path())
    }

    /// The link target with a query, each value encoded (the caseload's filters).
    pub fn href_with_query(&self, query: &[(&str, String)]) -> String {
        app_path(&with_query(self.path(), query))
    }
}

fn with_query(path: String, query: &[(&str, String)]) -> String {
    if query.is_empty() {
        return path;
    }
    let pairs: Vec<String> = query
        .iter()
        .map(|(key, value)| format!("{key}={}", encode(value)))
        .collect();
    format!("{path}?{}", pairs.join("&"))
}

impl ReadRoute {
    /// Reads a path below the app's base back into its route (ids decoded). The query counts
    /// only where a route carries one; anything else is `None`.
    pub fn parse(path: &str) -> Option<ReadRoute> {
        let (path, fragment) = path.split_once('#').unwrap_or((path, ""));
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let query_value = |key: &str| {
            query
                .split('&')
                .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))
                .map(decode)
        };
        let segments: Vec<String> = path.trim_matches('/').split('/').map(decode).collect();
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        let id = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        Some(match segments.as_slice() {
            [""] => RouteOf::Home,
            ["participant"] => RouteOf::Participant,
            ["counsellor"] => RouteOf::Caseload,
            ["counsellor", pid] => RouteOf::Person(id(pid)?),
            ["counsellor", pid, "plan"] => RouteOf::Plan(id(pid)?),
            ["counsellor", pid, "plan", "print"] => RouteOf::PlanPrint(id(pid)?),
            ["counsellor", pid, "move"] => RouteOf::MovePerson(id(pid)?),
            ["round", rid, "answer", n] => RouteOf::Question {
                round: id(rid)?,
                number: n.parse().ok()?,
                from_summary: query_value("from").as_deref() == Some("summary"),
            },
            ["round", rid, "summary"] => RouteOf::Summary(id(rid)?),
            ["round", rid, "thanks"] => RouteOf::Thanks(id(rid)?),
            ["round", rid, "counsellor"] => RouteOf::CounsellorPart(id(rid)?),
            ["round", rid, "invite"] => RouteOf::Invite(id(rid)?),
            ["invitation"] => RouteOf::Invitation,
            ["receive"] => RouteOf::Receive,
            ["my-plan"] => RouteOf::MyPlan,
            ["training"] if !fragment.is_empty() => RouteOf::TrainingSection(decode(fragment)),
            ["training"] => RouteOf::Training,
            ["training", "present"] => RouteOf::Present {
                slide: query_value("slide").and_then(|n| n.parse().ok()),
            },
            ["training", "exercises"] => RouteOf::Exercises,
            ["training", "handout"] => RouteOf::Handout,
            ["data"] => RouteOf::Data,
            ["organisation"] => RouteOf::Organisation,
            _ => return None,
        })
    }
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, COMPONENT).to_string()
}

fn decode(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

/// Where a round's participant part continues: the first unanswered question, else the summary.
pub fn resume_route(round: &Round) -> Route<'_> {
    let next = round
        .participant_part
        .as_ref()
        .map_or(Some(ParticipantItem::ALL[0]), |p| p.first_unanswered());
    match next.and_then(|item| ParticipantItem::ALL.iter().position(|i| *i == item)) {
        Some(index) => Route::Question {
            round: round.id.as_str(),
            number: index + 1,
            from_summary: false,
        },
        None => Route::Summary(round.id.as_str()),
    }
}

/// The href of [`resume_route`].
pub fn resume_path(round: &Round) -> String {
    resume_route(round).href()
}

/// Where her part of a round stands: the thanks once she has finished it, else where it continues.
pub fn her_part_route(round: &Round) -> Route<'_> {
    let finished = round
        .participant_part
        .as_ref()
        .is_some_and(|p| p.completed.is_some());
    if finished {
        Route::Thanks(&round.id)
    } else {
        resume_route(round)
    }
}

/// `/counsellor/:pid…`: the participant the route names.
#[derive(Params, Clone, PartialEq)]
struct PersonParams {
    pid: Option<String>,
}

/// `/round/:rid…`: the round the route names.
#[derive(Params, Clone, PartialEq)]
struct RoundParams {
    rid: Option<String>,
}

/// `/round/:rid/answer/:n`: the question's number, if it is one.
#[derive(Params, Clone, PartialEq)]
struct QuestionParams {
    n: Option<usize>,
}

/// The participant id in the current route ("" when there is none).
pub fn use_person_id() -> Memo<String> {
    let params = use_params::<PersonParams>();
    Memo::new(move |_| {
        params
            .with(|p| p.as_ref().ok().and_then(|p| p.pid.clone()))
            .unwrap_or_default()
    })
}

/// The round id in the current route ("" when there is none).
pub fn use_round_id() -> Memo<String> {
    let params = use_params::<RoundParams>();
    Memo::new(move |_| {
        params
            .with(|p| p.as_ref().ok().and_then(|p| p.rid.clone()))
            .unwrap_or_default()
    })
}

/// The question number in the current route, when it is a number.
pub fn use_question_number() -> Memo<Option<usize>> {
    let params = use_params::<QuestionParams>();
    Memo::new(move |_| params.with(|p| p.as_ref().ok().and_then(|p| p.n)))
}

#[cfg(test)]
mod tests {
    use super::{ReadRoute, Route, RouteOf, her_part_route};
    use crate::domain::assessment::{FilledBy, ItemAnswer, ParticipantPart, Round};
    use crate::domain::questionnaire::ParticipantItem;
    use chrono::{NaiveDate, TimeZone, Utc};

    /// One of each route, with ids a browser would mangle if they were not encoded.
    fn every_route() -> Vec<Route<'static>> {
        let odd = "a b/c?d#e%f";
        vec![
            Route::Home,
            Route::Participant,
            Route::Caseload,
            Route::Person(odd),
            Route::Plan("p1"),
            Route::PlanPrint(odd),
            Route::MovePerson(odd),
            Route::Question {
                round: odd,
                number: 3,
                from_summary: false,
            },
            Route::Question {
                round: "r1",
                number: 8,
                from_summary: true,
            },
            Route::Summary(odd),
            Route::Thanks("r 1"),
            Route::CounsellorPart("r/1"),
            Route::Invite(odd),
            Route::Invitation,
            Route::Receive,
            Route::MyPlan,
            Route::Training,
            Route::TrainingSection("belief"),
            Route::Present { slide: None },
            Route::Present { slide: Some(4) },
            Route::Exercises,
            Route::Handout,
            Route::Data,
            Route::Organisation,
        ]
    }

    #[test]
    fn every_path_reads_back_as_its_route() {
        for route in every_route() {
            let path = route.path();
            let read = ReadRoute::parse(&path);
            assert_eq!(
                read.as_ref().map(RouteOf::path),
                Some(path.clone()),
                "{path}"
            );
            assert_eq!(
                read.as_ref().map(RouteOf::pattern),
                Some(route.pattern()),
                "{path}"
            );
        }
    }

    #[test]
    fn an_id_with_a_space_or_a_slash_survives() {
        let odd = "a b/c?d#e%f";
        let path = Route::Question {
            round: odd,
            number: 3,
            from_summary: false,
        }
        .path();
        assert_eq!(path, "/round/a%20b%2Fc%3Fd%23e%25f/answer/3");
        assert_eq!(
            ReadRoute::parse(&path),
            Some(RouteOf::Question {
                round: odd.to_owned(),
                number: 3,
                from_summary: false
            })
        );
        let plan = Route::PlanPrint(odd).path();
        assert_eq!(
            ReadRoute::parse(&plan),
            Some(RouteOf::PlanPrint(odd.to_owned()))
        );
        // The ids the app makes are plain: their paths read as before.
        assert_eq!(Route::Person("9f2c-41aa").path(), "/counsellor/9f2c-41aa");
    }

    #[test]
    fn every_path_fits_its_pattern() {
        for route in every_route() {
            let path = route.path();
            let path = path.split(['?', '#']).next().unwrap_or_default();
            let pattern = route.pattern();
            let segments: Vec<&str> = path.trim_end_matches('/').split('/').collect();
            let wanted: Vec<&str> = pattern.split('/').collect();
            assert_eq!(segments.len(), wanted.len(), "{path} vs {pattern}");
            for (segment, want) in segments.iter().zip(&wanted) {
                assert!(
                    want.starts_with(':') || segment == want,
                    "{path} vs {pattern}"
                );
            }
        }
    }

    /// The route patterns of a route table's source, in order.
    fn patterns_in(source: &str) -> Vec<&str> {
        source
            .split("path!(\"")
            .skip(1)
            .filter_map(|rest| rest.split_once('"').map(|(pattern, _)| pattern))
            .collect()
    }

    /// The table in lib.rs has a route for each pattern here, and nothing else.
    #[test]
    fn the_route_table_has_exactly_these_patterns() {
        let table = patterns_in(include_str!("lib.rs"));
        let mut named: Vec<&str> = every_route().iter().map(Route::pattern).collect();
        let mut sorted_table = table.clone();
        sorted_table.sort_unstable();
        named.sort_unstable();
        named.dedup();
        assert_eq!(sorted_table, named);
        assert_eq!(
            table.len(),
            named.len(),
            "a pattern is listed twice in lib.rs"
        );
    }

    /// The participant's app has exactly her pages, and index.html starts it on exactly those
    /// paths: a change to one of the two fails here until the other follows.
    #[test]
    fn the_participant_app_has_the_paths_index_html_starts_it_for() {
        let hers = patterns_in(include_str!("participant_app.rs"));
        assert_eq!(
            hers,
            [
                "",
                "/participant",
                "/round/:rid/answer/:n",
                "/round/:rid/summary",
                "/round/:rid/thanks"
            ]
        );
        assert!(include_str!("../index.html").contains(
            r"/^\/(participant|round\/[^/]+\/(answer\/[^/]+|summary|thanks))?\/?$/.test(path)"
        ));
        let whole: Vec<&str> = every_route().iter().map(Route::pattern).collect();
        assert!(hers.iter().all(|pattern| whole.contains(pattern)));
    }

    fn round_with(answered: usize, completed: bool) -> Round {
        let at = Utc.with_ymd_and_hms(2024, 1, 15, 10, 0, 0).unwrap();
        let answers = ParticipantItem::ALL
            .into_iter()
            .take(answered)
            .map(|item| (item, ItemAnswer::rated(3).unwrap()))
            .collect();
        Round {
            id: "r 1".into(),
            participant_id: "p1".into(),
            date: NaiveDate::from_ymd_opt(2024, 1, 15).unwrap(),
            participant_part: Some(ParticipantPart {
                language: None,
                answers,
                filled_by: FilledBy::CounsellorWithParticipant,
                updated: at,
                completed: completed.then_some(at),
            }),
            counsellor_part: None,
        }
    }

    #[test]
    fn her_part_stands_at_the_first_open_question_then_the_summary_then_the_thanks() {
        let question = |number| Route::Question {
            round: "r 1",
            number,
            from_summary: false,
        };
        let not_begun = Round {
            participant_part: None,
            ..round_with(0, false)
        };
        assert_eq!(her_part_route(&not_begun), question(1));
        assert_eq!(her_part_route(&round_with(0, false)), question(1));
        assert_eq!(her_part_route(&round_with(3, false)), question(4));
        let all = ParticipantItem::ALL.len();
        assert_eq!(
            her_part_route(&round_with(all, false)),
            Route::Summary("r 1")
        );
        assert_eq!(her_part_route(&round_with(all, true)), Route::Thanks("r 1"));
    }

    #[test]
    fn unknown_paths_are_no_route() {
        for path in [
            "/nowhere",
            "/counsellor//plan",
            "/round/r1/answer/x",
            "/round/r1",
        ] {
            assert_eq!(ReadRoute::parse(path), None, "{path}");
        }
    }

    #[test]
    fn a_query_value_is_encoded() {
        let query = [("q", "Ana & Bo".to_owned()), ("f", "due,new".to_owned())];
        let path = super::with_query(Route::Caseload.path(), &query);
        assert_eq!(path, "/counsellor?q=Ana%20%26%20Bo&f=due%2Cnew");
        assert_eq!(
            super::with_query(Route::Caseload.path(), &[]),
            "/counsellor"
        );
    }
}
