//! Loading and saving the caseload on this device. Nothing a user entered is ever lost:
//! unreadable data is moved aside before anything else happens, data from a newer app is left
//! alone, and a failed save leaves the previous save in place.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::envelope::{self, ImportError};
use super::keys::{self, new_recovery_key, recovery_keys};
use super::kv::{KeyValue, KvError};
use super::layout::Layout;
use super::migrations::CURRENT_VERSION;
use super::records::{self, RECORDS_VERSION, RecordsError};
use super::revision::Revision;
use crate::domain::caseload::Caseload;

#[derive(Debug, PartialEq, Eq)]
pub enum LoadOutcome {
    /// Nothing stored yet: a first visit, or everything was erased.
    Fresh,
    Loaded(Caseload),
    /// Loaded, but records that could not be read were kept aside as recovery copies.
    KeptAside(Caseload),
    /// Stored by an older version; the next save writes the current one.
    Migrated {
        data: Caseload,
        from_version: u32,
    },
    /// Stored data could not be read. Its text is kept under `recovery_key` and the app starts
    /// empty; the user should be told, and can export the recovery copy for help.
    Quarantined {
        recovery_key: String,
        error: ImportError,
    },
    /// Stored data could not be read nor copied aside (storage full?). It is left where it is:
    /// the app must not save over it.
    Unreadable {
        error: ImportError,
        copy: KvError,
    },
    /// Stored by a newer version of the app. Left untouched: the app must not save over it.
    TooNew {
        version: u64,
    },
    /// Storage cannot be read at all.
    Unavailable(KvError),
}

impl LoadOutcome {
    /// Whether saving is safe, i.e. would not overwrite stored data this app could not read.
    pub fn may_save(&self) -> bool {
        matches!(
            self,
            LoadOutcome::Fresh
                | LoadOutcome::Loaded(_)
                | LoadOutcome::KeptAside { .. }
                | LoadOutcome::Migrated { .. }
                | LoadOutcome::Quarantined { .. }
        )
    }

    /// The data to start with: what was loaded, otherwise an empty caseload.
    pub fn into_data(self) -> Caseload {
        match self {
            LoadOutcome::Loaded(data)
            | LoadOutcome::KeptAside(data)
            | LoadOutcome::Migrated { data, .. } => data,
            _ => Caseload::default(),
        }
    }
}

/// What the whole app (records) finds.
#[cfg(test)]
pub fn load(store: &dyn KeyValue, now: DateTime<Utc>) -> LoadOutcome {
    open(store, now, &super::layout::Records).0
}

/// What an app writing in `layout` finds, and which saves the stored version includes (see
/// `revision`).
pub fn open(
    store: &dyn KeyValue,
    now: DateTime<Utc>,
    layout: &dyn Layout,
) -> (LoadOutcome, Revision) {
    let text = match store.get(keys::DATA) {
        Ok(Some(text)) => text,
        Ok(None) => return (LoadOutcome::Fresh, Revision::default()),
        Err(error) => return (LoadOutcome::Unavailable(error), Revision::default()),
    };
    match layout.read(store, &text, now) {
        Ok(Read::Records {
            data,
            revision,
            kept_aside: false,
            ..
        }) => (LoadOutcome::Loaded(data), revision),
        Ok(Read::Records { data, revision, .. }) => (LoadOutcome::KeptAside(data), revision),
        // Her own app writes one text: the current version is simply loaded.
        Ok(Read::Whole(opened))
            if !layout.writes_records() && opened.version == CURRENT_VERSION =>
        {
            (LoadOutcome::Loaded(opened.data), opened.revision)
        }
        Ok(Read::Whole(opened)) => (
            LoadOutcome::Migrated {
                data: opened.data,
                from_version: opened.version,
            },
            opened.revision,
        ),
        Err(ImportError::TooNew { version }) => {
            (LoadOutcome::TooNew { version }, Revision::default())
        }
        Err(error) => (
            quarantine(store, &text, error, now, layout),
            Revision::default(),
        ),
    }
}

