//! Tests of the move from one stored text (every build before records) into records
//! (issue 31): it happens on the first open, loses nothing when cut off at any step, and
//! leaves the one text as it was when the records do not fit beside it.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::keys::{self, PERSON_PREFIX};
use super::kv::{KeyValue, MemoryStore};
use super::local_data::{self, LoadOutcome};
use super::migrations::CURRENT_VERSION;
use super::records::{self, person_key};
use super::tab_store::TabStore;
use super::test_data::{at, sample};
use crate::domain::participant::{Goal, GoalKind};

fn fixture(version: u32) -> String {
    let path = format!(
        "{}/tests/fixtures/storage/v{version}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing {path}"))
}

fn schema_version(text: &str) -> u64 {
    let json: serde_json::Value = serde_json::from_str(text).unwrap();
    json["schema_version"].as_u64().unwrap()
}

fn everything(store: &MemoryStore) -> BTreeMap<String, String> {
    (store.keys().unwrap().into_iter())
        .map(|key| (key.clone(), store.get(&key).unwrap().unwrap()))
        .collect()
}

fn open(store: &Rc<MemoryStore>, tab: &str) -> TabStore<Rc<MemoryStore>> {
    TabStore::open(Rc::clone(store), tab.into(), at(0))
}

// Guards the move on first open: every shipped one-text version becomes records at once,
// and reads back as the same people.
#[test]
fn every_shipped_version_moves_into_records_on_first_open() {
    for version in 1..=CURRENT_VERSION {
        let store = Rc::new(MemoryStore::new());
        store.set(keys::DATA, &fixture(version)).unwrap();
        let mut tab = open(&store, "a");
        let before = tab.data().clone();
        assert!(
            tab.has_unsaved(),
            "v{version}: moved at once, not at the first change"
        );
        tab.flush(at(1)).unwrap();
        let head = store.get(keys::DATA).unwrap().unwrap();
        assert_eq!(schema_version(&head), 3, "v{version}");
        assert_eq!(
            records::person_keys(&*store).unwrap().len(),
            2,
            "v{version}"
        );
        let again = open(&store, "b");
        assert!(!again.has_unsaved(), "v{version}: nothing left to move");
        assert_eq!(again.data(), &before.in_part_order(), "v{version}");
    }
}

// Guards a move cut off after some records were written (tab closed, browser killed): the one
// text still stands, so the next open moves everything again, and stray records go.
#[test]
fn a_move_cut_off_midway_starts_over_and_loses_nothing() {
    let store = Rc::new(MemoryStore::new());
    store.set(keys::DATA, &fixture(CURRENT_VERSION)).unwrap();
    let data = sample();
    let first = data.person_ids()[0].clone();
    // The first record written, then the move stopped; and a record of nobody in the data.
    let mut older = data.clone();
    older.rename_participant(&first, "An older name").unwrap();
    store
        .set(
            &person_key(&first),
            &records::write_person(&older, &first).unwrap(),
        )
        .unwrap();
    store
        .set(&format!("{PERSON_PREFIX}stray"), "left by an older move")
        .unwrap();
    let outcome = local_data::load(&*store, at(0));
    assert!(
        matches!(outcome, LoadOutcome::Migrated { .. }),
        "{outcome:?}"
    );
    let mut tab = open(&store, "a");
    assert_eq!(tab.data(), &data, "the one text is what loads");
    tab.flush(at(1)).unwrap();
    let again = open(&store, "b");
    assert_eq!(again.data(), &data.in_part_order());
    assert_eq!(records::person_keys(&*store).unwrap().len(), 2);
}

