//! Two copies of the data that changed apart from each other — two tabs of one browser saving
//! at nearly the same moment — combined item by item so that neither side's changes are lost.
//!
//! The data is seen as items, each with a key: "participant:<id>", "round:<id>",
//! "plan:<participant id>", "catalogue:<id>" and one key per setting. Where the two copies
//! hold the same version of an item, that is the result; where they differ (one side may also
//! lack the item), the caller decides which side's version is the newer one: only it knows
//! which changes each side has seen (see `storage::tab_store`). This module knows the items.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use super::caseload::Caseload;

/// Which side's version of an item to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Mine,
    Theirs,
    /// Both sides changed it without seeing the other's change: mine is kept, theirs lost
    /// from the data (the caller keeps a copy).
    MineOverTheirs,
    /// The same, the other way round.
    TheirsOverMine,
}

impl Choice {
    fn takes_theirs(self) -> bool {
        matches!(self, Choice::Theirs | Choice::TheirsOverMine)
    }
}

/// The combined data and what was decided for every item whose versions differed.
#[derive(Debug, PartialEq, Eq)]
pub struct Combined {
    pub data: Caseload,
    pub decided: Vec<(String, Choice)>,
}

impl Combined {
    /// Whether a version of either side was left out of the data.
    pub fn lost(&self, choice: Choice) -> bool {
        self.decided.iter().any(|(_, c)| *c == choice)
    }
}

const SETTINGS: [&str; 3] = ["setting:language", "setting:sensitive", "setting:role"];
/// What this device keeps about handovers (its key pair, invitations) is one item.
const HANDOVER: &str = "handover";

/// Combines `mine` and `theirs`, asking `decide` about each item whose versions differ.
/// Items keep `theirs`' order, followed by those only `mine` keeps.
pub fn combine(
    mine: &Caseload,
    theirs: &Caseload,
    mut decide: impl FnMut(&str) -> Choice,
) -> Combined {
    let mut decided = Vec::new();
    let mut ask = |key: String| {
        let choice = decide(&key);
        decided.push((key, choice));
        choice
    };
    let participants = list(
        "participant",
        &mine.participants,
        &theirs.participants,
        |p| &p.id,
        &mut ask,
    );
    let rounds = list("round", &mine.rounds, &theirs.rounds, |r| &r.id, &mut ask);
    let plans = list(
        "plan",
        &mine.plans,
        &theirs.plans,
        |p| &p.participant_id,
        &mut ask,
    );
    let reflections = list(
        "reflection",
        &mine.reflections,
        &theirs.reflections,
        |n| &n.id,
        &mut ask,
    );
    let (m, t) = (&mine.settings, &theirs.settings);
    let catalogue = list(
        "catalogue",
        &m.catalogue.entries,
        &t.catalogue.entries,
        |e| &e.id,
        &mut ask,
    );
    let [language, sensitive, role] = SETTINGS;
    let mut settings = t.clone();
    settings.catalogue.entries = catalogue;
    settings.language = scalar(language, &m.language, &t.language, &mut ask);
    settings.sensitive_items_enabled = scalar(
        sensitive,
        &m.sensitive_items_enabled,
        &t.sensitive_items_enabled,
        &mut ask,
    );
    settings.device_role = scalar(role, &m.device_role, &t.device_role, &mut ask);
    let handover = scalar(HANDOVER, &mine.handover, &theirs.handover, &mut ask);
    let data = Caseload {
        participants: Arc::new(participants),
        rounds: Arc::new(rounds),
        plans: Arc::new(plans),
        settings,
        handover,
        reflections,
    };
    // Each side was valid on its own, but together they can break a rule (a round kept for a
    // participant the other side erased): then this side's data stands whole, counted as a
    // change on both sides so that the other side's data is kept aside.
    if data.check().is_err() {
        decided.push(("caseload".to_owned(), Choice::MineOverTheirs));
        return Combined {
            data: mine.clone(),
            decided,
        };
    }
    Combined { data, decided }
}