/// Stored data as it was found: records (the layout this build writes), or the whole caseload
/// in one text as earlier builds wrote it.
pub enum Read {
    Records {
        data: Caseload,
        revision: Revision,
        /// False when the head does not name every record (see `records::Opened`).
        complete: bool,
        /// Whether records that could not be read were kept aside as recovery copies.
        kept_aside: bool,
    },
    Whole(envelope::Opened),
}

/// Reads the stored text `text` of `keys::DATA` and, when it is a head, the records beside it.
/// Records that cannot be read are copied aside and removed, so that the rest loads; where
/// one cannot be copied, nothing is touched and the whole is unreadable.
pub fn read(store: &dyn KeyValue, text: &str, now: DateTime<Utc>) -> Result<Read, ImportError> {
    match envelope::open(text) {
        Err(ImportError::TooNew { version }) if version == u64::from(RECORDS_VERSION) => {}
        other => return other.map(Read::Whole),
    }
    let mut kept_aside = false;
    loop {
        match records::open(store, text) {
            Ok(opened) => {
                return Ok(Read::Records {
                    data: opened.data,
                    revision: opened.revision,
                    complete: opened.complete,
                    kept_aside,
                });
            }
            Err(RecordsError::Unreadable(found)) if !kept_aside && !found.is_empty() => {
                kept_aside = true;
                for (key, record) in found {
                    keep_aside(store, &record, now).map_err(|e| invalid(&e))?;
                    store.remove(&key).map_err(|e| invalid(&e))?;
                }
            }
            Err(RecordsError::TooNew { version }) => return Err(ImportError::TooNew { version }),
            Err(RecordsError::Head(error)) => return Err(error),
            Err(RecordsError::Storage(error)) => return Err(invalid(&error)),
            Err(RecordsError::Unreadable(_)) => {
                return Err(invalid(&"records that do not fit together"));
            }
        }
    }
}

fn invalid(detail: &dyn std::fmt::Display) -> ImportError {
    ImportError::Invalid {
        detail: detail.to_string(),
    }
}

/// Writes the records of `people` (every person's, and removes any record of someone not in
/// `data`, when `None`), then the head. A refused write keeps the previous save whole.
/// Returns the head's text now stored.
pub fn save(
    store: &dyn KeyValue,
    data: &Caseload,
    people: Option<&BTreeSet<String>>,
    now: DateTime<Utc>,
    revision: &Revision,
) -> Result<String, KvError> {
    let everyone;
    let people = match people {
        Some(people) => people,
        None => {
            let stored = records::person_keys(store)?;
            everyone = (stored.iter())
                .filter_map(|key| key.strip_prefix(keys::PERSON_PREFIX))
                .map(str::to_owned)
                .chain(data.person_ids())
                .collect();
            &everyone
        }
    };
    records::save(store, data, people, now, revision)
}

/// Writes the whole caseload in one text, as builds before records did: for a caseload whose
/// records do not fit beside that text (see `TabStore`). A refused write keeps the previous save.
pub fn save_one_text(
    store: &dyn KeyValue,
    data: &Caseload,
    now: DateTime<Utc>,
    revision: &Revision,
) -> Result<String, KvError> {
    let text = envelope::write_stored(data, now, revision);
    store.set(keys::DATA, &text)?;
    Ok(text)
}

/// Copies unreadable text aside, then starts the stored data afresh so that the next visit
/// does not copy it again.
fn quarantine(
    store: &dyn KeyValue,
    text: &str,
    error: ImportError,
    now: DateTime<Utc>,
    layout: &dyn Layout,
) -> LoadOutcome {
    match keep_aside(store, text, now) {
        Ok(recovery_key) => {
            // If even an empty start does not fit, the next visit finds the copy's twin
            // instead of copying again. The records stay: a readable one still loads.
            let nobody = BTreeSet::new();
            let _ = layout.save(
                store,
                &Caseload::default(),
                Some(&nobody),
                now,
                &Revision::default(),
            );
            LoadOutcome::Quarantined {
                recovery_key,
                error,
            }
        }
        Err(copy) => LoadOutcome::Unreadable { error, copy },
    }
}