// Guards a large caseload near the quota: records that do not fit beside the one text leave it
// whole, and every change is still saved, in one text, as before.
#[test]
fn records_that_do_not_fit_beside_the_one_text_leave_it_and_keep_saving() {
    let text = fixture(CURRENT_VERSION);
    let store = Rc::new(MemoryStore::with_quota(keys::DATA.len() + text.len() + 200));
    store.set(keys::DATA, &text).unwrap();
    let mut tab = open(&store, "a");
    tab.flush(at(1)).unwrap();
    assert!(
        records::person_keys(&*store).unwrap().is_empty(),
        "rolled back"
    );
    let id = tab.data().person_ids()[0].clone();
    let goal = Goal {
        kind: GoalKind::Work,
        text: "baker".into(),
    };
    tab.change(|d| d.set_goal(&id, Some(goal.clone()))).unwrap();
    tab.flush(at(2)).unwrap();
    let stored = store.get(keys::DATA).unwrap().unwrap();
    assert_eq!(schema_version(&stored), u64::from(CURRENT_VERSION));
    let again = open(&store, "b");
    assert_eq!(again.data().participant(&id).unwrap().goal, Some(goal));
    assert_eq!(tab.notice(), None);
}

// Guards what a keystroke writes: the changed person's record and the head, nothing else.
#[test]
fn a_change_to_one_person_rewrites_her_record_and_the_head_alone() {
    let store = Rc::new(MemoryStore::new());
    store.set(keys::DATA, &fixture(CURRENT_VERSION)).unwrap();
    let mut tab = open(&store, "a");
    tab.flush(at(1)).unwrap();
    let before = everything(&store);
    let ids = tab.data().person_ids();
    tab.change(|d| d.set_contact_note(&ids[1], Some("calls on Mondays".into())))
        .unwrap();
    tab.flush(at(2)).unwrap();
    let after = everything(&store);
    let changed: Vec<&String> = after
        .iter()
        .filter(|(key, text)| before.get(*key) != Some(*text))
        .map(|(key, _)| key)
        .collect();
    assert_eq!(
        changed,
        [keys::DATA.to_owned(), person_key(&ids[1])]
            .iter()
            .collect::<Vec<_>>()
    );
}

// Guards an older build opened after the move: it finds a newer version and leaves it alone.
#[test]
fn an_older_build_reads_the_moved_data_as_newer() {
    let store = Rc::new(MemoryStore::new());
    store.set(keys::DATA, &fixture(CURRENT_VERSION)).unwrap();
    open(&store, "a").flush(at(1)).unwrap();
    let head = store.get(keys::DATA).unwrap().unwrap();
    // The one-text reader every earlier build has.
    assert_eq!(
        super::envelope::open(&head),
        Err(super::envelope::ImportError::TooNew { version: 3 })
    );
}

// Guards erasing: a person erased is gone from storage, her record too.
#[test]
fn an_erased_person_leaves_no_record() {
    let store = Rc::new(MemoryStore::new());
    let mut tab = open(&store, "a");
    tab.replace(sample());
    tab.flush(at(1)).unwrap();
    let id = sample().person_ids()[0].clone();
    tab.change(|d| d.erase_participant(&id)).unwrap();
    tab.flush(at(2)).unwrap();
    assert_eq!(store.get(&person_key(&id)).unwrap(), None);
    tab.change(|d| {
        d.erase_all();
        Ok(())
    })
    .unwrap();
    tab.flush(at(3)).unwrap();
    assert!(records::person_keys(&*store).unwrap().is_empty());
    assert!(open(&store, "b").data().participants().is_empty());
}

// Guards the records' stored format against silent renames: the committed fixture of schema
// version 3 (the head and each person's record, as keys and their texts) keeps loading, as the
// same people as the fixture it was moved from.
#[test]
fn the_records_fixture_still_loads() {
    let path = format!(
        "{}/tests/fixtures/storage/v3-records.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let stored: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let store = MemoryStore::new();
    for (key, json) in &stored {
        store.set(key, &json.to_string()).unwrap();
    }
    assert_eq!(
        local_data::load(&store, at(2)),
        LoadOutcome::Loaded(sample().in_part_order())
    );
}