/// The keys of the items that differ between `a` and `b` (also where one lacks the item).
/// Run at every save over the whole caseload: it compares, and copies nothing.
pub fn differing_keys(a: &Caseload, b: &Caseload) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    // A list both copies share is equal at a pointer's cost.
    if !Arc::ptr_eq(&a.participants, &b.participants) {
        differing(
            "participant",
            &a.participants,
            &b.participants,
            |p| &p.id,
            &mut keys,
        );
    }
    if !Arc::ptr_eq(&a.rounds, &b.rounds) {
        differing("round", &a.rounds, &b.rounds, |r| &r.id, &mut keys);
    }
    if !Arc::ptr_eq(&a.plans, &b.plans) {
        differing("plan", &a.plans, &b.plans, |p| &p.participant_id, &mut keys);
    }
    differing(
        "reflection",
        &a.reflections,
        &b.reflections,
        |n| &n.id,
        &mut keys,
    );
    let (sa, sb) = (&a.settings, &b.settings);
    let catalogue = (&sa.catalogue.entries, &sb.catalogue.entries);
    differing("catalogue", catalogue.0, catalogue.1, |e| &e.id, &mut keys);
    let [language, sensitive, role] = SETTINGS;
    let mut scalar = |key: &str, same: bool| {
        if !same {
            keys.insert(key.to_owned());
        }
    };
    scalar(language, sa.language == sb.language);
    scalar(
        sensitive,
        sa.sensitive_items_enabled == sb.sensitive_items_enabled,
    );
    scalar(role, sa.device_role == sb.device_role);
    scalar(HANDOVER, a.handover == b.handover);
    keys
}

/// Notes in `keys` the items of `a` and `b` that differ or that only one holds.
fn differing<'a, T: Clone + PartialEq>(
    kind: &str,
    a: &'a [T],
    b: &'a [T],
    id: impl Fn(&'a T) -> &'a String,
    keys: &mut BTreeSet<String>,
) {
    // The usual case, the same items in the same order (see `take_items`): side by side. An
    // item shared by both copies is equal at a pointer's cost (`Arc`), before its id is read.
    if a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y || id(x) == id(y)) {
        for (x, _) in a.iter().zip(b).filter(|(x, y)| x != y) {
            keys.insert(format!("{kind}:{}", id(x)));
        }
        return;
    }
    // Otherwise by id, as `combine` pairs them (its result, a copy, is not needed here).
    let mut note = |key: String| {
        keys.insert(key);
        Choice::Mine
    };
    list(kind, a, b, id, &mut note);
}

/// True when `data` holds an item under `key`.
pub fn holds(data: &Caseload, key: &str) -> bool {
    let Some((kind, id)) = key.split_once(':') else {
        return true; // the handover item is always there
    };
    match kind {
        "participant" => data.participant(id).is_some(),
        "round" => data.round(id).is_some(),
        "plan" => data.plan_of(id).is_some(),
        "reflection" => data.reflections.iter().any(|n| n.id == id),
        "catalogue" => data.settings.catalogue.get(id).is_some(),
        _ => true, // settings always have a value
    }
}

/// `data` with the items under `keys` as `source` has them (removed where it lacks them).
/// For bookkeeping of versions, not for storing: the result is not checked.
pub fn with_items_of(data: &Caseload, source: &Caseload, keys: &BTreeSet<String>) -> Caseload {
    let mut out = data.clone();
    take_items(&mut out, source, keys);
    out
}

/// Replaces the items under `keys` in `out` with `source`'s versions, in place: cheaper than
/// a copy of the whole caseload when few items changed.
pub fn take_items(out: &mut Caseload, source: &Caseload, keys: &BTreeSet<String>) {
    let take = |key: &str| keys.contains(key);
    replace_shared(
        &mut out.participants,
        &source.participants,
        ("participant", |p| &p.id),
        keys,
    );
    replace_shared(&mut out.rounds, &source.rounds, ("round", |r| &r.id), keys);
    replace_shared(
        &mut out.plans,
        &source.plans,
        ("plan", |p| &p.participant_id),
        keys,
    );
    replace(
        &mut out.reflections,
        &source.reflections,
        ("reflection", |n| &n.id),
        keys,
    );
    replace(
        &mut out.settings.catalogue.entries,
        &source.settings.catalogue.entries,
        ("catalogue", |e| &e.id),
        keys,
    );
    let [language, sensitive, role] = SETTINGS;
    if take(language) {
        out.settings.language = source.settings.language;
    }
    if take(sensitive) {
        out.settings.sensitive_items_enabled = source.settings.sensitive_items_enabled;
    }
    if take(role) {
        out.settings.device_role = source.settings.device_role;
    }
    if take(HANDOVER) {
        out.handover = source.handover.clone();
    }
}