/// Keeps `text` under a recovery key, once: a copy of the same text is not made again.
pub fn keep_aside(store: &dyn KeyValue, text: &str, now: DateTime<Utc>) -> Result<String, KvError> {
    if let Some(key) = recovery_keys(store)?
        .into_iter()
        .find(|key| store.get(key).ok().flatten().as_deref() == Some(text))
    {
        return Ok(key);
    }
    let key = new_recovery_key(store, now)?;
    store.set(&key, text)?;
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::envelope::Stamp;
    use crate::storage::kv::MemoryStore;
    use crate::storage::test_data::{at, current_fixture, sample};

    /// A store that cannot be used at all, like localStorage in some private modes.
    struct Disabled;

    impl KeyValue for Disabled {
        fn get(&self, _: &str) -> Result<Option<String>, KvError> {
            Err(KvError::Unavailable)
        }
        fn set(&self, _: &str, _: &str) -> Result<(), KvError> {
            Err(KvError::Unavailable)
        }
        fn remove(&self, _: &str) -> Result<(), KvError> {
            Err(KvError::Unavailable)
        }
        fn keys(&self) -> Result<Vec<String>, KvError> {
            Err(KvError::Unavailable)
        }
    }

    #[test]
    fn an_empty_store_is_a_fresh_start() {
        let outcome = load(&MemoryStore::new(), at(0));
        assert_eq!(outcome, LoadOutcome::Fresh);
        assert!(outcome.may_save());
    }

    #[test]
    fn what_is_saved_loads_again() {
        let store = MemoryStore::new();
        save(&store, &sample(), None, at(0), &Revision::default()).unwrap();
        assert_eq!(load(&store, at(1)), LoadOutcome::Loaded(sample()));
    }

    // Guards "nothing is lost": unreadable data is copied aside, never overwritten or deleted.
    #[test]
    fn unreadable_data_is_moved_aside_before_a_fresh_start() {
        let store = MemoryStore::new();
        store
            .set(keys::DATA, "{\"format\": \"stegvis\", trunc")
            .unwrap();
        let outcome = load(&store, at(0));
        let LoadOutcome::Quarantined {
            recovery_key,
            error,
        } = &outcome
        else {
            panic!("expected quarantine, got {outcome:?}");
        };
        assert_eq!(error, &ImportError::NotJson);
        assert_eq!(
            store.get(recovery_key).unwrap().as_deref(),
            Some("{\"format\": \"stegvis\", trunc")
        );
        assert!(outcome.may_save());
        // The app saves fresh data; loading again quarantines nothing new.
        save(
            &store,
            &Caseload::default(),
            None,
            at(1),
            &Revision::default(),
        )
        .unwrap();
        assert_eq!(
            load(&store, at(2)),
            LoadOutcome::Loaded(Caseload::default())
        );
        assert_eq!(recovery_keys(&store).unwrap().len(), 1);
    }

    // Guards issue 10 case 4: damaged data was copied aside again on every page load until
    // the copies filled the quota.
    #[test]
    fn damaged_data_is_copied_aside_once_however_often_the_app_opens() {
        let damaged = "x".repeat(1000);
        let store = MemoryStore::with_quota(2 * damaged.len() + 4000);
        store.set(keys::DATA, &damaged).unwrap();
        for _ in 0..4 {
            assert!(load(&store, at(0)).may_save());
        }
        let copies = recovery_keys(&store).unwrap();
        assert_eq!(copies.len(), 1);
        assert_eq!(store.get(&copies[0]).unwrap(), Some(damaged));
        assert_eq!(
            load(&store, at(1)),
            LoadOutcome::Loaded(Caseload::default())
        );
    }

    // Guards the same when not even an empty start fits beside the copy: the copy's twin is
    // found instead of copying again.
    #[test]
    fn damaged_data_that_stays_is_not_copied_twice() {
        let damaged = "y".repeat(100);
        let store = MemoryStore::with_quota(keys::DATA.len() + 2 * damaged.len() + 50);
        store.set(keys::DATA, &damaged).unwrap();
        for _ in 0..3 {
            assert!(matches!(
                load(&store, at(0)),
                LoadOutcome::Quarantined { .. }
            ));
        }
        assert_eq!(recovery_keys(&store).unwrap().len(), 1);
    }

    #[test]
    fn a_second_corruption_gets_its_own_recovery_copy() {
        let store = MemoryStore::new();
        store.set(keys::DATA, "first").unwrap();
        load(&store, at(0));
        store.set(keys::DATA, "second").unwrap();
        load(&store, at(0));
        let kept: Vec<String> = recovery_keys(&store)
            .unwrap()
            .iter()
            .map(|k| store.get(k).unwrap().unwrap())
            .collect();
        assert_eq!(kept, ["first", "second"]);
    }

    // Guards against losing unreadable data when there is no room to copy it aside.
    #[test]
    fn unreadable_data_that_cannot_be_copied_stays_and_blocks_saving() {
        let store = MemoryStore::with_quota(40);
        store.set(keys::DATA, "not json, and fairly long").unwrap();
        let outcome = load(&store, at(0));
        assert!(matches!(
            outcome,
            LoadOutcome::Unreadable {
                copy: KvError::QuotaExceeded,
                ..
            }
        ));
        assert!(!outcome.may_save());
        assert_eq!(
            store.get(keys::DATA).unwrap().as_deref(),
            Some("not json, and fairly long")
        );
    }

    // Guards data written by a newer app: it is refused and left exactly as it was.
    #[test]
    fn newer_data_is_left_untouched() {
        let store = MemoryStore::new();
        let newer = r#"{"format":"stegvis","schema_version":2000,"data":{"x":1}}"#;
        store.set(keys::DATA, newer).unwrap();
        let outcome = load(&store, at(0));
        assert_eq!(outcome, LoadOutcome::TooNew { version: 2000 });
        assert!(!outcome.may_save());
        assert_eq!(store.get(keys::DATA).unwrap().as_deref(), Some(newer));
        assert_eq!(store.keys().unwrap(), [keys::DATA]);
    }

    // Guards the quota case: a refused save keeps the previous save whole and loadable.
    #[test]
    fn a_save_refused_for_quota_keeps_the_previous_save() {
        let small = Caseload::default();
        let saved_size = envelope::write_stored(&small, at(0), &Revision::default()).len();
        let store = MemoryStore::with_quota(keys::DATA.len() + saved_size + 10);
        save(&store, &small, None, at(0), &Revision::default()).unwrap();
        assert_eq!(
            save(&store, &sample(), None, at(1), &Revision::default()),
            Err(KvError::QuotaExceeded)
        );
        assert_eq!(load(&store, at(2)), LoadOutcome::Loaded(small));
    }

    #[test]
    fn disabled_storage_is_reported_and_blocks_saving() {
        let outcome = load(&Disabled, at(0));
        assert_eq!(outcome, LoadOutcome::Unavailable(KvError::Unavailable));
        assert!(!outcome.may_save());
        assert_eq!(outcome.into_data(), Caseload::default());
        assert_eq!(
            save(&Disabled, &sample(), None, at(0), &Revision::default()),
            Err(KvError::Unavailable)
        );
    }

    // Guards every shipped schema version: its fixture must keep loading in this build.
    #[test]
    fn every_shipped_version_still_loads() {
        for version in 1..=CURRENT_VERSION {
            let path = format!(
                "{}/tests/fixtures/storage/v{version}.json",
                env!("CARGO_MANIFEST_DIR")
            );
            let text =
                std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing fixture {path}"));
            let store = MemoryStore::new();
            store.set(keys::DATA, &text).unwrap();
            let outcome = load(&store, at(0));
            assert!(outcome.may_save(), "{path}: {outcome:?}");
            let data = outcome.into_data();
            assert_eq!(data.participants().len(), 2, "{path}");
        }
    }

    // Guards the stored format against silent renames: the current fixture is written back as is.
    #[test]
    fn the_current_fixture_is_written_back_unchanged() {
        let (fixture, data) = current_fixture();
        let written: serde_json::Value =
            serde_json::from_str(&envelope::write(&data, Stamp::SavedAt(at(0)), false)).unwrap();
        assert_eq!(written["data"], fixture["data"]);
    }
}
