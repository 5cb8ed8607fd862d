//! The caseload stored as records (schema version 3, issue 31): a small head under
//! `keys::DATA` — what the caseload shares, the order of its people and the revision — and one
//! record per person under `keys::PERSON_PREFIX` and her id. A save writes the records of the
//! people it changed and the head, so a keystroke costs one person's text, sealed or not,
//! whatever the caseload's size. The data inside keeps schema 2 (backups are still written in
//! it): version 3 is how storage lays it out, and an older build reads the head's version as
//! newer than itself and saves nothing over it.
//!
//! A record not named in the head (written by a save whose head was not) still belongs to the
//! caseload: people come from their records, the head only orders them.

use std::cell::RefCell;
use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::envelope::{FORMAT, ImportError};
use super::keys::{self, PERSON_PREFIX};
use super::kv::{KeyValue, KvError};
use super::revision::Revision;
use crate::domain::caseload::Caseload;
use crate::domain::caseload_parts::{PersonPart, SharedPart};
use crate::domain::list_summary::{KeptSummaries, Summary};

pub const RECORDS_VERSION: u32 = 3;
const PERSON_FORMAT: &str = "stegvis-person";

#[derive(Serialize)]
struct HeadOut<'a> {
    format: &'static str,
    schema_version: u32,
    saved_at: DateTime<Utc>,
    revision: &'a Revision,
    /// Borrowed: the head is written at every keystroke, and copying 1,000 ids to drop them
    /// again was a tenth of one (issue 31).
    people: Vec<&'a str>,
    data: SharedPart,
}

thread_local! {
    /// The list's summaries kept between saves (each head carries them all). One for every
    /// store in the thread: it checks what it kept against the caseload it is given.
    static LIST: RefCell<KeptSummaries> = RefCell::default();
}

#[derive(Deserialize)]
struct HeadIn {
    #[serde(default)]
    revision: Revision,
    #[serde(default)]
    people: Vec<String>,
    data: SharedPart,
}

/// Written as `{ "format", "schema_version", "part": { "participant", "rounds", "plan" } }`:
/// a nested part rather than flattened fields, because serde's flattening compiles a second
/// reader of the whole model into the wasm.
#[derive(Serialize, Deserialize)]
struct PersonRecord {
    format: String,
    schema_version: u32,
    part: PersonPart,
}

/// The key of the person with `id`'s record.
pub fn person_key(id: &str) -> String {
    format!("{PERSON_PREFIX}{id}")
}

/// The head as stored: what the caseload shares, its people's order and the revision.
///
/// Its last field, `list`, is every person's list summary, so that a large caseload's list is
/// drawn before the records are read (`read_list`); older builds' heads have none.
pub fn write_head(data: &Caseload, now: DateTime<Utc>, revision: &Revision) -> String {
    let mut head = serde_json::to_string(&HeadOut {
        format: FORMAT,
        schema_version: RECORDS_VERSION,
        saved_at: now,
        revision,
        people: (data.participants().iter())
            .map(|p| p.id.as_str())
            .collect(),
        data: data.shared_part(),
    })
    .expect("the model serialises to JSON");
    // The list is JSON already: it goes in as text, since serde would parse it again to pass
    // it through.
    let closing = head.pop();
    debug_assert_eq!(closing, Some('}'));
    head.push_str(",\"list\":");
    LIST.with_borrow_mut(|kept| kept.write_json(data, &mut head));
    head.push('}');
    head
}

/// The list summaries in the head `head`, in the caseload's order: none when it carries none
/// (an older build wrote it) or is not one this build writes (sealed, damaged, newer).
pub fn read_list(head: &str) -> Option<Vec<Summary>> {
    #[derive(Deserialize)]
    struct ListIn {
        format: String,
        schema_version: u32,
        list: Option<Vec<Summary>>,
    }
    let head: ListIn = serde_json::from_str(head).ok()?;
    (head.format == FORMAT && head.schema_version == RECORDS_VERSION)
        .then_some(head.list)
        .flatten()
}