/// Puts `from`'s versions of the items of `kind` that `keys` names in place in `into`
/// (removing those `from` lacks), and appends those only `from` holds: the order stays
/// `into`'s, as the data's is. Items are matched by id, without a key formatted per item: a
/// save after one keystroke passes here for every item of a large caseload.
/// `replace` on a list the caseload shares between copies: a list with nothing to replace
/// stays shared (copying 12,000 rounds' pointers for a change to one plan is what it saves).
fn replace_shared<T: Clone>(
    into: &mut Arc<Vec<T>>,
    from: &Arc<Vec<T>>,
    (kind, id): (&str, fn(&T) -> &String),
    keys: &BTreeSet<String>,
) {
    let prefix = format!("{kind}:");
    if Arc::ptr_eq(into, from) || !keys.iter().any(|key| key.starts_with(&prefix)) {
        return;
    }
    replace(Arc::make_mut(into), from, (kind, id), keys);
}

fn replace<T: Clone>(
    into: &mut Vec<T>,
    from: &[T],
    (kind, id): (&str, fn(&T) -> &String),
    keys: &BTreeSet<String>,
) {
    let prefix = format!("{kind}:");
    let ids: BTreeSet<&str> = (keys.iter())
        .filter_map(|key| key.strip_prefix(prefix.as_str()))
        .collect();
    if ids.is_empty() {
        return;
    }
    let wanted: Vec<&T> = (from.iter())
        .filter(|item| ids.contains(id(item).as_str()))
        .collect();
    let mut placed = BTreeSet::new();
    into.retain_mut(|item| {
        if !ids.contains(id(item).as_str()) {
            return true;
        }
        match wanted.iter().find(|version| id(version) == id(item)) {
            Some(version) => {
                *item = T::clone(version);
                placed.insert(id(version).as_str());
                true
            }
            None => false,
        }
    });
    into.extend(
        (wanted.into_iter())
            .filter(|version| !placed.contains(id(version).as_str()))
            .cloned(),
    );
}

fn scalar<T: Clone + PartialEq>(
    key: &str,
    mine: &T,
    theirs: &T,
    ask: &mut impl FnMut(String) -> Choice,
) -> T {
    if mine == theirs || ask(key.to_owned()).takes_theirs() {
        theirs.clone()
    } else {
        mine.clone()
    }
}

fn list<'a, T: Clone + PartialEq>(
    kind: &str,
    mine: &'a [T],
    theirs: &'a [T],
    id: impl Fn(&'a T) -> &'a String,
    ask: &mut impl FnMut(String) -> Choice,
) -> Vec<T> {
    let mine_by: HashMap<&str, &T> = mine.iter().map(|item| (id(item).as_str(), item)).collect();
    let theirs_ids: BTreeSet<&str> = theirs.iter().map(|item| id(item).as_str()).collect();
    let mut out = Vec::with_capacity(theirs.len().max(mine.len()));
    for item in theirs {
        let key = id(item).as_str();
        match mine_by.get(key) {
            Some(m) if *m == item => out.push(item.clone()),
            m => match (ask(format!("{kind}:{key}")).takes_theirs(), m) {
                (true, _) => out.push(item.clone()),
                (false, Some(m)) => out.push((*m).clone()),
                (false, None) => {} // mine erased it
            },
        }
    }
    for item in mine {
        let key = id(item).as_str();
        if !theirs_ids.contains(key) && !ask(format!("{kind}:{key}")).takes_theirs() {
            out.push(item.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::participant::{Goal, GoalKind};
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn with(names: &[&str]) -> Caseload {
        let mut data = Caseload::default();
        for name in names {
            data.add_participant(format!("id-{name}"), name, day(1))
                .unwrap();
        }
        data
    }

    fn names(data: &Caseload) -> Vec<&str> {
        data.participants()
            .iter()
            .map(|p| p.display_name.as_str())
            .collect()
    }

    fn goal(text: &str) -> Option<Goal> {
        Some(Goal {
            kind: GoalKind::Work,
            text: text.into(),
        })
    }

    #[test]
    fn equal_items_are_kept_without_asking() {
        let data = with(&["Ada", "Bo"]);
        let combined = combine(&data, &data, |key| panic!("asked about {key}"));
        assert_eq!(combined.data, data);
        assert!(combined.decided.is_empty());
    }

    #[test]
    fn each_differing_item_is_decided_on_its_own() {
        let mut mine = with(&["Ada", "Bo"]);
        mine.set_goal("id-Ada", goal("baker")).unwrap();
        let mut theirs = with(&["Ada", "Bo", "Cy"]);
        theirs.set_goal("id-Ada", goal("nurse")).unwrap();
        theirs.erase_participant("id-Bo").unwrap();
        let combined = combine(&mine, &theirs, |key| match key {
            "participant:id-Ada" => Choice::MineOverTheirs,
            "participant:id-Bo" => Choice::Mine,
            _ => Choice::Theirs,
        });
        assert_eq!(names(&combined.data), ["Ada", "Cy", "Bo"]);
        assert_eq!(
            combined.data.participant("id-Ada").unwrap().goal,
            goal("baker")
        );
        assert!(combined.lost(Choice::MineOverTheirs));
        assert!(!combined.lost(Choice::TheirsOverMine));
        let keys: Vec<&str> = combined.decided.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "participant:id-Ada",
                "participant:id-Cy",
                "participant:id-Bo"
            ]
        );
    }

    #[test]
    fn an_item_one_side_lacks_goes_as_decided() {
        let mine = with(&["Ada"]);
        let theirs = with(&[]);
        assert_eq!(
            names(&combine(&mine, &theirs, |_| Choice::Mine).data),
            ["Ada"]
        );
        assert!(
            combine(&mine, &theirs, |_| Choice::Theirs)
                .data
                .participants()
                .is_empty()
        );
        assert!(
            combine(&theirs, &mine, |_| Choice::Mine)
                .data
                .participants()
                .is_empty()
        );
    }

    #[test]
    fn settings_are_items_too() {
        let mine = Caseload::default();
        let mut theirs = mine.clone();
        theirs.settings.sensitive_items_enabled = true;
        let combined = combine(&mine, &theirs, |key| {
            assert_eq!(key, "setting:sensitive");
            Choice::Theirs
        });
        assert!(combined.data.settings.sensitive_items_enabled);
    }

    // Guards the rules: combining must never produce data that breaks the model.
    #[test]
    fn a_combination_that_breaks_a_rule_keeps_mine_whole() {
        let base = with(&["Ada"]);
        let mut mine = base.clone();
        mine.start_round("r1".into(), "id-Ada", day(2)).unwrap();
        let mut theirs = base.clone();
        theirs.erase_participant("id-Ada").unwrap();
        let combined = combine(&mine, &theirs, |key| {
            if key.starts_with("round") {
                Choice::Mine
            } else {
                Choice::Theirs
            }
        });
        assert_eq!(combined.data, mine);
        assert!(combined.lost(Choice::MineOverTheirs));
    }

    #[test]
    fn differing_keys_name_every_changed_added_and_erased_item() {
        let before = with(&["Ada", "Bo"]);
        let mut after = before.clone();
        after.set_goal("id-Ada", goal("baker")).unwrap();
        after.erase_participant("id-Bo").unwrap();
        after.add_participant("id-Cy".into(), "Cy", day(2)).unwrap();
        after.settings.sensitive_items_enabled = true;
        let keys: Vec<String> = differing_keys(&before, &after).into_iter().collect();
        assert_eq!(
            keys,
            [
                "participant:id-Ada",
                "participant:id-Bo",
                "participant:id-Cy",
                "setting:sensitive"
            ]
        );
        assert!(holds(&after, "participant:id-Cy") && !holds(&after, "participant:id-Bo"));
        let back = with_items_of(&after, &before, &differing_keys(&before, &after));
        assert!(differing_keys(&back, &before).is_empty());
    }
}