/// The record of the person with `id`, or `None` when she is not in `data`.
pub fn write_person(data: &Caseload, id: &str) -> Option<String> {
    let part = data.person_part(id)?;
    let record = PersonRecord {
        format: PERSON_FORMAT.to_owned(),
        schema_version: RECORDS_VERSION,
        part,
    };
    Some(serde_json::to_string(&record).expect("the model serialises to JSON"))
}

/// Why the records could not be read whole.
#[derive(Debug, PartialEq, Eq)]
pub enum RecordsError {
    /// Storage refused to be read.
    Storage(KvError),
    /// The head is not one this build can read.
    Head(ImportError),
    /// A record was written by a newer build: everything is left as it is.
    TooNew { version: u64 },
    /// These records could not be read, or do not fit together with the rest (key, text).
    Unreadable(Vec<(String, String)>),
}

/// What the head and the records beside it hold.
#[derive(Debug, PartialEq, Eq)]
pub struct Opened {
    pub data: Caseload,
    /// The saves the head includes.
    pub revision: Revision,
    /// False when a record the head does not name was found: the next head should name it.
    pub complete: bool,
}

/// The caseload in the head `head` and the records beside it.
pub fn open(store: &dyn KeyValue, head: &str) -> Result<Opened, RecordsError> {
    let head: HeadIn =
        from_json(head).map_err(|detail| RecordsError::Head(ImportError::Invalid { detail }))?;
    let mut order: Vec<String> = head.people.iter().map(|id| person_key(id)).collect();
    let listed: BTreeSet<&String> = order.iter().collect();
    let mut stored = person_keys(store).map_err(RecordsError::Storage)?;
    stored.retain(|key| !listed.contains(key));
    let complete = stored.is_empty();
    order.extend(stored);
    let mut people = Vec::new();
    let mut unreadable = Vec::new();
    let texts = store.get_many(&order).map_err(RecordsError::Storage)?;
    for (key, text) in order.into_iter().zip(texts) {
        let Some(text) = text else {
            continue; // erased after the head was written, before the next head
        };
        match read_person(&key, &text) {
            Ok(part) => people.push(part),
            Err(RecordsError::TooNew { version }) => return Err(RecordsError::TooNew { version }),
            Err(_) => unreadable.push((key, text)),
        }
    }
    if !unreadable.is_empty() {
        return Err(RecordsError::Unreadable(unreadable));
    }
    match Caseload::from_parts(head.data, people) {
        Ok(data) => Ok(Opened {
            data,
            revision: head.revision,
            complete,
        }),
        // Each record reads, but together they break a rule: every record is kept aside.
        Err(_) => Err(RecordsError::Unreadable(
            person_keys(store)
                .map_err(RecordsError::Storage)?
                .into_iter()
                .filter_map(|key| Some((key.clone(), store.get(&key).ok()??)))
                .collect(),
        )),
    }
}

/// Reads JSON through `serde_json::Value`, as `envelope::open` does: for the head and files,
/// where one reader of the model in the wasm is enough.
fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    let json: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    serde_json::from_value(json).map_err(|e| e.to_string())
}

/// A person's record, read straight from its text: opening a large caseload reads a thousand
/// of them, and going through `Value` took half the time (the second reader this compiles
/// costs some 30 KB of the whole app's wasm, never her app's). Only a record that does not
/// read is looked at as `Value`, to tell a newer version from damage.
fn read_person(key: &str, text: &str) -> Result<PersonPart, RecordsError> {
    let unreadable = || RecordsError::Unreadable(vec![(key.to_owned(), text.to_owned())]);
    let record = match serde_json::from_str::<PersonRecord>(text) {
        Ok(record) if record.schema_version <= RECORDS_VERSION => record,
        read => {
            let version = match read {
                Ok(record) => u64::from(record.schema_version),
                Err(_) => from_json::<serde_json::Value>(text).map_err(|_| unreadable())?
                    ["schema_version"]
                    .as_u64()
                    .unwrap_or(0),
            };
            return Err(if version > u64::from(RECORDS_VERSION) {
                RecordsError::TooNew { version }
            } else {
                unreadable()
            });
        }
    };
    let ours = record.format == PERSON_FORMAT && record.schema_version == RECORDS_VERSION;
    // A record under another person's key is not hers.
    if !ours || person_key(&record.part.participant.id) != key {
        return Err(unreadable());
    }
    Ok(record.part)
}

/// How many characters the caseload takes in `store`: the head and every record.
pub fn stored_size(store: &dyn KeyValue) -> usize {
    let keys = person_keys(store).unwrap_or_default();
    std::iter::once(keys::DATA)
        .chain(keys.iter().map(String::as_str))
        .filter_map(|key| store.get(key).ok().flatten())
        .map(|text| text.len())
        .sum()
}

/// Every person record's key in `store`.
pub fn person_keys(store: &dyn KeyValue) -> Result<Vec<String>, KvError> {
    let mut found: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|key| key.starts_with(PERSON_PREFIX))
        .collect();
    found.sort();
    Ok(found)
}

/// Writes the records of `people` as `data` has them (removing those no longer in it) and
/// then the head. All or nothing: when storage refuses a write, what was written before it in
/// this save is put back, so a refused save leaves the previous one whole.
pub fn save(
    store: &dyn KeyValue,
    data: &Caseload,
    people: &BTreeSet<String>,
    now: DateTime<Utc>,
    revision: &Revision,
) -> Result<String, KvError> {
    let head = write_head(data, now, revision);
    let mut writes: Vec<(String, Option<String>)> = people
        .iter()
        .map(|id| (person_key(id), write_person(data, id)))
        .collect();
    writes.push((keys::DATA.to_owned(), Some(head.clone())));
    let mut done: Vec<(String, Option<String>)> = Vec::new();
    for (key, text) in writes {
        let before = store.kept(&key)?;
        let written = match &text {
            Some(text) => store.set(&key, text),
            None => store.remove(&key),
        };
        if let Err(error) = written {
            for (key, before) in done.into_iter().rev() {
                let _ = store.put_back(&key, before.as_deref());
            }
            return Err(error);
        }
        done.push((key, before));
    }
    Ok(head)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::ItemAnswer;
    use crate::domain::list_summary::summaries;
    use crate::domain::participant::LeftFor;
    use crate::domain::plan::ActionPlan;
    use crate::storage::benchmark::generated;
    use crate::storage::kv::MemoryStore;
    use crate::storage::test_data::{at, sample};

    fn everyone(data: &Caseload) -> BTreeSet<String> {
        data.person_ids().into_iter().collect()
    }

    fn stored(data: &Caseload) -> MemoryStore {
        let store = MemoryStore::new();
        save(&store, data, &everyone(data), at(0), &Revision::default()).unwrap();
        store
    }

    fn head(store: &MemoryStore) -> String {
        store.get(keys::DATA).unwrap().unwrap()
    }

    #[test]
    fn the_head_carries_everyones_list_summary_after_any_save() {
        let mut data = sample();
        let store = stored(&data);
        assert_eq!(read_list(&head(&store)), Some(summaries(&data)));
        // A keystroke's save writes one person's record, and still the whole list.
        let id = data.person_ids()[0].clone();
        data.rename_participant(&id, "Someone else").unwrap();
        let one = BTreeSet::from([id]);
        save(&store, &data, &one, at(1), &Revision::default()).unwrap();
        let list = read_list(&head(&store)).unwrap();
        assert_eq!(list, summaries(&data));
        assert_eq!(list[0].row(at(1).date_naive()).name, "Someone else");
    }

    // Guards the summaries kept between saves: after any change, and whichever caseload was
    // saved before, the head's list is the one worked out from the whole caseload.
    #[test]
    fn the_heads_list_follows_every_kind_of_change() {
        let list = |data: &Caseload| read_list(&write_head(data, at(0), &Revision::default()));
        let mut data = generated(4, 3);
        let other = sample();
        let ids = data.person_ids();
        let round_of = |data: &Caseload, i: usize| data.rounds_of(&ids[i])[0].id.clone();
        type Change<'a> = Box<dyn Fn(&mut Caseload) + 'a>;
        let changes: Vec<Change> = vec![
            Box::new(|d| d.rename_participant(&ids[1], "Someone else").unwrap()),
            Box::new(|d| {
                let low = ItemAnswer::rated(1).unwrap();
                d.set_belief(&round_of(d, 2), low, at(1)).unwrap()
            }),
            Box::new(|d| {
                d.change_counsellor(&ids[0], "JN", at(2).date_naive())
                    .unwrap()
            }),
            Box::new(|d| {
                d.archive_participant(&ids[3], LeftFor::Work, at(2).date_naive())
                    .unwrap()
            }),
            Box::new(|d| {
                let plan = ActionPlan {
                    participant_id: ids[2].clone(),
                    ..other.plans()[0].as_ref().clone()
                };
                d.save_plan(plan).unwrap()
            }),
            Box::new(|d| {
                let mut plan = d.plan_of(&ids[2]).unwrap().clone();
                assert!(plan.activities.pop().is_some());
                d.save_plan(plan).unwrap()
            }),
            Box::new(|d| {
                d.start_round("new".into(), &ids[1], at(3).date_naive())
                    .unwrap()
            }),
            Box::new(|d| d.delete_round("new").unwrap()),
            Box::new(|d| d.erase_participant(&ids[0]).unwrap()),
        ];
        assert_eq!(list(&data), Some(summaries(&data)));
        for change in changes {
            change(&mut data);
            assert_eq!(list(&data), Some(summaries(&data)));
            // Another store's caseload in between, as two tabs in one thread save.
            assert_eq!(list(&other), Some(summaries(&other)));
            assert_eq!(list(&data), Some(summaries(&data)));
        }
        // A copy changed apart from the one saved (another tab's change taken in).
        let mut apart = data.clone();
        let round = round_of(&apart, 1);
        apart
            .set_belief(&round, ItemAnswer::rated(1).unwrap(), at(4))
            .unwrap();
        assert_eq!(list(&apart), Some(summaries(&apart)));
        assert_eq!(list(&data), Some(summaries(&data)));
    }

    #[test]
    fn a_head_without_a_list_or_not_ours_gives_none() {
        let shipped = format!(
            "{}/tests/fixtures/storage/v3-records.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let shipped: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&shipped).unwrap()).unwrap();
        let older = shipped[keys::DATA].to_string();
        assert!(open(&MemoryStore::new(), &older).is_ok());
        assert_eq!(read_list(&older), None);
        let ours = head(&stored(&sample()));
        let newer = ours.replace(r#""schema_version":3"#, r#""schema_version":4"#);
        assert_eq!(read_list(&newer), None);
        assert_eq!(read_list("sealed or damaged"), None);
    }

    // Guards the list's stored names against silent renames (a renamed field would read as its
    // default and flag people wrongly until the records are read): a committed head keeps
    // giving the sample's rows.
    #[test]
    fn the_list_fixture_still_reads() {
        let path = format!(
            "{}/tests/fixtures/storage/v3-head-with-list.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let head = std::fs::read_to_string(&path).unwrap();
        assert_eq!(read_list(&head), Some(summaries(&sample())));
    }

    // Guards the records' round trip: head and records read back as the caseload written.
    #[test]
    fn records_read_back_as_the_caseload() {
        let data = sample();
        let store = stored(&data);
        assert_eq!(
            person_keys(&store).unwrap().len(),
            data.participants().len()
        );
        let again = open(&store, &head(&store)).unwrap();
        assert_eq!(again.data, data.in_part_order());
        assert!(again.complete);
    }

    // Guards an older build: it reads the head's schema version as newer and saves nothing.
    #[test]
    fn the_head_says_version_three() {
        let store = stored(&sample());
        let head: serde_json::Value = serde_json::from_str(&head(&store)).unwrap();
        assert_eq!(head["format"], "stegvis");
        assert_eq!(head["schema_version"], 3);
        // A person is in the head only as her list summary; her record holds the rest.
        let mut rest = head.clone();
        rest.as_object_mut().unwrap().remove("list");
        let name = sample().participants()[0].display_name.clone();
        assert!(!rest.to_string().contains(&name), "no person in the head");
    }

    // Guards a record written by a save whose head was not: the person is still there.
    #[test]
    fn a_record_the_head_does_not_name_is_read() {
        let data = sample();
        let store = stored(&data);
        let mut fewer = data.clone();
        let last = data.person_ids().pop().unwrap();
        fewer.erase_participant(&last).unwrap();
        store
            .set(keys::DATA, &write_head(&fewer, at(1), &Revision::default()))
            .unwrap();
        let again = open(&store, &head(&store)).unwrap();
        assert!(again.data.participant(&last).is_some());
        assert!(!again.complete);
    }

    // Guards tampering and foreign text: such a record is refused by its own error, named by key.
    #[test]
    fn a_tampered_or_foreign_record_is_refused_by_key() {
        let data = sample();
        let id = data.person_ids()[0].clone();
        for bad in [
            "not json",
            "{\"format\":\"other\"}",
            &write_person(&data, &data.person_ids()[1]).unwrap(),
        ] {
            let store = stored(&data);
            store.set(&person_key(&id), bad).unwrap();
            match open(&store, &head(&store)) {
                Err(RecordsError::Unreadable(found)) => {
                    assert_eq!(found, [(person_key(&id), bad.to_owned())])
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_record_from_a_newer_build_leaves_everything_alone() {
        let data = sample();
        let store = stored(&data);
        let key = person_key(&data.person_ids()[0]);
        let newer = store
            .get(&key)
            .unwrap()
            .unwrap()
            .replace("\"schema_version\":3", "\"schema_version\":4");
        store.set(&key, &newer).unwrap();
        assert_eq!(
            open(&store, &head(&store)),
            Err(RecordsError::TooNew { version: 4 })
        );
        // Newer and shaped otherwise: still a newer version, not damage.
        let reshaped = r#"{"format":"stegvis-person","schema_version":5,"parts":[]}"#;
        store.set(&key, reshaped).unwrap();
        assert_eq!(
            open(&store, &head(&store)),
            Err(RecordsError::TooNew { version: 5 })
        );
    }

    // Guards "a refused save keeps the previous save whole": records written before the refusal
    // are put back.
    #[test]
    fn a_refused_save_puts_back_what_it_wrote() {
        let data = sample();
        let plain = stored(&data);
        let used: usize = plain
            .keys()
            .unwrap()
            .iter()
            .map(|k| k.len() + plain.get(k).unwrap().unwrap().len())
            .sum();
        let store = MemoryStore::with_quota(used + 30);
        save(&store, &data, &everyone(&data), at(0), &Revision::default()).unwrap();
        let before: Vec<_> = store
            .keys()
            .unwrap()
            .into_iter()
            .map(|k| (k.clone(), store.get(&k).unwrap()))
            .collect();
        let mut changed = data.clone();
        for id in data.person_ids() {
            let name = format!(
                "{} with twenty more",
                changed.participant(&id).unwrap().display_name
            );
            changed.rename_participant(&id, &name).unwrap();
        }
        assert_eq!(
            save(
                &store,
                &changed,
                &everyone(&data),
                at(1),
                &Revision::default()
            ),
            Err(KvError::QuotaExceeded)
        );
        let after: Vec<_> = store
            .keys()
            .unwrap()
            .into_iter()
            .map(|k| (k.clone(), store.get(&k).unwrap()))
            .collect();
        assert_eq!(after, before);
    }
}
